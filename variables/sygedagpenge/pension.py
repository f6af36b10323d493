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
        forhold = person("pensionsforhold", period)
        ydelse = person("ydelse", period)
        return (
            (forhold != forhold.possible_values.ingen)
            | (ydelse == ydelse.possible_values.foertidspension)
            | person("har_naaet_folkepensionsalder", period)
        )
