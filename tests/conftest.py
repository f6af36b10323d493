"""Fælles fixtures: gældende ret bygges én gang per testkørsel."""

import pytest

from openfisca_dk_beskaeftigelse import CountryTaxBenefitSystem


@pytest.fixture(scope="session")
def system():
    return CountryTaxBenefitSystem()
