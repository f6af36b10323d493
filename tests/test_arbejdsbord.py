"""Arbejdsbordet uden browser: siden på / til en browser, filerne i pakken og API'et under /arbejdsbord/api.

Browsertestene (headless Chromium) står i ``test_arbejdsbord_browser.py``.
"""

import datetime
import importlib.metadata
import json
import re
import threading
import time

import pytest
import yaml
from werkzeug.test import Client

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse import arbejdsbord, effekt, vaerdiomraader, webapp
from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, Laesninger, byg_simulering, indlaes_situation
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.forklaring import forklaring
from openfisca_dk_beskaeftigelse.forklaring import som_dict as forklaring_som_dict
from openfisca_dk_beskaeftigelse.kilder import SEEDS
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer, byg_system, katalog
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, som_csv
from openfisca_dk_beskaeftigelse.webapp import lav_app

KARIN = indlaes_situation(pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml")
METTE = indlaes_situation(pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def klient():
    return Client(lav_app(dokumentation="https://eksempel.dk/docs"))


def _post(klient, sti, krop, **headers):
    return klient.post(sti, data=json.dumps(krop), content_type="application/json", headers=headers)


# ---- siden og filerne ---------------------------------------------------------------------


def test_en_browser_faar_siden_og_json_klienter_det_samme_som_foer(klient):
    side = klient.get("/", headers={"Accept": BROWSER})
    assert side.status_code == 200
    assert side.mimetype == "text/html"
    assert '<html lang="da">' in side.text
    assert "Accept" in side.headers["Vary"]
    # Siden må kun hente fra sin egen oprindelse: intet CDN, intet indlejret script.
    assert "default-src 'self'" in side.headers["Content-Security-Policy"]
    assert "{{" not in side.text
    for accept in (None, "application/json", "*/*"):
        svar = klient.get("/", headers={"Accept": accept} if accept else {})
        assert svar.mimetype == "application/json"
        assert {"regimer", "sammenlign", "spec", "graenser"} <= set(svar.json)
        assert "Accept" in svar.headers["Vary"]


def _filer():
    return sorted(p.name for p in arbejdsbord.MAPPE.iterdir())


def test_hver_fil_siden_henter_findes_i_pakken_og_intet_hentes_udefra(klient):
    html = (arbejdsbord.MAPPE / "index.html").read_text(encoding="utf-8")
    henvist = set(re.findall(r'(?:src|href)="arbejdsbord/([^"]+)"', html))
    for fil in arbejdsbord.MAPPE.glob("*.js"):
        tekst = fil.read_text(encoding="utf-8")
        henvist |= set(re.findall(r'from "\./([^"]+)"', tekst))
        # Et modul, der hentede fra en anden adresse, ville ikke virke uden net.
        assert not re.search(r'(?:from|import\()\s*"https?:', tekst), fil.name
        assert 'fetch("http' not in tekst, fil.name
    assert not re.search(r'(?:src|href)="https?://', html)
    assert henvist <= set(_filer()), henvist - set(_filer())
    for navn in _filer():
        svar = klient.get(f"/arbejdsbord/{navn}")
        assert svar.status_code == 200, navn
        if navn.endswith(".js"):
            assert svar.mimetype in ("text/javascript", "application/javascript")


def test_filerne_er_med_i_installationen():
    filer = {str(f) for f in importlib.metadata.distribution("openfisca-dk-beskaeftigelse").files}
    for navn in _filer():
        assert f"openfisca_dk_beskaeftigelse/arbejdsbord/{navn}" in filer, navn


@pytest.mark.parametrize(
    "sti", ["/arbejdsbord/findes_ikke.js", "/arbejdsbord/../webapp.py", "/arbejdsbord/api/nej"]
)
def test_en_fil_der_ikke_findes_er_en_404_med_stien(klient, sti):
    svar = klient.get(sti)
    assert svar.status_code == 404
    assert svar.json["felt"] == "sti"


# ---- inddata ------------------------------------------------------------------------------


def test_inddata_er_modellens_input_med_label_enhed_valg_og_omraade(klient, system):
    data = klient.get("/arbejdsbord/api/inddata?periode=2026-03").json
    variabler = {v["navn"]: v for v in data["variabler"]}
    input_ = {n for n, v in system.variables.items() if v.is_input_variable()}
    assert input_ <= set(variabler)
    ydelse = variabler["ydelse"]
    assert ydelse["type"] == "enum"
    assert ydelse["valg"] == [
        {"navn": m.name, "label": m.value} for m in system.variables["ydelse"].possible_values
    ]
    assert variabler["foedselsdato"]["periode"] == "eternity"
    assert variabler["foedselsdato"]["type"] == "dato"
    assert variabler["timeloen"]["enhedstekst"] == "kr."
    assert variabler["timeloen"]["mindst"] == 0
    assert variabler["fuldtidsandel"]["hoejst"] == 1
    assert variabler["gennemsnit_ansatte_seneste_12_maaneder"]["ikke_oplyst"] == -1
    assert variabler["timeloen"]["reference"] == list(system.variables["timeloen"].reference)
    # SDL § 32, stk. 1, nr. 1: de 6 kalendermåneder før måneden med første fraværsdag.
    assert variabler["arbejdstimer"]["bagud"] == {
        "fra": "sygemelding_startdato",
        "maaneder": 6,
        "parameter": "sygedagpenge.beskaeftigelseskrav.maaneder",
    }
    # En reforms eget input står med de regimer, der kender det.
    egne = [v for v in data["variabler"] if v["kun_under"]]
    for v in egne:
        assert v["navn"] not in system.variables
        assert all(v["navn"] in byg_system(n).variables for n in v["kun_under"])


# År 4 skrives "4-07" af OpenFisca; som tekst lå det efter "2020-01" (fundet af schemathesis).
@pytest.mark.parametrize("periode", ["2019-12", "0004-07", "2026"])
def test_inddata_med_en_forkert_periode_naevner_feltet(klient, periode):
    svar = klient.get(f"/arbejdsbord/api/inddata?periode={periode}")
    assert svar.status_code == 400
    assert svar.json["felt"] == "periode"


@pytest.mark.parametrize(
    ("argumenter", "felt"),
    [
        ("periode=2026-03&periode=2027-01", "periode"),
        ("periode=2026-03&x=1", "x"),
        ("perioden=2027-01", "perioden"),
    ],
)
def test_inddata_afviser_et_gentaget_eller_ukendt_argument(klient, argumenter, felt):
    # Før: 200 for 2026-03; den anden måned eller stavefejlen blev overset i stilhed.
    svar = klient.get(f"/arbejdsbord/api/inddata?{argumenter}")
    assert (svar.status_code, svar.json["felt"]) == (400, felt), svar.text


def _laest_foer(system, situation: dict, periode: str) -> dict[str, set[str]]:
    """Inputs, beregningen af standardvariablerne læste for måneder før ``periode``."""
    from openfisca_dk_beskaeftigelse.sammenligning import standardvariabler

    simulering = byg_simulering(system, situation)
    simulering.tracer = laesninger = Laesninger()
    for navn in standardvariabler(system, []):
        try:
            simulering.calculate(navn, periode)
        except (ParameterHulError, ManglendeOplysningError):
            continue
    laest: dict[str, set[str]] = {}
    for navn, p in laesninger.laest:
        if system.variables[navn].is_input_variable() and str(p) < periode and str(p) != "ETERNITY":
            laest.setdefault(navn, set()).add(str(p))
    return laest


def test_bagud_er_de_input_loven_laeser_for_maanederne_foer_datoen(system):
    # Lars, syg fra 2.2.2026 (selvstændig), og Karin, syg fra 4.8.2025: arbejdstimerne og den
    # selvstændige virksomhed læses for månederne før måneden med første fraværsdag.
    for fil in pakke.EKSEMPELMAPPE.glob("*.yaml"):
        situation = indlaes_situation(fil)
        laest = _laest_foer(system, situation, "2026-03")
        assert set(laest) <= set(vaerdiomraader.BAGUD), (fil.name, laest)
    karin = _laest_foer(system, KARIN, "2026-03")
    start = datetime.date(2025, 8, 1)
    maaneder = {
        f"{(start.year * 12 + start.month - 1 - i) // 12}-{(start.month - 1 - i) % 12 + 1:02d}"
        for i in range(1, 7)
    }
    assert maaneder == {"2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"}
    assert maaneder <= karin["arbejdstimer"]
    for bagud in vaerdiomraader.BAGUD.values():
        assert bagud.fra in system.variables


# ---- eksempler og indlæsning ----------------------------------------------------------------


def test_eksemplerne_er_filerne_i_pakken(klient):
    data = klient.get("/arbejdsbord/api/eksempler").json
    filer = sorted(pakke.EKSEMPELMAPPE.glob("*.yaml"))
    assert [e["navn"] for e in data] == [f.stem for f in filer]
    for e, fil in zip(data, filer, strict=True):
        assert e["situation"] == json.loads(json.dumps(indlaes_situation(fil)))
        assert e["titel"] and e["beskrivelse"].startswith(e["titel"])
    assert (
        data[[e["navn"] for e in data].index("forsikret_ledig")]["titel"]
        == "Forsikret ledig (LAB § 6, nr. 1)"
    )


def test_indlaes_en_situation_og_en_yaml_test(klient):
    tekst = (pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml").read_text(encoding="utf-8")
    svar = _post(klient, "/arbejdsbord/api/indlaes", {"tekst": tekst, "navn": "forsikret_ledig.yaml"}).json
    assert svar["art"] == "situation"
    assert svar["situationer"][0]["situation"] == json.loads(json.dumps(METTE))
    test = yaml.safe_dump(
        [
            {
                "name": "a",
                "period": "2026-03",
                "input": {"foedselsdato": "1990-01-01", "er_ledig": True},
                "output": {},
            },
            {"name": "b", "period": "2025-06", "input": {"foedselsdato": "1980-01-01"}, "output": {}},
        ]
    )
    svar = _post(klient, "/arbejdsbord/api/indlaes", {"tekst": test}).json
    assert svar["art"] == "test"
    assert [s["periode"] for s in svar["situationer"]] == ["2026-03", "2025-06"]
    # Testens flade form bliver én person med hver værdi for tilfældets periode.
    assert svar["situationer"][0]["situation"]["personer"]["person"] == {
        "foedselsdato": {"ETERNITY": "1990-01-01"},
        "er_ledig": {"2026-03": True},
    }


@pytest.mark.parametrize(
    ("tekst", "besked"),
    [
        ("personer: [", "er ikke gyldig YAML/JSON"),
        (
            "!!python/object/apply:os.system ['true']",
            "mærket '!!python/object/apply:os.system' er ikke tilladt",
        ),
        ("personer:\n  a: {}\n  a: {}\n", "nøglen 'a' står to gange"),
        ("- 1\n- 2\n", "en YAML-test skal have 'input'"),
        (
            "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
            + "".join(
                f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcde", "bcdef", strict=True)
            ),
            "flere end 100.000 værdier",
        ),
        ("", "forventede en ikke-tom tekst"),
    ],
)
def test_indlaes_en_forkert_tekst_giver_400_ved_feltet(klient, tekst, besked):
    svar = _post(klient, "/arbejdsbord/api/indlaes", {"tekst": tekst})
    assert svar.status_code == 400
    assert svar.json["felt"] == "tekst"
    assert besked in svar.json["fejl"]


def test_indlaes_en_reformfil_kontrollerer_den(klient):
    tekst = (pakke.EKSEMPELMAPPE / "reformer" / "tidsgraense_26_uger_70_pct.yaml").read_text(encoding="utf-8")
    svar = _post(klient, "/arbejdsbord/api/indlaes", {"tekst": tekst}).json
    assert svar["art"] == "reform"
    assert svar["reform"] == json.loads(json.dumps(yaml.safe_load(tekst), default=str))
    forkert = "navn: Min variant\naendringer:\n  - parameter: a.b\n    vaerdi: 1\n    fra: 2026-01-01\n"
    svar = _post(klient, "/arbejdsbord/api/indlaes", {"tekst": forkert})
    assert svar.status_code == 400
    assert svar.json["felt"] == "tekst"
    assert svar.json["fejl"].startswith("tekst: aendringer/0/parameter: ukendt parameter 'a.b'")


# ---- forklaring ---------------------------------------------------------------------------


def test_forklaringen_er_sporet_med_paragraffer_og_parametre(klient):
    krop = {"situation": METTE, "periode": "2026-03", "variabel": "dagpenge_maanedssats"}
    svar = _post(klient, "/arbejdsbord/api/forklaring", krop)
    assert svar.status_code == 200, svar.json
    data = svar.json
    assert data == forklaring_som_dict(forklaring(METTE, "2026-03", "dagpenge_maanedssats", "gaeldende_ret"))
    (trae,) = data["traeer"]
    rod = trae["knuder"][0]
    # AFL § 47, stk. 1: loftet, 22.041 kr. pr. måned i 2026 (90 pct. af 34.000 × 0,92 = 28.152 er over).
    assert (rod["variabel"], rod["vaerdi"]) == ("dagpenge_maanedssats", "22041.00")
    assert rod["reference"][0] == "AFL § 47, stk. 1"
    parametre = {p["navn"]: p for p in rod["parametre"]}
    assert parametre["afl.dagpenge.kompensationsgrad"]["vaerdi"] == "0.90"
    assert "AFL § 48" in parametre["afl.dagpenge.kompensationsgrad"]["kilde"]["hjemmel"]
    assert {b["variabel"]: b["maerke"] for b in rod["boern"]}["maanedsloen"] == "[inddata]"


@pytest.mark.parametrize(
    ("aendring", "felt"),
    [
        ({"variabel": "ukendt_variabel"}, "variabel"),
        ({"regime": "ukendt_regime"}, "regime"),
        ({"periode": "2019-01"}, "periode"),
        ({"person": "ole"}, "person"),
        (
            {"situation": {"personer": {"mette": {"timeloen": {"2026-03": -5}}}}},
            "personer/mette/timeloen/2026-03",
        ),
        ({"ekstra": 1}, "ekstra"),
    ],
)
def test_forklaringens_fejl_naevner_feltet(klient, aendring, felt):
    krop = {"situation": METTE, "periode": "2026-03", "variabel": "dagpenge_maanedssats", **aendring}
    svar = _post(klient, "/arbejdsbord/api/forklaring", krop)
    assert svar.status_code in (400, 404)
    assert svar.json["felt"] == felt


# ---- effekt -------------------------------------------------------------------------------


def _linjer(svar) -> list[dict]:
    return [json.loads(x) for x in svar.get_data(as_text=True).splitlines() if x]


def test_effekt_som_linjer_med_start_og_resultat(klient):
    krop = {"periode": "2026-03", "regimer": ["faerre_maalgrupper"], "personer": 500, "seed": 3}
    svar = _post(klient, "/arbejdsbord/api/effekt", krop)
    assert svar.status_code == 200
    assert svar.mimetype == "application/x-ndjson"
    linjer = _linjer(svar)
    assert linjer[0]["start"]["regimer"] == ["gaeldende_ret", "faerre_maalgrupper"]
    forventet = effekt.effekt(["faerre_maalgrupper"], "2026-03", 500, 3)
    assert linjer[-1]["resultat"] == json.loads(json.dumps(effekt.som_dict(forventet)))
    assert linjer[-1]["csv"] == effekt.som_csv(forventet)
    # Imellem: en linje for hver beregnet bid (processernes bidder, effekt.antal_bidder), til den sidste.
    i_alt = effekt.antal_bidder(500, effekt.antal_arbejdere())
    assert [x["fremdrift"] for x in linjer[1:-1]] == [
        {"faerdige": i, "i_alt": i_alt} for i in range(1, i_alt + 1)
    ]


def test_effekt_stopper_ved_naeste_bid_naar_klienten_gaar(klient, monkeypatch):
    """Et svar, klienten lukker, stopper beregningen ved næste bid og giver låsen fri (én beregning ad
    gangen), i stedet for at regne alle 12 × 3 bidder færdig for ingen."""
    monkeypatch.setattr(effekt, "antal_arbejdere", lambda: 1)
    bidder = []
    optael = effekt._optael_bid
    monkeypatch.setattr(effekt, "_optael_bid", lambda *opgave: bidder.append(1) or optael(*opgave))
    krop = {"aar": 2026, "regimer": ["gaeldende_ret"], "personer": 100, "traekninger": 3}
    svar = _post(klient, "/arbejdsbord/api/effekt", krop)
    assert "start" in json.loads(next(iter(svar.response)))
    svar.close()
    assert arbejdsbord._EFFEKT_LAAS.acquire(timeout=60), "beregningen gav ikke låsen fri"
    arbejdsbord._EFFEKT_LAAS.release()
    assert 1 <= len(bidder) < 12 * 3, len(bidder)


@pytest.mark.parametrize(
    ("aendring", "felt"),
    [
        ({"personer": 0}, "personer"),
        ({"personer": True}, "personer"),
        ({"personer": arbejdsbord.MAKS_BEFOLKNING + 1}, "personer"),
        ({"regimer": "alle", "personer": arbejdsbord.MAKS_BEFOLKNING}, "personer"),
        ({"regimer": ["ukendt"]}, "regimer/0"),
        ({"regimer": []}, "regimer"),
        ({"seed": -1}, "seed"),
        ({"periode": "2026"}, "periode"),
        ({"fremskrivning": "ja"}, "fremskrivning"),
        ({"aar": 2027}, "periode"),  # både periode og aar
        ({"traekninger": 0}, "traekninger"),
        ({"traekninger": arbejdsbord.MAKS_TRAEKNINGER + 1}, "traekninger"),
        ({"traekninger": 20, "personer": 20_000}, "personer"),  # 2 regimer × 20 × 20.000 = 800.000
    ],
)
def test_effektens_fejl_naevner_feltet_foer_beregningen(klient, aendring, felt):
    krop = {"periode": "2026-03", "regimer": ["faerre_maalgrupper"], "personer": 100, **aendring}
    svar = _post(klient, "/arbejdsbord/api/effekt", krop)
    assert svar.status_code == 400
    assert svar.json["felt"] == felt


@pytest.mark.parametrize(
    ("krop", "felt", "tekst"),
    [
        ({"aar": 2019}, "aar", "2020 til 2030"),
        ({"aar": "2027"}, "aar", "2020 til 2030"),
        # 12 måneder × 4 trækninger = 48 kørsler er over grænsen på 36.
        ({"aar": 2026, "traekninger": 4}, "traekninger", "36"),
        # 2 regimer × 12 måneder × 3 trækninger × 10.000 personer = 720.000 er over 600.000.
        ({"aar": 2026, "traekninger": 3, "personer": 10_000}, "personer", "600.000"),
    ],
)
def test_effekt_for_et_aar_er_begraenset(klient, krop, felt, tekst):
    svar = _post(
        klient, "/arbejdsbord/api/effekt", {"regimer": ["ingen_jobafklaring"], "personer": 100, **krop}
    )
    assert svar.status_code == 400
    assert svar.json["felt"] == felt and tekst in svar.json["fejl"], svar.json


def test_effektens_valg_giver_siden_aarene_og_graenserne(klient):
    """Befolkning-siden henter årene (``effekt.aarene``) og grænserne fra serveren, ikke fra HTML'en."""
    valg = klient.get("/arbejdsbord/api/effekt").json
    foerste, sidste = effekt.aarene()
    assert valg["aar"] == {"fra": foerste, "til": sidste}
    # Satserne er offentliggjort til og med året før den første fremskrevne måned.
    assert valg["offentliggjort_til"] == int(effekt.foerste_fremskrevne_maaned()[:4]) - 1
    assert valg["maaneder_pr_aar"] == 12
    assert valg["graenser"]["befolkning_maaneder_gange_traekninger"] == arbejdsbord.MAKS_KOERSLER
    side = klient.get("/", headers={"Accept": "text/html"}).text
    assert 'id="bef-aar" step="1">' in side and "efter 2026" not in side.split('id="befolkning"')[1]
    assert "get" in klient.get("/spec").json["paths"]["/arbejdsbord/api/effekt"]


def test_effekt_har_et_loft_over_stakke_og_egne_varianter(klient):
    """Hvert regime koster en beregning af hver bid, også for 1 person: ud over registrets regimer
    højst ``MAKS_EGNE_REGIMER`` stakke og varianter, ellers en 400 ved feltet, før beregningen."""
    enkelte = [n for n in alle_regimer() if n != GAELDENDE_RET][:5]
    stakke = [f"{a}+{b}" for a in enkelte for b in enkelte if a != b]  # 5 × 4 = 20 forskellige
    graense = arbejdsbord.MAKS_EGNE_REGIMER
    krop = {"periode": "2026-03", "personer": 1, "regimer": stakke[: graense + 1] + enkelte}
    svar = _post(klient, "/arbejdsbord/api/effekt", krop)
    assert svar.status_code == 400
    assert svar.json["felt"] == "regimer" and f"{graense + 1} stakke" in svar.json["fejl"], svar.json
    # Ved grænsen (og med registrets regimer ved siden af) beregnes det.
    svar = _post(klient, "/arbejdsbord/api/effekt", {**krop, "regimer": stakke[:graense] + enkelte})
    assert svar.status_code == 200 and "resultat" in _linjer(svar)[-1], _linjer(svar)[-1]


def test_effekt_for_et_aar_med_traekninger_og_fremskrivning(klient, monkeypatch):
    # Serveren og facit regner i denne proces (1 bid pr. måned); processerne og bidderne prøves i
    # test_effekt_motor.py og i test_effekt_som_linjer_med_start_og_resultat.
    monkeypatch.setattr(effekt, "antal_arbejdere", lambda: 1)
    krop = {"aar": 2027, "regimer": ["ingen_jobafklaring"], "personer": 50, "traekninger": 2}
    linjer = _linjer(_post(klient, "/arbejdsbord/api/effekt", krop))
    assert linjer[0]["start"]["periode"] == "2027"
    resultat = linjer[-1]["resultat"]
    forventet = effekt.effekt(
        ["ingen_jobafklaring"], effekt.aarets_maaneder(2027), 50, 0, fremskrivning=True, traekninger=2
    )
    forventet.fremskrivning_grund = resultat["fremskrivning_grund"]
    assert resultat == json.loads(json.dumps(effekt.som_dict(forventet)))
    # 2027 ligger efter de sidst offentliggjorte satser: regnet med fremskrivning, og det står der.
    assert resultat["fremskrivning"] is True and resultat["fremskrivning_grund"].startswith("aar 2027")
    assert (
        resultat["usikkerhed"]["traekninger"] == 2
        and resultat["maallinje"][0]["regime"] == "ingen_jobafklaring"
    )


def test_kun_en_befolkningsberegning_ad_gangen(klient):
    assert arbejdsbord._EFFEKT_LAAS.acquire(blocking=False)
    try:
        svar = _post(
            klient,
            "/arbejdsbord/api/effekt",
            {"periode": "2026-03", "personer": 10, "regimer": ["gaeldende_ret"]},
        )
    finally:
        arbejdsbord._EFFEKT_LAAS.release()
    assert svar.status_code == 503
    assert svar.json == {
        "fejl": "en anden befolkningsberegning kører på serveren; prøv igen om lidt",
        "felt": None,
    }


class _LangsomLaas:
    """En lås, der er længe om at give sig fri: svaret må først slutte, når den er fri."""

    def __init__(self) -> None:
        self._laas = threading.Lock()

    def acquire(self, *args, **kwargs) -> bool:
        return self._laas.acquire(*args, **kwargs)

    def release(self) -> None:
        time.sleep(0.3)
        self._laas.release()

    def locked(self) -> bool:
        return self._laas.locked()


def test_ny_befolkningsberegning_straks_efter_svarets_sidste_linje(klient, monkeypatch):
    """Har klienten læst svarets sidste linje, er låsen fri: et nyt klik får ikke 503."""
    monkeypatch.setattr(arbejdsbord, "_EFFEKT_LAAS", _LangsomLaas())
    krop = {"periode": "2026-03", "personer": 10, "regimer": ["gaeldende_ret"]}
    assert "resultat" in _linjer(_post(klient, "/arbejdsbord/api/effekt", krop))[-1]
    assert not arbejdsbord._EFFEKT_LAAS.locked()
    # Også det nye svar læses til ende: beregningen giver den lånte lås fri, før testen slutter.
    assert "resultat" in _linjer(_post(klient, "/arbejdsbord/api/effekt", krop))[-1]
    assert not arbejdsbord._EFFEKT_LAAS.locked()


# ---- katalog og dokumentation -----------------------------------------------------------------


def test_kataloget_har_kilder_og_links_til_dokumentationen(klient):
    data = klient.get("/arbejdsbord/api/katalog").json
    assert data["dokumentation"] == "https://eksempel.dk/docs/"
    assert [r["noegle"] for r in data["regimer"]] == list(alle_regimer())
    for r in data["regimer"][1:]:
        assert r["side"] == f"https://eksempel.dk/docs/genereret/reformer/{r['noegle']}/"
    assert len(data["katalog"]) == len(katalog())
    for punkt, fra_filen in zip(data["katalog"], katalog(), strict=True):
        assert punkt["kilde"]["dokument"] == SEEDS[fra_filen["kilde"]].navn
        assert punkt["kilde"]["afsnit"] == fra_filen["afsnit"]
        if fra_filen.get("regime"):
            assert punkt["side"].endswith(f"/genereret/reformer/{fra_filen['regime']}/")


def test_et_lokalt_site_serveres_under_dokumentation(tmp_path):
    (tmp_path / "genereret" / "reformer" / "digitale_samtaler").mkdir(parents=True)
    (tmp_path / "index.html").write_text("forsiden", encoding="utf-8")
    (tmp_path / "genereret" / "reformer" / "digitale_samtaler" / "index.html").write_text(
        "reformen", encoding="utf-8"
    )
    klient = Client(lav_app(dokumentation=tmp_path))
    assert klient.get("/arbejdsbord/api/katalog").json["dokumentation"] == "/dokumentation/"
    assert klient.get("/dokumentation/").text == "forsiden"
    assert klient.get("/dokumentation/genereret/reformer/digitale_samtaler/").text == "reformen"
    assert klient.get("/dokumentation/../../etc/passwd").status_code == 404


def test_en_mappe_uden_site_er_en_fejl(tmp_path):
    with pytest.raises(BrugerFejl, match="--dokumentation: .* bygget dokumentationssite"):
        arbejdsbord.dokumentationens_valg(tmp_path)


# ---- /sammenlign som CSV og rodens spec --------------------------------------------------------


def test_sammenlign_som_csv_med_accept(klient):
    krop = {"situation": KARIN, "periode": "2026-03", "regimer": ["ingen_jobafklaring"]}
    svar = _post(klient, "/sammenlign", krop, Accept="text/csv")
    assert svar.mimetype == "text/csv"
    assert svar.text == som_csv(sammenlign(KARIN, "2026-03", ["ingen_jobafklaring"]), "situation")
    assert _post(klient, "/sammenlign", krop).mimetype == "application/json"


def test_rodens_spec_beskriver_arbejdsbordets_api(klient):
    spec = klient.get("/spec").json
    for sti in ("inddata", "eksempler", "indlaes", "forklaring", "effekt", "katalog"):
        assert f"/arbejdsbord/api/{sti}" in spec["paths"]
    assert "text/html" in spec["paths"]["/"]["get"]["responses"]["200"]["content"]


@pytest.mark.parametrize(
    ("tekst", "besked"),
    [
        # Før: 500 (en liste eller et objekt som nøgle; bytes og mængder kan ikke blive JSON).
        ("personer: {? [a, b] : {}}", "en nøgle skal være en tekst eller et tal"),
        ("? {a: 1}\n: 1\n", "en nøgle skal være en tekst eller et tal"),
        ("personer: {a: {maanedsloen: {2026-03: !!binary aGk=}}}", "mærket '!!binary' er ikke tilladt"),
        ("personer: {a: {maanedsloen: {2026-03: !!set {a, b}}}}", "mærket '!!set' er ikke tilladt"),
        # Før: 200 med NaN og Infinity i svaret, som ikke er JSON.
        ("personer: {a: {maanedsloen: {2026-03: .nan}}}", "personer/a/maanedsloen/2026-03: nan"),
        ("personer: {a: {maanedsloen: {2026-03: -.inf}}}", "-inf er ikke et tal i JSON"),
        # Før: 200, hvor den ene person eller værdi var forsvundet, eller nøglen var blevet 'True'.
        ("personer: {1: {}, '1': {}}", "personer: nøglen '1' står to gange"),
        ("personer: {a: {maanedsloen: {2026: 1, '2026': 2}}}", "nøglen '2026' står to gange"),
        ("personer: {true: {}}", "nøglen True er hverken en tekst eller et helt tal"),
        ("personer: {~: {}}", "nøglen None er hverken"),
    ],
)
def test_indlaes_giver_400_for_det_json_ikke_har(klient, tekst, besked):
    svar = _post(klient, "/arbejdsbord/api/indlaes", {"tekst": tekst})
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "tekst"
    assert besked in svar.json["fejl"]


def test_kun_de_afvigende_raekker_naevner_stadig_hvert_medlem(klient):
    """Arbejdsbordets notat beder om ``raekker: "afvigende"``: en person uden forskelle forsvandt da
    også fra ``medlemmer``, så notatet var tomt (ingen "Ingen ændringer under ..."). Medlemmerne og
    deres sammenfatning er de samme som med alle rækker."""
    situation = {"personer": {"ny_person": {"foedselsdato": {"ETERNITY": "1970-01-01"}}}}
    krop = {"situation": situation, "periode": "2025-05", "regimer": ["gaeldende_ret", "faerre_maalgrupper"]}
    fuldt = _post(klient, "/sammenlign", krop).json
    kun = _post(klient, "/sammenlign", {**krop, "raekker": "afvigende"}).json
    assert fuldt["medlemmer"] == [
        {
            "entitet": "personer",
            "id": "ny_person",
            "aendret_under": [],
            "uaendret_under": ["faerre_maalgrupper"],
            "afvigende_variabler": [],
        }
    ]
    assert kun["resultater"] == []
    assert kun == {**fuldt, "resultater": []}


def test_indlaes_siger_persongraensen_ved_teksten(klient):
    # Før: 1.500 personer blev indlæst og tegnet (6 s per klik); først Beregn sagde grænsen.
    personer = {f"p{nr}": {} for nr in range(webapp.MAKS_MEDLEMMER + 1)}
    svar = _post(klient, "/arbejdsbord/api/indlaes", {"tekst": json.dumps({"personer": personer})})
    assert (svar.status_code, svar.json["felt"]) == (400, "tekst"), svar.text
    assert f"{webapp.MAKS_MEDLEMMER + 1} personer og arbejdssteder er flere end grænsen" in svar.json["fejl"]
