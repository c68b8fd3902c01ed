"""Long queries (four content words or more) weigh a word that nearly every document has at BM25's own idf (nearly 0),
not Whoosh's (at least 1): search.CLASSIC_IDF_FROM, ranking.classic_idf."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from kennisplatform import ranking, schema, sidecars
from kennisplatform import search as search_module
from kennisplatform.index import open_index
from kennisplatform.search import CLASSIC_IDF_FROM

from conftest import articles_engine, hits

# "cultuur" is in every document. "veel-cultuur" says it ten times around the two telling words; "theater"
# says "theater" twice and "cultuur" once, padded to the same length. Whoosh's idf (at least 1) lets the ten
# times "cultuur" win; BM25's own idf leaves it nearly nothing, and the page with more of the telling words wins.
DOCS = [
    ("theater", "Theater en theater met ouders in de wijk, cultuur" + ", stad" * 8 + "."),
    ("veel-cultuur", ", ".join(["Cultuur"] * 10) + ": theater met ouders in de wijk."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}: {word} voor leerlingen, leraren, scholen en wijken van de stad.")
     for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen", "beeldende kunst"])]


# The same title and summary for all: only the bodies differ.
engine = articles_engine([(doc_id, "Document", [], body) for doc_id, body in DOCS])


@pytest.fixture(scope="module")
def index_dir(engine) -> Path:
    return engine.index_dir


def test_classic_idf_is_nearly_zero_for_a_word_in_every_document_and_never_negative():
    assert ranking.classic_idf(100, 100) == pytest.approx(math.log(1 + 0.5 / 100.5))
    assert 0 < ranking.classic_idf(100, 100) < 0.01
    assert ranking.classic_idf(1, 100) > ranking.classic_idf(10, 100) > ranking.classic_idf(90, 100) > 0


def test_classic_idf_scores_are_whooshs_scaled_by_the_ratio_of_the_two_idfs(index_dir: Path):
    searcher = open_index(index_dir).searcher()
    try:
        ranker = ranking.Ranker(sidecars.ReaderArrays(searcher.reader(), index_dir), schema.TEXT_FIELDS)
        for term in ("cultur", "theater"):
            whoosh, classic = ranker.term("body", term), ranker.term("body", term, classic_idf=True)
            assert classic.docs.tolist() == whoosh.docs.tolist()
            frequency, size = len(whoosh), ranker.size
            ratio = ranking.classic_idf(frequency, size) / ranking.whoosh_idf(frequency, size)
            assert ranking.whoosh_idf(frequency, size) == pytest.approx(math.log(size / (frequency + 1)) + 1)
            assert np.allclose(classic.scores, whoosh.scores * ratio, rtol=1e-5)
        common = ranker.term("body", "cultur").scores.sum(), ranker.term("body", "cultur", True).scores.sum()
        assert common[1] < 0.1 * common[0]  # in every document: nearly nothing left
    finally:
        searcher.close()


def test_a_word_in_every_document_does_not_decide_a_long_query(engine, monkeypatch):
    # Asked as a question, not keywords only: GROUP_SATURATION (which would also stop "cultuur" from deciding)
    # leaves it alone, so this checks the idf by itself.
    query = "cultuur en theater met ouders in de wijk?"
    assert CLASSIC_IDF_FROM <= 4 and not search_module._keywords_only(search_module.parse_query(query))
    # Both documents have every word; the one that repeats the common word no longer outranks the other.
    assert hits(engine, query)[:2] == ["theater", "veel-cultuur"]
    monkeypatch.setattr(search_module, "CLASSIC_IDF_FROM", 5)  # as it was: Whoosh's idf for four words
    assert hits(engine, query)[:2] == ["veel-cultuur", "theater"]


def test_a_short_query_keeps_whooshs_idf(engine):
    # Below CLASSIC_IDF_FROM the common word still counts as tuned: a page that says it often ranks first.
    assert CLASSIC_IDF_FROM > 3
    assert hits(engine, "cultuur theater ouders")[:2] == ["veel-cultuur", "theater"]
