"""Reformfiler: juristens egne varianter som data, uden Python.

En reformfil (YAML; i web-API'et et JSON-objekt med samme skema) læses som et kort notat::

    navn: Sygedagpenge nedsættes efter 26 uger til 70 pct.
    kilde: Udkast til notat, 3.3.2026 (fri tekst)
    bygger_paa: [tidsgraense_sygedagpenge]      # valgfri: registrets regimer, stablet i rækkefølge
    aendringer:
      - parameter: reformer.tidsgraense_sygedagpenge.uger
        vaerdi: 26
        fra: 2026-01-01                        # eller 1.1.2026
        til: 2027-12-31                        # valgfri: sidste dag
        begrundelse: Samme grænse som pensionisterne (fri tekst, valgfri)

En ændring kan ramme enhver parameter i gældende ret (``parameters/``) og enhver reformparameter
(``reforms/parametre/<modul>.yaml``, som ``reformer.<modul>.<navn>``), når reformen er blandt
dem, filen bygger på. Uden ``til`` gælder værdien, til den næste ændring af samme parameter
begynder (som ``values:`` i en parameterfil), ellers for altid; efter ``til`` gælder værdien
nedenunder igen.

Filen bliver én :class:`~openfisca_core.reforms.Reform`, der ændrer parametrene én gang (som
``modify_parameters``, men uden at kopiere hele træet; se :func:`_anvend`), lagt oven på de
regimer, den bygger på. Reformklassen bygges én gang per indhold
(:func:`reformklasse`, en cache med loft), så ens indhold giver samme klasse og dermed samme
cachede system i ``regimer.byg_system``.

Værdiens art kontrolleres mod parameteren (reglen står i :func:`_artsfejl`): ja/nej, tal (hele
tal for dage, uger, måneder, år, samtaler og personer; andele højst 1), datoer, tekster og lister
af grupper; en gruppe skal være et medlem af den Enum, parameteren læses med.

Alle fejl er :class:`ReformfilFejl` (en ``BrugerFejl``) med feltets sti (``aendringer/0/vaerdi``)
og, for en fil, filen og linjen.
"""

import copy
import datetime
import difflib
import hashlib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale
from openfisca_core.reforms import Reform
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from openfisca_dk_beskaeftigelse import regimer, vaerdiomraader
from openfisca_dk_beskaeftigelse.beregning import (
    FOERSTE_MAANED,
    BrugerFejl,
    _NoegleFejl,
    _SituationLoader,
    laes_tekst,
)
from openfisca_dk_beskaeftigelse.kilder import laesbar
from openfisca_dk_beskaeftigelse.parametre import Hul, ParameterMedHul, kopi
from openfisca_dk_beskaeftigelse.reformstoette import parameter

FELTER = ("navn", "kilde", "bygger_paa", "aendringer")
AENDRINGSFELTER = ("parameter", "vaerdi", "fra", "til", "begrundelse")
FILENDELSER = (".yaml", ".yml", ".json")
FOERSTE_DATO = f"{FOERSTE_MAANED}-01"
# Den sidste dato, modellen regner for (som inddatas datoer); dagen efter skal også findes.
SIDSTE_DATO = vaerdiomraader.DATO_TIL.isoformat()
STATUS = "egen"
# Nøglen for --saet's variant på kommandolinjen.
EGNE_AENDRINGER = "egne_aendringer"
# Loft over reformklasser i hukommelsen (én per indhold); systemerne har regimer.MAKS_SYSTEMER.
MAKS_REFORMKLASSER = 256
# Enheder, der tælles i hele (en halv uge kan ikke lægges til en dato).
HELE_ENHEDER = ("day", "week", "month", "year", "conversation", "person")
# En varighed længere end modellens datoer (1900-2100) giver datoer, der ikke findes (overløb).
_SPAENDET_DAGE = (vaerdiomraader.DATO_TIL - vaerdiomraader.DATO_FRA).days
MAKS_VARIGHED = {
    "day": _SPAENDET_DAGE,
    "week": _SPAENDET_DAGE // 7,
    "month": (vaerdiomraader.DATO_TIL.year - vaerdiomraader.DATO_FRA.year + 1) * 12,
    "year": vaerdiomraader.DATO_TIL.year - vaerdiomraader.DATO_FRA.year + 1,
}
_DANSK_DATO = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


class ReformfilFejl(BrugerFejl):
    """En fejl i en reformfil eller et reformobjekt; ``felt`` er feltets sti (``aendringer/0/vaerdi``)."""

    def __init__(self, sti: tuple, besked: str, sted: str = "") -> None:
        self.sti = sti
        self.felt = "/".join(map(str, sti))
        self.besked = besked
        self.sted = sted
        super().__init__(": ".join(x for x in (sted, self.felt, besked) if x))

    def i(self, sted: str) -> "ReformfilFejl":
        """Samme fejl med stedet (fil og linje, eller kommandolinjens argument) foran."""
        return ReformfilFejl(self.sti, self.besked, sted)


