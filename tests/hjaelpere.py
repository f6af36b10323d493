"""Fælles hjælpere for testene (``pythonpath = ["tests"]`` i pyproject.toml gør dem importerbare)."""

import contextlib
import io
import os
import subprocess
from unittest import mock

from openfisca_dk_beskaeftigelse import cli


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
