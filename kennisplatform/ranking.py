"""BM25F over whole posting lists, as numpy arrays: scores for every document at once, then the top k.

Whoosh scores by walking its matchers one posting per Python call, which made two- and three-word
queries with synonyms cost 100 ms at 10,000 documents and seconds at 100,000. Here each (field, term)
becomes an array of per-document contributions, computed once per index reader from the segments'
memory-mapped sidecars (sidecars.py) and kept in a bounded cache; a query adds its arrays into one
dense score vector. The formula is Whoosh's BM25F (same idf, same field-length bytes, same B and K1),
so rankings match what Whoosh would return."""
from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np


K1 = 1.2
B = 0.75
# Cached postings, counted in documents (8 bytes each: document number and score): about 8 MB at most per
# process. The postings themselves are mapped from the sidecars (shared by all workers and cheap to read
# again), so the cache only spares recomputing scores; every worker's copy is private memory. At 100,000
# documents, three preloaded workers used 1.57x the memory of one with 4,000,000, 1.52x with 2,000,000 and
# 1.49x with 1,000,000, at faceted p95 9.8, 10.0 and 10.3 ms (docs/performance.md, session 4).
CACHE_POSTINGS = 1_000_000
DENSE_SHARE = 32  # add_all: lists longer than 1/32 of all documents are intersected through masks
# add_all: documents to score that are fewer than 1/32 of the shortest posting list are looked up in the lists
# (a binary search each), not the lists' documents in a mask of them (at 100,000 documents, 200 documents in a
# list of 66,000: 10 us instead of 73; 2,000 about even).
WITHIN_SHARE = 32


@dataclass(frozen=True)
class TermScores:
    """One term in one field: the documents that contain it and their BM25F contribution."""

    docs: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.docs)


class Ranker:
    """Scores for one open reader; thread-safe, replaced together with the reader."""

    def __init__(self, arrays, field_boosts: dict[str, float]):
        """arrays: the open reader's sidecars.ReaderArrays (postings, field lengths), memory-mapped."""
        self.arrays = arrays
        self.size = arrays.size
        self.field_boosts = field_boosts
        self._norms: dict[str, np.ndarray] = {}
        self._cache: OrderedDict[tuple[str, str, bool], TermScores] = OrderedDict()
        self._cached = 0
        self._lock = threading.Lock()

    def term(self, field: str, term: str, classic_idf: bool = False, keep: bool = True) -> TermScores:
        """The term's BM25F contributions in the field. With `classic_idf`, weighed by BM25's own idf
        (classic_idf) instead of Whoosh's: see search.CLASSIC_IDF_FROM for when. `keep=False`: not cached when it
        was not yet, for a term that no query typed (search.SearchEngine._similar), which each worker would
        otherwise keep a copy of."""
        key = (field, term, classic_idf)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        found = self._rescaled(field, term) if classic_idf else self._compute(field, term)
        if not keep:
            return found
        with self._lock:
            if key not in self._cache:
                self._cache[key] = found
                self._cached += len(found)
                while self._cached > CACHE_POSTINGS and len(self._cache) > 1:
                    self._cached -= len(self._cache.popitem(last=False)[1])
        return found

    def _rescaled(self, field: str, term: str) -> TermScores:
        """Whoosh's contributions (cached, and read for the term's documents anyway) times the ratio of the
        two idfs: the score is linear in the idf, so this costs one multiplication, no postings read."""
        whoosh = self.term(field, term)
        if not len(whoosh):
            return whoosh
        ratio = classic_idf(len(whoosh), self.size) / whoosh_idf(len(whoosh), self.size)
        return TermScores(whoosh.docs, whoosh.scores * np.float32(ratio))

    def _compute(self, field: str, term: str) -> TermScores:
        found = self.arrays.postings(field, term)
        if not len(found):
            return TermScores(found.docs, found.weights)
        # Whoosh's idf and BM25 (whoosh.scoring), with the field's boost as a query-time factor. Whoosh's
        # document frequency counts every posting written, deleted documents too: len(found).
        idf = whoosh_idf(len(found), self.size)
        tf = found.weights
        # boost * idf * tf * (K1 + 1) / (tf + norm), step by step in place: the same float32 operations
        # in the same order, without a temporary array per step (most of a warm query's cache misses).
        scores = tf * (self.field_boosts.get(field, 1.0) * idf)
        scores *= K1 + 1
        denominator = self._norm(field)[found.docs]
        denominator += tf
        scores /= denominator
        return TermScores(found.docs, scores)

    def _norm(self, field: str) -> np.ndarray:
        with self._lock:
            norm = self._norms.get(field)
        if norm is None:
            lengths = self.arrays.field_lengths(field)
            average = (self.arrays.field_length(field) / self.size) if self.size else 1.0
            norm = (K1 * ((1 - B) + B * lengths / (average or 1.0))).astype(np.float32)
            with self._lock:
                self._norms[field] = norm
        return norm

    def zeros(self) -> np.ndarray:
        return np.zeros(self.size, dtype=np.float64)


def whoosh_idf(doc_frequency: int, size: int) -> float:
    """Whoosh's idf (whoosh.scoring.BM25F): at least 1 for a word in every document."""
    return math.log(size / (doc_frequency + 1)) + 1


