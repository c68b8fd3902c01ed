"""Importing PDF and Word files: text with headings and lists, title and date, the original kept and
offered for download; scans, encrypted, damaged and oversized files and zip bombs refused with a reason."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from document_files import docx_bytes, encrypted_pdf, report_docx, report_pdf, scanned_pdf
from editor_support import login, make_app
from kennisplatform import importer
from kennisplatform.render import render_markdown


def run(corpus_dir, index_dir, taxonomy, *paths, **options):
    return importer.Importer(corpus_dir, index_dir, taxonomy, importer.Options(**options)).run(
        [Path(p) for p in paths])


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_pdf_with_a_text_layer_imports_with_its_headings(tmp_path, taxonomy):
    draft = importer.read_path(write(tmp_path / "in", "verslag_def2.pdf", report_pdf()), taxonomy)
    assert draft.title == "Verslag netwerkdag cultuureducatie Gouda"  # the first heading, not the file name
    assert draft.date.isoformat() == "2023-06-22"  # the text's date before the file's creation date
    body = draft.body
    assert "## Wat we bespraken" in body and "## Werksessies" in body and "## Vervolg" in body
    assert "### Afspraken voor het voorjaar\n\nElke school kiest" in body  # bold, in the body's size
    assert "- Een leerlijn erfgoed voor groep 5 tot en met 8\n- De inzet van vakdocenten muziek" in body
    assert "samenwerking met cultuuraanbieders in de regio" in body  # 'cultuur-' + 'aanbieders' joined
    assert "Midden-Holland" in body and "mediawijsheid" in body
    assert "Pagina" not in body and "Cultuurnetwerk Zuid-Holland ·" not in body  # running footer and header
    assert not body.startswith("#")  # the title is not repeated


def test_a_pdf_title_and_date_from_its_metadata(tmp_path, taxonomy):
    data = report_pdf(title_property="Terugblik netwerkdag 2023")
    draft = importer.read_path(write(tmp_path / "in", "x.pdf", data), taxonomy)
    assert draft.title == "Terugblik netwerkdag 2023"
    from kennisplatform.importer.pdf import _pdf_date

    assert _pdf_date("D:20230701120000+02'00'").isoformat() == "2023-07-01"


@pytest.mark.parametrize("make, name, reason", [
    (scanned_pdf, "scan.pdf", "geen tekst in de PDF (een scan"),
    (encrypted_pdf, "geheim.pdf", "de PDF is versleuteld"),
    (lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nrommel", "kapot.pdf", "beschadigd of onleesbaar PDF-bestand"),
    (lambda: report_docx()[:3000], "kapot.docx", "beschadigd Word-bestand"),
    (lambda: b"PK\x03\x04 geen zip", "nep.docx", "beschadigd Word-bestand"),
])
def test_unreadable_files_get_a_clear_reason(corpus_dir, index_dir, taxonomy, tmp_path, make, name, reason):
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", name, make()))
    assert outcome.status == "failed"
    assert outcome.reason.startswith(reason), outcome.reason


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/nullen.bin", b"\0" * 30_000_000)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(corpus_dir, index_dir, taxonomy, tmp_path):
    data = zip_bomb()
    assert len(data) < 100_000
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", "bom.docx", data))
    assert outcome.status == "failed" and "zip-bom" in outcome.reason


def test_a_docx_keeps_headings_lists_and_emphasis(tmp_path, taxonomy):
    draft = importer.read_path(write(tmp_path / "in", "plan_v3.docx", report_docx()), taxonomy)
    assert draft.title == "Projectplan muziek in de klas"
    assert draft.date.isoformat() == "2024-02-12"  # core properties: created
    body = draft.body
    assert "## Doelen" in body and "## Aanpak" in body
    assert "- Leerkrachten geven na twee jaar zelf muziekles\n- Elke groep zingt op de slotavond" in body
    assert "1. Eerst co-teaching\n2. Daarna coaching op afstand" in body
    assert "**muziekles**" in body and "*Nissewaard*" in body
    html = render_markdown(body).html
    assert "<ul>" in html and "<ol>" in html and "<h2" in html


def test_a_docx_title_property_wins_unless_it_is_a_file_name(tmp_path, taxonomy):
    named = importer.read_path(write(tmp_path / "in", "a.docx", report_docx("Plan muziekonderwijs 2024")), taxonomy)
    assert named.title == "Plan muziekonderwijs 2024"
    file_like = importer.read_path(write(tmp_path / "in", "b.docx", report_docx("plan_v3_def.docx")), taxonomy)
    assert file_like.title == "Projectplan muziek in de klas"


def test_the_original_is_kept_and_offered_as_a_download(corpus_dir, index_dir, taxonomy, tmp_path):
    data = report_pdf()
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", "verslag_def2.pdf", data))
    assert outcome.status == "created", outcome.line()
    assert (corpus_dir / "bijlagen" / f"{outcome.doc_id}.pdf").read_bytes() == data
    again = run(corpus_dir, index_dir, taxonomy, tmp_path / "in" / "verslag_def2.pdf")
    assert [(o.status, o.doc_id) for o in again] == [("unchanged", outcome.doc_id)]
    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    client = app.test_client()
    page = client.get(f"/document/{outcome.doc_id}").get_data(as_text=True)
    assert f'href="/document/{outcome.doc_id}/origineel"' in page and "PDF-bestand (" in page
    download = client.get(f"/document/{outcome.doc_id}/origineel")
    assert download.status_code == 200 and download.data == data
    assert download.mimetype == "application/pdf"
    assert download.headers["Content-Disposition"] == (
        "attachment; filename=verslag-netwerkdag-cultuureducatie-gouda.pdf")
    assert client.get("/document/erfgoed-leiden/origineel").status_code == 404  # written in the editor
    assert client.get("/document/bestaat-niet/origineel").status_code == 404


def test_the_web_upload_takes_pdf_and_word(tmp_path, corpus_dir, index_dir):
    from test_editor_web import text, upload

    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    client = app.test_client()
    login(client)
    response = upload(client, [("verslag.pdf", report_pdf()), ("plan.docx", report_docx()),
                               ("scan.pdf", scanned_pdf())])
    page = text(response)
    assert response.status_code == 200
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 1 mislukt" in page
    assert "geen tekst in de PDF" in page


def test_a_pdf_with_too_many_pages_is_refused(tmp_path, taxonomy, monkeypatch):
    from kennisplatform.importer import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    with pytest.raises(importer.ImportProblem, match="meer dan 2 pagina's"):
        importer.read_path(write(tmp_path / "in", "lang.pdf", report_pdf()), taxonomy)


def test_an_oversized_pdf_is_refused_before_it_is_read(tmp_path, taxonomy, monkeypatch):
    from kennisplatform.importer import files

    monkeypatch.setattr(files, "MAX_BINARY_BYTES", 1000)
    with pytest.raises(importer.ImportProblem, match="groter dan 0 MB"):
        importer.read_path(write(tmp_path / "in", "groot.pdf", report_pdf()), taxonomy)


def plain_pdf(title: str, lines: list[str]) -> bytes:
    """A PDF typed without heading styles: the title is a line in the body's font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    y = 800
    for line in [title, *lines]:
        pdf.drawString(60, y, line)
        y -= 30
    pdf.save()
    return buffer.getvalue()


