"""Long files of the field as they are kept (session 21): meeting reports, policy plans, annual reports and school
culture plans as multi-page PDFs (a cover, a table of contents with dotted leaders, a running header and footer,
two columns, footnotes, a colophon) and as Word files (a cover, a table of contents field, headers and footers,
numbered lists, tracked changes). Their texts are shaped after real Dutch texts of the field (library `search`,
corpus `pages`: a Kunstgebouw CMK meeting report, a werkgroep Cultuureducatie werksessie, a school's culture plan,
an evaluation of Cultuureducatie met Kwaliteit); built with reportlab and python-docx (test-only dependencies)."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from document_files import docx_bytes, with_pdf_dates

ORGANISATION = "Kunstgebouw"
REPORT_TITLE = "Verslag werkgroep cultuureducatie"

# Blocks of a page: ("h1"/"h2"/"h3", text), ("p", [lines]), ("li", text), ("small", text), ("note", text) (a
# footnote at the foot of the page, in small print), ("toc", [(entry, page)]) (dotted leaders), ("column", None)
# (the next blocks go to the right-hand column), ("cover", [(size, text)]) (lines of a cover page, centred).
MEETING_PAGES = [
    [("cover", [(11, "KUNSTGEBOUW"), (24, "Verslag werkgroep"), (24, "cultuureducatie"),
                (14, "Overleg cultuurcoördinatoren Midden-Holland"), (11, "12 maart 2024"),
                (9, "versie 0.3 concept")])],
    [("h2", "Inhoud"),
     ("toc", [("1. Opening en mededelingen", 3), ("2. Terugblik CMK-bijeenkomst", 3), ("3. Leerlijn erfgoed", 4),
              ("4. Actiepunten", 4)])],
    [("h1", "Verslag werkgroep cultuureducatie"),
     ("p", ["Aanwezig: Anja de Vries (voorzitter), Peter Smit, Fatima El Amrani, Joost Verbeek (notulist)"]),
     ("p", ["Afwezig: Ingrid Bakker (met kennisgeving)"]),
     ("h2", "1. Opening en mededelingen"),
     ("p", ["De voorzitter opent de vergadering en heet iedereen welkom in de Goudse schouwburg. Het",
            "verslag van de vorige bijeenkomst wordt zonder wijzigingen vastgesteld. Peter meldt dat de",
            "aanvraag voor de regeling Cultuureducatie met Kwaliteit is ingediend bij het Fonds voor Cultuur-",
            "participatie.¹"]),
     ("h2", "2. Terugblik CMK-bijeenkomst"),
     ("p", ["Op 22 juni reisden de leden af naar Vlaardingen om elkaar te ontmoeten, kennis te delen en",
            "vooruit te kijken. In de Kroepoekfabriek werd uitgewisseld over urgente onderwerpen; samen-",
            "werken aan een toekomst vol cultuur voor iedereen stond centraal."]),
     ("note", "¹ Zie het CMK-plan 2021-2024 van de gemeente Gouda, paragraaf 3.")],
    [("h2", "3. Leerlijn erfgoed"),
     ("p", ["Fatima licht de leerlijn erfgoed voor groep 5 tot en met 8 toe. Scholen willen de lessen",
            "koppelen aan de geschiedenismethode. De werkgroep vraagt de erfgoedinstellingen om een",
            "aanbod dat aansluit bij de kerndoelen."]),
     ("h2", "4. Actiepunten"),
     ("li", "Joost stuurt het verslag voor 1 april rond aan alle scholen"),
     ("li", "Fatima maakt een overzicht van het erfgoedaanbod per groep"),
     ("li", "Anja plant de volgende bijeenkomst in juni"),
     ("p", ["De voorzitter sluit de vergadering om 16.30 uur."])],
]


def report_pdf(pages=MEETING_PAGES, title: str | None = "Microsoft Word - verslag werkgroep.docx",
               header: str = "Kunstgebouw | Verslag werkgroep cultuureducatie | 12 maart 2024",
               footer: str = "Pagina {n} van {total}", created: str = "D:20240315090000+01'00'",
               header_from: int = 2, toc_gap: float = 8) -> bytes:
    """A long PDF with a running header and footer from page `header_from` on (a cover page has none). `toc_gap`:
    the space between a contents entry's leaders and its page number (a design tool's tab stop may leave 20 pt,
    and the number is then a text box of its own)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if title is not None:
        pdf.setTitle(title)
    width = A4[0]
    for number, blocks in enumerate(pages, 1):
        if number >= header_from:
            pdf.setFont("Helvetica", 8)
            if header:
                pdf.drawString(72, 810, header.format(n=number, total=len(pages)))
            if footer:
                pdf.drawString(460, 30, footer.format(n=number, total=len(pages)))
        x, y, column_width = 72, 770, 450
        for kind, content in blocks:
            if kind == "cover":
                y, previous = 640, None
                for size, text in content:  # a title over two lines is set close; the next line further down
                    y -= 0 if previous is None else size * 1.2 if size == previous else size * 2.5
                    pdf.setFont("Helvetica-Bold" if size >= 14 else "Helvetica", size)
                    pdf.drawCentredString(width / 2, y, text)
                    previous = size
            elif kind == "column":
                x, y = 310, content or 770
            elif kind in ("h1", "h2", "h3"):
                pdf.setFont("Helvetica-Bold", {"h1": 18, "h2": 13, "h3": 11.5}[kind])
                y -= 10
                pdf.drawString(x, y, content)
                y -= 24
            elif kind == "li":
                pdf.setFont("Helvetica", 10.5)
                pdf.drawString(x + 8, y, f"• {content}")
                y -= 15
            elif kind == "small":
                pdf.setFont("Helvetica", 8)
                pdf.drawString(x, y, content)
                y -= 12
            elif kind == "note":
                pdf.setFont("Helvetica", 8)
                pdf.drawString(72, 60, content)
            elif kind == "toc":
                pdf.setFont("Helvetica", 10.5)
                for entry, page in content:
                    pdf.drawString(x, y, entry)
                    leader_from = x + pdf.stringWidth(entry, "Helvetica", 10.5) + 4
                    dots = "." * int((x + column_width - toc_gap - leader_from) / pdf.stringWidth(".", "Helvetica", 10.5))
                    pdf.drawString(leader_from, y, dots)
                    pdf.drawRightString(x + column_width, y, str(page))
                    y -= 18
                y -= 8
            else:
                pdf.setFont("Helvetica", 10.5)
                text = pdf.beginText(x, y)
                for line in content:
                    text.textLine(line)
                pdf.drawText(text)
                y -= 14 * len(content) + 12
        pdf.showPage()
    pdf.save()
    return with_pdf_dates(buffer.getvalue(), created)


