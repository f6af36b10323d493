"""Kommandolinjen ``dk-beskaeftigelse``.

- ``sammenlign SITUATION... --periode 2026-03 [--regimer a,b|alle] [--variabler x,y] [--format ...]
  [--alle] [--tilfaelde NAVN]``: et notat om, hvad hvert regime ændrer for hver person og hvert
  arbejdssted (``--alle``: hver række); afvigelser fra gældende ret er mærket ``≠``.
- ``--fremskrivning`` (sammenlign, forklar, effekt): satsernes huller efter den sidst
  offentliggjorte værdi udfyldes til og med 2030 med antagne reguleringsprocenter; hver værdi,
  der bygger på en fremskreven sats, markeres (se ``fremskrivning``).
- ``regimer``: registret med fulde nøgler og kilderne ved dokumentets titel og afsnit.
- ``forklar SITUATION --variabel X --periode P [--regime R] [--person ID] [--tilfaelde NAVN]
  [--format tabel|json]``: beregningens spor som ét træ per person; med ``--regimer A,B``: hvorfor
  variablen er forskellig under A og B (stien, hvor beregningerne skilles, og en sammenfatning).
- ``serve [--host] [--port] [--workers] [--cors] [--dokumentation]``: ét web-API for alle regimer
  (standard: én worker per kerne) og arbejdsbordet for en browser på samme adresse.
- ``test FILER... [-v] [-n NAVN]``: YAML-tests, indlæst sikkert og kontrolleret før kørslen, kørt
  med OpenFiscas egen runner (se ``yamltest``).
- ``effekt --regimer a,b|alle --periode P|--maaneder FRA:TIL|--aar ÅR [--personer N]
  [--traekninger N] [--motor proces|dask] [--adresse tcp://HOST:8786] [--arbejdere N] [--format ...]
  [--ud MAPPE]``: regimernes virkning på en syntetisk dansk befolkning, beregnet i bidder parallelt
  (eller på en Dask-klynge), med intervaller fra gentagne trækninger, mållinjen og vandrette
  søjlediagrammer (PNG og SVG) i ``--ud``.
- ``kalibrering [--personer N] [--seed S] [--periode P] [--format tekst|csv|json]``: den syntetiske
  befolkning ved siden af de offentliggjorte tal, den er kalibreret til (se ``kalibrering``).

En SITUATION er en situationsfil (OpenFiscas format) eller en YAML-test: hvert af dens tilfælde,
eller det ene, ``--tilfaelde`` vælger (navn eller nummer); uden ``--periode`` gælder tilfældets
``period``.

``--regimer``/``--regime`` tager også reformfiler (``mit_forslag.yaml``, også i en ``+``-stak), og
``--saet STI=VÆRDI[@DATO]`` giver regimet ``egne_aendringer`` (se ``reformfil``).

Forkert input giver én linje på stderr, der nævner feltet og de tilladte værdier, og
exitkode 2. Inddata, som beregningen gik forbi (angivet for en anden periode), giver én
linje ``advarsel: ...`` per variabel på stderr; exitkoden er stadig 0.
"""

import argparse
import contextlib
import errno
import importlib
import json
import os
import re
import socket
import sys
import tempfile
from pathlib import Path

import numpy
from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from openfisca_dk_beskaeftigelse import __version__, effekt, kalibrering, reformfil, yamltest
from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, Situation, gyldig_maaned, indlaes_situationer
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.effekt import dansk_tal
from openfisca_dk_beskaeftigelse.forklaring import (
    forklar,
    forklaring,
    forskel,
    forskel_som_dict,
    vis_forskel,
)
from openfisca_dk_beskaeftigelse.forklaring import som_dict as forklaring_som_dict
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import (
    GAELDENDE_RET,
    UkendtRegimeError,
    alle_regimer,
    byg_system,
    regime,
)
from openfisca_dk_beskaeftigelse.sammenligning import (
    kontroller_variabler,
    naeste_skridt,
    sammenlign,
    som_csv,
    som_dict,
    som_markdown,
    som_tabel,
    uaendret_for_alle,
)

FORMATER = ("tabel", "markdown", "csv", "json")
FREMSKRIVNING_HJAELP = (
    "udfyld satsernes huller efter den sidst offentliggjorte værdi (fra 2027) til og med 2030 med "
    "satsen reguleret med antagne reguleringsprocenter (parameters/regulering); værdier, der bygger "
    "på fremskrevne satser, markeres. Uden flaget er et hul en fejl"
)
PERIODEHJAELP = "måned, fx 2026-03 (standard for en YAML-test: tilfældets period)"
TILFAELDEHJAELP = "ét tilfælde i en YAML-test: dets name eller nummer (1 for det første)"
# Et loft, så en tastefejl (et 0 for meget) giver en fejl i stedet for at løbe tør for hukommelse:
# hele befolkningen i de erhvervsaktive aldre (ca. 6 mio.), beregnet i bidder.
MAKS_PERSONER = 6_000_000
# Højst ti år ad gangen med --maaneder.
MAKS_MAANEDER = 120
# Trækninger af befolkningen som standard: nok til et interval, uden at gange tiden med mere end 5.
TRAEKNINGER = 5

MAKS_PORT = 65535
# En oprindelse i CORS: skema og vært (og evt. port), uden sti.
_OPRINDELSE = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


class _Parser(argparse.ArgumentParser):
    """argparse, men fejl som én linje (fx ugyldigt --format) og exitkode 2."""

    def error(self, message: str):
        print(f"fejl: {message}", file=sys.stderr)
        sys.exit(2)


