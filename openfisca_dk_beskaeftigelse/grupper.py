"""Om en Enum-værdi hører til en gruppe af værdier (fx målgrupper i en paragraf).

Variabelfilerne kan ikke importere fra hinanden (OpenFisca indlæser dem efter sti), så fælles
hjælpefunktioner til formlerne ligger her. De sammenligner Enum-værdier ved deres indeks: en
tabel med ét felt per medlem af Enum'en slås op med personernes indeks, så hverken navne eller
parametre slås op per person.
"""

import numpy
from openfisca_core.indexed_enums import EnumArray


def en_af(vaerdier: EnumArray, *medlemmer) -> numpy.ndarray:
    """Sand, hvor værdien er et af ``medlemmer`` (Enum-værdier fra ``vaerdier.possible_values``)."""
    return numpy.logical_or.reduce([vaerdier == medlem for medlem in medlemmer])


def navn_i(vaerdier: EnumArray, navne) -> numpy.ndarray:
    """Sand, hvor værdiens navn står i ``navne`` (typisk en liste fra en parameter)."""
    navne = set(navne)
    tabel = numpy.array([navn in navne for navn in vaerdier.possible_values.names], dtype=bool)
    return tabel[vaerdier.view(numpy.ndarray)]


def pr_vaerdi(vaerdier: EnumArray, funktion) -> numpy.ndarray:
    """``funktion(navn)`` for hver persons Enum-værdi, kaldt én gang per forskellig værdi.

    Til en parameter med ét tal per Enum-værdi (fx per regelgruppe): ``parameter[navn]`` slås op
    for de værdier, der forekommer, i stedet for at OpenFisca slår op for hver person.
    """
    indeks = vaerdier.view(numpy.ndarray)
    navne = vaerdier.possible_values.names
    forekommer = numpy.flatnonzero(numpy.bincount(indeks, minlength=len(navne)))
    resultater = numpy.asarray([funktion(str(navne[i])) for i in forekommer])
    tabel = numpy.zeros(len(navne), dtype=resultater.dtype)
    tabel[forekommer] = resultater
    return tabel[indeks]


def vaelg(betingelser, valg, standard) -> EnumArray:
    """``numpy.select`` for Enum-værdier (medlemmer eller EnumArrays af samme Enum).

    Regnet på indeks: med medlemmerne selv ville numpy lave et array af Python-objekter, som
    OpenFisca derefter koder person for person.
    """
    enum = _enum(standard, *valg)
    indeks = numpy.select(betingelser, [_indeks(v, enum) for v in valg], _indeks(standard, enum))
    return EnumArray(indeks.astype(numpy.int16), enum)


def hvor(betingelse, hvis, ellers) -> EnumArray:
    """``numpy.where`` for Enum-værdier, regnet på indeks (se :func:`vaelg`)."""
    return vaelg([betingelse], [hvis], ellers)


def som(vaerdier: EnumArray, enum) -> EnumArray:
    """Værdierne som medlemmerne af ``enum`` med samme navn (en anden Enum med de samme valg).

    Oversat med en tabel over Enum'ens medlemmer; en værdi uden et medlem af samme navn i ``enum``
    giver ValueError.
    """
    medlemmer = enum.__members__
    tabel = numpy.array(
        [medlemmer[n].index if n in medlemmer else -1 for n in vaerdier.possible_values.names],
        dtype=numpy.int16,
    )
    indeks = tabel[vaerdier.view(numpy.ndarray)]
    if (indeks < 0).any():
        mangler = vaerdier.possible_values.names[vaerdier.view(numpy.ndarray)[indeks < 0][0]]
        raise ValueError(f"{enum.__name__} har ikke værdien '{mangler}'")
    return EnumArray(indeks, enum)


def _enum(*vaerdier):
    for v in vaerdier:
        if isinstance(v, EnumArray):
            return v.possible_values
    return type(vaerdier[0])


def _indeks(vaerdi, enum):
    if isinstance(vaerdi, EnumArray):
        if vaerdi.possible_values is not enum:
            raise TypeError(f"{vaerdi.possible_values.__name__} blandet med {enum.__name__}")
        return vaerdi.view(numpy.ndarray)
    if not isinstance(vaerdi, enum):
        raise TypeError(f"{vaerdi!r} er ikke en {enum.__name__}")
    return vaerdi.index
