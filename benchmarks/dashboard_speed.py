"""What the editors' dashboard costs to list the documents last written (editing.recently_changed) and to
count those with suggestions to review (review.PendingList), on a generated corpus: a stat of every file
(before session 10) against the listing kept between loads (editing.RecentFiles), first, unchanged, and
just after a save.

    .venv/bin/python benchmarks/dashboard_speed.py --docs 100000 [--repeat 20] [--workdir /tmp] [--data DIR]

The corpus (benchmarks/data/corpus-N-seed1, from generate_corpus.py) is only read. For the loads after a
save, its folders are copied to the work folder with a hard link per file: a save replaces a file by a
rename, so the linked originals are never changed."""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kennisplatform import editing, review  # noqa: E402
from kennisplatform.corpus import iter_markdown_files, taxonomy_for  # noqa: E402
from kennisplatform.documents import PendingValue, parse_document, render_document  # noqa: E402
from kennisplatform.index import update_index  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def stat_every_file(corpus: Path, start: int = 0, count: int = 25) -> tuple[list, int]:
    """recently_changed as it was before session 10: every file listed and stat'd on every load."""
    stamps = []
    for path in iter_markdown_files(corpus):
        try:
            stamps.append((-path.stat().st_mtime_ns, path.stem.lower(), path))
        except OSError:
            continue
    stamps.sort()
    return stamps[start:start + count], len(stamps)


def stat_every_file_for_review(corpus: Path, known: dict) -> dict:
    """review.PendingList's refresh before session 10, after any save (the index version changed): every
    file listed and stat'd, and read only when its (mtime, size) changed (here: none)."""
    files = {}
    for path in iter_markdown_files(corpus):
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
        seen = known.get(path)
        files[path] = seen if seen and seen[0] == stamp else (stamp, None)
    return files


