"""Importing web pages (.html), Markdown (.md, with or without front matter) and plain text (.txt) as
corpus documents, with one outcome per file: created, updated, unchanged, duplicate or failed (and why).

A file is the same document as one in the corpus when it has the same source address, or the same title
and date; then it is updated (or left unchanged), never created twice. A file whose text is very similar
to another document's is reported as a duplicate and not saved. Saving goes through editing.Writer
(atomic files, unique slugs, the corpus lock), a batch of files per lock, so editors wait at most one
batch and a killed import leaves only whole files. No Flask."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from . import history, suggest
from .corpus import taxonomy_for
from .documents import (MAX_TITLE, Document, Source, parse_document, plain_text, render_document,
                        split_front_matter)
from .editing import Writer, base_slug, find_file, open_document, used_ids
from .errors import KennisplatformError
from .taxonomy import Taxonomy

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "txt"}
MAX_BYTES = 2_000_000
BATCH = 20  # files saved per hold of the corpus lock
SUMMARY_MAX = 300
STATUSES = ("created", "updated", "unchanged", "duplicate", "failed")
STATUS_LABELS = {"created": "nieuw", "updated": "bijgewerkt", "unchanged": "ongewijzigd",
                 "duplicate": "dubbel", "failed": "mislukt"}

Progress = Callable[[int, int], None]


class ImportProblem(KennisplatformError):
    """A file that cannot be imported; the message is the reason shown to the editor."""

    status = 422


@dataclass
class Draft:
    """What a file says, before the taxonomy and the corpus are consulted."""

    title: str
    date: dt.date | None
    body: str  # Markdown
    summary: str = ""
    source: Source = field(default_factory=Source)
    type: str | None = None
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    disciplines: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()


@dataclass
class Outcome:
    path: str
    status: str  # one of STATUSES
    doc_id: str | None = None
    title: str | None = None
    reason: str | None = None  # failed: why; duplicate: which document; otherwise remarks
    suggested: tuple[str, ...] = ()  # fields whose values were suggested from the text

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    def line(self) -> str:
        text = f"{self.label:<12} {self.path}"
        if self.doc_id:
            text += f" -> {self.doc_id}"
        if self.reason:
            text += f" ({self.reason})"
        if self.suggested:
            text += f" [voorgesteld: {', '.join(self.suggested)}]"
        return text


@dataclass
class Options:
    type: str | None = None
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    dry_run: bool = False


# -- dates -------------------------------------------------------------------------------------------
MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
          "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
          "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
          "december": 12, "dec": 12}
_DUTCH_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True))
                         + r")\.?\s+(\d{4})\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def find_date(text: str) -> dt.date | None:
    """The first date in a text: '22 juni 2023', '2023-06-22' or '22-06-2023'."""
    found: list[tuple[int, dt.date]] = []
    for pattern, order in ((_DUTCH_DATE, "dmy-name"), (_ISO_DATE, "ymd"), (_NUMERIC_DATE, "dmy")):
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            try:
                if order == "dmy-name":
                    date = dt.date(int(c), MONTHS[b.lower()], int(a))
                elif order == "ymd":
                    date = dt.date(int(a), int(b), int(c))
                else:
                    date = dt.date(int(c), int(b), int(a))
            except ValueError:
                continue
            if 1900 <= date.year <= 2100:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else None


def parse_date_value(value: str | None) -> dt.date | None:
    return find_date(value) if value else None


# -- HTML --------------------------------------------------------------------------------------------
DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
             "button", "input", "select", "textarea", "label", "nav", "header", "footer", "aside", "dialog",
             "img", "picture", "video", "audio", "source", "map", "link", "meta"}
DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
              "menu", "menubar", "toolbar"}
NOISE = re.compile(r"(^|[-_ ])(cookie|cookies|consent|gdpr|cmp|privacy-banner|banner|newsletter|nieuwsbrief|"
                   r"share|sharing|social|breadcrumbs?|kruimelpad|skip|menu|sidebar|related|gerelateerd|"
                   r"advert|ads|promo|popup|modal|pagination|comments?|footer|nav|navbar|navigation|topbar|"
                   r"masthead|colophon|site-header|page-header|main-header)([-_ ]|$)", re.I)
MAIN_SELECTORS = ("article", "main", "[role=main]", "#content", "#main", ".content", ".main", ".article")
BLOCKS = {"p", "div", "section", "article", "main", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "dl", "dt", "dd", "hr", "figure", "figcaption", "address"}
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def _is_noise(tag: Tag) -> bool:
    if tag.name in DROP_TAGS:
        return True
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or tag.get("aria-modal") == "true":
        return True
    if (tag.get("role") or "").lower() in DROP_ROLES:
        return True
    names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return bool(names and NOISE.search(names))


def _clean(root: Tag) -> None:
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in list(root.find_all(True)):
        if tag.parent is not None and getattr(tag, "attrs", None) is not None and _is_noise(tag):
            tag.decompose()


def _main_element(soup: BeautifulSoup) -> Tag:
    """The element holding the article: <article> or <main> (the one with most text), else the body."""
    for selector in MAIN_SELECTORS:
        found = [el for el in soup.select(selector) if len(el.get_text(" ", strip=True)) > 40]
        if found:
            return max(found, key=lambda el: len(el.get_text(" ", strip=True)))
    return soup.body or soup


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = (soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
               or soup.find("meta", attrs={"itemprop": name}))
        if tag and tag.get("content", "").strip():
            return " ".join(tag["content"].split())
    return None


def _strip_site_name(title: str, site: str | None) -> str:
    """'Verslag CMK-bijeenkomst | Kunstgebouw' -> 'Verslag CMK-bijeenkomst'."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and (not site or site.lower() in parts[-1].lower() or len(parts[-1]) < 30):
        return " - ".join(parts[:-1]).strip()
    return title


