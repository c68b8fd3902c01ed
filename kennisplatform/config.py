"""Where the corpus and the index live: defaults, overridable by environment and options."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def corpus_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--corpus, else $KENNISPLATFORM_CORPUS, else the repository's corpus/."""
    value = explicit or os.environ.get("KENNISPLATFORM_CORPUS") or REPO_DIR / "corpus"
    return Path(value).resolve()


def index_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--index, else $KENNISPLATFORM_INDEX, else the repository's index/."""
    value = explicit or os.environ.get("KENNISPLATFORM_INDEX") or REPO_DIR / "index"
    return Path(value).resolve()


def instance_dir() -> Path | None:
    """$KENNISPLATFORM_INSTANCE (accounts, secret key, search log), else None: Flask's default, the
    repository's instance/. The web app and `kennisplatform user add` must agree on it."""
    value = os.environ.get("KENNISPLATFORM_INSTANCE")
    return Path(value).resolve() if value else None
