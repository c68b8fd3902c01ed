"""The editors' dashboard lists documents by the time their file was last written. It keeps the listing
between loads (editing.RecentFiles) and lists a folder again only when the folder changed: every way the
corpus is written must show at once, and a load with nothing changed must cost a stat per folder."""
from __future__ import annotations

import io
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from conftest import write_document
from editor_support import FIXTURES, form_data, login, make_app, token
from kennisplatform import editing, history, postings, review, versions
from kennisplatform.backup import create_backup, restore_backup
from kennisplatform.corpus import TYPE_FOLDERS, iter_markdown_files, taxonomy_for
from kennisplatform.documents import PendingValue, parse_document, render_document
from kennisplatform.importer import Importer
from kennisplatform.index import update_index
from kennisplatform.search import SearchEngine

LONG_AGO = 1_600_000_000  # seconds: older than any racy window


def age(corpus: Path, stamp: int = LONG_AGO) -> None:
    """Every document file and folder as if written long ago (files one second apart, in name order), so
    that a folder's listing is trusted until the folder changes."""
    for n, path in enumerate(sorted(corpus.glob("*/**/*.md"))):
        os.utime(path, (stamp + n, stamp + n))
    for folder in sorted((p for p in corpus.glob("*/**") if p.is_dir()), key=lambda p: -len(p.parts)):
        os.utime(folder, (stamp + 500, stamp + 500))


def by_stat(corpus: Path) -> list[tuple[str, str]]:
    """What the dashboard listed before the cache: every document file stat'd, newest first."""
    found = sorted((-p.stat().st_mtime_ns, p.stem.lower(), p.relative_to(corpus).as_posix())
                   for p in iter_markdown_files(corpus))
    return [(doc_id, relpath) for _, doc_id, relpath in found]


def listed(files: editing.RecentFiles, count: int = 1000) -> list[tuple[str, str]]:
    shown, total = files.page(0, count)
    assert total == len(shown) or count < total
    return [(r.doc_id, r.relpath) for r in shown]


