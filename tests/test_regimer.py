"""Regimeregistret og reformerne: hver reform er testet mod gældende ret, ændrer noget,
kan stables i vilkårlig rækkefølge, og hvert regime beregner kontraktens uddata."""

import datetime
import functools
import itertools
import types

import numpy
import pytest
from hjaelpere import reformens_tilfaelde, uden_reformens_inddata
from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale, load_parameter_file
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable
from samlet import beregn_hver

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse import CountryTaxBenefitSystem
from openfisca_dk_beskaeftigelse.beregning import byg_simulering_fra_test, indlaes_situation
from openfisca_dk_beskaeftigelse.kilder import SEEDS
from openfisca_dk_beskaeftigelse.kontrakt import REFORMER, UDDATA
from openfisca_dk_beskaeftigelse.parametre import kopi
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

EKSEMPLER = sorted(pakke.EKSEMPELMAPPE.glob("*.yaml"))
EKSEMPLERNE = [indlaes_situation(sti) for sti in EKSEMPLER]
PERIODE = "2026-03"
# Reformmodulerne og deres klasser, fundet én gang (reformklasser() gennemgår pakken ved hvert kald).
KLASSER = reformklasser()
ENKELTE = sorted(KLASSER)


def _beregn_hver(system, tilfaelde, periode: str) -> list[dict]:
    """{(entitet, id, variabel): værdi} for hver (situation, variabler), som en simulering for
    situationen alene giver; alle situationerne som én simulering (``samlet.beregn_hver``)."""
    hver = beregn_hver(
        system,
        [(situation, [n for n in navne if n in system.variables]) for situation, navne in tilfaelde],
        periode,
        lambda system, situation: byg_simulering_fra_test(system, situation, periode),
    )
    return [
        {(v.entitet, v.id, v.variabel): v.vaerdi for b in beregnet.values() for v in b} for beregnet in hver
    ]


def _stak(moduler) -> object:
    """Reformerne lagt på i rækkefølge; den første reforms system er bygget én gang (byg_system)."""
    system = byg_system(moduler[0])
    for modul in moduler[1:]:
        system = KLASSER[modul](system)
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
    tilfaelde = reformens_tilfaelde(modul)
    sti = f"openfisca_dk_beskaeftigelse.reforms.{modul}.{KLASSER[modul].__name__}"
    assert any(sti in t.get("reforms", []) for t in tilfaelde), "intet tilfælde med reformen"
    assert any(not t.get("reforms") for t in tilfaelde), "intet tilfælde under gældende ret"


@pytest.mark.parametrize("modul", ENKELTE)
def test_hver_reform_aendrer_mindst_et_uddata_for_en_testperson(modul):
    aendret = []
    reform, gaeldende = byg_system(modul), byg_system(GAELDENDE_RET)
    kun_reformen = set(reform.variables) - set(gaeldende.variables)
    maaneder: dict[str, list] = {}
    for t in reformens_tilfaelde(modul):
        if t.get("reforms"):
            maaneder.setdefault(str(t["period"]), []).append(t)
    for periode, tilfaelde in maaneder.items():
        foer = _beregn_hver(
            gaeldende,
            [(uden_reformens_inddata(t["input"], kun_reformen), list(t["output"])) for t in tilfaelde],
            periode,
        )
        efter = _beregn_hver(reform, [(t["input"], list(t["output"])) for t in tilfaelde], periode)
        # En variabel, som kun reformen har, sammenlignes med sin standardværdi (ingen ret, ingen dato).
        for f, e in zip(foer, efter, strict=True):
            aendret += [n for n in e if f.get(n, _standard(reform, n[2])) != e[n]]
    assert aendret, f"{modul} ændrer ingen af de uddata, dens tests kontrollerer"


def _standard(system, navn: str):
    standard = system.variables[navn].default_value
    return getattr(standard, "name", standard)


@pytest.mark.parametrize("pakke_", PAKKER, ids=lambda p: p.noegle)
def test_pakkens_reformer_kan_stables_i_vilkaarlig_raekkefoelge(pakke_, system):
    navne = [n.navn for n in UDDATA] + [u for m in pakke_.moduler for u in getattr(KLASSER[m], "uddata", ())]
    raekkefoelger = [pakke_.moduler, tuple(reversed(pakke_.moduler))]
    forfra, bagfra = (
        _beregn_hver(_stak(r), [(e, navne) for e in EKSEMPLERNE], PERIODE) for r in raekkefoelger
    )
    for sti, a, b in zip(EKSEMPLER, forfra, bagfra, strict=True):
        assert a == b, sti.name


# Reformer, der er alternativer til hinanden (samme regel, to modeller) og ikke stables.
ALTERNATIVER = {frozenset((m, a)) for m, k in KLASSER.items() for a in getattr(k, "alternativ_til", ())}


def _uddata(output: dict) -> set[str]:
    """Variablerne, en tests ``output`` kontrollerer (også under ``personer``/``virksomheder``)."""
    navne = set()
    for noegle, v in output.items():
        if noegle in ("personer", "virksomheder"):
            navne |= {n for felter in v.values() for n in felter}
        else:
            navne.add(noegle)
    return navne


