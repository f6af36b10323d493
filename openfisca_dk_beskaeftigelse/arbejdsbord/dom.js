// Små hjælpere til DOM'en: elementer, tal og datoer på dansk, filer til download.

export function el(tag, egenskaber = {}, ...boern) {
  const e = document.createElement(tag);
  saetEgenskaber(e, egenskaber);
  for (const b of boern.flat(Infinity)) {
    if (b === null || b === undefined || b === false) continue;
    e.append(b instanceof Node ? b : document.createTextNode(String(b)));
  }
  return e;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, egenskaber = {}, ...boern) {
  const e = document.createElementNS(SVG_NS, tag);
  saetEgenskaber(e, egenskaber);
  for (const b of boern.flat(Infinity)) {
    if (b === null || b === undefined || b === false) continue;
    e.append(b instanceof Node ? b : document.createTextNode(String(b)));
  }
  return e;
}

function saetEgenskaber(e, egenskaber) {
  for (const [k, v] of Object.entries(egenskaber || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.setAttribute("class", v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, "");
    else e.setAttribute(k, String(v));
  }
}

export function tal(v, decimaler = 0) {
  return Number(v).toLocaleString("da-DK", {
    minimumFractionDigits: decimaler,
    maximumFractionDigits: decimaler,
  });
}

export function hentFil(navn, indhold, type) {
  const blob = indhold instanceof Blob ? indhold : new Blob([indhold], { type });
  const adresse = URL.createObjectURL(blob);
  const a = el("a", { href: adresse, download: navn });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(adresse), 1000);
}

// Hjemlens adresse: det element i variablens reference, der er en adresse (retsinformation).
export function hjemmelslink(reference) {
  const liste = reference || [];
  const adresse = liste.find((r) => /^https?:\/\//.test(r));
  const tekst = liste.find((r) => !/^https?:\/\//.test(r)) || (adresse ? "Loven" : "");
  if (!tekst) return null;
  return adresse
    ? el("a", { href: adresse, target: "_blank", rel: "noopener", class: "hjemmel" }, tekst)
    : el("span", { class: "hjemmel" }, tekst);
}
