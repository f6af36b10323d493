"""Kalibreringstabellen: den genererede befolkning svarer til datafilen inden for den tolerance,
datafilen selv angiver, række for række; en generator, der flytter sig, falder uden for."""

import copy
import csv
import io
import json
import math

import pytest
from hjaelpere import koer

from openfisca_dk_beskaeftigelse.kalibrering import EKSAKT, STIKPROEVE, Raekke, kalibrering, tabel, vis
from openfisca_dk_beskaeftigelse.population import GRUPPER, REFORMINPUT, byg_simulering, generer, indlaes_data
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system

# Stor nok til, at en flytning på et par procentpoint i en gruppes fordeling er over 4 standardfejl,
# og genereret på et sekund eller to.
PERSONER, SEED = 300_000, 5


@pytest.fixture(scope="module")
def data():
    return indlaes_data()


@pytest.fixture(scope="module")
def kalibreret(data):
    return kalibrering(PERSONER, SEED)


def _raekke(k, afsnit, raekke):
    (fundet,) = (r for r in k.raekker if (r.afsnit, r.raekke) == (afsnit, raekke))
    return fundet


def test_hver_raekke_er_inden_for_datafilens_tolerance(kalibreret):
    uden_for = [
        (r.afsnit, r.raekke, r.offentliggjort, r.genereret, r.tolerance)
        for r in kalibreret.raekker
        if not r.inden_for
    ]
    assert uden_for == []
    assert all(r.genereret is not None for r in kalibreret.raekker)


def test_tabellen_har_en_raekke_for_hvert_tal_i_datafilen(kalibreret, data):
    noegler = {(r.afsnit, r.raekke) for r in kalibreret.raekker}
    for g in data["grupper"]:
        assert ("grupper", g["noegle"]) in noegler
        for fra, til, _ in g["alder"]:
            assert ("alder", f"{g['noegle']}, {fra}-{til} år") in noegler
        # Varigheden gemmes kun for grupper med en ledigheds- eller ydelsesstart (kolonne 5 i GRUPPER).
        antal_varighed = sum(1 for a, r in noegler if a == "varighed" and r.startswith(f"{g['noegle']}, "))
        assert antal_varighed == (len(g["varighed_maaneder"]) if GRUPPER[g["noegle"]][5] else 0), g["noegle"]
    assert sum(1 for a, _ in noegler if a == "loen") == len(data["loen"]["kvantiler"])
    assert sum(1 for a, r in noegler if a == "virksomheder" and "ansatte" in r) == 1 + len(
        data["virksomheder"]["stoerrelse"]
    )
    assert sum(1 for a, _ in noegler if a == "reformernes_personer") == len(data["reformernes_personer"])
    for r in kalibreret.raekker:
        assert r.kilde == "antaget" or set(r.kilde.split(", ")) <= {*data["kilder"], "antaget"}, r
        assert r.tolerance_art in data["kalibrering"]["tolerancer"]


def test_kilde_aar_og_offentliggjort_tal_er_datafilens(kalibreret, data):
    sygedagpenge = _raekke(kalibreret, "grupper", "sygedagpenge")
    assert (sygedagpenge.kilde, sygedagpenge.aar, sygedagpenge.offentliggjort) == (
        "dst_nyt_auh_2023",
        "2023",
        76_700,
    )
    assert not sygedagpenge.antaget
    # Kontanthjælp i alt = jobparate 13.600 + aktivitetsparate 45.000 (begge antaget).
    kontanthjaelp = _raekke(kalibreret, "ydelse", "kontanthjaelp")
    assert kontanthjaelp.offentliggjort == 58_600 and kontanthjaelp.antaget
    dimittender = _raekke(kalibreret, "reformernes_personer", "Dimittender blandt dagpenge")
    assert (dimittender.kilde, dimittender.offentliggjort) == ("di_dimittender_2024", 0.20)
    # Virksomhedspraktik blandt de støttede: 10.800 / (10.800 + 2.900 + 1.500) = 0,7105.
    praktik = _raekke(kalibreret, "reformernes_personer", "I virksomhedspraktik, blandt de støttede")
    assert praktik.offentliggjort == pytest.approx(0.7105, abs=1e-4) and praktik.antaget


def test_tolerancen_er_fire_standardfejl_regnet_i_haanden(kalibreret):
    # Dagpenge: p = 68.000 / 3.845.000 = 0,017685; blandt N = 300.000 er standardfejlen på antallet
    # sqrt(0,017685 × 0,982315 × 300.000) = sqrt(5.211,6) = 72,19 syntetiske personer; 4 af dem gange
    # vægten 3.845.000 / 300.000 = 12,8167 giver 3.701 personer.
    assert _raekke(kalibreret, "grupper", "dagpenge").tolerance == pytest.approx(3_701, abs=1)
    # Lønmedianen: p = 0,5 blandt 300.000: 4 × sqrt(0,25 / 300.000) = 0,00365 (0,37 procentpoint).
    assert _raekke(kalibreret, "loen", "Månedsløn under 37.030 kr. (P50)").tolerance == pytest.approx(
        0.003651, abs=1e-6
    )
    # Et tal, der ikke trækkes, må kun afvige med afrundingen: én vægt.
    befolkning = _raekke(kalibreret, "befolkning", "Personer 16-66 år i alt")
    assert befolkning.tolerance_art == EKSAKT and befolkning.tolerance == pytest.approx(3_845_000 / 300_000)
    assert befolkning.afvigelse == pytest.approx(0, abs=1e-6)


