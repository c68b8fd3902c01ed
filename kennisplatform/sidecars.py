"""Per-segment sidecar files: the arrays that ranking and facet counting read, memory-mapped.

Reading posting lists out of Whoosh's files costs about 1 µs per posting, so at 100,000 documents a
new reader took more than a second to open (facet values) and a query's first use of a word up to
hundreds of milliseconds. Beside each segment we therefore keep one file, `<segment id>.kp`, holding

    per captured field (text and facet fields): its terms (sorted, as Whoosh sorts them), and per term
        the segment-local document numbers and term weights (frequency times boosts), deleted
        documents included;
    per text field also each posting's word positions (for phrases: `TermTable.adjacent`);
    per facet field: each document's value numbers (a row per document, padded with -1);
    per text field: Whoosh's one-byte length column;
    the date column.

A reader maps the file (np.frombuffer over mmap), so opening costs microseconds, a first use costs
what a later one does, and every worker process shares one copy through the page cache.

Whoosh's files stay the truth. A sidecar names its format version, its segment id and the segment's
document count, and carries a CRC32 of its header and of every array but the (large) posting and
position arrays, whose bounds are checked instead; one that is missing, of another version (format 2
added the positions) or segment, truncated or otherwise unreadable is rebuilt from the segment
(`arrays_for`), never trusted. Deletions are not in it: Whoosh records them in the segment metadata of
each commit, and readers apply them (`live_mask`). Files are written to a temporary name
and renamed, so another process sees the old file, the new one or none. The name follows Whoosh's
segment file pattern, so Whoosh's own clean-up deletes a sidecar together with its segment."""
from __future__ import annotations

import json
import logging
import mmap
import os
import re
import struct
import tempfile
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import postings, schema

FORMAT = 2  # 2: word positions of the text fields, the terms' heads
SUFFIX = ".kp"
MAGIC = b"KPSIDE\x00\x01"
ALIGN = 64
# Arrays too large to checksum at every open: their bounds are checked instead.
UNCHECKED = (":docs", ":weights", ":counts", ":positions")
TEXT_FIELDS = tuple(schema.TEXT_FIELDS)
FACET_FIELDS = tuple(schema.FACET_FIELDS.values())
CAPTURED = frozenset(TEXT_FIELDS + FACET_FIELDS)
TABLE_PARTS = ("blob", "offsets", "heads", "starts", "docs", "weights")  # a TermTable's arrays
POSITION_PARTS = ("counts", "pbase", "positions")  # a text field's TermTable parts beyond the postings
LOOKUPS_KEPT = 20_000  # (field, term) -> where, per reader: ~5 MB when full

log = logging.getLogger(__name__)


class SidecarError(ValueError):
    """A sidecar that cannot be used as it is: missing, stale or corrupt."""


# -- one field's terms and postings ----------------------------------------------------------------------
class _Keys:
    """Term i of a term table as bytes, for bisect (the table stays in the mapped file)."""

    def __init__(self, blob, offsets: np.ndarray):
        self.blob = blob
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> bytes:
        return bytes(self.blob[self.offsets[i]:self.offsets[i + 1]])


