"""Sygedagpengeperiodens længde: uger, revurderingstidspunkt, forlængelse og ophør (SDL §§ 24-27).

Med de midlertidige covid-19-regler i §§ 26-26 i.

Ugerne tælles i sygedagpenge_uger_medregnet; grænsen (parameteren revurdering_uger) overskrides
på sygedagpenge_graensedato; revurderingstidspunktet er udgangen af den kalendermåned
(sygedagpenge_revurderingstidspunkt), og det, loven regner "fra revurderingstidspunktet"
(ophøret, forlængelserne efter § 27, stk. 1, nr. 2-3, valget ved livstruende sygdom), regnes
derfra.

Reformerne ændrer reglerne gennem små sømme, ikke ved at kopiere formlerne:
sygedagpenge_revurdering_uger (ugegrænsen efter § 24), sygedagpenge_revurderes (om der er et
revurderingstidspunkt), sygedagpenge_varighedsbegraenset (om udbetalingen ophører ved grænsen;
ophørsdatoen selv er sygedagpenge_ophoer_efter_varighedsgraensen) og
sygedagpenge_forlaengelsesgrund_anerkendt (om den oplyste grund forlænger efter § 27, stk. 1).
"""

from datetime import date

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    maaned_slut,
    maaned_start,
    maanedens_sidste_dag,
    plus_dage,
    plus_maaneder,
    plus_uger,
    pr_dato,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.love import SDL, SDL_2022

INGEN = numpy.datetime64(INGEN_DATO, "D")
DAGE_PR_UGE = 7  # kalenderens enhed, ikke et lovtal


def _graense(person, period, parameters):
    """Ugegrænsen og opgørelsesperioden i måneder: § 24 (22 uger, 9 måneder) eller § 25 (26, 12)."""
    varighed = parameters(period).sygedagpenge.varighed
    pension = person("sygedagpenge_26_ugers_graense", period)
    return (
        numpy.where(pension, varighed.pension_uger, person("sygedagpenge_revurdering_uger", period)),
        numpy.where(pension, varighed.pension_maaneder, varighed.revurdering_maaneder),
    )


def _gyldig_forlaengelsesgrund(person, period):
    """§ 27, stk. 1: en anerkendt grund er oplyst; ikke § 25-personer; ved § 24 a kun livstruende sygdom."""
    grund = person("forlaengelsesgrund", period)
    # § 24 a, stk. 1: grænsen var nået på første fraværsdag.
    paragraf_24_a = person("sygedagpenge_graense_naaet_ved_start", period)
    # § 25, stk. 1: pensionister og personer over folkepensionsalderen forlænges ikke.
    paragraf_25 = person("sygedagpenge_26_ugers_graense", period)
    # § 27, stk. 1, nr. 1-7: kommunen forlænger ved en af de anerkendte grunde.
    paragraf_27_stk_1 = person("sygedagpenge_forlaengelsesgrund_anerkendt", period)
    # § 27, stk. 1, nr. 5: livstruende, alvorlig sygdom; ved § 24 a den eneste grund (§ 24 a, stk. 6).
    nr_5 = grund == grund.possible_values.livstruende_sygdom
    return paragraf_27_stk_1 & ~paragraf_25 & (~paragraf_24_a | nr_5)


def _covid19_forlaengelse(parameters, ophoer, relevant, period):
    """§§ 26-26 i: ophør i et covid-19-vindue forlænges; igen, hvis den nye dato også ligger i et vindue.

    Parameteren slås op på den første dag uden sygedagpenge (én gang per forskellig dato).
    """
    overgang = numpy.where(relevant, plus_dage(ophoer, 1), maaned_start(period))
    while True:
        maaneder = pr_dato(
            overgang, lambda dag: parameters(str(dag)).sygedagpenge.varighed.covid19_forlaengelse_maaneder
        )
        maaneder = numpy.where(relevant, maaneder, 0)
        if not (maaneder > 0).any():
            return numpy.where(relevant, plus_dage(overgang, -1), ophoer)
        overgang = plus_maaneder(overgang, maaneder.astype(int))


