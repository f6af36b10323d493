"""Effekten af regimerne på en syntetisk dansk befolkning.

``effekt(noegler, periode, personer, seed)`` genererer befolkningen, deler den i bidder af hele
arbejdssteder, beregner hver bid under hvert regime med hele arrays gennem OpenFisca og opgør
for hvert regime:

- personer efter målgruppe;
- personer, hvis rettigheder, pligter, frister, beløb eller status ændres i forhold til
  gældende ret (per art, se ``uddata.ARTER``);
- obligatoriske samtaler pr. år (jobsamtaler efter LAB og opfølgningssamtaler efter SDL);
- obligatoriske lægeattester, sager for rehabiliteringsteamet og personer med ret til
  jobafklaringsforløb i måneden;
- ydelsesudgifter i måneden efter ydelse;
- arbejdssteder over forholdstalsgrænsen;

alt opregnet til hele den danske befolkning (16-66 år) med befolkningens vægt.

Beregningen:

- Hver bid beregnes først under gældende ret; et regime genbruger gældende rets resultater for
  alt, regimets reformer ikke kan nå (``genbrug``), og beregner kun resten. Regimets
  simulering slippes, før det næste beregnes.
- Bidderne (``population.del_op``) beregnes parallelt i processer på denne maskine (``motor``
  "proces", standard) eller på en Dask-klynge (``motor`` "dask", ``adresse`` som
  ``tcp://host:8786``; uden adresse en lokal klynge). Hver bid tæller eksakt (personer og
  samtaler som heltal, beløbene som deres eksakte sum), så summen over bidderne er præcis den
  samme som for hele befolkningen på én gang, uanset rækkefølgen.
- En række måneder (``periode`` som liste): befolkningen er den samme bestand hver måned
  (samme seed), og forskellene mellem månederne er lovens. Udgifterne lægges sammen over
  månederne (kroner i perioden); alle andre mål er gennemsnittet pr. måned (``SAMMENLAEGNING``).

- Gentagne trækninger (``traekninger``): befolkningen trækkes med seed, seed + 1, ...; hvert tal
  er gennemsnittet over trækningerne med et 95 %-interval for gennemsnittet (t-fordelingen), og
  forskellen fra gældende ret regnes parvis i hver trækning (``usikker``: intervallet dækker 0).
- Et helt år (``aarets_maaneder``) er 12 måneder; hvert måls tal i alt står i ``Resultat.hovedtal``,
  og ``maallinje`` måler udgifternes forskel mod besparelsesmålet i ``data/maal.yaml``.
- Visningen: ``vist`` og ``med_interval`` afrunder (mio. kr. med én decimal, ellers hele tal) og
  skriver tallene på dansk; ``grafer`` tegner ét vandret søjlediagram per mål (PNG og SVG).

Et mål, der rammer et hul i kilderne (``ParameterHulError``), står som ikke beregnet med grunden,
også i CSV'en (``som_csv``). En variabel, der rammer et hul i én bid, tælles ikke med i
personer_med_aendring i nogen bid; så er hvert tal det samme, uanset hvor mange bidder og
processer befolkningen deles på.

Med ``fremskrivning`` bygges regimerne med fremskrevne satser (befolkningen er den samme); et mål,
der bygger på en fremskreven sats, står i ``Resultat.fremskrevne`` med parametrene og datoerne
(JSON: ``fremskrevne``, CSV: kolonnen ``fremskrevet``).

Uddata er lovområdernes (``uddata.alle_uddata``) plus dem, regimets reformer selv erklærer
(``Reform.uddata``). En reforms eget uddata, som ikke står i ``uddata/*.yaml``, får sin art efter
værditypen (``art_efter_type``); findes variablen ikke i gældende ret, er grundlaget dens
standardværdi (fx nej, 0 eller ingen dato).
"""

import collections
import contextlib
import csv
import ctypes
import datetime
import functools
import gc
import io
import json
import math
import multiprocessing
import os
import textwrap
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import numpy
import yaml
from openfisca_core.indexed_enums import EnumArray

from openfisca_dk_beskaeftigelse import genbrug, reformfil
from openfisca_dk_beskaeftigelse.beregning import FOERSTE_MAANED, BrugerFejl
from openfisca_dk_beskaeftigelse.datoer import plus_maaneder
from openfisca_dk_beskaeftigelse.fremskrivning import fremskrevne_i, laeste_fremskrevne, som_liste, som_tekst
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError, hullets_besked
from openfisca_dk_beskaeftigelse.population import (
    Befolkning,
    byg_simulering,
    del_op,
    generer,
    har_reforminput,
    indlaes_data,
)
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, PAKKER, byg_system, regime
from openfisca_dk_beskaeftigelse.uddata import ARTER, Uddata, alle_uddata

MAAL = {
    "personer_efter_maalgruppe": ("Personer efter målgruppe", "personer"),
    "personer_med_aendring": ("Personer med ændrede rettigheder eller pligter (efter art)", "personer"),
    "obligatoriske_samtaler": ("Obligatoriske samtaler pr. år", "samtaler"),
    "laegeattester": ("Obligatoriske lægeattester (sager i måneden)", "sager"),
    "rehabiliteringsteam": ("Sager for rehabiliteringsteamet (i måneden)", "sager"),
    "jobafklaring": ("Personer med ret til jobafklaringsforløb", "personer"),
    "udgifter": ("Ydelsesudgifter i måneden", "kr."),
    "arbejdssteder_over_graensen": ("Arbejdssteder over forholdstalsgrænsen", "arbejdssteder"),
}
# Over flere måneder: udgifter er en strøm og lægges sammen; de øvrige mål er bestande (eller, for
# samtalerne, allerede et tal pr. år) og gives som gennemsnittet pr. måned.
SAMMENLAEGNING = {maal: "sum" if maal == "udgifter" else "gennemsnit" for maal in MAAL}
# Ydelse → (beløbsvariabel, variabel der afgør, hvem der får den, eller None = beløbet selv).
UDGIFTER = {
    "Sygedagpenge": ("sygedagpenge_maanedsbeloeb", None),
    "Ressourceforløbsydelse": ("ressourceforloebsydelse_maanedsbeloeb", None),
    "Dagpenge": ("dagpenge_maanedssats", "arbejdsloeshedsdagpenge"),
    "Kontanthjælp": ("kontanthjaelp_maanedsbeloeb", "kontanthjaelp_modtager"),
    "Ledighedsydelse": ("ledighedsydelse_maanedsbeloeb", None),
}
FOERSTE_MAANEDER = 6  # samtalekravene i LAB § 31 og SDL § 13 b gælder de første 6 måneder
MAANEDER_PR_AAR = 12
# Hver bid tæller eksakt; et tal gange skalaen (og vægten) er målets værdi.
SKALA = {
    # En bestand af forløb i deres første 6 måneder: kravet pr. forløb fordelt på 6 måneder, × 12.
    "obligatoriske_samtaler": MAANEDER_PR_AAR / FOERSTE_MAANEDER,
}
MOTORER = ("proces", "dask")
# Kategorien for et måls tal i alt i CSV'en.
I_ALT = "i alt"
# Personer med mindst én ændring (foreningen af arterne).
MINDST_EN_ART = "Mindst én art"
# personer_med_aendrings kategorier efter rang: arterne og så mindst én art.
_AENDRINGSKATEGORIER = (*ARTER.values(), MINDST_EN_ART)
# Hvert måls tal i alt: summen over kategorierne (None) eller én kategori (personerne med ændring
# tælles én gang, selv om de ændres i flere arter). Målgrupperne er en fordeling uden et i alt.
HOVEDTAL = {
    "udgifter": None,
    "obligatoriske_samtaler": None,
    "laegeattester": None,
    "rehabiliteringsteam": None,
    "jobafklaring": None,
    "personer_med_aendring": MINDST_EN_ART,
    "arbejdssteder_over_graensen": None,
}
# Gentagne trækninger af befolkningen: højst så mange (hver koster en hel beregning).
MAKS_TRAEKNINGER = 50
# Befolkningens startværdi: 32 bit, som numpy's ældre seeds og sikkert som tal i JSON.
MAKS_SEED = 2**32 - 1
KONFIDENS = 0.95
# Personer pr. bid: en proces, der regner på en bid af denne størrelse, bruger omkring 250 MB.
BID_PERSONER = 200_000


