"""Ét web-API for alle regimer.

Hvert regime får OpenFiscas eget web-API (``openfisca_web_api.app.create_app``) under
``/<regime>/`` (``/<regime>/calculate``, ``/trace``, ``/spec``, ``/variables``,
``/parameters`` ...), også stakke som ``/faerre_maalgrupper+digitale_samtaler/``, bygget ved
første brug og husket (højst ``MAKS_REGIMEAPPS``). Roden har:

- ``GET /``: en oversigt med links; en browser (``Accept: text/html``) får arbejdsbordet
  (``arbejdsbord``: siderne under ``/arbejdsbord/`` og deres API under ``/arbejdsbord/api/``);
- ``GET /regimer``: registret;
- ``GET /spec``: rodens OpenAPI-spec (``/regimer``, ``/sammenlign``, ``/forklar`` og arbejdsbordets API);
- ``POST /forklar``: ``{"situation": {...}, "periode": "2026-03", "variabel": "joblog_pligt",
  "regimer": [A, B], "person": "ali", "fremskrivning": false}`` → hvorfor variablen er forskellig
  under A og B (samme format som ``dk-beskaeftigelse forklar --regimer A,B --format json``);
- ``POST /sammenlign``: ``{"situation": {...}, "periode": "2026-03", "regimer": [...] | "alle",
  "variabler": [...], "fremskrivning": true, "raekker": "alle" | "afvigende"}`` → hvert regimes
  resultater og forskellene (samme format som ``dk-beskaeftigelse sammenlign --format json``;
  ``fremskrivning`` som ``--fremskrivning``; ``"afvigende"``: kun rækkerne med forskelle). Et
  regime kan også være et reformobjekt med reformfilernes skema (``docs/reformfiler.md``); det får
  nøglen ``egen_<indholdets hash>``.

Hver fejl er JSON ``{"fejl": ..., "felt": ...}`` med en 4xx-status (tabellen ``FEJL`` og
``docs/web-api.md``); en uventet fejl er 500 uden undtagelsens tekst. Arbejdet er begrænset:
kroppens størrelse, personer per anmodning, regimer × personer i ``/sammenlign`` og tiden per
anmodning (``GRAENSER``). :func:`tilpas` lægger det samme på en app fra ``create_app`` — også
under ``openfisca serve``, hvor :func:`tilslut_openfisca_serve` gør det ved appens første anmodning.
"""

import contextlib
import datetime
import json
import logging
import signal
import threading
from collections.abc import Mapping
from contextvars import ContextVar
from copy import deepcopy
from functools import cache, lru_cache
from types import SimpleNamespace

import yaml
from flask import Flask, Response, current_app, jsonify, request
from flask.signals import appcontext_pushed
from openfisca_core import periods
from openfisca_core.errors import ParameterNotFoundError
from openfisca_web_api import handlers
from openfisca_web_api.app import create_app
from openfisca_web_api.loader import spec as _openapi_spec
from openfisca_web_api.loader import variables as _openapi_variabler
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from openfisca_dk_beskaeftigelse import (
    EKSEMPELMAPPE,
    SPEC_EKSEMPEL,
    CountryTaxBenefitSystem,
    __version__,
    reformfil,
    vaerdiomraader,
)
from openfisca_dk_beskaeftigelse.beregning import (
    FOERSTE_MAANED,
    SIKKER_INDLAESER,
    BrugerFejl,
    Bygger,
    Laesninger,
    SituationsFejl,
    antal_medlemmer,
    gyldig_maaned,
    ignorerede_inddata,
    inddata_uden_for_regimer,
    indlaes_situation,
    kontroller_situation,
    spec_eksempel,
    uden_inddata,
)
from openfisca_dk_beskaeftigelse.datoer import ManglendeOplysningError
from openfisca_dk_beskaeftigelse.forklaring import forskel, forskel_som_dict
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.regimer import (
    GAELDENDE_RET,
    MAKS_EGNE,
    STAK,
    UkendtRegimeError,
    alle_regimer,
    byg_system,
    regime,
    registrets_systemer,
)
from openfisca_dk_beskaeftigelse.sammenligning import kun_afvigende, sammenlign, som_csv, som_dict

log = logging.getLogger(__name__)

# Grænserne for én anmodning; en anmodning over en grænse får en fejl, der nævner den.
MAKS_KROP = 1_000_000  # bytes i kroppen af en POST
MAKS_DYBDE = 12  # JSON-niveauer; en situation har fem
MAKS_MEDLEMMER = 1_000  # personer (og arbejdssteder) i én situation
MAKS_REGIMER_GANGE_PERSONER = 3_000  # i /sammenlign: regimer × (personer + arbejdssteder)
MAKS_SEKUNDER = 30  # beregningstid per anmodning
GRAENSER = {
    "krop_bytes": MAKS_KROP,
    "json_niveauer": MAKS_DYBDE,
    "personer_per_anmodning": MAKS_MEDLEMMER,
    "regimer_gange_personer": MAKS_REGIMER_GANGE_PERSONER,
    "sekunder_per_anmodning": MAKS_SEKUNDER,
}
# Regimernes apps i hukommelsen (registrets regimer er færre; resten er brugernes stakke).
MAKS_REGIMEAPPS = 64
# CORS: enhver oprindelse må læse og beregne (ingen cookies eller login); `serve --cors` ændrer det.
CORS_STANDARD = ("*",)
# Kildelinks peger på denne gren: versionen har endnu ikke et tag i repoet.
KILDEREF = "main"

# Felterne i POST /sammenlign; andre nøgler afvises, så en stavefejl ikke ignoreres i stilhed.
FELTER = ("situation", "periode", "regimer", "variabler", "fremskrivning", "raekker")
# "raekker": alle rækker (standard) eller kun dem, der afviger fra gældende ret.
RAEKKER = ("alle", "afvigende")
# Den fælles kode (beregning, sammenligning) navngiver felterne som CLI'et; klienten sendte JSON-felterne.
_CLI_FELTER = {
    "SITUATION": "situation",
    "--periode": "periode",
    "--regimer": "regimer",
    "--variabler": "variabler",
    "--variabel": "variabel",
    "--person": "person",
}
# Felterne i POST /forklar (forskellen mellem to regimer).
FORKLAR_FELTER = ("situation", "periode", "variabel", "regimer", "person", "fremskrivning")


class FeltFejl(BrugerFejl):
    """Fejl i ét felt af en anmodning; ``felt`` er feltets navn, ``kode`` HTTP-status."""

    def __init__(self, felt: str, besked: str, kode: int = 400) -> None:
        self.felt = felt
        self.kode = kode
        super().__init__(f"{felt}: {besked}")

    @classmethod
    def fra_cli(cls, fejl: BrugerFejl) -> "FeltFejl":
        """En BrugerFejl fra den fælles kode ('--variabler: ...') med JSON-feltets navn."""
        felt, _, besked = str(fejl).partition(": ")
        return cls(_CLI_FELTER.get(felt, felt), besked)


