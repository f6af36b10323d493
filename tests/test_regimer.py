"""Regimeregistret og reformerne: hver reform er testet mod gældende ret, ændrer noget,
kan stables i vilkårlig rækkefølge, og hvert regime beregner kontraktens uddata."""

import itertools
from pathlib import Path

import pytest
import yaml
from openfisca_core.parameters import Parameter, ParameterNode, load_parameter_file

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse.beregning import byg_simulering_fra_test, indlaes_situation, vaerdier
from openfisca_dk_beskaeftigelse.kilder import SEEDS
from openfisca_dk_beskaeftigelse.kontrakt import REFORMER, UDDATA
from openfisca_dk_beskaeftigelse.reformstoette import REFORMPARAMETRE
from openfisca_dk_beskaeftigelse.regimer import (
    GAELDENDE_RET,
    KATALOGSTATUS,
    PAKKER,
    UkendtRegimeError,
    alle_regimer,
    byg_system,
    katalog,
    reformklasser,
    regime,
)

REPO = Path(__file__).resolve().parent.parent
EKSEMPLER = sorted(pakke.EKSEMPELMAPPE.glob("*.yaml"))
PERIODE = "2026-03"
ENKELTE = sorted(reformklasser())


def _tilfaelde(modul: str) -> list[dict]:
    return yaml.safe_load((REPO / "tests" / "reforms" / f"{modul}.yaml").read_text(encoding="utf-8"))


def _beregn(system, indata: dict, periode: str, navne) -> dict:
    simulering = byg_simulering_fra_test(system, indata, periode)
    return {
        (v.entitet, v.id, v.variabel): v.vaerdi
        for v in vaerdier(system, simulering, periode, [n for n in navne if n in system.variables])
    }


def _stak(moduler) -> object:
    system = byg_system(GAELDENDE_RET)
    klasser = reformklasser()
    for modul in moduler:
        system = klasser[modul](system)
    return system


def test_kontraktens_reformer_findes_med_deres_klasse():
    klasser = reformklasser()
    for modul, klasse in REFORMER.items():
        assert modul in klasser, modul
        assert klasser[modul].__name__ == klasse


def test_registret_har_gaeldende_ret_hver_reform_og_pakkerne():
    regimer = alle_regimer()
    assert next(iter(regimer)) == GAELDENDE_RET
    assert set(ENKELTE) <= set(regimer)
    assert {p.noegle for p in PAKKER} <= set(regimer)
    for r in regimer.values():
        assert r.navn and r.status in ("gaeldende", "forslag", "annonceret"), r
        assert r.noegle == GAELDENDE_RET or r.kilder, r


@pytest.mark.parametrize("modul", ENKELTE)
def test_hver_reform_har_yaml_test_mod_gaeldende_ret(modul):
    tilfaelde = _tilfaelde(modul)
    sti = f"openfisca_dk_beskaeftigelse.reforms.{modul}.{reformklasser()[modul].__name__}"
    assert any(sti in t.get("reforms", []) for t in tilfaelde), "intet tilfælde med reformen"
    assert any(not t.get("reforms") for t in tilfaelde), "intet tilfælde under gældende ret"


def _uden(indata, navne: set[str]):
    """Testens input uden reformens egne inputvariabler, som gældende ret ikke kender."""
    if isinstance(indata, dict):
        return {k: _uden(v, navne) for k, v in indata.items() if k not in navne}
    return indata


@pytest.mark.parametrize("modul", ENKELTE)
def test_hver_reform_aendrer_mindst_et_uddata_for_en_testperson(modul):
    aendret = []
    kun_reformen = set(byg_system(modul).variables) - set(byg_system(GAELDENDE_RET).variables)
    for t in _tilfaelde(modul):
        if not t.get("reforms"):
            continue
        periode = str(t["period"])
        navne = list(t["output"])
        foer = _beregn(byg_system(GAELDENDE_RET), _uden(t["input"], kun_reformen), periode, navne)
        efter = _beregn(byg_system(modul), t["input"], periode, navne)
        # En variabel, som kun reformen har, sammenlignes med sin standardværdi (ingen ret, ingen dato).
        aendret += [n for n in efter if foer.get(n, _standard(byg_system(modul), n[2])) != efter[n]]
    assert aendret, f"{modul} ændrer ingen af de uddata, dens tests kontrollerer"


def _standard(system, navn: str):
    standard = system.variables[navn].default_value
    return getattr(standard, "name", standard)


@pytest.mark.parametrize("pakke_", PAKKER, ids=lambda p: p.noegle)
def test_pakkens_reformer_kan_stables_i_vilkaarlig_raekkefoelge(pakke_, system):
    navne = [n.navn for n in UDDATA] + [
        u for m in pakke_.moduler for u in getattr(reformklasser()[m], "uddata", ())
    ]
    raekkefoelger = [pakke_.moduler, tuple(reversed(pakke_.moduler))]
    systemer = [_stak(r) for r in raekkefoelger]
    for sti in EKSEMPLER:
        situation = indlaes_situation(sti)
        resultater = [_beregn(s, situation, PERIODE, navne) for s in systemer]
        assert resultater[0] == resultater[1], sti.name


