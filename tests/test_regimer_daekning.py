"""Hvert regime beregner hver situation, gældende ret beregner, uden input, gældende ret ikke brugte.

Borgerne er én for hver målgruppe i LAB § 6 og de tilfælde, revisionen brugte (fx en person uden
ydelse og uden fødselsdato sammen med en forsikret ledig med fødselsdato). Hver borger får kun de
input, gældende ret har brug for: grundoplysningerne, gældende ret læste (``beregning.Laesninger``),
og de datoer, gældende ret beder om (en fejl, der nævner feltet). Derefter beregner hvert regime
alle borgere på én gang; en reform, der kræver mere (fx en fødselsdato for alle), fejler her,
medmindre reformen har erklæret feltet og grunden i ``ekstra_inddata`` (fx når den flytter borgere
til en målgruppe, hvis rettigheder afhænger af alderen); så får borgerne feltet.

Samme borgere viser, at ingen reform giver en frist for ret og pligt-tilbuddet, der allerede er
overskredet i den måned, der beregnes, når gældende ret ikke giver den frist.
"""

import copy
import datetime
import functools

import pytest

from openfisca_dk_beskaeftigelse.beregning import Laesninger, byg_simulering, vaerdier
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, ManglendeOplysningError, ModstridendeOplysningError
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer, byg_system
from openfisca_dk_beskaeftigelse.sammenligning import standardvariabler

# Den nyeste lov (2026, som revisionen brugte) og loven før a-kassernes kontaktforløb (2022).
PERIODER = ("2022-06", "2026-03")
VOKSEN, UNG, MINDREAARIG = "voksen", "ung", "mindreaarig"
ALDER = {VOKSEN: 45, UNG: 22, MINDREAARIG: 16}

# (navn, grundoplysninger, aldersgruppe): grundoplysningerne gives altid (hvis gældende ret læser
# dem); datoerne kun, når gældende ret beder om dem.
BORGERE = (
    ("dagpenge", {"ydelse": "arbejdsloeshedsdagpenge", "er_ledig": True, "beskaeftigelse": "ledig"}, VOKSEN),
    ("dagpenge_ung", {"ydelse": "arbejdsloeshedsdagpenge", "er_ledig": True, "beskaeftigelse": "ledig"}, UNG),
    (
        "dagpenge_fleksjob",
        {"ydelse": "arbejdsloeshedsdagpenge", "forloeb": "fleksjob", "er_ledig": True},
        VOKSEN,
    ),
    ("kh_jobparat", {"ydelse": "kontanthjaelp", "parathed": "jobparat", "er_ledig": True}, VOKSEN),
    (
        "kh_aktivitetsparat",
        {"ydelse": "kontanthjaelp", "parathed": "aktivitetsparat", "er_ledig": True},
        VOKSEN,
    ),
    ("kh_jobparat_ung", {"ydelse": "kontanthjaelp", "parathed": "jobparat", "er_ledig": True}, UNG),
    (
        "kh_aktivitetsparat_ung",
        {"ydelse": "kontanthjaelp", "parathed": "aktivitetsparat", "er_ledig": True},
        UNG,
    ),
    (
        "uh_uddannelsesparat",
        {"ydelse": "uddannelseshjaelp", "parathed": "uddannelsesparat", "er_ledig": True},
        UNG,
    ),
    (
        "uh_aktivitetsparat",
        {"ydelse": "uddannelseshjaelp", "parathed": "aktivitetsparat", "er_ledig": True},
        UNG,
    ),
    ("overgangsydelse", {"ydelse": "overgangsydelse", "parathed": "jobparat", "er_ledig": True}, VOKSEN),
    (
        "kh_i_ressourceforloeb",
        {"ydelse": "kontanthjaelp", "parathed": "aktivitetsparat", "forloeb": "ressourceforloeb"},
        VOKSEN,
    ),
    ("syg_i_job", {"ydelse": "sygedagpenge"}, VOKSEN),
    ("syg_ledig", {"ydelse": "sygedagpenge", "beskaeftigelse": "ledig", "er_ledig": True}, VOKSEN),
    ("forrevalidering", {"ydelse": "sygedagpenge", "forloeb": "revalidering"}, VOKSEN),
    ("jobafklaring", {"ydelse": "ressourceforloebsydelse", "forloeb": "jobafklaringsforloeb"}, VOKSEN),
    ("ressourceforloeb", {"ydelse": "ressourceforloebsydelse", "forloeb": "ressourceforloeb"}, VOKSEN),
    ("ressourceforloeb_ung", {"ydelse": "ressourceforloebsydelse", "forloeb": "ressourceforloeb"}, UNG),
    ("revalidering", {"ydelse": "revalideringsydelse", "forloeb": "revalidering"}, VOKSEN),
    ("ledighedsydelse", {"ydelse": "ledighedsydelse", "forloeb": "fleksjob", "er_ledig": True}, VOKSEN),
    ("fleksjob_ansat", {"forloeb": "fleksjob"}, VOKSEN),
    ("foertidspension", {"ydelse": "foertidspension"}, VOKSEN),
    ("selvforsoergende", {"er_ledig": True, "beskaeftigelse": "ledig"}, VOKSEN),
    ("under_18", {"er_ledig": True}, MINDREAARIG),
    ("uden_maalgruppe", {}, VOKSEN),
)
UDDANNET = {VOKSEN: True, UNG: False, MINDREAARIG: False}


