"""Other renderings of a SearchResult: an Atom feed (RFC 4287) and CSV rows. Pure functions, no Flask."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator
from xml.etree import ElementTree as ET

from .results import Hit

ATOM = "http://www.w3.org/2005/Atom"
CSV_COLUMNS = ("id", "soort", "titel", "datum", "samenvatting", "themas", "regios", "bron", "adres")


@dataclass(frozen=True)
class FeedInfo:
    title: str
    feed_url: str  # this feed, absolute
    page_url: str  # the search page it follows, absolute
    feed_id: str  # stable: the same search gives the same id


def atom_feed(info: FeedInfo, hits: list[Hit], document_url,
              modified: Callable[[str], datetime | None] = lambda hit_id: None) -> bytes:
    """An Atom feed of hits (newest first). `document_url(hit_id)` gives a hit's absolute page URL;
    `modified(hit_id)` the time its corpus file was last written, used only for a hit without a date."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    updated = {hit.id: _updated(hit, modified) for hit in hits}
    _text(feed, "id", info.feed_id)
    _text(feed, "title", info.title)
    _text(feed, "updated", _timestamp(max(updated.values(), default=None)))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=info.feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=info.page_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Kennisplatform Cultuureducatie met Kwaliteit Zuid-Holland")
    _text(feed, "generator", "Kennisplatform")
    for hit in hits:
        url = document_url(hit.id)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", url)
        _text(entry, "title", hit.title)
        _text(entry, "updated", _timestamp(updated[hit.id]))
        if hit.date:  # optional in Atom: left out when the publication date is unknown
            _text(entry, "published", _timestamp(_day(hit.date)))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _text(entry, "summary", hit.summary or _plain(hit.snippet))
        ET.SubElement(entry, f"{{{ATOM}}}category", term=hit.type, label=hit.type_label)
        for value in hit.themes + hit.regions:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=value.id, label=value.label)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _updated(hit: Hit, modified: Callable[[str], datetime | None]) -> datetime | None:
    """Atom requires an `updated` time for every entry. A dated document uses its date (midnight UTC);
    one without a date uses the modification time of its corpus file: the last moment we know it
    changed, which is what `updated` means in RFC 4287 (never "now", which would make every poll of
    the feed look like news)."""
    return _day(hit.date) if hit.date else modified(hit.id)


def _day(date: str) -> datetime:
    return datetime.fromisoformat(date[:10]).replace(tzinfo=timezone.utc)


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text


def _timestamp(moment: datetime | None) -> str:
    """RFC 3339 in UTC; no moment known (an empty feed, a file gone): now."""
    return (moment or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _plain(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def csv_lines(hits: Iterable[Hit], document_url, excel: bool = False) -> Iterator[str]:
    """CSV text, a header and then one line per hit. `excel=True`: semicolons and a UTF-8 byte order
    mark, which is what Excel with Dutch regional settings expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")

    def take() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writerow(CSV_COLUMNS)
    yield ("\ufeff" if excel else "") + take()
    for hit in hits:
        writer.writerow([hit.id, hit.type_label, _safe(hit.title), hit.date or "", _safe(hit.summary),
                         "; ".join(v.label for v in hit.themes), "; ".join(v.label for v in hit.regions),
                         hit.source_url or "", document_url(hit.id)])
        yield take()


def _safe(text: str) -> str:
    """Spreadsheets run cells that start with =, +, - or @ as formulas: keep such text text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