class TidsgraenseFejl(Exception):
    """Anmodningen brugte mere end ``MAKS_SEKUNDER``."""

    def __str__(self) -> str:
        return (
            f"anmodningen brugte mere end grænsen på {MAKS_SEKUNDER} sekunder; "
            "send færre personer, variabler eller regimer"
        )


class OptagetFejl(Exception):
    """En befolkningsberegning kører allerede i denne proces (arbejdsbordets ``effekt``)."""

    def __str__(self) -> str:
        return "en anden befolkningsberegning kører på serveren; prøv igen om lidt"


# Pakkens version på hvert svar, også fra roden (OpenFiscas apps sender selv Country-Package-Version).
VERSIONSHOVED = "X-Dk-Beskaeftigelse-Version"
# Advarsler fra /calculate og /trace (inddata, beregningen gik forbi) som en JSON-liste i ASCII.
ADVARSELSHOVED = "X-Dk-Beskaeftigelse-Advarsler"


def _med_version(app: Flask) -> Flask:
    @app.after_request
    def version(svar):
        svar.headers[VERSIONSHOVED] = __version__
        return svar

    return app


# ---- fejl som JSON -----------------------------------------------------------------------


def _svar(status: int, fejl: str, felt: str | None):
    svar = jsonify({"fejl": fejl, "felt": felt})
    svar.status_code = status
    return svar


def _situationsfejl(fejl: SituationsFejl):
    # I /calculate og /trace er kroppen selve situationen: feltet er stien i den.
    return _svar(fejl.kode, f"{fejl.sti}: {fejl.besked}" if fejl.sti else fejl.besked, fejl.sti or "krop")


def _foer_modellen(fejl: ParameterNotFoundError):
    # Parametrene begynder i FOERSTE_MAANED: før den er fejlen brugerens periode, efter den modellens.
    if fejl.instant_str[:7] >= FOERSTE_MAANED:
        return _intern(fejl)
    besked = f"datoen {fejl.instant_str} ligger før modellens første måned, {FOERSTE_MAANED}"
    return _svar(400, f"periode: {besked}", "periode")


def _intern(fejl: Exception):
    # Undtagelsens tekst kan afsløre kode og data; den står i loggen, ikke i svaret.
    log.error("Uventet fejl i %s %s", request.method, request.path, exc_info=fejl)
    return _svar(500, "intern fejl i serveren; fejlen er logget", None)


def _http(fejl: HTTPException):
    if fejl.response is not None:
        # Et færdigt svar fra OpenFiscas egen kode (fx et manglende input, 400 med {fejl, felt}).
        return fejl.response
    if isinstance(fejl, InternalServerError):
        return _intern(getattr(fejl, "original_exception", None) or fejl)
    besked, felt = _HTTP_TEKSTER.get(fejl.code, lambda f: (f.description, None))(fejl)
    svar = _svar(fejl.code, besked, felt)
    for navn, vaerdi in fejl.get_headers():
        if navn.lower() != "content-type":
            svar.headers[navn] = vaerdi
    return svar


def _ikke_fundet(_fejl):
    sti = request.script_root + request.path
    if request.endpoint == "get_variable":
        navn = request.view_args["id"]
        return f"ukendt variabel '{navn}'; se {request.script_root}/variables", "variabel"
    if request.endpoint == "get_parameter":
        navn = request.view_args["parameter_id"]
        return f"ukendt parameter '{navn}'; se {request.script_root}/parameters", "parameter"
    return f"ingen side på '{sti}'", "sti"


def _rodens_sti_med_skraastreg() -> bool:
    """'/sammenlign/' og lignende: en af rodens egne stier med en skråstreg til sidst."""
    uden = request.path.rstrip("/")
    if not uden or uden == request.path:
        return False
    try:
        current_app.url_map.bind("").match(uden, method=request.method)
    except HTTPException:
        return False
    return True


def _ukendt_regime(fejl: HTTPException):
    """Roden: en ukendt første del af stien er et ukendt regime (eller en stak, der ikke går)."""
    if _rodens_sti_med_skraastreg():
        return _uden_skraastreg()
    if request.blueprint is not None:
        # Stien hører til arbejdsbordet (en fil, der ikke findes), ikke til et regime.
        return _http(fejl)
    foerste = request.path.strip("/").split("/")[0]
    try:
        fundet = regime(foerste)
    except UkendtRegimeError as ukendt:
        return _svar(404, str(ukendt), "regime")
    if fundet.oprindelse:
        return _svar(
            404,
            f"'{foerste}' er en egen variant og har ingen adresse i API'et; send reformobjektet "
            "under regimer i POST /sammenlign",
            "regime",
        )
    return _http(fejl)


_HTTP_TEKSTER = {
    404: _ikke_fundet,
    405: lambda f: (
        f"metoden {request.method} er ikke tilladt på '{request.script_root}{request.path}'; "
        f"tilladt: {', '.join(sorted(getattr(f, 'valid_methods', None) or []))}",
        "metode",
    ),
    413: lambda _f: (
        "krop: anmodningen (fx en indsat fil) er større end grænsen på "
        + f"{MAKS_KROP:,} bytes".replace(",", "."),
        "krop",
    ),
}

# Undtagelse → svar; én tabel for roden og alle regimer (rækkefølgen er ligegyldig: Flask vælger
# den mest specifikke klasse).
FEJL = (
    (FeltFejl, lambda f: _svar(f.kode, str(f), f.felt)),
    (SituationsFejl, _situationsfejl),
    (ManglendeOplysningError, lambda f: _svar(400, str(f), f.felt)),
    # 422: anmodningen er gyldig, men kilderne dækker ikke parameteren på den dato.
    (ParameterHulError, lambda f: _svar(422, str(f), f.navn)),
    (ParameterNotFoundError, _foer_modellen),
    (TidsgraenseFejl, lambda f: _svar(503, str(f), None)),
    (OptagetFejl, lambda f: _svar(503, str(f), None)),
    (HTTPException, _http),
    (Exception, _intern),
)


def _registrer_fejl(app: Flask) -> None:
    for klasse, haandtering in FEJL:
        app.register_error_handler(klasse, haandtering)
    # OpenFiscas egen 500-side viser undtagelsens tekst; denne erstatter den.
    app.register_error_handler(500, _http)


# ---- kroppen og tiden ----------------------------------------------------------------------


def _uden_dubletter(par: list) -> dict:
    """Et JSON-objekt, hvor en nøgle står to gange, er en fejl (ellers vinder den sidste i stilhed)."""
    objekt = {}
    for noegle, vaerdi in par:
        if noegle in objekt:
            raise FeltFejl("krop", f"nøglen '{noegle}' står to gange i samme objekt")
        objekt[noegle] = vaerdi
    return objekt


def _ingen_konstant(navn: str):
    raise FeltFejl("krop", f"{navn} er ikke et tal i JSON")


