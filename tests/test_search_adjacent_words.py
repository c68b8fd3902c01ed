"""Two words next to each other (session 7 of issue 11): in a query of two plain words ("brede school",
"muziekonderwijs pabo"), a page that has them adjacent, in order (stop words aside), scores them once more
there, so that it comes before pages that only have the words apart."""
from __future__ import annotations

from functools import reduce
from operator import or_

import pytest

from kennisplatform import search
from kennisplatform.params import SearchParams
from kennisplatform.query import parse_query
from kennisplatform.search import _two_words

from conftest import engine_over_articles, hits

# (id, title, body)
DOCS = [
    ("samen", "Wijkproject", "Een brede school werkt met de bibliotheek samen."),
    # Both words, "school" more often, but never next to each other: BM25F ranks these first.
    *[(f"apart-{n}", f"Nieuws {n}", "De brede aanpak van de wijk: school na school, elke school.") for n in range(3)],
    ("stopwoord", "Lessen", "Muziekonderwijs op de pabo."),
    ("los", "Opleiding", "Muziekonderwijs blijft belangrijk. Pabo en muziekonderwijs."),  # the other order
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = engine_over_articles(tmp_path_factory.mktemp("adjacent"),
                                  [(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])
    yield engine
    engine.close()


def test_two_words_next_to_each_other_come_first(engine):
    assert hits(engine, "brede school")[0] == "samen"


def test_without_the_adjacency_the_pages_with_the_words_apart_came_first(engine, monkeypatch):
    monkeypatch.setattr(search, "ADJACENT_WEIGHT", 0.0)
    assert hits(engine, "brede school")[0] != "samen"


def scores(engine, q: str) -> dict[str, float]:
    return {h.id: h.score for h in engine.search(SearchParams(q=q)).hits}


def test_stop_words_between_them_do_not_part_them_but_the_order_counts(engine, monkeypatch):
    paired = scores(engine, "muziekonderwijs pabo")
    monkeypatch.setattr(search, "ADJACENT_WEIGHT", 0.0)
    apart = scores(engine, "muziekonderwijs pabo")
    assert paired["stopwoord"] > apart["stopwoord"]  # "muziekonderwijs op de pabo"
    assert paired["los"] == apart["los"]  # "pabo en muziekonderwijs": next to each other, the other way round


def test_only_a_query_of_two_plain_words_is_read_as_a_pair():
    assert _two_words(parse_query("brede school")) == ("bred", "schol")
    assert _two_words(parse_query("school")) is None
    assert _two_words(parse_query("brede school wijk")) is None  # three words: tiers and title decide
    assert _two_words(parse_query('"brede school"')) is None  # a phrase is one group already
    assert _two_words(parse_query("hoe school")) is None  # a filler word is no part of a pair
    assert _two_words(parse_query("brede sch*")) is None


def test_adjacency_is_read_only_where_it_can_decide_the_page():
    import numpy as np
    from kennisplatform import bitsets
    from kennisplatform.search import ADJACENT_WEIGHT, _could_rise
    size = 6
    tiers = [bitsets.from_array(np.array([0, 1]), size), bitsets.from_array(np.array([2, 3, 4, 5]), size)]
    scores = np.array([1.0, 1.0, 9.0, 5.0, 9.0 / (1 + ADJACENT_WEIGHT) - 0.01, 9.0 / (1 + ADJACENT_WEIGHT)])
    # The first tier is listed whole (its order is the adjacency's to decide); of the second, one place is
    # left, which 9.0 holds: 4.0 and more can still reach it, 4.49 cannot.
    assert bitsets.to_array(_could_rise(scores, tiers, 3, size), size).tolist() == [0, 1, 2, 3, 5]
    assert bitsets.to_array(_could_rise(scores, tiers, 2, size), size).tolist() == [0, 1]
    assert bitsets.to_array(_could_rise(scores, tiers, 10, size), size).tolist() == [0, 1, 2, 3, 4, 5]


def test_reading_fewer_positions_ranks_as_reading_them_all(tmp_path, monkeypatch):
    # Many pages with both words, the page cut inside them: some have the words adjacent, some apart,
    # at every length, so that adjacency moves pages across the cut.
    docs = [(f"d{n:02d}", f"Pagina {n}", ["Nederland"],
             ("Een brede school in de wijk. " if n % 3 == 0 else "Brede steun voor de school. ")
             + "Tekst over lessen. " * (n % 7) + "school " * (n % 4))
            for n in range(40)]
    engine = engine_over_articles(tmp_path, docs)
    try:
        pages = {per_page: [h.id for h in engine.search(SearchParams(q="brede school", per_page=per_page)).hits]
                 for per_page in (3, 7, 20)}
        monkeypatch.setattr(search, "_could_rise", lambda scores, tiers, needed, size: reduce(or_, tiers, 0))
        for per_page, ids in pages.items():
            assert [h.id for h in engine.search(SearchParams(q="brede school", per_page=per_page)).hits] == ids
    finally:
        engine.close()
