"""Beregn en situation: indlæs en situationsfil, byg simuleringen, hent og vis værdierne.

En situation er OpenFiscas eget format (samme som web-API'ets ``/calculate`` og en
YAML-tests ``input``), i YAML eller JSON.
"""

import calendar
import copy
import datetime
import difflib
import errno
import json
import math
import re
import shlex
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import numpy
import yaml
from openfisca_core import periods
from openfisca_core.errors import SituationParsingError
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.tools import test_runner
from openfisca_core.tracers import SimpleTracer

from openfisca_dk_beskaeftigelse import vaerdiomraader
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO, ManglendeOplysningError
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError


class BrugerFejl(ValueError):
    """Fejl i det, brugeren har sendt: vises som én linje, der nævner feltet."""


@dataclass(frozen=True)
class Vaerdi:
    """Én variabels værdi for én person eller ét arbejdssted."""

    entitet: str
    id: str
    variabel: str
    vaerdi: object

    def tekst(self, variabel) -> str:
        """Værdien, som en jurist læser den: Enum ved sin danske tekst, kroner med to decimaler."""
        v = self.vaerdi
        if isinstance(v, datetime.date):
            return "ingen" if v == INGEN_DATO else v.isoformat()
        if isinstance(v, bool):
            return "ja" if v else "nej"
        if isinstance(v, float):
            return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        if variabel.value_type is Enum:
            return variabel.possible_values[v].value
        return str(v)


class _NoegleFejl(yaml.constructor.ConstructorError):
    """En nøgle, indlæseren ikke kan bruge: en liste eller et objekt som nøgle (``problem`` er beskeden)."""


class _DobbeltNoegle(_NoegleFejl):
    """En nøgle, der står to gange i samme objekt."""


# PyYAML's sikre indlæser, i C (libyaml), hvor PyYAML har den: samme regler, ti gange hurtigere.
SIKKER_INDLAESER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SituationLoader(SIKKER_INDLAESER):
    """YAML uden automatisk datokonvertering: datoer forbliver tekst, som i web-API'et.

    En nøgle, der står to gange i samme objekt, er en fejl: PyYAML beholder ellers kun den sidste.
    En nøgle, der er en liste eller et objekt, er også en fejl (JSON har den ikke).
    """

    def construct_mapping(self, node, deep=False):
        sete = set()
        for noegle_node, _ in node.value:
            # '<<' fletter et andet objekt ind; dets nøgler må gerne overskrives.
            if noegle_node.tag == "tag:yaml.org,2002:merge":
                continue
            if noegle_node.tag == "tag:yaml.org,2002:float" and _EKSPONENT.match(noegle_node.value):
                # Som nøgle (fx et id 1e5) forbliver det tekst, som før 1e3 blev et tal (nedenfor).
                noegle_node.tag = "tag:yaml.org,2002:str"
            noegle = self.construct_object(noegle_node, deep=True)
            try:
                dobbelt = noegle in sete
            except TypeError:
                # En liste eller et objekt som nøgle (YAML's "? [a]"): intet felt hedder sådan.
                raise _NoegleFejl(
                    None,
                    None,
                    f"en nøgle skal være en tekst eller et tal, ikke {json.dumps(noegle, default=str)}",
                    noegle_node.start_mark,
                ) from None
            if dobbelt:
                raise _DobbeltNoegle(
                    None,
                    None,
                    f"nøglen '{noegle}' står to gange; kun den sidste ville blive brugt",
                    noegle_node.start_mark,
                )
            sete.add(noegle)
        return super().construct_mapping(node, deep=deep)


def _ikke_data(_loader, node):
    # Bytes og mængder er ikke JSON: mærket afvises som et Python-mærke.
    raise yaml.constructor.ConstructorError(
        None, None, f"found unacceptable tag '{node.tag}'", node.start_mark
    )


_SituationLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)
for _maerke in ("tag:yaml.org,2002:binary", "tag:yaml.org,2002:set"):
    _SituationLoader.add_constructor(_maerke, _ikke_data)
# 1e3 er et tal i JSON og YAML 1.2, men tekst i PyYAML's YAML 1.1 (der kræver et punktum: 1.0e+3).
_EKSPONENT = re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")
_SituationLoader.add_implicit_resolver("tag:yaml.org,2002:float", _EKSPONENT, list("-+0123456789"))


# Modellen dækker lovgivningen fra januar 2020 (parametrene er daterede fra da).
FOERSTE_MAANED = "2020-01"
SIDSTE_MAANED = vaerdiomraader.DATO_TIL.strftime("%Y-%m")


def gyldig_maaned(tekst: str, felt: str = "--periode") -> str:
    """En måned som OpenFisca-periode ('2026-03'); alt andet giver BrugerFejl med feltets navn."""
    try:
        periode = periods.period(tekst)
    except (ValueError, TypeError):
        raise BrugerFejl(f"{felt}: '{tekst}' er ikke en måned; brug fx 2026-03") from None
    if periode.unit != periods.DateUnit.MONTH or periode.size != 1:
        raise BrugerFejl(f"{felt}: '{tekst}' er ikke én måned; brug fx 2026-03")
    # Som tal, ikke som tekst: år 4 skrives "4-07" og ville ellers ligge efter "2020-01".
    if periode.start < periods.period(FOERSTE_MAANED).start:
        raise BrugerFejl(f"{felt}: '{tekst}' ligger før modellens første måned, {FOERSTE_MAANED}")
    # Som inddatas perioder højst til vaerdiomraader.DATO_TIL (og aldrig, hvor måneden efter ikke findes).
    if slutter_efter_modellen(periode):
        raise BrugerFejl(f"{felt}: '{tekst}' ligger efter modellens sidste måned, {SIDSTE_MAANED}")
    return str(periode)


# Medlemmer i én situation fra en fil (sammenlign og forklar er til enkelte borgere og arbejdssteder).
MAKS_MEDLEMMER_I_FIL = 10_000
# En situation, en YAML-test eller en reformfil er aldrig så stor; en enhed som /dev/zero ender aldrig.
MAKS_FILSTOERRELSE = 20_000_000  # bytes


def laes_tekst(sti) -> str:
    """Filens tekst (UTF-8) som ``Path.read_text``, men højst ``MAKS_FILSTOERRELSE`` bytes; en større
    fil giver OSError, så kalderens besked om en fil, der ikke kan læses, også gælder den."""
    with open(sti, "rb") as fil:
        data = fil.read(MAKS_FILSTOERRELSE + 1)
    if len(data) > MAKS_FILSTOERRELSE:
        raise OSError(errno.EFBIG, f"større end {MAKS_FILSTOERRELSE // 1_000_000} MB")
    return data.decode("utf-8")


