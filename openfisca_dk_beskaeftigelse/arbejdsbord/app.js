// Arbejdsbordet: siderne Borger, Befolkning og Regimer og katalog, valgt med adressens fragment.

import { ApiFejl } from "./api.js";
import { Befolkning } from "./befolkning.js";
import { Borger } from "./borger.js";
import { tegnKatalog } from "./katalog.js";
import { Regimevalg } from "./regimevalg.js";
import { laesFragment, skrevetAfSiden } from "./tilstand.js";

const SIDER = ["borger", "befolkning", "katalog"];
const startet = new Map();
// Registret hentes med det samme, parallelt med sidens øvrige data.
const registret = Regimevalg.hent();

function visFejl(tekst) {
  const banner = document.getElementById("fejlbanner");
  banner.hidden = false;
  banner.textContent = tekst;
}

async function startSide(side, tilstand) {
  if (startet.has(side)) return startet.get(side);
  const i_gang = (async () => {
    if (side === "katalog") return tegnKatalog(document.getElementById("katalog-indhold"));
    const regimer = await registret;
    const siden = side === "borger" ? new Borger(regimer) : new Befolkning(regimer);
    await siden.start(tilstand);
    return siden;
  })();
  startet.set(side, i_gang);
  return i_gang;
}

async function vis() {
  let fragment;
  try {
    fragment = laesFragment();
  } catch (e) {
    visFejl(e.message);
    fragment = { side: location.hash.replace(/^#/, "").split("?")[0] || "borger", t: null, tilstand: null };
  }
  const side = SIDER.includes(fragment.side) ? fragment.side : "borger";
  for (const s of SIDER) document.getElementById(s).hidden = s !== side;
  for (const a of document.querySelectorAll("nav a[data-side]")) {
    if (a.dataset.side === side) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  try {
    const foer = startet.has(side);
    const siden = await startSide(side, fragment.tilstand);
    // Et andet link til en side, der allerede kører (indsat i adresselinjen, tilbage/frem): genskab det.
    if (foer && fragment.t && !skrevetAfSiden(side, fragment.t) && siden?.aabnLink) {
      await siden.aabnLink(fragment.tilstand);
    }
    document.body.dataset.klar = side;
  } catch (e) {
    if (!(e instanceof ApiFejl)) throw e;
    visFejl(`Siden kunne ikke hentes fra serveren: ${e.fejl}`);
  }
}

window.addEventListener("hashchange", vis);
vis();
