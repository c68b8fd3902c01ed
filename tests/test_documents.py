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
