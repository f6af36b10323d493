"""Hvem betaler i måneden, og hvad kommunen udbetaler (SDL §§ 30, 50, stk. 3, og 51; AFL § 62, stk. 3)."""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, maaned_slut, maaned_start, plus_dage
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import AFL, SDL

INGEN = numpy.datetime64(INGEN_DATO, "D")


class sygedagpenge_betalingsdage_kommune(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Hverdage (mandag-fredag) i måneden, hvor kommunen betaler sygedagpenge"
    reference = SDL.paragraf("§ 24, stk. 1", "§ 32, stk. 1", "§ 50, stk. 3")
    documentation = (
        "Hverdage fra sygedagpenge_kommune_fra til sygedagpenge_ophoersdato (eller månedens udgang, "
        "hvis der ikke er en ophørsdato), der ligger i måneden, når den sygemeldte har ret over for "
        "kommunen. Helligdage tæller med: sygedagpenge udbetales efter en 5-dages-uge (§ 50, stk. 3)."
    )

    def formula(person, period):
        ophoer = person("sygedagpenge_ophoersdato", period)
        fra = numpy.maximum(person("sygedagpenge_kommune_fra", period), maaned_start(period))
        til = numpy.where(ophoer == INGEN, maaned_slut(period), numpy.minimum(ophoer, maaned_slut(period)))
        dage = numpy.maximum(numpy.busday_count(fra, plus_dage(til, 1)), 0)
        return numpy.where(person("sygedagpenge_ret_kommune", period), dage, 0)


class sygedagpenge_udbetales(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kommunen udbetaler sygedagpenge i måneden"
    reference = SDL.paragraf("§ 24, stk. 1", "§ 27, stk. 1", "§ 32, stk. 1")
    documentation = (
        "Den sygemeldte har ret over for kommunen, arbejdsgiverperioden (eller a-kassens 14 dage, "
        "de selvstændiges 2 uger) er overstået, og udbetalingen er ikke ophørt ved "
        "revurderingstidspunktet (medmindre den er forlænget): mindst én hverdag i måneden med "
        "sygedagpenge fra kommunen."
    )

    def formula(person, period):
        return person("sygedagpenge_betalingsdage_kommune", period) > 0


class sygedagpenge_dagsats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Sygedagpenge pr. betalingsdag (kr.)"
    reference = SDL.paragraf("§ 50, stk. 3", "§ 53")
    documentation = (
        "Ugebeløbet / 5: sygedagpenge udbetales efter en 5-dages-uge (§ 50, stk. 3). Ugebeløbet er "
        "ugesatsen ved fuldt fravær og det nedsatte beløb ved delvis fravær (§ 53)."
    )

    def formula(person, period, parameters):
        dage_pr_uge = parameters(period).sygedagpenge.beloeb.udbetalingsdage_pr_uge
        return person("sygedagpenge_ugebeloeb", period) / dage_pr_uge


class sygedagpenge_maanedsbeloeb(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Sygedagpenge fra kommunen i måneden (kr.)"
    reference = SDL.paragraf("§ 50, stk. 3", "§ 53")
    documentation = (
        "Dagsatsen (sygedagpenge_dagsats) gange de hverdage i måneden, hvor kommunen betaler. "
        "Arbejdsgiverens sygedagpenge i arbejdsgiverperioden og refusion til en arbejdsgiver, der "
        "betaler løn, er ikke med."
    )

    def formula(person, period):
        return person("sygedagpenge_dagsats", period) * person("sygedagpenge_betalingsdage_kommune", period)


class SygedagpengeBetaler(Enum):
    ingen = "Ingen betaler sygedagpenge"
    arbejdsgiver = "Arbejdsgiveren (arbejdsgiverperioden)"
    kommune = "Kommunen"
    a_kasse = "A-kassen (arbejdsløshedsdagpenge de første 14 dage)"


class sygedagpenge_betaler(Variable):
    value_type = Enum
    possible_values = SygedagpengeBetaler
    default_value = SygedagpengeBetaler.ingen
    entity = Person
    definition_period = MONTH
    label = "Hvem der betaler den sygemeldtes ydelse i måneden"
    reference = SDL.paragraf("§ 30, stk. 1", "§ 32, stk. 1", "§ 41") + AFL.paragraf("§ 62, stk. 3")
    documentation = (
        "Kommunen, hvis den betaler sygedagpenge mindst én hverdag i måneden; ellers "
        "arbejdsgiveren, hvis arbejdsgiverperioden dækker en dag i måneden; ellers a-kassen, hvis "
        "et ledigt medlems første 14 sygedage ligger i måneden; ellers ingen (fx en selvstændigs "
        "første 2 uger, eller efter ophør). En måned delt mellem arbejdsgiver og kommune er altså "
        "kommunens."
    )

    def formula(person, period, parameters):
        a_kasse_dage = parameters(period).sygedagpenge.beskaeftigelseskrav.a_kasse_dage
        start = person("sygemelding_startdato", period)
        beskaeftigelse = person("beskaeftigelse", period)
        ledig = beskaeftigelse == beskaeftigelse.possible_values.ledig
        a_kasse = (
            ledig
            & person("sygemeldt", period)
            & person("ville_have_ret_til_dagpenge", period)
            & (plus_dage(start, a_kasse_dage) > maaned_start(period))
        )
        return numpy.select(
            [
                person("sygedagpenge_udbetales", period),
                person("sygedagpenge_ret_arbejdsgiver", period),
                a_kasse,
            ],
            [SygedagpengeBetaler.kommune, SygedagpengeBetaler.arbejdsgiver, SygedagpengeBetaler.a_kasse],
            SygedagpengeBetaler.ingen,
        )
