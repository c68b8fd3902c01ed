"""Titles: comparing them, stripping a site's name off a page title, and refusing a title that is only a
date or only the site's name (real pages have both in their <title> or og:title)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..documents import TITLE_SEPARATORS, title_without_ends
from ..taxonomy import fold
from .dates import MONTHS

SITE_MAX = 32  # a part of a page title this short may be the site's name ('Fonds voor Cultuurparticipatie')
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
            "ma", "di", "wo", "do", "vr", "za", "zo")
_DATE_WORDS = re.compile(r"\b(" + "|".join(sorted([*MONTHS, *WEEKDAYS], key=len, reverse=True)) + r")\b", re.I)


def same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def strip_site_name(title: str, site: str | None, address: str | None = None) -> str:
    """'Verslag CMK-bijeenkomst | Kunstgebouw' -> 'Verslag CMK-bijeenkomst'; also with the site first
    ('Dagblad070 | Den Haag wil ...'). The site's part is the one that is the site's name (`site`, or the
    name in the page's address: 'LisserNieuws - ...' at lissernieuws.nl); else a part that holds that
    name ('Cultuurnota kunst | Gemeente Leiderdorp' at leiderdorp.nl; first only before a long last
    part); else a short last part (the usual order: page, then site). A site's home page, and a page
    part of one telling word ('Cultuurnota', 'Feijenoord | Cultuur Concreet'), keep the whole title,
    even beside a part that is surely the site's: taking 'D66 Capelle aan den IJssel' off 'Van de
    wethouder' cost three judged place queries; so does a title where nothing says which part is the
    site's. The page's own separators stay."""
    ends = title_without_ends(title)
    if ends is None or _is_home_page(address):
        return title
    without_last, without_first = ends
    pieces = TITLE_SEPARATORS.split(title)
    first, last = pieces[0].strip(), pieces[-1].strip()
    named = {part: _names_site(part, site, address) for part in (first, last)}
    if named[last] == SITE_IS and not _generic(without_last):
        return without_last
    if named[first] == SITE_IS and not _generic(without_first):
        return without_first
    if named[last] == SITE_IN and not _generic(without_last):
        return without_last
    if named[first] == SITE_IN and len(last) > SITE_MAX and not _generic(without_first):
        return without_first
    if len(last) <= SITE_MAX and not _generic(without_last):
        return without_last
    return title  # nothing says which part is the site's: keep every word of the page's title


SITE_IS, SITE_IN = 2, 1  # a part is the site's name / holds it ('D66 Capelle aan den IJssel' at d66.nl)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


def _names_site(part: str, site: str | None, address: str | None) -> int:
    """SITE_IS for 'Kunstgebouw' (og:site_name), 'AD.nl' at www.ad.nl, 'Stompwijk.nl' at stompwijk.nl,
    'Fonds voor Cultuurparticipatie' at cultuurparticipatie.nl or 'Kenniscentrum Cultuureducatie Rotterdam'
    at kc-r.nl; SITE_IN for 'Gemeente Leiderdorp' at leiderdorp.nl; else 0."""
    compact = _compact(part)
    names = [_compact(site)] if site else []
    if address:
        labels = [label for label in (urlsplit(address).hostname or "").lower().split(".") if label != "www"]
        names += [_compact(label) for label in labels[:-1]]  # no top-level domain
        if len(labels) >= 2 and compact == _compact("".join(labels[-2:])):
            return SITE_IS  # the host itself, with its top-level domain ('Stompwijk.nl')
        if any(len(label) >= 2 and _initials(part) == label.replace("-", "") for label in labels[:-1]):
            return SITE_IS  # the name the host abbreviates ('Kenniscentrum Cultuureducatie Rotterdam' at kc-r.nl)
    best = 0
    for name in filter(None, names):
        if compact == name or (len(compact) >= max(4, 0.6 * len(name)) and compact in name):
            return SITE_IS  # not a word that only starts the name ('Cultuur' at cultuurparticipatie.nl)
        if len(name) >= 3 and name in compact:
            best = SITE_IN
    return best


def names_site(text: str, site: str | None, address: str | None) -> bool:
    """Whether a heading is the site's name ('Concent' at concent.nl, or og:site_name): a logo, not a title."""
    return bool(text) and _names_site(text, site, address) == SITE_IS


def _initials(part: str) -> str:
    """'Kenniscentrum Cultuureducatie Rotterdam' -> 'kcr'; '' for a part of one word, whose initial
    would name any host of one letter."""
    words = fold(part).lower().split()
    return "".join(word[0] for word in words) if len(words) >= 2 else ""


def _is_home_page(address: str | None) -> bool:
    return bool(address) and urlsplit(address).path.strip("/") == "" and not urlsplit(address).query


def _generic(title: str) -> bool:
    """'Welkom - Cultuurmenu Leidschendam-Voorburg', 'Onderwijs | Gemeente Katwijk', 'Over ons -
    Cultuureducatiegroep': what would be left, one word that says something at most, needs the site's name."""
    return sum(1 for word in fold(title).split() if len(word) >= 4) < 2


def site_from_title(head_title: str, heading: str) -> str | None:
    """'Gemeente X - Inspiratiemiddag' with the heading 'Inspiratiemiddag': the site is 'Gemeente X'."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(head_title)]
    if len(parts) >= 2 and heading:
        if same_text(parts[0], heading):
            return " - ".join(parts[1:])
        if same_text(parts[-1], heading):
            return " - ".join(parts[:-1])
    return None


def is_bare_date(text: str) -> bool:
    """'22 november 2022', 'di 14-11-2023': a date and nothing else."""
    rest = _DATE_WORDS.sub(" ", text)
    return bool(re.search(r"\d", text)) and not re.search(r"[^\W\d_]", rest)


def choose_title(og_title: str | None, heading: str | None, head_title: str | None, site: str | None,
                 address: str | None = None) -> str:
    """The first usable title of og:title, the article's <h1> and <title> (the first and last without the
    site's name); never a bare date or the site's name alone. `address`: the page's own address, whose
    host tells which part of a title names the site."""
    candidates = [strip_site_name(og_title, site, address) if og_title and site else og_title, heading,
                  strip_site_name(head_title, site, address) if head_title else head_title, head_title]
    for title in candidates:
        title = " ".join((title or "").split())
        if title and not is_bare_date(title) and not (site and same_text(title, site)):
            return title
    return ""


_FILE_NAME = re.compile(r"\.(pdf|docx?|odt|rtf|txt|indd|pptx?|xlsx?)$|^(microsoft word|untitled|naamloos)\b|^[\w.-]+$",
                        re.I)


# What a tool writes as a file's title when nobody gave one: Word, Google Docs, InDesign, LibreOffice, scanners.
PLACEHOLDER_TITLES = {"untitled", "naamloos", "document", "titel", "title", "no title", "geen titel", "documenttitel",
                      "document title", "presentation", "presentatie", "powerpoint-presentatie", "slide 1", "dia 1",
                      "powerpoint presentation", "powerpoint-presentation", "powerpoint-presentatie1",
                      "sjabloon", "template", "scan", "image", "afbeelding", "word"}
# A template's title for a kind of document: the file's first heading ('Verslag werkgroep cultuureducatie') says which.
GENERIC_TITLES = {"notulen", "verslag", "agenda", "memo", "notitie", "concept", "nieuwsbrief", "besluitenlijst",
                  "actielijst", "actiepuntenlijst", "vergadering", "overleg", "uitnodiging", "brief", "rapport"}


def gives_way(prop: str, heading: str) -> bool:
    """Whether a title property gives way to the file's first heading (or first line): the property is the heading's
    first word(s) ('Nieuwsbrief' for 'Nieuwsbrief maart 2024'), or a template's word for a kind of document
    ('Notulen' above 'Verslag werkgroep cultuureducatie')."""
    if len(heading) <= len(prop):
        return False
    if heading.casefold().startswith(prop.casefold() + " "):
        return True
    return prop.casefold().strip(" .") in GENERIC_TITLES and len(heading.split()) >= 2


_PATH = re.compile(r"^(?:[a-z]:\\|\\\\|file:|/(?:users|home|tmp|var|mnt|volumes)/|~/)|\\", re.I)


def looks_like_file_name(text: str) -> bool:
    """'verslag_def2.pdf', 'Microsoft Word - nota.docx', 'Untitled-1', 'rapport_v3', 'untitled', a path
    ('C:\\Users\\jan\\Documents\\verslag', '/Users/jan/Desktop/nota'): what tools put in a file's title
    property. A title of one plain word ('Jaarverslag') is not a file name."""
    text = " ".join(text.split())
    if text.lower().strip(" .") in PLACEHOLDER_TITLES or _PATH.search(text):
        return True
    if re.fullmatch(r"[^\W\d_]+", text):
        return False
    return bool(_FILE_NAME.search(text))


def removed_part(full: str, title: str) -> str | None:
    """What strip_site_name took off a page title: the site's name ('Gemeente Leiderdorp')."""
    full, title = " ".join(full.split()), " ".join(title.split())
    if not title or full == title:
        return None
    if full.startswith(title):
        rest = full[len(title):]
    elif full.endswith(title):
        rest = full[:-len(title)]
    else:
        return None
    rest = TITLE_SEPARATORS.sub(" ", f" {rest} ").strip(" |–—-:")
    return rest or None
