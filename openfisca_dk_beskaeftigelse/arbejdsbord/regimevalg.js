// Valget af regimer: registrets reformer og pakker, egne stakke (a+b) og egne varianter.
//
// En egen variant er en reformfil (indsat eller uploadet) eller en liste af parameterændringer; den
// sendes som et reformobjekt i listen af regimer (reformfilernes skema, se docs/reformfiler.md).
// ``vaerdi()`` er listen til /sammenlign og effekt; hvert element har sin sti (regimer/<nr>), så en
// fejl i en variant vises ved den.

import { ApiFejl, hent, send } from "./api.js";
import { el } from "./dom.js";
import { somTal } from "./formular.js";
import { sti_og_besked } from "./feltfejl.js";

const GAELDENDE_RET = "gaeldende_ret";

export class Regimevalg {
  constructor(rod, registret, { varianter = true } = {}) {
    this.rod = rod;
    this.registret = registret;
    this.navne = new Map(registret.map((r) => [r.noegle, r.navn]));
    this.valgte = new Set();
    this.stakke = [];
    this.varianter = [];
    this.tilladVarianter = varianter;
    this.vedAendring = () => {};
    this.tegn();
  }

  static async hent() {
    return hent("regimer");
  }

  // Listen fra et link: et navn, registret ikke kender (eller noget, der ikke er et regime), bliver
  // stående som en stak, så serveren afviser det ved feltet i stedet for, at det forsvinder.
  saet(liste) {
    this.valgte = new Set();
    this.stakke = [];
    this.varianter = [];
    for (const x of Array.isArray(liste) ? liste : [liste]) {
      if (typeof x === "object" && x !== null) this.varianter.push(x);
      else if (typeof x === "string" && !x.includes("+") && this.navne.has(x)) this.valgte.add(x);
      else if (x !== GAELDENDE_RET && !this.stakke.includes(x)) this.stakke.push(x);
    }
    this.tegn();
  }

  vaerdi() {
    const noegler = this.registret.map((r) => r.noegle).filter((n) => n !== GAELDENDE_RET && this.valgte.has(n));
    return [GAELDENDE_RET, ...noegler, ...this.stakke, ...this.varianter];
  }

  navn(x) {
    if (typeof x === "object") return x.navn || "Egen variant";
    if (typeof x !== "string") return JSON.stringify(x);
    return x.split("+").map((d) => this.navne.get(d) || d).join(" + ");
  }

  aendret() {
    this.vedAendring();
  }

  tegn() {
    const grupper = [
      ["Reformer", this.registret.filter((r) => r.reformer.length === 1 && r.noegle !== GAELDENDE_RET)],
      ["Forslagspakker", this.registret.filter((r) => r.reformer.length > 1)],
    ];
    const afkrydsning = (r) =>
      el(
        "label",
        { class: "afkryds", title: r.kilder.map((k) => k.henvisning).join("\n") },
        el("input", {
          type: "checkbox",
          value: r.noegle,
          checked: this.valgte.has(r.noegle),
          onchange: (h) => {
            if (h.target.checked) this.valgte.add(r.noegle);
            else this.valgte.delete(r.noegle);
            this.tegnValgte();
            this.aendret();
          },
        }),
        el("span", {}, r.navn, " ", el("span", { class: "noegle" }, r.noegle)),
        r.status === "annonceret" ? el("span", { class: "badge annonceret" }, "annonceret") : null,
      );
    const liste = el(
      "div",
      { class: "grupper" },
      el("h4", {}, "Gældende ret er altid med (grundlaget for forskellene)"),
      grupper.map(([titel, regimer]) => [el("h4", {}, titel), regimer.map(afkrydsning)]),
    );
    this.valgteliste = el("div", { class: "chips", "aria-label": "Valgte stakke og varianter" });
    const stak = el("input", {
      list: `${this.rod.id}-noegler`,
      placeholder: "fx faerre_maalgrupper+ingen_jobafklaring",
      "aria-label": "Stak af regimer",
      size: 34,
    });
    const stakfejl = el("span", { class: "feltfejl", hidden: true });
    const tilfoejStak = () => {
      if (!stak.value.trim()) return;
      const delene = stak.value.split("+").map((d) => d.trim());
      const noegle = delene.join("+");
      const ukendte = delene.filter((d) => !this.navne.has(d));
      const afvis = (besked) => {
        stakfejl.textContent = besked;
        stakfejl.hidden = false;
      };
      if (delene.includes("")) return afvis("der mangler et regime før eller efter +; skriv fx faerre_maalgrupper+ingen_jobafklaring");
      if (ukendte.length) return afvis(`ukendt regime '${ukendte[0]}'; vælg et fra listen`);
      if (noegle === GAELDENDE_RET) return afvis("gældende ret er altid med; vælg et andet regime");
      stakfejl.hidden = true;
      if (!noegle.includes("+")) this.valgte.add(noegle);
      else if (!this.stakke.includes(noegle)) this.stakke.push(noegle);
      stak.value = "";
      this.tegn();
      this.aendret();
    };
    const dele = [
      el(
        "div",
        { class: "raekke" },
        el("button", { type: "button", class: "lille", onclick: () => this.alle(true) }, "Vælg alle"),
        el("button", { type: "button", class: "lille", onclick: () => this.alle(false) }, "Ingen"),
      ),
      liste,
      el(
        "div",
        { class: "raekke" },
        el("label", {}, "Stak (regimer lagt oven på hinanden med +)", stak, stakfejl),
        el("button", { type: "button", onclick: tilfoejStak }, "Tilføj stak"),
        el("datalist", { id: `${this.rod.id}-noegler` }, this.registret.map((r) => el("option", { value: r.noegle }, r.navn))),
      ),
    ];
    if (this.tilladVarianter) dele.push(this.variantfelter());
    dele.push(this.valgteliste);
    this.rod.replaceChildren(el("fieldset", { class: "boks" }, el("legend", {}, "Regimer"), dele));
    this.tegnValgte();
  }

