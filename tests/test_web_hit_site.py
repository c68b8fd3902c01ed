"""A result names the web site its document comes from, above its title: an imported page's own title is often
a single word of its site's menu ("Educatie", "Jeugd"), which says little without the site (session 41)."""
from __future__ import annotations

import shutil

from conftest import TAXONOMY, build_app, page_soup, shown_text, write_document

from kennisplatform.results import Hit


def _hit(source_url):
    return Hit(id="x", type="artikel", type_label="Artikelsamenvatting", title="Educatie", date=None, summary="",
               snippet="", source_url=source_url)


def test_the_site_is_the_host_without_www():
    assert _hit("https://www.stichtingerfgoedstein.nl/educatie").site == "stichtingerfgoedstein.nl"
    assert _hit("http://beeldvaneendorp.com/?cat=21").site == "beeldvaneendorp.com"
    assert _hit("https://Maassluis24.NL/nl/nieuws/10231").site == "maassluis24.nl"


def test_no_site_without_a_usable_address():
    assert _hit(None).site is None
    assert _hit("").site is None
    assert _hit("https://[::1").site is None  # malformed: no site, no error
    assert _hit("geen adres").site is None


def test_the_listing_shows_the_site_of_an_imported_page_and_nothing_for_others(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    write_document(corpus, "educatie", "artikel", None, [], [],
                   {"source": {"url": "https://www.stichtingerfgoedstein.nl/educatie"}},
                   "Het museum biedt scholen een leskist over archeologie.\n", title="Educatie")
    write_document(corpus, "verslag-archeologie", "verslag", "2023-06-22", [], [], {},
                   "Een verslag over archeologie in de klas.\n")
    client = build_app(corpus, tmp_path / "index").test_client()
    cards = {shown_text(card.select_one(".hit__title")): card
             for card in page_soup(client, "/zoeken?q=archeologie").select(".hit")}
    assert shown_text(cards["Educatie"].select_one(".hit__site")) == "Bron: stichtingerfgoedstein.nl"
    assert cards["Verslag archeologie"].select_one(".hit__site") is None
    api = client.get("/api/v1/search?q=archeologie").get_json()
    by_title = {hit["title"]: hit for hit in api["hits"]}
    assert by_title["Educatie"]["source_url"] == "https://www.stichtingerfgoedstein.nl/educatie"


def test_a_source_address_without_a_readable_host_is_shown_as_written(tmp_path):
    """The editor's form accepts "https://[a.b/" (it asks for a scheme and a dot) and a hand-written corpus file
    may hold anything: the listing shows no site, and the document page names the address as it is, where it
    used to fail on it (urlsplit raises ValueError on an unclosed "[")."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    write_document(corpus, "vreemd-adres", "artikel", None, [], [], {"source": {"url": "https://[a.b/pagina"}},
                   "Een leskist over archeologie.\n", title="Vreemd adres")
    client = build_app(corpus, tmp_path / "index").test_client()
    card = page_soup(client, "/zoeken?q=archeologie").select_one(".hit")
    assert card.select_one(".hit__site") is None
    response = client.get("/document/vreemd-adres")
    assert response.status_code == 200
    source = page_soup(client, "/document/vreemd-adres").select_one(".meta a[rel~=external]")
    assert shown_text(source) == "https://[a.b/pagina (externe website)" and source["href"] == "https://[a.b/pagina"
