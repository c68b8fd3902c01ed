"""A long query of keywords only asks for pages about all of its words: each word's score in a document
saturates (search.GROUP_SATURATION), so a page with one of the words in its title and repeated does not
outrank the page with every word in good measure (docs/performance.md, "Session 7: multi")."""
from __future__ import annotations

from kennisplatform import search as search_module
from kennisplatform.query import parse_query
from kennisplatform.search import _keywords_only

from conftest import articles_engine, hits

QUERY = "coördinator uren taken school"
# Both pages have every word: "uren" has them all in good measure, "taken" has one of them in its title and
# five times in a long text, the others once.
DOCS = [
    ("uren", "Richtlijn voor de uren",
     "De coördinator op school: de uren volgen uit de taken. Elke coördinator krijgt uren voor zijn taken; "
     "de coördinator en de directeur spreken de taken af."),
    ("taken", "Taken",
     "Taken, taken en nog eens taken: een overzicht van de taken en nog meer taken op een school, "
     "met de coördinator en de uren als voorbeeld. Verder gaat het over de ouders, het gebouw, de kantine, "
     "de gymzaal, het schoolplein, de bibliotheek, de rekenmethode en de schoolreis."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}", f"Een {word} voor de school in de stad.")
     for n, word in enumerate(["muziekles", "dansles", "erfgoedles", "filmles", "leesles"])]


engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_the_page_about_every_keyword_comes_before_the_page_about_one(engine, monkeypatch):
    assert _keywords_only(parse_query(QUERY))
    assert hits(engine, QUERY)[:2] == ["uren", "taken"]
    monkeypatch.setattr(search_module, "GROUP_SATURATION", 0.0)  # plain BM25F: the title word wins
    assert hits(engine, QUERY)[:2] == ["taken", "uren"]


def test_only_long_queries_of_keywords_saturate():
    assert not _keywords_only(parse_query("uren taken school"))  # three words: the short path's tiers
    assert not _keywords_only(parse_query("hoeveel uren taken coördinator school"))  # a filler word
    assert not _keywords_only(parse_query("uren en taken van de coördinator op school?"))  # asked as a question
    # Stop words between the keywords do not make them a sentence (session 23).
    assert _keywords_only(parse_query("uren en taken van de coördinator op school"))


def test_a_title_that_covers_the_query_keeps_plain_scores(engine, monkeypatch):
    # "Cultuur in de regio, deel 1" covers the query typed as keywords: it may be a remembered title, and
    # the scores stay BM25F's.
    saturated = []
    original = search_module.SearchEngine._scores

    def spy(self, state, parsed, within=None, saturated_flag=False):
        saturated.append(saturated_flag)
        return original(self, state, parsed, within, saturated_flag)

    monkeypatch.setattr(search_module.SearchEngine, "_scores", spy)
    hits(engine, "cultuur regio deel school")
    hits(engine, QUERY)
    assert saturated == [False, True]
