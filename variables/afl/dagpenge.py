"""Dagpengenes størrelse (AFL §§ 47-49 og § 70): sats, loft, deltid, dimittender og beskæftigelsestillæg."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import alder_hvor
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import AFL


class er_deltidsforsikret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Er deltidsforsikret i a-kassen"
    reference = AFL.paragraf("§ 70")
    documentation = "Medlemmet er deltidsforsikret; de højeste beløb er da 2/3 af fuldtidsforsikredes."


class er_dimittend(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Får dagpenge som dimittend (nyuddannet)"
    reference = AFL.paragraf("§ 49, stk. 5")
    documentation = (
        "Medlemmet har ret til dagpenge på grundlag af en afsluttet uddannelse og får "
        "dimittendsatsen i stedet for 90 pct. af en tidligere indtægt."
    )


class opfylder_betingelser_beskaeftigelsestillaeg(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Opfylder betingelserne for beskæftigelsestillæg"
    reference = AFL.paragraf("§ 48, stk. 8-12")
    documentation = (
        "Mindst 4 års uafbrudt medlemskab af en a-kasse og beskæftigelse svarende til 3.848 "
        "timer (eller en fastsat indtægt) inden for de seneste 3 år. A-kassen afgør det; "
        "modellen tager det som input."
    )


class forbrugte_dagpengetimer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "hour"
    label = "Dagpengetimer brugt i den aktuelle dagpengeperiode ved månedens begyndelse"
    reference = AFL.paragraf("§ 48, stk. 8", "§ 49, stk. 5")
    documentation = (
        "Antal udbetalte dagpengetimer i den aktuelle dagpengeperiode før måneden. Afgør, om "
        "medlemmet stadig er inden for de første timer med beskæftigelsestillæg eller fuld "
        "dimittendsats (481 timer, ca. 3 måneder)."
    )


def _afrund_kroner(beloeb):
    """Satstabellernes beløb er hele kroner."""
    return numpy.round(beloeb)


class dagpenge_maksimum_maaned(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Højeste dagpengebeløb for medlemmet (fuldtid eller deltid), kr. pr. måned"
    reference = AFL.paragraf("§ 47, stk. 1", "§ 70")
    documentation = "Årets højeste beløb; for deltidsforsikrede 2/3 af det, afrundet til hele kroner."

    def formula(person, period, parameters):
        dagpenge = parameters(period).afl.dagpenge
        deltid = person("er_deltidsforsikret", period)
        # § 70: deltidsforsikrede får 2/3 af fuldtidsforsikredes højeste beløb.
        return numpy.where(
            deltid, _afrund_kroner(dagpenge.maksimum_maaned * dagpenge.deltid_andel), dagpenge.maksimum_maaned
        )


class dagpenge_beskaeftigelsestillaeg_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ret til beskæftigelsestillæg til dagpengene i måneden"
    reference = AFL.paragraf("§ 48, stk. 8-12")
    documentation = (
        "Fra 1. maj 2023: medlemmer, der opfylder betingelserne, får et højere loft i de "
        "første 481 dagpengetimer (390 for deltidsforsikrede). Modellen ser på de forbrugte "
        "timer ved månedens begyndelse. Før 1. maj 2023 findes tillægget ikke (falsk)."
    )

    def formula_2023_05_01(person, period, parameters):
        """Fra 1.5.2023 (L 173, 2021-22): ret til tillægget i de første dagpengetimer."""
        tillaeg = parameters(period).afl.dagpenge.beskaeftigelsestillaeg
        deltid = person("er_deltidsforsikret", period)
        timer = person("forbrugte_dagpengetimer", period)
        graense = numpy.where(deltid, tillaeg.timer_deltid, tillaeg.timer_fuldtid)
        return person("opfylder_betingelser_beskaeftigelsestillaeg", period) & (timer < graense)


class dagpenge_loft_maaned(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Loftet over medlemmets dagpenge, kr. pr. måned"
    reference = AFL.paragraf("§ 47, stk. 1", "§ 48, stk. 8", "§ 70")
    documentation = (
        "Det højeste beløb (fuldtid eller deltid); fra 1. maj 2023 med beskæftigelsestillæg "
        "op til 118,86 pct. af det, når medlemmet har ret til tillægget."
    )

    def formula_2020_01_01(person, period, parameters):
        """Til 30.4.2023: det højeste beløb; beskæftigelsestillægget findes ikke."""
        return person("dagpenge_maksimum_maaned", period)

    def formula_2023_05_01(person, period, parameters):
        """Fra 1.5.2023: det højeste beløb med beskæftigelsestillæg for den, der har ret til det."""
        dagpenge = parameters(period).afl.dagpenge
        deltid = person("er_deltidsforsikret", period)
        med_tillaeg = numpy.where(
            deltid,
            _afrund_kroner(dagpenge.beskaeftigelsestillaeg.maksimum_maaned * dagpenge.deltid_andel),
            dagpenge.beskaeftigelsestillaeg.maksimum_maaned,
        )
        return numpy.where(
            person("dagpenge_beskaeftigelsestillaeg_ret", period),
            med_tillaeg,
            person("dagpenge_maksimum_maaned", period),
        )


class dagpenge_dimittendsats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Dimittendsats, kr. pr. måned"
    reference = AFL.paragraf("§ 49, stk. 5")
    documentation = (
        "Forsørgere 82 pct., andre 71,5 pct. af det højeste beløb (fuldtid eller deltid), "
        "afrundet til hele kroner. Fra 1. maj 2023 falder ikke-forsørgeres sats efter 481 "
        "dagpengetimer til 49,17 pct. (under 30 år) eller 62,11 pct. (fyldt 30 år). Alderen "
        "(foedselsdato) kræves kun for de dimittender, der er forbi de 481 timer uden "
        "forsørgerpligt. Beregnes for alle; bruges kun, når er_dimittend er sand."
    )

    def formula_2020_01_01(person, period, parameters):
        """Til 30.4.2023: en fast andel af det højeste beløb (forsørger eller ej)."""
        dimittend = parameters(period).afl.dagpenge.dimittend
        forsoerger = person("har_forsoergerpligt", period)
        andel = numpy.where(forsoerger, dimittend.forsoerger_andel, dimittend.ikke_forsoerger_andel)
        return _afrund_kroner(person("dagpenge_maksimum_maaned", period) * andel)

    def formula_2023_05_01(person, period, parameters):
        """Fra 1.5.2023: ikke-forsørgeres sats nedsættes efter de første dagpengetimer."""
        dimittend = parameters(period).afl.dagpenge.dimittend
        forsoerger = person("har_forsoergerpligt", period)
        nedsat = (
            person("er_dimittend", period)
            & ~forsoerger
            & (person("forbrugte_dagpengetimer", period) >= dimittend.timer_foer_nedsaettelse)
        )
        # Alderen afgør kun den nedsatte sats; den kræves derfor kun, hvor satsen er nedsat.
        alder = alder_hvor(person, period, nedsat, "dagpenge_dimittendsats")
        nedsat_andel = numpy.where(
            alder < dimittend.aldersgraense,
            dimittend.nedsat_under_aldersgraense_andel,
            dimittend.nedsat_fra_aldersgraense_andel,
        )
        andel = numpy.select(
            [forsoerger, nedsat], [dimittend.forsoerger_andel, nedsat_andel], dimittend.ikke_forsoerger_andel
        )
        return _afrund_kroner(person("dagpenge_maksimum_maaned", period) * andel)


class dagpenge_maanedssats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Dagpengesats, kr. pr. måned"
    reference = AFL.paragraf("§ 47, stk. 1", "§ 48", "§ 49, stk. 5", "§ 70")
    documentation = (
        "90 % af den månedlige indtægt efter arbejdsmarkedsbidrag (maanedsloen), højst "
        "loftet: årets maksimale dagpengebeløb, 2/3 af det for deltidsforsikrede, og fra "
        "1. maj 2023 højere med beskæftigelsestillæg. Dimittender får dimittendsatsen. "
        "Ungesatsen (50 pct. for unge under 25 år) er ikke modelleret."
    )

    def formula(person, period, parameters):
        dagpenge = parameters(period).afl.dagpenge
        am_bidrag = parameters(period).skat.arbejdsmarkedsbidrag
        # AFL § 48: 90 % af indtægten efter AM-bidrag; § 47, stk. 1: højst loftet.
        indtaegt = person("maanedsloen", period) * (1 - am_bidrag)
        efter_indtaegt = numpy.minimum(
            dagpenge.kompensationsgrad * indtaegt, person("dagpenge_loft_maaned", period)
        )
        # § 49, stk. 5: dimittender får dimittendsatsen.
        return numpy.where(
            person("er_dimittend", period), person("dagpenge_dimittendsats", period), efter_indtaegt
        )
