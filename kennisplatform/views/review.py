"""The editors' review page "Te beoordelen": suggested values that an import did not apply, because their
confidence was below their facet's threshold. One click (a POST form with a CSRF token, no JavaScript)
accepts or dismisses one; review.review saves the document, so an accepted value is in the facets at once."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, flash, redirect, render_template, request, url_for

from .. import review
from ..documents import SUGGESTION_KEYS
from ..errors import KennisplatformError
from ..history import Author
from ..services import services
from .auth import current_editor, login_required

bp = Blueprint("review", __name__, url_prefix="/redactie")

PER_PAGE = 25  # documents per page
KEY_LABELS = {"type": "Soort", "themes": "Thema", "regions": "Regio", "disciplines": "Discipline",
              "audience": "Doelgroep"}
ACTIONS = {"overnemen": True, "afwijzen": False}
_pending = review.PendingList()  # cached per index version


@dataclass
class ReviewPage:
    documents: list[review.PendingDocument]  # this page's
    total_documents: int
    total_values: int
    page: int
    pages: int


def pending_documents() -> list[review.PendingDocument]:
    svc = services()
    return _pending.documents(svc.corpus_dir, svc.taxonomy, svc.engine.version)


def _page_number() -> int:
    try:
        return max(1, int(request.values.get("pagina", "1")))
    except ValueError:
        return 1


def _review_page(number: int) -> ReviewPage:
    docs = pending_documents()
    pages = max(1, -(-len(docs) // PER_PAGE))
    number = min(number, pages)
    return ReviewPage(docs[(number - 1) * PER_PAGE:number * PER_PAGE], len(docs),
                      sum(len(d.pending) for d in docs), number, pages)


def _render(page: ReviewPage, message: str | None = None, status: int = 200):
    taxonomy = services().taxonomy
    return render_template("editor/review.html", page=page, message=message, key_labels=KEY_LABELS,
                           facet_of=SUGGESTION_KEYS, label=taxonomy.label), status


@bp.get("/te-beoordelen")
@login_required
def pending():
    return _render(_review_page(_page_number()))


@bp.post("/te-beoordelen")
@login_required
def decide():
    form = request.form
    doc_id, key, value = (form.get(name, "")[:200] for name in ("document", "veld", "waarde"))
    action = form.get("actie", "")
    number = _page_number()
    if not (doc_id and key and value) or action not in ACTIONS:
        return _render(_review_page(number), "Dit verzoek is niet compleet: kies 'Overnemen' of 'Afwijzen' "
                                             "bij een suggestie in de lijst.", 400)
    svc = services()
    try:
        done = review.review(svc.corpus_dir, svc.index_dir, svc.taxonomy, doc_id, key, value, ACTIONS[action],
                             author=Author(current_editor() or "redacteur"))
    except KennisplatformError as error:
        return _render(_review_page(number), error.message, error.status)
    facet = SUGGESTION_KEYS[done.key]
    what = f"{KEY_LABELS[done.key]} '{svc.taxonomy.label(facet, done.value)}'"
    if done.accepted:
        flash(f"{what} is overgenomen in '{done.document.title}'.", "ok")
    else:
        flash(f"{what} is afgewezen voor '{done.document.title}'.", "ok")
    return redirect(url_for("review.pending", pagina=number if number > 1 else None), 303)
