"""Regimeregistret: gældende ret, hver enkelt reform og forslagspakkerne som stakke.

Registret er den ene liste, som CLI, web-API, dokumentation og effektrapport læser.

- ``gaeldende_ret`` er gældende ret (``CountryTaxBenefitSystem``).
- Hver reform i ``openfisca_dk_beskaeftigelse.reforms`` er et regime med modulets navn som
  nøgle; klassen bærer sit danske navn (``name``) og sine kilder (``kilder``).
- Forslagspakkerne (``PAKKER``) stabler flere reformer i den rækkefølge, de står i.
- En bruger stabler selv med ``+``: ``faerre_maalgrupper+ingen_jobafklaring`` er gældende ret
  med de to regimers reformer lagt på i den rækkefølge (en reform, der går igen, lægges på én gang).
- Brugerens egne regimer (reformfiler, ``--saet`` og reformobjekter i web-API'et, se
  ``reformfil``) registreres under deres nøgle med ``registrer_eget`` og kan så også stables.

To slags uforenelighed står som data på reformerne og kontrolleres i ``regime()``:

- ``alternativ_til``: samme forslag modelleret på to måder; stakken ville afhænge af rækkefølgen
  og **afvises** (``UkendtRegimeError``).
- ``strider_mod`` (modul → hvorfor): forslag, der modsiger hinanden (fx et, der afskaffer
  rehabiliteringsteamet, og et, der giver ret til et møde i det). Stakken er veldefineret og
  uafhængig af rækkefølgen, så den **beregnes**, men regimet bærer en advarsel
  (``Regime.advarsler``), som CLI'en og ``/sammenlign`` viser. Registrets egne pakker har ingen.
"""

import importlib
import inspect
import pkgutil
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from openfisca_core.reforms import Reform

import openfisca_dk_beskaeftigelse.reforms as reformpakke
from openfisca_dk_beskaeftigelse import CountryTaxBenefitSystem
from openfisca_dk_beskaeftigelse.fremskrivning import Fremskrivning
from openfisca_dk_beskaeftigelse.kilder import Kilde

GAELDENDE_RET = "gaeldende_ret"
STAK = "+"


@dataclass(frozen=True)
class Regime:
    noegle: str
    navn: str
    reformer: tuple[type, ...]
    kilder: tuple[Kilde, ...]
    status: str
    # Hvor brugerens egne ændringer kommer fra (reformfilerne); tom for registrets regimer.
    oprindelse: tuple[str, ...] = ()
    # Semantiske konflikter i en stak (reformernes strider_mod), som tekst til brugeren.
    advarsler: tuple[str, ...] = ()

    @property
    def reformstier(self) -> list[str]:
        """Reformerne som stier, sådan som ``openfisca serve --reforms`` og YAML-tests skriver dem."""
        return [f"{r.__module__}.{r.__name__}" for r in self.reformer]


@dataclass(frozen=True)
class Pakke:
    noegle: str
    navn: str
    moduler: tuple[str, ...]
    status: str = "forslag"
    # Kildefilen og afsnittene (begyndelsen af katalogets "afsnit"), hvis forslag pakken samler:
    # pakken er netop katalogets reformer for dem.
    kilde: str | None = None
    afsnit: str = ""


