"""An imported Markdown file's YAML header, as far as the importer can use it. A field whose value cannot be
used (a date that is no date, an unknown type, a list where a text belongs) is dropped, as if the file did
not give it, and said in a note; an unknown value in a list drops that value only. Keys as other sites and
Dutch writers name them (`titel`, `description`, `tags`) are read as ours (OTHER_NAMES, LABEL_KEYS); keys that
mean nothing here (`layout`) are said in one note. The corpus reader (documents.parse_document, and so `check`
and the index) stays strict: this leniency is the importer's."""
from __future__ import annotations

import json
import re
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
LISTED_MAX = 5  # keys or values named in one note; the rest are counted ("en 95 andere")
# Front-matter keys of other sites (Jekyll, Hugo, WordPress exports) and of Dutch writers that mean one of ours,
# lowercase (ours in other capitals, 'Title', count too). Read as ours only when the file does not give ours
# itself; the value then passes the same checks as ours. `check` and the index know our keys only. An author
# is AUTHORS, a key of this module only: it becomes the source's authors if the source names none.
AUTHORS = "source.authors"
OTHER_NAMES = {
    "titel": "title",
    "datum": "date", "publishdate": "date", "pubdate": "date", "published": "date", "date_published": "date",
    "datepublished": "date", "published_at": "date", "published_on": "date", "publication_date": "date",
    "publicatiedatum": "date", "gepubliceerd": "date",
    "samenvatting": "summary", "beschrijving": "summary", "omschrijving": "summary", "description": "summary",
    "excerpt": "summary", "abstract": "summary",
    "soort": "type",
    "thema": "themes", "themas": "themes", "thema's": "themes", "theme": "themes",
    "regio": "regions", "regios": "regions", "regio's": "regions", "region": "regions",
    "gemeente": "regions", "gemeenten": "regions",
    "discipline": "disciplines", "kunstdiscipline": "disciplines", "kunstdisciplines": "disciplines",
    "doelgroep": "audience", "doelgroepen": "audience",
    "organisatie": "organisations", "organisaties": "organisations",
    "bron": "source", "url": "source", "link": "source", "source_url": "source", "sourceurl": "source",
    "canonical_url": "source", "canonical": "source", "original_url": "source", "bron_url": "source",
    "bronurl": "source", "bronadres": "source",
    "author": AUTHORS, "authors": AUTHORS, "auteur": AUTHORS, "auteurs": AUTHORS,
}
OWN_KEYS = KNOWN_KEYS - {"suggestions"}  # `suggestions` is the platform's own bookkeeping, never another's name
# Keys of a site's labels for anything (a blog's tags and categories): each value goes to the facet whose
# taxonomy knows it (the first of themes, regions, disciplines, audience), else is the type if the file gives
# none; one note names those none knows.
LABEL_KEYS = ("tags", "categories", "category", "keywords", "trefwoorden", "labels")
# A YAML timestamp as Jekyll writes every post's date, its zone after a space ('2024-03-14 10:00:00 +0100'):
# the ISO date of its first part, as '2024-03-14T10:00:00+01:00' is (the corpus reader's DATE has no space).
_SPACED_ZONE = re.compile(r"\A(\d{4}-\d{2}-\d{2}[T ][\d:.]+)[ \t]+(?:Z|[+-]\d{2}(?::?\d{2})?)\Z")


@dataclass
class Header:
    """The fields of a header the importer can use (values as parse_document reads them), a note per value
    it did not use or read another way, and whether any value was dropped (then the header's text is kept
    below the document's, so that an editor sees it on the page)."""

    meta: dict
    notes: list[str] = field(default_factory=list)
    dropped: bool = False
    names: dict[str, str] = field(default_factory=dict)  # our key -> the file's, where the file names it otherwise

    def name(self, key: str) -> str:
        """The key as the file has it ('datum'), for a note the editor can find in the file."""
        return self.names.get(key, key)

    def drop(self, key: str, value, why: str) -> None:
        self.notes.append(f"veld '{self.name(key)}': {shown(value)} {why}; niet gebruikt")
        self.dropped = True


@dataclass
class _Keys:
    """A header's keys (those with a value) sorted: ours (other names read as ours), labels, and unused."""

    ours: dict = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # our key -> the file's
    labels: dict[str, object] = field(default_factory=dict)  # LABEL_KEYS as the file names them -> value
    unknown: list[str] = field(default_factory=list)
    doubles: dict[str, str] = field(default_factory=dict)  # another name of a key given -> our key
    values: dict[str, object] = field(default_factory=dict)  # each double's value: used if ours is dropped


