"""Kalibreringstabellen: den syntetiske befolkning ved siden af de tal, den er kalibreret til.

``kalibrering(personer, seed, periode)`` genererer befolkningen (``population.generer``) og
giver én række (``Raekke``) for hvert tal i datafilen (``data/befolkning.yaml``), som generatoren
bruger: befolkningen i alt, personer efter gruppe (ydelse og målgruppe) og efter ydelse, alders- og
varighedsfordelingen i hver gruppe, andelene (uddannelse, forsørgerpligt, enlig, deltid, lange
sygdomsforløb), lønfordelingen, arbejdsstederne og deres størrelse, de støttede og reformernes
personer (dimittender, iværksætterforløb, forretningsplaner, virksomhedspraktik). Hver række har
datafilens kilde og år, det offentliggjorte (eller antagne) tal, befolkningens tal, afvigelsen
(absolut og i procent) og tolerancen fra datafilens ``kalibrering.tolerancer`` med dens grund.

Antal står i hele den danske befolkning (opregnet med vægten); fordelinger inden for en gruppe
står som andele, så en afvigelse i gruppens størrelse ikke tælles med igen i dens fordeling.
Tolerancen for en andel p blandt n syntetiske enheder er ``standardfejl`` × sqrt(p (1 - p) / n).

``som_tekst``, ``som_csv`` og ``som_json`` viser tabellen (``dk-beskaeftigelse kalibrering``);
``som_markdown`` er dokumentationens side.
"""

import csv
import io
import json
import math
from dataclasses import asdict, dataclass

import numpy

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.effekt import dansk_tal
from openfisca_dk_beskaeftigelse.population import (
    DAGE_PR_AAR,
    DAGE_PR_MAANED,
    GRUPPER,
    Befolkning,
    generer,
    i_grupper,
    indlaes_data,
    uddannelse_fastlagt,
)
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system

# Befolkningen i kommandoen og på dokumentationens side: stor nok til, at en flytning på 1-2
# procentpoint i en gruppes fordeling falder uden for tolerancen, og genereret på omkring et sekund.
STANDARD_PERSONER = 500_000
STIKPROEVE, EKSAKT = "stikproeve", "eksakt"
# Tabellens afsnit (nøglen i hver række) → overskrift på dokumentationens side.
AFSNIT = {
    "befolkning": "Befolkningen i alt",
    "grupper": "Personer efter gruppe (ydelse og målgruppe)",
    "ydelse": "Personer efter ydelse",
    "alder": "Aldersfordelingen i hver gruppe",
    "varighed": "Varigheden i hver gruppe (ledighed, sygdom eller ydelse)",
    "andele": "Andele",
    "loen": "Lønfordelingen",
    "virksomheder": "Arbejdssteder",
    "stoettet": "Støttet beskæftigelse",
    "reformernes_personer": "Reformernes personer",
}
ANTAGET = "antaget"
# Aldersgrupperne i datafilens andele (nøgle → [fra, til) år).
ALDERSGRUPPER = {"16_24": (16, 25), "25_29": (25, 30), "30_49": (30, 50), "50_66": (50, 67)}
FORSOERGERE_ALDER = (25, 56)  # datafilens andel med forsørgerpligt gælder de 25-55-årige
# Kolonner i GRUPPER (population): ydelsen, og om gruppen har en ledigheds- eller ydelsesstart.
YDELSE, HAR_START = 0, 5


@dataclass(frozen=True)
class Raekke:
    """Én række i kalibreringstabellen."""

    afsnit: str
    raekke: str
    kilde: str  # kilde-id i datafilen, eller "antaget"
    aar: str
    enhed: str  # personer, arbejdssteder eller andel
    offentliggjort: float
    genereret: float | None  # None: ingen syntetiske enheder i grundlaget
    tolerance: float
    tolerance_art: str  # nøgle i datafilens kalibrering.tolerancer
    grundlag: int  # antal syntetiske enheder, tallet er opgjort blandt

    @property
    def antaget(self) -> bool:
        return ANTAGET in self.kilde

    @property
    def afvigelse(self) -> float | None:
        return None if self.genereret is None else self.genereret - self.offentliggjort

    @property
    def afvigelse_pct(self) -> float | None:
        if self.afvigelse is None or self.offentliggjort == 0:
            return None
        return 100 * self.afvigelse / self.offentliggjort

    @property
    def inden_for(self) -> bool:
        """Afvigelsen er højst tolerancen (en række uden syntetiske enheder er ikke inden for)."""
        # En brøkdel af en vægt dækker afrundingen i float64.
        return self.afvigelse is not None and bool(abs(self.afvigelse) <= self.tolerance * (1 + 1e-9) + 1e-12)

    def som_dict(self) -> dict:
        return {
            **asdict(self),
            "antaget": self.antaget,
            "afvigelse": self.afvigelse,
            "afvigelse_pct": self.afvigelse_pct,
            "inden_for": self.inden_for,
        }


