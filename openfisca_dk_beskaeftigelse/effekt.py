"""Effekten af regimerne på en syntetisk dansk befolkning.

``effekt(noegler, periode, personer, seed)`` genererer befolkningen én gang, beregner den under
hvert regime med hele arrays gennem OpenFisca, og opgør for hvert regime:

- personer efter målgruppe;
- personer, hvis rettigheder, pligter, frister, beløb eller status ændres i forhold til
  gældende ret (per art, se ``uddata.ARTER``);
- obligatoriske samtaler pr. år (jobsamtaler efter LAB og opfølgningssamtaler efter SDL);
- obligatoriske lægeattester, sager for rehabiliteringsteamet og personer med ret til
  jobafklaringsforløb i måneden;
- ydelsesudgifter i måneden efter ydelse;
- arbejdssteder over forholdstalsgrænsen;

alt opregnet til hele den danske befolkning (16-66 år) med befolkningens vægt. Hvert regimes
simulering slippes, før det næste beregnes, så hukommelsen ikke vokser med antallet af regimer.
Et mål, der rammer et hul i kilderne (``ParameterHulError``), står som ikke beregnet med grunden,
også i CSV'en (``som_csv``).

Med ``fremskrivning`` bygges regimerne med fremskrevne satser (befolkningen er den samme); et mål,
der bygger på en fremskreven sats, står i ``Resultat.fremskrevne`` med parametrene og datoerne
(JSON: ``fremskrevne``, CSV: kolonnen ``fremskrevet``).

Uddata er lovområdernes (``uddata.alle_uddata``) plus dem, regimets reformer selv erklærer
(``Reform.uddata``). En reforms eget uddata, som ikke står i ``uddata/*.yaml``, får sin art efter
værditypen (``art_efter_type``); findes variablen ikke i gældende ret, er grundlaget dens
standardværdi (fx nej, 0 eller ingen dato).
"""

import csv
import datetime
import gc
import io
import json
from dataclasses import dataclass, field

import numpy
from openfisca_core.indexed_enums import EnumArray

from openfisca_dk_beskaeftigelse import reformfil
from openfisca_dk_beskaeftigelse.datoer import plus_maaneder
from openfisca_dk_beskaeftigelse.fremskrivning import foelg, som_liste, som_tekst
from openfisca_dk_beskaeftigelse.parametre import ParameterHulError
from openfisca_dk_beskaeftigelse.population import Befolkning, byg_simulering, generer
from openfisca_dk_beskaeftigelse.regimer import GAELDENDE_RET, byg_system, regime
from openfisca_dk_beskaeftigelse.uddata import ARTER, Uddata, alle_uddata

MAAL = {
    "personer_efter_maalgruppe": ("Personer efter målgruppe", "personer"),
    "personer_med_aendring": ("Personer med ændrede rettigheder eller pligter (efter art)", "personer"),
    "obligatoriske_samtaler": ("Obligatoriske samtaler pr. år", "samtaler"),
    "laegeattester": ("Obligatoriske lægeattester (sager i måneden)", "sager"),
    "rehabiliteringsteam": ("Sager for rehabiliteringsteamet (i måneden)", "sager"),
    "jobafklaring": ("Personer med ret til jobafklaringsforløb", "personer"),
    "udgifter": ("Ydelsesudgifter i måneden", "kr."),
    "arbejdssteder_over_graensen": ("Arbejdssteder over forholdstalsgrænsen", "arbejdssteder"),
}
# Ydelse → (beløbsvariabel, variabel der afgør, hvem der får den, eller None = beløbet selv).
UDGIFTER = {
    "Sygedagpenge": ("sygedagpenge_maanedsbeloeb", None),
    "Ressourceforløbsydelse": ("ressourceforloebsydelse_maanedsbeloeb", None),
    "Dagpenge": ("dagpenge_maanedssats", "arbejdsloeshedsdagpenge"),
    "Kontanthjælp": ("kontanthjaelp_maanedsbeloeb", "kontanthjaelp_modtager"),
    "Ledighedsydelse": ("ledighedsydelse_maanedsbeloeb", None),
}
FOERSTE_MAANEDER = 6  # samtalekravene i LAB § 31 og SDL § 13 b gælder de første 6 måneder
MAANEDER_PR_AAR = 12


@dataclass
class Resultat:
    periode: str
    personer: int
    vaegt: float
    regimer: list[str]
    raekker: list[dict] = field(default_factory=list)  # {maal, kategori, regime, vaerdi}
    # {maal, kategori, regime, fejl} og for personer_med_aendring også variabel; kategori "" = hele målet
    huller: list[dict] = field(default_factory=list)
    fremskrivning: bool = False
    # {maal, kategori, regime, parametre: [{parameter, dato}]}: målet bygger på fremskrevne satser
    fremskrevne: list[dict] = field(default_factory=list)

    def vaerdi(self, maal: str, kategori: str, noegle: str):
        for r in self.raekker:
            if (r["maal"], r["kategori"], r["regime"]) == (maal, kategori, noegle):
                return r["vaerdi"]
        return None