def indlaes_yaml(sti: Path, felt: str = "SITUATION"):
    """Læs en YAML- eller JSON-fil som rene data; en fejl giver BrugerFejl, der nævner ``felt`` og filen.

    Indlæseren er PyYAML's sikre: et Python-mærke (fx ``!!python/object/apply:os.system``) afvises
    i stedet for at blive udført.
    """
    try:
        tekst = laes_tekst(sti)
    except FileNotFoundError:
        raise BrugerFejl(f"{felt}: filen '{sti}' findes ikke") from None
    except IsADirectoryError:
        raise BrugerFejl(f"{felt}: '{sti}' er en mappe; angiv en fil") from None
    except OSError as fejl:
        raise BrugerFejl(f"{felt}: '{sti}' kan ikke læses ({fejl.strerror})") from None
    except UnicodeDecodeError as fejl:
        linje = fejl.object[: fejl.start].count(b"\n") + 1
        raise BrugerFejl(f"{felt}: '{sti}' er ikke UTF-8 (linje {linje}); gem filen som UTF-8") from None
    return laes_yaml(tekst, sti, felt)


def laes_yaml(tekst: str, sti, felt: str = "SITUATION"):
    """YAML eller JSON i en tekst (en fils indhold, eller indsat i arbejdsbordet) som rene data.

    ``sti`` er det navn, fejlene nævner (filen, eller hvad brugeren kaldte teksten); samme sikre
    indlæser og samme fejl som :func:`indlaes_yaml`.
    """
    try:
        return yaml.load(tekst, Loader=_SituationLoader)
    except _NoegleFejl as fejl:
        raise BrugerFejl(f"{felt}: '{sti}' (linje {fejl.problem_mark.line + 1}): {fejl.problem}") from None
    except yaml.constructor.ConstructorError as fejl:
        maerke = re.search(r"tag '([^']*)'", fejl.problem or "")
        vist = maerke.group(1).replace("tag:yaml.org,2002:", "!!") if maerke else "?"
        raise BrugerFejl(
            f"{felt}: '{sti}' (linje {fejl.problem_mark.line + 1}): mærket '{vist}' er ikke tilladt; "
            "filen må kun indeholde data (tekst, tal, lister og objekter)"
        ) from None
    except yaml.YAMLError as fejl:
        sted = getattr(fejl, "problem_mark", None)
        linje = (f" (linje {sted.line + 1})" if sted else "") + _lang_noegle(tekst, sted)
        raise BrugerFejl(f"{felt}: '{sti}' er ikke gyldig YAML/JSON{linje}") from None


# YAML's simple nøgler er højst 1024 tegn; en længere (fx et langt id) læses ikke som en nøgle.
MAKS_SIMPEL_NOEGLE = 1024


def _lang_noegle(tekst: str, sted) -> str:
    """En forklaring, hvis linjen med fejlen eller linjen før har en nøgle over YAML's grænse."""
    if sted is None:
        return ""
    linjer = tekst.splitlines()[max(sted.line - 1, 0) : sted.line + 1]
    if any(len(linje.split(":", 1)[0].strip()) > MAKS_SIMPEL_NOEGLE for linje in linjer):
        return f"; en nøgle på over {MAKS_SIMPEL_NOEGLE} tegn skal skrives med '? ' foran eller i JSON"
    return ""


def indlaes_situation(sti: Path) -> dict:
    """Læs en situation fra en YAML- eller JSON-fil."""
    indhold = indlaes_yaml(sti)
    if not isinstance(indhold, dict):
        raise BrugerFejl(f"SITUATION: '{sti}' skal være et objekt med fx 'personer' og 'virksomheder'")
    return indhold


@dataclass(frozen=True)
class Situation:
    """En situation fra en fil: hele filen, eller ét tilfælde af en YAML-test."""

    fil: Path
    data: dict
    # Tilfældets ``period`` (en YAML-test); None for en situationsfil.
    periode: str | None = None
    # Tilfældets nummer (1 for det første) og ``name`` i en YAML-test.
    nr: int | None = None
    tilfaelde: str | None = None

    @property
    def navn(self) -> str:
        """Filens navn og tilfældet (nummer og navn), til overskrifter og JSON."""
        if self.nr is None:
            return Path(self.fil).name
        return f"{Path(self.fil).name}, tilfælde {self.nr}" + (
            f": {self.tilfaelde}" if self.tilfaelde else ""
        )

    @property
    def sted(self) -> str:
        """Filens sti og tilfældets nummer, til advarsler og CSV."""
        return str(self.fil) + ("" if self.nr is None else f", tilfælde {self.nr}")

    @property
    def kommando(self) -> str:
        """Situationen, som den skrives på kommandolinjen."""
        return shlex.quote(str(self.fil)) + ("" if self.nr is None else f" --tilfaelde {self.nr}")


# Nøglerne i ét tilfælde af en YAML-test: felterne i OpenFiscas Test (en anden nøgle ville give en
# TypeError i runneren); sammenlign og forklar bruger kun ``input`` og ``period``.
TESTNOEGLER = frozenset(f.name for f in fields(test_runner.Test))


def _er_test(indhold) -> bool:
    if isinstance(indhold, list):
        return True
    return isinstance(indhold, dict) and "input" in indhold and set(indhold) <= TESTNOEGLER


def indlaes_situationer(sti: Path, systemer, tilfaelde: str | None = None) -> list[Situation]:
    """Situationerne i en fil: filen selv, eller hvert tilfælde af en YAML-test (``--tilfaelde``: ét).

    Et tilfælde vælges ved sit ``name`` eller sit nummer (1 for det første). Tilfældets ``input``
    skrives om til situationsformatet (:func:`situation_fra_test`), så resten af beregningen er den
    samme; ``output`` og ``reforms`` bruges ikke (regimerne vælges med ``--regimer``).
    """
    situationer = situationer_i(indlaes_yaml(sti), sti, systemer, tilfaelde)
    for situation in situationer:
        medlemmer = antal_medlemmer(situation.data)
        if medlemmer > MAKS_MEDLEMMER_I_FIL:
            raise BrugerFejl(
                f"SITUATION: '{sti}' har {medlemmer} personer og arbejdssteder; højst "
                f"{MAKS_MEDLEMMER_I_FIL} i en situation; en befolkning "
                "beregnes med dk-beskaeftigelse effekt"
            )
    return situationer


def antal_medlemmer(situation: dict) -> int:
    """Personer og arbejdssteder i en situation (hver entitets objekt af medlemmer)."""
    return sum(len(v) for v in situation.values() if isinstance(v, dict))


