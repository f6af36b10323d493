"""`dk-beskaeftigelse test`: YAML-tests indlæst sikkert, kontrolleret før kørslen (én linje per
problem, exitkode 2) og kørt med OpenFiscas egen runner (samme dom som `openfisca test`)."""

import pytest
from hjaelpere import REPO, koer
from openfisca_core.tools import test_runner

from openfisca_dk_beskaeftigelse import cli
from openfisca_dk_beskaeftigelse.regimer import gaeldende_ret

METTE = "  input:\n    foedselsdato: 1984-05-10\n"
# Mette er født 10.5.1984: 41 år i marts 2026 (fødselsdagen er først i maj).
BESTAAR = f"- name: alder\n  period: 2026-03\n{METTE}  output:\n    alder: 41\n"
FEJLER = f"- name: forkert alder\n  period: 2026-03\n{METTE}  output:\n    alder: 40\n"


def _test(capsys, tmp_path, indhold: str, *args) -> tuple[int, str, str]:
    fil = tmp_path / "sag.yaml"
    fil.write_text(indhold, encoding="utf-8")
    kode = cli.main(["test", str(fil), *args])
    ud = capsys.readouterr()
    return kode, ud.out, ud.err


def _problemer(capsys, tmp_path, indhold: str) -> list[str]:
    kode, out, err = _test(capsys, tmp_path, indhold)
    assert kode == 2, out + err
    assert out == ""
    linjer = err.splitlines()
    assert all(linje.startswith(f"fejl: {tmp_path / 'sag.yaml'}: ") for linje in linjer), err
    return linjer


def test_et_python_maerke_afvises_og_udfoeres_ikke(capsys, tmp_path):
    spor = tmp_path / "udfoert"
    indhold = f"- name: ondt\n  period: 2026-03\n  input: !!python/object/apply:os.system ['touch {spor}']\n"
    (linje,) = _problemer(capsys, tmp_path, indhold)
    assert "linje 3: mærket '!!python/object/apply:os.system' er ikke tilladt" in linje
    assert not spor.exists()


def test_stavefejl_i_variabler_naevner_de_naermeste_navne(capsys, tmp_path):
    indhold = (
        "- name: stavefejl\n  period: 2026-03\n  input:\n    foedselsdag: 1984-05-10\n"
        "  output:\n    maalgrupe: forsikret_ledig\n"
    )
    fil = tmp_path / "sag.yaml"
    assert _problemer(capsys, tmp_path, indhold) == [
        f"fejl: {fil}: stavefejl: input/foedselsdag: ukendt variabel; mente du foedselsdato?",
        f"fejl: {fil}: stavefejl: output/maalgrupe: ukendt variabel; mente du maalgruppe "
        "eller maalgruppe_lab_6 eller regelgruppe?",
    ]


def test_en_forkert_enum_vaerdi_naevner_variablen_og_de_gyldige(capsys, tmp_path):
    indhold = (
        f"- name: ydelse\n  period: 2026-03\n{METTE}    ydelse: kontanthjælp\n  output:\n    alder: 41\n"
    )
    (linje,) = _problemer(capsys, tmp_path, indhold)
    assert "input/ydelse: 'kontanthjælp' er ikke en værdi for ydelse; mente du kontanthjaelp?" in linje
    assert "Gyldige: ingen (Ingen offentlig forsørgelsesydelse), arbejdsloeshedsdagpenge" in linje


@pytest.mark.parametrize(
    ("reform", "i_beskeden"),
    [
        (
            "faerre_maalgrupper",
            "er en regimenøgle, ikke en reformsti; skriv "
            "openfisca_dk_beskaeftigelse.reforms.faerre_maalgrupper.FaerreMaalgrupper",
        ),
        (
            "kl_og_6_byerne_2024",
            "er en forslagspakke, ikke en reform; skriv pakkens reformer i rækkefølge: "
            "openfisca_dk_beskaeftigelse.reforms.faerre_maalgrupper.FaerreMaalgrupper, ",
        ),
        (
            "openfisca_dk_beskaeftigelse.reforms.faerre_maalgrupper.FaerreMaalgruper",
            "mente du openfisca_dk_beskaeftigelse.reforms.faerre_maalgrupper.FaerreMaalgrupper?",
        ),
        (
            "os.system",
            "Reformerne (registrets nøgler, se dk-beskaeftigelse regimer): a_kassen_foerste_periode, ",
        ),
        (
            "openfisca_dk_beskaeftigelse.reforms.tidsgraense_sygedagpenge.TidsgraenseSygedagpenge, "
            "openfisca_dk_beskaeftigelse.reforms.beskaeftigelsesreform_2027.Beskaeftigelsesreform2027",
            "alternativer til hinanden",
        ),
    ],
)
def test_en_reformsti_der_ikke_er_en_reform(capsys, tmp_path, reform, i_beskeden):
    indhold = f"- name: reform\n  period: 2026-03\n  reforms: [{reform}]\n{METTE}  output:\n    alder: 41\n"
    (linje,) = _problemer(capsys, tmp_path, indhold)
    assert ": reform: reforms: " in linje and i_beskeden in linje, linje