@dataclass
class Kalibrering:
    personer: int
    seed: int
    periode: str
    vaegt: float
    raekker: list[Raekke]
    tolerancer: dict  # datafilens kalibrering.tolerancer: art → {standardfejl, grund}
    kilder: dict  # datafilens kilder: id → {titel, url, aar}

    @property
    def uden_for(self) -> list[Raekke]:
        return [r for r in self.raekker if not r.inden_for]


class _Opgoerelse:
    """Samler rækkerne; kender vægten og tolerancerne."""

    def __init__(self, vaegt: float, tolerancer: dict) -> None:
        self.vaegt = vaegt
        self.standardfejl = {STIKPROEVE: tolerancer[STIKPROEVE]["standardfejl"]}
        self.enheder = tolerancer[EKSAKT]["enheder"]
        self.raekker: list[Raekke] = []

    def andel(self, afsnit, raekke, kilde, aar, andel: float, hvem: numpy.ndarray, blandt: numpy.ndarray):
        """Andelen ``andel`` mod andelen af ``blandt``, der er ``hvem`` (stikprøvetolerance)."""
        n = int(numpy.count_nonzero(blandt))
        genereret = float(numpy.count_nonzero(hvem & blandt) / n) if n else None
        tolerance = self.standardfejl[STIKPROEVE] * math.sqrt(andel * (1 - andel) / max(n, 1))
        self.raekker.append(
            Raekke(afsnit, raekke, kilde, _aar(aar), "andel", andel, genereret, tolerance, STIKPROEVE, n)
        )

    def antal(self, afsnit, raekke, kilde, aar, antal: float, hvem: numpy.ndarray, i_alt: float, enhed):
        """Et antal (``antal`` af befolkningens ``i_alt``) mod de opregnede ``hvem`` (stikprøvetolerance)."""
        n = len(hvem)
        p = antal / i_alt
        # Standardfejlen på antallet blandt n trukne, regnet om til hele befolkningen (× vægten).
        tolerance = self.standardfejl[STIKPROEVE] * math.sqrt(p * (1 - p) * n) * self.vaegt
        genereret = float(numpy.count_nonzero(hvem) * self.vaegt)
        self.raekker.append(
            Raekke(afsnit, raekke, kilde, _aar(aar), enhed, antal, genereret, tolerance, STIKPROEVE, n)
        )

    def eksakt(self, afsnit, raekke, kilde, aar, antal: float, genereret: float, grundlag: int, enhed):
        """Et tal, der ikke er trukket: kun afrundingen til hele syntetiske enheder (én vægt) er tilladt."""
        tolerance = self.enheder * self.vaegt
        self.raekker.append(
            Raekke(
                afsnit, raekke, kilde, _aar(aar), enhed, antal, float(genereret), tolerance, EKSAKT, grundlag
            )
        )


def _aar(aar) -> str:
    return "" if aar is None else str(aar)


def _kilde(*kilder: str) -> str:
    """Rækkens kilder, hver én gang, i rækkefølge (et afledt tal nævner alle)."""
    return ", ".join(dict.fromkeys(kilder))


def kalibrering(
    personer: int, seed: int = 0, periode: str | None = None, data: dict | None = None
) -> Kalibrering:
    """Kalibreringstabellen for en befolkning på ``personer`` syntetiske personer (``seed``) i ``periode``
    (standard: januar i befolkningens opgørelsesår); ``data`` er datafilen (standard: den installerede)."""
    data = data or indlaes_data()
    periode = periode or f"{data['befolkning']['aar']}-01"
    befolkning = generer(personer, periode, byg_system(GAELDENDE_RET), seed=seed, data=data)
    return tabel(befolkning, data, seed)


