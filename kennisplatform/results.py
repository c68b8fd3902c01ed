"""What a search returns: plain dataclasses that render to HTML (templates) and JSON (`to_dict`)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .params import format_count


@dataclass(frozen=True)
class Value:
    """A taxonomy value as shown on a result: id for links, label for people."""

    id: str
    label: str


@dataclass
class Hit:
    id: str
    type: str
    type_label: str
    title: str
    date: str | None  # ISO date, YYYY-MM-DD; None when unknown
    summary: str
    snippet: str  # HTML: text escaped, matches wrapped in <mark>
    themes: list[Value] = field(default_factory=list)
    regions: list[Value] = field(default_factory=list)
    source_url: str | None = None
    score: float | None = None
    # Not a match of the query: a page like the first results, listed after them on a first page they do not fill
    # (search.SearchEngine._similar); counted in neither `total` nor the facets.
    similar: bool = False

    @property
    def site(self) -> str | None:
        """The web site the document comes from, shown beside its date: an imported page's own title is often
        only "Educatie" or "Jeugd"."""
        return site_of(self.source_url)


def site_of(url: str | None) -> str | None:
    """A source address's web site as readers know it: "https://www.stichtingerfgoedstein.nl/educatie" ->
    "stichtingerfgoedstein.nl"; None for no address or one without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # an address that an editor or an old file wrote wrong: no site rather than an error
        return None
    return host.removeprefix("www.") or None


@dataclass
class FacetBucket:
    value: str
    label: str
    count: int
    selected: bool
    level: str | None = None  # regions: land/provincie/regio/gemeente/overig; year: periode/jaar
    parent: str | None = None  # the value of the bucket one level up, for hierarchical facets


@dataclass
class Facet:
    name: str
    label: str
    buckets: list[FacetBucket]

    def tree(self) -> list[dict[str, Any]]:
        """Buckets nested under their parents: [{"bucket": b, "children": [...]}, ...]."""
        nodes = {b.value: {"bucket": b, "children": []} for b in self.buckets}
        roots = []
        for bucket in self.buckets:
            parent = nodes.get(bucket.parent) if bucket.parent else None
            (parent["children"] if parent else roots).append(nodes[bucket.value])
        return roots

    @property
    def selected(self) -> list[FacetBucket]:
        return [b for b in self.buckets if b.selected]


@dataclass
class Relaxation:
    """What was done to a query: it found nothing with all its words as typed, or it had a word no
    document has and was spelling-corrected (also when it found something: the message says which)."""

    kind: str  # "any-words" (some words dropped), "parts" (a compound no document has, searched as its parts),
    # "corrected" (spelling corrected), "phrase" (a quoted phrase no document has, searched as its words) or
    # "wider-place" (a place no document has, searched as the region or province it lies in)
    original: str
    used: str  # the query searched, as the search syntax writes it ("erfgoed OR ruimtevaart")
    message: str  # Dutch, e.g. "Geen resultaten voor ...; wel voor ..."
    shown: str = ""  # the query as the page names it ("erfgoed ruimtevaart"): `used` without syntax

    def __post_init__(self):
        self.shown = self.shown or self.used


@dataclass
class Suggestion:
    """A better-spelled query with more results: "Bedoelde u ...?"."""

    query: str
    total: int


@dataclass
class FilterDrop:
    """On an empty result: dropping this one selected value would give `total` results."""

    facet: str
    value: str
    label: str
    total: int


@dataclass
class PlaceFilter:
    """The query names a place: "Alleen Den Haag?" offers its region filter, with the results it keeps."""

    value: str  # region id
    label: str
    total: int


@dataclass
class PlaceWithin:
    """The query names a place that lies in a region of the taxonomy, a village or former municipality: "Numansdorp
    ligt in Hoeksche Waard." says why that region's pages are listed, also where no page names the place."""

    name: str  # as the place is written: "Numansdorp", "'s-Gravendeel"
    value: str  # the region's id
    label: str


@dataclass
class SearchResult:
    params: Any  # SearchParams (kept loose to avoid an import cycle)
    total: int
    hits: list[Hit]
    facets: dict[str, Facet]
    relaxation: Relaxation | None = None
    suggestion: Suggestion | None = None
    filter_drops: list[FilterDrop] = field(default_factory=list)
    query_error: str | None = None  # a Dutch note when the query was only partly understood
    place_filter: PlaceFilter | None = None
    place_within: PlaceWithin | None = None
    # Of `total`, the documents with every word of a short query, when fewer: the others fill the page with some of
    # its words, or of a compound's parts (None otherwise).
    complete: int | None = None
    # Related words of the field through which listed documents without the query's own word were found
    # ("levensbeschouwing": synagoge, moskee), as the page names them.
    related: list[str] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.params.page

    @property
    def complete_note(self) -> str | None:
        """What the page and the command line say of `complete` (and `related`): "3 resultaten met het hele woord;
        ...", "Geen resultaten met alle zoekwoorden; wel met een deel ervan of een verwant woord: synagoge."."""
        if self.complete is None:
            return None
        several = " " in self.params.q.strip()
        whole = "alle zoekwoorden" if several else "het hele woord"
        related = f" of een verwant woord: {', '.join(self.related)}" if self.related else ""
        if not self.complete and related:
            return f"Geen resultaten met {whole}; wel met een deel ervan{related}."
        others = "de andere hebben er een deel van" if several else "de andere hebben een deel ervan"
        return f"{format_count(self.complete)} met {whole}; {others}{related}."

    @property
    def related_note(self) -> str | None:
        """The related words that found more, where complete_note does not already name them."""
        if not self.related or self.complete is not None:
            return None
        return f"Ook gevonden met {'verwante woorden' if len(self.related) > 1 else 'het verwante woord'}: " \
               f"{', '.join(self.related)}."

    @property
    def per_page(self) -> int:
        return self.params.per_page

    @property
    def found_as_typed(self) -> int:
        """The results counted as found for the search log: none when a compound that no document has was searched
        as its parts ("cultuurkaartjes" listing pages about "cultuur") or a place as the region around it, which is
        what the searcher missed."""
        return 0 if self.relaxation is not None and self.relaxation.kind in ("parts", "wider-place") else self.total

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.params.to_dict(),
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "hits": [asdict(h) for h in self.hits],
            "facets": {
                name: [asdict(b) for b in facet.buckets] for name, facet in self.facets.items()
            },
            "relaxation": asdict(self.relaxation) if self.relaxation else None,
            "suggestion": asdict(self.suggestion) if self.suggestion else None,
            "filter_drops": [asdict(d) for d in self.filter_drops],
            "query_error": self.query_error,
            "place_filter": asdict(self.place_filter) if self.place_filter else None,
            "place_within": asdict(self.place_within) if self.place_within else None,
            "complete": self.complete,
            "related": self.related,
        }
