"""Hvorfor en værdi er, som den er: beregningens spor som ét træ per person (eller arbejdssted).

Hver knude er en variabel med periode, personens værdi og § (fra variablens ``reference``);
en værdi, brugeren selv har angivet, er mærket ``[inddata]``, og en inddata-variabel, brugeren
ikke har angivet, ``[ikke oplyst: standardværdi]``. Under knuden står de parametre, formlen
læste, og de variabler, den byggede på. Hver parameter vises én gang, første gang den læses,
med værdi, § (parameterens ``metadata.reference``) og kilde (:func:`parameterkilde`); senere
læsninger siger "(se ovenfor)".

Med fremskrivning er en fremskreven parameter markeret "(fremskrevet)" (også ved "(se ovenfor)"),
dens kilde nævner den offentliggjorte værdi, den er fremskrevet fra, og hvert træs overskrift
nævner de fremskrevne satser, værdien bygger på.

Under et regime med egne ændringer (en reformfil eller ``--saet``) står ændringerne øverst, og en
parameterværdi, som ændringerne satte, siger "sat af reformfilen ..." med værdien før og efter, og
reformfilen som kilde.

:func:`forklaring` giver sporet som data (:class:`Forklaring`: et :class:`Trae` per medlem af
:class:`Knude`'r og :class:`Parameterlaesning`'er), som arbejdsbordet viser som JSON
(:func:`som_dict`); :func:`forklar` viser de samme data som rich-træer i terminalen.

:func:`forskel` forklarer, hvorfor en variabel er forskellig under to regimer (``forklar --regimer
A,B``, ``POST /forklar``): de to beregningers spor gennemgået fra variablen og ned, kun hvor
værdierne er forskellige, til de første steder, hvor de skilles (:class:`Aarsag`: en parameter, en
regel, en reform har erstattet, eller et inddata, kun det ene regime læser), med en sammenfatning
(:func:`resume`); :func:`forskel_som_dict` og :func:`vis_forskel` viser den som JSON og i terminalen.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import EnumArray
from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from openfisca_dk_beskaeftigelse import PARAMETERMAPPE, reformfil
from openfisca_dk_beskaeftigelse.beregning import (
    BrugerFejl,
    byg_simulering,
    ignorerede_inddata,
    inddata_uden_for_regimer,
    oprettet_af_openfisca,
    uden_inddata,
)
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.fremskrivning import (
    MAERKE,
    foelg,
    fremskrevne_i,
    laeste_fremskrevne,
    som_liste,
    som_tekst,
)
from openfisca_dk_beskaeftigelse.genbrug import aendringer
from openfisca_dk_beskaeftigelse.kilder import laesbar
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.reformstoette import REFORMPARAMETRE, parameter
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, regime, registrets_systemer

INDDATA = "[inddata]"
IKKE_OPLYST = "[ikke oplyst: standardværdi]"


@dataclass(frozen=True)
class Parameterkilde:
    """Hvor en parameters værdi på en dato kommer fra."""

    # Parameterens § (titlerne i ``metadata.reference``).
    hjemmel: tuple[str, ...]
    # Filen, værdien står i (``parameters/...`` eller ``reforms/parametre/...``), og værdiens
    # egen kilde (``metadata.reference`` ved den daterede værdi), hvis den har en.
    kilde: str
    # Regimet, der har sat en anden værdi end gældende ret (None: gældende rets værdi).
    sat_af: str | None = None
    # Datoen for den offentliggjorte værdi, en fremskreven værdi er fremskrevet fra (None: ikke fremskrevet).
    fremskrevet_fra: str | None = None


def parameterkilde(system, noegle: str, navn: str, dato: str) -> Parameterkilde:
    """Parameterens hjemmel og kilde under regimet ``noegle`` på ``dato``.

    En værdi, der afviger fra gældende rets på datoen, er sat af regimet (``sat_af``); det er
    stedet, hvor en værdi fra en reformfil også kan mærkes. I et fremskrevet system sammenlignes
    med gældende ret fremskrevet på samme måde, og en fremskreven værdi nævner sit grundlag.
    """
    try:
        p = parameter(system.parameters, navn)
    except (KeyError, AttributeError):
        return Parameterkilde((), "")
    hjemmel = tuple(_titler(p.metadata.get("reference")))
    # En dateret værdi arver parameterens metadata; kun dens egen kilde er ny.
    egen = [t for t in _titler(_vaerdi_paa(p, dato)) if t not in hjemmel]
    kilde = ", ".join([_fil(p), *egen])
    fremskrevne = fremskrevne_i(system)
    sat_af = None
    if noegle != GAELDENDE_RET:
        afviger = _afviger_fra_gaeldende_ret(p, navn, dato, bool(fremskrevne))
        sat_af = noegle if navn.startswith("reformer.") or afviger else None
    fremskrevet = fremskrevne.get(navn)
    fra = fremskrevet.grundlag if fremskrevet is not None and fremskrevet.daekker(dato) else None
    return Parameterkilde(hjemmel, kilde, sat_af, fra)


def _titler(reference) -> list[str]:
    if not reference:
        return []
    if isinstance(reference, str | dict):
        reference = [reference]
    return [
        laesbar(str(r.get("title") or r.get("href", ""))) if isinstance(r, dict) else str(r)
        for r in reference
    ]


def _fil(p) -> str:
    sti = Path(getattr(p, "file_path", "") or "")
    for mappe, vist in ((PARAMETERMAPPE, "parameters"), (REFORMPARAMETRE, "reforms/parametre")):
        if sti.is_relative_to(mappe):
            return f"{vist}/{sti.relative_to(mappe).as_posix()}"
    return sti.name


def _vaerdi_paa(p, dato: str):
    """Den daterede værdis ``metadata.reference`` (parameterens plus dens egen, fx en satstabel)."""
    for vaerdi in getattr(p, "values_list", []):
        if vaerdi.instant_str <= dato:
            return (vaerdi.metadata or {}).get("reference")
    return None


def _afviger_fra_gaeldende_ret(p, navn: str, dato: str, fremskrivning: bool) -> bool:
    try:
        grund = parameter(byg_system(GAELDENDE_RET, fremskrivning).parameters, navn)
        return bool(numpy.any(numpy.asarray(grund(dato)) != numpy.asarray(p(dato))))
    except (KeyError, AttributeError, ParameterHulError):
        return True


def _tekst(vaerdi) -> str:
    if isinstance(vaerdi, EnumArray):
        return ", ".join(m.name for m in vaerdi.decode())
    array = numpy.asarray(vaerdi)
    if array.dtype.kind == "M":
        datoer = array.astype("datetime64[D]").astype(datetime.date)
        return ", ".join("ingen" if d == INGEN_DATO else d.isoformat() for d in numpy.atleast_1d(datoer))
    if array.dtype.kind == "f":
        return ", ".join(f"{x:.2f}" for x in numpy.atleast_1d(array))
    return ", ".join(str(x) for x in numpy.atleast_1d(array).tolist())


@dataclass
class _Spor:
    """Det, der skal til for at vise sporet for ét medlem (person eller arbejdssted)."""

    system: object
    noegle: str
    simulering: object
    situation: dict
    entitet: object  # medlemmets entitet
    indeks: int
    id: str
    viste_parametre: set
    # Parametre, regimets egne ændringer satte (``reformfil.sat_af``), og hvor ændringerne kommer fra.
    sat: dict = field(default_factory=dict)
    oprindelse: tuple[str, ...] = ()

    def udsnit(self, entitet) -> numpy.ndarray:
        """Indeksene i ``entitet``s population, der hører til medlemmet."""
        if entitet.key == self.entitet.key:
            return numpy.array([self.indeks])
        if self.entitet.is_person:
            gruppe = self.simulering.populations[entitet.key]
            return numpy.array([gruppe.members_entity_id[self.indeks]])
        gruppe = self.simulering.populations[self.entitet.key]
        return numpy.flatnonzero(gruppe.members_entity_id == self.indeks)

    def maerke(self, variabel, entitet, indekser, periode) -> str:
        """``[inddata]``, når brugeren har angivet værdien for perioden; ellers for en inddata-variabel
        uden formel ``[ikke oplyst: standardværdi]``."""
        ids = self.simulering.populations[entitet.key].ids
        medlemmer = self.situation.get(entitet.plural)
        medlemmer = {str(k): v for k, v in medlemmer.items()} if isinstance(medlemmer, dict) else {}
        for i in indekser:
            felter = medlemmer.get(str(ids[i]))
            angivet = felter.get(variabel.name) if isinstance(felter, dict) else None
            if isinstance(angivet, dict) and any(
                _daekker(k, periode) for k, v in angivet.items() if v is not None
            ):
                return f" {INDDATA}"
        return f" {IKKE_OPLYST}" if variabel.is_input_variable() else ""


def _daekker(noegle, periode) -> bool:
    if str(noegle) == "ETERNITY" or periode.unit == periods.DateUnit.ETERNITY:
        return True
    angivet = periods.period(str(noegle))
    return angivet.start <= periode.start and periode.stop <= angivet.stop


@dataclass(frozen=True)
class Parameterlaesning:
    """En parameter, formlen læste: værdien på datoen og (første gang den vises) dens kilde."""

    navn: str
    periode: str
    vaerdi: str
    fremskrevet: bool
    # Parameteren er vist tidligere i træet; kilden står dér.
    se_ovenfor: bool = False
    kilde: Parameterkilde | None = None
    # "sat af reformfilen ...", hvis regimets egne ændringer satte værdien (``reformfil.markering``).
    egen: str = ""

    def detaljer(self) -> str:
        """Hjemmel, kilde, hvem der satte værdien og fremskrivningen, som én linje."""
        k = self.kilde
        if k is None:
            return ""
        return " · ".join(
            [
                *(["; ".join(k.hjemmel)] if k.hjemmel else []),
                *([f"kilde: {k.kilde}"] if k.kilde else []),
                *([f"sat af regimet {k.sat_af}"] if k.sat_af else []),
                *([self.egen] if self.egen else []),
                *(
                    [f"fremskrevet fra værdien pr. {k.fremskrevet_fra} med antagne reguleringsprocenter"]
                    if k.fremskrevet_fra
                    else []
                ),
            ]
        )


@dataclass(frozen=True)
class Knude:
    """Én beregnet (eller angivet) variabel i sporet, med det den læste."""

    variabel: str
    periode: str
    vaerdi: str
    # INDDATA, IKKE_OPLYST eller "".
    maerke: str
    label: str
    reference: tuple[str, ...]
    parametre: tuple[Parameterlaesning, ...]
    boern: tuple["Knude", ...]


@dataclass(frozen=True)
class Trae:
    """Sporet for ét medlem (person eller arbejdssted)."""

    id: str
    knuder: tuple[Knude, ...]


@dataclass(frozen=True)
class Forklaring:
    """Sporet af én variabel under ét regime: et træ per medlem, regimets egne ændringer og advarslerne."""

    variabel: str
    periode: str
    regime: str
    entitet: str
    traeer: tuple[Trae, ...]
    # Regimets navn, og hvor dets egne ændringer kommer fra (reformfilerne; tom for registrets).
    navn: str
    oprindelse: tuple[str, ...]
    # Regimets egne ændringer (``reformfil.aendringer``) med værdien før og efter.
    egne_aendringer: tuple
    # De fremskrevne satser (parameter, dato), værdien bygger på (tom uden fremskrivning).
    fremskrevne: tuple[tuple[str, str], ...]
    advarsler: tuple[str, ...]


def _knude(node, spor: _Spor) -> Knude | None:
    variabel = spor.system.variables.get(node.name)
    if variabel is None:
        return None
    indekser = spor.udsnit(variabel.entity)
    ids = spor.simulering.populations[variabel.entity.key].ids
    vaerdi = node.value[indekser] if node.value is not None else None
    vist = _tekst(vaerdi) if vaerdi is not None else "?"
    if len(indekser) != 1:
        # Et arbejdssteds spor: personernes værdier, hver med sit id.
        vist = ", ".join(f"{ids[i]}: {_tekst(node.value[[i]])}" for i in indekser) or "(ingen)"
    parametre = tuple(_parameter(p, spor) for p in node.parameters)
    boern = tuple(k for k in (_knude(barn, spor) for barn in node.children) if k is not None)
    return Knude(
        node.name,
        str(node.period),
        vist,
        spor.maerke(variabel, variabel.entity, indekser, node.period).strip(),
        variabel.label,
        tuple(variabel.reference or ()),
        parametre,
        boern,
    )


def _parameter(p, spor: _Spor) -> Parameterlaesning:
    dato = str(p.period)
    # Et vektorielt opslag (satser[gruppe]) læser en knude: den er fremskrevet, hvis et blad under den er.
    fremskrevet = bool(laeste_fremskrevne(fremskrevne_i(spor.system), p.name, dato))
    if p.name in spor.viste_parametre:
        return Parameterlaesning(p.name, dato, _tekst(p.value), fremskrevet, se_ovenfor=True)
    spor.viste_parametre.add(p.name)
    kilde = parameterkilde(spor.system, spor.noegle, p.name, dato)
    egen = reformfil.markering(spor.sat, p.name, dato[:10])
    if egen:
        kilde = Parameterkilde(kilde.hjemmel, ", ".join(spor.oprindelse), None, kilde.fremskrevet_fra)
    return Parameterlaesning(p.name, dato, _tekst(p.value), fremskrevet, kilde=kilde, egen=egen)


def _vis_knude(knude: Knude, trae: Tree) -> None:
    tekst = Text.assemble(
        (knude.variabel, "bold"),
        f"<{knude.periode}> = {knude.vaerdi}",
        (f" {knude.maerke}" if knude.maerke else "", "magenta"),
        f" — {knude.label}",
        (f" ({knude.reference[0]})" if knude.reference else "", "dim"),
    )
    gren = trae.add(tekst)
    for p in knude.parametre:
        _vis_parameter(p, gren)
    for barn in knude.boern:
        _vis_knude(barn, gren)


def _vis_parameter(p: Parameterlaesning, gren: Tree) -> None:
    fremskrevet = (MAERKE, "magenta") if p.fremskrevet else ""
    if p.se_ovenfor:
        gren.add(
            Text.assemble(("parameter ", "cyan"), (p.navn, "cyan"), fremskrevet, (" (se ovenfor)", "dim"))
        )
        return
    detaljer = p.detaljer()
    gren.add(
        Text.assemble(
            ("parameter ", "cyan"),
            (p.navn, "cyan"),
            f"<{p.periode}> = {p.vaerdi}",
            fremskrevet,
            (f"\n{detaljer}" if detaljer else "", "dim"),
        )
    )


def _laest(node, laest: set) -> set:
    laest.add((node.name, node.period))
    for barn in node.children:
        _laest(barn, laest)
    return laest


def _medlemmer(system, simulering, situation: dict, variabel: str, person: str | None):
    """(entitet, alle id'er, de viste id'er) for variablens entitet: dem, situationen angiver (ikke
    dem, OpenFisca selv oprettede); ``person`` skal være en af dem."""
    population = simulering.get_variable_population(variabel)
    entitet = population.entity
    alle_ids = [str(i) for i in population.ids]
    ids = [i for i in alle_ids if not oprettet_af_openfisca(system, situation, entitet.plural, i)]
    if not ids:
        raise BrugerFejl(
            f"--variabel: '{variabel}' gælder {entitet.plural}, og situationen har ingen "
            f"(angiv {entitet.plural} i situationsfilen)"
        )
    if person is not None and person not in ids:
        raise BrugerFejl(
            f"--person: '{person}' findes ikke blandt {entitet.plural} i situationen "
            f"(variablen '{variabel}' gælder {entitet.plural}: {', '.join(ids)})"
        )
    return entitet, alle_ids, ids


def _sporet(situation: dict, periode: str, variabel: str, noegle: str, fremskrivning: bool):
    """Regimets simulering med OpenFiscas sporing (og fremskrivningens), og variablen beregnet, hvis
    regimet har den: (system, situationen uden andre regimers inddata, advarslerne om dem,
    simuleringen, fremskrivningens spor, perioden, variablen blev beregnet for)."""
    system = byg_system(noegle, fremskrivning)
    situation, ignoreret = _uden_andre_regimers_inddata(situation, noegle)
    simulering = byg_simulering(system, situation)
    simulering.trace = True
    folger = foelg(simulering)
    periode_ = periode
    if variabel in system.variables:
        if str(system.variables[variabel].definition_period) == "eternity":
            periode_ = "ETERNITY"
        simulering.calculate(variabel, periode_)
    return system, situation, ignoreret, simulering, folger, periode_


def forklaring(
    situation: dict,
    periode: str,
    variabel: str,
    noegle: str,
    person: str | None = None,
    fremskrivning: bool = False,
) -> Forklaring:
    """Sporet som data: ét træ per person (eller arbejdssted; ``person`` vælger ét) og advarslerne
    om inddata, beregningen gik forbi (se ``ignorerede_inddata``); ``fremskrivning``: med
    fremskrevne satser."""
    if variabel not in byg_system(noegle, fremskrivning).variables:
        raise BrugerFejl(f"--variabel: ukendt variabel '{variabel}' i regimet '{noegle}'")
    system, situation, ignoreret, simulering, folger, _ = _sporet(
        situation, periode, variabel, noegle, fremskrivning
    )
    entitet, alle_ids, ids = _medlemmer(system, simulering, situation, variabel, person)
    regime_ = regime(noegle)
    sat = reformfil.sat_af(regime_)
    traeer = []
    for id_ in [person] if person is not None else ids:
        spor = _Spor(
            system,
            noegle,
            simulering,
            situation,
            entitet,
            alle_ids.index(id_),
            id_,
            set(),
            sat,
            regime_.oprindelse,
        )
        knuder = (_knude(rod, spor) for rod in simulering.tracer.trees)
        traeer.append(Trae(id_, tuple(k for k in knuder if k is not None)))
    laest = set()
    for rod in simulering.tracer.trees:
        _laest(rod, laest)
    # Beregningen er vektoriseret: de fremskrevne satser er læst for alle medlemmer på én gang.
    laeste = folger.laest_siden(0) if folger else []
    advarsler = ignoreret + ignorerede_inddata([system], situation, periode, laest)
    return Forklaring(
        variabel,
        periode,
        noegle,
        entitet.plural,
        tuple(traeer),
        regime_.navn,
        regime_.oprindelse,
        tuple(reformfil.aendringer(regime_)),
        tuple(laeste),
        tuple(advarsler),
    )


def forklar(
    situation: dict,
    periode: str,
    variabel: str,
    noegle: str,
    person: str | None = None,
    fremskrivning: bool = False,
) -> tuple[Group, list[str]]:
    """:func:`forklaring` som rich-træer (ét per medlem) og advarslerne."""
    f = forklaring(situation, periode, variabel, noegle, person, fremskrivning)
    note = _fremskrevne_note(f.fremskrevne)
    traeer = []
    if f.oprindelse:
        egne = Tree(Text(f"{f.navn}: egne ændringer fra {', '.join(f.oprindelse)}", style="bold"))
        for a in f.egne_aendringer:
            egne.add(Text(f"{a.parameter} ({'; '.join(a.hjemmel)}): {a.tekst()}"))
        traeer.append(egne)
    for t in f.traeer:
        trae = Tree(
            Text.assemble(
                "Forklaring af ",
                (f.variabel, "bold"),
                f" for {t.id} ({f.entitet}) i {f.periode} ({f.regime})",
                (note, "magenta"),
            )
        )
        for knude in t.knuder:
            _vis_knude(knude, trae)
        traeer.append(trae)
    return Group(*traeer), list(f.advarsler)


def _fremskrevne_note(fremskrevne) -> str:
    """Træets overskrift: de fremskrevne satser, værdierne bygger på (tom uden)."""
    return (
        f"\nBygger på fremskrevne satser (antagelse): {som_tekst(list(fremskrevne))}" if fremskrevne else ""
    )


def _parameterkilde_dict(k: Parameterkilde | None) -> dict | None:
    if k is None:
        return None
    return {
        "hjemmel": list(k.hjemmel),
        "kilde": k.kilde,
        "sat_af": k.sat_af,
        "fremskrevet_fra": k.fremskrevet_fra,
    }


def _knude_dict(k: Knude) -> dict:
    return {
        "variabel": k.variabel,
        "periode": k.periode,
        "vaerdi": k.vaerdi,
        "maerke": k.maerke or None,
        "label": k.label,
        "reference": list(k.reference),
        "parametre": [
            {
                "navn": p.navn,
                "periode": p.periode,
                "vaerdi": p.vaerdi,
                "fremskrevet": p.fremskrevet,
                "se_ovenfor": p.se_ovenfor,
                "kilde": _parameterkilde_dict(p.kilde),
                "egen": p.egen or None,
                "detaljer": p.detaljer(),
            }
            for p in k.parametre
        ],
        "boern": [_knude_dict(b) for b in k.boern],
    }


def som_dict(f: Forklaring) -> dict:
    """Forklaringen som JSON: træerne, de fremskrevne satser og advarslerne."""
    return {
        "variabel": f.variabel,
        "periode": f.periode,
        "regime": f.regime,
        "entitet": f.entitet,
        "navn": f.navn,
        "oprindelse": list(f.oprindelse),
        "egne_aendringer": [a.som_dict() for a in f.egne_aendringer],
        "traeer": [{"id": t.id, "knuder": [_knude_dict(k) for k in t.knuder]} for t in f.traeer],
        "fremskrevne": som_liste(list(f.fremskrevne)),
        "advarsler": list(f.advarsler),
    }


def _uden_andre_regimers_inddata(situation: dict, noegle: str) -> tuple[dict, list[str]]:
    """Situationen uden inddata, som kun andre regimer kender (fx en reforms egne), og advarslerne.

    Som i ``sammenlign``: regimet ser bort fra dem. En variabel, som intet regime kender, bliver
    stående, så OpenFisca melder fejlen med feltets sti.
    """
    fjernes = list(inddata_uden_for_regimer({noegle: byg_system(noegle)}, situation, registrets_systemer))
    advarsler = [f"{p}/{i}/{n} findes ikke under {noegle}, der ser bort fra værdien" for p, i, n in fjernes]
    return uden_inddata(situation, fjernes), advarsler


# ---- forskellen mellem to regimer ------------------------------------------------------------
#
# Hvorfor en variabel er forskellig under to regimer: hvert regimes beregning køres én gang med
# OpenFiscas sporing, og de to spor gennemgås fra variablen og ned, kun hvor værdierne er
# forskellige, til de første steder, hvor beregningerne skilles (:class:`Aarsag`): en parameter
# med en anden værdi (eller som kun det ene regime har), en regel (et søm), et regime har erstattet,
# eller et inddata, kun det ene regime læser. Ens delberegninger tælles, ikke vises.

# Grænser for gennemgangen: så dybt og så mange forskellige knuder per træ; derefter "afkortet".
MAKS_FORSKELSDYBDE = 40
MAKS_FORSKELSKNUDER = 200
# Højst så mange ens beregninger tælles under én knude (tallet vises da som "mindst").
MAKS_ENS = 5_000
# Årsager i sammenfatningen (resten står i træet).
MAKS_AARSAGER_I_RESUME = 3

PARAMETER, SOEM, INDDATA_AARSAG = "parameter", "soem", "inddata"


@dataclass(frozen=True)
class Aarsag:
    """Et sted, hvor de to beregninger skilles: en parameter, en erstattet regel (søm) eller et inddata.

    ``vaerdi_a``/``vaerdi_b`` er None, hvor regimet ikke har (eller ikke læser) parameteren eller
    inddataet. ``reform`` er reformen, der ændrede parameteren eller erstattede reglen, ``regime``
    regimet (A eller B), den hører til, og ``reformkilder`` reformens kilder (dokument og afsnit,
    eller reformfilen).
    """

    art: str
    navn: str
    beskrivelse: str
    hjemmel: tuple[str, ...]
    periode: str
    vaerdi_a: str | None
    vaerdi_b: str | None
    fil: str = ""
    reform: str = ""
    regime: str = ""
    reformkilder: tuple[str, ...] = ()
    kildefiler: tuple[str, ...] = ()
    # Et søm: første linje af reformformlens docstring (ellers variablens documentation).
    regel: str = ""


@dataclass(frozen=True)
class Forskelsknude:
    """En variabel, hvis værdi er forskellig under de to regimer, med årsagerne og de forskellige
    variabler, den bygger på; ``ens`` er antallet af ens beregninger under den (ikke vist)."""

    variabel: str
    periode: str
    label: str
    reference: tuple[str, ...]
    # Værdierne som i sporet (None: regimet beregner ikke variablen) og som en læser ser dem.
    vaerdi_a: str | None
    vaerdi_b: str | None
    vist_a: str | None
    vist_b: str | None
    aarsager: tuple[Aarsag, ...]
    boern: tuple["Forskelsknude", ...]
    ens: int
    # Beregninger under knuden, som kun regime A (B) lavede, fordi dets regel læser dem (ikke vist).
    kun_a: int
    kun_b: int
    # Knuden er vist tidligere i træet.
    se_ovenfor: bool = False


@dataclass(frozen=True)
class Forskelstrae:
    """Forskellen for ét medlem; ``rod`` er None, når værdien er den samme under begge regimer."""

    id: str
    rod: Forskelsknude | None
    vaerdi: str
    resume: str
    # Gennemgangen ramte MAKS_FORSKELSDYBDE eller MAKS_FORSKELSKNUDER.
    afkortet: bool


@dataclass(frozen=True)
class Forskel:
    """Hvorfor en variabel er forskellig under regimerne A og B: et træ per medlem og advarslerne."""

    variabel: str
    label: str
    periode: str
    entitet: str
    regimer: tuple[str, str]
    navne: tuple[str, str]
    traeer: tuple[Forskelstrae, ...]
    advarsler: tuple[str, ...]
    # De fremskrevne satser (parameter, dato), en af de to beregninger bygger på (tom uden fremskrivning).
    fremskrevne: tuple[tuple[str, str], ...] = ()


@dataclass
class _Beregning:
    """Ét regimes beregning: sporet som opslag (variabel, periode) → værdi, læste variabler og parametre."""

    noegle: str
    system: object
    simulering: object
    situation: dict
    vaerdier: dict = field(default_factory=dict)
    boern: dict = field(default_factory=dict)
    parametre: dict = field(default_factory=dict)
    # Hver (variabel, periode) i sporet med OpenFiscas periode (til ``ignorerede_inddata``).
    laest: set = field(default_factory=set)
    # De fremskrevne (parameter, dato), beregningen byggede på.
    fremskrevne: tuple = ()

    def laes_spor(self) -> None:
        # En værdi, der læses igen, er en knude uden børn: foreningen over knuderne er beregningen.
        stak = list(self.simulering.tracer.trees)
        while stak:
            knude = stak.pop()
            noegle = (knude.name, str(knude.period))
            self.laest.add((knude.name, knude.period))
            if knude.value is not None:
                self.vaerdier.setdefault(noegle, knude.value)
            boern = self.boern.setdefault(noegle, {})
            for barn in knude.children:
                if (barn.name, str(barn.period)) != noegle:
                    boern.setdefault((barn.name, str(barn.period)), None)
            stak.extend(reversed(knude.children))
            laeste = self.parametre.setdefault(noegle, {})
            for p in knude.parameters:
                laeste.setdefault((p.name, str(p.period)), p.value)


def _vist(vaerdi) -> str:
    """Værdien, som en læser ser den: en Enums tekst, ja/nej, datoer og tal som i sporet."""
    if isinstance(vaerdi, EnumArray):
        return ", ".join(str(m.value) for m in vaerdi.decode())
    if numpy.asarray(vaerdi).dtype.kind == "b":
        return ", ".join("ja" if x else "nej" for x in numpy.atleast_1d(vaerdi))
    return _tekst(vaerdi)


def _parametertekst(vaerdi) -> str:
    if hasattr(vaerdi, "_children"):
        return str(vaerdi)
    return _tekst(vaerdi)


def _foerste_linje(tekst: str | None) -> str:
    return next((linje.strip() for linje in (tekst or "").strip().splitlines() if linje.strip()), "")


def _regel(variabel, periode: str, reform: type | None) -> str:
    """Første linje af reformformlens docstring, ellers af reformens egen docstring (ellers labelen)."""
    try:
        formel = variabel.get_formula(periode)
    except ValueError:
        formel = None
    return (
        _foerste_linje(getattr(formel, "__doc__", None))
        or _foerste_linje(getattr(reform, "__doc__", None))
        or str(variabel.label or "")
    )


def _trin(noegle: str) -> list[tuple[type, object, object]]:
    """Regimets reformer, den sidst lagte først, hver med systemet før og efter den."""
    trin = []
    system = byg_system(noegle)
    # Gældende rets system har også en ``baseline``, men den er None.
    while getattr(system, "baseline", None) is not None:
        trin.append((type(system), system.baseline, system))
        system = system.baseline
    return trin


def _reformens_kilder(klasse: type, noegle: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Reformens kilder som henvisninger (dokument og afsnit) og kildefilerne (``shared/seeds/``)."""
    kilder = tuple(getattr(klasse, "kilder", ()))
    if not kilder:
        # En reformfil har ingen kilder i registret: filen er kilden.
        return regime(noegle).oprindelse, regime(noegle).oprindelse
    return tuple(k.henvisning for k in kilder), tuple(dict.fromkeys(k.fil for k in kilder))


