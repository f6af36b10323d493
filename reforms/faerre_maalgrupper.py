"""Reform: 13 målgrupper bliver til fem med fælles regler."""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.grupper import vaelg
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import tilfoej_reformparametre


class FaerreMaalgruppe(Enum):
    forsikret_ledig = "Forsikrede ledige"
    syg = "Syge borgere"
    ung = "Unge"
    fleksjobber = "Fleksjobbere"
    oevrig_ledig = "Øvrige ledige"
    ingen = "Ikke i en målgruppe"


class FaerreMaalgrupper(Reform):
    """Færre målgrupper: fra 13 til fem, med fælles regler.

    Forslaget: KL og 6-byerne anbefaler at reducere de mange målgrupper i beskæftigelsesloven,
    fordi hvert regelsæt er dyrt at administrere og svært for borgeren at gennemskue; 6-byerne
    foreslår konkret fem grupper: forsikrede ledige, syge borgere, unge, fleksjobbere og øvrige
    ledige, og begge anbefaler, at hovedparten af reglerne er fælles og uafhængige af
    målgruppen. Kilde: ``000_991c7bef0c1547ec.txt``, "KL og 6-byernes anbefalinger", afsnit
    "2. Forenkling – færre målgrupper".

    Reformen er parametrisk: hvilken ny gruppe hver af de 13 hører til, og hvilket af gældende
    rets regelsæt (kontaktforløb, pligter og plan) hver ny gruppe får, står i
    ``reforms/parametre/faerre_maalgrupper.yaml``; kilden fastlægger hverken fordelingen eller
    de fælles regler, så standardværdierne er dokumenterede antagelser.

    Hvad reformen ændrer: ``maalgruppe`` har de fem nye værdier (``forsikret_ledig``, ``syg``,
    ``ung``, ``fleksjobber``, ``oevrig_ledig`` og ``ingen``), og ``regelgruppe`` giver hver ny
    gruppe ét fælles regelsæt; derfor ændres kontaktforløbet (antal samtaler, frister), pligterne
    (joblog, cv) og planen for borgere, hvis gamle gruppe havde et andet regelsæt, fx får en
    jobparat kontanthjælpsmodtager de øvrige lediges regler.

    Hvad reformen lader være: målgruppen efter LAB § 6 (``maalgruppe_lab_6``), som løntilskud,
    virksomhedspraktik, ret og pligt-tilbud, jobrotation og uddannelsesordningerne fortsat
    bygger på, fordi forslaget ikke siger, hvordan de regler skal se ud med fem grupper;
    undtagelsen for unge dagpengemodtagere under 25 år (LAB § 27, stk. 3); og ydelserne.
    """

    name = "Færre målgrupper (13 → 5)"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "KL og 6-byerne: 2. Forenkling – færre målgrupper"),)
    status = "forslag"

    def apply(self):
        tilfoej_reformparametre(self, "faerre_maalgrupper")
        Regelgruppe = self.variables["regelgruppe"].possible_values

        class maalgruppe(Variable):
            value_type = Enum
            possible_values = FaerreMaalgruppe
            default_value = FaerreMaalgruppe.ingen
            label = "Målgruppe (fem grupper: forsikrede ledige, syge, unge, fleksjobbere, øvrige ledige)"
            documentation = (
                "Målgruppen efter LAB § 6 (maalgruppe_lab_6) fordelt på de fem nye grupper efter "
                "parameteren reformer.faerre_maalgrupper.maalgrupper."
            )

            def formula(person, period, parameters):
                fordeling = parameters(period).reformer.faerre_maalgrupper.maalgrupper
                lab_6 = person("maalgruppe_lab_6", period)
                gamle = list(lab_6.possible_values)
                return vaelg(
                    [lab_6 == gammel for gammel in gamle],
                    [FaerreMaalgruppe[fordeling[gammel.name]] for gammel in gamle],
                    FaerreMaalgruppe.ingen,
                )

        class regelgruppe(Variable):
            label = (
                "Regelgruppe for kontaktforløb, pligter og plan (fælles regler for hver af de fem grupper)"
            )
            documentation = (
                "Hver ny målgruppe får regelsættet i parameteren reformer.faerre_maalgrupper.regler. Som i "
                "dag har borgere uden forsørgelsesydelse (fx fleksjobbere i job, selvforsørgende og unge "
                "under 18) intet kontaktforløb, og forsikrede ledige under 25 år uden uddannelse og "
                "hjemmeboende børn beholder jobcenterforløbet (LAB § 27, stk. 3)."
            )

            def formula(person, period, parameters):
                regler = parameters(period).reformer.faerre_maalgrupper.regler
                ung = parameters(period).lab.kontaktforloeb.ung_undtagelse
                gruppe = person("maalgruppe", period)
                ydelse = person("ydelse", period)
                forsikret = gruppe == FaerreMaalgruppe.forsikret_ledig
                alder = (
                    person("alder", period) if ung.gaelder and forsikret.any() else numpy.zeros(person.count)
                )
                ung_i_jobcenter = (
                    forsikret
                    & ung.gaelder
                    & (alder < ung.alder)
                    & ~person("har_erhvervskompetencegivende_uddannelse", period)
                    & ~person("har_forsoergerpligt", period)
                )
                # Som i dag følger kontaktforløbet ydelsen: uden forsørgelsesydelse intet kontaktforløb.
                uden_ydelse = ydelse == ydelse.possible_values.ingen
                nye = list(FaerreMaalgruppe)
                return vaelg(
                    [ung_i_jobcenter, uden_ydelse] + [gruppe == ny for ny in nye],
                    [Regelgruppe.forsikret_ledig_ung, Regelgruppe.uden_kontaktforloeb]
                    + [Regelgruppe[regler[ny.name]] for ny in nye],
                    Regelgruppe.uden_kontaktforloeb,
                )

        self.update_variable(maalgruppe)
        self.update_variable(regelgruppe)