def _dybde(vaerdi) -> int:
    dybeste, stak = 0, [(vaerdi, 1)]
    while stak:
        v, niveau = stak.pop()
        if isinstance(v, dict | list):
            dybeste = max(dybeste, niveau)
            if niveau > MAKS_DYBDE:
                return niveau
            stak.extend((x, niveau + 1) for x in (v.values() if isinstance(v, dict) else v))
    return dybeste


def laes_krop():
    """Kroppen af en POST som JSON: application/json, højst ``MAKS_KROP`` bytes og ``MAKS_DYBDE`` niveauer."""
    if request.mimetype != "application/json":
        raise FeltFejl(
            "Content-Type",
            f"forventede application/json, fik '{request.mimetype or 'ingen'}'",
            kode=415,
        )
    if request.content_length is not None and request.content_length > MAKS_KROP:
        raise RequestEntityTooLarge()
    data = request.get_data(cache=True)
    if not data.strip():
        raise FeltFejl("krop", "mangler; send et JSON-objekt")
    try:
        krop = json.loads(
            data.decode("utf-8"), object_pairs_hook=_uden_dubletter, parse_constant=_ingen_konstant
        )
    except FeltFejl:
        raise
    except UnicodeDecodeError:
        raise FeltFejl("krop", "er ikke UTF-8") from None
    except RecursionError:
        raise FeltFejl("krop", f"JSON er indlejret dybere end grænsen på {MAKS_DYBDE} niveauer") from None
    except json.JSONDecodeError as fejl:
        raise FeltFejl("krop", f"er ikke gyldig JSON (linje {fejl.lineno}, kolonne {fejl.colno})") from None
    except ValueError as fejl:
        raise FeltFejl("krop", f"er ikke gyldig JSON ({fejl})") from None
    if _dybde(krop) > MAKS_DYBDE:
        raise FeltFejl("krop", f"JSON er indlejret dybere end grænsen på {MAKS_DYBDE} niveauer")
    return krop


def _ur_kan_bruges() -> bool:
    # SIGALRM virker kun i hovedtråden (gunicorns sync-workers og testklienten).
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _tidsgraense(_signal, _ramme):
    raise TidsgraenseFejl()


def _start_ur() -> None:
    if _ur_kan_bruges():
        signal.signal(signal.SIGALRM, _tidsgraense)
        signal.setitimer(signal.ITIMER_REAL, MAKS_SEKUNDER)


def _stop_ur(_fejl=None) -> None:
    if _ur_kan_bruges():
        signal.setitimer(signal.ITIMER_REAL, 0)


# ---- links ---------------------------------------------------------------------------------


def _base() -> str:
    """Adressen, klienten brugte, med regimets forstavelse; X-Forwarded-Host og -Proto tros ikke."""
    miljoe = {**request.environ, **request.environ.get("werkzeug.proxy_fix.orig", {})}
    vaert = miljoe.get("HTTP_HOST") or f"{miljoe['SERVER_NAME']}:{miljoe['SERVER_PORT']}"
    return f"{miljoe['wsgi.url_scheme']}://{vaert}{request.script_root}"


def _kildelink(link: str, metadata: dict) -> str:
    return link.replace(
        f"{metadata['repository_url']}/blob/{metadata['version']}/",
        f"{metadata['repository_url']}/blob/{KILDEREF}/",
        1,
    )


def _ret_kildelinks(data: dict) -> None:
    """Variablernes, formlernes og parametrenes kildelinks på en gren, der findes (``KILDEREF``)."""
    metadata = data["country_package_metadata"]
    for variabel in data["variables"].values():
        if "source" in variabel:
            variabel["source"] = _kildelink(variabel["source"], metadata)
        for formel in (variabel.get("formulas") or {}).values():
            if formel is not None:
                formel["source"] = _kildelink(formel["source"], metadata)
    for parameter in data["parameters"].values():
        if "source" in parameter:
            parameter["source"] = _kildelink(parameter["source"], metadata)


# ---- OpenAPI ------------------------------------------------------------------------------

FEJL_SKEMA = {
    "type": "object",
    "required": ["fejl", "felt"],
    "properties": {
        "fejl": {"type": "string", "description": "hvad der er galt, på dansk"},
        "felt": {
            "type": "string",
            "nullable": True,
            "description": "feltet eller stien i kroppen, fejlen ligger i (null: hele anmodningen)",
        },
    },
}
_FEJLSVAR = {
    400: "Forkert anmodning: feltet er nævnt i `felt`",
    404: "En variabel, parameter, side eller et regime findes ikke",
    413: f"Kroppen er større end {MAKS_KROP} bytes",
    415: "Kroppen er ikke application/json",
    422: "Kilderne dækker ikke en parameter, beregningen bruger, på datoen (`felt` er parameteren)",
    500: "Intern fejl (uden detaljer; fejlen er logget)",
    503: f"Anmodningen brugte mere end {MAKS_SEKUNDER} sekunder",
}


def _fejlsvar(*koder: int) -> dict:
    return {
        str(kode): {
            "description": _FEJLSVAR[kode],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fejl"}}},
        }
        for kode in koder
    }


def _vaerdiskema(variabel, skema: dict) -> dict:
    """Én variabels værdi i situationen: null (beregn), ellers typen og værdiområdet."""
    ny = {**skema, "nullable": True}
    if variabel.value_type is datetime.date:
        ny["format"] = "date"
    omraade = vaerdiomraader.vaerdiomraade(variabel)
    if omraade is not None and variabel.value_type in (int, float) and omraade.ikke_oplyst is None:
        if omraade.mindst is not None:
            ny["minimum"] = omraade.mindst
        if omraade.hoejst is not None:
            ny["maximum"] = omraade.hoejst
    return ny


def _ret_spec(spec: dict, system) -> None:
    """OpenFiscas spec for regimet: fejlsvarene, null for "beregn", værdiområder, rette skemaer."""
    skemaer = spec["components"]["schemas"]
    skemaer["Fejl"] = FEJL_SKEMA
    for entitet in system.entities:
        egenskaber = skemaer[entitet.key.title()]["properties"]
        for navn, variabel in system.get_variables(entitet).items():
            egenskaber[navn]["additionalProperties"] = _vaerdiskema(
                variabel, egenskaber[navn]["additionalProperties"]
            )
    # OpenFiscas skemaer passer ikke til dens egne svar: et id er tekst, en værdi kan være null
    # (et hul i kilderne), en standardværdi og en formel (null efter variablens slutdato) kan være alt.
    skemaer["Parameter"]["properties"]["id"] = {"type": "string"}
    skemaer["Value"]["nullable"] = True
    skemaer["Variable"]["properties"]["defaultValue"] = {}
    skemaer["Variable"]["properties"]["formulas"]["additionalProperties"] = {
        "allOf": [{"$ref": "#/components/schemas/Formula"}],
        "nullable": True,
    }
    skemaer["Trace"]["properties"]["trace"]["additionalProperties"]["properties"]["parameters"] = {
        "type": "object"
    }
    stier = spec["paths"]
    for sti in ("/calculate", "/trace"):
        stier[sti]["post"]["responses"].update(_fejlsvar(400, 404, 413, 415, 422, 500, 503))
        stier[sti]["post"]["responses"][200].setdefault("headers", {})[ADVARSELSHOVED] = {
            "description": "inddata, beregningen gik forbi (angivet for andre perioder end dem, den læste)",
            "schema": {"type": "string", "example": json.dumps(["personer/mette/ydelse har ingen værdi"])},
        }
    for sti in ("/parameter/{parameterID}", "/variable/{variableID}"):
        stier[sti]["get"]["responses"].update(_fejlsvar(404))
    for operationer in stier.values():
        for operation in operationer.values():
            # OpenFiscas YAML har tal som nøgler; OpenAPI og JSON har tekst.
            operation["responses"] = {str(k): v for k, v in operation["responses"].items()}


