"""PDF and Word files as they are found (session 18): real texts of the field in the shapes tools leave them in.
Placeholder and path titles in a PDF's properties, a deadline or an agenda as the first date, a creation date
years off (an export, an old file reused), a running header on a two-page file, a letterhead above the title,
ligatures and hyphenated line ends, Word's 'Title' style and a title only typed in bold."""
from __future__ import annotations

import datetime as dt
from datetime import date
from pathlib import Path

import pytest
from document_files import docx_bytes, pdf_file

from kennisplatform import importer
from kennisplatform.importer import dates


def read(tmp_path: Path, taxonomy, name: str, data: bytes) -> importer.Draft:
    folder = tmp_path / "in"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return importer.read_path(folder / name, taxonomy)


SUBSIDY = [("h1", "Subsidieregeling cultuureducatie in het vmbo"),
           ("p", ["Scholen worden ondersteund om samen met een culturele instelling cultuureducatie te",
                  "verankeren in het lesprogramma. Het budget bedraagt 2,8 miljoen euro."])]


# -- titles ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("junk", ["untitled", "Untitled", "Naamloos", "Document", "Microsoft Word - Document1.docx",
                                  "C:\\Users\\jvdberg\\Documents\\Rapporten\\eindrapport cultuureducatie",
                                  "/Users/jan/Desktop/nota cultuur"])
def test_a_placeholder_or_a_path_in_a_pdfs_title_property_is_not_its_title(tmp_path, taxonomy, junk):
    draft = read(tmp_path, taxonomy, "regeling.pdf", pdf_file([SUBSIDY], title=junk))
    assert draft.title == "Subsidieregeling cultuureducatie in het vmbo"
    assert draft.summary.startswith("Scholen worden ondersteund")


def test_a_one_word_title_property_is_still_a_title(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "regeling.pdf", pdf_file([SUBSIDY], title="Jaarverslag"))
    assert draft.title == "Jaarverslag"


