"""Manglende input, som en formel har brug for, giver en fejl med feltets navn."""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError


def test_alder_uden_foedselsdato_naevner_feltet(system):
    simulering = SimulationBuilder().build_from_entities(
        system, {"personer": {"a": {}, "b": {"foedselsdato": {"ETERNITY": "1990-01-01"}}}}
    )
    with pytest.raises(ManglendeOplysningError, match="'foedselsdato'.*1 person"):
        simulering.calculate("alder", "2026-03")
