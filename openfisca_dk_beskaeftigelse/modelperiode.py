"""Modellen begynder i ``FOERSTE_MAANED``: en beregning for en tidligere periode er en brugerfejl.

Vagten sidder på systemets variabler, så den gælder på alle flader (``openfisca serve``,
``openfisca test``, ``dk-beskaeftigelse``, Python) og i alle regimer: en reform lægger sine
variabler ind i den samme ordbog (``Reform`` kopierer ``baseline.variables``), og hver variabel,
der lægges ind, får vagten.

- En formel beregnes aldrig for en periode før ``FOERSTE_MAANED``; det rejser
  :class:`FoerModellenError` (web-API: 400 med ``felt: periode``; CLI: én linje, exitkode 2).
- En variabel uden formel (et input), der spørges om for sådan en periode, rejser samme fejl, når
  den er det, brugeren bad om. Læser en regel den bagud (fx ``arbejdstimer`` i månederne før en
  sygemelding i januar 2020), gives det oplyste input, eller standardværdien, som før.
"""

import datetime

from openfisca_core import periods

from openfisca_dk_beskaeftigelse.beregning import FOERSTE_MAANED
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError

_FOERSTE_DAG = datetime.date.fromisoformat(f"{FOERSTE_MAANED}-01")


class FoerModellenError(ManglendeOplysningError):
    """En variabel blev beregnet for en periode før modellens første måned (felt ``periode``)."""

    def __init__(self, variabel: str, periode) -> None:
        self.felt = "periode"
        besked = (
            f"periode: {periode} ligger før modellens første måned, {FOERSTE_MAANED} "
            f"('{variabel}' kan ikke beregnes for {periode})."
        )
        ValueError.__init__(self, besked)
        self.error = {"fejl": besked, "felt": "periode"}
        self.code = 400


def foer_modellen(periode) -> bool:
    """Sand for en periode, der begynder før ``FOERSTE_MAANED`` (ETERNITY er uden for tiden)."""
    periode = periode if isinstance(periode, periods.Period) else periods.period(periode)
    return periode.unit != periods.DateUnit.ETERNITY and periode.start.date < _FOERSTE_DAG


def _afvisning(navn: str, har_formel: bool):
    def formula(population, period):
        # Stakken har kun denne beregning, når variablen er den, brugeren spurgte om.
        if har_formel or len(population.simulation.tracer.stack) <= 1:
            raise FoerModellenError(navn, period)
        return None

    return formula


class _FraFoersteMaaned:
    """Blandes ind i en variabels klasse: ``get_formula`` afviser perioder før modellen."""

    def get_formula(self, period=None):
        formel = super().get_formula(period)
        if period is None or not foer_modellen(period):
            return formel
        return _afvisning(self.name, formel is not None)


def med_vagt(variabel):
    """Variablen med vagten (samme objekt; dets klasse får :class:`_FraFoersteMaaned` blandet ind)."""
    if isinstance(variabel, _FraFoersteMaaned):
        return variabel
    klasse = type(variabel)
    # En klasse per variabelobjekt: den lever og dør med objektet (også reformers klasser).
    variabel.__class__ = type(
        klasse.__name__,
        (_FraFoersteMaaned, klasse),
        {"__module__": klasse.__module__, "__qualname__": klasse.__qualname__},
    )
    return variabel


class VariablerFraFoersteMaaned(dict):
    """Systemets variabler; hver variabel, der lægges ind (også af en reform), får vagten."""

    def __setitem__(self, navn, variabel) -> None:
        super().__setitem__(navn, med_vagt(variabel))

    def copy(self) -> "VariablerFraFoersteMaaned":
        # Reform.__init__ kopierer baseline.variables; kopien skal også sætte vagten.
        return type(self)(self)
