"""Reform: fast track-ordningen (tidlig opfølgning på anmodning) afskaffes."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.kilder import Kilde

INGEN = numpy.datetime64(INGEN_DATO, "D")


class IngenFastTrack(Reform):
    """Fast track-ordningen afskaffes.

    Forslaget: De nordjyske kommuner anbefaler at afskaffe ordningen, hvor arbejdsgiveren (eller
    den sygemeldte) kan anmode om tidlig opfølgning, fordi den er administrativt tung, bruges af
    få, og tidlig indsats i praksis håndteres uden om ordningen. Kilde:
    ``000_991c7bef0c1547ec.txt``, "De nordjyske kommuners anbefalinger: Sygedagpengeindsatsen",
    afsnittet "Forebyggende og tidligt samarbejde".

    Hvad reformen ændrer: arbejdsgiveren kan ikke længere anmode om tidlig opfølgning
    (``fast_track_mulig`` og ``fast_track_anmodning_senest``), og en anmodning fremrykker ikke
    den første opfølgningssamtale (``fast_track_anmodning_virker``); fristen for den første
    samtale er derfor altid udgangen af 8. uge (``opfoelgning_foerste_samtale_senest``).

    Hvad reformen lader være: resten af opfølgningen, fastholdelsesplanen (SDL § 7 b) og
    borgerens oplysning om en anmodning (inputtet ``tidlig_opfoelgning_anmodet_dato``).
    """

    name = "Ingen fast track i sygedagpengesager"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Forebyggende og tidligt samarbejde"),)
    status = "forslag"

    def apply(self):
        class fast_track_mulig(Variable):
            label = "Arbejdsgiveren kan anmode om tidlig opfølgning (fast track er afskaffet)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        class fast_track_anmodning_senest(Variable):
            label = "Sidste dag for anmodning om tidlig opfølgning (fast track er afskaffet: ingen)"

            def formula(person, period):
                return numpy.full(person.count, INGEN)

        class fast_track_anmodning_virker(Variable):
            label = (
                "Anmodning om tidlig opfølgning, som fremrykker den første samtale "
                "(ingen: fast track er afskaffet)"
            )

            def formula(person, period):
                return numpy.full(person.count, INGEN)

        for variabel in (fast_track_mulig, fast_track_anmodning_senest, fast_track_anmodning_virker):
            self.update_variable(variabel)
