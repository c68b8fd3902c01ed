"""When an imported file is a document that is already in the corpus: by its normalised source address,
or, when neither has an address, by title and date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from .. import attachments
from ..corpus import iter_markdown_files
from ..documents import load_yaml, split_front_matter
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
class Match:
    doc_id: str | None  # the existing document this file is a version of
    by: str | None = None  # BY_URL or BY_TITLE_AND_DATE
    remark: str | None = None  # no match: why a same-titled document was left alone


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
        self.corpus_dir = Path(corpus_dir)
        self._by_url: dict[str, Known] = {}
        self._by_title: dict[tuple[str, dt.date | None], list[Known]] = {}
        self._by_id: dict[str, Known] = {}
        for path in iter_markdown_files(corpus_dir):
            known = _read_known(path)
            if known is not None:
                self.add(known)

    def add(self, known: Known) -> None:
        self._by_id[known.id] = known
        if known.url:
            self._by_url.setdefault(known.url, known)
        else:
            group = self._by_title.setdefault(title_key(known.title, known.date), [])
            if all(k.id != known.id for k in group):
                group.append(known)

    def get(self, doc_id: str) -> Known | None:
        return self._by_id.get(doc_id)

    def candidates(self, title: str, date: dt.date | None, url: str | None) -> Candidates:
        normal = normalise_url(url)
        if normal:
            return Candidates(by_url=self._by_url.get(normal))
        return Candidates(by_title_and_date=tuple(self._by_title.get(title_key(title, date), ())))

    def match(self, title: str, date: dt.date | None, url: str | None, original: bytes | None,
              exclude: set[str] = frozenset(), same_text: Callable[[str], bool] = lambda doc_id: True) -> Match:
        """The document an incoming file is a version of, and by what; or, when there is none, why a
        document with the same title and date was left alone. `exclude`: documents this run already
        created or matched (same-titled files of one run never replace each other). A document with a
        kept original came from an import (attachments.py); one without was written in the editor, and
        the caller only keeps it "unchanged" when the file gives exactly its text. `same_text(id)`: whether
        an imported document has mostly the file's text; without an address a title ("Notulen") may be all
        two files share, so a same-titled document with other text is not this file's earlier version."""
        found = self.candidates(title, date, url)
        if found.by_url is not None:
            return Match(found.by_url.id, BY_URL)
        same = [k for k in found.by_title_and_date if k.id not in exclude]
        kept = {k.id: attachments.find(self.corpus_dir, k.id) for k in same}
        for known in same:  # the very file imported before
            if original is not None and kept[known.id] is not None and kept[known.id].read() == original:
                return Match(known.id, BY_TITLE_AND_DATE)
        imported = [k for k in same if kept[k.id] is not None]
        versions = [k for k in imported if same_text(k.id)]
        if len(versions) == 1:
            return Match(versions[0].id, BY_TITLE_AND_DATE)
        if versions:
            return Match(None, remark=f"{BY_TITLE_AND_DATE} als {', '.join(k.id for k in versions)}; "
                                      "niet te zeggen welke, dus apart opgeslagen")
        if imported:
            return Match(None, remark=f"{BY_TITLE_AND_DATE} als {', '.join(k.id for k in imported)}, "
                                      "maar een andere tekst: apart opgeslagen")
        if same:  # written in the editor: unchanged if it is this very text, else left alone
            return Match(same[0].id, BY_TITLE_AND_DATE)
        if found.by_title_and_date:
            return Match(None, remark=f"{BY_TITLE_AND_DATE} als '{found.by_title_and_date[0].id}' uit deze "
                                      "import: apart opgeslagen")
        return Match(None)


def _read_known(path: Path) -> Known | None:
    try:
        front, _ = split_front_matter(path.read_text(encoding="utf-8"))
        meta = load_yaml(front) if front else None  # no aliases: see documents._Loader
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
