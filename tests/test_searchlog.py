"""The search log: what is counted, what is never stored, and that it cannot grow without bound."""
from __future__ import annotations

import json
import time

from flask import Flask

from kennisplatform import searchlog
from kennisplatform.params import SearchParams

NOW = 1_750_000_000.0  # a fixed moment, so that tests do not depend on the clock
DAY = 24 * 3600


def log_lines(instance) -> list[dict]:
    folder = instance / searchlog.LOG_FOLDER
    return [json.loads(line) for path in sorted(folder.glob("searches.jsonl*")) for line in path.read_text().splitlines()]


def test_a_zero_result_query_is_counted(tmp_path):
    searchlog.record(tmp_path, SearchParams(q="cultuurkaart"), 0, now=NOW)
    searchlog.record(tmp_path, SearchParams(q="Cultuurkaart "), 0, now=NOW + 60)
    searchlog.record(tmp_path, SearchParams(q="erfgoed"), 12, now=NOW + 120)
    searchlog.record(tmp_path, SearchParams(q="erfgoed", theme=("erfgoed",)), 4, now=NOW + 180)
    report = searchlog.report(tmp_path, weeks=4, now=NOW + DAY)
    assert (report.searches, report.zero_searches) == (4, 2)
    assert [(q.query, q.count) for q in report.missing] == [("cultuurkaart", 2)]
    assert [(q.query, q.count, q.zero) for q in report.frequent] == [("cultuurkaart", 2, 2), ("erfgoed", 2, 0)]
    assert report.filters == [("theme", "erfgoed", 1)]


def test_nothing_that_identifies_the_searcher_is_stored(tmp_path):
    app = Flask(__name__)
    headers = {"User-Agent": "Mozilla/5.0 HerkenbareBrowser/1.0", "Cookie": "session=geheim-sessie",
               "X-Forwarded-For": "198.51.100.23"}
    with app.test_request_context("/zoeken?q=dans", headers=headers, environ_base={"REMOTE_ADDR": "203.0.113.7"}):
        searchlog.record(tmp_path, SearchParams(q="dans", region=("leiden",)), 0, now=NOW + 17)
    [entry] = log_lines(tmp_path)
    assert entry == {"t": "2025-06-15T15:06Z", "q": "dans", "f": {"region": ["leiden"]}, "n": 0}
    raw = b"".join(p.read_bytes() for p in (tmp_path / searchlog.LOG_FOLDER).iterdir() if p.is_file())
    for secret in (b"203.0.113", b"198.51.100", b"Mozilla", b"Herkenbare", b"geheim-sessie"):
        assert secret not in raw


def test_empty_searches_and_later_pages_are_not_logged(tmp_path):
    searchlog.record(tmp_path, SearchParams(), 40, now=NOW)
    searchlog.record(tmp_path, SearchParams(q="dans", page=2), 30, now=NOW)
    assert not (tmp_path / searchlog.LOG_FOLDER / searchlog.LOG_FILE).exists()


def test_the_log_is_rotated_and_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(searchlog, "MAX_BYTES", 2000)
    for n in range(1000):
        searchlog.record(tmp_path, SearchParams(q=f"zoekvraag nummer {n}"), n % 3, now=NOW + n)
    folder = tmp_path / searchlog.LOG_FOLDER
    files = sorted(p.name for p in folder.glob("searches.jsonl*"))
    assert files == ["searches.jsonl"] + [f"searches.jsonl.{n}" for n in range(1, searchlog.KEEP + 1)]
    assert all(p.stat().st_size <= 2000 for p in folder.glob("searches.jsonl*"))
    lines = log_lines(tmp_path)
    assert lines and len(lines) < 200  # the oldest were dropped
    assert "zoekvraag nummer 999" in {e["q"] for e in lines}


