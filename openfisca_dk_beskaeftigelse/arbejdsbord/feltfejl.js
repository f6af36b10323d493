// API'ets {"fejl", "felt"} vist ved det felt, fejlen gælder.
//
// ``felt`` er en sti: "periode", "regimer/1/aendringer/0/vaerdi", "personer/ole/timeloen/2026-03"
// (fra /calculate, /trace og arbejdsbordets API) eller "situation" med stien forrest i beskeden (fra
// /sammenlign: "situation: personer/ole/timeloen/2026-03: forventede ..."). Et input, beregningen
// mangler, har blot variablens navn ("foedselsdato"). Elementerne har stien i data-sti (og en
// formulars felt variablens navn i data-variabel); den længste sti, der findes, får beskeden.

export function sti_og_besked(fejl) {
  let sti = fejl.felt || "";
  let besked = fejl.fejl || "ukendt fejl";
  const forrest = /^([^:\s]+): (.*)$/s;
  let m = forrest.exec(besked);
  if (m && m[1] === sti) {
    besked = m[2];
    m = forrest.exec(besked);
  }
  if (sti === "situation" && m && m[1].includes("/")) {
    sti = m[1];
    besked = m[2];
  } else if (m && m[1] === sti) {
    besked = m[2];
  }
  return { sti, besked };
}

export function ryd(rod) {
  for (const e of rod.querySelectorAll(".feltfejl[data-fra-api]")) {
    e.hidden = true;
    e.textContent = "";
  }
  for (const e of rod.querySelectorAll(".har-fejl")) e.classList.remove("har-fejl");
  for (const e of rod.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
}

function fejlplads(element) {
  let plads = [...element.children].find((b) => b.classList.contains("feltfejl"));
  if (!plads) {
    plads = document.createElement("p");
    plads.className = "feltfejl";
    element.append(plads);
  }
  plads.dataset.fraApi = "ja";
  return plads;
}

function find(rod, sti) {
  const dele = sti.split("/");
  while (dele.length) {
    const kandidat = dele.join("/");
    const fundet = [...rod.querySelectorAll("[data-sti]")].find((e) => e.dataset.sti === kandidat);
    if (fundet) return fundet;
    dele.pop();
  }
  if (!sti.includes("/")) {
    return rod.querySelector(`[data-variabel="${CSS.escape(sti)}"]`);
  }
  return null;
}

// Vis fejlen ved sit felt; returnerer elementet (eller null, hvis intet felt passer).
export function vis(rod, fejl) {
  const { sti, besked } = sti_og_besked(fejl);
  const element = sti ? find(rod, sti) : null;
  if (!element) return null;
  const plads = fejlplads(element);
  plads.textContent = besked;
  plads.hidden = false;
  element.classList.add("har-fejl");
  const input = element.querySelector("input, select, textarea");
  if (input) input.setAttribute("aria-invalid", "true");
  element.scrollIntoView({ block: "center", behavior: "smooth" });
  return element;
}
