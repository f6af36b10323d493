"""Reform: kommunen prioriterer, hvilke sygemeldte den taler med og hvornår (6-byerne 2011)."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.love import SDL

INGEN = numpy.datetime64(INGEN_DATO, "D")


class opfoelgning_samtale_efter_oenske_ret(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ret til en opfølgningssamtale med kommunen, når den sygemeldte ønsker det"
    reference = SDL.paragraf("§ 13 b, stk. 1 (samtalerne, som pligten afløses af)")
    documentation = (
        "Minimumsretten i stedet for pligten: enhver sygemeldt med en sygedagpengesag "
        "(sygedagpengesag) kan få en samtale, når vedkommende beder om den, også når kommunen ellers "
        "ikke følger op (fx kategori 1)."
    )

    def formula(person, period):
        return person("sygedagpengesag", period)


class PrioriteretOpfoelgningSygedagpenge(Reform):
    """Kommunen prioriterer, hvem den taler med og hvornår; den sygemeldte har ret til en samtale.

    Forslaget: 6-byerne vil have medansvar og minimumsrettigheder i stedet for kontrol: borgerne
    skal i mindre grad have pligt til at møde op til samtaler og i stedet have ret til hjælp, og
    "inden for fx sygedagpengeområdet bør der ske en prioritering af, hvem der tales med og
    hvornår", så kommunen kan målrette kontakten. Kilde: ``002_5d57e95c82b3ac89.txt``, "Tema 4:
    Medansvar og minimumsrettigheder frem for kontrol" (indledningen).

    Hvad reformen ændrer, i sager kommunen følger op (``opfoelgning_omfattet``):
    - der er ingen lovbestemt frist for den første opfølgningssamtale
      (``opfoelgning_foerste_samtale_senest`` = ingen dato) og intet mindste antal samtaler
      (``opfoelgning_min_samtaler_6_maaneder`` = 0): kommunen prioriterer;
    - enhver sygemeldt med en sygedagpengesag har ret til en samtale, når vedkommende ønsker det
      (``opfoelgning_samtale_efter_oenske_ret``), også i sager, kommunen ellers ikke følger op.
      Retten er modellens læsning af temaets "minimumsrettigheder"; kilden nævner den ikke
      særskilt for sygedagpengeområdet.

    Følger af, at den første samtale ikke har en frist: en anmodning om fast track fremrykker
    ingen frist, og datoen, fra hvilken den sygemeldte kan vælge telefon eller video efter den
    første samtale (lov nr. 295/2023), kan ikke beregnes (``opfoelgning_telefon_video_fra`` =
    ingen dato fra april 2023; retten består, når samtalen er holdt).

    Hvad reformen lader være: visitationen, hvem kommunen følger op, retten til at kræve
    lægeattest til den første opfølgning (``laegeattest_ret_til_at_kraeve``), sygedagpengenes ret,
    beløb og varighed. Forslaget strider mod ingen_fast_opfoelgningskadence, der fastholder en
    tidlig samtale med alle sygemeldte (registret advarer, ``strider_mod``).
    """

    name = "Prioriteret opfølgning i sygedagpengesager (kommunen vælger hvem og hvornår)"
    kilder = (Kilde("002_5d57e95c82b3ac89.txt", "Tema 4: Medansvar og minimumsrettigheder frem for kontrol"),)
    status = "forslag"
    uddata = ("opfoelgning_samtale_efter_oenske_ret",)
    strider_mod = {
        "ingen_fast_opfoelgningskadence": (
            "de nordjyske kommuner fastholder en tidlig samtale med alle sygemeldte, mens 6-byerne lader "
            "kommunen prioritere, hvem den taler med og hvornår; stablet er der hverken frist eller "
            "mindste antal samtaler"
        ),
    }

    def apply(self):
        class opfoelgning_foerste_samtale_senest(Variable):
            label = "Frist for den første opfølgningssamtale (ingen: kommunen prioriterer)"

            def formula(person, period):
                return numpy.full(person.count, INGEN)

        class opfoelgning_min_samtaler_6_maaneder(Variable):
            label = "Mindste antal opfølgningssamtaler i det første halve år (intet: kommunen prioriterer)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=int)

        self.update_variable(opfoelgning_foerste_samtale_senest)
        self.update_variable(opfoelgning_min_samtaler_6_maaneder)
        self.add_variable(opfoelgning_samtale_efter_oenske_ret)
