"""Speed of the search engine: rebuild throughput, index size and query latency, optionally against peers.

    .venv/bin/python benchmarks/speed.py --docs 10000 [--docs 100000] [--queries 200] [--peers]
                                         [--seed 1] [--repeat 1] [--no-rebuild] [--json out.json]
                                         [--profile out.prof]

For each corpus size: generates the synthetic corpus (generate_corpus.py) in benchmarks/data/ or reuses it,
rebuilds our index from scratch (update_index(rebuild=True)), opens a fresh SearchEngine and times the same
queries in three modes:

    plain     top-10, no facet counts                     engine.search(params, with_facets=False)
    facets    top-10 with all six facet counts            engine.search(params, with_facets=True, with_similar=True)
    filtered  1-3 facet selections (two regions, a CMK period ...) with counts, and similar pages as above
(`with_similar`: a first page that the listing does not fill is followed by pages like its results, as the search
page and the API list them)

With `--pages`, the same queries are then fetched as search pages through the app (Flask's test client, no
network): the HTML a visitor gets, in two modes, "page" (/zoeken?q=...) and "page filtered" (with the
selections), after one warm-up pass; this includes the facet lists, the map and the timeline, the template
and the search log.

Queries are 1-3 words drawn from the corpus vocabulary (field words, common Dutch words, place names),
phrases taken from the documents, prefixes (leer*) and words with a typo. First a "cold" pass runs every
query once on the fresh engine (its caches empty: what the first visitor of a query sees); then the warm
passes interleave the modes per query, `--repeat` times, keeping each query's median.

`--peers` builds SQLite FTS5, tantivy and plain Whoosh (see peers.py; `--peer` picks some) on the same
documents and times them on the same queries and modes. Timings are wall-clock, single-threaded,
in-process; build times include reading and parsing the corpus files.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import json
import multiprocessing
import os
import platform
import pstats
import random
import resource
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import generate_corpus  # noqa: E402
import peers as peer_engines  # noqa: E402
from kennisplatform import analysis, schema  # noqa: E402
from kennisplatform.corpus import read_corpus, read_file, scan, taxonomy_for  # noqa: E402
from kennisplatform.index import apply_changes, is_current, update_index  # noqa: E402
from kennisplatform.params import PERIODS, SearchParams  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402

DATA = HERE / "data"
MODES = ("plain", "facets", "filtered")
KINDS = {"1 word": 30, "2 words": 27, "3 words": 13, "phrase": 12, "prefix": 9, "typo": 9}
# Targets from the brief (docs/performance.md): p95 of a faceted search, facet overhead, rebuild rate.
TARGET_P95_MS = {10_000: 20.0, 100_000: 150.0}
TARGET_FACET_OVERHEAD = 0.25
TARGET_REBUILD_RATE = 500.0


@dataclass(frozen=True)
class BenchQuery:
    text: str  # as a user types it: what our engine parses
    kind: str  # one of KINDS
    words: tuple[str, ...]  # what a peer searches for (prefix: the stem, without '*')
    selection: tuple[tuple[str, tuple[str, ...]], ...] = ()  # facet selections of the filtered mode

    @property
    def peer_kind(self) -> str:
        return {"phrase": "phrase", "prefix": "prefix"}.get(self.kind, "words")

    def params(self, filtered: bool) -> SearchParams:
        return SearchParams(q=self.text, **(dict(self.selection) if filtered else {}))

    def selection_dict(self, filtered: bool) -> dict[str, tuple[str, ...]]:
        return dict(self.selection) if filtered else {}


@dataclass
class PeerQuery:
    """The view of a BenchQuery that peers.py reads."""

    kind: str
    words: tuple[str, ...]


@dataclass
class Latency:
    median: float
    p95: float
    mean: float
    max: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Latency":
        ms = sorted(s * 1000 for s in seconds)
        return cls(statistics.median(ms), percentile(ms, 95), statistics.fmean(ms), ms[-1])


@dataclass
class EngineRun:
    name: str
    docs: int
    build_seconds: float | None = None
    size_mb: float | None = None
    open_ms: float | None = None
    latency: dict[str, Latency] = field(default_factory=dict)  # mode (and "cold") -> latency
    median_total: dict[str, float] = field(default_factory=dict)  # mode -> median number of results
    by_kind: dict[str, Latency] = field(default_factory=dict)  # facets mode per query kind
    facet_overhead: float | None = None  # median over queries of facets/plain - 1
    per_query_ms: dict[str, list[float]] = field(default_factory=dict)
    reopen_ms: list[float] = field(default_factory=list)  # reader reopen after each one-document commit
    cold_processes: Latency | None = None  # facets mode, first use in fresh processes
    cold_processes_cpu: Latency | None = None  # the same queries' CPU time (fairer while others load the machine)
    memory: dict | None = None  # PSS/USS of one worker and of three serving together (MB)
    long: Latency | None = None  # facets mode, long queries (--long), timed apart from the mix

    @property
    def docs_per_second(self) -> float | None:
        return self.docs / self.build_seconds if self.build_seconds else None


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, -(-len(sorted_values) * pct // 100))
    return sorted_values[int(rank) - 1]


# -- the corpus and the queries ---------------------------------------------------------------------
def corpus_dir(docs: int, seed: int) -> Path:
    return DATA / f"corpus-{docs}-seed{seed}"


def ensure_corpus(docs: int, seed: int) -> Path:
    path = corpus_dir(docs, seed)
    if generate_corpus.is_complete(path, docs, seed):
        print(f"corpus: reusing {path.relative_to(REPO)}")
    else:
        print(f"corpus: generating {docs:,} documents in {path.relative_to(REPO)} ...", flush=True)
        seconds = generate_corpus.generate(docs, path, seed)
        print(f"corpus: {docs:,} documents in {seconds:.1f} s")
    return path


def query_vocabulary(taxonomy) -> tuple[list[str], list[str], list[str]]:
    """(field words, common content words, place names) that users of the platform would type."""
    from wordfreq import top_n_list

    field_words = sorted({w for w in generate_corpus.FIELD_WORDS if len(w) > 3}
                         | {w for ws in generate_corpus.THEME_WORDS.values() for w in ws}
                         | {w for ws in generate_corpus.DISCIPLINE_WORDS.values() for w in ws})
    common = [w for w in top_n_list("nl", 6000)[150:] if w.isalpha() and len(w) >= 4]
    places = [t.label for t in taxonomy.terms("region") if t.level == "gemeente"]
    return field_words, common, places


def sample_phrases(corpus: Path, rng: random.Random, n: int) -> list[tuple[str, str]]:
    """Two adjacent words (both 4+ letters) from the bodies of random documents."""
    files = sorted(corpus.glob("verslagen/*.md"))[:2000]
    phrases: list[tuple[str, str]] = []
    while len(phrases) < n:
        text = rng.choice(files).read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        words = [w.strip(".,-").lower() for w in text.split()]
        for _ in range(20):
            i = rng.randrange(len(words) - 1)
            a, b = words[i], words[i + 1]
            if a.isalpha() and b.isalpha() and len(a) >= 4 and len(b) >= 4:
                phrases.append((a, b))
                break
    return phrases


def typo(word: str, rng: random.Random) -> str:
    """One edit inside the word: swap two neighbours, drop, double or replace a letter."""
    i = rng.randrange(1, len(word) - 2)
    edit = rng.choice(("swap", "drop", "double", "replace"))
    if edit == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if edit == "drop":
        return word[:i] + word[i + 1:]
    if edit == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioukst") + word[i + 1:]


def random_selection(taxonomy, rng: random.Random) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """1-3 facets with selections; regions often two values, years often a CMK period."""
    municipalities = [t.id for t in taxonomy.terms("region") if t.level == "gemeente"]
    regions = [t.id for t in taxonomy.terms("region") if t.level == "regio"]
    facets = rng.sample(["region", "year", "theme", "audience", "discipline", "type"], k=rng.choice((1, 2, 2, 3)))
    chosen: dict[str, tuple[str, ...]] = {}
    for facet in facets:
        if facet == "region":
            pool = regions + municipalities
            chosen[facet] = tuple(rng.sample(pool, k=2)) if rng.random() < 0.5 else (rng.choice(pool),)
        elif facet == "year":
            chosen[facet] = (rng.choice(sorted(PERIODS)),) if rng.random() < 0.6 else (str(rng.randint(2013, 2026)),)
        elif facet == "theme":
            chosen[facet] = tuple(rng.sample([t.id for t in taxonomy.terms("theme")], k=rng.choice((1, 1, 2))))
        else:
            chosen[facet] = (rng.choice([t.id for t in taxonomy.terms(facet)]),)
    from kennisplatform.params import FACETS

    return tuple((f, chosen[f]) for f in FACETS if f in chosen)


def make_queries(corpus: Path, taxonomy, n: int, seed: int) -> list[BenchQuery]:
    rng = random.Random(f"queries-{seed}")
    field_words, common, places = query_vocabulary(taxonomy)
    phrases = iter(sample_phrases(corpus, rng, n))

    def word() -> str:
        r = rng.random()
        if r < 0.55:
            return rng.choice(field_words)
        if r < 0.9:
            return rng.choice(common)
        return rng.choice(places).split()[0] if rng.random() < 0.3 else rng.choice(places)

    queries: list[BenchQuery] = []
    kinds = rng.choices(list(KINDS), weights=list(KINDS.values()), k=n)
    for kind in kinds:
        if kind.endswith("word") or kind.endswith("words"):
            words = tuple(word() for _ in range(int(kind[0])))
            text = " ".join(words)
        elif kind == "phrase":
            words = next(phrases)
            text = f'"{" ".join(words)}"'
        elif kind == "prefix":
            source = rng.choice([w for w in field_words + common[:1500] if len(w) >= 6])
            stem = source[:rng.randint(4, min(6, len(source) - 1))]
            words, text = (stem,), stem + "*"
        else:  # typo: one misspelt word, sometimes with a correct one
            bad = typo(rng.choice([w for w in field_words if len(w) >= 7 and w.isalpha()]), rng)
            words = (bad,) if rng.random() < 0.6 else (bad, word())
            text = " ".join(words)
        queries.append(BenchQuery(text, kind, tuple(w.lower() for w in words), random_selection(taxonomy, rng)))
    return queries


def make_long_queries(taxonomy, n: int, seed: int) -> list[BenchQuery]:
    """Queries of 6 to 10 words, as questions and long titles are (the mix has 1 to 3): the ranking of four words
    and more reads word positions (search._together_first, _Nearness), which the mix never reaches."""
    rng = random.Random(f"long-{seed}")
    field_words, common, _ = query_vocabulary(taxonomy)
    queries = []
    for _ in range(n):
        words = tuple(rng.choice(field_words) if rng.random() < 0.6 else rng.choice(common)
                      for _ in range(rng.randint(6, 10)))
        queries.append(BenchQuery(" ".join(words), "long", tuple(w.lower() for w in words),
                                  random_selection(taxonomy, rng)))
    return queries


# -- timing -----------------------------------------------------------------------------------------
def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def measure(name: str, docs: int, run, queries: list[BenchQuery], repeat: int,
            profile: Path | None = None) -> EngineRun:
    """run(query, mode) -> number of results. A cold pass (plain mode), then `repeat` warm passes
    interleaving the modes per query; per query the median of the warm passes. With `profile`, one more
    pass of all modes runs under cProfile afterwards (so the profiler's overhead never enters the figures)."""
    result = EngineRun(name, docs)
    totals: dict[str, list[int]] = {m: [] for m in MODES}
    gc.collect()
    cold = []
    for q in queries:
        started = time.perf_counter()
        run(q, "plain")
        cold.append(time.perf_counter() - started)
    samples: dict[str, list[list[float]]] = {m: [[] for _ in queries] for m in MODES}
    for _ in range(repeat):
        for i, q in enumerate(queries):
            for mode in MODES:
                started = time.perf_counter()
                total = run(q, mode)
                samples[mode][i].append(time.perf_counter() - started)
                if len(samples[mode][i]) == 1:
                    totals[mode].append(total)
    per_query = {m: [statistics.median(s) for s in samples[m]] for m in MODES}
    result.latency["cold"] = Latency.of(cold)
    for mode in MODES:
        result.latency[mode] = Latency.of(per_query[mode])
        result.median_total[mode] = statistics.median(totals[mode])
        result.per_query_ms[mode] = [round(s * 1000, 3) for s in per_query[mode]]
    result.per_query_ms["cold"] = [round(s * 1000, 3) for s in cold]
    for kind in KINDS:
        picked = [per_query["facets"][i] for i, q in enumerate(queries) if q.kind == kind]
        if picked:
            result.by_kind[kind] = Latency.of(picked)
    ratios = [f / p - 1 for f, p in zip(per_query["facets"], per_query["plain"]) if p > 0]
    result.facet_overhead = statistics.median(ratios)
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for q in queries:
            for mode in MODES:
                run(q, mode)
        profiler.disable()
        profiler.dump_stats(profile)
    return result


def dir_size_mb(path: Path) -> float:
    return peer_engines.dir_size_mb(path)


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_ours(corpus: Path, docs: int, seed: int, queries: list[BenchQuery], repeat: int, rebuild: bool,
             profile: Path | None, extra: "OursExtra") -> EngineRun:
    taxonomy = taxonomy_for(corpus)
    index_dir = DATA / f"index-{docs}-seed{seed}"
    build_seconds = None
    if rebuild or not is_current(index_dir, taxonomy):  # a stale index (analysis changed) is rebuilt too
        print(f"ours: rebuilding the index of {docs:,} documents ...", flush=True)
        cpu_before = _cpu_seconds()
        report = update_index(corpus, index_dir, rebuild=True, taxonomy=taxonomy)
        cpu = _cpu_seconds() - cpu_before
        if report.problems:
            print(f"ours: {len(report.problems)} problems, first: {report.problems[0]}")
        build_seconds = report.seconds
        # On a shared machine the wall clock includes waiting for the CPU; CPU seconds (this process and
        # its worker processes) say what the build itself costs: on 2 idle cores it would take cpu / 2.
        print(f"ours: {report.indexed:,} documents in {report.seconds:.1f} s "
              f"({report.indexed / report.seconds:,.0f} docs/s); CPU {cpu:.1f} s, "
              f"{cpu / report.indexed * 1000:.2f} ms per document ({report.indexed / cpu * 2:,.0f} docs/s "
              f"if both cores were ours)")
    engine = SearchEngine(index_dir, taxonomy)
    analysis.vocabulary()  # loaded once per process by the engine's first open: not the index's cost
    engine.synonyms  # noqa: B018
    open_ms = timed(engine.state) * 1000

    def run(q: BenchQuery, mode: str) -> int:
        return engine.search(q.params(mode == "filtered"), with_facets=mode != "plain",
                             with_similar=mode != "plain").total

    print(f"ours: timing {len(queries)} queries ...", flush=True)
    result = measure("ours (kennisplatform)", docs, run, queries, repeat, profile)
    result.build_seconds, result.size_mb, result.open_ms = build_seconds, dir_size_mb(index_dir), open_ms
    if extra.long:
        long_queries = make_long_queries(taxonomy, extra.long, seed)
        print(f"ours: timing {len(long_queries)} long queries ...", flush=True)

        def warm(q: BenchQuery) -> float:  # the query once first, as the mix's warm passes follow its cold one
            run(q, "facets")
            return statistics.median(timed(lambda: run(q, "facets")) for _ in range(max(repeat, 1)))

        result.long = Latency.of([warm(q) for q in long_queries])
    if extra.commits:
        print(f"ours: reopening after {extra.commits} one-document commits ...", flush=True)
        result.reopen_ms = measure_reopen(engine, corpus, index_dir, extra.commits)
    engine.close()
    if extra.cold_batch:
        print(f"ours: cold queries in fresh processes ({extra.cold_batch} per process) ...", flush=True)
        cold = measure_cold_processes(index_dir, corpus, queries, extra.cold_batch)
        result.cold_processes, result.per_query_ms["cold processes"], opens, result.cold_processes_cpu = cold
        result.per_query_ms["cold process open"] = opens
    if extra.workers:
        print(f"ours: memory of one worker, then of {extra.workers} together ...", flush=True)
        result.memory = measure_memory(index_dir, corpus, queries, extra.workers)
    return result


@dataclass
class OursExtra:
    """Modes only our engine runs (see main's options)."""

    commits: int = 5
    cold_batch: int = 25
    workers: int = 3
    long: int = 0


def measure_reopen(engine: SearchEngine, corpus: Path, index_dir: Path, commits: int) -> list[float]:
    """An editor's save, `commits` times: one document changed (apply_changes, a one-document commit),
    then the time until the engine has a new reader ready (engine.state(): Whoosh's searcher, the
    segments' arrays, facet bitsets). The document is put back as it was afterwards."""
    taxonomy = engine.taxonomy
    file = scan(corpus).files[0]
    original = read_file(file, taxonomy).document
    times = []
    for n in range(commits):
        edited = original.with_changes(body=original.body + f"\n\nBewerking {n + 1} voor de meting.\n")
        apply_changes(corpus, index_dir, upserts=[(edited, f"bench-{n}")], taxonomy=taxonomy)
        times.append(timed(engine.state) * 1000)
    apply_changes(corpus, index_dir, upserts=[(original, file.digest)], taxonomy=taxonomy)
    engine.state()
    return times


def _cold_worker(index_dir: str, corpus: str, batch: list[BenchQuery], out) -> None:
    """A fresh process: open the engine, run each query of the batch once (facets mode)."""
    engine = SearchEngine(Path(index_dir), taxonomy_for(Path(corpus)))
    open_ms = timed(engine.state) * 1000
    times, cpu = [], []
    for q in batch:
        started, cpu_started = time.perf_counter(), time.process_time()
        engine.search(q.params(False), with_facets=True, with_similar=True)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    out.put((open_ms, times, cpu))
    engine.close()


def measure_cold_processes(index_dir: Path, corpus: Path, queries: list[BenchQuery], batch: int
                           ) -> tuple[Latency, list[float], list[float], Latency]:
    """First use of every query's words: the queries in batches, each batch in a new process (spawned,
    so nothing is inherited: no analysis cache, no arrays). Returns the latency, the per-query times,
    each process's reader open time and the queries' CPU time (process time, which other processes'
    load does not inflate). The operating system's page cache is not dropped (that would
    slow every other process on the machine): the files are as warm as on a running server."""
    context = multiprocessing.get_context("spawn")
    times: list[float] = []
    cpu: list[float] = []
    opens: list[float] = []
    for start in range(0, len(queries), batch):
        out = context.Queue()
        worker = context.Process(target=_cold_worker, args=(str(index_dir), str(corpus),
                                                            queries[start:start + batch], out))
        worker.start()
        open_ms, part, part_cpu = out.get(timeout=600)
        worker.join()
        opens.append(open_ms)
        times.extend(part)
        cpu.extend(part_cpu)
    return Latency.of(times), [round(t * 1000, 3) for t in times], opens, Latency.of(cpu)


def _memory_of(pid: int) -> dict[str, float]:
    """Rss, Pss and USS (private clean + dirty) of a process in MB, from /proc/<pid>/smaps_rollup."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return {"rss": fields["Rss"], "pss": fields["Pss"],
            "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def _serving_worker(index_dir: str, corpus: str, queries: list[BenchQuery], ready, stop) -> None:
    """A web worker's search engine: open the index, answer every query in all modes, then wait."""
    engine = SearchEngine(Path(index_dir), taxonomy_for(Path(corpus)))
    for q in queries:
        for mode in MODES:
            engine.search(q.params(mode == "filtered"), with_facets=mode != "plain", with_similar=mode != "plain")
    ready.put(os.getpid())
    stop.wait(600)
    engine.close()


def _run_workers(context, index_dir: Path, corpus: Path, queries: list[BenchQuery], count: int,
                 extra_pids: tuple[int, ...] = ()) -> list[dict[str, float]]:
    """Start `count` serving workers in `context`, measure them (and `extra_pids`) once all are ready."""
    ready, stop = context.Queue(), context.Event()
    procs = [context.Process(target=_serving_worker, args=(str(index_dir), str(corpus), queries, ready, stop))
             for _ in range(count)]
    for proc in procs:
        proc.start()
    try:
        pids = [ready.get(timeout=1200) for _ in procs]
        return [_memory_of(pid) for pid in (*pids, *extra_pids)]
    finally:
        stop.set()
        for proc in procs:
            proc.join(timeout=60)


def _preloading_master(index_dir: str, corpus: str, queries: list[BenchQuery], count: int, out) -> None:
    """What `kennisplatform serve` does: the master loads what every engine of a process shares
    (search.prepare_process: the word list, the spelling corrector, the taxonomy's synonym table), then forks
    the workers, which share those pages until they write to them. Reports the workers' memory, then the
    master's."""
    from kennisplatform.search import prepare_process

    prepare_process(taxonomy_for(Path(corpus)))
    out.put(_run_workers(multiprocessing.get_context("fork"), Path(index_dir), Path(corpus), queries, count,
                         extra_pids=(os.getpid(),)))


def measure_memory(index_dir: Path, corpus: Path, queries: list[BenchQuery], workers: int) -> dict:
    """Memory of one worker alone, then of `workers` serving together (each has answered every query in
    every mode): started separately, and forked from a master that loaded what they share first (as
    `kennisplatform serve` does; the master is counted too). PSS divides shared pages (the mapped
    sidecars, the page cache of Whoosh's files, a preloaded master's memory) among the processes that
    map them, so the sum of PSS is what they use together; USS is each one's own."""
    context = multiprocessing.get_context("spawn")

    def preloaded(count: int) -> list[dict[str, float]]:
        out = context.Queue()
        master = context.Process(target=_preloading_master, args=(str(index_dir), str(corpus), queries, count, out))
        master.start()
        found = out.get(timeout=1800)
        master.join(timeout=60)
        return found

    result = {"workers": workers}
    for name, run in (("spawned", lambda n: _run_workers(context, index_dir, corpus, queries, n)),
                      ("preloaded", preloaded)):
        one, together = run(1), run(workers)
        result[name] = {"one": one, "each": together,
                        "ratio": sum(m["pss"] for m in together) / sum(m["pss"] for m in one)}
    return result


def run_pages(corpus: Path, index_dir: Path, queries: list[BenchQuery], repeat: int) -> dict:
    """Each query's search page through the app: one warm-up pass, then `repeat` passes; per query the
    median. Returns latency per mode ("page", "page filtered") and the mean page size."""
    import gzip
    import tempfile
    from urllib.parse import urlencode

    os.environ.setdefault("KENNISPLATFORM_INSTANCE", tempfile.mkdtemp(prefix="bench-instance-"))
    from kennisplatform import create_app

    app = create_app({"CORPUS_DIR": str(corpus), "INDEX_DIR": str(index_dir), "SECRET_KEY": "bench"})
    client = app.test_client()
    modes = {"page": False, "page filtered": True}
    urls = {m: ["/zoeken?" + urlencode(q.params(f).to_args()) for q in queries] for m, f in modes.items()}
    print(f"pages: timing {len(queries)} search pages x {len(modes)} modes ...", flush=True)
    sizes: list[int] = []
    zipped: list[int] = []
    for mode in modes:  # warm-up: the first request of a query fills caches (and loads templates)
        for url in urls[mode]:
            body = client.get(url).data
            sizes.append(len(body))
            zipped.append(len(gzip.compress(body)))
    samples = {m: [[] for _ in queries] for m in modes}
    gc.collect()
    for _ in range(repeat):
        for i in range(len(queries)):
            for mode in modes:
                started = time.perf_counter()
                response = client.get(urls[mode][i])
                samples[mode][i].append(time.perf_counter() - started)
                assert response.status_code == 200, (urls[mode][i], response.status_code)
    return {"latency": {m: Latency.of([statistics.median(s) for s in samples[m]]) for m in modes},
            "bytes": statistics.fmean(sizes), "gzip_bytes": statistics.fmean(zipped)}


def flattened_records(corpus: Path) -> tuple[list[dict], float]:
    """The documents as our index flattens them (the same inputs for every peer), and the seconds taken."""
    started = time.perf_counter()
    taxonomy = taxonomy_for(corpus)
    documents, _problems = read_corpus(corpus, taxonomy)
    records = [schema.to_fields(doc, "", taxonomy) for doc in documents]
    return records, time.perf_counter() - started


def run_peer(kind: str, records: list[dict], parse_seconds: float, docs: int, seed: int,
             queries: list[BenchQuery], repeat: int) -> EngineRun:
    peer = peer_engines.PEERS[kind](DATA / f"peers-{docs}-seed{seed}")
    print(f"{peer.name}: building ...", flush=True)
    build = peer_engines.timed_build(peer, records)
    print(f"{peer.name}: {len(records):,} documents in {build:.1f} s (+ {parse_seconds:.1f} s reading the corpus)")
    open_ms = timed(peer.open) * 1000
    peer_queries = {q: PeerQuery(q.peer_kind, q.words) for q in queries}

    def run(q: BenchQuery, mode: str) -> int:
        return peer.search(peer_queries[q], q.selection_dict(mode == "filtered"), mode != "plain").total

    print(f"{peer.name}: timing {len(queries)} queries ...", flush=True)
    result = measure(peer.name, docs, run, queries, repeat)
    result.build_seconds, result.size_mb, result.open_ms = parse_seconds + build, peer.size_mb(), open_ms
    peer.close()
    return result


# -- reporting --------------------------------------------------------------------------------------
def fmt(value: float | None, spec: str = ",.1f") -> str:
    return "–" if value is None else format(value, spec)


def report(docs: int, runs: list[EngineRun], queries: list[BenchQuery], repeat: int) -> str:
    lines = [f"\n== {docs:,} documents, {len(queries)} queries, warm passes: {repeat} ==", ""]
    header = (f"{'engine':<22}{'build s':>9}{'docs/s':>8}{'size MB':>9}{'open ms':>9}"
              + "".join(f"{m + ' med/p95 ms':>22}" for m in ("cold", *MODES)) + f"{'facets +%':>11}")
    lines += [header, "-" * len(header)]
    for run in runs:
        cells = "".join(f"{fmt(run.latency[m].median, '.1f') + ' / ' + fmt(run.latency[m].p95, '.1f'):>22}"
                        for m in ("cold", *MODES))
        lines.append(f"{run.name:<22}{fmt(run.build_seconds):>9}{fmt(run.docs_per_second, ',.0f'):>8}"
                     f"{fmt(run.size_mb):>9}{fmt(run.open_ms, ',.0f'):>9}{cells}"
                     f"{fmt(run.facet_overhead * 100 if run.facet_overhead is not None else None, '+.0f'):>11}")
    lines.append("")
    lines.append("median number of results (plain / facets / filtered): "
                 + "; ".join(f"{r.name} {r.median_total['plain']:,.0f} / {r.median_total['facets']:,.0f} / {r.median_total['filtered']:,.0f}"
                             for r in runs))
    ours = runs[0]
    if len(runs) > 1:
        lines += ["", "ours ÷ peer (above 1: we are slower)", ""]
        head = f"{'peer':<22}{'build':>8}{'size':>8}" + "".join(f"{m + ' med':>14}{m + ' p95':>14}" for m in MODES)
        lines += [head, "-" * len(head)]
        for peer in runs[1:]:
            def ratio(a, b):
                return fmt(a / b if a is not None and b else None, ".2f")
            cells = "".join(f"{ratio(ours.latency[m].median, peer.latency[m].median):>14}"
                            f"{ratio(ours.latency[m].p95, peer.latency[m].p95):>14}" for m in MODES)
            lines.append(f"{peer.name:<22}{ratio(ours.build_seconds, peer.build_seconds):>8}"
                         f"{ratio(ours.size_mb, peer.size_mb):>8}{cells}")
    lines += ["", "ours by query kind (facets mode):",
              "  " + ", ".join(f"{k} {v.median:.1f} / {v.p95:.1f} ms" for k, v in ours.by_kind.items())]
    if ours.long:
        lines += [f"ours long queries (6 to 10 words, facets mode, not in the mix): median {ours.long.median:.1f} ms, "
                  f"p95 {ours.long.p95:.1f} ms, max {ours.long.max:.1f} ms"]
    lines += scale_lines(ours)
    lines += ["", "targets:"] + [f"  {line}" for line in check_targets(docs, ours)]
    lines += [f"  {line}" for line in check_scale_targets(ours, runs[1:])]
    return "\n".join(lines)


def scale_lines(ours: EngineRun) -> list[str]:
    """Our reopen after one-document commits, cold queries in fresh processes, and workers' memory."""
    lines = []
    if ours.reopen_ms:
        lines += ["", f"ours: reader reopen after a one-document commit: median {statistics.median(ours.reopen_ms):.1f} ms, "
                      f"max {max(ours.reopen_ms):.1f} ms ({len(ours.reopen_ms)} commits: "
                      + ", ".join(f"{t:.1f}" for t in ours.reopen_ms) + ")"]
    if ours.cold_processes:
        cold, opens = ours.cold_processes, ours.per_query_ms.get("cold process open", [])
        lines += ["", f"ours: cold faceted queries, each batch in a fresh process: median {cold.median:.1f} ms, "
                      f"p95 {cold.p95:.1f} ms, max {cold.max:.1f} ms; first open per process median "
                      f"{statistics.median(opens):.0f} ms"]
        if ours.cold_processes_cpu:
            cpu = ours.cold_processes_cpu
            lines += [f"  their CPU time (process time, not inflated by other processes' load): median "
                      f"{cpu.median:.1f} ms, p95 {cpu.p95:.1f} ms, max {cpu.max:.1f} ms"]
    if ours.memory:
        memory = ours.memory
        lines += ["", "ours: memory of workers that have answered every query in every mode (MB):"]
        for name, label in (("spawned", "started separately"),
                            ("preloaded", "forked from a preloaded master, master included (last)")):
            one, each = memory[name]["one"], memory[name]["each"]
            lines += [f"  {label}: one worker PSS {_total(one, 'pss')} in all (USS {_each(one, 'uss')}); "
                      f"{memory['workers']} workers PSS {_total(each, 'pss')} in all = {memory[name]['ratio']:.2f}x "
                      f"(USS each {_each(each, 'uss')}; RSS each {_each(each, 'rss')})"]
    return lines


def _total(measures: list[dict[str, float]], key: str) -> str:
    return f"{sum(m[key] for m in measures):,.0f}"


def _each(measures: list[dict[str, float]], key: str) -> str:
    return ", ".join(f"{m[key]:,.0f}" for m in measures)


def check_scale_targets(ours: EngineRun, peers: list[EngineRun]) -> list[str]:
    """Issue 14's targets (set for 100,000 documents)."""
    out = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    if ours.reopen_ms:
        worst = max(ours.reopen_ms)
        out.append(f"reopen after a one-document commit {worst:.1f} ms (slowest), target <= 50 ms: {verdict(worst <= 50)}")
    if ours.cold_processes:
        p95 = ours.cold_processes.p95
        out.append(f"cold faceted p95 {p95:.1f} ms, target <= 20 ms: {verdict(p95 <= 20)}")
    tantivy = next((p for p in peers if p.name == "tantivy"), None)
    if tantivy:
        for mode in ("facets", "filtered"):
            ratio = ours.latency[mode].p95 / tantivy.latency[mode].p95
            out.append(f"{mode} p95 {ratio:.2f}x tantivy's, target <= 1.5x: {verdict(ratio <= 1.5)}")
    if ours.memory:
        for name in ("spawned", "preloaded"):
            ratio = ours.memory[name]["ratio"]
            out.append(f"{ours.memory['workers']} workers ({name}) use {ratio:.2f}x the memory of one (PSS), "
                       f"target <= 1.5x: {verdict(ratio <= 1.5)}")
    if ours.docs_per_second is not None:
        rate = ours.docs_per_second
        out.append(f"rebuild {rate:,.0f} docs/s, target >= 1,000: {verdict(rate >= 1000)}")
    return out


def check_targets(docs: int, ours: EngineRun) -> list[str]:
    out = []
    target = TARGET_P95_MS.get(docs)
    for mode in ("facets", "filtered"):
        p95 = ours.latency[mode].p95
        if target is not None:
            verdict = "met" if p95 <= target else "MISSED"
            out.append(f"{mode} search p95 {p95:.1f} ms, target <= {target:.0f} ms: {verdict}")
    overhead = ours.facet_overhead
    out.append(f"facet counting adds {overhead * 100:+.0f}% (median per query), target <= "
               f"{TARGET_FACET_OVERHEAD * 100:.0f}%: {'met' if overhead <= TARGET_FACET_OVERHEAD else 'MISSED'}")
    if ours.docs_per_second is not None:
        rate = ours.docs_per_second
        out.append(f"rebuild {rate:,.0f} docs/s, target >= {TARGET_REBUILD_RATE:.0f}: "
                   f"{'met' if rate >= TARGET_REBUILD_RATE else 'MISSED'}")
    return out


def code_version() -> str:
    """The commit measured, marked when files under kennisplatform/ differ from it."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "kennisplatform")
    return f"{commit} (kennisplatform/ has uncommitted changes)" if dirty else commit


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}",
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, action="append", help="corpus size (repeatable); default 10000")
    parser.add_argument("--queries", type=int, default=200, help="number of queries (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="warm passes; each query's median is kept")
    parser.add_argument("--peers", action="store_true", help="also SQLite FTS5, tantivy and plain Whoosh")
    parser.add_argument("--peer", action="append", choices=sorted(peer_engines.PEERS),
                        help="only this peer (repeatable; implies --peers)")
    parser.add_argument("--no-rebuild", action="store_true", help="reuse our index if present (no build figures)")
    parser.add_argument("--json", type=Path, help="write all figures (and per-query times) to this file")
    parser.add_argument("--profile", type=Path, help="cProfile our warm passes into this file (.prof)")
    parser.add_argument("--pages", action="store_true", help="also time the search page (HTML) of each query")
    parser.add_argument("--long", type=int, default=0,
                        help="also time this many queries of 6 to 10 words (facets mode), apart from the mix")
    parser.add_argument("--commits", type=int, default=5,
                        help="one-document commits after which our reader reopen is timed (0: skip)")
    parser.add_argument("--cold-batch", type=int, default=25,
                        help="queries per fresh process in our cold-process mode (0: skip)")
    parser.add_argument("--workers", type=int, default=3,
                        help="worker processes serving together for the memory figures (0: skip)")
    args = parser.parse_args(argv)
    sizes = args.docs or [10_000]
    chosen = args.peer or (sorted(peer_engines.PEERS, key=["fts5", "tantivy", "whoosh"].index) if args.peers else [])

    info = machine()
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, Python {info['python']}, "
          f"{info['system']}")
    version = code_version()
    print(f"code: {version}")
    output = {"machine": info, "code": version, "command": " ".join(sys.argv), "runs": []}
    for docs in sizes:
        started = time.perf_counter()
        load = os.getloadavg()
        print(f"load average at the start: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
        corpus = ensure_corpus(docs, args.seed)
        queries = make_queries(corpus, taxonomy_for(corpus), args.queries, args.seed)
        profile = None
        if args.profile:
            profile = args.profile if len(sizes) == 1 else args.profile.with_suffix(f".{docs}.prof")
        extra = OursExtra(args.commits, args.cold_batch, args.workers, args.long)
        runs = [run_ours(corpus, docs, args.seed, queries, args.repeat, not args.no_rebuild, profile, extra)]
        pages = run_pages(corpus, DATA / f"index-{docs}-seed{args.seed}", queries, args.repeat) if args.pages else {}
        if chosen:
            records, parse_seconds = flattened_records(corpus)
            for kind in chosen:
                try:
                    runs.append(run_peer(kind, records, parse_seconds, docs, args.seed, queries, args.repeat))
                except ImportError as exc:  # tantivy is the optional `bench` extra
                    print(f"{kind}: skipped ({exc}; pip install -e '.[bench]')")
            del records
        print(report(docs, runs, queries, args.repeat))
        if pages:
            print("\nsearch pages (HTML through the app), median / p95 / max ms: " + "; ".join(
                f"{mode} {lat.median:.1f} / {lat.p95:.1f} / {lat.max:.1f}" for mode, lat in pages["latency"].items())
                + f"; page size {pages['bytes']:,.0f} bytes, {pages['gzip_bytes']:,.0f} gzipped (mean)")
        load = os.getloadavg()
        print(f"\n(run took {time.perf_counter() - started:.0f} s; max RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB; load average at the end "
              f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores: above 1, other "
              f"processes shared the CPU and the times are inflated)")
        if profile:
            print(f"\nprofile of our warm passes: {profile}; top functions by own time:")
            pstats.Stats(str(profile)).sort_stats("tottime").print_stats(15)
        output["runs"].append({"docs": docs, "load_average_at_end": load, "queries": [asdict(q) for q in queries],
                               "engines": [asdict(r) for r in runs],
                               "pages": {**pages, "latency": {m: asdict(v) for m, v in pages.get("latency", {}).items()}}})
    if args.json:
        args.json.write_text(json.dumps(output, indent=1, ensure_ascii=False))
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
