"""The history of the corpus: every change is a git commit in a repository inside the corpus folder
(`corpus/.git`), written with dulwich (pure Python git; no git program needed).

The working files stay the truth; the repository keeps every version before them. The rules:
- commits are made only under the corpus lock (editing.Writer holds it), so history is a single line;
- before a writer touches a file it leaves a marker (`.git/kennisplatform-onderbroken`) and removes it after
  the commit: a writer killed in between leaves the marker, and the next writer, start or
  `kennisplatform index` commits what the files say ("hersteld na onderbreking");
- each commit names its author (an editor's account, "import" with the batch, or "beheer"), its time, a short
  reason on the first line, and one `Document:` trailer per document it changed (action, id, blob, path),
  so that a document's versions are found from the commit objects alone, without comparing trees;
- hidden paths (the repository itself, the trash, temporary files) are never committed.
A corpus without a repository is adopted as it is: the repository is built beside it and renamed into
place, so a crash leaves either no history or a whole one, and no corpus file is touched."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from dulwich.errors import NotGitRepository
from dulwich.object_store import commit_tree_changes
from dulwich.objects import Blob, Commit as GitCommit, Tree
from dulwich.repo import Repo

from .corpus import TYPE_FOLDERS, name_problem, shown_path, write_bytes_atomic
from .errors import KennisplatformError, Problem, os_reason

GIT_DIR = ".git"
PENDING = "kennisplatform-onderbroken"  # inside .git: a change was started and not yet committed
FILE_MODE = 0o100644
EMAIL_DOMAIN = "kennisplatform.invalid"

NEW, CHANGED, DELETED, RESTORED = "nieuw", "gewijzigd", "verwijderd", "teruggezet"
REASONS = {NEW: "aangemaakt", CHANGED: "opgeslagen", DELETED: "verwijderd (naar de prullenbak)",
           RESTORED: "teruggezet"}
ADOPTED = "overgenomen in versiebeheer"
RECOVERED = "hersteld na onderbreking"
OUTSIDE = "gewijzigd buiten het platform"


class HistoryError(KennisplatformError):
    """The repository is missing where it must be, or cannot be read (HTTP 500 with a Dutch message)."""


@dataclass(frozen=True)
class Author:
    """Who made a change: an editor's account, "import" with the import run's batch id, or "beheer"."""

    name: str
    batch: str | None = None

    def identity(self) -> bytes:
        name = re.sub(r"[<>\n\r]", "", self.name).strip() or "onbekend"
        local = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-") or "onbekend"
        return f"{name} <{local}@{EMAIL_DOMAIN}>".encode("utf-8")


def new_batch() -> str:
    """One id per import run: readable (when) and unique (a random tail)."""
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


SYSTEM = Author("kennisplatform")
ADMIN = Author("beheer")


@dataclass(frozen=True)
class Change:
    """One document's change in a commit. `path` is where the file is after it (for a deletion: where it
    was); `old_path` where it was before, when it moved to another type folder."""

    doc_id: str
    action: str
    path: str
    blob: str | None = None  # the file's git blob id after the change; None for a deletion
    old_path: str | None = None

    def trailer(self) -> str:
        data = {"id": self.doc_id, "actie": self.action, "pad": self.path, "blob": self.blob}
        if self.old_path:
            data["oud"] = self.old_path
        return "Document: " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Entry:
    """A commit as the history lists it."""

    sha: str
    parent: str | None
    time: dt.datetime  # local time, aware
    author: str  # the account or "import"
    reason: str
    batch: str | None = None
    undoes: str | None = None  # the batch this commit undid
    adopted: bool = False  # the first commit of an adopted corpus: every file as it was
    changes: tuple[Change, ...] = ()

    @property
    def short(self) -> str:
        return self.sha[:8]

    def change_of(self, doc_id: str) -> Change | None:
        for change in self.changes:
            if change.doc_id == doc_id:
                return change
        return None


# -- paths and blobs -------------------------------------------------------------------------------------
def git_dir(corpus_dir: Path) -> Path:
    return Path(corpus_dir) / GIT_DIR


def exists(corpus_dir: Path) -> bool:
    return (git_dir(corpus_dir) / "HEAD").is_file()


def blob_id(data: bytes) -> str:
    return Blob.from_string(data).id.decode("ascii")


def doc_id_of(relpath: str) -> str | None:
    """The document id of a corpus path, or None for a file that is not a document (taxonomy, README)."""
    parts = relpath.split("/")
    if len(parts) >= 2 and parts[0] in TYPE_FOLDERS.values() and parts[-1].endswith(".md"):
        return parts[-1][:-3].lower()
    return None


def working_files(corpus_dir: Path, unnamed: list[str] | None = None) -> dict[str, Path]:
    """Every file under version control: all regular files of the corpus folder except hidden ones
    (the repository, the trash, temporary files, backup snapshots). A path that is not UTF-8 cannot be
    a git path of ours (trailers, the index, the pages): it is left out, and added to `unnamed` if given."""
    corpus_dir = Path(corpus_dir)
    found: dict[str, Path] = {}
    for dirpath, dirnames, filenames in os.walk(corpus_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                rel = path.relative_to(corpus_dir).as_posix()
                if name_problem(rel) is None:
                    found[rel] = path
                elif unnamed is not None:
                    unnamed.append(rel)
    return found


# -- the repository ------------------------------------------------------------------------------------
def open_repo(corpus_dir: Path) -> Repo:
    try:
        repo = Repo(str(corpus_dir))
    except (NotGitRepository, OSError, ValueError) as exc:
        raise HistoryError(f"De geschiedenis van het corpus is niet leesbaar: {_reason(exc)}") from exc
    # Objects are fsynced like corpus files are. (Set here, not as core.fsyncObjectFiles in the config:
    # git itself warns on every command that this setting is deprecated.)
    repo.object_store.fsync_object_files = True
    return repo


def _reason(exc: Exception) -> str:
    """Why the repository could not be read, in Dutch (dulwich's and the system's texts are English)."""
    if isinstance(exc, NotGitRepository):
        return f"{GIT_DIR} is geen git-repository (meer)"
    if isinstance(exc, OSError):
        return os_reason(exc)
    if isinstance(exc, KeyError):  # dulwich: an object the history refers to is not in the store
        sha = exc.args[0] if exc.args else b""
        sha = sha.decode("ascii", "replace") if isinstance(sha, bytes) else str(sha)
        return f"versie-object {sha[:8]} ontbreekt"
    return f"beschadigd ({type(exc).__name__})"


def _head(repo: Repo) -> bytes | None:
    try:
        return repo.refs[b"HEAD"]
    except KeyError:
        return None


def _commit(repo: Repo, changes: list[tuple[bytes, int | None, bytes | None]], author: Author,
            message: str) -> str | None:
    """Apply `changes` (path, mode, blob) to HEAD's tree and commit; None when the tree stays the same."""
    head = _head(repo)
    if head is None:
        base = Tree()
        repo.object_store.add_object(base)
        base_id = base.id
    else:
        base_id = repo[head].tree
    tree_id = commit_tree_changes(repo.object_store, base_id, changes) if changes else base_id
    if head is not None and tree_id == base_id:
        return None
    commit = GitCommit()
    commit.tree = tree_id
    commit.parents = [head] if head is not None else []
    commit.author = commit.committer = author.identity()
    now = int(time.time())
    offset = dt.datetime.now().astimezone().utcoffset()
    tz = int(offset.total_seconds()) if offset else 0
    commit.author_time = commit.commit_time = now
    commit.author_timezone = commit.commit_timezone = tz
    commit.encoding = b"UTF-8"
    commit.message = message.encode("utf-8")
    repo.object_store.add_object(commit)
    if not repo.refs.set_if_equals(b"HEAD", head, commit.id):
        raise HistoryError("De geschiedenis is tegelijk door een ander proces gewijzigd.")
    return commit.id.decode("ascii")


