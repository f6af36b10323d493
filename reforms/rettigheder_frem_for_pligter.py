"""Reform: rettigheder frem for pligter: samtaler efter ønske, og borgeren skriver selv sin plan."""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import hvor, navn_i, som
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import LAB
from openfisca_dk_beskaeftigelse.reformstoette import (
    kontaktforloeb_efter_aftale,
    tidligere_formel,
    tilfoej_reformparametre,
)

# Samtalekravene, der ikke gælder for de selvhjulpne (ingen pligt til at møde op).
PLIGTSAMTALER = (
    "kontaktforloeb_samtaler_a_kasse",
    "kontaktforloeb_samtaler_kommune",
    "kontaktforloeb_faellessamtaler_6_maaneder",
)


class MinPlanUdarbejder(Enum):
    ingen = 'Ingen (ingen "Min Plan")'
    a_kasse = "A-kassen"
    jobcenter = "Jobcenteret"
    kommune = "Kommunen"
    borgeren = "Borgeren selv"


class selvhjulpen(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Hører til de grupper, der kan klare sig uden direkte kontakt (rettigheder frem for pligter)"
    reference = LAB.paragraf("§ 31", "§ 42")
    documentation = (
        "Personens regelgruppe står i reformer.rettigheder_frem_for_pligter.selvhjulpne "
        "(standard: forsikrede ledige og jobparate kontanthjælpsmodtagere, ikke unge under 25 år "
        "uden uddannelse)."
    )

    def formula(person, period, parameters):
        grupper = parameters(period).reformer.rettigheder_frem_for_pligter.selvhjulpne
        return navn_i(person("regelgruppe", period), grupper)


class RettighederFremForPligter(Reform):
    """Medansvar og minimumsrettigheder frem for kontrol.

    Forslaget: 6-byerne vil have, at ledige i mindre grad har pligt til at møde op til
    samtaler og i stedet har ret til hjælp til jobsøgning og vejledning, når de selv ønsker
    det; de mange, der selv kan finde job, skal kunne klare sig uden direkte kontakt, og mange
    kan selv udarbejde deres jobplan; de frigjorte ressourcer skal bruges på de svage grupper,
    som beholder deres ret til samtaler og tilbud. Kilde: ``002_5d57e95c82b3ac89.txt``, "Tema 4:
    Medansvar og minimumsrettigheder frem for kontrol".

    Reformen er parametrisk (``reforms/parametre/rettigheder_frem_for_pligter.yaml``): hvilke
    regelgrupper der er selvhjulpne. Kilden nævner dagpengemodtagerne (46 pct. er i job efter 13
    uger) og de svage grupper, "især på kontanthjælp"; standardværdien er forsikrede ledige og
    jobparate kontanthjælpsmodtagere. Unge dagpengemodtagere under 25 år uden uddannelse (LAB § 27,
    stk. 3) er ikke med: kilden siger ikke, at de kan klare sig selv, og 6-byerne kalder ungegruppen
    meget sammensat (Tema 1).

    Hvad reformen ændrer: for de selvhjulpne (``selvhjulpen``) er der ingen obligatoriske
    jobsamtaler (``kontaktforloeb_samtaler_a_kasse``, ``kontaktforloeb_samtaler_kommune`` og
    fællessamtalerne er 0, og dermed ``kontaktforloeb_min_samtaler_6_maaneder``), og de skriver selv
    "Min Plan" (``min_plan_udarbejdes_af`` = borgeren); alle med kontaktforløb har fra første dag ret
    til en samtale efter ønske (``kontaktforloeb_efter_aftale``).

    Hvad reformen lader være: de øvrige gruppers samtaler (unge dagpengemodtagere i jobcenteret,
    uddannelsesparate, aktivitetsparate, ledighedsydelse og forløb), fristerne, pligten til at søge
    job, joblog og cv, tilbuddene og ydelserne. Afskaffelsen af tjek af jobforslag hver 7. dag, som
    6-byerne også foreslog, er gældende ret fra 1.1.2020 (lov nr. 548/2019) og er derfor ikke en del
    af reformen.
    """

    name = "Rettigheder frem for pligter"
    kilder = (Kilde("002_5d57e95c82b3ac89.txt", "Tema 4: Medansvar og minimumsrettigheder frem for kontrol"),)
    status = "forslag"
    uddata = ("selvhjulpen",)

    def apply(self):
        tilfoej_reformparametre(self, "rettigheder_frem_for_pligter")
        self.add_variable(selvhjulpen)
        for navn in PLIGTSAMTALER:
            self.update_variable(_ingen_for_selvhjulpne(navn, self))
        hidtidig_plan = tidligere_formel(self, "min_plan_udarbejdes_af")

        class min_plan_udarbejdes_af(Variable):
            possible_values = MinPlanUdarbejder
            default_value = MinPlanUdarbejder.ingen
            label = 'Hvem der udarbejder "Min Plan" (de selvhjulpne skriver den selv)'

            def formula(person, period, parameters):
                hidtil = som(hidtidig_plan(person, period, parameters), MinPlanUdarbejder)
                selvhjulpen = person("selvhjulpen", period)
                return hvor(
                    selvhjulpen & (hidtil != MinPlanUdarbejder.ingen), MinPlanUdarbejder.borgeren, hidtil
                )

        self.update_variable(kontaktforloeb_efter_aftale)
        self.update_variable(min_plan_udarbejdes_af)


def _ingen_for_selvhjulpne(navn: str, reform) -> type:
    """Samtalekravet ``navn`` som hidtil, men 0 for de selvhjulpne."""
    hidtil = tidligere_formel(reform, navn)
    label = f"{reform.variables[navn].label} (ingen for de selvhjulpne)"

    def formula(person, period, parameters):
        return numpy.where(person("selvhjulpen", period), 0, hidtil(person, period, parameters))

    return type(navn, (Variable,), {"label": label, "formula": formula})
