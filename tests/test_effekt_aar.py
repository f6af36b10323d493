"""Effekten for et helt år med usikkerhed: årets sum, intervallerne, mållinjen, talformen og diagrammerne."""

import io
import json
import re

import numpy
import pytest
from hjaelpere import koer as _koer

from openfisca_dk_beskaeftigelse import cli
from openfisca_dk_beskaeftigelse import effekt as effektmodul
from openfisca_dk_beskaeftigelse.effekt import (
    HOVEDTAL,
    MAKS_TRAEKNINGER,
    Besparelsesmaal,
    Resultat,
    aarets_maaneder,
    besparelsesmaal,
    daekker_nul,
    dansk_tal,
    effekt,
    interval,
    maallinje,
    med_interval,
    t_kvantil,
    vist,
)
from openfisca_dk_beskaeftigelse.kilder import Kilde
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET

REGIME = "ingen_jobafklaring"
AAR = 2026  # satserne er offentliggjort for hele 2026: ingen fremskrivning


def test_aarets_sum_er_summen_af_maanedernes_koersler():
    """Udgifterne for året er summen af de 12 månedskørsler med samme seed; de øvrige mål er
    gennemsnittet af månederne."""
    aaret = effekt([REGIME], aarets_maaneder(AAR), 300, seed=4, arbejdere=1)
    assert aaret.periode == "2026"
    maanederne = [effekt([REGIME], m, 300, seed=4, arbejdere=1) for m in aarets_maaneder(AAR)]
    raekker = [
        r for r in aaret.raekker if r["maal"] in ("udgifter", "jobafklaring", "obligatoriske_samtaler")
    ]
    assert {r["maal"] for r in raekker} == {"udgifter", "jobafklaring", "obligatoriske_samtaler"}
    for r in raekker:
        maanedlige = [m.vaerdi(r["maal"], r["kategori"], r["regime"]) or 0.0 for m in maanederne]
        forventet = sum(maanedlige) if r["maal"] == "udgifter" else sum(maanedlige) / 12
        assert r["vaerdi"] == pytest.approx(forventet, rel=1e-12), r
    # Årets udgifter i alt er summen af ydelserne, og forskellen er regimets minus gældende rets.
    i_alt = aaret.hoved("udgifter", REGIME)
    ydelser = [r["vaerdi"] for r in aaret.raekker if (r["maal"], r["regime"]) == ("udgifter", REGIME)]
    assert i_alt["vaerdi"] == pytest.approx(sum(ydelser), rel=1e-12)
    grund = aaret.hoved("udgifter", GAELDENDE_RET)["vaerdi"]
    assert i_alt["forskel"] == pytest.approx(i_alt["vaerdi"] - grund, rel=1e-9)


def test_traekningerne_er_seedenes_gennemsnit():
    """To trækninger er gennemsnittet af kørslerne med seed 7 og seed 8."""
    to = effekt([REGIME], "2026-03", 400, seed=7, traekninger=2, arbejdere=1)
    hver = [effekt([REGIME], "2026-03", 400, seed=s, arbejdere=1) for s in (7, 8)]
    r = to.raekke("udgifter", "Sygedagpenge", REGIME)
    enkelt = [h.vaerdi("udgifter", "Sygedagpenge", REGIME) for h in hver]
    assert r["vaerdi"] == pytest.approx(sum(enkelt) / 2, rel=1e-12)
    assert r["nedre"] < r["vaerdi"] < r["oevre"]
    # Forskellen fra gældende ret regnes parvis i hver trækning: dens interval og mærket "usikker"
    # er dem for de to kørslers forskelle (gennemsnit ± 12,706 · s / √2).
    forskelle = numpy.array(
        [
            h.vaerdi("udgifter", "Sygedagpenge", REGIME) - h.vaerdi("udgifter", "Sygedagpenge", GAELDENDE_RET)
            for h in hver
        ]
    )
    nedre, oevre = interval(forskelle)
    assert to.traekninger == 2
    assert (r["forskel_nedre"], r["forskel_oevre"]) == pytest.approx((nedre, oevre), rel=1e-9)
    assert r["usikker"] is (nedre <= 0 <= oevre and bool(forskelle.any()))


