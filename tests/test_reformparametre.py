"""En reforms parametre kan ændres uden Python: en drafter lægger en lille reform ovenpå, der
sætter reformens parameter, og beregningen følger med (her: tidsgraense_sygedagpenge)."""

from pathlib import Path

import pytest
import yaml
from openfisca_core.reforms import Reform
from openfisca_dk_beskaeftigelse.reforms.tidsgraense_sygedagpenge import TidsgraenseSygedagpenge

from openfisca_dk_beskaeftigelse.beregning import byg_simulering_fra_test
from openfisca_dk_beskaeftigelse.reformstoette import aendr_vaerdier
from openfisca_dk_beskaeftigelse.regimer import byg_system

REPO = Path(__file__).resolve().parent.parent


class LivstruendeBevarerSats(Reform):
    name = "Tidsgrænsen med fuld sats ved livstruende sygdom"

    def apply(self):
        def saet(parametre):
            sti = "reformer.tidsgraense_sygedagpenge.livstruende_sygdom_bevarer_sats"
            aendr_vaerdier(parametre, sti, lambda _: True)
            return parametre

        self.modify_parameters(modifier_function=saet)


def _karin() -> dict:
    """Karin fra reformens YAML-test, nu med livstruende sygdom som forlængelsesgrund."""
    tilfaelde = yaml.safe_load(
        (REPO / "tests/reforms/tidsgraense_sygedagpenge.yaml").read_text(encoding="utf-8")
    )
    return {**tilfaelde[0]["input"], "forlaengelsesgrund": "livstruende_sygdom"}


@pytest.mark.parametrize(
    ("system", "nedsat", "beloeb"),
    [
        # Standard (000: "uanset diagnose/lidelse"): 22 × 1.016,982 × 0,6.
        (lambda: TidsgraenseSygedagpenge(byg_system("gaeldende_ret")), True, 13424.16),
        # Varianten: livstruende sygdom bevarer den fulde sats, 22 × 1.016,982.
        (
            lambda: LivstruendeBevarerSats(TidsgraenseSygedagpenge(byg_system("gaeldende_ret"))),
            False,
            22373.60,
        ),
    ],
    ids=["standard", "livstruende-bevarer-sats"],
)
def test_livstruende_sygdom_foelger_parameteren(system, nedsat, beloeb):
    system = system()
    simulering = byg_simulering_fra_test(system, _karin(), "2026-03")
    assert bool(simulering.calculate("sygedagpenge_nedsat", "2026-03")[0]) is nedsat
    assert simulering.calculate("sygedagpenge_maanedsbeloeb", "2026-03")[0] == pytest.approx(beloeb, abs=0.05)
