"""Reform: lempeligere forholdstal; ledighedsydelse i praktik og frivillige organisationer tæller ikke."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person, Virksomhed
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import BEK_2636_2021, LAB
from openfisca_dk_beskaeftigelse.reformstoette import overfoer_reformparametre, tidligere_formel

KILDER = (
    Kilde("003_8d1ffce9980bf276.txt", "Forholdstalskravene bør følge med tiden"),
    Kilde("003_8d1ffce9980bf276.txt", "De 17 aktive forsøg: Flexibilitet ift. forholdskravene"),
    Kilde(
        "003_8d1ffce9980bf276.txt",
        "De 17 aktive forsøg: Lempede forholdstalskrav ift. ledighedsydelsesmodtagere i virksomhedspraktik",
    ),
    Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III: Forholdstal i frivillige organisationer"),
)

# Gældende rets parametre for forholdstallet → reformens nye værdier.
NYE_FORHOLDSTAL = {
    "lab.forholdstal.ansatte_pr_stoettet": "ansatte_pr_stoettet",
    "lab.forholdstal.mindste_antal": "mindste_antal",
    "lab.forholdstal.ansatte_pr_stoettet_over_graense": "ansatte_pr_stoettet_over_graense",
}


class er_frivillig_organisation(Variable):
    value_type = bool
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Arbejdsstedet er en frivillig organisation"
    reference = LAB.paragraf("§ 77") + BEK_2636_2021.paragraf("§ 65")
    documentation = (
        "En forening eller anden frivillig (almennyttig) organisation. Under reformen "
        "fleksible_forholdstal tæller personer i støttet beskæftigelse her ikke med i forholdstallet."
    )


class i_virksomhedspraktik(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Personens støttede beskæftigelse på arbejdsstedet er virksomhedspraktik"
    reference = LAB.paragraf("kap. 11", "§ 77")
    documentation = (
        "For en person i rollen 'stoettede': praktikken er virksomhedspraktik efter LAB kap. 11 "
        "(ikke løntilskud eller nytteindsats). Standard: nej."
    )


class FleksibleForholdstal(Reform):
    """Lempeligere forholdstal mellem ordinært ansatte og personer i støttet beskæftigelse.

    Forslaget: De nordjyske frikommuner vil have forholdstalskravene til at følge med tiden, så
    virksomheder, der vil tage et socialt ansvar, kan have flere borgere langt fra
    arbejdsmarkedet i praktik eller løntilskud; de afprøvede mere fleksible forholdstal og
    lempede krav for ledighedsydelsesmodtagere i virksomhedspraktik. Rebild Kommune foreslog
    desuden en undtagelse for frivillige organisationer. Kilder: ``003_8d1ffce9980bf276.txt``,
    "Færre proceskrav – i den virksomhedsrettede indsats", afsnittet "Forholdstalskravene bør
    følge med tiden", og listen "De 17 aktive forsøg" ("Flexibilitet ift. forholdskravene" og
    "Lempede forholdstalskrav ift. ledighedsydelsesmodtagere i virksomhedspraktik");
    ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III", idéen "Forholdstal i frivillige
    organisationer".

    Reformen er parametrisk: de nye tal for forholdstallet står i
    ``reforms/parametre/fleksible_forholdstal.yaml`` og erstatter gældende rets parametre
    ``lab.forholdstal.ansatte_pr_stoettet``, ``lab.forholdstal.mindste_antal`` og
    ``lab.forholdstal.ansatte_pr_stoettet_over_graense``. Kilderne nævner ingen tal;
    standardværdierne (dobbelt så mange støttede som i gældende ret) er antagelser.

    Hvad reformen ændrer: det højeste antal støttede (``forholdstal_max_antal``) efter de nye tal;
    en ledighedsydelsesmodtager i virksomhedspraktik (inputtet ``i_virksomhedspraktik``) og alle
    støttede på en frivillig organisation (inputtet ``er_frivillig_organisation``) tæller ikke med
    (``forholdstal_medregnes``), hverken i antallet af støttede (``forholdstal_antal_stoettede``)
    eller i rækkefølgen, der afgør, hvem der er inden for forholdstallet (``forholdstal_plads``);
    den, der ikke tæller med, er altid inden for. Overholdelsen og de ledige pladser følger med.

    Hvad reformen lader være: opgørelsen af ordinært ansatte, grænsen på 50 ansatte, kravet om
    merbeskæftigelse ved løntilskud og personernes adgang til tilbuddene.
    """

    name = "Lempeligere forholdstal (også for ledighedsydelse i praktik og frivillige organisationer)"
    kilder = KILDER
    status = "forslag"

    def apply(self):
        overfoer_reformparametre(self, "fleksible_forholdstal", NYE_FORHOLDSTAL)
        self.add_variable(er_frivillig_organisation)
        self.add_variable(i_virksomhedspraktik)
        medregnes = tidligere_formel(self, "forholdstal_medregnes")

        class forholdstal_medregnes(Variable):
            label = "Personen i støttet beskæftigelse tæller med i arbejdsstedets forholdstal (ikke alle)"
            documentation = (
                "En støttet person tæller med som i gældende ret, medmindre arbejdsstedet er en "
                "frivillig organisation (er_frivillig_organisation), eller personen modtager "
                "ledighedsydelse og er i virksomhedspraktik (i_virksomhedspraktik)."
            )

            def formula(person, period, parameters):
                ydelse = person("ydelse", period)
                ledighedsydelse_i_praktik = (ydelse == ydelse.possible_values.ledighedsydelse) & person(
                    "i_virksomhedspraktik", period
                )
                frivillig = person.virksomhed("er_frivillig_organisation", period)
                return medregnes(person, period, parameters) & ~frivillig & ~ledighedsydelse_i_praktik

        self.update_variable(forholdstal_medregnes)
