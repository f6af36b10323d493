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

Et mål, der rammer et hul i kilderne (``ParameterHulError``), står som ikke beregnet med grunden,
også i CSV'en (``som_csv``).

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
import gc
import io
import json
import math
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction

import numpy
from openfisca_core.indexed_enums import EnumArray

from openfisca_dk_beskaeftigelse import genbrug, reformfil
from openfisca_dk_beskaeftigelse.beregning import BrugerFejl
from openfisca_dk_beskaeftigelse.datoer import plus_maaneder
from openfisca_dk_beskaeftigelse.fremskrivning import fremskrevne_i, laeste_fremskrevne, som_liste, som_tekst
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.population import (
    Befolkning,
    byg_simulering,
    del_op,
    generer,
    har_reforminput,
)
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, regime
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

    def vaerdi(self, maal: str, kategori: str, noegle: str):
        for r in self.raekker:
            if (r["maal"], r["kategori"], r["regime"]) == (maal, kategori, noegle):
                return r["vaerdi"]
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
_HALVDEL = 26


@dataclass
class _Optaelling:
    """En bids (eller flere bidders) tal: (regime, maal, rang, kategori) → et eksakt tal (heltal
    eller brøk), hullerne og de fremskrevne (parameter, dato), hvert (regime, maal, kategori)
    bygger på."""

    tal: dict[tuple, int] = field(default_factory=dict)
    huller: list[dict] = field(default_factory=list)
    fremskrevne: dict[tuple, set] = field(default_factory=dict)

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

    def maal(navn, funktion, kategori=""):
        maerke = len(spor[0].roedder) if spor else 0
        try:
            funktion()
        except ParameterHulError as fejl:
            hul(navn, kategori, str(fejl))
        if spor:
            laeste = {
                (fremskrevet, dato)
                for parameter, dato in genbrug.laeste_parametre(spor[0], spor[0].roedder[maerke:], spor[1])
                for fremskrevet in laeste_fremskrevne(fremskrevne, parameter, dato)
            }
            if laeste:
                optaelling.fremskrevne.setdefault((noegle, navn, kategori), set()).update(laeste)

    def maalgrupper():
        grupper = beregn("maalgruppe")
        navne = grupper.possible_values.names
        antal = numpy.bincount(grupper.view(numpy.ndarray), minlength=len(navne))
        for indeks in numpy.flatnonzero(antal):
            tilfoej(noegle, "personer_efter_maalgruppe", str(navne[indeks]), antal[indeks], rang=int(indeks))

    aktuelle = {}

    def aendringer():
        for rang, art in enumerate(ARTER):
            aendret = numpy.zeros(bid.antal, dtype=bool)
            for u in uddata:
                if u.art != art or u.variabel not in system.variables:
                    continue
                if system.variables[u.variabel].entity.key != "person":
                    continue
                try:
                    vaerdier = beregn(u.variabel)
                except ParameterHulError as fejl:
                    aktuelle[u.variabel] = None
                    hul("personer_med_aendring", ARTER[art], str(fejl), variabel=u.variabel)
                    continue
                aktuelle[u.variabel] = vaerdier
                if grundlag is None:
                    continue
                # Grundlaget dækker hver personvariabel i gældende ret; de øvrige findes kun i reformen.
                if u.variabel not in grundlag:
                    aendret |= _forskellig(vaerdier, system.variables[u.variabel].default_array(bid.antal))
                elif grundlag[u.variabel] is None:
                    hul(
                        "personer_med_aendring",
                        ARTER[art],
                        "kan ikke sammenlignes: variablen rammer et hul under gældende ret",
                        variabel=u.variabel,
                    )
                else:
                    aendret |= _forskellig(vaerdier, grundlag[u.variabel])
            tilfoej(noegle, "personer_med_aendring", ARTER[art], numpy.count_nonzero(aendret), rang=rang)

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
    maal("personer_med_aendring", aendringer)
    maal("obligatoriske_samtaler", samtaler)
    maal("laegeattester", laegeattester)
    maal("rehabiliteringsteam", rehabilitering)
    maal("jobafklaring", jobafklaring)
    for rang, (ydelse, (beloeb, hvem)) in enumerate(UDGIFTER.items()):
        maal("udgifter", udgifter(rang, ydelse, beloeb, hvem), kategori=ydelse)
    maal("arbejdssteder_over_graensen", arbejdssteder)
    return aktuelle


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
) -> Resultat:
    """Beregn målene for hvert regime på en befolkning af ``personer`` personer.

    ``periode`` er en måned ("2026-03") eller en liste af måneder. ``motor`` "proces" bruger
    ``arbejdere`` processer på denne maskine (standard: alle kerner; 1 = i denne proces); "dask"
    bruger klyngen på ``adresse`` (uden adresse en lokal klynge med ``arbejdere`` processer).
    ``bidder`` er antallet af bidder pr. måned (standard efter ``antal_bidder``); resultatet er det
    samme for ethvert antal. ``fremdrift(færdige, i_alt)`` kaldes, hver gang en bid er beregnet.
    Med ``fremskrivning`` regnes med fremskrevne satser.
    """
    if motor not in MOTORER:
        raise BrugerFejl(f"--motor: ukendt motor '{motor}'; vælg en af {', '.join(MOTORER)}")
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

    def opgaver():
        for maaned in maaneder:
            befolkning = generer(personer, maaned, grundsystem, seed=seed)
            vaegt.append(befolkning.vaegt)
            maanedens = del_op(befolkning, bidder)
            del befolkning  # bidderne er kopier; hele befolkningen skal ikke ligge der samtidig
            for bid in maanedens:
                yield bid, noegler, reformernes, bool(fremskrivning)

    i_alt = len(maaneder) * bidder
    samlet = _Optaelling()
    with _indsender(motor, adresse, arbejdere, i_alt) as (indsend, pladser):
        for optaelling in _i_orden(indsend, opgaver(), pladser, i_alt, fremdrift):
            samlet.laeg_til(optaelling)
    navn = maaneder[0] if len(maaneder) == 1 else f"{maaneder[0]}:{maaneder[-1]}"
    resultat = Resultat(
        navn, personer, vaegt[0], noegler, maaneder=maaneder, fremskrivning=bool(fremskrivning)
    )
    return _resultat(samlet, resultat)


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


