"""Borgerens tilknytning til arbejdsmarkedet: status, ledighed, løn, arbejdstid, uddannelse."""

from datetime import date

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import AFL, LAB, SDL


class Beskaeftigelse(Enum):
    loenmodtager = "Lønmodtager"
    selvstaendig = "Selvstændig erhvervsdrivende"
    ledig = "Ledig"


class beskaeftigelse(Variable):
    value_type = Enum
    possible_values = Beskaeftigelse
    default_value = Beskaeftigelse.loenmodtager
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Beskæftigelsesstatus"
    reference = SDL.paragraf("§ 2", "§§ 30-32", "§§ 41-42")
    documentation = (
        "Lønmodtager, selvstændig erhvervsdrivende eller ledig. Afgør, hvilke regler i "
        "sygedagpengeloven der gælder (arbejdsgiverperiode, selvstændige, ledige)."
    )


class er_ledig(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Er ledig"
    reference = LAB.paragraf("§ 6, nr. 12")
    documentation = (
        "Borgeren er ledig. Uden offentlig forsørgelsesydelse er borgeren ledig "
        "selvforsørgende (LAB § 6, nr. 12)."
    )


class ledighed_startdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Første dag i den aktuelle ledigheds- eller ydelsesperiode"
    reference = LAB.paragraf("§ 31, stk. 1", "§ 102")
    documentation = (
        "Første dag med ledighed eller ydelse i den aktuelle periode; fristerne i "
        "kontaktforløbet og for ret og pligt til tilbud regnes herfra. Ikke oplyst = 0001-01-01."
    )


class har_erhvervskompetencegivende_uddannelse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Har en erhvervskompetencegivende uddannelse"
    reference = LAB.paragraf("§ 6, nr. 2-5")
    documentation = (
        "Borgeren har en erhvervskompetencegivende uddannelse (erhvervsuddannelse eller "
        "videregående uddannelse). Skiller kontanthjælp (nr. 2-3) fra uddannelseshjælp "
        "(nr. 4-5) for borgere under 30 år."
    )


class timeloen(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-DKK"
    label = "Timeløn før arbejdsmarkedsbidrag (kr. pr. time)"
    reference = SDL.paragraf("§ 47")
    documentation = (
        "Timefortjenesten i den aktuelle ansættelse før arbejdsmarkedsbidrag: "
        "grundlaget for sygedagpengenes størrelse."
    )


class ugentlig_arbejdstid(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Normal ugentlig arbejdstid (timer)"
    reference = SDL.paragraf("§ 47", "§ 50, stk. 1")
    documentation = "Den normale, aftalte ugentlige arbejdstid i timer."


class maanedsloen(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-DKK"
    label = "Månedsløn før arbejdsmarkedsbidrag (kr. pr. måned)"
    reference = AFL.paragraf("§ 47", "§ 48")
    documentation = (
        "Månedlig indtægt før arbejdsmarkedsbidrag: grundlaget for beregningen af "
        "dagpengesatsen (90 % af indtægten efter AM-bidrag, højst maksimum)."
    )
