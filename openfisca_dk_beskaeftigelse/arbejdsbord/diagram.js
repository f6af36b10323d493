// Vandrette søjlediagrammer som SVG (tegnet her, intet bibliotek) og som PNG (SVG'en tegnet på et lærred).
// Farver og tekst står som attributter i SVG'en, så PNG'en ser ud som diagrammet på siden.

import { svg, tal } from "./dom.js";

// Okabe-Ito-blå for en forskel, der er sikker; lys for en usikker (intervallet dækker 0).
const SIKKER = "#0072B2";
const USIKKER = "#9fb7cc";
const SKRIFT = "DejaVu Sans, Arial, sans-serif";
// Skønnet bredde af et tegn i titlens skrift (13 px, fed; DejaVu Sans er den bredeste af dem): SVG'en
// tegnes, før den står på siden, så titlen kan ikke måles.
const TITELTEGN = 7.8;
const TITELLINJE = 16;

// Titlen brudt ved ordene i linjer, der står inden for ``bredde`` (et smalt diagram har en lang titel).
function titellinjer(titel, bredde) {
  const plads = Math.max(20, Math.floor((bredde - 16) / TITELTEGN));
  const linjer = [];
  for (const ord of titel.split(" ")) {
    const sidste = linjer.length - 1;
    if (sidste >= 0 && linjer[sidste].length + 1 + ord.length <= plads) linjer[sidste] += ` ${ord}`;
    else linjer.push(ord);
  }
  return linjer;
}

function paenTrin(spaend) {
  if (spaend <= 0) return 1;
  const groft = spaend / 5;
  const potens = 10 ** Math.floor(Math.log10(groft));
  return [1, 2, 2.5, 5, 10].map((f) => f * potens).find((t) => t >= groft);
}

// Et vandret søjlediagram: én søjle per regime i den rækkefølge, serveren sorterede dem (størst fald
// øverst), regimets navn på aksen (ingen signaturforklaring), intervallet som fejlstreg og en nullinje.
// {titel, enhed, decimaler, soejler: [{navn, vaerdi, nedre, oevre, usikker}]} → <svg>
export function vandretDiagram({ titel, enhed, decimaler = 0, soejler }) {
  const raekke = 22;
  const bund = 44;
  const navnebredde = Math.min(300, 12 + 6.4 * Math.max(8, ...soejler.map((s) => etiket(s).length)));
  const plotbredde = 360;
  const bredde = navnebredde + plotbredde + 30;
  const titlen = titellinjer(titel, bredde);
  const top = 40 + TITELLINJE * (titlen.length - 1);
  const hoejde = top + raekke * soejler.length + bund;
  const graenser = soejler.flatMap((s) => [s.vaerdi, s.nedre ?? s.vaerdi, s.oevre ?? s.vaerdi]);
  let lav = Math.min(0, ...graenser);
  let hoej = Math.max(0, ...graenser);
  const trin = paenTrin(hoej - lav);
  lav = Math.floor(lav / trin) * trin;
  hoej = Math.max(lav + trin, Math.ceil(hoej / trin) * trin);
  const x = (v) => navnebredde + ((v - lav) / (hoej - lav)) * plotbredde;
  const dele = [
    svg("rect", { x: 0, y: 0, width: bredde, height: hoejde, fill: "#ffffff" }),
    titlen.map((linje, i) =>
      svg("text", { x: 8, y: 18 + TITELLINJE * i, "font-family": SKRIFT, "font-size": 13, "font-weight": "bold", fill: "#1b1f23", class: "titel" }, linje),
    ),
  ];
  for (let v = lav; v <= hoej + trin / 1e6; v += trin) {
    dele.push(svg("line", { x1: x(v), x2: x(v), y1: top - 4, y2: hoejde - bund, stroke: "#e1e6eb" }));
    dele.push(svg("text", { x: x(v), y: hoejde - bund + 14, "text-anchor": "middle", "font-family": SKRIFT, "font-size": 10, fill: "#5b6770" }, tal(v, decimaler)));
  }
  dele.push(svg("text", { x: navnebredde + plotbredde / 2, y: hoejde - 8, "text-anchor": "middle", "font-family": SKRIFT, "font-size": 11, fill: "#5b6770" }, enhed));
  soejler.forEach((s, i) => {
    const midt = top + i * raekke + raekke / 2;
    const fra = Math.min(x(0), x(s.vaerdi));
    const tekst = etiket(s);
    dele.push(
      svg("text", { x: navnebredde - 6, y: midt + 4, "text-anchor": "end", "font-family": SKRIFT, "font-size": 11, fill: "#1b1f23", class: "etiket" }, tekst),
      svg(
        "rect",
        { x: fra, y: midt - 7, width: Math.abs(x(s.vaerdi) - x(0)), height: 14, fill: s.usikker ? USIKKER : SIKKER, class: "soejle" },
        svg("title", {}, `${s.navn}: ${tal(s.vaerdi, decimaler)} ${enhed}`),
      ),
    );
    if (s.nedre !== null && s.nedre !== undefined) {
      const streg = { stroke: "#1b1f23", "stroke-width": 1.2 };
      dele.push(
        svg("line", { x1: x(s.nedre), x2: x(s.oevre), y1: midt, y2: midt, class: "fejlstreg", ...streg }),
        svg("line", { x1: x(s.nedre), x2: x(s.nedre), y1: midt - 4, y2: midt + 4, ...streg }),
        svg("line", { x1: x(s.oevre), x2: x(s.oevre), y1: midt - 4, y2: midt + 4, ...streg }),
      );
    }
  });
  dele.push(svg("line", { x1: x(0), x2: x(0), y1: top - 6, y2: hoejde - bund, stroke: "#1b1f23", "stroke-width": 1.2, class: "nullinje" }));
  return svg(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width: bredde, height: hoejde, viewBox: `0 0 ${bredde} ${hoejde}`, role: "img", "aria-label": titel },
    dele,
  );
}

// Regimets navn (et langt navn forkortet; det fulde står i søjlens title), mærket, hvis forskellen er usikker.
function etiket(s) {
  const navn = s.navn.length > 40 ? `${s.navn.slice(0, 39)}…` : s.navn;
  return s.usikker ? `${navn} (usikker)` : navn;
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
