"""Real files as they are found import: text in windows-1252 (old Notepad and Word 'save as text' files), a
Markdown file whose header is broken, a one-line text. What is still refused is refused in Dutch, and a
second import of the same file changes nothing."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from editor_support import login, make_app
from kennisplatform import importer
from kennisplatform.documents import Source, parse_document
from kennisplatform.importer.header import usable_header
from kennisplatform.render import render_markdown

NOTEPAD = "Cultuurcoördinator in Gouda\n\nHet café van de school organiseert één keer per maand een " \
          "voorstelling voor groep 7 en 8.\n"


def run(corpus_dir, index_dir, taxonomy, *paths):
    return importer.Importer(corpus_dir, index_dir, taxonomy).run([Path(p) for p in paths])


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def corpus_files(corpus_dir: Path) -> dict[str, bytes]:
    """Every file of the corpus (documents, originals, history), to see that a re-import changes nothing."""
    return {str(p.relative_to(corpus_dir)): p.read_bytes() for p in sorted(corpus_dir.rglob("*")) if p.is_file()}


def saved_file(corpus_dir: Path, doc_id: str) -> str:
    """The document's corpus file (not the original kept in bijlagen/, which may be a .md too)."""
    [path] = [p for p in corpus_dir.rglob(f"{doc_id}.md") if p.parent.name != "bijlagen"]
    return path.read_text(encoding="utf-8")


def imported_twice(corpus_dir, index_dir, taxonomy, path: Path) -> importer.Outcome:
    """The outcome of the first import; the second must find the same document and change no file."""
    [first] = run(corpus_dir, index_dir, taxonomy, path)
    assert first.status == "created", first.reason
    before = corpus_files(corpus_dir)
    [again] = run(corpus_dir, index_dir, taxonomy, path)
    assert (again.status, again.doc_id) == ("unchanged", first.doc_id), again
    assert corpus_files(corpus_dir) == before
    return first


# -- windows-1252 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["notities.txt", "notities.md"])
def test_a_windows_1252_text_is_read_as_windows_1252_and_says_so(corpus_dir, index_dir, taxonomy, tmp_path, name):
    path = write(tmp_path / "in", name, NOTEPAD.replace("\n", "\r\n").encode("cp1252"))
    draft = importer.read_path(path, taxonomy)
    assert draft.title == "Cultuurcoördinator in Gouda"
    assert "Het café van de school organiseert één keer" in draft.body
    assert draft.notes == ["gelezen als windows-1252 (geen UTF-8)"]
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert "gelezen als windows-1252" in outcome.reason
    saved = next(corpus_dir.rglob(f"{outcome.doc_id}.md")).read_text(encoding="utf-8")
    assert "Cultuurcoördinator in Gouda" in saved and "café" in saved
    path.write_bytes(NOTEPAD.replace("groep 7", "groep 6").encode("cp1252"))
    [changed] = run(corpus_dir, index_dir, taxonomy, path)
    assert (changed.status, changed.doc_id) == ("updated", outcome.doc_id), changed
    assert changed.reason == "gelezen als windows-1252 (geen UTF-8)"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_with_or_without_bom_and_utf16_with_bom_are_read_without_a_note(tmp_path, taxonomy, encoding):
    draft = importer.read_path(write(tmp_path / "in", "notities.txt", NOTEPAD.encode(encoding)), taxonomy)
    assert draft.title == "Cultuurcoördinator in Gouda" and "één keer" in draft.body
    assert draft.notes == []


@pytest.mark.parametrize("data", [
    "Привет мир\n\nКультура и образование в Лейдене.\n".encode("cp1251"),  # 1252 would give 'Ïðèâåò'
    "Café in Gouda\n\n".encode("cp1252") + "één keer per week".encode("utf-8"),  # mixed: 'Ã©Ã©n'
    b"Muziek in Gouda\n\nLes \x81\x8d per week.\n",  # bytes that windows-1252 leaves undefined
])
def test_text_that_windows_1252_would_turn_into_mojibake_is_refused_in_dutch(corpus_dir, index_dir, taxonomy,
                                                                              tmp_path, data):
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", "tekst.txt", data))
    assert outcome.status == "failed"
    assert outcome.reason.startswith("geen UTF-8- of windows-1252-tekst: sla het bestand op als UTF-8")


