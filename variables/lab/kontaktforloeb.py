"""Kontaktforløbet (LAB kap. 7): hvem holder samtalerne, hvor mange, hvornår og i hvilken form.

Reglerne læser målgruppen gennem én afbildning, ``regelgruppe``, og tal per regelgruppe i
``parameters/lab/kontaktforloeb.yaml``. En reform kan ændre tallene som parametre eller
erstatte ``maalgruppe`` og ``regelgruppe``; resten følger med.
"""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    alder_hvor,
    kraev_oplyst,
    maaned_slut,
    maaned_start,
    plus_dage,
    plus_maaneder,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.love import (
    AFL,
    LAB,
    LAS,
    LOV_295_2023,
    LOV_727_2023,
    LOV_1750_2025,
    LOV_2590_2021,
    SDL,
)

_INGEN = numpy.datetime64(INGEN_DATO, "D")


class Regelgruppe(Enum):
    forsikret_ledig = "Forsikret ledig (§ 6, nr. 1)"
    forsikret_ledig_ung = "Forsikret ledig under 25 år uden uddannelse og hjemmeboende børn (§ 27, stk. 3)"
    jobparat = "Jobparat kontanthjælpsmodtager (§ 6, nr. 2)"
    uddannelsesparat = "Uddannelsesparat (§ 6, nr. 4)"
    aktivitetsparat = "Aktivitetsparat kontant- eller uddannelseshjælpsmodtager (§ 6, nr. 3 og 5)"
    ledighedsydelse = "Fleksjobvisiteret på ledighedsydelse (§ 6, nr. 9)"
    forloeb = "I jobafklaringsforløb, ressourceforløb eller revalidering (§ 6, nr. 7, 8 og 10)"
    sygedagpenge = "Sygedagpengemodtager (§ 6, nr. 6): opfølgning efter sygedagpengeloven"
    uden_kontaktforloeb = "Uden lovbestemt kontaktforløb (§ 6, nr. 9 i fleksjob, 11, 12, 13, ingen)"


class ung_forsikret_i_jobcenteret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = (
        "Forsikret ledig under 25 år uden erhvervskompetencegivende uddannelse og uden hjemmeboende "
        "børn, der har kontaktforløbet i jobcenteret fra start (§ 27, stk. 3)"
    )
    reference = LAB.paragraf("§ 27, stk. 3", "§ 31, stk. 1, 3. pkt.") + LOV_727_2023.paragraf("§ 1")
    documentation = (
        "Sand for en person i § 6, nr. 1 (maalgruppe_lab_6) under lab.kontaktforloeb.ung_undtagelse.alder "
        "år uden erhvervskompetencegivende uddannelse og uden hjemmeboende børn (har_forsoergerpligt), "
        "når undtagelsen gælder (lab.kontaktforloeb.ung_undtagelse.gaelder, fra 1.1.2024). Alderen "
        "skal kun kendes for forsikrede ledige, når undtagelsen gælder."
    )

    def formula(person, period, parameters):
        ung = parameters(period).lab.kontaktforloeb.ung_undtagelse
        maalgruppe = person("maalgruppe_lab_6", period)
        forsikret = (maalgruppe == maalgruppe.possible_values.forsikret_ledig) & ung.gaelder
        alder = alder_hvor(person, period, forsikret, "ung_forsikret_i_jobcenteret")
        # § 27, stk. 3: under 25 år, uden uddannelse og uden hjemmeboende børn.
        return (
            forsikret
            & (alder < ung.alder)
            & ~person("har_erhvervskompetencegivende_uddannelse", period)
            & ~person("har_forsoergerpligt", period)
        )


