"""Warm faceted search time of two-word queries with a compound, over speed.py's generated index (run
`speed.py --docs N` first): the cost of a short query's first tier reading the positions of a compound's parts
(search.PARTS_WINDOW). With --one-word, of one-word compound queries instead: the cost of a compound's parts paired
(analysis.compound_query_pairings) and of the page filled with its parts (search.SearchEngine._with_fill). Prints
each query's median and the median and p95 over all runs, in ms."""
from __future__ import annotations

import argparse
import statistics
import time

from speed import DATA, taxonomy_for

from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

QUERIES = ["muziekles basisschool", "erfgoedonderwijs kinderen", "kunstprojecten basisschool",
           "cultuureducatie zwijndrecht", "mediacoach bibliotheek", "dansdocenten school", "cultuurcoach gemeente",
           "theaterles leerlingen", "erfgoedleerlijn museum", "subsidieregelingen cultuuronderwijs",
           "kunstvakdocenten opleiding", "leesbevordering school"]
ONE_WORD = ["leesbevorderingsprogramma", "cultuurbeleidsplan", "museumschoolbezoek", "kinderkoorrepetitie",
            "waterbeheer", "stripworkshops", "gemaalbezoek", "jeugdtheaterles", "erfgoedleerlijnen", "muziekdocenten",
            "kunstvakdocenten", "dansvoorstelling"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--passes", type=int, default=15)
    parser.add_argument("--one-word", action="store_true", help="one-word compound queries (ONE_WORD)")
    args = parser.parse_args()
    queries = ONE_WORD if args.one_word else QUERIES
    engine = SearchEngine(DATA / f"index-{args.docs}-seed{args.seed}",
                          taxonomy_for(DATA / f"corpus-{args.docs}-seed{args.seed}"))
    for q in queries:  # warm: readers, caches and sidecars opened
        engine.search(SearchParams(q=q))
    times: dict[str, list[float]] = {q: [] for q in queries}
    for _ in range(args.passes):
        for q in queries:
            start = time.perf_counter()
            engine.search(SearchParams(q=q))
            times[q].append((time.perf_counter() - start) * 1000)
    for q in queries:
        print(f"{statistics.median(times[q]):7.2f} ms  {q}")
    every = sorted(t for runs in times.values() for t in runs)
    print(f"median {statistics.median(every):.2f} ms, p95 {every[int(0.95 * len(every))]:.2f} ms "
          f"({len(queries)} queries x {args.passes} passes, {args.docs:,} documents)")
    engine.close()


if __name__ == "__main__":
    main()
