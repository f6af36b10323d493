// Befolkning-siden: effekt på en syntetisk befolkning for en måned eller et helt år, med gentagne
// trækninger (POST arbejdsbord/api/effekt, NDJSON med fremdrift): mållinjen, ét vandret diagram per
// mål med intervaller og tabellerne; download som CSV, JSON, PNG og SVG. Tal, intervaller, sortering
// og tekster kommer fra serveren (effekt.som_dict); siden viser dem.

import { ApiFejl, hent, sendStroem } from "./api.js";
import { el, hentFil, tal } from "./dom.js";
import * as feltfejl from "./feltfejl.js";
import { somPng, vandretDiagram } from "./diagram.js";
import { Regimevalg } from "./regimevalg.js";
import { skrivLink } from "./tilstand.js";

const $ = (id) => document.getElementById(id);
const GAELDENDE_RET = "gaeldende_ret";

export class Befolkning {
  constructor(registret) {
    this.side = $("befolkning");
    this.navne = new Map(registret.map((r) => [r.noegle, r.navn]));
    this.regimer = new Regimevalg($("regimer-befolkning"), registret);
    this.status = $("bef-status");
    this.fremdrift = $("bef-fremdrift");
    this.resultatboks = $("bef-resultat");
  }

  async start(tilstand) {
    $("bef-beregn").addEventListener("click", () => this.beregn());
    $("bef-periodetype").addEventListener("change", () => {
      this.visPeriodevalg();
      this.tilpas();
    });
    for (const id of ["bef-personer", "bef-traekninger"]) $(id).addEventListener("input", () => this.visLoft());
    this.regimer.vedAendring = () => this.visLoft();
    // Årene, det sidste år med offentliggjorte satser og grænserne kommer fra serveren.
    this.valg = await hent("arbejdsbord/api/effekt");
    const g = this.valg.graenser;
    $("bef-personer").max = g.befolkning_personer;
    $("bef-graenser").textContent =
      `Højst ${tal(g.befolkning_personer)} personer og ${tal(g.befolkning_personer_gange_regimer)} personer × regimer ` +
      `per beregning her (personer × måneder × trækninger × regimer; højst ${tal(g.befolkning_traekninger)} trækninger ` +
      `og ${tal(g.befolkning_maaneder_gange_traekninger)} måneder × trækninger; ` +
      `tidsgrænsen er ${g.sekunder_per_anmodning} sekunder); større befolkninger: dk-beskaeftigelse effekt.`;
    $("bef-traekninger").max = g.befolkning_traekninger;
    const aar = $("bef-aar");
    aar.min = this.valg.aar.fra;
    aar.max = this.valg.aar.til;
    // Standard: det første år med fremskrevne satser (det, et forslag typisk gælder fra).
    this.standardaar = Math.min(this.valg.aar.til, this.valg.offentliggjort_til + 1);
    aar.value = this.standardaar;
    $("bef-offentliggjort-til").textContent = this.valg.offentliggjort_til;
    this.visLoft();
    if (tilstand) await this.aabnLink(tilstand);
  }

  // Et link: felterne, som linket siger (også 0 og negative tal: serveren siger, hvad der er galt,
  // i stedet for at siden stille beregner sin standard), og beregningen.
  async aabnLink(tilstand) {
    const vaerdi = (x, standard) => (x === undefined || x === null ? standard : x);
    $("bef-periodetype").value = tilstand.aar !== undefined ? "aar" : "maaned";
    $("bef-periode").value = vaerdi(tilstand.periode, "2026-03");
    $("bef-aar").value = vaerdi(tilstand.aar, this.standardaar);
    $("bef-personer").value = vaerdi(tilstand.personer, 20000);
    $("bef-seed").value = vaerdi(tilstand.seed, 0);
    $("bef-traekninger").value = vaerdi(tilstand.traekninger, 5);
    $("bef-fremskrivning").checked = Boolean(tilstand.fremskrivning);
    this.regimer.saet(tilstand.regimer || []);
    this.visPeriodevalg();
    this.visLoft();
    await this.beregn();
  }

  // Et talfelt, der er tomt, eller hvor browseren ikke kan læse tallet (fx "1e"), har værdien "":
  // Number("") er 0, så siden ville stille beregne med 0. Beskeden står i stedet ved feltet.
  tomtTalfelt() {
    const felter = { personer: "bef-personer", seed: "bef-seed", traekninger: "bef-traekninger" };
    if ($("bef-periodetype").value === "aar") felter.aar = "bef-aar";
    for (const [felt, id] of Object.entries(felter)) {
      const input = $(id);
      if (input.value === "") {
        return new ApiFejl(0, input.validity.badInput ? "er ikke et helt tal; skriv fx 20000" : "mangler; skriv et helt tal", felt);
      }
    }
    return null;
  }