def _regelgruppe_efter_6(person, period, maalgruppe) -> numpy.ndarray:
    """Regelgruppen for en målgruppe efter LAB § 6 (``maalgruppe`` har de 13 gruppers værdier)."""
    grupper = maalgruppe.possible_values
    ydelse = person("ydelse", period)
    forsikret = maalgruppe == grupper.forsikret_ledig
    return numpy.select(
        [
            forsikret & person("ung_forsikret_i_jobcenteret", period),
            forsikret,
            maalgruppe == grupper.jobparat_kontanthjaelp,
            maalgruppe == grupper.uddannelsesparat_uddannelseshjaelp,
            (maalgruppe == grupper.aktivitetsparat_kontanthjaelp)
            | (maalgruppe == grupper.aktivitetsparat_uddannelseshjaelp),
            (maalgruppe == grupper.fleksjobvisiteret) & (ydelse == ydelse.possible_values.ledighedsydelse),
            (maalgruppe == grupper.jobafklaringsforloeb)
            | (maalgruppe == grupper.ressourceforloeb)
            | (maalgruppe == grupper.revalidend),
            maalgruppe == grupper.sygedagpengemodtager,
        ],
        [
            Regelgruppe.forsikret_ledig_ung,
            Regelgruppe.forsikret_ledig,
            Regelgruppe.jobparat,
            Regelgruppe.uddannelsesparat,
            Regelgruppe.aktivitetsparat,
            Regelgruppe.ledighedsydelse,
            Regelgruppe.forloeb,
            Regelgruppe.sygedagpenge,
        ],
        default=Regelgruppe.uden_kontaktforloeb,
    )


class regelgruppe_lab_6(Variable):
    value_type = Enum
    possible_values = Regelgruppe
    default_value = Regelgruppe.uden_kontaktforloeb
    entity = Person
    definition_period = MONTH
    label = "Regelgruppe efter målgruppen i LAB § 6 (maalgruppe_lab_6)"
    reference = LAB.paragraf("§ 6", "§ 27, stk. 3", "§ 31, stk. 1 og 3") + LOV_727_2023.paragraf("§ 1")
    documentation = (
        "Den regelgruppe, personens målgruppe efter LAB § 6 giver (se regelgruppe). I gældende ret "
        "samme som regelgruppe; en reform med andre målgrupper læser her, hvilke regler borgeren "
        "har i dag."
    )

    def formula(person, period):
        return _regelgruppe_efter_6(person, period, person("maalgruppe_lab_6", period))


class regelgruppe(Variable):
    value_type = Enum
    possible_values = Regelgruppe
    default_value = Regelgruppe.uden_kontaktforloeb
    entity = Person
    definition_period = MONTH
    label = "Regelgruppe for kontaktforløb, pligter og plan (afledt af målgruppen)"
    reference = LAB.paragraf("§ 6", "§ 27, stk. 3", "§ 31, stk. 1 og 3") + LOV_727_2023.paragraf("§ 1")
    documentation = """
Samler målgrupperne i LAB § 6 i de grupper, som kontaktforløbet, borgerens pligter og
"Min Plan" skelner imellem. Forsikrede ledige under 25 år uden erhvervskompetencegivende
uddannelse og uden hjemmeboende børn (§ 27, stk. 3; ung_forsikret_i_jobcenteret) er en
særskilt gruppe, når parameteren lab.kontaktforloeb.ung_undtagelse.gaelder er sand (fra
1.1.2024): de visiteres til jobcenteret fra start. Modellen antager, at alle i gruppen er
omfattet af uddannelsespålægget. Fleksjobvisiterede har kun et kontaktforløb, mens de
modtager ledighedsydelse.

Regelgruppen læser målgruppen i maalgruppe, så en målgruppe givet som input følger med; med
de 13 målgrupper er den lig regelgruppe_lab_6. Det er den ene afbildning, en reform med andre
målgrupper skal erstatte. Jobsøgningspligterne (joblog og cv) læser regelgruppen gennem
regelgruppe_jobsoegning, så en reform kan give dem et andet regelsæt end kontaktforløbet.
"""

    def formula(person, period):
        return _regelgruppe_efter_6(person, period, person("maalgruppe", period))


