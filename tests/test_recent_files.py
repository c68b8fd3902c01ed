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
from kennisplatform import editing, history, versions
from kennisplatform.backup import create_backup, restore_backup
from kennisplatform.corpus import TYPE_FOLDERS, iter_markdown_files, taxonomy_for
from kennisplatform.importer import Importer
from kennisplatform.index import update_index

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
    data = MultiDict({"csrf_token": token(editor, "/redactie/importeren")})
    data.add("bestanden", FileStorage(io.BytesIO((FIXTURES / "verslag-met-kop.md").read_bytes()),
                                      filename="verslag.md"))
    boundary, body = encode_multipart(data)
    response = editor.post("/redactie/importeren", data=body,
                           content_type=f"multipart/form-data; boundary={boundary}")
    assert "1 nieuw" in response.get_data(as_text=True)
    now, page = dashboard(editor)
    assert now[1] == "erfgoed-dordrecht" and now[0] not in before and len(now) == 6
    # A delete to the trash.
    delete = "/redactie/document/erfgoed-leiden/verwijderen"
    assert editor.post(delete, data={"csrf_token": token(editor, delete)}).status_code == 302
    after, _ = dashboard(editor)
    assert "erfgoed-leiden" not in after and len(after) == 5 and after[:2] == now[:2]


def test_the_review_count_reads_only_changed_files_of_changed_folders(big, tmp_path, monkeypatch):
    """The dashboard's count of documents to review (review.PendingList) stat'd every file after every save."""
    from kennisplatform import review
    from kennisplatform.documents import PendingValue

    taxonomy = taxonomy_for(big)
    pending = review.PendingList()
    assert pending.documents(big, taxonomy, "1") == []
    reads = []
    real = review.pending_in_file
    monkeypatch.setattr(review, "pending_in_file", lambda path, *args: reads.append(path.name) or real(path, *args))
    doc = editing.open_document(big, "doc-004", taxonomy).document
    editing.save_document(big, tmp_path / "index", doc.with_changes(
        suggestions=(PendingValue("themes", "inclusie", 0.4),)), taxonomy)
    assert [d.id for d in pending.documents(big, taxonomy, "2")] == ["doc-004"]
    assert reads == ["doc-004.md"]  # its folder listed again; its other files not read
    # The save (and the writer's removal of a dead writer's temporary file in verslagen) long ago: the
    # listings of those two folders, racy when they were taken, are taken once more, then trusted.
    for folder in (big / "voorbeeldprojecten", big / "verslagen"):
        os.utime(folder, (LONG_AGO + 700, LONG_AGO + 700))
    reads.clear()
    calls = Calls(monkeypatch)
    assert [d.id for d in pending.documents(big, taxonomy, "3")] == ["doc-004"]  # another save, elsewhere
    assert reads == [] and calls.scandir == 2  # no file read
    calls.stat = calls.scandir = 0
    assert [d.id for d in pending.documents(big, taxonomy, "4")] == ["doc-004"]
    assert reads == [] and (calls.scandir, calls.stat) == (0, 4 + 1)
