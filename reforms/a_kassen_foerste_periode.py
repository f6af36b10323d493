"""Reform: a-kassen har kontaktforløbet i ledighedens første periode også før 2024."""

from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre, gaelder_fra, tidligere_formel

LOV_727_FRA = "2024-01-01"
FRA = "2020-01-01"
PARAMETRE = (
    "lab.kontaktforloeb.a_kasse.samtaler_3_maaneder",
    "lab.kontaktforloeb.a_kasse.periode_maaneder",
    "lab.kontaktforloeb.a_kasse.foerste_samtale_dage",
    "lab.kontaktforloeb.kommune_samtaler_6_maaneder.forsikret_ledig",
    "lab.kontaktforloeb.kommune_samtaler_6_maaneder.forsikret_ledig_ung",
    "lab.kontaktforloeb.faellessamtaler_6_maaneder",
    "lab.kontaktforloeb.ung_undtagelse.gaelder",
)
VARIABLER = (
    "kontaktforloeb_ansvarlig",
    "kontaktforloeb_foerste_samtale_senest",
    "min_plan_senest",
    "min_plan_overtages_senest",
)


def _reglerne_fra_2024(parametre):
    for sti in PARAMETRE:
        gaelder_fra(parametre, sti, LOV_727_FRA, FRA)
    return parametre


class AKassenFoerstePeriode(Reform):
    """A-kassen tager den første del af ledighedsperioden (2020-2023).

    Forslaget: 6-byerne foreslog i 2011, at a-kasserne tager sig af den første del af
    ledighedsperioden, hvorefter jobcentret overtager med en mere intensiv indsats, så dobbelt
    kontakt undgås. Kilde: ``002_5d57e95c82b3ac89.txt``, "Tema 3: Større sammenhæng i indsatsen på
    tværs af sektorer og aktører". (KL advarede i 2022 om følgerne af netop denne ændring,
    ``001_563147e58c2b51e6.txt``, "Mere målrettede tilbud"; det er ikke et forslag.)

    Loven gjorde det fra 1.1.2024 (lov nr. 727/2023). Reformen lader derfor 2024-reglerne gælde
    fra 1.1.2020: a-kassen har ansvaret de første 3 måneder og holder mindst 3 jobsamtaler (den
    første inden 2 uger), jobcenteret derefter mindst 3 inden 6 måneder, ingen fællessamtaler, og
    unge under 25 år uden uddannelse og hjemmeboende børn er i jobcenteret fra start
    (parametrene under ``lab.kontaktforloeb``, kopieret fra deres værdi pr. 1.1.2024, og
    formlerne for ``kontaktforloeb_ansvarlig``, ``kontaktforloeb_foerste_samtale_senest`` og
    "Min Plan" fra 2024).

    Hvad reformen lader være: 2024 og senere (gældende ret) og de andre gruppers kontaktforløb.
    """

    name = "A-kassen har den første periode (2024-reglerne fra 2020)"
    kilder = (
        Kilde(
            "002_5d57e95c82b3ac89.txt",
            "Tema 3: Større sammenhæng i indsatsen på tværs af sektorer og aktører",
        ),
    )
    status = "forslag"

    def apply(self):
        aendr_parametre(self, _reglerne_fra_2024)
        for navn in VARIABLER:
            formel = tidligere_formel(self, navn, fra=LOV_727_FRA)

            def formula(person, period, parameters, formel=formel):
                return formel(person, period, parameters)

            self.update_variable(type(navn, (Variable,), {"formula": formula}))