def situationer_i(indhold, sti, systemer, tilfaelde: str | None = None) -> list[Situation]:
    """Situationerne i en fils indhold (som :func:`indlaes_situationer`; ``sti`` er filens navn)."""
    if not _er_test(indhold):
        if tilfaelde is not None:
            raise BrugerFejl(f"--tilfaelde: '{sti}' er en situationsfil, ikke en YAML-test")
        if not isinstance(indhold, dict):
            raise BrugerFejl(f"SITUATION: '{sti}' skal være et objekt med fx 'personer' og 'virksomheder'")
        return [Situation(Path(sti), indhold)]
    tilfaeldene = indhold if isinstance(indhold, list) else [indhold]
    if not tilfaeldene:
        raise BrugerFejl(f"SITUATION: '{sti}' er en YAML-test uden tilfælde (en tom liste)")
    for nr, t in enumerate(tilfaeldene, 1):
        if not isinstance(t, dict) or not isinstance(t.get("input"), dict):
            raise BrugerFejl(
                f"SITUATION: '{sti}', tilfælde nr. {nr}: en YAML-test skal have 'input' (et objekt)"
            )
    valgte = list(enumerate(tilfaeldene, 1))
    if tilfaelde is not None:
        valgte = [(nr, t) for nr, t in valgte if tilfaelde in (str(nr), str(t.get("name")))]
        if not valgte:
            raise BrugerFejl(
                f"--tilfaelde: '{tilfaelde}' findes ikke i '{sti}'; angiv et navn eller et nummer "
                f"fra 1 til {len(tilfaeldene)}"
            )
    resultat = []
    for nr, t in valgte:
        periode = None if t.get("period") is None else str(t["period"])
        try:
            data = situation_fra_test(systemer, t["input"], periode)
        except BrugerFejl as fejl:
            raise BrugerFejl(f"SITUATION: '{sti}', tilfælde nr. {nr}: {fejl}") from None
        navn = None if t.get("name") is None else str(t["name"])
        resultat.append(Situation(Path(sti), data, periode, nr, navn))
    return resultat


def situation_fra_test(systemer, indata: dict, periode: str | None) -> dict:
    """En YAML-tests ``input`` i situationsformatet: entiteterne skrevet ud, hver værdi med sin periode.

    Som OpenFiscas testformat: uden entiteter er alle variablerne én persons (og hendes
    arbejdssteds); ``virksomhed: {...}`` er ét arbejdssted; en værdi uden periode gælder
    tilfældets ``period`` (ETERNITY-variabler: ``ETERNITY``). Variablen slås op i det første af
    ``systemerne``, der kender den, så en reforms egne inddata også kan stå uden entitet.
    """
    system = systemer[0]
    flertal = system.entities_plural()
    ental = system.entities_by_singular()
    if any(k in ental and k not in flertal for k in indata):
        indata = SimulationBuilder().explicit_singular_entities(system, indata)
    elif not any(k in flertal for k in indata):
        indata = _med_entiteter(systemer, indata)
    situation = {}
    for noegle, medlemmer in indata.items():
        if noegle not in flertal or not isinstance(medlemmer, dict):
            situation[noegle] = medlemmer
            continue
        situation[noegle] = {
            id_: _med_perioder(systemer, felter, periode) if isinstance(felter, dict) else felter
            for id_, felter in medlemmer.items()
        }
    return situation


def _variabel(systemer, navn: str):
    return next((s.variables[navn] for s in systemer if navn in s.variables), None)


def _med_entiteter(systemer, indata: dict) -> dict:
    """Testens flade form: én person med personens variabler, i ét arbejdssted med arbejdsstedets."""
    person = systemer[0].person_entity
    situation = {person.plural: {person.key: {}}}
    for navn, vaerdi in indata.items():
        variabel = _variabel(systemer, navn)
        entitet = person if variabel is None else variabel.entity
        if entitet.is_person:
            situation[person.plural][person.key][navn] = vaerdi
            continue
        # Personen får entitetens første rolle, som i OpenFiscas egen flade form.
        gruppe = situation.setdefault(entitet.plural, {}).setdefault(
            entitet.key, {entitet.flattened_roles[0].plural: [person.key]}
        )
        gruppe[navn] = vaerdi
    return situation


def _med_perioder(systemer, felter: dict, periode: str | None) -> dict:
    """Hver værdi uden periode får ``periode`` (ETERNITY for en ETERNITY-variabel); roller bevares."""
    resultat = {}
    for navn, vaerdi in felter.items():
        variabel = _variabel(systemer, navn)
        if variabel is None or isinstance(vaerdi, dict):
            resultat[navn] = vaerdi
        elif variabel.definition_period == periods.DateUnit.ETERNITY:
            resultat[navn] = {"ETERNITY": vaerdi}
        elif periode is None:
            raise BrugerFejl(f"{navn}: en værdi uden periode kræver tilfældets 'period'")
        else:
            resultat[navn] = {periode: vaerdi}
    return resultat


def byg_simulering(system, situation: dict):
    """Byg en OpenFisca-simulering; en situation, der ikke passer til systemet, giver SituationsFejl."""
    kontroller_situation(system, situation)
    try:
        return Bygger().build_from_entities(system, situation)
    except SituationParsingError as fejl:
        raise BrugerFejl(f"SITUATION: {_flad_fejl(fejl.error)}") from None


class Bygger(SimulationBuilder):
    """OpenFiscas bygger, hvor hver person og hvert arbejdssted beregnes med sine egne inddata.

    OpenFiscas bygger samler en entitets inddata per variabel og periodenøgle, som den er skrevet.
    Medlemmer med en nøgle i en anden form end OpenFiscas egen ('month:2026-03', også den samme for
    dem alle) eller med nøgler for overlappende perioder ('2026' og '2026-03') overskriver derfor
    hinandens værdier med standardværdien. Et arbejdssted, som OpenFisca opretter til en person uden
    arbejdssted, får de erklærede arbejdssteders inddata (``numpy.tile``), eller bygningen fejler
    med en ValueError. Derfor bygges der af :func:`egne_inddata` (brugerens situation ændres ikke),
    og en variabel med formel, som kun nogle medlemmer giver, kontrolleres bagefter
    (:func:`_kontroller_delvise_inddata`).
    """

    def build_from_entities(self, tax_benefit_system, input_dict):
        if self.default_period is not None and isinstance(input_dict, dict):
            input_dict = med_tilfaeldets_periode(tax_benefit_system, input_dict, self.default_period)
        situation = egne_inddata(tax_benefit_system, input_dict)
        simulering = super().build_from_entities(tax_benefit_system, situation)
        _kontroller_delvise_inddata(tax_benefit_system, situation, simulering)
        return simulering