def test_a_word_title_style_is_the_title_and_its_heading_1_sections_come_below_it(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    document.add_paragraph("Cultuurbeleid Gemeente Nissewaard 2022-2025", style="Title")
    document.add_heading("Inleiding", 1)
    document.add_paragraph("Met dit beleid wil de gemeente alle kinderen laten kennismaken met kunst en cultuur.")
    draft = read(tmp_path, taxonomy, "beleid.docx", docx_bytes(document))
    assert draft.title == "Cultuurbeleid Gemeente Nissewaard 2022-2025"  # was 'Inleiding'
    assert draft.body.startswith("## Inleiding\n")
    assert draft.summary.startswith("Met dit beleid")  # was the title


def test_a_title_typed_in_bold_above_the_first_heading_is_the_title(tmp_path, taxonomy):
    import docx
    from docx.shared import Pt

    document = docx.Document()
    run = document.add_paragraph().add_run("Projectplan erfgoedlessen Gouda")
    run.bold, run.font.size = True, Pt(16)
    document.add_heading("1. Aanleiding", 2)
    document.add_paragraph("Zes basisscholen uit Gouda willen hun leerlingen de geschiedenis van de stad laten ontdekken.")
    draft = read(tmp_path, taxonomy, "projectplan.docx", docx_bytes(document))
    assert draft.title == "Projectplan erfgoedlessen Gouda"  # was '1. Aanleiding'
    assert "Projectplan erfgoedlessen Gouda" not in draft.body
    assert "## 1. Aanleiding" in draft.body


def test_a_bold_sentence_at_the_top_is_not_a_title(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("Let op: de aanmelding voor de cursus is verlengd.").bold = True
    document.add_heading("Cursus intern cultuurcoördinator", 1)
    document.add_paragraph("De cursus bestaat uit acht bijeenkomsten in Leiden.")
    draft = read(tmp_path, taxonomy, "cursus.docx", docx_bytes(document))
    assert draft.title == "Cursus intern cultuurcoördinator"


def test_a_salutation_is_not_a_letters_title(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    document.add_paragraph("Beste ouders en verzorgers,")
    document.add_paragraph("Volgende week is de cultuurweek op school. Alle groepen werken met een kunstenaar.")
    draft = read(tmp_path, taxonomy, "brief_cultuurweek.docx", docx_bytes(document))
    assert draft.title == "brief cultuurweek"
    assert draft.body.startswith("Beste ouders en verzorgers,")


# -- dates -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "De aanmelding sluit op 3 maart 2024. De cursus begint op 14 maart 2024 in Leiden.",
    "Het aanvraagtijdvak is opengesteld van 1 januari 2024 tot en met 1 november 2024.",
    "Aanvragen kan tot en met vrijdag 3 mei 2024, 12.00 uur.",
    "U kunt uw plan indienen vóór 1 september 2024 bij de gemeente.",
    "Per 1 januari 2024 gelden nieuwe regels voor de subsidie.",
    "Aanvragen kunnen worden ingediend tussen 15 augustus en 17 oktober 2024.",
    "Sinds 1 januari 2024 werkt de gemeente met cultuurcoaches.",
    "Uiterste inleverdatum: 3 mei 2024.",
])
def test_a_deadline_or_a_period_is_not_a_pdfs_date(tmp_path, taxonomy, sentence):
    data = pdf_file([[("h1", "Aanmelden voor de cursus"), ("p", [sentence, "Je leert een cultuurplan schrijven."])]],
                    created="D:20240112100000+01'00'")
    draft = read(tmp_path, taxonomy, "cursus.pdf", data)
    assert draft.date == date(2024, 1, 12)  # the file's creation date, not the deadline


@pytest.mark.parametrize("sentence, day", [
    ("Verslag van de vergadering van de stuurgroep van 12 oktober 2022", date(2022, 10, 12)),
    ("Op 22 juni 2023 kwamen veertig cultuurcoördinatoren bij elkaar in Gouda.", date(2023, 6, 22)),
    ("16 maart 2023, 15.00 tot 16.30 uur, digitaal", date(2023, 3, 16)),
    ("De aanmelding sluit op 3 maart 2024. Verslag van de vergadering van 9 februari 2024", date(2024, 2, 9)),
])
def test_a_meeting_at_the_top_is_still_a_reports_date(tmp_path, taxonomy, sentence, day):
    data = pdf_file([[("h1", "Verslag stuurgroep"), ("p", [sentence, "De stuurgroep bespreekt de voortgang."])]],
                    created="D:20241112100000+01'00'")
    assert read(tmp_path, taxonomy, "verslag.pdf", data).date == day


def test_a_creation_date_years_after_the_text_is_not_its_date(tmp_path, taxonomy):
    data = pdf_file([[("h1", "Cultuureducatie in het basisonderwijs"),
                      ("p", ["Dit rapport beschrijft een onderzoek bij de scholen in de regio, uitgevoerd in het",
                             "schooljaar 2013-2014. De meting wordt in 2016 herhaald."])]],
                    created="D:20251128143000+01'00'")  # exported from an archive in 2025
    draft = read(tmp_path, taxonomy, "rapport.pdf", data)
    assert draft.date is None
    assert draft.notes == ["aanmaak- en wijzigingsdatum 28-11-2025 van het bestand niet gebruikt als datum: de "
                           "tekst noemt alleen de jaren 2013 tot en met 2016; geen datum"]


def test_a_creation_date_the_text_agrees_with_is_the_date(tmp_path, taxonomy):
    data = pdf_file([[("h1", "Cultuurplan De Regenboog 2023-2027"),
                      ("p", ["In dit cultuurplan beschrijft de school hoe cultuuronderwijs een vaste plek krijgt."])]],
                    created="D:20230915080000+02'00'")
    draft = read(tmp_path, taxonomy, "cultuurplan.pdf", data)
    assert draft.date == date(2023, 9, 15) and draft.notes == []


def test_a_modification_date_serves_when_the_creation_date_is_off(tmp_path, taxonomy):
    data = pdf_file([[("h1", "Jaarplan cultuureducatie 2024"), ("p", ["Het jaarplan voor alle scholen in de wijk."])]],
                    created="D:20190503090000+02'00'", modified="D:20231201090000+01'00'")
    assert read(tmp_path, taxonomy, "jaarplan.pdf", data).date == date(2023, 12, 1)


def word_file(*, table: list[tuple[str, str]] = (), created=dt.datetime(2019, 5, 3, 9), first: str = "") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = created
    document.core_properties.modified = dt.datetime(2013, 12, 23, 9)  # python-docx's template
    document.add_heading("Nieuwsbrief Cultuurnetwerk Drechtsteden", 1)
    if first:
        document.add_paragraph(first)
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (left, right) in enumerate(table):
            grid.cell(row, 0).text, grid.cell(row, 1).text = left, right
    document.add_paragraph("Op de netwerkdag kwamen veertig cultuurcoördinatoren bij elkaar in het Energiehuis.")
    return docx_bytes(document)


def test_an_agenda_table_is_not_a_word_files_date(tmp_path, taxonomy):
    data = word_file(table=[("Datum", "Activiteit"), ("12 januari 2024", "Netwerkbijeenkomst"),
                            ("7 februari 2024", "Studiemiddag erfgoed")], created=dt.datetime(2023, 12, 4, 9))
    draft = read(tmp_path, taxonomy, "nieuwsbrief.docx", data)
    assert draft.date == date(2023, 12, 4)  # its creation date, not the first meeting in the agenda
    assert "| 12 januari 2024 | Netwerkbijeenkomst |" in draft.body  # the table is kept


def test_a_memo_tables_date_row_is_its_date(tmp_path, taxonomy):
    data = word_file(table=[("Aan", "Stuurgroep cultuureducatie"), ("Datum", "14 november 2023")])
    assert read(tmp_path, taxonomy, "memo.docx", data).date == date(2023, 11, 14)


def test_a_deadline_is_not_a_word_files_date(tmp_path, taxonomy):
    data = word_file(first="Het steunpunt zoekt twee cultuurcoaches. De aanmelding sluit op 3 maart 2024.",
                     created=dt.datetime(2024, 1, 15, 9))
    assert read(tmp_path, taxonomy, "vacature.docx", data).date == date(2024, 1, 15)


def test_a_word_file_made_from_an_old_one_keeps_no_date_the_text_contradicts(tmp_path, taxonomy):
    data = word_file(first="Het programma voor het schooljaar 2024 staat hieronder.", created=dt.datetime(2019, 5, 3, 9))
    draft = read(tmp_path, taxonomy, "nieuwsbrief.docx", data)
    assert draft.date is None
    assert draft.notes == ["aanmaakdatum 03-05-2019 en wijzigingsdatum 23-12-2013 van het bestand niet gebruikt als "
                           "datum: de tekst noemt alleen het jaar 2024; geen datum"]


def test_a_postcode_is_not_a_year():
    assert dates.file_date([("created", date(2023, 5, 1))], "Postbus 123, 2012 AB Haarlem") == (date(2023, 5, 1), None)


# -- page furniture, ligatures, hyphens --------------------------------------------------------------------------
PLAN = [("h1", "Cultuurplan De Regenboog 2023-2027"),
        ("p", ["In dit cultuurplan beschrijft de school hoe cultuuronderwijs een vaste plek krijgt in het",
               "onderwijs."]),
        ("h2", "Visie"),
        ("p", ["Elke groep bezoekt elk jaar een culturele instelling in de regio."])]
AANPAK = [("h2", "Plan van aanpak"), ("p", ["De intern cultuurcoördinator stelt het plan op met het team."])]


def test_a_running_header_and_page_numbers_of_a_two_page_file_are_left_out(tmp_path, taxonomy):
    data = pdf_file([PLAN, AANPAK], header="Cultuurplan OBS De Regenboog", footer="Pagina {n} van {total}")
    draft = read(tmp_path, taxonomy, "cultuurplan.pdf", data)
    assert "OBS De Regenboog" not in draft.body and "Pagina" not in draft.body
    assert draft.summary.startswith("In dit cultuurplan")  # was the running header
    assert "## Plan van aanpak" in draft.body


def test_a_line_on_both_pages_inside_the_text_stays(tmp_path, taxonomy):
    line = ("p", ["Elke groep bezoekt elk jaar een culturele instelling."])
    draft = read(tmp_path, taxonomy, "plan.pdf", pdf_file([[*PLAN, line], [*AANPAK, line]]))
    assert draft.body.count("Elke groep bezoekt elk jaar een culturele instelling.") == 2


def test_a_letterhead_above_the_title_is_neither_the_text_nor_its_summary(tmp_path, taxonomy):
    data = pdf_file([[("small", "Kunstgebouw · Postbus 123 · 2800 AA Gouda · www.kunstgebouw.example"), *PLAN]])
    draft = read(tmp_path, taxonomy, "cultuurplan.pdf", data)
    assert draft.title == "Cultuurplan De Regenboog 2023-2027"
    assert draft.body.startswith("In dit cultuurplan") and "Postbus" not in draft.body
    assert draft.summary.startswith("In dit cultuurplan")


def test_ligatures_and_hyphenated_line_ends_give_whole_words(tmp_path, taxonomy):
    data = pdf_file([[("h1", "Nieuwsbrief Cultuurkust"),
                      ("p", ["De ﬁlmklas van groep 7 liet een korte ﬁlm zien over de ﬂora in de", "duinen van Zuid-",
                             "Holland. Cultuur-", "educatie is vast onderdeel van het kunst-",
                             "en cultuuraanbod in 2023-", "2024."]),
                      ("column", None),
                      ("p", ["De intern cultuurcoördinatoren bespraken de leerlijn."])]],
                    title="untitled", ligatures=True)
    draft = read(tmp_path, taxonomy, "nieuwsbrief.pdf", data)
    assert draft.title == "Nieuwsbrief Cultuurkust"
    assert ("De filmklas van groep 7 liet een korte film zien over de flora in de duinen van Zuid-Holland. "
            "Cultuureducatie is vast onderdeel van het kunst- en cultuuraanbod in 2023-2024.") in draft.body
    assert draft.summary.startswith("De filmklas")


# -- the outcome -------------------------------------------------------------------------------------------------
def test_same_titled_minutes_of_two_meetings_are_two_documents_and_the_outcome_says_why(corpus_dir, index_dir,
                                                                                         taxonomy, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, day, created in [("a.pdf", "12 oktober 2022", "D:20221102090000+01'00'"),
                               ("b.pdf", "14 december 2022", "D:20230105090000+01'00'")]:
        (folder / name).write_bytes(pdf_file([[
            ("h1", "Notulen"), ("p", [f"Verslag van de vergadering van de stuurgroep CMK van {day}"]),
            ("p", ["Aanwezig: de wethouder onderwijs, de directeur van het steunpunt en twee schooldirecteuren."]),
            ("p", ["De stuurgroep bespreekt de voortgang van de regeling en de inzet van de cultuurcoaches."])]],
            title="Notulen", created=created))
    first, second = importer.Importer(corpus_dir, index_dir, taxonomy, importer.Options()).run(
        [folder / "a.pdf", folder / "b.pdf"])
    assert (first.status, second.status) == ("created", "created")
    assert first.doc_id != second.doc_id
    assert "zelfde titel, andere datum: apart opgeslagen" in second.reason


# -- covers, contents, newsletters -------------------------------------------------------------------------------
COVER = [("h1", "Jaarverslag Cultuureducatie 2022"), ("p", ["Stichting Kunstgebouw", "Gouda, maart 2023"])]
CONTENTS = [("h2", "Inhoud"), ("p", ["1. Inleiding ........................................ 3",
                                      "2. Scholen en leerlingen . . . . . . . . . . . . . . . . 3",
                                      "3. Financiën …………………… 4"])]
REPORT = [("h2", "1. Inleiding"), ("p", ["In 2022 deden 120 scholen mee aan het programma Cultuureducatie met",
                                         "Kwaliteit, met 45 culturele partners in de provincie."]),
          ("h2", "2. Scholen en leerlingen"), ("p", ["Samen bereikten zij ruim 30.000 leerlingen."])]
MONEY = [("h2", "3. Financiën"), ("p", ["De provincie en het fonds droegen samen 1,2 miljoen euro bij."])]


def test_a_reports_cover_and_table_of_contents_are_not_its_summary(tmp_path, taxonomy):
    data = pdf_file([COVER, CONTENTS, REPORT, MONEY], header="Jaarverslag 2022 | Kunstgebouw", footer="{n}")
    draft = read(tmp_path, taxonomy, "jaarverslag.pdf", data)
    assert draft.title == "Jaarverslag Cultuureducatie 2022"
    assert draft.summary.startswith("In 2022 deden 120 scholen mee")  # was 'Stichting Kunstgebouw Gouda, maart 2023'
    assert "....." not in draft.body and ". . . ." not in draft.body and "……" not in draft.body
    assert "Inhoud\n" not in draft.body
    assert "Stichting Kunstgebouw Gouda, maart 2023" in draft.body  # the cover's text stays
    assert "## 3. Financiën" in draft.body


def test_a_first_page_of_text_is_no_cover(tmp_path, taxonomy):
    first = [("h1", "Nieuwsbrief ICC-netwerk"),
             ("p", ["Een tekst over dans op de scholen in de regio Leiden en omgeving, voor alle leerlingen"])]
    draft = read(tmp_path, taxonomy, "nieuwsbrief.pdf", pdf_file([first, REPORT]))
    assert draft.summary.startswith("Een tekst over dans")


def test_a_date_in_the_running_header_is_the_date(tmp_path, taxonomy):
    pages = [[("h1", "Nieuwsbrief ICC-netwerk"), *REPORT], MONEY, [("h2", "Agenda"), ("p", ["Studiemiddag erfgoed."])]]
    data = pdf_file(pages, header="Nieuwsbrief ICC-netwerk | 12 maart 2024", footer="Pagina {n}",
                    created="D:20250101090000+01'00'")
    draft = read(tmp_path, taxonomy, "nieuwsbrief.pdf", data)
    assert draft.date == date(2024, 3, 12)
    assert "12 maart 2024" not in draft.body  # still a running header


def test_pages_alike_but_for_their_numbers_are_imported_not_refused(tmp_path, taxonomy):
    page = lambda n: [("p", [f"Werkblad {n}: teken een gebouw uit de buurt van de school"])]
    draft = read(tmp_path, taxonomy, "werkbladen.pdf", pdf_file([page(1), page(2), page(3)]))
    assert "Werkblad 3: teken een gebouw" in draft.body


def test_a_word_table_of_contents_is_left_out(tmp_path, taxonomy):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.core_properties.title = "Cultuurplan OBS De Horizon"
    document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Inhoudsopgave", style="TOC Heading")
    for entry in ["1. Visie\t3", "2. Huidige situatie\t4"]:
        document.add_paragraph(entry, style="toc 1")
    document.add_heading("1. Visie", 1)
    document.add_paragraph("Op OBS De Horizon leren kinderen kijken, luisteren en maken.")
    draft = read(tmp_path, taxonomy, "cultuurplan.docx", docx_bytes(document))
    assert draft.body == "## 1. Visie\n\nOp OBS De Horizon leren kinderen kijken, luisteren en maken.\n"
    assert draft.summary == "Op OBS De Horizon leren kinderen kijken, luisteren en maken."


# -- text files --------------------------------------------------------------------------------------------------
AGENDA_TXT = ("Agenda netwerk cultuurcoördinatoren\n\nDit zijn de bijeenkomsten van dit schooljaar.\n\n"
              "Datum\tActiviteit\tPlaats\n12 januari 2024\tNetwerkbijeenkomst ICC\tGouda\n"
              "7 februari 2024\tStudiemiddag erfgoed | musea\tLeiden\n\nAanmelden kan via de website.\n")


def test_tab_separated_lines_of_a_text_file_are_a_table(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "agenda.txt", AGENDA_TXT.encode())
    assert ("| Datum | Activiteit | Plaats |\n| --- | --- | --- |\n| 12 januari 2024 | Netwerkbijeenkomst ICC | Gouda |\n"
            "| 7 februari 2024 | Studiemiddag erfgoed \\| musea | Leiden |") in draft.body
    assert draft.body.endswith("\n\nAanmelden kan via de website.\n")
    assert draft.date is None  # the agenda's first meeting is not the text's date
    assert draft.summary == "Dit zijn de bijeenkomsten van dit schooljaar."


def test_a_single_line_with_a_tab_is_no_table(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "notitie.txt", "Notitie\n\nZie ook\tde bijlage bij dit verslag.\n".encode())
    assert "|" not in draft.body and "Zie ook de bijlage bij dit verslag." in draft.body


def test_a_deadline_is_not_a_text_files_date(tmp_path, taxonomy):
    text = "Cursus intern cultuurcoördinator\n\nDe aanmelding sluit op 3 maart 2024. Je leert een cultuurplan schrijven.\n"
    assert read(tmp_path, taxonomy, "cursus.txt", text.encode()).date is None


def test_soft_hyphens_in_a_pdf_break_words_only_at_line_ends(tmp_path, taxonomy):
    data = pdf_file([[("h1", "Kunstonderwijs in de wijk"),
                      ("p", ["Het kunst\xadonderwijs en de cultuur\xad", "educatie in de wijk groeien samen."])]],
                    ligatures=True)  # an embedded font, whose text layer keeps U+00AD
    draft = read(tmp_path, taxonomy, "wijk.pdf", data)
    assert "Het kunstonderwijs en de cultuureducatie in de wijk groeien samen." in draft.body
