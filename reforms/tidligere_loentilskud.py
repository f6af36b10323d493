"""Reform: løntilskud hos private arbejdsgivere før 6 måneders ledighed for udvalgte grupper."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import tidligere_formel, tilfoej_reformparametre

KILDER = (
    Kilde("002_5d57e95c82b3ac89.txt", "Tema 1: Mindre central styring og større lokalt råderum"),
    Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III: Fremrykning af mulighed for løntilskud"),
    Kilde("003_8d1ffce9980bf276.txt", "De 17 aktive forsøg: Fleksible rammer for løntilskud og jobrotation"),
)


class TidligereLoentilskud(Reform):
    """Løntilskud hos private arbejdsgivere tidligere i ledigheden, for udvalgte grupper.

    Forslaget: 6-byerne påpeger, at ansættelse med løntilskud i en privat virksomhed som regel
    først kan begynde efter 6 måneders ledighed, selv om en tidligere indsats "i nogle tilfælde"
    giver mere mening, og vil have reglen ændret inden for EU-reglernes rammer. Rebild Kommune
    ville søge om at fremrykke løntilskud "i særlige tilfælde/for udvalgte målgrupper" (ved
    omskoling, for integrationsborgere og ved overgangen fra sygedagpenge til a-dagpenge), og de
    nordjyske frikommuner afprøvede fleksible rammer for løntilskud. Kilder:
    ``002_5d57e95c82b3ac89.txt``, "Tema 1: Mindre central styring og større lokalt råderum";
    ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III"; ``003_8d1ffce9980bf276.txt``, "De 17
    aktive forsøg", forsøget "Fleksible rammer for løntilskud og jobrotation". De nordjyske
    kommuners forslag om de sygemeldte er reformen loentilskud_til_sygemeldte.

    Reformen er parametrisk (``reforms/parametre/tidligere_loentilskud.yaml``): de målgrupper efter
    LAB § 6, der får løntilskud tidligere (standard forsikrede ledige: det eneste af Rebilds
    tilfælde, modellen kan kende på målgruppen), og deres ventetid hos private arbejdsgivere
    (standard 0 måneder; kilderne nævner ingen tal). Andre grupper beholder gældende rets 6 måneder.

    Hvad reformen ændrer: ventetiden hos private arbejdsgivere (``loentilskud_ventetid_privat_maaneder``)
    for de udvalgte grupper, og dermed ``loentilskud_ledighedskrav_opfyldt_privat``,
    ``loentilskud_ret_privat`` og ``loentilskud_ret``.

    Hvad reformen lader være: hvem kravet gælder for (§ 69, stk. 3), kravet hos offentlige
    arbejdsgivere, målgrupperne, der kan få løntilskud (§ 66), varigheden og kravet om
    merbeskæftigelse.
    """

    name = "Tidligere løntilskud hos private arbejdsgivere for udvalgte grupper"
    kilder = KILDER
    status = "forslag"

    def apply(self):
        tilfoej_reformparametre(self, "tidligere_loentilskud")
        ventetid = tidligere_formel(self, "loentilskud_ventetid_privat_maaneder")

        class loentilskud_ventetid_privat_maaneder(Variable):
            label = "Måneder med offentlig forsørgelse før løntilskud hos en privat arbejdsgiver (reformens)"
            documentation = (
                "reformer.tidligere_loentilskud.maaneder_privat for målgrupperne i "
                "reformer.tidligere_loentilskud.maalgrupper; ellers som i gældende ret."
            )

            def formula(person, period, parameters):
                reform = parameters(period).reformer.tidligere_loentilskud
                udvalgt = navn_i(person("maalgruppe_lab_6", period), reform.maalgrupper)
                return numpy.where(udvalgt, reform.maaneder_privat, ventetid(person, period, parameters))

        self.update_variable(loentilskud_ventetid_privat_maaneder)
