"""Which files an import reads, and reading one into a Draft by its type."""
from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path
from typing import Iterable, Iterator

import ftfy

from ..documents import MAX_TITLE, clean_body, clean_line
from ..taxonomy import Taxonomy
from .docx import read_docx
from .html import read_html
from .model import Draft, ImportProblem, Original, other_kind
from .pdf import read_pdf
from .text import first_paragraph, read_markdown, read_text, shorten
from .titles import same_text

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "txt", ".pdf": "pdf",
            ".docx": "docx"}
MAX_BYTES = 2_000_000  # text files and web pages
MAX_BINARY_BYTES = 20_000_000  # PDF and Word files (reports with pictures)
BINARY = {"pdf", "docx"}
BINARY_SNIFF = 8192  # the start of a file that says whether it is text
MAX_CONTROL_SHARE = 0.02  # more control characters than this: not a text file
# UTF-16 without a byte order mark: at least this share of the high bytes is NUL (markup and Latin text),
# and at most this share of the low bytes.
UTF16_HIGH_NULS = 0.5
UTF16_LOW_NULS = 0.01
KIND_LABELS = {"html": "webpagina", "md": "Markdown-bestand", "txt": "tekstbestand", "pdf": "PDF-bestand",
               "docx": "Word-bestand"}
log = logging.getLogger(__name__)
NOT_TEXT = "geen tekst: het bestand lijkt een afbeelding of programma (binaire inhoud), geen webpagina of tekstbestand"


# What to do with a file of a type that is not imported but that an editor's program can save as one that is.
SAVE_AS = {".doc": "Word", ".rtf": "Word", ".odt": "Word of LibreOffice", ".wpd": "Word", ".pages": "Pages"}
EXPORT_AS_PDF = {".pptx", ".ppt", ".odp", ".key", ".xlsx", ".xls", ".ods", ".pub"}


def save_as(suffix: str) -> str:
    """'; open het in Word en sla het op als Word-document (.docx)' for a .doc, '' for a type without advice."""
    suffix = suffix.lower()
    if suffix in SAVE_AS:
        return f"; open het in {SAVE_AS[suffix]} en sla het op als Word-document (.docx)"
    if suffix in EXPORT_AS_PDF:
        return "; bewaar het als PDF (Bestand, Exporteren of Opslaan als PDF) en importeer die"
    return ""


def max_bytes(suffix: str) -> int:
    """The largest file of this type that is imported."""
    return MAX_BINARY_BYTES if SUFFIXES.get(suffix.lower()) in BINARY else MAX_BYTES


def too_big(suffix: str) -> str:
    return f"groter dan {max_bytes(suffix) // 1_000_000} MB"


def read_path(path: Path, taxonomy: Taxonomy, name: str | None = None) -> Draft:
    """`name`: the file's own name where `path` is a temporary copy (an upload), for a title from the name."""
    name = Path(name).name if name else path.name
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ImportProblem(f"bestandstype {path.suffix or '(geen)'} wordt niet ondersteund "
                            f"(wel: {', '.join(sorted(SUFFIXES))}){save_as(path.suffix)}")
    size = path.stat().st_size
    if size > max_bytes(path.suffix):
        raise ImportProblem(too_big(path.suffix))
    data = path.read_bytes()
    if not data.strip():
        raise ImportProblem("leeg bestand")
    try:
        draft = _read(kind, data, taxonomy, name)
    except ImportProblem:
        raise
    except RecursionError:
        raise ImportProblem(f"te diep genest opgebouwd om als {KIND_LABELS[kind]} te lezen; niet geïmporteerd") from None
    except Exception:  # noqa: BLE001 - a reader failing on an untrusted file: that file fails, not the run
        log.exception("import: %s niet gelezen", name)
        raise ImportProblem(f"kon niet als {KIND_LABELS[kind]} worden gelezen (beschadigd?); niet geïmporteerd") from None
    mended = [mend(text) for text in (draft.title, draft.summary, draft.body)]
    if mended != [draft.title, draft.summary, draft.body]:
        draft.notes.append(MENDED_NOTE)
    # Stray control characters (a raw byte, '&#1;' in a page, '\x01' in YAML) show as boxes or nothing.
    draft.title, draft.summary, draft.body = clean_line(mended[0]), clean_line(mended[1]), clean_body(mended[2])
    draft.title = shorten_title(draft.title)
    if kind in BINARY:
        # Only for PDF and Word, where the title line comes through as text. Web pages are left as they are:
        # their summary is indexed, and the relevance figures are measured on imported web pages (dropping a
        # description that repeats the title moved held-out nDCG@10 from 0.873 to 0.870).
        draft.body = without_title(draft.body, draft.title)
        if same_text(draft.summary.removesuffix(" …"), draft.title):
            draft.summary = shorten(first_paragraph(draft.body, report=True))
    draft.original = Original(path.suffix.lower(), data)
    return draft


