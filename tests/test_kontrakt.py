"""Modelkontraktens navne findes præcis som i shared/model-contract.md."""

import pytest
from openfisca_core.indexed_enums import Enum
from openfisca_core.variables.config import VALUE_TYPES

import openfisca_dk_beskaeftigelse
from openfisca_dk_beskaeftigelse.kontrakt import INPUT, UDDATA


def test_systemet_eksporteres_fra_pakken():
    assert "CountryTaxBenefitSystem" in openfisca_dk_beskaeftigelse.__all__


def test_entiteter_og_roller(system):
    entiteter = {entitet.key: entitet for entitet in system.entities}
    person, virksomhed = entiteter["person"], entiteter["virksomhed"]
    assert (person.key, person.plural, person.is_person) == ("person", "personer", True)
    assert (virksomhed.key, virksomhed.plural, virksomhed.is_person) == ("virksomhed", "virksomheder", False)
    assert [(r.key, r.plural) for r in virksomhed.roles] == [("ansat", "ansatte"), ("stoettet", "stoettede")]


def _kontroller(system, navn):
    variabel = system.variables[navn.navn]
    assert variabel.entity.key == navn.entitet
    if navn.type == "Enum":
        assert variabel.value_type is Enum
    else:
        assert VALUE_TYPES[variabel.value_type]["formatted_value_type"] == navn.type
    assert str(variabel.definition_period) == navn.periode
    if navn.vaerdier:
        assert tuple(variabel.possible_values.__members__) == navn.vaerdier


@pytest.mark.parametrize("navn", INPUT, ids=lambda n: n.navn)
def test_input_findes_med_kontraktens_type(system, navn):
    assert navn.navn in system.variables, f"kontraktens input {navn.navn} mangler"
    _kontroller(system, navn)
    variabel = system.variables[navn.navn]
    assert variabel.label and variabel.reference and variabel.documentation


@pytest.mark.parametrize("navn", UDDATA, ids=lambda n: n.navn)
def test_uddata_findes_med_kontraktens_type(system, navn):
    assert navn.navn in system.variables, f"kontraktens uddata {navn.navn} mangler"
    _kontroller(system, navn)
    variabel = system.variables[navn.navn]
    assert variabel.label and variabel.reference
