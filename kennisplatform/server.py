"""`kennisplatform serve`: the app under gunicorn, a production WSGI server (Flask's own server is for
development only and says so). A thin wrapper: gunicorn's BaseApplication with our options."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from gunicorn.app.base import BaseApplication

MAX_DEFAULT_WORKERS = 8
# Web uploads of many files are imported within the request: more time than gunicorn's 30 s default
# before a worker counts as hung and is restarted.
WORKER_TIMEOUT = 120
# gunicorn's largest request line (its default is 4094): a long pasted query then reaches the app, which
# answers in Dutch and uses the first words, instead of gunicorn's own English "URI Too Long" page.
MAX_REQUEST_LINE = 8190


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

        return create_app({**self.options.app_config, "UPDATE_INDEX_ON_START": False})
