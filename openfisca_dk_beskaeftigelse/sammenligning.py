"""Regimer side om side: samme situation, samme periode, hvert regimes værdier og forskellene.

``sammenlign`` beregner; ``som_json``, ``som_csv``, ``som_markdown`` og ``som_tabel`` viser.
JSON-formatet er stabilt (``FORMAT_VERSION``) og maskinlæsbart: Enum ved navn, datoer som
ISO-datoer (``null`` for ingen dato), beløb med to decimaler.
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

from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, Vaerdi, beregn
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, Regime, byg_system, regime
from openfisca_dk_beskaeftigelse.uddata import alle_uddata

FORMAT_VERSION = 1
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

    def afviger(self, noegle: str) -> bool:
        return noegle != GAELDENDE_RET and not _ens(
            self.vaerdier.get(noegle), self.vaerdier.get(GAELDENDE_RET)
        )


@dataclass
class Sammenligning:
    periode: str
    regimer: list[Regime]
    raekker: list[Raekke]

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


def sammenlign(situation: dict, periode: str, noegler: list[str], variabler: list[str] | None = None):
    """Beregn ``variabler`` for situationen under hvert regime i ``noegler``."""
    regimer = [regime(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])]
    systemer = {r.noegle: byg_system(r.noegle) for r in regimer}
    grundlag = systemer[GAELDENDE_RET]
    navne = variabler or standardvariabler(grundlag, regimer)
    ukendte = [n for n in navne if not any(n in s.variables for s in systemer.values())]
    if ukendte:
        raise BrugerFejl(f"--variabler: ukendt variabel '{ukendte[0]}'")
    raekker: dict[tuple, Raekke] = {}
    for r in regimer:
        system = systemer[r.noegle]
        findes = [n for n in navne if n in system.variables]
        for v in beregn(system, copy.deepcopy(situation), periode, findes):
            variabel = system.variables[v.variabel]
            noegle = (v.entitet, v.id, v.variabel)
            if noegle not in raekker:
                raekker[noegle] = Raekke(
                    v.entitet, v.id, v.variabel, variabel.label, list(variabel.reference or [])
                )
            raekker[noegle].vaerdier[r.noegle] = v
            raekker[noegle].tekster[r.noegle] = v.tekst(variabel)
    orden = {n: i for i, n in enumerate(navne)}
    medlemmer = list(dict.fromkeys((e, i) for e, i, _ in raekker))
    sorterede = sorted(
        raekker.values(), key=lambda x: (medlemmer.index((x.entitet, x.id)), orden[x.variabel])
    )
    return Sammenligning(periode, regimer, sorterede)


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
            }
            for x in s.raekker
        ],
    }


def som_json(s: Sammenligning) -> str:
    return json.dumps(som_dict(s), ensure_ascii=False, indent=2)


def som_csv(s: Sammenligning) -> str:
    ud = io.StringIO()
    skriver = csv.writer(ud, lineterminator="\n")
    skriver.writerow(
        ["entitet", "id", "variabel", "regime", "vaerdi", "tekst", "afviger_fra_gaeldende_ret", "reference"]
    )
    for x in s.raekker:
        for r in s.regimer:
            vaerdi = _json_vaerdi(x.vaerdier.get(r.noegle))
            skriver.writerow(
                [
                    x.entitet,
                    x.id,
                    x.variabel,
                    r.noegle,
                    "" if vaerdi is None else vaerdi,
                    x.tekster.get(r.noegle, ""),
                    "ja" if x.afviger(r.noegle) else "nej",
                    x.reference[0] if x.reference else "",
                ]
            )
    return ud.getvalue()


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
    return "\n".join(linjer) + "\n"


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
            celler = [
                Text(x.tekster.get(r.noegle, "—"), style="bold yellow" if x.afviger(r.noegle) else "")
                for r in regimer
            ]
            if mange:
                afvig = [
                    f"{r.navn}: {x.tekster.get(r.noegle, '—')}" for r in s.regimer if x.afviger(r.noegle)
                ]
                celler.append(Text("\n".join(afvig), style="bold yellow"))
            hjemmel = Text(x.reference[0] if x.reference else "")
            tabel.add_row(Text(f"{x.label}\n{x.variabel}"), hjemmel, *celler)
        tabeller.append(tabel)
    tabeller.append(Text("Gult: afviger fra gældende ret.", style="dim"))
    return Group(*tabeller)