# A school's culture plan: no date but its school year, two columns, a colophon at the end.
PLAN_PAGES = [
    [("cover", [(11, "OBS De Regenboog"), (24, "Cultuurplan"), (14, "schooljaar 2023-2024"),
                (9, "versie 0.3 concept")])],
    [("h2", "Inhoudsopgave"),
     ("toc", [("Voorwoord", 3), ("1. Visie op cultuureducatie", 3), ("2. Doelen", 4), ("3. Activiteiten", 4),
              ("Colofon", 4)])],
    [("h2", "Voorwoord"),
     ("p", ["Voor u ligt het cultuurplan van OBS De Regenboog. In dit plan beschrijven we hoe we de",
            "komende jaren werken aan cultuureducatie, samen met de culturele instellingen in Gouda."]),
     ("h2", "1. Visie op cultuureducatie"),
     ("p", ["Cultuureducatie is meer dan een extraatje. Kinderen leren zich te uiten, kijken op een",
            "nieuwe manier naar de wereld en ontdekken hun talenten. We werken aan een doorgaande",
            "leerlijn van groep 1 tot en met 8, met aandacht voor erfgoed, muziek en beeldende vor-",
            "ming."])],
    [("h2", "2. Doelen"),
     ("p", ["Elke groep bezoekt minstens één keer per jaar een culturele instelling."]),
     ("column", 690),
     ("h2", "3. Activiteiten"),
     ("p", ["De cultuurcoördinator stelt elk jaar", "het programma samen met het team."]),
     ("column", 560),
     ("h2", "Colofon"),
     ("p", ["Tekst: werkgroep cultuur OBS De Regenboog", "Vormgeving: Studio Gouda",
            "Foto's: Kunstgebouw"])],
]


