"""Genbrug af gældende rets resultater i et regimes simulering.

En reform erstatter eller tilføjer nogle variabler og ændrer nogle parametre. Alle andre
variabler får samme værdi under regimet som under gældende ret, hvis intet af det, de læser,
er ændret: hverken deres formel, parametrene eller de variabler, de bygger på (inddata
indbefattet). Hvad en variabel læser, afgøres af beregningen selv, ikke af en liste:

- grundlagets simulering (gældende ret) sporer, hvilke variabler og parametre hver
  (variabel, periode) læste (:class:`Afhaengigheder`, en let udgave af OpenFiscas sporing);
- :func:`aendringer` finder de variabler, regimets system har erstattet eller tilføjet
  (variabelobjekterne er ikke de samme som grundlagets), og de parametre, hvis værdier er
  forskellige i de to systemer;
- en (variabel, periode) er *berørt*, hvis variablen er ændret, hvis den læste en ændret
  parameter, eller hvis den læste en berørt (variabel, periode) (:func:`berørte`);
- :func:`regimets_simulering` giver regimets simulering grundlagets værdier for alt, der ikke
  er beroert; resten beregnes, som var simuleringen ny.

Sporet er grundlagets egen beregning for de samme personer, så det gælder præcis: en formel, der
får de samme værdier ind, læser de samme ting og giver det samme resultat. Resultaterne er derfor
de samme som en fuld beregning (``tests/test_genbrug.py`` viser det for hvert regime).

En formel skal læse variabler gennem ``person("navn", periode)`` og parametre gennem
``parameters(periode)``; det er sådan, OpenFisca selv sporer dem.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy
from openfisca_core.parameters import ParameterNode, ParameterNodeAtInstant, ParameterScale
from openfisca_core.populations import GroupPopulation, Population
from openfisca_core.simulations import Simulation

from openfisca_dk_beskaeftigelse.regimer import MAKS_SYSTEMER


class Afhaengigheder:
    """OpenFiscas sporingsgrænseflade (``simulation.tracer``), der kun husker, hvad hver
    (variabel, periode) læste: variabler (med periode) og parametre (ved navn).

    ``laest`` er hver (variabel, periode), beregningen læste (som :class:`beregning.Laesninger`).
    """

    def __init__(self) -> None:
        # OpenFisca læser stakken som {"name", "period"} (fx når den leder efter kredsløb).
        self._stak: list[dict] = []
        self._noegler: list[tuple] = []
        self.variabler: dict[tuple, set[tuple]] = {}
        self.parametre: dict[tuple, set[str]] = {}

    @property
    def stack(self) -> list[dict]:
        return self._stak

    @property
    def laest(self):
        return self.variabler.keys()

    def record_calculation_start(self, variable, period) -> None:
        noegle = (variable, period)
        if self._noegler:
            self.variabler[self._noegler[-1]].add(noegle)
        self.variabler.setdefault(noegle, set())
        self._noegler.append(noegle)
        self._stak.append({"name": variable, "period": period})

    def record_parameter_access(self, parameter: str, period=None, value=None) -> None:
        if self._noegler:
            self.parametre.setdefault(self._noegler[-1], set()).add(parameter)

    def record_calculation_result(self, value) -> None:
        pass

    def record_calculation_end(self) -> None:
        self._noegler.pop()
        self._stak.pop()


class _SporedeParametre:
    """Et parametertræ på en dato, der melder hvert blad, en formel læser, til sporet.

    OpenFiscas ``TracingParameterNodeAtInstant`` melder kun tal, tekster og lister; her meldes
    også skalaer (fx folkepensionsalderen) og værdier, der er huller i kilderne. Et opslag med et
    array (en parameter per Enum-værdi) melder hele knuden.
    """

    __slots__ = ("_knude", "_spor")

    def __init__(self, knude, spor: Afhaengigheder) -> None:
        self._knude = knude
        self._spor = spor

    def _barn(self, barn, navn: str):
        if isinstance(barn, ParameterNodeAtInstant):
            return _SporedeParametre(barn, self._spor)
        self._spor.record_parameter_access(navn)
        return barn

    def _navn(self, noegle: str) -> str:
        return f"{self._knude._name}.{noegle}" if self._knude._name else noegle

    def __getattr__(self, noegle: str):
        return self._barn(getattr(self._knude, noegle), self._navn(noegle))

    def __getitem__(self, noegle):
        barn = self._knude[noegle]
        if isinstance(noegle, str):
            return self._barn(barn, self._navn(noegle))
        # Opslag per person (et array): hele knuden er læst.
        self._spor.record_parameter_access(self._knude._name)
        return barn

    def __contains__(self, noegle) -> bool:
        return noegle in self._knude

    def __iter__(self):
        self._spor.record_parameter_access(self._knude._name)
        return iter(self._knude)


def spor(simulering: Simulation) -> Afhaengigheder:
    """Lad simuleringen spore sine afhængigheder; returnerer sporet."""
    afhaengigheder = Afhaengigheder()
    system = simulering.tax_benefit_system
    simulering.tracer = afhaengigheder
    # OpenFisca giver formlerne sporede parametre, når simuleringen sporer (``_run_formula``).
    simulering._trace = True
    simulering.trace_parameters_at_instant = lambda dato: _SporedeParametre(
        system.get_parameters_at_instant(dato), afhaengigheder
    )
    return afhaengigheder


@dataclass(frozen=True)
class Aendringer:
    """Hvad et system har ændret i forhold til grundlaget: variabler ved navn, parametre ved navn."""

    variabler: frozenset[str]
    parametre: tuple[str, ...]

    def parameter_aendret(self, navn: str) -> bool:
        """Sand, hvis parameteren, en knude over den eller et blad under den er ændret."""
        if not navn:
            return bool(self.parametre)
        return any(navn == p or p.startswith(f"{navn}.") or navn.startswith(f"{p}.") for p in self.parametre)


@lru_cache(maxsize=MAKS_SYSTEMER)
def aendringer(grundsystem, system) -> Aendringer:
    """Variabler, som ``system`` har erstattet, tilføjet eller fjernet, og parametre med andre værdier."""
    navne = grundsystem.variables.keys() | system.variables.keys()
    variabler = frozenset(n for n in navne if grundsystem.variables.get(n) is not system.variables.get(n))
    grund, ny = _parameterblade(grundsystem.parameters), _parameterblade(system.parameters)
    parametre = tuple(sorted(n for n in grund.keys() | ny.keys() if grund.get(n) != ny.get(n)))
    return Aendringer(variabler, parametre)


def _parameterblade(knude: ParameterNode, blade: dict | None = None) -> dict[str, tuple]:
    """Hvert blad (parameter eller skala) ved navn, med sine daterede værdier."""
    blade = {} if blade is None else blade
    for barn in knude.children.values():
        if isinstance(barn, ParameterNode):
            _parameterblade(barn, blade)
        elif isinstance(barn, ParameterScale):
            blade[barn.name] = tuple(
                tuple((noegle, _vaerdier(p)) for noegle, p in sorted(trin.children.items()))
                for trin in barn.brackets
            )
        else:
            blade[barn.name] = _vaerdier(barn)
    return blade


def _vaerdier(parameter) -> tuple:
    return tuple((v.instant_str, v.value) for v in parameter.values_list)


def beroerte(afhaengigheder: Afhaengigheder, aendret: Aendringer) -> set[tuple]:
    """De (variabel, periode) i sporet, som regimets ændringer kan nå."""
    beroert: dict[tuple, bool] = {}
    parameter_aendret: dict[str, bool] = {}

    def direkte(noegle) -> bool:
        if noegle[0] in aendret.variabler:
            return True
        for navn in afhaengigheder.parametre.get(noegle, ()):
            if navn not in parameter_aendret:
                parameter_aendret[navn] = aendret.parameter_aendret(navn)
            if parameter_aendret[navn]:
                return True
        return False

    # Dybde først uden rekursion: en knude afgøres, når alle de knuder, den læste, er afgjort.
    for rod in afhaengigheder.variabler:
        if rod in beroert:
            continue
        stak = [(rod, iter(afhaengigheder.variabler[rod]))]
        beroert[rod] = direkte(rod)
        while stak:
            noegle, boern = stak[-1]
            barn = next(boern, None)
            if barn is None:
                stak.pop()
                if stak and beroert[noegle]:
                    beroert[stak[-1][0]] = True
                continue
            if barn not in beroert:
                beroert[barn] = direkte(barn)
                stak.append((barn, iter(afhaengigheder.variabler[barn])))
            elif beroert[barn]:
                beroert[noegle] = True
    return {noegle for noegle, ja in beroert.items() if ja}


def tom_kopi(simulering: Simulation, system) -> Simulation:
    """En simulering for ``system`` med samme personer, arbejdssteder og roller, uden værdier."""
    gamle = simulering.populations
    personer = Population(system.person_entity)
    personer.count, personer.ids = gamle[system.person_entity.key].count, gamle[system.person_entity.key].ids
    populationer = {system.person_entity.key: personer}
    for entitet in system.group_entities:
        gammel = gamle[entitet.key]
        ny = GroupPopulation(entitet, personer)
        ny.count, ny.ids = gammel.count, gammel.ids
        ny.members_entity_id = gammel.members_entity_id
        ny._members_role = gammel.members_role
        ny.members_position = gammel.members_position
        populationer[entitet.key] = ny
    return Simulation(system, populationer)


def inddata(simulering: Simulation) -> set[tuple]:
    """Hver (variabel, periode), simuleringen har en værdi for: efter bygningen er det inddata."""
    return {
        (navn, periode)
        for population in simulering.populations.values()
        for navn, holder in population._holders.items()
        for periode in holder.get_known_periods()
    }


def regimets_simulering(
    system, grundlag: Simulation, afhaengigheder: Afhaengigheder, grundlagets_inddata: set, byg
) -> Simulation:
    """Regimets simulering med grundlagets værdier for alt, regimets ændringer ikke kan nå.

    ``byg()`` bygger regimets simulering med dens inddata på den almindelige måde; den bruges kun,
    hvis regimet har ændret en variabel, der er givet som inddata (så skal inddataene læses med
    regimets definition). Ellers er simuleringen en kopi af grundlagets personer og
    arbejdssteder, og inddataene kommer fra grundlaget som alle andre uberoerte værdier.
    """
    aendret = aendringer(grundlag.tax_benefit_system, system)
    beroert = beroerte(afhaengigheder, aendret)
    ny_inddata = any(navn in aendret.variabler for navn, _ in grundlagets_inddata)
    simulering = byg() if ny_inddata else tom_kopi(grundlag, system)
    for noegle, population in grundlag.populations.items():
        ny_population = simulering.populations[noegle]
        for navn, holder in population._holders.items():
            if navn in aendret.variabler:
                continue
            uberoerte = {
                periode: vaerdier
                for periode, vaerdier in holder._memory_storage._arrays.items()
                if (navn, periode) not in beroert
            }
            if uberoerte:
                ny_holder = ny_population.get_holder(navn)
                ny_holder._memory_storage._arrays = {**uberoerte, **ny_holder._memory_storage._arrays}
    return simulering


def slip(simulering: Simulation) -> None:
    """Frigiv simuleringens værdier straks (populationerne og simuleringen peger på hinanden)."""
    for population in simulering.populations.values():
        population._holders = {}
        population.simulation = None


def skrivebeskyt(simulering: Simulation) -> None:
    """Gør simuleringens værdier skrivebeskyttede, så en formel, der ændrer et delt array, fejler."""
    for population in simulering.populations.values():
        for holder in population._holders.values():
            for vaerdier in holder._memory_storage._arrays.values():
                if isinstance(vaerdier, numpy.ndarray):
                    vaerdier.flags.writeable = False
