"""Suggestions that wait for an editor ("Te beoordelen").

A bulk import applies a suggested value only when its confidence reaches the threshold of its facet;
every other suggestion is stored in the document's front matter (`suggestions:`, see documents.py) and
listed on the editors' review page, where one click accepts or dismisses it. Accepting saves the document
through editing.save_document, so the value is in the file, the index and the facets at once. No Flask."""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import editing, history, suggest  # modules, not names: suggest -> importer -> review is a cycle
from .corpus import RACY_NS, iter_markdown_files
from .documents import SUGGESTION_KEYS, Document, PendingValue, parse_document, split_front_matter
from .errors import KennisplatformError
from .taxonomy import Taxonomy

if TYPE_CHECKING:
    from .search import SearchEngine

# The lowest confidence at which an import applies a suggested value without review, per front-matter key;
# None: never, every value of that facet goes to review. Chosen on the tune half of 124 judged real pages
# (the lowest threshold from which tune precision stays >= 0.85) and kept only where the held-out half
# shows at least 0.8 precision there:
#     python benchmarks/suggestions/evaluate.py
# type 0.30: held-out precision 0.85, recall 0.64. themes 0.20: held-out 0.81 (56 of 69: close to the
# edge), recall 0.46. regions 0.25: held-out 0.95, recall 0.75. Disciplines and audience, judged since session 30,
# pass the same rule (disciplines from 0.40: held-out 0.87, recall 0.72; audience from 0.20: 0.84, 0.65), but applied
# at import they moved the relevance benchmark down (disciplines alone: 25 up, 20 down, -0.089 over the tuning sets,
# and two held-out kinds beside the bundled corpus fell), so they still go to review; so does a region between 0.15
# (where the rule now lands) and 0.25 (held-out questions fell). Figures and method: docs/suggestions.md.
THRESHOLDS: dict[str, float | None] = {"type": 0.30, "themes": 0.20, "regions": 0.25, "disciplines": None,
                                       "audience": None}
# The type a document gets when the text has no type cues at all; it still goes to review. Artikel (news,
# policy and organisation pages included) is the most common type of real pages: 48 of the 63 of the tune half.
FALLBACK_TYPE = "artikel"
MIN_PENDING_TYPE = 0.1  # other types below this are not offered for review (the editor's form has them all)
# Other values: a passing mention below MIN_PENDING is not worth an editor's click, and at most the
# MAX_PENDING_PER_KEY likeliest values of a field wait for review (the form offers them all). Without these,
# an import of 137 real pages left 676 values to review, some at 2% confidence.
MIN_PENDING = 0.1
MAX_PENDING_PER_KEY = 3


class BadSuggestion(KennisplatformError):
    """A request names a field or value that cannot be a suggestion (HTTP 400)."""

    status = 400


class SuggestionGone(KennisplatformError):
    """The suggestion is not (or no longer) pending on the document: someone else handled it (HTTP 409)."""

    status = 409


# -- importing: applied or pending ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    """What an import does with the suggestions for one text."""

    type: str  # the type the document gets (a document always has one)
    applied: dict[str, tuple[str, ...]]  # key -> values applied without review
    pending: tuple[PendingValue, ...]  # every other suggestion, for the review page

    def pending_for(self, keys: Iterable[str]) -> tuple[PendingValue, ...]:
        """The pending values of these keys only (the others were given by the file or the options)."""
        wanted = set(keys)
        return tuple(p for p in self.pending if p.key in wanted)