def med_tilfaeldets_periode(system, situation: dict, periode: str) -> dict:
    """Situationen, hvor en YAML-tests værdi uden periode står under tilfældets periode (som i
    OpenFiscas bygger; ETERNITY for en evig variabel)."""
    return _hvert_medlem(situation, lambda _, felter: _med_perioder([system], felter, periode))


def _hvert_medlem(situation: dict, aendr) -> dict:
    """Situationen med ``aendr(flertal, felter)`` i stedet for hvert medlems felter."""
    return {
        flertal: {id_: aendr(flertal, f) if isinstance(f, dict) else f for id_, f in medlemmer.items()}
        if isinstance(medlemmer, dict)
        else medlemmer
        for flertal, medlemmer in situation.items()
    }


def _kontroller_delvise_inddata(system, situation: dict, simulering) -> None:
    """En variabel med formel, som kun nogle af en entitets medlemmer giver som inddata, giver
    OpenFisca de andre som standardværdien (entitetens inddata er ét array), ikke som formlens værdi.
    Er formlens værdi en anden for et af de andre medlemmer, er det en SituationsFejl ved dets felt.
    Kan formlen ikke beregnes uden inddataene (fx en alder givet i stedet for fødselsdatoen), er der
    intet at sammenligne med."""
    delvise = _delvise_inddata(system, situation, simulering)
    if not delvise:
        return
    uden = _hvert_medlem(
        situation, lambda flertal, felter: {n: v for n, v in felter.items() if (flertal, n) not in delvise}
    )
    formler = SimulationBuilder().build_from_entities(system, uden)
    for (flertal, navn), perioder in delvise.items():
        variabel = system.variables[navn]
        ids = [str(i) for i in simulering.get_variable_population(navn).ids]
        for periode, givne in perioder.items():
            try:
                formlens = formler.calculate(navn, periode)
            except (ParameterHulError, ManglendeOplysningError):
                continue
            standard = variabel.default_array(len(ids))
            for i, id_ in enumerate(ids):
                if id_ not in givne and formlens[i] != standard[i]:
                    raise SituationsFejl(
                        f"{flertal}/{id_}/{navn}/{periode}",
                        f"mangler: {navn} er givet for {', '.join(givne)} i {periode}, og så giver "
                        f"OpenFisca {id_} standardværdien {_enkelt(standard, i)} i stedet for formlens "
                        f"{_enkelt(formlens, i)}; angiv den for alle {flertal} i {periode} eller for ingen",
                    )


def _delvise_inddata(system, situation: dict, simulering) -> dict:
    """(entitet, variabel) -> periode -> de medlemmer, der giver den, for variabler med formel, som
    ikke alle medlemmer giver (også arbejdssteder, OpenFisca selv oprettede)."""
    delvise: dict = {}
    for entitet in system.entities:
        medlemmer = situation.get(entitet.plural)
        if not isinstance(medlemmer, dict):
            continue
        antal = simulering.populations[entitet.key].count
        if antal < 2:  # et eneste medlem giver inddataene for hele entiteten
            continue
        givne: dict = {}
        for id_, felter in medlemmer.items():
            for navn, vaerdier in felter.items() if isinstance(felter, dict) else ():
                variabel = system.variables.get(navn)
                if variabel is not None and variabel.formulas and isinstance(vaerdier, dict):
                    for periode in _i_egne_perioder(variabel, vaerdier):
                        givne.setdefault(navn, {}).setdefault(periode, set()).add(str(id_))
        for navn, perioder in givne.items():
            ufuldstaendige = {p: m for p, m in perioder.items() if len(m) < antal}
            if ufuldstaendige:
                delvise[entitet.plural, navn] = ufuldstaendige
    return delvise


def _enkelt(array, i: int) -> str:
    if isinstance(array, EnumArray):
        return array.decode()[i].name
    return json.dumps(array[i].item(), default=str)


def egne_inddata(system, situation: dict) -> dict:
    """Situationen, så hvert medlem får præcis de værdier, det ville få alene i situationen.

    - Hvis medlemmernes nøgler for en variabel ville blandes (:func:`_blandes`), skrives hvert
      medlems værdier om til variablens egne perioder. Det sker for hvert medlem for sig og på
      samme måde, som OpenFisca fordeler dem for ét medlem (:func:`_i_egne_perioder`).
    - En gruppe-entitet, der står i situationen, får et eget medlem for hver person, der ikke er
      placeret i den: personens id i den første rolle, som OpenFisca selv ville give den.

    Uden sådanne nøgler og uden ikke-placerede personer er det situationen selv.
    """
    if not isinstance(situation, dict):
        return situation
    personer = situation.get(system.person_entity.plural)
    ny = dict(situation)
    for entitet in system.entities:
        medlemmer = situation.get(entitet.plural)
        if not isinstance(medlemmer, dict):
            continue
        medlemmer = _uden_blanding(system, medlemmer)
        if not entitet.is_person and isinstance(personer, dict):
            medlemmer = _med_egne_grupper(entitet, medlemmer, personer)
        ny[entitet.plural] = medlemmer
    return ny


def _uden_blanding(system, medlemmer: dict) -> dict:
    if len(medlemmer) < 2:  # ét medlem blander ikke sine værdier med andres
        return medlemmer
    noegler: dict[str, dict] = {}  # variabel -> medlem -> dets periodenøgler, som de er skrevet
    for id_, felter in medlemmer.items():
        for navn, vaerdier in felter.items() if isinstance(felter, dict) else ():
            if isinstance(vaerdier, dict) and navn in system.variables:
                noegler.setdefault(navn, {})[id_] = [k for k, v in vaerdier.items() if v is not None]
    blandede = {navn for navn, per_medlem in noegler.items() if len(per_medlem) > 1 and _blandes(per_medlem)}
    if not blandede:
        return medlemmer
    return {
        id_: {
            navn: _i_egne_perioder(system.variables[navn], v)
            if navn in blandede and isinstance(v, dict)
            else v
            for navn, v in felter.items()
        }
        if isinstance(felter, dict)
        else felter
        for id_, felter in medlemmer.items()
    }


def _blandes(per_medlem: dict) -> bool:
    """Sandt, hvis OpenFiscas bygger ville blande medlemmernes værdier for variablen: to medlemmer
    giver samme periode, og en af nøglerne er ikke skrevet som OpenFiscas egen form
    ('month:2026-03' for '2026-03'), eller to medlemmer giver overlappende perioder ('2026' og
    '2026-03')."""
    medlemmer: dict[str, set] = {}  # periode, som OpenFisca skriver den -> medlemmerne, der giver den
    perioder, kanoniske = {}, {}
    try:
        for id_, noegler in per_medlem.items():
            for noegle in noegler:
                periode = periods.period(noegle)
                medlemmer.setdefault(str(periode), set()).add(id_)
                perioder[str(periode)] = periode
                kanoniske[str(periode)] = kanoniske.get(str(periode), True) and str(noegle) == str(periode)
    except ValueError:  # OpenFiscas bygger melder selv nøglen, den ikke kan læse
        return False
    if any(len(medlemmer[p]) > 1 and not kanoniske[p] for p in medlemmer):
        return True
    tidsbestemte = [p for p in perioder if perioder[p].unit != periods.DateUnit.ETERNITY]
    return any(
        len(medlemmer[a] | medlemmer[b]) > 1 and _overlapper(perioder[a], perioder[b])
        for i, a in enumerate(tidsbestemte)
        for b in tidsbestemte[i + 1 :]
    )


