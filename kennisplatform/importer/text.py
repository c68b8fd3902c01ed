"""Markdown (with or without front matter) and plain text: title, date and body as Markdown."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..documents import MAX_TITLE, Source, date_in_range, load_yaml, parse_document, split_front_matter
from ..render import shown_text
from ..taxonomy import Taxonomy
from .dates import DATE_CUE, find_date, text_date
from .header import problem_notes, usable_header
from .model import Draft, ImportProblem
from .titles import TITLE_SEPARATORS, is_bare_date, same_text

SUMMARY_MAX = 300
# HTML in a Markdown file that is never shown (the page renders it as nothing) but whose text would be indexed
# and could be a snippet ('alert(1)'): left out of an imported Markdown body.
HIDDEN_HTML = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
# An "&" that would begin an entity: text that says "&amp;" or "&lt;" (a page about HTML) would show as "&", "<".
_ENTITY_START = re.compile(r"&(?=#?\w+;)")


def escape(text: str) -> str:
    """Text as Markdown that shows exactly that text (render.shown_text(escape(text)) is the text)."""
    return _ENTITY_START.sub("&amp;", _MD_SPECIAL.sub(r"\\\1", text)).replace("<", "&lt;")


def first_paragraph(markdown_text: str, report: bool = False) -> str:
    """The text of the first paragraph, as a summary: plain text as the page shows it (a summary is shown
    escaped, and is the meta description and the API's text), so an escape or entity the import wrote into the
    Markdown ("8 &lt; 10", "\\[1\\]") is its sign again, and a link its text. `report` (a PDF, Word or text
    file): a meeting's or memo's fields ('Aanwezig: ...', 'Afwezig: ...', 'Notulist: ...') and a version line
    ('versie 0.3 concept') are no summary either."""
    colophon = False
    for block in re.split(r"\n\s*\n", markdown_text):
        block = block.strip()
        if block.startswith("#"):
            colophon = report and bool(COLOPHON.fullmatch(block.lstrip("#").strip()))
        if block and not block.startswith(("#", "-", "* ", ">", "|", "```")) and not re.match(r"\d+\.", block):
            if report and (colophon or is_report_field(block)):
                continue
            if len(block) <= DATE_LINE_MAX and find_date(block):
                continue  # 'Datum: 12-4-2023' above a report's text: its date, not what it is about
            if len(block) <= SALUTATION_MAX and block.endswith(",") and "\n" not in block:
                continue  # 'Beste intern cultuurcoördinator,' above a letter's text
            if not re.search(r"[^\W\d_]", block) or ONLY_LINK.fullmatch(block):
                continue  # an event's time ('15:00 - 17:00') or place ('[Oude Parochiehuis](...)') alone
            if len(block) > SUMMARY_SOURCE_MAX:  # a summary is 300 characters; rendering a huge block is slow
                block = block[:SUMMARY_SOURCE_MAX].rsplit(None, 1)[0]
            return shown_text(block)
    return ""


REPORT_FIELD = re.compile(
    r"(?:aanwezig(?:en)?|afwezig(?:en)?|(?:met kennisgeving )?afwezig|afgemeld|afmeldingen|genodigden|gasten|deelnemers|"
    r"notulist|notulen|verslaglegging|voorzitter|secretaris|datum|tijd|locatie|plaats|aan|van|cc|kopie(?: aan)?|"
    r"onderwerp|kenmerk|betreft|versie|status|auteurs?|"
    # a colophon's
    r"uitgave|uitgever|(?:eind)?redactie|tekst(?:en)?(?: en redactie)?|vormgeving|ontwerp|foto(?:'s|grafie)|"
    r"beeld|illustraties?|druk(?:werk)?|opdrachtgever|contact|adres|copyright)\s*:", re.I)
COLOPHON = re.compile(r"colofon|colophon", re.I)
VERSION_LINE = re.compile(r"(?:versie|version|v)\s*\d+(?:[.,]\d+)*(?:\s+\S+){0,3}", re.I)
_ISSUE_PART = r"(?:(?:jaargang|editie|nummer|nr\.?|no\.?|uitgave|week)\s*\d{1,4}|[^\W\d_]+\s+\d{4}|\d{4})"
ISSUE_LINE = re.compile(rf"{_ISSUE_PART}(?:\s*[|·•,/–-]\s*{_ISSUE_PART})*", re.I)  # 'Maart 2024 | nummer 3'
ISSUE_LINE_MAX = 60
REPORT_FIELD_MAX = 400  # characters of a field's paragraph: a list of names, not a text


def is_report_field(block: str) -> bool:
    """'Aanwezig: Anja de Vries, Peter Smit', 'Notulist: Joost', 'versie 0.3 concept': a field of a meeting report
    or a memo, or a version line, above its text."""
    shown = block.replace("\\", "").replace("**", "").strip()
    return ((len(shown) <= REPORT_FIELD_MAX and bool(REPORT_FIELD.match(shown))) or bool(VERSION_LINE.fullmatch(shown))
            or (len(shown) <= ISSUE_LINE_MAX and bool(ISSUE_LINE.fullmatch(shown))))


DATE_LINE_MAX = 40  # a paragraph this short with a date in it is a date line
SALUTATION_MAX = 80  # a paragraph this short ending with a comma is a letter's salutation
# Of a longer first paragraph only its start is rendered for the summary (Python-Markdown takes 38 s for a
# paragraph of 100,000 bold words); what is shown of it, SUMMARY_MAX characters, comes from the start anyway.
SUMMARY_SOURCE_MAX = 4000
ONLY_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)")


def shorten(text: str, limit: int = SUMMARY_MAX) -> str:
    """A summary of at most `limit` characters, ending at a sentence or word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > limit // 2 else cut.rsplit(" ", 1)[0] + " …"


def read_markdown(text: str, taxonomy: Taxonomy, name: str) -> Draft:
    """With front matter: its fields are used as far as they can be (importer.header: a value that cannot,
    such as a date that is no date or an unknown type, is dropped with a note and the header kept below the
    text); a missing or dropped type or title is found as for a file without. Without: the first heading or
    line is the title, a date at the top of the text the date. A header that cannot be read at all (not
    YAML, not closed with ---) does not refuse the file either: it is read as a file without one, and the
    header's text is kept below the text (see _unread_header)."""
    front, body = split_front_matter(text)
    if HIDDEN_HTML.search(body):
        body = HIDDEN_HTML.sub("", body)
    if front is None:
        front, body = _unclosed_header(body)
        if front is not None:
            return _unread_header(front, body, name, "de YAML-kop is niet afgesloten met ---")
        return _markdown_without_header(body, name)
    if _has_aliases(front):
        raise ImportProblem("de YAML-kop gebruikt verwijzingen (&naam en *naam); schrijf de waarden uit")
    unreadable = _header_problem(front, taxonomy, name)
    if unreadable:  # the header as a whole (bad YAML, not keys and values), not one field's value
        return _unread_header(front, body, name, unreadable)
    header = usable_header(load_yaml(front), taxonomy)
    meta = header.meta
    # Missing metadata is no reason to refuse a file: no type, and the type is suggested from the text;
    # no title, and the first heading or line is the title.
    if "title" not in meta:
        meta["title"], rest = _heading_title(body, name)
        # A one-line text is the title and the text too, as in a file without a header (_draft_from_text)
        body = meta["title"] + "\n" if RULES_ONLY.fullmatch(rest) and not RULES_ONLY.fullmatch(body) else rest
    missing_type = "type" not in meta
    if missing_type:
        meta["type"] = "verslag"  # parse_document needs a type; choose_fields suggests one instead
    cleaned = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    parsed = parse_document(f"---\n{cleaned}---\n{body}", Path(name).stem.lower(), taxonomy, name)
    if parsed.document is None:  # usable_header leaves nothing that refuses a document; a guard all the same
        raise ImportProblem("; ".join(_problem_text(p) for p in parsed.problems))
    doc = parsed.document.with_changes(type=None) if missing_type else parsed.document
    # Front matter without a date: a date at the top of the text will do (else the date stays unknown).
    draft = Draft(doc.title, doc.date or text_date(doc.body), doc.body, doc.summary, doc.source, doc.type,
                  doc.themes, doc.regions, doc.disciplines, doc.audience, doc.organisations,
                  notes=[*header.notes, *problem_notes(parsed.problems, header.names)])
    # A header without text stays refused ('geen tekst gevonden') as before, whatever its values: the header
    # below the text is what was dropped, never the document's only text.
    if (header.dropped or len(draft.notes) > len(header.notes)) and draft.body.strip():
        _keep_header(draft, front)
        draft.notes.append("de YAML-kop staat als tekst onder aan het document")
    return draft


def _header_problem(front: str, taxonomy: Taxonomy, name: str) -> str | None:
    """Why the header cannot be read at all (with its line as the file has it), None if it can; a field's
    value that is wrong is not this (it is refused with the field's name, as before)."""
    parsed = parse_document(f"---\n{front}\n---\n", Path(name).stem.lower(), taxonomy, name)
    problem = next((p for p in parsed.problems if p.field == "front matter"), None)
    return _problem_text(problem) if problem else None


def _markdown_without_header(body: str, name: str) -> Draft:
    return _draft_from_text(*_heading_title(body, name), markdown=True)


def _heading_title(body: str, name: str) -> tuple[str, str]:
    """A Markdown text's title (its first heading or line, without the '#'s; else the file's name) and the
    text after it."""
    title, rest = _first_line(body.splitlines(), name)
    return re.sub(r"^#+\s*", "", title).strip(), "\n".join(rest)


# An opening '---' whose block is never closed: the lines under it up to the first blank line are the header
# when the first of them is a YAML key ('title: ...'); a '---' above text is a horizontal rule.
_UNCLOSED = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?=[ \t]*[A-Za-z_][\w-]*[ \t]*:)(.*?)(?:\r?\n[ \t]*\r?\n|\Z)", re.S)


