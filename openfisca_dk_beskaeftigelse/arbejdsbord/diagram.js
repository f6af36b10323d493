// Søjlediagrammer som SVG (tegnet her, intet bibliotek) og som PNG (SVG'en tegnet på et lærred).
// Farver og tekst står som attributter i SVG'en, så PNG'en ser ud som diagrammet på siden.

import { svg, tal } from "./dom.js";

// Okabe-Ito: farver, der kan skelnes også med nedsat farvesyn.
const FARVER = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const SKRIFT = "DejaVu Sans, Arial, sans-serif";

function paenTrin(maks) {
  if (maks <= 0) return 1;
  const groft = maks / 5;
  const potens = 10 ** Math.floor(Math.log10(groft));
  return [1, 2, 2.5, 5, 10].map((f) => f * potens).find((t) => t >= groft);
}

// {titel, enhed, kategorier: [tekst], serier: [{navn, vaerdier: [tal|null]}]} → <svg>
export function soejlediagram({ titel, enhed, kategorier, serier }) {
  const breddeGruppe = Math.max(44, serier.length * 16 + 18);
  const venstre = 78;
  const top = 48 + 16 * Math.ceil(serier.length / 3);
  const bund = 96;
  const hoejde = 250;
  const bredde = Math.max(520, venstre + 20 + kategorier.length * breddeGruppe);
  const alle = serier.flatMap((s) => s.vaerdier.filter((v) => v !== null));
  const maks = Math.max(0, ...alle);
  const trin = paenTrin(maks);
  const loft = Math.max(trin, Math.ceil(maks / trin) * trin);
  const y = (v) => top + hoejde - (v / loft) * hoejde;
  const dele = [
    svg("rect", { x: 0, y: 0, width: bredde, height: top + hoejde + bund, fill: "#ffffff" }),
    svg("text", { x: 8, y: 18, "font-family": SKRIFT, "font-size": 14, "font-weight": "bold", fill: "#1b1f23" }, titel),
    svg("text", { x: 8, y: top - 8, "font-family": SKRIFT, "font-size": 11, fill: "#5b6770" }, enhed),
  ];
  serier.forEach((s, i) => {
    const lx = 8 + (i % 3) * Math.floor((bredde - 16) / 3);
    const ly = 30 + 16 * Math.floor(i / 3);
    dele.push(svg("rect", { x: lx, y: ly, width: 10, height: 10, fill: FARVER[i % FARVER.length] }));
    dele.push(svg("text", { x: lx + 14, y: ly + 9, "font-family": SKRIFT, "font-size": 11, fill: "#1b1f23" }, s.navn));
  });
  for (let v = 0; v <= loft + 1e-9; v += trin) {
    dele.push(svg("line", { x1: venstre, x2: bredde - 10, y1: y(v), y2: y(v), stroke: "#e1e6eb" }));
    dele.push(svg("text", { x: venstre - 6, y: y(v) + 4, "text-anchor": "end", "font-family": SKRIFT, "font-size": 10, fill: "#5b6770" }, tal(v)));
  }
  kategorier.forEach((kategori, k) => {
    const gx = venstre + 10 + k * breddeGruppe;
    serier.forEach((s, i) => {
      const v = s.vaerdier[k];
      if (v === null || v === undefined) return;
      const x = gx + i * 16;
      dele.push(
        svg(
          "rect",
          { x, y: y(v), width: 13, height: Math.max(0, top + hoejde - y(v)), fill: FARVER[i % FARVER.length], class: "soejle" },
          svg("title", {}, `${s.navn}, ${kategori}: ${tal(v)} ${enhed}`),
        ),
      );
    });
    const mx = gx + (serier.length * 16) / 2;
    dele.push(
      svg(
        "text",
        { x: mx, y: top + hoejde + 14, "text-anchor": "end", transform: `rotate(-35 ${mx} ${top + hoejde + 14})`, "font-family": SKRIFT, "font-size": 10, fill: "#1b1f23" },
        kategori.length > 28 ? `${kategori.slice(0, 27)}…` : kategori,
      ),
    );
  });
  dele.push(svg("line", { x1: venstre, x2: bredde - 10, y1: top + hoejde, y2: top + hoejde, stroke: "#5b6770" }));
  return svg(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width: bredde, height: top + hoejde + bund, viewBox: `0 0 ${bredde} ${top + hoejde + bund}`, role: "img", "aria-label": titel },
    dele,
  );
}

// SVG'en som PNG (dobbelt opløsning), tegnet i browseren.
export async function somPng(element) {
  const tekst = new XMLSerializer().serializeToString(element);
  const adresse = URL.createObjectURL(new Blob([tekst], { type: "image/svg+xml" }));
  try {
    const billede = new Image();
    await new Promise((ok, fejl) => {
      billede.onload = ok;
      billede.onerror = () => fejl(new Error("diagrammet kunne ikke tegnes som PNG"));
      billede.src = adresse;
    });
    const skala = 2;
    const laerred = document.createElement("canvas");
    laerred.width = Number(element.getAttribute("width")) * skala;
    laerred.height = Number(element.getAttribute("height")) * skala;
    const ctx = laerred.getContext("2d");
    ctx.scale(skala, skala);
    ctx.drawImage(billede, 0, 0);
    return await new Promise((ok) => laerred.toBlob(ok, "image/png"));
  } finally {
    URL.revokeObjectURL(adresse);
  }
}
