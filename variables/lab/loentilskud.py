"""Ansættelse med løntilskud (LAB kap. 12): adgang (§ 66), ledighedskravet (§ 69), varighed (§ 68)
og merbeskæftigelse på arbejdsstedet."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    alder_hvor,
    kraev_oplyst,
    maaned_start,
    plus_maaneder,
)
from openfisca_dk_beskaeftigelse.entities import Person, Virksomhed
from openfisca_dk_beskaeftigelse.grupper import en_af
from openfisca_dk_beskaeftigelse.love import LAB


class loentilskud_kan_tilbydes(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Hører til en målgruppe, der kan få tilbud om løntilskud"
    reference = LAB.paragraf("§ 66, stk. 1")
    documentation = (
        "Alle målgrupper i § 6 undtagen fleksjobvisiterede (nr. 9) og unge under 18 år "
        "(nr. 13), og undtagen sygedagpengemodtagere og personer i jobafklaringsforløb (nr. 6-7), "
        "der er i job eller driver selvstændig virksomhed (beskaeftigelse er ikke 'ledig'). "
        "Undtagelsen for åbenlyst uddannelsesparate (nr. 4) er ikke modelleret."
    )

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        beskaeftigelse = person("beskaeftigelse", period)
        i_job = beskaeftigelse != beskaeftigelse.possible_values.ledig
        udelukket = en_af(maalgruppe, m.fleksjobvisiteret, m.ung_under_18, m.ingen) | (
            en_af(maalgruppe, m.sygedagpengemodtager, m.jobafklaringsforloeb) & i_job
        )
        return ~udelukket


class loentilskud_ledighedskrav_undtaget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Er undtaget fra kravet om forudgående offentlig forsørgelse (løntilskud)"
    reference = LAB.paragraf("§ 69, stk. 3, nr. 1-3")
    documentation = (
        "Ingen kompetencegivende ungdomsuddannelse eller højere (uddannelsesniveau 'ingen'), "
        "over 50 år (læst som fyldt 50; alderen kræves kun for personer, kravet ellers "
        "gælder for), eller enlig forsørger (er_enlig og har_forsoergerpligt)."
    )

    def formula(person, period, parameters):
        krav = parameters(period).lab.loentilskud.ledighedskrav
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        niveau = person("uddannelsesniveau_anvendt", period)
        # nr. 1: hverken kompetencegivende ungdomsuddannelse eller uddannelse på et højere niveau.
        uden_uddannelse = niveau == niveau.possible_values.ingen
        # nr. 3: enlig forsørger.
        enlig_forsoerger = person("er_enlig", period) & person("har_forsoergerpligt", period)
        kravet_kan_gaelde = en_af(
            maalgruppe,
            m.forsikret_ledig,
            m.jobparat_kontanthjaelp,
            m.aktivitetsparat_kontanthjaelp,
            m.uddannelsesparat_uddannelseshjaelp,
            m.aktivitetsparat_uddannelseshjaelp,
            m.sygedagpengemodtager,
            m.jobafklaringsforloeb,
            m.ressourceforloeb,
            m.ledig_selvforsoergende,
        )
        aldersrelevant = kravet_kan_gaelde & ~uden_uddannelse & ~enlig_forsoerger
        alder = alder_hvor(person, period, aldersrelevant, "loentilskud_ledighedskrav_undtaget")
        # nr. 2: over 50 år.
        over_50 = aldersrelevant & (alder >= krav.undtaget_fra_alder)
        return uden_uddannelse | over_50 | enlig_forsoerger


class loentilskud_ledighedskrav_gaelder_privat(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kravet om forudgående offentlig forsørgelse gælder ved løntilskud hos en privat arbejdsgiver"
    reference = LAB.paragraf("§ 69, stk. 1-3")
    documentation = "§ 6, nr. 1-8 og 12, medmindre personen er undtaget efter stk. 3."

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        omfattet = en_af(
            maalgruppe,
            m.forsikret_ledig,
            m.jobparat_kontanthjaelp,
            m.aktivitetsparat_kontanthjaelp,
            m.uddannelsesparat_uddannelseshjaelp,
            m.aktivitetsparat_uddannelseshjaelp,
            m.sygedagpengemodtager,
            m.jobafklaringsforloeb,
            m.ressourceforloeb,
            m.ledig_selvforsoergende,
        )
        return omfattet & ~person("loentilskud_ledighedskrav_undtaget", period)


class loentilskud_ledighedskrav_gaelder_offentlig(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kravet om forudgående offentlig forsørgelse gælder ved løntilskud hos en offentlig arbejdsgiver"
    reference = LAB.paragraf("§ 69, stk. 1 og 3")
    documentation = (
        "§ 6, nr. 1-5 og 12, medmindre personen er undtaget efter stk. 3 (nr. 6-8 kun hos private)."
    )

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        omfattet = en_af(
            maalgruppe,
            m.forsikret_ledig,
            m.jobparat_kontanthjaelp,
            m.aktivitetsparat_kontanthjaelp,
            m.uddannelsesparat_uddannelseshjaelp,
            m.aktivitetsparat_uddannelseshjaelp,
            m.ledig_selvforsoergende,
        )
        return omfattet & ~person("loentilskud_ledighedskrav_undtaget", period)


def _forsoerget_mindst(person, period, maaneder, relevant, hvorfor):
    """Har ved månedens begyndelse modtaget offentlig forsørgelse i mindst ``maaneder`` måneder."""
    start = person("ledighed_startdato", period)
    kraev_oplyst(start, "ledighed_startdato", hvorfor, relevant=relevant)
    return (start != numpy.datetime64(INGEN_DATO)) & (plus_maaneder(start, maaneder) <= maaned_start(period))


class loentilskud_ventetid_privat_maaneder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "month"
    label = "Måneder med forudgående offentlig forsørgelse før løntilskud hos en privat arbejdsgiver"
    reference = LAB.paragraf("§ 69, stk. 1-2")
    documentation = (
        "Ventetiden i lab.loentilskud.ledighedskrav.maaneder_privat (6 måneder) for alle, kravet gælder "
        "for. En reform, der fremrykker løntilskuddet for udvalgte grupper, erstatter denne variabel."
    )

    def formula(person, period, parameters):
        maaneder = parameters(period).lab.loentilskud.ledighedskrav.maaneder_privat
        return numpy.full(person.count, maaneder)


class loentilskud_ledighedskrav_opfyldt_privat(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Har modtaget offentlig forsørgelse længe nok til løntilskud hos en privat arbejdsgiver"
    reference = LAB.paragraf("§ 69, stk. 1-2")
    documentation = (
        "Mindst loentilskud_ventetid_privat_maaneder (6) måneder fra ledighed_startdato til månedens "
        "første dag. Perioden regnes som sammenhængende; hvilke ydelser der tæller (regler efter "
        "§ 10, stk. 2), er ikke modelleret. ledighed_startdato kræves for personer, som kravet gælder for."
    )

    def formula(person, period, parameters):
        relevant = person("loentilskud_ledighedskrav_gaelder_privat", period)
        maaneder = person("loentilskud_ventetid_privat_maaneder", period)
        return _forsoerget_mindst(person, period, maaneder, relevant, "loentilskud_ledighedskrav_opfyldt")


class loentilskud_ledighedskrav_opfyldt_offentlig(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Har modtaget offentlig forsørgelse længe nok til løntilskud hos en offentlig arbejdsgiver"
    reference = LAB.paragraf("§ 69, stk. 1")
    documentation = "Som for private arbejdsgivere, med kravet for offentlige arbejdsgivere."

    def formula(person, period, parameters):
        krav = parameters(period).lab.loentilskud.ledighedskrav
        relevant = person("loentilskud_ledighedskrav_gaelder_offentlig", period)
        return _forsoerget_mindst(
            person, period, krav.maaneder_offentlig, relevant, "loentilskud_ledighedskrav_opfyldt"
        )


class loentilskud_ledighedskrav_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Har modtaget offentlig forsørgelse længe nok til løntilskud (hos mindst én arbejdsgivertype)"
    reference = LAB.paragraf("§ 69, stk. 1-2")
    documentation = (
        "Perioden med offentlig forsørgelse opfylder kravet hos en privat eller en offentlig "
        "arbejdsgiver. Efter gældende ret er de to krav ens (6 måneder)."
    )

    def formula(person, period, parameters):
        return person("loentilskud_ledighedskrav_opfyldt_privat", period) | person(
            "loentilskud_ledighedskrav_opfyldt_offentlig", period
        )


class loentilskud_ret_privat(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan nu ansættes med løntilskud hos en privat arbejdsgiver"
    reference = LAB.paragraf("§ 66", "§ 69, stk. 1-3")
    documentation = "Målgruppen kan få løntilskud, og ledighedskravet gælder ikke eller er opfyldt."

    def formula(person, period, parameters):
        kravet_gaelder = person("loentilskud_ledighedskrav_gaelder_privat", period)
        opfyldt = person("loentilskud_ledighedskrav_opfyldt_privat", period)
        return person("loentilskud_kan_tilbydes", period) & (~kravet_gaelder | opfyldt)


class loentilskud_ret_offentlig(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan nu ansættes med løntilskud hos en offentlig arbejdsgiver"
    reference = LAB.paragraf("§ 66", "§ 69, stk. 1 og 3")
    documentation = "Målgruppen kan få løntilskud, og ledighedskravet gælder ikke eller er opfyldt."

    def formula(person, period, parameters):
        kravet_gaelder = person("loentilskud_ledighedskrav_gaelder_offentlig", period)
        opfyldt = person("loentilskud_ledighedskrav_opfyldt_offentlig", period)
        return person("loentilskud_kan_tilbydes", period) & (~kravet_gaelder | opfyldt)


class loentilskud_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan nu begynde i ansættelse med løntilskud"
    reference = LAB.paragraf("§ 66", "§ 69")
    documentation = (
        "Kan ansættes med løntilskud hos en privat eller en offentlig arbejdsgiver i måneden "
        "(§ 66 og ledighedskravet i § 69 med undtagelserne i stk. 3). Se loentilskud_ret_privat "
        "og loentilskud_ret_offentlig for de to arbejdsgivertyper."
    )

    def formula(person, period, parameters):
        return person("loentilskud_ret_privat", period) | person("loentilskud_ret_offentlig", period)


class loentilskud_varighed_fastsat(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Modellen kender løntilskuddets højeste varighed for personen (§ 68, nr. 1)"
    reference = LAB.paragraf("§ 68, nr. 1")
    documentation = (
        "Sand for personer med adgang til løntilskud i § 6, nr. 1, 2 og 4 og jobparate "
        "selvforsørgende (nr. 12, når parathed ikke er 'aktivitetsparat'). Varigheden for de "
        "øvrige grupper (§ 68, nr. 2 ff.) er ikke verificeret; for dem er de højeste "
        "varigheder 0 og denne variabel falsk."
    )

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        parathed = person("parathed", period)
        jobparat_selvforsoergende = (maalgruppe == m.ledig_selvforsoergende) & (
            parathed != parathed.possible_values.aktivitetsparat
        )
        nr_1 = en_af(
            maalgruppe, m.forsikret_ledig, m.jobparat_kontanthjaelp, m.uddannelsesparat_uddannelseshjaelp
        )
        return person("loentilskud_kan_tilbydes", period) & (nr_1 | jobparat_selvforsoergende)


class loentilskud_max_maaneder_privat(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "month"
    label = "Højeste varighed af løntilskud hos en privat arbejdsgiver, måneder"
    reference = LAB.paragraf("§ 68, nr. 1")
    documentation = (
        "Op til 6 måneder for de grupper, § 68, nr. 1 omfatter; 0 hvor varigheden ikke er fastsat i modellen."
    )

    def formula(person, period, parameters):
        varighed = parameters(period).lab.loentilskud.varighed
        return numpy.where(person("loentilskud_varighed_fastsat", period), varighed.privat_maaneder, 0)


class loentilskud_max_maaneder_offentlig(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "month"
    label = "Højeste varighed af løntilskud hos en offentlig arbejdsgiver, måneder"
    reference = LAB.paragraf("§ 68, nr. 1")
    documentation = (
        "Op til 4 måneder for de grupper, § 68, nr. 1 omfatter; 0 hvor varigheden ikke er fastsat i modellen."
    )

    def formula(person, period, parameters):
        varighed = parameters(period).lab.loentilskud.varighed
        return numpy.where(person("loentilskud_varighed_fastsat", period), varighed.offentlig_maaneder, 0)


class gennemsnit_ansatte_seneste_12_maaneder(Variable):
    value_type = float
    default_value = -1
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "FTE"
    label = "Gennemsnitligt antal ansatte på arbejdsstedet i de seneste 12 måneder"
    reference = LAB.paragraf("§ 75")
    documentation = (
        "Grundlaget for kravet om merbeskæftigelse. Ikke oplyst (standard, -1): det antages "
        "at være lig det nuværende antal ordinært ansatte (forholdstal_antal_ordinaert_ansatte), "
        "dvs. uændret bemanding. Paragraffen for merbeskæftigelse er ikke verificeret."
    )


class stilling_ledig_ved_afskedigelse_seneste_3_maaneder(Variable):
    value_type = bool
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "En stilling er blevet ledig ved afskedigelse eller opsigelse i de seneste 3 måneder"
    reference = LAB.paragraf("§ 75")
    documentation = (
        "Stillingen er blevet ledig, fordi en ansat uden offentlig støtte er afskediget eller "
        "har sagt op inden for de seneste 3 måneder. Er det tilfældet, er kravet om "
        "merbeskæftigelse ikke opfyldt."
    )


class loentilskud_antal_nye_ansaettelser(Variable):
    value_type = int
    default_value = 1
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "person"
    label = "Antal personer, arbejdsstedet vil ansætte med løntilskud"
    reference = LAB.paragraf("§ 75")
    documentation = "Standard: én ny ansættelse; bruges i kontrollen af merbeskæftigelse."


class loentilskud_merbeskaeftigelse_opfyldt(Variable):
    value_type = bool
    entity = Virksomhed
    definition_period = MONTH
    label = "Ansættelse med løntilskud giver merbeskæftigelse på arbejdsstedet"
    reference = LAB.paragraf("§ 75")
    documentation = (
        "Ansættelsen skal give en nettoudvidelse af antallet af ansatte i forhold til "
        "gennemsnittet i de seneste 12 måneder, og stillingen må ikke være blevet ledig ved "
        "afskedigelse eller opsigelse af en ustøttet ansat i de seneste 3 måneder "
        "(Ankestyrelsens beskrivelse, 2014; medium; paragraffen er ikke verificeret). "
        "Modellen sammenligner ordinært ansatte (fuldtidspersoner) plus de nye ansættelser "
        "med gennemsnittet; en tillidsrepræsentants skriftlige bekræftelse er ikke modelleret."
    )

    def formula(virksomhed, period, parameters):
        efter_ansaettelse = virksomhed("forholdstal_antal_ordinaert_ansatte", period) + virksomhed(
            "loentilskud_antal_nye_ansaettelser", period
        )
        oplyst = virksomhed("gennemsnit_ansatte_seneste_12_maaneder", period)
        gennemsnit = numpy.where(
            oplyst < 0, virksomhed("forholdstal_antal_ordinaert_ansatte", period), oplyst
        )
        nettoudvidelse = efter_ansaettelse > gennemsnit
        return nettoudvidelse & ~virksomhed("stilling_ledig_ved_afskedigelse_seneste_3_maaneder", period)
