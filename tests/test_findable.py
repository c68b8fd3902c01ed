"""Findable from outside: sitemap (valid against the sitemap 0.9 schema, every document), robots.txt, a
canonical link and OpenGraph tags on every page, and schema.org JSON-LD per document."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import FIXTURE_DOCS, build_app, fixture_corpus, write_document
from kennisplatform.findable import script_json
from kennisplatform.security import CONTENT_SECURITY_POLICY
from kennisplatform.taxonomy import load_taxonomy
from conftest import TAXONOMY

SCHEMA = Path(__file__).resolve().parent / "fixtures" / "sitemap.xsd"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_is_valid_and_lists_every_document_place_and_browse_page(read_only_client):
    response = read_only_client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    tree = etree.fromstring(response.data)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(tree), schema.error_log
    locations = [loc.text for loc in tree.findall("s:url/s:loc", NS)]
    assert len(locations) == len(set(locations))
    documents = {loc.rsplit("/", 1)[1] for loc in locations if "/document/" in loc}
    assert documents == {doc[0] for doc in FIXTURE_DOCS}
    places = {loc.rsplit("/", 1)[1] for loc in locations if "/regio/" in loc}
    assert places == {t.id for t in load_taxonomy(TAXONOMY).terms("region")}
    assert {"http://localhost/", "http://localhost/voorbeeldprojecten", "http://localhost/verslagen",
            "http://localhost/artikelen"} <= set(locations)
    lastmod = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
               for u in tree.findall("s:url", NS)}
    assert lastmod["http://localhost/document/vlaardingen-2023"] == "2023-06-22"
    assert lastmod["http://localhost/regio/leiden"] == "2024-01-15"  # its newest document
    assert lastmod["http://localhost/verslagen"] == "2023-06-22"


def test_a_broken_sitemap_fails_the_schema():
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    bad = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>gisteren</lastmod></url></urlset>'
    assert not schema.validate(etree.fromstring(bad))


def test_robots_keeps_editors_and_search_results_out_and_names_the_sitemap(read_only_client):
    text = read_only_client.get("/robots.txt").get_data(as_text=True)
    lines = text.splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /redactie", "Disallow: /inloggen", "Disallow: /zoeken"} <= set(lines)
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /regio" not in text and "Disallow: /document" not in text


PAGES = {"/": "website", "/zoeken?q=erfgoed&region=leiden": "website", "/verslagen": "website",
         "/document/erfgoed-leiden": "article", "/regio/leiden": "website", "/inloggen": "website",
         "/bestaat-niet": "website"}


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_canonical_link_and_opengraph_tags(read_only_client, url):
    response = read_only_client.get(url)
    soup = BeautifulSoup(response.data, "html.parser")
    canonical = soup.select_one("link[rel=canonical]")["href"]
    assert canonical.startswith("http://localhost/")
    og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    assert og["og:type"] == PAGES[url] and og["og:url"] == canonical
    assert og["og:title"] == soup.title.get_text().split(" – Kennisplatform")[0]
    assert og["og:description"] == soup.select_one("meta[name=description]")["content"]


def test_search_canonical_is_the_search_in_its_normal_form(read_only_client):
    soup = BeautifulSoup(read_only_client.get("/zoeken?region=leiden&q=erfgoed&page=1").data, "html.parser")
    assert soup.select_one("link[rel=canonical]")["href"] == "http://localhost/zoeken?q=erfgoed&region=leiden"


def test_document_json_ld_names_date_themes_places_and_source(read_only_client):
    soup = BeautifulSoup(read_only_client.get("/document/deskundigheid-landelijk").data, "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["datePublished"] == "2015-09-10"
    assert [t["name"] for t in data["about"]] == ["Deskundigheidsbevordering en professionalisering"]
    assert data["spatialCoverage"] == [{"@type": "Place", "name": "Nederland",
                                        "url": "http://localhost/regio/nederland"}]
    assert data["isBasedOn"] == "https://voorbeeld.example/artikel"
    assert data["author"] == [{"@type": "Person", "name": "A. Auteur"}]
    report = BeautifulSoup(read_only_client.get("/document/vlaardingen-2023").data, "html.parser")
    assert json.loads(report.select_one('script[type="application/ld+json"]').string)["@type"] == "Report"


def test_json_ld_cannot_close_its_script_element(tmp_path):
    corpus = fixture_corpus(tmp_path)
    write_document(corpus, "lastig", "artikel", "2022-02-02", ["erfgoed"], ["Gouda"], {},
                   "Tekst.\n", title="Over </script><script>alert(1)</script> & <!-- meer")
    client = build_app(corpus, tmp_path / "index").test_client()
    html = client.get("/document/lastig").get_data(as_text=True)
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and json.loads(block)["name"] == "Over </script><script>alert(1)</script> & <!-- meer"
    assert script_json({"a": "</x>"}) == '{"a":"\\u003c/x\\u003e"}'


def test_csp_is_unchanged_json_ld_needs_no_script_permission():
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


# -- the site's own address ------------------------------------------------------------------------------
PUBLIC = "https://kennisplatform.example.nl"


def test_a_made_up_host_header_never_reaches_another_visitors_sitemap(tmp_path):
    """The sitemap was cached with the host of the first request after an index change: one request with
    'Host: evil.example' put that host in every search engine's copy."""
    client = build_app(fixture_corpus(tmp_path), tmp_path / "index").test_client()
    client.get("/sitemap.xml", headers={"Host": "evil.example"})
    text = client.get("/sitemap.xml").get_data(as_text=True)
    assert "evil.example" not in text and "<loc>http://localhost/document/erfgoed-leiden</loc>" in text


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt", "/document/erfgoed-leiden", "/zoeken?q=erfgoed",
                                 "/zoeken.atom?q=erfgoed", "/api/v1/search?q=erfgoed", "/regio/leiden"])
