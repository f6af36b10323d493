"""Antagne tal med bivirkninger og perioder uden virkning står, hvor en jurist ser dem (issue 16,
punkt 7 og 9): i reformens docstring, i parameterens metadata og beskrivelse, på reformens
genererede side og i kataloget."""

from pathlib import Path

import pytest

from openfisca_dk_beskaeftigelse.dokumentation import katalogside, reformparametre, reformside
from openfisca_dk_beskaeftigelse.regimer import alle_regimer, reformklasser

REPO = Path(__file__).resolve().parent.parent

# (modul, parameter, et ord, bivirkningen og beskrivelsen skal nævne): issue 16, punkt 7.
BIVIRKNINGER = [
    ("samlet_uddannelsesordning", "andel_dagpenge", "110 pct"),
    ("tidsgraense_sygedagpenge", "andel", "forsørger"),
    ("beskaeftigelsesreform_2027", "reduceret_andel", "forsørger"),
]


def _parameter(modul: str, navn: str):
    (parameter,) = [p for p in reformparametre(reformklasser()[modul]) if p.name.endswith(f".{navn}")]
    return parameter


def _katalograekker(modul: str) -> list[str]:
    return [linje for linje in katalogside().splitlines() if f"[`{modul}`]" in linje]


@pytest.mark.parametrize(("modul", "navn", "ord_"), BIVIRKNINGER)
def test_antagelsen_og_bivirkningen_staar_overalt(modul, navn, ord_):
    parameter = _parameter(modul, navn)
    bivirkning = parameter.metadata.get("bivirkning", "")
    assert parameter.metadata.get("antaget") and ord_ in bivirkning, parameter.metadata
    assert ord_ in parameter.description and "antaget" in parameter.description
    assert ord_ in reformklasser()[modul].__doc__
    assert f"**Bivirkning:** {bivirkning}" in reformside(alle_regimer()[modul], REPO)
    raekker = _katalograekker(modul)
    assert raekker and all(f"Antagelse med bivirkning (`{navn}`)" in r for r in raekker), raekker


def test_2027_forlaengelserne_med_fuld_sats_er_markeret_ubekraeftede():
    parameter = _parameter("beskaeftigelsesreform_2027", "forlaengelsesgrunde")
    assert "KL" in parameter.metadata["ubekraeftet"] and "ubekræftet" in parameter.description
    assert "UBEKRÆFTET" in reformklasser()["beskaeftigelsesreform_2027"].__doc__
    assert "**Ubekræftet:**" in reformside(alle_regimer()["beskaeftigelsesreform_2027"], REPO)
    assert all(
        "Ubekræftet (`forlaengelsesgrunde`)" in r for r in _katalograekker("beskaeftigelsesreform_2027")
    )


@pytest.mark.parametrize("modul", [m for m, k in reformklasser().items() if getattr(k, "uden_virkning", ())])
def test_perioderne_uden_virkning_staar_paa_siden_i_kataloget_og_i_docstringen(modul):
    klasse = reformklasser()[modul]
    side = reformside(alle_regimer()[modul], REPO)
    raekker = _katalograekker(modul)
    assert "Uden virkning" in klasse.__doc__
    for u in klasse.uden_virkning:
        assert f"- {u.tekst()}" in side
        assert raekker and all(f"Uden virkning {u.tekst()}" in r.replace("\\|", "|") for r in raekker), (
            raekker
        )