def test_en_periode_foer_modellen_er_et_problem_men_input_for_den_er_tilladt(capsys, tmp_path):
    # Født 10.5.1984: 35 år i december 2019.
    tilfaelde = f"- name: 2019\n  period: 2019-12\n{METTE}  output:\n    alder: 35\n"
    (linje,) = _problemer(capsys, tmp_path, tilfaelde)
    assert linje.endswith(": 2019: period: 2019-12 ligger før modellens første måned, 2020-01")
    output = "  output:\n    alder:\n      2020-01: 35\n      2019-12: 35\n"
    (linje,) = _problemer(capsys, tmp_path, f"- name: 2019\n  period: 2020-01\n{METTE}{output}")
    assert ": 2019: output/alder/2019-12: 2019-12 ligger før" in linje
    # Et input for 2019 (fx timer, som en regel læser bagud) er tilladt.
    indhold = BESTAAR.replace("  output", "    maanedsloen: {2019-12: 30000}\n  output")
    kode, out, _ = _test(capsys, tmp_path, indhold)
    assert kode == 0 and "1 bestået, 0 fejlet" in out


def test_en_periode_efter_modellens_sidste_maaned_er_et_problem(capsys, tmp_path):
    # 9999-12 regnede før alder til 8015 år; en periode efter 2100-12 er som inddatas uden for modellen.
    (linje,) = _problemer(capsys, tmp_path, BESTAAR.replace("2026-03", "9999-12"))
    assert linje.endswith(": alder: period: 9999-12 ligger efter modellens sidste måned, 2100-12")


@pytest.mark.parametrize(
    ("indhold", "besked"),
    [
        # Tilfælde, der ikke er objekter: én linje per tilfælde, ikke et AttributeError-traceback.
        ("42\n", "tilfælde nr. 1: et tilfælde skal være et objekt"),
        (f"- 1\n{BESTAAR}", "tilfælde nr. 1: et tilfælde skal være et objekt"),
        # En tom liste: intet at køre, og ikke "--name-filter: 'None' passer på intet".
        ("[]\n", "listen har ingen tilfælde"),
        # En liste som nøgle: ikke et TypeError-traceback.
        ("- name: a\n  ? [x]\n  : 1\n", "linje 2: en nøgle skal være en tekst eller et tal"),
    ],
)
def test_en_fil_uden_brugbare_tilfaelde_giver_en_linje(capsys, tmp_path, indhold, besked):
    linjer = _problemer(capsys, tmp_path, indhold)
    assert any(besked in linje for linje in linjer), linjer
    assert "name-filter" not in "".join(linjer)


def _med(felter: str) -> str:
    """BESTAAR med flere felter i tilfældet (før input)."""
    return BESTAAR.replace("  input:", f"{felter}  input:")


