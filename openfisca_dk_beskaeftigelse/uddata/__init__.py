"""Modellens uddata: de rettigheder og pligter, som CLI, web-API og effektrapport viser.

Kontraktens uddata (``kontrakt.UDDATA``) kommer først; derefter de rettigheder, pligter,
frister og beløb, som hvert lovområde har tilføjet, listet i en YAML-fil per område i
denne mappe::

    - variabel: sygedagpenge_ret_kommune
      art: ret

``art`` er en af ``ARTER``. Rækkefølgen i filen er visningens rækkefølge.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from openfisca_dk_beskaeftigelse.kontrakt import UDDATA

ARTER = {
    "status": "Status og målgruppe",
    "ret": "Ret (rettighed)",
    "beloeb": "Beløb og satser",
    "pligt": "Pligt (borgerens eller myndighedens)",
    "frist": "Frist (dato)",
}


@dataclass(frozen=True)
class Uddata:
    variabel: str
    art: str
    omraade: str


def _kontraktens_art(navn) -> str:
    if navn.type == "Date":
        return "frist"
    if navn.type == "Float":
        return "beloeb"
    if navn.type == "Boolean":
        return "ret"
    return "status"


@cache
def _omraadernes() -> tuple[Uddata, ...]:
    """Områdernes uddata fra YAML-filerne (læst én gang per proces)."""
    return tuple(
        Uddata(linje["variabel"], linje["art"], fil.stem)
        for fil in sorted(Path(__file__).parent.glob("*.yaml"))
        for linje in yaml.safe_load(fil.read_text(encoding="utf-8")) or []
    )


def alle_uddata(system) -> list[Uddata]:
    """Kontraktens uddata, der findes i systemet, og derefter områdernes egne."""
    resultat = [Uddata(n.navn, _kontraktens_art(n), "kontrakt") for n in UDDATA if n.navn in system.variables]
    set_ = {u.variabel for u in resultat}
    for uddata in _omraadernes():
        if uddata.variabel not in set_:
            resultat.append(uddata)
            set_.add(uddata.variabel)
    return resultat
