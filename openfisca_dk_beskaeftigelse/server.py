"""``dk-beskaeftigelse serve``: web-API'et for alle regimer under gunicorn, som ``openfisca serve``."""

from gunicorn.app.base import BaseApplication

from openfisca_dk_beskaeftigelse.hjaelpeproces import Hjaelpeproces, byg_og_frys
from openfisca_dk_beskaeftigelse.webapp import MAKS_SEKUNDER, lav_app


class _Server(BaseApplication):
    def __init__(self, indstillinger: dict, cors: tuple[str, ...], dokumentation) -> None:
        self.indstillinger = indstillinger
        self.cors = cors
        self.dokumentation = dokumentation
        self.hjaelper = Hjaelpeproces()
        super().__init__()

    def load_config(self) -> None:
        for noegle, vaerdi in self.indstillinger.items():
            self.cfg.set(noegle, vaerdi)
        # Hver worker får sin egen hjælpeproces til /sammenlign (se hjaelpeproces).
        self.cfg.set("post_fork", lambda _server, _worker: self.hjaelper.start())

    def load(self):
        byg_og_frys()
        return lav_app(cors=self.cors, dokumentation=self.dokumentation, hjaelper=self.hjaelper)


def start(host: str, port: int, workers: int, cors: tuple[str, ...], dokumentation=None) -> None:
    # Pakken og registrets regimer indlæses én gang, før gunicorn deler sig i workers (preload);
    # hvert regimes OpenFisca-app bygges i en worker ved første brug. En anmodning stopper selv
    # efter MAKS_SEKUNDER (503); gunicorns timeout er nødbremsen, hvis en beregning ikke kan afbrydes.
    _Server(
        {"bind": f"{host}:{port}", "workers": workers, "preload_app": True, "timeout": 2 * MAKS_SEKUNDER},
        cors,
        dokumentation,
    ).run()