# argparse's egne tekster (dets gettext-nøgler) på dansk; "argument X: besked" bliver "X: besked"
# som husets andre fejllinjer. En værdi af forkert type nævner ikke Pythons typenavn (fx int).
_ARGPARSE_DANSK = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldigt valg %(value)r; vælg mellem %(choices)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "ukendt kommando %(parser_name)r; vælg mellem %(choices)s"
    ),
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "invalid %(type)s value: %(value)r": "ugyldig værdi %(value)r",
    "expected one argument": "forventede én værdi",
    "expected at most one argument": "forventede højst én værdi",
    "expected at least one argument": "forventede mindst én værdi",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "ignored explicit argument %r": "værdien %r bruges ikke",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg %(option)s; kan være %(matches)s"
    ),
    "unexpected option string: %s": "uventet tilvalg: %s",
}
_ARGPARSE_DANSK_FLERTAL = {"expected %s argument": ("forventede %s værdi", "forventede %s værdier")}


@contextlib.contextmanager
def _argparse_paa_dansk():
    """argparse slår sine tekster op med gettext (``argparse._``): dansk, mens parseren bygges og læser."""
    gamle = argparse._, argparse.ngettext

    def flertal(ental: str, flertal_: str, n: int) -> str:
        dansk = _ARGPARSE_DANSK_FLERTAL.get(ental)
        return (dansk[n != 1]) if dansk else gamle[1](ental, flertal_, n)

    argparse._ = lambda tekst: _ARGPARSE_DANSK.get(tekst, tekst)
    argparse.ngettext = flertal
    try:
        yield
    finally:
        argparse._, argparse.ngettext = gamle


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dk-beskaeftigelse",
        description=(
            "Dansk beskæftigelseslovgivning som kode: borgeres rettigheder og pligter under hvert regime."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="vis versionen og afslut"
    )
    under = parser.add_subparsers(dest="kommando", required=True, parser_class=_Parser)

    s = under.add_parser("sammenlign", help="regimer side om side for situationer")
    s.add_argument(
        "situationer",
        nargs="+",
        type=Path,
        metavar="SITUATION",
        help=(
            "situationsfil(er) i YAML eller JSON (OpenFiscas format, som web-API'ets /calculate) "
            "eller YAML-tests (hvert tilfælde for sig)"
        ),
    )
    s.add_argument("--periode", help=PERIODEHJAELP)
    s.add_argument(
        "--regimer",
        default="alle",
        help=(
            "kommaseparerede regimenøgler eller reformfiler (.yaml/.json), stablet med '+', "
            "eller 'alle' (standard)"
        ),
    )
    _saet_argument(s)
    s.add_argument(
        "--variabler", help="kommaseparerede variabler (standard: kontraktens og lovområdernes uddata)"
    )
    s.add_argument(
        "--format",
        choices=FORMATER,
        default="tabel",
        help=(
            "tabel (standard), markdown, csv (kolonnen situation nævner filen) eller json "
            "(ét objekt for én fil, en liste med ét objekt per fil for flere)"
        ),
    )
    s.add_argument("--fremskrivning", action="store_true", help=FREMSKRIVNING_HJAELP)
    s.add_argument(
        "--alle",
        action="store_true",
        help=(
            "tabel og markdown: hver række under hvert regime, ikke kun afvigelserne "
            "(csv og json har altid alle)"
        ),
    )
    s.add_argument("--tilfaelde", metavar="NAVN", help=TILFAELDEHJAELP)

    r = under.add_parser("regimer", help="regimeregistret")
    r.add_argument("--format", choices=("tabel", "json"), default="tabel")

    f = under.add_parser("forklar", help="hvorfor en værdi er, som den er")
    f.add_argument(
        "situation",
        type=Path,
        metavar="SITUATION",
        help="én situationsfil i YAML eller JSON, eller en YAML-test",
    )
    f.add_argument("--variabel", required=True, help="variablen, der skal forklares, fx maalgruppe")
    f.add_argument("--periode", help=PERIODEHJAELP)
    f.add_argument(
        "--regime",
        help=f"regimenøgle eller reformfil, stablet med '+' (standard: {GAELDENDE_RET})",
    )
    f.add_argument(
        "--regimer",
        metavar="A,B",
        help=(
            "to regimer (nøgler eller reformfiler, stablet med '+'): forklar, hvorfor variablen er "
            "forskellig under A og B (stien, hvor beregningerne skilles); ét regime: som --regime"
        ),
    )
    _saet_argument(f)
    f.add_argument("--fremskrivning", action="store_true", help=FREMSKRIVNING_HJAELP)
    f.add_argument(
        "--person",
        metavar="ID",
        help=(
            "id'et på personen (arbejdsstedet for en variabel om arbejdsstedet); standard: ét træ per person"
        ),
    )
    f.add_argument("--tilfaelde", metavar="NAVN", help=TILFAELDEHJAELP)
    f.add_argument("--format", choices=("tabel", "json"), default="tabel", help="tabel (standard) eller json")

    e = under.add_parser("effekt", help="regimernes virkning på en syntetisk dansk befolkning")
    e.add_argument(
        "--regimer",
        default="alle",
        help=(
            "kommaseparerede regimenøgler eller reformfiler (.yaml/.json), stablet med '+', "
            "eller 'alle' (standard)"
        ),
    )
    _saet_argument(e)
    e.add_argument("--periode", help="måned, fx 2026-03 (eller --maaneder eller --aar)")
    e.add_argument(
        "--aar",
        type=int,
        metavar="ÅR",
        help=(
            "et helt kalenderår, fx 2027 (= --maaneder 2027-01:2027-12); et år efter de sidst "
            "offentliggjorte satser regnes med fremskrivning, og det står i resultatet"
        ),
    )
    e.add_argument(
        "--maaneder",
        metavar="FRA:TIL",
        help=(
            "en række måneder, fx 2027-01:2027-12: udgifterne lægges sammen over månederne, "
            "de øvrige mål er gennemsnittet pr. måned"
        ),
    )
    e.add_argument(
        "--motor",
        choices=effekt.MOTORER,
        default="proces",
        help="proces (standard: bidder parallelt på denne maskine) eller dask (en Dask-klynge)",
    )
    e.add_argument(
        "--adresse",
        metavar="tcp://HOST:8786",
        help="Dask-planlæggerens adresse (kun med --motor dask; uden: en lokal klynge)",
    )
    e.add_argument(
        "--arbejdere",
        type=int,
        help="antal processer (standard: maskinens kerner; med --adresse bestemmer klyngen selv)",
    )
    e.add_argument(
        "--personer",
        type=int,
        default=100_000,
        help=f"antal syntetiske personer, 1 til {dansk_tal(MAKS_PERSONER)} (standard 100.000)",
    )
    e.add_argument(
        "--seed",
        type=int,
        default=0,
        help=f"startværdi for den syntetiske befolkning, et heltal fra 0 til {effekt.MAKS_SEED} (standard 0)",
    )
    e.add_argument(
        "--traekninger",
        type=int,
        default=TRAEKNINGER,
        help=(
            f"antal trækninger af befolkningen (seed, seed + 1, ...), 1 til {effekt.MAKS_TRAEKNINGER} "
            f"(standard {TRAEKNINGER}): hvert tal er gennemsnittet med et 95 %%-interval; "
            "1 giver intet interval"
        ),
    )
    e.add_argument("--format", choices=("tabel", "csv", "json"), default="tabel")
    e.add_argument("--fremskrivning", action="store_true", help=FREMSKRIVNING_HJAELP)
    e.add_argument(
        "--ud",
        type=_sti,
        help=(
            "mappe til søjlediagrammer (PNG og SVG) og resultatet som CSV og JSON; oprettes om nødvendigt "
            "og kræver ekstraen docs (matplotlib); findes filerne, kræves --overskriv"
        ),
    )
    e.add_argument(
        "--overskriv",
        action="store_true",
        help="erstat resultater, der allerede ligger i --ud (et symbolsk link erstattes, følges aldrig)",
    )

    w = under.add_parser("serve", help="web-API'et for alle regimer (kræver ekstraen web-api)")
    w.add_argument("--host", default="127.0.0.1", help="adresse (standard 127.0.0.1)")
    w.add_argument("--port", type=int, default=5000, help="port, 1 til 65535 (standard 5000)")
    w.add_argument(
        "--workers",
        type=int,
        help=f"antal gunicorn-processer, mindst 1 (standard: én per kerne, her {_kerner()})",
    )
    w.add_argument(
        "--cors",
        default="*",
        help=(
            "hvilke oprindelser en browser må kalde API'et fra: '*' (standard, enhver), "
            "kommaseparerede oprindelser (fx https://eksempel.dk) eller 'ingen'"
        ),
    )
    w.add_argument(
        "--dokumentation",
        help=(
            "hvor arbejdsbordet linker til dokumentationen: en adresse (https://...) eller en mappe med "
            "et bygget site (make docs), som serveres under /dokumentation/ (standard: ./site, hvis det "
            "er bygget, ellers projektets site på GitHub Pages)"
        ),
    )

    _kalibrering_parser(under)

    t = under.add_parser(
        "test",
        help="YAML-tests: indlæst sikkert, kontrolleret og kørt som med openfisca test",
        description=(
            "Indlæser YAML-testene sikkert, kontrollerer hvert tilfælde (én linje per problem, "
            "exitkode 2) og kører dem med OpenFiscas egen runner (exitkode 1, hvis et tilfælde fejler)."
        ),
    )
    t.add_argument("filer", nargs="+", type=Path, metavar="FIL", help="YAML-testfiler eller mapper med dem")
    t.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="vis beregningens spor for hvert tilfælde (som openfisca test -v)",
    )
    t.add_argument(
        "-n",
        "--name-filter",
        metavar="NAVN",
        help="kør kun tilfælde, hvis navn, filnavn eller keywords indeholder NAVN (som openfisca test -n)",
    )
    return parser


