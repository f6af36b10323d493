"""Kommandolinjen (issue 14): serve's workers, port og CORS; situationer, der før fyldte hukommelsen;
``effekt --ud`` overskriver kun med ``--overskriv`` og følger aldrig et symbolsk link."""

import json
import os
import socket

import pytest
from hjaelpere import koer as _koer

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse import arbejdsbord, beregning, cli, effekt

# Filerne i --ud er det, testene ser på: en lille befolkning, regnet i testens proces.
EFFEKT = (
    "effekt",
    "--regimer",
    "gaeldende_ret",
    "--periode",
    "2026-03",
    "--personer",
    "10",
    "--arbejdere",
    "1",
)


def _en_linje(resultat, *dele: str) -> str:
    assert resultat.returncode == 2, resultat.stderr
    linjer = resultat.stderr.strip().splitlines()
    assert len(linjer) == 1 and "Traceback" not in resultat.stderr, resultat.stderr
    for del_ in dele:
        assert del_ in linjer[0], linjer[0]
    return linjer[0]


@pytest.mark.parametrize(
    ("argumenter", "dele"),
    [
        (("--workers", "0"), ("--workers", "fra 1 til", "0")),
        (("--workers", "-3"), ("--workers", "-3")),
        # Før: gunicorn startede 100.000 workers, til maskinen løb tør for hukommelse.
        (("--workers", "100000"), ("--workers", "per kerne på denne maskine", "100000")),
        # Før: gunicorn prøvede igen i 5 sekunder og sluttede med en log og exitkode 1.
        (("--host", "999.999.999.999"), ("--host", "999.999.999.999")),
        (("--host", "bad host!!"), ("--host",)),
        (("--port", "0"), ("--port", "1 til 65535", "0")),
        (("--port", "65536"), ("--port", "65536")),
        (("--cors", "ftp://x"), ("--cors", "ftp://x")),
        (("--cors", "https://a.dk,https://b.dk/sti"), ("--cors", "https://b.dk/sti")),
        (("--dokumentation", "/findes/ikke"), ("--dokumentation", "/findes/ikke", "make docs")),
    ],
)
def test_serve_afviser_forkerte_vaerdier_med_en_linje(argumenter, dele):
    _en_linje(_koer("serve", *argumenter), *dele)


def test_serve_paa_en_optaget_port_giver_en_linje():
    # Før: gunicorn prøvede igen i 5 sekunder ("Retrying in 1 second") og sluttede med exitkode 1.
    with socket.socket() as optaget:
        optaget.bind(("127.0.0.1", 0))
        optaget.listen()
        port = optaget.getsockname()[1]
        _en_linje(_koer("serve", "--port", str(port)), f"--port: {port} er optaget på 127.0.0.1")


def test_serve_tager_en_ipv6_adresse_med_eller_uden_klammer(monkeypatch, capsys):
    # Før: "[::]" blev afvist af adressekontrollen, og "::1" gav gunicorns "'' is not a valid port number".
    startet, proevet = [], []
    monkeypatch.setattr("openfisca_dk_beskaeftigelse.server.start", lambda *args: startet.append(args))
    monkeypatch.setattr(cli, "_kan_lytte", lambda host, port, skrevet: proevet.append(host))
    for host in ("::1", "[::1]"):
        assert cli.main(["serve", "--host", host, "--port", "5050"]) == 0
    assert [s[0] for s in startet] == ["[::1]", "[::1]"] and proevet == ["::1", "::1"]
    assert "åbn http://[::1]:5050/ i en browser" in capsys.readouterr().err


def test_serve_standard_er_en_worker_per_kerne():
    assert "én per kerne" in _koer("serve", "--help").stdout
    assert cli._kerner() == len(os.sched_getaffinity(0))


def test_serve_siger_antallet_af_workers(monkeypatch, capsys, tmp_path):
    startet = []
    monkeypatch.setattr("openfisca_dk_beskaeftigelse.server.start", lambda *args: startet.append(args))
    assert cli.main(["serve", "--port", "5050", "--cors", "https://jura.example"]) == 0
    monkeypatch.chdir(tmp_path)  # ingen bygget site/ her: links går til projektets site
    assert cli.main(["serve", "--port", "5050", "--cors", "https://jura.example"]) == 0
    assert startet[-1] == (
        "127.0.0.1",
        5050,
        cli._kerner(),
        ("https://jura.example",),
        arbejdsbord.DOKUMENTATION_URL,
    )
    fejl = capsys.readouterr().err
    assert f"med {cli._kerner()} workers (én per kerne" in fejl and "https://jura.example" in fejl
    assert "Arbejdsbordet: åbn http://127.0.0.1:5050/ i en browser" in fejl
    assert cli.main(["serve", "--workers", "3", "--cors", "ingen", "--host", "0.0.0.0"]) == 0
    assert startet[-1][2:4] == (3, ())
    fejl = capsys.readouterr().err
    assert "med 3 workers, CORS: ingen" in fejl
    assert "åbn http://127.0.0.1:5000/ i en browser" in fejl
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("", encoding="utf-8")
    assert cli.main(["serve", "--dokumentation", "https://kommune.example/docs"]) == 0
    assert startet[-1][4] == "https://kommune.example/docs/"
    assert cli.main(["serve"]) == 0
    assert startet[-1][4] == tmp_path / "site"


