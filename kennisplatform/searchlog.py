"""The search log: what searchers look for and what they miss, so that editors know what to write or which
alias to add.

Each search is one JSON line with only the query text, the filters, the number of results and the time
(to the minute). Nothing that identifies the searcher is written: no IP address, no user agent, no session,
no cookie. The log lives in the instance folder, in files of at most MAX_BYTES; when the current file is
full it is rotated (searches.jsonl -> searches.jsonl.1 -> ... -> .{KEEP}, the oldest dropped), so the log
never holds more than (KEEP + 1) * MAX_BYTES. Writing never makes a search fail."""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .params import FACETS

LOG_FOLDER = "zoeklog"
LOG_FILE = "searches.jsonl"
MAX_BYTES = 1_000_000
KEEP = 4  # rotated files kept
MAX_QUERY = 200  # characters of a query kept


def _folder(instance_path) -> Path:
    return Path(instance_path) / LOG_FOLDER


def entry(params, total: int, now: float | None = None) -> dict | None:
    """What is logged for a search: None for a search that is not worth logging (no text and no filters,
    or a later page of a search already logged)."""
    q = " ".join((params.q or "").split())[:MAX_QUERY]
    filters = {f: list(params.selected(f)) for f in FACETS if params.selected(f)}
    if (not q and not filters) or params.page != 1:
        return None
    when = dt.datetime.fromtimestamp(time.time() if now is None else now, dt.timezone.utc)
    return {"t": when.strftime("%Y-%m-%dT%H:%MZ"), "q": q, "f": filters, "n": int(total)}


def record(instance_path, params, total: int, now: float | None = None) -> None:
    """Log one search (see `entry`). Errors are swallowed: logging must never break searching."""
    line = entry(params, total, now)
    if line is None:
        return
    try:
        folder = _folder(instance_path)
        folder.mkdir(parents=True, exist_ok=True)
        data = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            path = folder / LOG_FILE
            try:
                size = path.stat().st_size
            except FileNotFoundError:
                size = 0
            if size + len(data) > MAX_BYTES:
                _rotate(folder)
            with open(path, "ab") as handle:  # one write of one line: appends never interleave
                handle.write(data)
        finally:
            os.close(fd)
    except OSError:
        pass


def _rotate(folder: Path) -> None:
    oldest = folder / f"{LOG_FILE}.{KEEP}"
    if oldest.exists():
        oldest.unlink()
    for n in range(KEEP - 1, 0, -1):
        source = folder / f"{LOG_FILE}.{n}"
        if source.exists():
            os.replace(source, folder / f"{LOG_FILE}.{n + 1}")
    current = folder / LOG_FILE
    if current.exists():
        os.replace(current, folder / f"{LOG_FILE}.1")


def _files(folder: Path) -> list[Path]:
    return [p for p in [folder / LOG_FILE, *(folder / f"{LOG_FILE}.{n}" for n in range(1, KEEP + 1))]
            if p.exists()]


def _sound(item) -> bool:
    """A line as `entry` writes it: a damaged or hand-edited line (a list where the filters belong, a count
    that is not a number) is skipped, not half read."""
    if not isinstance(item, dict) or not isinstance(item.get("t"), str) or not isinstance(item.get("q", ""), str):
        return False
    total, filters = item.get("n", 0), item.get("f", {})
    if not isinstance(total, int) or isinstance(total, bool) or not isinstance(filters, dict):
        return False
    return all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in filters.values())


def read_entries(instance_path, since: dt.datetime | None = None):
    """Every logged search (newest file first), optionally only those at or after `since` (UTC)."""
    stamp = since.strftime("%Y-%m-%dT%H:%MZ") if since else ""
    for path in _files(_folder(instance_path)):
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    try:
                        item = json.loads(line)
                    except ValueError:
                        continue  # a line cut off by a crash
                    if _sound(item) and item["t"] >= stamp:
                        yield item
        except OSError:
            continue


@dataclass(frozen=True)
class QueryCount:
    query: str
    count: int
    zero: int  # how many of these searches found nothing
    last_total: int | None = None


@dataclass
class Report:
    weeks: int
    searches: int = 0
    zero_searches: int = 0
    frequent: list[QueryCount] = field(default_factory=list)
    missing: list[QueryCount] = field(default_factory=list)  # queries that found nothing
    filters: list[tuple[str, str, int]] = field(default_factory=list)  # (facet, value, count)


def report(instance_path, weeks: int = 4, limit: int = 50, now: float | None = None) -> Report:
    """The past weeks: the most frequent queries and the queries that found nothing, with their counts.
    Queries are compared in lowercase with spaces folded."""
    now_dt = dt.datetime.fromtimestamp(time.time() if now is None else now, dt.timezone.utc)
    since = now_dt - dt.timedelta(weeks=weeks)
    result = Report(weeks=weeks)
    counts: Counter = Counter()
    zeros: Counter = Counter()
    shown: dict[str, str] = {}
    filters: Counter = Counter()
    for item in read_entries(instance_path, since):
        q = " ".join(str(item.get("q", "")).split())
        total = item.get("n", 0)
        result.searches += 1
        if total == 0:
            result.zero_searches += 1
        for facet, values in item.get("f", {}).items():
            for value in values:
                filters[(facet, value)] += 1
        if not q:
            continue
        key = q.lower()
        shown.setdefault(key, q)
        counts[key] += 1
        if total == 0:
            zeros[key] += 1
    result.frequent = [QueryCount(shown[k], n, zeros.get(k, 0)) for k, n in counts.most_common(limit)]
    result.missing = [QueryCount(shown[k], n, n) for k, n in zeros.most_common(limit)]
    result.filters = [(f, v, n) for (f, v), n in filters.most_common(limit)]
    return result


def snapshot(instance_path) -> dict[str, bytes]:
    """The log files as they are at one moment (under the log's lock, so no rotation or append is half
    done): what a backup copies. Keys are paths relative to the instance folder."""
    folder = _folder(instance_path)
    if not folder.is_dir():
        return {}
    fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return {f"{LOG_FOLDER}/{path.name}": path.read_bytes() for path in _files(folder)}
    finally:
        os.close(fd)