# -- a broken header ---------------------------------------------------------------------------------------
BROKEN_HEADERS = [
    # (file, header as it must stay visible, reason the outcome gives)
    ("---\ntitle: [niet gesloten\ndate: 2023-01-01\n---\n# Dans in Delft\n\nLeerlingen dansen op school.\n",
     "title: [niet gesloten\ndate: 2023-01-01", "YAML-kop: ongeldige YAML op regel 3, kolom 5"),
    ("---\nDans op school, verslag\n---\n# Dans in Delft\n\nLeerlingen dansen op school.\n",
     "Dans op school, verslag", "YAML-kop: de YAML-kop is geen lijst van sleutels en waarden"),
    ("---\ntitle: Dans\ntype: verslag\n\n# Dans in Delft\n\nLeerlingen dansen op school.\n",
     "title: Dans\ntype: verslag", "de YAML-kop is niet afgesloten met ---"),
]


@pytest.mark.parametrize("text, header, reason", BROKEN_HEADERS)
def test_a_markdown_file_with_a_broken_header_is_imported_with_the_header_kept(corpus_dir, index_dir, taxonomy,
                                                                               tmp_path, text, header, reason):
    path = write(tmp_path / "in", "dans.md", text.encode())
    draft = importer.read_path(path, taxonomy)
    assert draft.title == "Dans in Delft"
    assert draft.body.startswith("Leerlingen dansen op school.\n")
    assert f"```\n{header}\n```" in draft.body  # below the text, as it was: nothing lost, nothing guessed
    assert header.splitlines()[0] in render_markdown(draft.body).html  # shown on the page
    assert draft.summary == "Leerlingen dansen op school."
    assert draft.notes == [f"{reason}; de kop is niet gebruikt en staat als tekst onder aan het document"]
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert reason in outcome.reason


def test_a_corpus_file_with_a_broken_header_is_still_a_problem_for_check(taxonomy):
    """The leniency is the importer's: the corpus reader (and so `check`) keeps reporting such a file."""
    parsed = parse_document(BROKEN_HEADERS[0][0], "dans", taxonomy, "verslagen/dans.md")
    assert parsed.document is None and parsed.problems[0].field == "front matter"


def test_a_file_that_is_only_a_broken_header_takes_its_title_from_the_file_name(corpus_dir, index_dir, taxonomy,
                                                                                 tmp_path):
    path = write(tmp_path / "in", "dans_op_school.md", b"---\ntitle: ```[dans\n---\n")
    draft = importer.read_path(path, taxonomy)
    assert draft.title == "dans op school"
    assert draft.body == "````\ntitle: ```[dans\n````\n"  # a fence longer than the header's own backticks
    imported_twice(corpus_dir, index_dir, taxonomy, path)


def test_a_rule_at_the_top_is_neither_a_header_nor_the_title(tmp_path, taxonomy):
    draft = importer.read_path(write(tmp_path / "in", "lijn.md", b"---\n\nDans in Delft\n\nLeerlingen dansen.\n"),
                               taxonomy)
    assert draft.title == "Dans in Delft" and draft.notes == []
    assert "Leerlingen dansen." in draft.body


# -- a field with a wrong value ----------------------------------------------------------------------------
FIELD_BODY = "# Dans in Delft\n\nLeerlingen dansen op school.\n"
KEPT = "de YAML-kop staat als tekst onder aan het document"
WRONG_FIELDS = [
    # (header lines, the note, what the draft has instead)
    ("type: verslag\ndate: 31-02-2024", "veld 'date': '31-02-2024' is geen geldige datum; niet gebruikt",
     {"date": None}),
    ("type: verslag\ndate: maart 2024", "veld 'date': 'maart 2024' is geen geldige datum; niet gebruikt",
     {"date": None}),
    ("type: verslag\ndate: [2024-01-01]", 'veld \'date\': ["2024-01-01"] is geen geldige datum; niet gebruikt',
     {"date": None}),
    ("type: onzin", "veld 'type': 'onzin' is geen bekend type; niet gebruikt", {"type": None}),
    ("type: [verslag, artikel]", 'veld \'type\': ["verslag", "artikel"] is geen type; niet gebruikt', {"type": None}),
    ("type: verslag\ntitle: 2024", "veld 'title': 2024 is geen tekst; niet gebruikt", {"title": "Dans in Delft"}),
    ("type: verslag\ntitle: [Dans, Delft]", 'veld \'title\': ["Dans", "Delft"] is geen tekst; niet gebruikt',
     {"title": "Dans in Delft"}),
    ("type: verslag\nsummary: {kort: lang}", 'veld \'summary\': {"kort": "lang"} is geen tekst; niet gebruikt',
     {"summary": ""}),
    ("type: verslag\nthemes: [erfgoed, onzin]", "veld 'themes': 'onzin' is geen bekende waarde; niet gebruikt",
     {"themes": ("erfgoed",)}),
    ("type: verslag\naudience: {po: ja}", 'veld \'audience\': {"po": "ja"} is geen lijst van waarden; niet gebruikt',
     {"audience": ()}),
]


