"""Manglende ledighed_startdato giver en fejl med feltets navn, men kun for dem, der har brug for den."""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError


def _simulering(system, personer):
    return SimulationBuilder().build_from_entities(system, {"personer": personer})


def test_ret_og_pligt_frist_uden_ledighedsdato_naevner_feltet(system):
    simulering = _simulering(
        system,
        {
            "dagpenge": {"maalgruppe_lab_6": {"2024-03": "forsikret_ledig"}},
            "syg": {"maalgruppe_lab_6": {"2024-03": "sygedagpengemodtager"}},
        },
    )
    with pytest.raises(ManglendeOplysningError, match="'ledighed_startdato'.*1 person"):
        simulering.calculate("ret_og_pligt_tilbud_senest", "2024-03")


def test_loentilskud_kraever_ledighedsdato_naar_kravet_gaelder(system):
    simulering = _simulering(
        system,
        {
            "faglaert": {
                "maalgruppe_lab_6": {"2024-03": "forsikret_ledig"},
                "alder": {"2024-03": 40},
                "har_erhvervskompetencegivende_uddannelse": {"2024-03": True},
            },
        },
    )
    with pytest.raises(ManglendeOplysningError, match="'ledighed_startdato'"):
        simulering.calculate("loentilskud_ret", "2024-03")


def test_loentilskud_uden_ledighedsdato_for_undtagne(system):
    simulering = _simulering(
        system,
        {
            "ufaglaert": {"maalgruppe_lab_6": {"2024-03": "forsikret_ledig"}, "alder": {"2024-03": 40}},
            "ingen": {"alder": {"2024-03": 40}},
        },
    )
    assert simulering.calculate("loentilskud_ret", "2024-03").tolist() == [True, False]


def test_jobrotation_kraever_ledighedsdato_for_vikarernes_maalgrupper(system):
    simulering = _simulering(system, {"ledig": {"maalgruppe_lab_6": {"2024-03": "jobparat_kontanthjaelp"}}})
    with pytest.raises(ManglendeOplysningError, match="'ledighed_startdato'"):
        simulering.calculate("jobrotation_vikar_ret", "2024-03")
