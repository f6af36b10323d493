"""Borgerens pligter: joblog, tjek af jobforslag, cv, tilbud og fritagelse ved mindre intensiv indsats."""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, maaned_slut, maaned_start, plus_uger
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.grupper import navn_i
from openfisca_dk_beskaeftigelse.love import AFL, LAB, LAS, LOV_548_2019, SDL


def _i_gruppe(person, period, grupper, regelgruppe="regelgruppe") -> numpy.ndarray:
    """Om personens regelgruppe er en af ``grupper`` (en liste af navne fra en parameter)."""
    return navn_i(person(regelgruppe, period), grupper)


class dokumenteret_overgang_startdato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Dokumenteret startdato for job, uddannelse, barsel eller pension (mindre intensiv indsats)"
    reference = LAB.paragraf("§ 105", "§ 106")
    documentation = (
        "Den dag, borgeren over for jobcenteret (kommunen) har dokumenteret at skulle begynde i "
        "ordinært job, uddannelse, på barsel eller overgå til pension. Ligger datoen højst 6 uger "
        "fremme, er borgeren omfattet af mindre intensiv indsats. Ikke oplyst = 0001-01-01."
    )


class fritaget_mindre_intensiv_indsats(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Fritaget for samtaler, jobsøgning og tilbud (mindre intensiv indsats)"
    reference = LAB.paragraf("§ 105", "§ 106, stk. 1")
    documentation = """
En person med kontaktforløb, der har dokumenteret start i job, uddannelse, barsel eller
pension højst 6 uger fremme, er omfattet af mindre intensiv indsats: ikke pligt til samtaler
efter lovens kapitel 6 og 7 (§ 106, stk. 1), ikke pligt til at søge job og joblogge og ikke
pligt til tilbud. Cv'et skal fortsat være søgbart, og henvist arbejde skal tages.

Måned: fritaget, hvis startdatoen ligger efter månedens første dag og højst 6 uger efter
månedens sidste dag (dvs. 6-ugersvinduet begynder i måneden eller før). Jobcenteret kan fastholde
pligten efter en konkret vurdering (§ 106, stk. 3); det er ikke et input.
"""

    def formula(person, period, parameters):
        mindre_intensiv = parameters(period).lab.pligter.mindre_intensiv
        overgang = person("dokumenteret_overgang_startdato", period)
        inden_6_uger = (overgang > maaned_start(period)) & (
            overgang <= plus_uger(numpy.asarray(maaned_slut(period)), mindre_intensiv.uger)
        )
        return _i_gruppe(person, period, mindre_intensiv.grupper) & inden_6_uger


class joblog_pligt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Pligt til at registrere jobsøgning i joblog (ugentligt for forsikrede ledige)"
    reference = AFL.paragraf("§ 62") + LAS.paragraf("§ 13", "§ 13 a") + LAB.paragraf("§ 106, stk. 1")
    documentation = (
        "Forsikrede ledige skal registrere jobsøgningen i joblog på Jobnet (eller a-kassens "
        "digitale joblog) hver uge; jobparate kontanthjælpsmodtagere skal også bruge joblog "
        "(lab.pligter.joblog.grupper, læst på regelgruppe_jobsoegning). Ikke under mindre "
        "intensiv indsats. Antallet af ansøgninger fastsættes individuelt i 'Min Plan'; loven har "
        "intet mindstetal."
    )

    def formula(person, period, parameters):
        grupper = parameters(period).lab.pligter.joblog.grupper
        omfattet = _i_gruppe(person, period, grupper, "regelgruppe_jobsoegning")
        return omfattet & ~person("fritaget_mindre_intensiv_indsats", period)


class jobforslag_7_dage_pligt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Pligt til at tjekke jobforslag på Jobnet mindst hver 7. dag"
    reference = LAB.paragraf("§ 6, nr. 1, 2 og 4") + LOV_548_2019.paragraf("§ 1 (ny LAB fra 1.1.2020)")
    documentation = """
Før 2020 skulle tilmeldte jobsøgende, der står til rådighed, tjekke jobforslag mindst hver 7.
dag, ellers fulgte påmindelse og afmelding (STAR 2018). Pligten ophørte for forsikrede ledige
1.1.2020 (medium-høj). For kontant- og uddannelseshjælpsgrupperne er kilderne uklare: den
bedst belagte læsning (Det Faglige Hus om aftalen bag LAB 2019) er, at pligten ophørte for
alle 1.1.2020; lav-medium sikkerhed. Grupperne på datoen står i
lab.pligter.jobforslag_7_dage.grupper.
"""

    def formula(person, period, parameters):
        return _i_gruppe(person, period, parameters(period).lab.pligter.jobforslag_7_dage.grupper)


class cv_pligt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Pligt til et søgbart cv på Jobnet"
    reference = AFL.paragraf("§ 62") + LAB.paragraf("§ 6, nr. 1, 2, 4 og 9")
    documentation = (
        "Forsikrede ledige, jobparate og uddannelsesparate samt fleksjobvisiterede på "
        "ledighedsydelse (lab.pligter.cv.grupper, læst på regelgruppe_jobsoegning). Pligten gælder "
        "også under mindre intensiv indsats. Fra lov nr. 1750/2025 må kommuner og a-kasser bruge "
        "egne cv-løsninger, synkroniseret med det fælles datagrundlag."
    )

    def formula(person, period, parameters):
        return _i_gruppe(person, period, parameters(period).lab.pligter.cv.grupper, "regelgruppe_jobsoegning")


class pligt_til_tilbud(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Pligt til at tage imod og deltage i tilbud"
    reference = LAB.paragraf("§ 102", "§ 106, stk. 1") + LAS.paragraf("§ 13") + SDL.paragraf("§ 21")
    documentation = (
        "Pligten til at deltage i tilbud og indsats for dagpenge- og kontanthjælpsmodtagere, "
        "ledighedsydelsesmodtagere, personer i forløb og sygedagpengemodtagere "
        "(lab.pligter.tilbud.grupper); ikke under mindre intensiv indsats (§ 106, stk. 1). "
        "Førtidspensionister, selvforsørgende og unge under 18 år deltager frivilligt. Hvornår "
        "der skal gives et ret og pligt-tilbud, står i ret_og_pligt_tilbud_senest."
    )

    def formula(person, period, parameters):
        omfattet = _i_gruppe(person, period, parameters(period).lab.pligter.tilbud.grupper)
        return omfattet & ~person("fritaget_mindre_intensiv_indsats", period)
