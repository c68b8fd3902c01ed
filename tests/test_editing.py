"""Saving, editing and deleting documents; suggestions and duplicates; editor accounts."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from editor_support import SEED
from kennisplatform import editing, suggest, users
from kennisplatform.corpus import read_corpus
from kennisplatform.documents import Document, Source
from kennisplatform.errors import NotFound
from kennisplatform.params import SearchParams


def doc(**changes) -> Document:
    base = Document(id="", type="verslag", title="Netwerkdag erfgoed in Gouda", date=dt.date(2024, 4, 11),
                    body="## Programma\n\nIn Gouda spraken ICC'ers over de zeldzaamheidstest.\n",
                    summary="Een netwerkdag.", themes=("erfgoed",), regions=("gouda",))
    return base.with_changes(**changes)


def found(engine, q: str) -> list[str]:
    return [h.id for h in engine.search(SearchParams(q=q)).hits]


# -- saving ----------------------------------------------------------------------------------------------
def test_a_new_document_gets_a_readable_slug_and_is_found_at_once(corpus_dir, index_dir, engine, taxonomy):
    saved = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    assert saved.created and saved.indexed
    assert saved.document.id == "netwerkdag-erfgoed-in-gouda-2024-04-11"
    path = corpus_dir / "verslagen" / "netwerkdag-erfgoed-in-gouda-2024-04-11.md"
    assert path.read_text(encoding="utf-8").startswith("---\ntype: verslag\ntitle: Netwerkdag erfgoed in Gouda\n")
    assert found(engine, "zeldzaamheidstest") == [saved.document.id]
    assert read_corpus(corpus_dir, taxonomy)[1] == []  # the file reads back without a problem


def test_the_same_title_twice_gets_a_numbered_slug_and_never_overwrites(corpus_dir, index_dir, engine, taxonomy):
    first = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    second = editing.save_document(corpus_dir, index_dir, doc(body="Een andere tekst.\n"), taxonomy)
    assert second.document.id == first.document.id + "-2"
    assert "zeldzaamheidstest" in (corpus_dir / first.document.path).read_text(encoding="utf-8")


def test_an_id_used_in_another_type_folder_or_the_trash_is_not_reused(corpus_dir, index_dir, engine, taxonomy):
    project = editing.save_document(corpus_dir, index_dir, doc(type="voorbeeldproject"), taxonomy)
    report = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    assert report.document.id == project.document.id + "-2"
    editing.delete_document(corpus_dir, index_dir, report.document.id, taxonomy)
    again = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    assert again.document.id == project.document.id + "-3"


def test_write_new_skips_a_name_that_appears_between_check_and_write(tmp_path):
    (tmp_path / "naam.md").write_text("van iemand anders")
    path = editing.write_new(tmp_path, "naam", "nieuw")
    assert path.name == "naam-2.md" and path.read_text() == "nieuw"
    assert (tmp_path / "naam.md").read_text() == "van iemand anders"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["naam-2.md", "naam.md"]  # no temp file left


def test_an_edit_keeps_the_id_and_refuses_to_overwrite_someone_elses_save(corpus_dir, index_dir, engine, taxonomy):
    saved = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    opened = editing.open_document(corpus_dir, saved.document.id, taxonomy)
    edited = editing.save_document(corpus_dir, index_dir, opened.document.with_changes(
        title="Een heel andere titel", body="Nu over de wijzigingstoets.\n"), taxonomy, expected_digest=opened.digest)
    assert edited.document.id == saved.document.id and not edited.created
    assert found(engine, "wijzigingstoets") == [saved.document.id]
    assert found(engine, "zeldzaamheidstest") == []
    with pytest.raises(editing.EditConflict):  # opened before the edit above
        editing.save_document(corpus_dir, index_dir, opened.document, taxonomy, expected_digest=opened.digest)


def test_changing_the_type_moves_the_file_and_keeps_the_id(corpus_dir, index_dir, engine, taxonomy):
    saved = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    moved = editing.save_document(corpus_dir, index_dir, saved.document.with_changes(type="voorbeeldproject"),
                                  taxonomy)
    assert moved.document.id == saved.document.id
    assert moved.document.path == f"voorbeeldprojecten/{saved.document.id}.md"
    assert not (corpus_dir / saved.document.path).exists()
    assert engine.stored(saved.document.id)["type"] == "voorbeeldproject"


def test_saving_unchanged_text_writes_nothing(corpus_dir, index_dir, engine, taxonomy):
    saved = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    again = editing.save_document(corpus_dir, index_dir, saved.document, taxonomy)
    assert not again.changed and again.digest == saved.digest


def test_deleting_moves_the_file_to_the_trash_and_out_of_the_index(corpus_dir, index_dir, engine, taxonomy):
    saved = editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    trashed = editing.delete_document(corpus_dir, index_dir, saved.document.id, taxonomy)
    assert trashed.trash_path.startswith(".prullenbak/verslagen/")
    assert "zeldzaamheidstest" in (corpus_dir / trashed.trash_path).read_text(encoding="utf-8")
    assert not (corpus_dir / saved.document.path).exists()
    assert found(engine, "zeldzaamheidstest") == []
    with pytest.raises(NotFound):
        engine.stored(saved.document.id)
    with pytest.raises(NotFound):
        editing.delete_document(corpus_dir, index_dir, saved.document.id, taxonomy)
    assert read_corpus(corpus_dir, taxonomy)[1] == []  # the trash is not read as corpus


def test_temp_files_of_a_dead_writer_are_removed_by_the_next_writer(corpus_dir, index_dir, engine, taxonomy):
    leftover = corpus_dir / "verslagen" / ".tmp-abc123.part"
    leftover.write_text("---\ntype: verslag\ntitle: half")
    editing.save_document(corpus_dir, index_dir, doc(), taxonomy)
    assert not leftover.exists()


def test_the_corpus_lock_is_released_when_its_holder_dies(index_dir):
    # The child takes the lock and dies without releasing it.
    script = ("import os, sys; from kennisplatform.editing import corpus_lock; "
              "corpus_lock(sys.argv[1]).__enter__(); print('held', flush=True); os._exit(0)")
    child = subprocess.run([sys.executable, "-c", script, str(index_dir)], capture_output=True, text=True,
                           timeout=60)
    assert child.stdout.strip() == "held"
    with editing.corpus_lock(index_dir, timeout=2):
        pass


# -- suggestions -------------------------------------------------------------------------------------------
def test_suggestions_for_the_seed_meeting_report(taxonomy):
    title, text = SEED.read_text(encoding="utf-8").split("\n", 1)
    found = suggest.suggest(taxonomy, title, text)
    assert found.type == "verslag"
    assert {"vlaardingen", "krimpen-aan-den-ijssel"} <= set(found.region)
    assert "kennisdeling" in found.theme


def test_type_suggestions_follow_the_words_of_each_type(taxonomy):
    article = suggest.suggest(taxonomy, "Effecten van muziekonderwijs",
                              "Dit onderzoek van drie auteurs in een internationaal tijdschrift: de methode, "
                              "de respondenten en de conclusie.")
    project = suggest.suggest(taxonomy, "Leerlingen maken een film",
                              "In dit project maakten leerlingen van groep 8 met partners een film. De aanpak "
                              "en wat we geleerd hebben.")
    assert (article.type, project.type) == ("artikel", "voorbeeldproject")
    assert suggest.suggest(taxonomy, "", "").type is None


def test_the_site_a_page_appeared_on_says_where_it_is_from_but_not_what_it_is_about(taxonomy):
    text = ("Met dit programma stimuleert de gemeente het culturele en sportieve klimaat. Dit draagt bij aan "
            "talentontwikkeling en participatie van inwoners. ") * 2
    alone = suggest.suggest(taxonomy, "Onderwijs, sport, cultuur en recreatie", text)
    local = suggest.suggest(taxonomy, "Onderwijs, sport, cultuur en recreatie", text,
                            site="Begroting 2026-2029 gemeente Krimpenerwaard")
    assert alone.region == [] and local.region == ["krimpenerwaard"]
    # Only for regions: the name of the Fonds voor Cultuurparticipatie is not the theme "inclusie".
    national = suggest.suggest(taxonomy, "Onderwijs, sport, cultuur en recreatie", text,
                               site="Fonds voor Cultuurparticipatie")
    assert national.theme == alone.theme


def test_place_names_are_found_by_alias_and_not_in_ordinary_words(taxonomy):
    found = suggest.suggest(taxonomy, "Overleg", "Bijeenkomst in Krimpen a/d IJssel; leiden tot betere lessen.")
    assert found.region == ["krimpen-aan-den-ijssel"]


@pytest.mark.parametrize("url, normal", [
    ("https://www.Example.org/a/b/?utm_source=x&id=3#top", "https://example.org/a/b?id=3"),
    ("http://example.org/a/b", "https://example.org/a/b"),
    ("javascript:alert(1)", None),
    ("", None),
])
def test_source_addresses_are_compared_in_a_normal_form(url, normal):
    assert suggest.normalise_url(url) == normal


@pytest.mark.parametrize("front, url", [
    ("title: x\nsource:\n  url: https://a.example/x\n  authors: [A]\n", "https://a.example/x"),
    ("source: {url: 'https://a.example/y', publication: P}\n", "https://a.example/y"),
    ("source: https://a.example/z\n", "https://a.example/z"),
    ("title: geen bron\n", None),
])
def test_the_source_address_is_read_from_front_matter(front, url):
    assert suggest.source_url_of(front) == url


def test_duplicates_by_source_address_and_by_similar_text(corpus_dir, engine):
    sources = suggest.SourceIndex()
    by_url = suggest.find_duplicates(corpus_dir, engine.version, sources, title="Iets", body="Iets anders.",
                                     source_url="http://voorbeeld.example/artikel/")
    assert [(d.id, d.title, d.reason) for d in by_url] == [("deskundigheid-landelijk", "Deskundigheid landelijk",
                                                            "bron")]
    body = "Scholen bouwen samen erfgoedleerlijnen met de musea van de stad Dordrecht."
    similar = suggest.find_duplicates(corpus_dir, engine.version, sources, title="Erfgoed dordrecht", body=body,
                                      source_url=None)
    assert [(d.id, d.reason) for d in similar] == [("erfgoed-dordrecht", "tekst")]
    assert similar[0].score > 0.8
    assert suggest.find_duplicates(corpus_dir, engine.version, sources, title="Erfgoed dordrecht", body=body,
                                   source_url=None, exclude_id="erfgoed-dordrecht") == []
    unrelated = suggest.find_duplicates(corpus_dir, engine.version, sources, title="Subsidie voor orkesten",
                                        body="Een tekst over de financiering van orkesten.", source_url=None)
    assert unrelated == []


def test_the_text_index_follows_changes_to_the_corpus(corpus_dir):
    texts = suggest.text_index(corpus_dir)
    body = "Jongeren maken films over het erfgoed van hun wijk. Creatieve werkvormen voor iedereen."
    assert [d.id for d in texts.similar("Erfgoed leiden", body)] == ["erfgoed-leiden"]
    (corpus_dir / "voorbeeldprojecten" / "erfgoed-leiden.md").unlink()
    assert suggest.text_index(corpus_dir).similar("Erfgoed leiden", body) == []


# -- accounts ----------------------------------------------------------------------------------------------
def test_accounts_are_hashed_in_the_instance_folder(tmp_path):
    name = users.add_user(tmp_path, "Anna", "correct horse battery")
    assert name == "anna"
    stored = (tmp_path / "users.json").read_text()
    assert "correct horse" not in stored and ("scrypt:" in stored or "pbkdf2:" in stored)
    assert oct((tmp_path / "users.json").stat().st_mode & 0o777) == "0o600"
    assert users.verify(tmp_path, "ANNA ", "correct horse battery") == "anna"
    assert users.verify(tmp_path, "anna", "wrong") is None
    assert users.verify(tmp_path, "nobody", "correct horse battery") is None
    with pytest.raises(users.UserError):
        users.add_user(tmp_path, "anna", "another password")
    with pytest.raises(users.UserError):
        users.add_user(tmp_path, "x y", "long enough password")
    with pytest.raises(users.UserError):
        users.add_user(tmp_path, "bob", "short")


def test_login_failures_are_limited_per_name_and_per_client(tmp_path):
    for _ in range(users.MAX_FAILURES):
        assert users.limited(tmp_path, "anna", "10.0.0.1", now=1000) is None
        users.record_failure(tmp_path, "anna", "10.0.0.1", now=1000)
    assert users.limited(tmp_path, "anna", "10.0.0.2", now=1001).retry_after > 0  # the name is limited
    assert users.limited(tmp_path, "bob", "10.0.0.1", now=1001) is not None  # and so is the client
    assert users.limited(tmp_path, "bob", "10.0.0.3", now=1001) is None
    assert users.limited(tmp_path, "anna", "10.0.0.2", now=1000 + users.WINDOW + 1) is None
    assert "10.0.0.1" not in (tmp_path / users.ATTEMPTS_FILE).read_text()
    assert "anna" not in (tmp_path / users.ATTEMPTS_FILE).read_text()


DAMAGED = '{"anna": {"password": "scrypt:x", "created": 1},}'  # a hand edit's trailing comma


def test_a_damaged_users_file_is_never_written_over(tmp_path):
    from click.testing import CliRunner

    from kennisplatform.cli import main

    (tmp_path / users.USERS_FILE).write_text(DAMAGED, encoding="utf-8")
    with pytest.raises(users.AccountsUnreadable) as raised:
        users.add_user(tmp_path, "tweede", "een-lang-wachtwoord")
    assert "geen geldige JSON (regel 1, kolom 49)" in raised.value.detail
    with pytest.raises(users.AccountsUnreadable):
        users.remove_user(tmp_path, "anna")
    result = CliRunner().invoke(main, ["--instance", str(tmp_path), "user", "add", "tweede"],
                                input="een-lang-wachtwoord\neen-lang-wachtwoord\n")
    assert result.exit_code == 1
    assert f"Accounts niet leesbaar: {tmp_path / users.USERS_FILE}: beschadigd: geen geldige JSON" in result.output
    assert "Er is niets gewijzigd" in result.output and "Wachtwoord" not in result.output  # not asked for
    assert (tmp_path / users.USERS_FILE).read_text(encoding="utf-8") == DAMAGED
    for bad, reason in [(b"\xff\xfe", "geen UTF-8-tekst"), (b"[1, 2]", "geen JSON-object")]:
        (tmp_path / users.USERS_FILE).write_bytes(bad)
        with pytest.raises(users.AccountsUnreadable) as raised:
            users.add_user(tmp_path, "tweede", "een-lang-wachtwoord")
        assert reason in raised.value.reason
        assert (tmp_path / users.USERS_FILE).read_bytes() == bad


def test_with_a_damaged_users_file_a_login_is_a_logged_server_failure_not_a_wrong_password(
        corpus_dir, index_dir, tmp_path, caplog):
    from editor_support import EDITOR, PASSWORD, login, make_app

    instance = tmp_path / "instance"
    client = make_app(corpus_dir, index_dir, instance).test_client()
    assert login(client).status_code == 302
    users_file = instance / users.USERS_FILE
    users_file.write_text(users_file.read_text(encoding="utf-8")[:-1] + ",}", encoding="utf-8")
    assert client.get("/redactie/").status_code == 302  # the session ends: its account cannot be checked
    assert client.get("/").status_code == 200  # the public site goes on
    with caplog.at_level("ERROR", logger="kennisplatform"):
        answer = login(client, EDITOR, PASSWORD)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 503
    assert "aan de kant van de server niet leesbaar" in page and "niet aan uw naam of wachtwoord" in page
    assert "kennen we niet" not in page and str(instance) not in page
    assert any("accounts niet leesbaar" in r.getMessage() and str(users_file) in r.getMessage()
               for r in caplog.records)


def test_a_damaged_login_attempts_file_is_put_aside_and_counting_goes_on(tmp_path):
    (tmp_path / users.ATTEMPTS_FILE).write_text('{"n:abc": [1, 2],', encoding="utf-8")
    assert users.limited(tmp_path, "anna", "10.0.0.1", now=1000) is None
    for _ in range(users.MAX_FAILURES):
        users.record_failure(tmp_path, "anna", "10.0.0.1", now=1000)
    assert users.limited(tmp_path, "anna", "10.0.0.1", now=1001) is not None
    assert (tmp_path / (users.ATTEMPTS_FILE + ".beschadigd")).read_text(encoding="utf-8") == '{"n:abc": [1, 2],'


def test_the_document_source_keeps_authors_and_publication(corpus_dir, index_dir, engine, taxonomy):
    article = doc(type="artikel", source=Source("https://tijdschrift.example/nr-3", ("A. Auteur", "B. Schrijver"),
                                                "Cultuur+Educatie"))
    saved = editing.save_document(corpus_dir, index_dir, article, taxonomy)
    opened = editing.open_document(corpus_dir, saved.document.id, taxonomy)
    assert opened.document.source == article.source
    assert Path(corpus_dir / saved.document.path).parent.name == "artikelen"
