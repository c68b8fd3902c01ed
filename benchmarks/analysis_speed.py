"""Speed of the Dutch analyzer: import + first call (vocabulary load), then warm throughput.

    .venv/bin/python benchmarks/analysis_speed.py [path/to/text ...]

Without paths it uses the seed report in ../shared/seeds. Prints tokens/s for analyze(), for the Whoosh
analyzer as the index calls it (positions + chars), and documents/s of ~300 words into a RAM index.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
t0 = time.perf_counter()
from kennisplatform import analysis  # noqa: E402

t_import = time.perf_counter() - t0

REPO = Path(__file__).resolve().parent.parent
paths = [Path(p) for p in sys.argv[1:]] or sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
text = "\n".join(p.read_text(encoding="utf-8") for p in paths)

t0 = time.perf_counter()
analysis.analyze("Cultuureducatie en erfgoedleerlijnen voor kinderen")
t_first = time.perf_counter() - t0
print(f"import {t_import * 1000:.0f} ms, first call (loads the word list) {t_first * 1000:.0f} ms")

words = analysis._WORD.findall(text)
random.seed(0)
docs = [" ".join(random.choices(words, k=300)) for _ in range(1000)]
n_words = sum(len(analysis._WORD.findall(d)) for d in docs)

t0 = time.perf_counter()
for d in docs:
    analysis.analyze(d)
cold = time.perf_counter() - t0
print(f"cold cache: {n_words / cold:,.0f} words/s ({len(set(words))} distinct words)")


def best_of(fn, repeat=3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run_analyze():
    for d in docs:
        analysis.analyze(d)


ana = analysis.dutch_analyzer()


def run_whoosh():
    for d in docs:
        for _ in ana(d, positions=True, chars=True, boosts=True, mode="index"):
            pass


n_tokens = sum(1 for d in docs for _ in ana(d, mode="index"))
print(f"warm analyze(): {n_words / best_of(run_analyze):,.0f} words/s")
print(f"warm Whoosh analyzer (positions, chars): {n_words / best_of(run_whoosh):,.0f} words/s, "
      f"{n_tokens / best_of(run_whoosh):,.0f} tokens/s (with compound parts, {n_tokens / n_words:.2f} per word)")

from whoosh import fields  # noqa: E402
from whoosh.filedb.filestore import RamStorage  # noqa: E402

for label, extra in (("body", {}), ("body + spell field", {"spell": fields.TEXT(
        analyzer=analysis.spelling_analyzer(), phrase=False)})):
    schema = fields.Schema(id=fields.ID(stored=True, unique=True), body=fields.TEXT(analyzer=ana, phrase=True),
                           **extra)
    ix = RamStorage().create_index(schema)
    t0 = time.perf_counter()
    with ix.writer() as writer:
        for i, d in enumerate(docs):
            writer.add_document(id=str(i), body=d, **({"spell": d} if extra else {}))
    elapsed = time.perf_counter() - t0
    print(f"RAM index, {label}, one process: {len(docs) / elapsed:,.0f} docs/s of 300 words")

# The same index with Whoosh's own StemmingAnalyzer: how much of the indexing time is the analyzer?
from whoosh.analysis import StemmingAnalyzer  # noqa: E402

ix = RamStorage().create_index(fields.Schema(id=fields.ID(stored=True, unique=True),
                                             body=fields.TEXT(analyzer=StemmingAnalyzer(), phrase=True)))
t0 = time.perf_counter()
with ix.writer() as writer:
    for i, d in enumerate(docs):
        writer.add_document(id=str(i), body=d)
elapsed = time.perf_counter() - t0
print(f"for comparison, body only with Whoosh's StemmingAnalyzer: {len(docs) / elapsed:,.0f} docs/s")

# Cold cache on words never seen: the cost of the first occurrence of each distinct word.
from wordfreq import top_n_list  # noqa: E402

fresh = [w for w in top_n_list("nl", 60_000)[10_000:] if w.isalpha()][:40_000]
analysis.word_terms.cache_clear()
analysis.stem.cache_clear()
analysis.split_compound.cache_clear()
analysis.compound_parts.cache_clear()
t0 = time.perf_counter()
for w in fresh:
    analysis.word_terms(w)
elapsed = time.perf_counter() - t0
print(f"cold cache, {len(fresh):,} distinct words: {len(fresh) / elapsed:,.0f} words/s")
