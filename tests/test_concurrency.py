"""Several writers at once: saves from many processes, an import while the site serves searches and editors
save, and an import killed with SIGKILL. Nothing may be lost, nothing may answer 500, and the corpus and
the index must agree afterwards."""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import threading
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import editor_support
from editor_support import form_data, login, make_app, token
from kennisplatform import editing, history
from kennisplatform.corpus import read_corpus, scan
from kennisplatform.index import update_index, write_lock
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

REPO = Path(__file__).resolve().parent.parent


def assert_index_matches_corpus(corpus_dir: Path, index_dir: Path, taxonomy) -> int:
    """Every corpus document is in the index with the file's current digest, and nothing else is."""
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert problems == []
    engine = SearchEngine(index_dir, taxonomy)
    try:
        assert engine.doc_count == len(documents)
        digests = {f.doc_id: f.digest for f in scan(corpus_dir).files}
        for doc in documents:
            stored = engine.stored(doc.id)
            assert stored["path"] == doc.path and stored["title"] == doc.title
        assert set(digests) == {d.id for d in documents}
    finally:
        engine.close()
    return len(documents)


def write_import_files(folder: Path, count: int, seed: int = 7) -> None:
    """Files with distinct made-up words, so that none is 'very similar' to another."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    letters = "bdfgklmnprstvz"
    vowels = "aeiou"
    for n in range(count):
        words = ["".join(rng.choice(letters) + rng.choice(vowels) for _ in range(4)) for _ in range(60)]
        (folder / f"bestand-{n:04d}.txt").write_text(
            f"Importbestand {n} over {words[0]}\n\nOp {1 + n % 28} maart 2024 in Leiden.\n\n{' '.join(words)}.\n",
            encoding="utf-8")


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kennisplatform.cli", *args]


def test_twenty_saves_at_once_from_several_processes_all_arrive(corpus_dir, index_dir, engine, taxonomy):
    before = engine.doc_count
    stop = threading.Event()
    search_errors: list[str] = []

    def search_meanwhile() -> None:  # the site keeps answering while the writers work
        while not stop.is_set():
            try:
                engine.search(SearchParams(q="gelijktijdig"))
            except BaseException:  # pragma: no cover - what the test looks for (with where it came from)
                search_errors.append(traceback.format_exc())
                return

    searcher = threading.Thread(target=search_meanwhile)
    searcher.start()
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=5, mp_context=context) as pool:
            jobs = [pool.submit(editor_support.save_in_process, str(corpus_dir), str(index_dir),
                                "Gelijktijdige bijeenkomst", f"schrijver{w}", 4) for w in range(5)]
            ids = [doc_id for job in jobs for doc_id in job.result(timeout=300)]
    finally:
        stop.set()
        searcher.join()
    assert search_errors == []
    assert len(ids) == 20 and len(set(ids)) == 20  # every save got its own file
    slug = "gelijktijdige-bijeenkomst-2024-01-01"
    assert set(ids) == {slug} | {f"{slug}-{n}" for n in range(2, 21)}
    for doc_id in ids:
        assert (corpus_dir / "verslagen" / f"{doc_id}.md").is_file()
    assert engine.search(SearchParams(q="gelijktijdig", per_page=50)).total == 20
    assert engine.doc_count == before + 20
    assert assert_index_matches_corpus(corpus_dir, index_dir, taxonomy) == before + 20
    assert not list(corpus_dir.rglob(".tmp-*"))
    # No version is lost either: the corpus adopted once, then one commit per save, every file in the history.
    entries = history.log(corpus_dir)
    assert len(entries) == 21 and entries[-1].adopted
    assert sorted(c.doc_id for e in entries[:-1] for c in e.changes) == sorted(ids)
    assert all(e.changes[0].action == history.NEW for e in entries[:-1])
    assert history.verify(corpus_dir) == []


def test_an_import_while_editors_save_and_the_site_searches(corpus_dir, index_dir, tmp_path, taxonomy):
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    source = tmp_path / "import"
    write_import_files(source, 60)
    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    importing = subprocess.Popen(cli("--corpus", str(corpus_dir), "--index", str(index_dir), "import", str(source)),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)

    def editor_saves(n: int) -> list[int]:
        client = app.test_client()
        login(client)
        statuses = []
        rng = random.Random(n)
        for k in range(3):
            words = " ".join("".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4))
                             for _ in range(40))  # distinct texts: no duplicate warning
            data = form_data(title=f"Redacteur {n} bewaart {k}", body=f"Tijdens de import: redactietoets{n}x{k}. {words}",
                             csrf_token=token(client, "/redactie/nieuw"))
            statuses.append(client.post("/redactie/nieuw", data=data).status_code)
        return statuses

    def searches() -> list[int]:
        client = app.test_client()
        statuses = []
        while importing.poll() is None and len(statuses) < 500:
            statuses.append(client.get("/zoeken?q=importbestand").status_code)
            statuses.append(client.get("/zoeken.json?q=leiden&theme=erfgoed").status_code)
        return statuses

    with ThreadPoolExecutor(max_workers=5) as pool:
        saves = [pool.submit(editor_saves, n) for n in range(3)]
        search_job = pool.submit(searches)
        save_statuses = [s for job in saves for s in job.result(timeout=300)]
        out, err = importing.communicate(timeout=300)
        search_statuses = search_job.result(timeout=300)
    assert importing.returncode == 0, err
    assert "60 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 0 mislukt." in out
    assert save_statuses == [302] * 9
    assert search_statuses and set(search_statuses) == {200}
    client = app.test_client()
    assert client.get("/zoeken.json?q=importbestand&per_page=100").get_json()["total"] == 60
    for n in range(3):
        for k in range(3):
            assert client.get(f"/zoeken.json?q=redactietoets{n}x{k}").get_json()["total"] == 1
    assert assert_index_matches_corpus(corpus_dir, index_dir, taxonomy) == 5 + 60 + 9


@pytest.mark.parametrize("kill_after", [5, 45])
def test_an_import_killed_with_sigkill_leaves_a_consistent_corpus(corpus_dir, index_dir, tmp_path, taxonomy,
                                                                  kill_after):
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    source = tmp_path / "import"
    write_import_files(source, 300)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # --type: the files have no type cues; a fixed type puts them all in the folder watched below.
    args = ("--corpus", str(corpus_dir), "--index", str(index_dir), "import", "--type", "verslag", str(source))
    importing = subprocess.Popen(cli(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    folder = corpus_dir / "verslagen"
    deadline = time.monotonic() + 120
    while len(list(folder.glob("importbestand-*.md"))) < kill_after:
        assert importing.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    importing.send_signal(signal.SIGKILL)
    importing.wait(timeout=30)
    assert importing.returncode == -signal.SIGKILL
    written = len(list(folder.glob("importbestand-*.md")))
    assert kill_after <= written < 300

    # Every corpus file is whole: it parses without a problem (temp files are hidden and never read).
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert problems == []
    assert len(documents) == 5 + written
    # No lock is left behind.
    with write_lock(index_dir, timeout=2), editing.corpus_lock(index_dir, timeout=2):
        pass
    # After `kennisplatform index` the index matches the corpus.
    indexed = subprocess.run(cli("--corpus", str(corpus_dir), "--index", str(index_dir), "index"),
                             capture_output=True, text=True, env=env, timeout=300)
    assert indexed.returncode == 0, indexed.stderr
    assert assert_index_matches_corpus(corpus_dir, index_dir, taxonomy) == 5 + written
    assert history.verify(corpus_dir) == []  # the batch the kill interrupted was committed on the next start

    # Running the import again finishes the job without duplicating what was already imported.
    again = subprocess.run(cli(*args), capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{300 - written} nieuw, 0 bijgewerkt, {written} ongewijzigd, 0 dubbel, 0 mislukt." in again.stdout
    assert len(list(folder.glob("importbestand-*.md"))) == 300
    assert not list(corpus_dir.rglob(".tmp-*"))  # the next writer cleared the dead one's temp file
    assert assert_index_matches_corpus(corpus_dir, index_dir, taxonomy) == 305


def test_a_segment_merged_away_by_another_process_leaves_an_open_reader_readable(corpus_dir, index_dir, engine):
    """Whoosh opens a segment's stored fields lazily; another process's save may merge the segment away and
    delete its files before that. The engine opens them with the reader, so its hits stay readable."""
    from whoosh.codec.whoosh3 import W3Codec

    state = engine.state()
    segments = [segment.segment() for segment, _ in state.searcher.reader().leaf_readers()]
    for segment in segments:  # what a merge's clean-up does to the files of the segments it replaced
        (index_dir / W3Codec.column_filename(segment, "_stored")).unlink()
    result = engine.search(SearchParams(q="erfgoed"))
    assert result.total > 0 and all(hit.title for hit in result.hits)
    assert engine.stored(result.hits[0].id)["title"] == result.hits[0].title
