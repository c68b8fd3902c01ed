"""The health of a running site, for a monitor or load balancer: do the corpus and the index agree, which
index generation is served, when did the corpus last change. Cheap enough to be asked every few seconds:
the corpus is counted from directory listings only (no file is read), and counted again only when a
folder's modification time changed (adding, replacing or removing a file changes its folder's mtime)."""
from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import TYPE_FOLDERS

OK, DEGRADED, UNAVAILABLE = "ok", "degraded", "unavailable"


@dataclass(frozen=True)
class CorpusCount:
    documents: int
    last_change: float | None  # the newest folder mtime (a file was added, replaced or removed)


@dataclass
class CorpusCounter:
    """Counts the documents of one corpus folder, remembering the folders' mtimes of the last count."""

    corpus_dir: Path
    _folders: dict[str, int] = field(default_factory=dict)  # folder -> mtime_ns at the last count
    _count: CorpusCount | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self) -> CorpusCount:
        with self._lock:
            if self._count is not None and self._unchanged():
                return self._count
            self._count = self._scan()
            return self._count

    def _unchanged(self) -> bool:
        for folder, mtime in self._folders.items():
            try:
                if os.stat(folder).st_mtime_ns != mtime:
                    return False
            except FileNotFoundError:
                return False
        # A type folder that appeared since the last count.
        return all(str(Path(self.corpus_dir) / f) in self._folders
                   for f in TYPE_FOLDERS.values() if (Path(self.corpus_dir) / f).is_dir())

    def _scan(self) -> CorpusCount:
        """The rules of corpus.iter_markdown_files (hidden folders and files skipped), ids counted once."""
        folders: dict[str, int] = {}
        ids: set[str] = set()
        pending = [Path(self.corpus_dir) / f for f in sorted(set(TYPE_FOLDERS.values()))]
        while pending:
            folder = pending.pop()
            try:
                folders[str(folder)] = os.stat(folder).st_mtime_ns
                entries = list(os.scandir(folder))
            except (FileNotFoundError, NotADirectoryError):
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                elif entry.name.endswith(".md"):
                    ids.add(entry.name[:-3].lower())
        self._folders = folders
        newest = max(folders.values(), default=None)
        return CorpusCount(len(ids), newest / 1e9 if newest is not None else None)


@dataclass(frozen=True)
class Health:
    status: str
    corpus_documents: int
    index_documents: int | None
    generation: int | None
    last_change: dt.datetime | None

    @property
    def in_sync(self) -> bool:
        return self.index_documents == self.corpus_documents

    @property
    def http_status(self) -> int:
        return 503 if self.status == UNAVAILABLE else 200

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "documents": {"corpus": self.corpus_documents, "index": self.index_documents,
                          "in_sync": self.in_sync},
            "index_generation": self.generation,
            "last_change": self.last_change.isoformat(timespec="seconds") if self.last_change else None,
        }


def check(counter: CorpusCounter, engine) -> Health:
    """The health of the corpus behind `counter` and the index `engine` serves. Any failure to open or
    read the index makes the site unavailable (503): a load balancer should send searchers elsewhere."""
    counted = counter.count()
    when = (dt.datetime.fromtimestamp(counted.last_change).astimezone()
            if counted.last_change is not None else None)
    try:
        indexed, generation = engine.doc_count, engine.generation
    except Exception:  # noqa: BLE001 - whatever the index's failure, the answer is "unavailable"
        return Health(UNAVAILABLE, counted.documents, None, None, when)
    status = OK if indexed == counted.documents else DEGRADED
    return Health(status, counted.documents, indexed, generation, when)
