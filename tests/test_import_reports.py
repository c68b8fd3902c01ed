"""Reports and long files as the field keeps them (session 21): meeting reports, policy plans, annual reports and
school culture plans as multi-page PDFs and Word files (`report_files.py`): a cover page, a table of contents, a
running header and footer, attendees and action points, footnotes, the same title for several meetings, a template's
title, a school year as the only date."""
from __future__ import annotations

import datetime as dt
import io
from datetime import date
from pathlib import Path

import pytest
import report_files as rf
from document_files import docx_bytes, pdf_file
from editor_support import login, make_app, token
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from kennisplatform import importer
from kennisplatform.importer import dates
from kennisplatform.importer.run import import_paths


def read(tmp_path: Path, taxonomy, name: str, data: bytes) -> importer.Draft:
    folder = tmp_path / "in"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return importer.read_path(folder / name, taxonomy)


def write(tmp_path: Path, files: dict[str, bytes]) -> list[Path]:
    folder = tmp_path / "files"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


# -- a meeting report as a PDF: cover, contents, running lines, attendees, actions, a footnote ---------------------
@pytest.fixture
def meeting(tmp_path, taxonomy) -> importer.Draft:
    return read(tmp_path, taxonomy, "verslag.pdf", rf.report_pdf())


def test_a_meeting_reports_attendees_are_not_its_summary(meeting):
    assert meeting.summary.startswith("De voorzitter opent de vergadering")  # was 'Aanwezig: Anja de Vries ...'
    assert "Aanwezig: Anja de Vries (voorzitter)" in meeting.body  # they stay its text
    assert "Afwezig: Ingrid Bakker" in meeting.body


def test_a_reports_title_on_its_cover_and_its_first_page_is_not_repeated_in_the_text(meeting):
    assert meeting.title == "Verslag werkgroep cultuureducatie"
    assert "Verslag werkgroep cultuureducatie" not in meeting.body  # was twice: '## ...' (cover) and '### ...'


def test_the_running_header_footer_and_contents_are_left_out_of_a_long_report(meeting):
    assert "Pagina" not in meeting.body and "Kunstgebouw |" not in meeting.body
    assert "......" not in meeting.body and "Inhoud" not in meeting.body
    assert meeting.date == date(2024, 3, 12)


def test_the_paragraph_after_a_list_of_actions_is_not_part_of_its_last_item(meeting):
    assert "- Anja plant de volgende bijeenkomst in juni\n\nDe voorzitter sluit de vergadering om 16.30 uur." \
        in meeting.body  # was '- Anja plant ... in juni De voorzitter sluit ...'


def test_a_pdfs_footnote_is_a_note_below_the_text_not_between_its_paragraphs(meeting):
    body = meeting.body
    assert body.rstrip().endswith("## Noten\n\n¹ Zie het CMK-plan 2021-2024 van de gemeente Gouda, paragraaf 3.")
    assert body.index("## 3. Leerlijn erfgoed") < body.index("Zie het CMK-plan")  # was between sections 2 and 3
    assert "¹" not in meeting.summary and meeting.summary.endswith("Fonds voor Cultuurparticipatie.")


def test_a_list_item_over_two_lines_stays_one_item(tmp_path, taxonomy):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(72, 760, "Actiepunten werkgroep")
    pdf.setFont("Helvetica", 10.5)
    pdf.drawString(80, 720, "• Joost stuurt het verslag voor 1 april rond aan alle scholen en vraagt de")
    pdf.drawString(88, 706, "cultuurcoördinatoren om een reactie")
    pdf.drawString(80, 692, "• Fatima maakt een overzicht van het erfgoedaanbod")
    pdf.showPage()
    pdf.save()
    draft = read(tmp_path, taxonomy, "acties.pdf", buffer.getvalue())
    assert ("- Joost stuurt het verslag voor 1 april rond aan alle scholen en vraagt de cultuurcoördinatoren om een "
            "reactie\n- Fatima maakt") in draft.body


def test_small_print_without_a_notes_number_at_a_pages_foot_stays_text(tmp_path, taxonomy):
    pages = [[("h1", "Cultuurplan De Regenboog"),
              ("p", ["Elke groep bezoekt minstens één keer per jaar een culturele instelling in Gouda."]),
              ("small", "Met dank aan alle leerkrachten van het team.")]]
    draft = read(tmp_path, taxonomy, "plan.pdf", pdf_file(pages, title=None))
    assert "Noten" not in draft.body and "Met dank aan alle leerkrachten" in draft.body


