"""Saving, editing and deleting documents: the corpus file first (atomically), then the index.

The rules that make concurrent editors and imports safe:
- every change to the corpus happens under one inter-process lock (`corpus_lock`), held across writing the
  file AND updating the index, so the index always sees changes in the order the files were written;
- a new file never overwrites another: its name is reserved with os.link(), which fails if the name exists
  (also against writers that do not take the lock), and the next slug (-2, -3, ...) is tried;
- every file appears whole or not at all: a temporary file in the same folder, fsync, link/rename;
- an edit keeps the id (the file name) and refuses to overwrite a version it did not start from;
- deleting moves the file to `.prullenbak/` in the corpus: nothing is destroyed;
- every block of changes becomes one commit in the corpus's history (history.py), made under the same lock
  before the index is updated, with the author and reason the Writer was given.
No Flask here: the web form, the importer and the tests call these functions."""
from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import itertools
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import history
from .corpus import (RACY_NS, TRASH_FOLDER, TYPE_FOLDERS, file_problem, fsync_dir, iter_markdown_files,
                     leads_outside, taxonomy_for, write_bytes_atomic)
from .documents import Document, parse_document, render_document, slugify
from .errors import DocumentError, IndexBusy, KennisplatformError, NotFound, Problem
from .index import apply_changes
from .locks import file_lock
from .taxonomy import Taxonomy

LOCK_FILE = ".corpus.lock"  # in the index folder (ignored by git, always writable by the app)
LOCK_TIMEOUT = 60.0
MAX_SLUG = 70  # characters of the title in a file name; the date follows
MAX_SUFFIX = 1000
MAX_NAME_BYTES = 255  # of a file name, on the file systems we run on (ext4, xfs, btrfs, tmpfs)


class EditConflict(KennisplatformError):
    """Someone else saved the document after this editor opened it (HTTP 409)."""

    status = 409


@dataclass(frozen=True)
class Saved:
    document: Document  # as written, with id and path
    digest: str  # sha256 of the file's bytes
    created: bool
    changed: bool = True  # False: the file already had exactly this text
    indexed: bool = True  # False: saved, but the index was busy; `kennisplatform index` catches up


@dataclass(frozen=True)
class Trashed:
    doc_id: str
    trash_path: str  # relative to the corpus folder


# -- locking ---------------------------------------------------------------------------------------
def corpus_lock(index_dir: Path, timeout: float = LOCK_TIMEOUT):
    """One corpus writer at a time across processes (editors, imports). Waits with a timeout, then IndexBusy.
    The kernel releases the lock when its holder dies, so a killed import never leaves it locked."""
    return file_lock(Path(index_dir) / LOCK_FILE, timeout,
                     "Er wordt al een document opgeslagen of geïmporteerd; probeer het over een minuut opnieuw.",
                     poll=0.02)