def tabel(befolkning: Befolkning, data: dict, seed: int = 0) -> Kalibrering:
    """Kalibreringstabellen for en allerede genereret befolkning mod datafilen ``data``."""
    tolerancer = data["kalibrering"]["tolerancer"]
    o = _Opgoerelse(befolkning.vaegt, tolerancer)
    p = befolkning.personer
    start = numpy.datetime64(f"{befolkning.periode}-01", "D")
    alder = (start - p["foedselsdato"]).astype(float) / DAGE_PR_AAR
    alle = numpy.ones(befolkning.antal, dtype=bool)
    total = data["befolkning"]
    o.eksakt(
        "befolkning",
        "Personer 16-66 år i alt",
        total["kilde"],
        total["aar"],
        total["antal"],
        befolkning.antal * befolkning.vaegt,
        befolkning.antal,
        "personer",
    )
    grupper = data["grupper"]
    i_gruppe = {g["noegle"]: i_grupper(befolkning, [g["noegle"]]) for g in grupper}
    for g in grupper:
        o.antal(
            "grupper",
            g["noegle"],
            g["kilde"],
            g["aar"],
            g["antal"],
            i_gruppe[g["noegle"]],
            total["antal"],
            "personer",
        )
    _efter_ydelse(o, befolkning, grupper, total["antal"])
    for g in grupper:
        for fra, til, andel in g["alder"]:
            hvem = (alder >= fra) & (alder < til + 1)
            o.andel(
                "alder",
                f"{g['noegle']}, {fra}-{til} år",
                g["alder_kilde"],
                g["aar"],
                andel / sum(b[2] for b in g["alder"]),
                hvem,
                i_gruppe[g["noegle"]],
            )
    varighed = (start - p["ledighed_startdato"]).astype(float) / DAGE_PR_MAANED
    for g in grupper:
        if not GRUPPER[g["noegle"]][HAR_START]:
            continue  # gruppen har ingen ledigheds- eller ydelsesstart; varigheden bruges ikke
        for fra, til, andel in g["varighed_maaneder"]:
            hvem = (varighed >= fra) & (varighed < til)
            o.andel(
                "varighed",
                f"{g['noegle']}, {fra}-{til} mdr.",
                g["varighed_kilde"],
                g["aar"],
                andel / sum(b[2] for b in g["varighed_maaneder"]),
                hvem,
                i_gruppe[g["noegle"]],
            )
    _andele(o, befolkning, data["andele"], alder, i_gruppe)
    loen = data["loen"]
    for kvantil, beloeb in loen["kvantiler"]:
        o.andel(
            "loen",
            f"Månedsløn under {beloeb:,} kr. (P{round(100 * kvantil)})".replace(",", "."),
            loen["kilde"],
            loen["aar"],
            kvantil,
            p["maanedsloen"] < beloeb,
            alle,
        )
    _virksomheder(o, befolkning, data)
    _reformernes_personer(o, befolkning, data, i_gruppe)
    return Kalibrering(
        befolkning.antal, seed, befolkning.periode, befolkning.vaegt, o.raekker, tolerancer, data["kilder"]
    )


def _efter_ydelse(o: _Opgoerelse, befolkning: Befolkning, grupper: list, i_alt: float) -> None:
    """Personer efter ydelse: summen af gruppernes antal for hver ydelse (kilderne for alle grupperne)."""
    ydelser: dict[str, list] = {}
    for g in grupper:
        ydelse = GRUPPER[g["noegle"]][YDELSE]
        if ydelse != "ingen":
            ydelser.setdefault(ydelse, []).append(g)
    for ydelse, gs in ydelser.items():
        hvem = i_grupper(befolkning, [g["noegle"] for g in gs])
        kilde = _kilde(*(g["kilde"] for g in gs))
        aar = _kilde(*(str(g["aar"]) for g in gs))
        o.antal("ydelse", ydelse, kilde, aar, sum(g["antal"] for g in gs), hvem, i_alt, "personer")


