"""What a request needs from the library, created once per process: taxonomy and search engine."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

from .corpus import taxonomy_for
from .index import is_current, update_index
from .search import SearchEngine
from .taxonomy import Taxonomy


@dataclass
class Services:
    corpus_dir: Path
    index_dir: Path
    taxonomy: Taxonomy
    engine: SearchEngine


def init_services(app: Flask) -> None:
    corpus_dir = Path(app.config["CORPUS_DIR"])
    index_dir = Path(app.config["INDEX_DIR"])
    taxonomy = taxonomy_for(corpus_dir)
    _prepare_history(app, corpus_dir, index_dir)
    if app.config.get("UPDATE_INDEX_ON_START", True) or not is_current(index_dir, taxonomy):
        report = update_index(corpus_dir, index_dir, taxonomy=taxonomy)
        app.logger.info(report.summary())
        for problem in report.problems:
            app.logger.warning("corpus: %s", problem)
    app.extensions["kennisplatform"] = Services(corpus_dir, index_dir, taxonomy, SearchEngine(index_dir, taxonomy))


def _prepare_history(app: Flask, corpus_dir: Path, index_dir: Path) -> None:
    """Adopt the corpus into version control, or repair a change a killed process left. Never stops the
    site from starting: a writer busy with the corpus does the same itself, and a read-only corpus can
    still be searched."""
    from . import versions
    from .errors import KennisplatformError

    try:
        versions.prepare(corpus_dir, index_dir, timeout=2.0)
    except (KennisplatformError, OSError) as exc:
        app.logger.warning("geschiedenis van het corpus niet bijgewerkt: %s", getattr(exc, "message", exc))


def services() -> Services:
    return current_app.extensions["kennisplatform"]
