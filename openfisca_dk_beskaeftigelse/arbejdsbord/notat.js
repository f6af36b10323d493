// Notatet fra POST /sammenlign: per person og arbejdssted sammenfatningen og afvigelserne først
// (alle rækker efter ønske), hver række med label, variabel, § som link og værdien per regime.
// En værdi er en knap: den åbner forklaringen (beregningens spor) for variablen under regimet; en
// værdi, der afviger fra gældende ret, åbner også forklaringen af forskellen (POST /forklar).

import { el, hjemmelslink } from "./dom.js";

const GAELDENDE_RET = "gaeldende_ret";
export const AFVIGER = "≠";
export const IKKE_BEREGNET = "!";

function afviger(raekke) {
  return raekke.afviger_fra_gaeldende_ret.length > 0 || Object.keys(raekke.huller || {}).length > 0;
}

function sammenfatning(medlem, regimer) {
  const andre = regimer.filter((r) => r.noegle !== GAELDENDE_RET);
  if (!andre.length) return "Kun gældende ret er beregnet.";
  if (!medlem.aendret_under.length) return `Ingen ændringer under de ${andre.length} valgte regimer.`;
  const navne = (liste) => liste.map((n) => regimer.find((r) => r.noegle === n)?.navn || n).join(", ");
  const tekst = `Ændres under ${medlem.aendret_under.length} af ${andre.length} regimer: ${navne(medlem.aendret_under)}.`;
  return medlem.uaendret_under.length ? `${tekst} Uændret under ${navne(medlem.uaendret_under)}.` : tekst;
}

function celle(raekke, regime, vedKlik) {
  const tekst = raekke.tekster[regime.noegle];
  const hul = raekke.huller?.[regime.noegle];
  if (tekst === null || tekst === undefined) {
    return el("td", { class: "mangler", title: "variablen findes ikke under regimet" }, "—");
  }
  const afv = raekke.afviger_fra_gaeldende_ret.includes(regime.noegle);
  const klasse = hul ? "vaerdi hul" : afv ? "vaerdi afviger" : "vaerdi";
  const titel = hul
    ? `Ikke beregnet: hul i kilderne (${hul.parameter} den ${hul.dato}). Klik for forklaringen.`
    : afv
      ? `Afviger fra gældende ret. Klik for at se hvorfor, og forklaringen under ${regime.navn}.`
      : `Klik for forklaringen under ${regime.navn}.`;
  return el(
    "td",
    { class: klasse, dataset: { regime: regime.noegle, variabel: raekke.variabel } },
    el(
      "button",
      { type: "button", title: titel, onclick: () => vedKlik(raekke, regime, afv && !hul) },
      hul ? el("span", { class: "maerke" }, IKKE_BEREGNET) : afv ? el("span", { class: "maerke", "aria-label": "afviger" }, AFVIGER) : null,
      tekst,
    ),
  );
}

