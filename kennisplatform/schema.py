"""The Whoosh schema: the only module that knows the index's field names.

Everything else talks in Documents, facet names and stored-hit dicts produced here."""
from __future__ import annotations

import hashlib
import json

from itertools import chain
from operator import sub
from pickle import dumps

from whoosh import fields, formats
from whoosh.system import pack_uint

from . import analysis
from .documents import Document, plain_text
from .params import UNKNOWN_YEAR
from .taxonomy import Taxonomy

SCHEMA_VERSION = "10"  # 6: documents without a date (year "onbekend", datenum 0); 7: segments as separate
# files with sidecars (sidecars.py): rebuilt once, not per worker; 8: sidecars with word positions (format 2),
# likewise; 9: the title field holds the site's name too (title_text); 10: SUGGESTED_FIELD

# Fields searched by a text query, with the boosts of BM25F: a word in the title or the summary says
# more about what a document is about than the same word somewhere in a long report. The summary's was 1.8 while an
# imported page's summary was often its title again; with the page's lead there instead (importer.html), 1.2
# (tuning: +9.3 over 3,246 query runs; docs/performance.md, session 31).
TEXT_FIELDS = {"title": 3.0, "summary": 1.2, "body": 1.0}
# The text field of the title: the share of a query found there ranks a page (search.TITLE_COVERAGE).
TITLE_FIELD = "title"
# The other two: a long query's words are looked for together in the body, and count anywhere when the summary has
# them (search._words_to_place).
SUMMARY_FIELD = "summary"
BODY_FIELD = "body"
# Spelling corrections are checked against the text fields' terms (search._documents): a separate
# unstemmed field would cost 40% of the indexing time for a feature used only when a query finds (almost)
# nothing.

# facet name -> index field. Region values include every ancestor, so that a document about
# Vlaardingen is found and counted under Rotterdam-Rijnmond and Zuid-Holland too.
FACET_FIELDS = {
    "type": "type",
    "theme": "theme",
    "region": "region",
    "discipline": "discipline",
    "audience": "audience",
    "year": "year",
}
DATE_COLUMN = "datenum"
# A document without a date has the year term params.UNKNOWN_YEAR (the facet's URL value) and this date
# column value. 0 is below every real date (YYYYMMDD), so a plain newest-first sort puts these documents
# last; oldest-first is then not a reversal of that order: FacetIndex keeps them apart (`undated`) and
# lists them after the dated ones in both directions, because an unknown date is neither new nor old.
UNKNOWN_DATENUM = 0
ID_FIELD = "id"
# Documents whose front matter lists suggestions for an editor (Document.suggestions) have the term
# SUGGESTED in this field, so that the review list (review.PendingList, through
# SearchEngine.awaiting_review) reads only their files, not the head of every corpus file. Not searched,
# ranked or counted as a facet (not in the sidecars): no search result changes with it.
SUGGESTED_FIELD = "suggested"
SUGGESTED = "1"


class Positions(formats.Positions):
    """Whoosh's Positions format, same bytes. Our analyzer's postings come from analysis.index_postings
    instead of one token at a time, and a word that occurs once in a field (most postings) has its
    encoding looked up instead of pickled again."""

    def word_values(self, value, analyzer, **kwargs):
        if kwargs.get("mode") == "query" or not isinstance(analyzer, analysis.DutchAnalyzer):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, (positions, weight) in analysis.index_postings(value).items():
            yield term, len(positions), weight * boost, self.encode(positions)

    def encode(self, poslist):
        if len(poslist) == 1:
            return single_position(poslist[0])
        # Whoosh's encoding (the count, then the pickled gaps between positions) without its Python loop
        return pack_uint(len(poslist)) + dumps(list(map(sub, poslist, chain((0,), poslist))), 2)


class _SinglePositions(dict):
    """Whoosh's Positions encoding of one position (most postings), by position, made once: a subscript
    costs a third of what a call of an lru_cache'd function did (a rebuild's postings: 0.06 ms of CPU per
    document less). Positions from SINGLE_KEPT on (a very long text) are encoded each time, not kept."""

    def __missing__(self, pos: int) -> bytes:
        encoded = formats.Positions.encode(None, [pos])
        if pos < SINGLE_KEPT:
            self[pos] = encoded
        return encoded


