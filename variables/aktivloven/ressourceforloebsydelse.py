"""Ressourceforløbsydelse under jobafklaringsforløb (LAS § 69 j, stk. 2)."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import alder_hvor
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import LAS, SDL


class ressourceforloebsydelse_maanedsbeloeb(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Ressourceforløbsydelse under jobafklaringsforløb (kr. pr. måned)"
    reference = LAS.paragraf("§ 69 j, stk. 2, nr. 1-3") + SDL.paragraf("§ 24, stk. 2")
    documentation = (
        "For en borger i jobafklaringsforløb (forloeb) eller med ret til det (jobafklaringsforloeb_ret): "
        "forsørgersatsen ved forsørgerpligt, den lave sats for hjemmeboende under 25 år uden "
        "forsørgerpligt, ellers satsen for ikke-forsørgere. Uafhængig af formue og ægtefællens "
        "indtægt. Fradrag for lønindtægt (kilderne er uenige om 30 %-båndet), sanktioner, nr. 4 "
        "(hjemmeboende under 25 med bidragspligt) og forholdsmæssig ydelse i overgangsmåneden er "
        "ikke modelleret. 2025 og 2026 er afledte satser (se parameteren)."
    )

    def formula(person, period, parameters):
        sats = parameters(period).aktivloven.ressourceforloebsydelse
        forloeb = person("forloeb", period)
        i_jobafklaring = (forloeb == forloeb.possible_values.jobafklaringsforloeb) | person(
            "jobafklaringsforloeb_ret", period
        )
        forsoerger = person("har_forsoergerpligt", period)
        hjemmeboende = i_jobafklaring & person("er_hjemmeboende", period)
        alder = alder_hvor(person, period, hjemmeboende, "ressourceforloebsydelse_maanedsbeloeb")
        ung_hjemmeboende = hjemmeboende & (alder < sats.aldersgraense_hjemmeboende)
        beloeb = numpy.select(
            [forsoerger, ung_hjemmeboende],
            [sats.forsoerger, sats.under_25_hjemmeboende],
            sats.ikke_forsoerger,
        )
        return numpy.where(i_jobafklaring, beloeb, 0)