def decide(found: suggest.Suggestions, thresholds: dict[str, float | None] | None = None,
           fallback_type: str = FALLBACK_TYPE) -> Decision:
    """Split suggestions into values applied at once (confidence at or above the key's threshold) and
    pending ones. The type is applied only when confident; otherwise the document gets the most likely
    type (`fallback_type` without any candidate), which waits for an editor to confirm it, with the other
    types that are not far less likely."""
    thresholds = THRESHOLDS if thresholds is None else thresholds
    applied: dict[str, tuple[str, ...]] = {}
    pending: list[PendingValue] = []
    for facet, key in suggest.FACET_KEYS.items():
        threshold = thresholds.get(key)
        sure, unsure = [], []
        for scored in found.scored.get(facet, ()):
            (sure if threshold is not None and scored.confidence >= threshold else unsure).append(scored)
        if facet == "type":
            if sure:
                applied[key] = (sure[0].value,)
                continue
            chosen = unsure[0].value if unsure else fallback_type
            pending.extend(PendingValue(key, s.value, s.confidence) for s in unsure
                           if s.value == chosen or s.confidence >= MIN_PENDING_TYPE)
            if not unsure:
                pending.append(PendingValue(key, fallback_type, 0.0))
            continue
        applied[key] = tuple(s.value for s in sure)
        likeliest = sorted((s for s in unsure if s.confidence >= MIN_PENDING), key=lambda s: -s.confidence)
        pending.extend(PendingValue(key, s.value, s.confidence) for s in likeliest[:MAX_PENDING_PER_KEY])
    doc_type = applied["type"][0] if "type" in applied else next(
        (p.value for p in pending if p.key == "type"), fallback_type)
    return Decision(doc_type, applied, tuple(pending))


# -- the review list -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PendingDocument:
    """A document with suggestions waiting for an editor."""

    id: str
    title: str
    type: str
    date: object  # dt.date, or None where a document's date is unknown
    pending: tuple[PendingValue, ...]


_SUGGESTIONS_KEY = re.compile(r"^suggestions:", re.M)
HEAD_BYTES = 16_384  # enough for any front matter an import writes


