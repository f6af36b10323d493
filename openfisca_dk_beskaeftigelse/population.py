"""En syntetisk dansk befolkning, kalibreret til offentliggjorte tal (``data/befolkning.yaml``).

``generer(n, periode, seed)`` trækker ``n`` personer og deres arbejdssteder: hver person får
en status (ydelse, forløb, parathed) efter gruppernes andele, en alder efter gruppens
aldersfordeling, en varighed af den aktuelle ledigheds- eller sygdomsperiode, en løn efter
lønfordelingen og husstandsoplysninger efter de offentliggjorte andele. Arbejdsstederne får
en størrelse efter størrelsesfordelingen; personer i virksomhedspraktik, løntilskud og
nytteindsats placeres på en andel af dem (værtsarbejdsstederne), så nogle når forholdstallets grænse.
Reformernes egne oplysninger (``reformernes_personer``: dimittender, iværksætterforløb, levedygtige
forretningsplaner, virksomhedspraktik) trækkes til sidst, så de øvrige trækninger ikke flytter sig.
Samme seed giver samme befolkning; ``kalibrering`` sammenligner den med datafilen.

Alt sker på hele arrays (numpy); ``byg_simulering`` lægger dem direkte i en OpenFisca-simulering.
Inddata med en Enum-type er kodet én gang ved genereringen (``EnumArray``), og gruppen er et
nummer, så en befolkning på 6 mio. personer ikke fylder gigabytes af tekster.
Hver syntetisk person repræsenterer ``vaegt`` personer i den danske befolkning (16-66 år).

``del_op`` deler befolkningen i bidder af hele arbejdssteder, som kan beregnes hver for sig
(i parallelle processer eller på en Dask-klynge) og lægges sammen til præcis det samme.
"""

from dataclasses import dataclass, field
from pathlib import Path

import numpy
import yaml
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse.beregning import SIKKER_INDLAESER
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO

DATAFIL = Path(__file__).parent / "data" / "befolkning.yaml"

# Gruppe → (ydelse, forløb, parathed, beskæftigelse, er_ledig, har en ledigheds- eller ydelsesstart
# (for sygemeldte: sygdommens start, som løntilskuddets ledighedskrav regner fra), er syg)
GRUPPER = {
    "dagpenge": ("arbejdsloeshedsdagpenge", "ingen", "ikke_relevant", "ledig", True, True, False),
    "kontanthjaelp_jobparat": ("kontanthjaelp", "ingen", "jobparat", "ledig", True, True, False),
    "kontanthjaelp_aktivitetsparat": (
        "kontanthjaelp",
        "ingen",
        "aktivitetsparat",
        "ledig",
        True,
        True,
        False,
    ),
    "uddannelseshjaelp_uddannelsesparat": (
        "uddannelseshjaelp",
        "ingen",
        "uddannelsesparat",
        "ledig",
        True,
        True,
        False,
    ),
    "uddannelseshjaelp_aktivitetsparat": (
        "uddannelseshjaelp",
        "ingen",
        "aktivitetsparat",
        "ledig",
        True,
        True,
        False,
    ),
    "sygedagpenge": ("sygedagpenge", "ingen", "ikke_relevant", "loenmodtager", False, True, True),
    "jobafklaringsforloeb": (
        "ressourceforloebsydelse",
        "jobafklaringsforloeb",
        "ikke_relevant",
        "ledig",
        False,
        True,
        True,
    ),
    "ressourceforloeb": (
        "ressourceforloebsydelse",
        "ressourceforloeb",
        "ikke_relevant",
        "ledig",
        False,
        True,
        False,
    ),
    "ledighedsydelse": ("ledighedsydelse", "fleksjob", "ikke_relevant", "ledig", True, True, False),
    "fleksjob": ("ingen", "fleksjob", "ikke_relevant", "loenmodtager", False, False, False),
    "revalidering": ("revalideringsydelse", "revalidering", "ikke_relevant", "ledig", False, True, False),
    "foertidspension": ("foertidspension", "ingen", "ikke_relevant", "ledig", False, False, False),
    "ledig_selvforsoergende": ("ingen", "ingen", "ikke_relevant", "ledig", True, True, False),
    "selvstaendig": ("ingen", "ingen", "ikke_relevant", "selvstaendig", False, False, False),
    "loenmodtager": ("ingen", "ingen", "ikke_relevant", "loenmodtager", False, False, False),
    "oevrige": ("ingen", "ingen", "ikke_relevant", "loenmodtager", False, False, False),
}
# Grupper, hvis personer kan være i virksomhedspraktik, løntilskud eller nytteindsats.
KAN_VAERE_STOETTET = (
    "dagpenge",
    "kontanthjaelp_jobparat",
    "kontanthjaelp_aktivitetsparat",
    "uddannelseshjaelp_uddannelsesparat",
    "uddannelseshjaelp_aktivitetsparat",
    "jobafklaringsforloeb",
    "ressourceforloeb",
    "ledighedsydelse",
)

