"""The original files of imported documents, kept beside the corpus as corpus/bijlagen/<doc-id><suffix>.

They are what a PDF or Word document looked like before its text was taken out (offered as a download on
the document's page), and the importer's memory of what it imported: a file whose bytes equal the kept
original is unchanged, and a document without an original was written in the editor. The corpus
scanner reads only the type folders, so nothing here is ever read as a document. No Flask."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .corpus import write_bytes_atomic
from .documents import slugify

FOLDER = "bijlagen"
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html", ".htm": "text/html", ".md": "text/markdown", ".markdown": "text/markdown",
    ".txt": "text/plain",
}
DOWNLOADABLE = {".pdf": "PDF", ".docx": "Word"}  # offered on the document page; a web page has its address
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Attachment:
    doc_id: str
    path: Path
    suffix: str
    size: int

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES.get(self.suffix, "application/octet-stream")

    @property
    def label(self) -> str | None:
        """'PDF' or 'Word' when it is offered as a download, else None."""
        return DOWNLOADABLE.get(self.suffix)

    def download_name(self, title: str) -> str:
        """A file name without anything a browser or file system could trip over: the title's slug."""
        return f"{slugify(title, 80)}{self.suffix}"

    def read(self) -> bytes:
        return self.path.read_bytes()


def _folder(corpus_dir: Path) -> Path:
    return Path(corpus_dir) / FOLDER


def find(corpus_dir: Path, doc_id: str) -> Attachment | None:
    """The original of a document, or None (written in the editor, or imported before originals were kept)."""
    if not _ID.match(doc_id or ""):
        return None
    for suffix in CONTENT_TYPES:
        path = _folder(corpus_dir) / f"{doc_id}{suffix}"
        if path.is_file():
            return Attachment(doc_id, path, suffix, path.stat().st_size)
    return None


def keep(corpus_dir: Path, doc_id: str, suffix: str, data: bytes) -> Attachment:
    """Store (or replace) a document's original, atomically; an original of another type is removed.
    Called under the corpus lock, by the importer."""
    suffix = suffix.lower()
    if not _ID.match(doc_id) or suffix not in CONTENT_TYPES:
        raise ValueError(f"no original can be kept for {doc_id!r}{suffix!r}")
    folder = _folder(corpus_dir)
    previous = find(corpus_dir, doc_id)
    target = folder / f"{doc_id}{suffix}"
    write_bytes_atomic(target, data, ".part")  # remove_leftovers clears a dead import's .tmp-*.part
    if previous is not None and previous.path != target:
        previous.path.unlink(missing_ok=True)
    return Attachment(doc_id, target, suffix, len(data))


def remove_leftovers(corpus_dir: Path) -> int:
    """Delete temporary files of an import that died while keeping an original. Called under the corpus
    lock, when no other writer can be busy with one."""
    removed = 0
    for path in _folder(corpus_dir).glob(".tmp-*.part"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
