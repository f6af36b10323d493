"""Forelæggelse for rehabiliteringsteamet i sygedagpenge- og jobafklaringssager.

LOB § 9, LAB § 111 a, SDL § 13 d og § 27, stk. 1, nr. 4.

Til og med 2024 skal alle sager om jobafklaringsforløb forelægges teamet inden 4 uger, og
sager i kategori 3 forelægges. Fra 1.1.2025 (lov nr. 1657/2024) kun ved behov for en
tværfaglig indsats og uden fundet frist. Fra 1.2.2026 (lov nr. 1750/2025; datoen er lovens
almindelige ikrafttræden, lav-medium sikkerhed for netop denne del) er der ikke noget team.
"""

from datetime import date

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, plus_uger
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import BEK_2408_2021, LAB, LOB, LOV_1657_2024, LOV_1750_2025, SDL

INGEN = numpy.datetime64(INGEN_DATO, "D")


def _forlaenget_til_rehabiliteringsteam(person, period):
    """§ 27, stk. 1, nr. 4: forlænget, fordi sagen skal forelægges rehabiliteringsteamet."""
    grund = person("forlaengelsesgrund", period)
    return person("sygedagpenge_forlaenget", period) & (grund == grund.possible_values.rehabiliteringsteam)


class rehabiliteringsteam_forelaeggelse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Sagen skal forelægges rehabiliteringsteamet"
    reference = (
        LOB.paragraf("§ 9, stk. 1") + LAB.paragraf("§ 111 a") + SDL.paragraf("§ 13 d", "§ 27, stk. 1, nr. 4")
    )
    documentation = (
        "Status i måneden. Til og med 2024: sager om jobafklaringsforløb (ret i måneden), sager i "
        "visitationskategori 3 og sager forlænget efter § 27, stk. 1, nr. 4. Fra 1.1.2025 (lov nr. "
        "1657/2024): jobafklaringssager kun ved behov for en tværfaglig indsats, og sager forlænget "
        "efter nr. 4. Fra 1.2.2026 (lov nr. 1750/2025): ingen (teamet er afskaffet og erstattet af "
        "en samlet beskrivelse og sundhedsfaglig rådgivning); § 27, stk. 1, nr. 4 bruges stadig som "
        "forlængelsesgrund i modellen, da den nye ordlyd ikke er set."
    )

    def formula(person, period):
        kategori = person("opfoelgning_visitationskategori", period)
        return (
            person("jobafklaringsforloeb_ret", period)
            | (kategori == kategori.possible_values.kategori_3)
            | _forlaenget_til_rehabiliteringsteam(person, period)
        )

    def formula_2025_01_01(person, period):
        # Lov nr. 1657/2024: jobafklaringssager kun ved behov for en tværfaglig indsats (LAB § 109).
        jobafklaring = person("jobafklaringsforloeb_ret", period) & person(
            "behov_for_tvaerfaglig_indsats", period
        )
        return jobafklaring | _forlaenget_til_rehabiliteringsteam(person, period)

    def formula_2026_02_01(person, period):
        # Lov nr. 1750/2025: kravet om rehabiliteringsteam afskaffes.
        return numpy.zeros(person.count, dtype=bool)


class rehabiliteringsteam_frist(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Frist for forelæggelse af en sag om jobafklaringsforløb for rehabiliteringsteamet"
    reference = LAB.paragraf("§ 111 a") + LOV_1657_2024.paragraf("§ 2") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Til og med 2024: senest 4 uger efter overgangen til jobafklaringsforløb "
        "(jobafklaringsforloeb_startdato + 4 uger). Fra 1.1.2025 er der ikke fundet en frist "
        "(forelæggelse kun ved behov), og fra 1.2.2026 er teamet afskaffet: 0001-01-01."
    )

    def formula(person, period, parameters):
        uger = parameters(period).sygedagpenge.rehabiliteringsteam.jobafklaring_frist_uger
        start = person("jobafklaringsforloeb_startdato", period)
        return numpy.where(person("jobafklaringsforloeb_ret", period), plus_uger(start, uger), INGEN)

    def formula_2025_01_01(person, period):
        return numpy.full(person.count, INGEN)


class laegeattest_le265_obligatorisk(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Lægeattest LÆ 265 skal indhentes, fordi sagen forelægges rehabiliteringsteamet"
    reference = BEK_2408_2021.paragraf("§ 1") + LOB.paragraf("§ 9, stk. 1")
    documentation = (
        "Rehabiliteringsplanens forberedende del, som sagen forelægges teamet med, indeholder en "
        "attest fra den praktiserende læge (LÆ 265) (legal brief afsnit 4.4, medium sikkerhed). "
        "Modellen lader kravet følge rehabiliteringsteam_forelaeggelse; frikommuneforsøget undtog "
        "velbelyste sager, gældende ret gør ikke."
    )

    def formula(person, period):
        return person("rehabiliteringsteam_forelaeggelse", period)
