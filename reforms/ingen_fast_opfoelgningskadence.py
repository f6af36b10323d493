"""Reform: ingen fast kadence og form for opfølgningssamtaler med sygemeldte."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import (
    opfoelgning_telefon_video_fra,
    tidligere_formel,
    tilfoej_reformparametre,
)


class IngenFastOpfoelgningskadence(Reform):
    """Opfølgningen med sygemeldte uden fastsat antal samtaler, interval og form.

    Forslaget: De nordjyske kommuner anbefaler langt færre proceskrav i sygedagpengeindsatsen;
    tidlige og løbende samtaler med alle sygemeldte skal fastholdes, men uden fastsatte krav til
    form og interval. Rebild Kommunes frikommuneforsøg ønskede bedre timing og mere fleksibel
    kontaktform for opfølgningssamtalerne. Kilder: ``000_991c7bef0c1547ec.txt``, "De nordjyske
    kommuner: Færre proceskrav og bureaukratisk lovgivning" og "Fra proces til resultat";
    ``004_383c6e4443986835.txt``, "Målgruppe 2: Sygedagpenge".

    Reformen er parametrisk: antallet af samtaler, kommunen mindst skal holde i det første halve
    år, står i ``reforms/parametre/ingen_fast_opfoelgningskadence.yaml`` (standard 1: den tidlige
    samtale, som forslaget vil fastholde).

    Hvad reformen ændrer: det mindste antal opfølgningssamtaler i det første halve år
    (``opfoelgning_min_samtaler_6_maaneder``) er parameterens tal i sager, hvor gældende ret har
    en opfølgning, og den sygemeldte kan vælge telefon eller video fra første fraværsdag
    (``opfoelgning_telefon_video_fra``).

    Hvad reformen lader være: fristen for den tidlige første samtale
    (``opfoelgning_foerste_samtale_senest``), visitationen, lægeattesterne og
    rehabiliteringsteamet.

    Forslaget strider mod 6-byernes prioriterede opfølgning (prioriteret_opfoelgning_sygedagpenge),
    der fjerner den tidlige samtale med alle; en stak af de to giver en advarsel (``strider_mod``).
    """

    name = "Ingen fast opfølgningskadence for sygemeldte"
    kilder = (
        Kilde(
            "000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Færre proceskrav og bureaukratisk lovgivning"
        ),
        Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Fra proces til resultat"),
        Kilde("004_383c6e4443986835.txt", "Målgruppe 2: Sygedagpenge"),
    )
    status = "forslag"

    def apply(self):
        tilfoej_reformparametre(self, "ingen_fast_opfoelgningskadence")
        min_samtaler = tidligere_formel(self, "opfoelgning_min_samtaler_6_maaneder")

        class opfoelgning_min_samtaler_6_maaneder(Variable):
            label = "Mindste antal opfølgningssamtaler i det første halve år (uden fast kadence)"

            def formula(person, period, parameters):
                samtaler = parameters(period).reformer.ingen_fast_opfoelgningskadence.min_samtaler
                hidtil = min_samtaler(person, period, parameters)
                return numpy.where(hidtil > 0, numpy.minimum(hidtil, samtaler), 0)

        self.update_variable(opfoelgning_min_samtaler_6_maaneder)
        self.update_variable(opfoelgning_telefon_video_fra)
