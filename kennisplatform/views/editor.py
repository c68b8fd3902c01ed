"""The editors' pages under /redactie: add and edit documents (with preview, suggestions and duplicate
warnings), delete to the trash, import uploaded files, and what searchers miss (the search log).

Every page here requires a login (auth.login_required); every POST also carries a CSRF token. The form is
parsed into a `DocumentForm`, which keeps exactly what was typed, and validated into a Document or a dict
of Dutch messages per field. Saving goes through editing.save_document: the document is in the corpus and
the index before the editor sees the next page."""
from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from flask import (Blueprint, Flask, current_app, flash, redirect, render_template, request,
                   url_for)
from flask_wtf.csrf import CSRFError
from werkzeug.utils import secure_filename

from .. import editing, importer, review, searchlog, suggest, versions
from ..diffs import DELETED, INSERTED, VersionDiff, compare
from ..corpus import load_document
from ..documents import MAX_TITLE, Document, Source, date_in_range, plain_text, render_document
from ..errors import DocumentError, IndexBusy, KennisplatformError, NotFound
from ..history import Author
from ..params import UNKNOWN_YEAR, SearchParams
from ..render import render_markdown
from ..results import site_of
from ..services import services
from ..taxonomy import Taxonomy, Term
from . import review as review_views
from .auth import current_editor, login_required

bp = Blueprint("editor", __name__, url_prefix="/redactie")

FACET_FIELDS = {"themes": "theme", "regions": "region", "disciplines": "discipline", "audience": "audience"}
# The fields in the order the form shows them: the error summary lists its messages in this order too.
FORM_ORDER = ("type", "title", "date", "summary", "body", "source_url", "source_authors", "source_publication",
              "organisations", *FACET_FIELDS)
SUMMARY_MAX = 1000
BODY_MAX = 1_500_000
UPLOAD_MAX_FILES = 20
UPLOAD_MAX_BYTES = importer.MAX_BYTES  # web pages and text; PDF and Word: importer.MAX_BINARY_BYTES
_sources = suggest.SourceIndex()  # source address -> id, rebuilt when the index changes


# -- the form --------------------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WORD_BREAKS = re.compile(r"[\x0b\x0c]")  # Word's line and page breaks, pasted into a text field


def clean_text(value: str) -> str:
    """A form field without control characters: a NUL or an escape code in a title or text is never meant,
    and was saved into the corpus file as is."""
    return _CONTROL.sub("", _WORD_BREAKS.sub("\n", value.replace("\r\n", "\n")))


