"""Facet counting with disjunctive semantics, on bitsets computed once per index reader.

Within a facet, selected values combine with OR; across facets, with AND. Each facet is counted over
the documents that match the query and every *other* facet's selection, so its own selection does not
hide the alternatives (as Algolia's disjunctive faceting does). Multi-valued fields count every value:
a document about two regions counts once for each."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from . import bitsets, schema
from .params import FACET_LABELS, FACETS, PERIODS, UNKNOWN_YEAR, UNKNOWN_YEAR_LABEL, SearchParams, years_of
from .results import Facet, FacetBucket
from .taxonomy import Taxonomy


# A dead end decides the query again for each combination of selected values (SearchEngine._listing), at most this
# many: each is a search of its own. Beyond it, once for the whole selection. Its facet values are counted by ticking
# each (_ticked_counts) when a facet offers at most this many; the regions above a selected one always.
MOST_CELLS = 16
GATHER_BELOW = 32  # sets below 1/32 of the index gather rows (crossover measured at 10k and 100k: ~1/40)


@dataclass
class FacetCodes:
    """One facet's values in two layouts for counting. `rows`: row d lists the value numbers of document
    d, padded with -1; a small result set gathers its rows. `packed`: each value's documents as
    64-bit words; a large result set is ANDed with all of them at once and popcounted."""

    names: list[str]
    rows: np.ndarray
    packed: np.ndarray

    def bits(self) -> dict[str, int]:
        """Each value's live documents as a bitset."""
        return {name: int.from_bytes(self.packed[number].tobytes(), "little")
                for number, name in enumerate(self.names)}

    def counts_of_docs(self, docs: np.ndarray) -> dict[str, int]:
        found = np.bincount(self.rows[docs].ravel() + 1, minlength=len(self.names) + 1)  # -1 -> bin 0
        return dict(zip(self.names, found[1:].tolist()))

    def counts_of_words(self, words: np.ndarray) -> dict[str, int]:
        found = np.bitwise_count(self.packed & words).sum(axis=1, dtype=np.int64)
        return dict(zip(self.names, found.tolist()))