class _Gennemgang:
    """De to beregningers spor gennemgået for ét medlem fra variablen og ned."""

    def __init__(self, a: _Beregning, b: _Beregning, spor_a: _Spor, spor_b: _Spor) -> None:
        self.a, self.b = a, b
        self.spor = (spor_a, spor_b)
        self.vist: set = set()
        self.knuder = 0
        self.afkortet = False

    def _vaerdi(self, side: int, noegle) -> object | None:
        beregning = (self.a, self.b)[side]
        vaerdi = beregning.vaerdier.get(noegle)
        variabel = beregning.system.variables.get(noegle[0])
        if vaerdi is None or variabel is None:
            return None
        return vaerdi[self.spor[side].udsnit(variabel.entity)]

    def tekster(self, noegle) -> tuple[str | None, str | None]:
        return tuple(None if (v := self._vaerdi(s, noegle)) is None else _tekst(v) for s in (0, 1))

    def visninger(self, noegle) -> tuple[str | None, str | None]:
        return tuple(None if (v := self._vaerdi(s, noegle)) is None else _vist(v) for s in (0, 1))

    def _variabel(self, navn: str):
        return self.b.system.variables.get(navn) or self.a.system.variables.get(navn)

    def _boern(self, noegle) -> list:
        return list(dict.fromkeys([*self.a.boern.get(noegle, {}), *self.b.boern.get(noegle, {})]))

    def _omfang(self, noegler, talt: set) -> None:
        stak = list(noegler)
        while stak and len(talt) < MAKS_ENS:
            noegle = stak.pop()
            if noegle not in talt:
                talt.add(noegle)
                stak.extend(self._boern(noegle))

    def gren(self, noegle, dybde: int = 0) -> Forskelsknude:
        self.vist.add(noegle)
        self.knuder += 1
        variabel = self._variabel(noegle[0])
        tekst_a, tekst_b = self.tekster(noegle)
        aarsager = [*self._soem(noegle, tekst_a, tekst_b), *self._parametre(noegle)]
        boern, ens, kun = [], set(), (set(), set())
        for barn in self._boern(noegle):
            barn_a, barn_b = self.tekster(barn)
            if barn_a == barn_b:
                self._omfang([barn], ens)
                continue
            barnevariabel = self._variabel(barn[0])
            if barnevariabel.is_input_variable():
                aarsager.append(self._inddata(barn, barnevariabel, barn_a, barn_b))
            elif None in (barn_a, barn_b) and not self._erstattet(barn[0]):
                # Kun det ene regime beregner den (dets regel læser den): følgen af en ændring ovenfor.
                self._omfang([barn], kun[0 if barn_b is None else 1])
            elif barn in self.vist:
                boern.append(self._se_ovenfor(barn, barnevariabel))
            elif dybde + 1 >= MAKS_FORSKELSDYBDE or self.knuder >= MAKS_FORSKELSKNUDER:
                self.afkortet = True
            else:
                boern.append(self.gren(barn, dybde + 1))
        return self._knude(noegle, variabel, aarsager, boern, len(ens), (len(kun[0]), len(kun[1])))

    def _erstattet(self, navn: str) -> bool:
        return self.a.system.variables.get(navn) is not self.b.system.variables.get(navn)

    def _se_ovenfor(self, noegle, variabel) -> Forskelsknude:
        return self._knude(noegle, variabel, se_ovenfor=True)

    def _knude(
        self, noegle, variabel, aarsager=(), boern=(), ens: int = 0, kun=(0, 0), se_ovenfor: bool = False
    ) -> Forskelsknude:
        """Knuden for (variabel, periode) med de to regimers værdier, som i sporet og som vist."""
        return Forskelsknude(
            noegle[0],
            noegle[1],
            str(variabel.label or noegle[0]),
            tuple(variabel.reference or ()),
            *self.tekster(noegle),
            *self.visninger(noegle),
            tuple(aarsager),
            tuple(boern),
            ens,
            *kun,
            se_ovenfor=se_ovenfor,
        )

    def _reform(self, navn: str, parameter_: bool) -> tuple[type | None, str, tuple, tuple]:
        """Reformen (klassen, regimet, kilderne og kildefilerne), der ændrede parameteren eller
        erstattede variablen; den sidst lagte i B's stak, ellers i A's."""
        for beregning in (self.b, self.a):
            for klasse, foer, efter in _trin(beregning.noegle):
                aendret = aendringer(foer, efter)
                if aendret.parameter_aendret(navn) if parameter_ else navn in aendret.variabler:
                    return klasse, beregning.noegle, *_reformens_kilder(klasse, beregning.noegle)
        return None, "", (), ()

    def _soem(self, noegle, tekst_a, tekst_b) -> list[Aarsag]:
        navn, periode = noegle
        variabel_a, variabel_b = self.a.system.variables.get(navn), self.b.system.variables.get(navn)
        if variabel_a is variabel_b:
            return []
        reform, regime_, kilder, filer = self._reform(navn, parameter_=False)
        variabel = variabel_b if regime_ != self.a.noegle and variabel_b is not None else variabel_a
        return [
            Aarsag(
                SOEM,
                navn,
                str(variabel.label or navn),
                tuple(variabel.reference or ()),
                periode,
                tekst_a,
                tekst_b,
                reform=getattr(reform, "name", ""),
                regime=regime_,
                reformkilder=kilder,
                kildefiler=filer,
                regel=_regel(variabel, periode, reform),
            )
        ]

    def _inddata(self, noegle, variabel, tekst_a, tekst_b) -> Aarsag:
        return Aarsag(
            INDDATA_AARSAG,
            noegle[0],
            str(variabel.label or noegle[0]),
            tuple(variabel.reference or ()),
            noegle[1],
            tekst_a,
            tekst_b,
        )

    def _parametervaerdi(self, beregning: _Beregning, noegle, navn: str, dato: str):
        """(findes, værdi): det, formlen læste, ellers parameterens værdi i regimet på datoen."""
        laest = beregning.parametre.get(noegle, {})
        if (navn, dato) in laest:
            return True, laest[(navn, dato)]
        try:
            return True, parameter(beregning.system.parameters, navn)(dato)
        except (KeyError, AttributeError):
            return False, None
        except (ParameterHulError, ValueError, TypeError):
            return True, None

    def _parametre(self, noegle) -> list[Aarsag]:
        laeste = dict.fromkeys([*self.a.parametre.get(noegle, {}), *self.b.parametre.get(noegle, {})])
        forskellige = []
        for navn, dato in laeste:
            findes_a, a = self._parametervaerdi(self.a, noegle, navn, dato)
            findes_b, b = self._parametervaerdi(self.b, noegle, navn, dato)
            tekst_a = _parametertekst(a) if findes_a else None
            tekst_b = _parametertekst(b) if findes_b else None
            if tekst_a != tekst_b:
                forskellige.append((navn, dato, tekst_a, tekst_b))
        return [self._parameteraarsag(*p) for p in self._relevante(noegle, forskellige)]

    def _relevante(self, noegle, forskellige: list) -> list:
        """En parameter per Enum-værdi (fx én per målgruppe) læses for alle værdier på én gang: af
        flere blade under samme knude vises dem, hvis navn er en værdi, formlen læste for medlemmet."""
        grupper: dict[str, list] = {}
        for p in forskellige:
            grupper.setdefault(p[0].rsplit(".", 1)[0], []).append(p)
        laeste_vaerdier = {
            del_
            for barn in self._boern(noegle)
            for tekst in self.tekster(barn)
            if tekst is not None
            for del_ in tekst.split(", ")
        }
        relevante = []
        for blade in grupper.values():
            valgte = [p for p in blade if p[0].rsplit(".", 1)[-1] in laeste_vaerdier]
            relevante += valgte if len(blade) > 1 and valgte else blade
        return relevante

    def _parameteraarsag(self, navn: str, dato: str, tekst_a, tekst_b) -> Aarsag:
        system = (self.b if tekst_b is not None else self.a).system
        p = parameter(system.parameters, navn)
        beskrivelse = str(getattr(p, "description", "") or navn)
        foraelder = navn.rsplit(".", 1)[0]
        try:
            over = getattr(parameter(system.parameters, foraelder), "description", None)
        except (KeyError, AttributeError):
            over = None
        if over and "." in navn:
            beskrivelse = f"{over}: {beskrivelse}"
        reform, regime_, kilder, filer = self._reform(navn, parameter_=True)
        return Aarsag(
            PARAMETER,
            navn,
            beskrivelse,
            tuple(_titler(p.metadata.get("reference"))),
            dato,
            tekst_a,
            tekst_b,
            fil=_fil(p),
            reform=getattr(reform, "name", ""),
            regime=regime_,
            reformkilder=kilder,
            kildefiler=filer,
        )


