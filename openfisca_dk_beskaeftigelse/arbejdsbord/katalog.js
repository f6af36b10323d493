// Regimer og katalog: registret og forslagskataloget, hvert forslag med kildens titel og afsnit og et
// link til dokumentationens side (GET arbejdsbord/api/katalog).

import { hent } from "./api.js";
import { el } from "./dom.js";

export async function tegnKatalog(rod) {
  const data = await hent("arbejdsbord/api/katalog");
  const filter = el("input", { type: "search", placeholder: "Søg i forslag, regimer og kilder", "aria-label": "Søg", size: 40 });
  const registret = el(
    "table",
    { id: "registret" },
    el("thead", {}, el("tr", {}, ["Regime", "Navn", "Status", "Reformer", "Kilder", "Dokumentation"].map((t) => el("th", {}, t)))),
    el(
      "tbody",
      {},
      data.regimer.map((r) =>
        el(
          "tr",
          { dataset: { soeg: `${r.noegle} ${r.navn} ${r.kilder.map((k) => k.henvisning).join(" ")}`.toLowerCase() } },
          el("td", {}, el("code", {}, r.noegle)),
          el("td", {}, r.navn),
          el("td", {}, r.status),
          el("td", {}, r.reformer.length),
          el("td", {}, el("ul", {}, r.kilder.map((k) => el("li", { title: k.fil }, k.henvisning)))),
          el("td", {}, r.side ? el("a", { href: r.side, target: "_blank", rel: "noopener" }, "Reformens side") : "—"),
        ),
      ),
    ),
  );
  const dokumenter = new Map(data.dokumenter.map((d) => [d.fil, d]));
  const grupper = new Map();
  for (const p of data.katalog) {
    if (!grupper.has(p.kilde.fil)) grupper.set(p.kilde.fil, []);
    grupper.get(p.kilde.fil).push(p);
  }
  const katalog = [...grupper].map(([fil, punkter]) =>
    el(
      "section",
      { class: "boks" },
      el("h3", {}, dokumenter.get(fil).navn),
      el("p", { class: "hjaelp" }, dokumenter.get(fil).beskrivelse, " ", el("code", {}, fil)),
      punkter.map((p) =>
        el(
          "div",
          { class: "katalogpunkt", dataset: { soeg: `${p.forslag} ${p.kilde.henvisning} ${p.regime || ""} ${p.statustekst}`.toLowerCase() } },
          el("div", { class: "forslag" }, p.forslag),
          el(
            "div",
            { class: "hjaelp" },
            el("span", { class: "badge" }, p.statustekst),
            " ",
            p.kilde.henvisning,
            p.regime ? [" · regime ", el("code", {}, p.regime)] : null,
            " · ",
            el("a", { href: p.side, target: "_blank", rel: "noopener" }, p.regime ? "reformens side" : "katalogets side"),
          ),
          p.lov ? el("div", { class: "hjaelp" }, "Lov: ", p.lov) : null,
          p.hvorfor ? el("div", { class: "hjaelp" }, p.hvorfor) : null,
        ),
      ),
    ),
  );
  filter.addEventListener("input", () => {
    const ord = filter.value.trim().toLowerCase();
    for (const e of rod.querySelectorAll("[data-soeg]")) e.hidden = Boolean(ord) && !e.dataset.soeg.includes(ord);
  });
  rod.replaceChildren(
    el("div", { class: "filter" }, filter),
    el("p", { class: "hjaelp" }, "Dokumentationen: ", el("a", { href: data.dokumentation, target: "_blank", rel: "noopener" }, data.dokumentation)),
    el("h2", {}, `Registret (${data.regimer.length} regimer)`),
    el("div", { class: "tabelrulle boks" }, registret),
    el("h2", {}, `Katalog over forslagene i kildedokumenterne (${data.katalog.length})`),
    ...katalog,
  );
}
