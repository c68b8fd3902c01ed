"""A search in other formats: an Atom feed to follow it, CSV (also for Dutch Excel) to analyse it."""
from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import urlencode

from flask import Blueprint, Response, request, stream_with_context

from .. import history
from ..corpus import modified_time
from ..errors import NotFound
from ..feeds import FeedInfo, atom_feed, csv_lines
from ..params import FACETS, PER_PAGE_MAX, SearchParams, year_label
from ..services import services
from .api import conditional, document_url

bp = Blueprint("exports", __name__)
FEED_SIZE = 50


def _params() -> SearchParams:
    return SearchParams.from_mapping(request.args, services().taxonomy)


def _describe(params: SearchParams) -> str:
    """'erfgoed — Voorbeeldprojecten, Drechtsteden' for a feed title."""
    tax = services().taxonomy
    labels = [tax.label(f, v) if f != "year" else year_label(v) for f in FACETS for v in params.selected(f)]
    parts = [f"‘{params.q}’"] if params.q else []
    if labels:
        parts.append(", ".join(labels))
    return " — ".join(parts) or "alle documenten"


@bp.get("/zoeken.atom")
def feed():
    """The newest documents of a search, whatever the sort asked for: that is what a feed follows."""
    params = _params().with_changes(sort="newest", page=1, per_page=FEED_SIZE)
    result = services().engine.search(params, with_facets=False)
    args = urlencode(params.with_changes(sort="relevance", per_page=10).to_args())
    base = request.host_url.rstrip("/")
    info = FeedInfo(
        title=f"Kennisplatform CMK: {_describe(params)}",
        feed_url=f"{base}/zoeken.atom" + (f"?{args}" if args else ""),
        page_url=f"{base}/zoeken" + (f"?{args}" if args else ""),
        feed_id="urn:kennisplatform:zoekopdracht:" + hashlib.sha256(args.encode()).hexdigest()[:24],
    )
    body = atom_feed(info, result.hits, document_url, _modified)
    return conditional(Response(body, mimetype="application/atom+xml"))


def _modified(doc_id: str) -> dt.datetime | None:
    """The feed's `updated` for a document without a date: its last change the history recorded, else its
    file's modification time (a copy or a clone gives every file the day it was made, so that comes last)."""
    svc = services()
    changed = history.last_changed(svc.corpus_dir, doc_id)
    if changed is not None:
        return changed.astimezone(dt.timezone.utc)
    try:
        return modified_time(svc.corpus_dir, svc.engine.stored(doc_id)["path"])
    except NotFound:  # deleted since the search
        return None


@bp.get("/zoeken.csv")
def export_csv():
    return _csv(excel=False)


@bp.get("/zoeken-excel.csv")
def export_excel():
    return _csv(excel=True)


def _csv(excel: bool) -> Response:
    """Every result of the search, page by page, streamed as it is produced."""
    params = _params().with_changes(page=1, per_page=PER_PAGE_MAX)
    engine = services().engine
    base_url = request.host_url.rstrip("/")

    def hits():
        page = 1
        while True:
            result = engine.search(params.with_changes(page=page), with_facets=False)
            yield from result.hits
            if page >= result.pages:
                return
            page += 1

    def url(doc_id: str) -> str:
        return f"{base_url}/document/{doc_id}"

    name = "kennisplatform-zoekresultaten" + ("-excel" if excel else "") + ".csv"
    response = Response(stream_with_context(csv_lines(hits(), url, excel=excel)),
                        mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'})
    response.charset = "utf-8"
    return conditional(response)