def _saet_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--saet",
        action="append",
        metavar="STI=VÆRDI[@DATO]",
        help=(
            "ændr en parameter (fx reformer.tidsgraense_sygedagpenge.uger=26@2027-07-01); kan gentages; "
            "giver regimet egne_aendringer oven på de valgte regimer (med 'alle': på gældende ret)"
        ),
    )


def _kerner() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# Flere processer end kerner gør intet hurtigere; et loft holder en skrivefejl (100000) fra at starte dem.
PROCESSER_PR_KERNE = 4


def _processer(felt: str, antal: int) -> int:
    """--arbejdere og --workers: et heltal fra 1 til PROCESSER_PR_KERNE per kerne på maskinen."""
    hoejst = PROCESSER_PR_KERNE * _kerner()
    if not 1 <= antal <= hoejst:
        raise BrugerFejl(
            f"{felt}: skal være et heltal fra 1 til {hoejst} ({PROCESSER_PR_KERNE} per kerne på denne "
            f"maskine), ikke {antal}"
        )
    return antal


def _sti(tekst: str) -> Path:
    """En sti fra kommandolinjen; en tom sti ville stille betyde den aktuelle mappe."""
    if not tekst.strip():
        raise argparse.ArgumentTypeError("en tom sti; angiv en mappe, fx effekt/")
    return Path(tekst)


def _importer(modul: str, ekstra: str, felt: str):
    """Importér et modul fra en ekstra; mangler ekstraen, siger fejlen, hvad der skal installeres."""
    try:
        return importlib.import_module(modul)
    except ImportError as fejl:
        # En fejl i pakken selv er ikke en manglende ekstra.
        if (fejl.name or "").startswith("openfisca_dk_beskaeftigelse"):
            raise
        raise BrugerFejl(
            f"{felt}: kræver ekstraen {ekstra} ({fejl}); "
            f"installer den med pip install 'openfisca-dk-beskaeftigelse[{ekstra}]'"
        ) from None