def _message(reason: str, changes: Iterable[Change], author: Author, extra: Iterable[str] = ()) -> str:
    lines = [reason.strip().splitlines()[0] if reason.strip() else "gewijzigd", ""]
    # Documents get a trailer each; other files (taxonomy, README) only their path.
    lines += [c.trailer() if c.doc_id else f"Bestand: {c.path}" for c in changes]
    if author.batch:
        lines.append(f"Batch: {author.batch}")
    lines += list(extra)
    return "\n".join(lines) + "\n"


def default_reason(changes: list[Change], author: Author) -> str:
    if author.batch:
        return f"import {author.batch}"
    actions = {c.action for c in changes}
    if len(changes) == 1:
        return f"{REASONS.get(changes[0].action, changes[0].action)}: {changes[0].doc_id}"
    return ", ".join(REASONS.get(a, a) for a in sorted(actions)) or "gewijzigd"


# -- recording changes (callers hold the corpus lock) -------------------------------------------------------
def mark_pending(corpus_dir: Path) -> None:
    """Called before the first file of a change is written (after `ensure`, so the repository exists)."""
    marker = git_dir(corpus_dir) / PENDING
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_pending(corpus_dir: Path) -> bool:
    return (git_dir(corpus_dir) / PENDING).exists()


def _clear_pending(corpus_dir: Path) -> None:
    try:
        os.unlink(git_dir(corpus_dir) / PENDING)
    except FileNotFoundError:
        pass


