"""Regimer side om side: samme situation, samme periode, hvert regimes værdier og forskellene.

``sammenlign`` beregner; ``som_json``, ``som_csv``, ``som_markdown`` og ``som_tabel`` viser.
JSON-formatet er stabilt (``FORMAT_VERSION``) og maskinlæsbart: Enum ved navn, datoer som
ISO-datoer (``null`` for ingen dato), beløb med to decimaler.

Et hul i kilderne (:class:`ParameterHulError`) rammer kun den variabel og det regime, der
læser parameteren; resten beregnes. Cellen viser "ikke beregnet (hul i kilderne: ...)", i
JSON er værdien ``null`` og rækkens ``huller`` nævner parameteren og datoen (format 2), i
CSV er værdien tom og kolonnen ``note`` nævner hullet.

Med ``fremskrivning`` (regimerne bygget med ``byg_system(..., fremskrivning=True)``) bygger en
værdi måske på satser fremskrevet efter den sidst offentliggjorte værdi. Cellens tekst får
"(fremskrevet)", i JSON nævner rækkens ``fremskrevne`` parametrene og datoerne (format 3), i CSV
nævner ``note`` dem; se :mod:`~openfisca_dk_beskaeftigelse.fremskrivning`.

Gældende ret beregnes først; hvert andet regime genbruger gældende rets værdier for alt, dets
reformer ikke kan nå (:mod:`~openfisca_dk_beskaeftigelse.genbrug`), og beregner kun resten.

Inddata, som beregningen gik forbi, fordi de er angivet for andre perioder end dem, den læste
(fx værdier for 2026 og ``--periode 2025-06``), står som én tekst per entitet/id/variabel i
``Sammenligning.advarsler`` (JSON: ``advarsler``); reglen står i
:func:`~openfisca_dk_beskaeftigelse.beregning.ignorerede_inddata`.
"""

import copy
import csv
import datetime
import io
import json
from dataclasses import dataclass, field

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from openfisca_dk_beskaeftigelse import genbrug
from openfisca_dk_beskaeftigelse.beregning import (
    BrugerFejl,
    Laesninger,
    Vaerdi,
    byg_simulering,
    ignorerede_inddata,
    periode_for,
    vaerdier,
)
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.fremskrivning import (
    MAERKE,
    fremskrevne_i,
    laeste_fremskrevne,
    som_liste,
    som_tekst,
)
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, Regime, byg_system, regime
from openfisca_dk_beskaeftigelse.uddata import alle_uddata

# 2: rækkens "huller" (parametre uden værdi i kilderne) og "advarsler" (ignorerede inddata) er kommet til.
# 3: "fremskrivning" og rækkens "fremskrevne" (værdier, der bygger på fremskrevne satser).
FORMAT_VERSION = 3
# Flere regimer end dette vises i tabellen som gældende ret plus en kolonne med afvigelserne.
MAKS_KOLONNER = 4


@dataclass
class Raekke:
    """Én variabel for én person eller ét arbejdssted, under hvert regime."""

    entitet: str
    id: str
    variabel: str
    label: str
    reference: list[str]
    vaerdier: dict[str, Vaerdi | None] = field(default_factory=dict)
    tekster: dict[str, str] = field(default_factory=dict)
    # Regime -> hullet (parameter og dato), der forhindrede beregningen under det regime.
    huller: dict[str, ParameterHulError] = field(default_factory=dict)
    # Regime -> de fremskrevne (parameter, dato), værdien bygger på.
    fremskrevne: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def afviger(self, noegle: str) -> bool:
        # En værdi, der ikke kunne beregnes, kan hverken afvige eller ej.
        if noegle == GAELDENDE_RET or noegle in self.huller or GAELDENDE_RET in self.huller:
            return False
        return not _ens(self.vaerdier.get(noegle), self.vaerdier.get(GAELDENDE_RET))


@dataclass
class Sammenligning:
    periode: str
    regimer: list[Regime]
    raekker: list[Raekke]
    # Inddata, som beregningen gik forbi (angivet for andre perioder), som tekst.
    advarsler: list[str] = field(default_factory=list)
    fremskrivning: bool = False

    def afvigende_regimer(self, raekke: Raekke) -> list[str]:
        return [r.noegle for r in self.regimer if raekke.afviger(r.noegle)]