def _unclosed_header(text: str) -> tuple[str | None, str]:
    match = _UNCLOSED.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def _unread_header(header: str, body: str, name: str, reason: str) -> Draft:
    """An imported file whose header cannot be read is imported as a Markdown file without one (title from
    the first heading or line, else the file name); its header is not guessed at but kept, as it was,
    in a code block below the text, so that nothing in it is lost and an editor can copy what it meant.
    (A corpus file with such a header is still reported by `check`: this is the importer's leniency.)"""
    draft = _markdown_without_header(body, name)
    if not body.strip():
        draft.body = ""  # the title from the file's name is not text of its own
    _keep_header(draft, header)
    draft.notes.append(f"{reason}; de kop is niet gebruikt en staat als tekst onder aan het document")
    return draft


def _keep_header(draft: Draft, header: str) -> None:
    """The header's text as it was, in a code block below the draft's text: shown on the document's page,
    where an editor can see and fix what the import did not use (a fence longer than any in the header)."""
    longest = max((len(run) for run in re.findall(r"`+", header)), default=0)
    fence = "`" * max(3, longest + 1)
    text = draft.body.rstrip("\n") + "\n\n" if draft.body.strip() else ""
    draft.body = text + f"{fence}\n{header}\n{fence}\n"


def _has_aliases(front: str) -> bool:
    """YAML aliases ('title: *a7' over nested anchors, 480 bytes) expand exponentially once a value is made
    text: 41 s and 7.6 GB. No front matter of ours needs them; the tokens are read without building values."""
    if "*" not in front:
        return False
    try:
        return any(isinstance(token, yaml.AliasToken) for token in yaml.scan(front))
    except yaml.YAMLError:
        return False  # reported by parse_document as invalid YAML


