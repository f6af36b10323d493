"""Kildedokumenterne (``shared/seeds/``), som reformerne bygger på.

Hver reform nævner i sin docstring den fil og det afsnit, forslaget kommer fra, og har dem
som ``kilder``: en tuple af :class:`Kilde`. Filnavnene er hashes, der intet siger en læser;
CLI'et og dokumentationen viser derfor dokumentets titel og afsnittet (:attr:`Kilde.henvisning`)
og filnavnet kun som detalje.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Seed:
    """Et kildedokument, som en læser kender det."""

    # Kort titel uden år, fx "KL's høringssvar om 2. delaftale".
    titel: str
    aar: int
    # Hvad dokumentet er, i én sætning.
    beskrivelse: str
    # Afsendere, som dokumentets afsnit begynder med ("KL og 6-byerne: 2. Forenkling ..."):
    # henvisningen nævner da afsenderen og året i stedet for dokumentets titel.
    afsendere: tuple[str, ...] = ()

    @property
    def navn(self) -> str:
        """Titel og år, fx "KL's høringssvar om 2. delaftale (2022)"."""
        return f"{self.titel} ({self.aar})"


SEEDS = {
    "000_991c7bef0c1547ec.txt": Seed(
        "Anbefalinger til ekspertgruppen",
        2024,
        "En kommunal forvaltnings sammenfatning (2024) af KL's, 6-byernes og de nordjyske "
        "kommuners anbefalinger til ekspertgruppen om fremtidens beskæftigelsesindsats",
        afsendere=("KL og 6-byerne", "De nordjyske kommuner"),
    ),
    "001_563147e58c2b51e6.txt": Seed(
        "KL's høringssvar om 2. delaftale",
        2022,
        "KL's høringssvar (september 2022) til lovforslaget om 2. delaftale (besparelser i jobcentrene)",
    ),
    "002_5d57e95c82b3ac89.txt": Seed(
        "6-byernes udspil",
        2011,
        '6-byernes udspil (2011) "På vej mod fremtidens beskæftigelsessystem"',
    ),
    "003_8d1ffce9980bf276.txt": Seed(
        "Frikommuneforsøg II i Nordjylland",
        2020,
        "Pixi-udgave (2020) af evalueringen af Frikommuneforsøg II i Nordjylland, 2016-2020: "
        '"En mere fleksibel beskæftigelsesindsats"',
    ),
    "004_383c6e4443986835.txt": Seed(
        "Rebild Kommunes seminar om formkrav",
        2017,
        'Referat (2017) af Rebild Kommunes seminar om frikommuneforsøget "Formkrav ved lovpligtige samtaler"',
    ),
}


@dataclass(frozen=True)
class Kilde:
    """Et afsnit i et kildedokument (``shared/seeds/<fil>``)."""

    fil: str
    afsnit: str

    @property
    def henvisning(self) -> str:
        """Dokumentet og afsnittet, som en læser citerer dem, fx "KL og 6-byerne (2024), 2. Forenkling"."""
        seed = SEEDS[self.fil]
        for afsender in seed.afsendere:
            for skille in (": ", ", "):
                if self.afsnit.startswith(afsender + skille):
                    return f"{afsender} ({seed.aar}), {self.afsnit.removeprefix(afsender + skille)}"
        return f"{seed.navn}, {self.afsnit}"

    def som_dict(self) -> dict:
        """Som i JSON (``regimer --format json``, ``GET /regimer``): filen, afsnittet og henvisningen."""
        return {"fil": self.fil, "afsnit": self.afsnit, "henvisning": self.henvisning}


def laesbar(tekst: str) -> str:
    """En henvisning som "003_8d1ffce9980bf276.txt: Afsnit" (fx i en reformparameters reference)
    skrevet, som en læser citerer den, med filen som detalje; anden tekst uændret."""
    for fil in SEEDS:
        for skille in (": ", ", "):
            if tekst.startswith(fil + skille):
                return f"{Kilde(fil, tekst.removeprefix(fil + skille)).henvisning} ({fil})"
    return tekst