@functools.cache
def _grupper(modul: str | None) -> list[tuple[str, list[tuple[dict, tuple]]]]:
    """Testpersonerne som grupper (måned, [(situation, variabler)]), der hver beregnes som én simulering
    (``_beregn_hver``):
    for ``None`` eksemplerne i 2026-03 med kontraktens uddata, ellers reformens testpersoner per måned
    med reformens egne uddata og det, hver test kontrollerer."""
    if modul is None:
        return [(PERIODE, [(e, tuple(n.navn for n in UDDATA)) for e in EKSEMPLERNE])]
    maaneder: dict[str, list] = {}
    for t in reformens_tilfaelde(modul):
        navne = (*getattr(KLASSER[modul], "uddata", ()), *sorted(_uddata(t["output"])))
        maaneder.setdefault(str(t["period"]), []).append((t["input"], navne))
    return list(maaneder.items())


def _samme_funktion(f, g) -> bool:
    """Samme funktion, eller samme kode med de samme standardværdier og indfangede værdier."""
    if f is g:
        return True
    if not (isinstance(f, types.FunctionType) and isinstance(g, types.FunctionType)):
        return False
    if f.__code__ is not g.__code__ or f.__globals__ is not g.__globals__:
        return False
    # Samme kode har lige mange indfangede værdier.
    celler = [
        (x.cell_contents, y.cell_contents)
        for x, y in zip(f.__closure__ or (), g.__closure__ or (), strict=True)
    ]
    return _samme_vaerdi(f.__defaults__, g.__defaults__) and all(_samme_vaerdi(x, y) for x, y in celler)


def _samme_klasse(k: type, m: type) -> bool:
    """Samme klasse, eller samme navn, baser og indhold (en variabel, reformen definerer i ``apply``)."""
    if k is m:
        return True
    indhold = [n for n in k.__dict__ if n not in ("__dict__", "__weakref__")]
    return (
        (k.__module__, k.__qualname__) == (m.__module__, m.__qualname__)
        and _samme_vaerdi(k.__bases__, m.__bases__)
        and k.__dict__.keys() == m.__dict__.keys()
        and all(_samme_vaerdi(k.__dict__[n], m.__dict__[n]) for n in indhold)
    )


def _samme_vaerdi(x, y) -> bool:
    """Kun det, der beviseligt er ens: samme objekt, eller af samme slags med ens indhold."""
    if x is y:
        return True
    if type(x) is not type(y) and not (isinstance(x, type) and isinstance(y, type)):
        return False
    if isinstance(x, types.FunctionType):
        return _samme_funktion(x, y)
    if isinstance(x, type):
        return isinstance(y, type) and _samme_klasse(x, y)
    if isinstance(x, Variable):
        return _samme_variabel(x, y)
    if isinstance(x, list | tuple):
        return len(x) == len(y) and all(map(_samme_vaerdi, x, y))
    if isinstance(x, dict):
        return x.keys() == y.keys() and all(_samme_vaerdi(x[n], y[n]) for n in x)
    return isinstance(x, str | int | float | bool | datetime.date | numpy.generic) and bool(x == y)


def _samme_variabel(x: Variable, y: Variable) -> bool:
    """Samme klasse, egenskaber og entitet, og de samme formler fra de samme datoer."""
    if x is y:
        return True

    def egenskaber(v):
        return {k: w for k, w in vars(v).items() if k not in ("formulas", "baseline_variable", "entity")}

    return (
        _samme_klasse(type(x), type(y))
        and x.entity.key == y.entity.key
        and _samme_vaerdi(egenskaber(x), egenskaber(y))
        and list(x.formulas) == list(y.formulas)
        and all(_samme_funktion(x.formulas[dato], y.formulas[dato]) for dato in x.formulas)
    )


def _samme_parametre(x, y) -> bool:
    """Samme træ, samme type på hver knude og de samme daterede værdier."""
    if x is y:
        return True
    if type(x) is not type(y):
        return False
    if isinstance(x, ParameterNode):
        return x.children.keys() == y.children.keys() and all(
            _samme_parametre(x.children[n], y.children[n]) for n in x.children
        )
    if isinstance(x, ParameterScale):
        return (
            x.metadata == y.metadata
            and len(x.brackets) == len(y.brackets)
            and all(map(_samme_parametre, x.brackets, y.brackets))
        )
    return [(v.instant_str, v.value) for v in x.values_list] == [
        (v.instant_str, v.value) for v in y.values_list
    ]


def _samme_system(x, y) -> bool:
    """To systemer med de samme variabler og parametre beregner det samme for enhver borger."""
    return (
        x.variables.keys() == y.variables.keys()
        and all(_samme_variabel(x.variables[n], y.variables[n]) for n in x.variables)
        and _samme_parametre(x.parameters, y.parameters)
    )


