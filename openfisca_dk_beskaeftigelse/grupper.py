"""Om en Enum-værdi hører til en gruppe af værdier (fx målgrupper i en paragraf).

Variabelfilerne kan ikke importere fra hinanden (OpenFisca indlæser dem efter sti), så fælles
hjælpefunktioner til formlerne ligger her.
"""

import numpy
from openfisca_core.indexed_enums import EnumArray


def en_af(vaerdier: EnumArray, *medlemmer) -> numpy.ndarray:
    """Sand, hvor værdien er et af ``medlemmer`` (Enum-værdier fra ``vaerdier.possible_values``)."""
    return numpy.logical_or.reduce([vaerdier == medlem for medlem in medlemmer])


def navn_i(vaerdier: EnumArray, navne) -> numpy.ndarray:
    """Sand, hvor værdiens navn står i ``navne`` (typisk en liste fra en parameter)."""
    return numpy.isin(vaerdier.decode_to_str(), list(navne))
