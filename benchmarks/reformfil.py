"""Benchmark af reformfiler: hvor lang tid det tager at bygge en parametrisk reform.

Måler for eksemplerne i ``examples/reformer/`` (oven på et bygget regime, som CLI'et og serveren
har det i cachen):
- læsning og kontrol af filen (YAML, skema, parametre og værdiernes art);
- bygning af systemet: én ``Reform`` med ét ``modify_parameters`` (målet: under 50 ms);
- et nyt opslag med samme indhold (cachen efter indhold: samme klasse, samme system).
Skriver tal (median og største af N gentagelser); tester intet.

Kør: ``.venv/bin/python benchmarks/reformfil.py [--gentagelser 20]``
"""

import argparse
import statistics
import time
from pathlib import Path

from openfisca_dk_beskaeftigelse import EKSEMPELMAPPE, reformfil
from openfisca_dk_beskaeftigelse.regimer import byg_system

MAAL_MS = 50


def _ms(funktion, gentagelser: int) -> list[float]:
    tider = []
    for _ in range(gentagelser):
        start = time.perf_counter()
        funktion()
        tider.append((time.perf_counter() - start) * 1000)
    return tider


def _maal(fil: Path, gentagelser: int) -> tuple[list[float], list[float], list[float]]:
    """(opslag i cachen, bygning, kontrol) i ms for én reformfil."""
    klasse = reformfil.indlaes_fil(fil).reformer[-1]
    grundlag = byg_system(reformfil.grundlag(klasse.indhold).noegle)
    # Et nyt opslag med samme indhold: filen læses og kontrolleres, klassen og systemet genbruges.
    cache = _ms(lambda: byg_system(reformfil.indlaes_fil(fil).noegle), gentagelser)
    # Bygningen alene: reformen lagt på det cachede grundlag, som regimer.byg_system gør det.
    bygning = _ms(lambda: klasse(grundlag), gentagelser)

    def kontrol():
        reformfil.reformklasse.cache_clear()
        reformfil.reformklasse(klasse.indhold)

    return cache, bygning, _ms(kontrol, gentagelser)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gentagelser", type=int, default=20)
    args = parser.parse_args()
    print(f"{'reformfil':<40} {'bygning (ms)':>14} {'kontrol (ms)':>14} {'cache (ms)':>12}")
    for fil in sorted((EKSEMPELMAPPE / "reformer").glob("*.yaml")):
        cache, bygning, kontrol = _maal(fil, args.gentagelser)
        print(
            f"{fil.name:<40} "
            + " ".join(f"{statistics.median(t):>7.1f} ({max(t):>4.0f})" for t in (bygning, kontrol, cache))
        )
        status = "under" if statistics.median(bygning) < MAAL_MS else "OVER"
        print(f"  bygning: median {status} målet på {MAAL_MS} ms (største i parentes)")


if __name__ == "__main__":
    main()
