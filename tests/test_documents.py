"""Reading corpus files: normalisation through the taxonomy, and clear problems for bad files."""
from __future__ import annotations

import datetime as dt

import pytest

from kennisplatform.corpus import read_corpus
from kennisplatform.documents import parse_document, plain_text, render_document, slugify

from conftest import write_document

GOOD = """---
type: Verslagen
title: "CMK-bijeenkomst: samen verder"
date: 2023-06-22
themes: [Kennisdeling, COMMUNICATIE EN ZICHTBAARHEID]
regions: [Krimpen a/d IJssel, "'s-Gravenhage"]
audience: [primair onderwijs]
source:
  url: https://voorbeeld.example/a
  authors: [A. Auteur]
---
## Kop

Tekst.
"""


def test_values_are_normalised_to_taxonomy_ids(taxonomy):
    parsed = parse_document(GOOD, "cmk", taxonomy, "verslagen/cmk.md")
    doc = parsed.document
    assert parsed.problems == []
    assert doc.type == "verslag"
    assert doc.date == dt.date(2023, 6, 22)
    assert doc.themes == ("kennisdeling", "communicatie")
    assert doc.regions == ("krimpen-aan-den-ijssel", "den-haag")
    assert doc.audience == ("po",)
    assert doc.source.url == "https://voorbeeld.example/a"


def test_render_then_parse_gives_the_same_document(taxonomy):
    doc = parse_document(GOOD, "cmk", taxonomy, "verslagen/cmk.md").document
    again = parse_document(render_document(doc), "cmk", taxonomy, "verslagen/cmk.md").document
    assert again == doc


def test_unknown_theme_is_reported_with_the_closest_value_and_left_out(taxonomy):
    text = GOOD.replace("Kennisdeling,", "erfgoedd,")
    parsed = parse_document(text, "cmk", taxonomy, "verslagen/cmk.md")
    assert parsed.document.themes == ("communicatie",)
    [problem] = parsed.problems
    assert (problem.path, problem.field) == ("verslagen/cmk.md", "themes")
    assert "erfgoedd" in problem.message
    assert problem.suggestion == "Erfgoed"


def test_missing_title_bad_date_and_bad_yaml_make_a_file_unusable(taxonomy):
    no_title = parse_document(GOOD.replace('title: "CMK-bijeenkomst: samen verder"\n', ""), "x", taxonomy, "p.md")
    assert no_title.document is None and [p.field for p in no_title.problems] == ["title"]
    bad_date = parse_document(GOOD.replace("2023-06-22", "2023-13-45"), "x", taxonomy, "p.md")
    assert bad_date.document is None
    assert bad_date.problems[0].field == "date" and bad_date.problems[0].suggestion == "JJJJ-MM-DD"
    bad_yaml = parse_document("---\ntitle: [unclosed\n---\nx", "x", taxonomy, "p.md")
    assert bad_yaml.document is None and "YAML" in bad_yaml.problems[0].message
    no_front = parse_document("Alleen tekst", "x", taxonomy, "p.md")
    assert no_front.document is None


def test_one_bad_file_does_not_stop_the_rest(corpus_dir, taxonomy):
    (corpus_dir / "verslagen" / "kapot.md").write_text("---\ntype: verslag\ntitle: [\n---\n", encoding="utf-8")
    (corpus_dir / "verslagen" / "binair.md").write_bytes(b"\xff\xfe\x00kapot")
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert len(documents) == 5
    assert sorted(p.path for p in problems) == ["verslagen/binair.md", "verslagen/kapot.md"]


def test_a_document_in_the_wrong_folder_is_reported(corpus_dir, taxonomy):
    write_document(corpus_dir, "verdwaald", "verslag", "2020-01-01", [], [], {}, "x")
    (corpus_dir / "verslagen" / "verdwaald.md").rename(corpus_dir / "artikelen" / "verdwaald.md")
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert [p.field for p in problems] == ["type"]
    assert "verdwaald" in {d.id for d in documents}


def test_slugify():
    assert slugify("Cultuureducatie in één dag: ICC’ers!") == "cultuureducatie-in-een-dag-iccers"
    assert slugify("???") == "document"


def test_a_long_slug_is_cut_after_a_whole_word():
    title = "Gemeente Lansingerland stelt geld beschikbaar voor cultuureducatie op de basisscholen"
    assert slugify(title, 48) == "gemeente-lansingerland-stelt-geld-beschikbaar"  # not "...-vo"
    assert slugify("cultuur " * 10, 47) == "cultuur-cultuur-cultuur-cultuur-cultuur-cultuur"  # ends at 47: whole
    # One word longer than half the room is cut where the room ends.
    assert slugify("kunst " + "a" * 60, 40) == "kunst-" + "a" * 34
    assert len(slugify(title * 3)) <= 80