class Calls:
    """Counts os.stat and os.scandir while it is active (RecentFiles calls nothing else on the disk)."""

    def __init__(self, monkeypatch):
        self.stat = self.scandir = 0
        real_stat, real_scandir = os.stat, os.scandir

        def stat(*args, **kwargs):
            self.stat += 1
            return real_stat(*args, **kwargs)

        def scandir(*args, **kwargs):
            self.scandir += 1
            return real_scandir(*args, **kwargs)

        monkeypatch.setattr(os, "stat", stat)
        monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def big(tmp_path) -> Path:
    """200 documents in the three type folders, one subfolder, and what the dashboard must leave out."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "corpus" / "taxonomy.yaml", corpus / "taxonomy.yaml")
    types = list(TYPE_FOLDERS)
    for n in range(200):
        write_document(corpus, f"doc-{n:03d}", types[n % 3], "2020-01-01", ["erfgoed"], ["Leiden"], {},
                       f"Tekst {n}.\n")
    sub = corpus / "verslagen" / "2019"
    sub.mkdir()
    (corpus / "verslagen" / "doc-000.md").rename(sub / "doc-000.md")
    (corpus / "verslagen" / ".tmp-half.part").write_text("x")  # a writer's temporary file
    (corpus / "verslagen" / "notitie.txt").write_text("x")
    (corpus / "artikelen" / ".verborgen").mkdir()
    (corpus / "artikelen" / ".verborgen" / "geheim.md").write_text("x")
    (corpus / "artikelen" / "koppeling.md").symlink_to(corpus / "artikelen" / "doc-002.md")
    outside = tmp_path / "buiten.md"
    outside.write_text("x")
    (corpus / "artikelen" / "naar-buiten.md").symlink_to(outside)
    age(corpus)
    return corpus


def test_the_listing_is_the_one_of_a_stat_per_file(big):
    files = editing.RecentFiles(big)
    expected = by_stat(big)
    assert listed(files) == expected and len(expected) == 201  # 200 and the link inside the corpus
    assert ("naar-buiten", "artikelen/naar-buiten.md") not in expected
    assert listed(files) == expected  # from the kept listing
    shown, total = files.page(190, 25)
    assert total == 201 and [(r.doc_id, r.relpath) for r in shown] == expected[190:]
    assert shown[0].modified.timestamp() == pytest.approx((big / expected[190][1]).stat().st_mtime)
    assert editing.recently_changed(big, 0, 5) == files.page(0, 5)  # without a kept listing: the same


def test_a_second_load_with_nothing_changed_costs_a_stat_per_folder(big, monkeypatch):
    files = editing.RecentFiles(big)
    first = listed(files)
    calls = Calls(monkeypatch)
    assert listed(files) == first
    # Three type folders and verslagen/2019; the one linked document (whose target may change unseen).
    assert (calls.scandir, calls.stat) == (0, 4 + 1)
    # One file replaced: only its folder is listed again, and only its files are stat'd.
    target = big / "voorbeeldprojecten" / "doc-001.md"
    editing.replace_file(target, target.read_text() + "Meer.\n")
    folder_files = len(list((big / "voorbeeldprojecten").glob("*.md")))
    os.utime(big / "voorbeeldprojecten", (LONG_AGO + 600, LONG_AGO + 600))  # a change long ago, not racy
    calls.stat = calls.scandir = 0
    assert listed(files)[0] == ("doc-001", "voorbeeldprojecten/doc-001.md")
    assert (calls.scandir, calls.stat) == (1, 4 + 1 + folder_files)
    expected = by_stat(big)
    calls.stat = calls.scandir = 0
    assert listed(files) == expected
    assert (calls.scandir, calls.stat) == (0, 4 + 1)


def test_a_folder_changed_just_now_is_listed_again_on_the_next_load(big):
    """Two changes within one tick of the clock leave the folder's mtime as the first one set it: a listing
    taken in that tick is not trusted."""
    files = editing.RecentFiles(big)
    folder = big / "artikelen"
    soon = time.time() + 3600  # "now" for the folder, whatever the machine's load
    os.utime(folder, (soon, soon))
    listed(files)
    target = folder / "doc-005.md"
    os.utime(target, (LONG_AGO + 9000, LONG_AGO + 9000))  # rewritten in the same tick:
    os.utime(folder, (soon, soon))  # its folder's mtime is what it was
    assert listed(files)[0] == ("doc-005", "artikelen/doc-005.md")


def test_every_way_of_writing_the_corpus_shows_at_once(big, tmp_path):
    index = tmp_path / "index"
    taxonomy = taxonomy_for(big)
    update_index(big, index, taxonomy=taxonomy)
    files = editing.RecentFiles(big)

    def check(first: str | None = None, gone: str | None = None) -> None:
        now = listed(files)
        assert now == by_stat(big)
        if first:
            assert now[0][0] == first
        if gone:
            assert gone not in {doc_id for doc_id, _ in now}
        age(big, LONG_AGO + 100_000 * check.round)  # the next change starts from trusted listings again
        check.round += 1
        assert listed(files) == by_stat(big)
    check.round = 1

    check()
    saved = editing.save_document(big, index, editing.open_document(big, "doc-004", taxonomy).document
                                  .with_changes(body="Nieuwe tekst.\n"), taxonomy)
    check(first=saved.document.id)
    moved = editing.save_document(big, index, editing.open_document(big, "doc-007", taxonomy).document
                                  .with_changes(type="artikel"), taxonomy)  # to another type folder
    assert moved.document.path == "artikelen/doc-007.md"
    check(first="doc-007")
    editing.delete_document(big, index, "doc-010", taxonomy)
    check(gone="doc-010")
    versions.undelete(big, index, "doc-010", taxonomy=taxonomy)
    check(first="doc-010")
    versions.revert(big, index, "doc-004", "1", taxonomy=taxonomy)
    check(first="doc-004")
    outcomes = Importer(big, index, taxonomy).run([FIXTURES / "verslag-met-kop.md"])
    imported = outcomes[0].doc_id
    assert outcomes[0].status == "created"
    check(first=imported)
    versions.undo_import(big, index, taxonomy=taxonomy)
    check(gone=imported)
    # A restored backup: every folder is new.
    archive = tmp_path / "kopie.tar.gz"
    create_backup(big, index, tmp_path / "instance", archive)
    before = listed(files)
    shutil.rmtree(big)
    assert listed(files) == []
    restore_backup(archive, big, tmp_path / "index-2", tmp_path / "instance-2")
    assert history.exists(big)
    link = ("koppeling", "artikelen/koppeling.md")  # a backup keeps no links
    assert set(listed(files)) == set(before) - {link} and listed(files) == by_stat(big)


# -- the dashboard itself ------------------------------------------------------------------------------------
@pytest.fixture
def editor(corpus_dir, index_dir, tmp_path):
    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    assert login(client).status_code == 302
    return client


def dashboard(client) -> tuple[list[str], str]:
    page = client.get("/redactie/").get_data(as_text=True)
    return re.findall(r'<td><a href="/document/([^"]+)">', page), page


def upload_report(editor) -> None:
    """An import of a meeting report uploaded on the editors' import page."""
    data = MultiDict({"csrf_token": token(editor, "/redactie/importeren")})
    data.add("bestanden", FileStorage(io.BytesIO((FIXTURES / "verslag-met-kop.md").read_bytes()),
                                      filename="verslag.md"))
    boundary, body = encode_multipart(data)
    response = editor.post("/redactie/importeren", data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert "1 nieuw" in response.get_data(as_text=True)


def test_the_dashboard_shows_a_save_an_import_and_a_delete_at_once(editor, corpus_dir):
    age(corpus_dir)
    before, _ = dashboard(editor)
    assert before == [doc_id for doc_id, _ in by_stat(corpus_dir)] and len(before) == 5
    assert dashboard(editor)[0] == before  # kept
    # An editor's save of an existing document.
    url = "/redactie/document/erfgoed-dordrecht"
    digest = re.search(r'name="digest" value="([0-9a-f]{64})"', editor.get(url).get_data(as_text=True)).group(1)
    fields = form_data(type="voorbeeldproject", title="Erfgoed in Dordrecht", date="2019-03-01", digest=digest,
                       body="Scholen bouwen samen aan de stadsgeschiedenis.", themes=["erfgoed"],
                       regions=["dordrecht"], csrf_token=token(editor, url))
    assert editor.post(url, data=fields).status_code == 302
    assert dashboard(editor)[0][0] == "erfgoed-dordrecht"
    # An import of an uploaded file.
    upload_report(editor)
    now, page = dashboard(editor)
    assert now[1] == "erfgoed-dordrecht" and now[0] not in before and len(now) == 6
    # A delete to the trash.
    delete = "/redactie/document/erfgoed-leiden/verwijderen"
    assert editor.post(delete, data={"csrf_token": token(editor, delete)}).status_code == 302
    after, _ = dashboard(editor)
    assert "erfgoed-leiden" not in after and len(after) == 5 and after[:2] == now[:2]


def with_suggestions(corpus: Path, doc_id: str, taxonomy, *values: tuple[str, str]) -> None:
    """Give a document suggestions in its file, as an import leaves them (not through the index)."""
    path = next(corpus.glob(f"*/**/{doc_id}.md"))
    doc = parse_document(path.read_text(encoding="utf-8"), doc_id, taxonomy).document
    pending = tuple(PendingValue(key, value, 0.4) for key, value in values)
    editing.replace_file(path, render_document(doc.with_changes(suggestions=pending)))


def pending_ids(pending: review.PendingList, corpus: Path, taxonomy, engine: SearchEngine) -> list[str]:
    return [d.id for d in pending.documents(corpus, taxonomy, engine)]


def scanned(corpus: Path, taxonomy) -> list[str]:
    """The documents to review by reading every file (no index): what the list must show."""
    return [d.id for d in review.scan_pending(corpus, taxonomy)]


def test_a_first_load_of_the_review_count_reads_only_the_documents_to_review(big, tmp_path, monkeypatch):
    """review.PendingList read the head of every corpus file on its first load in a process (4 s at 100,000
    documents); the index now says which documents have suggestions, and only their files are read."""
    taxonomy = taxonomy_for(big)
    marked = ["doc-004", "doc-050", "doc-101", "doc-177"]
    for doc_id in marked:
        with_suggestions(big, doc_id, taxonomy, ("themes", "inclusie"))
    age(big)  # long ago: a file read is trusted until its (mtime, size) changes
    index = tmp_path / "index"
    update_index(big, index, taxonomy=taxonomy)
    reads = []
    real = review.pending_in_file
    monkeypatch.setattr(review, "pending_in_file", lambda path, *args: reads.append(path.stem) or real(path, *args))
    engine = SearchEngine(index, taxonomy)  # a new worker
    pending = review.PendingList()
    assert sorted(pending_ids(pending, big, taxonomy, engine)) == marked == sorted(scanned(big, taxonomy))
    assert sorted(reads[:len(marked)]) == marked and len(reads) == len(marked) + 201  # scanned(): every file
    reads.clear()
    stored = []  # the stored fields the engine reads (not again for a segment it read before)
    real_fields = postings.StoredFields._fields
    monkeypatch.setattr(postings.StoredFields, "_fields",
                        lambda self, docnum: stored.append(docnum) or real_fields(self, docnum))
    # A save elsewhere: the list is asked again (another index version), no file is read again.
    editing.save_document(big, index, editing.open_document(big, "doc-020", taxonomy).document
                          .with_changes(body="Nieuwe tekst.\n"), taxonomy)
    assert sorted(pending_ids(pending, big, taxonomy, engine)) == marked and reads == [] == stored
    # A save of a document to review: only its file is read again.
    doc = editing.open_document(big, "doc-050", taxonomy).document
    editing.save_document(big, index, doc.with_changes(themes=("inclusie",)), taxonomy)  # settles it
    assert sorted(pending_ids(pending, big, taxonomy, engine)) == ["doc-004", "doc-101", "doc-177"]
    assert reads == ["doc-050"] and len(stored) == 1  # its new version, in the new segment
    # Its settled suggestion is still in its front matter: the index names it once (the version it
    # replaced, deleted in the large segment, not at all).
    assert sorted(engine.awaiting_review()) == [
        (doc_id, next(big.glob(f"*/**/{doc_id}.md")).relative_to(big).as_posix()) for doc_id in marked]
    engine.close()


def test_every_way_of_writing_the_corpus_shows_in_the_review_count_at_once(big, tmp_path):
    """In another worker too: its own engine and list, the writes made elsewhere (here: in this process
    through the modules, as the web app, the command line or another worker makes them)."""
    index = tmp_path / "index"
    taxonomy = taxonomy_for(big)
    update_index(big, index, taxonomy=taxonomy)
    engine, pending = SearchEngine(index, taxonomy), review.PendingList()

    def check(expected: list[str]) -> None:
        assert sorted(pending_ids(pending, big, taxonomy, engine)) == sorted(expected)
        assert pending_ids(pending, big, taxonomy, engine) == scanned(big, taxonomy)

    check([])
    # An editor's save that gives suggestions (as the form keeps them), and one that moves the file.
    for doc_id, doc_type in (("doc-004", None), ("doc-007", "artikel")):
        doc = editing.open_document(big, doc_id, taxonomy).document
        changed = doc.with_changes(suggestions=(PendingValue("themes", "inclusie", 0.4),
                                                PendingValue("regions", "gouda", 0.3)))
        editing.save_document(big, index, changed.with_changes(type=doc_type) if doc_type else changed, taxonomy)
    check(["doc-004", "doc-007"])
    assert editing.open_document(big, "doc-007", taxonomy).document.path == "artikelen/doc-007.md"
    # Accept and dismiss on the review page.
    review.review(big, index, taxonomy, "doc-004", "themes", "inclusie", accept=True)
    check(["doc-004", "doc-007"])
    review.review(big, index, taxonomy, "doc-004", "regions", "gouda", accept=False)
    check(["doc-007"])
    # A delete, an undelete, a revert to a version with suggestions and one without.
    editing.delete_document(big, index, "doc-007", taxonomy)
    check([])
    versions.undelete(big, index, "doc-007", taxonomy=taxonomy)
    check(["doc-007"])
    versions.revert(big, index, "doc-004", "2", taxonomy=taxonomy)  # the first save: suggestions
    check(["doc-004", "doc-007"])
    versions.revert(big, index, "doc-004", "1", taxonomy=taxonomy)  # as the corpus had it
    check(["doc-007"])
    # An import that leaves values for review, and its undo.
    outcomes = Importer(big, index, taxonomy).run([FIXTURES / "verslag-met-kop.md"])
    imported = outcomes[0].doc_id
    assert outcomes[0].status == "created"
    check(["doc-007", imported])
    versions.undo_import(big, index, taxonomy=taxonomy)
    check(["doc-007"])
    engine.close()


def test_a_file_rewritten_within_one_tick_is_read_again(big, tmp_path):
    """A file read in the tick of its mtime is not trusted: another write of the same size in that tick
    leaves the same (mtime, size)."""
    index = tmp_path / "index"
    taxonomy = taxonomy_for(big)
    with_suggestions(big, "doc-030", taxonomy, ("themes", "samenwerking"))
    path = big / "verslagen" / "doc-030.md"
    written = path.stat()
    update_index(big, index, taxonomy=taxonomy)
    engine, pending = SearchEngine(index, taxonomy), review.PendingList()
    [(before,)] = [[p.value for p in d.pending] for d in pending.documents(big, taxonomy, engine)]
    with_suggestions(big, "doc-030", taxonomy, ("themes", "kennisdeling"))  # as long, in the same tick:
    os.utime(path, ns=(written.st_atime_ns, written.st_mtime_ns))
    assert path.stat().st_size == written.st_size
    editing.save_document(big, index, editing.open_document(big, "doc-020", taxonomy).document
                          .with_changes(body="Nieuwe tekst.\n"), taxonomy)  # any save: a refresh
    [(after,)] = [[p.value for p in d.pending] for d in pending.documents(big, taxonomy, engine)]
    assert (before, after) == ("samenwerking", "kennisdeling")
    engine.close()


def test_a_file_changed_behind_the_platforms_back_counts_once_indexed(big, tmp_path):
    """The index says which files are read: suggestions written into a file by hand count after
    `kennisplatform index`; a listed file whose suggestions were taken out by hand drops out at once."""
    index = tmp_path / "index"
    taxonomy = taxonomy_for(big)
    with_suggestions(big, "doc-030", taxonomy, ("themes", "inclusie"))
    update_index(big, index, taxonomy=taxonomy)
    engine, pending = SearchEngine(index, taxonomy), review.PendingList()
    assert pending_ids(pending, big, taxonomy, engine) == ["doc-030"]
    with_suggestions(big, "doc-031", taxonomy, ("themes", "inclusie"))  # by hand
    with_suggestions(big, "doc-030", taxonomy)  # by hand: none left
    editing.save_document(big, index, editing.open_document(big, "doc-020", taxonomy).document
                          .with_changes(body="Nieuwe tekst.\n"), taxonomy)  # any save: a refresh
    assert pending_ids(pending, big, taxonomy, engine) == []
    assert review.PendingList().documents(big, taxonomy, engine) == []  # a new worker: the same
    update_index(big, index, taxonomy=taxonomy)  # kennisplatform index
    assert pending_ids(pending, big, taxonomy, engine) == ["doc-031"] == scanned(big, taxonomy)
    engine.close()


def test_the_dashboard_counts_documents_to_review_after_every_write(editor, corpus_dir, index_dir):
    """The count on the dashboard and the review page's list, after a save, an import, a decision, a
    delete and an undo-import."""
    taxonomy = taxonomy_for(corpus_dir)

    def count() -> str | None:
        page = editor.get("/redactie/").get_data(as_text=True)
        found = re.search(r"Te beoordelen: ([^<]*)</a>", page)
        listed = re.findall(r'<li class="review-value" id="voorstel-([^"]+)">',
                            editor.get("/redactie/te-beoordelen").get_data(as_text=True))
        assert bool(found) == bool(listed)
        return found.group(1) if found else None

    assert count() is None
    url = "/redactie/document/erfgoed-dordrecht"
    doc = editing.open_document(corpus_dir, "erfgoed-dordrecht", taxonomy).document
    editing.save_document(corpus_dir, index_dir, doc.with_changes(  # as an import leaves it
        suggestions=(PendingValue("themes", "inclusie", 0.4),)), taxonomy)
    assert count() == "1 voorgestelde waarde bij 1 document"
    # The editor's save of the form keeps it.
    digest = re.search(r'name="digest" value="([0-9a-f]{64})"', editor.get(url).get_data(as_text=True)).group(1)
    fields = form_data(type="voorbeeldproject", title="Erfgoed in Dordrecht", date="2019-03-01", digest=digest,
                       body="Scholen bouwen samen aan de stadsgeschiedenis.", themes=["erfgoed"],
                       regions=["dordrecht"], csrf_token=token(editor, url))
    assert editor.post(url, data=fields).status_code == 302
    assert count() == "1 voorgestelde waarde bij 1 document"
    # An import of an uploaded file whose values wait for review; an undo of it (on the command line:
    # another process), and the import again.
    def upload() -> review.PendingDocument:
        upload_report(editor)
        [found] = [d for d in review.scan_pending(corpus_dir, taxonomy) if d.id != "erfgoed-dordrecht"]
        assert found.pending
        return found

    values = 1 + len(upload().pending)
    assert count() == f"{values} voorgestelde waarden bij 2 documenten"
    versions.undo_import(corpus_dir, index_dir, taxonomy=taxonomy)
    assert count() == "1 voorgestelde waarde bij 1 document"
    imported = upload()
    assert count() == f"{values} voorgestelde waarden bij 2 documenten"
    # A decision on the review page.
    review_url = "/redactie/te-beoordelen"
    decided = editor.post(review_url, data={"csrf_token": token(editor, review_url), "document": "erfgoed-dordrecht",
                                            "veld": "themes", "waarde": "inclusie", "actie": "afwijzen"})
    assert decided.status_code == 303
    assert count() == f"{values - 1} voorgestelde waarde{'n' if values - 1 > 1 else ''} bij 1 document"
    # A delete.
    delete = f"/redactie/document/{imported.id}/verwijderen"
    assert editor.post(delete, data={"csrf_token": token(editor, delete)}).status_code == 302
    assert count() is None