def _resultat(samlet: _Optaelling, resultat: Resultat) -> Resultat:
    """Tallene opregnet med vægten og lagt sammen over månederne: rækkerne i fast orden."""
    # Et hul for hele målet (kategori "") eller en kategori i én bid gælder for hele befolkningen.
    huller = {(h["regime"], h["maal"], h["kategori"]) for h in samlet.huller if "variabel" not in h}
    maal_orden = list(MAAL)
    for regime_, maal, rang, kategori in sorted(
        samlet.tal, key=lambda n: (resultat.regimer.index(n[0]), maal_orden.index(n[1]), n[2])
    ):
        if (regime_, maal, "") in huller or (regime_, maal, kategori) in huller:
            continue
        vaerdi = float(samlet.tal[(regime_, maal, rang, kategori)]) * SKALA.get(maal, 1) * resultat.vaegt
        if SAMMENLAEGNING[maal] == "gennemsnit":
            vaerdi /= len(resultat.maaneder)
        resultat.raekker.append({"maal": maal, "kategori": kategori, "regime": regime_, "vaerdi": vaerdi})
    resultat.huller = samlet.huller
    resultat.fremskrevne = [
        {"maal": maal, "kategori": kategori, "regime": regime_, "parametre": som_liste(sorted(laeste))}
        for (regime_, maal, kategori), laeste in sorted(
            samlet.fremskrevne.items(),
            key=lambda f: (resultat.regimer.index(f[0][0]), maal_orden.index(f[0][1])),
        )
    ]
    return resultat


def titel(maal: str, resultat: Resultat) -> str:
    """Målets titel; over flere måneder er udgifterne periodens, ikke månedens."""
    tekst = MAAL[maal][0]
    if len(resultat.maaneder) > 1 and SAMMENLAEGNING[maal] == "sum":
        return tekst.replace("i måneden", f"i perioden ({len(resultat.maaneder)} måneder)")
    return tekst


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
                "sammenlaegning": SAMMENLAEGNING[noegle],
            }
            for noegle, (_, enhed) in MAAL.items()
        },
        "resultater": resultat.raekker,
        "huller": resultat.huller,
        "fremskrivning": resultat.fremskrivning,
        "fremskrevne": resultat.fremskrevne,
        # Regimer med egne ændringer (reformfiler, --saet): oprindelse og ændringerne.
        "egne_aendringer": {
            noegle: reformfil.regime_dict(regime(noegle))
            for noegle in resultat.regimer
            if regime(noegle).oprindelse
        },
    }