def record(corpus_dir: Path, changes: list[Change], author: Author = SYSTEM, reason: str | None = None,
           extra: Iterable[str] = (), files: Iterable[str] = ()) -> str | None:
    """Commit the files of `changes` as they are on disk now (the working file is the truth), and `files`
    (other corpus files, such as an import's originals: written, or removed when missing); returns the
    commit id. Clears the pending marker."""
    corpus_dir = Path(corpus_dir)
    repo = open_repo(corpus_dir)
    try:
        tree_changes: list[tuple[bytes, int | None, bytes | None]] = []
        final: list[Change] = []
        for change in changes:
            path = corpus_dir / change.path
            if change.old_path and change.old_path != change.path:
                tree_changes.append((change.old_path.encode("utf-8"), None, None))
            if change.action == DELETED or not path.is_file():
                tree_changes.append((change.path.encode("utf-8"), None, None))
                final.append(Change(change.doc_id, DELETED if not path.is_file() else change.action,
                                    change.path, None, change.old_path))
                continue
            blob = Blob.from_string(path.read_bytes())
            repo.object_store.add_object(blob)
            tree_changes.append((change.path.encode("utf-8"), FILE_MODE, blob.id))
            final.append(Change(change.doc_id, change.action, change.path, blob.id.decode("ascii"),
                                change.old_path))
        for relpath in files:
            path = corpus_dir / relpath
            if path.is_file():
                blob = Blob.from_string(path.read_bytes())
                repo.object_store.add_object(blob)
                tree_changes.append((relpath.encode("utf-8"), FILE_MODE, blob.id))
            else:
                tree_changes.append((relpath.encode("utf-8"), None, None))
        sha = _commit(repo, tree_changes, author, _message(reason or default_reason(final, author), final,
                                                           author, extra))
    finally:
        repo.close()
    _clear_pending(corpus_dir)
    return sha


def ensure(corpus_dir: Path) -> str | None:
    """Make sure the history exists and matches the files: adopt a corpus without a repository, and repair a
    change that was interrupted. Returns the id of a commit made, or None. Callers hold the corpus lock."""
    corpus_dir = Path(corpus_dir)
    if not exists(corpus_dir):
        return adopt(corpus_dir)
    if is_pending(corpus_dir):
        _remove_stale_locks(corpus_dir)
        return reconcile(corpus_dir, RECOVERED)
    return None


