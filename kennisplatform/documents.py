"""The Document and its parsing from a corpus file's text (YAML front matter + Markdown). No Flask."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace

import yaml

from .errors import Problem, yaml_position
from .taxonomy import Taxonomy

# A document needs a type and a title. The date is optional: most real pages and files carry none, and
# an unknown date ("datum onbekend") is normal content, not a reason to refuse a document.
REQUIRED = ("type", "title")
# Front-matter keys whose values come from the taxonomy, and the facet each belongs to.
TAXONOMY_KEYS = {"themes": "theme", "regions": "region", "disciplines": "discipline", "audience": "audience"}
KNOWN_KEYS = set(REQUIRED) | set(TAXONOMY_KEYS) | {"date", "summary", "organisations", "source", "suggestions"}
# Keys of `suggestions`: values suggested from the text that wait for an editor (review.py). They are
# kept in the file so that they survive a rebuild, and are never indexed as facet values.
SUGGESTION_KEYS = {"type": "type", **TAXONOMY_KEYS}
MAX_TITLE = 300
# How a web page's title joins its own words and its site's name ("Cultuurnota | Gemeente Leiderdorp"): the import
# takes the site's part off (importer.titles), and the page knows a first line that repeats the rest (highlight).
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
# The dates a document can have, as the editor's form allows them: from 1900 (older is a typo, not a CMK
# document) to three years ahead (a planned meeting).
MIN_YEAR = 1900
MAX_AHEAD = dt.timedelta(days=3 * 366)


def date_in_range(date: dt.date, today: dt.date | None = None) -> bool:
    return date.year >= MIN_YEAR and date <= (today or dt.date.today()) + MAX_AHEAD


class AliasRefused(yaml.constructor.ConstructorError):
    """Front matter that uses a YAML alias (*name), which a corpus file never needs."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's loader is ~10x faster
    """Safe loading, with timestamps left as text: a date such as 2023-13-45 then becomes a clear
    'ongeldige datum' problem for the date field instead of a parser exception.

    Aliases are refused: a few hundred bytes of nested aliases ("billion laughs") make a structure that
    shares its parts, cheap to load but gigabytes once any of it is turned into text."""

    def construct_object(self, node, deep=False):
        # The composer gives an alias the very node of its anchor, so only an alias (or a merge key,
        # which needs one) reaches a node that was constructed before.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise AliasRefused(None, None, "alias", node.start_mark)
        return super().construct_object(node, deep)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load_yaml(raw: str):
    """Front matter (or any small YAML text from the corpus) as Python values: safe, dates as text, no
    aliases. Raises yaml.YAMLError (AliasRefused for an alias), ValueError or RecursionError."""
    return yaml.load(raw, Loader=_Loader)


DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?")
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


# Control characters (C0 but tab, line feed and carriage return; DEL; C1) and the two non-characters XML
# forbids: never meant in a title or a text, and one of them makes a feed that is not XML at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\x0b\x0c]")  # Word's line and page breaks: a new line in a text
_ONE_LINE_SPACE = re.compile("[\t\n\r]")


def clean_line(text: str) -> str:
    """A one-line field (title, summary, name) without control characters; tabs and line ends as spaces."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", _LINE_BREAKS.sub(" ", text))
    return _ONE_LINE_SPACE.sub(" ", text) if "\t" in text or "\n" in text or "\r" in text else text


def clean_body(text: str) -> str:
    """A Markdown text without control characters; tabs and line ends stay (they are Markdown)."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text)) if _CONTROL.search(text) else text


def _clean_fields(obj, one_line: tuple[str, ...], lists: tuple[str, ...]) -> None:
    """Clean a frozen dataclass's text fields in place (in __post_init__): every way a Document is made
    (a corpus file, the editor's form, an import) gives text that any page, feed or export can show."""
    for name in one_line:
        value = getattr(obj, name)
        if value:
            object.__setattr__(obj, name, clean_line(value))
    for name in lists:
        values = getattr(obj, name)
        if values and any(_CONTROL.search(v) or _ONE_LINE_SPACE.search(v) for v in values):
            object.__setattr__(obj, name, tuple(c for c in (clean_line(v).strip() for v in values) if c))