def _problem_text(problem) -> str:
    """'veld 'date' in de YAML-kop: ongeldige datum ...': the key as the file has it, said in Dutch."""
    if problem.field == "front matter":
        return f"YAML-kop: {problem.message}"
    return f"veld '{problem.field}' in de YAML-kop: {problem.message}"


def _first_line(lines: list[str], name: str = "") -> tuple[str, list[str]]:
    """The title line and the lines after it. A date alone above the title is not the title: it stays in
    the text, where it is found as the document's date; nor is a line without a letter or digit (a rule
    '---'). A text of such lines alone takes its title from the file's name (all its lines stay the text)."""
    skipped: list[str] = []
    for i, line in enumerate(lines):
        text = " ".join(line.split())
        if text and (is_bare_date(text.lstrip("#").strip()) or not any(ch.isalnum() for ch in text)):
            skipped.append(line)
        elif text:
            if len(text) > TITLE_LINE_MAX and not text.startswith("#"):
                # A paragraph, not a title (a text without a title line): it stays text, and its first
                # sentence is the title.
                return first_sentence(text), skipped + lines[i:]
            return text, skipped + lines[i + 1:]
    return name_title(name), lines


TITLE_LINE_MAX = 150  # a first line longer than this is the text's first paragraph
SENTENCE_TITLE_MAX = 140


