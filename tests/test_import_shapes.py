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


# -- web pages saved from a browser --------------------------------------------------------------------------
ARTICLE = ("<p>Tot 1 april kunnen schoolbesturen bij het fonds subsidie aanvragen voor meer en beter "
           "muziekonderwijs.</p><h2>Voor wie?</h2><p>De regeling is voor het primair en voortgezet onderwijs; "
           "in totaal is er 8 miljoen euro beschikbaar, tot 20.000 euro per school.</p><p>Kort.</p>")
CHROME = ["Alle cookies toestaan", "Wij gebruiken cookies", "Over ons", "Meer nieuws", "Ander bericht",
          "Postbus 1234", "© 2024", "Deel dit artikel", "WhatsApp", "Mooi initiatief", "Laat een reactie achter",
          "Schrijf je in"]


def div_page(share: str = "") -> str:
    """A page of plain <div>s (no <main>, <article>, <nav>, <aside> or <footer>), its logo an <h1>."""
    return f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Subsidie muziekonderwijs | Concent</title><link rel="canonical" href="https://www.concent.nl/nieuws/subsidie">
</head><body><div id="page"><div class="top-bar"><h1 class="site-title"><a href="/">Concent</a></h1>
<div class="hoofdmenu"><ul><li><a href="/">Home</a></li><li><a href="/over-ons/">Over ons</a></li></ul></div></div>
<div id="CybotCookiebotDialog"><h2>Wij gebruiken cookies</h2><a href="#">Alle cookies toestaan</a></div>
<div class="container"><div class="col-md-8"><div class="entry"><h1 class="entry-title">Subsidie muziekonderwijs</h1>
{ARTICLE}{share}</div>
<div id="reacties"><h3>2 reacties</h3><p>Mooi initiatief, wij doen ook mee!</p><h3>Laat een reactie achter</h3></div></div>
<div class="col-md-4 widget-area"><h3>Meer nieuws</h3><ul><li><time datetime="2024-03-12">12 maart 2024</time>
<a href="/nieuws/1">Ander bericht</a></li></ul><h3>Nieuwsbrief</h3><p>Schrijf je in voor onze nieuwsbrief.</p></div>
</div><div class="site-info"><p>Concent, Postbus 1234, 2500 AA Den Haag</p><p>© 2024 Concent</p></div></div>
</body></html>"""


def test_a_page_of_plain_divs_gives_its_article_and_title_not_its_logo_and_chrome():
    draft = importer.read_html(div_page(), "pagina.html")
    assert draft.title == "Subsidie muziekonderwijs"
    assert draft.source.publication == "Concent"
    assert draft.date is None  # not the sidebar's date, not '© 2024'
    for kept in ["Tot 1 april kunnen schoolbesturen", "## Voor wie?", "tot 20.000 euro per school", "Kort."]:
        assert kept in draft.body
    for chrome in CHROME:
        assert chrome not in draft.body, chrome


@pytest.mark.parametrize("share", [
    '<div class="a2a_kit a2a_kit_size_32"><span>Deel dit artikel:</span> <a href="#">Facebook</a> '
    '<a href="#">LinkedIn</a> <a href="#">WhatsApp</a></div>',
    '<p class="knoppen">Deel dit artikel: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></p>',
    '<div class="knoppen"><strong>Delen:</strong><ul><li><a href="#">LinkedIn</a></li><li><a href="#">WhatsApp</a>'
    '</li></ul></div>',
])
def test_share_buttons_are_left_out_whatever_their_plugin(share):
    page = f"<html><head><title>Subsidie muziekonderwijs</title></head><body><article><h1>Subsidie muziekonderwijs</h1>" \
           f"{ARTICLE}{share}</article></body></html>"
    draft = importer.read_html(page, "pagina.html")
    assert "Deel dit" not in draft.body and "Delen" not in draft.body and "WhatsApp" not in draft.body
    assert "Kort." in draft.body


def test_a_paragraph_that_starts_like_a_share_label_is_kept():
    text = ("Delen is vermenigvuldigen: de scholen delen hun lessen met elkaar via de "
            "<a href='/a'>lesbank</a> en de <a href='/b'>nieuwsbrief</a>.")
    draft = importer.read_html(f"<html><body><article><h1>Lessen delen</h1>{ARTICLE}<p>{text}</p></article>"
                               "</body></html>", "pagina.html")
    assert "Delen is vermenigvuldigen" in draft.body


# -- reports -------------------------------------------------------------------------------------------------
def test_a_date_line_above_a_reports_text_is_its_date_not_its_summary(tmp_path, taxonomy):
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setTitle("Erfgoedlessen in Gouda")
    page.setFont("Helvetica-Bold", 20)
    page.drawString(50, 760, "Erfgoedlessen in Gouda")
    page.setFont("Helvetica", 10)
    page.drawString(50, 720, "Datum: 12-4-2023")
    page.drawString(50, 690, "Zes basisscholen uit Gouda volgden dit voorjaar lessen over de Sint-Janskerk.")
    page.save()
    path = tmp_path / "in" / "erfgoed.pdf"
    path.parent.mkdir()
    path.write_bytes(buffer.getvalue())
    draft = importer.read_path(path, taxonomy)
    assert draft.date == date(2023, 4, 12)
    assert draft.summary == "Zes basisscholen uit Gouda volgden dit voorjaar lessen over de Sint-Janskerk."
    assert "Datum: 12-4-2023" in draft.body  # the line itself stays text