def _saet_eksempel(data: dict) -> None:
    """Et eksempel, der beregner uddata, i spec'en (OpenFisca selv giver kun gældende ret et)."""
    system = data["tax_benefit_system"]
    if system.open_api_config.get("simulation_example"):
        return
    eksempel = spec_eksempel(system, indlaes_situation(SPEC_EKSEMPEL))
    skemaer = data["openAPI_spec"]["components"]["schemas"]
    skemaer["SituationInput"]["example"] = eksempel
    skemaer["SituationOutput"]["example"] = handlers.calculate(system, deepcopy(eksempel))
    skemaer["Trace"]["example"] = handlers.trace(system, deepcopy(eksempel))


# ---- regimets app --------------------------------------------------------------------------

_NOEGLE = "dk_beskaeftigelse"


def _openfisca_data(app: Flask) -> dict | None:
    """``create_app``s data (systemet, spec'en, variablerne ...), som dens visninger deler."""
    visning = app.view_functions.get("calculate")
    if visning is None or "data" not in visning.__code__.co_freevars:
        return None
    return visning.__closure__[visning.__code__.co_freevars.index("data")].cell_contents


def _kontroller_beregning() -> None:
    """/calculate og /trace: kroppen og situationen kontrolleres, før OpenFisca bygger simuleringen."""
    if request.method == "POST" and request.endpoint in ("calculate", "trace"):
        system = current_app.extensions[_NOEGLE]["tax_benefit_system"]
        kontroller_situation(system, laes_krop(), maks_medlemmer=MAKS_MEDLEMMER, web_api=True)


# Den sporing, /calculate lader OpenFiscas handler bruge; None uden for en anmodning.
_laesninger: ContextVar[Laesninger | None] = ContextVar("laesninger", default=None)


class _SporendeBygger(Bygger):
    """Pakkens bygger (hvert medlem med sine egne inddata); under /calculate læser simuleringen med en
    :class:`Laesninger` som tracer."""

    def build_from_entities(self, tax_benefit_system, input_dict):
        simulering = super().build_from_entities(tax_benefit_system, input_dict)
        laesninger = _laesninger.get()
        if laesninger is not None:
            simulering.tracer = laesninger
        return simulering


# OpenFiscas handlers bygger simuleringen selv; kun sådan ser pakken, hvad /calculate læste.
handlers.SimulationBuilder = _SporendeBygger

# create_app læser hver formels kildekode (inspect) og openAPI.yml igen for hvert regime (0,25 s per
# regime); formlerne er de samme funktioner i alle regimer, og filen er den samme: de læses én gang.
OPRINDELIG_BYG_FORMEL = _openapi_variabler.build_formula


@cache
def _formlen(formel, repository_url: str, version: str, sti: str) -> dict:
    return OPRINDELIG_BYG_FORMEL(formel, {"repository_url": repository_url, "version": version}, sti)


def _byg_formel(formel, metadata: dict, sti: str) -> dict:
    return dict(_formlen(formel, metadata["repository_url"], metadata["version"], sti))


@cache
def _openapi_yml(sti: str) -> dict:
    with open(sti, encoding="utf-8") as fil:
        return yaml.load(fil, Loader=SIKKER_INDLAESER)


_openapi_variabler.build_formula = _byg_formel
# ``yaml`` for OpenFiscas spec-modul: filen læses én gang, og hver app får sin egen kopi.
_openapi_spec.yaml = SimpleNamespace(safe_load=lambda fil: deepcopy(_openapi_yml(fil.name)))


def _anmodet_periode(krop: dict) -> str:
    """Den første periode, kroppen beder om (en værdi ``null``), til advarslens tekst."""
    for medlemmer in krop.values():
        for felter in (medlemmer or {}).values() if isinstance(medlemmer, dict) else ():
            for vaerdier in felter.values() if isinstance(felter, dict) else ():
                for periode, vaerdi in vaerdier.items() if isinstance(vaerdier, dict) else ():
                    if vaerdi is None:
                        return str(periode)
    return ""


def _laest_i_sporet(spor: dict) -> set:
    """(variabel, periode) for hver nøgle ``navn<periode>`` i /trace-svarets spor."""
    par = (noegle[:-1].split("<", 1) for noegle in spor)
    return {(navn, periods.period(periode)) for navn, periode in par}


def _med_advarsler(visning, system):
    """/calculate eller /trace med en advarsel i ``ADVARSELSHOVED`` for inddata, beregningen gik forbi."""

    def med_advarsler():
        laesninger = Laesninger()
        token = _laesninger.set(laesninger)
        try:
            svar = current_app.make_response(visning())
        finally:
            _laesninger.reset(token)
        if svar.status_code != 200:
            return svar
        laest = _laest_i_sporet(svar.get_json()["trace"]) if request.endpoint == "trace" else laesninger.laest
        krop = laes_krop()
        advarsler = ignorerede_inddata([system], krop, _anmodet_periode(krop), laest)
        if advarsler:
            svar.headers[ADVARSELSHOVED] = json.dumps(advarsler)
        return svar

    med_advarsler.__name__ = visning.__name__
    return med_advarsler


def _uden_skraastreg():
    # OpenFiscas egen omdirigering taber regimets forstavelse (og metoden: 302).
    if request.path != "/" and request.path.endswith("/"):
        adresse = request.script_root + request.path.rstrip("/")
        if request.query_string:
            adresse += "?" + request.query_string.decode("latin-1")
        # 308 bevarer metoden og kroppen; kroppen er JSON som alle andre svar, ikke Werkzeugs HTML.
        svar = _svar(308, f"stien slutter med '/'; brug '{adresse}'", "sti")
        svar.headers["Location"] = adresse
        return svar
    return None


