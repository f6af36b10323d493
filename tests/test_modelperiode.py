"""Perioder før modellens første måned (2020-01) afvises på alle flader (issue 12, punkt 5).

En formel beregnes aldrig for en periode før 2020-01, og en variabel, brugeren spørger om for sådan
en periode, giver fejlen i stedet for en stille standardværdi. Input, som loven læser bagud (timerne
i månederne før en sygemelding i januar 2020), kan stadig oplyses for 2019.
"""

import subprocess
import sys
from pathlib import Path

import pytest
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


@pytest.mark.parametrize("variabel", ["dagpenge_maanedssats", "arbejdstimer"])
@pytest.mark.parametrize("sti", ["/calculate", "/trace"])
def test_openfisca_serve_giver_400_med_feltet_periode(sti, variabel):
    # `openfisca serve` bruger create_app direkte, uden dk-beskaeftigelse serve's indpakning.
    svar = _calculate(Client(create_app(gaeldende_ret())), sti, variabel)
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode"
    assert "2019-03 ligger før modellens første måned, 2020-01" in svar.json["fejl"]


@pytest.mark.parametrize("regime", ["gaeldende_ret", "tidsgraense_sygedagpenge"])
def test_dk_beskaeftigelse_serve_giver_400_med_feltet_periode(regime):
    svar = _calculate(Client(lav_app([regime])), f"/{regime}/calculate", "dagpenge_maanedssats")
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode"
    assert "2020-01" in svar.json["fejl"]


def test_dk_beskaeftigelse_serve_sammenlign_2019_giver_400():
    svar = Client(lav_app(["gaeldende_ret"])).post(
        "/sammenlign", json={"situation": {"personer": {"mette": METTE}}, "periode": "2019-03"}
    )
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == "periode" and "før modellens første måned" in svar.json["fejl"]


def _openfisca_test(tmp_path, tekst):
    sti = tmp_path / "test.yaml"
    sti.write_text(tekst, encoding="utf-8")
    return subprocess.run(
        [Path(sys.executable).parent / "openfisca", "test", str(sti), "-c", "openfisca_dk_beskaeftigelse"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )


def test_openfisca_test_for_2019_fejler_med_beskeden(tmp_path):
    # Før: 200 og dagpenge_maanedssats = 0 for 2019-03; en test mod 0 bestod i stilhed.
    resultat = _openfisca_test(
        tmp_path,
        '- name: "2019"\n  period: 2019-03\n  input:\n    maanedsloen: 34000\n'
        "  output:\n    dagpenge_maanedssats: 0\n",
    )
    assert resultat.returncode != 0
    assert "2019-03 ligger før modellens første måned, 2020-01" in resultat.stdout + resultat.stderr


def test_openfisca_test_med_input_for_2019_bestaar(tmp_path):
    # Timerne i juli-december 2019 (6 × 160 = 960 ≥ 240) giver timekravet i februar 2020.
    timer = "".join(f"      2019-{m:02d}: 160\n" for m in range(7, 13))
    resultat = _openfisca_test(
        tmp_path,
        '- name: "Sygemeldt 6.1.2020, timer i 2019"\n  period: 2020-02\n  input:\n'
        "    foedselsdato: 1980-01-01\n    sygemelding_startdato: 2020-01-06\n"
        f"    arbejdstimer:\n{timer}  output:\n    beskaeftigelseskrav_timer_opfyldt: true\n",
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


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
    resultat = subprocess.run(
        [
            Path(sys.executable).parent / "dk-beskaeftigelse",
            *[str(situation) if a == "SITUATION" else a for a in args],
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert resultat.returncode == 2
    assert "2019-03' ligger før modellens første måned, 2020-01" in resultat.stderr
    assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr
