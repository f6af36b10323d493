"""Den genererede reference nævner hver variabel, hver parameter og hvert regime."""

import re
from pathlib import Path

import pytest

from openfisca_dk_beskaeftigelse.dokumentation import generer, parameterblade
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer, katalog

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sider(tmp_path_factory, system):
    ud = tmp_path_factory.mktemp("genereret")
    generer(ud, REPO, grafer=False)
    return {sti.relative_to(ud).as_posix(): sti.read_text(encoding="utf-8") for sti in ud.rglob("*.md")}


def test_hver_variabel_er_paa_en_lovside(sider, system):
    lovsider = "".join(tekst for navn, tekst in sider.items() if navn.startswith("lovgivningen/"))
    mangler = [n for n in system.variables if f"### `{n}`" not in lovsider]
    assert mangler == []


def test_hver_parameter_er_paa_en_lovside(sider, system):
    lovsider = "".join(tekst for navn, tekst in sider.items() if navn.startswith("lovgivningen/"))
    mangler = [p.name for p in parameterblade(system.parameters) if f"### `{p.name}`" not in lovsider]
    assert mangler == []


def test_hvert_regime_har_sin_side(sider):
    for noegle, regime in alle_regimer().items():
        if noegle != GAELDENDE_RET:
            assert f"reformer/{noegle}.md" in sider
            assert regime.navn in sider[f"reformer/{noegle}.md"]


def test_kataloget_er_paa_sitet(sider):
    for punkt in katalog():
        assert punkt["forslag"].replace("|", "\\|") in sider["reformer/katalog.md"], punkt["forslag"]


def test_huller_staar_paa_siden_med_aabne_punkter(sider, system):
    for navn in system.parametre_med_huller:
        assert f"`{navn}`" in sider["lovgivningen/aabne-punkter.md"]


def test_reformsiden_viser_reformens_parametre(sider):
    from openfisca_dk_beskaeftigelse.reformstoette import REFORMPARAMETRE

    for fil in REFORMPARAMETRE.glob("*.yaml"):
        assert f"#### `reformer.{fil.stem}." in sider[f"reformer/{fil.stem}.md"], fil.stem


def _regneeksempel(side: str) -> list[list[str]]:
    """Regneeksemplets tabelrækker (uden overskrift og skillelinje), celle for celle."""
    afsnit = side.split("## Regneeksempel", 1)[1]
    raekker = [linje.strip("| ").split(" | ") for linje in afsnit.splitlines() if linje.startswith("| ")]
    return raekker[1:]


def test_regneeksemplet_siger_hvilken_borger_hver_raekke_gaelder(sider):
    raekker = _regneeksempel(sider["reformer/psykologbehandling.md"])
    for navn in ("aysha", "jens", "lone", "per"):
        assert [r[1] for r in raekker if r[0] == f"Borger `{navn}`"] == [
            "`maalgruppe_lab_6`",
            "`psykologbehandling_ret`",
            "`psykologbehandling_max_samtaler`",
        ], navn


def test_regneeksemplets_raekker_er_entydige(sider):
    for navn, tekst in sider.items():
        if "## Regneeksempel" in tekst:
            hvem_og_variabel = [tuple(r[:2]) for r in _regneeksempel(tekst)]
            assert len(hvem_og_variabel) == len(set(hvem_og_variabel)), navn


def test_kilderne_naevnes_ved_titel_og_afsnit_ikke_ved_filnavn(sider):
    side = sider["reformer/faerre_maalgrupper.md"]
    assert "- KL og 6-byerne (2024), 2. Forenkling – færre målgrupper (`000_991c7bef0c1547ec.txt`)" in side
    katalog = sider["reformer/katalog.md"]
    raekker = [x for x in katalog.splitlines() if x.startswith("| ") and "|---" not in x]
    forslag = [r for r in raekker if r.count(" | ") == 4 and not r.startswith("| Kilde |")]
    assert forslag and all(".txt" not in r.split(" | ")[0] for r in forslag)
    assert (
        "| Anbefalinger til ekspertgruppen (2024) | KL og 6-byerne, 2. Forenkling – færre målgrupper |"
        in katalog
    )
    # Reformparametrenes kilde (metadata.reference) er heller ikke et filnavn alene.
    assert (
        "Frikommuneforsøg II i Nordjylland (2020), Forholdstalskravene bør følge med tiden"
        in sider["reformer/fleksible_forholdstal.md"]
    )


def test_reformsiden_viser_hvilke_pligter_der_flytter_for_hvem(sider):
    """faerre_maalgrupper: Ali (jobparat) mister fristen for første samtale, men beholder joblog og cv;
    Sara (ung aktivitetsparat) får ikke cv-pligt; Per (jobafklaring) mister LAB's samtaler og planen."""
    afsnit = sider["reformer/faerre_maalgrupper.md"].split("## Det, reformen flytter", 1)[1]
    afsnit = afsnit.split("## Regneeksempel", 1)[0]
    linjer = {linje.split(":", 1)[0]: linje for linje in afsnit.splitlines() if linje.startswith("- ")}
    ali = linjer["- Borger `ali`"]
    assert "`kontaktforloeb_foerste_samtale_senest`: 2025-10-08 → ingen" in ali
    assert "joblog_pligt" not in ali and "cv_pligt" not in ali
    assert "cv_pligt" not in linjer["- Borger `sara`"]
    assert "`kontaktforloeb_min_samtaler_6_maaneder`: 4 → 0" in linjer["- Borger `per`"]
    # Mette (forsikret ledig) skifter kun navn på målgruppen.
    assert linjer["- Borger `mette`"].count("`") == 4


def test_yaml_siden_viser_de_testede_filer_ordret():
    """docs/yaml-test.md har eksemplerne i selve filen (læsbar uden sitet); hver er en testfil."""
    side = (REPO / "docs" / "yaml-test.md").read_text(encoding="utf-8")
    eksempler = dict(
        re.findall(r"`(tests/dokumentation/[^`]+\.yaml)`:\n\n```yaml\n(.*?)```", side, re.DOTALL)
    )
    filer = sorted((REPO / "tests" / "dokumentation").glob("*.yaml"))
    assert sorted(eksempler) == [f.relative_to(REPO).as_posix() for f in filer]
    for sti, tekst in eksempler.items():
        assert tekst == (REPO / sti).read_text(encoding="utf-8"), sti
