"""Running an import: one outcome per file (created, updated, unchanged, duplicate or failed, and why).
Saving goes through editing.Writer (atomic files, unique slugs, the corpus lock), a batch of files per
lock, so editors wait at most one batch and a killed import leaves only whole files."""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Iterable

from .. import attachments, history, suggest
from ..corpus import taxonomy_for
from ..documents import Document, render_document
from ..editing import Writer, base_slug, open_document
from ..errors import KennisplatformError, os_reason
from ..taxonomy import Taxonomy
from .fields import choose_fields
from .files import iter_files, read_path
from .identity import BY_TITLE_AND_DATE, Identities, Known, Match, normalise_url
from .model import STATUS_LABELS, STATUSES, Draft, ImportProblem, Options, Outcome, Progress
from .titles import same_text

BATCH = 20  # files saved per hold of the corpus lock
# Above this cosine a text from another address is a copy of one we have, not a page of its own.
COPY_SIMILARITY = 0.95
SAME_FILE = "hetzelfde bestand is al eerder geïmporteerd; niets veranderd"
log = logging.getLogger(__name__)


class Importer:
    def __init__(self, corpus_dir: Path, index_dir: Path, taxonomy: Taxonomy | None = None,
                 options: Options | None = None):
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self.taxonomy = taxonomy or taxonomy_for(self.corpus_dir)
        self.options = options or Options()
        self._texts: suggest.TextIndex | None = None  # "very similar" checks against the corpus
        self._known: Identities | None = None
        self._touched: set[str] = set()  # documents created or matched by this run: not matched again
        self._seen: list[tuple[str, str, Counter]] = []  # (id, title, vector) saved by this run

    def check_options(self) -> None:
        """Refuse unknown option values before touching any file."""
        opts = self.options
        if opts.type and not self.taxonomy.resolve("type", opts.type):
            raise ImportProblem(f"onbekend type '{opts.type}'")
        for facet, values in (("theme", opts.themes), ("region", opts.regions)):
            for value in values:
                if not self.taxonomy.resolve(facet, value):
                    hint = self.taxonomy.closest(facet, value)
                    raise ImportProblem(f"onbekende waarde '{value}'" + (f" (bedoelde u '{hint}'?)" if hint else ""))

    def run(self, paths: Iterable[Path], progress: Progress | None = None,
            names: dict[Path, str] | None = None) -> list[Outcome]:
        """Import every file; `names` gives the name to report for a path (uploads)."""
        self.check_options()
        self._texts = suggest.text_index(self.corpus_dir)
        files = list(iter_files(paths))
        self.batch = history.new_batch()  # one history batch per run: `undo-import` takes it back
        outcomes: list[Outcome] = []
        for start in range(0, len(files), BATCH):
            batch = files[start:start + BATCH]
            if self.options.dry_run:
                outcomes.extend(self._one(None, f, (names or {}).get(f, str(f))) for f in batch)
            else:
                with Writer(self.corpus_dir, self.index_dir, self.taxonomy,
                            author=history.Author("import", batch=self.batch)) as writer:
                    attachments.remove_leftovers(self.corpus_dir)  # under the lock, like the Writer's own
                    for f in batch:
                        outcomes.append(self._one(writer, f, (names or {}).get(f, str(f))))
            if progress:
                progress(min(start + BATCH, len(files)), len(files))
        return outcomes

    def _one(self, writer: Writer | None, path: Path, shown: str) -> Outcome:
        try:
            return self._import(writer, path, shown)
        except ImportProblem as problem:
            return Outcome(shown, "failed", reason=problem.message)
        except KennisplatformError as error:
            return Outcome(shown, "failed", reason=error.message)
        except OSError as error:
            return Outcome(shown, "failed", reason=f"niet gelezen of opgeslagen: {os_reason(error)}")
        except Exception:  # noqa: BLE001 - one file's failure is reported with it; the other files go on
            log.exception("import: %s mislukt", shown)
            return Outcome(shown, "failed", reason="onverwachte fout bij dit bestand (in het logboek gezet); "
                                                   "niet geïmporteerd")

    def _import(self, writer: Writer | None, path: Path, shown: str) -> Outcome:
        draft = read_path(path, self.taxonomy, shown)
        if not draft.title:
            raise ImportProblem("geen titel gevonden")
        if not draft.body.strip():
            raise ImportProblem("geen tekst gevonden" + _script_hint(draft))
        if draft.date is None:  # unknown is normal; the run may give a batch one date
            draft.date = self.options.date
        fields = choose_fields(draft, self.options, self.taxonomy)
        doc, suggested = fields.document, fields.suggested
        match = self._match(doc, draft)
        if match.doc_id is not None:
            updated = self._update(writer, match, doc, draft, shown, suggested)
            if updated is not None:
                return updated
            match = Match(None, remark=f"{BY_TITLE_AND_DATE} als '{match.doc_id}', dat in de redactie is "
                                       "geschreven: niet overschreven, apart opgeslagen")
        duplicate = self._similar(doc)
        similar = f"lijkt op '{duplicate.title}' ({round(duplicate.score * 100)}%)" if duplicate else None
        if duplicate is not None and self._is_copy(doc, duplicate, self._identities().get(duplicate.id)):
            return Outcome(shown, "duplicate", duplicate.id, doc.title, similar)
        other = ("ander bronadres" if doc.source.url else
                 "zelfde titel, andere datum" if duplicate and same_text(duplicate.title, doc.title)
                 else "andere titel")
        remark = "; ".join(filter(None, [match.remark, similar and f"{similar}, {other}: apart opgeslagen",
                                         *draft.notes]))
        if writer is None:
            return Outcome(shown, "created", base_slug(doc.title, doc.date), doc.title,
                           "; ".join(filter(None, ["proefdraai", remark])), suggested,
                           pending=len(doc.suggestions))
        saved = writer.save(doc)
        self._keep_original(writer, saved.document.id, draft)
        self._remember(saved.document)
        return Outcome(shown, "created", saved.document.id, doc.title, remark, suggested, pending=len(doc.suggestions))

    @staticmethod
    def _is_copy(doc: Document, duplicate: suggest.Duplicate, known: Known | None = None) -> bool:
        """A page from its own address is its own document (issue 10), unless its text is a copy of one
        we have (a syndicated news item): an older or reworked version of a page elsewhere, at 0.7-0.95,
        is kept and reported, so that nothing a searcher could need is dropped. The same holds for files
        without an address (PDF and Word): this year's report written from last year's template is
        similar, not the same document. A file without an address dated otherwise than the document it is like
        is another meeting's report from the same template (the same members present, the same agenda): its own
        document, however alike."""
        if doc.date and not doc.source.url and known is not None and known.date and known.date != doc.date:
            return False
        return duplicate.score >= COPY_SIMILARITY

    # -- identity ---------------------------------------------------------------------------------------
    def _identities(self) -> Identities:
        if self._known is None:
            self._known = Identities(self.corpus_dir)
        return self._known

    def _match(self, doc: Document, draft: Draft) -> Match:
        original = draft.original.data if draft.original else None
        return self._identities().match(doc.title, doc.date, doc.source.url, original, exclude=self._touched,
                                        same_text=lambda doc_id: self._same_text(doc_id, doc))

    def _same_text(self, doc_id: str, doc: Document) -> bool:
        """Whether a corpus document has mostly the text of this one: a new version of a file keeps most
        of its words, another meeting's notes under the same title do not."""
        old = open_document(self.corpus_dir, doc_id, self.taxonomy).document
        score = suggest.cosine(suggest.document_vector(old.title, old.body),
                               suggest.document_vector(doc.title, doc.body))
        return score >= suggest.SIMILARITY_THRESHOLD

    def _similar(self, doc: Document) -> suggest.Duplicate | None:
        vector = suggest.document_vector(doc.title, doc.body)
        for doc_id, title, other in self._seen:
            score = suggest.cosine(vector, other)
            if score >= suggest.SIMILARITY_THRESHOLD:
                return suggest.Duplicate(doc_id, title, "tekst", score)
        found = self._texts.similar(doc.title, doc.body) if self._texts else []
        return found[0] if found else None

    def _remember(self, doc: Document) -> None:
        self._touched.add(doc.id)
        self._seen.append((doc.id, doc.title, suggest.document_vector(doc.title, doc.body)))
        if self._texts is not None and doc.path:
            self._texts.note(self.corpus_dir / doc.path, doc.title, doc.body)
        self._identities().add(Known(doc.id, doc.title, doc.date, normalise_url(doc.source.url)))

    def _keep_original(self, writer: Writer, doc_id: str, draft: Draft) -> None:
        """Keep the imported file beside its document, in the same history commit (undo and backup see it)."""
        if draft.original is not None:
            previous = attachments.find(self.corpus_dir, doc_id)
            writer.mark_file_change()
            kept = attachments.keep(self.corpus_dir, doc_id, draft.original.suffix, draft.original.data)
            writer.record_files(*{a.path for a in (previous, kept) if a is not None})

    def _update(self, writer: Writer | None, match: Match, doc: Document, draft: Draft, shown: str,
                suggested: tuple[str, ...]) -> Outcome | None:
        """The file's title, date, text and source replace those of the document it was imported from
        before; its taxonomy values stay (an editor may have curated them) unless the options or the file
        give values. A file identical to the one imported before changes nothing (not even an editor's
        corrections of the text), and a document written in the editor is never replaced: None when it
        was found by title and date (the file becomes a document of its own)."""
        doc_id = match.doc_id
        opened = open_document(self.corpus_dir, doc_id, self.taxonomy)
        old, opts = opened.document, self.options
        kept = attachments.find(self.corpus_dir, doc_id)
        if kept is not None and draft.original is not None and kept.read() == draft.original.data:
            self._touched.add(doc_id)
            return Outcome(shown, "unchanged", doc_id, old.title, SAME_FILE, match=match.by)
        merged = doc.with_changes(
            id=doc_id,
            type=doc.type if (opts.type or draft.type) else old.type,
            themes=doc.themes if (opts.themes or draft.themes) else (old.themes or doc.themes),
            regions=doc.regions if (opts.regions or draft.regions) else (old.regions or doc.regions),
            disciplines=draft.disciplines or old.disciplines or doc.disciplines,
            audience=draft.audience or old.audience or doc.audience,
            organisations=draft.organisations or old.organisations,
            summary=doc.summary or old.summary,
            date=doc.date or old.date,  # a date found before (or given by an editor) is not forgotten
            path=old.path,
            suggestions=old.suggestions,  # what editors accepted or dismissed is not suggested again
        )
        if render_document(merged) == render_document(old):
            self._touched.add(doc_id)
            if kept is None and writer is not None:
                # This import's own text (an import killed between the document and its original):
                # the original is kept now, so the next change of the file updates it.
                self._keep_original(writer, doc_id, draft)
            return Outcome(shown, "unchanged", doc_id, old.title, match=match.by)
        if kept is None:
            if match.by == BY_TITLE_AND_DATE:
                return None
            self._touched.add(doc_id)
            return Outcome(shown, "unchanged", doc_id, old.title, "in de redactie geschreven of bewerkt: "
                           "niet overschreven", match=match.by)
        notes = "; ".join(draft.notes) or None
        if writer is None:
            return Outcome(shown, "updated", doc_id, merged.title, "; ".join(["proefdraai", *draft.notes]),
                           match=match.by)
        saved = writer.save(merged, expected_digest=opened.digest)
        self._keep_original(writer, doc_id, draft)
        self._remember(saved.document)
        if not saved.changed:
            return Outcome(shown, "unchanged", doc_id, old.title, match=match.by)
        return Outcome(shown, "updated", doc_id, merged.title, notes, match=match.by)