def test_a_file_without_a_date_is_a_document_with_an_unknown_date(taxonomy):
    text = GOOD.replace("date: 2023-06-22\n", "")
    parsed = parse_document(text, "cmk", taxonomy, "verslagen/cmk.md")
    assert parsed.problems == []
    assert parsed.document.date is None and parsed.document.year is None
    rendered = render_document(parsed.document)
    assert "date" not in rendered.split("---")[1]
    assert parse_document(rendered, "cmk", taxonomy, "verslagen/cmk.md").document == parsed.document
    empty = parse_document(GOOD.replace("2023-06-22", '""'), "cmk", taxonomy, "verslagen/cmk.md")
    assert empty.problems == [] and empty.document.date is None


@pytest.mark.parametrize(("markdown", "plain"), [
    ("Een  **vette**\tzin  \t met   ruimte.", "Een vette zin met ruimte."),
    ("# Kop\n\nTekst met [een link](https://example.org) en `code`.", "Kop.\n\nTekst met een link en code."),
    ("\t  ingesprongen\t", "ingesprongen"),
    ("a b c", "a b c"),
    ("a_b c", "ab c"),
    ("a~b  c", "ab c"),
    ("`a` \tb", "a b"),
    ("a\tb", "a b"),
    ("  ", ""),
])
def test_plain_text_keeps_the_words_and_one_space_between_them(markdown, plain):
    assert plain_text(markdown) == plain


def _nested_aliases(depth: int) -> str:
    """A 'billion laughs' front matter: each level an alias list of ten of the one before (10**depth)."""
    lines = ["---", "type: verslag", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 10)}]" for n in range(1, depth)]
    return "\n".join(lines + [f"title: *a{depth - 1}", "date: 2023-01-01", "---", "", "Tekst.", ""])


def test_yaml_aliases_in_front_matter_are_refused_before_they_are_expanded(taxonomy):
    # Depth 4 is 10,000 strings as text (harmless to the old code, which made a title of them); the
    # depth 8 of a real attack is the same file, only gigabytes.
    parsed = parse_document(_nested_aliases(4), "lol", taxonomy, "verslagen/lol.md")
    assert parsed.document is None
    [problem] = parsed.problems
    assert (problem.path, problem.field) == ("verslagen/lol.md", "front matter")
    assert "verwijzingen naar een anker" in problem.message and "niet toegestaan" in problem.message
    assert "op regel 6, kolom 5" in problem.message  # the anchor of the value the title refers to
    shared_scalar = parse_document(GOOD.replace('title: "CMK-bijeenkomst: samen verder"',
                                                "title: &t Titel\nsummary: *t"), "x", taxonomy, "p.md")
    assert shared_scalar.document is None and "anker" in shared_scalar.problems[0].message
    anchor_only = parse_document(GOOD.replace('title: "', 'title: &t "'), "x", taxonomy, "p.md")
    assert anchor_only.problems == [] and anchor_only.document.title == "CMK-bijeenkomst: samen verder"


def test_a_front_matter_with_aliases_is_skipped_and_the_rest_is_read(corpus_dir, taxonomy):
    (corpus_dir / "verslagen" / "lol.md").write_text(_nested_aliases(4), encoding="utf-8")
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert len(documents) == 5
    assert [(p.path, p.field) for p in problems] == [("verslagen/lol.md", "front matter")]


def test_other_readers_of_front_matter_refuse_aliases_too(tmp_path):
    from kennisplatform.importer.identity import _read_known
    from kennisplatform.suggest import _file_text

    path = tmp_path / "lol.md"
    path.write_text(_nested_aliases(4), encoding="utf-8")
    title, _body = _file_text(path)
    assert title == ""
    assert _read_known(path) is None


def test_yaml_errors_say_where_in_dutch(taxonomy):
    parsed = parse_document("---\ntype: verslag\ntitle: [unclosed\n---\nx", "x", taxonomy, "p.md")
    [problem] = parsed.problems
    assert problem.message == "ongeldige YAML op regel 4, kolom 1"


