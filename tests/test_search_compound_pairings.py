"""Of a one-word compound query of three or more parts, two neighbouring parts also count as the word they make,
which a page may write in a form that is not split ("leesbevorderende programma's" for "leesbevorderingsprogramma";
session 20)."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis
from kennisplatform.params import SearchParams

DOCS = [
    ("reading", "Bibliotheek op school",
     "Scholen kiezen uit leesbevorderende programma's van de bibliotheek, met leesconsulenten in de klas."),
    ("theatre", "Theater in de klas", "Een voorstelling over vriendschap voor groep 5 en 6."),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_two_parts_of_three_are_also_the_word_they_make():
    assert analysis.compound_query_pairings("leesbevorderingsprogramma") == (
        ("leesbevorder", "programma"), ("lez", "bevorderingsprogramma"))  # lees: lezen's stem
    assert analysis.compound_query_pairings("kunsteducatie") == ()  # two parts: nothing to pair
    assert analysis.compound_query_pairings("theater") == ()


def test_a_page_with_two_parts_as_one_word_in_another_form_is_found(engine):
    # "leesbevorderende" is not split (no word list has it), but stems as leesbevordering does: the page has the
    # query's word, not only some of its parts (which the page would say).
    result = engine.search(SearchParams(q="leesbevorderingsprogramma"))
    assert [hit.id for hit in result.hits] == ["reading"]
    assert result.relaxation is None