def first_sentence(text: str) -> str:
    """'Deze zomer kondigde ... aan dat er een vervolg komt. De nieuwe ...' -> its first sentence, cut at a word
    when it is longer than SENTENCE_TITLE_MAX."""
    match = re.match(r"(.+?[.!?])(?=\s+[A-Z\d\W])", text)
    sentence = match.group(1) if match else text
    if len(sentence) <= SENTENCE_TITLE_MAX:
        return sentence
    return sentence[:SENTENCE_TITLE_MAX].rsplit(" ", 1)[0] + " …"


def name_title(name: str) -> str:
    """'verslag_netwerk-2024.txt' -> 'verslag netwerk-2024': the title of a file that has no line for one."""
    return Path(name).stem.replace("_", " ").strip()


# A table of contents points to pages that the imported text does not have, and would be its summary.
# A line of one with leaders: 'Inleiding ........ 3', 'Financiën . . . . . 12', 'Bijlagen …… 20'.
CONTENTS_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…+\s*\d{1,4}$|_{4,}\s*\d{1,4}$")
CONTENTS_HEADING = re.compile(r"^(inhoud|inhoudsopgave|inhoudstafel|inhoudsindeling|contents|table of contents)$", re.I)
# An entry typed without leaders: a title with letters, then a tab or spaces and its page number ('1. Visie<TAB>3').
_CONTENTS_ENTRY = re.compile(r"^(?=.*[^\W\d_]).{1,100}?(\t+|\s+)(\d{1,4})$")
CONTENTS_MIN_ENTRIES = 2  # under a heading 'Inhoud'
CONTENTS_MIN_BARE = 3  # without one: tab- or leader-separated entries only
CONTENTS_ENTRY_MAX = 120  # characters of an entry line
CONTENTS_BLANKS = 2  # blank lines between two entries


