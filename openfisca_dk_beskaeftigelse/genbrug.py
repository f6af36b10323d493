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
  parameter, eller hvis den læste en berørt (variabel, periode) (:func:`beroerte`);
- :func:`regimets_simulering` giver regimets simulering grundlagets værdier for alt, der ikke er
  berørt, og beregner de berørte, de læste før dem, som læste dem; en berørt, der ikke selv er
  ændret og kun læste værdier, der blev de samme under regimet, får også grundlagets værdi.

Sporet er grundlagets egen beregning for de samme personer, så det gælder præcis: en formel, der
får de samme værdier ind, læser de samme ting og giver det samme resultat. Resultaterne er derfor
de samme som en fuld beregning (``tests/test_genbrug.py`` viser det for hvert regime).

En formel skal læse variabler gennem ``person("navn", periode)`` og parametre gennem
``parameters(periode)``; det er sådan, OpenFisca selv sporer dem.
"""

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy
from openfisca_core.holders import Holder
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.parameters import ParameterNode, ParameterNodeAtInstant, ParameterScale
from openfisca_core.populations import GroupPopulation, Population
from openfisca_core.simulations import Simulation

from openfisca_dk_beskaeftigelse.regimer import MAKS_SYSTEMER


class Afhaengigheder:
    """OpenFiscas sporingsgrænseflade (``simulation.tracer``), der kun husker, hvad hver
    (variabel, periode) læste: variabler (med periode) og parametre (navn og dato).

    ``laest`` er hver (variabel, periode), beregningen læste (som :class:`beregning.Laesninger`);
    ``roedder`` de beregninger, der blev bedt om udefra, i rækkefølge. Med ``simulering`` husker
    sporet også, hvilke (variabel, periode) simuleringen selv beregnede (``beregnet``): i et regimes
    simulering er resten gældende rets værdier.
    """

    def __init__(self, simulering: Simulation | None = None) -> None:
        # OpenFisca læser stakken som {"name", "period"} (fx når den leder efter kredsløb).
        self._stak: list[dict] = []
        self._noegler: list[tuple] = []
        self.variabler: dict[tuple, set[tuple]] = {}
        self.parametre: dict[tuple, set[tuple[str, str]]] = {}
        self.roedder: list[tuple] = []
        self.beregnet: set[tuple] = set()
        self._simulering = simulering
        self._laesere = None

    @property
    def stack(self) -> list[dict]:
        return self._stak

    @property
    def laest(self):
        return self.variabler.keys()

    def record_calculation_start(self, variable, period) -> None:
        noegle = (variable, period)
        if self._simulering is not None and self._simulering.get_holder(variable).get_array(period) is None:
            self.beregnet.add(noegle)
        if self._noegler:
            self.variabler[self._noegler[-1]].add(noegle)
        else:
            self.roedder.append(noegle)
        self.variabler.setdefault(noegle, set())
        self._noegler.append(noegle)
        self._stak.append({"name": variable, "period": period})

    def record_parameter_access(self, parameter: str, period, value=None) -> None:
        if self._noegler:
            self.parametre.setdefault(self._noegler[-1], set()).add((parameter, str(period)))

    def record_calculation_result(self, value) -> None:
        pass

    def record_calculation_end(self) -> None:
        self._noegler.pop()
        self._stak.pop()

    def laesere(self):
        """(hvem der læste hver (variabel, periode), hvem der læste hver parameter, knuderne per variabel).

        Bygget én gang for det færdige spor (og igen, hvis sporet er vokset).
        """
        if self._laesere is None or self._laesere[0] != len(self.variabler):
            laesere: dict[tuple, list] = {}
            for noegle, boern in self.variabler.items():
                for barn in boern:
                    laesere.setdefault(barn, []).append(noegle)
            parameterlaesere: dict[str, list] = {}
            for noegle, laeste in self.parametre.items():
                for navn in {navn for navn, _ in laeste}:
                    parameterlaesere.setdefault(navn, []).append(noegle)
            pr_variabel: dict[str, list] = {}
            for noegle in self.variabler:
                pr_variabel.setdefault(noegle[0], []).append(noegle)
            self._laesere = (len(self.variabler), laesere, parameterlaesere, pr_variabel)
        return self._laesere[1:]


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
        self._spor.record_parameter_access(navn, self._knude._instant_str)
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
        self._spor.record_parameter_access(self._knude._name, self._knude._instant_str)
        return barn

    def __contains__(self, noegle) -> bool:
        return noegle in self._knude

    def __iter__(self):
        self._spor.record_parameter_access(self._knude._name, self._knude._instant_str)
        return iter(self._knude)


def spor(simulering: Simulation, beregnet: bool = False) -> Afhaengigheder:
    """Lad simuleringen spore sine afhængigheder; returnerer sporet (med ``beregnet``: også hvad
    simuleringen selv beregnede, se :class:`Afhaengigheder`)."""
    afhaengigheder = Afhaengigheder(simulering if beregnet else None)
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
    # De ændrede blade (ikke skalaer): navn → (grundlagets, systemets) daterede værdier, nyeste først.
    blade: dict[str, tuple[tuple, tuple]] = field(default_factory=dict, compare=False)

    @cached_property
    def _knuder(self) -> frozenset[str]:
        """De ændrede parametre og hver knude over dem (``a.b.c`` giver ``a``, ``a.b`` og ``a.b.c``)."""
        return frozenset(".".join(p.split(".")[:i]) for p in self.parametre for i in range(p.count(".") + 2))

    @cached_property
    def _svar(self) -> dict[str, bool]:
        return {}

    def parameter_aendret(self, navn: str) -> bool:
        """Sand, hvis parameteren, en knude over den eller et blad under den er ændret."""
        if navn not in self._svar:
            dele = navn.split(".")
            self._svar[navn] = navn in self._knuder or any(
                ".".join(dele[:i]) in self._knuder and ".".join(dele[:i]) in self.parametre
                for i in range(1, len(dele))
            )
        return self._svar[navn]

    def parameter_aendret_paa(self, navn: str, dato: str) -> bool:
        """Som :meth:`parameter_aendret`, men et ændret blad kun, hvis dets værdi på ``dato`` er en anden.

        En reform, der ændrer en sats fra 2027, ændrer intet for en formel, der læste satsen i 2026;
        en knude (læst som helhed) og en skala regnes som ændret, hvis noget under dem er det.
        """
        if not self.parameter_aendret(navn):
            return False
        if navn not in self.blade:
            return True
        grund, ny = self.blade[navn]
        return _vaerdi_paa(grund, dato) != _vaerdi_paa(ny, dato)


def _vaerdi_paa(vaerdier: tuple, dato: str):
    """Værdien på datoen af (dato, værdi)-par, nyeste først (som OpenFiscas ``values_list``)."""
    return next((v for fra, v in vaerdier if fra <= dato), None)


@lru_cache(maxsize=MAKS_SYSTEMER)
def aendringer(grundsystem, system) -> Aendringer:
    """Variabler, som ``system`` har erstattet, tilføjet eller fjernet, og parametre med andre værdier."""
    navne = grundsystem.variables.keys() | system.variables.keys()
    variabler = frozenset(n for n in navne if grundsystem.variables.get(n) is not system.variables.get(n))
    grund, ny = _parameterblade(grundsystem.parameters), _parameterblade(system.parameters)
    parametre = tuple(sorted(n for n in grund.keys() | ny.keys() if grund.get(n) != ny.get(n)))
    skalaer = _skalaer(grundsystem.parameters) | _skalaer(system.parameters)
    blade = {n: (grund[n], ny[n]) for n in parametre if n in grund and n in ny and n not in skalaer}
    return Aendringer(variabler, parametre, blade)


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


def _skalaer(knude: ParameterNode) -> set[str]:
    """Navnene på skalaerne i træet (deres værdier er trin, ikke (dato, værdi)-par)."""
    navne = set()
    for barn in knude.children.values():
        if isinstance(barn, ParameterNode):
            navne |= _skalaer(barn)
        elif isinstance(barn, ParameterScale):
            navne.add(barn.name)
    return navne


def _vaerdier(parameter) -> tuple:
    return tuple((v.instant_str, v.value) for v in parameter.values_list)


def _direkte(afhaengigheder: Afhaengigheder, aendret: Aendringer, noegle) -> bool:
    """Om en (variabel, periode) selv er ændret: variablen er det, eller den læste en parameter, hvis
    værdi på datoen, den læste den, er en anden under regimet."""
    return noegle[0] in aendret.variabler or any(
        aendret.parameter_aendret_paa(navn, dato) for navn, dato in afhaengigheder.parametre.get(noegle, ())
    )


def beroerte(afhaengigheder: Afhaengigheder, aendret: Aendringer) -> set[tuple]:
    """De (variabel, periode) i sporet, som regimets ændringer kan nå.

    Fra de knuder, der selv er ændrede, op gennem dem, der læste dem.
    """
    laesere, parameterlaesere, pr_variabel = afhaengigheder.laesere()
    koe = [k for navn in aendret.variabler for k in pr_variabel.get(navn, ())]
    koe += [
        k
        for navn, hvem in parameterlaesere.items()
        if aendret.parameter_aendret(navn)
        for k in hvem
        if _direkte(afhaengigheder, aendret, k)
    ]
    beroert = set(koe)
    while koe:
        for laeser in laesere.get(koe.pop(), ()):
            if laeser not in beroert:
                beroert.add(laeser)
                koe.append(laeser)
    return beroert


def _boern_foerst(afhaengigheder: Afhaengigheder, noegler):
    """``noegler`` i en orden, hvor hver kommer efter de knuder i ``noegler``, den læste.

    Dybde først uden rekursion (sporet kan være dybt).
    """
    set_ = set()
    for rod in noegler:
        if rod in set_:
            continue
        set_.add(rod)
        stak = [(rod, iter(afhaengigheder.variabler[rod]))]
        while stak:
            noegle, boern = stak[-1]
            barn = next(boern, None)
            if barn is None:
                stak.pop()
                yield noegle
            elif barn not in set_ and barn in noegler:
                set_.add(barn)
                stak.append((barn, iter(afhaengigheder.variabler[barn])))


def laeste_parametre(afhaengigheder: Afhaengigheder, noegler, grundlag: Afhaengigheder | None = None) -> set:
    """(parameter, dato) for hvert parameteropslag, værdierne for ``noegler`` bygger på.

    Foreningen over deres afhængighedslukning: de parametre, de selv læste, og dem, de variabler,
    de læste, byggede på. I et regimes spor (``grundlag`` er gældende rets) følges gældende rets
    spor for de (variabel, periode), regimet ikke selv beregnede, men fik fra gældende ret: en fuld
    beregning af dem ville have læst det samme.
    """
    laeste, sete, stak = set(), set(), list(noegler)
    while stak:
        noegle = stak.pop()
        if noegle in sete:
            continue
        sete.add(noegle)
        kilde = afhaengigheder if grundlag is None or noegle in afhaengigheder.beregnet else grundlag
        laeste |= kilde.parametre.get(noegle, set())
        stak.extend(kilde.variabler.get(noegle, ()))
    return laeste


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


def uberoert(afhaengigheder: Afhaengigheder, aendret: Aendringer, beroert: set, navn: str, periode) -> bool:
    """Sand, hvis grundlaget beregnede (variablen, perioden), og regimets ændringer ikke kan nå den.

    Så er regimets værdi grundlagets (også et hul i kilderne, grundlaget ramte).
    """
    return (
        navn not in aendret.variabler
        and (navn, periode) in afhaengigheder.variabler
        and (navn, periode) not in beroert
    )


def regimets_simulering(
    system,
    grundlag: Simulation,
    afhaengigheder: Afhaengigheder,
    grundlagets_inddata: set,
    byg,
    beroert=None,
    tracer=None,
    anderledes: set | None = None,
    spor_regimet: bool = False,
    egne_inddata: bool = False,
) -> Simulation:
    """Regimets simulering med grundlagets værdier for alt, regimets ændringer ikke kan nå.

    De berørte (variabel, periode) beregnes med det samme, de læste før dem, som den læste: en
    berørt, der ikke selv er ændret, og som kun læste værdier, der blev de samme under regimet,
    får grundlagets værdi uden at blive beregnet (formlen, parametrene og det, den læser, er de
    samme). Fejler en berørt under regimet (fx et hul i kilderne eller et inddata, regimet kræver),
    gemmes intet for den; den beregnes igen og fejler, hvis regimets uddata bruger den.

    ``beroert`` er :func:`beroerte` for regimet, hvis den allerede er fundet. ``tracer`` følger
    regimets beregninger, eller med ``spor_regimet`` et :class:`Afhaengigheder`, der også ved, hvad
    regimet selv beregnede (til :func:`laeste_parametre`). ``anderledes`` (et sæt) fyldes med de
    (variabel, periode) i sporet, hvis værdi under regimet ikke er grundlagets (eller ikke kendes,
    fordi beregningen fejlede): alle andre har grundlagets værdi. ``byg()`` bygger regimets
    simulering med dens inddata på den almindelige måde; den bruges kun, hvis regimet har ændret en
    variabel, der er givet som inddata (så skal inddataene læses med regimets definition), eller
    har inddata, grundlaget ikke har (``egne_inddata``). Ellers er simuleringen en kopi af
    grundlagets personer og arbejdssteder, og inddataene kommer fra grundlaget som alle andre
    uberørte værdier.
    """
    aendret = aendringer(grundlag.tax_benefit_system, system)
    if beroert is None:
        beroert = beroerte(afhaengigheder, aendret)
    ny_inddata = egne_inddata or any(navn in aendret.variabler for navn, _ in grundlagets_inddata)
    simulering = byg() if ny_inddata else tom_kopi(grundlag, system)
    if spor_regimet:
        spor(simulering, beregnet=True)
    elif tracer is not None:
        simulering.tracer = tracer
    beroerte_navne = {navn for navn, _ in beroert}
    for noegle, population in grundlag.populations.items():
        ny = simulering.populations[noegle]
        ny._holders = _LaanteHoldere(ny, population, aendret.variabler, beroert, beroerte_navne, ny._holders)
    _beregn_beroerte(
        simulering, grundlag, afhaengigheder, aendret, beroert, set() if anderledes is None else anderledes
    )
    return simulering


class _LaanteHoldere(dict):
    """En populations holdere, der får grundlagets uberørte værdier, første gang de bruges.

    OpenFisca slår holderne op med ``get``; kun de variabler, regimet faktisk læser, kopieres.
    """

    def __init__(self, population, grundpopulation, aendrede, beroert, beroerte_navne, egne) -> None:
        super().__init__(egne)
        self._population = population
        self._grund = grundpopulation._holders
        self._aendrede = aendrede
        self._beroert = beroert
        self._beroerte_navne = beroerte_navne

    def get(self, navn, standard=None):
        holder = dict.get(self, navn)
        if holder is None and navn in self._grund and navn not in self._aendrede:
            holder = self._laan(navn)
        return standard if holder is None else holder

    def _laan(self, navn: str):
        grund = self._grund[navn]
        # En evig variabel gemmes under ETERNITY uanset perioden, den blev spurgt om.
        if grund._eternal and navn in self._beroerte_navne:
            return None
        variabel = self._population.simulation.tax_benefit_system.variables[navn]
        holder = self[navn] = Holder(variabel, self._population)
        holder._memory_storage._arrays = {
            periode: vaerdier
            for periode, vaerdier in grund._memory_storage._arrays.items()
            if (navn, periode) not in self._beroert
        }
        return holder


def _beregn_beroerte(simulering, grundlag, afhaengigheder, aendret, beroert, anderledes: set) -> None:
    for noegle in _boern_foerst(afhaengigheder, beroert):
        navn, periode = noegle
        grundvaerdi = grundlag.get_holder(navn).get_array(periode)
        if (
            grundvaerdi is not None
            and not _direkte(afhaengigheder, aendret, noegle)
            and not any(b in anderledes for b in afhaengigheder.variabler[noegle])
        ):
            simulering.get_holder(navn)._memory_storage.put(grundvaerdi, periode)
            continue
        try:
            vaerdi = simulering.calculate(navn, periode)
        except Exception:  # fejlen kommer igen, hvis regimets uddata får brug for værdien
            anderledes.add(noegle)
            continue
        if grundvaerdi is None or not _samme(vaerdi, grundvaerdi):
            anderledes.add(noegle)
        else:
            # Samme værdi: grundlagets array, så den genkendes som uændret (fx i effekt og sammenlign).
            simulering.get_holder(navn)._memory_storage.put(grundvaerdi, periode)


def _samme(a, b) -> bool:
    """Samme værdier af samme slags (samme dtype og, for Enum-værdier, samme Enum)."""
    if isinstance(a, EnumArray) != isinstance(b, EnumArray):
        return False
    if isinstance(a, EnumArray) and a.possible_values is not b.possible_values:
        return False
    return a.dtype == b.dtype and numpy.array_equal(a, b)


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
