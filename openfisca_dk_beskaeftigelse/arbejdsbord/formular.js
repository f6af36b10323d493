// Situationens formular, genereret fra modellens input (GET arbejdsbord/api/inddata).
//
// Situationen er OpenFiscas format ({personer: {id: {variabel: {periode: værdi}}}, virksomheder: ...})
// og er formularens eneste tilstand: hvert felt skriver sin værdi ind i den, og ``vaerdi()`` giver
// den, som brugeren har skrevet den (også en forkert værdi, så serveren kan sige, hvad der er galt).
// Hvert felt har sin sti i data-sti (personer/ole/timeloen/2026), så en fejl kan vises ved det.

import { el, hjemmelslink } from "./dom.js";
import * as feltfejl from "./feltfejl.js";

const INGEN_DATO = "0001-01-01";

// Et objekt med navngivne felter ({...}), ikke en liste, et tal eller null.
const erObjekt = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

// Et tal, som brugeren skriver det: dansk decimalkomma (187,50) eller punktum (187.5). En tekst, der
// ikke er et tal, gives tilbage, som den er, så serveren kan sige, hvad den forventede.
export function somTal(tekst) {
  const t = tekst.trim();
  const dansk = /^[-+]?\d+,\d+$/.test(t) ? t.replace(",", ".") : t;
  return t === "" || !Number.isFinite(Number(dansk)) ? tekst : Number(dansk);
}

export class Formular {
  constructor(rod, inddata, periode) {
    this.rod = rod;
    this.inddata = inddata;
    this.periode = periode; // funktion: den valgte måned, fx "2026-03"
    this.variabler = new Map(inddata.variabler.map((v) => [v.navn, v]));
    this.situation = { personer: {} };
    this.vedAendring = () => {};
  }

  saet(situation) {
    this.situation = structuredClone(situation || { personer: {} });
    this.tegn();
  }

  vaerdi() {
    return structuredClone(this.situation);
  }

  tom() {
    this.saet({ personer: { person_1: { foedselsdato: { ETERNITY: "1980-01-01" } } } });
  }

  aendret() {
    this.vedAendring();
  }

  nytId(flertal, stamme) {
    const brugte = new Set(Object.keys(this.situation[flertal] || {}));
    let n = brugte.size + 1;
    while (brugte.has(`${stamme}_${n}`)) n += 1;
    return `${stamme}_${n}`;
  }

  tilfoej(flertal) {
    const entitet = this.inddata.entiteter.find((e) => e.noegle === flertal);
    const id = this.nytId(flertal, entitet.person ? "person" : "arbejdssted");
    this.situation[flertal] = this.situation[flertal] || {};
    this.situation[flertal][id] = entitet.person ? { foedselsdato: { ETERNITY: "1980-01-01" } } : {};
    this.tegn();
    this.aendret();
  }

  tegn() {
    const dele = [];
    for (const entitet of this.inddata.entiteter) {
      const medlemmer = this.situation[entitet.noegle];
      if (medlemmer === undefined) continue;
      if (!erObjekt(medlemmer)) {
        // Fx en liste i en indlæst fil: vises (serveren siger, hvad den forventede), ellers intet.
        dele.push(
          el(
            "p",
            { class: "hjaelp", dataset: { sti: entitet.noegle } },
            `${entitet.noegle}: ${JSON.stringify(medlemmer)} er ikke et objekt med id'er; ret det i filen.`,
          ),
        );
        continue;
      }
      for (const id of Object.keys(medlemmer)) {
        dele.push(this.medlem(entitet, id));
      }
    }
    if (!dele.length) {
      dele.push(el("p", { class: "tom-tekst" }, "Ingen personer endnu: vælg et eksempel, en tom formular eller + person."));
    }
    this.rod.replaceChildren(...dele);
  }