def _i_egne_perioder(variabel, vaerdier: dict) -> dict:
    """Ét medlems værdier for variablen i dens egne perioder, som OpenFiscas bygger sætter dem for
    ét medlem.

    - Samme periode skrevet to gange: den sidste gælder.
    - De korteste perioder sættes først.
    - En længere periode fordeles på de delperioder, der ikke er sat (``set_input_dispatch_by_period``,
      modellens eneste ``set_input``). En sat delperiodes værdi gælder også de følgende.
    """
    kanoniske = {}
    for noegle, vaerdi in vaerdier.items():
        if vaerdi is not None:  # OpenFiscas bygger springer en tom værdi over
            periode = periods.period(noegle)
            kanoniske.pop(str(periode), None)
            kanoniske[str(periode)] = periode, vaerdi
    enhed = variabel.definition_period
    sat: dict = {}
    for periode, vaerdi in sorted(kanoniske.values(), key=lambda x: periods.key_period_size(x[0])):
        if enhed == periods.DateUnit.ETERNITY or (periode.unit == enhed and periode.size == 1):
            sat[periode] = vaerdi
            continue
        for delperiode in periode.get_subperiods(enhed):
            vaerdi = sat.setdefault(delperiode, vaerdi)
    return {str(p): v for p, v in sat.items()}


def _med_egne_grupper(entitet, medlemmer: dict, personer: dict) -> dict:
    placerede = {
        str(person)
        for felter in medlemmer.values()
        if isinstance(felter, dict)
        for rolle in entitet.roles
        for person in _som_liste(felter.get(rolle.plural or rolle.key))
    }
    # En person med samme id som et erklæret medlem placerer OpenFisca selv; det rører vi ikke.
    uden = [p for p in personer if str(p) not in placerede and p not in medlemmer]
    if not uden:
        return medlemmer
    rolle = entitet.flattened_roles[0]
    return {**medlemmer, **{p: {rolle.plural or rolle.key: [p]} for p in uden}}


def _som_liste(vaerdi) -> list:
    if vaerdi is None:
        return []
    return vaerdi if isinstance(vaerdi, list) else [vaerdi]


class SituationsFejl(BrugerFejl):
    """En fejl i en situation: ``sti`` er stedet (fx 'personer/mette/alder/2026-03'), ``kode`` HTTP-status."""

    def __init__(self, sti: str, besked: str, kode: int = 400) -> None:
        self.sti = sti
        self.besked = besked
        self.kode = kode
        super().__init__(f"SITUATION: {sti}: {besked}" if sti else f"SITUATION: {besked}")


_ISO_DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


def kontroller_situation(system, situation, maks_medlemmer: int | None = None, web_api: bool = False) -> None:
    """Hele situationen kontrolleret, før OpenFisca bygger simuleringen; den første fejl giver SituationsFejl.

    Den ene kontrol for CLI, ``/sammenlign``, ``/<regime>/calculate`` og ``/trace`` (også under
    ``openfisca serve``): kendte entiteter, ikke-tomme id'er uden '/', kendte variabler på deres
    egen entitet, roller med erklærede personer, perioder, OpenFisca kan bruge for variablen, hver
    værdi af variablens type (:func:`typefejl`) og i dens værdiområde (``vaerdiomraader``),
    og datoer i rækkefølge. OpenFiscas egne fejl bygger et træ af stien (dpath), hvor et numerisk
    id bliver en liste så lang som tallet; her når en fejl aldrig så langt. ``maks_medlemmer`` er
    et loft over antallet af personer (og arbejdssteder) i én anmodning. ``web_api``: OpenFiscas
    ``/calculate`` og ``/trace`` deler stier ved '/', så dér må et id ikke indeholde '/'.
    """
    if not isinstance(situation, dict):
        raise SituationsFejl("", "forventede et objekt med fx 'personer' og 'virksomheder'")
    entiteter = {e.plural: e for e in system.entities}
    for noegle in situation:
        if noegle not in entiteter:
            # OpenFiscas akser ganger personerne op; her angives hver person for sig.
            hvorfor = "akser understøttes ikke; angiv hver person" if noegle == "axes" else "ukendt entitet"
            raise SituationsFejl(str(noegle), f"{hvorfor}; kendte: {', '.join(entiteter)}")
    personer_flertal = system.person_entity.plural
    if not situation.get(personer_flertal):
        raise SituationsFejl(personer_flertal, "mindst én person skal angives")
    personer = None
    for flertal, entitet in entiteter.items():
        medlemmer = situation.get(flertal)
        if medlemmer is None:
            continue
        if not isinstance(medlemmer, dict):
            raise SituationsFejl(flertal, f"forventede et objekt {{id: {{...}}}}, fik {_vist(medlemmer)}")
        if maks_medlemmer is not None and len(medlemmer) > maks_medlemmer:
            raise SituationsFejl(
                flertal, f"{len(medlemmer)} er flere end grænsen på {maks_medlemmer} per anmodning"
            )
        if entitet.is_person:
            personer = {str(i) for i in medlemmer}
        _kontroller_medlemmer(system, entitet, medlemmer, personer, web_api)
    _kontroller_raekkefoelger(system, situation[personer_flertal])


def _kontroller_medlemmer(system, entitet, medlemmer: dict, personer: set[str], web_api: bool) -> None:
    roller = {r.plural or r.key: r for r in getattr(entitet, "roles", ())}
    tildelte: set[str] = set()
    for id_, felter in medlemmer.items():
        if isinstance(id_, bool) or not isinstance(id_, str | int) or not str(id_):
            raise SituationsFejl(f"{entitet.plural}/{id_}", "et id skal være en ikke-tom tekst")
        if web_api and "/" in str(id_):
            raise SituationsFejl(f"{entitet.plural}/{id_}", "et id må ikke indeholde '/' i web-API'et")
        sti = f"{entitet.plural}/{id_}"
        if not isinstance(felter, dict):
            raise SituationsFejl(
                sti, f"forventede et objekt {{variabel: {{periode: værdi}}}}, fik {_vist(felter)}"
            )
        for navn, vaerdier in felter.items():
            if navn in roller:
                _kontroller_rolle(roller[navn], f"{sti}/{navn}", vaerdier, personer, tildelte)
            else:
                _kontroller_variabel(system, entitet, f"{sti}/{str(navn)}", navn, vaerdier, web_api)


