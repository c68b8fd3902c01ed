"""The search page (/zoeken) and its JSON twin (/zoeken.json), plus what every page that shows a search
needs: URL helpers (also Jinja globals) and the page model the template renders.

The view computes everything once into a `SearchPage`; the template only renders it. The HTML page and the
JSON twin come from the same `SearchResult`, so they cannot drift apart."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, render_template, request, url_for
from werkzeug.routing import BuildError

from .. import searchlog
from ..errors import InvalidParameter
from ..highlight import lead
from ..params import FACET_LABELS, FACETS, SORTS, SearchParams, format_count, year_label
from ..placemap import PlaceMap, build_place_map, counts_of
from ..results import Facet, FacetBucket, SearchResult
from ..services import services
from ..timeline import Timeline, build_timeline

bp = Blueprint("search", __name__)

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
# The usual Dutch abbreviations: March is "mrt.", not its first three letters.
SHORT_MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec.")
FACET_VISIBLE = 6  # longer facet lists show this many values and a "toon meer" for the rest
TREE_FACETS = ("region", "year")
ALWAYS_OPEN_LEVELS = ("land", "provincie")  # region tree: these levels are not collapsed
_SLUG_MARK = "slug-placeholder"  # region ids are slugs: a place URL is this one with the id put in


# -- URL helpers (Jinja globals too) -------------------------------------------------------------------
def url_with_args(endpoint: str, args: list[tuple[str, str]], **values) -> str:
    base = url_for(endpoint, **values)
    return f"{base}?{urlencode(args)}" if args else base


def search_url(params: SearchParams | None = None, **changes) -> str:
    """The /zoeken address of `params` (changed by keyword, e.g. page=2); a new search if None."""
    params = params or SearchParams()
    if changes:
        params = params.with_changes(**changes)
    return url_with_args("search.search", params.to_args())


def toggle_url(params: SearchParams, facet: str, value: str) -> str:
    """/zoeken with `value` added to or removed from `facet`, back on page 1."""
    return search_url(params.toggle(facet, value))


def filter_url(facet: str, value: str) -> str:
    """A fresh search filtered on one value: what metadata links on documents point to."""
    return search_url(SearchParams(**{facet: (value,)}))


def place_url(region_id: str) -> str | None:
    """The page of a place (/regio/<id>), or None when place pages are switched off."""
    return optional_url("places.place", slug=region_id)


def optional_url(endpoint: str, **values) -> str | None:
    """url_for, or None when that endpoint is not registered (a feature that is switched off)."""
    try:
        return url_for(endpoint, **values)
    except BuildError:
        return None


def format_date(value: str | dt.date | None, short: bool = False) -> str:
    """'2023-06-22' -> '22 juni 2023' (short: '22 juni 2023', '14 mrt. 2024'); no date -> 'datum onbekend'."""
    if not value:
        return "datum onbekend"
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    month = (SHORT_MONTHS if short else MONTHS)[value.month - 1]
    return f"{value.day} {month} {value.year}"


@bp.app_template_global("search_url")
def _search_url_global(params: SearchParams | None = None, **changes) -> str:
    return search_url(params, **changes)


bp.add_app_template_global(toggle_url, "toggle_url")
bp.add_app_template_global(filter_url, "filter_url")
bp.add_app_template_global(optional_url, "optional_url")
bp.add_app_template_global(place_url, "place_url")
bp.add_app_template_filter(format_date, "nl_date")
bp.add_app_template_filter(format_count, "nl_count")
bp.add_app_template_filter(lead, "lead")  # the summary beside a title, or "": as the document page decides


@bp.app_context_processor
def _labels() -> dict:
    return {"facet_labels": FACET_LABELS}


# -- the page model -------------------------------------------------------------------------------------
@dataclass
class BucketView:
    bucket: FacetBucket
    url: str  # toggles this value
    input_id: str
    children: list["BucketView"] = field(default_factory=list)
    place_url: str | None = None  # regions: the place's own page (a secondary link; the box filters)

    @property
    def disabled(self) -> bool:
        """A selected value that no longer has results stays visible, greyed and disabled."""
        return self.bucket.selected and self.bucket.count == 0

    @property
    def collapsible(self) -> bool:
        return bool(self.children) and self.bucket.level not in ALWAYS_OPEN_LEVELS

    @property
    def open(self) -> bool:
        """An expanded subtree: when something inside it is selected."""
        return any(c.bucket.selected or c.open for c in self.children)


@dataclass
class FacetView:
    name: str
    label: str
    items: list[BucketView]  # shown at once
    more: list[BucketView]  # behind "toon meer"
    tree: bool

    @property
    def more_open(self) -> bool:
        return any(b.bucket.selected for b in self.more)

    @property
    def selected_count(self) -> int:
        return sum(1 for b in self.items + self.more if b.bucket.selected)


@dataclass
class Chip:
    facet_label: str
    label: str
    url: str  # removes this value


@dataclass
class PageLink:
    number: int | None  # None: a gap ("…")
    url: str | None
    current: bool = False


@dataclass
class SortOption:
    key: str
    label: str
    url: str
    current: bool


@dataclass
class SearchPage:
    """Everything the search template shows, computed once from params and result."""

    params: SearchParams
    result: SearchResult
    url: Callable[[SearchParams], str]  # the address of a state of this page
    action: str  # where the forms submit to
    title: str
    heading: str
    intro: str | None = None
    preset: dict[str, str] = field(default_factory=dict)  # facet -> value fixed by the page (browse pages)
    json_url: str | None = None
    feed_url: str | None = None
    csv_url: str | None = None
    excel_url: str | None = None
    facets: list[FacetView] = field(default_factory=list)
    chips: list[Chip] = field(default_factory=list)
    clear_url: str | None = None
    sorts: list[SortOption] = field(default_factory=list)
    pagination: list[PageLink] = field(default_factory=list)
    prev_url: str | None = None
    next_url: str | None = None
    hidden: list[tuple[str, str]] = field(default_factory=list)  # the state the facet form carries along
    place_map: PlaceMap | None = None  # the region facet as a map; its areas toggle like the boxes
    timeline: Timeline | None = None  # the year facet as bars; bars and periods toggle like the boxes
    query_hidden: list[tuple[str, str]] = field(default_factory=list)  # ... and the search box (the filters)

    @property
    def first(self) -> int:
        return (self.params.page - 1) * self.params.per_page + 1

    @property
    def last(self) -> int:
        return self.first + len(self.result.hits) - 1

    @property
    def beyond_last_page(self) -> bool:
        return self.result.total > 0 and not self.result.hits

    @property
    def last_page_url(self) -> str:
        return self.url(self.params.with_changes(page=self.result.pages))

    def value_url(self, facet: str, value: str) -> str:
        """Add a value to the current search (the theme and region links on a result); page 1."""
        if value in self.params.selected(facet):
            return self.url(self.params.with_changes(page=1))
        return self.url(self.params.toggle(facet, value))


def build_page(params: SearchParams, result: SearchResult, *, endpoint: str, title: str, heading: str,
               intro: str | None = None, preset: dict[str, str] | None = None, **endpoint_values) -> SearchPage:
    preset = preset or {}
    url = _state_urls(url_for(endpoint, **endpoint_values), preset)
    page = SearchPage(params=params, result=result, url=url, action=url_for(endpoint, **endpoint_values),
                      title=title, heading=heading, intro=intro, preset=preset)
    args = _args_without(params, preset)
    page.json_url = url_with_args(endpoint + "_json", args, **endpoint_values)
    feed_args = [(k, v) for k, v in params.to_args() if k not in ("page", "per_page")]
    page.feed_url = _optional_with_args("exports.feed", feed_args)
    page.csv_url = _optional_with_args("exports.export_csv", feed_args)
    page.excel_url = _optional_with_args("exports.export_excel", feed_args)
    page.facets = [_facet_view(result.facets[name], params, url) for name in FACETS
                   if name in result.facets and name not in preset]
    page.chips = _chips(params, result, preset, url)
    page.place_map, page.timeline = _pictures(params, result, preset, url)
    page.clear_url = url(params.without_filters()) if page.chips else None
    # Without a query there is nothing to rank: the engine lists newest first, and so does the page.
    current_sort = "newest" if not params.q and params.sort == "relevance" else params.sort
    page.sorts = [SortOption(key, label, url(params.with_changes(sort=key, page=1)), key == current_sort)
                  for key, label in SORTS.items() if params.q or key != "relevance"]
    page.pagination = _pagination(params.page, result.pages, lambda n: url(params.with_changes(page=n)))
    if params.page > 1:
        page.prev_url = url(params.with_changes(page=min(params.page - 1, result.pages)))
    if params.page < result.pages:
        page.next_url = url(params.with_changes(page=params.page + 1))
    page.hidden = [(k, v) for k, v in args if k in ("q", "sort", "per_page", "exact")]
    # A new query in the box is corrected again: "as typed" belongs to the query it was asked for.
    page.query_hidden = [(k, v) for k, v in args if k not in ("q", "page", "exact")]
    return page


def _pictures(params: SearchParams, result: SearchResult, preset: dict[str, str],
              url: Callable[[SearchParams], str]) -> tuple[PlaceMap | None, Timeline | None]:
    """The map and the timeline of the region and year facets, with exactly the facet list's toggles."""
    place_map = timeline = None
    region, year = result.facets.get("region"), result.facets.get("year")
    if region is not None and "region" not in preset:
        place_map = build_place_map(services().taxonomy, counts_of(region.buckets), set(params.region),
                                    lambda value: url(params.toggle("region", value)))
    if year is not None and "year" not in preset:
        timeline = build_timeline(year, lambda value: url(params.toggle("year", value)))
    return place_map, timeline