def _andele(o: _Opgoerelse, befolkning: Befolkning, andele: dict, alder, i_gruppe: dict) -> None:
    p = befolkning.personer
    alder_aar = numpy.floor(alder).astype(int)
    udd = andele["erhvervskompetencegivende_uddannelse"]
    # Kun de personer, hvis uddannelse er trukket efter aldersandelen (ikke fastlagt af deres status).
    fastlagt, _ = uddannelse_fastlagt(befolkning, alder_aar, p["er_dimittend"])
    for noegle, (fra, til) in ALDERSGRUPPER.items():
        blandt = ~fastlagt & (alder_aar >= fra) & (alder_aar < til)
        o.andel(
            "andele",
            f"Erhvervskompetencegivende uddannelse, {fra}-{til - 1} år (trukne)",
            udd["kilde"],
            udd["aar"],
            udd[noegle],
            p["har_erhvervskompetencegivende_uddannelse"],
            blandt,
        )
    fors = andele["forsoergerpligt"]
    fra, til = FORSOERGERE_ALDER
    o.andel(
        "andele",
        f"Forsørgerpligt, {fra}-{til - 1} år",
        fors["kilde"],
        fors["aar"],
        fors["andel"],
        p["har_forsoergerpligt"],
        (alder_aar >= fra) & (alder_aar < til),
    )
    enlig = andele["enlig"]
    o.andel(
        "andele",
        "Enlig",
        enlig["kilde"],
        enlig["aar"],
        enlig["andel"],
        p["er_enlig"],
        numpy.ones(befolkning.antal, dtype=bool),
    )
    deltid = andele["deltid_ugentlig_arbejdstid"]
    o.andel(
        "andele",
        f"Deltid ({deltid['timer_deltid']} timer) blandt lønmodtagere",
        deltid["kilde"],
        deltid["aar"],
        deltid["andel_deltid"],
        p["ugentlig_arbejdstid"] < deltid["timer_fuldtid"],
        i_gruppe["loenmodtager"],
    )
    lang = andele["sygdom_forventet_over_8_uger"]
    syge = p["sygemelding_startdato"] != numpy.datetime64(INGEN_DATO, "D")
    uden_prognose = p["forventet_raskmelding_dato"] == numpy.datetime64(INGEN_DATO, "D")
    o.andel(
        "andele",
        "Sygemeldte, forventet over 8 uger",
        lang["kilde"],
        lang.get("aar"),
        lang["andel"],
        uden_prognose,
        syge,
    )


def _virksomheder(o: _Opgoerelse, befolkning: Befolkning, data: dict) -> None:
    virk = data["virksomheder"]
    steder = befolkning.uden_arbejdssted
    o.eksakt(
        "virksomheder",
        "Arbejdssteder med ansatte",
        virk["kilde"],
        virk["aar"],
        virk["antal_arbejdssteder"],
        steder * befolkning.vaegt,
        steder,
        "arbejdssteder",
    )
    ansatte = befolkning.virksomheder["antal_ordinaert_ansatte"][:steder]
    alle_steder = numpy.ones(steder, dtype=bool)
    for fra, til, andel in virk["stoerrelse"]:
        o.andel(
            "virksomheder",
            f"Arbejdssteder med {fra}-{til} ansatte",
            virk["stoerrelse_kilde"],
            virk["aar"],
            andel,
            (ansatte >= fra) & (ansatte <= til),
            alle_steder,
        )
    stoettet = befolkning.rolle == 1
    # Hvert værtsarbejdssted har mindst én støttet; andelen af arbejdsstederne er afrundet til hele steder.
    vaerter = numpy.unique(befolkning.arbejdssted[stoettet])
    o.eksakt(
        "virksomheder",
        "Arbejdssteder med støttede (værtsarbejdssteder)",
        virk["andel_med_stoettede_kilde"],
        virk["aar"],
        virk["andel_med_stoettede"] * virk["antal_arbejdssteder"],
        len(vaerter) * befolkning.vaegt,
        steder,
        "arbejdssteder",
    )
    stoettede = data["stoettet_beskaeftigelse"]
    o.antal(
        "stoettet",
        "Personer i støttet beskæftigelse (praktik, løntilskud, nytteindsats)",
        _kilde(*(v["kilde"] for v in stoettede.values())),
        _kilde(*(str(v["aar"]) for v in stoettede.values())),
        sum(v["antal"] for v in stoettede.values()),
        stoettet,
        data["befolkning"]["antal"],
        "personer",
    )