def usable_header(meta: dict, taxonomy: Taxonomy) -> Header:
    """The header with every value that would refuse the file (or be misread) left out, and why; keys of
    other sites read as ours, and the ones that mean nothing here named in a note."""
    keys = _sort_keys(meta)
    header = Header(keys.ours, names={ours: name for ours, name in keys.names.items() if ours != name})
    for key in (*TEXT_KEYS, "type", "date", *LIST_KEYS, AUTHORS):
        _check(header, key, taxonomy)
        _use_double(header, keys, key, taxonomy)
    _add_authors(header, keys)
    if keys.labels:
        _add_labels(header, keys.labels, taxonomy)
    if keys.unknown:
        header.notes.append(f"{_fields(keys.unknown)} niet gebruikt (onbekend)")
    if keys.doubles:
        given = _listed([shown(header.name(ours)) for ours in dict.fromkeys(keys.doubles.values())])
        header.notes.append(f"{_fields(list(keys.doubles))} niet gebruikt (dubbel met {given})")
    return header


def _check(header: Header, key: str, taxonomy: Taxonomy) -> None:
    """Drop the key's value (with a note) if it cannot be used, or read it as what it plainly means."""
    value = header.meta.get(key)
    if value is None:
        return
    if key in TEXT_KEYS and not isinstance(value, str):
        header.drop(key, header.meta.pop(key), "is geen tekst")
    elif key == AUTHORS and _texts(value) is None:
        header.drop(key, header.meta.pop(key), "is geen tekst of lijst van namen")
    elif key == "type":
        _check_type(header, value, taxonomy)
    elif key == "date":
        _check_date(header, value)
    elif key in LIST_KEYS:
        _check_list(header, key, taxonomy)


def _use_double(header: Header, keys: _Keys, key: str, taxonomy: Taxonomy) -> None:
    """Our key's value dropped ('date: 31-02-2024'): another name's value of it ('datum') is used instead, the
    first usable one in the file's order, rather than noted as a double."""
    for name in [name for name, ours in keys.doubles.items() if ours == key]:
        if key in header.meta:
            return
        header.notes.append(f"veld '{name}' gebruikt in plaats van '{header.name(key)}'")
        header.meta[key], header.names[key] = keys.values[name], name
        del keys.doubles[name]
        _check(header, key, taxonomy)


def _texts(value) -> list[str] | None:
    """A text or a list of texts as a list ('Jan Jansen' -> ['Jan Jansen']), else None."""
    items = value if isinstance(value, list) else [value]
    return items if all(isinstance(item, str) for item in items) else None


def _add_authors(header: Header, keys: _Keys) -> None:
    """`author: Jan Jansen` as the source's authors, when the file's source gives none (else a double of it)."""
    authors = header.meta.pop(AUTHORS, None)
    if authors is None:
        return
    source = header.meta.get("source")
    if isinstance(source, dict) and source.get("authors"):
        keys.doubles[header.name(AUTHORS)] = "source"
    elif source is None or isinstance(source, (str, dict)):
        source = {"url": source} if isinstance(source, str) else dict(source or {})
        header.meta["source"] = {**source, "authors": _texts(authors)}
    else:  # a source the corpus reader leaves out (a list, a number): it says so; the authors have no place
        header.drop(AUTHORS, authors, "past niet bij een ongeldige bron")


def _sort_keys(meta: dict) -> _Keys:
    """Ours first, then in the file's order: another name of ours (unless ours is given: the first wins), a
    label key, or a key that means nothing here. A key without a value is missing, which is normal: no note."""
    keys = _Keys()
    given = [(str(key), value) for key, value in meta.items() if not _empty(value)]
    for name, value in given:
        if name in KNOWN_KEYS:
            keys.ours[name], keys.names[name] = value, name
    for name, value in given:
        if name in KNOWN_KEYS:
            continue
        plain = name.strip().lower()
        ours = OTHER_NAMES.get(plain) or (plain if plain in OWN_KEYS else None)
        if ours in keys.ours:
            keys.doubles[name], keys.values[name] = ours, value
        elif ours:
            keys.ours[ours], keys.names[ours] = value, name
        elif plain in LABEL_KEYS:
            keys.labels[name] = value
        else:
            keys.unknown.append(name)
    return keys