def _beregning(situation: dict, periode: str, variabel: str, noegle: str, fremskrivning: bool):
    """Regimets beregning af variablen med sporing (ingen, hvis regimet ikke har variablen)."""
    system, situation, ignoreret, simulering, folger, periode_ = _sporet(
        situation, periode, variabel, noegle, fremskrivning
    )
    beregning = _Beregning(noegle, system, simulering, situation)
    beregning.laes_spor()
    beregning.fremskrevne = tuple(folger.laest_siden(0)) if folger else ()
    advarsler = ignoreret + ignorerede_inddata([system], situation, periode, beregning.laest)
    return beregning, str(periode_), advarsler


def forskel(
    situation: dict,
    periode: str,
    variabel: str,
    regimer: tuple[str, str],
    person: str | None = None,
    fremskrivning: bool = False,
) -> Forskel:
    """Hvorfor ``variabel`` er forskellig under regimerne A og B (``regimer``): ét træ per medlem
    (``person`` vælger ét) med stien, hvor beregningerne skilles, og en sammenfatning.

    Hvert regime beregnes én gang med sporing; gennemgangen læser kun sporene (se :class:`Aarsag`).
    """
    noegle_a, noegle_b = regimer
    if not any(variabel in byg_system(n).variables for n in regimer):
        raise BrugerFejl(
            f"--variabel: ukendt variabel '{variabel}' under regimerne '{noegle_a}' og '{noegle_b}'"
        )
    a, periode_, advarsler_a = _beregning(situation, periode, variabel, noegle_a, fremskrivning)
    b, periode_b, advarsler_b = _beregning(situation, periode, variabel, noegle_b, fremskrivning)
    # Variablen findes måske kun under det ene regime (en reforms nye uddata).
    har = b if variabel in b.system.variables else a
    periode_ = periode_b if har is b else periode_
    entitet, alle_ids, ids = _medlemmer(har.system, har.simulering, situation, variabel, person)
    navne = (regime(noegle_a).navn, regime(noegle_b).navn)
    label = str(har.system.variables[variabel].label or variabel)
    traeer = []
    for id_ in [person] if person is not None else ids:
        indeks = alle_ids.index(id_)
        spor = [
            _Spor(x.system, x.noegle, x.simulering, x.situation, entitet, indeks, id_, set()) for x in (a, b)
        ]
        gennemgang = _Gennemgang(a, b, *spor)
        rod = (variabel, periode_)
        tekst_a, tekst_b = gennemgang.tekster(rod)
        knude = gennemgang.gren(rod) if tekst_a != tekst_b else None
        vaerdi = tekst_a if knude is None else ""
        vist = gennemgang.visninger(rod)[0] if knude is None else ""
        traeer.append(
            Forskelstrae(id_, knude, vaerdi, resume(knude, label, id_, vist, navne), gennemgang.afkortet)
        )
    return Forskel(
        variabel,
        label,
        periode,
        entitet.plural,
        (noegle_a, noegle_b),
        navne,
        tuple(traeer),
        tuple(dict.fromkeys(advarsler_a + advarsler_b)),
        tuple(sorted(set(a.fremskrevne) | set(b.fremskrevne))),
    )