# Reformernes input, som gældende ret ikke kender: de lægges kun i et regimes simulering, hvis
# regimets system har variablen (input → reformmodulet, der definerer det).
REFORMINPUT = {
    "i_ivaerksaetterforloeb": "ivaerksaetteri",
    "ivaerksaetterforloeb_slutdato": "ivaerksaetteri",
    "levedygtig_forretningsplan": "ivaerksaetteri",
    "i_virksomhedspraktik": "fleksible_forholdstal",
}


def har_reforminput(system, befolkning: "Befolkning") -> bool:
    """Om befolkningen har input, som ``system`` kender og gældende ret ikke (``REFORMINPUT``)."""
    return any(navn in system.variables and navn in befolkning.personer for navn in REFORMINPUT)


DAGE_PR_AAR = 365.25
DAGE_PR_MAANED = 30.44


def indlaes_data(fil: Path = DATAFIL) -> dict:
    # libyaml, hvor den findes: Python-indlæseren er langsommere end at trække 1 mio. personer.
    return yaml.load(fil.read_text(encoding="utf-8"), Loader=SIKKER_INDLAESER)


@dataclass
class Befolkning:
    """En genereret befolkning: arrays per person og per arbejdssted, klar til OpenFisca."""

    periode: str
    vaegt: float
    gruppenummer: numpy.ndarray  # indeks i gruppenavne per person
    gruppenavne: tuple[str, ...]
    personer: dict[str, numpy.ndarray] = field(default_factory=dict)  # input → værdier
    virksomheder: dict[str, numpy.ndarray] = field(default_factory=dict)  # input → værdier
    arbejdssted: numpy.ndarray | None = None  # arbejdsstedets indeks per person
    rolle: numpy.ndarray | None = None  # 0 = ansat, 1 = støttet
    uden_arbejdssted: int = 0  # indeks på det samlede "arbejdssted" for ikke-placerede

    @property
    def antal(self) -> int:
        return len(self.gruppenummer)

    def __getstate__(self) -> dict:
        # Et EnumArray mister sin Enum, når det sendes til en anden proces; den sendes ved navn.
        tilstand = dict(self.__dict__)
        tilstand["personer"] = {
            navn: (vaerdier.view(numpy.ndarray), True)
            if isinstance(vaerdier, EnumArray)
            else (vaerdier, False)
            for navn, vaerdier in self.personer.items()
        }
        return tilstand

    def __setstate__(self, tilstand: dict) -> None:
        from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system

        variabler = byg_system(GAELDENDE_RET).variables
        tilstand["personer"] = {
            navn: EnumArray(vaerdier, variabler[navn].possible_values) if enum else vaerdier
            for navn, (vaerdier, enum) in tilstand["personer"].items()
        }
        self.__dict__.update(tilstand)

    @property
    def gruppe(self) -> numpy.ndarray:
        """Gruppens nøgle per person (som tekst)."""
        return numpy.asarray(self.gruppenavne)[self.gruppenummer]


