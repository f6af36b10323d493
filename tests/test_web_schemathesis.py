"""Schemathesis mod hvert regimes spec og rodens spec: ingen 5xx, og hvert svar passer til spec'en.

Anmodningerne laves af schemathesis ud fra spec'en selv (gyldige og ugyldige kroppe og stier) og
sendes til ``lav_app`` gennem WSGI. For at holde kørslen på et par minutter får gældende ret og en
stak gyldige og ugyldige anmodninger til hver operation, de øvrige regimer en stikprøve (spec'ens
eksempel og én gyldig anmodning per operation); Hypothesis er deterministisk (``derandomize``), så
en fejl kan genskabes. ``-m "not fuzz"`` springer filen over lokalt.
"""

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

from openfisca_dk_beskaeftigelse import webapp
from openfisca_dk_beskaeftigelse.regimer import alle_regimer

pytestmark = pytest.mark.fuzz

TJEK = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
FULDT = ("gaeldende_ret", "faerre_maalgrupper+digitale_samtaler")
EKSEMPLER_FULDT = 12
EKSEMPLER_STIKPROEVE = 1


@pytest.fixture(scope="module")
def app():
    return webapp.lav_app()


def _fuzz(app, spec: str, eksempler: int, ugyldige: bool) -> None:
    """Hver operation med ``eksempler`` gyldige anmodninger og (``ugyldige``) lige så mange ugyldige."""
    skema = schemathesis.openapi.from_wsgi(spec, app)
    for resultat in skema.get_all_operations():
        operation = resultat.ok()
        tilstande = [GenerationMode.POSITIVE]
        # En ugyldig krop giver mening for POST; en GET med en tekst i stien kan ikke gøres ugyldig.
        if ugyldige and operation.method.upper() == "POST":
            tilstande.append(GenerationMode.NEGATIVE)
        for tilstand in tilstande:

            @settings(
                max_examples=eksempler,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=tilstand))
            def kald(case):
                case.call_and_validate(checks=TJEK)

            kald()


@pytest.mark.parametrize("noegle", [*FULDT, *(n for n in alle_regimer() if n not in FULDT)])
def test_regimets_spec_holder(app, noegle):
    if noegle in FULDT:
        _fuzz(app, f"/{noegle}/spec", EKSEMPLER_FULDT, ugyldige=True)
    else:
        _fuzz(app, f"/{noegle}/spec", EKSEMPLER_STIKPROEVE, ugyldige=False)


def test_rodens_spec_holder(app):
    _fuzz(app, "/spec", EKSEMPLER_FULDT, ugyldige=True)