def _add_labels(header: Header, labels: dict[str, object], taxonomy: Taxonomy) -> None:
    """Each label to the facet that knows it (after the facet's own values); one note for all it does not."""
    unknown: dict[str, str] = {}  # casefolded -> as shown: 'Nieuws' and 'nieuws' named once
    unused_in: dict[str, None] = {}  # the label keys with a value none knows, in the file's order
    for name, value in labels.items():
        items = value if isinstance(value, list) else str(value).split(",") if isinstance(value, str) else [value]
        for item in items:
            item = item.strip() if isinstance(item, str) else item
            if _empty(item):
                continue
            found = _label_value(item, taxonomy)
            if found is None:
                unknown.setdefault(shown(item).casefold(), shown(item))
                unused_in[name] = None
            elif found[0] == "type":  # the file's own type (or one close to it) wins, silently
                header.meta.setdefault("type", found[1])
            elif found[1] not in (values := header.meta.setdefault(found[0], [])):
                values.append(found[1])
    if unknown:
        header.notes.append(f"{_fields(list(unused_in))}: {_listed(list(unknown.values()))} niet gebruikt (geen bekend "
                            "thema, regio, discipline of doelgroep)")


def _label_value(item, taxonomy: Taxonomy) -> tuple[str, str] | None:
    """(our key, id) of the first facet whose taxonomy knows the label ('Gouda' -> regions), else of the type
    ('Verslagen' -> type), or None."""
    if isinstance(item, (list, dict)):
        return None
    for key, facet in (*TAXONOMY_KEYS.items(), ("type", "type")):
        if term := taxonomy.resolve(facet, str(item)):
            return key, term
    return None


def _fields(names: list[str]) -> str:
    """"veld 'layout'", "velden 'layout', 'permalink'"."""
    return ("veld " if len(names) == 1 else "velden ") + _listed([shown(name) for name in names])


def _listed(items: list[str]) -> str:
    """"'a', 'b'"; more than LISTED_MAX: the first ones and how many more ("en 95 andere")."""
    text = ", ".join(items[:LISTED_MAX])
    return text + (f" en {len(items) - LISTED_MAX} andere" if len(items) > LISTED_MAX else "")


def problem_notes(problems: list[Problem], names: dict[str, str] | None = None) -> list[str]:
    """What parse_document still reported for the cleaned header (a source that is no address, a title cut
    short), as notes, with a key as the file names it (`names`: Header.names); `suggestions` is ignored by an
    import, as before, and not noted."""
    notes = []
    for problem in problems:
        root = problem.field.split(".")[0]
        if root not in KNOWN_KEYS or root == "suggestions":
            continue
        where = (names or {}).get(root, root) + problem.field[len(root):]  # 'bron.url' for source.url
        hint = f" (bedoelde u '{problem.suggestion}'?)" if problem.suggestion else ""
        used = "" if problem.kept else "; niet gebruikt"  # a long title is cut, not dropped
        notes.append(f"veld '{where}': {problem.message}{hint}{used}")
    return notes


def shown(value) -> str:
    """A value as a note quotes it: "'31-02-2024'", '["a", "b"]', '2024'."""
    text = f"'{value}'" if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX] + "…"


def _empty(value) -> bool:
    """'title:' with nothing after it: a field the file does not give (no note: missing is normal)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _check_type(header: Header, value, taxonomy: Taxonomy) -> None:
    if not isinstance(value, str):
        header.drop("type", header.meta.pop("type"), "is geen type")
    elif not taxonomy.resolve("type", value.strip()):
        near = taxonomy.closest("type", value, cutoff=NEAR_TYPE, only=True)
        if near:  # the type the file plainly meant: read as that type, with a note (as a date in another form)
            header.meta["type"] = taxonomy.resolve("type", near)
            header.notes.append(f"veld '{header.name('type')}': {shown(value)} gelezen als '{near}'")
            return
        hint = taxonomy.closest("type", value)
        why = "is geen bekend type" + (f" (bedoelde u '{hint}'?)" if hint else "")
        header.drop("type", header.meta.pop("type"), why)


def _check_date(header: Header, value) -> None:
    date = iso_date(_SPACED_ZONE.sub(r"\1", value.strip())) if isinstance(value, str) else None
    if date is None and isinstance(value, str) and (date := written_date(value)):
        header.notes.append(f"veld '{header.name('date')}': {shown(value)} gelezen als {date.isoformat()}")
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
