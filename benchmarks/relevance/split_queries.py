"""The fixed tune/held-out split of the judged field queries, and its check.

    python benchmarks/relevance/split_queries.py [--judgments benchmarks/relevance/judgments_field.yaml] [--check]

Per kind (kinds in alphabetical order), the queries in file order are shuffled with random.Random(SEED) and
alternately assigned tune, heldout, tune, ... so each kind is split in half. The split was drawn once, when
the judgments were written and before any engine was run on them; it is stored in the judgments file
(`split:` per query) and must not be redrawn. --check recomputes it and fails when the file differs, so a
query cannot silently change halves; without --check the computed split is printed."""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

SEED = 11


def compute_split(queries: list[dict]) -> dict[str, str]:
    rng = random.Random(SEED)
    split: dict[str, str] = {}
    for kind in sorted({q["kind"] for q in queries}):
        texts = [q["query"] for q in queries if q["kind"] == kind]
        rng.shuffle(texts)
        for i, text in enumerate(texts):
            split[text] = "tune" if i % 2 == 0 else "heldout"
    return split


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judgments", type=Path, default=Path(__file__).with_name("judgments_field.yaml"))
    parser.add_argument("--check", action="store_true", help="fail if the stored split differs")
    args = parser.parse_args()
    queries = yaml.safe_load(args.judgments.read_text(encoding="utf-8"))["queries"]
    split = compute_split(queries)
    if args.check:
        wrong = [q["query"] for q in queries if q.get("split") != split[q["query"]]]
        for text in wrong:
            print(f"split differs: {text!r}", file=sys.stderr)
        print(f"{len(queries)} queries, {len(wrong)} with a different split")
        return 1 if wrong else 0
    for q in queries:
        print(f"{split[q['query']]:<8} {q['kind']:<9} {q['query']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
