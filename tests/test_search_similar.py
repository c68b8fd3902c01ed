"""A first page that the listing does not fill is followed by pages like its first results (search._similar): marked
`similar`, under the page's filters, counted in neither the total nor the facets, on the search page and in the API."""
from __future__ import annotations

import pytest

from kennisplatform.params import SearchParams

from conftest import build_app, engine_over_articles, page_soup, shown_text

DOCS = [
    ("inclusie", "Kunst voor iedereen", ["Leiden"],
     "Inclusiviteit in de kunstles: toegankelijk voor leerlingen met een beperking, met rolstoel en gebarentaal."),
    ("toegankelijk-gouda", "Voorstellingen voor ieder kind", ["Gouda"],
     "Een voorstelling die toegankelijk is voor kinderen met een beperking: rolstoel, gebarentaal, ringleiding."),
    ("toegankelijk-leiden", "Theater zonder drempels", ["Leiden"],
     "Toegankelijk theater voor kinderen met een beperking, met gebarentaal en een rolstoelplek."),
    ("moestuin", "De schooltuin", ["Leiden"], "Groente zaaien en oogsten in de moestuin van de basisschool."),
]


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("similar")
    engine = engine_over_articles(root, DOCS)
    yield root, engine
    engine.close()


@pytest.fixture(scope="module")
def engine(root):
    return root[1]


def search(engine, **params):
    return engine.search(SearchParams(**params), with_similar=True)


def test_a_short_listing_is_followed_by_pages_like_its_results(engine):
    result = search(engine, q="inclusiviteit")
    assert [(h.id, h.similar) for h in result.hits[:1]] == [("inclusie", False)]
    # The two pages on accessible theatre say "toegankelijk", "beperking", "rolstoel", never "inclusiviteit"; the
    # vegetable garden shares none of the words that tell the result apart.
    assert {h.id for h in result.hits[1:]} == {"toegankelijk-gouda", "toegankelijk-leiden"}
    assert all(h.similar for h in result.hits[1:])
    # They are no results of the query: not in the total, nor in the facets' counts.
    assert result.total == 1
    assert sum(bucket.count for bucket in result.facets["type"].buckets) == 1


def test_similar_pages_keep_to_the_filters(engine):
    result = search(engine, q="inclusiviteit", region=("leiden",))
    assert [h.id for h in result.hits] == ["inclusie", "toegankelijk-leiden"]


def test_only_the_empty_places_of_a_first_page_by_relevance_are_filled(engine):
    assert [h.id for h in engine.search(SearchParams(q="inclusiviteit")).hits] == ["inclusie"]  # not asked for
    assert [h.id for h in search(engine, q="inclusiviteit", per_page=1).hits] == ["inclusie"]  # the page is full
    assert [h.id for h in search(engine, q="inclusiviteit", sort="newest").hits] == ["inclusie"]
    assert search(engine, q="inclusiviteit", page=2).hits == []
    assert search(engine, q="zeppelin").hits == []  # nothing to be like


def test_the_search_page_and_the_api_show_them_apart(root):
    client = build_app(root[0] / "corpus", root[0] / "index").test_client()
    soup = page_soup(client, "/zoeken?q=inclusiviteit")
    assert [shown_text(a) for a in soup.select("ol.hits .hit__title a")] == ["Kunst voor iedereen"]
    section = soup.select_one("section.similar-hits")
    assert shown_text(section.h3) == "Vergelijkbare pagina's"
    assert {shown_text(a) for a in section.select(".hit__title a")} == {"Voorstellingen voor ieder kind",
                                                                       "Theater zonder drempels"}
    data = client.get("/api/v1/search?q=inclusiviteit").get_json()
    assert data["total"] == 1
    assert [h["similar"] for h in data["hits"]] == [False, True, True]
