"""Ingen tavse nul-reformer (issue 16, punkt 9).

En reform, der i en måned intet ændrer for sine testpersoner (``tests/reforms/<modul>.yaml``),
fordi loven allerede har gjort det, skal sige det i ``uden_virkning``, og det, den siger, skal
passe: i hver erklæret måned ændrer den intet for nogen af dem, og hver erklæret periode har en
testperson, der viser det.

"Intet ændrer" måles på det, sammenligningen viser en jurist: kontraktens og lovområdernes uddata
(``uddata.alle_uddata``, der begynder med ``kontrakt.UDDATA``) plus reformens egne ``uddata``. En
variabel, der kun findes under reformen, sammenlignes med sin standardværdi; en værdi, der ikke
kan beregnes for testpersonen (manglende oplysning, hul i kilderne), tæller med som fejlens type.
"""

import functools
import itertools

import pytest
from hjaelpere import reformens_tilfaelde, uden_reformens_inddata
from samlet import beregn_hver, ids

from openfisca_dk_beskaeftigelse.beregning import byg_simulering_fra_test
from openfisca_dk_beskaeftigelse.reformstoette import UdenVirkning
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, reformklasser
from openfisca_dk_beskaeftigelse.uddata import alle_uddata

ENKELTE = sorted(reformklasser())


def _beregn_hver(system, tilfaelde: list[dict], periode: str, navne: list[str], standard) -> list[dict]:
    """Hver variabel for hver person i hvert tilfælde, som en simulering for tilfældet alene giver,
    én variabel ad gangen, så en manglende oplysning kun rammer sin variabel; alle tilfældene som
    én simulering (``samlet.beregn_hver``). En variabel, systemet ikke har, har standardværdien."""
    egne = [n for n in navne if n in system.variables]

    def byg(system, indata):
        return byg_simulering_fra_test(system, indata, periode)

    hver = beregn_hver(system, [(indata, egne) for indata in tilfaelde], periode, byg, (ValueError,))
    resultater = []
    for indata, beregnet in zip(tilfaelde, hver, strict=True):
        resultat = {}
        entiteter = ids(system, indata, byg) if len(egne) < len(navne) else {}
        for navn in navne:
            if navn not in system.variables:
                entitet = standard.variables[navn].entity.key
                resultat.update({(i, navn): _standard(standard, navn) for i in entiteter[entitet]})
            elif isinstance(beregnet[navn], ValueError):
                resultat[("*", navn)] = type(beregnet[navn]).__name__
            else:
                resultat.update({(v.id, navn): v.vaerdi for v in beregnet[navn]})
        resultater.append(resultat)
    return resultater


def _standard(system, navn: str):
    standard = system.variables[navn].default_value
    return getattr(standard, "name", standard)


@functools.cache
def _aendrede_maaneder(modul: str) -> dict[str, list[str]]:
    """Testmåned → de (person, variabel), reformen ændrer i den måned, for alle modulets testpersoner."""
    reform, gaeldende = byg_system(modul), byg_system(GAELDENDE_RET)
    kun_reformen = set(reform.variables) - set(gaeldende.variables)
    navne = [u.variabel for u in alle_uddata(gaeldende)] + list(getattr(reformklasser()[modul], "uddata", ()))
    tilfaelde: dict[str, list] = {}
    for t in reformens_tilfaelde(modul):
        tilfaelde.setdefault(str(t["period"]), []).append(t["input"])
    maaneder: dict[str, list[str]] = {}
    for periode, indata in tilfaelde.items():
        uden = [uden_reformens_inddata(i, kun_reformen) for i in indata]
        foer = _beregn_hver(gaeldende, uden, periode, navne, reform)
        efter = _beregn_hver(reform, indata, periode, navne, reform)
        maaneder[periode] = [
            f"{p}/{n}" for f, e in zip(foer, efter, strict=True) for (p, n) in e if f.get((p, n)) != e[(p, n)]
        ]
    return maaneder


@pytest.mark.parametrize("modul", ENKELTE)
def test_en_maaned_uden_virkning_er_erklaeret_og_en_erklaeret_maaned_er_uden_virkning(modul):
    perioder = getattr(reformklasser()[modul], "uden_virkning", ())
    for maaned, aendret in sorted(_aendrede_maaneder(modul).items()):
        erklaeret = [u for u in perioder if u.daekker(maaned)]
        if not aendret:
            assert erklaeret, (
                f"{modul} ændrer intet for sine testpersoner i {maaned}: sig det i uden_virkning "
                "(UdenVirkning(fra, til, hvorfor)), eller giv en testperson, reformen ændrer noget for"
            )
        else:
            assert not erklaeret, f"{modul} siger 'uden virkning' i {maaned}, men ændrer {aendret[:5]}"


@pytest.mark.parametrize("modul", [m for m in ENKELTE if getattr(reformklasser()[m], "uden_virkning", ())])
def test_hver_erklaeret_periode_har_en_testperson(modul):
    for u in reformklasser()[modul].uden_virkning:
        assert isinstance(u, UdenVirkning) and u.hvorfor, u
        assert any(u.daekker(maaned) for maaned in _aendrede_maaneder(modul)), (
            f"{modul}: ingen testperson i perioden {u.tekst()}; tilføj et tilfælde (gældende ret og "
            "reformen, samme borger) i tests/reforms/" + f"{modul}.yaml"
        )


def test_perioderne_overlapper_ikke_og_er_ordnet():
    for modul, klasse in reformklasser().items():
        perioder = getattr(klasse, "uden_virkning", ())
        for a, b in itertools.pairwise(perioder):
            assert a.til is not None and a.til < b.fra, (modul, a, b)


@pytest.mark.parametrize(
    ("periode", "maaned", "daekker"),
    [
        (UdenVirkning("2026-02-01", None, "x"), "2026-02", True),
        (UdenVirkning("2026-02-01", None, "x"), "2026-01", False),
        (UdenVirkning("2025-01-01", "2025-12-31", "x"), "2025-12", True),
        (UdenVirkning("2025-01-01", "2025-12-31", "x"), "2026-01", False),
        # En periode, der begynder midt i en måned, dækker ikke den måned.
        (UdenVirkning("2026-02-15", None, "x"), "2026-02", False),
    ],
)
def test_en_periode_daekker_hele_maaneder(periode, maaned, daekker):
    assert periode.daekker(maaned) is daekker
