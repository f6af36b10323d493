"""Genbrug af gældende rets resultater: et regime giver præcis det samme som en fuld beregning.

For hvert regime i registret beregnes eksemplerne (``examples/*.yaml``) og en syntetisk
befolkning to gange: fuldt (en ny simulering for regimet) og med genbrug af gældende rets
værdier for alt, regimets reformer ikke kan nå. Værdierne skal være ens til sidste bit.
"""

import copy
import functools

import numpy
import pytest
from openfisca_core import periods
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable
from samlet import beregn_hver

from openfisca_dk_beskaeftigelse import EKSEMPELMAPPE, genbrug, reformfil
from openfisca_dk_beskaeftigelse.beregning import byg_simulering as byg_simulering_fra_situation
from openfisca_dk_beskaeftigelse.beregning import (
    inddata_uden_for_regimer,
    indlaes_situation,
    uden_inddata,
    vaerdier,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.fremskrivning import foelg
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.population import byg_simulering, generer, har_reforminput
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre, aendr_vaerdier
from openfisca_dk_beskaeftigelse.regimer import (
    GAELDENDE_RET,
    alle_regimer,
    byg_system,
    regime,
    registrets_systemer,
)
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, standardvariabler
from openfisca_dk_beskaeftigelse.uddata import alle_uddata

PERIODE = "2026-03"
REGIMER = [n for n in alle_regimer() if n != GAELDENDE_RET]
EKSEMPLER = sorted(EKSEMPELMAPPE.glob("*.yaml"))


def _vaerdier(simulering, system, navne):
    """Hver variabels array (eller hullets tekst) for perioden."""
    resultat = {}
    for navn in navne:
        if navn not in system.variables:
            continue
        try:
            resultat[navn] = numpy.asarray(simulering.calculate(navn, PERIODE))
        except ParameterHulError as hul:
            resultat[navn] = str(hul)
    return resultat


def _ens(a, b) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return a.dtype == b.dtype and numpy.array_equal(a, b)


@functools.cache
def _befolkning():
    return generer(4_000, PERIODE, byg_system(GAELDENDE_RET), seed=3)


@pytest.fixture(scope="module")
def befolkning():
    return _befolkning()


@pytest.fixture(scope="module")
def grundlag(befolkning):
    system = byg_system(GAELDENDE_RET)
    simulering = byg_simulering(system, befolkning)
    inddata = genbrug.inddata(simulering)
    afhaengigheder = genbrug.spor(simulering)
    navne = [u.variabel for u in alle_uddata(system)]
    _vaerdier(simulering, system, navne)
    genbrug.skrivebeskyt(simulering)
    return simulering, afhaengigheder, inddata


def _uddata(noegle):
    system = byg_system(noegle)
    return [u.variabel for u in alle_uddata(system)] + [
        n for r in regime(noegle).reformer for n in getattr(r, "uddata", ())
    ]


@functools.cache
def _fuld(noegle):
    """Regimets fulde beregning af befolkningen (en ny simulering for regimet); én gang per proces,
    og kun for de regimer, processens tests beder om (pytest-xdist fordeler dem)."""
    system = byg_system(noegle)
    return _vaerdier(byg_simulering(system, _befolkning()), system, _uddata(noegle))


@pytest.mark.parametrize("noegle", REGIMER)
def test_befolkningen_under_regimet_er_som_en_fuld_beregning(noegle, befolkning, grundlag):
    system = byg_system(noegle)
    # Som i effekt: et regime med egne input i befolkningen (population.REFORMINPUT) bygger sin simulering.
    simulering = genbrug.regimets_simulering(
        system,
        *grundlag,
        lambda: byg_simulering(system, befolkning),
        egne_inddata=har_reforminput(system, befolkning),
    )
    med_genbrug = _vaerdier(simulering, system, _uddata(noegle))
    assert [n for n, v in _fuld(noegle).items() if not _ens(v, med_genbrug[n])] == []
    # Noget er genbrugt: samme array som gældende rets.
    maaned = periods.period(PERIODE)
    assert any(
        simulering.get_holder(n).get_array(maaned) is grundlag[0].get_holder(n).get_array(maaned)
        for n in med_genbrug
        if n in byg_system(GAELDENDE_RET).variables
    )


def test_sammenligningen_med_fuld_beregning_kan_fejle(grundlag):
    """De fleste regimer ændrer noget i befolkningen i 2026-03, så ens værdier er ikke gratis.

    (Regimer, der kun ændrer andre år, fx a-kassens første periode før 2024, ændrer intet her.)
    """
    fulde = {noegle: _fuld(noegle) for noegle in REGIMER}
    navne = sorted({n for v in fulde.values() for n in v})
    grund = _vaerdier(grundlag[0], byg_system(GAELDENDE_RET), navne)
    aendrer = [
        n for n, v in fulde.items() if any(k not in grund or not _ens(x, grund[k]) for k, x in v.items())
    ]
    assert len(aendrer) >= 0.75 * len(REGIMER), sorted(set(REGIMER) - set(aendrer))


def _fulde(situationer: list[dict], noegler, periode: str) -> dict[str, list[tuple[dict, set]]]:
    """Hvert regimes fulde beregning af hver situation (en ny simulering for regimet med de inddata,
    regimet kender): regime → [(værdierne, hullerne)], én per situation.

    Situationerne beregnes som én simulering per regime (``samlet.beregn_hver``), med præcis det,
    en simulering for hver alene giver.
    """
    regimer = [regime(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])]
    navne = standardvariabler(byg_system(GAELDENDE_RET), regimer)
    systemer = {r.noegle: byg_system(r.noegle) for r in regimer}
    ukendte = [inddata_uden_for_regimer(systemer, s, registrets_systemer) for s in situationer]
    fulde = {}
    for r in regimer:
        system = systemer[r.noegle]
        tilfaelde = [
            (
                uden_inddata(s, [sted for sted, regimer in u.items() if r.noegle in regimer]),
                [n for n in navne if n in system.variables],
            )
            for s, u in zip(situationer, ukendte, strict=True)
        ]
        hver = beregn_hver(system, tilfaelde, periode, byg_simulering_fra_situation, (ParameterHulError,))
        fulde[r.noegle] = [
            (
                {
                    (v.entitet, v.id, v.variabel): v
                    for b in beregnet.values()
                    if not isinstance(b, ParameterHulError)
                    for v in b
                },
                {n for n, b in beregnet.items() if isinstance(b, ParameterHulError)},
            )
            for beregnet in hver
        ]
    return fulde


