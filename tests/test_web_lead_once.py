"""A web page without a description is imported with its first paragraph as its summary. The document page shows
that summary as the lead under the title: the body starts after the paragraph the lead shows in full, and keeps
a paragraph the summary was shortened from. Whether a summary only repeats the title is decided in one place
(highlight.lead), so that the listing and the document page agree (session 13)."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TAXONOMY, build_app, page_soup, shown_text, write_document

from kennisplatform import importer
from kennisplatform.corpus import taxonomy_for

TITLE = "Leerlingen van het Dollard College winnen de voordrachtwedstrijd"
FIRST = "SAPPEMEER – Yasmine is tot kampioen van de provincie gekozen."
SECOND = "Dit jaar vond voor het eerst de wedstrijd plaats in de provincie."
# Longer than a summary may be (importer.text.SUMMARY_MAX): the summary is its first sentences.
LONG = ("Op vijf praktijkscholen gaven kunstenaars in oktober drie keer een les over deze taalkunst, en "
        "gingen leerlingen zelf aan de slag met schrijven en voordragen van hun eigen teksten in de klas. "
        "In totaal deden tien klassen mee aan de lessen in het najaar, met hulp van hun eigen docenten. "
        "Bij spoken word vertel je een persoonlijk verhaal op een ritmische manier, tussen rap en gedicht.")


def _page(first: str, *rest: str, heading: str = "h1") -> str:
    """A web page without a meta description: the import takes the summary from the article's first paragraph.
    `heading`: the element the page sets its title in above the text (many pages use a paragraph)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in (first, *rest))
    return (f"<!doctype html><html lang='nl'><head><title>{TITLE}</title>"
            "<meta property='article:published_time' content='2024-11-07T10:00:00+01:00'></head>"
            f"<body><article><{heading}>{TITLE}</{heading}>{paragraphs}</article></body></html>")


