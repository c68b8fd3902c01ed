"""`kennisplatform serve`: gunicorn with our options, the index built once before the workers start,
Flask's development server only behind --debug."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import flask
import pytest
from click.testing import CliRunner

from kennisplatform import server
from kennisplatform.cli import main
from kennisplatform.index import is_current, update_index


@pytest.fixture
def started(monkeypatch):
    """Servers that `serve` would run, recorded instead of run (run() blocks)."""
    calls = []
    monkeypatch.setattr(server.Server, "run", lambda self: calls.append(("gunicorn", self)))
    monkeypatch.setattr(flask.Flask, "run", lambda self, **kw: calls.append(("flask", kw)))
    return calls


def serve(corpus_dir, index_dir, *args):
    return CliRunner().invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), "serve", *args])


def test_default_workers_follow_the_cpu_count_with_a_cap():
    assert [server.default_workers(n) for n in (1, 2, 3, 4, 64)] == [3, 5, 7, 8, 8]
    assert 3 <= server.default_workers() <= server.MAX_DEFAULT_WORKERS


def test_serve_builds_the_index_then_a_gunicorn_app_with_the_options(corpus_dir, index_dir, taxonomy, started):
    result = serve(corpus_dir, index_dir, "--host", "127.0.0.1", "--port", "8123", "--workers", "3")
    assert result.exit_code == 0, result.output
    assert "5 nieuw" in result.output and "http://127.0.0.1:8123/ met 3 werkprocessen" in result.output
    assert is_current(index_dir, taxonomy)
    [(kind, app)] = started
    assert kind == "gunicorn"
    assert (app.cfg.bind, app.cfg.workers, app.cfg.timeout) == (["127.0.0.1:8123"], 3, server.WORKER_TIMEOUT)
    worker_app = app.load()  # what each worker runs: the index is current, so nothing is rebuilt
    assert worker_app.config["UPDATE_INDEX_ON_START"] is False
    assert worker_app.test_client().get("/zoeken?q=erfgoed").status_code == 200


def test_serve_without_workers_uses_the_default_and_rejects_nonsense(corpus_dir, index_dir, started):
    assert serve(corpus_dir, index_dir).exit_code == 0
    assert started[0][1].cfg.workers == server.default_workers()
    assert serve(corpus_dir, index_dir, "--workers", "0").exit_code == 2
    assert serve(corpus_dir, index_dir, "--port", "http").exit_code == 2
    assert len(started) == 1


def test_debug_selects_the_flask_development_server_on_this_machine_only(corpus_dir, index_dir, started):
    result = serve(corpus_dir, index_dir, "--debug", "--port", "8124")
    assert result.exit_code == 0, result.output
    assert started == [("flask", {"host": "127.0.0.1", "port": 8124, "debug": True, "threaded": True})]
    refused = serve(corpus_dir, index_dir, "--debug", "--host", "0.0.0.0")
    assert refused.exit_code == 1 and "alleen op 127.0.0.1" in refused.output
    assert len(started) == 1


def test_workers_starting_together_build_a_missing_index_once(corpus_dir, index_dir, taxonomy):
    with ProcessPoolExecutor(max_workers=3, mp_context=multiprocessing.get_context("spawn")) as pool:
        reports = [f.result() for f in [pool.submit(update_index, corpus_dir, index_dir, only_if_stale=True)
                                        for _ in range(3)]]
    assert sorted(r.rebuilt for r in reports) == [False, False, True]
    assert sum(r.added for r in reports) == 5
    assert is_current(index_dir, taxonomy)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_really_answers_with_two_workers(corpus_dir, index_dir, tmp_path):
    port = _free_port()
    # The checkout's own code, not what the virtualenv's editable install points at (another worktree).
    repo = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "KENNISPLATFORM_INSTANCE": str(tmp_path / "instance"),
           "PYTHONPATH": os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-m", "kennisplatform.cli", "--corpus", str(corpus_dir), "--index", str(index_dir),
         "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=Path(__file__).parent)
    try:
        body = None
        for _ in range(300):  # until the workers answer (polling, no timing asserted)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/zoeken.json?q=erfgoed") as response:
                    body = response.read().decode()
                break
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.1)
        assert body is not None, process.stdout.read().decode() if process.poll() is not None else "no answer"
        assert json.loads(body)["total"] == 2
        # A long pasted query (over gunicorn's default 4094-character request line) gets the app's Dutch page.
        long_query = "erfgoed+" * 700
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/zoeken?q={long_query}") as response:
            page = response.read().decode()
        assert "Alleen de eerste 12 woorden zijn gebruikt" in page
        # Longer than gunicorn reads at all: its own page, which was English ("URI Too Long").
        with pytest.raises(urllib.error.HTTPError) as too_long:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/zoeken?q={'erfgoed+' * 2000}")
        page = too_long.value.read().decode()
        assert too_long.value.code == 414 and "<h1>Adres te lang</h1>" in page and "Too Long" not in page
    finally:
        process.send_signal(signal.SIGTERM)  # gunicorn's graceful stop; the workers end with the master
        output = process.communicate(timeout=60)[0].decode()
    assert "5 nieuw" in output  # built by the master before the workers started
    assert "met 2 werkprocessen" in output and "production deployment" not in output


def test_a_secret_key_file_in_another_encoding_does_not_stop_the_site(tmp_path):
    from kennisplatform import _instance_secret

    (tmp_path / "secret_key").write_bytes(b"geheim-\xe9\xff-van-de-site\n")  # not UTF-8
    assert _instance_secret(tmp_path) == b"geheim-\xe9\xff-van-de-site".decode("latin-1")
    (tmp_path / "secret_key").write_text("gewoon-geheim\n")
    assert _instance_secret(tmp_path) == "gewoon-geheim"
