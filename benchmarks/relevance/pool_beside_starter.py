"""The pool of starter documents to judge for the tuning queries measured beside the bundled corpus.

    python benchmarks/relevance/pool_beside_starter.py > /tmp/pool.txt

`evaluate.py --beside-starter` imports a collection into a copy of the bundled corpus; its 63 starter documents
are unjudged there, so a starter document that answers a query counted as wrong. This script pools, for every
TUNING query of the field set (split tune), tune2, tune3 and tune4, the starter documents that any of the three
engines puts in its first 10, and prints each query's pool sorted by id with the document's title and summary:
blind, without the engines' ranks, so that judging it cannot lean on who found what. Pairs already graded in
beside_starter_grades.yaml are marked, so that a later pool (after a ranking change) lists only what is new.
Held-out queries are never run here: their beside-starter figures stay unjudged, comparable between engines only.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from evaluate import (  # noqa: E402
    BESIDE_STARTER_JUDGMENTS, ENGINES, NAMED_SETS, STARTER_CORPUS, import_collection, load_judged,
)

from kennisplatform.corpus import read_corpus  # noqa: E402

# The tuning sets whose queries are pooled (the field set only its tune half).
POOLED_SETS = ("field", "tune2", "tune3", "tune4")


def pooled_grades() -> dict[str, dict[str, dict[str, int]]]:
    """judgments file name -> query -> starter id -> grade, as far as judged already."""
    if not BESIDE_STARTER_JUDGMENTS.exists():
        return {}
    return yaml.safe_load(BESIDE_STARTER_JUDGMENTS.read_text(encoding="utf-8"))["judgments"] or {}


def main() -> int:
    starter, _ = read_corpus(STARTER_CORPUS)
    about = {d.id: (d.title, d.summary) for d in starter}
    known = pooled_grades()
    for name in POOLED_SETS:
        collection, judgments, _ = NAMED_SETS[name]
        with tempfile.TemporaryDirectory() as tmp:
            source = import_collection(collection, Path(tmp), beside_starter=True)
            judged, _ = load_judged(judgments, source.ids_by_url)
            tuning = [j for j in judged if j.split == "tune"]
            pools: dict[str, set[str]] = {j.query: set() for j in tuning}
            for cls in ENGINES.values():
                workdir = Path(tmp) / cls.name
                workdir.mkdir()
                engine = cls(source.corpus, workdir)
                for item in tuning:
                    pools[item.query] |= {d for d in engine.rank(item.query) if d in about}
        graded = known.get(judgments.name, {})
        print(f"\n##### {judgments.name}: {len(tuning)} tuning queries, "
              f"{sum(len(p) for p in pools.values())} pooled pairs")
        for item in tuning:
            if not pools[item.query]:
                continue
            print(f"\n=== [{item.kind}] {item.query!r}")
            for doc_id in sorted(pools[item.query]):
                title, summary = about[doc_id]
                mark = f"graded {graded[item.query][doc_id]}" if doc_id in graded.get(item.query, {}) else "NEW"
                print(f"  {doc_id}  [{mark}]\n      {title}\n      {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
