"""Typed titles (session 4 of issue 11): the index drops stop words, but a title is remembered with its
function words. When the query keeps them, a page whose stored title holds (nearly) all the typed words in
order comes first; a query without function words is left alone."""
from __future__ import annotations

import pytest

from kennisplatform import search
from kennisplatform.params import SearchParams
from kennisplatform.search import typed_title_share, typed_title_words

from conftest import engine_over_articles

REMEMBERED = "voor ieder talent is er iets te doen"  # the title says "elk", and "wel" besides

# (id, title, body)
DOCS = [
    # Of the query's content words (ieder, talent) only "talent" is in this page, once, in its title.
    ("titel", "Voor elk talent is er wel iets te doen", "Een nieuwe website met het culturele aanbod."),
    # Pages that say "ieder" and "talent" often: BM25 puts them first.
    *[(f"talent-{n}", f"Talentontwikkeling {n}",
       "Ieder talent telt: ieder kind heeft talent, en talent groeit met ieder jaar les.") for n in range(4)],
    ("waard-titel", "Cultuur in de Hoeksche Waard", "Een korte aankondiging."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = engine_over_articles(tmp_path_factory.mktemp("typed-titles"), [(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])
    yield engine
    engine.close()


def hits(engine, q: str) -> list[str]:
    return [h.id for h in engine.search(SearchParams(q=q)).hits]


def test_a_title_remembered_with_its_function_words_comes_first(engine):
    assert hits(engine, REMEMBERED)[0] == "titel"


def test_without_the_typed_title_match_bm25_would_rank_it_lower(engine, monkeypatch):
    # The same query with the signal switched off: what the previous test guards against.
    monkeypatch.setattr(search, "TYPED_TITLE_MIN_WORDS", 10**6)
    assert hits(engine, REMEMBERED)[0] != "titel"


def test_a_query_without_function_words_is_not_compared_with_titles(engine, monkeypatch):
    # "Hoeksche Waard cultuur" has every word in a news title of the field set that is not its best page:
    # without a function word, word order and title say too little, so titles are not even read.
    compared = []
    monkeypatch.setattr(search, "typed_title_share", lambda typed, title: compared.append(title) or 0.0)
    hits(engine, "Hoeksche Waard cultuur")
    assert compared == []
    hits(engine, REMEMBERED)
    assert "Voor elk talent is er wel iets te doen" in compared


def test_only_queries_that_keep_a_function_word_read_as_typed_titles():
    assert typed_title_words("Hoeksche Waard cultuur") is None
    assert typed_title_words("voor talent") is None  # too short to be a title
    assert typed_title_words(REMEMBERED) == ["voor", "ieder", "talent", "is", "er", "iets", "te", "doen"]


def test_the_share_counts_typed_words_in_the_title_in_order():
    typed = typed_title_words(REMEMBERED)
    assert typed_title_share(typed, "Kunst & Cultuur: Voor elk talent is er wel iets te doen") == 7 / 8
    # The same words in another order hold fewer in order; words are compared by stem ("talenten").
    assert typed_title_share(typed, "Te doen: iets voor talenten, er is") < 0.5
    assert typed_title_share(typed_title_words("de kunst van het talent"), "De kunsten van het talent") == 1.0
    assert typed_title_share(typed, "") == 0.0
