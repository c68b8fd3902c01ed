"""Pages and files as they are found, third round (session 20): what session 19 left (a page laid out in a table
with a login box beside the text, a Belgian news site's '14u01 0 Antwerpen' line, a municipal contact block in the
article's container) and what a user saw in pages of school, library, museum, provincial and news sites and in
Word files and damaged files. The texts are real texts of the field (library `search`, corpus `pages`), shortened
and reworded."""
from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from document_files import docx_bytes, pdf_file

from kennisplatform import importer

MUSEUM = ("Vijftig leerlingen van het zesde leerjaar van basisschool De Kleine Wereld hebben een eigen tentoonstelling "
          "gemaakt in het Museum aan de Stroom. Ze werkten er drie maanden aan met educatieve medewerkers.")
VISIT = ("Vorige week brachten de kinderen van groep 5 een bezoek aan Museum Gouda. Er was een rondleiding met veel "
         "leuke informatie, die de kinderen goed hebben onthouden.")


def read(tmp_path: Path, taxonomy, name: str, data: bytes | str) -> importer.Draft:
    folder = tmp_path / "in"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)
    return importer.read_path(folder / name, taxonomy)


def page(body: str, title: str = "", head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


# -- a news site's time, comment count and place above the text --------------------------------------------------
@pytest.mark.parametrize("line", ["14u01 0 Antwerpen", "14u01 Antwerpen", "09u35 12 Sint-Niklaas", "14u01"])
def test_a_news_sites_time_count_and_place_line_is_left_out(tmp_path, taxonomy, line):
    html = page(f"<div id=\"page\"><h1>Leerlingen maken eigen tentoonstelling in MAS</h1><p>{line}</p>"
                f"<p><strong>{MUSEUM}</strong></p><p>De tentoonstelling is nog tot eind juni te bezoeken.</p></div>",
                "Leerlingen maken eigen tentoonstelling in MAS | Antwerpen | hln.be")
    draft = read(tmp_path, taxonomy, "hln.html", html)
    assert line not in draft.body  # was the first paragraph
    assert draft.summary.startswith("Vijftig leerlingen")  # was '14u01 0 Antwerpen'
    assert MUSEUM in draft.body


def test_a_time_of_an_event_in_the_text_stays(tmp_path, taxonomy):
    html = page(f"<main><h1>Open podium</h1><p>{VISIT}</p><p>Aanvang</p><p>19u30 Antwerpen</p>"
                "<p>Daarna is er een receptie in de foyer.</p></main>")
    draft = read(tmp_path, taxonomy, "podium.html", html)
    assert "19u30 Antwerpen" in draft.body  # below the first paragraph: the text's own


# -- links and lines at the end of an article ---------------------------------------------------------------------
@pytest.mark.parametrize("back", ["&laquo; Terug naar het overzicht", "&lsaquo; Terug", "&larr; Terug naar overzicht",
                                  "&lt; Vorige"])
def test_a_back_link_with_an_arrow_at_the_end_is_left_out(tmp_path, taxonomy, back):
    html = page(f"<div class=\"nieuwsbericht\"><h1>Groep 5 op bezoek in Museum Gouda</h1><p>{VISIT}</p>"
                f"<div class=\"nav\"><a href=\"/nieuws\">{back}</a></div></div>")
    draft = read(tmp_path, taxonomy, "school.html", html)
    assert draft.body.strip() == VISIT


@pytest.mark.parametrize("label,items", [
    ("Relevante artikelen", ["<a href='/a'>Basisonderwijs</a>",
                             "Ook tijdens schooljaar 2024/2025 toename te zien in aantal veiligheidsincidenten",
                             "Gisteren om 10:44"]),
    ("Aankomende evenementen", ["07 Jan", "Informatieavond (ouders) Van Lodenstein College"]),
    ("Volg ons", ["<a href='https://facebook.com/x'>Facebook</a> <a href='https://instagram.com/x'>Instagram</a>"]),
    ("Recente berichten", ["<a href='/b'>Cultuurcoach gestart in Alblasserdam</a>", "<a href='/c'>Open atelier</a>"]),
])
def test_a_sites_list_under_its_own_label_at_the_end_is_left_out(tmp_path, taxonomy, label, items):
    rest = "".join(f"<p>{item}</p>" for item in items)
    html = page(f"<div class=\"article-content\"><h1>Eerste cultuurdiploma in Maastricht</h1><p>{VISIT}</p>"
                f"<p>&copy; Nationale Onderwijsgids</p><h2>{label}</h2><div>{rest}</div></div>")
    draft = read(tmp_path, taxonomy, "gids.html", html)
    assert label not in draft.body and "Van Lodenstein" not in draft.body and "Facebook" not in draft.body
    assert "Onderwijsgids" not in draft.body  # the copyright line above them
    assert draft.body.strip().endswith("goed hebben onthouden.")


def test_an_articles_own_closing_section_stays(tmp_path, taxonomy):
    html = page(f"<main><h1>Cultuurweek</h1><p>{VISIT}</p><h2>Aankomende evenementen</h2>"
                "<p>In de week na de herfstvakantie is er een open podium voor alle groepen, waar ouders en "
                "grootouders welkom zijn om te kijken naar wat de kinderen hebben gemaakt en geoefend.</p></main>")
    draft = read(tmp_path, taxonomy, "week.html", html)
    assert "open podium voor alle groepen" in draft.body  # a paragraph of the text, not a list of titles


def test_a_byline_with_an_update_time_is_left_out_and_its_name_is_the_author(tmp_path, taxonomy):
    html = page("<main><article><h1>Bibliotheek wil in alle scholen aanwezig zijn</h1>"
                f"<p><strong>HOOFDDORP - {VISIT}</strong></p>"
                "<p>Door Richard Walraven - 3-2-2017, 10:46 (Update 3-2-2017, 10:46)</p>"
                "<p>Volgens de directeur is het project nog maar net begonnen.</p></article></main>")
    draft = read(tmp_path, taxonomy, "krant.html", html)
    assert "Walraven" not in draft.body and "Update" not in draft.body
    assert draft.source.authors == ("Richard Walraven",)
    assert draft.date == date(2017, 2, 3)


# -- buttons ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("buttons", [
    "<a class=\"btn btn-primary\" href=\"/boeken\">Boek nu</a> <a class=\"btn\" href=\"/educatie\">Bekijk al het aanbod</a>",
    "<div class=\"elementor-widget-button\"><a class=\"elementor-button\" href=\"/aanmelden\">"
    "<span class=\"elementor-button-text\">Schrijf je school in</span></a></div>",
    "<div class=\"wp-block-buttons\"><div class=\"wp-block-button\"><a class=\"wp-block-button__link\" "
    "href=\"/aanmelden\">Aanmelden</a></div></div>",
])
def test_buttons_in_an_article_are_left_out(tmp_path, taxonomy, buttons):
    html = page(f"<main><h1>Museum in de school</h1><p>{VISIT}</p>{buttons}</main>")
    draft = read(tmp_path, taxonomy, "museum.html", html)
    for word in ("Boek nu", "aanbod", "Schrijf je", "Aanmelden"):
        assert word not in draft.body
    assert VISIT in draft.body