class regelgruppe_jobsoegning(Variable):
    value_type = Enum
    possible_values = Regelgruppe
    default_value = Regelgruppe.uden_kontaktforloeb
    entity = Person
    definition_period = MONTH
    label = "Regelgruppe for jobsøgningspligterne (joblog og cv)"
    reference = LAB.paragraf("§ 6, nr. 1, 2 og 4") + AFL.paragraf("§ 62") + LAS.paragraf("§ 13")
    documentation = (
        "I gældende ret samme gruppe som regelgruppe: joblog_pligt og cv_pligt følger personens "
        "gruppe efter LAB § 6. En reform, der giver nye målgrupper fælles regler for kontaktforløbet, "
        "kan lade jobsøgningspligterne følge et andet regelsæt ved at erstatte denne variabel."
    )

    def formula(person, period):
        return person("regelgruppe", period)


def _i_gruppe(person, period, grupper) -> numpy.ndarray:
    """Om personens regelgruppe er en af ``grupper`` (en liste af navne fra en parameter)."""
    return navn_i(person("regelgruppe", period), grupper)


def _ledighed_start(person, period, relevant, hvorfor) -> numpy.ndarray:
    """ledighed_startdato, som skal være oplyst for de relevante personer."""
    start = person("ledighed_startdato", period)
    kraev_oplyst(start, "ledighed_startdato", hvorfor, relevant=relevant)
    return start