class sygedagpenge_revurdering_uger(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "week"
    label = "Ugegrænsen for revurderingen efter § 24 (mere end 22 uger i 9 måneder)"
    reference = SDL.paragraf("§ 24, stk. 1")
    documentation = (
        "Parameteren revurdering_uger (22 uger). Pensionister og personer over folkepensionsalderen "
        "har grænsen i § 25 (pension_uger). En reform med en anden tidsgrænse erstatter denne "
        "variabel med sin egen parameter."
    )

    def formula(person, period, parameters):
        return numpy.full(person.count, parameters(period).sygedagpenge.varighed.revurdering_uger)


class sygedagpenge_forlaengelsesgrund_anerkendt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Den oplyste forlængelsesgrund er en af grundene i § 27, stk. 1"
    reference = SDL.paragraf("§ 27, stk. 1, nr. 1-7")
    documentation = (
        "forlaengelsesgrund står i parameteren forlaengelsesgrunde (de syv grunde i § 27, stk. 1). "
        "En reform, der afskaffer eller begrænser forlængelserne, erstatter denne variabel med sin "
        "egen liste."
    )

    def formula(person, period, parameters):
        grunde = parameters(period).sygedagpenge.varighed.forlaengelsesgrunde
        return navn_i(person("forlaengelsesgrund", period), grunde)


class sygedagpenge_medregningsstart(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Første dag, der tæller med i sygedagpengeperioden"
    reference = SDL.paragraf("§ 24, stk. 3")
    documentation = (
        "De første 30 kalenderdage (lønmodtagere og ledige, uanset hvem der betaler) og de første "
        "2 uger (selvstændige) tæller ikke med i sygedagpengeperioden. Ingen sygemelding: 0001-01-01."
    )

    def formula(person, period, parameters):
        varighed = parameters(period).sygedagpenge.varighed
        start = person("sygemelding_startdato", period)
        beskaeftigelse = person("beskaeftigelse", period)
        selvstaendig = beskaeftigelse == beskaeftigelse.possible_values.selvstaendig
        medregning = numpy.where(
            selvstaendig,
            plus_uger(start, varighed.ikke_medregnet_selvstaendig_uger),
            plus_dage(start, varighed.ikke_medregnet_loenmodtager_dage),
        )
        return numpy.where(start == INGEN, INGEN, medregning)


class sygedagpenge_graense_naaet_ved_start(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Varighedsgrænsen var allerede overskredet på første fraværsdag"
    reference = SDL.paragraf("§ 24 a, stk. 1-3", "§ 25, stk. 1")
    documentation = (
        "Den sygemeldte havde allerede fået sygedagpenge i mere end 22 uger (26 efter § 25) i "
        "opgørelsesperioden på en ny første fraværsdag. Så betaler kommunen ikke sygedagpenge "
        "(undtagen ved livstruende sygdom, § 24 a, stk. 6), men giver ret til jobafklaringsforløb "
        "fra den dag, kommunen ellers ville begynde at betale (§ 24 a, stk. 2-3)."
    )

    def formula(person, period, parameters):
        uger, _ = _graense(person, period, parameters)
        return person("sygemeldt", period) & (person("tidligere_sygedagpengeuger", period) > uger)


class sygedagpenge_graensedato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Første dag med mere end 22 ugers (efter § 25: 26 ugers) sygedagpenge i opgørelsesperioden"
    reference = SDL.paragraf("§ 24, stk. 1, 3 og 4", "§ 24 a, stk. 1", "§ 25, stk. 1")
    documentation = (
        "Den dag, hvor ugerne med sygedagpenge (fra sygedagpenge_medregningsstart plus "
        "tidligere_sygedagpengeuger) for første gang overstiger 22 uger: medregningsstart + "
        "(22 - tidligere uger) × 7 dage, afrundet ned til hel dag. For pensionister og personer over "
        "folkepensionsalderen (§ 25) er det dagen, hvor 26 uger overstiges. Var grænsen allerede "
        "overskredet på første fraværsdag (§ 24 a), er det første fraværsdag. Revurderingstidspunktet "
        "er udgangen af den kalendermåned, datoen ligger i (sygedagpenge_revurderingstidspunkt). "
        "Ingen sygemelding: 0001-01-01."
    )

    def formula(person, period, parameters):
        uger, _ = _graense(person, period, parameters)
        start = person("sygemelding_startdato", period)
        medregning = person("sygedagpenge_medregningsstart", period)
        tidligere = person("tidligere_sygedagpengeuger", period)
        graense = numpy.where(
            person("sygedagpenge_graense_naaet_ved_start", period),
            start,
            plus_uger(medregning, uger - tidligere),
        )
        return numpy.where(person("sygemeldt", period), graense, INGEN)


class sygedagpenge_revurderes(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Sygedagpengeperioden revurderes, når varighedsgrænsen overskrides"
    reference = SDL.paragraf("§ 24, stk. 1", "§ 25, stk. 1")
    documentation = (
        "Gældende ret: alle sygemeldte er omfattet af varighedsbegrænsningen, enten § 24 (22 uger i 9 "
        "måneder) eller § 25 (26 uger i 12 måneder for pensionister og personer over "
        "folkepensionsalderen), så revurderingstidspunktet gælder for alle. En reform, der "
        "afskaffer revurderingen, erstatter denne variabel (fx kun § 25-personer)."
    )

    def formula(person, period):
        return person("sygemeldt", period)


class sygedagpenge_revurderingstidspunkt(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = (
        "Revurderingstidspunktet: udgangen af måneden, hvor der er udbetalt sygedagpenge i mere end 22 uger"
    )
    reference = SDL.paragraf("§ 24, stk. 1, 3 og 4", "§ 24 a, stk. 1", "§ 25, stk. 1")
    documentation = (
        "Revurderingstidspunktet indtræder ved udgangen af den kalendermåned, hvor der er udbetalt "
        "sygedagpenge i mere end 22 uger inden for de forudgående 9 kalendermåneder (§ 24, stk. 1; "
        "vejledning nr. 9078 af 13.2.2020, afsnit 5.3 'Ved udløbet af en måned'; cabiweb "
        "'Sygedagpenge efter 22 uger'; Ankestyrelsen om principafgørelse 18-19), for pensionister "
        "og personer over folkepensionsalderen 26 uger i 12 måneder (§ 25). Modellen giver "
        "månedens sidste dag, altså den sidste dag med sygedagpenge uden forlængelse: "
        "sygedagpenge_graensedato (dagen, grænsen overskrides) rundet op til månedens udgang. Ved "
        "§ 24 a er grænsen nået på første fraværsdag, og revurderingstidspunktet er udgangen af "
        "den måned. Ingen sygemelding (eller ingen revurdering, sygedagpenge_revurderes): 0001-01-01."
    )

    def formula(person, period):
        graense = person("sygedagpenge_graensedato", period)
        revurderes = person("sygedagpenge_revurderes", period) & (graense != INGEN)
        return numpy.where(revurderes, maanedens_sidste_dag(graense), INGEN)


class sygedagpenge_forlaengelse_slut(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Sidste dag i en tidsbegrænset forlængelse (§ 27, stk. 1, nr. 2 og 3)"
    reference = SDL.paragraf("§ 27, stk. 1, nr. 2", "§ 27, stk. 1, nr. 3")
    documentation = (
        "Ved afklaring af arbejdsevnen (nr. 2): op til 69 uger fra revurderingstidspunktet. Ved "
        "lægebehandling (nr. 3): den sygemeldte skal kunne genoptage arbejdet inden for 134 uger "
        "regnet fra revurderingstidspunktet, så forlængelsen løber højst dertil. "
        "Revurderingstidspunktet er udgangen af en måned, og forlængelsen begynder dagen efter, så "
        "sidste dag = sygedagpenge_revurderingstidspunkt + uger × 7 dage. De øvrige grunde har "
        "ingen fast grænse; ingen tidsbegrænset forlængelse (eller intet revurderingstidspunkt): "
        "0001-01-01."
    )

    def formula(person, period, parameters):
        varighed = parameters(period).sygedagpenge.varighed
        grund = person("forlaengelsesgrund", period)
        grunde = grund.possible_values
        revurdering = person("sygedagpenge_revurderingstidspunkt", period)
        # § 27, stk. 1, nr. 2: afklaring af arbejdsevnen, op til 69 uger fra revurderingstidspunktet.
        nr_2 = grund == grunde.afklaring_arbejdsevne
        # nr. 3: lægebehandling; arbejdet kan genoptages inden for 134 uger fra revurderingstidspunktet.
        nr_3 = grund == grunde.laegebehandling
        uger = numpy.select(
            [nr_2, nr_3],
            [varighed.forlaengelse_afklaring_arbejdsevne_uger, varighed.forlaengelse_laegebehandling_uger],
        )
        gyldig = _gyldig_forlaengelsesgrund(person, period)
        tidsbegraenset = gyldig & (uger > 0) & (revurdering != INGEN)
        return numpy.where(tidsbegraenset, plus_uger(revurdering, uger), INGEN)


class sygedagpenge_ophoer_efter_varighedsgraensen(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Sidste dag med sygedagpenge efter varighedsbegrænsningen (revurdering, forlængelse, § 24 a)"
    reference = SDL.paragraf(
        "§ 24, stk. 1", "§ 24 a, stk. 2-3 og 6", "§ 25, stk. 1", "§ 27, stk. 1"
    ) + SDL_2022.paragraf("§§ 26-26 i")
    documentation = (
        "Uden forlængelse: revurderingstidspunktet, dvs. udgangen af den kalendermåned, hvor "
        "grænsen overskrides (§ 24, stk. 1; § 25, stk. 1). Med en tidsbegrænset forlængelse "
        "(§ 27, stk. 1, nr. 2-3): forlængelsens sidste dag. Med en forlængelse uden fast grænse "
        "(nr. 1 og 4-7): ingen ophørsdato (0001-01-01); forlængelsen gælder, så længe grunden er "
        "oplyst. § 24 a uden livstruende sygdom: dagen før kommunen ellers ville begynde at betale "
        "(ingen sygedagpenge fra kommunen). Falder den første dag uden sygedagpenge i perioden "
        "9.3.2020-30.6.2021, forlænges efter de midlertidige covid-19-regler (parameter "
        "covid19_forlaengelse_maaneder). Forlængelsesgrunden læses i den måned, der beregnes. "
        "Kræver en afgørelse fra kommunen i virkeligheden; modellen viser, hvornår den tidligst "
        "kan ophøre. Det er ophørsdatoen (sygedagpenge_ophoersdato) for den, der er omfattet af "
        "varighedsbegrænsningen (i gældende ret alle)."
    )

    def formula(person, period, parameters):
        forlaenget = _gyldig_forlaengelsesgrund(person, period)
        # § 24, stk. 1 (§ 25, stk. 1): udbetalingen ophører ved revurderingstidspunktet (månedens udgang).
        paragraf_24_stk_1 = person("sygedagpenge_revurderingstidspunkt", period)
        # § 24 a, stk. 2-3: grænsen var nået på første fraværsdag, så kommunen betaler ikke (uden
        # forlængelse): ophør dagen før, kommunen ellers ville begynde at betale.
        paragraf_24_a = person("sygedagpenge_graense_naaet_ved_start", period) & ~forlaenget
        # § 27, stk. 1, nr. 2-3: en tidsbegrænset forlængelse ophører ved sin sidste dag.
        nr_2_3_slut = person("sygedagpenge_forlaengelse_slut", period)
        nr_2_3 = nr_2_3_slut != INGEN
        # § 27, stk. 1, nr. 1 og 4-7: forlænget uden fast grænse, så længe grunden er oplyst.
        uden_fast_graense = forlaenget & ~nr_2_3

        ophoer = numpy.select(
            [paragraf_24_a, nr_2_3],
            [plus_dage(person("sygedagpenge_kommune_fra", period), -1), nr_2_3_slut],
            paragraf_24_stk_1,
        )
        # Uden revurderingstidspunkt (en reform har afskaffet det) er der intet ophør at forlænge.
        ophoerer = person("sygemeldt", period) & ~uden_fast_graense & (ophoer != INGEN)
        ophoer = _covid19_forlaengelse(parameters, ophoer, ophoerer & ~paragraf_24_a, period)
        return numpy.where(ophoerer, ophoer, INGEN)


class sygedagpenge_varighedsbegraenset(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Udbetalingen ophører ved varighedsgrænsen (medmindre den forlænges)"
    reference = SDL.paragraf("§ 24, stk. 1", "§ 24 a, stk. 2-3", "§ 25, stk. 1")
    documentation = (
        "Gældende ret: for alle sygemeldte ophører udbetalingen ved revurderingstidspunktet (eller ved "
        "en tidsbegrænset forlængelses udløb, § 24 a) efter § 24 eller § 25. En reform, der lader de "
        "sygemeldte blive på sygedagpenge, erstatter denne variabel (fx kun § 25-personer)."
    )

    def formula(person, period):
        return person("sygemeldt", period)


class sygedagpenge_ophoersdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Sidste dag, kommunen udbetaler sygedagpenge for den aktuelle sygdom"
    reference = SDL.paragraf("§ 24, stk. 1", "§ 24 a, stk. 2-3 og 6", "§ 25, stk. 1", "§ 27, stk. 1")
    documentation = (
        "sygedagpenge_ophoer_efter_varighedsgraensen for den, hvis udbetaling ophører ved "
        "varighedsgrænsen (sygedagpenge_varighedsbegraenset; i gældende ret alle sygemeldte); "
        "ellers ingen ophørsdato (0001-01-01)."
    )

    def formula(person, period):
        ophoer = person("sygedagpenge_ophoer_efter_varighedsgraensen", period)
        return numpy.where(person("sygedagpenge_varighedsbegraenset", period), ophoer, INGEN)


class sygedagpenge_forlaenget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Sygedagpengene er forlænget efter § 27 i måneden"
    reference = SDL.paragraf("§ 27, stk. 1, nr. 1-7", "§ 24 a, stk. 6")
    documentation = (
        "Måneden begynder efter revurderingstidspunktet (udgangen af en måned), der er "
        "oplyst en forlængelsesgrund, og en tidsbegrænset forlængelse er ikke udløbet før "
        "månedens første dag. § 25-personer forlænges ikke; ved § 24 a kun ved livstruende "
        "sygdom. Covid-19-forlængelserne 2020-2021 (§§ 26-26 i) er ikke forlængelser efter § 27 "
        "og tæller ikke her (de ses i sygedagpenge_ophoersdato)."
    )

    def formula(person, period):
        revurdering = person("sygedagpenge_revurderingstidspunkt", period)
        forlaengelse_slut = person("sygedagpenge_forlaengelse_slut", period)
        efter_revurdering = (revurdering != INGEN) & (revurdering < maaned_start(period))
        ikke_udloebet = (forlaengelse_slut == INGEN) | (forlaengelse_slut >= maaned_start(period))
        return (
            person("sygemeldt", period)
            & _gyldig_forlaengelsesgrund(person, period)
            & efter_revurdering
            & ikke_udloebet
        )


class sygedagpenge_uger_medregnet(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "week"
    label = "Uger med sygedagpenge i opgørelsesperioden ved månedens udgang"
    reference = SDL.paragraf("§ 24, stk. 1, 3 og 4", "§ 25, stk. 1 og 3")
    documentation = (
        "Uger med sygedagpenge (eller løn under sygdom), der tæller efter § 24, stk. 3-4: "
        "tidligere_sygedagpengeuger plus dagene fra sygedagpenge_medregningsstart til månedens "
        "sidste dag (højst til sygedagpenge_ophoersdato), divideret med 7. Dage før "
        "opgørelsesperiodens start (de 9 kalendermåneder til og med måneden; 12 efter § 25) tæller "
        "ikke; tidligere uger antages at ligge i perioden. Tallet går over 22, når "
        "revurderingstidspunktet er passeret. En reform med én tidsgrænse og nedsat sats kan bygge "
        "på denne variabel."
    )

    def formula(person, period, parameters):
        _, maaneder = _graense(person, period, parameters)
        medregning = person("sygedagpenge_medregningsstart", period)
        ophoer = person("sygedagpenge_ophoersdato", period)
        periode_start = plus_maaneder(numpy.full(medregning.shape, maaned_start(period)), 1 - maaneder)
        fra = numpy.maximum(medregning, periode_start)
        til = numpy.where(ophoer == INGEN, maaned_slut(period), numpy.minimum(ophoer, maaned_slut(period)))
        dage = numpy.maximum((til - fra).astype(int) + 1, 0)
        uger = person("tidligere_sygedagpengeuger", period) + dage / DAGE_PR_UGE
        return numpy.where(person("sygemeldt", period), uger, 0)
