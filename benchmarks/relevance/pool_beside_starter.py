"""The pool of starter documents to judge for the queries measured beside the bundled corpus.

    python benchmarks/relevance/pool_beside_starter.py > /tmp/pool.txt              # the tuning queries
    python benchmarks/relevance/pool_beside_starter.py --held-out > /tmp/pool.txt   # the field set's held-out half
    python benchmarks/relevance/pool_beside_starter.py --check fresh18 > /tmp/pool.txt  # a check set's queries
    python benchmarks/relevance/pool_beside_starter.py --new-only [--held-out | --check NAME]  # only pairs not graded yet

`evaluate.py --beside-starter` imports a collection into a copy of the bundled corpus; its 63 starter documents
are unjudged there, so a starter document that answers a query counted as wrong. This script pools, for every
TUNING query of the field set (split tune), tune2, tune3, tune4, tune5 and tune6 (and, since session 11, the derived
title sets titles-tune3, titles-tune4 and titles-tune5; since session 12, tune7; since session 13, tune8; since
session 14, tune9; since session 18, tune10; since session 19, tune11; since session 20, tune12; since session 21,
tune13; since session 22, tune14; since session 23, tune15), the starter documents that any of the three engines
puts in its first 10, and prints each query's pool sorted by id with the document's title and summary: blind,
without the engines' ranks, so that judging it cannot lean on who found what. Pairs already graded in
beside_starter_grades.yaml are marked, so that a later pool (after a ranking change) lists only what is new.

--held-out pools the field set's held-out queries (split heldout) the same way, and only those; their grades live
under their own key of beside_starter_grades.yaml (held_out), so that a reader sees they were pooled separately.
--check NAME pools every query of a check set made to be measured beside the bundled corpus (the rows of
judged_sets.SETS marked pooled, fresh8 to the newest; each row says the session it was made in) the same way; its
grades live under a third key (check), each set under its own judgments file's name beside the others, and evaluate.py
merges them into that set's queries only. Judging a pool is not tuning: the listing gives no rank and no score, and
nobody tunes on what it shows. The older check sets (fresh to fresh7) are never pooled here.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from evaluate import (  # noqa: E402
    CHECK_KEY, ENGINES, HELD_OUT_KEY, TUNING_KEY, import_collection, load_judged, starter_grades,
)
from judged_sets import CHECK_SETS, NAMED_SETS, STARTER_CORPUS  # noqa: E402

from kennisplatform.corpus import read_corpus  # noqa: E402

# The tuning sets whose queries are pooled (the field set only its tune half).
POOLED_SETS = ("field", "tune2", "tune3", "tune4", "tune5", "tune6",
               "titles-tune3", "titles-tune4", "titles-tune5",  # session 11: derived title queries
               "tune7",  # session 12: topical and title queries over pages on the starter corpus' subjects
               "tune8",  # session 13: queries as people type them, over pages on the starter corpus' subjects
               "tune9",  # session 14: long questions and keyword queries, over practical pages on those subjects
               "tune10",  # session 18: questions and place queries, over practical and local pages
               "tune11",  # session 19: half-remembered titles and derived word forms
               "tune12",  # session 20: every kind, with typos as people make them and several topical words
               "tune13",  # session 21: half-remembered titles among alike titles and several topical words
               "tune14",  # session 22: short topical queries whose words the best pages do not use
               "tune15",  # session 23: several topical words and long questions
               # session 29: the derived compound and elided sets (their own queries; the typo sets take their
               # source queries' grades)
               "compound-field", "compound-tune3", "elided-field", "elided-tune5")
# The sets whose held-out queries are pooled with --held-out (split heldout).
HELD_OUT_SETS = ("field",)
# The check sets that may be pooled with --check NAME (every query; split NAME) are judged_sets.CHECK_SETS (the rows
# marked pooled): those made to be measured beside the bundled corpus, each graded under `check` by its judgments
# file's name. The older check sets are not among them.


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--held-out", action="store_true",
                       help="pool the field set's held-out queries instead of the tuning queries")
    which.add_argument("--check", choices=CHECK_SETS, metavar="NAME",
                       help=f"pool every query of this check set instead ({', '.join(CHECK_SETS)})")
    parser.add_argument("--new-only", action="store_true",
                        help="list only the pairs not graded yet (a later pool after a ranking change)")
    args = parser.parse_args()
    if args.check:
        split, sets, key = args.check, (args.check,), CHECK_KEY
    elif args.held_out:
        split, sets, key = "heldout", HELD_OUT_SETS, HELD_OUT_KEY
    else:
        split, sets, key = "tune", POOLED_SETS, TUNING_KEY
    starter, _ = read_corpus(STARTER_CORPUS)
    about = {d.id: (d.title, d.summary) for d in starter}
    known = starter_grades(key)
    for name in sets:
        collection, judgments, _ = NAMED_SETS[name]
        with tempfile.TemporaryDirectory() as tmp:
            source = import_collection(collection, Path(tmp), beside_starter=True)
            judged, _ = load_judged(judgments, source.ids_by_url)
            pooled = [j for j in judged if j.split == split]
            pools: dict[str, set[str]] = {j.query: set() for j in pooled}
            for cls in ENGINES.values():
                workdir = Path(tmp) / cls.name
                workdir.mkdir()
                engine = cls(source.corpus, workdir)
                for item in pooled:
                    pools[item.query] |= {d for d in engine.rank(item.query) if d in about}
        graded = known.get(judgments.name, {})
        new = sum(1 for item in pooled for d in pools[item.query] if d not in graded.get(item.query, {}))
        print(f"\n##### {judgments.name}: {len(pooled)} {split} queries, "
              f"{sum(len(p) for p in pools.values())} pooled pairs, {new} new")
        for item in pooled:
            listed = sorted(d for d in pools[item.query]
                            if not (args.new_only and d in graded.get(item.query, {})))
            if not listed:
                continue
            print(f"\n=== [{item.kind}] {item.query!r}")
            for doc_id in listed:
                title, summary = about[doc_id]
                mark = f"graded {graded[item.query][doc_id]}" if doc_id in graded.get(item.query, {}) else "NEW"
                print(f"  {doc_id}  [{mark}]\n      {title}\n      {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
