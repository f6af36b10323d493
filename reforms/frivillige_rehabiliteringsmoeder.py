"""Reform: rehabiliteringsmøder bliver frivillige og en ret for borgeren.

Uden krav om helbredsdokumentation.
"""

from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import LOB
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre, uden_rehabiliteringsteamets_krav


class rehabiliteringsmoede_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ret til et rehabiliteringsmøde, hvis borgeren ønsker det"
    reference = LOB.paragraf("§ 9, stk. 1 (rehabiliteringsteamets sager)")
    documentation = (
        "Borgere med en sygedagpengesag, ret til jobafklaringsforløb eller i jobafklaringsforløb eller "
        "ressourceforløb kan bede om et rehabiliteringsmøde med en deltagerkreds efter behov. Mødet "
        "er frivilligt og kræver ikke forudgående helbredsdokumentation."
    )

    def formula(person, period):
        forloeb = person("forloeb", period)
        i_forloeb = (forloeb == forloeb.possible_values.jobafklaringsforloeb) | (
            forloeb == forloeb.possible_values.ressourceforloeb
        )
        return person("sygedagpengesag", period) | person("jobafklaringsforloeb_ret", period) | i_forloeb


class FrivilligeRehabiliteringsmoeder(Reform):
    """Rehabiliteringsmøderne bliver frivillige og en ret for borgeren.

    Forslaget: De nordjyske kommuner vil ikke afskaffe rehabiliteringsmøderne, men gøre dem
    frivillige for borgeren, med en deltagerkreds efter behov og uden forudgående krav om
    bestemt helbredsdokumentation; mødet skal være en rettighed for borgeren. Kilde:
    ``000_991c7bef0c1547ec.txt``, "De nordjyske kommuners anbefalinger: Sygedagpengeindsatsen",
    afsnittet "Rehabiliteringsmøder ændres i form og indhold".

    Hvad reformen ændrer: kravet om forelæggelse og kravet om lægeattest LÆ 265 gælder ikke
    (parametrene ``sygedagpenge.rehabiliteringsteam.forelaeggelse_kraeves`` og ``le265_kraeves``),
    så ingen sag skal forelægges rehabiliteringsteamet (``rehabiliteringsteam_forelaeggelse``), der
    er ingen frist for forelæggelse (``rehabiliteringsteam_frist``) og ingen lægeattest LÆ 265
    (``laegeattest_le265_obligatorisk``); i stedet har borgeren ret til et møde
    (``rehabiliteringsmoede_ret``). Fra 1.2.2026 har
    gældende ret ikke noget rehabiliteringsteam; reformen giver også da retten til et møde.

    Hvad reformen lader være: forlængelsesgrunden "sagen skal forelægges rehabiliteringsteamet"
    (§ 27, stk. 1, nr. 4), som borgeren eller kommunen fortsat kan påberåbe sig, når et møde er
    aftalt, og resten af sygedagpengeopfølgningen.

    Forslaget strider mod KL's afskaffelse af rehabiliteringsteamet
    (afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring); en stak af de to giver en advarsel
    (``strider_mod``).
    """

    name = "Frivillige rehabiliteringsmøder som en ret"
    kilder = (
        Kilde(
            "000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Rehabiliteringsmøder ændres i form og indhold"
        ),
    )
    status = "forslag"
    uddata = ("rehabiliteringsmoede_ret",)
    strider_mod = {
        "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring": (
            "KL afskaffer rehabiliteringsteamet, mens de nordjyske kommuner giver borgeren ret til et "
            "møde i det; stablet har borgeren ret til et møde med et team, der er afskaffet"
        ),
    }

    def apply(self):
        aendr_parametre(self, uden_rehabiliteringsteamets_krav)
        self.add_variable(rehabiliteringsmoede_ret)
