"""LAB § 6: modstridende input giver en fejl, der nævner feltet (YAML kan ikke udtrykke fejl)."""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError, ModstridendeOplysningError


def _maalgruppe(system, person, periode="2026-03"):
    simulering = SimulationBuilder().build_from_entities(system, {"personer": {"a": person}})
    return simulering.calculate("maalgruppe", periode)


def test_ressourceforloeb_begyndt_efter_lukningen_med_ressourceforloebsydelse_naevner_startdatoen(system):
    person = {
        "ydelse": {"2026-03": "ressourceforloebsydelse"},
        "forloeb": {"2026-03": "ressourceforloeb"},
        "forloeb_startdato": {"2026-03": "2026-02-01"},
    }
    with pytest.raises(ModstridendeOplysningError, match="'forloeb_startdato'.*1750/2025"):
        _maalgruppe(system, person)


def test_ressourceforloebsydelse_uden_forloeb_mangler_forloeb(system):
    person = {"ydelse": {"2025-03": "ressourceforloebsydelse"}}
    with pytest.raises(ManglendeOplysningError, match="'forloeb'"):
        _maalgruppe(system, person, "2025-03")
