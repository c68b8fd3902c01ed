"""What versioning costs on a large corpus: adopting it into history, one editor's save with and without
the commit, listing a document's versions with their diffs, a backup and a restore, and /health's count.

    .venv/bin/python benchmarks/history_speed.py --docs 10000 [--saves 30] [--workdir /tmp/kp-history]

The corpus is generated as for speed.py (generate_corpus.py, seed 1) and copied to the work folder, so
each run starts from a corpus without history."""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import generate_corpus  # noqa: E402

from kennisplatform import editing, health, history, versions  # noqa: E402
from kennisplatform.backup import create_backup, restore_backup  # noqa: E402
from kennisplatform.corpus import iter_markdown_files, taxonomy_for  # noqa: E402
from kennisplatform.index import update_index  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def timed(fn):
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def saves(corpus: Path, index: Path, taxonomy, doc_ids: list[str], with_history: bool) -> list[float]:
    """Seconds per save_document of an edited body (file, history commit, index update)."""
    original = history.record
    if not with_history:
        history.record = lambda *args, **kwargs: history._clear_pending(corpus)
    try:
        times = []
        for n, doc_id in enumerate(doc_ids):
            doc = editing.open_document(corpus, doc_id, taxonomy).document
            changed = doc.with_changes(body=doc.body + f"\nAanvulling {n} ({'met' if with_history else 'zonder'}).\n")
            times.append(timed(lambda: editing.save_document(corpus, index, changed, taxonomy))[0])
        return times
    finally:
        history.record = original


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--saves", type=int, default=30)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    source = DATA / f"corpus-{args.docs}-seed1"
    if not generate_corpus.is_complete(source, args.docs, 1):
        generate_corpus.generate(args.docs, source, seed=1)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kp-history-"))
    shutil.rmtree(work, ignore_errors=True)
    corpus, index, instance = work / "corpus", work / "index", work / "instance"
    shutil.copytree(source, corpus)
    instance.mkdir()
    taxonomy = taxonomy_for(corpus)
    update_index(corpus, index, taxonomy=taxonomy)
    ids = [p.stem for p in iter_markdown_files(corpus)]
    print(f"corpus: {len(ids)} documents, {sum(p.stat().st_size for p in iter_markdown_files(corpus)) / 1e6:.0f} MB")

    seconds, _ = timed(lambda: versions.prepare(corpus, index))
    print(f"adopt (first start / first `kennisplatform index`): {seconds:.1f} s")
    seconds, _ = timed(lambda: history.verify(corpus))
    print(f"check of the history (every file against HEAD): {seconds:.1f} s")

    step = max(1, len(ids) // args.saves)
    picked = ids[::step][:args.saves]
    without = saves(corpus, index, taxonomy, picked, with_history=False)
    with_history = saves(corpus, index, taxonomy, picked, with_history=True)
    history.reconcile(corpus)  # the saves without history, committed in one go
    for label, values in (("save without history", without), ("save with history", with_history)):
        print(f"{label}: median {statistics.median(values) * 1000:.0f} ms, "
              f"max {max(values) * 1000:.0f} ms ({len(values)} saves)")

    doc_id = picked[0]
    for n in range(8):
        doc = editing.open_document(corpus, doc_id, taxonomy).document
        editing.save_document(corpus, index, doc.with_changes(body=doc.body + f"\nVersie {n}.\n"), taxonomy)
    history._cache.clear()
    cold, shown = timed(lambda: versions.compared(corpus, doc_id, taxonomy))
    warm, _ = timed(lambda: versions.compared(corpus, doc_id, taxonomy))
    print(f"history page model ({len(shown)} versions, {len(history.log(corpus))} commits): "
          f"first {cold * 1000:.0f} ms, then {warm * 1000:.0f} ms")

    target = work / "backup.tar.gz"
    seconds, made = timed(lambda: create_backup(corpus, index, instance, target))
    print(f"backup: {seconds:.1f} s, {made.bytes / 1e6:.0f} MB, {made.files} files")
    restored = work / "restored"
    seconds, done = timed(lambda: restore_backup(target, restored / "corpus", restored / "index",
                                                 restored / "instance"))
    print(f"restore (unpack, verify, index rebuild): {seconds:.1f} s, {done.documents} documents")

    counter = health.CorpusCounter(corpus)
    first, counted = timed(counter.count)
    again = statistics.median(timed(counter.count)[0] for _ in range(50))
    print(f"/health corpus count: first {first * 1000:.1f} ms, unchanged {again * 1000:.2f} ms "
          f"({counted.documents} documents)")
    print(f"measured {dt.datetime.now():%Y-%m-%d %H:%M}; work folder {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