def pending_in_file(path: Path, corpus_dir: Path, taxonomy: Taxonomy) -> PendingDocument | None:
    """The file's document if it has open suggestions. Only a front matter with a `suggestions:` key is
    parsed in full (scan_pending runs this over every file of the corpus)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(HEAD_BYTES)
        front, _ = split_front_matter(head)
        if not front or not _SUGGESTIONS_KEY.search(front):
            return None
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    doc = parse_document(text, path.stem.lower(), taxonomy, path.relative_to(corpus_dir).as_posix()).document
    pending = open_suggestions(doc) if doc is not None else ()
    return PendingDocument(doc.id, doc.title, doc.type, doc.date, pending) if pending else None


def _newest_first(doc: PendingDocument) -> tuple:
    ordinal = doc.date.toordinal() if doc.date is not None else 0
    return (doc.date is None, -ordinal, doc.id)


class PendingList:
    """The documents with open suggestions, newest first: the dashboard's count and the review page.

    Which files to read, the index says: it records per document whether its front matter lists
    suggestions (schema.SUGGESTED_FIELD, written with every other field), and SearchEngine.awaiting_review
    names those documents. Only their files are read, and read again only when their (mtime, size)
    changed; the list is refreshed when the index version changes. Every write of the platform (an
    editor's save, an accept or dismiss here, an import, a delete, a revert or undelete, an undo-import)
    commits to the index before it returns, whichever process made it, so the next load of every worker
    shows it. A first load in a process reads as many files as there are documents with suggestions, not
    the head of every corpus file (4 s at 100,000 documents, docs/performance.md, session 10).

    A file changed behind the platform's back (an editor's text editor on the corpus folder) is seen as
    the index sees it until `kennisplatform index` runs (`kennisplatform serve` runs it on start): a file
    given suggestions by hand is not counted until then; a listed file whose suggestions were taken out by
    hand, or that was removed or moved, is read as it is and drops out at the next refresh (any save). The
    health check (/health) reports such files as it always did: it compares the corpus with the index."""

    def __init__(self):
        self._key: tuple | None = None
        self._read: dict[str, tuple[tuple[int, int], PendingDocument | None]] = {}  # path -> (stamp, doc)
        self._docs: list[PendingDocument] = []
        self._lock = threading.Lock()

    def documents(self, corpus_dir: Path, taxonomy: Taxonomy, engine: "SearchEngine") -> list[PendingDocument]:
        corpus_dir = Path(corpus_dir)
        key = (str(corpus_dir), taxonomy.version, engine.version)
        with self._lock:
            if key != self._key:
                if self._key is None or self._key[:2] != key[:2]:
                    self._read = {}
                self._refresh(corpus_dir, taxonomy, engine.awaiting_review())
                self._key = key
            return self._docs

    def _refresh(self, corpus_dir: Path, taxonomy: Taxonomy, candidates: list[tuple[str, str]]) -> None:
        read = {}
        for _id, relpath in candidates:
            path = corpus_dir / relpath
            try:
                info = path.stat()
            except OSError:  # removed behind the index's back: nothing to review
                continue
            stamp = (info.st_mtime_ns, info.st_size)
            seen = self._read.get(relpath)
            if seen is None or seen[0] != stamp:
                # Two writes of the same size within one tick of the clock leave one (mtime, size): a file
                # read in its tick is read again next time.
                racy = time.time_ns() - info.st_mtime_ns < RACY_NS
                seen = (None if racy else stamp, pending_in_file(path, corpus_dir, taxonomy))
            read[relpath] = seen
        self._read = read
        self._docs = sorted((doc for _, doc in read.values() if doc is not None), key=_newest_first)


def scan_pending(corpus_dir: Path, taxonomy: Taxonomy) -> list[PendingDocument]:
    """Every corpus document with open suggestions, newest first, from the files alone (no index, no
    cache): the head of every file is read."""
    found = (pending_in_file(path, Path(corpus_dir), taxonomy) for path in iter_markdown_files(Path(corpus_dir)))
    return sorted((doc for doc in found if doc is not None), key=_newest_first)


# -- accepting and dismissing -----------------------------------------------------------------------------
def open_suggestions(doc: Document) -> tuple[PendingValue, ...]:
    """The pending values that still mean something: not already in their field."""
    return tuple(p for p in doc.suggestions if p.key == "type" or p.value not in getattr(doc, p.key))


def accepted(doc: Document, key: str, value: str) -> Document:
    """The document with a pending value moved into its field (a type replaces the type and settles every
    type suggestion)."""
    _pending(doc, key, value)
    if key == "type":
        return doc.with_changes(type=value, suggestions=tuple(p for p in doc.suggestions if p.key != "type"))
    values = tuple(dict.fromkeys((*getattr(doc, key), value)))
    return doc.with_changes(**{key: values}, suggestions=_without(doc.suggestions, key, value))


def dismissed(doc: Document, key: str, value: str) -> Document:
    _pending(doc, key, value)
    return doc.with_changes(suggestions=_without(doc.suggestions, key, value))


def carried_over(previous: Document, doc: Document) -> Document:
    """An editor saved the form of `previous` as `doc`: its pending values stay, except those now in their
    field, and the type suggestions when the editor chose another type."""
    keep = tuple(p for p in previous.suggestions
                 if (p.key != "type" and p.value not in getattr(doc, p.key))
                 or (p.key == "type" and doc.type == previous.type))
    return doc.with_changes(suggestions=keep)


def _pending(doc: Document, key: str, value: str) -> PendingValue:
    found = next((p for p in open_suggestions(doc) if (p.key, p.value) == (key, value)), None)
    if found is None:
        raise SuggestionGone(f"Deze suggestie staat niet (meer) bij '{doc.title}'; misschien heeft iemand "
                             "anders haar al beoordeeld. Laad de lijst opnieuw.")
    return found


def _without(pending: tuple[PendingValue, ...], key: str, value: str) -> tuple[PendingValue, ...]:
    return tuple(p for p in pending if (p.key, p.value) != (key, value))


@dataclass(frozen=True)
class Reviewed:
    document: Document  # as saved
    key: str
    value: str
    accepted: bool


def review(corpus_dir: Path, index_dir: Path, taxonomy: Taxonomy, doc_id: str, key: str, value: str,
           accept: bool, author: history.Author = history.SYSTEM) -> Reviewed:
    """Accept or dismiss one pending value of a document, and save it (file and index) at once.
    NotFound for an unknown document, BadSuggestion for a field or value the taxonomy does not know,
    SuggestionGone when the value is not pending on the document (any more)."""
    facet = SUGGESTION_KEYS.get(key)
    if facet is None:
        raise BadSuggestion(f"Onbekend veld '{key}'; suggesties horen bij soort, thema's, regio's, disciplines en "
                            "doelgroepen.")
    resolved = taxonomy.resolve(facet, value)
    if resolved is None:
        raise BadSuggestion(f"'{value}' is geen waarde van de taxonomie.")
    opened = editing.open_document(corpus_dir, doc_id, taxonomy)  # NotFound when it does not exist
    changed = (accepted if accept else dismissed)(opened.document, key, resolved)
    saved = editing.save_document(corpus_dir, index_dir, changed, taxonomy, expected_digest=opened.digest,
                                  author=author)
    return Reviewed(saved.document, key, resolved, accept)
