"""Sygedagpengereformerne ændrer sømme, ikke gældende rets regler (issue 16, sømmene).

Gældende ret har en lille navngiven variabel eller parameter for hver betingelse, et forslag
rører (fx ``sygedagpenge_varighedsbegraenset``, ``sygedagpenge.rehabiliteringsteam.behovsregel``);
reglerne, der bygger på dem, må ingen reform erstatte. Og sømmenes parametre virker: en jurist,
der ændrer en reforms parameter, ser beregningen følge med.
"""

from pathlib import Path

import pytest
import yaml
from openfisca_core.reforms import Reform

from openfisca_dk_beskaeftigelse.beregning import byg_simulering_fra_test
from openfisca_dk_beskaeftigelse.reformstoette import aendr_vaerdier
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, reformklasser

REPO = Path(__file__).resolve().parent.parent

# Reglerne i variables/sygedagpenge/ (og samtaleformen i LAB), som reformerne ændrer gennem sømme.
AFLEDTE_REGLER = (
    "sygedagpenge_graensedato",
    "sygedagpenge_revurderingstidspunkt",
    "sygedagpenge_forlaengelse_slut",
    "sygedagpenge_ophoer_efter_varighedsgraensen",
    "sygedagpenge_ophoersdato",
    "sygedagpenge_betalingsdage_kommune",
    "sygedagpenge_dagsats",
    "jobafklaringsforloeb_startdato",
    "jobafklaringsforloeb_ret",
    "sygedagpenge_livstruende_sygdom_valg",
    "rehabiliteringsteam_forelaeggelse",
    "rehabiliteringsteam_frist",
    "laegeattest_le265_obligatorisk",
    "laegeattest_obligatorisk",
    "laegeattest_ret_til_at_kraeve",
    "fast_track_mulig",
    "fast_track_anmodning_senest",
    "fast_track_anmodning_virker",
    "opfoelgning_omfattet",
    "kontaktforloeb_samtaler_telefon_video",
)


@pytest.mark.parametrize("modul", sorted(reformklasser()))
def test_ingen_reform_erstatter_en_regel_der_bygger_paa_en_soem(modul):
    gaeldende, reform = byg_system(GAELDENDE_RET), byg_system(modul)
    erstattet = [n for n in AFLEDTE_REGLER if reform.variables[n] is not gaeldende.variables[n]]
    assert not erstattet, f"{modul} erstatter {erstattet}; ændr sømmen (variabel eller parameter) i stedet"


def _karin(**aendret) -> dict:
    """Karin fra tests/reforms/tidsgraense_sygedagpenge.yaml: syg fra 4.8.2025, grænsen 4.2.2026."""
    tilfaelde = yaml.safe_load(
        (REPO / "tests/reforms/tidsgraense_sygedagpenge.yaml").read_text(encoding="utf-8")
    )
    return {**tilfaelde[0]["input"], **aendret}


def _parameterreform(sti: str, vaerdi):
    class SaetParameter(Reform):
        name = f"{sti} = {vaerdi}"

        def apply(self):
            def saet(parametre):
                aendr_vaerdier(parametre, sti, lambda _: vaerdi)
                return parametre

            self.modify_parameters(modifier_function=saet)

    return SaetParameter


def _beregn(system, indata: dict, periode: str, *navne):
    simulering = byg_simulering_fra_test(system, indata, periode)
    return [simulering.calculate(n, periode)[0] for n in navne]


def test_tidsgraensens_uger_flytter_graensen():
    """30 uger i stedet for 22: medregningsstart 3.9.2025 + 30 × 7 = 210 dage = 1.4.2026; tidsgrænsen
    indtræder ved udgangen af april, så marts 2026 har fuld sats (22 × 1.016,982 = 22.373,60)."""
    system = _parameterreform("reformer.tidsgraense_sygedagpenge.uger", 30)(
        byg_system("tidsgraense_sygedagpenge")
    )
    dato, nedsat, beloeb = _beregn(
        system,
        _karin(),
        "2026-03",
        "sygedagpenge_tidsgraense_dato",
        "sygedagpenge_nedsat",
        "sygedagpenge_maanedsbeloeb",
    )
    assert str(dato) == "2026-05-01"
    assert not nedsat
    assert beloeb == pytest.approx(22373.60, abs=0.05)


@pytest.mark.parametrize(
    ("grunde", "beloeb"),
    [
        # Standard (ubekræftet): lægebehandling forlænger med fuld sats: 22 × 1.016,982 = 22.373,60.
        (None, 22373.60),
        # Ekspertgruppens model: kun livstruende sygdom; lægebehandling forlænger ikke, så den
        # reducerede sats gælder fra 1.3.2026: 22 × 1.016,982 × 0,6 = 13.424,16.
        (["livstruende_sygdom"], 13424.16),
    ],
    ids=["alle-syv-grunde", "kun-livstruende-sygdom"],
)
def test_2027_reformens_forlaengelsesgrunde_styrer_den_reducerede_sats(grunde, beloeb):
    system = byg_system("beskaeftigelsesreform_2027")
    if grunde is not None:
        system = _parameterreform("reformer.beskaeftigelsesreform_2027.forlaengelsesgrunde", grunde)(system)
    (maanedsbeloeb,) = _beregn(
        system, _karin(forlaengelsesgrund="laegebehandling"), "2026-03", "sygedagpenge_maanedsbeloeb"
    )
    assert maanedsbeloeb == pytest.approx(beloeb, abs=0.05)


def test_reformer_paa_samme_soem_er_samme_system_i_begge_raekkefoelger():
    """ingen_jobafklaring og tidsgraense_sygedagpenge kopierede begge "§ 24: ingen ophørsdato, § 25 som
    hidtil"; nu lægger de samme søm på, så stakken er samme system i begge rækkefølger."""
    klasser = reformklasser()
    ab = klasser["tidsgraense_sygedagpenge"](klasser["ingen_jobafklaring"](byg_system(GAELDENDE_RET)))
    ba = klasser["ingen_jobafklaring"](klasser["tidsgraense_sygedagpenge"](byg_system(GAELDENDE_RET)))
    for navn in ("sygedagpenge_varighedsbegraenset", "sygedagpenge_ophoersdato", "sygedagpenge_revurderes"):
        assert ab.variables[navn].formulas == ba.variables[navn].formulas, navn
