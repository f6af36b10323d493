"""Reform: løntilskud hos private arbejdsgivere før 6 måneders ledighed, og uden ventetid for sygemeldte."""

from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import overfoer_reformparametre, tidligere_formel

KILDER = (
    Kilde("002_5d57e95c82b3ac89.txt", "Tema 1: Mindre central styring og større lokalt råderum"),
    Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III: Fremrykning af mulighed for løntilskud"),
    Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Løntilskud og opkvalificering"),
    Kilde("003_8d1ffce9980bf276.txt", "De 17 aktive forsøg: Fleksible rammer for løntilskud og jobrotation"),
)


class TidligereLoentilskud(Reform):
    """Løntilskud hos private arbejdsgivere tidligere i ledigheden og enklere for sygemeldte.

    Forslaget: 6-byerne påpeger, at ansættelse med løntilskud i en privat virksomhed som regel
    først kan begynde efter 6 måneders ledighed, selv om en tidligere indsats nogle gange giver
    mere mening, og vil have reglen ændret inden for EU-reglernes rammer. Rebild Kommune ville
    søge om at fremrykke løntilskud for udvalgte grupper (fx ved omskoling og ved overgangen fra
    sygedagpenge til dagpenge), de nordjyske frikommuner afprøvede fleksible rammer for løntilskud,
    og de nordjyske kommuner anbefaler enklere regler for løntilskud på sygedagpengeområdet.
    Kilder: ``002_5d57e95c82b3ac89.txt``, "Tema 1: Mindre central styring og større lokalt
    råderum"; ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III"; ``000_991c7bef0c1547ec.txt``,
    "De nordjyske kommuners anbefalinger: Sygedagpengeindsatsen", afsnittet "Løntilskud og
    opkvalificering"; ``003_8d1ffce9980bf276.txt``, "De 17 aktive forsøg", forsøget "Fleksible
    rammer for løntilskud og jobrotation".

    Reformen er parametrisk (``reforms/parametre/tidligere_loentilskud.yaml``): den nye ventetid
    hos private arbejdsgivere erstatter gældende rets ``lab.loentilskud.ledighedskrav.maaneder_privat``
    (standard 0 måneder), og listen over målgrupper, som slet ikke har et ledighedskrav hos
    private arbejdsgivere, er en parameter (standard sygedagpengemodtagere og personer i
    jobafklaringsforløb, § 6, nr. 6-7). Kilderne nævner ingen tal.

    Hvad reformen ændrer: kravet om forudgående forsørgelse hos private arbejdsgivere
    (``loentilskud_ledighedskrav_opfyldt_privat``) regnes med den nye ventetid, og for de sygemeldte
    gælder det ikke længere (``loentilskud_ledighedskrav_gaelder_privat``); dermed ændres
    ``loentilskud_ret_privat`` og ``loentilskud_ret``.

    Hvad reformen lader være: kravet hos offentlige arbejdsgivere, undtagelserne i § 69, stk. 3,
    målgrupperne, der kan få løntilskud (§ 66), varigheden og kravet om merbeskæftigelse.
    """

    name = "Tidligere løntilskud hos private arbejdsgivere og enklere for sygemeldte"
    kilder = KILDER
    status = "forslag"

    def apply(self):
        ventetid = {"lab.loentilskud.ledighedskrav.maaneder_privat": "maaneder_privat"}
        overfoer_reformparametre(self, "tidligere_loentilskud", ventetid)
        gaelder_privat = tidligere_formel(self, "loentilskud_ledighedskrav_gaelder_privat")

        class loentilskud_ledighedskrav_gaelder_privat(Variable):
            label = (
                "Kravet om forudgående offentlig forsørgelse gælder ved løntilskud hos en privat "
                "arbejdsgiver (ikke for sygemeldte)"
            )
            documentation = (
                "Som i gældende ret, men ikke for målgrupperne i "
                "reformer.tidligere_loentilskud.maalgrupper_uden_krav_privat."
            )

            def formula(person, period, parameters):
                uden_krav = parameters(period).reformer.tidligere_loentilskud.maalgrupper_uden_krav_privat
                undtaget = navn_i(person("maalgruppe_lab_6", period), uden_krav)
                return gaelder_privat(person, period, parameters) & ~undtaget

        self.update_variable(loentilskud_ledighedskrav_gaelder_privat)