def _kontroller_rolle(rolle, sti: str, vaerdier, personer: set[str], tildelte: set[str]) -> None:
    if not isinstance(vaerdier, list) or not all(isinstance(p, str) for p in vaerdier):
        raise SituationsFejl(sti, f"forventede en liste af personers id'er, fik {_vist(vaerdier)}")
    if rolle.max is not None and len(vaerdier) > rolle.max:
        raise SituationsFejl(sti, f"højst {rolle.max} personer, fik {len(vaerdier)}")
    for person in vaerdier:
        if person not in personer:
            raise SituationsFejl(sti, f"'{person}' er ikke angivet under personerne")
        if person in tildelte:
            raise SituationsFejl(sti, f"'{person}' står mere end én gang")
        tildelte.add(person)


def _kontroller_variabel(system, entitet, sti: str, navn, vaerdier, web_api: bool) -> None:
    variabel = system.variables.get(navn) if isinstance(navn, str) else None
    if variabel is None:
        forslag = difflib.get_close_matches(str(navn), system.variables, n=1)
        mente = f"; mente du '{forslag[0]}'?" if forslag else ""
        raise SituationsFejl(sti, f"ukendt variabel{mente}", kode=404)
    if variabel.entity.key != entitet.key:
        raise SituationsFejl(sti, f"variablen hører til {variabel.entity.plural}, ikke {entitet.plural}")
    if not isinstance(vaerdier, dict):
        raise SituationsFejl(
            sti, f'forventede et objekt {{periode: værdi}}, fx {{"2026-03": ...}}, fik {_vist(vaerdier)}'
        )
    angivne: dict[str, tuple] = {}  # perioden (OpenFiscas form) -> (nøglen, værdien), den er angivet med
    for noegle, v in vaerdier.items():
        felt = f"{sti}/{str(noegle)}"
        # I web-API'et betyder null "beregn"; ellers er null blot ingen værdi (kun nøglen kontrolleres).
        if v is None and not web_api:
            fejl = _periodefejl(variabel, noegle, beregnes=False, kun_noeglen=True)
        else:
            fejl = _periodefejl(variabel, noegle, beregnes=v is None)
        if fejl is None and v is not None:
            forventet = typefejl(variabel, v) or _uden_for_omraade(variabel, v)
            fejl = forventet and f"forventede {forventet}, fik {_vist(v)}"
            fejl = fejl or _samme_periode(variabel, noegle, v, angivne)
        if fejl:
            raise SituationsFejl(felt, fejl)


def _samme_periode(variabel, noegle, vaerdi, angivne: dict) -> str | None:
    """Samme periode skrevet to gange med to værdier ('2026-03' og 'month:2026-03'; enhver nøgle for
    en variabel uden periode): OpenFisca bruger kun den ene. Som en nøgle, der står to gange, er det
    en fejl; den samme værdi to gange taber intet."""
    evig = variabel.definition_period == periods.DateUnit.ETERNITY
    periode = str(periods.DateUnit.ETERNITY) if evig else str(periods.period(str(noegle)))
    if periode not in angivne:
        angivne[periode] = (noegle, vaerdi)
        return None
    foerste, foerste_vaerdi = angivne[periode]
    if foerste_vaerdi == vaerdi:
        return None
    hvorfor = "variablen har én værdi uden periode" if evig else f"samme periode ({periode})"
    return f"{hvorfor}, og den er også angivet under '{foerste}'; kun den ene værdi ville blive brugt"


def slutter_efter_modellen(periode) -> bool:
    """Sand, hvis perioden slutter efter ``vaerdiomraader.DATO_TIL``; som OpenFiscas ``Period.stop``,
    men uden at regne en dato ud, der ikke findes (``month:2026-01:9999999`` slutter i år 835359)."""
    enhed, start, antal = periode.unit, periode.start, periode.size
    if enhed == periods.DateUnit.ETERNITY:
        return False
    if enhed in (periods.DateUnit.MONTH, periods.DateUnit.YEAR):
        aar, maaned = divmod(
            start.year * 12 + start.month - 1 + antal * (12 if enhed == periods.DateUnit.YEAR else 1), 12
        )
        if aar > vaerdiomraader.DATO_TIL.year + 1:
            return True
        # Samme dag i måneden (højst månedens sidste), og så dagen før.
        naeste = datetime.date(aar, maaned + 1, min(start.day, calendar.monthrange(aar, maaned + 1)[1]))
        return naeste - datetime.timedelta(days=1) > vaerdiomraader.DATO_TIL
    dage = antal * (7 if enhed == periods.DateUnit.WEEK else 1)
    try:
        return (
            datetime.date(start.year, start.month, start.day) + datetime.timedelta(days=dage - 1)
            > vaerdiomraader.DATO_TIL
        )
    except OverflowError:
        return True


def _periodefejl(variabel, noegle, beregnes: bool, kun_noeglen: bool = False) -> str | None:
    """Hvad der er galt med periodenøglen for variablen, eller None.

    ``kun_noeglen``: kun at nøglen er en periode (for en værdi, der hverken angives eller beregnes).

    En værdi, der skal beregnes (``null``), beregnes for præcis én af variablens perioder (én
    måned). Et input for flere måneder (fx et år) er tilladt, hvor variablen fordeler det på
    månederne (``set_input``). Perioden ligger inden for ``vaerdiomraader.DATO_FRA``-``DATO_TIL``.
    """
    enhed = variabel.definition_period
    if isinstance(noegle, bool) or not isinstance(noegle, str | int):
        return "en periode skal være tekst, fx 2026-03"
    try:
        periode = periods.period(str(noegle))
    except (ValueError, TypeError):
        return "er ikke en periode; brug fx 2026-03 (eller ETERNITY for en variabel uden periode)"
    if enhed == periods.DateUnit.ETERNITY or kun_noeglen:
        return None
    eksempel = "2026-03" if enhed == periods.DateUnit.MONTH else "2026"
    if periode.unit not in _TILLADTE_ENHEDER.get(enhed, (enhed,)):
        return f"variablen har én værdi per {_ENHEDER.get(enhed, enhed)}; brug fx {eksempel}"
    if periode.size < 1:
        return "en periode skal have mindst én måned"
    en_periode = periode.unit == enhed and periode.size == 1
    if beregnes and not en_periode:
        return f"beregnes for én {_ENHEDER.get(enhed, enhed)} ad gangen; brug fx {eksempel}"
    if not en_periode and variabel.set_input is None:
        return f"angives for én {_ENHEDER.get(enhed, enhed)} ad gangen; brug fx {eksempel}"
    if periode.start.year < vaerdiomraader.DATO_FRA.year or slutter_efter_modellen(periode):
        return f"perioden skal ligge fra {vaerdiomraader.DATO_FRA.year} til {vaerdiomraader.DATO_TIL.year}"
    return None


