"""openfisca-dk-beskaeftigelse: dansk beskæftigelseslovgivning som kode.

``CountryTaxBenefitSystem`` er gældende ret: variablerne i ``variables/``, parametrene i
``parameters/``. Reformerne i ``reforms/`` lægges ovenpå (se ``regimer``).
"""

import importlib.metadata
import sys
from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_dk_beskaeftigelse import entities
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation, spec_eksempel
from openfisca_dk_beskaeftigelse.modelperiode import VariablerFraFoersteMaaned
from openfisca_dk_beskaeftigelse.parametre import marker_huller

PAKKEMAPPE = Path(__file__).resolve().parent
VARIABELMAPPE = PAKKEMAPPE / "variables"
PARAMETERMAPPE = PAKKEMAPPE / "parameters"
EKSEMPELMAPPE = PAKKEMAPPE / "examples"
# Situationen i web-API'ets OpenAPI-eksempel (med uddata at beregne, se beregning.spec_eksempel).
SPEC_EKSEMPEL = EKSEMPELMAPPE / "forsikret_ledig.yaml"

if not VARIABELMAPPE.is_dir():
    msg = (
        f"{VARIABELMAPPE} findes ikke: openfisca_dk_beskaeftigelse er importeret fra en "
        "kildekode-mappe. Installer pakken (`make install` eller `pip install .`) og kør "
        "uden for repoets rod, eller brug `make test`."
    )
    raise ImportError(msg)

# Versionen står ét sted, i pyproject.toml; pakken er altid installeret (se ovenfor).
__version__ = importlib.metadata.version("openfisca-dk-beskaeftigelse")


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Gældende dansk ret for beskæftigelsesindsatsen og sygedagpenge."""

    def __init__(self) -> None:
        super().__init__(entities.entities)
        # Ingen formel beregnes for en periode før modellens første måned (modelperiode.py).
        self.variables = VariablerFraFoersteMaaned()
        self.add_variables_from_directory(str(VARIABELMAPPE))
        self.load_parameters(str(PARAMETERMAPPE))
        self.parametre_med_huller = marker_huller(self.parameters)
        self.open_api_config = {
            "variable_example": "alder",
            "parameter_example": "sygedagpenge.arbejdsgiverperiode.dage",
            "simulation_example": spec_eksempel(self, indlaes_situation(SPEC_EKSEMPEL)),
        }
        if "openfisca_web_api.app" in sys.modules:
            # Under `openfisca serve` (og hvor OpenFiscas web-API ellers bruges) tilpasses appen.
            from openfisca_dk_beskaeftigelse.webapp import tilslut_openfisca_serve

            tilslut_openfisca_serve()

    def get_package_metadata(self) -> dict[str, str]:
        """OpenFiscas metadata med stier fra repoets rod, hvor variables/ og parameters/ ligger."""
        metadata = super().get_package_metadata()
        return {**metadata, "location": str(PAKKEMAPPE)}


__all__ = ["CountryTaxBenefitSystem", "__version__"]