@pytest.mark.parametrize("header, note, instead", WRONG_FIELDS)
def test_a_field_whose_value_cannot_be_used_is_dropped_with_a_note_and_the_header_kept(
        corpus_dir, index_dir, taxonomy, tmp_path, header, note, instead):
    path = write(tmp_path / "in", "dans.md", f"---\n{header}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert draft.notes == [note, KEPT]
    assert {key: getattr(draft, key) for key in instead} == instead  # as if the file did not give it
    if "title:" not in header:
        assert draft.title == "Dans in Delft"
    assert draft.body.startswith("Leerlingen dansen op school.\n")
    assert draft.body.endswith(f"\n```\n{header}\n```\n")  # the value stays visible, as it was
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert note in outcome.reason and KEPT in outcome.reason
    saved = parse_document(saved_file(corpus_dir, outcome.doc_id), outcome.doc_id, taxonomy)
    assert saved.problems == [] and header.splitlines()[-1] in saved.document.body


def test_a_dropped_type_is_suggested_and_a_dropped_date_found_in_the_text(corpus_dir, index_dir, taxonomy, tmp_path):
    text = "---\ntitle: Erfgoedlessen\ntype: lesbrief\ndate: 31-02-2024\n---\n14 maart 2024\n\n" \
           "Leerlingen bezoeken het museum en leren over erfgoed in hun wijk.\n"
    path = write(tmp_path / "in", "erfgoed.md", text.encode())
    draft = importer.read_path(path, taxonomy)
    assert (draft.title, draft.type, draft.date.isoformat()) == ("Erfgoedlessen", None, "2024-03-14")
    [outcome] = run(corpus_dir, index_dir, taxonomy, path)
    assert outcome.status == "created", outcome.reason
    saved = parse_document(saved_file(corpus_dir, outcome.doc_id), outcome.doc_id, taxonomy)
    assert saved.document.type and saved.problems == []  # a type of the taxonomy, as for a file without one


@pytest.mark.parametrize("value", ["14-03-2024", "14 maart 2024", "2024-3-14", "14/3/2024"])
def test_a_date_in_another_dutch_form_is_read_as_that_date(corpus_dir, index_dir, taxonomy, tmp_path, value):
    path = write(tmp_path / "in", "dans.md", f"---\ntype: verslag\ndate: {value}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert draft.date.isoformat() == "2024-03-14"
    assert draft.notes == [f"veld 'date': '{value}' gelezen als 2024-03-14"]
    assert "```" not in draft.body  # nothing dropped: no header below the text
    imported_twice(corpus_dir, index_dir, taxonomy, path)


def test_a_taxonomy_alias_in_a_header_resolves_without_a_note(tmp_path, taxonomy):
    data = b"---\ntype: Verslag\nthemes: Erfgoededucatie, onzin\naudience: [primair onderwijs]\n---\n" \
           + FIELD_BODY.encode()
    draft = importer.read_path(write(tmp_path / "in", "dans.md", data), taxonomy)
    assert (draft.type, draft.themes, draft.audience) == ("verslag", ("erfgoed",), ("po",))
    assert draft.notes == ["veld 'themes': 'onzin' is geen bekende waarde; niet gebruikt", KEPT]


@pytest.mark.parametrize("value, doc_type, label", [("verslagje", "verslag", "Verslag"),
                                                     ("Voorbeeld project", "voorbeeldproject", "Voorbeeldproject"),
                                                     ("artikels", "artikel", "Artikelsamenvatting")])
def test_a_type_very_close_to_one_known_type_is_read_as_that_type(corpus_dir, index_dir, taxonomy, tmp_path,
                                                                  value, doc_type, label):
    path = write(tmp_path / "in", "dans.md", f"---\ntype: {value}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert draft.type == doc_type
    assert draft.notes == [f"veld 'type': '{value}' gelezen als '{label}'"]
    assert "```" not in draft.body  # nothing dropped: no header below the text
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert "type" not in outcome.suggested  # the file's type, not one suggested from the text
    assert parse_document(saved_file(corpus_dir, outcome.doc_id), outcome.doc_id, taxonomy).document.type == doc_type


def test_a_type_only_somewhat_close_is_dropped_with_the_hint(tmp_path, taxonomy):
    data = f"---\ntype: project\n---\n{FIELD_BODY}".encode()
    draft = importer.read_path(write(tmp_path / "in", "dans.md", data), taxonomy)
    assert draft.type is None
    assert draft.notes == ["veld 'type': 'project' is geen bekend type (bedoelde u 'Voorbeeldproject'?); niet gebruikt",
                           KEPT]


def test_a_type_very_close_to_two_known_types_is_dropped_with_the_hint(tmp_path):
    """'lesbrieff' is as near to 'Lesbrief' as to 'Leesbrief': which one the file meant is not plain."""
    import yaml

    from conftest import TAXONOMY
    from kennisplatform.taxonomy import Taxonomy

    data = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    data["types"] += [{"id": "lesbrief", "label": "Lesbrief"}, {"id": "leesbrief", "label": "Leesbrief"}]
    taxonomy = Taxonomy(data)
    header = usable_header({"type": "lesbrieff"}, taxonomy)
    assert "type" not in header.meta and header.dropped
    assert header.notes == ["veld 'type': 'lesbrieff' is geen bekend type (bedoelde u 'Lesbrief'?); niet gebruikt"]
    assert usable_header({"type": "verslagje"}, taxonomy).meta["type"] == "verslag"  # near to one type only
    assert taxonomy.closest("type", "lesbrieff") == "Lesbrief"  # the hint of other callers: as before


@pytest.mark.parametrize("header, field", [("type: verslag\ntitle: Dans\ndate: 31-02-2024", "date"),
                                           ("type: onzin\ntitle: Dans", "type")])
def test_a_corpus_file_with_a_wrong_field_value_is_still_a_problem_for_check(taxonomy, header, field):
    """The leniency is the importer's: the corpus reader (and so `check` and the index) reports such a file."""
    parsed = parse_document(f"---\n{header}\n---\nTekst\n", "dans", taxonomy, "verslagen/dans.md")
    assert parsed.document is None and [p.field for p in parsed.problems] == [field]


@pytest.mark.parametrize("header, note", [
    # a title cut short is still the title: not "niet gebruikt"
    ("type: verslag\ntitle: " + "x" * 400, "veld 'title': titel is te lang: 400 tekens, hooguit 300 (ingekort)"),
    # a dropped value is, whatever words it has ('ingekort' in the address)
    ("type: verslag\nsource: ftp://ingekort.example/dans",
     "veld 'source.url': geen http(s)-adres: 'ftp://ingekort.example/dans'; niet gebruikt"),
])
def test_what_the_corpus_reader_cut_or_left_out_is_told_by_its_flag_not_by_its_words(tmp_path, taxonomy, header,
                                                                                    note):
    draft = importer.read_path(write(tmp_path / "in", "dans.md", f"---\n{header}\n---\n{FIELD_BODY}".encode()),
                               taxonomy)
    assert draft.notes == [note, KEPT]
    assert draft.title == ("x" * 300 if "title:" in header else "Dans in Delft")


# -- keys as other sites and Dutch writers name them ----------------------------------------------------------
JEKYLL = """---
layout: post
titel: Dans in Delft
datum: 14 maart 2024
permalink: /2024/03/dans/
draft: false
author: Jan Jansen
description: Leerlingen dansen een week lang.
excerpt: Een ander stukje.
tags: [Delft, muziek, nieuws, po, Nieuws]
categories: Erfgoededucatie, blog
thema: leerlijnen
---
Leerlingen dansen op school.
"""
JEKYLL_NOTES = [
    "veld 'datum': '14 maart 2024' gelezen als 2024-03-14",
    "velden 'tags', 'categories': 'nieuws', 'blog' niet gebruikt (geen bekend thema, regio, discipline of doelgroep)",
    "velden 'layout', 'permalink', 'draft' niet gebruikt (onbekend)",
    "veld 'excerpt' niet gebruikt (dubbel met 'description')",
]


def test_keys_of_other_sites_are_read_as_ours_and_the_rest_named_in_one_note(corpus_dir, index_dir, taxonomy,
                                                                             tmp_path):
    path = write(tmp_path / "in", "dans.md", JEKYLL.encode())
    draft = importer.read_path(path, taxonomy)
    assert (draft.title, draft.date.isoformat(), draft.summary) == ("Dans in Delft", "2024-03-14",
                                                                    "Leerlingen dansen een week lang.")
    assert draft.themes == ("leerlijnen", "erfgoed")  # its own key's value first, then the labels'
    assert (draft.regions, draft.disciplines, draft.audience) == (("delft",), ("muziek",), ("po",))
    assert draft.notes == JEKYLL_NOTES
    assert draft.source.authors == ("Jan Jansen",)
    assert draft.body == "Leerlingen dansen op school.\n"  # nothing dropped: no header below the text
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert "; ".join(JEKYLL_NOTES) in outcome.reason
    saved = parse_document(saved_file(corpus_dir, outcome.doc_id), outcome.doc_id, taxonomy)
    assert saved.problems == [] and saved.document.themes == ("leerlijnen", "erfgoed")
    assert saved.document.source.authors == ("Jan Jansen",)


@pytest.mark.parametrize("header, source", [
    ("author: Jan Jansen", Source(authors=("Jan Jansen",))),
    ("auteurs: [Jan Jansen, Piet de Vries]", Source(authors=("Jan Jansen", "Piet de Vries"))),
    ("Auteur: Jan\nsource: https://example.nl/dans", Source(url="https://example.nl/dans", authors=("Jan",))),
    ("bron: {publication: Het Dagblad, authors: []}\nauthors: Jan", Source(authors=("Jan",),
                                                                          publication="Het Dagblad")),
])
def test_an_author_key_gives_the_source_its_authors(corpus_dir, index_dir, taxonomy, tmp_path, header, source):
    path = write(tmp_path / "in", "dans.md", f"---\ntype: verslag\n{header}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert (draft.source, draft.notes) == (source, [])
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert parse_document(saved_file(corpus_dir, outcome.doc_id), outcome.doc_id, taxonomy).document.source == source


@pytest.mark.parametrize("header, authors, note", [
    # the file's own source authors win; a second author key is a double of the first
    ("source: {authors: [Piet]}\nauthor: Jan", ("Piet",), "veld 'author' niet gebruikt (dubbel met 'source')"),
    ("author: Jan\nauteurs: [Piet]", ("Jan",), "veld 'auteurs' niet gebruikt (dubbel met 'author')"),
])
def test_an_author_key_beside_authors_given_is_a_double(tmp_path, taxonomy, header, authors, note):
    draft = importer.read_path(write(tmp_path / "in", "dans.md", f"---\ntype: verslag\n{header}\n---\n{FIELD_BODY}"
                                     .encode()), taxonomy)
    assert (draft.source.authors, draft.notes) == (authors, [note])


@pytest.mark.parametrize("header, notes", [
    ("type: verslag\nauthor: {naam: Jan}",
     ['veld \'author\': {"naam": "Jan"} is geen tekst of lijst van namen; niet gebruikt']),
    ("type: verslag\nsource: [a, b]\nauthor: Jan",  # a source the corpus reader leaves out, with its own note
     ["veld 'author': 'Jan' past niet bij een ongeldige bron; niet gebruikt",
      "veld 'source': verwacht url, authors en publication; niet gebruikt"]),
])
def test_an_author_that_is_not_text_or_has_no_source_to_go_to_is_dropped_with_a_note(tmp_path, taxonomy, header,
                                                                                    notes):
    draft = importer.read_path(write(tmp_path / "in", "dans.md", f"---\n{header}\n---\n{FIELD_BODY}".encode()),
                               taxonomy)
    assert draft.source.authors == ()
    assert draft.notes == [*notes, KEPT]
    assert draft.body.endswith(f"\n```\n{header}\n```\n")


@pytest.mark.parametrize("header, doc_type, notes", [
    ("categories: [Verslagen]", "verslag", []),
    ("tags: Artikel, erfgoed", "artikel", []),
    ("tags: [verslag, artikel]", "verslag", []),  # the first type named
    ("type: artikel\ncategories: Verslagen", "artikel", []),  # the file's type wins, silently
    ("type: artikels\ntags: verslag", "artikel", ["veld 'type': 'artikels' gelezen als 'Artikelsamenvatting'"]),
    ("type: onzin\ntags: verslag", "verslag", ["veld 'type': 'onzin' is geen bekend type; niet gebruikt", KEPT]),
])
def test_a_label_that_names_a_type_is_the_type_when_the_file_gives_none(corpus_dir, index_dir, taxonomy, tmp_path,
                                                                        header, doc_type, notes):
    path = write(tmp_path / "in", "dans.md", f"---\n{header}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert (draft.type, draft.notes) == (doc_type, notes)
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert "type" not in outcome.suggested  # the file's type, not one suggested from the text
    assert parse_document(saved_file(corpus_dir, outcome.doc_id), outcome.doc_id, taxonomy).document.type == doc_type


@pytest.mark.parametrize("header, wanted, notes", [
    ("type: verslag\ndate: 31-02-2024\ndatum: 14-03-2024", {"date": date(2024, 3, 14)},
     ["veld 'date': '31-02-2024' is geen geldige datum; niet gebruikt", "veld 'datum' gebruikt in plaats van 'date'",
      "veld 'datum': '14-03-2024' gelezen als 2024-03-14"]),
    # the first usable one, in the file's order; a later one stays a double of the one used
    ("type: verslag\ndatum: 31-02-2024\nDate: maart\npubdate: 2024-03-14\npublishdate: 2024-01-01",
     {"date": date(2024, 3, 14)},
     ["veld 'datum': '31-02-2024' is geen geldige datum; niet gebruikt", "veld 'Date' gebruikt in plaats van 'datum'",
      "veld 'Date': 'maart' is geen geldige datum; niet gebruikt", "veld 'pubdate' gebruikt in plaats van 'Date'",
      "veld 'publishdate' niet gebruikt (dubbel met 'pubdate')"]),
    ("type: onzin\nsoort: Artikel", {"type": "artikel"},
     ["veld 'type': 'onzin' is geen bekend type; niet gebruikt", "veld 'soort' gebruikt in plaats van 'type'"]),
    ("type: verslag\ntitle: [Dans]\ntitel: Dansen", {"title": "Dansen"},
     ['veld \'title\': ["Dans"] is geen tekst; niet gebruikt', "veld 'titel' gebruikt in plaats van 'title'"]),
])
def test_a_dropped_value_gives_way_to_another_name_of_the_key(corpus_dir, index_dir, taxonomy, tmp_path, header,
                                                             wanted, notes):
    path = write(tmp_path / "in", "dans.md", f"---\n{header}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert {key: getattr(draft, key) for key in wanted} == wanted
    assert draft.notes == [*notes, KEPT]
    assert draft.body.endswith(f"\n```\n{header}\n```\n")  # the dropped value stays visible
    imported_twice(corpus_dir, index_dir, taxonomy, path)


@pytest.mark.parametrize("header, wanted", [
    ("Titel: Dans\ntype: verslag", {"title": "Dans"}),
    ("title: Dans\ntype: verslag\ntitel: Anders", {"title": "Dans"}),  # our own key wins
    ("samenvatting: Kort.\nbeschrijving: Lang.\ntype: verslag", {"summary": "Kort."}),  # the first other name
    ("soort: verslag\ngemeente: Gouda, Leiden\ndoelgroep: po", {"type": "verslag", "regions": ("gouda", "leiden"),
                                                                "audience": ("po",)}),
    ("type: verslag\nregio: Drechtsteden\nkeywords: Gouda", {"regions": ("drechtsteden", "gouda")}),
    ("type: verslag\ntrefwoorden: [erfgoed, dans, vo]", {"themes": ("erfgoed",), "disciplines": ("dans",),
                                                          "audience": ("vo",)}),
])
def test_a_dutch_or_common_name_of_our_key_is_read_as_ours(tmp_path, taxonomy, header, wanted):
    draft = importer.read_path(write(tmp_path / "in", "dans.md", f"---\n{header}\n---\n{FIELD_BODY}".encode()),
                               taxonomy)
    assert {key: getattr(draft, key) for key in wanted} == wanted
    assert not any("gebruikt" in note for note in draft.notes if "dubbel" not in note)


@pytest.mark.parametrize("header, note", [
    ("type: verslag\ndatum: 31-02-2024", "veld 'datum': '31-02-2024' is geen geldige datum; niet gebruikt"),
    ("type: verslag\ngemeente: [Gouda, Onbekenddorp]", "veld 'gemeente': 'Onbekenddorp' is geen bekende waarde; "
                                                      "niet gebruikt"),
    ("type: verslag\ntitel: [Dans, Delft]", 'veld \'titel\': ["Dans", "Delft"] is geen tekst; niet gebruikt'),
    ("soort: onzin", "veld 'soort': 'onzin' is geen bekend type; niet gebruikt"),
    ("type: verslag\nbron: Kunstgebouw", "veld 'bron.url': geen http(s)-adres: 'Kunstgebouw'; niet gebruikt"),
])
def test_a_value_under_another_name_passes_the_same_checks_and_is_named_as_the_file_names_it(
        corpus_dir, index_dir, taxonomy, tmp_path, header, note):
    path = write(tmp_path / "in", "dans.md", f"---\n{header}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert draft.notes == [note, KEPT]
    assert draft.body.endswith(f"\n```\n{header}\n```\n")
    imported_twice(corpus_dir, index_dir, taxonomy, path)


@pytest.mark.parametrize("value", ["2024-03-14 10:00:00 +0100", "2024-03-14 10:00:00 -05:00", "2024-03-14 10:00 Z"])
def test_a_jekyll_date_with_its_zone_after_a_space_is_read_without_a_note(corpus_dir, index_dir, taxonomy, tmp_path,
                                                                         value):
    path = write(tmp_path / "in", "dans.md", f"---\ntype: verslag\ndate: {value}\n---\n{FIELD_BODY}".encode())
    draft = importer.read_path(path, taxonomy)
    assert (draft.date.isoformat(), draft.notes) == ("2024-03-14", [])
    imported_twice(corpus_dir, index_dir, taxonomy, path)


def test_a_hundred_unknown_keys_give_one_short_note(tmp_path, taxonomy):
    header = "".join(f"veld{i}: waarde {i}\n" for i in range(100))
    draft = importer.read_path(write(tmp_path / "in", "dans.md", f"---\ntype: verslag\n{header}---\n{FIELD_BODY}"
                                     .encode()), taxonomy)
    assert draft.notes == ["velden 'veld0', 'veld1', 'veld2', 'veld3', 'veld4' en 95 andere niet gebruikt (onbekend)"]


def test_a_label_key_with_only_unknown_values_gives_one_note(tmp_path, taxonomy):
    tags = ", ".join(f"label{i}" for i in range(40))
    draft = importer.read_path(write(tmp_path / "in", "dans.md", f"---\ntype: verslag\ntags: {tags}\n"
                                     f"category: {{a: b}}\n---\n{FIELD_BODY}".encode()), taxonomy)
    assert draft.notes == ["velden 'tags', 'category': 'label0', 'label1', 'label2', 'label3', 'label4' en 36 andere "
                           "niet gebruikt (geen bekend thema, regio, discipline of doelgroep)"]
    assert draft.themes == draft.regions == ()


def test_check_still_reports_other_sites_keys_in_a_corpus_file(taxonomy):
    """The importer reads them; the corpus reader (`check`, the index) knows our keys only."""
    parsed = parse_document("---\ntype: verslag\ntitel: Dans\ntitle: Dans\ntags: [erfgoed]\n---\nTekst\n", "dans",
                            taxonomy, "verslagen/dans.md")
    assert sorted((p.field, p.message) for p in parsed.problems) == [("tags", "onbekend veld"),
                                                                    ("titel", "onbekend veld")]
    assert parsed.document.themes == ()


# -- one line ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, data, body", [
    ("afspraken.txt", b"Afspraken muziekles groep 5\n", "Afspraken muziekles groep 5\n"),
    ("afspraken.txt", b"Muziekles in groep 5: elke dinsdag om 10 uur *samen* zingen.", None),
    ("afspraken.md", b"# Afspraken muziekles groep 5\n", "Afspraken muziekles groep 5\n"),
])
def test_a_one_line_file_is_a_document(corpus_dir, index_dir, taxonomy, tmp_path, name, data, body):
    path = write(tmp_path / "in", name, data)
    draft = importer.read_path(path, taxonomy)
    line = data.decode().strip().lstrip("# ")
    assert draft.title == line
    assert render_markdown(draft.body).html.count(line) == 1  # its text, as a paragraph, not a heading
    assert "<h" not in render_markdown(draft.body).html
    if body is not None:
        assert draft.body == body
    assert draft.summary == ""  # not the title again
    imported_twice(corpus_dir, index_dir, taxonomy, path)


@pytest.mark.parametrize("header", ["type: verslag", "thema: erfgoed\nlayout: post"])
def test_a_one_line_text_under_a_header_without_a_title_is_a_document(corpus_dir, index_dir, taxonomy, tmp_path,
                                                                      header):
    """The header path found the title as a file without a header does, but kept nothing as the text: the file
    was refused with 'geen tekst gevonden'."""
    path = write(tmp_path / "in", "afspraken.md", f"---\n{header}\n---\n# Afspraken muziekles groep 5\n".encode())
    draft = importer.read_path(path, taxonomy)
    line = "Afspraken muziekles groep 5"
    assert (draft.title, draft.body, draft.summary) == (line, line + "\n", "")
    assert imported_twice(corpus_dir, index_dir, taxonomy, path).status == "created"


def test_a_title_and_a_date_keep_the_date_as_text(tmp_path, taxonomy):
    draft = importer.read_path(write(tmp_path / "in", "notulen.txt", b"Notulen\n12 maart 2024\n"), taxonomy)
    assert (draft.title, draft.date.isoformat(), draft.body) == ("Notulen", "2024-03-12", "12 maart 2024\n")


def test_a_line_of_signs_below_the_title_stays_its_text(tmp_path, taxonomy):
    draft = importer.read_path(write(tmp_path / "in", "feest.txt", "Feest\n\n🎉🎉\n".encode()), taxonomy)
    assert (draft.title, draft.body) == ("Feest", "🎉🎉\n")


@pytest.mark.parametrize("data", [b" \n\t\n", "\ufeff \u00a0\u3000\n".encode(), " \n".encode("utf-16")])
def test_a_file_of_whitespace_only_is_refused_as_empty(corpus_dir, index_dir, taxonomy, tmp_path, data):
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", "leeg.txt", data))
    assert outcome.status == "failed" and outcome.reason.startswith("leeg bestand"), outcome.reason


# -- the editors' upload -----------------------------------------------------------------------------------
def test_the_upload_imports_all_three_and_says_what_it_noticed(tmp_path, corpus_dir, index_dir):
    from test_editor_web import text, upload

    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    login(client)
    files = [("notities.txt", NOTEPAD.encode("cp1252")), ("dans.md", BROKEN_HEADERS[0][0].encode()),
             ("afspraken.txt", b"Afspraken muziekles groep 5\n")]
    response = upload(client, files)
    page = text(response)
    assert response.status_code == 200
    assert "3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 0 mislukt" in page
    assert "gelezen als windows-1252" in page and "de kop is niet gebruikt" in page
    hits = client.get("/zoeken.json?q=cultuurco%C3%B6rdinator").get_json()["hits"]
    assert "Cultuurcoördinator in Gouda" in [hit["title"] for hit in hits]  # found by its word with 'ö'
    again = text(upload(client, files))
    assert "0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in again


def test_the_upload_imports_a_file_with_wrong_fields_and_the_page_shows_them(tmp_path, corpus_dir, index_dir):
    from test_editor_web import text, upload

    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    login(client)
    files = [("dans.md", f"---\ntitle: Dans in Delft\ntype: onzin\ndate: 31-02-2024\n---\n{FIELD_BODY}".encode())]
    page = text(upload(client, files))
    assert "1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 0 mislukt" in page
    assert "veld &#39;date&#39;: &#39;31-02-2024&#39; is geen geldige datum; niet gebruikt" in page
    assert "veld &#39;type&#39;: &#39;onzin&#39; is geen bekend type; niet gebruikt" in page
    document = text(client.get("/document/dans-in-delft"))
    assert "type: onzin" in document and "date: 31-02-2024" in document  # visible to the editor, to fix
    again = text(upload(client, files))
    assert "0 nieuw, 0 bijgewerkt, 1 ongewijzigd" in again
