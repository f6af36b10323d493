"""Arbejdsbordet i en rigtig browser: headless Chromium (Debians ``chromium``) via Playwright for Python.

Serveren kører i testens proces (werkzeug på en fri port på 127.0.0.1); browseren henter alt fra
den. Hvert trin sammenlignes med API'et selv (samme situation og regimer): siden skal vise det,
API'et siger, og markere de afvigelser, API'et nævner. En befolkning sammenlignes med serverens
egen beregning (``serverens_effekt``), som ``test_arbejdsbord.py`` holder op mod ``effekt.effekt``;
testen regner den ikke en gang til. Testene gemmer skærmbilleder i ``docs/skaermbilleder/``, som
dokumentationens side om arbejdsbordet viser.

Uden browser springes testene over med en besked om, hvordan den installeres; i CI (``CI`` sat)
fejler de i stedet, så en manglende browser aldrig skjules.
"""

import json
import os
import threading
from pathlib import Path

import pytest
from hjaelpere import CHROMIUM, CHROMIUM_ARGUMENTER
from werkzeug.serving import make_server
from werkzeug.test import Client

import openfisca_dk_beskaeftigelse as pakke
from openfisca_dk_beskaeftigelse import effekt
from openfisca_dk_beskaeftigelse.beregning import indlaes_situation, laes_yaml
from openfisca_dk_beskaeftigelse.forklaring import forklaring
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, alle_regimer
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, som_csv
from openfisca_dk_beskaeftigelse.webapp import lav_app

pytestmark = pytest.mark.ende_til_ende

BILLEDER = Path(__file__).resolve().parent.parent / "docs" / "skaermbilleder"
DOKUMENTATION = "https://eksempel.dk/docs/"
KARIN = indlaes_situation(pakke.EKSEMPELMAPPE / "sygemeldt_loenmodtager.yaml")
REGIMER = ["ingen_jobafklaring", "tidsgraense_sygedagpenge"]


def _mangler(hvorfor: str):
    if os.environ.get("CI"):
        pytest.fail(f"browsertestene kræver en browser i CI: {hvorfor}")
    pytest.skip(f"{hvorfor}; browsertestene springes over")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _mangler("Playwright for Python mangler (make install installerer den fra dev-ekstraen)")
    if not CHROMIUM.is_file():
        _mangler(f"{CHROMIUM} findes ikke; installer browseren med apt-get install chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTER)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app():
    return lav_app(dokumentation=DOKUMENTATION)


@pytest.fixture(scope="module")
def server(app):
    s = make_server("127.0.0.1", 0, app, threaded=True)
    traad = threading.Thread(target=s.serve_forever, daemon=True)
    traad.start()
    yield f"http://127.0.0.1:{s.server_port}"
    s.shutdown()
    traad.join(timeout=10)


@pytest.fixture
def serverens_effekt(monkeypatch):
    """Resultatet af hver befolkningsberegning, serveren laver (``effekt.effekt``), i en liste."""
    beregnet = []
    beregn = effekt.effekt

    def optag(*args, **kwargs):
        resultat = beregn(*args, **kwargs)
        beregnet.append(resultat)
        return resultat

    monkeypatch.setattr(effekt, "effekt", optag)
    return beregnet


@pytest.fixture
def i_processen(monkeypatch):
    """Serverens befolkning beregnes i dens egen proces (1 arbejder, 1 bid pr. måned): tallene er de
    samme for ethvert antal (test_effekt_motor.py), og processerne er ikke det, testen gælder."""
    monkeypatch.setattr(effekt, "antal_arbejdere", lambda: 1)


@pytest.fixture
def side(browser, server):
    kontekst = browser.new_context(
        locale="da-DK", viewport={"width": 1400, "height": 1000}, accept_downloads=True
    )
    s = kontekst.new_page()
    s.set_default_timeout(60_000)
    s.udefra = []
    s.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(server) or r.url.startswith(("blob:", "data:"))
            else s.udefra.append(r.url)
        ),
    )
    yield s
    kontekst.close()


@pytest.fixture(scope="module")
def modulside(browser, server):
    """Én åben side for testene, der kun kører sidens moduler (``import``), ikke bruger dens tilstand."""
    kontekst = browser.new_context(locale="da-DK")
    s = kontekst.new_page()
    s.set_default_timeout(60_000)
    _aabn(s, server, "#befolkning")
    yield s
    kontekst.close()


def _billede(side, navn: str) -> None:
    BILLEDER.mkdir(parents=True, exist_ok=True)
    side.screenshot(path=str(BILLEDER / f"{navn}.png"))


def _aabn(side, server, fragment: str = "") -> None:
    side.goto(f"{server}/{fragment}")
    side.wait_for_selector(f"body[data-klar={(fragment.lstrip('#').split('?')[0] or 'borger')}]")


def _api(app, sti: str, krop: dict):
    svar = Client(app).post(sti, data=json.dumps(krop), content_type="application/json")
    return svar.status_code, svar.json