@functools.cache
def _eksemplernes_fulde(noegler: tuple[str, ...], periode: str):
    """``_fulde`` for eksemplerne; én gang per proces for alle eksemplernes tests."""
    return _fulde([indlaes_situation(e) for e in EKSEMPLER], noegler, periode)


def _som_fuld_beregning(situation, noegler, fulde, periode=PERIODE):
    """``sammenlign`` med genbrug mod hvert regimes fulde beregning af situationen (``_fulde``)."""
    sammenligning = sammenlign(situation, periode, noegler)
    assert [r.noegle for r in sammenligning.regimer] == list(fulde)
    medlemmer = {(x.entitet, x.id) for x in sammenligning.raekker}
    for r in sammenligning.regimer:
        vaerdierne, huller = fulde[r.noegle]
        forventet = {k: v for k, v in vaerdierne.items() if k[:2] in medlemmer}
        faktisk = {
            (x.entitet, x.id, x.variabel): x.vaerdier[r.noegle]
            for x in sammenligning.raekker
            if r.noegle in x.vaerdier
        }
        assert {x.variabel for x in sammenligning.raekker if r.noegle in x.huller} == huller, r.noegle
        assert faktisk == forventet, r.noegle
    return sammenligning


@pytest.mark.parametrize("nr", range(len(EKSEMPLER)), ids=[sti.stem for sti in EKSEMPLER])
def test_sammenligningen_af_eksemplet_er_hvert_regimes_fulde_beregning(nr):
    fulde = _eksemplernes_fulde(tuple(REGIMER), PERIODE)
    _som_fuld_beregning(indlaes_situation(EKSEMPLER[nr]), REGIMER, {n: f[nr] for n, f in fulde.items()})