@dataclass(frozen=True)
class TermTable:
    """One field of one segment: sorted terms, and per term a slice of `docs`/`weights` (starts[i] to
    starts[i+1]). Text fields also have positions: posting k has counts[k] of them, and term i's start
    at pbase[i] in `positions` (each posting's ascending, postings in the order of `docs`)."""

    blob: np.ndarray  # uint8: the terms' UTF-8 bytes, concatenated
    offsets: np.ndarray  # int64, len(terms) + 1
    heads: np.ndarray  # uint64: each term's first 8 bytes (zero-padded) as a big-endian number
    starts: np.ndarray  # int64, len(terms) + 1
    docs: np.ndarray  # uint16 or uint32: segment-local document numbers, ascending per term
    weights: np.ndarray  # float32
    counts: np.ndarray | None = None  # uint8 or uint16: positions per posting (text fields only)
    pbase: np.ndarray | None = None  # int64, len(terms) + 1
    positions: np.ndarray | None = None  # uint16 or uint32

    @property
    def keys(self) -> _Keys:
        return _Keys(self.blob, self.offsets)

    def find(self, term: str) -> int:
        """The term's number, or -1. The heads narrow the search to the terms that begin with the same 8
        bytes (in numpy), so that few terms are read as bytes: a first lookup of a word in every segment
        was a good part of a cold query."""
        key = term.encode("utf-8")
        head = np.uint64(_head(key))
        low = int(self.heads.searchsorted(head, side="left"))
        high = int(self.heads.searchsorted(head, side="right"))
        keys = self.keys
        i = bisect_left(keys, key, low, high)
        return i if i < high and keys[i] == key else -1

    def find_many(self, keys: list[bytes], heads: np.ndarray) -> np.ndarray:
        """find() for many terms at once (their UTF-8 keys and _head()s): each term's number, or -1. The
        heads are compared in one numpy call, so that a term no term of the table begins like (most of a
        typo's hundreds of candidates) costs nothing more."""
        low = self.heads.searchsorted(heads, side="left")
        high = self.heads.searchsorted(heads, side="right")
        found = np.full(len(keys), -1, dtype=np.int64)
        table = self.keys
        for i in np.flatnonzero(high > low):
            first, last = int(low[i]), int(high[i])
            j = bisect_left(table, keys[i], first, last)
            if j < last and table[j] == keys[i]:
                found[i] = j
        return found

    def postings(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = int(self.starts[number]), int(self.starts[number + 1])
        return self.docs[start:end], self.weights[start:end]

    def count(self, number: int) -> int:
        return int(self.starts[number + 1] - self.starts[number])

    def prefixed(self, prefix: str) -> list[tuple[str, int]]:
        """(term, number of postings) of every term starting with `prefix`."""
        key = prefix.encode("utf-8")
        keys = self.keys
        first = int(self.heads.searchsorted(np.uint64(_head(key)), side="left"))
        last = int(self.heads.searchsorted(np.uint64(_head(key + b"\xff" * 8)), side="right"))
        low = bisect_left(keys, key, first, last)
        high = bisect_left(keys, key + b"\xff", low, last)  # no UTF-8 text continues with byte 0xff
        if low == high:
            return []
        offsets = (self.offsets[low:high + 1] - self.offsets[low]).tolist()
        raw = bytes(self.blob[self.offsets[low]:self.offsets[high]])
        counts = np.diff(self.starts[low:high + 1]).tolist()
        return [(raw[a:b].decode("utf-8"), n) for a, b, n in zip(offsets, offsets[1:], counts)]

    def ending_with(self, suffix: str) -> list[tuple[str, int]]:
        """(term, number of postings) of every longer term ending with `suffix`: one scan of the table's bytes, for
        the rare word that no term is (search: a compound's part that no split found)."""
        key = suffix.encode("utf-8")
        ends = np.fromiter((m.end() for m in re.finditer(re.escape(key), self.blob)), dtype=np.int64)
        if not len(ends):
            return []
        after = self.offsets.searchsorted(ends)  # the match ends a term where an offset is its end
        whole = (after < len(self.offsets)) & (self.offsets[np.minimum(after, len(self.offsets) - 1)] == ends)
        numbers = after[whole] - 1
        numbers = numbers[self.offsets[numbers] < ends[whole] - len(key)]  # within the term, and not all of it
        return [(bytes(self.blob[self.offsets[i]:self.offsets[i + 1]]).decode("utf-8"), self.count(int(i)))
                for i in numbers]

    def names(self) -> list[str]:
        raw = bytes(self.blob)
        offsets = self.offsets.tolist()
        return [raw[a:b].decode("utf-8") for a, b in zip(offsets, offsets[1:])]

    def positions_of(self, number: int, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The term's positions in the given documents (segment-local numbers, ascending): (index into
        `docs`, position) per occurrence, ascending by both. Documents without the term have none."""
        start, end = int(self.starts[number]), int(self.starts[number + 1])
        term_docs = self.docs[start:end]
        found = np.minimum(np.searchsorted(term_docs, docs), len(term_docs) - 1)
        present = term_docs[found] == docs
        counts = self.counts[start:end].astype(np.int64)
        first = np.cumsum(counts) - counts + int(self.pbase[number])  # each posting's first position
        take = np.where(present, counts[found], 0)
        total = int(take.sum())
        owner = np.repeat(np.arange(len(docs), dtype=np.int64), take)
        step = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(take) - take, take)
        return owner, self.positions[np.repeat(first[found], take) + step].astype(np.int64)

    def near(self, groups: list[list[str]], docs: np.ndarray, window: int, exempt: list[np.ndarray]) -> np.ndarray:
        """Per given document (segment-local numbers, ascending), whether the groups' terms (a group: any of its
        terms) occur within `window` positions of one another: some stretch of the text that long holds each
        group. A group the document lacks here, or that `exempt` marks for it (its title has it), needs no place
        in the stretch; a document with none to place passes."""
        if self.counts is None:  # a field without positions: nothing to place
            return np.ones(len(docs), dtype=bool)
        owner, stretches = self._stretches(groups, docs, window)
        placed = np.ones(len(owner), dtype=bool)
        for (within, has), group_exempt in zip(stretches, exempt):
            placed &= within | group_exempt[owner] | ~has[owner]
        ok = np.ones(len(docs), dtype=bool)
        ok[owner] = False
        ok[owner[placed]] = True
        return ok

    def near_share(self, groups: list[list[str]], weights: list[float], docs: np.ndarray, window: int,
                   exempt: list[np.ndarray]) -> np.ndarray:
        """Per given document (segment-local numbers, ascending), the most weight of the groups that one stretch
        of `window` positions of the text holds: the sum of the weights of the groups found in it, a group that
        `exempt` marks for the document (its title has it) counting wherever the stretch is."""
        best = np.zeros(len(docs), dtype=np.float64)
        for weight, group_exempt in zip(weights, exempt):
            best += weight * group_exempt
        if self.counts is None:
            return best
        owner, stretches = self._stretches(groups, docs, window)
        held = np.zeros(len(owner), dtype=np.float64)
        for (within, _), weight, group_exempt in zip(stretches, weights, exempt):
            held += weight * (within | group_exempt[owner])
        np.maximum.at(best, owner, held)
        return best

    def _stretches(self, groups: list[list[str]], docs: np.ndarray,
                   window: int) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """Every occurrence of a group's term in the given documents as the start of a stretch of `window`
        positions: the index into `docs` of each stretch's document, and per group whether each stretch holds the
        group and which documents have it. Starts and occurrences are ascending: one searchsorted a group."""
        keys = []  # per group: (index into docs) << 33 | position, ascending
        for terms in groups:
            found = [self.positions_of(number, docs) for number in map(self.find, terms) if number >= 0]
            # Not np.unique: its first call imports numpy.ma (see distinct).
            keys.append(distinct(np.sort(np.concatenate([(owner << 33) | pos for owner, pos in found])))
                        if found else np.zeros(0, dtype=np.int64))
        starts = distinct(np.sort(np.concatenate(keys))) if keys else np.zeros(0, dtype=np.int64)
        stretches = []
        for group_keys in keys:
            has = np.zeros(len(docs), dtype=bool)
            has[group_keys >> 33] = True
            within = np.zeros(len(starts), dtype=bool)
            if len(group_keys):
                at = np.minimum(np.searchsorted(group_keys, starts), len(group_keys) - 1)
                gap = group_keys[at] - starts  # a key of the next document is at least 2**33 - position beyond
                within = (gap >= 0) & (gap <= window)
            stretches.append((within, has))
        return starts >> 33, stretches

    def adjacent(self, terms: tuple[str, ...], docs: np.ndarray) -> np.ndarray:
        """Of the given documents (segment-local numbers, ascending), those where the terms occur at
        consecutive positions in this order: what Whoosh's Phrase (slop 1) matches. Each term narrows
        the documents the next one reads, rarest first."""
        numbers = [self.find(term) for term in terms]
        if min(numbers, default=-1) < 0 or self.counts is None:
            return np.zeros(0, dtype=np.int64)
        docs = np.asarray(docs, dtype=np.int64)
        keys = None  # (index into docs) << 33 | (position of the phrase's first word + len(terms))
        for i in sorted(range(len(terms)), key=lambda i: self.count(numbers[i])):
            owner, positions = self.positions_of(numbers[i], docs)
            found = (owner << 33) | (positions - i + len(terms))
            if keys is None:
                keys = found
            else:  # both ascending: keep the keys the other term has too
                at = np.minimum(np.searchsorted(found, keys), max(len(found) - 1, 0))
                keys = keys[found[at] == keys] if len(found) else found
            if not len(keys):
                return np.zeros(0, dtype=np.int64)
            alive = distinct(keys >> 33)
            if len(alive) < len(docs):  # read the next term's positions in these documents only
                remap = np.full(len(docs), -1, dtype=np.int64)
                remap[alive] = np.arange(len(alive))
                keys = (remap[keys >> 33] << 33) | (keys & ((1 << 33) - 1))
                docs = docs[alive]
        return distinct(docs[keys >> 33])


def distinct(ascending: np.ndarray) -> np.ndarray:
    """The distinct values of an ascending array (np.unique sorts again, and its first call imports
    numpy.ma: 14 ms of a cold query)."""
    if len(ascending) < 2:
        return ascending
    keep = np.empty(len(ascending), dtype=bool)
    keep[0] = True
    np.not_equal(ascending[1:], ascending[:-1], out=keep[1:])
    return ascending[keep]


@dataclass(frozen=True)
class SegmentArrays:
    """What one segment's sidecar holds (see the module docstring)."""

    segment_id: str
    doc_count: int  # documents in the segment, deleted ones included
    terms: dict[str, TermTable]
    rows: dict[str, np.ndarray]  # facet field -> (doc_count, width) int32 value numbers, -1 = none
    lengths: dict[str, np.ndarray]  # text field -> uint8 length bytes (doc_count of them)
    dates: np.ndarray  # int64 per document
    _names: dict = field(default_factory=dict, compare=False, repr=False)

    def value_names(self, facet_field: str) -> list[str]:
        """The facet field's values in this segment, by value number (decoded once)."""
        names = self._names.get(facet_field)
        if names is None:
            names = self._names[facet_field] = self.terms[facet_field].names()
        return names