def classic_idf(doc_frequency: int, size: int) -> float:
    """BM25's idf as Lucene has it (never negative): a word in nearly every document weighs nearly 0, where
    Whoosh's idf gives every word at least 1."""
    return math.log(1 + (size - doc_frequency + 0.5) / (doc_frequency + 0.5))


def add_all(into: np.ndarray, terms: list[TermScores], weight: float | np.ndarray | DocWeights = 1.0,
            within: np.ndarray | None = None, within_docs: np.ndarray | None = None) -> None:
    """`weight` times the scores of documents that contain every one of `terms` (one field), added to
    `into`; with `within` (a boolean mask over all documents), only for the documents it marks. `weight`
    may be an array over all documents (or DocWeights): each document's own weight (one pass where two
    weights apply). Documents in common are looked up in the (ascending) posting lists, so that a cold
    query's cost follows its postings, not the size of the index; when even the shortest list holds more
    than 1/DENSE_SHARE of all documents, arrays over all documents are faster than binary searches.
    `within_docs`, the documents of `within` as docnums (ascending): when they are fewer than 1/WITHIN_SHARE
    of the shortest list, they are looked up in the lists instead. Every path adds the same floats."""
    if within_docs is not None and len(within_docs) * WITHIN_SHARE < min(len(term) for term in terms):
        common = _common_of(terms, within_docs)
        if not len(common):
            return
        # Summed in float64 from 0 and then weighed, as below; for one term that is the same float as the
        # one-term path's (0 + s = s, and w * s either way).
        total = scores_at(terms, common)
        if not isinstance(weight, (int, float)):
            total *= weight[common]
        elif weight != 1.0:
            total *= weight
        into[common] += total
        return
    if len(terms) == 1:
        docs, scores = terms[0].docs, terms[0].scores
        if within is not None:
            keep = within[docs]
            docs, scores = docs[keep], scores[keep]
        # float32 scores summed in into's precision, then weighed: as the common documents' path does
        if not isinstance(weight, (int, float)):
            into[docs] += weight[docs] * scores.astype(into.dtype)
        else:
            into[docs] += scores if weight == 1.0 else weight * scores.astype(into.dtype)
        return
    dense = min(len(term) for term in terms) * DENSE_SHARE > len(into)
    common = _common(terms, len(into) if dense else 0)
    if within is not None:
        common = common[within[common]]
    if not len(common):
        return
    total = np.zeros(len(common), dtype=into.dtype)
    for term in terms:  # in the given order, as the scores were always summed
        total += _scores_of(term, common, len(into) if dense else 0)
    if not isinstance(weight, (int, float)):
        total *= weight[common]
    elif weight != 1.0:
        total *= weight
    into[common] += total


@dataclass(frozen=True)
class DocWeights:
    """A weight per document without an array over all documents: `inside` for the documents `mask`
    marks, `outside` for the others; indexed by docnums as such an array would be."""

    mask: np.ndarray
    inside: float
    outside: float

    def __getitem__(self, docs: np.ndarray) -> np.ndarray:
        return np.where(self.mask[docs], self.inside, self.outside)


def _common_of(terms: list[TermScores], docs: np.ndarray) -> np.ndarray:
    """Of `docs` (ascending), those in every posting list: each looked up in each list, shortest first."""
    for term in sorted(terms, key=len):
        if not len(docs):
            break
        at = np.minimum(np.searchsorted(term.docs, docs), len(term.docs) - 1)
        docs = docs[term.docs[at] == docs]
    return docs


def scores_at(terms: list[TermScores], docs: np.ndarray) -> np.ndarray:
    """The sum of the terms' scores (one field) of each of `docs` (ascending, all in every term's postings:
    a phrase's documents), in float64 and in the given order: what add_all adds to them."""
    total = np.zeros(len(docs), dtype=np.float64)
    for term in terms:
        total += _scores_of(term, docs, 0)
    return total


def _common(terms: list[TermScores], size: int) -> np.ndarray:
    """The documents in every posting list, the shortest list first: each step keeps the documents left
    that a longer list has (a compound's common part, "cultuur", lists most documents). With `size`,
    through a mask over all documents instead of binary searches."""
    ordered = sorted(terms, key=len)
    common = ordered[0].docs
    for term in ordered[1:]:
        if not len(common):
            break
        if size:
            mask = np.zeros(size, dtype=bool)
            mask[term.docs] = True
            common = common[mask[common]]
        else:
            at = np.minimum(np.searchsorted(term.docs, common), len(term.docs) - 1)
            common = common[term.docs[at] == common]
    return common


def _scores_of(term: TermScores, docs: np.ndarray, size: int) -> np.ndarray:
    """The term's scores of `docs` (all in its postings); with `size`, through an array over all documents."""
    if size:
        spread = np.zeros(size, dtype=term.scores.dtype)
        spread[term.docs] = term.scores
        return spread[docs]
    return term.scores[np.searchsorted(term.docs, docs)]


def top(scores: np.ndarray, candidates: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best (docnum, score) among the candidate docnums: highest score first, then lowest
    docnum, as Whoosh orders ties."""
    values = scores[candidates]
    if len(candidates) > k:
        kth = np.partition(values, len(values) - k)[len(values) - k]
        keep = values >= kth
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((candidates, -values))[:k]
    return [(int(candidates[i]), float(values[i])) for i in order]