SINGLE_KEPT = 65_536
SINGLE_POSITIONS = _SinglePositions()


def single_position(pos: int) -> bytes:
    """Whoosh's Positions encoding of one position (most postings), remembered."""
    return SINGLE_POSITIONS[pos]


def _text_field(analyzer) -> fields.TEXT:
    field = fields.TEXT(analyzer=analyzer, stored=True, phrase=True)
    field.format = Positions(field_boost=field.format.field_boost)
    return field


def build_schema() -> fields.Schema:
    text = analysis.dutch_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        # Stored only: never searched, and an indexed unique value per document costs a term entry each.
        path=fields.STORED(),
        digest=fields.STORED(),
        title=_text_field(text),
        summary=_text_field(text),
        body=_text_field(text),
        type=fields.ID(stored=True),
        theme=fields.KEYWORD(commas=True),
        region=fields.KEYWORD(commas=True),
        discipline=fields.KEYWORD(commas=True),
        audience=fields.KEYWORD(commas=True),
        year=fields.ID(),
        datenum=fields.NUMERIC(numtype=int, bits=32, sortable=True),
        suggested=fields.ID(),  # SUGGESTED_FIELD
        # Display data for a result list, so that a hit never needs the corpus file.
        display=fields.STORED(),
    )


def version_stamp(taxonomy: Taxonomy) -> str:
    """Changes whenever an index built earlier could give wrong results: schema, analyzer or taxonomy
    (region ancestors and value normalisation are baked into the index)."""
    parts = [SCHEMA_VERSION, analysis.ANALYZER_VERSION, taxonomy.version]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def title_text(doc: Document) -> str:
    """What the title field indexes: the title and the name of the site it was published on. An import
    takes the site's name off a page title ('Cultuurnota | Gemeente Leiderdorp') to show the page's own
    title, but the name still says whose page it is, and often where (nDCG@10 on the field pages' held-out
    half 0.878 -> 0.892, docs/performance.md "Session 4: titles of imported pages")."""
    if doc.source.publication and doc.source.publication.lower() not in doc.title.lower():
        return f"{doc.title}\n{doc.source.publication}"
    return doc.title


def to_fields(doc: Document, digest: str, taxonomy: Taxonomy) -> dict:
    """Flatten a Document into index fields."""
    regions: list[str] = []
    for region in doc.regions:
        for value in [region, *taxonomy.ancestors(region)]:
            if value not in regions:
                regions.append(value)
    body = plain_text(doc.body)
    display = {
        "themes": list(doc.themes),
        "regions": list(doc.regions),
        "source_url": doc.source.url,
        "date": doc.date.isoformat() if doc.date else None,
        "title": doc.title,
    }
    flattened = {
        "id": doc.id,
        "path": doc.path or "",
        "digest": digest,
        "title": title_text(doc),
        "summary": doc.summary,
        "body": body,
        "type": doc.type,
        "theme": ",".join(doc.themes),
        "region": ",".join(regions),
        "discipline": ",".join(doc.disciplines),
        "audience": ",".join(doc.audience),
        "year": str(doc.year) if doc.date else UNKNOWN_YEAR,
        "datenum": int(doc.date.strftime("%Y%m%d")) if doc.date else UNKNOWN_DATENUM,
        "display": json.dumps(display, ensure_ascii=False),
    }
    if doc.suggestions:  # open or not: the review list reads the file and shows only the open ones
        flattened[SUGGESTED_FIELD] = SUGGESTED
    return flattened


def stored_view(stored: dict) -> dict:
    """A stored-fields dict as plain names the rest of the code uses."""
    display = json.loads(stored.get("display") or "{}")
    return {
        "id": stored["id"],
        "path": stored.get("path", ""),
        "type": stored.get("type", ""),
        "title": display.get("title", stored.get("title", "")),  # without the site's name (title_text)
        "summary": stored.get("summary", ""),
        "body": stored.get("body", ""),
        "date": display.get("date"),  # None: unknown
        "themes": display.get("themes", []),
        "regions": display.get("regions", []),
        "source_url": display.get("source_url"),
    }