@dataclass(frozen=True)
class Source:
    url: str | None = None
    authors: tuple[str, ...] = ()
    publication: str | None = None

    def __post_init__(self) -> None:
        _clean_fields(self, ("url", "publication"), ("authors",))

    def is_empty(self) -> bool:
        return not (self.url or self.authors or self.publication)


@dataclass(frozen=True)
class PendingValue:
    """A suggested value that an editor has not accepted or dismissed yet."""

    key: str  # front-matter key: "type", "themes", "regions", "disciplines" or "audience"
    value: str  # the taxonomy id
    confidence: float  # in [0, 1]


@dataclass(frozen=True)
class Document:
    id: str
    type: str
    title: str
    date: dt.date | None  # None: the date is unknown
    body: str = ""  # Markdown
    summary: str = ""
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    disciplines: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    source: Source = field(default_factory=Source)
    path: str | None = None  # relative to the corpus folder
    suggestions: tuple[PendingValue, ...] = ()  # waiting for an editor; not part of the facets

    def __post_init__(self) -> None:
        _clean_fields(self, ("title", "summary"), ("organisations",))
        if self.body:
            object.__setattr__(self, "body", clean_body(self.body))

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def type_guessed(self) -> bool:
        """The importer chose the type without being sure of it (review.decide): a type suggestion waits for
        an editor, and accepting one, or choosing another type, removes them all."""
        return any(p.key == "type" for p in self.suggestions)

    def with_changes(self, **changes) -> "Document":
        return replace(self, **changes)


@dataclass
class Parsed:
    """The result of reading one file: the document (None if unusable) and every problem found."""

    document: Document | None
    problems: list[Problem]


def slugify(text: str, max_length: int = 80) -> str:
    """A readable ASCII slug: 'Cultuureducatie in één dag!' -> 'cultuureducatie-in-een-dag'. A long one is cut
    after a whole word ('...-met-subsidie', not '...-met-subsi': the slug is a document's address), unless
    that would lose more than half of it (one very long word)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length + 1].rfind("-")  # a word ending exactly at max_length counts as whole
        slug = slug[:cut] if cut > max_length // 2 else slug[:max_length]
    return slug.rstrip("-") or "document"


def title_without_ends(title: str) -> tuple[str, str] | None:
    """A title of several parts (TITLE_SEPARATORS) without its last part and without its first, each keeping the
    separators between the parts left: 'A | B - C' -> ('A | B', 'B - C'); None for a title of one part."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    seps = TITLE_SEPARATORS.findall(title)
    return ("".join(p + s for p, s in zip(parts[:-1], [*seps[:-1], ""])).strip(),
            "".join(p + s for p, s in zip(parts[1:], [*seps[1:], ""])).strip())


