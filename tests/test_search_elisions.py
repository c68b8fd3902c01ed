"""Elided compounds (session 7): a page that writes "kunst- en cultuureducatie" is found for kunsteducatie as a
page with that word, "cultuureducatie en -participatie" for cultuurparticipatie, and a query written elided
asks for both compounds."""
from __future__ import annotations

import shutil

import pytest

from kennisplatform.corpus import taxonomy_for
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.query import parse_query
from kennisplatform.search import SearchEngine

from conftest import TAXONOMY, write_document

# (id, title, body)
DOCS = [
    ("elided", "Nieuws uit de regio", "Het team kunst- en cultuureducatie bezoekt de scholen in de regio."),
    ("written-out", "Nieuws uit de stad", "De kunsteducatie in de stad krijgt een nieuw team voor de scholen."),
    ("apart", "Nieuws uit het dorp", "Kunst in het dorp, en educatie op school: het team is nieuw."),
    ("suffix", "Advies", "De raad vindt cultuureducatie en -participatie belangrijk voor iedereen."),
    ("fund", "Fonds", "Het fonds steunt participatie van ouderen in het dorp."),
    ("suffix-apart", "Advies", "De raad vindt cultuur belangrijk en participatie van iedereen."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("elisions")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    for doc_id, title, body in DOCS:
        write_document(corpus, doc_id, "artikel", "2023-01-01", [], ["Nederland"], {"summary": "Samenvatting."},
                       body, title=title)
    taxonomy = taxonomy_for(corpus)
    update_index(corpus, root / "index", taxonomy=taxonomy)
    engine = SearchEngine(root / "index", taxonomy)
    yield engine
    engine.close()


def hits(engine: SearchEngine, q: str) -> list[str]:
    return [h.id for h in engine.search(SearchParams(q=q)).hits]


def test_a_page_with_the_elided_compound_is_found_as_a_page_with_the_word(engine):
    found = hits(engine, "kunsteducatie")
    assert set(found[:2]) == {"elided", "written-out"}  # both above the page with only the parts apart
    assert found.index("apart") > 1 if "apart" in found else True


def test_the_suffix_form_gives_the_compound_of_the_first_words_first_part(engine):
    assert hits(engine, "cultuurparticipatie")[:2] == ["suffix", "suffix-apart"]


def test_a_query_written_elided_asks_for_both_compounds():
    groups = parse_query("kunst- en cultuureducatie").groups
    assert [g.alternatives[0].terms for g in groups] == [("kunsteducatie",), ("cultuureducatie",)]


def test_a_phrase_written_elided_finds_the_page_that_writes_it_so(engine):
    assert hits(engine, '"kunst- en cultuureducatie"') == ["elided"]


def test_a_dash_after_another_word_still_excludes(engine):
    assert "fund" not in hits(engine, "dorp -participatie")
