"""Pensionister og folkepensionsalderen: 26 uger inden for 12 måneder i stedet for revurdering (SDL § 25)."""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, kraev_oplyst, maaned_slut, plus_maaneder
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import PENSIONSLOVEN, SDL

AAR_0 = numpy.datetime64("0000-01", "M")
INGEN = numpy.datetime64(INGEN_DATO, "D")
MAANEDER_PR_AAR = 12  # kalenderens enhed, ikke et lovtal


class Pensionsforhold(Enum):
    ingen = "Ingen pension og ingen pensionsvurdering"
    foertidspension = "Modtager førtidspension (ikke invaliditetsydelse)"
    seniorpension = "Modtager seniorpension"
    tidlig_pension = "Er overgået til tidlig pension"
    helbredsbetingelser_foertidspension = "Opfylder helbredsbetingelserne for førtidspension"


class pensionsforhold(Variable):
    value_type = Enum
    possible_values = Pensionsforhold
    default_value = Pensionsforhold.ingen
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Pensionsforhold, der giver den særlige varighedsbegrænsning for pensionister"
    reference = SDL.paragraf("§ 25, stk. 1, nr. 1-3")
    documentation = (
        "Om borgeren modtager førtidspension (§ 25, stk. 1, nr. 1, ikke invaliditetsydelse) eller "
        "seniorpension, opfylder helbredsbetingelserne for førtidspension (nr. 2) eller er overgået "
        "til tidlig pension (nr. 3). Folkepensionsalderen (også nr. 3) beregnes af fødselsdatoen."
    )


class folkepensionsalder_dato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Datoen, hvor borgeren når folkepensionsalderen"
    reference = PENSIONSLOVEN.paragraf("§ 1 a, stk. 1") + SDL.paragraf("§ 25, stk. 1, nr. 3")
    documentation = (
        "Fødselsdatoen plus folkepensionsalderen for borgerens fødselsårgang (65-69 år; halve år "
        "for 1954-1955). Kræver foedselsdato for sygemeldte."
    )

    def formula(person, period, parameters):
        foedselsdato = person("foedselsdato", period)
        kraev_oplyst(
            foedselsdato, "foedselsdato", "folkepensionsalder_dato", relevant=person("sygemeldt", period)
        )
        # Tærsklen er fødselsåret med brøk (måneder siden år 0 / 12), så juli 1954 = 1954,5.
        foedselsmaaned = (foedselsdato.astype("datetime64[M]") - AAR_0).astype(int)
        alder = parameters(period).pension.folkepensionsalder.calc(foedselsmaaned / MAANEDER_PR_AAR)
        return plus_maaneder(foedselsdato, numpy.round(alder * MAANEDER_PR_AAR).astype(int))


class har_naaet_folkepensionsalder(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Har nået folkepensionsalderen senest i måneden"
    reference = PENSIONSLOVEN.paragraf("§ 1 a, stk. 1") + SDL.paragraf("§ 25, stk. 1, nr. 3")
    documentation = "Sand fra og med den måned, hvor borgeren når folkepensionsalderen."

    def formula(person, period):
        return person("folkepensionsalder_dato", period) <= maaned_slut(period)


class sygedagpenge_26_ugers_graense(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Omfattet af varighedsbegrænsningen for pensionister (26 uger inden for 12 måneder)"
    reference = SDL.paragraf("§ 25, stk. 1, nr. 1-3")
    documentation = (
        "Modtager af førtidspension eller seniorpension, opfylder helbredsbetingelserne for "
        "førtidspension, er overgået til tidlig pension eller har nået folkepensionsalderen. For "
        "dem ophører sygedagpengene efter 26 uger inden for 12 måneder; § 24 (revurdering, "
        "forlængelse efter § 27 og jobafklaringsforløb) gælder ikke. Vurderes i den måned, der "
        "beregnes."
    )

    def formula(person, period):
        return _pension_efter_paragraf_25(person, period) | person("har_naaet_folkepensionsalder", period)


def _pension_efter_paragraf_25(person, period):
    """§ 25, stk. 1, nr. 1-3 bortset fra folkepensionsalderen: førtids- eller seniorpension,
    helbredsbetingelserne for førtidspension eller tidlig pension."""
    forhold = person("pensionsforhold", period)
    ydelse = person("ydelse", period)
    return (forhold != forhold.possible_values.ingen) | (ydelse == ydelse.possible_values.foertidspension)


class sygedagpenge_paragraf_25_fra(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Første dag i sygeforløbet, hvor § 25 gælder (26 uger inden for 12 måneder)"
    reference = SDL.paragraf("§ 25, stk. 1, nr. 1-3")
    documentation = (
        "For den, der er omfattet af § 25 i måneden: dagen, folkepensionsalderen nås, hvis den "
        "ligger efter første fraværsdag og er grunden (nr. 3); ellers første fraværsdag. "
        "Pensionsforholdet (nr. 1-2, tidlig pension) er et input per måned, så modellen kender ikke "
        "dets dato og regner det fra første fraværsdag. Ikke sygemeldt eller ikke omfattet af § 25: "
        "0001-01-01."
    )

    def formula(person, period):
        start = person("sygemelding_startdato", period)
        # § 25, stk. 1, nr. 3: fra den dag, folkepensionsalderen nås (senest første fraværsdag).
        nr_3 = numpy.maximum(start, person("folkepensionsalder_dato", period))
        fra = numpy.where(_pension_efter_paragraf_25(person, period), start, nr_3)
        omfattet = person("sygemeldt", period) & person("sygedagpenge_26_ugers_graense", period)
        return numpy.where(omfattet, fra, INGEN)
