"""Reform: uddannelsesordningerne for ledige samles i én ordning uden målgruppe- og positivlistekrav."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import AFL, LAB
from openfisca_dk_beskaeftigelse.reformstoette import tilfoej_reformparametre

KILDER = (
    Kilde("000_991c7bef0c1547ec.txt", "KL og 6-byerne: 4. Uddannelsesordningerne samles og forenkles"),
    Kilde("003_8d1ffce9980bf276.txt", "De 17 aktive forsøg: Fleksible rammer for uddannelse"),
)

# Ordningerne i gældende ret, som den samlede ordning afløser.
AFLOESTE = (
    "uddannelse_6_ugers_jobrettet_ret",
    "uddannelsesloeft_80_ret",
    "uddannelsesloeft_110_ret",
    "regional_uddannelsespulje_ret",
    "pulje_uddannelsesloeft_ret",
)


class samlet_uddannelse_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kan få uddannelse i den samlede uddannelsesordning for ledige"
    reference = LAB.paragraf("§ 6", "§ 48", "§ 96", "§ 97 a")
    documentation = (
        "Én regel i stedet for 6 ugers jobrettet uddannelse, uddannelsesløftet (80 og 110 pct.), den "
        "regionale uddannelsespulje og puljen til uddannelsesløft: personens målgruppe efter LAB § 6 "
        "(maalgruppe_lab_6) og uddannelsesniveau (uddannelsesniveau_anvendt) skal stå i reformens "
        "parametre reformer.samlet_uddannelsesordning.maalgrupper og .uddannelsesniveauer. Ingen "
        "positivliste, ingen alders- eller ventetidskrav. Uddannelsens varighed og indhold aftales "
        "konkret og er ikke modelleret."
    )

    def formula(person, period, parameters):
        ordning = parameters(period).reformer.samlet_uddannelsesordning
        omfattet = navn_i(person("maalgruppe_lab_6", period), ordning.maalgrupper)
        return omfattet & navn_i(person("uddannelsesniveau_anvendt", period), ordning.uddannelsesniveauer)


class samlet_uddannelse_dagpengesats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Dagpenge under uddannelse i den samlede ordning, kr. pr. måned (forsikrede ledige)"
    reference = LAB.paragraf("§ 48", "§ 96", "§ 97 a") + AFL.paragraf("§ 48")
    documentation = (
        "For en forsikret ledig (§ 6, nr. 1) med adgang til den samlede ordning: andelen "
        "reformer.samlet_uddannelsesordning.andel_dagpenge af personens dagpengesats; ellers 0. "
        "Andre målgrupper beholder under uddannelsen den ydelse, de i forvejen får (som i den "
        "regionale uddannelsespulje i gældende ret); den beregnes ikke her."
    )

    def formula(person, period, parameters):
        andel = parameters(period).reformer.samlet_uddannelsesordning.andel_dagpenge
        maalgruppe = person("maalgruppe_lab_6", period)
        forsikret = maalgruppe == maalgruppe.possible_values.forsikret_ledig
        ret = person("samlet_uddannelse_ret", period) & forsikret
        return numpy.where(ret, andel * person("dagpenge_maanedssats", period), 0)


class SamletUddannelsesordning(Reform):
    """Én uddannelsesordning for ledige i stedet for fem, uden målgruppe- og positivlistekrav.

    Forslaget: KL anbefaler ekspertgruppen at samle og forenkle uddannelsesordningerne for
    ledige, fordi de er for mange, og fordi reglerne om målgrupper og positivlister er
    bureaukratiske og svære for den ledige at gennemskue. De nordjyske frikommuner afprøvede
    tilsvarende friere rammer for uddannelse. Kilder: ``000_991c7bef0c1547ec.txt``, "KL og
    6-byernes anbefalinger", afsnit "4. Uddannelsesordningerne samles og forenkles", og
    ``003_8d1ffce9980bf276.txt``, "De 17 aktive forsøg", forsøget "Fleksible rammer for uddannelse".

    Reformen er parametrisk: hvilke målgrupper efter LAB § 6 og hvilke uddannelsesniveauer
    ordningen omfatter, og hvor stor en andel af dagpengesatsen en forsikret ledig får under
    uddannelsen, står i ``reforms/parametre/samlet_uddannelsesordning.yaml``. Kilderne nævner
    ingen af delene; standardværdierne (alle målgrupper, alle niveauer, fuld dagpengesats) er
    dokumenterede antagelser (parametrenes ``metadata.antaget``).

    Antagelse med bivirkning: den ene sats på 100 pct. (``andel_dagpenge`` = 1) skærer de 110 pct.,
    som en forsikret ledig i gældende ret får under en erhvervsuddannelse på positivlisten (LAB
    § 97 a), ned til 100 pct. (ved højeste sats 2024: 20.359 kr. i stedet for 22.395 kr. om
    måneden); kilden beder ikke om den nedsættelse. Sæt ``andel_dagpenge`` til 1,1 for at bevare
    den høje sats for alle.

    Hvad reformen ændrer: de fem ordninger i gældende ret er afløst, så retten til hver af dem er
    falsk (``uddannelse_6_ugers_jobrettet_ret``, ``uddannelsesloeft_80_ret``,
    ``uddannelsesloeft_110_ret``, ``regional_uddannelsespulje_ret``, ``pulje_uddannelsesloeft_ret``),
    og dermed er deres satser og den højeste varighed af jobrettet uddannelse 0. I stedet har
    borgeren ret til uddannelse i den samlede ordning (``samlet_uddannelse_ret``) efter én regel,
    og en forsikret ledig får reformens andel af sin dagpengesats (``samlet_uddannelse_dagpengesats``).

    Hvad reformen lader være: voksenlærlingeordningen (``voksenlaerling_ret``), fordi den er en
    ansættelse i lære med tilskud til arbejdsgiveren, ikke et uddannelsestilbud under ledighed,
    og fordi kildedokumenterne har et særskilt forslag om den (lavere aldersgrænse); målgrupperne,
    uddannelsesniveauet og ydelserne selv.
    """

    name = "Én samlet uddannelsesordning for ledige"
    kilder = KILDER
    status = "forslag"
    uddata = ("samlet_uddannelse_ret", "samlet_uddannelse_dagpengesats")

    def apply(self):
        tilfoej_reformparametre(self, "samlet_uddannelsesordning")
        for navn in AFLOESTE:
            self.update_variable(_afloest(navn, self.variables[navn].label))
        self.add_variable(samlet_uddannelse_ret)
        self.add_variable(samlet_uddannelse_dagpengesats)


def _afloest(navn: str, label: str) -> type:
    """Variablen ``navn`` som afløst af den samlede ordning: altid falsk."""

    def formula(person, period):
        return numpy.zeros(person.count, dtype=bool)

    label = f"{label} (afløst af den samlede uddannelsesordning)"
    return type(navn, (Variable,), {"label": label, "formula": formula})