MENDED_NOTE = "verkeerd gecodeerde tekens hersteld"
# The ’ of "foto’s" (UTF-8 e2 80 99) read as Latin-1 is "â" and two C1 controls; where a page's cleaning
# dropped the controls, only "fotoâs" is left, which ftfy cannot tell from a word. After a vowel and before a
# final s it is the apostrophe of a plural (foto's, thema's, baby's): no Dutch or Frisian word ends so
# (Frisian's â follows a consonant: "Fryslân", "wrâld").
_BARE_APOSTROPHE = re.compile(r"(?<=[aeiouy])â(?=s\b)")


def mend(text: str) -> str:
    """Text that was UTF-8 read as windows-1252 or Latin-1 before it reached us ("cafÃ©", "fotoâ€™s", a real
    page's mojibake) as it was written: ftfy's fix_encoding, which changes only what its heuristics are sure
    of, so "Fryslân" and "coördinator" stay. Without it, "coÃ¶rdinator" is the words "coa" and "rdinator"
    and "fotoâ€™s" is "fotoa", and neither is found."""
    if text.isascii():
        return text
    return _BARE_APOSTROPHE.sub("’", ftfy.fix_encoding(text))


def _read(kind: str, data: bytes, taxonomy: Taxonomy, name: str) -> Draft:
    if kind in BINARY:
        return read_pdf(data, name) if kind == "pdf" else read_docx(data, name)
    other = other_kind(data)
    if other and "webpagina" not in other:  # a PDF (its ASCII streams decode as text), an RTF or an old Word file
        raise ImportProblem(f"geen {KIND_LABELS[kind]}: {other}")
    try:
        text, note = _decode(data, kind)
    except ImportProblem as problem:
        other = other_kind(data) if problem.message == NOT_TEXT else None
        if other is None and data[:4] == b"PK\x03\x04" and b"word/" in data[:BINARY_SNIFF]:
            other = "het is een Word-document; geef het de extensie .docx"
        if other:  # a PDF or Word file saved as .txt or .html: said what it is
            raise ImportProblem(f"geen {KIND_LABELS[kind]}: {other}") from None
        raise
    if not text.strip():  # a byte order mark, no-break spaces: nothing to import, said as for an empty file
        raise ImportProblem("leeg bestand (alleen witruimte)")
    if kind == "html":
        draft = read_html(text, name)
    elif kind == "md":
        draft = read_markdown(text, taxonomy, name)
    else:
        draft = read_text(text, name)
    if note:
        draft.notes.insert(0, note)
    return draft


def without_title(markdown: str, title: str) -> str:
    """The title is shown above the text: a first line that repeats it (a Word 'Title' paragraph, a PDF title
    in the body's font) is not repeated below it, and so is not the summary either."""
    first, _, rest = markdown.lstrip().partition("\n\n")
    if rest.strip() and same_text(first.lstrip("#").strip().replace("\\", ""), title):
        return rest
    return markdown