def _liste(tekst: str | None) -> list[str] | None:
    return None if tekst is None else [n.strip() for n in tekst.split(",") if n.strip()]


def _regimenoegler(tekst: str, saet: list[str] | None) -> list[str]:
    """Regimerne (reformfiler læses og registreres), plus egne_aendringer, hvis der er --saet."""
    noegler = list(alle_regimer()) if tekst == "alle" else _liste(tekst)
    if not noegler:
        raise BrugerFejl(
            f"--regimer: '{tekst}' nævner intet regime; angiv regimenøgler, reformfiler eller 'alle'"
        )
    for noegle in noegler:
        _kendt_regime(noegle, "--regimer")
    if saet:
        grundlag = [] if tekst == "alle" else [n for n in noegler if n != GAELDENDE_RET]
        noegler.append(reformfil.fra_saet(saet, grundlag))
    return noegler


def _kendt_regime(noegle: str, felt: str) -> None:
    reformfil.indlaes_regimer([noegle])
    try:
        regime(noegle)
    except UkendtRegimeError as fejl:
        raise BrugerFejl(f"{felt}: {fejl}") from None


def _sammenlign(args, konsol: Console) -> None:
    periode = None if args.periode is None else gyldig_maaned(args.periode)
    noegler = _regimenoegler(args.regimer, args.saet)
    variabler = _liste(args.variabler)
    if variabler == []:
        raise BrugerFejl(f"--variabler: '{args.variabler}' nævner ingen variabel; angiv fx alder,maalgruppe")
    kontroller_variabler(noegler, variabler)
    systemer = [byg_system(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])]
    resultater = []
    for sti in args.situationer:
        for situation in indlaes_situationer(sti, systemer, args.tilfaelde):
            maaned = periode or _tilfaeldets_maaned(situation)
            with _i_filen(situation.sted):
                resultater.append(
                    (situation, sammenlign(situation.data, maaned, noegler, variabler, args.fremskrivning))
                )
            _advar(situation.sted, resultater[-1][1].advarsler)
    if args.format == "json":
        data = [{"situation": situation.navn, **som_dict(s)} for situation, s in resultater]
        print(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
        return
    if args.format == "csv":
        for i, (situation, s) in enumerate(resultater):
            tekst = som_csv(s, situation.sted)
            sys.stdout.write(tekst if i == 0 else tekst.split("\n", 1)[1])
        return
    kommandoer = [(situation.kommando, s) for situation, s in resultater]
    if args.format == "markdown":
        for situation, s in resultater:
            tekst = som_markdown(s, args.alle)
            print(tekst.replace("# Sammenligning", f"# {situation.navn}: sammenligning", 1))
        # Hver fils notat forklarer selv mærkerne.
        skridt = naeste_skridt(kommandoer, args.alle, maerker=False)
        print("## Næste skridt\n\n" + "\n".join(f"- {linje}" for linje in skridt))
        return
    skridt = naeste_skridt(kommandoer, args.alle)
    for situation, s in resultater:
        _overskrift(konsol, situation.navn)
        konsol.print(som_tabel(s, args.alle))
    konsol.print()
    uaendret = uaendret_for_alle([s for _, s in resultater])
    if uaendret and not args.alle:
        konsol.print(Text("Ændrer intet for nogen ovenfor: " + ", ".join(uaendret), overflow="fold"))
    for linje in skridt:
        konsol.print(Text(linje, style="dim", overflow="fold"))


def _overskrift(konsol: Console, navn: str) -> None:
    """Filen (og tilfældet) som overskrift; et navn, der er for langt til linjen, står helt under den."""
    if len(navn) + 6 <= konsol.width:
        konsol.rule(escape(navn))
    else:
        konsol.rule()
        konsol.print(Text(navn, style="bold", overflow="fold"))


def _tilfaeldets_maaned(situation: Situation) -> str:
    """Uden --periode gælder en YAML-tests tilfældes period (én måned)."""
    if situation.periode is None:
        raise BrugerFejl("--periode: mangler; angiv en måned, fx 2026-03")
    return gyldig_maaned(situation.periode, felt=f"--periode: mangler, og {situation.navn} har period")


def _advar(sti: Path | str, advarsler: list[str]) -> None:
    for advarsel in advarsler:
        print(f"advarsel: {sti}: {advarsel}", file=sys.stderr)


@contextlib.contextmanager
def _i_filen(sti: Path | str):
    """En fejl i en situation nævner filen, så den kan findes blandt flere."""
    try:
        yield
    except (BrugerFejl, ManglendeOplysningError, ParameterHulError) as fejl:
        raise BrugerFejl(f"{sti}: {str(fejl).removeprefix('SITUATION: ')}") from None


def _regimer(args, konsol: Console) -> None:
    regimer = list(alle_regimer().values())
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "noegle": r.noegle,
                        "navn": r.navn,
                        "status": r.status,
                        "reformer": r.reformstier,
                        "kilder": [k.som_dict() for k in r.kilder],
                    }
                    for r in regimer
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    dele = [
        Text(
            f"Regimer ({len(regimer)}); stables med '+', fx faerre_maalgrupper+ingen_jobafklaring",
            style="bold",
        )
    ]
    for r in regimer:
        dele.append(Text(r.noegle, style="bold", overflow="fold"))
        linjer = [Text(f"{r.navn} · {r.status}")]
        moduler = [x.__module__.rsplit(".", 1)[-1] for x in r.reformer]
        if moduler != [r.noegle] and moduler:
            linjer.append(Text("stak: " + " + ".join(moduler)))
        elif moduler:
            linjer += [Text("reform (til en YAML-tests reforms:):"), Text(r.reformstier[0])]
        for k in r.kilder:
            linjer.append(Text.assemble("kilde: ", k.henvisning, (f" ({k.fil})", "dim")))
        for linje in linjer:
            # fold: en nøgle eller sti, der er længere end linjen, deles, men mister intet tegn.
            linje.overflow = "fold"
            dele.append(Padding(linje, (0, 0, 0, 2)))
    konsol.print(Group(*dele))