def _ens(a: Vaerdi | None, b: Vaerdi | None) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a.vaerdi, float) and isinstance(b.vaerdi, float):
        return abs(a.vaerdi - b.vaerdi) < 0.005
    return a.vaerdi == b.vaerdi


def standardvariabler(system, regimer: list[Regime]) -> list[str]:
    """Kontraktens uddata, lovområdernes rettigheder og pligter og reformernes egne uddata."""
    navne = ["alder", *(u.variabel for u in alle_uddata(system))]
    for r in regimer:
        for reform in r.reformer:
            navne += [n for n in getattr(reform, "uddata", ()) if n not in navne]
    return navne


def kontroller_variabler(noegler: list[str], variabler: list[str] | None) -> None:
    """En variabel, som intet af regimerne kender, giver BrugerFejl (før en situation læses)."""
    systemer = [byg_system(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])]
    ukendte = [n for n in variabler or [] if not any(n in s.variables for s in systemer)]
    if ukendte:
        raise BrugerFejl(f"--variabler: ukendt variabel '{ukendte[0]}'")


def sammenlign(
    situation: dict,
    periode: str,
    noegler: list[str],
    variabler: list[str] | None = None,
    fremskrivning: bool = False,
):
    """Beregn ``variabler`` for situationen under hvert regime i ``noegler`` (med fremskrevne satser)."""
    regimer = [regime(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])]
    systemer = {r.noegle: byg_system(r.noegle, fremskrivning) for r in regimer}
    kontroller_variabler(noegler, variabler)
    navne = variabler or standardvariabler(systemer[GAELDENDE_RET], regimer)
    raekker: dict[tuple, Raekke] = {}
    laest = set()
    # Gældende ret beregnes først og sporer sine afhængigheder. Hvert andet regimes simulering
    # genbruger gældende rets værdier for alt, regimets reformer ikke kan nå (se genbrug), og en
    # variabel med gældende rets værdi har gældende rets resultat og tekst.
    grundsystem = systemer[GAELDENDE_RET]
    grundlag = byg_simulering(grundsystem, copy.deepcopy(situation))
    inddata = genbrug.inddata(grundlag)
    afhaengigheder = genbrug.spor(grundlag)
    grundresultater, grundtekster = {}, {}
    for r in regimer:
        system = systemer[r.noegle]
        fremskrevne_satser = fremskrevne_i(system)
        anderledes = set()  # (variabel, periode), hvis værdi under regimet ikke er gældende rets
        if r.noegle == GAELDENDE_RET:
            simulering, laesninger, spor = grundlag, afhaengigheder, (afhaengigheder, None)
        else:
            # Med fremskrivning sporer regimet sine egne beregninger: en værdi bygger på de
            # fremskrevne satser i dem og i de af gældende rets, regimet genbrugte.
            simulering = genbrug.regimets_simulering(
                system,
                grundlag,
                afhaengigheder,
                inddata,
                lambda system=system: byg_simulering(system, copy.deepcopy(situation)),
                tracer=None if fremskrevne_satser else Laesninger(),
                anderledes=anderledes,
                spor_regimet=bool(fremskrevne_satser),
            )
            laesninger = simulering.tracer
            spor = (simulering.tracer, afhaengigheder)
        for navn in (n for n in navne if n in system.variables):
            variabel = system.variables[navn]
            knude = (navn, periode_for(variabel, periode))
            # Har regimet gældende rets værdi, er resultatet (og teksten) gældende rets.
            genbrugt = (
                r.noegle != GAELDENDE_RET
                and navn in grundresultater
                and knude in afhaengigheder.variabler
                and knude not in anderledes
            )
            if genbrugt:
                beregnede, hul = grundresultater[navn]
            else:
                beregnede, hul = _beregn_variabel(system, simulering, periode, navn)
            if r.noegle == GAELDENDE_RET:
                grundresultater[navn] = beregnede, hul
            fremskrevne = (
                sorted(
                    {
                        (fremskrevet, dato)
                        for parameter, dato in genbrug.laeste_parametre(spor[0], [knude], spor[1])
                        for fremskrevet in laeste_fremskrevne(fremskrevne_satser, parameter, dato)
                    }
                )
                if fremskrevne_satser and hul is None
                else []
            )
            for v in beregnede:
                noegle = (v.entitet, v.id, v.variabel)
                if noegle not in raekker:
                    raekker[noegle] = Raekke(
                        v.entitet, v.id, v.variabel, variabel.label, list(variabel.reference or [])
                    )
                raekke = raekker[noegle]
                if hul is None:
                    raekke.vaerdier[r.noegle] = v
                    # Samme variabel og værdi som under gældende ret: samme tekst.
                    tekst = grundtekster[noegle] if genbrugt else v.tekst(variabel)
                    if r.noegle == GAELDENDE_RET:
                        grundtekster[noegle] = tekst
                    raekke.tekster[r.noegle] = tekst + (MAERKE if fremskrevne else "")
                    if fremskrevne:
                        raekke.fremskrevne[r.noegle] = fremskrevne
                else:
                    raekke.huller[r.noegle] = hul
                    raekke.tekster[r.noegle] = f"ikke beregnet (hul i kilderne: {hul.navn})"
        laest |= set(laesninger.laest)
        if r.noegle == GAELDENDE_RET:
            # Regimerne deler grundlagets arrays; en formel, der ændrer et af dem, skal fejle.
            genbrug.skrivebeskyt(grundlag)
    orden = {n: i for i, n in enumerate(navne)}
    medlemmer = list(dict.fromkeys((e, i) for e, i, _ in raekker))
    sorterede = sorted(
        raekker.values(), key=lambda x: (medlemmer.index((x.entitet, x.id)), orden[x.variabel])
    )
    advarsler = ignorerede_inddata(list(systemer.values()), situation, periode, laest)
    return Sammenligning(periode, regimer, sorterede, advarsler, bool(fremskrivning))