@dataclass
class Resultat:
    periode: str
    personer: int
    vaegt: float
    regimer: list[str]
    raekker: list[dict] = field(default_factory=list)  # {maal, kategori, regime, vaerdi}
    # {maal, kategori, regime, fejl} og for personer_med_aendring også variabel; kategori "" = hele målet
    huller: list[dict] = field(default_factory=list)
    maaneder: list[str] = field(default_factory=list)
    fremskrivning: bool = False
    # {maal, kategori, regime, parametre: [{parameter, dato}]}: målet bygger på fremskrevne satser
    fremskrevne: list[dict] = field(default_factory=list)
    seed: int = 0
    traekninger: int = 1
    # {maal, regime, vaerdi, nedre, oevre, forskel, ...}: hvert måls tal i alt (``HOVEDTAL``)
    hovedtal: list[dict] = field(default_factory=list)
    # Hvorfor der er regnet med fremskrivning uden at brugeren bad om det (fx --aar 2027), ellers "".
    fremskrivning_grund: str = ""

    def vaerdi(self, maal: str, kategori: str, noegle: str):
        raekke = self.raekke(maal, kategori, noegle)
        return None if raekke is None else raekke["vaerdi"]

    def raekke(self, maal: str, kategori: str, noegle: str) -> dict | None:
        for r in self.raekker:
            if (r["maal"], r["kategori"], r["regime"]) == (maal, kategori, noegle):
                return r
        return None

    def hoved(self, maal: str, noegle: str) -> dict | None:
        """Målets tal i alt for regimet (``HOVEDTAL``), eller None (et hul)."""
        for h in self.hovedtal:
            if (h["maal"], h["regime"]) == (maal, noegle):
                return h
        return None


def art_efter_type(variabel) -> str:
    """Arten af en reforms eget uddata: dato → frist, beløb → beloeb, ja/nej og antal → ret, ellers status.

    Reformernes nye ja/nej og antal er rettigheder og deres omfang (fx ``psykologbehandling_ret``
    og ``psykologbehandling_max_samtaler``); en reform, der tilføjer en pligt, står derfor under ret.
    """
    if variabel.value_type is datetime.date:
        return "frist"
    if variabel.value_type is float:
        return "beloeb"
    if variabel.value_type in (bool, int):
        return "ret"
    return "status"


def _i_foerste_maaneder(befolkning: Befolkning, felt: str) -> numpy.ndarray:
    start = befolkning.personer[felt]
    periode_start = numpy.datetime64(f"{befolkning.periode}-01", "D")
    return plus_maaneder(start, FOERSTE_MAANEDER) > periode_start


def _eksakt_sum(vaerdier) -> Fraction:
    """Den eksakte sum af beløbene (OpenFiscas float32), som brøk: den samme i enhver rækkefølge.

    Hvert tal er en heltallig mantisse gange en potens af 2 (``numpy.frexp``); mantisserne lægges
    sammen som heltal per eksponent (delt i to halvdele, så int64 ikke løber over), og summen er
    eksakt. Bidder lægges derfor præcis sammen, og totalen er float64-summen af de samme beløb
    uden dens afrundinger.
    """
    tal = numpy.asarray(vaerdier, dtype=numpy.float64).ravel()
    tal = tal[tal != 0]
    if not numpy.isfinite(tal).all():
        raise ValueError("et beløb er ikke et endeligt tal")
    mantisse, eksponent = numpy.frexp(tal)
    heltal = (mantisse * 2.0**_MANTISSEBITS).astype(numpy.int64)
    hoej, lav = heltal >> _HALVDEL, heltal & ((1 << _HALVDEL) - 1)
    total = Fraction(0)
    for e in numpy.unique(eksponent):
        hvem = eksponent == e
        summen = int(hoej[hvem].sum()) * 2**_HALVDEL + int(lav[hvem].sum())
        total += Fraction(summen) * Fraction(2) ** (int(e) - _MANTISSEBITS)
    return total


# float64's mantisse har 53 bit; halvdelene (27 og 26 bit) kan lægges sammen for milliarder af tal.
_MANTISSEBITS = 53
# Bit i et ord af et ændringsmønster (_moenstre).
_BITS = 64
_HALVDEL = 26


@dataclass
class _Optaelling:
    """En bids (eller flere bidders) tal: (regime, maal, rang, kategori) → et eksakt tal (heltal
    eller brøk), hullerne og de fremskrevne (parameter, dato), hvert (regime, maal, kategori)
    bygger på."""

    tal: dict[tuple, int] = field(default_factory=dict)
    huller: list[dict] = field(default_factory=list)
    fremskrevne: dict[tuple, set] = field(default_factory=dict)
    # personer_med_aendring tælles først, når alle bidder er talt (:func:`_personer_med_aendring`):
    # regime → {de ændrede variabler: personer}, regime → {variabel: artens rang} og
    # (regime, variabel) → de fremskrevne (parameter, dato), variablen bygger på.
    moenstre: dict[str, collections.Counter] = field(default_factory=dict)
    arter: dict[str, dict[str, int]] = field(default_factory=dict)
    laest_pr_variabel: dict[tuple, set] = field(default_factory=dict)

    def tilfoej(self, noegle: str, maal: str, kategori: str, vaerdi, rang: int = 0) -> None:
        vaerdi = vaerdi if isinstance(vaerdi, Fraction) else int(vaerdi)
        self.tal[(noegle, maal, rang, kategori)] = self.tal.get((noegle, maal, rang, kategori), 0) + vaerdi

    def hul(self, noegle: str, maal: str, kategori: str, fejl: str, **mere) -> None:
        self.huller.append({"maal": maal, "kategori": kategori, "regime": noegle, "fejl": fejl, **mere})

    def laeg_til(self, anden: "_Optaelling") -> None:
        for noegle, vaerdi in anden.tal.items():
            self.tal[noegle] = self.tal.get(noegle, 0) + vaerdi
        for h in anden.huller:
            if h not in self.huller:
                self.huller.append(h)
        for noegle, laeste in anden.fremskrevne.items():
            self.fremskrevne.setdefault(noegle, set()).update(laeste)
        for noegle, moenstre in anden.moenstre.items():
            self.moenstre.setdefault(noegle, collections.Counter()).update(moenstre)
        for noegle, arter in anden.arter.items():
            self.arter.setdefault(noegle, {}).update(arter)
        for noegle, laeste in anden.laest_pr_variabel.items():
            self.laest_pr_variabel.setdefault(noegle, set()).update(laeste)


def _hullets_felter(fejl: ParameterHulError) -> dict:
    """Parameteren og datoen, et hul står for, så hullerne kan samles per parameter (``samlede_huller``)."""
    return {
        "parameter": fejl.navn,
        "dato": fejl.dato,
        "hul_fra": fejl.hul_fra,
        "fremskrevet_til": fejl.fremskrevet_til,
    }