def adopt(corpus_dir: Path) -> str | None:
    """Put an existing corpus under version control without changing any of its files: the repository is
    built in a hidden temporary folder and renamed to .git when it is complete."""
    corpus_dir = Path(corpus_dir)
    for stale in corpus_dir.glob(".git-nieuw-*"):
        shutil.rmtree(stale, ignore_errors=True)
    temp = corpus_dir / f".git-nieuw-{os.getpid()}-{int(time.time() * 1000)}"
    repo = Repo.init_bare(str(temp), mkdir=True)
    try:
        config = repo.get_config()
        config.set((b"core",), b"bare", False)
        config.write_to_path()
        repo.refs.set_symbolic_ref(b"HEAD", b"refs/heads/main")
        files = working_files(corpus_dir)
        blobs = {rel: Blob.from_string(path.read_bytes()) for rel, path in sorted(files.items())}
        if blobs:
            repo.object_store.add_objects([(b, None) for b in blobs.values()])  # one pack, not 100,000 files
        changes = [(rel.encode("utf-8"), FILE_MODE, blob.id) for rel, blob in blobs.items()]
        sha = _commit(repo, changes, SYSTEM, _message(ADOPTED, [], SYSTEM, ["Overgenomen: ja"]))
    finally:
        repo.close()
    os.rename(temp, git_dir(corpus_dir))
    return sha


def head_files(repo: Repo) -> dict[str, str]:
    """path -> blob id of every file in HEAD."""
    head = _head(repo)
    if head is None:
        return {}
    return {entry.path.decode("utf-8"): entry.sha.decode("ascii")
            for entry in repo.object_store.iter_tree_contents(repo[head].tree)}


@dataclass
class Difference:
    """Where the working files and HEAD differ."""

    uncommitted: list[str] = field(default_factory=list)  # new or changed files
    missing: list[str] = field(default_factory=list)  # committed files that are gone

    def __bool__(self) -> bool:
        return bool(self.uncommitted or self.missing)


def differences(corpus_dir: Path, repo: Repo | None = None) -> tuple[Difference, dict[str, Path]]:
    own = repo is None
    repo = repo or open_repo(corpus_dir)
    try:
        committed = head_files(repo)
    finally:
        if own:
            repo.close()
    files = working_files(corpus_dir)
    diff = Difference()
    for rel, path in files.items():
        if committed.get(rel) != blob_id(path.read_bytes()):
            diff.uncommitted.append(rel)
    diff.missing = sorted(set(committed) - set(files))
    return diff, files


def reconcile(corpus_dir: Path, reason: str = OUTSIDE, author: Author = SYSTEM) -> str | None:
    """Commit whatever the files say and HEAD does not (new, changed and removed files)."""
    corpus_dir = Path(corpus_dir)
    diff, _files = differences(corpus_dir)
    changes = []
    for rel in diff.uncommitted:
        changes.append(Change(doc_id_of(rel) or "", CHANGED, rel))
    for rel in diff.missing:
        changes.append(Change(doc_id_of(rel) or "", DELETED, rel))
    if not changes:
        _clear_pending(corpus_dir)
        return None
    return record(corpus_dir, changes, author, reason)


def _remove_stale_locks(corpus_dir: Path) -> None:
    """Lock files of a git writer that died (dulwich writes refs and objects via name.lock + rename). Only
    called under the corpus lock, when no writer of ours can be busy."""
    root = git_dir(corpus_dir)
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            if name.endswith(".lock"):
                try:
                    os.unlink(Path(dirpath) / name)
                except FileNotFoundError:
                    pass


# -- reading the history ---------------------------------------------------------------------------------
_cache_lock = threading.Lock()
_cache: dict[str, tuple[bytes, list[Entry]]] = {}  # git dir -> (HEAD, entries newest first)


def _parse(commit: GitCommit) -> Entry:
    message = commit.message.decode("utf-8", errors="replace")
    reason = message.splitlines()[0] if message else ""
    changes, batch, undoes, adopted = [], None, None, False
    for line in message.splitlines()[1:]:
        key, _, value = line.partition(": ")
        if key == "Document":
            try:
                data = json.loads(value)
                changes.append(Change(str(data["id"]), str(data["actie"]), str(data["pad"]),
                                      data.get("blob"), data.get("oud")))
            except (ValueError, KeyError, TypeError):
                continue
        elif key == "Batch":
            batch = value.strip()
        elif key == "Ongedaan":
            undoes = value.strip()
        elif key == "Overgenomen":
            adopted = True
    author = commit.author.decode("utf-8", errors="replace").split(" <", 1)[0]
    when = dt.datetime.fromtimestamp(commit.author_time,
                                     dt.timezone(dt.timedelta(seconds=commit.author_timezone)))
    parent = commit.parents[0].decode("ascii") if commit.parents else None
    return Entry(commit.id.decode("ascii"), parent, when, author, reason, batch, undoes,
                 adopted or parent is None, tuple(c for c in changes if c.doc_id))