export function tegnNotat(rod, resultat, { alle, fuldt, vedKlik, vedSkift }) {
  const regimer = resultat.regimer;
  const dele = [el("h2", {}, `Notat for ${resultat.periode}`)];
  if (resultat.advarsler.length) {
    dele.push(
      el(
        "div",
        { class: "advarsler", role: "note" },
        el("strong", {}, "Advarsler om inddata:"),
        el("ul", {}, resultat.advarsler.map((a) => el("li", {}, a))),
      ),
    );
  }
  const afvigende = resultat.resultater.filter(afviger).length;
  dele.push(
    el(
      "div",
      { class: "raekke" },
      el(
        "label",
        { class: "afkryds" },
        el("input", { type: "checkbox", id: "vis-alle", checked: alle, onchange: (h) => vedSkift(h.target.checked) }),
        // Et svar med kun forskellene (raekker: "afvigende") kender ikke antallet af alle rækker.
        fuldt
          ? `Vis alle rækker og regimer (${resultat.resultater.length} rækker; ${afvigende} med forskelle)`
          : `Vis alle rækker og regimer (${afvigende} rækker med forskelle)`,
      ),
    ),
  );
  for (const medlem of resultat.medlemmer) {
    const raekker = resultat.resultater.filter((x) => x.entitet === medlem.entitet && x.id === medlem.id);
    // Forskellene først, så resten i modellens orden.
    const vist = [...raekker.filter(afviger), ...(alle ? raekker.filter((x) => !afviger(x)) : [])];
    // Kun forskellene: gældende ret og de regimer, der ændrer noget her (de andre nævner sammenfatningen).
    const kolonner = alle ? regimer : regimer.filter((r) => r.noegle === GAELDENDE_RET || vist.some((x) => x.afviger_fra_gaeldende_ret.includes(r.noegle) || x.huller?.[r.noegle]));
    const tabel = vist.length
      ? el(
          "div",
          { class: "tabelrulle" },
          el(
            "table",
            { class: "notat" },
            el(
              "thead",
              {},
              el("tr", {}, el("th", {}, "Variabel"), el("th", {}, "Hjemmel"), kolonner.map((r) => el("th", { title: r.noegle }, r.navn))),
            ),
            el(
              "tbody",
              {},
              vist.map((x) =>
                el(
                  "tr",
                  { class: afviger(x) ? "forskel" : null },
                  el(
                    "td",
                    {},
                    x.label,
                    x.ny_under?.length ? el("span", { class: "badge ny", title: `findes kun under ${x.ny_under.join(", ")}` }, " ny") : null,
                    el("code", { class: "variabelnavn" }, x.variabel),
                  ),
                  el("td", {}, hjemmelslink(x.reference)),
                  kolonner.map((r) => celle(x, r, (raekke, regime, afv) => vedKlik(raekke, regime, medlem, afv))),
                ),
              ),
            ),
          ),
        )
      : el("p", { class: "tom-tekst" }, "Ingen forskelle fra gældende ret. Vis alle rækker for at se værdierne.");
    dele.push(
      el(
        "section",
        { class: "medlemsnotat" },
        el("h3", {}, `${medlem.id} (${medlem.entitet === "personer" ? "person" : "arbejdssted"})`),
        el("p", { class: "sammenfatning" }, sammenfatning(medlem, regimer)),
        tabel,
      ),
    );
  }
  dele.push(el("p", { class: "hjaelp" }, `${AFVIGER} = afviger fra gældende ret; ${IKKE_BEREGNET} = ikke beregnet (hul i kilderne). Uden "Vis alle" står kun regimerne med forskelle i tabellen. Klik på en værdi for at se, hvorfor den er, som den er.`));
  rod.replaceChildren(...dele);
}

// Forklaringen (POST arbejdsbord/api/forklaring) som et træ: variabel, periode, værdi, §, parametre.
export function tegnForklaring(rod, forklaring) {
  const dele = [];
  if (forklaring.fremskrevne.length) {
    dele.push(el("p", { class: "advarsler" }, "Bygger på fremskrevne satser (antagelse): ", forklaring.fremskrevne.map((f) => `${f.parameter} (${f.dato})`).join(", ")));
  }
  if (forklaring.advarsler.length) {
    dele.push(el("div", { class: "advarsler" }, el("ul", {}, forklaring.advarsler.map((a) => el("li", {}, a)))));
  }
  for (const trae of forklaring.traeer) {
    dele.push(el("h3", {}, `${forklaring.variabel} for ${trae.id} i ${forklaring.periode} (${forklaring.regime})`));
    dele.push(el("ul", { class: "trae" }, trae.knuder.map((k) => knude(k, 0))));
  }
  rod.replaceChildren(...dele);
}

