"""Dokumentationen, genereret fra modellen ved hvert build (``make docs``), aldrig committet.

``generer(ud, repo)`` skriver Markdown-sider til mappen ``ud`` (inde i ``docs/``):

- ``lovgivningen/<område>.md``: hver variabel (label, entitet, periode, enhed, type, §
  som link, dokumentation, formlernes startdatoer) og hver parameter (værdihistorik som
  tabel og en lille graf) for et lovområde;
- ``lovgivningen/aabne-punkter.md``: huller (``value: null``), om ``--fremskrivning`` udfylder
  dem, og afledte eller usikre værdier;
- ``reformer/<nøgle>.md``: hver reforms docstring, kilder (dokumentets titel og afsnittet),
  perioder uden virkning (``uden_virkning``), egne parametre (med antagelser, bivirkninger og det
  ubekræftede fra deres metadata) og et regneeksempel (første tilfælde i
  ``tests/reforms/<modul>.yaml``) beregnet under gældende ret og reformen;
- ``reformer/katalog.md``: kataloget over alle forslag i kildedokumenterne (dokumenterne ved
  titel og år, filnavnet kun som detalje), for reformerne med perioderne uden virkning og
  antagelserne med bivirkninger;
- ``openapi-gaeldende_ret.json``: web-API'ets OpenAPI-spec for gældende ret;
- ``reformfil-eksempel.md``: sammenligningen på siden om reformfiler, beregnet med eksemplet;
- ``kalibrering.md``: den syntetiske befolkning mod datafilens tal (``kalibrering.som_markdown``).
"""

import datetime
import inspect
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale, load_parameter_file

from openfisca_dk_beskaeftigelse import PARAMETERMAPPE, kalibrering, reformfil
from openfisca_dk_beskaeftigelse.beregning import byg_simulering_fra_test, indlaes_situation, vaerdier
from openfisca_dk_beskaeftigelse.fremskrivning import (
    ANTAGELSE,
    INGEN,
    OPHOER,
    REGULERING,
    fremskrevne_i,
    regulering,
)
from openfisca_dk_beskaeftigelse.kilder import SEEDS, laesbar
from openfisca_dk_beskaeftigelse.reformstoette import REFORMPARAMETRE
from openfisca_dk_beskaeftigelse.regimer import (
    GAELDENDE_RET,
    KATALOGSTATUS,
    alle_regimer,
    byg_system,
    katalog,
)
from openfisca_dk_beskaeftigelse.sammenligning import sammenlign, som_markdown

# Siden om reformfiler (docs/reformfiler.md) regner eksemplet igennem for Karin.
REFORMFILEKSEMPEL = "examples/reformer/tidsgraense_26_uger_70_pct.yaml"


@dataclass(frozen=True)
class Omraade:
    noegle: str
    titel: str
    emner: tuple[str, ...]  # "mappe/fil" eller "mappe/" under variables/ og parameters/


OMRAADER = (
    Omraade(
        "sygedagpenge",
        "Sygedagpenge og sygeopfølgning",
        ("sygedagpenge/", "pension/", "aktivloven/ressourceforloebsydelse"),
    ),
    Omraade("maalgrupper", "Målgrupper og borgerens grundoplysninger", ("lab/maalgrupper", "borger/")),
    Omraade(
        "kontaktforloeb", "Kontaktforløb, pligter og plan", ("lab/kontaktforloeb", "lab/pligter", "lab/plan")
    ),
    Omraade(
        "tilbud",
        "Tilbud, løntilskud og virksomhedspraktik",
        ("lab/tilbud", "lab/loentilskud", "lab/virksomhedspraktik"),
    ),
    Omraade("forholdstal", "Rimelighedskravet (forholdstal)", ("lab/forholdstal",)),
    Omraade("jobrotation", "Jobrotation", ("lab/jobrotation",)),
    Omraade("uddannelse", "Uddannelsesordninger", ("lab/uddannelse",)),
    Omraade(
        "satser",
        "Satser: dagpenge, kontanthjælp, ledighedsydelse og AM-bidrag",
        ("afl/", "aktivloven/", "skat/", "regulering/"),
    ),
)
# Parametermetadata, som en jurist skal se: en antaget standardværdi, dens bivirkning for borgere,
# kilden ikke nævner, og indhold, ingen kilde bekræfter.
ANTAGELSER = (("antaget", "Antaget"), ("bivirkning", "Bivirkning"), ("ubekraeftet", "Ubekræftet"))
USIKKERHEDSORD = re.compile(
    r"afledt|derived|ikke fundet|not found|lav sikkerhed|lav-medium|medium-lav|ikke verificeret|usikker", re.I
)