  variantfelter() {
    const tekst = el("textarea", {
      rows: 5,
      spellcheck: "false",
      "aria-label": "Reformfil (YAML)",
      placeholder: "navn: Min variant\nbygger_paa: [tidsgraense_sygedagpenge]\naendringer:\n  - parameter: reformer.tidsgraense_sygedagpenge.uger\n    vaerdi: 26\n    fra: 2026-01-01",
    });
    const fil = el("input", { type: "file", accept: ".yaml,.yml,.json", "aria-label": "Reformfil" });
    const fejl = el("p", { class: "feltfejl", hidden: true });
    const indlaes = async (indhold, navn) => {
      fejl.hidden = true;
      try {
        const svar = await send("arbejdsbord/api/indlaes", { tekst: indhold, navn });
        if (svar.art !== "reform") {
          throw new Error("filen er ikke en reformfil (den har ingen 'aendringer'); en situation indlæses under Situation");
        }
        this.varianter.push(svar.reform);
        tekst.value = "";
        this.tegnValgte();
        this.aendret();
      } catch (e) {
        // API'ets besked uden feltets navn forrest ("tekst: ..."): beskeden står ved tekstfeltet.
        fejl.textContent = e instanceof ApiFejl ? sti_og_besked(e).besked : e.message;
        fejl.hidden = false;
      }
    };
    fil.addEventListener("change", async () => {
      if (fil.files.length) await indlaes(await fil.files[0].text(), fil.files[0].name);
      fil.value = "";
    });
    const parameter = el("input", { "aria-label": "Parameter", placeholder: "sygedagpenge.varighed.revurdering_uger", size: 34 });
    const vaerdi = el("input", { "aria-label": "Ny værdi", placeholder: "26", size: 8 });
    const fra = el("input", { type: "date", "aria-label": "Gælder fra", value: "2026-01-01" });
    const aendringer = [];
    const aendringsliste = el("ul", { class: "hjaelp" });
    const tilfoejAendring = () => {
      if (!parameter.value.trim()) return;
      // Et tal som i talfelterne (også 0,5); ellers JSON (true, [a, b]); ellers teksten (fx en Enum-værdi).
      const tal = somTal(vaerdi.value);
      let v = vaerdi.value.trim();
      if (typeof tal === "number") {
        v = tal;
      } else {
        try {
          const tolket = JSON.parse(v);
          // 1e999 bliver Infinity og blev sendt som null ("mangler"): teksten sendes, som den står.
          if (typeof tolket !== "number") v = tolket;
        } catch {
          // En tekst sendes som tekst.
        }
      }
      aendringer.push({ parameter: parameter.value.trim(), vaerdi: v, fra: fra.value });
      aendringsliste.replaceChildren(...aendringer.map((a) => el("li", {}, `${a.parameter} = ${JSON.stringify(a.vaerdi)} fra ${a.fra}`)));
      parameter.value = "";
      vaerdi.value = "";
    };
    const somRegime = () => {
      if (parameter.value.trim()) tilfoejAendring();
      if (!aendringer.length) return;
      this.varianter.push({ navn: "Egne ændringer", aendringer: aendringer.splice(0) });
      aendringsliste.replaceChildren();
      this.tegnValgte();
      this.aendret();
    };
    return el(
      "details",
      { class: "varianter" },
      el("summary", {}, "Egen variant: en reformfil eller parameterændringer"),
      el("p", { class: "hjaelp" }, "En reformfil ændrer parametre fra en dato, evt. oven på registrets reformer (se dokumentationens side om reformfiler)."),
      el("label", {}, "Reformfil", fil),
      tekst,
      el("button", { type: "button", onclick: () => indlaes(tekst.value, "indsat reformfil") }, "Tilføj reformfilen"),
      fejl,
      el(
        "div",
        { class: "raekke" },
        el("label", {}, "Parameter", parameter),
        el("label", {}, "Værdi", vaerdi),
        el("label", {}, "Fra", fra),
        el("button", { type: "button", onclick: tilfoejAendring }, "+ ændring"),
        el("button", { type: "button", onclick: somRegime }, "Tilføj som regime"),
      ),
      aendringsliste,
    );
  }

  tegnValgte() {
    if (!this.valgteliste) return;
    const liste = this.vaerdi();
    const chips = [];
    liste.forEach((x, nr) => {
      if (typeof x === "string" && !x.includes("+") && this.navne.has(x)) return;
      const fjern = () => {
        if (typeof x === "object") this.varianter = this.varianter.filter((y) => y !== x);
        else this.stakke = this.stakke.filter((y) => y !== x);
        this.tegnValgte();
        this.aendret();
      };
      chips.push(
        el(
          "span",
          { class: "chip", dataset: { sti: `regimer/${nr}` } },
          typeof x === "object"
            ? el("span", { class: "badge ny" }, "egen")
            : el("span", { class: "badge" }, String(x).split("+").every((d) => this.navne.has(d)) ? "stak" : "ukendt"),
          this.navn(x),
          el("button", { type: "button", class: "fjern", title: "Fjern", onclick: fjern }, "×"),
        ),
      );
    });
    const antal = liste.length;
    this.valgteliste.replaceChildren(
      el("span", { class: "hjaelp" }, `${antal} regime${antal === 1 ? "" : "r"} i alt (med gældende ret)`),
      ...chips,
    );
  }

  alle(til) {
    this.valgte = til ? new Set(this.registret.map((r) => r.noegle)) : new Set();
    this.tegn();
    this.aendret();
  }
}
