"""SearchParams: a search request validated from plain values (URL args, CLI options, API calls)."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any, Mapping

from .errors import InvalidParameter
from .taxonomy import Taxonomy

FACETS = ("type", "theme", "region", "discipline", "audience", "year")
SORTS = {"relevance": "relevantie", "newest": "nieuwste", "oldest": "oudste"}
# Dutch spellings of the sort options are accepted too, since they are what the page shows.
SORT_ALIASES = {"relevantie": "relevance", "nieuwste": "newest", "oudste": "oldest"}
PER_PAGE_DEFAULT = 10
PER_PAGE_MAX = 100
PAGE_MAX = 10_000
QUERY_MAX = 500  # characters; longer input is cut, not refused
VALUES_MAX = 50  # selected values per facet
# CMK periods: a selectable level above the years.
PERIODS = {"2013-2016": range(2013, 2017), "2017-2020": range(2017, 2021),
           "2021-2024": range(2021, 2025), "2025-2028": range(2025, 2029)}
# The year facet's value for documents without a date: selectable like a year (`year=onbekend`).
UNKNOWN_YEAR = "onbekend"
UNKNOWN_YEAR_LABEL = "Datum onbekend"
YEAR_PATTERN = r"[1-9][0-9]{0,3}"  # a year as the index writes it: str(date.year), 1 to 9999
FACET_LABELS = {"type": "Soort", "theme": "Thema", "region": "Regio", "discipline": "Discipline",
                "audience": "Doelgroep", "year": "Jaar"}
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    type: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    discipline: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT
    # Search the words as typed: no spelling correction. The page offers it when a correction was taken
    # ("Zoek toch op ..."), since a word that no word list knows can still be what the user meant.
    exact: bool = False

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], taxonomy: Taxonomy) -> "SearchParams":
        """Validate plain values: a dict of str or lists of str, or a werkzeug MultiDict.
        Unknown keys are ignored; bad values raise InvalidParameter with a Dutch message;
        values that are merely too large are corrected (per_page is capped at 100)."""

        def values(name: str) -> list[str]:
            if hasattr(data, "getlist"):
                raw = data.getlist(name)
            else:
                raw = data.get(name, [])
                raw = raw if isinstance(raw, (list, tuple)) else [raw]
            if len(raw) > VALUES_MAX:
                raise InvalidParameter(name, f"Te veel waarden voor '{FACET_LABELS[name].lower()}' (maximaal {VALUES_MAX}).")
            out = []
            for item in raw:
                if item is None:
                    continue
                if not isinstance(item, (str, int)):
                    raise InvalidParameter(name, f"Parameter '{name}' heeft een ongeldige waarde.")
                item = str(item).strip()
                if item:
                    out.append(item)
            return out

        def single(name: str) -> str | None:
            if hasattr(data, "getlist"):
                raw = data.getlist(name)
            else:
                raw = data.get(name)
                raw = list(raw) if isinstance(raw, (list, tuple)) else ([] if raw is None else [raw])
            if len(raw) > 1:
                raise InvalidParameter(name, f"Parameter '{name}' mag maar één keer voorkomen.")
            if raw and not isinstance(raw[0], (str, int)):
                raise InvalidParameter(name, f"Parameter '{name}' heeft een ongeldige waarde.")
            return str(raw[0]).strip() if raw else None

        selected = {name: _validate_facet(name, values(name), taxonomy) for name in FACETS}
        return cls(
            q=clean_query(single("q") or ""),
            sort=_validate_sort(single("sort")),
            page=_validate_int("page", single("page"), 1, 1, PAGE_MAX),
            per_page=_validate_int("per_page", single("per_page"), PER_PAGE_DEFAULT, 1, PER_PAGE_MAX),
            exact=_validate_flag("exact", single("exact")),
            **selected,
        )

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

    @property
    def has_filters(self) -> bool:
        return any(self.selected(f) for f in FACETS)

    def with_changes(self, **changes) -> "SearchParams":
        return replace(self, **changes)

    def toggle(self, facet: str, value: str) -> "SearchParams":
        """The params with `value` added to or removed from a facet, back on page 1."""
        current = self.selected(facet)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        return replace(self, page=1, **{facet: new})

    def only_region(self, value: str) -> "SearchParams":
        """The params narrowed to one region ("Alleen Den Haag?"), back on page 1: it replaces the regions
        selected, since ticking it beside them would add it (OR) and narrow nothing."""
        return replace(self, page=1, region=(value,))

    def without_filters(self) -> "SearchParams":
        return replace(self, page=1, **{f: () for f in FACETS})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for facet in FACETS:
            data[facet] = list(data[facet])
        return data

    def to_args(self) -> list[tuple[str, str]]:
        """URL arguments, leaving out defaults, in a stable order: the state of a search page."""
        args: list[tuple[str, str]] = []
        if self.q:
            args.append(("q", self.q))
        for facet in FACETS:
            args.extend((facet, v) for v in self.selected(facet))
        if self.sort != "relevance":
            args.append(("sort", self.sort))
        if self.per_page != PER_PAGE_DEFAULT:
            args.append(("per_page", str(self.per_page)))
        if self.exact:
            args.append(("exact", "1"))
        if self.page != 1:
            args.append(("page", str(self.page)))
        return args


def clean_query(text: str) -> str:
    """Control characters out, white space folded, length capped: any string becomes searchable."""
    text = CONTROL_CHARS.sub(" ", text)
    return " ".join(text.split())[:QUERY_MAX].strip()


def format_count(n: int, one: str = "resultaat", many: str = "resultaten") -> str:
    """Dutch number with a dot for thousands and the right noun: '1 resultaat', '1.234 resultaten'."""
    return f"{n:,}".replace(",", ".") + " " + (one if n == 1 else many)


def year_label(value: str) -> str:
    """How a year facet value reads: '2023', '2021-2024', 'Datum onbekend'."""
    return UNKNOWN_YEAR_LABEL if value == UNKNOWN_YEAR else value


def years_of(value: str) -> list[int]:
    """'2023' -> [2023]; '2021-2024' -> the period's years; 'onbekend' -> none."""
    if value == UNKNOWN_YEAR:
        return []
    if value in PERIODS:
        return list(PERIODS[value])
    return [int(value)]


