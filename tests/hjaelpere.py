"""Fælles hjælpere for testene (``pythonpath = ["tests"]`` i pyproject.toml gør dem importerbare)."""

import contextlib
import functools
import io
import os
import subprocess
from pathlib import Path
from unittest import mock

import yaml

from openfisca_dk_beskaeftigelse import cli

REPO = Path(__file__).resolve().parent.parent

# Debians chromium til browsertestene og benchmarks/arbejdsbord.py (Playwright henter ingen browser).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Headless uden sandkasse (testene kører som root i CI) og uden netværk ud af huset.
CHROMIUM_ARGUMENTER = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def koer(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    """``dk-beskaeftigelse ARGS`` i testens proces: samme stdout, stderr og exitkode som en proces,
    men systemerne bygges én gang for alle tests (``regimer.byg_system``)."""
    ud, fejl = io.StringIO(), io.StringIO()
    miljoe = {"COLUMNS": "200", **(env or {})}
    with (
        contextlib.chdir(cwd or os.getcwd()),
        mock.patch.dict(os.environ, miljoe),
        contextlib.redirect_stdout(ud),
        contextlib.redirect_stderr(fejl),
    ):
        try:
            kode = cli.main([*map(str, args)])
        except SystemExit as stop:
            kode = stop.code
    return subprocess.CompletedProcess(args, kode, ud.getvalue(), fejl.getvalue())


@functools.cache
def reformens_tilfaelde(modul: str) -> list[dict]:
    """Tilfældene i reformens YAML-test ``tests/reforms/<modul>.yaml`` (indlæst én gang)."""
    return yaml.safe_load((REPO / "tests" / "reforms" / f"{modul}.yaml").read_text(encoding="utf-8"))


def uden_reformens_inddata(indata, navne: set[str]):
    """Testens input uden reformens egne inputvariabler, som gældende ret ikke kender."""
    if isinstance(indata, dict):
        return {k: uden_reformens_inddata(v, navne) for k, v in indata.items() if k not in navne}
    return indata
