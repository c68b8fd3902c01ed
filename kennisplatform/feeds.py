"""Other renderings of a SearchResult: an Atom feed (RFC 4287) and CSV rows. Pure functions, no Flask."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator
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


def atom_feed(info: FeedInfo, hits: list[Hit], document_url) -> bytes:
    """An Atom feed of hits (newest first). `document_url(hit_id)` gives a hit's absolute page URL."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    _text(feed, "id", info.feed_id)
    _text(feed, "title", info.title)
    _text(feed, "updated", _timestamp(max((h.date for h in hits), default=None)))
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
        _text(entry, "updated", _timestamp(hit.date))
        _text(entry, "published", _timestamp(hit.date))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _text(entry, "summary", hit.summary or _plain(hit.snippet))
        ET.SubElement(entry, f"{{{ATOM}}}category", term=hit.type, label=hit.type_label)
        for value in hit.themes + hit.regions:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=value.id, label=value.label)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text


def _timestamp(date: str | None) -> str:
    if not date:
        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{date}T00:00:00Z"


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
        writer.writerow([hit.id, hit.type_label, _safe(hit.title), hit.date, _safe(hit.summary),
                         "; ".join(v.label for v in hit.themes), "; ".join(v.label for v in hit.regions),
                         hit.source_url or "", document_url(hit.id)])
        yield take()


def _safe(text: str) -> str:
    """Spreadsheets run cells that start with =, +, - or @ as formulas: keep such text text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
