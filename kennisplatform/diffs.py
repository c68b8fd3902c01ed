"""What changed between two versions of a document: the metadata fields side by side and the prose word by
word. Pure functions (difflib), no Flask: the history page and tests use them alike."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .documents import Document, parse_document
from .taxonomy import Taxonomy

SAME, INSERTED, DELETED = "same", "ins", "del"
CONTEXT = 30  # words of unchanged text kept on each side of a change
_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    kind: str  # SAME, INSERTED or DELETED
    text: str


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class VersionDiff:
    fields: list[FieldChange] = field(default_factory=list)
    body: list[Segment] = field(default_factory=list)

    @property
    def body_changed(self) -> bool:
        return any(s.kind != SAME for s in self.body)

    @property
    def changed(self) -> bool:
        return bool(self.fields) or self.body_changed


def word_diff(old: str, new: str, context: int = CONTEXT) -> list[Segment]:
    """Lines first (cheap on long texts), then words within the lines that differ."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        a, b = "".join(old_lines[a1:a2]), "".join(new_lines[b1:b2])
        if op == "equal":
            segments.append(Segment(SAME, a))
        elif op == "replace":
            segments.extend(_words(a, b))
        elif op == "delete":
            segments.append(Segment(DELETED, a))
        else:
            segments.append(Segment(INSERTED, b))
    return _shorten(_merge(segments), context)


def _words(old: str, new: str) -> list[Segment]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Segment(SAME, "".join(a[a1:a2])))
            continue
        if a1 < a2:
            out.append(Segment(DELETED, "".join(a[a1:a2])))
        if b1 < b2:
            out.append(Segment(INSERTED, "".join(b[b1:b2])))
    return out


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].kind == segment.kind:
            merged[-1] = Segment(segment.kind, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


def _shorten(segments: list[Segment], context: int) -> list[Segment]:
    """Long unchanged stretches keep `context` words beside each change; the rest becomes ' … '."""
    out = []
    for n, segment in enumerate(segments):
        words = _TOKEN.findall(segment.text)
        if segment.kind != SAME or len(words) <= 2 * context * 2 + 2:
            out.append(segment)
            continue
        keep_head = n > 0  # text right after a change
        keep_tail = n < len(segments) - 1  # text right before a change
        head = "".join(words[:context * 2]) if keep_head else ""
        tail = "".join(words[-context * 2:]) if keep_tail else ""
        out.append(Segment(SAME, f"{head} … {tail}".strip() if (head or tail) else " … "))
    return out


def _values(doc: Document, taxonomy: Taxonomy) -> dict[str, str]:
    def labels(facet: str, ids) -> str:
        return ", ".join(taxonomy.label(facet, i) for i in ids)

    return {
        "Titel": doc.title,
        "Soort": taxonomy.label("type", doc.type) if doc.type else "",
        "Datum": doc.date.isoformat() if doc.date else "",
        "Samenvatting": doc.summary,
        "Thema's": labels("theme", doc.themes),
        "Regio's": labels("region", doc.regions),
        "Disciplines": labels("discipline", doc.disciplines),
        "Doelgroep": labels("audience", doc.audience),
        "Organisaties": ", ".join(doc.organisations),
        "Bronadres": doc.source.url or "",
        "Publicatie": doc.source.publication or "",
        "Auteurs": ", ".join(doc.source.authors),
    }


def _parse(text: str | None, taxonomy: Taxonomy) -> Document | None:
    if text is None:
        return None
    return parse_document(text, "versie", taxonomy, "versie.md").document


def compare(old_text: str | None, new_text: str | None, taxonomy: Taxonomy) -> VersionDiff:
    """The difference from `old_text` to `new_text` (None: the document did not exist / was deleted).
    A text that does not parse (a broken old file) is compared as plain text."""
    old, new = _parse(old_text, taxonomy), _parse(new_text, taxonomy)
    if (old_text is not None and old is None) or (new_text is not None and new is None):
        return VersionDiff(body=word_diff(old_text or "", new_text or ""))
    empty: dict[str, str] = {}
    before = _values(old, taxonomy) if old else empty
    after = _values(new, taxonomy) if new else empty
    fields = [FieldChange(label, before.get(label, ""), after.get(label, ""))
              for label in (after or before) if before.get(label, "") != after.get(label, "")]
    body = word_diff(old.body if old else "", new.body if new else "")
    return VersionDiff(fields, body)