# -- finding files -----------------------------------------------------------------------------------
def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def find_file(corpus_dir: Path, doc_id: str) -> str | None:
    """The corpus-relative path of a document's file (the id is the file name), or None. An id that cannot
    be a file name (too long for the file system, a slash, a NUL) is no document, not an OSError."""
    if not doc_id or len(f"{doc_id}.md".encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES \
            or "/" in doc_id or "\x00" in doc_id:
        return None
    corpus_dir = Path(corpus_dir)
    for folder in TYPE_FOLDERS.values():  # the usual place first: no walk needed
        candidate = corpus_dir / folder / f"{doc_id}.md"
        if candidate.is_file():
            return candidate.relative_to(corpus_dir).as_posix()
    for path in iter_markdown_files(corpus_dir):
        if path.stem.lower() == doc_id:
            return path.relative_to(corpus_dir).as_posix()
    return None


@dataclass(frozen=True)
class Recent:
    """A document file and when it was last written (created, saved, restored or imported)."""

    doc_id: str
    relpath: str
    modified: dt.datetime  # local time


@dataclass
class _Listing:
    """One folder as last listed: its documents newest first, its linked documents (whose target can change
    without the folder changing, so they are stat'd on every load) and its subfolders."""

    stamp: tuple[int, int, int] | None  # (device, inode, mtime_ns) of the folder; None: list it again next time
    files: list[tuple[int, str, str, int]]  # (-mtime_ns, doc id, corpus path, size), sorted
    links: list[tuple[str, str, str]]  # (path, doc id, corpus path)
    folders: list[str]


@dataclass
class RecentFiles:
    """The document files of one corpus by the time they were last written, kept between requests.

    Every way the platform writes the corpus (a save, an import, a revert or undelete, a delete to the
    trash, a move to another type folder) puts a whole file in place with a rename or a link, or moves one
    out: each changes the folder's mtime, and a restored backup is a new folder (another inode). So a
    folder whose (device, inode, mtime) is the same as at its last listing holds the same files with the
    same times, and costs one stat; only a changed folder is listed and its files stat'd again. A folder
    changed in the last RACY_NS is listed again on the next load too: a second change within the same
    clock tick would leave its mtime as it was. (A file rewritten in place by a program outside the
    platform, which changes no folder, shows its new time once its folder changes.)"""

    corpus_dir: Path
    _listings: dict[str, _Listing] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def page(self, start: int = 0, count: int = 25) -> tuple[list[Recent], int]:
        with self._lock:
            listings = self._refresh()
        linked = sorted(found for listing in listings for found in self._linked(listing))
        runs = [listing.files for listing in listings] + [linked]  # each sorted: merged, never sorted whole
        shown = [Recent(doc_id, relpath, dt.datetime.fromtimestamp(-ns / 1e9))
                 for ns, doc_id, relpath, _size in itertools.islice(heapq.merge(*runs), start, start + count)]
        return shown, sum(len(run) for run in runs)

    def _refresh(self) -> list[_Listing]:
        corpus_dir = Path(self.corpus_dir)
        fresh: dict[str, _Listing] = {}
        pending = [str(corpus_dir / name) for name in sorted(set(TYPE_FOLDERS.values()), reverse=True)]
        while pending:
            folder = pending.pop()
            try:
                info = os.stat(folder)
            except OSError:  # removed meanwhile, or not there
                continue
            stamp = (info.st_dev, info.st_ino, info.st_mtime_ns)
            known = self._listings.get(folder)
            if known is None or known.stamp != stamp:
                known = self._list(folder, stamp, info.st_mtime_ns)
            fresh[folder] = known
            pending.extend(reversed(known.folders))
        self._listings = fresh
        return list(fresh.values())

    def _list(self, folder: str, stamp: tuple[int, int, int], mtime_ns: int) -> _Listing:
        """The rules of corpus.iter_markdown_files: hidden and linked folders skipped, bad names and links
        out of the corpus left out. The folder was stat'd before it is listed: a change during the listing
        gives it a new mtime, and it is listed again next time."""
        if time.time_ns() - mtime_ns < RACY_NS:
            stamp = None
        corpus_dir = Path(self.corpus_dir)
        prefix = Path(folder).relative_to(corpus_dir).as_posix() + "/"  # strings, not a Path per file
        files, links, folders = [], [], []
        if os.path.islink(folder) and leads_outside(corpus_dir, Path(folder)):
            # A type folder linked out of the corpus is not followed (as iter_markdown_files). Checked here,
            # not on every load: pointing the link elsewhere gives the stat another inode.
            return _Listing(stamp, files, links, folders)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            entries = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
                continue
            if not name.endswith(".md"):
                continue
            relpath = prefix + name
            doc_id = name[:-3].lower()
            linked = entry.is_symlink()  # the listing says what is a link: no lstat per file
            if file_problem(corpus_dir, relpath, entry.path, linked) is not None:
                continue
            if linked:
                links.append((entry.path, doc_id, relpath))
                continue
            try:
                info = os.stat(entry.path)
            except OSError:  # removed meanwhile
                continue
            files.append((-info.st_mtime_ns, doc_id, relpath, info.st_size))
        files.sort()
        return _Listing(stamp, files, links, sorted(folders))

    @staticmethod
    def _linked(listing: _Listing) -> list[tuple[int, str, str, int]]:
        found = []
        for path, doc_id, relpath in listing.links:
            try:
                info = os.stat(path)
            except OSError:  # a dangling link is no document
                continue
            found.append((-info.st_mtime_ns, doc_id, relpath, info.st_size))
        return found


def recently_changed(corpus_dir: Path, start: int = 0, count: int = 25,
                     files: RecentFiles | None = None) -> tuple[list[Recent], int]:
    """Documents by the time their file was last written, newest first: `count` from `start`, and how many
    there are. No file is read; with `files` (kept between calls) only changed folders are listed again."""
    return (files or RecentFiles(Path(corpus_dir))).page(start, count)


def used_ids(corpus_dir: Path) -> set[str]:
    """Every id in the corpus, and those in the trash (a deleted id is not given to a new document,
    so restoring it later cannot collide)."""
    corpus_dir = Path(corpus_dir)
    ids = {p.stem.lower() for p in iter_markdown_files(corpus_dir)}
    trash = corpus_dir / TRASH_FOLDER
    if trash.is_dir():
        for path in trash.rglob("*.md"):
            ids.add(path.name.split(".", 1)[0].lower())
    return ids


def base_slug(title: str, date: dt.date | None) -> str:
    """'CMK-bijeenkomst Vlaardingen' on 22 June 2023 -> 'cmk-bijeenkomst-vlaardingen-2023-06-22';
    without a date just the title's slug."""
    slug = slugify(title, MAX_SLUG)
    if date is None:
        return slug
    stamp = date.isoformat()
    return slug if slug.endswith(stamp) else f"{slug}-{stamp}"


# -- writing -------------------------------------------------------------------------------------------
def _temp_file(folder: Path, text: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp




def remove_leftovers(corpus_dir: Path) -> int:
    """Delete temporary files of writers that died before renaming them. Called under the corpus lock, when
    no other writer can be busy with one. (They are hidden and never read as documents anyway.)"""
    removed = 0
    for folder in TYPE_FOLDERS.values():
        try:
            entries = list(os.scandir(Path(corpus_dir) / folder))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.name.startswith(".tmp-") and entry.name.endswith(".part"):
                Path(entry.path).unlink(missing_ok=True)
                removed += 1
    return removed


def write_new(folder: Path, slug: str, text: str, taken: set[str] = frozenset()) -> Path:
    """Write `text` as folder/<slug>.md, or <slug>-2.md, ... : the first name that is free. os.link() is
    atomic and fails when the name exists, so two writers can never claim the same file."""
    tmp = _temp_file(folder, text)
    try:
        for n in range(1, MAX_SUFFIX):
            name = slug if n == 1 else f"{slug}-{n}"
            if name in taken:
                continue
            final = folder / f"{name}.md"
            try:
                os.link(tmp, final)
            except FileExistsError:
                continue
            fsync_dir(folder)
            return final
        raise KennisplatformError(f"Geen vrije bestandsnaam voor '{slug}'.")
    finally:
        Path(tmp).unlink(missing_ok=True)


def place_new(target: Path, text: str, shown: str) -> None:
    """Write a file under a name that must still be free (os.link fails rather than overwrite)."""
    tmp = _temp_file(target.parent, text)
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise EditConflict(f"Er staat al een bestand {shown} in de map.") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    fsync_dir(target.parent)


def replace_file(path: Path, text: str) -> None:
    """Overwrite an existing file atomically (temp file, fsync, rename, fsync of the folder); its temporary
    file is a `.tmp-*.part`, which remove_leftovers clears if this process dies."""
    write_bytes_atomic(path, text.encode("utf-8"), ".part")


def check_text(text: str, doc_id: str, taxonomy: Taxonomy, relpath: str) -> Document:
    """Parse the text that is about to be written: what is saved must read back without a problem."""
    parsed = parse_document(text, doc_id, taxonomy, relpath)
    if parsed.document is None or parsed.problems:
        raise DocumentError(parsed.problems)
    return parsed.document


class Writer:
    """Writes documents under the corpus lock and indexes them together when the block ends:
    `with Writer(corpus, index) as w: w.save(doc)`. One save is `save_document`; an import saves
    a batch of files per lock so that editors wait at most one batch."""

    def __init__(self, corpus_dir: Path, index_dir: Path, taxonomy: Taxonomy | None = None,
                 timeout: float = LOCK_TIMEOUT, author: history.Author = history.SYSTEM,
                 reason: str | None = None):
        self.corpus_dir = Path(corpus_dir)
        self.author = author  # who the history names: an editor, "import" with its batch, "beheer"
        self.reason = reason  # the commit's first line; by default derived from what changed
        self.changes: list[history.Change] = []
        self.commit: str | None = None  # the history commit of this block, once it ended
        self.trailers: list[str] = []  # extra lines for the commit message (undo-import names its batch)
        self.files: set[str] = set()  # other corpus files of this block (an import's originals), committed too
        self._marked = False
        self.index_dir = Path(index_dir)
        self.taxonomy = taxonomy or taxonomy_for(self.corpus_dir)
        self.timeout = timeout
        self.upserts: list[tuple[Document, str]] = []
        self.deletes: list[str] = []
        self._ids: set[str] | None = None
        self._lock = None
        self.index_error: IndexBusy | None = None  # the files are saved, the index is behind

    def __enter__(self) -> "Writer":
        self._lock = corpus_lock(self.index_dir, self.timeout)
        self._lock.__enter__()
        try:
            remove_leftovers(self.corpus_dir)
            history.ensure(self.corpus_dir)  # adopt the corpus, or commit what a killed writer left
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self.upserts or self.deletes or self.changes or self.files:
                # Also after an error: whatever reached the corpus must reach the history and the index.
                try:
                    if self.changes or self.files:
                        self.commit = history.record(self.corpus_dir, self.changes, self.author, self.reason,
                                                     self.trailers, sorted(self.files))
                finally:
                    try:
                        apply_changes(self.corpus_dir, self.index_dir, self.upserts, self.deletes, self.taxonomy)
                    except IndexBusy as busy:
                        # The corpus is the truth and it holds the change; the next index update adds it.
                        self.index_error = busy
        finally:
            self._lock.__exit__(exc_type, exc, tb)

    def mark_file_change(self) -> None:
        """Before another corpus file than a document is written in this block (see record_files)."""
        self._mark()

    def record_files(self, *paths: Path) -> None:
        """Corpus files other than documents that this block wrote or removed: committed with it."""
        self.files.update(Path(p).relative_to(self.corpus_dir).as_posix() for p in paths)

    def _mark(self) -> None:
        """Called before a file is written: the marker tells the next writer to repair the history if this
        process dies before its commit."""
        if not self._marked:
            history.mark_pending(self.corpus_dir)
            self._marked = True

    def _taken(self) -> set[str]:
        if self._ids is None:
            self._ids = used_ids(self.corpus_dir)
        return self._ids

    def save(self, doc: Document, expected_digest: str | None = None) -> Saved:
        """A document without an id is new: it gets a unique readable slug. One with an id replaces that
        document's file, keeping the id; with `expected_digest` (the file as the editor opened it) a change
        by someone else in between raises EditConflict instead of being overwritten."""
        folder_name = TYPE_FOLDERS.get(doc.type)
        if folder_name is None:
            raise DocumentError([Problem(doc.id or doc.title, "type", f"onbekend type '{doc.type}'")])
        folder = self.corpus_dir / folder_name
        if not doc.id:
            return self._create(doc, folder)
        relpath = find_file(self.corpus_dir, doc.id)
        if relpath is None:
            raise NotFound(f"Document '{doc.id}' bestaat niet (meer).")
        path = self.corpus_dir / relpath
        current = file_digest(path)
        if expected_digest and current != expected_digest:
            raise EditConflict("Iemand anders heeft dit document opgeslagen nadat u het opende. "
                               "Open het opnieuw en breng uw wijzigingen nog eens aan.")
        # Same type: same file. Another type: the file moves to that type's folder, under the same id.
        target = path if relpath.split("/", 1)[0] == folder_name else folder / f"{doc.id}.md"
        target_rel = target.relative_to(self.corpus_dir).as_posix()
        text = render_document(doc.with_changes(path=target_rel))
        written = check_text(text, doc.id, self.taxonomy, target_rel)
        digest = digest_of(text)
        if target == path:
            if current == digest:
                return Saved(written, digest, created=False, changed=False)
            self._mark()
            replace_file(path, text)
        else:
            self._mark()
            place_new(target, text, target_rel)
            os.unlink(path)
            fsync_dir(path.parent)
        self.changes.append(history.Change(doc.id, history.CHANGED, target_rel,
                                           old_path=relpath if target != path else None))
        self.upserts.append((written, digest))
        return Saved(written, digest, created=False)

    def put_text(self, doc_id: str, text: str, relpath: str) -> Saved:
        """Write a document's text exactly as given (an earlier version) at `relpath`, keeping its id: what
        revert, undelete and undoing an import do. A file of another document is never overwritten."""
        if history.doc_id_of(relpath) != doc_id or ".." in relpath.split("/"):
            raise NotFound(f"Versie van '{doc_id}' heeft een onbruikbaar pad: {relpath}")
        written = check_text(text, doc_id, self.taxonomy, relpath)
        target = self.corpus_dir / relpath
        current = find_file(self.corpus_dir, doc_id)
        digest = digest_of(text)
        if current == relpath:
            if file_digest(target) == digest:
                return Saved(written, digest, created=False, changed=False)
            self._mark()
            replace_file(target, text)
        else:
            self._mark()
            place_new(target, text, relpath)
            if current is not None:
                os.unlink(self.corpus_dir / current)
                fsync_dir((self.corpus_dir / current).parent)
        self.changes.append(history.Change(doc_id, history.RESTORED, relpath,
                                           old_path=current if current not in (None, relpath) else None))
        self.upserts.append((written, digest))
        return Saved(written, digest, created=current is None)

    def _create(self, doc: Document, folder: Path) -> Saved:
        slug = base_slug(doc.title, doc.date)
        # Render once to check it; the id only changes the file name, not the text.
        text = render_document(doc.with_changes(id=slug))
        check_text(text, slug, self.taxonomy, f"{folder.name}/{slug}.md")
        self._mark()
        final = write_new(folder, slug, text, self._taken())
        doc_id = final.stem
        self._taken().add(doc_id)
        relpath = final.relative_to(self.corpus_dir).as_posix()
        self.changes.append(history.Change(doc_id, history.NEW, relpath))
        written = check_text(text, doc_id, self.taxonomy, relpath)
        digest = digest_of(text)
        self.upserts.append((written, digest))
        return Saved(written, digest, created=True)

    def delete(self, doc_id: str) -> Trashed:
        """Move the file into the trash folder (keeping its type folder) and drop it from the index."""
        relpath = find_file(self.corpus_dir, doc_id)
        if relpath is None:
            raise NotFound(f"Document '{doc_id}' bestaat niet (meer).")
        source = self.corpus_dir / relpath
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
        trash = self.corpus_dir / TRASH_FOLDER / Path(relpath).parent
        trash.mkdir(parents=True, exist_ok=True)
        target = trash / f"{doc_id}.{stamp}.md"
        self._mark()
        os.rename(source, target)  # same file system: atomic
        fsync_dir(trash)
        fsync_dir(source.parent)
        self.changes.append(history.Change(doc_id, history.DELETED, relpath))
        self.deletes.append(doc_id)
        return Trashed(doc_id, target.relative_to(self.corpus_dir).as_posix())


def save_document(corpus_dir: Path, index_dir: Path, doc: Document, taxonomy: Taxonomy | None = None,
                  expected_digest: str | None = None, author: history.Author = history.SYSTEM) -> Saved:
    """Save one document and index it before returning: it can be searched for at once."""
    writer = Writer(corpus_dir, index_dir, taxonomy, author=author)
    with writer:
        saved = writer.save(doc, expected_digest)
    return saved if writer.index_error is None else replace(saved, indexed=False)


def delete_document(corpus_dir: Path, index_dir: Path, doc_id: str, taxonomy: Taxonomy | None = None,
                    author: history.Author = history.SYSTEM) -> Trashed:
    with Writer(corpus_dir, index_dir, taxonomy, author=author) as writer:
        return writer.delete(doc_id)


def current_text(corpus_dir: Path, doc_id: str) -> tuple[str, str] | None:
    """A document's file as it is now: its text and the digest a save must match (read from the same
    bytes, so the two agree); None when there is no such document (any more)."""
    relpath = find_file(corpus_dir, doc_id)
    if relpath is None:
        return None
    try:
        data = (Path(corpus_dir) / relpath).read_bytes()
    except FileNotFoundError:  # deleted between the lookup and the read
        return None
    return data.decode("utf-8", errors="replace"), hashlib.sha256(data).hexdigest()


@dataclass
class Opened:
    """A document as an editor opens it: the parsed document and the digest its save must match."""

    document: Document
    digest: str
    problems: list = field(default_factory=list)


def open_document(corpus_dir: Path, doc_id: str, taxonomy: Taxonomy) -> Opened:
    relpath = find_file(corpus_dir, doc_id)
    if relpath is None:
        raise NotFound(f"Document '{doc_id}' bestaat niet (meer).")
    data = (Path(corpus_dir) / relpath).read_bytes()
    parsed = parse_document(data.decode("utf-8", errors="replace"), doc_id, taxonomy, relpath)
    if parsed.document is None:
        raise DocumentError(parsed.problems)
    return Opened(parsed.document, hashlib.sha256(data).hexdigest(), parsed.problems)