def test_numerisk_id_i_en_situationsfil_giver_en_linje(tmp_path):
    # Før: OpenFiscas fejltræ gjorde id'et til en liste så lang som tallet (15 GB for 999999999999).
    fil = tmp_path / "numerisk.json"
    fil.write_text(json.dumps({"personer": {"999999999999": {"maanedsloen": {"x": 1}}}}))
    linje = _en_linje(_koer("sammenlign", fil, "--periode", "2026-03", "--regimer", "gaeldende_ret"))
    assert "personer/999999999999/maanedsloen/x" in linje and len(linje) < 500


@pytest.mark.parametrize(
    ("person", "felt"),
    [
        ({"tidligere_sygedagpengeuger": {"2026-03": -10}}, "tidligere_sygedagpengeuger/2026-03"),
        ({"maanedsloen": {"2026": -34000}}, "maanedsloen/2026"),
        ({"foedselsdato": {"ETERNITY": "2030-01-01"}}, "foedselsdato"),
        ({"alder": {"2026-W10": 40}}, "alder/2026-W10"),
    ],
)
def test_umulige_vaerdier_giver_exitkode_2(tmp_path, person, felt):
    fil = tmp_path / "borger.json"
    fil.write_text(json.dumps({"personer": {"a": {"foedselsdato": {"ETERNITY": "1990-01-01"}, **person}}}))
    _en_linje(
        _koer(
            "sammenlign", fil, "--periode", "2026-03", "--regimer", "gaeldende_ret", "--variabler", "alder"
        ),
        felt,
    )


def test_effekt_overskriver_kun_med_overskriv_og_foelger_aldrig_et_symbolsk_link(tmp_path):
    ud, maal = tmp_path / "ud", tmp_path / "andet_sted.csv"
    ud.mkdir()
    maal.write_text("må ikke røres")
    (ud / "effekt.csv").symlink_to(maal)
    _en_linje(_koer(*EFFEKT, "--ud", ud), "effekt.csv", "findes allerede", "--overskriv")
    (ud / "effekt.json").write_text("mit eget arbejde")
    _en_linje(_koer(*EFFEKT, "--ud", ud), "--ud", "findes allerede", "--overskriv")
    assert (ud / "effekt.json").read_text() == "mit eget arbejde"
    # Én beregning med --overskriv erstatter både filen og linket.
    resultat = _koer(*EFFEKT, "--ud", ud, "--overskriv", "--format", "json")
    assert resultat.returncode == 0, resultat.stderr
    assert (ud / "effekt.json").read_text() + "\n" == resultat.stdout
    # Linket er erstattet af en fil; målet er uændret.
    assert maal.read_text() == "må ikke røres"
    assert not (ud / "effekt.csv").is_symlink() and (ud / "effekt.csv").read_text().startswith("maal,")
    assert {p.name for p in ud.iterdir()} <= set(effekt.udfiler())


EKSEMPEL = pakke.SPEC_EKSEMPEL


def test_en_enhed_eller_en_stor_fil_giver_en_linje(tmp_path):
    # Før: /dev/zero blev læst uden ende, til hukommelsen slap op.
    _en_linje(_koer("sammenlign", "/dev/zero", "--periode", "2026-03"), "'/dev/zero' kan ikke læses", "20 MB")
    reform = tmp_path / "stor.yaml"
    reform.write_bytes(b"#" * (beregning.MAKS_FILSTOERRELSE + 1))
    resultat = _koer("sammenlign", EKSEMPEL, "--periode", "2026-03", "--regimer", reform)
    _en_linje(resultat, "stor.yaml", "20 MB")


def test_flere_medlemmer_end_graensen_i_en_situationsfil_giver_en_linje(tmp_path):
    # Før: 20.000 personer tog over 2 minutter og 2 GB, før notatet kom.
    fil = tmp_path / "mange.json"
    personer = {f"p{nr}": {} for nr in range(beregning.MAKS_MEDLEMMER_I_FIL + 1)}
    fil.write_text(json.dumps({"personer": personer}))
    _en_linje(_koer("sammenlign", fil, "--periode", "2026-03"), "10001 personer", "dk-beskaeftigelse effekt")
