"""Ét web-API for alle regimer.

Hvert regime får OpenFiscas eget web-API (``openfisca_web_api.app.create_app``) under
``/<regime>/`` (``/<regime>/calculate``, ``/trace``, ``/spec``, ``/variables``,
``/parameters`` ...), sat sammen med en WSGI-dispatcher. Roden har:

- ``GET /``: en oversigt med links;
- ``GET /regimer``: registret;
- ``POST /sammenlign``: ``{"situation": {...}, "periode": "2026-03", "regimer": [...] | "alle",
  "variabler": [...], "fremskrivning": true}`` → hvert regimes resultater og forskellene (samme
  format som ``dk-beskaeftigelse sammenlign --format json``; ``fremskrivning`` som
  ``--fremskrivning``).

Brugerfejl giver ``{"fejl": ..., "felt": ...}`` med status 400 (422 for et hul i kilderne),
ikke 500; ``docs/web-api.md`` har tabellen.
"""

import gc
import json

from flask import Flask, jsonify, request
from openfisca_core.errors import ParameterNotFoundError
from openfisca_web_api.app import create_app
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from openfisca_dk_beskaeftigelse import __version__
from openfisca_dk_beskaeftigelse.beregning import FOERSTE_MAANED, BrugerFejl, gyldig_maaned
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import UkendtRegimeError, alle_regimer, byg_system
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, som_dict

# Felterne i POST /sammenlign; andre nøgler afvises, så en stavefejl ikke ignoreres i stilhed.
FELTER = ("situation", "periode", "regimer", "variabler", "fremskrivning")
# Den fælles kode (beregning, sammenligning) navngiver felterne som CLI'et; klienten sendte JSON-felterne.
_CLI_FELTER = {
    "SITUATION": "situation",
    "--periode": "periode",
    "--regimer": "regimer",
    "--variabler": "variabler",
}


class FeltFejl(BrugerFejl):
    """Fejl i ét felt i kroppen af POST /sammenlign; ``felt`` er JSON-feltets navn."""

    def __init__(self, felt: str, besked: str) -> None:
        self.felt = felt
        super().__init__(f"{felt}: {besked}")

    @classmethod
    def fra_cli(cls, fejl: BrugerFejl) -> "FeltFejl":
        """En BrugerFejl fra den fælles kode ('--variabler: ...') med JSON-feltets navn."""
        felt, _, besked = str(fejl).partition(": ")
        return cls(_CLI_FELTER.get(felt, felt), besked)


# Pakkens version på hvert svar, også fra roden (OpenFiscas apps sender selv Country-Package-Version).
VERSIONSHOVED = "X-Dk-Beskaeftigelse-Version"


def _med_version(app: Flask) -> Flask:
    @app.after_request
    def version(svar):
        svar.headers[VERSIONSHOVED] = __version__
        return svar

    return app


def _fejlsvar(fejl: FeltFejl):
    return jsonify({"fejl": str(fejl), "felt": fejl.felt}), 400


def _hulsvar(fejl: ParameterHulError):
    # 422: anmodningen er gyldig, men kilderne dækker ikke parameteren på den dato.
    return jsonify({"fejl": str(fejl), "felt": fejl.navn}), 422


def _foer_modellen(fejl: ParameterNotFoundError):
    # Parametrene begynder i FOERSTE_MAANED: før den er fejlen brugerens periode, efter den modellens.
    if fejl.instant_str[:7] >= FOERSTE_MAANED:
        raise fejl
    besked = f"datoen {fejl.instant_str} ligger før modellens første måned, {FOERSTE_MAANED}"
    return jsonify({"fejl": f"periode: {besked}", "felt": "periode"}), 400


def _json(vaerdi) -> str:
    return json.dumps(vaerdi, ensure_ascii=False)


def _tekster(krop: dict, felt: str, ellers: str) -> list[str]:
    """Feltet som en ikke-tom liste af tekster; alt andet giver FeltFejl (``ellers`` nævner alternativet)."""
    vaerdi = krop[felt]
    if not isinstance(vaerdi, list) or not vaerdi:
        raise FeltFejl(felt, f"forventede en ikke-tom liste af tekster {ellers}, ikke {_json(vaerdi)}")
    for nr, element in enumerate(vaerdi):
        if not isinstance(element, str):
            raise FeltFejl(felt, f"element nr. {nr} er {_json(element)}, ikke en tekst")
    return vaerdi