def split_front_matter(text: str) -> tuple[str | None, str]:
    """('yaml text' or None, 'markdown body')."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def parse_document(text: str, doc_id: str, taxonomy: Taxonomy, path: str = "") -> Parsed:
    """Parse a corpus file. Values from the taxonomy are normalised to ids; unknown ones are reported
    (with the closest valid value) and left out, so one typo does not hide a whole document."""
    where = path or doc_id
    raw, body = split_front_matter(text)
    if raw is None:
        return Parsed(None, [Problem(where, "front matter", "geen YAML-kop gevonden (begin het bestand met ---)")])
    try:
        meta = load_yaml(raw)
    except AliasRefused as exc:
        # The mark is the anchored value's (the alias node is the anchor's node).
        return Parsed(None, [Problem(where, "front matter", "verwijzingen naar een anker (&naam ... *naam) zijn "
                                     "in de YAML-kop niet toegestaan; schrijf de waarde voluit (anker"
                                     f"{yaml_position(exc, 2)})")])
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        return Parsed(None, [Problem(where, "front matter", f"ongeldige YAML{yaml_position(exc, 2)}")])
    if not isinstance(meta, dict):
        return Parsed(None, [Problem(where, "front matter", "de YAML-kop is geen lijst van sleutels en waarden")])

    problems: list[Problem] = []
    for key in sorted(set(map(str, meta)) - KNOWN_KEYS):
        problems.append(Problem(where, key, "onbekend veld", _closest_key(key)))

    doc_type = _parse_type(meta.get("type"), taxonomy, where, problems)
    title = _text(meta.get("title"))
    if not title:
        problems.append(Problem(where, "title", "titel ontbreekt"))
    elif len(title) > MAX_TITLE:
        problems.append(Problem(where, "title", f"titel is te lang: {len(title)} tekens, hooguit {MAX_TITLE} "
                                                "(ingekort)", kept=True))
        title = title[:MAX_TITLE]
    date_problems: list[Problem] = []
    date = _parse_date(meta.get("date"), where, date_problems)
    problems.extend(date_problems)
    if date is not None and not date_in_range(date):
        # A real date, only not a plausible one: the document is kept, as undated (which is normal).
        problems.append(Problem(where, "date", f"datum {date.isoformat()} ligt te ver in het verleden of de "
                                f"toekomst (vanaf {MIN_YEAR} tot drie jaar vooruit); opgenomen zonder datum"))
        date = None
    if not (doc_type and title) or date_problems:  # an invalid date is a problem; a missing one is not
        return Parsed(None, problems)

    values = {key: _taxonomy_values(meta.get(key), facet, key, taxonomy, where, problems)
              for key, facet in TAXONOMY_KEYS.items()}
    document = Document(
        id=doc_id,
        type=doc_type,
        title=title,
        date=date,
        body=body.strip("\n") + "\n" if body.strip() else "",
        summary=_text(meta.get("summary")),
        organisations=_string_list(meta.get("organisations")),
        source=_parse_source(meta.get("source"), where, problems),
        path=path or None,
        suggestions=_parse_suggestions(meta.get("suggestions"), taxonomy, where, problems),
        **values,
    )
    return Parsed(document, problems)


def render_document(doc: Document) -> str:
    """The corpus-file text of a document: the inverse of parse_document."""
    meta: dict = {"type": doc.type, "title": doc.title}
    if doc.date is not None:
        meta["date"] = doc.date
    if doc.summary:
        meta["summary"] = doc.summary
    for key in TAXONOMY_KEYS:
        if getattr(doc, key):
            meta[key] = list(getattr(doc, key))
    if doc.organisations:
        meta["organisations"] = list(doc.organisations)
    if not doc.source.is_empty():
        meta["source"] = {k: v for k, v in (("url", doc.source.url),
                                            ("authors", list(doc.source.authors)),
                                            ("publication", doc.source.publication)) if v}
    if doc.suggestions:
        meta["suggestions"] = _render_suggestions(doc.suggestions)
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{header}---\n\n{doc.body.strip()}\n"


def _text(value) -> str:
    if value is None:
        return ""
    return " ".join(clean_line(str(value)).split())


def _string_list(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(t for t in (_text(v) for v in value) if t)
    return tuple(t for t in (_text(v) for v in str(value).split(",")) if t)


def _closest_key(key: str) -> str | None:
    import difflib

    match = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.6)
    return match[0] if match else None


def _parse_type(value, taxonomy: Taxonomy, where: str, problems: list[Problem]) -> str | None:
    text = _text(value)
    if not text:
        problems.append(Problem(where, "type", "type ontbreekt", "verslag, voorbeeldproject of artikel"))
        return None
    resolved = taxonomy.resolve("type", text)
    if not resolved:
        problems.append(Problem(where, "type", f"onbekend type '{text}'", taxonomy.closest("type", text)))
    return resolved


def _parse_date(value, where: str, problems: list[Problem]) -> dt.date | None:
    """The date, or None when the file gives none (no problem: the date is then unknown)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    date = iso_date(text)
    if date is None:
        problems.append(Problem(where, "date", f"ongeldige datum '{text}'", "JJJJ-MM-DD"))
    return date


def iso_date(text: str) -> dt.date | None:
    """A date as a corpus file writes it ('2024-03-14', also with a time: '2024-03-14T10:00:00+02:00'), None
    for anything else ('2024-02-31', '14-03-2024')."""
    match = DATE.fullmatch(text)
    try:
        return dt.date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def _taxonomy_values(value, facet: str, key: str, taxonomy: Taxonomy, where: str,
                     problems: list[Problem]) -> tuple[str, ...]:
    ids: list[str] = []
    for item in _string_list(value):
        resolved = taxonomy.resolve(facet, item)
        if resolved is None:
            problems.append(Problem(where, key, f"onbekende waarde '{item}'", taxonomy.closest(facet, item)))
        elif resolved not in ids:
            ids.append(resolved)
    return tuple(ids)


