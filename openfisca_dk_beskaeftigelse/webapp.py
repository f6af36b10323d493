"""Ét web-API for alle regimer.

Hvert regime får OpenFiscas eget web-API (``openfisca_web_api.app.create_app``) under
``/<regime>/`` (``/<regime>/calculate``, ``/trace``, ``/spec``, ``/variables``,
``/parameters`` ...), sat sammen med en WSGI-dispatcher. Roden har:

- ``GET /``: en oversigt med links;
- ``GET /regimer``: registret;
- ``POST /sammenlign``: ``{"situation": {...}, "periode": "2026-03", "regimer": [...] | "alle",
  "variabler": [...]}`` → hvert regimes resultater og forskellene (samme format som
  ``dk-beskaeftigelse sammenlign --format json``).
"""

from flask import Flask, jsonify, request
from openfisca_web_api.app import create_app
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, gyldig_maaned
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import UkendtRegimeError, alle_regimer, byg_system
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, som_dict


def _regimer_json(base: str = "") -> list[dict]:
    return [
        {
            "noegle": r.noegle,
            "navn": r.navn,
            "status": r.status,
            "reformer": r.reformstier,
            "kilder": [{"fil": k.fil, "afsnit": k.afsnit} for k in r.kilder],
            "url": f"{base}/{r.noegle}/",
        }
        for r in alle_regimer().values()
    ]


def _rod() -> Flask:
    app = Flask(__name__)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    @app.get("/")
    def oversigt():
        return jsonify(
            {
                "beskrivelse": (
                    "openfisca-dk-beskaeftigelse: ét OpenFisca web-API per regime, og /sammenlign."
                ),
                "regimer": _regimer_json(request.script_root),
                "sammenlign": f"{request.script_root}/sammenlign",
            }
        )

    @app.get("/regimer")
    def regimer():
        return jsonify(_regimer_json(request.script_root))

    @app.post("/sammenlign")
    def sammenlign_():
        krop = request.get_json(silent=True)
        try:
            if not isinstance(krop, dict):
                raise BrugerFejl("krop: forventede et JSON-objekt med 'situation', 'periode' og 'regimer'")
            for felt in ("situation", "periode"):
                if felt not in krop:
                    raise BrugerFejl(f"{felt}: mangler")
            noegler = krop.get("regimer", "alle")
            if noegler == "alle":
                noegler = list(alle_regimer())
            if not isinstance(noegler, list):
                raise BrugerFejl('regimer: forventede en liste af regimenøgler eller "alle"')
            resultat = sammenlign(
                krop["situation"],
                gyldig_maaned(str(krop["periode"]), felt="periode"),
                noegler,
                krop.get("variabler"),
            )
        except UkendtRegimeError as fejl:
            return jsonify({"fejl": f"regimer: {fejl}", "felt": "regimer"}), 400
        except BrugerFejl as fejl:
            return jsonify({"fejl": str(fejl), "felt": str(fejl).split(":")[0]}), 400
        except ManglendeOplysningError as fejl:
            return jsonify({"fejl": str(fejl), "felt": fejl.felt}), 400
        except ParameterHulError as fejl:
            return jsonify({"fejl": str(fejl), "felt": fejl.navn}), 422
        return jsonify(som_dict(resultat))

    return app


def lav_app(noegler: list[str] | None = None):
    """WSGI-appen: roden plus OpenFiscas app for hvert regime under ``/<regime>``."""
    noegler = noegler or list(alle_regimer())
    return DispatcherMiddleware(_rod(), {f"/{n}": create_app(byg_system(n)) for n in noegler})
