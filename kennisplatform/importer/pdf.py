"""PDF files: the text layer as Markdown, with headings (lines in a larger font, or bold lines of their
own), paragraphs (hyphenated line breaks joined) and lists; lines repeated on most pages (running
headers and footers, page numbers) left out. pdfminer.six, because it gives the font size of every
character and groups lines into text boxes in reading order (the measurement is in docs/import.md).

A scan (no text layer), an encrypted or a damaged file, or one with too many pages, is refused with a
reason in Dutch; no exception of the PDF library reaches the editor. So is a file that would take unbounded
memory or time: one whose streams unpack to more than MAX_UNPACKED bytes (a 1 MB file of compressed
spaces asked pdfminer for 2 GB), or a page with more than MAX_PAGE_CHARS characters."""
from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import io
import re
import threading
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from . import dates
from .model import Draft, ImportProblem, other_kind
from .text import CONTENTS_HEADING, CONTENTS_LINE, contents_lines, escape, first_paragraph, shorten
from .titles import gives_way, is_bare_date, looks_like_file_name, same_text

MAX_PAGES = 300
END_MARK_WITHIN = 2048  # bytes at the end of a file where its %%EOF is looked for
MIN_CHARS_PER_PAGE = 25  # less text than this on average: a scan, or only images
STAMP_LINES = 2  # lines a page of a scan may have from a stamp or the scanner's app, the same on every page
HEADING_RATIO = 1.15  # a line in a font this much larger than the body text is a heading
HEADING_MAX_CHARS = 150
REPEATED_SHARE = 0.6  # a line on this share of the pages (3 pages at least) is a running header or footer
# Bullets as characters, private-use symbols (Wingdings, Symbol) or glyphs without a Unicode mapping,
# which pdfminer writes as '(cid:127)'.
BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□➤►–\-\uf0b7\uf0a7\uf076\uf0d8]|\(cid:\d+\))\s*")
UNMAPPED = re.compile(r"\(cid:\d+\)")
BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
BOLD_HEADING_MAX_CHARS = 100
ITEM_INDENT = 2.0  # points a list item's second line starts right of its bullet
HANGING_INDENT_MAX = 30.0  # points: further right, a line is no continuation of an item (a column, a table cell)
FIELD_LINE = re.compile(r"[^\W_][\w'’ /&.-]{0,30}:\s*\S")  # 'Vormgeving: Studio Vorm', '18 april: netwerkdag'
HANGING_GAP = 0.8  # of the font size: the space between two lines of one paragraph
# Text PDFs unpack to 2-4 times their size (two manuals of 140 and 260 kB: 164 and 522 kB), so a 20 MB
# upload of text stays far below this; pictures (JPEG) are never unpacked for the text.
MAX_UNPACKED = 100_000_000
MAX_PAGE_CHARS = 50_000  # characters on one page; a dense page of small print has ~8,000
# pdfminer orders a page's text boxes by comparing every pair (quadratic: 1,000 scattered words took 6 s,
# 2,000 took 49 s); a page with more boxes than this is read top to bottom, left to right instead.
MAX_ORDERED_BOXES = 300
SUSPENDED = re.compile(r"(?:en|of|en/of|tot|t/m)\b")  # after 'kunst-': 'kunst- en cultuureducatie'
FOOT = 0.05
MARGIN = 0.1  # the top and bottom tenth of a page: where a running header or footer of a 2-page file is looked for
# Ligatures as single characters ('ﬁlm', 'oﬃcieel'): what some PDFs' text layers give; searched as letters.
LIGATURES = {ord(ligature): letters for ligature, letters in
             {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "Ĳ": "IJ", "ĳ": "ij"}.items()}
