"""The map and the timeline in a real Chromium: a shape and a checkbox (a bar and the year facet) for the same
value give the same page, with and without JavaScript; axe-core finds nothing on the new pages; the map fits a
phone; screenshots for people to look at (tests/screenshots/, ignored by git)."""
from __future__ import annotations

import os
import re

import pytest

from browser_support import CHROMIUM, SCREENSHOTS, axe_results, set_facet_box

assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: apt-get install chromium"

SEARCH_TWO_PLACES = "/zoeken?q=erfgoed&region=leiden&region=dordrecht"
TIMELINE_PERIOD = "/zoeken?year=2021-2024"
PLACE = "/regio/drechtsteden"



@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def tab(request, browser):
    context = browser.new_context(java_script_enabled=request.param, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.js = request.param
    yield page
    context.close()
    assert not errors, errors  # a CSP violation (style attribute, inline script) would show up here


def state(page) -> dict:
    """What a person sees: the address, the total, the hits, every facet count, the map and the timeline."""
    counts = {}
    for label in page.locator(".facet-option label").all():
        counts[label.get_attribute("for")] = label.locator(".count").text_content()
    return {
        "url": page.url,
        "total": page.locator("#resultaten-kop").inner_text(),
        "hits": [a.get_attribute("href") for a in page.locator(".hit__title a").all()],
        "counts": counts,
        "checked": sorted(b.get_attribute("id") for b in page.locator(".facet-option input:checked").all()),
        "map": [a.get_attribute("aria-label") for a in page.locator(".place-map__link").all()],
        "timeline": [a.get_attribute("aria-label") for a in page.locator(".timeline__link").all()],
    }


def follow(page, selector: str) -> None:
    """Activate an SVG link from the keyboard, as a person can (a click lands on whatever lies under the
    middle of a shape's box, which for a concave municipality may be its neighbour)."""
    link = page.locator(selector)
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tick(page, box_id: str) -> None:
    set_facet_box(page, box_id, page.js)


def by_link_and_by_box(tab, url: str, link: str, box_id: str) -> tuple[dict, dict]:
    """What a person sees after following the link (a shape, a bar) and after ticking the box instead."""
    tab.goto(url)
    follow(tab, link)
    by_link = state(tab)
    tab.goto(url)
    tick(tab, box_id)
    return by_link, state(tab)


def test_a_shape_and_its_checkbox_give_the_same_result_and_counts(live, tab):
    by_map, by_box = by_link_and_by_box(tab, live + "/zoeken?q=erfgoed&region=leiden",
                                        ".place-map__link[aria-label^='Dordrecht:']", "f-region-dordrecht")
    assert by_map == by_box
    assert by_map["checked"] == ["f-region-dordrecht", "f-region-leiden"]
    assert any(name.startswith("Dordrecht:") and name.endswith("(gekozen)") for name in by_map["map"])
    # and off again: the selected shape toggles the filter away
    follow(tab, ".place-map__link[aria-label^='Dordrecht:']")
    assert "region=dordrecht" not in tab.url and "region=leiden" in tab.url


def test_a_timeline_bar_and_the_year_facet_give_the_same_result_and_counts(live, tab):
    by_bar, by_box = by_link_and_by_box(tab, live + "/zoeken?q=erfgoed", ".timeline__link[aria-label^='2019:']",
                                        "f-year-2019")
    assert by_bar == by_box and "year=2019" in by_bar["url"]
    total = int(re.match(r"\d+", by_bar["total"]).group())
    assert any(name == f"2019: {total} document{'en' if total != 1 else ''} (gekozen)" for name in by_bar["timeline"])


def test_a_period_label_selects_the_period(live, tab):
    tab.goto(live + "/zoeken")
    follow(tab, ".timeline__link[aria-label^='CMK-periode 2021–2024']")
    assert tab.url.endswith("/zoeken?year=2021-2024")
    assert tab.locator("#f-year-2021-2024").is_checked()
    selected = tab.locator(".timeline__bar.is-selected").count()
    assert selected == 4  # the period's four years are marked


def test_the_focused_shape_is_outlined_above_its_neighbours(live, browser):
    """Tab onto a shape: its outline is drawn again after every shape (SVG paints in document order, so the
    neighbours drawn after it covered half of its focus ring), and goes when the focus leaves the map."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live + "/zoeken?q=erfgoed")
    shape = page.locator(".place-map__link[aria-label^='Leiden:']")
    shape.focus()
    ring = page.locator(".place-map__focus")
    assert ring.get_attribute("d") == shape.locator("path").get_attribute("d")
    # drawn after the last shape, so that nothing of the map covers it
    assert page.evaluate("""() => {
        const links = document.querySelectorAll('.place-map__link');
        const ring = document.querySelector('.place-map__focus');
        return Boolean(links[links.length - 1].compareDocumentPosition(ring) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    page.locator("input[name=q]").first.focus()
    assert ring.get_attribute("d") is None
    context.close()


AXE_PAGES = {"search-two-places": SEARCH_TWO_PLACES, "timeline-period": TIMELINE_PERIOD, "place": PLACE,
             "municipality": "/regio/dordrecht", "home": "/"}


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_violations_on_map_pages(live, browser, name, width):
    # on a phone, the map and timeline inside the folded filters are checked too
    results = axe_results(browser, live + AXE_PAGES[name], width, open_filters=width < 500)
    assert results.violations_count == 0, results.generate_report()


def test_map_fits_a_375_px_phone(live, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for url in (SEARCH_TWO_PLACES, PLACE, "/"):
        page.goto(live + url)
        if page.locator(".filters__toggle").count():
            page.locator(".filters__toggle").click()
        box = page.locator(".place-map svg").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (url, box)
        assert box["width"] >= 250  # large enough to point at
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (url, overflow)
    context.close()


def test_map_screenshots(live, browser):
    """A search with two municipalities chosen on the map, a place page, the timeline with a period chosen."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, url in (("map-search", SEARCH_TWO_PLACES), ("map-place", PLACE),
                          ("map-timeline", TIMELINE_PERIOD)):
            page.goto(live + url)
            if width < 500 and page.locator(".filters__toggle").count():
                page.locator(".filters__toggle").click()
            path = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
        context.close()