def _forklar(args, konsol: Console) -> None:
    noegler = _forklaringens_regimer(args)
    situationer = indlaes_situationer(args.situation, [byg_system(n) for n in noegler], args.tilfaelde)
    if len(situationer) > 1:
        raise BrugerFejl(
            f"--tilfaelde: '{args.situation}' har {len(situationer)} tilfælde; vælg ét ved navn eller "
            f"nummer (1-{len(situationer)})"
        )
    situation = situationer[0]
    periode = gyldig_maaned(args.periode) if args.periode is not None else _tilfaeldets_maaned(situation)
    if len(noegler) == 2:
        f = forskel(situation.data, periode, args.variabel, tuple(noegler), args.person, args.fremskrivning)
        _advar(situation.sted, list(f.advarsler))
        if args.format == "json":
            print(json.dumps(forskel_som_dict(f), ensure_ascii=False, indent=2))
        else:
            konsol.print(vis_forskel(f))
        return
    (noegle,) = noegler
    if args.format == "json":
        f = forklaring(situation.data, periode, args.variabel, noegle, args.person, args.fremskrivning)
        _advar(situation.sted, list(f.advarsler))
        print(json.dumps(forklaring_som_dict(f), ensure_ascii=False, indent=2))
        return
    traeer, advarsler = forklar(
        situation.data, periode, args.variabel, noegle, args.person, args.fremskrivning
    )
    _advar(situation.sted, advarsler)
    konsol.print(traeer)


def _forklaringens_regimer(args) -> list[str]:
    """Regimet (--regime) eller de to regimer A og B (--regimer A,B); --saet lægges på det sidste."""
    if args.regime is not None and args.regimer is not None:
        raise BrugerFejl("--regimer: angiv enten --regime (ét regime) eller --regimer A,B (to regimer)")
    if args.regimer is None:
        felt, noegler = "--regime", [GAELDENDE_RET if args.regime is None else args.regime]
    else:
        felt, noegler = "--regimer", [n.strip() for n in args.regimer.split(",")]
        if len(noegler) > 2 or not all(noegler):
            raise BrugerFejl(
                f"--regimer: forventede ét regime eller to adskilt af komma (A,B), ikke '{args.regimer}'"
            )
    for noegle in noegler:
        _kendt_regime(noegle, felt)
    if args.saet:
        sidste = noegler[-1]
        noegler[-1] = reformfil.fra_saet(args.saet, [] if sidste == GAELDENDE_RET else [sidste])
    return noegler


def _kontroller_befolkning(args) -> None:
    """--personer og --seed for den syntetiske befolkning (effekt og kalibrering)."""
    if not 1 <= args.personer <= MAKS_PERSONER:
        raise BrugerFejl(
            f"--personer: skal være et heltal fra 1 til {dansk_tal(MAKS_PERSONER)}, ikke {args.personer}"
        )
    if not 0 <= args.seed <= effekt.MAKS_SEED:
        raise BrugerFejl(f"--seed: skal være et heltal fra 0 til {effekt.MAKS_SEED}, ikke {args.seed}")


def _effekt(args, konsol: Console) -> None:
    _kontroller_befolkning(args)
    if args.arbejdere is not None:
        _processer("--arbejdere", args.arbejdere)
    if args.adresse is not None and args.motor != "dask":
        raise BrugerFejl("--adresse: gælder kun med --motor dask")
    if not 1 <= args.traekninger <= effekt.MAKS_TRAEKNINGER:
        raise BrugerFejl(
            f"--traekninger: skal være et heltal fra 1 til {effekt.MAKS_TRAEKNINGER}, ikke {args.traekninger}"
        )
    noegler = _regimenoegler(args.regimer, args.saet)
    periode = _maaneder(args)
    fremskrivning, grund = args.fremskrivning, ""
    if args.aar is not None:
        fremskrivning, grund = effekt.aarets_fremskrivning(args.aar, args.fremskrivning, "--aar")
    if args.ud is not None:
        _forbered_ud(args.ud, args.overskriv)
    with _fremdrift(konsol) as fremdrift:
        resultat = effekt.effekt(
            noegler,
            periode,
            args.personer,
            args.seed,
            motor=args.motor,
            arbejdere=args.arbejdere,
            adresse=args.adresse,
            fremdrift=fremdrift,
            fremskrivning=fremskrivning,
            traekninger=args.traekninger,
        )
    resultat.fremskrivning_grund = grund
    if args.ud is not None:
        filer = {
            "effekt.csv": effekt.som_csv(resultat).encode("utf-8"),
            "effekt.json": effekt.som_json(resultat).encode("utf-8"),
            **effekt.grafer(resultat),
        }
        for navn, indhold in filer.items():
            _skriv(args.ud / navn, indhold, args.overskriv)
    if args.format == "json":
        print(effekt.som_json(resultat))
    elif args.format == "csv":
        sys.stdout.write(effekt.som_csv(resultat))
    else:
        konsol.print(_effekttabel(resultat))


# Periodens valg i effekt: flaget → feltet i args.
PERIODEVALG = {"--periode": "periode", "--maaneder": "maaneder", "--aar": "aar"}


