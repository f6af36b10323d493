"""Forkert eller manglende input giver en fejl med feltets navn, aldrig en stille ændring."""

import datetime
import re

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, byg_simulering, laes_yaml, vaerdier
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError


def test_alder_uden_foedselsdato_naevner_feltet(system):
    simulering = SimulationBuilder().build_from_entities(
        system, {"personer": {"a": {}, "b": {"foedselsdato": {"ETERNITY": "1990-01-01"}}}}
    )
    with pytest.raises(ManglendeOplysningError, match="'foedselsdato'.*1 person"):
        simulering.calculate("alder", "2026-03")


def _person(**felter) -> dict:
    return {"personer": {"a": {"foedselsdato": {"ETERNITY": "1990-01-01"}, **felter}}}


@pytest.mark.parametrize(
    ("variabel", "vaerdi", "besked"),
    [
        ("er_ledig", "false", "personer/a/er_ledig/2026-03: forventede sand/falsk (true/false), fik 'false'"),
        ("er_ledig", "nej", "fik 'nej'"),
        ("er_ledig", 0, "sand/falsk"),
        ("alder", 3.7, "personer/a/alder/2026-03: forventede et helt tal, fik 3.7"),
        ("alder", True, "et helt tal, fik true"),
        ("alder", "40", "et helt tal, fik '40'"),
        ("alder", 2**40, "et helt tal fra"),
        ("ugentlig_arbejdstid", True, "personer/a/ugentlig_arbejdstid/2026-03: forventede et tal, fik true"),
        ("ugentlig_arbejdstid", float("nan"), "et tal"),
        ("ydelse", 2, "personer/a/ydelse/2026-03: forventede en af (ingen, "),
        ("ydelse", 99, "fik 99"),
        ("ydelse", "Kontanthjælp", "fik 'Kontanthjælp'"),
        ("ledighed_startdato", "2026-02-30", "forventede en dato som ÅÅÅÅ-MM-DD, fik '2026-02-30'"),
        ("ledighed_startdato", 20260101, "en dato"),
        ("ledighed_startdato", datetime.datetime(2026, 1, 5, 12), "en dato"),
    ],
)
def test_forkert_type_naevner_stien(system, variabel, vaerdi, besked):
    with pytest.raises(BrugerFejl, match=re.escape(besked)):
        byg_simulering(system, _person(**{variabel: {"2026-03": vaerdi}}))


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("vaerdi", [3.5e38, -1e308])
def test_et_tal_over_float32_naevner_graensen_uden_advarsel(system, vaerdi):
    # Før: "forventede et tal, fik 3.5e+38" (det er et tal) og numpys RuntimeWarning om overløb.
    with pytest.raises(BrugerFejl, match=re.escape("forventede et tal fra -3.4e+38 til 3.4e+38")):
        byg_simulering(system, _person(ugentlig_arbejdstid={"2026-03": vaerdi}))


@pytest.mark.parametrize(
    ("variabel", "vaerdi", "forventet"),
    [
        ("er_ledig", False, False),
        ("alder", 40, 40),
        ("alder", 40.0, 40),
        ("ugentlig_arbejdstid", 37, 37.0),
        ("ugentlig_arbejdstid", 37.5, 37.5),
        ("ydelse", "kontanthjaelp", "kontanthjaelp"),
        ("ledighed_startdato", "2026-01-05", datetime.date(2026, 1, 5)),
        ("ledighed_startdato", datetime.date(2026, 1, 5), datetime.date(2026, 1, 5)),
    ],
)
def test_rigtig_type_bruges_uaendret(system, variabel, vaerdi, forventet):
    simulering = byg_simulering(system, _person(**{variabel: {"2026-03": vaerdi}}))
    (resultat,) = vaerdier(system, simulering, "2026-03", [variabel])
    assert resultat.vaerdi == forventet


def test_null_betyder_beregn(system):
    simulering = byg_simulering(system, _person(alder={"2026-03": None}))
    (resultat,) = vaerdier(system, simulering, "2026-03", ["alder"])
    assert resultat.vaerdi == 36


def test_et_tal_med_eksponent_er_et_tal_som_i_json():
    # PyYAML (YAML 1.1) læste 1e3 som tekst, så --saet ...=1e3 gav "forventer et tal, fik '1e3'".
    data = laes_yaml("a: 1e3\nb: -2E-2\nc: '1e3'\nd: 2026-03\n", "x.yaml")
    assert data == {"a": 1000.0, "b": -0.02, "c": "1e3", "d": "2026-03"}
    # Som nøgle (fx et id) forbliver det tekst, som før.
    assert laes_yaml("personer:\n  1e5: {alder: 1e1}\n", "x.yaml") == {"personer": {"1e5": {"alder": 10.0}}}
