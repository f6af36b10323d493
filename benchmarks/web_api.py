"""Benchmark af web-API'et: latens (p50/p99) og anmodninger pr. sekund.

Måler i samme kørsel:
- ``POST /gaeldende_ret/calculate`` på ``dk-beskaeftigelse serve`` for én person med alle
  kontraktens uddata;
- ``POST /sammenlign`` over alle regimer for samme person;
- den samme ``/calculate`` på ``openfisca serve`` af pakken (uden regimeforstavelse),
  og forholdet mellem de to;
ved 1 og 8 samtidige klienter. Skriver tal; tester intet.

Kør: ``.venv/bin/python benchmarks/web_api.py [--sekunder 10] [--workers 2]``
"""

import argparse
import http.client
import json
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
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system

PERIODE = "2026-03"


def _fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vent(port: int, sti: str, proces: subprocess.Popen) -> None:
    for _ in range(1200):
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
            forbindelse.request("POST", sti, body=krop, headers={"Content-Type": "application/json"})
            svar = forbindelse.getresponse()
            svar.read()
            egne.append(time.perf_counter() - start)
            if svar.status != 200:
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sekunder", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    bin_ = Path(sys.executable).parent

    situation = indlaes_situation(EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml")
    system = byg_system(GAELDENDE_RET)
    person = next(iter(situation["personer"].values()))
    for navn in UDDATA:
        if navn.entitet == "person" and navn.navn in system.variables:
            person[navn.navn] = {PERIODE: None}
    calculate = json.dumps(situation).encode()
    sammenlign = json.dumps(
        {
            "situation": indlaes_situation(EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml"),
            "periode": PERIODE,
            "regimer": "alle",
        }
    ).encode()

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
    try:
        print(f"workers: {args.workers}, {args.sekunder:.0f} s pr. måling, periode {PERIODE}")
        print(
            f"{'endpoint':44} {'klienter':>8} {'anm.':>6} {'fejl':>4} "
            f"{'p50 ms':>8} {'p99 ms':>8} {'anm./s':>8}"
        )
        resultater = {}
        for navn, port, sti, krop in [
            ("dk-beskaeftigelse /gaeldende_ret/calculate", dk_port, "/gaeldende_ret/calculate", calculate),
            ("openfisca serve /calculate", of_port, "/calculate", calculate),
            ("dk-beskaeftigelse /sammenlign (alle)", dk_port, "/sammenlign", sammenlign),
        ]:
            for klienter in (1, 8):
                r = _belast(port, sti, krop, klienter, args.sekunder)
                resultater[(navn, klienter)] = r
                print(
                    f"{navn:44} {klienter:>8} {r['anmodninger']:>6} {r['fejl']:>4} {r['p50_ms']:>8.1f} "
                    f"{r['p99_ms']:>8.1f} {r['pr_sekund']:>8.1f}"
                )
        for klienter in (1, 8):
            vores = resultater[("dk-beskaeftigelse /gaeldende_ret/calculate", klienter)]
            deres = resultater[("openfisca serve /calculate", klienter)]
            print(
                f"forhold /calculate, {klienter} klient(er): p50 {vores['p50_ms'] / deres['p50_ms']:.2f}, "
                f"anm./s {vores['pr_sekund'] / deres['pr_sekund']:.2f} (dk-beskaeftigelse / openfisca serve)"
            )
    finally:
        for proces in (dk, of):
            proces.terminate()
            proces.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
