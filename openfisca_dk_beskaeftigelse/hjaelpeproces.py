"""En hjælpeproces, der beregner de sidste regimer i en sammenligning på en anden kerne.

``POST /sammenlign`` over mange regimer er uafhængige beregninger oven på gældende ret. Er der en
ledig kerne, deles de: serverens proces beregner gældende ret og de første regimer, hjælpeprocessen
sin egen gældende ret og de sidste, på samme tid. Resultatet er det samme som i én proces
(``tests/test_hjaelpeproces.py``).

- Rækkefølgen bevares: fejler et af serverens regimer, er det også det første, der ville fejle i
  én proces; fejler et af hjælpeprocessens (eller dør den), beregner serverens proces dem selv,
  så fejlen og resultatet er de samme som uden hjælp.
- Hjælpen bruges kun, når der er en kerne til den: når anmodningerne i gang i hele serveren (alle
  gunicorn-workers, talt af :meth:`Hjaelpeproces.begynd` og :meth:`~Hjaelpeproces.slut`) højst
  fylder halvdelen af kernerne, og når der er mindst ``MINDST_REGIMER`` regimer. Ellers koster
  gældende ret beregnet to gange mere, end delingen sparer.
- Processen startes med spawn (en ny fortolker, der hverken arver serverens sokler eller tråde),
  én per worker (:meth:`Hjaelpeproces.start`, fra gunicorns ``post_fork``); indtil den melder sig
  klar (når registrets regimer er bygget), beregner serveren alt selv. Et andet regime (en stak)
  bygger den første gang, det skal beregnes, og husker det som serveren.
"""

import gc
import multiprocessing
import os
import signal
import threading

from openfisca_dk_beskaeftigelse.regimer import alle_regimer, byg_system
from openfisca_dk_beskaeftigelse.sammenligning import Opgave, beregn_regimer

# Færre regimer end dette: delingen sparer mindre, end gældende ret to gange koster.
MINDST_REGIMER = 8
# Serverens del af regimerne (resten beregner hjælpeprocessen); målt med benchmarks/web_api.py.
SERVERENS_ANDEL = 0.45
_KLAR = "klar"


