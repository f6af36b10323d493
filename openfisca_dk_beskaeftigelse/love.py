"""Lovene, modellen henviser til, med deres adresse på retsinformation.dk.

En variabel angiver sin hjemmel som ``reference = LAB.paragraf("§ 6, nr. 1")``; det giver
``["LAB § 6, nr. 1", "https://www.retsinformation.dk/eli/lta/2024/280"]``: paragraffen
først, så den konsoliderede lov, paragrafnummeret henviser til.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Lov:
    forkortelse: str
    titel: str
    url: str

    def paragraf(self, *paragraffer: str) -> list[str]:
        """Hjemlen som liste: én linje per paragraf, og lovens adresse til sidst."""
        return [f"{self.forkortelse} {p}" for p in paragraffer] + [self.url]


def _eli(aar: int, nummer: int) -> str:
    return f"https://www.retsinformation.dk/eli/lta/{aar}/{nummer}"


LAB = Lov("LAB", "Lov om en aktiv beskæftigelsesindsats (LBK nr. 280 af 1.3.2024)", _eli(2024, 280))
SDL = Lov("SDL", "Lov om sygedagpenge (LBK nr. 97 af 2025)", _eli(2025, 97))
AFL = Lov("AFL", "Lov om arbejdsløshedsforsikring m.v. (LBK nr. 1077 af 28.8.2025)", _eli(2025, 1077))
LAS = Lov("LAS", "Lov om aktiv socialpolitik / aktivloven (LBK nr. 1004 af 30.6.2025)", _eli(2025, 1004))
LOB = Lov(
    "LOB",
    "Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. (LBK nr. 1294 af 20.9.2022)",
    _eli(2022, 1294),
)
LOV_1750_2025 = Lov(
    "Lov nr. 1750/2025",
    "Reform af beskæftigelsesindsatsen, fase 1 (lov nr. 1750 af 29.12.2025)",
    _eli(2025, 1750),
)
LOV_1657_2024 = Lov(
    "Lov nr. 1657/2024",
    "Forenkling af sygedagpengesystemet (lov nr. 1657 af 30.12.2024)",
    _eli(2024, 1657),
)
LOV_1655_2024 = Lov(
    "Lov nr. 1655/2024", "Nyt kontanthjælpssystem (lov nr. 1655 af 30.12.2024)", _eli(2024, 1655)
)
LOV_727_2023 = Lov(
    "Lov nr. 727/2023",
    "A-kassernes ansvar for kontaktforløbet i de første 3 måneder (lov nr. 727 af 13.6.2023)",
    _eli(2023, 727),
)
LOV_295_2023 = Lov(
    "Lov nr. 295/2023", "Samtaler over video eller telefon m.v. (lov nr. 295 af 20.3.2023)", _eli(2023, 295)
)
LOV_1555_2019 = Lov(
    "Lov nr. 1555/2019",
    "Lægeattest LÆ 285 ikke længere obligatorisk (lov nr. 1555 af 27.12.2019)",
    _eli(2019, 1555),
)
LOV_548_2019 = Lov(
    "Lov nr. 548/2019", "Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7.5.2019)", _eli(2019, 548)
)
LOV_551_2019 = Lov(
    "Lov nr. 551/2019",
    "Konsekvensændringer til ny LAB, bl.a. sygedagpengeloven (lov nr. 551 af 7.5.2019)",
    _eli(2019, 551),
)
LOV_2590_2021 = Lov(
    "Lov nr. 2590/2021",
    "1. delaftale: samtaler over telefon og video m.v. (lov nr. 2590 af 28.12.2021)",
    _eli(2021, 2590),
)
BEK_2636_2021 = Lov(
    "BEK nr. 2636/2021", "Bekendtgørelse om en aktiv beskæftigelsesindsats (til 31.12.2023)", _eli(2021, 2636)
)
BEK_1216_2023 = Lov(
    "BEK nr. 1216/2023", "Bekendtgørelse om en aktiv beskæftigelsesindsats (fra 1.1.2024)", _eli(2023, 1216)
)
BEK_1710_2024 = Lov("BEK nr. 1710/2024", "Bekendtgørelse om opfølgning i sygedagpengesager", _eli(2024, 1710))
AMBL = Lov("AMBL", "Lov om arbejdsmarkedsbidrag (lov nr. 471 af 12.6.2009)", _eli(2009, 471))
PENSIONSLOVEN = Lov("Pensionsloven", "Lov om social pension (LBK nr. 527 af 25.4.2022)", _eli(2022, 527))
SDL_2022 = Lov(
    "SDL (LBK nr. 1263/2022)",
    "Lov om sygedagpenge (LBK nr. 1263 af 2.9.2022) med de midlertidige covid-19-regler i kapitel 8 a",
    _eli(2022, 1263),
)
BEK_2408_2021 = Lov(
    "BEK nr. 2408/2021", "Bekendtgørelse om rehabiliteringsplan og rehabiliteringsteam m.v.", _eli(2021, 2408)
)
LAS_2023 = Lov(
    "LAS (2023)",
    "Lov om aktiv socialpolitik før det nye kontanthjælpssystem (LBK nr. 1031 af 22.6.2023)",
    _eli(2023, 1031),
)