def _state_urls(base: str, preset: dict[str, str]) -> Callable[[SearchParams], str]:
    """The address of a state of a page, as url_with_args gives it. A page links to a hundred or more states
    (every facet value, shape and bar toggles one): the route is built once and each argument encoded once."""
    encoded: dict[tuple[str, str], str] = {}

    def pair(arg: tuple[str, str]) -> str:
        text = encoded.get(arg)
        if text is None:
            text = encoded[arg] = urlencode([arg])
        return text

    def url(p: SearchParams) -> str:
        args = _args_without(p, preset)
        return f"{base}?{'&'.join(map(pair, args))}" if args else base

    return url


def _args_without(params: SearchParams, preset: dict[str, str]) -> list[tuple[str, str]]:
    return [(k, v) for k, v in params.to_args() if k not in preset]


def _optional_with_args(endpoint: str, args: list[tuple[str, str]]) -> str | None:
    base = optional_url(endpoint)
    if base is None:
        return None
    return f"{base}?{urlencode(args)}" if args else base


def _facet_view(facet: Facet, params: SearchParams, url: Callable[[SearchParams], str]) -> FacetView:
    places = place_url(_SLUG_MARK) if facet.name == "region" else None  # one url_for, not one per value

    def view(bucket: FacetBucket) -> BucketView:
        return BucketView(bucket, url(params.toggle(facet.name, bucket.value)),
                          f"f-{facet.name}-{bucket.value}",
                          place_url=places.replace(_SLUG_MARK, bucket.value) if places else None)

    if facet.name in TREE_FACETS:
        def build(node: dict) -> BucketView:
            item = view(node["bucket"])
            item.children = [build(child) for child in node["children"]]
            return item

        return FacetView(facet.name, facet.label, [build(n) for n in facet.tree()], [], tree=True)
    items = [view(b) for b in facet.buckets]
    if len(items) > FACET_VISIBLE + 1:
        return FacetView(facet.name, facet.label, items[:FACET_VISIBLE], items[FACET_VISIBLE:], tree=False)
    return FacetView(facet.name, facet.label, items, [], tree=False)


