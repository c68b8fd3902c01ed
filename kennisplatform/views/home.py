"""The home page: a search box, the themes and regions with their counts, the newest documents per type."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template

from ..params import SearchParams
from ..placemap import build_place_map, counts_of
from ..results import FacetBucket, Hit
from ..services import services
from .browse import KINDS
from .search import filter_url

bp = Blueprint("home", __name__)
NEWEST = 3


@dataclass
class TypeSection:
    type_id: str
    label: str  # plural: "Voorbeeldprojecten"
    kind: str  # URL segment of the browse page
    total: int
    newest: list[Hit]


@bp.get("/")
def index():
    svc = services()
    overview = svc.engine.search(SearchParams(per_page=1))
    themes = overview.facets["theme"].buckets if "theme" in overview.facets else []
    regions = _regions(overview.facets["region"].buckets if "region" in overview.facets else [])
    sections = []
    for kind, type_id in KINDS.items():
        result = svc.engine.search(SearchParams(type=(type_id,), sort="newest", per_page=NEWEST), with_facets=False)
        term = svc.taxonomy.get("type", type_id)
        label = (term.plural or term.label) if term else type_id
        sections.append(TypeSection(type_id, label, kind, result.total, result.hits))
    # The same map as the search page's region facet; a place is a link to its search, like the list beside it.
    place_map = build_place_map(svc.taxonomy, counts_of(overview.facets["region"].buckets), set(),
                                lambda value: filter_url("region", value)) if "region" in overview.facets else None
    return render_template("home.html", total=overview.total, themes=sorted(themes, key=lambda b: b.label.lower()),
                           regions=regions, sections=sections, place_map=place_map)


def _regions(buckets: list[FacetBucket]) -> list[FacetBucket]:
    """The regions of Zuid-Holland, then what lies beyond the country (Flanders, abroad)."""
    inside = [b for b in buckets if b.level == "regio"]
    beyond = [b for b in buckets if b.level == "overig"]
    return sorted(inside, key=lambda b: b.label.lower()) + beyond
