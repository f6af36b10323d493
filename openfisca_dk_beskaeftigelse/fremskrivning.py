"""Fremskrivning: satserne efter den sidst offentliggjorte værdi, reguleret med antagne procenter.

Kilderne dækker satserne til og med 2026; derefter står ``value: null``, og en beregning, der
bruger satsen, fejler (:class:`~openfisca_dk_beskaeftigelse.parametre.ParameterHulError`). Det er
standarden. Et system bygget med fremskrivning (``regimer.byg_system(noegle, fremskrivning=True)``,
``--fremskrivning`` på kommandolinjen, ``"fremskrivning": true`` i ``POST /sammenlign``) udfylder
i stedet hvert fremskrivningsbart hul med den sidst offentliggjorte værdi reguleret år for år.

Hvilken regulering en sats følger, står i dens metadata (som PolicyEngines ``uprating``)::

    regulering: {procent: regulering.tilpasningsprocent_tillagt_1_7, fradrag: regulering.fradrag,
                 afrunding: 1}
    regulering: {afledt_af: afl.dagpenge.maksimum_maaned, faktor: 1.1886, afrunding: 1}
    regulering: ingen

- ``procent`` (og evt. ``fradrag``): den 1. januar hvert år bliver satsen
  ``forrige × (1 + (procent − fradrag) / 100)``, afrundet til nærmeste multiplum af ``afrunding``
  (halve op). Grundlaget er den gældende, afrundede sats (lov om en satsreguleringsprocent § 1,
  stk. 2; AFL § 47, stk. 1: "Det afrundede beløb danner grundlag for det kommende års
  satsregulering"). Procenterne er parametre under ``parameters/regulering/``.
- ``afledt_af`` (med ``faktor`` eller ``divisor``): satsen er en anden sats gange ``faktor`` eller
  delt med ``divisor``, afrundet (fx AFL § 47, stk. 3: afledte satser regnes fra det højeste beløb).
- ``ingen``: satsen reguleres ikke og fremskrives aldrig.

Et hul fremskrives kun, når det er parameterens sidste periode (der kommer ingen offentliggjort
værdi efter det), begynder den 1. januar i et år, hvis reguleringsprocent er en antagelse
(``antagelse: true`` på procentens værdi), og ikke er markeret som lovens ophør (``ophoer`` på
null-værdien, fx jobrotationen fra 1.2.2026). Et kildehul midt i de offentliggjorte år forbliver
en fejl. Fremskrivningen stopper, hvor procenterne stopper (null fra 2031): derefter står hullet
igen, og fejlen nævner både hullets begyndelse og fremskrivningens sidste dag.

Hvert output markerer de værdier, der bygger på fremskrevne satser. :class:`Spor` lægger sig om
simuleringens tracer og husker, hvilke fremskrevne parametre hver beregning læste, mens den stod
øverst på stakken, og hvilke beregninger den kaldte (også dem, der allerede lå i cachen); en
værdi bygger på foreningen over sin afhængighedslukning. Uden fremskrivning sker intet af det.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from openfisca_core.parameters import Parameter, ParameterAtInstant, ParameterNode
from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.parametre import FREMSKREVET_TIL, HUL_FRA
from openfisca_dk_beskaeftigelse.reformstoette import aendr_parametre

# Tilføjes en celles tekst, når værdien bygger på fremskrevne satser.
MAERKE = " (fremskrevet)"
# Metadata: reguleringen (på parameteren), antagelsen (på en procents værdi), lovens ophør (på
# null-værdien) og markeringen af en fremskreven værdi.
REGULERING = "regulering"
INGEN = "ingen"
ANTAGELSE = "antagelse"
OPHOER = "ophoer"
FREMSKREVET = "fremskrevet"
_NOEGLER = {"procent", "fradrag", "afledt_af", "faktor", "divisor", "afrunding"}
# Reguleringen sker pr. 1. januar (sygedagpenge: første mandag i januar; modellen regner i måneder).
_REGULERINGSDAG = "-01-01"


@dataclass(frozen=True)
class Regulering:
    """En sats' regulering, som dens metadata ``regulering`` beskriver den."""

    afrunding: Decimal
    procent: str | None = None
    fradrag: str | None = None
    afledt_af: str | None = None
    faktor: Decimal = Decimal(1)
    divisor: Decimal = Decimal(1)

    def tekst(self) -> str:
        """Reguleringen, som en jurist læser den (til dokumentationen)."""
        afrunding = {
            Decimal(1): "afrundet til nærmeste hele krone",
            Decimal("0.01"): "afrundet til nærmeste øre",
        }.get(self.afrunding, f"afrundet til nærmeste kronebeløb, der kan deles med {_tal(self.afrunding)}")
        if self.afledt_af is not None:
            gange = f" × {_tal(self.faktor)}" if self.faktor != 1 else ""
            dele = f" / {_tal(self.divisor)}" if self.divisor != 1 else ""
            return f"`{self.afledt_af}`{gange}{dele}, {afrunding}"
        fradrag = f" minus `{self.fradrag}`" if self.fradrag else ""
        return f"hvert år med `{self.procent}`{fradrag}, {afrunding}"


