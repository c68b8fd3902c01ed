"""The web pages through Flask's test client: every route, what it shows, and its JSON twin."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import build_app, fixture_corpus, write_document

LONG_REPORT = """\
# Verslag

Inleiding over de dag.

## Opening

De wethouder opende de bijeenkomst.

## Workshops

### Muziek

Muziekonderwijs in het po.

### Dans

Dans in de klas.

## Afsluiting

Iedereen ging met ideeën naar huis. <script>alert('x')</script>
<a href="javascript:alert(1)" onclick="alert(2)">klik</a> <img src="https://elders.example/x.png" onerror="alert(3)">
[Meer informatie](https://www.cultuurparticipatie.nl/)
"""


@pytest.fixture
def corpus(corpus_dir):
    write_document(corpus_dir, "lange-bijeenkomst-gouda", "verslag", "2022-03-04", ["kennisdeling"], ["Gouda"],
                   {"disciplines": ["muziek", "dans"], "audience": ["po"],
                    "organisations": ["Kunstgebouw"],
                    "source": {"url": "https://www.kunstgebouw.nl/verslag", "authors": ["B. Schrijver"],
                               "publication": "Nieuwsbrief"}},
                   LONG_REPORT, title="Lange bijeenkomst in Gouda")
    return corpus_dir


@pytest.fixture
def app(corpus, index_dir):
    return build_app(corpus, index_dir, WTF_CSRF_ENABLED=False)


@pytest.fixture
def client(app):
    return app.test_client()


def page(client, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/html"
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def flat(node) -> str:
    """Text as a reader sees it: tags dropped without adding space."""
    return " ".join(node.get_text().split())


def hit_titles(soup) -> list[str]:
    return [text(h) for h in soup.select(".hit__title")]


def facet_counts(soup, facet: str) -> dict[str, tuple[int, bool, bool]]:
    """value -> (count, checked, disabled) as the sidebar shows them."""
    result = {}
    for box in soup.select(f'#facet-{facet} input[type=checkbox]'):
        label = soup.find("label", attrs={"for": box["id"]})
        count = int(text(label.select_one(".count")).strip("()").split()[0])
        result[box["value"]] = (count, box.has_attr("checked"), box.has_attr("disabled"))
    return result


# -- every page: the frame ------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/", "/zoeken", "/zoeken?q=erfgoed", "/voorbeeldprojecten", "/verslagen",
                                 "/artikelen", "/document/erfgoed-leiden", "/bestaat-niet",
                                 "/zoeken?page=abc"])
def test_every_page_is_dutch_with_landmarks_and_a_skip_link(client, url):
    response = client.get(url)
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.html["lang"] == "nl"
    assert soup.select_one("a.skip-link")["href"] == "#inhoud"
    assert soup.find("main", id="inhoud")
    assert soup.find("header") and soup.find("footer") and soup.find("nav")
    assert len(soup.find_all("h1")) == 1
    # nothing inline, nothing from elsewhere
    assert not soup.select("[style]") and not soup.find("style")
    # JSON-LD is data for search engines, not script: it never runs (and needs no CSP exception)
    scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert all(s.get("src", "").startswith("/static/") for s in scripts)
    assert all(not s.string for s in scripts)
    links = [link for link in soup.find_all("link", href=True) if link.get("rel") != ["canonical"]]
    assert all(link["href"].startswith("/") for link in links)
    assert soup.select_one("link[rel=canonical]")["href"].startswith("http://localhost/")  # absolute, this site
    for control in soup.select("input:not([type=hidden]), select, textarea"):
        assert control.get("id") and soup.find("label", attrs={"for": control["id"]}), control


# -- home -----------------------------------------------------------------------------------------------
def test_home_shows_search_box_themes_regions_and_newest_per_type(client):
    soup = page(client, "/")
    form = soup.select_one("main form[role=search]")
    assert form["action"] == "/zoeken" and form.find("input", attrs={"name": "q"})
    themes = {text(li.a): text(li.select_one(".count")) for li in soup.select("#themas-kop ~ ul li")}
    assert themes["Erfgoed"] == "2" and themes["Kennisdeling"] == "3"
    assert soup.select_one("#themas-kop ~ ul a[href='/zoeken?theme=erfgoed']")
    regions = {text(li.a): text(li.select_one(".count")) for li in soup.select("#regios-kop ~ ul li")}
    assert regions["Holland Rijnland"] == "2" and regions["Drechtsteden"] == "1"
    newest = {text(s.h3): [text(a) for a in s.select(".compact-hit a")] for s in soup.select(".newest__type")}
    assert newest["Voorbeeldprojecten"] == ["Erfgoed leiden", "Erfgoed dordrecht"]
    assert newest["Verslagen"] == ["Vlaardingen 2023", "Lange bijeenkomst in Gouda", "Netwerk haaglanden"]
    assert newest["Artikelsamenvattingen"] == ["Deskundigheid landelijk"]


# -- search ---------------------------------------------------------------------------------------------
def test_search_shows_total_hits_with_badge_date_snippet_and_filter_links(client):
    soup = page(client, "/zoeken?q=erfgoed")
    assert text(soup.select_one("#resultaten-kop")) == "2 resultaten voor ‘erfgoed’"
    assert hit_titles(soup) == ["Erfgoed leiden", "Erfgoed dordrecht"] or \
        sorted(hit_titles(soup)) == ["Erfgoed dordrecht", "Erfgoed leiden"]
    hit = soup.select_one(".hit")
    assert hit.select_one(".badge--voorbeeldproject").get_text() == "Voorbeeldproject"
    assert hit.find("time")["datetime"].startswith("20")
    assert hit.select_one(".hit__title a")["href"].startswith("/document/erfgoed-")
    assert hit.select_one(".hit__snippet mark")
    theme_link = hit.select_one("a.tag--theme")
    assert theme_link["href"].startswith("/zoeken?q=erfgoed&theme=")
    region_link = hit.select_one("a.tag--region")
    assert "region=" in region_link["href"] and "q=erfgoed" in region_link["href"]


def test_snippet_html_is_escaped_except_marks(client, corpus, app):
    soup = page(client, "/zoeken?q=afsluiting")
    snippet = soup.select_one(".hit__snippet")
    assert {t.name for t in snippet.find_all(True)} <= {"mark"}
    assert not soup.find("script", string=True)


def test_facets_have_disjunctive_counts_and_checked_boxes(client):
    soup = page(client, "/zoeken")
    regions = facet_counts(soup, "region")
    assert regions["leiden"] == (2, False, False) and regions["den-haag"] == (1, False, False)
    soup = page(client, "/zoeken?region=leiden")
    regions = facet_counts(soup, "region")
    # disjunctive: the region facet's own counts ignore the region selection
    assert regions["leiden"] == (2, True, False) and regions["dordrecht"] == (1, False, False)
    assert facet_counts(soup, "theme")["erfgoed"] == (1, False, False)
    assert text(soup.select_one("#resultaten-kop")) == "2 resultaten"
    soup = page(client, "/zoeken?region=leiden&region=dordrecht")
    assert text(soup.select_one("#resultaten-kop")) == "3 resultaten"
    assert facet_counts(soup, "theme")["erfgoed"] == (2, False, False)


def test_region_facet_is_a_tree_with_collapsible_regions(client):
    soup = page(client, "/zoeken?region=leiden")
    tree = soup.select_one("#facet-region ul.facet-list--tree")
    assert tree.select_one("input[value=nederland]")
    subtree = soup.find("input", attrs={"value": "holland-rijnland"}).find_parent("li").find("details")
    assert subtree.has_attr("open")  # a selected municipality keeps its region open
    assert subtree.select_one("input[value=leiden][checked]")
    closed = soup.find("input", attrs={"value": "drechtsteden"}).find_parent("li").find("details")
    assert not closed.has_attr("open")
    assert "Gemeenten" in text(closed.summary) and "Drechtsteden" in text(closed.summary)


def test_selected_value_without_results_stays_visible_and_disabled(client):
    soup = page(client, "/zoeken?q=erfgoed&theme=professionalisering&region=leiden")
    theme = facet_counts(soup, "theme")
    assert theme["professionalisering"] == (0, True, True)
    # a disabled box is not submitted, so a hidden input keeps the filter, and a link removes it
    assert soup.select_one("#facet-theme input[type=hidden][name=theme][value=professionalisering]")
    remove = soup.select_one("#facet-theme .facet-option--disabled a")
    assert remove["href"] == "/zoeken?q=erfgoed&region=leiden"


def test_long_facet_lists_show_more_behind_a_toggle(client, app):
    soup = page(client, "/zoeken")
    regions_total = len(soup.select("#facet-region input[type=checkbox]"))
    assert regions_total > 6  # the tree is not cut
    themes = soup.select("#facet-theme > ul > li")
    more = soup.select("#facet-theme details.facet-more li")
    assert len(themes) + len(more) == 5  # the fixture themes
    assert not soup.select_one("#facet-theme details.facet-more")  # short lists have no 'toon meer'


def test_toon_meer_with_many_values(client, corpus, app):
    from kennisplatform.index import update_index

    themes = ["onderwijs", "leerlijnen", "leerecosysteem", "sociaal-domein", "samenwerking", "financiering",
              "beleid", "monitoring"]
    for n, theme in enumerate(themes):
        write_document(corpus, f"extra-{n}", "artikel", f"2020-01-{n + 1:02d}", [theme], ["Delft"], {},
                       "Een extra artikel.\n")
    update_index(corpus, app.config["INDEX_DIR"])
    soup = page(client, "/zoeken?theme=monitoring")
    more = soup.select_one("#facet-theme details.facet-more")
    assert more and "Toon meer" in text(more.summary)
    visible = soup.select("#facet-theme > ul > li")
    assert len(visible) == 6
    # a selected value in the hidden part opens it
    hidden_values = [i["value"] for i in more.select("input[type=checkbox]")]
    if "monitoring" in hidden_values:
        assert more.has_attr("open")


def test_chips_remove_one_filter_and_alles_wissen_keeps_the_query(client):
    soup = page(client, "/zoeken?q=erfgoed&region=leiden&region=dordrecht&theme=erfgoed")
    chips = {text(a): a["href"] for a in soup.select(".chip")}
    assert chips == {
        "Regio: Leiden × (filter verwijderen)": "/zoeken?q=erfgoed&theme=erfgoed&region=dordrecht",
        "Regio: Dordrecht × (filter verwijderen)": "/zoeken?q=erfgoed&theme=erfgoed&region=leiden",
        "Thema: Erfgoed × (filter verwijderen)": "/zoeken?q=erfgoed&region=leiden&region=dordrecht",
    }
    assert soup.select_one(".chips__clear")["href"] == "/zoeken?q=erfgoed"


def test_facet_form_carries_query_and_sort_but_not_the_page(client):
    soup = page(client, "/zoeken?q=erfgoed&sort=newest&page=2&per_page=1")
    form = soup.select_one("form.facet-form")
    assert form["action"] == "/zoeken" and form["method"] == "get"
    hidden = {(i["name"], i["value"]) for i in form.select("input[type=hidden]")}
    assert hidden == {("q", "erfgoed"), ("sort", "newest"), ("per_page", "1")}
    search_form = soup.select_one("main form[role=search]")
    assert {(i["name"], i["value"]) for i in search_form.select("input[type=hidden]")} == \
        {("sort", "newest"), ("per_page", "1")}


def test_sort_options_and_order(client):
    soup = page(client, "/zoeken?q=erfgoed&sort=oldest")
    sorts = {text(a): (a["href"], a.get("aria-current")) for a in soup.select(".sort a")}
    assert sorts == {"relevantie": ("/zoeken?q=erfgoed", None), "nieuwste": ("/zoeken?q=erfgoed&sort=newest", None),
                     "oudste": ("/zoeken?q=erfgoed&sort=oldest", "true")}
    # without a query nothing is ranked: the list is newest first, and says so
    soup = page(client, "/zoeken")
    sorts = {text(a): (a["href"], a.get("aria-current")) for a in soup.select(".sort a")}
    assert sorts == {"nieuwste": ("/zoeken?sort=newest", "true"), "oudste": ("/zoeken?sort=oldest", None)}
    soup = page(client, "/zoeken?sort=oldest")
    dates = [t["datetime"] for t in soup.select(".hit time")]
    assert dates == sorted(dates)
    newest = [t["datetime"] for t in page(client, "/zoeken?sort=nieuwste").select(".hit time")]
    assert newest == sorted(newest, reverse=True)


def test_numbered_pages(client):
    soup = page(client, "/zoeken?per_page=2&page=2")
    assert text(soup.select_one("#resultaten-kop")) == "6 resultaten"
    links = [(text(a), a["href"], a.get("aria-current")) for a in soup.select(".pagination a")]
    assert links == [
        ("‹ Vorige pagina", "/zoeken?per_page=2", None),
        ("Pagina 1", "/zoeken?per_page=2", None),
        ("Pagina 2", "/zoeken?per_page=2&page=2", "page"),
        ("Pagina 3", "/zoeken?per_page=2&page=3", None),
        ("Volgende pagina ›", "/zoeken?per_page=2&page=3", None),
    ]
    assert soup.select_one(".hits")["start"] == "3"
    assert text(soup.select_one(".results-range")) == "3–4 van 6"
    assert soup.find("link", rel="next")["href"] == "/zoeken?per_page=2&page=3"


def test_pagination_window_with_gaps():
    from kennisplatform.views.search import _pagination

    links = _pagination(10, 20, lambda n: f"/p{n}")
    assert [link.number for link in links] == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert [link.number for link in _pagination(3, 20, str)] == [1, 2, 3, 4, 5, None, 20]
    assert [link.number for link in _pagination(1, 7, str)] == [1, 2, 3, None, 7]
    assert [link.number for link in _pagination(4, 7, str)] == [1, 2, 3, 4, 5, 6, 7]
    assert _pagination(1, 1, str) == []


def test_page_beyond_the_last_says_so(client):
    soup = page(client, "/zoeken?page=50")
    zero = text(soup.select_one(".zero"))
    assert "Pagina 50 bestaat niet" in zero
    assert soup.select_one(".zero a")["href"] == "/zoeken"


def test_zero_results_explains_relaxation_suggestion_and_filter_drops(client):
    soup = page(client, "/zoeken?q=erfgoed&region=den-haag")
    assert text(soup.select_one("#resultaten-kop")) == "Geen resultaten voor ‘erfgoed’"
    drops = {flat(li): li.a["href"] for li in soup.select(".zero__drops li")}
    assert drops == {"Zonder regio ‘Den Haag’: 2 resultaten": "/zoeken?q=erfgoed"}
    soup = page(client, "/zoeken?q=erfgod")
    notice = text(soup.select_one(".notice"))
    assert "erfgod" in notice and "erfgoed" in notice
    assert hit_titles(soup)  # the corrected query's results are shown


def test_a_corrected_query_says_how_on_the_page_and_in_the_json_alike(client):
    soup = page(client, "/zoeken?q=erfgoet+OR+films")
    assert text(soup.select_one("#resultaten-kop")) == "2 resultaten voor ‘erfgoed OR films’"
    message = "Resultaten voor ‘erfgoed OR films’; u zocht op ‘erfgoet OR films’."
    assert text(soup.select_one(".notice--info")) == f"{message} Zoek toch op ‘erfgoet OR films’"
    data = client.get("/zoeken.json?q=erfgoet+OR+films").get_json()
    assert data["relaxation"] == {"kind": "corrected", "original": "erfgoet OR films", "used": "erfgoed OR films",
                                  "message": message, "shown": "erfgoed OR films"}
    assert data["total"] == 2 == len(hit_titles(soup))


def test_a_query_with_a_word_found_nowhere_names_it_and_not_the_search_syntax(client):
    # As a shop says "Ontbreekt: ruimtevaart", not "results for erfgoed OR ruimtevaart".
    soup = page(client, "/zoeken?q=erfgoed+ruimtevaart")
    assert text(soup.select_one("#resultaten-kop")).endswith("voor ‘erfgoed ruimtevaart’")
    message = ("Geen resultaten met alle woorden van ‘erfgoed ruimtevaart’: niets gevonden voor ‘ruimtevaart’. "
               "Hieronder de resultaten voor ‘erfgoed’.")
    assert text(soup.select_one(".notice--info")) == message
    data = client.get("/zoeken.json?q=erfgoed+ruimtevaart").get_json()
    assert data["relaxation"] == {"kind": "any-words", "original": "erfgoed ruimtevaart",
                                  "used": "erfgoed OR ruimtevaart", "message": message,
                                  "shown": "erfgoed ruimtevaart"}


def test_a_phrase_no_document_has_says_so_on_the_page_and_in_the_json_alike(client):
    soup = page(client, "/zoeken?q=%22wijk+erfgoed%22")
    assert text(soup.select_one("#resultaten-kop")).endswith("voor ‘wijk erfgoed’")
    message = 'Geen resultaten voor de woordgroep "wijk erfgoed"; wel met de woorden ervan los van elkaar.'
    assert text(soup.select_one(".notice--info")) == message
    assert soup.select_one("input[name=q]")["value"] == '"wijk erfgoed"'  # the search box keeps what was typed
    data = client.get("/zoeken.json?q=%22wijk+erfgoed%22").get_json()
    assert data["relaxation"] == {"kind": "phrase", "original": '"wijk erfgoed"', "used": "wijk erfgoed",
                                  "message": message, "shown": "wijk erfgoed"}
    assert data["total"] == len(hit_titles(soup)) > 0


def test_a_corrected_query_can_be_searched_as_typed(client):
    soup = page(client, "/zoeken?q=erfgoet+OR+films&region=zuid-holland")
    as_typed = soup.select_one(".notice--info a")["href"]
    assert as_typed == "/zoeken?q=erfgoet+OR+films&region=zuid-holland&exact=1"
    api = client.get("/api/v1/search?q=erfgoet+OR+films&region=zuid-holland").get_json()
    assert api["links"]["as_typed"].endswith("/api/v1/search?q=erfgoet+OR+films&region=zuid-holland&exact=1")
    soup = page(client, as_typed)
    # Only "films" is found as typed, and nothing says the query was changed.
    assert text(soup.select_one("#resultaten-kop")).endswith("voor ‘erfgoet OR films’")
    assert soup.select_one(".notice--info") is None
    # The correction is still offered, to search again without "as typed".
    assert soup.select_one(".notice--suggest a")["href"] == "/zoeken?q=erfgoed+OR+films&region=zuid-holland"
    assert client.get("/api/v1/search?q=erfgoet+OR+films&exact=1").get_json()["links"]["as_typed"] is None
    # The facet form keeps "as typed" for this query; a new query in the search box is corrected again.
    assert ("exact", "1") in {(i["name"], i["value"]) for i in soup.select(".facet-form input[type=hidden]")}
    assert not soup.select("form[role=search] input[name=exact]")


def test_did_you_mean_links_to_the_suggested_query(client, app, monkeypatch):
    from kennisplatform.results import Suggestion
    from kennisplatform.services import services

    with app.app_context():
        engine = services().engine
    original = engine.search

    def with_suggestion(params, **kw):
        result = original(params, **kw)
        result.suggestion = Suggestion("erfgoed", 2)
        return result

    monkeypatch.setattr(engine, "search", with_suggestion)
    soup = page(client, "/zoeken?q=erfgoet&theme=erfgoed")
    suggestion = soup.select_one(".notice--suggest")
    assert flat(suggestion) == "Bedoelde u erfgoed? (2 resultaten)"
    assert suggestion.a["href"] == "/zoeken?q=erfgoed&theme=erfgoed"


def test_json_twin_is_the_same_result(client):
    url = "/zoeken?q=erfgoed&region=zuid-holland&sort=newest"
    soup = page(client, url)
    alternate = soup.find("link", rel="alternate", type="application/json")["href"]
    assert alternate == "/zoeken.json?q=erfgoed&region=zuid-holland&sort=newest"
    data = client.get(alternate).get_json()
    assert data["total"] == 2 and data["query"]["sort"] == "newest"
    assert [h["title"] for h in data["hits"]] == hit_titles(soup)
    assert data["links"]["html"] == url
    counts = {b["value"]: b["count"] for b in data["facets"]["theme"]}
    assert {v: c for v, (c, _, _) in facet_counts(soup, "theme").items()} == counts


# -- browsing -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind, type_id, heading, titles", [
    ("voorbeeldprojecten", "voorbeeldproject", "Voorbeeldprojecten", ["Erfgoed leiden", "Erfgoed dordrecht"]),
    ("verslagen", "verslag", "Verslagen", ["Vlaardingen 2023", "Lange bijeenkomst in Gouda",
                                           "Netwerk haaglanden"]),
    ("artikelen", "artikel", "Artikelsamenvattingen", ["Deskundigheid landelijk"]),
])
def test_browse_pages_preset_the_type(client, kind, type_id, heading, titles):
    soup = page(client, f"/{kind}")
    assert text(soup.h1) == heading
    assert hit_titles(soup) == titles  # newest first
    assert not soup.select("#facet-type")  # the preset facet is not offered
    assert text(soup.select_one(".hit__snippet")).startswith("Samenvatting van")  # no query: the summary
    assert soup.select_one("form.facet-form")["action"] == f"/{kind}"
    assert soup.select_one(f".site-nav a[href='/{kind}']")["aria-current"] == "page"
    # a type in the URL does not override the page's type
    assert hit_titles(page(client, f"/{kind}?type=artikel&type=verslag")) == titles
    oldest = page(client, f"/{kind}?sort=oldest")
    assert hit_titles(oldest) == list(reversed(titles))
    if len(titles) > 1:  # one result: nothing to sort
        assert oldest.select_one(".sort a[aria-current]")["href"] == f"/{kind}?sort=oldest"
    data = client.get(f"/{kind}.json").get_json()
    assert {h["type"] for h in data["hits"]} == {type_id}
    assert soup.find("link", rel="alternate", type="application/json")["href"] == f"/{kind}.json"


def test_browse_page_with_query_and_facets(client):
    soup = page(client, "/verslagen?q=muziekonderwijs&region=leiden")
    assert hit_titles(soup) == ["Netwerk haaglanden"]
    assert {text(a) for a in soup.select(".chip")} == {"Regio: Leiden × (filter verwijderen)"}
    assert soup.select_one(".chips__clear")["href"] == "/verslagen?q=muziekonderwijs"


# -- documents -------------------------------------------------------------------------------------------
def test_document_page_renders_markdown_metadata_toc_and_similar(client):
    soup = page(client, "/document/lange-bijeenkomst-gouda")
    assert text(soup.h1) == "Lange bijeenkomst in Gouda"
    assert [text(li) for li in soup.select(".breadcrumbs li")] == ["Home", "Verslagen", "Lange bijeenkomst in Gouda"]
    assert soup.select_one(".breadcrumbs a[href='/verslagen']")
    toc = [(a["href"], text(a)) for a in soup.select(".toc a")]
    assert ("#sectie-opening", "Opening") in toc and ("#sectie-muziek", "Muziek") in toc
    assert soup.find(id="sectie-opening").name == "h3"  # body '#' became h2, '##' h3
    headings = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:])), headings
    rows = [text(row.dt) for row in soup.select(".meta__row")]
    assert rows == ["Soort", "Datum", "Thema's", "Regio's", "Disciplines", "Doelgroep", "Organisaties",
                    "Publicatie", "Auteurs", "Bron"]  # no "Laatst gewijzigd": the history only adopted it
    links = {text(a): a["href"] for row in soup.select(".meta__row") for a in row.select("a")}
    assert links["Verslag"] == "/verslagen"
    assert links["4 maart 2022"] == "/zoeken?year=2022"
    assert links["Kennisdeling"] == "/zoeken?theme=kennisdeling"
    assert links["Gouda"] == "/regio/gouda"  # the place's own page, once
    assert links["Muziek"] == "/zoeken?discipline=muziek"
    assert links["Primair onderwijs"] == "/zoeken?audience=po"
    source = soup.select_one(".meta a[rel~=external]")
    # the site as the listing names it (results.site_of), the address itself behind it
    assert source["href"] == "https://www.kunstgebouw.nl/verslag" and text(source) == "kunstgebouw.nl (externe website)"
    assert "Kunstgebouw" in text(soup.select_one(".meta")) and "B. Schrijver" in text(soup.select_one(".meta"))
    similar = [a["href"] for a in soup.select(".similar a")]
    assert similar and all(h.startswith("/document/") for h in similar)
    assert "/document/lange-bijeenkomst-gouda" not in similar
    assert 1 <= len(similar) <= 5


def test_document_body_is_sanitised(client):
    body = client.get("/document/lange-bijeenkomst-gouda").get_data(as_text=True)
    prose = BeautifulSoup(body, "html.parser").select_one(".prose")
    assert not prose.find_all(["script", "img", "iframe", "style"])
    for tag in prose.find_all(True):
        assert not any(name.startswith("on") for name in tag.attrs), tag
        assert not tag.get("href", "").lower().startswith("javascript:")
    assert "alert" not in str(prose.find_all("a"))
    assert prose.find("a", href="https://www.cultuurparticipatie.nl/")["rel"] == ["noopener", "noreferrer", "nofollow"]


def test_short_document_has_no_toc(client):
    soup = page(client, "/document/erfgoed-leiden")
    assert not soup.select(".toc")
    assert [text(li) for li in soup.select(".breadcrumbs li")] == ["Home", "Voorbeeldprojecten", "Erfgoed leiden"]


def test_document_of_a_deleted_file_is_404(client, corpus):
    (corpus / "voorbeeldprojecten" / "erfgoed-leiden.md").unlink()
    soup = page(client, "/document/erfgoed-leiden", 404)
    assert "bestaat niet" in text(soup.main)


@pytest.mark.parametrize("url", ["/document/onbekend", "/document/", "/document/a%2Fb", "/bestaat-niet",
                                 "/zoeken/extra", "/static/nope.css"])
def test_unknown_addresses_get_a_dutch_404(client, url):
    soup = page(client, url, 404)
    assert text(soup.h1) == "Pagina niet gevonden"
    assert soup.title.string.startswith("Pagina niet gevonden")


def test_wrong_method_gets_a_dutch_405(client):
    response = client.post("/zoeken")
    assert response.status_code == 405
    assert "Methode niet toegestaan" in response.get_data(as_text=True)
    assert "GET" in response.headers["Allow"]



def test_a_client_error_without_a_page_of_its_own_does_not_blame_the_site(corpus, index_dir):
    """A 4xx without its own text (a Range past a file's end: 416) said 'Er ging iets mis ... een fout aan
    onze kant', the 500 page's words."""
    from flask import abort

    app = build_app(corpus, index_dir)
    app.add_url_rule("/fout/<int:code>", view_func=lambda code: abort(code))
    client = app.test_client()
    for response in (client.get("/static/css/site.css", headers={"Range": "bytes=99999999-"}),
                     client.get("/fout/411"), client.get("/fout/418")):
        assert response.status_code in (416, 411, 418)
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        assert "aan onze kant" not in text(soup.main) and text(soup.h1) != "Er ging iets mis", response.status


def test_unexpected_error_gets_a_dutch_500(corpus, index_dir):
    app = build_app(corpus, index_dir, PROPAGATE_EXCEPTIONS=False)

    def boom():
        raise RuntimeError("kapot")

    app.add_url_rule("/kapot", view_func=boom)
    response = app.test_client().get("/kapot")
    assert response.status_code == 500
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert text(soup.h1) == "Er ging iets mis" and "kapot" not in text(soup.main)
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_api_errors_stay_problem_json(client):
    """Errors before a view runs under /api/ are answered by the API, not with an HTML page."""
    response = client.post("/api/v1/search")
    assert response.status_code == 405
    assert response.mimetype in ("application/problem+json", "application/json")


def test_pages_see_index_changes_made_elsewhere(client, corpus, app):
    """Another process (the CLI, an editor) updates the index: the next request sees it."""
    from kennisplatform.index import update_index

    assert client.get("/zoeken.json?q=zeppelinfabriek").get_json()["total"] == 0
    write_document(corpus, "zeppelin", "verslag", "2024-05-01", ["erfgoed"], ["Gouda"], {},
                   "Een bezoek aan de zeppelinfabriek.\n", title="Bezoek aan de zeppelinfabriek")
    update_index(corpus, app.config["INDEX_DIR"])
    assert client.get("/zoeken.json?q=zeppelinfabriek").get_json()["total"] == 1
    assert "Bezoek aan de zeppelinfabriek" in text(page(client, "/document/zeppelin").h1)
    (corpus / "verslagen" / "zeppelin.md").unlink()
    update_index(corpus, app.config["INDEX_DIR"])
    assert client.get("/document/zeppelin").status_code == 404


def test_a_zero_result_search_is_counted_in_the_search_log_without_the_searcher(tmp_path):
    """The search page logs query text, filters and minute, and nothing that identifies the searcher."""
    from kennisplatform import searchlog

    app = build_app(fixture_corpus(tmp_path), tmp_path / "index", INSTANCE_PATH=str(tmp_path / "instance"))
    client = app.test_client()
    for _ in range(2):
        client.get("/zoeken?q=zeilwedstrijd", headers={"User-Agent": "Geheim/1.0"},
                   environ_base={"REMOTE_ADDR": "203.0.113.7"})
    client.get("/zoeken?q=erfgoed")
    report = searchlog.report(app.instance_path)
    assert [(m.query, m.count) for m in report.missing] == [("zeilwedstrijd", 2)]
    logged = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "instance").rglob("*")
                     if p.is_file() and p.name != "secret_key")
    assert "zeilwedstrijd" in logged
    assert "203.0.113.7" not in logged and "Geheim" not in logged


def test_every_page_links_editors_to_the_login(client):
    footer = page(client, "/").find("footer")
    assert footer.find("a", string="Inloggen voor redacteuren")["href"] == "/inloggen"


@pytest.mark.parametrize("iso, short, long", [("2024-03-14", "14 mrt. 2024", "14 maart 2024"),
                                              ("2023-06-22", "22 juni 2023", "22 juni 2023"),
                                              ("2021-09-01", "1 sep. 2021", "1 september 2021")])
def test_dates_use_the_dutch_month_abbreviations(iso, short, long):
    from kennisplatform.views.search import format_date

    assert (format_date(iso, short=True), format_date(iso)) == (short, long)


def test_a_summary_that_only_repeats_the_title_is_not_shown_as_its_lede(tmp_path):
    """Many web pages have a description equal to their title; the page showed it twice, one under the other."""
    corpus = fixture_corpus(tmp_path)
    write_document(corpus, "cultuursafari-dordrecht", "artikel", None, ["erfgoed"], ["Dordrecht"],
                   {"summary": "Cultuursafari in Dordrecht"}, "Alle leerlingen gingen op safari.\n",
                   title="Cultuursafari in Dordrecht")
    client = build_app(corpus, tmp_path / "index").test_client()
    soup = BeautifulSoup(client.get("/document/cultuursafari-dordrecht").data, "html.parser")
    assert soup.h1.get_text(strip=True) == "Cultuursafari in Dordrecht"
    assert soup.select_one(".doc__summary") is None
    assert BeautifulSoup(client.get("/document/erfgoed-leiden").data, "html.parser").select_one(".doc__summary")
