"""Arbejdsbordet: web-siderne for jurister og analytikere, serveret af samme server som web-API'et.

- ``GET /`` med ``Accept: text/html`` (en browser) giver siden; en JSON-klient får rodens oversigt
  som før (``webapp``). Siden er ren HTML, CSS og JavaScript-moduler i ``arbejdsbord/`` (pakkedata,
  intet byggetrin, intet fra et CDN), serveret under ``/arbejdsbord/``.
- ``/arbejdsbord/api/...`` er det, siden bruger ud over ``/regimer`` og ``/sammenlign``:
  ``inddata`` (modellens input til formularen), ``eksempler``, ``indlaes`` (en indsat eller uploadet
  situationsfil eller YAML-test som data), ``forklaring`` (beregningens spor som JSON, fra
  ``forklaring``), ``effekt`` (en syntetisk befolkning, som NDJSON med fremdrift) og ``katalog``
  (registret og forslagskataloget med kilder og links til dokumentationen).
- ``/dokumentation/`` er et lokalt bygget dokumentationssite (``make docs`` → ``site/``), hvis
  serveren har et; ellers linker siden til ``DOKUMENTATION_URL``.

Fejl er de samme som i resten af API'et: ``{"fejl", "felt"}`` med en 4xx (``webapp.FEJL``).
"""

import datetime
import json
import logging
import math
import queue
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, jsonify, redirect, request, send_from_directory
from openfisca_core.indexed_enums import Enum

from openfisca_dk_beskaeftigelse import EKSEMPELMAPPE, __version__, effekt, love, reformfil, vaerdiomraader
from openfisca_dk_beskaeftigelse.beregning import (
    BrugerFejl,
    antal_medlemmer,
    gyldig_maaned,
    laes_yaml,
    situationer_i,
)
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, ManglendeOplysningError
from openfisca_dk_beskaeftigelse.effekt import dansk_tal
from openfisca_dk_beskaeftigelse.forklaring import forklaring
from openfisca_dk_beskaeftigelse.forklaring import som_dict as forklaring_som_dict
from openfisca_dk_beskaeftigelse.kilder import SEEDS, Kilde
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.reformstoette import parameter
from openfisca_dk_beskaeftigelse.regimer import (
    GAELDENDE_RET,
    KATALOGSTATUS,
    UkendtRegimeError,
    alle_regimer,
    byg_system,
    katalog,
    regime,
)
from openfisca_dk_beskaeftigelse.webapp import (
    MAKS_DYBDE,
    MAKS_MEDLEMMER,
    MAKS_SEKUNDER,
    FeltFejl,
    OptagetFejl,
    laes_krop,
    regimenoegler,
)

log = logging.getLogger(__name__)

MAPPE = Path(__file__).resolve().parent / "arbejdsbord"
# Dokumentationssitet (mkdocs), som GitHub Pages udgiver det fra repoets main; `serve --dokumentation`
# vælger et andet (en adresse eller en mappe med et bygget site).
DOKUMENTATION_URL = "https://openfisca-dk.github.io/openfisca-dk-beskaeftigelse/"
LOKAL_DOKUMENTATION = "/dokumentation/"

# Befolkningen i web-API'et: højst så mange personer, og personer × måneder × trækninger × regimer
# under et loft, så én beregning holder sig under tidsgrænsen (benchmarks/arbejdsbord.py måler tiden).
MAKS_BEFOLKNING = 200_000
MAKS_PERSONER_GANGE_REGIMER = 600_000
MAKS_TRAEKNINGER = 20
# Måneder × trækninger: hver er en kørsel med en fast pris (målt: omkring 0,45 s på en travl maskine
# med 2 kerner, næsten uanset personer og regimer), så et helt år med 3 trækninger holder sig under
# tidsgrænsen.
MAKS_KOERSLER = 36
# Stakke og egne varianter ud over registrets regimer: hver koster en beregning af hver bid (målt:
# omkring 40 ms pr. kørsel selv for 1 person), så uden et loft kunne 1 person × 600.000 regimer binde
# befolkningsberegningen i timer, efter at svaret er stoppet ved tidsgrænsen.
MAKS_EGNE_REGIMER = 10
# Grænserne i rodens oversigt (GET /), ved siden af web-API'ets (``webapp.GRAENSER``).
GRAENSER = {
    "befolkning_personer": MAKS_BEFOLKNING,
    "befolkning_personer_gange_regimer": MAKS_PERSONER_GANGE_REGIMER,
    "befolkning_traekninger": MAKS_TRAEKNINGER,
    "befolkning_maaneder_gange_traekninger": MAKS_KOERSLER,
    "befolkning_stakke_og_egne_regimer": MAKS_EGNE_REGIMER,
}
# En indsat tekst må højst give så mange værdier (et YAML-alias kan gange en lille tekst op).
MAKS_VAERDIER = 100_000