def contents_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines of a table of contents typed as text (blank lines may come between them):
    a heading 'Inhoud' ('Inhoudsopgave', ...) with at least two entries below it that end in a page number
    ('1. Visie 3', '2. Doelen<TAB>6'), page numbers that do not go down; without the heading, three such
    entries whose page numbers are set apart by a tab or by leaders ('Inleiding ........ 3'), not by a
    space alone (a numbered list 'Groep 3', 'Groep 4' is no table of contents)."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        heading = bool(CONTENTS_HEADING.match(lines[i].strip().strip(" :*#_").strip()))
        run: list[int] = []
        page = blanks = 0
        j = i + 1 if heading else i
        while j < len(lines):
            line = lines[j].strip()
            if not line:
                blanks += 1
                if blanks > CONTENTS_BLANKS:
                    break
                j += 1
                continue
            blanks = 0
            entry = _CONTENTS_ENTRY.match(line) if len(line) <= CONTENTS_ENTRY_MAX else None
            if not entry or int(entry.group(2)) < page:
                break
            if not heading and "\t" not in entry.group(1) and not CONTENTS_LINE.search(line):
                break
            run.append(j)
            page = int(entry.group(2))
            j += 1
        if len(run) >= (CONTENTS_MIN_ENTRIES if heading else CONTENTS_MIN_BARE):
            found.update(run)
            if heading:
                found.add(i)
            i = run[-1] + 1
        else:
            i += 1
    return found


def without_contents(lines: list[str]) -> list[str]:
    drop = contents_lines(lines)
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines


BULLET = re.compile(r"^\s*[•·▪◦‣●○■□➤►–-]\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


def read_text(text: str, name: str = "") -> Draft:
    """Plain text: the first line is the title; short standalone lines become headings, bullets lists. Lines
    at the top that a script wrote as fields ('URL: ...', 'Datum: ...', 'Title: ...') are the document's
    address, date and title, not its text (see _text_header)."""
    lines = without_contents(text.replace("\r\n", "\n").replace("\r", "\n").splitlines())
    header, lines = _text_header(lines)
    if header.title:
        title, rest = header.title, lines
    else:
        title, rest = _first_line(lines, name)
        title = re.sub(r"^#+\s+", "", title).strip() or title  # '# Titel': a script's Markdown heading
        rest = _without_underline(rest)
    draft = _draft_from_text(title, "\n".join(rest), markdown=False)
    draft.date = header.date or draft.date
    if header.url or header.authors:
        draft.source = Source(header.url, header.authors)
    return draft


# Field lines a script writes above a text, in Dutch or English, as `key: value` (the key in any capitals):
# what each says. A field whose value is not of its kind ('Bron: Onderwijsraad', 'Datum: volgt') stays text.
TEXT_FIELDS = {"url": "url", "link": "url", "bron": "url", "source": "url", "bronadres": "url", "adres": "url",
               "webadres": "url", "pagina": "url", "page": "url",
               "datum": "date", "date": "date", "gepubliceerd": "date", "published": "date", "publicatiedatum": "date",
               "geplaatst": "date", "publication date": "date",
               "titel": "title", "title": "title",
               "auteur": "author", "auteurs": "author", "author": "author", "authors": "author"}
_FIELD_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*?)\s*$")
_BARE_URL = re.compile(r"^\s*<?(https?://\S+?)>?\s*$", re.I)
# A value that says there is none ('Datum: onbekend'): the line is a field without a value, not text.
NO_VALUE = re.compile(r"^(|-+|onbekend|unknown|n\.?v\.?t\.?|none|geen)$", re.I)
HEADER_LINES = 15  # field lines are looked for among this many lines at the top


@dataclass
class TextHeader:
    """The fields read from a text file's top lines."""

    title: str = ""
    url: str | None = None
    date: dt.date | None = None
    authors: tuple[str, ...] = ()


def _text_header(lines: list[str]) -> tuple[TextHeader, list[str]]:
    """The field lines at the top of a text ('URL: https://...', 'Datum: 14 maart 2024', 'Title: ...', a bare
    address under the title, a '---' or '===' below them) read as fields, and the lines that remain: the
    title line (when no field gave the title) and the text. Only the top counts: the fields end at the first
    line of text after the title."""
    header = TextHeader()
    kept: list[str] = []  # the title line, kept for _first_line
    end = 0
    for i, line in enumerate(lines[:HEADER_LINES]):
        stripped = line.strip()
        if not stripped or (RULE_LINE.fullmatch(stripped) and (header.url or header.title or header.date or kept)):
            end = i + 1
            continue
        if _read_field(header, stripped):
            end = i + 1
            continue
        if kept or header.title:
            break  # the first line of the text
        kept.append(line)
        end = i + 1
    if header == TextHeader():
        return header, lines  # no fields: the file as it is
    return header, kept + lines[end:]


