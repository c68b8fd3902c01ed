"""The timeline as a facet: documents per year as bars, the CMK periods marked under them, "Datum onbekend"
as its own bar at the end. Built from a result's year facet; the caller says how a value becomes an address
(the same toggle as the year facet's checkboxes)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from .params import PERIODS, UNKNOWN_YEAR, UNKNOWN_YEAR_LABEL
from .results import Facet

WIDTH = 320  # SVG units; the chart scales to its box
BARS_TOP = 6
BARS_HEIGHT = 84
LABEL_Y = BARS_TOP + BARS_HEIGHT + 15  # year labels under the bars
PERIOD_Y = LABEL_Y + 7  # the CMK period bands under the year labels
PERIOD_HEIGHT = 22
HEIGHT = PERIOD_Y + PERIOD_HEIGHT + 2
# The narrowest band that holds a period label with a little room to spare ("2013–2016" in 12px bold is
# about 67 units, "’13–’16" in 10px about 42): narrower, and neighbouring labels ran into each other.
FULL_LABEL_WIDTH = 74
SHORT_LABEL_WIDTH = 46
START_LABEL_WIDTH = 26  # "’25–" in the short labels' font
UNKNOWN_GAP = 0.6  # slots between the last year and the "Datum onbekend" bar
# A year label ("’19" in 11px) is about 16 units wide: closer than this, labels ran together into one
# unreadable string (a corpus with one page from 1992 draws 35 years). Then only every 2nd, 5th, ... year
# is labelled, the round ones; every bar keeps its accessible name.
YEAR_LABEL_SPACING = 18
LABEL_STEPS = (1, 2, 5, 10, 20, 50, 100)
_YEAR = re.compile(r"\d{4}\Z")


@dataclass
class Bar:
    value: str  # "2019", or params.UNKNOWN_YEAR
    label: str  # under the bar: "’19", or "" where the bars are too narrow to label every year
    count: int
    selected: bool
    url: str | None  # None: no documents (and not selected), so not a link
    x: float
    y: float
    width: float
    height: float
    unknown: bool = False

    @property
    def name(self) -> str:
        """The accessible name: "2019: 4 documenten"."""
        noun = "document" if self.count == 1 else "documenten"
        what = UNKNOWN_YEAR_LABEL if self.unknown else self.value
        return f"{what}: {self.count} {noun}" + (" (gekozen)" if self.selected else "")

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class Period:
    value: str  # "2021-2024": the year facet's period value
    label: str  # "2021–2024"
    count: int
    selected: bool
    url: str | None
    x: float
    width: float

    @property
    def short(self) -> bool:
        """A label in the short form ("’25–’28"), set smaller."""
        return self.label.startswith("’")

    @property
    def name(self) -> str:
        noun = "document" if self.count == 1 else "documenten"
        period = self.value.replace("-", "–")
        return f"CMK-periode {period}: {self.count} {noun}" + (" (gekozen)" if self.selected else "")

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class Timeline:
    bars: list[Bar]
    periods: list[Period]
    width: int = WIDTH
    height: int = HEIGHT
    label_y: int = LABEL_Y
    period_y: int = PERIOD_Y
    period_height: int = PERIOD_HEIGHT

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def highest(self) -> int:
        """The highest year: the scale of the bars."""
        return max((b.count for b in self.bars if not b.unknown), default=0)

    @property
    def unknown(self) -> Bar | None:
        return self.bars[-1] if self.bars and self.bars[-1].unknown else None


def build_timeline(facet: Facet, url: Callable[[str], str]) -> Timeline | None:
    """None when the result has no dated documents and no year is selected."""
    years = {b.value: b for b in facet.buckets if _YEAR.match(b.value)}
    periods = {b.value: b for b in facet.buckets if b.value in PERIODS}
    unknown = [b for b in facet.buckets if b.value == UNKNOWN_YEAR and (b.count or b.selected)]
    shown = [int(y) for y, b in years.items() if b.count or b.selected]
    if not shown and not unknown:
        return None
    span = _span(shown)
    slots = len(span) + ((UNKNOWN_GAP + 1) * len(unknown))
    slot = WIDTH / max(slots, 1)
    # Scaled by the years alone: real content is mostly undated, and a "?" bar of 101 beside years of 3 to 14
    # flattened every year to a line. The unknown bar is cut at full height; the caption gives its count.
    highest = max([b.count for b in years.values()] + [1])
    selected_periods = {p for p, b in periods.items() if b.selected}

    def bar(value: str, label: str, bucket, index: float, is_unknown: bool = False) -> Bar:
        count = bucket.count if bucket else 0
        chosen = bool(bucket and bucket.selected) or any(value in _years(p) for p in selected_periods)
        height = round(BARS_HEIGHT * min(count, highest) / highest, 1) if count else 1.0
        width = slot * 0.74
        return Bar(value, label, count, chosen, url(value) if count or (bucket and bucket.selected) else None,
                   round(index * slot + (slot - width) / 2, 1), round(BARS_TOP + BARS_HEIGHT - height, 1),
                   round(width, 1), height, is_unknown)

    step = _label_step(slot)
    bars = [bar(str(year), f"’{year % 100:02d}" if year % step == 0 else "", years.get(str(year)), i)
            for i, year in enumerate(span)]
    for n, bucket in enumerate(unknown):
        bars.append(bar(bucket.value, "?", bucket, len(span) + UNKNOWN_GAP + n * (UNKNOWN_GAP + 1), True))
    marks = []
    for value, years_of in sorted(PERIODS.items()):
        inside = [i for i, year in enumerate(span) if year in years_of]
        if not inside:
            continue
        bucket = periods.get(value)
        count = bucket.count if bucket else 0
        chosen = bool(bucket and bucket.selected)
        width = len(inside) * slot - 2
        marks.append(Period(value, _period_label(value, width), count, chosen,
                            url(value) if count or chosen else None, round(inside[0] * slot + 1, 1), round(width, 1)))
    return Timeline(bars, marks)


def _span(years: list[int]) -> list[int]:
    """The years shown: from the first to the last year with documents, widened to whole CMK periods so that
    the bands under the bars are complete, but not into years that have not begun."""
    if not years:
        return []
    first, last = min(years), max(years)
    for period in PERIODS.values():
        if first in period:
            first = period.start
        if last in period:
            last = max(last, min(period.stop - 1, dt.date.today().year))
    return list(range(first, last + 1))


def _label_step(slot: float) -> int:
    """Label every year, or every 2nd, 5th, ... when the bars are too narrow for each to have one."""
    return next((step for step in LABEL_STEPS if step * slot >= YEAR_LABEL_SPACING), LABEL_STEPS[-1])


def _period_label(value: str, width: float) -> str:
    """"2021–2024" where it fits under its bars, "’21–’24" where that fits, "’25–" under a period of which
    only its first years have come (the current one, two years wide: an empty band read as no period), else
    nothing (the band is still a link, with its full name)."""
    start, end = value.split("-")
    if width >= FULL_LABEL_WIDTH:
        return f"{start}–{end}"
    if width >= SHORT_LABEL_WIDTH:
        return f"’{start[2:]}–’{end[2:]}"
    return f"’{start[2:]}–" if width >= START_LABEL_WIDTH else ""


def _years(period: str) -> set[str]:
    return {str(y) for y in PERIODS[period]}
