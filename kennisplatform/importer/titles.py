"""Titles: comparing them, stripping a site's name off a page title, and refusing a title that is only a
date or only the site's name (real pages have both in their <title> or og:title)."""
from __future__ import annotations

import re

from .dates import MONTHS

TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
            "ma", "di", "wo", "do", "vr", "za", "zo")
_DATE_WORDS = re.compile(r"\b(" + "|".join(sorted([*MONTHS, *WEEKDAYS], key=len, reverse=True)) + r")\b", re.I)


def same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def strip_site_name(title: str, site: str | None) -> str:
    """'Verslag CMK-bijeenkomst | Kunstgebouw' -> 'Verslag CMK-bijeenkomst'; also with the site first."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site and site.lower() in parts[0].lower() and not site.lower() in parts[-1].lower():
        return " - ".join(parts[1:]).strip()
    if not site or site.lower() in parts[-1].lower() or len(parts[-1]) < 30:
        return " - ".join(parts[:-1]).strip()
    return title


def site_from_title(head_title: str, heading: str) -> str | None:
    """'Gemeente X - Inspiratiemiddag' with the heading 'Inspiratiemiddag': the site is 'Gemeente X'."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(head_title)]
    if len(parts) == 2 and heading:
        if same_text(parts[0], heading):
            return parts[1]
        if same_text(parts[1], heading):
            return parts[0]
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
