"""``dk-beskaeftigelse serve``: web-API'et for alle regimer under gunicorn, som ``openfisca serve``."""

from gunicorn.app.base import BaseApplication

from openfisca_dk_beskaeftigelse.webapp import lav_app


class _Server(BaseApplication):
    def __init__(self, indstillinger: dict) -> None:
        self.indstillinger = indstillinger
        super().__init__()

    def load_config(self) -> None:
        for noegle, vaerdi in self.indstillinger.items():
            self.cfg.set(noegle, vaerdi)

    def load(self):
        return lav_app()


def start(host: str, port: int, workers: int) -> None:
    # Hvert regimes system og OpenAPI-spec bygges ved start; timeout giver tid til det.
    _Server({"bind": f"{host}:{port}", "workers": workers, "timeout": 1200}).run()
