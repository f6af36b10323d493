"""Benchmark af forklaringen af en forskel (``forklaring.forskel``): tid og størrelse per reform.

For hver reform forklares hvert uddata i dens første reformtilfælde (``tests/reforms/<modul>.yaml``)
for alle testpersonerne under gældende ret og reformen, og for stakken ``kl_og_6_byerne_2024`` de
samme uddata for de 15 borgere i ``faerre_maalgrupper``-testen. Udskriver per måling: millisekunder
i alt, hvor meget af det de to sporede beregninger tog (resten er gennemgangen af sporene), antal
forskellige variabler i træerne og det største antal ens beregninger under én knude. Målet
(``MAAL``) udskrives med "nået"/"ikke nået". Skriver tal; tester intet.

Kør: ``.venv/bin/python benchmarks/forskel.py``
"""

import time
from pathlib import Path

import yaml

from openfisca_dk_beskaeftigelse import forklaring
from openfisca_dk_beskaeftigelse.beregning import situation_fra_test
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, reformklasser

TESTS = Path(__file__).resolve().parent.parent / "tests" / "reforms"
MAAL = {"ms_per_forklaring_p50": 100.0}


def _knuder(knude) -> list:
    return [knude, *(k for barn in knude.boern for k in _knuder(barn))]


def _maal(situation: dict, periode: str, variabler: list[str], regimer: tuple[str, str]) -> tuple:
    beregnet = [0.0]
    beregning = forklaring._beregning

    def taget_tid(*args):
        start = time.perf_counter()
        try:
            return beregning(*args)
        finally:
            beregnet[0] += time.perf_counter() - start

    forklaring._beregning = taget_tid
    try:
        start = time.perf_counter()
        resultater = [forklaring.forskel(situation, periode, v, regimer) for v in variabler]
        i_alt = time.perf_counter() - start
    finally:
        forklaring._beregning = beregning
    knuder = [k for f in resultater for t in f.traeer if t.rod for k in _knuder(t.rod)]
    return i_alt, beregnet[0], len(knuder), max((k.ens for k in knuder), default=0), len(variabler)


def main() -> None:
    tider = []
    print(f"{'regime':<58} {'ms':>8} {'spor ms':>8} {'knuder':>7} {'ens':>6} {'ms/forkl.':>9}")
    maalinger = []
    for modul in sorted(reformklasser()):
        tilfaelde = next(t for t in yaml.safe_load((TESTS / f"{modul}.yaml").read_text()) if t.get("reforms"))
        periode = str(tilfaelde["period"])
        situation = situation_fra_test([byg_system(modul)], tilfaelde["input"], periode)
        maalinger.append((modul, situation, periode, list(tilfaelde["output"])))
    borgere = next(
        t for t in yaml.safe_load((TESTS / "faerre_maalgrupper.yaml").read_text()) if t.get("reforms")
    )
    situation = situation_fra_test([byg_system("faerre_maalgrupper")], borgere["input"], "2026-03")
    maalinger.append(("kl_og_6_byerne_2024", situation, "2026-03", list(borgere["output"])))
    for noegle, situation, periode, variabler in maalinger:
        variabler = [v for v in variabler if v in byg_system(noegle).variables]
        # Første gang bygges systemerne; målingen er den anden.
        _maal(situation, periode, variabler[:1], (GAELDENDE_RET, noegle))
        i_alt, spor, knuder, ens, antal = _maal(situation, periode, variabler, (GAELDENDE_RET, noegle))
        tider.append(1000 * i_alt / antal)
        print(f"{noegle:<58} {1000 * i_alt:>8.1f} {1000 * spor:>8.1f} {knuder:>7} {ens:>6} {tider[-1]:>9.1f}")
    tider.sort()
    p50 = tider[len(tider) // 2]
    maal = MAAL["ms_per_forklaring_p50"]
    naaet = "nået" if p50 <= maal else "ikke nået"
    print(f"\nms per forklaring, median over regimerne: {p50:.1f} (mål ≤ {maal}: {naaet})")


if __name__ == "__main__":
    main()
