"""Findable from outside: /sitemap.xml (documents, place pages, browse pages), /robots.txt, and the JSON-LD of
a document page. The canonical link and OpenGraph tags are in base.html."""
from __future__ import annotations

import threading

from flask import Blueprint, Response, current_app, url_for

from ..findable import SitemapEntry, robots_txt, sitemap_xml
from ..params import SearchParams
from ..services import services
from .browse import KINDS

bp = Blueprint("findable", __name__)
_lock = threading.Lock()


@bp.get("/robots.txt")
def robots():
    return Response(robots_txt(url_for("findable.sitemap", _external=True)), mimetype="text/plain")


@bp.get("/sitemap.xml")
def sitemap():
    """Built once per index version (a sitemap of 10,000 documents reads every document's stored fields)."""
    engine = services().engine
    cache = current_app.extensions.setdefault("kennisplatform.sitemap", {})
    key = engine.version
    with _lock:
        text = cache.get(key)
    if text is None:
        text = sitemap_xml(sitemap_entries())
        with _lock:
            cache.clear()
            cache[key] = text
    return Response(text, mimetype="application/xml")


def sitemap_entries() -> list[SitemapEntry]:
    svc = services()
    engine = svc.engine
    listed = engine.listing()

    def newest(**filters) -> str | None:
        hits = engine.search(SearchParams(sort="newest", per_page=1, **filters), with_facets=False).hits
        return (hits[0].date or None) if hits else None

    entries = [SitemapEntry(url_for("home.index", _external=True), listed[0][1] or None if listed else None)]
    entries += [SitemapEntry(url_for("browse.listing", kind=kind, _external=True), newest(type=(type_id,)))
                for kind, type_id in KINDS.items()]
    entries += [SitemapEntry(url_for("places.place", slug=term.id, _external=True), newest(region=(term.id,)))
                for term in svc.taxonomy.terms("region")]
    entries += [SitemapEntry(url_for("documents.document", doc_id=doc_id, _external=True), date or None)
                for doc_id, date in listed]
    return entries