def _maal_for_regime(
    system,
    simulering,
    bid: Befolkning,
    grundlag: dict | None,
    uddata,
    noegle,
    optaelling,
    i_foerste: dict,
    spor,
):
    """Regimets tal for bidden i ``optaelling``; ``i_foerste`` er forløbene i deres første 6 måneder.

    ``spor`` er (simuleringens spor, gældende rets spor) ved fremskrivning, ellers None.
    """
    periode = bid.periode
    tilfoej = optaelling.tilfoej
    fremskrevne = fremskrevne_i(system)

    def beregn(navn):
        return simulering.calculate(navn, periode)

    def hul(maal, kategori, fejl, **mere):
        optaelling.hul(noegle, maal, kategori, fejl, **mere)

    def maerke():
        return len(spor[0].roedder) if spor else 0

    def laest_siden(maerket) -> set:
        """De fremskrevne (parameter, dato), beregningerne siden ``maerket`` læste."""
        if not spor:
            return set()
        return {
            (fremskrevet, dato)
            for parameter, dato in genbrug.laeste_parametre(spor[0], spor[0].roedder[maerket:], spor[1])
            for fremskrevet in laeste_fremskrevne(fremskrevne, parameter, dato)
        }

    def maal(navn, funktion, kategori="", per_variabel=False):
        maerket = maerke()
        try:
            funktion()
        except ParameterHulError as fejl:
            hul(navn, kategori, str(fejl), **_hullets_felter(fejl))
        # Med ``per_variabel`` har funktionen selv noteret, hvad hver variabel læste.
        if not per_variabel and (laeste := laest_siden(maerket)):
            optaelling.fremskrevne.setdefault((noegle, navn, kategori), set()).update(laeste)

    def maalgrupper():
        grupper = beregn("maalgruppe")
        navne = grupper.possible_values.names
        antal = numpy.bincount(grupper.view(numpy.ndarray), minlength=len(navne))
        for indeks in numpy.flatnonzero(antal):
            tilfoej(noegle, "personer_efter_maalgruppe", str(navne[indeks]), antal[indeks], rang=int(indeks))

    aktuelle = {}

    def aendringer():
        """Hver ændret persons mønster (de variabler, der ændres for personen); tallene per art
        tælles, når alle bidder er talt: uden de variabler, der ramte et hul i én af dem."""
        arter = optaelling.arter.setdefault(noegle, {})
        aendrede = []  # (variabel, personerne, hvis værdi er en anden end under gældende ret)
        for rang, art in enumerate(ARTER):
            for u in uddata:
                if u.art != art or u.variabel not in system.variables:
                    continue
                if system.variables[u.variabel].entity.key != "person":
                    continue
                arter[u.variabel] = rang
                maerket = maerke()
                try:
                    vaerdier = beregn(u.variabel)
                except ParameterHulError as fejl:
                    aktuelle[u.variabel] = None
                    hul(
                        "personer_med_aendring",
                        ARTER[art],
                        str(fejl),
                        variabel=u.variabel,
                        **_hullets_felter(fejl),
                    )
                    continue
                aktuelle[u.variabel] = vaerdier
                if laeste := laest_siden(maerket):
                    optaelling.laest_pr_variabel.setdefault((noegle, u.variabel), set()).update(laeste)
                if grundlag is None:
                    continue
                # Grundlaget dækker hver personvariabel i gældende ret; de øvrige findes kun i reformen.
                if u.variabel not in grundlag:
                    standard = system.variables[u.variabel].default_array(bid.antal)
                    aendrede.append((u.variabel, _forskellig(vaerdier, standard)))
                elif grundlag[u.variabel] is None:
                    hul(
                        "personer_med_aendring",
                        ARTER[art],
                        "kan ikke sammenlignes: variablen rammer et hul under gældende ret",
                        variabel=u.variabel,
                    )
                else:
                    aendrede.append((u.variabel, _forskellig(vaerdier, grundlag[u.variabel])))
        optaelling.moenstre.setdefault(noegle, collections.Counter()).update(_moenstre(aendrede))

    def samtaler():
        lab = beregn("kontaktforloeb_min_samtaler_6_maaneder") * i_foerste["ledighed_startdato"]
        sdl = beregn("opfoelgning_min_samtaler_6_maaneder") * i_foerste["sygemelding_startdato"]
        tilfoej(noegle, "obligatoriske_samtaler", "Jobsamtaler (LAB)", lab.sum(), rang=0)
        tilfoej(noegle, "obligatoriske_samtaler", "Opfølgningssamtaler (SDL)", sdl.sum(), rang=1)

    def laegeattester():
        antal = numpy.count_nonzero(
            beregn("laegeattest_obligatorisk") | beregn("laegeattest_le265_obligatorisk")
        )
        tilfoej(noegle, "laegeattester", "LÆ 285 eller LÆ 265", antal)

    def rehabilitering():
        antal = numpy.count_nonzero(beregn("rehabiliteringsteam_forelaeggelse"))
        tilfoej(noegle, "rehabiliteringsteam", "Forelæggelser", antal)

    def jobafklaring():
        antal = numpy.count_nonzero(beregn("jobafklaringsforloeb_ret"))
        tilfoej(noegle, "jobafklaring", "Ret til jobafklaringsforløb", antal)

    def udgifter(rang, ydelse, beloeb, hvem):
        def opgoer():
            vaerdier = beregn(beloeb)
            if hvem == "arbejdsloeshedsdagpenge":
                ydelser = beregn("ydelse")
                vaerdier = numpy.where(
                    ydelser == ydelser.possible_values.arbejdsloeshedsdagpenge, vaerdier, 0
                )
            elif hvem is not None:
                vaerdier = numpy.where(beregn(hvem), vaerdier, 0)
            tilfoej(noegle, "udgifter", ydelse, _eksakt_sum(vaerdier), rang=rang)

        return opgoer

    def arbejdssteder():
        overholdt = simulering.calculate("forholdstal_overholdt", periode)[: bid.uden_arbejdssted]
        tilfoej(noegle, "arbejdssteder_over_graensen", "Over grænsen", numpy.count_nonzero(~overholdt))

    maal("personer_efter_maalgruppe", maalgrupper)
    maal("personer_med_aendring", aendringer, per_variabel=True)
    maal("obligatoriske_samtaler", samtaler)
    maal("laegeattester", laegeattester)
    maal("rehabiliteringsteam", rehabilitering)
    maal("jobafklaring", jobafklaring)
    for rang, (ydelse, (beloeb, hvem)) in enumerate(UDGIFTER.items()):
        maal("udgifter", udgifter(rang, ydelse, beloeb, hvem), kategori=ydelse)
    maal("arbejdssteder_over_graensen", arbejdssteder)
    return aktuelle


