"""Reform: lavere aldersgrænse for voksenlærlingeordningen."""

from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import overfoer_reformparametre


class LavereAlderVoksenlaerling(Reform):
    """Lavere aldersgrænse for voksenlærlinge.

    Forslaget: Blandt idéerne til Rebild Kommunes ansøgning i frikommuneforsøgets tredje
    ansøgningsrunde var at sænke aldersgrænsen for målgruppen i voksenlærlingeordningen. Kilde:
    ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III", idéen "Sænke aldersgrænsen for
    målgruppen vedr. voksenlærlingeordningen".

    Reformen er parametrisk: den nye mindstealder står i
    ``reforms/parametre/lavere_alder_voksenlaerling.yaml`` og erstatter gældende rets
    ``lab.uddannelse.voksenlaerling.mindstealder`` (25 år). Kilden nævner ingen alder;
    standardværdien 18 år er en antagelse.

    Hvad reformen ændrer: ledige i voksenlærlingeordningens målgrupper (§ 6, nr. 1-5) under 25 år,
    men over den nye mindstealder, kan ansættes som voksenlærling med tilskud til arbejdsgiveren
    (``voksenlaerling_ret``).

    Hvad reformen lader være: målgrupperne, kravene til forudgående ledighed for ufaglærte og
    faglærte og de øvrige uddannelsesordninger (også mindstealderen for uddannelsesløft).
    """

    name = "Lavere aldersgrænse for voksenlærlinge"
    kilder = (
        Kilde(
            "004_383c6e4443986835.txt",
            "Ansøgningsrunde II & III: Sænke aldersgrænsen for målgruppen vedr. voksenlærlingeordningen",
        ),
    )
    status = "forslag"

    def apply(self):
        mindstealder = {"lab.uddannelse.voksenlaerling.mindstealder": "mindstealder"}
        overfoer_reformparametre(self, "lavere_alder_voksenlaerling", mindstealder)
