"""Hver person og hvert arbejdssted beregnes med sine egne inddata, også når flere står i én situation.

OpenFiscas bygger samler inddata per periodenøgle, som den er skrevet: to personer med '2026-03' og
'month:2026-03' (eller '2026' og '2026-03') overskrev hinandens værdier med 0, og et arbejdssted,
som OpenFisca oprettede til en person uden arbejdssted, fik det erklærede arbejdssteds inddata.
``beregning.Bygger`` bygger af ``egne_inddata``; her holdes den op mod hver person alene. En
variabel med formel, som kun nogle af medlemmerne giver, ville de andre få standardværdien for i
stedet for formlens: giver formlen dem en anden værdi, er det en fejl ved feltet.
"""

import copy

import pytest
import yaml
from hjaelpere import koer
from hypothesis import given, settings
from hypothesis import strategies as st
from openfisca_core import periods
from openfisca_core.holders import set_input_dispatch_by_period
from werkzeug.test import Client

from openfisca_dk_beskaeftigelse.beregning import SituationsFejl, byg_simulering
from openfisca_dk_beskaeftigelse.webapp import lav_app

MAANEDER = [f"2026-{m:02d}" for m in range(1, 13)]


def _timeloen(system, personer: dict) -> dict[str, list[float]]:
    """Timelønnen for hver person i hver måned af 2026, beregnet i én situation."""
    simulering = byg_simulering(system, {"personer": {p: {"timeloen": v} for p, v in personer.items()}})
    aar = [simulering.calculate("timeloen", m).tolist() for m in MAANEDER]
    return {p: [maaned[i] for maaned in aar] for i, p in enumerate(personer)}


@pytest.mark.parametrize(
    ("anne", "bo"),
    [
        ({"2026-03": 100}, {"month:2026-03": 200}),
        ({"month:2026-03": 100}, {"2026-03": 200}),
        ({"2026": 100}, {"2026-03": 200}),
        ({"2026-03": 100}, {"2026": 200}),
        ({"year:2026": 100}, {"2026": 200}),
        ({"year:2026": 100}, {"year:2026": 200}),
    ],
)
def test_to_personer_med_forskellige_noegler_beholder_hver_sin_timeloen(system, anne, bo):
    situation = {"anne": anne, "bo": bo}
    foer = copy.deepcopy(situation)
    marts = MAANEDER.index("2026-03")
    resultat = _timeloen(system, situation)
    # Hver har i marts sin egen værdi (100 og 200 kr. i timen), ikke standardværdien 0.
    assert (resultat["anne"][marts], resultat["bo"][marts]) == (100, 200)
    assert situation == foer  # brugerens situation er ikke ændret


NOEGLER = ["2026", "year:2026", "2026-03", "month:2026-03", "2026-05", "month:2026-05", "month:2026-02:3"]
# Samme periode skrevet to gange for én person ('2026' og 'year:2026') er en fejl (kun den ene
# værdi ville blive brugt): hver persons nøgler er forskellige perioder.
VAERDIER = st.dictionaries(st.sampled_from(NOEGLER), st.integers(1, 500), min_size=1, max_size=4).filter(
    lambda v: len({str(periods.period(n)) for n in v}) == len(v)
)


@settings(max_examples=40, deadline=None)
@given(anne=VAERDIER, bo=VAERDIER)
def test_hver_person_faar_det_samme_som_alene(system, anne, bo):
    """Sammen med en anden får en person i hver måned præcis, hvad hun får alene (som OpenFisca
    fordeler én persons år og måneder)."""
    sammen = _timeloen(system, {"anne": anne, "bo": bo})
    assert sammen["anne"] == _timeloen(system, {"anne": anne})["anne"]
    assert sammen["bo"] == _timeloen(system, {"bo": bo})["bo"]


def test_modellens_eneste_set_input_er_fordeling_paa_delperioder(system):
    # egne_inddata fordeler længere perioder som set_input_dispatch_by_period; en anden set_input
    # (fx set_input_divide_by_period) kræver, at _i_egne_perioder lærer den.
    andre = {
        n for n, v in system.variables.items() if v.set_input not in (None, set_input_dispatch_by_period)
    }
    assert not andre


def _to_arbejdssteder_og_en_uden() -> dict:
    return {
        "personer": {p: {"foedselsdato": {"ETERNITY": "1980-01-01"}} for p in ("hassan", "eva", "ole")},
        "virksomheder": {
            "vaerkstedet": {"ansatte": ["hassan"], "antal_ordinaert_ansatte": {"2026": 23}},
            "bageriet": {"ansatte": ["eva"], "antal_ordinaert_ansatte": {"2026": 5}},
        },
    }


