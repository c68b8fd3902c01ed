"""A page per place: what has been done in a municipality, region or province. One `PlaceResult` gives the
HTML page and its JSON twin: the place, its documents by type (newest first), the themes with counts, the
places around it and the counts per municipality for the map."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import NotFound
from .params import SearchParams
from .results import FacetBucket, Hit, Value
from .taxonomy import Taxonomy

PER_TYPE = 5  # newest documents listed per type; the rest is one link away


@dataclass
class TypeGroup:
    type: str
    label: str  # plural: "Voorbeeldprojecten"
    total: int
    hits: list[Hit]


@dataclass
class Nearby:
    """A place around this one, with its number of documents."""

    id: str
    label: str
    level: str | None
    count: int


@dataclass
class PlaceResult:
    place: Value
    level: str | None  # land, provincie, regio, gemeente, overig
    ancestors: list[Value]  # parent first
    total: int
    groups: list[TypeGroup]
    themes: list[FacetBucket]
    parts: list[Nearby]  # the places inside this one (a region's municipalities)
    around: list[Nearby]  # the places beside it (same parent)
    counts: dict[str, int] = field(default_factory=dict)  # region value -> documents (for the map)

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": asdict(self.place),
            "level": self.level,
            "ancestors": [asdict(a) for a in self.ancestors],
            "total": self.total,
            "documents_by_type": [{"type": g.type, "label": g.label, "total": g.total,
                                   "hits": [asdict(h) for h in g.hits]} for g in self.groups],
            "themes": [{"id": b.value, "label": b.label, "count": b.count} for b in self.themes],
            "parts": [asdict(n) for n in self.parts],
            "around": [asdict(n) for n in self.around],
            "counts": self.counts,
        }


def place_result(engine, taxonomy: Taxonomy, region_id: str, per_type: int = PER_TYPE) -> PlaceResult:
    """NotFound (Dutch) for a value that is not a place of the taxonomy."""
    term = taxonomy.get("region", region_id)
    if term is None:
        raise NotFound(f"Plaats of regio '{region_id[:60]}' bestaat niet.")
    overview = engine.search(SearchParams(region=(term.id,), per_page=1))
    counts = {b.value: b.count for b in overview.facets["region"].buckets} if "region" in overview.facets else {}
    # The region facet is disjunctive (it ignores its own selection): these are counts over all documents,
    # which is what the map and the places around want.
    groups = []
    type_buckets = overview.facets["type"].buckets if "type" in overview.facets else []
    for bucket in type_buckets:
        if not bucket.count:
            continue
        listed = engine.search(SearchParams(region=(term.id,), type=(bucket.value,), sort="newest",
                                            per_page=per_type), with_facets=False)
        groups.append(TypeGroup(bucket.value, bucket.label, bucket.count, listed.hits))
    themes = [b for b in overview.facets["theme"].buckets if b.count] if "theme" in overview.facets else []
    return PlaceResult(
        place=Value(term.id, term.label), level=term.level,
        ancestors=[Value(a, taxonomy.label("region", a)) for a in taxonomy.ancestors(term.id)],
        total=overview.total, groups=groups, themes=themes,
        parts=_nearby(taxonomy.children("region", term.id), counts),
        around=[n for n in _nearby(taxonomy.children("region", term.parent), counts) if n.id != term.id],
        counts=counts)


def _nearby(terms, counts: dict[str, int]) -> list[Nearby]:
    """Places with their counts, most documents first (then by name)."""
    places = [Nearby(t.id, t.label, t.level, counts.get(t.id, 0)) for t in terms]
    return sorted(places, key=lambda n: (-n.count, n.label.lower()))