def _moenstre(aendrede: list[tuple[str, numpy.ndarray]]) -> collections.Counter:
    """{de variabler, der ændres for en person: antallet af personer} for de ændrede personer."""
    # Kun variablerne, der ændres for nogen, og kun de ændrede personer: typisk få af begge.
    aendrede = [(navn, aendret) for navn, aendret in aendrede if aendret.any()]
    if not aendrede:
        return collections.Counter()
    personer = numpy.flatnonzero(numpy.logical_or.reduce([aendret for _, aendret in aendrede]))
    # En persons mønster er et tal med én bit per variabel (et ord per 64 variabler).
    ord_ = numpy.zeros((len(personer), (len(aendrede) + _BITS - 1) // _BITS), dtype=numpy.uint64)
    for j, (_, aendret) in enumerate(aendrede):
        ord_[:, j // _BITS] |= aendret[personer].astype(numpy.uint64) << numpy.uint64(j % _BITS)
    if ord_.shape[1] == 1:
        unikke, antal = numpy.unique(ord_[:, 0], return_counts=True)
        unikke = unikke[:, None]
    else:
        unikke, antal = numpy.unique(ord_, axis=0, return_counts=True)
    return collections.Counter(
        {
            frozenset(
                navn for j, (navn, _) in enumerate(aendrede) if int(moenster[j // _BITS]) >> (j % _BITS) & 1
            ): int(a)
            for moenster, a in zip(unikke, antal, strict=True)
        }
    )


def _personer_med_aendring(optaelling: _Optaelling, uden: dict[str, set]) -> dict[tuple, int]:
    """Tallene for personer_med_aendring (per art og mindst én art) i optællingens tal-form.

    ``uden`` er regime → de variabler, der ramte et hul i en bid: de tælles ikke med for nogen,
    så tallet er det samme, uanset hvordan befolkningen er delt i bidder.
    """
    tal = {}
    for noegle, arter in optaelling.arter.items():
        udelad = uden.get(noegle, set())
        antal = [0] * (len(ARTER) + 1)
        for moenster, personer in optaelling.moenstre.get(noegle, {}).items():
            rangene = {arter[v] for v in moenster if v not in udelad}
            for rang in rangene:
                antal[rang] += personer
            if rangene:
                antal[len(ARTER)] += personer
        for rang, kategori in enumerate(_AENDRINGSKATEGORIER):
            tal[(noegle, "personer_med_aendring", rang, kategori)] = antal[rang]
    return tal


def _forskellig(a, b) -> numpy.ndarray:
    """Personer, hvis værdi under regimet (``a``) er en anden end grundlagets (``b``)."""
    if a is b:
        # Samme array: regimet har genbrugt grundlagets resultat.
        return numpy.zeros(len(a), dtype=bool)
    if isinstance(a, EnumArray) and isinstance(b, EnumArray):
        # Enum-værdier sammenlignes ved indeks; en reform med en anden Enum oversættes ved navn.
        if a.possible_values is not b.possible_values:
            medlemmer = a.possible_values.__members__
            tabel = numpy.array(
                [medlemmer[n].index if n in medlemmer else -1 for n in b.possible_values.names],
                dtype=numpy.int32,
            )
            return a.view(numpy.ndarray) != tabel[b.view(numpy.ndarray)]
        return a.view(numpy.ndarray) != b.view(numpy.ndarray)
    if a.dtype.kind == "f":
        return numpy.abs(a - b) >= 0.005
    return a != b


def _indstil_allokator() -> None:
    """glibc: store arrays fra heapen, som ikke gives tilbage efter hver frigivelse.

    Uden det henter glibc hvert array over 128 kB med mmap og giver det tilbage ved frigivelsen,
    så hvert nyt mellemresultat koster nye, nulstillede sider fra kernen (systemtid). Tallene er
    glibc's grænser: mmap først over 32 MB (glibc's højeste), og heapen trimmes først ved 1 GB fri.
    Målt for alle regimer og 1 mio. personer: systemtiden ca. 30 % lavere (den samlede CPU-tid
    ca. 2-3 %), samme tal.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return  # ikke glibc (fx macOS): standardindstillingerne
    m_trim_threshold, m_mmap_threshold = -1, -3
    libc.mallopt(m_mmap_threshold, 32 * 1024 * 1024)
    libc.mallopt(m_trim_threshold, 1024 * 1024 * 1024)


def _uddata_for(system, uddata, reformernes) -> list[Uddata]:
    return uddata + [
        Uddata(navn, art_efter_type(system.variables[navn]), "reform")
        for navn in reformernes
        if navn in system.variables
    ]


def _optael_bid(
    bid: Befolkning, noegler: list[str], reformernes: list[str], fremskrivning: bool
) -> _Optaelling:
    """Én bids tal under hvert regime (gældende ret først): den opgave, processerne og Dask kører."""
    if not bid.antal:
        # Færre personer end bidder: en tom bid tæller 0, og formlerne kan ikke regne på 0 personer.
        return _Optaelling()
    _indstil_allokator()
    grundsystem = byg_system(GAELDENDE_RET, fremskrivning)
    uddata = alle_uddata(grundsystem)
    optaelling = _Optaelling()
    # Bygger kun på inddata, så det er ens for alle regimer.
    i_foerste = {
        felt: _i_foerste_maaneder(bid, felt) for felt in ("ledighed_startdato", "sygemelding_startdato")
    }
    grundlag = byg_simulering(grundsystem, bid)
    inddata = genbrug.inddata(grundlag)
    afhaengigheder = genbrug.spor(grundlag)
    # Fremskrivningen: hvert måls fremskrevne satser findes i sporene (regimets egne beregninger og
    # gældende rets for det, regimet genbrugte).
    grundspor = (afhaengigheder, None) if fremskrevne_i(grundsystem) else None
    grundvaerdier = _maal_for_regime(
        grundsystem,
        grundlag,
        bid,
        None,
        _uddata_for(grundsystem, uddata, reformernes),
        GAELDENDE_RET,
        optaelling,
        i_foerste,
        grundspor,
    )
    # Regimerne deler grundlagets arrays; en formel, der ændrer et af dem, skal fejle, ikke regne forkert.
    genbrug.skrivebeskyt(grundlag)
    for noegle in noegler:
        if noegle == GAELDENDE_RET:
            continue
        system = byg_system(noegle, fremskrivning)
        simulering = genbrug.regimets_simulering(
            system,
            grundlag,
            afhaengigheder,
            inddata,
            lambda system=system: byg_simulering(system, bid),
            spor_regimet=grundspor is not None,
            egne_inddata=har_reforminput(system, bid),
        )
        _maal_for_regime(
            system,
            simulering,
            bid,
            grundvaerdier,
            _uddata_for(system, uddata, reformernes),
            noegle,
            optaelling,
            i_foerste,
            (simulering.tracer, afhaengigheder) if grundspor else None,
        )
        genbrug.slip(simulering)
    genbrug.slip(grundlag)
    return optaelling


def antal_arbejdere() -> int:
    """Kernerne, processen må bruge (på Linux dem, den er bundet til)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def antal_bidder(personer: int, arbejdere: int) -> int:
    """Bidder på højst ``BID_PERSONER`` personer, et multiplum af arbejderne, så de er lige travle."""
    return arbejdere * max(1, math.ceil(personer / (BID_PERSONER * arbejdere)))


def effekt(
    noegler: list[str],
    periode,
    personer: int,
    seed: int = 0,
    *,
    motor: str = "proces",
    arbejdere: int | None = None,
    adresse: str | None = None,
    bidder: int | None = None,
    fremdrift=None,
    fremskrivning: bool = False,
    traekninger: int = 1,
) -> Resultat:
    """Beregn målene for hvert regime på en befolkning af ``personer`` personer.

    ``periode`` er en måned ("2026-03") eller en liste af måneder. ``motor`` "proces" bruger
    ``arbejdere`` processer på denne maskine (standard: alle kerner; 1 = i denne proces); "dask"
    bruger klyngen på ``adresse`` (uden adresse en lokal klynge med ``arbejdere`` processer).
    ``bidder`` er antallet af bidder pr. måned (standard efter ``antal_bidder``); resultatet er det
    samme for ethvert antal. ``fremdrift(færdige, i_alt)`` kaldes, hver gang en bid er beregnet.
    Med ``fremskrivning`` regnes med fremskrevne satser.

    ``traekninger`` befolkninger trækkes med seed ``seed``, ``seed + 1``, ...; hvert tal er
    gennemsnittet over trækningerne med et 95 %-interval for gennemsnittet (``usikkerhed``).
    """
    if motor not in MOTORER:
        raise BrugerFejl(f"--motor: ukendt motor '{motor}'; vælg en af {', '.join(MOTORER)}")
    if not 1 <= traekninger <= MAKS_TRAEKNINGER:
        raise BrugerFejl(
            f"--traekninger: skal være et heltal fra 1 til {MAKS_TRAEKNINGER}, ikke {traekninger}"
        )
    maaneder = [periode] if isinstance(periode, str) else list(periode)
    noegler = list(dict.fromkeys([GAELDENDE_RET, *noegler]))
    regimer = [regime(noegle) for noegle in noegler]
    egne = [r.noegle for r in regimer if r.oprindelse]
    if motor == "dask" and egne:
        # Et eget regime findes kun i denne proces (reformfilen er læst her); processerne på
        # denne maskine arver det, klyngens arbejdere ikke.
        raise BrugerFejl(
            f"--motor dask: egne regimer (reformfiler, --saet) kan ikke sendes til en klynge "
            f"({', '.join(egne)}); brug --motor proces"
        )
    grundsystem = byg_system(GAELDENDE_RET)
    kendte = {u.variabel for u in alle_uddata(grundsystem)}
    # Alle regimers egne uddata beregnes også under gældende ret, hvor de findes, som grundlag.
    reformernes = list(
        dict.fromkeys(
            navn
            for r in regimer
            for reform in r.reformer
            for navn in getattr(reform, "uddata", ())
            if navn not in kendte
        )
    )
    for noegle in noegler:
        byg_system(noegle, fremskrivning)  # bygget før processerne startes, så de arver systemerne
    arbejdere = arbejdere or antal_arbejdere()
    bidder = bidder or antal_bidder(personer, arbejdere)
    vaegt = []
    # Trækningen, hver indsendt bid hører til, i indsendelsens (og resultaternes) rækkefølge.
    traekningen = collections.deque()

    # Datafilen læses én gang, ikke for hver måned og trækning (et helt år med 3 trækninger: 36 gange).
    data = indlaes_data()

    def opgaver():
        for traekning in range(traekninger):
            for maaned in maaneder:
                befolkning = generer(personer, maaned, grundsystem, seed=seed + traekning, data=data)
                vaegt.append(befolkning.vaegt)
                maanedens = del_op(befolkning, bidder)
                del befolkning  # bidderne er kopier; hele befolkningen skal ikke ligge der samtidig
                for bid in maanedens:
                    traekningen.append(traekning)
                    yield bid, noegler, reformernes, bool(fremskrivning)

    i_alt = traekninger * len(maaneder) * bidder
    samlet = [_Optaelling() for _ in range(traekninger)]
    with _indsender(motor, adresse, arbejdere, i_alt) as (indsend, pladser):
        for optaelling in _i_orden(indsend, opgaver(), pladser, i_alt, fremdrift):
            samlet[traekningen.popleft()].laeg_til(optaelling)
    resultat = Resultat(
        periodenavn(maaneder),
        personer,
        vaegt[0],
        noegler,
        maaneder=maaneder,
        fremskrivning=bool(fremskrivning),
        seed=seed,
        traekninger=traekninger,
    )
    return _resultat(samlet, resultat)


def periodenavn(maaneder: list[str]) -> str:
    """ "2026-03" for én måned, "2027" for et helt kalenderår, ellers "FRA:TIL"."""
    if len(maaneder) == 1:
        return maaneder[0]
    aar = maaneder[0][:4]
    if maaneder == aarets_maaneder(int(aar)):
        return aar
    return f"{maaneder[0]}:{maaneder[-1]}"


def aarets_maaneder(aar: int) -> list[str]:
    """Årets tolv måneder, januar til december."""
    return [f"{aar:04d}-{m:02d}" for m in range(1, MAANEDER_PR_AAR + 1)]


def aarene() -> tuple[int, int]:
    """De år, et helt år kan være: modellens første år til fremskrivningens sidste hele år."""
    til = min(f.til for f in fremskrevne_i(byg_system(GAELDENDE_RET, True)).values())
    return int(FOERSTE_MAANED[:4]), int(til[:4]) - 1


def foerste_fremskrevne_maaned() -> str:
    """Den første måned, hvor en sats er fremskrevet (efter de sidst offentliggjorte satser)."""
    return min(f.fra for f in fremskrevne_i(byg_system(GAELDENDE_RET, True)).values())[:7]


def kraever_fremskrivning(maaneder: list[str]) -> bool:
    """Ligger en af månederne efter de sidst offentliggjorte satser?"""
    return max(maaneder) >= foerste_fremskrevne_maaned()


def aarets_fremskrivning(aar: int, valgt: bool, felt: str) -> tuple[bool, str]:
    """Et helt år efter de sidst offentliggjorte satser regnes med fremskrivning: (fremskrivning, grund).

    Grunden står i resultatet (``Resultat.fremskrivning_grund``); "" når brugeren selv valgte det,
    eller året har offentliggjorte satser.
    """
    if valgt or not kraever_fremskrivning(aarets_maaneder(aar)):
        return valgt, ""
    return True, (
        f"{felt} {aar} ligger efter de sidst offentliggjorte satser: regnet med fremskrivning "
        f"(satserne fra {foerste_fremskrevne_maaned()} fremskrevet med antagne procenter)"
    )


class _Straks:
    """En "fremtid", der allerede er beregnet (motoren i denne proces)."""

    def __init__(self, resultat) -> None:
        self._resultat = resultat

    def result(self):
        return self._resultat


@contextlib.contextmanager
def _indsender(motor: str, adresse: str | None, arbejdere: int, i_alt: int):
    """``(indsend, pladser)`` for motoren: Dask-klyngen, processer på denne maskine eller denne proces.

    Processerne startes med fork, hvor det findes, så de arver de byggede systemer.
    """
    if motor == "dask":
        from openfisca_dk_beskaeftigelse import klynge

        with klynge.indsender(_optael_bid, adresse, arbejdere) as indsender:
            yield indsender
    elif arbejdere == 1 or i_alt == 1:
        yield (lambda opgave: _Straks(_optael_bid(*opgave))), 1
    else:
        metode = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        kontekst = multiprocessing.get_context(metode)
        # Systemerne lever hele processens levetid: uden for garbage collectorens runder, så de
        # forkede processer deler deres sider med denne i stedet for at kopiere dem.
        gc.collect()
        gc.freeze()
        with ProcessPoolExecutor(max_workers=arbejdere, mp_context=kontekst) as udfoerer:
            # Processerne startes nu, før befolkningen genereres, så de ikke arver den.
            udfoerer.submit(_indstil_allokator).result()
            yield (lambda opgave: udfoerer.submit(_optael_bid, *opgave)), 2 * arbejdere


def _i_orden(indsend, opgaver, pladser: int, i_alt: int, fremdrift):
    """Opgavernes resultater i opgavernes orden, med højst ``pladser`` opgaver undervejs.

    Så ligger kun få bidder (og måneder) i hukommelsen ad gangen.
    """
    undervejs = collections.deque()
    faerdige = 0

    def naeste():
        nonlocal faerdige
        resultat = undervejs.popleft().result()
        faerdige += 1
        if fremdrift:
            fremdrift(faerdige, i_alt)
        return resultat

    for opgave in opgaver:
        undervejs.append(indsend(opgave))
        if len(undervejs) >= pladser:
            yield naeste()
    while undervejs:
        yield naeste()


def _resultat(samlet: list[_Optaelling], resultat: Resultat) -> Resultat:
    """Tallene opregnet med vægten og lagt sammen over månederne, hver trækning for sig, og så
    gennemsnittet over trækningerne med interval: rækkerne i fast orden."""
    # Et hul for hele målet (kategori "") eller en kategori i én bid gælder for hele befolkningen.
    huller = {
        (h["regime"], h["maal"], h["kategori"]) for o in samlet for h in o.huller if "variabel" not in h
    }
    # En variabel, der ramte et hul i én bid, tælles ikke med i personer_med_aendring i nogen bid.
    uden: dict[str, set] = {}
    for o in samlet:
        for h in o.huller:
            if "variabel" in h and h["maal"] == "personer_med_aendring":
                uden.setdefault(h["regime"], set()).add(h["variabel"])
    tal = [{**o.tal, **_personer_med_aendring(o, uden)} for o in samlet]
    maal_orden = list(MAAL)
    noegler = set().union(*tal)

    def traek(noegle) -> numpy.ndarray:
        """Tallet i hver trækning (0, hvor trækningen ingen har i kategorien), i float64."""
        _, maal, _, _ = noegle
        vaerdier = numpy.array([float(t.get(noegle, 0)) for t in tal]) * SKALA.get(maal, 1)
        vaerdier *= resultat.vaegt
        if SAMMENLAEGNING[maal] == "gennemsnit":
            vaerdier /= len(resultat.maaneder)
        return vaerdier

    pr_traekning = {}
    for noegle in sorted(noegler, key=lambda n: (resultat.regimer.index(n[0]), maal_orden.index(n[1]), n[2])):
        regime_, maal, _, kategori = noegle
        if (regime_, maal, "") in huller or (regime_, maal, kategori) in huller:
            continue
        pr_traekning[(maal, kategori, regime_)] = traek(noegle)
    for (maal, kategori, regime_), vaerdier in pr_traekning.items():
        grund = pr_traekning.get((maal, kategori, GAELDENDE_RET))
        resultat.raekker.append(
            {"maal": maal, "kategori": kategori, "regime": regime_, **_tal_med_interval(vaerdier, grund)}
        )
    resultat.hovedtal = _hovedtal(pr_traekning, huller, resultat)
    resultat.huller = []
    for o in samlet:
        resultat.huller += [h for h in o.huller if h not in resultat.huller]
    resultat.fremskrevne = _fremskrevne(samlet, uden, huller, noegler, resultat.regimer)
    return resultat


def _fremskrevne(samlet: list[_Optaelling], uden: dict, huller: set, noegler: set, regimer) -> list[dict]:
    """De fremskrevne satser, hvert tal bygger på (kun tal, der er beregnet), i tabellernes orden.

    personer_med_aendring per art bygger på artens variabler, undtagen dem, der ramte et hul.
    """
    fremskrevne: dict[tuple, set] = {}
    for o in samlet:
        for noegle, laeste in o.fremskrevne.items():
            fremskrevne.setdefault(noegle, set()).update(laeste)
        for (regime_, variabel), laeste in o.laest_pr_variabel.items():
            if variabel in uden.get(regime_, set()):
                continue
            art = _AENDRINGSKATEGORIER[o.arter[regime_][variabel]]
            for kategori in (art, MINDST_EN_ART):
                fremskrevne.setdefault((regime_, "personer_med_aendring", kategori), set()).update(laeste)
    rang = {(r, m, k): n for r, m, n, k in noegler}
    maal_orden = list(MAAL)
    return [
        {"maal": maal, "kategori": kategori, "regime": regime_, "parametre": som_liste(sorted(laeste))}
        for (regime_, maal, kategori), laeste in sorted(
            fremskrevne.items(),
            key=lambda f: (
                regimer.index(f[0][0]),
                maal_orden.index(f[0][1]),
                rang.get(f[0], -1),
                f[0][2],
            ),
        )
        if (regime_, maal, "") not in huller and (regime_, maal, kategori) not in huller
    ]


def _tal_med_interval(vaerdier: numpy.ndarray, grund: numpy.ndarray | None) -> dict:
    """Gennemsnittet over trækningerne og dets interval, og forskellen fra gældende ret i samme
    trækninger (parvis: samme befolkning under begge regimer) med sit interval."""
    nedre, oevre = interval(vaerdier)
    tal = {"vaerdi": float(vaerdier.mean()), "nedre": nedre, "oevre": oevre}
    if grund is None:
        return {**tal, "forskel": None, "forskel_nedre": None, "forskel_oevre": None, "usikker": None}
    forskel = vaerdier - grund
    f_nedre, f_oevre = interval(forskel)
    return {
        **tal,
        "forskel": float(forskel.mean()),
        "forskel_nedre": f_nedre,
        "forskel_oevre": f_oevre,
        "usikker": daekker_nul(forskel, f_nedre, f_oevre),
    }


def interval(vaerdier: numpy.ndarray) -> tuple[float | None, float | None]:
    """95 %-interval for gennemsnittet af trækningerne: gennemsnit ± t · s / √n (t-fordelingen med
    n − 1 frihedsgrader); ingen interval for én trækning."""
    n = len(vaerdier)
    if n < 2:
        return None, None
    midt = float(vaerdier.mean())
    halv = t_kvantil((1 + KONFIDENS) / 2, n - 1) * float(vaerdier.std(ddof=1)) / math.sqrt(n)
    return midt - halv, midt + halv


def daekker_nul(forskel: numpy.ndarray, nedre: float | None, oevre: float | None) -> bool | None:
    """Er forskellen ikke sikkert forskellig fra 0? (None: én trækning; en forskel, der er 0 i
    hver trækning, er ingen forskel og ikke usikker.)"""
    if nedre is None:
        return None
    if not forskel.any():
        return False
    return nedre <= 0 <= oevre


@functools.lru_cache
def t_kvantil(p: float, frihedsgrader: int) -> float:
    """t-fordelingens p-kvantil (p ≥ 0,5) med ``frihedsgrader`` frihedsgrader.

    Med ``t = √ν · tan θ`` er ``P(|T| ≤ t) = ∫₀^θ cos^(ν−1) / ∫₀^(π/2) cos^(ν−1)``; integralet tages
    numerisk (trapezer), og θ findes, hvor brøken er 2p − 1.
    """
    vinkel = numpy.linspace(0.0, numpy.pi / 2, 200_001)
    taethed = numpy.cos(vinkel) ** (frihedsgrader - 1)
    kumuleret = numpy.concatenate([[0.0], numpy.cumsum((taethed[1:] + taethed[:-1]) / 2)])
    theta = numpy.interp(2 * p - 1, kumuleret / kumuleret[-1], vinkel)
    return math.sqrt(frihedsgrader) * math.tan(theta)


def _hovedtal(pr_traekning: dict, huller: set, resultat: Resultat) -> list[dict]:
    """Hvert måls tal i alt per regime (``HOVEDTAL``) med interval og forskel fra gældende ret.

    Summen er over de kategorier, der er beregnet under både regimet og gældende ret; en kategori,
    der rammer et hul, står i ``uden`` (fx kontanthjælpen, hvis en sats mangler).
    """
    tal = {}
    for maal, kategori in HOVEDTAL.items():
        if any(h[1:] == (maal, "") for h in huller):
            continue
        kategorier = list(
            dict.fromkeys(
                k
                for (m, k) in [(m, k) for (m, k, _) in pr_traekning] + [h[1:] for h in huller]
                if m == maal and (kategori is None or k == kategori)
            )
        )
        mangler = [k for k in kategorier if any(h[1:] == (maal, k) for h in huller)]
        if not kategorier or len(mangler) == len(kategorier):
            continue
        for regime_ in resultat.regimer:
            # Hullerne trækkes fra alle regimer, så de sammenlignes på de samme kategorier.
            dele = [
                pr_traekning[(maal, k, regime_)]
                for k in kategorier
                if k not in mangler and (maal, k, regime_) in pr_traekning
            ]
            if not dele:
                continue
            tal[(maal, regime_)] = (numpy.sum(dele, axis=0), mangler)
    return [
        {
            "maal": maal,
            "regime": regime_,
            **_tal_med_interval(v, tal.get((maal, GAELDENDE_RET), (None,))[0]),
            "uden": mangler,
        }
        for (maal, regime_), (v, mangler) in tal.items()
    ]


def uden_tekst(hovedtal: dict) -> str:
    """ ", uden Kontanthjælp (hul i kilderne)" for et tal i alt, der mangler kategorier, ellers ""."""
    if not hovedtal["uden"]:
        return ""
    return f", uden {', '.join(hovedtal['uden'])} (hul i kilderne)"


def samlede_huller(resultat: Resultat) -> list[dict]:
    """Hullerne samlet: ét per parameter (uden parameter: per grund) med de datoer, det dækker.

    Et år, hvor en sats mangler fra juli, giver ét hul per måned, mål og regime i ``Resultat.huller``;
    her står det én gang: ``maal``, ``regimer``, ``variabler``, ``datoer``, ``steder`` (hvert
    {maal, kategori, regime[, variabel]}) og ``tekst``, der nævner månederne som intervaller.
    """
    grupper: dict[tuple, dict] = {}
    for h in resultat.huller:
        # Et hul uden parameter (en variabel, der ikke kan sammenlignes) er det samme hver måned.
        noegle = (h["parameter"], h["hul_fra"], h["fremskrevet_til"]) if "parameter" in h else (h["fejl"],)
        g = grupper.setdefault(
            noegle,
            {
                "parameter": h.get("parameter"),
                "maal": [],
                "regimer": [],
                "variabler": [],
                "datoer": [],
                "steder": [],
                "tekst": h["fejl"],
            },
        )
        sted = {f: h[f] for f in ("maal", "kategori", "regime", "variabel") if f in h}
        for felt, vaerdi in (
            ("maal", h["maal"]),
            ("regimer", h["regime"]),
            ("variabler", h.get("variabel")),
            ("datoer", h.get("dato")),
            ("steder", sted),
        ):
            if vaerdi is not None and vaerdi not in g[felt]:
                g[felt].append(vaerdi)
    for noegle, g in grupper.items():
        if g["parameter"]:
            g["datoer"].sort()
            g["tekst"] = hullets_besked(g["parameter"], _datoerne(g["datoer"]), *noegle[1:])
    return list(grupper.values())


def _datoerne(datoer: list[str]) -> str:
    """ "i 2026-07 til 2026-12 (6 måneder)" for månedernes første dage, ellers "den 2026-07-15, ..."."""
    if not all(d.endswith("-01") for d in datoer):
        return "den " + ", ".join(datoer)
    maaneder = [numpy.datetime64(d[:7], "M") for d in datoer]
    stykker, start = [], 0
    for i in range(1, len(maaneder) + 1):
        if i == len(maaneder) or maaneder[i] != maaneder[i - 1] + 1:
            fra, til = str(maaneder[start]), str(maaneder[i - 1])
            stykker.append(fra if fra == til else f"{fra} til {til}")
            start = i
    antal = f" ({len(maaneder)} måneder)" if len(maaneder) > 1 else ""
    return f"i {', '.join(stykker)}{antal}"


def titel(maal: str, resultat: Resultat) -> str:
    """Målets titel; over flere måneder er udgifterne periodens (et helt år: årets), ikke månedens."""
    tekst = MAAL[maal][0]
    if len(resultat.maaneder) > 1 and SAMMENLAEGNING[maal] == "sum":
        if resultat.maaneder == aarets_maaneder(int(resultat.maaneder[0][:4])):
            return tekst.replace("i måneden", f"i {resultat.periode}")
        return tekst.replace("i måneden", f"i perioden ({len(resultat.maaneder)} måneder)")
    return tekst


def visningsenhed(maal: str) -> str:
    """Enheden, tallene vises i: kroner som mio. kr., alt andet som det tælles."""
    return "mio. kr." if MAAL[maal][1] == "kr." else MAAL[maal][1]


def dansk_tal(x: float, decimaler: int = 0) -> str:
    """Et tal med dansk tusindtalsskille og decimalkomma, fx 1.012,5; -0 vises som 0."""
    tekst = f"{x:,.{decimaler}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return tekst.removeprefix("-") if set(tekst) <= set("-0,.") else tekst


def vist(maal: str, x: float | None) -> str:
    """Et tal for målet, afrundet som det vises: mio. kr. med én decimal, ellers hele tal."""
    if x is None:
        return "—"
    if MAAL[maal][1] == "kr.":
        return dansk_tal(x / MIO, 1)
    return dansk_tal(x)


def afviger(maal: str, forskel: float | None) -> bool:
    """Er forskellen fra gældende ret synlig, når den er afrundet som vist (ikke 0 eller 0,0)?"""
    return forskel is not None and vist(maal, forskel).strip("0,.") != ""


def med_interval(maal: str, tal: dict, felt: str = "vaerdi") -> str:
    """ "1.012,5 (980,1 til 1.044,9)": tallet og dets interval (``felt`` "vaerdi" eller "forskel")."""
    nedre, oevre = (
        (tal.get(f"{felt}_nedre"), tal.get(f"{felt}_oevre"))
        if felt != "vaerdi"
        else (
            tal.get("nedre"),
            tal.get("oevre"),
        )
    )
    tekst = vist(maal, tal.get(felt))
    if nedre is not None and vist(maal, nedre) != vist(maal, oevre):
        tekst += f" ({vist(maal, nedre)} til {vist(maal, oevre)})"
    if felt == "forskel" and tal.get("usikker"):
        tekst += f" {USIKKER}"
    return tekst


def usikkerheden(resultat: Resultat) -> str:
    """Antallet af trækninger og metoden, som én linje."""
    seeds = f"seed {resultat.seed} til {resultat.seed + resultat.traekninger - 1}"
    if resultat.traekninger < 2:
        return (
            f"1 trækning af befolkningen (seed {resultat.seed}): ingen usikkerhed beregnet; vælg "
            "2 eller flere trækninger for intervaller."
        )
    return (
        f"{resultat.traekninger} trækninger af befolkningen ({seeds}): hvert tal er gennemsnittet over "
        f"trækningerne, i parentes et {KONFIDENS * 100:.0f} %-interval for gennemsnittet (t-fordelingen, "
        f"{resultat.traekninger - 1} frihedsgrader). Forskellen fra gældende ret er regnet i hver "
        f"trækning på samme befolkning; dækker dens interval 0, er den mærket {USIKKER}."
    )


MIO = 1_000_000
USIKKER = "(usikker: ikke sikkert forskellig fra 0)"
MAALFIL = Path(__file__).parent / "data" / "maal.yaml"


@dataclass(frozen=True)
class Besparelsesmaal:
    """Det politiske besparelsesmål (``data/maal.yaml``) med dets kilde."""

    beskrivelse: str
    beloeb: float  # kr. pr. år
    aar: int
    kilde: Kilde
    citat: str
    omfang: str

    def i_perioden(self, maaneder: int) -> float:
        """Målet for en periode på ``maaneder`` måneder: årsbeløbet × måneder / 12."""
        return self.beloeb * maaneder / MAANEDER_PR_AAR

    def som_dict(self) -> dict:
        return {
            "beskrivelse": self.beskrivelse,
            "beloeb": self.beloeb,
            "aar": self.aar,
            "kilde": {**self.kilde.som_dict(), "citat": self.citat},
            "omfang": self.omfang,
        }


@functools.lru_cache
def besparelsesmaal(fil: Path = MAALFIL) -> Besparelsesmaal:
    data = yaml.safe_load(fil.read_text(encoding="utf-8"))["besparelse"]
    return Besparelsesmaal(
        " ".join(data["beskrivelse"].split()),
        float(data["beloeb"]),
        int(data["aar"]),
        Kilde(data["kilde"]["fil"], data["kilde"]["afsnit"]),
        data["kilde"]["citat"],
        " ".join(data["omfang"].split()),
    )


def regimets_art(noegle: str) -> str:
    """ "pakke" (registrets forslagspakker), "stak" (en brugers stak), "eget" (reformfil) eller "reform"."""
    if regime(noegle).oprindelse:
        return "eget"
    if noegle in {p.noegle for p in PAKKER}:
        return "pakke"
    return "stak" if "+" in noegle else "reform"


def maallinje(resultat: Resultat, maal: Besparelsesmaal | None = None) -> list[dict]:
    """Per regime: besparelsen på ydelserne i perioden mod gældende ret (positiv = sparer, negativ =
    koster) med interval, og andelen af besparelsesmålet for en periode af samme længde."""
    maal = maal or besparelsesmaal()
    i_perioden = maal.i_perioden(len(resultat.maaneder))
    linjer = []
    for noegle in resultat.regimer:
        h = resultat.hoved("udgifter", noegle)
        if noegle == GAELDENDE_RET or h is None or h["forskel"] is None:
            continue
        nedre, oevre = h["forskel_oevre"], h["forskel_nedre"]
        linjer.append(
            {
                "regime": noegle,
                "art": regimets_art(noegle),
                "besparelse": -h["forskel"],
                "besparelse_nedre": None if nedre is None else -nedre,
                "besparelse_oevre": None if oevre is None else -oevre,
                "usikker": h["usikker"],
                "maal_i_perioden": i_perioden,
                # Målet, linjen er målt mod, så teksten nævner det samme mål (``maallinjens_tekst``).
                "maal_beloeb": maal.beloeb,
                "maal_aar": maal.aar,
                "andel_af_maalet": -h["forskel"] / i_perioden,
                "uden": h["uden"],
            }
        )
    return linjer


def maallinjens_tekst(resultat: Resultat, linje: dict) -> str:
    """Én regimes mållinje som en sætning: sparer (eller koster) beløbet, intervallet og andelen af
    målet, linjen er målt mod (``maallinje``)."""
    fortegn = 1 if linje["besparelse"] >= 0 else -1
    tekst = f"{'sparer' if fortegn > 0 else 'koster'} {vist('udgifter', fortegn * linje['besparelse'])}"
    if linje["besparelse_nedre"] is not None:
        graenser = [
            vist("udgifter", g)
            for g in sorted(fortegn * linje[f] for f in ("besparelse_nedre", "besparelse_oevre"))
        ]
        # Som ``med_interval``: et interval, der er ét tal, når det er afrundet, vises ikke.
        if graenser[0] != graenser[1]:
            tekst += f" ({graenser[0]} til {graenser[1]})"
    tekst += (
        f" mio. kr. i {resultat.periode} mod gældende ret: {dansk_tal(100 * linje['andel_af_maalet'], 1)} % "
        f"af målet for perioden ({vist('udgifter', linje['maal_i_perioden'])} mio. kr.; "
        f"{vist('udgifter', linje['maal_beloeb'])} mio. kr. om året i {linje['maal_aar']})"
    )
    if linje["uden"]:
        tekst += f"; uden {', '.join(linje['uden'])} (hul i kilderne)"
    return tekst + (f" {USIKKER}" if linje["usikker"] else "")


def maalets_forbehold(resultat: Resultat) -> str:
    """Målet, dets kilde og forbeholdet, som én linje."""
    maal = besparelsesmaal()
    aaret = (
        ""
        if resultat.periode == str(maal.aar)
        else f" Målet gælder {maal.aar}; perioden er {resultat.periode}."
    )
    return (
        f'Mållinjen: {maal.beskrivelse} ({maal.kilde.henvisning}: "{maal.citat}").{aaret} '
        f"Forbehold: {maal.omfang}."
    )


def sammenlaegningen(resultat: Resultat) -> str:
    """Hvordan månederne er lagt sammen, som én linje."""
    return (
        f"{len(resultat.maaneder)} måneder ({resultat.maaneder[0]} til {resultat.maaneder[-1]}), samme "
        "syntetiske bestand hver måned: udgifterne er summen over månederne, "
        "de øvrige mål gennemsnittet pr. måned."
    )


def som_dict(resultat: Resultat) -> dict:
    return {
        "periode": resultat.periode,
        "maaneder": resultat.maaneder,
        "personer_i_befolkningen": resultat.personer,
        "vaegt": resultat.vaegt,
        "regimer": resultat.regimer,
        "maal": {
            noegle: {
                "titel": titel(noegle, resultat),
                "enhed": enhed,
                "visningsenhed": visningsenhed(noegle),
                "sammenlaegning": SAMMENLAEGNING[noegle],
            }
            for noegle, (_, enhed) in MAAL.items()
        },
        # Hvert tal også afrundet og med interval, som tabellerne viser det (``med_interval``).
        "resultater": [_med_tekst(r) for r in resultat.raekker],
        "hovedtal": [_med_tekst(h) for h in resultat.hovedtal],
        # Diagrammernes søjler i visningsenheden, sorteret (``diagramtal``).
        "diagrammer": {
            maal: {
                "titel": diagramtitel(resultat, maal),
                "enhed": visningsenhed(maal),
                "soejler": [
                    {
                        **s,
                        **{
                            f: None if s[f] is None else s[f] / _skala(maal)
                            for f in ("vaerdi", "nedre", "oevre")
                        },
                    }
                    for s in soejler
                ],
            }
            for maal in HOVEDTAL
            if (soejler := diagramtal(resultat, maal))
        },
        "usikkerhed": {
            "traekninger": resultat.traekninger,
            "seeds": list(range(resultat.seed, resultat.seed + resultat.traekninger)),
            "konfidens": KONFIDENS,
            "metode": usikkerheden(resultat),
        },
        "maallinje": [
            {**linje, "tekst": maallinjens_tekst(resultat, linje)} for linje in maallinje(resultat)
        ],
        "besparelsesmaal": {**besparelsesmaal().som_dict(), "forbehold": maalets_forbehold(resultat)},
        # Hvert hul per måned, mål og regime (som før) og samlet per parameter (``samlede_huller``).
        "huller": resultat.huller,
        "huller_samlet": samlede_huller(resultat),
        "fremskrivning": resultat.fremskrivning,
        "fremskrivning_grund": resultat.fremskrivning_grund,
        "fremskrevne": resultat.fremskrevne,
        # Regimer med egne ændringer (reformfiler, --saet): oprindelse og ændringerne.
        "egne_aendringer": {
            noegle: reformfil.regime_dict(regime(noegle))
            for noegle in resultat.regimer
            if regime(noegle).oprindelse
        },
    }


def _skala(maal: str) -> int:
    """Visningsenhedens størrelse: kroner vises i mio. kr."""
    return MIO if MAAL[maal][1] == "kr." else 1


def _med_tekst(tal: dict) -> dict:
    """Tallet med ``tekst`` (og ``forskel_tekst``): afrundet, med interval, som tabellerne viser det."""
    ekstra = {"tekst": med_interval(tal["maal"], tal), "afviger": afviger(tal["maal"], tal["forskel"])}
    if tal["forskel"] is not None:
        ekstra["forskel_tekst"] = med_interval(tal["maal"], tal, "forskel")
    return {**tal, **ekstra}


def fremskrevet(resultat: Resultat, maal: str, kategori: str, noegle: str) -> list[tuple[str, str]]:
    """De fremskrevne (parameter, dato), tallet bygger på; et mål med tom kategori gælder alle."""
    laeste = {
        (p["parameter"], p["dato"])
        for f in resultat.fremskrevne
        if (f["maal"], f["regime"]) == (maal, noegle) and f["kategori"] in ("", kategori)
        for p in f["parametre"]
    }
    return sorted(laeste)


def fremskrevet_i_alt(resultat: Resultat, hovedtal: dict) -> list[tuple[str, str]]:
    """De fremskrevne (parameter, dato), et måls tal i alt bygger på: dem, dets kategorier bygger på
    (alle beregnede, eller den ene, ``HOVEDTAL`` nævner)."""
    maal, noegle = hovedtal["maal"], hovedtal["regime"]
    kategorier = {
        r["kategori"]
        for r in resultat.raekker
        if (r["maal"], r["regime"]) == (maal, noegle)
        and HOVEDTAL[maal] in (None, r["kategori"])
        and r["kategori"] not in hovedtal["uden"]
    }
    return sorted({f for k in kategorier for f in fremskrevet(resultat, maal, k, noegle)})


def som_csv(resultat: Resultat) -> str:
    """Én række per tal og én per hul: et hul har tom værdi og grunden i ``ikke_beregnet``.

    Et hul med tom kategori gælder hele målet; et hul i personer_med_aendring nævner variablen,
    som tallet for kategorien er talt uden. ``fremskrevet`` nævner de fremskrevne satser, tallet
    bygger på.
    """
    ud = io.StringIO()
    skriver = csv.writer(ud, lineterminator="\n")
    skriver.writerow(
        [
            "maal",
            "kategori",
            "regime",
            "vaerdi",
            "forskel_fra_gaeldende_ret",
            "ikke_beregnet",
            "fremskrevet",
            "nedre",
            "oevre",
            "forskel_nedre",
            "forskel_oevre",
            "usikker",
        ]
    )

    def afrundet(x):
        return "" if x is None else round(x, 2)

    def interval_(r):
        usikker = "" if r["usikker"] is None else ("ja" if r["usikker"] else "nej")
        return [afrundet(r[f]) for f in ("nedre", "oevre", "forskel_nedre", "forskel_oevre")] + [usikker]

    for r in resultat.raekker:
        laeste = som_tekst(fremskrevet(resultat, r["maal"], r["kategori"], r["regime"]))
        skriver.writerow(
            [r["maal"], r["kategori"], r["regime"], afrundet(r["vaerdi"]), afrundet(r["forskel"]), "", laeste]
            + interval_(r)
        )
    # Hvert måls tal i alt: kategorien "i alt".
    for r in resultat.hovedtal:
        laeste = som_tekst(fremskrevet_i_alt(resultat, r))
        skriver.writerow(
            [r["maal"], I_ALT, r["regime"], afrundet(r["vaerdi"]), afrundet(r["forskel"]), "", laeste]
            + interval_(r)
        )
    tomme = [""] * 5
    # Ét hul per sted og parameter, med alle dets måneder (ikke én række per måned).
    for g in samlede_huller(resultat):
        for h in g["steder"]:
            grund = f"{h['variabel']}: {g['tekst']}" if "variabel" in h else g["tekst"]
            laeste = som_tekst(fremskrevet(resultat, h["maal"], h["kategori"], h["regime"]))
            skriver.writerow([h["maal"], h["kategori"], h["regime"], "", "", grund, laeste] + tomme)
    # Regimernes egne ændringer: målet egen_aendring, kategorien er parameteren og ændringen.
    for noegle in resultat.regimer:
        for a in reformfil.aendringer(regime(noegle)):
            skriver.writerow(["egen_aendring", f"{a.parameter}: {a.tekst()}", noegle, "", "", "", ""] + tomme)
    return ud.getvalue()


def som_json(resultat: Resultat) -> str:
    return json.dumps(som_dict(resultat), ensure_ascii=False, indent=2)


def diagramtal(resultat: Resultat, maal: str) -> list[dict]:
    """Søjlerne i målets diagram, sorteret efter effekten (størst fald først): hvert regimes
    forskel fra gældende ret i alt med interval; er gældende ret det eneste regime, dets niveau.

    Hver søjle er {regime, vaerdi, nedre, oevre, usikker}.
    """
    andre = [h for h in resultat.hovedtal if h["maal"] == maal and h["regime"] != GAELDENDE_RET]
    if andre:
        soejler = [
            {
                "regime": h["regime"],
                "vaerdi": h["forskel"],
                "nedre": h["forskel_nedre"],
                "oevre": h["forskel_oevre"],
                "usikker": h["usikker"],
            }
            for h in andre
            if h["forskel"] is not None
        ]
    else:
        soejler = [
            {
                "regime": h["regime"],
                "vaerdi": h["vaerdi"],
                "nedre": h["nedre"],
                "oevre": h["oevre"],
                "usikker": None,
            }
            for h in resultat.hovedtal
            if h["maal"] == maal
        ]
    return sorted(soejler, key=lambda s: s["vaerdi"])


def diagramtitel(resultat: Resultat, maal: str) -> str:
    """Diagrammets titel: målet, perioden (hvis titlen ikke allerede nævner den) og hvad søjlerne er."""
    tekst = titel(maal, resultat)
    if resultat.periode not in tekst:
        tekst += f", {resultat.periode}"
    forskel = any(s["regime"] != GAELDENDE_RET for s in diagramtal(resultat, maal))
    grund = resultat.hoved(maal, GAELDENDE_RET)
    uden = uden_tekst(grund) if grund else ""
    return f"{tekst}: {'forskel fra gældende ret' if forskel else 'gældende ret'}{uden}"


def grafer(resultat: Resultat) -> dict[str, bytes]:
    """Ét vandret søjlediagram per mål (``HOVEDTAL``) som PNG og SVG: filnavn → indhold.

    Søjlerne er regimerne (navnene på aksen, ingen signaturforklaring), sorteret efter effekten,
    med intervallet som fejlstreg og en nullinje; en usikker forskel er lys og mærket på aksen.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    billeder = {}
    for maal in HOVEDTAL:
        soejler = diagramtal(resultat, maal)
        if not soejler:
            continue
        skala = _skala(maal)
        navne = [regime(s["regime"]).navn + (" (usikker)" if s["usikker"] else "") for s in soejler]
        vaerdier = numpy.array([s["vaerdi"] for s in soejler]) / skala
        fig, akse = plt.subplots(figsize=(10, 1.6 + 0.32 * len(soejler)), dpi=100)
        farver = ["#9fb7cc" if s["usikker"] else "#0072B2" for s in soejler]
        fejl = None
        if all(s["nedre"] is not None for s in soejler):
            fejl = (
                numpy.array(
                    [[s["vaerdi"] - s["nedre"] for s in soejler], [s["oevre"] - s["vaerdi"] for s in soejler]]
                )
                / skala
            )
        # Den største effekt øverst: første søjle på den øverste plads.
        pladser = numpy.arange(len(soejler))[::-1]
        akse.barh(pladser, vaerdier, color=farver, xerr=fejl, ecolor="#1b1f23", capsize=3)
        akse.set_yticks(pladser, navne, fontsize=8)
        akse.axvline(0, color="#1b1f23", linewidth=0.8)
        # Titlen står over hele figuren (aksen begynder efter de lange navne) og brydes ved kanten.
        fig.suptitle(textwrap.fill(diagramtitel(resultat, maal), 150), x=0.01, ha="left", fontsize=9)
        akse.set_xlabel(visningsenhed(maal), fontsize=8)
        decimaler = 1 if skala == MIO else 0
        akse.xaxis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda x, _, d=decimaler: dansk_tal(x, d))
        )
        akse.tick_params(axis="x", labelsize=8)
        fig.tight_layout()
        for form in ("png", "svg"):
            billede = io.BytesIO()
            fig.savefig(billede, format=form, metadata={"Date": None} if form == "svg" else None)
            billeder[grafnavn(maal, form)] = billede.getvalue()
        plt.close(fig)
    return billeder


def grafnavn(maal: str, form: str = "png") -> str:
    return f"{maal}.{form}"


def udfiler() -> list[str]:
    """Filerne, ``effekt --ud`` kan skrive: resultatet som CSV og JSON og ét diagram per mål (PNG, SVG)."""
    return ["effekt.csv", "effekt.json", *(grafnavn(m, form) for m in HOVEDTAL for form in ("png", "svg"))]
