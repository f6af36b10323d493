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
"""

import datetime
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
    system = byg_system(noegle, fremskrivning)
    if variabel not in system.variables:
        raise BrugerFejl(f"--variabel: ukendt variabel '{variabel}' i regimet '{noegle}'")
    situation, ignoreret = _uden_andre_regimers_inddata(situation, noegle)
    simulering = byg_simulering(system, situation)
    simulering.trace = True
    folger = foelg(simulering)
    periode_ = "ETERNITY" if str(system.variables[variabel].definition_period) == "eternity" else periode
    simulering.calculate(variabel, periode_)
    population = simulering.get_variable_population(variabel)
    entitet = population.entity
    ids = [
        str(i) for i in population.ids if not oprettet_af_openfisca(system, situation, entitet.plural, str(i))
    ]
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
    alle_ids = [str(i) for i in population.ids]
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
    note = (
        f"\nBygger på fremskrevne satser (antagelse): {som_tekst(list(f.fremskrevne))}"
        if f.fremskrevne
        else ""
    )
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