  medlem(entitet, id) {
    const flertal = entitet.noegle;
    const felter = this.situation[flertal][id];
    const sti = `${flertal}/${id}`;
    const idFelt = el("input", {
      value: id,
      "aria-label": `Id for ${entitet.ental}`,
      size: 14,
      onchange: (h) => this.omdoeb(flertal, id, h.target.value.trim(), h.target),
    });
    const hoved = el(
      "header",
      {},
      el("label", {}, el("span", { class: "entitet" }, entitet.person ? "Person" : "Arbejdssted"), idFelt),
      el("button", { type: "button", class: "fjern", title: "Fjern", onclick: () => this.fjernMedlem(flertal, id) }, "Fjern"),
    );
    if (!erObjekt(felter)) {
      return el(
        "section",
        { class: "medlem", dataset: { sti } },
        hoved,
        el("p", { class: "hjaelp" }, `${JSON.stringify(felter)} er ikke et objekt med oplysninger; ret det i filen, eller fjern ${entitet.person ? "personen" : "arbejdsstedet"}.`),
      );
    }
    const roller = entitet.roller.length ? this.roller(entitet, id, felter) : null;
    const raekker = Object.keys(felter)
      .filter((navn) => !entitet.roller.some((r) => r.noegle === navn))
      .map((navn) => this.felt(entitet, id, navn));
    return el(
      "section",
      { class: "medlem", dataset: { sti } },
      hoved,
      roller,
      el("div", { class: "felter" }, raekker),
      this.tilfoejFelt(entitet, id, felter),
    );
  }

  roller(entitet, id, felter) {
    const personer = Object.keys(this.situation.personer || {});
    return el(
      "div",
      { class: "roller" },
      entitet.roller.map((rolle) =>
        el(
          "fieldset",
          { dataset: { sti: `${entitet.noegle}/${id}/${rolle.noegle}` } },
          el("legend", {}, rolle.label || rolle.noegle),
          personer.map((p) =>
            el(
              "label",
              { class: "afkryds" },
              el("input", {
                type: "checkbox",
                checked: Array.isArray(felter[rolle.noegle]) && felter[rolle.noegle].includes(p),
                onchange: (h) => {
                  const liste = (Array.isArray(felter[rolle.noegle]) ? felter[rolle.noegle] : []).filter((x) => x !== p);
                  if (h.target.checked) liste.push(p);
                  if (liste.length) felter[rolle.noegle] = liste;
                  else delete felter[rolle.noegle];
                  this.aendret();
                },
              }),
              p,
            ),
          ),
        ),
      ),
    );
  }

  tilfoejFelt(entitet, id, felter) {
    const grupper = new Map();
    for (const v of this.inddata.variabler) {
      if (v.entitet !== entitet.noegle || v.navn in felter) continue;
      const lov = v.lov ? `${v.lov}: ${this.inddata.love[v.lov].titel}` : "Øvrige";
      if (!grupper.has(lov)) grupper.set(lov, []);
      grupper.get(lov).push(v);
    }
    const valg = el(
      "select",
      {
        "aria-label": "Tilføj en oplysning",
        onchange: (h) => {
          if (h.target.value) this.nytFelt(entitet.noegle, id, h.target.value);
        },
      },
      el("option", { value: "" }, "+ oplysning …"),
      [...grupper].map(([lov, variabler]) =>
        el(
          "optgroup",
          { label: lov },
          variabler.map((v) =>
            el("option", { value: v.navn }, `${v.label} (${v.navn})${v.kun_under.length ? " — kun under reformer" : ""}`),
          ),
        ),
      ),
    );
    return el("div", { class: "tilfoej" }, valg);
  }

  standardPeriode(variabel) {
    if (variabel && variabel.periode === "eternity") return "ETERNITY";
    return this.periode().slice(0, 4);
  }

  nytFelt(flertal, id, navn) {
    const v = this.variabler.get(navn);
    const startvaerdi = v.type === "dato" ? this.periode() + "-01" : v.standard ?? "";
    this.situation[flertal][id][navn] = { [this.standardPeriode(v)]: startvaerdi };
    this.tegn();
    this.aendret();
    const nyt = [...this.rod.querySelectorAll("[data-sti]")].find((e) => e.dataset.sti === `${flertal}/${id}/${navn}`);
    nyt?.querySelector(".periode input:not(.periodenoegle), .periode select")?.focus();
  }

