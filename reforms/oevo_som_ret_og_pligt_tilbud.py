"""Reform: øvrig vejledning og opkvalificering kan fortsat være et ret og pligt-tilbud."""

from openfisca_core import periods
from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.beregning import FOERSTE_MAANED
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre

# Modellens første dag: reglen gælder i alle perioder, modellen dækker.
FRA = periods.instant(f"{FOERSTE_MAANED}-01")


def _oevo_taeller(parametre):
    """Øvrig vejledning og opkvalificering tæller som ret og pligt-tilbud fra modellens første dato."""
    parametre.lab.tilbud.oevrig_vejledning_taeller.update(start=FRA, value=True)


class OevoSomRetOgPligtTilbud(Reform):
    """Øvrig vejledning og opkvalificering tæller som ret og pligt-tilbud i alle perioder.

    Forslaget: I høringssvaret til lovforslaget om 2. delaftale er KL enig i at målrette brugen
    af øvrig vejledning og opkvalificering, men imod, at den ikke længere kan gives som ret og
    pligt-tilbud og ikke tælles med i fokusmålet for tilbud; redskabet spænder fra
    jobsøgningskurser til håndholdte forløb for udsatte og syge. KL foreslår i stedet at afskaffe
    fokusmålet og skærpe tilbuddets formål. Kilde: ``001_563147e58c2b51e6.txt``, afsnittet "Mere
    målrettede tilbud".

    Lovforslaget, KL svarede på, blev lov nr. 295 af 20.3.2023 (L 14, 2022-23, 2. samling), som
    fra 22.3.2023 indsatte LAB § 102, stk. 6; før da kunne øvrig vejledning og opkvalificering
    udgøre ret og pligt-tilbuddet. Lov nr. 1750/2025 tillader det igen fra 1.7.2026.

    Hvad reformen ændrer: parameteren ``lab.tilbud.oevrig_vejledning_taeller`` er sand i alle
    perioder, så øvrig vejledning og opkvalificering kan udgøre ret og pligt-tilbuddet
    (``oevrig_vejledning_taeller_som_ret_og_pligt_tilbud``). Reformen afviger derfor kun fra
    gældende ret fra 22.3.2023 til 30.6.2026 (i modellens måneder april 2023 - juni 2026, da værdien
    læses den 1.); før og efter er den lig gældende ret.

    Hvad reformen lader være: fokusmålet for tilbud, som er et styringsmål for kommunerne og ikke
    en ret eller pligt for borgeren (kataloget fører det som ikke beregneligt); hvem der har ret
    og pligt til tilbud, og hvornår.
    """

    name = "Øvrig vejledning og opkvalificering som ret og pligt-tilbud"
    kilder = (Kilde("001_563147e58c2b51e6.txt", "Mere målrettede tilbud"),)
    status = "forslag"

    def apply(self):
        aendr_parametre(self, _oevo_taeller)