def _decode(data: bytes, kind: str) -> tuple[str, str | None]:
    """The text of a web page or text file, and a note for the editor when it was not UTF-8; a file that is
    not text at all (a picture or program renamed to .html) is refused rather than imported as a page of
    mojibake."""
    utf16 = _utf16(data)
    if utf16 is not None:
        return _check_text(utf16), None
    if b"\0" in data[:BINARY_SNIFF]:
        raise ImportProblem(NOT_TEXT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if kind == "html":
            return _check_text(_declared(data) or data.decode("cp1252", errors="replace")), None
        return _check_text(_windows_1252(data)), WINDOWS_1252_NOTE
    return _check_text(text), None


WINDOWS_1252_NOTE = "gelezen als windows-1252 (geen UTF-8)"
NOT_DECODED = ("geen UTF-8- of windows-1252-tekst: sla het bestand op als UTF-8 (in Kladblok: 'Opslaan als', "
               "codering UTF-8) en importeer het opnieuw")
# A multi-byte UTF-8 character: in a file that is not UTF-8 as a whole, a sign that it mixes UTF-8 with
# another encoding, which windows-1252 would turn into mojibake ('Ã©' for 'é').
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
MAX_FOREIGN_LETTERS = 0.5  # Dutch, French, German: under 5% of letters are not ASCII; Cyrillic as 1252: ~100%


def _windows_1252(data: bytes) -> str:
    """A text file that is not UTF-8, read as windows-1252 (old Notepad and Word 'save as text' files:
    'co\xf6rdinator', 'caf\xe9') only when that gives plausible text, never a guess that shows as mojibake:
    no byte windows-1252 leaves undefined (C1 controls), no UTF-8 inside, and mostly ASCII letters
    (Cyrillic or Greek in their own code page read as 1252 is accented Latin letters only)."""
    if UTF8_SEQUENCE.search(data):
        raise ImportProblem(NOT_DECODED)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportProblem(NOT_DECODED) from None
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if not ch.isascii())
    if not letters or foreign > len(letters) * MAX_FOREIGN_LETTERS:
        raise ImportProblem(NOT_DECODED)
    return text


def _check_text(text: str) -> str:
    sample = text[:BINARY_SNIFF]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(sample) * MAX_CONTROL_SHARE:
        raise ImportProblem(NOT_TEXT)
    return text


def _utf16(data: bytes) -> str | None:
    """UTF-16 text: with its byte order mark (Windows editors), or without one, where half the bytes of
    markup and Latin text are NUL, all of them on one side of each pair; None for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        sample = data[: BINARY_SNIFF - BINARY_SNIFF % 2]
        pairs = len(sample) // 2
        if pairs < 8 or len(data) % 2:
            return None
        even, odd = sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs
        if odd >= UTF16_HIGH_NULS and even <= UTF16_LOW_NULS:
            encoding = "utf-16-le"
        elif even >= UTF16_HIGH_NULS and odd <= UTF16_LOW_NULS:
            encoding = "utf-16-be"
        else:
            return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_.:-]+)""",
                     re.I)
# What browsers do (the WHATWG Encoding standard): these labels mean windows-1252, and a page that says it is
# UTF-16 while its bytes are not (they would have been found above) is read as it is, not as UTF-16.
CHARSET_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def _declared(data: bytes) -> str | None:
    """A page that is not UTF-8, read in the character set it declares (<meta charset=koi8-r>), if Python
    knows it and the whole page decodes in it; None otherwise (then it is read as windows-1252)."""
    match = CHARSET.search(data[:BINARY_SNIFF])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        return None
    if encoding.startswith(("utf-16", "utf-32", "utf-8")):
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def shorten_title(title: str) -> str:
    """A title longer than a document may have (a page that put its whole text in <title>) is cut at a word,
    rather than refusing the page: a long title is odd metadata, not a reason to lose the text."""
    title = " ".join(title.split())
    if len(title) <= MAX_TITLE:
        return title
    return title[: MAX_TITLE - 2].rsplit(" ", 1)[0] + " …"



def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to import: the paths given, and folders recursively (hidden files and folders skipped);
    files of other types inside folders are skipped, a file given by name is always tried."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) and child.suffix.lower() in SUFFIXES:
                    yield child
        else:
            yield path


