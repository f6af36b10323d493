"""Huller i lovgrundlaget: en parameter, hvis værdi er ``null`` for en periode.

Kilderne dækker ikke alle perioder (fx en sats, som ikke er fundet for 2026). Sådan en
periode skrives i YAML som ``value: null`` efter den sidst kendte værdi. OpenFisca selv
ville enten regne videre med ``None`` eller melde, at parameteren "ikke findes". Her bliver
hullet i stedet til en værdi, der ved enhver brug rejser :class:`ParameterHulError` med
parameterens navn og den dato, der blev spurgt om.

Mekanismen lægges på hele parametertræet, når systemet bygges; formler læser parametre
som sædvanligt (``parameters(period).sygedagpenge....``).

Et system bygget med fremskrivning (:mod:`openfisca_dk_beskaeftigelse.fremskrivning`) udfylder
hullet til og med horisonten; derefter står hullet igen, og fejlen siger, hvor langt
fremskrivningen rakte.
"""

import copy

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale

# Metadata på et null, som en fremskrivning har flyttet til efter horisonten: hvor kilderne
# holdt op, og den sidste fremskrevne dag.
HUL_FRA = "hul_fra"
FREMSKREVET_TIL = "fremskrevet_til"


class ParameterHulError(ValueError):
    """En parameter blev brugt for en periode, som kilderne ikke dækker."""

    def __init__(self, navn: str, dato: str, hul_fra: str, fremskrevet_til: str | None = None) -> None:
        self.navn = navn
        self.dato = dato
        self.hul_fra = hul_fra
        self.fremskrevet_til = fremskrevet_til
        super().__init__(hullets_besked(navn, f"den {dato}", hul_fra, fremskrevet_til))

    def __reduce__(self):
        # Til en anden proces (hjaelpeproces): feltene, ikke kun beskeden.
        return type(self), (self.navn, self.dato, self.hul_fra, self.fremskrevet_til)


def hullets_besked(navn: str, naar: str, hul_fra: str, fremskrevet_til: str | None = None) -> str:
    """Beskeden om et hul; ``naar`` er datoen ("den 2026-07-01") eller månederne ("i 2026-07 til 2026-12")."""
    fremskrivning = f" Fremskrivningen rækker kun til og med {fremskrevet_til}." if fremskrevet_til else ""
    return (
        f"Parameteren '{navn}' har ingen værdi {naar}: kilderne dækker ikke "
        f"perioden fra {hul_fra} (value: null).{fremskrivning} Se parameterens documentation "
        "og siden med åbne punkter."
    )


class Hul:
    """Står i stedet for en manglende værdi; enhver brug rejser :class:`ParameterHulError`."""

    __slots__ = ("navn", "dato", "hul_fra", "fremskrevet_til")

    def __init__(self, navn: str, dato: str, hul_fra: str, fremskrevet_til: str | None = None) -> None:
        self.navn = navn
        self.dato = dato
        self.hul_fra = hul_fra
        self.fremskrevet_til = fremskrevet_til

    def _fejl(self, *_args, **_kwargs):
        raise ParameterHulError(self.navn, self.dato, self.hul_fra, self.fremskrevet_til)

    def __repr__(self) -> str:
        return f"<hul i {self.navn} den {self.dato}>"

    __array__ = __bool__ = __float__ = __int__ = __index__ = __iter__ = _fejl
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _fejl
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _fejl
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _fejl
    __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _fejl
    __round__ = __format__ = __getitem__ = __len__ = __hash__ = _fejl


class ParameterMedHul(Parameter):
    """En :class:`Parameter`, hvis ``null``-perioder giver et :class:`Hul` i stedet for ``None``."""

    @classmethod
    def fra(cls, parameter: Parameter) -> "ParameterMedHul":
        ny = cls.__new__(cls)
        ny.__dict__.update(parameter.__dict__)
        ny.values_history = ny
        return ny

    def _get_at_instant(self, instant):
        for vaerdi in self.values_list:
            if vaerdi.instant_str <= instant:
                if vaerdi.value is not None:
                    return vaerdi.value
                # values_list er i omvendt kronologisk orden: hullet begynder, hvor null står,
                # eller, efter en fremskrivning, hvor kilderne holdt op (HUL_FRA).
                return Hul(
                    self.name,
                    instant,
                    vaerdi.metadata.get(HUL_FRA, vaerdi.instant_str),
                    vaerdi.metadata.get(FREMSKREVET_TIL),
                )
        return None


def marker_huller(node: ParameterNode) -> list[str]:
    """Gør hver parameter med ``null``-værdier i træet til en :class:`ParameterMedHul`.

    Returnerer navnene på de parametre, der har huller (til dokumentation og tests).
    """
    med_huller = []
    for navn, barn in list(node.children.items()):
        if isinstance(barn, ParameterNode):
            med_huller += marker_huller(barn)
        elif isinstance(barn, ParameterScale):
            for trin in barn.brackets:
                med_huller += marker_huller(trin)
        elif _har_hul(barn):
            node.children[navn] = ParameterMedHul.fra(barn)
            setattr(node, navn, node.children[navn])
            med_huller.append(barn.name)
    return med_huller


def _har_hul(parameter: Parameter) -> bool:
    return any(vaerdi.value is None for vaerdi in parameter.values_list)


def kopi(node):
    """En kopi af parametertræet ``node`` (eller en parameter), som en reform kan ændre frit.

    Som ``copy.deepcopy`` i ``Reform.modify_parameters``, men omkring ti gange hurtigere: knuder,
    skalaer, parametre og deres daterede værdier (og lister som værdi) kopieres; metadata og
    tekster deles, for ingen reform ændrer dem.
    """
    ny = copy.copy(node)
    if isinstance(node, ParameterNode):
        ny.children = {navn: kopi(barn) for navn, barn in node.children.items()}
        ny.__dict__.update(ny.children)
    elif isinstance(node, ParameterScale):
        ny.brackets = [kopi(trin) for trin in node.brackets]
    else:
        ny.values_list = [_vaerdikopi(v) for v in node.values_list]
        ny.values_history = ny
    return ny


def _vaerdikopi(vaerdi):
    ny = copy.copy(vaerdi)
    if isinstance(vaerdi.value, list):
        ny.value = list(vaerdi.value)
    return ny
