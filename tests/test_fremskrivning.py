"""Fremskrivning efter den sidst offentliggjorte sats: kun på forlangende, og altid markeret.

Satserne kendes til og med 2026. Uden fremskrivning er 2028 et hul (ParameterHulError); med
fremskrivning er 2028-satsen 2026-satsen reguleret med de antagne procenter i
``parameters/regulering/`` (3,0 pct. om året, i 2027 fratrukket 0,45 for store bededag) og
afrundet som loven siger, og hvert output nævner de fremskrevne parametre.
"""

import copy
import csv
import io
import json
import shlex
from decimal import Decimal

import pytest
from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from rich.console import Console
from werkzeug.test import Client

from openfisca_dk_beskaeftigelse import cli
from openfisca_dk_beskaeftigelse.effekt import I_ALT, effekt
from openfisca_dk_beskaeftigelse.effekt import som_csv as effekt_csv
from openfisca_dk_beskaeftigelse.entities import entities
from openfisca_dk_beskaeftigelse.forklaring import forklar
from openfisca_dk_beskaeftigelse.fremskrivning import afrund, fremskrevne_i, fremskriv, regulering
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError, marker_huller
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, som_csv, som_dict, som_markdown, som_tabel
from openfisca_dk_beskaeftigelse.webapp import lav_app

PERIODE = "2028-03"
# En fuldtidsansat med høj løn: dagpenge og sygedagpenge rammer loftet.
HOEJTLOENNET = {
    "personer": {
        "a": {
            "foedselsdato": {"ETERNITY": "1980-01-01"},
            "maanedsloen": {PERIODE: 40000},
            "timeloen": {PERIODE: 250},
            "ugentlig_arbejdstid": {PERIODE: 37},
        }
    }
}
SATSER = ["alder", "dagpenge_loft_maaned", "dagpenge_maanedssats", "sygedagpenge_ugesats"]
DAGPENGEMAKS = "afl.dagpenge.maksimum_maaned"


@pytest.fixture(scope="module")
def fremskrevet():
    return sammenlign(HOEJTLOENNET, PERIODE, [GAELDENDE_RET], SATSER, fremskrivning=True)


def _raekke(s, variabel):
    return next(x for x in s.raekker if x.variabel == variabel)


def _vaerdi(system, navn: str, dato: str):
    vaerdi = system.get_parameters_at_instant(dato)
    for del_ in navn.split("."):
        vaerdi = vaerdi[del_]
    return vaerdi


def test_2028_fejler_med_hullet_uden_fremskrivning():
    s = sammenlign(HOEJTLOENNET, PERIODE, [GAELDENDE_RET], SATSER)
    hul = _raekke(s, "dagpenge_maanedssats").huller[GAELDENDE_RET]
    assert isinstance(hul, ParameterHulError) and hul.navn.startswith("afl.dagpenge.")
    assert hul.hul_fra == "2027-01-01" and _raekke(s, "dagpenge_maanedssats").fremskrevne == {}
    with pytest.raises(ParameterHulError, match=DAGPENGEMAKS):
        _vaerdi(byg_system(GAELDENDE_RET), DAGPENGEMAKS, "2028-03-01") + 0


def test_2028_beregnes_med_fremskrivning_og_naevner_de_fremskrevne_parametre(fremskrevet):
    # Dagpengeloftet 2026 er 22.041 kr. (AFL § 47, stk. 1). 2027: 22.041 × (1 + (3,0 − 0,45)/100)
    # = 22.603,0455 → 22.603; 2028: 22.603 × 1,03 = 23.281,09 → 23.281 (nærmeste hele krone).
    # Lønnen: 40.000 × 0,92 × 0,9 = 33.120 kr. ligger over loftet.
    dagpenge = _raekke(fremskrevet, "dagpenge_maanedssats")
    assert dagpenge.vaerdier[GAELDENDE_RET].vaerdi == pytest.approx(23281, abs=0.01)
    assert (DAGPENGEMAKS, "2028-03-01") in dagpenge.fremskrevne[GAELDENDE_RET]
    assert dagpenge.tekster[GAELDENDE_RET] == "23.281,00 (fremskrevet)"
    # Sygedagpengeloftet 2026 er 5.085 kr. pr. uge (SDL § 50). 2027: 5.085 × 1,0255 = 5.214,67 → 5.215;
    # 2028: 5.215 × 1,03 = 5.371,45 → 5.370 (nærmeste kronebeløb, der kan deles med 5).
    # Efter lønnen: 250 × 0,92 × 37 = 8.510 kr. ligger over loftet.
    syg = _raekke(fremskrevet, "sygedagpenge_ugesats")
    assert syg.vaerdier[GAELDENDE_RET].vaerdi == pytest.approx(5370, abs=0.01)
    assert ("sygedagpenge.beloeb.maksimum_uge", "2028-03-01") in syg.fremskrevne[GAELDENDE_RET]
    # Alderen læser ingen sats: hverken mærke eller parametre.
    alder = _raekke(fremskrevet, "alder")
    assert alder.fremskrevne == {} and alder.tekster[GAELDENDE_RET] == "48"