class FacetIndex:
    """Per facet, per value, the set of live documents that carry it; and documents by date: the dated
    ones newest first, then those without a date (which come last in either sort direction). Built from
    the segments' memory-mapped sidecars (sidecars.ReaderArrays) in milliseconds, so a new reader after
    a save is ready at once."""

    def __init__(self, live: int, values: dict[str, dict[str, int]], size: int, codes: dict[str, FacetCodes],
                 live_docs: np.ndarray, dates: np.ndarray):
        self.live = live
        self.values = values
        self.size = size
        self.codes = codes
        self._live_docs = live_docs
        self._dates = dates

    @classmethod
    def build(cls, arrays) -> "FacetIndex":
        size = arrays.size
        live_words = bitsets.mask_to_words(arrays.live_mask)
        values: dict[str, dict[str, int]] = {}
        codes: dict[str, FacetCodes] = {}
        for facet in FACETS:
            codes[facet] = FacetCodes(*arrays.facet_values(schema.FACET_FIELDS[facet], live_words))
            values[facet] = codes[facet].bits()
        live = int.from_bytes(live_words.tobytes(), "little")
        return cls(live, values, size, codes, np.flatnonzero(arrays.live_mask), arrays.dates())

    @cached_property
    def _date_order(self) -> tuple[list[int], list[int]]:
        """(dated live docnums newest first, equal dates by docnum; undated ones), sorted on first use: only
        date order needs it."""
        dates = self._dates[self._live_docs]
        order = np.lexsort((self._live_docs, -dates))
        known = dates[order] != schema.UNKNOWN_DATENUM
        ordered = self._live_docs[order]
        return ordered[known].tolist(), ordered[~known].tolist()

    @property
    def newest_first(self) -> list[int]:
        return self._date_order[0]

    @property
    def undated(self) -> list[int]:
        return self._date_order[1]

    def by_date(self, oldest: bool = False) -> Iterator[int]:
        """Live docnums in date order; documents without a date last, in either direction."""
        yield from (reversed(self.newest_first) if oldest else self.newest_first)
        yield from self.undated

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

    def cells(self, params: SearchParams, most: int | None = None) -> list[int] | None:
        """The documents of each combination of one selected value per facet (the filters select their union), in
        the order of the facets and of their selected values; those without documents left out. None when there
        are more than `most`: many values ticked in several facets make combinations by the thousand."""
        cells = [self.live]
        for facet in FACETS:
            selected = params.selected(facet)
            if selected:
                values = [self.value_bits(facet, value) for value in selected]
                cells = list(dict.fromkeys(cell & bits for cell in cells for bits in values if cell & bits))
                if len(cells) > (MOST_CELLS if most is None else most):
                    return None
        return cells

    def facets(self, params: SearchParams, bases: dict[str, int], listed: int, taxonomy: Taxonomy,
               ticking: dict[str, Callable[[str], int]] | None = None) -> dict[str, Facet]:
        """Each facet's values counted over its base: the documents the search without that facet's own
        selection lists (SearchEngine._facet_bases). A value within the selection (selected, a place or year
        below a selected one) counts what the page lists of it: the query is relaxed under the filters it
        has, so the search without the selection can list fewer of it than the page shows. `ticking`: for a
        facet whose values are counted over what ticking each lists (where the search decided the query again
        under a selection, SearchEngine._ticking), the listing with a value added to the facet's selection."""
        # Facets without a selection share one base; a facet with one is counted alone over its own.
        by_base: dict[int, list[str]] = {}
        for facet in FACETS:
            by_base.setdefault(bases[facet], []).append(facet)
        counts: dict[str, dict[str, int]] = {}
        for base, facets in by_base.items():
            counts.update(self._counts(base, facets))
        for facet in FACETS:
            selection = self.selection_bits(facet, params.selected(facet))
            if selection is not None and bases[facet] & selection != listed:
                shown = self._counts(listed, [facet])[facet]
                counts[facet].update({value: count for value, count in shown.items()
                                      if self.value_bits(facet, value) & ~selection == 0})
        for facet, ticked in (ticking or {}).items():
            counts[facet].update(self._ticked_counts(facet, params.selected(facet), counts[facet], ticked, taxonomy))
        return {facet: self._facet(facet, params, counts[facet], taxonomy) for facet in FACETS}

    def _ticked_counts(self, facet: str, selected: tuple[str, ...], counts: dict[str, int],
                       ticked: Callable[[str], int], taxonomy: Taxonomy) -> dict[str, int]:
        """The values outside the selection that the facet offers (a count over its base, or a region above a
        selected one, shown in the tree), each counted over the listing that ticking it gives: a region the
        query lists nothing of in the base, above a selected place whose listing was decided again, counted 0
        below the place's 2."""
        selection = self.selection_bits(facet, selected)
        offered = {value for value, count in counts.items() if count}
        if len(offered) > MOST_CELLS:
            offered = set()  # each is a search of its own: beyond MOST_CELLS the base's counts stand
        if facet == "region":
            offered.update(ancestor for value in selected for ancestor in taxonomy.ancestors(value))
        return {value: (ticked(value) & self.value_bits(facet, value)).bit_count() for value in offered
                if value not in selected and self.value_bits(facet, value) & ~selection}

    def _counts(self, base: int, facets: list[str]) -> dict[str, dict[str, int]]:
        """The facets' value counts over `base`: gathering value rows costs per document in the set,
        popcounting costs per value and index size, so small sets gather and large ones popcount."""
        if base.bit_count() * GATHER_BELOW < self.size:
            docs = bitsets.to_array(base, self.size)
            return {facet: self.codes[facet].counts_of_docs(docs) for facet in facets}
        words = bitsets.to_words(base, self.size)
        return {facet: self.codes[facet].counts_of_words(words) for facet in facets}

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
