"""Reform: én tidsgrænse for sygedagpenge i stedet for revurdering og forlængelse; derefter nedsat ydelse."""

from datetime import date

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, maanedens_sidste_dag, plus_dage
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import SDL
from openfisca_dk_beskaeftigelse.reformstoette import (
    betalingsdage_fra,
    nedsat_maanedsbeloeb,
    sygedagpenge_revurderes,
    sygedagpenge_varighedsbegraenset,
    tilfoej_reformparametre,
)

INGEN = numpy.datetime64(INGEN_DATO, "D")
KILDE = Kilde(
    "000_991c7bef0c1547ec.txt",
    "De nordjyske kommuner: Revurdering, uarbejdsdygtighed og delvis raskmelding",
)


def _livstruende(person, period, parameters):
    """Livstruende sygdom bevarer den fulde sats, hvis reformens parameter siger det (standard: nej)."""
    bevarer = parameters(period).reformer.tidsgraense_sygedagpenge.livstruende_sygdom_bevarer_sats
    grund = person("forlaengelsesgrund", period)
    return (grund == grund.possible_values.livstruende_sygdom) & bevarer


class sygedagpenge_tidsgraense_dato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Tidsgrænsen: første dag med nedsatte sygedagpenge"
    reference = SDL.paragraf("§ 24, stk. 3 og 4 (optælling af uger)")
    documentation = (
        "Første dag i måneden efter den, hvor ugerne overstiger tidsgrænsen. Tidsgrænsen "
        "(reformer.tidsgraense_sygedagpenge.uger) afløser revurderingsgrænsen og tælles som den "
        "(sømmen sygedagpenge_revurdering_uger), så sygedagpenge_graensedato er dagen, hvor "
        "tidsgrænsen overskrides, og som "
        "revurderingstidspunktet (SDL § 24, stk. 1) indtræder tidsgrænsen ved udgangen af den "
        "måned. Kun for sygemeldte omfattet af § 24; ellers ingen dato."
    )

    def formula(person, period):
        graense = person("sygedagpenge_graensedato", period)
        omfattet = ~person("sygedagpenge_26_ugers_graense", period) & (graense != INGEN)
        return numpy.where(omfattet, plus_dage(maanedens_sidste_dag(graense), 1), INGEN)


