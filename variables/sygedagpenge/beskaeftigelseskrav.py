"""Beskæftigelseskravet: over for arbejdsgiveren (SDL § 30), kommunen (§ 32) og for selvstændige (§§ 42, 45).

Kravene opgøres på første fraværsdag. Timer og måneder med selvstændig virksomhed oplyses
måned for måned (som i indkomstregistret); formlerne læser de måneder, der ligger før hver
borgers egen første fraværsdag.
"""

from datetime import date

import numpy
from openfisca_core import periods
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    kraev_oplyst,
    maaned_slut,
    maaned_start,
    plus_dage,
    plus_uger,
    pr_maaned,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import SDL

INGEN = numpy.datetime64(INGEN_DATO, "D")


def _maanederne_foer_start(person, variabel, period, antal):
    """``variabel`` i hver af de ``antal`` kalendermåneder før hver borgers første fraværsdag.

    Listen begynder med måneden lige før. Borgere uden første fraværsdag får værdierne fra
    månederne før den beregnede måned (de bruges ikke).
    """
    start = person("sygemelding_startdato", period)
    denne = numpy.datetime64(period.start.date, "M")
    maaned = numpy.where(start == INGEN, denne, start.astype("datetime64[M]"))
    return pr_maaned(maaned, lambda m: person(variabel, periods.period(str(m))), range(1, antal + 1))


class ansaettelse_startdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Første dag i den nuværende ansættelse hos arbejdsgiveren"
    reference = SDL.paragraf("§ 30, stk. 2, nr. 1", "§ 30, stk. 3")
    documentation = (
        "Første dag i den uafbrudte ansættelse hos den arbejdsgiver, borgeren er sygemeldt fra. "
        "Ferie, sygdom, barsel, fridage efter aftale, kurser og konflikt afbryder ikke (§ 30, stk. 3). "
        "Skal oplyses for en sygemeldt lønmodtager i de måneder, arbejdsgiverperioden dækker. "
        "Ikke oplyst = 0001-01-01."
    )