def test_intervallet_bliver_smallere_med_flere_personer():
    """16 gange så mange personer: intervallet bør være omkring 4 gange smallere (1/√n); mindst 2."""

    def bredde(personer):
        r = effekt([GAELDENDE_RET], "2026-03", personer, seed=0, traekninger=5, arbejdere=1)
        h = r.hoved("udgifter", GAELDENDE_RET)
        return h["oevre"] - h["nedre"]

    smal, bred = bredde(6_400), bredde(400)
    assert 0 < smal < bred / 2, (smal, bred)


def test_faerre_personer_end_bidder_giver_de_samme_tal():
    """1 person i 2 bidder (standard med 2 kerner): den tomme bid tæller 0, og tallene er dem for 1 bid."""
    en = effekt([REGIME], "2026-03", 1, seed=2, arbejdere=1, bidder=1)
    to = effekt([REGIME], "2026-03", 1, seed=2, arbejdere=1, bidder=2)
    assert to.raekker == en.raekker and to.hovedtal == en.hovedtal


def test_t_kvantilen_og_intervallet_kan_regnes_i_haanden():
    # Tabelværdier for t-fordelingen, 97,5 %-kvantilen: 1 frihedsgrad 12,706; 2: 4,303; 4: 2,776.
    assert t_kvantil(0.975, 1) == pytest.approx(12.706, abs=1e-3)
    assert t_kvantil(0.975, 2) == pytest.approx(4.303, abs=1e-3)
    assert t_kvantil(0.975, 4) == pytest.approx(2.776, abs=1e-3)
    # 1, 2, 3: gennemsnit 2, s = 1, halv bredde 4,303 × 1 / √3 = 2,484.
    nedre, oevre = interval(numpy.array([1.0, 2.0, 3.0]))
    assert (nedre, oevre) == pytest.approx((2 - 2.4843, 2 + 2.4843), abs=1e-3)
    assert interval(numpy.array([5.0])) == (None, None)


def test_en_forskel_der_daekker_nul_er_usikker():
    forskel = numpy.array([-1.0, 1.0, 0.5])
    assert daekker_nul(forskel, *interval(forskel)) is True
    sikker = numpy.array([9.0, 10.0, 11.0])  # 10 ± 4,303/√3 = 7,5 til 12,5
    assert daekker_nul(sikker, *interval(sikker)) is False
    ingen = numpy.zeros(3)
    assert daekker_nul(ingen, *interval(ingen)) is False  # ingen forskel i nogen trækning
    assert daekker_nul(numpy.array([3.0]), None, None) is None


def test_tal_afrundes_og_skrives_paa_dansk():
    assert dansk_tal(1_012_538_048) == "1.012.538.048"
    assert dansk_tal(1012.54, 1) == "1.012,5"
    assert dansk_tal(-0.04, 1) == "0,0"
    assert dansk_tal(-1234.56, 1) == "-1.234,6"
    # Kroner vises i mio. kr. med én decimal, personer som hele tal.
    assert vist("udgifter", 1_012_538_048) == "1.012,5"
    assert vist("jobafklaring", 44_025.25) == "44.025"
    assert vist("udgifter", None) == "—"
    tal = {"vaerdi": 2e6, "nedre": 1.5e6, "oevre": 2.5e6, "forskel": -1e5}
    tal |= {"forskel_nedre": -3e5, "forskel_oevre": 1e5, "usikker": True}
    assert med_interval("udgifter", tal) == "2,0 (1,5 til 2,5)"
    assert med_interval("udgifter", tal, "forskel").startswith("-0,1 (-0,3 til 0,1) (usikker")


def _resultat(maaneder=12) -> Resultat:
    """Et resultat med kendte tal: gældende ret bruger 10.000 mio. kr.; regimet 9.900 mio. kr."""
    resultat = Resultat("2030", 100, 1.0, [GAELDENDE_RET, REGIME, "tidsgraense_sygedagpenge"])
    resultat.maaneder = [f"2030-{m:02d}" for m in range(1, maaneder + 1)]
    ingen = {"nedre": None, "oevre": None, "forskel_nedre": None, "forskel_oevre": None, "usikker": None}
    resultat.hovedtal = [
        {"maal": "udgifter", "regime": GAELDENDE_RET, "vaerdi": 10e9, "forskel": 0.0, "uden": [], **ingen},
        {"maal": "udgifter", "regime": REGIME, "vaerdi": 9.9e9, "forskel": -100e6, "uden": [], **ingen},
        {
            "maal": "udgifter",
            "regime": "tidsgraense_sygedagpenge",
            "vaerdi": 10.05e9,
            "forskel": 50e6,
            "uden": [],
            **ingen,
        },
    ]
    return resultat


