"""Ledighedsydelse til ledige fleksjobvisiterede (LAS § 74 a) og revurderingen efter 12 måneder."""

from datetime import date

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, kraev_oplyst, plus_maaneder
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import AFL, LAS


class ledighedsydelse_maanedsbeloeb(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Ledighedsydelse, kr. pr. måned"
    reference = LAS.paragraf("§ 74 a, stk. 2") + AFL.paragraf("§ 47, stk. 1")
    documentation = (
        "89 pct. af årets højeste dagpengebeløb for fuldtidsforsikrede, afrundet til hele "
        "kroner, for personer, hvis ydelse er ledighedsydelse; 0 for andre. Fradrag for "
        "indtægter og overgangsregler med højere ydelse er ikke modelleret."
    )

    def formula(person, period, parameters):
        andel = parameters(period).aktivloven.ledighedsydelse.andel_af_hoejeste_dagpengebeloeb
        hoejeste = parameters(period).afl.dagpenge.maksimum_maaned
        ydelse = person("ydelse", period)
        # LAS § 74 a, stk. 2: 89 pct. af det højeste dagpengebeløb.
        return numpy.where(ydelse == ydelse.possible_values.ledighedsydelse, numpy.round(andel * hoejeste), 0)


class ledighedsydelse_revurdering_senest(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Dato, hvor kommunen skal revurdere, om betingelserne for fleksjob fortsat er opfyldt"
    reference = LAS.paragraf("§§ 74-74 h (revurdering efter 12 måneder med ledighedsydelse)")
    documentation = """
Kommunen skal vurdere, om betingelserne for fleksjob fortsat er opfyldt, når personen har fået
ledighedsydelse i 12 måneder inden for 18 måneder (bm.dk; STAR's vejledning nr. 9267 af
15.3.2022 om ledighedsydelse, afsnit 3). Modellen regner som ved de andre frister med én
sammenhængende periode: aktivloven.ledighedsydelse.revurdering_maaneder måneder efter
ledighed_startdato for en person, hvis ydelse er ledighedsydelse; andre 0001-01-01. Afbrudte
perioder inden for de 18 måneder er ikke modelleret, og paragraffens stykke er ikke udtrukket.
De nordjyske frikommuner var fritaget for revurderingen i forsøget "Ledighedsydelse – fritagelse
for revurdering i 12. måned inden for 18 måneder" (reformen ingen_revurdering_ledighedsydelse).
"""

    def formula(person, period, parameters):
        maaneder = parameters(period).aktivloven.ledighedsydelse.revurdering_maaneder
        ydelse = person("ydelse", period)
        paa_ledighedsydelse = ydelse == ydelse.possible_values.ledighedsydelse
        start = person("ledighed_startdato", period)
        kraev_oplyst(
            start, "ledighed_startdato", "ledighedsydelse_revurdering_senest", relevant=paa_ledighedsydelse
        )
        return numpy.where(
            paa_ledighedsydelse, plus_maaneder(start, maaneder), numpy.datetime64(INGEN_DATO, "D")
        )