FELTER = {
    "indlaes": ("tekst", "navn"),
    "forklaring": ("situation", "periode", "variabel", "regime", "person", "fremskrivning"),
    "effekt": ("periode", "aar", "regimer", "personer", "seed", "traekninger", "fremskrivning"),
}
# Enhederne, som formularen viser dem.
ENHEDSTEKST = {
    "currency-DKK": "kr.",
    "hour": "timer",
    "week": "uger",
    "day": "dage",
    "month": "måneder",
    "person": "personer",
    "FTE": "fuldtid",
}

bp = Blueprint("arbejdsbord", __name__)

# Én befolkningsberegning ad gangen per proces: den bruger en hel kerne i op til MAKS_SEKUNDER.
_EFFEKT_LAAS = threading.Lock()


def registrer(app, dokumentation: str | Path | None = None) -> None:
    """Arbejdsbordet på rodens app; ``dokumentation`` er en adresse eller en mappe med et bygget site."""
    app.config["ARBEJDSBORD_DOKUMENTATION"] = dokumentationens_valg(dokumentation)
    app.register_blueprint(bp)


def dokumentationens_valg(valg) -> str | Path:
    """``serve --dokumentation``: en adresse (http/https) eller en mappe med et bygget site.

    Uden valg: ``site/`` i den aktuelle mappe, hvis ``make docs`` har bygget det (``make serve`` kører
    i repoets rod), ellers ``DOKUMENTATION_URL``.
    """
    if valg is None:
        lokal = Path("site")
        return lokal.resolve() if (lokal / "index.html").is_file() else DOKUMENTATION_URL
    if isinstance(valg, Path) or not re.match(r"https?://", str(valg)):
        mappe = Path(valg).resolve()
        if not (mappe / "index.html").is_file():
            raise BrugerFejl(
                f"--dokumentation: '{valg}' er hverken en adresse (http/https) eller en mappe med et "
                "bygget dokumentationssite (index.html; byg det med make docs)"
            )
        return mappe
    return str(valg).rstrip("/") + "/"


def _dokumentationens_base(app) -> str:
    valg = app.config.get("ARBEJDSBORD_DOKUMENTATION", DOKUMENTATION_URL)
    return request.script_root + LOKAL_DOKUMENTATION if isinstance(valg, Path) else valg


def vil_have_html() -> bool:
    """Klienten (en browser) foretrækker HTML frem for JSON."""
    return request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"


# Siden må kun hente fra sin egen oprindelse: intet CDN, intet indlejret script.
SIKKERHED = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}


def side() -> Response:
    """Arbejdsbordets HTML med adressens forstavelse (``<base>``) og pakkens version."""
    html = (MAPPE / "index.html").read_text(encoding="utf-8")
    html = html.replace("{{rod}}", request.script_root + "/").replace("{{version}}", __version__)
    svar = Response(html, mimetype="text/html")
    svar.headers.update(SIKKERHED)
    svar.headers["Cache-Control"] = "no-cache"
    return svar


@bp.get("/arbejdsbord/")
def til_siden():
    """Mappen selv er ikke en side: siden ligger på roden."""
    return redirect(request.script_root + "/", 308)


@bp.get("/arbejdsbord/<path:fil>")
def fil_(fil: str):
    """Sidens filer; en fil, der ikke findes, er en 404 med stien."""
    if fil.startswith("api/"):
        abort(404)
    svar = send_from_directory(MAPPE, fil, max_age=0)
    svar.headers.update(SIKKERHED)
    return svar


@bp.get("/dokumentation/")
@bp.get("/dokumentation/<path:fil>")
def dokumentation(fil: str = ""):
    """Et lokalt bygget dokumentationssite (mkdocs' mapper med index.html)."""
    mappe = current_app.config.get("ARBEJDSBORD_DOKUMENTATION")
    if not isinstance(mappe, Path):
        abort(404)
    if fil == "" or fil.endswith("/"):
        fil += "index.html"
    elif (mappe / fil).is_dir():
        fil += "/index.html"
    return send_from_directory(mappe, fil, max_age=0)


# ---- kroppen ------------------------------------------------------------------------------


def _krop(navn: str, kraevede: tuple[str, ...]) -> dict:
    krop = laes_krop()
    if not isinstance(krop, dict):
        raise FeltFejl("krop", f"forventede et JSON-objekt med {', '.join(map(repr, kraevede))}")
    kendte = FELTER[navn]
    ukendte = [n for n in krop if n not in kendte]
    if ukendte:
        raise FeltFejl(ukendte[0], f"ukendt felt; kendte felter: {', '.join(kendte)}")
    for felt in kraevede:
        if felt not in krop:
            raise FeltFejl(felt, "mangler")
    return krop


