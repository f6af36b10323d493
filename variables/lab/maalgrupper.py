"""Målgrupperne i LAB § 6, nr. 1-13, afledt af ydelse, forløb, parathed, alder og uddannelse."""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    ManglendeOplysningError,
    ModstridendeOplysningError,
    alder_hvor,
    kraev_oplyst,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import en_af, vaelg
from openfisca_dk_beskaeftigelse.love import BEK_2636_2021, LAB, LOV_1655_2024, LOV_1750_2025


class forloeb_startdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Første dag i det aktuelle forløb (ressourceforløb eller revalidering)"
    reference = LAB.paragraf("§ 6, nr. 8 og 10") + LOV_1750_2025.paragraf("§ 1, nr. 4 og 6")
    documentation = (
        "Den dag, det aktuelle ressourceforløb eller revalideringsforløb begyndte. Lov nr. "
        "1750/2025 lukker begge ordninger for nye borgere; den, der allerede er i forløb, "
        "forbliver i målgruppen (udfasning). Fra lukningsdatoen skal feltet derfor oplyses for "
        "personer med forloeb = ressourceforloeb eller revalidering. Ikke oplyst = 0001-01-01."
    )


class Maalgruppe(Enum):
    forsikret_ledig = "§ 6, nr. 1: Forsikrede ledige (arbejdsløshedsdagpenge)"
    jobparat_kontanthjaelp = "§ 6, nr. 2: Jobparate kontanthjælpsmodtagere"
    aktivitetsparat_kontanthjaelp = "§ 6, nr. 3: Aktivitetsparate kontanthjælpsmodtagere"
    uddannelsesparat_uddannelseshjaelp = (
        "§ 6, nr. 4: Uddannelsesparate u. 30 år uden uddannelse (uddannelseshjælp, fra 1.7.2025 kontanthjælp)"
    )
    aktivitetsparat_uddannelseshjaelp = (
        "§ 6, nr. 5: Aktivitetsparate u. 30 år uden uddannelse (uddannelseshjælp, fra 1.7.2025 kontanthjælp)"
    )
    sygedagpengemodtager = "§ 6, nr. 6: Sygedagpengemodtagere"
    jobafklaringsforloeb = "§ 6, nr. 7: Personer i jobafklaringsforløb"
    ressourceforloeb = "§ 6, nr. 8: Personer i ressourceforløb"
    fleksjobvisiteret = "§ 6, nr. 9: Personer visiteret til fleksjob"
    revalidend = "§ 6, nr. 10: Personer i revalidering"
    foertidspensionist = "§ 6, nr. 11: Førtidspensionister"
    ledig_selvforsoergende = "§ 6, nr. 12: Ledige selvforsørgende"
    ung_under_18 = "§ 6, nr. 13: Unge under 18 år"
    ingen = "Ikke i en målgruppe efter § 6"


