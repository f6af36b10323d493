"""Installation af openfisca-dk-beskaeftigelse.

Lovens mapper (``variables/``, ``reforms/``, ``parameters/``) og eksemplerne (``examples/``)
ligger i repoets rod, så en jurist ser loven først. Her installeres de inde i pakken:
``openfisca_dk_beskaeftigelse.variables``, ``.reforms`` og parametrene og eksemplerne som
pakkedata. Der installeres aldrig en topniveau-pakke ``variables`` eller ``reforms``.
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


setup(
    name="openfisca-dk-beskaeftigelse",
    version="0.1.0",
    description="Dansk beskæftigelseslovgivning som kode: LAB og sygedagpengeloven i OpenFisca",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    url="https://github.com/openfisca-dk/openfisca-dk-beskaeftigelse",
    project_urls={
        "Repository": "https://github.com/openfisca-dk/openfisca-dk-beskaeftigelse",
        "Changelog": "https://github.com/openfisca-dk/openfisca-dk-beskaeftigelse/blob/main/CHANGELOG.md",
    },
    classifiers=[
        "Programming Language :: Python :: 3.11",
        "Topic :: Scientific/Engineering :: Information Analysis",
        "Natural Language :: Danish",
    ],
    python_requires=">=3.11",
    packages=pakker(),
    package_dir={PAKKE: PAKKE, **{f"{PAKKE}.{mappe}": mappe for mappe in ROD_MAPPER}},
    package_data={"": ["*.yaml"]},
    include_package_data=False,
    install_requires=[
        "openfisca-core>=46.0.1,<47",
        "PyYAML>=6",
        "rich>=13",
    ],
    extras_require={
        "web-api": ["openfisca-core[web-api]>=46.0.1,<47"],
        # effekt --motor dask: bidderne på en Dask-klynge (dask.distributed).
        "dask": ["dask[distributed]>=2024.1"],
        "dev": [
            "openfisca-core[web-api]>=46.0.1,<47",
            "dask[distributed]>=2024.1",
            "pytest>=8",
            "build>=1",
            "ruff>=0.6",
            "yamllint>=1.35",
        ],
        "docs": [
            "mkdocs-material>=9.5",
            "sphinx>=7",
            "matplotlib>=3.8",
        ],
    },
    entry_points={
        "console_scripts": ["dk-beskaeftigelse = openfisca_dk_beskaeftigelse.cli:main"],
    },
)
