"""The JSON API, the Atom feed and the CSV export: the same search, other formats."""
from __future__ import annotations

import csv
import io

import feedparser
import pytest

from conftest import build_app, write_document


@pytest.fixture
def app(corpus_dir, index_dir, tmp_path):
    return build_app(corpus_dir, index_dir, WTF_CSRF_ENABLED=False)


@pytest.fixture
def client(app):
    return app.test_client()


def test_api_and_html_page_come_from_the_same_search(client):
    args = "q=erfgoed&region=zuid-holland&sort=newest"
    api = client.get(f"/api/v1/search?{args}").get_json()
    twin = client.get(f"/zoeken.json?{args}")
    if twin.status_code == 404:  # the page's twin may live at ?format=json
        twin = client.get(f"/zoeken?{args}&format=json")
    page = twin.get_json()
    page.pop("links", None)
    api.pop("links")
    assert api == page
    assert [h["id"] for h in api["hits"]] == ["erfgoed-leiden", "erfgoed-dordrecht"]
    html = client.get(f"/zoeken?{args}").get_data(as_text=True)
    for hit in api["hits"]:
        assert hit["title"] in html
    assert 'type="application/json"' in html and 'rel="alternate"' in html


def test_search_result_shape(client):
    data = client.get("/api/v1/search?theme=kennisdeling&region=drechtsteden&region=haaglanden").get_json()
    assert data["total"] == 1 and data["page"] == 1 and data["pages"] == 1
    regions = {b["value"]: b for b in data["facets"]["region"]}
    assert regions["drechtsteden"] == {"value": "drechtsteden", "label": "Drechtsteden", "count": 0,
                                       "selected": True, "level": "regio", "parent": "zuid-holland"}
    assert data["links"]["atom"].endswith("/zoeken.atom?theme=kennisdeling&region=drechtsteden&region=haaglanden")
    assert data["links"]["next"] is None


@pytest.mark.parametrize("url, status, parameter", [
    ("/api/v1/search?page=abc", 400, "page"),
    ("/api/v1/search?theme=onbekend", 400, "theme"),
    ("/api/v1/search?q=a&q=b", 400, "q"),
    ("/api/v1/documents/bestaat-niet", 404, None),
    ("/api/v1/bestaat-niet", 404, None),
])
def test_errors_are_problem_json_in_dutch(client, url, status, parameter):
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == status and problem["detail"] and problem["title"]
    assert problem.get("parameter") == parameter
    assert "<html" not in response.get_data(as_text=True).lower()


def test_a_wrong_method_on_the_api_is_problem_json(client):
    response = client.post("/api/v1/search")
    assert response.status_code == 405 and response.mimetype == "application/problem+json"


def test_document_endpoint_has_markdown_and_sanitised_html(client, corpus_dir):
    path = corpus_dir / "artikelen" / "deskundigheid-landelijk.md"
    path.write_text(path.read_text(encoding="utf-8") + '\n<script>alert(1)</script>\n'
                    '<img src=x onerror="alert(2)">\n[klik](javascript:alert(3))\n', encoding="utf-8")
    data = client.get("/api/v1/documents/deskundigheid-landelijk").get_json()
    assert data["source"]["url"] == "https://voorbeeld.example/artikel"
    assert "deskundigheidsbevordering" in data["markdown"]
    assert "<script" not in data["html"] and "onerror" not in data["html"] and "javascript:" not in data["html"]
    assert data["themes"] == [{"id": "professionalisering",
                               "label": "Deskundigheidsbevordering en professionalisering"}]


def test_taxonomy_and_facets_endpoints(client):
    taxonomy = client.get("/api/v1/taxonomy").get_json()
    assert {"id": "vlaardingen", "parent": "rotterdam-rijnmond"}.items() <= next(
        r for r in taxonomy["region"] if r["id"] == "vlaardingen").items()
    facets = client.get("/api/v1/facets?theme=erfgoed").get_json()
    assert {b["value"]: b["count"] for b in facets["type"]} == {"voorbeeldproject": 2}