def _tekst(krop: dict, felt: str, standard: str | None = None) -> str:
    vaerdi = krop.get(felt, standard)
    if not isinstance(vaerdi, str) or not vaerdi:
        raise FeltFejl(felt, f"forventede en ikke-tom tekst, ikke {json.dumps(vaerdi, ensure_ascii=False)}")
    return vaerdi


def _ja_nej(krop: dict, felt: str) -> bool:
    vaerdi = krop.get(felt, False)
    if not isinstance(vaerdi, bool):
        raise FeltFejl(felt, f"forventede true eller false, ikke {json.dumps(vaerdi, ensure_ascii=False)}")
    return vaerdi


def _heltal(krop: dict, felt: str, mindst: int, hoejst: int, standard: int | None = None) -> int:
    vaerdi = krop.get(felt, standard)
    if isinstance(vaerdi, bool) or not isinstance(vaerdi, int) or not mindst <= vaerdi <= hoejst:
        raise FeltFejl(
            felt,
            f"forventede et heltal fra {dansk_tal(mindst)} til {dansk_tal(hoejst)}, "
            f"ikke {json.dumps(vaerdi, ensure_ascii=False)}",
        )
    return vaerdi


def _maaned(krop: dict) -> str:
    tekst = _tekst(krop, "periode")
    try:
        return gyldig_maaned(tekst, felt="periode")
    except BrugerFejl as fejl:
        raise FeltFejl.fra_cli(fejl) from None


def _regimenoegle(element, felt: str) -> str:
    """Ét regime som i /sammenlign: en nøgle, en stak (a+b) eller et reformobjekt (egen variant)."""
    try:
        (noegle,) = regimenoegler([element])
        regime(noegle)
    except FeltFejl as fejl:
        # Listen har ét element: dets sti ("regimer/0/aendringer/1/vaerdi") er feltets egen.
        sti = re.sub(r"^regimer(/0)?", felt, fejl.felt)
        raise FeltFejl(sti, str(fejl).split(": ", 1)[1]) from None
    except UkendtRegimeError as fejl:
        raise FeltFejl(felt, str(fejl)) from None
    return noegle


def _regimer(krop: dict) -> list[str]:
    """Listen af regimer som i /sammenlign: "alle", eller nøgler, stakke og reformobjekter."""
    regimer = krop.get("regimer", "alle")
    if regimer == "alle":
        return list(alle_regimer())
    noegler = regimenoegler(regimer)
    for noegle in noegler:
        try:
            regime(noegle)
        except UkendtRegimeError as fejl:
            raise FeltFejl("regimer", str(fejl)) from None
    return noegler


# ---- inddata --------------------------------------------------------------------------------


_LOVE = {v.forkortelse: v for v in vars(love).values() if isinstance(v, love.Lov)}


def _lov(reference) -> str | None:
    """Loven, variablens første hjemmel henviser til (forkortelsen før §)."""
    if not reference:
        return None
    forkortelse = reference[0].split(" §")[0]
    return forkortelse if forkortelse in _LOVE else None


def _standard(variabel):
    v = variabel.default_value
    if isinstance(v, Enum):
        return v.name
    if isinstance(v, datetime.date):
        return None if v == INGEN_DATO else v.isoformat()
    return v


def _vaerditype(variabel) -> str:
    if variabel.value_type is Enum:
        return "enum"
    return {bool: "bool", int: "int", float: "float", datetime.date: "dato", str: "tekst"}[
        variabel.value_type
    ]


def _input(variabel, periode: str, kun_under: list[str]) -> dict:
    omraade = vaerdiomraader.vaerdiomraade(variabel)
    bagud = vaerdiomraader.BAGUD.get(variabel.name)
    lov = _lov(variabel.reference)
    return {
        "navn": variabel.name,
        "label": variabel.label,
        "entitet": variabel.entity.plural,
        "periode": str(variabel.definition_period),
        "type": _vaerditype(variabel),
        "enhed": getattr(variabel, "unit", None),
        "enhedstekst": ENHEDSTEKST.get(getattr(variabel, "unit", None)),
        "standard": _standard(variabel),
        "valg": (
            [{"navn": m.name, "label": m.value} for m in variabel.possible_values]
            if variabel.value_type is Enum
            else None
        ),
        "mindst": omraade.mindst if omraade else None,
        "hoejst": omraade.hoejst if omraade else None,
        "ikke_oplyst": omraade.ikke_oplyst if omraade else None,
        "reference": list(variabel.reference or []),
        "lov": lov,
        "dokumentation": variabel.documentation,
        "bagud": (
            {
                "fra": bagud.fra,
                "maaneder": int(parameter(byg_system(GAELDENDE_RET).parameters, bagud.maaneder)(periode)),
                "parameter": bagud.maaneder,
            }
            if bagud
            else None
        ),
        "kun_under": kun_under,
    }


