"""Datoregningen, som lovens frister bygger på."""

import numpy
import pytest
from openfisca_core import periods

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    ManglendeOplysningError,
    dage_mellem,
    hele_aar,
    kraev_oplyst,
    maaned_slut,
    maaned_start,
    maanedens_sidste_dag,
    plus_dage,
    plus_maaneder,
    plus_uger,
    pr_dato,
    pr_maaned,
)


def d(*tekster):
    return numpy.array(tekster, dtype="datetime64[D]")


def test_hele_aar():
    assert list(hele_aar(d("2000-03-02", "2000-03-01", "2000-02-29"), "2026-03-01")) == [25, 26, 26]


def test_plus_maaneder_holder_sig_i_maaneden():
    assert list(plus_maaneder(d("2026-01-31", "2026-01-15", "2025-08-31"), 6)) == list(
        d("2026-07-31", "2026-07-15", "2026-02-28")
    )
    assert plus_maaneder(d("2024-08-31"), 6)[0] == numpy.datetime64("2025-02-28")


def test_plus_dage_og_uger():
    assert plus_dage(d("2026-01-01"), 30)[0] == numpy.datetime64("2026-01-31")
    assert plus_uger(d("2026-01-01"), 22)[0] == numpy.datetime64("2026-06-04")


def test_maanedens_sidste_dag_og_perioder():
    assert maanedens_sidste_dag(d("2024-02-10"))[0] == numpy.datetime64("2024-02-29")
    periode = periods.period("2026-02")
    assert (maaned_start(periode), maaned_slut(periode)) == (
        numpy.datetime64("2026-02-01"),
        numpy.datetime64("2026-02-28"),
    )


def test_dage_mellem():
    assert list(dage_mellem(d("2026-01-01", "2026-03-01"), "2026-02-01")) == [31, -28]


def test_kraev_oplyst_kun_for_relevante():
    datoer = numpy.array([INGEN_DATO, "2026-01-01"], dtype="datetime64[D]")
    kraev_oplyst(datoer, "x", "y", relevant=numpy.array([False, True]))
    with pytest.raises(ManglendeOplysningError, match="'x'.*1 person"):
        kraev_oplyst(datoer, "x", "y")


def test_pr_dato_slaar_op_en_gang_per_dato():
    kald = []
    datoer = d("2026-01-01", "2026-02-01", "2026-01-01")
    resultat = pr_dato(datoer, lambda dag: kald.append(dag) or str(dag))
    assert list(resultat) == ["2026-01-01", "2026-02-01", "2026-01-01"]
    assert len(kald) == 2


def test_pr_maaned_giver_hver_person_sin_egen_maaned_forskudt():
    maaneder = numpy.array(["2026-03", "2026-01", "2026-03"], dtype="datetime64[M]")

    # Værdien i en måned er månedens nummer (1-12) for alle tre personer.
    def nummer(maaned):
        return numpy.full(3, (maaned.astype(int) % 12) + 1)

    samme, forrige = pr_maaned(maaneder, nummer, forskydninger=(0, 1))
    assert list(samme) == [3, 1, 3]
    assert list(forrige) == [2, 12, 2]


# Datoregningen i hele dage (tabeller og heltalsformler) mod numpys egen kalender (datetime64[M]
# og [Y]), som modulet brugte før: samme år, måned og dag og samme frister for hver dag i årene
# 1-9999. Datoer fra år 0 til 2400 slås op i tabeller; et array med datoer uden for regnes.
def _numpys_dele(datoer):
    maaned = datoer.astype("datetime64[M]")
    return (
        maaned.astype("datetime64[Y]").astype(int) + 1970,
        maaned.astype(int) % 12 + 1,
        (datoer - maaned).astype(int) + 1,
    )


def _numpys_plus_maaneder(datoer, maaneder):
    start = datoer.astype("datetime64[M]")
    ny = start + numpy.asarray(maaneder).astype("timedelta64[M]")
    return numpy.minimum(ny.astype("datetime64[D]") + (datoer - start), (ny + 1).astype("datetime64[D]") - 1)