_ENHEDER = {periods.DateUnit.MONTH: "måned", periods.DateUnit.YEAR: "år"}
# Perioder, et input kan angives for: et år fordeles på månederne (set_input); uger og dage ikke.
_TILLADTE_ENHEDER = {
    periods.DateUnit.MONTH: (periods.DateUnit.MONTH, periods.DateUnit.YEAR),
    periods.DateUnit.YEAR: (periods.DateUnit.YEAR,),
}


def _uden_for_omraade(variabel, v) -> str | None:
    """Værdiområdet, hvis ``v`` (af den rigtige type) ligger uden for det; ellers None."""
    if variabel.value_type is datetime.date:
        dato = v if isinstance(v, datetime.date) else datetime.date.fromisoformat(v)
        if not vaerdiomraader.dato_tilladt(dato):
            return (
                f"en dato fra {vaerdiomraader.DATO_FRA} til {vaerdiomraader.DATO_TIL} "
                f"(eller {INGEN_DATO} for ingen dato)"
            )
        return None
    omraade = vaerdiomraader.vaerdiomraade(variabel)
    if variabel.value_type in (int, float) and omraade is not None and not omraade.tillader(v):
        return omraade.tekst()
    return None


def _kontroller_raekkefoelger(system, personer: dict) -> None:
    """Hver persons datoer i rækkefølge (``vaerdiomraader.raekkefoelger``), hvor perioderne overlapper."""
    for id_, felter in personer.items():
        for foer, efter in vaerdiomraader.raekkefoelger(system):
            for p_foer, d_foer in _datoer(felter.get(foer)):
                for p_efter, d_efter in _datoer(felter.get(efter)):
                    if d_foer > d_efter and _overlapper_noegler(p_foer, p_efter):
                        raise SituationsFejl(
                            f"personer/{id_}/{efter}/{p_efter}",
                            f"{d_efter} ligger før {foer} ({d_foer})",
                        )


def _datoer(vaerdier) -> list[tuple[str, datetime.date]]:
    """(periodenøgle, dato) for hver oplyst dato (ikke null og ikke INGEN_DATO)."""
    ud = []
    for noegle, v in (vaerdier or {}).items():
        dato = v if isinstance(v, datetime.date) else datetime.date.fromisoformat(v) if v else None
        if dato is not None and dato != INGEN_DATO:
            ud.append((str(noegle), dato))
    return ud


def _overlapper_noegler(a: str, b: str) -> bool:
    if "ETERNITY" in (a, b):
        return True
    return _overlapper(periods.period(a), periods.period(b))


def typefejl(variabel, v) -> str | None:
    """Hvad variablen forventede, hvis ``v`` ikke er af dens type; ellers None."""
    type_ = variabel.value_type
    er_tal = isinstance(v, int | float) and not isinstance(v, bool)
    if type_ is bool:
        return None if isinstance(v, bool) else "sand/falsk (true/false)"
    if type_ is int:
        if not (er_tal and float(v).is_integer()):
            return "et helt tal"
        graenser = numpy.iinfo(variabel.dtype)
        return (
            None
            if graenser.min <= v <= graenser.max
            else f"et helt tal fra {graenser.min} til {graenser.max}"
        )
    if type_ is float:
        if not (er_tal and math.isfinite(v)):
            return "et tal"
        return None if abs(v) <= vaerdiomraader.MAKS_TAL else vaerdiomraader.TALOMRAADE
    if type_ is Enum:
        navne = list(variabel.possible_values.__members__)
        return None if isinstance(v, str) and v in navne else f"en af ({', '.join(navne)})"
    if type_ is datetime.date:
        return None if _er_dato(v) else "en dato som ÅÅÅÅ-MM-DD"
    return None if isinstance(v, type_) else f"en værdi af typen {type_.__name__}"


def _er_dato(v) -> bool:
    if isinstance(v, datetime.date):
        # Et tidspunkt ville miste sit klokkeslæt i OpenFisca.
        return not isinstance(v, datetime.datetime)
    if not isinstance(v, str) or not _ISO_DATO.fullmatch(v):
        return False
    try:
        datetime.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _vist(v) -> str:
    """Værdien, som brugeren skrev den (tekst i anførselstegn, ellers som JSON)."""
    return f"'{v}'" if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)


def _flad_fejl(fejl, sti="") -> str:
    """OpenFiscas fejl-træ (dpath laver lister af numeriske nøgler som '2026') som 'sti: besked'."""
    if isinstance(fejl, list):
        fejl = {i: v for i, v in enumerate(fejl) if v is not None}
    if isinstance(fejl, dict):
        (noegle, rest), *_ = fejl.items()
        return _flad_fejl(rest, f"{sti}/{noegle}" if sti else str(noegle))
    return f"{sti}: {fejl}"


class Laesninger(SimpleTracer):
    """OpenFiscas enkle sporing, der også husker hver (variabel, periode), beregningen læste."""

    def __init__(self) -> None:
        super().__init__()
        self.laest: set[tuple[str, periods.Period]] = set()

    def record_calculation_start(self, variable, period) -> None:
        super().record_calculation_start(variable, period)
        self.laest.add((variable, period))


def ignorerede_inddata(systemer, situation: dict, periode: str, laest) -> list[str]:
    """Inddata, som beregningen gik forbi, fordi de er angivet for andre perioder end dem, den læste.

    En advarsel per entitet/id/variabel, når beregningen læste variablen, men for ingen periode,
    som en angivet værdi dækker (så alle brugerens værdier for den blev ignoreret). En variabel,
    loven læser bagud (fx ``arbejdstimer`` i månederne før sygemeldingen), giver ingen advarsel,
    når de læste måneder har værdier. ETERNITY-variabler og ``null`` (beregn) tæller ikke med.
    """
    laeste: dict[str, list] = {}
    for navn, p in laest:
        laeste.setdefault(navn, []).append(p)
    advarsler = []
    for plural, id_, navn, angivne in _angivne_perioder(systemer, situation):
        perioder = laeste.get(navn)
        if not perioder or any(_overlapper(p, a) for p in perioder for a in angivne.values()):
            continue
        vist = (
            periode if any(str(p) == periode for p in perioder) else str(min(perioder, key=lambda p: p.start))
        )
        advarsler.append(
            f"{plural}/{id_}/{navn} har ingen værdi for {vist} (angivet for {', '.join(angivne)})"
        )
    return advarsler


