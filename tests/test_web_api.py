"""Web-API'et: ét OpenFisca-API per regime under /<regime>/, /regimer og /sammenlign;
og både `dk-beskaeftigelse serve` og `openfisca serve` som rigtige processer.

At hvert regime har OpenFiscas egne endepunkter (spec, variabler, parametre ...), prøver
test_web_schemathesis.py for hvert regime (stikprøven, der også kører med ``-m "not fuzz"``).
"""

import contextlib
import json
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
import yaml
from openfisca_web_api.app import create_app
from openfisca_web_api.loader import spec as openapi_spec
from openfisca_web_api.loader import variables as openapi_variabler
from werkzeug.test import Client

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse import webapp
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation
from openfisca_dk_beskaeftigelse.regimer import alle_regimer, byg_system, gaeldende_ret
from openfisca_dk_beskaeftigelse.webapp import lav_app

LEDIG = indlaes_situation(pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml")


@pytest.fixture(scope="module")
def klient():
    return Client(lav_app())


def test_hvert_svar_naevner_pakkens_version(klient):
    # Roden, et regimes OpenFisca-app og en ukendt sti; OpenFiscas apps sender selv Country-Package-Version.
    for sti in ("/", "/regimer", "/gaeldende_ret/spec", "/faerre_maalgrupper/variables", "/findes_ikke"):
        svar = klient.get(sti)
        assert svar.headers["X-Dk-Beskaeftigelse-Version"] == pakke.__version__, sti
    assert klient.get("/gaeldende_ret/spec").headers["Country-Package-Version"] == pakke.__version__


def test_calculate_og_trace_under_et_regime(klient):
    situation = {"personer": {"mette": {**LEDIG["personer"]["mette"], "alder": {"2026-03": None}}}}
    svar = klient.post("/gaeldende_ret/calculate", json=situation)
    assert svar.status_code == 200, svar.text
    assert svar.json["personer"]["mette"]["alder"]["2026-03"] == 41
    spor = klient.post("/gaeldende_ret/trace", json=situation)
    assert spor.status_code == 200 and "alder<2026-03>" in spor.json["trace"]


@pytest.mark.parametrize("endepunkt", ["calculate", "trace"])
def test_inddata_for_en_anden_periode_giver_en_advarsel_i_calculate_og_trace(klient, endepunkt):
    # Eksemplet angiver ydelsen for 2026; en beregning for 2025-06 læser ydelsen for 2025-06.
    def beregn(maaned):
        mette = {**LEDIG["personer"]["mette"], "maalgruppe": {maaned: None}}
        return klient.post(f"/gaeldende_ret/{endepunkt}", json={"personer": {"mette": mette}})

    svar = beregn("2025-06")
    assert svar.status_code == 200, svar.text
    advarsler = json.loads(svar.headers["X-Dk-Beskaeftigelse-Advarsler"])
    assert "personer/mette/ydelse har ingen værdi for 2025-06 (angivet for 2026)" in advarsler
    # Svarets krop er OpenFiscas egen; i måneden, inddata er angivet for, kommer ingen advarsel.
    assert "advarsler" not in svar.json
    assert "X-Dk-Beskaeftigelse-Advarsler" not in beregn("2026-03").headers


UDEN_FOEDSELSDATO = {"personer": {"mette": {"alder": {"2026-03": None}}}}


@pytest.mark.parametrize("sti", ["/gaeldende_ret/calculate", "/gaeldende_ret/trace"])
def test_manglende_input_giver_400_med_feltet(klient, sti):
    svar = klient.post(sti, json=UDEN_FOEDSELSDATO)
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "foedselsdato"
    assert "'alder'" in svar.json["fejl"]


def test_manglende_input_giver_400_ogsaa_under_openfisca_serve():
    # `openfisca serve` bruger create_app direkte, uden dk-beskaeftigelse serve's indpakning.
    svar = Client(create_app(gaeldende_ret())).post("/calculate", json=UDEN_FOEDSELSDATO)
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "foedselsdato"


# Kontanthjælpens sats for hjemmeboende under 30 år er ikke fundet fra 1.7.2025 (value: null).
HJEMMEBOENDE_UNDER_30 = {
    "ydelse": {"2026-03": "kontanthjaelp"},
    "alder": {"2026-03": 22},
    "er_hjemmeboende": {"2026-03": True},
}


def test_hul_i_kilderne_giver_422_med_parameteren_i_calculate(klient):
    krop = {"personer": {"anne": {**HJEMMEBOENDE_UNDER_30, "kontanthjaelp_sats": {"2026-03": None}}}}
    svar = klient.post("/gaeldende_ret/calculate", json=krop)
    assert svar.status_code == 422, svar.text
    assert svar.json["felt"] == "aktivloven.kontanthjaelp.ny_ordning.hjemmeboende_sats"
    assert "2026-03-01" in svar.json["fejl"]


def test_hul_i_kilderne_blanker_kun_sin_celle_i_sammenlign(klient):
    krop = {
        "situation": {"personer": {"anne": HJEMMEBOENDE_UNDER_30}},
        "periode": "2026-03",
        "variabler": ["alder", "kontanthjaelp_sats"],
    }
    svar = klient.post("/sammenlign", json=krop)
    assert svar.status_code == 200, svar.text
    alder, sats = svar.json["resultater"]
    assert alder["vaerdier"]["gaeldende_ret"] == 22
    assert sats["vaerdier"]["gaeldende_ret"] is None
    assert "aktivloven.kontanthjaelp.ny_ordning.hjemmeboende_sats" in str(sats["huller"])


def test_periode_foer_modellen_giver_400_i_calculate(klient):
    mette = {**LEDIG["personer"]["mette"], "dagpenge_maanedssats": {"1990-01": None}}
    svar = klient.post("/gaeldende_ret/calculate", json={"personer": {"mette": mette}})
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode"
    assert "1990-01" in svar.json["fejl"] and "2020-01" in svar.json["fejl"]


def test_regimer(klient):
    regimer = klient.get("/regimer").json
    assert [r["noegle"] for r in regimer] == list(alle_regimer())
    assert regimer[0]["url"] == "/gaeldende_ret/"


def test_sammenlign(klient):
    svar = klient.post(
        "/sammenlign",
        json={
            "situation": LEDIG,
            "periode": "2026-03",
            "regimer": "alle",
            "variabler": ["alder", "dagpenge_maanedssats"],
        },
    )
    assert svar.status_code == 200, svar.text
    raekker = {r["variabel"]: r for r in svar.json["resultater"]}
    assert raekker["dagpenge_maanedssats"]["vaerdier"]["gaeldende_ret"] == 22041.0
    assert [r["noegle"] for r in svar.json["regimer"]] == list(alle_regimer())


def test_sammenlign_med_en_stak(klient):
    stak = "faerre_maalgrupper+digitale_samtaler"
    svar = klient.post(
        "/sammenlign",
        json={
            "situation": LEDIG,
            "periode": "2026-03",
            "regimer": [stak],
            "variabler": ["maalgruppe", "kontaktforloeb_samtaler_telefon_video"],
        },
    )
    assert svar.status_code == 200, svar.text
    assert [r["noegle"] for r in svar.json["regimer"]] == ["gaeldende_ret", stak]
    maalgruppe, samtaler = svar.json["resultater"]
    # Begge reformer er lagt på: de fem gruppers navne og telefon/video til alle samtaler.
    assert "fem grupper" not in maalgruppe["tekster"]["gaeldende_ret"]
    assert maalgruppe["tekster"][stak] != maalgruppe["tekster"]["gaeldende_ret"]
    assert samtaler["vaerdier"] == {
        "gaeldende_ret": "valgfrit_efter_foerste_samtale",
        stak: "valgfrit_alle_samtaler",
    }


@pytest.mark.parametrize(
    ("krop", "felt"),
    [
        ("ikke json", "krop"),
        ({"periode": "2026-03"}, "situation"),
        ({"situation": LEDIG}, "periode"),
        ({"situation": LEDIG, "periode": "2026"}, "periode"),
        ({"situation": LEDIG, "periode": "2026-03", "regimer": ["paradis"]}, "regimer/0"),
        ({"situation": LEDIG, "periode": "2026-03", "regimer": "nogle"}, "regimer"),
        ({"situation": LEDIG, "periode": "2026-03", "regimer": ["faerre_maalgrupper+paradis"]}, "regimer/0"),
        # To alternativer til hinanden i en stak: ved stakkens element (før: hele "regimer").
        (
            {
                "situation": LEDIG,
                "periode": "2026-03",
                "regimer": ["gaeldende_ret", "tidsgraense_sygedagpenge+beskaeftigelsesreform_2027"],
            },
            "regimer/1",
        ),
        (
            {"situation": {"personer": {"a": {"ydelse": {"2026-03": "pension"}}}}, "periode": "2026-03"},
            "situation",
        ),
        ({"situation": LEDIG, "periode": "2026-03", "variabler": ["findes_ikke"]}, "variabler"),
        ({"situation": LEDIG, "periode": "1990-01"}, "periode"),
        ({"situation": LEDIG, "periode": 202603}, "periode"),
        ({"situation": 5, "periode": "2026-03"}, "situation"),
        ({"situation": {}, "periode": "2026-03"}, "situation"),
        ({"situation": LEDIG, "periode": "2026-03", "regimer": [1]}, "regimer/0"),
        ({"situation": LEDIG, "periode": "2026-03", "regimer": [["x"]]}, "regimer/0"),
        ({"situation": LEDIG, "periode": "2026-03", "regimer": []}, "regimer"),
        ({"situation": LEDIG, "periode": "2026-03", "regimer": None}, "regimer"),
        ({"situation": LEDIG, "periode": "2026-03", "variabler": 5}, "variabler"),
        ({"situation": LEDIG, "periode": "2026-03", "variabler": [["maalgruppe"]]}, "variabler"),
        ({"situation": LEDIG, "periode": "2026-03", "variabler": "maalgruppe"}, "variabler"),
        ({"situation": LEDIG, "periode": "2026-03", "variabler": []}, "variabler"),
        ({"situation": LEDIG, "periode": "2026-03", "variabler": None}, "variabler"),
        ({"situation": LEDIG, "periode": "2026-03", "regime": ["faerre_maalgrupper"]}, "regime"),
    ],
)
def test_sammenlign_fejl_naevner_feltet(klient, krop, felt):
    svar = (
        klient.post("/sammenlign", json=krop)
        if isinstance(krop, dict)
        else klient.post("/sammenlign", data=krop, content_type="application/json")
    )
    assert svar.status_code == 400
    assert svar.json["felt"] == felt, svar.json
    # Beskeden begynder med det felt, klienten sendte, aldrig CLI'ets navn (--variabler, SITUATION).
    assert svar.json["fejl"].startswith(f"{felt}: "), svar.json


def test_sammenlign_naevner_alle_ukendte_felter(klient):
    svar = klient.post(
        "/sammenlign",
        json={"situation": LEDIG, "periode": "2026-03", "regime": "alle", "varibler": ["alder"]},
    )
    assert svar.status_code == 400
    assert '"regime", "varibler"' in svar.json["fejl"] and "regimer" in svar.json["fejl"]


def _fri_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _server(args):
    """Serveren som en rigtig proces, fra den lytter (gunicorns "Listening at" på stderr; en anmodning
    venter da i køen, til workeren er klar), til den stoppes. Giver porten og stderrs linjer."""
    port = _fri_port()
    proces = subprocess.Popen(
        [*args, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    linjer: list[str] = []
    lytter, stoppet = threading.Event(), threading.Event()

    def laes():
        for linje in proces.stderr:
            linjer.append(linje)
            if f"Listening at: http://127.0.0.1:{port} " in linje:
                lytter.set()
        stoppet.set()
        lytter.set()

    laeser = threading.Thread(target=laes, daemon=True)
    laeser.start()
    try:
        if not lytter.wait(timeout=60) or stoppet.is_set():
            pytest.fail("serveren lytter ikke: " + "".join(linjer))
        yield port, linjer
    finally:
        proces.terminate()
        proces.wait(timeout=10)
        laeser.join(timeout=10)


@pytest.mark.ende_til_ende
def test_dk_beskaeftigelse_serve_svarer_paa_sammenlign():
    with _server([Path(sys.executable).parent / "dk-beskaeftigelse", "serve", "--workers", "1"]) as (
        port,
        stderr,
    ):
        anmodning = urllib.request.Request(
            f"http://127.0.0.1:{port}/sammenlign",
            data=json.dumps({"situation": LEDIG, "periode": "2026-03", "variabler": ["alder"]}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(anmodning, timeout=30) as svar:
            assert json.load(svar)["resultater"][0]["vaerdier"]["gaeldende_ret"] == 41
        # En browser får arbejdsbordet på samme adresse.
        side = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Accept": "text/html"})
        with urllib.request.urlopen(side, timeout=30) as svar:
            assert svar.headers.get_content_type() == "text/html"
    assert f"Arbejdsbordet: åbn http://127.0.0.1:{port}/ i en browser" in "".join(stderr)


@pytest.mark.ende_til_ende
def test_openfisca_serve_finder_pakken_og_stabler_reformer():
    # Én rigtig `openfisca serve` med pakken og to reformer: pakkens parametre og begge reformers variabler.
    reformer = [
        "openfisca_dk_beskaeftigelse.reforms.frivillige_rehabiliteringsmoeder.FrivilligeRehabiliteringsmoeder",
        "openfisca_dk_beskaeftigelse.reforms.tidsgraense_sygedagpenge.TidsgraenseSygedagpenge",
    ]
    openfisca = Path(sys.executable).parent / "openfisca"
    pakken = ["serve", "--country-package", "openfisca_dk_beskaeftigelse", "--workers", "1"]
    with _server([openfisca, *pakken, "--reforms", *reformer]) as (port, _):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/parameters", timeout=30) as svar:
            assert "sygedagpenge.arbejdsgiverperiode.dage" in json.load(svar)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/variables", timeout=30) as svar:
            variabler = json.load(svar)
        assert "rehabiliteringsmoede_ret" in variabler and "sygedagpenge_tidsgraense_dato" in variabler


def test_regimets_spec_og_variabler_er_dem_openfisca_selv_bygger(monkeypatch):
    """webapp læser formlernes kildekode og openAPI.yml én gang for alle regimer; hver app får det
    samme, som OpenFiscas egen indlæsning giver (og en ændring i én apps spec når ikke de andre)."""
    system = byg_system("faerre_maalgrupper")
    med = webapp._openfisca_data(create_app(system))
    med["openAPI_spec"]["info"]["title"] = "ændret i én app"
    med = webapp._openfisca_data(create_app(system))
    monkeypatch.setattr(openapi_variabler, "build_formula", webapp.OPRINDELIG_BYG_FORMEL)
    monkeypatch.setattr(openapi_spec, "yaml", yaml)
    uden = webapp._openfisca_data(create_app(system))
    assert med["openAPI_spec"] == uden["openAPI_spec"]
    assert med["variables"] == uden["variables"]
    assert med["variables"]["maalgruppe_lab_6"]["formulas"], "en variabel med formler skal være med"


def test_sammenlign_med_kun_de_afvigende_raekker(klient):
    krop = {"situation": LEDIG, "periode": "2026-03", "regimer": "alle"}
    fuldt = klient.post("/sammenlign", json=krop).json
    kun = klient.post("/sammenlign", json={**krop, "raekker": "afvigende"}).json
    afvigende = [x for x in fuldt["resultater"] if x["afviger_fra_gaeldende_ret"] or x["huller"]]
    assert 0 < len(afvigende) < len(fuldt["resultater"])
    assert kun == {**fuldt, "resultater": afvigende}
    assert klient.post("/sammenlign", json={**krop, "raekker": "alle"}).json == fuldt
    forkert = klient.post("/sammenlign", json={**krop, "raekker": "nogle"})
    assert forkert.status_code == 400 and forkert.json["felt"] == "raekker"
    assert forkert.json["fejl"] == 'raekker: forventede "alle" eller "afvigende", ikke "nogle"'
