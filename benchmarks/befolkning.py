"""Benchmark på befolkningsskala: effektberegningens tid, CPU og højeste hukommelse.

Måler i samme kørsel, hver måling mindst 3 gange (min og median):

- ``dk-beskaeftigelse effekt --regimer alle --periode 2026-03 --personer N --traekninger 1``: præcis
  det, en bruger kører (alle registrets regimer, alle mål, standardmotoren med processer på denne
  maskine), som en selvstændig proces; tid fra start til slut, CPU-tid for processen og dens
  underprocesser, og højeste hukommelse for dem tilsammen (summen af PSS, målt hvert 0,1 s);
- årsopgørelsen: ``effekt --regimer alle --aar 2027 --personer M --traekninger T`` (12 måneder × T
  trækninger, fremskrevet), de samme tal og tiden pr. kørsel (måned × trækning), som kan sammenlignes
  med én måned ovenfor: genbruget og bidderne virker for hver kørsel;
- gældende ret i én proces uden genbrug: alle effektrapportens uddata for N personer, og
  openfisca-country-template på samme antal personer (én person per husstand) med alle
  skabelonens månedlige formler, skiftevis; begge som tid pr. person og pr. beregnet værdi (en
  variabel for en person eller husstand), og forholdet mellem dem;
- en fremskrivning til hele befolkningen (6 mio. personer) i et helt år (12 måneder) med alle
  regimer: 12 × 6 mio./N × medianen for N personer, på denne maskine (på en Dask-klynge deles
  tiden med antallet af arbejdere, se docs/klynge.md).

Målene står i ``MAAL`` og udskrives med "nået"/"ikke nået". Maskinen deles med andre: belastningen
(load average) udskrives før og efter, og CPU-tiden er med, fordi den påvirkes mindre af andres
processer end tiden på uret.

Kør: ``make bench`` eller ``.venv/bin/python benchmarks/befolkning.py [--personer 100000,1000000]
[--gentagelser 3]`` (skabelonen kræver ``pip install openfisca-country-template``, som ``make bench``
gør).
"""

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

PERIODE = "2026-03"
AAR = 2027  # årsopgørelsen: et år efter de sidst offentliggjorte satser (fremskrivningen er med)
DANMARK = 6_000_000
MAANEDER_PR_AAR = 12
MAAL = {
    "effekt_sekunder": 40.0,  # alle regimer, 1 mio. personer, på uret
    "effekt_mb": 2048.0,  # højeste hukommelse for alle processerne tilsammen
    "aar_minutter": 30.0,  # hele befolkningen i et helt år, fremskrevet
}
MAAL_PERSONER = 1_000_000
PROEVE_SEKUNDER = 0.1