def _baand(rng, baand: list, n: int) -> numpy.ndarray:
    """Træk ``n`` tal: først et bånd efter andelene, så ligeligt inden for båndet."""
    fra = numpy.array([b[0] for b in baand], dtype=float)
    til = numpy.array([b[1] for b in baand], dtype=float)
    andele = numpy.array([b[2] for b in baand], dtype=float)
    valg = rng.choice(len(baand), size=n, p=andele / andele.sum())
    return fra[valg] + rng.random(n) * (til[valg] - fra[valg])


def aldersbaand(baand: list) -> list:
    """Aldersbåndene som halvåbne intervaller: datafilens bånd er hele år med begge ender (16-24 år)."""
    return [[fra, til + 1, andel] for fra, til, andel in baand]


def andel_under(baand: list, graense: float) -> float:
    """Andelen af et båndtræk (``_baand``) under ``graense``: hele bånd under og en del af båndet over."""
    i_alt = sum(b[2] for b in baand)
    under = sum(andel * min(max((graense - fra) / (til - fra), 0.0), 1.0) for fra, til, andel in baand)
    return under / i_alt


def i_grupper(befolkning: "Befolkning", hvilke) -> numpy.ndarray:
    """Hvem der er i en af grupperne ``hvilke`` (nøgler), slået op på gruppenummeret."""
    return numpy.isin(befolkning.gruppenummer, [befolkning.gruppenavne.index(k) for k in hvilke])


def uddannelse_fastlagt(befolkning: "Befolkning", alder_aar: numpy.ndarray, dimittend: numpy.ndarray):
    """Hvem hvis erhvervskompetencegivende uddannelse følger af status, ikke af aldersandelen, og værdien.

    LAB § 6: under 30 på kontanthjælp har uddannelse, på uddannelseshjælp har de ikke; en
    dimittend (AFL § 49, stk. 5) har sin uddannelse.
    """
    navne = befolkning.gruppenavne
    kontant = i_grupper(befolkning, [k for k in navne if k.startswith("kontanthjaelp")]) & (alder_aar < 30)
    uddannelseshjaelp = i_grupper(befolkning, [k for k in navne if k.startswith("uddannelseshjaelp")])
    return kontant | uddannelseshjaelp | dimittend, kontant | dimittend


def _kvantiler(rng, kvantiler: list, n: int) -> numpy.ndarray:
    """Træk fra en fordeling givet ved kvantiler (lineær interpolation mellem dem)."""
    p = numpy.array([0.0] + [k[0] for k in kvantiler] + [1.0])
    x = numpy.array([kvantiler[0][1] * 0.6] + [k[1] for k in kvantiler] + [kvantiler[-1][1] * 1.6])
    return numpy.interp(rng.random(n), p, x)


# Generatorens egne antagelser om de syntetiske personer (ikke lovens tal):
ARBEJDSTIMER = 160.0  # arbejdstimer pr. måned for lønmodtagere (til beskæftigelseskravet, SDL § 32)
ANSAT_AAR = 3  # lønmodtagere har været ansat hos arbejdsgiveren i 3 år (SDL § 30)