def _reformernes_personer(o: _Opgoerelse, befolkning: Befolkning, data: dict, i_gruppe: dict) -> None:
    """Dimittender, iværksætterforløb, forretningsplaner og virksomhedspraktik blandt dem, de gælder."""
    p = befolkning.personer
    reform = data["reformernes_personer"]
    dim = reform["dimittend"]
    dimittend = p["er_dimittend"]
    o.andel(
        "reformernes_personer",
        f"Dimittender blandt {dim['blandt']}",
        dim["kilde"],
        dim.get("aar"),
        dim["andel"],
        dimittend,
        i_gruppe[dim["blandt"]],
    )
    loeb = reform["ivaerksaetterforloeb"]
    o.andel(
        "reformernes_personer",
        "I iværksætterforløb, blandt dimittender",
        loeb["kilde"],
        loeb.get("aar"),
        loeb["andel"],
        p["i_ivaerksaetterforloeb"],
        dimittend,
    )
    afsluttet = reform["ivaerksaetterforloeb_afsluttet"]
    fra, til = afsluttet["afsluttet_for_maaneder"]
    o.andel(
        "reformernes_personer",
        f"Iværksætterforløb afsluttet for {fra}-{til} mdr. siden, blandt dimittender",
        afsluttet["kilde"],
        afsluttet.get("aar"),
        afsluttet["andel"],
        p["ivaerksaetterforloeb_slutdato"] != numpy.datetime64(INGEN_DATO, "D"),
        dimittend,
    )
    plan = reform["levedygtig_forretningsplan"]
    o.andel(
        "reformernes_personer",
        "Levedygtig forretningsplan, blandt ledige på dagpenge, kontant- og uddannelseshjælp",
        plan["kilde"],
        plan.get("aar"),
        plan["andel"],
        p["levedygtig_forretningsplan"],
        i_grupper(befolkning, plan["blandt"]),
    )
    praktik = reform["virksomhedspraktik"]
    stoettede = data["stoettet_beskaeftigelse"]
    andel = stoettede["virksomhedspraktik"]["antal"] / sum(v["antal"] for v in stoettede.values())
    o.andel(
        "reformernes_personer",
        "I virksomhedspraktik, blandt de støttede",
        praktik["kilde"],
        stoettede["virksomhedspraktik"]["aar"],
        andel,
        p["i_virksomhedspraktik"],
        befolkning.rolle == 1,
    )


KOLONNER = (
    "afsnit", "raekke", "kilde", "aar", "antaget", "enhed", "offentliggjort", "genereret", "afvigelse",
    "afvigelse_pct", "tolerance", "tolerance_art", "inden_for", "grundlag",
)  # fmt: skip


def vis(raekke: Raekke, felt: str) -> str:
    """Et tal i rækken, som det læses: antal hele, andele i procent med én decimal (afvigelse i point)."""
    x = getattr(raekke, felt)
    if x is None:
        return "–"
    if felt == "afvigelse_pct":
        return f"{dansk_tal(x, 1)} %"
    if raekke.enhed == "andel":
        return f"{dansk_tal(100 * x, 1)} {'pct.-point' if felt in ('afvigelse', 'tolerance') else 'pct.'}"
    return dansk_tal(x)


def overskrift(k: Kalibrering) -> str:
    return (
        f"Kalibrering {k.periode}: {dansk_tal(k.personer)} syntetiske personer (seed {k.seed}), "
        f"vægt {dansk_tal(k.vaegt, 2)}; {len(k.raekker) - len(k.uden_for)} af {len(k.raekker)} rækker "
        "inden for tolerancen"
    )


# Tabellens kolonner i tekst og Markdown: felt → overskrift.
VISTE = {
    "raekke": "Række",
    "kilde": "Kilde",
    "aar": "År",
    "offentliggjort": "Offentliggjort",
    "genereret": "Befolkningen",
    "afvigelse": "Afvigelse",
    "afvigelse_pct": "Afv. %",
    "tolerance": "Tolerance",
}


def _viste(r: Raekke) -> list[str]:
    return [*(_celle(r, felt) for felt in VISTE), "ja" if r.inden_for else "NEJ"]


