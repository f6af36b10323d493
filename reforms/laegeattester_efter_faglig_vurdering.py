"""Reform: ingen obligatoriske lægeattester; kommunens faglige vurdering afgør."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.kilder import Kilde


class LaegeattesterEfterFagligVurdering(Reform):
    """Lægeattester indhentes kun efter kommunens faglige vurdering.

    Forslaget: Frikommuneforsøget i Nordjylland viste, at sager ikke forlænges, og at penge
    spares, når kommunen selv vurderer, om en lægeattest er nødvendig; netværket anbefaler at
    fjerne alle regler om obligatoriske lægeattester, også uden for sygedagpengeområdet (fx
    LÆ 265 til rehabiliteringsteamet). De nordjyske kommuner gentog forslaget i 2024, og
    Rebild Kommune søgte om fritagelse for LÆ 285. Kilder: ``003_8d1ffce9980bf276.txt``,
    "Lad beslutningen om at indhente lægeattester bero på et kommunalt skøn";
    ``000_991c7bef0c1547ec.txt``, "De nordjyske kommuner: Fra proces til resultat";
    ``004_383c6e4443986835.txt``, "Ansøgningsrunde II & III".

    Hvad reformen ændrer: ingen lægeattest er obligatorisk: hverken LÆ 285 til den første
    opfølgning (``laegeattest_obligatorisk``; allerede frivillig i gældende ret fra 1.1.2020 ved
    lov nr. 1555/2019) eller LÆ 265, når en sag forelægges rehabiliteringsteamet
    (``laegeattest_le265_obligatorisk``).

    Hvad reformen lader være: borgerens ret til at kræve en lægeattest
    (``laegeattest_ret_til_at_kraeve``), forelæggelsen for rehabiliteringsteamet og opfølgningen.
    """

    name = "Lægeattester efter faglig vurdering"
    kilder = (
        Kilde(
            "003_8d1ffce9980bf276.txt",
            "Lad beslutningen om at indhente lægeattester bero på et kommunalt skøn",
        ),
        Kilde("000_991c7bef0c1547ec.txt", "De nordjyske kommuner: Fra proces til resultat"),
        Kilde("004_383c6e4443986835.txt", "Ansøgningsrunde II & III"),
    )
    status = "forslag"

    def apply(self):
        class laegeattest_obligatorisk(Variable):
            label = "Kommunen skal indhente lægeattest (LÆ 285) (nej: efter faglig vurdering)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        class laegeattest_le265_obligatorisk(Variable):
            label = "Lægeattest LÆ 265 skal indhentes til rehabiliteringsteamet (nej: efter faglig vurdering)"

            def formula(person, period):
                return numpy.zeros(person.count, dtype=bool)

        self.update_variable(laegeattest_obligatorisk)
        self.update_variable(laegeattest_le265_obligatorisk)
