"""A page per place: /regio/<id> and its JSON twin, from one PlaceResult."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from kennisplatform.taxonomy import load_taxonomy
from conftest import TAXONOMY


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.data, "html.parser")


def test_every_place_of_the_taxonomy_has_a_page(read_only_client):
    for term in load_taxonomy(TAXONOMY).terms("region"):
        response = read_only_client.get(f"/regio/{term.id}")
        assert response.status_code == 200, term.id
        assert f"<h1>{term.label}</h1>" in response.get_data(as_text=True)


def test_municipality_page_lists_documents_by_type_newest_first_and_themes(read_only_client):
    soup = page(read_only_client, "/regio/leiden")
    groups = {s.h2.contents[0].strip(): [a.get_text() for a in s.select(".compact-hit a")]
              for s in soup.select(".place-group")}
    assert groups == {"Voorbeeldprojecten": ["Erfgoed leiden"], "Verslagen": ["Netwerk haaglanden"]}
    themes = {a.get_text(): a.find_next_sibling("span").get_text() for a in soup.select("#themas-kop + ul a")}
    assert themes == {"Erfgoed": "1", "Kansengelijkheid en inclusie": "1", "Kennisdeling": "1"}
    theme_link = soup.select_one("#themas-kop + ul a")["href"]
    assert theme_link.startswith("/zoeken?") and "region=leiden" in theme_link
    around = [a.get_text() for a in soup.select("#rond-kop + ul a")]
    assert "Katwijk" in around and "Leiden" not in around  # the same region, not itself
    assert soup.select_one(".lead a")["href"] == "/zoeken?region=leiden"
    crumbs = [a.get_text() for a in soup.select(".breadcrumbs a")]
    assert crumbs == ["Home", "Nederland", "Zuid-Holland", "Holland Rijnland"]


def test_region_page_lists_its_municipalities(read_only_client):
    soup = page(read_only_client, "/regio/rotterdam-rijnmond")
    parts = {a.get_text(): a["href"] for a in soup.select("#delen-kop + ul a")}
    assert parts["Vlaardingen"] == "/regio/vlaardingen" and len(parts) == 12
    assert "1 document over" in soup.select_one(".lead").get_text()


def test_newest_first_within_a_type(read_only_client):
    soup = page(read_only_client, "/regio/zuid-holland")
    for group in soup.select(".place-group"):
        dates = [t["datetime"] for t in group.select("time")]
        assert dates == sorted(dates, reverse=True)


def test_json_twin_comes_from_the_same_result(read_only_client):
    data = read_only_client.get("/regio/leiden.json").get_json()
    soup = page(read_only_client, "/regio/leiden")
    assert data["place"] == {"id": "leiden", "label": "Leiden"} and data["level"] == "gemeente"
    assert data["total"] == 2 and data["links"]["html"] == "/regio/leiden"
    assert [g["label"] for g in data["documents_by_type"]] == [s.h2.contents[0].strip()
                                                               for s in soup.select(".place-group")]
    assert {t["label"]: t["count"] for t in data["themes"]}["Erfgoed"] == 1
    assert data["counts"]["leiden"] == 2
    assert soup.select_one("link[rel=alternate][type='application/json']")["href"] == "/regio/leiden.json"


@pytest.mark.parametrize("url", ["/regio/atlantis", "/regio/Leiden%20%3Cb%3E", "/regio/leiden-x.json"])
def test_unknown_place_is_a_dutch_404(read_only_client, url):
    response = read_only_client.get(url)
    assert response.status_code == 404
    text = response.get_data(as_text=True)
    assert "bestaat niet" in text and "<b>" not in text


def test_a_place_without_documents_says_so_once_and_offers_no_empty_search(read_only_client):
    soup = page(read_only_client, "/regio/nieuwkoop")
    assert soup.select_one(".lead") is None  # not "0 documenten ... Zoek in deze documenten"
    assert "nog geen documenten over Nieuwkoop" in soup.get_text(" ")
    description = soup.find("meta", attrs={"name": "description"}) or soup.find("meta", property="og:description")
    assert description["content"].startswith("Nog geen documenten over cultuureducatie in Nieuwkoop")
