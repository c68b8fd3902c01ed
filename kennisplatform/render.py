"""Markdown to safe HTML: rendered with python-markdown, sanitised with nh3 (an allow-list), then given
heading ids and a table of contents. The document page, the editors' preview and the API all use this."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3
from bs4 import BeautifulSoup
from markupsafe import Markup, escape

from .taxonomy import fold

# Everything else is dropped: the tag goes, its text stays (script and style lose their text too).
ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark",
    "small", "abbr", "q", "cite", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
CLEAN_CONTENT_TAGS = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
EXTENSIONS = ["tables", "sane_lists", "fenced_code", "abbr", "def_list"]


@dataclass(frozen=True)
class TocEntry:
    level: int  # the heading level as rendered (2 = a section, 3 = a subsection)
    id: str
    text: str


@dataclass(frozen=True)
class Rendered:
    html: Markup  # safe to put in a page as is
    toc: tuple[TocEntry, ...] = ()

    @property
    def sections(self) -> int:
        """The number of sections, what decides whether a page shows a table of contents: those at the
        top level, or one level down when the text has a single top heading (a title repeated)."""
        top = min((e.level for e in self.toc), default=0)
        return max(sum(1 for e in self.toc if e.level == level) for level in (top, top + 1)) if self.toc else 0


def render_markdown(text: str, top_level: int = 2, id_prefix: str = "sectie-") -> Rendered:
    """Markdown to sanitised HTML and a table of contents.

    Headings are shifted so that the body's highest heading becomes `top_level` (the page's title is
    the h1) and never skip a level, so the page's outline stays in order. Headings get ids
    (`id_prefix` + a slug, unique within the text) for the table of contents. The result depends on the
    text alone, so recent texts are cached (a long report takes ~25 ms to render)."""
    try:
        return _render(text or "", top_level, id_prefix)
    except RecursionError:
        # python-markdown and the parsers after it recurse per level of nesting: a text quoted thousands
        # deep (">>>>...") is shown as its plain paragraphs rather than failing the page.
        return _plain_paragraphs(text)


def _plain_paragraphs(text: str) -> Rendered:
    paragraphs = (" ".join(p.split()) for p in text.split("\n\n"))
    return Rendered(Markup("".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)))


@lru_cache(maxsize=256)
def _render(text: str, top_level: int, id_prefix: str) -> Rendered:
    raw = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    soup = BeautifulSoup(clean, "html.parser")
    headings = soup.find_all(HEADINGS)
    toc: list[TocEntry] = []
    if headings:
        highest = min(int(h.name[1]) for h in headings)
        shift = top_level - highest
        previous = top_level - 1
        used: set[str] = set()
        for heading in headings:
            level = min(max(int(heading.name[1]) + shift, top_level), previous + 1, 6)
            previous = level
            heading.name = f"h{level}"
            label = " ".join(heading.get_text(" ").split())
            heading["id"] = _unique_id(id_prefix + (_slug(label) or "kop"), used)
            if level <= top_level + 2 and label:
                toc.append(TocEntry(level, heading["id"], label))
    return Rendered(Markup(str(soup)), tuple(toc))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")[:60].strip("-")


def _unique_id(candidate: str, used: set[str]) -> str:
    result, n = candidate, 2
    while result in used:
        result, n = f"{candidate}-{n}", n + 1
    used.add(result)
    return result


def shown_text(markdown_text: str) -> str:
    """The text a reader sees of rendered Markdown, on one line: "a &lt; b \\*ster\\* [x](url)" -> "a < b *ster* x".
    For a text shown as text (an imported document's summary, taken from its first paragraph). Not
    documents.plain_text, which reduces Markdown to words for the index: it keeps an escape's backslash
    ("\\ster\\"), an entity ("&lt;") and drops every "_", "*" and "~" ("snake_case" -> "snakecase"). Rendering
    is the one reading that agrees with the page (python-markdown's escapes, entities and emphasis rules)."""
    html = render_markdown(markdown_text).html
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())
