"""Uddata-listerne nævner kun variabler, der findes, med en kendt art."""

from openfisca_dk_beskaeftigelse.uddata import ARTER, alle_uddata


def test_uddata_findes_og_har_en_art(system):
    for uddata in alle_uddata(system):
        assert uddata.variabel in system.variables, uddata
        assert uddata.art in ARTER, uddata
