"""Effektberegningens motor: bidder af hele arbejdssteder, processer, Dask og flere måneder.

Bidderne skal tilsammen give præcis det samme som hele befolkningen på én gang: hvert tal til
kronen og personen, og hver persons værdier.
"""

import collections
import json
import subprocess

import numpy
import pytest
from hjaelpere import koer

from openfisca_dk_beskaeftigelse import EKSEMPELMAPPE, klynge, reformfil
from openfisca_dk_beskaeftigelse.beregning import BrugerFejl
from openfisca_dk_beskaeftigelse.effekt import (
    MINDST_EN_ART,
    SAMMENLAEGNING,
    _moenstre,
    _optael_bid,
    _Optaelling,
    _personer_med_aendring,
    effekt,
)
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.population import bidnumre, byg_simulering, del_op, generer
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer, byg_system
from openfisca_dk_beskaeftigelse.uddata import ARTER, alle_uddata

PERIODE = "2026-03"
NOGLE_REGIMER = ["ingen_jobafklaring", "faerre_maalgrupper", "fleksible_forholdstal"]


def _tal(resultat):
    return [(r["maal"], r["kategori"], r["regime"], r["vaerdi"]) for r in resultat.raekker]


def test_bidder_i_to_processer_giver_hele_befolkningens_tal_for_alle_regimer():
    regimer = list(alle_regimer())
    hel = effekt(regimer, PERIODE, 3_000, seed=5, arbejdere=1, bidder=1)
    i_bidder = effekt(regimer, PERIODE, 3_000, seed=5, arbejdere=2, bidder=3)
    # Samme tal, i samme rækkefølge og med de samme huller; ikke blot tæt på.
    assert _tal(i_bidder) == _tal(hel)
    assert i_bidder.huller == hel.huller
    assert len(hel.raekker) > 10 * len(regimer)


def _variabler_med_hul(bid, noegler, fremskrivning=False):
    optaelling = _optael_bid(bid, noegler, [], fremskrivning)
    return {(h["regime"], h["variabel"]) for h in optaelling.huller if "variabel" in h}


@pytest.mark.parametrize(
    ("periode", "fremskrivning"), [("2026-03", False), ("2027-03", True)], ids=["2026", "fremskrevet"]
)
def test_en_variabel_med_hul_i_kun_nogle_bidder_taelles_uden_i_alle(periode, fremskrivning):
    # Kontanthjælpen under ny ordning rammer et hul (hjemmeboende_sats) i en bid med en
    # hjemmeboende under 30, ikke i de andre; personer_med_aendring er talt uden den i alle bidder,
    # og de fremskrevne satser er kun dem, tallene, der er beregnet, bygger på.
    noegler = ["faerre_maalgrupper", "tidsgraense_sygedagpenge"]
    befolkning = generer(400, periode, byg_system(GAELDENDE_RET, fremskrivning), seed=1)
    pr_bid = [_variabler_med_hul(b, [GAELDENDE_RET, *noegler], fremskrivning) for b in del_op(befolkning, 4)]
    assert set.union(*pr_bid) and not set.intersection(*pr_bid)
    hel = effekt(noegler, periode, 400, seed=1, arbejdere=1, bidder=1, fremskrivning=fremskrivning)
    i_bidder = effekt(noegler, periode, 400, seed=1, arbejdere=1, bidder=4, fremskrivning=fremskrivning)
    assert _tal(i_bidder) == _tal(hel)
    assert i_bidder.fremskrevne == hel.fremskrevne
    assert sorted(map(json.dumps, i_bidder.huller)) == sorted(map(json.dumps, hel.huller))
    assert bool(hel.fremskrevne) == fremskrivning


def test_personer_med_aendring_taelles_uden_en_variabel_med_hul_i_en_anden_bid():
    # Bid A: x (en ret) rammer et hul; 4 personer ændres i y (en pligt). Bid B: 3 personer ændres
    # kun i x, 2 i x og y. Uden x: ret 0, pligt 4 + 2 = 6, mindst én art 6 (de 3 tælles ikke).
    ret, pligt = list(ARTER).index("ret"), list(ARTER).index("pligt")
    a, b = _Optaelling(), _Optaelling()
    a.hul("r", "personer_med_aendring", ARTER["ret"], "hul", variabel="x")
    for bid, moenstre in ((a, {("y",): 4}), (b, {("x",): 3, ("x", "y"): 2})):
        bid.arter["r"] = {"x": ret, "y": pligt}
        bid.moenstre["r"] = collections.Counter({frozenset(m): n for m, n in moenstre.items()})
    samlet = _Optaelling()
    samlet.laeg_til(a)
    samlet.laeg_til(b)
    tal = _personer_med_aendring(samlet, {"r": {"x"}})
    assert tal[("r", "personer_med_aendring", ret, ARTER["ret"])] == 0
    assert tal[("r", "personer_med_aendring", pligt, ARTER["pligt"])] == 4 + 2
    assert tal[("r", "personer_med_aendring", len(ARTER), MINDST_EN_ART)] == 4 + 2
    # Uden huller tælles alle: ret 3 + 2, mindst én art 4 + 3 + 2.
    alle = _personer_med_aendring(samlet, {})
    assert alle[("r", "personer_med_aendring", ret, ARTER["ret"])] == 3 + 2
    assert alle[("r", "personer_med_aendring", len(ARTER), MINDST_EN_ART)] == 4 + 3 + 2


