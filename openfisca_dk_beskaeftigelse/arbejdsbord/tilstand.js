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

// Fragmentet som {side, tilstand}; en tilstand, der ikke kan læses, giver en fejl med dansk tekst.
export function laesFragment() {
  const [side, forespoergsel = ""] = location.hash.replace(/^#/, "").split("?");
  const t = new URLSearchParams(forespoergsel).get("t");
  if (!t) return { side: side || "borger", tilstand: null };
  try {
    return { side: side || "borger", tilstand: afkod(t) };
  } catch {
    throw new Error("linket til siden er ufuldstændigt (tilstanden kan ikke læses); start forfra");
  }
}

export function link(side, tilstand) {
  const url = new URL(location.href);
  url.hash = `${side}?t=${kod(tilstand)}`;
  return url.toString();
}
