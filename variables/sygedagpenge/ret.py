"""Ret til sygedagpenge fra arbejdsgiveren (SDL § 30) og fra kommunen (§§ 32, 41-42, 51).

Og hvornår kommunen begynder at betale.
"""

from datetime import date

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    maaned_start,
    plus_dage,
    plus_maaneder,
    plus_uger,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import AFL, SDL

INGEN = numpy.datetime64(INGEN_DATO, "D")


class sygedagpenge_ret_arbejdsgiver(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ret til sygedagpenge fra arbejdsgiveren i måneden (arbejdsgiverperioden)"
    reference = SDL.paragraf("§ 30, stk. 1-4")
    documentation = (
        "En sygemeldt lønmodtager, der opfylder beskæftigelseskravet over for arbejdsgiveren, har "
        "ret til sygedagpenge fra arbejdsgiveren i 30 kalenderdage fra første fraværsdag. Sand i "
        "de måneder, som arbejdsgiverperioden dækker mindst én dag af. Betaler arbejdsgiveren fuld "
        "løn, får den refusion i stedet (§ 54); det ændrer ikke retten."
    )

    def formula(person, period, parameters):
        dage = parameters(period).sygedagpenge.arbejdsgiverperiode.dage
        start = person("sygemelding_startdato", period)
        beskaeftigelse = person("beskaeftigelse", period)
        loenmodtager = beskaeftigelse == beskaeftigelse.possible_values.loenmodtager
        # § 30, stk. 1: 30 kalenderdage fra første fraværsdag (sidste dag = start + 29).
        i_perioden = plus_dage(start, dage) > maaned_start(period)
        return (
            loenmodtager
            & person("sygemeldt", period)
            & i_perioden
            & person("beskaeftigelseskrav_arbejdsgiver_opfyldt", period)
        )


class sygedagpenge_ret_kommune(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ret til sygedagpenge fra kommunen (beskæftigelseskravet er opfyldt)"
    reference = SDL.paragraf("§ 32, stk. 1, nr. 1-5", "§ 41", "§ 42", "§ 51")
    documentation = (
        "Den sygemeldte opfylder beskæftigelseskravet over for kommunen for den aktuelle sygdom: "
        "lønmodtagere efter § 32, stk. 1, nr. 1-5 (timekravet, ville have ret til dagpenge, "
        "nyuddannet, elev i lønnet praktik, ansat i fleksjob), ledige efter nr. 2-3, selvstændige "
        "efter § 42. Retten siger intet om, hvornår kommunen betaler: se sygedagpenge_kommune_fra, "
        "revurderingen og sygedagpenge_udbetales. Sand i alle måneder af sygdommen."
    )

    def formula(person, period, parameters):
        nyuddannet_maaneder = parameters(period).sygedagpenge.beskaeftigelseskrav.nyuddannet_maaneder
        start = person("sygemelding_startdato", period)
        afsluttet = person("erhvervsuddannelse_afsluttet_dato", period)
        forloeb = person("forloeb", period)
        beskaeftigelse = person("beskaeftigelse", period)
        status = beskaeftigelse.possible_values

        nr_1 = person("beskaeftigelseskrav_timer_opfyldt", period)
        nr_2 = person("ville_have_ret_til_dagpenge", period)
        nr_3 = (
            (afsluttet != INGEN)
            & (afsluttet <= start)
            & (afsluttet >= plus_maaneder(start, -nyuddannet_maaneder))
        )
        nr_4 = person("elev_i_loennet_praktik", period)
        nr_5 = forloeb == forloeb.possible_values.fleksjob
        paragraf_42 = person("beskaeftigelseskrav_selvstaendig_opfyldt", period)

        ret = numpy.select(
            [
                beskaeftigelse == status.loenmodtager,
                beskaeftigelse == status.ledig,
                beskaeftigelse == status.selvstaendig,
            ],
            [nr_1 | nr_2 | nr_3 | nr_4 | nr_5, nr_2 | nr_3, paragraf_42],
        )
        return person("sygemeldt", period) & ret


class sygedagpenge_kommune_fra(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Første dag, kommunen betaler sygedagpenge for den aktuelle sygdom"
    reference = SDL.paragraf("§ 30, stk. 1", "§ 41", "§ 45, stk. 1") + AFL.paragraf("§ 62, stk. 3")
    documentation = (
        "Lønmodtager med ret over for arbejdsgiveren: dagen efter arbejdsgiverperioden (dag 31); "
        "lønmodtager uden: første fraværsdag. Ledigt a-kassemedlem: dag 15 (a-kassen betaler de "
        "første 14 dage); ledig uden dagpengeret (nyuddannet, § 32, stk. 1, nr. 3): første "
        "fraværsdag. Selvstændig: dag 15 (efter 2 ugers sygdom), med forsikring dag 1 eller 3. "
        "For en lønmodtager afhænger datoen af § 30-oplysningerne, som kun kræves i måneder, "
        "arbejdsgiverperioden dækker; i senere måneder er datoen kun retvisende, hvis de er oplyst. "
        "Ingen sygemelding: 0001-01-01."
    )

    def formula(person, period, parameters):
        p = parameters(period).sygedagpenge
        start = person("sygemelding_startdato", period)
        beskaeftigelse = person("beskaeftigelse", period)
        status = beskaeftigelse.possible_values
        forsikring = person("sygedagpengeforsikring", period)
        forsikret = forsikring.possible_values

        loenmodtager = numpy.where(
            person("beskaeftigelseskrav_arbejdsgiver_opfyldt", period),
            plus_dage(start, p.arbejdsgiverperiode.dage),
            start,
        )
        # AFL § 62, stk. 3: a-kassen betaler et medlems første 14 dage; en nyuddannet (nr. 3) er ikke medlem.
        medlem = person("ville_have_ret_til_dagpenge", period)
        ledig = numpy.where(medlem, plus_dage(start, p.beskaeftigelseskrav.a_kasse_dage), start)
        # § 41 og § 45: fra 3. uge, eller fra 1. eller 3. fraværsdag med forsikring.
        selvstaendig = numpy.select(
            [forsikring == forsikret.fra_dag_1, forsikring == forsikret.fra_dag_3],
            [
                plus_dage(start, p.selvstaendige.forsikring_dag_1 - 1),
                plus_dage(start, p.selvstaendige.forsikring_dag_3 - 1),
            ],
            plus_uger(start, p.selvstaendige.uger_foer_ret),
        )
        fra = numpy.select(
            [beskaeftigelse == status.loenmodtager, beskaeftigelse == status.ledig],
            [loenmodtager, ledig],
            selvstaendig,
        )
        return numpy.where(start == INGEN, INGEN, fra)
