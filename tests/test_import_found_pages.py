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
                f"<div class=\"nieuwsnavigatie\"><a href=\"/nieuws\">{back}</a></div></div>")
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


def test_two_of_a_sites_lists_at_the_end_are_left_out(tmp_path, taxonomy):
    html = page(f"<div class=\"article-content\"><h1>Eerste cultuurdiploma in Maastricht</h1><p>{VISIT}</p>"
                "<p>&copy; Nationale Onderwijsgids</p><h2>Relevante artikelen</h2><p><a href='/a'>Basisonderwijs</a></p>"
                "<p>Gisteren om 10:44</p><h2>Aankomende evenementen</h2><p>07 Jan</p><p>Informatieavond</p></div>")
    draft = read(tmp_path, taxonomy, "gids.html", html)
    assert draft.body.strip() == VISIT


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


# -- a page laid out in a table --------------------------------------------------------------------------------------
CAFE = ("Op woensdag 14 februari 2024 organiseert Cultuurlokaal Woerden een cultuurcaf\u00e9 voor leerkrachten en "
        "cultuuraanbieders. We praten over de vraag hoe erfgoed van de eigen stad een plek krijgt in de lessen.")
CAFE2 = ("De avond begint om 19.30 uur in de bibliotheek aan het Stadhuisplein. Na een korte inleiding van het "
         "Stadsmuseum gaan we in kleine groepen aan de slag met voorbeelden uit de praktijk.")
LOGIN = ("<b>Inloggen</b><br>Gebruikersnaam<br><input name=u><br>Wachtwoord<br><input name=p><br>"
         "<a href=\"/wachtwoord\">Wachtwoord vergeten?</a><br><a href=\"/registreren\">Registreren</a>")


@pytest.mark.parametrize("article", [
    f"<font size=\"4\"><b>Cultuurcaf\u00e9 over erfgoed in de klas</b></font><br><br>{CAFE}<br><br>{CAFE2}<br>",
    f"<h2>Cultuurcaf\u00e9 over erfgoed in de klas</h2><p>{CAFE}</p><p>{CAFE2}</p>",
    f"<h1>Cultuurcaf\u00e9 over erfgoed in de klas</h1><p>{CAFE}</p><p>{CAFE2}</p>",
])
def test_a_page_laid_out_in_a_table_is_read_from_its_text_cell(tmp_path, taxonomy, article):
    html = ("<html><head><title>Cultuurlokaal.nl</title></head><body><table width=\"100%\">"
            "<tr><td colspan=\"2\"><img src=\"logo.gif\" alt=\"Cultuurlokaal\"></td></tr>"
            f"<tr><td width=\"200\" valign=\"top\">{LOGIN}</td><td valign=\"top\">{article}</td></tr>"
            "<tr><td colspan=\"2\"><small>&copy; 2024 Cultuurlokaal Woerden | Disclaimer | Privacy</small></td></tr>"
            "</table></body></html>")
    draft = read(tmp_path, taxonomy, "cultuurlokaal.html", html)
    assert draft.title == "Cultuurcaf\u00e9 over erfgoed in de klas"  # was 'Cultuurlokaal.nl'
    for furniture in ("Inloggen", "Wachtwoord", "Registreren", "Disclaimer", "|"):
        assert furniture not in draft.body, furniture  # the body was one Markdown table of all three rows
    assert draft.body == f"{CAFE}\n\n{CAFE2}\n"
    assert draft.summary == CAFE
    assert draft.date == date(2024, 2, 14)


def test_a_table_of_data_in_an_article_stays_a_table(tmp_path, taxonomy):
    rows = "".join(f"<tr><td>{d}</td><td>{a}</td></tr>" for d, a in
                   [("12 maart 2024", "Voorstelling Theater Gouda, groep 3 en 4"), ("9 april 2024", "Museumles")])
    html = page(f"<h1>Jaarplanning cultuur</h1><p>{CAFE}</p><table><tr><th>Datum</th><th>Activiteit</th></tr>{rows}"
                "</table><p>De planning kan nog veranderen.</p>")
    draft = read(tmp_path, taxonomy, "planning.html", html)
    assert "| 12 maart 2024 | Voorstelling Theater Gouda, groep 3 en 4 |" in draft.body
    assert draft.summary == CAFE


# -- a municipal contact block beside the text ----------------------------------------------------------------------
INTRO = ("De gemeente Leiderdorp vindt het belangrijk dat alle kinderen in aanraking komen met kunst en cultuur. "
         "Daarom ondersteunen we basisscholen met een cultuurco\u00f6rdinator en een bijdrage per leerling.")