  felt(entitet, id, navn) {
    const flertal = entitet.noegle;
    const v = this.variabler.get(navn);
    const sti = `${flertal}/${id}/${navn}`;
    const vaerdier = this.situation[flertal][id][navn];
    const hoved = el(
      "div",
      { class: "felthoved" },
      el("span", { class: "label" }, v ? v.label : navn),
      el("code", {}, navn),
      v ? hjemmelslink(v.reference) : el("span", { class: "badge" }, "ikke et input i formularen"),
      v?.enhedstekst ? el("span", { class: "enhed" }, v.enhedstekst) : null,
      v?.kun_under.length ? el("span", { class: "badge ny", title: v.kun_under.join(", ") }, "kun under reformer") : null,
      el("button", { type: "button", class: "fjern", title: "Fjern oplysningen", onclick: () => this.fjernFelt(flertal, id, navn) }, "×"),
    );
    const perioder =
      vaerdier && typeof vaerdier === "object" && !Array.isArray(vaerdier)
        ? Object.keys(vaerdier).map((p) => this.periodefelt(flertal, id, navn, p, v))
        : [el("p", { class: "hjaelp" }, `Værdien ${JSON.stringify(vaerdier)} har ingen periode; ret den i filen.`)];
    const knapper = [];
    if (!v || v.periode !== "eternity") {
      knapper.push(
        el("button", { type: "button", class: "lille", onclick: () => this.nyPeriode(flertal, id, navn) }, "+ periode"),
      );
    }
    if (v?.bagud) {
      knapper.push(
        el(
          "button",
          {
            type: "button",
            class: "lille",
            title: `Loven læser ${v.bagud.maaneder} måneder før måneden med ${v.bagud.fra}`,
            onclick: () => this.maanedForMaaned(flertal, id, navn),
          },
          `Måned for måned (${v.bagud.maaneder} mdr. før ${v.bagud.fra})`,
        ),
      );
    }
    return el(
      "div",
      { class: "felt", dataset: { sti, variabel: navn } },
      hoved,
      el("div", { class: "perioder" }, perioder),
      knapper.length ? el("div", { class: "raekke" }, knapper) : null,
    );
  }

  periodefelt(flertal, id, navn, periode, v) {
    const vaerdier = this.situation[flertal][id][navn];
    const sti = `${flertal}/${id}/${navn}/${periode}`;
    const saet = (x) => {
      vaerdier[periode] = x;
      this.aendret();
    };
    const noegle =
      periode === "ETERNITY"
        ? el("span", { class: "hjaelp" }, "altid")
        : el("input", {
            class: "periodenoegle",
            value: periode,
            "aria-label": `Periode for ${navn}`,
            title: "Periode: et år (2026) gælder hver måned i året; en måned skrives 2026-03",
            onchange: (h) => this.omdoebPeriode(flertal, id, navn, periode, h.target.value.trim(), h.target),
          });
    return el(
      "div",
      { class: "periode", dataset: { sti } },
      el(
        "span",
        { class: "par" },
        noegle,
        this.widget(v, vaerdier[periode], saet, `${v ? v.label : navn}, ${periode}`),
        Object.keys(vaerdier).length > 1
          ? el("button", { type: "button", class: "fjern", title: "Fjern perioden", onclick: () => this.fjernPeriode(flertal, id, navn, periode) }, "×")
          : null,
      ),
      el("span", { class: "feltfejl", hidden: true }),
    );
  }

