"""tests/samlet.py: mange situationer som én simulering giver hver situation det, den får alene."""

import copy

import samlet
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_beskaeftigelse import EKSEMPELMAPPE
from openfisca_dk_beskaeftigelse.beregning import (
    byg_simulering,
    byg_simulering_fra_test,
    indlaes_situation,
    vaerdier,
)
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer, byg_system
from openfisca_dk_beskaeftigelse.sammenligning import standardvariabler

PERIODE = "2026-03"
FEJL = (ParameterHulError, ManglendeOplysningError)


def _alene(system, situation: dict, navne) -> dict:
    """Som ``beregn_hver`` for én situation, men i sin egen simulering."""
    simulering = byg_simulering(system, copy.deepcopy(situation))
    resultat = {}
    for navn in navne:
        try:
            resultat[navn] = vaerdier(system, simulering, PERIODE, [navn])
        except FEJL as fejl:
            resultat[navn] = fejl
    return resultat


def _navne(system) -> list[str]:
    return [n for n in standardvariabler(system, [alle_regimer()[GAELDENDE_RET]]) if n in system.variables]


def _sammenlignelig(resultat: dict) -> dict:
    return {n: type(v).__name__ if isinstance(v, Exception) else v for n, v in resultat.items()}


def test_eksemplerne_samlet_er_eksemplerne_hver_for_sig():
    """Også arbejdsstederne, OpenFisca opretter for personer uden et (fx antal_ordinaert_ansatte
    fra værkstedet i et andet eksempel må ikke nå dem)."""
    system = byg_system(GAELDENDE_RET)
    navne = _navne(system)
    eksempler = [indlaes_situation(sti) for sti in sorted(EKSEMPELMAPPE.glob("*.yaml"))]
    assert any("virksomheder" in e for e in eksempler) and any("virksomheder" not in e for e in eksempler)
    # Eksemplerne giver deres inddata for de samme perioder: de samles alle.
    assert samlet._samlinger(system, dict(enumerate(eksempler))) == [list(range(len(eksempler)))]
    hver = samlet.beregn_hver(system, [(e, navne) for e in eksempler], PERIODE, byg_simulering, FEJL)
    for eksempel, resultat in zip(eksempler, hver, strict=True):
        assert _sammenlignelig(resultat) == _sammenlignelig(_alene(system, eksempel, navne))


def test_en_fejl_hos_en_person_rammer_kun_hendes_situation():
    """En sygemeldt uden sygemeldingsdato i samme samling som den forsikrede ledige: de variabler, der
    kræver datoen, fejler for hende alene; den ledige får sine værdier."""
    system = byg_system(GAELDENDE_RET)
    navne = _navne(system)
    syg = {"personer": {"syg": {"ydelse": {"2026": "sygedagpenge"}}}}
    ledig = indlaes_situation(EKSEMPELMAPPE / "forsikret_ledig.yaml")
    assert samlet._samlinger(system, {0: syg, 1: ledig}) == [[0, 1]]
    hver = samlet.beregn_hver(system, [(syg, navne), (ledig, navne)], PERIODE, byg_simulering, FEJL)
    hendes = [n for n, v in hver[0].items() if isinstance(v, ManglendeOplysningError)]
    assert hendes and not any(isinstance(hver[1][n], Exception) for n in hendes)
    for situation, resultat in zip((syg, ledig), hver, strict=True):
        assert _sammenlignelig(resultat) == _sammenlignelig(_alene(system, situation, navne))


def test_inddata_for_andre_perioder_eller_en_formels_variabel_samles_ikke():
    """OpenFisca fylder en måned, en anden situation har givet, med standardværdien, før den fordeler
    en værdi for året; og en formels variabel, én situation giver, bliver standardværdien for de andre."""
    system = byg_system(GAELDENDE_RET)
    ledig = indlaes_situation(EKSEMPELMAPPE / "forsikret_ledig.yaml")
    maaned = {"personer": {"syg": {"ydelse": {PERIODE: "sygedagpenge"}}}}
    formel = {"personer": {"x": {"maalgruppe": {PERIODE: "sygedagpengemodtager"}}}}
    assert system.variables["maalgruppe"].formulas and not system.variables["ydelse"].formulas
    assert samlet._samlinger(system, {0: maaned, 1: ledig, 2: formel}) == [[0], [1], [2]]
    navne = _navne(system)
    hver = samlet.beregn_hver(
        system, [(s, navne) for s in (maaned, ledig, formel)], PERIODE, byg_simulering, FEJL
    )
    for situation, resultat in zip((maaned, ledig, formel), hver, strict=True):
        assert _sammenlignelig(resultat) == _sammenlignelig(_alene(system, situation, navne))


def test_en_periode_skrevet_anderledes_end_openfiscas_beregnes_alene():
    """OpenFiscas egen bygger gemmer en værdi for "year:2025-01" under "2025", men slår op under den
    skrevne form: to personer i én simulering giver den første 0 timer (pakkens ``Bygger`` skriver
    nøglen om, se test_egne_inddata.py). Hver situation beregnes derfor alene."""
    system = byg_system(GAELDENDE_RET)
    timer = {"arbejdstimer": {"year:2025-01": 160}}
    begge = SimulationBuilder().build_from_entities(
        system, {"personer": {"a": copy.deepcopy(timer), "b": copy.deepcopy(timer)}}
    )
    assert list(begge.calculate("arbejdstimer", "2025-03")) == [0, 160]

    def byg(system, indata):
        return byg_simulering_fra_test(system, indata, "2025-03")

    hver = samlet.beregn_hver(system, [(timer, ["arbejdstimer"])] * 2, "2025-03", byg, FEJL)
    assert [[v.vaerdi for v in r["arbejdstimer"]] for r in hver] == [[160], [160]]