def _maaned_foer(periode: str, maaneder: int) -> str:
    aar, maaned = map(int, periode.split("-"))
    indeks = aar * 12 + maaned - 1 - maaneder
    return datetime.date(indeks // 12, indeks % 12 + 1, 1).isoformat()


def _datoer(periode: str, aldersgruppe: str) -> dict:
    """Datoerne, en borger kan blive bedt om: langvarig ledighed og sygdom, forløb fra før 2026."""
    aar = int(periode[:4]) - ALDER[aldersgruppe] - 1
    return {
        "foedselsdato": f"{aar}-09-15",
        "ledighed_startdato": _maaned_foer(periode, 14),
        "sygemelding_startdato": _maaned_foer(periode, 7),
        "forloeb_startdato": _maaned_foer(periode, 20) if periode < "2026-02" else "2024-05-01",
        "ansaettelse_startdato": _maaned_foer(periode, 60),
    }


def _situation(personer: dict, periode: str) -> dict:
    def felter(oplysninger):
        return {
            navn: {"ETERNITY" if navn == "foedselsdato" else periode: vaerdi}
            for navn, vaerdi in oplysninger.items()
        }

    return {"personer": {navn: felter(oplysninger) for navn, oplysninger in personer.items()}}


def _beregn(system, situation: dict, periode: str, navne, tracer=None) -> dict:
    """{(id, variabel): værdi} for hver variabel, der kan beregnes (et hul i kilderne springes over)."""
    simulering = byg_simulering(system, copy.deepcopy(situation))
    if tracer is not None:
        simulering.tracer = tracer
    resultat = {}
    for navn in navne:
        try:
            beregnet = vaerdier(system, simulering, periode, [navn])
        except ParameterHulError:
            continue
        resultat.update({(v.id, v.variabel): v.vaerdi for v in beregnet})
    return resultat


def _variabler(system, regime) -> list[str]:
    # 'alder' er selve fødselsdatoen omregnet; den er ikke en ret eller pligt.
    return [n for n in standardvariabler(system, [regime]) if n != "alder" and n in system.variables]


def _laeste_grundoplysninger(periode: str) -> set[str]:
    """Grundoplysningerne, gældende ret læser, når alle borgerne har alle oplysninger."""
    system = byg_system(GAELDENDE_RET)
    personer = {
        navn: {
            **grund,
            "har_erhvervskompetencegivende_uddannelse": UDDANNET[gruppe],
            **_datoer(periode, gruppe),
        }
        for navn, grund, gruppe in BORGERE
        if grund.get("ydelse") != "ressourceforloebsydelse" or "forloeb" in grund
    }
    laesninger = Laesninger()
    _beregn(
        system,
        _situation(personer, periode),
        periode,
        _variabler(system, alle_regimer()[GAELDENDE_RET]),
        laesninger,
    )
    return {variabel for variabel, _ in laesninger.laest}


def _mindste_input(navn, grund, aldersgruppe, periode, laest):
    """Borgerens input, som gældende ret bruger, eller None, hvis gældende ret ikke kan beregne borgeren."""
    system = byg_system(GAELDENDE_RET)
    navne = _variabler(system, alle_regimer()[GAELDENDE_RET])
    fuld = {**grund, "har_erhvervskompetencegivende_uddannelse": UDDANNET[aldersgruppe]}
    datoer = _datoer(periode, aldersgruppe)
    oplysninger = {k: v for k, v in fuld.items() if k in laest}
    while True:
        try:
            _beregn(system, _situation({navn: oplysninger}, periode), periode, navne)
            return oplysninger
        except ModstridendeOplysningError:
            return None
        except ManglendeOplysningError as fejl:
            if fejl.felt not in datoer or fejl.felt in oplysninger:
                return None
            oplysninger[fejl.felt] = datoer[fejl.felt]


@pytest.fixture(scope="module")
def borgere() -> dict[str, dict]:
    """Periode → {borger: mindste input}: hver borger, gældende ret kan beregne i perioden."""
    resultat = {}
    for periode in PERIODER:
        laest = _laeste_grundoplysninger(periode)
        personer = {}
        for navn, grund, aldersgruppe in BORGERE:
            oplysninger = _mindste_input(navn, grund, aldersgruppe, periode, laest)
            if oplysninger is not None:
                personer[navn] = oplysninger
        resultat[periode] = personer
    return resultat


def test_gaeldende_ret_beregner_naesten_alle_borgere_med_faa_input(borgere):
    for periode, personer in borgere.items():
        # Kun ressourceforløbsydelse uden et forløb, der tæller, er modstridende (efter 1.2.2026
        # tæller ressourceforløbet, fordi det begyndte før lukningen).
        assert len(personer) == len(BORGERE), (periode, set(n for n, *_ in BORGERE) - set(personer))
        # Uden ydelse og uden for § 6 og som førtidspensionist: ingen fødselsdato og ingen datoer.
        datoer = set(_datoer(periode, VOKSEN))
        assert not datoer & set(personer["uden_maalgruppe"]), periode
        assert not datoer & set(personer["foertidspension"]), periode


@pytest.fixture(scope="module")
def gaeldende(borgere) -> dict:
    """Periode → gældende rets værdier for alle borgerne på én gang."""
    system = byg_system(GAELDENDE_RET)
    navne = _variabler(system, alle_regimer()[GAELDENDE_RET])
    return {
        periode: _beregn(system, _situation(personer, periode), periode, navne)
        for periode, personer in borgere.items()
    }


REGIMER = [noegle for noegle in alle_regimer() if noegle != GAELDENDE_RET]


def _ekstra_inddata(noegle: str) -> dict[str, str]:
    """Felterne, regimets reformer har erklæret, at de kan kræve ud over gældende ret."""
    return {
        felt: grund
        for r in alle_regimer()[noegle].reformer
        for felt, grund in getattr(r, "ekstra_inddata", {}).items()
    }


def _beregn_regime(noegle: str, personer: dict, periode: str, navne) -> dict:
    """Regimets værdier; et felt, regimet har erklæret som ekstra input, gives til dem, der mangler det."""
    system = byg_system(noegle)
    ekstra = _ekstra_inddata(noegle)
    personer = copy.deepcopy(personer)
    aldersgrupper = {navn: gruppe for navn, _, gruppe in BORGERE}
    while True:
        try:
            return _beregn(system, _situation(personer, periode), periode, navne)
        except ManglendeOplysningError as fejl:
            if fejl.felt not in ekstra or all(fejl.felt in p for p in personer.values()):
                raise
            for navn, oplysninger in personer.items():
                oplysninger.setdefault(fejl.felt, _datoer(periode, aldersgrupper[navn])[fejl.felt])


@pytest.fixture(scope="module")
def regimernes(borgere):
    """(regime, periode) → regimets værdier for alle borgerne, beregnet én gang for testene nedenfor."""

    @functools.cache
    def beregn(noegle: str, periode: str) -> dict:
        navne = _variabler(byg_system(noegle), alle_regimer()[noegle])
        return _beregn_regime(noegle, borgere[periode], periode, navne)

    return beregn


@pytest.mark.parametrize("noegle", REGIMER)
def test_regimet_beregner_alt_det_gaeldende_ret_beregner(noegle, borgere, gaeldende, regimernes):
    system = byg_system(noegle)
    navne = _variabler(system, alle_regimer()[noegle])
    for periode, personer in borgere.items():
        try:
            resultat = regimernes(noegle, periode)
        except Exception as fejl:  # noqa: BLE001 - fejlen vises med den borger, der udløser den
            raise AssertionError(
                f"{noegle} {periode}: {_hvem(system, personer, periode, navne)}: {fejl}"
            ) from None
        mangler = sorted({n for n in gaeldende[periode] if n not in resultat and n[1] in system.variables})
        assert not mangler, (noegle, periode, mangler[:5])


def test_kun_reformer_der_flytter_borgere_erklaerer_ekstra_input():
    """Erklæringen er en undtagelse: hvert erklæret felt har en grund, og kun få reformer har en."""
    erklaerede = {n: e for n, e in ((n, _ekstra_inddata(n)) for n in REGIMER) if e}
    assert set(erklaerede) <= {
        "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring",
        "kl_og_6_byerne_2024",
    }
    assert all(grund for e in erklaerede.values() for grund in e.values())


def _hvem(system, personer: dict, periode: str, navne) -> str:
    """Den første borger, regimet ikke kan beregne alene (eller 'flere borgere sammen')."""
    for navn, oplysninger in personer.items():
        try:
            _beregn(system, _situation({navn: oplysninger}, periode), periode, navne)
        except Exception:  # noqa: BLE001
            return navn
    return "flere borgere sammen"


@pytest.mark.parametrize("noegle", REGIMER)
def test_ingen_reform_giver_en_overskredet_frist_for_ret_og_pligt_tilbuddet(
    noegle, borgere, gaeldende, regimernes
):
    """En frist, som gældende ret ikke giver, må ikke ligge før den måned, der beregnes."""
    navn = "ret_og_pligt_tilbud_senest"
    for periode in borgere:
        fristerne = {
            borger: v for (borger, variabel), v in regimernes(noegle, periode).items() if variabel == navn
        }
        assert fristerne, (noegle, periode, "ingen frister beregnet")
        foerste_dag = datetime.date.fromisoformat(f"{periode}-01")
        overskredet = [
            borger
            for borger, frist in fristerne.items()
            if frist != INGEN_DATO and frist < foerste_dag and frist != gaeldende[periode][(borger, navn)]
        ]
        assert not overskredet, (noegle, periode, overskredet)
