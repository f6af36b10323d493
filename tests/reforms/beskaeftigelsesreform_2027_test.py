"""Reform 2027: en kontanthjælpsmodtager uden oplyst parathed er jobparat (aftalen af 9.4.2025).

Gældende ret kan ikke beregne hende (en fejl, der nævner 'parathed'), så tilfældet kan ikke stå i
reformens YAML-test, som kræver begge regimer for samme borger.
"""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.regimer import byg_system

# Nadia, 40 år, faglært, på kontanthjælp fra 12.1.2026, uden oplyst parathed.
NADIA = {
    "foedselsdato": {"ETERNITY": "1985-10-10"},
    "ydelse": {"2026-03": "kontanthjaelp"},
    "er_ledig": {"2026-03": True},
    "har_erhvervskompetencegivende_uddannelse": {"2026-03": True},
    "ledighed_startdato": {"2026-03": "2026-01-12"},
}


def _simulering(noegle):
    return SimulationBuilder().build_from_entities(byg_system(noegle), {"personer": {"nadia": NADIA}})


def test_gaeldende_ret_kraever_parathed():
    with pytest.raises(ManglendeOplysningError, match="'parathed'"):
        _simulering("gaeldende_ret").calculate("maalgruppe_lab_6", "2026-03")


def test_reform_2027_goer_hende_jobparat_med_joblog_og_frist_efter_6_maaneder():
    simulering = _simulering("beskaeftigelsesreform_2027")
    assert simulering.calculate("parathed", "2026-03").decode_to_str()[0] == "jobparat"
    assert simulering.calculate("maalgruppe_lab_6", "2026-03").decode_to_str()[0] == "jobparat_kontanthjaelp"
    assert simulering.calculate("indsatsgruppe", "2026-03").decode_to_str()[0] == "jobsoegningsindsats"
    assert bool(simulering.calculate("joblog_pligt", "2026-03")[0])
    # 12.1.2026 + 6 måneder = 12.7.2026 (LAB § 102, stk. 1).
    assert str(simulering.calculate("ret_og_pligt_tilbud_senest", "2026-03")[0]) == "2026-07-12"