# -- collecting a segment's postings while Whoosh writes them ---------------------------------------------
class Capture:
    """The postings of captured fields as the segment writer emits them: terms in Whoosh's order, and the
    document numbers, weights and (text fields) positions of each block as it is written (one `extend`
    per block of 128)."""

    def __init__(self):
        self.fields: dict[str, _FieldCapture] = {}
        self._decoded = _DecodedPositions()  # shared by the text fields: the same values recur

    def start_field(self, name: str) -> "_FieldCapture | None":
        if name not in CAPTURED:
            return None
        field = self.fields.get(name)
        if field is None:
            field = self.fields[name] = _FieldCapture(self._decoded if name in TEXT_FIELDS else None)
        return field


class _DecodedPositions(dict):
    """Whoosh's encoded positions of a posting (bytes) -> the positions, decoded once per distinct value:
    most postings are one word at one of a few thousand positions, so most lookups hit."""

    def __missing__(self, value: bytes) -> list[int]:
        positions = self[value] = _POSITIONS.decode_positions(value)
        return positions


_POSITIONS = schema.Positions()


class _FieldCapture:
    def __init__(self, decoded: _DecodedPositions | None = None):
        self.terms: list[bytes] = []
        self.starts: list[int] = []
        self.docs = array("I")
        self.weights = array("f")
        self._decoded = decoded  # None: a field without positions
        self.counts = array("I")
        self.positions = array("I")
        self.pbase: list[int] = []

    def start_term(self, btext: bytes) -> None:
        self.terms.append(btext)
        self.starts.append(len(self.docs))
        self.pbase.append(len(self.positions))

    def add_block(self, ids, weights, values) -> None:
        """One block's postings; `values` are Whoosh's encoded posting values (a text field's positions,
        required: a text field's sidecar without them would not load), ignored for other fields."""
        self.docs.extend(ids)
        self.weights.extend(weights)
        if self._decoded is not None:
            if len(values) != len(ids):
                raise ValueError("a text field's postings need their positions")
            decoded = list(map(self._decoded.__getitem__, values))
            self.counts.extend(map(len, decoded))
            self.positions.extend(chain.from_iterable(decoded))

    def table_arrays(self, doc_count: int) -> dict[str, np.ndarray]:
        docs = np.frombuffer(self.docs, dtype=np.uint32) if len(self.docs) else np.zeros(0, np.uint32)
        weights = np.frombuffer(self.weights, dtype=np.float32) if len(self.weights) else np.zeros(0, np.float32)
        table = _table(self.terms, self.starts + [len(self.docs)], docs, weights, doc_count)
        if self._decoded is not None:
            table.update(_position_arrays(_as_numpy(self.counts), self.pbase + [len(self.positions)],
                                          _as_numpy(self.positions)))
        return table