@dataclass(frozen=True)
class Aendring:
    """Én parameterændring: værdien gælder fra ``fra`` til og med ``til`` (None: se modulets docstring)."""

    parameter: str
    vaerdi: object  # lister som tupler, så indholdet kan hashes
    fra: str
    til: str | None = None
    begrundelse: str = ""


@dataclass(frozen=True)
class Reformfil:
    """En reformfils indhold, kontrolleret for form (ikke mod parametrene; se :func:`reformklasse`)."""

    navn: str
    kilde: str
    bygger_paa: tuple[str, ...]
    aendringer: tuple[Aendring, ...]

    @property
    def noegle(self) -> str:
        """En nøgle ud fra indholdet (til reformobjekter i web-API'et): ens indhold, samme nøgle."""
        tekst = json.dumps(_som_json(self), sort_keys=True, ensure_ascii=False)
        return f"egen_{hashlib.sha256(tekst.encode()).hexdigest()[:12]}"


@dataclass(frozen=True)
class VistAendring:
    """En ændring, som den vises: parameter, hjemmel, værdien før og efter, og fra hvilken dato."""

    reform: str
    kilde: str
    parameter: str
    hjemmel: tuple[str, ...]
    foer: object
    efter: object
    fra: str
    til: str | None
    overfoert_til: tuple[str, ...] = ()
    begrundelse: str = ""

    def tekst(self) -> str:
        periode = f"fra {self.fra}" + (f" til og med {self.til}" if self.til else "")
        return f"{vist(self.foer)} → {vist(self.efter)} {periode}"

    def som_dict(self) -> dict:
        return {
            "reform": self.reform,
            "kilde": self.kilde,
            "parameter": self.parameter,
            "hjemmel": list(self.hjemmel),
            "foer": _json_vaerdi(self.foer),
            "efter": _json_vaerdi(self.efter),
            "fra": self.fra,
            "til": self.til,
            "overfoert_til": list(self.overfoert_til),
            "begrundelse": self.begrundelse,
            "tekst": self.tekst(),
        }


# --- Indlæsning ---------------------------------------------------------------------------------


def er_reformfil(noegle: str) -> bool:
    """En regimenøgle, der er en sti til en reformfil (endelsen .yaml, .yml eller .json)."""
    return noegle.lower().endswith(FILENDELSER)


def indlaes_regimer(noegler: list[str]) -> None:
    """Læs hver reformfil, der står som regime eller i en ``+``-stak, og registrér den under sin sti."""
    for noegle in noegler:
        for del_ in noegle.split(regimer.STAK):
            if er_reformfil(del_):
                indlaes_fil(Path(del_), noegle=del_)


def indlaes_fil(sti: Path, noegle: str | None = None) -> regimer.Regime:
    """Reformfilen som registreret regime (nøglen er stien, som brugeren skrev den).

    Fejl nævner fil, linje og felt.
    """
    data, linjer = _laes_yaml(sti)
    try:
        reformfil = fortolk(data, kun_registret=True)
        return regimer.registrer_eget(_regime(reformfil, noegle or str(sti), (str(sti),)))
    except ReformfilFejl as fejl:
        linje = _linje(linjer, fejl.sti)
        raise fejl.i(f"{sti}" + (f", linje {linje}" if linje else "")) from None


def fra_objekt(objekt) -> str:
    """Et reformobjekt (JSON, web-API'et) som registreret regime; returnerer dets nøgle."""
    reformfil = fortolk(objekt, kun_registret=True)
    return regimer.registrer_eget(_regime(reformfil, reformfil.noegle, ("indsendt reformobjekt",))).noegle


def fra_saet(tildelinger: list[str], bygger_paa: list[str]) -> str:
    """``--saet STI=VÆRDI[@DATO]`` som regimet ``egne_aendringer`` oven på ``bygger_paa``."""
    aendringer = []
    for tildeling in tildelinger:
        sti, lig, rest = tildeling.partition("=")
        if not lig or not sti.strip():
            raise BrugerFejl(f"--saet '{tildeling}': skriv STI=VÆRDI eller STI=VÆRDI@DATO")
        tekst, _, dato = rest.rpartition("@") if "@" in rest else (rest, "", FOERSTE_DATO)
        try:
            vaerdi = yaml.load(tekst, Loader=_SituationLoader) if tekst.strip() else None
        except yaml.YAMLError:
            vaerdi = tekst
        aendringer.append({"parameter": sti.strip(), "vaerdi": vaerdi, "fra": dato.strip()})
    objekt = {
        "navn": "Egne ændringer",
        "kilde": "--saet " + " --saet ".join(tildelinger),
        "bygger_paa": bygger_paa,
        "aendringer": aendringer,
    }
    try:
        reformfil = fortolk(objekt, kun_registret=False)
        return regimer.registrer_eget(_regime(reformfil, EGNE_AENDRINGER, ("--saet",))).noegle
    except ReformfilFejl as fejl:
        if fejl.sti[:1] == ("aendringer",) and len(fejl.sti) > 1:
            raise BrugerFejl(f"--saet '{tildelinger[fejl.sti[1]]}': {fejl.besked}") from None
        raise BrugerFejl(f"--saet: {fejl.besked}") from None


def _laes_yaml(sti: Path) -> tuple[object, dict[tuple, int]]:
    """Filens indhold og linjen for hver nøgle og hvert listeelement (sti → linje)."""
    try:
        tekst = laes_tekst(sti)
    except FileNotFoundError:
        raise BrugerFejl(f"{sti}: reformfilen findes ikke") from None
    except IsADirectoryError:
        raise BrugerFejl(f"{sti}: er en mappe; angiv en reformfil") from None
    except OSError as fejl:
        raise BrugerFejl(f"{sti}: kan ikke læses ({fejl.strerror})") from None
    except UnicodeDecodeError as fejl:
        linje = fejl.object[: fejl.start].count(b"\n") + 1
        raise BrugerFejl(f"{sti}, linje {linje}: er ikke UTF-8; gem filen som UTF-8") from None
    # Situationernes YAML: datoer forbliver tekst, og en nøgle må ikke stå to gange.
    loader = _SituationLoader(tekst)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _NoegleFejl as fejl:
        raise BrugerFejl(f"{sti}, linje {fejl.problem_mark.line + 1}: {fejl.problem}") from None
    except yaml.YAMLError as fejl:
        sted = getattr(fejl, "problem_mark", None)
        linje = f", linje {sted.line + 1}" if sted else ""
        raise BrugerFejl(f"{sti}{linje}: er ikke gyldig YAML/JSON") from None
    finally:
        loader.dispose()
    linjer: dict[tuple, int] = {}
    if node is not None:
        _noter_linjer(node, (), linjer)
    return data, linjer


def _noter_linjer(node, sti: tuple, linjer: dict) -> None:
    linjer[sti] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for noegle, vaerdi in node.value:
            if isinstance(noegle, yaml.ScalarNode):
                _noter_linjer(vaerdi, (*sti, noegle.value), linjer)
                # Nøglens linje, ikke værdiens (værdien kan stå på linjen under).
                linjer[(*sti, noegle.value)] = noegle.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for nr, element in enumerate(node.value):
            _noter_linjer(element, (*sti, nr), linjer)


def _linje(linjer: dict, sti: tuple) -> int | None:
    """Linjen for den længste del af stien, filen har (et manglende felt: objektets linje)."""
    for n in range(len(sti), -1, -1):
        if sti[:n] in linjer:
            return linjer[sti[:n]]
    return None


# --- Form: felter, datoer, overlap --------------------------------------------------------------


def fortolk(data, kun_registret: bool) -> Reformfil:
    """Kontrollér indholdets form og giv en :class:`Reformfil`; ``kun_registret``: bygger kun på registret."""
    if not isinstance(data, dict):
        raise ReformfilFejl(
            (), "en reformfil er et objekt med navn, kilde, bygger_paa og aendringer (se docs/reformfiler.md)"
        )
    _kendte_felter(data, FELTER, ())
    navn = _tekst(data, "navn", (), paakraevet=True)
    kilde = _tekst(data, "kilde", (), paakraevet=False)
    bygger_paa = _bygger_paa(data.get("bygger_paa"), kun_registret)
    liste = data.get("aendringer")
    if not isinstance(liste, list) or not liste:
        raise ReformfilFejl(
            ("aendringer",),
            "mangler eller er tom; forventede en liste af ændringer med parameter, vaerdi og fra",
        )
    aendringer = tuple(_aendring(element, ("aendringer", nr)) for nr, element in enumerate(liste))
    _kraev_uden_overlap(aendringer)
    return Reformfil(navn, kilde, bygger_paa, aendringer)


def _kendte_felter(objekt: dict, kendte: tuple[str, ...], sti: tuple) -> None:
    for noegle in objekt:
        if noegle not in kendte:
            forslag = difflib.get_close_matches(str(noegle), kendte, n=1)
            mente = f"; mente du '{forslag[0]}'?" if forslag else "."
            raise ReformfilFejl((*sti, noegle), f"ukendt felt{mente} Kendte felter: {', '.join(kendte)}")


def _tekst(objekt: dict, felt: str, sti: tuple, paakraevet: bool) -> str:
    vaerdi = objekt.get(felt)
    if vaerdi is None and not paakraevet:
        return ""
    if not isinstance(vaerdi, str) or not vaerdi.strip():
        raise ReformfilFejl((*sti, felt), f"forventede en tekst, fik {_vist_input(vaerdi)}")
    return vaerdi.strip()


def _bygger_paa(vaerdi, kun_registret: bool) -> tuple[str, ...]:
    """Regimerne, filen bygger på: en liste af nøgler (eller én nøgle); kun registrets for en fil."""
    if vaerdi is None:
        return ()
    noegler = [vaerdi] if isinstance(vaerdi, str) else vaerdi
    if not isinstance(noegler, list):
        raise ReformfilFejl(
            ("bygger_paa",), f"forventede en liste af regimenøgler, fik {_vist_input(vaerdi)}"
        )
    for nr, noegle in enumerate(noegler):
        sti = ("bygger_paa",) if isinstance(vaerdi, str) else ("bygger_paa", nr)
        if not isinstance(noegle, str):
            raise ReformfilFejl(sti, f"forventede en regimenøgle, fik {_vist_input(noegle)}")
        for del_ in noegle.split(regimer.STAK):
            if kun_registret and del_ not in regimer.alle_regimer():
                forslag = difflib.get_close_matches(del_, list(regimer.alle_regimer()), n=3)
                mente = f"; mente du {', '.join(forslag)}?" if forslag else ""
                raise ReformfilFejl(
                    sti,
                    f"ukendt regime '{del_}'{mente} (kun registrets regimer; se listen i arbejdsbordets "
                    "Regimer og katalog, GET /regimer eller dk-beskaeftigelse regimer)",
                )
    return tuple(noegler)


def _aendring(element, sti: tuple) -> Aendring:
    if not isinstance(element, dict):
        raise ReformfilFejl(
            sti, f"forventede en ændring med parameter, vaerdi og fra, fik {_vist_input(element)}"
        )
    _kendte_felter(element, AENDRINGSFELTER, sti)
    navn = _tekst(element, "parameter", sti, paakraevet=True)
    if "vaerdi" not in element or element["vaerdi"] is None:
        raise ReformfilFejl((*sti, "vaerdi"), "mangler; angiv parameterens nye værdi")
    if "fra" not in element:
        raise ReformfilFejl((*sti, "fra"), "mangler; angiv datoen, ændringen gælder fra (fx 2027-07-01)")
    fra = _dato(element["fra"], (*sti, "fra"))
    if fra < FOERSTE_DATO:
        raise ReformfilFejl((*sti, "fra"), f"{fra} ligger før modellens første dato, {FOERSTE_DATO}")
    til = None if element.get("til") is None else _dato(element["til"], (*sti, "til"))
    for felt, dato in (("fra", fra), ("til", til)):
        if dato is not None and dato > SIDSTE_DATO:
            raise ReformfilFejl((*sti, felt), f"{dato} ligger efter modellens sidste dato, {SIDSTE_DATO}")
    if til is not None and til < fra:
        raise ReformfilFejl((*sti, "til"), f"{til} ligger før fra-datoen {fra}")
    vaerdi = _hashbar(element["vaerdi"], (*sti, "vaerdi"))
    return Aendring(navn, vaerdi, fra, til, _tekst(element, "begrundelse", sti, paakraevet=False))


def _dato(vaerdi, sti: tuple) -> str:
    """En dato som ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ, som ISO-tekst."""
    if isinstance(vaerdi, datetime.date) and not isinstance(vaerdi, datetime.datetime):
        return vaerdi.isoformat()
    tekst = vaerdi.strip() if isinstance(vaerdi, str) else ""
    dansk = _DANSK_DATO.fullmatch(tekst)
    if dansk:
        tekst = f"{dansk[3]}-{int(dansk[2]):02d}-{int(dansk[1]):02d}"
    if _ISO_DATO.fullmatch(tekst):
        try:
            return datetime.date.fromisoformat(tekst).isoformat()
        except ValueError:
            pass
    raise ReformfilFejl(sti, f"forventede en dato som 2027-07-01 eller 1.7.2027, fik {_vist_input(vaerdi)}")


def _hashbar(vaerdi, sti: tuple):
    if isinstance(vaerdi, dict):
        raise ReformfilFejl(
            sti, "er et objekt; forventede én værdi (et tal, ja/nej, en tekst eller en liste)"
        )
    if isinstance(vaerdi, list):
        for nr, element in enumerate(vaerdi):
            if isinstance(element, dict | list) or element is None:
                raise ReformfilFejl((*sti, nr), f"forventede et navn i listen, fik {_vist_input(element)}")
        return tuple(vaerdi)
    return vaerdi


def _kraev_uden_overlap(aendringer: tuple[Aendring, ...]) -> None:
    """To ændringer af samme parameter må ikke gælde samme dag (``til`` rækker ind i den næste)."""
    for navn in dict.fromkeys(a.parameter for a in aendringer):
        egne = sorted((a.fra, nr, a) for nr, a in enumerate(aendringer) if a.parameter == navn)
        for (_, nr_a, a), (_, nr_b, b) in zip(egne, egne[1:], strict=False):
            if a.til is None and a.fra != b.fra:
                continue
            if a.fra == b.fra or a.til >= b.fra:
                # Fejlen står ved den sidste af de to i filen og nævner den anden.
                nr, (nr_andet, andet) = max(nr_a, nr_b), min((nr_a, a), (nr_b, b), key=lambda x: x[0])
                raise ReformfilFejl(
                    ("aendringer", nr, "fra"),
                    f"'{navn}' ændres allerede fra {andet.fra}"
                    + (f" til og med {andet.til}" if andet.til else "")
                    + f" (ændring nr. {nr_andet + 1}); ændringerne af samme parameter må ikke overlappe",
                )


def _plan(reformfil: Reformfil) -> list[tuple[Aendring, str | None]]:
    """Hver ændring med sin sidste dag: ``til``, ellers dagen før næste ændring af parameteren."""
    plan = []
    for a in reformfil.aendringer:
        senere = sorted(b.fra for b in reformfil.aendringer if b.parameter == a.parameter and b.fra > a.fra)
        stop = a.til or (str(periods.instant(senere[0]).offset(-1, "day")) if senere else None)
        plan.append((a, stop))
    return plan


# --- Indhold: parametre og værdier --------------------------------------------------------------


def _regime(reformfil: Reformfil, noegle: str, oprindelse: tuple[str, ...]) -> regimer.Regime:
    under = grundlag(reformfil)
    klasse = reformklasse(reformfil)
    return regimer.Regime(
        noegle,
        reformfil.navn,
        (*under.reformer, klasse),
        under.kilder,
        STATUS,
        oprindelse,
    )


def grundlag(reformfil: Reformfil) -> regimer.Regime:
    """Regimet, reformfilen bygger på (gældende ret uden ``bygger_paa``)."""
    try:
        return regimer.regime(regimer.STAK.join(reformfil.bygger_paa or (regimer.GAELDENDE_RET,)))
    except regimer.UkendtRegimeError as fejl:
        raise ReformfilFejl(("bygger_paa",), str(fejl)) from None


@lru_cache(maxsize=MAKS_REFORMKLASSER)
def reformklasse(reformfil: Reformfil) -> type[Reform]:
    """Reformen for indholdet, kontrolleret mod parametrene i det, den bygger på; én klasse per indhold."""
    system = regimer.byg_system(grundlag(reformfil).noegle)
    for nr, a in enumerate(reformfil.aendringer):
        _kontroller(system, a, ("aendringer", nr))
    plan = _plan(reformfil)

    class Reformfilen(Reform):
        name = reformfil.navn
        kilder = ()
        status = STATUS
        indhold = reformfil

        def apply(self):
            overfoerte = _overfoerte(self.baseline)
            self.reformfil_aendringer = tuple(
                _vist(self.baseline, reformfil, a, overfoerte) for a in reformfil.aendringer
            )
            # Som modify_parameters, men uden at kopiere hele træet (se _anvend).
            self.parameters = _anvend(self.baseline.parameters, plan, overfoerte)
            self._parameters_at_instant_cache = {}

    Reformfilen.__doc__ = f"Reformfilen '{reformfil.navn}'. {reformfil.kilde}".strip()
    Reformfilen.__name__ = Reformfilen.__qualname__ = f"Reformfil_{reformfil.noegle.removeprefix('egen_')}"
    return Reformfilen


def _anvend(grundlag: ParameterNode, plan, overfoerte: dict[str, tuple[str, ...]]) -> ParameterNode:
    """Et nyt parametertræ med ændringerne; grundlagets træ ændres ikke.

    Kun knuderne på vejen til en ændret parameter og parameteren selv kopieres; resten deles med
    systemet nedenunder, som aldrig ændres efter bygningen (en reform oven på kopierer hele træet
    med modify_parameters). Sådan bygges en reformfil på få millisekunder i stedet for den
    fulde kopi, som ``Reform.modify_parameters`` laver.
    """
    rod = _flad_kopi(grundlag)
    kopier = {id(rod)}
    for aendring, stop in plan:
        for sti in (aendring.parameter, *overfoerte.get(aendring.parameter, ())):
            foraelder, param = _kopi_af_sti(rod, sti, kopier)
            vaerdi = list(aendring.vaerdi) if isinstance(aendring.vaerdi, tuple) else aendring.vaerdi
            param.update(
                start=periods.instant(aendring.fra),
                stop=periods.instant(stop) if stop else None,
                value=vaerdi,
            )
            # En slutdato før parameterens første værdi efterlader en periode uden værdi (null).
            if not isinstance(param, ParameterMedHul) and any(v.value is None for v in param.values_list):
                param = ParameterMedHul.fra(param)
                kopier.add(id(param))
                foraelder.children[sti.rpartition(".")[2]] = param
                setattr(foraelder, sti.rpartition(".")[2], param)
    return rod


def _kopi_af_sti(rod: ParameterNode, sti: str, kopier: set[int]) -> tuple[ParameterNode, Parameter]:
    """Kopiér knuderne på vejen til parameteren ``sti`` (én gang hver) og parameteren selv."""
    node = rod
    *vej, navn = sti.split(".")
    for del_ in vej:
        node = _eget_barn(node, del_, kopier, _flad_kopi)
    return node, _eget_barn(node, navn, kopier, kopi)


def _eget_barn(node: ParameterNode, navn: str, kopier: set[int], kopi):
    """Barnet ``navn`` i den kopierede knude, selv kopieret første gang (og sat ind i knuden)."""
    barn = node.children[navn]
    if id(barn) not in kopier:
        barn = kopi(barn)
        kopier.add(id(barn))
        node.children[navn] = barn
        setattr(node, navn, barn)
    return barn


def _flad_kopi(node: ParameterNode) -> ParameterNode:
    """En kopi af knuden med sin egen liste af børn (børnene selv deles)."""
    ny = copy.copy(node)
    ny.children = dict(node.children)
    return ny


def _overfoerte(system) -> dict[str, tuple[str, ...]]:
    """Reformparametre, som en reform under denne har overført til gældende rets parametre."""
    overfoerte: dict[str, tuple[str, ...]] = {}
    while system is not None:
        for kilde, maal in getattr(system, "overfoerte_parametre", {}).items():
            overfoerte[kilde] = (*overfoerte.get(kilde, ()), *maal)
        system = getattr(system, "baseline", None)
    return overfoerte


def _vist(grundlag, reformfil: Reformfil, a: Aendring, overfoerte: dict) -> VistAendring:
    param = parameter(grundlag.parameters, a.parameter)
    hjemmel = [*_hjemmel(param)]
    for maal in overfoerte.get(a.parameter, ()):
        hjemmel += [h for h in _hjemmel(parameter(grundlag.parameters, maal)) if h not in hjemmel]
    return VistAendring(
        reformfil.navn,
        reformfil.kilde,
        a.parameter,
        tuple(hjemmel),
        _vaerdi_paa(param, a.fra),
        a.vaerdi,
        a.fra,
        a.til,
        overfoerte.get(a.parameter, ()),
        a.begrundelse,
    )


def _hjemmel(param) -> list[str]:
    reference = param.metadata.get("reference") or []
    if isinstance(reference, str | dict):
        reference = [reference]
    # Kildedokumenterne ved titel og år, som i forklaringen (``kilder.laesbar``).
    return [
        laesbar(str(r.get("title") or r.get("href", ""))) if isinstance(r, dict) else str(r)
        for r in reference
    ]


def _vaerdi_paa(param: Parameter, dato: str):
    """Parameterens værdi på datoen; None, hvis den ingen har (før første værdi eller et hul)."""
    for vaerdi in param.values_list:
        if vaerdi.instant_str <= dato:
            v = vaerdi.value
            return tuple(v) if isinstance(v, list) else v
    return None


def _kontroller(grundlag, a: Aendring, sti: tuple) -> None:
    node = _find(grundlag.parameters, a.parameter, (*sti, "parameter"))
    if isinstance(node, ParameterScale):
        raise ReformfilFejl(
            (*sti, "parameter"),
            f"'{a.parameter}' er en skala med trin; en reformfil kan kun ændre enkelte værdier",
        )
    if isinstance(node, ParameterNode):
        boern = ", ".join(f"{a.parameter}.{n}" for n in node.children)
        raise ReformfilFejl(
            (*sti, "parameter"),
            f"'{a.parameter}' er en gruppe af parametre, ikke én værdi; vælg en af: {boern}",
        )
    fejl = _artsfejl(grundlag, node, a.vaerdi)
    if fejl:
        raise ReformfilFejl((*sti, "vaerdi"), f"'{a.parameter}' {fejl}, fik {_vist_input(a.vaerdi)}")


def _find(parametre: ParameterNode, navn: str, sti: tuple):
    node = parametre
    dele = navn.split(".")
    for nr, del_ in enumerate(dele):
        boern = getattr(node, "children", None)
        if boern is None or del_ not in boern:
            raise ReformfilFejl(sti, _ukendt(parametre, navn, dele[:nr]))
        node = boern[del_]
    return node


def _ukendt(parametre: ParameterNode, navn: str, kendt: list[str]) -> str:
    if kendt[:1] == ["reformer"] or navn.startswith("reformer."):
        modul = navn.split(".")[1] if navn.count(".") >= 1 else ""
        reformer_ = parametre.children.get("reformer")
        if modul in regimer.reformklasser() and (reformer_ is None or modul not in reformer_.children):
            return (
                f"'{navn}' er en parameter i reformen {modul}, som ændringerne ikke bygger på; "
                f"byg på {modul} (feltet bygger_paa; på kommandolinjen --regimer eller --regime med --saet)"
            )
    forslag = difflib.get_close_matches(navn, _parameterstier(parametre), n=3, cutoff=0.6)
    mente = f"; nærmeste parametre: {', '.join(forslag)}" if forslag else ""
    return f"ukendt parameter '{navn}'{mente}"


@lru_cache(maxsize=32)
def _parameterstier(parametre: ParameterNode) -> tuple[str, ...]:
    return tuple(_blade(parametre))


def _blade(node) -> Iterator[str]:
    for barn in node.children.values():
        if isinstance(barn, ParameterNode):
            yield from _blade(barn)
        else:
            yield barn.name