def omraade_for(emne: str) -> Omraade | None:
    """Lovområdet for en fil under variables/ eller parameters/; None, hvis filen ikke er fordelt
    (så mangler dens variabler på siderne, og testen af den genererede reference fejler)."""
    for omraade in OMRAADER:
        if any(emne == e or (e.endswith("/") and emne.startswith(e)) for e in omraade.emner):
            return omraade
    return None


def variabel_emne(variabel) -> str:
    sti = variabel.introspection_data[0]
    return sti.split("/variables/", 1)[1].removesuffix(".py")


def parameter_emne(parameter) -> str:
    return str(Path(parameter.file_path).relative_to(PARAMETERMAPPE).with_suffix(""))


def parameterblade(node: ParameterNode):
    for barn in node.children.values():
        if isinstance(barn, ParameterNode):
            yield from parameterblade(barn)
        elif isinstance(barn, (Parameter, ParameterScale)):
            yield barn


def _links(reference) -> str:
    if not reference:
        return ""
    if isinstance(reference, (str, dict)):
        reference = [reference]
    dele, titler = [], []
    for ref in reference:
        if isinstance(ref, dict) and "href" in ref:
            dele.append(f"[{ref.get('title', ref['href'])}]({ref['href']})")
        elif isinstance(ref, dict):
            # En reformparameters kilde er et afsnit i et kildedokument; filnavnet siger intet.
            dele.append(laesbar(str(ref.get("title", ""))))
        elif str(ref).startswith("http"):
            dele.append(f"[{' · '.join(titler) or ref}]({ref})")
            titler = []
        else:
            titler.append(str(ref))
    return ", ".join(dele + titler)


def _type(variabel) -> str:
    if variabel.value_type is Enum:
        return "Enum: " + ", ".join(f"`{m.name}` ({m.value})" for m in variabel.possible_values)
    return {bool: "sand/falsk", int: "heltal", float: "tal", str: "tekst"}.get(
        variabel.value_type, variabel.value_type.__name__ if hasattr(variabel.value_type, "__name__") else ""
    )


def _celle(tekst) -> str:
    return str(tekst).replace("|", "\\|").replace("\n", " ")


def variabel_afsnit(navn: str, variabel) -> list[str]:
    starter = [d for d in variabel.formulas if d != "0001-01-01"]
    formel = "input" if not variabel.formulas else "fra " + ", ".join(starter) if starter else "ja"
    linjer = [
        f"### `{navn}`",
        "",
        f"**{variabel.label}**",
        "",
        "| | |",
        "|---|---|",
        f"| Entitet | {variabel.entity.key} |",
        f"| Periode | {variabel.definition_period} |",
        f"| Type | {_celle(_type(variabel))} |",
        f"| Enhed | {getattr(variabel, 'unit', None) or '—'} |",
        f"| Hjemmel | {_links(variabel.reference)} |",
        f"| Formel | {formel} |",
        "",
    ]
    if variabel.documentation:
        linjer += [variabel.documentation.strip(), ""]
    return linjer


def _numerisk(parameter) -> bool:
    return isinstance(parameter, Parameter) and any(
        isinstance(v.value, (int, float)) and not isinstance(v.value, bool) for v in parameter.values_list
    )


