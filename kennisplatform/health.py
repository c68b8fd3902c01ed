"""The health of a running site, for a monitor or load balancer: do the corpus and the index agree, which
index generation is served, when did the corpus last change. Cheap enough to be asked every few seconds:
the corpus is counted from directory listings only (no file is read), and counted again only when a
folder's modification time changed (adding, replacing or removing a file changes its folder's mtime).

A corpus file that the index refuses for a problem it reports (an impossible date, broken YAML) is known
and expected, not an index out of date: when the counts differ, the files the index does not hold are
read (only those, and again only when they change) and those with such a problem are listed under
`problems`, with their path in the corpus and the reason; the status stays ok. Only a file the index could
hold and does not (added or removed behind its back: `kennisplatform index`) makes it degraded."""
from __future__ import annotations

import datetime as dt
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import RACY_NS, TYPE_FOLDERS, refusal, shown_path
from .errors import Problem
from .index import MANIFEST, read_manifest  # index.py owns the manifest

OK, DEGRADED, UNAVAILABLE = "ok", "degraded", "unavailable"
MAX_CHECKED = 50  # files missing from the index read per answer; more: degraded without reading them
MAX_LISTED = 20  # refused files named in an answer


@dataclass(frozen=True)
class CorpusCount:
    documents: int
    last_change: float | None  # the newest folder mtime (a file was added, replaced or removed)
    paths: dict[str, Path] = field(default_factory=dict)  # id -> a file with that id


@dataclass(frozen=True)
class Refused:
    """A corpus file the index does not hold because of a problem it reports."""

    path: str  # in the corpus folder, shown safely
    problem: Problem

    def to_dict(self) -> dict:
        return {"path": self.path, "field": self.problem.field, "message": self.problem.message}


@dataclass
class CorpusCounter:
    """Counts the documents of one corpus folder, remembering the folders' mtimes of the last count. A count
    taken while a folder had changed in the last RACY_NS is taken again next time: a second change within the
    same clock tick would leave the folder's mtime as it was."""

    corpus_dir: Path
    _folders: dict[str, int] = field(default_factory=dict)  # folder -> mtime_ns at the last count
    _racy: bool = False  # a folder had changed within RACY_NS of the last count
    _count: CorpusCount | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _manifest: tuple[tuple[int, int], frozenset[str]] | None = None  # (mtime_ns, size) -> indexed ids
    _verdicts: dict[str, tuple[tuple[int, int], Problem | None]] = field(default_factory=dict)

    def count(self) -> CorpusCount:
        with self._lock:
            if self._count is not None and not self._racy and self._unchanged():
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
        ids: dict[str, Path] = {}
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
                    ids.setdefault(entry.name[:-3].lower(), Path(entry.path))
        self._folders = folders
        newest = max(folders.values(), default=None)
        self._racy = newest is not None and time.time_ns() - newest < RACY_NS
        return CorpusCount(len(ids), newest / 1e9 if newest is not None else None, ids)

    def refused(self, counted: CorpusCount, index_dir: Path, taxonomy) -> tuple[list[Refused], int]:
        """The corpus files the index does not hold because of a problem, and how many it does not hold
        for no such reason (added behind its back, or more than MAX_CHECKED to read)."""
        indexed = self._indexed_ids(Path(index_dir))
        missing = sorted(set(counted.paths) - indexed)
        found: list[Refused] = []
        unexplained = max(0, len(missing) - MAX_CHECKED)
        for doc_id in missing[:MAX_CHECKED]:
            problem = self._verdict(counted.paths[doc_id], taxonomy)
            if problem is None:
                unexplained += 1
            else:
                found.append(Refused(shown_path(counted.paths[doc_id].relative_to(self.corpus_dir).as_posix()),
                                     problem))
        return found, unexplained

    def _indexed_ids(self, index_dir: Path) -> frozenset[str]:
        try:
            info = (index_dir / MANIFEST).stat()
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = (0, 0)
        with self._lock:
            if self._manifest is not None and self._manifest[0] == stamp:
                return self._manifest[1]
        ids = frozenset(read_manifest(index_dir))
        with self._lock:
            self._manifest = (stamp, ids)
        return ids

    def _verdict(self, path: Path, taxonomy) -> Problem | None:
        """The first problem that keeps a file out of the index (None: it could be indexed), read again
        only when the file changed."""
        try:
            info = path.lstat()
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError:
            return None  # gone since the count: the next count says so
        key = str(path)
        with self._lock:
            cached = self._verdicts.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        problems = refusal(self.corpus_dir, path, taxonomy)
        verdict = problems[0] if problems else None
        with self._lock:
            if len(self._verdicts) > 4 * MAX_CHECKED:
                self._verdicts.clear()
            self._verdicts[key] = (stamp, verdict)
        return verdict


@dataclass(frozen=True)
class Health:
    status: str
    corpus_documents: int
    index_documents: int | None
    generation: int | None
    last_change: dt.datetime | None
    refused: tuple[Refused, ...] = ()  # files the index leaves out for a reported problem

    @property
    def in_sync(self) -> bool:
        """The index holds every corpus file it can (those it refuses are not missing)."""
        return self.index_documents == self.corpus_documents - len(self.refused)

    @property
    def http_status(self) -> int:
        return 503 if self.status == UNAVAILABLE else 200

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "documents": {"corpus": self.corpus_documents, "index": self.index_documents,
                          "in_sync": self.in_sync, "problems": len(self.refused)},
            "problems": [r.to_dict() for r in self.refused[:MAX_LISTED]],
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
    if indexed == counted.documents:
        return Health(OK, counted.documents, indexed, generation, when)
    refused, unexplained = counter.refused(counted, engine.index_dir, engine.taxonomy)
    status = OK if not unexplained and indexed == counted.documents - len(refused) else DEGRADED
    return Health(status, counted.documents, indexed, generation, when, tuple(refused))
