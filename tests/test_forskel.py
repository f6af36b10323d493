"""Hvorfor en variabel er forskellig under to regimer (``forklaring.forskel``, ``forklar --regimer A,B``
og ``POST /forklar``): stien, hvor beregningerne skilles, ned til en parameter, en regel (et søm)
eller et inddata, som reformen selv ændrer, og en sammenfatning bygget af træets data."""

import copy
import functools
import json
from pathlib import Path

import pytest
import yaml
from hjaelpere import koer, reformens_tilfaelde, uden_reformens_inddata
from werkzeug.test import Client

from openfisca_dk_beskaeftigelse import forklaring as forklaringsmodul
from openfisca_dk_beskaeftigelse import reformfil
from openfisca_dk_beskaeftigelse.beregning import beregn, situation_fra_test
from openfisca_dk_beskaeftigelse.forklaring import PARAMETER, SOEM, forskel, forskel_som_dict
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.reformstoette import parameter
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, reformklasser, regime
from openfisca_dk_beskaeftigelse.webapp import lav_app

REPO = Path(__file__).resolve().parent.parent
ENKELTE = sorted(reformklasser())
FAERRE = REPO / "tests" / "reforms" / "faerre_maalgrupper.yaml"


def _beregn(system, situation: dict, periode: str, navne) -> dict:
    return {
        (v.entitet, v.id, v.variabel): v.vaerdi
        for v in beregn(system, situation, periode, [n for n in navne if n in system.variables])
    }


def _aendrede(modul: str) -> list[tuple[dict, str, str, str]]:
    """(testens situation, periode, id, variabel) for hvert uddata, reformen ændrer for sine testpersoner,
    fundet ved at beregne testen under gældende ret og under reformen (uden forklaringen)."""
    kun_reformen = set(byg_system(modul).variables) - set(byg_system(GAELDENDE_RET).variables)
    aendrede = []
    for t in reformens_tilfaelde(modul):
        if not t.get("reforms"):
            continue
        periode = str(t["period"])
        navne = list(t["output"])
        situation = situation_fra_test([byg_system(modul)], t["input"], periode)
        foer = _beregn(
            byg_system(GAELDENDE_RET), uden_reformens_inddata(situation, kun_reformen), periode, navne
        )
        efter = _beregn(byg_system(modul), situation, periode, navne)
        aendrede += [(situation, periode, n[1], n[2]) for n in efter if foer.get(n) != efter[n]]
    return aendrede


def _aarsager(knude) -> list:
    return [*knude.aarsager, *(a for barn in knude.boern for a in _aarsager(barn))]


def _parametervaerdi(system, navn: str, dato: str):
    try:
        return str(parameter(system.parameters, navn)(dato))
    except (KeyError, AttributeError):
        return None
    except ParameterHulError:
        return "hul"


def _reformen_aendrer(modul: str, aarsag) -> bool:
    """Om reformen selv ændrer parameteren eller reglen: slået op i de to systemer, ikke i sporet."""
    grund, reform = byg_system(GAELDENDE_RET), byg_system(modul)
    if aarsag.art == SOEM:
        return reform.variables.get(aarsag.navn) is not grund.variables.get(aarsag.navn)
    if aarsag.art == PARAMETER:
        dato = aarsag.periode[:10]
        return _parametervaerdi(grund, aarsag.navn, dato) != _parametervaerdi(reform, aarsag.navn, dato)
    return False


