"""Reform: løntilskud hos private arbejdsgivere uden krav om forudgående forsørgelse for sygemeldte."""

from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import tidligere_formel, tilfoej_reformparametre


class LoentilskudTilSygemeldte(Reform):
    """Løntilskud hos private arbejdsgivere uden ventetid for sygemeldte.

    Forslaget: De nordjyske kommuner anbefaler at fastholde de sygemeldtes mulighed for
    kompetenceudvikling og at afskaffe proceskravene om varighed på sygedagpenge og lignende.
    Kilde: ``000_991c7bef0c1547ec.txt``, "De nordjyske kommuners anbefalinger:
    Sygedagpengeindsatsen", afsnittet "Løntilskud og opkvalificering".

    Reformen er parametrisk (``reforms/parametre/loentilskud_til_sygemeldte.yaml``): listen over
    målgrupper efter LAB § 6, som slet ikke har et krav om forudgående forsørgelse hos private
    arbejdsgivere (standard sygedagpengemodtagere og personer i jobafklaringsforløb, § 6, nr. 6-7,
    som hos offentlige arbejdsgivere i gældende ret). Kilden nævner ingen grupper ud over de
    sygemeldte.

    Hvad reformen ændrer: for de grupper gælder kravet ikke længere hos private arbejdsgivere
    (``loentilskud_ledighedskrav_gaelder_privat``); dermed ændres ``loentilskud_ret_privat`` og
    ``loentilskud_ret``.

    Hvad reformen lader være: ventetiden for alle andre (se tidligere_loentilskud), kravet hos
    offentlige arbejdsgivere, målgrupperne, der kan få løntilskud (§ 66), varigheden og kravet om
    merbeskæftigelse.
    """

    name = "Løntilskud hos private uden ventetid for sygemeldte"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Løntilskud og opkvalificering"),)
    status = "forslag"

    def apply(self):
        tilfoej_reformparametre(self, "loentilskud_til_sygemeldte")
        gaelder_privat = tidligere_formel(self, "loentilskud_ledighedskrav_gaelder_privat")

        class loentilskud_ledighedskrav_gaelder_privat(Variable):
            label = (
                "Kravet om forudgående offentlig forsørgelse gælder ved løntilskud hos en privat "
                "arbejdsgiver (ikke for sygemeldte)"
            )
            documentation = (
                "Som i gældende ret, men ikke for målgrupperne i "
                "reformer.loentilskud_til_sygemeldte.maalgrupper_uden_krav_privat."
            )

            def formula(person, period, parameters):
                uden_krav = parameters(
                    period
                ).reformer.loentilskud_til_sygemeldte.maalgrupper_uden_krav_privat
                undtaget = navn_i(person("maalgruppe_lab_6", period), uden_krav)
                return gaelder_privat(person, period, parameters) & ~undtaget

        self.update_variable(loentilskud_ledighedskrav_gaelder_privat)