@lru_cache(maxsize=32)
def inddata(periode: str) -> dict:
    """Modellens input (gældende rets og reformernes egne) til formularen; måneder bagud i ``periode``."""
    grund = byg_system(GAELDENDE_RET)
    egne: dict[str, list[str]] = {}
    for noegle in alle_regimer():
        for navn, v in byg_system(noegle).variables.items():
            if navn not in grund.variables and v.is_input_variable():
                egne.setdefault(navn, []).append(noegle)
    variabler = [_input(v, periode, []) for v in grund.variables.values() if v.is_input_variable()]
    for navn, under in egne.items():
        variabler.append(_input(byg_system(under[0]).variables[navn], periode, under))
    return {
        "periode": periode,
        "entiteter": [
            {
                "noegle": e.plural,
                "ental": e.key,
                "label": e.label,
                "person": e.is_person,
                "roller": [
                    {"noegle": r.plural or r.key, "label": r.label, "hoejst": r.max}
                    for r in getattr(e, "roles", ())
                ],
            }
            for e in grund.entities
        ],
        "love": {n: {"titel": lov.titel, "url": lov.url} for n, lov in _LOVE.items()},
        "variabler": sorted(variabler, key=lambda v: (v["lov"] or "~", v["label"])),
    }


@bp.get("/arbejdsbord/api/inddata")
def inddata_():
    # Som kroppenes felter: et ukendt eller gentaget argument afvises i stedet for at blive overset.
    for navn, vaerdier in request.args.lists():
        if navn != "periode":
            raise FeltFejl(navn, "ukendt argument; kendt argument: periode")
        if len(vaerdier) > 1:
            raise FeltFejl(navn, f"angivet {len(vaerdier)} gange; angiv én måned")
    periode = request.args.get("periode", "2026-03")
    try:
        periode = gyldig_maaned(periode, felt="periode")
    except BrugerFejl as fejl:
        raise FeltFejl.fra_cli(fejl) from None
    return jsonify(inddata(periode))


# ---- eksempler og indlæsning ----------------------------------------------------------------


def _kommentar(tekst: str) -> str:
    linjer = []
    for linje in tekst.splitlines():
        if not linje.startswith("#"):
            break
        linjer.append(linje.lstrip("#").strip())
    return " ".join(linjer)


def _titel(beskrivelse: str, reserve: str) -> str:
    # Første led: op til et kolon eller punktum, der efterfølges af et stort bogstav ("nr. 1" deler ikke).
    return re.split(r"[:.](?=\s+[A-ZÆØÅ])", beskrivelse, maxsplit=1)[0].strip() or reserve


@lru_cache(maxsize=1)
def eksempler() -> list[dict]:
    """De medfølgende situationsfiler (``examples/*.yaml``) med titel og beskrivelse fra kommentaren."""
    resultat = []
    for fil in sorted(EKSEMPELMAPPE.glob("*.yaml")):
        tekst = fil.read_text(encoding="utf-8")
        beskrivelse = _kommentar(tekst)
        resultat.append(
            {
                "navn": fil.stem,
                "fil": f"examples/{fil.name}",
                "titel": _titel(beskrivelse, fil.stem),
                "beskrivelse": beskrivelse,
                "situation": laes_yaml(tekst, fil.name),
            }
        )
    return resultat


@bp.get("/arbejdsbord/api/eksempler")
def eksempler_():
    return jsonify(eksempler())


def _omfang(data) -> None:
    """Højst ``MAKS_VAERDIER`` værdier og ``MAKS_DYBDE`` niveauer; et alias tæller hver gang, det bruges."""
    antal, stak = 0, [(data, 1)]
    while stak:
        v, niveau = stak.pop()
        antal += 1
        if antal > MAKS_VAERDIER:
            raise FeltFejl(
                "tekst", f"giver flere end {dansk_tal(MAKS_VAERDIER)} værdier; en situation er mindre"
            )
        if isinstance(v, dict | list):
            if niveau > MAKS_DYBDE:
                raise FeltFejl("tekst", f"er indlejret dybere end grænsen på {MAKS_DYBDE} niveauer")
            stak.extend((x, niveau + 1) for x in (v.values() if isinstance(v, dict) else v))


