"""`kennisplatform serve`: the app under gunicorn, a production WSGI server (Flask's own server is for
development only and says so). A thin wrapper: gunicorn's BaseApplication with our options."""
from __future__ import annotations

import html
import os
from dataclasses import dataclass, field

from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication

MAX_DEFAULT_WORKERS = 8
# Web uploads of many files are imported within the request: more time than gunicorn's 30 s default
# before a worker counts as hung and is restarted.
WORKER_TIMEOUT = 120
# gunicorn's largest request line (its default is 4094): a long pasted query then reaches the app, which
# answers in Dutch and uses the first words, instead of gunicorn's own English "URI Too Long" page.
MAX_REQUEST_LINE = 8190


# What gunicorn answers itself, before the app sees a request (a request line over MAX_REQUEST_LINE, headers
# too large, a malformed request): its own page is English and names parser internals.
GUNICORN_ERRORS = {
    400: ("Ongeldig verzoek", "Dit verzoek kon niet worden gelezen."),
    403: ("Geen toegang", "Dit verzoek is niet toegestaan."),
    414: ("Adres te lang", "Het adres is te lang (meer dan 8.000 tekens). Een zoekvraag hoeft niet langer te zijn "
                           "dan 500 tekens: maak hem korter en zoek opnieuw."),
    417: ("Ongeldig verzoek", "Dit verzoek kon niet worden gelezen."),
    431: ("Verzoek te groot", "De kopregels van dit verzoek zijn te groot. Verwijder de cookies van deze site en "
                              "probeer het opnieuw."),
}
SERVER_ERROR = ("Er ging iets mis", "Door een fout aan onze kant kon deze pagina niet worden getoond. "
                                    "Probeer het later opnieuw.")


def write_dutch_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's util.write_error, in Dutch and without the parser's detail (which it logs already)."""
    title, message = GUNICORN_ERRORS.get(status_int, SERVER_ERROR)
    page = (f'<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
            f"<body><h1>{html.escape(title)}</h1><p>{html.escape(message)}</p><p><a href=\"/\">Naar de homepage</a>"
            "</p></body></html>\n").encode("utf-8")
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(page)}\r\n\r\n").encode("latin-1")
    gunicorn_util.write_nonblock(sock, head + page)


def default_workers(cores: int | None = None) -> int:
    """gunicorn's advice for sync workers, 2 x cores + 1 (one worker computes while another waits on the
    disk or the network), capped at 8: every worker holds its own index reader, facet bitsets and
    posting caches in memory, so more workers than that cost memory without adding throughput."""
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(2 * cores + 1, MAX_DEFAULT_WORKERS))


@dataclass(frozen=True)
class ServerOptions:
    app_config: dict = field(default_factory=dict)  # for create_app: CORPUS_DIR, INDEX_DIR, ...
    host: str = "127.0.0.1"
    port: int = 5000
    workers: int | None = None  # None: default_workers()

    @property
    def bind(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


class Server(BaseApplication):
    """Each worker builds its own app (no preloading: an index reader opened before fork would share file
    offsets between processes). The index is brought up to date once, in the master, before the workers
    start (`prepare`); a worker only checks the index's version stamp."""

    def __init__(self, options: ServerOptions):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        self.cfg.set("bind", [self.options.bind])
        self.cfg.set("workers", self.options.workers or default_workers())
        self.cfg.set("timeout", WORKER_TIMEOUT)
        self.cfg.set("limit_request_line", MAX_REQUEST_LINE)
        self.cfg.set("proc_name", "kennisplatform")

    def load(self):
        from . import create_app

        gunicorn_util.write_error = write_dutch_error  # in the worker, which answers malformed requests itself

        return create_app({**self.options.app_config, "UPDATE_INDEX_ON_START": False})
