"""Fødselsdato og alder: aldersgrænserne i LAB § 6 (under 18, under 30) m.fl."""

from datetime import date

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, hele_aar, kraev_foedt, kraev_oplyst
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import LAB


class foedselsdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = ETERNITY
    label = "Fødselsdato"
    reference = LAB.paragraf("§ 6, nr. 2-5 og 13")
    documentation = (
        "Borgerens fødselsdato. Bruges til alder, som LAB § 6 bruger til at skelne "
        "målgrupperne (under 18 år, under 30 år). Ikke oplyst = 0001-01-01."
    )


class alder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Alder i hele år"
    reference = LAB.paragraf("§ 6, nr. 2-5 og 13")
    documentation = (
        "Alder i hele år den første dag i måneden, beregnet ud fra foedselsdato. "
        "Kan angives direkte i stedet for fødselsdatoen."
    )

    def formula(person, period):
        foedselsdato = person("foedselsdato", period)
        kraev_oplyst(foedselsdato, "foedselsdato", "alder")
        # En alder før fødslen findes ikke (den ville blive negativ og give en målgruppe).
        kraev_foedt(foedselsdato, period.start.date, "alder")
        return person("alder_ud_fra_foedselsdato", period)


class alder_ud_fra_foedselsdato(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Alder i hele år ud fra fødselsdatoen (uden krav om, at den er oplyst)"
    reference = LAB.paragraf("§ 6, nr. 2-5 og 13")
    documentation = (
        "Hele år fra foedselsdato til den første dag i måneden, beregnet én gang per person og "
        "måned for alle regler, der bruger alderen (alder og datoer.alder_hvor). Uden fødselsdato "
        "er værdien meningsløs; alder og alder_hvor kræver fødselsdatoen (og at borgeren er født), "
        "hvor alderen bruges."
    )

    def formula(person, period):
        return hele_aar(person("foedselsdato", period), period.start.date)