def _graf(parameter, fil: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    punkter = sorted((datetime.date.fromisoformat(v.instant_str), v.value) for v in parameter.values_list)
    x = [d for d, _ in punkter] + [max(datetime.date(2026, 12, 31), punkter[-1][0])]
    y = [float("nan") if v is None else float(v) for _, v in punkter]
    fig, akse = plt.subplots(figsize=(5, 1.8), dpi=80)
    akse.step(x, y + y[-1:], where="post")
    akse.set_xlim(datetime.date(2019, 12, 1), x[-1])
    akse.set_title(parameter.name, fontsize=8)
    akse.tick_params(labelsize=7)
    fig.tight_layout()
    fig.savefig(fil)
    plt.close(fig)


def parameter_afsnit(parameter, billedmappe: Path | None) -> list[str]:
    linjer = [
        f"### `{parameter.name}`",
        "",
        f"**{parameter.description or ''}**",
        "",
        f"Enhed: {parameter.metadata.get('unit', '—')} · "
        f"Hjemmel: {_links(parameter.metadata.get('reference'))}",
        "",
    ]
    if REGULERING in parameter.metadata:
        regel = regulering(parameter)
        linjer += [f"Regulering: {regel.tekst() if regel else f'{INGEN} (fremskrives ikke)'}", ""]
    if getattr(parameter, "documentation", None):
        linjer += [parameter.documentation.strip(), ""]
    for noegle, titel in ANTAGELSER:
        if parameter.metadata.get(noegle):
            linjer += [f"**{titel}:** {parameter.metadata[noegle]}", ""]
    if isinstance(parameter, ParameterScale):
        linjer += _skala(parameter)
    if isinstance(parameter, Parameter):
        linjer += ["| Fra | Værdi | Kilde |", "|---|---|---|"]
        for v in sorted(parameter.values_list, key=lambda v: v.instant_str):
            kilde = (
                v.metadata.get("reference")
                if v.metadata.get("reference") != parameter.metadata.get("reference")
                else ""
            )
            vaerdi = "**ikke dækket af kilderne (null)**" if v.value is None else v.value
            note = "; ".join(
                n
                for n in (
                    _links(kilde) if kilde else "",
                    "antagelse" if v.metadata.get(ANTAGELSE) else "",
                    _celle(v.metadata[OPHOER]) if v.metadata.get(OPHOER) else "",
                    # En afledt værdi viser regnestykket fra sine metadata (metadata.afledt).
                    f"*Afledt:* {_celle(v.metadata['afledt'])}" if v.metadata.get("afledt") else "",
                )
                if n
            )
            linjer.append(f"| {v.instant_str} | {_celle(vaerdi)} | {note} |")
        linjer.append("")
        if billedmappe is not None and _numerisk(parameter):
            _graf(parameter, billedmappe / f"{parameter.name}.png")
            linjer += [f"![{parameter.name}](img/{parameter.name}.png)", ""]
    return linjer


def _historik(parameter: Parameter) -> str:
    return "; ".join(
        f"{v.instant_str}: {v.value}" for v in sorted(parameter.values_list, key=lambda v: v.instant_str)
    )


def _skala(skala: ParameterScale) -> list[str]:
    """En skala som tabel: hvert trins tærskel og beløb/sats med deres værdihistorik."""
    led = [
        n for n in ("threshold", "amount", "rate", "average_rate", "base") if n in skala.brackets[0].children
    ]
    linjer = ["| Trin | " + " | ".join(led) + " |", "|---|" + "---|" * len(led)]
    for i, trin in enumerate(skala.brackets):
        linjer.append(f"| {i + 1} | " + " | ".join(_historik(trin.children[n]) for n in led) + " |")
    return [*linjer, ""]


def lovside(omraade: Omraade, system, billedmappe: Path | None) -> str:
    variabler = sorted(
        (n, v) for n, v in system.variables.items() if omraade_for(variabel_emne(v)) == omraade
    )
    parametre = sorted(
        (p for p in parameterblade(system.parameters) if omraade_for(parameter_emne(p)) == omraade),
        key=lambda p: p.name,
    )
    linjer = [f"# {omraade.titel}", "", "*Genereret fra modellen.*", "", "## Variabler", ""]
    for navn, variabel in variabler:
        linjer += variabel_afsnit(navn, variabel)
    linjer += ["## Parametre", ""]
    for parameter in parametre:
        linjer += parameter_afsnit(parameter, billedmappe)
    return "\n".join(linjer) + "\n"


def _med_fremskrivning(parameter, v, fremskrevne, procenter) -> str:
    """Om ``--fremskrivning`` udfylder hullet, der begynder med null-værdien ``v``, og ellers hvorfor ikke."""
    fremskrevet = fremskrevne.get(parameter.name)
    if fremskrevet is not None and fremskrevet.fra == v.instant_str:
        return f"fremskrives {fremskrevet.fra[:4]}-{int(fremskrevet.til[:4]) - 1}"
    if parameter.name in procenter:
        return "ikke: fremskrivningens horisont (ingen antagelse efter den sidste værdi)"
    if v.metadata.get(OPHOER):
        return "ikke: lovens ophør"
    if regulering(parameter) is None:
        return "ikke: reguleres ikke"
    if not any(f.value is not None for f in parameter.values_list if f.instant_str < v.instant_str):
        return "ikke: ingen offentliggjort værdi at fremskrive"
    return "ikke: kildehul (kun år med antagne reguleringsprocenter fremskrives)"


def aabne_punkter(system) -> str:
    fremskrevne = fremskrevne_i(byg_system(GAELDENDE_RET, fremskrivning=True))
    regler = [
        r for p in parameterblade(system.parameters) if REGULERING in p.metadata and (r := regulering(p))
    ]
    procenter = {navn for r in regler for navn in (r.procent, r.fradrag) if navn}
    linjer = [
        "# Åbne punkter",
        "",
        "*Genereret fra modellen.* Perioder, som kilderne ikke dækker (`value: null`: en beregning, "
        "der bruger dem, stopper med en fejl, medmindre `--fremskrivning` udfylder hullet med antagne "
        "reguleringsprocenter), og værdier, hvis dokumentation siger, at de er afledte eller usikre.",
        "",
        "## Huller (null)",
        "",
        "| Parameter | Ikke dækket fra | Med `--fremskrivning` |",
        "|---|---|---|",
    ]
    for parameter in parameterblade(system.parameters):
        for v in getattr(parameter, "values_list", []):
            if v.value is None:
                med = _med_fremskrivning(parameter, v, fremskrevne, procenter)
                linjer.append(f"| `{parameter.name}` | {v.instant_str} | {med} |")
    linjer += ["", "## Afledte eller usikre værdier", "", "| Parameter | Dokumentation |", "|---|---|"]
    for parameter in parameterblade(system.parameters):
        dokumentation = getattr(parameter, "documentation", None)
        if dokumentation and USIKKERHEDSORD.search(dokumentation):
            linjer.append(f"| `{parameter.name}` | {_celle(dokumentation.strip())} |")
    return "\n".join(linjer) + "\n"


def _eksempel(repo: Path, regime) -> list[str]:
    """Regneeksemplet: reformens YAML-test, samme borger under gældende ret og reformen.

    Borgeren er det første tilfælde med ``reforms:``; variablerne er dem, testfilens tilfælde
    kontrollerer, så eksemplet viser netop det, testen holder fast i.
    """
    if len(regime.reformer) != 1:
        return []
    modul = regime.reformer[0].__module__.rsplit(".", 1)[1]
    testfil = repo / "tests" / "reforms" / f"{modul}.yaml"
    if not testfil.is_file():
        return []
    tilfaelde = yaml.safe_load(testfil.read_text(encoding="utf-8"))
    med_reform = next(t for t in tilfaelde if t.get("reforms"))
    periode = str(med_reform["period"])
    navne = list(dict.fromkeys(n for t in tilfaelde for n in t["output"]))
    foer, efter = (
        {
            (v.entitet, v.id, v.variabel): v.tekst(system.variables[v.variabel])
            for v in vaerdier(
                system,
                byg_simulering_fra_test(system, med_reform["input"], periode),
                periode,
                [n for n in navne if n in system.variables],
            )
        }
        for system in (byg_system(GAELDENDE_RET), byg_system(regime.noegle))
    )
    etiketter = {e.plural: e.label for e in byg_system(GAELDENDE_RET).entities}
    noegler = list(dict.fromkeys([*foer, *efter]))
    # Én blok per borger eller arbejdssted, i testens rækkefølge, så rækkerne ikke skal parres.
    medlemmer = list(dict.fromkeys(n[:2] for n in noegler))
    linjer = _det_der_flytter(foer, efter, medlemmer, etiketter) + [
        "## Regneeksempel",
        "",
        f"Fra `tests/reforms/{modul}.yaml`: *{med_reform.get('name', '')}*, periode {periode}.",
        "",
        "| Hvem | Variabel | Gældende ret | Reformen |",
        "|---|---|---|---|",
    ]
    for noegle in sorted(noegler, key=lambda n: medlemmer.index(n[:2])):
        entitet, id_, variabel = noegle
        markering = " **≠**" if foer.get(noegle) != efter.get(noegle) else ""
        linjer.append(
            f"| {etiketter[entitet]} `{id_}` | `{variabel}` | {foer.get(noegle, '—')} | "
            f"{efter.get(noegle, '—')}{markering} |"
        )
    return [*linjer, ""]


def _det_der_flytter(foer: dict, efter: dict, medlemmer: list, etiketter: dict) -> list[str]:
    """Regneeksemplets ændringer samlet per borger: hvilke rettigheder og pligter flytter for hvem."""
    linjer = [
        "## Det, reformen flytter",
        "",
        "For hver borger i regneeksemplet det, der er anderledes under reformen (gældende ret → reformen).",
        "",
    ]
    uaendrede = []
    for entitet, id_ in medlemmer:
        aendringer = [
            f"`{v}`: {foer.get((e, i, v), '—')} → {efter.get((e, i, v), '—')}"
            for (e, i, v) in dict.fromkeys([*foer, *efter])
            if (e, i) == (entitet, id_) and foer.get((e, i, v)) != efter.get((e, i, v))
        ]
        hvem = f"{etiketter[entitet]} `{id_}`"
        if aendringer:
            linjer.append(f"- {hvem}: " + "; ".join(aendringer))
        else:
            uaendrede.append(hvem)
    if uaendrede:
        linjer.append("- Uændret: " + ", ".join(uaendrede))
    return [*linjer, ""]


def reformparametre(reform) -> list:
    """Reformens egne parametre (``reforms/parametre/<modul>.yaml``) som blade; tom uden fil."""
    fil = REFORMPARAMETRE / f"{reform.__module__.rsplit('.', 1)[1]}.yaml"
    if not fil.is_file():
        return []
    return list(parameterblade(load_parameter_file(str(fil), name=f"reformer.{fil.stem}")))


def uden_virkning_linjer(reform) -> list[str]:
    """Perioderne, hvor reformen intet ændrer for forslagets borgere, som punktliste."""
    perioder = getattr(reform, "uden_virkning", ())
    if not perioder:
        return []
    return [
        "### Uden virkning",
        "",
        "Perioder, hvor reformen intet ændrer for de borgere, forslaget handler om:",
        "",
        *(f"- {u.tekst()}" for u in perioder),
        "",
    ]


def reformside(regime, repo: Path) -> str:
    linjer = [f"# {regime.navn}", "", f"Regimenøgle: `{regime.noegle}` · Status: {regime.status}", ""]
    linjer += ["Reformer: " + ", ".join(f"`{s}`" for s in regime.reformstier), ""]
    linjer += ["## Kilder", ""] + [f"- {k.henvisning} (`{k.fil}`)" for k in regime.kilder] + [""]
    for reform in regime.reformer:
        linjer += [f"## {reform.__name__}", "", inspect.getdoc(reform) or "", ""]
        linjer += uden_virkning_linjer(reform)
        parametre = reformparametre(reform)
        if parametre:
            modul = reform.__module__.rsplit(".", 1)[1]
            linjer += [f"### Parametre (`reforms/parametre/{modul}.yaml`)", ""]
            for parameter in parametre:
                linjer += [line.replace("### `", "#### `", 1) for line in parameter_afsnit(parameter, None)]
    linjer += _eksempel(repo, regime)
    return "\n".join(linjer) + "\n"


def _om_reformerne(noegle: str) -> list[str]:
    """Katalogets oplysninger fra regimets reformer: perioder uden virkning og antagelser med bivirkning."""
    detaljer = []
    for reform in alle_regimer()[noegle].reformer:
        detaljer += [f"Uden virkning {u.tekst()}" for u in getattr(reform, "uden_virkning", ())]
        for parameter in reformparametre(reform):
            if parameter.metadata.get("bivirkning"):
                navn = parameter.name.rsplit(".", 1)[-1]
                detaljer.append(f"Antagelse med bivirkning (`{navn}`): {parameter.metadata['bivirkning']}")
            if parameter.metadata.get("ubekraeftet"):
                navn = parameter.name.rsplit(".", 1)[-1]
                detaljer.append(f"Ubekræftet (`{navn}`): {parameter.metadata['ubekraeftet']}")
    return detaljer


def katalogside() -> str:
    linjer = [
        "# Katalog over forslagene",
        "",
        "*Genereret fra `reforms/katalog.yaml`.* Hvert forslag i de fem kildedokumenter, og hvad "
        "modellen gør med det: en reform (med regimets nøgle), allerede gældende ret (med loven), "
        "ikke beregnelig for den enkelte borger eller ikke modelleret (med grunden).",
        "",
        "Kildedokumenterne (i `shared/seeds/`):",
        "",
        "| Dokument | Hvad det er | Fil |",
        "|---|---|---|",
        *(f"| {seed.navn} | {_celle(seed.beskrivelse)} | `{fil}` |" for fil, seed in SEEDS.items()),
        "",
        "| Kilde | Afsnit | Forslag | Status | Regime, lov eller grund |",
        "|---|---|---|---|---|",
    ]
    for punkt in katalog():
        detaljer = []
        if punkt.get("regime"):
            detaljer.append(f"[`{punkt['regime']}`]({punkt['regime']}.md)")
        detaljer += [punkt[n] for n in ("lov", "hvorfor") if punkt.get(n)]
        if punkt.get("regime"):
            detaljer += _om_reformerne(punkt["regime"])
        linjer.append(
            f"| {SEEDS[punkt['kilde']].navn} | {_celle(punkt['afsnit'])} | {_celle(punkt['forslag'])} | "
            f"{KATALOGSTATUS[punkt['status']]} | {_celle('; '.join(detaljer))} |"
        )
    return "\n".join(linjer) + "\n"


def generer(ud: Path, repo: Path, grafer: bool = True) -> list[Path]:
    """Skriv de genererede sider til ``ud``; returnerer de skrevne filer."""
    system = byg_system(GAELDENDE_RET)
    lov = ud / "lovgivningen"
    billeder = lov / "img"
    billeder.mkdir(parents=True, exist_ok=True)
    skrevet = []
    for omraade in OMRAADER:
        fil = lov / f"{omraade.noegle}.md"
        fil.write_text(lovside(omraade, system, billeder if grafer else None), encoding="utf-8")
        skrevet.append(fil)
    (lov / "aabne-punkter.md").write_text(aabne_punkter(system), encoding="utf-8")
    reformmappe = ud / "reformer"
    reformmappe.mkdir(parents=True, exist_ok=True)
    indeks = [
        "# Reformerne",
        "",
        "*Genereret fra regimeregistret.*",
        "",
        "| Regime | Navn | Status |",
        "|---|---|---|",
    ]
    for noegle, regime in alle_regimer().items():
        if noegle == GAELDENDE_RET:
            continue
        (reformmappe / f"{noegle}.md").write_text(reformside(regime, repo), encoding="utf-8")
        indeks.append(f"| [`{noegle}`]({noegle}.md) | {regime.navn} | {regime.status} |")
    (reformmappe / "index.md").write_text("\n".join(indeks) + "\n", encoding="utf-8")
    (reformmappe / "katalog.md").write_text(katalogside(), encoding="utf-8")
    spec = ud / "openapi-gaeldende_ret.json"
    spec.write_text(_openapi(system), encoding="utf-8")
    eksempel = ud / "reformfil-eksempel.md"
    eksempel.write_text(reformfileksempel(repo), encoding="utf-8")
    kalibreringsside = ud / "kalibrering.md"
    tabel = kalibrering.kalibrering(kalibrering.STANDARD_PERSONER)
    kalibreringsside.write_text(kalibrering.som_markdown(tabel), encoding="utf-8")
    return [
        kalibreringsside,
        *skrevet,
        lov / "aabne-punkter.md",
        reformmappe / "index.md",
        reformmappe / "katalog.md",
        spec,
        eksempel,
    ]


def reformfileksempel(repo: Path) -> str:
    """Karin (examples/sygemeldt_loenmodtager.yaml) under reformen og eksemplets variant af den."""
    noegle = reformfil.indlaes_fil(repo / REFORMFILEKSEMPEL, noegle=REFORMFILEKSEMPEL).noegle
    situation = indlaes_situation(repo / "examples" / "sygemeldt_loenmodtager.yaml")
    variabler = ["sygedagpenge_tidsgraense_dato", "sygedagpenge_nedsat", "sygedagpenge_maanedsbeloeb"]
    tekst = som_markdown(sammenlign(situation, "2026-04", ["tidsgraense_sygedagpenge", noegle], variabler))
    # Sidens egne overskrifter er niveau 1 og 2; sammenligningens rykkes to niveauer ned.
    return "".join(f"##{linje}" if linje.startswith("#") else linje for linje in tekst.splitlines(True))


def _openapi(system) -> str:
    """Web-API'ets OpenAPI-spec for gældende ret, som ``/gaeldende_ret/spec`` leverer den."""
    from openfisca_dk_beskaeftigelse.webapp import openfisca_app

    return openfisca_app(system).test_client().get("/spec").get_data(as_text=True)
