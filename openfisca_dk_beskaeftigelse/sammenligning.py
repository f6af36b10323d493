"""Regimer side om side: samme situation, samme periode, hvert regimes værdier og forskellene.

``sammenlign`` beregner; ``som_json``, ``som_csv``, ``som_markdown`` og ``som_tabel`` viser.
JSON-formatet er stabilt (``FORMAT_VERSION``) og maskinlæsbart: Enum ved navn, datoer som
ISO-datoer (``null`` for ingen dato), beløb med to decimaler.

Tabel og Markdown er som standard et notat (``grupper``): per person og arbejdssted en
sammenfatning og kun afvigelserne fra gældende ret, mærket ``≠``, samlet efter de regimer, der
har dem; ``alle`` viser hver række. En variabel, som gældende ret ikke har (en reforms egen),
er *ny* og afviger kun, når værdien giver eller pålægger noget (se ``Raekke.afviger``).
Arbejdssteder, OpenFisca selv oprettede for personer uden arbejdssted, er ikke med.

Et hul i kilderne (:class:`ParameterHulError`) rammer kun den variabel og det regime, der
læser parameteren; resten beregnes. Cellen viser "ikke beregnet (hul i kilderne: ...)", i
JSON er værdien ``null`` og rækkens ``huller`` nævner parameteren og datoen (format 2), i
CSV er værdien tom og kolonnen ``note`` nævner hullet.

Med ``fremskrivning`` (regimerne bygget med ``byg_system(..., fremskrivning=True)``) bygger en
værdi måske på satser fremskrevet efter den sidst offentliggjorte værdi. Cellens tekst får
"(fremskrevet)", i JSON nævner rækkens ``fremskrevne`` parametrene og datoerne (format 3), i CSV
nævner ``note`` dem; se :mod:`~openfisca_dk_beskaeftigelse.fremskrivning`.

Gældende ret beregnes først; hvert andet regime genbruger gældende rets værdier for alt, dets
reformer ikke kan nå (:mod:`~openfisca_dk_beskaeftigelse.genbrug`), og beregner kun resten.

Inddata, som beregningen gik forbi, fordi de er angivet for andre perioder end dem, den læste
(fx værdier for 2026 og ``--periode 2025-06``), står som én tekst per entitet/id/variabel i
``Sammenligning.advarsler`` (JSON: ``advarsler``); reglen står i
:func:`~openfisca_dk_beskaeftigelse.beregning.ignorerede_inddata`. Før dem står stakkenes
semantiske konflikter (``Regime.advarsler``, se :mod:`~openfisca_dk_beskaeftigelse.regimer`).
"""

import csv
import dataclasses
import datetime
import io
import json
import shlex
from dataclasses import dataclass, field

from openfisca_core.indexed_enums import Enum
from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from openfisca_dk_beskaeftigelse import genbrug, reformfil
from openfisca_dk_beskaeftigelse.beregning import (
    BrugerFejl,
    Laesninger,
    Vaerdi,
    byg_simulering,
    ignorerede_inddata,
    inddata_uden_for_regimer,
    oprettet_af_openfisca,
    periode_for,
    uden_inddata,
    vaerdier,
)
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.fremskrivning import (
    MAERKE,
    fremskrevne_i,
    laeste_fremskrevne,
    som_liste,
    som_tekst,
)
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import (
    GAELDENDE_RET,
    Regime,
    byg_system,
    regime,
    registrets_systemer,
)
from openfisca_dk_beskaeftigelse.uddata import alle_uddata

# 2: rækkens "huller" (parametre uden værdi i kilderne) og "advarsler" (ignorerede inddata) er kommet til.
# 3: "fremskrivning" og rækkens "fremskrevne" (værdier, der bygger på fremskrevne satser).
# 4: rækkens "ny_under" og "medlemmer" (sammenfatningen per person og arbejdssted) er kommet til; en
# ny variabel afviger kun, når værdien giver eller pålægger noget; OpenFiscas egne arbejdssteder er væk.
FORMAT_VERSION = 4
# Tekstmærket for en afvigelse fra gældende ret: det overlever et rør, CSV og Markdown, farven gør ikke.
AFVIGER = "≠"
# Mærket for en værdi, der ikke kunne beregnes (hul i kilderne).
IKKE_BEREGNET = "!"


