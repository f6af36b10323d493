"""Reform: ressourceforløb, rehabiliteringsteam og jobafklaringsforløb afskaffes (KL)."""

import numpy
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import (
    aendr_parametre,
    sygedagpenge_varighedsbegraenset,
    tidligere_formel,
    uden_rehabiliteringsteamets_krav,
)

INGEN = numpy.datetime64(INGEN_DATO, "D")


class AfskafRessourceforloebRehabiliteringsteamJobafklaring(Reform):
    """Ressourceforløb, rehabiliteringsteam og jobafklaring afskaffes.

    Forslaget: For at tage bedre hånd om de mest udsatte borgere anbefaler KL at afskaffe
    ressourceforløb, rehabiliteringsteam og jobafklaring, og at vejen til afklaring om fleksjob
    eller førtidspension tilrettelægges ud fra den enkelte borger. Kilde:
    ``000_991c7bef0c1547ec.txt``, "KL og 6-byernes anbefalinger", afsnit "5. Fleksibel ramme for
    udsatte borgere".

    Loven har siden gjort dele af det: lov nr. 1750/2025 lukker ressourceforløb for nye borgere
    og fjerner kravet om rehabiliteringsteam (gældende ret fra 1.2.2026), og jobafklaringsforløb
    er annonceret afskaffet fra 2027. Reformen afskaffer alle tre for hele perioden:
    - jobafklaring: sygedagpengene ophører ikke for borgere omfattet af § 24 (sømmen
      ``sygedagpenge_varighedsbegraenset`` gælder kun § 25, så ``sygedagpenge_ophoersdato`` er
      "ingen dato"), så der er ingen ret til jobafklaringsforløb;
    - rehabiliteringsteam: kravet om forelæggelse og om lægeattest til teamet gælder ikke
      (parametrene ``sygedagpenge.rehabiliteringsteam.forelaeggelse_kraeves`` og
      ``le265_kraeves``), så der er ingen forelæggelse, frist eller lægeattest LÆ 265
      (``rehabiliteringsteam_forelaeggelse``, ``rehabiliteringsteam_frist``,
      ``laegeattest_le265_obligatorisk``);
    - ressourceforløb: ingen er i målgruppen § 6, nr. 8; den, der efter gældende ret ville være i
      ressourceforløb (``i_ressourceforloeb``), er aktivitetsparat kontanthjælpsmodtager (nr. 3,
      ``maalgruppe_lab_6``). KL vil have vejen til afklaring om fleksjob eller førtidspension
      tilrettelagt ud fra den enkelte borger: for dem er der derfor ingen lovbestemt frist for ret
      og pligt-tilbuddet eller den kontinuerlige indsats (``ret_og_pligt_tilbud_omfattet``,
      ``ret_og_pligt_kontinuerlig_indsats``) og ingen frist for den første jobsamtale
      (``kontaktforloeb_foerste_samtale_senest``). Fristerne ville ellers regnes fra ledighedens
      start og for de fleste allerede være overskredet. Uden de frister har nr. 3 og nr. 5 de samme
      regler i modellen, så reformen bruger nr. 3 også for unge under 30 år uden uddannelse og
      kræver ikke fødselsdatoen for det, som gældende ret heller ikke kræver for personer i
      ressourceforløb. Kontanthjælpsmodtagernes øvrige rettigheder afhænger dog af alderen (fx
      voksenlærling fra 25 år), så reformen kræver fødselsdatoen for dem (``ekstra_inddata``);
    - jobafklaring: den, der ellers ville være i jobafklaringsforløb, er sygedagpengemodtager (nr. 6).

    Hvad reformen lader være: ydelsen, borgeren er oplyst at modtage (ressourceforløbsydelsens
    beløb beregnes stadig, hvis den er givet som input), kontaktforløbets samtaler (de
    aktivitetsparates), pligten til at deltage i tilbud, fleksjob og førtidspension og
    pensionisterne efter § 25. KL's ønske om at se på kravene til dokumentationen i sager om
    fleksjob og førtidspension er ikke en bestemt regel; den lægeattest, modellen kender
    (LÆ 265 til rehabiliteringsteamet), falder bort med teamet.
    """

    name = "Afskaf ressourceforløb, rehabiliteringsteam og jobafklaring (KL)"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "KL og 6-byerne: 5. Fleksibel ramme for udsatte borgere"),)
    status = "forslag"
    # Input, reformen kan kræve ud over gældende ret: felt → hvorfor.
    ekstra_inddata = {
        "foedselsdato": (
            "den, der ellers ville være i ressourceforløb, er kontanthjælpsmodtager, og nogle af "
            "kontanthjælpsmodtagernes rettigheder afhænger af alderen (fx voksenlærling fra 25 år)"
        )
    }

    def apply(self):
        aendr_parametre(self, uden_rehabiliteringsteamets_krav)
        maalgruppe = tidligere_formel(self, "maalgruppe_lab_6")
        omfattet = tidligere_formel(self, "ret_og_pligt_tilbud_omfattet")
        kontinuerlig = tidligere_formel(self, "ret_og_pligt_kontinuerlig_indsats")
        foerste_samtale = tidligere_formel(self, "kontaktforloeb_foerste_samtale_senest")
        Maalgruppe = self.variables["maalgruppe_lab_6"].possible_values

        class ret_og_pligt_tilbud_omfattet(Variable):
            label = "Har ret og pligt til et tilbud senest efter 6 måneder (ikke tidligere ressourceforløb)"

            def formula(person, period, parameters):
                return omfattet(person, period, parameters) & ~person("i_ressourceforloeb", period)

        class ret_og_pligt_kontinuerlig_indsats(Variable):
            label = "Kontinuerlig tilbudsindsats for unge (ikke tidligere ressourceforløb)"

            def formula(person, period, parameters):
                return kontinuerlig(person, period, parameters) & ~person("i_ressourceforloeb", period)

        class kontaktforloeb_foerste_samtale_senest(Variable):
            label = "Seneste dato for den første jobsamtale (ingen for tidligere ressourceforløb)"

            def formula(person, period, parameters):
                hidtil = foerste_samtale(person, period, parameters)
                return numpy.where(person("i_ressourceforloeb", period), INGEN, hidtil)

        class maalgruppe_lab_6(Variable):
            label = "Målgruppe efter LAB § 6 uden ressourceforløb og jobafklaringsforløb"

            def formula(person, period, parameters):
                hidtil = maalgruppe(person, period, parameters)
                if isinstance(hidtil, EnumArray):
                    hidtil = hidtil.decode()
                return numpy.select(
                    [hidtil == Maalgruppe.ressourceforloeb, hidtil == Maalgruppe.jobafklaringsforloeb],
                    [Maalgruppe.aktivitetsparat_kontanthjaelp, Maalgruppe.sygedagpengemodtager],
                    hidtil,
                )

        self.update_variable(sygedagpenge_varighedsbegraenset)
        for variabel in (
            ret_og_pligt_tilbud_omfattet,
            ret_og_pligt_kontinuerlig_indsats,
            kontaktforloeb_foerste_samtale_senest,
            maalgruppe_lab_6,
        ):
            self.update_variable(variabel)
