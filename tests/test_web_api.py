"""Web-API'et: OpenFiscas egen app over gældende ret, og `openfisca serve` som rigtig proces."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from openfisca_web_api.app import create_app

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation


@pytest.fixture(scope="module")
def klient(system):
    return create_app(system).test_client()


def test_spec_og_variabler(klient):
    assert klient.get("/spec").status_code == 200
    variabler = klient.get("/variables").get_json()
    assert "alder" in variabler and "ydelse" in variabler


def test_calculate_med_eksemplet(klient):
    situation = indlaes_situation(pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml")
    situation["personer"]["mette"]["alder"] = {"2026-03": None}
    svar = klient.post("/calculate", json=situation)
    assert svar.status_code == 200, svar.get_data(as_text=True)
    assert svar.get_json()["personer"]["mette"]["alder"]["2026-03"] == 41


def _fri_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_openfisca_serve_finder_pakken():
    port = _fri_port()
    proces = subprocess.Popen(
        [Path(sys.executable).parent / "openfisca", "serve", "--country-package", "openfisca_dk_beskaeftigelse",
         "--port", str(port), "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/parameters", timeout=1) as svar:
                    parametre = json.load(svar)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("openfisca serve svarede ikke: " + proces.stderr.read1().decode())
        assert "sygedagpenge.arbejdsgiverperiode.dage" in parametre
    finally:
        proces.terminate()
        proces.wait(timeout=10)
