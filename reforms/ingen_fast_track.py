"""Reform: fast track-ordningen (tidlig opfølgning på anmodning) afskaffes."""

from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre, aendr_vaerdier


class IngenFastTrack(Reform):
    """Fast track-ordningen afskaffes.

    Forslaget: De nordjyske kommuner anbefaler at afskaffe ordningen, hvor arbejdsgiveren (eller
    den sygemeldte) kan anmode om tidlig opfølgning, fordi den er administrativt tung, bruges af
    få, og tidlig indsats i praksis håndteres uden om ordningen. Kilde:
    ``000_991c7bef0c1547ec.txt``, "De nordjyske kommuners anbefalinger: Sygedagpengeindsatsen",
    afsnittet "Forebyggende og tidligt samarbejde".

    Hvad reformen ændrer: ordningen gælder ikke (parameteren
    ``sygedagpenge.opfoelgning.fast_track_gaelder``), så arbejdsgiveren kan ikke længere anmode om
    tidlig opfølgning (``fast_track_mulig`` og ``fast_track_anmodning_senest``), og en anmodning
    fremrykker ikke den første samtale (``fast_track_anmodning_virker``); fristen for den første
    samtale er derfor altid udgangen af 8. uge (``opfoelgning_foerste_samtale_senest``).

    Hvad reformen lader være: resten af opfølgningen, fastholdelsesplanen (SDL § 7 b) og
    borgerens oplysning om en anmodning (inputtet ``tidlig_opfoelgning_anmodet_dato``).
    """

    name = "Ingen fast track i sygedagpengesager"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Forebyggende og tidligt samarbejde"),)
    status = "forslag"

    def apply(self):
        aendr_parametre(
            self, lambda p: aendr_vaerdier(p, "sygedagpenge.opfoelgning.fast_track_gaelder", lambda _: False)
        )
