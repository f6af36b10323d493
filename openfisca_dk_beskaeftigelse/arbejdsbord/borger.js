// Borger-siden: en situation (eksempel, tom formular, fil eller indsat tekst), måned og regimer →
// notatet fra POST /sammenlign, forklaringen af en værdi, downloads og et link, der genskaber siden.

import { ApiFejl, hent, send } from "./api.js";
import { el, hentFil } from "./dom.js";
import * as feltfejl from "./feltfejl.js";
import { Formular } from "./formular.js";
import { tegnForklaring, tegnForskel, tegnNotat } from "./notat.js";
import { Regimevalg } from "./regimevalg.js";
import { skrivLink } from "./tilstand.js";
import { somYaml } from "./yaml.js";

const $ = (id) => document.getElementById(id);

export class Borger {
  constructor(registret) {
    this.side = $("borger");
    this.periode = $("periode");
    this.fremskrivning = $("fremskrivning");
    this.status = $("borger-status");
    this.resultatboks = $("resultat");
    this.resultat = null;
    this.beregnet = null; // anmodningen bag resultatet
    this.alle = false;
    this.fuldt = false; // om resultatet har alle rækker (raekker: "alle")
    this.regimer = new Regimevalg($("regimer-borger"), registret);
    this.eksempelliste = [];
    this.inddata = null;
  }

  async start(tilstand) {
    const [inddata, eksempler, effektvalg] = await Promise.all([
      hent(`arbejdsbord/api/inddata?periode=${this.periode.value}`),
      hent("arbejdsbord/api/eksempler"),
      hent("arbejdsbord/api/effekt"),
    ]);
    // Det sidste år med offentliggjorte satser kommer fra serveren (som på Befolkning).
    $("borger-offentliggjort-til").textContent = effektvalg.offentliggjort_til;
    this.inddata = inddata;
    this.eksempelliste = eksempler;
    this.formular = new Formular($("formular"), inddata, () => this.periode.value || "2026-03");
    const valg = $("eksempel");
    for (const e of eksempler) valg.append(el("option", { value: e.navn, title: e.beskrivelse }, e.titel));
    valg.addEventListener("change", () => this.vaelgEksempel(valg.value));
    $("tom-formular").addEventListener("click", () => {
      valg.value = "";
      $("eksempel-beskrivelse").textContent = "";
      this.formular.tom();
    });
    $("tilfoej-person").addEventListener("click", () => this.formular.tilfoej("personer"));
    $("tilfoej-virksomhed").addEventListener("click", () => this.formular.tilfoej("virksomheder"));
    $("indlaes-knap").addEventListener("click", () => this.indlaes($("indlaes-tekst").value, "indsat tekst"));
    $("indlaes-fil").addEventListener("change", async (h) => {
      const fil = h.target.files[0];
      if (fil) await this.indlaes(await fil.text(), fil.name);
      h.target.value = "";
    });
    $("beregn").addEventListener("click", () => this.beregn());
    this.periode.addEventListener("change", () => this.opdaterBagud());
    if (tilstand) {
      await this.aabnLink(tilstand);
    } else {
      valg.value = eksempler[0]?.navn || "";
      this.vaelgEksempel(valg.value);
    }
  }

  async opdaterBagud() {
    // Antallet af måneder, loven læser bagud, står i en parameter: hent det for den nye måned.
    if (!/^\d{4}-\d{2}$/.test(this.periode.value)) return;
    try {
      const inddata = await hent(`arbejdsbord/api/inddata?periode=${this.periode.value}`);
      this.formular.inddata = inddata;
      this.formular.variabler = new Map(inddata.variabler.map((v) => [v.navn, v]));
      this.formular.tegn();
    } catch (e) {
      this.visFejl(e);
    }
  }

  vaelgEksempel(navn) {
    const eksempel = this.eksempelliste.find((e) => e.navn === navn);
    if (!eksempel) return;
    $("eksempel-beskrivelse").textContent = eksempel.beskrivelse;
    this.formular.saet(eksempel.situation);
  }

