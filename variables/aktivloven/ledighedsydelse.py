"""Ledighedsydelse til ledige fleksjobvisiterede (LAS § 74 a)."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

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