# ---- sammenfatningen: skabeloner udfyldt med labels, henvisninger og værdier ----------------


def _lille(label: str) -> str:
    """Labelen midt i en sætning: første bogstav småt, medmindre ordet er en forkortelse (LAB, SDL)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _i_parentes(tekst: str) -> str:
    return f" ({tekst})" if tekst else ""


def _kort(label: str) -> str:
    """Labelen uden en afsluttende forklaring i parentes, midt i en sætning."""
    return _lille(re.sub(r"\s*\([^()]*\)$", "", label))


def _vaerdipar(k: Forskelsknude, navne: tuple[str, str]) -> str:
    if k.vist_a is None:
        return f"'{k.vist_b}' (beregnes ikke under {navne[0]})"
    if k.vist_b is None:
        return f"ikke beregnet (under {navne[0]}: '{k.vist_a}')"
    return f"'{k.vist_b}' i stedet for '{k.vist_a}'"


def _grund(k: Forskelsknude, navne: tuple[str, str]) -> list[str]:
    """Knudens årsager kort: parametrene (ellers den nye regel), inddataene og reformernes kilder."""
    parametre = [a for a in k.aarsager if a.art == PARAMETER]
    dele = []
    for a in parametre[:MAKS_AARSAGER_I_RESUME]:
        if a.vaerdi_b is None:
            dele.append(f"{a.navn} findes ikke under {navne[1]} (under {navne[0]}: {a.vaerdi_a})")
        elif a.vaerdi_a is None:
            dele.append(f"{a.navn} = {a.vaerdi_b} i {a.fil}")
        else:
            dele.append(f"{a.navn} = {a.vaerdi_b} i stedet for {a.vaerdi_a} i {a.fil}")
    if not parametre:
        dele += [f"ny regel: {a.regel.rstrip('.')}" for a in k.aarsager if a.art == SOEM][:1]
    for a in [a for a in k.aarsager if a.art == INDDATA_AARSAG][:MAKS_AARSAGER_I_RESUME]:
        hvor = navne[1] if a.vaerdi_a is None else navne[0]
        vaerdi = a.vaerdi_b if a.vaerdi_a is None else a.vaerdi_a
        dele.append(f"inddata {a.navn} = {vaerdi} læses kun under {hvor}")
    kilder = dict.fromkeys(kilde for a in k.aarsager for kilde in a.reformkilder)
    return dele + list(kilder)


def _kaede(rod: Forskelsknude) -> list[Forskelsknude]:
    """Stien fra roden ned ad den første forskellige variabel med en årsag, til en knude uden
    forskellige børn."""
    kaede = [rod]
    while True:
        boern = [b for b in kaede[-1].boern if not b.se_ovenfor]
        if not boern:
            return kaede
        kaede.append(next((b for b in boern if _har_aarsager(b)), boern[0]))


def _har_aarsager(k: Forskelsknude) -> bool:
    return bool(k.aarsager) or any(_har_aarsager(b) for b in k.boern)


def resume(rod: Forskelsknude | None, label: str, id_: str, vist: str, navne: tuple[str, str]) -> str:
    """Forskellen i én sætning: stien fra det første sted, beregningerne skilles, op til variablen,
    hvert led med § og årsager; kun skabeloner udfyldt med labels, henvisninger og værdier fra træet."""
    if rod is None:
        # Et navn kan selv ende på punktum (fx "70 pct."): sætningen får kun ét.
        slut = navne[1].rstrip(".")
        return f"Ingen forskel: »{_kort(label)}« for {id_} er '{vist}' under både {navne[0]} og {slut}."
    led = []
    kaede = list(reversed(_kaede(rod)))
    for nr, k in enumerate(kaede):
        hvem = f" for {id_}" if k is rod else ""
        led.append(
            f"{'er' if nr == 0 else 'derfor er'} »{_kort(k.label)}«{hvem} {_vaerdipar(k, navne)}"
            + _i_parentes("; ".join([*k.reference[:1], *_grund(k, navne)]))
        )
    if not any(k.aarsager for k in kaede):
        led.append("stedet, hvor beregningerne skilles, ligger uden for gennemgangens grænse")
    return f"Under {navne[1]} (mod {navne[0]}) " + "; ".join(led) + "."


# ---- visningen i terminalen og som JSON -----------------------------------------------------


def _vis_aarsag(a: Aarsag, gren: Tree, navne: tuple[str, str]) -> None:
    vaerdier = " → ".join("(findes ikke)" if v is None else v for v in (a.vaerdi_a, a.vaerdi_b))
    if a.art == PARAMETER:
        hoved = Text.assemble(("parameter ", "cyan"), (a.navn, "cyan"), f"<{a.periode}>: {vaerdier}")
        # Reformens egen parameter har reformens kilde som hjemmel; den står på linjen under.
        hjemmel = [h for h in a.hjemmel if not any(h.startswith(k) for k in a.reformkilder)]
        detaljer = " · ".join(
            [
                a.beskrivelse,
                *(["; ".join(hjemmel)] if hjemmel else []),
                *([f"kilde: {a.fil}"] if a.fil else []),
            ]
        )
    elif a.art == SOEM:
        hoved = Text.assemble(("regel ", "magenta"), (a.navn, "bold"), f" erstattet: {a.regel}")
        detaljer = ""
    else:
        hoved = Text.assemble(("inddata ", "magenta"), (a.navn, "bold"), f"<{a.periode}>: {vaerdier}")
        detaljer = " · ".join([a.beskrivelse, *a.hjemmel[:1]])
    filer = f" ({', '.join(a.kildefiler)})" if a.kildefiler and a.kildefiler != a.reformkilder else ""
    hvem = f"{a.reform}: {'; '.join(a.reformkilder)}{filer}" if a.reform else ""
    tekst = "\n".join(d for d in (detaljer, hvem) if d)
    gren.add(Text.assemble(hoved, (f"\n{tekst}" if tekst else "", "dim")))


def _vis_forskelsknude(k: Forskelsknude, trae: Tree, navne: tuple[str, str]) -> None:
    a = k.vaerdi_a if k.vaerdi_a is not None else "(beregnes ikke)"
    b = k.vaerdi_b if k.vaerdi_b is not None else "(beregnes ikke)"
    gren = trae.add(
        Text.assemble(
            (k.variabel, "bold"),
            f"<{k.periode}>: {a} → {b}",
            f" — {k.label}",
            (f" ({k.reference[0]})" if k.reference else "", "dim"),
            (" (se ovenfor)" if k.se_ovenfor else "", "dim"),
        )
    )
    for aarsag in k.aarsager:
        _vis_aarsag(aarsag, gren, navne)
    for barn in k.boern:
        _vis_forskelsknude(barn, gren, navne)
    if k.ens:
        gren.add(Text(_ens_tekst(k.ens), style="dim"))
    for antal, navn in ((k.kun_a, navne[0]), (k.kun_b, navne[1])):
        if antal:
            gren.add(Text(f"{_antal_beregninger(antal)} kun under {navn}", style="dim"))


def _antal_beregninger(n: int) -> str:
    return f"{'mindst ' if n >= MAKS_ENS else ''}{n} beregning{'er' if n != 1 else ''}"


def _ens_tekst(n: int) -> str:
    mindst = "mindst " if n >= MAKS_ENS else ""
    return f"{mindst}{n} ens beregning{'er' if n != 1 else ''} under begge regimer"


def vis_forskel(f: Forskel) -> Group:
    """:func:`forskel` som rich-træer (ét per medlem), hvert med sammenfatningen under."""
    note = _fremskrevne_note(f.fremskrevne)
    dele = []
    for t in f.traeer:
        trae = Tree(
            Text.assemble(
                "Forskel på ",
                (f.variabel, "bold"),
                f" for {t.id} ({f.entitet}) i {f.periode}: {f.navne[0]} ({f.regimer[0]}) → "
                f"{f.navne[1]} ({f.regimer[1]})",
                (note, "magenta"),
            )
        )
        if t.rod is None:
            trae.add(Text(f"ingen forskel: {t.vaerdi} under begge regimer"))
        else:
            _vis_forskelsknude(t.rod, trae, f.navne)
        if t.afkortet:
            trae.add(
                Text(
                    f"(afkortet ved {MAKS_FORSKELSDYBDE} niveauer eller {MAKS_FORSKELSKNUDER} forskellige "
                    "variabler)",
                    style="dim",
                )
            )
        dele += [trae, Text.assemble(("Sammenfatning: ", "bold"), t.resume), Text("")]
    return Group(*dele)


def _forskelsknude_dict(k: Forskelsknude) -> dict:
    return {
        "variabel": k.variabel,
        "periode": k.periode,
        "label": k.label,
        "reference": list(k.reference),
        "vaerdier": [k.vaerdi_a, k.vaerdi_b],
        "vist": [k.vist_a, k.vist_b],
        "se_ovenfor": k.se_ovenfor,
        "aarsager": [
            {
                "art": a.art,
                "navn": a.navn,
                "beskrivelse": a.beskrivelse,
                "hjemmel": list(a.hjemmel),
                "periode": a.periode,
                "vaerdier": [a.vaerdi_a, a.vaerdi_b],
                "fil": a.fil or None,
                "reform": a.reform or None,
                "regime": a.regime or None,
                "reformkilder": list(a.reformkilder),
                "kildefiler": list(a.kildefiler),
                "regel": a.regel or None,
            }
            for a in k.aarsager
        ],
        "boern": [_forskelsknude_dict(b) for b in k.boern],
        "ens": k.ens,
        "kun_under": [k.kun_a, k.kun_b],
    }


def forskel_som_dict(f: Forskel) -> dict:
    """Forskellen som JSON: regimerne (A, B), et træ per medlem med sammenfatningen, de fremskrevne
    satser og advarslerne."""
    return {
        "variabel": f.variabel,
        "label": f.label,
        "periode": f.periode,
        "entitet": f.entitet,
        "regimer": [{"noegle": n, "navn": navn} for n, navn in zip(f.regimer, f.navne, strict=True)],
        "traeer": [
            {
                "id": t.id,
                "forskel": t.rod is not None,
                "vaerdi": t.vaerdi if t.rod is None else None,
                "rod": None if t.rod is None else _forskelsknude_dict(t.rod),
                "resume": t.resume,
                "afkortet": t.afkortet,
            }
            for t in f.traeer
        ],
        "fremskrevne": som_liste(list(f.fremskrevne)),
        "advarsler": list(f.advarsler),
    }
