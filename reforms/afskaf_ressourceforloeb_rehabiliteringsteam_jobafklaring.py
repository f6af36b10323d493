"""Reform: ressourceforløb, rehabiliteringsteam og jobafklaringsforløb afskaffes (KL)."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.grupper import vaelg
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import tidligere_formel

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
    - jobafklaring: sygedagpengene ophører ikke for borgere omfattet af § 24
      (``sygedagpenge_ophoersdato``), så der er ingen ret til jobafklaringsforløb;
    - rehabiliteringsteam: ingen forelæggelse, frist eller lægeattest LÆ 265
      (``rehabiliteringsteam_forelaeggelse``, ``rehabiliteringsteam_frist``,
      ``laegeattest_le265_obligatorisk``);
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
        ophoer = tidligere_formel(self, "sygedagpenge_ophoersdato")
        maalgruppe = tidligere_formel(self, "maalgruppe_lab_6")
        Maalgruppe = self.variables["maalgruppe_lab_6"].possible_values

        class sygedagpenge_ophoersdato(Variable):
            label = (
                "Sidste dag, kommunen udbetaler sygedagpenge "
                "(uden jobafklaringsforløb: intet ophør efter § 24)"
            )

            def formula(person, period, parameters):
                pension = person("sygedagpenge_26_ugers_graense", period)
                return numpy.where(pension, ophoer(person, period, parameters), INGEN)

        class rehabiliteringsteam_forelaeggelse(Variable):
            label = "Sagen skal forelægges rehabiliteringsteamet (nej: teamet er afskaffet)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        class rehabiliteringsteam_frist(Variable):
            label = "Frist for forelæggelse for rehabiliteringsteamet (ingen: teamet er afskaffet)"

            def formula(person, period):
                return numpy.full(person.count, INGEN)

        class laegeattest_le265_obligatorisk(Variable):
            label = "Lægeattest LÆ 265 til rehabiliteringsteamet (nej: teamet er afskaffet)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        class maalgruppe_lab_6(Variable):
            label = "Målgruppe efter LAB § 6 uden ressourceforløb og jobafklaringsforløb"

            def formula(person, period, parameters):
                # Den tidligere formel kan give Enum-medlemmer i stedet for et EnumArray.
                hidtil = Maalgruppe.encode(maalgruppe(person, period, parameters))
                ressourceforloeb = hidtil == Maalgruppe.ressourceforloeb
                ung = numpy.zeros(person.count, dtype=bool)
                if ressourceforloeb.any():
                    graense = parameters(period).lab.maalgrupper.ung_alder
                    ung = (person("alder", period) < graense) & ~person(
                        "har_erhvervskompetencegivende_uddannelse", period
                    )
                return vaelg(
                    [ressourceforloeb & ung, ressourceforloeb, hidtil == Maalgruppe.jobafklaringsforloeb],
                    [
                        Maalgruppe.aktivitetsparat_uddannelseshjaelp,
                        Maalgruppe.aktivitetsparat_kontanthjaelp,
                        Maalgruppe.sygedagpengemodtager,
                    ],
                    hidtil,
                )

        for variabel in (
            sygedagpenge_ophoersdato,
            rehabiliteringsteam_forelaeggelse,
            rehabiliteringsteam_frist,
            laegeattest_le265_obligatorisk,
            maalgruppe_lab_6,
        ):
            self.update_variable(variabel)