@pytest.mark.parametrize("modul", ENKELTE)
def test_forskellen_naar_en_parameter_eller_regel_som_reformen_selv_aendrer(modul):
    aendrede = _aendrede(modul)
    if not aendrede:
        pytest.fail(f"{modul} ændrer ingen af de uddata, dens tests kontrollerer: intet at forklare")
    situation, periode, id_, variabel = aendrede[0]
    f = forskel(situation, periode, variabel, (GAELDENDE_RET, modul), id_)
    (trae,) = f.traeer
    assert trae.rod is not None, (
        f"{modul}: {variabel} for {id_} er ændret, men forklaringen ser ingen forskel"
    )
    egne = [a for a in _aarsager(trae.rod) if a.art in (PARAMETER, SOEM) and _reformen_aendrer(modul, a)]
    assert egne, (
        f"{modul}: forklaringen af {variabel} for {id_} når ingen parameter eller regel, reformen ændrer"
    )
    klasse = reformklasser()[modul]
    for a in egne:
        # Reformen, der ændrede den, er nævnt med sine kilder (dokument og afsnit, filen).
        assert (a.regime, a.reform) == (modul, klasse.name)
        assert a.reformkilder == tuple(k.henvisning for k in klasse.kilder)
        assert set(a.kildefiler) == {k.fil for k in klasse.kilder}
    assert trae.resume.startswith(f"Under {regime(modul).navn} (mod Gældende ret) ")


def _ali() -> dict:
    (tilfaelde,) = [t for t in reformens_tilfaelde("faerre_maalgrupper") if t.get("reforms")][:1]
    return situation_fra_test([byg_system("faerre_maalgrupper")], tilfaelde["input"], "2026-03")


@functools.cache
def _alis_frist():
    """Forskellen i Alis frist for den første jobsamtale fra gældende ret til færre målgrupper."""
    return forskel(
        _ali(),
        "2026-03",
        "kontaktforloeb_foerste_samtale_senest",
        (GAELDENDE_RET, "faerre_maalgrupper"),
        "ali",
    )


def test_ali_mister_fristen_for_den_foerste_jobsamtale_under_faerre_maalgrupper():
    # Ali er jobparat kontanthjælpsmodtager (LAB § 6, nr. 2), ledig fra 1.10.2025: første jobsamtale
    # senest 1 uge efter, 1.10.2025 + 7 dage = 8.10.2025 (LAB § 31, stk. 4). Under færre målgrupper er
    # han i "øvrige ledige" (reforms/parametre/faerre_maalgrupper.yaml: jobparat_kontanthjaelp →
    # oevrig_ledig), der har forløbsgruppens regler uden frist for den første samtale.
    f = _alis_frist()
    rod = f.traeer[0].rod
    assert (rod.vaerdi_a, rod.vaerdi_b) == ("2025-10-08", "ingen")
    assert rod.reference[0] == "LAB § 31, stk. 4 og 5"
    regelgruppe = next(b for b in rod.boern if b.variabel == "regelgruppe")
    assert (regelgruppe.vaerdi_a, regelgruppe.vaerdi_b) == ("jobparat", "forloeb")
    maalgruppe = next(b for b in regelgruppe.boern if b.variabel == "maalgruppe")
    assert (maalgruppe.vaerdi_a, maalgruppe.vaerdi_b) == ("jobparat_kontanthjaelp", "oevrig_ledig")
    # Af parametrene per målgruppe er kun Alis egen vist: den, formlen slog op for ham.
    (p,) = [a for a in maalgruppe.aarsager if a.art == PARAMETER]
    assert p.navn == "reformer.faerre_maalgrupper.maalgrupper.jobparat_kontanthjaelp"
    assert (p.vaerdi_a, p.vaerdi_b) == (None, "oevrig_ledig")
    assert p.fil == "reforms/parametre/faerre_maalgrupper.yaml"
    assert [a.navn for a in maalgruppe.aarsager if a.art == SOEM] == ["maalgruppe"]
    resume = f.traeer[0].resume
    for del_ in (
        "Under Færre målgrupper (13 → 5) (mod Gældende ret) er »målgruppe« 'Øvrige ledige' i stedet for "
        "'§ 6, nr. 2: Jobparate kontanthjælpsmodtagere'",
        "reforms/parametre/faerre_maalgrupper.yaml",
        "KL og 6-byerne (2024), 2. Forenkling – færre målgrupper",
        "derfor er »seneste dato for den første jobsamtale« for ali 'ingen' i stedet for '2025-10-08' "
        "(LAB § 31, stk. 4 og 5)",
    ):
        assert del_ in resume


