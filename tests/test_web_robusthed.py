"""Web-API'et holder (issue 14): fejl er JSON {fejl, felt} med 4xx, aldrig 500; arbejdet er begrænset;
links og spec passer under hvert regime; én CORS-politik. Reproducenterne fra revisionen står her.

Hvert tilfælde køres mod ``dk-beskaeftigelse serve``s app (``lav_app``) og, hvor pakken kan nå det,
mod OpenFiscas egen app (``create_app``, som ``openfisca serve`` bruger).
"""

import copy
import json
from pathlib import Path

import pytest
from openfisca_web_api.app import create_app
from werkzeug.test import Client

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse import webapp
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation
from openfisca_dk_beskaeftigelse.regimer import alle_regimer, byg_system, gaeldende_ret

REPO = Path(__file__).resolve().parents[1]
METTE = indlaes_situation(pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml")["personer"]["mette"]
FOEDT = {"foedselsdato": {"ETERNITY": "1984-05-10"}}
STAK = "faerre_maalgrupper+digitale_samtaler"


@pytest.fixture(scope="module")
def klient():
    return Client(webapp.lav_app())


@pytest.fixture(scope="module")
def openfisca_serve():
    # Som `openfisca serve`: OpenFiscas egen app for gældende ret, uden lav_app omkring.
    return Client(create_app(gaeldende_ret()))


def _person(**felter) -> dict:
    return {"personer": {"mette": {**FOEDT, **felter}}}


def _er_fejl(svar, status: int, felt: str | None = None) -> dict:
    assert svar.status_code == status, svar.get_data(as_text=True)[:500]
    assert svar.mimetype == "application/json"
    krop = svar.json
    assert set(krop) == {"fejl", "felt"}, krop
    assert "Traceback" not in krop["fejl"] and "Error" not in krop["fejl"], krop
    if felt is not None:
        assert krop["felt"] == felt, krop
    return krop


# ---- 1. et numerisk id og et forkert input ----------------------------------------------------

NUMERISK_ID = {"personer": {"10000000": {"maanedsloen": {"x": 1}}}}


@pytest.mark.parametrize("sti", ["/gaeldende_ret/calculate", "/gaeldende_ret/trace", f"/{STAK}/trace"])
def test_numerisk_id_giver_et_kort_svar(klient, sti):
    # Før: OpenFiscas fejltræ (dpath) gjorde id'et til en liste med 10 mio. elementer (50 MB).
    svar = klient.post(sti, json=NUMERISK_ID)
    assert len(svar.get_data()) < 1_000
    _er_fejl(svar, 400, "personer/10000000/maanedsloen/x")


def test_numerisk_id_giver_et_kort_svar_i_sammenlign_og_openfisca_serve(klient, openfisca_serve):
    svar = klient.post("/sammenlign", json={"situation": NUMERISK_ID, "periode": "2026-03"})
    assert len(svar.get_data()) < 1_000
    assert "personer/10000000/maanedsloen/x" in _er_fejl(svar, 400, "situation")["fejl"]
    svar = openfisca_serve.post("/calculate", json=NUMERISK_ID)
    assert len(svar.get_data()) < 1_000
    _er_fejl(svar, 400, "personer/10000000/maanedsloen/x")


# ---- 2. og 3. forkerte typer og værdier uden for værdiområdet ---------------------------------

FORKERTE_VAERDIER = [
    # 'false' talte som sand: dagpenge 15.759 kr. i stedet for 22.041 kr.
    ({"er_dimittend": {"2026-03": "false"}}, "personer/mette/er_dimittend/2026-03"),
    ({"ydelse": {"2026-03": 3}}, "personer/mette/ydelse/2026-03"),
    ({"foedselsdato": {"ETERNITY": ""}}, "personer/mette/foedselsdato/ETERNITY"),
    # 19840510 som tal gav alderen -54266.
    ({"foedselsdato": {"ETERNITY": 19840510}}, "personer/mette/foedselsdato/ETERNITY"),
    ({"foedselsdato": {"ETERNITY": "1850-01-01"}}, "personer/mette/foedselsdato/ETERNITY"),
    # -10 uger tændte en sygedagpengeudbetaling på 22.373,60 kr./md.
    ({"tidligere_sygedagpengeuger": {"2026-03": -10}}, "personer/mette/tidligere_sygedagpengeuger/2026-03"),
    ({"maanedsloen": {"2026-03": -1}}, "personer/mette/maanedsloen/2026-03"),
    ({"ugentlig_arbejdstid": {"2026-03": 169}}, "personer/mette/ugentlig_arbejdstid/2026-03"),
    ({"fuldtidsandel": {"2026-03": 1.5}}, "personer/mette/fuldtidsandel/2026-03"),
    (
        {
            "sygemelding_startdato": {"2026-03": "2026-02-10"},
            "forventet_raskmelding_dato": {"2026": "2026-01-01"},
        },
        "personer/mette/forventet_raskmelding_dato/2026",
    ),
    ({"ledighed_startdato": {"2026": "1980-01-05"}}, "personer/mette/ledighed_startdato/2026"),
]


@pytest.mark.parametrize(("felter", "felt"), FORKERTE_VAERDIER)
@pytest.mark.parametrize("sti", ["/gaeldende_ret/calculate", "/gaeldende_ret/trace"])
def test_forkert_vaerdi_giver_400_med_stien(klient, sti, felter, felt):
    krop = _person(**felter, dagpenge_maanedssats={"2026-03": None})
    _er_fejl(klient.post(sti, json=krop), 400, felt)


@pytest.mark.parametrize(("felter", "felt"), FORKERTE_VAERDIER[:3])
def test_forkert_vaerdi_giver_400_under_openfisca_serve(openfisca_serve, felter, felt):
    krop = {"personer": {"mette": {**FOEDT, **felter, "alder": {"2026-03": None}}}}
    _er_fejl(openfisca_serve.post("/calculate", json=krop), 400, felt)


def test_foedt_efter_perioden_giver_400(klient, openfisca_serve):
    # En fødselsdato efter perioden gav en negativ alder og en målgruppe.
    krop = _person(foedselsdato={"ETERNITY": "2027-01-01"}, alder={"2026-03": None})
    for app, sti in ((klient, "/gaeldende_ret/calculate"), (openfisca_serve, "/calculate")):
        assert "2026-03-01" in _er_fejl(app.post(sti, json=krop), 400, "foedselsdato")["fejl"]


def test_en_rigtig_vaerdi_giver_samme_resultat_som_foer(klient):
    # Kontrollen ændrer intet for gyldige inddata: 34.000 kr./md. giver dagpengenes højeste sats.
    krop = {"personer": {"mette": {**METTE, "dagpenge_maanedssats": {"2026-03": None}}}}
    svar = klient.post("/gaeldende_ret/calculate", json=krop)
    assert svar.status_code == 200, svar.text
    assert svar.json["personer"]["mette"]["dagpenge_maanedssats"]["2026-03"] == 22041.0


@pytest.mark.parametrize(
    ("data", "hvad"),
    [
        (b'{"personer": {"a": {"maanedsloen": {"2026-03": NaN}}}}', "NaN"),
        (b'{"personer": {"a": {"maanedsloen": {"2026-03": Infinity}}}}', "Infinity"),
        (b'{"personer": {"a": {}, "a": {}}}', "'a' står to gange"),
        (("[" * 5_000 + "]" * 5_000).encode(), "dybere"),
        (('{"a":' * 5_000 + "1" + "}" * 5_000).encode(), "dybere"),
        (b"", "mangler"),
        (b"{", "ikke gyldig JSON"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_kroppen_kontrolleres_strengt(klient, openfisca_serve, data, hvad):
    for app, sti in (
        (klient, "/gaeldende_ret/calculate"),
        (klient, "/gaeldende_ret/trace"),
        (klient, "/sammenlign"),
        (openfisca_serve, "/calculate"),
    ):
        assert (
            hvad in _er_fejl(app.post(sti, data=data, content_type="application/json"), 400, "krop")["fejl"]
        )


# ---- 4. almindelige fejl, der gav 500 -----------------------------------------------------------

FEJL_I_SITUATIONEN = [
    ({"personer": {"": {"alder": {"2026-03": None}}}}, "personer/"),
    ({"personer": {"a/b": {"alder": {"2026-03": None}}}}, "personer/a/b"),
    ({"personer": {"mette": {**FOEDT, "alder": {"2026": None}}}}, "personer/mette/alder/2026"),
    ({"personer": {"mette": {**FOEDT, "alder": {"ETERNITY": None}}}}, "personer/mette/alder/ETERNITY"),
    ({"personer": {"mette": {**FOEDT, "alder": {"2026-03-01": None}}}}, "personer/mette/alder/2026-03-01"),
    ({"personer": {"mette": {**FOEDT, "alder": {"2026-W10": None}}}}, "personer/mette/alder/2026-W10"),
    (
        {"personer": {"mette": {**FOEDT, "alder": {"month:2026-01:3": None}}}},
        "personer/mette/alder/month:2026-01:3",
    ),
    (
        {"personer": {"mette": {**FOEDT, "maanedsloen": {"month:2026-01:100000": 1}}}},
        "personer/mette/maanedsloen/month:2026-01:100000",
    ),
    (
        {"personer": {"mette": {**FOEDT, "maanedsloen": {"2026-03": [1, 2]}}}},
        "personer/mette/maanedsloen/2026-03",
    ),
    ({"personer": {"mette": {"foedselsdato": {"ETERNITY": ""}}}}, "personer/mette/foedselsdato/ETERNITY"),
    ({"personer": {"mette": {"maanedsloen": 5}}}, "personer/mette/maanedsloen"),
    ({"personer": {"mette": None}}, "personer/mette"),
    ({"personer": {}}, "personer"),
    ({"personer": {"mette": {}}, "virksomheder": {"v": {"ansatte": None}}}, "virksomheder/v/ansatte"),
    ({"personer": {"mette": {}}, "virksomheder": {"v": {"ansatte": ["ole"]}}}, "virksomheder/v/ansatte"),
    ({"personer": {"mette": {}}, "axes": [[{"count": 10**9, "name": "maanedsloen"}]]}, "axes"),
    ({"husstande": {}}, "husstande"),
    ([1, 2], "krop"),
]


@pytest.mark.parametrize("noegle", list(alle_regimer()))
def test_fejl_i_situationen_giver_400_i_hvert_regime(klient, noegle):
    for krop, felt in FEJL_I_SITUATIONEN:
        for endpoint in ("calculate", "trace"):
            _er_fejl(klient.post(f"/{noegle}/{endpoint}", json=krop), 400, felt)


@pytest.mark.parametrize(("krop", "felt"), FEJL_I_SITUATIONEN)
def test_fejl_i_situationen_giver_400_under_openfisca_serve(openfisca_serve, krop, felt):
    _er_fejl(openfisca_serve.post("/calculate", json=krop), 400, felt)
    _er_fejl(openfisca_serve.post("/trace", json=krop), 400, felt)


def test_ukendt_variabel_i_situationen_giver_404(klient, openfisca_serve):
    krop = _person(maanedslon={"2026-03": 1})
    for app, sti in ((klient, "/gaeldende_ret/calculate"), (openfisca_serve, "/trace")):
        assert "maanedsloen" in _er_fejl(app.post(sti, json=krop), 404, "personer/mette/maanedslon")["fejl"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({}, 415),
        ({"data": b'{"personer": {}}', "content_type": "text/plain"}, 415),
        ({"data": {"personer": "x"}}, 415),
        ({"data": b"", "content_type": "application/json"}, 400),
    ],
)
def test_ingen_krop_eller_forkert_indholdstype(klient, openfisca_serve, kwargs, status):
    felt = "Content-Type" if status == 415 else "krop"
    for app, sti in (
        (klient, "/gaeldende_ret/calculate"),
        (klient, "/sammenlign"),
        (openfisca_serve, "/calculate"),
        (openfisca_serve, "/trace"),
    ):
        _er_fejl(app.post(sti, **kwargs), status, felt)


def test_en_uventet_fejl_er_500_uden_undtagelsens_tekst(klient, monkeypatch):
    def fejler(*_):
        raise RuntimeError("hemmelig intern detalje")

    monkeypatch.setattr(webapp, "sammenlign", fejler)
    svar = klient.post("/sammenlign", json={"situation": {"personer": {"a": FOEDT}}, "periode": "2026-03"})
    assert "hemmelig" not in _er_fejl(svar, 500)["fejl"]


# ---- 5. begrænset arbejde -----------------------------------------------------------------------


def test_for_stor_krop_giver_413_med_graensen(klient, openfisca_serve):
    stor = json.dumps({"personer": {"a": {"x": "y" * webapp.MAKS_KROP}}}).encode()
    for app, sti in (
        (klient, "/gaeldende_ret/calculate"),
        (klient, "/sammenlign"),
        (openfisca_serve, "/calculate"),
    ):
        assert (
            "1.000.000 bytes"
            in _er_fejl(app.post(sti, data=stor, content_type="application/json"), 413, "krop")["fejl"]
        )


def test_for_mange_personer_giver_400_med_graensen(klient, openfisca_serve):
    mange = {"personer": {f"p{i}": {} for i in range(webapp.MAKS_MEDLEMMER + 1)}}
    for app, sti in ((klient, "/gaeldende_ret/calculate"), (openfisca_serve, "/trace")):
        assert "grænsen på 1000" in _er_fejl(app.post(sti, json=mange), 400, "personer")["fejl"]
    svar = klient.post("/sammenlign", json={"situation": mange, "periode": "2026-03"})
    assert "grænsen på 1000" in _er_fejl(svar, 400, "situation")["fejl"]


def test_regimer_gange_personer_har_en_graense(klient):
    # Alle regimer × 200 personer er over grænsen; samme personer under ét regime er ikke.
    personer = {f"p{i}": copy.deepcopy(METTE) for i in range(200)}
    krop = {"situation": {"personer": personer}, "periode": "2026-03", "variabler": ["alder"]}
    fejl = _er_fejl(klient.post("/sammenlign", json=krop), 400, "regimer")["fejl"]
    assert f"{len(alle_regimer())} regimer × 200 personer" in fejl and "3000" in fejl
    assert klient.post("/sammenlign", json={**krop, "regimer": ["gaeldende_ret"]}).status_code == 200


def test_en_anmodning_har_en_tidsgraense(klient, openfisca_serve, monkeypatch):
    # 1 ms: langt under en beregning, også med varme caches fra andre tests i samme proces.
    monkeypatch.setattr(webapp, "MAKS_SEKUNDER", 0.001)
    krop = {"situation": {"personer": {"mette": METTE}}, "periode": "2026-03"}
    assert "grænsen på 0.001 sekunder" in _er_fejl(klient.post("/sammenlign", json=krop), 503, None)["fejl"]
    beregning = {"personer": {"mette": {**METTE, "maalgruppe": {f"2026-{m:02}": None for m in range(1, 13)}}}}
    _er_fejl(openfisca_serve.post("/trace", json=beregning), 503, None)
    monkeypatch.undo()
    # Uret er stoppet efter anmodningen: den næste går igennem.
    assert klient.get("/regimer").status_code == 200


# ---- 6. links under hvert regime ----------------------------------------------------------------


@pytest.mark.parametrize("noegle", ["gaeldende_ret", STAK])
def test_hvert_href_under_et_regime_virker(klient, noegle):
    for liste in ("variables", "parameters"):
        hrefs = [v["href"] for v in klient.get(f"/{noegle}/{liste}").json.values()]
        assert hrefs and all(h.startswith(f"http://localhost/{noegle}/") for h in hrefs)
        for href in hrefs:
            svar = klient.get(href.removeprefix("http://localhost"))
            assert svar.status_code == 200, href


def test_spec_servers_velkomst_og_omdirigering_beholder_forstavelsen(klient):
    spec = klient.get(f"/{STAK}/spec", headers={"X-Forwarded-Host": "ond.example"}).json
    assert spec["servers"] == [{"url": f"http://localhost/{STAK}"}]
    velkomst = klient.get("/faerre_maalgrupper/", headers={"X-Forwarded-Host": "ond.example"})
    assert "http://localhost/faerre_maalgrupper/spec" in velkomst.json["welcome"]
    assert "ond.example" not in velkomst.get_data(as_text=True)
    variabler = klient.get("/gaeldende_ret/variables", headers={"X-Forwarded-Host": "ond.example"}).json
    assert variabler["alder"]["href"] == "http://localhost/gaeldende_ret/variable/alder"
    svar = klient.get("/faerre_maalgrupper/variables/?x=1")
    assert (svar.status_code, svar.headers["Location"]) == (308, "/faerre_maalgrupper/variables?x=1")


@pytest.mark.parametrize(
    ("metode", "sti", "til"),
    [
        ("POST", "/sammenlign/", "/sammenlign"),
        ("GET", "/regimer/?x=1", "/regimer?x=1"),
        ("GET", "/arbejdsbord/api/eksempler/", "/arbejdsbord/api/eksempler"),
        ("GET", "/gaeldende_ret/spec/", "/gaeldende_ret/spec"),
    ],
)
def test_en_skraastreg_til_sidst_omdirigeres_med_json(klient, metode, sti, til):
    # Før: roden gav 404 "ukendt regime 'sammenlign'" ved "regime"; et regime Werkzeugs HTML.
    svar = klient.open(sti, method=metode)
    assert (svar.status_code, svar.headers["Location"]) == (308, til)
    assert svar.json["felt"] == "sti" and til.split("?")[0] in svar.json["fejl"]


def test_en_ukendt_sti_med_skraastreg_er_stadig_et_ukendt_regime(klient):
    svar = klient.get("/findes_ikke/")
    assert (svar.status_code, svar.json["felt"]) == (404, "regime")


def test_kildelinks_peger_paa_filer_i_repoet(klient, openfisca_serve):
    repo = byg_system("gaeldende_ret").get_package_metadata()["repository_url"]
    assert repo == "https://github.com/openfisca-dk/openfisca-dk-beskaeftigelse"
    links = []
    for app, base in ((klient, "/gaeldende_ret"), (openfisca_serve, "")):
        variabel = app.get(f"{base}/variable/alder").json
        links += [variabel["source"], *(f["source"] for f in variabel["formulas"].values() if f)]
        links.append(app.get(f"{base}/parameter/sygedagpenge.arbejdsgiverperiode.dage").json["source"])
    for link in links:
        assert link.startswith(f"{repo}/blob/{webapp.KILDEREF}/"), link
        sti = link.removeprefix(f"{repo}/blob/{webapp.KILDEREF}/").split("#")[0]
        assert (REPO / sti).is_file(), link


# ---- 7. en spec, en klient kan bruge -----------------------------------------------------------


@pytest.mark.parametrize("noegle", [*alle_regimer(), STAK])
def test_hvert_regimes_spec_har_et_eksempel_der_beregner(klient, noegle):
    skemaer = klient.get(f"/{noegle}/spec").json["components"]["schemas"]
    ind = skemaer["SituationInput"]["example"]["personer"]["mette"]
    ud = skemaer["SituationOutput"]["example"]["personer"]["mette"]
    beregnes = [navn for navn, v in ind.items() if None in v.values()]
    assert {"alder", "maalgruppe", "dagpenge_maanedssats"} <= set(beregnes)
    assert all(ud[navn]["2026-03"] is not None for navn in beregnes)
    assert ud["alder"]["2026-03"] == 41
    assert skemaer["Trace"]["example"]["requestedCalculations"]
    # Eksemplet kan sendes, som det står.
    assert klient.post(f"/{noegle}/calculate", json=skemaer["SituationInput"]["example"]).status_code == 200


def test_en_reforms_eksempel_beregner_reformens_egne_uddata(klient):
    ind = klient.get("/psykologbehandling/spec").json["components"]["schemas"]["SituationInput"]["example"]
    assert "psykologbehandling_ret" in ind["personer"]["mette"]


def test_rodens_spec_beskriver_regimer_og_sammenlign(klient):
    spec = klient.get("/spec").json
    assert spec["servers"] == [{"url": "http://localhost"}]
    assert set(spec["paths"]) >= {"/regimer", "/sammenlign"}
    svar = spec["paths"]["/sammenlign"]["post"]["responses"]
    assert {"200", "400", "413", "415", "422"} <= set(svar)
    assert svar["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Fejl"}
    assert spec["components"]["schemas"]["Fejl"]["required"] == ["fejl", "felt"]
    eksempel = spec["paths"]["/sammenlign"]["post"]["requestBody"]["content"]["application/json"]["schema"][
        "example"
    ]
    assert klient.post("/sammenlign", json=eksempel).status_code == 200


def test_ukendte_regimer_variabler_og_sider_giver_json_404(klient):
    fejl = _er_fejl(klient.get("/paradis/spec"), 404, "regime")["fejl"]
    assert "ukendt regime 'paradis'" in fejl and "gaeldende_ret" in fejl
    _er_fejl(klient.post("/faerre_maalgrupper+paradis/calculate", json={}), 404, "regime")
    # To alternativer til samme forslag stables ikke; grunden står i svaret.
    assert (
        "alternativer"
        in _er_fejl(klient.get("/beskaeftigelsesreform_2027+tidsgraense_sygedagpenge/spec"), 404)["fejl"]
    )
    _er_fejl(klient.get("/gaeldende_ret/variable/findes_ikke"), 404, "variabel")
    _er_fejl(klient.get("/gaeldende_ret/parameter/findes.ikke"), 404, "parameter")
    _er_fejl(klient.get("/gaeldende_ret/findes_ikke"), 404, "sti")
    _er_fejl(klient.get("/sammenlign"), 405, "metode")


def test_en_stak_bygges_ved_foerste_brug_og_genbruges(klient):
    foer = webapp.regimets_app.cache_info()
    krop = {"personer": {"mette": {**METTE, "kontaktforloeb_samtaler_telefon_video": {"2026-03": None}}}}
    for _ in range(2):
        svar = klient.post(f"/{STAK}/calculate", json=krop)
        assert svar.status_code == 200, svar.text
    samtaler = svar.json["personer"]["mette"]["kontaktforloeb_samtaler_telefon_video"]["2026-03"]
    assert samtaler == "valgfrit_alle_samtaler"
    assert webapp.regimets_app.cache_info().currsize <= webapp.MAKS_REGIMEAPPS
    assert webapp.regimets_app.cache_info().hits > foer.hits


# ---- 8. CORS ------------------------------------------------------------------------------------


def test_cors_standard_er_enhver_oprindelse_uden_cookies(klient, openfisca_serve):
    for app, sti in (
        (klient, "/regimer"),
        (klient, "/gaeldende_ret/variables"),
        (openfisca_serve, "/variables"),
    ):
        svar = app.get(sti, headers={"Origin": "https://eksempel.dk"})
        assert svar.headers["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in svar.headers
        forhaand = app.options(
            sti, headers={"Origin": "https://eksempel.dk", "Access-Control-Request-Method": "POST"}
        )
        assert forhaand.headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
        assert forhaand.headers["Access-Control-Allow-Headers"] == "Content-Type"


def test_cors_kan_begraenses_til_bestemte_oprindelser_eller_ingen():
    kun_en = Client(webapp.lav_app(cors=("https://jura.example",)))
    for sti in ("/regimer", "/gaeldende_ret/variables", "/paradis/spec"):
        tilladt = kun_en.get(sti, headers={"Origin": "https://jura.example"})
        assert tilladt.headers["Access-Control-Allow-Origin"] == "https://jura.example"
        assert "Origin" in tilladt.headers["Vary"]
        andet = kun_en.get(sti, headers={"Origin": "https://ond.example"})
        assert "Access-Control-Allow-Origin" not in andet.headers
    ingen = Client(webapp.lav_app(cors=()))
    svar = ingen.get("/gaeldende_ret/spec", headers={"Origin": "https://jura.example"})
    assert not [n for n in svar.headers.keys() if n.startswith("Access-Control")]


# ---- 9. fuzzing: samme periode to gange og mange reformobjekter --------------------------------

SAMME_PERIODE = [
    # Samme måned skrevet på to måder: OpenFisca bruger kun den ene værdi (her 12000, ikke 50000).
    (
        {"personer": {"mette": {**FOEDT, "maanedsloen": {"2026-03": 50000, "month:2026-03": 12000}}}},
        "personer/mette/maanedsloen/month:2026-03",
        "samme periode (2026-03)",
    ),
    # En variabel uden periode har én værdi: 'ETERNITY' og '2026' er den samme (her vandt 1984).
    (
        {"personer": {"mette": {"foedselsdato": {"ETERNITY": "1984-01-01", "2026": "1990-01-01"}}}},
        "personer/mette/foedselsdato/2026",
        "én værdi uden periode",
    ),
    (
        {"personer": {"mette": {"foedselsdato": {"ETERNITY": "1984-01-01", "eternity": "1990-01-01"}}}},
        "personer/mette/foedselsdato/eternity",
        "én værdi uden periode",
    ),
]


@pytest.mark.parametrize(("situation", "felt", "besked"), SAMME_PERIODE)
def test_samme_periode_to_gange_giver_400_i_stedet_for_en_stille_vinder(
    klient, openfisca_serve, situation, felt, besked
):
    krop = copy.deepcopy(situation)
    krop["personer"]["mette"]["alder"] = {"2026-03": None}
    for app, sti in ((klient, "/gaeldende_ret/calculate"), (openfisca_serve, "/calculate")):
        assert besked in _er_fejl(app.post(sti, json=krop), 400, felt)["fejl"]
    svar = klient.post(
        "/sammenlign", json={"situation": situation, "periode": "2026-03", "variabler": ["alder"]}
    )
    fejl = _er_fejl(svar, 400, "situation")["fejl"]
    assert felt in fejl and besked in fejl


def test_et_aar_og_en_maaned_i_det_er_stadig_tilladt(klient):
    # Et år fordeles på månederne, og en angivet måned går forud (dokumenteret i beregning._i_egne_perioder).
    krop = {"personer": {"mette": {**FOEDT, "maanedsloen": {"2026": 12000, "2026-03": 50000}}}}
    krop["personer"]["mette"]["dagpenge_maanedssats"] = {"2026-03": None}
    assert klient.post("/gaeldende_ret/calculate", json=krop).status_code == 200


def test_samme_periode_to_gange_med_samme_vaerdi_er_tilladt(klient):
    # Intet tabes: 'ETERNITY' og '2026' med samme dato, '2026-03' og 'month:2026-03' med samme løn.
    mette = {"foedselsdato": {"ETERNITY": "1984-01-01", "2026": "1984-01-01"}}
    mette["maanedsloen"] = {"2026-03": 12000, "month:2026-03": 12000}
    mette["alder"] = {"2026-03": None}
    svar = klient.post("/gaeldende_ret/calculate", json={"personer": {"mette": mette}})
    assert svar.status_code == 200, svar.text
    assert svar.json["personer"]["mette"]["alder"]["2026-03"] == 2026 - 1984  # født 1.1.1984


def test_flere_reformobjekter_end_processen_husker_giver_en_graense(klient):
    # Før: det første reformobjekt var glemt, når det skulle beregnes: "ukendt regime 'egen_...'".
    from openfisca_dk_beskaeftigelse.regimer import MAKS_EGNE

    regimer = [
        {
            "navn": f"v{nr}",
            "aendringer": [
                {"parameter": "sygedagpenge.arbejdsgiverperiode.dage", "vaerdi": 1, "fra": "2026-01-01"}
            ],
        }
        for nr in range(MAKS_EGNE + 1)
    ]
    krop = {"situation": _person(), "periode": "2026-03", "regimer": regimer, "variabler": ["alder"]}
    fejl = _er_fejl(klient.post("/sammenlign", json=krop), 400, "regimer")["fejl"]
    assert f"grænsen på {MAKS_EGNE}" in fejl
    assert "ukendt regime" not in fejl