def tilpas(app: Flask, data: dict) -> Flask:
    """En app fra ``create_app``: fejl som JSON, grænser, kontrol af situationen, links med forstavelse."""
    system = data["tax_benefit_system"]
    app.config["MAX_CONTENT_LENGTH"] = MAKS_KROP
    _saet_eksempel(data)
    _ret_spec(data["openAPI_spec"], system)
    _ret_kildelinks(data)
    _registrer_fejl(app)
    _med_version(app)
    _uden_flask_cors(app)
    app.before_request_funcs[None] = [_uden_skraastreg, _start_ur, _kontroller_beregning]
    app.teardown_request(_stop_ur)

    def get_root():
        base = _base()
        velkommen = (
            "Dette er roden af et OpenFisca-web-API for openfisca-dk-beskaeftigelse. "
            f"OpenAPI-spec: {base}/spec; variabler: {base}/variables; parametre: {base}/parameters."
        )
        return jsonify({"welcome": velkommen}), 300

    def get_spec():
        return jsonify({**data["openAPI_spec"], "servers": [{"url": _base()}]})

    def get_variables():
        base = _base()
        return jsonify(
            {
                navn: {"description": v["description"], "href": f"{base}/variable/{navn}"}
                for navn, v in data["variables"].items()
            }
        )

    def get_parameters():
        base = _base()
        return jsonify(
            {
                p["id"]: {"description": p["description"], "href": f"{base}/parameter/{navn}"}
                for navn, p in data["parameters"].items()
                if p.get("subparams") is None
            }
        )

    for visning in (get_root, get_spec, get_variables, get_parameters):
        app.view_functions[visning.__name__] = visning
    for endepunkt in ("calculate", "trace"):
        app.view_functions[endepunkt] = _med_advarsler(app.view_functions[endepunkt], system)
    app.extensions[_NOEGLE] = data
    return app


def openfisca_app(system) -> Flask:
    """OpenFiscas app (``create_app``) for systemet, tilpasset (:func:`tilpas`)."""
    app = create_app(system)
    return tilpas(app, _openfisca_data(app))


@lru_cache(maxsize=MAKS_REGIMEAPPS)
def regimets_app(noegle: str) -> Flask:
    """Regimets app (også en stak); bygges ved første brug og huskes."""
    return openfisca_app(byg_system(noegle))


class _Regimeapps(Mapping):
    """'/<regime>' → regimets app for ``DispatcherMiddleware``: ethvert regime og enhver stak."""

    def __contains__(self, sti) -> bool:
        if not isinstance(sti, str) or not sti.startswith("/"):
            return False
        try:
            fundet = regime(sti[1:])
        except UkendtRegimeError:
            return False
        # En egen variant findes kun i den proces, der læste den (en anden worker kender den ikke).
        return not fundet.oprindelse

    def __getitem__(self, sti: str) -> Flask:
        if sti not in self:
            raise KeyError(sti)
        return regimets_app(sti[1:])

    def __iter__(self):
        return (f"/{n}" for n in alle_regimer())

    def __len__(self) -> int:
        return len(alle_regimer())


def _grundsystem(system):
    while getattr(system, "baseline", None) is not None:
        system = system.baseline
    return system


def _ved_foerste_anmodning(app: Flask, **_) -> None:
    """Under ``openfisca serve``: pakkens tilpasning, før appen svarer første gang."""
    if _NOEGLE in app.extensions:
        return
    data = _openfisca_data(app)
    if data is None or not isinstance(_grundsystem(data["tax_benefit_system"]), CountryTaxBenefitSystem):
        app.extensions[_NOEGLE] = None
        return
    tilpas(app, data)


def tilslut_openfisca_serve() -> None:
    """Tilpas hver app, ``openfisca serve`` bygger for pakken, ved dens første anmodning.

    ``openfisca serve`` bygger appen selv (``create_app``) og giver ikke pakken adgang til den;
    Flasks signal ``appcontext_pushed`` kommer, før appen behandler sin første anmodning, og
    mens den endnu kan få fejlhåndtering og kontroller.
    """
    appcontext_pushed.connect(_ved_foerste_anmodning, weak=False)


# ---- roden -------------------------------------------------------------------------------


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


def regimenoegler(regimer: object) -> list[str]:
    """Registrets nøgler (stablet med '+') og reformobjekter, som registreres under deres nøgle."""
    if not isinstance(regimer, list) or not regimer:
        raise FeltFejl(
            "regimer",
            'forventede en ikke-tom liste af regimenøgler og reformobjekter eller "alle", '
            f"ikke {_json(regimer)}",
        )
    # Processen husker højst MAKS_EGNE egne regimer; flere ville glemme de første, før de beregnes.
    egne = sum(isinstance(element, dict) for element in regimer)
    if egne > MAKS_EGNE:
        raise FeltFejl(
            "regimer", f"{egne} reformobjekter er over grænsen på {MAKS_EGNE} per anmodning; send færre"
        )
    noegler = []
    for nr, element in enumerate(regimer):
        if isinstance(element, dict):
            try:
                noegler.append(reformfil.fra_objekt(element))
            except reformfil.ReformfilFejl as fejl:
                raise FeltFejl(f"regimer/{nr}/{fejl.felt}".rstrip("/"), fejl.besked) from None
        elif isinstance(element, str):
            # Kun registrets regimer: en tekst må aldrig pege på en fil på serveren.
            ukendt = next((d for d in element.split(STAK) if d not in alle_regimer()), None)
            if ukendt is not None:
                raise FeltFejl(f"regimer/{nr}", str(UkendtRegimeError(ukendt)))
            try:
                regime(element)  # en stak af alternativer til hinanden, ved sit element
            except UkendtRegimeError as fejl:
                raise FeltFejl(f"regimer/{nr}", str(fejl)) from None
            noegler.append(element)
        else:
            raise FeltFejl(
                f"regimer/{nr}",
                f"element nr. {nr} er {_json(element)}, ikke en regimenøgle eller et reformobjekt",
            )
    return noegler


@contextlib.contextmanager
def _som_feltfejl():
    """/sammenlign og /forklar: den fælles kodes fejl som JSON-feltets fejl (``FeltFejl``)."""
    try:
        yield
    except UkendtRegimeError as fejl:
        raise FeltFejl("regimer", str(fejl)) from None
    except FeltFejl:
        raise
    except BrugerFejl as fejl:
        raise FeltFejl.fra_cli(fejl) from None


