"""An imported web page often repeats its title as its first paragraph, and its summary is then that line too.
The hit and the document page show the title once: the listing shows the text after it, the document page's
body starts after it (session 12)."""
from __future__ import annotations

import shutil

from conftest import TAXONOMY, build_app, page_soup, shown_text, write_document

TITLE = "Column: Cultuur en sport voor iedereen"


def _client(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    write_document(corpus, "column", "artikel", "2022-03-07", [], [], {"summary": TITLE},
                   f"{TITLE}\n\nMaandag 7 maart: de paragraaf over cultuur in ons programma is lang.\n",
                   title=TITLE)
    return build_app(corpus, tmp_path / "index").test_client()


def test_the_listing_shows_the_text_after_the_title(tmp_path):
    client = _client(tmp_path)
    for url in ("/artikelen", "/zoeken?q=paragraaf"):
        card = page_soup(client, url).select_one(".hit")
        assert shown_text(card.select_one(".hit__title")) == TITLE
        assert shown_text(card.select_one(".hit__snippet")).startswith("Maandag 7 maart")
        assert TITLE not in shown_text(card.select_one(".hit__snippet"))


def test_the_document_page_shows_the_title_once(tmp_path):
    soup = page_soup(_client(tmp_path), "/document/column")
    assert shown_text(soup.h1) == TITLE
    assert shown_text(soup.select_one(".doc")).count(TITLE) == 1  # the h1; no summary, no first paragraph of it
    assert shown_text(soup.select_one(".prose")).startswith("Maandag 7 maart")