def test_a_pdf_title_in_the_body_font_is_neither_repeated_nor_its_summary(tmp_path, taxonomy):
    title = "Verslag netwerkbijeenkomst cultuureducatie Gouda"
    data = plain_pdf(title, ["Interne cultuurcoördinatoren van basisscholen uit Gouda kwamen bijeen in de schouwburg.",
                             "Onderwerp was de doorgaande leerlijn muziek en erfgoed voor alle groepen."])
    draft = importer.read_path(write(tmp_path / "in", "verslag.pdf", data), taxonomy)
    assert draft.title == title
    assert draft.summary.startswith("Interne cultuurcoördinatoren")
    assert not draft.body.startswith("Verslag netwerkbijeenkomst")


@pytest.mark.parametrize("name, data, reason", [
    ("leeg.html", b"", "leeg bestand"),
    ("leeg.pdf", b"", "leeg bestand"),
    ("spaties.txt", b"  \n\n ", "leeg bestand"),
    ("foto.html", bytes(range(256)) * 20, "geen tekst: het bestand lijkt een afbeelding"),
    ("ruis.html", "".join(chr(c % 31 + 1) for c in range(3000)).encode(), "geen tekst: het bestand lijkt"),
])
def test_empty_and_binary_files_are_refused_with_a_reason(corpus_dir, index_dir, taxonomy, tmp_path, name, data,
                                                          reason):
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", name, data))
    assert outcome.status == "failed" and outcome.reason.startswith(reason), outcome.reason


