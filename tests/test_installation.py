"""Pakken er installeret, som brugerne får den: lovens mapper inde i pakken, ingen
topniveau-pakker ``variables``/``reforms``, og metadata, som OpenFisca kræver."""

import importlib.metadata
import importlib.util
import sysconfig
from pathlib import Path

import openfisca_dk_beskaeftigelse as pakke


def test_pakken_koerer_fra_den_installerede_kopi():
    assert Path(pakke.__file__).is_relative_to(sysconfig.get_paths()["purelib"])


def test_lovens_mapper_ligger_inde_i_pakken():
    for navn in ("variables", "variables.sygedagpenge", "variables.lab", "reforms"):
        assert importlib.util.find_spec(f"openfisca_dk_beskaeftigelse.{navn}") is not None, navn
    assert (pakke.PARAMETERMAPPE / "index.yaml").is_file()
    assert (pakke.EKSEMPELMAPPE / "forsikret_ledig.yaml").is_file()


def test_ingen_topniveau_pakker_for_lovens_mapper():
    site = Path(sysconfig.get_paths()["purelib"])
    for navn in ("variables", "reforms", "parameters", "examples"):
        assert not (site / navn).exists(), f"{navn} er installeret som topniveau-pakke"


def test_pakkens_metadata_har_repository(system):
    metadata = system.get_package_metadata()
    assert metadata["name"] == "openfisca-dk-beskaeftigelse"
    assert metadata["repository_url"].startswith("https://")


def test_licensen_og_lovens_filer_er_med_i_installationen():
    distribution = importlib.metadata.distribution("openfisca-dk-beskaeftigelse")
    assert distribution.metadata["License-Expression"] == "AGPL-3.0-or-later"
    (licens,) = [f for f in distribution.files if f.name == "LICENSE"]
    assert licens.read_text().lstrip().startswith("GNU AFFERO GENERAL PUBLIC LICENSE")
    assert "Version 3, 19 November 2007" in licens.read_text()
    for mappe in ("parameters", "examples", "reforms/parametre"):
        assert any((pakke.PAKKEMAPPE / mappe).glob("*.yaml")), mappe
