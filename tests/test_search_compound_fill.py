"""A one-word compound query that fewer documents than a page have fills the page with the documents that have some
of its parts, after those with the word, as a query of several words fills its page with documents that have fewer of
them (session 20)."""
from __future__ import annotations

from conftest import articles_engine, hits

DOCS = [
    ("pumps", "Het gemaal in de polder",
     "Leerlingen bezoeken het gemaal en leren hoe het water uit de polder wordt gepompt."),
    ("board", "Waterbeheer voor scholen",
     "Het waterschap vertelt over waterbeheer, dijken en gemalen."),
    ("museum", "Beheer van de collectie",
     "Het museum zoekt vrijwilligers voor het beheer van de collectie."),
    ("theatre", "Theater in de klas", "Een voorstelling over vriendschap voor groep 5 en 6."),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_compound_few_pages_have_fills_the_page_with_its_parts(engine):
    ranking = hits(engine, "waterbeheer")
    assert ranking[0] == "board"  # the page with the word first
    assert set(ranking[1:]) == {"pumps", "museum"}  # then pages with "water" or "beheer"
    assert "theatre" not in ranking


def test_a_query_of_several_words_is_not_filled_with_parts(engine):
    # Its own tiers fill its page: pages with one of its words.
    assert "museum" not in hits(engine, "waterbeheer dijken")


def test_the_result_says_how_many_have_the_word(engine):
    from kennisplatform.params import SearchParams

    filled = engine.search(SearchParams(q="waterbeheer"))
    assert filled.total == 3 and filled.complete == 1
    assert engine.search(SearchParams(q="theater")).complete is None  # every listed page has the word