def _json_sikker(data, sti: str = ""):
    """YAML-data som JSON: nøgler som tekst (``2026:`` uden anførselstegn er et tal i YAML).

    Hvad JSON ikke har, er en fejl ved ``tekst`` (med stien): ``.nan`` og ``.inf``, en nøgle, der
    hverken er tekst eller et helt tal (``true:``, ``~:``, ``1.5:``), og to nøgler, der bliver den
    samme tekst (``1:`` og ``'1':``; den ene ville ellers forsvinde).
    """
    if isinstance(data, dict):
        ud = {}
        for k, v in data.items():
            if isinstance(k, bool) or not isinstance(k, str | int):
                raise FeltFejl(
                    "tekst", f"{sti or 'roden'}: nøglen {k!r} er hverken en tekst eller et helt tal"
                )
            if str(k) in ud:
                raise FeltFejl(
                    "tekst", f"{sti or 'roden'}: nøglen '{k}' står to gange (som tal og som tekst)"
                )
            ud[str(k)] = _json_sikker(v, f"{sti}/{k}".lstrip("/"))
        return ud
    if isinstance(data, list):
        return [_json_sikker(v, f"{sti}/{nr}".lstrip("/")) for nr, v in enumerate(data)]
    if isinstance(data, datetime.date):
        return data.isoformat()
    if isinstance(data, float) and not math.isfinite(data):
        raise FeltFejl("tekst", f"{sti or 'roden'}: {data} er ikke et tal i JSON")
    return data


@bp.post("/arbejdsbord/api/indlaes")
def indlaes():
    """En indsat eller uploadet fil: en situation, en YAML-test (hvert tilfælde) eller en reformfil."""
    krop = _krop("indlaes", ("tekst",))
    tekst = krop["tekst"]
    if not isinstance(tekst, str) or not tekst.strip():
        raise FeltFejl("tekst", "forventede en ikke-tom tekst (YAML eller JSON)")
    navn = _tekst(krop, "navn", "indsat tekst")
    try:
        indhold = laes_yaml(tekst, navn, felt="tekst")
    except BrugerFejl as fejl:
        raise FeltFejl("tekst", str(fejl).removeprefix("tekst: ")) from None
    _omfang(indhold)
    indhold = _json_sikker(indhold)
    if isinstance(indhold, dict) and "aendringer" in indhold:
        # En reformfil kontrolleres her, så fejlen kan vises ved teksten, før den bruges som regime.
        try:
            reformfil.fra_objekt(indhold)
        except reformfil.ReformfilFejl as fejl:
            raise FeltFejl("tekst", f"{fejl.felt}: {fejl.besked}" if fejl.felt else fejl.besked) from None
        return jsonify({"art": "reform", "navn": navn, "reform": indhold, "situationer": []})
    systemer = [byg_system(GAELDENDE_RET), *(byg_system(n) for n in alle_regimer())]
    try:
        fundne = situationer_i(indhold, navn, systemer)
    except BrugerFejl as fejl:
        raise FeltFejl("tekst", str(fejl).removeprefix("SITUATION: ")) from None
    # Som beregningerne (MAKS_MEDLEMMER): sagt ved indlæsningen, før formularen tegner dem alle.
    for s in fundne:
        medlemmer = antal_medlemmer(s.data)
        if medlemmer > MAKS_MEDLEMMER:
            hvor = "" if s.nr is None else f"tilfælde nr. {s.nr}: "
            raise FeltFejl(
                "tekst",
                f"{navn}: {hvor}{medlemmer} personer og arbejdssteder er flere end grænsen på "
                f"{MAKS_MEDLEMMER} per beregning her; større situationer: dk-beskaeftigelse sammenlign",
            )
    return jsonify(
        {
            "art": "test" if fundne and fundne[0].nr is not None else "situation",
            "navn": navn,
            "reform": None,
            "situationer": [
                {"navn": s.navn, "nr": s.nr, "periode": s.periode, "situation": _json_sikker(s.data)}
                for s in fundne
            ],
        }
    )


# ---- forklaring -----------------------------------------------------------------------------


@bp.post("/arbejdsbord/api/forklaring")
def forklaring_():
    """Beregningens spor for én variabel, ét regime og (valgfrit) ét medlem, som JSON."""
    krop = _krop("forklaring", ("situation", "periode", "variabel"))
    situation = krop["situation"]
    if not isinstance(situation, dict):
        raise FeltFejl("situation", "forventede et JSON-objekt med fx 'personer' og 'virksomheder'")
    periode = _maaned(krop)
    variabel = _tekst(krop, "variabel")
    noegle = _regimenoegle(krop.get("regime", GAELDENDE_RET), "regime")
    person = krop.get("person")
    if person is not None and not isinstance(person, str):
        raise FeltFejl("person", "forventede et id som tekst")
    for flertal, medlemmer in situation.items():
        if isinstance(medlemmer, dict) and len(medlemmer) > MAKS_MEDLEMMER:
            raise FeltFejl(
                f"situation/{flertal}",
                f"{len(medlemmer)} er flere end grænsen på {MAKS_MEDLEMMER} per anmodning",
            )
    try:
        f = forklaring(situation, periode, variabel, noegle, person, _ja_nej(krop, "fremskrivning"))
    except (ManglendeOplysningError, ParameterHulError):
        raise
    except BrugerFejl as fejl:
        tekst = str(fejl)
        felt = (
            "variabel"
            if tekst.startswith("--variabel")
            else "person"
            if tekst.startswith("--person")
            else None
        )
        if felt is None:
            raise
        raise FeltFejl(felt, tekst.split(": ", 1)[1]) from None
    return jsonify(forklaring_som_dict(f))