@pytest.mark.parametrize("variabler", [3, 70], ids=["et_ord", "to_ord"])
def test_moenstrene_taeller_hver_kombination_af_aendrede_variabler(variabler):
    # 6 personer: 0 og 3 ændres i v0 og den sidste variabel, 1 kun i v1, 2 og 5 i ingen, 4 i v0.
    navne = [f"v{i}" for i in range(variabler)]
    aendrede = {navn: numpy.zeros(6, dtype=bool) for navn in navne}
    aendrede["v0"][[0, 3, 4]] = True
    aendrede["v1"][1] = True
    aendrede[navne[-1]][[0, 3]] = True
    assert _moenstre(list(aendrede.items())) == {
        frozenset({"v0", navne[-1]}): 2,
        frozenset({"v1"}): 1,
        frozenset({"v0"}): 1,
    }


def test_hver_person_har_samme_vaerdier_i_sin_bid_som_i_hele_befolkningen():
    grundsystem = byg_system(GAELDENDE_RET)
    befolkning = generer(8_000, PERIODE, grundsystem, seed=9)
    bidder = del_op(befolkning, 3)
    assert sum(b.antal for b in bidder) == befolkning.antal
    assert sum(b.uden_arbejdssted for b in bidder) == befolkning.uden_arbejdssted
    # Personerne i bidderne er hele befolkningen; deres nummer er rækkefølgen i den.
    placeret = befolkning.arbejdssted < befolkning.uden_arbejdssted
    assert placeret.any()
    orden = numpy.concatenate(bidnumre(befolkning, 3))
    for noegle in (GAELDENDE_RET, "fleksible_forholdstal"):
        system = byg_system(noegle)
        hel = byg_simulering(system, befolkning)
        dele = [byg_simulering(system, b) for b in bidder]
        for navn in [
            u.variabel for u in alle_uddata(system) if system.variables[u.variabel].entity.key == "person"
        ]:
            dele_ = [_vaerdi(d, navn) for d in dele]
            if any(v is None for v in dele_):
                assert all(v is None for v in dele_) and _vaerdi(hel, navn) is None, (noegle, navn)
                continue
            assert numpy.array_equal(numpy.concatenate(dele_), _vaerdi(hel, navn)[orden]), (noegle, navn)
        # Arbejdsstederne (uden de samlede "uden arbejdssted") i nummerorden.
        for navn in ("forholdstal_antal_stoettede", "forholdstal_overholdt"):
            samlet = numpy.concatenate(
                [
                    numpy.asarray(d.calculate(navn, PERIODE))[: b.uden_arbejdssted]
                    for d, b in zip(dele, bidder, strict=True)
                ]
            )
            assert numpy.array_equal(
                samlet, numpy.asarray(hel.calculate(navn, PERIODE))[: befolkning.uden_arbejdssted]
            )


def _vaerdi(simulering, navn):
    """Variablens værdier, eller None for et hul i kilderne."""
    try:
        return numpy.asarray(simulering.calculate(navn, PERIODE))
    except ParameterHulError:
        return None


def test_en_lokal_dask_klynge_med_to_processer_giver_de_samme_tal():
    # Klyngens to processer er det, der prøves; 300 personer i 4 bidder er nok til at give tal.
    i_processen = effekt(NOGLE_REGIMER, PERIODE, 300, seed=2, arbejdere=1, bidder=1)
    paa_dask = effekt(NOGLE_REGIMER, PERIODE, 300, seed=2, motor="dask", arbejdere=2, bidder=4)
    assert _tal(paa_dask) == _tal(i_processen)
    assert paa_dask.huller == i_processen.huller
    assert any(r["vaerdi"] for r in i_processen.raekker if r["maal"] == "udgifter")


def test_flere_maaneder_summerer_udgifterne_og_tager_gennemsnittet_af_resten():
    maaneder = ["2026-06", "2026-07"]
    samlet = effekt(NOGLE_REGIMER, maaneder, 2_000, seed=4, arbejdere=1)
    enkelte = [effekt(NOGLE_REGIMER, m, 2_000, seed=4, arbejdere=1) for m in maaneder]
    assert samlet.periode == "2026-06:2026-07" and samlet.maaneder == maaneder
    noegler = {(r["maal"], r["kategori"], r["regime"]) for e in enkelte for r in e.raekker}
    for maal, kategori, regime_ in noegler:
        hver = [e.vaerdi(maal, kategori, regime_) or 0 for e in enkelte]
        forventet = sum(hver) if SAMMENLAEGNING[maal] == "sum" else sum(hver) / len(hver)
        assert samlet.vaerdi(maal, kategori, regime_) == pytest.approx(forventet, rel=1e-12), (maal, kategori)
    # Juli 2026 har andre regler end juni (lov nr. 1750/2025), så månederne er ikke ens.
    assert _tal(enkelte[0]) != _tal(enkelte[1])


