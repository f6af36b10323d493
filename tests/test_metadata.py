"""Hver parameter, variabel og reform bærer sine metadata.

Parametre: ``reference`` (en § og en URL), ``unit`` og en beskrivelse. Variabler: ``label``
og ``reference`` (en § og en URL); en variabel med daterede formler siger i hver formels
docstring, hvornår den gælder. Reformer: en docstring, der nævner sin kildefil i
``shared/seeds/``. Testene nævner den, der mangler noget.
"""

import importlib
import inspect
import pkgutil

import openfisca_dk_beskaeftigelse.reforms as reformpakke
from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.kilder import SEEDS
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, reformklasser


def _tekster(reference) -> list[str]:
    """En reference som liste af tekster: streng, liste af strenge eller af {title, href}."""
    if reference is None:
        return []
    if isinstance(reference, (str, dict)):
        reference = [reference]
    tekster = []
    for ref in reference:
        tekster += [str(v) for v in ref.values()] if isinstance(ref, dict) else [str(ref)]
    return tekster


def _har_hjemmel(reference) -> bool:
    tekster = _tekster(reference)
    return any("§" in t for t in tekster) and any(t.startswith("https://") for t in tekster)


def parameter_mangler(node: ParameterNode) -> list[str]:
    """Hvert parameterblad (eller skala) uden reference, unit eller beskrivelse."""
    mangler = []
    for barn in node.children.values():
        if isinstance(barn, ParameterNode):
            mangler += parameter_mangler(barn)
            continue
        assert isinstance(barn, (Parameter, ParameterScale)), barn
        if not _har_hjemmel(barn.metadata.get("reference")):
            mangler.append(f"{barn.name}: reference med § og URL mangler")
        if not barn.metadata.get("unit"):
            mangler.append(f"{barn.name}: unit mangler")
        if not barn.description:
            mangler.append(f"{barn.name}: description mangler")
    return mangler


def variabel_mangler(variabler: dict) -> list[str]:
    mangler = []
    for navn, variabel in sorted(variabler.items()):
        if not variabel.label:
            mangler.append(f"{navn}: label mangler")
        if not _har_hjemmel(variabel.reference):
            mangler.append(f"{navn}: reference med § og URL mangler")
    return mangler


def dateret_formel_uden_docstring(variabler: dict) -> list[str]:
    """Hver formel i en variabel med daterede formler, der ikke siger, hvornår den gælder."""
    mangler = []
    for navn, variabel in sorted(variabler.items()):
        formler = list(variabel.formulas.items())
        if len(formler) > 1 or any(dato != "0001-01-01" for dato, _ in formler):
            mangler += [f"{navn} fra {dato}: docstring mangler" for dato, f in formler if not f.__doc__]
    return mangler


def reform_mangler(reformer: list[type]) -> list[str]:
    mangler = []
    for reform in reformer:
        doc = inspect.getdoc(reform) or ""
        if not any(seed in doc for seed in SEEDS):
            mangler.append(f"{reform.__module__}.{reform.__name__}: docstring nævner ingen kildefil i seeds/")
    return mangler


def alle_reformer() -> list[type]:
    reformer = []
    for modul_info in pkgutil.iter_modules(reformpakke.__path__):
        modul = importlib.import_module(f"{reformpakke.__name__}.{modul_info.name}")
        reformer += [
            klasse
            for _, klasse in inspect.getmembers(modul, inspect.isclass)
            if issubclass(klasse, Reform) and klasse is not Reform and klasse.__module__ == modul.__name__
        ]
    return reformer


def test_hver_parameter_har_reference_enhed_og_beskrivelse(system):
    assert parameter_mangler(system.parameters) == []


def test_hver_variabel_har_label_og_reference(system):
    assert variabel_mangler(system.variables) == []


def test_reformernes_variabler_har_label_og_reference():
    for noegle in reformklasser():
        assert variabel_mangler(byg_system(noegle).variables) == [], noegle


def test_hver_daterede_formel_siger_hvornaar_den_gaelder():
    for noegle in (GAELDENDE_RET, *reformklasser()):
        assert dateret_formel_uden_docstring(byg_system(noegle).variables) == [], noegle


def test_kontrollen_naevner_den_daterede_formel_uden_docstring():
    class x(Variable):
        value_type = bool
        entity = Person
        definition_period = MONTH

        def formula(person, period):
            """Til 2023."""

        def formula_2024_01_01(person, period):
            pass

    variabel = x()
    assert dateret_formel_uden_docstring({"x": variabel}) == ["x fra 2024-01-01: docstring mangler"]


def test_hver_reform_naevner_sin_kilde():
    assert reform_mangler(alle_reformer()) == []


def test_kontrollen_naevner_parameteren_uden_metadata():
    node = ParameterNode(
        "",
        data={
            "god": {
                "description": "En god parameter",
                "metadata": {
                    "unit": "day",
                    "reference": [
                        {"title": "SDL § 30", "href": "https://www.retsinformation.dk/eli/lta/2025/97"}
                    ],
                },
                "values": {"2020-01-01": {"value": 30}},
            },
            "uden_alt": {"values": {"2020-01-01": {"value": 1}}},
            "kun_url": {
                "description": "URL uden paragraf",
                "metadata": {"unit": "day", "reference": "https://www.retsinformation.dk/eli/lta/2025/97"},
                "values": {"2020-01-01": {"value": 1}},
            },
        },
    )
    assert parameter_mangler(node) == [
        "uden_alt: reference med § og URL mangler",
        "uden_alt: unit mangler",
        "uden_alt: description mangler",
        "kun_url: reference med § og URL mangler",
    ]


def test_kontrollen_naevner_variablen_uden_label_eller_reference(system):
    alder = system.variables["alder"]

    class Uden:
        label = None
        reference = ["LAB § 6"]

    assert variabel_mangler({"alder": alder, "uden": Uden()}) == [
        "uden: label mangler",
        "uden: reference med § og URL mangler",
    ]


def test_kontrollen_naevner_reformen_uden_kilde():
    class UdenKilde(Reform):
        """En reform, der ikke siger, hvor forslaget kommer fra."""

        def apply(self):
            pass

    class MedKilde(Reform):
        """Forslaget i 000_991c7bef0c1547ec.txt, afsnit 2."""

        def apply(self):
            pass

    assert reform_mangler([UdenKilde, MedKilde]) == [
        f"{__name__}.UdenKilde: docstring nævner ingen kildefil i seeds/"
    ]


def test_de_afledte_satser_siger_det_i_metadata(system):
    """En afledt værdi bærer ``metadata.afledt`` med regnestykket (issue 12, punkt 4)."""
    afledte = {
        "afl.dagpenge.maksimum_maaned": "2026-01-01",
        "afl.dagpenge.beskaeftigelsestillaeg.maksimum_maaned": "2026-01-01",
        "aktivloven.kontanthjaelp.gammel_ordning.under_30_enlig_forsoerger": "2020-01-01",
        "aktivloven.kontanthjaelp.gammel_ordning.under_30_forsoerger": "2020-01-01",
        "aktivloven.kontanthjaelp.gammel_ordning.under_30_udeboende": "2020-01-01",
    }
    for navn, dato in afledte.items():
        parameter = system.parameters
        for del_ in navn.split("."):
            parameter = parameter.children[del_]
        vaerdi = next(v for v in parameter.values_list if v.instant_str == dato)
        assert "×" in vaerdi.metadata.get("afledt", ""), f"{navn} {dato}: metadata.afledt mangler"
        assert "beraknare" not in str(vaerdi.metadata.get("reference")), navn
