"""A short query that names a place (session 14): the documents without every word are ranked by the weight of what
they have, a place as the place it is, not first by how many of the words they have. "Zeeuwse basisschool kunst" put
a page about Zeeland that lacks "kunst" after every page with "basisschool" and "kunst" anywhere."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.params import SearchParams

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


def test_a_query_without_a_place_ranks_by_weight_too(engine):
    # "muziek" is rarer than "basisschool" and "kunst" together here: since session 27 every short query ranks its
    # partial matches by weight (until then, a page with two of the three words came first).
    found = hits(engine, "muziek basisschool kunst")
    assert found[0] == "muziek" and set(found[1:]) == {"alles", "elders", "elders2"}


# Ten pages elsewhere with every other word fill a page, so pages with fewer words are not listed; a page about the place
# itself is listed all the same (session 23), ranked by the weight of what it has: before the pages that have the other
# words but not the place, and after the page that has them all.
ELSEWHERE = [(f"elders-{place}", f"Een basisschool in {place.title()}", [place], "Op de basisschool is kunst een vak." + FILLER)
             for place in ("gouda", "delft", "leiden", "dordrecht", "westland", "zoetermeer", "katwijk", "lisse",
                           "rijswijk", "wassenaar")]
ZEELAND_CHOIR = ("muziek-zeeland", "Muziek", ["zeeland"], "Een koor zingt." + FILLER)
place_engine = articles_engine(DOCS[:2] + ELSEWHERE + [ZEELAND_CHOIR], name="place_engine")


def test_a_page_about_the_place_without_the_other_words_is_listed(place_engine):
    result = place_engine.search(SearchParams(q="Zeeuwse basisschool kunst", per_page=20))
    found = [hit.id for hit in result.hits]
    assert result.total == 2 + len(ELSEWHERE) + 1
    assert found[0] == "alles"
    assert set(found[1:3]) == {"zeeland", "muziek-zeeland"}


def test_without_a_place_a_page_with_the_rare_word_is_listed_too(place_engine):
    # Listed by weight (search._as_heavy), as a question's or a place's pages are: the choir page has the rarest word.
    found = hits(place_engine, "koor basisschool kunst")
    assert found[0] == "muziek-zeeland"
