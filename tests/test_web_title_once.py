"""An imported web page often repeats its title as its first paragraph, and its summary is then that line too.
The hit and the document page show the title once: the listing shows the text after it, the document page's
body starts after it (session 12)."""
from __future__ import annotations

import shutil

from bs4 import BeautifulSoup
from conftest import TAXONOMY, build_app, write_document

TITLE = "Column: Cultuur en sport voor iedereen"


def _client(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    write_document(corpus, "column", "artikel", "2022-03-07", [], [], {"summary": TITLE},
                   f"{TITLE}\n\nMaandag 7 maart: de paragraaf over cultuur in ons programma is lang.\n",
                   title=TITLE)
    return build_app(corpus, tmp_path / "index").test_client()


def _soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_the_listing_shows_the_text_after_the_title(tmp_path):
    client = _client(tmp_path)
    for url in ("/artikelen", "/zoeken?q=paragraaf"):
        card = _soup(client, url).select_one(".hit")
        assert _text(card.select_one(".hit__title")) == TITLE
        assert _text(card.select_one(".hit__snippet")).startswith("Maandag 7 maart")
        assert TITLE not in _text(card.select_one(".hit__snippet"))


def test_the_document_page_shows_the_title_once(tmp_path):
    soup = _soup(_client(tmp_path), "/document/column")
    assert _text(soup.h1) == TITLE
    assert _text(soup.select_one(".doc")).count(TITLE) == 1  # the h1; no summary, no first paragraph of it
    assert _text(soup.select_one(".prose")).startswith("Maandag 7 maart")
