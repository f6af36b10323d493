"""Reform: ikke alle sager skal forelægges rehabiliteringsteamet (frikommuneforsøget gjort til regel)."""

from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.beregning import FOERSTE_MAANED
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import UdenVirkning, aendr_parametre, gaelder_fra

BEHOVSREGLEN_FRA = "2025-01-01"
# Behovsreglen gælder fra modellens første måned.
TIDLIGST = f"{FOERSTE_MAANED}-01"


class FleksibleRehabiliteringsteams(Reform):
    """Fleksible rehabiliteringsteams: kun sager med behov forelægges.

    Forslaget: Frikommuneforsøget "Rehabiliteringsteams – JAF-sager og LÆ265" viste, at ikke
    alle sager skal forelægges rehabiliteringsteamet for at skabe gode resultater, og at
    jobafklaringsforløbene blev kortere; netværket anbefaler smidigere regler og fagligt skøn.
    Rebild Kommune søgte om fleksibilitet i, hvilke sager teamet skal behandle. Kilder:
    ``003_8d1ffce9980bf276.txt``, "Færre proceskrav – i rehabiliteringsteams og med
    lægeattester"; ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III".

    Loven gjorde det delvis: fra 1.1.2025 forelægges en jobafklaringssag kun ved behov for en
    tværfaglig indsats (lov nr. 1657/2024). Reformen ændrer derfor kun 2020-2024: behovsreglen fra
    2025 gælder fra 2020 (parameteren ``sygedagpenge.rehabiliteringsteam.behovsregel``), så en
    jobafklaringssag forelægges kun ved behov (``rehabiliteringsteam_forelaeggelse``), og der er
    ingen 4-ugersfrist (``rehabiliteringsteam_frist``). Da 2025-reglen ikke kender
    visitationskategori 3, forelægges sygedagpengesager i kategori 3 heller ikke længere
    automatisk (og LÆ 265 følger med).

    Uden virkning fra 1.1.2025: loven har gjort det (lov nr. 1657/2024), og fra 1.2.2026 er
    kravet om rehabiliteringsteam afskaffet (lov nr. 1750/2025) (``uden_virkning``).

    Hvad reformen lader være: 2025 og senere (gældende ret), lægeattesten følger forelæggelsen,
    og sager forlænget efter § 27, stk. 1, nr. 4 forelægges fortsat.

    Forslaget strider mod KL's afskaffelse af rehabiliteringsteamet og mod de nordjyske kommuners
    frivillige møder; en stak med en af dem giver en advarsel (``strider_mod``).
    """

    name = "Fleksible rehabiliteringsteams (behovsreglen fra 2020)"
    kilder = (
        Kilde("003_8d1ffce9980bf276.txt", "Færre proceskrav – i rehabiliteringsteams og med lægeattester"),
        Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III"),
    )
    status = "forslag"
    uden_virkning = (
        UdenVirkning(
            BEHOVSREGLEN_FRA,
            None,
            "Lov nr. 1657/2024 indfører behovsreglen fra 1.1.2025, og lov nr. 1750/2025 fjerner kravet "
            "om rehabiliteringsteam (i modellen fra 1.2.2026); reformen gør blot 2025-reglen gældende "
            "fra 2020.",
        ),
    )
    strider_mod = {
        "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring": (
            "KL afskaffer rehabiliteringsteamet, hvis sager frikommuneforsøget regulerer; stablet "
            "forelægges ingen sager, og behovsreglen har ingen virkning"
        ),
        "frivillige_rehabiliteringsmoeder": (
            "de nordjyske kommuner gør møderne frivillige for borgeren, mens frikommuneforsøget "
            "beholder kommunens pligt til at forelægge sager med behov; stablet forelægges ingen sager"
        ),
    }

    def apply(self):
        sti = "sygedagpenge.rehabiliteringsteam.behovsregel"
        aendr_parametre(self, lambda p: gaelder_fra(p, sti, BEHOVSREGLEN_FRA, TIDLIGST))