def generer(n: int, periode: str, system, seed: int = 0, data: dict | None = None) -> Befolkning:
    """``n`` personer for ``periode`` (måned), med lovens tal fra ``system`` (gældende ret):
    timenormen, som omregner månedsløn til timeløn, og datoen, hvor ressourceforløb og
    revalidering lukkede for nye borgere (forløb i befolkningen er begyndt før den)."""
    data = data or indlaes_data()
    timer_pr_maaned = system.parameters.sygedagpenge.beloeb.dagpenge_timer_pr_maaned(periode)
    lukket_fra = system.parameters.lab.maalgrupper.nye_forloeb_lukket_fra(periode)
    rng = numpy.random.default_rng(seed)
    grupper = data["grupper"]
    noegler = [g["noegle"] for g in grupper]
    antal = numpy.array([g["antal"] for g in grupper], dtype=float)
    gruppe_idx = rng.choice(len(grupper), size=n, p=antal / antal.sum()).astype(numpy.int16)
    start = numpy.datetime64(f"{periode}-01", "D")

    alder = numpy.zeros(n)
    varighed = numpy.zeros(n)
    for i, g in enumerate(grupper):
        valgt = gruppe_idx == i
        alder[valgt] = _baand(rng, aldersbaand(g["alder"]), int(valgt.sum()))
        varighed[valgt] = _baand(rng, g["varighed_maaneder"], int(valgt.sum()))
    alder_aar = numpy.floor(alder).astype(int)
    foedselsdato = start - (alder * DAGE_PR_AAR).astype("timedelta64[D]")
    periode_start = start - (varighed * DAGE_PR_MAANED).astype("timedelta64[D]")

    def felt(kolonne: int) -> numpy.ndarray:
        return numpy.array([GRUPPER[k][kolonne] for k in noegler])[gruppe_idx]

    def kodet(kolonne: int, navn: str) -> EnumArray:
        """Inputtet ``navn`` (en Enum) fra GRUPPER's kolonne, kodet én gang per gruppe."""
        enum = system.variables[navn].possible_values
        koder = numpy.array([enum[GRUPPER[k][kolonne]].index for k in noegler], dtype=numpy.int16)
        return EnumArray(koder[gruppe_idx], enum)

    def gruppe_hvor(betingelse) -> numpy.ndarray:
        return numpy.array([betingelse(k) for k in noegler])[gruppe_idx]

    andele = data["andele"]
    uddannelse = andele["erhvervskompetencegivende_uddannelse"]
    andel_udd = numpy.select(
        [alder_aar < 25, alder_aar < 30, alder_aar < 50],
        [uddannelse["16_24"], uddannelse["25_29"], uddannelse["30_49"]],
        uddannelse["50_66"],
    )
    trukket_uddannelse = rng.random(n) < andel_udd

    maanedsloen = _kvantiler(rng, data["loen"]["kvantiler"], n)
    deltid = andele["deltid_ugentlig_arbejdstid"]
    arbejdstid = numpy.where(
        rng.random(n) < deltid["andel_deltid"], deltid["timer_deltid"], deltid["timer_fuldtid"]
    ).astype(float)
    har_start = felt(5).astype(bool)
    syg = felt(6).astype(bool)
    ingen = numpy.datetime64(INGEN_DATO, "D")
    forloeb = kodet(1, "forloeb")
    beskaeftigelse = kodet(3, "beskaeftigelse")
    loenmodtager = beskaeftigelse == beskaeftigelse.possible_values.loenmodtager
    forloeb_start = periode_start
    if lukket_fra is not None:
        lukket = numpy.datetime64(lukket_fra, "D")
        lukkede = gruppe_hvor(lambda k: GRUPPER[k][1] in ("ressourceforloeb", "revalidering"))
        forloeb_start = numpy.where(lukkede, numpy.minimum(periode_start, lukket - 1), periode_start)
    # Sygemeldte: en andel forventes tilbage inden 8 uger (visitationskategori 1), resten er uden prognose.
    kort_sygdom = rng.random(n) >= andele["sygdom_forventet_over_8_uger"]["andel"]
    raskmelding = numpy.where(syg & kort_sygdom, periode_start + numpy.timedelta64(7 * 6, "D"), ingen)

    personer = {
        "foedselsdato": foedselsdato,
        "ydelse": kodet(0, "ydelse"),
        "forloeb": forloeb,
        "forloeb_startdato": numpy.where(forloeb != forloeb.possible_values.ingen, forloeb_start, ingen),
        "parathed": kodet(2, "parathed"),
        "beskaeftigelse": beskaeftigelse,
        "er_ledig": felt(4).astype(bool),
        "har_erhvervskompetencegivende_uddannelse": trukket_uddannelse,
        "ledighed_startdato": numpy.where(har_start, periode_start, numpy.datetime64(INGEN_DATO, "D")),
        "sygemelding_startdato": numpy.where(syg, periode_start, ingen),
        "forventet_raskmelding_dato": raskmelding,
        "maanedsloen": maanedsloen,
        "timeloen": maanedsloen / timer_pr_maaned,
        "ugentlig_arbejdstid": arbejdstid,
        "arbejdstimer": numpy.where(loenmodtager, ARBEJDSTIMER, 0.0),
        "ansaettelse_startdato": numpy.where(
            loenmodtager, start - numpy.timedelta64(365 * ANSAT_AAR, "D"), ingen
        ),
        "timer_hos_arbejdsgiver_8_uger": numpy.where(loenmodtager, arbejdstid * 8, 0.0),
        "selvstaendig_i_vaesentligt_omfang": beskaeftigelse == beskaeftigelse.possible_values.selvstaendig,
        "har_forsoergerpligt": (rng.random(n) < andele["forsoergerpligt"]["andel"]) & (alder_aar >= 20),
        "er_enlig": rng.random(n) < andele["enlig"]["andel"],
        "er_hjemmeboende": alder_aar < 25,
    }
    befolkning = Befolkning(periode, data["befolkning"]["antal"] / n, gruppe_idx, tuple(noegler), personer)
    _placer_paa_arbejdssteder(befolkning, rng, data)
    _reformernes_personer(befolkning, rng, data, alder_aar, start)
    fastlagt, vaerdi = uddannelse_fastlagt(befolkning, alder_aar, personer["er_dimittend"])
    personer["har_erhvervskompetencegivende_uddannelse"] = numpy.where(fastlagt, vaerdi, trukket_uddannelse)
    return befolkning


