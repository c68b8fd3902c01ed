"""Editor accounts and login rate limiting, kept in the instance folder (never in the corpus).

users.json holds name -> password hash (werkzeug's scrypt/pbkdf2 with salt). Failed logins are counted in
login_attempts.json per account name and per client (both stored as salted hashes, so the file does not
say who tried): after MAX_FAILURES failures within WINDOW seconds, further attempts wait until the oldest
one has aged out. The files are shared by all worker processes and written under a lock."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from werkzeug.security import check_password_hash, generate_password_hash

from .corpus import write_atomic

USERS_FILE = "users.json"
ATTEMPTS_FILE = "login_attempts.json"
LOCK_FILE = ".users.lock"
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}\Z")
MIN_PASSWORD = 10
MAX_FAILURES = 5
WINDOW = 15 * 60  # seconds
# A hash to compare against when the name is unknown, so that a missing account takes as long as a wrong
# password (no timing hint about which names exist).
_DUMMY_HASH = generate_password_hash("kennisplatform-dummy-wachtwoord")


class UserError(ValueError):
    """A name or password that cannot be used; the message is Dutch."""


@dataclass(frozen=True)
class Limited:
    """Too many failed attempts: wait this many seconds."""

    retry_after: int


@contextmanager
def _locked(instance: Path) -> Iterator[None]:
    Path(instance).mkdir(parents=True, exist_ok=True)
    fd = os.open(Path(instance) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write(path: Path, data: dict) -> None:
    write_atomic(path, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))
    os.chmod(path, 0o600)


def normalise_name(name: str) -> str:
    return (name or "").strip().lower()


def check_name(name: str) -> str:
    name = normalise_name(name)
    if not NAME.match(name):
        raise UserError("Een gebruikersnaam heeft 2 tot 40 tekens: kleine letters, cijfers, '.', '_' of '-'.")
    return name


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"Een wachtwoord heeft minstens {MIN_PASSWORD} tekens.")


def add_user(instance: Path, name: str, password: str, replace: bool = False) -> str:
    """Create (or with `replace`, reset the password of) an account; returns the normalised name."""
    name = check_name(name)
    check_password(password)
    path = Path(instance) / USERS_FILE
    with _locked(instance):
        users = _read(path)
        if name in users and not replace:
            raise UserError(f"Gebruiker '{name}' bestaat al.")
        users[name] = {"password": generate_password_hash(password), "created": int(time.time())}
        _write(path, users)
    return name


def remove_user(instance: Path, name: str) -> bool:
    path = Path(instance) / USERS_FILE
    with _locked(instance):
        users = _read(path)
        if users.pop(normalise_name(name), None) is None:
            return False
        _write(path, users)
    return True


def list_users(instance: Path) -> list[str]:
    return sorted(_read(Path(instance) / USERS_FILE))


def verify(instance: Path, name: str, password: str) -> str | None:
    """The account name when the password is right, else None (same work either way)."""
    name = normalise_name(name)
    record = _read(Path(instance) / USERS_FILE).get(name)
    stored = record.get("password") if isinstance(record, dict) else None
    ok = check_password_hash(stored or _DUMMY_HASH, password or "")
    return name if ok and stored else None


# -- rate limiting ------------------------------------------------------------------------------------
def _keys(instance: Path, name: str, client: str | None) -> list[str]:
    salt = _salt(instance)
    keys = ["n:" + hashlib.sha256((salt + normalise_name(name)).encode()).hexdigest()[:24]]
    if client:
        keys.append("c:" + hashlib.sha256((salt + client).encode()).hexdigest()[:24])
    return keys


def _salt(instance: Path) -> str:
    path = Path(instance) / "secret_key"
    try:
        return path.read_text().strip()
    except OSError:
        return "kennisplatform"


def _recent(times: list, now: float) -> list[float]:
    return [t for t in times if isinstance(t, (int, float)) and now - t < WINDOW]


def limited(instance: Path, name: str, client: str | None, now: float | None = None) -> Limited | None:
    """Limited(seconds) when this name or client has failed MAX_FAILURES times within the window."""
    now = time.time() if now is None else now
    attempts = _read(Path(instance) / ATTEMPTS_FILE)
    wait = 0.0
    for key in _keys(instance, name, client):
        recent = _recent(attempts.get(key, []), now)
        if len(recent) >= MAX_FAILURES:
            wait = max(wait, WINDOW - (now - sorted(recent)[-MAX_FAILURES]))
    return Limited(max(1, int(wait) + 1)) if wait > 0 else None


def record_failure(instance: Path, name: str, client: str | None, now: float | None = None) -> None:
    now = time.time() if now is None else now
    path = Path(instance) / ATTEMPTS_FILE
    with _locked(instance):
        attempts = {k: r for k, v in _read(path).items() if (r := _recent(v, now))}  # old entries go
        for key in _keys(instance, name, client):
            attempts[key] = (attempts.get(key, []) + [now])[-MAX_FAILURES * 2:]
        _write(path, attempts)


def clear_failures(instance: Path, name: str, client: str | None) -> None:
    path = Path(instance) / ATTEMPTS_FILE
    with _locked(instance):
        attempts = _read(path)
        for key in _keys(instance, name, client):
            attempts.pop(key, None)
        _write(path, attempts)


def snapshot(instance: Path) -> dict[str, bytes]:
    """The account files as they are at one moment (under the lock): what a backup copies."""
    found = {}
    with _locked(instance):
        for name in (USERS_FILE, ATTEMPTS_FILE):
            try:
                found[name] = (Path(instance) / name).read_bytes()
            except FileNotFoundError:
                continue
    return found
