"""Kommandolinjen, som brugerne kører den: en rigtig proces på rigtige filer."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import openfisca_dk_beskaeftigelse as pakke

EKSEMPLER = sorted(pakke.EKSEMPELMAPPE.glob("*.yaml"))


def _koer(*args, cwd=None):
    return subprocess.run(
        [Path(sys.executable).parent / "dk-beskaeftigelse", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, "COLUMNS": "200"},
    )


def test_eksemplerne_beregnes_og_vises(tmp_path):
    resultat = _koer("sammenlign", *EKSEMPLER, "--periode", "2026-03", cwd=tmp_path)
    assert resultat.returncode == 0, resultat.stderr
    for navn in ("mette", "ali", "birgit", "jonas", "karin", "lars", "sofie", "hassan", "eva"):
        assert navn in resultat.stdout
    assert "Alder i hele år" in resultat.stdout


@pytest.mark.parametrize(
    ("args", "felt"),
    [
        (["--periode", "marts"], "--periode"),
        (["--periode", "2026"], "--periode"),
        (["--periode", "2026-03", "--variabler", "alder,findes_ikke"], "findes_ikke"),
    ],
)
def test_forkert_input_giver_en_linje_og_exitkode_2(args, felt):
    resultat = _koer("sammenlign", EKSEMPLER[0], *args)
    assert resultat.returncode == 2
    assert felt in resultat.stderr
    assert len(resultat.stderr.strip().splitlines()) == 1
    assert "Traceback" not in resultat.stderr


def test_situationsfejl_naevner_feltet(tmp_path):
    daarlig = tmp_path / "daarlig.yaml"
    daarlig.write_text("personer:\n  a:\n    ydelse:\n      '2026': pension\n", encoding="utf-8")
    ikke_yaml = tmp_path / "ikke.yaml"
    ikke_yaml.write_text("personer: [a\n", encoding="utf-8")
    for sti, felt in [(daarlig, "personer/a/ydelse"), (ikke_yaml, "ikke.yaml"), (tmp_path / "x.yaml", "x.yaml")]:
        resultat = _koer("sammenlign", sti, "--periode", "2026-03")
        assert resultat.returncode == 2, resultat.stderr
        assert felt in resultat.stderr
        assert len(resultat.stderr.strip().splitlines()) == 1