def plan_pdf(title: str | None = None) -> bytes:
    return report_pdf(PLAN_PAGES, title=title, header="Cultuurplan OBS De Regenboog",
                      created="D:20230901090000+02'00'", toc_gap=20)


# -- Word ------------------------------------------------------------------------------------------------------
def _toc_field(document, entries: list[tuple[str, int]]) -> None:
    """A table of contents as Word inserts it: a TOC field whose cached result is paragraphs in 'toc 1' style, each
    an entry, a tab and its page number (python-docx has no TOC; the field is written as Word writes it)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    body = document.element.body
    first = True
    for entry, page in entries:
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" '
                 '\\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>') if first else ""
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if (entry, page) == entries[-1] else ""
        paragraph = parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" '
            f'w:pos="9062"/></w:tabs></w:pPr>{begin}<w:r><w:t>{entry}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{page}'
            f'</w:t></w:r>{end}</w:p>')
        body.insert(len(body) - 1, paragraph)
        first = False


def _ensure_style(document, style_id: str, name: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    if name not in [style.name for style in document.styles]:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId", style_id)


def plan_docx(title_property: str = "CMK-plan Gouda 2025-2028", created: dt.datetime | None = None,
              header: str = "Gemeente Gouda | CMK-plan", footer: str = "Pagina 1",
              cover_date: str | None = "maart 2025", with_toc: bool = True, cover_end: str = "page break") -> bytes:
    """A policy plan as a municipality writes it in Word: a cover page (title, subtitle, date, version) and a page
    break, a table of contents field, styled headings, a numbered list, a page header and footer. `cover_end`: how the
    cover ends, 'page break', 'section break' (a new section on a new page) or 'break before' (the next paragraph is
    set to begin on a new page)."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.core_properties.title = title_property
    document.core_properties.created = created or dt.datetime(2025, 3, 20, 9, 0)
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    document.add_paragraph("Gemeente Gouda")
    document.add_paragraph("Cultuureducatie met Kwaliteit", style="Title")
    document.add_paragraph("Plan voor de periode 2025-2028", style="Subtitle")
    if cover_date:
        document.add_paragraph(cover_date)
    version = document.add_paragraph("versie 0.3 concept")
    if cover_end == "page break":
        version.runs[0].add_break(WD_BREAK.PAGE)
    elif cover_end == "section break":
        from docx.enum.section import WD_SECTION

        document.add_section(WD_SECTION.NEW_PAGE)
    if with_toc:
        _ensure_style(document, "TOC1", "toc 1")
        document.add_paragraph("Inhoud", style="TOC Heading" if "TOC Heading" in [s.name for s in document.styles]
                               else None)
        _toc_field(document, [("1. Inleiding", 3), ("2. Ambities", 4), ("3. Uitvoering", 5)])
    first = document.add_heading("1. Inleiding", level=1)
    if cover_end == "break before":
        first.paragraph_format.page_break_before = True
    document.add_paragraph("Met dit plan zetten de gemeente Gouda, de scholen en de culturele instellingen de "
                           "samenwerking in cultuureducatie voort. Kinderen in het primair onderwijs krijgen een "
                           "doorgaande leerlijn in kunst, erfgoed en media.")
    document.add_heading("2. Ambities", level=1)
    for item in ("Elke school heeft een cultuurcoördinator", "Elke groep werkt met een leerlijn erfgoed",
                 "Vakdocenten muziek ondersteunen de leerkrachten"):
        document.add_paragraph(item, style="List Number")
    document.add_heading("3. Uitvoering", level=1)
    document.add_paragraph("Kunstgebouw ondersteunt de scholen bij het schrijven van hun cultuurplan.")
    return docx_bytes(document)


