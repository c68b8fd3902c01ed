"""An imported Markdown file's YAML header, as far as the importer can use it. A field whose value cannot be
used (a date that is no date, an unknown type, a list where a text belongs) is dropped, as if the file did
not give it, and said in a note; an unknown value in a list drops that value only. The corpus reader
(documents.parse_document, and so `check` and the index) stays strict: this leniency is the importer's."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..documents import KNOWN_KEYS, TAXONOMY_KEYS, date_in_range, iso_date
from ..errors import Problem
from ..taxonomy import Taxonomy
from .dates import written_date

TEXT_KEYS = ("title", "summary")
LIST_KEYS = (*TAXONOMY_KEYS, "organisations")
# How alike (difflib's ratio) an unknown type must be to one type's id, label or alias, and to no other type's,
# to be read as that type: 'verslagje' (0.88 to 'verslag'), 'voorbeeld project'; not 'project' (0.61 to
# 'voorbeeldproject'), which only gets the 'bedoelde u' of 0.6.
NEAR_TYPE = 0.8
SHOWN_MAX = 60  # characters of a dropped value quoted in a note; the whole header stays below the text


@dataclass
class Header:
    """The fields of a header the importer can use (values as parse_document reads them), a note per value
    it did not use or read another way, and whether any value was dropped (then the header's text is kept
    below the document's, so that an editor sees it on the page)."""

    meta: dict
    notes: list[str] = field(default_factory=list)
    dropped: bool = False

    def drop(self, key: str, value, why: str) -> None:
        self.notes.append(f"veld '{key}': {shown(value)} {why}; niet gebruikt")
        self.dropped = True


def usable_header(meta: dict, taxonomy: Taxonomy) -> Header:
    """The header with every value that would refuse the file (or be misread) left out, and why."""
    header = Header({key: value for key, value in meta.items() if not _empty(value)})
    for key in TEXT_KEYS:
        value = header.meta.get(key)
        if value is not None and not isinstance(value, str):
            header.drop(key, header.meta.pop(key), "is geen tekst")
    _check_type(header, taxonomy)
    _check_date(header)
    for key in LIST_KEYS:
        if key in header.meta:
            _check_list(header, key, taxonomy)
    return header


def problem_notes(problems: list[Problem]) -> list[str]:
    """What parse_document still reported for the cleaned header (a source that is no address, a title cut
    short), as notes; unknown keys and `suggestions` are ignored by an import, as before, and not noted."""
    notes = []
    for problem in problems:
        root = problem.field.split(".")[0]
        if root not in KNOWN_KEYS or root == "suggestions":
            continue
        hint = f" (bedoelde u '{problem.suggestion}'?)" if problem.suggestion else ""
        used = "" if "ingekort" in problem.message else "; niet gebruikt"  # a long title is cut, not dropped
        notes.append(f"veld '{problem.field}': {problem.message}{hint}{used}")
    return notes


def shown(value) -> str:
    """A value as a note quotes it: "'31-02-2024'", '["a", "b"]', '2024'."""
    text = f"'{value}'" if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX] + "…"


def _empty(value) -> bool:
    """'title:' with nothing after it: a field the file does not give (no note: missing is normal)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _check_type(header: Header, taxonomy: Taxonomy) -> None:
    value = header.meta.get("type")
    if value is None:
        return
    if not isinstance(value, str):
        header.drop("type", header.meta.pop("type"), "is geen type")
    elif not taxonomy.resolve("type", value.strip()):
        near = taxonomy.closest("type", value, cutoff=NEAR_TYPE, only=True)
        if near:  # the type the file plainly meant: read as that type, with a note (as a date in another form)
            header.meta["type"] = taxonomy.resolve("type", near)
            header.notes.append(f"veld 'type': {shown(value)} gelezen als '{near}'")
            return
        hint = taxonomy.closest("type", value)
        why = "is geen bekend type" + (f" (bedoelde u '{hint}'?)" if hint else "")
        header.drop("type", header.meta.pop("type"), why)


def _check_date(header: Header) -> None:
    value = header.meta.get("date")
    if value is None:
        return
    date = iso_date(value.strip()) if isinstance(value, str) else None
    if date is None and isinstance(value, str) and (date := written_date(value)):
        header.notes.append(f"veld 'date': {shown(value)} gelezen als {date.isoformat()}")
    if date is None:
        header.drop("date", header.meta.pop("date"), "is geen geldige datum")
    elif not date_in_range(date):
        header.drop("date", header.meta.pop("date"), "ligt te ver in het verleden of de toekomst")
    else:
        header.meta["date"] = date.isoformat()


def _check_list(header: Header, key: str, taxonomy: Taxonomy) -> None:
    """A list (or a text with commas) of values: a value that is itself a list or mapping, or that the
    taxonomy does not know, is dropped; the others stay."""
    value = header.meta[key]
    if isinstance(value, dict) or isinstance(value, bool):
        header.drop(key, header.meta.pop(key), "is geen lijst van waarden")
        return
    items = value if isinstance(value, list) else str(value).split(",")
    facet = TAXONOMY_KEYS.get(key)
    kept = []
    for item in items:
        item = item.strip() if isinstance(item, str) else item
        if _empty(item):
            continue
        if isinstance(item, (list, dict)):
            header.drop(key, item, "is geen waarde")
        elif facet and not taxonomy.resolve(facet, str(item)):
            hint = taxonomy.closest(facet, str(item))
            header.drop(key, item, "is geen bekende waarde" + (f" (bedoelde u '{hint}'?)" if hint else ""))
        else:
            kept.append(str(item))
    if kept:
        header.meta[key] = kept
    else:
        del header.meta[key]