@dataclass(frozen=True)
class Fremskrevet:
    """En parameter, hvis sidste hul fremskrivningen har udfyldt fra ``fra`` til (ikke med) ``til``."""

    navn: str
    fra: str
    til: str
    grundlag: str  # datoen for den sidst offentliggjorte værdi

    def daekker(self, dato: str) -> bool:
        return self.fra <= dato < self.til


def _tal(x: Decimal) -> str:
    return format(x.normalize(), "f").replace(".", ",")


def regulering(parameter: Parameter) -> Regulering | None:
    """Parameterens regulering efter dens metadata; None for ``ingen`` og uden metadata.

    Forkerte metadata giver ValueError med parameterens navn (en fejl i modellen, ikke i inddata).
    """
    data = parameter.metadata.get(REGULERING)
    if data is None or data == INGEN:
        return None
    navn = parameter.name
    if not isinstance(data, dict):
        raise ValueError(f"{navn}: metadata.regulering skal være '{INGEN}' eller et objekt, ikke {data!r}")
    ukendte = sorted(set(data) - _NOEGLER)
    if ukendte:
        raise ValueError(
            f"{navn}: metadata.regulering har ukendte nøgler {ukendte}; kendte: {sorted(_NOEGLER)}"
        )
    if ("procent" in data) == ("afledt_af" in data):
        raise ValueError(f"{navn}: metadata.regulering skal have enten 'procent' eller 'afledt_af'")
    if "procent" in data and ({"faktor", "divisor"} & set(data)):
        raise ValueError(f"{navn}: 'faktor' og 'divisor' hører til 'afledt_af', ikke 'procent'")
    if "afledt_af" in data and "fradrag" in data:
        raise ValueError(f"{navn}: 'fradrag' hører til 'procent', ikke 'afledt_af'")
    tal = {k: Decimal(str(data[k])) for k in ("afrunding", "faktor", "divisor") if k in data}
    if "afrunding" not in tal or any(v <= 0 for v in tal.values()):
        raise ValueError(f"{navn}: metadata.regulering skal have 'afrunding' (og 'faktor'/'divisor') > 0")
    return Regulering(
        procent=data.get("procent"), fradrag=data.get("fradrag"), afledt_af=data.get("afledt_af"), **tal
    )


def afrund(x: Decimal, interval: Decimal):
    """``x`` til nærmeste multiplum af ``interval``, halve op (kroner som int, øre som float)."""
    trin = (x / interval).quantize(Decimal(1), rounding=ROUND_HALF_UP) * interval
    return int(trin) if interval == interval.to_integral_value() else float(trin)


def _blade(node: ParameterNode):
    for barn in node.children.values():
        if isinstance(barn, ParameterNode):
            yield from _blade(barn)
        elif isinstance(barn, Parameter):
            yield barn


def _gaeldende(parameter: Parameter, dato: str) -> ParameterAtInstant | None:
    """Værdien (med metadata), der gælder på ``dato``; values_list er nyeste først."""
    return next((v for v in parameter.values_list if v.instant_str <= dato), None)


def _tal_i(parameter: Parameter, dato: str) -> Decimal | None:
    vaerdi = _gaeldende(parameter, dato)
    return None if vaerdi is None or vaerdi.value is None else Decimal(str(vaerdi.value))


