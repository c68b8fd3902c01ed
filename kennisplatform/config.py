"""Where the corpus, the index and the instance folder live: defaults, overridable by environment and
options. Every command and the web app resolve them here, so that they all read and write the same
places."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


# The bundled corpus: example documents, and the taxonomy a new corpus starts from (corpus.start_corpus).
BUNDLED_CORPUS = REPO_DIR / "corpus"


def corpus_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--corpus, else $KENNISPLATFORM_CORPUS, else the repository's corpus/."""
    value = explicit or os.environ.get("KENNISPLATFORM_CORPUS") or BUNDLED_CORPUS
    return Path(value).resolve()


def index_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--index, else $KENNISPLATFORM_INDEX, else the repository's index/."""
    value = explicit or os.environ.get("KENNISPLATFORM_INDEX") or REPO_DIR / "index"
    return Path(value).resolve()


def instance_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--instance, else $KENNISPLATFORM_INSTANCE, else the repository's instance/ (accounts, the secret
    key, the search log)."""
    value = explicit or os.environ.get("KENNISPLATFORM_INSTANCE") or REPO_DIR / "instance"
    return Path(value).resolve()
