"""Reform: rettigheder frem for pligter: samtaler efter ønske, og borgeren skriver selv sin plan."""

from openfisca_core.indexed_enums import Enum
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.grupper import hvor, navn_i, som
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import (
    aendr_parametre,
    aendr_vaerdier,
    kontaktforloeb_efter_aftale,
    tidligere_formel,
)

# Modellens antagelse om de selvhjulpne (forslaget nævner ingen grupper): forsikrede og jobparate.
SELVHJULPNE = ("forsikret_ledig", "forsikret_ledig_ung", "jobparat")


class MinPlanUdarbejder(Enum):
    ingen = 'Ingen (ingen "Min Plan")'
    a_kasse = "A-kassen"
    jobcenter = "Jobcenteret"
    kommune = "Kommunen"
    borgeren = "Borgeren selv"


def _ingen_pligtsamtaler(parametre):
    aendr_vaerdier(parametre, "lab.kontaktforloeb.a_kasse.samtaler_3_maaneder", lambda _: 0)
    aendr_vaerdier(parametre, "lab.kontaktforloeb.faellessamtaler_6_maaneder", lambda _: 0)
    for gruppe in SELVHJULPNE:
        aendr_vaerdier(parametre, f"lab.kontaktforloeb.kommune_samtaler_6_maaneder.{gruppe}", lambda _: 0)
    return parametre


class RettighederFremForPligter(Reform):
    """Medansvar og minimumsrettigheder frem for kontrol.

    Forslaget: 6-byerne vil have, at ledige i mindre grad har pligt til at møde op til
    samtaler og i stedet har ret til hjælp til jobsøgning og vejledning, når de selv ønsker
    det; de mange, der selv kan finde job, skal kunne klare sig uden direkte kontakt, og mange
    kan selv udarbejde deres jobplan; de frigjorte ressourcer skal bruges på de svage grupper,
    som beholder deres ret til samtaler og tilbud. Kilde: ``002_5d57e95c82b3ac89.txt``, "Tema 4:
    Medansvar og minimumsrettigheder frem for kontrol".

    Hvad reformen ændrer: for forsikrede ledige og jobparate kontanthjælpsmodtagere er der ingen
    obligatoriske jobsamtaler (a-kassens og kommunens samtaler og fællessamtalerne sættes til 0),
    alle med kontaktforløb har fra første dag ret til en samtale efter ønske
    (``kontaktforloeb_efter_aftale``), og de selvhjulpne skriver selv "Min Plan"
    (``min_plan_udarbejdes_af`` = borgeren).

    Hvad reformen lader være: de øvrige gruppers samtaler (uddannelsesparate, aktivitetsparate,
    ledighedsydelse og forløb), fristerne, pligten til at søge job, joblog og cv, tilbuddene og
    ydelserne. Afskaffelsen af tjek af jobforslag hver 7. dag, som 6-byerne også foreslog, er
    gældende ret fra 1.1.2020 (lov nr. 548/2019) og er derfor ikke en del af reformen.
    """

    name = "Rettigheder frem for pligter"
    kilder = (Kilde("002_5d57e95c82b3ac89.txt", "Tema 4: Medansvar og minimumsrettigheder frem for kontrol"),)
    status = "forslag"

    def apply(self):
        aendr_parametre(self, _ingen_pligtsamtaler)
        hidtidig_plan = tidligere_formel(self, "min_plan_udarbejdes_af")

        class min_plan_udarbejdes_af(Variable):
            possible_values = MinPlanUdarbejder
            default_value = MinPlanUdarbejder.ingen
            label = 'Hvem der udarbejder "Min Plan" (de selvhjulpne skriver den selv)'

            def formula(person, period, parameters):
                hidtil = som(hidtidig_plan(person, period, parameters), MinPlanUdarbejder)
                selvhjulpen = navn_i(person("regelgruppe", period), SELVHJULPNE)
                return hvor(
                    selvhjulpen & (hidtil != MinPlanUdarbejder.ingen), MinPlanUdarbejder.borgeren, hidtil
                )

        self.update_variable(kontaktforloeb_efter_aftale)
        self.update_variable(min_plan_udarbejdes_af)
