"""The document page: /document/<id>. The file is the truth: the document is read fresh from the corpus,
its Markdown rendered and sanitised; the index gives the path and the similar documents."""
from __future__ import annotations

import datetime as dt
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from flask import Blueprint, current_app, render_template, send_file, url_for

from .. import attachments, history
from ..corpus import load_document
from ..documents import Document
from ..errors import NotFound
from ..findable import script_json, structured_data
from ..highlight import lead, without_lead, without_title
from ..params import UNKNOWN_YEAR
from ..render import Rendered, render_markdown
from ..results import Hit, site_of
from ..services import services
from .browse import browse_url
from .search import filter_url, format_date, place_url

bp = Blueprint("documents", __name__)
TOC_MIN_SECTIONS = 3  # a table of contents from this many sections on
SIMILAR = 5
_similar_lock = threading.Lock()


@dataclass
class Link:
    label: str
    url: str | None = None


@dataclass
class MetaRow:
    label: str  # "Thema's"
    values: list[Link]
    note: str | None = None  # a short remark under the values

# An imported document whose type was guessed says so where its type is shown: readers should not take it
# for the editors' judgement. (The editors' review queue, /redactie/te-beoordelen, lists the same documents.)
GUESSED_TYPE = "vermoedelijk"
GUESSED_TYPE_NOTE = "Geschat bij het importeren; de redactie heeft de soort nog niet bevestigd."


@dataclass
class DocumentPage:
    doc: Document
    type_label: str
    rendered: Rendered
    meta: list[MetaRow]
    breadcrumbs: list[Link]
    similar: list[Hit] = field(default_factory=list)
    json_ld: str | None = None  # schema.org data for search engines (findable.structured_data), escaped
    type_note: str | None = None  # beside the type in the header: "vermoedelijk" when it was guessed
    lead: str = ""  # the summary under the h1; "" when it only repeats the title (highlight.lead)

    @property
    def show_toc(self) -> bool:
        return self.rendered.sections >= TOC_MIN_SECTIONS


@bp.get("/document/<doc_id>")
def document(doc_id: str):
    svc = services()
    stored = svc.engine.stored(doc_id)  # NotFound -> 404
    doc = load_document(svc.corpus_dir, stored["path"], svc.taxonomy)
    if doc is None:
        raise NotFound(f"Document '{doc_id}' bestaat niet (meer).")
    page = build_document_page(doc)
    page.similar = similar(doc.id)
    page.json_ld = script_json(structured_data(
        doc, svc.taxonomy, url_for("documents.document", doc_id=doc.id, _external=True),
        lambda region: url_for("places.place", slug=region, _external=True)))
    modified = last_modified(svc.corpus_dir, doc.id)
    if modified:
        page.meta.append(MetaRow("Laatst gewijzigd", [Link(format_date(modified))]))
    return render_template("document.html", page=page)


@bp.get("/document/<doc_id>/origineel")
def original(doc_id: str):
    """The PDF or Word file a document was imported from, as a download under the title's slug."""
    svc = services()
    stored = svc.engine.stored(doc_id)  # NotFound -> 404
    kept = attachments.find(svc.corpus_dir, doc_id)
    if kept is None or kept.label is None:
        raise NotFound(f"Bij '{doc_id}' hoort geen origineel bestand.")
    # Read whole (at most importer.MAX_BINARY_BYTES): no file handle is left to the response's closing.
    return send_file(io.BytesIO(kept.read()), mimetype=kept.content_type, as_attachment=True,
                     download_name=kept.download_name(stored.get("title") or doc_id), max_age=0)


def last_modified(corpus_dir, doc_id: str) -> dt.date | None:
    """The day of the document's last change that the history recorded; None when it recorded none since
    the corpus was adopted. Not the file's mtime: a copy, a clone or an unpacked archive gives every file
    the day it was made. (Measured at 10,000 documents: docs/performance.md, session 10.)"""
    changed = history.last_changed(corpus_dir, doc_id)
    return changed.astimezone().date() if changed else None


def similar(doc_id: str) -> list[Hit]:
    """engine.more_like, remembered until the index changes (it costs tens of milliseconds)."""
    engine = services().engine
    key = (engine.version, doc_id)
    # one cache per app (tests run several apps in one process): (index version, id) -> hits
    cache = current_app.extensions.setdefault("kennisplatform.similar", OrderedDict())
    with _similar_lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    hits = engine.more_like(doc_id, SIMILAR)
    with _similar_lock:
        cache[key] = hits
        while len(cache) > 512:
            cache.popitem(last=False)
    return hits


def build_document_page(doc: Document) -> DocumentPage:
    """The page model for a document (the editors' preview can render one without the index)."""
    taxonomy = services().taxonomy
    type_term = taxonomy.get("type", doc.type)
    type_label = type_term.label if type_term else doc.type
    type_plural = (type_term.plural or type_term.label) if type_term else doc.type

    def links(facet: str, ids) -> list[Link]:
        return [Link(taxonomy.label(facet, i), filter_url(facet, i)) for i in ids]

    meta = [
        MetaRow("Soort", [Link(type_label, browse_url(doc.type) or filter_url("type", doc.type))],
                GUESSED_TYPE_NOTE if doc.type_guessed else None),
        MetaRow("Datum", [_date_link(doc)]),
        MetaRow("Thema's", links("theme", doc.themes)),
        # A place once, to its own page (its documents, map and timeline, and a search in them), not once to
        # a search filter and again to the page under another heading.
        MetaRow("Regio's", [Link(taxonomy.label("region", r), place_url(r) or filter_url("region", r))
                            for r in doc.regions]),
        MetaRow("Disciplines", links("discipline", doc.disciplines)),
        MetaRow("Doelgroep", links("audience", doc.audience)),
        MetaRow("Organisaties", [Link(o) for o in doc.organisations]),
    ]
    source = doc.source
    if source.publication:
        meta.append(MetaRow("Publicatie", [Link(source.publication)]))
    if source.authors:
        meta.append(MetaRow("Auteurs", [Link(a) for a in source.authors]))
    if source.url and source.url.startswith(("http://", "https://")):
        meta.append(MetaRow("Bron", [Link(site_of(source.url) or source.url, source.url)]))
    kept = attachments.find(services().corpus_dir, doc.id)
    if kept is not None and kept.label:
        meta.append(MetaRow("Origineel", [Link(f"{kept.label}-bestand ({_size(kept.size)})",
                                               url_for("documents.original", doc_id=doc.id))]))
    meta = [row for row in meta if row.values]
    crumbs = [Link("Home", "/"), Link(type_plural, browse_url(doc.type)), Link(doc.title)]
    # The page's h1 is the title and the lead its summary: a first paragraph that repeats either (as many
    # imported web pages' do) is not shown twice.
    shown_lead = lead(doc.summary, doc.title)
    body = without_lead(without_title(doc.body, doc.title), shown_lead)
    return DocumentPage(doc, type_label, render_markdown(body), meta, crumbs,
                        type_note=GUESSED_TYPE if doc.type_guessed else None, lead=shown_lead)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB".replace(".", ",") if n >= 1_000_000 else f"{max(1, round(n / 1000))} kB"


def _date_link(doc: Document) -> Link:
    """The date, linking to the other documents of its year (or to those without a date)."""
    if doc.date is None:
        return Link("onbekend", filter_url("year", UNKNOWN_YEAR))
    return Link(format_date(doc.date), filter_url("year", str(doc.date.year)))
