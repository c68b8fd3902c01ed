"""What each ranking change of issue 11 adds: the engine as it is, and with one change switched off at a time.

    python benchmarks/relevance/ablation.py [--field | --corpus corpus --judgments ...]

All the changes are on the query side, so one index serves every variant; each variant gets a fresh
SearchEngine (its synonym table depends on the place names). Prints nDCG@10 per kind for each half
(tune / heldout / all), so a change is judged on both halves."""
from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate  # noqa: E402

from kennisplatform import analysis, query, search, taxonomy  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402


@contextmanager
def patched(target, name: str, value):
    old = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, old)


# name -> (what is switched off, the patch)
VARIANTS = {
    "all": ("nothing", None),
    "-filler": ("question and filler words weigh like content words",
                lambda: patched(query, "filler_stems", lambda: frozenset())),
    "-weighted": ("long queries in tiers by word count, not by weighted evidence",
                  lambda: patched(search, "LONG_QUERY", 10 ** 6)),
    "-adjectives": ("no place adjectives or extra place names (data/place_names.tsv)",
                    lambda: patched(taxonomy.Taxonomy, "place_forms", property(lambda self: {}))),
    "-placeweight": ("a place weighs 1.5 x idf instead of 8 x idf",
                     lambda: patched(search, "PLACE_BOOST", 1.5)),
    "-parts": ("a compound query word does not meet its parts written apart",
               lambda: patched(analysis, "compound_query_parts", lambda text: ())),
    "-placewords": ("a multi-word place that finds nothing is not split into its words",
                    lambda: patched(search, "_place_words", lambda parsed: None)),
    "-pairs": ("neighbouring words of a long query do not count again where a page has them together",
               lambda: patched(search, "PROXIMITY_FROM", 10 ** 6)),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=evaluate.REPO / "corpus")
    parser.add_argument("--judgments", type=Path, default=Path(__file__).with_name("judgments.yaml"))
    parser.add_argument("--field", action="store_true", help="the real pages, imported (see evaluate.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, judged = evaluate.variant_source(args.field, args.corpus, args.judgments, Path(tmp))
        ours = evaluate.Ours(corpus, Path(tmp))
        results = {}
        for name, (_, patch) in VARIANTS.items():
            with patch() if patch else patched(search, "LONG_QUERY", search.LONG_QUERY):  # (a no-op patch)
                ours.engine = SearchEngine(ours.engine.index_dir, evaluate.taxonomy_for(corpus))
                results[name] = evaluate.run(ours, judged)
            ours.engine.close()
    for name, (what, _) in VARIANTS.items():
        print(f"{name:<13} off: {what}")
    print(f"\nnDCG@10 on {len(judged)} judged queries")
    evaluate.print_variants(judged, results, width=13)
    return 0


if __name__ == "__main__":
    sys.exit(main())
