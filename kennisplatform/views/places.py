"""A page per place: /regio/<id> for every municipality, region and province of the taxonomy, and its JSON
twin /regio/<id>.json, both from one `PlaceResult`."""
from __future__ import annotations

import json
from dataclasses import dataclass

from flask import Blueprint, Response, render_template, url_for

from ..params import SearchParams
from ..placemap import PROVINCE, PlaceMap, build_place_map
from ..places import PlaceResult, place_result
from ..services import services
from .search import search_url

bp = Blueprint("places", __name__)


@dataclass
class Link:
    label: str
    url: str
    count: int | None = None


@dataclass
class GroupView:
    label: str
    total: int
    hits: list
    more_url: str  # the search for all documents of this type here


@dataclass
class PlacePage:
    result: PlaceResult
    title: str
    description: str
    search_url: str  # every document about this place, on the search page
    json_url: str
    breadcrumbs: list[Link]
    groups: list[GroupView]
    themes: list[Link]
    parts: list[Link]
    around: list[Link]
    place_map: PlaceMap | None = None
    parent_label: str | None = None


def place_page_url(region_id: str) -> str:
    return url_for("places.place", slug=region_id)


@bp.get("/regio/<slug>")
def place(slug: str):
    svc = services()
    result = place_result(svc.engine, svc.taxonomy, slug)  # NotFound -> Dutch 404
    return render_template("place.html", page=build_place_page(result))


@bp.get("/regio/<slug>.json")
def place_json(slug: str):
    svc = services()
    result = place_result(svc.engine, svc.taxonomy, slug)
    data = result.to_dict()
    html = place_page_url(result.place.id)
    data["links"] = {"html": html, "search": search_url(SearchParams(region=(result.place.id,)))}
    response = Response(json.dumps(data, ensure_ascii=False), mimetype="application/json")
    response.headers["Link"] = f'<{html}>; rel="alternate"; type="text/html"'
    return response


def build_place_page(result: PlaceResult) -> PlacePage:
    taxonomy = services().taxonomy
    place = result.place

    def search_here(**filters) -> str:
        return search_url(SearchParams(region=(place.id,), **filters))

    def links(places) -> list[Link]:
        return [Link(n.label, place_page_url(n.id), n.count) for n in places]

    description = _description(place.label, result)
    inside = place.id == PROVINCE or PROVINCE in taxonomy.ancestors(place.id)
    place_map = build_place_map(taxonomy, result.counts, set(), place_page_url, focus=place.id,
                                link_empty=True) if inside else None
    crumbs = [Link("Home", url_for("home.index"))]
    crumbs += [Link(a.label, place_page_url(a.id)) for a in reversed(result.ancestors)]
    crumbs.append(Link(place.label, place_page_url(place.id)))
    return PlacePage(
        result=result, title=place.label, description=description, search_url=search_here(),
        json_url=url_for("places.place_json", slug=place.id), breadcrumbs=crumbs,
        groups=[GroupView(g.label, g.total, g.hits, search_here(type=(g.type,), sort="newest"))
                for g in result.groups],
        themes=[Link(b.label, search_here(theme=(b.value,)), b.count) for b in result.themes],
        parts=links(result.parts), around=links(result.around), place_map=place_map,
        parent_label=result.ancestors[0].label if result.ancestors else None)


def _description(label: str, result) -> str:
    """The sharing description; a place without documents says so instead of '0 documenten: voorbeeldprojecten,
    verslagen en artikelen'."""
    if not result.total:
        return f"Nog geen documenten over cultuureducatie in {label} op het kennisplatform."
    noun = "document" if result.total == 1 else "documenten"
    return (f"{result.total} {noun} over cultuureducatie in {label}: voorbeeldprojecten, verslagen en artikelen"
            + (f", over {', '.join(b.label.lower() for b in result.themes[:3])}." if result.themes else "."))
