"""Sammenligningen, forklaringen og registret læst, som en bruger læser dem: 80 kolonner, et rør."""

import contextlib
import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse.beregning import (
    beregn,
    byg_simulering_fra_test,
    indlaes_situationer,
    vaerdier,
)
from openfisca_dk_beskaeftigelse.cli import main
from openfisca_dk_beskaeftigelse.kilder import SEEDS, Kilde
from openfisca_dk_beskaeftigelse.regimer import alle_regimer, byg_system

REPO = Path(__file__).resolve().parent.parent
EKSEMPLER = pakke.EKSEMPELMAPPE
LEDIG = EKSEMPLER / "forsikret_ledig.yaml"
IVAERKSAETTERI = REPO / "tests" / "reforms" / "ivaerksaetteri.yaml"
LAENGSTE_NOEGLE = "afskaf_ressourceforloeb_rehabiliteringsteam_jobafklaring"


def _koer(monkeypatch, *args, bredde=80) -> tuple[int, str, str]:
    """Kommandoen i processen, som i en terminal med ``bredde`` kolonner, der skriver til et rør.

    Linjernes afsluttende mellemrum (rich fylder linjen ud) er fjernet.
    """
    monkeypatch.setenv("COLUMNS", str(bredde))
    ud, fejl = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(ud), contextlib.redirect_stderr(fejl):
        kode = main([str(a) for a in args])
    return kode, "\n".join(x.rstrip() for x in ud.getvalue().splitlines()), fejl.getvalue()


def _make_run() -> list[str]:
    """Argumenterne i Makefilens `run`, med standardperioden og eksemplerne foldet ud."""
    makefil = (REPO / "Makefile").read_text(encoding="utf-8")
    periode = re.search(r"^PERIODE \?= (\S+)$", makefil, re.M).group(1)
    linje = next(x for x in makefil.splitlines() if "dk-beskaeftigelse sammenlign" in x)
    args = shlex.split(linje.split("dk-beskaeftigelse", 1)[1].replace("$(PERIODE)", periode))
    return [a for x in args for a in (sorted(map(str, REPO.glob(x))) if "*" in x else [x])]


@pytest.fixture(scope="module")
def notat():
    """`make run`s notat ved 80 kolonner (én kørsel for modulets tests)."""
    with pytest.MonkeyPatch.context() as mp:
        kode, ud, fejl = _koer(mp, *_make_run())
    assert kode == 0, fejl
    return ud


def test_make_run_er_et_notat_paa_omkring_300_linjer_ved_80_kolonner(notat):
    # Issue 18: "fits about 300 lines at 80 columns"; 345 giver plads til de 32 regimers
    # afvigelser for de 8 eksempler (338 linjer, da issue 16 tilføjede den prioriterede opfølgning og
    # pakkerne for 001 og 004), ikke til en tabel.
    linjer = notat.splitlines()
    assert len(linjer) <= 345, len(linjer)
    assert max(len(x.rstrip()) for x in linjer) <= 80
    # Det slutter med, hvor man læser videre: alle rækker, forklaringen og web-API'et.
    slutning = "\n".join(linjer[-8:])
    for henvisning in ("--alle", "dk-beskaeftigelse forklar", "dk-beskaeftigelse serve"):
        assert henvisning in slutning, henvisning