CONTACT = ("<h2>Contact</h2><p>Gemeente Leiderdorp<br>Laan van Berendrecht 2<br>2352 BV Leiderdorp</p>"
           "<p>Telefoon: 14 071<br>E-mail: <a href=\"mailto:gemeente@leiderdorp.nl\">gemeente@leiderdorp.nl</a></p>"
           "<h3>Openingstijden</h3><p>Maandag tot en met vrijdag: 08.30 - 12.30 uur</p>")


@pytest.mark.parametrize("layout", [
    "<main id=\"main\"><div class=\"row\"><div class=\"col-8\"><h1>Cultuureducatie op school</h1>{text}</div>"
    "<div class=\"col-4\">{contact}</div></div></main>",
    "<div class=\"row\"><div class=\"col-8\"><h1>Cultuureducatie op school</h1>{text}</div>"
    "<div class=\"col-4\">{contact}</div></div>",
    "<main><h1>Cultuureducatie op school</h1>{text}{contact}</main>",
])
def test_a_municipal_contact_block_beside_the_text_is_left_out(tmp_path, taxonomy, layout):
    text = f"<p>{INTRO}</p><h2>Wat kunt u aanvragen?</h2><p>De aanvraag doet u voor 1 november via het loket.</p>"
    html = page(layout.format(text=text, contact=CONTACT), "Cultuureducatie op school - Gemeente Leiderdorp")
    draft = read(tmp_path, taxonomy, "leiderdorp.html", html)
    for furniture in ("Contact", "Berendrecht", "14 071", "Openingstijden", "08.30"):
        assert furniture not in draft.body, furniture
    assert draft.body.strip().endswith("via het loket.")


def test_a_contact_page_keeps_its_contact_details(tmp_path, taxonomy):
    html = page(f"<main><h1>Contact</h1><p>{INTRO}</p>{CONTACT}</main>", "Contact - Gemeente Leiderdorp")
    draft = read(tmp_path, taxonomy, "contact.html", html)
    assert "Laan van Berendrecht 2" in draft.body and "08.30 - 12.30 uur" in draft.body


def test_a_section_about_whom_to_ask_with_a_paragraph_stays(tmp_path, taxonomy):
    html = page(f"<main><h1>Cultuureducatie op school</h1><p>{INTRO}</p><h2>Contact</h2><p>Heeft u vragen over de "
                "regeling, of wilt u weten of uw project in aanmerking komt? De cultuurcoach van uw wijk denkt graag "
                "met u mee en komt op school langs voor een gesprek.</p></main>")
    draft = read(tmp_path, taxonomy, "vragen.html", html)
    assert "De cultuurcoach van uw wijk denkt graag met u mee" in draft.body


