"""Installation af openfisca-dk-beskaeftigelse.

Lovens mapper (``variables/``, ``reforms/``, ``parameters/``) og eksemplerne (``examples/``)
ligger i repoets rod, så en jurist ser loven først. Her installeres de inde i pakken:
``openfisca_dk_beskaeftigelse.variables``, ``.reforms`` og parametrene og eksemplerne som
pakkedata. Der installeres aldrig en topniveau-pakke ``variables`` eller ``reforms``.
Arbejdsbordets sider (``openfisca_dk_beskaeftigelse/arbejdsbord/``: HTML, CSS, JavaScript) er
også pakkedata.
"""

from setuptools import find_namespace_packages, find_packages, setup

PAKKE = "openfisca_dk_beskaeftigelse"
ROD_MAPPER = ["variables", "reforms", "parameters", "examples"]


def pakker():
    """Pakken og dens underpakker, og hver mappe under lovens mapper, placeret inde i pakken."""
    fundne = find_namespace_packages(
        include=[f"{mappe}{hale}" for mappe in ROD_MAPPER for hale in ("", ".*")],
        exclude=["*.__pycache__"],
    )
    return [*find_packages(include=[PAKKE, f"{PAKKE}.*"]), *(f"{PAKKE}.{navn}" for navn in fundne)]


# Projektets metadata (navn, version, afhængigheder, kommandoen) står i pyproject.toml; her kun layoutet.
setup(
    packages=pakker(),
    package_dir={PAKKE: PAKKE, **{f"{PAKKE}.{mappe}": mappe for mappe in ROD_MAPPER}},
    package_data={"": ["*.yaml"], PAKKE: ["arbejdsbord/*"]},
    include_package_data=False,
)