def _reformernes_personer(befolkning: Befolkning, rng, data: dict, alder_aar, start) -> None:
    """Dimittender, iværksætterforløb, levedygtige forretningsplaner og virksomhedspraktik (datafilens
    ``reformernes_personer``), trukket efter befolkningens øvrige træk og kun blandt dem, det gælder."""
    reform = data["reformernes_personer"]
    grupper = {g["noegle"]: g for g in data["grupper"]}
    dim = reform["dimittend"]
    # Andelen blandt de yngre er sat, så andelen af hele gruppen er datafilens.
    andel_yngre = dim["andel"] / andel_under(aldersbaand(grupper[dim["blandt"]]["alder"]), dim["under_alder"])
    dimittend = _blandt(
        rng, i_grupper(befolkning, [dim["blandt"]]) & (alder_aar < dim["under_alder"]), andel_yngre
    )
    loeb, afsluttet = reform["ivaerksaetterforloeb"], reform["ivaerksaetterforloeb_afsluttet"]
    i_forloeb = _blandt(rng, dimittend, loeb["andel"])
    # Afsluttet: blandt de dimittender, der ikke er i et forløb, så andelen af alle dimittender er datafilens.
    er_afsluttet = _blandt(rng, dimittend & ~i_forloeb, afsluttet["andel"] / (1 - loeb["andel"]))
    fra, til = afsluttet["afsluttet_for_maaneder"]
    siden = (fra + rng.random(int(er_afsluttet.sum())) * (til - fra)) * DAGE_PR_MAANED
    slutdato = numpy.full(befolkning.antal, numpy.datetime64(INGEN_DATO, "D"))
    slutdato[er_afsluttet] = start - siden.astype("timedelta64[D]")
    plan = reform["levedygtig_forretningsplan"]
    praktik = data["stoettet_beskaeftigelse"]
    andel_praktik = praktik["virksomhedspraktik"]["antal"] / sum(v["antal"] for v in praktik.values())
    befolkning.personer.update(
        {
            "er_dimittend": dimittend,
            "i_ivaerksaetterforloeb": i_forloeb,
            "ivaerksaetterforloeb_slutdato": slutdato,
            "levedygtig_forretningsplan": _blandt(rng, i_grupper(befolkning, plan["blandt"]), plan["andel"]),
            "i_virksomhedspraktik": _blandt(rng, befolkning.rolle == 1, andel_praktik),
        }
    )


def _blandt(rng, hvem: numpy.ndarray, andel: float) -> numpy.ndarray:
    """Hver af ``hvem`` med sandsynligheden ``andel`` (kun de udvalgte får et træk)."""
    valgt = numpy.zeros(len(hvem), dtype=bool)
    valgt[hvem] = rng.random(int(hvem.sum())) < andel
    return valgt