def test_control_characters_leave_every_text_field_and_tabs_and_new_lines_stay_in_the_body(taxonomy):
    text = ('---\ntype: verslag\ntitle: "a\\0b\\x01c \\x85\\ufffe"\nsummary: "Kort\\x1b[31m"\n'
            'organisations: ["Museum\\x07", "\\x01"]\nsource:\n  authors: ["A.\\x00 Auteur"]\n'
            '  publication: "Blad\\x9b"\n---\nRegel\\x00 een\x0cRegel\ttwee\x7f\n')
    parsed = parse_document(text, "stuur", taxonomy, "verslagen/stuur.md")
    doc = parsed.document
    assert parsed.problems == []
    assert doc.title == "abc" and doc.summary == "Kort[31m"
    assert doc.organisations == ("Museum",)
    assert doc.source.authors == ("A. Auteur",) and doc.source.publication == "Blad"
    assert doc.body == "Regel\\x00 een\nRegel\ttwee\n"  # the escape is text in Markdown; the bytes go
    only_control = parse_document('---\ntype: verslag\ntitle: "\\x01\\x02"\n---\nx', "x", taxonomy, "p.md")
    assert only_control.document is None and only_control.problems[0].message == "titel ontbreekt"
    # However a Document is made (the editor's form, an import), its text is clean.
    from kennisplatform.documents import Document, Source
    made = Document("x", "verslag", "Titel\x00 met\nregel", None, body="a\x00b\x0bc\r\n",
                    source=Source("https://x.example/\x01", ("\x02",)))
    assert (made.title, made.body, made.source.url, made.source.authors) == (
        "Titel met regel", "ab\nc\r\n", "https://x.example/", ())
    assert made.with_changes(summary="s\x01").summary == "s"


def test_a_title_with_control_characters_makes_a_well_formed_feed_and_a_clean_page(corpus_dir, index_dir):
    from xml.etree import ElementTree

    from conftest import build_app

    (corpus_dir / "verslagen" / "stuur.md").write_text(
        '---\ntype: verslag\ntitle: "Stuur\\x01teken\\0titel"\n---\nTekst over stuurtekens\x07.\n', encoding="utf-8")
    client = build_app(corpus_dir, index_dir).test_client()
    feed = client.get("/zoeken.atom?q=stuurtekens")
    assert feed.status_code == 200
    titles = [e.text for e in ElementTree.fromstring(feed.data).iter("{http://www.w3.org/2005/Atom}title")]
    assert "Stuurtekentitel" in titles
    page = client.get("/document/stuur").get_data(as_text=True)
    assert "<h1" in page and "Stuurtekentitel" in page
    assert not any(c in page for c in "\x00\x01\x07")


def test_a_file_name_with_control_characters_is_reported_and_skipped(corpus_dir, taxonomy):
    write_document(corpus_dir, "stuur\x01teken", "verslag", None, [], [], {}, "x")
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert len(documents) == 5
    assert [(p.path, p.field) for p in problems] == [("verslagen/stuur\\x01teken.md", "bestand")]
    assert "stuurtekens" in problems[0].message


@pytest.mark.parametrize("date", ["1200-01-01", "1899-12-31", "9999-12-31"])
def test_a_date_the_editor_would_refuse_is_reported_and_the_document_kept_undated(taxonomy, date):
    parsed = parse_document(GOOD.replace("2023-06-22", date), "cmk", taxonomy, "verslagen/cmk.md")
    assert parsed.document is not None and parsed.document.date is None
    [problem] = parsed.problems
    assert (problem.path, problem.field) == ("verslagen/cmk.md", "date")
    assert problem.message.startswith(f"datum {date} ligt te ver in het verleden of de toekomst")
    assert parse_document(GOOD.replace("2023-06-22", "1900-01-01"), "cmk", taxonomy, "p.md").problems == []


def test_a_long_title_is_reported_with_its_real_length_and_shortened(taxonomy):
    parsed = parse_document(GOOD.replace('"CMK-bijeenkomst: samen verder"', "x" * 2345), "x", taxonomy, "p.md")
    assert parsed.document.title == "x" * 300
    assert [p.message for p in parsed.problems] == ["titel is te lang: 2345 tekens, hooguit 300 (ingekort)"]
    assert parsed.problems[0].kept  # the value is used, cut; a value left out is not kept:
    assert not parse_document(GOOD.replace("https://voorbeeld", "ftp://voorbeeld"), "x", taxonomy,
                              "p.md").problems[0].kept


def test_symbolic_links_out_of_the_corpus_are_reported_and_not_followed(corpus_dir, taxonomy, tmp_path):
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text("---\ntype: verslag\ntitle: Geheim\n---\nNiet publiceren.\n", encoding="utf-8")
    (corpus_dir / "verslagen" / "geheim.md").symlink_to(outside / "geheim.md")
    (corpus_dir / "verslagen" / "map").symlink_to(outside, target_is_directory=True)
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert "geheim" not in {d.id for d in documents} and len(documents) == 5
    assert sorted((p.path, p.field) for p in problems) == [("verslagen/geheim.md", "bestand"),
                                                           ("verslagen/map", "bestand")]
    assert all("symbolische koppeling naar buiten de corpusmap" in p.message for p in problems)