ALLE_DAGE = numpy.arange(numpy.datetime64("0001-01-01"), numpy.datetime64("9999-12-31"))
TABELLENS_DAGE = ALLE_DAGE[ALLE_DAGE < numpy.datetime64("2400-01-01")]
# Skuddage (også 1600, 2000 og 2400), de dage, der ikke er skuddage (1700, 1900, 2100), og månedsultimo.
SAERLIGE = d(
    "1600-02-29",
    "1700-02-28",
    "1900-02-28",
    "2000-02-29",
    "2024-02-29",
    "2100-02-28",
    "2025-01-31",
    "2025-03-31",
    "2025-05-31",
    "2025-08-31",
    "2025-10-31",
    "2025-12-31",
    "0001-01-01",
)
SAERLIGE_UDEN_FOR = numpy.concatenate([SAERLIGE, d("2400-02-29", "2401-01-31", "9999-12-30")])
DAGE = {"tabellerne": TABELLENS_DAGE, "regnet": ALLE_DAGE}


@pytest.mark.parametrize("dage", DAGE)
def test_aar_maaned_og_dag_er_numpys_for_hver_dag(dage):
    from openfisca_dk_beskaeftigelse.datoer import _dele

    for vores, numpys in zip(_dele(DAGE[dage]), _numpys_dele(DAGE[dage]), strict=True):
        assert numpy.array_equal(vores, numpys)


@pytest.mark.parametrize("dage", DAGE)
@pytest.mark.parametrize("maaneder", [-1200, -25, -13, -12, -1, 0, 1, 2, 6, 11, 12, 13, 24, 1200])
def test_plus_maaneder_er_numpys(maaneder, dage):
    # Hver 7. dag gennem årene rammer alle ugedage, månedsdage og skudår; plus de særlige dage.
    saerlige = SAERLIGE if dage == "tabellerne" else SAERLIGE_UDEN_FOR
    datoer = numpy.concatenate([DAGE[dage][DAGE[dage] >= numpy.datetime64("0101-01-01")][::7], saerlige])
    datoer = datoer[(datoer + numpy.timedelta64(40 * maaneder, "D")) < numpy.datetime64("9999-01-01")]
    assert numpy.array_equal(plus_maaneder(datoer, maaneder), _numpys_plus_maaneder(datoer, maaneder))


@pytest.mark.parametrize("dage", DAGE)
def test_plus_maaneder_med_en_forskydning_per_person_er_numpys(dage):
    rng = numpy.random.default_rng(3)
    datoer = DAGE[dage][rng.integers(365 * 200, DAGE[dage].size - 365 * 60, 200_000)]
    maaneder = rng.integers(-600, 600, datoer.size)
    assert numpy.array_equal(plus_maaneder(datoer, maaneder), _numpys_plus_maaneder(datoer, maaneder))


@pytest.mark.parametrize("dage", DAGE)
def test_hele_aar_er_numpys_ogsaa_paa_skuddage(dage):
    rng = numpy.random.default_rng(4)
    fra = numpy.concatenate([DAGE[dage][rng.integers(0, DAGE[dage].size, 200_000)], SAERLIGE])
    for til in ("2024-02-28", "2024-02-29", "2025-02-28", "2025-03-01", "2100-03-01", "2399-12-31"):
        fa, fm, fd = _numpys_dele(fra)
        ta, tm, td = _numpys_dele(numpy.datetime64(til, "D"))
        forventet = ta - fa - ((tm < fm) | ((tm == fm) & (td < fd)))
        assert numpy.array_equal(hele_aar(fra, til), forventet), til


@pytest.mark.parametrize("dage", DAGE)
def test_maanedens_sidste_dag_er_numpys(dage):
    forventet = (DAGE[dage].astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    assert numpy.array_equal(maanedens_sidste_dag(DAGE[dage]), forventet)


def test_en_enkelt_dato_giver_en_enkelt_dato():
    assert plus_maaneder(numpy.datetime64("2024-01-31"), 1) == numpy.datetime64("2024-02-29")
    assert isinstance(plus_maaneder(numpy.datetime64("2024-01-31"), 1), numpy.datetime64)
    assert maanedens_sidste_dag(numpy.datetime64("9999-02-03")) == numpy.datetime64("9999-02-28")