class kontant_eller_uddannelseshjaelpsmodtager(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Modtager kontanthjælp, uddannelseshjælp eller overgangsydelse (§ 6, nr. 2-5)"
    reference = LAB.paragraf("§ 6, nr. 2-5") + LOV_1655_2024.paragraf("§ 2")
    documentation = (
        "Ydelsesfamilien i § 6, nr. 2-5: ydelsen er kontanthjælp, uddannelseshjælp eller "
        "overgangsydelse. Alder, uddannelse og parathed fordeler familien på nr. 2-5 "
        "(maalgruppe_lab_6). Reformer bygger på den (fx beskaeftigelsesreform_2027: en modtager "
        "er jobparat, medmindre andet er oplyst)."
    )

    def formula(person, period):
        ydelse = person("ydelse", period)
        y = ydelse.possible_values
        return en_af(ydelse, y.kontanthjaelp, y.uddannelseshjaelp, y.overgangsydelse)


def _begyndt_foer_lukningen(person, period, parameters, i_forloebet, hvorfor):
    """Lov nr. 1750/2025: forløbet tæller kun, hvis det begyndte før lukningen for nye borgere."""
    startdato = person("forloeb_startdato", period)
    kraev_oplyst(startdato, "forloeb_startdato", hvorfor, relevant=i_forloebet)
    lukket_fra = numpy.datetime64(parameters(period).lab.maalgrupper.nye_forloeb_lukket_fra, "D")
    return i_forloebet & (startdato < lukket_fra)


class i_ressourceforloeb(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "I et ressourceforløb, der giver § 6, nr. 8"
    reference = LAB.paragraf("§ 6, nr. 8") + LOV_1750_2025.paragraf("§ 1, nr. 4")
    documentation = (
        "forloeb = ressourceforloeb. Fra lukningen for nye borgere (lov nr. 1750/2025, parameteren "
        "lab.maalgrupper.nye_forloeb_lukket_fra) kun for et forløb begyndt før lukningen "
        "(forloeb_startdato skal da oplyses)."
    )

    def formula(person, period):
        """Til 31.1.2026: ethvert ressourceforløb."""
        forloeb = person("forloeb", period)
        return forloeb == forloeb.possible_values.ressourceforloeb

    def formula_2026_02_01(person, period, parameters):
        """Fra 1.2.2026: kun forløb begyndt før lukningen (lov nr. 1750/2025)."""
        forloeb = person("forloeb", period)
        i_forloebet = forloeb == forloeb.possible_values.ressourceforloeb
        return _begyndt_foer_lukningen(person, period, parameters, i_forloebet, "i_ressourceforloeb")


class i_revalidering(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "I en revalidering, der giver § 6, nr. 10"
    reference = LAB.paragraf("§ 6, nr. 10") + LOV_1750_2025.paragraf("§ 1, nr. 6")
    documentation = (
        "forloeb = revalidering. Fra lukningen for nye borgere (lov nr. 1750/2025) kun for et "
        "forløb begyndt før lukningen (forloeb_startdato skal da oplyses)."
    )

    def formula(person, period):
        """Til 31.1.2026: enhver revalidering."""
        forloeb = person("forloeb", period)
        return forloeb == forloeb.possible_values.revalidering

    def formula_2026_02_01(person, period, parameters):
        """Fra 1.2.2026: kun forløb begyndt før lukningen (lov nr. 1750/2025)."""
        forloeb = person("forloeb", period)
        i_forloebet = forloeb == forloeb.possible_values.revalidering
        return _begyndt_foer_lukningen(person, period, parameters, i_forloebet, "i_revalidering")


def _kontroller_forloeb(person, period) -> None:
    """En forløbsydelse uden et forløb, der tæller, er en fejl, der nævner feltet."""
    ydelse = person("ydelse", period)
    ydelser = ydelse.possible_values
    forloeb = person("forloeb", period)
    forloebene = forloeb.possible_values
    ressourceforloeb = person("i_ressourceforloeb", period)
    revalidering = person("i_revalidering", period)
    forloebsydelse = en_af(ydelse, ydelser.ressourceforloebsydelse, ydelser.revalideringsydelse)
    lukket = forloebsydelse & (
        ((forloeb == forloebene.ressourceforloeb) & ~ressourceforloeb)
        | ((forloeb == forloebene.revalidering) & ~revalidering)
    )
    if lukket.any():
        raise ModstridendeOplysningError(
            "forloeb_startdato",
            f"Feltet 'forloeb_startdato' ligger for {int(numpy.count_nonzero(lukket))} person(er) "
            "efter, at ressourceforløb og revalidering lukkede for nye borgere (lov nr. 1750/2025), "
            "men ydelsen er ressourceforløbs- eller revalideringsydelse; ret startdatoen eller ydelsen.",
        )
    jobafklaring = forloeb == forloebene.jobafklaringsforloeb
    uden_forloeb = forloebsydelse & ~(jobafklaring | ressourceforloeb | revalidering)
    if uden_forloeb.any():
        raise ManglendeOplysningError("forloeb", "maalgruppe", int(numpy.count_nonzero(uden_forloeb)))


class maalgruppe_lab_6(Variable):
    value_type = Enum
    possible_values = Maalgruppe
    default_value = Maalgruppe.ingen
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Målgruppe efter LAB § 6, nr. 1-13"
    reference = (
        LAB.paragraf("§ 6, nr. 1-13")
        + BEK_2636_2021.paragraf("§ 1")
        + LOV_1655_2024.paragraf("§ 2")
        + LOV_1750_2025.paragraf("§ 1, nr. 4-6")
    )
    documentation = """
Målgruppen afgøres i denne rækkefølge (lovens logik: forløbet går forud for ydelsen):

1. Forløb (nr. 7-10): jobafklaringsforløb giver nr. 7, ressourceforløb nr. 8, revalidering
   nr. 10 og visitation til fleksjob nr. 9. Revalidering på sygedagpenge (forrevalidering) er
   nr. 6, fordi nr. 10 undtager personer omfattet af nr. 6. Ledighedsydelse giver altid nr. 9
   (ydelsen forudsætter visitation til fleksjob), også uden forloeb = fleksjob. En
   fleksjobvisiteret på dagpenge er nr. 9, ikke nr. 1.
2. Ydelse: dagpenge nr. 1; kontanthjælp, uddannelseshjælp og overgangsydelse nr. 2-5;
   sygedagpenge nr. 6; førtidspension nr. 11. Ressourceforløbsydelse og revalideringsydelse
   kræver et forløb (jobafklaring, ressourceforløb eller revalidering); ellers er det en fejl,
   der nævner feltet 'forloeb'.
3. Uden ydelse: en ledig under 18 år er nr. 13, en anden ledig nr. 12 (selvforsørgende).
   Lovens kriterium for nr. 13 (behov for en indsats) er ikke et input; modellen bruger er_ledig.

Nr. 2-5: kontanthjælp, uddannelseshjælp og overgangsydelse behandles som én ydelsesfamilie;
alder (under 30 år) og uddannelse afgør nr. 2-3 over for nr. 4-5, og parathed afgør nr. 3/5
(aktivitetsparat) over for nr. 2/4 (jobparat eller uddannelsesparat). Før 1.7.2025 svarer det
til lovens ydelsesopdeling, fordi uddannelseshjælp netop var ydelsen til personer under 30 år
uden erhvervskompetencegivende uddannelse. Fra 1.7.2025 er uddannelseshjælp og overgangsydelse
lagt sammen med kontanthjælp (lov nr. 1655/2024); en person under 30 år uden uddannelse på
kontanthjælp placeres fortsat i nr. 4/5 efter parathed. Høj sikkerhed for indholdet: L 66
(2025-26) ændrer LAB "som ændret bl.a. ved [...] § 2 i lov nr. 1655 af 30. december 2024" og
beskriver gældende ret som "kontinuerlig ret og pligt til tilbud for uddannelses- og
aktivitetsparate kontanthjælpsmodtagere, som er under 30 år uden uddannelse" (bemærkningerne,
afsnit 2.2.1.2); STAR (webinar 21.1.2026) skriver "job- og uddannelsesparate
kontanthjælpsmodtagere". Ordlyden af § 6 efter lov nr. 1655/2024 er ikke set. Navnene
uddannelsesparat_uddannelseshjaelp og aktivitetsparat_uddannelseshjaelp er bevaret (kontrakten);
fra 1.7.2025 dækker de kontanthjælp. Ydelsen 'uddannelseshjaelp' accepteres også efter
1.7.2025 og behandles som kontanthjælp. En modtager i ydelsesfamilien uden parathed er en
fejl, der nævner feltet 'parathed'.

Lov nr. 1750/2025: ressourceforløb og revalidering er lukket for nye borgere fra
parameteren lab.maalgrupper.nye_forloeb_lukket_fra (1.2.2026, medium-lav sikkerhed). Derefter
er en person kun i nr. 8/10, hvis forloeb_startdato ligger før den dato; ellers afgøres
målgruppen af ydelsen (fx aktivitetsparat kontanthjælp, nr. 3).

Betingelserne, en reform kan ændre, er egne variabler: kontant_eller_uddannelseshjaelpsmodtager
(ydelsesfamilien i nr. 2-5), i_ressourceforloeb (nr. 8) og i_revalidering (nr. 10).
"""

    def formula(person, period, parameters):
        graenser = parameters(period).lab.maalgrupper
        ydelse = person("ydelse", period)
        ydelser = ydelse.possible_values
        forloeb = person("forloeb", period)
        forloebene = forloeb.possible_values
        parathed = person("parathed", period)
        er_ledig = person("er_ledig", period)
        kontanthjaelp = person("kontant_eller_uddannelseshjaelpsmodtager", period)
        _kontroller_forloeb(person, period)

        # Alderen (og dermed fødselsdatoen) skal kun kendes, hvor den afgør gruppen: nr. 2-5 og 12-13.
        alder = alder_hvor(person, period, kontanthjaelp | er_ledig, "maalgruppe")
        uden_parathed = kontanthjaelp & (parathed == parathed.possible_values.ikke_relevant)
        if uden_parathed.any():
            raise ManglendeOplysningError("parathed", "maalgruppe", int(numpy.count_nonzero(uden_parathed)))
        ung_uden_uddannelse = (alder < graenser.ung_alder) & ~person(
            "har_erhvervskompetencegivende_uddannelse", period
        )
        aktivitetsparat = parathed == parathed.possible_values.aktivitetsparat

        # Numrene i lovens rækkefølge, hvert med sin gruppe i kort form (BEK 2636/2021 § 1 gengiver § 6).
        # nr. 1: personer, der modtager arbejdsløshedsdagpenge
        nr_1 = ydelse == ydelser.arbejdsloeshedsdagpenge
        # nr. 2-5: kontant-, uddannelseshjælp eller overgangsydelse; under 30 år uden
        # erhvervskompetencegivende uddannelse skiller nr. 2-3 fra nr. 4-5, parathed nr. 2/4 fra 3/5.
        # nr. 2: jobparate kontanthjælpsmodtagere
        nr_2 = kontanthjaelp & ~ung_uden_uddannelse & ~aktivitetsparat
        # nr. 3: aktivitetsparate kontanthjælpsmodtagere
        nr_3 = kontanthjaelp & ~ung_uden_uddannelse & aktivitetsparat
        # nr. 4: uddannelsesparate uddannelseshjælpsmodtagere
        nr_4 = kontanthjaelp & ung_uden_uddannelse & ~aktivitetsparat
        # nr. 5: aktivitetsparate uddannelseshjælpsmodtagere
        nr_5 = kontanthjaelp & ung_uden_uddannelse & aktivitetsparat
        # nr. 6: sygedagpengemodtagere
        nr_6 = ydelse == ydelser.sygedagpenge
        # nr. 7: personer i jobafklaringsforløb
        nr_7 = forloeb == forloebene.jobafklaringsforloeb
        # nr. 8: personer i ressourceforløb (fra lov nr. 1750/2025 kun forløb begyndt før lukningen)
        nr_8 = person("i_ressourceforloeb", period)
        # nr. 9: personer, der er visiteret til fleksjob (ledighedsydelse forudsætter visitationen)
        nr_9 = (forloeb == forloebene.fleksjob) | (ydelse == ydelser.ledighedsydelse)
        # nr. 10: personer i revalidering, bortset fra personer omfattet af nr. 6 (forrevalidering)
        nr_10 = person("i_revalidering", period) & ~nr_6
        # nr. 11: personer, der modtager førtidspension
        nr_11 = ydelse == ydelser.foertidspension
        # nr. 12: ledige selvforsørgende (ledige uden en af ydelserne ovenfor)
        nr_12 = er_ledig
        # nr. 13: unge under 18 år, der har behov for en indsats (modellen: ledige under 18 år)
        nr_13 = er_ledig & (alder < graenser.mindreaarig_alder)

        # Forløbet (nr. 7-10) går forud for ydelsen (nr. 1-6 og 11); en ledig under 18 år er nr. 13.
        return vaelg(
            [nr_7, nr_8, nr_10, nr_9, nr_1, nr_2, nr_3, nr_4, nr_5, nr_6, nr_11, nr_13, nr_12],
            [
                Maalgruppe.jobafklaringsforloeb,
                Maalgruppe.ressourceforloeb,
                Maalgruppe.revalidend,
                Maalgruppe.fleksjobvisiteret,
                Maalgruppe.forsikret_ledig,
                Maalgruppe.jobparat_kontanthjaelp,
                Maalgruppe.aktivitetsparat_kontanthjaelp,
                Maalgruppe.uddannelsesparat_uddannelseshjaelp,
                Maalgruppe.aktivitetsparat_uddannelseshjaelp,
                Maalgruppe.sygedagpengemodtager,
                Maalgruppe.foertidspensionist,
                Maalgruppe.ung_under_18,
                Maalgruppe.ledig_selvforsoergende,
            ],
            Maalgruppe.ingen,
        )


class maalgruppe(Variable):
    value_type = Enum
    possible_values = Maalgruppe
    default_value = Maalgruppe.ingen
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Målgruppe efter LAB § 6"
    reference = LAB.paragraf("§ 6, nr. 1-13")
    documentation = (
        "Borgerens målgruppe. I gældende ret er det målgruppen efter LAB § 6 (maalgruppe_lab_6). "
        "Kontaktforløbet, pligterne og planen læser målgruppen herfra (gennem regelgruppe); en "
        "reform med andre målgrupper (faerre_maalgrupper) erstatter denne variabel, mens regler, "
        "som reformen ikke ændrer (fx løntilskud, jobrotation og ret og pligt-tilbud), fortsat "
        "læser § 6-målgruppen i maalgruppe_lab_6. Vil man give målgruppen direkte som input for "
        "alle regler, gives maalgruppe_lab_6; gives maalgruppe, bruges den kun af kontaktforløbet, "
        "pligterne og planen."
    )

    def formula(person, period):
        return person("maalgruppe_lab_6", period)
