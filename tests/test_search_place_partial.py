"""A short query that names a place (session 14): the documents without every word are ranked by the weight of what
they have, a place as the place it is, not first by how many of the words they have. "Zeeuwse basisschool kunst" put
a page about Zeeland that lacks "kunst" after every page with "basisschool" and "kunst" anywhere."""
from __future__ import annotations

from conftest import articles_engine, hits

FILLER = " Het was een mooie dag."
DOCS = [
    ("alles", "Kunst op de basisschool in Zeeland", ["zeeland"], "Een Zeeuwse basisschool maakt kunst." + FILLER),
    ("zeeland", "Cultuur in Middelburg", ["zeeland"], "Zeeuwse musea ontvangen leerlingen." + FILLER),
    ("elders", "Een basisschool in Gouda", ["gouda"], "Op de basisschool is kunst een vak." + FILLER),
    ("elders2", "Een basisschool in Delft", ["delft"], "De basisschool en de kunst van het lesgeven." + FILLER),
    ("muziek", "Muziek", [], "Muziek op school." + FILLER),
]

engine = articles_engine(DOCS)


def test_a_page_about_the_place_comes_before_pages_with_more_words_but_not_the_place(engine):
    found = hits(engine, "Zeeuwse basisschool kunst")
    assert found[:2] == ["alles", "zeeland"]


def test_a_query_without_a_place_still_puts_more_words_first(engine):
    # "muziek" is rarer than "basisschool" and "kunst", but a page with two of the three words comes first.
    found = hits(engine, "muziek basisschool kunst")
    assert found.index("elders") < found.index("muziek") and found.index("elders2") < found.index("muziek")
