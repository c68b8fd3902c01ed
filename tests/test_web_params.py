"""Bad URL parameters on every search page: corrected, or a 400 with a Dutch message. Never a 500."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

PAGES = ["/zoeken", "/voorbeeldprojecten", "/verslagen", "/artikelen"]

# (query string, expected status, a phrase of the Dutch message for 400s)
BAD = [
    ("page=abc", 400, "Paginanummer moet een positief geheel getal zijn"),
    ("exact=misschien", 400, "moet 1 (ja) of 0 (nee) zijn"),
    ("exact=1&exact=0", 400, "mag maar één keer voorkomen"),
    ("exact=ja", 200, None),
    ("page=-1", 400, "Paginanummer"),
    ("page=1.5", 400, "Paginanummer"),
    ("page=1&page=2", 400, "mag maar één keer voorkomen"),
    ("per_page=abc", 400, "Aantal per pagina"),
    ("per_page=", 200, None),
    ("q=erfgoed&q=dans", 400, "mag maar één keer voorkomen"),
    ("sort=willekeurig", 400, "Onbekende sortering"),
    ("sort=nieuwste", 200, None),
    ("sort=oldest&sort=newest", 400, "mag maar één keer voorkomen"),
    ("theme=onbekend", 400, "Onbekende waarde"),
    ("theme=erfgoud", 400, "bedoelde u"),
    ("region=Atlantis", 400, "Onbekende waarde"),
    ("year=vorig-jaar", 400, "jaartal"),
    ("year=1850", 200, None),  # a year without documents: any year a corpus date can have is a filter
    ("year=20%D9%A1%D9%A9", 400, "jaartal"),  # Arabic-Indic digits
    ("year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%93", 400, "jaartal"),  # full-width digits
    ("year=0", 400, "jaartal"),
    ("year=10000", 400, "jaartal"),
    ("year=2023.0", 400, "jaartal"),
    ("theme=-erfgoed", 400, "Onbekende waarde"),  # a filter cannot exclude; '-' was ignored as punctuation
    ("region=-leiden", 400, "Onbekende waarde"),
    ("discipline=" + "x" * 5000, 400, "Onbekende waarde"),
    ("&".join(f"theme=erfgoed{n}" for n in range(60)), 400, "Te veel waarden"),
    # corrected, not refused
    ("page=0", 200, None),
    ("page=99999999", 200, None),
    ("page=999999999999", 400, "Paginanummer '999999999999' is veel te groot; het hoogste is 10000."),
    ("per_page=100000", 200, None),
    ("per_page=0", 200, None),
    ("q=" + "erfgoed " * 400, 200, None),
    ("q=%00%01erfgoed%7F", 200, None),
    ("q=%E2%80%AEerfgoed", 200, None),
    ("q=%FF%FE", 200, None),
    ("q=<script>alert(1)</script>", 200, None),
    ("q=\"onafgesloten", 200, None),
    ("q=erfgoed OR OR AND NOT", 200, None),
    ("q=*", 200, None),
    ("q=-", 200, None),
    ("q=(((", 200, None),
    ("q[]=erfgoed", 200, None),  # an unknown key: ignored
    ("theme[]=erfgoed", 200, None),
    ("onbekend=1", 200, None),
    ("theme=Erfgoed", 200, None),  # a label is accepted
    ("region=krimpen a/d ijssel", 200, None),  # an alias
    ("theme=", 200, None),
    ("year=2021-2024", 200, None),
    ("format=json", 200, None),
]


@pytest.fixture(scope="module")
def client(read_only_client):
    return read_only_client


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("query, status, message", BAD, ids=[b[0][:40] for b in BAD])
def test_bad_parameters_are_corrected_or_refused_in_dutch(client, path, query, status, message):
    response = client.get(f"{path}?{query}")
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.html["lang"] == "nl"
    if status == 400:
        assert " ".join(soup.h1.get_text().split()) == "Ongeldige zoekopdracht"
        assert message.lower() in soup.select_one(".lead").get_text().lower()
        assert "<script>" not in response.get_data(as_text=True)


@pytest.mark.parametrize("query, status, message", BAD, ids=[b[0][:40] for b in BAD])
def test_json_twin_answers_bad_parameters_in_json(client, query, status, message):
    response = client.get(f"/zoeken.json?{query}")
    assert response.status_code == status
    data = response.get_json()
    if status == 400:
        assert message.lower() in data["error"].lower() and data["parameter"]
    else:
        assert data["page"] >= 1 and 1 <= data["per_page"] <= 100


def test_corrections_are_visible_in_the_result(client):
    assert client.get("/zoeken.json?per_page=100000").get_json()["per_page"] == 100
    assert client.get("/zoeken.json?page=0").get_json()["page"] == 1
    assert client.get("/zoeken.json?per_page=0").get_json()["per_page"] == 1
    assert client.get("/zoeken.json?theme=Erfgoed").get_json()["query"]["theme"] == ["erfgoed"]
    long = client.get("/zoeken.json?q=" + "erfgoed " * 400).get_json()
    assert len(long["query"]["q"]) <= 500


def test_query_text_is_escaped_in_the_page(client):
    html = client.get("/zoeken?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_bad_value_message_is_escaped(client):
    response = client.get("/zoeken?theme=<b>vet</b>")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<b>vet</b>" not in html and "&lt;b&gt;vet&lt;/b&gt;" in html


@pytest.mark.parametrize("path", ["/document/%00", "/document/..%2F..%2Fetc%2Fpasswd", "/document/" + "a" * 3000,
                                  "/document/ERFGOED-LEIDEN", "/zoeken.json/x", "/verslagen.json?page=abc"])
def test_odd_document_and_json_addresses_never_fail(client, path):
    assert client.get(path).status_code in (200, 400, 404)


def test_every_year_the_facet_shows_is_a_filter_that_works(tmp_path):
    """The facet's own links must work for every year it shows (they gave 400 'Onbekende waarde' for a year
    outside 19xx and 20xx); a corpus date far in the past or future is read as no date at all
    (documents.date_in_range), so it shows under the unknown year, whose link works too."""
    from conftest import build_app, fixture_corpus, write_document
    from kennisplatform.params import UNKNOWN_YEAR

    corpus = fixture_corpus(tmp_path)
    write_document(corpus, "oorkonde-1200", "artikel", "1200-01-01", [], [], {"source": {"publication": "Archief"}},
                   "Een oorkonde over de stad.\n")
    write_document(corpus, "verre-toekomst", "verslag", "9999-12-31", [], [], {}, "Een verslag uit de toekomst.\n")
    client = build_app(corpus, tmp_path / "index").test_client()
    years = [b["value"] for b in client.get("/zoeken.json").get_json()["facets"]["year"]]
    assert UNKNOWN_YEAR in years and not {"1200", "9999"} & set(years)
    for year in years:
        assert client.get(f"/zoeken?year={year}").status_code == 200, year
        assert client.get(f"/zoeken.json?year={year}").get_json()["total"] >= 1, year
    undated = {h["id"] for h in client.get(f"/zoeken.json?year={UNKNOWN_YEAR}&per_page=100").get_json()["hits"]}
    assert {"oorkonde-1200", "verre-toekomst"} <= undated
    assert client.get("/zoeken.json?year=1200").get_json()["total"] == 0  # a year, though none has it
    assert client.get("/zoeken.json?year=0999").status_code == 400  # not as the index writes a year


def test_an_unknown_filter_value_page_offers_the_same_search_without_it_or_with_the_close_one(client):
    """An old bookmark or a link from before the taxonomy changed: the 400 page keeps the query and the other
    filters, and offers the address without the wrong value, and with the value it is close to."""
    for page_path in ("/zoeken", "/verslagen"):
        response = client.get(f"{page_path}?q=erfgoed&theme=erfgoud&region=leiden")
        assert response.status_code == 400
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        links = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".error-page a")}
        assert links["Zonder thema ‘erfgoud’"] == f"{page_path}?q=erfgoed&region=leiden"
        assert links["Met thema ‘Erfgoed’"] == f"{page_path}?q=erfgoed&theme=Erfgoed&region=leiden"
        assert client.get(links["Met thema ‘Erfgoed’"]).status_code == 200
    # No close value: only the way without it. JSON addresses keep their small JSON error.
    soup = BeautifulSoup(client.get("/zoeken?q=dans&region=Atlantis").get_data(as_text=True), "html.parser")
    assert [a["href"] for a in soup.select(".error-page a")][0] == "/zoeken?q=dans"
    assert client.get("/zoeken.json?region=Atlantis").get_json()["parameter"] == "region"