def _beregningen(resultat: effekt.Resultat) -> tuple:
    """Det, serveren beregnede: regimer, måneder, personer, seed, trækninger og fremskrivning."""
    r = resultat
    return (r.regimer, r.maaneder, r.personer, r.seed, r.traekninger, r.fremskrivning)


def _markerede(side) -> set[tuple[str, str]]:
    return {
        (c.get_attribute("data-variabel"), c.get_attribute("data-regime"))
        for c in side.locator("#notat td.afviger").all()
    }


def _beregn_karin(side) -> None:
    side.select_option("#eksempel", "sygemeldt_loenmodtager")
    for noegle in REGIMER:
        side.check(f"#regimer-borger input[value={noegle}]")
    side.click("#beregn")
    side.wait_for_selector("#notat table")


def test_borger_forskel_forklaring_link_downloads_og_fejl_ved_feltet(side, server, app, browser):
    """Én beregning af Karin under to regimer, og alt, man gør med den: de markerede forskelle, et klik
    på en af dem (forskellen og hele sporet), linket og downloads og til sidst en forkert værdi."""
    _aabn(side, server)
    # Året, satserne kendes til, kommer fra serveren (som på Befolkning), ikke fra HTML'en.
    offentliggjort = int(effekt.foerste_fremskrevne_maaned()[:4]) - 1
    assert side.locator("#borger-offentliggjort-til").inner_text() == str(offentliggjort)
    _beregn_karin(side)
    _billede(side, "borger-notat")
    status, resultat = _api(
        app, "/sammenlign", {"situation": KARIN, "periode": "2026-03", "regimer": REGIMER}
    )
    assert status == 200
    forventet = {(x["variabel"], n) for x in resultat["resultater"] for n in x["afviger_fra_gaeldende_ret"]}
    assert forventet
    assert _markerede(side) == forventet
    # Under ingen_jobafklaring er der intet jobafklaringsforløb efter revurderingen (reformens pointe).
    celle = side.locator(
        '#notat td.afviger[data-variabel="jobafklaringsforloeb_startdato"][data-regime="ingen_jobafklaring"]'
    )
    raekke = next(x for x in resultat["resultater"] if x["variabel"] == "jobafklaringsforloeb_startdato")
    assert raekke["tekster"]["ingen_jobafklaring"] == "ingen" != raekke["tekster"]["gaeldende_ret"]
    assert celle.inner_text().strip() == f"≠{raekke['tekster']['ingen_jobafklaring']}"

    # Linket genskaber siden i en ny browser; downloads er API'ets CSV og situationen selv.
    assert "#borger?t=" in side.url
    with side.expect_download() as hentet:
        side.get_by_role("button", name="Hent resultatet (CSV)").click()
    assert Path(hentet.value.path()).read_text(encoding="utf-8") == som_csv(
        sammenlign(KARIN, "2026-03", REGIMER), "situation"
    )
    with side.expect_download() as hentet:
        side.get_by_role("button", name="Hent situationen (YAML)").click()
    assert laes_yaml(Path(hentet.value.path()).read_text(encoding="utf-8"), "download") == KARIN
    ny = browser.new_context(locale="da-DK").new_page()
    ny.goto(side.url)
    ny.wait_for_selector("#notat table", timeout=60_000)
    assert _markerede(ny) == forventet, "linket genskaber ikke de markerede forskelle"
    assert ny.locator("#regimer-borger input[value=ingen_jobafklaring]").is_checked()
    ny.context.close()

    # Et klik på den markerede forskel: forskellen (POST /forklar) over hele sporet under regimet.
    celle.locator("button").click()
    side.wait_for_selector("#forklaring[open] #forskel .resume")
    side.wait_for_selector("#forklaring .trae")
    krop = {
        "situation": KARIN,
        "periode": "2026-03",
        "variabel": "jobafklaringsforloeb_startdato",
        "regimer": ["gaeldende_ret", "ingen_jobafklaring"],
        "person": "karin",
    }
    status, svar = _api(app, "/forklar", krop)
    assert status == 200
    (trae,) = svar["traeer"]
    assert side.locator("#forskel .resume").inner_text() == trae["resume"]

    def aarsager(knude):
        return [*knude["aarsager"], *(a for b in knude["boern"] for a in aarsager(b))]

    # Siden nævner den parameter eller regel (søm), reformen ændrede, som API'et fandt.
    egne = [
        a
        for a in aarsager(trae["rod"])
        if a["art"] in ("parameter", "soem") and a["regime"] == "ingen_jobafklaring"
    ]
    assert egne
    vist = {
        (li.get_attribute("data-art"), li.get_attribute("data-navn"))
        for li in side.locator("#forskel li.aarsag").all()
    }
    assert {(a["art"], a["navn"]) for a in egne} <= vist
    assert side.locator("#forskel .forskelstrae .v").first.inner_text() == "jobafklaringsforloeb_startdato"
    _billede(side, "borger-forskel")
    # Under forskellen står hele sporet under regimet: forklaringen af værdien med § og parametre.
    spor = forklaring(KARIN, "2026-03", "jobafklaringsforloeb_startdato", "ingen_jobafklaring", "karin")
    rod = spor.traeer[0].knuder[0]
    assert side.locator("#forklaring .trae .v").first.inner_text() == rod.variabel
    assert side.locator("#forklaring .trae .knudevaerdi").first.inner_text() == rod.vaerdi
    hjemmel = side.locator("#forklaring .trae a.hjemmel").first
    assert hjemmel.get_attribute("href").startswith("https://www.retsinformation.dk/eli/")
    side.click("#forklaring button[value=luk]")

    # En værdi under gældende ret afviger ikke fra sig selv: et klik forklarer kun værdien.
    side.locator(
        '#notat td[data-variabel="jobafklaringsforloeb_startdato"][data-regime="gaeldende_ret"] button'
    ).click()
    side.wait_for_selector("#forklaring[open] .trae")
    assert not side.locator("#forklaring #forskel").count()
    grund = forklaring(KARIN, "2026-03", "jobafklaringsforloeb_startdato", "gaeldende_ret", "karin")
    rod = grund.traeer[0].knuder[0]
    assert side.locator("#forklaring .trae .knudevaerdi").first.inner_text() == rod.vaerdi
    _billede(side, "borger-forklaring")
    side.click("#forklaring button[value=luk]")

    # En forkert værdi: API'ets besked står ved feltet, og resultatet er mærket forældet.
    felt = side.locator('[data-sti="personer/karin/timeloen/2026"]')
    felt.locator("input.tal").fill("-5")
    side.click("#beregn")
    besked = felt.locator(".feltfejl")
    besked.wait_for(state="visible")
    forkert = json.loads(json.dumps(KARIN))
    forkert["personer"]["karin"]["timeloen"]["2026"] = -5
    status, fejl = _api(app, "/sammenlign", {"situation": forkert, "periode": "2026-03", "regimer": REGIMER})
    assert status == 400
    # /sammenlign: "situation: <stien>: <besked>"; siden viser beskeden ved feltet med stien.
    assert fejl["fejl"] == f"situation: personer/karin/timeloen/2026: {besked.inner_text()}"
    assert "forventede et tal ≥ 0, fik -5" in besked.inner_text()
    assert side.locator("#resultat.foraeldet .foraeldet-note").is_visible()
    _billede(side, "borger-fejl")
    assert side.udefra == []