def _imported(tmp_path: Path, html: str):
    """The app over a new corpus with the page imported as users import it: the client and the document's id."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir(parents=True)
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    page = tmp_path / "pagina.html"
    page.write_text(html, encoding="utf-8")
    outcomes = importer.Importer(corpus, index, taxonomy_for(corpus), importer.Options(type="artikel")).run([page])
    [doc_id] = [outcome.doc_id for outcome in outcomes]
    return build_app(corpus, index).test_client(), doc_id


def test_a_first_paragraph_that_is_the_summary_is_shown_once_as_the_lead(tmp_path):
    client, doc_id = _imported(tmp_path, _page(FIRST, SECOND))
    soup = page_soup(client, f"/document/{doc_id}")
    assert shown_text(soup.select_one(".doc__summary")) == FIRST
    assert shown_text(soup.select_one(".doc")).count(FIRST) == 1
    assert shown_text(soup.select_one(".prose")).startswith(SECOND)


def test_a_title_set_as_a_paragraph_is_shown_once_and_the_text_below_it_is_the_lead(tmp_path):
    """The import passes over a paragraph that only repeats the title for the summary (session 31); the page
    shows the title once, as its heading, and the first paragraph of the text once, as the lead."""
    client, doc_id = _imported(tmp_path, _page(FIRST, SECOND, heading="p"))
    soup = page_soup(client, f"/document/{doc_id}")
    assert shown_text(soup.select_one(".doc__summary")) == FIRST
    assert shown_text(soup.select_one(".doc")).count(FIRST) == 1
    assert shown_text(soup.select_one(".prose")).startswith(SECOND)
    assert TITLE not in shown_text(soup.select_one(".prose"))


def test_a_summary_shortened_from_the_first_paragraph_leaves_the_whole_paragraph_in_the_body(tmp_path):
    client, doc_id = _imported(tmp_path, _page(LONG, SECOND))
    soup = page_soup(client, f"/document/{doc_id}")
    lead = shown_text(soup.select_one(".doc__summary"))
    assert lead != LONG and LONG.startswith(lead)  # the import shortened it to its first sentences
    assert shown_text(soup.select_one(".prose p")) == LONG  # the body still says all of it
    assert shown_text(soup.select_one(".prose")).endswith(SECOND)


UITSLAG = "https://example.nl/uitslag"


def test_a_first_paragraph_with_a_link_stays_in_the_body(tmp_path):
    """The lead is plain text: hiding the paragraph would lose its link, so both are shown."""
    client, doc_id = _imported(tmp_path, _page(f"{FIRST[:-1]} <a href='{UITSLAG}'>uitslag</a>.", SECOND))
    soup = page_soup(client, f"/document/{doc_id}")
    assert shown_text(soup.select_one(".doc__summary")) == f"{FIRST[:-1]} uitslag."
    first_paragraph = soup.select_one(".prose p")
    assert "gekozen uitslag" in shown_text(first_paragraph)
    assert first_paragraph.select_one(f"a[href='{UITSLAG}']") is not None


ESCAPED = "Een jury koos: 8 &lt; 10 [*] punten &amp; meer."  # in the body: "8 &lt; 10 \\[\\*\\] punten & meer."
SHOWN = "Een jury koos: 8 < 10 [*] punten & meer."


def test_a_first_paragraph_with_escaped_signs_is_hidden_only_under_a_lead_that_shows_its_text(tmp_path):
    """The import's summary of a paragraph with escaped signs is the text the page shows of it: the lead shows
    the paragraph in full, so the body starts after it. Documents imported before summaries were plain text
    are not rewritten (the corpus files are the truth): the lead shows their summary as the file has it
    ("8 &lt; 10"), and the body keeps the paragraph, where the reader sees the sign itself."""
    client, doc_id = _imported(tmp_path / "new", _page(ESCAPED, SECOND))
    soup = page_soup(client, f"/document/{doc_id}")
    assert shown_text(soup.select_one(".doc__summary")) == SHOWN
    assert shown_text(soup.select_one(".doc")).count("8 < 10") == 1
    assert shown_text(soup.select_one(".prose")).startswith(SECOND)

    old_summary = "Een jury koos: 8 &lt; 10 \\[\\] punten & meer."  # as plain_text left the paragraph
    body = "Een jury koos: 8 &lt; 10 \\[\\*\\] punten & meer.\n\nDit jaar vond de wedstrijd plaats.\n"
    soup = page_soup(_client_with_summary(tmp_path / "old", old_summary, body), "/document/column")
    assert shown_text(soup.select_one(".doc__summary")) == old_summary
    assert shown_text(soup.select_one(".prose p")) == SHOWN


def _client_with_summary(tmp_path: Path, summary: str,
                         body: str = "Maandag 7 maart: de paragraaf over cultuur in ons programma is lang.\n"):
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    write_document(corpus, "column", "artikel", "2022-03-07", [], [], {"summary": summary}, body, title=TITLE)
    return build_app(corpus, tmp_path / "index").test_client()


def test_listing_and_document_page_agree_on_a_summary_that_only_repeats_the_title(tmp_path):
    """Case, spacing and Markdown signs aside, the summary is the title: neither page shows it."""
    client = _client_with_summary(tmp_path, f"**{TITLE.upper()}**  ")
    assert page_soup(client, "/document/column").select_one(".doc__summary") is None
    card = page_soup(client, "/artikelen").select_one(".hit")  # no query: the summary would be the card's text
    assert shown_text(card.select_one(".hit__snippet")).startswith("Maandag 7 maart")


def test_listing_and_document_page_agree_on_a_summary_of_its_own(tmp_path):
    summary = "Een column over cultuur en sport voor alle kinderen."
    client = _client_with_summary(tmp_path, summary)
    assert shown_text(page_soup(client, "/document/column").select_one(".doc__summary")) == summary
    assert shown_text(page_soup(client, "/artikelen").select_one(".hit .hit__snippet")) == summary