def read_html(text: str, name: str = "") -> Draft:
    soup = BeautifulSoup(text, "html.parser")
    site = _meta(soup, "og:site_name")
    canonical = soup.find("link", rel=lambda v: v and "canonical" in (v if isinstance(v, list) else [v]))
    url = (canonical.get("href") if canonical else None) or _meta(soup, "og:url")
    url = url.strip() if url and url.strip().startswith(("http://", "https://")) else None
    date = (parse_date_value(_meta(soup, "article:published_time", "datePublished", "date", "dc.date",
                                   "DC.date", "dcterms.date", "dcterms.created", "publish-date", "pubdate"))
            or _time_date(soup))
    head_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    og_title = _meta(soup, "og:title")
    authors = tuple(a.strip() for a in re.split(r"[,;]| en ", _meta(soup, "author") or "") if a.strip())
    description = _meta(soup, "description", "og:description")
    _clean(soup)
    main = _main_element(soup)
    h1 = main.find("h1") or soup.find("h1")
    h1_text = " ".join(h1.get_text(" ").split()) if h1 else ""
    title = og_title or h1_text or _strip_site_name(head_title, site)
    title = _strip_site_name(title, site) if title == og_title and site else title
    if h1 is not None and h1_text and _same_text(h1_text, title) and main.find("h1") is h1:
        h1.decompose()  # the title is shown above the body already
    if date is None:
        date = find_date(main.get_text(" ")) or find_date(head_title)
    body = _drop_date_lines(html_to_markdown(main, base_url=url))
    summary = description or first_paragraph(body)
    return Draft(title=title or Path(name).stem, date=date, body=body, summary=_shorten(summary),
                 source=Source(url, authors, site))


def _drop_date_lines(markdown_text: str) -> str:
    """A date alone at the top ('14 maart 2024' under the title) is the document's date, not its text."""
    blocks = markdown_text.split("\n\n")
    while blocks and len(blocks[0].strip()) <= 30 and find_date(blocks[0]):
        blocks.pop(0)
    return "\n\n".join(blocks)


def _time_date(soup: BeautifulSoup) -> dt.date | None:
    for tag in soup.find_all("time"):
        date = parse_date_value(tag.get("datetime")) or parse_date_value(tag.get_text(" "))
        if date:
            return date
    return None


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def html_to_markdown(root: Tag, base_url: str | None = None) -> str:
    """Headings, paragraphs, lists, links, emphasis, quotes, code and tables as Markdown; the rest as text."""
    blocks = _blocks(root, base_url)
    text = "\n\n".join(b for b in blocks if b.strip())
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n" if text.strip() else ""


def _inline(node, base_url: str | None) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return _escape(re.sub(r"\s+", " ", str(node)))
    if not isinstance(node, Tag):
        return ""
    name = node.name
    inner = "".join(_inline(child, base_url) for child in node.children)
    if name == "br":
        return "  \n"
    if name in ("strong", "b"):
        return _wrap(inner, "**")
    if name in ("em", "i", "cite"):
        return _wrap(inner, "*")
    if name == "code":
        code = node.get_text()
        return f"`{code}`" if code.strip() and "`" not in code else inner
    if name == "a":
        href = (node.get("href") or "").strip()
        if base_url and href and not re.match(r"[a-z][a-z0-9+.-]*:", href, re.I) and not href.startswith("#"):
            href = urljoin(base_url, href)
        label = inner.strip()
        if label and re.match(r"(https?://|mailto:)", href, re.I):
            return f"[{label}]({href.replace(')', '%29').replace(' ', '%20')})"
        return inner
    return inner


