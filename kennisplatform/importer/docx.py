"""Word files (.docx): mammoth turns the document into HTML that keeps headings, lists, emphasis and tables,
and the HTML takes the same path to Markdown as a web page. Title and date from the file's core
properties, else from the text.

A .docx is a zip archive: its entries are checked before anything is unpacked (their number, the sum of
their uncompressed sizes and the compression ratio), so that a zip bomb is refused, not unpacked."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup

from . import dates
from .html import html_to_markdown
from .model import Draft, ImportProblem, other_kind
from .pdf import LIGATURES
from .text import contents_lines, first_paragraph, is_report_field, shorten
from .titles import gives_way, is_bare_date, looks_like_file_name, same_text

MAX_UNZIPPED = 60_000_000  # bytes, all entries together (Python's zipfile unpacks no more than an entry says)
MAX_RATIO = 100  # uncompressed / compressed; ordinary Word files stay far below (text compresses ~5-10x)
# Below this a high ratio is harmless (a short, repetitive document: 124 kB of XML packed into 1 kB) and
# was refused as "uitgepakt 0 MB uit 0 kB"; above it the ratio still refuses a bomb before unpacking.
RATIO_FROM = 10_000_000
MAX_ENTRIES = 2000
CORE = "docProps/core.xml"


def check_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, once it is known not to be a bomb and to be a Word document."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        kind = other_kind(data)
        raise ImportProblem(f"geen Word-document: {kind}" if kind else "beschadigd Word-bestand (geen geldig .docx)") \
            from None
    if len(entries) > MAX_ENTRIES:
        raise ImportProblem(f"verdacht Word-bestand: meer dan {MAX_ENTRIES} onderdelen")
    unzipped = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries)
    if unzipped > MAX_UNZIPPED:
        raise ImportProblem(f"te groot Word-bestand: het pakt uit tot {_size(unzipped)}, meer dan "
                            f"{_size(MAX_UNZIPPED)}; niet geïmporteerd")
    if unzipped > RATIO_FROM and unzipped > MAX_RATIO * max(packed, 1):
        raise ImportProblem(f"verdacht Word-bestand: {_size(packed)} pakt uit tot {_size(unzipped)} "
                            "(een zip-bom?); niet geïmporteerd")
    if "word/document.xml" not in archive.namelist():
        raise ImportProblem("geen Word-document (word/document.xml ontbreekt)")
    return archive


def _size(count: int) -> str:
    """'61 MB', '29 kB', '900 bytes'."""
    if count >= 1_000_000:
        return f"{round(count / 1_000_000)} MB"
    return f"{round(count / 1000)} kB" if count >= 1000 else f"{count} bytes"


# Word's 'Title' style (named 'Titel' in a Dutch Word) is the document's title; mammoth leaves it a paragraph.
# A table of contents (Word's 'toc 1' ... and 'TOC Heading', LibreOffice's 'Contents 1' ...) points to pages the
# imported text does not have, and would be its summary: left out.
STYLE_MAP = "\n".join(["p[style-name='Title'] => h1:fresh", "p[style-name='Titel'] => h1:fresh",
                       "br[type='page'] => hr.pagina",  # where a cover page ends; no rule in the text
                       "p[style-name='TOC Heading'] => !", "p[style-name='Contents Heading'] => !",
                       *(f"p[style-name='{name} {level}'] => !" for name in ("toc", "TOC", "Contents")
                         for level in range(1, 10))])
BOLD_TITLE_MAX = 120


def read_docx(data: bytes, name: str = "") -> Draft:
    archive = check_zip(data)
    title_property, created, modified = _core_properties(archive)
    import mammoth  # only loaded when a Word file is imported

    try:
        html = mammoth.convert_to_html(io.BytesIO(_with_page_breaks(archive, data)), style_map=STYLE_MAP).value
        html = html.translate(LIGATURES).replace("\xad", "")  # soft hyphens: Word shows them at line ends only
    except RecursionError:
        raise ImportProblem("het Word-bestand is te diep genest opgebouwd (bijvoorbeeld tabellen in tabellen) "
                            "om te lezen; niet geïmporteerd") from None
    except Exception:  # noqa: BLE001 - any failure of the converter on an untrusted file
        raise ImportProblem("beschadigd of onleesbaar Word-bestand; open het in Word en sla het opnieuw op "
                            "als .docx") from None
    soup = BeautifulSoup(f"<body>{html}</body>", "html.parser")
    _notes(soup)
    _drop_typed_contents(soup)
    heading = _bold_title(soup) or soup.find(["h1", "h2", "h3"])
    heading_text = " ".join(heading.get_text(" ").split()) if heading else ""
    title = _title(title_property, heading_text, soup, name)
    if heading is not None and same_text(heading_text, title):
        heading.decompose()  # shown above the body already
    # The page header (mammoth leaves headers and footers out) may be where the date is: 'Nieuwsbrief |
    # 12 maart 2024'. Read first, as a PDF's first running header is.
    header = _header_text(archive)
    text = f"{header}\n{_date_text(soup)}" if header else _date_text(soup)
    cover = _cover(soup)
    without_cover = BeautifulSoup(str(soup.body or soup), "html.parser")
    for element in without_cover.find_all(attrs={"data-cover": True}):
        element.decompose()
    for element in soup.find_all(attrs={"data-cover": True}):
        del element["data-cover"]
    markdown = _headings_below_title(html_to_markdown(soup.body or soup))
    date, note = dates.text_date(text, deadlines=False), None
    if date is None:  # the title's years count too ('Cultuurplan 2024-2028' made from a 2013 template)
        date, note = dates.file_date([("created", created), ("modified", modified)],
                                     f"{title}\n{header}\n{soup.get_text(chr(10))}")
    summary = first_paragraph(NOTE_MARK.sub("", markdown), report=True)  # '2024.[1] Scholen': a note's number
    if cover:  # a cover page's lines ('Gemeente Gouda', 'maart 2025') say what the file is, not what it is about
        summary = first_paragraph(NOTE_MARK.sub("", html_to_markdown(without_cover.body or without_cover)),
                                  report=True) or summary
    summary = shorten(summary)
    return Draft(title=title, date=date, body=markdown, summary=summary,
                 notes=[note] if note else [])


# A footnote's or endnote's number in the text, as mammoth writes it and html_to_markdown escapes it ('\\[1\\]').
NOTE_MARK = re.compile(r"\\\[\d{1,4}\\\]")


def _notes(soup: BeautifulSoup) -> None:
    """Footnotes and endnotes: mammoth writes them as a numbered list at the end, each with a link back up ('↑'),
    which is no text; the list gets a heading, 'Noten', so that its numbers are read as the notes they are."""
    for back in soup.find_all("a", href=re.compile(r"^#(?:footnote|endnote)-ref-")):
        back.decompose()
    notes = [item.parent for item in soup.find_all("li", id=re.compile(r"^(?:footnote|endnote)-\d+$"))]
    for listing in dict.fromkeys(notes):
        if listing is not None and listing.name == "ol":
            heading = soup.new_tag("h2")
            heading.string = "Noten"
            listing.insert_before(heading)
            break  # footnotes, then endnotes: one heading


def _drop_typed_contents(soup: BeautifulSoup) -> None:
    """A table of contents typed as paragraphs ('Inhoud', then '1. Visie<TAB>3'), not in Word's contents
    styles (those are left out by STYLE_MAP): left out too."""
    blocks = [el for el in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6"])
              if not el.find_parent("table")]
    drop = contents_lines([el.get_text() for el in blocks])
    for i in drop:
        blocks[i].decompose()
    for listing in soup.find_all(["ol", "ul"]):
        if not listing.get_text(strip=True):
            listing.decompose()


COVER_BLOCKS = 8  # paragraphs of a cover page: a name, a title, a subtitle, a date, a version, a logo's text
COVER_LINE_MAX = 80
COVER_MAX_CHARS = 300


def _cover(soup: BeautifulSoup) -> bool:
    """A cover page: a few short paragraphs (no list, no table) and then a page break, before the text. Marks its
    paragraphs (`data-cover`) and takes the page breaks out (mammoth writes them as `hr.pagina`)."""
    breaks = soup.find_all("hr", class_="pagina")
    first = breaks[0] if breaks else None
    found = False
    if first is not None:
        top = first if first.parent is None or first.parent.name == "body" else first.parent
        before = [element for element in top.find_previous_siblings() if element.get_text(strip=True)]
        if top is not first:
            ahead = "".join(_text_of(node) for node in first.previous_siblings).strip()
            after = "".join(_text_of(node) for node in first.next_siblings).strip()
            if ahead and after:  # a break inside a paragraph: no cover page of whole paragraphs
                before = []
            elif ahead:  # the break ends the cover's last paragraph
                before.insert(0, top)
        texts = [" ".join(element.get_text(" ").split()) for element in before]
        found = (0 < len(before) <= COVER_BLOCKS and all(el.name in ("p", "h1", "h2", "h3") for el in before)
                 and all(len(text) <= COVER_LINE_MAX for text in texts) and sum(map(len, texts)) <= COVER_MAX_CHARS
                 and any(element.get_text(strip=True) for element in top.find_next_siblings()))
        if found:
            for element in before:
                element["data-cover"] = "1"
    for page_break in breaks:
        page_break.replace_with(" ")  # 'Kort verslag<break>van de werkgroep': words apart
    return found


def _text_of(node) -> str:
    return node.get_text() if hasattr(node, "get_text") else str(node)


# A section break that starts a new page (the cover page of a report that has no page header on its cover), and a
# paragraph set to begin on a new page: mammoth reports neither, so a page break is put where they are.
_SECTION_END = re.compile(r"<w:sectPr\b(?:(?!</w:sectPr>).){0,5000}?</w:sectPr>\s*</w:pPr>", re.S)
_BREAK_BEFORE = re.compile(r"<w:pageBreakBefore(?:\s+w:val=\"(?:1|true|on)\")?\s*/>(?:(?!</w:pPr>).){0,5000}?</w:pPr>",
                           re.S)
_PAGE_BREAK = '<w:r><w:br w:type="page"/></w:r>'
MAX_PAGE_MARKS = 2000  # section breaks and paragraphs set on a new page read; a long report has tens


def _with_page_breaks(archive: zipfile.ZipFile, data: bytes) -> bytes:
    """The file with a page break at the end of each paragraph that ends a section starting a new page, and at the
    start of each paragraph that begins on a new page; the file as it is when it has neither."""
    try:
        xml = archive.read("word/document.xml").decode("utf-8")
    except (KeyError, UnicodeDecodeError, zipfile.BadZipFile, OSError):
        return data
    sections, before = xml.count("<w:sectPr"), xml.count("<w:pageBreakBefore")
    if (sections <= 1 and not before) or sections + before > MAX_PAGE_MARKS:  # the body's own section only; or a
        return data  # file made to make the search below slow (each mark is searched up to 5,000 characters on)

    def section(match: re.Match) -> str:
        if re.search(r"<w:type\s+w:val=\"continuous\"", match.group(0)):
            return match.group(0)
        return match.group(0) + _PAGE_BREAK

    changed = _BREAK_BEFORE.sub(lambda m: m.group(0) + _PAGE_BREAK, _SECTION_END.sub(section, xml))
    if changed == xml:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in archive.infolist():
            target.writestr(item, changed.encode("utf-8") if item.filename == "word/document.xml"
                            else archive.read(item.filename))
    return out.getvalue()


def _headings_below_title(markdown: str) -> str:
    """The title is the page's only '#': a file with Word's 'Title' style and 'Heading 1' sections below it
    ('Inleiding') gives them '##'."""
    if not re.search(r"(?m)^# ", markdown):
        return markdown
    return re.sub(r"(?m)^(#{1,5}) ", r"#\1 ", markdown)


def _bold_title(soup: BeautifulSoup):
    """A first paragraph in bold alone, short and without a closing stop, before any heading: the title of a
    file typed without heading styles ('Projectplan erfgoedlessen Gouda' in bold 16 pt, then '1. Aanleiding')."""
    first = next((element for element in (soup.body or soup).find_all(recursive=False)
                  if element.get_text(strip=True)), None)
    if first is None or first.name != "p":
        return None
    text = " ".join(first.get_text(" ").split())
    bold = " ".join(" ".join(b.get_text(" ") for b in first.find_all(["strong", "b"], recursive=False)).split())
    if (bold == text and len(text) <= BOLD_TITLE_MAX and not text.endswith((".", ",", ";", ":"))
            and not is_bare_date(text)):
        return first
    return None


def _date_text(soup: BeautifulSoup) -> str:
    """The text in which the document's date is looked for: tables only in their rows that say they hold
    the date ('Datum | 14 november 2023' in a memo's head), not an agenda's dates ('12 januari 2024 |
    Netwerkbijeenkomst')."""
    copy = BeautifulSoup(str(soup), "html.parser")
    for table in copy.find_all("table"):
        rows = [" ".join(row.get_text(" ").split()) for row in table.find_all("tr")]
        table.replace_with("\n".join(row for row in rows if dates.DATE_CUE.search(row)) + "\n")
    return copy.get_text("\n")


def _title(prop: str | None, heading: str, soup: BeautifulSoup, name: str) -> str:
    first_line = heading or _first_line(soup)
    if prop and not looks_like_file_name(prop) and not is_bare_date(prop):
        # The property the first word(s) of the first heading ('Nieuwsbrief' for 'Nieuwsbrief maart 2024', a
        # template's title), or of the first line of a file typed without styles ('Verslag' for 'Verslag werkgroep
        # cultuureducatie 5 februari 2024'): that line says which one.
        if gives_way(prop, first_line):
            return first_line
        return prop
    return first_line or Path(name).stem.replace("_", " ").strip() or "Document"


def _first_line(soup: BeautifulSoup) -> str:
    """The first paragraph when it can be a title: short, not a salutation, a lead-in or a letter's dateline."""
    for paragraph in [p for p in soup.find_all("p") if p.find_parent("table") is None][:3]:
        line = " ".join(paragraph.get_text(" ").split())
        if not line or is_bare_date(line) or dates.is_dateline(line):
            continue  # a letter's place and date ('Gouda, 3 februari 2026') above its salutation
        if is_report_field(line):
            break  # 'Aanwezig: Anja de Vries, Peter Smit' at the top of minutes typed without a title
        # Not a salutation ('Beste ouders en verzorgers,') or a lead-in ('Agenda:').
        if len(line) <= 120 and not line.endswith((",", ":")):
            return line
        break
    return ""


HEADER_PART = re.compile(r"word/header\d*\.xml")
# A field that shows the day the file is opened or printed ('{ DATE }', '{ PRINTDATE }'), not when it was written.
# Bounded gaps, so that a header of many fields is read in linear time.
_CLOCK_FIELD = re.compile(r"<w:fldSimple\b[^>]*w:instr=\"\s*(?:DATE|TIME|PRINTDATE|SAVEDATE)\b.{0,2000}?</w:fldSimple>|"
                          r"<w:fldChar\b[^>]*w:fldCharType=\"begin\".{0,500}?<w:instrText\b[^>]*>\s*"
                          r"(?:DATE|TIME|PRINTDATE|SAVEDATE)\b.{0,2000}?<w:fldChar\b[^>]*w:fldCharType=\"end\"[^>]*>",
                          re.S)
HEADER_MAX = 100_000  # bytes of a header part read; a header is a line or two
HEADER_PARTS = 12  # header parts read (Word writes up to three a section: first page, even pages, the others)


def _header_text(archive: zipfile.ZipFile) -> str:
    """The text of the page headers (word/header1.xml, ...), a line a paragraph, without fields that show the
    day the file is opened ('{ DATE }'). Read with regular expressions, as the core properties are."""
    lines: list[str] = []
    for name in sorted(n for n in archive.namelist() if HEADER_PART.fullmatch(n))[:HEADER_PARTS]:
        try:
            with archive.open(name) as part:
                raw = part.read(HEADER_MAX).decode("utf-8", errors="replace")
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            continue  # a damaged header is no reason to refuse the text
        raw = _CLOCK_FIELD.sub("", raw)
        for paragraph in re.split(r"</w:p>", raw):
            text = " ".join(_unescape("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", paragraph))).split())
            if text and text not in lines:
                lines.append(text)
    return "\n".join(lines)


def _core_properties(archive: zipfile.ZipFile) -> tuple[str | None, dt.date | None, dt.date | None]:
    """dc:title, dcterms:created and dcterms:modified. Read with regular expressions: the part is small, and no
    XML parser is handed an untrusted document type definition."""
    try:
        raw = archive.read(CORE).decode("utf-8", errors="replace") if CORE in archive.namelist() else ""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ImportProblem("beschadigd Word-bestand (docProps/core.xml)") from None
    title = re.search(r"<dc:title>([^<]*)</dc:title>", raw)
    text = " ".join(_unescape(title.group(1)).split()) if title else None
    found = [re.search(rf"<dcterms:{key}[^>]*>(\d{{4}}-\d{{2}}-\d{{2}})", raw) for key in ("created", "modified")]
    created, modified = (dates.parse_date_value(match.group(1)) if match else None for match in found)
    return text or None, created, modified


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)
