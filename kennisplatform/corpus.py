"""The corpus folder: finding, reading and atomically writing its Markdown files."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from .documents import Document, Parsed, parse_document
from .errors import Problem, os_reason
from .taxonomy import Taxonomy, load_taxonomy

TYPE_FOLDERS = {"verslag": "verslagen", "voorbeeldproject": "voorbeeldprojecten", "artikel": "artikelen"}
TAXONOMY_FILE = "taxonomy.yaml"
TRASH_FOLDER = ".prullenbak"  # deleted documents go here, never destroyed
MAX_FILE_BYTES = 2_000_000
# A folder whose mtime is this recent may change again within the same clock tick, leaving its mtime as it
# was: caches keyed on a folder's mtime (editing.RecentFiles, health.CorpusCounter) look at it again.
RACY_NS = 2_000_000_000
_CONTROL_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class CorpusFile:
    path: Path  # absolute
    relpath: str  # relative to the corpus folder, with forward slashes
    doc_id: str
    digest: str  # sha256 of the bytes: what incremental indexing compares ("": not read yet, see scan)


@dataclass
class CorpusScan:
    files: list[CorpusFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def taxonomy_for(corpus_dir: Path) -> Taxonomy:
    return load_taxonomy(Path(corpus_dir) / TAXONOMY_FILE)


def is_new_corpus(corpus_dir: Path) -> bool:
    """A folder that does not exist yet, or is empty: no documents, no taxonomy, nothing to lose."""
    corpus_dir = Path(corpus_dir)
    return not corpus_dir.exists() or corpus_dir.is_dir() and not any(corpus_dir.iterdir())


def start_corpus(corpus_dir: Path, taxonomy_from: Path) -> bool:
    """A new corpus (is_new_corpus) gets a copy of the taxonomy at `taxonomy_from` (the bundled corpus's),
    so that importing into a folder of one's own starts a platform without the example documents. True
    when it did; a folder with anything in it is left as it is."""
    corpus_dir = Path(corpus_dir)
    if not is_new_corpus(corpus_dir) or not Path(taxonomy_from).is_file():
        return False
    corpus_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(corpus_dir / TAXONOMY_FILE, Path(taxonomy_from).read_text(encoding="utf-8"))
    return True


def shown_path(relpath: str) -> str:
    """A path as text that can be shown, logged and stored: bytes of a file name that are not UTF-8 (which
    Python keeps as lone surrogates) as escapes, 'verslagen/caf\\xe9.md'."""
    return relpath.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def name_problem(relpath: str) -> Problem | None:
    """A Problem when a corpus path cannot be a document's: a file name that is not UTF-8 can be neither
    an id nor a path in the history or the index."""
    try:
        relpath.encode("utf-8")
    except UnicodeEncodeError:
        return Problem(shown_path(relpath), "bestand", "de bestandsnaam is geen geldige UTF-8-tekst; "
                                                       "geef het bestand een nieuwe naam (het wordt overgeslagen)")
    if _CONTROL_IN_NAME.search(relpath):  # the id would carry it into pages, feeds and the history
        shown = _CONTROL_IN_NAME.sub(lambda m: f"\\x{ord(m.group()):02x}", relpath)
        return Problem(shown, "bestand",
                       "de bestandsnaam bevat stuurtekens; geef het bestand een nieuwe naam (het wordt overgeslagen)")
    return None


def leads_outside(corpus_dir: Path, path: Path) -> bool:
    """A symbolic link (or a link in the folders above it) that leads out of the corpus folder."""
    return Path(corpus_dir).resolve() not in Path(os.path.realpath(path)).parents


def _link_problem(relpath: str) -> Problem:
    return Problem(shown_path(relpath), "bestand", "symbolische koppeling naar buiten de corpusmap; "
                                                   "die wordt niet gevolgd (het bestand wordt overgeslagen)")


def path_problem(corpus_dir: Path, path: Path) -> Problem | None:
    """A Problem when a corpus path cannot be a document's whatever it holds: its name (name_problem), or
    a symbolic link that leads out of the corpus (to /etc/passwd: the corpus is what the site publishes)."""
    return file_problem(corpus_dir, Path(path).relative_to(corpus_dir).as_posix(), path, os.path.islink(path))


def file_problem(corpus_dir: Path, relpath: str, path, is_link: bool) -> Problem | None:
    """path_problem for a path whose corpus path and whether it is a link are known already (a folder
    listing says which entries are links, without a system call per file)."""
    problem = name_problem(relpath)
    if problem is None and is_link and leads_outside(corpus_dir, path):
        problem = _link_problem(relpath)
    return problem


def iter_markdown_files(corpus_dir: Path, problems: list[Problem] | None = None) -> Iterator[Path]:
    """Every *.md below the type folders; hidden folders (the trash) are skipped, and so are linked
    folders (not followed; those leading out of the corpus are reported). A file that cannot be a document
    whatever it holds (path_problem) is left out, and reported in `problems` when given."""
    for path, _ in _markdown_files(Path(corpus_dir), problems):
        yield path


def _markdown_files(corpus_dir: Path, problems: list[Problem] | None) -> Iterator[tuple[Path, str]]:
    """iter_markdown_files, each file with its path relative to the corpus folder."""
    report = problems.append if problems is not None else (lambda problem: None)
    for folder in sorted(set(TYPE_FOLDERS.values())):
        root = corpus_dir / folder
        if not root.is_dir():
            continue
        if root.is_symlink() and leads_outside(corpus_dir, root):
            report(_link_problem(folder))
            continue
        yield from _walk(corpus_dir, str(root), folder, report)


def _walk(corpus_dir: Path, dirpath: str, reldir: str, report) -> Iterator[tuple[Path, str]]:
    """One folder's files, then its subfolders', each in name order (what os.walk gave, top down). A
    folder's entries tell links from files without a system call per file, and each relative path is
    joined as text: os.walk with a pathlib path, a relative_to and a link test per file took 2.3 s of a
    100,000-document rebuild's listing, before any worker could start (now 0.9 s)."""
    try:
        with os.scandir(dirpath) as listing:
            entries = sorted(listing, key=_entry_name)
    except OSError:
        return  # a folder that cannot be listed is skipped, as os.walk does
    folders, kept = [], []
    for entry in entries:
        try:
            (folders if entry.is_dir() else kept).append(entry)
        except OSError:
            kept.append(entry)
    subfolders = []
    for entry in folders:
        if entry.name.startswith("."):
            continue
        if not entry.is_symlink():
            subfolders.append(entry)
        elif leads_outside(corpus_dir, entry.path):
            report(_link_problem(f"{reldir}/{entry.name}"))
    for entry in kept:
        name = entry.name
        if name.endswith(".md") and not name.startswith("."):
            relpath = f"{reldir}/{name}"
            problem = file_problem(corpus_dir, relpath, entry.path, entry.is_symlink())
            if problem is None:
                yield Path(entry.path), relpath
            else:
                report(problem)
    for entry in subfolders:
        yield from _walk(corpus_dir, entry.path, f"{reldir}/{entry.name}", report)


def _entry_name(entry: os.DirEntry) -> str:
    return entry.name


def scan(corpus_dir: Path, digests: bool = True) -> CorpusScan:
    """List the corpus files with their digests; report duplicate ids (the id is the file name).
    Without `digests`, the files are only listed (digest ""): a full build's worker processes read each
    file once and digest what they read (read_digested), instead of the listing reading them all first."""
    corpus_dir = Path(corpus_dir)
    result = CorpusScan()
    seen: dict[str, str] = {}
    for path, relpath in _markdown_files(corpus_dir, result.problems):
        doc_id = relpath.rsplit("/", 1)[-1][:-3].lower()  # the file name's stem: every name ends in .md
        if doc_id in seen:
            result.problems.append(Problem(relpath, "id", f"dubbele id '{doc_id}', ook in {seen[doc_id]}"))
            continue
        seen[doc_id] = relpath
        if not digests:
            result.files.append(CorpusFile(path, relpath, doc_id, ""))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            result.problems.append(Problem(relpath, "bestand", f"niet leesbaar: {os_reason(exc)}"))
            continue
        result.files.append(CorpusFile(path, relpath, doc_id, hashlib.sha256(data).hexdigest()))
    return result


def read_file(file: CorpusFile, taxonomy: Taxonomy) -> Parsed:
    """Parse one corpus file; unreadable or oversized files become a Problem, never an exception."""
    try:
        data = file.path.read_bytes()
    except OSError as exc:
        return Parsed(None, [Problem(file.relpath, "bestand", f"niet leesbaar: {os_reason(exc)}")])
    return _parse_bytes(file, data, taxonomy)


def refusal(corpus_dir: Path, path: Path, taxonomy: Taxonomy) -> list[Problem]:
    """Why the index leaves the corpus file at `path` out, as the problems it reports ([] when it would
    index it): what /health says about a file the index does not hold."""
    corpus_dir = Path(corpus_dir)
    relpath = Path(path).relative_to(corpus_dir).as_posix()
    problem = path_problem(corpus_dir, Path(path))
    if problem is not None:
        return [problem]
    parsed = read_file(CorpusFile(Path(path), relpath, Path(path).stem.lower(), ""), taxonomy)
    return [] if parsed.document is not None else parsed.problems


def read_digested(file: CorpusFile, taxonomy: Taxonomy) -> tuple[CorpusFile, Parsed]:
    """read_file for a file listed without its digest (scan(digests=False)): the file with the digest
    of the bytes that were parsed, and the parse."""
    try:
        data = file.path.read_bytes()
    except OSError as exc:
        return file, Parsed(None, [Problem(file.relpath, "bestand", f"niet leesbaar: {os_reason(exc)}")])
    return replace(file, digest=hashlib.sha256(data).hexdigest()), _parse_bytes(file, data, taxonomy)


def _parse_bytes(file: CorpusFile, data: bytes, taxonomy: Taxonomy) -> Parsed:
    if len(data) > MAX_FILE_BYTES:
        return Parsed(None, [Problem(file.relpath, "bestand", "groter dan 2 MB")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Parsed(None, [Problem(file.relpath, "bestand", "geen geldige UTF-8-tekst")])
    parsed = parse_document(text, file.doc_id, taxonomy, file.relpath)
    if parsed.document is not None:
        expected = TYPE_FOLDERS.get(parsed.document.type)
        top = file.relpath.split("/", 1)[0]
        if expected and top != expected:
            parsed.problems.append(Problem(file.relpath, "type",
                                           f"type '{parsed.document.type}' hoort in de map {expected}/"))
    return parsed


def read_corpus(corpus_dir: Path, taxonomy: Taxonomy | None = None) -> tuple[list[Document], list[Problem]]:
    """All usable documents and all problems: what `kennisplatform check` reports."""
    taxonomy = taxonomy or taxonomy_for(corpus_dir)
    listing = scan(corpus_dir)
    documents, problems = [], list(listing.problems)
    for file in listing.files:
        parsed = read_file(file, taxonomy)
        problems.extend(parsed.problems)
        if parsed.document is not None:
            documents.append(parsed.document)
    return documents, problems


def write_atomic(path: Path, text: str) -> None:
    """A corpus file's text, written atomically (write_bytes_atomic)."""
    write_bytes_atomic(path, text.encode("utf-8"), ".md")


def write_bytes_atomic(path: Path, data: bytes, suffix: str) -> None:
    """Write so that readers and crashes see the old file or the new one, never a half-written one:
    a temporary file `.tmp-*<suffix>` in the same folder (removed by the next writer if this one dies),
    fsync, rename, fsync of the folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename or deletion in `folder` survive a crash (the folder's entries are on disk too)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def load_document(corpus_dir: Path, relpath: str, taxonomy: Taxonomy) -> Document | None:
    """The document stored at a corpus-relative path, read fresh from disk (the file is the truth)."""
    corpus_dir = Path(corpus_dir).resolve()
    path = (corpus_dir / relpath).resolve()
    if corpus_dir not in path.parents or not path.is_file():
        return None
    file = CorpusFile(path, relpath, path.stem.lower(), "")
    return read_file(file, taxonomy).document


def modified_time(corpus_dir: Path, relpath: str) -> dt.datetime | None:
    """When a corpus file was last written (UTC), or None if it is not there (any more)."""
    corpus_dir = Path(corpus_dir).resolve()
    path = (corpus_dir / relpath).resolve()
    if corpus_dir not in path.parents:
        return None
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
    except OSError:
        return None