def evaluation(first_end: str, next_start: str) -> bytes:
    pages = [[("h1", "Evaluatie cultuureducatie Gouda"),
              ("p", ["De evaluatie laat zien dat de scholen de samenwerking met de culturele instellingen waarderen.",
                     f"Vooral de lessen over erfgoed worden goed ontvangen door leerkrachten. {first_end}"])],
             [("p", [f"{next_start} krijgt daarmee een vaste plek in het lesprogramma van de meeste scholen.",
                     "Dat is precies wat de werkgroep wilde bereiken."]),
              ("h2", "Aanbevelingen"), ("p", ["Meer tijd voor scholing van leerkrachten."])]]
    return rf.report_pdf(pages, title=None, header="Evaluatie CMK Gouda", header_from=1)


def test_a_word_hyphenated_over_a_page_break_is_one_word_in_one_paragraph(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "evaluatie.pdf", evaluation("De cultuur-", "educatie"))
    assert "leerkrachten. De cultuureducatie krijgt daarmee een vaste plek" in draft.body  # was 'cultuur-\n\neducatie'
    assert "Evaluatie CMK Gouda" not in draft.body and "Pagina" not in draft.body


def test_a_paragraph_that_ends_at_a_page_break_stays_a_paragraph(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "evaluatie.pdf", evaluation("Dat is goed.", "Cultuureducatie"))
    assert "leerkrachten. Dat is goed.\n\nCultuureducatie krijgt daarmee" in draft.body


# -- an annual report: cover, colophon, a running header on every page but the cover --------------------------------
@pytest.fixture
def annual(tmp_path, taxonomy) -> importer.Draft:
    return read(tmp_path, taxonomy, "jaarverslag.pdf", rf.annual_pdf())


def test_a_running_header_on_every_page_but_the_cover_is_left_out(annual):
    assert "Jaarverslag 2023 Kunstgebouw" not in annual.body  # was twice in the text, and the summary
    assert annual.title == "Jaarverslag 2023" and annual.date == date(2024, 6, 12)


def test_a_colophon_is_no_summary_and_keeps_its_lines(annual):
    assert annual.summary.startswith("In 2023 werkten 180 scholen")
    assert ("Uitgave: Stichting Kunstgebouw, Gouda  \nTekst en redactie: afdeling Onderwijs  \nVormgeving: Studio Vorm"
            in annual.body)  # was one paragraph: '... Gouda Tekst en redactie: ... Vormgeving: ...'
    assert "In dit jaarverslag leest u" in annual.body and "deskundigheidsbevordering" in annual.body


def test_a_heading_repeated_at_the_top_of_two_pages_of_ten_stays(tmp_path, taxonomy):
    pages = [[("h2", "Werkplaats" if n in (2, 5) else f"Hoofdstuk {n}"),
              ("p", [f"Tekst van pagina {n} over cultuureducatie in de klas, met voorbeelden uit de praktijk."])]
             for n in range(1, 11)]
    draft = read(tmp_path, taxonomy, "boek.pdf", pdf_file(pages, title="Praktijkboek"))
    assert draft.body.count("Werkplaats") == 2


# -- a newsletter saved as PDF ------------------------------------------------------------------------------------
def test_a_newsletters_issue_line_is_no_summary_and_its_agenda_keeps_its_lines(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "nieuwsbrief.pdf", rf.newsletter_pdf())
    assert draft.title == "Nieuwsbrief Cultuur & School"
    assert draft.summary.startswith("Twaalf scholen in Midden-Holland")  # was 'Maart 2024 | nummer 3'
    assert "18 april: netwerkbijeenkomst  \n23 mei: erfgoedmiddag" in draft.body  # was one line
    for word in ("museum", "netwerkbijeenkomst voor intern cultuurcoördinatoren", "aanvraag doen"):
        assert word in draft.body
    assert "Kunstgebouw nieuwsbrief" not in draft.body and "1/2" not in draft.body


@pytest.mark.parametrize("line", ["Juni 2024", "Jaargang 12, nummer 3", "Nieuwsbrief maart 2024 - editie 2"])
def test_an_issue_line_is_no_summary_but_a_sentence_with_a_year_is(tmp_path, taxonomy, line):
    pages = [[("h1", "Nieuws van de werkgroep"), ("p", [line]),
              ("p", ["In 2024 werkten twaalf scholen aan de leerlijn erfgoed."])]]
    draft = read(tmp_path, taxonomy, "nieuws.pdf", pdf_file(pages, title=None))
    if line.startswith("Nieuwsbrief"):  # words besides the issue's: a line of its own, the summary as before
        assert draft.summary == line
    else:
        assert draft.summary == "In 2024 werkten twaalf scholen aan de leerlijn erfgoed."


