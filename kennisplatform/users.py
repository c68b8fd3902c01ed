"""Editor accounts and login rate limiting, kept in the instance folder (never in the corpus).

users.json holds name -> password hash (werkzeug's scrypt/pbkdf2 with salt). Failed logins are counted in
login_attempts.json per account name and per client (both stored as salted hashes, so the file does not
say who tried): after MAX_FAILURES failures within WINDOW seconds, further attempts wait until the oldest
one has aged out. The files are shared by all worker processes and written under a lock.

A users.json that cannot be read (a hand edit with a trailing comma, a disk error) is never written over:
every command that would change it stops with a Dutch message saying what is wrong, and a login is a
server-side failure (503), not a wrong password. A damaged login_attempts.json only holds the last
quarter of an hour: it is put aside (login_attempts.json.beschadigd) and started afresh, so that the
rate limit keeps working."""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from werkzeug.security import check_password_hash, generate_password_hash

from .corpus import write_atomic
from .errors import KennisplatformError, os_reason

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
DAMAGED_SUFFIX = ".beschadigd"
log = logging.getLogger("kennisplatform")  # the web app's logger (Flask's app.logger has this name)


class UserError(ValueError):
    """A name or password that cannot be used; the message is Dutch."""


class AccountsUnreadable(KennisplatformError):
    """users.json exists but cannot be read: nothing may be written over it, and nobody can log in.
    `message` is for a visitor of the site (no paths); `detail` for the administrator (file and reason)."""

    status = 503

    def __init__(self, path: Path, reason: str):
        super().__init__("Inloggen kan nu niet: de accounts van de redactie zijn aan de kant van de server "
                         "niet leesbaar. Dit ligt niet aan uw naam of wachtwoord; de beheerder kan het "
                         "herstellen. Probeer het later opnieuw.")
        self.path, self.reason = Path(path), reason
        self.detail = (f"{path}: {reason}. Er is niets gewijzigd; herstel het bestand (of zet het terug uit een "
                       "back-up) en probeer het opnieuw.")


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
    """A JSON object file; {} when there is none (or it is empty). AccountsUnreadable when it is there and
    cannot be read as one: the caller must not take it for 'no accounts' and write over it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise AccountsUnreadable(path, "beschadigd: geen UTF-8-tekst") from None
    except OSError as exc:
        raise AccountsUnreadable(path, f"niet leesbaar: {os_reason(exc)}") from None
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AccountsUnreadable(path, f"beschadigd: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})") \
            from None
    if not isinstance(data, dict):
        raise AccountsUnreadable(path, "beschadigd: geen JSON-object met een naam per account")
    return data


def _read_users(instance: Path, for_web: bool = False) -> dict:
    try:
        return _read(Path(instance) / USERS_FILE)
    except AccountsUnreadable as exc:
        if for_web:  # the command line shows the detail itself
            log.error("accounts niet leesbaar, niemand kan inloggen: %s", exc.detail)
        raise


def _read_attempts(instance: Path, repair: bool = False) -> dict:
    """The login attempts; a damaged file counts as none. With `repair` (under the lock, before a write)
    it is kept beside as login_attempts.json.beschadigd rather than written over."""
    path = Path(instance) / ATTEMPTS_FILE
    try:
        return _read(path)
    except AccountsUnreadable as exc:
        if repair:
            try:
                os.replace(path, path.with_name(path.name + DAMAGED_SUFFIX))
            except OSError:
                pass
            log.warning("mislukte inlogpogingen: %s Opzij gezet als %s%s; de telling begint opnieuw.",
                        exc.reason, ATTEMPTS_FILE, DAMAGED_SUFFIX)
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
        users = _read_users(instance)  # AccountsUnreadable: a damaged file is never written over
        if name in users and not replace:
            raise UserError(f"Gebruiker '{name}' bestaat al.")
        users[name] = {"password": generate_password_hash(password), "created": int(time.time())}
        _write(path, users)
    return name


def remove_user(instance: Path, name: str) -> bool:
    path = Path(instance) / USERS_FILE
    with _locked(instance):
        users = _read_users(instance)
        if users.pop(normalise_name(name), None) is None:
            return False
        _write(path, users)
    return True


def list_users(instance: Path) -> list[str]:
    """The account names. A damaged users.json lists none (and is logged): the site asks this on every
    page of a logged-in editor, whose session then ends, and the login says what is wrong."""
    try:
        return sorted(_read_users(instance, for_web=True))
    except AccountsUnreadable:
        return []


def check_accounts(instance: Path) -> None:
    """AccountsUnreadable when users.json is there but damaged (before asking for a password)."""
    _read_users(instance)


def verify(instance: Path, name: str, password: str) -> str | None:
    """The account name when the password is right, else None (same work either way). AccountsUnreadable
    (HTTP 503) when users.json is damaged: a server-side failure, not a wrong password."""
    name = normalise_name(name)
    record = _read_users(instance, for_web=True).get(name)
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
    except (OSError, ValueError):  # missing or unreadable: the counts are then only less private
        return "kennisplatform"


def _recent(times, now: float) -> list[float]:
    if not isinstance(times, list):  # a hand-edited file: what is not a list of times counts as none
        return []
    return [t for t in times if isinstance(t, (int, float)) and now - t < WINDOW]


def limited(instance: Path, name: str, client: str | None, now: float | None = None) -> Limited | None:
    """Limited(seconds) when this name or client has failed MAX_FAILURES times within the window."""
    now = time.time() if now is None else now
    attempts = _read_attempts(instance)
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
        attempts = {k: r for k, v in _read_attempts(instance, repair=True).items() if (r := _recent(v, now))}
        for key in _keys(instance, name, client):
            attempts[key] = (attempts.get(key, []) + [now])[-MAX_FAILURES * 2:]
        _write(path, attempts)


def clear_failures(instance: Path, name: str, client: str | None) -> None:
    path = Path(instance) / ATTEMPTS_FILE
    with _locked(instance):
        attempts = _read_attempts(instance, repair=True)
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
