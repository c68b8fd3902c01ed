"""Speed of the per-hit work of a results page: stored fields, snippet, the rest of a hit.

    .venv/bin/python benchmarks/hit_speed.py --docs 100000 [--queries 200] [--repeat 7]
    .venv/bin/python benchmarks/hit_speed.py --field [--repeat 7]

--docs N takes speed.py's queries (same seed) over speed.py's index of N documents (benchmarks/data/,
built by speed.py), each in the modes "facets" and "filtered". --field imports the relevance benchmark's
real pages (benchmarks/relevance/collection/, through the importer as evaluate.py --field does) and takes
its judged queries: real Dutch pages, longer, with typographic quotes and dashes.

One pass of all searches records each hit that the engine shows (its document and the terms it marks);
then each step is timed over all those hits, `--repeat` times, and the fastest pass counts (CPU time of
this process, so that other processes' load counts less). Printed per hit, in microseconds:

    stored (whoosh)   reader.stored_fields(docnum), Whoosh's own path
    stored            postings.StoredFields, what a page uses
    snippet           highlight.snippet(body, terms)
    rest of a hit     SearchEngine._hit without the snippet (stored fields already read)
    per-hit path      StoredFields + _hit with its snippet: the page's per-hit work

and a checksum of all snippets, to see whether a change altered any.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "relevance"))

from kennisplatform import highlight, postings  # noqa: E402
from kennisplatform.corpus import taxonomy_for  # noqa: E402
from kennisplatform.params import SearchParams  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402


def shown_hits(engine: SearchEngine, searches: list[SearchParams]) -> list[tuple[int, frozenset[str]]]:
    """(docnum, highlighted terms) of every hit the searches show, in order."""
    reader = engine.state().searcher.reader()
    shown: list[tuple[int, frozenset[str]]] = []
    hit = engine._hit

    def recording(stored: dict, terms: set[str], score: float | None):
        shown.append((engine.state().searcher.document_number(id=stored["id"]), frozenset(terms)))
        return hit(stored, terms, score)

    engine._hit = recording
    try:
        for params in searches:
            engine.search(params)
    finally:
        engine._hit = hit
    assert all(docnum is not None and docnum < reader.doc_count_all() for docnum, _ in shown)
    return shown


class _WhooshPage:
    """An older version's page read stored fields through Whoosh's reader (to measure it with this script)."""

    def __init__(self, reader):
        self._reader = reader

    def __getitem__(self, docnum: int) -> dict:
        return self._reader.stored_fields(docnum)


PageFields = getattr(postings, "StoredFields", _WhooshPage)


def fastest(step, repeat: int) -> float:
    step()  # warm: analysis caches, pages of the index files
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        step()
        best = min(best, time.process_time() - started)
    return best


def measure(engine: SearchEngine, searches: list[SearchParams], repeat: int) -> None:
    shown = shown_hits(engine, searches)
    reader = engine.state().searcher.reader()
    cached = PageFields(reader)
    bodies = [(cached[docnum].get("body", ""), set(terms)) for docnum, terms in shown]
    real_snippet = highlight.snippet

    def rest_of_hits():
        highlight.snippet = lambda text, terms, length=highlight.WINDOW: ""
        try:
            for docnum, terms in shown:
                engine._hit(cached[docnum], set(terms), 1.0)
        finally:
            highlight.snippet = real_snippet

    pages = [shown[start:start + 10] for start in range(0, len(shown), 10)]

    def stored_fields():  # a StoredFields per page, as SearchEngine._page makes one per request
        for page in pages:
            stored = PageFields(reader)
            for docnum, _ in page:
                stored[docnum]  # noqa: B018 - the read is what is timed

    def per_hit_path():
        for page in pages:
            stored = PageFields(reader)
            for docnum, terms in page:
                engine._hit(stored[docnum], set(terms), 1.0)

    steps = {
        "stored (whoosh)": lambda: [reader.stored_fields(docnum) for docnum, _ in shown],
        "stored": stored_fields,
        "snippet": lambda: [highlight.snippet(body, terms) for body, terms in bodies],
        "rest of a hit": rest_of_hits,
        "per-hit path": per_hit_path,
    }
    chars = sum(len(body) for body, _ in bodies) / max(len(bodies), 1)
    print(f"{len(searches)} searches, {len(shown)} hits, {chars:,.0f} characters of body a hit")
    for name, step in steps.items():
        seconds = fastest(step, repeat)
        print(f"  {name:16} {seconds / len(shown) * 1e6:7.1f} us a hit")
    digest = hashlib.sha1("\n".join(highlight.snippet(b, t) for b, t in bodies).encode()).hexdigest()[:12]
    print(f"  snippets' checksum {digest}")


def speed_searches(docs: int, queries: int) -> tuple[SearchEngine, list[SearchParams]]:
    import speed

    corpus = speed.corpus_dir(docs, 1)
    taxonomy = taxonomy_for(corpus)
    engine = SearchEngine(speed.DATA / f"index-{docs}-seed1", taxonomy)
    made = speed.make_queries(corpus, taxonomy, queries, 1)
    return engine, [q.params(filtered) for q in made for filtered in (False, True)]


def field_searches(workdir: Path) -> tuple[SearchEngine, list[SearchParams]]:
    import evaluate

    collection = evaluate.import_collection(evaluate.HERE / "collection", workdir)
    judged, _ = evaluate.load_judged(evaluate.HERE / "judgments_field.yaml", collection.ids_by_url)
    engine = evaluate.Ours(collection.corpus, workdir).engine
    return engine, [SearchParams(q=evaluate.clean_query(j.query)) for j in judged]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--docs", type=int, help="speed.py's corpus size (its index must exist)")
    source.add_argument("--field", action="store_true", help="the relevance benchmark's real pages")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hit-speed-") as tmp:
        engine, searches = field_searches(Path(tmp)) if args.field else speed_searches(args.docs, args.queries)
        try:
            measure(engine, searches, args.repeat)
        finally:
            engine.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