@dataclass
class DocumentForm:
    """The add/edit form exactly as typed (strings and lists of ids), so that it can be shown again."""

    id: str = ""  # empty: a new document
    digest: str = ""  # the file as it was opened (edits): a save fails if someone saved in between
    title: str = ""
    type: str = ""
    date: str = ""
    summary: str = ""
    body: str = ""
    source_url: str = ""
    source_authors: str = ""  # one per line (or separated by ';')
    source_publication: str = ""
    organisations: str = ""  # one per line (or separated by ';')
    themes: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    disciplines: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    confirm_duplicate: bool = False

    @classmethod
    def from_request(cls, form, doc_id: str = "") -> "DocumentForm":
        def text(name: str, limit: int = 5000) -> str:
            return clean_text(form.get(name) or "")[:limit]

        return cls(
            id=doc_id, digest=text("digest", 100), title=text("title", 20_000).strip(), type=text("type", 50),
            date=text("date", 50).strip(), summary=text("summary", 20_000).strip(),
            body=text("body", BODY_MAX + 1), source_url=text("source_url", 2000).strip(),
            source_authors=text("source_authors"), source_publication=text("source_publication", 500).strip(),
            organisations=text("organisations"),
            **{key: list(dict.fromkeys(v for v in form.getlist(key) if v))[:100] for key in FACET_FIELDS},
            confirm_duplicate=form.get("confirm_duplicate") == "1",
        )

    @classmethod
    def from_document(cls, doc: Document, digest: str = "") -> "DocumentForm":
        return cls(id=doc.id, digest=digest, title=doc.title, type=doc.type,
                   date=doc.date.isoformat() if doc.date else "",
                   summary=doc.summary, body=doc.body, source_url=doc.source.url or "",
                   source_authors="\n".join(doc.source.authors),
                   source_publication=doc.source.publication or "", organisations="\n".join(doc.organisations),
                   themes=list(doc.themes), regions=list(doc.regions), disciplines=list(doc.disciplines),
                   audience=list(doc.audience))

    def validate(self, taxonomy: Taxonomy) -> tuple[Document | None, dict[str, str]]:
        """The Document, or None and a Dutch message per field that is wrong."""
        errors: dict[str, str] = {}
        if not self.title:
            errors["title"] = "Vul een titel in."
        elif len(self.title) > MAX_TITLE:
            errors["title"] = f"De titel is te lang: {len(self.title)} tekens, hooguit {MAX_TITLE}."
        doc_type = taxonomy.resolve("type", self.type) if self.type else None
        if not self.type:
            errors["type"] = "Kies de soort: verslag, voorbeeldproject of artikelsamenvatting."
        elif doc_type is None:
            errors["type"] = "Kies een van de soorten uit de lijst."
        date = None
        if self.date:  # left empty: the date is unknown, which is normal for real content
            try:
                date = dt.date.fromisoformat(self.date)
            except ValueError:
                errors["date"] = f"'{self.date}' is geen geldige datum; schrijf JJJJ-MM-DD (bijvoorbeeld 2023-06-22)."
            else:
                if not date_in_range(date):  # the rule check and index apply to corpus files too
                    errors["date"] = "Deze datum ligt te ver in het verleden of de toekomst."
        if len(self.summary) > SUMMARY_MAX:
            errors["summary"] = f"De samenvatting is te lang: {len(self.summary)} tekens, hooguit {SUMMARY_MAX}."
        if not self.body.strip():
            errors["body"] = "Vul de tekst van het document in."
        elif len(self.body) > BODY_MAX:
            errors["body"] = "De tekst is te lang (meer dan 1,5 miljoen tekens)."
        # site_of: an address with a host that parses ("https://[a.b/" has none), as the listing names it
        if self.source_url and (not re.match(r"https?://[^\s/]+\.[^\s]+\Z", self.source_url)
                                or site_of(self.source_url) is None):
            errors["source_url"] = "Het bronadres moet een volledig webadres zijn, beginnend met https:// of http://."
        if doc_type == "artikel" and not (self.source_url or self.source_publication):
            errors["source_publication"] = ("Bij een artikelsamenvatting hoort een bron: "
                                            "vul de publicatie of het bronadres in.")
        values: dict[str, tuple[str, ...]] = {}
        for key, facet in FACET_FIELDS.items():
            resolved, unknown = [], []
            for value in getattr(self, key):
                found = taxonomy.resolve(facet, value)
                (resolved if found else unknown).append(found or value)
            if unknown:
                errors[key] = f"Onbekende waarde: {', '.join(unknown)}."
            values[key] = tuple(dict.fromkeys(resolved))
        if errors:
            return None, {name: errors[name] for name in sorted(errors, key=FORM_ORDER.index)}
        doc = Document(
            id=self.id, type=doc_type, title=" ".join(self.title.split()), date=date,
            body=self.body.strip("\n") + "\n", summary=" ".join(self.summary.split()),
            organisations=_lines(self.organisations),
            source=Source(self.source_url or None, _lines(self.source_authors), self.source_publication or None),
            **values)
        return doc, {}


def _lines(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for p in (" ".join(x.split()) for x in re.split(r"[\n;]", text)) if p))


# -- what the form page shows ------------------------------------------------------------------------------
@dataclass
class Choice:
    id: str
    label: str
    level: str | None = None


@dataclass
class ChoiceGroup:
    label: str
    choices: list[Choice]


