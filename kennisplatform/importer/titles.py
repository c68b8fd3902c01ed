"""Titles: comparing them, stripping a site's name off a page title, and refusing a title that is only a
date or only the site's name (real pages have both in their <title> or og:title)."""
from __future__ import annotations

import re

from .dates import MONTHS

TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
SITE_MAX = 30  # a part of a page title this short may be the site's name
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
            "ma", "di", "wo", "do", "vr", "za", "zo")
_DATE_WORDS = re.compile(r"\b(" + "|".join(sorted([*MONTHS, *WEEKDAYS], key=len, reverse=True)) + r")\b", re.I)


def same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def strip_site_name(title: str, site: str | None) -> str:
    """'Verslag CMK-bijeenkomst | Kunstgebouw' -> 'Verslag CMK-bijeenkomst'; also with the site first
    ('Dagblad070 | Den Haag wil ...'). Without a known site name the shorter part is the site's."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title)]
    if len(parts) < 2:
        return title
    first, last = parts[0], parts[-1]
    if site:
        if site.lower() in last.lower():
            return " - ".join(parts[:-1])
        if site.lower() in first.lower():
            return " - ".join(parts[1:])
    if len(last) < SITE_MAX and len(last) <= len(first):
        return " - ".join(parts[:-1])
    if len(first) < SITE_MAX and len(first) < len(last):
        return " - ".join(parts[1:])
    return title


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


def choose_title(og_title: str | None, heading: str | None, head_title: str | None, site: str | None) -> str:
    """The first usable title of og:title, the article's <h1> and <title> (the first and last without the
    site's name); never a bare date or the site's name alone."""
    candidates = [strip_site_name(og_title, site) if og_title and site else og_title, heading,
                  strip_site_name(head_title, site) if head_title else head_title]
    for title in candidates:
        title = " ".join((title or "").split())
        if title and not is_bare_date(title) and not (site and same_text(title, site)):
            return title
    return ""


_FILE_NAME = re.compile(r"\.(pdf|docx?|odt|rtf|txt|indd|pptx?|xlsx?)$|^(microsoft word|untitled|naamloos)\b|^[\w.-]+$",
                        re.I)


def looks_like_file_name(text: str) -> bool:
    """'verslag_def2.pdf', 'Microsoft Word - nota.docx', 'Untitled-1', 'rapport_v3': what tools put in a
    file's title property. A title of one plain word ('Jaarverslag') is not a file name."""
    text = " ".join(text.split())
    if re.fullmatch(r"[^\W\d_]+", text):
        return False
    return bool(_FILE_NAME.search(text))
