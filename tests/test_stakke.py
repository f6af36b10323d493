"""Stakke af reformer (issue 16, punkt 12): semantiske konflikter giver en advarsel, alternativer
afvises, og registrets pakker er katalogets forslag for deres kilde, uden konflikter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation
from openfisca_dk_beskaeftigelse.regimer import (
    PAKKER,
    UkendtRegimeError,
    alle_regimer,
    katalog,
    konflikter,
    reformklasser,
    regime,
)
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign

SYG = pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml"


def _par() -> list[tuple[str, str, str]]:
    return [
        (m, andet, hvorfor)
        for m, k in reformklasser().items()
        for andet, hvorfor in getattr(k, "strider_mod", {}).items()
    ]


def test_strider_mod_naevner_kendte_reformer_med_en_grund():
    klasser = reformklasser()
    assert _par(), "ingen reform erklærer en konflikt"
    for modul, andet, hvorfor in _par():
        assert andet in klasser and andet != modul, (modul, andet)
        assert len(hvorfor) > 40, (modul, andet)
        # En konflikt er ikke også et alternativ (det afvises) og erklæres ét sted.
        assert andet not in getattr(klasser[modul], "alternativ_til", ()), (modul, andet)
        assert modul not in getattr(klasser[andet], "strider_mod", {}), (modul, andet)


@pytest.mark.parametrize(
    ("noegle", "moduler"),
    [
        # Én afskaffer rehabiliteringsteamet, den anden giver ret til et møde i det (issue 16).
        (
            "kl_og_6_byerne_2024+nordjyske_kommuner_sygedagpenge",
            ("frivillige_rehabiliteringsmoeder", "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring"),
        ),
        (
            "nordjyske_kommuner_sygedagpenge+kl_og_6_byerne_2024",
            ("frivillige_rehabiliteringsmoeder", "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring"),
        ),
        # Tidlig samtale med alle (nordjyske kommuner) mod kommunens prioritering (6-byerne).
        (
            "seks_byer_2011+ingen_fast_opfoelgningskadence",
            ("prioriteret_opfoelgning_sygedagpenge", "ingen_fast_opfoelgningskadence"),
        ),
        (
            "fleksible_rehabiliteringsteams+frivillige_rehabiliteringsmoeder",
            ("fleksible_rehabiliteringsteams", "frivillige_rehabiliteringsmoeder"),
        ),
        (
            "beskaeftigelsesreform_2027+ingen_jobafklaring",
            ("beskaeftigelsesreform_2027", "ingen_jobafklaring"),
        ),
    ],
)
def test_en_stak_med_en_konflikt_beregnes_med_en_advarsel(noegle, moduler):
    stak = regime(noegle)
    advarsler = [a for a in stak.advarsler if all(f"'{m}'" in a for m in moduler)]
    assert len(advarsler) == 1, stak.advarsler
    assert "strider mod hinanden" in advarsler[0]


def test_en_stak_uden_konflikt_har_ingen_advarsel():
    assert regime("ingen_jobafklaring+tidsgraense_sygedagpenge").advarsler == ()
    assert regime("faerre_maalgrupper+ingen_jobafklaring").advarsler == ()


def test_alternativer_afvises_stadig():
    with pytest.raises(UkendtRegimeError, match="alternativer"):
        regime("nordjyske_kommuner_sygedagpenge+beskaeftigelsesreform_2027")


@pytest.mark.parametrize("pakke_", PAKKER, ids=lambda p: p.noegle)
def test_registrets_pakker_har_hverken_konflikter_eller_alternativer(pakke_):
    reformer = alle_regimer()[pakke_.noegle].reformer
    assert konflikter(reformer) == ()
    regime("+".join(pakke_.moduler))  # afviser alternativer


@pytest.mark.parametrize("pakke_", [p for p in PAKKER if p.kilde], ids=lambda p: p.noegle)
def test_en_kildes_pakke_er_katalogets_reformer_for_kilden(pakke_):
    """KL 2022 (001) og Rebild (004) har deres egne pakker; hver pakke samler netop sin kildes reformer."""
    reformer = {
        p["regime"]
        for p in katalog()
        if p["status"] == "reform" and p["kilde"] == pakke_.kilde and p["afsnit"].startswith(pakke_.afsnit)
    }
    assert set(pakke_.moduler) == reformer, (
        f"{pakke_.noegle}: mangler {sorted(reformer - set(pakke_.moduler))}, "
        f"har ekstra {sorted(set(pakke_.moduler) - reformer)}"
    )


def test_hver_kilde_har_en_pakke():
    assert {p["kilde"] for p in katalog()} == {p.kilde for p in PAKKER if p.kilde}


def test_sammenligningen_viser_konflikten():
    noegle = "frivillige_rehabiliteringsmoeder+afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring"
    resultat = sammenlign(indlaes_situation(SYG), "2024-06", [noegle], ["sygedagpenge_udbetales"])
    assert any(
        a.startswith(f"regimet '{noegle}': ") and "strider mod hinanden" in a for a in resultat.advarsler
    )


def test_cli_advarer_paa_stderr_og_beregner():
    noegle = "frivillige_rehabiliteringsmoeder+afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring"
    resultat = subprocess.run(
        [
            Path(sys.executable).parent / "dk-beskaeftigelse",
            "sammenlign",
            str(SYG),
            "--periode",
            "2024-06",
            "--regimer",
            noegle,
            "--variabler",
            "sygedagpenge_udbetales",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert resultat.returncode == 0, resultat.stderr
    linjer = [linje for linje in resultat.stderr.splitlines() if "strider mod hinanden" in linje]
    assert len(linjer) == 1 and linjer[0].startswith("advarsel: "), resultat.stderr
