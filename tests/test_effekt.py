"""Effektrapporten: reformernes egne uddata tæller med, og huller i kilderne forsvinder ikke."""

import csv
import functools
import io

import numpy
import pytest
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

import openfisca_dk_beskaeftigelse.effekt as effektmodul
from openfisca_dk_beskaeftigelse import cli
from openfisca_dk_beskaeftigelse.effekt import art_efter_type, effekt
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.population import byg_simulering, generer
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system
from openfisca_dk_beskaeftigelse.uddata import ARTER

PERIODE = "2026-03"
PERSONER, SEED = 3_000, 11
RET = ARTER["ret"]
# Én trækning i testens proces, hvor CSV'ens huller, ikke trækningerne og processerne, er det, der
# testes (dem tester test_effekt_aar.py og test_effekt_motor.py).
EN_KOERSEL = ["--traekninger", "1", "--arbejdere", "1"]
PSYKOLOG = "psykologbehandling"
STAK = "psykologbehandling+ingen_jobafklaring"


@pytest.fixture(scope="module")
def resultat():
    noegler = [PSYKOLOG, "ingen_jobafklaring", STAK, "tidsgraense_sygedagpenge"]
    return effekt(noegler, PERIODE, PERSONER, SEED, arbejdere=1)


def _simulering(noegle):
    befolkning = generer(PERSONER, PERIODE, byg_system(GAELDENDE_RET), seed=SEED)
    return byg_simulering(byg_system(noegle), befolkning), befolkning.vaegt


def test_ret_der_kun_findes_i_reformen_taeller_som_aendring(resultat):
    simulering, vaegt = _simulering(PSYKOLOG)
    med_ret = numpy.count_nonzero(simulering.calculate("psykologbehandling_ret", PERIODE)) * vaegt
    assert med_ret > 0
    assert resultat.vaerdi("personer_med_aendring", RET, PSYKOLOG) == pytest.approx(med_ret)
    for art in ("status", "beloeb", "pligt", "frist"):
        assert resultat.vaerdi("personer_med_aendring", ARTER[art], PSYKOLOG) == 0, art


def test_en_stak_taeller_alle_sine_reformers_uddata(resultat):
    stak = resultat.vaerdi("personer_med_aendring", RET, STAK)
    assert stak >= resultat.vaerdi("personer_med_aendring", RET, PSYKOLOG)
    assert stak > resultat.vaerdi("personer_med_aendring", RET, "ingen_jobafklaring")


def test_reformens_dato_sammenlignes_med_standardvaerdien(resultat):
    # Tidsgrænsen er "ingen dato" for ikke-sygemeldte, som derfor ikke har en ændret frist.
    simulering, vaegt = _simulering("tidsgraense_sygedagpenge")
    sygemeldte = numpy.count_nonzero(simulering.calculate("sygemeldt", PERIODE)) * vaegt
    assert (
        0 < resultat.vaerdi("personer_med_aendring", ARTER["frist"], "tidsgraense_sygedagpenge") <= sygemeldte
    )


@pytest.mark.parametrize(
    ("regime", "variabel", "art"),
    [
        (PSYKOLOG, "psykologbehandling_ret", "ret"),
        (PSYKOLOG, "psykologbehandling_max_samtaler", "ret"),
        ("tidsgraense_sygedagpenge", "sygedagpenge_tidsgraense_dato", "frist"),
        ("samlet_uddannelsesordning", "samlet_uddannelse_dagpengesats", "beloeb"),
        ("beskaeftigelsesreform_2027", "indsatsgruppe", "status"),
    ],
)
def test_reformernes_uddata_faar_art_efter_vaerditypen(regime, variabel, art):
    assert art_efter_type(byg_system(regime).variables[variabel]) == art


class HulILedighedsydelsen(Reform):
    name = "Test: ledighedsydelsen rammer et hul i kilderne"

    def apply(self):
        class ledighedsydelse_maanedsbeloeb(Variable):
            value_type = float
            entity = Person
            definition_period = MONTH
            label = "Ledighedsydelse, kr. pr. måned (hul)"

            def formula(person, period, parameters):
                raise ParameterHulError("test.ledighedsydelse", str(period.start), "2026-01-01")

        self.update_variable(ledighedsydelse_maanedsbeloeb)


@functools.cache
def _med_hul(fremskrivning: bool):
    """Gældende ret med hullet, bygget én gang (som ``byg_system`` selv bygger hvert regime én gang)."""
    return HulILedighedsydelsen(byg_system(GAELDENDE_RET, fremskrivning))


@pytest.fixture
def hul_under_gaeldende_ret(monkeypatch):
    """Gældende ret rammer et hul i ledighedsydelsen; reformerne gør ikke."""

    def byg(noegle, fremskrivning=False):
        return _med_hul(bool(fremskrivning)) if noegle == GAELDENDE_RET else byg_system(noegle, fremskrivning)

    monkeypatch.setattr(effektmodul, "byg_system", byg)


