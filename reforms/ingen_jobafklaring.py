"""Reform: jobafklaringsforløbene afskaffes; de sygemeldte bliver på sygedagpenge."""

from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import sygedagpenge_varighedsbegraenset


class IngenJobafklaring(Reform):
    """Jobafklaringsforløbene afskaffes; de sygemeldte bliver på sygedagpenge.

    Forslaget: De nordjyske kommuner anbefaler at afskaffe jobafklaringsforløbene, fordi de
    oplever dem som et unødvendigt proceskrav; den sygemeldte, der fortsat er uarbejdsdygtig,
    skal blive på sygedagpenge. Kilde: ``000_991c7bef0c1547ec.txt``, "De nordjyske kommuners
    anbefalinger: Sygedagpengeindsatsen", afsnittet "Jobafklaringsforløbene afskaffes".

    Hvad reformen ændrer: sygedagpengene fra kommunen ophører ikke ved revurderingstidspunktet
    (eller ved udløbet af en tidsbegrænset forlængelse) for borgere omfattet af
    sygedagpengelovens § 24: sømmen ``sygedagpenge_varighedsbegraenset`` gælder kun § 25, så
    ``sygedagpenge_ophoersdato`` er "ingen dato", så længe borgeren er sygemeldt. Dermed er der
    aldrig ret til jobafklaringsforløb (``jobafklaringsforloeb_ret``), og kommunen udbetaler
    sygedagpenge i månederne efter revurderingstidspunktet.

    Hvad reformen lader være: revurderingstidspunktet beregnes stadig (kommunen skal fortsat
    revurdere), forlængelsesgrundene og deres registrering, satserne, og pensionisterne efter
    § 25, hvis sygedagpenge ophører efter 26 uger uden jobafklaring i gældende ret. En person,
    der er givet ``forloeb = jobafklaringsforloeb`` som input, behandles som i gældende ret.
    """

    name = "Ingen jobafklaringsforløb: de sygemeldte bliver på sygedagpenge"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Jobafklaringsforløbene afskaffes"),)
    status = "forslag"

    def apply(self):
        self.update_variable(sygedagpenge_varighedsbegraenset)
