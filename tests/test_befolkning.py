"""Den syntetiske befolkning og effektrapporten: bestemt af seed, kalibreret til datafilen,
og rapportens tal er de samme som en direkte beregning; benchmarken melder en måling, der fejler."""

import importlib.util
import subprocess
from pathlib import Path

import numpy
import pytest

from openfisca_dk_beskaeftigelse.effekt import effekt
from openfisca_dk_beskaeftigelse.population import byg_simulering, generer, indlaes_data
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system

PERIODE = "2026-03"
N = 60_000


@pytest.fixture(scope="module")
def befolkning():
    return generer(N, PERIODE, byg_system(GAELDENDE_RET), seed=7)


def _andele(vaerdier, noegler):
    return numpy.array([numpy.count_nonzero(vaerdier == n) for n in noegler]) / len(vaerdier)


def _tolerance(andel, n):
    """Fire standardfejl for en andel i en stikprøve af n, dog mindst ét halvt procentpoint."""
    return numpy.maximum(4 * numpy.sqrt(andel * (1 - andel) / max(n, 1)), 0.005)


def test_samme_seed_giver_samme_befolkning():
    system = byg_system(GAELDENDE_RET)
    a, b, c = (generer(2_000, PERIODE, system, seed=s) for s in (1, 1, 2))
    for navn in a.personer:
        assert numpy.array_equal(a.personer[navn], b.personer[navn]), navn
    assert numpy.array_equal(a.arbejdssted, b.arbejdssted)
    assert not numpy.array_equal(a.gruppe, c.gruppe)


def test_gruppernes_andele_svarer_til_datafilen(befolkning):
    data = indlaes_data()
    noegler = [g["noegle"] for g in data["grupper"]]
    forventet = numpy.array([g["antal"] for g in data["grupper"]]) / data["befolkning"]["antal"]
    faktisk = _andele(befolkning.gruppe, noegler)
    assert (numpy.abs(faktisk - forventet) <= _tolerance(forventet, N)).all(), dict(
        zip(noegler, faktisk - forventet, strict=True)
    )
    assert befolkning.vaegt * N == pytest.approx(data["befolkning"]["antal"])


def test_aldersfordelingen_svarer_til_datafilen_for_hver_gruppe(befolkning):
    alder = (numpy.datetime64(f"{PERIODE}-01") - befolkning.personer["foedselsdato"]).astype(int) / 365.25
    for gruppe in indlaes_data()["grupper"]:
        i_gruppe = befolkning.gruppe == gruppe["noegle"]
        n = numpy.count_nonzero(i_gruppe)
        if n < 200:
            continue
        # Datafilens aldersbånd er hele år med begge ender (16-24 år): til og med alderen til + 1.
        for fra, til, andel in gruppe["alder"]:
            faktisk = numpy.count_nonzero((alder[i_gruppe] >= fra) & (alder[i_gruppe] < til + 1)) / n
            assert abs(faktisk - andel) <= _tolerance(andel, n), (gruppe["noegle"], fra, til, faktisk, andel)


def test_arbejdsstedernes_stoerrelse_svarer_til_datafilen(befolkning):
    data = indlaes_data()["virksomheder"]
    ansatte = befolkning.virksomheder["antal_ordinaert_ansatte"][: befolkning.uden_arbejdssted]
    assert len(ansatte) == round(data["antal_arbejdssteder"] / befolkning.vaegt)
    for fra, til, andel in data["stoerrelse"]:
        faktisk = numpy.count_nonzero((ansatte >= fra) & (ansatte <= til)) / len(ansatte)
        assert abs(faktisk - andel) <= _tolerance(andel, len(ansatte)), (fra, til, faktisk, andel)


def test_rapportens_tal_er_en_direkte_beregning():
    personer, seed = 3_000, 11
    resultat = effekt(["ingen_jobafklaring"], PERIODE, personer, seed=seed)
    for noegle in (GAELDENDE_RET, "ingen_jobafklaring"):
        system = byg_system(noegle)
        befolkning = generer(personer, PERIODE, byg_system(GAELDENDE_RET), seed=seed)
        simulering = byg_simulering(system, befolkning)
        vaegt = befolkning.vaegt
        grupper = simulering.calculate("maalgruppe", PERIODE).decode_to_str()
        for gruppe in set(grupper):
            assert resultat.vaerdi("personer_efter_maalgruppe", gruppe, noegle) == pytest.approx(
                numpy.count_nonzero(grupper == gruppe) * vaegt
            )
        assert resultat.vaerdi("udgifter", "Sygedagpenge", noegle) == pytest.approx(
            simulering.calculate("sygedagpenge_maanedsbeloeb", PERIODE).sum() * vaegt, rel=1e-6
        )
        assert resultat.vaerdi("jobafklaring", "Ret til jobafklaringsforløb", noegle) == pytest.approx(
            numpy.count_nonzero(simulering.calculate("jobafklaringsforloeb_ret", PERIODE)) * vaegt
        )
        overholdt = simulering.calculate("forholdstal_overholdt", PERIODE)[: befolkning.uden_arbejdssted]
        assert resultat.vaerdi("arbejdssteder_over_graensen", "Over grænsen", noegle) == pytest.approx(
            numpy.count_nonzero(~overholdt) * vaegt
        )
    assert resultat.vaerdi("jobafklaring", "Ret til jobafklaringsforløb", "ingen_jobafklaring") == 0
    assert resultat.vaerdi("jobafklaring", "Ret til jobafklaringsforløb", GAELDENDE_RET) > 0


def _benchmark():
    sti = Path(__file__).resolve().parent.parent / "benchmarks" / "befolkning.py"
    spec = importlib.util.spec_from_file_location("benchmark_befolkning", sti)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


@pytest.mark.parametrize(
    ("returkode", "stderr", "forventet"),
    [
        (-9, "", "fejlede: returkode -9 (dræbt af signal 9: Killed)\n"),
        (1, "Traceback ...\nMemoryError\n", "fejlede: returkode 1: MemoryError\n"),
    ],
)
def test_benchmarkens_maaling_der_fejler_meldes_med_returkoden(
    monkeypatch, capsys, returkode, stderr, forventet
):
    benchmark = _benchmark()
    monkeypatch.setattr(
        benchmark.subprocess,
        "run",
        lambda args, **_: subprocess.CompletedProcess(args, returkode, "", stderr),
    )
    assert benchmark._koer("grundlag", 1_000_000) is None
    assert capsys.readouterr().out == f"  grundlag 1000000: {forventet}"
