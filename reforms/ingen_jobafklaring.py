"""Reform: jobafklaringsforløbene afskaffes; de sygemeldte bliver på sygedagpenge."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import tidligere_formel

INGEN = numpy.datetime64(INGEN_DATO, "D")


class IngenJobafklaring(Reform):
    """Jobafklaringsforløbene afskaffes; de sygemeldte bliver på sygedagpenge.

    Forslaget: De nordjyske kommuner anbefaler at afskaffe jobafklaringsforløbene, fordi de
    oplever dem som et unødvendigt proceskrav; den sygemeldte, der fortsat er uarbejdsdygtig,
    skal blive på sygedagpenge. Kilde: ``000_991c7bef0c1547ec.txt``, "De nordjyske kommuners
    anbefalinger: Sygedagpengeindsatsen", afsnittet "Jobafklaringsforløbene afskaffes".

    Hvad reformen ændrer: sygedagpengene fra kommunen ophører ikke ved revurderingstidspunktet
    (eller ved udløbet af en tidsbegrænset forlængelse) for borgere omfattet af
    sygedagpengelovens § 24; de fortsætter, så længe borgeren er sygemeldt
    (``sygedagpenge_ophoersdato`` bliver "ingen dato"). Dermed er der aldrig ret til
    jobafklaringsforløb (``jobafklaringsforloeb_ret``), og kommunen udbetaler sygedagpenge i
    månederne efter revurderingstidspunktet.

    Hvad reformen lader være: revurderingstidspunktet beregnes stadig (kommunen skal fortsat
    revurdere), forlængelsesgrundene og deres registrering, satserne, og pensionisterne efter
    § 25, hvis sygedagpenge ophører efter 26 uger uden jobafklaring i gældende ret. En person,
    der er givet ``forloeb = jobafklaringsforloeb`` som input, behandles som i gældende ret.
    """

    name = "Ingen jobafklaringsforløb: de sygemeldte bliver på sygedagpenge"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Jobafklaringsforløbene afskaffes"),)
    status = "forslag"

    def apply(self):
        hidtidig = tidligere_formel(self, "sygedagpenge_ophoersdato")

        class sygedagpenge_ophoersdato(Variable):
            label = (
                "Sidste dag, kommunen udbetaler sygedagpenge "
                "(uden jobafklaringsforløb: intet ophør efter § 24)"
            )

            def formula(person, period, parameters):
                # § 25 (pensionister): ophør som hidtil; § 24: sygedagpenge, så længe borgeren er syg.
                pension = person("sygedagpenge_26_ugers_graense", period)
                return numpy.where(pension, hidtidig(person, period, parameters), INGEN)

        self.update_variable(sygedagpenge_ophoersdato)