def test_reformen_som_regime_a_og_gaeldende_ret_som_b():
    # Samme forskel set den anden vej: Ali har fristen 8.10.2025 under B (gældende ret, LAB § 31,
    # stk. 4) og ingen under A (færre målgrupper); reformen, der ændrede reglen, hører til A.
    f = forskel(
        _ali(),
        "2026-03",
        "kontaktforloeb_foerste_samtale_senest",
        ("faerre_maalgrupper", GAELDENDE_RET),
        "ali",
    )
    rod = f.traeer[0].rod
    assert (rod.vaerdi_a, rod.vaerdi_b) == ("ingen", "2025-10-08")
    egne = [a for a in _aarsager(rod) if a.art in (PARAMETER, SOEM)]
    assert egne and {(a.regime, a.reform) for a in egne} == {
        ("faerre_maalgrupper", reformklasser()["faerre_maalgrupper"].name)
    }


def _knuder(knude) -> list:
    return [knude, *(k for barn in knude.boern for k in _knuder(barn))]


def test_kun_stien_med_forskelle_vises_og_ens_beregninger_er_talt():
    f = _alis_frist()
    knuder = _knuder(f.traeer[0].rod)
    assert all(k.vaerdi_a != k.vaerdi_b for k in knuder)
    # Ledighedens startdato og den unge forsikredes undtagelse er ens: de står som et antal, ikke som knuder.
    assert "ledighed_startdato" not in {k.variabel for k in knuder}
    assert f.traeer[0].rod.ens >= 1


def test_to_ens_regimer_giver_ingen_forskel():
    for regimer in ((GAELDENDE_RET, GAELDENDE_RET), ("faerre_maalgrupper", "faerre_maalgrupper")):
        f = forskel(_ali(), "2026-03", "regelgruppe", regimer)
        assert len(f.traeer) == len(_ali()["personer"])
        assert all(t.rod is None for t in f.traeer)
        ali = next(t for t in f.traeer if t.id == "ali")
        navn = regime(regimer[0]).navn
        assert ali.resume.startswith("Ingen forskel: »regelgruppe for kontaktforløb")
        assert f"under både {navn} og {navn}" in ali.resume


def test_en_variabel_reformen_ikke_aendrer_for_personen_er_uden_forskel():
    # Alis jobsøgningspligter følger målgruppen efter § 6 under begge regimer: joblog som i dag.
    f = forskel(_ali(), "2026-03", "joblog_pligt", (GAELDENDE_RET, "faerre_maalgrupper"), "ali")
    assert f.traeer[0].rod is None
    assert f.traeer[0].resume.startswith("Ingen forskel: ") and "'ja'" in f.traeer[0].resume


def test_et_inddata_som_kun_reformen_laeser_er_et_sted_hvor_beregningerne_skilles():
    aendrede = [x for x in _aendrede("ivaerksaetteri") if x[3] == "joblog_pligt"]
    situation, periode, id_, variabel = aendrede[0]
    f = forskel(situation, periode, variabel, (GAELDENDE_RET, "ivaerksaetteri"), id_)
    inddata = [a for a in _aarsager(f.traeer[0].rod) if a.art == "inddata"]
    kun_reformen = set(byg_system("ivaerksaetteri").variables) - set(byg_system(GAELDENDE_RET).variables)
    assert any(a.navn in kun_reformen and a.vaerdi_a is None and a.vaerdi_b is not None for a in inddata)


def test_med_fremskrivning_naevner_forskellen_de_fremskrevne_satser():
    # Satserne kendes til og med 2026 (docs/sammenlign.md, Fremskrivning efter 2026): i 2028 er
    # dagpengenes maksimum (AFL § 47) fremskrevet; en højtlønnet rammer det under gældende ret, mens
    # en kompensationsgrad på 50 pct. (--saet) giver 50 % × 40.000 × (1 - 8 % AM-bidrag) = 18.400 kr.
    hoejtloennet = {
        "personer": {
            "a": {
                "foedselsdato": {"ETERNITY": "1980-01-01"},
                "maanedsloen": {"2028-03": 40000},
                "timeloen": {"2028-03": 250},
                "ugentlig_arbejdstid": {"2028-03": 37},
            }
        }
    }
    egne = reformfil.fra_saet(["afl.dagpenge.kompensationsgrad=0.5"], [])
    f = forskel(hoejtloennet, "2028-03", "dagpenge_maanedssats", (GAELDENDE_RET, egne), "a", True)
    assert f.traeer[0].rod.vaerdi_b == "18400.00"
    assert "afl.dagpenge.maksimum_maaned" in {navn for navn, _ in f.fremskrevne}
    data = forskel_som_dict(f)
    assert {"parameter": "afl.dagpenge.maksimum_maaned", "dato": "2028-03-01"} in data["fremskrevne"]
    uden = forskel(hoejtloennet, "2026-03", "dagpenge_maanedssats", (GAELDENDE_RET, egne), "a")
    assert uden.fremskrevne == ()


