"""What search engines and link previews read: the sitemap, robots.txt and per document schema.org JSON-LD.
Pure functions over documents and addresses; the views supply absolute URLs."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable
from xml.sax.saxutils import escape

from .documents import Document
from .taxonomy import Taxonomy

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Pages a search engine should not index: the editors' side, and search results (endless combinations of
# filters; the documents, place pages and browse pages are what should be found, and the sitemap lists them).
DISALLOWED = ("/redactie", "/inloggen", "/zoeken")
REPORT_TYPES = {"verslag"}  # meeting reports are schema.org Reports; the rest are Articles


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # absolute
    lastmod: str | None = None  # ISO date (YYYY-MM-DD)


def sitemap_xml(entries: list[SitemapEntry]) -> str:
    """A sitemap (protocol 0.9): one <url> per entry, lastmod where known."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for entry in entries:
        lastmod = f"<lastmod>{escape(entry.lastmod)}</lastmod>" if entry.lastmod else ""
        lines.append(f"<url><loc>{escape(entry.url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str) -> str:
    return "User-agent: *\n" + "".join(f"Disallow: {path}\n" for path in DISALLOWED) + f"\nSitemap: {sitemap_url}\n"


def structured_data(doc: Document, taxonomy: Taxonomy, url: str, place_url: Callable[[str], str]) -> dict:
    """schema.org JSON-LD for a document page: what it is, when, about which themes, for which places,
    and the source it summarises."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Report" if doc.type in REPORT_TYPES else "Article",
        "@id": url,
        "url": url,
        "headline": doc.title[:110],  # schema.org/Google: headlines up to 110 characters
        "name": doc.title,
        "inLanguage": "nl",
    }
    if not doc.type_guessed:  # a type the importer only guessed is not told to search engines as a fact
        data["genre"] = taxonomy.label("type", doc.type)
    if doc.summary:
        data["description"] = doc.summary
    if doc.date:  # a document without a date is normal; it simply has no datePublished
        data["datePublished"] = doc.date.isoformat()
    if doc.themes:
        data["about"] = [{"@type": "Thing", "name": taxonomy.label("theme", t)} for t in doc.themes]
    if doc.regions:
        data["spatialCoverage"] = [{"@type": "Place", "name": taxonomy.label("region", r), "url": place_url(r)}
                                   for r in doc.regions]
    if doc.disciplines:
        data["keywords"] = [taxonomy.label("discipline", d) for d in doc.disciplines]
    if doc.audience:
        data["audience"] = [{"@type": "Audience", "audienceType": taxonomy.label("audience", a)}
                            for a in doc.audience]
    source = doc.source
    if source.url:
        data["isBasedOn"] = source.url
    if source.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in source.authors]
    if doc.organisations:
        data["contributor"] = [{"@type": "Organization", "name": name} for name in doc.organisations]
    return data


def script_json(data: dict) -> str:
    """JSON for inside <script type="application/ld+json">: '<', '>' and '&' as \\u escapes, so that no
    text in a document can close the element ("</script>") or open a comment; the JSON means the same."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
