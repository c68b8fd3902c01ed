"""Finding a document's date where real pages and files keep it.

Structured metadata first, because a CMS writes it for exactly this purpose: JSON-LD (`datePublished`,
`dateCreated`, also inside a WordPress/Yoast `@graph`), meta tags (`article:published_time`, Dublin Core,
...; ISO 8601 with a time and a zone), `<time datetime>` in the article, a date in the address
(`/2023/06/22/`). Then the text: a Dutch date ('dinsdag 14 november 2023', '14 nov. 2023') near the top,
or on a line that says it is the date ('Gepubliceerd: ...'). A date further down in the text is more often
an event than the publication, so it is not used: an unknown date is better than a wrong one.
The measurement against htmldate is in docs/import.md."""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Iterator

from bs4 import BeautifulSoup, Tag

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "maa": 3,
          "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
          "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
          "december": 12, "dec": 12,
          # English month names: Dutch sites in English CMS themes write '6 October 2018'.
          "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10}
_DUTCH_DATE = re.compile(r"(?<![\w])(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True))
                         + r")\.?\s+(\d{4})(?!\d)", re.I)
# No \b after the day: '2021-05-01T10:00:00+02:00' has a word character (T) right after it.
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$|\.html?)")
MIN_YEAR, MAX_YEAR = 1900, 2100
TOP_CHARS = 400  # a date this close to the start of the text is the document's date
DATE_CUE = re.compile(r"\b(gepubliceerd|geplaatst|publicatiedatum|datum|verschenen|nieuwsbericht|"
                      r"bijgewerkt|laatst gewijzigd|date|published)\b", re.I)
CUE_LINE_MAX = 100

# JSON-LD keys and meta tags, most telling first. Modified dates come last: better than none.
JSON_LD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
JSON_LD_MODIFIED = ("dateModified",)
ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "report", "scholarlyarticle", "event", "webpage",
                 "creativework", "medicalwebpage", "collectionpage"}
META_PUBLISHED = ("article:published_time", "og:published_time", "datePublished", "dateCreated",
                  "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
                  "dcterms.created", "date", "publish-date", "publish_date", "publication_date",
                  "publishdate", "pubdate", "article.published", "parsely-pub-date", "sailthru.date",
                  "citation_publication_date", "citation_date")
META_MODIFIED = ("article:modified_time", "og:updated_time", "dateModified", "dcterms.modified",
                 "last-modified", "dc.date.modified")


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if MIN_YEAR <= date.year <= MAX_YEAR else None


def _dates_with_ends(text: str) -> Iterator[tuple[int, int, dt.date]]:
    for pattern, order in ((_DUTCH_DATE, "dmy_name"), (_ISO_DATE, "ymd"), (_NUMERIC_DATE, "dmy")):
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            if order == "dmy_name":
                date = _valid(int(c), MONTHS[b.lower()], int(a))
            elif order == "ymd":
                date = _valid(int(a), int(b), int(c))
            else:
                date = _valid(int(c), int(b), int(a))
            if date:
                yield match.start(), match.end(), date


def _all_dates(text: str) -> Iterator[tuple[int, dt.date]]:
    for start, _, date in _dates_with_ends(text):
        yield start, date


def find_date(text: str) -> dt.date | None:
    """The first date in a text: '22 juni 2023', 'di 14 nov. 2023', '2023-06-22', '2021-05-01T10:00:00+02:00'
    or '22-06-2023'."""
    found = min(_all_dates(text), default=None, key=lambda pair: pair[0])
    return found[1] if found else None


DATELINE_WORDS = 4  # words besides the date in a letter's dateline ('Gouda, 3 februari 2026')


def is_dateline(line: str) -> bool:
    """'Gouda, 3 februari 2026', 'Den Haag, 12-03-2024': a letter's place and date, above its salutation."""
    found = next(iter(_dates_with_ends(line)), None)
    if found is None:
        return False
    start, end, _ = found
    before, after = line[:start].strip(), line[end:].strip(" .")
    return (not after and before.endswith(",") and 0 < len(before[:-1].split()) <= DATELINE_WORDS
            and before[:1].isupper())


# 2024-3-14: an ISO order with a month or day of one digit, as people type it in a header.
_LOOSE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def written_date(value: str) -> dt.date | None:
    """A value that is one date and nothing else, written in a common Dutch form: '14-03-2024' (day first),
    '14 maart 2024', '2024-3-14'. None when it is not exactly one real date ('31-02-2024', 'maart 2024'):
    a header's date field, where a near miss must not become another day."""
    text = " ".join(value.split())
    if (match := _LOOSE_ISO.fullmatch(text)):
        year, month, day = map(int, match.groups())
        return _valid(year, month, day)
    if _DUTCH_DATE.fullmatch(text) or _NUMERIC_DATE.fullmatch(text):
        return find_date(text)
    return None


