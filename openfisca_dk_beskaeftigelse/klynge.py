"""Effektberegningen på en Dask-klynge: ``dk-beskaeftigelse effekt --motor dask [--adresse ...]``.

Bidderne (hele arbejdssteder, se ``population.del_op``) sendes til klyngens arbejdere, som hver
beregner deres bid under alle regimer og sender heltalstællingerne tilbage; summen er den samme
som på denne maskine. Uden ``adresse`` startes en lokal klynge (``LocalCluster``) med én proces
per kerne. Arbejderne skal have samme version af pakken installeret (med ekstraen ``dask``);
det kontrolleres, før der sendes bidder ud. Se ``docs/klynge.md``.

Kræver ekstraen ``dask``: ``pip install 'openfisca-dk-beskaeftigelse[dask]'``.
"""

import contextlib
import importlib
import logging

from openfisca_dk_beskaeftigelse import __version__
from openfisca_dk_beskaeftigelse.beregning import BrugerFejl

PAKKE = "openfisca-dk-beskaeftigelse"
# Sekunder, klienten venter på en klynge, der ikke svarer, før den giver op.
FORBINDELSE_SEKUNDER = 30


def _distributed():
    try:
        return importlib.import_module("dask.distributed")
    except ImportError as fejl:
        raise BrugerFejl(
            f"--motor dask: kræver ekstraen dask ({fejl}); installer den med pip install '{PAKKE}[dask]'"
        ) from None


def pakkeversion() -> str:
    """Pakkens installerede version (på en arbejder: arbejderens)."""
    return __version__


def _klient(distributed, adresse: str | None, arbejdere: int):
    if adresse is None:
        klynge = distributed.LocalCluster(
            n_workers=arbejdere,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return distributed.Client(klynge), klynge
    try:
        return distributed.Client(adresse, timeout=FORBINDELSE_SEKUNDER), None
    except (OSError, TimeoutError, ValueError, TypeError) as fejl:
        raise BrugerFejl(f"--adresse: kan ikke forbinde til Dask-klyngen på '{adresse}' ({fejl})") from None


def _kontroller_versioner(klient) -> None:
    """Hver arbejder skal regne med samme lov som denne maskine: samme version af pakken."""
    egen = pakkeversion()
    for arbejder, deres in klient.run(pakkeversion).items():
        if deres != egen:
            raise BrugerFejl(
                f"--adresse: arbejderen {arbejder} har {PAKKE} {deres}, denne maskine {egen}; "
                "installer samme version på hele klyngen"
            )


@contextlib.contextmanager
def indsender(funktion, adresse: str | None, arbejdere: int):
    """``(indsend, pladser)``: ``indsend(opgave)`` sender ``funktion(*opgave)`` til klyngen og giver en
    fremtid; ``pladser`` er, hvor mange opgaver der bør være undervejs (to per arbejder).

    Bidden (opgavens første element) spredes til arbejderne for sig, så store bidder ikke går
    gennem planlæggerens opgavegraf.
    """
    distributed = _distributed()
    klient, klynge = _klient(distributed, adresse, arbejdere)
    try:
        _kontroller_versioner(klient)

        def indsend(opgave):
            bid, *resten = opgave
            return klient.submit(funktion, klient.scatter(bid, hash=False), *resten, pure=False)

        yield indsend, 2 * max(1, len(klient.scheduler_info()["workers"]))
    finally:
        klient.close()
        if klynge is not None:
            klynge.close()