def _parse_source(value, where: str, problems: list[Problem]) -> Source:
    if value is None:
        return Source()
    if isinstance(value, str):  # a bare URL is a common shorthand
        value = {"url": value}
    if not isinstance(value, dict):
        problems.append(Problem(where, "source", "verwacht url, authors en publication"))
        return Source()
    url = _text(value.get("url")) or None
    if url and not re.match(r"https?://", url):
        problems.append(Problem(where, "source.url", f"geen http(s)-adres: '{url}'"))
        url = None
    return Source(url=url, authors=_string_list(value.get("authors")),
                  publication=_text(value.get("publication")) or None)


def _parse_suggestions(value, taxonomy: Taxonomy, where: str, problems: list[Problem]) -> tuple[PendingValue, ...]:
    """`suggestions:` maps a key to {id: confidence}; what is unusable is reported and left out."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(Problem(where, "suggestions", "verwacht per veld de voorgestelde waarden met hun zekerheid"))
        return ()
    found: list[PendingValue] = []
    for key, values in value.items():
        facet = SUGGESTION_KEYS.get(str(key))
        if facet is None:
            problems.append(Problem(where, f"suggestions.{key}",
                                    f"onbekend veld (toegestaan: {', '.join(SUGGESTION_KEYS)})"))
            continue
        if not isinstance(values, dict):
            problems.append(Problem(where, f"suggestions.{key}", "verwacht waarden met hun zekerheid (0 tot 1)"))
            continue
        for item, score in values.items():
            resolved = taxonomy.resolve(facet, str(item))
            if resolved is None:
                problems.append(Problem(where, f"suggestions.{key}", f"onbekende waarde '{item}'",
                                        taxonomy.closest(facet, str(item))))
            elif isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
                problems.append(Problem(where, f"suggestions.{key}", f"zekerheid van '{item}' is geen getal "
                                                                     "van 0 tot 1"))
            elif all((p.key, p.value) != (str(key), resolved) for p in found):
                found.append(PendingValue(str(key), resolved, float(score)))
    return tuple(found)


def _render_suggestions(pending: tuple[PendingValue, ...]) -> dict:
    """{key: {id: confidence}}, keys in SUGGESTION_KEYS order, values most confident first."""
    result: dict[str, dict[str, float]] = {}
    for key in SUGGESTION_KEYS:
        items = sorted((p for p in pending if p.key == key), key=lambda p: -p.confidence)
        if items:
            result[key] = {p.value: round(p.confidence, 2) for p in items}
    return result


MARKDOWN_NOISE = [
    (re.compile(r"```.*?```", re.S), " "),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep link text
    (re.compile(r"<[^>]+>"), " "),  # inline HTML tags
    (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),  # headings, quotes, list markers
]
_EMPHASIS = re.compile(r"[*_`~]+")  # emphasis marks, removed after MARKDOWN_NOISE


# A heading without a stop of its own gets one, so that a snippet does not run it into the next sentence
# ("Waar gaat het over Erfgoededucatie is ..."): snippets join the lines.
_HEADING = re.compile(r"^(\s{0,3}#{1,6}\s+.*?[^\s.!?:;,…#])[ \t#]*$", re.M)


# What a browser never shows: the page leaves these blocks out (render.CLEAN_CONTENT_TAGS), so the index and
# the snippets must too ("<script>alert(1)</script>" in an editor's text showed in a snippet as "alert(1)").
_HIDDEN_BLOCKS = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to its words, for indexing and snippets (cheap: no HTML rendering)."""
    text = markdown_text
    if "<" in text:
        text = _HIDDEN_BLOCKS.sub(" ", text)
    if "#" in text:
        text = _HEADING.sub(r"\1.", text)
    for pattern, replacement in MARKDOWN_NOISE:
        text = pattern.sub(replacement, text)
    # A character class scanned by the regex engine costs ~40 us per page even when nothing matches; a
    # substring test costs almost nothing, and without the characters neither pattern can match (together
    # half of plain_text's time on pages without emphasis or runs of blanks).
    if "*" in text or "_" in text or "`" in text or "~" in text:
        text = _EMPHASIS.sub("", text)
    if "\t" in text or "  " in text:
        text = _BLANKS.sub(" ", text)
    return text.strip()


# Runs of spaces and tabs to one space. A single space is left alone rather than replaced by itself:
# "[ \t]+" made a replacement of every space between words, a third of a build's text parsing.
_BLANKS = re.compile(r"\t[ \t]*| [ \t]+")