RULE_LINE = re.compile(r"[=_*~-]{3,}")


def _read_field(header: TextHeader, line: str) -> bool:
    """Whether the line is a field line (then read into `header`)."""
    bare = _BARE_URL.match(line)
    if bare:
        if header.url:
            return False
        header.url = bare.group(1)
        return True
    match = _FIELD_LINE.match(line)
    kind = TEXT_FIELDS.get(" ".join(match.group(1).lower().split())) if match else None
    if kind is None:
        return False
    value = match.group(2)
    if NO_VALUE.match(value):
        return True
    if kind == "url":
        found = _BARE_URL.match(value)
        if not found or header.url:
            return False
        header.url = found.group(1)
    elif kind == "date":
        date = find_date(value)
        if date is None or not date_in_range(date) or header.date:
            return False
        header.date = date
    elif kind == "title":
        if header.title:
            return False
        header.title = " ".join(value.split())
    else:
        header.authors = tuple(a.strip() for a in re.split(r"[,;]| en | and ", value) if a.strip())
    return True


def _without_underline(lines: list[str]) -> list[str]:
    """A title underlined with '====' or '----' (as in a text someone laid out by hand): the line is no text."""
    for i, line in enumerate(lines):
        if line.strip():
            return lines[:i] + lines[i + 1:] if RULE_LINE.fullmatch(line.strip()) else lines
    return lines


# Text that is no text of its own: nothing, or Markdown rules ('---', '* * *') that show only a line.
RULES_ONLY = re.compile(r"[\s*_=~-]*")


def _draft_from_text(title: str, body: str, markdown: bool) -> Draft:
    lines = body.splitlines()
    # The title often repeats below it without the site name ("X - Kunstgebouw", then "X"); a date alone
    # on a line near the top is the document's date, not text.
    date = None
    head_end = min(len(lines), 12)
    keep: list[str] = []
    for i, line in enumerate(lines):
        stripped = " ".join(line.split()).lstrip("#").strip()
        if i < head_end and stripped:
            if same_text(stripped, title):
                continue
            if TITLE_SEPARATORS.split(title)[0] and same_text(stripped, TITLE_SEPARATORS.split(title)[0]):
                title = stripped
                continue
            alone = find_date(stripped)
            if alone and len(stripped) <= 25:
                date = date or alone
                continue
        keep.append(line)
    text = "\n".join(keep)
    if RULES_ONLY.fullmatch(text):
        # A one-line file (a title, a one-sentence note) is a document: its line is its text too, as a
        # paragraph (not a heading), and there is no summary that would only repeat the title. Lines
        # taken as the date or as the title again stay the text, rather than the title twice.
        if not RULES_ONLY.fullmatch(body):
            body_md = body.strip() + "\n" if markdown else text_to_markdown(body)
        else:
            body_md = (title if markdown else escape(title)) + "\n"
        return Draft(title=title[:MAX_TITLE], date=date, body=body_md, summary="")
    body_md = text.strip() + "\n" if markdown else text_to_markdown(text)
    if markdown:
        date = date or text_date(text)
    else:  # as for PDF and Word files: not a deadline, nor an agenda's dates in a table
        date = date or text_date(_date_text(text), deadlines=False)
    return Draft(title=title[:MAX_TITLE], date=date, body=body_md, summary=shorten(first_paragraph(body_md, report=not markdown)))


