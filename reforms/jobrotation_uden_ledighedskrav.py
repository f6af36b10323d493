"""Reform: jobrotationsvikarer uden krav om ledighedens længde."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import UdenVirkning


class JobrotationUdenLedighedskrav(Reform):
    """Jobrotationsvikarer uden krav om forudgående ledighed.

    Forslaget: De nordjyske frikommuner oplevede, at kravet om en bestemt ledighedsperiode for
    jobrotationsvikaren fik virksomheder til at undlade at sende medarbejdere på efteruddannelse,
    fordi de ikke kunne finde den rette vikar; forsøget tog afsæt i virksomhedens behov for en
    vikar, og netværket anbefaler at fjerne reglerne om ledighedens længde. Kilde:
    ``003_8d1ffce9980bf276.txt``, "Færre proceskrav – i den virksomhedsrettede indsats",
    afsnittet "Giv jobrotationsordningen et boost" (og forsøget "Fleksible rammer for løntilskud
    og jobrotation" i listen over de 17 forsøg).

    Kilden taler om en grænse på 26 ugers ledighed; gældende ret i modellen kræver 6 måneders
    forudgående offentlig forsørgelse (LAB § 151, stk. 1), dog 3 måneder for forløb, der
    påbegyndes i 2021, hvor vikaren også kan ansættes i op til 9 måneder i stedet for 6 (forsøget i
    BEK nr. 2166/2020 § 3; parametrene ``lab.jobrotation.ledighedskrav_maaneder`` og
    ``lab.jobrotation.hoejeste_maaneder``). Reformen fjerner kravet helt, uanset dets længde.

    Hvad reformen ændrer: kravet om forudgående ledighed er altid opfyldt
    (``jobrotation_ledighedskrav_opfyldt``), så enhver i vikarernes målgrupper kan ansættes som
    jobrotationsvikar (``jobrotation_vikar_ret``), og ledighedens startdato skal ikke længere
    oplyses for at afgøre det.

    Hvad reformen lader være: vikarernes målgrupper (``jobrotation_vikar_maalgruppe``), varighed,
    timetal og jobrotationsydelsen, og afskaffelsen af jobrotation ved lov nr. 1750/2025 (i
    modellen fra 1.2.2026).

    Uden virkning fra 1.2.2026: lov nr. 1750/2025 afskaffer jobrotation, så der er ingen vikarer,
    hvis ledighed kravet kunne gælde (``uden_virkning``).
    """

    name = "Jobrotation uden krav om ledighedens længde"
    kilder = (
        Kilde("003_8d1ffce9980bf276.txt", "Giv jobrotationsordningen et boost"),
        Kilde(
            "003_8d1ffce9980bf276.txt", "De 17 aktive forsøg: Fleksible rammer for løntilskud og jobrotation"
        ),
    )
    status = "forslag"
    uden_virkning = (
        UdenVirkning(
            "2026-02-01",
            None,
            "Lov nr. 1750/2025 afskaffer jobrotation (i modellen fra 1.2.2026), så der er intet "
            "ledighedskrav at fjerne.",
        ),
    )

    def apply(self):
        class jobrotation_ledighedskrav_opfyldt(Variable):
            label = "Kravet om forudgående ledighed for jobrotationsvikarer (afskaffet: altid opfyldt)"
            documentation = "Der er intet krav om ledighedens længde; kravet er derfor opfyldt for alle."

            def formula(person, period):
                return numpy.ones(person.count, dtype=bool)

        self.update_variable(jobrotation_ledighedskrav_opfyldt)