def _artsfejl(system, param: Parameter, vaerdi) -> str | None:
    """Hvad parameteren forventer, hvis ``vaerdi`` er af en anden art; ellers None.

    Reglen (pragmatisk: parameterens enhed og de værdier, den har haft):
    - enheden ``bool`` eller kun ja/nej-værdier: ja/nej (true/false);
    - enheden ``list``: en liste af navne på medlemmer af den Enum, listen læses med (se :func:`_navne`);
    - enheden ``date``: en dato; tekst (``text``, ``gruppe``): et af navnene i :func:`_navne`;
    - ellers et tal: ikke negativt, hvis parameteren aldrig har været det; et helt tal for dage,
      uger, måneder, år, samtaler og personer, der altid har været hele; en andel (``/1``) højst 1.
    """
    tidligere = [v.value for v in param.values_list if v.value is not None]
    enhed = param.metadata.get("unit")
    if enhed == "bool" or (tidligere and all(isinstance(v, bool) for v in tidligere)):
        return None if isinstance(vaerdi, bool) else "forventer ja/nej (true/false)"
    if enhed == "list" or any(isinstance(v, list) for v in tidligere):
        if not isinstance(vaerdi, tuple):
            return "forventer en liste af grupper, fx [forsikret_ledig, jobparat]"
        navne = _navne(system, param, {x for v in tidligere for x in v})
        ukendte = [x for x in vaerdi if x not in navne]
        return f"kender ikke gruppen '{ukendte[0]}'; mulige: {', '.join(sorted(navne))}" if ukendte else None
    if enhed == "date":
        try:
            gyldig = isinstance(vaerdi, str) and _ISO_DATO.fullmatch(vaerdi) and _dato(vaerdi, ()) == vaerdi
        except ReformfilFejl:
            gyldig = False
        return None if gyldig else "forventer en dato som 2027-07-01"
    if enhed in ("text", "gruppe") or (tidligere and all(isinstance(v, str) for v in tidligere)):
        navne = _navne(system, param, {v for s in _soeskende(param, system) for v in s})
        if isinstance(vaerdi, str) and vaerdi in navne:
            return None
        return f"forventer en af {', '.join(sorted(navne))}"
    return _talfejl(param, vaerdi, tidligere, enhed)


def _talfejl(param, vaerdi, tidligere, enhed) -> str | None:
    if isinstance(vaerdi, bool) or not isinstance(vaerdi, int | float) or not math.isfinite(vaerdi):
        komma = isinstance(vaerdi, str) and re.fullmatch(r"-?\d+,\d+", vaerdi.strip())
        return "forventer et tal" + (" (med punktum: 0.7, ikke 0,7)" if komma else "")
    if vaerdi < 0 and all(v >= 0 for v in tidligere):
        return "forventer et tal, der ikke er negativt"
    if enhed in MAKS_VARIGHED and abs(vaerdi) > MAKS_VARIGHED[enhed]:
        return (
            f"forventer højst {MAKS_VARIGHED[enhed]} {_ENHEDER[enhed]} (modellens datoer ligger fra "
            f"{vaerdiomraader.DATO_FRA.year} til {vaerdiomraader.DATO_TIL.year})"
        )
    if abs(vaerdi) > vaerdiomraader.MAKS_TAL:
        return f"forventer {vaerdiomraader.TALOMRAADE}"
    if (
        enhed in HELE_ENHEDER
        and all(float(v).is_integer() for v in tidligere)
        and not float(vaerdi).is_integer()
    ):
        return f"forventer et helt tal ({_ENHEDER.get(enhed, enhed)})"
    if enhed == "/1" and vaerdi > 1 and all(v <= 1 for v in tidligere):
        return "forventer en andel fra 0 til 1 (70 pct. skrives 0.7)"
    return None


_ENHEDER = {
    "day": "dage",
    "week": "uger",
    "month": "måneder",
    "year": "år",
    "conversation": "samtaler",
    "person": "personer",
}


def _soeskende(param: Parameter, system) -> Iterator[list]:
    """Værdierne for parameteren og dens søskende med samme enhed (en afbildning af grupper)."""
    foraelder, _, _ = param.name.rpartition(".")
    node = parameter(system.parameters, foraelder) if foraelder else system.parameters
    for barn in node.children.values():
        if isinstance(barn, Parameter) and barn.metadata.get("unit") == param.metadata.get("unit"):
            yield [v.value for v in barn.values_list if isinstance(v.value, str)]


def _navne(system, param: Parameter, kendte: set[str]) -> set[str]:
    """De navne, en tekst eller en liste af grupper må indeholde.

    Kandidaterne er de Enums blandt systemets variabler, der rummer alle navne, parameteren har
    haft (``kendte``). Nævner parameterens beskrivelse eller dokumentation en variabel, der bruger
    en af dem (fx "Regelgrupper (variablen regelgruppe)"), er det den; ellers alle kandidaterne.
    Uden kandidater: kun de navne, parameteren har haft.
    """
    kandidater = {e: v for e, v in _enums(system).items() if kendte <= set(e.__members__)}
    tekst = f"{param.description or ''} {param.documentation or ''}".lower()
    naevnte = [e for e, variabler in kandidater.items() if any(n in tekst for n in variabler)]
    valgte = naevnte or list(kandidater)
    return {n for e in valgte for n in e.__members__} if valgte else set(kendte)


