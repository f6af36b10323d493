"""Jobrotation (LAB §§ 149-152): vikarens adgang og jobrotationsydelsen; afskaffet ved lov nr. 1750/2025."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, kraev_oplyst, maaned_start, plus_maaneder
from openfisca_dk_beskaeftigelse.entities import Person, Virksomhed
from openfisca_dk_beskaeftigelse.grupper import en_af
from openfisca_dk_beskaeftigelse.love import LAB, LOV_1750_2025


class jobrotation_vikar_maalgruppe(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Hører til de målgrupper, der kan ansættes som jobrotationsvikar"
    reference = LAB.paragraf("§ 151, stk. 1")
    documentation = (
        "§ 6, nr. 1-5; nr. 6-7, når personen ikke er i job (beskaeftigelse 'ledig'); nr. 8; "
        "og nr. 9, når personen modtager ledighedsydelse."
    )

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        beskaeftigelse = person("beskaeftigelse", period)
        ydelse = person("ydelse", period)
        nr_1_5_og_8 = en_af(
            maalgruppe,
            m.forsikret_ledig,
            m.jobparat_kontanthjaelp,
            m.aktivitetsparat_kontanthjaelp,
            m.uddannelsesparat_uddannelseshjaelp,
            m.aktivitetsparat_uddannelseshjaelp,
            m.ressourceforloeb,
        )
        nr_6_7_uden_job = en_af(maalgruppe, m.sygedagpengemodtager, m.jobafklaringsforloeb) & (
            beskaeftigelse == beskaeftigelse.possible_values.ledig
        )
        nr_9_ledighedsydelse = (maalgruppe == m.fleksjobvisiteret) & (
            ydelse == ydelse.possible_values.ledighedsydelse
        )
        return nr_1_5_og_8 | nr_6_7_uden_job | nr_9_ledighedsydelse


class jobrotation_ledighedskrav_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Har modtaget offentlig forsørgelse længe nok til at blive jobrotationsvikar"
    reference = LAB.paragraf("§ 151, stk. 1")
    documentation = (
        "Mindst 6 måneder (3 for forløb påbegyndt i 2021, BEK nr. 2166/2020 § 3) fra "
        "ledighed_startdato til månedens første dag (én sammenhængende "
        "periode; hvilke ydelser der tæller, er ikke modelleret). ledighed_startdato kræves "
        "for personer i vikarernes målgrupper."
    )

    def formula(person, period, parameters):
        jobrotation = parameters(period).lab.jobrotation
        start = person("ledighed_startdato", period)
        relevant = person("jobrotation_vikar_maalgruppe", period)
        kraev_oplyst(start, "ledighed_startdato", "jobrotation_ledighedskrav_opfyldt", relevant=relevant)
        forsoerget = plus_maaneder(start, jobrotation.ledighedskrav_maaneder) <= maaned_start(period)
        return (start != numpy.datetime64(INGEN_DATO)) & forsoerget


class jobrotation_vikar_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan nu ansættes som jobrotationsvikar"
    reference = LAB.paragraf("§ 151, stk. 1") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Målgruppen i § 151, stk. 1 og forudgående offentlig forsørgelse (6 måneder; 3 i 2021), "
        "så længe ordningen gælder. Lov nr. 1750/2025 afskaffer jobrotation; modellen bruger "
        "1. februar 2026 (ikke verificeret, lav sikkerhed). § 6, nr. 2-5 har ret til et "
        "selvfundet vikariat (§ 151); det ændrer ikke adgangen her."
    )

    def formula(person, period, parameters):
        jobrotation = parameters(period).lab.jobrotation
        return (
            jobrotation.ordningen_gaelder
            & person("jobrotation_vikar_maalgruppe", period)
            & person("jobrotation_ledighedskrav_opfyldt", period)
        )


class jobrotation_vikar_max_maaneder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "month"
    label = "Vikaransættelsens højeste varighed, måneder"
    reference = LAB.paragraf("§ 151")
    documentation = (
        "Højst 6 måneder (9 for forløb påbegyndt i 2021, BEK nr. 2166/2020 § 3) for en person, der "
        "kan ansættes som vikar; ellers 0."
    )

    def formula(person, period, parameters):
        jobrotation = parameters(period).lab.jobrotation
        return numpy.where(person("jobrotation_vikar_ret", period), jobrotation.hoejeste_maaneder, 0)


class jobrotation_vikar_min_timer_pr_uge(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "hour"
    label = "Vikaransættelsens mindste ugentlige arbejdstid, timer"
    reference = LAB.paragraf("§ 151")
    documentation = "Mindst 10 timer om ugen for en person, der kan ansættes som vikar; ellers 0."

    def formula(person, period, parameters):
        jobrotation = parameters(period).lab.jobrotation
        return numpy.where(person("jobrotation_vikar_ret", period), jobrotation.mindste_timer_pr_uge, 0)


class jobrotationsydelse_timesats(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Jobrotationsydelse pr. time med en beskæftiget i efteruddannelse og en vikar ansat"
    reference = LAB.paragraf("§ 152", "§ 189") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Udbetales til arbejdsgiveren time for time. Årets sats (højeste dagpengesats plus 60 "
        "pct.; 2021, 2023, 2025 og januar 2026 afledt, se parameteren); 0, når ordningen er "
        "afskaffet (lov nr. 1750/2025, her fra 1. februar 2026)."
    )

    def formula(virksomhed, period, parameters):
        jobrotation = parameters(period).lab.jobrotation
        # Efter afskaffelsen findes ingen sats; parameteren bruges kun, mens ordningen gælder.
        if not jobrotation.ordningen_gaelder:
            return numpy.zeros(virksomhed.count)
        return numpy.full(virksomhed.count, jobrotation.timesats)