def test_the_report_covers_only_the_chosen_weeks(tmp_path):
    searchlog.record(tmp_path, SearchParams(q="oud"), 0, now=NOW - 10 * 7 * DAY)
    searchlog.record(tmp_path, SearchParams(q="nieuw"), 0, now=NOW - DAY)
    assert [q.query for q in searchlog.report(tmp_path, weeks=4, now=NOW).missing] == ["nieuw"]
    assert {q.query for q in searchlog.report(tmp_path, weeks=52, now=NOW).missing} == {"oud", "nieuw"}


def test_a_damaged_line_is_skipped_and_logging_never_raises(tmp_path):
    searchlog.record(tmp_path, SearchParams(q="dans"), 0, now=NOW)
    with open(tmp_path / searchlog.LOG_FOLDER / searchlog.LOG_FILE, "a") as handle:
        handle.write('{"t": "2025-06-15T15:0')  # a crash in the middle of a line
    searchlog.record(tmp_path, SearchParams(q="dans"), 0, now=NOW)
    assert searchlog.report(tmp_path, now=NOW + 60).missing[0].count >= 1
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    searchlog.record(blocked, SearchParams(q="dans"), 0)  # cannot write: silently skipped


def test_long_queries_are_cut(tmp_path):
    searchlog.record(tmp_path, SearchParams(q="woord " * 100), 1, now=time.time())
    [entry] = log_lines(tmp_path)
    assert len(entry["q"]) <= searchlog.MAX_QUERY


def test_searches_on_the_site_are_logged(corpus_dir, index_dir, tmp_path):
    from editor_support import make_app

    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    client = app.test_client()
    client.get("/zoeken?q=cultuurkaartjes", headers={"User-Agent": "HerkenbareBrowser"})
    client.get("/zoeken?q=erfgoed")
    report = searchlog.report(tmp_path / "instance")
    assert [(q.query, q.count) for q in report.missing] == [("cultuurkaartjes", 1)]
    assert "erfgoed" in {q.query for q in report.frequent}


def test_lines_of_the_wrong_shape_are_skipped(tmp_path):
    """A line that is JSON but not what `entry` writes (a list where the filters belong, a count that is
    text): the report raised AttributeError on it, and /redactie/zoekvragen was a 500."""
    searchlog.record(tmp_path, SearchParams(q="dans", theme=("erfgoed",)), 0, now=NOW)
    damaged = ['{"t":"2025-06-15T15:06Z","q":"a","f":["theme"],"n":0}', '{"t":"2025-06-15T15:06Z","q":"b","n":"0"}',
               '{"t":"2025-06-15T15:06Z","q":"c","f":{"theme":"erfgoed"},"n":0}', '{"t":5,"q":"d","n":0}',
               '{"t":"2025-06-15T15:06Z","q":["e"],"n":0}', '{"t":"2025-06-15T15:06Z","q":"f","f":{"theme":[1]},"n":0}',
               '{"t":"2025-06-15T15:06Z","q":"g","n":true}', '["t"]', "7"]
    with open(tmp_path / searchlog.LOG_FOLDER / searchlog.LOG_FILE, "a") as handle:
        handle.write("\n".join(damaged) + "\n")
    report = searchlog.report(tmp_path, now=NOW + 60)
    assert (report.searches, [q.query for q in report.missing]) == (1, ["dans"])
    assert report.filters == [("theme", "erfgoed", 1)]


def test_the_search_log_page_survives_a_damaged_line(corpus_dir, index_dir, tmp_path):
    from editor_support import login, make_app

    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    folder = tmp_path / "instance" / searchlog.LOG_FOLDER
    folder.mkdir(parents=True)
    stamp = time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime())
    (folder / searchlog.LOG_FILE).write_text(f'{{"t":"{stamp}","q":"x","f":["theme"],"n":0}}\n'
                                             f'{{"t":"{stamp}","q":"cultuurkaart","f":{{}},"n":0}}\n')
    client = app.test_client()
    login(client)
    response = client.get("/redactie/zoekvragen")
    assert response.status_code == 200 and "cultuurkaart" in response.get_data(as_text=True)