def test_notatet_har_en_sammenfatning_per_person_og_kun_afvigelserne(notat):
    # Birgit er aktivitetsparat kontanthjælpsmodtager (LAB § 6, nr. 3); færre_maalgrupper lægger
    # gruppen ind under "øvrige ledige", og øvrige ledige får forløbsgruppens regler for
    # kontaktforløbet (reforms/parametre/faerre_maalgrupper.yaml, regler.kontaktforloeb).
    # Hvert eksempel er beregnet under alle regimer: hver person har sin sammenfatning.
    for navn in ("mette", "ali", "birgit", "jonas", "karin", "lars", "sofie", "hassan", "eva"):
        assert f"{navn} (personer): ændres under" in notat, navn
    afsnit = notat.split("birgit (personer): ændres under ", 1)[1].split("\n──", 1)[0]
    blok = afsnit.split("under faerre_maalgrupper, kl_og_6_byerne_2024:\n", 1)[1]
    assert " ".join(blok.split("\n  under", 1)[0].split()) == (
        "≠ maalgruppe: § 6, nr. 3: Aktivitetsparate kontanthjælpsmodtagere → Øvrige ledige "
        "≠ regelgruppe: Aktivitetsparat kontant- eller uddannelseshjælpsmodtager (§ 6, nr. 3 og 5) "
        "→ I jobafklaringsforløb, ressourceforløb eller revalidering (§ 6, nr. 7, 8 og 10)"
    )
    # Alderen er den samme under alle regimer og står derfor ikke i notatet.
    assert "alder:" not in afsnit
    # Et regime, der intet ændrer for nogen, nævnes én gang, ikke som en tom kolonne.
    uaendret = [x for x in notat.splitlines() if x.startswith("Ændrer intet for nogen ovenfor:")]
    assert len(uaendret) == 1