class kontaktforloeb_omfattet(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Omfattet af et lovbestemt kontaktforløb med jobsamtaler (LAB §§ 31-32)"
    reference = LAB.paragraf("§ 31, stk. 1 og 3", "§ 32")
    documentation = (
        "§ 6, nr. 1-5, 7, 8, nr. 9 på ledighedsydelse og nr. 10. Sygedagpengemodtagere følges op "
        "efter sygedagpengeloven; de øvrige grupper har intet lovbestemt antal jobsamtaler."
    )

    def formula(person, period, parameters):
        return _i_gruppe(person, period, parameters(period).lab.kontaktforloeb.omfattede_grupper)


class undtaget_kontaktforloeb(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Kommunen eller a-kassen har undtaget borgeren fra de obligatoriske jobsamtaler (højst 25 pct.)"
    reference = LOV_1750_2025.paragraf("§ 1 (LAB § 31)")
    documentation = (
        "Input: kommunens (eller a-kassens) konkrete beslutning om at undtage en borger, som "
        "vurderes selv at kunne komme i job, fra de obligatoriske jobsamtaler. Fra 1.7.2026 kan "
        "op til 25 pct. af dagpengemodtagere, jobparate kontanthjælpsmodtagere og "
        "ledighedsydelsesmodtagere undtages; loftet gælder gruppen og kontrolleres ikke per person."
    )


class kontaktforloeb_undtagelse_virker(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Undtagelsen fra de obligatoriske jobsamtaler har virkning (fleksibelt kontaktforløb)"
    reference = LOV_1750_2025.paragraf("§ 1 (LAB § 31)")
    documentation = (
        "Sand, når borgeren er undtaget (undtaget_kontaktforloeb) og hører til en gruppe, der kan "
        "undtages (lab.kontaktforloeb.undtagelse.grupper). Reglen gælder fra 1.7.2026 (STAR, "
        "webinar 21.1.2026); før da har en undtagelse ingen virkning."
    )

    def formula_2026_07_01(person, period, parameters):
        """Fra 1.7.2026 (lov nr. 1750/2025): undtagelsen virker for grupperne, der kan undtages."""
        kan_undtages = _i_gruppe(person, period, parameters(period).lab.kontaktforloeb.undtagelse.grupper)
        return kan_undtages & person("undtaget_kontaktforloeb", period)


class Ansvarlig(Enum):
    ingen = "Ingen (intet lovbestemt kontaktforløb)"
    a_kasse = "A-kassen"
    jobcenter = "Jobcenteret"
    kommune = "Kommunen"


def _kommunens_enhed(parameters, period):
    # Lov nr. 1750/2025: "jobcenteret" bliver til "kommunen" overalt i LAB.
    afskaffet = parameters(period).lab.kontaktforloeb.jobcentre_afskaffet
    return Ansvarlig.kommune if afskaffet else Ansvarlig.jobcenter


class kontaktforloeb_a_kasse_fase(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "I a-kassens del af kontaktforløbet (ledighedens første måneder)"
    reference = LAB.paragraf("§ 27, stk. 2", "§ 31, stk. 1") + LOV_727_2023.paragraf("§ 1")
    documentation = (
        "Sand for en forsikret ledig (regelgruppe forsikret_ledig, ikke § 27, stk. 3-gruppen) i de "
        "måneder, der slutter inden jobcenteret (kommunen) overtager kontaktforløbet "
        "(min_plan_overtages_senest: lab.kontaktforloeb.a_kasse.periode_maaneder måneder efter "
        "ledighed_startdato). Perioden er 0 måneder i 2020-2023 (a-kassen havde ingen del af "
        "kontaktforløbet) og 3 måneder fra 1.1.2024 (lov nr. 727/2023). a-kasserne bruger i praksis en "
        "grænse på 410 udbetalte dagpengetimer ved udgangen af en måned (ca. 11 uger)."
    )

    def formula(person, period):
        overtages = person("min_plan_overtages_senest", period)
        # § 31, stk. 1: a-kassen i de første måneder, herefter jobcenteret (kommunen).
        return (overtages != _INGEN) & (maaned_slut(period) < overtages)


class kontaktforloeb_ansvarlig(Variable):
    value_type = Enum
    possible_values = Ansvarlig
    default_value = Ansvarlig.ingen
    entity = Person
    definition_period = MONTH
    label = "Hvem der har ansvaret for kontaktforløbet i måneden"
    reference = (
        LAB.paragraf("§ 27, stk. 2 og 3", "§ 31, stk. 1")
        + LOV_727_2023.paragraf("§ 1")
        + LOV_1750_2025.paragraf("§ 1, nr. 1")
        + SDL.paragraf("§ 13 b")
    )
    documentation = """
A-kassen i a-kassens del af kontaktforløbet (kontaktforloeb_a_kasse_fase: fra 1.1.2024 de
første 3 måneder for forsikrede ledige, undtagen § 27, stk. 3-gruppen; ingen a-kassefase
2020-2023); ellers jobcenteret for alle grupper med kontaktforløb. Fra lov nr. 1750/2025
(parameteren jobcentre_afskaffet, 1.2.2026, lav-medium sikkerhed) står der "kommunen" i stedet
for "jobcenteret".

Sygedagpengemodtagere: kommunen (jobcenteret) følger op efter sygedagpengeloven. Overgangen for
personer, der var ledige før 1.1.2024 og fortsatte i jobcenteret, er ikke modelleret: modellen
viser reglerne for et forløb efter de regler, der gælder i måneden.
"""

    def formula(person, period, parameters):
        gruppe = person("regelgruppe", period)
        kommunal = person("kontaktforloeb_omfattet", period) | (gruppe == Regelgruppe.sygedagpenge)
        return numpy.select(
            [person("kontaktforloeb_a_kasse_fase", period), kommunal],
            [Ansvarlig.a_kasse, _kommunens_enhed(parameters, period)],
            default=Ansvarlig.ingen,
        )


class kontaktforloeb_samtaler_a_kasse(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Mindste antal individuelle jobsamtaler i a-kassen inden for de første 3 måneder"
    reference = (
        LAB.paragraf("§ 31, stk. 1, 1. pkt.") + LOV_727_2023.paragraf("§ 1") + LOV_1750_2025.paragraf("§ 1")
    )
    documentation = (
        "Forsikrede ledige (ikke § 27, stk. 3-gruppen): 0 i 2020-2023, 3 fra 1.1.2024 og 2 fra "
        "1.7.2026 (lab.kontaktforloeb.a_kasse.samtaler_3_maaneder). Andre grupper: 0. En person, "
        "der er undtaget efter det fleksible kontaktforløb, skal kun have den første samtale "
        "(se kontaktforloeb_min_samtaler_6_maaneder)."
    )

    def formula(person, period, parameters):
        forsikret = person("regelgruppe", period) == Regelgruppe.forsikret_ledig
        return numpy.where(forsikret, parameters(period).lab.kontaktforloeb.a_kasse.samtaler_3_maaneder, 0)


class kontaktforloeb_samtaler_kommune(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Mindste antal individuelle jobsamtaler i jobcenteret (kommunen) inden for de første 6 måneder"
    reference = (
        LAB.paragraf("§ 31, stk. 1 og 3") + LOV_727_2023.paragraf("§ 1") + LOV_1750_2025.paragraf("§ 1")
    )
    documentation = (
        "Tallet for personens regelgruppe i lab.kontaktforloeb.kommune_samtaler_6_maaneder: 4 for "
        "alle grupper i § 31 i 2020-2023; fra 2024 3 for forsikrede ledige (efter a-kassens 3 "
        "måneder) og 6 for § 27, stk. 3-gruppen; fra 1.7.2026 2 for forsikrede ledige."
    )

    def formula(person, period, parameters):
        gruppe = person("regelgruppe", period)
        return parameters(period).lab.kontaktforloeb.kommune_samtaler_6_maaneder[gruppe.decode_to_str()]


class kontaktforloeb_min_samtaler_6_maaneder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = (
        "Mindste antal individuelle jobsamtaler inden for de første 6 måneder (a-kasse og jobcenter/kommune)"
    )
    reference = (
        LAB.paragraf("§ 31, stk. 1 og 3") + LOV_727_2023.paragraf("§ 1") + LOV_1750_2025.paragraf("§ 1")
    )
    documentation = """
Summen af a-kassens og jobcenterets (kommunens) mindste antal individuelle jobsamtaler for
personens gruppe på datoen. Forsikrede ledige: 4 (2020-2023), 3 + 3 = 6 (2024), 2 + 2 = 4
(1.7.2026); § 27, stk. 3-gruppen 6 i jobcenteret (2024). Kontant- og uddannelseshjælp,
ledighedsydelse, jobafklaring, ressourceforløb og revalidering: 4.

I 2020-2023 kommer fællessamtalerne med a-kassen oven i (kontaktforloeb_faellessamtaler_6_maaneder);
STAR opgjorde det samlede antal samtaler for dagpengemodtagere til 9 før og 6 efter 1.1.2024,
medregnet a-kassens cv- og rådighedssamtaler, som ikke er jobsamtaler efter LAB.

Fra 1.7.2026 skal kravet kun opfyldes for mindst 75 pct. af gruppen; en person, der er
undtaget (kontaktforloeb_undtagelse_virker), skal kun have den første samtale
(lab.kontaktforloeb.undtagelse.min_samtaler). Fritagelse ved mindre intensiv indsats (§ 106)
ændrer ikke gruppens krav; den står i fritaget_mindre_intensiv_indsats.
"""

    def formula(person, period, parameters):
        """Til 30.6.2026: a-kassens og kommunens samtaler tilsammen."""
        return person("kontaktforloeb_samtaler_a_kasse", period) + person(
            "kontaktforloeb_samtaler_kommune", period
        )

    def formula_2026_07_01(person, period, parameters):
        """Fra 1.7.2026 (lov nr. 1750/2025): en undtaget borger skal kun have den første samtale."""
        samlet = person("kontaktforloeb_samtaler_a_kasse", period) + person(
            "kontaktforloeb_samtaler_kommune", period
        )
        undtaget = person("kontaktforloeb_undtagelse_virker", period)
        return numpy.where(
            undtaget,
            numpy.minimum(samlet, parameters(period).lab.kontaktforloeb.undtagelse.min_samtaler),
            samlet,
        )


class kontaktforloeb_foerste_samtale_senest(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Seneste dato for den første jobsamtale"
    reference = LAB.paragraf("§ 31, stk. 4 og 5") + LOV_727_2023.paragraf("§ 1")
    documentation = """
Kontant- og uddannelseshjælpsmodtagere (§ 6, nr. 2-5): senest 1 uge efter første henvendelse
til kommunen om hjælp (§ 31, stk. 5; stk. 3 før 2024). Forsikrede ledige fra 1.1.2024: a-kassen
senest 2 uger efter tilmeldingen som jobsøgende (§ 31, stk. 4), ikke for § 27, stk.
3-gruppen. Henvendelsen og tilmeldingen er tilnærmet med ledighed_startdato.

Før 2024 fastsatte § 31 ingen frist for den første jobsamtale med forsikrede ledige, og § 31
har ingen frist for nr. 7-10 (jobafklaringsforløbets 1-ugesfrist, som STAR nævner, er ikke
fundet i loven). Uden frist: 0001-01-01. Ingen kilde ændrer fristerne 1.7.2026.
"""

    def formula(person, period, parameters):
        """2020-2023: kun kommunens frist for kontant- og uddannelseshjælpsmodtagere (§ 31, stk. 3)."""
        foerste = parameters(period).lab.kontaktforloeb.kommune_foerste_samtale
        kommune = _i_gruppe(person, period, foerste.grupper)
        start = _ledighed_start(person, period, kommune, "kontaktforloeb_foerste_samtale_senest")
        return numpy.where(kommune, plus_dage(start, foerste.dage), _INGEN)

    def formula_2024_01_01(person, period, parameters):
        """Fra 1.1.2024 (lov nr. 727/2023): også a-kassens frist for forsikrede ledige (§ 31, stk. 4)."""
        kontaktforloeb = parameters(period).lab.kontaktforloeb
        kommune = _i_gruppe(person, period, kontaktforloeb.kommune_foerste_samtale.grupper)
        a_kasse = person("regelgruppe", period) == Regelgruppe.forsikret_ledig
        start = _ledighed_start(person, period, kommune | a_kasse, "kontaktforloeb_foerste_samtale_senest")
        return numpy.select(
            [a_kasse, kommune],
            [
                plus_dage(start, kontaktforloeb.a_kasse.foerste_samtale_dage),
                plus_dage(start, kontaktforloeb.kommune_foerste_samtale.dage),
            ],
            default=_INGEN,
        )


class kontaktforloeb_faellessamtaler_6_maaneder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Antal fællessamtaler med a-kassen inden for de første 6 måneder, ud over jobcenterets samtaler"
    reference = LAB.paragraf("§ 31, stk. 2") + LOV_727_2023.paragraf("§ 1")
    documentation = (
        "Forsikrede ledige 2020-2023: 2 (én senest ved 3 måneder, hvis a-kassen finder behov, eller "
        "jobcenteret eller personen beder om den; én mellem 3 og 6 måneder), medmindre personen "
        "ikke ønsker a-kassens deltagelse. Fra 1.1.2024: 0."
    )

    def formula(person, period, parameters):
        forsikret = person("regelgruppe", period) == Regelgruppe.forsikret_ledig
        return numpy.where(forsikret, parameters(period).lab.kontaktforloeb.faellessamtaler_6_maaneder, 0)


class kontaktforloeb_faellessamtale(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Fællessamtaler med a-kassen skal holdes i denne periode af forløbet (de første 6 måneder)"
    reference = LAB.paragraf("§ 31, stk. 2") + LOV_727_2023.paragraf("§ 1")
    documentation = (
        "Sand for en forsikret ledig i en måned inden for de første 6 måneders ledighed, når "
        "reglerne har fællessamtaler (2020-2023). Fællessamtalen senest ved 16 måneder (§ 32, "
        "stk. 2) står i kontaktforloeb_intensiveret_samtale_senest."
    )

    def formula(person, period, parameters):
        kontaktforloeb = parameters(period).lab.kontaktforloeb
        relevant = person("kontaktforloeb_faellessamtaler_6_maaneder", period) > 0
        start = _ledighed_start(person, period, relevant, "kontaktforloeb_faellessamtale")
        foerste_periode = (start <= maaned_slut(period)) & (
            maaned_start(period) < plus_maaneder(start, kontaktforloeb.foerste_periode_maaneder)
        )
        return relevant & foerste_periode


class kontaktforloeb_efter_aftale(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Efter de første 6 måneder: aftalt kontaktforløb og ret til jobsamtaler efter anmodning"
    reference = LAB.paragraf("§ 32, stk. 1")
    documentation = (
        "Sand for en person med kontaktforløb, når måneden begynder efter de første 6 måneder regnet "
        "fra ledighed_startdato. Derefter aftales forløbet mellem personen og jobcenteret "
        "(kommunen), der holder samtaler efter behov, og personen har ret til jobsamtaler efter "
        "anmodning. Uændret efter lov nr. 1750/2025 (STAR)."
    )

    def formula(person, period, parameters):
        omfattet = person("kontaktforloeb_omfattet", period)
        start = _ledighed_start(person, period, omfattet, "kontaktforloeb_efter_aftale")
        maaneder = parameters(period).lab.kontaktforloeb.foerste_periode_maaneder
        return omfattet & (maaned_start(period) >= plus_maaneder(start, maaneder))


class kontaktforloeb_intensiveret_samtale_senest(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Seneste dato for jobsamtalen om en obligatorisk intensiveret indsats (16 måneders ledighed)"
    reference = LAB.paragraf("§ 32, stk. 2")
    documentation = (
        "Forsikrede ledige: senest når personen har været ledig i 16 måneder, regnet fra "
        "ledighed_startdato (samme dag 16 måneder senere; findes dagen ikke, månedens sidste dag). "
        "A-kassen deltager, medmindre personen ikke ønsker det, og jobcenteret skal tilbyde en "
        "obligatorisk intensiveret indsats. Kravet består efter lov nr. 1750/2025. Andre: 0001-01-01."
    )

    def formula(person, period, parameters):
        gruppe = person("regelgruppe", period)
        forsikret = (gruppe == Regelgruppe.forsikret_ledig) | (gruppe == Regelgruppe.forsikret_ledig_ung)
        start = _ledighed_start(person, period, forsikret, "kontaktforloeb_intensiveret_samtale_senest")
        maaneder = parameters(period).lab.kontaktforloeb.intensiveret_samtale_maaneder
        return numpy.where(forsikret, plus_maaneder(start, maaneder), _INGEN)


class SamtaleForm(Enum):
    ikke_relevant = "Ikke relevant (intet kontaktforløb efter LAB)"
    kun_personligt = "Personligt fremmøde (hovedregel)"
    valgfrit_efter_6_maaneder = "Efter 6 måneders ledighed vælger borgeren fremmøde, telefon eller video"
    valgfrit_efter_foerste_samtale = (
        "Første samtale ved fremmøde; derefter vælger borgeren fremmøde, telefon eller video"
    )
    valgfrit_alle_samtaler = "Borgeren vælger fremmøde, telefon eller video til alle samtaler"


class kontaktforloeb_samtaler_telefon_video(Variable):
    value_type = Enum
    possible_values = SamtaleForm
    default_value = SamtaleForm.ikke_relevant
    entity = Person
    definition_period = MONTH
    label = "Hvilke jobsamtaler borgeren kan vælge at holde telefonisk eller ved video"
    reference = (
        LAB.paragraf("§ 33, stk. 1") + LOV_2590_2021.paragraf("§ 1") + LOV_295_2023.paragraf("§ 1, nr. 3")
    )
    documentation = """
Reglen på datoen (parameteren lab.kontaktforloeb.samtaleform) for personer med kontaktforløb:
2020-2021 personligt fremmøde som hovedregel; fra 1.1.2022 (lov nr. 2590/2021) kan personen
efter 6 måneders ledighed vælge telefon eller video; fra lov nr. 295/2023 holdes første
jobsamtale ved personligt fremmøde, og derefter vælger personen. Lov nr. 295/2023 trådte i
kraft 22.3.2023 (STAR), og marts 2023 vises med 2022-reglen (værdien læses den 1. i måneden).
Værdien valgfrit_alle_samtaler har ingen lov brugt; den findes, så en reform kan sætte parameteren
til den. Kommunen kan i visse tilfælde kræve personligt fremmøde (§ 33, stk. 2). For de første 3
måneder i a-kassen fra 2024 gælder det samme: første samtale ved fremmøde, de to næste efter
valg (NNF a-kasse, medium).
"""

    def formula(person, period, parameters):
        regel = SamtaleForm[parameters(period).lab.kontaktforloeb.samtaleform]
        return numpy.where(person("kontaktforloeb_omfattet", period), regel, SamtaleForm.ikke_relevant)
