"""Ret og pligt til tilbud (LAB § 102) og den kontinuerlige indsats for unge (§ 6, nr. 4-5)."""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, kraev_oplyst, plus_maaneder, plus_uger
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import en_af
from openfisca_dk_beskaeftigelse.love import LAB, LOV_295_2023, LOV_1750_2025


class undtaget_fra_tilbud_25_pct(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Undtaget fra tilbud af kommunen eller a-kassen (25 pct.-reglen)"
    reference = LAB.paragraf("§ 102") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Fra 1. juli 2026 kan kommunen undtage op til 25 pct. af dagpengemodtagerne og de "
        "job- og uddannelsesparate kontanthjælpsmodtagere fra tilbud i de første 6 måneder, "
        "når den vurderer, at de selv kan komme i job. Input: kommunens afgørelse for "
        "måneden. Har ingen virkning før 1. juli 2026 eller for aktivitetsparate."
    )


class ret_og_pligt_tilbud_omfattet(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Har ret og pligt til et tilbud senest efter 6 måneder"
    reference = LAB.paragraf("§ 102, stk. 1-2") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Dagpengemodtagere og job- og aktivitetsparate kontanthjælpsmodtagere (§ 6, nr. 1-3), "
        "uanset alder. Fra 1. juli 2026 ikke dagpengemodtagere og jobparate, som kommunen har "
        "undtaget efter 25 pct.-reglen. Personer med arbejdspligt (kap. 16 a) er ikke "
        "særskilt modelleret."
    )

    def formula(person, period, parameters):
        tilbud = parameters(period).lab.tilbud
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        nr_1_3 = en_af(
            maalgruppe, m.forsikret_ledig, m.jobparat_kontanthjaelp, m.aktivitetsparat_kontanthjaelp
        )
        taet_paa_arbejdsmarkedet = en_af(maalgruppe, m.forsikret_ledig, m.jobparat_kontanthjaelp)
        undtaget = (
            tilbud.undtagelse_tilladt
            & taet_paa_arbejdsmarkedet
            & person("undtaget_fra_tilbud_25_pct", period)
        )
        return nr_1_3 & ~undtaget