def test_afvigelsen_er_befolkningens_tal_minus_det_offentliggjorte(kalibreret):
    for r in kalibreret.raekker:
        assert r.afvigelse == pytest.approx(r.genereret - r.offentliggjort)
        if r.offentliggjort:
            assert r.afvigelse_pct == pytest.approx(100 * r.afvigelse / r.offentliggjort)
        if r.tolerance_art == STIKPROEVE and r.enhed == "andel":
            p, n = r.offentliggjort, r.grundlag
            assert r.tolerance == pytest.approx(4 * math.sqrt(p * (1 - p) / n))


def _med(data, aendring):
    ny = copy.deepcopy(data)
    aendring(ny)
    return ny


@pytest.mark.parametrize(
    ("aendring", "raekke"),
    [
        # Dagpengemodtagernes to yngste aldersbånd byttet om (6 og 17 pct.): 11 procentpoint, mod en
        # tolerance på 4 × sqrt(0,06 × 0,94 / ca. 5.300) = 1,3 procentpoint.
        (
            lambda d: d["grupper"][0].update(
                alder=[[16, 24, 0.17], [25, 29, 0.06], [30, 49, 0.45], [50, 66, 0.32]]
            ),
            ("alder", "dagpenge, 16-24 år"),
        ),
        # 10 pct. flere sygedagpengemodtagere (7.670 personer) mod en tolerance på ca. 4.200.
        (lambda d: d["grupper"][5].update(antal=84_370), ("grupper", "sygedagpenge")),
        # Dimittendandelen 0,25 i stedet for 0,20 blandt ca. 5.300 dagpengemodtagere (tolerance 2,2 point).
        (
            lambda d: d["reformernes_personer"]["dimittend"].update(andel=0.25),
            ("reformernes_personer", "Dimittender blandt dagpenge"),
        ),
        # Lønnen 5 pct. højere: andelen under den offentliggjorte median falder med ca. 4 point.
        (
            lambda d: d["loen"].update(kvantiler=[[q, 1.05 * x] for q, x in d["loen"]["kvantiler"]]),
            ("loen", "Månedsløn under 37.030 kr. (P50)"),
        ),
        # Halvt så mange værtsarbejdssteder: 5.100 mod 10.200, hvor tolerancen er én vægt.
        (
            lambda d: d["virksomheder"].update(andel_med_stoettede=0.03),
            ("virksomheder", "Arbejdssteder med støttede (værtsarbejdssteder)"),
        ),
    ],
)
def test_en_generator_der_flytter_sig_falder_uden_for(data, aendring, raekke):
    # Befolkningen trækkes efter en ændret datafil (som en generator, der har flyttet sig), men
    # sammenlignes med den rigtige.
    system = byg_system(GAELDENDE_RET)
    flyttet = generer(
        PERSONER, f"{data['befolkning']['aar']}-01", system, seed=SEED, data=_med(data, aendring)
    )
    k = tabel(flyttet, data, SEED)
    assert (raekke[0], raekke[1]) in {(r.afsnit, r.raekke) for r in k.uden_for}


def test_fuldtiden_er_datafilens_i_befolkningen_og_tabellen(data):
    # Med fuldtid 40 timer og deltid 37 timer er 37 timer deltid: 27 pct. af lønmodtagerne, som i
    # datafilen; tabellen tæller deltid under datafilens fuldtid, ikke under et fast tal.
    anden = _med(
        data, lambda d: d["andele"]["deltid_ugentlig_arbejdstid"].update(timer_deltid=37, timer_fuldtid=40)
    )
    befolkning = generer(20_000, "2024-01", byg_system(GAELDENDE_RET), seed=SEED, data=anden)
    arbejdstid = befolkning.personer["ugentlig_arbejdstid"]
    assert arbejdstid.dtype.kind == "f" and set(arbejdstid) == {37.0, 40.0}
    deltid = _raekke(tabel(befolkning, anden, SEED), "andele", "Deltid (37 timer) blandt lønmodtagere")
    assert deltid.offentliggjort == 0.27 and deltid.inden_for, deltid


