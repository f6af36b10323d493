"""Reformkataloget: ét modul per forslag i kildedokumenterne (``shared/seeds``).

Hvert modul har én ``openfisca_core.reforms.Reform``, som regimeregistret finder af sig selv
(nøgle = modulets navn). Klassen har en dansk docstring, der nævner kildefilen og afsnittet,
og attributterne ``name`` (dansk navn), ``kilder`` (``Kilde``-tupler), ``status`` ("forslag" eller
"annonceret"), eventuelt ``uddata`` (nye uddata) og ``alternativ_til`` (reformer, der modellerer
det samme på en anden måde og ikke bør stables med den). Parametriske reformers tal ligger i
``parametre/<modul>.yaml``; ``katalog.yaml`` er kataloget over alle forslag.
"""