def _wrap(text: str, mark: str) -> str:
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _blocks(node: Tag, base_url: str | None) -> list[str]:
    """Block-level Markdown for the children of `node`; runs of inline content become paragraphs."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = " ".join("".join(run).split(" ")).strip()
        text = re.sub(r"[ \t]+", " ", text).replace(" \n", "  \n") if text else ""
        if text:
            out.append(text)
        run.clear()

    for child in node.children:
        if isinstance(child, Tag) and child.name in BLOCKS:
            flush()
            out.extend(_block(child, base_url))
        else:
            run.append(_inline(child, base_url))
    flush()
    return out


def _block(el: Tag, base_url: str | None) -> list[str]:
    name = el.name
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = " ".join(_inline(el, base_url).split())
        return [f"{'#' * int(name[1])} {text}"] if text else []
    if name in ("ul", "ol"):
        return [_list(el, base_url, 0)]
    if name == "blockquote":
        inner = "\n\n".join(_blocks(el, base_url))
        return ["\n".join(f"> {line}" if line else ">" for line in inner.splitlines())] if inner else []
    if name == "pre":
        code = el.get_text().strip("\n")
        return [f"```\n{code.replace('```', '` ``')}\n```"] if code.strip() else []
    if name == "hr":
        return ["---"]
    if name == "table":
        return [_table(el, base_url)]
    if name == "dl":
        return ["\n".join(f"- {' '.join(_inline(item, base_url).split())}" for item in el.find_all(["dt", "dd"]))]
    return _blocks(el, base_url)  # div, section, p, figure, ...


def _list(el: Tag, base_url: str | None, depth: int) -> str:
    lines = []
    ordered = el.name == "ol"
    for number, item in enumerate(el.find_all("li", recursive=False), 1):
        marker = f"{number}." if ordered else "-"
        nested = [child for child in item.find_all(["ul", "ol"], recursive=False)]
        for child in nested:
            child.extract()
        text = " ".join(" ".join(_blocks(item, base_url)).split())
        indent = "    " * depth
        lines.append(f"{indent}{marker} {text}")
        for child in nested:
            lines.append(_list(child, base_url, depth + 1))
    return "\n".join(lines)


def _table(el: Tag, base_url: str | None) -> str:
    rows = []
    for tr in el.find_all("tr"):
        cells = [" ".join(_inline(c, base_url).split()).replace("|", "\\|") for c in tr.find_all(["th", "td"])]
        if cells:
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


# -- Markdown and text ---------------------------------------------------------------------------------
def first_paragraph(markdown_text: str) -> str:
    for block in re.split(r"\n\s*\n", markdown_text):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", ">", "|", "```")) and not re.match(r"\d+\.", block):
            return plain_text(block)
    return ""


def _shorten(text: str, limit: int = SUMMARY_MAX) -> str:
    """A summary of at most `limit` characters, ending at a sentence or word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > limit // 2 else cut.rsplit(" ", 1)[0] + " …"


def read_markdown(text: str, taxonomy: Taxonomy, name: str) -> Draft:
    """With front matter: its fields are used (and must be valid). Without: the first heading or line is
    the title, the first date in the text the date."""
    front, body = split_front_matter(text)
    if front is None:
        lines = [line for line in body.splitlines()]
        title, rest = _first_line(lines)
        title = re.sub(r"^#+\s*", "", title).strip()
        return _draft_from_text(title, "\n".join(rest), markdown=True)
    parsed = parse_document(text, Path(name).stem.lower(), taxonomy, name)
    if parsed.document is None:
        missing_date = any(p.field == "date" and "ontbreekt" in p.message for p in parsed.problems)
        errors = [p for p in parsed.problems if not (p.field == "date" and "ontbreekt" in p.message)]
        if missing_date and not errors:  # a date in the text will do
            meta_title = re.search(r"^title:\s*(.+)$", front, re.M)
            return _draft_from_text(meta_title.group(1).strip("'\" ") if meta_title else "", body, markdown=True)
        raise ImportProblem("; ".join(f"{p.field}: {p.message}" for p in parsed.problems))
    doc = parsed.document
    return Draft(doc.title, doc.date, doc.body, doc.summary, doc.source, doc.type, doc.themes, doc.regions,
                 doc.disciplines, doc.audience, doc.organisations)


