"""Reform: 13 målgrupper bliver til fem med fælles regler."""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import fordel_maalgrupper, tilfoej_reformparametre

# Parameterværdien for "den nye gruppe beholder reglerne efter sin målgruppe i LAB § 6".
HIDTIDIG = "hidtidig"


class FaerreMaalgruppe(Enum):
    forsikret_ledig = "Forsikrede ledige"
    syg = "Syge borgere"
    ung = "Unge"
    fleksjobber = "Fleksjobbere"
    oevrig_ledig = "Øvrige ledige"
    ingen = "Ikke i en målgruppe"


def _regelsaet(person, period, valg) -> numpy.ndarray:
    """Regelgruppen efter den nye gruppes valg i ``valg`` (en parameter med én værdi per ny gruppe).

    ``hidtidig`` giver reglerne efter målgruppen i LAB § 6 (regelgruppe_lab_6). Den, der i dag er
    uden kontaktforløb, får heller ikke et: forslaget giver ingen nye grupper et kontaktforløb.
    """
    gruppe = person("maalgruppe", period)
    nye = list(FaerreMaalgruppe)
    valgt = numpy.select([gruppe == ny for ny in nye], [valg[ny.name] for ny in nye], HIDTIDIG)
    hidtil = person("regelgruppe_lab_6", period).decode_to_str()
    return numpy.where((valgt == HIDTIDIG) | (hidtil == "uden_kontaktforloeb"), hidtil, valgt)


class FaerreMaalgrupper(Reform):
    """Færre målgrupper: fra 13 til fem, med fælles regler.

    Forslaget: KL og 6-byerne anbefaler at reducere de mange målgrupper i beskæftigelsesloven,
    fordi hvert regelsæt er dyrt at administrere og svært for borgeren at gennemskue; 6-byerne
    foreslår konkret fem grupper: forsikrede ledige, syge borgere, unge, fleksjobbere og øvrige
    ledige, og begge anbefaler, at hovedparten af reglerne er fælles og uafhængige af
    målgruppen og uden proceskrav. Kilde: ``000_991c7bef0c1547ec.txt``, "KL og 6-byernes
    anbefalinger", afsnit "2. Forenkling – færre målgrupper".

    Reformen er parametrisk (``reforms/parametre/faerre_maalgrupper.yaml``), fordi kilden hverken
    fordeler de 13 grupper eller siger, hvilke regler der bliver fælles:

    - ``maalgrupper``: hvilken ny gruppe hver af de 13 hører til;
    - ``regler.kontaktforloeb``: hvert nyt gruppes regelsæt for kontaktforløbet (samtaler, frister,
      ansvar, "Min Plan", fritagelse ved mindre intensiv indsats og pligten til tilbud): en
      regelgruppe fra gældende ret, eller ``hidtidig`` (reglerne efter målgruppen i § 6);
    - ``regler.jobsoegning``: regelsættet for jobsøgningspligterne (joblog og cv), på samme måde.

    Standardvalgene er dokumenterede antagelser: forsikrede ledige beholder deres regler (også
    § 27, stk. 3 for unge); syge følges op efter sygedagpengeloven; unge får reglerne for
    uddannelsesparate; fleksjobbere på ledighedsydelse beholder deres; øvrige ledige får
    forløbsgruppens regler, de færreste proceskrav af kontanthjælpsgruppernes (4 jobsamtaler, ingen
    frist for den første). Jobsøgningspligterne følger for alle reglerne efter § 6, fordi de
    bygger på rådighedsreglerne (AFL og aktivloven), som forslaget ikke ændrer: en jobparat
    kontanthjælpsmodtager beholder joblog og cv, og en ung aktivitetsparat får ikke cv-pligt.
    Borgere uden kontaktforløb i dag (fleksjobbere i job, selvforsørgende, unge under 18,
    førtidspensionister) får ikke et. Reformens side viser, hvilke pligter der flytter for hvem.

    Hvad reformen ændrer: ``maalgruppe`` har de fem nye værdier (og ``ingen``); ``regelgruppe`` og
    ``regelgruppe_jobsoegning`` følger valgene, og dermed kontaktforløbet, pligterne og planen. Med
    standardvalgene: jobparate og aktivitetsparate kontanthjælpsmodtagere har ingen frist for den
    første jobsamtale, og jobparate kan fra 1.7.2026 ikke undtages fra samtalerne efter
    25 pct.-reglen; personer i jobafklaringsforløb har intet kontaktforløb efter LAB §§ 31-32 og ingen
    "Min Plan" (de følges op som sygemeldte).

    Hvad reformen lader være: målgruppen efter LAB § 6 (``maalgruppe_lab_6``), som løntilskud,
    virksomhedspraktik, ret og pligt-tilbud, jobrotation og uddannelsesordningerne fortsat bygger
    på, fordi forslaget ikke siger, hvordan de regler skal se ud med fem grupper; ydelserne.
    """

    name = "Færre målgrupper (13 → 5)"
    kilder = (Kilde("000_991c7bef0c1547ec.txt", "KL og 6-byerne: 2. Forenkling – færre målgrupper"),)
    status = "forslag"

    def apply(self):
        tilfoej_reformparametre(self, "faerre_maalgrupper")

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
                return fordel_maalgrupper(person, period, fordeling, FaerreMaalgruppe, FaerreMaalgruppe.ingen)

        class regelgruppe(Variable):
            label = "Regelgruppe for kontaktforløb, tilbud og plan (fælles regler for hver af de fem grupper)"
            documentation = (
                "Den nye gruppes regelsæt i reformer.faerre_maalgrupper.regler.kontaktforloeb; "
                "'hidtidig' giver reglerne efter målgruppen i LAB § 6 (regelgruppe_lab_6)."
            )

            def formula(person, period, parameters):
                valg = parameters(period).reformer.faerre_maalgrupper.regler.kontaktforloeb
                return _regelsaet(person, period, valg)

        class regelgruppe_jobsoegning(Variable):
            label = "Regelgruppe for jobsøgningspligterne (joblog og cv) med fem målgrupper"
            documentation = (
                "Den nye gruppes regelsæt i reformer.faerre_maalgrupper.regler.jobsoegning; "
                "'hidtidig' giver reglerne efter målgruppen i LAB § 6 (regelgruppe_lab_6)."
            )

            def formula(person, period, parameters):
                valg = parameters(period).reformer.faerre_maalgrupper.regler.jobsoegning
                return _regelsaet(person, period, valg)

        self.update_variable(maalgruppe)
        self.update_variable(regelgruppe)
        self.update_variable(regelgruppe_jobsoegning)
