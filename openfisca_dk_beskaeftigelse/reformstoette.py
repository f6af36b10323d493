"""Fælles støtte til reformerne: den hidtidige formel og parametriske reformers egne parametre.

En reform, der ændrer en regel for en del af borgerne, kalder den formel, variablen havde i
systemet før reformen (``tidligere_formel``), og ændrer kun resten. Så kan reformer, der
ændrer samme variabel på forskellige punkter, stables i vilkårlig rækkefølge.

Et forslag uden tal i kilden (fx hvor mange uger der skal gå, før sygedagpengene nedsættes)
er en *parametrisk* reform: dens tal ligger i ``reforms/parametre/<modul>.yaml`` med en
dokumenteret standardværdi og en henvisning til kilden, så en jurist kan ændre dem uden
Python. Reformen lægger dem ind i parametertræet under ``reformer.<modul>``.
"""

from pathlib import Path

from openfisca_core import periods
from openfisca_core.parameters import ParameterNode, load_parameter_file

import openfisca_dk_beskaeftigelse.reforms as reformpakke
from openfisca_dk_beskaeftigelse.parametre import marker_huller

REFORMPARAMETRE = Path(reformpakke.__file__).parent / "parametre"


def tidligere_formel(reform, navn: str, fra: str | None = None):
    """Variablen ``navn``s formel i systemet, reformen lægges på, som ``f(person, period, parameters)``.

    Med ``fra`` (en dato) bruges den formel, der gælder fra den dato, også for perioder før den:
    sådan gør en reform en senere lovændring gældende for tidligere år.
    """
    variabel = reform.variables[navn]

    def beregn(person, period, parameters):
        formel = variabel.get_formula(period if fra is None or str(period.start) >= fra else fra)
        if formel is None:
            return variabel.default_array(person.count)
        if formel.__code__.co_argcount == 2:
            return formel(person, period)
        return formel(person, period, parameters)

    return beregn


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


def _parameter(node: ParameterNode, sti: str):
    for navn in sti.split("."):
        node = node.children[navn]
    return node


def overfoer_reformparametre(reform, modul: str, til: dict[str, str]) -> None:
    """Som ``tilfoej_reformparametre``, og giv desuden gældende rets parametre nye værdier.

    ``til`` afbilder en parameter i gældende ret (sti i parametertræet, fx
    ``"lab.forholdstal.mindste_antal"``) på en parameter i modulets fil (fx ``"mindste_antal"``):
    den får reformparameterens værdier fra reformparameterens datoer og frem. Alt sker i én
    ``modify_parameters``, fordi OpenFisca lader hvert kald begynde forfra fra det system,
    reformen lægges på; to kald i samme reform ville tabe det første.
    """

    def overfoer(parametre: ParameterNode) -> ParameterNode:
        if "reformer" not in parametre.children:
            parametre.add_child("reformer", ParameterNode("reformer", data={}))
        node = load_parameter_file(str(REFORMPARAMETRE / f"{modul}.yaml"), name=f"reformer.{modul}")
        marker_huller(node)
        parametre.children["reformer"].add_child(modul, node)
        for sti, navn in til.items():
            maal = _parameter(parametre, sti)
            for vaerdi in reversed(_parameter(node, navn).values_list):
                maal.update(start=periods.instant(vaerdi.instant_str), value=vaerdi.value)
        return parametre

    reform.modify_parameters(overfoer)
