"""Jobafklaringsforløb, når sygedagpengene ikke kan forlænges, og valget ved livstruende sygdom.

SDL § 24, stk. 2, § 24 a, § 27, stk. 3 og LAB kapitel 18; livstruende sygdom: §§ 24 a, stk. 6, og 24 b.
"""

from datetime import date

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, maaned_slut, plus_dage
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import LAB, SDL

INGEN = numpy.datetime64(INGEN_DATO, "D")


class jobafklaringsforloeb_startdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Første dag med ret til jobafklaringsforløb (dagen efter sygedagpengenes ophør)"
    reference = SDL.paragraf("§ 24, stk. 2", "§ 24 a, stk. 2-3", "§ 27, stk. 3") + LAB.paragraf("kapitel 18")
    documentation = (
        "Dagen efter sygedagpenge_ophoersdato for en sygemeldt med ret over for kommunen, der er "
        "omfattet af § 24 (ikke § 25: pensionister og personer over folkepensionsalderen får ikke "
        "jobafklaringsforløb). Ved § 24 a dagen, hvor kommunen ellers ville begynde at betale. "
        "Ingen dato (0001-01-01), når sygedagpengene er forlænget uden fast grænse."
    )

    def formula(person, period):
        ophoer = person("sygedagpenge_ophoersdato", period)
        omfattet = (
            person("sygedagpenge_ret_kommune", period)
            & ~person("sygedagpenge_26_ugers_graense", period)
            & (ophoer != INGEN)
        )
        return numpy.where(omfattet, plus_dage(ophoer, 1), INGEN)


class jobafklaringsforloeb_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ret til jobafklaringsforløb med ressourceforløbsydelse i måneden"
    reference = SDL.paragraf("§ 24, stk. 2", "§ 24 a, stk. 1-5", "§ 27, stk. 3") + LAB.paragraf("kapitel 18")
    documentation = (
        "Den sygemeldte er stadig uarbejdsdygtig, sygedagpengene er ophørt ved "
        "revurderingstidspunktet uden forlængelse eller ved udløbet af en tidsbegrænset "
        "forlængelse (eller grænsen var nået på første fraværsdag, § 24 a), og mindst én dag i "
        "måneden ligger fra jobafklaringsforloeb_startdato. Ikke for borgere i ressourceforløb, "
        "revalidering eller fleksjob eller på førtidspension, og ikke efter folkepensionsalderen "
        "(§ 25). Jobafklaringsforløbets 2-årsgrænse (nyt forløb kan bevilges) er ikke modelleret. "
        "I overgangsmåneden kan både sygedagpenge_udbetales og jobafklaringsforloeb_ret være sande."
    )

    def formula(person, period):
        start = person("jobafklaringsforloeb_startdato", period)
        forloeb = person("forloeb", period)
        ydelse = person("ydelse", period)
        andet_forloeb = (forloeb != forloeb.possible_values.ingen) & (
            forloeb != forloeb.possible_values.jobafklaringsforloeb
        )
        return (
            person("sygemeldt", period)
            & (start != INGEN)
            & (start <= maaned_slut(period))
            & ~andet_forloeb
            & (ydelse != ydelse.possible_values.foertidspension)
        )


class sygedagpenge_livstruende_sygdom_valg(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan vælge sygedagpenge i stedet for jobafklaringsforløb på grund af livstruende, alvorlig sygdom"
    reference = SDL.paragraf("§ 24 a, stk. 6", "§ 24 b, stk. 1", "§ 27, stk. 1, nr. 5")
    documentation = (
        "En sygemeldt med ret over for kommunen og en livstruende, alvorlig sygdom "
        "(forlaengelsesgrund = livstruende_sygdom) kan fra måneden med revurderingstidspunktet, og "
        "når grænsen var nået på første fraværsdag (§ 24 a), vælge sygedagpenge frem for "
        "jobafklaringsforløb; også en borger, der allerede er i jobafklaringsforløb (§ 24 b). "
        "Uden revurderingstidspunkt (en reform har afskaffet det) er der intet valg. "
        "Modellen lægger valget af sygedagpenge til grund (forlængelse uden tidsgrænse)."
    )

    def formula(person, period):
        grund = person("forlaengelsesgrund", period)
        revurdering = person("sygedagpenge_revurderingstidspunkt", period)
        # § 24 a: grænsen nået på første fraværsdag giver revurderingstidspunkt i den første måned.
        ved_eller_efter_revurdering = (revurdering != INGEN) & (revurdering <= maaned_slut(period))
        return (
            person("sygedagpenge_ret_kommune", period)
            & ~person("sygedagpenge_26_ugers_graense", period)
            & (grund == grund.possible_values.livstruende_sygdom)
            & ved_eller_efter_revurdering
        )
