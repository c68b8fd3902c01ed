"""A long question's words that stand next to each other count again in a page that has them next to each
other (search.PROXIMITY_FROM, ADJACENT_WEIGHT as for two-word queries): the page that says it the way the question asks it comes
first among pages with the same words (docs/performance.md, "Session 7: questions")."""
from __future__ import annotations

from kennisplatform import search as search_module
from kennisplatform.query import parse_query
from kennisplatform.search import PROXIMITY_FROM, _adjacent_pairs

from conftest import articles_engine, hits

QUESTION = "hoeveel geld krijgt een school per leerling voor cultuureducatie van het rijk"
# Both pages have every content word of the question; "los" has "geld" twice, but "per" and "leerling" apart.
DOCS = [
    ("per-leerling", "Bedragen voor scholen",
     "Het rijk geeft elke school geld voor cultuureducatie: een vast bedrag per leerling."),
    ("los", "Bedragen voor scholen",
     "Per school een plan: het rijk geeft geld, en geld voor cultuureducatie gaat naar elke leerling."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}", f"Cultuureducatie: {word} voor leerlingen van de stad.")
     for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen"])]


engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_long_question_ranks_the_page_with_its_words_together_first(engine, monkeypatch):
    assert len(parse_query(QUESTION).content_groups) >= PROXIMITY_FROM
    assert hits(engine, QUESTION)[:2] == ["per-leerling", "los"]
    monkeypatch.setattr(search_module, "PROXIMITY_FROM", 99)  # without the pairs: the page with more "geld"
    assert hits(engine, QUESTION)[:2] == ["los", "per-leerling"]


def test_pairs_are_neighbouring_content_words_and_a_filler_word_breaks_them():
    pairs = _adjacent_pairs(parse_query("hoeveel geld krijgt een school per leerling voor cultuureducatie"))
    # "krijgt" is a filler word: no pair geld-school; stop words (een, voor) are left out, as in the index.
    assert pairs == [("schol", "per"), ("per", "leerling"), ("leerling", "cultuureducatie")]
    assert _adjacent_pairs(parse_query("geld school per leerling")) == []  # four content words: none


def test_a_shorter_query_is_not_scored_by_pairs(engine):
    # Four content words: below PROXIMITY_FROM, the page with more of the words ranks first as before.
    assert PROXIMITY_FROM > 4
    assert hits(engine, "geld school per leerling")[0] == "los"