def _angivne_perioder(systemer, situation: dict):
    """(entitet, id, variabel, {tekst: periode}) for hver variabel med værdier for bestemte perioder."""
    for entitet in systemer[0].entities:
        for id_, felter in (situation.get(entitet.plural) or {}).items():
            for navn, vaerdier in felter.items():
                variabel = next((s.variables[navn] for s in systemer if navn in s.variables), None)
                if (
                    variabel is None
                    or variabel.definition_period == periods.DateUnit.ETERNITY
                    or not isinstance(vaerdier, dict)
                ):
                    continue
                angivne = {str(k): periods.period(str(k)) for k, v in vaerdier.items() if v is not None}
                if angivne:
                    yield entitet.plural, id_, navn, angivne


def inddata_uden_for_regimer(
    systemer: dict, situation: dict, flere=None
) -> dict[tuple[str, str, str], list[str]]:
    """Inddata, som nogle af regimerne ikke kender: (entitet, id, variabel) → de regimer, der ikke kender den.

    Fx ``i_ivaerksaetterforloeb``, der kun findes under reformen ``ivaerksaetteri``: de andre
    regimer ser bort fra værdien. En variabel, som intet af ``systemer`` kender, er kun med, hvis
    et af ``flere()`` (registrets øvrige systemer; de hentes kun i det tilfælde) kender den; ellers
    er den en fejl, som OpenFisca melder med feltets sti.
    """
    uden = {}
    andre = None
    entiteter = next(iter(systemer.values())).entities
    for entitet in entiteter:
        medlemmer = situation.get(entitet.plural)
        for id_, felter in (medlemmer if isinstance(medlemmer, dict) else {}).items():
            for navn in felter if isinstance(felter, dict) else ():
                ikke = [n for n, s in systemer.items() if navn not in s.variables]
                if len(ikke) == len(systemer):
                    if andre is None:
                        andre = [] if flere is None else list(flere())
                    if not any(navn in s.variables for s in andre):
                        continue
                if ikke:
                    uden[(entitet.plural, str(id_), navn)] = ikke
    return uden


def uden_inddata(situation: dict, fjernes) -> dict:
    """En kopi af situationen uden de (entitet, id, variabel), der står i ``fjernes``."""
    kopi = copy.deepcopy(situation)
    for plural, id_, navn in fjernes:
        felter = next(f for i, f in kopi[plural].items() if str(i) == id_)
        del felter[navn]
    return kopi


def oprettet_af_openfisca(system, situation: dict, entitet: str, id_: str) -> bool:
    """Et arbejdssted, som OpenFisca selv oprettede, fordi en person ikke var placeret i et.

    OpenFisca giver hver person, der ikke er nævnt i en gruppe-entitet, sin egen gruppe med
    personens id; brugerens egne grupper er nøglerne i situationen.
    """
    if entitet == system.person_entity.plural:
        return False
    medlemmer = situation.get(entitet)
    return id_ not in {str(i) for i in (medlemmer if isinstance(medlemmer, dict) else {})}


def _overlapper(a, b) -> bool:
    return a.start <= b.stop and b.start <= a.stop


# Uddata, web-API'ets OpenAPI-eksempel beregner under hvert regime, foruden reformernes egne.
EKSEMPLETS_UDDATA = (
    "alder",
    "maalgruppe",
    "dagpenge_maanedssats",
    "kontaktforloeb_min_samtaler_6_maaneder",
    "ret_og_pligt_tilbud_senest",
)
EKSEMPLETS_PERIODE = "2026-03"


def spec_eksempel(system, situation: dict) -> dict:
    """Situationen med ``null`` (beregn) for hver persons uddata i ``EKSEMPLETS_PERIODE``.

    Uddata er ``EKSEMPLETS_UDDATA`` plus dem, systemets reformer erklærer (``Reform.uddata``),
    som systemet kan beregne for situationen (et hul i kilderne udelader variablen).
    """
    navne = list(EKSEMPLETS_UDDATA)
    lag = system
    while getattr(lag, "baseline", None) is not None:
        navne += [n for n in getattr(type(lag), "uddata", ()) if n not in navne]
        lag = lag.baseline
    simulering = Bygger().build_from_entities(system, copy.deepcopy(situation))
    personer = system.person_entity
    beregnelige = []
    for navn in navne:
        variabel = system.variables.get(navn)
        if variabel is None or variabel.entity.key != personer.key:
            continue
        try:
            simulering.calculate(navn, EKSEMPLETS_PERIODE)
        except (ParameterHulError, ManglendeOplysningError):
            continue
        beregnelige.append(navn)
    eksempel = copy.deepcopy(situation)
    for felter in eksempel[personer.plural].values():
        felter.update({navn: {EKSEMPLETS_PERIODE: None} for navn in beregnelige})
    return eksempel


def beregn(system, situation: dict, periode: str, variabler: list[str]) -> list[Vaerdi]:
    """Beregn ``variabler`` for hver person og hvert arbejdssted i situationen."""
    return vaerdier(system, byg_simulering(system, situation), periode, variabler)


def byg_simulering_fra_test(system, indata: dict, periode: str):
    """Byg en simulering fra en YAML-tests ``input`` (også den flade form for én person)."""
    bygger = Bygger()
    bygger.set_default_period(periode)
    return bygger.build_from_dict(system, indata)


def vaerdier(system, simulering, periode: str, variabler: list[str]) -> list[Vaerdi]:
    """Hent ``variabler`` fra en bygget simulering."""
    resultat = []
    for navn in variabler:
        variabel = system.variables[navn]
        population = simulering.get_variable_population(navn)
        entitet = population.entity
        ids = population.ids
        vaerdier = simulering.calculate(navn, periode_for(variabel, periode))
        if isinstance(vaerdier, EnumArray):
            vaerdier = [medlem.name for medlem in vaerdier.decode()]
        for id_, v in zip(ids, vaerdier, strict=True):
            resultat.append(Vaerdi(entitet.plural, str(id_), navn, _python(v)))
    return resultat


def periode_for(variabel, periode: str):
    """Perioden, variablen beregnes for: ETERNITY for de evige, ellers måneden."""
    if variabel.definition_period == periods.DateUnit.ETERNITY:
        return _periode("ETERNITY")
    return _periode(periode)


@lru_cache(maxsize=1024)
def _periode(tekst: str):
    """OpenFiscas periode for teksten (fortolket én gang; perioderne ændres ikke)."""
    return periods.period(tekst)


def _python(v):
    if isinstance(v, numpy.datetime64):
        return v.astype("datetime64[D]").astype(datetime.date)
    if isinstance(v, numpy.generic):
        return v.item()
    return v
