"""Hvert inputs værdiområde, erklæret ét sted og kontrolleret af CLI, web-API og ``openfisca serve``.

OpenFisca kontrollerer kun typen; her står, hvilke værdier der kan forekomme i virkeligheden:
beløb, timer, uger og antal er aldrig negative, en uge har højst 168 timer, en andel af fuld
tid ligger mellem 0 og 1, datoer ligger i et plausibelt interval, og en start ligger før sin
slutning. :func:`openfisca_dk_beskaeftigelse.beregning.kontroller_situation` bruger tabellerne,
og web-API'ets OpenAPI-spec viser dem som ``minimum`` og ``maximum``.

En variabel får sit område fra ``EFTER_VARIABEL``, ellers fra sin enhed (``EFTER_ENHED``);
en variabel uden enhed og uden linje i tabellen har intet område ud over sin type.

``BAGUD`` nævner de input, loven læser for kalendermånederne før en dato (fx arbejdstimerne i
månederne før første fraværsdag): dem skal en bruger angive måned for måned, og arbejdsbordets
formular viser netop de måneder.
"""

import datetime
from dataclasses import dataclass

import numpy

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO

TIMER_PR_UGE = 7 * 24
TIMER_PR_MAANED = 31 * 24
# 12 måneder (den længste bagudperiode i SDL § 24) har højst 53 påbegyndte uger.
UGER_PR_AAR = 53


@dataclass(frozen=True)
class Vaerdiomraade:
    """Tilladte tal: fra ``mindst`` til ``hoejst`` (begge med), eller præcis ``ikke_oplyst``."""

    mindst: float | None = None
    hoejst: float | None = None
    # En værdi, der betyder "ikke oplyst" og derfor er tilladt uden for intervallet.
    ikke_oplyst: float | None = None

    def tillader(self, v: float) -> bool:
        if self.ikke_oplyst is not None and v == self.ikke_oplyst:
            return True
        return (self.mindst is None or v >= self.mindst) and (self.hoejst is None or v <= self.hoejst)

    def tekst(self) -> str:
        """Området, som en fejlbesked viser det: 'et tal fra 0 til 168'."""
        if self.hoejst is None:
            interval = f"et tal ≥ {_tal(self.mindst)}"
        elif self.mindst is None:
            interval = f"et tal ≤ {_tal(self.hoejst)}"
        else:
            interval = f"et tal fra {_tal(self.mindst)} til {_tal(self.hoejst)}"
        if self.ikke_oplyst is not None:
            interval += f" (eller {_tal(self.ikke_oplyst)} for ikke oplyst)"
        return interval


def _tal(v: float) -> str:
    return f"{v:g}".replace(".", ",")


IKKE_NEGATIV = Vaerdiomraade(mindst=0)

# Enhed (variablens ``unit``) → område for alle tal med den enhed.
EFTER_ENHED = {
    "currency-DKK": IKKE_NEGATIV,
    "hour": IKKE_NEGATIV,
    "week": IKKE_NEGATIV,
    "day": IKKE_NEGATIV,
    "month": IKKE_NEGATIV,
    "person": IKKE_NEGATIV,
    "FTE": IKKE_NEGATIV,
}

# Variabel → et snævrere område, hvor variablen selv har en grænse.
EFTER_VARIABEL = {
    "alder": Vaerdiomraade(mindst=0, hoejst=130),
    "arbejdstimer": Vaerdiomraade(mindst=0, hoejst=TIMER_PR_MAANED),
    "ugentlig_arbejdstid": Vaerdiomraade(mindst=0, hoejst=TIMER_PR_UGE),
    "delvis_fravaer_timer_pr_uge": Vaerdiomraade(mindst=0, hoejst=TIMER_PR_UGE),
    "sygedagpenge_fravaerstimer_pr_uge": Vaerdiomraade(mindst=0, hoejst=TIMER_PR_UGE),
    "timer_hos_arbejdsgiver_8_uger": Vaerdiomraade(mindst=0, hoejst=8 * TIMER_PR_UGE),
    "tidligere_sygedagpengeuger": Vaerdiomraade(mindst=0, hoejst=UGER_PR_AAR),
    "fuldtidsandel": Vaerdiomraade(mindst=0, hoejst=1),
    "gennemsnit_ansatte_seneste_12_maaneder": Vaerdiomraade(mindst=0, ikke_oplyst=-1),
}

# Variablernes tal er float32: et større tal bliver uendeligt i beregningen (som Python-tal, så
# numpy ikke laver værdien om til float32 og advarer om overløb for at sammenligne).
MAKS_TAL = float(numpy.finfo(numpy.float32).max)
TALOMRAADE = f"et tal fra -{MAKS_TAL:.3g} til {MAKS_TAL:.3g}"

# Datoer (også perioder) fra og med DATO_FRA til og med DATO_TIL; INGEN_DATO betyder "ingen dato".
DATO_FRA = datetime.date(1900, 1, 1)
DATO_TIL = datetime.date(2100, 12, 31)

# (tidligere, senere): den første dato ligger på eller før den anden, når begge er oplyst.
# Fødselsdatoen ligger før enhver anden af personens datoer (se ``raekkefoelger``).
RAEKKEFOELGER = (("sygemelding_startdato", "forventet_raskmelding_dato"),)


@dataclass(frozen=True)
class Bagud:
    """Et input, loven læser for hver af de kalendermåneder, der går forud for måneden med datoen i ``fra``.

    Antallet af måneder står i parameteren ``maaneder``; uden dato læses månederne før den
    beregnede måned.
    """

    fra: str
    maaneder: str


# Inputs, loven læser bagud: SDL § 32, stk. 1, nr. 1 (arbejdstimer i de 6 afsluttede måneder før
# første fraværsdag) og SDL § 42 (selvstændig virksomhed i 6 af de 12 måneder før).
BAGUD = {
    "arbejdstimer": Bagud("sygemelding_startdato", "sygedagpenge.beskaeftigelseskrav.maaneder"),
    "selvstaendig_i_vaesentligt_omfang": Bagud(
        "sygemelding_startdato", "sygedagpenge.selvstaendige.beskaeftigelse_periode_maaneder"
    ),
}


def vaerdiomraade(variabel) -> Vaerdiomraade | None:
    """Variablens område: dens egen linje i ``EFTER_VARIABEL``, ellers dens enheds."""
    return EFTER_VARIABEL.get(variabel.name) or EFTER_ENHED.get(getattr(variabel, "unit", None))


def dato_tilladt(dato: datetime.date) -> bool:
    return dato == INGEN_DATO or DATO_FRA <= dato <= DATO_TIL


def raekkefoelger(system) -> tuple[tuple[str, str], ...]:
    """Alle par (tidligere, senere): ``RAEKKEFOELGER`` plus fødselsdatoen før hver anden persondato."""
    datoer = sorted(
        navn
        for navn, v in system.variables.items()
        if v.value_type is datetime.date and v.entity.is_person and navn != "foedselsdato"
    )
    return (*RAEKKEFOELGER, *(("foedselsdato", navn) for navn in datoer))
