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