def _chips(params: SearchParams, result: SearchResult, preset: dict[str, str],
           url: Callable[[SearchParams], str]) -> list[Chip]:
    taxonomy = services().taxonomy
    chips = []
    for name in FACETS:
        if name in preset:
            continue
        labels = {b.value: b.label for b in result.facets[name].buckets} if name in result.facets else {}
        for value in params.selected(name):
            label = labels.get(value) or (year_label(value) if name == "year" else taxonomy.label(name, value))
            chips.append(Chip(FACET_LABELS[name], label, url(params.toggle(name, value))))
    return chips


def _pagination(current: int, pages: int, url: Callable[[int], str], around: int = 2) -> list[PageLink]:
    """1 … 4 5 [6] 7 8 … 20: the first, the last and a window around the current page."""
    if pages <= 1:
        return []
    shown = {1, pages, *range(max(1, current - around), min(pages, current + around) + 1)}
    links: list[PageLink] = []
    previous = 0
    for n in sorted(shown):
        if n - previous == 2:
            links.append(PageLink(n - 1, url(n - 1)))  # a gap of one page: show the page, not "…"
        elif n - previous > 2:
            links.append(PageLink(None, None))
        links.append(PageLink(n, url(n), n == current))
        previous = n
    return links


# -- views ----------------------------------------------------------------------------------------------
def run_search(args, preset: dict[str, str] | None = None) -> tuple[SearchParams, SearchResult]:
    """Validate the URL arguments (InvalidParameter -> 400) and search. `preset` fixes facet values
    (a browse page's type); such arguments in the URL are ignored."""
    svc = services()
    if preset:
        args = [(k, v) for k, v in args.items(multi=True) if k not in preset]
        from werkzeug.datastructures import MultiDict

        args = MultiDict(args)
    params = SearchParams.from_mapping(args, svc.taxonomy)
    if preset:
        params = params.with_changes(**{facet: (value,) for facet, value in preset.items()})
    return params, svc.engine.search(params, with_similar=True)


def json_twin(result: SearchResult, html_url: str) -> Response:
    data = result.to_dict()
    data["links"] = {"html": html_url}
    response = Response(json.dumps(data, ensure_ascii=False), mimetype="application/json")
    response.headers["Link"] = f'<{html_url}>; rel="alternate"; type="text/html"'
    return response


def json_error(error: InvalidParameter) -> Response:
    body = {"status": 400, "error": error.message, "parameter": error.name}
    return Response(json.dumps(body, ensure_ascii=False), status=400, mimetype="application/json")


@bp.get("/zoeken")
def search():
    params, result = run_search(request.args)
    # What people look for (and do not find) tells editors what to write: query text, filters and
    # minute only, nothing about the searcher.
    searchlog.record(current_app.instance_path, params, result.found_as_typed)
    page = build_page(params, result, endpoint="search.search", title=_title(params), heading="Zoeken")
    return render_template("search.html", page=page)


@bp.get("/zoeken.json")
def search_json():
    try:
        params, result = run_search(request.args)
    except InvalidParameter as error:
        return json_error(error)
    return json_twin(result, search_url(params))


def _title(params: SearchParams) -> str:
    return f"‘{params.q}’ – Zoeken" if params.q else "Zoeken"