def test_a_utf16_web_page_is_read_as_text(tmp_path, taxonomy):
    html = "<html><head><title>Erfgoedlessen in Delft</title></head><body><article><p>Basisscholen in Delft " \
           "werken met het museum aan erfgoedlessen voor groep 7.</p></article></body></html>"
    draft = importer.read_path(write(tmp_path / "in", "pagina.html", html.encode("utf-16")), taxonomy)
    assert draft.title == "Erfgoedlessen in Delft" and "erfgoedlessen voor groep 7" in draft.body


def test_a_title_longer_than_allowed_is_cut_at_a_word_not_refused(corpus_dir, index_dir, taxonomy, tmp_path):
    long_title = "Cultuureducatie met kwaliteit in de regio " * 20
    html = f"<html><head><title>{long_title}</title></head><body><article><h1>{long_title}</h1><p>Muziekonderwijs " \
           "op basisscholen in Zoetermeer: vakdocenten geven les in groep 5 tot en met 8.</p></article></body></html>"
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", "lang.html", html.encode()))
    assert outcome.status == "created", outcome.reason
    assert len(outcome.title) <= 300 and outcome.title.endswith("regio …")
    [again] = run(corpus_dir, index_dir, taxonomy, tmp_path / "in" / "lang.html")
    assert again.status == "unchanged", again


def test_an_upload_without_a_title_is_named_after_the_uploaded_file_and_reported_in_dutch(tmp_path, corpus_dir,
                                                                                         index_dir):
    from test_editor_web import text, upload

    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    client = app.test_client()
    login(client)
    page = b"<html><body><article><p>Basisscholen in Delft werken met het museum aan erfgoedlessen over de " \
           b"geschiedenis van de stad voor groep 7 en 8.</p></article></body></html>"
    response = upload(client, [("erfgoedlessen-delft.html", page), ("foto.html", bytes(range(256)) * 20)])
    from bs4 import BeautifulSoup

    assert response.status_code == 200
    table = BeautifulSoup(text(response), "html.parser").find("table").get_text(" ")
    assert "erfgoedlessen-delft" in table and "001-" not in table  # the upload's name, not its temporary copy's
    assert "Voorgesteld: " in table and "regio's" in table
    assert "themes" not in table and "regions" not in table
    assert "geen tekst: het bestand lijkt een afbeelding" in table


def test_the_cli_reports_suggested_fields_in_dutch(corpus_dir, index_dir, tmp_path):
    from click.testing import CliRunner

    from kennisplatform.cli import main

    page = write(tmp_path / "in", "pagina.html", b"<html><head><title>Erfgoedlessen in Delft</title></head><body>"
                 b"<article><p>Basisscholen in Delft werken met het museum aan erfgoedlessen voor groep 7.</p>"
                 b"</article></body></html>")
    result = CliRunner().invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), "import", str(page)])
    assert "[voorgesteld: " in result.output and "regio's" in result.output, result.output
    assert "themes" not in result.output and "regions" not in result.output


def test_a_word_title_paragraph_is_neither_repeated_nor_the_summary(tmp_path, taxonomy):
    """Word's 'Title' style is no heading for mammoth: it came through as the first paragraph, so the page
    showed the title three times (title, lede, text)."""
    import docx

    document = docx.Document()
    document.add_heading("Dans op school in Leiden", 0)
    document.add_paragraph("Drie basisscholen in Leiden werken samen met een dansschool.")
    document.add_paragraph("Leerlingen van groep 5 tot en met 8 krijgen wekelijks les.")
    draft = importer.read_path(write(tmp_path / "in", "dans.docx", docx_bytes(document)), taxonomy)
    assert draft.title == "Dans op school in Leiden"
    assert draft.summary == "Drie basisscholen in Leiden werken samen met een dansschool."
    assert draft.body.startswith("Drie basisscholen")

