"""Beregn en situation: indlæs en situationsfil, byg simuleringen, hent og vis værdierne.

En situation er OpenFiscas eget format (samme som web-API'ets ``/calculate`` og en
YAML-tests ``input``), i YAML eller JSON.
"""

import datetime
import json
import math
import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
import yaml
from openfisca_core import periods
from openfisca_core.errors import SituationParsingError
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.tracers import SimpleTracer

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


class _DobbeltNoegle(yaml.constructor.ConstructorError):
    """En nøgle, der står to gange i samme objekt."""


class _SituationLoader(yaml.SafeLoader):
    """YAML uden automatisk datokonvertering: datoer forbliver tekst, som i web-API'et.

    En nøgle, der står to gange i samme objekt, er en fejl: PyYAML beholder ellers kun den sidste.
    """

    def construct_mapping(self, node, deep=False):
        sete = set()
        for noegle_node, _ in node.value:
            # '<<' fletter et andet objekt ind; dets nøgler må gerne overskrives.
            if noegle_node.tag == "tag:yaml.org,2002:merge":
                continue
            noegle = self.construct_object(noegle_node, deep=True)
            if isinstance(noegle, Hashable) and noegle in sete:
                raise _DobbeltNoegle(None, None, f"nøglen '{noegle}' står to gange", noegle_node.start_mark)
            sete.add(noegle)
        return super().construct_mapping(node, deep=deep)


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


def indlaes_yaml(sti: Path, felt: str = "SITUATION"):
    """Læs en YAML- eller JSON-fil som rene data; en fejl giver BrugerFejl, der nævner ``felt`` og filen.

    Indlæseren er PyYAML's sikre: et Python-mærke (fx ``!!python/object/apply:os.system``) afvises
    i stedet for at blive udført.
    """
    try:
        return yaml.load(Path(sti).read_text(encoding="utf-8"), Loader=_SituationLoader)
    except FileNotFoundError:
        raise BrugerFejl(f"{felt}: filen '{sti}' findes ikke") from None
    except IsADirectoryError:
        raise BrugerFejl(f"{felt}: '{sti}' er en mappe; angiv en fil") from None
    except OSError as fejl:
        raise BrugerFejl(f"{felt}: '{sti}' kan ikke læses ({fejl.strerror})") from None
    except UnicodeDecodeError as fejl:
        linje = fejl.object[: fejl.start].count(b"\n") + 1
        raise BrugerFejl(f"{felt}: '{sti}' er ikke UTF-8 (linje {linje}); gem filen som UTF-8") from None
    except _DobbeltNoegle as fejl:
        raise BrugerFejl(
            f"{felt}: '{sti}' (linje {fejl.problem_mark.line + 1}): {fejl.problem}; "
            "kun den sidste ville blive brugt"
        ) from None
    except yaml.constructor.ConstructorError as fejl:
        maerke = re.search(r"tag '([^']*)'", fejl.problem or "")
        vist = maerke.group(1).replace("tag:yaml.org,2002:", "!!") if maerke else "?"
        raise BrugerFejl(
            f"{felt}: '{sti}' (linje {fejl.problem_mark.line + 1}): mærket '{vist}' er ikke tilladt; "
            "filen må kun indeholde data (tekst, tal, lister og objekter)"
        ) from None
    except yaml.YAMLError as fejl:
        sted = getattr(fejl, "problem_mark", None)
        linje = f" (linje {sted.line + 1})" if sted else ""
        raise BrugerFejl(f"{felt}: '{sti}' er ikke gyldig YAML/JSON{linje}") from None


def indlaes_situation(sti: Path) -> dict:
    """Læs en situation fra en YAML- eller JSON-fil."""
    indhold = indlaes_yaml(sti)
    if not isinstance(indhold, dict):
        raise BrugerFejl(f"SITUATION: '{sti}' skal være et objekt med fx 'personer' og 'virksomheder'")
    return indhold


def byg_simulering(system, situation: dict):
    """Byg en OpenFisca-simulering; en situation, der ikke passer til entiteterne, giver BrugerFejl."""
    kontroller_typer(system, situation)
    try:
        return SimulationBuilder().build_from_entities(system, situation)
    except SituationParsingError as fejl:
        raise BrugerFejl(f"SITUATION: {_flad_fejl(fejl.error)}") from None


_ISO_DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


def kontroller_typer(system, situation: dict) -> None:
    """Hver angivet værdi skal have variablens type; ``null`` betyder "beregn værdien".

    OpenFisca selv konverterer uden at spørge ('false' bliver sand, 3,7 bliver 3, et Enum-tal
    bliver en tilfældig gruppe), så en forkert type giver her BrugerFejl med hele stien.
    Ukendte entiteter, variabler og roller overlades til OpenFiscas egne fejl.
    """
    if not isinstance(situation, dict):
        return
    for entitet in system.entities:
        medlemmer = situation.get(entitet.plural)
        if not isinstance(medlemmer, dict):
            continue
        for id_, felter in medlemmer.items():
            if not isinstance(felter, dict):
                continue
            for navn, vaerdier in felter.items():
                variabel = system.variables.get(navn)
                if variabel is None:
                    continue
                sti = f"{entitet.plural}/{id_}/{navn}"
                par = vaerdier.items() if isinstance(vaerdier, dict) else [(None, vaerdier)]
                for periode, v in par:
                    forventet = None if v is None else typefejl(variabel, v)
                    if forventet:
                        felt = sti if periode is None else f"{sti}/{periode}"
                        raise BrugerFejl(f"SITUATION: {felt}: forventede {forventet}, fik {_vist(v)}")