def fremskriv(parametre: ParameterNode) -> dict[str, Fremskrevet]:
    """Udfyld hvert fremskrivningsbart hul i træet (træet ændres); de fremskrevne parametre efter navn."""
    blade = {blad.name: blad for blad in _blade(parametre)}
    regler = {navn: r for navn, blad in blade.items() if (r := regulering(blad)) is not None}
    for regel in regler.values():
        for henvisning in (regel.procent, regel.fradrag, regel.afledt_af):
            if henvisning is not None and henvisning not in blade:
                raise ValueError(f"metadata.regulering nævner '{henvisning}', som ikke er en parameter")
    fremskrevne: dict[str, Fremskrevet] = {}
    # De afledte satser sidst: de bygger på det fremskrevne grundbeløb.
    for navn in sorted(regler, key=lambda n: regler[n].afledt_af is not None):
        fremskrevet = _fremskriv_parameter(blade[navn], regler[navn], blade, fremskrevne)
        if fremskrevet is not None:
            fremskrevne[navn] = fremskrevet
    return fremskrevne


def _fremskriv_parameter(parameter, regel: Regulering, blade, fremskrevne) -> Fremskrevet | None:
    vaerdier = parameter.values_list
    if len(vaerdier) < 2 or vaerdier[0].value is not None or vaerdier[1].value is None:
        return None  # intet hul efter den sidst offentliggjorte værdi
    null, sidste = vaerdier[0], vaerdier[1]
    if null.metadata.get(OPHOER) or not null.instant_str.endswith(_REGULERINGSDAG):
        return None
    aar = int(null.instant_str[:4])
    nye, forrige = [], sidste.value
    while (vaerdi := _naeste(regel, f"{aar}{_REGULERINGSDAG}", forrige, blade, fremskrevne)) is not None:
        dato = f"{aar}{_REGULERINGSDAG}"
        nye.append(_vaerdi(parameter, dato, vaerdi, {FREMSKREVET: True}))
        forrige, aar = vaerdi, aar + 1
    if not nye:
        return None
    til = f"{aar}{_REGULERINGSDAG}"
    slut = _vaerdi(parameter, til, None, {HUL_FRA: null.instant_str, FREMSKREVET_TIL: f"{aar - 1}-12-31"})
    parameter.values_list = [slut, *reversed(nye), *vaerdier[1:]]
    return Fremskrevet(parameter.name, null.instant_str, til, sidste.instant_str)


def _naeste(regel: Regulering, dato: str, forrige, blade, fremskrevne):
    """Satsen pr. ``dato`` efter reguleringen, eller None, hvor fremskrivningen stopper."""
    if regel.afledt_af is not None:
        grund = fremskrevne.get(regel.afledt_af)
        if grund is None or not grund.daekker(dato):
            return None
        return afrund(_tal_i(blade[regel.afledt_af], dato) * regel.faktor / regel.divisor, regel.afrunding)
    procent = _gaeldende(blade[regel.procent], dato)
    # Kun et år med sin egen antagne procent: et offentliggjort år er ikke en fremskrivning.
    if procent is None or procent.instant_str != dato or procent.value is None:
        return None
    if not procent.metadata.get(ANTAGELSE):
        return None
    fradrag = Decimal(0) if regel.fradrag is None else (_tal_i(blade[regel.fradrag], dato) or Decimal(0))
    faktor = 1 + (Decimal(str(procent.value)) - fradrag) / 100
    return afrund(Decimal(str(forrige)) * faktor, regel.afrunding)


def _vaerdi(parameter, dato: str, vaerdi, metadata: dict) -> ParameterAtInstant:
    return ParameterAtInstant(
        f"{parameter.name}[{dato}]",
        dato,
        data={"value": vaerdi, "metadata": metadata},
        metadata=parameter.metadata,
    )


class Fremskrivning(Reform):
    """Et regime med hvert fremskrivningsbart hul udfyldt (se modulets docstring); intet andet ændres."""

    name = "Fremskrivning efter den sidst offentliggjorte værdi (antagne reguleringsprocenter)"

    def apply(self):
        fremskrevne: dict[str, Fremskrevet] = {}

        def udfyld(parametre: ParameterNode) -> None:
            fremskrevne.update(fremskriv(parametre))

        aendr_parametre(self, udfyld)
        self.fremskrevne = fremskrevne


def fremskrevne_i(system) -> dict[str, Fremskrevet]:
    """Systemets fremskrevne parametre (tom uden fremskrivning)."""
    return getattr(system, "fremskrevne", {})