def test_et_inddata_kun_en_reform_kender_gives_til_den_med_genbrug():
    situation = indlaes_situation(EKSEMPELMAPPE / "forsikret_ledig.yaml")
    person = next(iter(situation["personer"].values()))
    person["i_ivaerksaetterforloeb"] = {PERIODE: True}
    noegler = ["ivaerksaetteri", "faerre_maalgrupper"]
    fulde = {n: f[0] for n, f in _fulde([situation], noegler, PERIODE).items()}
    sammenligning = _som_fuld_beregning(situation, noegler, fulde)
    assert any("i_ivaerksaetterforloeb" in a for a in sammenligning.advarsler)


@pytest.mark.parametrize("fil", sorted((EKSEMPELMAPPE / "reformer").glob("*.yaml")), ids=lambda sti: sti.stem)
def test_en_reformfil_med_genbrug_er_dens_fulde_beregning(fil):
    reformfil.indlaes_regimer([str(fil)])
    noegler = [str(fil), f"faerre_maalgrupper+{fil}"]
    situationer = [indlaes_situation(e) for e in EKSEMPLER]
    fulde = _fulde(situationer, noegler, "2027-03")
    for nr, situation in enumerate(situationer):
        _som_fuld_beregning(situation, noegler, {n: f[nr] for n, f in fulde.items()}, "2027-03")


class _FemSamtaler(Reform):
    """Test: kommunens jobsamtaler for forsikrede ledige sættes til 5 (en parameter)."""

    name = "Test: fem samtaler"

    def apply(self):
        sti = "lab.kontaktforloeb.kommune_samtaler_6_maaneder.forsikret_ledig"
        aendr_parametre(self, lambda parametre: aendr_vaerdier(parametre, sti, lambda _: 5))


def test_en_parameter_beroerer_dem_der_laeser_den_og_dem_der_bygger_paa_dem(befolkning, grundlag):
    simulering, afhaengigheder, _ = grundlag
    system = _FemSamtaler(byg_system(GAELDENDE_RET))
    aendret = genbrug.aendringer(byg_system(GAELDENDE_RET), system)
    assert aendret.variabler == frozenset()
    assert aendret.parametre == ("lab.kontaktforloeb.kommune_samtaler_6_maaneder.forsikret_ledig",)
    maaned = periods.period(PERIODE)
    beroerte = {navn for navn, p in genbrug.beroerte(afhaengigheder, aendret) if p == maaned}
    # Parameteren slås op per regelgruppe; summen af samtalerne bygger på den.
    assert {"kontaktforloeb_samtaler_kommune", "kontaktforloeb_min_samtaler_6_maaneder"} <= beroerte
    assert not {"maalgruppe", "regelgruppe", "alder", "sygedagpenge_maanedsbeloeb"} & beroerte


def _hoejere_dagpengeloft_fra(dato: str):
    class _HoejereLoft(Reform):
        """Test: dagpengenes maksimum (et blad) hæves fra ``dato``."""

        name = f"Test: højere dagpengeloft fra {dato}"

        def apply(self):
            def aendr(parametre):
                parametre.afl.dagpenge.maksimum_maaned.update(start=periods.instant(dato), value=30_000)
                return parametre

            self.modify_parameters(aendr)

    return _HoejereLoft(byg_system(GAELDENDE_RET))