def import_paths(corpus_dir: Path, index_dir: Path, paths: Iterable[Path], options: Options | None = None,
                 taxonomy: Taxonomy | None = None, progress: Progress | None = None) -> list[Outcome]:
    return Importer(corpus_dir, index_dir, taxonomy, options).run(paths, progress)


def _script_hint(draft: Draft) -> str:
    """A web page without text that loads its content with JavaScript (a saved app's page: '<div id="root">' and
    scripts): the page as a browser shows it has to be saved or printed instead."""
    original = draft.original
    if original is None or original.suffix not in (".html", ".htm") or b"<script" not in original.data.lower():
        return ""
    return (" (de pagina laadt haar tekst waarschijnlijk met JavaScript; open hem in de browser en bewaar hem als "
            "PDF met 'Afdrukken', of kopieer de tekst in een tekstbestand)")


def summarise(outcomes: list[Outcome]) -> str:
    counts = Counter(o.status for o in outcomes)
    return ", ".join(f"{counts.get(s, 0)} {STATUS_LABELS[s]}" for s in STATUSES)


def review_summary(outcomes: list[Outcome]) -> str | None:
    """How many suggested values wait for an editor ("3 voorgestelde waarden bij 2 bestanden wachten op een
    oordeel"); None when there are none."""
    pending = sum(o.pending for o in outcomes)
    if not pending:
        return None
    files = sum(1 for o in outcomes if o.pending)
    return (f"{pending} {'voorgestelde waarde' if pending == 1 else 'voorgestelde waarden'} bij {files} "
            f"{'bestand' if files == 1 else 'bestanden'} {'wacht' if pending == 1 else 'wachten'} op een oordeel")


