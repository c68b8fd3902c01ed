"""What "Laatst gewijzigd" on the public document page costs when it comes from the history
(history.last_changed) instead of the file's mtime, on a generated corpus of N documents with a history of
C more commits (each naming one document, as an editor's save does).

    .venv/bin/python benchmarks/page_dates.py --docs 10000 [--commits 20000] [--views 300] [--workdir /tmp]

The corpus and index (benchmarks/data/corpus-N-seed1, index-N-seed1) are only read: the corpus is copied
with a hard link per file (nothing here writes a corpus file) and its history and index are real copies.
The extra commits are written with dulwich directly, with HEAD's tree (a page view reads only their
messages), so that a long history is made in seconds."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dulwich.objects import Commit  # noqa: E402

from kennisplatform import create_app, history  # noqa: E402
from kennisplatform.editing import find_file  # noqa: E402
from kennisplatform.corpus import iter_markdown_files  # noqa: E402
from kennisplatform.views import documents as document_views  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def add_commits(corpus: Path, doc_ids: list[str], count: int) -> None:
    repo = history.open_repo(corpus)
    try:
        head = repo.refs[b"HEAD"]
        tree = repo[head].tree
        start = int(time.time()) - count * 60
        for n in range(count):
            doc_id = doc_ids[n * 7919 % len(doc_ids)]
            change = history.Change(doc_id, history.CHANGED, f"verslagen/{doc_id}.md", "0" * 40)
            commit = Commit()
            commit.tree, commit.parents = tree, [head]
            commit.author = commit.committer = history.Author("redacteur").identity()
            commit.author_time = commit.commit_time = start + n * 60
            commit.author_timezone = commit.commit_timezone = 0
            commit.encoding = b"UTF-8"
            commit.message = f"opgeslagen: {doc_id}\n\n{change.trailer()}\n".encode("utf-8")
            repo.object_store.add_object(commit)
            head = commit.id
        repo.refs[b"HEAD"] = head
    finally:
        repo.close()


def by_mtime(corpus_dir, doc_id: str):
    """The page's date before session 10: the file's mtime (it had the path from the index; here
    editing.find_file finds it, with a stat or two more)."""
    relpath = find_file(corpus_dir, doc_id)
    return dt.datetime.fromtimestamp(os.stat(Path(corpus_dir) / relpath).st_mtime).date() if relpath else None


def views(client, doc_ids: list[str]) -> float:
    """Median milliseconds of a document page, each document once (its 'similar' list computed before)."""
    times = []
    for doc_id in doc_ids:
        client.get(f"/document/{doc_id}")  # warms the similar-documents cache for this id
        started = time.perf_counter()
        response = client.get(f"/document/{doc_id}")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--views", type=int, default=300)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=DATA, help="the folder with corpus-N-seed1 (read only)")
    args = parser.parse_args(argv)
    source, index_source = args.data / f"corpus-{args.docs}-seed1", args.data / f"index-{args.docs}-seed1"
    work = Path(tempfile.mkdtemp(prefix="kp-page-dates-", dir=args.workdir))
    try:
        corpus, index = work / "corpus", work / "index"
        shutil.copytree(source, corpus, copy_function=os.link, ignore=shutil.ignore_patterns(".git"))
        if (source / ".git").is_dir():
            shutil.copytree(source / ".git", corpus / ".git")
        shutil.copytree(index_source, index)
        history.ensure(corpus)  # adopt, when the generated corpus has no history yet
        doc_ids = sorted(p.stem for p in iter_markdown_files(corpus))
        add_commits(corpus, [d for d in doc_ids if (corpus / "verslagen" / f"{d}.md").is_file()], args.commits)
        rows = []
        started = time.perf_counter()
        history.last_changed(corpus, doc_ids[0])
        rows.append((f"first page view after the commits: read {args.commits + 1:,} of them, save the table",
                     (time.perf_counter() - started) * 1000))
        history._changed.clear()  # as in a new process
        started = time.perf_counter()
        history.last_changed(corpus, doc_ids[0])
        rows.append(("first page view in a new process: load the saved table", (time.perf_counter() - started) * 1000))
        add_commits(corpus, doc_ids, 1)
        started = time.perf_counter()
        history.last_changed(corpus, doc_ids[0])
        rows.append(("first page view after one more commit", (time.perf_counter() - started) * 1000))
        times = []
        for doc_id in doc_ids[:1000]:
            started = time.perf_counter()
            history.last_changed(corpus, doc_id)
            times.append((time.perf_counter() - started) * 1000)
        rows.append(("history.last_changed, nothing new (median of 1,000)", statistics.median(times)))
        known = sum(history.last_changed(corpus, d) is not None for d in doc_ids)
        app = create_app({"TESTING": True, "CORPUS_DIR": str(corpus), "INDEX_DIR": str(index), "SECRET_KEY": "x",
                          "INSTANCE_PATH": str(work / "instance"), "UPDATE_INDEX_ON_START": False})
        client = app.test_client()
        sample = doc_ids[::max(1, len(doc_ids) // args.views)][:args.views]
        with_history = views(client, sample)
        original = document_views.last_modified
        document_views.last_modified = by_mtime
        try:
            with_mtime = views(client, sample[::-1])
        finally:
            document_views.last_modified = original
        with_history_again = views(client, sample)
        rows.append((f"document page, date from the file's mtime (before; median of {len(sample)})", with_mtime))
        rows.append((f"document page, date from the history (median of {len(sample)}, two runs)",
                     f"{with_history:.2f} / {with_history_again:.2f}"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.docs:,} documents, {args.commits:,} extra commits; {known:,} documents with a known change; "
          f"load {os.getloadavg()[0]:.1f}")
    print("| step | median ms |\n| --- | --- |")
    for label, value in rows:
        print(f"| {label} | {value if isinstance(value, str) else f'{value:.2f}'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