def art_efter_type(variabel) -> str:
    """Arten af en reforms eget uddata: dato → frist, beløb → beloeb, ja/nej og antal → ret, ellers status.

    Reformernes nye ja/nej og antal er rettigheder og deres omfang (fx ``psykologbehandling_ret``
    og ``psykologbehandling_max_samtaler``); en reform, der tilføjer en pligt, står derfor under ret.
    """
    if variabel.value_type is datetime.date:
        return "frist"
    if variabel.value_type is float:
        return "beloeb"
    if variabel.value_type in (bool, int):
        return "ret"
    return "status"


def _i_foerste_maaneder(befolkning: Befolkning, felt: str) -> numpy.ndarray:
    start = befolkning.personer[felt]
    periode_start = numpy.datetime64(f"{befolkning.periode}-01", "D")
    return plus_maaneder(start, FOERSTE_MAANEDER) > periode_start


def _maal_for_regime(
    system, befolkning: Befolkning, grundlag: dict | None, uddata, noegle: str, resultat: Resultat
):
    simulering = byg_simulering(system, befolkning)
    spor = foelg(simulering)
    periode = befolkning.periode
    vaegt = befolkning.vaegt

    def beregn(navn):
        return simulering.calculate(navn, periode)

    def tilfoej(maal, kategori, vaerdi):
        resultat.raekker.append(
            {"maal": maal, "kategori": kategori, "regime": noegle, "vaerdi": float(vaerdi)}
        )

    def hul(maal, kategori, fejl, **mere):
        resultat.huller.append({"maal": maal, "kategori": kategori, "regime": noegle, "fejl": fejl, **mere})

    def maal(navn, funktion, kategori=""):
        maerke = spor.maerke() if spor else 0
        try:
            funktion()
        except ParameterHulError as fejl:
            hul(navn, kategori, str(fejl))
        laeste = spor.laest_siden(maerke) if spor else []
        if laeste:
            resultat.fremskrevne.append(
                {"maal": navn, "kategori": kategori, "regime": noegle, "parametre": som_liste(laeste)}
            )

    def maalgrupper():
        for gruppe, antal in zip(
            *numpy.unique(beregn("maalgruppe").decode_to_str(), return_counts=True), strict=True
        ):
            tilfoej("personer_efter_maalgruppe", gruppe, antal * vaegt)

    aktuelle = {}

    def aendringer():
        for art in ARTER:
            aendret = numpy.zeros(befolkning.antal, dtype=bool)
            for u in uddata:
                if u.art != art or u.variabel not in system.variables:
                    continue
                if system.variables[u.variabel].entity.key != "person":
                    continue
                try:
                    vaerdier = _som_sammenlignelig(beregn(u.variabel))
                except ParameterHulError as fejl:
                    aktuelle[u.variabel] = None
                    hul("personer_med_aendring", ARTER[art], str(fejl), variabel=u.variabel)
                    continue
                aktuelle[u.variabel] = vaerdier
                if grundlag is None:
                    continue
                # Grundlaget dækker hver personvariabel i gældende ret; de øvrige findes kun i reformen.
                if u.variabel not in grundlag:
                    standard = system.variables[u.variabel].default_array(befolkning.antal)
                    aendret |= _forskellig(vaerdier, _som_sammenlignelig(standard))
                elif grundlag[u.variabel] is None:
                    hul(
                        "personer_med_aendring",
                        ARTER[art],
                        "kan ikke sammenlignes: variablen rammer et hul under gældende ret",
                        variabel=u.variabel,
                    )
                else:
                    aendret |= _forskellig(vaerdier, grundlag[u.variabel])
            tilfoej("personer_med_aendring", ARTER[art], numpy.count_nonzero(aendret) * vaegt)

    def samtaler():
        lab = beregn("kontaktforloeb_min_samtaler_6_maaneder") * _i_foerste_maaneder(
            befolkning, "ledighed_startdato"
        )
        sdl = beregn("opfoelgning_min_samtaler_6_maaneder") * _i_foerste_maaneder(
            befolkning, "sygemelding_startdato"
        )
        # En bestand af forløb i deres første 6 måneder: kravet pr. forløb fordelt på 6 måneder, × 12.
        aar = MAANEDER_PR_AAR / FOERSTE_MAANEDER
        tilfoej("obligatoriske_samtaler", "Jobsamtaler (LAB)", lab.sum() * aar * vaegt)
        tilfoej("obligatoriske_samtaler", "Opfølgningssamtaler (SDL)", sdl.sum() * aar * vaegt)

    def laegeattester():
        antal = numpy.count_nonzero(
            beregn("laegeattest_obligatorisk") | beregn("laegeattest_le265_obligatorisk")
        )
        tilfoej("laegeattester", "LÆ 285 eller LÆ 265", antal * vaegt)

    def rehabilitering():
        tilfoej(
            "rehabiliteringsteam",
            "Forelæggelser",
            numpy.count_nonzero(beregn("rehabiliteringsteam_forelaeggelse")) * vaegt,
        )

    def jobafklaring():
        tilfoej(
            "jobafklaring",
            "Ret til jobafklaringsforløb",
            numpy.count_nonzero(beregn("jobafklaringsforloeb_ret")) * vaegt,
        )

    def udgifter(ydelse, beloeb, hvem):
        def opgoer():
            vaerdier = beregn(beloeb)
            if hvem == "arbejdsloeshedsdagpenge":
                ydelser = beregn("ydelse")
                vaerdier = vaerdier * (ydelser == ydelser.possible_values.arbejdsloeshedsdagpenge)
            elif hvem is not None:
                vaerdier = vaerdier * beregn(hvem)
            # OpenFiscas beløb er float32; summen over en hel befolkning lægges sammen i float64.
            tilfoej("udgifter", ydelse, vaerdier.sum(dtype=numpy.float64) * vaegt)

        return opgoer

    def arbejdssteder():
        overholdt = simulering.calculate("forholdstal_overholdt", periode)[: befolkning.uden_arbejdssted]
        tilfoej("arbejdssteder_over_graensen", "Over grænsen", numpy.count_nonzero(~overholdt) * vaegt)

    maal("personer_efter_maalgruppe", maalgrupper)
    maal("personer_med_aendring", aendringer)
    maal("obligatoriske_samtaler", samtaler)
    maal("laegeattester", laegeattester)
    maal("rehabiliteringsteam", rehabilitering)
    maal("jobafklaring", jobafklaring)
    for ydelse, (beloeb, hvem) in UDGIFTER.items():
        maal("udgifter", udgifter(ydelse, beloeb, hvem), kategori=ydelse)
    maal("arbejdssteder_over_graensen", arbejdssteder)
    return aktuelle