def test_repeated_request_with_if_none_match_gets_304(client, corpus_dir, index_dir, taxonomy):
    first = client.get("/api/v1/search?q=erfgoed")
    etag = first.headers["ETag"]
    again = client.get("/api/v1/search?q=erfgoed", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other = client.get("/api/v1/search?q=dans", headers={"If-None-Match": etag})
    assert other.status_code == 200
    # A change to the index changes the ETag.
    from kennisplatform.index import update_index

    write_document(corpus_dir, "nieuw-erfgoed", "artikel", "2025-01-01", ["erfgoed"], [], {}, "erfgoed")
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    assert client.get("/api/v1/search?q=erfgoed", headers={"If-None-Match": etag}).status_code == 200


def test_atom_feed_of_a_search(client):
    response = client.get("/zoeken.atom?theme=erfgoed&type=voorbeeldproject")
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title.startswith("Kennisplatform CMK:")
    assert feed.feed.id and feed.feed.updated
    assert any(link.rel == "self" for link in feed.feed.links)
    assert [e.link.rsplit("/", 1)[-1] for e in feed.entries] == ["erfgoed-leiden", "erfgoed-dordrecht"]
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated and entry.summary


def test_csv_export_has_one_row_per_hit(client):
    response = client.get("/zoeken.csv?region=zuid-holland")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 4
    assert {r["id"] for r in rows} == {"vlaardingen-2023", "erfgoed-dordrecht", "erfgoed-leiden", "netwerk-haaglanden"}
    assert "attachment" in response.headers["Content-Disposition"]


def test_csv_for_dutch_excel_uses_semicolons_and_a_bom(client):
    raw = client.get("/zoeken-excel.csv").get_data()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["id", "soort", "titel"] and len(rows) == 6


def test_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    assert {"/api/v1/search", "/api/v1/documents/{doc_id}", "/api/v1/taxonomy", "/api/v1/facets"} <= set(spec["paths"])
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert "/api/v1/search" in page and "http://" not in page.replace("http://localhost", "")


def test_the_api_documentation_names_each_parameters_type_and_values(client):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/api/v1/docs").get_data(as_text=True), "html.parser")
    rows = {tr.td.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in soup.select("table tbody tr")}
    assert rows["q"][2] == "string" and rows["sort"][2] == "string"  # not "string van" (a dict's .items)
    assert rows["page"][2] == "integer" and rows["type"][2] == "array van string"
    assert all("Waarden: ," not in cells[3] and ", ," not in cells[3] for cells in rows.values())
    assert "Waarden: relevance" in rows["sort"][3]


def test_the_addresses_people_guess_for_the_api_lead_to_its_documentation(client):
    for guess in ("/api", "/api/", "/api/docs", "/api/v1", "/api/v1/"):
        response = client.get(guess)
        assert response.status_code in (301, 302, 308) and response.location.endswith("/api/v1/docs"), guess


def test_search_page_links_its_feed_as_follow_this_search(client):
    html = client.get("/zoeken?q=erfgoed&region=drechtsteden").get_data(as_text=True)
    assert "Volg deze zoekopdracht" in html
    assert 'href="/zoeken.atom?q=erfgoed&amp;region=drechtsteden"' in html
    assert "/zoeken-excel.csv?" in html


@pytest.mark.parametrize("q", ["erfgoed school", "erfgoed museum"])
def test_facets_totals_and_exports_list_what_the_search_page_lists(client, q):
    """The API's facets ask for one result and the CSV export for a hundred: they count and list what the page of
    ten does (search.PAGE_TO_FILL), as the page's partial matches come when its words together fill no page."""
    page = client.get(f"/zoeken.json?q={q}").get_json()
    facets = client.get(f"/api/v1/facets?q={q}").get_json()
    assert facets == page["facets"]
    assert {client.get(f"/api/v1/search?q={q}&per_page={n}").get_json()["total"] for n in (1, 5, 100)} == \
        {page["total"]}
    rows = list(csv.reader(io.StringIO(client.get(f"/zoeken.csv?q={q}").get_data(as_text=True))))
    assert len(rows) - 1 == page["total"]