def test_et_blad_aendret_fra_en_senere_dato_beroerer_ingen_foer_den(befolkning, grundlag):
    # Sporet er fra 2026-03: en ændring fra 2027 ændrer intet, der blev læst; en fra 2026-01 gør.
    _, afhaengigheder, _ = grundlag
    senere = genbrug.aendringer(byg_system(GAELDENDE_RET), _hoejere_dagpengeloft_fra("2027-01-01"))
    nu = genbrug.aendringer(byg_system(GAELDENDE_RET), _hoejere_dagpengeloft_fra("2026-01-01"))
    assert senere.parametre == nu.parametre == ("afl.dagpenge.maksimum_maaned",)
    assert senere.parameter_aendret("afl.dagpenge.maksimum_maaned")
    assert not senere.parameter_aendret_paa("afl.dagpenge.maksimum_maaned", "2026-03-01")
    assert senere.parameter_aendret_paa("afl.dagpenge.maksimum_maaned", "2027-01-01")
    assert nu.parameter_aendret_paa("afl.dagpenge.maksimum_maaned", "2026-03-01")
    assert "dagpenge_maanedssats" in {navn for navn, _ in genbrug.beroerte(afhaengigheder, nu)}
    assert genbrug.beroerte(afhaengigheder, senere) == set()


class _AeldreFolkepension(Reform):
    """Test: folkepensionsalderen (en skala) hæves et år for alle."""

    name = "Test: folkepension et år senere"

    def apply(self):
        def aendr(parametre):
            for trin in parametre.pension.folkepensionsalder.brackets:
                for vaerdi in trin.amount.values_list:
                    vaerdi.value += 1
            return parametre

        self.modify_parameters(aendr)


def test_en_skala_er_en_parameter_som_andre(befolkning, grundlag):
    simulering, afhaengigheder, inddata = grundlag
    system = _AeldreFolkepension(byg_system(GAELDENDE_RET))
    aendret = genbrug.aendringer(byg_system(GAELDENDE_RET), system)
    assert aendret.parametre == ("pension.folkepensionsalder",)
    beroerte = {navn for navn, _ in genbrug.beroerte(afhaengigheder, aendret)}
    assert "folkepensionsalder_dato" in beroerte
    navne = ["folkepensionsalder_dato", "har_naaet_folkepensionsalder", "sygedagpenge_ret_kommune"]
    fuld = _vaerdier(byg_simulering(system, befolkning), system, navne)
    med_genbrug = _vaerdier(
        genbrug.regimets_simulering(system, simulering, afhaengigheder, inddata, None), system, navne
    )
    assert all(_ens(fuld[n], med_genbrug[n]) for n in navne)


class _ForsoergerpligtForAlle(Reform):
    """Test: et input får en formel (alle har forsørgerpligt); inddataene læses igen af regimet."""

    name = "Test: forsørgerpligt for alle"

    def apply(self):
        class har_forsoergerpligt(Variable):
            value_type = bool
            entity = Person
            definition_period = MONTH
            label = "Forsørgerpligt (test)"

            def formula(person, period):
                return numpy.ones(person.count, dtype=bool)

        self.update_variable(har_forsoergerpligt)


def test_et_aendret_input_bygges_med_regimets_definition(befolkning, grundlag):
    system = _ForsoergerpligtForAlle(byg_system(GAELDENDE_RET))
    bygget = []

    def byg():
        bygget.append(True)
        return byg_simulering(system, befolkning)

    navne = ["har_forsoergerpligt", "kontanthjaelp_sats", "maalgruppe"]
    med_genbrug = _vaerdier(genbrug.regimets_simulering(system, *grundlag, byg), system, navne)
    fuld = _vaerdier(byg_simulering(system, befolkning), system, navne)
    assert bygget == [True]
    assert all(_ens(fuld[n], med_genbrug[n]) for n in navne)


class _AendrerGrundlagetsArray(Reform):
    """Test: en formel, der skriver i et array, den har fået af simuleringen (en fejl)."""

    name = "Test: skriver i et delt array"

    def apply(self):
        class kontaktforloeb_efter_aftale(Variable):
            label = "Test"

            def formula(person, period):
                omfattet = person("kontaktforloeb_omfattet", period)
                omfattet[:] = False
                return omfattet

        self.update_variable(kontaktforloeb_efter_aftale)


