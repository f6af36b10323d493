"""Sygemeldingen: første fraværsdag og grundlaget for forlængelse (SDL kap. 8-9)."""

from datetime import date

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import SDL


class sygemelding_startdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Første fraværsdag i den aktuelle sygdom"
    reference = SDL.paragraf("§ 24, stk. 1", "§ 30, stk. 1")
    documentation = (
        "Første fraværsdag på grund af den aktuelle sygdom. Arbejdsgiverperioden, "
        "opfølgningens frister og revurderingstidspunktet regnes herfra. Ikke oplyst = 0001-01-01."
    )


class Forlaengelsesgrund(Enum):
    ingen = "Ingen forlængelsesgrund"
    revalidering = "Revalidering forventes iværksat (§ 27, stk. 1, nr. 1)"
    afklaring_arbejdsevne = "Virksomhedspraktik eller anden afklaring af arbejdsevnen (nr. 2)"
    laegebehandling = "Under eller venter på lægelig behandling (nr. 3)"
    rehabiliteringsteam = "Sagen skal forelægges rehabiliteringsteamet (nr. 4)"
    livstruende_sygdom = "Livstruende, alvorlig sygdom (nr. 5)"
    arbejdsskade = "Arbejdsskadesag rejst (nr. 6)"
    foertidspension_ansoegt = "Ansøgning om førtidspension modtaget (nr. 7)"


class forlaengelsesgrund(Variable):
    value_type = Enum
    possible_values = Forlaengelsesgrund
    default_value = Forlaengelsesgrund.ingen
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Grund til forlængelse af sygedagpengeperioden"
    reference = SDL.paragraf("§ 27, stk. 1, nr. 1-7")
    documentation = (
        "Den forlængelsesgrund efter sygedagpengelovens § 27, stk. 1, som kommunen har "
        "lagt til grund ved revurderingstidspunktet, eller 'ingen'."
    )