def _beregn_variabel(system, simulering, periode: str, navn: str):
    """Én variabels værdier, eller (tomme værdier, hullet), hvis en parameter mangler i kilderne."""
    try:
        return vaerdier(system, simulering, periode, [navn]), None
    except ParameterHulError as hul:
        population = simulering.get_variable_population(navn)
        return [Vaerdi(population.entity.plural, str(i), navn, None) for i in population.ids], hul


def _json_vaerdi(v: Vaerdi | None):
    if v is None:
        return None
    x = v.vaerdi
    if isinstance(x, datetime.date):
        return None if x == INGEN_DATO else x.isoformat()
    if isinstance(x, float):
        return round(x, 2)
    return x


def som_dict(s: Sammenligning) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "periode": s.periode,
        "fremskrivning": s.fremskrivning,
        "regimer": [
            {"noegle": r.noegle, "navn": r.navn, "reformer": r.reformstier, "status": r.status}
            for r in s.regimer
        ],
        "resultater": [
            {
                "entitet": x.entitet,
                "id": x.id,
                "variabel": x.variabel,
                "label": x.label,
                "reference": x.reference,
                "vaerdier": {n: _json_vaerdi(x.vaerdier.get(n)) for n in (r.noegle for r in s.regimer)},
                "tekster": {n: x.tekster.get(n) for n in (r.noegle for r in s.regimer)},
                "afviger_fra_gaeldende_ret": s.afvigende_regimer(x),
                "huller": {n: {"parameter": h.navn, "dato": h.dato} for n, h in x.huller.items()},
                "fremskrevne": {n: som_liste(f) for n, f in x.fremskrevne.items()},
            }
            for x in s.raekker
        ],
        "advarsler": s.advarsler,
    }


def som_json(s: Sammenligning) -> str:
    return json.dumps(som_dict(s), ensure_ascii=False, indent=2)


def som_csv(s: Sammenligning, situation: str) -> str:
    """Én række per variabel og regime; ``situation`` (filen) skiller rækkerne fra flere filer ad."""
    ud = io.StringIO()
    skriver = csv.writer(ud, lineterminator="\n")
    skriver.writerow(
        [
            "situation",
            "entitet",
            "id",
            "variabel",
            "regime",
            "vaerdi",
            "tekst",
            "afviger_fra_gaeldende_ret",
            "reference",
            "note",
        ]
    )
    for x in s.raekker:
        for r in s.regimer:
            vaerdi = _json_vaerdi(x.vaerdier.get(r.noegle))
            skriver.writerow(
                [
                    situation,
                    x.entitet,
                    x.id,
                    x.variabel,
                    r.noegle,
                    "" if vaerdi is None else vaerdi,
                    x.tekster.get(r.noegle, ""),
                    "ja" if x.afviger(r.noegle) else "nej",
                    x.reference[0] if x.reference else "",
                    _note(x, r.noegle),
                ]
            )
    return ud.getvalue()