  // Det største antal trækninger og personer, grænserne tillader med den valgte periode og regimerne
  // (serverens regel: måneder × trækninger og personer × måneder × trækninger × regimer).
  hoejst() {
    const g = this.valg.graenser;
    const maaneder = $("bef-periodetype").value === "aar" ? this.valg.maaneder_pr_aar : 1;
    const traekninger = Math.min(g.befolkning_traekninger, Math.floor(g.befolkning_maaneder_gange_traekninger / maaneder));
    const liste = this.regimer.vaerdi();
    const regimer = new Set(liste.filter((x) => typeof x === "string")).size + liste.filter((x) => typeof x === "object").length;
    const valgte = Math.min(Math.max(1, Number($("bef-traekninger").value) || 1), traekninger);
    const personer = Math.min(g.befolkning_personer, Math.floor(g.befolkning_personer_gange_regimer / (regimer * maaneder * valgte)));
    return { maaneder, regimer, traekninger, personer };
  }

  visLoft() {
    if (!this.valg) return;
    const h = this.hoejst();
    $("bef-loft").textContent =
      `Med ${h.maaneder === 1 ? "én måned" : `${h.maaneder} måneder`} og ${h.regimer} regime(r): højst ` +
      `${tal(h.traekninger)} trækninger og ${tal(h.personer)} personer.`;
  }

  // Et helt år: trækninger og personer sættes ned til grænsen (fx 5 → 3 trækninger), så sidens
  // standardværdier for én måned også kan beregnes for et år; siden siger, hvad der er ændret.
  tilpas() {
    const aendret = [];
    const traekninger = $("bef-traekninger");
    const { traekninger: hoejstT } = this.hoejst();
    if (Number(traekninger.value) > hoejstT) {
      traekninger.value = hoejstT;
      aendret.push(`trækninger til ${tal(hoejstT)}`);
    }
    const personer = $("bef-personer");
    const { personer: hoejstP, maaneder } = this.hoejst();
    if (Number(personer.value) > hoejstP) {
      personer.value = hoejstP;
      aendret.push(`personer til ${tal(hoejstP)}`);
    }
    this.visLoft();
    if (aendret.length) $("bef-loft").textContent += ` Sat ned for ${maaneder} måneder: ${aendret.join(" og ")}.`;
  }

  visPeriodevalg() {
    const aar = $("bef-periodetype").value === "aar";
    $("bef-aarsvalg").hidden = !aar;
    $("bef-maanedsvalg").hidden = aar;
  }

  tilstand() {
    const periode = $("bef-periodetype").value === "aar" ? { aar: Number($("bef-aar").value) } : { periode: $("bef-periode").value };
    return {
      ...periode,
      personer: Number($("bef-personer").value),
      seed: Number($("bef-seed").value),
      traekninger: Number($("bef-traekninger").value),
      fremskrivning: $("bef-fremskrivning").checked,
      regimer: this.regimer.vaerdi(),
    };
  }

  visFejl(e) {
    const vist = feltfejl.vis(this.side, e);
    this.status.textContent = vist ? `Ret feltet markeret med rødt: ${feltfejl.sti_og_besked(e).besked}` : `Fejl: ${e.fejl}`;
    this.status.classList.add("feltfejl");
  }

  async beregn() {
    feltfejl.ryd(this.side);
    this.status.classList.remove("feltfejl");
    const tomt = this.tomtTalfelt();
    if (tomt) return this.visFejl(tomt);
    const t = this.tilstand();
    const knap = $("bef-beregn");
    knap.disabled = true;
    this.fremdrift.hidden = false;
    this.fremdrift.removeAttribute("value");
    const start = performance.now();
    const ur = setInterval(() => {
      this.status.textContent = `Beregner ${tal(t.personer)} personer × ${tal(t.traekninger)} trækninger under ${t.regimer.length} regimer … ${Math.round((performance.now() - start) / 1000)} s`;
    }, 250);
    let resultat = null;
    try {
      await sendStroem("arbejdsbord/api/effekt", t, (linje) => {
        if (linje.start) {
          // Et eget regime (en reformfil) har en nøgle fra serveren; vis variantens navn.
          linje.start.regimer.forEach((noegle, i) => {
            const sendt = t.regimer[i];
            if (sendt && typeof sendt === "object") this.navne.set(noegle, sendt.navn || noegle);
          });
        } else if (linje.fremdrift) {
          this.fremdrift.max = linje.fremdrift.i_alt;
          this.fremdrift.value = linje.fremdrift.faerdige;
        } else if (linje.resultat) {
          resultat = linje;
        } else if (linje.fejl) {
          throw new ApiFejl(200, linje.fejl, linje.felt);
        }
      });
      if (!resultat) throw new ApiFejl(0, "serveren afbrød beregningen uden et resultat", null);
      skrivLink("befolkning", t);
      this.status.textContent = `Beregnet på ${tal((performance.now() - start) / 1000, 1)} s.`;
      this.tegn(resultat.resultat, resultat.csv);
    } catch (e) {
      if (!(e instanceof ApiFejl)) throw e;
      this.visFejl(e);
    } finally {
      clearInterval(ur);
      knap.disabled = false;
      this.fremdrift.hidden = true;
    }
  }

