"""`make docs`: generér siderne fra modellen, byg mkdocs strengt og Sphinx ind under site/api/."""

import shutil
import subprocess
import sys
from pathlib import Path

from openfisca_dk_beskaeftigelse.dokumentation import generer

REPO = Path(__file__).resolve().parent.parent
# Arbejdsbordets skærmbilleder (browsertestene gemmer dem) per afsnit af docs/arbejdsbord.md.
BILLEDER = {
    "borger": [
        ("borger-notat", "Borger: Karin under to reformer; afvigelserne er gule og mærket ≠"),
        ("borger-forklaring", "Forklaringen af en værdi: sporet med § og parametre"),
        ("borger-forskel", "Forklaringen af en forskel: stien og sammenfatningen"),
    ],
    "befolkning": [("befolkning", "Befolkning: 2.000 personer under gældende ret og færre målgrupper")],
    "katalog": [("katalog", "Regimer og katalog")],
    "fejl": [("borger-fejl", "En negativ timeløn: beskeden står ved feltet")],
}


def arbejdsbordets_billeder() -> str:
    """Afsnittene med skærmbillederne fra docs/skaermbilleder/, eller hvordan de laves."""
    linjer = []
    for afsnit, billeder in BILLEDER.items():
        linjer.append(f"--8<-- [start:{afsnit}]")
        for navn, tekst in billeder:
            if (REPO / "docs" / "skaermbilleder" / f"{navn}.png").is_file():
                linjer += [f"![{tekst}](skaermbilleder/{navn}.png)", ""]
            else:
                linjer += [
                    f'*Skærmbilledet "{tekst}" laves af browsertestene (`make test`, kræver '
                    "`apt-get install chromium`); det mangler i dette build.*",
                    "",
                ]
        linjer.append(f"--8<-- [end:{afsnit}]")
    return "\n".join(linjer) + "\n"


def main() -> int:
    genereret = REPO / "docs" / "genereret"
    shutil.rmtree(genereret, ignore_errors=True)
    generer(genereret, REPO)
    (genereret / "arbejdsbord-billeder.txt").write_text(arbejdsbordets_billeder(), encoding="utf-8")
    bin_ = Path(sys.executable).parent
    subprocess.run([bin_ / "mkdocs", "build", "--strict", "--clean"], cwd=REPO, check=True)
    subprocess.run(
        [bin_ / "sphinx-build", "-W", "--keep-going", "-q", "-b", "html", "docs/api", "site/api"],
        cwd=REPO,
        check=True,
    )
    # python-api.md linker hertil med rå HTML, som mkdocs ikke kontrollerer; så gør vi det her.
    if not (REPO / "site" / "api" / "index.html").is_file():
        print("site/api/index.html mangler efter Sphinx", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
