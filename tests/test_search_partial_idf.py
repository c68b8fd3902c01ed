"""The pages of a short query that have only some of its words are ranked with BM25's own idf (session 13), so that a
page with the rare, telling word comes before the pages with a common one: Whoosh's idf (1 + log N/df), which the
pages with every word keep, weighs the rare word little more than the common one ("naschoolse muziekles")."""
from __future__ import annotations

from conftest import articles_engine, hits

FILLER = "De school werkt samen met ouders, leerkrachten en de gemeente aan een plan voor volgend jaar. "
DOCS = [
    ("beide", "Beide", "Naschoolse muziekles op school. " + FILLER),
    # "naschoolse" is in two pages only, and here once, in a longer text: the word that says what is asked.
    ("naschools", "Het Spectrum", "Op Het Spectrum start de naschoolse muziekschool. " + FILLER * 2),
] + [
    # "muziekles" is in many pages.
    (f"muziekles-{n}", f"Nieuws {n}", f"Muziekles in groep {n}. " + FILLER) for n in range(8)
] + [(f"ander-{n}", f"Ander nieuws {n}", f"Dans en theater in groep {n}. " + FILLER) for n in range(8)]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_of_the_pages_with_some_words_the_one_with_the_rare_word_comes_first(engine):
    assert hits(engine, "naschoolse muziekles")[:2] == ["beide", "naschools"]  # every word first, still

