"""Reform: ikke alle sager skal forelægges rehabiliteringsteamet (frikommuneforsøget gjort til regel)."""

from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import tidligere_formel

BEHOVSREGLEN_FRA = "2025-01-01"


class FleksibleRehabiliteringsteams(Reform):
    """Fleksible rehabiliteringsteams: kun sager med behov forelægges.

    Forslaget: Frikommuneforsøget "Rehabiliteringsteams – JAF-sager og LÆ265" viste, at ikke
    alle sager skal forelægges rehabiliteringsteamet for at skabe gode resultater, og at
    jobafklaringsforløbene blev kortere; netværket anbefaler smidigere regler og fagligt skøn.
    Rebild Kommune søgte om fleksibilitet i, hvilke sager teamet skal behandle. Kilder:
    ``003_8d1ffce9980bf276.txt``, "Færre proceskrav – i rehabiliteringsteams og med
    lægeattester"; ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III".

    Loven gjorde det delvis: fra 1.1.2025 forelægges en jobafklaringssag kun ved behov for en
    tværfaglig indsats (lov nr. 1657/2024). Reformen ændrer derfor kun 2020-2024: der gælder
    behovsreglen fra 2025 (``rehabiliteringsteam_forelaeggelse``), og der er ingen 4-ugersfrist
    for jobafklaringssager (``rehabiliteringsteam_frist``). Da 2025-reglen ikke kender
    visitationskategori 3, forelægges sygedagpengesager i kategori 3 heller ikke længere
    automatisk (og LÆ 265 følger med).

    Hvad reformen lader være: 2025 og senere (gældende ret), lægeattesten følger forelæggelsen,
    og sager forlænget efter § 27, stk. 1, nr. 4 forelægges fortsat.
    """

    name = "Fleksible rehabiliteringsteams (behovsreglen fra 2020)"
    kilder = (
        Kilde("003_8d1ffce9980bf276.txt", "Færre proceskrav – i rehabiliteringsteams og med lægeattester"),
        Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III"),
    )
    status = "forslag"

    def apply(self):
        forelaeggelse = tidligere_formel(self, "rehabiliteringsteam_forelaeggelse", fra=BEHOVSREGLEN_FRA)
        frist = tidligere_formel(self, "rehabiliteringsteam_frist", fra=BEHOVSREGLEN_FRA)

        class rehabiliteringsteam_forelaeggelse(Variable):
            label = "Sagen skal forelægges rehabiliteringsteamet (behovsreglen fra 2025 gælder fra 2020)"

            def formula(person, period, parameters):
                return forelaeggelse(person, period, parameters)

        class rehabiliteringsteam_frist(Variable):
            label = "Frist for forelæggelse for rehabiliteringsteamet (ingen fast frist)"

            def formula(person, period, parameters):
                return frist(person, period, parameters)

        self.update_variable(rehabiliteringsteam_forelaeggelse)
        self.update_variable(rehabiliteringsteam_frist)