def test_en_person_uden_arbejdssted_faar_sit_eget_uden_de_andres_inddata(system):
    situation = {
        "personer": {p: {"foedselsdato": {"ETERNITY": "1980-01-01"}} for p in ("hassan", "ole")},
        "virksomheder": {"vaerkstedet": {"ansatte": ["hassan"], "antal_ordinaert_ansatte": {"2026": 23}}},
    }
    simulering = byg_simulering(system, situation)
    assert simulering.populations["virksomhed"].ids == ["vaerkstedet", "ole"]
    # Oles eget arbejdssted har ingen ordinært ansatte angivet (0), ikke værkstedets 23.
    assert simulering.calculate("antal_ordinaert_ansatte", "2026-03").tolist() == [23, 0]
    assert "ole" not in situation["virksomheder"]


def test_to_arbejdssteder_og_en_person_uden_kan_beregnes(system):
    # OpenFiscas egen bygger gav en ValueError (2 værdier for 3 arbejdssteder).
    simulering = byg_simulering(system, _to_arbejdssteder_og_en_uden())
    assert simulering.populations["virksomhed"].ids == ["vaerkstedet", "bageriet", "ole"]
    assert simulering.calculate("antal_ordinaert_ansatte", "2026-03").tolist() == [23, 5, 0]


def test_calculate_under_et_regime_bygger_som_pakken():
    situation = _to_arbejdssteder_og_en_uden()
    situation["virksomheder"]["vaerkstedet"]["antal_ordinaert_ansatte"] = {"2026-03": 23}
    situation["virksomheder"]["bageriet"]["antal_ordinaert_ansatte"] = {"month:2026-03": 5}
    for navn in ("vaerkstedet", "bageriet"):
        situation["virksomheder"][navn]["forholdstal_overholdt"] = {"2026-03": None}
    svar = Client(lav_app()).post("/gaeldende_ret/calculate", json=situation)
    assert svar.status_code == 200, svar.text
    virksomheder = svar.json["virksomheder"]
    assert virksomheder["vaerkstedet"]["antal_ordinaert_ansatte"]["2026-03"] == 23
    assert virksomheder["bageriet"]["antal_ordinaert_ansatte"]["month:2026-03"] == 5
    assert virksomheder["vaerkstedet"]["forholdstal_overholdt"]["2026-03"] is True


def _to_personer(**anne) -> dict:
    return {
        "personer": {
            "anne": {"foedselsdato": {"ETERNITY": "1980-01-01"}, **anne},
            "bo": {"foedselsdato": {"ETERNITY": "1970-01-01"}},
        }
    }


def test_en_beregnet_variabel_givet_for_kun_nogle_personer_er_en_fejl_ved_feltet(system):
    # OpenFisca ville give Bo alderen 0 (standardværdien) i stedet for 56 år (født 1970, marts 2026).
    with pytest.raises(SituationsFejl) as fejl:
        byg_simulering(system, _to_personer(alder={"2026-03": 30}))
    assert fejl.value.sti == "personer/bo/alder/2026-03"
    assert "alder er givet for anne i 2026-03" in fejl.value.besked
    assert "standardværdien 0 i stedet for formlens 56" in fejl.value.besked


def test_en_beregnet_variabel_givet_for_alle_personer_bruges(system):
    situation = _to_personer(alder={"2026": 30})
    situation["personer"]["bo"]["alder"] = {"2026": 40}
    assert byg_simulering(system, situation).calculate("alder", "2026-03").tolist() == [30, 40]
    # Uden inddata beregnes alderen for begge: 46 og 56 år i marts 2026.
    assert byg_simulering(system, _to_personer()).calculate("alder", "2026-03").tolist() == [46, 56]


def test_delvise_inddata_er_en_fejl_i_cli_og_web_api(tmp_path):
    fil = tmp_path / "to.yaml"
    fil.write_text(yaml.safe_dump(_to_personer(alder={"2026-03": 30})))
    cli = koer("sammenlign", fil, "--periode", "2026-03")
    assert cli.returncode == 2 and cli.stderr.count("\n") == 1
    assert "personer/bo/alder/2026-03: mangler" in cli.stderr
    svar = Client(lav_app()).post("/gaeldende_ret/calculate", json=_to_personer(alder={"2026-03": 30}))
    assert svar.status_code == 400 and svar.json["felt"] == "personer/bo/alder/2026-03"