def _placer_paa_arbejdssteder(befolkning: Befolkning, rng, data: dict) -> None:
    """Arbejdssteder i befolkningens skala; de støttede placeres på værtsarbejdsstederne."""
    virk = data["virksomheder"]
    antal_steder = max(1, round(virk["antal_arbejdssteder"] / befolkning.vaegt))
    # Størrelsesbåndene er hele antal ansatte med begge ender medregnet (1-4, 5-9, ...).
    heltal = [[fra, til + 1, andel] for fra, til, andel in virk["stoerrelse"]]
    stoerrelse = numpy.floor(_baand(rng, heltal, antal_steder))
    stoettet_i_alt = sum(v["antal"] for v in data["stoettet_beskaeftigelse"].values())
    kandidater = i_grupper(befolkning, KAN_VAERE_STOETTET)
    andel = stoettet_i_alt / sum(g["antal"] for g in data["grupper"] if g["noegle"] in KAN_VAERE_STOETTET)
    stoettet = kandidater & (rng.random(befolkning.antal) < andel)
    sted = numpy.full(befolkning.antal, antal_steder)  # det samlede "uden arbejdssted"
    sted[stoettet] = _vaertssteder(rng, stoerrelse, virk["andel_med_stoettede"], int(stoettet.sum()))
    befolkning.arbejdssted = sted
    befolkning.rolle = stoettet.astype(int)
    befolkning.uden_arbejdssted = antal_steder
    befolkning.virksomheder = {"antal_ordinaert_ansatte": numpy.append(stoerrelse, 0.0)}


def _antal_vaertssteder(antal_steder: int, andel: float) -> int:
    """Antal værtsarbejdssteder: andelen af arbejdsstederne, mindst ét."""
    return min(antal_steder, max(1, round(andel * antal_steder)))


def _vaertssteder(rng, stoerrelse: numpy.ndarray, andel: float, stoettede: int) -> numpy.ndarray:
    """Et arbejdssted til hver af ``stoettede``: værtsstederne (trukket efter størrelse) får hver én,
    resten fordeles på dem efter størrelse; med færre støttede end værter får de første én hver."""
    vaegt = stoerrelse / stoerrelse.sum()
    vaerter = rng.choice(
        len(stoerrelse), size=_antal_vaertssteder(len(stoerrelse), andel), replace=False, p=vaegt
    )
    resten = rng.choice(
        vaerter, size=max(stoettede - len(vaerter), 0), p=vaegt[vaerter] / vaegt[vaerter].sum()
    )
    return rng.permutation(numpy.concatenate([vaerter, resten])[:stoettede])


# Input, som lovens regler læser for måneder før beregningsmåneden (beskæftigelseskravet i
# SDL § 32 ser 6 måneder tilbage fra første fraværsdag); de gives for hele historikken.
HISTORISKE_INPUT = ("arbejdstimer",)
FOER_SYGDOMMEN_MAANEDER = 6


def _historik(befolkning: Befolkning) -> str:
    """Perioden fra 6 måneder før den tidligste sygemelding til og med beregningsmåneden."""
    syge = befolkning.personer["sygemelding_startdato"]
    syge = syge[syge != numpy.datetime64(INGEN_DATO, "D")]
    slut = numpy.datetime64(befolkning.periode, "M")
    start = (syge.min().astype("datetime64[M]") if syge.size else slut) - FOER_SYGDOMMEN_MAANEDER
    return f"month:{start}:{int((slut - start).astype(int)) + 1}"


