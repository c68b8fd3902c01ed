"""Facet counting with disjunctive semantics, on bitsets computed once per index reader.

Within a facet, selected values combine with OR; across facets, with AND. Each facet is counted over
the documents that match the query and every *other* facet's selection, so its own selection does not
hide the alternatives (as Algolia's disjunctive faceting does). Multi-valued fields count every value:
a document about two regions counts once for each."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import bitsets, postings, schema
from .params import FACET_LABELS, FACETS, PERIODS, UNKNOWN_YEAR, UNKNOWN_YEAR_LABEL, SearchParams, years_of
from .results import Facet, FacetBucket
from .taxonomy import Taxonomy


GATHER_BELOW = 32  # sets below 1/32 of the index gather rows (crossover measured at 10k and 100k: ~1/40)


@dataclass
class FacetCodes:
    """One facet's values in two layouts for counting. `rows`: row d lists the value numbers of document
    d, padded with len(names); a small result set gathers its rows. `packed`: each value's documents as
    64-bit words; a large result set is ANDed with all of them at once and popcounted."""

    names: list[str]
    rows: np.ndarray
    packed: np.ndarray

    @classmethod
    def build(cls, per_value: dict[str, np.ndarray], bits_of: dict[str, int], size: int) -> "FacetCodes":
        """per_value: each value's documents (deleted ones may be included: counts only ever look at
        live documents); bits_of: the same as live bitsets."""
        names = list(per_value)
        packed = np.zeros((len(names), bitsets.word_count(size)), dtype=np.uint64)
        for number, name in enumerate(names):
            packed[number] = bitsets.to_words(bits_of[name], size)
        per_doc = np.zeros(size, dtype=np.int32)
        for docs in per_value.values():
            per_doc[docs] += 1
        rows = np.full((size, max(1, int(per_doc.max(initial=0)))), len(names), dtype=np.int32)
        filled = np.zeros(size, dtype=np.int32)
        for number, docs in enumerate(per_value.values()):
            rows[docs, filled[docs]] = number  # a value lists each document once: no clashes
            filled[docs] += 1
        return cls(names, rows, packed)

    def counts_of_docs(self, docs: np.ndarray) -> dict[str, int]:
        found = np.bincount(self.rows[docs].ravel(), minlength=len(self.names) + 1)
        return dict(zip(self.names, found[:len(self.names)].tolist()))

    def counts_of_words(self, words: np.ndarray) -> dict[str, int]:
        found = np.bitwise_count(self.packed & words).sum(axis=1, dtype=np.int64)
        return dict(zip(self.names, found.tolist()))


@dataclass
class FacetIndex:
    """Per facet, per value, the set of live documents that carry it; and documents by date: the dated
    ones newest first, then those without a date (which come last in either sort direction)."""

    live: int
    values: dict[str, dict[str, int]]
    newest_first: list[int]
    size: int
    codes: dict[str, FacetCodes]
    undated: list[int]

    def by_date(self, oldest: bool = False) -> Iterator[int]:
        """Live docnums in date order; documents without a date last, in either direction."""
        yield from (reversed(self.newest_first) if oldest else self.newest_first)
        yield from self.undated

    @classmethod
    def build(cls, reader) -> "FacetIndex":
        size = reader.doc_count_all()
        live_docs = np.fromiter(reader.all_doc_ids(), dtype=np.int64)
        live = bitsets.from_array(live_docs, size)
        values: dict[str, dict[str, int]] = {}
        codes: dict[str, FacetCodes] = {}
        for facet in FACETS:
            name = schema.FACET_FIELDS[facet]
            docs_of: dict[str, np.ndarray] = {}
            bits_of: dict[str, int] = {}
            for raw in reader.lexicon(name):
                value = raw.decode("utf-8")
                docs = postings.read_postings(reader, name, value).docs
                bits = bitsets.from_array(docs, size) & live
                if bits:
                    docs_of[value], bits_of[value] = docs, bits
            values[facet] = bits_of
            codes[facet] = FacetCodes.build(docs_of, bits_of, size)
        dates = postings.numeric_column(reader, schema.DATE_COLUMN)[live_docs]
        order = np.lexsort((live_docs, -dates))  # newest first; equal dates by docnum
        known = dates[order] != schema.UNKNOWN_DATENUM
        return cls(live=live, values=values, newest_first=live_docs[order][known].tolist(), size=size,
                   codes=codes, undated=live_docs[order][~known].tolist())

    def value_bits(self, facet: str, value: str) -> int:
        if facet == "year" and value != UNKNOWN_YEAR:
            bits = 0
            for year in years_of(value):
                bits |= self.values["year"].get(str(year), 0)
            return bits
        return self.values[facet].get(value, 0)

    def selection_bits(self, facet: str, selected: tuple[str, ...]) -> int | None:
        """OR of the selected values; None when nothing is selected (no restriction)."""
        if not selected:
            return None
        bits = 0
        for value in selected:
            bits |= self.value_bits(facet, value)
        return bits

    def filter_bits(self, params: SearchParams, skip: str | None = None) -> int:
        """AND over facets (but `skip`) of each facet's selection."""
        bits = self.live
        for facet in FACETS:
            if facet != skip:
                selection = self.selection_bits(facet, params.selected(facet))
                if selection is not None:
                    bits &= selection
        return bits

    def facets(self, params: SearchParams, matched: int, taxonomy: Taxonomy) -> dict[str, Facet]:
        bases: dict[int, dict[str, dict[str, int]]] = {}  # facets without a selection share one base
        result = {}
        for facet in FACETS:
            base = matched & self.filter_bits(params, skip=facet)
            counts = bases.setdefault(base, {})
            if not counts:
                counts.update(self._all_counts(base))
            result[facet] = self._facet(facet, params, counts[facet], taxonomy)
        return result

    def _all_counts(self, base: int) -> dict[str, dict[str, int]]:
        """Every facet's value counts over `base`: gathering value rows costs per document in the set,
        popcounting costs per value and index size, so small sets gather and large ones popcount."""
        if base.bit_count() * GATHER_BELOW < self.size:
            docs = bitsets.to_array(base, self.size)
            return {facet: self.codes[facet].counts_of_docs(docs) for facet in FACETS}
        words = bitsets.to_words(base, self.size)
        return {facet: self.codes[facet].counts_of_words(words) for facet in FACETS}

    def _facet(self, facet: str, params: SearchParams, counts: dict[str, int], taxonomy: Taxonomy) -> Facet:
        selected = set(params.selected(facet))
        if facet == "year":
            buckets = _year_buckets(counts, selected)
        elif facet == "region":
            buckets = _region_buckets(counts, selected, taxonomy)
        else:
            shown = [v for v, c in counts.items() if c or v in selected]
            shown += [v for v in selected if v not in counts]
            shown.sort(key=lambda v: (-counts.get(v, 0), _label(taxonomy, facet, v).lower()))
            buckets = [FacetBucket(v, _label(taxonomy, facet, v), counts.get(v, 0), v in selected) for v in shown]
        return Facet(facet, FACET_LABELS[facet], buckets)


