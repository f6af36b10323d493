"""Datoregning på hele arrays (``numpy.datetime64[D]``), som lovens frister kræver.

År, måned og dag regnes i hele dage siden 1970-01-01: slået op i tabeller over årene 0-2400
(hver dags måned og hver måneds første dag) og ellers med den gregorianske kalenders
heltalsformler (``_civil``, ``_dagnummer``), ikke med numpys enhedskonverteringer
(``datetime64[M]``/``[Y]``), som er 2-5 gange langsommere; resultaterne er de samme.

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


# Den gregorianske kalender gentager sig hver 400. år (146.097 dage); 719.468 er antallet af dage
# fra 0000-03-01 (år begynder i marts, så skuddagen er årets sidste dag) til 1970-01-01.
_DAGE_PR_400_AAR = 146_097
_FRA_AAR_0_MARTS = 719_468


def _dagnumre(datoer) -> numpy.ndarray:
    """Datoerne som hele dage siden 1970-01-01 i int32 (hurtigere end int64; rækker ud over år 9999)."""
    return numpy.asarray(datoer, dtype="datetime64[D]").view(numpy.int64).astype(numpy.int32)


def _civil(dage: numpy.ndarray):
    """(år, måned 1-12, dag 1-31) for dagnumre (dage siden 1970-01-01)."""
    z = dage + _FRA_AAR_0_MARTS
    era = z // _DAGE_PR_400_AAR
    dag_i_era = z - era * _DAGE_PR_400_AAR
    aar_i_era = (dag_i_era - dag_i_era // 1460 + dag_i_era // 36524 - dag_i_era // 146096) // 365
    dag_i_aar = dag_i_era - (365 * aar_i_era + aar_i_era // 4 - aar_i_era // 100)
    mp = (5 * dag_i_aar + 2) // 153  # måned regnet fra marts (0) til februar (11)
    dag = dag_i_aar - (153 * mp + 2) // 5 + 1
    maaned = mp + 3 - 12 * (mp >= 10)
    return aar_i_era + era * 400 + (maaned <= 2), maaned, dag


def _dagnummer(aar, maaned, dag) -> numpy.ndarray:
    """Dagnummeret (dage siden 1970-01-01) for år, måned 1-12 og dag 1-31."""
    aar = aar - (maaned <= 2)
    era = aar // 400
    aar_i_era = aar - era * 400
    dag_i_aar = (153 * (maaned - 3 + 12 * (maaned <= 2)) + 2) // 5 + dag - 1
    dag_i_era = aar_i_era * 365 + aar_i_era // 4 - aar_i_era // 100 + dag_i_aar
    return era * _DAGE_PR_400_AAR + dag_i_era - _FRA_AAR_0_MARTS


# Tabeller i stedet for regning, hvor datoerne ligger (år 0 til 2400, 3,5 MB): dagnummeret for den
# første dag i hver måned (måned nr. aar * 12 + maaned - 1) og månedens nummer for hver dag.
_MAANEDER_I_TABELLEN = numpy.arange(12 * 2401, dtype=numpy.int32)
_MAANEDSSTART = _dagnummer(_MAANEDER_I_TABELLEN // 12, _MAANEDER_I_TABELLEN % 12 + 1, 1)
_TABELLENS_SLUT = _MAANEDSSTART[-1]
_DAGENS_MAANED = numpy.repeat(_MAANEDER_I_TABELLEN[:-1], numpy.diff(_MAANEDSSTART))


def _maanedsstart(loebende) -> numpy.ndarray:
    """Dagnummeret for den første dag i måned nr. ``loebende`` (aar * 12 + maaned - 1)."""
    if loebende.size and (loebende.min() < 0 or loebende.max() >= _MAANEDSSTART.size):
        return _dagnummer(loebende // 12, loebende % 12 + 1, 1)
    return _MAANEDSSTART[loebende]


def _som_datoer(dage) -> numpy.ndarray:
    # [()] giver en skalar for en enkelt dato og arrayet selv ellers, som numpys egen datoregning.
    return numpy.asarray(dage, dtype=numpy.int64).view("datetime64[D]")[()]


def _dele(datoer: numpy.ndarray):
    """(år, måned 1-12, dag 1-31) for hver dato."""
    dage = _dagnumre(datoer)
    if dage.size and (dage.min() < _MAANEDSSTART[0] or dage.max() >= _TABELLENS_SLUT):
        return _civil(dage)
    maaned = _DAGENS_MAANED[dage - _MAANEDSSTART[0]]
    return maaned // 12, maaned % 12 + 1, dage - _MAANEDSSTART[maaned] + 1


def hele_aar(fra: numpy.ndarray, til) -> numpy.ndarray:
    """Antal hele år fra ``fra`` til ``til`` (fx alder fra fødselsdato)."""
    fa, fm, fd = _dele(fra)
    ta, tm, td = _dele(til)
    # Måned og dag som ét tal (måned * 32 + dag), så "endnu ikke fyldt" er én sammenligning.
    return ta - fa - (tm * 32 + td < fm * 32 + fd)


def plus_dage(datoer: numpy.ndarray, dage) -> numpy.ndarray:
    return numpy.asarray(datoer, dtype="datetime64[D]") + numpy.asarray(dage).astype("timedelta64[D]")


def plus_uger(datoer: numpy.ndarray, uger) -> numpy.ndarray:
    return plus_dage(datoer, numpy.asarray(uger) * 7)


def plus_maaneder(datoer: numpy.ndarray, maaneder) -> numpy.ndarray:
    """Samme dag ``maaneder`` måneder senere; findes dagen ikke, månedens sidste dag."""
    aar, maaned, dag = _dele(datoer)
    loebende = aar * 12 + (maaned - 1) + numpy.asarray(maaneder).astype(numpy.int32)
    foerste = _maanedsstart(loebende)
    return _som_datoer(foerste + numpy.minimum(dag, _maanedsstart(loebende + 1) - foerste) - 1)


def maanedens_sidste_dag(datoer: numpy.ndarray) -> numpy.ndarray:
    aar, maaned, _ = _dele(datoer)
    return _som_datoer(_maanedsstart(aar * 12 + maaned) - 1)


def dage_mellem(fra: numpy.ndarray, til) -> numpy.ndarray:
    """Antal dage fra ``fra`` til ``til`` (negativt, hvis ``til`` ligger før)."""
    return (numpy.asarray(til, dtype="datetime64[D]") - numpy.asarray(fra, dtype="datetime64[D]")).astype(int)


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
    foedselsdato (én gang per person og måned: ``alder_ud_fra_foedselsdato``), og en relevant
    person uden fødselsdato giver en fejl, der nævner feltet og ``hvorfor`` (variablen, der skal
    bruge alderen). For de øvrige er værdien meningsløs og må ikke bruges.
    """
    if person.get_holder("alder").get_array(period) is not None:
        # Angivet (eller allerede beregnet): læst gennem simuleringen, så sporet ser den.
        return person("alder", period)
    foedselsdato = person("foedselsdato", period)
    kraev_oplyst(foedselsdato, "foedselsdato", hvorfor, relevant=relevant)
    kraev_foedt(foedselsdato, period.start.date, hvorfor, relevant=relevant)
    return person("alder_ud_fra_foedselsdato", period)
