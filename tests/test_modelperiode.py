"""Perioder før modellens første måned (2020-01) afvises på alle flader (issue 12, punkt 5).

En formel beregnes aldrig for en periode før 2020-01, og en variabel, brugeren spørger om for sådan
en periode, giver fejlen i stedet for en stille standardværdi. Input, som loven læser bagud (timerne
i månederne før en sygemelding i januar 2020), kan stadig oplyses for 2019.
"""

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from hjaelpere import koer
from openfisca_core.scripts import openfisca_command
from openfisca_core.simulations import SimulationBuilder
from openfisca_web_api.app import create_app
from werkzeug.test import Client

from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.modelperiode import FoerModellenError
from openfisca_dk_beskaeftigelse.regimer import byg_system, gaeldende_ret
from openfisca_dk_beskaeftigelse.webapp import lav_app

METTE = {"foedselsdato": {"ETERNITY": "1984-05-10"}, "maanedsloen": {"2019-03": 34000, "2026-03": 34000}}

# Lønmodtager syg fra mandag 6.1.2020. SDL § 32, stk. 1, nr. 1: 240 timer i de 6 måneder før
# januar 2020 (juli-december 2019), mindst 40 timer i 5 af dem: 6 × 160 = 960 timer opfylder kravet.
SYG_I_JANUAR_2020 = {
    "foedselsdato": {"ETERNITY": "1980-01-01"},
    "sygemelding_startdato": {"2020-02": "2020-01-06"},
}
TIMER_2019 = {f"2019-{m:02d}": 160 for m in range(7, 13)}


def _simulering(system, person):
    return SimulationBuilder().build_from_entities(system, {"personer": {"p": person}})


@pytest.mark.parametrize("variabel", ["dagpenge_maanedssats", "alder", "maanedsloen", "arbejdstimer"])
def test_en_variabel_for_2019_giver_fejlen_ogsaa_et_input(system, variabel):
    # dagpenge_maanedssats og alder har formler; maanedsloen og arbejdstimer er input uden værdi.
    simulering = _simulering(system, {"foedselsdato": {"ETERNITY": "1984-05-10"}})
    with pytest.raises(FoerModellenError, match="2019-03 ligger før modellens første måned, 2020-01"):
        simulering.calculate(variabel, "2019-03")
    assert simulering.calculate("alder", "2020-01").tolist() == [35]


def test_fejlen_er_en_brugerfejl_med_feltet_periode():
    fejl = FoerModellenError("alder", "2019-03")
    assert isinstance(fejl, ManglendeOplysningError)  # CLI: én linje; /sammenlign og OpenFisca: 400
    assert fejl.error["felt"] == "periode" and fejl.code == 400


def test_bagudlaeste_input_for_2019_bruges(system):
    # Med timerne fra juli-december 2019 er timekravet opfyldt i februar 2020; uden dem ikke.
    med_timer = _simulering(system, {**SYG_I_JANUAR_2020, "arbejdstimer": TIMER_2019})
    uden_timer = _simulering(system, SYG_I_JANUAR_2020)
    assert med_timer.calculate("beskaeftigelseskrav_timer_opfyldt", "2020-02").tolist() == [True]
    assert uden_timer.calculate("beskaeftigelseskrav_timer_opfyldt", "2020-02").tolist() == [False]


@pytest.mark.parametrize("noegle", ["tidsgraense_sygedagpenge", "faerre_maalgrupper+ingen_jobafklaring"])
def test_ogsaa_under_en_reform_og_en_stak(noegle):
    # Reformens egne variabler (sygedagpenge_ophoersdato er erstattet) og de arvede afvises ens.
    simulering = _simulering(byg_system(noegle), {"foedselsdato": {"ETERNITY": "1984-05-10"}})
    for variabel in ("sygedagpenge_ophoersdato", "maalgruppe", "alder"):
        with pytest.raises(FoerModellenError):
            simulering.calculate(variabel, "2019-12")


def test_ogsaa_i_en_klon_af_systemet(system):
    # `openfisca test` kloner systemet, før det lægger reformer på.
    with pytest.raises(FoerModellenError):
        _simulering(system.clone(), {"foedselsdato": {"ETERNITY": "1984-05-10"}}).calculate(
            "alder", "2019-12"
        )


def _calculate(klient, sti, variabel):
    person = {**METTE, variabel: {"2019-03": None}}
    return klient.post(sti, json={"personer": {"mette": person}})


@pytest.fixture(scope="module")
def openfisca_serve():
    # `openfisca serve` bruger create_app direkte, uden dk-beskaeftigelse serve's indpakning.
    return Client(create_app(gaeldende_ret()))


@pytest.fixture(scope="module")
def dk_beskaeftigelse_serve():
    return Client(lav_app(["gaeldende_ret", "tidsgraense_sygedagpenge"]))


@pytest.mark.parametrize("variabel", ["dagpenge_maanedssats", "arbejdstimer"])
@pytest.mark.parametrize("sti", ["/calculate", "/trace"])
def test_openfisca_serve_giver_400_med_feltet_periode(openfisca_serve, sti, variabel):
    svar = _calculate(openfisca_serve, sti, variabel)
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode"
    assert "2019-03 ligger før modellens første måned, 2020-01" in svar.json["fejl"]


@pytest.mark.parametrize("regime", ["gaeldende_ret", "tidsgraense_sygedagpenge"])
def test_dk_beskaeftigelse_serve_giver_400_med_feltet_periode(dk_beskaeftigelse_serve, regime):
    svar = _calculate(dk_beskaeftigelse_serve, f"/{regime}/calculate", "dagpenge_maanedssats")
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode"
    assert "2020-01" in svar.json["fejl"]