  widget(v, vaerdi, saet, navn) {
    const type = v ? v.type : "ukendt";
    if (type === "bool") {
      return el(
        "select",
        { "aria-label": navn, onchange: (h) => saet(h.target.value === "true") },
        el("option", { value: "true", selected: vaerdi === true }, "ja"),
        el("option", { value: "false", selected: vaerdi !== true }, "nej"),
      );
    }
    if (type === "enum") {
      const kendt = v.valg.some((m) => m.navn === vaerdi);
      return el(
        "select",
        { "aria-label": navn, onchange: (h) => saet(h.target.value) },
        kendt ? null : el("option", { value: String(vaerdi), selected: true }, `${vaerdi} (ukendt)`),
        v.valg.map((m) => el("option", { value: m.navn, selected: m.navn === vaerdi }, m.label)),
      );
    }
    if (type === "dato") {
      const ingen = vaerdi === INGEN_DATO || vaerdi === null;
      return el("input", {
        type: "date",
        "aria-label": navn,
        value: ingen ? "" : vaerdi,
        title: ingen ? "ingen dato" : null,
        min: "1900-01-01",
        max: "2100-12-31",
        onchange: (h) => saet(h.target.value || INGEN_DATO),
      });
    }
    if (type === "float" || type === "int") {
      // Et tekstfelt, ikke type="number": browserens talfelt smider et decimalkomma væk (1,5 → 15)
      // og giver en tom værdi for en tekst, den ikke kan læse, så serveren ikke kan sige, hvad der stod.
      return el("input", {
        class: "tal",
        inputmode: type === "int" ? "numeric" : "decimal",
        "aria-label": navn,
        value: typeof vaerdi === "number" ? String(vaerdi).replace(".", ",") : vaerdi ?? "",
        size: 10,
        title: graensetekst(v),
        oninput: (h) => saet(somTal(h.target.value)),
      });
    }
    return el("input", {
      "aria-label": navn,
      value: JSON.stringify(vaerdi),
      title: "Værdien som JSON (tal, true/false eller tekst i anførselstegn)",
      onchange: (h) => {
        try {
          saet(JSON.parse(h.target.value));
        } catch {
          saet(h.target.value);
        }
      },
    });
  }

  // Et nyt navn, der er tomt eller allerede bruges, ville slette et medlem eller en værdi uden et ord:
  // feltet får sit gamle navn igen og beskeden ved siden af.
  afvisNavn(input, gammelt, sti, besked) {
    input.value = gammelt;
    feltfejl.vis(this.rod, { fejl: besked, felt: sti });
  }

  omdoeb(flertal, gammelt, nyt, input) {
    if (nyt === gammelt) return;
    const medlemmer = this.situation[flertal];
    const hvem = flertal === "personer" ? "en anden person" : "et andet arbejdssted";
    if (!nyt) return this.afvisNavn(input, gammelt, `${flertal}/${gammelt}`, `et id skal være en ikke-tom tekst; id'et er stadig '${gammelt}'`);
    if (Object.hasOwn(medlemmer, nyt)) {
      return this.afvisNavn(input, gammelt, `${flertal}/${gammelt}`, `'${nyt}' er allerede id for ${hvem}; vælg et andet (id'et er stadig '${gammelt}')`);
    }
    this.situation[flertal] = Object.fromEntries(Object.entries(medlemmer).map(([k, x]) => [k === gammelt ? nyt : k, x]));
    if (flertal === "personer") {
      for (const gruppe of Object.values(this.situation.virksomheder || {})) {
        for (const [rolle, liste] of Object.entries(gruppe)) {
          if (Array.isArray(liste)) gruppe[rolle] = liste.map((p) => (p === gammelt ? nyt : p));
        }
      }
    }
    this.tegn();
    this.aendret();
  }

  fjernMedlem(flertal, id) {
    delete this.situation[flertal][id];
    if (flertal === "personer") {
      for (const gruppe of Object.values(this.situation.virksomheder || {})) {
        for (const [rolle, liste] of Object.entries(gruppe)) {
          if (Array.isArray(liste)) gruppe[rolle] = liste.filter((p) => p !== id);
        }
      }
    }
    if (!Object.keys(this.situation[flertal]).length && flertal !== "personer") delete this.situation[flertal];
    this.tegn();
    this.aendret();
  }

