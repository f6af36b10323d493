"""Rimelighedskravet (forholdstal) for personer i støttet beskæftigelse på et arbejdssted.

Opgørelsen (BEK nr. 2636/2021 § 65): ordinært ansatte og støttede tælles som
fuldtidspersoner. Modellen tæller de ordinært ansatte, der er opført i rollen 'ansatte'
(med deres fuldtidsandel), plus antal_ordinaert_ansatte for dem, der ikke er opført
enkeltvis, og de støttede i rollen 'stoettede' med deres fuldtidsandel.

Ikke modelleret: gennemsnittet over de seneste 4 måneder (brugeren angiver tallene som
det gennemsnit), udeladelsen af ansatte under 18 år og ansatte med offentligt tilskud
(de må ikke opføres som 'ansatte'), undtagelsen for sygemeldte i praktik hos egen
arbejdsgiver (stk. 5), tillidsrepræsentantens erklæring (stk. 6) og RAR's dispensation
for nytteindsats.

En person, der ikke er opført på noget arbejdssted, får af OpenFisca sit eget arbejdssted
med personen selv i den første rolle ('ansat'). Det giver 1 ordinært ansat, et maksimum
på 1 (mindstetallet), 0 støttede, forholdstal_overholdt sand og forholdstal_plads falsk.
"""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.entities import Person, Virksomhed
from openfisca_dk_beskaeftigelse.love import BEK_2636_2021, LAB