# -- numbers in a table -------------------------------------------------------------------------------------------
def budget_pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    rows = [["Post", "Euro"], ["Vakdocent muziek", "1200"], ["Busvervoer museumbezoek", "250"], ["Materialen", "85"]]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                               ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    SimpleDocTemplate(buffer, pagesize=A4).build([
        Paragraph("Begroting cultuurplan OBS De Regenboog", styles["Title"]),
        Paragraph("De school besteedt het budget voor cultuureducatie aan de volgende posten.", styles["Normal"]),
        table])
    return buffer.getvalue()


def test_numbers_in_a_pdfs_table_are_not_taken_for_page_numbers(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "begroting.pdf", budget_pdf())
    for cell in ("Vakdocent muziek", "1200", "250", "85"):  # the amounts were left out as page numbers
        assert f"\n{cell}\n" in f"\n{draft.body}", cell


def test_a_tables_head_in_bold_is_no_heading(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "begroting.pdf", budget_pdf())
    assert "# Post" not in draft.body and "# Euro" not in draft.body  # were headings ('### Post', '### Euro')
    assert "\nPost" in draft.body and "\nEuro" in draft.body


# -- contents with leaders whose page numbers stand apart ------------------------------------------------------
def test_a_table_of_contents_whose_page_numbers_are_boxes_of_their_own_is_left_out(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "cultuurplan.pdf", rf.plan_pdf())
    assert "....." not in draft.body and "Inhoudsopgave" not in draft.body  # was the text, and its summary
    assert draft.summary.startswith("Voor u ligt het cultuurplan van OBS De Regenboog")
    assert "## Voorwoord" in draft.body or "### Voorwoord" in draft.body or "#### Voorwoord" in draft.body


def test_a_forms_dotted_fields_stay(tmp_path, taxonomy):
    pages = [[("h1", "Aanmeldformulier cultuurmiddag"),
              ("p", ["Naam school: ....................................",
                     "Contactpersoon: ..............................",
                     "Aantal leerlingen: ...........................",
                     "Lever het formulier in bij de cultuurcoördinator."])]]
    draft = read(tmp_path, taxonomy, "formulier.pdf", pdf_file(pages, title=None))
    assert "Naam school:" in draft.body and "Aantal leerlingen:" in draft.body


# -- Word: a cover page, a template's title ---------------------------------------------------------------------
def test_a_word_files_cover_page_is_not_its_summary(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "cmk-plan.docx", rf.plan_docx())
    assert draft.summary.startswith("Met dit plan zetten de gemeente Gouda")  # was 'Gemeente Gouda'
    assert "Plan voor de periode 2025-2028" in draft.body  # the cover stays text
    assert "1. Inleiding\t3" not in draft.body and "Inhoud\n" not in draft.body  # the contents field is left out
    assert "Pagina 1" not in draft.body and "Gemeente Gouda | CMK-plan" not in draft.body  # header and footer
    assert "1. Elke school heeft een cultuurcoördinator" in draft.body


@pytest.mark.parametrize("cover_end", ["section break", "break before"])
def test_a_word_cover_page_ending_in_a_section_break_or_before_a_new_page_is_not_its_summary(tmp_path, taxonomy,
                                                                                            cover_end):
    draft = read(tmp_path, taxonomy, "cmk-plan.docx", rf.plan_docx(with_toc=False, cover_end=cover_end))
    assert draft.summary.startswith("Met dit plan zetten de gemeente Gouda")  # was 'Gemeente Gouda'
    assert "Plan voor de periode 2025-2028" in draft.body and "## 1. Inleiding" in draft.body


def test_a_page_break_inside_a_paragraph_makes_no_cover(tmp_path, taxonomy):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("Gemeente Gouda")
    paragraph = document.add_paragraph("Kort verslag")
    paragraph.runs[0].add_break(WD_BREAK.PAGE)
    paragraph.add_run("van de werkgroep cultuureducatie.")
    document.add_paragraph("De werkgroep bespreekt de leerlijn erfgoed voor groep 5 tot en met 8.")
    draft = read(tmp_path, taxonomy, "verslag.docx", docx_bytes(document))
    assert draft.title == "Gemeente Gouda"
    # No cover of whole paragraphs (else the summary would be the third); the break is a space ('verslagvan' before).
    assert draft.summary == "Kort verslag van de werkgroep cultuureducatie."