def laeste_fremskrevne(fremskrevne: dict[str, Fremskrevet], navn: str, dato: str) -> list[str]:
    """De fremskrevne parametre, et opslag af ``navn`` på ``dato`` læste.

    ``navn`` er et blad eller, ved vektorielt opslag (``satser[gruppe]``), en knude: så tæller
    hvert fremskrevet blad under den.
    """
    fremskrevet = fremskrevne.get(navn)
    if fremskrevet is not None:
        return [navn] if fremskrevet.daekker(dato) else []
    praefiks = f"{navn}."
    return sorted(n for n, f in fremskrevne.items() if n.startswith(praefiks) and f.daekker(dato))


class Spor:
    """En OpenFisca-tracer om simuleringens egen: husker de fremskrevne parametre, hver beregning læste.

    Per (variabel, periode): de fremskrevne (parameter, dato), formlen læste, mens den stod øverst
    på stakken, og de beregninger, den kaldte (også fra cachen). Alt andet går videre til den
    indre tracer (fx ``beregning.Laesninger`` eller OpenFiscas ``FullTracer``).
    """

    def __init__(self, fremskrevne: dict[str, Fremskrevet], indre) -> None:
        self.indre = indre
        self._fremskrevne = fremskrevne
        self._noder = {navn.rsplit(".", i)[0] for navn in fremskrevne for i in range(1, navn.count(".") + 1)}
        self._direkte: dict[tuple, set] = {}
        self._kald: dict[tuple, set] = {}
        self._roedder: list[tuple] = []

    @property
    def stack(self):
        return self.indre.stack

    def _oeverst(self) -> tuple | None:
        stak = self.indre.stack
        return (stak[-1]["name"], str(stak[-1]["period"])) if stak else None

    def record_calculation_start(self, variable, period) -> None:
        oeverst, noegle = self._oeverst(), (variable, str(period))
        if oeverst is None:
            self._roedder.append(noegle)
        else:
            self._kald.setdefault(oeverst, set()).add(noegle)
        self.indre.record_calculation_start(variable, period)

    def record_calculation_result(self, value) -> None:
        self.indre.record_calculation_result(value)

    def record_parameter_access(self, parameter, period, value) -> None:
        self.indre.record_parameter_access(parameter, period, value)
        if parameter not in self._fremskrevne and parameter not in self._noder:
            return
        oeverst = self._oeverst()
        if oeverst is not None:
            for navn in laeste_fremskrevne(self._fremskrevne, parameter, str(period)):
                self._direkte.setdefault(oeverst, set()).add((navn, str(period)))

    def record_calculation_end(self) -> None:
        self.indre.record_calculation_end()

    def __getattr__(self, navn):
        # Den indre tracers egne felter (fx Laesninger.laest, FullTracer.trees).
        return getattr(self.indre, navn)

    def maerke(self) -> int:
        """Et mærke før en række beregninger; ``laest_siden(mærket)`` giver, hvad de byggede på."""
        return len(self._roedder)

    def laest_siden(self, maerke: int) -> list[tuple[str, str]]:
        """De fremskrevne (parameter, dato), beregningerne kaldt efter ``maerke`` byggede på."""
        sete, stak, fundne = set(), list(self._roedder[maerke:]), set()
        while stak:
            noegle = stak.pop()
            if noegle in sete:
                continue
            sete.add(noegle)
            fundne |= self._direkte.get(noegle, set())
            stak.extend(self._kald.get(noegle, ()))
        return sorted(fundne)


def foelg(simulering) -> Spor | None:
    """Følg de fremskrevne parametre i simuleringen, hvis dens system er fremskrevet; ellers None.

    Sæt simuleringens egen tracer først: sporet lægger sig om den. OpenFisca melder kun
    parameteropslag til traceren, når simuleringen sporer (``trace``); det slås til her.
    """
    fremskrevne = fremskrevne_i(simulering.tax_benefit_system)
    if not fremskrevne:
        return None
    indre = simulering.tracer
    simulering.trace = True
    simulering.tracer = spor = Spor(fremskrevne, indre)
    return spor


def som_tekst(laeste: list[tuple[str, str]]) -> str:
    """De fremskrevne (parameter, dato) som én linje, fx til CSV'ens note."""
    return ", ".join(f"{navn} ({dato})" for navn, dato in laeste)


def som_liste(laeste: list[tuple[str, str]]) -> list[dict]:
    """De fremskrevne (parameter, dato) til JSON."""
    return [{"parameter": navn, "dato": dato} for navn, dato in laeste]
