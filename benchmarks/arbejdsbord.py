"""Benchmark af arbejdsbordet: sidens indlæsning og Borger-sidens svar i en rigtig browser.

Måler med serveren i denne proces (werkzeug på 127.0.0.1) og Debians headless Chromium:
- sidens indlæsning (første gang og igen, median af 5): fra navigationen til DOMContentLoaded,
  til load og til Borger-siden er klar (formularen tegnet med det første eksempel);
- Borger-sidens "Beregn" for alle regimer (i browseren, median af 5), ved siden af serverens egen
  tid for POST /sammenlign (se benchmarks/web_api.py for p50 under gunicorn); som under ``serve``
  deler serveren regimerne med en hjælpeproces (``hjaelpeproces``);
- uden browser: tiden for at hente siden og alle dens filer over HTTP;
- Befolkning-sidens beregning for 20.000 personer under to regimer og den største befolkning,
  arbejdsbordet tillader for to regimer (``arbejdsbord.MAKS_PERSONER_GANGE_REGIMER``), mod
  tidsgrænsen per anmodning.
Skriver tal; tester intet. Målet for sidens indlæsning er under 1 sekund.

Kør: ``.venv/bin/python benchmarks/arbejdsbord.py [--gentagelser 5] [--uden-befolkning]``
"""

import argparse
import logging
import re
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

from werkzeug.serving import make_server

# Browseren og dens argumenter er testenes (tests/hjaelpere.py), så målingen kører som testene.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hjaelpere import CHROMIUM, CHROMIUM_ARGUMENTER  # noqa: E402

from openfisca_dk_beskaeftigelse import arbejdsbord, effekt
from openfisca_dk_beskaeftigelse.hjaelpeproces import Hjaelpeproces
from openfisca_dk_beskaeftigelse.regimer import alle_regimer, byg_system
from openfisca_dk_beskaeftigelse.webapp import MAKS_SEKUNDER, lav_app

MAAL_SEKUNDER = 1.0


def _ms(sekunder: float) -> str:
    return f"{sekunder * 1000:7.0f} ms"


def _http(base: str) -> float:
    """Siden og alle filer, den henter (index.html, CSS, JavaScript-modulerne), over HTTP."""
    start = time.perf_counter()
    anmodning = urllib.request.Request(base + "/", headers={"Accept": "text/html"})
    with urllib.request.urlopen(anmodning) as svar:
        html = svar.read().decode()
    filer = set(re.findall(r'(?:src|href)="(arbejdsbord/[^"]+)"', html))
    filer |= {f"arbejdsbord/{p.name}" for p in arbejdsbord.MAPPE.glob("*.js")}
    for fil in sorted(filer):
        with urllib.request.urlopen(f"{base}/{fil}") as svar:
            svar.read()
    return time.perf_counter() - start


def _indlaes(side, base: str) -> tuple[float, float, float]:
    start = time.perf_counter()
    side.goto(base + "/")
    side.wait_for_selector("body[data-klar=borger]")
    side.wait_for_selector("#formular .medlem")
    klar = time.perf_counter() - start
    tider = side.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return [n.domContentLoadedEventEnd / 1000, n.loadEventEnd / 1000]; }"
    )
    return tider[0], tider[1], klar


def _browser(base: str, gentagelser: int) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Playwright mangler (make install installerer den); browsermålingerne springes over")
        return
    if not CHROMIUM.is_file():
        print(f"{CHROMIUM} findes ikke (apt-get install chromium); browsermålingerne springes over")
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTER)
        side = browser.new_page(viewport={"width": 1400, "height": 1000})
        side.set_default_timeout(120_000)
        foerste = _indlaes(side, base)
        igen = [_indlaes(side, base) for _ in range(gentagelser)]
        print("Sidens indlæsning (DOMContentLoaded / load / Borger klar):")
        print(f"  første gang: {_ms(foerste[0])} / {_ms(foerste[1])} / {_ms(foerste[2])}")
        median = [statistics.median(t[i] for t in igen) for i in range(3)]
        print(f"  igen (median af {gentagelser}): {_ms(median[0])} / {_ms(median[1])} / {_ms(median[2])}")
        print(
            f"  mål: Borger klar under {MAAL_SEKUNDER:.0f} s: {'ja' if median[2] < MAAL_SEKUNDER else 'NEJ'}"
        )
        side.click("#regimer-borger button:has-text('Vælg alle')")
        beregninger = []
        for _ in range(gentagelser + 1):
            start = time.perf_counter()
            side.click("#beregn")
            # "Beregner …" står der fra klikket, til svaret er tegnet.
            side.wait_for_selector("#borger-status:has-text('Beregnet')")
            beregninger.append(time.perf_counter() - start)
        print(
            f"Borger: Beregn for alle {len(alle_regimer())} regimer: første {_ms(beregninger[0])}, "
            f"median af de næste {gentagelser} {_ms(statistics.median(beregninger[1:]))}"
        )
        browser.close()


def _befolkning() -> None:
    alle = [n for n in alle_regimer() if n != "gaeldende_ret"]
    tilfaelde = (
        (20_000, ["faerre_maalgrupper"]),
        (arbejdsbord.MAKS_BEFOLKNING, ["faerre_maalgrupper"]),
        (arbejdsbord.MAKS_PERSONER_GANGE_REGIMER // len(alle_regimer()), alle),
    )
    for personer, regimer in tilfaelde:
        start = time.perf_counter()
        effekt.effekt(regimer, "2026-03", personer)
        tid = time.perf_counter() - start
        print(
            f"Befolkning: {personer:,} personer × {len(regimer) + 1} regimer: {tid:5.1f} s "
            f"(tidsgrænse {MAKS_SEKUNDER} s: {'inden for' if tid < MAKS_SEKUNDER else 'OVER'})".replace(
                ",", "."
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gentagelser", type=int, default=5)
    parser.add_argument("--uden-befolkning", action="store_true")
    args = parser.parse_args()
    # Serverens log af hver anmodning ville drukne tallene.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    for noegle in alle_regimer():
        byg_system(noegle)
    # Som under dk-beskaeftigelse serve: /sammenlign deler regimerne med en hjælpeproces.
    hjaelper = Hjaelpeproces()
    hjaelper.start()
    while not hjaelper.klar():
        time.sleep(0.05)
    server = make_server("127.0.0.1", 0, lav_app(hjaelper=hjaelper), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    _http(base)
    print(f"Siden og dens {len(list(arbejdsbord.MAPPE.iterdir()))} filer over HTTP: {_ms(_http(base))}")
    _browser(base, args.gentagelser)
    if not args.uden_befolkning:
        _befolkning()
    server.shutdown()
    hjaelper.stop()
    print(f"Sammenligninger delt med hjælpeprocessen: {hjaelper.delte}")


if __name__ == "__main__":
    main()
