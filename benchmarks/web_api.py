"""Benchmark af web-API'et: latens (p50/p99) og anmodninger pr. sekund, hver måling mindst 3 gange.

Måler i samme kørsel, med 1 og 8 samtidige klienter:

- ``POST /gaeldende_ret/calculate`` på ``dk-beskaeftigelse serve`` for én person med alle
  kontraktens uddata, og den samme ``/calculate`` på ``openfisca serve`` af pakken (uden
  regimeforstavelse), og forholdet mellem de to;
- ``POST /sammenlign`` for samme person med standardvariablerne (som kommandoen og web-API'et
  bruger dem, ikke et udvalg) under 1 regime (gældende ret), 5 regimer og alle regimer.

Hver måling gentages (``--gentagelser``, mindst 3), skiftevis mellem endpoints; for hver vises min
og median over gentagelserne af p50, p99 og anmodninger pr. sekund. Før målingerne varmes hvert
endpoint op.
Målene (``MAAL``) udskrives med "nået"/"ikke nået". Maskinen deles med andre: belastningen (load
average) udskrives før og efter. Skriver tal; tester intet.

Kør: ``.venv/bin/python benchmarks/web_api.py [--sekunder 5] [--workers 2] [--gentagelser 3]``
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from openfisca_dk_beskaeftigelse import EKSEMPELMAPPE
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation
from openfisca_dk_beskaeftigelse.kontrakt import UDDATA
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer, byg_system

PERIODE = "2026-03"
EKSEMPEL = "sygemeldt_loenmodtager.yaml"
MAAL = {
    "sammenlign_p50_ms": 100.0,  # /sammenlign over alle regimer, 1 klient
    "sammenlign_p99_ms": 250.0,
    "calculate_forhold": 1.1,  # /gaeldende_ret/calculate højst 1,1 × openfisca serve (p50, 1 klient)
}
OPVARMNING = 20  # anmodninger til hvert endpoint før målingerne


def _fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vent(port: int, sti: str, proces: subprocess.Popen) -> None:
    for _ in range(2400):
        try:
            forbindelse = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            forbindelse.request("GET", sti)
            forbindelse.getresponse().read()
            return
        except OSError:
            if proces.poll() is not None:
                sys.exit("serveren stoppede under opstart")
            time.sleep(0.25)
    sys.exit("serveren svarede ikke")


def _start(args: list[str], sti: str) -> tuple[subprocess.Popen, int]:
    port = _fri_port()
    proces = subprocess.Popen(
        [*args, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _vent(port, sti, proces)
    return proces, port


def _post(forbindelse, sti: str, krop: bytes) -> int:
    forbindelse.request("POST", sti, body=krop, headers={"Content-Type": "application/json"})
    svar = forbindelse.getresponse()
    svar.read()
    return svar.status


def _belast(port: int, sti: str, krop: bytes, klienter: int, sekunder: float) -> dict:
    latenser: list[float] = []
    fejl = [0]
    laas = threading.Lock()
    slut = time.perf_counter() + sekunder

    def klient() -> None:
        forbindelse = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        egne = []
        while time.perf_counter() < slut:
            start = time.perf_counter()
            status = _post(forbindelse, sti, krop)
            egne.append(time.perf_counter() - start)
            if status != 200:
                with laas:
                    fejl[0] += 1
        with laas:
            latenser.extend(egne)

    traade = [threading.Thread(target=klient) for _ in range(klienter)]
    start = time.perf_counter()
    for t in traade:
        t.start()
    for t in traade:
        t.join()
    varighed = time.perf_counter() - start
    latenser.sort()
    return {
        "anmodninger": len(latenser),
        "fejl": fejl[0],
        "p50_ms": 1000 * statistics.median(latenser),
        "p99_ms": 1000 * latenser[min(len(latenser) - 1, int(0.99 * len(latenser)))],
        "pr_sekund": len(latenser) / varighed,
    }


def _opvarm(port: int, sti: str, krop: bytes) -> None:
    forbindelse = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for _ in range(OPVARMNING):
        status = _post(forbindelse, sti, krop)
        if status != 200:
            sys.exit(f"{sti} svarede {status} under opvarmningen")


def _kroppe() -> dict[str, tuple[str, bytes]]:
    """Anmodningerne: /calculate med kontraktens uddata og /sammenlign for 1, 5 og alle regimer."""
    situation = indlaes_situation(EKSEMPELMAPPE / EKSEMPEL)
    system = byg_system(GAELDENDE_RET)
    person = next(iter(situation["personer"].values()))
    for navn in UDDATA:
        if navn.entitet == "person" and navn.navn in system.variables:
            person[navn.navn] = {PERIODE: None}
    regimer = list(alle_regimer())

    def sammenlign(noegler) -> bytes:
        krop = {"situation": indlaes_situation(EKSEMPELMAPPE / EKSEMPEL), "periode": PERIODE}
        return json.dumps({**krop, "regimer": noegler}).encode()

    return {
        "calculate": ("/calculate", json.dumps(situation).encode()),
        "sammenlign 1": ("/sammenlign", sammenlign([GAELDENDE_RET])),
        "sammenlign 5": ("/sammenlign", sammenlign(regimer[:5])),
        f"sammenlign alle ({len(regimer)})": ("/sammenlign", sammenlign("alle")),
    }


def _mm(vaerdier: list[float]) -> str:
    return f"{min(vaerdier):>7.1f} {statistics.median(vaerdier):>7.1f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sekunder", type=float, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--gentagelser", type=int, default=3)
    args = parser.parse_args()
    if args.gentagelser < 3:
        sys.exit("--gentagelser: mindst 3 (min og median skal have noget at vælge imellem)")
    bin_ = Path(sys.executable).parent
    kroppe = _kroppe()

    dk, dk_port = _start([bin_ / "dk-beskaeftigelse", "serve", "--workers", str(args.workers)], "/regimer")
    of, of_port = _start(
        [
            bin_ / "openfisca",
            "serve",
            "--country-package",
            "openfisca_dk_beskaeftigelse",
            "--workers",
            str(args.workers),
        ],
        "/spec",
    )
    maalinger = [
        ("dk-beskaeftigelse /gaeldende_ret/calculate", dk_port, "/gaeldende_ret/calculate", "calculate")
    ]
    maalinger.append(("openfisca serve /calculate", of_port, "/calculate", "calculate"))
    maalinger += [
        (f"dk-beskaeftigelse /{navn}", dk_port, "/sammenlign", navn) for navn in kroppe if navn != "calculate"
    ]
    try:
        print(
            f"workers: {args.workers}, {args.sekunder:.0f} s pr. måling, {args.gentagelser} gentagelser, "
            f"periode {PERIODE}, {EKSEMPEL}; belastning før: {', '.join(f'{x:.1f}' for x in os.getloadavg())}"
        )
        print("min og median over gentagelserne")
        print(
            f"{'endpoint':44} {'klienter':>8} {'anm.':>6} {'fejl':>4} {'p50 min':>7} {'median':>7} "
            f"{'p99 min':>7} {'median':>7} {'anm./s':>7} {'median':>7}"
        )
        for _, port, sti, navn in maalinger:
            _opvarm(port, sti, kroppe[navn][1])
        # Gentagelserne skiftes mellem endpoints, så en ændring i maskinens belastning rammer dem ens.
        resultater = {(titel, klienter): [] for titel, *_ in maalinger for klienter in (1, 8)}
        for klienter in (1, 8):
            for _ in range(args.gentagelser):
                for titel, port, sti, navn in maalinger:
                    resultater[(titel, klienter)].append(
                        _belast(port, sti, kroppe[navn][1], klienter, args.sekunder)
                    )
        for titel, *_ in maalinger:
            for klienter in (1, 8):
                runder = resultater[(titel, klienter)]
                print(
                    f"{titel:44} {klienter:>8} {sum(r['anmodninger'] for r in runder):>6} "
                    f"{sum(r['fejl'] for r in runder):>4} {_mm([r['p50_ms'] for r in runder])} "
                    f"{_mm([r['p99_ms'] for r in runder])} {_mm([r['pr_sekund'] for r in runder])}"
                )
        for klienter in (1, 8):
            vores = resultater[("dk-beskaeftigelse /gaeldende_ret/calculate", klienter)]
            deres = resultater[("openfisca serve /calculate", klienter)]
            p50 = statistics.median(r["p50_ms"] for r in vores) / statistics.median(
                r["p50_ms"] for r in deres
            )
            rate = statistics.median(r["pr_sekund"] for r in vores) / statistics.median(
                r["pr_sekund"] for r in deres
            )
            print(
                f"forhold /calculate, {klienter} klient(er): p50 {p50:.2f}, anm./s {rate:.2f} "
                "(dk-beskaeftigelse / openfisca serve, medianer)"
            )
            if klienter == 1:
                forhold = p50
        alle = next(titel for titel, *_ in maalinger if "alle" in titel)
        p50 = statistics.median(r["p50_ms"] for r in resultater[(alle, 1)])
        p99 = statistics.median(r["p99_ms"] for r in resultater[(alle, 1)])
        print(f"belastning efter: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(
            f"Mål: /sammenlign alle regimer p50 < {MAAL['sammenlign_p50_ms']:.0f} ms: {p50:.1f} ms: "
            f"{_naaet(p50 < MAAL['sammenlign_p50_ms'])}; p99 < {MAAL['sammenlign_p99_ms']:.0f} ms: "
            f"{p99:.1f} ms: {_naaet(p99 < MAAL['sammenlign_p99_ms'])} (1 klient, medianer)"
        )
        print(
            f"Mål: /gaeldende_ret/calculate højst {MAAL['calculate_forhold']:.1f} × openfisca serve: "
            f"{forhold:.2f}: {_naaet(forhold <= MAAL['calculate_forhold'])} (p50, 1 klient)"
        )
    finally:
        for proces in (dk, of):
            proces.terminate()
            proces.wait(timeout=30)
    return 0


def _naaet(ja: bool) -> str:
    return "nået" if ja else "ikke nået"


if __name__ == "__main__":
    sys.exit(main())