def test_a_word_file_without_a_cover_keeps_its_first_paragraph_as_summary(tmp_path, taxonomy):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_heading("Jaarverslag cultuureducatie 2023", level=1)
    intro = document.add_paragraph("In 2023 deden alle scholen mee aan het cultuurmenu. Dit verslag zet op een "
                                   "rij wat er is gedaan, met wie en wat het heeft opgeleverd voor de leerlingen.")
    intro.runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("Op de volgende pagina's staan de cijfers per school.")
    draft = read(tmp_path, taxonomy, "jaarverslag.docx", docx_bytes(document))
    assert draft.summary.startswith("In 2023 deden alle scholen mee")
    assert "---" not in draft.body  # a page break is no rule in the text


def test_a_template_title_property_gives_way_to_the_first_line_it_begins(tmp_path, taxonomy):
    data = rf.meeting_docx(first_line="Verslag werkgroep cultuureducatie 5 februari 2024", title_property="Verslag")
    draft = read(tmp_path, taxonomy, "verslag.docx", data)
    assert draft.title == "Verslag werkgroep cultuureducatie 5 februari 2024"  # was 'Verslag'
    assert draft.date == date(2024, 2, 5)
    assert draft.summary.startswith("De werkgroep bespreekt de leerlijn erfgoed")  # was 'Aanwezig: ...'


@pytest.mark.parametrize("prop", ["Notulen", "Verslag", "Agenda"])
def test_a_template_title_property_gives_way_to_a_first_heading(tmp_path, taxonomy, prop):
    import docx

    document = docx.Document()
    document.core_properties.title = prop
    document.add_heading("Overleg cultuurcoördinatoren Midden-Holland", level=1)
    document.add_paragraph("De werkgroep bespreekt de leerlijn erfgoed voor groep 5 tot en met 8.")
    draft = read(tmp_path, taxonomy, "overleg.docx", docx_bytes(document))
    assert draft.title == "Overleg cultuurcoördinatoren Midden-Holland"  # was the property


def test_minutes_beginning_with_their_attendees_are_not_titled_by_them(tmp_path, taxonomy):
    import docx

    document = docx.Document()
    document.core_properties.title = "Notulen"
    document.add_paragraph("Aanwezig: Anja de Vries, Peter Smit, Fatima El Amrani")
    document.add_paragraph("De werkgroep bespreekt de leerlijn erfgoed voor groep 5 tot en met 8.")
    draft = read(tmp_path, taxonomy, "notulen.docx", docx_bytes(document))
    assert draft.title == "Notulen"
    document.core_properties.title = ""
    assert read(tmp_path, taxonomy, "notulen-werkgroep.docx", docx_bytes(document)).title == "notulen-werkgroep"


def test_a_word_reports_first_line_with_a_date_is_title_and_date(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "overleg.docx", rf.meeting_docx())  # title property 'Document1'
    assert (draft.title, draft.date) == ("Verslag overleg 12-03-2024", date(2024, 3, 12))


def test_tracked_changes_in_a_report_show_the_text_as_accepted(tmp_path, taxonomy):
    data = rf.with_tracked_changes(rf.meeting_docx(), " Dit is weg.", " Dit is nieuw.")
    draft = read(tmp_path, taxonomy, "overleg.docx", data)
    assert "geschiedenismethode. Dit is nieuw." in draft.body and "Dit is weg" not in draft.body


@pytest.mark.parametrize("field", ["Notulist: Joost Verbeek", "Aanwezigen: Anja, Peter en Fatima",
                                   "Afgemeld: Ingrid Bakker", "Locatie: Goudse schouwburg", "versie 0.3 concept"])
def test_a_reports_fields_are_no_summary_nor_a_heading_of_a_text_file(tmp_path, taxonomy, field):
    text = f"Verslag werkgroep\n\n{field}\n\nDe werkgroep bespreekt de leerlijn erfgoed voor groep 5 tot en met 8.\n"
    draft = read(tmp_path, taxonomy, "verslag.txt", text.encode())
    assert draft.summary.startswith("De werkgroep bespreekt"), draft.summary
    assert draft.body.startswith(f"{field}\n\n")  # was a heading: '## Notulist: Joost Verbeek'


def test_a_sentence_that_begins_like_a_field_is_a_summary(tmp_path, taxonomy):
    text = "Verslag werkgroep\n\nAanwezig waren veertig leerkrachten uit de hele regio, die samen de leerlijn bespraken.\n"
    draft = read(tmp_path, taxonomy, "verslag.txt", text.encode())
    assert draft.summary.startswith("Aanwezig waren veertig leerkrachten")