class Hjaelpeproces:
    """Hjælpeprocessen for én serverproces og tælleren af anmodninger i gang i hele serveren.

    Objektet laves før gunicorn deler sig i workers (tælleren deles med dem); hver worker starter
    sin egen proces med :meth:`start`.
    """

    def __init__(self, kerner: int | None = None) -> None:
        self._kerner = kerner or os.cpu_count() or 1
        # Delt hukommelse, som gunicorns workers arver (fork).
        self._i_gang = multiprocessing.get_context("fork").Value("i", 0)
        self._ejer = None  # pid'en for den proces, der startede hjælpeprocessen
        self._proces = None
        self._forbindelse = None
        self._klar = False
        self._venter = False  # et svar på en opgave, serveren ikke ventede færdig på
        self.delte = 0  # sammenligninger, denne proces har delt med sin hjælpeproces
        # Én opgave ad gangen på røret (en server med tråde kan have flere anmodninger i gang).
        self._laas = threading.Lock()

    def begynd(self) -> None:
        with self._i_gang.get_lock():
            self._i_gang.value += 1

    def slut(self) -> None:
        with self._i_gang.get_lock():
            self._i_gang.value -= 1

    def start(self) -> None:
        """Start denne proces' hjælpeproces (med spawn); den melder sig klar, når regimerne er bygget."""
        kontekst = multiprocessing.get_context("spawn")
        self._forbindelse, hans = kontekst.Pipe()
        self._proces = kontekst.Process(target=_tjen, args=(hans,), daemon=True, name="dk-hjaelpeproces")
        self._proces.start()
        hans.close()
        self._ejer, self._klar, self._venter = os.getpid(), False, False

    def stop(self) -> None:
        if self._proces is not None and self._ejer == os.getpid():
            self._forbindelse.close()
            self._proces.join(timeout=5)
            if self._proces.is_alive():
                self._proces.kill()
        self._proces = self._forbindelse = self._ejer = None

    def klar(self) -> bool:
        """Sand, hvis denne proces' hjælpeproces er klar og ikke er i gang med en tidligere opgave."""
        if self._ejer != os.getpid():
            return False
        try:
            if not self._klar and self._forbindelse.poll():
                self._klar = self._forbindelse.recv() == _KLAR
            if self._venter and self._forbindelse.poll():
                self._forbindelse.recv()
                self._venter = False
        except (EOFError, OSError):
            self._proces = self._ejer = None
            return False
        return self._klar and not self._venter

    def ledig_kerne(self) -> bool:
        return 2 * self._i_gang.value <= self._kerner

    def beregn(self, opgave: Opgave, noegler: list[str]) -> dict | None:
        """Som ``beregn_regimer(opgave, noegler)``, med de sidste regimer beregnet af hjælpeprocessen;
        ``None``, hvis hjælpen ikke kan bruges nu (så beregner den, der spurgte, selv)."""
        if len(noegler) < MINDST_REGIMER or not self.ledig_kerne() or not self._laas.acquire(blocking=False):
            return None
        try:
            return self._beregn(opgave, noegler) if self.klar() else None
        finally:
            self._laas.release()

    def _beregn(self, opgave: Opgave, noegler: list[str]) -> dict | None:
        egne, hans = _del(noegler)
        if not hans:
            return None
        try:
            self._forbindelse.send((opgave, hans))
        except OSError:
            self._proces = self._ejer = None
            return None
        self._venter = True
        self.delte += 1
        resultater = beregn_regimer(opgave, egne)
        try:
            svar = self._forbindelse.recv()
            self._venter = False
        except (EOFError, OSError):
            self._proces = self._ejer = None
            svar = None
        except Exception:  # et svar, der ikke kan læses: serveren beregner selv
            self._venter = False
            svar = None
        return {**resultater, **(svar if svar is not None else beregn_regimer(opgave, hans))}


def _del(noegler: list[str]) -> tuple[list[str], list[str]]:
    """De første regimer til serveren (med gældende ret), de sidste til hjælpeprocessen.

    Serveren tager lidt under halvdelen (``SERVERENS_ANDEL``), for den samler også rækkerne og svaret
    bagefter. Regimerne deles efter antal: hvad et regime koster, afhænger af personen (en reform, der
    intet rører ved hos hende, koster næsten intet), ikke af, hvor mange reformer det har.
    """
    antal = max(1, round(SERVERENS_ANDEL * len(noegler)))
    return noegler[:antal], noegler[antal:]


def byg_og_frys() -> None:
    """Byg registrets regimer og frys dem ude af garbage collectorens fulde gennemløb.

    En server bygger dem før gunicorn deler sig (workers deler siderne). Uden ``gc.freeze`` gennemgår
    hvert fulde gennemløb alle regimernes objekter: op mod 150 ms midt i en anmodning.
    """
    for noegle in alle_regimer():
        byg_system(noegle)
    gc.freeze()


def _tjen(forbindelse) -> None:
    """Hjælpeprocessen: byg registrets regimer, meld klar, og beregn opgaver, til serveren lukker røret."""
    # Ctrl-C i terminalen stopper serveren; den lukker røret, og så slutter denne proces.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    byg_og_frys()
    forbindelse.send(_KLAR)
    while True:
        try:
            opgave, noegler = forbindelse.recv()
        except (EOFError, OSError):
            return
        try:
            svar = beregn_regimer(opgave, noegler)
        except Exception:  # serveren beregner selv regimerne og får fejlen, som den ville uden hjælp
            svar = None
        try:
            forbindelse.send(svar)
        except (EOFError, OSError):
            return
        except Exception:  # et svar, der ikke kan sendes: serveren beregner selv
            forbindelse.send(None)
