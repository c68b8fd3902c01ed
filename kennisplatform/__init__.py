"""Kennisplatform: Dutch full-text search with facets for culture education (CMK) in Zuid-Holland."""
from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from flask import Flask

from . import config

__version__ = "0.1.0"


def create_app(test_config: dict | None = None) -> Flask:
    """The application factory. `test_config` replaces the instance config (tests use temp folders)."""
    # The instance folder holds accounts, the secret key and the search log: INSTANCE_PATH in the test
    # config or $KENNISPLATFORM_INSTANCE choose another one than the repository's instance/ (config.py
    # resolves it, for the commands too).
    instance = config.instance_dir((test_config or {}).get("INSTANCE_PATH"))
    app = Flask(__name__, instance_relative_config=True, instance_path=str(instance))
    app.config.from_mapping(
        CORPUS_DIR=str(config.corpus_dir()),
        INDEX_DIR=str(config.index_dir()),
        UPDATE_INDEX_ON_START=True,
        MAX_CONTENT_LENGTH=40 * 1024 * 1024,  # an upload of PDF and Word files (importer.MAX_BINARY_BYTES each)
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=os.environ.get("KENNISPLATFORM_ENV") == "production",
    )
    # config.py and KENNISPLATFORM_<KEY> count for `kennisplatform serve` too (its folders come as a mapping,
    # which wins); tests (TESTING) read neither, so that the machine's settings cannot change them.
    if not (test_config or {}).get("TESTING"):
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("KENNISPLATFORM")
    app.config.from_mapping(test_config or {})
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))

    from .services import init_services
    from .views import register_views

    init_services(app)
    register_views(app)
    return app


def _instance_secret(instance: Path) -> str:
    """A secret shared by all worker processes: generated once, kept in the instance folder."""
    path = instance / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass  # another worker made it first
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
            handle.flush()
            os.fsync(handle.fileno())
    for _ in range(100):  # a racing worker may see the file before its content is written
        # Any bytes make a secret: one written by hand in another encoding must not stop the site.
        secret = path.read_bytes().strip().decode("latin-1")
        if secret:
            return secret
        time.sleep(0.01)
    raise RuntimeError(f"{path} is leeg")