def _koer(*args) -> subprocess.CompletedProcess:
    """``dk-beskaeftigelse effekt --regimer gaeldende_ret ARGS`` i testens proces (ud, fejl, exitkode)."""
    return koer("effekt", "--regimer", "gaeldende_ret", *args)


@pytest.mark.parametrize(
    ("args", "felt", "tekst"),
    [
        (["--maaneder", "2027-01"], "--maaneder", "FRA:TIL"),
        (["--maaneder", "2027-05:2027-01"], "--maaneder", "ligger før"),
        (["--maaneder", "2027-01:2037-02"], "--maaneder", "højst 120"),
        (["--maaneder", "2027-01:2027-13"], "--maaneder", "2027-13"),
        (["--periode", "2027-01", "--maaneder", "2027-01:2027-02"], "--periode, --maaneder:", "netop ét af"),
        ([], "--periode:", "netop ét af"),
        (["--periode", "2027-01", "--adresse", "tcp://localhost:8786"], "--adresse", "--motor dask"),
        (["--periode", "2027-01", "--arbejdere", "0"], "--arbejdere", "fra 1 til"),
        (["--periode", "2027-01", "--motor", "spark"], "--motor", "spark"),
    ],
)
def test_kommandolinjens_motor_og_maaneder_afviser_med_en_linje(args, felt, tekst):
    resultat = _koer(*args, "--personer", "10")
    assert resultat.returncode == 2, resultat.stderr
    assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr
    assert felt in resultat.stderr and tekst in resultat.stderr, resultat.stderr


def test_kommandolinjen_beregner_en_raekke_maaneder():
    # Én trækning: månederne er det, der testes (trækningerne: test_effekt_aar.py); processerne er
    # kommandolinjens standard (én per kerne).
    resultat = _koer(
        "--maaneder", "2026-11:2027-01", "--personer", "300", "--traekninger", "1", "--format", "json"
    )
    assert resultat.returncode == 0, resultat.stderr
    data = json.loads(resultat.stdout)
    assert data["maaneder"] == ["2026-11", "2026-12", "2027-01"]
    assert data["maal"]["udgifter"]["sammenlaegning"] == "sum"
    assert data["maal"]["udgifter"]["titel"] == "Ydelsesudgifter i perioden (3 måneder)"
    assert data["maal"]["personer_efter_maalgruppe"]["sammenlaegning"] == "gennemsnit"


def test_dask_uden_ekstraen_siger_hvad_der_skal_installeres(monkeypatch):
    def mangler(navn):
        raise ImportError(f"No module named '{navn}'")

    monkeypatch.setattr(klynge.importlib, "import_module", mangler)
    with pytest.raises(BrugerFejl, match=r"--motor dask: kræver ekstraen dask .*\[dask\]"):
        effekt(["ingen_jobafklaring"], PERIODE, 100, motor="dask")


def test_en_klynge_der_ikke_svarer_naevner_adressen(monkeypatch):
    monkeypatch.setattr(klynge, "FORBINDELSE_SEKUNDER", 1)
    with pytest.raises(
        BrugerFejl, match="--adresse: kan ikke forbinde til Dask-klyngen på 'tcp://127.0.0.1:1'"
    ):
        effekt(["ingen_jobafklaring"], PERIODE, 100, motor="dask", adresse="tcp://127.0.0.1:1")


def test_en_arbejder_med_en_anden_version_af_pakken_afvises():
    class Klient:
        def run(self, funktion):
            return {"tcp://10.0.0.7:40000": "0.0.1"}

    with pytest.raises(
        BrugerFejl, match=r"arbejderen tcp://10.0.0.7:40000 har openfisca-dk-beskaeftigelse 0.0.1"
    ):
        klynge._kontroller_versioner(Klient())


def test_et_eget_regime_regnes_i_processerne_men_sendes_ikke_til_en_klynge():
    fil = str(sorted((EKSEMPELMAPPE / "reformer").glob("*.yaml"))[0])
    reformfil.indlaes_regimer([fil])
    hel = effekt([fil], PERIODE, 3_000, seed=6, arbejdere=1, bidder=1)
    assert _tal(effekt([fil], PERIODE, 3_000, seed=6, arbejdere=2, bidder=3)) == _tal(hel)
    with pytest.raises(BrugerFejl, match="--motor dask: egne regimer"):
        effekt([fil], PERIODE, 100, motor="dask")


def test_beloebenes_sum_er_eksakt_og_uafhaengig_af_raekkefoelgen():
    from fractions import Fraction

    from openfisca_dk_beskaeftigelse.effekt import _eksakt_sum

    rng = numpy.random.default_rng(8)
    beloeb = (rng.random(20_000) * 40_000 - 5_000).astype(numpy.float32)
    beloeb[::9] = 0
    eksakt = sum(Fraction(float(b)) for b in beloeb)
    assert _eksakt_sum(beloeb) == eksakt
    assert _eksakt_sum(beloeb[:7_001]) + _eksakt_sum(beloeb[7_001:]) == eksakt
    assert _eksakt_sum(beloeb[::-1]) == eksakt
