"""Reform: ressourceforløb, rehabiliteringsteam og jobafklaringsforløb afskaffes (KL)."""

import numpy
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import (
    aendr_parametre,
    aendr_vaerdier,
    sygedagpenge_varighedsbegraenset,
    tidligere_formel,
)

# Kravet om forelæggelse for rehabiliteringsteamet og om lægeattesten LÆ 265 til det.
TEAMET = (
    "sygedagpenge.rehabiliteringsteam.forelaeggelse_kraeves",
    "sygedagpenge.rehabiliteringsteam.le265_kraeves",
)


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
      ``le265_kraeves``), så der er ingen forelæggelse,
      frist eller lægeattest LÆ 265 (``rehabiliteringsteam_forelaeggelse``,
      ``rehabiliteringsteam_frist``, ``laegeattest_le265_obligatorisk``);
    - ressourceforløb: ingen er i målgruppen § 6, nr. 8 (``maalgruppe_lab_6``); den, der ellers
      ville være i ressourceforløb, er aktivitetsparat kontant- eller uddannelseshjælpsmodtager
      (nr. 3 eller 5 efter alder og uddannelse), og den, der ellers ville være i
      jobafklaringsforløb, er sygedagpengemodtager (nr. 6).

    Hvad reformen lader være: ydelsen, borgeren er oplyst at modtage (ressourceforløbsydelsens
    beløb beregnes stadig, hvis den er givet som input), fleksjob og førtidspension og
    pensionisterne efter § 25.
    """

    name = "Afskaf ressourceforløb, rehabiliteringsteam og jobafklaring (KL)"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "KL og 6-byerne: 5. Fleksibel ramme for udsatte borgere"),)
    status = "forslag"

    def apply(self):
        aendr_parametre(self, *(lambda p, sti=sti: aendr_vaerdier(p, sti, lambda _: False) for sti in TEAMET))
        maalgruppe = tidligere_formel(self, "maalgruppe_lab_6")
        Maalgruppe = self.variables["maalgruppe_lab_6"].possible_values

        class maalgruppe_lab_6(Variable):
            label = "Målgruppe efter LAB § 6 uden ressourceforløb og jobafklaringsforløb"

            def formula(person, period, parameters):
                hidtil = maalgruppe(person, period, parameters)
                if isinstance(hidtil, EnumArray):
                    hidtil = hidtil.decode()
                ressourceforloeb = hidtil == Maalgruppe.ressourceforloeb
                ung = numpy.zeros(person.count, dtype=bool)
                if ressourceforloeb.any():
                    graense = parameters(period).lab.maalgrupper.ung_alder
                    ung = (person("alder", period) < graense) & ~person(
                        "har_erhvervskompetencegivende_uddannelse", period
                    )
                return numpy.select(
                    [ressourceforloeb & ung, ressourceforloeb, hidtil == Maalgruppe.jobafklaringsforloeb],
                    [
                        Maalgruppe.aktivitetsparat_uddannelseshjaelp,
                        Maalgruppe.aktivitetsparat_kontanthjaelp,
                        Maalgruppe.sygedagpengemodtager,
                    ],
                    hidtil,
                )

        self.update_variable(sygedagpenge_varighedsbegraenset)
        self.update_variable(maalgruppe_lab_6)
