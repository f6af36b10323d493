"""Reform: gruppesamtaler tæller som jobsamtaler, og samtalernes indhold er frit."""

from openfisca_core import periods
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import LAB
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre, parameter

GRUPPER = ("forsikret_ledig", "forsikret_ledig_ung")


class kontaktforloeb_gruppesamtaler_tilladt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Jobsamtaler ud over de individuelle kan holdes som gruppesamtaler"
    reference = LAB.paragraf("§ 31, stk. 1")
    documentation = (
        "Forsikrede ledige med kontaktforløb: kommunens jobsamtaler ud over det individuelle "
        "mindstetal (reformer.gruppesamtaler_og_frit_indhold.individuelle_samtaler) kan holdes som "
        "gruppesamtaler med frit indhold."
    )

    def formula(person, period):
        return navn_i(person("regelgruppe", period), GRUPPER) & person("kontaktforloeb_omfattet", period)


def _hoejst_individuelle_samtaler(parametre):
    # Kommunens tal begrænses til reformens på hver dato, hvor et af de to tal skifter.
    hoejst = parameter(parametre, "reformer.gruppesamtaler_og_frit_indhold.individuelle_samtaler")
    for gruppe in GRUPPER:
        kommune = parameter(parametre, f"lab.kontaktforloeb.kommune_samtaler_6_maaneder.{gruppe}")
        datoer = sorted({v.instant_str for v in [*kommune.values_list, *hoejst.values_list]})
        graenser = [(dato, kommune(dato), hoejst(dato)) for dato in datoer]
        for dato, tal, loft in graenser:
            if tal is not None:
                kommune.update(start=periods.instant(dato), value=min(tal, loft))


class GruppesamtalerOgFritIndhold(Reform):
    """Gruppesamtaler tæller som jobsamtaler, og samtalernes indhold er frit.

    Forslaget: I frikommuneforsøget "Formkrav ved lovpligtige samtaler" kunne jobcentrene holde
    gruppesamtaler som opfølgningssamtaler for dagpengemodtagere og var fritaget for
    samtalernes lovpligtige indhold; evalueringen anbefaler færre formkrav. Kilder:
    ``004_383c6e4443986835.txt``, "Målgruppe 1: A-dagpenge" (gruppesamtaler og fritagelse for
    samtalernes lovpligtige indhold); ``003_8d1ffce9980bf276.txt``, "Færre proceskrav – i
    samtale og borgermødet".

    Reformen er parametrisk: hvor mange af kommunens jobsamtaler der fortsat skal være
    individuelle, står i ``reforms/parametre/gruppesamtaler_og_frit_indhold.yaml`` (standard 1:
    den første samtale; kilderne nævner intet tal).

    Hvad reformen ændrer: for forsikrede ledige er kommunens mindste antal individuelle
    jobsamtaler højst parameterens tal (``lab.kontaktforloeb.kommune_samtaler_6_maaneder``, og
    dermed ``kontaktforloeb_min_samtaler_6_maaneder``); resten kan være gruppesamtaler
    (``kontaktforloeb_gruppesamtaler_tilladt``). Samtalernes indhold beregnes ikke per borger.

    Hvad reformen lader være: a-kassens samtaler, fællessamtalerne, fristerne og de andre
    gruppers kontaktforløb. At flytte den første fællessamtale fra 1. til 2. samtale (samme
    seminar) er gældende ret fra 2020, hvor fællessamtalen blot skal holdes inden 3 måneder og
    kun ved behov (lov nr. 548/2019, LAB § 31, stk. 2).
    """

    name = "Gruppesamtaler og frit indhold"
    kilder = (
        Kilde("004_383c6e4443986835.txt", "Målgruppe 1: A-dagpenge – gruppesamtaler og frit indhold"),
        Kilde("003_8d1ffce9980bf276.txt", "Færre proceskrav – i samtale og borgermødet"),
    )
    status = "forslag"
    uddata = ("kontaktforloeb_gruppesamtaler_tilladt",)

    def apply(self):
        aendr_parametre(self, _hoejst_individuelle_samtaler, modul="gruppesamtaler_og_frit_indhold")
        self.add_variable(kontaktforloeb_gruppesamtaler_tilladt)
