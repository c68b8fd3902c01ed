"""Building and updating the Whoosh index: the only module that opens index writers.

The corpus files are the truth. A manifest (id -> path, digest) beside the index records what the index
holds, so an update re-reads only files whose content changed. Every write happens under one
inter-process lock, so editors, imports and `kennisplatform index` never fight over Whoosh's writer lock."""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index
from whoosh.writing import CLEAR

from . import schema
from .corpus import CorpusFile, read_file, scan, taxonomy_for, write_atomic
from .documents import Document
from .errors import Problem
from .locks import file_lock
from .taxonomy import Taxonomy

INDEX_NAME = "kennisplatform"
MANIFEST = "manifest.json"
STAMP = "version.json"
LOCK_FILE = ".write.lock"
LOCK_TIMEOUT = 60.0  # seconds an editor's save may wait behind an import before giving up
PARALLEL_THRESHOLD = 2000  # below this many documents, extra writer processes cost more than they save

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        return self.added + self.updated

    def summary(self) -> str:
        what = "opnieuw opgebouwd" if self.rebuilt else "bijgewerkt"
        return (f"Index {what} in {self.seconds:.1f} s: {self.added} nieuw, {self.updated} gewijzigd, "
                f"{self.deleted} verwijderd, {self.unchanged} ongewijzigd, {len(self.problems)} problemen.")


def write_lock(index_dir: Path, timeout: float = LOCK_TIMEOUT):
    """One index writer at a time across processes."""
    return file_lock(Path(index_dir) / LOCK_FILE, timeout,
                     "De index wordt bijgewerkt; probeer het over een minuut opnieuw.")


def read_stamp(index_dir: Path) -> str | None:
    try:
        return json.loads((Path(index_dir) / STAMP).read_text())["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_current(index_dir: Path, taxonomy: Taxonomy) -> bool:
    return (read_stamp(index_dir) == schema.version_stamp(taxonomy)
            and whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME))


def open_index(index_dir: Path):
    """The Whoosh index for reading; callers check `is_current` first (search.SearchEngine does)."""
    return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)


def _read_manifest(index_dir: Path) -> dict[str, dict]:
    try:
        data = json.loads((Path(index_dir) / MANIFEST).read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_manifest(index_dir: Path, manifest: dict[str, dict]) -> None:
    write_atomic(Path(index_dir) / MANIFEST, json.dumps(manifest, sort_keys=True))


def update_index(corpus_dir: Path, index_dir: Path, *, rebuild: bool = False,
                 progress: Progress | None = None, taxonomy: Taxonomy | None = None) -> IndexReport:
    """Bring the index in line with the corpus folder: added, changed and deleted files by content hash.
    A full rebuild happens on request, when there is no index, or when its version stamp is stale."""
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    taxonomy = taxonomy or taxonomy_for(corpus_dir)
    stamp = schema.version_stamp(taxonomy)
    with write_lock(index_dir):
        rebuild = rebuild or not is_current(index_dir, taxonomy)
        manifest = {} if rebuild else _read_manifest(index_dir)
        listing = scan(corpus_dir)
        report = IndexReport(rebuilt=rebuild, problems=list(listing.problems))
        changed = [f for f in listing.files if manifest.get(f.doc_id, {}).get("digest") != f.digest]
        report.unchanged = len(listing.files) - len(changed)
        present = {f.doc_id for f in listing.files}
        gone = sorted(set(manifest) - present)

        if rebuild:
            ix = whoosh_index.create_in(str(index_dir), schema.build_schema(), indexname=INDEX_NAME)
            # A fresh index holds nothing yet: write the stamp now so a crash mid-build is seen as
            # "current but incomplete" only together with an empty manifest, which forces re-reading all.
            _write_manifest(index_dir, {})
        else:
            ix = open_index(index_dir)
        parallel = rebuild and len(changed) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1
        # Generous memory per writer: below it, Whoosh spills sorted runs to disk and merges them,
        # which halves throughput on a 10,000-document build.
        writer = (ix.writer(procs=2, multisegment=True, limitmb=1024) if parallel
                  else ix.writer(limitmb=512))
        try:
            for done, file in enumerate(changed, 1):
                _index_file(writer, file, taxonomy, manifest, report, rebuild)
                if progress:
                    progress(done, len(changed))
            for doc_id in gone:
                writer.delete_by_term(schema.ID_FIELD, doc_id)
                manifest.pop(doc_id, None)
                report.deleted += 1
            writer.commit(mergetype=CLEAR) if rebuild else writer.commit()
        except BaseException:
            writer.cancel()
            raise
        _write_manifest(index_dir, manifest)
        write_atomic(Path(index_dir) / STAMP, json.dumps({"version": stamp}))
    report.seconds = time.perf_counter() - started
    return report


def _index_file(writer, file: CorpusFile, taxonomy: Taxonomy, manifest: dict, report: IndexReport,
                rebuild: bool) -> None:
    parsed = read_file(file, taxonomy)
    report.problems.extend(parsed.problems)
    known = file.doc_id in manifest
    if parsed.document is None:
        # An unusable file must not leave its old version searchable as if nothing happened.
        if known:
            writer.delete_by_term(schema.ID_FIELD, file.doc_id)
            manifest.pop(file.doc_id)
        return
    fields = schema.to_fields(parsed.document, file.digest, taxonomy)
    if rebuild:
        writer.add_document(**fields)
    else:
        writer.update_document(**fields)
    manifest[file.doc_id] = {"path": file.relpath, "digest": file.digest}
    if known:
        report.updated += 1
    else:
        report.added += 1


def apply_changes(corpus_dir: Path, index_dir: Path, upserts: Iterable[tuple[Document, str]] = (),
                  deletes: Iterable[str] = (), taxonomy: Taxonomy | None = None) -> None:
    """Index documents an editor just saved ((document, digest) pairs) and drop deleted ids, under the
    same lock as full updates. Falls back to a full update when the index is missing or stale."""
    taxonomy = taxonomy or taxonomy_for(corpus_dir)
    if not is_current(index_dir, taxonomy):
        update_index(corpus_dir, index_dir, taxonomy=taxonomy)
        return
    with write_lock(index_dir):
        manifest = _read_manifest(index_dir)
        writer = open_index(index_dir).writer(limitmb=64)
        try:
            for doc, digest in upserts:
                writer.update_document(**schema.to_fields(doc, digest, taxonomy))
                manifest[doc.id] = {"path": doc.path or "", "digest": digest}
            for doc_id in deletes:
                writer.delete_by_term(schema.ID_FIELD, doc_id)
                manifest.pop(doc_id, None)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        _write_manifest(index_dir, manifest)
