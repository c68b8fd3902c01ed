"""An inter-process lock on a file: wait with a timeout, then a clear Dutch IndexBusy."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import IndexBusy


@contextmanager
def file_lock(path: Path, timeout: float, busy_message: str, poll: float = 0.05) -> Iterator[None]:
    """Hold an exclusive flock on `path` (created if missing). Waiters poll, which makes the lock a queue
    in effect; the kernel releases it when the holder's descriptor closes, also when the process dies."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexBusy(busy_message) from None
                time.sleep(poll)
        yield
    finally:
        os.close(fd)