# Forslagspakkerne: reformmoduler i den rækkefølge, de stables. Kilderne følger reformerne.
# En pakke med samme nøgle som en enkelt reform erstatter reformens regime (2027-reformen er én
# reform og samtidig sin egen pakke).
PAKKER: tuple[Pakke, ...] = (
    Pakke(
        "kl_og_6_byerne_2024",
        "KL og 6-byerne (2024)",
        (
            "faerre_maalgrupper",
            "fra_proces_til_resultat",
            "samlet_uddannelsesordning",
            "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring",
            "laegeattester_efter_faglig_vurdering",
        ),
        kilde="000_991c7bef0c1547ec.txt",
        afsnit="KL og 6-byerne",
    ),
    Pakke(
        "nordjyske_kommuner_sygedagpenge",
        "Nordjyske kommuner – sygedagpenge",
        (
            "ingen_fast_opfoelgningskadence",
            "laegeattester_efter_faglig_vurdering",
            "frivillige_rehabiliteringsmoeder",
            "ingen_jobafklaring",
            "ingen_fast_track",
            "tidsgraense_sygedagpenge",
            "loentilskud_til_sygemeldte",
        ),
        kilde="000_991c7bef0c1547ec.txt",
        afsnit="De nordjyske kommuner",
    ),
    Pakke(
        "frikommuneforsoeg_ii",
        "Frikommuneforsøg II gjort permanent",
        (
            "digitale_samtaler",
            "gruppesamtaler_og_frit_indhold",
            "fleksible_rehabiliteringsteams",
            "laegeattester_efter_faglig_vurdering",
            "fleksible_forholdstal",
            "jobrotation_uden_ledighedskrav",
            "tidligere_loentilskud",
            "samlet_uddannelsesordning",
            "psykologbehandling",
            "ivaerksaetteri",
            "ingen_revurdering_ledighedsydelse",
        ),
        kilde="003_8d1ffce9980bf276.txt",
    ),
    Pakke(
        "seks_byer_2011",
        "6-byerne (2011)",
        (
            "tidligere_loentilskud",
            "fra_proces_til_resultat",
            "a_kassen_foerste_periode",
            "rettigheder_frem_for_pligter",
            "prioriteret_opfoelgning_sygedagpenge",
        ),
        kilde="002_5d57e95c82b3ac89.txt",
    ),
    Pakke(
        "kl_2022",
        "KL's høringssvar om 2. delaftale (2022)",
        ("oevo_som_ret_og_pligt_tilbud", "digitale_samtaler"),
        kilde="001_563147e58c2b51e6.txt",
    ),
    Pakke(
        "rebild_2017",
        "Rebild Kommune, frikommuneforsøget (2017)",
        (
            "gruppesamtaler_og_frit_indhold",
            "fra_proces_til_resultat",
            "ingen_fast_opfoelgningskadence",
            "digitale_samtaler",
            "fleksible_rehabiliteringsteams",
            "psykologbehandling",
            "laegeattester_efter_faglig_vurdering",
            "lavere_alder_voksenlaerling",
            "tidligere_loentilskud",
            "fleksible_forholdstal",
        ),
        kilde="004_383c6e4443986835.txt",
    ),
    Pakke(
        "beskaeftigelsesreform_2027",
        "Beskæftigelsesreform 2027 (annonceret)",
        ("beskaeftigelsesreform_2027",),
        status="annonceret",
    ),
)


def reformklasser() -> dict[str, type]:
    """Hver reform i reformpakken, med modulets navn som nøgle."""
    klasser = {}
    for modul_info in sorted(pkgutil.iter_modules(reformpakke.__path__), key=lambda m: m.name):
        modul = importlib.import_module(f"{reformpakke.__name__}.{modul_info.name}")
        for _, klasse in inspect.getmembers(modul, inspect.isclass):
            if issubclass(klasse, Reform) and klasse.__module__ == modul.__name__:
                klasser[modul_info.name] = klasse
    return klasser


@cache
def alle_regimer() -> dict[str, Regime]:
    """Registret: nøgle → regime, i visningsrækkefølge."""
    enkelte = reformklasser()
    regimer = {GAELDENDE_RET: Regime(GAELDENDE_RET, "Gældende ret", (), (), "gaeldende")}
    for noegle, klasse in enkelte.items():
        regimer[noegle] = Regime(noegle, klasse.name, (klasse,), tuple(klasse.kilder), klasse.status)
    for pakke in PAKKER:
        reformer = tuple(enkelte[m] for m in pakke.moduler)
        kilder = tuple(dict.fromkeys(k for r in reformer for k in r.kilder))
        regimer[pakke.noegle] = Regime(pakke.noegle, pakke.navn, reformer, kilder, pakke.status)
    return regimer


KATALOGSTATUS = {
    "reform": "Reform i modellen",
    "lov": "Allerede gældende ret",
    "ikke_beregnelig": "Ikke beregnelig for den enkelte borger",
    "ikke_modelleret": "Ikke modelleret",
}


def katalog() -> list[dict]:
    """Kataloget over hvert forslag i kildedokumenterne (``reforms/katalog.yaml``)."""
    fil = Path(reformpakke.__file__).parent / "katalog.yaml"
    return yaml.safe_load(fil.read_text(encoding="utf-8"))


class UkendtRegimeError(KeyError):
    def __init__(self, noegle: str, grund: str | None = None) -> None:
        self.noegle = noegle
        self.grund = grund
        super().__init__(noegle)

    def __str__(self) -> str:
        if self.grund:
            return self.grund
        return (
            f"ukendt regime '{self.noegle}'; kendte regimer: {', '.join(alle_regimer())} "
            f"(stables med '{STAK}', fx faerre_maalgrupper{STAK}ingen_jobafklaring)"
        )


# Brugerens egne regimer efter nøgle, de senest brugte sidst; loftet holder hukommelsen i ro.
MAKS_EGNE = 256
_EGNE: OrderedDict[str, Regime] = OrderedDict()
_EGNE_LAAS = threading.Lock()