def _som_sammenlignelig(vaerdier) -> numpy.ndarray:
    # Enum-værdier sammenlignes ved navn: en reform kan have en anden Enum.
    return vaerdier.decode_to_str() if isinstance(vaerdier, EnumArray) else numpy.asarray(vaerdier)


def _forskellig(a: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    if a.dtype.kind == "f":
        return numpy.abs(a - b) >= 0.005
    return a != b


def effekt(
    noegler: list[str], periode: str, personer: int, seed: int = 0, fremskrivning: bool = False
) -> Resultat:
    """Beregn målene for hvert regime på en befolkning af ``personer`` personer (med fremskrevne satser)."""
    noegler = list(dict.fromkeys([GAELDENDE_RET, *noegler]))
    for noegle in noegler:
        regime(noegle)
    grundsystem = byg_system(GAELDENDE_RET)
    befolkning = generer(personer, periode, grundsystem, seed=seed)
    uddata = alle_uddata(grundsystem)
    kendte = {u.variabel for u in uddata}
    # Alle regimers egne uddata beregnes også under gældende ret, hvor de findes, som grundlag.
    reformernes = list(
        dict.fromkeys(
            navn
            for noegle in noegler
            for reform in regime(noegle).reformer
            for navn in getattr(reform, "uddata", ())
            if navn not in kendte
        )
    )
    resultat = Resultat(periode, personer, befolkning.vaegt, noegler, fremskrivning=bool(fremskrivning))
    grundlag = None
    for noegle in noegler:
        system = byg_system(noegle, fremskrivning)
        regimets = uddata + [
            Uddata(navn, art_efter_type(system.variables[navn]), "reform")
            for navn in reformernes
            if navn in system.variables
        ]
        aktuelle = _maal_for_regime(system, befolkning, grundlag, regimets, noegle, resultat)
        if noegle == GAELDENDE_RET:
            grundlag = aktuelle
        gc.collect()
    return resultat


def som_dict(resultat: Resultat) -> dict:
    return {
        "periode": resultat.periode,
        "personer_i_befolkningen": resultat.personer,
        "vaegt": resultat.vaegt,
        "regimer": resultat.regimer,
        "maal": {noegle: {"titel": titel, "enhed": enhed} for noegle, (titel, enhed) in MAAL.items()},
        "resultater": resultat.raekker,
        "huller": resultat.huller,
        "fremskrivning": resultat.fremskrivning,
        "fremskrevne": resultat.fremskrevne,
        # Regimer med egne ændringer (reformfiler, --saet): oprindelse og ændringerne.
        "egne_aendringer": {
            noegle: reformfil.regime_dict(regime(noegle))
            for noegle in resultat.regimer
            if regime(noegle).oprindelse
        },
    }


def fremskrevet(resultat: Resultat, maal: str, kategori: str, noegle: str) -> list[tuple[str, str]]:
    """De fremskrevne (parameter, dato), tallet bygger på; et mål med tom kategori gælder alle."""
    laeste = {
        (p["parameter"], p["dato"])
        for f in resultat.fremskrevne
        if (f["maal"], f["regime"]) == (maal, noegle) and f["kategori"] in ("", kategori)
        for p in f["parametre"]
    }
    return sorted(laeste)


def som_csv(resultat: Resultat) -> str:
    """Én række per tal og én per hul: et hul har tom værdi og grunden i ``ikke_beregnet``.

    Et hul med tom kategori gælder hele målet; et hul i personer_med_aendring nævner variablen,
    som tallet for kategorien er talt uden. ``fremskrevet`` nævner de fremskrevne satser, tallet
    bygger på.
    """
    ud = io.StringIO()
    skriver = csv.writer(ud, lineterminator="\n")
    skriver.writerow(
        ["maal", "kategori", "regime", "vaerdi", "forskel_fra_gaeldende_ret", "ikke_beregnet", "fremskrevet"]
    )
    for r in resultat.raekker:
        grund = resultat.vaerdi(r["maal"], r["kategori"], GAELDENDE_RET)
        forskel = "" if grund is None else round(r["vaerdi"] - grund, 2)
        laeste = som_tekst(fremskrevet(resultat, r["maal"], r["kategori"], r["regime"]))
        skriver.writerow([r["maal"], r["kategori"], r["regime"], round(r["vaerdi"], 2), forskel, "", laeste])
    for h in resultat.huller:
        grund = f"{h['variabel']}: {h['fejl']}" if "variabel" in h else h["fejl"]
        laeste = som_tekst(fremskrevet(resultat, h["maal"], h["kategori"], h["regime"]))
        skriver.writerow([h["maal"], h["kategori"], h["regime"], "", "", grund, laeste])
    # Regimernes egne ændringer: målet egen_aendring, kategorien er parameteren og ændringen.
    for noegle in resultat.regimer:
        for a in reformfil.aendringer(regime(noegle)):
            skriver.writerow(["egen_aendring", f"{a.parameter}: {a.tekst()}", noegle, "", "", "", ""])
    return ud.getvalue()


def som_json(resultat: Resultat) -> str:
    return json.dumps(som_dict(resultat), ensure_ascii=False, indent=2)


def grafer(resultat: Resultat) -> dict[str, bytes]:
    """Ét søjlediagram (PNG) per mål: kategorierne på tværs af regimerne, som filnavn → PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    billeder = {}
    for noegle, (titel, enhed) in MAAL.items():
        raekker = [r for r in resultat.raekker if r["maal"] == noegle]
        if not raekker:
            continue
        kategorier = list(dict.fromkeys(r["kategori"] for r in raekker))
        bredde = 0.8 / len(resultat.regimer)
        fig, akse = plt.subplots(figsize=(max(6, 1.2 * len(kategorier) + 2), 4), dpi=90)
        for i, regime_ in enumerate(resultat.regimer):
            hoejder = [resultat.vaerdi(noegle, k, regime_) or 0 for k in kategorier]
            akse.bar(numpy.arange(len(kategorier)) + i * bredde, hoejder, bredde, label=regime_)
        akse.set_xticks(
            numpy.arange(len(kategorier)) + 0.4 - bredde / 2, kategorier, rotation=30, ha="right", fontsize=7
        )
        akse.set_title(f"{titel}, {resultat.periode}", fontsize=9)
        akse.set_ylabel(enhed)
        akse.legend(fontsize=6)
        fig.tight_layout()
        billede = io.BytesIO()
        fig.savefig(billede, format="png")
        plt.close(fig)
        billeder[grafnavn(noegle)] = billede.getvalue()
    return billeder


def grafnavn(maal: str) -> str:
    return f"{maal}.png"


def udfiler() -> list[str]:
    """Filerne, ``effekt --ud`` kan skrive: resultatet som CSV og JSON og ét diagram per mål."""
    return ["effekt.csv", "effekt.json", *(grafnavn(m) for m in MAAL)]