def _situation_og_periode(krop, felter: tuple[str, ...], kraevede: tuple[str, ...]) -> str:
    """Fælles for /sammenlign og /forklar: et objekt med kendte felter, de krævede felter, en
    situation som objekt og en gyldig måned; giver måneden."""
    if not isinstance(krop, dict):
        navne = ", ".join(f"'{f}'" for f in kraevede[:-1]) + f" og '{kraevede[-1]}'"
        raise FeltFejl("krop", f"forventede et JSON-objekt med {navne}")
    ukendte = [noegle for noegle in krop if noegle not in felter]
    if ukendte:
        raise FeltFejl(
            ukendte[0],
            f"ukendt felt; felter, der ikke kendes: {', '.join(map(_json, ukendte))}; "
            f"kendte felter: {', '.join(felter)}",
        )
    for felt in kraevede:
        if felt not in krop:
            raise FeltFejl(felt, "mangler")
    if not isinstance(krop["situation"], dict):
        raise FeltFejl("situation", "forventede et JSON-objekt med fx 'personer' og 'virksomheder'")
    if not isinstance(krop["periode"], str):
        raise FeltFejl(
            "periode", f'forventede en måned som tekst, fx "2026-03", ikke {_json(krop["periode"])}'
        )
    return gyldig_maaned(krop["periode"], felt="periode")


def _anmodning(krop) -> tuple[dict, str, list[str], list[str] | None, bool]:
    """Kroppen af POST /sammenlign kontrolleret felt for felt: situation, periode, regimer, variabler
    og fremskrivning (``raekker`` læser :func:`_raekker`)."""
    periode = _situation_og_periode(krop, FELTER, ("situation", "periode"))
    regimer = krop.get("regimer", "alle")
    if regimer == "alle":
        noegler = list(alle_regimer())
    else:
        noegler = regimenoegler(regimer)
    variabler = (
        _tekster(krop, "variabler", "(udelad feltet for standardvariablerne)")
        if "variabler" in krop
        else None
    )
    fremskrivning = krop.get("fremskrivning", False)
    if not isinstance(fremskrivning, bool):
        raise FeltFejl("fremskrivning", f"forventede true eller false, ikke {_json(fremskrivning)}")
    situation = krop["situation"]
    _kontroller_for_regimerne(situation, noegler)
    medlemmer = antal_medlemmer(situation)
    antal = len(dict.fromkeys([GAELDENDE_RET, *noegler]))
    if antal * medlemmer > MAKS_REGIMER_GANGE_PERSONER:
        raise FeltFejl(
            "regimer",
            f"{antal} regimer × {medlemmer} personer og arbejdssteder = {antal * medlemmer} "
            f"beregninger er over grænsen på {MAKS_REGIMER_GANGE_PERSONER} per anmodning; "
            "send færre regimer eller personer",
        )
    return situation, periode, noegler, variabler, fremskrivning


def _raekker(krop) -> str:
    raekker = krop.get("raekker", "alle")
    if raekker not in RAEKKER:
        raise FeltFejl("raekker", f"forventede {' eller '.join(map(_json, RAEKKER))}, ikke {_json(raekker)}")
    return raekker


def _kontroller_for_regimerne(situation, noegler: list[str]) -> None:
    """Situationen kontrolleret som i CLI'et, før noget beregnes: mod gældende ret, uden de inddata,
    som kun nogle af regimerne (eller registrets andre) kender, fx ``i_ivaerksaetterforloeb``;
    dem kontrollerer hvert regime, der kender dem, og de andre ser bort fra dem med en advarsel."""
    grund = byg_system(GAELDENDE_RET)
    systemer = {n: byg_system(n) for n in dict.fromkeys([GAELDENDE_RET, *noegler])}
    kun_andre = [
        k
        for k, ikke in inddata_uden_for_regimer(systemer, situation, registrets_systemer).items()
        if GAELDENDE_RET in ikke
    ]
    kontroller_situation(grund, uden_inddata(situation, kun_andre), maks_medlemmer=MAKS_MEDLEMMER)


def _forklar_anmodning(krop) -> tuple[dict, str, str, tuple[str, str], str | None, bool]:
    """Kroppen af POST /forklar kontrolleret felt for felt, med samme regler og grænser som /sammenlign."""
    periode = _situation_og_periode(krop, FORKLAR_FELTER, ("situation", "periode", "variabel", "regimer"))
    variabel = krop["variabel"]
    if not isinstance(variabel, str) or not variabel:
        raise FeltFejl("variabel", f"forventede et variabelnavn som tekst, ikke {_json(variabel)}")
    regimer = krop["regimer"]
    if not isinstance(regimer, list) or len(regimer) != 2:
        raise FeltFejl("regimer", f"forventede en liste med to regimer (A og B), ikke {_json(regimer)}")
    a, b = regimenoegler(regimer)
    person = krop.get("person")
    if person is not None and not isinstance(person, str):
        raise FeltFejl("person", f"forventede et id som tekst, ikke {_json(person)}")
    fremskrivning = krop.get("fremskrivning", False)
    if not isinstance(fremskrivning, bool):
        raise FeltFejl("fremskrivning", f"forventede true eller false, ikke {_json(fremskrivning)}")
    situation = krop["situation"]
    _kontroller_for_regimerne(situation, [a, b])
    return situation, periode, variabel, (a, b), person, fremskrivning


def _regimer_json(base: str = "") -> list[dict]:
    return [
        {
            "noegle": r.noegle,
            "navn": r.navn,
            "status": r.status,
            "reformer": r.reformstier,
            "kilder": [k.som_dict() for k in r.kilder],
            "url": f"{base}/{r.noegle}/",
        }
        for r in alle_regimer().values()
    ]


def _rod(dokumentation=None, hjaelper=None) -> Flask:
    from openfisca_dk_beskaeftigelse import arbejdsbord

    app = _med_version(Flask(__name__))
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.config["MAX_CONTENT_LENGTH"] = MAKS_KROP
    _registrer_fejl(app)
    app.register_error_handler(404, _ukendt_regime)
    app.before_request(_start_ur)
    app.teardown_request(_stop_ur)

    arbejdsbord.registrer(app, dokumentation)

    @app.after_request
    def efter_accept(svar):
        if request.path == "/":
            # Samme adresse giver HTML til en browser og JSON til andre: caches skal skelne.
            svar.vary.add("Accept")
        return svar

    @app.get("/")
    def oversigt():
        if arbejdsbord.vil_have_html():
            return arbejdsbord.side()
        return jsonify(
            {
                "beskrivelse": (
                    "openfisca-dk-beskaeftigelse: ét OpenFisca web-API per regime, og /sammenlign."
                ),
                "regimer": _regimer_json(request.script_root),
                "sammenlign": f"{request.script_root}/sammenlign",
                "forklar": f"{request.script_root}/forklar",
                "spec": f"{request.script_root}/spec",
                "graenser": {**GRAENSER, **arbejdsbord.GRAENSER},
                "arbejdsbord": f"{request.script_root}/ (i en browser)",
            }
        )

    @app.get("/regimer")
    def regimer():
        return jsonify(_regimer_json(request.script_root))

    @app.get("/spec")
    def spec():
        return jsonify({**rodspec(), "servers": [{"url": _base()}]})

    @app.post("/sammenlign")
    def sammenlign_():
        with _som_feltfejl():
            krop = laes_krop()
            situation, periode, noegler, variabler, fremskrivning = _anmodning(krop)
            raekker = _raekker(krop)
            resultat = sammenlign(situation, periode, noegler, variabler, fremskrivning, hjaelper)
        if raekker == "afvigende":
            resultat = kun_afvigende(resultat)
        # Et hul i kilderne blanker kun sin celle (resultaternes "huller"); det er ikke en fejl her.
        if request.accept_mimetypes.best_match(["application/json", "text/csv"]) == "text/csv":
            return Response(som_csv(resultat, "situation"), mimetype="text/csv")
        return jsonify(som_dict(resultat))

    @app.post("/forklar")
    def forklar_():
        with _som_feltfejl():
            situation, periode, variabel, regimer, person, fremskrivning = _forklar_anmodning(laes_krop())
            resultat = forskel(situation, periode, variabel, regimer, person, fremskrivning)
        return jsonify(forskel_som_dict(resultat))

    return app