def test_en_vaerdi_markeres_ogsaa_naar_satsen_kom_fra_cachen(fremskrevet):
    # dagpenge_loft_maaned er beregnet (og ligger i cachen), før dagpenge_maanedssats læser den;
    # dagpenge_maanedssats læser selv ingen fremskreven parameter, men bygger på loftet.
    loft = _raekke(fremskrevet, "dagpenge_loft_maaned").fremskrevne[GAELDENDE_RET]
    assert loft and set(loft) <= set(_raekke(fremskrevet, "dagpenge_maanedssats").fremskrevne[GAELDENDE_RET])


@pytest.mark.parametrize(
    ("navn", "dato", "vaerdi"),
    [
        # 22.041 × 1,0255 = 22.603,0455 → 22.603 (2027 med store bededags-fradraget på 0,45).
        (DAGPENGEMAKS, "2027-06-01", 22603),
        # 23.281 × 1,03 = 23.979,43 → 23.979; × 1,03 = 24.698,37 → 24.698.
        (DAGPENGEMAKS, "2030-12-01", 24698),
        # AFL § 47, stk. 3: beskæftigelsestillæggets loft er 118,86 pct. af loftet:
        # 23.281 × 1,1886 = 27.671,80 → 27.672.
        ("afl.dagpenge.beskaeftigelsestillaeg.maksimum_maaned", "2028-03-01", 27672),
        # SDL § 50: timebeløbet er ugebeløbet / 37 timer, i øre: 5.370 / 37 = 145,135 → 145,14.
        ("sygedagpenge.beloeb.maksimum_time", "2028-03-01", 145.14),
        # LAS § 109, stk. 2: 13.345 × 1,0255 = 13.685,30 → 13.685; × 1,03 = 14.095,55 → 14.096.
        ("aktivloven.ressourceforloebsydelse.ikke_forsoerger", "2028-03-01", 14096),
    ],
)
def test_fremskrevne_beloeb_regnet_i_haanden(navn, dato, vaerdi):
    assert _vaerdi(byg_system(GAELDENDE_RET, fremskrivning=True), navn, dato) == vaerdi


# (parameter, 1. januar år, offentliggjort beløb), hvor både året før og året selv har en kilde
# (bm.dk, STAR, a-kasserne, Danløn; se parametrenes documentation).
OFFENTLIGGJORTE = [
    # Dagpenge, AFL § 47, stk. 1, nærmeste krone: 19.322 × (1 + (0,9 − 0,75)/100) = 19.350,98 → 19.351;
    # 19.351 × 1,0195 = 19.728,34 → 19.728; × 1,032 = 20.359,30 → 20.359; × 1,036 = 21.091,92 → 21.092.
    (DAGPENGEMAKS, 2022, 19351),
    (DAGPENGEMAKS, 2023, 19728),
    (DAGPENGEMAKS, 2024, 20359),
    (DAGPENGEMAKS, 2025, 21092),
    # Sygedagpenge, SDL § 64, stk. 1, nærmeste 5 kr.: 4.460 × 1,0015 = 4.466,69 → 4.465;
    # × 1,0195 = 4.552,07 → 4.550; × 1,032 = 4.695,60 → 4.695; × 1,036 = 4.864,02 → 4.865
    # (nærmeste krone ville give 4.864).
    ("sygedagpenge.beloeb.maksimum_uge", 2022, 4465),
    ("sygedagpenge.beloeb.maksimum_uge", 2023, 4550),
    ("sygedagpenge.beloeb.maksimum_uge", 2024, 4695),
    ("sygedagpenge.beloeb.maksimum_uge", 2025, 4865),
    # Kontanthjælp, LAS § 109, stk. 2, nærmeste krone: 11.698 × 1,0015 = 11.715,55 → 11.716;
    # × 1,0195 = 11.944,46 → 11.944; × 1,032 = 12.326,21 → 12.326.
    ("aktivloven.kontanthjaelp.gammel_ordning.fyldt_30_andre", 2022, 11716),
    ("aktivloven.kontanthjaelp.gammel_ordning.fyldt_30_andre", 2023, 11944),
    ("aktivloven.kontanthjaelp.gammel_ordning.fyldt_30_andre", 2024, 12326),
]


