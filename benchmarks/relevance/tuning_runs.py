"""Every tuning set's queries one by one, alone and beside the bundled corpus, and two such runs compared query by query.

    .venv/bin/python benchmarks/relevance/tuning_runs.py run /tmp/runs/start              # at the code as it is
    KP_SOME_SWITCH=1 .venv/bin/python benchmarks/relevance/tuning_runs.py run /tmp/runs/variant
    .venv/bin/python benchmarks/relevance/tuning_runs.py compare /tmp/runs/start /tmp/runs/variant [--queries]

`run` calls evaluate.py once per readable set of judged_sets.SETS (every set not marked `check`) and mode (alone,
--beside-starter), ours only with --per-query, two at a time, and keeps each output as OUT/NAME.MODE.txt; environment
variables reach the runs, so a variant switched by one is measured the same way. The check sets and the field set's
held-out half are never run here: evaluate.py prints no held-out or check query one by one, and the held-out half is
read per kind from `evaluate.py --field [--beside-starter]`. `compare` sums the per-query nDCG@10 differences (B minus
A) over the query runs both hold, with how many rose and fell, per mode; --queries lists each query that moved. This is
how the variants of docs/performance.md are measured (from session 37; earlier sessions used the same method in
scripts outside the repository).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from judged_sets import REPO, SETS  # noqa: E402

MODES = {"alone": (), "beside": ("--beside-starter",)}
# evaluate.py --per-query: "  [kind/split] 'query': 0.958"
_PER_QUERY = re.compile(r"^  \[(\w+)/[\w-]+\] (.*): ([0-9]+\.[0-9]+)$")
MOVED = 1e-9  # nDCG differences below this are the same float printed twice


@dataclass(frozen=True, order=True)
class QueryRun:
    """One query of one set in one mode."""

    set_name: str
    mode: str
    kind: str
    query: str


@dataclass
class Comparison:
    """Per-query differences between two runs (B minus A), over the query runs both hold."""

    deltas: dict[QueryRun, tuple[float, float]]  # query run -> (A's nDCG@10, B's)

    def moved(self) -> list[tuple[float, QueryRun]]:
        return sorted((b - a, run) for run, (a, b) in self.deltas.items() if abs(b - a) > MOVED)

    def total(self, mode: str | None = None) -> float:
        return sum(b - a for run, (a, b) in self.deltas.items() if mode in (None, run.mode))

    def up(self) -> int:
        return sum(1 for delta, _ in self.moved() if delta > 0)

    def down(self) -> int:
        return sum(1 for delta, _ in self.moved() if delta < 0)


def tuning_sets() -> list[str]:
    """The sets whose queries may be read one by one: never a check set."""
    return [s.name for s in SETS if s.readable]


def per_query_scores(text: str) -> dict[tuple[str, str], float]:
    """(kind, query) -> nDCG@10 from one evaluate.py --per-query output (one engine)."""
    found = {}
    for line in text.splitlines():
        match = _PER_QUERY.match(line)
        if match:
            found[(match.group(1), match.group(2))] = float(match.group(3))
    return found


def load_run(folder: Path) -> dict[QueryRun, float]:
    """Every query run of a `run` folder (files NAME.MODE.txt)."""
    runs = {}
    for path in sorted(folder.glob("*.txt")):
        set_name, _, mode = path.stem.rpartition(".")
        for (kind, query), value in per_query_scores(path.read_text(encoding="utf-8")).items():
            runs[QueryRun(set_name, mode, kind, query)] = value
    return runs


def compare(a: dict[QueryRun, float], b: dict[QueryRun, float]) -> Comparison:
    return Comparison({run: (a[run], b[run]) for run in a.keys() & b.keys()})


def _run_one(out: Path, set_name: str, mode: str) -> None:
    command = [sys.executable, str(HERE / "evaluate.py"), f"--{set_name}", *MODES[mode],
               "--engine", "kennisplatform", "--per-query"]
    with open(out / f"{set_name}.{mode}.txt", "w", encoding="utf-8") as handle:
        subprocess.run(command, cwd=REPO, stdout=handle, stderr=subprocess.STDOUT, env=os.environ, check=False)


def run(out: Path, jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for done in [pool.submit(_run_one, out, name, mode) for name in tuning_sets() for mode in MODES]:
            done.result()


def report(comparison: Comparison, queries: bool) -> str:
    lines = [f"{len(comparison.deltas)} query runs: summed {comparison.total():+.3f}, "
             f"{comparison.up()} up, {comparison.down()} down"]
    lines += [f"  {mode}: {comparison.total(mode):+.3f}" for mode in MODES]
    if queries:
        lines += [f"  {delta:+.3f}  {r.set_name}.{r.mode} [{r.kind}] {r.query}  "
                  f"({comparison.deltas[r][0]:.3f} -> {comparison.deltas[r][1]:.3f})" for delta, r in comparison.moved()]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run every tuning set alone and beside into a folder")
    run_parser.add_argument("out", type=Path)
    run_parser.add_argument("--jobs", type=int, default=2)
    compare_parser = commands.add_parser("compare", help="compare two run folders query by query")
    compare_parser.add_argument("a", type=Path)
    compare_parser.add_argument("b", type=Path)
    compare_parser.add_argument("--queries", action="store_true", help="list each query that moved")
    args = parser.parse_args()
    if args.command == "run":
        run(args.out, args.jobs)
    else:
        print(report(compare(load_run(args.a), load_run(args.b)), args.queries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
