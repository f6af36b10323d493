"""Reform: beskæftigelsesreformens annoncerede 2. fase (2027), som den er kendt; ikke vedtaget."""

from datetime import date

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, plus_dage
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import LAB, SDL
from openfisca_dk_beskaeftigelse.reformstoette import (
    aendr_parametre,
    aendr_vaerdier,
    betalingsdage_fra,
    fordel_maalgrupper,
    nedsat_maanedsbeloeb,
    sygedagpenge_varighedsbegraenset,
    tidligere_formel,
)

INGEN = numpy.datetime64(INGEN_DATO, "D")


class Indsatsgruppe(Enum):
    dagpengeindsats = "Dagpengeindsats"
    jobsoegningsindsats = "Jobsøgningsindsats"
    jobhjaelpsindsats = "Jobhjælpsindsats"
    sygedagpengeindsats = "Sygedagpengeindsats"
    oevrige = "Indsats for øvrige"
    ingen = "Uden for indsatsgrupperne"


class indsatsgruppe(Variable):
    value_type = Enum
    possible_values = Indsatsgruppe
    default_value = Indsatsgruppe.ingen
    entity = Person
    definition_period = MONTH
    label = "Indsatsgruppe (ekspertgruppens fem grupper, annonceret 2027)"
    reference = LAB.paragraf("§ 6 (de 13 målgrupper, som grupperne afløser)")
    documentation = (
        "Målgruppen efter LAB § 6 fordelt efter reformer.beskaeftigelsesreform_2027.indsatsgrupper; "
        "fleksjobvisiterede uden ledighedsydelse (ansat i fleksjob) efter "
        "reformer.beskaeftigelsesreform_2027.fleksjobansatte. Gruppernes navne er ekspertgruppens; "
        "den endelige lovs navne og fordeling er ikke bekræftet."
    )

    def formula(person, period, parameters):
        reform = parameters(period).reformer.beskaeftigelsesreform_2027
        fordelt = fordel_maalgrupper(
            person, period, reform.indsatsgrupper, Indsatsgruppe, Indsatsgruppe.ingen
        )
        ydelse = person("ydelse", period)
        maalgruppe = person("maalgruppe_lab_6", period)
        # Jobsøgningsindsatsen er for ledige; den fleksjobansatte er i job.
        fleksjobansat = (maalgruppe == maalgruppe.possible_values.fleksjobvisiteret) & (
            ydelse != ydelse.possible_values.ledighedsydelse
        )
        return numpy.where(fleksjobansat, Indsatsgruppe[reform.fleksjobansatte], fordelt)