@pytest.mark.ende_til_ende
def test_en_afvigelse_er_maerket_med_tekst_i_et_roer():
    """Gennem et rigtigt rør (som `| less`): ingen farvekoder, men mærket ≠ står der."""
    args = ["sammenlign", EKSEMPLER / "aktivitetsparat_kontanthjaelp.yaml", "--periode", "2026-03"]
    args += ["--regimer", "gaeldende_ret,faerre_maalgrupper"]
    roer = subprocess.run(
        [Path(sys.executable).parent / "dk-beskaeftigelse", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert roer.returncode == 0, roer.stderr
    assert "\x1b[" not in roer.stdout
    assert "≠ maalgruppe: § 6, nr. 3: Aktivitetsparate kontanthjælpsmodtagere → Øvrige ledige" in " ".join(
        roer.stdout.split()
    )


def test_markdown_er_notatet_og_csv_mærker_afvigelsen(monkeypatch):
    faelles = [EKSEMPLER / "aktivitetsparat_kontanthjaelp.yaml", "--periode", "2026-03"]
    faelles += ["--regimer", "gaeldende_ret,faerre_maalgrupper", "--variabler", "alder,maalgruppe"]
    _, md, _ = _koer(monkeypatch, "sammenlign", *faelles, "--format", "markdown")
    assert "Under `faerre_maalgrupper`:" in md
    assert "- ≠ `maalgruppe` (LAB § 6, nr. 1-13): § 6, nr. 3:" in md
    assert "`alder`" not in md
    _, alle, _ = _koer(monkeypatch, "sammenlign", *faelles, "--format", "markdown", "--alle")
    assert "| Alder i hele år (`alder`) |" in alle and "**Øvrige ledige** ≠" in alle
    _, csv_, _ = _koer(monkeypatch, "sammenlign", *faelles, "--format", "csv")
    assert ",maalgruppe,faerre_maalgrupper,oevrig_ledig,Øvrige ledige,ja," in csv_
    assert ",alder,faerre_maalgrupper,57,57,nej," in csv_


def test_intet_arbejdssted_som_openfisca_selv_oprettede(monkeypatch, notat, tmp_path):
    # Kun virksomhed_med_stoettede.yaml har et arbejdssted; de andre eksempler har kun personer.
    assert re.findall(r"^(\S+) \(virksomheder\)", notat, re.M) == ["vaerkstedet"]
    # 23 ordinært ansatte: gældende ret 1 støttet per 5 ansatte = 4; reformen 1 per 2,5 = 9
    # (reforms/parametre/fleksible_forholdstal.yaml).
    # Rebilds pakke (004) har også de lempede forholdstal.
    forholdstal = (
        "under fleksible_forholdstal, frikommuneforsoeg_ii, rebild_2017:\n    ≠ forholdstal_max_antal: 4 → 9"
    )
    assert forholdstal in notat
    # Ana er med i arbejdsstedet, Bo ikke: OpenFisca giver Bo sit eget ("bo"), som ikke vises.
    sti = tmp_path / "to.yaml"
    sti.write_text(
        "personer:\n  ana: {foedselsdato: {ETERNITY: '1990-01-01'}}\n"
        "  bo: {foedselsdato: {ETERNITY: '1990-01-01'}}\n"
        "virksomheder:\n  vaerksted:\n    stoettede: [ana]\n    antal_ordinaert_ansatte: {'2026-03': 10}\n"
    )
    _, ud, _ = _koer(monkeypatch, "sammenlign", sti, "--periode", "2026-03", "--format", "json")
    data = json.loads(ud)
    assert {(r["entitet"], r["id"]) for r in data["resultater"]} == {
        ("personer", "ana"),
        ("personer", "bo"),
        ("virksomheder", "vaerksted"),
    }
    assert [m["id"] for m in data["medlemmer"]] == ["ana", "bo", "vaerksted"]


def test_en_ny_variabel_er_ny_under_regimet_og_taeller_kun_naar_den_giver_noget(monkeypatch, notat):
    # Mette (forsikret ledig) får ret til den samlede uddannelsesordning under reformen.
    mette = notat.split("mette (personer): ", 1)[1].split("\n──", 1)[0]
    assert "    ≠ samlet_uddannelse_ret: ny: ja" in mette
    # Psykologbehandling gælder ikke en forsikret ledig (reformen: aktivitetsparate og sygemeldte):
    # "nej" giver intet og er hverken en afvigelse eller med i notatet.
    assert "psykologbehandling_ret" not in mette
    faelles = [LEDIG, "--periode", "2026-03", "--regimer", "psykologbehandling"]
    _, ud, _ = _koer(monkeypatch, "sammenlign", *faelles, "--format", "json")
    raekke = next(r for r in json.loads(ud)["resultater"] if r["variabel"] == "psykologbehandling_ret")
    assert raekke["ny_under"] == ["psykologbehandling"]
    assert raekke["vaerdier"] == {"gaeldende_ret": None, "psykologbehandling": False}
    assert raekke["afviger_fra_gaeldende_ret"] == []
    _, alle, _ = _koer(monkeypatch, "sammenlign", *faelles, "--alle")
    assert "ny under psykologbehandling: nej" in alle
    assert "≠ ny under psykologbehandling" not in alle


def test_noegler_id_er_og_variabelnavne_skaeres_ikke_af_ved_80_kolonner(monkeypatch, notat):
    assert "…" not in notat
    assert re.search(rf"(^|[ ,]){LAENGSTE_NOEGLE}[,:]", notat, re.M)
    _, regimer, _ = _koer(monkeypatch, "regimer")
    linjer = regimer.splitlines()
    assert "…" not in regimer
    for noegle in alle_regimer():
        assert noegle in linjer, noegle
    _, alle, _ = _koer(
        monkeypatch, "sammenlign", EKSEMPLER / "sygemeldt_loenmodtager.yaml", "--periode", "2026-03", "--alle"
    )
    assert "…" not in alle
    assert "  sygedagpenge_revurderingstidspunkt — " in alle


def test_regimer_viser_kilden_ved_titel_og_afsnit_med_filen_som_detalje(monkeypatch):
    _, tabel, _ = _koer(monkeypatch, "regimer", bredde=200)
    assert (
        "kilde: KL og 6-byerne (2024), 2. Forenkling – færre målgrupper (000_991c7bef0c1547ec.txt)" in tabel
    )
    _, ud, _ = _koer(monkeypatch, "regimer", "--format", "json")
    regime = next(r for r in json.loads(ud) if r["noegle"] == "faerre_maalgrupper")
    assert regime["kilder"] == [
        {
            "fil": "000_991c7bef0c1547ec.txt",
            "afsnit": "KL og 6-byerne: 2. Forenkling – færre målgrupper",
            "henvisning": "KL og 6-byerne (2024), 2. Forenkling – færre målgrupper",
        }
    ]


def test_hver_reforms_kilde_har_en_henvisning_uden_filnavn():
    for regime in alle_regimer().values():
        for kilde in regime.kilder:
            assert kilde.fil in SEEDS, kilde
            assert ".txt" not in kilde.henvisning and str(SEEDS[kilde.fil].aar) in kilde.henvisning, kilde
    assert Kilde("003_8d1ffce9980bf276.txt", "Giv jobrotationsordningen et boost").henvisning == (
        "Frikommuneforsøg II i Nordjylland (2020), Giv jobrotationsordningen et boost"
    )


def _tilfaelde(nr: int) -> dict:
    return yaml.safe_load(IVAERKSAETTERI.read_text(encoding="utf-8"))[nr - 1]


def test_et_tilfaelde_fra_en_yaml_test_sammenlignes_med_tilfaeldets_periode(monkeypatch):
    # Tilfælde 3: Sofie i et iværksætterforløb i maj 2025; inddataene om forløbet findes kun
    # under reformen, så gældende ret ser bort fra dem (med en advarsel), i stedet for at afvise filen.
    kode, ud, fejl = _koer(
        monkeypatch,
        "sammenlign",
        IVAERKSAETTERI,
        "--tilfaelde",
        "3",
        "--regimer",
        "ivaerksaetteri",
        "--format",
        "json",
    )
    assert kode == 0, fejl
    data = json.loads(ud)
    assert data["periode"] == str(_tilfaelde(3)["period"])
    assert data["situation"].startswith("ivaerksaetteri.yaml, tilfælde 3: Iværksætteri (003")
    vaerdier_ = {r["variabel"]: r["vaerdier"] for r in data["resultater"]}
    # Reformens værdier er tilfældets egne forventede værdier (testens output).
    for navn, forventet in _tilfaelde(3)["output"].items():
        assert vaerdier_[navn]["ivaerksaetteri"] == forventet, navn
    assert vaerdier_["joblog_pligt"]["gaeldende_ret"] is True
    assert (
        "advarsel: "
        f"{IVAERKSAETTERI}, tilfælde 3: personer/person/i_ivaerksaetterforloeb findes ikke under "
        "gaeldende_ret, der ser bort fra værdien"
    ) in fejl.splitlines()


def test_tilfaeldet_vaelges_ved_navn_og_et_ukendt_navn_er_en_fejl(monkeypatch):
    navn = _tilfaelde(1)["name"]
    faelles = ["--regimer", "gaeldende_ret", "--variabler", "joblog_pligt", "--format", "json"]
    kode, ud, _ = _koer(monkeypatch, "sammenlign", IVAERKSAETTERI, "--tilfaelde", navn, *faelles)
    assert kode == 0 and json.loads(ud)["resultater"][0]["vaerdier"] == {"gaeldende_ret": True}
    kode, _, fejl = _koer(monkeypatch, "sammenlign", IVAERKSAETTERI, "--tilfaelde", "paradis", *faelles)
    assert kode == 2 and fejl.startswith("fejl: --tilfaelde: 'paradis' findes ikke") and fejl.count("\n") == 1
    # Uden --tilfaelde er hvert tilfælde sin egen sammenligning.
    kode, ud, _ = _koer(monkeypatch, "sammenlign", IVAERKSAETTERI, *faelles)
    assert len(json.loads(ud)) == len(yaml.safe_load(IVAERKSAETTERI.read_text(encoding="utf-8")))


def test_uden_periode_kraeves_periode_for_en_situationsfil(monkeypatch):
    kode, _, fejl = _koer(monkeypatch, "sammenlign", LEDIG, "--regimer", "gaeldende_ret")
    assert kode == 2 and fejl == "fejl: --periode: mangler; angiv en måned, fx 2026-03\n"
    kode, _, fejl = _koer(monkeypatch, "forklar", LEDIG, "--variabel", "alder")
    assert kode == 2 and fejl.startswith("fejl: --periode: mangler")


def test_testens_flade_form_giver_samme_simulering_som_openfisca_test(system):
    # Tilfælde 4 har værdier for 2025 og en uden periode (fødselsdatoen): samme værdier som
    # OpenFiscas egen opbygning af testen (byg_simulering_fra_test).
    systemer = [system, byg_system("ivaerksaetteri")]
    (situation,) = indlaes_situationer(IVAERKSAETTERI, systemer, "4")
    reform = systemer[1]
    navne = list(_tilfaelde(4)["output"]) + ["alder", "maalgruppe"]
    fra_test = vaerdier(
        reform, byg_simulering_fra_test(reform, _tilfaelde(4)["input"], "2025-06"), "2025-06", navne
    )
    fra_situation = beregn(reform, situation.data, "2025-06", navne)
    assert [v.vaerdi for v in fra_situation] == [v.vaerdi for v in fra_test]
    assert situation.data["personer"]["person"]["foedselsdato"] == {"ETERNITY": "1997-09-14"}


def test_forklar_giver_et_trae_per_person_eller_den_valgte(monkeypatch):
    sti = EKSEMPLER / "virksomhed_med_stoettede.yaml"
    faelles = ["forklar", sti, "--variabel", "maalgruppe", "--periode", "2026-03"]
    _, begge, _ = _koer(monkeypatch, *faelles, bredde=200)
    assert [x for x in begge.splitlines() if x.startswith("Forklaring af")] == [
        "Forklaring af maalgruppe for hassan (personer) i 2026-03 (gaeldende_ret)",
        "Forklaring af maalgruppe for eva (personer) i 2026-03 (gaeldende_ret)",
    ]
    _, eva, _ = _koer(monkeypatch, *faelles, "--person", "eva", bredde=200)
    assert "for hassan" not in eva and "maalgruppe<2026-03> = forsikret_ledig" in eva
    kode, _, fejl = _koer(monkeypatch, *faelles, "--person", "bo")
    assert kode == 2 and "--person: 'bo'" in fejl and "hassan, eva" in fejl


def test_forklar_viser_hver_parameter_en_gang_med_hjemmel_og_kilde_og_maerker_inddata(monkeypatch):
    args = ["forklar", LEDIG, "--variabel", "dagpenge_maanedssats", "--periode", "2026-03"]
    _, ud, _ = _koer(monkeypatch, *args, bredde=200)
    vist = re.findall(r"parameter (\S+?)<", ud)
    assert len(vist) == len(set(vist)) and "afl.dagpenge.maksimum_maaned" in vist
    # Læst igen længere nede: kun en henvisning.
    assert "parameter afl.dagpenge.maksimum_maaned (se ovenfor)" in ud
    linjer = ud.splitlines()
    nr = next(
        i for i, x in enumerate(linjer) if "parameter afl.dagpenge.maksimum_maaned<2026-03-01> = 22041" in x
    )
    assert "AFL § 47, stk. 1 · kilde: parameters/afl/dagpenge.yaml" in linjer[nr + 1]
    assert "maanedsloen<2026-03> = 34000.00 [inddata]" in ud
    assert "er_deltidsforsikret<2026-03> = False [ikke oplyst: standardværdi]" in ud


def test_forklar_maerker_en_vaerdi_som_regimet_har_sat(monkeypatch):
    # fleksible_forholdstal giver gældende rets forholdstal (5 ansatte per støttet) værdien 2,5.
    args = ["forklar", EKSEMPLER / "virksomhed_med_stoettede.yaml", "--variabel", "forholdstal_max_antal"]
    args += ["--periode", "2026-03", "--regime", "fleksible_forholdstal"]
    _, ud, _ = _koer(monkeypatch, *args, bredde=200)
    linjer = ud.splitlines()
    nr = next(i for i, x in enumerate(linjer) if "parameter lab.forholdstal.ansatte_pr_stoettet<" in x)
    assert linjer[nr].endswith("= 2.50") and "sat af regimet fleksible_forholdstal" in linjer[nr + 1]
    nr = next(i for i, x in enumerate(linjer) if "parameter lab.forholdstal.graense_ansatte<" in x)
    assert "sat af regimet" not in linjer[nr + 1]
    assert "for vaerkstedet (virksomheder)" in ud and "fuldtidsandel<2026-03> = hassan: 1.00, eva: 1.00" in ud