class antal_ordinaert_ansatte(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "FTE"
    label = "Antal ordinært ansatte (fuldtidspersoner)"
    reference = LAB.paragraf("§ 77")
    documentation = (
        "Ordinært ansatte på arbejdsstedet omregnet til fuldtidspersoner, når de ikke "
        "er opført enkeltvis i rollen 'ansatte'. Ansatte med offentligt tilskud og "
        "ansatte under 18 år tælles ikke med (BEK nr. 2636/2021 § 65, stk. 3)."
    )


class fuldtidsandel(Variable):
    value_type = float
    default_value = 1.0
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "FTE"
    label = "Arbejdstid som andel af fuld tid (til forholdstallet)"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 2-3")
    documentation = (
        "For en ansat eller en person i støttet beskæftigelse på et arbejdssted: timerne som "
        "brøkdel af fuld tid (1 = fuld tid, 0,5 = halv tid). Standard: fuld tid."
    )


class stoettet_startdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Første dag i den støttede beskæftigelse på arbejdsstedet"
    reference = LAB.paragraf("§ 77") + BEK_2636_2021.paragraf("§ 65")
    documentation = (
        "Bruges til at ordne de støttede, når det afgøres, hvem der er inden for "
        "forholdstallet (forholdstal_plads). Ikke oplyst = 0001-01-01, dvs. før alle oplyste datoer."
    )


class forholdstal_antal_ordinaert_ansatte(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    unit = "FTE"
    label = "Ordinært ansatte i alt til forholdstallet (fuldtidspersoner)"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 3")
    documentation = (
        "Summen af fuldtidsandelene for personerne i rollen 'ansatte' plus antal_ordinaert_ansatte."
    )

    def formula(virksomhed, period, parameters):
        opfoert = virksomhed.sum(virksomhed.members("fuldtidsandel", period), role=Virksomhed.ANSAT)
        return opfoert + virksomhed("antal_ordinaert_ansatte", period)


class forholdstal_max_antal(Variable):
    value_type = int
    entity = Virksomhed
    definition_period = MONTH
    unit = "person"
    label = "Højeste antal personer i støttet beskæftigelse på arbejdsstedet"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 1") + LAB.paragraf("§ 77")
    documentation = (
        "1 person for hver hele 5 ordinært ansatte op til 50, altid mindst 1, og herudover 1 "
        "for hver hele 10 ordinært ansatte ud over 50 (fx 4,9 → 1; 10 → 2; 50 → 10; 59 → 10; "
        "60 → 11). Gælder virksomhedspraktik, løntilskud og nytteindsats tilsammen."
    )

    def formula(virksomhed, period, parameters):
        forholdstal = parameters(period).lab.forholdstal
        ansatte = virksomhed("forholdstal_antal_ordinaert_ansatte", period)
        # Stk. 1, nr. 1: 1 pr. hele 5 ansatte op til 50, dog altid 1.
        op_til_graensen = numpy.floor(
            numpy.minimum(ansatte, forholdstal.graense_ansatte) / forholdstal.ansatte_pr_stoettet
        )
        nr_1 = numpy.maximum(op_til_graensen, forholdstal.mindste_antal)
        # Stk. 1, nr. 2: herudover 1 pr. hele 10 ansatte ud over grænsen.
        over_graensen = numpy.maximum(ansatte - forholdstal.graense_ansatte, 0)
        nr_2 = numpy.floor(over_graensen / forholdstal.ansatte_pr_stoettet_over_graense)
        return (nr_1 + nr_2).astype(int)


class forholdstal_medregnes(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personen i støttet beskæftigelse tæller med i arbejdsstedets forholdstal"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 2") + LAB.paragraf("§ 77")
    documentation = (
        "Sand for hver person i rollen 'stoettede': virksomhedspraktik, løntilskud og nytteindsats "
        "tæller alle med. Falsk for personer, der ikke er støttede."
    )

    def formula(person, period, parameters):
        return person.has_role(Virksomhed.STOETTET)


class forholdstal_antal_stoettede(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    unit = "FTE"
    label = "Personer i støttet beskæftigelse på arbejdsstedet (fuldtidspersoner)"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 2")
    documentation = "Summen af fuldtidsandelene for de støttede, der tæller med (forholdstal_medregnes)."

    def formula(virksomhed, period, parameters):
        medregnes = virksomhed.members("forholdstal_medregnes", period)
        andele = numpy.where(medregnes, virksomhed.members("fuldtidsandel", period), 0)
        return virksomhed.sum(andele, role=Virksomhed.STOETTET)


class forholdstal_ledige_pladser(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    unit = "FTE"
    label = "Ledige pladser til støttet beskæftigelse inden for forholdstallet (fuldtidspersoner)"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 1-2")
    documentation = "Højeste antal minus de nuværende støttede, dog mindst 0."

    def formula(virksomhed, period, parameters):
        ledige = virksomhed("forholdstal_max_antal", period) - virksomhed(
            "forholdstal_antal_stoettede", period
        )
        return numpy.maximum(ledige, 0)


class forholdstal_overholdt(Variable):
    value_type = bool
    entity = Virksomhed
    definition_period = MONTH
    label = "Arbejdsstedet overholder rimelighedskravet (forholdstallet)"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 1") + LAB.paragraf("§ 77")
    documentation = "Antallet af støttede (fuldtidspersoner) er højst forholdstal_max_antal."

    def formula(virksomhed, period, parameters):
        stoettede = virksomhed("forholdstal_antal_stoettede", period)
        max_antal = virksomhed("forholdstal_max_antal", period)
        return (stoettede < max_antal) | numpy.isclose(stoettede, max_antal)


class forholdstal_kan_tage_en_mere(Variable):
    value_type = bool
    entity = Virksomhed
    definition_period = MONTH
    label = "Arbejdsstedet kan tage én person mere på fuld tid i støttet beskæftigelse"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 1") + LAB.paragraf("§ 77")
    documentation = "Der er mindst én hel ledig plads inden for forholdstallet."

    def formula(virksomhed, period, parameters):
        ledige = virksomhed("forholdstal_ledige_pladser", period)
        # Variablens spørgsmål er netop én person på fuld tid (fuldtidsandel 1).
        return (ledige > 1) | numpy.isclose(ledige, 1)


class forholdstal_plads(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personens støttede beskæftigelse er inden for arbejdsstedets forholdstal"
    reference = BEK_2636_2021.paragraf("§ 65, stk. 1-2") + LAB.paragraf("§ 77")
    documentation = (
        "For en person i rollen 'stoettede': de støttede, der tæller med (forholdstal_medregnes), "
        "ordnes efter stoettet_startdato (ikke oplyst først) og derefter efter rækkefølgen i "
        "'personer'; personen er inden for, hvis summen af fuldtidsandele til og med personen er "
        "højst forholdstal_max_antal. Den eller de sidst ankomne falder dermed uden for; en støttet, "
        "der ikke tæller med, er altid inden for. Falsk for personer, der ikke er støttede."
    )

    def formula(person, period, parameters):
        stoettet = person.has_role(Virksomhed.STOETTET)
        medregnes = person("forholdstal_medregnes", period)
        andel = numpy.where(medregnes, person("fuldtidsandel", period), 0)
        start = person("stoettet_startdato", period).astype("datetime64[D]").astype(numpy.int64)
        arbejdssted = person.virksomhed.members_entity_id
        # Ordn efter arbejdssted, startdato og rækkefølge i situationen; summer andelene løbende.
        orden = numpy.lexsort((numpy.arange(person.count), start, arbejdssted))
        loebende = numpy.cumsum(andel[orden])
        pr_arbejdssted = numpy.bincount(arbejdssted, weights=andel, minlength=person.virksomhed.count)
        foer_arbejdsstedet = numpy.cumsum(pr_arbejdssted) - pr_arbejdssted
        til_og_med = numpy.empty(person.count)
        til_og_med[orden] = loebende - foer_arbejdsstedet[arbejdssted[orden]]
        max_antal = person.virksomhed("forholdstal_max_antal", period)
        inden_for = (til_og_med < max_antal) | numpy.isclose(til_og_med, max_antal)
        return stoettet & (~medregnes | inden_for)
