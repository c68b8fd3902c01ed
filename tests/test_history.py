"""Versions of every document (history.py, versions.py, diffs.py): saves, deletes, reverts, undeletes and
undoing an import are each a version with author and reason; the history pages; adopting an existing
corpus; /health; one configuration for every command."""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import editor_support
from conftest import write_document
from editor_support import login, make_app, token
from kennisplatform import editing, history, versions
from kennisplatform.cli import main
from kennisplatform.corpus import read_corpus, taxonomy_for
from kennisplatform.diffs import DELETED, INSERTED, compare, word_diff
from kennisplatform.documents import Document
from kennisplatform.history import Author
from kennisplatform.importer import Options, import_paths
from kennisplatform.params import SearchParams

DOC = "erfgoed-dordrecht"
PATH = "voorbeeldprojecten/erfgoed-dordrecht.md"


def run(corpus_dir, index_dir, *args, **kwargs):
    return CliRunner().invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), *args], **kwargs)


def found(engine, q: str) -> int:
    return engine.search(SearchParams(q=q)).total


def found_ids(engine, q: str) -> list[str]:
    return [hit.id for hit in engine.search(SearchParams(q=q)).hits]


def edit_twice(corpus_dir, index_dir, taxonomy):
    doc = editing.open_document(corpus_dir, DOC, taxonomy).document
    editing.save_document(corpus_dir, index_dir, doc.with_changes(
        title="Erfgoedleerlijnen in Dordrecht",
        body="Scholen bouwen samen erfgoedleerlijnen met de musea en het archief van de stad.\n"),
        taxonomy, author=Author("anna"))
    doc = editing.open_document(corpus_dir, DOC, taxonomy).document
    editing.save_document(corpus_dir, index_dir, doc.with_changes(
        body="Leerlingen lopen een wandelroute langs de monumenten van de stad.\n", themes=("erfgoed", "inclusie")),
        taxonomy, author=Author("bram"))


def test_a_document_edited_twice_has_three_versions_each_with_its_diff(corpus_dir, index_dir, engine, taxonomy):
    original = (corpus_dir / PATH).read_bytes()
    edit_twice(corpus_dir, index_dir, taxonomy)
    found_versions = versions.versions_of(corpus_dir, DOC)
    assert [v.number for v in found_versions] == [1, 2, 3]
    assert [v.entry.author for v in found_versions] == ["kennisplatform", "anna", "bram"]
    assert found_versions[0].reason == history.ADOPTED  # the corpus as it was, before the first save
    assert versions.text_of(corpus_dir, found_versions[0]).encode() == original
    assert all(v.time.tzinfo is not None for v in found_versions)

    newest, middle, first = versions.compared(corpus_dir, DOC, taxonomy)
    assert newest.current and not middle.current and first.version.number == 1
    added = "".join(s.text for s in middle.diff.body if s.kind == INSERTED)
    assert "en het archief" in added
    assert [(f.label, f.before, f.after) for f in middle.diff.fields] == [
        ("Titel", "Erfgoed dordrecht", "Erfgoedleerlijnen in Dordrecht")]
    removed = "".join(s.text for s in newest.diff.body if s.kind == DELETED)
    assert "erfgoedleerlijnen" in removed and "wandelroute" not in removed
    assert "wandelroute" in "".join(s.text for s in newest.diff.body if s.kind == INSERTED)
    assert [f.label for f in newest.diff.fields] == ["Thema's"]
    assert newest.diff.fields[0].after == "Erfgoed, Kansengelijkheid en inclusie"


def test_a_revert_makes_the_content_equal_and_search_finds_the_old_text_at_once(corpus_dir, index_dir, engine,
                                                                                 taxonomy):
    edit_twice(corpus_dir, index_dir, taxonomy)
    second = versions.versions_of(corpus_dir, DOC)[1]
    assert found(engine, "wandelroute") == 1 and found(engine, "archief") == 0
    restored, saved = versions.revert(corpus_dir, index_dir, DOC, "2", Author("carla"), taxonomy)
    assert restored == second and saved.changed
    assert (corpus_dir / PATH).read_text(encoding="utf-8") == versions.text_of(corpus_dir, second)
    assert found(engine, "archief") == 1 and found(engine, "wandelroute") == 0
    newest = versions.versions_of(corpus_dir, DOC)[-1]
    assert newest.number == 4 and newest.entry.author == "carla"
    assert newest.reason.startswith("teruggezet naar versie 2")
    # By commit id too; reverting to what is there already makes no new version.
    again, unchanged = versions.revert(corpus_dir, index_dir, DOC, second.sha[:10], Author("carla"), taxonomy)
    assert again == second and not unchanged.changed
    assert len(versions.versions_of(corpus_dir, DOC)) == 4
    assert history.verify(corpus_dir) == []