class sygedagpenge_reduceret_fra(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Første dag med reduceret sygedagpengesats (i stedet for jobafklaringsforløb)"
    reference = SDL.paragraf("§ 24, stk. 1-2", "§ 27")
    documentation = (
        "Dagen efter, at sygedagpengene i gældende ret ville ophøre ved revurderingstidspunktet "
        "eller ved udløbet af en tidsbegrænset forlængelse "
        "(sygedagpenge_ophoer_efter_varighedsgraensen), for sygemeldte omfattet af § 24. Hvilke "
        "grunde der forlænger med fuld sats, står i reformens parameter forlaengelsesgrunde "
        "(ubekræftet)."
    )

    def formula(person, period):
        graense = person("sygedagpenge_ophoer_efter_varighedsgraensen", period)
        omfattet = ~person("sygedagpenge_26_ugers_graense", period) & (graense != INGEN)
        return numpy.where(omfattet, plus_dage(graense, 1), INGEN)


class sygedagpenge_reduceret_sats(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kommunen udbetaler den reducerede sygedagpengesats i måneden"
    reference = SDL.paragraf("§ 50")
    documentation = "Mindst én af kommunens betalingsdage i måneden ligger fra sygedagpenge_reduceret_fra."

    def formula(person, period):
        return betalingsdage_fra(person, period, person("sygedagpenge_reduceret_fra", period)) > 0


class Beskaeftigelsesreform2027(Reform):
    """Beskæftigelsesreformens 2. fase, som annonceret til 1.1.2027 (ikke vedtaget).

    Forslaget: Ekspertgruppen for fremtidens beskæftigelsesindsats, som kildedokumentet
    indleder med, anbefalede i juni 2024 fem indsatsgrupper i stedet for 13 målgrupper og en
    objektiv model, hvor sygemeldte efter et vist tidspunkt overgår til en nedsat sats. Aftalen
    af 9.4.2025 og det annoncerede lovforslag om sygedagpenge (i høring oktober 2025) afskaffer
    jobafklaringsforløbene fra 1.1.2027: sygemeldte, der ikke kan få forlænget sygedagpengene,
    overgår til en reduceret sygedagpengesats, og uddannelsespålægget for unge dagpengemodtagere
    forventes afskaffet med den nye hovedlov. Kilde: ``000_991c7bef0c1547ec.txt``, indledningen
    om ekspertgruppen; fakta om aftalen og lovforslaget i modellens juridiske grundlag (legal
    brief, afsnit 6.5 og 9).

    Status: annonceret, ikke vedtaget. Reformen viser reglerne, som om de gjaldt på den dato, der
    beregnes, så de kan sammenlignes med gældende ret for enhver borger og måned.

    Reformen er parametrisk (``reforms/parametre/beskaeftigelsesreform_2027.yaml``): den reducerede
    sats (standard 60 pct.; niveauet er ikke offentliggjort), forlængelsesgrundene, der fortsat
    giver fuld sats (ubekræftet), fordelingen på indsatsgrupper og den dag, fristen for ret og
    pligt-tilbuddet tidligst regnes fra for unge, der i dag har den kontinuerlige indsats (standard
    1.1.2027, den annoncerede ikrafttræden).

    Hvad reformen ændrer, per indsatsgruppe (kilde og sikkerhed i parameterfilen og i det
    juridiske grundlag):

    - alle: ``indsatsgruppe`` (ny). Grupperne er ekspertgruppens; den endelige lovs navne er ikke
      bekræftet. Fleksjobvisiterede i job er ikke i jobsøgningsindsatsen, men i indsatsen for
      øvrige (``fleksjobansatte``; ikke bekræftet).
    - jobsøgnings- og jobhjælpsindsatsen (kontanthjælp): en kontant- eller uddannelseshjælps-
      modtager er jobparat, medmindre andet er oplyst (``parathed``; aftalen af 9.4.2025, medium-høj).
      De særlige regler for unge under 30 år, herunder den gentagne aktivering, ophører (samme
      kilde): den kontinuerlige ret og pligt til tilbud (``ret_og_pligt_kontinuerlig_indsats``)
      afløses af ret og pligt-tilbuddet efter 6 måneder som for andre (``ret_og_pligt_tilbud_omfattet``);
      fristen regnes tidligst fra reformens ikrafttræden (``ret_og_pligt_tilbud_frist_fra``), så
      ingen får en frist, der allerede er overskredet. At de unge kommer ind under § 102's frist,
      er modellens læsning; den nye hovedlovs tilbudsregel er ikke kendt.
    - dagpengeindsatsen: uddannelsespålægget afskaffes, så unge dagpengemodtagere under 25 år
      starter i a-kassen som andre (``lab.kontaktforloeb.ung_undtagelse.gaelder``; STAR, høj som plan).
    - sygedagpengeindsatsen: sygedagpengene ophører ikke for sygemeldte omfattet af § 24 (sømmen
      ``sygedagpenge_varighedsbegraenset`` gælder kun § 25), så der er ingen jobafklaringsforløb;
      fra den dag, de ellers ville ophøre (``sygedagpenge_ophoer_efter_varighedsgraensen``),
      udbetales den reducerede sats (``sygedagpenge_reduceret_fra``, ``sygedagpenge_reduceret_sats``,
      ``sygedagpenge_maanedsbeloeb``). Forlængelsesgrundene i § 27 er reformens liste
      (``forlaengelsesgrunde``, sømmen ``sygedagpenge_forlaengelsesgrund_anerkendt``).
    - indsatsen for øvrige: ingen ændring af rettigheder eller pligter er annonceret.

    Antagelser (kilderne har dem ikke; se parametrenes metadata ``antaget``, ``bivirkning`` og
    ``ubekraeftet``):

    - den reducerede sats er 60 pct. (``reduceret_andel``). Tallet er kun afledt for
      ikke-forsørgere (omtrent ressourceforløbsydelsen, som de ellers ville få i
      jobafklaringsforløb); en forsørger på maksimumsatsen får 2024 12.207 kr. om måneden mod
      16.382 kr. i ressourceforløbsydelse, dvs. 4.175 kr. mindre end i gældende ret;
    - forlængelserne efter SDL § 27, stk. 1, består med fuld sats (``forlaengelsesgrunde``: alle
      syv grunde). UBEKRÆFTET: KL's høringssvar af 12.11.2025 om lovudkastet siger kun, at
      sygemeldte, "der ikke kan få forlænget deres sygedagpenge", overgår til den reducerede
      sats, altså at en forlængelse består, men ikke på hvilke grunde eller med hvilken sats;
      ekspertgruppen anbefalede at beholde alene forlængelsen ved livstruende sygdom (legal brief,
      sygedagpenge.md afsnit 6.2 og 6.5). Sæt parameteren til ``[livstruende_sygdom]`` for
      ekspertgruppens model.

    Hvad reformen lader være: de 13 målgrupper i ``maalgruppe`` (kommunernes forslag om fem
    målgrupper er den særskilte reform faerre_maalgrupper), sanktionerne og den nye hovedlovs øvrige
    regler, som ikke kendes. Reformen er et alternativ til tidsgraense_sygedagpenge (begge nedsætter
    sygedagpengenes beløb efter grænsen, hver med sin formel, så en stak ville afhænge af
    rækkefølgen); registret stabler den ikke med den. Stablet med ingen_jobafklaring eller
    afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring giver registret en advarsel
    (``strider_mod``).
    """

    name = "Beskæftigelsesreform 2027 (annonceret, ikke vedtaget)"
    kilder = (
        Kilde("000_991c7bef0c1547ec.txt", "Indledning: ekspertgruppen for fremtidens beskæftigelsesindsats"),
    )
    status = "annonceret"
    uddata = ("indsatsgruppe", "sygedagpenge_reduceret_fra", "sygedagpenge_reduceret_sats")
    alternativ_til = ("tidsgraense_sygedagpenge",)
    strider_mod = {
        "ingen_jobafklaring": (
            "begge afskaffer jobafklaringsforløbene, men ingen_jobafklaring lader de sygemeldte blive "
            "på fuld sats, mens 2027-reformen nedsætter satsen; stablet gælder den nedsatte sats"
        ),
        "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring": (
            "KL's forslag lader de sygemeldte blive på sygedagpenge med fuld sats, mens 2027-reformen "
            "nedsætter satsen; stablet gælder den nedsatte sats"
        ),
    }

    def apply(self):
        aendr_parametre(
            self,
            lambda p: aendr_vaerdier(p, "lab.kontaktforloeb.ung_undtagelse.gaelder", lambda _: False),
            modul="beskaeftigelsesreform_2027",
        )

        class sygedagpenge_forlaengelsesgrund_anerkendt(Variable):
            label = (
                "Forlængelsesgrunden giver fortsat sygedagpenge med fuld sats (reformens liste, ubekræftet)"
            )

            def formula(person, period, parameters):
                grunde = parameters(period).reformer.beskaeftigelsesreform_2027.forlaengelsesgrunde
                return navn_i(person("forlaengelsesgrund", period), grunde)

        class sygedagpenge_maanedsbeloeb(Variable):
            label = "Sygedagpenge fra kommunen i måneden (kr.), reduceret sats efter ophør af forlængelse"

            def formula(person, period, parameters):
                andel = parameters(period).reformer.beskaeftigelsesreform_2027.reduceret_andel
                reducerede = betalingsdage_fra(person, period, person("sygedagpenge_reduceret_fra", period))
                return nedsat_maanedsbeloeb(person, period, reducerede, andel)

        self._kontanthjaelp_og_unge()
        self.add_variable(indsatsgruppe)
        self.add_variable(sygedagpenge_reduceret_fra)
        self.add_variable(sygedagpenge_reduceret_sats)
        self.update_variable(sygedagpenge_varighedsbegraenset)
        self.update_variable(sygedagpenge_forlaengelsesgrund_anerkendt)
        self.update_variable(sygedagpenge_maanedsbeloeb)

    def _kontanthjaelp_og_unge(self):
        """Jobparat som udgangspunkt, og unge under 30 år får de almindelige regler for tilbud."""
        kontinuerlig = tidligere_formel(self, "ret_og_pligt_kontinuerlig_indsats")
        omfattet = tidligere_formel(self, "ret_og_pligt_tilbud_omfattet")
        frist_fra = tidligere_formel(self, "ret_og_pligt_tilbud_frist_fra")
        Parathed = self.variables["parathed"].possible_values

        class parathed(Variable):
            label = (
                "Parathed (kontant- og uddannelseshjælpsmodtagere er jobparate, medmindre andet er oplyst)"
            )
            documentation = (
                "En oplyst parathed bruges, som den er. Ellers er en kontant- eller "
                "uddannelseshjælpsmodtager jobparat (aftalen af 9.4.2025), og andre 'ikke relevant'."
            )

            def formula(person, period):
                modtager = person("kontant_eller_uddannelseshjaelpsmodtager", period)
                return numpy.where(modtager, Parathed.jobparat, Parathed.ikke_relevant)

        class ret_og_pligt_tilbud_omfattet(Variable):
            label = "Har ret og pligt til et tilbud senest efter 6 måneder (også unge under 30 år)"

            def formula(person, period, parameters):
                return omfattet(person, period, parameters) | kontinuerlig(person, period, parameters)

        class ret_og_pligt_kontinuerlig_indsats(Variable):
            label = "Kontinuerlig tilbudsindsats for unge (ophørt: de særlige regler for unge afskaffes)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        class ret_og_pligt_tilbud_frist_fra(Variable):
            label = "Dato, fristen for ret og pligt-tilbuddet regnes fra (unge: tidligst ved ikrafttræden)"

            def formula(person, period, parameters):
                hidtil = frist_fra(person, period, parameters)
                tidligst = parameters(period).reformer.beskaeftigelsesreform_2027.tilbudsfrist_tidligst_fra
                unge = kontinuerlig(person, period, parameters)
                return numpy.where(unge, numpy.maximum(hidtil, numpy.datetime64(tidligst, "D")), hidtil)

        for variabel in (
            parathed,
            ret_og_pligt_tilbud_omfattet,
            ret_og_pligt_kontinuerlig_indsats,
            ret_og_pligt_tilbud_frist_fra,
        ):
            self.update_variable(variabel)
