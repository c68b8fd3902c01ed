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
from .model import Draft, ImportProblem
from .text import first_paragraph, shorten
from .titles import is_bare_date, looks_like_file_name, same_text

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
        raise ImportProblem("beschadigd Word-bestand (geen geldig .docx)") from None
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


def read_docx(data: bytes, name: str = "") -> Draft:
    archive = check_zip(data)
    title_property, created = _core_properties(archive)
    import mammoth  # only loaded when a Word file is imported

    try:
        html = mammoth.convert_to_html(io.BytesIO(data)).value
    except RecursionError:
        raise ImportProblem("het Word-bestand is te diep genest opgebouwd (bijvoorbeeld tabellen in tabellen) "
                            "om te lezen; niet geïmporteerd") from None
    except Exception:  # noqa: BLE001 - any failure of the converter on an untrusted file
        raise ImportProblem("beschadigd of onleesbaar Word-bestand; open het in Word en sla het opnieuw op "
                            "als .docx") from None
    soup = BeautifulSoup(f"<body>{html}</body>", "html.parser")
    heading = soup.find(["h1", "h2", "h3"])
    heading_text = " ".join(heading.get_text(" ").split()) if heading else ""
    title = _title(title_property, heading_text, soup, name)
    if heading is not None and same_text(heading_text, title):
        heading.decompose()  # shown above the body already
    markdown = html_to_markdown(soup.body or soup)
    date = dates.text_date(soup.get_text("\n")) or created
    return Draft(title=title, date=date, body=markdown, summary=shorten(first_paragraph(markdown)))


def _title(prop: str | None, heading: str, soup: BeautifulSoup, name: str) -> str:
    if prop and not looks_like_file_name(prop) and not is_bare_date(prop):
        return prop
    if heading:
        return heading
    first = soup.find("p")
    line = " ".join(first.get_text(" ").split()) if first else ""
    if line and len(line) <= 120 and not is_bare_date(line):
        return line
    return Path(name).stem.replace("_", " ").strip() or "Document"


def _core_properties(archive: zipfile.ZipFile) -> tuple[str | None, dt.date | None]:
    """dc:title and dcterms:created. Read with regular expressions: the part is small, and no XML parser
    is handed an untrusted document type definition."""
    try:
        raw = archive.read(CORE).decode("utf-8", errors="replace") if CORE in archive.namelist() else ""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ImportProblem("beschadigd Word-bestand (docProps/core.xml)") from None
    title = re.search(r"<dc:title>([^<]*)</dc:title>", raw)
    created = re.search(r"<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})", raw)
    text = " ".join(_unescape(title.group(1)).split()) if title else None
    return text or None, dates.parse_date_value(created.group(1)) if created else None


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)
