"""Rimelighedskravet (forholdstal) for personer i støttet beskæftigelse på et arbejdssted."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.entities import Virksomhed
from openfisca_dk_beskaeftigelse.love import LAB


class antal_ordinaert_ansatte(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "FTE"
    label = "Antal ordinært ansatte (fuldtidspersoner)"
    reference = LAB.paragraf("§ 77")
    documentation = (
        "Ordinært ansatte på arbejdsstedet omregnet til fuldtidspersoner, når de ikke "
        "er opført enkeltvis i rollen 'ansatte'. Ansatte med offentligt tilskud og "
        "ansatte under 18 år tælles ikke med (BEK nr. 2636/2021 § 65, stk. 3)."
    )