# ---- effekt -------------------------------------------------------------------------------


class _Afbrudt(Exception):
    """Klienten gik, eller tiden løb ud: beregningen stopper ved næste bid."""


@dataclass
class _EffektAnmodning:
    periode: str | list[str]
    noegler: list[str]
    personer: int
    seed: int
    traekninger: int
    fremskrivning: bool
    fremskrivning_grund: str = ""


def _effekt_anmodning(krop: dict) -> _EffektAnmodning:
    """Kroppen kontrolleret: enten ``periode`` (én måned) eller ``aar`` (et helt år), og
    personer × måneder × trækninger × regimer under loftet."""
    if ("periode" in krop) == ("aar" in krop):
        raise FeltFejl(
            "periode", "angiv enten periode (en måned, fx 2026-03) eller aar (et helt år, fx 2027)"
        )
    fremskrivning, grund = _ja_nej(krop, "fremskrivning"), ""
    if "aar" in krop:
        foerste, sidste = effekt.aarene()
        aar = krop["aar"]
        if isinstance(aar, bool) or not isinstance(aar, int) or not foerste <= aar <= sidste:
            raise FeltFejl(
                "aar",
                f"forventede et år fra {foerste} til {sidste}, ikke {json.dumps(aar, ensure_ascii=False)}",
            )
        periode = effekt.aarets_maaneder(aar)
        fremskrivning, grund = effekt.aarets_fremskrivning(aar, fremskrivning, "aar")
    else:
        periode = _maaned(krop)
    noegler = _regimer(krop)
    egne = [n for n in dict.fromkeys(noegler) if n not in alle_regimer()]
    if len(egne) > MAKS_EGNE_REGIMER:
        raise FeltFejl(
            "regimer",
            f"{len(egne)} stakke og egne varianter er over grænsen på {MAKS_EGNE_REGIMER} i web-API'et "
            "(registrets regimer tæller ikke med); vælg færre, eller brug dk-beskaeftigelse effekt",
        )
    personer = _heltal(krop, "personer", 1, MAKS_BEFOLKNING)
    traekninger = _heltal(krop, "traekninger", 1, MAKS_TRAEKNINGER, 1)
    antal = len(dict.fromkeys([GAELDENDE_RET, *noegler]))
    maaneder = 1 if isinstance(periode, str) else len(periode)
    if maaneder * traekninger > MAKS_KOERSLER:
        raise FeltFejl(
            "traekninger",
            f"{maaneder} måned(er) × {traekninger} trækninger er over grænsen på {MAKS_KOERSLER} i "
            f"web-API'et; vælg højst {MAKS_KOERSLER // maaneder} trækninger for {maaneder} måned(er), "
            "eller brug dk-beskaeftigelse effekt",
        )
    gange = antal * maaneder * traekninger
    if gange * personer > MAKS_PERSONER_GANGE_REGIMER:
        raise FeltFejl(
            "personer",
            f"{antal} regimer × {maaneder} måned(er) × {traekninger} trækning(er) × "
            f"{dansk_tal(personer)} personer er over grænsen på "
            f"{dansk_tal(MAKS_PERSONER_GANGE_REGIMER)} i web-API'et; "
            "vælg færre personer, måneder, trækninger eller regimer "
            f"(højst {dansk_tal(MAKS_PERSONER_GANGE_REGIMER // gange)} personer med de valgte), "
            "eller brug dk-beskaeftigelse effekt",
        )
    seed = _heltal(krop, "seed", 0, effekt.MAKS_SEED, 0)
    return _EffektAnmodning(periode, noegler, personer, seed, traekninger, fremskrivning, grund)