def test_dk_beskaeftigelse_serve_sammenlign_2019_giver_400(dk_beskaeftigelse_serve):
    svar = dk_beskaeftigelse_serve.post(
        "/sammenlign", json={"situation": {"personer": {"mette": METTE}}, "periode": "2019-03"}
    )
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode" and "før modellens første måned" in svar.json["fejl"]


# Kun OpenFiscas egen plugin i runnerens pytest, som i `dk-beskaeftigelse test`: de installerede
# dev-plugins (schemathesis, hypothesis, xdist ...) koster sekunder og har intet med testen at gøre.
UDEN_PLUGINS = {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
OPENFISCA_TEST = ["test", "test.yaml", "-c", "openfisca_dk_beskaeftigelse"]


def _skriv_test(tmp_path, tekst):
    (tmp_path / "test.yaml").write_text(tekst, encoding="utf-8")


def _openfisca_test_som_proces(tmp_path, tekst) -> subprocess.CompletedProcess:
    """`openfisca test` som en rigtig proces (det installerede script)."""
    _skriv_test(tmp_path, tekst)
    return subprocess.run(
        [Path(sys.executable).parent / "openfisca", *OPENFISCA_TEST],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, **UDEN_PLUGINS},
    )


def _openfisca_test_i_processen(tmp_path, tekst) -> tuple[int, str]:
    """`openfisca test` i testens proces (OpenFiscas egen ``main``): exitkoden og uddata."""
    _skriv_test(tmp_path, tekst)
    ud = io.StringIO()
    with (
        contextlib.chdir(tmp_path),
        mock.patch.dict(os.environ, UDEN_PLUGINS),
        mock.patch.object(sys, "argv", ["openfisca", *OPENFISCA_TEST]),
        contextlib.redirect_stdout(ud),
        contextlib.redirect_stderr(ud),
        pytest.raises(SystemExit) as stop,
    ):
        openfisca_command.main()
    return stop.value.code, ud.getvalue()


@pytest.mark.ende_til_ende
def test_openfisca_test_for_2019_fejler_med_beskeden(tmp_path):
    # Før: 200 og dagpenge_maanedssats = 0 for 2019-03; en test mod 0 bestod i stilhed.
    resultat = _openfisca_test_som_proces(
        tmp_path,
        '- name: "2019"\n  period: 2019-03\n  input:\n    maanedsloen: 34000\n'
        "  output:\n    dagpenge_maanedssats: 0\n",
    )
    assert resultat.returncode != 0
    assert "2019-03 ligger før modellens første måned, 2020-01" in resultat.stdout + resultat.stderr


def test_openfisca_test_med_input_for_2019_bestaar(tmp_path):
    # Timerne i juli-december 2019 (6 × 160 = 960 ≥ 240) giver timekravet i februar 2020.
    timer = "".join(f"      2019-{m:02d}: 160\n" for m in range(7, 13))
    kode, uddata = _openfisca_test_i_processen(
        tmp_path,
        '- name: "Sygemeldt 6.1.2020, timer i 2019"\n  period: 2020-02\n  input:\n'
        "    foedselsdato: 1980-01-01\n    sygemelding_startdato: 2020-01-06\n"
        f"    arbejdstimer:\n{timer}  output:\n    beskaeftigelseskrav_timer_opfyldt: true\n",
    )
    assert kode == 0, uddata
    assert "1 passed" in uddata, uddata


@pytest.mark.parametrize(
    "args",
    [
        ["sammenlign", "SITUATION", "--periode", "2019-03"],
        ["forklar", "SITUATION", "--variabel", "alder", "--periode", "2019-03"],
        ["effekt", "--periode", "2019-03", "--personer", "10"],
    ],
)
def test_kommandolinjen_giver_en_linje_og_exitkode_2(tmp_path, args):
    situation = tmp_path / "mette.yaml"
    situation.write_text(
        "personer:\n  mette:\n    foedselsdato: {ETERNITY: '1984-05-10'}\n", encoding="utf-8"
    )
    resultat = koer(*[situation if a == "SITUATION" else a for a in args], cwd=tmp_path)
    assert resultat.returncode == 2
    assert "2019-03' ligger før modellens første måned, 2020-01" in resultat.stderr
    assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr


# ---- efter 2100-12 i web-API'et (som inddataenes perioder): en fejl, ikke en række tomme celler -----


@pytest.mark.parametrize(
    ("sti", "krop"),
    [
        ("/sammenlign", {"situation": {"personer": {"mette": METTE}}, "periode": "9999-12"}),
        (
            "/forklar",
            {
                "situation": {"personer": {"mette": METTE}},
                "periode": "2101-01",
                "variabel": "alder",
                "regimer": ["gaeldende_ret", "tidsgraense_sygedagpenge"],
            },
        ),
    ],
)
def test_en_maaned_efter_2100_giver_400_ved_periode(dk_beskaeftigelse_serve, sti, krop):
    # Før: 200 med hver celle tom som et hul i kilderne.
    svar = dk_beskaeftigelse_serve.post(sti, json=krop)
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode"
    assert "ligger efter modellens sidste måned, 2100-12" in svar.json["fejl"]


def test_arbejdsbordets_inddata_efter_2100_giver_400(dk_beskaeftigelse_serve):
    svar = dk_beskaeftigelse_serve.get("/arbejdsbord/api/inddata?periode=9999-01")
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode"


def test_december_2100_er_stadig_en_maaned(dk_beskaeftigelse_serve):
    svar = dk_beskaeftigelse_serve.post(
        "/sammenlign",
        json={"situation": {"personer": {"mette": METTE}}, "periode": "2100-12", "variabler": ["alder"]},
    )
    assert svar.status_code == 200, svar.text