def test_reformerne_aendrer_en_kopi_aldrig_gaeldende_ret():
    """Hvert regime (med og uden fremskrivning) ændrer sin kopi af parametrene (parametre.kopi):
    gældende rets træ er bagefter det samme som et nybygget, og en ændring i en kopi når ikke grundlaget."""
    for noegle in alle_regimer():
        byg_system(noegle)
        byg_system(noegle, fremskrivning=True)
    grundlag = byg_system(GAELDENDE_RET).parameters
    assert _samme_parametre(grundlag, CountryTaxBenefitSystem().parameters)
    kopien = kopi(grundlag)
    assert _samme_parametre(kopien, grundlag)
    kopiens_dage = kopien.sygedagpenge.arbejdsgiverperiode.dage.values_list[0]
    kopiens_dage.value += 1
    assert not _samme_parametre(kopien, grundlag)
    assert grundlag.sygedagpenge.arbejdsgiverperiode.dage.values_list[0].value + 1 == kopiens_dage.value


PAR = [
    pytest.param(a, b, id=f"{a}+{b}")
    for a, b in itertools.combinations(ENKELTE, 2)
    if frozenset((a, b)) not in ALTERNATIVER
]


@pytest.mark.parametrize(("a", "b"), PAR)
def test_alle_par_af_reformer_kan_stables_i_begge_raekkefoelger(a, b):
    """a+b og b+a er det samme system (så de giver de samme værdier for enhver borger), eller, hvor
    reformerne rører ved det samme, de samme værdier for eksemplerne og begge reformers testpersoner."""
    ab, ba = _stak((a, b)), _stak((b, a))
    if _samme_system(ab, ba):
        return
    for periode, gruppe in [*_grupper(None), *_grupper(a), *_grupper(b)]:
        assert _beregn_hver(ab, gruppe, periode) == _beregn_hver(ba, gruppe, periode), periode


class _SaetDage(Reform):
    name = "arbejdsgiverperioden sat til 10 dage"

    def apply(self):
        def saet(parametre):
            parametre.sygedagpenge.arbejdsgiverperiode.dage.update(period="year:2020:10", value=10)
            return parametre

        self.modify_parameters(saet)


class _DobbeltDage(Reform):
    name = "arbejdsgiverperioden fordoblet"

    def apply(self):
        def dobbelt(parametre):
            dage = parametre.sygedagpenge.arbejdsgiverperiode.dage
            dage.update(period="year:2020:10", value=2 * dage("2020-01-01"))
            return parametre

        self.modify_parameters(dobbelt)


def test_sammenligningen_af_stakke_ser_en_forskel():
    """Kontrol af genvejen i testen ovenfor: to reformer, der ikke kan byttes om, er ikke samme system."""
    grund = byg_system(GAELDENDE_RET)
    assert _samme_system(_SaetDage(grund), _SaetDage(grund))
    assert not _samme_system(_DobbeltDage(_SaetDage(grund)), _SaetDage(_DobbeltDage(grund)))
    # ingen_fast_opfoelgningskadence bygger på det foregående regimes mindste antal samtaler
    # (tidligere_formel); prioriteret_opfoelgning_sygedagpenge erstatter det.
    ab, ba = (
        _stak(("ingen_fast_opfoelgningskadence", "prioriteret_opfoelgning_sygedagpenge")),
        _stak(("prioriteret_opfoelgning_sygedagpenge", "ingen_fast_opfoelgningskadence")),
    )
    assert not _samme_system(ab, ba), "reformerne ændrer samme variabel, den ene med tidligere_formel"


def test_en_stak_med_plus_er_regimernes_reformer_i_raekkefoelge():
    stak = regime("ingen_jobafklaring+kl_og_6_byerne_2024+ingen_jobafklaring")
    pakken = alle_regimer()["kl_og_6_byerne_2024"].reformer
    assert stak.reformer == (KLASSER["ingen_jobafklaring"], *pakken)
    assert stak.navn.startswith(alle_regimer()["ingen_jobafklaring"].navn + " + ")
    navne = [n.navn for n in UDDATA]
    forventet = _stak(("ingen_jobafklaring", *(r.__module__.rsplit(".", 1)[-1] for r in pakken)))
    tilfaelde = [(e, navne) for e in EKSEMPLERNE]
    stakkens = _beregn_hver(byg_system(stak.noegle), tilfaelde, PERIODE)
    for sti, a, b in zip(EKSEMPLER, stakkens, _beregn_hver(forventet, tilfaelde, PERIODE), strict=True):
        assert a == b, sti.name


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
    navne = [n.navn for n in UDDATA]
    resultater = _beregn_hver(byg_system(noegle), [(e, navne) for e in EKSEMPLERNE], PERIODE)
    for sti, resultat in zip(EKSEMPLER, resultater, strict=True):
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
    assert fil.stem in KLASSER, "parameterfil uden reform"
    for blad in _blade(load_parameter_file(str(fil), name=fil.stem)):
        assert isinstance(blad, Parameter)
        assert blad.description, blad.name
        assert blad.metadata.get("unit"), blad.name
        titler = " ".join(str(r) for r in blad.metadata.get("reference") or [])
        assert any(seed in titler for seed in SEEDS), f"{blad.name}: reference nævner ingen kildefil"