def test_en_beregning_per_regime_uanset_antal_personer(monkeypatch):
    bygget = []
    byg = forklaringsmodul.byg_simulering
    monkeypatch.setattr(forklaringsmodul, "byg_simulering", lambda *a: bygget.append(a) or byg(*a))
    f = forskel(
        _ali(), "2026-03", "kontaktforloeb_foerste_samtale_senest", (GAELDENDE_RET, "faerre_maalgrupper")
    )
    assert len(f.traeer) == len(_ali()["personer"])
    assert len(bygget) == 2


def test_en_variabel_kun_reformen_har():
    aendrede = [x for x in _aendrede("psykologbehandling") if x[3] not in byg_system(GAELDENDE_RET).variables]
    situation, periode, id_, variabel = aendrede[0]
    f = forskel(situation, periode, variabel, (GAELDENDE_RET, "psykologbehandling"), id_)
    rod = f.traeer[0].rod
    assert rod.vaerdi_a is None and rod.vaerdi_b is not None
    assert [a.navn for a in rod.aarsager if a.art == SOEM] == [variabel]


# ---- kommandolinjen -------------------------------------------------------------------------


def _forklar(*args):
    return koer("forklar", FAERRE, "--tilfaelde", "2", "--periode", "2026-03", *args)


def test_forklar_med_to_regimer_viser_stien_og_sammenfatningen():
    r = _forklar(
        "--variabel",
        "kontaktforloeb_foerste_samtale_senest",
        "--regimer",
        "gaeldende_ret,faerre_maalgrupper",
        "--person",
        "ali",
    )
    assert r.returncode == 0, r.stderr
    assert "reformer.faerre_maalgrupper.maalgrupper.jobparat_kontanthjaelp" in r.stdout
    assert "2025-10-08 → ingen" in r.stdout
    assert "Sammenfatning: Under Færre målgrupper" in r.stdout
    assert "ens beregning" in r.stdout


