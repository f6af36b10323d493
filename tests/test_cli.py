"""Kommandolinjen på rigtige filer: kommandoen kørt i testens proces (``cli.main``, med stdout,
stderr, exitkode og miljø som i en skal), og nogle få gange som en rigtig proces (``ende_til_ende``)."""

import argparse
import csv
import importlib.metadata
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hjaelpere import koer as _koer

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse.cli import FORMATER

EKSEMPLER = sorted(pakke.EKSEMPELMAPPE.glob("*.yaml"))
LEDIG = pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml"
VARIABLER_STAK = "maalgruppe,kontaktforloeb_samtaler_telefon_video"


def _proces(*args, env=None) -> subprocess.CompletedProcess:
    """``dk-beskaeftigelse ARGS`` som en rigtig proces (det installerede script)."""
    return subprocess.run(
        [Path(sys.executable).parent / "dk-beskaeftigelse", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )


def test_alle_regimer_med_alle_raekker_fra_en_anden_mappe(tmp_path):
    # Alle eksemplerne under alle regimer er `make run`, som test_notat.py kører én gang for sine tests
    # (en sammenfatning per person); her ét eksempel med alle rækker, kørt uden for repoet.
    alle = _koer("sammenlign", LEDIG, "--periode", "2026-03", "--regimer", "alle", "--alle", cwd=tmp_path)
    assert alle.returncode == 0, alle.stderr
    assert "mette (personer) — 2026-03" in alle.stdout
    assert "Alder i hele år" in alle.stdout


def test_json_er_maskinlaesbart_og_stabilt():
    resultat = _koer(
        "sammenlign", LEDIG, "--periode", "2026-03", "--format", "json", "--variabler", "alder,ydelse"
    )
    assert resultat.returncode == 0, resultat.stderr
    data = json.loads(resultat.stdout)
    assert data["format_version"] == 4 and data["periode"] == "2026-03"
    raekker = {r["variabel"]: r for r in data["resultater"]}
    assert raekker["alder"]["vaerdier"]["gaeldende_ret"] == 41
    assert raekker["ydelse"]["vaerdier"]["gaeldende_ret"] == "arbejdsloeshedsdagpenge"
    assert raekker["ydelse"]["tekster"]["gaeldende_ret"] == "Arbejdsløshedsdagpenge"
    assert raekker["alder"]["reference"][0].startswith("LAB § 6")


def test_csv_og_markdown():
    csv_ = _koer("sammenlign", LEDIG, "--periode", "2026-03", "--format", "csv", "--variabler", "alder")
    assert csv_.stdout.splitlines()[0].startswith("situation,entitet,id,variabel,regime,vaerdi")
    assert f"{LEDIG},personer,mette,alder,gaeldende_ret,41,41,nej" in csv_.stdout
    md = _koer(
        "sammenlign", LEDIG, "--periode", "2026-03", "--format", "markdown", "--variabler", "alder", "--alle"
    )
    assert "| Alder i hele år (`alder`) |" in md.stdout


def test_stablede_regimer():
    stak = "faerre_maalgrupper+digitale_samtaler"
    faelles = ["--periode", "2026-03", "--regimer", stak]
    resultat = _koer("sammenlign", LEDIG, *faelles, "--format", "json", "--variabler", VARIABLER_STAK)
    assert resultat.returncode == 0, resultat.stderr
    data = json.loads(resultat.stdout)
    assert [r["noegle"] for r in data["regimer"]] == ["gaeldende_ret", stak]
    # Begge reformer er lagt på: telefon/video til alle samtaler (digitale_samtaler) ...
    samtaler = data["resultater"][1]["vaerdier"]
    assert samtaler == {"gaeldende_ret": "valgfrit_efter_foerste_samtale", stak: "valgfrit_alle_samtaler"}
    # ... og de fem målgrupper (faerre_maalgrupper), også i forklaringen.
    forklaring = _koer("forklar", LEDIG, "--variabel", "maalgruppe", "--periode", "2026-03", "--regime", stak)
    assert forklaring.returncode == 0, forklaring.stderr
    assert "fem grupper" in forklaring.stdout


def test_regimer_og_forklar():
    regimer = _koer("regimer", "--format", "json")
    assert json.loads(regimer.stdout)[0]["noegle"] == "gaeldende_ret"
    forklaring = _koer("forklar", LEDIG, "--variabel", "dagpenge_maanedssats", "--periode", "2026-03")
    assert forklaring.returncode == 0, forklaring.stderr
    assert "parameter afl.dagpenge.maksimum_maaned" in forklaring.stdout
    assert "maanedsloen<2026-03> = 34000.00" in forklaring.stdout
    assert "AFL § 47" in forklaring.stdout


@pytest.mark.parametrize(
    ("args", "felt"),
    [
        (["sammenlign", LEDIG, "--periode", "marts"], "--periode"),
        (["sammenlign", LEDIG, "--periode", "2026"], "--periode"),
        (["sammenlign", LEDIG, "--periode", "2019-12"], "2020-01"),
        # Efter modellens sidste måned (9999-12 gav et traceback: år 10000 findes ikke).
        (["sammenlign", LEDIG, "--periode", "9999-12"], "--periode: '9999-12' ligger efter modellens sidste"),
        (["forklar", LEDIG, "--periode", "9999-12", "--variabel", "maalgruppe"], "2100-12"),
        (["effekt", "--maaneder", "2100-12:2101-01", "--personer", "10"], "--maaneder: '2101-01'"),
        (["kalibrering", "--periode", "2101-01", "--personer", "10"], "--periode"),
        # Et tomt valg er en fejl, ikke standarden (kun gældende ret, alle variabler).
        (["sammenlign", LEDIG, "--periode", "2026-03", "--regimer", ","], "--regimer: ',' nævner intet"),
        (["effekt", "--periode", "2026-03", "--regimer", ""], "--regimer"),
        (["sammenlign", LEDIG, "--periode", "2026-03", "--variabler", ""], "--variabler: '' nævner ingen"),
        (["sammenlign", LEDIG, "--periode", "2026-03", "--variabler", "alder,findes_ikke"], "findes_ikke"),
        (["sammenlign", LEDIG, "--periode", "2026-03", "--regimer", "gaeldende_ret,paradis"], "--regimer"),
        (["sammenlign", LEDIG, "--periode", "2026-03", "--regimer", "faerre_maalgrupper+paradis"], "paradis"),
        (["sammenlign", LEDIG, "--periode", "2026-03", "--format", "pdf"], "--format"),
        (["forklar", LEDIG, "--periode", "2026-03", "--variabel", "findes_ikke"], "--variabel"),
        (
            ["forklar", LEDIG, "--periode", "2026-03", "--variabel", "alder", "--regime", "paradis"],
            "--regime",
        ),
    ],
)
def test_forkert_input_giver_en_linje_og_exitkode_2(args, felt):
    resultat = _koer(*args)
    assert resultat.returncode == 2
    assert felt in resultat.stderr
    assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr
    assert "Traceback" not in resultat.stderr


def test_situationsfejl_naevner_feltet(tmp_path):
    filer = {
        "enum.yaml": ("personer:\n  a:\n    ydelse:\n      '2026': pension\n", "personer/a/ydelse"),
        "variabel.yaml": ("personer:\n  a:\n    ukendt_felt:\n      '2026': 1\n", "ukendt_felt"),
        "periode.yaml": ("personer:\n  a:\n    alder:\n      'marts': 40\n", "personer/a/alder"),
        "entitet.yaml": ("personer:\n  a: {}\nvirksomheder:\n  v:\n    chefer: [a]\n", "chefer"),
        "ikke.yaml": ("personer: [a\n", "ikke.yaml"),
        # YAML's simple nøgler er højst 1024 tegn: før kun "er ikke gyldig YAML/JSON (linje 2)".
        "langt_id.yaml": (f"personer:\n  {'a' * 1100}:\n    alder: {{2026-03: 40}}\n", "'? ' foran"),
        # En liste som nøgle: en linje, ikke et TypeError-traceback.
        "noegle.yaml": ("personer:\n  ? [a]\n  : {}\n", "linje 2): en nøgle skal være en tekst eller et tal"),
        # En YAML-test uden tilfælde: en fejl, ikke et tomt notat med exitkode 0.
        "tom_test.yaml": ("[]\n", "YAML-test uden tilfælde"),
    }
    for navn, (indhold, _) in filer.items():
        (tmp_path / navn).write_text(indhold, encoding="utf-8")
    for navn, (_, felt) in [*filer.items(), ("mangler.yaml", (None, "mangler.yaml"))]:
        resultat = _koer("sammenlign", tmp_path / navn, "--periode", "2026-03")
        assert resultat.returncode == 2, (navn, resultat.stderr)
        assert felt in resultat.stderr, (navn, resultat.stderr)
        assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr


def test_forklar_en_yaml_test_uden_tilfaelde(tmp_path):
    # Før: IndexError fra situationer[0].
    (tmp_path / "tom.yaml").write_text("[]\n", encoding="utf-8")
    resultat = _koer("forklar", tmp_path / "tom.yaml", "--periode", "2026-03", "--variabel", "alder")
    _en_linje(resultat, "tom.yaml", "YAML-test uden tilfælde")


def test_dobbelte_noegler_mappe_og_forkert_tegnsaet_giver_en_linje(tmp_path):
    dobbelt_yaml = tmp_path / "dobbelt.yaml"
    dobbelt_yaml.write_text(
        "personer:\n  a:\n    alder:\n      '2026-03': 40\n    alder:\n      '2026-03': 50\n"
    )
    dobbelt_json = tmp_path / "dobbelt.json"
    dobbelt_json.write_text('{"personer": {"a": {}, "a": {}}}')
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("# Søren\npersoner:\n  søren: {}\n".encode("latin-1"))
    for sti, dele in [
        (dobbelt_yaml, ["dobbelt.yaml", "linje 5", "'alder' står to gange"]),
        (dobbelt_json, ["dobbelt.json", "linje 1", "'a' står to gange"]),
        (latin1, ["latin1.yaml", "ikke UTF-8", "linje 1"]),
        (tmp_path, [str(tmp_path), "er en mappe"]),
    ]:
        resultat = _koer("sammenlign", sti, "--periode", "2026-03", "--variabler", "alder")
        assert resultat.returncode == 2, resultat.stderr
        assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr
        for del_ in dele:
            assert del_ in resultat.stderr, (del_, resultat.stderr)


def _en_linje(resultat, *dele):
    assert resultat.returncode == 2, resultat.stderr
    assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr
    for del_ in dele:
        assert del_ in resultat.stderr, (del_, resultat.stderr)


# Én trækning i testens proces: grænserne og --ud er det, der testes her (trækningerne og processerne
# tester test_effekt_aar.py og test_effekt_motor.py).
EFFEKT = ["effekt", "--periode", "2026-03", "--regimer", "gaeldende_ret", "--personer", "10"]
EFFEKT += ["--traekninger", "1", "--arbejdere", "1"]


def test_effekt_afviser_seed_og_personer_uden_for_graenserne():
    _en_linje(_koer(*EFFEKT, "--seed", "-1"), "--seed", "-1")
    _en_linje(_koer(*EFFEKT, "--personer", "6000001"), "--personer", "6.000.000")
    _en_linje(_koer(*EFFEKT, "--personer", "0"), "--personer")
    assert "6.000.000" in _koer("effekt", "--help").stdout
    # Som arbejdsbordets grænse (før: ethvert heltal).
    _en_linje(_koer(*EFFEKT, "--seed", str(2**32)), "--seed", "fra 0 til 4294967295")
    # Før: 100.000 processer og bidder, til kommandoen hang.
    _en_linje(_koer(*EFFEKT[:-1], "100000"), "--arbejdere", "per kerne på denne maskine", "100000")
    # Før: en tom sti var den aktuelle mappe, og 16 resultatfiler landede der.
    _en_linje(_koer(*EFFEKT, "--ud", ""), "--ud: en tom sti")


def test_effekt_ud_kontrolleres_foer_beregningen(tmp_path):
    fil = tmp_path / "fil.txt"
    fil.write_text("ikke en mappe")
    _en_linje(_koer(*EFFEKT, "--ud", fil), "--ud", "ikke en mappe")
    _en_linje(_koer(*EFFEKT, "--ud", fil / "under"), "--ud", "kan ikke oprette")
    assert fil.read_text() == "ikke en mappe"
    ud = tmp_path / "ny" / "mappe"
    resultat = _koer(*EFFEKT, "--ud", ud, "--format", "csv")
    assert resultat.returncode == 0, resultat.stderr
    assert (ud / "effekt.csv").read_text() == resultat.stdout


def _uden_modul(tmp_path, modul: str) -> dict:
    """Et PYTHONPATH, hvor ``modul`` mangler, som når ekstraen ikke er installeret."""
    pakke = tmp_path / "mangler" / modul
    pakke.mkdir(parents=True)
    (pakke / "__init__.py").write_text(
        f"raise ModuleNotFoundError(\"No module named '{modul}'\", name='{modul}')\n"
    )
    return {"PYTHONPATH": str(tmp_path / "mangler")}


@pytest.mark.ende_til_ende
def test_manglende_ekstra_naevner_den(tmp_path):
    ud = tmp_path / "ud"
    resultat = _proces(*EFFEKT, "--ud", ud, env=_uden_modul(tmp_path, "matplotlib"))
    _en_linje(resultat, "--ud", "pip install 'openfisca-dk-beskaeftigelse[docs]'")
    assert not ud.exists()
    resultat = _proces("serve", "--port", "1", env=_uden_modul(tmp_path, "gunicorn"))
    _en_linje(resultat, "serve", "pip install 'openfisca-dk-beskaeftigelse[web-api]'")


@pytest.mark.ende_til_ende
@pytest.mark.parametrize("format_", ["json", "tabel"])
def test_lukket_roer_giver_intet_traceback(format_):
    proces = subprocess.Popen(
        [Path(sys.executable).parent / "dk-beskaeftigelse", "sammenlign", LEDIG, "--periode", "2026-03"]
        + ["--regimer", "gaeldende_ret", "--format", format_],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Ingen læser, før kommandoen skriver: som `| head -0`.
    proces.stdout.close()
    stderr = proces.stderr.read()
    assert proces.wait() == 1
    assert stderr == ""


def test_id_og_filnavne_vises_som_de_er_ikke_som_markup(tmp_path):
    sti = tmp_path / "[red]borgere.yaml"
    sti.write_text(
        'personer:\n  "ole[/]":\n    foedselsdato: {ETERNITY: "1990-01-01"}\n'
        '  "[bold]eva":\n    foedselsdato: {ETERNITY: "1990-01-01"}\n'
    )
    tabel = _koer(
        "sammenlign", sti, "--periode", "2026-03", "--regimer", "gaeldende_ret", "--variabler", "alder"
    )
    forklaring = _koer("forklar", sti, "--periode", "2026-03", "--variabel", "alder")
    for resultat in (tabel, forklaring):
        assert resultat.returncode == 0, resultat.stderr
        assert "ole[/]" in resultat.stdout and "[bold]eva" in resultat.stdout
    assert "[red]borgere.yaml" in tabel.stdout


# Kilderne dækker ikke kontanthjælpens sats for hjemmeboende under 30 år fra 1.7.2025 (value: null).
HUL = (
    "personer:\n  p:\n    foedselsdato: {ETERNITY: '2004-01-01'}\n"
    "    ydelse: {'2026-03': kontanthjaelp}\n    er_hjemmeboende: {'2026-03': true}\n"
    "    er_ledig: {'2026-03': true}\n    beskaeftigelse: {'2026-03': ledig}\n"
    "    parathed: {'2026-03': jobparat}\n    ledighed_startdato: {'2026-03': '2026-01-01'}\n"
)
PARAMETER = "aktivloven.kontanthjaelp.ny_ordning.hjemmeboende_sats"


@pytest.mark.parametrize("format_", FORMATER)
def test_et_hul_i_kilderne_rammer_kun_sin_celle(tmp_path, format_):
    sti = tmp_path / "hul.yaml"
    sti.write_text(HUL)
    variabler = "alder,kontanthjaelp_maanedsbeloeb,maalgruppe"
    faelles = [
        "--periode",
        "2026-03",
        "--regimer",
        "gaeldende_ret,faerre_maalgrupper",
        "--variabler",
        variabler,
        "--alle",
    ]
    resultat = _koer("sammenlign", sti, *faelles, "--format", format_, env={"COLUMNS": "400"})
    assert resultat.returncode == 0, resultat.stderr
    if format_ == "json":
        raekker = {r["variabel"]: r for r in json.loads(resultat.stdout)["resultater"]}
        hul = raekker["kontanthjaelp_maanedsbeloeb"]
        assert hul["vaerdier"] == {"gaeldende_ret": None, "faerre_maalgrupper": None}
        assert hul["huller"]["gaeldende_ret"] == {"parameter": PARAMETER, "dato": "2026-03-01"}
        assert hul["afviger_fra_gaeldende_ret"] == []
        assert raekker["alder"]["vaerdier"]["gaeldende_ret"] == 22 and raekker["alder"]["huller"] == {}
        assert raekker["maalgruppe"]["vaerdier"]["faerre_maalgrupper"] is not None
    elif format_ == "csv":
        raekker = list(csv.DictReader(io.StringIO(resultat.stdout)))
        hul = [r for r in raekker if r["variabel"] == "kontanthjaelp_maanedsbeloeb"]
        assert [r["vaerdi"] for r in hul] == ["", ""]
        assert all(PARAMETER in r["note"] for r in hul)
        assert {r["vaerdi"] for r in raekker if r["variabel"] == "alder"} == {"22"}
    else:
        assert f"ikke beregnet (hul i kilderne: {PARAMETER})" in resultat.stdout
        assert "22" in resultat.stdout


def test_flere_situationsfiler_skilles_ad(tmp_path):
    kopi = tmp_path / "kopi.yaml"
    kopi.write_text(LEDIG.read_text())
    faelles = ["--periode", "2026-03", "--regimer", "gaeldende_ret", "--variabler", "alder"]
    csv_ = _koer("sammenlign", LEDIG, kopi, *faelles, "--format", "csv")
    assert csv_.returncode == 0, csv_.stderr
    raekker = list(csv.DictReader(io.StringIO(csv_.stdout)))
    assert [(r["situation"], r["id"]) for r in raekker] == [(str(LEDIG), "mette"), (str(kopi), "mette")]
    assert "kolonnen situation" in _koer("sammenlign", "--help").stdout
    forkert = tmp_path / "forkert.yaml"
    forkert.write_text("personer:\n  a:\n    er_ledig:\n      '2026-03': 'false'\n")
    mangler = tmp_path / "mangler.yaml"
    mangler.write_text("personer:\n  a:\n    ydelse:\n      '2026-03': kontanthjaelp\n")
    for sti, felt in [
        (forkert, "personer/a/er_ledig/2026-03: forventede sand/falsk"),
        (mangler, "Feltet 'foedselsdato' mangler"),
    ]:
        resultat = _koer("sammenlign", LEDIG, sti, kopi, *faelles[:4], "--variabler", "maalgruppe")
        _en_linje(resultat, f"fejl: {sti}: ", felt)


def test_inddata_for_en_anden_periode_giver_en_advarsel_per_variabel():
    resultat = _koer(
        "sammenlign", LEDIG, "--periode", "2025-06", "--regimer", "gaeldende_ret,faerre_maalgrupper"
    )
    assert resultat.returncode == 0, resultat.stderr
    linjer = resultat.stderr.splitlines()
    assert (
        f"advarsel: {LEDIG}: personer/mette/ydelse har ingen værdi for 2025-06 (angivet for 2026)" in linjer
    )
    assert all(linje.startswith("advarsel: ") for linje in linjer)
    # Én linje per entitet/id/variabel, også med flere regimer.
    assert len(linjer) == len(set(linjer))
    data = json.loads(_koer("sammenlign", LEDIG, "--periode", "2025-06", "--format", "json").stdout)
    assert "personer/mette/ydelse har ingen værdi for 2025-06 (angivet for 2026)" in data["advarsler"]
    forklaring = _koer("forklar", LEDIG, "--periode", "2025-06", "--variabel", "maalgruppe")
    assert forklaring.returncode == 0, forklaring.stderr
    assert "personer/mette/ydelse har ingen værdi for 2025-06" in forklaring.stderr


def test_ingen_advarsel_for_historik_null_og_readme_maaneden(tmp_path):
    # Karins arbejdstimer er angivet for 2025: loven læser månederne før sygemeldingen.
    for periode in ("2026-03", "2026-06"):
        resultat = _koer("sammenlign", *EKSEMPLER, "--periode", periode, "--regimer", "gaeldende_ret")
        assert resultat.returncode == 0 and resultat.stderr == "", (periode, resultat.stderr)
    assert "PERIODE=2026-06" in (Path(__file__).parents[1] / "README.md").read_text()
    null = tmp_path / "null.yaml"
    null.write_text(
        "personer:\n  a:\n    foedselsdato: {ETERNITY: '1990-01-01'}\n    alder: {'2026': null}\n"
    )
    resultat = _koer("sammenlign", null, "--periode", "2025-06", "--regimer", "gaeldende_ret")
    assert resultat.returncode == 0 and resultat.stderr == "", resultat.stderr


def test_hjaelpen_og_argparses_egne_beskeder_er_paa_dansk():
    hjaelp = _koer("--help")
    assert hjaelp.returncode == 0
    for dansk in ("brug: dk-beskaeftigelse", "argumenter:", "tilvalg:", "vis denne hjælp og afslut"):
        assert dansk in hjaelp.stdout, dansk
    for engelsk in ("usage:", "positional arguments", "options:", "show this help"):
        assert engelsk not in hjaelp.stdout, engelsk
    assert "brug: dk-beskaeftigelse test" in _koer("test", "--help").stdout
    for args, linje in [
        (["sammenlign"], "fejl: disse argumenter mangler: SITUATION"),
        (["paradis"], "fejl: kommando: ugyldigt valg 'paradis'; vælg mellem 'sammenlign', "),
        (["regimer", "--format", "pdf"], "fejl: --format: ugyldigt valg 'pdf'; vælg mellem 'tabel', 'json'"),
        ([*EFFEKT, "--seed", "nul"], "fejl: --seed: ugyldig værdi 'nul'"),
        (["regimer", "--farve"], "fejl: ukendte argumenter: --farve"),
        (["forklar", LEDIG, "--variabel"], "fejl: --variabel: forventede én værdi"),
    ]:
        _en_linje(_koer(*args), linje)


def test_argparse_er_kun_dansk_for_kommandolinjen():
    _koer("--help")
    assert "usage: x" in argparse.ArgumentParser(prog="x").format_usage()


def test_version_fra_pakkens_metadata():
    resultat = _koer("--version")
    assert resultat.returncode == 0
    assert (
        resultat.stdout == f"dk-beskaeftigelse {importlib.metadata.version('openfisca-dk-beskaeftigelse')}\n"
    )
    assert pakke.__version__ == importlib.metadata.version("openfisca-dk-beskaeftigelse")
