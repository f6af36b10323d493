"""Reform: alle samtaler kan holdes over telefon eller video."""

from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import (
    aendr_parametre,
    aendr_vaerdier,
    opfoelgning_telefon_video_fra,
)


def _alle_samtaler_valgfrie(parametre):
    aendr_vaerdier(parametre, "lab.kontaktforloeb.samtaleform", lambda _: "valgfrit_alle_samtaler")
    return parametre


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
    samtaler fra 2020: jobsamtalerne (parameteren ``lab.kontaktforloeb.samtaleform`` =
    ``valgfrit_alle_samtaler``, og dermed ``kontaktforloeb_samtaler_telefon_video``) og
    sygeopfølgningen fra første fraværsdag (``opfoelgning_telefon_video_fra``).

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
        aendr_parametre(self, _alle_samtaler_valgfrie)
        self.update_variable(opfoelgning_telefon_video_fra)
