"""End to end in a real headless Chromium (Debian's, driven by Playwright): the search flow with and without
JavaScript, an axe-core accessibility scan of the main pages, and screenshots at 1280 and 375 px."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from browser_support import CHROMIUM, SCREENSHOTS, axe_results, serve, set_facet_box, write_browser_corpus

# No skipping: without Debian's chromium (apt-get install chromium; .ci/run does) these tests fail.
assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: apt-get install chromium"


class Watched:
    """A page that records console errors and CSP violations, which fail the test."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.set_default_timeout(10_000)


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def tab(request, browser):
    context = browser.new_context(java_script_enabled=request.param, viewport={"width": 1280, "height": 900},
                                  locale="nl-NL")
    watched = Watched(context)
    watched.js = request.param
    yield watched
    context.close()
    assert not watched.errors, watched.errors


def total(page) -> int:
    heading = page.locator("#resultaten-kop").inner_text()
    if heading.startswith("Geen"):
        return 0
    return int(re.match(r"([\d.]+) resulta", heading).group(1).replace(".", ""))


def shown_count(page, facet: str, value: str) -> int:
    label = page.locator(f"label[for='f-{facet}-{value}'] .count")
    return int(re.search(r"\d+", label.text_content()).group())


def hit_ids(page) -> list[str]:
    return [h.get_attribute("href").rsplit("/", 1)[1] for h in page.locator(".hit__title a").all()]


def apply_filter(tab, facet: str, value: str, check: bool = True) -> None:
    set_facet_box(tab.page, f"f-{facet}-{value}", tab.js, check)


def test_search_flow(live, tab):
    page = tab.page
    # 1. type a query
    page.goto(live + "/")
    page.get_by_label("Waar bent u naar op zoek?").fill("erfgoed")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live + "/zoeken?q=erfgoed"
    everything = total(page)
    assert everything > 20
    marks = [m.lower() for m in page.locator(".hit__snippet mark").all_inner_texts()]
    assert any(m.startswith("erfgoed") for m in marks), marks

    # 2. tick two regions and a theme: counts and results change as the sidebar said they would
    leiden, dordrecht = shown_count(page, "region", "leiden"), shown_count(page, "region", "dordrecht")
    apply_filter(tab, "region", "leiden")
    assert total(page) == leiden
    assert "region=leiden" in page.url
    assert shown_count(page, "region", "dordrecht") == dordrecht  # disjunctive: other regions keep counts
    apply_filter(tab, "region", "dordrecht")
    two_regions = total(page)
    assert two_regions == leiden + dordrecht > 10
    assert page.locator("#f-region-leiden").is_checked() and page.locator("#f-region-dordrecht").is_checked()
    for hit in page.locator(".hit").all():
        assert re.search(r"Leiden|Dordrecht", hit.locator(".tag--region").first.inner_text())
    leerlijnen = shown_count(page, "theme", "leerlijnen")
    assert 0 < leerlijnen < two_regions
    apply_filter(tab, "theme", "leerlijnen")
    assert total(page) == leerlijnen
    for hit in page.locator(".hit").all():
        assert "Doorlopende leerlijnen" in hit.locator(".hit__tags").inner_text()
    chips = page.locator(".chip")
    assert chips.count() == 3

    # 3. remove a chip
    with page.expect_navigation():
        page.locator(".chip", has_text="Doorlopende leerlijnen").click()
    assert total(page) == two_regions and page.locator(".chip").count() == 2
    assert not page.locator("#f-theme-leerlijnen").is_checked()
    first_page = hit_ids(page)
    assert len(first_page) == 10

    # 4. the next page
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Volgende")).click()
    assert "page=2" in page.url
    second_page = hit_ids(page)
    assert len(second_page) == two_regions - 10 and not set(second_page) & set(first_page)
    assert page.locator(".pagination [aria-current=page]").inner_text().endswith("2")
    page.go_back()
    assert hit_ids(page) == first_page  # the state is in the URL: back works

    # 5. open a document and follow a theme link
    page.go_forward()
    title = page.locator(".hit__title a").first.inner_text()
    with page.expect_navigation():
        page.locator(".hit__title a").first.click()
    assert page.locator("h1").inner_text() == title
    assert page.locator(".toc a").count() >= 4
    theme_link = page.locator(".meta__row", has_text="Thema").locator("a").first
    theme = theme_link.inner_text()
    with page.expect_navigation():
        theme_link.click()
    assert "/zoeken?theme=" in page.url
    assert page.locator(".chip", has_text=theme).count() == 1
    assert total(page) >= 1