def test_maallinjen_bruger_maalet_fra_datafilen():
    maal = besparelsesmaal()
    assert maal.beloeb == 3e9 and maal.aar == 2030
    assert maal.kilde.fil == "000_991c7bef0c1547ec.txt"
    # Regimet sparer 100 mio. kr. af 3.000 mio. kr.: 3,33 %; tidsgrænsen koster 50 mio. kr.: -1,67 %.
    linjer = {linje["regime"]: linje for linje in maallinje(_resultat())}
    assert linjer[REGIME]["besparelse"] == pytest.approx(100e6)
    assert linjer[REGIME]["andel_af_maalet"] == pytest.approx(100 / 3000)
    assert linjer["tidsgraense_sygedagpenge"]["andel_af_maalet"] == pytest.approx(-50 / 3000)
    assert GAELDENDE_RET not in linjer


def test_maallinjen_foelger_parameteren_og_periodens_laengde():
    """Et andet mål (1.200 mio. kr. om året) og 6 måneder: målet for perioden er 600 mio. kr."""
    andet = Besparelsesmaal("et andet mål", 1.2e9, 2030, Kilde("000_991c7bef0c1547ec.txt", "x"), "c", "o")
    linjer = {linje["regime"]: linje for linje in maallinje(_resultat(maaneder=6), andet)}
    assert linjer[REGIME]["maal_i_perioden"] == pytest.approx(600e6)
    assert linjer[REGIME]["andel_af_maalet"] == pytest.approx(100 / 600)


def test_maallinjens_tekst_naevner_det_givne_maal():
    """Et andet mål (1.200 mio. kr. om året i 2029): teksten nævner det, ikke datafilens 3.000 mio. kr.
    Regimet sparer 100 mio. kr. af 1.200 mio. kr. for 12 måneder: 8,3 %."""
    andet = Besparelsesmaal("et andet mål", 1.2e9, 2029, Kilde("000_991c7bef0c1547ec.txt", "x"), "c", "o")
    resultat = _resultat()
    linje = next(linje for linje in maallinje(resultat, andet) if linje["regime"] == REGIME)
    tekst = effektmodul.maallinjens_tekst(resultat, linje)
    assert "8,3 % af målet for perioden (1.200,0 mio. kr.; 1.200,0 mio. kr. om året i 2029)" in tekst, tekst
    assert "3.000,0" not in tekst


def test_maallinjens_tekst_viser_intervallet_som_tabellerne():
    """Et interval, der afrundet er ét tal (en forskel, der er 0 i hver trækning), vises ikke, som i
    ``med_interval``; et rigtigt interval står fra det laveste til det højeste."""
    resultat = _resultat()
    linje = {"regime": REGIME, "art": "reform", "besparelse": 0.0, "usikker": False, "uden": []}
    linje |= {
        "besparelse_nedre": 0.0,
        "besparelse_oevre": 0.0,
        "maal_i_perioden": 3e9,
        "andel_af_maalet": 0.0,
        "maal_beloeb": 3e9,
        "maal_aar": 2030,
    }
    tekst = effektmodul.maallinjens_tekst(resultat, linje)
    assert tekst.startswith("sparer 0,0 mio. kr. i 2030") and "til" not in tekst.split("mod")[0], tekst
    # Koster 50 mio. kr. (besparelse -50), interval -20 til 120 mio. kr. i omkostning.
    linje |= {"besparelse": -50e6, "besparelse_nedre": -120e6, "besparelse_oevre": 20e6}
    tekst = effektmodul.maallinjens_tekst(resultat, linje)
    assert tekst.startswith("koster 50,0 (-20,0 til 120,0) mio. kr."), tekst


def test_maalets_beloeb_staar_kun_i_datafilen():
    kilde = (effektmodul.__file__).replace(".pyc", ".py")
    tekst = open(kilde, encoding="utf-8").read()
    assert not re.search(r"3[_.]?000[_.]?000[_.]?000|3e9", tekst)