def som_tekst(k: Kalibrering) -> str:
    """Tabellen som tekst: én linje per række og tolerancernes grunde til sidst."""
    hoved = ["Afsnit", *VISTE.values(), "Inden for"]
    linjer = [[r.afsnit, *_viste(r)] for r in k.raekker]
    bredder = [max(len(x) for x in kolonne) for kolonne in zip(hoved, *linjer, strict=True)]
    tekst = [overskrift(k), ""]
    for linje in [hoved, *linjer]:
        # Tekstkolonnerne (afsnit, række, kilde, år) venstrestillet, tallene højrestillet.
        celler = (
            x.ljust(b) if i < 4 else x.rjust(b) for i, (x, b) in enumerate(zip(linje, bredder, strict=True))
        )
        tekst.append("  ".join(celler).rstrip())
    tekst.append("")
    for art, tol in k.tolerancer.items():
        tekst.append(f"Tolerance '{art}' ({_maal(tol)}): {' '.join(tol['grund'].split())}")
    return "\n".join(tekst) + "\n"


def _celle(r: Raekke, felt: str) -> str:
    if felt in ("offentliggjort", "genereret", "afvigelse", "afvigelse_pct", "tolerance"):
        return vis(r, felt)
    return str(getattr(r, felt))


def som_csv(k: Kalibrering) -> str:
    """Tabellen som CSV med rå tal (andele som brøker), én række per række."""
    ud = io.StringIO()
    skriver = csv.DictWriter(ud, fieldnames=KOLONNER, lineterminator="\n")
    skriver.writeheader()
    for r in k.raekker:
        skriver.writerow({felt: r.som_dict()[felt] for felt in KOLONNER})
    return ud.getvalue()


def som_json(k: Kalibrering) -> str:
    return json.dumps(
        {
            "periode": k.periode,
            "personer": k.personer,
            "seed": k.seed,
            "vaegt": k.vaegt,
            "raekker": [{felt: r.som_dict()[felt] for felt in KOLONNER} for r in k.raekker],
            "tolerancer": k.tolerancer,
            "kilder": k.kilder,
        },
        ensure_ascii=False,
        indent=2,
    )


def som_markdown(k: Kalibrering) -> str:
    """Dokumentationens side: tabellen afsnit for afsnit, tolerancerne og kilderne med adresser."""
    linjer = [
        "# Kalibrering af den syntetiske befolkning",
        "",
        "Genereret af `docs/build.py` (`kalibrering.som_markdown`); ret ikke i hånden. Samme tabel: "
        f"`dk-beskaeftigelse kalibrering --personer {k.personer} --seed {k.seed} --periode {k.periode}`.",
        "",
        f"{overskrift(k)}. Antal er opregnet til hele befolkningen; fordelinger inden for en gruppe "
        "står som andele. Kilde `antaget` betyder, at tallet ikke er aflæst direkte (se noten i "
        "`data/befolkning.yaml`).",
        "",
    ]
    for afsnit in dict.fromkeys(r.afsnit for r in k.raekker):
        hoved = [*VISTE.values(), "Inden for"]
        linjer += [f"## {AFSNIT[afsnit]}", "", _md_linje(hoved), "|---|---|---|--:|--:|--:|--:|--:|---|"]
        linjer += [_md_linje(_viste(r)) for r in k.raekker if r.afsnit == afsnit]
        linjer.append("")
    linjer += ["## Tolerancer", ""]
    for art, t in k.tolerancer.items():
        linjer.append(f"- `{art}` ({_maal(t)}): {' '.join(t['grund'].split())}")
    linjer += ["", "## Kilder", ""]
    for noegle, kilde in k.kilder.items():
        linjer.append(f"- `{noegle}` ({kilde['aar']}): [{kilde['titel']}]({kilde['url']})")
    return "\n".join(linjer) + "\n"


def _md_linje(celler: list[str]) -> str:
    return "| " + " | ".join(celler) + " |"


def _maal(tolerance: dict) -> str:
    """Tolerancens størrelse, som datafilen angiver den."""
    if "standardfejl" in tolerance:
        return f"{tolerance['standardfejl']} standardfejl"
    return f"{tolerance['enheder']} syntetisk enhed"