def parse_date_value(value: str | None) -> dt.date | None:
    """A date from a metadata value: ISO 8601 (with or without time and zone) or a written date. The date is
    the one written down, in the writer's own time zone (a page published at 00:30 in Amsterdam is dated
    that day, not the day before in UTC)."""
    return find_date(value) if value else None


# Words right before a date that make it a deadline, a period or a start, not the day the text was written:
# 'de aanmelding sluit op 3 maart 2024', 'aanvragen tot en met 1 november', 'opengesteld van 1 januari 2019
# tot en met ...', 'tussen 15 augustus en 17 oktober 2016', 'de cursus begint op 14 maart', 'per 1 januari 2019',
# 'sinds 1 januari 2023'.
_WEEKDAY = r"(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag|ma|di|wo|do|vr|za|zo)\.?"
_DEADLINE_BEFORE = re.compile(
    r"(?:\btussen\s+\d{1,2}\s+[a-z]+\.?(?:\s+\d{4})?\s+en|"
    r"\b(?:sluit|sluiten|(?:sluitings|inlever|eind|start|begin|aanmeld|uiterste\s+\w+)datum|tussen|sinds|"
    r"deadline|uiterlijk|v[oó]{2}r|tot(?:\s+en\s+met)?|t/m|vanaf|per|"
    r"ingaande|m\.?i\.?v\.?|met\s+ingang\s+van|begint|beginnen|start|starten|loopt|lopen|duurt|aanmelden|"
    r"inschrijven|indienen|aanvragen|week\s+van)\b(?:\s+(?:op|om|in|de|het|met|vanaf|tot|tot\s+en\s+met|t/m|"
    r"uiterlijk|v[oó]{2}r|" + _WEEKDAY + r"))*)\s*[:,]?\s*$", re.I)
# A date followed by 'tot', 't/m' or a dash and another date starts a period ('van 1 januari tot 1 maart').
_PERIOD_AFTER = re.compile(r"\s*(?:tot(?:\s+en\s+met)?|t/m|[-–])\s*(?:" + _WEEKDAY + r"\s+)?", re.I)
DEADLINE_CONTEXT = 40  # characters before a date read for a deadline word


def _deadline(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is a deadline, a period or a start ('sluit op 3 maart 2024')
    rather than the date of the text. 'van' counts only before a period ('van 1 januari tot en met ...'):
    'de vergadering van 12 oktober' is the meeting, the report's date."""
    if _DEADLINE_BEFORE.search(text[max(0, start - DEADLINE_CONTEXT):start]):
        return True
    period = _PERIOD_AFTER.match(text, end)
    if not period:
        return False
    rest = text[period.end():period.end() + 30]
    return any(pattern.match(rest) for pattern in (_DUTCH_DATE, _NUMERIC_DATE, _ISO_DATE))


def first_written_date(text: str) -> dt.date | None:
    """The first date in a text that is not a deadline, a period or a start (see _deadline)."""
    found = sorted((start, end, date) for start, end, date in _dates_with_ends(text) if not _deadline(text, start, end))
    return found[0][2] if found else None


def text_date(text: str, deadlines: bool = True) -> dt.date | None:
    """The document's date in its text: the first date near the top, else one on a short line that says
    it is the date ('Gepubliceerd: 14 nov. 2023'). None rather than a date from the middle of the text.
    `deadlines=False` (PDF and Word files): a date that is a deadline, a period or a start ('de aanmelding
    sluit op 3 maart 2024') is not taken for the date of the text."""
    top = find_date(text[:TOP_CHARS]) if deadlines else first_written_date(text[:TOP_CHARS])
    if top:
        return top
    for line in text.splitlines():
        line = line.strip()
        if len(line) <= CUE_LINE_MAX and DATE_CUE.search(line) and (date := find_date(line)):
            return date
    return None


# A year in a text (not a postcode: '2012 AB Haarlem'; not part of a longer number or an amount).
_YEAR = re.compile(r"(?<![\d.,€/-])(19[5-9]\d|20\d\d)(?![\d]|\s?[A-Z]{2}\b)")
# The end of a period ('schooljaar 2023-2024', 'CMK-plan 2021-2024', '2023/2024') names its year too.
_YEAR_RANGE_END = re.compile(r"(?<![\d.,€/-])(?:19[5-9]\d|20\d\d)\s?[-–/]\s?(19[5-9]\d|20\d\d)(?!\d)")
FILE_DATE_LABELS = {"created": "aanmaakdatum", "modified": "wijzigingsdatum"}


def file_date(candidates: list[tuple[str, dt.date | None]], text: str) -> tuple[dt.date | None, str | None]:
    """The date a PDF or Word file's properties give (its creation date, else its modification date), for a
    text without one, when the text does not contradict it: a file exported or scanned years later, or a
    report written from an old file, keeps a date years off. A date is used when the text names no year,
    or a year at most one away from it; else none is (an unknown date is better than a wrong one), and a
    note says why."""
    years = sorted({int(year) for year in [*_YEAR.findall(text), *_YEAR_RANGE_END.findall(text)]}
                   | {date.year for _, date in _all_dates(text)})  # '12-03-2024' names 2024
    refused: dict[dt.date, list[str]] = {}
    for kind, date in candidates:
        if date is None:
            continue
        if not years or years[0] - 1 <= date.year <= years[-1] + 1:
            return date, None
        refused.setdefault(date, []).append(FILE_DATE_LABELS[kind])
    if not refused:
        return None, None
    said = [f"{' en '.join(kinds) if len(kinds) == 1 else 'aanmaak- en wijzigingsdatum'} {date.strftime('%d-%m-%Y')}"
            for date, kinds in refused.items()]
    named = f"het jaar {years[0]}" if len(years) == 1 else f"de jaren {years[0]} tot en met {years[-1]}"
    return None, (f"{' en '.join(said)} van het bestand niet gebruikt als datum: de tekst noemt alleen "
                  f"{named}; geen datum")


def url_date(url: str | None) -> dt.date | None:
    """'https://site.example/2023/06/22/titel/' -> 2023-06-22."""
    match = _URL_DATE.search(url or "")
    return _valid(*map(int, match.groups())) if match else None


# -- structured metadata in a web page -----------------------------------------------------------------
def _json_ld_objects(soup: BeautifulSoup) -> Iterator[dict]:
    for script in soup.find_all("script", type=lambda t: t and t.strip().lower() == "application/ld+json"):
        try:
            data = json.loads(script.string or script.get_text() or "")
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the page still has its other metadata
        yield from _walk(data)


def _walk(node, depth: int = 0) -> Iterator[dict]:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart"):
            if key in node:
                yield from _walk(node[key], depth + 1)


def _types(obj: dict) -> set[str]:
    kinds = obj.get("@type") or []
    return {str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds])}


