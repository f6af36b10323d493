"""/sammenlign med en hjælpeproces (hjaelpeproces): samme svar som i én proces, også når hjælpen fejler."""

import json
import time

import pytest
import yaml
from werkzeug.test import Client

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation
from openfisca_dk_beskaeftigelse.hjaelpeproces import MINDST_REGIMER, Hjaelpeproces
from openfisca_dk_beskaeftigelse.regimer import alle_regimer
from openfisca_dk_beskaeftigelse.webapp import lav_app

# Dagpenge, sygedagpenge, kontanthjælp og et arbejdssted med støttede ansatte: hver slags værdi
# (beløb, datoer, Enum, arbejdsstedets rækker), der sendes mellem processerne.
EKSEMPLER = [
    pakke.EKSEMPELMAPPE / f"{navn}.yaml"
    for navn in (
        "forsikret_ledig",
        "sygemeldt_loenmodtager",
        "aktivitetsparat_kontanthjaelp",
        "virksomhed_med_stoettede",
    )
]
ALLE = list(alle_regimer())


def _start(hjaelper) -> None:
    hjaelper.start()
    frist = time.monotonic() + 120
    while not hjaelper.klar():
        assert time.monotonic() < frist, "hjælpeprocessen meldte sig ikke klar"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def hjaelper():
    hjaelper = Hjaelpeproces(kerner=2)
    _start(hjaelper)
    yield hjaelper
    hjaelper.stop()


@pytest.fixture(scope="module")
def klienter(hjaelper):
    return Client(lav_app(hjaelper=hjaelper)), Client(lav_app())


def _svar(klient, krop: dict) -> dict:
    svar = klient.post("/sammenlign", json=krop)
    assert svar.status_code == 200, svar.json
    return svar.json


def _delt(hjaelper, klienter, krop) -> tuple[dict, dict, int]:
    """(svaret med hjælp, svaret uden, hvor mange gange hjælpen blev brugt)."""
    foer = hjaelper.delte
    med = _svar(klienter[0], krop)
    return med, _svar(klienter[1], krop), hjaelper.delte - foer


@pytest.mark.parametrize("sti", EKSEMPLER, ids=lambda p: p.stem)
def test_eksemplerne_under_alle_regimer_er_det_samme_med_hjaelp(hjaelper, klienter, sti):
    krop = {"situation": indlaes_situation(sti), "periode": "2026-03", "regimer": ALLE}
    med, uden, delte = _delt(hjaelper, klienter, krop)
    assert delte == 1, "hjælpeprocessen blev ikke brugt"
    assert med == uden


def test_med_fremskrivning_og_et_hul_i_kilderne_er_det_samme(hjaelper, klienter):
    """2027 med fremskrivning (mærkede værdier) og uden (huller i cellerne) sendes mellem processerne."""
    situation = indlaes_situation(pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml")
    regimer = ALLE[:MINDST_REGIMER]
    for fremskrivning in (True, False):
        krop = {
            "situation": situation,
            "periode": "2027-03",
            "regimer": regimer,
            "fremskrivning": fremskrivning,
        }
        med, uden, delte = _delt(hjaelper, klienter, krop)
        assert delte == 1
        assert med == uden
    assert any(r["huller"] for r in uden["resultater"]), "testen skal have et hul i kilderne"
    krop["fremskrivning"] = True
    assert any(r["fremskrevne"] for r in _svar(klienter[0], krop)["resultater"])


def test_et_regime_hjaelpeprocessen_ikke_kender_beregnes_af_serveren(hjaelper, klienter):
    """En reformfil sendt med anmodningen er kun registreret i serverens proces; den står sidst og
    falder derfor til hjælpeprocessen, som ikke kender den: serveren beregner selv dens del."""
    tekst = (pakke.EKSEMPELMAPPE / "reformer" / "tidsgraense_26_uger_70_pct.yaml").read_text(encoding="utf-8")
    reformfil = json.loads(json.dumps(yaml.safe_load(tekst), default=str))
    situation = indlaes_situation(pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml")
    krop = {"situation": situation, "periode": "2026-03", "regimer": [*ALLE, reformfil]}
    med, uden, delte = _delt(hjaelper, klienter, krop)
    assert delte == 1
    assert med == uden
    assert med["regimer"][-1]["status"] == "egen"


def test_faa_regimer_eller_en_travl_server_beregner_selv(hjaelper, klienter):
    situation = indlaes_situation(pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml")
    faa = {"situation": situation, "periode": "2026-03", "regimer": ALLE[: MINDST_REGIMER - 1]}
    assert _delt(hjaelper, klienter, faa)[2] == 0
    # To anmodninger i gang (denne og en anden) på to kerner: ingen ledig kerne til hjælpen.
    hjaelper.begynd()
    try:
        alle = {**faa, "regimer": ALLE}
        med, uden, delte = _delt(hjaelper, klienter, alle)
    finally:
        hjaelper.slut()
    assert delte == 0
    assert med == uden


def test_en_doed_hjaelpeproces_giver_samme_svar_og_en_ny_kan_startes(hjaelper, klienter):
    situation = indlaes_situation(pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml")
    krop = {"situation": situation, "periode": "2026-03", "regimer": ALLE}
    hjaelper._proces.kill()
    hjaelper._proces.join()
    med, uden, _ = _delt(hjaelper, klienter, krop)
    assert med == uden
    assert not hjaelper.klar()
    _start(hjaelper)
    med, uden, delte = _delt(hjaelper, klienter, krop)
    assert delte == 1
    assert med == uden
