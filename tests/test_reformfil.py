"""Reformfiler: juristens egne varianter som data.

Eksemplerne i ``examples/reformer/`` er testet mod gældende ret og mod den reform, de varierer, på
samme person; kontrollen giver klare fejl med fil, linje og felt; og ændringerne vises i hvert
format, også i web-API'et og forklaringen.
"""

import json
import re
from pathlib import Path

import pytest
from hjaelpere import koer as _koer
from werkzeug.test import Client

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse import reformfil
from openfisca_dk_beskaeftigelse.beregning import BrugerFejl, indlaes_situation
from openfisca_dk_beskaeftigelse.dokumentation import reformfileksempel
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.reformstoette import parameter
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, regime
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, som_csv, som_dict, som_markdown
from openfisca_dk_beskaeftigelse.webapp import lav_app

REFORMER = pakke.EKSEMPELMAPPE / "reformer"
TIDSGRAENSE = REFORMER / "tidsgraense_26_uger_70_pct.yaml"
FORHOLDSTAL = REFORMER / "forholdstal_fra_20_ansatte.yaml"
VOKSENLAERLING = REFORMER / "voksenlaerling_fra_22_aar_2027.yaml"
KARIN = indlaes_situation(pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml")


def _vaerdier(situation, periode, noegler, variabel) -> dict:
    """{(id, regime): værdi} for én variabel under gældende ret og ``noegler``."""
    reformfil.indlaes_regimer([str(n) for n in noegler])
    s = sammenlign(situation, periode, [str(n) for n in noegler], [variabel])
    return {(x.id, n): v.vaerdi for x in s.raekker for n, v in x.vaerdier.items()}


# --- Eksemplerne: mod gældende ret og mod reformen, de varierer, på samme person ---------------


@pytest.mark.parametrize(
    ("periode", "reformen", "varianten"),
    [
        # Marts: reformen nedsætter alle 22 hverdage; varianten har endnu fuld sats (22 × 1.016,982).
        ("2026-03", 13424.16, 22373.60),
        # April (22 hverdage): begge nedsætter hele måneden: 22 × 1.016,982 × 0,6 og × 0,7.
        ("2026-04", 13424.16, 15661.52),
    ],
)
def test_tidsgraense_26_uger_70_pct_mod_gaeldende_ret_og_reformen(periode, reformen, varianten):
    # Karin (examples/sygemeldt_loenmodtager.yaml), syg fra 4.8.2025; ugerne tælles efter de første
    # 30 dage, fra 3.9.2025; dagsatsen er 1.016,982 kr. (som i tests/reforms/tidsgraense_sygedagpenge.yaml).
    # Tidsgrænsen indtræder som revurderingstidspunktet ved udgangen af måneden, hvor ugerne overstiger den.
    # - Gældende ret: revurdering 28.2.2026, ophør med udgangen af februar: 0 kr.
    # - Reformen (22 uger, 60 pct.): 3.9.2025 + 22 uger = 4.2.2026, nedsat fra 1.3.2026.
    # - Varianten (26 uger, 70 pct.): 3.9.2025 + 26 uger = 4.3.2026, nedsat fra 1.4.2026.
    noegler = ["tidsgraense_sygedagpenge", TIDSGRAENSE]
    dato = _vaerdier(KARIN, periode, noegler, "sygedagpenge_tidsgraense_dato")
    assert str(dato[("karin", "tidsgraense_sygedagpenge")]) == "2026-03-01"
    assert str(dato[("karin", str(TIDSGRAENSE))]) == "2026-04-01"
    beloeb = _vaerdier(KARIN, periode, noegler, "sygedagpenge_maanedsbeloeb")
    assert beloeb[("karin", GAELDENDE_RET)] == 0
    assert beloeb[("karin", "tidsgraense_sygedagpenge")] == pytest.approx(reformen, abs=0.05)
    assert beloeb[("karin", str(TIDSGRAENSE))] == pytest.approx(varianten, abs=0.05)


# Tre arbejdssteder med 4, 23 og 60 ordinært ansatte: én ansat person på fuld tid plus 3, 22 og 59.
FORHOLDSTAL_SITUATION = {
    "personer": {"ida": {}, "ole": {}, "sam": {}},
    "virksomheder": {
        "lille": {"ansatte": ["ida"], "antal_ordinaert_ansatte": {"2026-03": 3}},
        "mellem": {"ansatte": ["ole"], "antal_ordinaert_ansatte": {"2026-03": 22}},
        "stor": {"ansatte": ["sam"], "antal_ordinaert_ansatte": {"2026-03": 59}},
    },
}


def test_forholdstal_fra_20_ansatte_mod_gaeldende_ret_og_reformen():
    # Højeste antal støttede = max(⌊min(ansatte, grænse) / pr_støttet⌋, mindst) + ⌊(ansatte - grænse) / over⌋
    # (BEK 2636/2021 § 65, stk. 1).
    # - Gældende ret (grænse 50, 1 pr. 5, mindst 1, 1 pr. 10 over): 4 → 1; 23 → 4; 60 → 10 + 1 = 11.
    # - Reformen (grænse 50, 1 pr. 2,5, mindst 2, 1 pr. 5 over): 4 → 2; 23 → 9; 60 → 20 + 2 = 22.
    # - Varianten (grænse 20, 1 pr. 2,5, mindst 1, 1 pr. 5 over): 4 → 1; 23 → 8 + 0 = 8;
    #   60 → 8 + ⌊40 / 5⌋ = 16.
    v = _vaerdier(
        FORHOLDSTAL_SITUATION, "2026-03", ["fleksible_forholdstal", FORHOLDSTAL], "forholdstal_max_antal"
    )
    assert [v[(s, GAELDENDE_RET)] for s in ("lille", "mellem", "stor")] == [1, 4, 11]
    assert [v[(s, "fleksible_forholdstal")] for s in ("lille", "mellem", "stor")] == [2, 9, 22]
    assert [v[(s, str(FORHOLDSTAL))] for s in ("lille", "mellem", "stor")] == [1, 8, 16]


def _unge(aar: str) -> dict:
    def ledig(alder):
        return {
            "maalgruppe_lab_6": {aar: "jobparat_kontanthjaelp"},
            "alder": {aar: alder},
            "ledighed_startdato": {aar: "2027-01-01"},
        }

    return {"personer": {"atten": ledig(18), "toogtyve": ledig(22), "femogtyve": ledig(25)}}


@pytest.mark.parametrize(
    ("periode", "varianten"),
    [
        # Før 1.7.2027 gælder reformens mindstealder, 18 år: alle tre.
        ("2027-06", [True, True, True]),
        # Fra 1.7.2027 er mindstealderen 22 år: den 18-årige falder ud.
        ("2027-08", [False, True, True]),
    ],
)
def test_voksenlaerling_fra_22_aar_2027_mod_gaeldende_ret_og_reformen(periode, varianten):
    # Ufaglærte jobparate kontanthjælpsmodtagere, ledige fra 1.1.2027 (mindst 2 måneder, LAB §§
    # 154-160), 18, 22 og 25 år. Gældende ret: fra 25 år; reformen lavere_alder_voksenlaerling: fra 18.
    v = _vaerdier(
        _unge("2027"), periode, ["lavere_alder_voksenlaerling", VOKSENLAERLING], "voksenlaerling_ret"
    )
    personer = ("atten", "toogtyve", "femogtyve")
    assert [v[(p, GAELDENDE_RET)] for p in personer] == [False, False, True]
    assert [v[(p, "lavere_alder_voksenlaerling")] for p in personer] == [True, True, True]
    assert [v[(p, str(VOKSENLAERLING))] for p in personer] == varianten


def test_reformparameter_som_reformen_overfoerer_aendrer_ogsaa_gaeldende_rets_parameter():
    # lavere_alder_voksenlaerling overfører sin mindstealder til lab.uddannelse.voksenlaerling.mindstealder,
    # når den lægges på; reformfilens senere ændring skal følge med derhen.
    system = byg_system(reformfil.indlaes_fil(VOKSENLAERLING).noegle)
    mindstealder = system.parameters.lab.uddannelse.voksenlaerling.mindstealder
    assert (mindstealder("2027-06-30"), mindstealder("2027-07-01")) == (18, 22)


def test_systemet_nedenunder_er_uaendret():
    # Varianten deler de uændrede dele af parametertræet med regimet, den bygger på; det må ikke ændres.
    for fil in (TIDSGRAENSE, FORHOLDSTAL, VOKSENLAERLING):
        byg_system(reformfil.indlaes_fil(fil).noegle)
    tidsgraense = byg_system("tidsgraense_sygedagpenge").parameters.reformer.tidsgraense_sygedagpenge
    assert (tidsgraense.uger("2026-03-01"), tidsgraense.andel("2026-03-01")) == (22, 0.6)
    forholdstal = byg_system("fleksible_forholdstal").parameters.lab.forholdstal
    assert (forholdstal.graense_ansatte("2026-03-01"), forholdstal.mindste_antal("2026-03-01")) == (50, 2)
    assert byg_system(GAELDENDE_RET).parameters.lab.forholdstal.graense_ansatte("2026-03-01") == 50
    alder = byg_system("lavere_alder_voksenlaerling").parameters.lab.uddannelse.voksenlaerling.mindstealder
    assert alder("2027-08-01") == 18


def test_eksemplerne_er_ikke_situationer_og_installeres():
    # make run og testene læser examples/*.yaml; reformfilerne ligger i en undermappe, der installeres.
    assert not set(pakke.EKSEMPELMAPPE.glob("*.yaml")) & set(REFORMER.rglob("*"))
    assert {TIDSGRAENSE, FORHOLDSTAL, VOKSENLAERLING} <= set(REFORMER.glob("*.yaml"))
    assert {f.name for f in (REFORMER / "tests").glob("*.yaml")} == {f.name for f in REFORMER.glob("*.yaml")}


# --- Datoer: fra, til og den næste ændring ------------------------------------------------------


def test_aaben_aendring_gaelder_til_naeste_og_efter_til_gaelder_vaerdien_nedenunder():
    objekt = {
        "navn": "Arbejdsgiverperioden",
        "aendringer": [
            {"parameter": "sygedagpenge.arbejdsgiverperiode.dage", "vaerdi": 21, "fra": "2026-01-01"},
            {
                "parameter": "sygedagpenge.arbejdsgiverperiode.dage",
                "vaerdi": 40,
                "fra": "1.7.2027",
                "til": "2027-12-31",
            },
        ],
    }
    system = byg_system(reformfil.fra_objekt(objekt))
    dage = system.parameters.sygedagpenge.arbejdsgiverperiode.dage
    grund = byg_system(GAELDENDE_RET).parameters.sygedagpenge.arbejdsgiverperiode.dage
    # Før 2026 og efter 2027 gældende rets værdi; 21 dage til 30.6.2027; 40 dage resten af 2027.
    assert [dage(d) for d in ("2025-12-31", "2026-01-01", "2027-06-30", "2027-07-01", "2027-12-31")] == [
        grund("2025-12-31"),
        21,
        21,
        40,
        40,
    ]
    assert dage("2028-01-01") == grund("2028-01-01")


def _senere_parameter():
    """En parameter med hele tal i gældende ret, hvis første værdi ligger efter 2021 (en nyere regel)."""
    from openfisca_dk_beskaeftigelse.dokumentation import parameterblade

    for p in parameterblade(byg_system(GAELDENDE_RET).parameters):
        vaerdier = [v for v in p.values_list if v.value is not None]
        if (
            vaerdier
            and min(v.instant_str for v in p.values_list) > "2021-12-31"
            and all(isinstance(v.value, int) and not isinstance(v.value, bool) for v in vaerdier)
        ):
            return p
    raise AssertionError("ingen parameter begynder efter 2021")


def test_en_aendring_der_slutter_foer_parameterens_foerste_vaerdi_efterlader_et_hul():
    # En ændring for 2020 alene af en parameter, der først har værdier senere, efterlader perioden
    # imellem uden værdi; den skal give ParameterHulError ved brug, ikke None.
    param = _senere_parameter()
    foerste = min(v.instant_str for v in param.values_list)
    objekt = {
        "navn": "Kun 2020",
        "aendringer": [{"parameter": param.name, "vaerdi": 2, "fra": "2020-01-01", "til": "2020-12-31"}],
    }
    ny = parameter(byg_system(reformfil.fra_objekt(objekt)).parameters, param.name)
    assert ny("2020-06-01") == 2
    assert ny(foerste) == param(foerste)
    with pytest.raises(ParameterHulError, match=param.name):
        ny("2021-06-01") + 1


# --- Cache: samme indhold, samme klasse og samme system ------------------------------------------


def test_samme_indhold_i_to_filer_giver_samme_reform_og_samme_system(tmp_path):
    (tmp_path / "a.yaml").write_text(TIDSGRAENSE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "# Samme indhold, anden form\n" + TIDSGRAENSE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    a, b = (reformfil.indlaes_fil(tmp_path / n) for n in ("a.yaml", "b.yaml"))
    assert a.reformer == b.reformer
    assert byg_system(a.noegle) is byg_system(b.noegle)
    assert (a.oprindelse, b.oprindelse) == ((str(tmp_path / "a.yaml"),), (str(tmp_path / "b.yaml"),))


def test_ny_vaerdi_giver_ny_reform(tmp_path):
    fil = tmp_path / "c.yaml"
    fil.write_text(TIDSGRAENSE.read_text(encoding="utf-8").replace("vaerdi: 26", "vaerdi: 30"), "utf-8")
    assert reformfil.indlaes_fil(fil).reformer[-1] is not reformfil.indlaes_fil(TIDSGRAENSE).reformer[-1]
    assert (
        byg_system(reformfil.indlaes_fil(fil).noegle).parameters.reformer.tidsgraense_sygedagpenge.uger(
            "2026-03-01"
        )
        == 30
    )


# --- Kontrol: klare fejl med fil, linje og felt -------------------------------------------------

GRUND = """navn: Forslag
bygger_paa: [tidsgraense_sygedagpenge]
aendringer:
  - parameter: reformer.tidsgraense_sygedagpenge.uger
    vaerdi: 26
    fra: 2026-01-01
"""


@pytest.mark.parametrize(
    ("tekst", "linje", "felt", "besked"),
    [
        # Ukendt parameter: de nærmeste stier.
        (
            GRUND.replace("tidsgraense_sygedagpenge.uger", "tidsgraense_sygedagpenge.ugr"),
            4,
            "aendringer/0/parameter",
            "nærmeste parametre: reformer.tidsgraense_sygedagpenge.uger",
        ),
        # En gruppe af parametre, hvor en værdi er nødvendig.
        (
            GRUND.replace("reformer.tidsgraense_sygedagpenge.uger", "lab.forholdstal"),
            4,
            "aendringer/0/parameter",
            "er en gruppe af parametre, ikke én værdi; vælg en af: lab.forholdstal.ansatte_pr_stoettet",
        ),
        # Et tal, hvor en liste af grupper er nødvendig.
        (
            GRUND.replace("reformer.tidsgraense_sygedagpenge.uger", "lab.plan.grupper"),
            5,
            "aendringer/0/vaerdi",
            "forventer en liste af grupper",
        ),
        # En gruppe, der ikke findes i den Enum, listen læses med (regelgruppe).
        (
            GRUND.replace("reformer.tidsgraense_sygedagpenge.uger", "lab.plan.grupper").replace(
                "vaerdi: 26", "vaerdi: [jobparat, jobparat_kontanthjaelp]"
            ),
            5,
            "aendringer/0/vaerdi",
            "kender ikke gruppen 'jobparat_kontanthjaelp'",
        ),
        # En tekst uden for parameterens Enum.
        (
            GRUND.replace("reformer.tidsgraense_sygedagpenge.uger", "lab.kontaktforloeb.samtaleform").replace(
                "vaerdi: 26", "vaerdi: telefon"
            ),
            5,
            "aendringer/0/vaerdi",
            "forventer en af ikke_relevant, kun_personligt",
        ),
        # Flere uger, end modellens datoer (1900-2100) rummer: før en dato som -1589914238.
        (
            GRUND.replace("vaerdi: 26", "vaerdi: 1000000000"),
            5,
            "aendringer/0/vaerdi",
            "forventer højst 10487 uger (modellens datoer ligger fra 1900 til 2100)",
        ),
        # Et beløb over float32 (variablernes tal) ville blive uendeligt i beregningen.
        (
            GRUND.replace(
                "reformer.tidsgraense_sygedagpenge.uger", "sygedagpenge.beloeb.maksimum_uge"
            ).replace("vaerdi: 26", "vaerdi: 1.0e+300"),
            5,
            "aendringer/0/vaerdi",
            "forventer et tal fra -3.4e+38 til 3.4e+38",
        ),
        # Et halvt antal uger og en andel skrevet som procent eller med komma.
        (
            GRUND.replace("vaerdi: 26", "vaerdi: 26.5"),
            5,
            "aendringer/0/vaerdi",
            "forventer et helt tal (uger)",
        ),
        (
            GRUND.replace(".uger", ".andel").replace("vaerdi: 26", "vaerdi: 70"),
            5,
            "aendringer/0/vaerdi",
            "70 pct. skrives 0.7",
        ),
        (
            GRUND.replace(".uger", ".andel").replace("vaerdi: 26", "vaerdi: 0,7"),
            5,
            "aendringer/0/vaerdi",
            "med punktum",
        ),
        (
            GRUND.replace("reformer.tidsgraense_sygedagpenge.uger", "lab.kontaktforloeb.jobcentre_afskaffet"),
            5,
            "aendringer/0/vaerdi",
            "forventer ja/nej",
        ),
        # Datoer: før 2020, slut før start, ikke en dato.
        (GRUND.replace("2026-01-01", "2019-12-31"), 6, "aendringer/0/fra", "før modellens første dato"),
        (GRUND + "    til: 2025-12-31\n", 7, "aendringer/0/til", "ligger før fra-datoen 2026-01-01"),
        (GRUND.replace("2026-01-01", "31.2.2026"), 6, "aendringer/0/fra", "forventede en dato"),
        # Efter modellens sidste dato (og dagen efter 9999-12-31 findes ikke).
        (GRUND + "    til: 9999-12-31\n", 7, "aendringer/0/til", "efter modellens sidste dato, 2100-12-31"),
        (GRUND.replace("2026-01-01", "2101-01-01"), 6, "aendringer/0/fra", "efter modellens sidste dato"),
        # En reformparameter, hvis reform filen ikke bygger på.
        (
            GRUND.replace("bygger_paa: [tidsgraense_sygedagpenge]\n", ""),
            3,
            "aendringer/0/parameter",
            "i reformen tidsgraense_sygedagpenge, som ændringerne ikke bygger på",
        ),
        # To ændringer af samme parameter på overlappende datoer.
        (
            GRUND
            + "    til: 2027-12-31\n"
            + "  - parameter: reformer.tidsgraense_sygedagpenge.uger\n    vaerdi: 30\n    fra: 2027-07-01\n",
            10,
            "aendringer/1/fra",
            "ændres allerede fra 2026-01-01 til og med 2027-12-31 (ændring nr. 1)",
        ),
        # Skemaet: ukendte felter, manglende værdi, ukendt regime, tom liste, dobbelt nøgle.
        (GRUND.replace("    fra:", "    fro:"), 6, "aendringer/0/fro", "ukendt felt; mente du 'fra'?"),
        (
            GRUND.replace("    fra:", "    xyzzy:"),
            6,
            "aendringer/0/xyzzy",
            "ukendt felt. Kendte felter: parameter, vaerdi, fra, til",
        ),
        (GRUND.replace("    vaerdi: 26\n", ""), 4, "aendringer/0/vaerdi", "mangler"),
        (GRUND.replace("[tidsgraense_sygedagpenge]", "[tidsgrænse]"), 2, "bygger_paa/0", "ukendt regime"),
        ("navn: Tomt\naendringer: []\n", 2, "aendringer", "mangler eller er tom"),
        (GRUND.replace("navn: Forslag", "navn: Forslag\nkilde: [1]"), 2, "kilde", "forventede en tekst"),
        (
            GRUND.replace("vaerdi: 26", "vaerdi: {uger: 26}"),
            5,
            "aendringer/0/vaerdi",
            "er et objekt; forventede én værdi",
        ),
    ],
)
def test_fejl_naevner_fil_linje_og_felt(tmp_path, tekst, linje, felt, besked):
    fil = tmp_path / "mit_forslag.yaml"
    fil.write_text(tekst, encoding="utf-8")
    with pytest.raises(reformfil.ReformfilFejl) as fejl:
        reformfil.indlaes_fil(fil)
    assert fejl.value.felt == felt
    assert str(fejl.value).startswith(f"{fil}, linje {linje}: {felt}: "), str(fejl.value)
    assert besked in str(fejl.value)


@pytest.mark.parametrize(
    ("tekst", "besked"),
    [
        ("navn: a\nnavn: b\n", "linje 2: nøglen 'navn' står to gange"),
        ("navn: [\n", "er ikke gyldig YAML/JSON"),
        ("- en liste\n", "linje 1: en reformfil er et objekt"),
        # En liste som nøgle: en linje, ikke et traceback (TypeError: unhashable type).
        ("navn: a\n? [x]\n: 1\n", 'linje 2: en nøgle skal være en tekst eller et tal, ikke ["x"]'),
    ],
)
def test_fejl_i_filens_form(tmp_path, tekst, besked):
    fil = tmp_path / "x.yaml"
    fil.write_text(tekst, encoding="utf-8")
    with pytest.raises(BrugerFejl, match="x.yaml") as fejl:
        reformfil.indlaes_fil(fil)
    assert besked in str(fejl.value)


def test_kommandolinjen_giver_exitkode_2_med_fil_linje_og_felt(tmp_path):
    (tmp_path / "mit_forslag.yaml").write_text(GRUND.replace("vaerdi: 26", "vaerdi: mange"), "utf-8")
    situation = pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml"
    for kommando in (
        ["sammenlign", situation, "--periode", "2026-03", "--regimer", "gaeldende_ret,mit_forslag.yaml"],
        ["forklar", situation, "--periode", "2026-03", "--variabel", "alder", "--regime", "mit_forslag.yaml"],
        [
            "effekt",
            "--periode",
            "2026-03",
            "--personer",
            "10",
            "--regimer",
            "digitale_samtaler+mit_forslag.yaml",
        ],
    ):
        resultat = _koer(*kommando, cwd=tmp_path)
        assert resultat.returncode == 2, resultat.stderr
        assert resultat.stderr.startswith("fejl: mit_forslag.yaml, linje 5: aendringer/0/vaerdi: "), resultat
        assert "Traceback" not in resultat.stderr


# --- Kommandolinjen: reformfiler som regimer, i stakke, og --saet -------------------------------


def test_sammenlign_med_reformfil_i_en_stak_og_aendringerne_i_json():
    stak = f"digitale_samtaler+{TIDSGRAENSE}"
    resultat = _koer(
        "sammenlign",
        pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml",
        "--periode",
        "2026-03",
        "--regimer",
        stak,
        "--variabler",
        "sygedagpenge_tidsgraense_dato",
        "--format",
        "json",
    )
    assert resultat.returncode == 0, resultat.stderr
    data = json.loads(resultat.stdout)
    egen = data["regimer"][1]
    assert egen["noegle"] == stak and egen["oprindelse"] == [str(TIDSGRAENSE)]
    assert egen["navn"].endswith("Tidsgrænse for sygedagpenge efter 26 uger, derefter 70 pct.")
    uger, andel = egen["aendringer"]
    assert (uger["parameter"], uger["foer"], uger["efter"], uger["fra"]) == (
        "reformer.tidsgraense_sygedagpenge.uger",
        22,
        26,
        "2026-01-01",
    )
    assert uger["hjemmel"][0].startswith("De nordjyske kommuner (2024), Revurdering")
    assert andel["tekst"] == "0,6 → 0,7 fra 2026-01-01"
    assert data["resultater"][0]["vaerdier"][stak] == "2026-04-01"


def test_saet_giver_egne_aendringer_oven_paa_de_valgte_regimer():
    # Karin med 30 uger: 3.9.2025 + 30 uger = 1.4.2026; nedsat fra udgangen af april, dvs. 1.5.2026.
    resultat = _koer(
        "sammenlign",
        pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml",
        "--periode",
        "2026-03",
        "--regimer",
        "tidsgraense_sygedagpenge",
        "--saet",
        "reformer.tidsgraense_sygedagpenge.uger=30",
        "--saet",
        "reformer.tidsgraense_sygedagpenge.andel=0.5@2027-07-01",
        "--variabler",
        "sygedagpenge_tidsgraense_dato",
        "--format",
        "json",
    )
    assert resultat.returncode == 0, resultat.stderr
    data = json.loads(resultat.stdout)
    assert [r["noegle"] for r in data["regimer"]] == [
        GAELDENDE_RET,
        "tidsgraense_sygedagpenge",
        "egne_aendringer",
    ]
    egne = data["regimer"][2]
    assert [(a["parameter"], a["foer"], a["efter"], a["fra"]) for a in egne["aendringer"]] == [
        ("reformer.tidsgraense_sygedagpenge.uger", 22, 30, "2020-01-01"),
        ("reformer.tidsgraense_sygedagpenge.andel", 0.6, 0.5, "2027-07-01"),
    ]
    assert data["resultater"][0]["vaerdier"]["egne_aendringer"] == "2026-05-01"


@pytest.mark.parametrize(
    ("saet", "besked"),
    [
        ("sygedagpenge.arbejdsgiverperiode.dage", "skriv STI=VÆRDI"),
        (
            "sygedagpenge.arbejdsgiverperiode.dag=20",
            "nærmeste parametre: sygedagpenge.arbejdsgiverperiode.dage",
        ),
        ("sygedagpenge.arbejdsgiverperiode.dage=20@2019-06-01", "før modellens første dato"),
        ("reformer.tidsgraense_sygedagpenge.uger=26", "--regimer eller --regime med --saet"),
    ],
)
def test_saet_fejl_naevner_argumentet(saet, besked):
    resultat = _koer(
        "sammenlign",
        pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml",
        "--periode",
        "2026-03",
        "--regimer",
        "gaeldende_ret",
        "--saet",
        saet,
    )
    assert resultat.returncode == 2
    assert resultat.stderr.startswith(f"fejl: --saet '{saet}': "), resultat.stderr
    assert besked in resultat.stderr


def test_forklar_markerer_vaerdien_reformfilen_satte():
    resultat = _koer(
        "forklar",
        pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml",
        "--variabel",
        "sygedagpenge_tidsgraense_dato",
        "--periode",
        "2026-03",
        "--regime",
        TIDSGRAENSE.name,
        cwd=REFORMER,
    )
    assert resultat.returncode == 0, resultat.stderr
    tekst = resultat.stdout
    assert f"egne ændringer fra {TIDSGRAENSE.name}" in tekst
    # Værdien, reformfilen satte: reformfilen som kilde, og værdien før og efter.
    uger = tekst.split("parameter reformer.tidsgraense_sygedagpenge.uger<2026-03-01> = 26\n", 1)[1]
    uger = " ".join(uger.split("\n", 2)[:2])
    assert (
        f"kilde: {TIDSGRAENSE.name}" in uger
        and "sat af reformfilen" in uger
        and "(22 → 26 fra 2026-01-01)" in uger
    )
    # En parameter, reformfilen ikke rørte, har sin parameterfil som kilde og ingen markering.
    dage = tekst.split("ikke_medregnet_loenmodtager_dage<2026-03-01> = 30\n", 1)[1].split("\n", 1)[0]
    assert "kilde: parameters/sygedagpenge/varighed.yaml" in dage and "reformfilen" not in dage


def test_tabel_markdown_og_csv_viser_aendringerne():
    reformfil.indlaes_regimer([str(FORHOLDSTAL)])
    s = sammenlign(FORHOLDSTAL_SITUATION, "2026-03", [str(FORHOLDSTAL)], ["forholdstal_max_antal"])
    md = som_markdown(s)
    assert f"## Ændringer i Lempede forholdstal op til 20 ansatte, mindst 1 støttet ({FORHOLDSTAL})" in md
    assert (
        "| `lab.forholdstal.graense_ansatte` | BEK nr. 2636/2021 § 65, stk. 1, nr. 1 | 50 | 20 | 2026-01-01 |"
        in md
    )
    csv_ = som_csv(s, "x.yaml")
    raekke = (
        f"parameter,,reformer.fleksible_forholdstal.mindste_antal,{FORHOLDSTAL},1,2 → 1 fra 2026-01-01,ja"
    )
    assert f"x.yaml,{raekke}" in csv_
    assert som_dict(s)["regimer"][0]["aendringer"] == []
    tabel = _koer(
        "sammenlign",
        pakke.EKSEMPELMAPPE / "virksomhed_med_stoettede.yaml",
        "--periode",
        "2026-03",
        "--regimer",
        FORHOLDSTAL,
        "--variabler",
        "forholdstal_max_antal",
    )
    assert "Ændringer i Lempede forholdstal" in tabel.stdout and "50 → 20" in tabel.stdout


# Én trækning i testens proces: variantens ændringer er det, der testes (trækningerne og processerne
# tester test_effekt_aar.py og test_effekt_motor.py).
EN_LILLE_EFFEKT = (
    "effekt",
    "--periode",
    "2026-03",
    "--personer",
    "200",
    "--traekninger",
    "1",
    "--arbejdere",
    "1",
)


def test_effekt_viser_variantens_aendringer():
    resultat = _koer(*EN_LILLE_EFFEKT, "--regimer", FORHOLDSTAL, "--format", "json")
    assert resultat.returncode == 0, resultat.stderr
    egne = json.loads(resultat.stdout)["egne_aendringer"]
    assert list(egne) == [str(FORHOLDSTAL)]
    assert [a["tekst"] for a in egne[str(FORHOLDSTAL)]["aendringer"]] == [
        "50 → 20 fra 2026-01-01",
        "2 → 1 fra 2026-01-01",
    ]
    csv_ = _koer(*EN_LILLE_EFFEKT, "--regimer", FORHOLDSTAL, "--format", "csv")
    assert (
        f"egen_aendring,lab.forholdstal.graense_ansatte: 50 → 20 fra 2026-01-01,{FORHOLDSTAL}" in csv_.stdout
    )


# --- Web-API'et: reformobjekter i POST /sammenlign ---------------------------------------------


@pytest.fixture(scope="module")
def klient():
    return Client(lav_app(["gaeldende_ret"]))


def _objekt(**aendring) -> dict:
    return {
        "navn": "Tidsgrænse efter 26 uger",
        "bygger_paa": ["tidsgraense_sygedagpenge"],
        "aendringer": [
            {
                "parameter": "reformer.tidsgraense_sygedagpenge.uger",
                "vaerdi": 26,
                "fra": "2026-01-01",
                **aendring,
            }
        ],
    }


def test_sammenlign_med_et_reformobjekt(klient):
    krop = {
        "situation": KARIN,
        "periode": "2026-03",
        "regimer": ["tidsgraense_sygedagpenge", _objekt()],
        "variabler": ["sygedagpenge_tidsgraense_dato"],
    }
    svar = klient.post("/sammenlign", json=krop)
    assert svar.status_code == 200, svar.text
    egen = svar.json["regimer"][2]
    assert egen["noegle"].startswith("egen_") and egen["oprindelse"] == ["indsendt reformobjekt"]
    assert egen["aendringer"][0]["tekst"] == "22 → 26 fra 2026-01-01"
    vaerdier = svar.json["resultater"][0]["vaerdier"]
    assert (vaerdier["tidsgraense_sygedagpenge"], vaerdier[egen["noegle"]]) == ("2026-03-01", "2026-04-01")
    # Samme indhold igen: samme nøgle og samme (cachede) system.
    igen = klient.post("/sammenlign", json=krop).json["regimer"][2]["noegle"]
    assert igen == egen["noegle"]
    assert byg_system(igen) is byg_system(egen["noegle"])


def test_et_reformobjekts_noegle_har_ingen_adresse(klient):
    # Før: GET /egen_<hash>/variables gav 200, men kun i den worker, der havde set objektet.
    krop = {"situation": KARIN, "periode": "2026-03", "regimer": [_objekt()], "variabler": ["alder"]}
    noegle = klient.post("/sammenlign", json=krop).json["regimer"][1]["noegle"]
    for sti in (f"/{noegle}/variables", f"/{noegle}+faerre_maalgrupper/spec"):
        svar = klient.get(sti)
        assert (svar.status_code, svar.json["felt"]) == (404, "regime"), sti
        assert "egen variant" in svar.json["fejl"]


@pytest.mark.parametrize(
    ("regimer", "felt"),
    [
        ([_objekt(vaerdi="mange")], "regimer/0/aendringer/0/vaerdi"),
        (["gaeldende_ret", _objekt(fra="2019-01-01")], "regimer/1/aendringer/0/fra"),
        ([{"navn": "x"}], "regimer/0/aendringer"),
        ([{"aendringer": []}], "regimer/0/navn"),
        # En sti til en fil er aldrig et regime i web-API'et: serveren læser ikke brugerens filer.
        ([str(TIDSGRAENSE)], "regimer/0"),
        (["digitale_samtaler+mit_forslag.yaml"], "regimer/0"),
    ],
)
def test_reformobjekt_fejl_giver_400_med_feltets_sti(klient, regimer, felt):
    svar = klient.post("/sammenlign", json={"situation": KARIN, "periode": "2026-03", "regimer": regimer})
    assert svar.status_code == 400, svar.text
    assert svar.json["felt"] == felt
    assert svar.json["fejl"].startswith(f"{felt}: ")


def test_en_regimenoegle_kan_ikke_vaere_en_fil_uden_for_kommandolinjen():
    # Kun kommandolinjen læser filer (indlaes_regimer); registret kender kun registrerede nøgler.
    with pytest.raises(KeyError):
        regime("ikke_registreret_endnu.yaml")


def test_docs_eksemplet_er_beregnet_med_eksemplets_fil():
    # docs/reformfiler.md indlejrer denne side; regnestykket på siden står i testen øverst.
    side = reformfileksempel(Path(__file__).resolve().parent.parent)
    assert "15.661,52" in side and "13.424,16" in side
    assert "| `reformer.tidsgraense_sygedagpenge.uger` |" in side and "| 22 | 26 | 2026-01-01 |" in side
    assert not any(linje.startswith(("# ", "## ")) for linje in side.splitlines())


# --- YAML-tests mod en reformfil (dk-beskaeftigelse test) ---------------------------------------

REPO = Path(__file__).resolve().parent.parent


def test_eksemplernes_yaml_tests_koerer_mod_reformfilerne():
    resultat = _koer("test", REPO / "examples" / "reformer" / "tests")
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert "12 tilfælde i 3 filer: 12 bestået, 0 fejlet" in resultat.stdout


def test_yaml_test_mod_en_reformfil_fejler_med_en_forkert_forventning(tmp_path):
    (tmp_path / "mit_forslag.yaml").write_text(FORHOLDSTAL.read_text(encoding="utf-8"), "utf-8")
    test = (REPO / "examples" / "reformer" / "tests" / "forholdstal_fra_20_ansatte.yaml").read_text("utf-8")
    (tmp_path / "test.yaml").write_text(
        test.replace("../forholdstal_fra_20_ansatte.yaml", "mit_forslag.yaml").replace(
            "[1, 8, 16]", "[1, 8, 17]"
        ),
        "utf-8",
    )
    resultat = _koer("test", tmp_path / "test.yaml")
    assert resultat.returncode == 1
    assert "3 bestået, 1 fejlet" in resultat.stdout and "differs from [ 1.  8. 17.]" in resultat.stdout


def test_yaml_test_med_en_forkert_reformfil_koerer_intet_og_naevner_linjen(tmp_path):
    (tmp_path / "mit_forslag.yaml").write_text(
        FORHOLDSTAL.read_text(encoding="utf-8").replace("vaerdi: 20", "vaerdi: tyve"), "utf-8"
    )
    (tmp_path / "test.yaml").write_text(
        "- name: Varianten\n  period: 2026-03\n  reforms: [mit_forslag.yaml]\n"
        "  input: {personer: {ida: {}}}\n  output: {alder: 0}\n"
        "- name: Igen\n  period: 2026-03\n  reforms: [mit_forslag.yaml, findes_ikke.yaml]\n"
        "  input: {personer: {ida: {}}}\n  output: {alder: 0}\n",
        "utf-8",
    )
    resultat = _koer("test", tmp_path / "test.yaml")
    assert resultat.returncode == 2
    linjer = resultat.stderr.splitlines()
    # Hver fejlende reformfil én gang, ved det første tilfælde, der nævner den.
    test, forslag, mangler = (tmp_path / n for n in ("test.yaml", "mit_forslag.yaml", "findes_ikke.yaml"))
    assert linjer == [
        f"fejl: {test}: Varianten: reforms: {forslag}, linje 12: "
        "aendringer/0/vaerdi: 'lab.forholdstal.graense_ansatte' forventer et tal, fik 'tyve'",
        f"fejl: {test}: Igen: reforms: {mangler}: reformfilen findes ikke",
    ]


def test_yaml_siden_viser_reformfilen_og_dens_test_ordret():
    side = (REPO / "docs" / "yaml-test.md").read_text(encoding="utf-8")
    eksempler = dict(re.findall(r"`(examples/reformer/[^`]+\.yaml)`:\n\n```yaml\n(.*?)```", side, re.DOTALL))
    assert sorted(eksempler) == [
        "examples/reformer/tests/voksenlaerling_fra_22_aar_2027.yaml",
        "examples/reformer/voksenlaerling_fra_22_aar_2027.yaml",
    ]
    for sti, tekst in eksempler.items():
        assert tekst == (REPO / sti).read_text(encoding="utf-8"), sti