class sygedagpenge_nedsat(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kommunen udbetaler nedsatte sygedagpenge i måneden (efter tidsgrænsen)"
    reference = SDL.paragraf("§ 50 (satsen, der nedsættes)")
    documentation = (
        "Mindst én af månedens betalingsdage ligger på eller efter tidsgrænsen, og den fulde sats er "
        "ikke bevaret (livstruende, alvorlig sygdom, kun hvis parameteren "
        "livstruende_sygdom_bevarer_sats er sand)."
    )

    def formula(person, period, parameters):
        nedsatte_dage = person("sygedagpenge_nedsatte_betalingsdage", period) > 0
        return nedsatte_dage & ~_livstruende(person, period, parameters)


class sygedagpenge_nedsatte_betalingsdage(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Kommunens betalingsdage i måneden på eller efter tidsgrænsen"
    reference = SDL.paragraf("§ 50, stk. 3")
    documentation = "Hverdage (mandag-fredag) i måneden fra tidsgrænsen, hvor kommunen betaler sygedagpenge."

    def formula(person, period):
        return betalingsdage_fra(person, period, person("sygedagpenge_tidsgraense_dato", period))


class TidsgraenseSygedagpenge(Reform):
    """Én tidsgrænse for sygedagpenge i stedet for revurdering og forlængelse; derefter nedsat ydelse.

    Forslaget: De nordjyske kommuner anbefaler at afskaffe revurderingstidspunktet og
    forlængelsesbestemmelserne og i stedet indføre én tidsfrist for alle sygedagpengemodtagere,
    uanset diagnose/lidelse, hvorefter ydelsen nedsættes. Kilde: ``000_991c7bef0c1547ec.txt``,
    "De nordjyske kommuners anbefalinger: Sygedagpengeindsatsen", afsnittet "Revurdering,
    uarbejdsdygtighed og delvis raskmelding".

    Reformen er parametrisk: tidsgrænsen (uger), den nedsatte andel og om livstruende sygdom
    bevarer den fulde sats står i ``reforms/parametre/tidsgraense_sygedagpenge.yaml`` med
    dokumenterede standardværdier (22 uger, 60 pct., nej; kilden nævner ingen tal og ingen
    undtagelser) og kan ændres uden Python.

    Antagelse med bivirkning: de 60 pct. (``andel``) er kun afledt for ikke-forsørgere (omtrent
    ressourceforløbsydelsen, som en ikke-forsørger på maksimumsatsen ellers får i
    jobafklaringsforløb). En forsørger på maksimumsatsen får 2024 12.207 kr. om måneden mod
    16.382 kr. i ressourceforløbsydelse, dvs. 4.175 kr. mindre end i gældende ret.

    Hvad reformen ændrer, for borgere omfattet af sygedagpengelovens § 24:
    - der er intet revurderingstidspunkt og intet ophør (sømmene ``sygedagpenge_revurderes`` og
      ``sygedagpenge_varighedsbegraenset`` gælder kun § 25, så
      ``sygedagpenge_revurderingstidspunkt`` og ``sygedagpenge_ophoersdato`` er "ingen dato"), og
      dermed intet jobafklaringsforløb;
    - tidsgrænsen afløser revurderingsgrænsen (sømmen ``sygedagpenge_revurdering_uger`` er
      reformens ``uger``); fra tidsgrænsen (``sygedagpenge_tidsgraense_dato``, dagen efter udgangen
      af måneden, hvor ugerne overstiger grænsen, som ophøret i gældende ret) udbetaler kommunen
      den nedsatte andel (``sygedagpenge_nedsat``, ``sygedagpenge_maanedsbeloeb``);
    - forlængelsesgrundene gælder ikke længere; kun hvis parameteren
      ``livstruende_sygdom_bevarer_sats`` er sand, bevarer livstruende, alvorlig sygdom den fulde
      sats (``sygedagpenge_forlaenget``).

    Hvad reformen lader være: ugesatsen ved fuldt fravær, arbejdsgiverperioden, retten over for
    kommunen, opfølgningen og pensionisterne efter § 25 (26 uger, derefter ophør).
    """

    name = "Én tidsgrænse for sygedagpenge, derefter nedsat ydelse"
    kilder = (KILDE,)
    status = "forslag"
    uddata = ("sygedagpenge_tidsgraense_dato", "sygedagpenge_nedsat")

    def apply(self):
        tilfoej_reformparametre(self, "tidsgraense_sygedagpenge")

        class sygedagpenge_revurdering_uger(Variable):
            label = "Tidsgrænsen i uger, hvorefter sygedagpengene nedsættes (afløser revurderingsgrænsen)"

            def formula(person, period, parameters):
                uger = parameters(period).reformer.tidsgraense_sygedagpenge.uger
                return numpy.full(person.count, uger)

        class sygedagpenge_forlaenget(Variable):
            label = "Fuld sats efter tidsgrænsen ved livstruende sygdom (kun når parameteren er sand)"

            def formula(person, period, parameters):
                nedsatte_dage = person("sygedagpenge_nedsatte_betalingsdage", period) > 0
                return nedsatte_dage & _livstruende(person, period, parameters)

        class sygedagpenge_maanedsbeloeb(Variable):
            label = "Sygedagpenge fra kommunen i måneden (kr.), nedsat efter tidsgrænsen"

            def formula(person, period, parameters):
                andel = parameters(period).reformer.tidsgraense_sygedagpenge.andel
                nedsatte = numpy.where(
                    _livstruende(person, period, parameters),
                    0,
                    person("sygedagpenge_nedsatte_betalingsdage", period),
                )
                return nedsat_maanedsbeloeb(person, period, nedsatte, andel)

        for variabel in (
            sygedagpenge_tidsgraense_dato,
            sygedagpenge_nedsatte_betalingsdage,
            sygedagpenge_nedsat,
        ):
            self.add_variable(variabel)
        for variabel in (
            sygedagpenge_revurdering_uger,
            sygedagpenge_revurderes,
            sygedagpenge_varighedsbegraenset,
            sygedagpenge_forlaenget,
            sygedagpenge_maanedsbeloeb,
        ):
            self.update_variable(variabel)