@lru_cache(maxsize=1)
def rodspec() -> dict:
    """Rodens OpenAPI-dokument: /, /regimer, /spec, /sammenlign, /forklar og arbejdsbordets API med
    fejlsvarene."""
    from openfisca_dk_beskaeftigelse import arbejdsbord

    tekst = {"type": "string"}
    tekster = {"type": "array", "items": tekst}
    regime_skema = {
        "type": "object",
        "required": ["noegle", "navn", "status", "reformer", "kilder", "url"],
        "properties": {
            "noegle": tekst,
            "navn": tekst,
            "status": tekst,
            "reformer": tekster,
            "kilder": {
                "type": "array",
                "items": {"type": "object", "properties": {"fil": tekst, "afsnit": tekst}},
            },
            "url": tekst,
        },
    }
    # Et regime: en nøgle eller stak (tekst) eller et reformobjekt med reformfilernes skema.
    regime_ = {
        "oneOf": [
            tekst,
            {"type": "object", "description": "et reformobjekt som en reformfil (docs/reformfiler.md)"},
        ]
    }
    anmodning = {
        "type": "object",
        "additionalProperties": False,
        "required": ["situation", "periode"],
        "properties": {
            "situation": {
                "type": "object",
                "description": "en situation som til /<regime>/calculate",
            },
            "periode": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "example": "2026-03"},
            "regimer": {
                "oneOf": [
                    {"type": "string", "enum": ["alle"]},
                    {"type": "array", "minItems": 1, "items": regime_},
                ],
                "description": '"alle" (standard) eller regimenøgler, stakke (a+b) og reformobjekter',
            },
            "variabler": {"type": "array", "minItems": 1, "items": tekst},
            "fremskrivning": {
                "type": "boolean",
                "description": "udfyld satsernes huller til og med 2030 (som --fremskrivning)",
            },
            "raekker": {
                "type": "string",
                "enum": list(RAEKKER),
                "description": '"alle" (standard) eller "afvigende": kun rækkerne med forskelle',
            },
        },
        "example": {
            "situation": indlaes_situation(SPEC_EKSEMPEL),
            "periode": "2026-03",
            "regimer": [GAELDENDE_RET, "faerre_maalgrupper"],
            "variabler": ["maalgruppe", "dagpenge_maanedssats"],
        },
    }
    resultat = {
        "type": "object",
        "required": ["format_version", "periode", "regimer", "resultater", "advarsler"],
        "properties": {
            "format_version": {"type": "integer"},
            "periode": tekst,
            "regimer": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"noegle": tekst, "navn": tekst, "reformer": tekster, "status": tekst},
                },
            },
            "resultater": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "entitet": tekst,
                        "id": tekst,
                        "variabel": tekst,
                        "label": tekst,
                        "reference": tekster,
                        "vaerdier": {"type": "object"},
                        "tekster": {"type": "object"},
                        "afviger_fra_gaeldende_ret": tekster,
                        "huller": {"type": "object"},
                    },
                },
            },
            "advarsler": tekster,
        },
    }

    forklar_anmodning = {
        "type": "object",
        "additionalProperties": False,
        "required": ["situation", "periode", "variabel", "regimer"],
        "properties": {
            "situation": anmodning["properties"]["situation"],
            "periode": anmodning["properties"]["periode"],
            "variabel": {
                "type": "string",
                "minLength": 1,
                "example": "kontaktforloeb_foerste_samtale_senest",
            },
            "regimer": {
                "type": "array",
                "minItems": 2,
                "maxItems": 2,
                "items": regime_,
                "description": "regimerne A og B: nøgler, stakke (a+b) eller reformobjekter",
            },
            "person": {"type": "string", "description": "medlemmets id (standard: hvert medlem)"},
            "fremskrivning": anmodning["properties"]["fremskrivning"],
        },
        # Ali (jobparat kontanthjælpsmodtager) er i en anden målgruppe under færre målgrupper.
        "example": {
            "situation": indlaes_situation(EKSEMPELMAPPE / "jobparat_kontanthjaelp.yaml"),
            "periode": "2026-03",
            "variabel": "maalgruppe",
            "regimer": [GAELDENDE_RET, "faerre_maalgrupper"],
        },
    }
    forskelsknude = {
        "type": "object",
        "required": ["variabel", "periode", "label", "reference", "vaerdier", "aarsager", "boern", "ens"],
        "properties": {
            "variabel": tekst,
            "periode": tekst,
            "label": tekst,
            "reference": tekster,
            "vaerdier": {"type": "array", "items": {"type": "string", "nullable": True}},
            "vist": {"type": "array", "items": {"type": "string", "nullable": True}},
            "se_ovenfor": {"type": "boolean"},
            "aarsager": {"type": "array", "items": {"type": "object"}},
            "boern": {"type": "array", "items": {"type": "object"}},
            "ens": {"type": "integer"},
        },
    }
    forklar_resultat = {
        "type": "object",
        "required": ["variabel", "label", "periode", "entitet", "regimer", "traeer", "advarsler"],
        "properties": {
            "variabel": tekst,
            "label": tekst,
            "periode": tekst,
            "entitet": tekst,
            "regimer": {
                "type": "array",
                "items": {"type": "object", "properties": {"noegle": tekst, "navn": tekst}},
            },
            "traeer": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "forskel", "rod", "resume", "afkortet"],
                    "properties": {
                        "id": tekst,
                        "forskel": {"type": "boolean"},
                        "vaerdi": {"type": "string", "nullable": True},
                        "rod": {**forskelsknude, "nullable": True},
                        "resume": tekst,
                        "afkortet": {"type": "boolean"},
                    },
                },
            },
            "fremskrevne": {
                "type": "array",
                "description": "de fremskrevne satser, en af beregningerne bygger på (med fremskrivning)",
                "items": {"type": "object", "properties": {"parameter": tekst, "dato": tekst}},
            },
            "advarsler": tekster,
        },
    }

    def json_svar(beskrivelse: str, skema: dict) -> dict:
        return {"description": beskrivelse, "content": {"application/json": {"schema": skema}}}

    return {
        "openapi": "3.0.0",
        "info": {
            "title": "openfisca-dk-beskaeftigelse: regimerne og sammenligningen",
            "version": byg_system(GAELDENDE_RET).get_package_metadata()["version"],
            "description": (
                "Roden af web-API'et. Hvert regime har OpenFiscas eget API under /<regime>/ "
                "(spec på /<regime>/spec). Grænser per anmodning: "
                + ", ".join(f"{n} {v}" for n, v in GRAENSER.items())
            ),
        },
        "paths": {
            "/": {
                "get": {
                    "operationId": "oversigt",
                    "description": "JSON-oversigten; en browser (Accept: text/html) får arbejdsbordet",
                    "responses": {
                        "200": {
                            "description": "Oversigt (JSON) eller arbejdsbordets side (HTML)",
                            "content": {
                                "application/json": {"schema": {"type": "object"}},
                                "text/html": {"schema": {"type": "string"}},
                            },
                        }
                    },
                }
            },
            "/regimer": {
                "get": {
                    "operationId": "regimer",
                    "responses": {"200": json_svar("Registret", {"type": "array", "items": regime_skema})},
                }
            },
            "/spec": {
                "get": {
                    "operationId": "spec",
                    "responses": {"200": json_svar("Dette dokument", {"type": "object"})},
                }
            },
            "/sammenlign": {
                "post": {
                    "operationId": "sammenlign",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": anmodning}},
                    },
                    "responses": {
                        "200": {
                            "description": "Regimernes værdier og forskellene (Accept: text/csv: CSV)",
                            "content": {
                                "application/json": {"schema": resultat},
                                "text/csv": {"schema": {"type": "string"}},
                            },
                        },
                        **_fejlsvar(400, 413, 415, 422, 500, 503),
                    },
                }
            },
            "/forklar": {
                "post": {
                    "operationId": "forklar",
                    "description": (
                        "Hvorfor en variabel er forskellig under to regimer: stien, hvor de to "
                        "beregninger skilles, og en sammenfatning (som forklar --regimer A,B)"
                    ),
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": forklar_anmodning}},
                    },
                    "responses": {
                        "200": json_svar("Forskellen per medlem", forklar_resultat),
                        **_fejlsvar(400, 413, 415, 422, 500, 503),
                    },
                }
            },
            **arbejdsbord.spec_stier(_fejlsvar),
        },
        "components": {"schemas": {"Fejl": FEJL_SKEMA}},
    }


