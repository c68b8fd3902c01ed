"""Hostile and odd files for the importer (found by fuzzing): each is refused with a reason in Dutch, or
imported, without unbounded memory or time and without an exception reaching the editor."""
from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

import pytest

from kennisplatform import analysis, importer
from kennisplatform.importer import pdf


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def raw_pdf(content: bytes, filters: str = "") -> bytes:
    """A one-page PDF whose page content is `content` (already encoded with `filters`, e.g. '/FlateDecode')."""
    stream_dict = f"<< /Length {len(content)}" + (f" /Filter {filters}" if filters else "") + " >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               stream_dict.encode() + b"\nstream\n" + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_ops(words: list[tuple[float, float, str]]) -> bytes:
    return ("BT /F1 10 Tf\n" + "\n".join(f"1 0 0 1 {x:.1f} {y:.1f} Tm ({w}) Tj" for x, y, w in words)
            + "\nET").encode()


def deflated_spaces(megabytes: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b" " * 1_000_000
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


@pytest.fixture
def unpacked_peak(monkeypatch):
    """The most bytes the PDF reader held unpacked, with its limit lowered to 2 MB (cheap to test)."""
    monkeypatch.setattr(pdf, "MAX_UNPACKED", 2_000_000)
    peak = [0]

    class Spy(pdf._Unpacked):
        def take(self, count: int) -> None:
            if count <= pdf._OUT_STEP:  # a piece already unpacked (a larger count is a size told beforehand)
                peak[0] = max(peak[0], self.total + count)
            super().take(count)

    monkeypatch.setattr(pdf, "_Unpacked", Spy)
    return peak


@pytest.mark.parametrize("filters, content", [
    ("/FlateDecode", lambda: deflated_spaces(20)),  # 20 MB of spaces in 20 kB
    ("[/FlateDecode /FlateDecode]", lambda: zlib.compress(deflated_spaces(20), 9)),  # twice packed
    # 128 spaces per 2 bytes, 5 MB: its size is known before unpacking, so it is never unpacked
    ("/RunLengthDecode", lambda: bytes([129, 32]) * 40_000 + b"\x80"),
])
def test_a_pdf_that_unpacks_to_too_much_is_refused_while_unpacking(tmp_path, taxonomy, unpacked_peak, filters,
                                                                   content):
    data = raw_pdf(content(), filters)
    assert len(data) < 200_000
    with pytest.raises(importer.ImportProblem) as refused:
        importer.read_path(write(tmp_path / "in", "bom.pdf", data), taxonomy)
    assert refused.value.message.startswith("het PDF-bestand pakt uit tot meer dan 2 MB"), refused.value.message
    assert unpacked_peak[0] <= pdf.MAX_UNPACKED + pdf._OUT_STEP  # stopped at the limit, not after unpacking it all


def test_a_pdf_below_the_unpacking_limit_still_imports(tmp_path, taxonomy, unpacked_peak):
    words = [(72, 700 - 14 * i, f"Regel {i} over cultuureducatie in Gouda") for i in range(30)]
    data = raw_pdf(zlib.compress(text_ops(words) + b" " * 1_000_000), "/FlateDecode")
    draft = importer.read_path(write(tmp_path / "in", "goed.pdf", data), taxonomy)
    assert "Regel 29 over cultuureducatie in Gouda" in draft.body


@pytest.mark.parametrize("damage, expected", [
    (lambda packed: packed, "whole"),
    (lambda packed: packed[: len(packed) // 2], "prefix"),  # cut short: what it holds
    (lambda packed: packed[:-2] + b"\0\0", "whole"),  # a damaged checksum: the text before it
    (lambda packed: packed[:2] + b"\xff" * 8 + packed[10:], "nothing"),  # damaged at the start
])
def test_bounded_inflating_gives_what_pdfminer_gave_for_damaged_streams(damage, expected):
    text = ("Verslag van de netwerkdag cultuureducatie. " * 3000).encode()
    packed = damage(zlib.compress(text))
    unpacked = pdf._inflate(packed, pdf._Unpacked())
    from pdfminer.pdftypes import decompress_corrupted

    if expected == "whole":
        assert unpacked == text
    elif expected == "prefix":
        assert 0 < len(unpacked) < len(text) and text.startswith(unpacked)
        assert unpacked == decompress_corrupted(packed)
    else:
        assert unpacked == b""
        with pytest.raises(zlib.error):
            decompress_corrupted(packed)


def test_a_page_with_too_many_characters_is_refused(tmp_path, taxonomy, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 500)
    words = [(72 + (i % 10) * 50, 700 - (i // 10) * 12, "woord") for i in range(200)]  # 1,000 characters
    with pytest.raises(importer.ImportProblem) as refused:
        importer.read_path(write(tmp_path / "in", "vol.pdf", raw_pdf(text_ops(words))), taxonomy)
    assert "meer dan 500 tekens" in refused.value.message


def test_shapes_are_not_collected_so_a_page_of_many_keeps_its_text(tmp_path, taxonomy, monkeypatch):
    """A detailed map is tens of thousands of paths; the text is read without them."""
    from pdfminer.layout import LTLayoutContainer

    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 500)
    collected = []
    original = LTLayoutContainer.analyze

    def spy(self, laparams):
        collected.append(len(self._objs))
        return original(self, laparams)

    monkeypatch.setattr(LTLayoutContainer, "analyze", spy)
    shapes = b"\n".join(b"%d %d 2 2 re f" % (i % 500, i // 500 * 3) for i in range(3000))
    words = [(72, 700 - 14 * i, f"Regel {i} over de kaart van Zuid-Holland") for i in range(5)]
    draft = importer.read_path(write(tmp_path / "in", "kaart.pdf", raw_pdf(shapes + b"\n" + text_ops(words))),
                               taxonomy)
    assert "Regel 4 over de kaart van Zuid-Holland" in draft.body
    assert collected and max(collected) < 500  # the page's characters, none of its 3,000 rectangles


def test_a_page_of_scattered_words_is_not_ordered_pair_by_pair(tmp_path, taxonomy, monkeypatch):
    """pdfminer compares every pair of text boxes to order them: 2,000 scattered words took 49 s."""
    from pdfminer.layout import LTLayoutContainer

    monkeypatch.setattr(pdf, "MAX_ORDERED_BOXES", 20)
    compared = []
    original = LTLayoutContainer.group_textboxes

    def spy(self, laparams, boxes):
        compared.append(len(boxes))
        return original(self, laparams, boxes)

    monkeypatch.setattr(LTLayoutContainer, "group_textboxes", spy)
    rng = random.Random(7)
    words = [(rng.uniform(40, 560), rng.uniform(40, 760), f"woord{i}") for i in range(60)]
    draft = importer.read_path(write(tmp_path / "in", "los.pdf", raw_pdf(text_ops(words))), taxonomy)
    assert all(f"woord{i}" in draft.body for i in range(60))
    assert compared == []  # more boxes than the limit: ordered top to bottom, left to right
    few = [(72, 700 - 40 * i, f"regel{i}") for i in range(5)]
    importer.read_path(write(tmp_path / "in", "kort.pdf", raw_pdf(text_ops(few))), taxonomy)
    assert compared and max(compared) <= 20


def test_a_file_that_is_no_pdf_at_all_is_named_so(tmp_path, taxonomy):
    with pytest.raises(importer.ImportProblem) as refused:
        importer.read_path(write(tmp_path / "in", "pagina.pdf", b"<html><body>Geen PDF</body></html>"), taxonomy)
    assert refused.value.message.startswith("geen PDF-bestand")


# -- deeply nested web pages, and one file's failure in a run of several -------------------------------------
def nested_page(depth: int) -> bytes:
    return (b"<html><head><title>Diep genest</title></head><body>" + b"<div>" * depth
            + b"<nav>Home Nieuws Contact</nav><noscript>Zet javascript aan</noscript><script>alert(1)</script>"
            + b"<p>Erfgoedlessen in Leiden voor groep 7.</p><p>Met een bezoek aan de Burcht.</p>"
            + b"</div>" * depth + b"</body></html>")


@pytest.mark.parametrize("depth", [900, 5000])
def test_a_deeply_nested_page_imports_its_text(tmp_path, taxonomy, depth):
    draft = importer.read_path(write(tmp_path / "in", "diep.html", nested_page(depth)), taxonomy)
    assert draft.title == "Diep genest"
    assert "Erfgoedlessen in Leiden voor groep 7." in draft.body and "Met een bezoek aan de Burcht." in draft.body
    assert "groep 7.Met" not in draft.body  # the blocks' words stay apart
    for chrome in ("Nieuws", "javascript", "alert"):  # dropped as on any page, before the text is flattened
        assert chrome not in draft.body


def test_flattening_keeps_the_text_below_the_limit_and_leaves_shallow_pages_alone():
    from bs4 import BeautifulSoup

    from kennisplatform.importer.html import MAX_DEPTH, flatten, html_to_markdown

    shallow = "<div><h2>Kop</h2><p>Een <a href='https://x.nl/'>link</a> en <em>nadruk</em>.</p><ul><li>a</li></ul></div>"
    soup = BeautifulSoup(shallow, "html.parser")
    flatten(soup)
    assert str(soup) == str(BeautifulSoup(shallow, "html.parser"))
    deep = "<section>" * (MAX_DEPTH + 50) + "<p>eerste</p><p>tweede <b>vet</b></p>" + "</section>" * (MAX_DEPTH + 50)
    soup = BeautifulSoup(deep, "html.parser")
    assert html_to_markdown(soup).split() == ["eerste", "tweede", "vet"]
    depth, node = 0, soup
    while node.find(True, recursive=False) is not None:
        node, depth = node.find(True, recursive=False), depth + 1
    assert depth < MAX_DEPTH


def test_one_failing_file_is_reported_with_the_others_imported(corpus_dir, index_dir, taxonomy, tmp_path,
                                                               monkeypatch):
    from kennisplatform.importer import files

    read_html = files.read_html

    def breaking(text, name=""):
        if "KAPOT" in text:
            raise RecursionError("maximum recursion depth exceeded")
        if "STUK" in text:
            raise KeyError("x")
        return read_html(text, name)

    monkeypatch.setattr(files, "read_html", breaking)
    good = write(tmp_path / "in", "goed.html", b"<title>Dans in Delft</title><p>Dansles op school in Delft.</p>")
    deep = write(tmp_path / "in", "kapot.html", b"<title>x</title><p>KAPOT</p>")
    broken = write(tmp_path / "in", "stuk.html", b"<title>y</title><p>STUK</p>")
    outcomes = importer.Importer(corpus_dir, index_dir, taxonomy).run([deep, good, broken])
    assert [o.status for o in outcomes] == ["failed", "created", "failed"]
    assert outcomes[0].reason == "te diep genest opgebouwd om als webpagina te lezen; niet geïmporteerd"
    assert outcomes[2].reason == "kon niet als webpagina worden gelezen (beschadigd?); niet geïmporteerd"
    assert all("Error" not in o.reason for o in outcomes if o.reason)


def test_a_web_upload_reports_a_failing_file_beside_the_others(tmp_path, corpus_dir, index_dir, monkeypatch):
    from editor_support import login, make_app
    from test_editor_web import text, upload

    from kennisplatform.importer import run

    read_path = run.read_path

    def breaking(path, taxonomy, name=None):
        if path.read_bytes().startswith(b"KAPOT"):
            raise RuntimeError("kapot")  # any failure, wherever in the import of one file
        return read_path(path, taxonomy, name)

    monkeypatch.setattr(run, "read_path", breaking)
    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    login(client)
    response = upload(client, [("diep.html", nested_page(900)), ("kapot.txt", b"KAPOT\n\ntekst"),
                               ("goed.txt", b"Muziekles in Gouda\n\nVakdocenten muziek op de basisschool.")])
    page = text(response)
    assert response.status_code == 200
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 1 mislukt" in page
    assert "onverwachte fout bij dit bestand" in page and "RuntimeError" not in page


# -- every refusal in Dutch -----------------------------------------------------------------------------------
ENGLISH = re.compile(r"[A-Z]\w*(Error|Exception)|PSEOF|PDF[A-Z][a-z]|Traceback|\b(the|not|invalid|file)\b")


def docx_with(document_xml: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                          for i in range(1, 10))
               + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                 b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")


@pytest.mark.parametrize("name, data", [
    ("afgekapt.pdf", raw_pdf(text_ops([(72, 700, "Titel")]))[:150]),
    ("rommel.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20),
    ("html.pdf", b"<html><body>Dit is geen PDF</body></html>"),
    ("entiteiten.docx", docx_with(ENTITY_BOMB)),
    ("rommel-xml.docx", docx_with(b"<w:document><w:body><w:p>niet gesloten")),
    ("kapot.docx", b"PK\x03\x04" + bytes(range(256)) * 4),
    ("wit.txt", "\ufeff \u00a0\n".encode()),  # whitespace only (a broken header is imported: test_import_files)
    ("verwijzing.md", b"---\ntitle: &t Titel\ntype: verslag\nsummary: *t\n---\nTekst"),  # a wrong field: imported
    ("cyrillisch.txt", "Привет мир\n\nКультура".encode("cp1251")),  # windows-1252 would be mojibake
    ("programma.html", bytes(range(256)) * 40),
])
def test_every_refusal_is_said_in_dutch(corpus_dir, index_dir, taxonomy, tmp_path, name, data):
    [outcome] = importer.Importer(corpus_dir, index_dir, taxonomy).run([write(tmp_path / "in", name, data)])
    assert outcome.status == "failed"
    assert not ENGLISH.search(outcome.reason), outcome.reason


def test_a_front_matter_problem_names_the_field_in_dutch(tmp_path, taxonomy):
    """A wrong field value no longer refuses the file (test_import_lenient): the note names it in Dutch."""
    data = b"---\ntitle: Titel\ntype: verslag\ndate: 31-02-2024\n---\nTekst"
    draft = importer.read_path(write(tmp_path / "in", "datum.md", data), taxonomy)
    assert draft.notes[0] == "veld 'date': '31-02-2024' is geen geldige datum; niet gebruikt"
    assert not ENGLISH.search("; ".join(draft.notes))


# -- character sets ---------------------------------------------------------------------------------------------
def page(title: str, text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p>" \
           "</article></body></html>"


@pytest.mark.parametrize("declaration, encoding, title, text", [
    ("<meta charset='koi8-r'>", "koi8-r", "Привет мир", "Культура и образование в Лейдене."),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', "cp1251", "Школа искусств",
     "Музыка и танцы для детей в Гауде."),
    ('<meta charset="ISO-8859-15">', "iso-8859-15", "Kunst voor 5 €", "Muziekles in Gouda, één keer per week."),
    ("<meta charset=iso-8859-1>", "cp1252", "Café “De Pont”", "Erfgoed – één les per maand."),  # browsers: 1252
    ("<meta charset='onzin-42'>", "cp1252", "Café één", "Muziekles in Gouda."),  # unknown: as before
    ("<meta charset='koi8-r'>", "utf-8", "Café één", "Muziekles — in Gouda."),  # declared wrongly: UTF-8 wins
    ("<meta charset='utf-16'>", "cp1252", "Café één", "Muziekles in Gouda."),  # never UTF-16 for such bytes
])
def test_a_page_is_read_in_the_character_set_it_declares(tmp_path, taxonomy, declaration, encoding, title, text):
    data = page(title, text, declaration).encode(encoding)
    draft = importer.read_path(write(tmp_path / "in", "pagina.html", data), taxonomy)
    assert draft.title == title and text in draft.body


def test_a_page_whose_declared_character_set_does_not_fit_is_read_as_windows_1252(tmp_path, taxonomy):
    # shift_jis cannot decode these bytes: the declaration is wrong, the page is read as before
    data = page("Café één", "Muziekles in Gouda.", "<meta charset='shift_jis'>").encode("cp1252") + b"\x80\xff"
    draft = importer.read_path(write(tmp_path / "in", "pagina.html", data), taxonomy)
    assert draft.title == "Café één"


# UTF-8 read as windows-1252 or Latin-1 somewhere before the page was saved, as real pages have it.
@pytest.mark.parametrize("written, meant", [
    ("coÃ¶rdinator", "coördinator"),  # windows-1252
    ("de fotoâ€™s", "de foto’s"),
    ("de foto\u00e2\u0080\u0099s", "de foto’s"),  # Latin-1: two C1 controls
    ("de fotoâs", "de foto’s"),  # Latin-1 whose controls were dropped
])
def test_a_pages_mojibake_is_read_as_it_was_written(tmp_path, taxonomy, written, meant):
    data = page(f"Nieuwe {written}", f"Wij zochten een {written} voor de school.").encode("utf-8")
    draft = importer.read_path(write(tmp_path / "in", "pagina.html", data), taxonomy)
    assert draft.title == f"Nieuwe {meant}" and f"Wij zochten een {meant} voor de school." in draft.body
    assert "verkeerd gecodeerde tekens hersteld" in draft.notes[-1]
    assert analysis.analyze(draft.body).count(analysis.analyze(meant)[-1]) == 1  # "foto", "coordinator"


@pytest.mark.parametrize("text", ["Fryslâns skoallen yn Skarsterlân", "De coördinator van café “De Pont”",
                                  "Wrâld en âlden"])
def test_text_that_is_no_mojibake_is_left_as_it_is(tmp_path, taxonomy, text):
    draft = importer.read_path(write(tmp_path / "in", "pagina.html", page(text, text).encode("utf-8")), taxonomy)
    assert draft.title == text and text in draft.body and not draft.notes


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_page_without_byte_order_mark_is_read(tmp_path, taxonomy, encoding):
    data = page("Erfgoedlessen in Delft", "Basisscholen werken met het museum aan lessen voor groep 7 — één.")
    draft = importer.read_path(write(tmp_path / "in", "pagina.html", data.encode(encoding)), taxonomy)
    assert draft.title == "Erfgoedlessen in Delft" and "lessen voor groep 7 — één." in draft.body


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 20,  # a picture or program
    b"\x01\x00\x02\x00" * 2000,  # 16-bit numbers: NULs on one side, but control characters as text
    b"\0" * 4000,
])
def test_binary_files_are_still_refused(tmp_path, taxonomy, data):
    with pytest.raises(importer.ImportProblem, match="geen tekst: het bestand lijkt een afbeelding"):
        importer.read_path(write(tmp_path / "in", "ding.html", data), taxonomy)


# -- Word files: zip bombs and harmless repetition ------------------------------------------------------------------
WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_document(body: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {WORD_NS}><w:body>{body}</w:body></w:document>'.encode()


def test_a_short_repetitive_word_file_is_not_taken_for_a_zip_bomb(tmp_path, taxonomy):
    paragraph = "<w:p><w:r><w:t>Muziekles in groep 5 van de Gouwe-school.</w:t></w:r></w:p>"
    data = docx_with(word_document("<w:p><w:r><w:t>Herhaling</w:t></w:r></w:p>" + paragraph * 2000))
    assert len(data) < 2_000  # 180 kB of XML: a ratio far above 100
    draft = importer.read_path(write(tmp_path / "in", "herhaling.docx", data), taxonomy)
    assert draft.body.count("Muziekles in groep 5") == 2000


def test_a_zip_bomb_is_refused_with_sizes_that_say_something(tmp_path, taxonomy):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", word_document("<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
        archive.writestr("word/media/nullen.bin", b"\0" * 30_000_000)
    with pytest.raises(importer.ImportProblem) as refused:
        importer.read_path(write(tmp_path / "in", "bom.docx", buffer.getvalue()), taxonomy)
    assert re.fullmatch(r"verdacht Word-bestand: \d+ kB pakt uit tot 30 MB \(een zip-bom\?\); niet geïmporteerd",
                        refused.value.message), refused.value.message


def test_a_word_file_of_tables_nested_thousands_deep_is_refused_in_dutch(tmp_path, taxonomy):
    body = "<w:tbl><w:tr><w:tc>" * 2000 + "<w:p><w:r><w:t>diep</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 2000
    with pytest.raises(importer.ImportProblem) as refused:
        importer.read_path(write(tmp_path / "in", "diep.docx", docx_with(word_document(body))), taxonomy)
    assert refused.value.message.startswith("het Word-bestand is te diep genest opgebouwd")


# -- scripts and styles never become text ----------------------------------------------------------------------------
SCRIPTED_PAGE = """<html><head><title>Dans in Delft</title>
<meta name="description" content="&lt;script&gt;alert(1)&lt;/script&gt;Dansles op &lt;b&gt;school&lt;/b&gt; in Delft.">
<meta property="og:title" content="&lt;style&gt;h1{}&lt;/style&gt;Dans in Delft">
<script>alert(2)</script><style>body { color: red }</style></head>
<body><article><h1>Dans in Delft</h1><p>Leerlingen<script>alert(3)</script> dansen<noscript>zet javascript aan</noscript>
op school.<template><p>sjabloon</p></template></p><p>Het project loopt het hele jaar.<script>alert(4)
</article></body></html>"""


def test_the_text_of_scripts_and_styles_never_reaches_an_imported_page(tmp_path, taxonomy):
    draft = importer.read_path(write(tmp_path / "in", "dans.html", SCRIPTED_PAGE.encode()), taxonomy)
    everything = " ".join([draft.title, draft.summary, draft.body])
    for hidden in ("alert", "color", "h1{}", "javascript", "sjabloon", "<"):
        assert hidden not in everything, (hidden, everything)
    assert draft.title == "Dans in Delft" and draft.summary == "Dansles op school in Delft."
    assert "Leerlingen dansen op school." in draft.body


@pytest.mark.parametrize("front", ["", "---\ntitle: Dans in Delft\ntype: verslag\n---\n"])
def test_an_imported_markdown_body_leaves_out_scripts_it_would_never_show(tmp_path, taxonomy, front):
    from kennisplatform.documents import plain_text

    body = "# Dans in Delft\n\n<script>alert(1)</script>\n\nLeerlingen dansen op school.\n\n<style>p {}</style>\n"
    draft = importer.read_path(write(tmp_path / "in", "dans.md", (front + body).encode()), taxonomy)
    assert "alert" not in plain_text(draft.body) and "alert" not in draft.summary
    assert "Leerlingen dansen op school." in draft.body


def test_front_matter_with_yaml_aliases_is_refused_before_they_are_expanded(tmp_path, taxonomy):
    """Eight levels of ten aliases took 41 s and 7.6 GB (the title made text); five levels are enough to test."""
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 5)]
    data = ("---\ntype: verslag\n" + "\n".join(levels) + "\ntitle: *a4\ndate: 2023-01-01\n---\n\nTekst.\n").encode()
    with pytest.raises(importer.ImportProblem) as refused:
        importer.read_path(write(tmp_path / "in", "bom.md", data), taxonomy)
    assert refused.value.message.startswith("de YAML-kop gebruikt verwijzingen")


def test_front_matter_with_stars_in_quoted_values_still_imports(tmp_path, taxonomy):
    data = '---\ntitle: "*Nieuw*: dans in Delft"\ntype: verslag\n---\n\nLeerlingen dansen.\n'.encode()
    draft = importer.read_path(write(tmp_path / "in", "ster.md", data), taxonomy)
    assert draft.title == "*Nieuw*: dans in Delft"


LONG = b" Leerlingen van groep 7 dansen elke week op school, met een vakdocent van de muziekschool." * 3


@pytest.mark.parametrize("name, data", [
    ("stuur.html", b"<html><head><title>Stuur\x01teken \x1b in de titel</title></head><body><p>Tekst over\x07 dans."
                   + LONG + b"</p></body></html>"),
    ("entiteit.html", b"<html><head><title>Stuur&#1;teken &#x1b; in de titel</title></head><body><p>Tekst over&#7; "
                      b"dans." + LONG + b"</p></body></html>"),
    ("stuur.md", b"# Stuur\x01teken \x1b in de titel\n\nTekst over\x07 dans." + LONG + b"\n"),
    ("yaml.md", b'---\ntitle: "Stuur\\x01teken \\x1b in de titel"\ntype: verslag\n---\n\nTekst over dans.' + LONG),
    ("stuur.txt", b"Stuur\x01teken \x1b in de titel\n\nTekst over\x07 dans." + LONG + b"\n"),
])
def test_stray_control_characters_are_left_out(tmp_path, taxonomy, name, data):
    draft = importer.read_path(write(tmp_path / "in", name, data), taxonomy)
    assert draft.title == "Stuurteken in de titel" and "Tekst over dans." in draft.body
    assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f]", draft.title + draft.summary + draft.body)
