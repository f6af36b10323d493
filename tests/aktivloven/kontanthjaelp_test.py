"""Satser, kilderne ikke dækker, giver fejl med parameterens navn, men kun for dem, der bruger dem."""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.parametre import ParameterHulError


def _simulering(system, personer):
    return SimulationBuilder().build_from_entities(system, {"personer": personer})


def test_hullet_rammer_ikke_personer_i_andre_kategorier(system):
    simulering = _simulering(
        system,
        {
            "voksen": {"ydelse": {"2025-09": "kontanthjaelp"}, "alder": {"2025-09": 40}},
            "ikke_modtager": {},
        },
    )
    # Forhøjet sats 2025 (ny ordning): 12.498 kr.; hullet i hjemmeboende_sats bruges af ingen.
    assert simulering.calculate("kontanthjaelp_sats", "2025-09").tolist() == [12498, 0]


def test_hjemmeboende_under_30_i_det_nye_system_naevner_parameteren(system):
    simulering = _simulering(
        system,
        {
            "ung": {
                "ydelse": {"2025-09": "kontanthjaelp"},
                "alder": {"2025-09": 22},
                "er_hjemmeboende": {"2025-09": True},
            },
        },
    )
    with pytest.raises(ParameterHulError, match="ny_ordning.hjemmeboende_sats"):
        simulering.calculate("kontanthjaelp_maanedsbeloeb", "2025-09")