@dataclass
class Raekke:
    """Én variabel for én person eller ét arbejdssted, under hvert regime."""

    entitet: str
    id: str
    variabel: str
    label: str
    reference: list[str]
    vaerdier: dict[str, Vaerdi | None] = field(default_factory=dict)
    tekster: dict[str, str] = field(default_factory=dict)
    # Regime -> hullet (parameter og dato), der forhindrede beregningen under det regime.
    huller: dict[str, ParameterHulError] = field(default_factory=dict)
    # Regime -> de fremskrevne (parameter, dato), værdien bygger på.
    fremskrevne: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Variablens standardværdi (nej, ingen dato, 0, Enum'ens standard), for en ny variabel.
    standard: object = None

    @property
    def ny(self) -> bool:
        """Variablen findes ikke i gældende ret, kun under et eller flere af de andre regimer."""
        return GAELDENDE_RET not in self.tekster

    @property
    def ny_under(self) -> list[str]:
        """Regimerne, hvorunder en ny variabel findes (tom for gældende rets variabler)."""
        return list(self.tekster) if self.ny else []

    def afviger(self, noegle: str) -> bool:
        """Værdien under regimet afviger fra gældende ret.

        En ny variabel afviger kun, når dens værdi giver eller pålægger noget: alt andet end
        variablens standardværdi (nej, ingen dato, 0, Enum'ens standard, fx "ingen").
        """
        # En værdi, der ikke kunne beregnes, kan hverken afvige eller ej.
        if noegle == GAELDENDE_RET or noegle in self.huller or GAELDENDE_RET in self.huller:
            return False
        vaerdi = self.vaerdier.get(noegle)
        if self.ny:
            return vaerdi is not None and not _samme(vaerdi.vaerdi, self.standard)
        return not _ens(vaerdi, self.vaerdier.get(GAELDENDE_RET))


@dataclass
class Medlem:
    """Sammenfatningen for én person eller ét arbejdssted: hvad der ændres, under hvilke regimer."""

    entitet: str
    id: str
    raekker: list[Raekke]
    # Regimerne (uden gældende ret), der ændrer mindst én værdi, og dem, der intet ændrer.
    aendret_under: list[str]
    uaendret_under: list[str]
    # Rækkerne, der afviger fra gældende ret under mindst ét regime.
    afvigende: list[Raekke]


@dataclass
class Sammenligning:
    periode: str
    regimer: list[Regime]
    raekker: list[Raekke]
    # Inddata, som beregningen gik forbi (angivet for andre perioder, eller ukendte for et regime).
    advarsler: list[str] = field(default_factory=list)
    fremskrivning: bool = False
    # Variabel -> art (``uddata.ARTER``: status, ret, beloeb, pligt, frist), til sammenfatningen.
    arter: dict[str, str] = field(default_factory=dict)
    # Rækkens id -> de regimer, den afviger under (rækkerne ændres ikke efter sammenligningen).
    _afvigende: dict[int, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # Medlemmerne fra alle rækkerne, når ``raekker`` kun er de afvigende (``kun_afvigende``): et
    # medlem uden forskelle har ingen række tilbage, men sammenfatningen nævner det stadig.
    _medlemmer: list | None = field(default=None, repr=False, compare=False)

    def afvigende_regimer(self, raekke: Raekke) -> list[str]:
        if id(raekke) not in self._afvigende:
            self._afvigende[id(raekke)] = [r.noegle for r in self.regimer if raekke.afviger(r.noegle)]
        return self._afvigende[id(raekke)]

    def medlemmer(self) -> list[Medlem]:
        """Hver person og hvert arbejdssted i rækkernes orden, med de regimer, der ændrer noget."""
        if self._medlemmer is not None:
            return self._medlemmer
        resultat = []
        for (entitet, id_), raekker in _medlemmer(self):
            aendret = {n for x in raekker for n in self.afvigende_regimer(x)}
            andre = [r.noegle for r in self.regimer if r.noegle != GAELDENDE_RET]
            resultat.append(
                Medlem(
                    entitet,
                    id_,
                    raekker,
                    [n for n in andre if n in aendret],
                    [n for n in andre if n not in aendret],
                    [x for x in raekker if self.afvigende_regimer(x)],
                )
            )
        return resultat


def _samme(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(a - b) < 0.005
    return a == b


def _ens(a: Vaerdi | None, b: Vaerdi | None) -> bool:
    if a is None or b is None:
        return a is b
    return _samme(a.vaerdi, b.vaerdi)


def _standardvaerdi(variabel):
    """Variablens standardværdi i samme form som :class:`Vaerdi` (Enum ved navn)."""
    standard = variabel.default_value
    return standard.name if isinstance(standard, Enum) else standard


def standardvariabler(system, regimer: list[Regime]) -> list[str]:
    """Kontraktens uddata, lovområdernes rettigheder og pligter og reformernes egne uddata."""
    navne = ["alder", *(u.variabel for u in alle_uddata(system))]
    for r in regimer:
        for reform in r.reformer:
            navne += [n for n in getattr(reform, "uddata", ()) if n not in navne]
    return navne


def kontroller_variabler(noegler: list[str], variabler: list[str] | None) -> None:
    """En variabel, som intet af regimerne kender, giver BrugerFejl (før en situation læses)."""
    systemer = [byg_system(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])]
    ukendte = [n for n in variabler or [] if not any(n in s.variables for s in systemer)]
    if ukendte:
        raise BrugerFejl(f"--variabler: ukendt variabel '{ukendte[0]}'")


def sammenlign(
    situation: dict,
    periode: str,
    noegler: list[str],
    variabler: list[str] | None = None,
    fremskrivning: bool = False,
    hjaelper=None,
):
    """Beregn ``variabler`` for situationen under hvert regime i ``noegler``.

    Inddata, som kun nogle af regimerne kender (fx en reforms egne), gives til dem, der kender
    dem; de andre ser bort fra dem, og ``advarsler`` siger hvilke. Arbejdssteder, som OpenFisca
    selv oprettede (en person, der ikke er placeret i et), er ikke med i rækkerne. Med
    ``fremskrivning`` bygges regimerne med fremskrevne satser, og hver værdi, der bygger på dem,
    er mærket (``Raekke.fremskrevne``). Med en ledig ``hjaelper``
    (:class:`~openfisca_dk_beskaeftigelse.hjaelpeproces.Hjaelpeproces`) beregnes de sidste regimer
    i en anden proces på samme tid; resultatet er det samme.
    """
    regimer = [regime(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])]
    systemer = {r.noegle: byg_system(r.noegle, fremskrivning) for r in regimer}
    kontroller_variabler(noegler, variabler)
    navne = variabler or standardvariabler(systemer[GAELDENDE_RET], regimer)
    ukendte = inddata_uden_for_regimer(systemer, situation, registrets_systemer)
    opgave = Opgave(
        situation,
        periode,
        tuple(navne),
        bool(fremskrivning),
        {r.noegle: frozenset(_ukendte_for(ukendte, r.noegle)) for r in regimer},
    )
    alle = [r.noegle for r in regimer]
    resultater = hjaelper.beregn(opgave, alle) if hjaelper is not None else None
    if resultater is None:
        resultater = beregn_regimer(opgave, alle)
    raekker: dict[tuple, Raekke] = {}
    laest = set()
    for r in regimer:
        celler, laeste = resultater[r.noegle]
        for v, tekst, hul, fremskrevne in celler:
            noegle = (v.entitet, v.id, v.variabel)
            if noegle not in raekker:
                variabel = systemer[r.noegle].variables[v.variabel]
                raekker[noegle] = Raekke(
                    v.entitet, v.id, v.variabel, variabel.label, list(variabel.reference or [])
                )
            raekke = raekker[noegle]
            raekke.tekster[r.noegle] = tekst
            if hul is not None:
                raekke.huller[r.noegle] = hul
                continue
            raekke.vaerdier[r.noegle] = v
            if fremskrevne:
                raekke.fremskrevne[r.noegle] = fremskrevne
        laest |= laeste
    orden = {n: i for i, n in enumerate(navne)}
    # Medlemmerne i den rækkefølge, de kom (et opslag, ikke list.index: tusinder af personer).
    medlemmer = {m: nr for nr, m in enumerate(dict.fromkeys((e, id_) for e, id_, _ in raekker))}
    sorterede = sorted(raekker.values(), key=lambda x: (medlemmer[(x.entitet, x.id)], orden[x.variabel]))
    # En stak af forslag, der strider mod hinanden, beregnes, men brugeren får at vide hvorfor.
    konflikter = [f"regimet '{r.noegle}': {a}" for r in regimer for a in r.advarsler]
    advarsler = konflikter + ignorerede_inddata(list(systemer.values()), situation, periode, laest)
    return _efterbehandl(
        Sammenligning(
            periode,
            regimer,
            sorterede,
            advarsler + _ukendte_advarsler(ukendte, regimer),
            fremskrivning=bool(fremskrivning),
        ),
        systemer,
        situation,
    )


@dataclass(frozen=True)
class Opgave:
    """En sammenlignings inddata uden regimerne: det, en anden proces behøver for at beregne nogle af dem."""

    situation: dict
    periode: str
    navne: tuple[str, ...]
    fremskrivning: bool
    # Regime -> de inddata (plural, id, variabel), regimet ikke kender og ser bort fra.
    fjernes: dict[str, frozenset]


def beregn_regimer(opgave: Opgave, noegler: list[str]) -> dict[str, tuple[list[tuple], set]]:
    """Regime -> (cellerne, de læste (variabel, periode)) for hvert regime i ``noegler``.

    En celle er (værdi, tekst, hul, fremskrevne) for én variabel og én person eller ét
    arbejdssted. Gældende ret beregnes først, også når den ikke er blandt ``noegler``, og sporer
    sine afhængigheder: hvert andet regimes simulering genbruger gældende rets værdier for alt,
    regimets reformer ikke kan nå (se genbrug), og en variabel med gældende rets værdi har gældende
    rets resultat og tekst.
    """
    systemer = {n: byg_system(n, opgave.fremskrivning) for n in dict.fromkeys([GAELDENDE_RET, *noegler])}
    grundsystem = systemer[GAELDENDE_RET]
    grundlagets_ukendte = opgave.fjernes[GAELDENDE_RET]
    grundlag = byg_simulering(grundsystem, uden_inddata(opgave.situation, grundlagets_ukendte))
    inddata = genbrug.inddata(grundlag)
    afhaengigheder = genbrug.spor(grundlag)
    grundresultater, grundtekster = {}, {}
    resultater = {}
    for regimenoegle, system in systemer.items():
        regimets_ukendte = opgave.fjernes[regimenoegle]
        fremskrevne_satser = fremskrevne_i(system)
        anderledes = set()  # (variabel, periode), hvis værdi under regimet ikke er gældende rets
        if regimenoegle == GAELDENDE_RET:
            simulering, laesninger, spor = grundlag, afhaengigheder, (afhaengigheder, None)
        else:
            # Med fremskrivning sporer regimet sine egne beregninger: en værdi bygger på de
            # fremskrevne satser i dem og i de af gældende rets, regimet genbrugte.
            simulering = genbrug.regimets_simulering(
                system,
                grundlag,
                afhaengigheder,
                inddata,
                lambda system=system, fjernes=regimets_ukendte: byg_simulering(
                    system, uden_inddata(opgave.situation, fjernes)
                ),
                tracer=None if fremskrevne_satser else Laesninger(),
                anderledes=anderledes,
                spor_regimet=bool(fremskrevne_satser),
                # Inddata, kun regimet kender (fx en reforms egne), står ikke i gældende rets simulering.
                egne_inddata=bool(grundlagets_ukendte - regimets_ukendte),
            )
            laesninger = simulering.tracer
            spor = (simulering.tracer, afhaengigheder)
        celler = []
        for navn in (n for n in opgave.navne if n in system.variables):
            variabel = system.variables[navn]
            knude = (navn, periode_for(variabel, opgave.periode))
            # Har regimet gældende rets værdi, er resultatet (og teksten) gældende rets.
            genbrugt = (
                regimenoegle != GAELDENDE_RET
                and navn in grundresultater
                and knude in afhaengigheder.variabler
                and knude not in anderledes
            )
            if genbrugt:
                beregnede, hul = grundresultater[navn]
            else:
                beregnede, hul = _beregn_variabel(system, simulering, opgave.periode, navn)
            if regimenoegle == GAELDENDE_RET:
                grundresultater[navn] = beregnede, hul
            fremskrevne = (
                sorted(
                    {
                        (fremskrevet, dato)
                        for parameter, dato in genbrug.laeste_parametre(spor[0], [knude], spor[1])
                        for fremskrevet in laeste_fremskrevne(fremskrevne_satser, parameter, dato)
                    }
                )
                if fremskrevne_satser and hul is None
                else []
            )
            for v in beregnede:
                if hul is not None:
                    celler.append((v, f"ikke beregnet (hul i kilderne: {hul.navn})", hul, []))
                    continue
                # Samme variabel og værdi som under gældende ret: samme tekst.
                noegle = (v.entitet, v.id, v.variabel)
                tekst = grundtekster[noegle] if genbrugt else v.tekst(variabel)
                if regimenoegle == GAELDENDE_RET:
                    grundtekster[noegle] = tekst
                celler.append((v, tekst + (MAERKE if fremskrevne else ""), None, fremskrevne))
        if regimenoegle in noegler:
            resultater[regimenoegle] = celler, set(laesninger.laest)
        if regimenoegle == GAELDENDE_RET:
            # Regimerne deler grundlagets arrays; en formel, der ændrer et af dem, skal fejle.
            genbrug.skrivebeskyt(grundlag)
    return resultater


def _ukendte_for(ukendte: dict, noegle: str) -> list[tuple[str, str, str]]:
    return [sted for sted, regimer in ukendte.items() if noegle in regimer]


def _ukendte_advarsler(ukendte: dict, regimer: list[Regime]) -> list[str]:
    """Én advarsel per inddata, som nogle af regimerne ikke kender og derfor ser bort fra.

    Den korteste liste nævnes: de regimer, der ser bort fra værdien, eller dem, der bruger den.
    """
    advarsler = []
    for (plural, id_, navn), uden in ukendte.items():
        med = [r.noegle for r in regimer if r.noegle not in uden]
        if not med:
            hvem = f"findes ikke under de valgte regimer ({', '.join(uden)}), der ser bort fra værdien"
        elif len(uden) <= len(med):
            hvem = f"findes ikke under {', '.join(uden)}, der ser bort fra værdien"
        else:
            hvem = f"findes kun under {', '.join(med)}; de øvrige {len(uden)} regimer ser bort fra værdien"
        advarsler.append(f"{plural}/{id_}/{navn} {hvem}")
    return advarsler


def _efterbehandl(s: Sammenligning, systemer: dict, situation: dict) -> Sammenligning:
    """Uden OpenFiscas egne arbejdssteder, med nye variablers standardværdi og uddataenes art."""
    grund = systemer[GAELDENDE_RET]
    s.raekker = [x for x in s.raekker if not oprettet_af_openfisca(grund, situation, x.entitet, x.id)]
    for x in s.raekker:
        if x.ny:
            x.standard = _standardvaerdi(systemer[x.ny_under[0]].variables[x.variabel])
    s.arter = {u.variabel: u.art for u in alle_uddata(grund)}
    return s


def _beregn_variabel(system, simulering, periode: str, navn: str):
    """Én variabels værdier, eller (tomme værdier, hullet), hvis en parameter mangler i kilderne."""
    try:
        return vaerdier(system, simulering, periode, [navn]), None
    except ParameterHulError as hul:
        population = simulering.get_variable_population(navn)
        return [Vaerdi(population.entity.plural, str(i), navn, None) for i in population.ids], hul


def _json_vaerdi(v: Vaerdi | None):
    if v is None:
        return None
    x = v.vaerdi
    if isinstance(x, datetime.date):
        return None if x == INGEN_DATO else x.isoformat()
    if isinstance(x, float):
        return round(x, 2)
    return x


def kun_afvigende(s: Sammenligning) -> Sammenligning:
    """Sammenligningen med kun de rækker, der afviger fra gældende ret under et regime (eller har et
    hul i kilderne); sammenfatningen per medlem er den samme."""

    def afvigende(raekker: list[Raekke]) -> list[Raekke]:
        return [x for x in raekker if s.afvigende_regimer(x) or x.huller]

    medlemmer = [dataclasses.replace(m, raekker=afvigende(m.raekker)) for m in s.medlemmer()]
    return dataclasses.replace(s, raekker=afvigende(s.raekker), _medlemmer=medlemmer)


def som_dict(s: Sammenligning) -> dict:
    noegler = [r.noegle for r in s.regimer]
    return {
        "format_version": FORMAT_VERSION,
        "periode": s.periode,
        "fremskrivning": s.fremskrivning,
        "regimer": [
            {
                "noegle": r.noegle,
                "navn": r.navn,
                "reformer": r.reformstier,
                "status": r.status,
                **reformfil.regime_dict(r),
            }
            for r in s.regimer
        ],
        "medlemmer": [
            {
                "entitet": m.entitet,
                "id": m.id,
                "aendret_under": m.aendret_under,
                "uaendret_under": m.uaendret_under,
                "afvigende_variabler": [x.variabel for x in m.afvigende],
            }
            for m in s.medlemmer()
        ],
        "resultater": [
            {
                "entitet": x.entitet,
                "id": x.id,
                "variabel": x.variabel,
                "label": x.label,
                "reference": x.reference,
                "vaerdier": {n: _json_vaerdi(x.vaerdier.get(n)) for n in noegler},
                "tekster": {n: x.tekster.get(n) for n in noegler},
                "afviger_fra_gaeldende_ret": s.afvigende_regimer(x),
                "ny_under": x.ny_under,
                "huller": {n: {"parameter": h.navn, "dato": h.dato} for n, h in x.huller.items()},
                "fremskrevne": {n: som_liste(f) for n, f in x.fremskrevne.items()},
            }
            for x in s.raekker
        ],
        "advarsler": s.advarsler,
    }


def som_json(s: Sammenligning) -> str:
    return json.dumps(som_dict(s), ensure_ascii=False, indent=2)


def som_csv(s: Sammenligning, situation: str) -> str:
    """Én række per variabel og regime; ``situation`` (filen) skiller rækkerne fra flere filer ad."""
    ud = io.StringIO()
    skriver = csv.writer(ud, lineterminator="\n")
    skriver.writerow(
        [
            "situation",
            "entitet",
            "id",
            "variabel",
            "regime",
            "vaerdi",
            "tekst",
            "afviger_fra_gaeldende_ret",
            "reference",
            "note",
        ]
    )
    for x in s.raekker:
        for r in s.regimer:
            vaerdi = _json_vaerdi(x.vaerdier.get(r.noegle))
            skriver.writerow(
                [
                    situation,
                    x.entitet,
                    x.id,
                    x.variabel,
                    r.noegle,
                    "" if vaerdi is None else vaerdi,
                    x.tekster.get(r.noegle, ""),
                    "ja" if x.afviger(r.noegle) else "nej",
                    x.reference[0] if x.reference else "",
                    _note(x, r.noegle),
                ]
            )
    # Regimernes egne ændringer (reformfiler, --saet) som rækker med entiteten "parameter".
    for r in s.regimer:
        for a in reformfil.aendringer(r):
            efter = a.som_dict()["efter"]
            skriver.writerow(
                [
                    situation,
                    "parameter",
                    "",
                    a.parameter,
                    r.noegle,
                    json.dumps(efter, ensure_ascii=False) if isinstance(efter, list) else efter,
                    a.tekst(),
                    "ja",
                    "; ".join(a.hjemmel),
                    f"sat af {', '.join(r.oprindelse)}",
                ]
            )
    return ud.getvalue()


def _note(x: Raekke, noegle: str) -> str:
    hul = x.huller.get(noegle)
    if hul is not None:
        return f"ikke beregnet: hul i kilderne ({hul.navn} den {hul.dato})"
    if noegle not in x.tekster:
        return "variablen findes ikke under regimet"
    noter = ["ny variabel (findes ikke i gældende ret)"] if x.ny else []
    if fremskrevne := x.fremskrevne.get(noegle):
        noter.append(f"fremskrevet: {som_tekst(fremskrevne)}")
    return "; ".join(noter)


def _forklaring_af_maerket(sammenligninger: list[Sammenligning]) -> str | None:
    """Linjen, der forklarer "(fremskrevet)", hvis en værdi bygger på fremskrevne satser."""
    if not any(x.fremskrevne for s in sammenligninger for x in s.raekker):
        return None
    return (
        f"{MAERKE.strip()} = bygger på satser fremskrevet efter den sidst offentliggjorte værdi "
        "med antagne reguleringsprocenter (parameters/regulering); parametrene står i JSON og CSV."
    )


def _medlemmer(s: Sammenligning):
    for noegle in dict.fromkeys((x.entitet, x.id) for x in s.raekker):
        yield noegle, [x for x in s.raekker if (x.entitet, x.id) == noegle]


# Uddataenes art (``uddata.ARTER``) i sammenfatningen; "ny" er en reforms egen variabel.
ARTSORD = {
    "status": "status og målgruppe",
    "ret": "rettigheder",
    "beloeb": "beløb",
    "pligt": "pligter",
    "frist": "frister",
    "anden": "andet",
    "ny": "nye variabler",
}


@dataclass(frozen=True)
class Punkt:
    """Én linje i notatet: en variabel, der afviger (``≠``) eller ikke kunne beregnes (``!``)."""

    raekke: Raekke
    maerke: str
    tekst: str


def grupper(m: Medlem) -> list[tuple[list[str], list[Punkt]]]:
    """Afvigelserne og hullerne for personen, samlet efter de regimer, der har dem ens.

    Hver gruppe er (regimer, punkter): under de regimer har hver af punkternes variabler samme
    værdi (eller samme hul i kilderne). En variabel, der ændres forskelligt under to regimer,
    står i to grupper.
    """
    resultat: dict[tuple[str, ...], list[Punkt]] = {}
    for x in m.raekker:
        ens: dict[tuple[str, str], list[str]] = {}
        for noegle, tekst in x.tekster.items():
            if noegle in x.huller:
                ens.setdefault((IKKE_BEREGNET, tekst), []).append(noegle)
            elif x.afviger(noegle):
                ens.setdefault((AFVIGER, tekst), []).append(noegle)
        for (maerke, tekst), regimer in ens.items():
            if maerke == AFVIGER:
                tekst = f"ny: {tekst}" if x.ny else f"{x.tekster[GAELDENDE_RET]} → {tekst}"
            resultat.setdefault(tuple(regimer), []).append(Punkt(x, maerke, tekst))
    return [(list(regimer), punkter) for regimer, punkter in resultat.items()]


def sammenfatning(s: Sammenligning, m: Medlem) -> str:
    """Én linje: hvor mange regimer ændrer noget for personen, og hvad (antal variabler efter art)."""
    andre = len(m.aendret_under) + len(m.uaendret_under)
    if not andre:
        return "kun gældende ret er beregnet"
    if not m.aendret_under:
        return f"ingen ændringer under de {andre} regimer"
    antal: dict[str, int] = {}
    for x in m.afvigende:
        art = "ny" if x.ny else s.arter.get(x.variabel, "anden")
        antal[art] = antal.get(art, 0) + 1
    hvad = ", ".join(f"{ARTSORD[a]} ({antal[a]})" for a in ARTSORD if a in antal)
    return f"ændres under {len(m.aendret_under)} af {andre} regimer: {hvad}"


def _hjemmel(x: Raekke) -> str:
    return f" ({x.reference[0]})" if x.reference else ""


def naeste_skridt(
    resultater: list[tuple[str, Sammenligning]], alle: bool = False, maerker: bool = True
) -> list[str]:
    """Hvor man læser videre: alle rækker, forklaringen af en afvigelse og web-API'et.

    ``resultater`` er (situationen, som den skrives på kommandolinjen, sammenligningen); forklaringens
    eksempel er den første afvigelse, så kommandoen kan kopieres, som den står. ``maerker`` sætter
    mærkernes forklaring først.
    """
    linjer = [f"{AFVIGER} = afviger fra gældende ret; {IKKE_BEREGNET} = ikke beregnet (hul i kilderne)."]
    if forklaring := _forklaring_af_maerket([s for _, s in resultater]):
        linjer.append(forklaring)
    if not maerker:
        linjer = []
    if not alle:
        linjer.append("Alle rækker, også de uændrede: samme kommando med --alle.")
    eksempel = next(
        (
            (fil, s.periode, m.id, p.raekke.variabel, regimer[0], s.fremskrivning)
            for fil, s in resultater
            for m in s.medlemmer()
            for regimer, punkter in grupper(m)
            for p in punkter
            if p.maerke == AFVIGER
        ),
        None,
    )
    if eksempel is not None:
        fil, periode, id_, variabel, noegle, fremskrivning = eksempel
        # Samme satser som notatet: uden flaget ville forklaringen stoppe ved hullet.
        flag = " --fremskrivning" if fremskrivning else ""
        linjer.append(
            f"Hvorfor en værdi er, som den er: dk-beskaeftigelse forklar {fil} --person {shlex.quote(id_)} "
            f"--variabel {variabel} --periode {periode} --regime {noegle}{flag}"
        )
    linjer.append(
        "Regimerne som web-API: dk-beskaeftigelse serve (eller make serve), derefter "
        "http://127.0.0.1:5000/ og POST /sammenlign; dokumentationen: make docs."
    )
    return linjer


def som_markdown(s: Sammenligning, alle: bool = False) -> str:
    """Notatet: afvigelserne først, per person og arbejdssted; ``alle`` giver hver række som tabel."""
    linjer = [f"# Sammenligning for {s.periode}", ""]
    for m in s.medlemmer():
        linjer += [f"## {m.id} ({m.entitet})", "", _stort(sammenfatning(s, m)) + ".", ""]
        if alle:
            linjer += _markdowntabel(s, m)
            continue
        for regimer, punkter in grupper(m):
            linjer += ["Under " + ", ".join(f"`{n}`" for n in regimer) + ":", ""]
            linjer += [
                f"- {p.maerke} `{p.raekke.variabel}`{_hjemmel(p.raekke)}: {_md(p.tekst)}" for p in punkter
            ]
            linjer.append("")
        if m.aendret_under and m.uaendret_under:
            linjer += ["Uændret under " + ", ".join(f"`{n}`" for n in m.uaendret_under) + ".", ""]
    linjer += reformfil.som_markdown(s.regimer)
    linjer.append(f"{AFVIGER} = afviger fra gældende ret.")
    if forklaring := _forklaring_af_maerket([s]):
        linjer += ["", forklaring]
    return "\n".join(linjer) + "\n"


def _stort(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _md(tekst: str) -> str:
    return tekst.replace("|", "\\|")


def _markdowntabel(s: Sammenligning, m: Medlem) -> list[str]:
    linjer = ["| Variabel | Hjemmel | " + " | ".join(r.navn for r in s.regimer) + " |"]
    linjer.append("|---|---|" + "---|" * len(s.regimer))
    for x in m.raekker:
        celler = []
        for r in s.regimer:
            tekst = _md(x.tekster.get(r.noegle, "—"))
            if x.ny and r.noegle in x.tekster:
                tekst = f"ny: {tekst}"
            celler.append(f"**{tekst}** {AFVIGER}" if x.afviger(r.noegle) else tekst)
        hjemmel = x.reference[0] if x.reference else ""
        linjer.append(f"| {_md(x.label)} (`{x.variabel}`) | {hjemmel} | " + " | ".join(celler) + " |")
    return [*linjer, ""]


STIL = {AFVIGER: "bold yellow", IKKE_BEREGNET: "red"}


def _indrykket(tekst: Text, trin: int) -> Padding:
    # fold: en nøgle, der er længere end linjen (en lang stak), deles, men mister intet tegn.
    tekst.overflow = "fold"
    return Padding(tekst, (0, 0, 0, trin))


def som_tabel(s: Sammenligning, alle: bool = False) -> Group:
    """Notatet i terminalen: per person og arbejdssted sammenfatningen og afvigelserne, samlet efter
    de regimer, der har dem; ``alle`` giver hver række (:func:`_alle_raekker`).

    Id'er, variabler og regimenøgler står hele, så de kan kopieres; afvigelser er mærket ``≠`` (og
    gule). Hjemlen og de regimer, der intet ændrer for personen, står i ``--alle`` og i JSON; de
    regimer, der intet ændrer for nogen, nævnes én gang til sidst (:func:`uaendret_for_alle`), så
    notatet for eksemplerne kan læses på en skærm.
    """
    if alle:
        return _alle_raekker(s)
    dele = []
    for m in s.medlemmer():
        dele.append(
            _indrykket(Text.assemble((f"{m.id} ({m.entitet})", "bold"), f": {sammenfatning(s, m)}"), 0)
        )
        for regimer, punkter in grupper(m):
            dele.append(_indrykket(Text("under " + ", ".join(regimer) + ":"), 2))
            for p in punkter:
                dele.append(
                    _indrykket(
                        Text.assemble(
                            (p.maerke, STIL[p.maerke]), " ", (p.raekke.variabel, "bold"), f": {p.tekst}"
                        ),
                        4,
                    )
                )
    dele += reformfil.som_tabeller(s.regimer)
    return Group(*dele)


def uaendret_for_alle(sammenligninger: list[Sammenligning]) -> list[str]:
    """Regimerne, der intet ændrer for nogen person eller noget arbejdssted i sammenligningerne."""
    medlemmer = [m for s in sammenligninger for m in s.medlemmer()]
    if not medlemmer:
        return []
    return [n for n in medlemmer[0].uaendret_under if all(n in m.uaendret_under for m in medlemmer)]


def _alle_raekker(s: Sammenligning) -> Group:
    """Hver række for hver person og hvert arbejdssted: regimerne samlet efter ens værdi.

    Ingen tabel: i en smal terminal ville en tabel dele variabelnavne og regimenøgler; her står
    hver på sin linje. En ny variabel vises som "ny under <regime>: <værdi>"; ``≠`` mærker en
    afvigelse fra gældende ret (for en ny variabel: en værdi, der giver eller pålægger noget).
    """
    dele = []
    for m in s.medlemmer():
        dele.append(_indrykket(Text(f"{m.id} ({m.entitet}) — {s.periode}", style="bold"), 0))
        for x in m.raekker:
            dele.append(
                _indrykket(
                    Text.assemble((x.variabel, "bold"), f" — {x.label}", (_hjemmel(x), "dim")),
                    2,
                )
            )
            for maerke, hvem, tekst in _vaerdilinjer(x, [r.noegle for r in s.regimer]):
                dele.append(
                    _indrykket(
                        Text.assemble(
                            (f"{maerke} " if maerke else "", STIL.get(maerke, "")), f"{hvem}: {tekst}"
                        ),
                        6,
                    )
                )
    dele += reformfil.som_tabeller(s.regimer)
    dele.append(Text(f"{AFVIGER} (gult): afviger fra gældende ret.", style="dim"))
    if forklaring := _forklaring_af_maerket([s]):
        dele.append(Text(forklaring, style="dim"))
    return Group(*dele)


def _vaerdilinjer(x: Raekke, noegler: list[str]) -> list[tuple[str, str, str]]:
    """(mærke, hvilke regimer, tekst) for hver forskellig værdi i rækken, i regimernes orden."""
    ens: dict[tuple[str, str], list[str]] = {}
    for noegle in noegler:
        if noegle in x.huller:
            maerke, tekst = IKKE_BEREGNET, x.tekster[noegle]
        elif noegle not in x.tekster:
            maerke, tekst = "", "findes ikke"
        else:
            maerke, tekst = (AFVIGER if x.afviger(noegle) else ""), x.tekster[noegle]
        ens.setdefault((maerke, tekst), []).append(noegle)
    linjer = []
    for (maerke, tekst), regimer in ens.items():
        if len(regimer) == len(noegler) > 1:
            hvem = f"alle {len(regimer)} regimer"
        elif regimer[0] == GAELDENDE_RET and len(regimer) > 2:
            hvem = f"{GAELDENDE_RET} og {len(regimer) - 1} andre"
        else:
            hvem = ", ".join(regimer)
        if x.ny and tekst != "findes ikke" and maerke != IKKE_BEREGNET:
            hvem = f"ny under {hvem}"
        linjer.append((maerke, hvem, tekst))
    return linjer