class timer_hos_arbejdsgiver_8_uger(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Arbejdstimer hos arbejdsgiveren i de 8 uger før første fraværsdag"
    reference = SDL.paragraf("§ 30, stk. 2, nr. 2", "§ 30, stk. 4")
    documentation = (
        "Timer, lønmodtageren har været beskæftiget hos arbejdsgiveren i de seneste 8 uger før "
        "første fraværsdag (ferie og sygdom tæller ikke som timer, Ankestyrelsens P 29-23)."
    )


class tidligere_ansat_hos_arbejdsgiver(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Har tidligere været beskæftiget hos den nuværende arbejdsgiver (gentagne ansættelser)"
    reference = SDL.paragraf("§ 30, stk. 4")
    documentation = (
        "Lønmodtageren har tidligere været beskæftiget hos den nuværende arbejdsgiver. Er der "
        "mindst 74 timer hos arbejdsgiveren inden for de seneste 8 uger, gælder kravet om 8 ugers "
        "uafbrudt ansættelse ikke (§ 30, stk. 4). Kravet om at være i arbejde på sygedagen eller "
        "sidste arbejdsdag før er ikke modelleret."
    )


class arbejdstimer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Arbejdstimer i måneden (indkomstregistret)"
    reference = SDL.paragraf("§ 32, stk. 1, nr. 1", "§ 32, stk. 2")
    documentation = (
        "Timer som lønmodtager i kalendermåneden efter indkomstregistret (eIndkomst), inkl. "
        "timer som selvstændig lige før ansættelsen (§ 32, stk. 2). Et år angivet i en test "
        "(fx 2024: 40) gælder hver måned i året. Bruges til beskæftigelseskravet over for kommunen."
    )


class ville_have_ret_til_dagpenge(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ville have haft ret til arbejdsløshedsdagpenge, hvis ikke uarbejdsdygtig"
    reference = SDL.paragraf("§ 32, stk. 1, nr. 2", "§ 51")
    documentation = (
        "Borgeren er medlem af en a-kasse og ville have haft ret til arbejdsløshedsdagpenge (eller "
        "en ydelse i stedet for dagpenge), hvis ikke uarbejdsdygtig, også når dagpengeretten "
        "udløber i løbet af de første 14 dage."
    )


class erhvervsuddannelse_afsluttet_dato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Dato for afslutning af en erhvervsmæssig uddannelse af mindst 18 måneders varighed"
    reference = SDL.paragraf("§ 32, stk. 1, nr. 3")
    documentation = (
        "Datoen, hvor borgeren afsluttede en erhvervsmæssig uddannelse af mindst 18 måneders "
        "varighed. Inden for den seneste måned før første fraværsdag giver ret over for kommunen. "
        "Ikke oplyst = 0001-01-01 = ingen sådan uddannelse afsluttet."
    )


class elev_i_loennet_praktik(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Elev i lønnet praktik i en uddannelse reguleret ved lov"
    reference = SDL.paragraf("§ 32, stk. 1, nr. 4")
    documentation = "Borgeren er elev i lønnet praktik som led i en uddannelse, der er reguleret ved lov."


class selvstaendig_i_vaesentligt_omfang(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Har drevet selvstændig virksomhed i væsentligt omfang i måneden"
    reference = SDL.paragraf("§ 42")
    documentation = (
        "Borgeren har i måneden drevet selvstændig erhvervsvirksomhed i væsentligt omfang (i "
        "praksis mindst 18,5 timer om ugen). Bruges til beskæftigelseskravet for selvstændige."
    )


class Sygedagpengeforsikring(Enum):
    ingen = "Ingen sygedagpengeforsikring"
    fra_dag_1 = "Forsikret fra 1. fraværsdag"
    fra_dag_3 = "Forsikret fra 3. fraværsdag"


class sygedagpengeforsikring(Variable):
    value_type = Enum
    possible_values = Sygedagpengeforsikring
    default_value = Sygedagpengeforsikring.ingen
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Den selvstændiges frivillige sygedagpengeforsikring"
    reference = SDL.paragraf("§ 41", "§ 45, stk. 1-2")
    documentation = (
        "En selvstændig kan forsikre sig til sygedagpenge fra 1. eller 3. fraværsdag i stedet for "
        "fra 3. uge; forsikrede får mindst 2/3 af det højeste beløb (§ 45, stk. 2)."
    )


class beskaeftigelseskrav_arbejdsgiver_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Opfylder beskæftigelseskravet over for arbejdsgiveren på første fraværsdag"
    reference = SDL.paragraf("§ 30, stk. 2-4")
    documentation = (
        "Uafbrudt ansat hos arbejdsgiveren de seneste 8 uger før første fraværsdag (eller "
        "tidligere ansat der, stk. 4) og mindst 74 timer hos arbejdsgiveren i perioden. "
        "ansaettelse_startdato kræves kun i måneder, som arbejdsgiverperioden dækker; i andre "
        "måneder afgør kravet intet og skal ikke læses som en oplysning."
    )

    def formula(person, period, parameters):
        krav = parameters(period).sygedagpenge.arbejdsgiverperiode
        start = person("sygemelding_startdato", period)
        ansat = person("ansaettelse_startdato", period)
        arbejdsgiverperiode = (start <= maaned_slut(period)) & (
            plus_dage(start, krav.dage) > maaned_start(period)
        )
        loenmodtager = person("beskaeftigelse", period)
        loenmodtager = loenmodtager == loenmodtager.possible_values.loenmodtager
        kraev_oplyst(
            ansat,
            "ansaettelse_startdato",
            "beskaeftigelseskrav_arbejdsgiver_opfyldt",
            relevant=loenmodtager & person("sygemeldt", period) & arbejdsgiverperiode,
        )
        # § 30, stk. 2, nr. 1 (og stk. 4): 8 ugers uafbrudt ansættelse før første fraværsdag.
        nr_1 = (ansat <= plus_uger(start, -krav.beskaeftigelse_uger)) | person(
            "tidligere_ansat_hos_arbejdsgiver", period
        )
        # § 30, stk. 2, nr. 2: mindst 74 timer i perioden.
        nr_2 = person("timer_hos_arbejdsgiver_8_uger", period) >= krav.timer
        return nr_1 & nr_2


class beskaeftigelseskrav_timer_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Opfylder timekravet over for kommunen (240 timer, heraf mindst 40 timer i 5 af 6 måneder)"
    reference = SDL.paragraf("§ 32, stk. 1, nr. 1")
    documentation = (
        "Mindst 240 arbejdstimer i de seneste 6 afsluttede kalendermåneder før første fraværsdag, "
        "og mindst 40 timer i hver af mindst 5 af månederne. Timerne læses fra arbejdstimer i de "
        "6 måneder før måneden med første fraværsdag."
    )

    def formula(person, period, parameters):
        krav = parameters(period).sygedagpenge.beskaeftigelseskrav
        maaneder = _maanederne_foer_start(person, "arbejdstimer", period, krav.maaneder)
        timer = sum(maaneder)
        maaneder_med_timer = sum(m >= krav.timer_pr_maaned for m in maaneder)
        return (timer >= krav.timer) & (maaneder_med_timer >= krav.maaneder_med_timer)


class beskaeftigelseskrav_selvstaendig_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = (
        "Opfylder beskæftigelseskravet for selvstændige (6 af de seneste 12 måneder, heriblandt den seneste)"
    )
    reference = SDL.paragraf("§ 42")
    documentation = (
        "Virksomheden er drevet i væsentligt omfang i mindst 6 af de 12 kalendermåneder før "
        "måneden med første fraværsdag, heriblandt måneden lige før. Undtagelsen for nye "
        "virksomheder (tidligere lønarbejde tæller med) er ikke modelleret."
    )

    def formula(person, period, parameters):
        krav = parameters(period).sygedagpenge.selvstaendige
        maaneder = _maanederne_foer_start(
            person, "selvstaendig_i_vaesentligt_omfang", period, krav.beskaeftigelse_periode_maaneder
        )
        maaneden_lige_foer = maaneder[0] != 0
        return (sum(maaneder) >= krav.beskaeftigelse_maaneder) & maaneden_lige_foer
