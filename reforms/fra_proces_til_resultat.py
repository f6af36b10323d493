"""Reform: fra proces til resultat: ingen lovbestemt samtalekadence, ret til samtale efter ønske."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import (
    aendr_parametre,
    aendr_vaerdier,
    kontaktforloeb_efter_aftale,
    parameter,
)

INGEN = numpy.datetime64(INGEN_DATO, "D")

# Samtalekravene i gældende ret; kommunens tal ændres for hver regelgruppe, parameteren nævner.
SAMTALEKRAV = (
    "lab.kontaktforloeb.a_kasse.samtaler_3_maaneder",
    "lab.kontaktforloeb.faellessamtaler_6_maaneder",
)
KOMMUNENS_SAMTALER = "lab.kontaktforloeb.kommune_samtaler_6_maaneder"


def _ingen_samtalekrav(parametre):
    grupper = parameter(parametre, KOMMUNENS_SAMTALER).children
    for sti in (*SAMTALEKRAV, *(f"{KOMMUNENS_SAMTALER}.{gruppe}" for gruppe in grupper)):
        aendr_vaerdier(parametre, sti, lambda _: 0)
    return parametre


class FraProcesTilResultat(Reform):
    """Fra proces til resultat: kontaktforløbet uden lovbestemte samtalekrav og frister.

    Forslaget: KL og 6-byerne anbefaler, at registrerings- og proceskrav fjernes, og at
    kommunerne måles på resultater; som eksempler på proceskrav, der kan afskaffes, nævnes
    "særlige krav til hvilke indsatser der kan og skal bruges til hvilke målgrupper og hvornår";
    loven skal være en rammelov, og der skal være frihed til at tilrettelægge indsatsen med
    borgeren. 6-byerne vil i 2011 fjerne de detaljerede tidsfrister og proceskrav, "hvor fx
    aktivering og samtaler skal holdes på et efter paragrafferne givet tidspunkt", og peger på, at
    den bedste indsats for unge ikke altid er et længerevarende aktiveringstilbud, sådan som
    reglerne foreskriver. Rebild Kommunes frikommuneforsøg ønskede fritagelse for den faste
    samtalekadence for dagpengemodtagere. Kilder: ``000_991c7bef0c1547ec.txt``, "KL og 6-byerne,
    3. Fra proces til resultat"; ``002_5d57e95c82b3ac89.txt``, "Tema 2: Fokus på effekt frem for
    proces" og "Tema 1: Mindre central styring og større lokalt råderum" (ungegruppen);
    ``004_383c6e4443986835.txt``, "Målgruppe 1: A-dagpenge" (fritagelse for nuværende
    samtalekadence).

    Hvad reformen ændrer, for alle grupper med kontaktforløb efter LAB: intet mindste antal
    jobsamtaler (parametrene for a-kassens og kommunens samtaler og fællessamtalerne sættes til 0,
    så ``kontaktforloeb_min_samtaler_6_maaneder`` bliver 0), ingen frist for den første samtale
    (``kontaktforloeb_foerste_samtale_senest``) og for samtalen ved 16 måneder
    (``kontaktforloeb_intensiveret_samtale_senest``), og borgeren har fra første dag ret til en
    samtale efter ønske (``kontaktforloeb_efter_aftale``). Tilbuddenes tidspunkt er heller ikke
    lovbestemt: ingen har ret og pligt til et tilbud senest efter 6 måneder
    (``ret_og_pligt_tilbud_omfattet``, og dermed ``ret_og_pligt_tilbud_senest``, løntilskudsfristen
    og mindstevarigheden), og unge under 30 år uden uddannelse har ikke den kontinuerlige ret og
    pligt til tilbud (``ret_og_pligt_kontinuerlig_indsats``).

    Hvad reformen lader være: hvem der har ansvaret for kontaktforløbet, pligten til at søge
    job, joblog og cv, pligten til at tage imod og deltage i de tilbud, kommunen giver
    (``pligt_til_tilbud``), og sygedagpengeopfølgningen (se reformen ingen_fast_opfoelgningskadence);
    tilfredshedsmålinger er styring af kommunerne og beregnes ikke per borger.
    """

    name = "Fra proces til resultat (ingen samtalekadence)"
    kilder = (
        Kilde("000_991c7bef0c1547ec.txt", "KL og 6-byerne: 3. Fra proces til resultat"),
        Kilde("002_5d57e95c82b3ac89.txt", "Tema 2: Fokus på effekt frem for proces"),
        Kilde(
            "002_5d57e95c82b3ac89.txt",
            "Tema 1: Mindre central styring og større lokalt råderum (ungegruppen)",
        ),
        Kilde(
            "004_383c6e4443986835.txt", "Målgruppe 1: A-dagpenge – fritagelse for nuværende samtalekadence"
        ),
    )
    status = "forslag"

    def apply(self):
        aendr_parametre(self, _ingen_samtalekrav)

        class kontaktforloeb_foerste_samtale_senest(Variable):
            label = "Seneste dato for den første jobsamtale (ingen lovbestemt frist)"

            def formula(person, period):
                return numpy.full(person.count, INGEN)

        class kontaktforloeb_intensiveret_samtale_senest(Variable):
            label = (
                "Seneste dato for samtalen om intensiveret indsats ved 16 måneder (ingen lovbestemt frist)"
            )

            def formula(person, period):
                return numpy.full(person.count, INGEN)

        class ret_og_pligt_tilbud_omfattet(Variable):
            label = "Har ret og pligt til et tilbud senest efter 6 måneder (nej: ingen lovbestemt frist)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        class ret_og_pligt_kontinuerlig_indsats(Variable):
            label = "Kontinuerlig tilbudsindsats for unge (nej: tilbud efter behov)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        for variabel in (
            kontaktforloeb_foerste_samtale_senest,
            kontaktforloeb_intensiveret_samtale_senest,
            kontaktforloeb_efter_aftale,
            ret_og_pligt_tilbud_omfattet,
            ret_og_pligt_kontinuerlig_indsats,
        ):
            self.update_variable(variabel)
