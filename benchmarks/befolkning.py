"""Benchmark på befolkningsskala: tid, personer pr. sekund og højeste hukommelse.

For 10.000, 100.000 og 1.000.000 syntetiske personer og én måned:
- gældende ret: alle kontraktens uddata;
- alle registrets regimer efter hinanden (hvert regimes simulering slippes før det næste);
- openfisca-country-template på samme antal personer (én person per husstand) med skabelonens
  fem vigtigste månedlige uddata (income_tax, social_security_contribution, basic_income,
  housing_allowance, disposable_income), og forholdet mellem omkostningen pr. person.
Hver måling kører i sin egen proces, så den højeste hukommelse (ru_maxrss) er målingens egen.
Til sidst en fremskrivning til hele Danmarks befolkning (ca. 6 mio. personer).

Målet: alle regimer for 1 mio. personer på under 60 s og 4 GB på en maskine med 2 kerner.

Kør: ``make bench`` eller ``.venv/bin/python benchmarks/befolkning.py [--personer 10000,100000]``
(skabelonen kræver ``pip install openfisca-country-template``, som ``make bench`` gør).
"""

import argparse
import gc
import json
import resource
import signal
import subprocess
import sys
import time

PERIODE = "2026-03"
DANMARK = 6_000_000
SKABELONENS_UDDATA = (
    "income_tax",
    "social_security_contribution",
    "basic_income",
    "housing_allowance",
    "disposable_income",
)


def _maal_dk(personer: int, alle: bool) -> dict:
    from openfisca_dk_beskaeftigelse.kontrakt import UDDATA
    from openfisca_dk_beskaeftigelse.population import byg_simulering, generer
    from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer, byg_system

    noegler = list(alle_regimer()) if alle else [GAELDENDE_RET]
    systemer = {n: byg_system(n) for n in noegler}
    start = time.perf_counter()
    befolkning = generer(personer, PERIODE, systemer[GAELDENDE_RET], seed=1)
    generering = time.perf_counter() - start
    for noegle in noegler:
        simulering = byg_simulering(systemer[noegle], befolkning)
        for navn in UDDATA:
            simulering.calculate(navn.navn, PERIODE)
        del simulering
        gc.collect()  # simuleringen har kredsløb (populationer ↔ simulering); frigiv før næste regime
    return {"sekunder": time.perf_counter() - start, "generering": generering, "regimer": len(noegler)}


def _maal_skabelon(personer: int) -> dict:
    import numpy
    from openfisca_core.simulations import SimulationBuilder
    from openfisca_country_template import CountryTaxBenefitSystem

    system = CountryTaxBenefitSystem()
    start = time.perf_counter()
    rng = numpy.random.default_rng(1)
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
    generering = time.perf_counter() - start
    for navn in SKABELONENS_UDDATA:
        simulering.calculate(navn, PERIODE)
    return {"sekunder": time.perf_counter() - start, "generering": generering, "regimer": 1}


def _maaling(art: str, personer: int) -> None:
    """Kører i en underproces: én måling, skrevet som JSON på stdout."""
    resultat = _maal_skabelon(personer) if art == "skabelon" else _maal_dk(personer, alle=art == "alle")
    resultat["hukommelse_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(resultat))


def _grund(proces: subprocess.CompletedProcess) -> str:
    """Returkoden og stderr's sidste linje; en dræbt proces (fx OOM-killeren, -9) har ingen stderr."""
    grund = f"returkode {proces.returncode}"
    if proces.returncode < 0:
        grund += f" (dræbt af signal {-proces.returncode}: {signal.strsignal(-proces.returncode)})"
    sidste = proces.stderr.strip().splitlines()[-1:]
    return f"{grund}: {sidste[0]}" if sidste else grund


def _koer(art: str, personer: int) -> dict | None:
    proces = subprocess.run(
        [sys.executable, __file__, "--maaling", art, str(personer)], capture_output=True, text=True
    )
    if proces.returncode != 0:
        print(f"  {art} {personer}: fejlede: {_grund(proces)}")
        return None
    return json.loads(proces.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--personer", default="10000,100000,1000000")
    parser.add_argument("--maaling", nargs=2, metavar=("ART", "PERSONER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.maaling:
        _maaling(args.maaling[0], int(args.maaling[1]))
        return 0

    print(
        f"Periode {PERIODE}. Tid inklusive generering af befolkningen; hukommelse = højeste RSS i processen."
    )
    print(f"{'personer':>10} {'måling':<28} {'regimer':>7} {'sek.':>8} {'personer/s':>12} {'MB':>8}")
    sidste = {}
    for personer in (int(n) for n in args.personer.split(",")):
        for art, navn in (
            ("grundlag", "gældende ret"),
            ("alle", "alle regimer"),
            ("skabelon", "country-template (5 var.)"),
        ):
            r = _koer(art, personer)
            if r is None:
                continue
            sidste[art] = (personer, r)
            hastighed = personer * r["regimer"] / r["sekunder"]
            print(
                f"{personer:>10} {navn:<28} {r['regimer']:>7} {r['sekunder']:>8.1f} {hastighed:>12,.0f} "
                f"{r['hukommelse_mb']:>8.0f}"
            )
        if (
            "grundlag" in sidste
            and "skabelon" in sidste
            and sidste["grundlag"][0] == sidste["skabelon"][0] == personer
        ):
            vores = sidste["grundlag"][1]["sekunder"]
            deres = sidste["skabelon"][1]["sekunder"]
            print(f"{'':>10} omkostning pr. person, gældende ret / country-template: {vores / deres:.1f}")
    if "alle" in sidste:
        personer, r = sidste["alle"]
        faktor = DANMARK / personer
        print(
            f"Fremskrivning til {DANMARK:,} personer (lineært fra {personer:,}): alle {r['regimer']} regimer "
            f"ca. {r['sekunder'] * faktor:,.0f} s og ca. {r['hukommelse_mb'] * faktor / 1024:,.1f} GB "
            "i én kørsel; i bidder á 1 mio. personer holdes hukommelsen på niveauet for 1 mio."
        )
        status = (
            "nået"
            if personer >= 1_000_000 and r["sekunder"] < 60 and r["hukommelse_mb"] < 4096
            else "ikke vist"
        )
        print(f"Mål (alle regimer, 1 mio. personer, < 60 s og < 4 GB): {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