def test_diagrammet_skrives_med_soejlerne_sorteret(tmp_path):
    pytest.importorskip("matplotlib", reason="diagrammerne kræver ekstraen docs (matplotlib)")
    billeder = effektmodul.grafer(_resultat())
    assert billeder["udgifter.png"].startswith(b"\x89PNG")
    svg = billeder["udgifter.svg"].decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    # Størst fald først: regimet (-100 mio. kr.) før tidsgrænsen (+50 mio. kr.).
    soejler = effektmodul.diagramtal(_resultat(), "udgifter")
    assert [s["regime"] for s in soejler] == [REGIME, "tidsgraense_sygedagpenge"]
    assert [s["vaerdi"] for s in soejler] == [-100e6, 50e6]
    # Kun mål med tal: diagrammet for udgifterne, ingen signaturforklaring (matplotlib's "legend").
    assert set(billeder) == {"udgifter.png", "udgifter.svg"}
    assert 'id="legend' not in svg


def test_hovedtallene_er_de_maal_aaret_opgoer():
    assert set(HOVEDTAL) == {
        "udgifter",
        "obligatoriske_samtaler",
        "laegeattester",
        "rehabiliteringsteam",
        "jobafklaring",
        "personer_med_aendring",
        "arbejdssteder_over_graensen",
    }


EFFEKT = ["effekt", "--regimer", GAELDENDE_RET, "--personer", "10"]


@pytest.mark.parametrize(
    ("args", "felt", "tekst"),
    [
        (["--periode", "2026-03", "--traekninger", "0"], "--traekninger", f"1 til {MAKS_TRAEKNINGER}"),
        (["--periode", "2026-03", "--traekninger", "51"], "--traekninger", "51"),
        (["--aar", "2019"], "--aar", "2019"),
        (["--aar", "2031"], "--aar", "2030"),
        (["--aar", "2027", "--periode", "2027-01"], "--periode, --aar:", "netop ét af"),
        # Fejlen nævner de givne valg, ikke --periode, som ikke er givet.
        (["--aar", "2027", "--maaneder", "2027-01:2027-03"], "--maaneder, --aar:", "netop ét af"),
        ([], "--periode:", "netop ét af"),
    ],
)
def test_traekninger_og_aar_afvises_med_en_linje(args, felt, tekst):
    resultat = _koer(*EFFEKT, *args)
    assert resultat.returncode == 2, resultat.stderr
    assert len(resultat.stderr.strip().splitlines()) == 1, resultat.stderr
    assert felt in resultat.stderr and tekst in resultat.stderr, resultat.stderr


def _sammenfatningen(resultat) -> str:
    from rich.console import Console, Group

    konsol = Console(width=200, file=io.StringIO(), record=True)
    konsol.print(Group(*cli._sammenfatning(resultat)))
    return konsol.export_text()


def test_sammenfatningens_kolonne_usikker_har_en_overskrift_og_kun_naar_noget_er_usikkert():
    resultat = _resultat()
    assert "Usikker" not in _sammenfatningen(resultat)  # én trækning: intet er usikkert
    for h in resultat.hovedtal[1:]:
        h |= {"forskel_nedre": h["forskel"] - 1e8, "forskel_oevre": h["forskel"] + 1e8}
    resultat.hovedtal[1]["usikker"], resultat.hovedtal[2]["usikker"] = True, False
    tekst = _sammenfatningen(resultat)
    overskrift = next(linje for linje in tekst.splitlines() if "Forskel fra gældende ret" in linje)
    assert overskrift.split("┃")[4].strip() == "Usikker", overskrift
    raekke = next(linje for linje in tekst.splitlines() if linje.startswith(f"│ {REGIME} "))
    assert raekke.split("│")[4].strip() == "ja", raekke


def test_aar_efter_de_offentliggjorte_satser_fremskrives_og_siger_det():
    # I testens proces: fremskrivningen, ikke processerne, er det, der testes (test_effekt_motor.py).
    resultat = _koer(*EFFEKT, "--aar", "2027", "--traekninger", "1", "--arbejdere", "1", "--format", "json")
    assert resultat.returncode == 0, resultat.stderr
    data = json.loads(resultat.stdout)
    assert data["periode"] == "2027" and len(data["maaneder"]) == 12
    assert data["fremskrivning"] is True and "2027" in data["fremskrivning_grund"]
    assert data["usikkerhed"]["traekninger"] == 1
    aar_2026 = ["--personer", "10", "--aar", "2026", "--traekninger", "2", "--arbejdere", "1"]
    tabel = _koer("effekt", "--regimer", REGIME, *aar_2026)
    assert tabel.returncode == 0, tabel.stderr
    assert "Fremskrivning" not in tabel.stdout  # 2026 har offentliggjorte satser
    assert "Mållinjen" in tabel.stdout and "2 trækninger" in tabel.stdout