def _looks_like_heading(line: str, before_blank: bool, next_line: str | None, text_follows: bool = True) -> bool:
    """`text_follows`: whether any text comes after the line; a short last line ('Schuif eens aan!') heads
    nothing and stays a paragraph."""
    if not line or len(line) > 80 or BULLET.match(line) or NUMBERED.match(line) or not text_follows:
        return False
    if not line[0].isupper() or line.endswith((".", ",", ";", ":")) or is_report_field(line):
        return False  # a sentence, a label; a report's field ('Notulist: Joost Verbeek') or version line
    if next_line is not None and (BULLET.match(next_line) or NUMBERED.match(next_line)):
        return False  # a label above a list ("Waar?") stays with its list
    if line.endswith("?") or line.endswith("!"):
        return before_blank and (next_line is None or next_line == "")
    return before_blank and len(line.split()) <= 10


TABLE_MIN_ROWS = 2


def _tab_tables(raw: list[str]) -> dict[int, tuple[int, str]]:
    """Tables a spreadsheet or Word wrote as tab-separated lines ('Datum<TAB>Activiteit<TAB>Plaats'): runs of
    at least two lines with the same number of cells (two or more). {first line: (line count, Markdown table)};
    the first line is the table's head."""
    tables: dict[int, tuple[int, str]] = {}
    i = 0
    while i < len(raw):
        cells = raw[i].strip("\n").split("\t")
        end = i
        while end < len(raw) and "\t" in raw[end] and len(raw[end].split("\t")) == len(cells) and raw[end].strip():
            end += 1
        if len(cells) >= 2 and end - i >= TABLE_MIN_ROWS:
            rows = [[escape(" ".join(cell.split())).replace("|", "\\|") for cell in line.split("\t")]
                    for line in raw[i:end]]
            table = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
            table += ["| " + " | ".join(row) + " |" for row in rows[1:]]
            tables[i] = (end - i, "\n".join(table))
            i = end
        else:
            i += 1
    return tables


def _date_text(text: str) -> str:
    """A plain text without the rows of its tab-separated tables, but those that say they hold the date."""
    raw = text.splitlines()
    rows = {i for start, (count, _) in _tab_tables(raw).items() for i in range(start, start + count)}
    return "\n".join(line for i, line in enumerate(raw) if i not in rows or DATE_CUE.search(line))


def text_to_markdown(text: str) -> str:
    """Plain text to Markdown: paragraphs, headings (short standalone lines), bullet lists, tables (lines of
    tab-separated cells); the text is escaped so that nothing in it is read as Markdown or HTML."""
    raw = text.splitlines()
    tables = _tab_tables(raw) if "\t" in text else {}
    if tables:
        text = "\n".join(line if not any(start <= i < start + count for start, (count, _) in tables.items())
                         else "" if i not in tables else f"\x00table{i}\x00" for i, line in enumerate(raw))
        markdown = text_to_markdown(text)
        for start, (_, table) in tables.items():
            markdown = markdown.replace(f"\x00table{start}\x00", f"\n{table}\n")
        return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
    lines = [" ".join(l.split()) for l in text.splitlines()]
    last_text = max((i for i, line in enumerate(lines) if line), default=-1)
    out: list[str] = []
    previous_blank = True
    for i, line in enumerate(lines):
        if not line:
            out.append("")
            previous_blank = True
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if BULLET.match(line):
            if out and out[-1] and not out[-1].startswith("- "):
                out.append("")
            out.append("- " + escape(BULLET.sub("", line)))
        elif NUMBERED.match(line):
            if out and out[-1] and not re.match(r"\d+\. ", out[-1]):
                out.append("")
            number = re.match(r"\s*(\d+)", line).group(1)
            out.append(f"{number}. " + escape(NUMBERED.sub("", line)))
        elif _looks_like_heading(line, previous_blank, following, i < last_text):
            out.extend(["", "## " + escape(line), ""])
        else:
            if out and (out[-1].startswith("- ") or re.match(r"\d+\. ", out[-1] or "")):
                out.append("")
            out.append(escape(line))
        previous_blank = False
    text = "\n".join(out)
    text = re.sub(r"(?m)^(#+ .*)\n(?!\n)", r"\1\n\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