def _first_line(lines: list[str]) -> tuple[str, list[str]]:
    for i, line in enumerate(lines):
        if line.strip():
            return " ".join(line.split()), lines[i + 1:]
    return "", []


BULLET = re.compile(r"^\s*[•·▪◦‣●○■□➤►–-]\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


def read_text(text: str) -> Draft:
    """Plain text: the first line is the title; short standalone lines become headings, bullets lists."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").splitlines()
    title, rest = _first_line(lines)
    return _draft_from_text(title, "\n".join(rest), markdown=False)


def _draft_from_text(title: str, body: str, markdown: bool) -> Draft:
    lines = body.splitlines()
    # The title often repeats below it without the site name ("X - Kunstgebouw", then "X"); a date alone
    # on a line near the top is the document's date, not text.
    date = None
    head_end = min(len(lines), 12)
    keep: list[str] = []
    for i, line in enumerate(lines):
        stripped = " ".join(line.split()).lstrip("#").strip()
        if i < head_end and stripped:
            if _same_text(stripped, title):
                continue
            if TITLE_SEPARATORS.split(title)[0] and _same_text(stripped, TITLE_SEPARATORS.split(title)[0]):
                title = stripped
                continue
            alone = find_date(stripped)
            if alone and len(stripped) <= 25:
                date = date or alone
                continue
        keep.append(line)
    text = "\n".join(keep)
    body_md = text.strip() + "\n" if markdown else text_to_markdown(text)
    date = date or find_date(text)
    return Draft(title=title[:MAX_TITLE], date=date, body=body_md, summary=_shorten(first_paragraph(body_md)))


def _looks_like_heading(line: str, before_blank: bool, next_line: str | None) -> bool:
    if not line or len(line) > 80 or BULLET.match(line) or NUMBERED.match(line):
        return False
    if not line[0].isupper() or line.endswith((".", ",", ";", ":")):
        return False
    if next_line is not None and (BULLET.match(next_line) or NUMBERED.match(next_line)):
        return False  # a label above a list ("Waar?") stays with its list
    if line.endswith("?") or line.endswith("!"):
        return before_blank and (next_line is None or next_line == "")
    return before_blank and len(line.split()) <= 10


def text_to_markdown(text: str) -> str:
    """Plain text to Markdown: paragraphs, headings (short standalone lines), bullet lists; the text is
    escaped so that nothing in it is read as Markdown or HTML."""
    lines = [" ".join(l.split()) for l in text.splitlines()]
    out: list[str] = []
    previous_blank = True
    for i, line in enumerate(lines):
        if not line:
            out.append("")
            previous_blank = True
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if BULLET.match(line):
            if out and out[-1] and not out[-1].startswith("- "):
                out.append("")
            out.append("- " + _escape(BULLET.sub("", line)))
        elif NUMBERED.match(line):
            if out and out[-1] and not re.match(r"\d+\. ", out[-1]):
                out.append("")
            number = re.match(r"\s*(\d+)", line).group(1)
            out.append(f"{number}. " + _escape(NUMBERED.sub("", line)))
        elif _looks_like_heading(line, previous_blank, following):
            out.extend(["", "## " + _escape(line), ""])
        else:
            if out and (out[-1].startswith("- ") or re.match(r"\d+\. ", out[-1] or "")):
                out.append("")
            out.append(_escape(line))
        previous_blank = False
    text = "\n".join(out)
    text = re.sub(r"(?m)^(#+ .*)\n(?!\n)", r"\1\n\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def read_path(path: Path, taxonomy: Taxonomy) -> Draft:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ImportProblem(f"bestandstype {path.suffix or '(geen)'} wordt niet ondersteund "
                            f"(wel: {', '.join(sorted(SUFFIXES))})")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportProblem("groter dan 2 MB")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if kind != "html":
            raise ImportProblem("geen UTF-8-tekst") from None
        text = data.decode("cp1252", errors="replace")
    if kind == "html":
        return read_html(text, path.name)
    if kind == "md":
        return read_markdown(text, taxonomy, path.name)
    return read_text(text)


# -- running an import ----------------------------------------------------------------------------------
def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to import: the paths given, and folders recursively (hidden files and folders skipped);
    files of other types inside folders are skipped, a file given by name is always tried."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) and child.suffix.lower() in SUFFIXES:
                    yield child
        else:
            yield path


class Importer:
    def __init__(self, corpus_dir: Path, index_dir: Path, taxonomy: Taxonomy | None = None,
                 options: Options | None = None):
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self.taxonomy = taxonomy or taxonomy_for(self.corpus_dir)
        self.options = options or Options()
        self._texts: suggest.TextIndex | None = None  # "very similar" checks against the corpus
        self._sources: dict[str, str] | None = None
        self._seen: list[tuple[str, str, Counter]] = []  # (id, title, vector) saved by this run

    def check_options(self) -> None:
        """Refuse unknown option values before touching any file."""
        opts = self.options
        if opts.type and not self.taxonomy.resolve("type", opts.type):
            raise ImportProblem(f"onbekend type '{opts.type}'")
        for facet, values in (("theme", opts.themes), ("region", opts.regions)):
            for value in values:
                if not self.taxonomy.resolve(facet, value):
                    hint = self.taxonomy.closest(facet, value)
                    raise ImportProblem(f"onbekende waarde '{value}'" + (f" (bedoelde u '{hint}'?)" if hint else ""))

    def run(self, paths: Iterable[Path], progress: Progress | None = None,
            names: dict[Path, str] | None = None) -> list[Outcome]:
        """Import every file; `names` gives the name to report for a path (uploads)."""
        self.check_options()
        self._texts = suggest.text_index(self.corpus_dir)
        files = list(iter_files(paths))
        self.batch = history.new_batch()  # one history batch per run: `undo-import` takes it back
        outcomes: list[Outcome] = []
        for start in range(0, len(files), BATCH):
            batch = files[start:start + BATCH]
            if self.options.dry_run:
                outcomes.extend(self._one(None, f, (names or {}).get(f, str(f))) for f in batch)
            else:
                with Writer(self.corpus_dir, self.index_dir, self.taxonomy,
                            author=history.Author("import", batch=self.batch)) as writer:
                    for f in batch:
                        outcomes.append(self._one(writer, f, (names or {}).get(f, str(f))))
            if progress:
                progress(min(start + BATCH, len(files)), len(files))
        return outcomes

    def _one(self, writer: Writer | None, path: Path, shown: str) -> Outcome:
        try:
            return self._import(writer, path, shown)
        except ImportProblem as problem:
            return Outcome(shown, "failed", reason=problem.message)
        except KennisplatformError as error:
            return Outcome(shown, "failed", reason=error.message)
        except (OSError, UnicodeError, ValueError) as error:
            return Outcome(shown, "failed", reason=f"niet leesbaar: {error}")

    def _import(self, writer: Writer | None, path: Path, shown: str) -> Outcome:
        draft = read_path(path, self.taxonomy)
        if not draft.title:
            raise ImportProblem("geen titel gevonden")
        if draft.date is None:
            raise ImportProblem("geen datum gevonden (zet er een in de tekst of in een YAML-kop)")
        if not draft.body.strip():
            raise ImportProblem("geen tekst gevonden")
        doc, suggested = self._document(draft)
        existing = self._same_document(doc)
        if existing is not None:
            return self._update(writer, existing, doc, draft, shown, suggested)
        duplicate = self._similar(doc)
        if duplicate is not None:
            return Outcome(shown, "duplicate", duplicate.id, doc.title,
                           f"lijkt op '{duplicate.title}' ({round(duplicate.score * 100)}%)")
        if writer is None:
            return Outcome(shown, "created", base_slug(doc.title, doc.date), doc.title, "proefdraai", suggested)
        saved = writer.save(doc)
        self._remember(saved.document)
        return Outcome(shown, "created", saved.document.id, doc.title, None, suggested)

    def _document(self, draft: Draft) -> tuple[Document, tuple[str, ...]]:
        """The Document: values from the options, else from the file, else suggested from the text."""
        opts, tax = self.options, self.taxonomy
        found = suggest.suggest(tax, draft.title, plain_text(draft.body))
        suggested = []

        def pick(key: str, facet: str, option: tuple[str, ...], own: tuple[str, ...]) -> tuple[str, ...]:
            if option:
                return tuple(dict.fromkeys(tax.resolve(facet, v) for v in option))
            if own:
                return own
            values = tuple(found.values(facet))
            if values:
                suggested.append(key)
            return values

        doc_type = tax.resolve("type", opts.type) if opts.type else draft.type
        if not doc_type:
            doc_type = found.type or "verslag"
            suggested.append("type")
        doc = Document(
            id="", type=doc_type, title=draft.title, date=draft.date, body=draft.body, summary=draft.summary,
            themes=pick("themes", "theme", opts.themes, draft.themes),
            regions=pick("regions", "region", opts.regions, draft.regions),
            disciplines=draft.disciplines or tuple(found.discipline),
            audience=draft.audience or tuple(found.audience),
            organisations=draft.organisations, source=draft.source)
        if not draft.disciplines and found.discipline:
            suggested.append("disciplines")
        if not draft.audience and found.audience:
            suggested.append("audience")
        return doc, tuple(suggested)

    # -- identity ---------------------------------------------------------------------------------------
    def _source_map(self) -> dict[str, str]:
        if self._sources is None:
            self._sources = suggest.source_map(self.corpus_dir)
        return self._sources

    def _same_document(self, doc: Document) -> str | None:
        """The id of the corpus document this file is a version of: same source address, or the same
        title and date (the slug a new file would get, or one of its numbered variants)."""
        url = suggest.normalise_url(doc.source.url)
        if url and url in self._source_map():
            doc_id = self._source_map()[url]
            if find_file(self.corpus_dir, doc_id):
                return doc_id
        slug = base_slug(doc.title, doc.date)
        taken = used_ids(self.corpus_dir)
        for n in range(1, 10):
            candidate = slug if n == 1 else f"{slug}-{n}"
            if candidate not in taken:
                continue
            try:
                opened = open_document(self.corpus_dir, candidate, self.taxonomy)
            except KennisplatformError:
                continue
            if _same_text(opened.document.title, doc.title) and opened.document.date == doc.date:
                return candidate
        return None

    def _similar(self, doc: Document) -> suggest.Duplicate | None:
        vector = suggest.word_vector(f"{doc.title}\n{plain_text(doc.body)}")
        for doc_id, title, other in self._seen:
            score = suggest.cosine(vector, other)
            if score >= suggest.SIMILARITY_THRESHOLD:
                return suggest.Duplicate(doc_id, title, "tekst", score)
        found = self._texts.similar(doc.title, doc.body) if self._texts else []
        return found[0] if found else None

    def _remember(self, doc: Document) -> None:
        self._seen.append((doc.id, doc.title, suggest.word_vector(f"{doc.title}\n{plain_text(doc.body)}")))
        if self._texts is not None and doc.path:
            self._texts.note(self.corpus_dir / doc.path, doc.title, doc.body)
        url = suggest.normalise_url(doc.source.url)
        if url:
            self._source_map().setdefault(url, doc.id)

    def _update(self, writer: Writer | None, doc_id: str, doc: Document, draft: Draft, shown: str,
                suggested: tuple[str, ...]) -> Outcome:
        """The file's title, date, text and source replace the document's; its taxonomy values stay
        (an editor may have curated them) unless the options or the file give values."""
        opened = open_document(self.corpus_dir, doc_id, self.taxonomy)
        old, opts = opened.document, self.options
        merged = doc.with_changes(
            id=doc_id,
            type=doc.type if (opts.type or draft.type) else old.type,
            themes=doc.themes if (opts.themes or draft.themes) else (old.themes or doc.themes),
            regions=doc.regions if (opts.regions or draft.regions) else (old.regions or doc.regions),
            disciplines=draft.disciplines or old.disciplines or doc.disciplines,
            audience=draft.audience or old.audience or doc.audience,
            organisations=draft.organisations or old.organisations,
            summary=doc.summary or old.summary,
            path=old.path,
        )
        if render_document(merged) == render_document(old):
            return Outcome(shown, "unchanged", doc_id, old.title)
        if writer is None:
            return Outcome(shown, "updated", doc_id, merged.title, "proefdraai")
        saved = writer.save(merged, expected_digest=opened.digest)
        self._remember(saved.document)
        if not saved.changed:
            return Outcome(shown, "unchanged", doc_id, old.title)
        return Outcome(shown, "updated", doc_id, merged.title)


def import_paths(corpus_dir: Path, index_dir: Path, paths: Iterable[Path], options: Options | None = None,
                 taxonomy: Taxonomy | None = None, progress: Progress | None = None) -> list[Outcome]:
    return Importer(corpus_dir, index_dir, taxonomy, options).run(paths, progress)


def summarise(outcomes: list[Outcome]) -> str:
    counts = Counter(o.status for o in outcomes)
    return ", ".join(f"{counts.get(s, 0)} {STATUS_LABELS[s]}" for s in STATUSES)