@pytest.mark.parametrize(("navn", "aar", "offentliggjort"), OFFENTLIGGJORTE)
def test_reguleringsreglen_genskaber_de_offentliggjorte_beloeb(system, navn, aar, offentliggjort):
    """Reglen, fremskrivningen bruger (forrige gældende beløb × procenten, afrundet), på kendte år."""
    parameter = system.parameters
    for del_ in navn.split("."):
        parameter = parameter.children[del_]
    regel = regulering(parameter)
    aaret, forrige = f"{aar}-01-01", f"{aar - 1}-01-01"
    procent = Decimal(str(_vaerdi(system, regel.procent, aaret))) - Decimal(
        str(_vaerdi(system, regel.fradrag, aaret))
    )
    reguleret = afrund(Decimal(str(parameter(forrige))) * (1 + procent / 100), regel.afrunding)
    assert reguleret == offentliggjort == parameter(aaret)


def test_en_ophoert_ordning_og_en_sats_uden_vaerdi_fremskrives_ikke():
    system = byg_system(GAELDENDE_RET, fremskrivning=True)
    # Jobrotationen er afskaffet fra 1.2.2026 (lov nr. 1750/2025): null-værdien er lovens ophør.
    with pytest.raises(ParameterHulError) as fejl:
        _vaerdi(system, "lab.jobrotation.timesats", "2028-03-01") + 0
    assert fejl.value.hul_fra == "2026-02-01" and fejl.value.fremskrevet_til is None
    # Satsen for hjemmeboende i det nye kontanthjælpssystem har ingen offentliggjort værdi.
    with pytest.raises(ParameterHulError, match="hjemmeboende_sats"):
        _vaerdi(system, "aktivloven.kontanthjaelp.ny_ordning.hjemmeboende_sats", "2028-03-01") + 0
    fremskrevne = fremskrevne_i(system)
    assert "lab.jobrotation.timesats" not in fremskrevne and DAGPENGEMAKS in fremskrevne


def test_efter_horisonten_staar_hullet_igen_og_fejlen_siger_hvorfor():
    with pytest.raises(ParameterHulError) as fejl:
        _vaerdi(byg_system(GAELDENDE_RET, fremskrivning=True), DAGPENGEMAKS, "2031-01-01") + 0
    assert (fejl.value.hul_fra, fejl.value.fremskrevet_til) == ("2027-01-01", "2030-12-31")
    assert "2030-12-31" in str(fejl.value)


def _traeet(regulering_, hul_metadata=None) -> ParameterNode:
    null = {"value": None, **({"metadata": hul_metadata} if hul_metadata else {})}
    aar = {f"{a}-01-01": {"value": 2.0, "metadata": {"antagelse": True}} for a in (2027, 2028)}
    return ParameterNode(
        "",
        data={
            "procent": {
                "description": "En antagen reguleringsprocent",
                "values": {"2025-01-01": {"value": 3.0}, **aar, "2029-01-01": {"value": None}},
            },
            "sats": {
                "description": "En sats, kilderne dækker til og med 2026",
                "metadata": {"regulering": regulering_},
                "values": {"2026-01-01": {"value": 1000}, "2027-01-01": null},
            },
            "kildehul": {
                "description": "En sats med et hul i et år, hvis procent er offentliggjort",
                "metadata": {"regulering": {"procent": "procent", "afrunding": 1}},
                "values": {"2024-01-01": {"value": 1000}, "2025-01-01": {"value": None}},
            },
        },
    )


