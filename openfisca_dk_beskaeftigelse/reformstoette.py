"""Fælles støtte til reformerne: parametriske reformers egne parametre.

Et forslag uden tal i kilden (fx hvor mange uger der skal gå, før sygedagpengene nedsættes)
er en *parametrisk* reform: dens tal ligger i ``reforms/parametre/<modul>.yaml`` med en
dokumenteret standardværdi og en henvisning til kilden, så en jurist kan ændre dem uden
Python. Reformen lægger dem ind i parametertræet under ``reformer.<modul>``.
"""

from pathlib import Path

from openfisca_core.parameters import ParameterNode, load_parameter_file

import openfisca_dk_beskaeftigelse.reforms as reformpakke
from openfisca_dk_beskaeftigelse.parametre import marker_huller

REFORMPARAMETRE = Path(reformpakke.__file__).parent / "parametre"


def tilfoej_reformparametre(reform, modul: str) -> None:
    """Læg ``reforms/parametre/<modul>.yaml`` ind under ``parameters.reformer.<modul>``."""

    def tilfoej(parametre: ParameterNode) -> ParameterNode:
        if "reformer" not in parametre.children:
            parametre.add_child("reformer", ParameterNode("reformer", data={}))
        node = load_parameter_file(str(REFORMPARAMETRE / f"{modul}.yaml"), name=f"reformer.{modul}")
        marker_huller(node)
        parametre.children["reformer"].add_child(modul, node)
        return parametre

    reform.modify_parameters(tilfoej)
