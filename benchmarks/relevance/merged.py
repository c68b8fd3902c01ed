"""Several judged sets' pages imported together into one collection, each set's queries run over all of them.

    .venv/bin/python benchmarks/relevance/merged.py --check [--beside-starter]     # every check set at once
    .venv/bin/python benchmarks/relevance/merged.py --tuning [--beside-starter] [--per-query]
    .venv/bin/python benchmarks/relevance/merged.py fresh32 fresh33 ... [--engine NAME]...

Each set is a collection of 20 to 50 pages, and a query is judged against its own set's pages. The collection a
new user brings is larger, and a larger collection holds more pages that share a query's words without answering
it. Merged, every query meets the other sets' pages as competitors: they count as not relevant (nobody judged them
for it), for every engine alike, so the figures are lower bounds and only the engines' order and the kinds'
distances are the measure. The check sets are reported per kind only, as evaluate.py reports them; --per-query
lists tuning queries only.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_NAME = 200  # a gathered page's file name, in characters: well within a file system's 255 bytes
sys.path.insert(0, str(HERE))

import evaluate as ev  # noqa: E402
from judged_sets import BY_NAME, SETS, STARTER_CORPUS, JudgedSet  # noqa: E402


@dataclass
class MergedQuery:
    """A judged query of one of the merged sets; readable: a tuning query, which may be listed one by one."""

    set_name: str
    judged: ev.Judged
    readable: bool


def chosen_sets(names: list[str], check: bool, tuning: bool) -> list[JudgedSet]:
    """The named sets, or every check set / every tuning set with pages of its own (not the starter corpus)."""
    sets = [BY_NAME[name] for name in names]
    sets += [s for s in SETS if (check and s.check) or (tuning and s.readable)]
    return [s for s in dict.fromkeys(sets) if s.pages != STARTER_CORPUS]


def gather_pages(folders: list[Path], into: Path) -> list[Path]:
    """Every folder's pages copied into one folder to import, each as FOLDER--NAME (a page's name is unique within its
    folder). A long name is cut before its extension, not through it: cut through (".htm", ".h"), 194 of the 1,699
    tuning pages were left out of the import until session 58."""
    written = []
    for folder in folders:
        for page in sorted(folder.glob("*.html")):
            target = into / (f"{folder.name}--{page.stem}"[:MAX_NAME - len(page.suffix)] + page.suffix)
            if target.exists():
                raise ValueError(f"two pages cut to one name: {target.name}")
            target.write_bytes(page.read_bytes())
            written.append(target)
    return written


def merged_queries(sets: list[JudgedSet], ids_by_url: dict[str, str], beside: bool) -> list[MergedQuery]:
    """Every set's queries but the held-out half's, judged against the merged collection's ids."""
    out = []
    for judged_set in sets:
        judged, _ = ev.load_judged(judged_set.judgments, ids_by_url)
        ev.starter_grades_if_beside(judged, judged_set.judgments, beside, True)
        # The field set's held-out half is measured by evaluate.py --field alone: kept out of these tables.
        out += [MergedQuery(judged_set.name, item, ev.readable(item, judged_set))
                for item in judged if item.split != "heldout"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="judged sets by name (evaluate.py's --NAME)")
    parser.add_argument("--check", action="store_true", help="every check set")
    parser.add_argument("--tuning", action="store_true", help="every tuning set with pages of its own")
    parser.add_argument("--beside-starter", action="store_true", help="into a copy of the bundled corpus")
    parser.add_argument("--engine", action="append", choices=list(ev.ENGINES))
    parser.add_argument("--per-query", action="store_true", help="each tuning query's nDCG@10 per engine")
    args = parser.parse_args()
    sets = chosen_sets(args.sets, args.check, args.tuning)
    if not sets:
        parser.error("name a set, or --check or --tuning")
    folders = list(dict.fromkeys(s.pages for s in sets))
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        gather_pages(folders, pages)
        source = ev.import_collection(pages, Path(tmp), args.beside_starter)
        print(f"{len(sets)} sets, {source.import_summary}")
        queries = merged_queries(sets, source.ids_by_url, args.beside_starter)
        judged = [replace(q.judged, query=_key(q.set_name, q.judged.query)) for q in queries]
        engines = [ev.ENGINES[n] for n in ev.ENGINES if not args.engine or n in args.engine]
        results = {}
        for cls in engines:
            workdir = Path(tmp) / cls.name
            workdir.mkdir()
            engine = cls(source.corpus, workdir)
            results[cls.name] = {}
            for set_name in dict.fromkeys(q.set_name for q in queries):  # a query is unique within its set
                of_set = [q.judged for q in queries if q.set_name == set_name]
                results[cls.name].update({_key(set_name, query): scores
                                          for query, scores in ev.run(engine, of_set).items()})
    print(f"{len(judged)} judged queries over {len(folders)} collections merged")
    ev.print_table([replace(j, split=ev.ALL) for j in judged], results)
    if args.per_query:
        print("\nper query (tuning sets only): nDCG@10 " + " / ".join(results))
        for q, j in zip(queries, judged):
            if q.readable:
                values = " / ".join(f"{results[n][j.query].ndcg:.3f}" for n in results)
                print(f"  [{j.kind}] {q.set_name} {q.judged.query!r}: {values}")
    return 0


def _key(set_name: str, query: str) -> str:
    """A query's key in the merged tables: the same words may be a query of two sets."""
    return f"{set_name}\t{query}"


if __name__ == "__main__":
    sys.exit(main())
