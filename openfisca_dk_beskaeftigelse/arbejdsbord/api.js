// Kald til serverens API. En fejl er en ApiFejl med API'ets {fejl, felt} og status.

export class ApiFejl extends Error {
  constructor(status, fejl, felt) {
    super(fejl);
    this.status = status;
    this.fejl = fejl;
    this.felt = felt;
  }
}

export function adresse(sti) {
  return new URL(sti, document.baseURI).toString();
}

async function kald(sti, valg) {
  try {
    return await fetch(adresse(sti), valg);
  } catch {
    throw new ApiFejl(
      0,
      "ingen forbindelse til serveren; kører dk-beskaeftigelse serve (make serve) stadig?",
      null,
    );
  }
}

async function laes(svar) {
  const type = svar.headers.get("Content-Type") || "";
  if (!svar.ok) {
    if (type.includes("application/json")) {
      const data = await svar.json();
      throw new ApiFejl(svar.status, data.fejl, data.felt);
    }
    throw new ApiFejl(svar.status, `serveren svarede med status ${svar.status}`, null);
  }
  return type.includes("application/json") ? svar.json() : svar.text();
}

export async function hent(sti) {
  return laes(await kald(sti, { headers: { Accept: "application/json" } }));
}

export async function send(sti, krop, accept = "application/json") {
  return laes(
    await kald(sti, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: accept },
      body: JSON.stringify(krop),
    }),
  );
}

// POST med et svar i linjer (NDJSON): ``hverLinje`` får hver linje som objekt, når den kommer.
export async function sendStroem(sti, krop, hverLinje) {
  const svar = await kald(sti, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/x-ndjson" },
    body: JSON.stringify(krop),
  });
  if (!svar.ok) {
    await laes(svar);
  }
  const laeser = svar.body.getReader();
  const afkoder = new TextDecoder();
  let rest = "";
  for (;;) {
    const { value, done } = await laeser.read();
    if (done) break;
    rest += afkoder.decode(value, { stream: true });
    let nl;
    while ((nl = rest.indexOf("\n")) >= 0) {
      const linje = rest.slice(0, nl).trim();
      rest = rest.slice(nl + 1);
      if (linje) hverLinje(JSON.parse(linje));
    }
  }
  if (rest.trim()) hverLinje(JSON.parse(rest));
}
