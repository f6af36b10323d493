"""Uddannelsesordninger for ledige: 6 ugers jobrettet uddannelse (§ 48), uddannelsesløft (§§ 96, 97 a),
den regionale uddannelsespulje, voksenlærlinge (§§ 154-160) og puljen til uddannelsesløft."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    alder_hvor,
    kraev_oplyst,
    maaned_slut,
    maaned_start,
    plus_maaneder,
    plus_uger,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import en_af, hvor
from openfisca_dk_beskaeftigelse.love import AFL, LAB, LOV_1750_2025


def _ledig_mindst(person, period, maaneder, relevant, hvorfor):
    """Har været ledig/på ydelse i mindst ``maaneder`` måneder ved månedens begyndelse."""
    start = person("ledighed_startdato", period)
    kraev_oplyst(start, "ledighed_startdato", hvorfor, relevant=relevant)
    return (start != numpy.datetime64(INGEN_DATO)) & (plus_maaneder(start, maaneder) <= maaned_start(period))


class Uddannelsesniveau(Enum):
    ikke_oplyst = "Ikke oplyst"
    ingen = "Ingen kompetencegivende uddannelse (ufaglært)"
    gymnasial = "Gymnasial uddannelse uden erhvervskompetence"
    erhvervsuddannelse = "Erhvervsuddannelse (faglært)"
    kort_videregaaende_med_erhvervsuddannelse = "Kort videregående uddannelse og en erhvervsuddannelse"
    kort_videregaaende = "Kort videregående uddannelse"
    mellemlang_videregaaende = "Mellemlang videregående uddannelse"
    lang_videregaaende = "Lang videregående uddannelse"


class uddannelsesniveau(Variable):
    value_type = Enum
    possible_values = Uddannelsesniveau
    default_value = Uddannelsesniveau.ikke_oplyst
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Højeste fuldførte uddannelse"
    reference = LAB.paragraf("§ 48, stk. 1", "§ 69, stk. 3, nr. 1", "§ 96", "§ 97 a")
    documentation = (
        "Afgør adgangen til 6 ugers jobrettet uddannelse, uddannelsesløft, voksenlærlinge, "
        "virksomhedspraktik for dimittender og undtagelsen fra ledighedskravet for "
        "løntilskud. Ikke oplyst: se uddannelsesniveau_anvendt."
    )


class uddannelsesniveau_anvendt(Variable):
    value_type = Enum
    possible_values = Uddannelsesniveau
    default_value = Uddannelsesniveau.ingen
    entity = Person
    definition_period = MONTH
    label = "Uddannelsesniveau, som reglerne bruger"
    reference = LAB.paragraf("§ 48, stk. 1", "§ 69, stk. 3, nr. 1", "§ 96", "§ 97 a")
    documentation = (
        "Det oplyste uddannelsesniveau; er det ikke oplyst, udledes det af "
        "har_erhvervskompetencegivende_uddannelse: ja giver 'erhvervsuddannelse', nej giver "
        "'ingen'. En gymnasial eller videregående uddannelse skal derfor oplyses."
    )

    def formula(person, period, parameters):
        oplyst = person("uddannelsesniveau", period)
        udledt = hvor(
            person("har_erhvervskompetencegivende_uddannelse", period),
            Uddannelsesniveau.erhvervsuddannelse,
            Uddannelsesniveau.ingen,
        )
        return hvor(oplyst == Uddannelsesniveau.ikke_oplyst, udledt, oplyst)


class uddannelse_er_foraeldet(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Den erhvervsuddannelse, personen har, er forældet (ikke brugt i 5 år)"
    reference = LAB.paragraf("§ 96", "§§ 154-160")
    documentation = (
        "Faglærte, hvis uddannelse ikke har været anvendt i de seneste 5 år, sidestilles med ufaglærte."
    )


class er_ufaglaert_eller_foraeldet_faglaert(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Er ufaglært eller faglært med forældet uddannelse"
    reference = LAB.paragraf("§ 96", "§ 97 a", "§§ 154-160")
    documentation = (
        "Ufaglært: ingen uddannelse eller kun en gymnasial uddannelse. Forældet: en "
        "erhvervsuddannelse, der ikke er brugt i 5 år."
    )

    def formula(person, period, parameters):
        niveau = person("uddannelsesniveau_anvendt", period)
        u = niveau.possible_values
        ufaglaert = (niveau == u.ingen) | (niveau == u.gymnasial)
        return ufaglaert | ((niveau == u.erhvervsuddannelse) & person("uddannelse_er_foraeldet", period))


class uddannelse_6_ugers_jobrettet_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan påbegynde 6 ugers jobrettet uddannelse i måneden"
    reference = LAB.paragraf("§ 48, stk. 1-3")
    documentation = (
        "Dagpengemodtagere (§ 6, nr. 1) og fleksjobvisiterede på ledighedsydelse, som højst "
        "er faglærte eller har en kort videregående uddannelse og en erhvervsuddannelse. "
        "Tidligst efter 5 ugers ledighed (en start senest på månedens sidste dag), og "
        "uddannelsen skal være afsluttet inden 6 måneders ledighed (under 25 år) eller 9 "
        "måneder (fyldt 25 år, ledighedsydelse); fristen gjaldt ikke 1.9.2021-31.12.2022. "
        "Ledigheden regnes fra ledighed_startdato som én sammenhængende periode."
    )

    def formula(person, period, parameters):
        seks_uger = parameters(period).lab.uddannelse.seks_ugers_jobrettet
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        ydelse = person("ydelse", period)
        ledighedsydelse = (maalgruppe == m.fleksjobvisiteret) & (
            ydelse == ydelse.possible_values.ledighedsydelse
        )
        niveau = person("uddannelsesniveau_anvendt", period)
        u = niveau.possible_values
        # Stk. 1: ufaglærte, faglærte og personer med kort videregående uddannelse og erhvervsuddannelse.
        niveau_ok = en_af(
            niveau, u.ingen, u.gymnasial, u.erhvervsuddannelse, u.kort_videregaaende_med_erhvervsuddannelse
        )
        omfattet = ((maalgruppe == m.forsikret_ledig) | ledighedsydelse) & niveau_ok
        start = person("ledighed_startdato", period)
        kraev_oplyst(start, "ledighed_startdato", "uddannelse_6_ugers_jobrettet_ret", relevant=omfattet)
        alder = alder_hvor(person, period, omfattet & ~ledighedsydelse, "uddannelse_6_ugers_jobrettet_ret")
        # Stk. 2: tidligst efter 5 ugers ledighed; afsluttet inden 6 (under 25 år) eller 9 måneder.
        kan_begynde = plus_uger(start, seks_uger.tidligst_efter_uger) <= maaned_slut(period)
        afslutningsfrist = numpy.where(
            ledighedsydelse | (alder >= seks_uger.aldersgraense),
            seks_uger.afsluttet_maaneder_fra_aldersgraense,
            seks_uger.afsluttet_maaneder_under_aldersgraense,
        )
        inden_fristen = ~seks_uger.tidsgraense_gaelder | (
            maaned_start(period) < plus_maaneder(start, afslutningsfrist)
        )
        return omfattet & kan_begynde & inden_fristen


class uddannelse_6_ugers_jobrettet_max_uger(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "week"
    label = "Højeste varighed af jobrettet uddannelse, uger"
    reference = LAB.paragraf("§ 48, stk. 1")
    documentation = "Op til 6 uger for personer, der kan påbegynde jobrettet uddannelse i måneden; ellers 0."

    def formula(person, period, parameters):
        seks_uger = parameters(period).lab.uddannelse.seks_ugers_jobrettet
        return numpy.where(person("uddannelse_6_ugers_jobrettet_ret", period), seks_uger.hoejeste_uger, 0)


class uddannelse_6_ugers_jobrettet_sats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Ydelse under 6 ugers jobrettet uddannelse, kr. pr. måned"
    reference = LAB.paragraf("§ 48")
    documentation = (
        "Den almindelige ydelse: dagpengesatsen for dagpengemodtagere, ledighedsydelsen for "
        "fleksjobvisiterede; 0 for personer uden adgang i måneden."
    )

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe_lab_6", period)
        ydelse = numpy.where(
            maalgruppe == maalgruppe.possible_values.forsikret_ledig,
            person("dagpenge_maanedssats", period),
            person("ledighedsydelse_maanedsbeloeb", period),
        )
        return numpy.where(person("uddannelse_6_ugers_jobrettet_ret", period), ydelse, 0)


class uddannelsesloeft_80_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan få uddannelsesløft med 80 pct. dagpenge"
    reference = LAB.paragraf("§ 96", "§ 100, stk. 3")
    documentation = (
        "Dagpengemodtagere fyldt 30 år, som er ufaglærte eller faglærte med forældet "
        "uddannelse, kan tage hele eller dele af en erhvervsuddannelse, også grundforløb. "
        "Tilbuddet kræver personens accept (§ 100, stk. 3). Ingen ventetid i kilderne."
    )

    def formula(person, period, parameters):
        loeft = parameters(period).lab.uddannelse.uddannelsesloeft
        maalgruppe = person("maalgruppe_lab_6", period)
        forsikret = maalgruppe == maalgruppe.possible_values.forsikret_ledig
        alder = alder_hvor(person, period, forsikret, "uddannelsesloeft_80_ret")
        return (
            forsikret
            & (alder >= loeft.mindstealder)
            & person("er_ufaglaert_eller_foraeldet_faglaert", period)
        )


class uddannelsesloeft_80_sats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Dagpenge under uddannelsesløft (80 pct.), kr. pr. måned"
    reference = LAB.paragraf("§ 96") + AFL.paragraf("§ 48")
    documentation = (
        "80 pct. af personens dagpengesats, når personen har adgang til uddannelsesløft; ellers 0."
    )

    def formula(person, period, parameters):
        loeft = parameters(period).lab.uddannelse.uddannelsesloeft
        return numpy.where(
            person("uddannelsesloeft_80_ret", period),
            loeft.andel_80 * person("dagpenge_maanedssats", period),
            0,
        )


class uddannelsesloeft_110_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan få uddannelsesløft med 110 pct. dagpenge (erhvervsuddannelse på positivlisten)"
    reference = LAB.paragraf("§ 97 a")
    documentation = (
        "Samme personkreds som uddannelsesløft (§ 96), når uddannelsen er en "
        "erhvervsuddannelse på positivlisten. Ordningen gjaldt august 2020 - 31. december "
        "2022 og 1. juli - 31. december 2023 og er permanent fra 1. januar 2024. Om uddannelsen "
        "står på positivlisten, er ikke modelleret: variablen forudsætter det."
    )

    def formula(person, period, parameters):
        loeft = parameters(period).lab.uddannelse.uddannelsesloeft
        return person("uddannelsesloeft_80_ret", period) & loeft.ordning_110_gaelder


class uddannelsesloeft_110_sats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Dagpenge under uddannelsesløft på positivlisten (110 pct.), kr. pr. måned"
    reference = LAB.paragraf("§ 97 a")
    documentation = (
        "110 pct. af personens dagpengesats, når ordningen gælder og personen har adgang; ellers 0."
    )

    def formula(person, period, parameters):
        loeft = parameters(period).lab.uddannelse.uddannelsesloeft
        return numpy.where(
            person("uddannelsesloeft_110_ret", period),
            loeft.andel_110 * person("dagpenge_maanedssats", period),
            0,
        )


class regional_uddannelsespulje_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan få uddannelse fra den regionale uddannelsespulje"
    reference = LAB.paragraf("§ 6")
    documentation = (
        "Fra 1. august 2020 (midlertidigt, fra 2021 i LAB) alle målgrupper i § 6 undtagen "
        "fleksjobbere, fra første ledighedsdag, uden krav til uddannelse eller alder; før da kun "
        "forsikrede ledige. En fleksjobvisiteret på ledighedsydelse er ledig og omfattet (STAR: "
        "'alle ledige målgrupper … undtaget fleksjobbere'; medium). Kurset skal stå på den "
        "regionale positivliste eller have en jobåbningserklæring; det er ikke modelleret. "
        "Ydelsen under kurset er den almindelige."
    )

    def formula(person, period, parameters):
        pulje = parameters(period).lab.uddannelse.regional_uddannelsespulje
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        ydelse = person("ydelse", period)
        fleksjobber = (maalgruppe == m.fleksjobvisiteret) & (ydelse != ydelse.possible_values.ledighedsydelse)
        alle = (maalgruppe != m.ingen) & ~fleksjobber
        return numpy.where(pulje.alle_maalgrupper, alle, maalgruppe == m.forsikret_ledig)


class voksenlaerling_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan ansættes som voksenlærling med tilskud til arbejdsgiveren"
    reference = LAB.paragraf("§§ 154-160")
    documentation = (
        "Ledige på dagpenge, kontanthjælp eller uddannelseshjælp (§ 6, nr. 1-5), fyldt 25 år: "
        "ufaglærte og faglærte med forældet uddannelse efter 2 måneders ledighed; faglærte "
        "efter 6 måneder (3 måneder i forsøget 2021-2022) med en uddannelsesaftale på et "
        "område med mangel på arbejdskraft. Ledigheden regnes fra ledighed_startdato; "
        "lovens 'mere end' er læst som 'mindst' hele måneder ved månedens begyndelse."
    )

    def formula(person, period, parameters):
        voksenlaerling = parameters(period).lab.uddannelse.voksenlaerling
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        omfattet = en_af(
            maalgruppe,
            m.forsikret_ledig,
            m.jobparat_kontanthjaelp,
            m.aktivitetsparat_kontanthjaelp,
            m.uddannelsesparat_uddannelseshjaelp,
            m.aktivitetsparat_uddannelseshjaelp,
        )
        alder = alder_hvor(person, period, omfattet, "voksenlaerling_ret")
        ufaglaert = person("er_ufaglaert_eller_foraeldet_faglaert", period)
        ventetid = numpy.where(
            ufaglaert, voksenlaerling.ledighed_ufaglaert_maaneder, voksenlaerling.ledighed_faglaert_maaneder
        )
        ledig_nok = _ledig_mindst(person, period, ventetid, omfattet, "voksenlaerling_ret")
        return omfattet & (alder >= voksenlaerling.mindstealder) & ledig_nok


class pulje_uddannelsesloeft_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan få et erhvervsuddannelsesforløb fra puljen til uddannelsesløft"
    reference = LAB.paragraf("§ 96") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Jobparate kontanthjælpsmodtagere (§ 6, nr. 2) fyldt 30 år, som er ufaglærte eller "
        "har en forældet uddannelse. At dagpengemodtagere kan fortsætte efter dagpengeperioden, "
        "er ikke modelleret. Puljen er afskaffet ved lov nr. 1750/2025 (her fra 1.2.2026)."
    )

    def formula(person, period, parameters):
        pulje = parameters(period).lab.uddannelse.pulje_uddannelsesloeft
        maalgruppe = person("maalgruppe_lab_6", period)
        jobparat = maalgruppe == maalgruppe.possible_values.jobparat_kontanthjaelp
        alder = alder_hvor(person, period, jobparat, "pulje_uddannelsesloeft_ret")
        return (
            pulje.ordningen_gaelder
            & jobparat
            & (alder >= pulje.mindstealder)
            & person("er_ufaglaert_eller_foraeldet_faglaert", period)
        )
