"""Titles: comparing them, and stripping a site's name off a page title."""
from __future__ import annotations

import re

TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def strip_site_name(title: str, site: str | None) -> str:
    """'Verslag CMK-bijeenkomst | Kunstgebouw' -> 'Verslag CMK-bijeenkomst'."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and (not site or site.lower() in parts[-1].lower() or len(parts[-1]) < 30):
        return " - ".join(parts[:-1]).strip()
    return title
