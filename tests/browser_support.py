"""For the browser tests: a generated corpus big enough to page through, the app served on a free local
port in a background thread, and Debian's Chromium driven by Playwright (no browser downloads)."""
from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from werkzeug.serving import make_server

from conftest import TAXONOMY, write_document
from kennisplatform import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

TYPES = ["voorbeeldproject", "verslag", "artikel"]
PLACES = ["Leiden", "Dordrecht", "Gouda", "Delft"]
THEMES = ["erfgoed", "leerlijnen", "talentontwikkeling", "inclusie", "kennisdeling"]
DISCIPLINES = ["muziek", "dans", "theater", "beeldende-kunst", "erfgoed", "media"]
AUDIENCES = ["po", "vo", "mbo", "so"]
SUBJECTS = ["Erfgoedleerlijn", "Muziekles op school", "Dansproject", "Theater in de klas", "Museumbezoek",
            "Cultuurcoach", "Filmproject", "Kunstmenu"]
BODY = """\
{intro}

## Aanleiding

De scholen in {place} wilden {subject_lower} een vaste plek geven in het onderwijs. De gemeente en de
cultuuraanbieders werkten daarvoor samen met de ICC'ers van de scholen.

## Aanpak

- Een startbijeenkomst met leerkrachten en cultuuraanbieders.
- Lessen in groep 5 tot en met 8, met een bezoek aan een culturele instelling.
- Een gezamenlijke presentatie voor ouders.

## Resultaten

Leerlingen lieten zien wat zij hadden geleerd. {extra}

## Wat we leerden

Goede afspraken over tijd en geld maken het verschil. Evaluatie na elk schooljaar hielp om bij te sturen.
"""


def write_browser_corpus(corpus: Path, n: int = 40) -> None:
    """`n` documents, spread over types, four municipalities and five themes; most mention erfgoed."""
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        subject = SUBJECTS[i % len(SUBJECTS)]
        doc_type = TYPES[i % len(TYPES)]
        themes = [THEMES[i % len(THEMES)]] + (["samenwerking"] if i % 3 == 0 else [])
        about_heritage = i % 7 != 6
        intro = (f"{subject} in {place}: over erfgoed en cultuureducatie in het primair onderwijs."
                 if about_heritage else f"{subject} in {place}: over cultuureducatie in het onderwijs.")
        extra = "Het erfgoed van de stad kreeg een plek in de lessen." if about_heritage else "Iedereen deed mee."
        meta = {"disciplines": [DISCIPLINES[i % len(DISCIPLINES)]], "audience": [AUDIENCES[i % len(AUDIENCES)]]}
        if doc_type == "artikel":
            meta["source"] = {"url": f"https://onderzoek.example/artikel-{i}", "authors": ["J. Onderzoeker"],
                              "publication": "Cultuur + Educatie"}
        date = f"{2014 + i % 12}-{1 + i % 12:02d}-{1 + i % 27:02d}"
        write_document(corpus, f"doc-{i:02d}", doc_type, date, themes, [place], meta,
                       BODY.format(intro=intro, place=place, subject_lower=subject.lower(), extra=extra),
                       title=f"{subject} in {place} ({i})")


@dataclass
class LiveServer:
    url: str
    server: object
    thread: threading.Thread

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)


def _read_whole(app):
    """The app with each response read and closed before the server writes it. Werkzeug's development server closes a
    response only after reading what is left of the request; when the browser has dropped the connection by then (a
    page closed while its favicon loads), that read fails, a static file's handle stays open until the garbage
    collector finds it, and its ResourceWarning failed whichever test was running (filterwarnings = error)."""
    def wrapped(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()
    return wrapped


def serve(corpus: Path, index: Path, instance: Path | None = None) -> LiveServer:
    """The app on 127.0.0.1 with a free port, in a daemon thread (`instance`: accounts for editor pages)."""
    config = {"TESTING": False, "CORPUS_DIR": str(corpus), "INDEX_DIR": str(index), "SECRET_KEY": "test"}
    if instance is not None:
        config["INSTANCE_PATH"] = str(instance)
    app = create_app(config)
    server = make_server("127.0.0.1", 0, _read_whole(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    return LiveServer(f"http://127.0.0.1:{server.server_port}", server, thread)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def set_facet_box(page, box_id: str, js: bool, check: bool = True) -> None:
    """Tick (or untick) a facet value as a person would: open its collapsed region first; with JavaScript
    the page reloads on its own, without it they press 'Filters toepassen'."""
    box = page.locator(f"#{box_id}")
    if not box.is_visible():  # a municipality inside a collapsed region
        page.locator(f"details:has(#{box_id})").last.locator("> summary").click()
    if js:
        with page.expect_navigation():
            box.set_checked(check)
    else:
        box.set_checked(check)
        with page.expect_navigation():
            page.get_by_role("button", name="Filters toepassen").click()


def axe_results(browser, url: str, width: int, open_filters: bool = False):
    """axe-core's findings on one page at one screen width; `open_filters`: unfold the filters a phone
    shows folded first, so that what is inside them is checked too."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    if open_filters and page.locator(".filters__toggle").count():
        page.locator(".filters__toggle").click()
    results = Axe().run(page)
    context.close()
    return results
