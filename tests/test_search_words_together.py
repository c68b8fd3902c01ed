"""A long query's words together (issue 11, session 16): a page with every word of a long query comes first only
when its text has the words within search.NEAR_WINDOW positions of one another. A long report that names each
word in a section of its own is not the page about them all; it is ranked with the pages that lack a word."""
from __future__ import annotations

import pytest

from kennisplatform import search

from conftest import articles_engine, hits

QUERY = "gemeenteraad cultuurbeleid subsidie muziek"
# Words of no query, to keep the report's sections apart: 84 positions, so that its four words span about 270.
AGENDA = "Het agendapunt ging over wegen, verkeer, riolering en parkeerplaatsen in de wijk. " * 12


def section(word: str) -> str:
    return f"{word.capitalize()} kwam aan bod: {word}, {word} en nog eens {word}. {AGENDA}\n\n"


# (id, title, body)
DOCS = [
    # Every word, several times, each in its own section far from the others.
    ("rapport", "Verslag van de vergadering",
     "".join(section(word) for word in ("gemeenteraad", "cultuurbeleid", "subsidie", "muziek"))),
    # Every word once, in one paragraph.
    ("raad", "Nieuws uit de stad",
     "De gemeenteraad besprak het cultuurbeleid en gaf subsidie voor muziek op school. " + AGENDA),
    # Three of the four words, together.
    ("drie", "Lessen op school", "Subsidie voor muziek en cultuurbeleid van de school. " + AGENDA),
    # A title with most of the query: ranked with the every-word pages (search.TITLE_COVERAGE), by its score.
    ("titel", "Gemeenteraad, cultuurbeleid en subsidie: agendapunten over wegen, verkeer, riolering, "
              "parkeerplaatsen, bomen, fietspaden en stoepen in de wijk", "Een korte aankondiging."),
    # Many pages with every word together, more than the first chunk looked at (NEAR_CHUNK).
    *[(f"kort-{n}", f"Bericht {n}", "Gemeenteraad, cultuurbeleid, subsidie en muziek. " * (n + 4),
       {"summary": "Gemeenteraad, cultuurbeleid, subsidie en muziek: de gemeenteraad over cultuurbeleid, subsidie "
                   "en muziek."}) for n in range(6)],
]

engine = articles_engine([(doc_id, title, ["Nederland"], *rest) for doc_id, title, *rest in DOCS])


def test_a_page_with_the_words_together_comes_before_a_report_that_spreads_them(engine):
    found = hits(engine, QUERY, per_page=50)
    assert found.index("raad") < found.index("rapport")
    # The report is ranked with the pages that lack a word, by its weight: still listed, not dropped.
    assert found.index("rapport") > max(found.index(f"kort-{n}") for n in range(6))


def test_without_the_windows_the_report_would_come_first(engine, monkeypatch):
    monkeypatch.setattr(search, "NEAR_WINDOW", 10**6)
    monkeypatch.setattr(search, "NEAR_SHARE_WINDOW", 10**6)
    found = hits(engine, QUERY, per_page=50)
    assert found.index("rapport") < found.index("raad")


@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_looking_at_pages_in_chunks_ranks_as_looking_at_all(engine, monkeypatch, per_page):
    """_together_first reads positions best page first and stops when the page is certain: each page of
    results is that part of the whole ranking (for which every page's positions are read). The title, ranked
    with the pages that have every word, scores below the short pages: a page is certain by their scores, not
    by their number. (Typed titles would look at 30 results whatever the page asks.)"""
    monkeypatch.setattr(search, "TYPED_TITLE_CANDIDATES", 1)
    monkeypatch.setattr(search, "NEAR_CHUNK", 1)
    whole = hits(engine, QUERY, per_page=50)
    assert whole[:7] == [f"kort-{n}" for n in range(5, -1, -1)] + ["titel"]
    for page in (1, 2, 3):
        assert hits(engine, QUERY, per_page=per_page, page=page) == whole[(page - 1) * per_page:page * per_page]


# Stop words take no position ("en", "de"). With a window of 5: the four words 5 positions apart from the first to
# the last, and 6 (in a shorter text that says "muziek" more often: the better page by BM25F); and a page whose title
# says "muziek": its text needs the other three together only (else BM25F would put it after "binnen").
EDGES = [("binnen", "Eerste bericht", "Gemeenteraad en cultuurbeleid, subsidie, wegen en verkeer, de muziek. "
          "Bomen, stoepen, fietspaden, lantaarns, bankjes, pleinen en paden."),
         ("buiten", "Tweede bericht",
          "Gemeenteraad en cultuurbeleid, subsidie, wegen, verkeer, riolering, muziek, muziek en muziek."),
         ("titel", "Muziek in de wijk",
          "Gemeenteraad, cultuurbeleid, subsidie, wegen, verkeer, riolering, bomen, muziek.")]
edges = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in EDGES], name="edges")


def test_the_window_counts_positions_from_the_first_word_to_the_last(edges, monkeypatch):
    monkeypatch.setattr(search, "NEAR_WINDOW", 6)
    assert hits(edges, QUERY) == ["titel", "buiten", "binnen"]
    monkeypatch.setattr(search, "NEAR_WINDOW", 5)
    assert hits(edges, QUERY) == ["titel", "binnen", "buiten"]
