"""Datoregning på hele arrays (``numpy.datetime64[D]``), som lovens frister kræver.

``INGEN_DATO`` (0001-01-01) betyder "ingen dato": en dato, borgeren ikke har oplyst, eller
en frist, der ikke gælder for borgeren. Et input, som en formel har brug for, kontrolleres
med :func:`kraev_oplyst`, så en manglende dato giver en fejl med feltets navn i stedet for
en stille standardværdi.
"""

import datetime

import numpy
from openfisca_core.errors import SituationParsingError

INGEN_DATO = datetime.date(1, 1, 1)
_INGEN = numpy.datetime64(INGEN_DATO, "D")


class ManglendeOplysningError(SituationParsingError, ValueError):
    """En formel mangler et input, som borgerens situation kræver.

    Som :class:`SituationParsingError` svarer OpenFiscas egne ``/calculate`` og ``/trace``
    med ``code`` (400) og ``error`` (``{"fejl": ..., "felt": ...}``) i stedet for status 500.
    """

    def __init__(self, felt: str, hvorfor: str, antal: int) -> None:
        self.felt = felt
        besked = (
            f"Feltet '{felt}' mangler for {antal} person(er), men skal oplyses for at beregne '{hvorfor}'."
        )
        # SituationParsingError.__init__ bygger et sti-træ; her er kroppen web-API'ets {fejl, felt}.
        ValueError.__init__(self, besked)
        self.error = {"fejl": besked, "felt": felt}
        self.code = 400

    def __str__(self) -> str:
        return self.args[0]


class ModstridendeOplysningError(ManglendeOplysningError):
    """Et input kan ikke gælde sammen med de øvrige (svarer som et manglende input: 400, feltet)."""

    def __init__(self, felt: str, besked: str) -> None:
        self.felt = felt
        ValueError.__init__(self, besked)
        self.error = {"fejl": besked, "felt": felt}
        self.code = 400


def kraev_oplyst(datoer: numpy.ndarray, felt: str, hvorfor: str, relevant=True) -> None:
    """Rejs :class:`ManglendeOplysningError`, hvis en relevant person mangler datoen."""
    mangler = numpy.logical_and(relevant, datoer == _INGEN)
    if mangler.any():
        raise ManglendeOplysningError(felt, hvorfor, int(numpy.count_nonzero(mangler)))


def kraev_foedt(foedselsdato: numpy.ndarray, dato, hvorfor: str, relevant=True) -> None:
    """Rejs :class:`ModstridendeOplysningError`, hvis en relevant person er født efter ``dato``."""
    efter = numpy.logical_and(relevant, foedselsdato > numpy.datetime64(dato, "D"))
    if efter.any():
        antal = int(numpy.count_nonzero(efter))
        raise ModstridendeOplysningError(
            "foedselsdato",
            f"Feltet 'foedselsdato' ligger efter {dato} for {antal} person(er), så '{hvorfor}' kan "
            "ikke beregnes for perioden.",
        )


def _dele(datoer: numpy.ndarray):
    """(år, måned 1-12, dag 1-31) for hver dato."""
    d = datoer.astype("datetime64[D]")
    maaned = d.astype("datetime64[M]")
    aar = maaned.astype("datetime64[Y]").astype(int) + 1970
    return aar, (maaned.astype(int) % 12) + 1, (d - maaned).astype(int) + 1


def hele_aar(fra: numpy.ndarray, til) -> numpy.ndarray:
    """Antal hele år fra ``fra`` til ``til`` (fx alder fra fødselsdato)."""
    fa, fm, fd = _dele(fra)
    ta, tm, td = _dele(numpy.asarray(til, dtype="datetime64[D]"))
    ikke_fyldt = (tm < fm) | ((tm == fm) & (td < fd))
    return ta - fa - ikke_fyldt


def plus_dage(datoer: numpy.ndarray, dage) -> numpy.ndarray:
    return datoer.astype("datetime64[D]") + numpy.asarray(dage).astype("timedelta64[D]")


def plus_uger(datoer: numpy.ndarray, uger) -> numpy.ndarray:
    return plus_dage(datoer, numpy.asarray(uger) * 7)