@pytest.mark.parametrize(
    ("indhold", "besked"),
    [
        # Før gav hvert af dem et pytest-traceback (20-800 linjer) og exitkode 1.
        (
            _med('  absolute_error_margin: "x"\n'),
            "absolute_error_margin: skal være et tal, der ikke er negativt",
        ),
        (
            _med('  relative_error_margin: "x"\n'),
            "relative_error_margin: skal være et tal, der ikke er negativt",
        ),
        # En negativ margen fik en rigtig værdi til at fejle.
        (
            _med("  absolute_error_margin: -1\n"),
            "absolute_error_margin: skal være et tal, der ikke er negativt",
        ),
        (
            _med("  absolute_error_margin: {aldr: 0.1, default: 0}\n"),
            "absolute_error_margin/aldr: ukendt variabel",
        ),
        (_med("  absolute_error_margin: {alder: '0.1'}\n"), "absolute_error_margin/alder: skal være et tal"),
        # Uden default slår OpenFisca margenen for alder op under default: KeyError.
        (
            _med("  absolute_error_margin: {foedselsdato: 0.1}\n"),
            "absolute_error_margin: har ingen margen for alder i output og ingen default",
        ),
        (_med('  max_spiral_loops: "x"\n'), "max_spiral_loops: skal være et helt tal, der ikke er negativt"),
        # Før: TypeError for {a: 1}; et rigtigt træ gav ParameterNotFoundError med 1.000 linjers stak.
        (_med("  parameters: {a: 1}\n"), "parameters: erstatter hele modellens parametertræ"),
        (
            _med("  parameters: {sygedagpenge: {arbejdsgiverperiode: {dage: {2020-01-01: 20}}}}\n"),
            "parameters: erstatter hele modellens parametertræ i OpenFiscas runner",
        ),
        (
            BESTAAR.replace("2026-03", "ETERNITY"),
            "period: ETERNITY er ikke én måned, men alder i output har ingen periode",
        ),
        (
            BESTAAR.replace("alder: 41", "alder: {month:2026-01:9999999: 41}"),
            "output/alder/month:2026-01:9999999: month:2026-01:9999999 slutter efter modellens sidste "
            "måned, 2100-12",
        ),
        (
            BESTAAR.replace("alder: 41", "alder: {month:2026-01:3: 41}"),
            "output/alder/month:2026-01:3: alder beregnes for én måned ad gangen, ikke for month:2026-01:3",
        ),
        # Et input efter 2100-12 gav "year 10000 is out of range".
        (
            BESTAAR.replace("  output", "    maanedsloen: {9999-12: 1}\n  output"),
            "input/maanedsloen/9999-12: 9999-12 ligger efter modellens sidste måned, 2100-12",
        ),
    ],
    ids=[
        "margen-tekst",
        "relativ-margen-tekst",
        "negativ-margen",
        "margen-ukendt-variabel",
        "margen-per-variabel-tekst",
        "margen-uden-default",
        "spiralgraense-tekst",
        "parameter-tal",
        "parameter-rigtigt-trae",
        "period-eternity",
        "output-periode-efter-2100",
        "output-flere-maaneder",
        "input-efter-2100",
    ],
)
def test_marginer_spiralgraense_parametre_og_perioder_kontrolleres(capsys, tmp_path, indhold, besked):
    (linje,) = _problemer(capsys, tmp_path, indhold)
    assert f": alder: {besked}" in linje, linje


@pytest.mark.parametrize(
    "indhold",
    [
        # De former, OpenFiscas runner kan bruge (test_runner.build_test og ErrorMargin).
        _med('  absolute_error_margin: "0.5"\n'),
        _med("  absolute_error_margin: null\n  relative_error_margin: 0\n"),
        _med("  absolute_error_margin: {alder: 0.1}\n"),
        _med("  absolute_error_margin: {default: 0.1, alder: null}\n"),
        _med("  max_spiral_loops: 0\n"),
        _med("  max_spiral_loops: 3\n"),
        _med("  parameters: {}\n"),
        # ETERNITY og et år, når hver værdi i output har sin måned.
        BESTAAR.replace("2026-03", "ETERNITY").replace("alder: 41", "alder: {2026-03: 41}"),
        BESTAAR.replace("2026-03", "2026").replace("alder: 41", "alder: {2026-03: 41}"),
        BESTAAR.replace("2026-03", "2100-12").replace("alder: 41", "alder: 116"),
    ],
    ids=[
        "margen-tekst-tal",
        "margen-null-og-0",
        "margen-per-variabel",
        "margen-default",
        "spiralgraense-0",
        "spiralgraense-3",
        "parametre-tomme",
        "eternity-med-perioder",
        "aar-med-perioder",
        "2100-12",
    ],
)
def test_gyldige_marginer_og_perioder_bestaar(capsys, tmp_path, indhold):
    kode, out, err = _test(capsys, tmp_path, indhold)
    assert kode == 0 and "1 bestået, 0 fejlet" in out, out + err