  navn(noegle) {
    return noegle.split("+").map((d) => this.navne.get(d) || d).join(" + ");
  }

  tegn(r, csv) {
    const opregnet = r.personer_i_befolkningen * r.vaegt;
    const dele = [
      el("h2", {}, `Effekt ${r.periode}`),
      el("p", {}, `${tal(r.personer_i_befolkningen)} syntetiske personer, opregnet til ${tal(opregnet)} (16-66 år).`),
      el("p", { class: "hjaelp", id: "bef-usikkerhed" }, r.usikkerhed.metode),
      r.fremskrivning_grund ? el("p", { class: "hjaelp", id: "bef-fremskrivning-grund" }, `Fremskrivning: ${r.fremskrivning_grund}.`) : null,
      el(
        "div",
        { class: "hentlinks" },
        el("button", { type: "button", onclick: () => hentFil(`effekt-${r.periode}.csv`, csv, "text/csv") }, "Hent CSV"),
        el("button", { type: "button", onclick: () => hentFil(`effekt-${r.periode}.json`, JSON.stringify(r, null, 2), "application/json") }, "Hent JSON"),
      ),
    ];
    if (r.maallinje.length) {
      dele.push(
        el("h3", {}, "Mållinjen: ydelsesudgifterne mod gældende ret og besparelsesmålet"),
        el(
          "ul",
          { class: "maallinje", id: "bef-maallinje" },
          r.maallinje.map((l) => el("li", { dataset: { regime: l.regime } }, el("strong", {}, this.navn(l.regime)), ` (${l.art}): ${l.tekst}`)),
        ),
        el("p", { class: "hjaelp" }, r.besparelsesmaal.forbehold),
      );
    }
    const diagrammer = el("div", { class: "diagrammer" });
    for (const [maal, d] of Object.entries(r.diagrammer)) {
      const diagram = vandretDiagram({
        titel: d.titel,
        enhed: d.enhed,
        decimaler: d.enhed === "mio. kr." ? 1 : 0,
        soejler: d.soejler.map((s) => ({ ...s, navn: this.navn(s.regime) })),
      });
      diagrammer.append(
        el(
          "figure",
          { class: "diagram", dataset: { maal } },
          diagram,
          el("button", { type: "button", class: "lille", onclick: async () => hentFil(`${maal}.png`, await somPng(diagram)) }, "Hent PNG"),
          el(
            "button",
            { type: "button", class: "lille", onclick: () => hentFil(`${maal}.svg`, new XMLSerializer().serializeToString(diagram), "image/svg+xml") },
            "Hent SVG",
          ),
        ),
      );
    }
    const tabeller = el("div", {});
    for (const [maal, { titel, visningsenhed }] of Object.entries(r.maal)) {
      const raekker = r.resultater.filter((x) => x.maal === maal);
      if (!raekker.length) continue;
      const kategorier = [...new Set(raekker.map((x) => x.kategori))];
      const raekke = (kategori, regime) => raekker.find((x) => x.kategori === kategori && x.regime === regime) ?? null;
      tabeller.append(
        el("h3", {}, `${titel} (${visningsenhed})`),
        el(
          "div",
          { class: "tabelrulle" },
          el(
            "table",
            { dataset: { maal } },
            el("thead", {}, el("tr", {}, el("th", {}, "Kategori"), r.regimer.map((n) => el("th", { class: "tal", title: n }, this.navn(n))))),
            el(
              "tbody",
              {},
              kategorier.map((k) =>
                el(
                  "tr",
                  {},
                  el("td", {}, k),
                  r.regimer.map((n) => {
                    const x = raekke(k, n);
                    if (x === null) return el("td", { class: "tal" }, "—");
                    // En forskel fra gældende ret, som ikke er usikker, er markeret; en usikker er grå.
                    const klasse = x.usikker ? "tal usikker" : x.afviger ? "tal afviger" : "tal";
                    return el("td", { class: klasse, title: x.forskel_tekst ? `forskel: ${x.forskel_tekst}` : null }, x.tekst);
                  }),
                ),
              ),
            ),
          ),
        ),
      );
    }
    dele.push(diagrammer, tabeller);
    // Ét punkt per parameter med de måneder, hullet dækker (huller_samlet), ikke ét per måned.
    if (r.huller_samlet.length) {
      const punkter = r.huller_samlet.map((h) => el("li", {}, `${h.maal.map((m) => r.maal[m].titel).join("; ")}: ${h.tekst}`));
      dele.push(el("h3", {}, "Ikke fuldt beregnet"), el("ul", { id: "bef-huller" }, punkter));
    }
    this.resultatboks.replaceChildren(...dele.filter(Boolean));
  }
}
