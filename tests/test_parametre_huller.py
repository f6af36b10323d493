"""Huller i kilderne (``value: null``) giver en klar fejl, aldrig en beregning med None."""

import numpy
import pytest
from openfisca_core.parameters import ParameterNode
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_dk_beskaeftigelse.entities import entities
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError, marker_huller


def _tre_aar_med_hul():
    return ParameterNode(
        "",
        data={
            "sats": {
                "description": "En sats, som kilderne kun dækker til og med 2025",
                "values": {
                    "2024-01-01": {"value": 100.0},
                    "2025-01-01": {"value": 110.0},
                    "2026-01-01": {"value": None},
                },
            },
            "gruppe": {
                "skala": {
                    "brackets": [
                        {"threshold": {"2024-01-01": 0, "2026-01-01": None}, "rate": {"2024-01-01": 0.5}},
                    ],
                },
            },
        },
    )


def _system_med(parametre):
    system = TaxBenefitSystem(entities)
    system.parameters = parametre
    system.parametre_med_huller = marker_huller(parametre)
    return system


def test_hullerne_findes_og_navngives():
    assert marker_huller(_tre_aar_med_hul()) == ["sats", "gruppe.skala[0].threshold"]


def test_kendte_vaerdier_er_uroerte():
    system = _system_med(_tre_aar_med_hul())
    assert system.get_parameters_at_instant("2025-06-01").sats == 110.0
    assert system.parameters.sats("2024-03-01") == 100.0


@pytest.mark.parametrize(
    "brug",
    [
        lambda sats: numpy.array([1.0, 2.0]) * sats,
        lambda sats: sats * 2,
        lambda sats: numpy.minimum(numpy.array([1.0]), sats),
        lambda sats: numpy.where(numpy.array([True]), sats, 0),
        lambda sats: float(sats),
        lambda sats: sats > 0,
        lambda sats: bool(sats),
    ],
)
def test_brug_af_et_hul_i_en_formel_rejser_fejl_med_navn_og_dato(brug):
    system = _system_med(_tre_aar_med_hul())
    sats = system.get_parameters_at_instant("2026-03-01").sats
    with pytest.raises(ParameterHulError) as fejl:
        brug(sats)
    assert fejl.value.navn == "sats"
    assert fejl.value.dato == "2026-03-01"
    assert fejl.value.hul_fra == "2026-01-01"
    assert "'sats'" in str(fejl.value) and "2026-03-01" in str(fejl.value)


def test_direkte_opslag_giver_heller_ikke_none():
    system = _system_med(_tre_aar_med_hul())
    with pytest.raises(ParameterHulError):
        system.parameters.sats("2026-07-01") + 1


def test_gaeldende_rets_huller_giver_fejl_ved_brug(system):
    for navn in system.parametre_med_huller:
        parameter = system.parameters
        for del_ in navn.split("."):
            parameter = parameter.children[del_]
        hul_fra = next(v.instant_str for v in parameter.values_list if v.value is None)
        vaerdi = system.get_parameters_at_instant(hul_fra)
        for del_ in navn.split("."):
            vaerdi = vaerdi[del_]
        with pytest.raises(ParameterHulError, match=navn):
            vaerdi + 0


@pytest.mark.parametrize(
    ("variabel", "parameter"),
    [
        ("sygedagpenge_ugesats", r"'sygedagpenge\.beloeb\.maksimum_"),
        ("dagpenge_maanedssats", r"'afl\.dagpenge\..*maksimum_maaned"),
    ],
)
def test_satser_for_2027_er_ikke_gaettet(system, variabel, parameter):
    """Satserne kendes til og med 2026; 2027 giver en fejl, der nævner satsen, ikke 2026-værdien."""
    simulering = SimulationBuilder().build_from_entities(
        system, {"personer": {"a": {"maanedsloen": {"2027-03": 40000}, "timeloen": {"2027-03": 250}}}}
    )
    with pytest.raises(ParameterHulError, match=parameter):
        simulering.calculate(variabel, "2027-03")
