"""Dagpengenes størrelse (AFL §§ 47-48)."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import AFL


class dagpenge_maanedssats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Dagpengesats, kr. pr. måned"
    reference = AFL.paragraf("§ 47, stk. 1", "§ 48")
    documentation = (
        "90 % af den månedlige indtægt efter arbejdsmarkedsbidrag (maanedsloen), højst "
        "årets maksimale dagpengebeløb for fuldtidsforsikrede."
    )

    def formula(person, period, parameters):
        dagpenge = parameters(period).afl.dagpenge
        am_bidrag = parameters(period).skat.arbejdsmarkedsbidrag
        # AFL § 48: 90 % af indtægten efter AM-bidrag; § 47, stk. 1: højst maksimum.
        indtaegt = person("maanedsloen", period) * (1 - am_bidrag)
        return numpy.minimum(dagpenge.kompensationsgrad * indtaegt, dagpenge.maksimum_maaned)
