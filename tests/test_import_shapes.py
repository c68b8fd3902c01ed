"""Files in the shapes an outside user brings (session 17): text files a script wrote with field lines at the top
('URL: ...', 'Datum: ...', 'Title: ...'), Markdown headers with other sites' key names for the address and the
date, and web pages saved from a browser whose chrome has no <main>, whose logo is an <h1>, and whose share
buttons or cookie banner come from a plugin with its own class names."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kennisplatform import importer

URL = "https://www.cultuurwijzer.example/nieuws/muziek-in-de-klas"
TEXT = ("Veertig basisscholen in Zuid-Holland krijgen subsidie voor muziekles in de klas.\n\n"
        "De scholen werken samen met de muziekschool in hun gemeente.\n")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def read(tmp_path: Path, taxonomy, name: str, text: str) -> importer.Draft:
    return importer.read_path(write(tmp_path / "in", name, text), taxonomy)


# -- text files with field lines -----------------------------------------------------------------------------
@pytest.mark.parametrize("top", [
    f"Muziek in de klas\nURL: {URL}\nDatum: 2017-05-18\n\n",
    f"Title: Muziek in de klas\nSource: {URL}\nDate: 2017-05-18\n\n",
    f"URL: {URL}\nTitel: Muziek in de klas\nGepubliceerd: 18 mei 2017\n\n",
    f"title: Muziek in de klas\nurl: {URL}\ndate: 2017-05-18\n---\n",
    f"Muziek in de klas\n\nBron: {URL}\nDatum: 18-05-2017\n\n",
    f"Muziek in de klas\n{URL}\nPublished: 2017-05-18T10:00:00+02:00\n\n",
    f"# Muziek in de klas\n\nSource: {URL}\nDate: 2017-05-18\n\n",
    f"Muziek in de klas\n=================\nURL: <{URL}>\nDatum: 18 mei 2017\n\n",
    f"Muziek in de klas\r\nBron: {URL}\r\nDatum: 18 mei 2017\r\n\r\n",
])
def test_the_field_lines_at_the_top_of_a_text_file_are_its_title_address_and_date(tmp_path, taxonomy, top):
    draft = read(tmp_path, taxonomy, "pagina.txt", top + TEXT)
    assert draft.title == "Muziek in de klas"
    assert draft.source.url == URL
    assert draft.date == date(2017, 5, 18)
    assert draft.body.startswith("Veertig basisscholen")  # no field line, rule or address in the text
    assert URL not in draft.body
    assert draft.summary.startswith("Veertig basisscholen")


def test_a_field_without_a_value_is_no_text_and_no_date(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "pagina.txt",
                 f"Muziek in de klas\nURL: {URL}\nDatum: onbekend\nAuteur: Jan Jansen en Piet de Vries\n\n" + TEXT)
    assert draft.date is None
    assert draft.source.authors == ("Jan Jansen", "Piet de Vries")
    assert draft.body.startswith("Veertig basisscholen")


@pytest.mark.parametrize("line", ["Bron: Onderwijsraad, advies 2012", "Datum: volgt nog", "Doel: meer muziekles"])
def test_a_line_that_only_looks_like_a_field_stays_text(tmp_path, taxonomy, line):
    draft = read(tmp_path, taxonomy, "pagina.txt", f"Muziek in de klas\n{line}\n\n" + TEXT)
    assert draft.title == "Muziek in de klas"
    assert line in draft.body.replace("\\", "")
    assert draft.source.url is None


def test_field_lines_below_the_text_are_text(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "pagina.txt", "Muziek in de klas\n\n" + TEXT + f"\nURL: {URL}\n")
    assert draft.source.url is None
    assert f"URL: {URL}" in draft.body


def test_a_text_without_a_title_line_keeps_its_first_paragraph(tmp_path, taxonomy):
    first = ("Deze zomer kondigde de staatssecretaris aan dat er een vervolg komt op Cultuureducatie met "
             "Kwaliteit. De nieuwe regeling zal lopen van 2025 tot en met 2028, voor alle scholen in het land.")
    draft = read(tmp_path, taxonomy, "cmk.txt", first + "\n\nGemeenten vragen de regeling aan.\n")
    assert draft.title == ("Deze zomer kondigde de staatssecretaris aan dat er een vervolg komt op Cultuureducatie "
                           "met Kwaliteit.")
    assert draft.body.startswith(first)  # the paragraph is text, not only a (too long) title


def test_a_short_last_line_is_a_paragraph_not_a_heading(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "venlo.txt", "Cultuurcoaches in Venlo\n\n" + TEXT + "\nSchuif eens aan!\n")
    assert draft.body.rstrip().endswith("\n\nSchuif eens aan!")


# -- Markdown headers with other key names -------------------------------------------------------------------
@pytest.mark.parametrize("url_key", ["url", "link", "source_url", "canonical_url", "URL"])
@pytest.mark.parametrize("date_key", ["published", "date_published", "publication_date", "datePublished"])
def test_other_names_of_the_address_and_date_in_a_markdown_header(tmp_path, taxonomy, url_key, date_key):
    draft = read(tmp_path, taxonomy, "pagina.md",
                 f"---\ntitle: Muziek in de klas\n{url_key}: {URL}\n{date_key}: 2017-05-18\n---\n\n" + TEXT)
    assert draft.source.url == URL
    assert draft.date == date(2017, 5, 18)
    assert not any("niet gebruikt" in note for note in draft.notes)