def ms(fn, repeat: int) -> float:
    """Median milliseconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def linked_copy(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=os.link, ignore=shutil.ignore_patterns(".git", ".prullenbak"))


def give_suggestions(corpus: Path, taxonomy, count: int) -> list[str]:
    """`count` documents spread over the corpus get two suggested values, as an import leaves them (each
    file replaced, not written in place: the linked original stays as it was). Their ids."""
    paths = sorted(iter_markdown_files(corpus))
    chosen = paths[::max(1, len(paths) // count)][:count]
    themes = [term.id for term in taxonomy.terms("theme")]
    for n, path in enumerate(chosen):
        doc = parse_document(path.read_text(encoding="utf-8"), path.stem, taxonomy).document
        free = [theme for theme in themes if theme not in doc.themes]
        pending = (PendingValue("themes", free[n % len(free)], 0.15), PendingValue("type", doc.type, 0.25))
        editing.replace_file(path, render_document(doc.with_changes(suggestions=pending)))
    return [path.stem for path in chosen]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--pending", type=int, default=None, help="documents with suggestions (default: 1 %%)")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=DATA, help="the folder with corpus-N-seed1 (read only)")
    args = parser.parse_args(argv)
    corpus = args.data / f"corpus-{args.docs}-seed1"
    if not corpus.is_dir():
        print(f"Geen corpus in {corpus}: maak het met generate_corpus.py.", file=sys.stderr)
        return 2
    few = max(3, args.repeat // 5)
    stat_every_file(corpus)  # the directory entries in the page cache, for both
    rows = [("a stat of every file (before), every load", ms(lambda: stat_every_file(corpus), few))]
    rows.append(("kept listing: first load (a new process)", ms(lambda: editing.RecentFiles(corpus).page(), few)))
    kept = editing.RecentFiles(corpus)
    kept.page()
    rows.append(("kept listing: a load with nothing changed", ms(kept.page, args.repeat)))
    middle = kept.page()[1] // 2
    rows.append((f"kept listing: the middle page (documents {middle + 1:,}-{middle + 25:,})",
                 ms(lambda: kept.page(middle, 25), args.repeat)))

    known = stat_every_file_for_review(corpus, {})
    rows.append(("review count after a save elsewhere: a stat of every file (before)",
                 ms(lambda: stat_every_file_for_review(corpus, known), few)))

    work = Path(tempfile.mkdtemp(prefix="kp-dashboard-", dir=args.workdir))
    try:
        copy = work / "corpus"
        linked_copy(corpus, copy)
        taxonomy = taxonomy_for(copy)
        pending_ids = give_suggestions(copy, taxonomy, args.pending or max(1, args.docs // 100))
        started = time.perf_counter()
        update_index(copy, work / "index", rebuild=True, taxonomy=taxonomy)
        print(f"{len(pending_ids):,} documents with suggestions; the copy indexed in "
              f"{time.perf_counter() - started:.0f} s (not timed below)", file=sys.stderr)
        engine = SearchEngine(work / "index", taxonomy)
        engine.state()  # opened: the dashboard's own document count opens it in a new worker anyway
        review.scan_pending(copy, taxonomy)  # the directory entries and heads in the page cache, for both
        rows.append(("review count, first load in a process: the head of every file (before)",
                     ms(lambda: review.scan_pending(copy, taxonomy), few)))

        def first_load() -> list[review.PendingDocument]:
            engine._marked = {}  # as in a new process: no segment's marked documents read yet
            return review.PendingList().documents(copy, taxonomy, engine)

        first = ms(first_load, few)
        shown = first_load()
        assert sorted(d.id for d in shown) == sorted(pending_ids), "not the documents given suggestions"
        rows.append((f"review count, first load in a process: the {len(shown):,} files the index names (now)",
                     first))

        def first_ask() -> list[tuple[str, str]]:
            engine._marked = {}
            return engine.awaiting_review()

        rows.append(("  of which SearchEngine.awaiting_review (every segment read)", ms(first_ask, few)))

        files, review_list = editing.RecentFiles(copy), review.PendingList()
        files.page()
        review_list.documents(copy, taxonomy, engine)
        biggest = max((copy / name for name in ("verslagen", "voorbeeldprojecten", "artikelen")),
                      key=lambda folder: sum(1 for _ in os.scandir(folder)))
        target = next(p for p in sorted(biggest.iterdir()) if p.suffix == ".md" and p.stem not in pending_ids)
        saves, both, counts = [], [], []
        for n in range(few):
            doc = editing.open_document(copy, target.stem, taxonomy).document
            editing.save_document(copy, work / "index", doc.with_changes(body=doc.body + f"\nAanvulling {n}.\n"),
                                  taxonomy)  # file and index, as an editor's save
            started = time.perf_counter()
            listed, _ = files.page()
            saves.append((time.perf_counter() - started) * 1000)
            review_list.documents(copy, taxonomy, engine)
            both.append((time.perf_counter() - started) * 1000)
            assert listed[0].doc_id == target.stem
        for doc_id in pending_ids[:few]:  # an editor accepts a suggestion: that file is read again
            doc = editing.open_document(copy, doc_id, taxonomy).document
            theme = next(p.value for p in doc.suggestions if p.key == "themes")
            review.review(copy, work / "index", taxonomy, doc_id, "themes", theme, accept=True)
            started = time.perf_counter()
            review_list.documents(copy, taxonomy, engine)
            counts.append((time.perf_counter() - started) * 1000)
        where = f"{biggest.name} ({sum(1 for _ in biggest.iterdir()):,} files)"
        rows.append((f"kept listing: the load after a save in {where}", statistics.median(saves)))
        rows.append((f"kept listing and review count: the load after a save in {where}", statistics.median(both)))
        rows.append(("review count: the load after an accepted suggestion", statistics.median(counts)))
        engine.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{args.docs:,} documents, load {os.getloadavg()[0]:.1f}")
    print("| step | median ms |\n| --- | --- |")
    for label, value in rows:
        print(f"| {label} | {value:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
