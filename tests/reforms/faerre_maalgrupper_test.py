"""faerre_maalgrupper: regelsættene er parametre, så en jurist kan vælge dem uden Python.

Standardvalget lader jobsøgningspligterne følge målgruppen efter § 6 (tests/reforms/
faerre_maalgrupper.yaml); her vælges aktivitetsparates regler for øvrige ledige og
uddannelsesparates for unge, og så flytter pligterne, som parameterfilen beskriver.
"""

from pathlib import Path

import pytest
import yaml
from openfisca_core.reforms import Reform
from openfisca_dk_beskaeftigelse.reforms.faerre_maalgrupper import FaerreMaalgrupper

from openfisca_dk_beskaeftigelse.beregning import byg_simulering_fra_test
from openfisca_dk_beskaeftigelse.reformstoette import aendr_vaerdier
from openfisca_dk_beskaeftigelse.regimer import byg_system

REPO = Path(__file__).resolve().parent.parent.parent


class FaellesJobsoegning(Reform):
    name = "Færre målgrupper med fælles jobsøgningspligter for øvrige ledige og unge"

    def apply(self):
        def saet(parametre):
            sti = "reformer.faerre_maalgrupper.regler.jobsoegning"
            aendr_vaerdier(parametre, f"{sti}.oevrig_ledig", lambda _: "aktivitetsparat")
            aendr_vaerdier(parametre, f"{sti}.ung", lambda _: "uddannelsesparat")
            return parametre

        self.modify_parameters(modifier_function=saet)


def _borgere() -> dict:
    tilfaelde = yaml.safe_load((REPO / "tests/reforms/faerre_maalgrupper.yaml").read_text(encoding="utf-8"))
    return tilfaelde[0]["input"]


@pytest.mark.parametrize(
    ("system", "ali", "sara"),
    [
        # Standard: Ali (jobparat) beholder joblog og cv; Sara (ung aktivitetsparat) får ikke cv.
        (lambda: FaerreMaalgrupper(byg_system("gaeldende_ret")), (True, True), False),
        # Valget: Ali mister joblog og cv (aktivitetsparates regler); Sara får cv (uddannelsesparates).
        (lambda: FaellesJobsoegning(FaerreMaalgrupper(byg_system("gaeldende_ret"))), (False, False), True),
    ],
    ids=["standard", "faelles-jobsoegning"],
)
def test_jobsoegningspligterne_foelger_parameteren(system, ali, sara):
    system = system()
    simulering = byg_simulering_fra_test(system, _borgere(), "2026-03")
    ids = list(simulering.get_variable_population("joblog_pligt").ids)
    joblog = simulering.calculate("joblog_pligt", "2026-03")
    cv = simulering.calculate("cv_pligt", "2026-03")
    assert (bool(joblog[ids.index("ali")]), bool(cv[ids.index("ali")])) == ali
    assert bool(cv[ids.index("sara")]) is sara
