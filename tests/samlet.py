"""Mange små situationer beregnet som én simulering: hver for sig koster de mest i OpenFiscas
faste omkostning per formel, ikke i personerne.

Hver situations personer og arbejdssteder får situationens nummer foran deres id, så intet deles.
En person, situationen ikke placerer i et arbejdssted, får sit eget med personens id og
arbejdsstedets første rolle, som OpenFisca giver hende, når situationen beregnes alene.

OpenFiscas inddata er arrays for hele simuleringen, så situationer kan kun samles, når hver
persons inddata bliver de samme som alene (``SimulationBuilder.finalize_variables_init``):

- en variabel med en formel, som én situation giver som inddata, skal alle situationerne i
  samlingen give (ellers får de andre standardværdien som inddata i stedet for formlen);
- en variabel skal gives for de samme perioder i hver situation, der giver den (en værdi for
  "2026" fylder ikke marts, hvis en anden situation har givet "2026-03": marts har så allerede
  standardværdien);
- en periode skal stå, som OpenFisca selv skriver den (``2025``, ikke ``year:2025-01``): ellers
  gemmer OpenFisca hver persons værdi under den skrevne form, men læser den under den fortolkede,
  så kun den sidste persons værdi er tilbage (``SimulationBuilder.add_variable_value``);
- en situation, der selv erklærer arbejdssteder og lader en person stå uden, beregnes alene
  (OpenFisca giver de arbejdssteder, den opretter, de erklærede arbejdssteders inddata: dens
  ``numpy.tile``), ligesom en situation, den samlede simulering ikke kan bygges med.

Situationerne fordeles derfor på samlinger med forenelige inddata. En variabel, der fejler i den
samlede simulering (et hul i kilderne, en manglende oplysning hos én person), beregnes for hver
situation for sig. Så får hver situation præcis det, en simulering for den alene giver: de samme
værdier med dens egne id'er, og de samme fejl.
"""

import copy
import dataclasses
from collections.abc import Callable, Iterable

from openfisca_core import periods

from openfisca_dk_beskaeftigelse.beregning import vaerdier


def _roller(entitet) -> list[str]:
    return [r.plural or r.key for r in entitet.roles]


def _som_openfiscas(periode: str | None) -> bool:
    """Sand for en værdi uden periode og en periode skrevet, som OpenFisca selv skriver den."""
    if periode is None:
        return True
    try:
        return str(periods.period(periode)) == periode
    except ValueError:
        return False


def _til_samling(system, situation: dict) -> dict | None:
    """Situationen med entiteterne skrevet ud, eller None, hvis den skal beregnes alene.

    Den flade form for én person (kun personens variabler) får id'et '0' som i OpenFisca. Alene
    beregnes en situation med andet end entiteter (fx akser), en med en periode, der ikke står
    som OpenFiscas, og en, der erklærer et arbejdssted og lader en person stå uden for det.
    """
    flertal = {e.plural for e in system.entities}
    if not set(situation) & flertal:
        variabler = system.variables
        if not all(n in variabler and variabler[n].entity.is_person for n in situation):
            return None
        situation = {system.person_entity.plural: {"0": situation}}
    if not set(situation) <= flertal:
        return None
    if not all(_som_openfiscas(p) for perioder in _inddata(system, situation).values() for p in perioder):
        return None
    personer = set(situation.get(system.person_entity.plural, {}))
    for entitet in system.group_entities:
        grupper = situation.get(entitet.plural)
        if grupper:
            placerede = {p for g in grupper.values() for rolle in _roller(entitet) for p in g.get(rolle, ())}
            if personer - placerede:
                return None
    return situation


def _inddata(system, situation: dict) -> dict[str, frozenset]:
    """Variabel → de perioder, situationen giver den for (``None`` for en værdi uden periode)."""
    perioder: dict[str, set] = {}
    for entitet in system.entities:
        roller = set(_roller(entitet)) if not entitet.is_person else set()
        for felter in (situation.get(entitet.plural) or {}).values():
            for navn, vaerdi in felter.items():
                if navn not in roller:
                    noegler = {str(k) for k in vaerdi} if isinstance(vaerdi, dict) else {None}
                    perioder.setdefault(navn, set()).update(noegler)
    return {navn: frozenset(p) for navn, p in perioder.items()}


def _samlinger(system, situationer: dict[int, dict]) -> list[list[int]]:
    """Situationerne fordelt på samlinger, hvor hver persons inddata er de samme som alene."""
    samlinger: list[tuple[list[int], dict, dict]] = []  # (numre, formlernes inddata, de andres)
    for nr, situation in situationer.items():
        inddata = _inddata(system, situation)
        formler = {n: p for n, p in inddata.items() if n in system.variables and system.variables[n].formulas}
        andre = {n: p for n, p in inddata.items() if n not in formler}
        for numre, samlingens_formler, samlingens_andre in samlinger:
            if formler == samlingens_formler and all(
                samlingens_andre.get(n, p) == p for n, p in andre.items()
            ):
                numre.append(nr)
                samlingens_andre.update(andre)
                break
        else:
            samlinger.append(([nr], formler, dict(andre)))
    return [numre for numre, _, _ in samlinger]


