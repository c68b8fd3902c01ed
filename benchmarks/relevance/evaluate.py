"""Relevance benchmark: nDCG@10, MRR and Recall@10 of our engine and of SQLite FTS5 on judged queries.

    python benchmarks/relevance/evaluate.py [--corpus corpus] [--judgments benchmarks/relevance/judgments.yaml]
                                            [--per-query]

The judgments were made by reading the starter corpus: for each query, every document that is relevant
gets a grade (3 = exactly what was asked, 2 = clearly relevant, 1 = partly relevant; unlisted = 0).
The peer is a plain search: FTS5 with the unicode61 tokenizer (diacritics removed), bm25, words ORed."""
from __future__ import annotations

import argparse
import math
import re
import sqlite3
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from kennisplatform.corpus import read_corpus, taxonomy_for  # noqa: E402
from kennisplatform.documents import plain_text  # noqa: E402
from kennisplatform.index import update_index  # noqa: E402
from kennisplatform.params import SearchParams, clean_query  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402

K = 10


@dataclass
class Judged:
    query: str
    kind: str
    grades: dict[str, int]


def load_judgments(path: Path) -> list[Judged]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Judged(str(item["query"]), item["kind"], {str(k): int(v) for k, v in item["relevant"].items()})
            for item in data["queries"]]


def ndcg(ranking: list[str], grades: dict[str, int], k: int = K) -> float:
    gains = [(2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranking[:k])]
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return sum(gains) / best if best else 0.0


def reciprocal_rank(ranking: list[str], grades: dict[str, int]) -> float:
    for i, doc in enumerate(ranking):
        if grades.get(doc, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


def recall(ranking: list[str], grades: dict[str, int], k: int = K) -> float:
    relevant = {d for d, g in grades.items() if g > 0}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


class Ours:
    name = "kennisplatform"

    def __init__(self, corpus: Path, workdir: Path):
        taxonomy = taxonomy_for(corpus)
        update_index(corpus, workdir / "index", rebuild=True, taxonomy=taxonomy)
        self.engine = SearchEngine(workdir / "index", taxonomy)

    def rank(self, query: str) -> list[str]:
        result = self.engine.search(SearchParams(q=clean_query(query), per_page=K), with_facets=False)
        return [hit.id for hit in result.hits]


class Fts5:
    """The plain peer: what a developer gets from SQLite in an afternoon."""

    name = "sqlite-fts5"

    def __init__(self, corpus: Path, workdir: Path):
        documents, _ = read_corpus(corpus)
        self.db = sqlite3.connect(workdir / "fts.db")
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, summary, body, "
                        "tokenize = 'unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                            [(d.id, d.title, d.summary, plain_text(d.body)) for d in documents])
        self.db.commit()

    def rank(self, query: str) -> list[str]:
        words = re.findall(r"\w+", query.lower())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        rows = self.db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3.0, 1.8, 1.0) "
                               "LIMIT ?", (match, K)).fetchall()
        return [row[0] for row in rows]


def evaluate(engine, judged: list[Judged]) -> dict[str, dict[str, float]]:
    per_kind: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    per_query = {}
    for item in judged:
        ranking = engine.rank(item.query)
        scores = (ndcg(ranking, item.grades), reciprocal_rank(ranking, item.grades), recall(ranking, item.grades))
        per_kind[item.kind].append(scores)
        per_kind["overall"].append(scores)
        per_query[item.query] = scores
    table = {kind: {"nDCG@10": sum(s[0] for s in rows) / len(rows), "MRR": sum(s[1] for s in rows) / len(rows),
                    "Recall@10": sum(s[2] for s in rows) / len(rows), "n": len(rows)}
             for kind, rows in per_kind.items()}
    return {"table": table, "per_query": per_query}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--judgments", type=Path, default=Path(__file__).with_name("judgments.yaml"))
    parser.add_argument("--per-query", action="store_true", help="print each query's scores")
    args = parser.parse_args()
    judged = load_judgments(args.judgments)
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for cls in (Ours, Fts5):
            workdir = Path(tmp) / cls.name
            workdir.mkdir()
            results[cls.name] = evaluate(cls(args.corpus, workdir), judged)
    ours, peer = results["kennisplatform"], results["sqlite-fts5"]
    print(f"{len(judged)} judged queries, corpus {args.corpus}")
    print(f"{'kind':<14}{'n':>3}  {'nDCG@10 ours / fts5':>21}  {'MRR ours / fts5':>17}  {'R@10 ours / fts5':>17}")
    kinds = ["overall"] + sorted(k for k in ours["table"] if k != "overall")
    for kind in kinds:
        o, p = ours["table"][kind], peer["table"][kind]
        print(f"{kind:<14}{o['n']:>3}  {o['nDCG@10']:>10.3f} / {p['nDCG@10']:.3f}  {o['MRR']:>8.3f} / {p['MRR']:.3f}"
              f"  {o['Recall@10']:>8.3f} / {p['Recall@10']:.3f}")
    if args.per_query:
        print("\nper query (nDCG@10 ours / fts5):")
        for item in judged:
            a, b = ours["per_query"][item.query][0], peer["per_query"][item.query][0]
            flag = "  <-- fts5 better" if b > a + 1e-9 else ""
            print(f"  [{item.kind}] {item.query!r}: {a:.3f} / {b:.3f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