function knude(k, dybde) {
  const linje = el(
    "span",
    {},
    el("span", { class: "v" }, k.variabel),
    `<${k.periode}> = `,
    el("strong", { class: "knudevaerdi" }, k.vaerdi),
    k.maerke ? el("span", { class: "inddata" }, ` ${k.maerke}`) : null,
    ` — ${k.label} `,
    hjemmelslink(k.reference),
  );
  const boern = [
    ...k.parametre.map((p) =>
      el(
        "li",
        { class: "param" },
        `parameter ${p.navn}`,
        p.se_ovenfor ? el("span", { class: "hjemmel" }, " (se ovenfor)") : `<${p.periode}> = ${p.vaerdi}`,
        p.fremskrevet ? el("span", { class: "inddata" }, " (fremskrevet)") : null,
        p.detaljer ? el("span", { class: "detaljer" }, p.detaljer) : null,
      ),
    ),
    ...k.boern.map((b) => knude(b, dybde + 1)),
  ];
  if (!boern.length) return el("li", {}, linje);
  return el("li", {}, el("details", { open: dybde < 1 }, el("summary", {}, linje), el("ul", {}, boern)));
}

// Forskellen mellem to regimer (POST /forklar): sammenfatningen og stien, hvor beregningerne skilles,
// med hver variabels to værdier, årsagerne (parameter, regel, inddata) og antallet af ens beregninger.
export function tegnForskel(rod, forskel) {
  const [a, b] = forskel.regimer;
  const dele = [];
  if (forskel.advarsler.length) {
    dele.push(el("div", { class: "advarsler" }, el("ul", {}, forskel.advarsler.map((x) => el("li", {}, x)))));
  }
  for (const trae of forskel.traeer) {
    dele.push(el("h3", {}, `Hvorfor ${forskel.label.toLowerCase()} for ${trae.id} er forskellig: ${a.navn} → ${b.navn}`));
    dele.push(el("p", { class: "resume" }, trae.resume));
    if (trae.rod) dele.push(el("ul", { class: "forskelstrae" }, forskelsknude(trae.rod, [a, b], 0)));
    if (trae.afkortet) dele.push(el("p", { class: "hjaelp" }, "Stien er afkortet ved gennemgangens grænse."));
  }
  rod.replaceChildren(...dele);
}

function vaerdi(v) {
  return v === null ? "(findes ikke)" : v;
}

function forskelsknude(k, regimer, dybde) {
  const linje = el(
    "span",
    {},
    el("span", { class: "v" }, k.variabel),
    `<${k.periode}>: `,
    el("strong", { class: "knudevaerdi" }, `${vaerdi(k.vaerdier[0])} → ${vaerdi(k.vaerdier[1])}`),
    ` — ${k.label} `,
    hjemmelslink(k.reference),
    k.se_ovenfor ? el("span", { class: "hjemmel" }, " (se ovenfor)") : null,
  );
  const boern = [
    ...k.aarsager.map(aarsag),
    ...k.boern.map((barn) => forskelsknude(barn, regimer, dybde + 1)),
    k.ens ? el("li", { class: "ens" }, `${k.ens} ens beregning${k.ens === 1 ? "" : "er"} under begge regimer`) : null,
    ...k.kun_under.map((n, i) => (n ? el("li", { class: "ens" }, `${n} beregning${n === 1 ? "" : "er"} kun under ${regimer[i].navn}`) : null)),
  ].filter(Boolean);
  if (!boern.length) return el("li", {}, linje);
  return el("li", {}, el("details", { open: true }, el("summary", {}, linje), el("ul", {}, boern)));
}

const ARTER = { parameter: "parameter", soem: "regel", inddata: "inddata" };

function aarsag(x) {
  const hvem = x.reform ? `${x.reform}: ${x.reformkilder.join("; ")}` : "";
  const detaljer = [x.art === "soem" ? x.regel : x.beskrivelse, x.fil ? `kilde: ${x.fil}` : "", hvem].filter(Boolean).join(" · ");
  return el(
    "li",
    { class: `aarsag ${x.art}`, dataset: { art: x.art, navn: x.navn } },
    el("span", { class: "art" }, `${ARTER[x.art]} `),
    el("code", {}, x.navn),
    x.art === "soem" ? " erstattet af reformen" : `: ${vaerdi(x.vaerdier[0])} → ${vaerdi(x.vaerdier[1])}`,
    detaljer ? el("span", { class: "detaljer" }, detaljer) : null,
  );
}
