"""Whoosh postings and per-document columns as numpy arrays, read a block at a time.

Whoosh's matchers hand out one posting per Python call (about 1.5 µs each); ranking and facet counting
need whole posting lists, so this module reads Whoosh 3 posting blocks (up to 128 postings, one pickle
each) and length/number columns directly. It relies on the on-disk format of whoosh-reloaded 2.7.5,
which pyproject pins; anything else falls back to the matcher interface, slower but equal."""
from __future__ import annotations

import pickle
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from isal import isal_zlib
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import CompressedBytesColumn, PickleColumn, VarBytesColumn
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

# Whoosh stores a field's length per document as one byte; this table decodes all 256 at once.
_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)
EMPTY_IDS = np.zeros(0, dtype=np.int32)
EMPTY_WEIGHTS = np.zeros(0, dtype=np.float32)


@dataclass(frozen=True)
class Postings:
    """Global document numbers (ascending) and term weights (frequency times token boosts).
    Deleted documents are included: callers intersect with the live set."""

    docs: np.ndarray
    weights: np.ndarray

    def __len__(self) -> int:
        return len(self.docs)


def read_postings(reader, field: str, term: str) -> Postings:
    """One term's postings over all segments of a reader."""
    docs, weights = [], []
    for segment, offset in reader.leaf_readers():
        try:
            ids, ws = segment_postings(segment, field, term)
        except TermNotFound:
            continue
        docs.append(ids + offset if offset else ids)
        weights.append(ws)
    if not docs:
        return Postings(EMPTY_IDS, EMPTY_WEIGHTS)
    if len(docs) == 1:
        return Postings(docs[0], weights[0])
    return Postings(np.concatenate(docs), np.concatenate(weights))


def segment_postings(segment, field: str, term: str | bytes) -> tuple[np.ndarray, np.ndarray]:
    """One segment's postings of a term, deleted documents included (TermNotFound if absent). Not through
    SegmentReader.postings: its deletion filter skips deleted documents at the head of the list already
    when it is created, so unwrapping it afterwards loses them."""
    if getattr(segment, "_terms", None) is None:  # an empty index's reader
        raise TermNotFound(term)
    btext = term if isinstance(term, bytes) else term.encode("utf-8")
    matcher = segment._terms.matcher(field, btext, segment.schema[field].format)
    return _read_blocks(matcher) if isinstance(matcher, W3LeafMatcher) else _read_matcher(matcher)


def _read_blocks(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        matcher._next_block()
    return np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float32)


def segment_values(segment, field: str, term: str | bytes) -> list[bytes]:
    """One segment's encoded posting values of a term (a text field's positions), in the order of
    segment_postings, deleted documents included (TermTable.positions_of reads what sidecars make of them)."""
    btext = term if isinstance(term, bytes) else term.encode("utf-8")
    matcher = segment._terms.matcher(field, btext, segment.schema[field].format)
    values: list[bytes] = []
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_values()
            values.extend(matcher._values)
            matcher._next_block()
        return values
    while matcher.is_active():
        values.append(matcher.value())
        matcher.next()
    return values


def _read_matcher(matcher) -> tuple[np.ndarray, np.ndarray]:
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float32)


def field_lengths(reader, field: str) -> np.ndarray:
    """Each document's length in `field` (in tokens, as Whoosh's scorers see it), by docnum."""
    parts = []
    for segment, _ in reader.leaf_readers():
        count = segment.doc_count_all()
        raw = np.zeros(count, dtype=np.uint8)
        stored = length_bytes(segment._perdoc, field)
        if stored is not None:
            raw[:len(stored)] = np.frombuffer(stored, dtype=np.uint8)[:count]
        parts.append(decode_lengths(raw))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def decode_lengths(raw: np.ndarray) -> np.ndarray:
    """Whoosh's one-byte field lengths (uint8) as token counts."""
    return _LENGTHS[raw]


def length_bytes(perdoc, field: str) -> bytes | None:
    """A segment's length column for `field` as stored: one byte per document (0 = no length; documents
    after the last stored byte have none), or None when the field keeps no lengths."""
    column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    return None if column is None else column._dbfile.get(column._basepos, column._count)


def pin_stored_fields(reader) -> bool:
    """Open every segment's stored-fields column now. Whoosh opens it lazily, at a reader's first
    stored_fields(); by then a save in another process may have merged the segment away and deleted its
    files, and Whoosh answers None for the column (a TypeError in stored_fields). Once opened, the mapped
    file stays readable after it is deleted. False when a file is already gone: open a newer reader."""
    for segment, _ in reader.leaf_readers():
        perdoc = getattr(segment, "_perdoc", None)
        if perdoc is None or not segment.doc_count_all():
            continue  # an empty index's reader
        try:
            if perdoc._cached_reader("_stored", STORED_COLUMN) is None:
                return False
        except OSError:  # deleted between Whoosh's exists check and its open
            return False
    return True


class StoredFields:
    """Stored fields of one reader's documents for one request (a page of hits), read from each segment's
    stored column directly. Whoosh's reader passes each document through three layers and checks every
    field against the schema by a method call; and the same zlib streams inflate in two thirds of the
    time with ISA-L's inflate (docs/performance.md, session 5). Keeps what it read: the typed-title check
    and the page's hits read a document once."""

    def __init__(self, reader):
        self._reader = reader
        leaves = reader.leaf_readers()
        self._offsets = [offset for _, offset in leaves]
        self._columns = [_stored_column(segment) for segment, _ in leaves]
        self._names = frozenset(reader.schema.names())
        self._read: dict[int, dict] = {}

    def __getitem__(self, docnum: int) -> dict:
        found = self._read.get(docnum)
        if found is None:
            found = self._read[docnum] = self._fields(docnum)
        return found

    def _fields(self, docnum: int) -> dict:
        i = bisect_right(self._offsets, docnum) - 1
        column = self._columns[i] if i >= 0 else None
        if column is None:  # not Whoosh 3's column: its own path
            return self._reader.stored_fields(docnum)
        raw = VarBytesColumn.Reader.__getitem__(column, docnum - self._offsets[i])
        fields = pickle.loads(isal_zlib.decompress(raw)) if raw else {}
        return {name: value for name, value in fields.items() if name in self._names}


def _stored_column(segment) -> CompressedBytesColumn.Reader | None:
    """A segment's stored-fields column below its unpickling layer: zlib-compressed pickles."""
    perdoc = getattr(segment, "_perdoc", None)
    if perdoc is None or not segment.doc_count_all():
        return None
    column = perdoc._cached_reader("_stored", STORED_COLUMN)
    child = getattr(column, "_child", None) if isinstance(column, PickleColumn.Reader) else None
    return child if isinstance(child, CompressedBytesColumn.Reader) else None
