"""Kildedokumenterne (``shared/seeds/``), som reformerne bygger på.

Hver reform nævner i sin docstring den fil og det afsnit, forslaget kommer fra, og har dem
som ``kilder``: en tuple af :class:`Kilde`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kilde:
    """Et afsnit i et kildedokument (``shared/seeds/<fil>``)."""

    fil: str
    afsnit: str


SEEDS = {
    "000_991c7bef0c1547ec.txt": (
        "En kommunal forvaltnings sammenfatning (2024) af KL's, 6-byernes og de nordjyske "
        "kommuners anbefalinger til ekspertgruppen om fremtidens beskæftigelsesindsats"
    ),
    "001_563147e58c2b51e6.txt": (
        "KL's høringssvar (september 2022) til lovforslaget om 2. delaftale (besparelser i jobcentrene)"
    ),
    "002_5d57e95c82b3ac89.txt": '6-byernes udspil (2011) "Mod fremtidens beskæftigelsessystem"',
    "003_8d1ffce9980bf276.txt": (
        "Sammenfatning (2020) af evalueringen af Frikommuneforsøg II i Nordjylland, 2016-2020"
    ),
    "004_383c6e4443986835.txt": (
        "Referat (2017) af Rebild Kommunes seminar om frikommuneforsøget "
        '"formkrav til obligatoriske samtaler"'
    ),
}