@lru_cache(maxsize=32)
def _enums(system) -> dict[type, tuple[str, ...]]:
    """Hver Enum blandt systemets variabler → navnene på variablerne, der har den."""
    enums: dict[type, list[str]] = {}
    for variabel in system.variables.values():
        if variabel.value_type is Enum:
            enums.setdefault(variabel.possible_values, []).append(variabel.name)
    return {e: tuple(v) for e, v in enums.items()}


# --- Visning ------------------------------------------------------------------------------------


def aendringer(regime: regimer.Regime) -> list[VistAendring]:
    """Regimets egne ændringer (fra reformfiler og --saet) med værdien før og efter, nederst først."""
    if not any(hasattr(r, "indhold") for r in regime.reformer):
        return []
    system = regimer.byg_system(regime.noegle)
    lag = []
    while system is not None:
        lag.append(getattr(system, "reformfil_aendringer", ()))
        system = getattr(system, "baseline", None)
    return [a for aendringer_ in reversed(lag) for a in aendringer_]


def sat_af(regime: regimer.Regime) -> dict[str, list[VistAendring]]:
    """Parameternavn → ændringerne, der satte den (også gældende rets parametre, en reform overfører til)."""
    sat: dict[str, list[VistAendring]] = {}
    for a in aendringer(regime):
        for navn in (a.parameter, *a.overfoert_til):
            sat.setdefault(navn, []).append(a)
    return sat


def markering(sat: dict[str, list[VistAendring]], navn: str, dato: str) -> str:
    """'sat af reformfilen ...', hvis en ændring satte parameteren ``navn`` på datoen; ellers ''."""
    for a in sat.get(navn, ()):
        if a.fra <= dato and (a.til is None or dato <= a.til):
            return f"sat af reformfilen '{a.reform}' ({a.tekst()})"
    return ""


def regime_dict(regime: regimer.Regime) -> dict:
    """Oprindelsen og ændringerne til JSON-formaterne."""
    return {"oprindelse": list(regime.oprindelse), "aendringer": [a.som_dict() for a in aendringer(regime)]}


def som_markdown(regimer_: list[regimer.Regime]) -> list[str]:
    """Et afsnit per regime med egne ændringer: parameter, hjemmel, før → efter, fra."""
    linjer = []
    for r in regimer_:
        liste = aendringer(r)
        if not liste:
            continue
        linjer += [f"## Ændringer i {r.navn} ({', '.join(r.oprindelse)})", ""]
        linjer += ["| Parameter | Hjemmel | Før | Efter | Fra | Til |", "|---|---|---|---|---|---|"]
        for a in liste:
            linjer.append(
                f"| `{a.parameter}` | {'; '.join(a.hjemmel)} | {vist(a.foer)} | {vist(a.efter)} "
                f"| {a.fra} | {a.til or ''} |"
            )
        linjer.append("")
    return linjer


def som_tabeller(regimer_: list[regimer.Regime]) -> list:
    """Rich-tabeller med hvert regimes egne ændringer."""
    tabeller = []
    for r in regimer_:
        liste = aendringer(r)
        if not liste:
            continue
        tabel = Table(title=escape(f"Ændringer i {r.navn} ({', '.join(r.oprindelse)})"), title_justify="left")
        for kolonne in ("Parameter", "Hjemmel", "Før → efter", "Fra", "Til"):
            tabel.add_column(kolonne, overflow="fold")
        for a in liste:
            tabel.add_row(
                Text(a.parameter),
                Text("\n".join(a.hjemmel)),
                Text(f"{vist(a.foer)} → {vist(a.efter)}"),
                Text(a.fra),
                Text(a.til or ""),
            )
        tabeller.append(tabel)
    return tabeller


def vist(vaerdi) -> str:
    """En parameterværdi, som en jurist læser den (decimalkomma, ja/nej, lister med komma)."""
    if vaerdi is None or isinstance(vaerdi, Hul):
        return "ingen værdi"
    if isinstance(vaerdi, bool):
        return "ja" if vaerdi else "nej"
    if isinstance(vaerdi, float):
        return f"{vaerdi:g}".replace(".", ",")
    if isinstance(vaerdi, tuple | list):
        return ", ".join(map(str, vaerdi)) or "(ingen)"
    return str(vaerdi)


def _json_vaerdi(vaerdi):
    return list(vaerdi) if isinstance(vaerdi, tuple) else vaerdi


def _som_json(reformfil: Reformfil) -> dict:
    return {
        "navn": reformfil.navn,
        "kilde": reformfil.kilde,
        "bygger_paa": list(reformfil.bygger_paa),
        "aendringer": [
            {
                "parameter": a.parameter,
                "vaerdi": _json_vaerdi(a.vaerdi),
                "fra": a.fra,
                "til": a.til,
                "begrundelse": a.begrundelse,
            }
            for a in reformfil.aendringer
        ],
    }


def _vist_input(vaerdi) -> str:
    if isinstance(vaerdi, str):
        return f"'{vaerdi}'"
    return json.dumps(_json_vaerdi(vaerdi), ensure_ascii=False, default=str)