def samlet(system, situationer: list[dict]) -> tuple[dict, dict]:
    """(den samlede situation, {(flertal, samlet id): (situationens nummer, dens eget id)})."""
    personer = system.person_entity.plural
    samlede: dict[str, dict] = {e.plural: {} for e in system.entities}
    oprindelse = {}
    for nr, situation in enumerate(situationer):

        def nyt(flertal, id_, nr=nr):
            oprindelse[(flertal, f"{nr}_{id_}")] = (nr, str(id_))
            return f"{nr}_{id_}"

        for id_, felter in situation.get(personer, {}).items():
            samlede[personer][nyt(personer, id_)] = felter
        for entitet in system.group_entities:
            roller = _roller(entitet)
            placerede = set()
            for id_, felter in (situation.get(entitet.plural) or {}).items():
                samlede[entitet.plural][nyt(entitet.plural, id_)] = {
                    k: [nyt(personer, p) for p in v] if k in roller else v for k, v in felter.items()
                }
                placerede |= {p for rolle in roller for p in felter.get(rolle, ())}
            for id_ in situation.get(personer, {}):
                if id_ not in placerede:
                    samlede[entitet.plural][nyt(entitet.plural, id_)] = {roller[0]: [nyt(personer, id_)]}
    return samlede, oprindelse


def ids(system, situation: dict, byg: Callable) -> dict[str, list[str]]:
    """Entitet (nøgle) → id'erne, en simulering ``byg(system, situation)`` for situationen alene har."""
    samling = _til_samling(system, situation)
    if samling is None:
        simulering = byg(system, copy.deepcopy(situation))
        return {noegle: [str(i) for i in p.ids] for noegle, p in simulering.populations.items()}
    personer = [str(i) for i in samling.get(system.person_entity.plural, {})]
    resultat = {system.person_entity.key: personer}
    for entitet in system.group_entities:
        grupper = samling.get(entitet.plural) or {}
        placerede = {str(p) for g in grupper.values() for rolle in _roller(entitet) for p in g.get(rolle, ())}
        resultat[entitet.key] = [str(i) for i in grupper] + [p for p in personer if p not in placerede]
    return resultat


def beregn_hver(
    system,
    tilfaelde: Iterable[tuple[dict, Iterable[str]]],
    periode: str,
    byg: Callable,
    fejl: tuple[type[BaseException], ...] = (),
) -> list[dict]:
    """For hver (situation, variabler): {variabel: [Vaerdi] eller den fejl (af typerne ``fejl``), den gav},
    som en simulering ``byg(system, situation)`` for situationen alene giver, variabel for variabel.

    En anden fejl end ``fejl`` rejses, som den ville for situationen alene.
    """
    tilfaelde = [(s, list(navne)) for s, navne in tilfaelde]
    resultater = [{} for _ in tilfaelde]
    alene: dict[int, object] = {}

    # OpenFisca må gerne ændre i situationen, den bygger fra; kalderens forbliver urørt.
    def for_sig(nr: int, navn: str) -> None:
        if nr not in alene:
            alene[nr] = byg(system, copy.deepcopy(tilfaelde[nr][0]))
        try:
            resultater[nr][navn] = vaerdier(system, alene[nr], periode, [navn])
        except fejl as hvorfor:
            resultater[nr][navn] = hvorfor

    samling = {nr: _til_samling(system, s) for nr, (s, _) in enumerate(tilfaelde)}
    samles = {nr: s for nr, s in samling.items() if s is not None}
    for nr in sorted(set(samling) - set(samles)):
        for navn in tilfaelde[nr][1]:
            for_sig(nr, navn)
    for numre in _samlinger(system, samles):
        _beregn_samlet(
            system,
            [(samles[nr], tilfaelde[nr][1]) for nr in numre],
            periode,
            byg,
            [resultater[nr] for nr in numre],
            [lambda navn, nr=nr: for_sig(nr, navn) for nr in numre],
        )
    return resultater


def _beregn_samlet(system, tilfaelde, periode: str, byg, resultater: list[dict], for_sig: list) -> None:
    """Én samlings situationer som én simulering; hver variabel, der fejler i den, for hver for sig."""
    situation, oprindelse = samlet(system, [s for s, _ in tilfaelde])
    try:
        simulering = byg(system, copy.deepcopy(situation))
    except Exception:  # noqa: BLE001 - hver situation bygges (og fejler) så for sig
        for i, (_, navne) in enumerate(tilfaelde):
            for navn in navne:
                for_sig[i](navn)
        return
    for navn in dict.fromkeys(n for _, navne in tilfaelde for n in navne):
        hvem = [i for i, (_, navne) in enumerate(tilfaelde) if navn in navne]
        try:
            beregnede = vaerdier(system, simulering, periode, [navn])
        except Exception:  # noqa: BLE001 - variablen beregnes for hver situation for sig
            for i in hvem:
                for_sig[i](navn)
            continue
        for i in hvem:
            resultater[i][navn] = []
        for v in beregnede:
            i, id_ = oprindelse[(v.entitet, v.id)]
            if navn in resultater[i]:
                resultater[i][navn].append(dataclasses.replace(v, id=id_))