def typefejl(variabel, v) -> str | None:
    """Hvad variablen forventede, hvis ``v`` ikke er af dens type; ellers None."""
    type_ = variabel.value_type
    er_tal = isinstance(v, int | float) and not isinstance(v, bool)
    if type_ is bool:
        return None if isinstance(v, bool) else "sand/falsk (true/false)"
    if type_ is int:
        if not (er_tal and float(v).is_integer()):
            return "et helt tal"
        graenser = numpy.iinfo(variabel.dtype)
        return (
            None
            if graenser.min <= v <= graenser.max
            else f"et helt tal fra {graenser.min} til {graenser.max}"
        )
    if type_ is float:
        endeligt = er_tal and math.isfinite(v) and abs(v) <= numpy.finfo(variabel.dtype).max
        return None if endeligt else "et tal"
    if type_ is Enum:
        navne = list(variabel.possible_values.__members__)
        return None if isinstance(v, str) and v in navne else f"en af ({', '.join(navne)})"
    if type_ is datetime.date:
        return None if _er_dato(v) else "en dato som ÅÅÅÅ-MM-DD"
    return None if isinstance(v, type_) else f"en værdi af typen {type_.__name__}"


def _er_dato(v) -> bool:
    if isinstance(v, datetime.date):
        # Et tidspunkt ville miste sit klokkeslæt i OpenFisca.
        return not isinstance(v, datetime.datetime)
    if not isinstance(v, str) or not _ISO_DATO.fullmatch(v):
        return False
    try:
        datetime.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _vist(v) -> str:
    """Værdien, som brugeren skrev den (tekst i anførselstegn, ellers som JSON)."""
    return f"'{v}'" if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)


def _flad_fejl(fejl, sti="") -> str:
    """OpenFiscas fejl-træ (dpath laver lister af numeriske nøgler som '2026') som 'sti: besked'."""
    if isinstance(fejl, list):
        fejl = {i: v for i, v in enumerate(fejl) if v is not None}
    if isinstance(fejl, dict):
        (noegle, rest), *_ = fejl.items()
        return _flad_fejl(rest, f"{sti}/{noegle}" if sti else str(noegle))
    return f"{sti}: {fejl}"


class Laesninger(SimpleTracer):
    """OpenFiscas enkle sporing, der også husker hver (variabel, periode), beregningen læste."""

    def __init__(self) -> None:
        super().__init__()
        self.laest: set[tuple[str, periods.Period]] = set()

    def record_calculation_start(self, variable, period) -> None:
        super().record_calculation_start(variable, period)
        self.laest.add((variable, period))


def ignorerede_inddata(systemer, situation: dict, periode: str, laest) -> list[str]:
    """Inddata, som beregningen gik forbi, fordi de er angivet for andre perioder end dem, den læste.

    En advarsel per entitet/id/variabel, når beregningen læste variablen, men for ingen periode,
    som en angivet værdi dækker (så alle brugerens værdier for den blev ignoreret). En variabel,
    loven læser bagud (fx ``arbejdstimer`` i månederne før sygemeldingen), giver ingen advarsel,
    når de læste måneder har værdier. ETERNITY-variabler og ``null`` (beregn) tæller ikke med.
    """
    laeste: dict[str, list] = {}
    for navn, p in laest:
        laeste.setdefault(navn, []).append(p)
    advarsler = []
    for plural, id_, navn, angivne in _angivne_perioder(systemer, situation):
        perioder = laeste.get(navn)
        if not perioder or any(_overlapper(p, a) for p in perioder for a in angivne.values()):
            continue
        vist = (
            periode if any(str(p) == periode for p in perioder) else str(min(perioder, key=lambda p: p.start))
        )
        advarsler.append(
            f"{plural}/{id_}/{navn} har ingen værdi for {vist} (angivet for {', '.join(angivne)})"
        )
    return advarsler


def _angivne_perioder(systemer, situation: dict):
    """(entitet, id, variabel, {tekst: periode}) for hver variabel med værdier for bestemte perioder."""
    for entitet in systemer[0].entities:
        for id_, felter in (situation.get(entitet.plural) or {}).items():
            for navn, vaerdier in felter.items():
                variabel = next((s.variables[navn] for s in systemer if navn in s.variables), None)
                if (
                    variabel is None
                    or variabel.definition_period == periods.DateUnit.ETERNITY
                    or not isinstance(vaerdier, dict)
                ):
                    continue
                angivne = {str(k): periods.period(str(k)) for k, v in vaerdier.items() if v is not None}
                if angivne:
                    yield entitet.plural, id_, navn, angivne


def _overlapper(a, b) -> bool:
    return a.start <= b.stop and b.start <= a.stop


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
        vaerdier = simulering.calculate(navn, periode_for(variabel, periode))
        if isinstance(vaerdier, EnumArray):
            vaerdier = [medlem.name for medlem in vaerdier.decode()]
        for id_, v in zip(ids, vaerdier, strict=True):
            resultat.append(Vaerdi(entitet.plural, str(id_), navn, _python(v)))
    return resultat


def periode_for(variabel, periode: str):
    """Perioden, variablen beregnes for: ETERNITY for de evige, ellers måneden."""
    if variabel.definition_period == periods.DateUnit.ETERNITY:
        return _periode("ETERNITY")
    return _periode(periode)


@lru_cache(maxsize=1024)
def _periode(tekst: str):
    """OpenFiscas periode for teksten (fortolket én gang; perioderne ændres ikke)."""
    return periods.period(tekst)


def _python(v):
    if isinstance(v, numpy.datetime64):
        return v.astype("datetime64[D]").astype(datetime.date)
    if isinstance(v, numpy.generic):
        return v.item()
    return v