def test_noegler_id_er_roller_og_typer_kontrolleres(capsys, tmp_path):
    indhold = (
        "- name: arbejdssted\n  period: 2026-03\n  ouput: {}\n  input:\n"
        "    virksomheder:\n      v: {ansatte: [mette, ole], alder: 3}\n"
        "    personer:\n      mette: {foedselsdato: 1984-05-10, er_ledig: 'false'}\n"
        "- name: uden output\n  period: marts\n  input: {}\n"
    )
    felter = [linje.split(": ")[2:4] for linje in _problemer(capsys, tmp_path, indhold)]
    assert felter == [
        ["arbejdssted", "ouput"],
        ["arbejdssted", "output"],
        ["arbejdssted", "input/virksomheder/v/ansatte"],
        ["arbejdssted", "input/virksomheder/v/alder"],
        ["arbejdssted", "input/personer/mette/er_ledig"],
        ["uden output", "output"],
        ["uden output", "period"],
    ]


def test_et_bestaaet_og_et_fejlet_tilfaelde_med_openfiscas_besked(capsys, tmp_path):
    kode, out, err = _test(capsys, tmp_path, BESTAAR + FEJLER)
    assert kode == 1 and err == ""
    assert (
        "  Test 'forkert alder':\n    alder@2026-03: [41.] differs from 40.0 with an absolute margin" in out
    )
    assert out.rstrip().endswith("2 tilfælde i 1 fil: 1 bestået, 1 fejlet")


def test_samme_dom_som_openfisca_test(capsys, tmp_path):
    for indhold, dom in ((BESTAAR, 0), (BESTAAR + FEJLER, 1)):
        fil = tmp_path / "sag.yaml"
        fil.write_text(indhold, encoding="utf-8")
        options = {"name_filter": None, "verbose": False}
        openfisca = test_runner.run_tests(gaeldende_ret(), [str(fil), "-p", "no:cacheprovider"], options)
        vores = cli.main(["test", str(fil)])
        assert (int(openfisca), vores) == (dom, dom)
    capsys.readouterr()


def test_et_hul_i_kilderne_giver_en_linje_ikke_et_traceback(capsys, tmp_path):
    # Kilderne dækker ikke kontanthjælpens sats for hjemmeboende under 30 år fra 1.7.2025 (value: null).
    indhold = (
        "- name: hul\n  period: 2026-03\n  input:\n    foedselsdato: 2004-01-01\n    ydelse: kontanthjaelp\n"
        "    er_hjemmeboende: true\n    er_ledig: true\n    beskaeftigelse: ledig\n"
        "    parathed: jobparat\n    ledighed_startdato: 2026-01-01\n"
        "  output:\n    kontanthjaelp_maanedsbeloeb: 0\n"
    )
    kode, out, _ = _test(capsys, tmp_path, indhold)
    assert kode == 1
    assert "    Parameteren 'aktivloven.kontanthjaelp.ny_ordning.hjemmeboende_sats' har ingen værdi" in out
    assert "Traceback" not in out and len(out.strip().splitlines()) == 5, out


def test_verbose_viser_sporet_og_navnefilteret_vaelger(capsys, tmp_path):
    kode, out, _ = _test(capsys, tmp_path, BESTAAR + FEJLER, "-v", "-n", "forkert")
    assert kode == 1
    assert "forkert alder\n  alder<2026-03> >> [41]\n    foedselsdato<2026-03> >> ['1984-05-10']" in out
    assert "1 tilfælde i 1 fil: 0 bestået, 1 fejlet" in out
    kode, _, err = _test(capsys, tmp_path, BESTAAR, "--name-filter", "findes_ikke")
    assert kode == 2 and err.startswith("fejl: --name-filter: 'findes_ikke' passer på intet tilfælde")


def test_mapper_og_filer_der_ikke_er_yaml(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "sag.yml").write_text(BESTAAR, encoding="utf-8")
    (tmp_path / "a" / ".skjult").mkdir()
    (tmp_path / "a" / ".skjult" / "ikke.yaml").write_text("ikke en test", encoding="utf-8")
    assert cli.main(["test", str(tmp_path / "a")]) == 0
    assert "1 tilfælde i 1 fil: 1 bestået" in capsys.readouterr().out
    (tmp_path / "noter.txt").write_text("")
    (tmp_path / "tom").mkdir()
    for sti, besked in [
        (tmp_path / "noter.txt", "er ikke en YAML-fil"),
        (tmp_path / "findes_ikke.yaml", "findes ikke"),
        (tmp_path / "tom", "indeholder ingen YAML-filer"),
    ]:
        assert cli.main(["test", str(sti)]) == 2
        assert besked in capsys.readouterr().err