def test_with_public_url_every_absolute_link_uses_it(tmp_path, url):
    client = build_app(fixture_corpus(tmp_path), tmp_path / "index", PUBLIC_URL=PUBLIC).test_client()
    text = client.get(url, headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in text and "localhost" not in text
    assert PUBLIC + "/" in text


@pytest.mark.parametrize("value", ["kennisplatform.example.nl", "https://kennisplatform.example.nl/site",
                                   "ftp://kennisplatform.example.nl", "https://iemand@evil.example",
                                   "https://kennisplatform.example.nl:poort", "https://"])
def test_a_public_url_that_is_not_the_root_of_a_site_is_refused_in_dutch(tmp_path, value):
    from kennisplatform.errors import KennisplatformError

    with pytest.raises(KennisplatformError, match="PUBLIC_URL moet het adres van de site zijn"):
        build_app(fixture_corpus(tmp_path), tmp_path / "index", PUBLIC_URL=value)


def test_serve_reads_settings_from_the_environment(tmp_path, monkeypatch):
    """`kennisplatform serve` passes its folders as a mapping; KENNISPLATFORM_<KEY> (as the README says) was
    then not read at all."""
    from kennisplatform import create_app

    monkeypatch.setenv("KENNISPLATFORM_PUBLIC_URL", PUBLIC)
    app = create_app({"CORPUS_DIR": str(fixture_corpus(tmp_path)), "INDEX_DIR": str(tmp_path / "index"),
                      "INSTANCE_PATH": str(tmp_path / "instance")})
    assert app.config["PUBLIC_URL"] == PUBLIC
    assert app.config["CORPUS_DIR"] == str(tmp_path / "corpus")  # the command's own folders still win
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in app.test_client().get("/robots.txt").get_data(as_text=True)


def test_editors_log_in_behind_a_public_https_address(tmp_path):
    """With an https PUBLIC_URL the requests are secure, so the CSRF check also compares the Referer with
    the (public) host: a browser on the site passes."""
    from editor_support import EDITOR, PASSWORD, make_app, token

    app = make_app(fixture_corpus(tmp_path), tmp_path / "index", tmp_path / "instance", PUBLIC_URL=PUBLIC)
    client = app.test_client()
    response = client.post("/inloggen", data={"naam": EDITOR, "wachtwoord": PASSWORD, "csrf_token": token(client)},
                           headers={"Referer": f"{PUBLIC}/inloggen"})
    assert response.status_code == 302 and response.headers["Location"] == "/redactie/"
    assert client.get("/redactie/").status_code == 200