  async indlaes(tekst, navn) {
    const fejlplads = $("indlaes-fejl");
    fejlplads.hidden = true;
    try {
      const svar = await send("arbejdsbord/api/indlaes", { tekst, navn });
      if (svar.art === "reform") {
        throw new ApiFejl(400, "filen er en reformfil; tilføj den under Regimer (Egen variant)", "tekst");
      }
      const tilfaelde = $("tilfaelde");
      const vaelg = (nr) => {
        const s = svar.situationer[nr];
        fejlplads.hidden = true;
        if (s.periode !== null && s.periode !== undefined) {
          const foer = this.periode.value;
          this.periode.value = String(s.periode);
          if (this.periode.value !== String(s.periode)) {
            // Fx 2026-13 eller et år (2026): månedsfeltet kan ikke rumme den; sig det i stedet for at tømme det.
            this.periode.value = foer;
            fejlplads.textContent = `tilfældets period ${JSON.stringify(s.periode)} er ikke en måned som 2026-03; måneden ovenfor er stadig ${foer}`;
            fejlplads.hidden = false;
          } else if (foer !== this.periode.value) {
            this.opdaterBagud();
          }
        }
        $("eksempel-beskrivelse").textContent = s.navn;
        this.formular.saet(s.situation);
      };
      tilfaelde.replaceChildren(...svar.situationer.map((s, nr) => el("option", { value: nr }, s.navn)));
      tilfaelde.onchange = () => vaelg(Number(tilfaelde.value));
      $("tilfaelde-valg").hidden = svar.situationer.length < 2;
      $("eksempel").value = "";
      vaelg(0);
    } catch (e) {
      if (!(e instanceof ApiFejl)) throw e;
      fejlplads.textContent = feltfejl.sti_og_besked(e).besked;
      fejlplads.hidden = false;
    }
  }

  tilstand() {
    return {
      periode: this.periode.value,
      situation: this.formular.vaerdi(),
      regimer: this.regimer.vaerdi(),
      fremskrivning: this.fremskrivning.checked,
      alle: this.alle,
    };
  }

  // Et link (ved start, eller indsat i adresselinjen, mens siden kører): siden, som linket siger, og
  // beregningen. En måned, månedsfeltet ikke kan rumme (2026-13), står som fejl ved feltet.
  async aabnLink(t) {
    this.gendan(t);
    if (t.periode !== undefined && this.periode.value !== t.periode) {
      this.status.classList.add("feltfejl");
      const fejl = new ApiFejl(0, `linkets måned ${JSON.stringify(t.periode)} er ikke en måned som 2026-03; vælg måneden`, "periode");
      feltfejl.ryd(this.side);
      this.visFejl(fejl);
      return;
    }
    await this.beregn();
  }

  gendan(t) {
    if (t.periode) this.periode.value = t.periode;
    this.fremskrivning.checked = Boolean(t.fremskrivning);
    this.alle = Boolean(t.alle);
    this.regimer.saet(t.regimer || []);
    this.formular.saet(t.situation || { personer: {} });
    $("eksempel").value = "";
  }

  visFejl(e) {
    if (!(e instanceof ApiFejl)) throw e;
    const vist = feltfejl.vis(this.side, e);
    const { besked } = feltfejl.sti_og_besked(e);
    this.status.textContent = vist ? `Ret feltet markeret med rødt: ${besked}` : `Fejl: ${e.fejl}`;
    this.status.classList.add("feltfejl");
  }

  async beregn() {
    feltfejl.ryd(this.side);
    this.status.classList.remove("feltfejl");
    const t = this.tilstand();
    const krop = { situation: t.situation, periode: t.periode, regimer: t.regimer, fremskrivning: t.fremskrivning };
    const knap = $("beregn");
    knap.disabled = true;
    this.status.textContent = "Beregner …";
    const start = performance.now();
    try {
      // Uden "Vis alle" kun rækkerne med forskelle: et mindre svar, der tegnes hurtigere.
      this.resultat = await send("sammenlign", { ...krop, raekker: this.alle ? "alle" : "afvigende" });
      this.fuldt = this.alle;
      this.beregnet = krop;
      skrivLink("borger", t);
      this.status.textContent = `Beregnet på ${Math.round(performance.now() - start)} ms.`;
      this.tegnResultat();
    } catch (e) {
      this.visFejl(e);
      if (this.resultat) {
        // Notatet hører til den forrige beregning, ikke til det, der står i formularen nu.
        this.resultatboks.classList.add("foraeldet");
        this.resultatboks.querySelector(".foraeldet-note")?.remove();
        this.resultatboks.prepend(el("p", { class: "feltfejl foraeldet-note" }, "Notatet nedenfor er fra den forrige beregning; ret fejlen og beregn igen."));
      }
    } finally {
      knap.disabled = false;
    }
  }

  tegnResultat() {
    const notat = el("div", { id: "notat" });
    tegnNotat(notat, this.resultat, {
      alle: this.alle,
      fuldt: this.fuldt,
      vedKlik: (raekke, regime, medlem, afv) => this.forklar(raekke, regime, medlem, afv),
      vedSkift: async (alle) => {
        // Kan hele svaret ikke hentes, står fejlen i statuslinjen, og notatet forbliver forskellene.
        this.alle = alle && (await this.hentFuldt());
        skrivLink("borger", this.tilstand());
        this.tegnResultat();
      },
    });
    this.resultatboks.classList.remove("foraeldet");
    this.resultatboks.replaceChildren(notat, this.hentlinks());
  }

