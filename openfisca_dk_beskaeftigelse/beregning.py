"""Beregn en situation: indlæs en situationsfil, byg simuleringen, hent og vis værdierne.

En situation er OpenFiscas eget format (samme som web-API'ets ``/calculate`` og en
YAML-tests ``input``), i YAML eller JSON.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

import numpy
import yaml
from openfisca_core import periods
from openfisca_core.errors import SituationParsingError
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO


class BrugerFejl(ValueError):
    """Fejl i det, brugeren har sendt: vises som én linje, der nævner feltet."""


@dataclass(frozen=True)
class Vaerdi:
    """Én variabels værdi for én person eller ét arbejdssted."""

    entitet: str
    id: str
    variabel: str
    vaerdi: object

    def tekst(self, variabel) -> str:
        """Værdien, som en jurist læser den: Enum ved sin danske tekst, kroner med to decimaler."""
        v = self.vaerdi
        if isinstance(v, datetime.date):
            return "ingen" if v == INGEN_DATO else v.isoformat()
        if isinstance(v, bool):
            return "ja" if v else "nej"
        if isinstance(v, float):
            return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        if variabel.value_type is Enum:
            return variabel.possible_values[v].value
        return str(v)


class _SituationLoader(yaml.SafeLoader):
    """YAML uden automatisk datokonvertering: datoer forbliver tekst, som i web-API'et."""


_SituationLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


# Modellen dækker lovgivningen fra januar 2020 (parametrene er daterede fra da).
FOERSTE_MAANED = "2020-01"


def gyldig_maaned(tekst: str, felt: str = "--periode") -> str:
    """En måned som OpenFisca-periode ('2026-03'); alt andet giver BrugerFejl med feltets navn."""
    try:
        periode = periods.period(tekst)
    except (ValueError, TypeError):
        raise BrugerFejl(f"{felt}: '{tekst}' er ikke en måned; brug fx 2026-03") from None
    if periode.unit != periods.DateUnit.MONTH or periode.size != 1:
        raise BrugerFejl(f"{felt}: '{tekst}' er ikke én måned; brug fx 2026-03")
    if str(periode) < FOERSTE_MAANED:
        raise BrugerFejl(f"{felt}: '{tekst}' ligger før modellens første måned, {FOERSTE_MAANED}")
    return str(periode)


def indlaes_situation(sti: Path) -> dict:
    """Læs en situation fra en YAML- eller JSON-fil."""
    try:
        indhold = yaml.load(Path(sti).read_text(encoding="utf-8"), Loader=_SituationLoader)
    except FileNotFoundError:
        raise BrugerFejl(f"SITUATION: filen '{sti}' findes ikke") from None
    except yaml.YAMLError as fejl:
        sted = getattr(fejl, "problem_mark", None)
        linje = f" (linje {sted.line + 1})" if sted else ""
        raise BrugerFejl(f"SITUATION: '{sti}' er ikke gyldig YAML/JSON{linje}") from None
    if not isinstance(indhold, dict):
        raise BrugerFejl(f"SITUATION: '{sti}' skal være et objekt med fx 'personer' og 'virksomheder'")
    return indhold


def byg_simulering(system, situation: dict):
    """Byg en OpenFisca-simulering; en situation, der ikke passer til entiteterne, giver BrugerFejl."""
    try:
        return SimulationBuilder().build_from_entities(system, situation)
    except SituationParsingError as fejl:
        raise BrugerFejl(f"SITUATION: {_flad_fejl(fejl.error)}") from None


def _flad_fejl(fejl, sti="") -> str:
    """OpenFiscas fejl-træ (dpath laver lister af numeriske nøgler som '2026') som 'sti: besked'."""
    if isinstance(fejl, list):
        fejl = {i: v for i, v in enumerate(fejl) if v is not None}
    if isinstance(fejl, dict):
        (noegle, rest), *_ = fejl.items()
        return _flad_fejl(rest, f"{sti}/{noegle}" if sti else str(noegle))
    return f"{sti}: {fejl}"


def beregn(system, situation: dict, periode: str, variabler: list[str]) -> list[Vaerdi]:
    """Beregn ``variabler`` for hver person og hvert arbejdssted i situationen."""
    return vaerdier(system, byg_simulering(system, situation), periode, variabler)


def byg_simulering_fra_test(system, indata: dict, periode: str):
    """Byg en simulering fra en YAML-tests ``input`` (også den flade form for én person)."""
    bygger = SimulationBuilder()
    bygger.set_default_period(periode)
    return bygger.build_from_dict(system, indata)


def vaerdier(system, simulering, periode: str, variabler: list[str]) -> list[Vaerdi]:
    """Hent ``variabler`` fra en bygget simulering."""
    resultat = []
    for navn in variabler:
        variabel = system.variables[navn]
        population = simulering.get_variable_population(navn)
        entitet = population.entity
        ids = population.ids
        vaerdier = simulering.calculate(navn, _periode_for(variabel, periode))
        if isinstance(vaerdier, EnumArray):
            vaerdier = [medlem.name for medlem in vaerdier.decode()]
        for id_, v in zip(ids, vaerdier, strict=True):
            resultat.append(Vaerdi(entitet.plural, str(id_), navn, _python(v)))
    return resultat


def _periode_for(variabel, periode: str):
    if variabel.definition_period == periods.DateUnit.ETERNITY:
        return periods.period("ETERNITY")
    return periods.period(periode)


def _python(v):
    if isinstance(v, numpy.datetime64):
        return v.astype("datetime64[D]").astype(datetime.date)
    if isinstance(v, numpy.generic):
        return v.item()
    return v
