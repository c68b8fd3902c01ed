"""Compound splitting measured: our splitter (analysis.split_compound) against hunspell-nl and Frog.

    python benchmarks/relevance/morphology.py [--field | --corpus corpus --judgments ...]
                                              [--splitter ours --splitter hunspell --splitter frog ...]

Each alternative is run once over the collection's vocabulary (every folded word of at least
analysis.MIN_COMPOUND letters), as it would be at build time, never per query; its splits replace
analysis.split_compound while our index is built, and the judged queries are evaluated (nDCG@10 per kind).

- hunspell: `hunspell -d nl -m` (Debian hunspell + hunspell-nl, OpenTaal's dictionary). A word is split
  where the dictionary's analysis names its parts (`pa:` fields); otherwise it is not split.
- frog: Frog's morphological analyser MBMA (`frog --skip=mpcnl --deep-morph`, Debian frog + frogdata).
  A word tagged as a compound is split at its top-level constituents when their morphemes spell the word.
- none: no compound splitting at all.
The timings of the external runs are printed. Needs the Debian packages only for this benchmark."""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate  # noqa: E402

from kennisplatform import analysis  # noqa: E402
from kennisplatform.corpus import read_corpus  # noqa: E402
from kennisplatform.documents import plain_text  # noqa: E402


def vocabulary(corpus: Path) -> list[str]:
    """Folded words of the corpus that the splitter would look at."""
    documents, _ = read_corpus(corpus)
    words: set[str] = set()
    for doc in documents:
        for token in analysis.tokenize(f"{doc.title} {doc.summary} {plain_text(doc.body)}"):
            word = analysis.fold(token)
            if analysis.MIN_COMPOUND <= len(word) <= analysis.MAX_COMPOUND and word.isalpha():
                words.add(word)
    return sorted(words)


def hunspell_splits(words: list[str]) -> dict[str, tuple[str, ...]]:
    out = subprocess.run(["hunspell", "-d", "nl", "-m"], input="\n".join(words) + "\n", capture_output=True,
                         text=True, check=True).stdout
    splits: dict[str, tuple[str, ...]] = {}
    for line in out.splitlines():
        fields = line.split()
        if not fields or fields[0] in splits:
            continue
        parts = tuple(analysis.fold(f[3:]) for f in fields[1:] if f.startswith("pa:"))
        if len(parts) >= 2:
            splits[fields[0]] = parts
    return splits


_BRACKET = re.compile(r"\[|\]|[^\[\]]+")


def _tree(text: str):
    """Frog's bracketed analysis as nested lists of morpheme strings; tags after ']' are dropped."""
    stack: list[list] = [[]]
    expect_tag = False
    for token in _BRACKET.findall(text):
        if token == "[":
            stack.append([])
            expect_tag = False
        elif token == "]":
            node = stack.pop()
            stack[-1].append(node)
            expect_tag = True
        elif expect_tag:
            expect_tag = False  # a tag such as 'noun' or 'noun/plural'
        else:
            stack[-1].append(token)
    return stack[0]


def _leaves(node) -> str:
    return node if isinstance(node, str) else "".join(_leaves(n) for n in node)


def frog_splits(words: list[str]) -> dict[str, tuple[str, ...]]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "words.txt"
        source.write_text("\n".join(words) + "\n", encoding="utf-8")
        out = subprocess.run(["frog", "-n", "-t", str(source), "--skip=mpcnl", "--deep-morph"],
                             capture_output=True, text=True, check=True, cwd=tmp).stdout
    splits: dict[str, tuple[str, ...]] = {}
    for line in out.splitlines():
        fields = line.split("\t")
        if len(fields) < 6 or not fields[5].endswith("compound"):
            continue
        word, tree = fields[1], _tree(fields[4])
        while len(tree) == 1 and isinstance(tree[0], list):
            tree = tree[0]  # the whole word's bracket
        # Inflection (plural -en) sits beside the stem compound: [[school][bestuur]][en].
        if len(tree) == 2 and isinstance(tree[0], list) and isinstance(tree[1], str):
            tree = tree[0] + [tree[1]]
        parts, position = [], 0
        for node in tree:
            piece = _leaves(node)
            if word.startswith(piece, position):
                if parts and len(piece) < analysis.MIN_PART:
                    parts[-1] += piece  # a linking -s- or an ending joins the part before it
                else:
                    parts.append(piece)
                position += len(piece)
            else:
                break
        if position == len(word) and len(parts) >= 2:
            splits[word] = tuple(parts)
    return splits


def patch_splitter(table: dict[str, tuple[str, ...]] | None) -> None:
    """Make analysis use `table` for compound splits (None: our own splitter)."""
    original = getattr(patch_splitter, "original", analysis.split_compound)
    patch_splitter.original = original
    if table is None:
        analysis.split_compound = original
    else:
        analysis.split_compound = lambda word: list(table.get(word, ()))
    analysis.clear_word_caches()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=evaluate.REPO / "corpus")
    parser.add_argument("--judgments", type=Path, default=Path(__file__).with_name("judgments.yaml"))
    parser.add_argument("--field", action="store_true", help="the real pages, imported (see evaluate.py)")
    parser.add_argument("--splitter", action="append", choices=["ours", "hunspell", "frog", "none"])
    args = parser.parse_args()
    splitters = args.splitter or ["ours", "hunspell", "frog", "none"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, judged = evaluate.variant_source(args.field, args.corpus, args.judgments, Path(tmp))
        words = vocabulary(corpus)
        ours = {w: tuple(analysis.split_compound(w)) for w in words}
        print(f"{len(words)} words of {analysis.MIN_COMPOUND}+ letters; ours splits {sum(map(bool, ours.values()))}")
        results = {}
        for name in splitters:
            table = None
            if name in ("hunspell", "frog"):
                if not shutil.which(name):
                    print(f"{name}: not installed (apt-get install "
                          f"{'hunspell hunspell-nl' if name == 'hunspell' else 'frog frogdata'})")
                    continue
                start = time.perf_counter()
                table = hunspell_splits(words) if name == "hunspell" else frog_splits(words)
                print(f"{name}: {len(table)} words split, {time.perf_counter() - start:.1f} s over the vocabulary; "
                      f"e.g. " + ", ".join(f"{w}={'+'.join(p)}" for w, p in list(table.items())[:6]))
            elif name == "none":
                table = {}
            patch_splitter(table)
            workdir = Path(tmp) / name
            workdir.mkdir()
            results[name] = evaluate.run(evaluate.Ours(corpus, workdir), judged)
        patch_splitter(None)
    print(f"\nnDCG@10 on {len(judged)} judged queries; per kind the halves "
          f"{' / '.join(h for h in dict.fromkeys(half for _, half, _ in evaluate.groups(judged)))}")
    evaluate.print_variants(judged, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