def json_ld_date(soup: BeautifulSoup, keys=JSON_LD_PUBLISHED) -> dt.date | None:
    """datePublished (else dateCreated, ...) of the page's article or web page in its JSON-LD. Objects that
    describe other things (an organisation, a breadcrumb, a person) are not asked."""
    objects = [o for o in _json_ld_objects(soup) if not _types(o) or _types(o) & ARTICLE_TYPES]
    for key in keys:
        for obj in objects:
            value = obj.get(key)
            if isinstance(value, str) and (date := parse_date_value(value)):
                return date
    return None


def _meta_value(soup: BeautifulSoup, name: str) -> str | None:
    for attr in ("property", "name", "itemprop", "http-equiv"):
        tag = soup.find("meta", attrs={attr: lambda v: v and v.lower() == name.lower()})
        if tag and (tag.get("content") or tag.get("datetime") or "").strip():
            return (tag.get("content") or tag.get("datetime")).strip()
    return None


def meta_date(soup: BeautifulSoup, names=META_PUBLISHED) -> dt.date | None:
    for name in names:
        if (date := parse_date_value(_meta_value(soup, name))):
            return date
    return None


def time_date(root: Tag) -> dt.date | None:
    """A <time> in the article: the one marked as the publication date, else the first."""
    tags = root.find_all("time")
    marked = [t for t in tags if t.has_attr("pubdate") or (t.get("itemprop") or "").lower() == "datepublished"]
    for tag in marked + tags:
        if (date := parse_date_value(tag.get("datetime")) or parse_date_value(tag.get_text(" "))):
            return date
    return None


def published_date(soup: BeautifulSoup) -> dt.date | None:
    """The publication date in the page's head: JSON-LD, then meta tags. (Read before the page is cleaned:
    cleaning drops scripts and meta tags.)"""
    return json_ld_date(soup) or meta_date(soup)


def modified_date(soup: BeautifulSoup) -> dt.date | None:
    """When the page was last changed: better than no date, worse than any other."""
    return json_ld_date(soup, JSON_LD_MODIFIED) or meta_date(soup, META_MODIFIED)


def batch_date(value: str | None) -> dt.date | None:
    """The date an editor gives a batch of files without one ('2024-03-14'); empty: none. A value that is
    not a real date is refused with a Dutch message (ValueError, which callers turn into their own error)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        date = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        date = None
    if date is None or not MIN_YEAR <= date.year <= MAX_YEAR:
        raise ValueError(f"ongeldige datum '{value[:40]}': gebruik JJJJ-MM-DD, bijvoorbeeld 2024-03-14")
    return date
