""" "Min Plan" (LAB § 42): hvem udarbejder planen, hvornår, og hvornår kommunen overtager den."""

from datetime import date

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, kraev_oplyst, plus_dage, plus_maaneder
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.love import LAB, LOV_727_2023, LOV_1750_2025

_INGEN = numpy.datetime64(INGEN_DATO, "D")


class MinPlanAnsvarlig(Enum):
    ingen = 'Ingen (ingen "Min Plan")'
    a_kasse = "A-kassen"
    jobcenter = "Jobcenteret"
    kommune = "Kommunen"


class min_plan_udarbejdes_af(Variable):
    value_type = Enum
    possible_values = MinPlanAnsvarlig
    default_value = MinPlanAnsvarlig.ingen
    entity = Person
    definition_period = MONTH
    label = 'Hvem der udarbejder og har "Min Plan" i måneden'
    reference = LAB.paragraf("§ 42") + LOV_727_2023.paragraf("§ 1") + LOV_1750_2025.paragraf("§ 1, nr. 1")
    documentation = """
Planen følger ansvaret for kontaktforløbet (kontaktforloeb_ansvarlig) for de grupper, der har
"Min Plan" (lab.plan.grupper): 2020-2023 jobcenteret; fra 1.1.2024 udarbejder a-kassen planen
for forsikrede ledige ved den første jobsamtale, og jobcenteret overtager den efter 3 måneder;
for § 27, stk. 3-gruppen udarbejder jobcenteret den (§ 42, stk. 3). Fra lov nr. 1750/2025 står
der "kommunen" i stedet for "jobcenteret". Sygedagpengemodtagere har en opfølgningsplan efter
sygedagpengeloven, ikke "Min Plan".
"""

    def formula(person, period, parameters):
        har_plan = navn_i(person("regelgruppe", period), parameters(period).lab.plan.grupper)
        ansvarlig = person("kontaktforloeb_ansvarlig", period).decode_to_str()
        return numpy.where(har_plan, ansvarlig, MinPlanAnsvarlig.ingen.name)


class min_plan_senest(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = 'Seneste dato for a-kassens udarbejdelse af "Min Plan" (ved den første jobsamtale)'
    reference = LAB.paragraf("§ 42", "§ 31, stk. 4") + LOV_727_2023.paragraf("§ 1")
    documentation = (
        'Fra 1.1.2024 udarbejder a-kassen "Min Plan" for en forsikret ledig ved den første '
        "jobsamtale, som skal holdes senest 2 uger efter tilmeldingen (samme dato som "
        "kontaktforloeb_foerste_samtale_senest). Loven fastsætter ingen særskilt dato for andre "
        "grupper eller før 2024 (0001-01-01)."
    )

    def formula_2024_01_01(person, period, parameters):
        """Fra 1.1.2024 (lov nr. 727/2023): a-kassen laver planen ved den første jobsamtale."""
        forsikret = person("regelgruppe", period).decode_to_str() == "forsikret_ledig"
        start = person("ledighed_startdato", period)
        kraev_oplyst(start, "ledighed_startdato", "min_plan_senest", relevant=forsikret)
        # § 42 med § 31, stk. 4: planen laves ved a-kassens første jobsamtale.
        dage = parameters(period).lab.kontaktforloeb.a_kasse.foerste_samtale_dage
        return numpy.where(forsikret, plus_dage(start, dage), _INGEN)


class min_plan_overtages_senest(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = 'Dato, hvor jobcenteret (kommunen) overtager "Min Plan" og kontaktforløbet fra a-kassen'
    reference = LAB.paragraf("§ 42", "§ 31, stk. 1") + LOV_727_2023.paragraf("§ 1")
    documentation = (
        "Slutningen af a-kassens del af kontaktforløbet: lab.kontaktforloeb.a_kasse.periode_maaneder "
        "måneder efter ledighed_startdato for forsikrede ledige i a-kassens kontaktforløb (3 måneder "
        "fra 1.1.2024; 2020-2023 havde a-kassen ingen del, og datoen er 0001-01-01). I praksis "
        "overgår ansvaret ved udgangen af den måned, hvor der er udbetalt mere end 410 "
        "dagpengetimer (medium). Andre grupper: 0001-01-01. A-kassens del af kontaktforløbet "
        "(kontaktforloeb_a_kasse_fase) er månederne før denne dato."
    )

    def formula(person, period, parameters):
        maaneder = parameters(period).lab.kontaktforloeb.a_kasse.periode_maaneder
        forsikret = (person("regelgruppe", period).decode_to_str() == "forsikret_ledig") & (maaneder > 0)
        start = person("ledighed_startdato", period)
        kraev_oplyst(start, "ledighed_startdato", "min_plan_overtages_senest", relevant=forsikret)
        return numpy.where(forsikret, plus_maaneder(start, maaneder), _INGEN)
