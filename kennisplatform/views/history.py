"""The editors' history pages: the versions of a document with what changed in each (and "Zet deze versie
terug"), and the trash with "Terugzetten". Every change is made by versions.py through editing.Writer, in
the editor's name, and is itself a new version."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for

from .. import versions
from ..diffs import DELETED, INSERTED
from ..documents import parse_document
from ..editing import EditConflict, find_file
from ..errors import DocumentError, IndexBusy, NotFound
from ..history import Author
from ..services import services
from .auth import current_editor, login_required

bp = Blueprint("history", __name__, url_prefix="/redactie")


def _author() -> Author:
    return Author(current_editor() or "redacteur")


@bp.get("/document/<doc_id>/geschiedenis")
@login_required
def document_history(doc_id: str):
    svc = services()
    shown = versions.compared(svc.corpus_dir, doc_id, svc.taxonomy)
    if not shown:
        raise NotFound(f"Document '{doc_id}' heeft geen geschiedenis.")
    exists = find_file(svc.corpus_dir, doc_id) is not None
    return render_template("editor/history.html", doc_id=doc_id.lower(), shown=shown, exists=exists,
                           title=_title(shown), inserted=INSERTED, deleted=DELETED, total=shown[0].version.number)


def _title(shown: list[versions.Compared]) -> str:
    """The title of the newest version that has one (the newest may be the deletion)."""
    svc = services()
    for item in shown:
        text = versions.text_of(svc.corpus_dir, item.version)
        if text:
            parsed = parse_document(text, item.version.change.doc_id, svc.taxonomy, item.version.change.path)
            if parsed.document:
                return parsed.document.title
    return shown[0].version.change.doc_id


@bp.post("/document/<doc_id>/geschiedenis/<version>/terugzetten")
@login_required
def revert(doc_id: str, version: str):
    svc = services()
    try:
        restored, saved = versions.revert(svc.corpus_dir, svc.index_dir, doc_id, version, _author(), svc.taxonomy)
    except (EditConflict, DocumentError, IndexBusy) as problem:
        flash(f"Niet teruggezet: {problem.message}", "error")
        return redirect(url_for("history.document_history", doc_id=doc_id))
    if saved.changed:
        flash(f"Versie {restored.number} is teruggezet; dat is nu de nieuwste versie.", "ok")
    else:
        flash(f"De tekst was al gelijk aan versie {restored.number}.", "ok")
    return redirect(url_for("history.document_history", doc_id=doc_id))


@bp.get("/prullenbak")
@login_required
def trash():
    svc = services()
    return render_template("editor/trash.html", items=versions.trash(svc.corpus_dir, svc.taxonomy))


@bp.post("/prullenbak/<doc_id>/terugzetten")
@login_required
def undelete(doc_id: str):
    svc = services()
    try:
        saved = versions.undelete(svc.corpus_dir, svc.index_dir, doc_id, _author(), svc.taxonomy)
    except (EditConflict, DocumentError, IndexBusy) as problem:
        flash(f"Niet teruggezet: {problem.message}", "error")
        return redirect(url_for("history.trash"))
    flash(f"'{saved.document.title}' is teruggezet.", "ok")
    return redirect(url_for("editor.edit", doc_id=saved.document.id))
