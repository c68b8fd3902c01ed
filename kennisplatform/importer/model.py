"""What an import works with: the draft read from a file, the options of a run and one outcome per file."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from ..documents import Source
from ..errors import KennisplatformError

STATUSES = ("created", "updated", "unchanged", "duplicate", "failed")
STATUS_LABELS = {"created": "nieuw", "updated": "bijgewerkt", "unchanged": "ongewijzigd",
                 "duplicate": "dubbel", "failed": "mislukt"}

Progress = Callable[[int, int], None]


class ImportProblem(KennisplatformError):
    """A file that cannot be imported; the message is the reason shown to the editor."""

    status = 422


# What a file with the wrong extension is, by its first bytes: an old Word file saved as .docx, an RTF file, a
# download that was an error page. (kind, what to do), said when the file cannot be read as its extension says.
_SIGNATURES = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "een oud Word-bestand (.doc, Word 97-2003)",
     "open het in Word en sla het op als Word-document (.docx)"),
    (b"{\\rtf", "een RTF-bestand", "open het in Word en sla het op als Word-document (.docx)"),
    (b"%PDF-", "een PDF-bestand", "geef het de extensie .pdf"),
]


def other_kind(data: bytes) -> str | None:
    """'het is een oud Word-bestand (.doc, Word 97-2003); open het in Word ...': what a file is that is not what its
    extension says, and what to do, if its first bytes tell; None otherwise."""
    start = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    for signature, kind, advice in _SIGNATURES:
        if start.startswith(signature):
            return f"het is {kind}; {advice}"
    if start[:200].lower().startswith((b"<!doctype html", b"<html")) or b"<html" in start.lower():
        return "het is een webpagina (een mislukte download?); sla de pagina op als .html of download het bestand opnieuw"
    return None


@dataclass(frozen=True)
class Original:
    """The file as it was read: kept beside the corpus document (see attachments.py)."""

    suffix: str  # '.pdf', '.html', ...
    data: bytes


@dataclass
class Draft:
    """What a file says, before the taxonomy and the corpus are consulted."""

    title: str
    date: dt.date | None
    body: str  # Markdown
    summary: str = ""
    source: Source = field(default_factory=Source)
    type: str | None = None
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    disciplines: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    original: Original | None = None
    # How the file was read where the editor should know it (Dutch): "gelezen als windows-1252", a header
    # that was not understood. Said in the import's outcome; never a reason to refuse the file.
    notes: list[str] = field(default_factory=list)


FIELD_LABELS = {"type": "soort", "themes": "thema's", "regions": "regio's", "disciplines": "disciplines",
                "audience": "doelgroepen"}


@dataclass
class Outcome:
    path: str
    status: str  # one of STATUSES
    doc_id: str | None = None
    title: str | None = None
    reason: str | None = None  # failed: why; duplicate: which document; otherwise remarks
    suggested: tuple[str, ...] = ()  # fields whose values were suggested from the text
    match: str | None = None  # how it was found to be an existing document: "zelfde bronadres", ...
    pending: int = 0  # suggested values that wait on the editors' review page

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def suggested_labels(self) -> str:
        """'soort, thema's': the suggested fields as editors know them, not as front-matter keys."""
        return ", ".join(FIELD_LABELS.get(key, key) for key in self.suggested)

    def line(self) -> str:
        text = f"{self.label:<12} {self.path}"
        if self.doc_id:
            text += f" -> {self.doc_id}"
        if self.match:
            text += f" [{self.match}]"
        if self.reason:
            text += f" ({self.reason})"
        if self.suggested:
            text += f" [voorgesteld: {self.suggested_labels}]"
        if self.pending:
            text += f" [{self.pending} {'waarde' if self.pending == 1 else 'waarden'} te beoordelen]"
        return text


@dataclass
class Options:
    type: str | None = None
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    date: dt.date | None = None  # for files in which no date is found
    dry_run: bool = False

