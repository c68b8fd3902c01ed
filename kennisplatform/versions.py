"""A document's versions and what editors do with them: list and compare them, put an earlier one back,
bring a deleted document back from the trash, and undo an import run. Every change goes through
editing.Writer, so it is itself a new version (nothing is rewritten) and is indexed at once.
No Flask here: the history pages and the CLI call these functions."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import history
from .corpus import TRASH_FOLDER, TYPE_FOLDERS, taxonomy_for
from .diffs import VersionDiff, compare
from .documents import parse_document
from .editing import LOCK_TIMEOUT, EditConflict, Saved, Writer, corpus_lock, find_file
from .errors import NotFound
from .taxonomy import Taxonomy

ADOPTED_ACTION = "overgenomen"


@dataclass(frozen=True)
class Version:
    """One version of one document: the commit that made it and the file it left (None: deleted)."""

    number: int  # 1 = the oldest
    entry: history.Entry
    change: history.Change

    @property
    def deleted(self) -> bool:
        return self.change.blob is None

    @property
    def sha(self) -> str:
        return self.entry.sha

    @property
    def short(self) -> str:
        return self.entry.short

    @property
    def time(self) -> dt.datetime:
        return self.entry.time

    @property
    def author(self) -> str:
        return self.entry.author + (f" (batch {self.entry.batch})" if self.entry.batch else "")

    @property
    def reason(self) -> str:
        return self.entry.reason


@dataclass
class Compared:
    """A version with its difference from the one before it (the history page)."""

    version: Version
    diff: VersionDiff
    current: bool  # the document's present state: nothing to put back


def versions_of(corpus_dir: Path, doc_id: str) -> list[Version]:
    """Every version of a document, oldest first."""
    doc_id = doc_id.lower()
    found: list[Version] = []
    for entry in reversed(history.log(corpus_dir)):
        change = entry.change_of(doc_id)
        if change is None and entry.adopted:
            change = _adopted_change(corpus_dir, entry, doc_id)
        if change is not None:
            found.append(Version(len(found) + 1, entry, change))
    return found


def _adopted_change(corpus_dir: Path, entry: history.Entry, doc_id: str) -> history.Change | None:
    """The first commit of an adopted corpus names no documents: look the file up in its tree."""
    for folder in TYPE_FOLDERS.values():
        path = f"{folder}/{doc_id}.md"
        blob = history.blob_at(corpus_dir, entry.sha, path)
        if blob:
            return history.Change(doc_id, ADOPTED_ACTION, path, blob)
    return None


def resolve(corpus_dir: Path, doc_id: str, wanted: str) -> Version:
    """A version by number ("2") or by (the start of) its commit id; NotFound in Dutch otherwise."""
    wanted = (wanted or "").strip().lower()
    versions = versions_of(corpus_dir, doc_id)
    if not versions:
        raise NotFound(f"Document '{doc_id}' heeft geen geschiedenis.")
    if re.fullmatch(r"[0-9]{1,9}", wanted) and 1 <= int(wanted) <= len(versions):  # ASCII, and few digits
        return versions[int(wanted) - 1]
    if re.fullmatch(r"[0-9a-f]{4,40}", wanted):
        matches = [v for v in versions if v.sha.startswith(wanted)]
        if len(matches) == 1:
            return matches[0]
    raise NotFound(f"Document '{doc_id}' heeft geen versie '{wanted[:40]}'; "
                   f"er zijn versies 1 tot en met {len(versions)}.")


def text_of(corpus_dir: Path, version: Version) -> str | None:
    if version.deleted:
        return None
    return history.read_blob(corpus_dir, version.change.blob).decode("utf-8", errors="replace")


def compared(corpus_dir: Path, doc_id: str, taxonomy: Taxonomy, limit: int = 50) -> list[Compared]:
    """The newest `limit` versions, newest first, each compared with the version before it."""
    versions = versions_of(corpus_dir, doc_id)
    shown = versions[-limit:]
    start = len(versions) - len(shown)
    previous = text_of(corpus_dir, versions[start - 1]) if start > 0 else None
    out = []
    for version in shown:
        text = text_of(corpus_dir, version)
        out.append(Compared(version, compare(previous, text, taxonomy), version is versions[-1]))
        previous = text
    return list(reversed(out))


# -- changes ---------------------------------------------------------------------------------------------
def revert(corpus_dir: Path, index_dir: Path, doc_id: str, wanted: str, author: history.Author = history.ADMIN,
           taxonomy: Taxonomy | None = None) -> tuple[Version, Saved]:
    """Make the document's text equal to an earlier version's again, as a new version."""
    version = resolve(corpus_dir, doc_id, wanted)
    if version.deleted:
        raise NotFound(f"Versie {version.number} van '{doc_id}' is de verwijdering zelf; kies een eerdere versie.")
    text = text_of(corpus_dir, version)
    reason = f"teruggezet naar versie {version.number} ({version.short}): {doc_id}"
    with Writer(corpus_dir, index_dir, taxonomy, author=author, reason=reason) as writer:
        saved = writer.put_text(doc_id.lower(), text, version.change.path)
    return version, saved


@dataclass(frozen=True)
class TrashItem:
    doc_id: str
    title: str
    deleted: dt.datetime | None
    relpath: str  # the file in the trash, relative to the corpus folder

    @property
    def original(self) -> str:
        """Where the document was: the trash keeps the type folder."""
        folder = Path(self.relpath).parent.relative_to(TRASH_FOLDER).as_posix()
        return f"{folder}/{self.doc_id}.md"


def trash(corpus_dir: Path, taxonomy: Taxonomy | None = None) -> list[TrashItem]:
    """Deleted documents that are not back in the corpus, the newest deletion of each, newest first."""
    corpus_dir = Path(corpus_dir)
    root = corpus_dir / TRASH_FOLDER
    if not root.is_dir():
        return []
    taxonomy = taxonomy or taxonomy_for(corpus_dir)
    newest: dict[str, TrashItem] = {}
    for path in root.rglob("*.md"):
        doc_id, _, stamp = path.name[:-3].partition(".")
        doc_id = doc_id.lower()
        try:
            when = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%f") if stamp else None
        except ValueError:
            when = None
        relpath = path.relative_to(corpus_dir).as_posix()
        item = TrashItem(doc_id, doc_id, when, relpath)
        known = newest.get(doc_id)
        if known is None or (when or dt.datetime.min) > (known.deleted or dt.datetime.min):
            newest[doc_id] = item
    items = []
    for item in newest.values():
        if find_file(corpus_dir, item.doc_id) is not None:
            continue
        text = (corpus_dir / item.relpath).read_text(encoding="utf-8", errors="replace")
        parsed = parse_document(text, item.doc_id, taxonomy, item.original)
        title = parsed.document.title if parsed.document else item.doc_id
        items.append(TrashItem(item.doc_id, title, item.deleted, item.relpath))
    return sorted(items, key=lambda i: (i.deleted or dt.datetime.min, i.doc_id), reverse=True)


def undelete(corpus_dir: Path, index_dir: Path, doc_id: str, author: history.Author = history.ADMIN,
             taxonomy: Taxonomy | None = None) -> Saved:
    """Bring a deleted document back under its own id: from the trash, else from its last version."""
    corpus_dir, doc_id = Path(corpus_dir), doc_id.lower()
    if find_file(corpus_dir, doc_id) is not None:
        raise EditConflict(f"Document '{doc_id}' staat niet in de prullenbak: het bestaat nog.")
    item = next((i for i in trash(corpus_dir, taxonomy) if i.doc_id == doc_id), None)
    if item is not None:
        text = (corpus_dir / item.relpath).read_text(encoding="utf-8")
        relpath = item.original
    else:
        kept = [v for v in versions_of(corpus_dir, doc_id) if not v.deleted]
        if not kept:
            raise NotFound(f"Document '{doc_id}' staat niet in de prullenbak en heeft geen geschiedenis.")
        text, relpath = text_of(corpus_dir, kept[-1]), kept[-1].change.path
    with Writer(corpus_dir, index_dir, taxonomy, author=author,
                reason=f"teruggezet uit de prullenbak: {doc_id}") as writer:
        saved = writer.put_text(doc_id, text, relpath)
    if item is not None:
        (corpus_dir / item.relpath).unlink(missing_ok=True)  # it is back, and in the history
    return saved


# -- undoing an import ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Kept:
    doc_id: str
    why: str


@dataclass
class UndoReport:
    batch: str
    reverted: list[str] = field(default_factory=list)  # updated by the import: the version before it is back
    removed: list[str] = field(default_factory=list)  # created by the import: moved to the trash
    kept: list[Kept] = field(default_factory=list)  # changed since: left alone

    def summary(self) -> str:
        return (f"Import {self.batch} ongedaan gemaakt: {len(self.removed)} verwijderd, "
                f"{len(self.reverted)} teruggezet, {len(self.kept)} behouden.")


def batches(corpus_dir: Path) -> list[str]:
    """Import batches that were not undone, newest first."""
    entries = history.log(corpus_dir)
    undone = {e.undoes for e in entries if e.undoes}
    return list(dict.fromkeys(e.batch for e in entries if e.batch and e.batch not in undone))


def undo_import(corpus_dir: Path, index_dir: Path, batch: str | None = None,
                author: history.Author = history.ADMIN, taxonomy: Taxonomy | None = None) -> UndoReport:
    """Undo what one import run created and changed. A document that someone changed after the import
    is kept as it is and reported."""
    corpus_dir = Path(corpus_dir)
    entries = history.log(corpus_dir)
    if batch is None:
        open_batches = batches(corpus_dir)
        if not open_batches:
            raise NotFound("Er is geen import om ongedaan te maken.")
        batch = open_batches[0]
    if any(e.undoes == batch for e in entries):
        raise EditConflict(f"Import {batch} is al ongedaan gemaakt.")
    touched = list(dict.fromkeys(c.doc_id for e in reversed(entries) if e.batch == batch for c in e.changes))
    if not touched:
        raise NotFound(f"Er is geen import met batch '{batch[:60]}'.")
    report = UndoReport(batch)
    reason = f"import {batch} ongedaan gemaakt"
    with Writer(corpus_dir, index_dir, taxonomy, author=author, reason=reason) as writer:
        writer.trailers.append(f"Ongedaan: {batch}")
        for doc_id in touched:
            _undo_one(corpus_dir, writer, batch, doc_id, report)
    return report


def _undo_one(corpus_dir: Path, writer: Writer, batch: str, doc_id: str, report: UndoReport) -> None:
    versions = versions_of(corpus_dir, doc_id)
    mine = [n for n, v in enumerate(versions) if v.entry.batch == batch]
    first, last = mine[0], mine[-1]
    after = versions[last]
    later = versions[last + 1:]
    current = find_file(corpus_dir, doc_id)
    current_blob = history.blob_id((corpus_dir / current).read_bytes()) if current else None
    if later or current_blob != after.change.blob or (current and current != after.change.path):
        who = (f"{later[-1].entry.author} op {later[-1].time:%d-%m-%Y %H:%M}" if later
               else "iemand buiten het platform")
        report.kept.append(Kept(doc_id, f"na de import gewijzigd door {who}"))
        return
    before = versions[first - 1] if first > 0 else None
    if before is None or before.deleted:
        writer.delete(doc_id)
        report.removed.append(doc_id)
    else:
        writer.put_text(doc_id, text_of(corpus_dir, before), before.change.path)
        report.reverted.append(doc_id)


def prepare(corpus_dir: Path, index_dir: Path, outside: bool = False, timeout: float = LOCK_TIMEOUT) -> str | None:
    """Under the corpus lock: adopt a corpus without history, repair an interrupted change, and with
    `outside` (`kennisplatform index`) also commit what was changed in the files outside the platform.
    Returns the id of the last commit made, or None."""
    with corpus_lock(index_dir, timeout):
        made = history.ensure(corpus_dir)
        if outside:
            made = history.reconcile(corpus_dir, history.OUTSIDE) or made
    return made
