"""Reform: løntilskud hos private arbejdsgivere før 6 måneders ledighed."""

from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import overfoer_reformparametre

KILDER = (
    Kilde("002_5d57e95c82b3ac89.txt", "Tema 1: Mindre central styring og større lokalt råderum"),
    Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III: Fremrykning af mulighed for løntilskud"),
    Kilde("003_8d1ffce9980bf276.txt", "De 17 aktive forsøg: Fleksible rammer for løntilskud og jobrotation"),
)


class TidligereLoentilskud(Reform):
    """Løntilskud hos private arbejdsgivere tidligere i ledigheden.

    Forslaget: 6-byerne påpeger, at ansættelse med løntilskud i en privat virksomhed som regel
    først kan begynde efter 6 måneders ledighed, selv om en tidligere indsats nogle gange giver
    mere mening, og vil have reglen ændret inden for EU-reglernes rammer. Rebild Kommune ville
    søge om at fremrykke løntilskud for udvalgte grupper (fx ved omskoling og ved overgangen fra
    sygedagpenge til dagpenge), og de nordjyske frikommuner afprøvede fleksible rammer for
    løntilskud. Kilder: ``002_5d57e95c82b3ac89.txt``, "Tema 1: Mindre central styring og større
    lokalt råderum"; ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III";
    ``003_8d1ffce9980bf276.txt``, "De 17 aktive forsøg", forsøget "Fleksible rammer for løntilskud
    og jobrotation". De nordjyske kommuners forslag om de sygemeldte er reformen
    loentilskud_til_sygemeldte.

    Reformen er parametrisk (``reforms/parametre/tidligere_loentilskud.yaml``): den nye ventetid
    hos private arbejdsgivere erstatter gældende rets ``lab.loentilskud.ledighedskrav.maaneder_privat``
    (standard 0 måneder; kilderne nævner ingen tal).

    Hvad reformen ændrer: kravet om forudgående forsørgelse hos private arbejdsgivere
    (``loentilskud_ledighedskrav_opfyldt_privat``) regnes med den nye ventetid for alle grupper,
    kravet gælder for; dermed ændres ``loentilskud_ret_privat`` og ``loentilskud_ret``.

    Hvad reformen lader være: hvem kravet gælder for (§ 69, stk. 3), kravet hos offentlige
    arbejdsgivere, målgrupperne, der kan få løntilskud (§ 66), varigheden og kravet om
    merbeskæftigelse.
    """

    name = "Tidligere løntilskud hos private arbejdsgivere"
    kilder = KILDER
    status = "forslag"

    def apply(self):
        ventetid = {"lab.loentilskud.ledighedskrav.maaneder_privat": "maaneder_privat"}
        overfoer_reformparametre(self, "tidligere_loentilskud", ventetid)