# -- dates: a period's last year -------------------------------------------------------------------------------
def test_the_end_of_a_period_is_a_year_the_text_names():
    created = date(2024, 3, 15)
    assert dates.file_date([("created", created)], "Zie het CMK-plan 2021-2024 van de gemeente.") == (created, None)
    _, note = dates.file_date([("created", date(2019, 5, 1))], "Cultuurplan schooljaar 2023-2024")
    assert "de jaren 2023 tot en met 2024" in note  # was 'alleen het jaar 2023'
    assert dates.file_date([("created", created)], "Verslag van 12-03-2024") == (created, None)


def test_a_reports_creation_date_is_its_date_when_a_period_in_it_ends_that_year(tmp_path, taxonomy):
    draft = read(tmp_path, taxonomy, "notulen.pdf", rf.report_pdf(rf.MEETING_PAGES[2:], title="Notulen",
                                                                    header="Notulen werkgroep", header_from=1))
    assert draft.title == "Verslag werkgroep cultuureducatie"  # its first heading; was 'Notulen', the template's
    assert draft.date == date(2024, 3, 15)  # the CreationDate; was refused: 'de tekst noemt alleen het jaar 2021'
    assert "Notulen werkgroep" not in draft.body


def test_a_school_year_is_no_date(tmp_path, taxonomy):
    data = rf.meeting_docx(first_line="Jaarverslag cultuur schooljaar 2023-2024",
                           title_property="Microsoft Word - concept.docx", created=dt.datetime(2019, 5, 1))
    draft = read(tmp_path, taxonomy, "jaarverslag.docx", data)
    assert (draft.title, draft.date) == ("Jaarverslag cultuur schooljaar 2023-2024", None)


# -- the same title for several meetings; the same file twice ----------------------------------------------------
def second_meeting() -> bytes:
    pages = [list(page) for page in rf.MEETING_PAGES]
    pages[0] = [("cover", [(11, "KUNSTGEBOUW"), (24, "Verslag werkgroep"), (24, "cultuureducatie"),
                           (11, "14 november 2023")])]
    return rf.report_pdf(pages, header="Kunstgebouw | Verslag werkgroep cultuureducatie | 14 november 2023",
                         created="D:20231120090000+01'00'")


def test_reports_of_two_meetings_from_one_template_are_two_documents(corpus_dir, index_dir, tmp_path):
    paths = write(tmp_path, {"maart.pdf": rf.report_pdf(), "november.pdf": second_meeting()})
    outcomes = import_paths(corpus_dir, index_dir, paths)
    # Was 'dubbel' (98% alike: the same members, agenda and actions): the November meeting was not imported.
    assert [o.status for o in outcomes] == ["created", "created"], outcomes
    assert outcomes[0].doc_id != outcomes[1].doc_id
    assert "zelfde titel, andere datum: apart opgeslagen" in outcomes[1].reason
    again = import_paths(corpus_dir, index_dir, paths[:1])
    assert [(o.status, o.doc_id) for o in again] == [("unchanged", outcomes[0].doc_id)]
    assert again[0].reason == "hetzelfde bestand is al eerder geïmporteerd; niets veranderd"


def test_a_copy_of_a_report_with_the_same_date_is_still_a_double(corpus_dir, index_dir, tmp_path):
    paths = write(tmp_path, {"verslag.pdf": rf.report_pdf(),
                             "kopie.pdf": rf.report_pdf(title="Verslag werkgroep cultuureducatie (kopie)")})
    outcomes = import_paths(corpus_dir, index_dir, paths)
    assert [o.status for o in outcomes] == ["created", "duplicate"], outcomes


def test_reports_uploaded_through_the_form_are_imported_and_a_second_upload_is_said(corpus_dir, index_dir, tmp_path):
    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    client = app.test_client()
    login(client)

    def upload(files: dict[str, bytes]):
        data = MultiDict({"csrf_token": token(client, "/redactie/importeren")})
        for name, content in files.items():
            data.add("bestanden", FileStorage(io.BytesIO(content), filename=name))
        boundary, body = encode_multipart(data)
        return client.post("/redactie/importeren", data=body,
                           content_type=f"multipart/form-data; boundary={boundary}")

    files = {"maart.pdf": rf.report_pdf(), "november.pdf": second_meeting(), "plan.docx": rf.plan_docx(),
             "cultuurplan.pdf": rf.plan_pdf()}
    first = upload(files)
    assert first.status_code == 200
    assert "4 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 0 mislukt" in first.get_data(as_text=True)
    again = upload({"maart.pdf": files["maart.pdf"]})
    page = again.get_data(as_text=True)
    assert again.status_code == 200 and "1 ongewijzigd" in page
    assert "hetzelfde bestand is al eerder geïmporteerd" in page
