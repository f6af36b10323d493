"""Reform: alle samtaler kan holdes over telefon eller video."""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.grupper import hvor
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import opfoelgning_telefon_video_fra

INGEN = numpy.datetime64(INGEN_DATO, "D")


class SamtaleForm(Enum):
    ikke_relevant = "Ikke relevant (intet kontaktforløb efter LAB)"
    kun_personligt = "Personligt fremmøde (hovedregel)"
    valgfrit_efter_6_maaneder = "Efter 6 måneders ledighed vælger borgeren fremmøde, telefon eller video"
    valgfrit_efter_foerste_samtale = (
        "Første samtale ved fremmøde; derefter vælger borgeren fremmøde, telefon eller video"
    )
    valgfrit_alle_samtaler = "Borgeren vælger fremmøde, telefon eller video til alle samtaler"


class DigitaleSamtaler(Reform):
    """Samtaler over telefon eller video, også den første.

    Forslaget: Frikommuneforsøgene viste, at telefoniske og digitale samtaler giver borgeren
    fleksibilitet og kommunen bedre ressourcefordeling, og netværket anbefaler, at de består;
    KL glædede sig i 2022 over den udvidede adgang til video- og telefonsamtaler, og Rebild
    Kommune ønskede telefoniske opfølgningssamtaler med sygemeldte. Kilder:
    ``003_8d1ffce9980bf276.txt``, "Samtaler skal også fremadrettet kunne afholdes telefonisk eller
    digitalt"; ``001_563147e58c2b51e6.txt``, "Digitale samtaler"; ``004_383c6e4443986835.txt``,
    "Målgruppe 2: Sygedagpenge – mere fleksibel kontaktform".

    Loven har gjort det delvis: fra 2022 efter 6 måneder (lov nr. 2590/2021) og fra marts 2023
    efter den første samtale (lov nr. 295/2023). Reformen lader borgeren vælge form til alle
    samtaler fra 2020: jobsamtalerne (``kontaktforloeb_samtaler_telefon_video`` =
    ``valgfrit_alle_samtaler``) og sygeopfølgningen fra første fraværsdag
    (``opfoelgning_telefon_video_fra``).

    Hvad reformen lader være: antallet af samtaler, fristerne, kommunens mulighed for konkret at
    kræve fremmøde, og samtalernes indhold.
    """

    name = "Digitale samtaler (telefon eller video til alle samtaler)"
    kilder = (
        Kilde(
            "003_8d1ffce9980bf276.txt",
            "Samtaler skal også fremadrettet kunne afholdes telefonisk eller digitalt",
        ),
        Kilde("001_563147e58c2b51e6.txt", "Digitale samtaler"),
        Kilde("004_383c6e4443986835.txt", "Målgruppe 2: Sygedagpenge – mere fleksibel kontaktform"),
    )
    status = "forslag"

    def apply(self):
        class kontaktforloeb_samtaler_telefon_video(Variable):
            possible_values = SamtaleForm
            default_value = SamtaleForm.ikke_relevant
            label = "Hvilke jobsamtaler borgeren kan holde telefonisk eller ved video (alle)"

            def formula(person, period):
                omfattet = person("kontaktforloeb_omfattet", period)
                return hvor(omfattet, SamtaleForm.valgfrit_alle_samtaler, SamtaleForm.ikke_relevant)

        self.update_variable(kontaktforloeb_samtaler_telefon_video)
        self.update_variable(opfoelgning_telefon_video_fra)