def _alternativer() -> set[frozenset]:
    """Reformer, der er alternativer til hinanden (samme regel, to modeller) og ikke stables."""
    return {frozenset((m, a)) for m, k in reformklasser().items() for a in getattr(k, "alternativ_til", ())}


def test_alle_par_af_reformer_kan_stables_i_begge_raekkefoelger():
    """Eksemplerne i 2026-03 med kontraktens uddata, og hver reforms testpersoner i testenes egne
    måneder med reformens egne uddata og alt, testene kontrollerer."""
    klasser = reformklasser()
    kontrakt = tuple(n.navn for n in UDDATA)
    eksempler = [(indlaes_situation(sti), PERIODE, kontrakt) for sti in EKSEMPLER]
    for a, b in itertools.combinations(ENKELTE, 2):
        if frozenset((a, b)) in _alternativer():
            continue
        tilfaelde = [
            (t["input"], str(t["period"]), (*getattr(klasser[m], "uddata", ()), *t["output"]))
            for m in (a, b)
            for t in _tilfaelde(m)
        ]
        ab, ba = _stak((a, b)), _stak((b, a))
        for indata, periode, navne in eksempler + tilfaelde:
            assert _beregn(ab, indata, periode, navne) == _beregn(ba, indata, periode, navne), (a, b, periode)


def test_en_stak_med_plus_er_regimernes_reformer_i_raekkefoelge():
    stak = regime("ingen_jobafklaring+kl_og_6_byerne_2024+ingen_jobafklaring")
    pakken = alle_regimer()["kl_og_6_byerne_2024"].reformer
    assert stak.reformer == (reformklasser()["ingen_jobafklaring"], *pakken)
    assert stak.navn.startswith(alle_regimer()["ingen_jobafklaring"].navn + " + ")
    navne = [n.navn for n in UDDATA]
    forventet = _stak(("ingen_jobafklaring", *(r.__module__.rsplit(".", 1)[-1] for r in pakken)))
    for sti in EKSEMPLER:
        situation = indlaes_situation(sti)
        assert _beregn(byg_system(stak.noegle), situation, PERIODE, navne) == _beregn(
            forventet, situation, PERIODE, navne
        ), sti.name


@pytest.mark.parametrize(
    ("noegle", "i_beskeden"),
    [
        ("faerre_maalgrupper+paradis", "'paradis'"),
        ("faerre_maalgrupper+", "''"),
        ("tidsgraense_sygedagpenge+beskaeftigelsesreform_2027", "alternativer"),
    ],
)
def test_en_ugyldig_stak_afvises_med_grunden(noegle, i_beskeden):
    with pytest.raises(UkendtRegimeError) as fejl:
        regime(noegle)
    assert i_beskeden in str(fejl.value)


@pytest.mark.parametrize("noegle", list(alle_regimer()))
def test_hvert_regime_beregner_kontraktens_uddata_for_eksemplerne(noegle):
    system = byg_system(noegle)
    navne = [n.navn for n in UDDATA]
    for sti in EKSEMPLER:
        resultat = _beregn(system, indlaes_situation(sti), PERIODE, navne)
        assert resultat, sti.name


def test_kataloget_er_komplet_og_gyldigt():
    regimer = alle_regimer()
    punkter = katalog()
    for punkt in punkter:
        assert punkt["kilde"] in SEEDS, punkt
        assert punkt["status"] in KATALOGSTATUS, punkt
        assert punkt["afsnit"] and punkt["forslag"], punkt
        if punkt["status"] == "reform":
            assert punkt["regime"] in regimer, punkt
        if punkt["status"] == "lov":
            assert punkt.get("lov"), punkt
        if punkt["status"] in ("ikke_beregnelig", "ikke_modelleret"):
            assert punkt.get("hvorfor"), punkt
    i_kataloget = {p.get("regime") for p in punkter}
    assert set(ENKELTE) <= i_kataloget, set(ENKELTE) - i_kataloget
    assert {p["kilde"] for p in punkter} == set(SEEDS)


def _blade(node: ParameterNode):
    for barn in node.children.values():
        if isinstance(barn, ParameterNode):
            yield from _blade(barn)
        else:
            yield barn


@pytest.mark.parametrize("fil", sorted(REFORMPARAMETRE.glob("*.yaml")), ids=lambda f: f.stem)
def test_reformparametre_har_beskrivelse_enhed_og_kilde(fil):
    assert fil.stem in reformklasser(), "parameterfil uden reform"
    for blad in _blade(load_parameter_file(str(fil), name=fil.stem)):
        assert isinstance(blad, Parameter)
        assert blad.description, blad.name
        assert blad.metadata.get("unit"), blad.name
        titler = " ".join(str(r) for r in blad.metadata.get("reference") or [])
        assert any(seed in titler for seed in SEEDS), f"{blad.name}: reference nævner ingen kildefil"