def meeting_docx(first_line: str = "Verslag overleg 12-03-2024", title_property: str = "Document1",
                 created: dt.datetime | None = None, text: str | None = None) -> bytes:
    """Minutes typed without styles: the first line is the meeting and its date."""
    import docx

    document = docx.Document()
    document.core_properties.title = title_property
    document.core_properties.created = created or dt.datetime(2013, 12, 23, 9, 0)
    document.add_paragraph(first_line)
    document.add_paragraph("Aanwezig: Anja de Vries, Peter Smit, Fatima El Amrani")
    document.add_paragraph("Afwezig: Ingrid Bakker")
    document.add_paragraph(text or "De werkgroep bespreekt de leerlijn erfgoed voor groep 5 tot en met 8. Scholen "
                           "willen de lessen koppelen aan de geschiedenismethode.")
    document.add_paragraph("Actiepunten")
    document.add_paragraph("Joost stuurt het verslag rond aan alle scholen", style="List Number")
    document.add_paragraph("Fatima maakt een overzicht van het erfgoedaanbod", style="List Number")
    return docx_bytes(document)


def with_tracked_changes(data: bytes, deleted: str, inserted: str) -> bytes:
    """A Word file with a tracked deletion and insertion at the end of the paragraph that holds 'geschiedenismethode'."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                change = (f'<w:del w:id="901" w:author="Anja" w:date="2024-03-13T10:00:00Z"><w:r><w:delText '
                          f'xml:space="preserve">{deleted}</w:delText></w:r></w:del><w:ins w:id="902" w:author="Anja" '
                          f'w:date="2024-03-13T10:00:00Z"><w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>')
                text = body.decode("utf-8")
                text = re.sub(r"(geschiedenismethode\.</w:t></w:r>)", lambda m: m.group(1) + change, text, count=1)
                body = text.encode("utf-8")
            target.writestr(item, body)
    return out.getvalue()


# An annual report: a cover, a colophon on page 2, the text from page 3; a running header from page 2 on.
ANNUAL_PAGES = [
    [("cover", [(11, "Stichting Kunstgebouw"), (26, "Jaarverslag 2023"),
                (14, "Cultuureducatie met Kwaliteit Zuid-Holland")])],
    [("h2", "Colofon"),
     ("p", ["Uitgave: Stichting Kunstgebouw, Gouda", "Tekst en redactie: afdeling Onderwijs",
            "Vormgeving: Studio Vorm", "Foto's: Jan de Boer", "Juni 2024"])],
    [("h2", "Voorwoord"),
     ("p", ["In 2023 werkten 180 scholen in Zuid-Holland met Kunstgebouw aan cultuureducatie. In dit jaar-",
            "verslag leest u wat we samen met scholen, gemeenten en cultuuraanbieders hebben bereikt."]),
     ("h2", "1. Resultaten"),
     ("p", ["Het aantal scholen met een cultuurcoördinator steeg van 140 naar 165. De deskundigheids-",
            "bevordering van leerkrachten kreeg een plek in de cultuurmenu's van twaalf gemeenten."])],
]


def annual_pdf() -> bytes:
    return report_pdf(ANNUAL_PAGES, title="Jaarverslag 2023", header="Jaarverslag 2023 Kunstgebouw", footer="",
                      created="D:20240612090000+02'00'")


# A newsletter saved as PDF: two columns, words hyphenated at the columns' line ends, an issue line, an agenda.
NEWSLETTER_PAGES = [
    [("h1", "Nieuwsbrief Cultuur & School"), ("p", ["Maart 2024 | nummer 3"]),
     ("h2", "Leerlijn erfgoed van start"),
     ("p", ["Twaalf scholen in Midden-Holland", "werken vanaf april met de nieuwe", "leerlijn erfgoed. De lessen zijn",
            "ontwikkeld met het Goudse muse-", "um en de bibliotheek."]),
     ("column", None),
     ("h2", "Cultuurcoördinatoren"),
     ("p", ["Op 18 april is de netwerkbijeen-", "komst voor intern cultuurcoör-", "dinatoren in de schouwburg."])],
    [("h2", "Subsidie aanvragen"),
     ("p", ["Scholen kunnen tot 1 mei een aan-", "vraag doen voor de regeling", "Cultuureducatie met Kwaliteit."]),
     ("column", None),
     ("h2", "Agenda"),
     ("p", ["18 april: netwerkbijeenkomst", "23 mei: erfgoedmiddag"])],
]


def newsletter_pdf() -> bytes:
    from document_files import pdf_file

    return pdf_file(NEWSLETTER_PAGES, title="Nieuwsbrief", header="Kunstgebouw nieuwsbrief", footer="{n}/{total}",
                    created="D:20240301090000+01'00'")
