"""An imported document without a summary of its own gets its first paragraph's text as its summary. A summary is
plain text (shown escaped, the meta description, the API's text): the Markdown escapes and entities the import
writes into the body ("8 &lt; 10", "\\*ster\\*"), links and emphasis are the text the page shows, for web
pages, text files, PDF and Word files alike (session 13)."""
from __future__ import annotations

import re

import markdown
import pytest

from kennisplatform import importer, render
from kennisplatform.importer.text import escape, first_paragraph

from document_files import docx_bytes
from test_import_files import plain_pdf, write

# Text as a page or file has it, with every sign the import escapes, or that Markdown would read as markup.
AS_WRITTEN = [
    "Een jury koos: 8 < 10 en *ster* [x] punten.",
    r"Het pad C:\mappen\lessen en 5_000 euro, __init__ en snake_case_woord.",
    "Tags als <b>vet</b> en &amp; &lt; blijven tekst: `code` en ~tilde~.",
]


@pytest.mark.parametrize("text", AS_WRITTEN)
def test_the_summary_of_an_escaped_paragraph_is_the_text_as_written(text):
    assert first_paragraph(escape(text) + "\n\nDe tweede alinea.\n") == text


def test_the_summary_of_a_paragraph_is_its_text_without_markup():
    paragraph = ("Lees [het verslag](https://example.nl/verslag) van **de dag**: _alle_ scholen &amp; musea, "
                 "&#8364; 5 per leerling, <span class='x'>zonder</span> snake_case en \\<, 8 &lt; 10.")
    assert first_paragraph(paragraph) == ("Lees het verslag van de dag: alle scholen & musea, € 5 per leerling, "
                                          "zonder snake_case en \\<, 8 < 10.")


def test_shown_text_knows_the_escapes_of_the_renderer():
    """shown_text reads Markdown as the page renders it: a sign the renderer does not escape keeps its
    backslash ("\\<" shows as "\\<"), one it does loses it."""
    escapable = set(markdown.Markdown(extensions=render.EXTENSIONS).ESCAPED_CHARS)
    for sign in map(chr, range(33, 127)):
        if not sign.isalnum():
            expected = f"a {sign} b" if sign in escapable else f"a \\{sign} b"
            assert render.shown_text(f"a \\{sign} b") == expected, sign


PAGE = ("<!doctype html><html lang='nl'><head><title>Voordracht</title></head><body><article><h1>Voordracht</h1>"
        "<p>Een jury koos: 8 &lt; 10 en <em>ster</em> *ster* [x] <a href='https://example.nl/u'>uitslag</a> "
        "&amp;amp; 5_000.</p><p>Dit jaar vond voor het eerst de wedstrijd plaats in de provincie.</p>"
        "</article></body></html>")


def test_a_web_page_without_description_gets_its_first_paragraph_as_plain_text():
    draft = importer.read_html(PAGE, "voordracht.html")
    assert draft.summary == "Een jury koos: 8 < 10 en ster *ster* [x] uitslag &amp; 5_000."
    assert "\\*ster\\*" in draft.body and "8 &lt; 10" in draft.body  # the body stays Markdown


def test_a_text_file_gets_its_first_paragraph_as_plain_text(tmp_path, taxonomy):
    text = "Voordracht\n\nEen jury koos: 8 < 10 en *ster* [x] punten, 5_000 euro.\n\nDe tweede alinea.\n"
    draft = importer.read_path(write(tmp_path / "in", "voordracht.txt", text.encode()), taxonomy)
    assert draft.summary == "Een jury koos: 8 < 10 en *ster* [x] punten, 5_000 euro."


def test_a_pdf_gets_its_first_paragraph_as_plain_text(tmp_path, taxonomy):
    title = "Verslag voordrachtwedstrijd in de provincie"
    data = plain_pdf(title, ["Een jury koos: 8 < 10 en *ster* [x] punten, 5_000 euro & meer."])
    draft = importer.read_path(write(tmp_path / "in", "verslag.pdf", data), taxonomy)
    assert draft.summary == "Een jury koos: 8 < 10 en *ster* [x] punten, 5_000 euro & meer."
    assert re.search(r"8 &lt; 10 en \\\*ster\\\*", draft.body)


def test_a_word_file_gets_its_first_paragraph_as_plain_text(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    document.add_heading("Voordracht op school", 0)
    paragraph = document.add_paragraph("Een jury koos: 8 < 10 en ")
    paragraph.add_run("ster").italic = True
    paragraph.add_run(" *ster* [x] punten, 5_000 euro & meer.")
    document.add_paragraph("Leerlingen van groep 5 tot en met 8 deden mee.")
    draft = importer.read_path(write(tmp_path / "in", "voordracht.docx", docx_bytes(document)), taxonomy)
    assert draft.summary == "Een jury koos: 8 < 10 en ster *ster* [x] punten, 5_000 euro & meer."