def test_et_input_for_et_helt_aar_kraever_at_variablen_kan_fordele_det(capsys, tmp_path):
    # `sygemeldt` har ingen set_input: OpenFisca ville give et traceback (PeriodMismatchError).
    indhold = (
        f'- name: aar\n  period: 2026-03\n{METTE}    sygemeldt: {{"2026": true}}\n  output:\n    alder: 41\n'
    )
    (linje,) = _problemer(capsys, tmp_path, indhold)
    assert linje.endswith(
        "input/sygemeldt/2026: sygemeldt kan kun angives for én måned ad gangen, ikke for 2026"
    )
    # `maanedsloen` fordeles på årets måneder (set_input), så et helt år er tilladt.
    kode, _, _ = _test(capsys, tmp_path, indhold.replace("sygemeldt", "maanedsloen").replace("true", "30000"))
    assert kode == 0


def test_pakkens_yaml_tests_bestaar():
    """``make test``s YAML-trin, som én test, så pytest-xdist kører den ved siden af de andre: hver
    YAML-test i tests/ og examples/reformer/tests/ består med ``dk-beskaeftigelse test`` (som
    ``make test-yaml``)."""
    resultat = koer("test", REPO / "tests", REPO / "examples" / "reformer" / "tests")
    assert resultat.returncode == 0, resultat.stdout[-4000:] + resultat.stderr[-2000:]
    assert ", 0 fejlet" in resultat.stdout.splitlines()[-1]


TO_PERSONER = (
    "- name: to\n  period: 2026-03\n  input:\n    personer:\n"
    "      anne:\n        foedselsdato: 1980-01-01\n{anne}"
    "      bo:\n        foedselsdato: 1970-01-01\n{bo}"
    "  output:\n    alder: [46, 56]\n"
)


def _to(anne: str = "", bo: str = "") -> str:
    return TO_PERSONER.format(anne=anne, bo=bo)


def test_perioder_som_openfiscas_runner_blander_er_et_problem(capsys, tmp_path):
    # OpenFiscas runner gemmer Annes værdi under "2026-03" og Bos under den skrevne form: Anne får 0.
    indhold = _to('        timeloen: {"2026-03": 100}\n', '        timeloen: {"month:2026-03": 200}\n')
    (linje,) = _problemer(capsys, tmp_path, indhold)
    assert "to: input/personer: timeloen: perioderne er skrevet, så OpenFiscas runner blander" in linje
    kode, _, _ = _test(capsys, tmp_path, indhold.replace("month:", ""))
    assert kode == 0


def test_en_vaerdi_uden_periode_ved_en_anden_form_hos_en_anden_person_er_et_problem(capsys, tmp_path):
    # Annes 100 uden periode står hos runneren under "2026-03", Bos under "month:2026-03": Anne får 0.
    indhold = _to("        timeloen: 100\n", '        timeloen: {"month:2026-03": 200}\n')
    (linje,) = _problemer(capsys, tmp_path, indhold)
    assert "to: input/personer: timeloen: perioderne er skrevet, så OpenFiscas runner blander" in linje
    # Uden periode hos begge, eller den samme form, blander runneren intet.
    for bo in ("        timeloen: 200\n", '        timeloen: {"2026-03": 200}\n'):
        kode, _, _ = _test(capsys, tmp_path, _to("        timeloen: 100\n", bo))
        assert kode == 0, bo


def test_en_liste_som_en_persons_inddata_er_et_problem(capsys, tmp_path):
    # OpenFiscas runner ville give et traceback ("setting an array element with a sequence").
    (linje,) = _problemer(capsys, tmp_path, _to(bo="        timeloen: [1, 2]\n"))
    assert linje.endswith("to: input/personer/bo/timeloen: forventede et tal, fik [1, 2]")


def test_en_beregnet_variabel_givet_for_kun_en_person_er_et_problem(capsys, tmp_path):
    # Runneren ville give Bo alderen 0; formlen giver 56 (født 1970, marts 2026).
    (linje,) = _problemer(capsys, tmp_path, _to(anne="        alder: 46\n"))
    assert "to: input/personer/bo/alder/2026-03: mangler: alder er givet for anne" in linje
    assert "standardværdien 0 i stedet for formlens 56" in linje