def _note(x: Raekke, noegle: str) -> str:
    hul = x.huller.get(noegle)
    if hul is not None:
        return f"ikke beregnet: hul i kilderne ({hul.navn} den {hul.dato})"
    fremskrevne = x.fremskrevne.get(noegle)
    return f"fremskrevet: {som_tekst(fremskrevne)}" if fremskrevne else ""


def _forklaring_af_maerket(s: Sammenligning) -> str | None:
    """Linjen under tabellen, der forklarer "(fremskrevet)", hvis en værdi bygger på fremskrevne satser."""
    if not any(x.fremskrevne for x in s.raekker):
        return None
    return (
        f"{MAERKE.strip()} = bygger på satser fremskrevet efter den sidst offentliggjorte værdi "
        "med antagne reguleringsprocenter (parameters/regulering); parametrene står i JSON og CSV."
    )


def _medlemmer(s: Sammenligning):
    for noegle in dict.fromkeys((x.entitet, x.id) for x in s.raekker):
        yield noegle, [x for x in s.raekker if (x.entitet, x.id) == noegle]


def som_markdown(s: Sammenligning) -> str:
    linjer = [f"# Sammenligning for {s.periode}", ""]
    for (entitet, id_), raekker in _medlemmer(s):
        linjer += [f"## {id_} ({entitet})", ""]
        linjer.append("| Variabel | Hjemmel | " + " | ".join(r.navn for r in s.regimer) + " |")
        linjer.append("|---|---|" + "---|" * len(s.regimer))
        for x in raekker:
            celler = []
            for r in s.regimer:
                tekst = x.tekster.get(r.noegle, "—")
                celler.append(f"**{tekst}** ≠" if x.afviger(r.noegle) else tekst)
            hjemmel = x.reference[0] if x.reference else ""
            linjer.append(f"| {x.label} (`{x.variabel}`) | {hjemmel} | " + " | ".join(celler) + " |")
        linjer.append("")
    linjer.append("≠ = afviger fra gældende ret.")
    if forklaring := _forklaring_af_maerket(s):
        linjer += ["", forklaring]
    return "\n".join(linjer) + "\n"


def _celle(x: Raekke, noegle: str) -> Text:
    if noegle in x.huller:
        # Parameterens fulde navn skal kunne læses, også i en smal kolonne.
        return Text(x.tekster[noegle], style="red", overflow="fold")
    return Text(x.tekster.get(noegle, "—"), style="bold yellow" if x.afviger(noegle) else "")


def _eget_hul(x: Raekke, noegle: str) -> bool:
    """Et hul under regimet, som gældende ret ikke har (det står allerede i dens kolonne)."""
    hul, grund = x.huller.get(noegle), x.huller.get(GAELDENDE_RET)
    return hul is not None and (grund is None or hul.navn != grund.navn)


def som_tabel(s: Sammenligning) -> Group:
    """Rich-tabeller: én per person og arbejdssted; afvigelser fra gældende ret fremhævet."""
    mange = len(s.regimer) > MAKS_KOLONNER
    tabeller = []
    for (entitet, id_), raekker in _medlemmer(s):
        # Id'er og navne kommer fra brugeren; '[' i dem må ikke læses som rich-markup.
        tabel = Table(
            title=escape(f"{id_} ({entitet}) — {s.periode}"), title_justify="left", show_lines=False
        )
        tabel.add_column("Variabel")
        tabel.add_column("Hjemmel", style="dim")
        regimer = s.regimer[:1] if mange else s.regimer
        for r in regimer:
            tabel.add_column(escape(r.navn))
        if mange:
            tabel.add_column("Afviger under")
        for x in raekker:
            celler = [_celle(x, r.noegle) for r in regimer]
            if mange:
                afvig = [
                    Text.assemble(f"{r.navn}: ", _celle(x, r.noegle))
                    for r in s.regimer[1:]
                    if x.afviger(r.noegle) or _eget_hul(x, r.noegle)
                ]
                celler.append(Text("\n", overflow="fold").join(afvig))
            hjemmel = Text(x.reference[0] if x.reference else "")
            tabel.add_row(Text(f"{x.label}\n{x.variabel}"), hjemmel, *celler)
        tabeller.append(tabel)
    tabeller.append(Text("Gult: afviger fra gældende ret.", style="dim"))
    if forklaring := _forklaring_af_maerket(s):
        tabeller.append(Text(forklaring, style="dim"))
    return Group(*tabeller)