def log(corpus_dir: Path) -> list[Entry]:
    """Every commit, newest first. Kept per process and extended with new commits only, so that a history
    page reads only what is new since the last one."""
    if not exists(corpus_dir):
        return []
    key = str(git_dir(corpus_dir).resolve())
    repo = open_repo(corpus_dir)
    try:
        head = _head(repo)
        with _cache_lock:
            cached_head, cached = _cache.get(key, (None, []))
        if head is None:
            return []
        if head == cached_head:
            return cached
        known = {e.sha for e in cached}
        fresh: list[Entry] = []
        sha = head
        while sha is not None and sha.decode("ascii") not in known:
            try:
                entry = _parse(repo[sha])
            except KeyError as exc:
                raise HistoryError(f"De geschiedenis is beschadigd: versie {sha[:8].decode()} ontbreekt.") from exc
            fresh.append(entry)
            sha = entry.parent.encode("ascii") if entry.parent else None
        entries = fresh + (cached if sha is not None else [])
    finally:
        repo.close()
    with _cache_lock:
        _cache[key] = (head, entries)
    return entries


CHANGES_FILE = "kennisplatform-wijzigingen.json"  # inside .git: last_changed's table, saved for the next process
SAVE_AFTER = 200  # commits read before the table is saved again


@dataclass
class _Changes:
    """When the history last recorded a change of each document, as of commit `head`."""

    head: str | None = None
    times: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> (author time, offset in seconds)
    unsaved: int = 0  # commits read since the table was loaded or saved


_changed_lock = threading.Lock()
_changed: dict[str, _Changes] = {}  # git dir -> the table as this process last brought it up to date


def last_changed(corpus_dir: Path, doc_id: str) -> dt.datetime | None:
    """When the history last recorded a change of the document: created, saved, imported, reverted,
    restored, moved, or found changed outside the platform. None when it recorded none: a document only
    adopted with its corpus (the adoption says when the history began, not when the text was written), or
    a corpus without (readable) history.

    Cheap enough for every page view: one ref is read, and only commits newer than the table's are parsed.
    The table is kept per process and saved in the repository (CHANGES_FILE) once it has read more than
    SAVE_AFTER commits since it was loaded or saved, so that a new process does not read a long history
    from its start (20,000 commits: about 2 s; docs/performance.md, session 10)."""
    if not exists(corpus_dir):
        return None
    key = str(git_dir(corpus_dir).resolve())
    try:
        repo = open_repo(corpus_dir)
    except HistoryError:
        return None
    try:
        head = _head(repo)
        if head is None:
            return None
        with _changed_lock:
            table = _changed.get(key)
            if table is None or table.head != head.decode("ascii"):
                table = _catch_up(corpus_dir, repo, head, table or _load_changes(corpus_dir))
                _changed[key] = table
            found = table.times.get(doc_id.lower())
    except (KeyError, ValueError, OSError):  # a damaged history: the page is shown without the date
        return None
    finally:
        repo.close()
    if found is None:
        return None
    return dt.datetime.fromtimestamp(found[0], dt.timezone(dt.timedelta(seconds=found[1])))


def _catch_up(corpus_dir: Path, repo: Repo, head: bytes, table: _Changes) -> _Changes:
    """The table as of `head`: the commits after table.head are read, newest first, until it is met. A
    table of another history (a restored or replaced repository) is not met: then all of them are."""
    fresh: list[GitCommit] = []
    sha: bytes | None = head
    known = table.head.encode("ascii") if table.head else None
    while sha is not None and sha != known:
        commit = repo[sha]
        fresh.append(commit)
        sha = commit.parents[0] if commit.parents else None
    times = dict(table.times) if sha is not None else {}
    for commit in reversed(fresh):  # oldest first: a later change overwrites an earlier one
        entry = _parse(commit)
        for change in entry.changes:
            times[change.doc_id] = (commit.author_time, commit.author_timezone)
    table = _Changes(head.decode("ascii"), times, table.unsaved + len(fresh) if sha is not None else len(fresh))
    if table.unsaved > SAVE_AFTER:  # also when a long-running process caught up one commit at a time
        _save_changes(corpus_dir, table)
        table.unsaved = 0
    return table


