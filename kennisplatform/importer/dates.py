"""Finding a document's date in text."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
          "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
          "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
          "december": 12, "dec": 12}
_DUTCH_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True))
                         + r")\.?\s+(\d{4})\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def find_date(text: str) -> dt.date | None:
    """The first date in a text: '22 juni 2023', '2023-06-22' or '22-06-2023'."""
    found: list[tuple[int, dt.date]] = []
    for pattern, order in ((_DUTCH_DATE, "dmy-name"), (_ISO_DATE, "ymd"), (_NUMERIC_DATE, "dmy")):
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            try:
                if order == "dmy-name":
                    date = dt.date(int(c), MONTHS[b.lower()], int(a))
                elif order == "ymd":
                    date = dt.date(int(a), int(b), int(c))
                else:
                    date = dt.date(int(c), int(b), int(a))
            except ValueError:
                continue
            if 1900 <= date.year <= 2100:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else None


def parse_date_value(value: str | None) -> dt.date | None:
    return find_date(value) if value else None

