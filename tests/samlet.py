"""Mange små situationer beregnet som én simulering: hver for sig koster de mest i OpenFiscas
faste omkostning per formel, ikke i personerne.

Hver situations personer og arbejdssteder får situationens nummer foran deres id, så intet deles.
En person, situationen ikke placerer i et arbejdssted, får sit eget med personens id og
arbejdsstedets første rolle, som OpenFisca giver hende, når situationen beregnes alene. (OpenFisca
selv ville give de arbejdssteder, den opretter, de erklærede arbejdssteders inddata: dens
``numpy.tile`` i ``finalize_variables_init``.) En situation, der selv erklærer arbejdssteder og
lader en person stå uden, beregnes derfor alene, ligesom en situation, den samlede simulering ikke
kan bygges med.

En variabel, der fejler i den samlede simulering (et hul i kilderne, en manglende oplysning hos én
person), beregnes for hver situation for sig. Så får hver situation præcis det, en simulering for
den alene giver: de samme værdier med dens egne id'er, og de samme fejl.
"""

import copy
import dataclasses
from collections.abc import Callable, Iterable

from openfisca_dk_beskaeftigelse.beregning import vaerdier


def _roller(entitet) -> list[str]:
    return [r.plural or r.key for r in entitet.roles]


def _til_samling(system, situation: dict) -> dict | None:
    """Situationen med entiteterne skrevet ud, eller None, hvis den skal beregnes alene.

    Den flade form for én person (kun personens variabler) får id'et '0' som i OpenFisca. Alene
    beregnes en situation med andet end entiteter (fx akser) og en, der erklærer et arbejdssted
    og lader en person stå uden for det.
    """
    flertal = {e.plural for e in system.entities}
    if not set(situation) & flertal:
        variabler = system.variables
        if not all(n in variabler and variabler[n].entity.is_person for n in situation):
            return None
        return {system.person_entity.plural: {"0": situation}}
    if not set(situation) <= flertal:
        return None
    personer = set(situation.get(system.person_entity.plural, {}))
    for entitet in system.group_entities:
        grupper = situation.get(entitet.plural)
        if grupper:
            placerede = {p for g in grupper.values() for rolle in _roller(entitet) for p in g.get(rolle, ())}
            if personer - placerede:
                return None
    return situation


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
    situation, oprindelse = samlet(system, [s for s in samling.values() if s is not None])
    samles = [nr for nr, s in samling.items() if s is not None]
    try:
        simulering = byg(system, copy.deepcopy(situation)) if samles else None
    except Exception:  # noqa: BLE001 - hver situation bygges (og fejler) så for sig
        simulering = None
    if simulering is None:
        samles = []
    for nr in sorted(set(samling) - set(samles)):
        for navn in tilfaelde[nr][1]:
            for_sig(nr, navn)
    for navn in dict.fromkeys(n for nr in samles for n in tilfaelde[nr][1]):
        hvem = [nr for nr in samles if navn in tilfaelde[nr][1]]
        try:
            beregnede = vaerdier(system, simulering, periode, [navn])
        except Exception:  # noqa: BLE001 - variablen beregnes for hver situation for sig
            for nr in hvem:
                for_sig(nr, navn)
            continue
        for nr in hvem:
            resultater[nr][navn] = []
        for v in beregnede:
            indeks, id_ = oprindelse[(v.entitet, v.id)]
            nr = samles[indeks]
            if navn in resultater[nr]:
                resultater[nr][navn].append(dataclasses.replace(v, id=id_))
    return resultater
