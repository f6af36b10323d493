"""Belastningstest af web-API'et: 8 klienter i 60 sekunder mod ``dk-beskaeftigelse serve``.

Klienterne sender på skift gyldige anmodninger (``/calculate``, ``/trace``, ``/sammenlign``,
``/regimer``, ``/spec``, en stak) og de ugyldige, revisionen fandt (et numerisk id med et forkert
input, dyb JSON, en for stor krop, ingen krop, for mange personer). En *fejl* er et svar med 5xx,
en afbrudt forbindelse eller en anden status end den forventede. Serverens hukommelse (RSS for
master og workers) måles hvert sekund; "flad" betyder, at den sidste tiendedel ikke ligger mere
end 10 % over den anden tiendedel (efter opvarmning). Skriver tallene; exitkode 1 ved fejl eller
voksende hukommelse. Ikke en tidstest.

Kør: ``.venv/bin/python benchmarks/belastning.py [--sekunder 60] [--klienter 8] [--workers 2]``
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
from collections import Counter
from pathlib import Path

from openfisca_dk_beskaeftigelse import EKSEMPELMAPPE
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation
from openfisca_dk_beskaeftigelse.webapp import MAKS_KROP, MAKS_MEDLEMMER

PERIODE = "2026-03"


def _anmodninger() -> list[tuple[str, str, bytes | None, str, int]]:
    """(navn, metode+sti, krop, indholdstype, forventet status)."""
    mette = indlaes_situation(EKSEMPELMAPPE / "forsikret_ledig.yaml")
    beregn = {"personer": {"mette": {**mette["personer"]["mette"], "maalgruppe": {PERIODE: None}}}}
    beregn["personer"]["mette"]["dagpenge_maanedssats"] = {PERIODE: None}
    sammenlign = {"situation": mette, "periode": PERIODE, "regimer": "alle", "variabler": ["maalgruppe"]}
    j = "application/json"
    return [
        ("calculate", "POST /gaeldende_ret/calculate", json.dumps(beregn).encode(), j, 200),
        ("trace", "POST /faerre_maalgrupper/trace", json.dumps(beregn).encode(), j, 200),
        ("stak", "POST /faerre_maalgrupper+digitale_samtaler/calculate", json.dumps(beregn).encode(), j, 200),
        ("sammenlign", "POST /sammenlign", json.dumps(sammenlign).encode(), j, 200),
        ("regimer", "GET /regimer", None, j, 200),
        ("spec", "GET /gaeldende_ret/spec", None, j, 200),
        (
            "numerisk id",
            "POST /gaeldende_ret/calculate",
            b'{"personer":{"999999999999":{"maanedsloen":{"x":1}}}}',
            j,
            400,
        ),
        ("dyb JSON", "POST /sammenlign", b"[" * 5_000 + b"]" * 5_000, j, 400),
        ("for stor krop", "POST /gaeldende_ret/calculate", b" " * (MAKS_KROP + 1), j, 413),
        ("ingen krop", "POST /gaeldende_ret/trace", b"", "text/plain", 415),
        (
            "for mange personer",
            "POST /gaeldende_ret/calculate",
            json.dumps({"personer": {f"p{i}": {} for i in range(MAKS_MEDLEMMER + 1)}}).encode(),
            j,
            400,
        ),
    ]


def _fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    """RSS i MB for processen og dens børn (gunicorns master og workers)."""
    total = 0
    pids = [pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            for linje in Path(f"/proc/{p}/status").read_text().splitlines():
                if linje.startswith("VmRSS:"):
                    total += int(linje.split()[1])
        except OSError:
            continue
    return total / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sekunder", type=float, default=60)
    parser.add_argument("--klienter", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    port = _fri_port()
    server = subprocess.Popen(
        [
            Path(sys.executable).parent / "dk-beskaeftigelse",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(1200):
            try:
                forbindelse = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                forbindelse.request("GET", "/regimer")
                forbindelse.getresponse().read()
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit("serveren stoppede under opstart")
                time.sleep(0.25)
        return _belast(port, server.pid, args)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _belast(port: int, pid: int, args) -> int:
    anmodninger = _anmodninger()
    latenser: dict[str, list[float]] = {navn: [] for navn, *_ in anmodninger}
    fejl: Counter = Counter()
    laas = threading.Lock()
    slut = time.perf_counter() + args.sekunder
    hukommelse: list[float] = []

    def klient(nr: int) -> None:
        forbindelse = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        i = nr
        while time.perf_counter() < slut:
            navn, anmodning, krop, indholdstype, forventet = anmodninger[i % len(anmodninger)]
            i += 1
            metode, sti = anmodning.split(" ", 1)
            start = time.perf_counter()
            try:
                headers = {"Content-Type": indholdstype} if krop is not None else {}
                forbindelse.request(metode, sti, body=krop, headers=headers)
                svar = forbindelse.getresponse()
                svar.read()
                status = svar.status
            except (OSError, http.client.HTTPException) as undtagelse:
                status = type(undtagelse).__name__
                forbindelse.close()
                forbindelse = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            varighed = time.perf_counter() - start
            with laas:
                latenser[navn].append(varighed)
                if status != forventet:
                    fejl[(navn, status)] += 1

    traade = [threading.Thread(target=klient, args=(nr,)) for nr in range(args.klienter)]
    for t in traade:
        t.start()
    while any(t.is_alive() for t in traade):
        hukommelse.append(_rss_mb(pid))
        time.sleep(1)
    for t in traade:
        t.join()

    print(f"{args.klienter} klienter, {args.sekunder:.0f} s, {args.workers} workers")
    print(f"{'anmodning':22} {'antal':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for navn, tider in latenser.items():
        if tider:
            tider.sort()
            p99 = tider[min(len(tider) - 1, int(0.99 * len(tider)))]
            print(f"{navn:22} {len(tider):>6} {1000 * statistics.median(tider):>8.1f} {1000 * p99:>8.1f}")
    antal = sum(len(t) for t in latenser.values())
    print(f"i alt {antal} anmodninger, {antal / args.sekunder:.1f} pr. sekund, fejl: {sum(fejl.values())}")
    for (navn, status), n in sorted(fejl.items(), key=str):
        print(f"  fejl: {navn}: {status} × {n}")
    tiendedel = max(1, len(hukommelse) // 10)
    tidlig = statistics.mean(hukommelse[tiendedel : 2 * tiendedel] or hukommelse)
    sen = statistics.mean(hukommelse[-tiendedel:])
    flad = sen <= 1.1 * tidlig
    print(
        f"hukommelse (RSS, master + workers): start {hukommelse[0]:.0f} MB, "
        f"efter opvarmning {tidlig:.0f} MB, slut {sen:.0f} MB, højst {max(hukommelse):.0f} MB: "
        + ("flad" if flad else "VOKSER")
    )
    return 0 if not fejl and flad else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