# ---- CORS og samlingen ---------------------------------------------------------------------


def cors_headers(oprindelser: tuple[str, ...], oprindelse: str | None, forhaand: bool) -> list:
    """CORS-headerne for et svar efter politikken ``oprindelser`` (``forhaand``: en preflight-anmodning).

    ``("*",)`` = enhver oprindelse (svaret siger ``*`` og gælder aldrig cookies), en liste af
    oprindelser (``https://eksempel.dk``) = kun dem, ``()`` = ingen (kun samme oprindelse).
    Tilladt er GET, POST og OPTIONS med headeren Content-Type.
    """
    if "*" in oprindelser:
        headers = [("Access-Control-Allow-Origin", "*")]
    elif oprindelse in oprindelser:
        headers = [("Access-Control-Allow-Origin", oprindelse), ("Vary", "Origin")]
    else:
        return [("Vary", "Origin")] if oprindelser else []
    if forhaand:
        return [
            *headers,
            ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
            ("Access-Control-Allow-Headers", "Content-Type"),
            ("Access-Control-Max-Age", "600"),
        ]
    synlige = ", ".join(("Country-Package", "Country-Package-Version", VERSIONSHOVED, ADVARSELSHOVED))
    return [*headers, ("Access-Control-Expose-Headers", synlige)]


def _er_forhaand(environ) -> bool:
    return environ.get("REQUEST_METHOD") == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in environ


def _cors_standard(svar):
    """Standardpolitikken på en app alene (under ``openfisca serve``); ``lav_app`` lægger sin egen over."""
    for navn, vaerdi in cors_headers(CORS_STANDARD, request.origin, _er_forhaand(request.environ)):
        svar.headers[navn] = vaerdi
    return svar


def _uden_flask_cors(app: Flask) -> None:
    # OpenFiscas flask_cors spejler enhver oprindelse med alle metoder; pakkens politik gælder i stedet.
    app.after_request_funcs[None] = [
        f for f in app.after_request_funcs.get(None, []) if f.__module__ != "flask_cors.extension"
    ]
    for navn in ("handle_exception", "handle_user_exception"):
        app.__dict__.pop(navn, None)
    app.after_request(_cors_standard)


class _Cors:
    """Én CORS-politik (:func:`cors_headers`) for hele API'et: roden, hvert regime og fejlsvarene."""

    def __init__(self, app, oprindelser: tuple[str, ...]) -> None:
        self.app = app
        self.oprindelser = tuple(oprindelser)

    def __call__(self, environ, start_response):
        forhaand = _er_forhaand(environ)
        egne = cors_headers(self.oprindelser, environ.get("HTTP_ORIGIN"), forhaand)
        if forhaand:
            start_response("204 No Content", [*egne, ("Content-Length", "0")])
            return [b""]

        def start(status, headers, exc_info=None):
            headers = [(n, v) for n, v in headers if not n.lower().startswith("access-control-")]
            return start_response(status, [*headers, *egne], exc_info)

        return self.app(environ, start)


class _Optaelling:
    """Tæller anmodningerne i gang i hjælpeprocessens tæller (den bruges kun med en ledig kerne)."""

    def __init__(self, app, hjaelper) -> None:
        self.app = app
        self.hjaelper = hjaelper

    def __call__(self, environ, start_response):
        self.hjaelper.begynd()
        try:
            return self.app(environ, start_response)
        finally:
            self.hjaelper.slut()


def lav_app(
    noegler: list[str] | None = None,
    cors: tuple[str, ...] = CORS_STANDARD,
    dokumentation=None,
    hjaelper=None,
):
    """WSGI-appen: roden (med arbejdsbordet) plus OpenFiscas app for hvert regime under ``/<regime>``.

    Hvert regime (også en stak) bygges ved sin første anmodning og huskes (``regimets_app``), så
    en server starter hurtigt og kun holder de regimer, der bruges; ``noegler`` bygges med det samme.
    ``dokumentation`` er arbejdsbordets links til dokumentationen (se ``arbejdsbord.registrer``).
    Med ``hjaelper`` (:class:`~openfisca_dk_beskaeftigelse.hjaelpeproces.Hjaelpeproces`) deler
    ``/sammenlign`` regimerne med en hjælpeproces, når en kerne er ledig.
    """
    for noegle in noegler or ():
        regimets_app(noegle)
    app = _Cors(DispatcherMiddleware(_rod(dokumentation, hjaelper), _Regimeapps()), cors)
    return app if hjaelper is None else _Optaelling(app, hjaelper)