def test_zero_results_offer_a_way_out(live, tab):
    page = tab.page
    page.goto(live + "/zoeken?q=erfgoed&region=leiden&audience=vo")
    assert total(page) == 0
    drops = page.locator(".zero__drops a")
    assert drops.count() >= 1
    text = drops.first.inner_text()
    with page.expect_navigation():
        drops.first.click()
    assert total(page) > 0 and text.startswith("Zonder")


def test_a_short_listing_shows_similar_pages_apart(live, tab):
    # Five documents say "iedereen"; the page lists them, then pages like them under their own heading, each a link.
    page = tab.page
    page.goto(live + "/zoeken?q=iedereen")
    found = total(page)
    assert 0 < found < 10
    assert page.locator("ol.hits .hit__title a").count() == found
    section = page.locator("section.similar-hits")
    assert section.locator("h3").inner_text() == "Vergelijkbare pagina's"
    similar = section.locator(".hit__title a")
    assert 0 < similar.count() <= 10 - found
    title = similar.first.inner_text()
    with page.expect_navigation():
        similar.first.click()
    assert page.locator("h1").inner_text() == title


def test_focus_returns_to_the_ticked_box(live, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live + "/zoeken")
    page.locator("#f-theme-erfgoed").focus()
    with page.expect_navigation():
        page.keyboard.press("Space")
    page.wait_for_load_state("load")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'f-theme-erfgoed'")
    assert page.locator("#f-theme-erfgoed").is_checked()
    context.close()


# -- accessibility --------------------------------------------------------------------------------------
AXE_PAGES = {
    "home": "/",
    "search-with-facets": "/zoeken?q=erfgoed&region=leiden&region=dordrecht&theme=erfgoed",
    "zero-results": "/zoeken?q=erfgoed&region=leiden&audience=vo",
    "similar-pages": "/zoeken?q=iedereen",
    "document": "/document/doc-00",
    "browse": "/voorbeeldprojecten?sort=oldest",
    "not-found": "/bestaat-niet",
}


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_violations(live, browser, name, width):
    results = axe_results(browser, live + AXE_PAGES[name], width)
    assert results.violations_count == 0, results.generate_report()


def test_keyboard_skip_link_and_visible_focus(live, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live + "/zoeken?q=erfgoed")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link").first
    assert skip.evaluate("e => e === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # moved into view when focused
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    # The second skip link passes the filters and the map (a tab stop per municipality) to the results.
    page.goto(live + "/zoeken?q=erfgoed")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de resultaten"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "resultaten-kop"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.hit, .sort') !== null")  # the results, not filters
    context.close()