def _validate_facet(name: str, raw: list[str], taxonomy: Taxonomy) -> tuple[str, ...]:
    result: list[str] = []
    for value in raw:
        if name == "year":
            resolved = _validate_year(value)
            hint = f"een jaartal zoals 2023, een CMK-periode zoals 2021-2024 of '{UNKNOWN_YEAR}'"
        else:
            # A leading '-' would read as "not" (as in the query), which a filter does not do: resolve()
            # ignores punctuation and made '-erfgoed' mean erfgoed.
            resolved = None if value.startswith("-") else taxonomy.resolve(name, value)
            closest = taxonomy.closest(name, value)
            hint = f"bedoelde u '{closest}'?" if closest else "kies een waarde uit de lijst"
        if resolved is None:
            shown = value[:60]
            raise InvalidParameter(name, f"Onbekende waarde '{shown}' voor {FACET_LABELS[name].lower()}; {hint}",
                                   value=value, suggestion=None if name == "year" else closest)
        if resolved not in result:
            result.append(resolved)
    return tuple(result)


def _validate_year(value: str) -> str | None:
    """'2023', a CMK period or 'onbekend'. Any year a date can have (1 to 9999) is one, since the year facet
    shows whatever the corpus holds (a corpus date of 1200-01-01 passes `kennisplatform check`); written as
    the index writes it (ASCII digits, no leading zero: '20١٩' and '0999' are no years)."""
    if value.lower() == UNKNOWN_YEAR:
        return UNKNOWN_YEAR
    if value in PERIODS or re.fullmatch(YEAR_PATTERN, value):
        return value
    return None


def _validate_sort(value: str | None) -> str:
    if not value:
        return "relevance"
    key = SORT_ALIASES.get(value.lower(), value.lower())
    if key not in SORTS:
        raise InvalidParameter("sort", "Onbekende sortering; kies relevantie, nieuwste of oudste.")
    return key


FLAGS = {"": False, "0": False, "false": False, "nee": False, "1": True, "true": True, "ja": True}


def _validate_flag(name: str, value: str | None) -> bool:
    if value is None:
        return False
    if value.lower() not in FLAGS:
        raise InvalidParameter(name, f"Parameter '{name}' moet 1 (ja) of 0 (nee) zijn, niet '{value[:20]}'.")
    return FLAGS[value.lower()]


def _validate_int(name: str, value: str | None, default: int, low: int, high: int) -> int:
    if value is None or value == "":  # an empty form field: the default
        return default
    # "60.0" is an integer too (JSON Schema says so; some clients send numbers that way).
    match = re.fullmatch(r"(\d{1,9})(?:\.0+)?", value)
    if not match:
        label = "Paginanummer" if name == "page" else "Aantal per pagina"
        if re.fullmatch(r"\d+(?:\.0+)?", value):  # ten digits or more: it said "not a positive integer"
            raise InvalidParameter(name, f"{label} '{value[:20]}' is veel te groot; het hoogste is {high}.")
        raise InvalidParameter(name, f"{label} moet een positief geheel getal zijn, niet '{value[:20]}'.")
    # Out-of-range numbers are corrected rather than refused: a too-large page size is a wish, not an error.
    return min(max(int(match.group(1)), low), high)
