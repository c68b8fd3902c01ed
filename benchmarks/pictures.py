"""What the map and the timeline cost a search page, measured in one process so that a busy machine weighs on
both sides alike.

    .venv/bin/python benchmarks/pictures.py [--docs 10000] [--queries 100] [--repeat 5] [--seed 1]

Uses speed.py's corpus, index and queries (run speed.py for that size first). For every query the search page
(/zoeken?q=..., and again with the query's facet selections) is fetched through the app twice in a row,
alternating which goes first: as it is, and with the pictures left out (the view's `_pictures` step replaced
by one that draws nothing). Prints the page latencies of both, the per-query difference, and the pictures'
share of the page in bytes and gzipped bytes.
"""
from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import speed  # noqa: E402
from kennisplatform.corpus import taxonomy_for  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = speed.corpus_dir(args.docs, args.seed)
    index = speed.DATA / f"index-{args.docs}-seed{args.seed}"
    if not index.exists():
        raise SystemExit(f"no index at {index}: run speed.py --docs {args.docs} first")
    queries = speed.make_queries(corpus, taxonomy_for(corpus), args.queries, args.seed)
    os.environ.setdefault("KENNISPLATFORM_INSTANCE", tempfile.mkdtemp(prefix="bench-instance-"))
    from kennisplatform import create_app
    from kennisplatform.views import search as search_view

    app = create_app({"CORPUS_DIR": str(corpus), "INDEX_DIR": str(index), "SECRET_KEY": "bench"})
    client = app.test_client()
    drawn = search_view._pictures

    def fetch(url: str, pictures: bool) -> tuple[float, bytes]:
        search_view._pictures = drawn if pictures else (lambda *a, **k: (None, None))
        started = time.perf_counter()
        body = client.get(url).data
        return time.perf_counter() - started, body

    urls = ["/zoeken?" + urlencode(q.params(filtered).to_args()) for q in queries for filtered in (False, True)]
    for url in urls:  # warm-up
        fetch(url, True), fetch(url, False)
    with_ms: list[float] = []
    without_ms: list[float] = []
    added: list[float] = []
    share: list[tuple[int, int, int, int]] = []
    for i, url in enumerate(urls):
        a, b = [], []
        for r in range(args.repeat):
            order = (True, False) if (i + r) % 2 == 0 else (False, True)
            for pictures in order:
                seconds, body = fetch(url, pictures)
                (a if pictures else b).append(seconds)
        with_ms.append(statistics.median(a) * 1000)
        without_ms.append(statistics.median(b) * 1000)
        added.append(with_ms[-1] - without_ms[-1])
        full, bare = fetch(url, True)[1], fetch(url, False)[1]
        share.append((len(full), len(bare), len(gzip.compress(full)), len(gzip.compress(bare))))
    search_view._pictures = drawn

    def line(name: str, values: list[float]) -> str:
        ordered = sorted(values)
        return (f"{name:<22} median {statistics.median(ordered):6.2f}  p95 {speed.percentile(ordered, 95):6.2f}  "
                f"max {ordered[-1]:6.2f} ms")

    print(f"{len(urls)} search pages ({args.queries} queries, plain and filtered), {args.repeat} alternating "
          f"passes each, {args.docs:,} documents")
    print(line("with map and timeline", with_ms))
    print(line("without", without_ms))
    print(line("difference per page", added))
    mean = [statistics.fmean(column) for column in zip(*share)]
    print(f"page size: {mean[0]:,.0f} bytes with, {mean[1]:,.0f} without; gzipped {mean[2]:,.0f} with, "
          f"{mean[3]:,.0f} without: the pictures add {mean[2] - mean[3]:,.0f} bytes gzipped (mean), "
          f"at most {max(s[2] - s[3] for s in share):,.0f}")
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
