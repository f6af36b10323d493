// Sidens tilstand i adressens fragment (#borger?t=...), så et link genskaber siden: JSON, UTF-8,
// base64url. Intet sendes til serveren, før brugeren beregner.

export function kod(tilstand) {
  const bytes = new TextEncoder().encode(JSON.stringify(tilstand));
  let binaer = "";
  for (const b of bytes) binaer += String.fromCharCode(b);
  return btoa(binaer).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function afkod(tekst) {
  const b64 = tekst.replace(/-/g, "+").replace(/_/g, "/");
  const binaer = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binaer, (c) => c.charCodeAt(0))));
}

// Fragmentet som {side, t, tilstand}; en tilstand, der ikke kan læses, eller som ikke er et objekt
// (et rettet eller afkortet link), giver en fejl med dansk tekst.
export function laesFragment() {
  const [side, forespoergsel = ""] = location.hash.replace(/^#/, "").split("?");
  const t = new URLSearchParams(forespoergsel).get("t");
  if (!t) return { side: side || "borger", t: null, tilstand: null };
  let tilstand;
  try {
    tilstand = afkod(t);
  } catch {
    tilstand = null;
  }
  if (tilstand === null || typeof tilstand !== "object" || Array.isArray(tilstand)) {
    throw new Error("linket til siden er ufuldstændigt (tilstanden kan ikke læses); start forfra");
  }
  return { side: side || "borger", t, tilstand };
}

export function link(side, tilstand) {
  const url = new URL(location.href);
  url.hash = `${side}?t=${kod(tilstand)}`;
  return url.toString();
}

// Den tilstand, hver side sidst selv skrev i adressen: et link, brugeren sætter ind i adresselinjen
// (eller går tilbage til), har en anden, og siden genskaber den.
const skrevet = new Map();

export function skrivLink(side, tilstand) {
  const t = kod(tilstand);
  skrevet.set(side, t);
  const adresse = link(side, tilstand);
  history.replaceState(null, "", adresse);
  return adresse;
}

export function skrevetAfSiden(side, t) {
  return skrevet.get(side) === t;
}
