"""`make docs`: generér siderne fra modellen, byg mkdocs strengt og Sphinx ind under site/api/."""

import shutil
import subprocess
import sys
from pathlib import Path

from openfisca_dk_beskaeftigelse.dokumentation import generer

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    genereret = REPO / "docs" / "genereret"
    shutil.rmtree(genereret, ignore_errors=True)
    generer(genereret, REPO)
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