def registrer_eget(regime_: Regime) -> Regime:
    """Gør et eget regime (reformfil, --saet, reformobjekt) kendt under sin nøgle."""
    if regime_.noegle in alle_regimer():
        raise UkendtRegimeError(regime_.noegle, f"'{regime_.noegle}' er allerede et regime i registret")
    with _EGNE_LAAS:
        _EGNE[regime_.noegle] = regime_
        _EGNE.move_to_end(regime_.noegle)
        while len(_EGNE) > MAKS_EGNE:
            _EGNE.popitem(last=False)
    return regime_


def _enkelt(noegle: str) -> Regime:
    if noegle in alle_regimer():
        return alle_regimer()[noegle]
    with _EGNE_LAAS:
        if noegle in _EGNE:
            return _EGNE[noegle]
    raise UkendtRegimeError(noegle)


def regime(noegle: str) -> Regime:
    """Et regime fra registret (eller et registreret eget) eller en stak ``a+b+c`` af dem."""
    dele = noegle.split(STAK)
    regimer = [_enkelt(d) for d in dele]
    if len(dele) == 1:
        return regimer[0]
    reformer = tuple(dict.fromkeys(r for x in regimer for r in x.reformer))
    _kraev_forenelige(noegle, reformer)
    kilder = tuple(dict.fromkeys(k for x in regimer for k in x.kilder))
    oprindelse = tuple(dict.fromkeys(o for x in regimer for o in x.oprindelse))
    navn = " + ".join(x.navn for x in regimer)
    return Regime(noegle, navn, reformer, kilder, "stak", oprindelse, advarsler=konflikter(reformer))


def modulnavn(reform: type) -> str:
    return reform.__module__.rsplit(".", 1)[-1]


def _kraev_forenelige(noegle: str, reformer: tuple[type, ...]) -> None:
    """To reformer, der modellerer det samme forslag på hver sin måde (``alternativ_til``), stables ikke."""
    moduler = {modulnavn(r): r for r in reformer}
    for modul, reform in moduler.items():
        for alternativ in getattr(reform, "alternativ_til", ()):
            if alternativ in moduler:
                raise UkendtRegimeError(
                    noegle,
                    f"regimet '{noegle}' stabler '{modul}' og '{alternativ}', der er alternativer til "
                    "hinanden (samme forslag modelleret på to måder); vælg den ene",
                )


def konflikter(reformer: tuple[type, ...]) -> tuple[str, ...]:
    """Én advarsel per par af reformer i stakken, hvor den ene ``strider_mod`` den anden."""
    moduler = {modulnavn(r): r for r in reformer}
    advarsler = []
    for modul, reform in moduler.items():
        for andet, hvorfor in getattr(reform, "strider_mod", {}).items():
            if andet in moduler:
                advarsler.append(f"'{modul}' og '{andet}' strider mod hinanden: {hvorfor}")
    return tuple(advarsler)


@cache
def gaeldende_ret() -> CountryTaxBenefitSystem:
    return CountryTaxBenefitSystem()


def byg_system(noegle: str, fremskrivning: bool = False):
    """Skattesystemet for et regime: gældende ret med regimets reformer lagt på i rækkefølge.

    Med ``fremskrivning`` udfyldes satsernes huller efter den sidst offentliggjorte værdi med
    antagne reguleringer (``fremskrivning.Fremskrivning``, lagt på efter reformerne); uden står
    hullerne som fejl. Bygges én gang per proces og genbruges (CLI, server, effekt, docs);
    systemerne ændres ikke efter bygningen.
    """
    return _system_med(regime(noegle).reformer, bool(fremskrivning))


def registrets_systemer():
    """Hvert regime i registret som system (til at genkende et andet regimes inddata)."""
    return (byg_system(n) for n in alle_regimer())


# Et loft, så brugernes egne stakke ikke fylder hukommelsen; registrets regimer er langt færre.
MAKS_SYSTEMER = 256


@lru_cache(maxsize=MAKS_SYSTEMER)
def _system_med(reformer: tuple[type, ...], fremskrivning: bool):
    """Gældende ret med ``reformer`` lagt på; en stak bygger videre på systemet for sine første reformer.

    Fremskrivningen lægges på det færdige regime: en sats, en reform har ændret, er grundlaget.
    """
    if fremskrivning:
        return Fremskrivning(_system_med(reformer, False))
    if not reformer:
        return gaeldende_ret()
    return reformer[-1](_system_med(reformer[:-1], False))
