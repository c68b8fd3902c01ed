"""A long query's words in one passage (issue 11, session 34): pages are ranked by how much of the query's weight one
stretch of search.NEAR_SHARE_WINDOW positions of their text holds, not only by how much of it they have somewhere.
The page that says it in one paragraph comes before a page with the same words, each in a paragraph of its own, and
before one that has more of the words scattered; a page's words in its title count in every passage."""
from __future__ import annotations

import pytest

from kennisplatform import search

from conftest import articles_engine, hits

QUERY = "gemeenteraad cultuurbeleid subsidie muziek"
# Seven positions of words of no query (stop words take none).
FILL = "Het agendapunt ging over wegen, verkeer, riolering en parkeerplaatsen in de wijk. "


def spread(*words: str, apart: int = 6) -> str:
    """The words each in a paragraph of its own, `apart` fills (7 positions each) from the next."""
    return "".join(f"{word.capitalize()}. " + FILL * apart for word in words)


# (id, title, body)
DOCS = [
    # Every word, in one sentence, in a longer text: plain BM25F ranks it below "verspreid".
    ("samen", "Eerste bericht",
     "De gemeenteraad sprak over cultuurbeleid, subsidie en muziek. " + FILL * 30),
    # Every word, about 43 positions from the next: within search.NEAR_WINDOW from the first to the last (so it has
    # the words together for the first tier), but no stretch of 50 holds more than two of them.
    ("verspreid", "Tweede bericht", spread("gemeenteraad", "cultuurbeleid", "subsidie", "muziek")),
    # Three of the four words in one sentence, and three apart: the pages without every word, by their passages.
    ("drie-samen", "Derde bericht", "Het cultuurbeleid gaf subsidie voor muziek. " + FILL * 40),
    ("drie-apart", "Vierde bericht", spread("cultuurbeleid", "subsidie", "muziek", apart=8)),
    # The title says two of the words: they count in every stretch, the text has the other two together.
    ("titel", "Gemeenteraad en cultuurbeleid", "Subsidie voor muziek. " + FILL * 30),
    *[(f"ander-{n}", f"Bericht {n}", f"{word.capitalize()} in de wijk. " + FILL * 4)
      for n, word in enumerate(["muziek", "subsidie", "cultuurbeleid", "gemeenteraad"])],
]

engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])


def test_the_page_with_the_words_in_one_sentence_comes_before_the_page_that_spreads_them(engine):
    found = hits(engine, QUERY, per_page=20)
    assert found.index("samen") < found.index("verspreid")


def test_without_the_passages_plain_scores_would_rank_the_spread_page_first(engine, monkeypatch):
    monkeypatch.setattr(search, "NEAR_SHARE_POWER", 0.0)
    found = hits(engine, QUERY, per_page=20)
    assert found.index("verspreid") < found.index("samen")
    assert found.index("drie-apart") < found.index("drie-samen")


def test_pages_without_every_word_are_ranked_by_their_passages_too(engine):
    found = hits(engine, QUERY, per_page=20)
    assert found.index("drie-samen") < found.index("drie-apart")
    # Every word still comes first: the spread page stays above the pages that lack one.
    assert found.index("verspreid") < found.index("drie-samen")


def test_words_of_the_title_count_in_every_passage(engine):
    found = hits(engine, QUERY, per_page=20)
    assert found.index("titel") < found.index("verspreid")


@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_looking_at_pages_in_chunks_ranks_as_looking_at_all(engine, monkeypatch, per_page):
    """Passages are read best page first, a chunk at a time, until the page is certain (search._best_near): each
    page of results is that part of the whole ranking."""
    monkeypatch.setattr(search, "NEAR_CHUNK", 1)
    whole = hits(engine, QUERY, per_page=50)
    for page in range(1, 5):
        assert hits(engine, QUERY, per_page=per_page, page=page) == whole[(page - 1) * per_page:page * per_page]