def test_layout_fits_a_360_px_screen(live, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for url in AXE_PAGES.values():
        page.goto(live + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (url, overflow)
    # A pasted address as the query is one long word: it wraps instead of widening the page.
    long_query = "https://www.cultuurparticipatie.nl/subsidies/programma-cultuureducatie-met-kwaliteit-2025-2028"
    for url in (f"/zoeken?q={long_query}", f"/zoeken?q=erfgoed+{'x' * 120}"):
        page.goto(live + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (url, overflow)
    page.goto(live + "/zoeken?q=erfgoed")
    assert not page.locator("#f-theme-erfgoed").is_visible()  # filters folded away on a phone
    page.locator(".filters__toggle").click()
    assert page.locator("#f-theme-erfgoed").is_visible()
    context.close()


def test_the_footer_wraps_between_its_links_on_a_phone(live, browser):
    """At 375 px the footer squeezed "Alle documenten" and "Inloggen voor redacteuren" onto two lines each."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live + "/zoeken?q=erfgoed")
    for link in page.locator(".site-footer__links a").all():
        line = float(link.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        assert link.bounding_box()["height"] < 1.5 * line, link.inner_text()
    context.close()


def test_the_pager_keeps_to_one_row_on_a_phone(live, browser):
    """At 375 px "‹ Vorige 1 2 3 4 … 7 Volgende ›" wrapped "Volgende ›" onto a line of its own: the arrows
    alone keep the pager on one row, and the links' names still say Vorige and Volgende pagina."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live + "/zoeken?q=erfgoed&per_page=5&page=2")
    boxes = [li.bounding_box() for li in page.locator(".pagination li").all()]
    middles = {round(box["y"] + box["height"] / 2) for box in boxes}  # the "…" is shorter, centred on the row
    assert len(boxes) >= 7 and len(middles) == 1, middles
    assert page.get_by_role("link", name="‹ Vorige pagina").is_visible()
    assert page.get_by_role("link", name="Volgende pagina ›").is_visible()
    context.close()
    wide = browser.new_context(viewport={"width": 1280, "height": 900})
    page = wide.new_page()
    page.goto(live + "/zoeken?q=erfgoed&per_page=5&page=2")
    assert page.locator(".pagination__word").first.bounding_box()["width"] > 20  # "Vorige" shown where there is room
    wide.close()


def test_the_search_box_shows_its_whole_example_on_a_phone(live, browser):
    """At 360 px the example "Bijvoorbeeld: erfgoedleerlijn, dans, Gouda" showed as "Bijvoorbeeld: erfgoed", a word
    cut in two: the example must fit the box."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live + "/zoeken")
    box = page.locator("form[role=search] .search-form__input").first
    room, needed = box.evaluate("""e => {
        const style = getComputedStyle(e);
        const context = document.createElement("canvas").getContext("2d");
        context.font = style.font;
        return [e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                context.measureText(e.placeholder).width];
    }""")
    assert box.get_attribute("placeholder").startswith("Bijv.") and needed <= room, (needed, room)
    context.close()


def test_screenshots(live, browser):
    """Saved for people to look at (tests/screenshots/ is ignored by git)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    shots = {"search": "/zoeken?q=erfgoed&region=leiden&region=dordrecht", "home": "/",
             "document": "/document/doc-00", "zero": AXE_PAGES["zero-results"]}
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, url in shots.items():
            page.goto(live + url)
            path = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=name == "search")
            assert path.stat().st_size > 10_000
        context.close()
    assert shutil.which("chromium") or os.path.exists(CHROMIUM)


def _log_in(page, url: str) -> None:
    """Log in as editor_support's editor through the login form."""
    from editor_support import EDITOR, PASSWORD

    page.goto(url + "/inloggen")
    page.fill("input[name=naam]", EDITOR)
    page.fill("input[name=wachtwoord]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_the_editor_pages_fit_a_phone_and_the_import_outcome_stays_visible(tmp_path, browser):
    """On a phone the documents tables drop their type column; the import results table must keep its
    second column, which there is the outcome ('mislukt'), and no long title may widen a table."""
    from editor_support import EDITOR, PASSWORD
    from kennisplatform import users

    write_browser_corpus(tmp_path / "corpus", n=6)
    long_word = "Cultuureducatiebegeleidingsprogrammaonderdelen"
    (tmp_path / "corpus" / "artikelen" / "lang.md").write_text(
        f"---\ntype: artikel\ntitle: {long_word} {long_word}\n---\n\nTekst over erfgoed.\n", encoding="utf-8")
    users.add_user(tmp_path / "instance", EDITOR, PASSWORD)
    server = serve(tmp_path / "corpus", tmp_path / "index", tmp_path / "instance")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        _log_in(page, server.url)
        for url in ("/redactie/", "/redactie/zonder-datum", "/redactie/te-beoordelen", "/redactie/importeren"):
            page.goto(server.url + url)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (url, overflow)
            # No search box on these pages: the header keeps its "Zoeken" link, which search pages fold away.
            assert page.locator(".site-nav__search").is_visible(), url
        page.goto(server.url + "/zoeken")
        assert not page.locator(".site-nav__search").is_visible()
        page.goto(server.url + "/redactie/importeren")
        page.set_input_files("input[type=file]", files=[
            {"name": "foto.html", "mimeType": "text/html", "buffer": bytes(range(256)) * 20},
            {"name": "verslag-netwerkbijeenkomst-cultuureducatie-midden-holland-definitief.txt",
             "mimeType": "text/plain", "buffer": "Netwerkdag in Gouda\n\nOver erfgoed en muziek.\n".encode()}])
        with page.expect_navigation():
            page.locator("main form button[type=submit]").last.click()
        assert page.locator(".outcome--failed td:nth-child(2)").first.is_visible()
        assert page.locator(".outcome--failed td:nth-child(2)").first.text_content() == "mislukt"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, ("import results", overflow)
    finally:
        context.close()
        server.stop()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_error_summary_takes_the_focus(tmp_path, browser, javascript):
    """GOV.UK's pattern: after a save with errors the summary has the focus (a screen reader reads it, Tab
    goes to its first link), with JavaScript (site.js) and without (autofocus)."""
    from editor_support import EDITOR, PASSWORD
    from kennisplatform import users

    write_browser_corpus(tmp_path / "corpus", n=3)
    users.add_user(tmp_path / "instance", EDITOR, PASSWORD)
    server = serve(tmp_path / "corpus", tmp_path / "index", tmp_path / "instance")
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        _log_in(page, server.url)
        page.goto(server.url + "/redactie/nieuw")
        page.fill("#veld-date", "2024-02-01")
        with page.expect_navigation():
            page.get_by_role("button", name="Opslaan", exact=True).click()
        page.wait_for_function("document.activeElement && document.activeElement.classList.contains('error-summary')")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#veld-type"  # Soort first
    finally:
        context.close()
        server.stop()


# -- the editors' history pages (last: they change a document and put it back) -----------------------------------
def test_history_and_trash_pages_in_the_browser(live, browser):
    """An editor changes a title, sees the change on the history page and puts the old version back; deletes
    a document and brings it back from the trash. Both pages pass axe (which needs JavaScript; the same
    forms without it are tested in test_history.py)."""
    from axe_playwright_python.sync_playwright import Axe

    from kennisplatform import users

    instance = os.environ["KENNISPLATFORM_INSTANCE"]  # where the live app keeps its accounts (conftest)
    if "axe-redacteur" not in users.list_users(instance):
        users.add_user(instance, "axe-redacteur", "een-lang-wachtwoord")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live + "/inloggen")
    page.fill("#naam", "axe-redacteur")
    page.fill("#wachtwoord", "een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()

    page.goto(live + "/redactie/document/doc-01")
    original = page.locator("#veld-title").input_value()
    page.fill("#veld-title", original + " (herzien)")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_role("link", name="Geschiedenis").click()
    assert page.locator(".version").count() == 2
    assert page.locator(".diff-fields ins").first.inner_text() == original + " (herzien)"
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Zet deze versie terug").click()
    assert "Versie 1 is teruggezet" in page.locator(".notice").inner_text()
    assert page.locator(".version").count() == 3

    page.goto(live + "/redactie/document/doc-02/verwijderen")
    page.get_by_role("button", name="Verwijderen").click()
    page.goto(live + "/redactie/prullenbak")
    assert page.locator("tbody tr").count() == 1
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name=re.compile("^Terugzetten")).click()
    assert "is teruggezet" in page.locator(".notice").inner_text()
    page.goto(live + "/document/doc-02")
    assert page.locator("h1").count() == 1
    context.close()
