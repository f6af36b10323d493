"""Modelkontrakten (``shared/model-contract.md``) som data.

De offentlige navne, som YAML-tests, web-API-klienter og sammenligningsværktøjerne bygger
på. Tests kontrollerer, at systemet har dem præcis sådan; CLI'en beregner uddata herfra.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Navn:
    navn: str
    entitet: str
    type: str
    periode: str = "month"
    vaerdier: tuple[str, ...] = ()


INPUT = [
    Navn("foedselsdato", "person", "Date", "eternity"),
    Navn("alder", "person", "Int"),
    Navn(
        "ydelse",
        "person",
        "Enum",
        vaerdier=(
            "ingen",
            "arbejdsloeshedsdagpenge",
            "kontanthjaelp",
            "uddannelseshjaelp",
            "overgangsydelse",
            "sygedagpenge",
            "ressourceforloebsydelse",
            "ledighedsydelse",
            "revalideringsydelse",
            "foertidspension",
        ),
    ),
    Navn(
        "forloeb",
        "person",
        "Enum",
        vaerdier=("ingen", "jobafklaringsforloeb", "ressourceforloeb", "revalidering", "fleksjob"),
    ),
    Navn(
        "parathed",
        "person",
        "Enum",
        vaerdier=("ikke_relevant", "jobparat", "aktivitetsparat", "uddannelsesparat"),
    ),
    Navn("er_ledig", "person", "Boolean"),
    Navn("beskaeftigelse", "person", "Enum", vaerdier=("loenmodtager", "selvstaendig", "ledig")),
    Navn("har_erhvervskompetencegivende_uddannelse", "person", "Boolean"),
    Navn("ledighed_startdato", "person", "Date"),
    Navn("sygemelding_startdato", "person", "Date"),
    Navn("timeloen", "person", "Float"),
    Navn("ugentlig_arbejdstid", "person", "Float"),
    Navn(
        "forlaengelsesgrund",
        "person",
        "Enum",
        vaerdier=(
            "ingen",
            "revalidering",
            "afklaring_arbejdsevne",
            "laegebehandling",
            "rehabiliteringsteam",
            "livstruende_sygdom",
            "arbejdsskade",
            "foertidspension_ansoegt",
        ),
    ),
    Navn("maanedsloen", "person", "Float"),
    Navn("antal_ordinaert_ansatte", "virksomhed", "Float"),
]

MAALGRUPPER_GAELDENDE_RET = (
    "forsikret_ledig",
    "jobparat_kontanthjaelp",
    "aktivitetsparat_kontanthjaelp",
    "uddannelsesparat_uddannelseshjaelp",
    "aktivitetsparat_uddannelseshjaelp",
    "sygedagpengemodtager",
    "jobafklaringsforloeb",
    "ressourceforloeb",
    "fleksjobvisiteret",
    "revalidend",
    "foertidspensionist",
    "ledig_selvforsoergende",
    "ung_under_18",
    "ingen",
)
MAALGRUPPER_FAERRE = ("forsikret_ledig", "syg", "ung", "fleksjobber", "oevrig_ledig", "ingen")

UDDATA = [
    Navn("maalgruppe", "person", "Enum", vaerdier=MAALGRUPPER_GAELDENDE_RET),
    Navn("sygedagpenge_timesats", "person", "Float"),
    Navn("sygedagpenge_ugesats", "person", "Float"),
    Navn("sygedagpenge_ret_arbejdsgiver", "person", "Boolean"),
    Navn("sygedagpenge_ret_kommune", "person", "Boolean"),
    Navn("sygedagpenge_revurderingstidspunkt", "person", "Date"),
    Navn("jobafklaringsforloeb_ret", "person", "Boolean"),
    Navn("dagpenge_maanedssats", "person", "Float"),
    Navn("loentilskud_ret", "person", "Boolean"),
    Navn("jobrotation_vikar_ret", "person", "Boolean"),
    Navn("ret_og_pligt_tilbud_senest", "person", "Date"),
    Navn("forholdstal_max_antal", "virksomhed", "Int"),
]

REFORMER = {
    "faerre_maalgrupper": "FaerreMaalgrupper",
    "ingen_jobafklaring": "IngenJobafklaring",
    "samlet_uddannelsesordning": "SamletUddannelsesordning",
    "fleksible_forholdstal": "FleksibleForholdstal",
    "jobrotation_uden_ledighedskrav": "JobrotationUdenLedighedskrav",
    "tidligere_loentilskud": "TidligereLoentilskud",
}
