"""Findable from outside: /sitemap.xml (documents, place pages, browse pages), /robots.txt, and the JSON-LD of
a document page. The canonical link and OpenGraph tags are in base.html."""
from __future__ import annotations

import threading
from dataclasses import replace

from flask import Blueprint, Response, current_app, request, url_for

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
    """The entries are gathered once per index version (a sitemap of 10,000 documents reads every document's
    stored fields), as paths: the address in front is this response's (PUBLIC_URL when set, see
    security.PublicURL), so a request with a made-up Host header cannot put its host in anyone else's."""
    engine = services().engine
    cache = current_app.extensions.setdefault("kennisplatform.sitemap", {})
    key = engine.version
    with _lock:
        entries = cache.get(key)
    if entries is None:
        entries = sitemap_entries()
        with _lock:
            cache.clear()
            cache[key] = entries
    base = request.host_url.rstrip("/")
    return Response(sitemap_xml([replace(e, url=base + e.url) for e in entries]), mimetype="application/xml")


def sitemap_entries() -> list[SitemapEntry]:
    """Every page a search engine should find, with paths (not yet absolute) as their url."""
    svc = services()
    engine = svc.engine
    listed = engine.listing()

    def newest(**filters) -> str | None:
        hits = engine.search(SearchParams(sort="newest", per_page=1, **filters), with_facets=False).hits
        return (hits[0].date or None) if hits else None

    entries = [SitemapEntry(url_for("home.index"), listed[0][1] or None if listed else None)]
    entries += [SitemapEntry(url_for("browse.listing", kind=kind), newest(type=(type_id,)))
                for kind, type_id in KINDS.items()]
    entries += [SitemapEntry(url_for("places.place", slug=term.id), newest(region=(term.id,)))
                for term in svc.taxonomy.terms("region")]
    entries += [SitemapEntry(url_for("documents.document", doc_id=doc_id), date or None)
                for doc_id, date in listed]
    return entries
