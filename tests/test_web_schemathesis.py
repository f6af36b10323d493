"""Schemathesis mod hvert regimes spec og rodens spec: ingen 5xx, og hvert svar passer til spec'en.

Anmodningerne laves af schemathesis ud fra spec'en selv (gyldige og ugyldige kroppe og stier) og
sendes til ``lav_app`` gennem WSGI. Roden og gældende ret får en stak gyldige og ugyldige
anmodninger til hver operation; en stak (samme kode som gældende ret, et andet system) en håndfuld;
de øvrige regimer en stikprøve (spec'ens eksempel og én gyldig anmodning per operation), så hver
operation i hver spec er prøvet. Hypothesis er deterministisk (``derandomize``), så en fejl kan
genskabes. ``-m "not fuzz"`` springer den fulde fuzzing over lokalt; stikprøven er testen af, at
hvert regime har OpenFiscas egne endepunkter, og kører altid.
"""

import functools
import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client

from openfisca_dk_beskaeftigelse import effekt, webapp
from openfisca_dk_beskaeftigelse.regimer import alle_regimer

TJEK = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
FULDT = "gaeldende_ret"
HAANDFULD = "faerre_maalgrupper+digitale_samtaler"
EKSEMPLER_FULDT = 12
EKSEMPLER_HAANDFULD = 3
EKSEMPLER_STIKPROEVE = 1

EFFEKT = "/arbejdsbord/api/effekt"
# Befolkningens størrelse er ikke det, spec'en beskriver (grænserne og tallene testes i
# test_arbejdsbord.py): så få personer, trækninger og regimer holder hver beregning på et sekund.
EFFEKT_LOFT = {"personer": 3, "traekninger": 2}
EFFEKT_REGIMER = ["gaeldende_ret", HAANDFULD]


@pytest.fixture(scope="module")
def app():
    return webapp.lav_app()


@pytest.fixture
def effekt_i_processen(monkeypatch):
    """Befolkningsberegningen i testens proces: samme tal som i processer (test_effekt_motor.py), men
    uden at starte processer for få personer, så ingen beregning løber over web-API'ets tidsgrænse."""
    monkeypatch.setattr(effekt, "effekt", functools.partial(effekt.effekt, arbejdere=1))


def _lille_befolkning(case):
    """En gyldig effekt-krop med højst ``EFFEKT_LOFT`` og ``EFFEKT_REGIMER`` i stedet for 'alle'
    (også når regimer udelades: standarden er 'alle')."""
    krop = case.body
    if isinstance(krop, dict):
        for felt, loft in EFFEKT_LOFT.items():
            if isinstance(krop.get(felt), int) and not isinstance(krop[felt], bool):
                krop[felt] = min(krop[felt], loft)
        if krop.get("regimer", "alle") == "alle":
            krop["regimer"] = EFFEKT_REGIMER
    return case


def _kontroller_linjerne(svar) -> None:
    """Et 200-svar fra effekt er begyndt, før beregningen: dens fejl står i sidste linje, ikke i status."""
    if svar.status_code != 200:
        return
    sidste = json.loads(svar.text.strip().splitlines()[-1])
    assert "resultat" in sidste or sidste["felt"] is not None, f"intern fejl i beregningen: {sidste}"
    assert "brugte mere end grænsen" not in sidste.get("fejl", ""), sidste


def _koer(strategi, eksempler: int, efterkontrol=None) -> None:
    """``eksempler`` anmodninger fra strategien, hver kontrolleret med ``TJEK`` (og ``efterkontrol``)."""

    @settings(
        max_examples=eksempler,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategi)
    def kald(case):
        svar = case.call_and_validate(checks=TJEK)
        if efterkontrol is not None:
            efterkontrol(svar)

    kald()


def _fuzz(app, spec: str, eksempler: int, ugyldige: bool) -> None:
    """Hver operation med ``eksempler`` gyldige anmodninger og (``ugyldige``) lige så mange ugyldige."""
    skema = schemathesis.openapi.from_wsgi(spec, app)
    for resultat in skema.get_all_operations():
        operation = resultat.ok()
        befolkning = operation.method.upper() == "POST" and operation.path == EFFEKT
        gyldige = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
        if befolkning:
            _koer(gyldige.map(_lille_befolkning), eksempler, _kontroller_linjerne)
        else:
            _koer(gyldige, eksempler)
        # En ugyldig krop giver mening for POST; en GET med en tekst i stien kan ikke gøres ugyldig.
        if ugyldige and operation.method.upper() == "POST":
            _koer(operation.as_strategy(generation_mode=GenerationMode.NEGATIVE), eksempler)


@pytest.mark.parametrize(
    "noegle",
    [
        pytest.param(FULDT, marks=pytest.mark.fuzz),
        pytest.param(HAANDFULD, marks=pytest.mark.fuzz),
        *(n for n in alle_regimer() if n != FULDT),
    ],
)
def test_regimets_spec_holder(app, noegle):
    if noegle == FULDT:
        _fuzz(app, f"/{noegle}/spec", EKSEMPLER_FULDT, ugyldige=True)
    elif noegle == HAANDFULD:
        _fuzz(app, f"/{noegle}/spec", EKSEMPLER_HAANDFULD, ugyldige=True)
    else:
        _fuzz(app, f"/{noegle}/spec", EKSEMPLER_STIKPROEVE, ugyldige=False)
    # Regimet har gældende rets variabler under sine egne OpenFisca-endepunkter.
    assert "alder" in Client(app).get(f"/{noegle}/variables").json


@pytest.mark.fuzz
def test_rodens_spec_holder(app, effekt_i_processen):
    _fuzz(app, "/spec", EKSEMPLER_FULDT, ugyldige=True)
