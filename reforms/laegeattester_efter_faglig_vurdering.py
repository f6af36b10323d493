"""Reform: ingen obligatoriske lægeattester; kommunens faglige vurdering afgør."""

from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.reformstoette import UdenVirkning, aendr_parametre, aendr_vaerdier


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

    Hvad reformen ændrer: kravet om lægeattest LÆ 265, når en sag forelægges
    rehabiliteringsteamet, gælder ikke (parameteren ``sygedagpenge.rehabiliteringsteam.le265_kraeves``;
    ``laegeattest_le265_obligatorisk``). LÆ 285 til den første opfølgning
    (``laegeattest_obligatorisk``) har ikke været obligatorisk i modellens periode (lov nr.
    1555/2019, fra 1.1.2020), så dén del af forslaget har gældende ret allerede gennemført, og
    reformen ændrer den ikke.

    Uden virkning fra 1.2.2026: lov nr. 1750/2025 fjerner kravet om rehabiliteringsteam, så ingen
    sag forelægges, og ingen LÆ 265 kræves i gældende ret (``uden_virkning``).

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
    uden_virkning = (
        UdenVirkning(
            "2026-02-01",
            None,
            "Lov nr. 1750/2025 fjerner kravet om rehabiliteringsteam (i modellen fra 1.2.2026), så "
            "gældende ret kræver ingen LÆ 265, og LÆ 285 har ikke været obligatorisk siden 1.1.2020 "
            "(lov nr. 1555/2019).",
        ),
    )

    def apply(self):
        aendr_parametre(
            self,
            lambda p: aendr_vaerdier(p, "sygedagpenge.rehabiliteringsteam.le265_kraeves", lambda _: False),
        )