def _maaneder(args) -> str | list[str]:
    """--periode (én måned), --maaneder FRA:TIL (månederne fra og med FRA til og med TIL) eller
    --aar ÅR (årets tolv måneder)."""
    valgt = [navn for navn, a in PERIODEVALG.items() if getattr(args, a) is not None]
    if len(valgt) != 1:
        # Fejlen nævner de valg, der faktisk er givet (ingen givet: --periode).
        raise BrugerFejl(
            f"{', '.join(valgt) or '--periode'}: angiv netop ét af --periode (én måned), "
            "--maaneder FRA:TIL og --aar ÅR"
        )
    if args.periode is not None:
        return gyldig_maaned(args.periode)
    if args.aar is not None:
        foerste, sidste = effekt.aarene()
        if not foerste <= args.aar <= sidste:
            raise BrugerFejl(f"--aar: skal være et år fra {foerste} til {sidste}, ikke {args.aar}")
        return effekt.aarets_maaneder(args.aar)
    fra, kolon, til = args.maaneder.partition(":")
    if not kolon:
        raise BrugerFejl(f"--maaneder: '{args.maaneder}' er ikke FRA:TIL; brug fx 2027-01:2027-12")
    fra, til = gyldig_maaned(fra, "--maaneder"), gyldig_maaned(til, "--maaneder")
    if til < fra:
        raise BrugerFejl(f"--maaneder: {til} ligger før {fra}")
    maaneder = [str(m) for m in numpy.arange(numpy.datetime64(fra, "M"), numpy.datetime64(til, "M") + 1)]
    if len(maaneder) > MAKS_MAANEDER:
        raise BrugerFejl(f"--maaneder: højst {MAKS_MAANEDER} måneder ad gangen, ikke {len(maaneder)}")
    return maaneder


@contextlib.contextmanager
def _fremdrift(konsol: Console):
    """En fremdriftslinje på stderr (bidder beregnet), når stderr er en terminal."""
    fejlkonsol = Console(stderr=True)
    if not fejlkonsol.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("effekt"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=fejlkonsol,
        transient=True,
    ) as linje:
        opgave = linje.add_task("bidder", total=None)
        yield lambda faerdige, i_alt: linje.update(opgave, completed=faerdige, total=i_alt)


def _forbered_ud(ud: Path, overskriv: bool) -> None:
    """Kontrollér og opret --ud før beregningen, så en fejl her ikke spilder den."""
    _importer("matplotlib", "docs", "--ud")
    if ud.exists() and not ud.is_dir():
        raise BrugerFejl(f"--ud: '{ud}' findes og er ikke en mappe")
    try:
        ud.mkdir(parents=True, exist_ok=True)
    except OSError as fejl:
        raise BrugerFejl(f"--ud: kan ikke oprette mappen '{ud}' ({fejl.strerror})") from None
    if not os.access(ud, os.W_OK | os.X_OK):
        raise BrugerFejl(f"--ud: kan ikke skrive i mappen '{ud}'")
    fundne = [ud / navn for navn in effekt.udfiler() if os.path.lexists(ud / navn)]
    if fundne and not overskriv:
        raise BrugerFejl(
            f"--ud: '{fundne[0]}' findes allerede ({len(fundne)} resultatfil(er) i mappen); "
            "brug --overskriv for at erstatte dem eller en anden mappe"
        )


