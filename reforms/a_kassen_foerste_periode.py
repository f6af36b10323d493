"""Reform: a-kassen tager sig af kontakten i den første del af ledighedsperioden, i alle år."""

import numpy
from openfisca_core import periods
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre, parameter, tidligere_formel

MODUL = "a_kassen_foerste_periode"
A_KASSENS_PERIODE = "lab.kontaktforloeb.a_kasse.periode_maaneder"


def _a_kassen_har_foerste_periode(parametre):
    """A-kassens periode, hvor loven ikke giver den en (0 måneder); de unge som andre."""
    reform = parameter(parametre, f"reformer.{MODUL}")
    periode = parameter(parametre, A_KASSENS_PERIODE)
    vaerdier = sorted(periode.values_list, key=lambda v: v.instant_str)
    for i, vaerdi in enumerate(vaerdier):
        if vaerdi.value == 0:
            naeste = vaerdier[i + 1].instant_str if i + 1 < len(vaerdier) else None
            slut = periods.instant(naeste).offset(-1, "day") if naeste else None
            start = periods.instant(vaerdi.instant_str)
            periode.update(start=start, stop=slut, value=reform.children["periode_maaneder"](start))
    unge = reform.children["unge_i_jobcenteret_fra_start"]
    # Kilden undtager ingen: unge dagpengemodtagere starter også i a-kassen (standardvalget).
    for vaerdi in parameter(parametre, "lab.kontaktforloeb.ung_undtagelse.gaelder").values_list:
        vaerdi.value = vaerdi.value and unge(vaerdi.instant_str)
    return parametre


def _a_kassen_overtager(person, period, parameters) -> numpy.ndarray:
    """Forsikrede ledige i de år, hvor loven ikke giver a-kassen jobsamtaler (2020-2023)."""
    a_kassens_samtaler = parameters(period).lab.kontaktforloeb.a_kasse.samtaler_3_maaneder
    regelgruppe = person("regelgruppe", period)
    return (regelgruppe == regelgruppe.possible_values.forsikret_ledig) & (a_kassens_samtaler == 0)


class AKassenFoerstePeriode(Reform):
    """A-kassen tager den første del af ledighedsperioden, i alle år.

    Forslaget: 6-byerne foreslog i 2011, at a-kasserne tager sig af kontakten i den første del af
    ledighedsperioden, hvorefter jobcentret overtager med en mere intensiv indsats, så nyledige
    ikke skal til samtaler både i a-kassen og i kommunen i det første halvår. Kilde:
    ``002_5d57e95c82b3ac89.txt``, "Tema 3: Større sammenhæng i indsatsen på tværs af sektorer og
    aktører". (KL advarede i 2022 om følgerne af netop denne ændring,
    ``001_563147e58c2b51e6.txt``, "Mere målrettede tilbud"; det er ikke et forslag.)

    Forslagets byggesten i gældende ret er a-kassens periode (parameteren
    ``lab.kontaktforloeb.a_kasse.periode_maaneder``, variablen ``kontaktforloeb_a_kasse_fase``):
    0 måneder i 2020-2023 og 3 måneder fra 1.1.2024 (lov nr. 727/2023), dog ikke for unge under 25
    år uden uddannelse og hjemmeboende børn, som loven lader starte i jobcenteret (LAB § 27, stk. 3).

    Reformen er parametrisk (``reforms/parametre/a_kassen_foerste_periode.yaml``); kilden nævner
    ingen tal. Hvor loven ikke giver a-kassen en periode (2020-2023), får a-kassen reformens periode
    (standard 3 måneder) og overtager nogle af jobcenterets jobsamtaler i de første 6 måneder
    (standard 2 af lovens 4), og fællessamtalerne med både a-kasse og jobcenter falder bort
    (højst 0): samme antal samtaler som loven, men ingen dobbelt kontakt. Hvor loven allerede giver
    a-kassen den første periode (fra 2024), gælder lovens tal. Unge dagpengemodtagere under 25 år
    starter i a-kassen som andre, fordi kilden ikke undtager dem (``unge_i_jobcenteret_fra_start``,
    standard nej).

    Hvad reformen ændrer: ``kontaktforloeb_a_kasse_fase`` og dermed ``kontaktforloeb_ansvarlig`` og
    ``min_plan_udarbejdes_af`` (a-kassen i den første periode) og ``min_plan_overtages_senest``;
    2020-2023 også ``kontaktforloeb_samtaler_a_kasse``, ``kontaktforloeb_samtaler_kommune`` og
    fællessamtalerne (``kontaktforloeb_faellessamtaler_6_maaneder``); for unge dagpengemodtagere
    under 25 år uden uddannelse og børn også fra 2024 (a-kassen i de første 3 måneder, ikke
    jobcenteret fra start).

    Hvad reformen lader være: fristen for den første jobsamtale og for "Min Plan" (kilden nævner
    ingen, og i 2020-2023 havde loven ingen frist for forsikrede ledige), det samlede antal
    jobsamtaler, de andre gruppers kontaktforløb og samtalen ved 16 måneder.
    """

    name = "A-kassen har den første del af ledighedsperioden"
    kilder = (
        Kilde(
            "002_5d57e95c82b3ac89.txt",
            "Tema 3: Større sammenhæng i indsatsen på tværs af sektorer og aktører",
        ),
    )
    status = "forslag"

    def apply(self):
        aendr_parametre(self, _a_kassen_har_foerste_periode, modul=MODUL)
        a_kassens = tidligere_formel(self, "kontaktforloeb_samtaler_a_kasse")
        kommunens = tidligere_formel(self, "kontaktforloeb_samtaler_kommune")
        faelles = tidligere_formel(self, "kontaktforloeb_faellessamtaler_6_maaneder")

        def overfoerte(person, period, parameters):
            """Jobcenterets samtaler, a-kassen overtager (højst dem, jobcenteret har)."""
            antal = parameters(period).reformer.a_kassen_foerste_periode.samtaler_til_a_kassen
            flyttes = numpy.minimum(antal, kommunens(person, period, parameters))
            return numpy.where(_a_kassen_overtager(person, period, parameters), flyttes, 0)

        class kontaktforloeb_samtaler_a_kasse(Variable):
            label = (
                "Mindste antal jobsamtaler i a-kassen i de første måneder (også jobcenterets fra 2020-2023)"
            )

            def formula(person, period, parameters):
                return a_kassens(person, period, parameters) + overfoerte(person, period, parameters)

        class kontaktforloeb_samtaler_kommune(Variable):
            label = (
                "Mindste antal jobsamtaler i jobcenteret (kommunen) i de første 6 måneder (uden a-kassens)"
            )

            def formula(person, period, parameters):
                return kommunens(person, period, parameters) - overfoerte(person, period, parameters)

        class kontaktforloeb_faellessamtaler_6_maaneder(Variable):
            label = "Fællessamtaler med a-kassen i de første 6 måneder (ingen dobbelt kontakt)"

            def formula(person, period, parameters):
                hoejst = parameters(period).reformer.a_kassen_foerste_periode.faellessamtaler
                hidtil = faelles(person, period, parameters)
                overtager = _a_kassen_overtager(person, period, parameters)
                return numpy.where(overtager, numpy.minimum(hoejst, hidtil), hidtil)

        for variabel in (
            kontaktforloeb_samtaler_a_kasse,
            kontaktforloeb_samtaler_kommune,
            kontaktforloeb_faellessamtaler_6_maaneder,
        ):
            self.update_variable(variabel)
