"""Compound words in short queries (session 6): a compound query word's parts weigh more in a page that also
has the word itself, two words written apart that make a compound ("muziek docenten") weigh a page with the
compound as a page with both words, and a compound with an irregular plural finds its singular."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kennisplatform import analysis, search
from kennisplatform.corpus import taxonomy_for
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

from conftest import TAXONOMY, hits, write_document

# (id, title, body)
DOCS = [
    ("dansschool", "Nieuw in de wijk", "De dansschool in de wijk zoekt dansers: wie wil dansen, is welkom."),
    ("dans-en-school", "Nieuws", "Dans op school: op school is dans een vak, dans is leuk."),
    ("muziekdocenten", "Nieuws uit de regio", "De muziekdocenten van de gemeente geven les in de regio."),
    ("muziek-en-docenten", "Nieuws uit de stad", "Muziek in de stad. Ook de docenten van de stad doen mee."),
    ("streekmusea", "Open dag", "De streekmusea openen hun deuren voor leerlingen."),
    ("gemeenteraad", "Besluit", "De gemeenteraad stemt in met het cultuurplan voor de scholen."),
    ("raad-van-toezicht", "Toezicht", "De raad van toezicht van de stichting bespreekt het cultuurplan."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("compounds")
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


def scores(engine: SearchEngine, q: str) -> dict[str, float]:
    return {h.id: h.score for h in engine.search(SearchParams(q=q)).hits}


def test_a_compounds_parts_count_more_in_a_page_that_has_the_compound_itself(engine, monkeypatch):
    with_rule = scores(engine, "dansscholen")
    monkeypatch.setattr(search, "PARTS_WITH_WHOLE", search.COMPOUND_PARTS_WEIGHT)
    flat = scores(engine, "dansscholen")
    assert with_rule["dansschool"] > flat["dansschool"]  # its "dans" and "school" weigh more ...
    assert with_rule["dans-en-school"] == flat["dans-en-school"]  # ... than the same words apart
    assert list(with_rule)[:2] == ["dansschool", "dans-en-school"]


def test_two_words_written_apart_also_find_their_compound_as_one_word(engine, monkeypatch):
    assert hits(engine, "muziek docenten")[0] == "muziekdocenten"
    # Without the joined compound, the compound's parts weigh less than words of their own.
    monkeypatch.setattr(analysis, "joined_compound", lambda first, second, units_only=False: None)
    assert hits(engine, "muziek docenten")[0] == "muziek-en-docenten"


def test_two_words_written_apart_find_the_word_they_make_that_is_never_split(engine):
    # "gemeenteraad" is common enough to be a unit: the index has no "gemeente" or "raad" in it
    assert hits(engine, "gemeente raad cultuurplan")[0] == "gemeenteraad"


def test_a_compound_with_an_irregular_plural_finds_its_singular(engine):
    assert hits(engine, "streekmuseum") == ["streekmusea"]


def test_the_joined_compound_is_an_alternative_of_the_second_word_in_short_queries_or_for_a_unit():
    from kennisplatform.query import parse_query

    groups = parse_query("muziek docenten").groups
    assert [c.terms for c in groups[1].alternatives] == [("docent",), (analysis.stem("muziekdocenten"),)]
    assert [c.terms for c in groups[0].alternatives] == [("muziek",)]
    # In a long query the other words already say what the pair means ...
    long = parse_query("muziek docenten scholen subsidie regio").groups
    assert all(len(g.alternatives) == 1 for g in long)
    # ... but not for a word that is never split: apart, its words cannot find it.
    question = parse_query("hoe overtuig je de gemeente raad van het belang van cultuur").groups
    raad = next(g for g in question if g.text == "raad")
    assert [c.terms for c in raad.alternatives] == [("rad",), (analysis.stem("gemeenteraad"),)]


def test_a_quoted_pair_that_makes_a_compound_also_finds_the_compound(engine):
    from kennisplatform.query import parse_query

    [group] = parse_query('"muziek docenten"').groups
    assert [(c.kind, c.terms) for c in group.alternatives] == [
        ("phrase", ("muziek", "docent")), ("terms", (analysis.stem("muziekdocenten"),))]
    assert hits(engine, '"muziek docenten"') == ["muziekdocenten"]  # not the page with the words apart
    assert len(parse_query('"kunst en cultuur"').groups[0].alternatives) == 1  # three words: as typed
    assert len(parse_query('"de docenten"').groups[0].alternatives) == 1  # no compound
