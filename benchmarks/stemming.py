"""How well the stemmer brings a word's forms together, against a lemmatizer (Frog) as the reference.

    python benchmarks/stemming.py                 # counts and the worst groups, from the stored lemma table
    python benchmarks/stemming.py --frog          # first (re)make the lemma table by running Frog (minutes)
    python benchmarks/stemming.py --top 40        # show more groups

The vocabulary is the tuning material only: the starter corpus (corpus/), the field collection
(benchmarks/relevance/collection/), collection_tune3/ and collection_tune4/, lemmatised by Frog in their
sentences (so "gelden" in "de regels gelden" is the verb, in "subsidiegelden" the noun), weighted by how
often each form occurs; and wordfreq's most common Dutch words, lemmatised one by one (no context),
weighted by their frequency. The check sets' pages (collection_fresh*/) are never read.

Two counts, each as a share of the weight:
    over-stemming   forms with another lemma than the most frequent lemma of their stem: words with
                    different lemmas that get one stem (a stem group's weight minus its largest lemma's)
    under-stemming  forms with another stem than the most frequent stem of their lemma: one lemma, several
                    stems (a lemma group's weight minus its largest stem's)
A lemmatizer keeps a noun and its verb apart (werk / werken), which search wants together, so over-stemming
counts such pairs too: read the worst groups, not only the totals. Each count is also
given for the forms Frog tags as nouns or adjectives only. The lemma table (benchmarks/stemming_lemmas.tsv)
is stored so that the count runs without Frog.
"""
from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kennisplatform import analysis  # noqa: E402

TABLE = Path(__file__).resolve().parent / "stemming_lemmas.tsv"
SOURCES = [REPO / "corpus", REPO / "benchmarks/relevance/collection",
           REPO / "benchmarks/relevance/collection_tune3", REPO / "benchmarks/relevance/collection_tune4"]
WORDFREQ_WORDS = 20_000  # wordfreq's most common Dutch words taken
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def collection_texts() -> list[str]:
    """The plain text of every tuning page (markdown and html), never a check set's."""
    texts = []
    for root in SOURCES:
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".md", ".html", ".htm", ".txt") or path.name in ("SOURCES.md", "README.md"):
                continue
            assert "fresh" not in str(path.relative_to(REPO))
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix != ".md":
                text = html.unescape(_TAGS.sub("\n", text))
            texts.append(text)
    return texts


def run_frog(text: str, one_per_line: bool) -> list[tuple[str, str, str]]:
    """(word, lemma, tag) for each token Frog finds in the text."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.txt"
        source.write_text(text, encoding="utf-8")
        args = ["frog", "-t", str(source), "--skip=acmnp"] + (["-n"] if one_per_line else [])
        out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=tmp).stdout
    rows = []
    for line in out.splitlines():
        cells = line.split("\t")
        if len(cells) >= 5:
            rows.append((cells[1], cells[2], cells[4].split("(")[0]))
    return rows


def make_table() -> None:
    """Run Frog over the tuning pages (in context) and wordfreq's common words (one by one)."""
    from wordfreq import get_frequency_dict

    counts: Counter = Counter()
    for word, lemma, tag in run_frog("\n\n".join(collection_texts()), one_per_line=False):
        if word.isalpha() and len(word) >= 2:
            counts[("pages", analysis.fold(word), analysis.fold(lemma.lower()), tag)] += 1
    common = [w for w in get_frequency_dict("nl") if w.isalpha() and len(w) >= 3][:WORDFREQ_WORDS]
    freq = get_frequency_dict("nl")
    for word, lemma, tag in run_frog("\n".join(common), one_per_line=True):
        if word in freq:
            counts[("wordfreq", analysis.fold(word), analysis.fold(lemma.lower()), tag)] += freq[word] * 1e6
    lines = ["# source\tword\tlemma\ttag\tweight (pages: occurrences; wordfreq: frequency per million)"]
    lines += [f"{s}\t{w}\t{l}\t{t}\t{c:.6g}" for (s, w, l, t), c in sorted(counts.items())]
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_table(source: str, tags: tuple[str, ...] = ()) -> dict[tuple[str, str], float]:
    """(word, lemma) -> weight of one source (only Frog's tags `tags`, if given: N nouns, ADJ, WW verbs);
    stop words left out, as the index leaves them out."""
    rows: dict[tuple[str, str], float] = defaultdict(float)
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        src, word, lemma, tag, weight = line.split("\t")
        if tags and tag not in tags:
            continue
        if src == source and word not in analysis.STOP_WORDS and lemma not in analysis.STOP_WORDS:
            rows[(word, lemma)] += float(weight)
    return rows


def measure(rows: dict[tuple[str, str], float], top: int, label: str) -> tuple[float, float]:
    by_stem: dict[str, Counter] = defaultdict(Counter)
    by_lemma: dict[str, Counter] = defaultdict(Counter)
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for (word, lemma), weight in rows.items():
        s = analysis.stem(word)
        by_stem[s][lemma] += weight
        by_lemma[lemma][s] += weight
        forms[(s, lemma)][word] += weight
    total = sum(rows.values())
    over = {s: sum(c.values()) - max(c.values()) for s, c in by_stem.items()}
    under = {l: sum(c.values()) - max(c.values()) for l, c in by_lemma.items()}
    print(f"== {label}: {len(rows)} (form, lemma) pairs, weight {total:.6g}")
    print(f"over-stemming  {sum(over.values()) / total:7.3%}  ({sum(1 for v in over.values() if v)} stems)")
    print(f"under-stemming {sum(under.values()) / total:7.3%}  ({sum(1 for v in under.values() if v)} lemmas)")

    def show(key_group, key, value):
        parts = []
        for name, w in key_group.most_common(6):
            sample = forms[(key, name) if value == "lemma" else (name, key)].most_common(3)
            parts.append(f"{name} {w / total:.3%} [{' '.join(f for f, _ in sample)}]")
        return "; ".join(parts)

    print(f"-- worst over-stemmed stems (stem: lemma share [forms])")
    for s, v in sorted(over.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {s:16} {v / total:.3%}  {show(by_stem[s], s, 'lemma')}")
    print(f"-- worst under-stemmed lemmas (lemma: stem share [forms])")
    for l, v in sorted(under.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {l:16} {v / total:.3%}  {show(by_lemma[l], l, 'stem')}")
    return sum(over.values()) / total, sum(under.values()) / total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frog", action="store_true", help="remake the lemma table with Frog first")
    parser.add_argument("--top", type=int, default=25, help="worst groups shown per count")
    args = parser.parse_args(argv)
    if args.frog or not TABLE.exists():
        make_table()
    print(f"analyzer {analysis.ANALYZER_VERSION}")
    for source, label in (("pages", "tuning pages (Frog in context, by occurrence)"),
                          ("wordfreq", f"wordfreq's {WORDFREQ_WORDS} most common words (by frequency)")):
        measure(read_table(source), args.top, label)
        # Nouns and adjectives alone: verbs' forms are kept apart on purpose (docs/performance.md, session 6).
        measure(read_table(source, ("N", "ADJ")), args.top, label + ", nouns and adjectives only")


if __name__ == "__main__":
    main()
