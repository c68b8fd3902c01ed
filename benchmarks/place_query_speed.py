"""Speed of queries that name an area or a place: an area ("Twentse") is searched as some seventy names of its towns
and villages (data/place_areas.tsv), so its query does more than one of a municipality.

    .venv/bin/python benchmarks/place_query_speed.py [--docs 10000] [--repeat 20]

Without --docs: the bundled corpus, indexed in a temporary folder. With --docs N: speed.py's index of N synthetic
documents (benchmarks/data/, built by speed.py with the same seed). Each query is searched as the results page does
(facets, similar pages) once to warm up, then --repeat times; printed per query: the median and the slowest, in ms.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kennisplatform.corpus import taxonomy_for  # noqa: E402
from kennisplatform.index import update_index  # noqa: E402
from kennisplatform.params import SearchParams  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402

QUERIES = [
    ("area", "Twentse scholen cultuur"), ("area", "Achterhoekse gemeenten cultuur en erfgoed"),
    ("area", "Zuid-Limburg muziek"), ("area", "muziekles Gooi en Vechtstreek"), ("area", "Voorne-Putten erfgoed"),
    ("place", "Leidse scholen cultuur"), ("place", "dans Den Haag"), ("place", "Enschede muziek"),
    ("none found", "Zoeterwoude"), ("none found", "Zoetrwoude dans"),
    ("word", "erfgoed"), ("word", "cultuureducatie in het primair onderwijs"),
]


def engine_for(docs: int | None, seed: int, workdir: Path) -> SearchEngine:
    if docs is None:
        corpus = HERE.parent / "corpus"
        index_dir = workdir / "index"
        taxonomy = taxonomy_for(corpus)
        update_index(corpus, index_dir, taxonomy=taxonomy)
        return SearchEngine(index_dir, taxonomy)
    corpus, index_dir = HERE / "data" / f"corpus-{docs}-seed{seed}", HERE / "data" / f"index-{docs}-seed{seed}"
    if not index_dir.exists():
        sys.exit(f"no index at {index_dir}: run benchmarks/speed.py --docs {docs} first")
    return SearchEngine(index_dir, taxonomy_for(corpus))


def timed(engine: SearchEngine, query: str, repeat: int) -> list[float]:
    params = SearchParams(q=query)
    engine.search(params, with_similar=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        engine.search(params, with_similar=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, help="speed.py's synthetic index of this many documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        engine = engine_for(args.docs, args.seed, Path(workdir))
        engine.search(SearchParams(q="cultuur"))
        print(f"{'kind':<11} {'query':<45} {'median':>8} {'max':>8}  total")
        for kind, query in QUERIES:
            times = timed(engine, query, args.repeat)
            total = engine.search(SearchParams(q=query)).total
            print(f"{kind:<11} {query:<45} {statistics.median(times):7.1f}ms {max(times):7.1f}ms  {total}")
        engine.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
