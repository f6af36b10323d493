"""Hvorfor en værdi er, som den er: beregningens spor som et trae.

Hver knude er en variabel med periode, værdi per person/arbejdssted og § (fra variablens
``reference``); under den de parametre, formlen læste, med deres værdi, og de variabler,
den byggede på. Med fremskrivning er en fremskreven parameter markeret "(fremskrevet)", og
træets overskrift nævner de fremskrevne satser, værdien bygger på.
"""

import datetime

import numpy
from openfisca_core.indexed_enums import EnumArray
from rich.markup import escape
from rich.tree import Tree

from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, byg_simulering, ignorerede_inddata
from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.fremskrivning import (
    MAERKE,
    foelg,
    fremskrevne_i,
    laeste_fremskrevne,
    som_tekst,
)
from openfisca_dk_beskaeftigelse.regimer import byg_system


def _tekst(vaerdi) -> str:
    if isinstance(vaerdi, EnumArray):
        return ", ".join(m.name for m in vaerdi.decode())
    array = numpy.asarray(vaerdi)
    if array.dtype.kind == "M":
        datoer = array.astype("datetime64[D]").astype(datetime.date)
        return ", ".join("ingen" if d == INGEN_DATO else d.isoformat() for d in numpy.atleast_1d(datoer))
    if array.dtype.kind == "f":
        return ", ".join(f"{x:.2f}" for x in numpy.atleast_1d(array))
    return ", ".join(str(x) for x in numpy.atleast_1d(array).tolist())


def _knude(node, system, trae: Tree) -> None:
    variabel = system.variables.get(node.name)
    # Værdier, navne og id'er kan indeholde '['; escape, så rich ikke læser dem som markup.
    hjemmel = (
        f" [dim]({escape(variabel.reference[0])})[/dim]"
        if variabel is not None and variabel.reference
        else ""
    )
    label = escape(f" — {variabel.label}") if variabel is not None else ""
    vaerdi = escape(f"<{node.period}> = {_tekst(node.value)}")
    gren = trae.add(f"[bold]{escape(node.name)}[/bold]{vaerdi}{label}{hjemmel}")
    fremskrevne = fremskrevne_i(system)
    for parameter in node.parameters:
        vaerdi = escape(f"<{parameter.period}> = {_tekst(parameter.value)}")
        fremskrevet = (
            f"[magenta]{MAERKE}[/magenta]"
            if laeste_fremskrevne(fremskrevne, parameter.name, str(parameter.period))
            else ""
        )
        gren.add(f"[cyan]parameter {escape(parameter.name)}[/cyan]{vaerdi}{fremskrevet}")
    for barn in node.children:
        _knude(barn, system, gren)


def _laest(node, laest: set) -> set:
    laest.add((node.name, node.period))
    for barn in node.children:
        _laest(barn, laest)
    return laest


def forklar(
    situation: dict, periode: str, variabel: str, noegle: str, fremskrivning: bool = False
) -> tuple[Tree, list[str]]:
    """Sporet som træ og advarslerne om inddata, beregningen gik forbi (se ``ignorerede_inddata``)."""
    system = byg_system(noegle, fremskrivning)
    if variabel not in system.variables:
        raise BrugerFejl(f"--variabel: ukendt variabel '{variabel}' i regimet '{noegle}'")
    simulering = byg_simulering(system, situation)
    simulering.trace = True
    spor = foelg(simulering)
    periode_ = "ETERNITY" if str(system.variables[variabel].definition_period) == "eternity" else periode
    simulering.calculate(variabel, periode_)
    ids = simulering.get_variable_population(variabel).ids
    laeste = spor.laest_siden(0) if spor else []
    fremskrevet = (
        "\n[magenta]"
        + escape(f"Bygger på fremskrevne satser (antagelse): {som_tekst(laeste)}")
        + "[/magenta]"
        if laeste
        else ""
    )
    trae = Tree(
        f"Forklaring af [bold]{escape(variabel)}[/bold] "
        + escape(f"for {', '.join(map(str, ids))} i {periode} ({noegle})")
        + fremskrevet
    )
    laest = set()
    for rod in simulering.tracer.trees:
        _knude(rod, system, trae)
        _laest(rod, laest)
    return trae, ignorerede_inddata([system], situation, periode, laest)
