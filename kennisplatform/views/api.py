"""The JSON API (/api/v1): the same SearchResult as the search page, as JSON; errors as problem+json."""
from __future__ import annotations

import hashlib
import json
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from ..corpus import load_document
from ..errors import KennisplatformError, NotFound
from ..openapi import build_spec
from ..params import FACETS, SearchParams
from ..results import SearchResult
from ..services import services

bp = Blueprint("api", __name__, url_prefix="/api/v1")
entry = Blueprint("api_entry", __name__)  # the addresses people guess for the API: to its documentation
PROBLEM_TITLES = {400: "Ongeldig verzoek", 404: "Niet gevonden", 405: "Methode niet toegestaan",
                  422: "Niet te verwerken", 500: "Interne fout", 503: "Tijdelijk niet beschikbaar"}


def problem(status: int, detail: str, **extra) -> Response:
    """An RFC 9457 problem document."""
    body = {"type": "about:blank", "title": PROBLEM_TITLES.get(status, "Fout"), "status": status,
            "detail": detail, "instance": request.path, **extra}
    return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/problem+json")


def json_response(data, etag_basis: str | None = None) -> Response:
    """JSON with an ETag from the index version, so that a repeated request can get a 304."""
    response = Response(json.dumps(data, ensure_ascii=False), mimetype="application/json")
    return conditional(response, etag_basis)


def conditional(response: Response, etag_basis: str | None = None) -> Response:
    basis = f"{services().engine.version}|{etag_basis or request.full_path}"
    response.set_etag(hashlib.sha256(basis.encode()).hexdigest()[:32])
    response.headers["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response.make_conditional(request)


def document_url(doc_id: str) -> str:
    return f"{request.host_url.rstrip('/')}/document/{quote(doc_id)}"


def search_links(result: SearchResult) -> dict[str, str | None]:
    """Where this result lives in other renderings, its neighbours, and (when a spelling correction was
    taken) the same search as typed: the page's "Zoek toch op ..." link."""
    params, pages = result.params, result.pages
    corrected = result.relaxation is not None and result.relaxation.kind == "corrected"

    def with_args(path: str, changed: SearchParams) -> str:
        args = urlencode(changed.to_args())
        return f"{request.host_url.rstrip('/')}{path}" + (f"?{args}" if args else "")

    return {
        "self": with_args(request.path, params),
        "html": with_args("/zoeken", params),
        "atom": with_args("/zoeken.atom", params.with_changes(page=1)),
        "csv": with_args("/zoeken.csv", params.with_changes(page=1)),
        "next": with_args(request.path, params.with_changes(page=params.page + 1)) if params.page < pages else None,
        "prev": with_args(request.path, params.with_changes(page=params.page - 1)) if params.page > 1 else None,
        "as_typed": with_args(request.path, params.with_changes(exact=True, page=1)) if corrected else None,
    }


@bp.errorhandler(KennisplatformError)
def library_error(error: KennisplatformError):
    extra = {"parameter": error.name} if hasattr(error, "name") else {}
    return problem(error.status, error.message, **extra)


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    return problem(error.code or 500, _dutch_http_detail(error.code or 500))


def _dutch_http_detail(status: int) -> str:
    return {404: "Dit adres bestaat niet in de API.", 405: "Deze methode is hier niet toegestaan.",
            413: "Het verzoek is te groot."}.get(status, "Er ging iets mis.")


@bp.get("/search")
def search():
    svc = services()
    params = SearchParams.from_mapping(request.args, svc.taxonomy)
    result = svc.engine.search(params, with_similar=True)
    data = result.to_dict()
    data["links"] = search_links(result)
    return json_response(data)


@bp.get("/facets")
def facets():
    svc = services()
    params = SearchParams.from_mapping(request.args, svc.taxonomy).with_changes(page=1, per_page=1)
    result = svc.engine.search(params)
    return json_response({name: data for name, data in result.to_dict()["facets"].items()})


@bp.get("/documents/<path:doc_id>")
def document(doc_id: str):
    svc = services()
    stored = svc.engine.stored(doc_id)
    doc = load_document(svc.corpus_dir, stored["path"], svc.taxonomy)
    if doc is None:
        raise NotFound(f"Document '{doc_id}' bestaat niet (meer).")
    return json_response(document_data(doc, svc.taxonomy))


def document_data(doc, taxonomy) -> dict:
    from ..render import render_markdown

    def values(facet: str, ids) -> list[dict]:
        return [{"id": i, "label": taxonomy.label(facet, i)} for i in ids]

    return {
        "id": doc.id, "type": doc.type, "type_guessed": doc.type_guessed, "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None, "summary": doc.summary,
        "themes": values("theme", doc.themes), "regions": values("region", doc.regions),
        "disciplines": values("discipline", doc.disciplines), "audience": values("audience", doc.audience),
        "organisations": list(doc.organisations),
        "source": {"url": doc.source.url, "authors": list(doc.source.authors), "publication": doc.source.publication},
        "markdown": doc.body, "html": render_markdown(doc.body).html, "url": document_url(doc.id),
    }


@bp.get("/taxonomy")
def taxonomy():
    tax = services().taxonomy
    data = {facet: [{"id": t.id, "label": t.label, "aliases": list(t.aliases), "parent": t.parent,
                     "level": t.level} for t in tax.terms(facet)]
            for facet in ("type", "theme", "discipline", "audience", "region")}
    data["year"] = []  # years come from the documents: see /api/v1/facets
    return json_response({k: v for k, v in data.items() if k in FACETS}, etag_basis="taxonomy")


@bp.get("/openapi.json")
def openapi():
    return json_response(build_spec(services().taxonomy), etag_basis="openapi")


@bp.get("/docs")
def docs():
    """A readable page for the OpenAPI document, rendered here: nothing is loaded from elsewhere."""
    return render_template("api_docs.html", spec=build_spec(services().taxonomy))


@bp.get("")
@bp.get("/")
@entry.get("/api")
@entry.get("/api/")
@entry.get("/api/docs")
def to_docs():
    return redirect(url_for("api.docs"))


@bp.get("/<path:anything>")
def unknown(anything: str):
    """Unknown addresses under /api/v1 answer in problem+json too, never with an HTML page."""
    return problem(404, _dutch_http_detail(404))


def api_http_error(error: HTTPException):
    """For errors raised before a view runs (a wrong method, a body too large): problem+json under /api/,
    else None, so the HTML error pages take over."""
    if not request.path.startswith(bp.url_prefix + "/"):
        return None
    response = problem(error.code or 500, _dutch_http_detail(error.code or 500))
    if error.code == 405:
        response.headers["Allow"] = ", ".join(getattr(error, "valid_methods", None) or ["GET", "HEAD", "OPTIONS"])
    return response
