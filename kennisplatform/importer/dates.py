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


def _all_dates(text: str) -> Iterator[tuple[int, dt.date]]:
    for match in _DUTCH_DATE.finditer(text):
        a, b, c = match.groups()
        if (date := _valid(int(c), MONTHS[b.lower()], int(a))):
            yield match.start(), date
    for match in _ISO_DATE.finditer(text):
        a, b, c = match.groups()
        if (date := _valid(int(a), int(b), int(c))):
            yield match.start(), date
    for match in _NUMERIC_DATE.finditer(text):
        a, b, c = match.groups()
        if (date := _valid(int(c), int(b), int(a))):
            yield match.start(), date


def find_date(text: str) -> dt.date | None:
    """The first date in a text: '22 juni 2023', 'di 14 nov. 2023', '2023-06-22', '2021-05-01T10:00:00+02:00'
    or '22-06-2023'."""
    found = min(_all_dates(text), default=None, key=lambda pair: pair[0])
    return found[1] if found else None


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


def text_date(text: str) -> dt.date | None:
    """The document's date in its text: the first date near the top, else one on a short line that says
    it is the date ('Gepubliceerd: 14 nov. 2023'). None rather than a date from the middle of the text."""
    top = find_date(text[:TOP_CHARS])
    if top:
        return top
    for line in text.splitlines():
        line = line.strip()
        if len(line) <= CUE_LINE_MAX and DATE_CUE.search(line) and (date := find_date(line)):
            return date
    return None


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
