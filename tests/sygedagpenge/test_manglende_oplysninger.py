"""Sygedagpenge: manglende input giver en fejl, der nævner feltet (YAML kan ikke udtrykke fejl)."""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError


def _simulering(system, person):
    return SimulationBuilder().build_from_entities(system, {"personer": {"a": person}})


def test_lonmodtager_i_arbejdsgiverperioden_skal_have_ansaettelsesdato(system):
    simulering = _simulering(system, {"sygemelding_startdato": {"2025-03": "2025-03-10"}})
    with pytest.raises(ManglendeOplysningError, match="'ansaettelse_startdato'"):
        simulering.calculate("sygedagpenge_ret_arbejdsgiver", "2025-03")


def test_ansaettelsesdatoen_kraeves_ikke_efter_arbejdsgiverperioden(system):
    simulering = _simulering(system, {"sygemelding_startdato": {"2025-06": "2025-03-10"}})
    assert not simulering.calculate("sygedagpenge_ret_arbejdsgiver", "2025-06")[0]


def test_sygemeldt_skal_have_foedselsdato_for_varighedsgraensen(system):
    simulering = _simulering(
        system,
        {
            "sygemelding_startdato": {"2025-09": "2025-03-10"},
            "ville_have_ret_til_dagpenge": {"2025-09": True},
        },
    )
    with pytest.raises(ManglendeOplysningError, match="'foedselsdato'"):
        simulering.calculate("sygedagpenge_revurderingstidspunkt", "2025-09")