def _label(taxonomy: Taxonomy, facet: str, value: str) -> str:
    if facet == "type":
        term = taxonomy.get("type", value)
        return (term.plural or term.label) if term else value
    return taxonomy.label(facet, value)


def _region_buckets(counts: dict[str, int], selected: set[str], taxonomy: Taxonomy) -> list[FacetBucket]:
    """The region tree, pruned to values with documents (and selected ones), children by count."""
    shown = {v for v, c in counts.items() if c} | selected
    for value in list(selected):
        shown.update(taxonomy.ancestors(value))  # a selected place stays reachable in the tree
    tree = _region_tree(taxonomy)
    buckets: list[FacetBucket] = []

    def walk(parent: str | None) -> None:
        children = [term for term in tree.get(parent, ()) if term.id in shown]
        children.sort(key=lambda term: -counts.get(term.id, 0))  # stable: equal counts stay by label
        for term in children:
            buckets.append(FacetBucket(term.id, term.label, counts.get(term.id, 0), term.id in selected,
                                       level=term.level, parent=parent))
            walk(term.id)

    walk(None)
    return buckets


@lru_cache(maxsize=8)
def _region_tree(taxonomy: Taxonomy) -> dict[str | None, tuple]:
    """Parent -> its child regions sorted by label, for every region that has children."""
    tree: dict[str | None, tuple] = {}
    pending: list[str | None] = [None]
    while pending:
        parent = pending.pop()
        children = sorted(taxonomy.children("region", parent), key=lambda term: term.label.lower())
        if children:
            tree[parent] = tuple(children)
            pending.extend(term.id for term in children)
    return tree


def _year_buckets(counts: dict[str, int], selected: set[str]) -> list[FacetBucket]:
    """CMK periods, newest first, each with its years; years outside any period stand alone."""
    buckets: list[FacetBucket] = []
    placed: set[str] = set()
    for period in sorted(PERIODS, reverse=True):
        years = [str(y) for y in sorted(PERIODS[period], reverse=True)]
        year_buckets = [FacetBucket(y, y, counts.get(y, 0), y in selected, "jaar", period)
                        for y in years if counts.get(y, 0) or y in selected]
        placed.update(years)
        total = sum(counts.get(str(year), 0) for year in years_of(period))  # one year per document
        if total or period in selected or year_buckets:
            buckets.append(FacetBucket(period, f"CMK {period.replace('-', '–')}", total, period in selected,
                                       "periode", None))
            buckets.extend(year_buckets)
    others = sorted((y for y in set(counts) | selected
                     if y not in placed and y not in PERIODS and y != UNKNOWN_YEAR), reverse=True)
    buckets.extend(FacetBucket(y, y, counts.get(y, 0), y in selected, "jaar", None)
                   for y in others if counts.get(y, 0) or y in selected)
    if counts.get(UNKNOWN_YEAR, 0) or UNKNOWN_YEAR in selected:  # after every year, like in a date sort
        buckets.append(FacetBucket(UNKNOWN_YEAR, UNKNOWN_YEAR_LABEL, counts.get(UNKNOWN_YEAR, 0),
                                   UNKNOWN_YEAR in selected, "jaar", None))
    return buckets