def _skriv(fil: Path, indhold: bytes, overskriv: bool) -> None:
    """Skriv en resultatfil uden at følge et symbolsk link.

    Uden --overskriv oprettes filen kun, hvis intet findes på stedet (O_EXCL, også et link); med
    --overskriv skrives en ny fil ved siden af, som derefter erstatter den gamle (eller linket selv).
    """
    try:
        if not overskriv:
            fd = os.open(fil, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
            with os.fdopen(fd, "wb") as ud:
                ud.write(indhold)
            return
        fd, midlertidig = tempfile.mkstemp(dir=fil.parent, prefix=f".{fil.name}.")
        try:
            with os.fdopen(fd, "wb") as ud:
                ud.write(indhold)
            os.chmod(midlertidig, 0o644)
            os.replace(midlertidig, fil)
        except BaseException:
            os.unlink(midlertidig)
            raise
    except FileExistsError:
        raise BrugerFejl(f"--ud: '{fil}' findes allerede; brug --overskriv for at erstatte den") from None
    except OSError as fejl:
        raise BrugerFejl(f"--ud: kan ikke skrive '{fil}' ({fejl.strerror})") from None


def _effekttabel(resultat) -> Group:
    """Sammenfatningen (hvert måls tal i alt mod gældende ret), mållinjen og én tabel per mål med
    kategorierne; tal afrundet (mio. kr. med én decimal, ellers hele tal) med interval."""
    personer, opregnet = (dansk_tal(x) for x in (resultat.personer, resultat.personer * resultat.vaegt))
    tabeller = [
        Text(
            f"Effekt {resultat.periode}: {personer} syntetiske personer, opregnet til {opregnet} (16-66 år)",
            style="bold",
        ),
        Text(effekt.usikkerheden(resultat), style="dim"),
    ]
    if len(resultat.maaneder) > 1:
        tabeller.append(Text(effekt.sammenlaegningen(resultat), style="dim"))
    if resultat.fremskrivning_grund:
        tabeller.append(Text(f"Fremskrivning: {resultat.fremskrivning_grund}.", style="magenta"))
    tabeller += _sammenfatning(resultat)
    for maal in effekt.MAAL:
        titel = effekt.titel(maal, resultat)
        kategorier = list(dict.fromkeys(r["kategori"] for r in resultat.raekker if r["maal"] == maal))
        if not kategorier:
            continue
        tabel = Table(title=f"{titel} ({effekt.visningsenhed(maal)})", title_justify="left")
        # Færrest kolonner: regimerne som kolonner, hvis der er flere kategorier end regimer.
        regimer_som_kolonner = len(kategorier) > len(resultat.regimer)
        raekker, kolonner = (
            (kategorier, resultat.regimer) if regimer_som_kolonner else (resultat.regimer, kategorier)
        )
        tabel.add_column("Kategori" if regimer_som_kolonner else "Regime")
        for kolonne in kolonner:
            tabel.add_column(escape(kolonne), justify="right")
        for raekke in raekker:
            celler = []
            for kolonne in kolonner:
                noegle, kategori = (kolonne, raekke) if regimer_som_kolonner else (raekke, kolonne)
                r = resultat.raekke(maal, kategori, noegle)
                tekst = "—" if r is None else effekt.med_interval(maal, r)
                afviger = r is not None and effekt.afviger(maal, r["forskel"])
                celler.append(Text(tekst, style="bold yellow" if afviger else ""))
            tabel.add_row(Text(raekke), *celler)
        tabeller.append(tabel)
    tabeller += reformfil.som_tabeller([regime(n) for n in resultat.regimer])
    fremskrevne = sorted({p["parameter"] for f in resultat.fremskrevne for p in f["parametre"]})
    if fremskrevne:
        maal = sorted({effekt.MAAL[f["maal"]][0] for f in resultat.fremskrevne})
        tabeller.append(
            Text(
                f"Bygger på fremskrevne satser (antagelse) ({'; '.join(maal)}): {', '.join(fremskrevne)}",
                style="magenta",
            )
        )
    # Én linje per parameter med de måneder, hullet dækker (ikke én per måned).
    for hul in effekt.samlede_huller(resultat):
        maal = sorted(effekt.titel(m, resultat) for m in hul["maal"])
        tabeller.append(Text(f"Ikke fuldt beregnet ({'; '.join(maal)}): {hul['tekst']}", style="red"))
    return Group(*tabeller)


def _sammenfatning(resultat) -> list:
    """Per mål: gældende rets tal i alt og hvert regimes forskel fra det med interval, sorteret efter
    effekten som diagrammerne; så mållinjen."""
    dele = []
    for maal in effekt.HOVEDTAL:
        grund = resultat.hoved(maal, GAELDENDE_RET)
        soejler = [s for s in effekt.diagramtal(resultat, maal) if s["regime"] != GAELDENDE_RET]
        if grund is None:
            continue
        titel = f"{effekt.titel(maal, resultat)} i alt ({effekt.visningsenhed(maal)})"
        uden = effekt.uden_tekst(grund)
        tabel = Table(
            title=f"{titel}: gældende ret {effekt.med_interval(maal, grund)}{uden}",
            title_justify="left",
        )
        # Kolonnen "Usikker" kun, når en forskel er usikker (intervallet dækker 0).
        usikre = any(s["usikker"] for s in soejler)
        if soejler:
            tabel.add_column("Regime")
            tabel.add_column("Forskel fra gældende ret", justify="right")
            tabel.add_column("95 %-interval", justify="right")
            if usikre:
                tabel.add_column("Usikker")
            for s in soejler:
                interval = ""
                if s["nedre"] is not None and effekt.vist(maal, s["nedre"]) != effekt.vist(maal, s["oevre"]):
                    interval = f"{effekt.vist(maal, s['nedre'])} til {effekt.vist(maal, s['oevre'])}"
                sikker = s["usikker"] is not True and effekt.afviger(maal, s["vaerdi"])
                tabel.add_row(
                    Text(escape(s["regime"])),
                    Text(effekt.vist(maal, s["vaerdi"]), style="bold yellow" if sikker else ""),
                    interval,
                    *([Text("ja" if s["usikker"] else "nej", style="dim")] if usikre else []),
                )
        dele.append(tabel)
    linjer = effekt.maallinje(resultat)
    if linjer:
        maallinje = Table(
            title="Mållinjen: ydelsesudgifterne mod gældende ret og besparelsesmålet", title_justify="left"
        )
        maallinje.add_column("Regime")
        maallinje.add_column("Art")
        maallinje.add_column("Sparer eller koster")
        for linje in sorted(linjer, key=lambda linje: -linje["besparelse"]):
            maallinje.add_row(
                Text(escape(linje["regime"])), linje["art"], Text(effekt.maallinjens_tekst(resultat, linje))
            )
        dele += [maallinje, Text(effekt.maalets_forbehold(resultat), style="dim")]
    return dele


def _serve(args, konsol: Console) -> None:
    if not 1 <= args.port <= MAKS_PORT:
        raise BrugerFejl(f"--port: skal være et heltal fra 1 til {MAKS_PORT}, ikke {args.port}")
    workers = _kerner() if args.workers is None else _processer("--workers", args.workers)
    cors = _cors(args.cors)
    # En IPv6-adresse skrives med eller uden klammer (::1 eller [::1]); i en adresse og for gunicorn med.
    vaert_ip = args.host.strip("[]")
    adresse = f"[{vaert_ip}]" if ":" in vaert_ip else vaert_ip
    _kan_lytte(vaert_ip, args.port, args.host)
    # Web-API'et (gunicorn, flask) kommer med ekstraen web-api; de andre kommandoer kan undvære det.
    server = _importer("openfisca_dk_beskaeftigelse.server", "web-api", "serve")
    from openfisca_dk_beskaeftigelse.arbejdsbord import dokumentationens_valg

    dokumentation = dokumentationens_valg(args.dokumentation)
    hvorfor = "" if args.workers is not None else " (én per kerne; vælg med --workers)"
    # 0.0.0.0 og :: lytter på alle adresser; en browser på maskinen selv åbner 127.0.0.1.
    vaert = "127.0.0.1" if vaert_ip in ("0.0.0.0", "::", "") else adresse
    print(
        f"dk-beskaeftigelse serve: http://{adresse}:{args.port} med {workers} workers{hvorfor}, "
        f"CORS: {', '.join(cors) or 'ingen'}\n"
        f"Arbejdsbordet: åbn http://{vaert}:{args.port}/ i en browser "
        f"(dokumentationens links: {dokumentation})",
        file=sys.stderr,
        flush=True,
    )
    server.start(adresse, args.port, workers, cors, dokumentation)


def _kan_lytte(host: str, port: int, skrevet: str) -> None:
    """Prøv adressen, før gunicorn starter: ellers forsøger den igen i 5 sekunder og slutter med en log.
    ``skrevet`` er --host, som brugeren skrev den (beskederne gentager den)."""
    try:
        (familie, _, _, _, adresse), *_ = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (socket.gaierror, UnicodeError):
        raise BrugerFejl(f"--host: '{skrevet}' er ikke en adresse eller et navn, der kan slås op") from None
    try:
        with socket.socket(familie, socket.SOCK_STREAM) as prove:
            prove.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # som gunicorn
            prove.bind(adresse)
    except OSError as fejl:
        if fejl.errno == errno.EADDRINUSE:
            raise BrugerFejl(f"--port: {port} er optaget på {skrevet}; vælg en anden med --port") from None
        raise BrugerFejl(f"--host: kan ikke lytte på '{skrevet}' ({fejl.strerror})") from None


def _cors(tekst: str) -> tuple[str, ...]:
    """--cors som oprindelser: '*', 'ingen' eller kommaseparerede oprindelser (skema://vært[:port])."""
    if tekst.strip() in ("*", "ingen"):
        return ("*",) if tekst.strip() == "*" else ()
    oprindelser = tuple(_liste(tekst) or ())
    for oprindelse in oprindelser or ("",):
        if not _OPRINDELSE.fullmatch(oprindelse):
            raise BrugerFejl(
                f"--cors: '{oprindelse}' er ikke en oprindelse; brug fx https://eksempel.dk, '*' "
                "eller 'ingen'"
            )
    return oprindelser


def _test(args, konsol: Console) -> int:
    filer = yamltest.find_filer(args.filer)
    tilfaelde, problemer = [], []
    for fil in filer:
        fundne, fejl = yamltest.indlaes(fil)
        tilfaelde += fundne
        problemer += fejl
    valgte = yamltest.udvalgte(tilfaelde, args.name_filter)
    if not valgte and not problemer:
        raise BrugerFejl(
            f"--name-filter: '{args.name_filter}' passer på intet tilfælde (navn, filnavn eller keywords)"
        )
    valgte, systemer, reformfejl = yamltest.med_reformfiler(valgte, yamltest.registrets_systemer())
    fundne = reformfejl + yamltest.kontroller(valgte, systemer)
    for problem in problemer + fundne:
        print(f"fejl: {problem}", file=sys.stderr)
    if problemer or fundne:
        return 2
    return yamltest.koer(valgte, systemer, verbose=args.verbose)


# --- kalibrering: den syntetiske befolkning mod datafilens tal (issue 20, punkt 3) ---


def _kalibrering_parser(under) -> None:
    k = under.add_parser(
        "kalibrering",
        help="den syntetiske befolkning ved siden af de offentliggjorte tal, den er kalibreret til",
        description=(
            "Genererer den syntetiske befolkning og viser for hvert tal i data/befolkning.yaml det "
            "offentliggjorte (eller antagne) tal med kilde og år, befolkningens tal, afvigelsen og "
            "tolerancen (fra datafilen, med grund)."
        ),
    )
    k.add_argument(
        "--personer",
        type=int,
        default=kalibrering.STANDARD_PERSONER,
        help=(
            f"antal syntetiske personer, 1 til {dansk_tal(MAKS_PERSONER)} "
            f"(standard {dansk_tal(kalibrering.STANDARD_PERSONER)})"
        ),
    )
    k.add_argument(
        "--seed",
        type=int,
        default=0,
        help=f"startværdi for befolkningen, et heltal fra 0 til {effekt.MAKS_SEED} (standard 0)",
    )
    k.add_argument(
        "--periode",
        help="måned, befolkningen genereres for, fx 2026-03 (standard: januar i befolkningens opgørelsesår)",
    )
    k.add_argument("--format", choices=("tekst", "csv", "json"), default="tekst")


def _kalibrering(args, konsol: Console) -> None:
    _kontroller_befolkning(args)
    periode = gyldig_maaned(args.periode) if args.periode is not None else None
    tabel = kalibrering.kalibrering(args.personer, args.seed, periode)
    formater = {"tekst": kalibrering.som_tekst, "csv": kalibrering.som_csv, "json": kalibrering.som_json}
    sys.stdout.write(formater[args.format](tabel).rstrip("\n") + "\n")


def main(argv: list[str] | None = None) -> int:
    with _argparse_paa_dansk():
        args = _parser().parse_args(argv)
    konsol = Console()
    kommandoer = {
        "sammenlign": _sammenlign,
        "regimer": _regimer,
        "forklar": _forklar,
        "serve": _serve,
        "effekt": _effekt,
        "kalibrering": _kalibrering,
        "test": _test,
    }
    try:
        kode = kommandoer[args.kommando](args, konsol)
        sys.stdout.flush()
    except (BrugerFejl, UkendtRegimeError, ManglendeOplysningError, ParameterHulError) as fejl:
        print(f"fejl: {fejl}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Læseren (fx head) lukkede røret: stille og exitkode 1, som rich selv gør det for tabellerne.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return kode or 0


if __name__ == "__main__":
    sys.exit(main())
