"""Sygemeldingen: første fraværsdag, delvis fravær, prognose og tidligere uger (SDL §§ 7, 24, 53)."""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, maaned_slut
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


class delvis_fravaer_timer_pr_uge(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Fraværstimer pr. uge ved delvis sygemelding (0 = fuldt fravær)"
    reference = SDL.paragraf("§ 7", "§ 53, stk. 1 og 3")
    documentation = (
        "Antal timer om ugen, den delvis uarbejdsdygtige er fraværende på grund af sygdom "
        "(inkl. transport- og ventetid ved ambulant behandling). 0 betyder fuldt fravær. "
        "Under 4 timer om ugen giver ingen ret (parameter sygedagpenge.beloeb.delvis_minimum_timer)."
    )


class forventet_raskmelding_dato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Forventet dato for fuld tilbagevenden til arbejdet"
    reference = SDL.paragraf("§ 7 c", "§ 12, stk. 1", "§ 13 f")
    documentation = (
        "Den dato, den sygemeldte (oplysningsskemaet, lægen eller arbejdsgiveren) forventer at "
        "være fuldt tilbage i arbejde. Afgør visitationskategori 1 (inden for 8 uger), fast track, "
        "§ 13 f og undtagelsen efter lov nr. 1750/2025 (under 26 uger). Ikke oplyst = 0001-01-01 "
        "betyder, at der ikke er en prognose: modellen behandler det som 'ikke forventet tilbage' "
        "inden for nogen af fristerne (dvs. kategori 2, fuld opfølgning)."
    )


class tidligere_sygedagpengeuger(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "week"
    label = "Uger med sygedagpenge fra tidligere sygdomme i de 9 (12) måneder før første fraværsdag"
    reference = SDL.paragraf("§ 24, stk. 1, 3 og 4", "§ 25, stk. 1 og 3")
    documentation = (
        "Uger med sygedagpenge eller løn under sygdom fra tidligere sygdomsperioder, der tæller "
        "med efter § 24, stk. 3-4 (dvs. uden de første 30 dage / 2 uger), inden for de 9 "
        "kalendermåneder (12 efter § 25) før den aktuelle første fraværsdag. Modellen antager, at "
        "ugerne bliver i opgørelsesperioden, til revurderingstidspunktet er nået (en forsigtig "
        "tilnærmelse: falder tidligere uger ud af vinduet undervejs, ligger det faktiske "
        "revurderingstidspunkt senere). Mere end grænsen (22 uger) ved første fraværsdag giver "
        "§ 24 a."
    )


class sygemeldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Uarbejdsdygtig på grund af sygdom i måneden"
    reference = SDL.paragraf("§ 7", "§ 53, stk. 1")
    documentation = (
        "Borgeren har en første fraværsdag (sygemelding_startdato) senest i måneden og er enten "
        "fuldt fraværende eller delvis fraværende mindst 4 timer om ugen. Modellen kender ingen "
        "raskmeldingsdato: en borger, der er rask, har ingen sygemelding_startdato i måneden."
    )

    def formula(person, period, parameters):
        start = person("sygemelding_startdato", period)
        delvis = person("delvis_fravaer_timer_pr_uge", period)
        minimum = parameters(period).sygedagpenge.beloeb.delvis_minimum_timer
        syg = (start != numpy.datetime64(INGEN_DATO, "D")) & (start <= maaned_slut(period))
        # § 7: delvis uarbejdsdygtighed skal give mindst 4 timers fravær om ugen.
        return syg & ((delvis == 0) | (delvis >= minimum))


class sygedagpenge_fravaerstimer_pr_uge(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "hour"
    label = "Fraværstimer pr. uge, som sygedagpengene beregnes af"
    reference = SDL.paragraf("§ 47", "§ 53, stk. 1")
    documentation = (
        "Den normale ugentlige arbejdstid ved fuldt fravær, ellers fraværstimerne ved delvis "
        "sygemelding (samme beløb pr. fraværstime som ved fuldt fravær, § 53, stk. 1)."
    )

    def formula(person, period):
        delvis = person("delvis_fravaer_timer_pr_uge", period)
        return numpy.where(delvis == 0, person("ugentlig_arbejdstid", period), delvis)