def _anmodning(krop) -> tuple[dict, str, list[str], list[str] | None, bool]:
    """Kroppen af POST /sammenlign kontrolleret felt for felt: situation, periode, regimer, variabler
    og fremskrivning."""
    if not isinstance(krop, dict):
        raise FeltFejl("krop", "forventede et JSON-objekt med 'situation', 'periode' og 'regimer'")
    ukendte = [noegle for noegle in krop if noegle not in FELTER]
    if ukendte:
        raise FeltFejl(
            ukendte[0],
            f"ukendt felt; felter, der ikke kendes: {', '.join(map(_json, ukendte))}; "
            f"kendte felter: {', '.join(FELTER)}",
        )
    for felt in ("situation", "periode"):
        if felt not in krop:
            raise FeltFejl(felt, "mangler")
    if not isinstance(krop["situation"], dict):
        raise FeltFejl("situation", "forventede et JSON-objekt med fx 'personer' og 'virksomheder'")
    if not isinstance(krop["periode"], str):
        raise FeltFejl(
            "periode", f'forventede en måned som tekst, fx "2026-03", ikke {_json(krop["periode"])}'
        )
    periode = gyldig_maaned(krop["periode"], felt="periode")
    regimer = krop.get("regimer", "alle")
    if regimer == "alle":
        noegler = list(alle_regimer())
    else:
        noegler = _tekster(krop, "regimer", 'eller "alle"')
    variabler = (
        _tekster(krop, "variabler", "(udelad feltet for standardvariablerne)")
        if "variabler" in krop
        else None
    )
    fremskrivning = krop.get("fremskrivning", False)
    if not isinstance(fremskrivning, bool):
        raise FeltFejl("fremskrivning", f"forventede true eller false, ikke {_json(fremskrivning)}")
    return krop["situation"], periode, noegler, variabler, fremskrivning


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
    app = _med_version(Flask(__name__))
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
        try:
            situation, periode, noegler, variabler, fremskrivning = _anmodning(request.get_json(silent=True))
            resultat = sammenlign(situation, periode, noegler, variabler, fremskrivning)
        except UkendtRegimeError as fejl:
            return jsonify({"fejl": f"regimer: {fejl}", "felt": "regimer"}), 400
        except FeltFejl as fejl:
            return _fejlsvar(fejl)
        except BrugerFejl as fejl:
            return _fejlsvar(FeltFejl.fra_cli(fejl))
        except ManglendeOplysningError as fejl:
            return jsonify({"fejl": str(fejl), "felt": fejl.felt}), 400
        # Et hul i kilderne blanker kun sin celle (resultaternes "huller"); det er ikke en fejl her.
        return jsonify(som_dict(resultat))

    return app


def _regimets_app(noegle: str) -> Flask:
    """OpenFiscas app for regimet; et hul i kilderne (422) og en periode før 2020-01 (400) giver ikke 500."""
    app = _med_version(create_app(byg_system(noegle)))
    app.register_error_handler(ParameterHulError, _hulsvar)
    app.register_error_handler(ParameterNotFoundError, _foer_modellen)
    return app


def lav_app(noegler: list[str] | None = None):
    """WSGI-appen: roden plus OpenFiscas app for hvert regime under ``/<regime>``.

    Hvert regimes app bruger regimets system fra ``regimer.byg_system``: det samme objekt, som
    ``/sammenlign`` regner med.
    """
    noegler = noegler or list(alle_regimer())
    app = DispatcherMiddleware(_rod(), {f"/{n}": _regimets_app(n) for n in noegler})
    # Systemerne og apps'ene lever lige så længe som processen: uden for garbage collectorens
    # runder, så de ikke gennemgås ved hver anmodning (et helt regimeregister er ~160.000 objekter).
    gc.collect()
    gc.freeze()
    return app