def choice_groups(taxonomy: Taxonomy, facet: str) -> list[ChoiceGroup]:
    """The values of a facet as checkbox groups: regions per region of Zuid-Holland (the region itself
    first), the rest of the hierarchy in one group; other facets in one group."""
    def choice(term: Term) -> Choice:
        return Choice(term.id, term.label, term.level)

    if facet != "region":
        return [ChoiceGroup("", [choice(t) for t in taxonomy.terms(facet)])]
    general, groups = [], []
    for term in taxonomy.terms("region"):
        if term.level == "regio":
            children = [choice(c) for c in taxonomy.children("region", term.id)]
            groups.append(ChoiceGroup(term.label, [choice(term), *children]))
        elif term.level != "gemeente":
            general.append(choice(term))
    return [ChoiceGroup("Land, provincie en overig", general), *groups]


@dataclass
class Conflict:
    """Why an edit was not saved: the document changed or went away after the editor opened it. The page
    shows what stands in the corpus now beside the form, which keeps the editor's text."""

    gone: bool = False  # deleted meanwhile (or never there: see `restorable`)
    restorable: bool = False  # gone, but in the history: "Terugzetten en opslaan" can bring it back
    diff: VersionDiff | None = None  # from the editor's text to the version that is saved now
    by: str = ""  # the author of the newest version in the history
    at: dt.datetime | None = None


@dataclass
class FormPage:
    form: DocumentForm
    errors: dict[str, str] = field(default_factory=dict)
    message: str | None = None  # a notice above the form (conflict, busy, duplicates)
    conflict: Conflict | None = None
    preview: object | None = None  # views.documents.DocumentPage, or Rendered for an invalid form
    suggestions: suggest.Suggestions | None = None
    duplicates: list[suggest.Duplicate] = field(default_factory=list)
    pending: int = 0  # suggestions of an import that wait on the review page

    @property
    def is_new(self) -> bool:
        return not self.form.id

    def with_message(self, message: str) -> "FormPage":
        self.message = message
        return self

    def suggested(self, key: str) -> list[str]:
        """Suggested values of a form field that are not chosen yet."""
        if self.suggestions is None:
            return []
        chosen = set(getattr(self.form, key))
        return [v for v in self.suggestions.values(FACET_FIELDS[key]) if v not in chosen]

    @property
    def has_new_suggestions(self) -> bool:
        type_new = bool(self.suggestions and self.suggestions.type and self.suggestions.type != self.form.type)
        return type_new or any(self.suggested(k) for k in FACET_FIELDS)


def _page_context(page: FormPage) -> dict:
    taxonomy = services().taxonomy
    return {
        "page": page,
        "types": taxonomy.terms("type"),
        "groups": {key: choice_groups(taxonomy, facet) for key, facet in FACET_FIELDS.items()},
        "label": taxonomy.label,
        "facet_of": FACET_FIELDS,
        "inserted": INSERTED,
        "deleted": DELETED,
    }


@bp.errorhandler(CSRFError)
def _expired_form(error: CSRFError):
    """A document form whose CSRF token no longer holds (the editor logged in again in another tab, or
    wrote for longer than the token lasts) comes back with what was typed and a fresh token: the error page
    lost a whole text. Other forms, and visitors who are not logged in, get the error page."""
    from .auth import csrf_error

    if request.endpoint not in ("editor.new", "editor.edit") or not current_editor() or not request.form:
        return csrf_error(error)
    page = FormPage(DocumentForm.from_request(request.form, (request.view_args or {}).get("doc_id", "")))
    page.message = ("Het formulier is verlopen (bijvoorbeeld omdat u intussen opnieuw hebt ingelogd), dus uw tekst "
                    "is nog niet opgeslagen. Hij staat hieronder nog in het formulier: klik opnieuw op Opslaan.")
    return _render_form(page, 400)


def _render_form(page: FormPage, status: int = 200):
    return render_template("editor/form.html", **_page_context(page)), status


