"""What a request needs from the library, created once per process: taxonomy and search engine, and the
corpus listings kept between requests (the dashboard's recent files, the health check's count)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

from .corpus import taxonomy_for
from .editing import RecentFiles
from .health import CorpusCounter
from .index import is_current, update_index
from .search import SearchEngine
from .taxonomy import Taxonomy


@dataclass
class Services:
    corpus_dir: Path
    index_dir: Path
    taxonomy: Taxonomy
    engine: SearchEngine
    recent_files: RecentFiles  # between loads of the dashboard only the folders that changed are listed again
    corpus_counter: CorpusCounter  # /health counts again only when a folder changed


def init_services(app: Flask) -> None:
    """The index is brought up to date with the corpus on start. UPDATE_INDEX_ON_START=False (the workers
    of `kennisplatform serve`, whose master did that just before they started): only a missing or
    outdated index is built, and under the index's write lock, so several workers build it once."""
    corpus_dir = Path(app.config["CORPUS_DIR"])
    index_dir = Path(app.config["INDEX_DIR"])
    taxonomy = taxonomy_for(corpus_dir)
    _prepare_history(app, corpus_dir, index_dir)
    always = app.config.get("UPDATE_INDEX_ON_START", True)
    if always or not is_current(index_dir, taxonomy):
        report = update_index(corpus_dir, index_dir, taxonomy=taxonomy, only_if_stale=not always)
        app.logger.info(report.summary())
        for problem in report.problems:
            app.logger.warning("corpus: %s", problem)
    # The Dutch word list (~40 MB), the spelling correctors and the rest of what every search needs load
    # here, at app creation: under `gunicorn --preload` the master loads them once and the forked workers
    # share their pages (docs/performance.md, sessions 3 and 4).
    engine = SearchEngine(index_dir, taxonomy)
    engine.prepare()
    app.extensions["kennisplatform"] = Services(corpus_dir, index_dir, taxonomy, engine, RecentFiles(corpus_dir),
                                                CorpusCounter(corpus_dir))


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