def test_hul_under_gaeldende_ret_naevnes_ved_reformens_sammenligning(hul_under_gaeldende_ret):
    resultat = effekt(["ingen_jobafklaring"], PERIODE, 500, SEED, arbejdere=1)
    huller = [
        h
        for h in resultat.huller
        if h["regime"] == "ingen_jobafklaring" and h.get("variabel") == "ledighedsydelse_maanedsbeloeb"
    ]
    assert [(h["maal"], h["kategori"]) for h in huller] == [("personer_med_aendring", ARTER["beloeb"])]
    assert "gældende ret" in huller[0]["fejl"]


def _huller_i_csv(tekst):
    return [r for r in csv.DictReader(io.StringIO(tekst)) if r["ikke_beregnet"]]


def test_csv_baerer_hvert_hul_med_tom_vaerdi_og_grunden(hul_under_gaeldende_ret):
    resultat = effekt(["ingen_jobafklaring"], PERIODE, 500, SEED, arbejdere=1)
    huller = _huller_i_csv(effektmodul.som_csv(resultat))
    assert len(huller) == len(resultat.huller)
    ydelse = [r for r in huller if (r["maal"], r["kategori"]) == ("udgifter", "Ledighedsydelse")]
    assert [r["regime"] for r in ydelse] == [GAELDENDE_RET]
    assert ydelse[0]["vaerdi"] == "" and "test.ledighedsydelse" in ydelse[0]["ikke_beregnet"]
    # Et hul i personer_med_aendring nævner variablen, som kategoriens tal er talt uden.
    aendring = {
        r["regime"]: r for r in huller if r["ikke_beregnet"].startswith("ledighedsydelse_maanedsbeloeb: ")
    }
    assert set(aendring) == {GAELDENDE_RET, "ingen_jobafklaring"}
    assert aendring[GAELDENDE_RET]["kategori"] == ARTER["beloeb"]


def test_effekt_csv_fra_kommandolinjen_og_i_mappen_har_hullerne(hul_under_gaeldende_ret, tmp_path, capsys):
    argv = ["effekt", "--regimer", "ingen_jobafklaring", "--periode", PERIODE, "--personer", "500"]
    assert cli.main([*argv, *EN_KOERSEL, "--format", "csv", "--ud", str(tmp_path)]) == 0
    for tekst in (capsys.readouterr().out, (tmp_path / "effekt.csv").read_text(encoding="utf-8")):
        assert any(r["kategori"] == "Ledighedsydelse" for r in _huller_i_csv(tekst))


def test_udgifterne_summeres_i_float64(resultat):
    # OpenFiscas beløb er float32; en float32-sum af sygedagpengene mister ører (913.752,1875 mod
    # 913.752,171875 for 3.000 personer), så totalen skal være float64-summen af de samme beløb.
    simulering, vaegt = _simulering(GAELDENDE_RET)
    beloeb = simulering.calculate("sygedagpenge_maanedsbeloeb", PERIODE)
    forventet = beloeb.astype(numpy.float64).sum() * vaegt
    assert float(beloeb.sum()) * vaegt != pytest.approx(forventet, rel=1e-12, abs=0)
    assert resultat.vaerdi("udgifter", "Sygedagpenge", GAELDENDE_RET) == pytest.approx(
        forventet, rel=1e-12, abs=0
    )


def test_et_hul_over_flere_maaneder_staar_en_gang_med_maanederne(hul_under_gaeldende_ret, capsys):
    """Tre måneder med hul i ledighedsydelsen: ét hul per måned i ``huller``, men én linje med
    månederne 2026-01 til 2026-03 i tabellen, én CSV-række per sted og ét samlet hul i JSON."""
    maaneder = ["2026-01", "2026-02", "2026-03"]
    resultat = effekt(["ingen_jobafklaring"], maaneder, 300, SEED, arbejdere=1)
    parameterens = [h for h in resultat.huller if h.get("parameter") == "test.ledighedsydelse"]
    assert sorted({h["dato"] for h in parameterens}) == ["2026-01-01", "2026-02-01", "2026-03-01"]
    samlet = [h for h in effektmodul.samlede_huller(resultat) if h["parameter"] == "test.ledighedsydelse"]
    assert len(samlet) == 1
    assert samlet[0]["datoer"] == ["2026-01-01", "2026-02-01", "2026-03-01"]
    assert "ingen værdi i 2026-01 til 2026-03 (3 måneder)" in samlet[0]["tekst"]
    # CSV: ydelsen under gældende ret én gang, ikke én gang per måned.
    ydelse = [
        r
        for r in _huller_i_csv(effektmodul.som_csv(resultat))
        if (r["maal"], r["kategori"]) == ("udgifter", "Ledighedsydelse")
    ]
    assert len(ydelse) == 1 and "2026-01 til 2026-03" in ydelse[0]["ikke_beregnet"]
    argv = ["effekt", "--regimer", "ingen_jobafklaring", "--maaneder", "2026-01:2026-03", "--personer", "300"]
    assert cli.main([*argv, "--arbejdere", "1"]) == 0
    tekst = " ".join(capsys.readouterr().out.split())  # rich bryder de lange linjer
    assert tekst.count("'test.ledighedsydelse'") == 1, tekst
    assert "'test.ledighedsydelse' har ingen værdi i 2026-01 til 2026-03 (3 måneder)" in tekst
    # Målets titel er periodens, som i tabellerne (ikke "i måneden").
    assert "Ydelsesudgifter i perioden (3 måneder)): Parameteren 'test.ledighedsydelse'" in tekst