def _analyse(page: FormPage, doc: Document | None) -> None:
    """Suggestions from the text, and documents that may be the same (for new documents and edits)."""
    form = page.form
    svc = services()
    text = plain_text(form.body)
    if form.title or text.strip():
        page.suggestions = suggest.suggest(svc.taxonomy, form.title, f"{form.summary}\n{text}",
                                           site=form.source_publication or None)  # as an import reads it
        page.duplicates = suggest.find_duplicates(svc.corpus_dir, svc.engine.version, _sources, title=form.title,
                                                  body=form.body, source_url=form.source_url or None,
                                                  exclude_id=form.id or None)


def _preview(doc: Document | None, form: DocumentForm):
    from .documents import build_document_page

    if doc is not None:
        return build_document_page(doc)
    return render_markdown(form.body)


# -- views --------------------------------------------------------------------------------------------------
@dataclass
class RecentRow:
    """A row of "Laatst toegevoegd of gewijzigd" on the dashboard."""

    id: str
    title: str
    type_label: str
    date: str | None  # the document's own date (ISO)
    modified: dt.datetime  # when its file was last written


@dataclass
class RecentPage:
    rows: list[RecentRow]
    total: int
    pages: int


def recent_documents(page: int, per_page: int = 25) -> RecentPage:
    """The documents added or changed last (by their file's time: a report from 2015 that was just added
    comes first), one page of them, read from their files (the truth, indexed or not)."""
    svc = services()
    shown, total = editing.recently_changed(svc.corpus_dir, (page - 1) * per_page, per_page, svc.recent_files)
    rows = []
    for item in shown:
        doc = load_document(svc.corpus_dir, item.relpath, svc.taxonomy)
        rows.append(RecentRow(item.doc_id, doc.title if doc else item.doc_id,
                              svc.taxonomy.label("type", doc.type) if doc else "",
                              doc.date.isoformat() if doc and doc.date else None, item.modified))
    return RecentPage(rows, total, max(1, -(-total // per_page)))


@bp.get("/")
@login_required
def dashboard():
    svc = services()
    try:
        params = SearchParams.from_mapping({"q": request.args.get("q", ""),
                                            "page": request.args.get("page", "1"), "per_page": "25"}, svc.taxonomy)
    except KennisplatformError:
        params = SearchParams(per_page=25)
    # A search finds a document to edit; without one, what was added or changed last (not the newest by
    # the document's own date, which hid a report from 2015 added today).
    result = svc.engine.search(params, with_facets=False) if params.q else recent_documents(params.page)
    undated = svc.engine.search(SearchParams(year=(UNKNOWN_YEAR,), per_page=1), with_facets=False).total
    pending = review_views.pending_documents()
    return render_template("editor/dashboard.html", params=params, result=result, editor=current_editor(),
                           doc_count=svc.engine.doc_count, undated_count=undated, pending_documents=len(pending),
                           pending_values=sum(len(d.pending) for d in pending))


@bp.get("/zonder-datum")
@login_required
def undated():
    """Documents without a date, for editors who can find one (imports of real pages bring many)."""
    svc = services()
    try:
        params = SearchParams.from_mapping({"year": UNKNOWN_YEAR, "sort": "newest", "per_page": "50",
                                            "page": request.args.get("page", "1")}, svc.taxonomy)
    except KennisplatformError:
        params = SearchParams(year=(UNKNOWN_YEAR,), sort="newest", per_page=50)
    result = svc.engine.search(params, with_facets=False)
    return render_template("editor/undated.html", params=params, result=result)


@bp.route("/nieuw", methods=["GET", "POST"])
@login_required
def new():
    if request.method == "POST":
        return _handle_post(DocumentForm.from_request(request.form))
    form = DocumentForm(type=request.args.get("type", ""))
    return _render_form(FormPage(form))


@bp.route("/document/<doc_id>", methods=["GET", "POST"])
@login_required
def edit(doc_id: str):
    svc = services()
    if request.method == "POST":  # a document deleted meanwhile: the form comes back (_gone), text and all
        return _handle_post(DocumentForm.from_request(request.form, doc_id), _current(doc_id))
    opened = editing.open_document(svc.corpus_dir, doc_id, svc.taxonomy)  # NotFound -> 404
    page = FormPage(DocumentForm.from_document(opened.document, opened.digest),
                    pending=len(review.open_suggestions(opened.document)))
    if opened.problems:
        page.message = "Dit bestand heeft problemen: " + "; ".join(str(p) for p in opened.problems)
    return _render_form(page)


def _current(doc_id: str) -> Document | None:
    """The document as its file is now; None when it cannot be read (the save then reports why)."""
    svc = services()
    try:
        return editing.open_document(svc.corpus_dir, doc_id, svc.taxonomy).document
    except KennisplatformError:
        return None


def _handle_post(form: DocumentForm, previous: Document | None = None):
    """`previous`: the document as it is now (edits), whose pending suggestions the save keeps."""
    svc = services()
    action = request.form.get("actie", "opslaan")
    page = FormPage(form)
    if action == "overnemen":  # accept the suggestions: check them, then show the form again
        _analyse(page, None)
        if page.suggestions:
            for key, facet in FACET_FIELDS.items():
                getattr(form, key).extend(page.suggested(key))
            if page.suggestions.type and not form.type:
                form.type = page.suggestions.type
        page.message = "De suggesties zijn aangevinkt. Controleer ze en sla het document op."
        return _render_form(page)
    doc, errors = form.validate(svc.taxonomy)
    page.errors = errors
    _analyse(page, doc)
    if action == "suggesties":  # a draft: no error messages yet, only what the text suggests
        page.errors = {}
        return _render_form(page, 200)
    if action == "voorbeeld":
        page.preview = _preview(doc, form)
        return _render_form(page, 200)
    if errors:
        page.message = "Het document is niet opgeslagen: verbeter de gemarkeerde velden."
        return _render_form(page, 422)
    if page.is_new and page.duplicates and not form.confirm_duplicate:
        page.message = ("Dit document bestaat misschien al (zie hieronder). Bekijk het; is dit toch een ander "
                        "document, vink dan 'Toch opslaan' aan en sla opnieuw op.")
        return _render_form(page, 409)
    if not page.is_new:
        if action == "terugzetten":  # after "deleted meanwhile": bring it back, then save over it as usual
            try:
                versions.undelete(svc.corpus_dir, svc.index_dir, form.id, _author(), svc.taxonomy)
            except editing.EditConflict:
                pass  # it is back already
            except KennisplatformError as problem:
                page.message = f"Het document kon niet worden teruggezet: {problem.message} Uw tekst staat nog in het formulier."
                return _render_form(page, problem.status)
            previous = _current(form.id)
        if not form.digest:  # a form that does not say which version it started from overwrites nothing
            return _conflict(page, doc, missing_digest=True)
    if previous is not None:
        doc = review.carried_over(previous, doc)  # the pending suggestions stay on the review page
    try:
        saved = editing.save_document(svc.corpus_dir, svc.index_dir, doc, svc.taxonomy,
                                      expected_digest=None if page.is_new else form.digest, author=_author())
    except editing.EditConflict as conflict:
        return _conflict(page, doc) or _render_form(page.with_message(conflict.message), 409)
    except NotFound:
        return _gone(page)
    except IndexBusy as busy:
        page.message = busy.message + " Uw tekst staat nog in het formulier."
        return _render_form(page, 503)
    except DocumentError as problem:
        page.message = "Het document kon niet worden opgeslagen: " + problem.message
        return _render_form(page, 422)
    what = "aangemaakt" if saved.created else ("opgeslagen" if saved.changed else "ongewijzigd opgeslagen")
    note = "" if saved.indexed else " De zoekindex was bezet; het document is straks vindbaar."
    flash(f"Document {what}.{note}", "ok")
    return redirect(url_for("editor.edit", doc_id=saved.document.id))


def _conflict(page: FormPage, doc: Document, missing_digest: bool = False):
    """The form again with what is saved now, compared with the editor's text, and the digest of that
    version: saving once more is a deliberate choice to replace it (it stays in the history). None when the
    file is still the version the editor opened (the conflict was of another kind)."""
    svc = services()
    form = page.form
    now = editing.current_text(svc.corpus_dir, form.id)
    if now is None:
        return _gone(page)
    text, digest = now
    if digest == form.digest:
        return None
    diff = compare(render_document(doc), text, svc.taxonomy)
    if not diff.changed:  # what is there already says what the editor wanted to save
        flash("Document ongewijzigd opgeslagen: de opgeslagen versie was al gelijk aan uw tekst.", "ok")
        return redirect(url_for("editor.edit", doc_id=form.id))
    latest = _latest_version(form.id)
    page.conflict = Conflict(diff=diff, by=latest.author if latest else "", at=latest.time if latest else None)
    form.digest = digest
    if missing_digest:
        page.message = ("Uw tekst is niet opgeslagen: het formulier gaf niet aan van welke versie u uitging. "
                        "Hieronder staat wat er nu is opgeslagen, vergeleken met uw tekst, die nog in het "
                        "formulier staat. Klopt uw tekst, klik dan op Opslaan.")
    else:
        page.message = ("Iemand anders heeft dit document opgeslagen nadat u het opende. Uw tekst is niet "
                        "opgeslagen en staat nog in het formulier; hieronder ziet u wat er nu staat. Neem over wat "
                        "u van die versie wilt houden en klik op Opslaan: dan wordt uw tekst de nieuwste versie. "
                        "De andere versie blijft in de geschiedenis.")
    return _render_form(page, 409)


def _gone(page: FormPage):
    """An edit of a document that is no longer there: the form stays, with a way back (restore it, or save
    the text as a new document)."""
    svc = services()
    form = page.form
    latest = _latest_version(form.id)
    restorable = latest is not None and any(not v.deleted for v in versions.versions_of(svc.corpus_dir, form.id))
    page.conflict = Conflict(gone=True, restorable=restorable, by=latest.author if latest else "",
                             at=latest.time if latest else None)
    if not restorable:
        page.message = (f"Document '{form.id}' bestaat niet (meer). Uw tekst is niet opgeslagen en staat nog in "
                        "het formulier: sla hem op als nieuw document.")
        return _render_form(page, 404)
    page.message = ("Dit document is verwijderd nadat u het opende. Uw tekst is niet opgeslagen en staat nog in het "
                    "formulier. Zet het document terug uit de prullenbak en sla uw tekst erin op, of sla uw tekst "
                    "op als nieuw document.")
    return _render_form(page, 409)


def _latest_version(doc_id: str) -> versions.Version | None:
    found = versions.versions_of(services().corpus_dir, doc_id)
    return found[-1] if found else None


@bp.route("/document/<doc_id>/verwijderen", methods=["GET", "POST"])
@login_required
def delete(doc_id: str):
    svc = services()
    opened = editing.open_document(svc.corpus_dir, doc_id, svc.taxonomy)  # NotFound -> 404
    if request.method != "POST":  # GET, and HEAD (which Flask routes here too): only the question
        return render_template("editor/delete.html", doc=opened.document)
    try:
        editing.delete_document(svc.corpus_dir, svc.index_dir, doc_id, svc.taxonomy, author=_author())
    except IndexBusy as busy:
        return render_template("editor/delete.html", doc=opened.document, message=busy.message), 503
    flash(f"'{opened.document.title}' is naar de prullenbak verplaatst.", "ok")
    return redirect(url_for("editor.dashboard"))


@bp.route("/importeren", methods=["GET", "POST"])
@login_required
def upload():
    svc = services()
    context = {"types": svc.taxonomy.terms("type"), "themes": svc.taxonomy.terms("theme"),
               "region_groups": choice_groups(svc.taxonomy, "region"), "suffixes": sorted(importer.SUFFIXES),
               "max_files": UPLOAD_MAX_FILES, "max_mb": UPLOAD_MAX_BYTES // 1_000_000,
               "max_binary_mb": importer.MAX_BINARY_BYTES // 1_000_000,
               "max_request_mb": (current_app.config.get("MAX_CONTENT_LENGTH") or 0) // (1024 * 1024)}
    if request.method != "POST":  # GET and HEAD: the empty form
        return render_template("editor/import.html", **context)
    files = [f for f in request.files.getlist("bestanden") if f and f.filename]
    errors: list[str] = []
    if not files:
        errors.append("Kies een of meer bestanden.")
    if len(files) > UPLOAD_MAX_FILES:
        errors.append(f"Hooguit {UPLOAD_MAX_FILES} bestanden tegelijk.")
    try:
        date = importer.batch_date(request.form.get("datum"))
    except ValueError as exc:
        errors.append(f"Datum: {exc}.")
        date = None
    options = importer.Options(type=request.form.get("type") or None,
                               themes=tuple(v for v in request.form.getlist("themes") if v),
                               regions=tuple(v for v in request.form.getlist("regions") if v),
                               date=date, dry_run=request.form.get("proef") == "1")
    if errors:
        return render_template("editor/import.html", errors=errors, **context), 400
    outcomes: list[importer.Outcome] = []
    upload_root = Path(current_app.instance_path) / "uploads"
    upload_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=upload_root) as tmp:
        paths, names = [], {}
        for number, item in enumerate(files, 1):
            shown = upload_name(item.filename)
            suffix = Path(shown).suffix.lower()
            if suffix not in importer.SUFFIXES:
                outcomes.append(importer.Outcome(shown, "failed", reason=f"bestandstype {suffix or '(geen)'} is "
                                                 f"niet toegestaan (wel: {', '.join(sorted(importer.SUFFIXES))})"
                                                 f"{importer.save_as(suffix)}"))
                continue
            data = item.stream.read(importer.max_bytes(suffix) + 1)
            if len(data) > importer.max_bytes(suffix):
                outcomes.append(importer.Outcome(shown, "failed", reason=importer.too_big(suffix)))
                continue
            path = Path(tmp) / f"{number:03d}-{secure_filename(shown) or 'bestand' + suffix}"
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)
            path.write_bytes(data)
            paths.append(path)
            names[path] = shown
        if paths:
            try:
                outcomes += importer.Importer(svc.corpus_dir, svc.index_dir, svc.taxonomy, options).run(
                    paths, names=names)
            except IndexBusy as busy:
                return render_template("editor/import.html", errors=[busy.message], **context), 503
            except importer.ImportProblem as problem:
                return render_template("editor/import.html", errors=[problem.message], **context), 400
    # Every file refused (unreadable, empty, of another kind): the request did nothing, which its status says too
    # (422, as a form with errors); the page lists each file with its reason, as after any upload.
    status = 422 if outcomes and all(o.status == "failed" for o in outcomes) else 200
    return render_template("editor/import.html", outcomes=outcomes, summary=importer.summarise(outcomes),
                           review_summary=importer.review_summary(outcomes),
                           dry_run=options.dry_run, **context), status


UPLOAD_NAME_MAX = 200


def upload_name(filename: str) -> str:
    """The name an uploaded file had on the editor's computer (without a folder), as the import shows it and
    may take a title from; cut in its stem when too long, so that its extension, which says what kind of file
    it is, stays (cutting the whole name at 200 characters refused a long name as having no file type)."""
    name = Path(filename).name
    if len(name) <= UPLOAD_NAME_MAX:
        return name
    suffix = Path(name).suffix
    suffix = suffix if len(suffix) <= 10 else ""
    return name[:UPLOAD_NAME_MAX - len(suffix)].rstrip(". ") + suffix


@bp.get("/zoekvragen")
@login_required
def search_log():
    try:
        weeks = min(max(int(request.args.get("weken", "4")), 1), 52)
    except ValueError:
        weeks = 4
    report = searchlog.report(current_app.instance_path, weeks=weeks)
    return render_template("editor/searchlog.html", report=report, weeks=weeks)


def _author() -> Author:
    """The history names the logged-in editor as the author of a save or delete."""
    return Author(current_editor() or "redacteur")


def register(app: Flask) -> None:
    from . import auth

    auth.register(app)
    app.register_blueprint(bp)
    app.register_blueprint(review_views.bp)
