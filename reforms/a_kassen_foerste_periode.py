"""Reform: a-kassen tager sig af kontakten i den første del af ledighedsperioden, i alle år."""

from openfisca_core import periods
from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre, parameter

MODUL = "a_kassen_foerste_periode"
A_KASSENS_PERIODE = "lab.kontaktforloeb.a_kasse.periode_maaneder"
# Gældende rets parametre → reformens tal, for de perioder, hvor loven ikke giver a-kassen en del.
UDEN_A_KASSEFASE = {
    A_KASSENS_PERIODE: "periode_maaneder",
    "lab.kontaktforloeb.a_kasse.samtaler_3_maaneder": "samtaler_a_kasse",
    "lab.kontaktforloeb.kommune_samtaler_6_maaneder.forsikret_ledig": "samtaler_kommune",
    "lab.kontaktforloeb.faellessamtaler_6_maaneder": "faellessamtaler",
}


def _uden_a_kassefase(parametre) -> list[tuple]:
    """(første dag, sidste dag eller None) for hver periode, hvor a-kassens periode er 0 måneder."""
    vaerdier = sorted(parameter(parametre, A_KASSENS_PERIODE).values_list, key=lambda v: v.instant_str)
    perioder = []
    for i, vaerdi in enumerate(vaerdier):
        if vaerdi.value == 0:
            naeste = vaerdier[i + 1].instant_str if i + 1 < len(vaerdier) else None
            slut = periods.instant(naeste).offset(-1, "day") if naeste else None
            perioder.append((periods.instant(vaerdi.instant_str), slut))
    return perioder


def _a_kassen_har_foerste_periode(parametre):
    reform = parameter(parametre, f"reformer.{MODUL}")
    for start, slut in _uden_a_kassefase(parametre):
        for sti, navn in UDEN_A_KASSEFASE.items():
            parameter(parametre, sti).update(start=start, stop=slut, value=reform.children[navn](start))
    unge = reform.children["unge_i_jobcenteret_fra_start"]
    # Kilden undtager ingen: unge dagpengemodtagere starter også i a-kassen (standardvalget).
    for vaerdi in parameter(parametre, "lab.kontaktforloeb.ung_undtagelse.gaelder").values_list:
        vaerdi.value = vaerdi.value and unge(vaerdi.instant_str)
    return parametre


class AKassenFoerstePeriode(Reform):
    """A-kassen tager den første del af ledighedsperioden, i alle år.

    Forslaget: 6-byerne foreslog i 2011, at a-kasserne tager sig af kontakten i den første del af
    ledighedsperioden, hvorefter jobcentret overtager med en mere intensiv indsats, så nyledige
    ikke skal til samtaler både i a-kassen og i kommunen i det første halvår. Kilde:
    ``002_5d57e95c82b3ac89.txt``, "Tema 3: Større sammenhæng i indsatsen på tværs af sektorer og
    aktører". (KL advarede i 2022 om følgerne af netop denne ændring,
    ``001_563147e58c2b51e6.txt``, "Mere målrettede tilbud"; det er ikke et forslag.)

    Forslagets byggesten i gældende ret er a-kassens periode (``lab.kontaktforloeb.a_kasse.
    periode_maaneder``, variablen ``kontaktforloeb_a_kasse_fase``): 0 måneder i 2020-2023 og 3
    måneder fra 1.1.2024 (lov nr. 727/2023), dog ikke for unge under 25 år uden uddannelse og
    hjemmeboende børn, som loven lader starte i jobcenteret (LAB § 27, stk. 3).

    Reformen er parametrisk (``reforms/parametre/a_kassen_foerste_periode.yaml``); kilden nævner
    ingen tal. Hvor loven ikke giver a-kassen en del af kontaktforløbet (2020-2023), får a-kassen
    reformens periode (standard 3 måneder) med reformens antal jobsamtaler (standard 2), kommunen
    holder resten af lovens jobsamtaler i de første 6 måneder (standard 2 af lovens 4), og der er
    ingen fællessamtaler med både a-kasse og jobcenter (standard 0): samme antal samtaler som loven,
    men ingen dobbelt kontakt. Hvor loven allerede giver a-kassen den første periode (fra 2024),
    gælder lovens tal. Unge dagpengemodtagere under 25 år starter i a-kassen som andre, fordi
    kilden ikke undtager dem (``unge_i_jobcenteret_fra_start``, standard nej).

    Hvad reformen ændrer: ``kontaktforloeb_a_kasse_fase`` og dermed ``kontaktforloeb_ansvarlig`` og
    ``min_plan_udarbejdes_af`` (a-kassen i den første periode), ``min_plan_overtages_senest``,
    ``kontaktforloeb_samtaler_a_kasse``, ``kontaktforloeb_samtaler_kommune``,
    ``kontaktforloeb_min_samtaler_6_maaneder`` og fællessamtalerne 2020-2023, og for unge
    dagpengemodtagere under 25 år uden uddannelse og børn også fra 2024 (a-kassen i de første 3
    måneder, ikke jobcenteret fra start).

    Hvad reformen lader være: fristen for den første jobsamtale og for "Min Plan" (kilden nævner
    ingen, og i 2020-2023 havde loven ingen frist for forsikrede ledige), de andre gruppers
    kontaktforløb og samtalen ved 16 måneder.
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