@pytest.mark.parametrize(
    ("regulering_", "hul_metadata", "fremskrevet"),
    [
        # 1.000 × 1,02 = 1.020 (2027), × 1,02 = 1.040,4 → 1.040 (2028); 2029 har ingen procent.
        ({"procent": "procent", "afrunding": 1}, None, [1020, 1040]),
        ("ingen", None, None),
        ({"procent": "procent", "afrunding": 1}, {"ophoer": "ordningen ophører"}, None),
    ],
)
def test_kun_en_reguleret_sats_fremskrives_og_kun_i_aar_med_antagne_procenter(
    regulering_, hul_metadata, fremskrevet
):
    parametre = _traeet(regulering_, hul_metadata)
    marker_huller(parametre)
    fremskrevne = fremskriv(parametre)
    system = TaxBenefitSystem(entities)
    system.parameters = parametre
    assert "kildehul" not in fremskrevne
    with pytest.raises(ParameterHulError):
        system.get_parameters_at_instant("2025-06-01").kildehul + 0
    if fremskrevet is None:
        assert fremskrevne == {}
        with pytest.raises(ParameterHulError):
            system.get_parameters_at_instant("2027-06-01").sats + 0
        return
    assert [system.get_parameters_at_instant(f"{a}-06-01").sats for a in (2027, 2028)] == fremskrevet
    with pytest.raises(ParameterHulError, match="2028-12-31"):
        system.get_parameters_at_instant("2029-06-01").sats + 0


def test_hver_sats_siger_hvilken_regulering_den_foelger(system):
    """Hver parameter i kroner har metadata.regulering (``ingen`` eller en gyldig regel)."""
    mangler = []
    for parameter in system.parameters.get_descendants():
        metadata = getattr(parameter, "metadata", {})
        if metadata.get("unit") == "currency-DKK" and "regulering" not in metadata:
            mangler.append(parameter.name)
        elif "regulering" in metadata:
            regulering(parameter)
    assert mangler == []
    # Reglernes henvisninger (procent, fradrag, afledt_af) er parametre; ellers ValueError.
    assert fremskriv(copy.deepcopy(system.parameters))


def test_systemet_bygges_en_gang_per_valg_og_uden_fremskrivning_er_satserne_uroerte():
    med, uden = byg_system(GAELDENDE_RET, fremskrivning=True), byg_system(GAELDENDE_RET)
    assert byg_system(GAELDENDE_RET, True) is med and med is not uden
    assert fremskrevne_i(uden) == {}
    assert _vaerdi(uden, DAGPENGEMAKS, "2026-06-01") == _vaerdi(med, DAGPENGEMAKS, "2026-06-01") == 22041
    assert fremskrevne_i(byg_system("tidsgraense_sygedagpenge", fremskrivning=True))


def test_json_csv_markdown_og_tabel_markerer_de_fremskrevne(fremskrevet):
    data = som_dict(fremskrevet)
    assert data["format_version"] == 4 and data["fremskrivning"] is True
    dagpenge = next(r for r in data["resultater"] if r["variabel"] == "dagpenge_maanedssats")
    assert {"parameter": DAGPENGEMAKS, "dato": "2028-03-01"} in dagpenge["fremskrevne"][GAELDENDE_RET]
    raekker = {r["variabel"]: r for r in csv.DictReader(io.StringIO(som_csv(fremskrevet, "a.yaml")))}
    assert f"{DAGPENGEMAKS} (2028-03-01)" in raekker["dagpenge_maanedssats"]["note"]
    assert raekker["dagpenge_maanedssats"]["note"].startswith("fremskrevet: ")
    assert raekker["alder"]["note"] == ""
    # Kun gældende ret: notatet har ingen afvigelser, så værdierne står i tabellen (alle rækker).
    markdown = som_markdown(fremskrevet, alle=True)
    assert (
        "| 23.281,00 (fremskrevet) |" in markdown
        and "(fremskrevet) = bygger på satser fremskrevet" in markdown
    )
    konsol = Console(width=200, record=True)
    konsol.print(som_tabel(fremskrevet, alle=True))
    tekst = konsol.export_text()
    assert "gaeldende_ret: 23.281,00 (fremskrevet)" in tekst and "(fremskrevet) = bygger på" in tekst
    # Uden fremskrivning: intet mærke og ingen forklaring af det.
    uden = sammenlign(HOEJTLOENNET, "2026-03", [GAELDENDE_RET], ["alder"])
    assert som_dict(uden)["fremskrivning"] is False and "fremskrevet" not in som_markdown(uden)