def test_a_revert_to_a_version_that_does_not_exist_is_a_clear_error(corpus_dir, index_dir, engine, taxonomy):
    edit_twice(corpus_dir, index_dir, taxonomy)
    before = (corpus_dir / PATH).read_bytes()
    for wanted in ("9", "0", "abcdef12", "1.5", "x" * 300):
        result = run(corpus_dir, index_dir, "revert", DOC, wanted)
        assert result.exit_code == 1
        assert "heeft geen versie" in result.output and "versies 1 tot en met 3" in result.output
        assert "Traceback" not in result.output
    result = run(corpus_dir, index_dir, "revert", "bestaat-niet", "1")
    assert result.exit_code == 1 and "geen geschiedenis" in result.output
    assert (corpus_dir / PATH).read_bytes() == before
    assert len(versions.versions_of(corpus_dir, DOC)) == 3


def test_history_and_revert_from_the_command_line(corpus_dir, index_dir, engine, taxonomy):
    edit_twice(corpus_dir, index_dir, taxonomy)
    listing = run(corpus_dir, index_dir, "history", DOC)
    assert listing.exit_code == 0, listing.output
    lines = listing.output.splitlines()
    assert len(lines) == 3
    assert "anna" in lines[1] and "opgeslagen" in lines[1] and PATH in lines[1]
    reverted = run(corpus_dir, index_dir, "revert", DOC, "1")
    assert reverted.exit_code == 0, reverted.output
    assert "teruggezet: versie 1" in reverted.output
    assert "beheer" in run(corpus_dir, index_dir, "history", DOC).output.splitlines()[-1]


def test_delete_then_undelete_brings_back_the_same_id_and_text(corpus_dir, index_dir, engine, taxonomy):
    before = (corpus_dir / PATH).read_bytes()
    editing.delete_document(corpus_dir, index_dir, DOC, taxonomy, author=Author("anna"))
    # Gone from search; the compound's parts may still find other documents (search._compound_words).
    assert DOC not in found_ids(engine, "erfgoedleerlijnen")
    assert [i.doc_id for i in versions.trash(corpus_dir, taxonomy)] == [DOC]
    result = run(corpus_dir, index_dir, "undelete", DOC)
    assert result.exit_code == 0, result.output
    assert (corpus_dir / PATH).read_bytes() == before
    assert found(engine, "\"erfgoedleerlijnen\"") == 1  # quoted: the word itself, not its parts
    assert versions.trash(corpus_dir, taxonomy) == []
    actions = [(v.entry.author, v.change.action) for v in versions.versions_of(corpus_dir, DOC)]
    assert actions == [("kennisplatform", "overgenomen"), ("anna", "verwijderd"), ("beheer", "teruggezet")]
    again = run(corpus_dir, index_dir, "undelete", DOC)
    assert again.exit_code == 1 and "staat niet in de prullenbak" in again.output


def test_undelete_without_the_trash_file_uses_the_history(corpus_dir, index_dir, engine, taxonomy):
    before = (corpus_dir / PATH).read_bytes()
    trashed = editing.delete_document(corpus_dir, index_dir, DOC, taxonomy)
    (corpus_dir / trashed.trash_path).unlink()  # someone emptied the trash
    versions.undelete(corpus_dir, index_dir, DOC, taxonomy=taxonomy)
    assert (corpus_dir / PATH).read_bytes() == before
    assert found(engine, "\"erfgoedleerlijnen\"") == 1  # quoted: the word itself, not its parts


# -- the pages --------------------------------------------------------------------------------------------
@pytest.fixture
def app(corpus_dir, index_dir, tmp_path):
    return make_app(corpus_dir, index_dir, tmp_path / "instance")


@pytest.fixture
def editor(app):
    client = app.test_client()
    login(client)
    return client


