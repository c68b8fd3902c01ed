"""Browsing one kind of document: /voorbeeldprojecten, /verslagen, /artikelen. The search page with the type
preset (a `type` argument in the URL is ignored), sortable, with the other facets."""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from ..errors import InvalidParameter
from ..services import services
from .search import build_page, json_error, json_twin, run_search

bp = Blueprint("browse", __name__)

# URL segment -> document type id (the taxonomy's type ids)
KINDS = {"voorbeeldprojecten": "voorbeeldproject", "verslagen": "verslag", "artikelen": "artikel"}
INTROS = {
    "voorbeeldproject": "Projecten van scholen, gemeenten en cultuuraanbieders: wat er gedaan is, met wie, "
                        "en wat het opleverde.",
    "verslag": "Verslagen van CMK-bijeenkomsten, netwerkdagen en werksessies.",
    "artikel": "Samenvattingen van artikelen en onderzoeksrapporten over kunst- en cultuureducatie.",
}
KIND_PATTERN = "any(" + ", ".join(KINDS) + ")"


def kind_for_type(type_id: str) -> str | None:
    """The browse page of a document type: 'voorbeeldproject' -> 'voorbeeldprojecten'."""
    return next((kind for kind, t in KINDS.items() if t == type_id), None)


def browse_url(type_id: str) -> str | None:
    kind = kind_for_type(type_id)
    return url_for("browse.listing", kind=kind) if kind else None


bp.add_app_template_global(browse_url, "browse_url")


def type_label(type_id: str) -> str:
    term = services().taxonomy.get("type", type_id)
    return (term.plural or term.label) if term else type_id


@bp.get(f"/<{KIND_PATTERN}:kind>")
def listing(kind: str):
    type_id = KINDS[kind]
    params, result = run_search(request.args, preset={"type": type_id})
    label = type_label(type_id)
    title = f"‘{params.q}’ in {label.lower()}" if params.q else label
    page = build_page(params, result, endpoint="browse.listing", kind=kind, title=title, heading=label,
                      intro=INTROS.get(type_id), preset={"type": type_id})
    return render_template("search.html", page=page, browse_kind=kind)


@bp.get(f"/<{KIND_PATTERN}:kind>.json")
def listing_json(kind: str):
    type_id = KINDS[kind]
    try:
        params, result = run_search(request.args, preset={"type": type_id})
    except InvalidParameter as error:
        return json_error(error)
    args = [(k, v) for k, v in params.to_args() if k != "type"]
    from .search import url_with_args

    return json_twin(result, url_with_args("browse.listing", args, kind=kind))