def _as_numpy(values: array) -> np.ndarray:
    return np.frombuffer(values, dtype=np.uint32) if len(values) else np.zeros(0, np.uint32)


def _table(terms: list[bytes], starts: list[int], docs: np.ndarray, weights: np.ndarray,
           doc_count: int) -> dict[str, np.ndarray]:
    lengths = np.fromiter((len(t) for t in terms), dtype=np.int64, count=len(terms))
    offsets = np.zeros(len(terms) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    blob = np.frombuffer(b"".join(terms), dtype=np.uint8) if terms else np.zeros(0, np.uint8)
    return {"blob": blob, "offsets": offsets, "heads": _heads(blob, offsets), "starts": np.asarray(starts, dtype=np.int64),
            "docs": docs.astype(_doc_dtype(doc_count), copy=False), "weights": weights.astype(np.float32, copy=False)}


def _head(key: bytes) -> int:
    """A term's first 8 bytes, zero-padded, as a big-endian number: heads sort as the terms do."""
    return int.from_bytes(key[:8].ljust(8, b"\0"), "big")


def _heads(blob: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """_head of every term of a table (vectorized)."""
    count = len(offsets) - 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    columns = np.arange(8)
    padded = np.concatenate([blob, np.zeros(8, dtype=np.uint8)])
    first = padded[offsets[:-1, None] + columns]
    first[columns >= np.diff(offsets)[:, None]] = 0
    return np.ascontiguousarray(first).view(">u8").reshape(count).astype(np.uint64)


def _position_arrays(counts: np.ndarray, pbase: list[int], positions: np.ndarray) -> dict[str, np.ndarray]:
    """A text field's positions in the narrowest types that hold them (usually one byte per posting for
    its count, two per position)."""
    return {"counts": counts.astype(_narrow(int(counts.max(initial=0))), copy=False),
            "pbase": np.asarray(pbase, dtype=np.int64),
            "positions": positions.astype(_narrow(int(positions.max(initial=0))), copy=False)}


def _narrow(largest: int):
    return np.uint8 if largest <= 0xFF else np.uint16 if largest <= 0xFFFF else np.uint32


def _doc_dtype(doc_count: int):
    return np.uint16 if doc_count <= 0xFFFF else np.uint32


# -- building the arrays of a segment -----------------------------------------------------------------------
def build_arrays(segment_reader, capture: Capture | None = None) -> dict[str, np.ndarray]:
    """All arrays of a segment's sidecar. Postings come from `capture` when the segment was just written,
    else they are read back from Whoosh's files (slow: about 1 µs per posting)."""
    count = segment_reader.doc_count_all()
    out: dict[str, np.ndarray] = {}
    for name in sorted(CAPTURED):
        if capture is not None:
            field = capture.fields.get(name) or _FieldCapture(_DecodedPositions() if name in TEXT_FIELDS else None)
        else:
            field = _read_field(segment_reader, name)
        for part, values in field.table_arrays(count).items():
            out[f"t:{name}:{part}"] = values
    for name in FACET_FIELDS:
        out[f"rows:{name}"] = _rows(out[f"t:{name}:starts"], out[f"t:{name}:docs"], count)
    for name in TEXT_FIELDS:
        raw = np.zeros(count, dtype=np.uint8)
        stored = postings.length_bytes(segment_reader._perdoc, name)
        if stored is not None:
            raw[:len(stored)] = np.frombuffer(stored, dtype=np.uint8)[:count]
        out[f"len:{name}"] = raw
    column = segment_reader.column_reader(schema.DATE_COLUMN)
    out["dates"] = np.fromiter((column[n] for n in range(count)), dtype=np.int64, count=count)
    return out


def _read_field(segment_reader, name: str) -> _FieldCapture:
    """A field's postings read back from Whoosh's files, deleted documents included."""
    field = _FieldCapture(_DecodedPositions() if name in TEXT_FIELDS else None)
    if name in segment_reader.indexed_field_names():
        for btext in segment_reader.lexicon(name):
            ids, weights = postings.segment_postings(segment_reader, name, btext)
            field.start_term(btext)
            values = postings.segment_values(segment_reader, name, btext) if name in TEXT_FIELDS else ()
            field.add_block(ids.tolist(), weights.tolist(), values)
    return field


def _rows(starts: np.ndarray, docs: np.ndarray, count: int) -> np.ndarray:
    """Row d: the value numbers of document d (ascending), padded with -1."""
    values = np.repeat(np.arange(len(starts) - 1, dtype=np.int32), np.diff(starts))
    docs = docs.astype(np.int64)
    per_doc = np.bincount(docs, minlength=count)
    rows = np.full((count, max(1, int(per_doc.max(initial=0)))), -1, dtype=np.int32)
    order = np.argsort(docs, kind="stable")  # by document, values ascending within one
    first = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(per_doc, out=first[1:])
    sorted_docs = docs[order]
    slot = np.arange(len(docs)) - first[sorted_docs]
    rows[sorted_docs, slot] = values[order]
    return rows


# -- the file -------------------------------------------------------------------------------------------
def path_for(index_dir: Path, segment_id: str) -> Path:
    return Path(index_dir) / f"{segment_id}{SUFFIX}"


def write(index_dir: Path, segment_id: str, doc_count: int, arrays: dict[str, np.ndarray]) -> Path:
    """Write a sidecar atomically (temporary file, rename). A crash leaves no file or a complete one;
    without fsync a crash may leave a short one, which `load` rejects and readers rebuild."""
    layout: dict[str, list] = {}
    position = 0
    crc = 0
    for name in sorted(arrays):
        values = np.ascontiguousarray(arrays[name])
        layout[name] = [values.dtype.str, list(values.shape), position]
        position += _aligned(values.nbytes)
        if not name.endswith(UNCHECKED):
            crc = zlib.crc32(values.tobytes(), crc)
    header = json.dumps({"format": FORMAT, "segment": segment_id, "docs": doc_count, "arrays": layout,
                         "data": position, "crc": crc}).encode("utf-8")
    start = _aligned(len(MAGIC) + 8 + len(header))
    target = path_for(index_dir, segment_id)
    fd, tmp = tempfile.mkstemp(prefix=f".{segment_id}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o644)  # readable like Whoosh's own files (mkstemp makes it private)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + struct.pack("<II", len(header), zlib.crc32(header)) + header)
            out.write(b"\0" * (start - out.tell()))
            for name in sorted(arrays):
                data = np.ascontiguousarray(arrays[name]).tobytes()
                out.write(data)
                out.write(b"\0" * (_aligned(len(data)) - len(data)))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def _aligned(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


def load(index_dir: Path, segment_id: str, doc_count: int) -> SegmentArrays:
    """The mapped sidecar of a segment; SidecarError when it is missing, stale or corrupt."""
    path = path_for(index_dir, segment_id)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < len(MAGIC) + 8:
                raise SidecarError(f"{path.name}: truncated")
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        raise SidecarError(f"{path.name}: missing") from None
    except (OSError, ValueError) as error:
        raise SidecarError(f"{path.name}: unreadable ({error})") from None
    return _parse(memoryview(mapped), path.name, segment_id, doc_count)


def _parse(data: memoryview, name: str, segment_id: str, doc_count: int) -> SegmentArrays:
    if bytes(data[:len(MAGIC)]) != MAGIC:
        raise SidecarError(f"{name}: not a sidecar")
    length, header_crc = struct.unpack("<II", data[len(MAGIC):len(MAGIC) + 8])
    header_bytes = bytes(data[len(MAGIC) + 8:len(MAGIC) + 8 + length])
    if len(header_bytes) != length or zlib.crc32(header_bytes) != header_crc:
        raise SidecarError(f"{name}: damaged header")
    header = json.loads(header_bytes)
    if header.get("format") != FORMAT:
        raise SidecarError(f"{name}: format {header.get('format')}, expected {FORMAT}")
    if header.get("segment") != segment_id or header.get("docs") != doc_count:
        raise SidecarError(f"{name}: written for another segment")
    start = _aligned(len(MAGIC) + 8 + length)
    if len(data) != start + header["data"]:
        raise SidecarError(f"{name}: truncated")
    arrays: dict[str, np.ndarray] = {}
    crc = 0
    for key in sorted(header["arrays"]):
        dtype, shape, offset = header["arrays"][key]
        dtype = np.dtype(dtype)
        count = int(np.prod(shape)) if shape else 1
        if offset + count * dtype.itemsize > header["data"]:
            raise SidecarError(f"{name}: array {key} out of bounds")
        values = np.frombuffer(data, dtype=dtype, count=count, offset=start + offset).reshape(shape)
        if not key.endswith(UNCHECKED):
            crc = zlib.crc32(values, crc)
        arrays[key] = values
    if crc != header["crc"]:
        raise SidecarError(f"{name}: checksum mismatch")
    try:
        return _segment_arrays(arrays, segment_id, doc_count)
    except (KeyError, ValueError) as error:
        raise SidecarError(f"{name}: incomplete ({error})") from None


def _segment_arrays(arrays: dict[str, np.ndarray], segment_id: str, doc_count: int) -> SegmentArrays:
    terms = {}
    for name in sorted(CAPTURED):
        parts = TABLE_PARTS + (POSITION_PARTS if name in TEXT_FIELDS else ())
        table = TermTable(*(arrays[f"t:{name}:{part}"] for part in parts))
        if (len(table.starts) != len(table.offsets) or len(table.heads) != len(table.offsets) - 1
                or int(table.starts[-1]) != len(table.docs)
                or len(table.weights) != len(table.docs) or int(table.offsets[-1]) != len(table.blob)):
            raise ValueError(f"inconsistent term table {name}")
        if table.counts is not None and (len(table.counts) != len(table.docs) or len(table.pbase) != len(table.starts)
                                         or int(table.pbase[-1]) != len(table.positions)):
            raise ValueError(f"inconsistent positions of {name}")
        terms[name] = table
    rows = {field: arrays[f"rows:{field}"] for field in FACET_FIELDS}
    lengths = {field: arrays[f"len:{field}"] for field in TEXT_FIELDS}
    dates = arrays["dates"]
    if any(len(a) != doc_count for a in (*rows.values(), *lengths.values(), dates)):
        raise ValueError("column lengths differ from the segment's document count")
    return SegmentArrays(segment_id, doc_count, terms, rows, lengths, dates)


def in_memory(arrays: dict[str, np.ndarray], segment_id: str, doc_count: int) -> SegmentArrays:
    return _segment_arrays(arrays, segment_id, doc_count)


# -- for readers -------------------------------------------------------------------------------------------
def arrays_for(index_dir: Path, segment_reader) -> SegmentArrays:
    """The segment's sidecar, rebuilt from Whoosh's files first when it is missing, stale or corrupt.
    When the index folder cannot be written, the rebuilt arrays are used from memory."""
    segment_id = segment_reader.segment().segment_id()
    count = segment_reader.doc_count_all()
    try:
        return load(index_dir, segment_id, count)
    except SidecarError as problem:
        log.warning("sidecar %s: rebuilding from the segment", problem)
    arrays = build_arrays(segment_reader)
    try:
        write(index_dir, segment_id, count, arrays)
        return load(index_dir, segment_id, count)
    except (OSError, SidecarError) as error:
        log.warning("sidecar of %s not written (%s): kept in memory", segment_id, error)
        return in_memory(arrays, segment_id, count)


def live_mask(segment_reader) -> np.ndarray:
    """True for the segment's documents that are not deleted (deletions live in Whoosh's segment list)."""
    mask = np.ones(segment_reader.doc_count_all(), dtype=bool)
    if segment_reader.has_deletions():
        deleted = np.fromiter(segment_reader.segment().deleted_docs(), dtype=np.int64)
        mask[deleted[deleted < len(mask)]] = False
    return mask


# -- all segments of one reader ------------------------------------------------------------------------
class ReaderArrays:
    """The sidecars of every segment of one Whoosh reader, numbered as the reader numbers documents
    (a segment's offset plus its own numbers). Segments the `previous` reader had are not read again,
    and its facet arrays are extended rather than rebuilt: after a save, a new reader maps only the new
    small segment."""

    def __init__(self, reader, index_dir: Path, previous: "ReaderArrays | None" = None):
        cache = previous.segments if previous is not None else {}
        self._previous_raw: dict[str, _RawFacet] = previous._raw if previous is not None else {}
        self._raw: dict[str, _RawFacet] = {}
        self.parts: list[tuple[SegmentArrays, int]] = []
        self._lookups: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {}
        masks = []
        for segment_reader, offset in reader.leaf_readers():
            if not hasattr(segment_reader, "segment") or not segment_reader.doc_count_all():
                continue  # an empty index's reader
            segment_id = segment_reader.segment().segment_id()
            arrays = cache.get(segment_id)
            if arrays is None or arrays.doc_count != segment_reader.doc_count_all():
                arrays = arrays_for(index_dir, segment_reader)
            self.parts.append((arrays, offset))
            masks.append(live_mask(segment_reader))
        self.size = reader.doc_count_all()
        self.live_mask = np.concatenate(masks) if masks else np.zeros(0, dtype=bool)
        self._field_totals = {name: reader.field_length(name) for name in TEXT_FIELDS}

    @property
    def segments(self) -> dict[str, SegmentArrays]:
        """Segment id -> arrays: the cache for the next reader."""
        return {arrays.segment_id: arrays for arrays, _ in self.parts}

    def _where(self, field: str, term: str) -> tuple[tuple[int, int], ...]:
        """(part, term number) of each segment that has the term. A lookup costs ~10 us per segment, and a
        build of 100,000 documents leaves ten segments: a query's scores, spelling check and title
        coverage ask for the same terms, and the next queries for many of them again."""
        key = (field, term)
        found = self._lookups.get(key)
        if found is None:
            found = tuple((i, number) for i, (arrays, _) in enumerate(self.parts)
                          if (number := arrays.terms[field].find(term)) >= 0)
            if len(self._lookups) >= LOOKUPS_KEPT:
                self._lookups.clear()  # rarely full: cheaper than keeping an order, and safe across threads
            self._lookups[key] = found
        return found

    def postings(self, field: str, term: str) -> postings.Postings:
        """The term's postings over all segments, deleted documents included (as postings.read_postings)."""
        found = []  # (reader offset, segment-local docs, weights) per segment with the term
        for part, number in self._where(field, term):
            arrays, offset = self.parts[part]
            found.append((offset, *arrays.terms[field].postings(number)))
        if not found:
            return postings.Postings(postings.EMPTY_IDS, postings.EMPTY_WEIGHTS)
        # Renumbered into one array in place: a common word's postings in ten segments were copied twice.
        docs = np.empty(sum(len(ids) for _, ids, _ in found), dtype=np.int32)
        at = 0
        for offset, ids, _ in found:
            np.add(ids, np.int32(offset), out=docs[at:at + len(ids)], casting="unsafe")
            at += len(ids)
        weights = found[0][2] if len(found) == 1 else np.concatenate([weights for _, _, weights in found])
        return postings.Postings(docs, weights)

    def phrase_docs(self, field: str, terms: tuple[str, ...], candidates: np.ndarray) -> np.ndarray:
        """Of the candidate documents (reader numbers, ascending), those with the terms at consecutive
        positions of the field, in this order: Whoosh's Phrase query, from the sidecars' positions."""
        found = []
        bounds = np.searchsorted(candidates, [offset for _, offset in self.parts] + [self.size])
        for (arrays, offset), low, high in zip(self.parts, bounds, bounds[1:]):
            if low < high:
                local = candidates[low:high].astype(np.int64) - offset
                found.append(arrays.terms[field].adjacent(terms, local) + offset)
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def near_docs(self, field: str, groups: list[list[str]], candidates: np.ndarray, window: int,
                  exempt: list[np.ndarray]) -> np.ndarray:
        """Of the candidate documents (reader numbers, ascending), those whose field holds the groups' terms within
        `window` positions of one another (TermTable.near; `exempt`: per group, a mask over the candidates)."""
        kept = []
        bounds = np.searchsorted(candidates, [offset for _, offset in self.parts] + [self.size])
        for (arrays, offset), low, high in zip(self.parts, bounds, bounds[1:]):
            if low < high:
                local = candidates[low:high].astype(np.int64) - offset
                near = arrays.terms[field].near(groups, local, window, [mask[low:high] for mask in exempt])
                kept.append(candidates[low:high][near])
        return np.concatenate(kept) if kept else candidates[:0]

    def near_shares(self, field: str, groups: list[list[str]], weights: list[float], candidates: np.ndarray,
                    window: int, exempt: list[np.ndarray]) -> np.ndarray:
        """Per candidate document (reader numbers, ascending), TermTable.near_share of its field."""
        shares = np.zeros(len(candidates), dtype=np.float64)
        bounds = np.searchsorted(candidates, [offset for _, offset in self.parts] + [self.size])
        for (arrays, offset), low, high in zip(self.parts, bounds, bounds[1:]):
            if low < high:
                local = candidates[low:high].astype(np.int64) - offset
                shares[low:high] = arrays.terms[field].near_share(groups, weights, local, window,
                                                                  [mask[low:high] for mask in exempt])
        return shares

    def doc_frequency(self, field: str, term: str) -> int:
        """Documents with the term, deleted ones included: Whoosh's doc_frequency."""
        return sum(self.parts[part][0].terms[field].count(number) for part, number in self._where(field, term))

    def doc_frequencies(self, field: str, terms: list[str]) -> np.ndarray:
        """doc_frequency of each term, in one pass per segment (TermTable.find_many): a typo's candidates
        one at a time were ~26,000 lookups at 100,000 documents."""
        keys = [term.encode("utf-8") for term in terms]
        heads = np.fromiter((_head(key) for key in keys), dtype=np.uint64, count=len(keys))
        total = np.zeros(len(keys), dtype=np.int64)
        for arrays, _ in self.parts:
            table = arrays.terms[field]
            numbers = table.find_many(keys, heads)
            hit = numbers[numbers >= 0]
            total[numbers >= 0] += table.starts[hit + 1] - table.starts[hit]
        return total

    def prefixed(self, field: str, prefix: str) -> dict[str, int]:
        """Terms of the field starting with `prefix` -> their document frequency."""
        return self._over_segments(field, lambda table: table.prefixed(prefix))

    def ending_with(self, field: str, suffix: str) -> dict[str, int]:
        """Terms of the field that end with `suffix` (and are longer) -> their document frequency."""
        return self._over_segments(field, lambda table: table.ending_with(suffix))

    def _over_segments(self, field: str, terms: Callable[[TermTable], list[tuple[str, int]]]) -> dict[str, int]:
        """The terms that `terms` finds in each segment's table of the field -> their postings summed."""
        found: dict[str, int] = {}
        for arrays, _ in self.parts:
            for term, count in terms(arrays.terms[field]):
                found[term] = found.get(term, 0) + count
        return found

    def field_lengths(self, field: str) -> np.ndarray:
        """Each document's length in the field, as Whoosh's scorers see it (postings.field_lengths)."""
        if not self.parts:
            return np.zeros(0, dtype=np.float32)
        return postings.decode_lengths(np.concatenate([arrays.lengths[field] for arrays, _ in self.parts]))

    def field_length(self, field: str) -> int:
        """The field's total length over all documents (Whoosh's reader.field_length)."""
        return self._field_totals[field]

    def dates(self) -> np.ndarray:
        if not self.parts:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([arrays.dates for arrays, _ in self.parts])

    def facet_values(self, field: str, live_words: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
        """(names, rows, packed) of a facet field over live documents: the values that some live document
        carries; row d = the value numbers of document d padded with -1; packed[v] = the live documents
        with value v as 64-bit words (see facets.FacetCodes)."""
        raw = self._raw_facet(field, len(live_words))
        packed = raw.packed & live_words
        keep = np.bitwise_count(packed).sum(axis=1) > 0
        if keep.all():  # the usual case: no value lost all its documents to deletions
            return list(raw.names), raw.rows, packed
        renumber = np.full(len(raw.names) + 1, -1, dtype=np.int32)  # dropped values -> no value
        renumber[:-1][keep] = np.arange(int(keep.sum()), dtype=np.int32)
        return [n for n, k in zip(raw.names, keep) if k], renumber[raw.rows], packed[keep]

    def _raw_facet(self, field: str, words: int) -> "_RawFacet":
        """A facet field's values over all documents, deleted ones too. After a save, the previous
        reader's arrays are extended by the new segments only (a reader lists its old segments first,
        at the same offsets, unless a merge reordered them: then everything is assembled again)."""
        signature = tuple((arrays.segment_id, offset) for arrays, offset in self.parts)
        previous = self._previous_raw.get(field)
        if previous is None or signature[:len(previous.signature)] != previous.signature:
            previous = _RawFacet((), [], {}, np.zeros((0, words), dtype=np.uint64),
                                 np.full((0, 1), -1, dtype=np.int32))
        new_parts = self.parts[len(previous.signature):]
        names, number = list(previous.names), dict(previous.number)
        for name in sorted({n for arrays, _ in new_parts for n in arrays.value_names(field)} - set(number)):
            number[name] = len(names)
            names.append(name)
        packed = np.zeros((len(names), words), dtype=np.uint64)
        packed[:previous.packed.shape[0], :previous.packed.shape[1]] = previous.packed
        flat = packed.reshape(-1)
        width = max([previous.rows.shape[1]] + [arrays.rows[field].shape[1] for arrays, _ in new_parts])
        rows = np.full((self.size, width), -1, dtype=np.int32)
        rows[:len(previous.rows), :previous.rows.shape[1]] = previous.rows
        for arrays, offset in new_parts:
            table = arrays.terms[field]
            mapping = np.array([number[n] for n in arrays.value_names(field)] + [-1], dtype=np.int32)
            docs = table.docs.astype(np.int64) + offset
            values = np.repeat(mapping[:-1].astype(np.int64), np.diff(table.starts))
            np.bitwise_or.at(flat, values * words + (docs >> 6),
                             np.left_shift(np.uint64(1), (docs & 63).astype(np.uint64)))
            local = arrays.rows[field]
            rows[offset:offset + arrays.doc_count, :local.shape[1]] = mapping[local]  # -1 stays -1
        raw = _RawFacet(signature, names, number, packed, rows)
        self._raw[field] = raw
        return raw


@dataclass(frozen=True)
class _RawFacet:
    """A facet field over the segments of `signature` ((segment id, offset) in reader order)."""

    signature: tuple
    names: list[str]
    number: dict[str, int]
    packed: np.ndarray  # (values, words) uint64, deleted documents included
    rows: np.ndarray  # (documents, width) int32 value numbers, -1 = none
