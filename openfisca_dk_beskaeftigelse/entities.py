"""Modellens entiteter: borgeren (``person``) og arbejdsstedet (``virksomhed``).

Navnene er en del af modelkontrakten (``shared/model-contract.md``) og ændres ikke.
"""

from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="personer",
    label="Borger",
    doc=(
        "En borger, som beskæftigelsesindsatsen eller sygedagpengeloven kan omfatte: "
        "ledig, sygemeldt, i forløb eller i arbejde."
    ),
    is_person=True,
)

Virksomhed = build_entity(
    key="virksomhed",
    plural="virksomheder",
    label="Arbejdssted",
    doc=(
        "Et arbejdssted (P-nummer) med ordinært ansatte og personer i virksomhedspraktik, "
        "løntilskud eller nytteindsats; grundlaget for rimelighedskravet (forholdstal)."
    ),
    roles=[
        {
            "key": "ansat",
            "plural": "ansatte",
            "label": "Ordinært ansat",
            "doc": "Ansat på ordinære vilkår, uden offentlig støtte.",
        },
        {
            "key": "stoettet",
            "plural": "stoettede",
            "label": "Person i støttet beskæftigelse",
            "doc": "Person i virksomhedspraktik, ansættelse med løntilskud eller nytteindsats.",
        },
    ],
)

entities = [Person, Virksomhed]