def plus_maaneder(datoer: numpy.ndarray, maaneder) -> numpy.ndarray:
    """Samme dag ``maaneder`` måneder senere; findes dagen ikke, månedens sidste dag."""
    d = datoer.astype("datetime64[D]")
    start = d.astype("datetime64[M]")
    ny_maaned = start + numpy.asarray(maaneder).astype("timedelta64[M]")
    sidste = (ny_maaned + 1).astype("datetime64[D]") - 1
    return numpy.minimum(ny_maaned.astype("datetime64[D]") + (d - start), sidste)


def maanedens_sidste_dag(datoer: numpy.ndarray) -> numpy.ndarray:
    return (datoer.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1


def dage_mellem(fra: numpy.ndarray, til) -> numpy.ndarray:
    """Antal dage fra ``fra`` til ``til`` (negativt, hvis ``til`` ligger før)."""
    return (numpy.asarray(til, dtype="datetime64[D]") - fra.astype("datetime64[D]")).astype(int)


def maaned_start(period) -> numpy.datetime64:
    """Første dag i en OpenFisca-periode som ``datetime64[D]``."""
    return numpy.datetime64(period.start.date, "D")


def maaned_slut(period) -> numpy.datetime64:
    """Sidste dag i en OpenFisca-periode som ``datetime64[D]``."""
    return numpy.datetime64(period.stop.date, "D")


def pr_dato(datoer: numpy.ndarray, funktion) -> numpy.ndarray:
    """``funktion(dato)`` for hver persons dato, kaldt én gang per forskellig dato.

    Til opslag, der afhænger af en dato, som er forskellig fra borger til borger (fx en
    parameter på hver borgers ophørsdato); løkken går over de forskellige datoer, ikke borgerne.
    """
    unikke, indeks = numpy.unique(datoer, return_inverse=True)
    return numpy.asarray([funktion(dato) for dato in unikke])[indeks]


def pr_maaned(maaneder: numpy.ndarray, vaerdier_i, forskydninger=(0,)) -> list[numpy.ndarray]:
    """Værdien af ``vaerdier_i(måned)`` i hver persons egen måned forskudt med hver forskydning.

    ``maaneder`` er hver persons måned (``datetime64[M]``); ``vaerdier_i`` giver hele
    befolkningens array for én måned. For hver forskydning k får hver person sin værdi fra
    sin måned minus k. Personerne grupperes én gang; hver værdi kopieres én gang.
    """
    unikke, indeks = numpy.unique(maaneder, return_inverse=True)
    orden = numpy.argsort(indeks, kind="stable")
    graenser = numpy.searchsorted(indeks[orden], numpy.arange(len(unikke) + 1))
    resultater = []
    for k in forskydninger:
        resultat = None
        for i, maaned in enumerate(unikke):
            vaerdier = numpy.asarray(vaerdier_i(maaned - k))
            if resultat is None:
                resultat = numpy.empty_like(vaerdier)
            hvem = orden[graenser[i] : graenser[i + 1]]
            resultat[hvem] = vaerdier[hvem]
        resultater.append(resultat)
    return resultater


def alder_hvor(person, period, relevant, hvorfor: str) -> numpy.ndarray:
    """Alderen i hele år, hvor den er ``relevant``; kun de relevante skal have en fødselsdato.

    En alder, brugeren har angivet som input, bruges som den er. Ellers beregnes den ud fra
    foedselsdato, og en relevant person uden fødselsdato giver en fejl, der nævner feltet og
    ``hvorfor`` (variablen, der skal bruge alderen). For de øvrige er værdien meningsløs og må
    ikke bruges.
    """
    angivet = person.get_holder("alder").get_array(period)
    if angivet is not None:
        return angivet
    foedselsdato = person("foedselsdato", period)
    kraev_oplyst(foedselsdato, "foedselsdato", hvorfor, relevant=relevant)
    kraev_foedt(foedselsdato, period.start.date, hvorfor, relevant=relevant)
    return hele_aar(foedselsdato, period.start.date)
