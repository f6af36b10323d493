"""Forelæggelse for rehabiliteringsteamet i sygedagpenge- og jobafklaringssager.

LOB § 9, LAB § 111 a, SDL § 13 d og § 27, stk. 1, nr. 4.

Til og med 2024 skal alle sager om jobafklaringsforløb forelægges teamet inden 4 uger, og
sager i kategori 3 forelægges. Fra 1.1.2025 (lov nr. 1657/2024) kun ved behov for en
tværfaglig indsats og uden fundet frist. Fra 1.2.2026 (lov nr. 1750/2025; datoen er lovens
almindelige ikrafttræden, lav-medium sikkerhed for netop denne del) er der ikke noget team.

Sømmene for reformerne er parametrene behovsregel (forelæggelse kun ved behov),
forelaeggelse_kraeves (kravet om forelæggelse) og le265_kraeves (lægeattesten til teamet).
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
        "1657/2024, parameteren behovsregel): jobafklaringssager kun ved behov for en tværfaglig "
        "indsats, og sager forlænget efter nr. 4. Fra 1.2.2026 (lov nr. 1750/2025): ingen, fordi "
        "kravet om forelæggelse er afskaffet (parameteren forelaeggelse_kraeves; teamet er erstattet "
        "af en samlet beskrivelse "
        "og sundhedsfaglig rådgivning); § 27, stk. 1, nr. 4 bruges stadig som forlængelsesgrund i "
        "modellen, da den nye ordlyd ikke er set."
    )

    def formula(person, period, parameters):
        team = parameters(period).sygedagpenge.rehabiliteringsteam
        kategori = person("opfoelgning_visitationskategori", period)
        # Lov nr. 1657/2024 (behovsreglen): jobafklaringssager kun ved behov for en tværfaglig indsats.
        behov = person("behov_for_tvaerfaglig_indsats", period) | ~team.behovsregel
        jobafklaring = person("jobafklaringsforloeb_ret", period) & behov
        # Kategori 3 forelægges kun uden behovsreglen, der afløser den (§ 13 d, lov nr. 1657/2024).
        kategori_3 = (kategori == kategori.possible_values.kategori_3) & ~team.behovsregel
        sager = jobafklaring | kategori_3 | _forlaenget_til_rehabiliteringsteam(person, period)
        return sager & team.forelaeggelse_kraeves


class rehabiliteringsteam_frist(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Frist for forelæggelse af en sag om jobafklaringsforløb for rehabiliteringsteamet"
    reference = LAB.paragraf("§ 111 a") + LOV_1657_2024.paragraf("§ 2") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Til og med 2024: senest 4 uger efter overgangen til jobafklaringsforløb "
        "(jobafklaringsforloeb_startdato + 4 uger), når kravet om forelæggelse gælder "
        "(forelaeggelse_kraeves). Fra 1.1.2025 er der ikke fundet en frist "
        "(forelæggelse kun ved behov, parameteren behovsregel), og fra 1.2.2026 er teamet "
        "afskaffet: 0001-01-01."
    )

    def formula(person, period, parameters):
        team = parameters(period).sygedagpenge.rehabiliteringsteam
        start = person("jobafklaringsforloeb_startdato", period)
        # Fristen gjaldt alle jobafklaringssager; behovsreglen (lov nr. 1657/2024) har ingen frist.
        sag = person("jobafklaringsforloeb_ret", period) & team.forelaeggelse_kraeves & ~team.behovsregel
        return numpy.where(sag, plus_uger(start, team.jobafklaring_frist_uger), INGEN)


class laegeattest_le265_obligatorisk(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Lægeattest LÆ 265 skal indhentes, fordi sagen forelægges rehabiliteringsteamet"
    reference = BEK_2408_2021.paragraf("§ 1") + LOB.paragraf("§ 9, stk. 1")
    documentation = (
        "Rehabiliteringsplanens forberedende del, som sagen forelægges teamet med, indeholder en "
        "attest fra den praktiserende læge (LÆ 265) (legal brief afsnit 4.4, medium sikkerhed). "
        "Modellen lader kravet følge rehabiliteringsteam_forelaeggelse, så længe parameteren "
        "le265_kraeves gælder; frikommuneforsøget undtog velbelyste sager, gældende ret gør ikke."
    )

    def formula(person, period, parameters):
        le265 = parameters(period).sygedagpenge.rehabiliteringsteam.le265_kraeves
        return person("rehabiliteringsteam_forelaeggelse", period) & le265
