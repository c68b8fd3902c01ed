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
_pending = review.PendingList()  # per process, refreshed when the index version changes


@dataclass
class ReviewPage:
    documents: list[review.PendingDocument]  # this page's
    total_documents: int
    total_values: int
    page: int
    pages: int


def pending_documents() -> list[review.PendingDocument]:
    svc = services()
    return _pending.documents(svc.corpus_dir, svc.taxonomy, svc.engine)


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
                           facet_of=SUGGESTION_KEYS, label=taxonomy.label, anchor=anchor), status


Item = tuple[str, str, str]  # (document id, key, value): one suggestion in the list


def anchor(doc_id: str, key: str, value: str) -> str:
    """The id of a suggestion's row: where the page opens after a decision."""
    return f"voorstel-{doc_id}-{key}-{value}"


def _items(docs: list[review.PendingDocument]) -> dict[Item, int]:
    """Every suggestion in the list, in order, with the position of its document."""
    return {(d.id, p.key, p.value): n for n, d in enumerate(docs) for p in d.pending}


def _after(decided: Item) -> list[Item]:
    """Where the editor goes on after deciding: the suggestions after this one, then those before it (the
    nearest first). A long list reloaded at its top lost their place."""
    items = list(_items(pending_documents()))
    if decided not in items:
        return []
    at = items.index(decided)
    return items[at + 1:] + items[:at][::-1]


def _back_to(candidates: list[Item], fallback_page: int) -> str:
    """The review page at the first candidate that is still pending (accepting a type settles the other
    type suggestions too), on the page that holds it now (the decided document may have left the list)."""
    present = _items(pending_documents())
    item = next((c for c in candidates if c in present), None)
    if item is None:
        return url_for("review.pending", pagina=fallback_page if fallback_page > 1 else None)
    number = present[item] // PER_PAGE + 1
    return url_for("review.pending", pagina=number if number > 1 else None, _anchor=anchor(*item))


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
    following = _after((doc_id, key, value))
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
    return redirect(_back_to(following, number), 303)
