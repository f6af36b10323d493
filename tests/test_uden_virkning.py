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

# Reformmodulerne og deres klasser, fundet én gang (reformklasser() gennemgår pakken ved hvert kald).
KLASSER = reformklasser()
ENKELTE = sorted(KLASSER)


def _beregn_hver(system, tilfaelde: list[tuple[dict, list[str], object]], periode: str) -> list[dict]:
    """Hver variabel for hver person i hvert (inddata, variabler, reformens system), som en simulering
    for tilfældet alene giver, én variabel ad gangen, så en manglende oplysning kun rammer sin variabel;
    tilfældene som én simulering, hvor de kan (``samlet.beregn_hver``). En variabel, ``system`` ikke
    har, har sin standardværdi fra reformens system."""

    def byg(system, indata):
        return byg_simulering_fra_test(system, indata, periode)

    egne = [[n for n in navne if n in system.variables] for _, navne, _ in tilfaelde]
    hver = beregn_hver(
        system,
        [(indata, e) for (indata, _, _), e in zip(tilfaelde, egne, strict=True)],
        periode,
        byg,
        (ValueError,),
    )
    resultater = []
    for (indata, navne, standard), beregnet in zip(tilfaelde, hver, strict=True):
        resultat = {}
        entiteter = ids(system, indata, byg) if len(beregnet) < len(navne) else {}
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


def _navne(modul: str) -> list[str]:
    """Det, sammenligningen viser en jurist, for reformens testpersoner."""
    return [u.variabel for u in alle_uddata(byg_system(GAELDENDE_RET))] + list(
        getattr(KLASSER[modul], "uddata", ())
    )


def _maanedens_tilfaelde(modul: str) -> dict[str, list[dict]]:
    """Testmåned → inddataene for reformens testpersoner i måneden."""
    maaneder: dict[str, list] = {}
    for t in reformens_tilfaelde(modul):
        maaneder.setdefault(str(t["period"]), []).append(t["input"])
    return maaneder


@functools.cache
def _gaeldende_rets() -> dict[tuple[str, str, int], dict]:
    """(modul, måned, nr) → gældende rets værdier for reformens nr'te testperson i måneden, uden
    reformens egne inddata; alle reformers testpersoner i en måned beregnes sammen."""
    gaeldende = byg_system(GAELDENDE_RET)
    maaneder: dict[str, list] = {}
    for modul in ENKELTE:
        kun_reformen = set(byg_system(modul).variables) - set(gaeldende.variables)
        for periode, indata in _maanedens_tilfaelde(modul).items():
            for nr, i in enumerate(indata):
                tilfaelde = (uden_reformens_inddata(i, kun_reformen), _navne(modul), byg_system(modul))
                maaneder.setdefault(periode, []).append(((modul, periode, nr), tilfaelde))
    resultater = {}
    for periode, tilfaelde in maaneder.items():
        beregnet = _beregn_hver(gaeldende, [t for _, t in tilfaelde], periode)
        resultater.update(zip((noegle for noegle, _ in tilfaelde), beregnet, strict=True))
    return resultater


@functools.cache
def _aendrede_maaneder(modul: str) -> dict[str, list[str]]:
    """Testmåned → de (person, variabel), reformen ændrer i den måned, for alle modulets testpersoner."""
    reform = byg_system(modul)
    maaneder: dict[str, list[str]] = {}
    for periode, indata in _maanedens_tilfaelde(modul).items():
        foer = [_gaeldende_rets()[(modul, periode, nr)] for nr in range(len(indata))]
        efter = _beregn_hver(reform, [(i, _navne(modul), reform) for i in indata], periode)
        maaneder[periode] = [
            f"{p}/{n}" for f, e in zip(foer, efter, strict=True) for (p, n) in e if f.get((p, n)) != e[(p, n)]
        ]
    return maaneder


@pytest.mark.parametrize("modul", ENKELTE)
def test_en_maaned_uden_virkning_er_erklaeret_og_en_erklaeret_maaned_er_uden_virkning(modul):
    perioder = getattr(KLASSER[modul], "uden_virkning", ())
    for maaned, aendret in sorted(_aendrede_maaneder(modul).items()):
        erklaeret = [u for u in perioder if u.daekker(maaned)]
        if not aendret:
            assert erklaeret, (
                f"{modul} ændrer intet for sine testpersoner i {maaned}: sig det i uden_virkning "
                "(UdenVirkning(fra, til, hvorfor)), eller giv en testperson, reformen ændrer noget for"
            )
        else:
            assert not erklaeret, f"{modul} siger 'uden virkning' i {maaned}, men ændrer {aendret[:5]}"


@pytest.mark.parametrize("modul", [m for m in ENKELTE if getattr(KLASSER[m], "uden_virkning", ())])
def test_hver_erklaeret_periode_har_en_testperson(modul):
    for u in KLASSER[modul].uden_virkning:
        assert isinstance(u, UdenVirkning) and u.hvorfor, u
        assert any(u.daekker(maaned) for maaned in _aendrede_maaneder(modul)), (
            f"{modul}: ingen testperson i perioden {u.tekst()}; tilføj et tilfælde (gældende ret og "
            "reformen, samme borger) i tests/reforms/" + f"{modul}.yaml"
        )


def test_perioderne_overlapper_ikke_og_er_ordnet():
    for modul, klasse in KLASSER.items():
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
