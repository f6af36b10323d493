"""Borgerens husstand: forsørgerpligt, enlig, hjemmeboende (satsernes og undtagelsernes grundlag)."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import LAB, LAS


class har_forsoergerpligt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Har forsørgerpligt over for hjemmeboende børn under 18 år"
    reference = LAS.paragraf("§ 25, stk. 2, nr. 1", "§ 69 j, stk. 2, nr. 1") + LAB.paragraf("§ 27, stk. 3")
    documentation = (
        "Borgeren har forsørgerpligt over for et hjemmeboende barn under 18 år. Afgør "
        "forsørgersatserne (kontanthjælp, ressourceforløbsydelse) og undtagelsen for unge "
        "dagpengemodtagere uden uddannelse og uden hjemmeboende børn (LAB § 27, stk. 3)."
    )


class er_enlig(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Er enlig (ikke gift eller samlevende)"
    reference = LAB.paragraf("§ 69, stk. 3") + LAS.paragraf("§ 25, stk. 3")
    documentation = (
        "Borgeren er hverken gift eller samlevende. Sammen med forsørgerpligt giver det "
        "enlig forsørger, som er undtaget fra ledighedskravet for løntilskud (LAB § 69, stk. 3)."
    )


class er_hjemmeboende(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Bor hjemme hos en eller begge forældre"
    reference = LAS.paragraf("§ 25, stk. 3", "§ 69 j, stk. 2, nr. 3")
    documentation = (
        "Borgeren bor hos en eller begge forældre. Giver de lave satser for unge "
        "hjemmeboende (kontanthjælp under 30 år, ressourceforløbsydelse under 25 år)."
    )
