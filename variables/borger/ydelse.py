"""Hvad borgeren modtager og er i: ydelse, forløb og parathed (grundlaget for LAB § 6)."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import LAB


class Ydelse(Enum):
    ingen = "Ingen offentlig forsørgelsesydelse"
    arbejdsloeshedsdagpenge = "Arbejdsløshedsdagpenge"
    kontanthjaelp = "Kontanthjælp"
    uddannelseshjaelp = "Uddannelseshjælp"
    overgangsydelse = "Overgangsydelse"
    sygedagpenge = "Sygedagpenge"
    ressourceforloebsydelse = "Ressourceforløbsydelse"
    ledighedsydelse = "Ledighedsydelse"
    revalideringsydelse = "Revalideringsydelse"
    foertidspension = "Førtidspension"


class ydelse(Variable):
    value_type = Enum
    possible_values = Ydelse
    default_value = Ydelse.ingen
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Offentlig ydelse, borgeren modtager"
    reference = LAB.paragraf("§ 6, nr. 1-6, 9-12")
    documentation = (
        "Den forsørgelsesydelse, borgeren modtager i måneden. Ydelsen afgør sammen med "
        "forløb, parathed, alder og uddannelse målgruppen efter LAB § 6."
    )


class Forloeb(Enum):
    ingen = "Intet forløb"
    jobafklaringsforloeb = "Jobafklaringsforløb"
    ressourceforloeb = "Ressourceforløb"
    revalidering = "Revalidering"
    fleksjob = "Fleksjob (visiteret)"


class forloeb(Variable):
    value_type = Enum
    possible_values = Forloeb
    default_value = Forloeb.ingen
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Forløb, borgeren er i"
    reference = LAB.paragraf("§ 6, nr. 7-10", "kapitel 18-21")
    documentation = (
        "Jobafklaringsforløb (LAB kap. 18), ressourceforløb (kap. 19), revalidering "
        "(kap. 21) eller visitation til fleksjob (kap. 20)."
    )


class Parathed(Enum):
    ikke_relevant = "Ikke relevant"
    jobparat = "Jobparat"
    aktivitetsparat = "Aktivitetsparat"
    uddannelsesparat = "Uddannelsesparat"


class parathed(Variable):
    value_type = Enum
    possible_values = Parathed
    default_value = Parathed.ikke_relevant
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Parathed (visitation af kontant- og uddannelseshjælpsmodtagere)"
    reference = LAB.paragraf("§ 6, nr. 2-5")
    documentation = (
        "Kommunens vurdering af en modtager af kontanthjælp, uddannelseshjælp eller "
        "overgangsydelse: jobparat, aktivitetsparat eller uddannelsesparat."
    )
