"""Virksomhedspraktik (LAB kap. 11): højeste varighed efter målgruppe (§ 61)."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import en_af
from openfisca_dk_beskaeftigelse.love import LAB


class mangler_erhvervserfaring_eller_langvarigt_ledig(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Har ingen erhvervserfaring, langvarig ledighed eller svært ved at få løntilskudsjob"
    reference = LAB.paragraf("§ 61, stk. 1, nr. 2")
    documentation = (
        "Kommunens vurdering for en jobparat kontanthjælpsmodtager eller uddannelsesparat "
        "uddannelseshjælpsmodtager; giver op til 13 uger i stedet for 4."
    )


class dimittend_uden_job_i_faget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Dimittend, der ikke har haft ordinært job i sit fag efter uddannelsen"
    reference = LAB.paragraf("§ 61, stk. 1")
    documentation = (
        "For dagpengemodtagere med mindst en kort videregående uddannelse: giver op til 8 "
        "ugers virksomhedspraktik fra maj 2021 (forsøgsbekendtgørelsen)."
    )


class virksomhedspraktik_max_uger(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "week"
    label = "Højeste varighed af virksomhedspraktik, uger"
    reference = LAB.paragraf("§ 61, stk. 1")
    documentation = (
        "4 uger for dagpengemodtagere, jobparate kontanthjælpsmodtagere, uddannelsesparate og "
        "jobparate selvforsørgende (nr. 12, når parathed ikke er 'aktivitetsparat'); 8 uger fra "
        "maj 2021 for dagpengedimittender med en videregående uddannelse uden job i faget; 13 "
        "uger for aktivitetsparate, nr. 6-11 og 13 og for jobparate/uddannelsesparate uden "
        "erhvervserfaring eller med langvarig ledighed. 0 uden målgruppe. Fordelingen i "
        "stk. 1 er fra kommunale vejledninger (medium-høj); at nr. 9, 11 og 13 har 13 uger, "
        "er en slutning (lav-medium)."
    )

    def formula(person, period, parameters):
        praktik = parameters(period).lab.virksomhedspraktik
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        parathed = person("parathed", period)
        aktivitetsparat = parathed == parathed.possible_values.aktivitetsparat
        niveau = person("uddannelsesniveau_anvendt", period)
        u = niveau.possible_values
        videregaaende = en_af(
            niveau,
            u.kort_videregaaende_med_erhvervsuddannelse,
            u.kort_videregaaende,
            u.mellemlang_videregaaende,
            u.lang_videregaaende,
        )
        nr_1 = en_af(
            maalgruppe, m.forsikret_ledig, m.jobparat_kontanthjaelp, m.uddannelsesparat_uddannelseshjaelp
        ) | ((maalgruppe == m.ledig_selvforsoergende) & ~aktivitetsparat)
        dimittend = (
            (maalgruppe == m.forsikret_ledig) & videregaaende & person("dimittend_uden_job_i_faget", period)
        )
        # Stk. 1, nr. 2 (13 uger) går forud for nr. 1 for jobparate uden erhvervserfaring m.fl.
        nr_2 = person("virksomhedspraktik_kan_forlaenges", period)
        return numpy.select(
            [dimittend, nr_2, nr_1],
            [praktik.uger_dimittend, praktik.uger_oevrige, praktik.uger_jobparate],
            0,
        )


class virksomhedspraktik_kan_forlaenges(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Hører til § 61, stk. 1, nr. 2 (13 uger, kan forlænges)"
    reference = LAB.paragraf("§ 61, stk. 1, nr. 2", "§ 61, stk. 2")
    documentation = (
        "Aktivitetsparate (nr. 3 og 5, aktivitetsparate nr. 12), nr. 6-11 og 13, og jobparate "
        "eller uddannelsesparate uden erhvervserfaring eller med langvarig ledighed."
    )

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        parathed = person("parathed", period)
        aktivitetsparat = parathed == parathed.possible_values.aktivitetsparat
        saerligt_behov = en_af(
            maalgruppe, m.jobparat_kontanthjaelp, m.uddannelsesparat_uddannelseshjaelp
        ) & person("mangler_erhvervserfaring_eller_langvarigt_ledig", period)
        helbred_m_fl = en_af(
            maalgruppe,
            m.aktivitetsparat_kontanthjaelp,
            m.aktivitetsparat_uddannelseshjaelp,
            m.sygedagpengemodtager,
            m.jobafklaringsforloeb,
            m.ressourceforloeb,
            m.fleksjobvisiteret,
            m.revalidend,
            m.foertidspensionist,
            m.ung_under_18,
        )
        return helbred_m_fl | ((maalgruppe == m.ledig_selvforsoergende) & aktivitetsparat) | saerligt_behov


class virksomhedspraktik_max_uger_forlaenget(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "week"
    label = "Højeste varighed af virksomhedspraktik efter forlængelse, uger"
    reference = LAB.paragraf("§ 61, stk. 2")
    documentation = (
        "For personer i § 61, stk. 1, nr. 2 kan praktikken efter en konkret vurdering "
        "forlænges op til 26 uger (og ved et helt særligt behov med yderligere 13 uger ad "
        "gangen, som ikke er modelleret). For andre er den højeste varighed uændret."
    )

    def formula(person, period, parameters):
        praktik = parameters(period).lab.virksomhedspraktik
        return numpy.where(
            person("virksomhedspraktik_kan_forlaenges", period),
            praktik.forlaenget_uger,
            person("virksomhedspraktik_max_uger", period),
        )
