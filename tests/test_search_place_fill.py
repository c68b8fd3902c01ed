"""A multi-word place that fewer documents than a page are filed under (or name whole) fills the page with
the documents that have the name's first word, after the place's own; never with those that share only the
rest of the name ("aan den IJssel": another town's too, and a river's)."""
from __future__ import annotations

from kennisplatform import search
from kennisplatform.params import SearchParams

from conftest import articles_engine

DOCS = [
    ("krimpen-gefiled", "Werkbijeenkomst leerlingenraad", ["Krimpen a/d IJssel"],
     "Leerlingen praten mee over het cultuurprogramma van hun school."),
    ("stem-van-krimpen", "Cultuur en vrije tijd", [],
     "Krimpen wil ruimte bieden voor kleinschalige cultuur en verenigingen."),
    ("krimpen-muziek", "Muziek op school", [], "In Krimpen krijgen kinderen muziekles van de muziekschool."),
    ("krimpen-bieb", "De bibliotheek", [], "De bibliotheek in Krimpen leest voor in de klas."),
    ("capelle-ijssel", "Theater in Capelle aan den IJssel", [],
     "Leerlingen uit Capelle aan den IJssel maken theater."),
    ("langs-de-ijssel", "Wandelen langs de IJssel", [], "De dijken langs de IJssel vertellen over water."),
]


engine = articles_engine(DOCS)


def test_the_page_is_filled_with_the_first_word_of_the_place_after_its_own_documents(engine):
    result = engine.search(SearchParams(q="Krimpen aan den IJssel"))
    ids = [h.id for h in result.hits]
    assert ids[0] == "krimpen-gefiled"
    assert set(ids[1:]) == {"stem-van-krimpen", "krimpen-muziek", "krimpen-bieb"}
    assert result.total == 4 and result.relaxation is None
    # The place's own documents alone are offered as a filter.
    assert result.place_filter.value == "krimpen-aan-den-ijssel" and result.place_filter.total == 1


def test_pages_after_the_first_continue_the_same_order(engine):
    whole = [h.id for h in engine.search(SearchParams(q="Krimpen aan den IJssel")).hits]
    pages = [[h.id for h in engine.search(SearchParams(q="Krimpen aan den IJssel", per_page=2, page=n)).hits]
             for n in (1, 2)]
    assert pages == [whole[:2], whole[2:]]


def test_a_page_the_place_fills_is_left_as_it_is(engine, monkeypatch):
    monkeypatch.setattr(search, "PAGE_TO_FILL", 1)  # a page of one: the place's own document fills it
    result = engine.search(SearchParams(q="Krimpen aan den IJssel"))
    assert [h.id for h in result.hits] == ["krimpen-gefiled"] and result.total == 1


def test_what_is_listed_does_not_depend_on_the_page_size_asked(engine):
    """The listing is relaxed to fill a page as the site shows it (search.PAGE_TO_FILL), whatever page size the
    caller asks: the API's facets ask for one result, an export for a hundred. With the size asked, a page of one
    listed the place's own document alone (total 1), the page of ten four."""
    whole = [h.id for h in engine.search(SearchParams(q="Krimpen aan den IJssel", per_page=100)).hits]
    assert len(whole) == 4
    for per_page in (1, 2, 3):
        pages = [engine.search(SearchParams(q="Krimpen aan den IJssel", per_page=per_page, page=n))
                 for n in range(1, 5)]
        assert {page.total for page in pages} == {4}
        assert [h.id for page in pages for h in page.hits] == whole
