"""Reform: psykologbehandling som tilbud i beskæftigelsesindsatsen for sårbare borgere."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import LAB
from openfisca_dk_beskaeftigelse.reformstoette import tilfoej_reformparametre


class psykologbehandling_paabegyndt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Er i gang med psykologbehandling, som jobcentret har givet"
    reference = LAB.paragraf("§ 6", "kap. 14")
    documentation = (
        "Behandlingen er begyndt, mens borgeren var i ordningens målgrupper, og er ikke afsluttet. "
        "Standard: nej."
    )


class psykologbehandling_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan få psykologbehandling som tilbud i beskæftigelsesindsatsen"
    reference = LAB.paragraf("§ 6", "kap. 14")
    documentation = (
        "Borgere i målgrupperne i reformer.psykologbehandling.maalgrupper (målgruppen efter LAB § 6, "
        "maalgruppe_lab_6) og borgere, der allerede er i gang med behandlingen "
        "(psykologbehandling_paabegyndt), også efter overgang til en anden ydelse eller til job."
    )

    def formula(person, period, parameters):
        maalgrupper = parameters(period).reformer.psykologbehandling.maalgrupper
        omfattet = navn_i(person("maalgruppe_lab_6", period), maalgrupper)
        return omfattet | person("psykologbehandling_paabegyndt", period)


class psykologbehandling_max_samtaler(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "conversation"
    label = "Højeste antal samtaler hos psykolog i forløbet"
    reference = LAB.paragraf("§ 6", "kap. 14")
    documentation = "Parameteren reformer.psykologbehandling.max_samtaler ved ret til behandling; ellers 0."

    def formula(person, period, parameters):
        samtaler = parameters(period).reformer.psykologbehandling.max_samtaler
        return numpy.where(person("psykologbehandling_ret", period), samtaler, 0)


class Psykologbehandling(Reform):
    """Psykologbehandling som tilbud i jobcentret til sårbare borgere.

    Forslaget: De nordjyske frikommuner anbefaler at gøre forsøget med psykologbehandling i
    jobcentret permanent, så behandling og beskæftigelsesindsats hænger sammen for sårbare
    borgere, og at alle udsatte borgere kan tilbydes den. Forsøget viste behov for at kunne
    fortsætte behandlingen, når borgeren skifter ydelse eller kommer i job, og for flere samtaler
    end forsøget gav. Rebild Kommune søgte om at bruge psykologer til behandling i indsatsen.
    Kilder: ``003_8d1ffce9980bf276.txt``, "Nye indsatser i beskæftigelseslovgivningen", afsnittene
    "Psykologbehandling i jobcentret bør permanentgøres" og "Ny viden er opstået – brug den
    fremadrettet"; ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III", ansøgningen "Brug af
    psykologer i indsatsen til behandling".

    Reformen er parametrisk: målgrupperne og det højeste antal samtaler står i
    ``reforms/parametre/psykologbehandling.yaml``. Kilderne nævner ingen af delene;
    standardværdierne (aktivitetsparate, sygemeldte, jobafklaring og ressourceforløb; 12 samtaler)
    er antagelser.

    Hvad reformen ændrer: den tilføjer retten til psykologbehandling (``psykologbehandling_ret``),
    som fortsætter for den, der er i gang (inputtet ``psykologbehandling_paabegyndt``), og det
    højeste antal samtaler (``psykologbehandling_max_samtaler``).

    Hvad reformen lader være: de øvrige tilbud, pligterne og ydelserne; behandling i
    sundhedsvæsenet.
    """

    name = "Psykologbehandling i jobcentret"
    kilder = (
        Kilde("003_8d1ffce9980bf276.txt", "Psykologbehandling i jobcentret bør permanentgøres"),
        Kilde("003_8d1ffce9980bf276.txt", "Ny viden er opstået – brug den fremadrettet"),
        Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III: Brug af psykologer i indsatsen"),
    )
    status = "forslag"
    uddata = ("psykologbehandling_ret", "psykologbehandling_max_samtaler")

    def apply(self):
        tilfoej_reformparametre(self, "psykologbehandling")
        self.add_variable(psykologbehandling_paabegyndt)
        self.add_variable(psykologbehandling_ret)
        self.add_variable(psykologbehandling_max_samtaler)
