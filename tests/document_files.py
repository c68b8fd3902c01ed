"""PDF and Word files made for the import tests (reportlab and python-docx, test-only dependencies): a
report with a running header and footer, headings, a list and hyphenated line breaks; a scan without a
text layer; an encrypted PDF; a Word file with headings, a list and emphasis."""
from __future__ import annotations

import datetime as dt
import io

HEADER = "Cultuurnetwerk Zuid-Holland · Verslag netwerkdag"
PAGES = [
    [("h1", "Verslag netwerkdag cultuureducatie Gouda"),
     ("p", ["Op 22 juni 2023 kwamen veertig intern cultuurcoördinatoren bij elkaar in de Goudse",
            "schouwburg. De dag ging over leerlijnen en over de samenwerking met cultuur-",
            "aanbieders in de regio Midden-Holland."]),
     ("h2", "Wat we bespraken"),
     ("li", "Een leerlijn erfgoed voor groep 5 tot en met 8"),
     ("li", "De inzet van vakdocenten muziek"),
     ("p", ["De deelnemers waren het erover eens dat een leerlijn pas werkt als de hele school",
            "erachter staat."])],
    [("h2", "Werksessies"),
     ("p", ["In de middag waren er drie werksessies over dans, beeldende vorming en media-",
            "wijsheid. Elke sessie eindigde met afspraken voor het komende schooljaar."])],
    [("h2", "Vervolg"),
     ("p", ["De volgende netwerkdag is in het voorjaar. Het verslag wordt gedeeld met alle scholen",
            "in de regio."]),
     ("b", "Afspraken voor het voorjaar"),
     ("p", ["Elke school kiest een contactpersoon voor de leerlijn."])],
]


def report_pdf(title_property: str = "verslag_def2.pdf", created: str = "D:20230701120000+02'00'") -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title_property)
    pdf.setCreator("test")
    for number, blocks in enumerate(PAGES, 1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, 810, HEADER)
        pdf.drawString(500, 30, f"Pagina {number} van {len(PAGES)}")
        y = 760
        for kind, content in blocks:
            if kind in ("h1", "h2"):
                pdf.setFont("Helvetica-Bold", 18 if kind == "h1" else 14)
                y -= 12
                pdf.drawString(72, y, content)
                y -= 28
            elif kind == "b":  # a heading in the body's size, only bold
                pdf.setFont("Helvetica-Bold", 11)
                pdf.drawString(72, y, content)
                y -= 24
            elif kind == "li":
                pdf.setFont("Helvetica", 11)
                pdf.drawString(80, y, f"• {content}")
                y -= 16
            else:
                y = draw_lines(pdf, 72, y, content, ("Helvetica", 11), 16, 14)
        pdf.showPage()
    pdf.save()
    return with_pdf_dates(buffer.getvalue(), created)


def draw_lines(pdf, x: float, y: float, lines, font: tuple[str, float], leading: float, gap: float) -> float:
    """A paragraph of lines on a reportlab canvas at (x, y); returns where the next block starts."""
    pdf.setFont(*font)
    text = pdf.beginText(x, y)
    for line in lines:
        text.textLine(line)
    pdf.drawText(text)
    return y - leading * len(lines) - gap


def with_pdf_dates(data: bytes, created: str, modified: str | None = None) -> bytes:
    """A reportlab PDF with the CreationDate (and ModDate) a word processor writes, 'D:20230701120000+02'00''
    (reportlab writes the time it ran; the date has the same length, so the file's offsets stay right)."""
    import re

    stamps = re.findall(rb"/(CreationDate|ModDate) \((D:\d{14}[+-]\d\d'\d\d')\)", data)
    for key, stamp in stamps:
        new = (created if key == b"CreationDate" or modified is None else modified).encode("ascii")
        assert len(new) == len(stamp), new
        data = data.replace(b"/" + key + b" (" + stamp + b")", b"/" + key + b" (" + new + b")")
    return data


def scanned_pdf() -> bytes:
    """Two pages of 'scanned' content: shapes only, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        for row in range(40):
            pdf.rect(72, 760 - row * 16, 300 + (row * 37) % 150, 8, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=pdfencrypt.StandardEncryption("geheim", canPrint=0))
    pdf.drawString(72, 760, "Vertrouwelijk verslag van de stuurgroep cultuureducatie.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def report_docx(title_property: str = "", created: dt.datetime | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title_property
    document.core_properties.created = created or dt.datetime(2024, 2, 12, 9, 0)
    document.add_heading("Projectplan muziek in de klas", level=1)
    intro = document.add_paragraph("Vakdocenten geven samen met de leerkracht ")
    intro.add_run("muziekles").bold = True
    intro.add_run(" in groep 3 tot en met 8, in ")
    intro.add_run("Nissewaard").italic = True
    intro.add_run(".")
    document.add_heading("Doelen", level=2)
    document.add_paragraph("Leerkrachten geven na twee jaar zelf muziekles", style="List Bullet")
    document.add_paragraph("Elke groep zingt op de slotavond", style="List Bullet")
    document.add_heading("Aanpak", level=2)
    document.add_paragraph("Eerst co-teaching", style="List Number")
    document.add_paragraph("Daarna coaching op afstand", style="List Number")
    return docx_bytes(document)


def docx_bytes(document) -> bytes:
    """A python-docx document as the bytes of its .docx file."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_file(pages: list[list[tuple[str, object]]], title: str | None = None,
             created: str = "D:20230701120000+02'00'", modified: str | None = None, header: str = "",
             footer: str = "", ligatures: bool = False, columns: int = 1) -> bytes:
    """A PDF as word processors and design tools write them. Blocks of a page: ("h1"/"h2", text), ("p", [lines]),
    ("small", text) (a letterhead line), ("column", None) (the next blocks go to the right-hand column).
    `header` and `footer` are drawn on every page ('{n}': the page number, '{total}': the page count);
    `ligatures`: in Bitstream Vera (reportlab's own font), whose 'ﬁ' and 'ﬂ' stay single characters in the
    text layer, as in files set by design tools."""
    import os

    import reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    regular, bold = "Helvetica", "Helvetica-Bold"
    if ligatures:
        fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
        pdfmetrics.registerFont(TTFont("Vera", os.path.join(fonts, "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", os.path.join(fonts, "VeraBd.ttf")))
        regular, bold = "Vera", "VeraBd"
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if title is not None:
        pdf.setTitle(title)
    for number, blocks in enumerate(pages, 1):
        if header:
            pdf.setFont(regular, 8)
            pdf.drawString(72, 810, header.format(n=number, total=len(pages)))
        if footer:
            pdf.setFont(regular, 8)
            pdf.drawString(480, 30, footer.format(n=number, total=len(pages)))
        x, y = 72, 770
        for kind, content in blocks:
            if kind == "column":
                x, y = 310, 700
            elif kind in ("h1", "h2"):
                pdf.setFont(bold, 18 if kind == "h1" else 13)
                y -= 10
                pdf.drawString(x, y, content)
                y -= 26
            elif kind == "small":
                pdf.setFont(regular, 8)
                pdf.drawString(x, y, content)
                y -= 14
            else:
                y = draw_lines(pdf, x, y, content, (regular, 10.5), 14, 12)
        pdf.showPage()
    pdf.save()
    return with_pdf_dates(buffer.getvalue(), created, modified)
