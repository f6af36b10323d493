"""Fælles støtte til reformerne: den hidtidige formel og parametriske reformers egne parametre.

En reform, der ændrer en regel for en del af borgerne, kalder den formel, variablen havde i
systemet før reformen (``tidligere_formel``), og ændrer kun resten. Så kan reformer, der
ændrer samme variabel på forskellige punkter, stables i vilkårlig rækkefølge.

Et forslag uden tal i kilden (fx hvor mange uger der skal gå, før sygedagpengene nedsættes)
er en *parametrisk* reform: dens tal ligger i ``reforms/parametre/<modul>.yaml`` med en
dokumenteret standardværdi og en henvisning til kilden, så en jurist kan ændre dem uden
Python. Reformen lægger dem ind i parametertræet under ``reformer.<modul>``.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy
from openfisca_core import periods
from openfisca_core.parameters import ParameterNode, load_parameter_file
from openfisca_core.variables import Variable

import openfisca_dk_beskaeftigelse.reforms as reformpakke
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, maaned_slut, maaned_start, plus_dage
from openfisca_dk_beskaeftigelse.parametre import kopi, marker_huller

REFORMPARAMETRE = Path(reformpakke.__file__).parent / "parametre"
INGEN = numpy.datetime64(INGEN_DATO, "D")


@dataclass(frozen=True)
class UdenVirkning:
    """En periode, hvor reformen intet ændrer for de borgere, forslaget handler om.

    Typisk fordi loven allerede har gjort det (fx lov nr. 1750/2025). En reform lister sine
    perioder i ``uden_virkning``; katalogsiden og reformens side viser dem, og en test kræver, at
    hver måned, hvor reformens testpersoner får samme uddata som under gældende ret, er dækket.
    ``fra`` og ``til`` er ISO-datoer (første og sidste dag); ``til = None``: fortsat.
    """

    fra: str
    til: str | None
    hvorfor: str

    def daekker(self, maaned: str) -> bool:
        """Sand, hvis hele måneden (``"2026-03"``) ligger i perioden."""
        periode = periods.period(maaned)
        return str(periode.start) >= self.fra and (self.til is None or str(periode.stop) <= self.til)

    def tekst(self) -> str:
        tidsrum = f"fra {self.fra}" if self.til is None else f"{self.fra} til {self.til}"
        return f"{tidsrum}: {self.hvorfor}"


def tidligere_formel(reform, navn: str):
    """Variablen ``navn``s formel i systemet, reformen lægges på, som ``f(person, period, parameters)``.

    En senere lovændring gøres gældende for tidligere år gennem dens parameter (``gaelder_fra``).
    """
    variabel = reform.variables[navn]

    def beregn(person, period, parameters):
        formel = variabel.get_formula(period)
        if formel is None:
            return variabel.default_array(person.count)
        if formel.__code__.co_argcount == 2:
            return formel(person, period)
        return formel(person, period, parameters)

    return beregn


def aendr_parametre(reform, *aendringer, modul: str | None = None) -> None:
    """Ændr reformens parametre på én kopi af grundlagets, som ``Reform.modify_parameters``.

    Kopien er ``parametre.kopi`` (hurtigere end OpenFiscas ``deepcopy``), så en reform kalder det
    én gang: her lægges reformens egne parametre ind (``modul``), og hver ``aendring(parametre)``
    køres på kopien.
    """
    parametre = kopi(reform.baseline.parameters)
    if modul is not None:
        _tilfoej(parametre, modul)
    for aendring in aendringer:
        aendring(parametre)
    reform.parameters = parametre
    reform._parameters_at_instant_cache = {}


def tilfoej_reformparametre(reform, modul: str) -> None:
    """Læg ``reforms/parametre/<modul>.yaml`` ind under ``parameters.reformer.<modul>``."""
    aendr_parametre(reform, modul=modul)


def _tilfoej(parametre: ParameterNode, modul: str) -> None:
    if "reformer" not in parametre.children:
        parametre.add_child("reformer", ParameterNode("reformer", data={}))
    parametre.children["reformer"].add_child(modul, kopi(_reformens_fil(modul)))


@cache
def _reformens_fil(modul: str) -> ParameterNode:
    """``reforms/parametre/<modul>.yaml`` indlæst én gang; hvert system får sin egen kopi."""
    node = load_parameter_file(str(REFORMPARAMETRE / f"{modul}.yaml"), name=f"reformer.{modul}")
    marker_huller(node)
    return node


def parameter(parametre: ParameterNode, sti: str):
    """Parameteren med den punktadskilte sti (fx ``lab.kontaktforloeb.faellessamtaler_6_maaneder``)."""
    node = parametre
    for del_ in sti.split("."):
        node = node.children[del_]
    return node


def aendr_vaerdier(parametre: ParameterNode, sti: str, funktion) -> None:
    """Erstat hver dateret værdi v af parameteren med ``funktion(v)`` (datoerne bevares)."""
    for vaerdi in parameter(parametre, sti).values_list:
        if vaerdi.value is not None:
            vaerdi.value = funktion(vaerdi.value)


def gaelder_fra(parametre: ParameterNode, sti: str, fra: str, tidligere_fra: str) -> None:
    """Lad parameterens værdi pr. ``fra`` gælde allerede fra ``tidligere_fra``.

    Sådan gør en reform en senere lovændring gældende for tidligere år; værdien kopieres, så
    en anden reform, der har ændret værdien pr. ``fra``, følger med (reformerne kan stables).
    """
    param = parameter(parametre, sti)
    param.update(
        start=periods.instant(tidligere_fra),
        stop=periods.instant(fra).offset(-1, "day"),
        value=param(fra),
    )


def uden_rehabiliteringsteamets_krav(parametre: ParameterNode) -> None:
    """Kravet om at forelægge sager for rehabiliteringsteamet og om lægeattesten LÆ 265 til det
    gælder ikke i nogen periode (de to reformer, der fjerner teamets krav, gør det ens)."""
    for sti in (
        "sygedagpenge.rehabiliteringsteam.forelaeggelse_kraeves",
        "sygedagpenge.rehabiliteringsteam.le265_kraeves",
    ):
        aendr_vaerdier(parametre, sti, lambda _: False)


def betalingsdage_fra(person, period, fra) -> numpy.ndarray:
    """Kommunens betalingsdage (hverdage) i måneden fra og med datoen ``fra`` (0 uden dato).

    Til reformer, der nedsætter sygedagpengene fra en dato i stedet for at stoppe dem.
    """
    start = numpy.maximum(
        numpy.maximum(fra, person("sygedagpenge_kommune_fra", period)), maaned_start(period)
    )
    dage = numpy.maximum(numpy.busday_count(start, plus_dage(maaned_slut(period), 1)), 0)
    return numpy.where((fra != INGEN) & person("sygedagpenge_udbetales", period), dage, 0)


def nedsat_maanedsbeloeb(person, period, nedsatte_dage, andel) -> numpy.ndarray:
    """Sygedagpenge i måneden, når ``nedsatte_dage`` af betalingsdagene udbetales med ``andel``."""
    alle = person("sygedagpenge_betalingsdage_kommune", period)
    return person("sygedagpenge_dagsats", period) * (alle - nedsatte_dage + andel * nedsatte_dage)


def overfoer_reformparametre(reform, modul: str, til: dict[str, str]) -> None:
    """Læg reformens parametre ind (som ``tilfoej_reformparametre``) og giv gældende rets
    parametre nye værdier fra dem.

    ``til`` afbilder en parameter i gældende ret (sti, fx ``"lab.forholdstal.mindste_antal"``)
    på en parameter i reformens fil (fx ``"mindste_antal"``): den får reformparameterens værdier
    fra reformparameterens datoer og frem.
    """

    # Reformfiler, der ændrer reformparameteren senere, ændrer også gældende rets parameter.
    reform.overfoerte_parametre = {
        f"reformer.{modul}.{navn}": tuple(s for s, n in til.items() if n == navn) for navn in til.values()
    }

    def overfoer(parametre: ParameterNode) -> None:
        for sti, navn in til.items():
            maal = parameter(parametre, sti)
            for vaerdi in reversed(parameter(parametre, f"reformer.{modul}.{navn}").values_list):
                maal.update(start=periods.instant(vaerdi.instant_str), value=vaerdi.value)

    aendr_parametre(reform, overfoer, modul=modul)


def fordel_maalgrupper(person, period, fordeling, grupper, uden):
    """Målgruppen efter LAB § 6 (``maalgruppe_lab_6``) fordelt på en reforms nye grupper.

    ``fordeling`` er reformens parameter med én værdi per § 6-målgruppe (navnet på den nye
    gruppe i Enum'en ``grupper``); ``uden`` er gruppen for en værdi, fordelingen ikke nævner.
    """
    lab_6 = person("maalgruppe_lab_6", period)
    gamle = list(lab_6.possible_values)
    return numpy.select(
        [lab_6 == gammel for gammel in gamle], [grupper[fordeling[gammel.name]] for gammel in gamle], uden
    )


# Ændringer, som flere reformer laver ens; hver reform lægger dem på med update_variable.


class opfoelgning_telefon_video_fra(Variable):
    label = "Fra denne dato kan den sygemeldte vælge telefon eller video (fra første fraværsdag)"

    def formula(person, period):
        sag = person("opfoelgning_omfattet", period)
        return numpy.where(sag, person("sygemelding_startdato", period), INGEN)


class sygedagpenge_varighedsbegraenset(Variable):
    """§ 24: ingen ophørsdato (de sygemeldte bliver på sygedagpenge); § 25: som hidtil."""

    label = "Udbetalingen ophører ved varighedsgrænsen (kun pensionister m.fl. efter § 25)"

    def formula(person, period):
        return person("sygedagpenge_26_ugers_graense", period)


class sygedagpenge_revurderes(Variable):
    """§ 24: intet revurderingstidspunkt; § 25: som hidtil."""

    label = "Sygedagpengeperioden revurderes ved varighedsgrænsen (kun pensionister m.fl. efter § 25)"

    def formula(person, period):
        return person("sygedagpenge_26_ugers_graense", period)


class kontaktforloeb_efter_aftale(Variable):
    label = "Aftalt kontaktforløb og ret til jobsamtaler efter ønske (fra første dag)"

    def formula(person, period):
        return person("kontaktforloeb_omfattet", period)