def byg_simulering(system, befolkning: Befolkning):
    """En OpenFisca-simulering med befolkningens input for dens periode.

    Med historikken, hvor loven ser tilbage.
    """
    bygger = SimulationBuilder()
    bygger.create_entities(system)
    personer, virksomheder = bygger.populations["person"], bygger.populations["virksomhed"]
    # Personerne og arbejdsstederne som arrays (SimulationBuilder.declare_*_entity gør dem til
    # lister). join_with_persons bruges ikke: den nummererer kun de arbejdssteder, der har personer
    # (de fleste har ingen støttede), og ville flytte personerne; et arbejdssteds nummer er dets
    # indeks, og rollerne slås op i et array af OpenFiscas roller.
    personer.ids, personer.count = numpy.arange(befolkning.antal), befolkning.antal
    virksomheder.ids = numpy.arange(befolkning.uden_arbejdssted + 1)
    virksomheder.count = befolkning.uden_arbejdssted + 1
    virksomheder.members_entity_id = befolkning.arbejdssted
    virksomheder._members_role = numpy.array(virksomheder.entity.flattened_roles, dtype=object)[
        befolkning.rolle
    ]
    simulering = bygger.build(system)
    historik = _historik(befolkning)
    for navn, vaerdier in {**befolkning.personer, **befolkning.virksomheder}.items():
        if navn in REFORMINPUT and navn not in system.variables:
            continue  # regimet har ikke reformen, der læser inputtet
        variabel = system.variables[navn]
        periode = "ETERNITY" if str(variabel.definition_period) == "eternity" else befolkning.periode
        periode = historik if navn in HISTORISKE_INPUT else periode
        if variabel.value_type is Enum:
            vaerdier = _kod(vaerdier, variabel.possible_values)
        simulering.set_input(navn, periode, vaerdier)
    return simulering


def _kod(vaerdier, enum) -> EnumArray:
    """Værdierne i variablens Enum; en reform med en anden Enum får dem oversat ved navn."""
    if isinstance(vaerdier, EnumArray):
        if vaerdier.possible_values is enum:
            return vaerdier
        vaerdier = vaerdier.decode_to_str()
    return enum.encode(vaerdier)


def bidnumre(befolkning: Befolkning, antal: int) -> list[numpy.ndarray]:
    """Personerne i hver af ``antal`` bidder (deres numre i befolkningen, i stigende orden).

    Arbejdssted nr. w kommer i bid ``w * antal // steder`` med alle, der er placeret på det; de
    ikke-placerede fordeles efter deres nummer.
    """
    steder = befolkning.uden_arbejdssted
    bid = numpy.where(
        befolkning.arbejdssted < steder,
        befolkning.arbejdssted * antal // max(steder, 1),
        numpy.arange(befolkning.antal) * antal // max(befolkning.antal, 1),
    )
    return [numpy.flatnonzero(bid == nr) for nr in range(antal)]


def del_op(befolkning: Befolkning, antal: int) -> list[Befolkning]:
    """Befolkningen i ``antal`` bidder af hele arbejdssteder (``bidnumre``), hver med sine personer.

    Personerne beholder deres indbyrdes rækkefølge, og hver bid har sit eget samlede "uden
    arbejdssted". Da ingen regel for en person læser andre arbejdssteder end personens eget, og de
    ikke-placerede ikke er støttede (forholdstallet tæller kun de støttede), giver bidderne
    tilsammen de samme værdier som hele befolkningen.
    """
    steder = befolkning.uden_arbejdssted
    bidder = []
    for nr, hvem in enumerate(bidnumre(befolkning, antal)):
        fra, til = -(-nr * steder // antal), -(-(nr + 1) * steder // antal)
        sted = befolkning.arbejdssted[hvem]
        ny = Befolkning(
            befolkning.periode,
            befolkning.vaegt,
            befolkning.gruppenummer[hvem],
            befolkning.gruppenavne,
            {navn: vaerdier[hvem] for navn, vaerdier in befolkning.personer.items()},
        )
        ny.arbejdssted = numpy.where(sted < steder, sted - fra, til - fra)
        ny.rolle = befolkning.rolle[hvem]
        ny.uden_arbejdssted = til - fra
        ny.virksomheder = {
            navn: numpy.append(vaerdier[fra:til], vaerdier[steder:])
            for navn, vaerdier in befolkning.virksomheder.items()
        }
        bidder.append(ny)
    return bidder
