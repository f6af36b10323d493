"""YAML-tests for fagmedarbejdere: ``dk-beskaeftigelse test FILER…``.

1. Filerne indlæses sikkert (``beregning.indlaes_yaml``: kun data; et Python-mærke afvises, hvor
   ``openfisca test`` ville udføre det).
2. Hvert tilfælde kontrolleres, før noget køres: ukendte nøgler og variabler (med de nærmeste
   navne), Enum-værdier (med de gyldige), perioder, reformstier, id'er. Hvert problem er én
   linje med fil, tilfælde og nøgle; er der problemer, køres intet.
3. Tilfældene køres med OpenFiscas egen runner (``openfisca_core.tools.test_runner``: samme
   pytest-punkter, samme beregning og sammenligning, samme fejlbesked som ``openfisca test``).
   Et hul i kilderne eller en manglende oplysning giver én linje i stedet for et traceback.

Byggestenene kan genbruges med andre systemer (fx en jurists egen reformfil):
``find_filer`` → ``indlaes`` → ``kontroller(tilfaelde, systemer)`` → ``koer(tilfaelde, systemer)``,
hvor ``Systemer`` siger, hvilke reformstier et tilfælde må nævne, og bygger systemet for dem.
Et tilfælde kan nævne en reformfil under ``reforms:`` (``mit_forslag.yaml``, relativt til
testfilen); ``med_reformfiler`` gør den til et regime, før tilfældene kontrolleres.
"""

import difflib
import math
import os
import re
import sys
import tempfile
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import pytest
from openfisca_core import periods
from openfisca_core.errors import ParameterNotFoundError, PeriodMismatchError, SituationParsingError
from openfisca_core.indexed_enums import Enum
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.tools import test_runner

import openfisca_dk_beskaeftigelse.reforms as reformpakke
from openfisca_dk_beskaeftigelse import reformfil
from openfisca_dk_beskaeftigelse.beregning import (
    FOERSTE_MAANED,
    SIDSTE_MAANED,
    TESTNOEGLER,
    BrugerFejl,
    SituationsFejl,
    byg_simulering_fra_test,
    egne_inddata,
    indlaes_yaml,
    med_tilfaeldets_periode,
    slutter_efter_modellen,
    typefejl,
)
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.modelperiode import foer_modellen
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import (
    PAKKER,
    STAK,
    UkendtRegimeError,
    byg_system,
    reformklasser,
)
from openfisca_dk_beskaeftigelse.vaerdiomraader import DATO_TIL

FELT = "FIL"
REFORMPAKKE = reformpakke.__name__
ENHEDER = {periods.DateUnit.MONTH: "måned", periods.DateUnit.YEAR: "år", periods.DateUnit.DAY: "dag"}
ENDELSER = (".yaml", ".yml")
# Nøgler, som kører Python-kode fra andre pakker (OpenFiscas udvidelser); en fremmed fil må ikke det.
FORBUDTE_NOEGLER = ("extensions",)
# Fejlmarginerne: et tal for alle variabler, eller et objekt med et tal per variabel og "default"
# for resten (``test_runner.build_test`` og ``ErrorMargin``).
MARGENER = ("absolute_error_margin", "relative_error_margin")
STANDARDMARGEN = "default"


@dataclass(frozen=True)
class Tilfaelde:
    """Ét tilfælde (én test) i en YAML-fil, som det blev indlæst."""

    fil: Path
    nr: int
    data: object

    @property
    def navn(self) -> str:
        navn = self.data.get("name") if isinstance(self.data, dict) else None
        return str(navn) if navn else f"tilfælde nr. {self.nr}"

    @property
    def reformstier(self) -> list:
        # Et tilfælde, der ikke er et objekt, har ingen reformer (kontrollen melder det).
        reformer = (self.data.get("reforms") if isinstance(self.data, dict) else None) or []
        return reformer if isinstance(reformer, list) else [reformer]


@dataclass(frozen=True)
class Problem:
    """Et problem i en testfil, fundet før kørslen."""

    fil: Path
    tilfaelde: str | None
    noegle: str | None
    besked: str

    def __str__(self) -> str:
        dele = [str(self.fil), self.tilfaelde, self.noegle, self.besked]
        return ": ".join(d for d in dele if d)


@dataclass(frozen=True)
class Systemer:
    """Systemerne, tilfældene kontrolleres og køres mod.

    ``reformer``: de reformstier, et tilfælde må nævne under ``reforms:``, med regimenøglen for hver;
    ``byg``: systemet for en stak af regimenøgler (``a+b``; ``gaeldende_ret`` for ingen), der rejser
    ``UkendtRegimeError`` med grunden, hvis stakken ikke kan bygges.
    """

    reformer: Mapping[str, str]
    byg: Callable[[str], object]
    gaeldende_ret: str = "gaeldende_ret"

    def stak(self, stier: list) -> str:
        return STAK.join(self.reformer[s] for s in stier) or self.gaeldende_ret

    def system(self, stier: list):
        return self.byg(self.stak(stier))


def registrets_systemer() -> Systemer:
    """Regimeregistrets reformer; systemerne bygges én gang per proces (``regimer.byg_system``)."""
    reformer = {f"{k.__module__}.{k.__name__}": noegle for noegle, k in reformklasser().items()}
    return Systemer(reformer, byg_system)


def find_filer(stier: list[Path]) -> list[Path]:
    """YAML-filerne i ``stier`` (filer og mapper, mapper rekursivt), sorteret og uden gentagelser."""
    filer = []
    for sti in map(Path, stier):
        if sti.is_dir():
            fundne = sorted(
                f
                for f in sti.rglob("*")
                if f.suffix in ENDELSER and f.is_file() and not _skjult(f.relative_to(sti))
            )
            if not fundne:
                raise BrugerFejl(f"{FELT}: mappen '{sti}' indeholder ingen YAML-filer (.yaml, .yml)")
            filer += fundne
        elif not sti.exists():
            raise BrugerFejl(f"{FELT}: filen '{sti}' findes ikke")
        elif sti.suffix not in ENDELSER:
            raise BrugerFejl(f"{FELT}: '{sti}' er ikke en YAML-fil (.yaml, .yml)")
        else:
            filer.append(sti)
    return list(dict.fromkeys(filer))


def _skjult(sti: Path) -> bool:
    """En fil i en skjult mappe (fx .venv, .git), som pytest heller ikke leder i."""
    return any(del_.startswith(".") for del_ in sti.parts)


def indlaes(fil: Path) -> tuple[list[Tilfaelde], list[Problem]]:
    """Tilfældene i én fil (sikkert indlæst), eller problemet med filen."""
    try:
        indhold = indlaes_yaml(fil, FELT)
    except BrugerFejl as fejl:
        besked = str(fejl).removeprefix(f"{FELT}: '{fil}' ")
        return [], [Problem(fil, None, None, re.sub(r"^\((linje \d+)\)", r"\1", besked))]
    if indhold is None:
        return [], [Problem(fil, None, None, "filen er tom; skriv en liste af tilfælde")]
    if indhold == []:
        return [], [Problem(fil, None, None, "listen har ingen tilfælde; skriv mindst ét")]
    # OpenFisca godtager også ét tilfælde uden liste.
    liste = indhold if isinstance(indhold, list) else [indhold]
    return [Tilfaelde(fil, nr, data) for nr, data in enumerate(liste, start=1)], []


def udvalgte(tilfaelde: list[Tilfaelde], navnefilter: str | None) -> list[Tilfaelde]:
    """Tilfældene, som ``-n`` vælger: OpenFiscas egen regel (filnavn, testens navn eller keywords)."""
    if navnefilter is None:
        return tilfaelde
    return [
        t
        for t in tilfaelde
        if not isinstance(t.data, dict)
        or not test_runner.YamlFile.should_ignore(
            types.SimpleNamespace(options={"name_filter": navnefilter}, path=t.fil), t.data
        )
    ]


def _mente_du(navn, kandidater, n: int = 3) -> str:
    naermeste = difflib.get_close_matches(str(navn), list(kandidater), n=n, cutoff=0.6)
    return f"; mente du {' eller '.join(naermeste)}?" if naermeste else ""


def _ascii(tekst: str) -> str:
    """Et navn, som det ville stå i modellen: små bogstaver, æ→ae, ø→oe, å→aa, _ for mellemrum."""
    tekst = tekst.strip().lower()
    for dansk, ascii_ in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), (" ", "_"), ("-", "_")):
        tekst = tekst.replace(dansk, ascii_)
    return tekst


def _vist(v) -> str:
    return f"'{v}'" if isinstance(v, str) else repr(v)


def _er_tal(v) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _margen_ok(v, *, tekst: bool) -> bool:
    """En margen, som OpenFiscas runner kan bruge: et endeligt tal, der ikke er negativt (``null``: ingen).

    En margen for alle variabler må være en tekst, OpenFisca kan læse som tal (``float("0.5")``); en
    margen per variabel bruges, som den er, og må ikke. En negativ absolut margen får en rigtig værdi
    til at fejle; uendelig eller NaN gør testen meningsløs.
    """
    if v is None:
        return True
    if tekst and isinstance(v, str):
        try:
            v = float(v)
        except ValueError:
            return False
    return _er_tal(v) and math.isfinite(v) and v >= 0


def _en_af_variablens_perioder(enhed, periode) -> bool:
    """Perioden er én af variablens perioder (én måned for en månedsvariabel); en evig variabel har
    kun én."""
    return enhed == periods.DateUnit.ETERNITY or (periode.unit == enhed and periode.size == 1)


class _Kontrol:
    """Kontrollen af ét tilfælde; ``problemer`` samler en linje per fund."""

    def __init__(self, tilfaelde: Tilfaelde, systemer: Systemer) -> None:
        self.t = tilfaelde
        self.systemer = systemer
        self.problemer: list[Problem] = []
        self.foer_modellen_meldt = False
        # Tilfældets period (None, hvis den mangler eller er et problem), og variablerne i output,
        # dem uden periode for sig (de beregnes for tilfældets period).
        self.testperiode = None
        self.uddata: set[str] = set()
        self.udaterede: dict[str, object] = {}

    def problem(self, noegle: str | None, besked: str) -> None:
        self.problemer.append(Problem(self.t.fil, self.t.navn, noegle, besked))

    def kontroller(self) -> None:
        data = self.t.data
        if not isinstance(data, dict):
            self.problem(None, "et tilfælde skal være et objekt med name, period, input og output")
            return
        kendte = sorted(set(TESTNOEGLER) - set(FORBUDTE_NOEGLER))
        for noegle in data:
            if noegle in FORBUDTE_NOEGLER:
                self.problem(noegle, "understøttes ikke (indlæser Python-kode fra en anden pakke)")
            elif noegle not in TESTNOEGLER:
                mente = _mente_du(noegle, [k for k in kendte if k not in data])
                self.problem(noegle, f"ukendt nøgle{mente} Kendte nøgler: {', '.join(kendte)}")
        for noegle in ("input", "output"):
            if noegle not in data:
                self.problem(noegle, "mangler")
            else:
                self.objekt(noegle, data[noegle])
        if "period" in data:
            self.testperiode = self.periode("period", data["period"])
        for noegle in MARGENER:
            if noegle in data:
                self.margen(noegle, data[noegle])
        if "max_spiral_loops" in data:
            self.spiralgraense(data["max_spiral_loops"])
        if data.get("parameters"):
            # OpenFiscas runner erstatter hele parametertræet med testens (InYamlTestReform): enhver
            # beregning, der læser en anden parameter, fejler med et traceback.
            self.problem(
                "parameters",
                "erstatter hele modellens parametertræ i OpenFiscas runner, så beregningen ikke finder "
                "de andre satser og frister; skriv ændringen i en reformfil og nævn den under reforms:",
            )
        self.skattesystem = self.reformsystem()
        if self.skattesystem is None:
            return
        self.entiteter = {e.plural: e for e in self.skattesystem.entities}
        self.ental = {e.key: e for e in self.skattesystem.entities}
        self.ider: dict[str, set] = {}
        if isinstance(data.get("input"), dict):
            self.indhold("input", data["input"], inddata=True)
            if not self.problemer:
                self.blanding(data["input"], data.get("period"))
        if isinstance(data.get("output"), dict):
            self.indhold("output", data["output"], inddata=False)
        self.udaterede_i_output()
        for noegle in MARGENER:
            if isinstance(data.get(noegle), dict):
                self.margen_per_variabel(noegle, data[noegle])

    def udaterede_i_output(self) -> None:
        """En værdi i output uden periode beregnes for tilfældets period, som så skal være én af
        variablens perioder (én måned); ellers kan OpenFisca ikke beregne den (ETERNITY, et år)."""
        periode = self.testperiode
        if periode is None:
            return
        forkerte = sorted(
            navn for navn, enhed in self.udaterede.items() if not _en_af_variablens_perioder(enhed, periode)
        )
        if forkerte:
            enheder = {ENHEDER.get(self.udaterede[n], self.udaterede[n]) for n in forkerte}
            enhed = enheder.pop() if len(enheder) == 1 else "periode"
            self.problem(
                "period",
                f"{periode} er ikke én {enhed}, men {', '.join(forkerte)} i output har ingen periode og "
                f"beregnes for én {enhed} ad gangen; skriv fx period: 2026-03, eller perioden ved hver værdi",
            )

    def margen(self, noegle: str, margen) -> None:
        """``absolute_error_margin``/``relative_error_margin``: et tal for alle variabler, eller et objekt
        (kontrolleres med variablerne, ``margen_per_variabel``)."""
        if isinstance(margen, dict) or _margen_ok(margen, tekst=True):
            return
        self.problem(
            noegle,
            f"skal være et tal, der ikke er negativt (fx 0.01), eller et objekt med en margen per variabel "
            f"og {STANDARDMARGEN} for resten (fx {{alder: 0, {STANDARDMARGEN}: 0.01}}); fik {_vist(margen)}",
        )

    def margen_per_variabel(self, noegle: str, margener: dict) -> None:
        """En margen per variabel: nøglerne er variabler eller ``default``, som OpenFisca bruger for
        en variabel uden sin egen; uden ``default`` må ingen variabel i output mangle (``KeyError``)."""
        for navn, margen in margener.items():
            sti = f"{noegle}/{navn}"
            if navn != STANDARDMARGEN and navn not in self.skattesystem.variables:
                kandidater = [STANDARDMARGEN, *self.skattesystem.variables]
                self.problem(sti, f"ukendt variabel{_mente_du(navn, kandidater)}")
            elif not _margen_ok(margen, tekst=False):
                self.problem(sti, f"skal være et tal, der ikke er negativt (fx 0.01); fik {_vist(margen)}")
        mangler = sorted(self.uddata - set(margener))
        if STANDARDMARGEN not in margener and mangler:
            self.problem(
                noegle,
                f"har ingen margen for {', '.join(mangler)} i output og ingen {STANDARDMARGEN}; "
                f"skriv fx {STANDARDMARGEN}: 0",
            )

    def spiralgraense(self, graense) -> None:
        """``max_spiral_loops``: hvor mange gange en variabel må beregnes for en tidligere periode
        inden for sig selv (OpenFiscas ``Simulation.max_spiral_loops``); 0 betyder standarden, 1."""
        if not (_er_tal(graense) and float(graense).is_integer() and graense >= 0):
            self.problem(
                "max_spiral_loops",
                f"skal være et helt tal, der ikke er negativt (fx 1); fik {_vist(graense)}",
            )

    def blanding(self, indhold: dict, periode) -> None:
        """Flere medlemmer af en entitet, hvis inddata OpenFiscas runner blander (den samler dem per
        periodenøgle, som den er skrevet): så forventer testen ikke det, et medlem får alene, og
        pakkens egen beregning (``beregning.Bygger``) giver noget andet end runneren."""
        system = self.skattesystem
        if any(k in self.ental for k in indhold):
            indhold = SimulationBuilder().explicit_singular_entities(system, indhold)
        if not any(k in self.entiteter for k in indhold):
            return  # én person uden entiteter: intet at blande
        if periode is not None:
            # Runneren giver en værdi uden periode tilfældets periode og blander den som en skrevet.
            indhold = med_tilfaeldets_periode(system, indhold, str(periode))
        egne = egne_inddata(system, indhold)
        personer = indhold.get(system.person_entity.plural) or {}
        # En person uden arbejdssted ved et arbejdssted med inddata meldes ikke: runnerens resultat
        # er ofte det samme (tests/lab/forholdstal.yaml); pakkens beregning giver hende sit eget.
        for flertal, medlemmer in indhold.items():
            nye = egne.get(flertal)
            if flertal not in self.entiteter or nye is medlemmer:
                continue
            omskrevne = sorted(
                {
                    n
                    for i, felter in medlemmer.items()
                    if isinstance(felter, dict)
                    for n in felter
                    if nye[i][n] != felter[n]
                }
            )
            if omskrevne:
                self.problem(
                    f"input/{flertal}",
                    f"{', '.join(omskrevne)}: perioderne er skrevet, så OpenFiscas runner blander "
                    "medlemmernes værdier (en anden form end OpenFiscas, fx month:2026-03, eller et år "
                    "hos én og en måned hos en anden); skriv dem ens for alle, som OpenFisca skriver "
                    "dem (2026-03, 2026)",
                )
        if self.problemer or all(len(m) < 2 for m in (personer, *egne.values()) if isinstance(m, dict)):
            return  # intet medlem at blande med
        try:
            byg_simulering_fra_test(system, indhold, str(periode) if periode is not None else None)
        except SituationsFejl as fejl:
            self.problem(f"input/{fejl.sti}", fejl.besked)
        except (SituationParsingError, PeriodMismatchError, ValueError):
            return  # runneren melder selv en situation, den ikke kan bygge

    def periode(self, noegle: str, tekst, *, beregnet=True):
        """En periode skal kunne læses, og en beregnet periode må ikke ligge før modellens første måned
        (én linje per tilfælde); input for tidligere måneder er tilladt, for reglerne læser bagud.
        Ingen periode må slutte efter modellens sidste måned (OpenFisca regner dagen efter ud).
        Perioden, eller None, hvis den er et problem."""
        try:
            periode = periods.period(str(tekst))
        except (ValueError, TypeError):
            self.problem(noegle, f"{_vist(tekst)} er ikke en periode; brug fx 2026-03 eller 2026")
            return None
        if beregnet and foer_modellen(periode):
            if not self.foer_modellen_meldt:
                self.foer_modellen_meldt = True
                self.problem(noegle, f"{tekst} ligger før modellens første måned, {FOERSTE_MAANED}")
            return None
        if slutter_efter_modellen(periode):
            hvor = "ligger" if periode.start.date > DATO_TIL else "slutter"
            self.problem(noegle, f"{tekst} {hvor} efter modellens sidste måned, {SIDSTE_MAANED}")
            return None
        return periode

    def periodelaengde(self, felt: str, variabel, periode) -> None:
        """Et input for flere måneder (eller et år) kræver, at variablen kan fordele det (``set_input``)."""
        enhed = variabel.definition_period
        if _en_af_variablens_perioder(enhed, periode):
            return
        if periode.unit == periods.DateUnit.ETERNITY or variabel.set_input is None:
            navn = ENHEDER.get(enhed, enhed)
            self.problem(felt, f"{variabel.name} kan kun angives for én {navn} ad gangen, ikke for {periode}")

    def beregningsperiode(self, felt: str, variabel, periode) -> None:
        """En værdi i output beregnes for én af variablens perioder (én måned), ikke for flere."""
        enhed = variabel.definition_period
        if not _en_af_variablens_perioder(enhed, periode):
            navn = ENHEDER.get(enhed, enhed)
            self.problem(
                felt, f"{variabel.name} beregnes for én {navn} ad gangen, ikke for {periode}; brug fx 2026-03"
            )

    def reformsystem(self):
        """Systemet for tilfældets reformer, eller None (med et problem), hvis de ikke er reformer."""
        stier = self.t.reformstier
        gyldige = True
        for sti in stier:
            if not isinstance(sti, str) or sti not in self.systemer.reformer:
                gyldige = False
                self.problem("reforms", self.ikke_reform(sti))
        if not gyldige:
            return None
        try:
            return self.systemer.system(stier)
        except UkendtRegimeError as fejl:
            self.problem("reforms", str(fejl))
            return None

    def ikke_reform(self, sti) -> str:
        if not isinstance(sti, str):
            return f"{_vist(sti)} er ikke en reformsti; skriv fx {REFORMPAKKE}.<nøgle>.<Klasse>"
        stier = {noegle: s for s, noegle in self.systemer.reformer.items()}
        pakker = {p.noegle: p for p in PAKKER}
        if sti in stier:
            return f"'{sti}' er en regimenøgle, ikke en reformsti; skriv {stier[sti]}"
        if sti in pakker:
            return (
                f"'{sti}' er en forslagspakke, ikke en reform; skriv pakkens reformer i rækkefølge: "
                + ", ".join(stier[m] for m in pakker[sti].moduler)
            )
        return (
            f"{_vist(sti)} er ikke en reform i modellen{_mente_du(sti, self.systemer.reformer, n=1)} "
            f"Reformerne (registrets nøgler, se dk-beskaeftigelse regimer): {', '.join(sorted(stier))}; "
            f"stien er {REFORMPAKKE}.<nøgle>.<Klasse>"
        )

    def indhold(self, del_: str, indhold: dict, *, inddata: bool) -> None:
        """``input`` eller ``output``: entiteter i flertal (med id'er), i ental, eller variabler direkte."""
        if inddata:
            # Id'erne først: et arbejdssted kan nævne personer, der står længere nede i filen.
            self.ider = {
                n: {str(i) for i in v}
                for n, v in indhold.items()
                if n in self.entiteter and isinstance(v, dict)
            }
        for noegle, vaerdi in indhold.items():
            sti = f"{del_}/{noegle}"
            if noegle in self.entiteter:
                self.medlemmer(sti, self.entiteter[noegle], vaerdi, inddata=inddata)
            elif noegle in self.ental:
                if self.objekt(sti, vaerdi):
                    self.felter(sti, self.ental[noegle], vaerdi, inddata=inddata)
            else:
                self.variabel(sti, noegle, vaerdi, None, inddata=inddata)

    def objekt(self, sti: str, vaerdi) -> bool:
        if isinstance(vaerdi, dict):
            return True
        self.problem(sti, f"forventede et objekt, fik {_vist(vaerdi)}")
        return False

    def medlemmer(self, sti: str, entitet, medlemmer, *, inddata: bool) -> None:
        if not self.objekt(sti, medlemmer):
            return
        kendte = self.ider.get(entitet.plural)
        for id_, felter in medlemmer.items():
            if not inddata and kendte is not None and str(id_) not in kendte:
                self.problem(
                    f"{sti}/{id_}",
                    f"ukendt id{_mente_du(id_, kendte)} I input: {', '.join(sorted(kendte)) or 'ingen'}",
                )
            elif felter is not None and self.objekt(f"{sti}/{id_}", felter):
                self.felter(f"{sti}/{id_}", entitet, felter, inddata=inddata)

    def felter(self, sti: str, entitet, felter: dict, *, inddata: bool) -> None:
        roller = {}
        if not entitet.is_person:
            roller = {r.key: r for r in entitet.roles} | {r.plural: r for r in entitet.roles if r.plural}
        for navn, vaerdi in felter.items():
            if inddata and navn in roller:
                self.rolle(f"{sti}/{navn}", vaerdi)
            else:
                self.variabel(f"{sti}/{navn}", navn, vaerdi, entitet, inddata=inddata, roller=roller)

    def rolle(self, sti: str, vaerdi) -> None:
        personer = self.ider.get("personer")
        for id_ in vaerdi if isinstance(vaerdi, list) else [vaerdi]:
            if personer is not None and str(id_) not in personer:
                self.problem(
                    sti, f"ukendt person {_vist(id_)}; personer i input: {', '.join(sorted(personer))}"
                )

    def variabel(self, sti: str, navn, vaerdi, entitet, *, inddata: bool, roller=()) -> None:
        variabel = self.skattesystem.variables.get(navn)
        if variabel is None:
            kandidater = [*self.skattesystem.variables, *roller, *(self.entiteter if entitet is None else ())]
            self.problem(sti, f"ukendt variabel{_mente_du(navn, kandidater)}")
            return
        if entitet is not None and variabel.entity.key != entitet.key:
            self.problem(sti, f"variablen hører til entiteten {variabel.entity.key}, ikke {entitet.key}")
            return
        par = vaerdi.items() if isinstance(vaerdi, dict) else [(None, vaerdi)]
        if not inddata:
            self.uddata.add(navn)
        for periode, v in par:
            felt = sti if periode is None else f"{sti}/{periode}"
            if periode is None:
                # Uden periode gælder tilfældets period (OpenFiscas runner: ``set_default_period``).
                if inddata and self.testperiode is not None:
                    self.periodelaengde(felt, variabel, self.testperiode)
                elif not inddata:
                    self.udaterede[navn] = variabel.definition_period
            else:
                laest = self.periode(felt, periode, beregnet=not inddata)
                if laest is not None:
                    (self.periodelaengde if inddata else self.beregningsperiode)(felt, variabel, laest)
            # En liste er én værdi per medlem, når variablen står uden entitet; et medlems inddata er én.
            vektor = isinstance(v, list) and (entitet is None or not inddata)
            for element in v if vektor else [v]:
                self.vaerdi(felt, variabel, element, inddata=inddata)

    def vaerdi(self, felt: str, variabel, v, *, inddata: bool) -> None:
        if v is None:
            return
        if variabel.value_type is Enum:
            navne = variabel.possible_values.__members__
            if v in navne:
                return
            tekster = {m.value.lower(): m.name for m in variabel.possible_values}
            bud = [x for x in (tekster.get(str(v).lower()), _ascii(str(v))) if x in navne]
            mente = f"; mente du {bud[0]}?" if bud else _mente_du(_ascii(str(v)), navne)
            gyldige = ", ".join(f"{m.name} ({m.value})" for m in variabel.possible_values)
            self.problem(felt, f"{_vist(v)} er ikke en værdi for {variabel.name}{mente} Gyldige: {gyldige}")
        elif inddata:
            forventet = typefejl(variabel, v)
            if forventet:
                self.problem(felt, f"forventede {forventet}, fik {_vist(v)}")


def med_reformfiler(
    tilfaelde: list[Tilfaelde], systemer: Systemer
) -> tuple[list[Tilfaelde], Systemer, list[Problem]]:
    """Reformfiler under ``reforms:`` (en sti, der ender på .yaml, .yml eller .json, relativt til testfilen).

    Hver reformfil bliver et regime (``reformfil.indlaes_fil``) med den fulde sti som nøgle; stien i
    tilfældet erstattes af nøglen, og ``Systemer`` kender den som reform. En fejl i reformfilen er
    et problem med testfilen, tilfældet og reformfilens linje og felt.
    """
    reformer = dict(systemer.reformer)
    problemer, nye = [], []
    # En fejl i en reformfil meldes én gang, ved det første tilfælde, der nævner den.
    fejlede: set[Path] = set()
    for t in tilfaelde:
        stier = t.reformstier
        if not isinstance(t.data, dict) or not any(
            isinstance(s, str) and reformfil.er_reformfil(s) for s in stier
        ):
            nye.append(t)
            continue
        noegler = []
        for sti in stier:
            if not (isinstance(sti, str) and reformfil.er_reformfil(sti)):
                noegler.append(sti)
                continue
            fil = (t.fil.parent / sti).resolve()
            if fil in fejlede:
                continue
            try:
                noegle = reformfil.indlaes_fil(fil, noegle=str(fil)).noegle
            except BrugerFejl as fejl:
                fejlede.add(fil)
                problemer.append(Problem(t.fil, t.navn, "reforms", str(fejl)))
                continue
            reformer[noegle] = noegle
            noegler.append(noegle)
        nye.append(Tilfaelde(t.fil, t.nr, {**t.data, "reforms": noegler}))
    return nye, Systemer(reformer, systemer.byg, systemer.gaeldende_ret), problemer


def kontroller(tilfaelde: list[Tilfaelde], systemer: Systemer) -> list[Problem]:
    """Problemerne i tilfældene, i filernes rækkefølge; er der nogen, bør intet køres."""
    problemer = []
    for t in tilfaelde:
        kontrol = _Kontrol(t, systemer)
        kontrol.kontroller()
        problemer += kontrol.problemer
    return problemer


# Fejl med en besked til brugeren (modellens egne og OpenFiscas om et inputs periode): ikke et traceback.
_BRUGERFEJL = (ParameterHulError, ManglendeOplysningError, BrugerFejl, PeriodMismatchError)


def _brugerbesked(fejl: BaseException) -> str | None:
    """Beskeden for en fejl, brugeren kan rette (også når OpenFisca har pakket den ind)."""
    for f in (fejl, fejl.__cause__):
        if isinstance(f, _BRUGERFEJL):
            return " ".join(str(f).split())
        if isinstance(f, ParameterNotFoundError) and f.instant_str[:7] < FOERSTE_MAANED:
            return (
                f"parameteren '{f.name}' har ingen værdi den {f.instant_str}: datoen ligger før "
                f"modellens første måned, {FOERSTE_MAANED}"
            )
    return None


class _Punkt(test_runner.YamlItem):
    """OpenFiscas testpunkt; kun en fejl, brugeren kan rette, vises som én linje i stedet for et traceback."""

    def __init__(self, *, tilfaelde: Tilfaelde, **kwargs) -> None:
        super().__init__(**kwargs)
        self.tilfaelde = tilfaelde

    def repr_failure(self, excinfo):
        besked = _brugerbesked(excinfo.value)
        if besked is None:
            return super().repr_failure(excinfo)
        return os.linesep.join([f"{self.path!s}:", f"  Test '{self.name!s}':", f"    {besked}"])


class _Fil(test_runner.YamlFile):
    """En testfil, hvis tilfælde allerede er indlæst sikkert og kontrolleret.

    Hvert tilfælde får systemet med sine reformer som grundlag (og ingen ``reforms`` tilbage), så
    OpenFiscas punkt kører det uændret mod netop det system.
    """

    def __init__(self, *, tilfaelde: list[Tilfaelde], systemer: Systemer, **kwargs) -> None:
        super().__init__(**kwargs)
        self.tilfaelde = tilfaelde
        self.systemer = systemer

    def collect(self):
        for t in self.tilfaelde:
            yield _Punkt.from_parent(
                self,
                name=str(t.nr),
                tilfaelde=t,
                baseline_tax_benefit_system=self.systemer.system(t.reformstier),
                test={k: v for k, v in t.data.items() if k != "reforms"},
                options=self.options,
            )


@dataclass
class _Plugin:
    """Samler testfilerne (kun de indlæste) og skriver resultaterne på dansk i ``linjer``.

    Intet skrives under kørslen: OpenFiscas spor (``-v``) fanges per tilfælde og skrives bagefter,
    så en læser, der lukker røret (fx ``| head``), ikke giver en pytest-fejl.
    """

    filer: dict[Path, list[Tilfaelde]]
    systemer: Systemer
    options: dict
    bestaaet: int = 0
    fejlet: int = 0
    linjer: list = field(default_factory=list)
    punkter: dict = field(default_factory=dict)

    def pytest_collect_file(self, parent, file_path):
        if file_path in self.filer:
            return _Fil.from_parent(
                parent,
                path=file_path,
                tax_benefit_system=self.systemer.system([]),
                options=self.options,
                tilfaelde=self.filer[file_path],
                systemer=self.systemer,
            )
        return None

    def pytest_collection_modifyitems(self, items):
        self.punkter = {punkt.nodeid: punkt.tilfaelde for punkt in items}

    def pytest_runtest_logreport(self, report):
        if report.when != "call" and not report.failed:
            return
        if self.options["verbose"]:
            tilfaelde = self.punkter[report.nodeid]
            self.linjer += ["", f"{tilfaelde.fil}: {tilfaelde.navn}", report.capstdout.rstrip("\n")]
        if report.failed:
            self.fejl(report.longreprtext)
        else:
            self.bestaaet += 1
            if self.options["verbose"]:
                self.linjer.append("bestået")

    def pytest_collectreport(self, report):
        if report.failed:
            self.fejl(report.longreprtext)

    def fejl(self, tekst: str) -> None:
        """OpenFiscas besked, med filen skrevet, som brugeren angav den (ikke den fulde sti)."""
        for fuld, tilfaelde in self.filer.items():
            tekst = tekst.replace(f"{fuld}:", f"{tilfaelde[0].fil}:", 1)
        self.fejlet += 1
        self.linjer += ["", f"FEJLET {tekst}"]


def koer(tilfaelde: list[Tilfaelde], systemer: Systemer, *, verbose: bool = False) -> int:
    """Kør de (kontrollerede) tilfælde med OpenFiscas runner; 0, hvis alle bestod, ellers 1.

    ``verbose`` viser OpenFiscas spor for hvert tilfælde (som ``openfisca test -v``).
    """
    filer: dict[Path, list[Tilfaelde]] = {}
    for t in tilfaelde:
        filer.setdefault(t.fil.resolve(), []).append(t)
    options = test_runner.Options(verbose=verbose, max_depth=sys.maxsize, aggregate=False)
    plugin = _Plugin(filer, systemer, options)
    with tempfile.TemporaryDirectory() as tom:
        # En tom konfiguration: ingen pytest.ini, conftest.py eller cache fra filernes mapper.
        konfiguration = Path(tom) / "pytest.ini"
        konfiguration.write_text("[pytest]\n", encoding="utf-8")
        argumenter = ["-c", str(konfiguration), "--rootdir", str(Path.cwd()), "--noconftest"]
        argumenter += ["-p", "no:cacheprovider", "-p", "no:terminal"]
        # Kun runnerens egen plugin: installerede pytest-plugins (xdist, hypothesis ...) koster sekunder.
        with mock.patch.dict(os.environ, {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}):
            pytest.main([*argumenter, *map(str, filer)], plugins=[plugin])
    filer_ = "1 fil" if len(filer) == 1 else f"{len(filer)} filer"
    antal = plugin.bestaaet + plugin.fejlet
    print(
        "\n".join(
            [
                *plugin.linjer,
                "",
                f"{antal} tilfælde i {filer_}: {plugin.bestaaet} bestået, {plugin.fejlet} fejlet",
            ]
        )
    )
    return 0 if plugin.fejlet == 0 else 1
