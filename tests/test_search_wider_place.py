"""A place that no document has is no dead end: the search lists the region or province around it, and says so; a
misspelt town or area elsewhere is corrected as the taxonomy's places are."""
from __future__ import annotations

from conftest import articles_engine, build_app, engine_over_articles, hits

from kennisplatform.params import SearchParams

DOCS = [
    ("leiden-dans", "Dans in de klas", ["leiden"], "Leerlingen van een basisschool dansen met een choreograaf."),
    ("delft-dans", "Dans op school", ["delft"], "De kinderen dansen in de gymzaal."),
    ("zwolle-erfgoed", "Erfgoed in de klas", ["overijssel"], "Scholen in Zwolle bezoeken een museum over de Hanze."),
    ("enschede-muziek", "Muziek op school", ["overijssel"], "Een basisschool in Enschede krijgt muziekles."),
    ("landelijk", "Muziekles voor iedereen", ["nederland"], "Alle kinderen in Nederland krijgen muziekles."),
    ("scholieren", "Scholieren schrijven gedichten", [], "Scholieren van een middelbare school schrijven gedichten."),
]

engine = articles_engine(DOCS)


def relaxed(engine, q: str):
    result = engine.search(SearchParams(q=q))
    return result.relaxation, [hit.id for hit in result.hits]


def test_a_municipality_without_documents_lists_its_region(engine):
    relaxation, found = relaxed(engine, "Zoeterwoude")
    assert relaxation.kind == "wider-place" and relaxation.used == "Holland Rijnland"
    assert relaxation.message == ("Niets gevonden over ‘Zoeterwoude’; hieronder de resultaten uit "
                                  "Holland Rijnland, waar het ligt.")
    assert found == ["leiden-dans"]  # Delft lies in Haaglanden


def test_the_province_when_the_region_has_nothing_either(engine):
    relaxation, found = relaxed(engine, "Gorinchem")  # nothing in Alblasserwaard
    assert relaxation.used == "Zuid-Holland" and set(found) == {"leiden-dans", "delft-dans"}


def test_a_misspelt_place_without_documents_lists_the_region_too(engine):
    relaxation, found = relaxed(engine, "Zoetrwoude")
    assert relaxation.kind == "wider-place" and found == ["leiden-dans"]
    assert relaxation.message.startswith("Geen resultaten voor ‘Zoetrwoude’, ook niet voor ‘Zoeterwoude’;")


def test_an_area_or_town_elsewhere_lists_its_province(engine):
    relaxation, found = relaxed(engine, "Deventer")
    assert relaxation.used == "Overijssel" and set(found) == {"zwolle-erfgoed", "enschede-muziek"}
    assert relaxed(engine, "Achterhoekse") == (None, [])  # Gelderland has nothing


def test_never_the_whole_country(engine):
    # Nederland has a page about muziekles, but a town is not "in" all of the country's documents.
    assert relaxed(engine, "Groningse") == (None, [])


def test_a_place_beside_words_that_found_something_is_offered_as_the_region_around_it(engine):
    # The pages about dance come in their order, wherever they are (the region's first lowered three check sets);
    # the page offers the region that has one of them.
    result = engine.search(SearchParams(q="Zoeterwoude dans"))
    assert result.relaxation.kind == "any-words" and {h.id for h in result.hits} == {"leiden-dans", "delft-dans"}
    assert (result.place_filter.value, result.place_filter.total) == ("holland-rijnland", 1)
    assert engine.search(SearchParams(q="Zoeterwoude dans", region=("holland-rijnland",))).hits[0].id == "leiden-dans"
    # A place the query names that has documents comes before the region around one that has none.
    assert engine.search(SearchParams(q="Zoeterwoude dans Delft")).place_filter.value == "delft"


def test_filters_take_their_part_of_the_region_listed(engine):
    # The region is chosen over every document, as the page without filters lists it; a filter selects of that.
    result = engine.search(SearchParams(q="Zoeterwoude", region=("leiden",)))
    assert result.relaxation.used == "Holland Rijnland" and [h.id for h in result.hits] == ["leiden-dans"]
    assert engine.search(SearchParams(q="Zoeterwoude", region=("delft",))).total == 0


def test_a_search_that_widened_its_place_found_nothing_as_typed(engine):
    result = engine.search(SearchParams(q="Zoeterwoude"))
    assert result.total > 0 and result.found_as_typed == 0  # the search log counts what the searcher missed


def test_a_misspelt_town_or_area_elsewhere_is_corrected(engine):
    assert hits(engine, "Enchede")[:1] == ["enschede-muziek"]
    relaxation, found = relaxed(engine, "Twnete muziek")
    assert "Twente muziek" in relaxation.message and found[0] == "enschede-muziek"


def test_a_typo_of_a_word_is_no_town_elsewhere(engine):
    # "scholeren" is two edits from Someren (Noord-Brabant), "middelbre" from Middelburg: a town elsewhere is corrected
    # from one edit only, and the word's own correction wins.
    result = engine.search(SearchParams(q="scholeren"))
    assert result.relaxation.used == "scholieren" and [h.id for h in result.hits] == ["scholieren"]


def test_the_page_and_the_api_say_where_they_looked(tmp_path):
    engine_over_articles(tmp_path, DOCS).close()
    client = build_app(tmp_path / "corpus", tmp_path / "index").test_client()
    page = client.get("/zoeken", query_string={"q": "Zoeterwoude"})
    assert page.status_code == 200
    assert "Niets gevonden over ‘Zoeterwoude’; hieronder de resultaten uit Holland Rijnland, waar het ligt." in \
        page.get_data(as_text=True)
    data = client.get("/api/v1/search", query_string={"q": "Zoeterwoude"}).get_json()
    assert data["relaxation"]["kind"] == "wider-place" and data["hits"][0]["id"] == "leiden-dans"


def test_a_word_that_no_page_has_is_no_misspelled_place(engine):
    # "voorschot" (an advance payment) is one letter from Voorschoten, "tweelingen" from Teylingen: a word of the
    # vocabulary that the corpus lacks is spelled right, so there is nothing to list, not Holland Rijnland.
    for word in ("voorschot", "tweelingen"):
        relaxation, found = relaxed(engine, word)
        assert relaxation is None and found == [], word