# -- Word files -------------------------------------------------------------------------------------------------------
def test_a_word_file_of_only_a_table_takes_its_title_from_the_file_name(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    rows = [["Datum", "Activiteit", "Groep"], ["12 maart 2024", "Voorstelling Theater Gouda", "groep 3-4"],
            ["9 april 2024", "Museumles erfgoed", "groep 5-6"]]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    draft = read(tmp_path, taxonomy, "jaarplanning_cultuur.docx", docx_bytes(document))
    assert draft.title == "jaarplanning cultuur"  # was 'Datum', the first cell
    assert "| 12 maart 2024 | Voorstelling Theater Gouda | groep 3-4 |" in draft.body


def with_footnote(data: bytes) -> bytes:
    """A .docx whose 'VOETNOOT' is a footnote reference (python-docx writes no footnotes)."""
    footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes '
                 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Zie de '
                 'Regeling Cultuureducatie met Kwaliteit 2021-2024.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename in ("word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"):
                content = content.decode()
            if item.filename == "word/document.xml":
                content = content.replace("VOETNOOT", '</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
                                                      '<w:r><w:t xml:space="preserve">')
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace("</Relationships>", '<Relationship Id="rIdFn" Type="http://schemas.'
                                          'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                          'Target="footnotes.xml"/></Relationships>')
            elif item.filename == "[Content_Types].xml":
                content = content.replace("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="'
                                          'application/vnd.openxmlformats-officedocument.wordprocessingml.'
                                          'footnotes+xml"/></Types>')
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes)
    return buffer.getvalue()


def test_a_word_files_footnotes_are_notes_below_the_text_not_in_its_summary(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    document.add_heading("Cultuureducatie met Kwaliteit in Zuid-Holland", 1)
    document.add_paragraph("De regeling CMK loopt van 2021 tot en met 2024.VOETNOOT Scholen werken samen met een "
                           "penvoerder in hun gemeente.")
    draft = read(tmp_path, taxonomy, "cmk.docx", with_footnote(docx_bytes(document)))
    assert draft.summary == ("De regeling CMK loopt van 2021 tot en met 2024. Scholen werken samen met een penvoerder "
                             "in hun gemeente.")  # was '... 2024.[1] Scholen ...'
    assert "\u2191" not in draft.body  # the footnote's link back up ('↑') is no text
    assert "Zie de Regeling Cultuureducatie met Kwaliteit 2021-2024." in draft.body


# -- files that cannot be read: what they are -------------------------------------------------------------------------
@pytest.mark.parametrize("name,data,said", [
    ("verslag.docx", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, "oud Word-bestand (.doc"),
    ("verslag.docx", b"{\\rtf1\\ansi Dit is een verslag.}", "RTF-bestand"),
    ("verslag.docx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF-bestand"),
    ("verslag.docx", b"<!DOCTYPE html><html><body><p>Niet gevonden</p></body></html>", "webpagina"),
])
def test_a_word_file_that_is_another_kind_of_file_says_what_it_is(tmp_path, taxonomy, name, data, said):
    with pytest.raises(importer.ImportProblem) as problem:
        read(tmp_path, taxonomy, name, data)
    assert said in problem.value.message


def test_a_truncated_pdf_is_said_to_be_incomplete(tmp_path, taxonomy):
    whole = pdf_file([[("h1", "Verslag netwerkbijeenkomst"), ("p", [CAFE[:90], CAFE[90:]])]], title="Verslag")
    for cut in (len(whole) // 2, len(whole) - 200):
        with pytest.raises(importer.ImportProblem) as problem:
            read(tmp_path, taxonomy, f"verslag{cut}.pdf", whole[:cut])
        assert "onvolledig" in problem.value.message  # was 'beschadigd of onleesbaar'


def test_an_upload_of_only_unreadable_files_is_a_4xx_with_each_reason_in_dutch(corpus_dir, index_dir, tmp_path):
    from bs4 import BeautifulSoup
    from editor_support import login, make_app
    from test_editor_web import upload

    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    login(client)
    before = sorted(p.name for p in corpus_dir.rglob("*.md"))
    old_word = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600
    response = upload(client, [("verslag.docx", old_word), ("leeg.txt", b"")])
    page = " ".join(BeautifulSoup(response.data, "html.parser").get_text(" ").split())
    assert response.status_code == 422  # was 200: nothing was imported
    assert "0 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 2 mislukt" in page
    assert "het is een oud Word-bestand (.doc, Word 97-2003)" in page and "leeg bestand" in page
    assert sorted(p.name for p in corpus_dir.rglob("*.md")) == before  # nothing already there is lost
    good = ("muziek.txt", b"Muziekles in Gouda\n\nVakdocenten muziek op de basisschool.")
    assert upload(client, [good, ("leeg.txt", b"")]).status_code == 200  # one imported: the page of outcomes


# -- news sites: bylines, credits, share labels, players and their lists ------------------------------------------
RADIO = ("Vier groepen leerlingen van het Dendron College waren onlangs te gast bij Omroep Horst aan de Maas. Zij "
         "deden mee aan de Cultuurboost en maakten samen met medewerkers vier uur radio.")
RADIO2 = "De leerlingen kwamen in vier groepen. In totaal zijn er dus vier afleveringen van een uur opgenomen."


def test_a_byline_of_name_date_and_change_is_left_out_and_its_name_is_the_author(tmp_path, taxonomy):
    html = page(f"<main><article><h1>Leerlingen maken eigen radioprogramma</h1><p>{RADIO}</p>"
                "<div class=\"meta\">Niels van Rens | 3 december 2024 11:19 | Aangepast op 3 december 2024 11:19</div>"
                f"<p>{RADIO2}</p></article></main>")
    draft = read(tmp_path, taxonomy, "omroep.html", html)
    assert "Niels van Rens" not in draft.body and "Aangepast" not in draft.body
    assert draft.source.authors == ("Niels van Rens",)
    assert draft.date == date(2024, 12, 3)


def test_teasers_under_lees_ook_at_the_end_are_left_out(tmp_path, taxonomy):
    teasers = "".join(f"<div class=\"teaser\"><h3>{title}</h3><p>{lead}...</p></div>" for title, lead in [
        ("Politie zoekt getuigen van mishandeling", "De politie is op zoek naar getuigen van een mishandeling van twee"),
        ("De Week van Hier: economie en woningmarkt", "In De Week van de Hier gingen twee kandidaten in gesprek over")])
    html = page(f"<main><article><h1>Leerlingen maken eigen radioprogramma</h1><p>{RADIO}</p><h2>Cultuurboost</h2>"
                f"<p>{RADIO2}</p><h2>Lees ook</h2>{teasers}</article></main>")
    draft = read(tmp_path, taxonomy, "omroep.html", html)
    assert "Lees ook" not in draft.body and "Politie" not in draft.body and "Week van Hier" not in draft.body
    assert draft.body.strip().endswith(RADIO2)  # 'Cultuurboost', a heading of the text, stays
    assert "## Cultuurboost" in draft.body


@pytest.mark.parametrize("line,author", [("Door Truus Oudendijk", ("Truus Oudendijk",)), ("Door Redactie", ()),
                                         ("door Jan van der Berg", ("Jan van der Berg",))])
def test_a_byline_without_a_date_is_no_summary(tmp_path, taxonomy, line, author):
    html = page(f"<main><article><h1>Bibliotheek Kudelstaart</h1><p>{line}</p><p>{RADIO}</p></article></main>")
    draft = read(tmp_path, taxonomy, "meerbode.html", html)
    assert line not in draft.body
    assert draft.summary.startswith("Vier groepen")  # was the byline
    assert draft.source.authors == author


@pytest.mark.parametrize("line", ["Foto: Mirre van de Klok", "Beeld: ANP", "Foto's: Omroep West",
                                  "Delen per e-mail", "Deel dit artikel:", "Doorgaan naar hoofdcontent",
                                  "Direct naar de inhoud", "Wachten op privacy instellingen...",
                                  "Volgende Vorige vergroot 1/2"])
def test_a_line_about_the_page_not_its_text_is_left_out(tmp_path, taxonomy, line):
    html = page(f"<div class=\"artikel\"><h1>Nationale Voorleesdagen van start</h1><p>{line}</p><p>{RADIO}</p>"
                f"<p>{RADIO2}</p></div>")
    draft = read(tmp_path, taxonomy, "oog.html", html)
    assert line not in draft.body
    assert draft.summary.startswith("Vier groepen")


def test_a_caption_with_its_credit_in_the_text_stays(tmp_path, taxonomy):
    caption = "Het Groede Podium is vandaag geen speelplaats, maar een filmset (foto: Omroep Zeeland)"
    html = page(f"<main><h1>Kinderen maken film</h1><p>{RADIO}</p><p>{caption}</p><p>{RADIO2}</p></main>")
    assert caption in read(tmp_path, taxonomy, "film.html", html).body


# -- labels above an activity's text ---------------------------------------------------------------------------------
def test_an_activitys_labels_are_no_summary(tmp_path, taxonomy):
    html = page("<main><div class=\"hero\"><span class=\"label\">Jeugdactiviteit</span><h1>Voorlezen</h1>"
                "<p class=\"price\">gratis</p><p class=\"when\">Iedere woensdagmiddag</p></div>"
                "<div class=\"content\"><p>Luister iedere woensdagmiddag naar een mooi verhaal bij jou in de "
                "Bibliotheek! Voor kinderen van 2 tot en met 6 jaar.</p></div></main>")
    draft = read(tmp_path, taxonomy, "voorlezen.html", html)
    assert draft.summary.startswith("Luister iedere woensdagmiddag")  # was 'gratis'
    assert "Iedere woensdagmiddag" in draft.body  # when it is: the text's


def test_a_projects_fields_above_its_text_are_no_summary(tmp_path, taxonomy):
    text = ("Erfgoed Brabant wilde zijn kennis over erfgoedwijsheid verbreden en uitvinden hoe je dit in het onderwijs "
            "kunt toepassen. Ze vroegen mij een project te bedenken.")
    html = page("<main><h1>Erfgoedwijs project met een erfgoedgemeenschap</h1><p>Lesmateriaal erfgoededucatie</p>"
                "<p>Opdrachtgever: Erfgoed Brabant</p><p>Doelgroep: groep 7 en 8 van het basisonderwijs</p>"
                f"<p>Rol: concept, ontwikkeling, productie</p><p>{text}</p></main>")
    draft = read(tmp_path, taxonomy, "meelicht.html", html)
    assert draft.summary == text  # was 'Lesmateriaal erfgoededucatie'
    assert "Doelgroep: groep 7 en 8 van het basisonderwijs" in draft.body


def test_one_short_line_above_the_text_stays_its_summary(tmp_path, taxonomy):
    html = page(f"<main><h1>Cultuurweek</h1><p>Lesinhoud</p><p>{RADIO}</p></main>")
    assert read(tmp_path, taxonomy, "les.html", html).summary == "Lesinhoud"  # a subheading as a paragraph: as before


# -- a title set as a paragraph -------------------------------------------------------------------------------------
def test_a_title_set_as_a_paragraph_is_not_the_summary_when_the_text_follows(tmp_path, taxonomy):
    """Pages that set their heading as a paragraph (no <h1>, which the import takes as the title and leaves out) had
    their title twice, as title and summary: the summary now says what the page says (session 31)."""
    html = page(f"<article><p>Leerlingen maken eigen radioprogramma</p><p>{RADIO}</p></article>",
                title="Leerlingen maken eigen radioprogramma | Omroep Horst")
    draft = read(tmp_path, taxonomy, "radio.html", html)
    assert draft.summary == RADIO  # was 'Leerlingen maken eigen radioprogramma'
    assert draft.body.startswith("Leerlingen maken eigen radioprogramma")  # the text keeps what the page shows


def test_a_title_repeated_twice_above_the_text_is_not_the_summary(tmp_path, taxonomy):
    html = page(f"<article><p>Kaasproject 3T1</p><p>3T1: kaasproject</p><p>{RADIO}</p></article>",
                title="Kaasproject 3T1")
    assert read(tmp_path, taxonomy, "kaas.html", html).summary == RADIO


@pytest.mark.parametrize("below", ["Lesinhoud", "Voor groep 7 en 8", "<ul><li>Dendron College en Omroep Horst aan de "
                                                                     "Maas maakten samen vier uur radio.</li></ul>"])
def test_a_title_paragraph_stays_the_summary_when_no_lead_follows(tmp_path, taxonomy, below):
    """A short line or a list below it is no text to summarise the page by: the title stays (as on an <h1> page whose
    text starts with a list, which has no summary of its own either)."""
    body = below if below.startswith("<") else f"<p>{below}</p>"
    html = page(f"<article><p>Leerlingen maken eigen radioprogramma</p>{body}</article>",
                title="Leerlingen maken eigen radioprogramma")
    assert read(tmp_path, taxonomy, "radio.html", html).summary == "Leerlingen maken eigen radioprogramma"


# -- a PDF form ------------------------------------------------------------------------------------------------------
def form_pdf(values: dict[str, str], ticked: bool) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle("Aanvraagformulier")
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(72, 770, "Aanvraagformulier cultuurbudget 2024")
    pdf.setFont("Helvetica", 10.5)
    pdf.drawString(72, 740, "Met dit formulier vraagt uw school het cultuurbudget aan voor het schooljaar 2024-2025.")
    y = 740
    for label in ("Naam school", "Contactpersoon"):
        y -= 30
        pdf.drawString(72, y, f"{label}:")
        pdf.acroForm.textfield(name=label, x=200, y=y - 4, width=300, height=18, value=values.get(label, ""))
    pdf.acroForm.textfield(name="Toelichting", x=200, y=y - 40, width=300, height=18, value=values.get("Toelichting", ""))
    pdf.acroForm.checkbox(name="Gesprek met de cultuurcoach", x=400, y=y - 70, size=12, checked=ticked)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_filled_in_pdf_forms_values_are_its_text(tmp_path, taxonomy):
    values = {"Naam school": "OBS De Regenboog", "Contactpersoon": "Petra de Vries",
              "Toelichting": "Wij willen met groep 5 tot en met 8 een project over erfgoed in de wijk doen."}
    draft = read(tmp_path, taxonomy, "aanvraag.pdf", form_pdf(values, ticked=True))
    assert "Naam school: OBS De Regenboog" in draft.body  # was 'Naam school:' (the value was lost)
    assert "Contactpersoon: Petra de Vries" in draft.body
    assert "- Toelichting: Wij willen met groep 5 tot en met 8 een project over erfgoed" in draft.body  # no label
    assert "- Gesprek met de cultuurcoach: ja" in draft.body
    assert draft.title == "Aanvraagformulier cultuurbudget 2024"  # was 'Aanvraagformulier', the file's Title


def test_an_empty_pdf_form_adds_nothing(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "formulier.pdf", form_pdf({}, ticked=False))
    assert "Ingevulde velden" not in draft.body and "Naam school:" in draft.body


@pytest.mark.parametrize("name,kind", [("verslag.txt", "pdf"), ("pagina.html", "pdf"), ("verslag.txt", "docx")])
def test_a_text_file_or_page_that_is_a_pdf_or_word_file_says_so(tmp_path, taxonomy, name, kind):
    import docx

    data = pdf_file([[("h1", "Verslag"), ("p", [CAFE[:90]])]]) if kind == "pdf" else docx_bytes(docx.Document())
    with pytest.raises(importer.ImportProblem) as problem:
        read(tmp_path, taxonomy, name, data)
    assert ("het is een PDF-bestand" if kind == "pdf" else "het is een Word-document") in problem.value.message


# -- municipal and news templates: in-page navigation, read-aloud buttons, reading time, tags -------------------------
def test_a_list_of_links_to_the_pages_own_sections_is_left_out(tmp_path, taxonomy):
    html = page("<main><h1>Cultuureducatie op school</h1><nav class=\"toc\"></nav><h2>Op deze pagina</h2><ul>"
                "<li><a href=\"#wat\">Wat is het?</a></li><li><a href=\"#aanvragen\">Aanvragen</a></li></ul>"
                f"<p>{INTRO}</p><h2 id=\"wat\">Wat is het?</h2><p>Een bijdrage per leerling.</p>"
                "<h2 id=\"aanvragen\">Aanvragen</h2><p>Via het digitale loket.</p></main>")
    draft = read(tmp_path, taxonomy, "gemeente.html", html)
    assert "Op deze pagina" not in draft.body
    assert draft.body.startswith(INTRO)  # was '## Op deze pagina', '- Wat is het?', '- Aanvragen'
    assert "## Wat is het?" in draft.body and "## Aanvragen" in draft.body


def test_a_list_of_links_to_other_pages_stays(tmp_path, taxonomy):
    html = page(f"<main><h1>Cultuureducatie op school</h1><p>{INTRO}</p><ul>"
                "<li><a href=\"https://www.lkca.nl/a\">Handreiking cultuurplan</a></li>"
                "<li><a href=\"https://www.lkca.nl/b\">Kerndoelen kunst en cultuur</a></li></ul></main>")
    assert "Handreiking cultuurplan" in read(tmp_path, taxonomy, "links.html", html).body


@pytest.mark.parametrize("furniture", [
    "<div id=\"readspeaker_button1\" class=\"rs_skip rsbtn rs_preserve\"><a href=\"https://app-eu.readspeaker.com/x\">"
    "<span class=\"rsbtn_left\"><span class=\"rsbtn_text\"><span>Lees voor</span></span></span></a></div>",
    "<p>Lees voor</p>",
    "<p>Leestijd: 3 minuten</p>",
    "<p>&lt; 1 min lezen</p>",
    "<p>4 min leestijd</p>",
])
def test_read_aloud_buttons_and_reading_times_are_left_out(tmp_path, taxonomy, furniture):
    html = page(f"<main><h1>Cultuureducatie op school</h1>{furniture}<p>{INTRO}</p></main>")
    draft = read(tmp_path, taxonomy, "gemeente.html", html)
    assert draft.body.strip() == INTRO and draft.summary == INTRO


def test_a_duration_in_the_text_stays(tmp_path, taxonomy):
    html = page(f"<main><h1>Museumles</h1><p>{INTRO}</p><p>Duur</p><p>60 minuten</p></main>")
    assert "60 minuten" in read(tmp_path, taxonomy, "les.html", html).body


@pytest.mark.parametrize("tags", [
    "<p>Tags: <a href=\"/tag/erfgoed\">erfgoed</a>, <a href=\"/tag/muziek\">muziek</a></p>",
    "<p>Geplaatst in: <a href=\"/nieuws\">Nieuws</a></p>",
    "<div class=\"post-meta\">Categorie\u00ebn: <a href=\"/c/po\">Primair onderwijs</a> | <a href=\"/c/n\">Nieuws</a></div>",
])
def test_a_posts_tags_below_it_are_left_out(tmp_path, taxonomy, tags):
    html = page(f"<main><article><h1>Cultuureducatie op school</h1><p>{INTRO}</p>{tags}</article></main>")
    assert read(tmp_path, taxonomy, "post.html", html).body.strip() == INTRO


def test_a_sentence_about_tags_stays(tmp_path, taxonomy):
    line = "Categorie: leerlingen kiezen zelf een categorie voor hun kunstwerk, zoals schilderen of boetseren."
    html = page(f"<main><h1>Kunstwedstrijd</h1><p>{INTRO}</p><p>{line}</p></main>")
    assert line in read(tmp_path, taxonomy, "wedstrijd.html", html).body


# -- a scan with a scanner's or a stamp's line --------------------------------------------------------------------------
def scan_with_line(pages: int, line: str, y: float) -> bytes:
    """Pages of a picture (a grey rectangle) with one line of text on each: what a scanner app or a stamp adds."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        pdf.setFillGray(0.5)
        pdf.rect(50, 100, 500, 650, fill=1)
        pdf.setFillGray(0)
        pdf.setFont("Helvetica", 8)
        pdf.drawString(300, y, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("pages,line,y", [(3, "Gescand met CamScanner - www.camscanner.com", 20),
                                          (1, "Gescand met CamScanner - www.camscanner.com", 20),
                                          (2, "Ingekomen stuk gemeente Gouda 12-03-2024 nr. 2024/1234", 420)])
def test_a_scan_with_a_scanners_or_stamps_line_is_refused_as_a_scan(tmp_path, taxonomy, pages, line, y):
    with pytest.raises(importer.ImportProblem) as problem:
        read(tmp_path, taxonomy, "scan.pdf", scan_with_line(pages, line, y))  # was imported: the line, once a page
    assert "geen tekst in de PDF (een scan" in problem.value.message


def test_a_one_line_pdf_note_is_still_a_document(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "notitie.pdf",
                 scan_with_line(1, "Netwerkbijeenkomst cultuurcoaches verplaatst naar donderdag", 420))
    assert "Netwerkbijeenkomst cultuurcoaches verplaatst" in draft.title + draft.body


@pytest.mark.parametrize("name,advice", [("verslag.doc", "sla het op als Word-document (.docx)"),
                                         ("verslag.odt", "sla het op als Word-document (.docx)"),
                                         ("presentatie.pptx", "bewaar het als PDF")])
def test_a_file_of_another_office_type_says_how_to_import_it(tmp_path, taxonomy, corpus_dir, index_dir, name, advice):
    from bs4 import BeautifulSoup
    from editor_support import login, make_app
    from test_editor_web import upload

    with pytest.raises(importer.ImportProblem) as problem:
        read(tmp_path, taxonomy, name, b"\xd0\xcf\x11\xe0 oud bestand")
    assert "wordt niet ondersteund" in problem.value.message and advice in problem.value.message
    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    login(client)
    response = upload(client, [(name, b"\xd0\xcf\x11\xe0 oud bestand")])
    assert response.status_code == 422
    assert advice in " ".join(BeautifulSoup(response.data, "html.parser").get_text(" ").split())


# -- an HTML editor's default title ----------------------------------------------------------------------------------
@pytest.mark.parametrize("default", ["Naamloos document", "Untitled Document", "Nieuwe pagina 1", "index"])
@pytest.mark.parametrize("lead,title", [("<p><b>Kunstmenu voor groep 5</b></p>", "Kunstmenu voor groep 5"),
                                        ("<h2>Kunstmenu voor groep 5</h2>", "Kunstmenu voor groep 5"),
                                        ("", "kunstmenu_groep5")])
def test_an_html_editors_default_title_is_no_title(tmp_path, taxonomy, default, lead, title):
    text = ("Alle leerlingen van groep 5 gaan dit jaar naar een voorstelling in de schouwburg. Daarna volgt een les in "
            "de klas.")
    html = f"<html><head><title>{default}</title></head><body>{lead}<p>{text}</p></body></html>"
    draft = read(tmp_path, taxonomy, "kunstmenu_groep5.html", html)
    assert draft.title == title  # was the editor's default
    assert draft.summary == text


# -- Word's 'Opslaan als webpagina' ----------------------------------------------------------------------------------
WORD_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=ProgId content=Word.Document>
<title>Nieuwsbrief</title><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=NL><div class=WordSection1>
<p class=MsoNormal><b><span style='font-size:16.0pt'>Nieuwsbrief Cultuur &amp; School maart 2024<o:p></o:p></span></b></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Volgende week is de cultuurweek. Alle groepen werken aan het thema water.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>
\xb7<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Groep 1-4: een waterlied<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>
\xb7<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Groep 5-8: een tentoonstelling<o:p></o:p></p>
<p class=MsoNormal>Met vriendelijke groet, team OBS De Regenboog<o:p></o:p></p>
</div></body></html>"""


def test_a_page_word_saved_as_a_web_page_keeps_its_lists_and_title(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "nieuwsbrief.htm", WORD_PAGE.encode("cp1252"))
    assert "supportLists" not in draft.body and "endif" not in draft.body  # was 'if !supportLists\xb7 endifGroep 1-4'
    assert "- Groep 1-4: een waterlied\n- Groep 5-8: een tentoonstelling" in draft.body
    assert draft.title == "Nieuwsbrief Cultuur & School maart 2024"  # was 'Nieuwsbrief', the file's title property
    assert draft.summary == "Volgende week is de cultuurweek. Alle groepen werken aan het thema water."


# -- a PDF with letter-spaced text (a design tool's tracking) ---------------------------------------------------------
def tracked_pdf(words_apart: bool) -> bytes:
    """A heading set with tracking (reportlab's character spacing, which stays for the text after it, as in a file
    whose body is tracked too); `words_apart`: each word drawn at its own place, without space characters."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle("Cultuurplan")
    first, second = CAFE[:CAFE.index(" ", 70)], CAFE[CAFE.index(" ", 70) + 1:CAFE.index(" ", 150)]
    for y, size, space, line in [(770, 22, 6, "CULTUURPLAN 2024-2028"), (700, 10.5, 1.5, first),
                                 (686, 10.5, 1.5, second)]:
        text = pdf.beginText(72, y)
        text.setFont("Helvetica-Bold" if size > 20 else "Helvetica", size)
        text.setCharSpace(space)
        if words_apart and size > 20:
            x = 72
            for word in line.split():
                text.setTextOrigin(x, y)
                text.textOut(word)
                x += pdf.stringWidth(word, "Helvetica-Bold" if size > 20 else "Helvetica", size) \
                    + space * len(word) + size * 0.6
        else:
            text.textOut(line)
        pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("words_apart", [False, True])
def test_letter_spaced_text_in_a_pdf_is_read_as_words(tmp_path, taxonomy, words_apart):
    draft = read(tmp_path, taxonomy, "cultuurplan.pdf", tracked_pdf(words_apart))
    assert draft.title == "CULTUURPLAN 2024-2028"  # was 'C U L T U U R P L A N 2 0 2 4 - 2 0 2 8'
    assert CAFE[:CAFE.index(" ", 150)] in " ".join(draft.body.split())  # was 'O p w o e n s d a g ...'


@pytest.mark.parametrize("slot", ["Advertentie", "Lees verder onder de advertentie", "ADVERTISEMENT", "U bent hier"])
def test_an_advertisement_slots_label_is_left_out(tmp_path, taxonomy, slot):
    html = page(f"<main><article><h1>Leerlingen maken radio</h1><p>{RADIO}</p><p>{slot}</p><p>{RADIO2}</p>"
                "</article></main>")
    assert read(tmp_path, taxonomy, "ad.html", html).body == f"{RADIO}\n\n{RADIO2}\n"


def test_a_word_files_title_property_that_begins_its_heading_gives_way_to_it(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    document.core_properties.title = "Nieuwsbrief"
    document.add_heading("Nieuwsbrief cultuureducatie maart 2024", 0)
    document.add_paragraph(VISIT)
    draft = read(tmp_path, taxonomy, "nieuwsbrief.docx", docx_bytes(document))
    assert draft.title == "Nieuwsbrief cultuureducatie maart 2024"  # was 'Nieuwsbrief', the template's title
    assert draft.body.strip() == VISIT


def test_a_page_that_loads_its_text_with_javascript_says_so(corpus_dir, index_dir, taxonomy, tmp_path):
    app_page = ("<!DOCTYPE html><html><head><title>Cultuuraanbod | Cultuurmenu</title><script src=\"/app.js\"></script>"
                "</head><body><div id=\"root\"></div><noscript>You need to enable JavaScript to run this app."
                "</noscript></body></html>")
    (tmp_path / "aanbod.html").write_text(app_page)
    [outcome] = importer.Importer(corpus_dir, index_dir, taxonomy, importer.Options()).run([tmp_path / "aanbod.html"])
    assert outcome.status == "failed"
    assert outcome.reason.startswith("geen tekst gevonden (de pagina laadt haar tekst waarschijnlijk met JavaScript")


def test_a_table_with_a_long_cell_below_an_introduction_is_no_layout(tmp_path, taxonomy):
    long_cell = " ".join([CAFE, CAFE2, VISIT])
    html = (f"<html><head><title>Cultuurcaf\u00e9</title></head><body><p>{INTRO}</p><p>{RADIO}</p>"
            f"<table><tr><td>14 februari</td><td>{long_cell}</td></tr></table></body></html>")
    draft = read(tmp_path, taxonomy, "agenda.html", html)
    assert INTRO in draft.body and RADIO in draft.body and CAFE2 in draft.body


@pytest.mark.parametrize("line", ["Laatste wijziging: 14 maart 2024", "Laatste update: 14-03-2024",
                                  "Datum laatste wijziging: 14 maart 2024", "Datum publicatie: 14 maart 2024"])
def test_more_lines_saying_when_a_page_changed_are_left_out(tmp_path, taxonomy, line):
    html = page(f"<main><h1>Cultuureducatie op school</h1><p>{INTRO}</p><p>{line}</p></main>")
    draft = read(tmp_path, taxonomy, "gemeente.html", html)
    assert draft.body.strip() == INTRO
    assert draft.date == date(2024, 3, 14)


def test_a_pdf_titled_powerpoint_presentation_takes_its_first_heading(tmp_path, taxonomy):
    data = pdf_file([[("h1", "Jaarplan cultuureducatie 2024"), ("p", [CAFE[:90]])]], title="PowerPoint Presentation")
    assert read(tmp_path, taxonomy, "jaarplan.pdf", data).title == "Jaarplan cultuureducatie 2024"