  fjernFelt(flertal, id, navn) {
    delete this.situation[flertal][id][navn];
    this.tegn();
    this.aendret();
  }

  nyPeriode(flertal, id, navn) {
    const vaerdier = this.situation[flertal][id][navn];
    const kendte = Object.keys(vaerdier);
    let periode = this.periode();
    if (kendte.includes(periode)) periode = this.periode().slice(0, 4);
    let aar = Number(periode.slice(0, 4));
    while (kendte.includes(String(periode))) {
      aar -= 1;
      periode = String(aar);
    }
    const sidste = vaerdier[kendte[kendte.length - 1]];
    vaerdier[periode] = sidste ?? "";
    this.tegn();
    this.aendret();
  }

  omdoebPeriode(flertal, id, navn, gammel, ny, input) {
    if (ny === gammel) return;
    const vaerdier = this.situation[flertal][id][navn];
    const sti = `${flertal}/${id}/${navn}/${gammel}`;
    if (!ny) return this.afvisNavn(input, gammel, sti, `skriv en periode, fx 2026 eller 2026-03; perioden er stadig ${gammel}`);
    if (Object.hasOwn(vaerdier, ny)) {
      return this.afvisNavn(input, gammel, sti, `${ny} har allerede en værdi; fjern den eller vælg en anden periode (perioden er stadig ${gammel})`);
    }
    this.situation[flertal][id][navn] = Object.fromEntries(Object.entries(vaerdier).map(([k, x]) => [k === gammel ? ny : k, x]));
    this.tegn();
    this.aendret();
  }

  fjernPeriode(flertal, id, navn, periode) {
    delete this.situation[flertal][id][navn][periode];
    this.tegn();
    this.aendret();
  }

  // Skriv variablen ud for hver af de måneder, loven læser (før måneden med datoen i bagud.fra).
  // Et år, der dækker en af månederne, skrives ud i sine 12 måneder med samme værdi (det samme,
  // som OpenFisca gør med et år), så intet, brugeren har skrevet, går tabt.
  maanedForMaaned(flertal, id, navn) {
    const v = this.variabler.get(navn);
    const felter = this.situation[flertal][id];
    const datoer = Object.values(felter[v.bagud.fra] || {}).filter((d) => typeof d === "string" && d > INGEN_DATO);
    const anker = (datoer[0] || this.periode() + "-01").slice(0, 7);
    const maaneder = [];
    let [aar, maaned] = anker.split("-").map(Number);
    for (let i = 0; i < v.bagud.maaneder; i++) {
      maaned -= 1;
      if (maaned === 0) {
        maaned = 12;
        aar -= 1;
      }
      maaneder.unshift(`${aar}-${String(maaned).padStart(2, "0")}`);
    }
    const gamle = felter[navn];
    const nye = {};
    for (const [periode, x] of Object.entries(gamle)) {
      if (/^\d{4}$/.test(periode) && maaneder.some((m) => m.startsWith(periode))) {
        for (let m = 1; m <= 12; m++) nye[`${periode}-${String(m).padStart(2, "0")}`] = x;
      } else {
        nye[periode] = x;
      }
    }
    for (const m of maaneder) if (!(m in nye)) nye[m] = v.standard ?? 0;
    felter[navn] = Object.fromEntries(Object.entries(nye).sort(([a], [b]) => a.localeCompare(b)));
    this.tegn();
    this.aendret();
  }
}

function graensetekst(v) {
  const dele = [];
  if (v.mindst !== null && v.mindst !== undefined) dele.push(`mindst ${v.mindst}`);
  if (v.hoejst !== null && v.hoejst !== undefined) dele.push(`højst ${v.hoejst}`);
  if (v.ikke_oplyst !== null && v.ikke_oplyst !== undefined) dele.push(`${v.ikke_oplyst} = ikke oplyst`);
  return dele.length ? `Værdiområde: ${dele.join(", ")}` : null;
}