SOFT_HYPHEN_END = re.compile(r"\xad(?=\s*$)")
NUMBER_ONLY = re.compile(r"\d{1,4}[.)]?")
PAGE_NUMBER = re.compile(r"^(pagina|page|blz\.?)?\s*\d{1,4}(\s*(/|van|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I)


@dataclass
class Line:
    text: str
    size: float
    page: int
    box: int  # lines of one text box are one paragraph
    bold: bool = False
    alone: bool = False  # the only line of its text box
    beside: bool = False  # another box has a line on the same baseline (a table's row, a column beside)
    margin: bool = False  # in the top or bottom tenth of its page, where running headers and footers are
    foot: bool = False  # in the bottom twentieth, below any body text (Word's bottom margin is 2.5 cm, 8% of A4)
    x: float = 0.0  # where the line starts
    top: float = 0.0  # y of its top and bottom (PDF coordinates: up is more)
    bottom: float = 0.0


def read_pdf(data: bytes, name: str = "") -> Draft:
    if b"%PDF-" not in data[:1024]:  # where readers look for it
        kind = other_kind(data)
        raise ImportProblem(f"geen PDF-bestand: {kind}" if kind else "geen PDF-bestand (het begint niet met "
                            "'%PDF-'); is het een ander soort bestand met .pdf erachter?")
    lines, info, fields = _lines(data)
    pages = max(1, _page_count(lines))
    per_page = Counter(line.page for line in lines)
    texts = {line.text for line in lines}
    # A scan with a scanner's or a stamp's line on each page ('Gescand met CamScanner', 'Ingekomen stuk ...'): text at
    # the foot of the pages only, or the same line or two on every page and nothing else, is no text of its own.
    if (sum(len(line.text) for line in lines if not line.foot) < MIN_CHARS_PER_PAGE * pages
            or (pages >= 2 and len(per_page) == pages and len(texts) <= STAMP_LINES
                and max(per_page.values()) <= STAMP_LINES)):
        raise ImportProblem("geen tekst in de PDF (een scan of alleen afbeeldingen?); "
                            "maak er eerst met tekstherkenning (OCR) een PDF met tekst van")
    kept = _without_running_lines(lines) or lines  # lines alike on every page, and nothing else: keep them
    # The date may be in the first page's running header ('Nieuwsbrief | 12 maart 2024'), at the top.
    kept_ids = {id(line) for line in kept}
    text = "\n".join(line.text for line in lines if line.page == 1 or id(line) in kept_ids)
    lines = _without_contents(kept)
    body_size = _body_size(lines)
    lines = _without_letterhead(lines, body_size)
    lines, notes = _footnotes(lines, body_size)
    markdown, headings = _markdown(lines, body_size)
    title = _title(info.get("Title"), headings, name)
    markdown = _with_fields(_lift_headings(_drop_title(markdown, title)), fields)
    if notes:
        markdown = markdown.rstrip("\n") + "\n\n## Noten\n\n" + "\n\n".join(notes) + "\n"
    summary = first_paragraph(markdown, report=True)
    if _has_cover(lines, body_size):  # a cover's lines ('Stichting Kunstgebouw, maart 2023') say what it is not
        summary = (first_paragraph(_markdown([line for line in lines if line.page > 1], body_size)[0], report=True)
                   or summary)
    if notes:
        summary = NOTE_MARK.sub("", summary)  # 'Cultuurparticipatie.¹': a footnote's number
    date, note = dates.text_date(text, deadlines=False), None
    if date is None:
        date, note = dates.file_date([("created", _pdf_date(info.get("CreationDate"))),
                                      ("modified", _pdf_date(info.get("ModDate")))], text)
    return Draft(title=title, date=date, body=markdown, summary=shorten(summary), notes=[note] if note else [])


# -- reading -----------------------------------------------------------------------------------------------
def _lines(data: bytes) -> tuple[list[Line], dict[str, str], list[tuple[str, str]]]:
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[Line] = []
    try:
        with _unpacking_limit() as unpacked:
            info, fields = _info(data)
            box_number = 0
            for page_number, page in enumerate(_pages(data), 1):
                if page_number > MAX_PAGES:
                    raise ImportProblem(f"meer dan {MAX_PAGES} pagina's")
                bottom, height = page.y0, page.height or 1
                for element in page:
                    if not isinstance(element, LTTextContainer):
                        continue
                    box_number += 1
                    for text_line in element:
                        if not isinstance(text_line, LTTextLine):
                            continue
                        chars = [c for c in text_line if isinstance(c, LTChar)]
                        text = _line_text(text_line.get_text())
                        if _letter_spaced(text):  # 'C U L T U U R P L A N': a design tool's tracking
                            text = _line_text(_tracked_text(text_line))
                        if text and chars:
                            size = sum(c.size for c in chars) / len(chars)
                            bold = all(BOLD.search(c.fontname or "") for c in chars if c.get_text().strip())
                            margin = min(text_line.y0 - bottom, bottom + height - text_line.y1) < MARGIN * height
                            foot = text_line.y1 - bottom < FOOT * height
                            lines.append(Line(text, round(size, 1), page_number, box_number, bold, margin=margin,
                                              foot=foot, x=text_line.x0, top=text_line.y1,
                                              bottom=text_line.y0))
            unpacked.check()  # a refusal that the PDF library caught and went on after
    except ImportProblem:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportProblem("de PDF is versleuteld (met een wachtwoord beveiligd); "
                            "sla hem zonder beveiliging op en importeer hem opnieuw") from None
    except RecursionError:
        raise ImportProblem("onleesbaar PDF-bestand: het is te diep genest opgebouwd") from None
    except Exception:  # noqa: BLE001 - any failure of the parser on an untrusted file
        # Whole objects but no end (a PDF ends with %%EOF, some with a few bytes after it): a file cut off.
        if b"%%EOF" not in data[-END_MARK_WITHIN:] and data.count(b"endobj") >= 2:
            raise ImportProblem("onvolledig PDF-bestand: het einde ontbreekt (afgebroken bij het downloaden of "
                                "kopiëren?); download of kopieer het opnieuw") from None
        raise ImportProblem("beschadigd of onleesbaar PDF-bestand; probeer het opnieuw op te slaan als PDF "
                            "(bijvoorbeeld met 'Afdrukken als PDF')") from None
    per_box = Counter(line.box for line in lines)
    baselines: dict[tuple[int, int], set[int]] = {}
    for line in lines:
        line.alone = per_box[line.box] == 1
        baselines.setdefault((line.page, round(line.bottom)), set()).add(line.box)
    for line in lines:  # a table's cells: lines of other boxes on the same baseline
        line.beside = any(baselines.get((line.page, round(line.bottom) + d), set()) - {line.box} for d in (-1, 0, 1))
    return lines, info, fields


def _pages(data: bytes) -> Iterator:
    """pdfminer's extract_pages, with a device that refuses a page of more than MAX_PAGE_CHARS characters,
    collects no shapes or pictures, and orders the text boxes of a page with very many of them without comparing every pair."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTPage, LTTextGroupLRTB
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    class Page(LTPage):
        def group_textboxes(self, laparams, boxes):
            if len(boxes) > MAX_ORDERED_BOXES:
                return [LTTextGroupLRTB(boxes)]  # its analyze sorts top-left to bottom-right
            return super().group_textboxes(laparams, boxes)

    class Device(PDFPageAggregator):
        chars = 0

        def begin_page(self, page, ctm) -> None:
            super().begin_page(page, ctm)
            self.cur_item = Page(self.cur_item.pageid, self.cur_item.bbox, self.cur_item.rotate)
            self.chars = 0

        def _count(self) -> None:
            self.chars += 1
            if self.chars > MAX_PAGE_CHARS:
                raise ImportProblem(f"een pagina van de PDF heeft meer dan {MAX_PAGE_CHARS:,} tekens (te groot of "
                                    "kunstmatig gemaakt); niet geïmporteerd".replace(",", "."))

        def render_char(self, *args, **kwargs):
            self._count()
            return super().render_char(*args, **kwargs)

        # Shapes and pictures are not text, and pdfminer keeps them apart from it when it groups characters
        # into lines and boxes: not collected at all (a detailed map is tens of thousands of paths).
        def paint_path(self, *args, **kwargs) -> None:
            pass

        def render_image(self, *args, **kwargs) -> None:
            pass

    resources = PDFResourceManager(caching=True)
    device = Device(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    for page in PDFPage.get_pages(io.BytesIO(data), caching=True):
        interpreter.process_page(page)
        yield device.get_result()


# -- unpacking, bounded ----------------------------------------------------------------------------------------
class _Unpacked:
    """The bytes unpacked from the streams of the PDF being read; more than MAX_UNPACKED refuses it."""

    def __init__(self) -> None:
        self.total = 0

    def take(self, count: int) -> None:
        self.total += count
        self.check()

    def check(self) -> None:
        if self.total > MAX_UNPACKED:
            raise ImportProblem(f"het PDF-bestand pakt uit tot meer dan {MAX_UNPACKED // 1_000_000} MB "
                                "(een kunstmatig opgeblazen bestand?); niet geïmporteerd")


_UNPACKED: contextvars.ContextVar[_Unpacked | None] = contextvars.ContextVar("pdf_unpacked", default=None)
_OUT_STEP = 1 << 20  # bytes unpacked at a time
_BOUNDING = threading.Lock()


@contextlib.contextmanager
def _unpacking_limit() -> Iterator[_Unpacked]:
    """While a PDF is read (in this thread), everything pdfminer unpacks is counted, a step at a time."""
    _bound_pdfminer()
    unpacked = _Unpacked()
    token = _UNPACKED.set(unpacked)
    try:
        yield unpacked
    finally:
        _UNPACKED.reset(token)


def _bound_pdfminer() -> None:
    """pdfminer unpacks a stream whole (zlib.decompress, lzwdecode, rldecode) and has no limit; its module's
    names for them are pointed at bounded versions. Outside a read (no limit set) they do what they did."""
    from pdfminer import pdftypes

    with _BOUNDING:  # two first imports at once wrap them once
        if not isinstance(pdftypes.zlib, _BoundedZlib):
            pdftypes.zlib = _BoundedZlib()
            pdftypes.lzwdecode = _bounded_lzw(pdftypes.lzwdecode)
            pdftypes.rldecode = _bounded_runlength(pdftypes.rldecode)


class _BoundedZlib:
    """What pdfminer.pdftypes uses of the zlib module."""

    error = zlib.error

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes) -> bytes:
        unpacked = _UNPACKED.get()
        return zlib.decompress(data) if unpacked is None else _inflate(data, unpacked)


def _inflate(data: bytes, unpacked: _Unpacked) -> bytes:
    """zlib.decompress as pdfminer uses it, a step at a time: a stream cut short gives what it holds, one
    damaged in its last 3 bytes (the checksum) what came before, one damaged earlier nothing: pdfminer's
    own fallback (decompress_corrupted), which it is then never asked for, does the same byte by byte in
    quadratic time."""
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    step = 1 << 16
    for start in range(0, len(data), step):
        if inflater.eof:
            break
        chunk, saved, kept = data[start:start + step], inflater.copy(), len(out)
        try:
            _inflate_into(inflater, chunk, out, unpacked)
        except zlib.error:
            unpacked.total -= sum(len(piece) for piece in out[kept:])
            del out[kept:]
            inflater = saved
            for offset in range(len(chunk)):  # where exactly it breaks
                try:
                    _inflate_into(inflater, chunk[offset:offset + 1], out, unpacked)
                except zlib.error:
                    return b"" if start + offset < len(data) - 3 else b"".join(out)
    return b"".join(out)


def _inflate_into(inflater, chunk: bytes, out: list[bytes], unpacked: _Unpacked) -> None:
    piece = inflater.decompress(chunk, _OUT_STEP)
    while True:
        unpacked.take(len(piece))
        out.append(piece)
        if inflater.eof or not (inflater.unconsumed_tail or len(piece) == _OUT_STEP):
            return
        piece = inflater.decompress(inflater.unconsumed_tail, _OUT_STEP)


def _bounded_lzw(original):
    def lzwdecode(data: bytes) -> bytes:
        from pdfminer.lzw import LZWDecoder

        unpacked = _UNPACKED.get()
        if unpacked is None:
            return original(data)
        out = []
        for piece in LZWDecoder(io.BytesIO(data)).run():  # up to ~4 kB per 12-bit code
            unpacked.take(len(piece))
            out.append(piece)
        return b"".join(out)

    return lzwdecode


def _bounded_runlength(original):
    def rldecode(data: bytes) -> bytes:
        unpacked = _UNPACKED.get()
        if unpacked is not None:
            unpacked.take(_runlength_size(data))
        return original(data)

    return rldecode


def _runlength_size(data: bytes) -> int:
    """The size RunLengthDecode unpacks `data` to (at most 128 times its size), without unpacking it."""
    size = i = 0
    while i < len(data) and data[i] != 128:
        length = data[i]
        if length < 128:
            size += length + 1
            i += length + 2
        else:
            size += 257 - length
            i += 2
    return size


LETTER_SPACED_SHARE = 0.7  # of a line's tokens single characters: its letters set apart, not its words
LETTER_SPACED_MIN = 4


def _letter_spaced(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= LETTER_SPACED_MIN and sum(len(t) == 1 for t in tokens) >= LETTER_SPACED_SHARE * len(tokens)


def _tracked_text(text_line) -> str:
    """A letter-spaced line's text from its characters: pdfminer puts a space between letters set wider apart than a
    tenth of their width (a heading with tracking: 'C U L T U U R P L A N'); the line's own spaces are characters of
    the file. Without them (a file that spaces words by position), a gap well over the line's usual one is a space."""
    from pdfminer.layout import LTChar

    chars = [c for c in text_line if isinstance(c, LTChar)]
    gaps = sorted(b.x0 - a.x1 for a, b in zip(chars, chars[1:]) if a.get_text() != " " and b.get_text() != " ")
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[str] = []
    for previous, char in zip([None, *chars], chars):
        if previous is not None and " " not in (previous.get_text(), char.get_text()) \
                and char.x0 - previous.x1 > usual + WORD_GAP * max(char.size, 1.0):
            out.append(" ")
        out.append(char.get_text())
    return "".join(out)


WORD_GAP = 0.25  # of the font size, over a line's usual gap between letters: a space between words


def _line_text(raw: str) -> str:
    """One line's text, with a bullet of any kind as '• ' and glyphs without a Unicode mapping left out."""
    # A soft hyphen is shown only where a line breaks: a hyphen there, nothing inside a line.
    raw = SOFT_HYPHEN_END.sub("-", raw.translate(LIGATURES)).replace("\xad", "")
    bullet = BULLET.match(raw)
    text = " ".join(UNMAPPED.sub(" ", raw[bullet.end():] if bullet else raw).split())
    return f"• {text}" if bullet and text else text


def _info(data: bytes) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The document information dictionary (Title, CreationDate, ...) as text, and the form's filled-in fields."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info: dict[str, str] = {}
    for entry in document.info[:1]:
        for key, value in entry.items():
            value = _resolve(value)
            if isinstance(value, bytes):
                value = _decode(value)
            if isinstance(value, str):
                info[key] = " ".join(value.split())
    return info, _form_fields(document)


MAX_FIELDS = 500  # form fields read; a form has tens
FIELD_VALUE_MAX = 5000  # characters of one field's value


def _form_fields(document) -> list[tuple[str, str]]:
    """A form's filled-in fields (name, value), in the form's order: what a school typed into an application form
    is not in the pages' text (the viewer draws it from the field), and would be lost. Text and choice fields with
    a value, and ticked boxes ('ja'); empty ones and unticked boxes are left out."""
    form = _resolve(document.catalog.get("AcroForm"))
    if not isinstance(form, dict):
        return []
    found: list[tuple[str, str]] = []
    stack = [(field, "") for field in reversed(_resolve(form.get("Fields")) or [])]
    seen = 0
    while stack and seen < MAX_FIELDS:
        field, parent = stack.pop()
        field = _resolve(field)
        seen += 1
        if not isinstance(field, dict):
            continue
        name = _text(_resolve(field.get("TU"))) or _text(_resolve(field.get("T"))) or parent
        kids = _resolve(field.get("Kids"))
        if isinstance(kids, list) and kids:
            stack.extend((kid, name) for kid in reversed(kids))
            if "V" not in field:
                continue
        value = _resolve(field.get("V"))
        kind = getattr(_resolve(field.get("FT")), "name", None)
        if isinstance(value, list):  # a choice field with several selected
            value = ", ".join(v for v in (_text(_resolve(item)) for item in value) if v)
        elif hasattr(value, "name"):  # a box: /Yes, /On, /Off (a radio button's chosen option)
            value = None if value.name == "Off" else ("ja" if kind == "Btn" and value.name in ("Yes", "On", "1")
                                                      else value.name)
        else:
            value = _text(value)
        value = " ".join((value or "").split())[:FIELD_VALUE_MAX]
        if name and value and (name, value) not in found:
            found.append((name, value))
    return found


def _text(value) -> str:
    if isinstance(value, bytes):
        value = _decode(value)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _with_fields(markdown: str, fields: list[tuple[str, str]]) -> str:
    """The fields' values in the text: after the form's label of a field ('Naam school:' alone on its line becomes
    'Naam school: OBS De Regenboog'), the others in a list under 'Ingevulde velden' below the text."""
    rest: list[tuple[str, str]] = []
    for name, value in fields:
        label = re.compile(rf"(?m)^{re.escape(escape(name))}\s*:?[ \t]*$")
        if label.search(markdown):
            markdown = label.sub(lambda _: f"{escape(name)}: {escape(value)}", markdown, count=1)
        else:
            rest.append((name, value))
    if rest:
        markdown = markdown.rstrip("\n") + "\n\n## Ingevulde velden\n\n" + "\n".join(
            f"- {escape(name)}: {escape(value)}" for name, value in rest) + "\n"
    return markdown


def _resolve(value):
    from pdfminer.pdftypes import resolve1

    return resolve1(value)


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("latin-1")


def _page_count(lines: list[Line]) -> int:
    return max((line.page for line in lines), default=1)


# -- cleaning ----------------------------------------------------------------------------------------------
def _shape(text: str) -> str:
    """A line with its numbers blanked: 'Verslag | pagina 3' and '... pagina 4' are the same running line."""
    return re.sub(r"\d+", "#", text.lower())


def _without_running_lines(lines: list[Line]) -> list[Line]:
    pages = _page_count(lines)
    shapes = [_shape(line.text) for line in lines]
    on_pages = Counter(shape for shape, _ in {(shape, line.page) for shape, line in zip(shapes, lines)})
    limit = max(3, REPEATED_SHARE * pages)
    # A file of two pages: a line at the same end of both pages ('Cultuurplan OBS De Regenboog' above each).
    in_margins = Counter(shape for shape, _ in {(shape, line.page) for shape, line in zip(shapes, lines) if line.margin})

    def running(shape: str, line: Line) -> bool:
        if NUMBER_ONLY.fullmatch(line.text) or PAGE_NUMBER.match(line.text):
            # A page number is in the margins: a number alone in the text is a table's cell or a list's number.
            return line.margin
        return ((pages >= 3 and on_pages[shape] >= limit)
                or (pages == 2 and line.margin and in_margins[shape] == 2)
                # A report with a cover (which has none): in the margin of every page but one ('Jaarverslag 2023
                # Kunstgebouw' on pages 2 and 3 of 3).
                or (pages >= 3 and line.margin and in_margins[shape] >= max(2, pages - 1)))

    return [line for shape, line in zip(shapes, lines) if not running(shape, line)]


LEADERS_ONLY = re.compile(r"[^:.…]*[^\W_][^:]*?\s?(?:\.\s?){8,}|[^:.…]*[^\W_][^:]*?\s?…{3,}")
CONTENTS_LEADER_LINES = 3
COVER_MAX_CHARS = 200  # a first page with less body text than this, before other pages, is a cover,
COVER_LINE_MAX = 60  # in short lines only (a paragraph's lines run the width of the page)


def _without_contents(lines: list[Line]) -> list[Line]:
    """A table of contents points to the file's pages, which the text no longer has: its lines are left
    out, and its heading ('Inhoud') when its page had them."""
    typed = contents_lines([line.text for line in lines])  # 'Inhoud', then '1. Visie 3' without leaders
    # A design tool may set the page number in a box of its own, right of the leaders: entries that end in leaders,
    # three on a page or under its heading 'Inhoud', are the contents too (a form's 'Naam: ......' has its colon).
    headed = {line.page for line in lines if CONTENTS_HEADING.match(line.text.strip(" :"))}
    leaders = Counter(line.page for line in lines if LEADERS_ONLY.fullmatch(line.text))
    pages = {line.page for line in lines if CONTENTS_LINE.search(line.text)}
    pages |= {page for page, count in leaders.items() if count >= CONTENTS_LEADER_LINES or page in headed}
    if not pages and not typed:
        return lines
    return [line for i, line in enumerate(lines) if i not in typed and not CONTENTS_LINE.search(line.text)
            and not (line.page in pages and (CONTENTS_HEADING.match(line.text.strip(" :"))
                                             or LEADERS_ONLY.fullmatch(line.text) or NUMBER_ONLY.fullmatch(line.text)))]


def _has_cover(lines: list[Line], body_size: float) -> bool:
    """A first page of headings and a few short lines (a name, a place and a month), followed by pages of text."""
    if _page_count(lines) < 2:
        return False
    first = [line.text for line in lines if line.page == 1 and not _is_heading(line, body_size)]
    return (sum(map(len, first)) < COVER_MAX_CHARS and all(len(text) <= COVER_LINE_MAX for text in first)
            and any(line.page > 1 for line in lines))


def _without_letterhead(lines: list[Line], body_size: float) -> list[Line]:
    """Small print above the first heading of the first page (a letterhead: 'Kunstgebouw · Postbus 123 ·
    2800 AA Gouda') is not the text: it would be its first paragraph and its summary, above the title."""
    for i, line in enumerate(lines):
        if _is_heading(line, body_size):
            before = lines[:i]
            if before and all(b.page == 1 and b.size < body_size for b in before):
                return lines[i:]
            return lines
        if line.page > 1 or line.size >= body_size:
            return lines
    return lines


NOTE_START = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s?|\d{1,3}[.)]?\s)(?=\S)")
NOTE_MARK = re.compile(r"(?<=[^\W\d_]|[.,;:!?)’'\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
NOTE_SIZE = 0.9  # of the body's font size: a footnote's print is smaller


def _footnotes(lines: list[Line], body_size: float) -> tuple[list[Line], list[str]]:
    """Footnotes: the last lines of a page in small print, the first beginning with a note's number ('¹ Zie het
    CMK-plan ...', '1 Zie ...'), under text in the body's size. They stood between the page's last paragraph and the
    next page's first; they go below the text, under a heading 'Noten', as a Word file's notes do."""
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    dropped: set[int] = set()
    notes: list[str] = []
    for page, indexes in by_page.items():
        small = 0  # lines in small print at the end of the page
        while small < len(indexes) and lines[indexes[-1 - small]].size < body_size * NOTE_SIZE:
            small += 1
        tail = indexes[len(indexes) - small:]
        starts = [i for i in tail if NOTE_START.match(lines[i].text)]
        if not starts or small == len(indexes):
            continue
        tail = tail[tail.index(starts[0]):]
        for i in tail:  # a note over two lines is one
            if NOTE_START.match(lines[i].text):
                notes.append(escape(lines[i].text))
            else:
                notes[-1] = _join([notes[-1], escape(lines[i].text)])
        dropped.update(tail)
    if not dropped:
        return lines, []
    return [line for i, line in enumerate(lines) if i not in dropped], notes


def _body_size(lines: list[Line]) -> float:
    weights: Counter = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


# -- Markdown ----------------------------------------------------------------------------------------------
def _is_heading(line: Line, body_size: float) -> bool:
    """A line in a larger font; or a bold line of its own, short and without a closing punctuation mark
    (a heading in the body's size, as many reports have)."""
    if BULLET.match(line.text) or not re.search(r"[^\W\d_]", line.text):
        return False
    if line.size >= body_size * HEADING_RATIO:
        return len(line.text) <= HEADING_MAX_CHARS
    return (line.bold and line.alone and not line.beside and len(line.text) <= BOLD_HEADING_MAX_CHARS
            and not line.text.endswith((".", ",", ";", ":")))  # not a table's head: 'Actie', 'Wie', 'Wanneer'


def _markdown(lines: list[Line], body_size: float) -> tuple[str, list[str]]:
    """Markdown, and the headings in order (the first is the likely title)."""
    sizes = sorted({line.size for line in lines
                    if _is_heading(line, body_size) and line.size >= body_size * HEADING_RATIO}, reverse=True)
    size_level = {size: min(2 + i, 4) for i, size in enumerate(sizes)}  # '#' is the document's title
    bold_level = min(2 + len(sizes), 4)  # bold headings in the body's size: below the larger ones

    def level(line: Line) -> int:
        return size_level.get(line.size, bold_level)

    blocks: list[str] = []
    headings: list[str] = []
    paragraph: list[str] = []
    current_box = None
    item_x = 0.0  # where the last list item's bullet starts
    flushed: list[str] = []  # the lines of the last paragraph, while it is the last block
    last_page = 0  # of the last paragraph's last line

    def flush() -> None:
        flushed.clear()
        if paragraph:
            flushed.extend(paragraph)
            labelled = sum(bool(FIELD_LINE.match(text)) for text in paragraph)
            if labelled >= 2 and labelled * 2 >= len(paragraph):  # 'Uitgave: ...', 'Vormgeving: ...': one a line
                blocks.append("  \n".join(escape(text) for text in paragraph))
            else:
                blocks.append(escape(_join(paragraph)))
            paragraph.clear()

    for i, line in enumerate(lines):
        if _is_heading(line, body_size):
            flush()
            flushed.clear()
            # A heading over two lines (same box, same size) is one heading.
            if blocks and headings and i and lines[i - 1].box == line.box and lines[i - 1].size == line.size:
                headings[-1] = f"{headings[-1]} {line.text}"
                blocks[-1] = f"{'#' * level(line)} {escape(headings[-1])}"
            else:
                headings.append(line.text)
                blocks.append(f"{'#' * level(line)} {escape(line.text)}")
            current_box = None
            continue
        if BULLET.match(line.text):
            flush()
            flushed.clear()
            blocks.append("- " + escape(BULLET.sub("", line.text)))
            current_box, item_x = line.box, line.x
            continue
        if line.box != current_box:
            flush()
            # A paragraph over a page break: it ends without a stop ('De cultuur-') and the next page begins in lower
            # case ('educatie krijgt ...'); the running lines between them are gone.
            if (flushed and line.page > last_page and line.text[:1].islower()
                    and not flushed[-1].rstrip().endswith((".", "!", "?", ":", ";"))):
                blocks.pop()
                paragraph.extend(flushed)
                flushed.clear()
        # A list item over two lines: its next line is indented past the bullet; a line where the bullet starts,
        # or left of it, is the paragraph after the list (pdfminer may put both in one box). pdfminer puts a line
        # indented under the item's text (a hanging indent) in a box of its own: right below the item, it is the
        # item's too.
        previous = lines[i - 1] if i else None
        hanging = (previous is not None and line.box != current_box and previous.page == line.page
                   and previous.size == line.size and 0 <= previous.bottom - line.top < line.size * HANGING_GAP
                   and line.x <= item_x + HANGING_INDENT_MAX)
        if (not paragraph and blocks and blocks[-1].startswith("- ") and (line.box == current_box or hanging)
                and line.x > item_x + ITEM_INDENT):
            blocks[-1] = _join([blocks[-1], escape(line.text)])  # a list item over two lines
            continue
        paragraph.append(line.text)
        current_box, last_page = line.box, line.page
    flush()
    markdown = "\n\n".join(_group_lists(blocks))
    return (markdown.strip() + "\n" if markdown.strip() else ""), headings


def _group_lists(blocks: list[str]) -> list[str]:
    """Consecutive list items are one list (no blank lines between them)."""
    out: list[str] = []
    for block in blocks:
        if block.startswith("- ") and out and out[-1].split("\n")[-1].startswith("- "):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return out


def _join(lines: list[str]) -> str:
    """Lines of a paragraph as one: 'cultuur-' + 'educatie' -> 'cultuureducatie'; 'Zuid-' + 'Holland' ->
    'Zuid-Holland' and '2023-' + '2027' -> '2023-2027' (a hyphen that belongs to the word); 'kunst-' + 'en
    cultuureducatie' -> 'kunst- en cultuureducatie' (a word left open for the next)."""
    text = ""
    for line in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalnum():
            if SUSPENDED.match(line):
                text = f"{text} {line}"
            elif text[-2].isalpha() and line[:1].islower():
                text = text[:-1] + line
            elif line[:1].isalnum():
                text = text + line
            else:
                text = f"{text} {line}"
        else:
            text = f"{text} {line}" if text else line
    return text


# -- title and date ------------------------------------------------------------------------------------------
def _title(meta_title: str | None, headings: list[str], name: str) -> str:
    if meta_title and not looks_like_file_name(meta_title) and len(meta_title) > 3 and not is_bare_date(meta_title):
        # The property a word of the first heading's ('Aanvraagformulier' for 'Aanvraagformulier cultuurbudget
        # 2024'): the heading says which one.
        first = headings[0] if headings else ""
        if gives_way(meta_title, first):
            return first
        return meta_title
    if headings:
        return headings[0]
    from pathlib import Path

    return Path(name).stem.replace("_", " ").strip() or "Document"


def _drop_title(markdown: str, title: str) -> str:
    """The title is shown above the body: its heading at the top of the text is not repeated, nor the same
    line in the body's own font (a report typed without heading styles), which would also be its summary."""
    first, _, rest = markdown.partition("\n\n")
    if same_text(first.lstrip("#").strip().replace("\\", ""), title):
        markdown = rest
    # A report's title on its cover and again above its first page of text: no heading repeats it.
    blocks = markdown.split("\n\n")
    kept = [block for block in blocks
            if not (block.startswith("#") and "\n" not in block
                    and same_text(block.lstrip("#").strip().replace("\\", ""), title))]
    return "\n\n".join(kept) if len(kept) < len(blocks) else markdown


def _lift_headings(markdown: str) -> str:
    """Without the title's heading the text's own headings start at '##'."""
    levels = [len(m) for m in re.findall(r"(?m)^(#+) ", markdown)]
    shift = min(levels, default=2) - 2
    if shift <= 0:
        return markdown
    return re.sub(r"(?m)^#{%d}(#+) " % shift, r"\1 ", markdown)


def _pdf_date(value: str | None) -> dt.date | None:
    """'D:20230622103000+02'00'' -> 2023-06-22."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", value or "")
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None
