"""Plain peers for the speed benchmark: SQLite FTS5, tantivy and stock Whoosh on the same documents.

Each peer gets the documents as our index flattens them (schema.to_fields: plain-text body, regions with
their ancestors, year), answers the same queries (speed.BenchQuery) and counts the same six facets with
the same disjunctive semantics as ours: a facet is counted over the query and every *other* facet's
selection, so a search with selections in k facets costs k + 1 counting passes. Each returns a top-10
with title and a body snippet, as ours does, so the work compared is a results page.

    SQLite FTS5   sqlite3 from Python's standard library; tokenizer unicode61 remove_diacritics 2, bm25 with
                  the field weights ours uses (title 3, summary 1.8, body 1), words ANDed; facets by GROUP BY
                  over a doc_values(docid, facet, value) table joined to the match set.
    tantivy       PyPI `tantivy` (the `bench` extra): simple tokenizer + lowercase + ASCII folding, BM25 with
                  the same boosts, conjunctive query parser; facets as raw fast text fields counted by a
                  terms aggregation.
    plain Whoosh  StandardAnalyzer, MultifieldParser (AND), BM25F, facets by `groupedby` FieldFacet with
                  allow_overlap=True. The baseline our Dutch analysis and bitset facets are measured against.

No stemming or compound splitting in any peer: they are the "plain" full-text search one would build first.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FACETS = ("type", "theme", "region", "discipline", "audience", "year")
TEXT_BOOSTS = {"title": 3.0, "summary": 1.8, "body": 1.0}
PERIODS = {"2013-2016": range(2013, 2017), "2017-2020": range(2017, 2021),
           "2021-2024": range(2021, 2025), "2025-2028": range(2025, 2029)}


@dataclass
class PeerResult:
    total: int
    ids: list[str]
    facets: dict[str, dict[str, int]]


def expand_selection(facet: str, values: tuple[str, ...]) -> list[str]:
    """Selected values as stored values: a CMK period becomes its years."""
    if facet != "year":
        return list(values)
    out: list[str] = []
    for value in values:
        out.extend(str(y) for y in PERIODS[value]) if value in PERIODS else out.append(value)
    return out


def counting_passes(selection: dict[str, tuple[str, ...]]) -> list[tuple[str | None, list[str]]]:
    """(facet whose selection is skipped, facets counted) per counting pass: facets without a selection
    share one pass over the filtered match set; each facet with a selection is counted over the match
    set filtered by the other facets only."""
    unselected = [f for f in FACETS if not selection.get(f)]
    passes = [(None, unselected)] if unselected else []
    return passes + [(f, [f]) for f in FACETS if selection.get(f)]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def dir_size_mb(path: Path) -> float:
    total = 0
    for root, _dirs, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total / 1e6


def record_values(record: dict) -> dict[str, list[str]]:
    """facet -> values of one flattened document (schema.to_fields output)."""
    return {facet: [v for v in record[facet].split(",") if v] for facet in FACETS}


# -- SQLite FTS5 ------------------------------------------------------------------------------------
class SqliteFts5:
    name = "SQLite FTS5"

    def __init__(self, workdir: Path):
        self.path = Path(workdir) / "fts5.db"

    def build(self, records: list[dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, summary, body, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        db.execute("CREATE TABLE doc_values (docid INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL)")
        with db:
            db.executemany("INSERT INTO docs(rowid, id, title, summary, body) VALUES (?, ?, ?, ?, ?)",
                           ((n, r["id"], r["title"], r["summary"], r["body"]) for n, r in enumerate(records, 1)))
            db.executemany("INSERT INTO doc_values VALUES (?, ?, ?)",
                           ((n, facet, v) for n, r in enumerate(records, 1)
                            for facet, values in record_values(r).items() for v in values))
        db.execute("CREATE INDEX doc_values_by_value ON doc_values(facet, value, docid)")
        db.execute("CREATE INDEX doc_values_by_doc ON doc_values(docid, facet, value)")
        db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        db.commit()
        db.execute("ANALYZE")
        db.close()

    def open(self) -> None:
        self.db = sqlite3.connect(self.path, check_same_thread=False)

    def size_mb(self) -> float:
        return self.path.stat().st_size / 1e6

    @staticmethod
    def match_expression(query) -> str:
        words = [w.replace('"', "") for w in query.words]
        if query.kind == "phrase":
            return '"' + " ".join(words) + '"'
        if query.kind == "prefix":
            return f'"{words[0]}" *'
        return " ".join(f'"{w}"' for w in words)  # FTS5 ANDs juxtaposed terms

    def _filter_sql(self, selection: dict[str, tuple[str, ...]], skip: str | None = None) -> tuple[str, list]:
        """' AND docs.rowid IN (...)' per facet with a selection (values ORed), and its arguments."""
        sql, args = "", []
        for facet, values in selection.items():
            if facet == skip or not values:
                continue
            stored = expand_selection(facet, values)
            # The unary + keeps SQLite from driving the full-text query by these rowids (one MATCH per row).
            sql += (f" AND +docs.rowid IN (SELECT docid FROM doc_values WHERE facet = ? "
                    f"AND value IN ({','.join('?' * len(stored))}))")
            args += [facet, *stored]
        return sql, args

    def search(self, query, selection: dict[str, tuple[str, ...]], with_facets: bool) -> PeerResult:
        match = self.match_expression(query)
        where, args = self._filter_sql(selection)
        rows = self.db.execute(
            f"SELECT id, title, snippet(docs, 3, '<mark>', '</mark>', '…', 24) FROM docs "
            f"WHERE docs MATCH ?{where} ORDER BY bm25(docs, 0.0, 3.0, 1.8, 1.0) LIMIT 10",
            [match, *args]).fetchall()
        total = self.db.execute(f"SELECT count(*) FROM docs WHERE docs MATCH ?{where}", [match, *args]).fetchone()[0]
        facets: dict[str, dict[str, int]] = {}
        if with_facets:
            for skip, counted in counting_passes(selection):
                where, fargs = self._filter_sql(selection, skip=skip)
                sql = (f"SELECT v.facet, v.value, count(*) FROM docs JOIN doc_values v ON v.docid = docs.rowid "
                       f"WHERE docs MATCH ? AND v.facet IN ({','.join('?' * len(counted))}){where} "
                       f"GROUP BY v.facet, v.value")
                for facet, value, count in self.db.execute(sql, [match, *counted, *fargs]):
                    facets.setdefault(facet, {})[value] = count
        return PeerResult(total, [r[0] for r in rows], facets)

    def close(self) -> None:
        self.db.close()


# -- tantivy ----------------------------------------------------------------------------------------
class Tantivy:
    name = "tantivy"

    def __init__(self, workdir: Path):
        self.path = Path(workdir) / "tantivy"

    def _schema(self):
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        for name in TEXT_BOOSTS:
            builder.add_text_field(name, stored=True, tokenizer_name="folded")
        for facet in FACETS:
            builder.add_text_field(facet, fast=True, tokenizer_name="raw", index_option="basic")
        return builder.build()

    def _register(self, index) -> None:
        import tantivy

        analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                    .filter(tantivy.Filter.remove_long(40))
                    .filter(tantivy.Filter.lowercase())
                    .filter(tantivy.Filter.ascii_fold())
                    .build())
        index.register_tokenizer("folded", analyzer)

    def build(self, records: list[dict]) -> None:
        import tantivy

        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        index = tantivy.Index(self._schema(), path=str(self.path))
        self._register(index)
        writer = index.writer(heap_size=512_000_000)
        for record in records:
            doc = tantivy.Document()
            doc.add_text("id", record["id"])
            for name in TEXT_BOOSTS:
                doc.add_text(name, record[name])
            for facet, values in record_values(record).items():
                for value in values:
                    doc.add_text(facet, value)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()

    def open(self) -> None:
        import tantivy

        self.index = tantivy.Index.open(str(self.path))
        self._register(self.index)
        self.index.reload()
        self.searcher = self.index.searcher()
        self.schema = self.index.schema

    def size_mb(self) -> float:
        return dir_size_mb(self.path)

    def _text_query(self, query):
        import tantivy

        words = [fold(w) for w in query.words]
        if query.kind == "prefix":
            # The query language has no single-word prefix; a regex over the folded terms is the way.
            prefix = "".join(c for c in words[0] if c.isalnum())
            return tantivy.Query.boolean_query([
                (tantivy.Occur.Should, tantivy.Query.boost_query(
                    tantivy.Query.regex_query(self.schema, name, f"{prefix}.*"), boost))
                for name, boost in TEXT_BOOSTS.items()])
        clean = [w.replace('"', "").replace("\\", "") for w in words]
        text = '"' + " ".join(clean) + '"' if query.kind == "phrase" else " ".join(f'"{w}"' for w in clean)
        return self.index.parse_query(text, list(TEXT_BOOSTS), field_boosts=TEXT_BOOSTS,
                                      conjunction_by_default=True)

    def _filtered(self, text_query, selection: dict[str, tuple[str, ...]], skip: str | None = None):
        import tantivy

        clauses = [(tantivy.Occur.Must, text_query)]
        for facet, values in selection.items():
            if facet != skip and values:
                clauses.append((tantivy.Occur.Must,
                                tantivy.Query.term_set_query(self.schema, facet, expand_selection(facet, values))))
        return clauses[0][1] if len(clauses) == 1 else tantivy.Query.boolean_query(clauses)

    def search(self, query, selection: dict[str, tuple[str, ...]], with_facets: bool) -> PeerResult:
        import tantivy

        text_query = self._text_query(query)
        filtered = self._filtered(text_query, selection)
        found = self.searcher.search(filtered, limit=10, count=True)
        snippets = tantivy.SnippetGenerator.create(self.searcher, text_query, self.schema, "body")
        ids = []
        for _score, address in found.hits:
            doc = self.searcher.doc(address)
            ids.append(doc["id"][0])
            doc["title"][0]
            snippets.snippet_from_doc(doc).to_html()
        facets: dict[str, dict[str, int]] = {}
        if with_facets:
            for skip, counted in counting_passes(selection):
                query_for_pass = filtered if skip is None else self._filtered(text_query, selection, skip)
                spec = {f: {"terms": {"field": f, "size": 200}} for f in counted}
                answer = self.searcher.aggregate(query_for_pass, spec)
                for facet in counted:
                    facets[facet] = {b["key"]: b["doc_count"] for b in answer[facet]["buckets"]}
        return PeerResult(found.count, ids, facets)

    def close(self) -> None:
        self.searcher = None
        self.index = None


# -- plain Whoosh -----------------------------------------------------------------------------------
class PlainWhoosh:
    name = "plain Whoosh"

    def __init__(self, workdir: Path):
        self.path = Path(workdir) / "whoosh-plain"

    @staticmethod
    def _schema():
        from whoosh import fields
        from whoosh.analysis import StandardAnalyzer

        analyzer = StandardAnalyzer()
        return fields.Schema(
            id=fields.ID(stored=True, unique=True),
            title=fields.TEXT(analyzer=analyzer, stored=True),
            summary=fields.TEXT(analyzer=analyzer, stored=True),
            body=fields.TEXT(analyzer=analyzer, stored=True),
            **{facet: fields.KEYWORD(commas=True) for facet in FACETS},
        )

    def build(self, records: list[dict]) -> None:
        from whoosh import index
        from whoosh.writing import CLEAR

        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        ix = index.create_in(str(self.path), self._schema())
        # The same writer settings as ours, so the difference is analysis and schema.
        writer = ix.writer(procs=2, multisegment=True, limitmb=1024) if (os.cpu_count() or 1) > 1 \
            else ix.writer(limitmb=512)
        for record in records:
            writer.add_document(id=record["id"], title=record["title"], summary=record["summary"],
                                body=record["body"], **{facet: record[facet] for facet in FACETS})
        writer.commit(mergetype=CLEAR)

    def open(self) -> None:
        from whoosh import index
        from whoosh.qparser import AndGroup, MultifieldParser
        from whoosh.scoring import BM25F

        self.ix = index.open_dir(str(self.path))
        self.searcher = self.ix.searcher(weighting=BM25F())
        self.parser = MultifieldParser(list(TEXT_BOOSTS), self.ix.schema, fieldboosts=TEXT_BOOSTS, group=AndGroup)

    def size_mb(self) -> float:
        return dir_size_mb(self.path)

    def _filter(self, selection: dict[str, tuple[str, ...]], skip: str | None = None):
        from whoosh import query as wq

        parts = [wq.Or([wq.Term(facet, v) for v in expand_selection(facet, values)])
                 for facet, values in selection.items() if values and facet != skip]
        return wq.And(parts) if parts else None

    def search(self, query, selection: dict[str, tuple[str, ...]], with_facets: bool) -> PeerResult:
        from whoosh import sorting

        words = [w.replace('"', "") for w in query.words]
        if query.kind == "phrase":
            text = '"' + " ".join(words) + '"'
        elif query.kind == "prefix":
            text = words[0] + "*"
        else:
            text = " ".join(words)
        parsed = self.parser.parse(text)
        facets: dict[str, dict[str, int]] = {}
        unselected = [f for f in FACETS if not selection.get(f)]
        grouped = ({f: sorting.FieldFacet(f, allow_overlap=True) for f in unselected}
                   if with_facets and unselected else None)
        results = self.searcher.search(parsed, limit=10, filter=self._filter(selection), groupedby=grouped)
        ids = []
        for hit in results:
            ids.append(hit["id"])
            hit["title"]
            hit.highlights("body")
        if grouped:
            for facet in unselected:
                facets[facet] = {k: len(v) for k, v in results.groups(facet).items()}
        if with_facets:
            for facet in FACETS:
                if selection.get(facet):
                    other = self.searcher.search(parsed, limit=1, filter=self._filter(selection, skip=facet),
                                                 groupedby={facet: sorting.FieldFacet(facet, allow_overlap=True)})
                    facets[facet] = {k: len(v) for k, v in other.groups(facet).items()}
        return PeerResult(len(results), ids, facets)

    def close(self) -> None:
        self.searcher.close()


PEERS = {"fts5": SqliteFts5, "tantivy": Tantivy, "whoosh": PlainWhoosh}


def timed_build(peer, records: list[dict]) -> float:
    started = time.perf_counter()
    peer.build(records)
    return time.perf_counter() - started