  hentlinks() {
    const navn = `situation-${this.beregnet.periode}`;
    const kopier = el("button", { type: "button", onclick: () => this.kopierLink(kopier) }, "Kopiér link til siden");
    return el(
      "div",
      { class: "hentlinks" },
      el("button", { type: "button", onclick: () => hentFil(`${navn}.yaml`, somYaml(this.beregnet.situation, "Situation fra arbejdsbordet"), "application/yaml") }, "Hent situationen (YAML)"),
      el("button", { type: "button", onclick: () => hentFil(`${navn}.json`, JSON.stringify(this.beregnet.situation, null, 2), "application/json") }, "Hent situationen (JSON)"),
      el("button", { type: "button", onclick: () => this.hentCsv() }, "Hent resultatet (CSV)"),
      el("button", { type: "button", onclick: () => this.hentJson() }, "Hent resultatet (JSON)"),
      kopier,
    );
  }

  // Hele svaret (alle rækker) for den seneste beregning; falsk, hvis det ikke kunne hentes.
  async hentFuldt() {
    if (this.fuldt) return true;
    try {
      this.resultat = await send("sammenlign", { ...this.beregnet, raekker: "alle" });
      this.fuldt = true;
      return true;
    } catch (e) {
      this.visFejl(e);
      return false;
    }
  }

  async hentJson() {
    if (await this.hentFuldt()) {
      hentFil(`sammenligning-${this.beregnet.periode}.json`, JSON.stringify(this.resultat, null, 2), "application/json");
    }
  }

  async hentCsv() {
    try {
      const csv = await send("sammenlign", this.beregnet, "text/csv");
      hentFil(`sammenligning-${this.beregnet.periode}.csv`, csv, "text/csv");
    } catch (e) {
      this.visFejl(e);
    }
  }

  async kopierLink(knap) {
    const adresse = skrivLink("borger", this.tilstand());
    try {
      await navigator.clipboard.writeText(adresse);
      knap.textContent = "Linket er kopieret";
    } catch {
      // Uden adgang til udklipsholderen (fx over http på en anden maskine) står linket i adresselinjen.
      knap.textContent = "Linket står i adresselinjen";
    }
  }

  async forklar(raekke, regime, medlem, afviger = false) {
    const dialog = $("forklaring");
    const indhold = $("forklaring-indhold");
    $("forklaring-titel").textContent = afviger
      ? `Hvorfor er ${raekke.label} ${raekke.tekster[regime.noegle]} under ${regime.navn} og ${raekke.tekster.gaeldende_ret ?? "—"} under gældende ret?`
      : `Hvorfor er ${raekke.label} ${raekke.tekster[regime.noegle]}?`;
    indhold.replaceChildren(el("p", { class: "status" }, "Henter forklaringen …"));
    if (!dialog.open) dialog.showModal();
    const i = this.resultat.regimer.findIndex((r) => r.noegle === regime.noegle);
    // Et eget regime (en reformfil) sendes, som det blev sendt til /sammenlign.
    const sendt = typeof this.beregnet.regimer[i] === "object" ? this.beregnet.regimer[i] : regime.noegle;
    const faelles = {
      situation: this.beregnet.situation,
      periode: this.beregnet.periode,
      variabel: raekke.variabel,
      person: medlem.id,
      fremskrivning: this.beregnet.fremskrivning,
    };
    const spor = el("div", { class: "spor" });
    const forskel = el("section", { id: "forskel" });
    const kald = [send("arbejdsbord/api/forklaring", { ...faelles, regime: sendt })];
    if (afviger) kald.push(send("forklar", { ...faelles, regimer: ["gaeldende_ret", sendt] }));
    const svar = await Promise.allSettled(kald);
    const fejl = svar.find((s) => s.status === "rejected");
    if (fejl) {
      if (!(fejl.reason instanceof ApiFejl)) throw fejl.reason;
      indhold.replaceChildren(el("p", { class: "feltfejl" }, `Forklaringen kan ikke vises: ${fejl.reason.fejl}`));
      return;
    }
    tegnForklaring(spor, svar[0].value);
    if (!afviger) {
      indhold.replaceChildren(spor);
      return;
    }
    tegnForskel(forskel, svar[1].value);
    indhold.replaceChildren(
      forskel,
      el("details", { class: "helt-spor", open: true }, el("summary", {}, `Hele beregningen under ${regime.navn}`), spor),
    );
  }
}