def test_en_formel_der_aendrer_et_delt_array_fejler_i_stedet_for_at_regne_forkert(grundlag):
    system = _AendrerGrundlagetsArray(byg_system(GAELDENDE_RET))
    simulering = genbrug.regimets_simulering(system, *grundlag, None)
    with pytest.raises(ValueError, match="read-only"):
        simulering.calculate("kontaktforloeb_efter_aftale", PERIODE)


def test_hvert_regimes_system_bygges_en_gang_og_en_stak_bygger_paa_sine_foerste_reformer():
    for noegle in alle_regimer():
        assert byg_system(noegle) is byg_system(noegle), noegle
    stak = byg_system("faerre_maalgrupper+ingen_jobafklaring")
    assert stak is byg_system("faerre_maalgrupper+ingen_jobafklaring")
    assert stak.baseline is byg_system("faerre_maalgrupper")


def test_web_apiets_regimer_og_sammenlign_deler_systemerne(monkeypatch):
    from openfisca_dk_beskaeftigelse import sammenligning, webapp

    til_apps, til_sammenlign = [], []
    monkeypatch.setattr(webapp, "openfisca_app", til_apps.append)

    def byg(noegle, fremskrivning=False):
        til_sammenlign.append(byg_system(noegle, fremskrivning))
        return til_sammenlign[-1]

    monkeypatch.setattr(sammenligning, "byg_system", byg)
    for noegle in alle_regimer():
        webapp.regimets_app.__wrapped__(noegle)  # uden appens cache: den bygges her
    sammenlign(indlaes_situation(EKSEMPLER[0]), PERIODE, list(alle_regimer()))
    assert [id(s) for s in til_apps] == [id(byg_system(n)) for n in alle_regimer()]
    assert {id(s) for s in til_sammenlign} == {id(s) for s in til_apps}


@pytest.mark.parametrize("eksempel", EKSEMPLER[:3], ids=lambda sti: sti.stem)
def test_med_fremskrivning_er_vaerdier_og_fremskrevne_satser_hvert_regimes_fulde_beregning(eksempel):
    """2028 bygger på fremskrevne satser: genbruget skal markere de samme som en fuld beregning.

    Den fulde beregning følger de fremskrevne satser med fremskrivningens eget spor (``foelg``).
    """
    periode = "2028-03"
    situation = indlaes_situation(eksempel)
    sammenligning = sammenlign(situation, periode, REGIMER, fremskrivning=True)
    navne = standardvariabler(byg_system(GAELDENDE_RET), sammenligning.regimer)
    medlemmer = {(x.entitet, x.id) for x in sammenligning.raekker}
    markeret = 0
    for r in sammenligning.regimer:
        system = byg_system(r.noegle, fremskrivning=True)
        simulering = byg_simulering_fra_situation(system, copy.deepcopy(situation))
        spor = foelg(simulering)
        forventet = {}
        for navn in (n for n in navne if n in system.variables):
            maerke = spor.maerke()
            try:
                beregnede = vaerdier(system, simulering, periode, [navn])
            except ParameterHulError:
                continue
            laeste = spor.laest_siden(maerke)
            forventet.update(
                {
                    (v.entitet, v.id, v.variabel): (v, laeste)
                    for v in beregnede
                    if (v.entitet, v.id) in medlemmer
                }
            )
        faktisk = {
            (x.entitet, x.id, x.variabel): (x.vaerdier[r.noegle], x.fremskrevne.get(r.noegle, []))
            for x in sammenligning.raekker
            if r.noegle in x.vaerdier
        }
        assert faktisk == forventet, r.noegle
        markeret += sum(1 for _, laeste in faktisk.values() if laeste)
    assert markeret > 0