def test_forklar_med_to_regimer_som_json_er_forskellen_som_data():
    r = _forklar(
        "--variabel",
        "regelgruppe",
        "--regimer",
        "gaeldende_ret,faerre_maalgrupper",
        "--person",
        "ali",
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [x["noegle"] for x in data["regimer"]] == ["gaeldende_ret", "faerre_maalgrupper"]
    (trae,) = data["traeer"]
    assert trae["id"] == "ali" and trae["forskel"]
    # Ali: jobparat (§ 6, nr. 2) under gældende ret, forløbsgruppens regler som "øvrig ledig" under reformen.
    assert trae["rod"]["vaerdier"] == ["jobparat", "forloeb"]
    assert trae["resume"].startswith("Under Færre målgrupper (13 → 5) (mod Gældende ret) ")


def test_forklar_med_et_regime_i_regimer_er_den_hidtidige_forklaring():
    hidtil = _forklar("--variabel", "regelgruppe", "--person", "ali")
    med_regimer = _forklar("--variabel", "regelgruppe", "--person", "ali", "--regimer", "gaeldende_ret")
    assert hidtil.returncode == med_regimer.returncode == 0
    assert hidtil.stdout == med_regimer.stdout


def test_sammenfatningen_har_et_punktum_naar_regimets_navn_ender_paa_punktum():
    # Reformfilens navn er "Tidsgrænse for sygedagpenge efter 26 uger, derefter 70 pct.", og Alis
    # regelgruppe (jobparat, LAB § 6, nr. 2) er den samme under begge regimer.
    fil = REPO / "examples" / "reformer" / "tidsgraense_26_uger_70_pct.yaml"
    navn = yaml.safe_load(fil.read_text(encoding="utf-8"))["navn"]
    r = koer(
        "forklar",
        REPO / "examples" / "jobparat_kontanthjaelp.yaml",
        "--periode",
        "2026-03",
        "--variabel",
        "regelgruppe",
        "--regimer",
        f"gaeldende_ret,{fil}",
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    (trae,) = json.loads(r.stdout)["traeer"]
    assert trae["resume"].endswith(f"under både Gældende ret og {navn}")


@pytest.mark.parametrize(
    ("args", "begyndelse"),
    [
        (
            ["--variabel", "findes_ikke", "--regimer", "gaeldende_ret,faerre_maalgrupper"],
            "fejl: --variabel: ",
        ),
        (
            ["--variabel", "regelgruppe", "--regimer", "gaeldende_ret,paradis"],
            "fejl: --regimer: ukendt regime 'paradis'",
        ),
        (
            ["--variabel", "regelgruppe", "--regimer", "a,b,c"],
            "fejl: --regimer: forventede ét regime eller to",
        ),
        (
            ["--variabel", "regelgruppe", "--regimer", "gaeldende_ret,"],
            "fejl: --regimer: forventede ét regime eller to",
        ),
        (
            ["--variabel", "regelgruppe", "--regime", ""],
            "fejl: --regime: ukendt regime ''",
        ),
        (
            [
                "--variabel",
                "regelgruppe",
                "--regime",
                "gaeldende_ret",
                "--regimer",
                "gaeldende_ret,faerre_maalgrupper",
            ],
            "fejl: --regimer: angiv enten",
        ),
        (
            ["--variabel", "regelgruppe", "--regimer", "gaeldende_ret,faerre_maalgrupper", "--person", "zz"],
            "fejl: --person: ",
        ),
    ],
)
def test_forklar_med_forkerte_regimer_giver_en_linje_og_exitkode_2(args, begyndelse):
    r = _forklar(*args)
    assert r.returncode == 2
    assert r.stderr.startswith(begyndelse), r.stderr
    assert r.stderr.count("\n") == 1


# ---- web-API'et -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def klient():
    return Client(lav_app())


def _post(klient, krop):
    # Datoerne i en YAML-tests situation sendes som tekst, som en klient sender dem.
    svar = klient.post("/forklar", data=json.dumps(krop, default=str), content_type="application/json")
    return svar.status_code, svar.json


def test_post_forklar_giver_det_samme_som_kommandolinjen(klient):
    krop = {
        "situation": _ali(),
        "periode": "2026-03",
        "variabel": "regelgruppe",
        "regimer": [GAELDENDE_RET, "faerre_maalgrupper"],
        "person": "ali",
    }
    status, data = _post(klient, krop)
    assert status == 200
    f = forskel(_ali(), "2026-03", "regelgruppe", (GAELDENDE_RET, "faerre_maalgrupper"), "ali")
    assert data == json.loads(json.dumps(forskel_som_dict(f)))


def test_post_forklar_med_en_reformfil_som_objekt(klient):
    fil = REPO / "examples" / "reformer" / "tidsgraense_26_uger_70_pct.yaml"
    variant = json.loads(json.dumps(yaml.safe_load(fil.read_text(encoding="utf-8")), default=str))
    situation = yaml.safe_load(
        (REPO / "examples" / "sygemeldt_loenmodtager.yaml").read_text(encoding="utf-8")
    )
    situation = json.loads(json.dumps(situation, default=str))
    krop = {
        "situation": situation,
        "periode": "2026-04",
        "variabel": "sygedagpenge_maanedsbeloeb",
        "regimer": ["tidsgraense_sygedagpenge", variant],
    }
    status, data = _post(klient, krop)
    assert status == 200, data
    aarsager = [a for t in data["traeer"] if t["rod"] for a in _dict_aarsager(t["rod"])]
    assert any(a["art"] == "parameter" and a["reformkilder"] for a in aarsager)


def _dict_aarsager(knude: dict) -> list:
    return [*knude["aarsager"], *(a for b in knude["boern"] for a in _dict_aarsager(b))]


def test_post_forklar_med_reformen_som_regime_a(klient):
    krop = {
        "situation": _ali(),
        "periode": "2026-03",
        "variabel": "regelgruppe",
        "regimer": ["faerre_maalgrupper", GAELDENDE_RET],
        "person": "ali",
    }
    status, data = _post(klient, krop)
    assert status == 200, data
    # Ali: forløbsgruppens regler under A (færre målgrupper), jobparat (LAB § 6, nr. 2) under B.
    assert data["traeer"][0]["rod"]["vaerdier"] == ["forloeb", "jobparat"]


@pytest.mark.parametrize(
    ("aendring", "felt"),
    [
        ({"variabel": "findes_ikke"}, "variabel"),
        ({"variabel": 3}, "variabel"),
        ({"regimer": [GAELDENDE_RET]}, "regimer"),
        ({"regimer": [GAELDENDE_RET, "paradis"]}, "regimer/1"),
        ({"regimer": "alle"}, "regimer"),
        ({"person": "zz"}, "person"),
        ({"person": 1}, "person"),
        ({"periode": "2026-3"}, "periode"),
        ({"fremskrivning": "ja"}, "fremskrivning"),
        ({"ukendt": 1}, "ukendt"),
    ],
)
def test_post_forklar_med_fejl_giver_4xx_med_feltet(klient, aendring, felt):
    krop = {
        "situation": _ali(),
        "periode": "2026-03",
        "variabel": "regelgruppe",
        "regimer": [GAELDENDE_RET, "faerre_maalgrupper"],
        **aendring,
    }
    status, data = _post(klient, krop)
    assert 400 <= status < 500
    assert data["felt"] == felt
    assert data["fejl"].startswith(f"{felt}: ")


def test_post_forklar_mangler_et_felt(klient):
    for felt in ("situation", "periode", "variabel", "regimer"):
        krop = {
            "situation": _ali(),
            "periode": "2026-03",
            "variabel": "regelgruppe",
            "regimer": [GAELDENDE_RET, "faerre_maalgrupper"],
        }
        del krop[felt]
        status, data = _post(klient, krop)
        assert (status, data["felt"]) == (400, felt)


def test_post_forklar_og_sammenlign_tager_inddata_som_kun_reformen_kender(klient):
    # Som kommandolinjen: i_ivaerksaetterforloeb findes kun under ivaerksaetteri; gældende ret ser
    # bort fra det med en advarsel, og forklaringen når inddataet som stedet, hvor beregningerne skilles.
    situation, periode, id_, variabel = next(x for x in _aendrede("ivaerksaetteri") if x[3] == "joblog_pligt")
    krop = {"situation": situation, "periode": periode, "variabel": variabel, "person": id_}
    status, data = _post(klient, {**krop, "regimer": [GAELDENDE_RET, "ivaerksaetteri"]})
    assert status == 200, data
    assert "i_ivaerksaetterforloeb" in json.dumps(data["traeer"][0]["rod"])
    svar = klient.post(
        "/sammenlign",
        data=json.dumps(
            {
                "situation": situation,
                "periode": periode,
                "regimer": ["ivaerksaetteri"],
                "variabler": [variabel],
            },
            default=str,
        ),
        content_type="application/json",
    )
    assert svar.status_code == 200, svar.text
    assert any("i_ivaerksaetterforloeb" in a for a in svar.json["advarsler"])
    # Et inddata, som intet regime kender, er stadig en fejl, der nævner feltet.
    forkert = copy.deepcopy(situation)
    forkert["personer"][id_]["i_ivaerksaetterforloeeb"] = {periode: True}
    status, data = _post(klient, {**krop, "situation": forkert, "regimer": [GAELDENDE_RET, "ivaerksaetteri"]})
    assert status == 400 and data["felt"] == "situation", data
    assert f"personer/{id_}/i_ivaerksaetterforloeeb: ukendt variabel" in data["fejl"]
