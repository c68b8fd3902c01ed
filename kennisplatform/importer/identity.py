"""When an imported file is a document that is already in the corpus: by its normalised source address,
or, when neither has an address, by title and date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from ..corpus import iter_markdown_files
from ..documents import split_front_matter
from ..taxonomy import fold

# Parameters that say how a visitor arrived, not which page it is (Google, Meta, Microsoft, Mailchimp, ...).
TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|dclid$|gbraid$|wbraid$|msclkid$|yclid$|igshid$|mc_[ce]id$|"
                             r"_ga$|_gl$|_hsenc$|_hsmi$|mkt_tok$)", re.I)


def normalise_url(url: str | None) -> str | None:
    """The form two addresses of the same page share: lowercase scheme and host, no 'www.', no fragment,
    no tracking parameters, no trailing slash; http and https are the same page."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", host, path, query, ""))


_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BY_URL = "zelfde bronadres"
BY_TITLE_AND_DATE = "zelfde titel en datum"


@dataclass(frozen=True)
class Known:
    """A corpus document as far as identity goes."""

    id: str
    title: str
    date: dt.date | None
    url: str | None  # normalised


@dataclass(frozen=True)
class Candidates:
    """What an incoming file may be: the document with its source address, or (only when the file has no
    address) the documents without one that have its title and date."""

    by_url: Known | None = None
    by_title_and_date: tuple[Known, ...] = ()


def title_key(title: str, date: dt.date | None) -> tuple[str, dt.date | None]:
    return " ".join(fold(title).lower().split()), date


class Identities:
    """Every corpus document's source address, title and date, read once per import and kept up to date
    with what the import saves.

    The rules: the same normalised source address is the same document. A different address is a
    different document, whatever its title and date. Title and date identify a document only when neither
    side has an address."""

    def __init__(self, corpus_dir: Path):
        self._by_url: dict[str, Known] = {}
        self._by_title: dict[tuple[str, dt.date | None], list[Known]] = {}
        for path in iter_markdown_files(corpus_dir):
            known = _read_known(path)
            if known is not None:
                self.add(known)

    def add(self, known: Known) -> None:
        if known.url:
            self._by_url.setdefault(known.url, known)
        else:
            group = self._by_title.setdefault(title_key(known.title, known.date), [])
            if all(k.id != known.id for k in group):
                group.append(known)

    def candidates(self, title: str, date: dt.date | None, url: str | None) -> Candidates:
        normal = normalise_url(url)
        if normal:
            return Candidates(by_url=self._by_url.get(normal))
        return Candidates(by_title_and_date=tuple(self._by_title.get(title_key(title, date), ())))


def _read_known(path: Path) -> Known | None:
    try:
        front, _ = split_front_matter(path.read_text(encoding="utf-8"))
        meta = yaml.load(front, Loader=_YAML) if front else None
    except (OSError, UnicodeError, yaml.YAMLError, ValueError, RecursionError):
        return None  # `kennisplatform check` reports broken files; here they identify nothing
    if not isinstance(meta, dict):
        return None
    source = meta.get("source")
    url = source.get("url") if isinstance(source, dict) else source if isinstance(source, str) else None
    date = meta.get("date")
    try:
        date = dt.date.fromisoformat(str(date)[:10]) if date else None
    except ValueError:
        date = None
    return Known(path.stem.lower(), " ".join(str(meta.get("title") or "").split()), date,
                 normalise_url(url if isinstance(url, str) else None))
