"""Kommandolinjen ``dk-beskaeftigelse``.

``dk-beskaeftigelse sammenlign SITUATION... --periode 2026-03`` beregner modelkontraktens
uddata for hver person og hvert arbejdssted i situationsfilerne og viser dem som tabel.
Forkert input giver én linje, der nævner feltet, og exitkode 2.
"""

import argparse
import sys
from pathlib import Path

from openfisca_core import periods
from rich.console import Console
from rich.table import Table

from openfisca_dk_beskaeftigelse import CountryTaxBenefitSystem
from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, beregn, indlaes_situation
from openfisca_dk_beskaeftigelse.uddata import alle_uddata


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dk-beskaeftigelse",
        description="Dansk beskæftigelseslovgivning som kode: beregn borgeres rettigheder og pligter.",
    )
    under = parser.add_subparsers(dest="kommando", required=True)
    sammenlign = under.add_parser("sammenlign", help="beregn uddata for situationer")
    sammenlign.add_argument("situationer", nargs="+", type=Path, metavar="SITUATION",
                            help="situationsfil(er) i YAML eller JSON (OpenFiscas format)")
    sammenlign.add_argument("--periode", required=True, help="måned, fx 2026-03")
    sammenlign.add_argument("--variabler", help="kommaseparerede variabler (standard: kontraktens uddata)")
    return parser


def _variabler(system, valgt: str | None) -> list[str]:
    if valgt is None:
        return ["alder", *(u.variabel for u in alle_uddata(system))]
    navne = [n.strip() for n in valgt.split(",") if n.strip()]
    ukendte = [n for n in navne if n not in system.variables]
    if ukendte:
        raise BrugerFejl(f"--variabler: ukendt variabel '{ukendte[0]}'; se `openfisca` web-API'ets /variables")
    return navne


def _periode(tekst: str) -> str:
    try:
        periode = periods.period(tekst)
    except ValueError:
        raise BrugerFejl(f"--periode: '{tekst}' er ikke en måned som 2026-03") from None
    if periode.unit != periods.DateUnit.MONTH or periode.size != 1:
        raise BrugerFejl(f"--periode: '{tekst}' er ikke én måned; brug fx 2026-03")
    return str(periode)


def _sammenlign(args, konsol: Console) -> None:
    system = CountryTaxBenefitSystem()
    periode = _periode(args.periode)
    variabler = _variabler(system, args.variabler)
    for sti in args.situationer:
        vaerdier = beregn(system, indlaes_situation(sti), periode, variabler)
        ids = list(dict.fromkeys((v.entitet, v.id) for v in vaerdier))
        tabel = Table(title=f"{sti.name} — {periode}", title_justify="left")
        tabel.add_column("Variabel")
        tabel.add_column("Hjemmel", style="dim")
        for entitet, id_ in ids:
            tabel.add_column(f"{id_} ({entitet})", justify="right")
        for navn in variabler:
            variabel = system.variables[navn]
            celler = {(v.entitet, v.id): v.tekst(variabel) for v in vaerdier if v.variabel == navn}
            tabel.add_row(
                f"{variabel.label}\n[dim]{navn}[/dim]",
                variabel.reference[0] if variabel.reference else "",
                *(celler.get(noegle, "") for noegle in ids),
            )
        konsol.print(tabel)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    konsol = Console()
    try:
        _sammenlign(args, konsol)
    except BrugerFejl as fejl:
        print(f"fejl: {fejl}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
