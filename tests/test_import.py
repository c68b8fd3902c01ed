"""Importing .html, .md and .txt files: what is kept, what each file's outcome is, and the CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from editor_support import FIXTURES, SEED
from kennisplatform import importer
from kennisplatform.cli import main
from kennisplatform.corpus import iter_markdown_files, read_corpus
from kennisplatform.params import SearchParams
from kennisplatform.render import render_markdown


def corpus_files(corpus_dir: Path) -> list[str]:
    return sorted(p.relative_to(corpus_dir).as_posix() for p in iter_markdown_files(corpus_dir))


def all_files(corpus_dir: Path) -> dict[Path, bytes]:
    """Every file in the corpus, documents and kept originals, with its bytes."""
    return {p: p.read_bytes() for p in corpus_dir.rglob("*") if p.is_file()}


def run(corpus_dir, index_dir, taxonomy, engine, *paths, **options):
    return importer.Importer(corpus_dir, index_dir, taxonomy, importer.Options(**options)).run(
        [Path(p) for p in paths])


# -- reading files -----------------------------------------------------------------------------------------
def test_html_keeps_only_the_article_as_markdown(taxonomy):
    draft = importer.read_path(FIXTURES / "artikel-met-navigatie.html", taxonomy)
    assert draft.title == "Leerlingen als cultuurmakers in Gouda"  # og:title
    assert draft.date.isoformat() == "2024-03-14"  # article:published_time
    assert draft.source.url == "https://www.voorbeeld.example/nieuws/leerlingen-cultuurmakers"  # canonical
    assert draft.source.authors == ("J. de Vries",)
    assert draft.source.publication == "Cultuurnetwerk Voorbeeld"
    assert draft.summary == "Vijf basisscholen in Gouda lieten leerlingen zelf het cultuurprogramma kiezen."
    body = draft.body
    for noise in ("COOKIEMELDING", "LOGOKOP", "MENU-ITEM", "KRUIMELPAD", "ZIJBALK", "VOETTEKST", "DELEN-KNOPPEN",
                  "TRACKER-SCRIPT", "FOTO-ALT", "javascript:", "font-family", "Accepteren"):
        assert noise not in body, noise
    assert body.startswith("In **Gouda** kozen leerlingen van vijf basisscholen zelf hun *cultuurprogramma*.")
    assert "[bibliotheek](https://www.voorbeeld.example/partners/bibliotheek)" in body  # relative link resolved
    assert "## Wat deden de scholen?" in body and "## Wat hebben we geleerd?" in body
    assert "- Een leerlingenraad per school koos uit het aanbod van [lokale aanbieders](https://cultuur.example/aanbod)." in body
    assert "    - Twee bijeenkomsten per jaar" in body  # a nested list stays nested
    assert "1. Leerlingen kiezen *gevarieerder* dan volwassenen denken." in body
    assert '> "Ik wist niet dat ik theater zo leuk vond."' in body
    assert "Lees ook dit verslag en het notenoverzicht." in body  # unsafe and in-page links lose their address
    assert "# Leerlingen als cultuurmakers" not in body  # the title is not repeated in the body
    html = render_markdown(body).html
    assert "<strong>Gouda</strong>" in html and "<ol>" in html and "<blockquote>" in html


def test_html_without_main_or_metadata_uses_h1_the_text_date_and_drops_menus(taxonomy):
    draft = importer.read_path(FIXTURES / "zonder-main.html", taxonomy)
    assert draft.title == "Netwerkbijeenkomst ICC'ers Dordrecht"
    assert draft.date.isoformat() == "2022-10-12"
    assert draft.source.url is None
    assert "MENU" not in draft.body and "VOETTEKST" not in draft.body
    assert "erfgoedleerlijn" in draft.body


def test_markdown_with_front_matter_keeps_its_fields(taxonomy):
    draft = importer.read_path(FIXTURES / "verslag-met-kop.md", taxonomy)
    assert (draft.type, draft.title, draft.date.isoformat()) == ("verslag", "Werkbijeenkomst leerlijnen Schiedam",
                                                                  "2022-09-29")
    assert draft.themes == ("leerlijnen",) and draft.regions == ("schiedam",)
    assert draft.source.url == "https://schiedam.example/verslagen/leerlijnen-2022"


def test_markdown_without_front_matter_takes_the_heading_and_a_date_from_the_text(taxonomy):
    draft = importer.read_path(FIXTURES / "notitie-zonder-kop.md", taxonomy)
    assert draft.title == "Kunstmenu voor het speciaal onderwijs in Delft"
    assert draft.date.isoformat() == "2021-02-05"
    assert "## Wat werkte" in draft.body and "**contactpersoon**" in draft.body
    assert not draft.body.startswith("#")


def test_text_files_take_the_first_line_as_title(taxonomy):
    draft = importer.read_path(FIXTURES / "map" / "project.txt", taxonomy)
    assert draft.title == "Dansproject op het mbo in Nissewaard"
    assert draft.date.isoformat() == "2023-09-04"
    assert "## Wat hebben we geleerd?" in draft.body
    assert "- Korte, intensieve blokken werken beter dan wekelijkse lessen." in draft.body


def test_text_is_escaped_so_that_markup_in_it_stays_text(taxonomy, tmp_path):
    path = tmp_path / "gevaarlijk.txt"
    path.write_text("Titel\n\nOp 1 mei 2024: <script>alert(1)</script> en *geen nadruk*.\n", encoding="utf-8")
    html = render_markdown(importer.read_path(path, taxonomy).body).html
    assert "<script" not in html and "&lt;script&gt;" in html and "<em>" not in html


def test_the_seed_report_imports_with_suggestions(corpus_dir, index_dir, engine, taxonomy):
    [outcome] = run(corpus_dir, index_dir, taxonomy, engine, SEED)
    assert outcome.status == "created", outcome.line()
    assert set(outcome.suggested) >= {"type", "regions"}  # confident enough (see review.THRESHOLDS)
    stored = engine.stored(outcome.doc_id)
    assert stored["type"] == "verslag" and stored["date"] == "2023-06-22"
    assert {"vlaardingen", "krimpen-aan-den-ijssel"} <= set(stored["regions"])
    assert {"onderwijs", "kennisdeling"} <= set(stored["themes"])
    # What the import was less sure of waits for an editor.
    from kennisplatform import editing
    document = editing.open_document(corpus_dir, outcome.doc_id, taxonomy).document
    pending = {(p.key, p.value) for p in document.suggestions}
    assert ("themes", "leerlijnen") in pending and ("disciplines", "theater") in pending
    # Heritage is mentioned in passing only: neither applied nor worth an editor's click (review.MIN_PENDING).
    assert "erfgoed" not in stored["themes"] and ("themes", "erfgoed") not in pending
    assert outcome.pending == len(pending)
    assert stored["title"] == "Verslag CMK-bijeenkomst"


@pytest.mark.parametrize("text, iso", [
    ("Verslag van 22 juni 2023 in Vlaardingen", "2023-06-22"),
    ("op 3 okt. 2019", "2019-10-03"),
    ("datum: 2021-11-02", "2021-11-02"),
    ("14-03-2024, Gouda", "2024-03-14"),
    ("31 februari 2023 bestaat niet", None),
    ("geen datum", None),
])
def test_dates_in_text(text, iso):
    found = importer.find_date(text)
    assert (found.isoformat() if found else None) == iso


# -- outcomes ----------------------------------------------------------------------------------------------
def test_a_folder_is_imported_recursively_with_an_outcome_per_file(corpus_dir, index_dir, engine, taxonomy):
    before = corpus_files(corpus_dir)
    outcomes = run(corpus_dir, index_dir, taxonomy, engine, FIXTURES)
    by_name = {Path(o.path).name: o for o in outcomes}
    assert "afbeelding.png" not in by_name  # other file types in folders are skipped
    assert {n: o.status for n, o in by_name.items()} == {
        "artikel-met-navigatie.html": "created", "notitie-zonder-kop.md": "created",
        "verslag-met-kop.md": "created", "zonder-main.html": "created", "project.txt": "created",
        "zonder-datum.txt": "created"}
    assert len(corpus_files(corpus_dir)) == len(before) + 6
    assert read_corpus(corpus_dir, taxonomy)[1] == []
    project = engine.stored(by_name["project.txt"].doc_id)
    assert "nissewaard" in project["regions"]  # "Spijkenisse" is an alias of Nissewaard
    assert engine.search(SearchParams(q="cultuurmakers")).hits[0].id == by_name["artikel-met-navigatie.html"].doc_id


def test_importing_twice_creates_nothing_new(corpus_dir, index_dir, engine, taxonomy):
    run(corpus_dir, index_dir, taxonomy, engine, FIXTURES)
    files = all_files(corpus_dir)
    again = run(corpus_dir, index_dir, taxonomy, engine, FIXTURES)
    assert sorted(o.status for o in again) == ["unchanged"] * 6
    assert all_files(corpus_dir) == files


def test_a_changed_file_updates_its_document_and_a_copy_is_a_duplicate(corpus_dir, index_dir, engine, taxonomy,
                                                                         tmp_path):
    source = tmp_path / "bron"
    source.mkdir()
    shutil.copy(FIXTURES / "artikel-met-navigatie.html", source / "pagina.html")
    [first] = run(corpus_dir, index_dir, taxonomy, engine, source / "pagina.html")
    html = (source / "pagina.html").read_text(encoding="utf-8")
    (source / "pagina.html").write_text(html.replace("vijf basisscholen", "zes basisscholen"), encoding="utf-8")
    [second] = run(corpus_dir, index_dir, taxonomy, engine, source / "pagina.html")
    assert (second.status, second.doc_id) == ("updated", first.doc_id)
    assert "zes basisscholen" in engine.stored(first.doc_id)["body"]
    # The same text under another address and title: not the same document, but a duplicate.
    copy = html.replace("leerlingen-cultuurmakers", "elders").replace("Leerlingen als cultuurmakers in Gouda",
                                                                     "Cultuurmakers in Gouda")
    (source / "kopie.html").write_text(copy, encoding="utf-8")
    [third] = run(corpus_dir, index_dir, taxonomy, engine, source / "kopie.html")
    assert (third.status, third.doc_id) == ("duplicate", first.doc_id)
    assert len([p for p in corpus_files(corpus_dir) if "cultuurmakers" in p]) == 1


def test_a_reworked_version_from_another_address_is_kept_and_reported(corpus_dir, index_dir, engine, taxonomy,
                                                                       tmp_path):
    """Issue 10: a page from its own address is its own document; only a copy (a syndicated item) is not."""
    source = tmp_path / "bron"
    source.mkdir()
    html = (FIXTURES / "artikel-met-navigatie.html").read_text(encoding="utf-8")
    (source / "pagina.html").write_text(html, encoding="utf-8")
    [first] = run(corpus_dir, index_dir, taxonomy, engine, source / "pagina.html")
    later = ("<p>Een jaar later doen ook twee scholen in Waddinxveen mee. Zij voegen dans en muziek toe aan "
             "het aanbod en nodigen ouders uit bij de voorstellingen van hun kinderen.</p>")
    reworked = (html.replace("leerlingen-cultuurmakers", "een-jaar-later").replace("</blockquote>", "</blockquote>" + later)
                .replace("Leerlingen als cultuurmakers in Gouda", "Cultuurmakers in Gouda, een jaar later"))
    (source / "later.html").write_text(reworked, encoding="utf-8")
    [second] = run(corpus_dir, index_dir, taxonomy, engine, source / "later.html")
    assert second.status == "created" and second.doc_id != first.doc_id
    assert "lijkt op" in second.reason and "apart opgeslagen" in second.reason


def test_an_update_keeps_the_values_an_editor_chose(corpus_dir, index_dir, engine, taxonomy, tmp_path):
    from kennisplatform import editing

    page = tmp_path / "pagina.html"
    shutil.copy(FIXTURES / "artikel-met-navigatie.html", page)
    [first] = run(corpus_dir, index_dir, taxonomy, engine, page)
    opened = editing.open_document(corpus_dir, first.doc_id, taxonomy)
    editing.save_document(corpus_dir, index_dir, opened.document.with_changes(themes=("inclusie",)), taxonomy)
    page.write_text(page.read_text(encoding="utf-8").replace("vijf", "zes"), encoding="utf-8")
    [second] = run(corpus_dir, index_dir, taxonomy, engine, page)
    assert second.status == "updated"
    assert editing.open_document(corpus_dir, first.doc_id, taxonomy).document.themes == ("inclusie",)


def test_options_replace_suggestions_and_unknown_values_are_refused(corpus_dir, index_dir, engine, taxonomy):
    [outcome] = run(corpus_dir, index_dir, taxonomy, engine, FIXTURES / "map" / "project.txt",
                    type="artikel", themes=("talentontwikkeling",), regions=("Zuid-Holland",))
    stored = engine.stored(outcome.doc_id)
    assert (stored["type"], stored["themes"], stored["regions"]) == ("artikel", ["talentontwikkeling"], ["zuid-holland"])
    assert "type" not in outcome.suggested and "themes" not in outcome.suggested
    with pytest.raises(importer.ImportProblem, match="bedoelde u"):
        run(corpus_dir, index_dir, taxonomy, engine, FIXTURES, themes=("erfgoedd",))


def test_a_dry_run_saves_nothing(corpus_dir, index_dir, engine, taxonomy):
    before = corpus_files(corpus_dir)
    outcomes = run(corpus_dir, index_dir, taxonomy, engine, FIXTURES, dry_run=True)
    assert sorted(o.status for o in outcomes) == ["created"] * 6
    assert corpus_files(corpus_dir) == before
    # Other documents may have a part of the word (search._compound_words), the dry run's page is not there.
    hits = engine.search(SearchParams(q="cultuurmakers")).hits
    assert "Leerlingen als cultuurmakers in Gouda" not in [hit.title for hit in hits]


def test_unsupported_and_oversized_files_fail_with_a_reason(corpus_dir, index_dir, engine, taxonomy, tmp_path):
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # the old Word format
    (tmp_path / "groot.txt").write_text("Titel\n\n1 mei 2024\n" + "x" * (importer.MAX_BYTES + 1))
    (tmp_path / "leeg.md").write_text("---\ntype: verslag\ntitle: x\ndate: 2024-01-01\nthemes: [onbekend]\n---\n")
    outcomes = run(corpus_dir, index_dir, taxonomy, engine, tmp_path / "a.doc", tmp_path / "groot.txt",
                   tmp_path / "leeg.md")
    assert [(o.status, o.reason.split(" ")[0]) for o in outcomes] == [
        ("failed", "bestandstype"), ("failed", "groter"), ("failed", "geen")]


# -- the command line ----------------------------------------------------------------------------------------
def test_cli_import_prints_a_line_per_file_and_a_summary(corpus_dir, index_dir, taxonomy):
    runner = CliRunner()
    args = ["--corpus", str(corpus_dir), "--index", str(index_dir), "import", str(FIXTURES)]
    result = runner.invoke(main, args + ["--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Proefdraai: 6 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 0 mislukt." in result.output
    result = runner.invoke(main, args + ["--region", "Gouda"])
    assert "6 nieuw" in result.output
    result = runner.invoke(main, args + ["--region", "Gouda"])
    assert "0 nieuw, 0 bijgewerkt, 6 ongewijzigd, 0 dubbel, 0 mislukt." in result.output
    assert "ongewijzigd  " + str(FIXTURES / "verslag-met-kop.md") in result.output and "[zelfde bronadres]" in result.output
    result = runner.invoke(main, args + ["--theme", "geen-thema"])
    assert result.exit_code == 1 and "onbekende waarde 'geen-thema'" in result.output


def test_cli_user_add_prompts_for_the_password(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["user", "add", "Piet", "--instance", str(tmp_path)],
                           input="lang-genoeg-wachtwoord\nlang-genoeg-wachtwoord\n")
    assert result.exit_code == 0, result.output
    assert "Account 'piet' aangemaakt." in result.output
    assert "lang-genoeg" not in (tmp_path / "users.json").read_text()
    again = runner.invoke(main, ["user", "add", "piet", "--instance", str(tmp_path)],
                          input="lang-genoeg-wachtwoord\nlang-genoeg-wachtwoord\n")
    assert again.exit_code == 1 and "bestaat al" in again.output


def test_cli_user_add_uses_the_instance_folder_of_the_web_app(tmp_path, monkeypatch):
    """$KENNISPLATFORM_INSTANCE moves the web app's accounts; `user add` without --instance must write there
    too, or the new editor cannot log in."""
    monkeypatch.setenv("KENNISPLATFORM_INSTANCE", str(tmp_path / "inst"))
    result = CliRunner().invoke(main, ["user", "add", "redacteur"],
                                input="lang-genoeg-wachtwoord\nlang-genoeg-wachtwoord\n")
    assert result.exit_code == 0, result.output
    assert "redacteur" in (tmp_path / "inst" / "users.json").read_text()


def test_a_similar_file_without_an_address_is_kept_and_reported(corpus_dir, index_dir, engine, taxonomy, tmp_path):
    """Two yearly reports written from one template share most of their text; without a source address the
    second was dropped as 'dubbel'. Only a copy (>= 0.95) is a duplicate."""
    source = tmp_path / "bron"
    source.mkdir()
    common = ("Interne cultuurcoördinatoren van basisscholen uit Gouda en de Krimpenerwaard kwamen bijeen in de "
              "schouwburg. Onderwerp was de doorgaande leerlijn muziek en erfgoed, de matchingsgelden van de "
              "gemeente en de samenwerking met cultuuraanbieders in de regio Midden-Holland. ")
    (source / "verslag-2023.txt").write_text("Netwerkdag cultuureducatie 2023\n\n" + common * 2
                                             + "Dit jaar sprak de wethouder over theater.\n", encoding="utf-8")
    (source / "verslag-2024.txt").write_text("Netwerkdag cultuureducatie 2024\n\n" + common * 2
                                             + "Nieuw dit jaar: drie werksessies over dans, media en beeldende "
                                               "vorming, en een markt met aanbieders uit Waddinxveen.\n",
                                             encoding="utf-8")
    first, second = run(corpus_dir, index_dir, taxonomy, engine, source)
    assert first.status == "created"
    assert second.status == "created" and second.doc_id != first.doc_id, second
    assert "lijkt op 'Netwerkdag cultuureducatie 2023'" in second.reason and "apart opgeslagen" in second.reason
    # A true copy under another name is still a duplicate, and a second run changes nothing.
    shutil.copy(source / "verslag-2023.txt", source / "kopie.txt")
    outcomes = run(corpus_dir, index_dir, taxonomy, engine, source)
    assert sorted(o.status for o in outcomes) == ["duplicate", "unchanged", "unchanged"], outcomes


def test_a_page_shows_its_own_title_and_is_found_by_its_sites_name(corpus_dir, index_dir, engine, taxonomy,
                                                                    tmp_path):
    """The site's name comes off the shown title, but the title field still holds it: whose page it is,
    and often where ('Gemeente Leiderdorp'). The page's text never names the site here."""
    page = tmp_path / "cultuurnota.html"
    page.write_text('<html><head><title>Cultuurnota kunst en erfgoed | Kunstpodium Zwaluwstaart</title>'
                    '<link rel="canonical" href="https://www.kunstpodiumzwaluwstaart.nl/beleid/cultuurnota"></head><body>'
                    '<p>' + "De nota beschrijft wat de gemeente de komende jaren met kunst en erfgoed wil. " * 4
                    + '</p></body></html>', encoding="utf-8")
    [outcome] = run(corpus_dir, index_dir, taxonomy, engine, page)
    assert outcome.status == "created", outcome.line()
    result = engine.search(SearchParams(q="zwaluwstaart"))
    assert [h.id for h in result.hits][:1] == [outcome.doc_id]
    assert result.hits[0].title == "Cultuurnota kunst en erfgoed"
    assert engine.stored(outcome.doc_id)["title"] == "Cultuurnota kunst en erfgoed"