def test_forklar_markerer_den_fremskrevne_parameter():
    trae, _ = forklar(HOEJTLOENNET, PERIODE, "dagpenge_maanedssats", GAELDENDE_RET, fremskrivning=True)
    konsol = Console(width=300, record=True)
    konsol.print(trae)
    tekst = konsol.export_text()
    assert f"parameter {DAGPENGEMAKS}<2028-03-01> = 23281 (fremskrevet)" in tekst
    assert "Bygger på fremskrevne satser (antagelse)" in tekst
    # Parametre, der ikke er fremskrevet, er ikke markeret.
    assert "parameter skat.arbejdsmarkedsbidrag<2028-03-01> = 0.08\n" in tekst


def test_forklar_uden_fremskrivning_fejler_med_hullet(tmp_path, capsys):
    fil = tmp_path / "a.json"
    fil.write_text(json.dumps(HOEJTLOENNET), encoding="utf-8")
    argv = ["forklar", str(fil), "--variabel", "dagpenge_maanedssats", "--periode", PERIODE]
    assert cli.main(argv) == 2
    assert "afl.dagpenge." in capsys.readouterr().err
    assert cli.main([*argv, "--fremskrivning"]) == 0
    assert "(fremskrevet)" in capsys.readouterr().out


def test_sammenlign_paa_kommandolinjen(tmp_path, capsys):
    fil = tmp_path / "a.json"
    fil.write_text(json.dumps(HOEJTLOENNET), encoding="utf-8")
    argv = ["sammenlign", str(fil), "--periode", PERIODE, "--regimer", GAELDENDE_RET]
    assert (
        cli.main([*argv, "--variabler", "dagpenge_maanedssats", "--format", "json", "--fremskrivning"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["resultater"][0]["vaerdier"][GAELDENDE_RET] == 23281.0


def test_post_sammenlign_med_fremskrivning():
    klient = Client(lav_app([GAELDENDE_RET]))
    krop = {"situation": HOEJTLOENNET, "periode": PERIODE, "regimer": [GAELDENDE_RET], "variabler": SATSER}
    uden = klient.post("/sammenlign", json=krop)
    assert uden.status_code == 200
    dagpenge = next(r for r in uden.json["resultater"] if r["variabel"] == "dagpenge_maanedssats")
    assert dagpenge["vaerdier"][GAELDENDE_RET] is None and dagpenge["huller"][GAELDENDE_RET]
    med = klient.post("/sammenlign", json={**krop, "fremskrivning": True})
    assert med.status_code == 200 and med.json["fremskrivning"] is True
    dagpenge = next(r for r in med.json["resultater"] if r["variabel"] == "dagpenge_maanedssats")
    assert dagpenge["vaerdier"][GAELDENDE_RET] == 23281.0
    assert {"parameter": DAGPENGEMAKS, "dato": "2028-03-01"} in dagpenge["fremskrevne"][GAELDENDE_RET]
    forkert = klient.post("/sammenlign", json={**krop, "fremskrivning": "ja"})
    assert forkert.status_code == 400 and forkert.json["felt"] == "fremskrivning"


def test_effekt_naevner_de_maal_der_bygger_paa_fremskrevne_satser():
    resultat = effekt([GAELDENDE_RET], PERIODE, 300, seed=3, fremskrivning=True)
    dagpenge = [f for f in resultat.fremskrevne if (f["maal"], f["kategori"]) == ("udgifter", "Dagpenge")]
    assert {"parameter": DAGPENGEMAKS, "dato": "2028-03-01"} in dagpenge[0]["parametre"]
    assert resultat.vaerdi("udgifter", "Dagpenge", GAELDENDE_RET) is not None
    raekker = list(csv.DictReader(io.StringIO(effekt_csv(resultat))))
    dagpengerad = next(r for r in raekker if (r["maal"], r["kategori"]) == ("udgifter", "Dagpenge"))
    assert DAGPENGEMAKS in dagpengerad["fremskrevet"]
    # Udgifterne i alt bygger på kategoriernes satser, også dagpengenes.
    i_alt = next(r for r in raekker if (r["maal"], r["kategori"]) == ("udgifter", I_ALT))
    assert DAGPENGEMAKS in i_alt["fremskrevet"]
    samtaler = [r for r in raekker if r["maal"] == "obligatoriske_samtaler"]
    assert samtaler and all(r["fremskrevet"] == "" for r in samtaler)
    # Uden fremskrivning er dagpengeudgiften et hul.
    uden = effekt([GAELDENDE_RET], PERIODE, 300, seed=3)
    assert uden.vaerdi("udgifter", "Dagpenge", GAELDENDE_RET) is None and uden.fremskrevne == []


# Notatet og fremskrivningen sammen. Mette og Jens er forsikrede ledige på dagpenge i 2028.
# Mette: 40.000 × 0,92 × 0,9 = 33.120 kr. over det fremskrevne loft på 23.281 kr.; Jens:
# 20.000 × 0,92 × 0,9 = 16.560 kr. under det (hans sats læser stadig loftet og er markeret).
LEDIGE_2028 = {
    "personer": {
        navn: {
            "foedselsdato": {"ETERNITY": foedt},
            "ydelse": {"2028": "arbejdsloeshedsdagpenge"},
            "beskaeftigelse": {"2028": "ledig"},
            "maanedsloen": {"2028": loen},
        }
        for navn, foedt, loen in (("mette", "1984-05-10", 40000), ("jens", "1990-01-01", 20000))
    }
}
SAMLET = "samlet_uddannelsesordning"


def _koer(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """Kommandoen som i en terminal, der er bred nok til, at ingen linje foldes."""
    monkeypatch.setenv("COLUMNS", "400")
    kode = cli.main([str(a) for a in args])
    ud, fejl = capsys.readouterr()
    return kode, "\n".join(x.rstrip() for x in ud.splitlines()), fejl


@pytest.fixture
def ledige(tmp_path):
    fil = tmp_path / "ledige.json"
    fil.write_text(json.dumps(LEDIGE_2028), encoding="utf-8")
    return fil


def test_notatet_2028_markerer_den_fremskrevne_vaerdi_og_forklarer_maerket(monkeypatch, capsys, ledige):
    # Den samlede uddannelsesordning giver en forsikret ledig hele sin dagpengesats
    # (reformer.samlet_uddannelsesordning.andel_dagpenge = 1): Mette 23.281 kr. (loftet).
    argv = ["sammenlign", ledige, "--periode", PERIODE, "--regimer", SAMLET, "--fremskrivning"]
    argv += ["--variabler", "dagpenge_maanedssats,samlet_uddannelse_dagpengesats"]
    kode, notat, fejl = _koer(monkeypatch, capsys, *argv)
    assert kode == 0, fejl
    mette = notat.split("mette (personer)", 1)[1].split("jens (personer)", 1)[0]
    assert f"under {SAMLET}:" in mette
    assert "≠ samlet_uddannelse_dagpengesats: ny: 23.281,00 (fremskrevet)" in mette
    # Dagpengesatsen er ens under begge regimer: ingen afvigelse, ingen linje i notatet.
    assert "dagpenge_maanedssats:" not in mette
    assert "≠ samlet_uddannelse_dagpengesats: ny: 16.560,00 (fremskrevet)" in notat
    assert "(fremskrevet) = bygger på satser fremskrevet efter den sidst offentliggjorte værdi" in notat
    # Forklaringen, notatet foreslår, regner med de samme satser, så den kan køres, som den står.
    forslag = next(x for x in notat.splitlines() if x.startswith("Hvorfor en værdi er"))
    assert forslag.endswith(f"--regime {SAMLET} --fremskrivning")
    kode, trae, fejl = _koer(monkeypatch, capsys, *shlex.split(forslag.split("dk-beskaeftigelse ", 1)[1]))
    assert kode == 0, fejl
    assert f"parameter {DAGPENGEMAKS}<2028-03-01> = 23281 (fremskrevet)" in trae

    kode, alle, _ = _koer(monkeypatch, capsys, *argv, "--alle")
    assert kode == 0 and "alle 2 regimer: 23.281,00 (fremskrevet)" in alle
    assert "(fremskrevet) = bygger på satser" in alle


def test_markdown_notatet_2028_markerer_den_fremskrevne_vaerdi(monkeypatch, capsys, ledige):
    argv = ["sammenlign", ledige, "--periode", PERIODE, "--regimer", SAMLET, "--fremskrivning"]
    argv += ["--variabler", "dagpenge_maanedssats,samlet_uddannelse_dagpengesats", "--format", "markdown"]
    kode, markdown, fejl = _koer(monkeypatch, capsys, *argv)
    assert kode == 0, fejl
    mette = markdown.split("## mette (personer)", 1)[1].split("## jens (personer)", 1)[0]
    assert f"Under `{SAMLET}`:" in mette
    linje = next(x for x in mette.splitlines() if "`samlet_uddannelse_dagpengesats`" in x)
    assert linje.startswith("- ≠ ") and linje.endswith(": ny: 23.281,00 (fremskrevet)")
    assert "(fremskrevet) = bygger på satser fremskrevet" in markdown
    # Uden flaget: 2028 er et hul i kilderne, og intet er markeret som fremskrevet.
    kode, uden, _ = _koer(monkeypatch, capsys, *[a for a in argv if a != "--fremskrivning"])
    assert kode == 0 and "(fremskrevet)" not in uden and "hul i kilderne" in uden


def test_forklar_med_person_markerer_den_fremskrevne_parameter_i_personens_trae(monkeypatch, capsys, ledige):
    argv = ["forklar", ledige, "--variabel", "dagpenge_maanedssats", "--periode", PERIODE]
    kode, trae, fejl = _koer(monkeypatch, capsys, *argv, "--person", "jens", "--fremskrivning")
    assert kode == 0, fejl
    overskrifter = [x for x in trae.splitlines() if x.startswith("Forklaring af")]
    assert overskrifter == [
        f"Forklaring af dagpenge_maanedssats for jens (personer) i {PERIODE} (gaeldende_ret)"
    ]
    assert "Bygger på fremskrevne satser (antagelse): " in trae and f"{DAGPENGEMAKS} (2028-03-01)" in trae
    assert "dagpenge_maanedssats<2028-03> = 16560.00" in trae
    # Parameteren står én gang med værdi, mærke, § og kilde; derefter kun henvisningen, også mærket.
    linjer = trae.splitlines()
    nr = next(
        i for i, x in enumerate(linjer) if f"parameter {DAGPENGEMAKS}<2028-03-01> = 23281 (fremskrevet)" in x
    )
    assert "AFL § 47, stk. 1 · kilde: parameters/afl/dagpenge.yaml" in linjer[nr + 1]
    assert "fremskrevet fra værdien pr. 2026-01-01" in linjer[nr + 1]
    assert trae.count(f"parameter {DAGPENGEMAKS}<") == 1
    assert f"parameter {DAGPENGEMAKS} (fremskrevet) (se ovenfor)" in trae
    # En parameter, der ikke er fremskrevet, er ikke markeret.
    assert "parameter skat.arbejdsmarkedsbidrag<2028-03-01> = 0.08\n" in trae


def test_forklar_under_en_reform_med_fremskrivning_saetter_regimet_ikke_den_fremskrevne_sats(
    monkeypatch, capsys, ledige
):
    # Gældende ret fremskrives på samme måde: loftet er ikke sat af reformen, andelen er.
    argv = ["forklar", ledige, "--variabel", "samlet_uddannelse_dagpengesats", "--periode", PERIODE]
    kode, trae, fejl = _koer(
        monkeypatch, capsys, *argv, "--regime", SAMLET, "--person", "mette", "--fremskrivning"
    )
    assert kode == 0, fejl
    linjer = trae.splitlines()
    loft = next(
        i for i, x in enumerate(linjer) if f"parameter {DAGPENGEMAKS}<2028-03-01> = 23281 (fremskrevet)" in x
    )
    assert "sat af regimet" not in linjer[loft + 1]
    andel = next(
        i for i, x in enumerate(linjer) if "parameter reformer.samlet_uddannelsesordning.andel_dagpenge<" in x
    )
    assert f"sat af regimet {SAMLET}" in " ".join(linjer[andel + 1 : andel + 3])