def _linje(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


def befolkningens_valg() -> dict:
    """Befolkning-sidens valg fra serveren: årene, et helt år kan være, det sidste år med
    offentliggjorte satser (derefter fremskrives de), månederne i et år og grænserne."""
    foerste, sidste = effekt.aarene()
    return {
        "aar": {"fra": foerste, "til": sidste},
        "offentliggjort_til": int(effekt.foerste_fremskrevne_maaned()[:4]) - 1,
        "maaneder_pr_aar": effekt.MAANEDER_PR_AAR,
        "graenser": {**GRAENSER, "sekunder_per_anmodning": MAKS_SEKUNDER},
    }


@bp.get("/arbejdsbord/api/effekt")
def effektens_valg():
    """Befolkning-sidens valg (``befolkningens_valg``); beregningen er POST på samme adresse."""
    return jsonify(befolkningens_valg())


@bp.post("/arbejdsbord/api/effekt")
def effekt_():
    """Effekten på en syntetisk befolkning som NDJSON: en linje ved start, fremdrift og resultatet.

    Kroppen kontrolleres, før svaret begynder (en fejl er da en 4xx som ellers). Under beregningen er
    svaret begyndt; en fejl står da som sidste linje, ``{"fejl", "felt"}``.
    """
    anmodning = _effekt_anmodning(_krop("effekt", ("personer",)))
    noegler, personer = anmodning.noegler, anmodning.personer
    if not _EFFEKT_LAAS.acquire(blocking=False):
        raise OptagetFejl()
    beskeder: queue.Queue = queue.Queue()
    stop = threading.Event()

    def fremdrift(faerdige: int, i_alt: int) -> None:
        if stop.is_set():
            raise _Afbrudt()
        beskeder.put({"fremdrift": {"faerdige": faerdige, "i_alt": i_alt}})

    def koer() -> None:
        try:
            resultat = effekt.effekt(
                noegler,
                anmodning.periode,
                personer,
                anmodning.seed,
                fremskrivning=anmodning.fremskrivning,
                traekninger=anmodning.traekninger,
                fremdrift=fremdrift,
            )
            resultat.fremskrivning_grund = anmodning.fremskrivning_grund
            beskeder.put({"resultat": effekt.som_dict(resultat), "csv": effekt.som_csv(resultat)})
        except _Afbrudt:
            pass
        except (BrugerFejl, ParameterHulError, ManglendeOplysningError) as fejl:
            beskeder.put({"fejl": str(fejl), "felt": getattr(fejl, "felt", None)})
        except Exception as fejl:
            log.error("Uventet fejl i effekt", exc_info=fejl)
            beskeder.put({"fejl": "intern fejl i serveren; fejlen er logget", "felt": None})
        finally:
            # Låsen først: en klient, der har læst svarets sidste linje, må straks beregne igen.
            _EFFEKT_LAAS.release()
            beskeder.put(None)

    frist = time.monotonic() + MAKS_SEKUNDER
    threading.Thread(target=koer, name="effekt", daemon=True).start()

    def linjer():
        try:
            yield _linje(
                {
                    "start": {
                        "periode": effekt.periodenavn(
                            [anmodning.periode] if isinstance(anmodning.periode, str) else anmodning.periode
                        ),
                        "regimer": list(dict.fromkeys([GAELDENDE_RET, *noegler])),
                        "personer": personer,
                    }
                }
            )
            while True:
                try:
                    besked = beskeder.get(timeout=max(0.0, frist - time.monotonic()))
                except queue.Empty:
                    yield _linje(
                        {
                            "fejl": f"beregningen brugte mere end grænsen på {MAKS_SEKUNDER} sekunder; "
                            "vælg færre personer eller regimer",
                            "felt": "personer",
                        }
                    )
                    return
                if besked is None:
                    return
                yield _linje(besked)
        finally:
            stop.set()

    svar = Response(linjer(), mimetype="application/x-ndjson")
    svar.headers["Cache-Control"] = "no-store"
    return svar


# ---- katalog ------------------------------------------------------------------------------


def _kilde(kilde: Kilde) -> dict:
    return {**kilde.som_dict(), "dokument": SEEDS[kilde.fil].navn}


@bp.get("/arbejdsbord/api/katalog")
def katalog_():
    """Registret og kataloget over forslagene, med kilder og links til dokumentationens sider."""
    base = _dokumentationens_base(current_app)
    reformer = f"{base}genereret/reformer/"
    return jsonify(
        {
            "dokumentation": base,
            "dokumenter": [
                {"fil": fil, "navn": seed.navn, "beskrivelse": seed.beskrivelse}
                for fil, seed in SEEDS.items()
            ],
            "regimer": [
                {
                    "noegle": r.noegle,
                    "navn": r.navn,
                    "status": r.status,
                    "reformer": r.reformstier,
                    "kilder": [_kilde(k) for k in r.kilder],
                    "side": None if r.noegle == GAELDENDE_RET else f"{reformer}{r.noegle}/",
                }
                for r in alle_regimer().values()
            ],
            "katalog": [
                {
                    "forslag": p["forslag"],
                    "status": p["status"],
                    "statustekst": KATALOGSTATUS[p["status"]],
                    "regime": p.get("regime"),
                    "lov": p.get("lov"),
                    "hvorfor": p.get("hvorfor"),
                    "kilde": _kilde(Kilde(p["kilde"], p["afsnit"])),
                    "side": f"{reformer}{p['regime']}/" if p.get("regime") else f"{reformer}katalog/",
                }
                for p in katalog()
            ],
        }
    )


# ---- OpenAPI ------------------------------------------------------------------------------


def spec_stier(fejlsvar) -> dict:
    """Arbejdsbordets stier til rodens OpenAPI-spec; ``fejlsvar(*koder)`` er rodens fejlsvar."""
    tekst = {"type": "string"}
    objekt = {"type": "object"}

    def svar(beskrivelse: str, skema: dict, medie: str = "application/json") -> dict:
        return {"description": beskrivelse, "content": {medie: {"schema": skema}}}

    def post(operation: str, beskrivelse: str, krop: dict, ok: dict, *koder: int) -> dict:
        return {
            "post": {
                "operationId": operation,
                "description": beskrivelse,
                "requestBody": {"required": True, "content": {"application/json": {"schema": krop}}},
                "responses": {"200": ok, **fejlsvar(*koder)},
            }
        }

    maaned = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "example": "2026-03"}
    regimer = {
        "oneOf": [
            {"type": "string", "enum": ["alle"]},
            {"type": "array", "minItems": 1, "items": tekst},
        ]
    }
    return {
        "/arbejdsbord/api/inddata": {
            "get": {
                "operationId": "arbejdsbord_inddata",
                "description": "Modellens input: label, enhed, type, valg, værdiområde, måneder bagud",
                "parameters": [{"name": "periode", "in": "query", "required": False, "schema": maaned}],
                "responses": {
                    "200": svar("Entiteterne, lovene og inputvariablerne", objekt),
                    **fejlsvar(400),
                },
            }
        },
        "/arbejdsbord/api/eksempler": {
            "get": {
                "operationId": "arbejdsbord_eksempler",
                "responses": {"200": svar("De medfølgende eksempler", {"type": "array", "items": objekt})},
            }
        },
        "/arbejdsbord/api/katalog": {
            "get": {
                "operationId": "arbejdsbord_katalog",
                "responses": {"200": svar("Registret og forslagskataloget", objekt)},
            }
        },
        "/arbejdsbord/api/indlaes": post(
            "arbejdsbord_indlaes",
            "En situationsfil, YAML-test eller reformfil som tekst → data",
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["tekst"],
                "properties": {"tekst": tekst, "navn": tekst},
            },
            svar("Filens art og situationer (eller reform)", objekt),
            400,
            413,
            415,
            500,
        ),
        "/arbejdsbord/api/forklaring": post(
            "arbejdsbord_forklaring",
            "Beregningens spor for én variabel under ét regime, med § og parametre",
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["situation", "periode", "variabel"],
                "properties": {
                    "situation": objekt,
                    "periode": maaned,
                    "variabel": tekst,
                    "regime": tekst,
                    "person": tekst,
                    "fremskrivning": {"type": "boolean"},
                },
            },
            svar("Sporet som træer", objekt),
            400,
            404,
            413,
            415,
            422,
            500,
            503,
        ),
        "/arbejdsbord/api/effekt": {
            "get": {
                "operationId": "arbejdsbord_effektens_valg",
                "description": "Befolkning-sidens valg: årene, sidste år med offentlige satser, grænserne",
                "responses": {"200": svar("Årene og grænserne", objekt)},
            }
        }
        | post(
            "arbejdsbord_effekt",
            (
                "Effekten på en syntetisk befolkning som NDJSON: {start}, {fremdrift}..., {resultat, csv} "
                "eller til sidst {fejl, felt}"
            ),
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["personer"],
                # Enten periode (én måned) eller aar (et helt år).
                "oneOf": [{"required": ["periode"]}, {"required": ["aar"]}],
                "properties": {
                    "periode": maaned,
                    "aar": {"type": "integer", "minimum": effekt.aarene()[0], "maximum": effekt.aarene()[1]},
                    "regimer": regimer,
                    "personer": {"type": "integer", "minimum": 1, "maximum": MAKS_BEFOLKNING},
                    "seed": {"type": "integer", "minimum": 0, "maximum": effekt.MAKS_SEED},
                    "traekninger": {"type": "integer", "minimum": 1, "maximum": MAKS_TRAEKNINGER},
                    "fremskrivning": {"type": "boolean"},
                },
            },
            svar("Linjer med JSON", tekst, "application/x-ndjson"),
            400,
            413,
            415,
            500,
            503,
        ),
    }