def test_the_history_page_shows_the_versions_with_word_diffs_and_reverts(app, editor, corpus_dir, index_dir,
                                                                         taxonomy):
    edit_twice(corpus_dir, index_dir, taxonomy)
    url = f"/redactie/document/{DOC}/geschiedenis"
    page = editor.get(url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert html.count('class="version"') == 3
    assert "Versie 3 (huidige)" in html and "bram" in html and "anna" in html
    assert re.search(r"<ins><span class=\"visually-hidden\">\[toegevoegd:\] </span>[^<]*wandelroute", html)
    assert re.search(r"<del><span class=\"visually-hidden\">\[verwijderd:\] </span>[^<]*erfgoedleerlijnen", html)
    assert "<td><del>Erfgoed dordrecht</del></td><td><ins>Erfgoedleerlijnen in Dordrecht</ins></td>" in html
    assert html.count("Zet deze versie terug") == 2  # not for the current version
    assert " style=" not in html
    first = versions.versions_of(corpus_dir, DOC)[0]
    action = f"/redactie/document/{DOC}/geschiedenis/{first.sha}/terugzetten"
    assert action in html
    assert editor.post(action).status_code == 400  # no CSRF token
    done = editor.post(action, data={"csrf_token": token(editor, url)})
    assert done.status_code == 302
    assert (corpus_dir / PATH).read_text(encoding="utf-8") == versions.text_of(corpus_dir, first)
    assert versions.versions_of(corpus_dir, DOC)[-1].entry.author == editor_support.EDITOR
    assert "Versie 1 is teruggezet" in editor.get(url).get_data(as_text=True)
    assert editor.get("/zoeken.json?q=%22erfgoedleerlijnen%22").get_json()["total"] == 1
    missing = editor.post(f"/redactie/document/{DOC}/geschiedenis/0123456789abcdef/terugzetten",
                          data={"csrf_token": token(editor, url)})
    assert missing.status_code == 404 and "heeft geen versie" in missing.get_data(as_text=True)
    assert editor.get("/redactie/document/bestaat-niet/geschiedenis").status_code == 404
    assert app.test_client().get(url).status_code == 302  # editors only


def test_the_trash_page_lists_deleted_documents_and_brings_them_back(app, editor, corpus_dir, index_dir, taxonomy):
    before = (corpus_dir / PATH).read_bytes()
    assert "De prullenbak is leeg" in editor.get("/redactie/prullenbak").get_data(as_text=True)
    delete_url = f"/redactie/document/{DOC}/verwijderen"
    assert editor.post(delete_url, data={"csrf_token": token(editor, delete_url)}).status_code == 302
    page = editor.get("/redactie/prullenbak").get_data(as_text=True)
    assert "Erfgoed dordrecht" in page and f"/redactie/prullenbak/{DOC}/terugzetten" in page
    assert DOC not in [hit["id"] for hit in editor.get("/zoeken.json?q=erfgoedleerlijnen").get_json()["hits"]]
    back = editor.post(f"/redactie/prullenbak/{DOC}/terugzetten",
                       data={"csrf_token": token(editor, "/redactie/prullenbak")})
    assert back.status_code == 302 and back.headers["Location"].endswith(f"/redactie/document/{DOC}")
    assert (corpus_dir / PATH).read_bytes() == before
    assert editor.get("/zoeken.json?q=%22erfgoedleerlijnen%22").get_json()["total"] == 1
    authors = [v.entry.author for v in versions.versions_of(corpus_dir, DOC)]
    assert authors == ["kennisplatform", editor_support.EDITOR, editor_support.EDITOR]
    twice = editor.post(f"/redactie/prullenbak/{DOC}/terugzetten",
                        data={"csrf_token": token(editor, "/redactie/prullenbak")}, follow_redirects=True)
    assert "staat niet in de prullenbak" in twice.get_data(as_text=True)


def last_changed_row(client, doc_id: str = DOC) -> str | None:
    html = client.get(f"/document/{doc_id}").get_data(as_text=True)
    found = re.search(r"<dt>Laatst gewijzigd</dt>\s*<dd>\s*<ul class=\"meta__values\">\s*<li>([^<]*)</li>", html)
    return found.group(1) if found else None


def save_on(monkeypatch, corpus_dir, index_dir, day: dt.datetime, body: str) -> None:
    """An editor's save whose commit is made on `day` (history.py's clock only)."""
    doc = editing.open_document(corpus_dir, DOC, taxonomy_for(corpus_dir)).document
    with monkeypatch.context() as patched:
        patched.setattr(history, "time", type("Clock", (), {"time": staticmethod(lambda: day.timestamp())}))
        editing.save_document(corpus_dir, index_dir, doc.with_changes(body=body), author=Author("redacteur"))


def test_the_document_page_shows_the_last_change_the_history_knows(app, corpus_dir, index_dir, tmp_path,
                                                                     monkeypatch):
    """It showed the file's mtime: after a copy, a clone or a restore every document was changed that day."""
    client = app.test_client()
    assert history.exists(corpus_dir)  # adopted when the app started
    assert last_changed_row(client) is None  # only adopted: when its text was written is not known
    save_on(monkeypatch, corpus_dir, index_dir, dt.datetime(2025, 3, 4, 12, 0), "Eerste wijziging.\n")
    assert last_changed_row(client) == "4 maart 2025"
    os.utime(corpus_dir / PATH)  # the file written again today, as a copy or a clone does
    assert last_changed_row(client) == "4 maart 2025"
    assert last_changed_row(client, "erfgoed-leiden") is None
    save_on(monkeypatch, corpus_dir, index_dir, dt.datetime(2025, 6, 1, 12, 0), "Tweede wijziging.\n")
    assert last_changed_row(client) == "1 juni 2025"  # a new commit is read at once
    # A copy of the corpus (files and history, new file times) in another site.
    copy = tmp_path / "kopie"
    shutil.copytree(corpus_dir, copy, copy_function=shutil.copyfile)
    other = make_app(copy, tmp_path / "index-kopie", tmp_path / "instance-kopie").test_client()
    assert last_changed_row(other) == "1 juni 2025"


def test_last_changed_reads_each_commit_once(corpus_dir, index_dir, monkeypatch):
    history.adopt(corpus_dir)
    assert history.last_changed(corpus_dir, DOC) is None
    save_on(monkeypatch, corpus_dir, index_dir, dt.datetime(2025, 3, 4, 12, 0), "Eerste wijziging.\n")
    parsed = []
    real = history._parse
    with monkeypatch.context() as patched:
        patched.setattr(history, "_parse", lambda commit: parsed.append(commit.id) or real(commit))
        assert history.last_changed(corpus_dir, DOC).date() == dt.date(2025, 3, 4)
        assert history.last_changed(corpus_dir, DOC.upper()).date() == dt.date(2025, 3, 4)
        assert history.last_changed(corpus_dir, "erfgoed-leiden") is None
    assert len(parsed) == 1  # the new commit only; the adoption was read before
    editing.delete_document(corpus_dir, index_dir, "erfgoed-leiden")
    versions.undelete(corpus_dir, index_dir, "erfgoed-leiden")
    assert history.last_changed(corpus_dir, "erfgoed-leiden").date() == dt.date.today()
    assert history.last_changed(corpus_dir, DOC).date() == dt.date(2025, 3, 4)


# -- import batches -----------------------------------------------------------------------------------------
def write_import(folder: Path, names: list[str], extra: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, name in enumerate(names):
        path = folder / f"{name}.txt"
        path.write_text(f"Import over {name}\n\nOp {n + 1} april 2024 in Gouda.\n\nVerhaal over {name} "
                        f"{extra} met {' '.join(name[::-1] + str(k) for k in range(30))}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_undo_import_reverts_a_batch_and_keeps_what_an_editor_changed_since(corpus_dir, index_dir, engine, taxonomy,
                                                                           tmp_path):
    old = ["molens", "dijken", "gemalen"]
    # --type: these made-up texts have no cue for their type (a guess would wait for review as artikel)
    reports = Options(type="verslag")
    import_paths(corpus_dir, index_dir, write_import(tmp_path / "eerste", old, "eerste"), reports, taxonomy)
    after_first = {p.name: p.read_bytes() for p in (corpus_dir / "verslagen").glob("import-over-*.md")}
    assert len(after_first) == 3
    new = ["kastelen", "musea", "bruggen", "sluizen", "tuinen", "torens", "kerken"]
    outcomes = import_paths(corpus_dir, index_dir, write_import(tmp_path / "tweede", old + new, "tweede"),
                            reports, taxonomy)
    assert sorted(o.status for o in outcomes) == ["created"] * 7 + ["updated"] * 3
    assert found(engine, "tweede") == 10
    # An editor changes one new and one updated document after the import.
    for doc_id in ("import-over-musea-2024-04-05", "import-over-dijken-2024-04-02"):
        doc = editing.open_document(corpus_dir, doc_id, taxonomy).document
        editing.save_document(corpus_dir, index_dir, doc.with_changes(body=doc.body + "\nAangevuld door de redactie.\n"),
                              taxonomy, author=Author("anna"))

    result = run(corpus_dir, index_dir, "undo-import")
    assert result.exit_code == 0, result.output
    assert "6 verwijderd, 2 teruggezet, 2 behouden" in result.output
    kept = [line for line in result.output.splitlines() if line.startswith("behouden:")]
    assert len(kept) == 2 and all("gewijzigd door anna" in line for line in kept)
    # New documents are gone (to the trash), updated ones have the first import's text again.
    remaining = {p.name: p.read_bytes() for p in (corpus_dir / "verslagen").glob("import-over-*.md")}
    assert set(remaining) == set(after_first) | {"import-over-musea-2024-04-05.md"}
    for name in ("import-over-molens-2024-04-01.md", "import-over-gemalen-2024-04-03.md"):
        assert remaining[name] == after_first[name]
    assert b"Aangevuld door de redactie" in remaining["import-over-dijken-2024-04-02.md"]
    assert b"Aangevuld door de redactie" in remaining["import-over-musea-2024-04-05.md"]
    assert found(engine, "tweede") == 2 and found(engine, "eerste") == 2
    assert found(engine, "kastelen") == 0
    again = run(corpus_dir, index_dir, "undo-import", versions.versions_of(corpus_dir, "import-over-molens-2024-04-01")[1].entry.batch)
    assert again.exit_code == 1 and "al ongedaan gemaakt" in again.output
    unknown = run(corpus_dir, index_dir, "undo-import", "20990101-000000-beef")
    assert unknown.exit_code == 1 and "Er is geen import met batch" in unknown.output
    assert history.verify(corpus_dir) == []


def test_each_import_run_is_one_batch_named_in_the_history(corpus_dir, index_dir, engine, taxonomy, tmp_path):
    paths = write_import(tmp_path / "a", ["zalen", "podia"], "batch")
    out = run(corpus_dir, index_dir, "import", *map(str, paths))
    assert out.exit_code == 0, out.output
    batch = re.search(r"Importbatch (\S+) \(terugdraaien: kennisplatform undo-import \1\)", out.output).group(1)
    entries = [e for e in history.log(corpus_dir) if e.batch]
    assert len(entries) == 1 and entries[0].batch == batch and entries[0].author == "import"
    assert {c.doc_id for c in entries[0].changes} == {"import-over-zalen-2024-04-01", "import-over-podia-2024-04-02"}


# -- adopting an existing corpus, repairing after a crash ----------------------------------------------------
def files_with_times(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts}


def test_an_existing_corpus_is_adopted_by_index_without_changing_a_file(corpus_dir, index_dir):
    before = files_with_times(corpus_dir)
    checked = run(corpus_dir, index_dir, "check")
    assert checked.exit_code == 0 and "Nog geen geschiedenis" in checked.output
    assert not (corpus_dir / ".git").exists()
    assert run(corpus_dir, index_dir, "index").exit_code == 0
    assert files_with_times(corpus_dir) == before
    entries = history.log(corpus_dir)
    assert len(entries) == 1 and entries[0].adopted
    assert history.verify(corpus_dir) == []
    assert run(corpus_dir, index_dir, "check").exit_code == 0
    # A second run commits nothing; a file edited outside the platform is committed as such.
    assert run(corpus_dir, index_dir, "index").exit_code == 0
    assert len(history.log(corpus_dir)) == 1
    write_document(corpus_dir, "met-de-hand", "verslag", "2022-01-01", [], [], {}, "Met de hand geschreven.\n")
    checked = run(corpus_dir, index_dir, "check")
    assert checked.exit_code == 1 and "verslagen/met-de-hand.md: geschiedenis: niet vastgelegd" in checked.output
    assert run(corpus_dir, index_dir, "index").exit_code == 0
    assert history.log(corpus_dir)[0].reason == history.OUTSIDE
    assert [v.change.action for v in versions.versions_of(corpus_dir, "met-de-hand")] == ["gewijzigd"]
    assert run(corpus_dir, index_dir, "check").exit_code == 0


def test_the_app_adopts_the_corpus_on_start(corpus_dir, index_dir, tmp_path):
    before = files_with_times(corpus_dir)
    make_app(corpus_dir, index_dir, tmp_path / "instance")
    assert history.exists(corpus_dir) and files_with_times(corpus_dir) == before


def test_a_file_name_that_is_not_utf8_is_reported_and_skipped_by_index_check_history_and_app(
        corpus_dir, index_dir, tmp_path):
    bad = os.fsdecode(b"caf\xe9-x.md")  # a Latin-1 name from an old Windows share: not UTF-8
    (corpus_dir / "verslagen" / bad).write_text("---\ntype: verslag\ntitle: Caf\u00e9\n---\nTekst.\n",
                                                 encoding="utf-8")
    (corpus_dir / os.fsdecode(b"bijlage-\xff.txt")).write_bytes(b"x")
    shown = "verslagen/caf\\xe9-x.md: bestand: de bestandsnaam is geen geldige UTF-8-tekst"
    indexed = run(corpus_dir, index_dir, "index")
    assert indexed.exit_code == 0, indexed.output
    assert shown in indexed.output and "5 nieuw" in indexed.output
    assert history.exists(corpus_dir) and len(history.log(corpus_dir)) == 1
    checked = run(corpus_dir, index_dir, "check")
    assert checked.exit_code == 1
    assert shown in checked.output
    assert "bijlage-\\xff.txt: geschiedenis: niet vastgelegd: de bestandsnaam is geen geldige UTF-8" in checked.output
    assert "verslagen/caf\\xe9-x.md: geschiedenis" not in checked.output  # reported once, as a file
    assert "5 documenten gelezen, 2 problemen." in checked.output
    shutil.rmtree(index_dir)
    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    assert client.get("/zoeken.json?q=").get_json()["total"] == 5
    health = client.get("/health").get_json()
    assert health["status"] == "ok" and health["documents"]["problems"] == 1
    assert health["problems"][0]["path"] == "verslagen/caf\\xe9-x.md"


def test_a_history_that_is_not_a_repository_is_reported_in_dutch(corpus_dir, index_dir):
    (corpus_dir / ".git").mkdir()
    (corpus_dir / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    checked = run(corpus_dir, index_dir, "check")
    assert checked.exit_code == 1
    assert (".git: geschiedenis: De geschiedenis van het corpus is niet leesbaar: .git is geen git-repository "
            "(meer)") in checked.output
    assert "No git repository" not in checked.output


def kill_a_save_before_its_commit(corpus_dir: Path, index_dir: Path) -> int:
    """A process that writes a document and is SIGKILLed before its history commit: its exit code."""
    versions.prepare(corpus_dir, index_dir)
    child = multiprocessing.get_context("spawn").Process(
        target=editor_support.save_and_die_before_commit,
        args=(str(corpus_dir), str(index_dir), "Onderbroken verslag"))
    child.start()
    child.join(timeout=120)
    return child.exitcode


def test_a_save_killed_before_its_commit_is_repaired_by_the_next_start(corpus_dir, index_dir, engine, taxonomy):
    assert kill_a_save_before_its_commit(corpus_dir, index_dir) == -9
    path = corpus_dir / "verslagen" / "onderbroken-verslag-2024-03-01.md"
    assert path.is_file()  # the file is the truth: it was written whole
    checked = run(corpus_dir, index_dir, "check")
    assert checked.exit_code == 1 and "een wijziging is onderbroken" in checked.output
    assert "niet vastgelegd in de geschiedenis" in checked.output
    # The next start (here `kennisplatform index`) commits what the file says and indexes it.
    assert run(corpus_dir, index_dir, "index").exit_code == 0
    assert run(corpus_dir, index_dir, "check").exit_code == 0
    assert history.log(corpus_dir)[0].reason == history.RECOVERED
    assert len(versions.versions_of(corpus_dir, "onderbroken-verslag-2024-03-01")) == 1
    assert found(engine, "kraanvogelverslag") == 1


def test_the_next_save_repairs_a_killed_one_and_clears_stale_git_locks(corpus_dir, index_dir, engine, taxonomy):
    kill_a_save_before_its_commit(corpus_dir, index_dir)
    (corpus_dir / ".git" / "refs" / "heads" / "main.lock").write_bytes(b"")  # as if killed mid ref update
    doc = editing.open_document(corpus_dir, DOC, taxonomy).document
    editing.save_document(corpus_dir, index_dir, doc.with_changes(body="Daarna opgeslagen.\n"), taxonomy)
    reasons = [e.reason for e in history.log(corpus_dir)[:2]]
    assert reasons == [f"opgeslagen: {DOC}", history.RECOVERED]
    assert history.verify(corpus_dir) == []


# -- /health ------------------------------------------------------------------------------------------------
def test_health_reports_disagreement_behind_the_index_back_and_agreement_after_index(app, corpus_dir, index_dir):
    client = app.test_client()
    answer = client.get("/health")
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    data = answer.get_json()
    assert data["status"] == "ok"
    assert data["documents"] == {"corpus": 5, "index": 5, "in_sync": True, "problems": 0}
    assert data["problems"] == []
    assert isinstance(data["index_generation"], int) and dt.datetime.fromisoformat(data["last_change"])
    assert str(corpus_dir) not in answer.get_data(as_text=True) and "secret" not in answer.get_data(as_text=True)

    write_document(corpus_dir, "achter-de-rug", "verslag", "2022-01-01", [], [], {}, "Buiten het platform om.\n")
    data = client.get("/health").get_json()
    assert data["status"] == "degraded"
    assert data["documents"] == {"corpus": 6, "index": 5, "in_sync": False, "problems": 0}

    assert run(corpus_dir, index_dir, "index").exit_code == 0
    after = client.get("/health").get_json()
    assert after["status"] == "ok"
    assert after["documents"] == {"corpus": 6, "index": 6, "in_sync": True, "problems": 0}
    assert after["index_generation"] > data["index_generation"]


def test_health_names_a_file_the_index_refuses_and_stays_ok(app, corpus_dir, index_dir):
    client = app.test_client()
    bad = write_document(corpus_dir, "onmogelijk", "verslag", "2023-02-30", [], [], {}, "Een dag die niet bestaat.\n")
    indexed = run(corpus_dir, index_dir, "index")  # what the README advises: it reports the file
    assert indexed.exit_code == 0 and "verslagen/onmogelijk.md: date: ongeldige datum" in indexed.output
    data = client.get("/health").get_json()
    assert data["status"] == "ok"
    assert data["documents"] == {"corpus": 6, "index": 5, "in_sync": True, "problems": 1}
    assert data["problems"] == [{"path": "verslagen/onmogelijk.md", "field": "date",
                                 "message": "ongeldige datum '2023-02-30'"}]
    outside = write_document(corpus_dir.parent / "elders", "buiten", "verslag", None, [], [], {}, "Buiten.\n")
    (corpus_dir / "verslagen" / "buiten.md").symlink_to(outside)  # not followed: a problem, not a lag
    data = client.get("/health").get_json()
    assert data["status"] == "ok" and data["documents"]["problems"] == 2
    assert data["problems"][0]["path"] == "verslagen/buiten.md"
    (corpus_dir / "verslagen" / "buiten.md").unlink()
    # A file added behind the index's back is still an index out of date, problems or not.
    write_document(corpus_dir, "achter-de-rug", "verslag", "2022-01-01", [], [], {}, "Buiten het platform om.\n")
    data = client.get("/health").get_json()
    assert data["status"] == "degraded" and data["documents"]["in_sync"] is False
    assert data["documents"]["problems"] == 1
    # Mended and indexed: nothing left to report.
    bad.write_text(bad.read_text(encoding="utf-8").replace("2023-02-30", "2023-02-28"), encoding="utf-8")
    assert run(corpus_dir, index_dir, "index").exit_code == 0
    data = client.get("/health").get_json()
    assert data["status"] == "ok" and data["documents"] == {"corpus": 7, "index": 7, "in_sync": True, "problems": 0}


def test_health_answers_503_when_the_index_cannot_be_opened(app, index_dir):
    client = app.test_client()
    assert client.get("/health").status_code == 200
    shutil.rmtree(index_dir)
    answer = client.get("/health")
    assert answer.status_code == 503
    data = answer.get_json()
    assert data["status"] == "unavailable" and data["documents"]["index"] is None


def _folders_changed_long_ago(corpus_dir) -> None:
    for folder in corpus_dir.iterdir():
        if folder.is_dir():
            os.utime(folder, (1_600_000_000, 1_600_000_000))  # older than any racy window


def test_the_corpus_count_is_not_redone_while_no_folder_changed(corpus_dir, monkeypatch):
    from kennisplatform import health

    _folders_changed_long_ago(corpus_dir)
    counter = health.CorpusCounter(corpus_dir)
    assert counter.count().documents == 5
    scans = []
    original = health.CorpusCounter._scan
    monkeypatch.setattr(health.CorpusCounter, "_scan", lambda self: scans.append(1) or original(self))
    assert counter.count().documents == 5 and scans == []
    (corpus_dir / "verslagen" / "vlaardingen-2023.md").unlink()
    assert counter.count().documents == 4 and scans == [1]


def test_a_second_change_within_the_folders_clock_tick_is_counted(corpus_dir):
    # Two changes in one tick of the folder's mtime leave it as after the first: the count taken between them
    # was racy (its folder had just changed), so the next count looks again.
    from kennisplatform import health

    counter = health.CorpusCounter(corpus_dir)
    folder = corpus_dir / "verslagen"
    (folder / "vlaardingen-2023.md").unlink()
    tick = folder.stat().st_mtime_ns
    assert counter.count().documents == 4
    (folder / "nieuw.md").write_text((corpus_dir / "verslagen" / os.listdir(folder)[0]).read_text())
    os.utime(folder, ns=(tick, tick))  # the same tick as the first change
    assert counter.count().documents == 5


# -- one configuration ----------------------------------------------------------------------------------------
def test_user_add_with_settings_from_the_environment_logs_in_to_the_app(corpus_dir, index_dir, tmp_path,
                                                                         monkeypatch):
    from kennisplatform import create_app

    instance = tmp_path / "deployment-instance"
    monkeypatch.setenv("KENNISPLATFORM_CORPUS", str(corpus_dir))
    monkeypatch.setenv("KENNISPLATFORM_INDEX", str(index_dir))
    monkeypatch.setenv("KENNISPLATFORM_INSTANCE", str(instance))
    password = "een-heel-lang-wachtwoord"
    added = CliRunner().invoke(main, ["user", "add", "beheerder"], input=f"{password}\n{password}\n")
    assert added.exit_code == 0, added.output
    assert (instance / "users.json").is_file()
    app = create_app()
    assert Path(app.instance_path) == instance and app.config["CORPUS_DIR"] == str(corpus_dir)
    client = app.test_client()
    answer = login(client, "beheerder", password)
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/redactie/")
    assert client.get("/redactie/").status_code == 200


def test_the_instance_option_chooses_the_folder_for_every_command(corpus_dir, index_dir, tmp_path):
    instance = tmp_path / "elders"
    password = "een-heel-lang-wachtwoord"
    added = CliRunner().invoke(main, ["--instance", str(instance), "user", "add", "anna"],
                               input=f"{password}\n{password}\n")
    assert added.exit_code == 0, added.output
    assert "anna" in (instance / "users.json").read_text()


def test_word_diff_keeps_context_short_and_marks_words():
    old = " ".join(f"woord{n}" for n in range(300)) + "\n"
    new = old.replace("woord150", "nieuw150")
    segments = word_diff(old, new)
    assert [s.kind for s in segments] == ["same", "del", "ins", "same"]
    assert segments[1].text == "woord150" and segments[2].text == "nieuw150"
    assert segments[0].text.startswith("… woord120 ") and segments[-1].text.endswith(" woord180 …")
    assert len(segments[0].text) < 500


def test_compare_with_an_unreadable_old_version_falls_back_to_text(taxonomy):
    diff = compare("geen kop, geen document", "---\ntype: verslag\ntitle: T\ndate: 2024-01-01\n---\nTekst\n", taxonomy)
    assert diff.fields == [] and diff.body_changed


def test_saves_through_the_writer_name_their_author_and_reason(corpus_dir, index_dir, engine, taxonomy):
    doc = Document(id="", type="verslag", title="Nieuw verslag", date=dt.date(2024, 5, 1), body="Tekst.\n")
    with editing.Writer(corpus_dir, index_dir, taxonomy, author=Author("import", batch="b-1")) as writer:
        saved = writer.save(doc)
    entry = history.log(corpus_dir)[0]
    assert entry.sha == writer.commit and entry.author == "import" and entry.batch == "b-1"
    assert entry.reason == "import b-1"
    assert entry.changes[0].doc_id == saved.document.id and entry.changes[0].action == history.NEW
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert problems == [] and len(documents) == 6


@pytest.mark.parametrize("method, url", [
    ("get", "/redactie/document/" + "x" * 300),
    ("post", "/redactie/document/" + "x" * 300),
    ("get", "/redactie/document/" + "x" * 300 + "/verwijderen"),
    ("get", "/redactie/document/" + "x" * 300 + "/geschiedenis"),
    ("post", "/redactie/prullenbak/" + "x" * 300 + "/terugzetten"),
    ("post", f"/redactie/document/{DOC}/geschiedenis/{'9' * 5000}/terugzetten"),
    ("post", f"/redactie/document/{DOC}/geschiedenis/%D9%A1/terugzetten"),  # an Arabic-Indic 1 is no number
])
def test_impossible_ids_and_version_numbers_are_a_dutch_404(editor, method, url):
    """A name longer than the file system allows raised OSError in find_file, and 5000 digits a ValueError
    (Python's limit on int()): both were a 500."""
    data = {"csrf_token": token(editor, "/redactie/prullenbak")}
    if method == "post" and "/geschiedenis/" not in url and "prullenbak" not in url:
        data.update(editor_support.form_data(digest="0" * 64))
    response = getattr(editor, method)(url, data=data) if method == "post" else editor.get(url)
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "bestaat niet" in page or "geen versie" in page or "geen geschiedenis" in page


def test_a_new_process_reads_only_the_commits_after_the_saved_table(corpus_dir, index_dir, monkeypatch):
    """A long history is read once: the table of last changes is saved beside it for the next process."""
    history.adopt(corpus_dir)
    save_on(monkeypatch, corpus_dir, index_dir, dt.datetime(2025, 3, 4, 12, 0), "Eerste wijziging.\n")
    monkeypatch.setattr(history, "SAVE_AFTER", 1)
    monkeypatch.setattr(history, "_changed", {})  # a new process
    assert history.last_changed(corpus_dir, DOC).date() == dt.date(2025, 3, 4)  # 2 commits read: saved
    saved = history.git_dir(corpus_dir) / history.CHANGES_FILE
    assert saved.is_file()
    save_on(monkeypatch, corpus_dir, index_dir, dt.datetime(2025, 6, 1, 12, 0), "Tweede wijziging.\n")
    parsed = []
    real = history._parse
    monkeypatch.setattr(history, "_parse", lambda commit: parsed.append(commit.id) or real(commit))
    monkeypatch.setattr(history, "_changed", {})  # another new process
    assert history.last_changed(corpus_dir, DOC).date() == dt.date(2025, 6, 1)
    assert len(parsed) == 1  # only the commit after the saved table's
    # A damaged table, or one of another history, is not trusted: the history is read from its start.
    for content in ('{"head": "0000000000000000000000000000000000000000", "times": {"erfgoed-dordrecht": '
                    '[0, 0], "erfgoed-leiden": [0, 0]}}', "{kapot"):
        saved.write_text(content)
        parsed.clear()
        monkeypatch.setattr(history, "_changed", {})
        assert history.last_changed(corpus_dir, DOC).date() == dt.date(2025, 6, 1)
        assert history.last_changed(corpus_dir, "erfgoed-leiden") is None
        assert len(parsed) == 3  # adoption and both saves


def test_the_table_is_saved_after_commits_read_one_at_a_time(corpus_dir, index_dir, monkeypatch):
    history.adopt(corpus_dir)
    monkeypatch.setattr(history, "SAVE_AFTER", 2)
    monkeypatch.setattr(history, "_changed", {})
    saved = history.git_dir(corpus_dir) / history.CHANGES_FILE
    assert history.last_changed(corpus_dir, DOC) is None and not saved.exists()  # 1 commit read
    save_on(monkeypatch, corpus_dir, index_dir, dt.datetime(2025, 3, 4, 12, 0), "Eerste wijziging.\n")
    assert history.last_changed(corpus_dir, DOC) is not None and not saved.exists()  # 2
    save_on(monkeypatch, corpus_dir, index_dir, dt.datetime(2025, 6, 1, 12, 0), "Tweede wijziging.\n")
    assert history.last_changed(corpus_dir, DOC).date() == dt.date(2025, 6, 1) and saved.exists()  # 3