def _effekt(personer: int, *periode: str) -> dict:
    """Én kørsel af kommandoen som selvstændig proces: tid, CPU og højeste samlede PSS.

    ``periode`` er tilvalgene for perioden og trækningerne (standard: én måned, én trækning).
    """
    program = Path(sys.executable).parent / "dk-beskaeftigelse"
    periode = periode or ("--periode", PERIODE, "--traekninger", "1")
    argv = [program, "effekt", "--regimer", "alle", *periode, "--personer", str(personer)]
    foer = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proces = subprocess.Popen([*argv, "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    hoejeste = 0
    rod = psutil.Process(proces.pid)
    while proces.poll() is None:
        hoejeste = max(hoejeste, _pss(rod))
        time.sleep(PROEVE_SEKUNDER)
    sekunder = time.perf_counter() - start
    efter = resource.getrusage(resource.RUSAGE_CHILDREN)
    fejl = proces.stderr.read().decode()
    if proces.returncode != 0:
        return {"fejl": _grund(proces.returncode, fejl)}
    cpu = (efter.ru_utime - foer.ru_utime) + (efter.ru_stime - foer.ru_stime)
    return {"sekunder": sekunder, "cpu": cpu, "mb": hoejeste / 2**20}


def _pss(rod: psutil.Process) -> int:
    """Summen af PSS (delte sider delt ligeligt) for processen og dens underprocesser."""
    i_alt = 0
    try:
        processer = [rod, *rod.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in processer:
        try:
            i_alt += p.memory_full_info().pss
        except psutil.Error:
            pass
    return i_alt


def _beregnede_vaerdier(simulering, inddata: set) -> int:
    """Antal beregnede værdier: længden af hvert array, en formel har lagt i simuleringen."""
    return sum(
        len(holder.get_array(periode))
        for population in simulering.populations.values()
        for navn, holder in population._holders.items()
        for periode in holder.get_known_periods()
        if (navn, periode) not in inddata
    )


def _maal_dk(personer: int) -> dict:
    """Gældende ret i denne proces uden genbrug: alle effektrapportens uddata for befolkningen."""
    from openfisca_dk_beskaeftigelse import genbrug
    from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
    from openfisca_dk_beskaeftigelse.population import byg_simulering, generer
    from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system
    from openfisca_dk_beskaeftigelse.uddata import alle_uddata

    system = byg_system(GAELDENDE_RET)
    befolkning = generer(personer, PERIODE, system, seed=1)
    start = time.perf_counter()
    simulering = byg_simulering(system, befolkning)
    inddata = genbrug.inddata(simulering)
    for u in alle_uddata(system):
        try:
            simulering.calculate(u.variabel, PERIODE)
        except ParameterHulError:
            pass  # et hul i kilderne: variablen beregnes ikke, som i effektrapporten
    sekunder = time.perf_counter() - start
    return {"sekunder": sekunder, "vaerdier": _beregnede_vaerdier(simulering, inddata)}


def _maal_skabelon(personer: int) -> dict:
    """openfisca-country-template: hver månedlig formel for ``personer`` personer i hver sin husstand."""
    import numpy
    from openfisca_core.periods import DateUnit
    from openfisca_core.simulations import SimulationBuilder
    from openfisca_country_template import CountryTaxBenefitSystem

    from openfisca_dk_beskaeftigelse import genbrug

    system = CountryTaxBenefitSystem()
    rng = numpy.random.default_rng(1)
    start = time.perf_counter()
    bygger = SimulationBuilder()
    bygger.create_entities(system)
    bygger.declare_person_entity("person", numpy.arange(personer))
    husstande = bygger.declare_entity("household", numpy.arange(personer))
    bygger.join_with_persons(husstande, numpy.arange(personer), numpy.zeros(personer, dtype=int))
    simulering = bygger.build(system)
    simulering.set_input("salary", PERIODE, rng.uniform(0, 6000, personer))
    simulering.set_input(
        "birth", "ETERNITY", numpy.datetime64("1950-01-01") + rng.integers(0, 25_000, personer)
    )
    simulering.set_input("rent", PERIODE, rng.uniform(300, 2000, personer))
    simulering.set_input("accommodation_size", PERIODE, rng.uniform(20, 150, personer))
    inddata = genbrug.inddata(simulering)
    for navn, variabel in system.variables.items():
        if variabel.formulas and variabel.definition_period == DateUnit.MONTH:
            simulering.calculate(navn, PERIODE)
    sekunder = time.perf_counter() - start
    return {"sekunder": sekunder, "vaerdier": _beregnede_vaerdier(simulering, inddata)}


def _maaling(art: str, personer: int) -> None:
    """Kører i en underproces: én måling i processen, skrevet som JSON på stdout."""
    print(json.dumps(_maal_skabelon(personer) if art == "skabelon" else _maal_dk(personer)))


def _grund(returkode: int, stderr: str) -> str:
    """Returkoden og stderr's sidste linje; en dræbt proces (fx OOM-killeren, -9) har ingen stderr."""
    grund = f"returkode {returkode}"
    if returkode < 0:
        grund += f" (dræbt af signal {-returkode}: {signal.strsignal(-returkode)})"
    sidste = stderr.strip().splitlines()[-1:]
    return f"{grund}: {sidste[0]}" if sidste else grund


def _koer(art: str, personer: int, *periode: str) -> dict | None:
    if art == "effekt":
        resultat = _effekt(personer, *periode)
    else:
        proces = subprocess.run(
            [sys.executable, __file__, "--maaling", art, str(personer)], capture_output=True, text=True
        )
        resultat = (
            {"fejl": _grund(proces.returncode, proces.stderr)}
            if proces.returncode != 0
            else json.loads(proces.stdout.strip().splitlines()[-1])
        )
    if "fejl" in resultat:
        print(f"  {art} {personer}: fejlede: {resultat['fejl']}")
        return None
    return resultat


def _min_median(vaerdier: list[float]) -> str:
    return f"{min(vaerdier):>8.1f} {statistics.median(vaerdier):>8.1f}"


def _belastning() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--personer", default="100000,1000000")
    parser.add_argument("--gentagelser", type=int, default=3)
    parser.add_argument("--aar-personer", type=int, default=20_000, help="personer i årsopgørelsen")
    parser.add_argument("--aar-traekninger", type=int, default=3, help="trækninger i årsopgørelsen")
    parser.add_argument("--maaling", nargs=2, metavar=("ART", "PERSONER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.maaling:
        _maaling(args.maaling[0], int(args.maaling[1]))
        return 0

    n = args.gentagelser
    print(f"Periode {PERIODE}, {n} gentagelser, {os.cpu_count()} kerner; belastning før: {_belastning()}")
    print(
        "effekt --regimer alle (som kommandoen): tid på uret, CPU-tid og højeste hukommelse (alle processer)"
    )
    print(
        f"{'personer':>10} {'sek. min':>8} {'median':>8} {'CPU min':>8} {'median':>8} "
        f"{'MB min':>8} {'median':>8}"
    )
    effekt = {}
    for personer in (int(x) for x in args.personer.split(",")):
        maalinger = [r for r in (_koer("effekt", personer) for _ in range(n)) if r]
        if not maalinger:
            continue
        effekt[personer] = maalinger
        print(
            f"{personer:>10} {_min_median([m['sekunder'] for m in maalinger])} "
            f"{_min_median([m['cpu'] for m in maalinger])} {_min_median([m['mb'] for m in maalinger])}"
        )

    print()
    t = args.aar_traekninger
    print(
        f"Årsopgørelsen: effekt --regimer alle --aar {AAR} --traekninger {t} (12 måneder × {t} trækninger "
        "= kørsler, fremskrevet)"
    )
    print(
        f"{'personer':>10} {'sek. min':>8} {'median':>8} {'CPU min':>8} {'median':>8} "
        f"{'MB min':>8} {'median':>8} {'s/kørsel':>9}"
    )
    aarsopgoerelse = [
        r
        for r in (
            _koer("effekt", args.aar_personer, "--aar", str(AAR), "--traekninger", str(t)) for _ in range(n)
        )
        if r
    ]
    if aarsopgoerelse:
        sekunder = [m["sekunder"] for m in aarsopgoerelse]
        print(
            f"{args.aar_personer:>10} {_min_median(sekunder)} "
            f"{_min_median([m['cpu'] for m in aarsopgoerelse])} "
            f"{_min_median([m['mb'] for m in aarsopgoerelse])} "
            f"{statistics.median(sekunder) / (MAANEDER_PR_AAR * t):>9.2f}"
        )

    print()
    print(
        "Gældende ret uden genbrug og country-template, én proces: "
        "omkostning pr. person og pr. beregnet værdi"
    )
    print(
        f"{'personer':>10} {'måling':<22} {'sek. min':>8} {'median':>8} {'værdier':>12} "
        f"{'µs/person':>10} {'ns/værdi':>9}"
    )
    for personer in (int(x) for x in args.personer.split(",")):
        pr_vaerdi = {}
        arter = (("grundlag", "gældende ret"), ("skabelon", "country-template"))
        # Skiftevis, så en ændring i maskinens belastning rammer begge ens.
        alle = {art: [] for art, _ in arter}
        for _ in range(n):
            for art, _ in arter:
                alle[art].append(_koer(art, personer))
        for art, navn in arter:
            maalinger = [r for r in alle[art] if r]
            if not maalinger:
                continue
            median = statistics.median(m["sekunder"] for m in maalinger)
            vaerdier = maalinger[0]["vaerdier"]
            pr_vaerdi[art] = (median / personer, median / vaerdier)
            print(
                f"{personer:>10} {navn:<22} {_min_median([m['sekunder'] for m in maalinger])} "
                f"{vaerdier:>12,} "
                f"{1e6 * median / personer:>10.1f} {1e9 * median / vaerdier:>9.1f}"
            )
        if len(pr_vaerdi) == 2:
            person, vaerdi = (pr_vaerdi["grundlag"][i] / pr_vaerdi["skabelon"][i] for i in (0, 1))
            print(
                f"{'':>10} gældende ret / country-template: {person:.1f} pr. person, "
                f"{vaerdi:.2f} pr. beregnet værdi"
            )

    print()
    print(f"Belastning efter: {_belastning()}")
    if MAAL_PERSONER in effekt:
        maalinger = effekt[MAAL_PERSONER]
        sekunder = statistics.median(m["sekunder"] for m in maalinger)
        cpu = statistics.median(m["cpu"] for m in maalinger)
        mb = max(m["mb"] for m in maalinger)
        faktor = MAANEDER_PR_AAR * DANMARK / MAAL_PERSONER
        aar = faktor * sekunder / 60
        print(
            f"Mål: effekt, alle regimer, 1 mio. personer < {MAAL['effekt_sekunder']:.0f} s: "
            f"median {sekunder:.1f} s "
            f"(CPU {cpu:.1f} s): {_naaet(sekunder < MAAL['effekt_sekunder'])}"
        )
        print(
            f"Mål: højeste hukommelse < {MAAL['effekt_mb']:.0f} MB: højeste {mb:.0f} MB: "
            f"{_naaet(mb < MAAL['effekt_mb'])}"
        )
        print(
            f"Mål: hele befolkningen ({DANMARK:,} personer) i et år med alle regimer "
            f"< {MAAL['aar_minutter']:.0f} min: "
            f"fremskrevet {aar:.1f} min (12 × 6 × medianen for 1 mio.; CPU {faktor * cpu / 60:.1f} min): "
            f"{_naaet(aar < MAAL['aar_minutter'])}"
        )
    else:
        print("Målene for 1 mio. personer er ikke målt (kør med --personer ...,1000000).")
    return 0


def _naaet(ja: bool) -> str:
    return "nået" if ja else "ikke nået"


if __name__ == "__main__":
    sys.exit(main())