def test_listing_the_corpus_costs_no_system_call_per_file(corpus_dir, tmp_path, monkeypatch):
    """A rebuild lists the corpus before its workers start: each folder is read once, and links are told
    from files by the folder's entries, not by a stat per file (os.walk, pathlib and a link test per file
    took 2.3 s at 100,000 documents). What is listed stays the same: nested and linked folders, a link
    inside the corpus, one leading out, a broken one, hidden files and folders, names that are no UTF-8."""
    import os

    from kennisplatform import corpus

    outside = tmp_path / "buiten"
    outside.mkdir()
    folder = corpus_dir / "artikelen" / "sub"
    (folder / "diep").mkdir(parents=True)
    (folder / ".verborgen").mkdir()
    for n in range(40):
        (folder / f"stuk-{n:02}.md").write_text("---\ntype: artikel\ntitle: Stuk\n---\nTekst.\n", encoding="utf-8")
    (folder / "diep" / "onder.md").write_text("x", encoding="utf-8")
    (folder / ".verborgen" / "niet.md").write_text("x", encoding="utf-8")
    (folder / ".ook-niet.md").write_text("x", encoding="utf-8")
    (folder / "binnen.md").symlink_to(folder / "stuk-01.md")
    (folder / "buiten.md").symlink_to(outside / "geheim.md")
    (folder / "kapot.md").symlink_to(folder / "bestaat-niet.md")
    (folder / "koppeling").symlink_to(folder / "diep", target_is_directory=True)
    (folder / "naar-buiten").symlink_to(outside, target_is_directory=True)
    (folder / os.fsdecode(b"caf\xe9.md")).write_text("x", encoding="utf-8")
    def system_calls() -> tuple[int, corpus.CorpusScan]:
        calls = []
        with monkeypatch.context() as patched:
            for name in ("stat", "lstat"):
                real = getattr(os, name)
                patched.setattr(os, name, lambda *a, real=real, **k: (calls.append(a[0]), real(*a, **k))[1])
            listing = corpus.scan(corpus_dir, digests=False)
        return len(calls), listing

    before, _ = system_calls()
    for n in range(40, 80):
        (folder / f"meer-{n:02}.md").write_text("x", encoding="utf-8")
    after, listing = system_calls()
    assert after == before  # the links' own tests only
    assert len(listing.files) == 5 + 40 + 40 + 3
    relpaths = [f.relpath for f in listing.files]
    assert [r for r in relpaths if r.startswith("artikelen/sub/")] == \
        ["artikelen/sub/binnen.md", "artikelen/sub/kapot.md"] + \
        [f"artikelen/sub/meer-{n:02}.md" for n in range(40, 80)] + [f"artikelen/sub/stuk-{n:02}.md" for n in range(40)] + ["artikelen/sub/diep/onder.md"]
    assert not any("verborgen" in r or "ook-niet" in r for r in relpaths)
    assert sorted((p.path, p.field) for p in listing.problems) == [
        ("artikelen/sub/buiten.md", "bestand"), ("artikelen/sub/caf\\xe9.md", "bestand"),
        ("artikelen/sub/naar-buiten", "bestand")]
    assert {f.doc_id for f in listing.files} >= {"binnen", "stuk-00", "onder"}
    assert [str(f.path) for f in listing.files] == [str(p) for p in corpus.iter_markdown_files(corpus_dir)]

def test_a_file_that_cannot_be_read_is_a_problem_in_dutch(corpus_dir, taxonomy):
    (corpus_dir / "verslagen" / "weg.md").symlink_to(corpus_dir / "verslagen" / "bestaat-niet.md")
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert len(documents) == 5
    assert [str(p) for p in problems] == ["verslagen/weg.md: bestand: niet leesbaar: bestaat niet"]


@pytest.mark.parametrize("code, dutch", [("ENOENT", "bestaat niet"), ("EACCES", "geen toegang (rechten)"),
                                         ("EISDIR", "is een map, geen bestand"),
                                         ("ENAMETOOLONG", "de naam is te lang"), ("ENOSPC", "de schijf is vol")])
def test_common_os_errors_are_said_in_dutch(code, dutch):
    import errno
    import os

    from kennisplatform.errors import os_reason

    number = getattr(errno, code)
    assert os_reason(OSError(number, os.strerror(number), "/x")) == dutch


def test_what_a_page_never_shows_is_neither_indexed_nor_in_a_snippet():
    from kennisplatform.documents import plain_text

    text = plain_text("Erfgoed <script>alert(1)</script> in de klas. <style>p { color: red }</style>Einde.")
    assert "alert" not in text and "color" not in text
    assert text.split() == ["Erfgoed", "in", "de", "klas.", "Einde."]


def test_a_text_nested_too_deep_to_render_is_shown_as_plain_paragraphs():
    # python-markdown recurses per level of quoting: 5,000 levels raised RecursionError, a 500 on the page.
    from kennisplatform.render import render_markdown

    html = str(render_markdown(">" * 5000 + " diep <b>vet</b>\n\nTweede alinea.").html)
    assert html.endswith("<p>Tweede alinea.</p>") and "&lt;b&gt;vet" in html
