"""Sygedagpengenes størrelse: timesats, ugesats og beløb pr. uge ved delvis fravær (SDL §§ 45-53)."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import AFL, AMBL, SDL


def _dagpengesats_for_ledige(person, period, ledig):
    """Dagpengesatsen pr. måned, men kun slået op, hvis nogen er ledige.

    Dagpengesatsen kræver oplysninger (fx maanedsloen), som lønmodtagere ikke har; uden denne
    vagt ville en beregning af sygedagpenge for lønmodtagere alene slå dagpengereglerne op.
    """
    return person("dagpenge_maanedssats", period) if ledig.any() else numpy.zeros(ledig.shape)


class sygedagpenge_timesats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Sygedagpenge pr. time (kr.)"
    reference = (
        SDL.paragraf("§ 47", "§ 50, stk. 1", "§ 51, stk. 1")
        + AMBL.paragraf("§ 1")
        + AFL.paragraf("§ 47, stk. 2")
    )
    documentation = (
        "Lønmodtagere og selvstændige: timelønnen efter 8 % arbejdsmarkedsbidrag, højst årets "
        "højeste beløb pr. time (§§ 46-47, § 50, stk. 1). Ledige: dagpengesatsen pr. time, dvs. "
        "dagpenge_maanedssats / 160,33 (§ 51, stk. 1 og AFL § 47, stk. 2). timeloen er "
        "beregningsgrundlaget på første fraværsdag (gennemsnittet for de seneste 3 afsluttede "
        "måneder, når kommunen betaler; for selvstændige arbejdsindtægten efter årsopgørelsen "
        "omregnet til timer)."
    )

    def formula(person, period, parameters):
        beloeb = parameters(period).sygedagpenge.beloeb
        am_bidrag = parameters(period).skat.arbejdsmarkedsbidrag
        beskaeftigelse = person("beskaeftigelse", period)
        ledig = beskaeftigelse == beskaeftigelse.possible_values.ledig
        # §§ 47 og 50, stk. 1: timefortjenesten efter AM-bidrag, højst det højeste beløb pr. time.
        efter_loen = numpy.minimum(person("timeloen", period) * (1 - am_bidrag), beloeb.maksimum_time)
        # § 51, stk. 1: ledige får den dagpengesats, de kunne have fået.
        efter_dagpenge = _dagpengesats_for_ledige(person, period, ledig) / beloeb.dagpenge_timer_pr_maaned
        return numpy.where(ledig, efter_dagpenge, efter_loen)


class sygedagpenge_ugesats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Sygedagpenge pr. uge ved fuldt fravær (kr.)"
    reference = SDL.paragraf("§ 47", "§ 50, stk. 1-2", "§ 51, stk. 1", "§ 45, stk. 2") + AFL.paragraf(
        "§ 47, stk. 2"
    )
    documentation = (
        "Timesatsen gange den normale ugentlige arbejdstid, højst det højeste beløb pr. uge "
        "(§ 50, stk. 1-2). Forsikrede selvstændige får mindst 2/3 af det højeste beløb (§ 45, "
        "stk. 2). Ledige: dagpengesatsen pr. dag (månedssats / 160,33 × 7,4) gange 5 dage (§ 51, "
        "stk. 1), højst det højeste beløb pr. uge, som kommunen kan udbetale (§ 50, stk. 2). "
        "Dagssatsen afrundes ikke (AFL's afrunding til hele kroner er ikke verificeret); loftet "
        "fanger forskellen ved højeste dagpengesats (fx 2025: 973,50 × 5 = 4.867,49 → 4.865). "
        "Beløbet for en ledig nyuddannet uden dagpengeret (§ 32, stk. 1, nr. 3) står ikke i "
        "kilderne; modellen bruger dagpenge_maanedssats, som da skal oplyses (ikke verificeret)."
    )

    def formula(person, period, parameters):
        beloeb = parameters(period).sygedagpenge.beloeb
        minimum_andel = parameters(period).sygedagpenge.selvstaendige.forsikret_minimum_andel
        timesats = person("sygedagpenge_timesats", period)
        beskaeftigelse = person("beskaeftigelse", period)
        status = beskaeftigelse.possible_values
        forsikring = person("sygedagpengeforsikring", period)

        # § 50, stk. 1-2: højst det højeste beløb pr. uge.
        efter_loen = numpy.minimum(timesats * person("ugentlig_arbejdstid", period), beloeb.maksimum_uge)
        # § 45, stk. 2: forsikrede selvstændige får mindst 2/3 af det højeste beløb.
        forsikret = (beskaeftigelse == status.selvstaendig) & (forsikring != forsikring.possible_values.ingen)
        efter_loen = numpy.where(
            forsikret, numpy.maximum(efter_loen, minimum_andel * beloeb.maksimum_uge), efter_loen
        )
        # § 51: dagpengesatsen pr. dag gange 5 dage; § 50, stk. 2: højst det højeste beløb pr. uge.
        efter_dagpenge = numpy.minimum(
            timesats * beloeb.dagpenge_timer_pr_dag * beloeb.udbetalingsdage_pr_uge, beloeb.maksimum_uge
        )
        return numpy.where(beskaeftigelse == status.ledig, efter_dagpenge, efter_loen)


class sygedagpenge_ugebeloeb(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Sygedagpenge pr. uge ved det faktiske fravær (fuldt eller delvis, kr.)"
    reference = SDL.paragraf("§ 50, stk. 2", "§ 53, stk. 1-3")
    documentation = (
        "Ved fuldt fravær ugesatsen. Delvis fraværende lønmodtagere: samme beløb pr. fraværstime "
        "(timesats × fraværstimer, § 53, stk. 1). Ledige beregnes som ved fuldt fravær (§ 53, "
        "stk. 2, nr. 2). Delvis uarbejdsdygtige selvstændige (§ 53, stk. 3): 3/4 af ugesatsen, "
        "hvis de højst kan udføre 1/4 af deres normale arbejde, 1/2, hvis de højst kan udføre "
        "halvdelen, ellers intet. § 53, stk. 2, nr. 1 og 3 (ledig uden løn, arbejdsgiver uden "
        "deltidsarbejde) er ikke modelleret."
    )

    def formula(person, period, parameters):
        beloeb = parameters(period).sygedagpenge.beloeb
        ugesats = person("sygedagpenge_ugesats", period)
        delvis = person("delvis_fravaer_timer_pr_uge", period)
        normal = person("ugentlig_arbejdstid", period)
        beskaeftigelse = person("beskaeftigelse", period)
        status = beskaeftigelse.possible_values

        # § 53, stk. 1: samme beløb pr. fraværstime, højst ugesatsen (§ 50, stk. 2).
        loenmodtager = numpy.minimum(
            person("sygedagpenge_timesats", period) * person("sygedagpenge_fravaerstimer_pr_uge", period),
            ugesats,
        )
        # § 53, stk. 3: selvstændiges andel efter, hvor meget af det normale arbejde de kan udføre.
        kan_udfoere = numpy.divide(normal - delvis, normal, out=numpy.zeros_like(normal), where=normal > 0)
        andel = numpy.select(
            [
                delvis == 0,
                kan_udfoere <= beloeb.selvstaendig_delvis_tre_fjerdedele_arbejdsevne,
                kan_udfoere <= beloeb.selvstaendig_delvis_halv_arbejdsevne,
            ],
            [1, beloeb.selvstaendig_delvis_tre_fjerdedele_andel, beloeb.selvstaendig_delvis_halv_andel],
        )
        return numpy.select(
            [beskaeftigelse == status.loenmodtager, beskaeftigelse == status.selvstaendig],
            [loenmodtager, andel * ugesats],
            ugesats,
        )
