// En situation som YAML til download (objekter, lister, tekst, tal, ja/nej og null; intet andet).
// Tekst står i anførselstegn, hvor YAML ellers kunne læse den som noget andet (et tal, en dato, ja/nej).

const SIKKER = /^[A-Za-z_][A-Za-z0-9_æøåÆØÅ.\- ]*$/;
const TVETYDIG = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function tekst(s) {
  return SIKKER.test(s) && !TVETYDIG.test(s) && s.trim() === s ? s : JSON.stringify(s);
}

function skalar(v) {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return tekst(String(v));
}

function linjer(v, indrykning) {
  const luft = " ".repeat(indrykning);
  if (Array.isArray(v)) {
    // En liste står på én linje; objekter i den som JSON, der også er gyldig YAML.
    return [` [${v.map((x) => (x !== null && typeof x === "object" ? JSON.stringify(x) : skalar(x))).join(", ")}]`];
  }
  if (v && typeof v === "object") {
    const noegler = Object.keys(v);
    if (!noegler.length) return [" {}"];
    return noegler.map((k) => `\n${luft}${tekst(k)}:${linjer(v[k], indrykning + 2).join("")}`);
  }
  return [` ${skalar(v)}`];
}

export function somYaml(data, kommentar) {
  const hoved = kommentar ? kommentar.split("\n").map((l) => `# ${l}`).join("\n") + "\n" : "";
  return hoved + linjer(data, 0).join("").replace(/^\n/, "") + "\n";
}
