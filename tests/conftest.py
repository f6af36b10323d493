"""Fælles fixtures: gældende ret bygges én gang per testkørsel (det samme system, regimerne bygger på)."""

import pytest

from openfisca_dk_beskaeftigelse.regimer import gaeldende_ret


@pytest.fixture(scope="session")
def system():
    return gaeldende_ret()
