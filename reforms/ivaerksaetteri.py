"""Reform: beskæftigelsesindsatsen understøtter iværksætteri (dimittender i iværksætterforløb, mikrolån)."""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, maaned_slut, maaned_start, plus_maaneder
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import AFL, LAB
from openfisca_dk_beskaeftigelse.reformstoette import tidligere_formel, tilfoej_reformparametre

INGEN = numpy.datetime64(INGEN_DATO, "D")

# Pligterne, som en dimittend i et iværksætterforløb fritages for.
FRITAGEDE_PLIGTER = ("joblog_pligt", "cv_pligt", "pligt_til_tilbud")


class i_ivaerksaetterforloeb(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Deltager i et iværksætterforløb i måneden"
    reference = LAB.paragraf("kap. 14") + AFL.paragraf("§ 62")
    documentation = "Et forløb, som jobcentret har godkendt, hvor borgeren arbejder på at starte virksomhed."


class ivaerksaetterforloeb_slutdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Sidste dag i iværksætterforløbet"
    reference = LAB.paragraf("kap. 14") + AFL.paragraf("§ 62")
    documentation = "Ikke oplyst = 0001-01-01 (intet afsluttet forløb)."


class levedygtig_forretningsplan(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Jobcentret vurderer, at forretningsplan og kompetencer kan give en rentabel virksomhed"
    reference = LAB.paragraf("§ 6")
    documentation = "Jobcentrets konkrete vurdering af forretningsplanen og borgerens evner."


class raadighed_fritaget_ivaerksaetter(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Fritaget for rådighed (jobsøgning, cv og tilbud) som dimittend i et iværksætterforløb"
    reference = AFL.paragraf("§ 62") + LAB.paragraf("§ 106")
    documentation = (
        "En dimittend på dagpenge (er_dimittend) er fritaget, mens dimittenden deltager i et "
        "iværksætterforløb (i_ivaerksaetterforloeb), og i de måneder, der begynder senest "
        "reformer.ivaerksaetteri.fritagelse_maaneder_efter_forloebet måneder efter forløbets sidste dag "
        "(ivaerksaetterforloeb_slutdato), når den dag ligger i måneden eller før."
    )

    def formula(person, period, parameters):
        maaneder = parameters(period).reformer.ivaerksaetteri.fritagelse_maaneder_efter_forloebet
        slut = person("ivaerksaetterforloeb_slutdato", period)
        # Efter forløbet: sidste dag i måneden eller før, og måneden begynder inden fritagelsens udløb.
        efter = (slut != INGEN) & (slut <= maaned_slut(period))
        efter &= maaned_start(period) <= plus_maaneder(slut, maaneder)
        return person("er_dimittend", period) & (person("i_ivaerksaetterforloeb", period) | efter)


class mikrolaan_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan få et mikrolån til at starte egen virksomhed"
    reference = LAB.paragraf("§ 6")
    documentation = (
        "Ledige i målgrupperne reformer.ivaerksaetteri.mikrolaan_maalgrupper (målgruppen efter LAB § 6), "
        "hvis forretningsplan og kompetencer jobcentret vurderer kan give en rentabel virksomhed "
        "(levedygtig_forretningsplan). Lånets størrelse og vilkår er ikke modelleret."
    )

    def formula(person, period, parameters):
        maalgrupper = parameters(period).reformer.ivaerksaetteri.mikrolaan_maalgrupper
        omfattet = navn_i(person("maalgruppe_lab_6", period), maalgrupper)
        return omfattet & person("levedygtig_forretningsplan", period)


class Ivaerksaetteri(Reform):
    """Beskæftigelsesindsatsen understøtter iværksætteri: fritagelse for rådighed og mikrolån.

    Forslaget: De nordjyske frikommuner anbefaler, at beskæftigelseslovgivningen understøtter
    ledige med en bæredygtig iværksætteridé. Forsøget med iværksætteri for dimittender fritog
    dimittenden for rådighed under et iværksætterforløb, og netværket anbefaler, at fritagelsen
    fortsætter nogle måneder efter forløbet, så virksomheden kan konsolideres; mikrolån bør kun
    gives, hvor forretningsplanen og borgerens kompetencer vurderes at kunne give en rentabel
    virksomhed. Kilde: ``003_8d1ffce9980bf276.txt``, "Nye indsatser i beskæftigelseslovgivningen",
    afsnittene "Lad beskæftigelseslovgivningen understøtte iværksætteri" og "Ny viden er opstået
    – brug den fremadrettet" (forsøgene "Forsøg med iværksætteri for dimittender" og "Forsøg med
    mikrolån").

    Reformen er parametrisk: antallet af måneder, fritagelsen fortsætter efter forløbet, og
    målgrupperne for mikrolån står i ``reforms/parametre/ivaerksaetteri.yaml``; kilden nævner
    ingen af delene, så standardværdierne (3 måneder; ledige på dagpenge, kontant- og
    uddannelseshjælp) er antagelser.

    Hvad reformen ændrer: en dimittend på dagpenge i et iværksætterforløb (inputtene
    ``i_ivaerksaetterforloeb`` og ``ivaerksaetterforloeb_slutdato``) er fritaget for rådighed
    (``raadighed_fritaget_ivaerksaetter``) og har derfor hverken pligt til joblog
    (``joblog_pligt``), cv (``cv_pligt``) eller tilbud (``pligt_til_tilbud``); retten til mikrolån
    (``mikrolaan_ret``) følger af inputtet ``levedygtig_forretningsplan``.

    Hvad reformen lader være: samtalerne i kontaktforløbet, dagpengene og deres varighed, andre
    ledige end dimittender i et iværksætterforløb, og lånets størrelse og vilkår.
    """

    name = "Iværksætteri for dimittender og mikrolån"
    kilder = (
        Kilde("003_8d1ffce9980bf276.txt", "Lad beskæftigelseslovgivningen understøtte iværksætteri"),
        Kilde("003_8d1ffce9980bf276.txt", "Ny viden er opstået – brug den fremadrettet"),
    )
    status = "forslag"
    uddata = ("raadighed_fritaget_ivaerksaetter", "mikrolaan_ret")

    def apply(self):
        tilfoej_reformparametre(self, "ivaerksaetteri")
        for variabel in (
            i_ivaerksaetterforloeb,
            ivaerksaetterforloeb_slutdato,
            levedygtig_forretningsplan,
            raadighed_fritaget_ivaerksaetter,
            mikrolaan_ret,
        ):
            self.add_variable(variabel)
        for navn in FRITAGEDE_PLIGTER:
            self.update_variable(_uden_pligt_for_ivaerksaettere(navn, self))


def _uden_pligt_for_ivaerksaettere(navn: str, reform) -> type:
    """Pligten ``navn`` som hidtil, undtagen for den, der er fritaget for rådighed som iværksætter."""
    hidtil = tidligere_formel(reform, navn)
    label = f"{reform.variables[navn].label} (ikke for dimittender i et iværksætterforløb)"

    def formula(person, period, parameters):
        return hidtil(person, period, parameters) & ~person("raadighed_fritaget_ivaerksaetter", period)

    return type(navn, (Variable,), {"label": label, "formula": formula})