def _load_changes(corpus_dir: Path) -> _Changes:
    try:
        data = json.loads((git_dir(corpus_dir) / CHANGES_FILE).read_text(encoding="utf-8"))
        return _Changes(str(data["head"]), {str(k): (int(v[0]), int(v[1])) for k, v in data["times"].items()})
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return _Changes()  # none yet, or unreadable: read the history from its start


def _save_changes(corpus_dir: Path, table: _Changes) -> None:
    """Best effort: a site that may not write its corpus (read-only) reads the history again next start."""
    data = json.dumps({"head": table.head, "times": table.times}, separators=(",", ":")).encode("utf-8")
    try:
        write_bytes_atomic(git_dir(corpus_dir) / CHANGES_FILE, data, ".json")
    except OSError:
        pass


def read_blob(corpus_dir: Path, blob: str) -> bytes:
    repo = open_repo(corpus_dir)
    try:
        return repo[blob.encode("ascii")].as_raw_string()
    except KeyError as exc:
        raise HistoryError(f"Versie-inhoud {blob[:8]} ontbreekt in de geschiedenis.") from exc
    finally:
        repo.close()


def blob_at(corpus_dir: Path, commit: str, path: str) -> str | None:
    """The blob id of `path` in a commit's tree, or None."""
    repo = open_repo(corpus_dir)
    try:
        tree = repo[repo[commit.encode("ascii")].tree]
        node = tree
        for part in path.split("/"):
            if not isinstance(node, Tree):
                return None
            try:
                _mode, sha = node[part.encode("utf-8")]
            except KeyError:
                return None
            node = repo[sha]
        return node.id.decode("ascii") if isinstance(node, Blob) else None
    finally:
        repo.close()


def last_head(corpus_dir: Path) -> str | None:
    """The id of the newest commit, or None."""
    if not exists(corpus_dir):
        return None
    repo = open_repo(corpus_dir)
    try:
        head = _head(repo)
        return head.decode("ascii") if head else None
    finally:
        repo.close()


# -- checking ----------------------------------------------------------------------------------------------
def verify(corpus_dir: Path) -> list[Problem]:
    """What `kennisplatform check` reports about the history: the repository is readable (every commit, and
    every tree and blob of the newest), and every file is committed as it is."""
    corpus_dir = Path(corpus_dir)
    if not exists(corpus_dir):
        return []  # not adopted yet: the next start or `kennisplatform index` does it
    problems: list[Problem] = []
    if is_pending(corpus_dir):
        problems.append(Problem(GIT_DIR, "geschiedenis", "een wijziging is onderbroken; de volgende opslag, "
                                "start of `kennisplatform index` legt haar vast"))
    try:
        repo = open_repo(corpus_dir)
    except HistoryError as exc:
        return problems + [Problem(GIT_DIR, "geschiedenis", exc.message)]
    try:
        head = _head(repo)
        sha = head
        while sha is not None:
            commit = repo[sha]
            sha = commit.parents[0] if commit.parents else None
        diff, _files = differences(corpus_dir, repo)
    except Exception as exc:  # any damage in the object store: report, never crash the check
        return problems + [Problem(GIT_DIR, "geschiedenis", f"niet leesbaar: {_reason(exc)}")]
    finally:
        repo.close()
    unnamed: list[str] = []
    working_files(corpus_dir, unnamed)
    for rel in unnamed:
        if doc_id_of(rel) is None:  # a document's file is reported by the corpus scan already
            problems.append(Problem(shown_path(rel), "geschiedenis", "niet vastgelegd: de bestandsnaam is geen "
                                    "geldige UTF-8-tekst; geef het bestand een nieuwe naam"))
    for rel in diff.uncommitted:
        problems.append(Problem(rel, "geschiedenis", "niet vastgelegd in de geschiedenis"))
    for rel in diff.missing:
        problems.append(Problem(rel, "geschiedenis", "staat in de geschiedenis maar ontbreekt als bestand"))
    return problems