def test_tallene_vises_paa_dansk_uden_minus_nul():
    # En afvigelse på -0,001 procentpoint er 0,0 afrundet, som i effekt.dansk_tal; ikke "-0,0".
    r = Raekke("alder", "x", "antaget", "2023", "andel", 0.43, 0.4299999, 0.017, STIKPROEVE, 1000)
    assert vis(r, "afvigelse") == "0,0 pct.-point" and vis(r, "afvigelse_pct") == "0,0 %"
    antal = Raekke(
        "virksomheder", "y", "antaget", "2022", "arbejdssteder", 170_000, 169_949, 192, EKSAKT, 884
    )
    assert (vis(antal, "genereret"), vis(antal, "afvigelse")) == ("169.949", "-51")


def test_samme_seed_giver_samme_tabel(data):
    a, b, c = (kalibrering(20_000, seed) for seed in (3, 3, 4))
    assert [r.genereret for r in a.raekker] == [r.genereret for r in b.raekker]
    assert [r.genereret for r in a.raekker] != [r.genereret for r in c.raekker]


def test_en_gruppe_uden_syntetiske_personer_er_ikke_inden_for():
    # Med 200 personer er der forventet 0,08 på revalidering (1.500 / 3.845.000 × 200): ingen andel at måle.
    k = kalibrering(200, seed=1)
    tomme = [r for r in k.raekker if r.grundlag == 0]
    assert tomme and all(r.genereret is None and not r.inden_for for r in tomme)


def test_kommandoen_viser_tabellen_som_tekst_csv_og_json():
    resultat = koer("kalibrering", "--personer", 20_000, "--seed", 2)
    assert resultat.returncode == 0, resultat.stderr
    tekst = resultat.stdout
    assert tekst.startswith("Kalibrering 2024-01: 20.000 syntetiske personer (seed 2)")
    assert "Tolerance 'stikproeve' (4 standardfejl)" in tekst
    raekker = list(
        csv.DictReader(
            io.StringIO(koer("kalibrering", "--personer", 20_000, "--seed", 2, "--format", "csv").stdout)
        )
    )
    som_json = json.loads(koer("kalibrering", "--personer", 20_000, "--seed", 2, "--format", "json").stdout)
    assert len(raekker) == len(som_json["raekker"]) == len(kalibrering(20_000, 2).raekker)
    assert raekker[0]["raekke"] == som_json["raekker"][0]["raekke"] == "Personer 16-66 år i alt"
    assert som_json["kilder"]["di_dimittender_2024"]["aar"] == 2024


@pytest.mark.parametrize(
    ("argumenter", "felt"),
    [
        (("--personer", 0), "--personer"),
        (("--personer", 6_000_001), "--personer"),
        (("--seed", -1), "--seed"),
        (("--periode", "2019-12"), "--periode"),
        (("--periode", "marts"), "--periode"),
        (("--format", "xml"), "--format"),
    ],
)
def test_forkert_input_giver_en_linje_og_exitkode_2(argumenter, felt):
    resultat = koer("kalibrering", *argumenter)
    assert resultat.returncode == 2
    assert len(resultat.stderr.strip().splitlines()) == 1 and felt in resultat.stderr, resultat.stderr


def test_reformernes_input_findes_kun_i_deres_reform_og_naar_den(data):
    # Gældende ret kender ikke inputtene; reformen, de er skrevet under, gør, og dens simulering har dem.
    befolkning = generer(20_000, "2026-03", byg_system(GAELDENDE_RET), seed=1, data=data)
    grundlag = byg_simulering(byg_system(GAELDENDE_RET), befolkning)
    for navn, modul in REFORMINPUT.items():
        assert navn not in byg_system(GAELDENDE_RET).variables, navn
        simulering = byg_simulering(byg_system(modul), befolkning)
        assert (simulering.calculate(navn, "2026-03") == befolkning.personer[navn]).all(), navn
        assert befolkning.personer[navn].any(), navn
    assert (
        grundlag.calculate("er_dimittend", "2026-03").sum() == befolkning.personer["er_dimittend"].sum() > 0
    )


def test_reformernes_tal_uden_for_kilden_er_markeret_antaget(data):
    """Filens regel: et id står kun ved tal aflæst i kilden. Et tal ved siden af andelen i en post med
    et kilde-id (fx dimittendernes aldersgrænse) har sin egen ``_kilde``, og den er antaget eller et id."""
    for navn, post in data["reformernes_personer"].items():
        if post["kilde"] == "antaget":
            continue
        for felt, vaerdi in post.items():
            if felt in ("andel", "aar") or not isinstance(vaerdi, int | float):
                continue
            assert post.get(f"{felt}_kilde") in {*data["kilder"], "antaget"}, (navn, felt)


def test_en_note_der_gengiver_en_kilde_naevner_dens_id(data):
    """En kilde, en note lener sig op ad ("gengivet af", "gengiver"), står i ``kilder`` og nævnes med id."""
    noter = [
        v
        for post in data["reformernes_personer"].values()
        for felt, v in post.items()
        if felt.endswith("note") and isinstance(v, str)
    ]
    for note in noter:
        if "gengiv" in note:
            assert any(k in note for k in data["kilder"]), note