def test_a_link_in_a_sentence_stays_whatever_its_class(tmp_path, taxonomy):
    html = page(f"<main><h1>Museum in de school</h1><p>{VISIT} Boeken kan via <a class=\"button-link\" "
                "href=\"https://museum.nl/boeken\">het boekingsformulier</a> op onze site.</p></main>")
    draft = read(tmp_path, taxonomy, "museum.html", html)
    assert "het boekingsformulier" in draft.body


# -- the site's description as the summary ----------------------------------------------------------------------------
@pytest.mark.parametrize("description", ["OBS De Regenboog in Gouda", "OBS De Regenboog",
                                         "Welkom op de website van OBS De Regenboog"])
def test_a_sites_own_description_is_not_a_pages_summary(tmp_path, taxonomy, description):
    html = page(f"<div id=\"content\"><h1>Groep 5 op bezoek in Museum Gouda</h1><p>{VISIT}</p></div>",
                "Nieuws - OBS De Regenboog", f"<meta name=\"description\" content=\"{description}\">")
    draft = read(tmp_path, taxonomy, "school.html", html)
    assert draft.summary.startswith("Vorige week brachten")


def test_a_pages_own_description_naming_the_site_stays_its_summary(tmp_path, taxonomy):
    description = "OBS De Regenboog bezocht met groep 5 het museum in Gouda en maakte er tegeltjes."
    html = page(f"<div id=\"content\"><h1>Groep 5 op bezoek in Museum Gouda</h1><p>{VISIT}</p></div>",
                "Nieuws - OBS De Regenboog", f"<meta name=\"description\" content=\"{description}\">")
    draft = read(tmp_path, taxonomy, "school.html", html)
    assert draft.summary == description