class ret_og_pligt_tilbud_frist_fra(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Dato, fristen for ret og pligt-tilbuddet regnes fra"
    reference = LAB.paragraf("§ 102, stk. 1")
    documentation = (
        "ledighed_startdato (første dag med ledighed eller ydelse) for de omfattede; ellers ingen "
        "dato. En reform, der flytter borgere ind under § 102, kan regne fristen fra en anden dag "
        "for dem (fx reformens ikrafttræden), så ingen får en frist, der allerede er overskredet."
    )

    def formula(person, period):
        omfattet = person("ret_og_pligt_tilbud_omfattet", period)
        start = person("ledighed_startdato", period)
        kraev_oplyst(start, "ledighed_startdato", "ret_og_pligt_tilbud_senest", relevant=omfattet)
        return numpy.where(omfattet, start, numpy.datetime64(INGEN_DATO))


class ret_og_pligt_tilbud_senest(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Seneste start for ret og pligt-tilbuddet"
    reference = LAB.paragraf("§ 102, stk. 1-2")
    documentation = (
        "6 måneder efter ret_og_pligt_tilbud_frist_fra (i gældende ret ledighed_startdato, første "
        "dag med ledighed eller ydelse) for de omfattede (§ 6, nr. 1-3); ellers ingen dato "
        "(0001-01-01). Modellen regner med en sammenhængende periode; sammenlægning af afbrudte "
        "perioder er ikke modelleret."
    )

    def formula(person, period, parameters):
        tilbud = parameters(period).lab.tilbud
        omfattet = person("ret_og_pligt_tilbud_omfattet", period)
        fra = person("ret_og_pligt_tilbud_frist_fra", period)
        return numpy.where(omfattet, plus_maaneder(fra, tilbud.frist_maaneder), numpy.datetime64(INGEN_DATO))


class ret_og_pligt_loentilskud_senest_start(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Seneste start for et løntilskudstilbud givet inden fristen"
    reference = LAB.paragraf("§ 102")
    documentation = (
        "Et tilbud om løntilskud, der er givet inden fristen for ret og pligt-tilbuddet, "
        "opfylder retten og pligten, hvis det begynder senest 3 uger efter fristen."
    )

    def formula(person, period, parameters):
        tilbud = parameters(period).lab.tilbud
        omfattet = person("ret_og_pligt_tilbud_omfattet", period)
        frist = person("ret_og_pligt_tilbud_senest", period)
        return numpy.where(
            omfattet,
            plus_uger(frist, tilbud.loentilskud_start_uger_efter_frist),
            numpy.datetime64(INGEN_DATO),
        )


class ret_og_pligt_tilbud_mindste_varighed_uger(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "week"
    label = "Ret og pligt-tilbuddets mindste varighed, uger"
    reference = LAB.paragraf("§ 102")
    documentation = "Mindst 2 sammenhængende uger for de omfattede; 0 for andre."

    def formula(person, period, parameters):
        tilbud = parameters(period).lab.tilbud
        return numpy.where(person("ret_og_pligt_tilbud_omfattet", period), tilbud.mindste_varighed_uger, 0)


class oevrig_vejledning_taeller_som_ret_og_pligt_tilbud(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Øvrig vejledning og opkvalificering kan udgøre ret og pligt-tilbuddet"
    reference = (
        LAB.paragraf("§ 91", "§ 102, stk. 5-6")
        + LOV_295_2023.paragraf("§ 1, nr. 9")
        + LOV_1750_2025.paragraf("§ 1")
    )
    documentation = (
        "Øvrig vejledning og opkvalificering (§ 91) tæller som ret og pligt-tilbud til 21.3.2023, "
        "ikke fra 22.3.2023 (lov nr. 295/2023, § 102, stk. 6) og igen fra 1.7.2026 (lov nr. "
        "1750/2025); kurser efter § 93 tæller aldrig (§ 102, stk. 5). Falsk for personer uden ret "
        "og pligt."
    )

    def formula(person, period, parameters):
        tilbud = parameters(period).lab.tilbud
        return person("ret_og_pligt_tilbud_omfattet", period) & tilbud.oevrig_vejledning_taeller


class ret_og_pligt_kontinuerlig_indsats(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Har ret og pligt til en kontinuerlig tilbudsindsats (unge uden uddannelse)"
    reference = LAB.paragraf("§ 6, nr. 4-5", "§§ 103-105") + LOV_1750_2025.paragraf("§ 1")
    documentation = (
        "Uddannelsesparate og aktivitetsparate uddannelseshjælpsmodtagere under 30 år uden "
        "uddannelse (§ 6, nr. 4-5) har en kontinuerlig ret og pligt til tilbud i stedet for "
        "én frist; ret_og_pligt_tilbud_senest er for dem ingen dato. De præcise frister i "
        "§§ 103-105 er ikke udtrukket (legal brief: medium). Fra 1. juli 2026 kan "
        "uddannelsesparate undtages efter 25 pct.-reglen. Lov nr. 1750/2025's ændring af "
        "ordningen for unge er ikke dateret i kilderne og er ikke modelleret."
    )

    def formula(person, period, parameters):
        tilbud = parameters(period).lab.tilbud
        maalgruppe = person("maalgruppe_lab_6", period)
        m = maalgruppe.possible_values
        uddannelsesparat = maalgruppe == m.uddannelsesparat_uddannelseshjaelp
        undtaget = tilbud.undtagelse_tilladt & uddannelsesparat & person("undtaget_fra_tilbud_25_pct", period)
        return (uddannelsesparat | (maalgruppe == m.aktivitetsparat_uddannelseshjaelp)) & ~undtaget
