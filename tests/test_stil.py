"""Koden og YAML-filerne holder husets stil (ruff og yamllint, konfigureret i pyproject.toml og .yamllint).

Fejler testen, viser den værktøjets egen besked; `ruff format` og `ruff check --fix` retter det meste.
"""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = ["variables", "reforms", "openfisca_dk_beskaeftigelse", "tests", "benchmarks", "docs/build.py"]
YAML = ["parameters", "reforms/parametre", "tests", "examples", "openfisca_dk_beskaeftigelse", "mkdocs.yml"]


@pytest.mark.parametrize(
    "kommando",
    [
        ["ruff", "check", *PYTHON],
        ["ruff", "format", "--check", *PYTHON],
        ["yamllint", "--strict", *YAML],
    ],
    ids=["ruff-check", "ruff-format", "yamllint"],
)
def test_stil(kommando):
    resultat = subprocess.run(
        [str(BIN / kommando[0]), *kommando[1:]], cwd=REPO, capture_output=True, text=True
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