def fremskrevet(resultat: Resultat, maal: str, kategori: str, noegle: str) -> list[tuple[str, str]]:
    """De fremskrevne (parameter, dato), tallet bygger på; et mål med tom kategori gælder alle."""
    laeste = {
        (p["parameter"], p["dato"])
        for f in resultat.fremskrevne
        if (f["maal"], f["regime"]) == (maal, noegle) and f["kategori"] in ("", kategori)
        for p in f["parametre"]
    }
    return sorted(laeste)


def som_csv(resultat: Resultat) -> str:
    """Én række per tal og én per hul: et hul har tom værdi og grunden i ``ikke_beregnet``.

    Et hul med tom kategori gælder hele målet; et hul i personer_med_aendring nævner variablen,
    som tallet for kategorien er talt uden. ``fremskrevet`` nævner de fremskrevne satser, tallet
    bygger på.
    """
    ud = io.StringIO()
    skriver = csv.writer(ud, lineterminator="\n")
    skriver.writerow(
        ["maal", "kategori", "regime", "vaerdi", "forskel_fra_gaeldende_ret", "ikke_beregnet", "fremskrevet"]
    )
    for r in resultat.raekker:
        grund = resultat.vaerdi(r["maal"], r["kategori"], GAELDENDE_RET)
        forskel = "" if grund is None else round(r["vaerdi"] - grund, 2)
        laeste = som_tekst(fremskrevet(resultat, r["maal"], r["kategori"], r["regime"]))
        skriver.writerow([r["maal"], r["kategori"], r["regime"], round(r["vaerdi"], 2), forskel, "", laeste])
    for h in resultat.huller:
        grund = f"{h['variabel']}: {h['fejl']}" if "variabel" in h else h["fejl"]
        laeste = som_tekst(fremskrevet(resultat, h["maal"], h["kategori"], h["regime"]))
        skriver.writerow([h["maal"], h["kategori"], h["regime"], "", "", grund, laeste])
    # Regimernes egne ændringer: målet egen_aendring, kategorien er parameteren og ændringen.
    for noegle in resultat.regimer:
        for a in reformfil.aendringer(regime(noegle)):
            skriver.writerow(["egen_aendring", f"{a.parameter}: {a.tekst()}", noegle, "", "", "", ""])
    return ud.getvalue()


def som_json(resultat: Resultat) -> str:
    return json.dumps(som_dict(resultat), ensure_ascii=False, indent=2)


def grafer(resultat: Resultat) -> dict[str, bytes]:
    """Ét søjlediagram (PNG) per mål: kategorierne på tværs af regimerne, som filnavn → PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    billeder = {}
    for noegle, (_, enhed) in MAAL.items():
        raekker = [r for r in resultat.raekker if r["maal"] == noegle]
        if not raekker:
            continue
        kategorier = list(dict.fromkeys(r["kategori"] for r in raekker))
        bredde = 0.8 / len(resultat.regimer)
        fig, akse = plt.subplots(figsize=(max(6, 1.2 * len(kategorier) + 2), 4), dpi=90)
        for i, regime_ in enumerate(resultat.regimer):
            hoejder = [resultat.vaerdi(noegle, k, regime_) or 0 for k in kategorier]
            akse.bar(numpy.arange(len(kategorier)) + i * bredde, hoejder, bredde, label=regime_)
        akse.set_xticks(
            numpy.arange(len(kategorier)) + 0.4 - bredde / 2, kategorier, rotation=30, ha="right", fontsize=7
        )
        akse.set_title(f"{titel(noegle, resultat)}, {resultat.periode}", fontsize=9)
        akse.set_ylabel(enhed)
        akse.legend(fontsize=6)
        fig.tight_layout()
        billede = io.BytesIO()
        fig.savefig(billede, format="png")
        plt.close(fig)
        billeder[grafnavn(noegle)] = billede.getvalue()
    return billeder


def grafnavn(maal: str) -> str:
    return f"{maal}.png"


def udfiler() -> list[str]:
    """Filerne, ``effekt --ud`` kan skrive: resultatet som CSV og JSON og ét diagram per mål."""
    return ["effekt.csv", "effekt.json", *(grafnavn(m) for m in MAAL)]