def test_yaml_fra_siden_er_situationen_igen(modulside, server):
    side = modulside
    for fil in sorted(pakke.EKSEMPELMAPPE.glob("*.yaml")):
        situation = indlaes_situation(fil)
        tekst = side.evaluate(
            "async ([adresse, data]) => (await import(adresse)).somYaml(data, 'prøve')",
            [f"{server}/arbejdsbord/yaml.js", situation],
        )
        assert laes_yaml(tekst, fil.name) == situation, fil.name


def test_befolkning_med_fremdrift_diagrammer_og_downloads(side, server, serverens_effekt):
    # Serverens processer (som med make serve): den ene befolkning i browsertestene, der bruger dem.
    _aabn(side, server, "#befolkning")
    side.fill("#bef-personer", "2000")
    side.check("#regimer-befolkning input[value=faerre_maalgrupper]")
    side.click("#bef-beregn")
    side.wait_for_selector("#bef-resultat figure.diagram svg")
    _billede(side, "befolkning")
    # Sidens standard: 5 trækninger og seed 0.
    (resultat,) = serverens_effekt
    assert _beregningen(resultat) == ([GAELDENDE_RET, "faerre_maalgrupper"], ["2026-03"], 2000, 0, 5, False)
    data = json.loads(json.dumps(effekt.som_dict(resultat)))
    # Fremdriften nåede alle bidder: 5 trækninger × serverens bidder pr. trækning.
    i_alt = 5 * effekt.antal_bidder(2000, effekt.antal_arbejdere())
    assert side.eval_on_selector("#bef-fremdrift", "e => [e.value, e.max]") == [i_alt, i_alt]
    figurer = side.locator("#bef-resultat figure.diagram")
    assert [f.get_attribute("data-maal") for f in figurer.all()] == list(data["diagrammer"])
    # Én søjle per regime ud over gældende ret i hvert diagram, i serverens rækkefølge, ingen signatur.
    for maal, diagram in data["diagrammer"].items():
        figur = side.locator(f'#bef-resultat figure.diagram[data-maal="{maal}"]')
        assert figur.locator("rect.soejle").count() == len(diagram["soejler"]) == 1
        assert figur.locator("line.nullinje").count() == 1
    with side.expect_download() as hentet:
        side.get_by_role("button", name="Hent CSV").click()
    assert Path(hentet.value.path()).read_text(encoding="utf-8") == effekt.som_csv(resultat)
    with side.expect_download() as hentet:
        side.locator("#bef-resultat figure.diagram button").first.click()
    png = Path(hentet.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    bredde = int(side.locator("#bef-resultat figure.diagram svg").first.get_attribute("width"))
    assert int.from_bytes(png[16:20], "big") == 2 * bredde
    with side.expect_download() as hentet:
        side.locator("#bef-resultat figure.diagram").first.get_by_role("button", name="Hent SVG").click()
    assert "<svg" in Path(hentet.value.path()).read_text(encoding="utf-8")
    assert side.udefra == []


def test_diagrammets_tekster_staar_inden_for_billedet(modulside):
    """Kun gældende ret (et kort navn, et smalt diagram) med serverens lange titel: titlen brydes,
    så ingen tekst går ud over SVG'ens kant (og PNG'en, der tegnes af den)."""
    side = modulside
    resultat = effekt.Resultat("2027", 10, 1.0, [GAELDENDE_RET], maaneder=effekt.aarets_maaneder(2027))
    tal = {"nedre": 38.5e9, "oevre": 44.6e9, "forskel": 0.0, "forskel_nedre": 0.0, "forskel_oevre": 0.0}
    resultat.hovedtal = [
        {
            "maal": "udgifter",
            "regime": GAELDENDE_RET,
            "vaerdi": 41.5e9,
            "usikker": False,
            "uden": ["Kontanthjælp"],
            **tal,
        }
    ]
    titel = effekt.diagramtitel(resultat, "udgifter")
    assert len(titel) > 70, titel
    kanter = side.evaluate(
        """async (titel) => {
            const { vandretDiagram } = await import("./arbejdsbord/diagram.js");
            const d = vandretDiagram({ titel, enhed: "mio. kr.", decimaler: 1,
              soejler: [{ navn: "Gældende ret", vaerdi: 41545.5, nedre: 38539.9, oevre: 44551.0 }] });
            document.body.append(d);
            const kasser = [...d.querySelectorAll("text")].map((t) => t.getBBox());
            return { bredde: Number(d.getAttribute("width")), venstre: Math.min(...kasser.map((b) => b.x)),
                     hoejre: Math.max(...kasser.map((b) => b.x + b.width)),
                     titel: [...d.querySelectorAll("text.titel")].map((t) => t.textContent).join(" ") };
        }""",
        titel,
    )
    assert 0 <= kanter["venstre"] and kanter["hoejre"] <= kanter["bredde"], kanter
    assert kanter["titel"] == titel


def test_befolkning_et_helt_aar_med_intervaller_maallinjen_og_graenserne(
    side, server, serverens_effekt, i_processen
):
    """Sidens standard (20.000 personer, 5 trækninger) er over grænserne for et år; at vælge "Et helt
    år" med to regimer sætter dem ned: 36 kørsler / 12 måneder = 3 trækninger, 600.000 / (3 regimer ×
    12 × 3) = 5.555 personer, og det kan beregnes, for det første år med fremskrevne satser. Årene
    kommer fra serveren (``effekt.aarene``). Siden viser serverens mållinje, intervaller og huller.
    Over grænserne (og med 0 personer) står serverens afvisning, før beregningen, ved feltet."""
    _aabn(side, server, "#befolkning")
    assert side.input_value("#bef-personer") == "20000" and side.input_value("#bef-traekninger") == "5"
    foerste, sidste = effekt.aarene()
    aar = side.locator("#bef-aar")
    assert (aar.get_attribute("min"), aar.get_attribute("max")) == (str(foerste), str(sidste))
    offentliggjort = int(effekt.foerste_fremskrevne_maaned()[:4]) - 1
    assert side.locator("#bef-offentliggjort-til").inner_text() == str(offentliggjort)
    standardaar = min(sidste, offentliggjort + 1)
    for noegle in REGIMER:
        side.check(f"#regimer-befolkning input[value={noegle}]")
    side.select_option("#bef-periodetype", "aar")
    assert side.input_value("#bef-traekninger") == "3"
    assert side.input_value("#bef-personer") == "5555"
    assert "Sat ned for 12 måneder" in side.locator("#bef-loft").inner_text()
    side.click("#bef-beregn")
    side.wait_for_selector("#bef-maallinje li")
    _billede(side, "befolkning-aar")
    (resultat,) = serverens_effekt
    maaneder = effekt.aarets_maaneder(standardaar)
    # Et år efter de offentliggjorte satser regner serveren med fremskrivning (effekt.aarets_fremskrivning).
    assert _beregningen(resultat) == (
        [GAELDENDE_RET, *REGIMER],
        maaneder,
        5555,
        0,
        3,
        effekt.kraever_fremskrivning(maaneder),
    )
    assert not side.locator("#befolkning .feltfejl:visible").count()
    data = json.loads(json.dumps(effekt.som_dict(resultat)))
    assert side.locator("#bef-resultat h2").inner_text() == f"Effekt {standardaar}"
    assert side.locator("#bef-usikkerhed").inner_text() == data["usikkerhed"]["metode"]
    assert "3 trækninger" in data["usikkerhed"]["metode"]
    # Mållinjen: regimernes tekst fra serveren, med målet på 3 mia. kr. fra datafilen.
    linjer = side.locator("#bef-maallinje li")
    assert linjer.count() == len(data["maallinje"]) == len(REGIMER)
    for i, linje in enumerate(data["maallinje"]):
        assert linje["tekst"] in linjer.nth(i).inner_text()
        assert "3.000,0 mio. kr. om året i 2030" in linje["tekst"]
    # Hver søjle har sin fejlstreg (intervallet); en usikker søjle er mærket på aksen.
    udgifter = data["diagrammer"]["udgifter"]
    figur = side.locator('#bef-resultat figure.diagram[data-maal="udgifter"]')
    assert figur.locator("line.fejlstreg").count() == len(udgifter["soejler"]) == len(REGIMER)
    etiketter = [t.text_content() for t in figur.locator("text.etiket").all()]
    usikre = [s["usikker"] for s in udgifter["soejler"]]
    assert [e.endswith("(usikker)") for e in etiketter] == usikre
    # Tabellens celler er serverens tekster med interval.
    sygedagpenge = next(
        r for r in data["resultater"] if (r["maal"], r["kategori"]) == ("udgifter", "Sygedagpenge")
    )
    assert "til" in sygedagpenge["tekst"]
    celler = side.locator('#bef-resultat table[data-maal="udgifter"] td').all_inner_texts()
    assert sygedagpenge["tekst"] in celler
    # Et hul i kilderne står én gang per parameter med sine måneder (huller_samlet), ikke per måned.
    punkter = side.locator("#bef-huller li").all_inner_texts()
    assert len(punkter) == len(data["huller_samlet"])
    for punkt, hul in zip(punkter, data["huller_samlet"], strict=True):
        assert hul["tekst"] in punkt
    parametre = [h["parameter"] for h in data["huller_samlet"] if h["parameter"]]
    assert len(parametre) == len(set(parametre))

    side.fill("#bef-personer", "200000")
    side.click("#bef-beregn")
    besked = side.locator('#befolkning [data-sti="personer"] .feltfejl')
    besked.wait_for(state="visible")
    assert "12 måned(er) × 3 trækning(er)" in besked.inner_text()
    side.fill("#bef-traekninger", "5")
    side.click("#bef-beregn")
    besked = side.locator('#befolkning [data-sti="traekninger"] .feltfejl')
    besked.wait_for(state="visible")
    assert "12 måned(er) × 5 trækninger er over grænsen på 36" in besked.inner_text()
    side.select_option("#bef-periodetype", "maaned")
    side.fill("#bef-personer", "0")
    side.click("#bef-beregn")
    besked = side.locator('#befolkning [data-sti="personer"] .feltfejl', has_text="heltal")
    besked.wait_for(state="visible")
    assert "forventede et heltal fra 1 til" in besked.inner_text()


def test_katalog_med_kilder_og_links_til_dokumentationen(side, server):
    _aabn(side, server, "#katalog")
    side.wait_for_selector("#registret")
    assert side.locator("#registret tbody tr").count() == len(alle_regimer())
    link = side.locator(f'a[href="{DOKUMENTATION}genereret/reformer/digitale_samtaler/"]')
    assert link.count() >= 1
    _billede(side, "katalog")
    side.fill("#katalog-indhold input[type=search]", "lægeattest")
    synlige = side.locator(".katalogpunkt:visible").count()
    assert 0 < synlige < side.locator(".katalogpunkt").count()


def test_en_fejl_giver_en_dansk_besked_aldrig_en_tom_side(side, server):
    side.route(
        "**/arbejdsbord/api/eksempler",
        lambda r: r.fulfill(
            status=500,
            content_type="application/json",
            body=json.dumps({"fejl": "intern fejl i serveren; fejlen er logget", "felt": None}),
        ),
    )
    side.goto(f"{server}/")
    banner = side.locator("#fejlbanner")
    banner.wait_for(state="visible")
    assert (
        banner.inner_text()
        == "Siden kunne ikke hentes fra serveren: intern fejl i serveren; fejlen er logget"
    )
    assert side.locator("nav a").count() == 4
    side.evaluate("setTimeout(() => { throw new Error('en prøve'); }, 0)")
    side.locator("#fejlbanner", has_text="en prøve").wait_for()
    assert banner.inner_text().startswith("Der opstod en fejl i arbejdsbordet (")


def test_en_fejl_i_et_modul_vises_ogsaa(side, server):
    side.route(
        "**/arbejdsbord/notat.js",
        lambda r: r.fulfill(status=200, content_type="text/javascript", body="export const x = ;"),
    )
    side.goto(f"{server}/")
    banner = side.locator("#fejlbanner")
    banner.wait_for(state="visible")
    assert banner.inner_text().startswith("Der opstod en fejl i arbejdsbordet (")


def _overskrifter(side) -> list[str]:
    return [th.get_attribute("title") for th in side.locator("#notat table th[title]").all()]


def test_kun_forskellene_foerst_og_alle_raekker_og_regimer_efter_oenske(side, server, app):
    """Under alle regimer viser notatet først kun rækkerne og regimerne med forskelle (svaret har kun
    dem: "raekker": "afvigende"); Vis alle henter og viser hele svaret, som JSON-downloaden giver."""
    _aabn(side, server)
    side.select_option("#eksempel", "sygemeldt_loenmodtager")
    side.click("#regimer-borger button:has-text('Vælg alle')")
    side.click("#beregn")
    side.wait_for_selector("#notat table")
    status, fuldt = _api(app, "/sammenlign", {"situation": KARIN, "periode": "2026-03", "regimer": "alle"})
    assert status == 200
    (karin,) = fuldt["medlemmer"]
    aendrende = [r["noegle"] for r in fuldt["regimer"] if r["noegle"] in karin["aendret_under"]]
    assert 0 < len(aendrende) < len(fuldt["regimer"]) - 1
    assert _overskrifter(side) == ["gaeldende_ret", *aendrende]
    assert side.locator("#notat tbody tr").count() == len(karin["afvigende_variabler"])

    side.check("#vis-alle")
    raekker = len(fuldt["resultater"])
    side.wait_for_function("n => document.querySelectorAll('#notat tbody tr').length === n", arg=raekker)
    assert _overskrifter(side) == [r["noegle"] for r in fuldt["regimer"]]
    with side.expect_download() as hentet:
        side.get_by_role("button", name="Hent resultatet (JSON)").click()
    assert json.loads(Path(hentet.value.path()).read_text(encoding="utf-8")) == fuldt


def test_en_egen_variant_fra_en_reformfil(side, server, app):
    fil = pakke.EKSEMPELMAPPE / "reformer" / "tidsgraense_26_uger_70_pct.yaml"
    variant = laes_yaml(fil.read_text(encoding="utf-8"), fil.name)
    _aabn(side, server)
    side.select_option("#eksempel", "sygemeldt_loenmodtager")
    side.fill("#periode", "2026-04")
    side.check("#regimer-borger input[value=tidsgraense_sygedagpenge]")
    side.click("#regimer-borger details.varianter summary")
    side.fill("#regimer-borger details.varianter textarea", fil.read_text(encoding="utf-8"))
    side.get_by_role("button", name="Tilføj reformfilen").click()
    side.wait_for_selector(f'#regimer-borger .chip:has-text("{variant["navn"]}")')
    side.click("#beregn")
    side.wait_for_selector("#notat table")
    regimer = ["gaeldende_ret", "tidsgraense_sygedagpenge", json.loads(json.dumps(variant, default=str))]
    status, resultat = _api(
        app, "/sammenlign", {"situation": KARIN, "periode": "2026-04", "regimer": regimer}
    )
    assert status == 200
    egen = resultat["regimer"][2]
    assert egen["navn"] == variant["navn"]
    assert side.locator(f'#notat th[title="{egen["noegle"]}"]').first.inner_text() == variant["navn"]
    forventet = {(x["variabel"], n) for x in resultat["resultater"] for n in x["afviger_fra_gaeldende_ret"]}
    assert _markerede(side) == forventet
    # Varianten (26 uger, 70 pct.) og reformen (22 uger, 60 pct.) giver hver sit beløb i april.
    beloeb = next(x for x in resultat["resultater"] if x["variabel"] == "sygedagpenge_maanedsbeloeb")
    assert beloeb["vaerdier"][egen["noegle"]] != beloeb["vaerdier"]["tidsgraense_sygedagpenge"]
    celle = side.locator(
        f'#notat td[data-variabel="sygedagpenge_maanedsbeloeb"][data-regime="{egen["noegle"]}"]'
    )
    celle.locator("button").click()
    side.wait_for_selector("#forklaring[open] .trae")
    assert "sat af reformfilen" in side.locator("#forklaring .trae").inner_text()


def test_egne_aendringers_vaerdi_laeses_som_talfelterne(side, server):
    # Før: 1e999 blev Infinity og sendt som null ("mangler"), og 0,5 blev sendt som teksten "0,5".
    _aabn(side, server)
    side.click("#regimer-borger details.varianter summary")
    variant = side.locator("#regimer-borger details.varianter")
    for vaerdi in ("0,5", "1e999", "true", "ingen"):
        variant.get_by_label("Parameter").fill("sygedagpenge.arbejdsgiverperiode.dage")
        variant.get_by_label("Ny værdi").fill(vaerdi)
        variant.get_by_role("button", name="+ ændring").click()
    linjer = variant.locator("ul.hjaelp li").all_inner_texts()
    assert [x.split(" = ")[1].split(" fra ")[0] for x in linjer] == ["0.5", '"1e999"', "true", '"ingen"']


def _js_fejl(side) -> list[str]:
    """Sidens ufangede JavaScript-fejl fra nu af (``pageerror``)."""
    fejl = []
    side.on("pageerror", lambda e: fejl.append(str(e)))
    return fejl


def _link(side: str, tilstand) -> str:
    import base64

    t = base64.urlsafe_b64encode(json.dumps(tilstand).encode()).decode().rstrip("=")
    return f"#{side}?t={t}"


def test_et_talfelt_tager_dansk_decimalkomma_og_viser_det_skrevne(side, server):
    """En jurist skriver 187,50 kr.: browserens talfelt (type=number) smed kommaet væk, så værdien
    blev 18750 uden et ord, og en tekst som "abc" blev "" ("fik ''"). Feltet sender tallet med
    decimalkommaet som tal og en tekst, som den står, så serverens besked nævner den."""
    _aabn(side, server)
    side.select_option("#eksempel", "sygemeldt_loenmodtager")
    felt = side.locator('[data-sti="personer/karin/timeloen/2026"]')
    indtast = felt.locator("input.tal")
    indtast.fill("")
    indtast.press_sequentially("187,5")
    with side.expect_request("**/sammenlign") as anmodning:
        side.click("#beregn")
    assert anmodning.value.post_data_json["situation"]["personer"]["karin"]["timeloen"]["2026"] == 187.5
    side.wait_for_selector("#notat")
    indtast.fill("")
    indtast.press_sequentially("abc")
    side.click("#beregn")
    besked = felt.locator(".feltfejl")
    besked.wait_for(state="visible")
    assert "fik 'abc'" in besked.inner_text()


def test_et_link_med_forkerte_former_giver_en_besked_aldrig_en_js_fejl(browser, server):
    """Et rettet link (eller en indlæst fil) med en person, der er null, personer som en liste eller et
    regime, der er et tal, stoppede siden med en JavaScript-fejl, før den blev klar; et ukendt regime
    forsvandt uden et ord. Nu står serverens eller sidens besked ved feltet."""
    karin = {"karin": {"foedselsdato": {"ETERNITY": "1980-01-01"}}}
    tilfaelde = [
        (
            {"periode": "2026-03", "situation": {"personer": {"ole": None}}},
            "personer/ole",
            "er ikke et objekt",
        ),
        ({"periode": "2026-03", "situation": {"personer": [1]}}, "personer", "ikke et objekt med id"),
        (
            {"periode": "2026-03", "situation": {"personer": karin, "virksomheder": {"v": None}}},
            "virksomheder/v",
            "er ikke et objekt",
        ),
        ({"periode": "2026-03", "situation": {"personer": karin}, "regimer": [5]}, "regimer", "5"),
        (
            {
                "periode": "2026-03",
                "situation": {"personer": karin},
                "regimer": ["gaeldende_ret", "findes_ikke"],
            },
            "regimer",
            "ukendt regime 'findes_ikke'",
        ),
        ({"periode": "2026-13", "situation": {"personer": karin}}, "periode", '"2026-13"'),
    ]
    for tilstand, sti, tekst in tilfaelde:
        kontekst = browser.new_context(locale="da-DK")
        side = kontekst.new_page()
        fejl = _js_fejl(side)
        side.goto(f"{server}/{_link('borger', tilstand)}")
        side.wait_for_selector("body[data-klar=borger]")
        side.locator(f'#borger [data-sti="{sti}"]', has_text=tekst).first.wait_for()
        assert fejl == [], (tilstand, fejl)
        assert side.locator("#fejlbanner").is_hidden()
        kontekst.close()


def test_befolkningens_link_med_0_personer_beregner_ikke_standarden(side, server, serverens_effekt):
    """``personer: 0`` og ``traekninger: 0`` i et link blev til sidens standard (20.000 og 5) og
    beregnet uden et ord; et tomt seed blev 0. Nu står serverens eller sidens besked ved feltet."""
    tilstand = {
        "periode": "2026-03",
        "personer": 0,
        "seed": 0,
        "traekninger": 1,
        "regimer": ["gaeldende_ret"],
    }
    _aabn(side, server, _link("befolkning", tilstand))
    besked = side.locator('#befolkning [data-sti="personer"] .feltfejl')
    besked.wait_for(state="visible")
    assert "ikke 0" in besked.inner_text()
    assert side.input_value("#bef-personer") == "0"
    side.fill("#bef-personer", "100")
    side.fill("#bef-seed", "")
    side.click("#bef-beregn")
    besked = side.locator('#befolkning [data-sti="seed"] .feltfejl')
    besked.wait_for(state="visible")
    assert besked.inner_text() == "mangler; skriv et helt tal"
    assert serverens_effekt == []


def test_et_id_eller_en_periode_der_allerede_bruges_sletter_intet(side, server):
    """At omdøbe hassan til eva (et id, der findes) slettede den ene person uden et ord; at omdøbe en
    periode til en, der har en værdi, slettede den ene værdi; et tomt id stod tomt i feltet, mens
    situationen beholdt det gamle. Nu beholder feltet sit navn, og beskeden står ved det."""
    _aabn(side, server)
    side.select_option("#eksempel", "virksomhed_med_stoettede")
    ider = side.locator("#formular section.medlem header input")
    foer = ider.evaluate_all("l => l.map((x) => x.value)")
    assert foer[:2] == ["hassan", "eva"]
    for nyt, tekst in [("eva", "'eva' er allerede id for en anden person"), ("", "ikke-tom tekst")]:
        ider.first.fill(nyt)
        ider.first.press("Tab")
        assert ider.evaluate_all("l => l.map((x) => x.value)") == foer
        besked = side.locator('[data-sti="personer/hassan"] > .feltfejl')
        besked.wait_for(state="visible")
        assert tekst in besked.inner_text()
    side.select_option("#eksempel", "sygemeldt_loenmodtager")
    felt = side.locator('[data-sti="personer/karin/timer_hos_arbejdsgiver_8_uger"]')
    perioder = felt.locator("input.periodenoegle")
    assert perioder.evaluate_all("l => l.map((x) => x.value)") == ["2025", "2026"]
    perioder.first.fill("2026")
    perioder.first.press("Tab")
    assert perioder.evaluate_all("l => l.map((x) => x.value)") == ["2025", "2026"]
    besked = felt.locator('[data-sti$="/2025"] .feltfejl')
    besked.wait_for(state="visible")
    assert "2026 har allerede en værdi" in besked.inner_text()


def test_et_link_sat_ind_i_en_aaben_side_genskaber_siden(side, server):
    """Et link sat ind i adresselinjen på en side, der allerede kører, ændrer kun fragmentet: siden
    viste stadig den gamle situation under det nye link. Nu genskaber den linkets situation."""
    _aabn(side, server)
    side.select_option("#eksempel", "sygemeldt_loenmodtager")
    side.click("#beregn")
    side.wait_for_selector("#notat")
    tilstand = {
        "periode": "2025-05",
        "situation": {"personer": {"ny_person": {"foedselsdato": {"ETERNITY": "1970-01-01"}}}},
        "regimer": ["gaeldende_ret", "faerre_maalgrupper"],
    }
    side.goto(f"{server}/{_link('borger', tilstand)}")
    side.wait_for_selector("#notat h3:has-text('ny_person')")
    assert side.input_value("#periode") == "2025-05"
    assert side.locator("#regimer-borger input[value=faerre_maalgrupper]").is_checked()
    assert side.locator("#formular section.medlem header input").evaluate_all(
        "l => l.map((x) => x.value)"
    ) == ["ny_person"]


def test_indlaesningens_og_variantens_beskeder(side, server):
    """En YAML-test med ``period: 2026-13`` tømte månedsfeltet uden et ord (og et år blev overset); en
    reformfil med fejl viste beskeden med "tekst: " forrest. Ukendte dele af en stak nævnes."""
    _aabn(side, server)
    side.click("#indlaes-boks summary")
    side.fill("#indlaes-tekst", "- name: a\n  period: 2026-13\n  input:\n    timeloen: 100\n")
    side.click("#indlaes-knap")
    besked = side.locator("#indlaes-fejl")
    besked.wait_for(state="visible")
    assert besked.inner_text() == (
        'tilfældets period "2026-13" er ikke en måned som 2026-03; måneden ovenfor er stadig 2026-03'
    )
    assert side.input_value("#periode") == "2026-03"
    side.click("#regimer-borger details.varianter summary")
    side.fill(
        "#regimer-borger details.varianter textarea",
        "navn: X\naendringer:\n  - parameter: findes.ikke\n    vaerdi: 1\n    fra: 2026-01-01\n",
    )
    side.get_by_role("button", name="Tilføj reformfilen").click()
    fejl = side.locator("#regimer-borger details.varianter .feltfejl")
    fejl.wait_for(state="visible")
    assert fejl.inner_text() == "aendringer/0/parameter: ukendt parameter 'findes.ikke'"
    stak = side.locator('#regimer-borger input[aria-label="Stak af regimer"]')
    for tekst, forventet in [
        ("faerre_maalgrupper+", "der mangler et regime før eller efter +"),
        ("gaeldende_ret", "gældende ret er altid med"),
    ]:
        stak.fill(tekst)
        side.click("#regimer-borger button:has-text('Tilføj stak')")
        assert forventet in side.locator("#regimer-borger .raekke .feltfejl").first.inner_text()
    stak.fill(" faerre_maalgrupper + ingen_jobafklaring ")
    side.click("#regimer-borger button:has-text('Tilføj stak')")
    side.wait_for_selector('#regimer-borger .chip[data-sti="regimer/1"]')


def test_en_smal_skaerm_giver_ingen_vandret_rulning(browser, server):
    """På en telefon (360 px) gjorde eksempelvalgets lange titler, regimenøglerne og kildernes navne
    siden dobbelt så bred som skærmen; kun tabellerne må rulle vandret (i deres egen boks)."""
    kontekst = browser.new_context(locale="da-DK", viewport={"width": 360, "height": 740})
    side = kontekst.new_page()
    for fragment in ("", "#befolkning", "#katalog"):
        _aabn(side, server, fragment)
        if fragment == "":
            side.select_option("#eksempel", "virksomhed_med_stoettede")
            side.click("#regimer-borger details.varianter summary")
        else:
            side.wait_for_selector("#registret" if fragment == "#katalog" else "#bef-graenser")
        bredde = side.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert bredde[0] <= bredde[1], (fragment, bredde)
    kontekst.close()
