"""The map of Zuid-Holland and the timeline: shapes match the taxonomy, shades and legend, links that are the
facet's own toggles, and what the search, home and place pages draw."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kennisplatform.placemap import (SHADES, build_place_map, load_map, province_municipalities, shade_bounds,
                                     shade_of, unmatched)
from kennisplatform.params import UNKNOWN_YEAR
from kennisplatform.results import Facet, FacetBucket
from kennisplatform.taxonomy import load_taxonomy
from kennisplatform import timeline as timeline_module
from kennisplatform.timeline import build_timeline

REPO = Path(__file__).resolve().parent.parent
TAXONOMY = REPO / "corpus" / "taxonomy.yaml"
CSS = REPO / "kennisplatform" / "static" / "css" / "site.css"


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy(TAXONOMY)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.data, "html.parser")


# -- shapes and taxonomy -----------------------------------------------------------------------------------
def test_every_municipality_of_zuid_holland_has_a_shape_and_every_shape_a_municipality(tax):
    without_shape, without_municipality = unmatched(load_map(), tax)
    assert without_shape == []
    assert without_municipality == []
    assert len(province_municipalities(tax)) == len(load_map().shapes) == 50


def test_regions_on_the_map_are_the_taxonomys_regions(tax):
    data = load_map()
    for region in data.regions:
        members = {t.code for t in province_municipalities(tax) if t.parent == region.id}
        assert set(region.members) == members, region.id
        assert region.outline.startswith("M") and region.name in tax.label("region", region.id)


def test_paths_are_valid_svg_path_data():
    number = r"-?\d+"
    move = rf"M{number} {number}l(?:{number}[ -]?{number}[ -]?)+z?"
    for shape in load_map().shapes:
        assert re.fullmatch(rf"(?:{move})+", shape.path.replace(" -", "-").replace(" ", " ")), shape.code
    assert re.fullmatch(r"(?:M-?\d+ -?\d+l[-\d ]+)+", load_map().borders)


def test_neighbours_share_a_border_both_ways():
    data = load_map()
    dordrecht = data.shape("GM0505")
    assert {"GM0590", "GM0642", "GM0610", "GM1963"} <= set(dordrecht.neighbours)  # Papendrecht, Zwijndrecht, ...
    for shape in data.shapes:
        for code in shape.neighbours:
            assert shape.code in data.shape(code).neighbours


# -- shades and legend -------------------------------------------------------------------------------------
@pytest.mark.parametrize("highest", [1, 2, 6, 7, 20, 100, 5000])
def test_shades_grow_with_the_count_and_the_legend_covers_every_count(highest, tax):
    bounds = shade_bounds(highest)
    shades = [shade_of(n, bounds) for n in range(0, highest + 1)]
    assert shades[0] == 0 and shades[-1] == SHADES
    assert shades == sorted(shades) and all(1 <= s <= SHADES for s in shades[1:])
    legend = build_place_map(tax, {"rotterdam": highest}, set(), str).legend
    covered = []
    for step in legend[1:]:
        low, _, high = step.label.partition("–")
        covered += list(range(int(low), int(high or low) + 1))
    assert covered == list(range(1, highest + 1))
    assert [s.shade for s in legend] == sorted({shade_of(n, bounds) for n in range(0, highest + 1)})


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_shade_keeps_aa_contrast_against_the_borders():
    css = CSS.read_text(encoding="utf-8")
    ink = re.search(r"--ink:\s*(#[0-9a-f]{6})", css).group(1)
    shades = dict(re.findall(r"\.shade-(\d) \{ fill: (#[0-9a-f]{6});", css))
    assert sorted(shades) == [str(n) for n in range(SHADES + 1)]
    for number, colour in shades.items():
        assert _contrast(colour, ink) >= 3.0, (number, colour)  # WCAG 1.4.11: non-text contrast
    lightness = [_luminance(shades[str(n)]) for n in range(1, SHADES + 1)]
    assert lightness == sorted(lightness, reverse=True)  # sequential: more documents, darker


# -- the map on pages --------------------------------------------------------------------------------------
def _areas(soup) -> dict[str, dict]:
    found = {}
    for link in soup.select(".place-map a.place-map__link"):
        found[link["aria-label"].split(":")[0]] = {"href": link["href"], "name": link["aria-label"],
                                                  "shade": link.path["class"][0]}
    return found


def test_search_page_map_links_are_the_region_facets_own_toggles(read_only_client):
    soup = page(read_only_client, "/zoeken?q=erfgoed&region=leiden")
    areas = _areas(soup)
    assert areas["Leiden"]["name"] == "Leiden: 1 document (gekozen)"
    assert areas["Dordrecht"]["name"] == "Dordrecht: 1 document"
    for label in soup.select("#facet-region .facet-option--gemeente label"):  # the same counts as the list
        name = label.select_one(".facet-option__label").get_text()
        count = int(re.search(r"\d+", label.select_one(".count").get_text()).group())
        assert areas[name]["name"].startswith(f"{name}: {count} document")
    # The facet list's toggle address of a value is what its "wissen"/chip or the next page shows; compare
    # with the address the page builds for the same toggle (the chip removes Leiden).
    assert areas["Leiden"]["href"] == soup.select_one(".chip")["href"] == "/zoeken?q=erfgoed"
    assert areas["Dordrecht"]["href"] == "/zoeken?q=erfgoed&region=leiden&region=dordrecht"
    # places without documents are drawn, but are no links; no style attributes anywhere (CSP)
    assert "Gouda" not in areas and len(soup.select(".place-map svg path[aria-hidden=true]")) > 40
    assert not soup.select(".place-map [style]")
    assert [li.get_text() for li in soup.select(".place-map .legend li")][0] == "0"


def test_map_on_home_and_place_pages(read_only_client):
    home = page(read_only_client, "/")
    assert _areas(home)["Leiden"]["href"] == "/zoeken?region=leiden"
    place = page(read_only_client, "/regio/leiden")
    areas = _areas(place)
    assert areas["Leiden"]["href"] == "/regio/leiden" and areas["Gouda"]["href"] == "/regio/gouda"
    svg = place.select_one(".place-map svg")
    assert svg["viewbox"] != "0 0 {} {}".format(load_map().width, load_map().height)  # centred on Leiden
    labels = [t.get_text() for t in place.select(".place-map__labels text")]
    assert labels[0] == "Leiden" and "Katwijk" in labels  # the place first, then neighbours that fit
    assert place.select_one(".place-map__highlight")


def test_places_outside_zuid_holland_stay_in_the_list(read_only_client):
    soup = page(read_only_client, "/zoeken")
    assert soup.select_one("#f-region-nederland") is not None
    assert page(read_only_client, "/regio/nederland").select_one(".place-map") is None


def test_region_facet_values_link_to_their_place_page_beside_the_box(read_only_client):
    soup = page(read_only_client, "/zoeken?region=leiden")
    option = soup.select_one("#f-region-leiden").parent
    assert option.select_one("a.facet-option__place")["href"] == "/regio/leiden"
    hit_place = soup.select_one(".hit__tags a.tag-place")
    assert hit_place["href"].startswith("/regio/")


def test_pictures_add_at_most_60_kb_gzip_to_the_search_page(read_only_client):
    soup = page(read_only_client, "/zoeken?q=erfgoed&region=leiden")
    pictures = "".join(str(f) for f in soup.select("figure.place-map, figure.timeline"))
    assert len(gzip.compress(pictures.encode("utf-8"))) <= 60_000


# -- timeline ----------------------------------------------------------------------------------------------
def _year_facet(*buckets):
    return Facet("year", "Jaar", [FacetBucket(*b) for b in buckets])


def test_timeline_bars_per_year_with_periods_under_them_and_unknown_dates_last():
    facet = _year_facet(("2017-2020", "CMK 2017–2020", 3, False, "periode"), ("2019", "2019", 2, False, "jaar"),
                        ("2018", "2018", 1, False, "jaar"), (UNKNOWN_YEAR, "Datum onbekend", 4, False, "jaar"))
    timeline = build_timeline(facet, lambda value: f"/zoeken?year={value}")
    years = [b.value for b in timeline.bars if not b.unknown]
    assert years == ["2017", "2018", "2019", "2020"]  # widened to the whole period, gaps drawn
    assert timeline.bars[-1].unknown and timeline.bars[-1].name == "Datum onbekend: 4 documenten"
    assert timeline.bars[-1].x > timeline.bars[-2].x + timeline.bars[-2].width
    by_year = {b.value: b for b in timeline.bars}
    assert by_year["2019"].url == "/zoeken?year=2019" and by_year["2017"].url is None  # nothing there
    assert by_year["2019"].height > by_year["2018"].height
    assert [(p.value, p.url, p.label) for p in timeline.periods] == [("2017-2020", "/zoeken?year=2017-2020",
                                                                     "2017–2020")]


def test_a_selected_period_marks_its_years():
    facet = _year_facet(("2021-2024", "CMK 2021–2024", 2, True, "periode"), ("2022", "2022", 2, False, "jaar"),
                        ("2015", "2015", 1, False, "jaar"))
    timeline = build_timeline(facet, str)
    selected = [b.value for b in timeline.bars if b.selected]
    assert selected == ["2021", "2022", "2023", "2024"]
    assert [p.value for p in timeline.periods if p.selected] == ["2021-2024"]


def test_year_labels_are_thinned_where_the_bars_are_too_narrow_for_each_to_have_one():
    # Seen with imported pages: one page from 1992 beside 2013-2026 drew 35 labels that ran together.
    recent = [(str(y), str(y), 2, False, "jaar") for y in range(2013, 2027)]
    wide = _year_facet(("1992", "1992", 1, False, "jaar"), *recent, (UNKNOWN_YEAR, "Datum onbekend", 9, False, "jaar"))
    timeline = build_timeline(wide, str)
    labelled = [b for b in timeline.bars if b.label]
    assert [b.label for b in labelled] == ["’95", "’00", "’05", "’10", "’15", "’20", "’25", "?"]
    assert all(b.x - a.x >= timeline_module.YEAR_LABEL_SPACING for a, b in zip(labelled, labelled[1:]))
    assert len(timeline.bars) == 2026 - 1992 + 2 and timeline.bars[0].name == "1992: 1 document"
    # a usual span keeps a label under every year
    usual = build_timeline(_year_facet(*[(str(y), str(y), 1, False, "jaar") for y in range(2013, 2027)]), str)
    assert all(b.label for b in usual.bars)


def test_no_timeline_without_dated_documents():
    assert build_timeline(_year_facet(), str) is None


def test_search_page_timeline_links_are_the_year_facets_toggles(read_only_client):
    soup = page(read_only_client, "/zoeken?q=erfgoed&year=2021-2024")
    bars = {a["aria-label"].split(":")[0]: a["href"] for a in soup.select(".timeline a.timeline__link")}
    assert bars["2019"] == "/zoeken?q=erfgoed&year=2021-2024&year=2019"
    assert bars["CMK-periode 2021–2024"] == "/zoeken?q=erfgoed"  # the selected period toggles off
    assert soup.select_one("#f-year-2021-2024").has_attr("checked")
    assert not soup.select(".timeline [style]")


def test_undated_documents_get_their_own_bar_that_filters_like_the_facet(tmp_path):
    from conftest import build_app, fixture_corpus, write_document

    corpus = fixture_corpus(tmp_path)
    write_document(corpus, "zonder-datum", "verslag", None, ["erfgoed"], ["Gouda"], {}, "Over erfgoed in Gouda.\n")
    client = build_app(corpus, tmp_path / "index").test_client()
    soup = page(client, "/zoeken")
    bars = {a["aria-label"]: a["href"] for a in soup.select(".timeline a.timeline__link")}
    assert bars["Datum onbekend: 1 document"] == "/zoeken?year=onbekend"
    years = [name for name in bars if not name.startswith("CMK-periode")]
    assert years[-1].startswith("Datum onbekend")  # after every year
    chosen = page(client, "/zoeken?year=onbekend")
    assert [a.get_text() for a in chosen.select(".hit__title a")] == ["Zonder datum"]
    assert chosen.select_one("#f-year-onbekend").has_attr("checked")
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert "<url><loc>http://localhost/document/zonder-datum</loc></url>" in sitemap  # no lastmod: none known
    ld = page(client, "/document/zonder-datum").select_one('script[type="application/ld+json"]').string
    assert "datePublished" not in ld and "Erfgoed" in ld


def test_many_undated_documents_do_not_flatten_the_years():
    """Real content: 101 undated documents beside years of 1 to 14. The years keep their own scale; the '?'
    bar is cut at full height and the caption gives its count."""
    from kennisplatform.timeline import BARS_HEIGHT

    facet = _year_facet(("2022", "2022", 14, False, "jaar"), ("2019", "2019", 7, False, "jaar"),
                        (UNKNOWN_YEAR, "Datum onbekend", 101, False, "jaar"))
    timeline = build_timeline(facet, str)
    by_year = {b.value: b for b in timeline.bars}
    assert by_year["2022"].height == BARS_HEIGHT and by_year["2019"].height == BARS_HEIGHT / 2
    assert timeline.unknown.height == BARS_HEIGHT and timeline.unknown.name == "Datum onbekend: 101 documenten"
    assert timeline.highest == 14


def test_period_labels_fit_their_bands_on_a_long_timeline():
    """From 2010 to 2026 with a '?' bar the bands are about 67 units wide: too narrow for '2013–2016' in its
    font, so the short form is used."""
    from kennisplatform.timeline import FULL_LABEL_WIDTH, SHORT_LABEL_WIDTH

    facet = _year_facet(*[(str(y), str(y), 1, False, "jaar") for y in range(2010, 2027)],
                        (UNKNOWN_YEAR, "Datum onbekend", 5, False, "jaar"))
    periods = build_timeline(facet, str).periods
    assert periods and all(p.label == "" or (p.width >= FULL_LABEL_WIDTH) == (not p.short) for p in periods)
    assert [p.label for p in periods if p.value == "2013-2016"] == ["’13–’16"]
    # The current period, of which two years have come (three or four in a later year), is named by its start
    # rather than left blank.
    current = [p for p in periods if p.value == "2025-2028"]
    assert current and current[0].label == ("’25–" if current[0].width < SHORT_LABEL_WIDTH else "’25–’28")


def test_the_search_page_caption_counts_the_undated_documents(tmp_path):
    from conftest import build_app, fixture_corpus, write_document

    corpus = fixture_corpus(tmp_path)
    write_document(corpus, "zonder-datum", "verslag", None, ["erfgoed"], ["Gouda"], {}, "Over erfgoed in Gouda.\n")
    soup = page(build_app(corpus, tmp_path / "index").test_client(), "/zoeken")
    assert "‘?’ is datum onbekend (1)" in soup.select_one(".timeline__caption").get_text()
