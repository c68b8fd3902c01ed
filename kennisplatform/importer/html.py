"""Web pages: the article of a page (without navigation, banners, scripts and footers) as Markdown, with
its title, date, source address and authors from the page's metadata."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..documents import Source
from . import dates
from .dates import find_date
from .identity import normalise_url
from .model import Draft
from .text import escape, first_paragraph, shorten
from .titles import TITLE_SEPARATORS, choose_title, is_bare_date, names_site, removed_part, same_text, site_from_title

DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
             "button", "input", "select", "textarea", "label", "nav", "header", "footer", "aside", "dialog",
             "img", "picture", "video", "audio", "source", "map", "link", "meta"}
RAW_TEXT = ["script", "style", "noscript", "template", "textarea", "title", "xmp", "iframe"]  # never visible text
DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
              "menu", "menubar", "toolbar"}
NOISE = re.compile(r"(^|[-_ ])(cookie|cookies|consent|gdpr|cmp|privacy-banner|banner|newsletter|nieuwsbrief|"
                   r"share|sharing|social|breadcrumbs?|kruimelpad|skip|menu|sidebar|related|gerelateerd|"
                   r"advert|ads|promo|popup|modal|pagination|comments?|footer|nav|navbar|navigation|topbar|"
                   r"masthead|colophon|site-header|page-header|main-header|"
                   # Dutch names, and the widgets and plugins of common CMSs (WordPress, AddToAny, Shariff)
                   r"hoofdmenu|reacties|reactie|respond|meer-nieuws|lees-ook|zie-ook|top-bar|widget-area|site-info|"
                   r"a2a|addtoany|sharethis|shariff|sharedaddy)([-_ ]|$)"
                   # consent managers name their banner in one word ('CybotCookiebotDialog', 'cookieNotice')
                   r"|cookie|consent|onetrust", re.I)
# The label of a row of share buttons ('Deel dit artikel: Facebook LinkedIn'), when its plugin is not known
SHARE_LABEL = re.compile(r"^\s*(deel (dit|deze|het)\b|delen\b|deel via\b|share (this|on)\b|share\b)", re.I)
SHARE_MAX_CHARS = 150
SHARE_LABEL_MAX = 40  # characters of a share row that are not its buttons
# A place's name: 'Antwerpen', 'Sint-Niklaas', 'Alphen aan den Rijn' (its capitals)
_PLACE = r"(?-i:[A-Z])[\w'’-]+(?:[ -](?-i:[A-Z])[\w'’-]+){0,3}"
MAIN_SELECTORS = ("article", "main", "[role=main]", "#content", "#main", ".content", ".main", ".article")
# Real pages nest 10-60 elements deep; the Markdown conversion recurses per level (two frames for a block),
# so deeper elements (a broken or hostile page: 900 nested <div>s) are replaced by their text.
MAX_DEPTH = 120
BLOCKS = {"p", "div", "section", "article", "main", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "dl", "dt", "dd", "hr", "figure", "figcaption", "address"}


def flatten(root: Tag, limit: int = MAX_DEPTH) -> None:
    """Replace every element `limit` levels below `root` by its text (found without recursion), without the
    navigation, scripts and banners in it: the words of a broken or hostile page nested deeper stay, as
    plain text, words apart. Done first, so that the rest of the reading walks a tree of bounded depth."""
    boundary: list[Tag] = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.children:
            if isinstance(child, Tag):
                if depth + 1 >= limit:
                    boundary.append(child)  # its subtree is not walked: each element is visited once
                else:
                    stack.append((child, depth + 1))
    for tag in boundary:
        text = ""
        if not _is_noise(tag):
            _clean(tag)
            text = " ".join(tag.get_text(" ").split())
        tag.replace_with(f" {text} " if text else " ")


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
        if tag.parent is not None and getattr(tag, "attrs", None) is not None and _is_noise(tag) \
                and not _holds_article(tag):
            tag.decompose()
    _drop_share_rows(root)
    _drop_cookie_notices(root)
    _drop_buttons(root)


# A link dressed as a button ('btn btn-primary', Elementor's 'elementor-button', WordPress's
# 'wp-block-button__link'): 'Boek nu', 'Schrijf je school in', a call to act on the site, not text.
BUTTON_CLASS = re.compile(r"(?:^|[-_])(?:btn|button)(?:$|[-_])", re.I)
BUTTON_MAX = 60  # characters of a button's text


def _drop_buttons(root: Tag) -> None:
    """Links with a button's class, alone on their line with other buttons at most (the inline content between
    two blocks; a link in a sentence stays, whatever its class)."""
    buttons = [a for a in root.find_all("a") if any(BUTTON_CLASS.search(c) for c in a.get("class") or [])
               and len(a.get_text(" ", strip=True)) <= BUTTON_MAX]
    ids = {id(a) for a in buttons}
    for button in buttons:
        if button.parent is None:
            continue  # left out with a button before it
        node = button
        while node.parent is not None and node.parent.name not in BLOCKS and node.parent is not root:
            node = node.parent
        run = [node]
        for step in ("previous_sibling", "next_sibling"):
            sibling = getattr(node, step)
            while sibling is not None and not (isinstance(sibling, Tag) and sibling.name in BLOCKS):
                run.append(sibling)
                sibling = getattr(sibling, step)
        own = "".join(text for part in run
                      for text in ([part] if isinstance(part, NavigableString) else part.find_all(string=True))
                      if id(text) not in ids and not any(id(p) in ids for p in text.parents))
        if not re.sub(r"[\s|·•-]", "", own):
            for part in run:
                if isinstance(part, Tag):
                    for other in [part] if id(part) in ids else [a for a in part.find_all("a") if id(a) in ids]:
                        other.decompose()


def _holds_article(tag: Tag) -> bool:
    """A wrapper that a name or tag would make noise but that holds the article: the Genesis theme's
    'content-sidebar-wrap' around <main> and the sidebar, an ASP.NET page's <form> around the whole page. Kept
    (the article is chosen inside it later); what is noise inside it still goes."""
    if tag.name in ("script", "style", "template", "noscript", "iframe", "svg", "nav", "aside", "footer"):
        return False
    return (tag.find(["main", "article"]) is not None or tag.find(attrs={"role": "main"}) is not None
            or (tag.name == "form" and tag.find("h1") is not None))


# A cookie notice whose element names say nothing ('avg-melding'): a short block about cookies with a link or
# button to agree ('OK', 'Akkoord'). A sentence about cookies in an article has no such link.
COOKIE_TEXT = re.compile(r"\bcookies?\b", re.I)
# The button or link of such a notice: its whole text one of these.
COOKIE_BUTTON = re.compile(r"(?:ok(?:é|ay)?|akkoord|ik ga akkoord|accepteren|accepteer|"
                           r"(?:alle )?cookies (?:accepteren|toestaan)|accepteer (?:alle )?cookies|toestaan|"
                           r"alles toestaan|sluiten|begrepen|prima|"
                           r"ja,? (?:prima|akkoord)|accept(?: all)?(?: cookies)?|i agree|got it)[.!]?", re.I)
COOKIE_NOTICE_MAX = 400


def _drop_cookie_notices(root: Tag) -> None:
    """The smallest block (of the three around a mention of cookies) that is short and has an agree button.
    Each block's length is measured once, however many mentions it holds."""
    long_blocks: set[int] = set()
    for text in list(root.find_all(string=COOKIE_TEXT)):
        if text.parent is None:
            continue
        for block in list(text.parents)[:3]:
            if block.name in ("body", "html", "[document]", "main", "article") or id(block) in long_blocks:
                break
            if len(" ".join(block.get_text(" ").split())) > COOKIE_NOTICE_MAX:
                long_blocks.add(id(block))
                break
            if any(COOKIE_BUTTON.fullmatch(" ".join(b.get_text(" ").split())) for b in block.find_all(["a", "button"])):
                block.decompose()
                break


def _drop_share_rows(root: Tag) -> None:
    """A row of share buttons under a label ('Deel dit artikel:', 'Delen:') whose plugin the class names do not
    tell: the smallest block around the label that holds two links or more and little text besides them (a
    sentence that starts with 'Delen' and has links in it stays)."""
    for label in list(root.find_all(string=SHARE_LABEL)):
        block = label.parent
        for _ in range(3):
            if block is None or block.name in ("body", "main", "article", "[document]"):
                break
            text = " ".join(block.get_text(" ").split())
            if len(text) > SHARE_MAX_CHARS:
                break
            links = block.find_all("a")
            if len(links) >= 2:
                label_chars = len(text) - sum(len(" ".join(a.get_text(" ").split())) for a in links)
                if label_chars <= SHARE_LABEL_MAX:  # the label, and the buttons: not a sentence with links
                    block.decompose()
                break
            block = block.parent


def _main_element(soup: BeautifulSoup, heading: Tag | None = None) -> Tag:
    """The element holding the article: <article> or <main> (the one with most text); else, on a page of
    plain <div>s, the smallest element around the title's heading that holds the article's paragraphs
    (not the menus, banners and sidebars beside it); else the body."""
    for selector in MAIN_SELECTORS:
        found = [el for el in soup.select(selector) if len(el.get_text(" ", strip=True)) > 40]
        if found:
            return max(found, key=lambda el: len(el.get_text(" ", strip=True)))
    body = soup.body or soup
    cell = _layout_cell(body)
    if cell is not None and (heading is None or cell in heading.parents):
        return cell
    if heading is not None:
        for parent in heading.parents:
            if parent is body or parent.name in ("body", "html", "[document]"):
                break
            if _paragraph_chars(parent) >= ARTICLE_MIN_CHARS:
                return parent
    return body


ARTICLE_MIN_CHARS = 200  # paragraph text around a heading that makes its element the article
LAYOUT_TABLE_SHARE = 0.8  # and its table at least this share: the page is laid out in it
LAYOUT_SHARE = 0.5  # a table cell with this share of a page's text is its text column (a page laid out in a table)


def _layout_cell(body: Tag) -> Tag | None:
    """A page laid out in a table (a login box in one cell, the text in the next, the footer in a row below): the
    innermost cell that holds at least half of the page's text, and ARTICLE_MIN_CHARS at least."""
    cells = body.find_all("td")
    if not cells:
        return None
    total = len(" ".join(body.get_text(" ").split()))
    sizes = [(len(" ".join(cell.get_text(" ").split())), cell) for cell in cells]
    large = [(size, cell) for size, cell in sizes if size >= max(ARTICLE_MIN_CHARS, LAYOUT_SHARE * total)]
    if not large:
        return None
    cell = min(large, key=lambda pair: pair[0])[1]
    tables = cell.find_parents("table")
    outer = tables[-1] if tables else None
    # A layout table holds the page: its text outside the table is a line or two at most (a data table with a long
    # cell under an introduction is the article's, not its layout).
    inside = len(" ".join(outer.get_text(" ").split())) if outer is not None else 0
    return cell if inside >= LAYOUT_TABLE_SHARE * total else None


def _bold_lead(main: Tag) -> Tag | None:
    """A first line in bold, alone on its line ('<font size=4><b>Cultuurcafé ...</b></font><br>'): the title of a
    page laid out before headings were used. The outermost inline element around it."""
    first = next((t for t in main.find_all(string=True) if t.strip() and not isinstance(t, Comment)), None)
    bold = next((p for p in first.parents if p.name in ("b", "strong")), None) if first is not None else None
    if bold is None or main not in bold.parents:
        return None
    node = bold
    while node.parent is not None and node.parent is not main and node.parent.name in INLINE_WRAPPERS:
        node = node.parent
    following = node.next_sibling
    while isinstance(following, NavigableString) and not following.strip():
        following = following.next_sibling
    text = " ".join(node.get_text(" ").split())
    if (following is None or (isinstance(following, Tag) and (following.name == "br" or following.name in BLOCKS))) \
            and text and len(text) <= HEADING_MAX and not text.endswith((".", ",", ":", ";")):
        return node
    return None


INLINE_WRAPPERS = {"font", "span", "big", "u", "em", "i", "b", "strong"}
HEADING_MAX = 150


def _paragraph_chars(el: Tag) -> int:
    return sum(len(" ".join(p.get_text(" ").split())) for p in el.find_all(["p", "li", "td"]))


def _title_heading(root: Tag, titles: list[str], site: str | None, url: str | None) -> Tag | None:
    """The <h1> of the page's title: of several, the one that is the page title's (or og:title's) part, else
    the first that does not name the site (a logo in an <h1>: 'Concent' at concent.nl)."""
    headings = [h for h in root.find_all("h1") if " ".join(h.get_text(" ").split())]
    if len(headings) <= 1:
        if headings and _names_the_site(headings[0], site, url) and any(titles):
            return None  # the only <h1> is the site's logo; the title comes from the page's metadata
        return headings[0] if headings else None
    parts = [part.strip() for title in titles if title for part in [title, *TITLE_SEPARATORS.split(title)]]
    for heading in headings:
        text = " ".join(heading.get_text(" ").split())
        if any(same_text(text, part) for part in parts) and not _names_the_site(heading, site, url):
            return heading
    return next((h for h in headings if not _names_the_site(h, site, url)), headings[0])


def _names_the_site(heading: Tag, site: str | None, url: str | None) -> bool:
    text = " ".join(heading.get_text(" ").split())
    return names_site(text, site, url)


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = (soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
               or soup.find("meta", attrs={"itemprop": name}))
        if tag and tag.get("content", "").strip():
            return _as_text(tag["content"])
    return None


def _as_text(value: str) -> str | None:
    """A meta tag's value as text: some CMSs put markup in a description ('&lt;p&gt;...', even a script),
    which would be the document's summary and snippet; its text without scripts and styles is kept."""
    if "<" in value:
        fragment = BeautifulSoup(value, "html.parser")
        for tag in fragment.find_all(RAW_TEXT):
            tag.decompose()
        value = fragment.get_text(" ")
    return " ".join(value.split()) or None


def read_html(text: str, name: str = "", url: str | None = None) -> Draft:
    """A web page as a Draft. `url`: where the page was fetched, when the page does not say it itself."""
    soup = BeautifulSoup(_without_word_conditionals(text), "html.parser")
    flatten(soup)
    _word_lists(soup)
    site = _meta(soup, "og:site_name")
    url = _page_url(soup) or url
    published = dates.published_date(soup)
    head_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    og_title = _meta(soup, "og:title")
    authors = tuple(a.strip() for a in re.split(r"[,;]| en ", _meta(soup, "author") or "") if a.strip())
    description = _meta(soup, "description", "og:description")
    modified = dates.modified_date(soup)
    _clean(soup)
    h1 = _title_heading(soup, [og_title, head_title], site, url)
    main = _main_element(soup, h1)
    if main.find("h1") is not None and (h1 is None or main not in h1.parents):
        h1 = _title_heading(main, [og_title, head_title], site, url) or h1  # the article's own <h1> first
    h1_text = " ".join(h1.get_text(" ").split()) if h1 else ""
    subheading = main.find(["h2", "h3"])
    site = site or site_from_title(head_title, h1_text or (" ".join(subheading.get_text(" ").split())
                                                           if subheading else ""))
    title = choose_title(og_title, h1_text, head_title, site, url)
    untitled = bool(UNTITLED_PAGE.fullmatch(title.strip()))  # an editor's default: 'Naamloos document'
    bold = _bold_lead(main) if h1 is None else None
    if bold is not None and title and " ".join(bold.get_text(" ").split()).casefold().startswith(title.casefold() + " "):
        untitled = True  # <title> 'Nieuwsbrief' above the bold line 'Nieuwsbrief Cultuur & School maart 2024'
    stand_in = untitled or _site_only(title, site, url)
    if stand_in and subheading is not None and _text_before(main, subheading) <= LABELS_MAX:
        # An old theme's <h1> is the site's logo and <title> the site's name: the post's title is its first
        # heading ('<h2 class="entry-title">Cultuurplatform</h2>').
        site = site if untitled else site or title
        title, h1 = " ".join(subheading.get_text(" ").split()), subheading
    elif stand_in and (lead := _bold_lead(main)) is not None:
        # A page of the nineties, laid out in a table: its title a line in bold above the text.
        site = site if untitled else site or title
        title, h1 = " ".join(lead.get_text(" ").split()), lead
    elif untitled:
        title = ""  # the file's name, below
    site = site or removed_part(head_title, title)
    labels: list[NavigableString] = []
    if h1 is not None and same_text(" ".join(h1.get_text(" ").split()), title) and main in h1.parents:
        labels = _labels_before(main, h1)
        h1.decompose()  # the title is shown above the body already
    date = (published or dates.time_date(main) or dates.url_date(url)
            or dates.text_date(main.get_text("\n")) or _title_date(og_title, head_title) or modified)
    _drop(labels, main)  # after the date was read: 'Publicatiedatum: 04-12-2019' may be one of them
    _drop_see_also(main)
    _drop_page_contents(main)
    if not CONTACT_HEADING.match(title):
        _drop_contact_blocks(main)
    body, bylines = _drop_furniture(_drop_date_lines(html_to_markdown(main, base_url=url)))
    authors = authors or bylines  # 'Door Casper van den Broek - 18-9-2016': the date line goes, the name stays
    if description and _site_description(description, [site, *TITLE_SEPARATORS.split(head_title)], title):
        description = None  # 'OBS De Regenboog in Gouda' on every page of the site: the text says more
    summary = description or first_paragraph(_without_labels(body, title))
    return Draft(title=title or Path(name).stem, date=date, body=body, summary=shorten(summary),
                 source=Source(url, authors, site))


# What a site's description says besides its name: 'Welkom op de website van ...', '... in Gouda'.
_SITE_WORDS = re.compile(r"(?:(?:welkom|op|bij|de|het|website|site|homepage|van|officiële|officiele)\s+)*(?P<name>.+?)"
                         rf"(?:\s*[,:-]?\s+(?:in|te|uit)\s+{_PLACE})?\s*[.!]?", re.I)


def _site_description(description: str, names: list[str | None], title: str) -> bool:
    """A page's description that is the site's own ('OBS De Regenboog in Gouda', 'Welkom op de website van OBS De
    Regenboog'), the same on all its pages: its name, with a welcome or a place at most. `names`: the site's name
    if known, and the parts of the page's <title> ('Nieuws - OBS De Regenboog'), other than the page's title."""
    match = _SITE_WORDS.fullmatch(" ".join(description.split()))
    return bool(match) and any(name and name.strip() and not same_text(name.strip(), title)
                               and same_text(match.group("name"), name.strip()) for name in names)


# Word's 'Opslaan als webpagina' (.htm): downlevel-revealed conditional comments around a list item's bullet
# ('<![if !supportLists]>·&nbsp;&nbsp;<![endif]>'), whose words html.parser would keep as text ('if !supportLists').
_WORD_BULLET = re.compile(r"<!\[if !supportLists\]>.{0,2000}?<!\[endif\]>", re.S | re.I)
_WORD_CONDITIONAL = re.compile(r"<!\[(?:if [^\]>]{0,200}|endif)\]>", re.I)


def _without_word_conditionals(text: str) -> str:
    if "<![" not in text:
        return text
    return _WORD_CONDITIONAL.sub("", _WORD_BULLET.sub("", text))


def _word_lists(soup: BeautifulSoup) -> None:
    """Word's list paragraphs (class 'MsoListParagraph', 'MsoListParagraphCxSpFirst', ...: a paragraph with a bullet
    in front) as the list they are: each run of them becomes one <ul>."""
    for paragraph in soup.find_all("p", class_=re.compile(r"^MsoList")):
        if paragraph.parent is None or paragraph.find_parent("ul") is not None:
            continue
        listing = soup.new_tag("ul")
        paragraph.insert_before(listing)
        current = paragraph
        while isinstance(current, Tag) and current.name == "p" and any(
                c.startswith("MsoList") for c in current.get("class") or []):
            following = current.find_next_sibling()
            item = soup.new_tag("li")
            item.extend(list(current.contents))
            current.decompose()
            listing.append(item)
            current = following


def _title_date(*titles: str | None) -> dt.date | None:
    """A page whose title is only a date ('12 maart 2023', never its title) still says when it is from."""
    for title in titles:
        if title and is_bare_date(title):
            found = find_date(title)
            if found:
                return found
    return None


def _page_url(soup: BeautifulSoup) -> str | None:
    """The address the page gives itself (canonical link, else og:url): a web address with a host. One that does
    not parse ("https://[a.b/", an unclosed bracket) is missing metadata, not a reason to refuse the page."""
    canonical = soup.find("link", rel=lambda v: v and "canonical" in (v if isinstance(v, list) else [v]))
    for url in ((canonical.get("href") if canonical else None), _meta(soup, "og:url")):
        url = (url or "").strip()
        if url.startswith(("http://", "https://")) and normalise_url(url) is not None:
            return url
    return None


LABELS_MAX = 150  # characters of labels and links above an article's title ('Nieuws', 'Foto: ...', 'Terug')
LABEL_MAX = 50


def _text_before(root: Tag, element: Tag) -> int:
    """How many characters of text `root` has before `element`."""
    return sum(len(text.strip()) for text in _strings_before(root, element))


def _strings_before(root: Tag, element: Tag) -> list[NavigableString]:
    return [text for text in element.find_all_previous(string=True)
            if text.strip() and not isinstance(text, Comment) and root in text.parents]


def _labels_before(root: Tag, heading: Tag) -> list[NavigableString]:
    """What an article's template puts above its title inside the article: a category ('Nieuws', 'Algemeen'),
    a photo credit ('Afbeelding', 'Foto: Jord Visser'), the page's buttons ('Meer', 'Inhoud', 'Terug') and a
    date line: short labels, to be left out. Text above the title that is longer (an introduction set above
    it) stays: then none is."""
    strings = _strings_before(root, heading)
    if sum(len(t.strip()) for t in strings) <= LABELS_MAX and all(len(t.strip()) <= LABEL_MAX for t in strings):
        return strings
    return []


def _drop(strings: list[NavigableString], root: Tag) -> None:
    """The strings, and the elements they leave empty (a category's list item), up to `root`."""
    for text in strings:
        parent = text.parent
        text.extract()
        empty = None
        while parent is not None and parent is not root and not parent.get_text(strip=True):
            empty, parent = parent, parent.parent
        if empty is not None:
            empty.decompose()


def _only_links(element: Tag, label: int = 0) -> bool:
    """Whether an element holds links and nothing else but `label` characters (and separators)."""
    text = len(re.sub(r"[\s,;:|•·]", "", element.get_text()))
    links = sum(len(re.sub(r"[\s,;:|•·]", "", a.get_text())) for a in element.find_all("a"))
    return bool(element.find("a")) and text - links <= label


def _drop_see_also(root: Tag) -> None:
    """'Lees ook:' ('Zie ook', 'Gerelateerde berichten') with links to other pages, in a list below it or after it
    on its line: left out. A sentence that starts with 'Lees ook' and says more than its links stays."""
    seen: set[int] = set()  # blocks looked at: each once, however many of the words it holds
    for text in list(root.find_all(string=SEE_ALSO)):
        if text.parent is None:
            continue  # inside a block already left out
        block = next((p for p in text.parents if p.name in SEE_ALSO_BLOCKS), None)
        if block is None or block is root or id(block) in seen or root not in block.parents:
            continue
        seen.add(id(block))
        starts = SEE_ALSO.match(" ".join(block.get_text(" ").split()))
        if not starts:
            continue  # the words stand inside the block's text, not at its start
        label = len(re.sub(r"[\s:]", "", starts.group(0)))
        own = len(re.sub(r"[\s:]", "", block.get_text()))
        following = block.find_next_sibling()
        if own <= label and following is not None and following.name in ("ul", "ol", "div", "p") \
                and _only_links(following):
            following.decompose()
            block.decompose()
        elif own > label and _only_links(block, label):
            block.decompose()


SEE_ALSO_BLOCKS = {"p", "div", "h2", "h3", "h4", "h5", "h6", "li", "section"}
# The label of a list of links to the page's own sections (a municipal page's 'Op deze pagina').
PAGE_CONTENTS_LABEL = re.compile(r"^(?:op deze pagina|in dit artikel|inhoud|inhoudsopgave|snel naar|ga direct naar|"
                                 r"spring naar|direct naar)\s*:?$", re.I)


def _drop_page_contents(root: Tag) -> None:
    """A list whose items are each a link to a section of the page itself ('#aanvragen'): in-page navigation,
    with its label above it ('Op deze pagina'). The sections' own headings stay."""
    for listing in root.find_all(["ul", "ol"]):
        if listing.parent is None:
            continue
        items = listing.find_all("li", recursive=False)
        if len(items) < 2 or not all(_anchor_only(item) for item in items):
            continue
        label = listing.find_previous_sibling()
        if label is not None and PAGE_CONTENTS_LABEL.match(" ".join(label.get_text(" ").split())):
            label.decompose()
        listing.decompose()


def _anchor_only(item: Tag) -> bool:
    links = item.find_all("a")
    own = " ".join(item.get_text(" ").split())
    return bool(links) and all((a.get("href") or "").startswith("#") for a in links) \
        and own == " ".join(" ".join(a.get_text(" ").split()) for a in links)

# A municipality's or an organisation's contact block beside or below the text: a heading of its own, and an
# address, phone number, e-mail address or opening hours, in short lines.
CONTACT_HEADING = re.compile(r"^(?:contact(?:gegevens|informatie)?|adres(?:gegevens)?|bezoekadres|postadres|"
                             r"openingstijden|openingstijden vandaag|bereikbaarheid)\s*:?$", re.I)
CONTACT_SIGN = re.compile(r"\b\d{4} ?[A-Z]{2}\b|\b(?:telefoon|tel\.?|e-?mail)\s*:|\b0\d{1,3}[ -]?\d{6,7}\b|"
                          r"\b14 ?0\d{2,3}\b|@[\w-]+\.|\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}")
CONTACT_MAX = 600  # characters of a contact block
CONTACT_LINE_MAX = 150  # a paragraph longer than this is text, not an address


def _drop_contact_blocks(main: Tag) -> None:
    """A section under a heading 'Contact' ('Openingstijden', 'Adres') with an address, phone, e-mail or opening
    hours in short lines and nothing of the text after it: left out, the last first ('Openingstijden' under
    'Contact'). Its wrapper (a column 'col-4') goes with it when it holds nothing else. A contact page keeps it
    (its title says 'Contact')."""
    for heading in reversed(main.find_all(["h2", "h3", "h4", "h5", "h6"])):
        if heading.parent is None or not CONTACT_HEADING.match(" ".join(heading.get_text(" ").split())):
            continue
        level = int(heading.name[1])
        section = [heading]
        for sibling in heading.next_siblings:
            if isinstance(sibling, Tag) and re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
                break
            section.append(sibling)
        texts = [" ".join(part.get_text(" ").split()) if isinstance(part, Tag) else " ".join(str(part).split())
                 for part in section[1:]]
        joined = " ".join(texts)
        if not joined or len(joined) > CONTACT_MAX or not CONTACT_SIGN.search(joined) \
                or any(len(t) > CONTACT_LINE_MAX for t in texts):
            continue
        last = section[-1]
        if any(text.strip() and main in text.parents and not (isinstance(last, Tag) and last in text.parents)
               for text in last.find_all_next(string=True)):
            continue  # text of the article follows
        wrapper = heading.parent
        for part in section:
            part.extract()
        while wrapper is not None and wrapper is not main and not wrapper.get_text(strip=True):
            wrapper, empty = wrapper.parent, wrapper
            empty.decompose()


def _site_only(title: str, site: str | None, url: str | None) -> bool:
    """A title that is the site's name ('Cultuur Culemborg' at cultuurculemborg.nl) or a host name
    ('Cultuurlokaal.nl')."""
    return bool(title) and (names_site(title, site, url) or bool(HOST_NAME.fullmatch(title.strip())))


# What an HTML editor writes in <title> when nobody gave one: Dreamweaver ('Untitled Document', 'Naamloos document'),
# FrontPage ('Nieuwe pagina 1'), Google Docs ('Naamloos document'), Word's 'Opslaan als webpagina'.
UNTITLED_PAGE = re.compile(r"(?:untitled|naamloos|zonder titel)(?:[ -](?:document|page|pagina|\d+))?|"
                           r"(?:nieuwe pagina|new page|pagina|page)[ -]?\d+|document zonder titel|untitled-\d+|"
                           r"(?:index|default)(?:\.html?)?", re.I)
HOST_NAME = re.compile(r"(?:www\.)?[\w-]+\.(?:nl|be|com|org|net|eu|info|nu|frl)", re.I)

# Lines a CMS writes about the page, not the text: when it was published or changed, and by whom.
_META_LABEL = (r"(?:deze pagina is )?(?:voor het )?(?:laatst )?(?:gewijzigd|bijgewerkt|aangepast)(?: op)?|"
               r"(?:gepubliceerd|geplaatst|gepost|verschenen)(?: op)?|publicatiedatum|"
               r"(?:datum )?laatste (?:wijziging|update|aanpassing)|datum (?:publicatie|wijziging|plaatsing)|"
               r"posted(?: on)?|published(?: on)?|updated(?: on)?|last (?:modified|updated)(?: on)?")
META_LABEL = re.compile(rf"^(?:{_META_LABEL})\s*:?$", re.I)
# The label and a date, perhaps a time ('om 14.05 uur') and a byline ('door Redactie'); or a byline and a date.
_TIME = r"(?:,?\s*(?:om\s+)?\d{{1,2}}[:.u]\d{{2}}(?:\s*uur)?)?"
_BYLINE = r"door\s+(?-i:[A-Z])[^\d|]{0,40}\s*[|,-]?\s*"  # 'door Redactie', 'Door Jan de Vries |'
# A news site's update after the date: 'Door Richard Walraven - 3-2-2017, 10:46 (Update 3-2-2017, 10:46)'.
_UPDATE = r"(?:\s*\((?:update|bijgewerkt|laatst bijgewerkt|gewijzigd|aangepast)\b[^()]{0,40}\))?"
META_LINE = re.compile(rf"^(?:(?:{_META_LABEL})\s*:?\s*(?:{_BYLINE})?|{_BYLINE})"
                       rf"(?P<date>(?:[a-z]{{2,9}}\.?,?\s+)?\d.{{4,28}}?){_TIME.format()}{_UPDATE}\s*\.?$", re.I)
META_LINE_MAX = 90
# A byline of a name, a date and time, and when it was changed ('Niels van Rens | 3 december 2024 11:19 | Aangepast
# op 3 december 2024 11:19'), or of a name alone ('Door Truus Oudendijk', 'Door Redactie').
_DATE_ANY = r"(?:[a-z]{2,9}\.?,?\s+)?\d{1,2}[-/. ]+(?:\d{1,2}|[a-z]{3,9}\.?)[-/. ]+\d{2,4}"
NAME_DATE_LINE = re.compile(rf"^(?P<name>(?-i:[A-Z])[^\d|]{{2,40}}?)\s*\|\s*(?P<date>{_DATE_ANY}){_TIME.format()}"
                            rf"(?:\s*\|\s*(?:aangepast|bijgewerkt|gewijzigd|update)(?: op)?:?\s*{_DATE_ANY}{_TIME.format()})?"
                            r"\s*$", re.I)
_PARTICLE = r"(?:van|de|der|den|ter|ten|te|het|'t|in|op|la|le|du|da|di|von|el|al)"
_NAME = rf"(?-i:[A-Z])[\w'’.-]+(?:\s+(?:{_PARTICLE}\s+)*(?-i:[A-Z])[\w'’.-]+){{1,2}}"
BARE_BYLINE = re.compile(rf"door\s+(?P<name>{_NAME}|(?:web)?redactie|admin|beheerder)\.?", re.I)
# Lines about the page wherever they stand: a photo credit alone, a share label whose buttons are gone, a skip
# link, an embedded player waiting for consent, a photo carousel's controls.
LINE_FURNITURE = [
    re.compile(r"(?:foto|foto's|beeld|fotografie|illustratie|afbeelding)\s*:\s*[^.!?]{2,60}", re.I),
    re.compile(r"(?:deel|delen)(?: (?:dit|deze|het) (?:artikel|bericht|pagina|nieuws(?:bericht)?))?"
               r"(?: (?:per|via|op) (?:e-?mail|whatsapp|facebook|x|twitter|linkedin))?\s*:?", re.I),
    re.compile(r"(?:(?:doorgaan|ga|direct|spring|meteen)\s+)?naar\s+(?:de\s+)?(?:hoofdcontent|hoofdinhoud|inhoud|"
               r"content|hoofdmenu|menu|navigatie|zoeken)(?:\s+(?:springen|gaan))?|skip to (?:main )?content", re.I),
    re.compile(r"wachten op (?:de )?(?:privacy|cookie)[- ]?(?:instellingen|voorkeuren)\W*|deze (?:inhoud|content|video|"
               r"media) (?:kan|wordt) niet (?:worden )?(?:getoond|weergegeven)[^.]{0,80}\.?", re.I),
    re.compile(r"(?:(?:volgende|vorige|vergroot|sluiten|pauzeer|afspelen|previous|next)\s*){2,}"
               r"(?:\d{1,3}\s*/\s*\d{1,3})?", re.I),
    # a read-aloud button (ReadSpeaker on municipal sites) and a reading time ('Leestijd: 3 minuten', '< 1 min lezen')
    # a breadcrumb's label whose trail is gone ('U bent hier' at the end of SP's pages)
    re.compile(r"(?:u bent|je bent|jij bent) hier\s*:?|you are here\s*:?", re.I),
    # a news site's advertisement slot ('Advertentie', 'Lees verder onder de advertentie', DPG Media)
    re.compile(r"advertentie|advertisement|lees verder (?:onder|na) de advertentie|(?:het )?artikel gaat verder "
               r"(?:onder|na) de advertentie|verder lezen onder de advertentie", re.I),
    re.compile(r"lees voor|voorleesfunctie|(?:leestijd|leesduur)\s*:?\s*(?:&lt;|<|±|~|ca\.)?\s*\d{1,2}\s*"
               r"min(?:uten|uut)?\.?|(?:&lt;|<|±|~|ca\.)?\s*\d{1,2}\s*min(?:uten|uut)?\.?\s+(?:lezen|leestijd|leesduur)",
               re.I),
]
LINE_FURNITURE_MAX = 100
# 'Lees ook:' with a list of links below it (or after it): other pages, not this one's text.
SEE_ALSO = re.compile(r"^(?:lees ook|lees meer|zie ook|bekijk ook|meer lezen|ook interessant|"
                      r"gerelateerde (?:artikelen|berichten|pagina's|nieuwsberichten)|gerelateerd|"
                      r"meer over dit onderwerp|"
                      r"meer nieuws|ander nieuws|"
                      # a post's tags and categories, links to the site's lists ('Tags: erfgoed, muziek')
                      r"tags?|trefwoorden|categorie(?:ën|en)?|labels?|onderwerpen|geplaatst in|gearchiveerd onder|"
                      r"posted in|filed under)\b\s*:?\s*", re.I)
# A municipality's feedback question under its pages, with its buttons ('Ja', 'Nee').
FEEDBACK = re.compile(r"^(?:heeft u gevonden wat u zocht|was deze (?:informatie|pagina|tekst) (?:nuttig|duidelijk|"
                      r"behulpzaam)|vond u deze (?:informatie|pagina) (?:nuttig|duidelijk)|"
                      r"hebben we uw vraag beantwoord|is deze informatie nuttig)\s*\??$", re.I)
BUTTONS_MAX = 20
# A breadcrumb trail as text: 'U bent hier: Home > Onderwijs > Cultuurcoaches', 'Home » Nieuws » ...'.
BREADCRUMB = re.compile(r"(?:u bent hier|je bent hier|you are here)\s*:?\s*.+|(?:home|start|hoofdpagina|voorpagina|"
                        r"homepage)(?:\s*[›»>/|→]\s*[^›»>/|→]{1,80}){1,6}", re.I)
BREADCRUMB_MAX = 200
_ARROW_BEFORE = r"(?:(?:[«‹<←]|&lt;)+\s*)?"  # '« Terug naar het overzicht', '< Vorige' (escaped in Markdown)
_ARROW_AFTER = r"(?:\s*(?:[»›>→]|&gt;)+)?"
_NAV_WORD = (rf"(?:{_ARROW_BEFORE}(?:terug(?: naar (?:het )?(?:overzicht|boven|vorige pagina))?|naar boven|"
             rf"print(?: deze pagina)?|afdrukken|pagina afdrukken|vorige|volgende){_ARROW_AFTER})")
NAV_END = re.compile(rf"{_NAV_WORD}(?:\s*[|·•-]?\s*{_NAV_WORD})*", re.I)
END_LABEL = re.compile(r"^(?:comments?|reacties?|reageer|reageren|laat een reactie achter|geef een reactie|"
                       r"meest gelezen|populair|lees ook|zie ook|lees meer|gerelateerd|gerelateerde \w+|"
                       r"meer nieuws|ander nieuws|deel dit(?: \w+)?|delen|"
                       # a site's lists below an article: other articles, coming events, its social accounts
                       r"relevante (?:artikelen|berichten)|recente (?:artikelen|berichten)|recent nieuws|"
                       r"laatste (?:nieuws|berichten|artikelen)|meer (?:artikelen|berichten)|andere (?:artikelen|berichten)|"
                       r"(?:misschien )?ook interessant|populaire (?:artikelen|berichten)|uitgelicht|"
                       r"(?:aankomende|komende) (?:evenementen|activiteiten)|volg ons(?: op)?)\s*:?$", re.I)
# What such a label's list holds: titles, dates and links of other pages, each short.
END_ITEM_MAX = 120
END_ITEMS_MAX = 20
# A copyright line at the end of an article ('© Nationale Onderwijsgids', 'Copyright 2024 Kunstgebouw').
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b).{0,80}", re.I)
# A news site's stamp above the text: the time ('14u01', Belgian), the number of comments, the place.
NEWS_STAMP = re.compile(rf"\d{{1,2}}u\d{{2}}(?:\s+\d{{1,5}})?(?:\s+{_PLACE})?|\d{{1,2}}:\d{{2}}\s+\d{{1,5}}\s+{_PLACE}")
LEAD_MIN = 100  # a paragraph this long is the text; a stamp is looked for above it only


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _plain(block: str) -> str:
    """A Markdown block's words, without emphasis, heading marks and line breaks."""
    return " ".join(re.sub(r"^#+\s*|[*_]{1,2}|\\", " ", block.strip()).split())


def _words(block: str) -> str:
    """A Markdown block's words as _plain gives them, a link as its text ('Door [Redactie](...)')."""
    return _plain(_LINK.sub(r"\1", block))


def _is_meta_line(block: str) -> bool:
    text = _words(block)
    match = META_LINE.match(text) if len(text) <= META_LINE_MAX else None
    return bool(match and is_bare_date(match.group("date")) and find_date(match.group("date")))


# The name ends at a separator, 'op', the end, or the date (perhaps after a weekday).
BYLINE_NAME = re.compile(r"\bdoor\s+((?-i:[A-Z])[^\d|]{0,40}?)(?:\s*[|,]|\s[–-]\s|\s+op\b|$|"
                         r"\s(?=(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag|ma|di|wo|do|vr|za|zo)\.?\s+\d|\d))",
                         re.I)
NO_AUTHOR = {"redactie", "webredactie", "admin", "beheerder", "webmaster", "communicatie"}


def _byline(block: str) -> str | None:
    """The name in a byline ('Door Corina van der Vliet-Hart op 29 januari 2016')."""
    found = BYLINE_NAME.search(_words(block))
    name = found.group(1).strip() if found else ""
    return name if name and name.lower() not in NO_AUTHOR else None


def _drop_furniture(markdown_text: str) -> tuple[str, tuple[str, ...]]:
    """Page furniture inside an article, wherever it stands: lines saying when the page was published or
    changed ('Laatst gewijzigd: 12 april 2023', 'Geplaatst op' above '1 december 2022', 'Door Redactie
    28 september 2017'), a breadcrumb trail, a feedback question and its buttons; at the end, 'Terug' and 'Print'
    links and headings with nothing below them from a label of the site's own on ('Comments' above a plugin's
    box). The date was read before; the names of bylines are returned (the page's authors when its metadata
    names none). ('Lees ook' and its links are left out of the HTML: _drop_see_also.)"""
    blocks = markdown_text.split("\n\n")
    kept: list[str] = []
    names: list[str] = []
    i = 0
    lead = False  # a paragraph of the text was seen
    while i < len(blocks):
        block, following = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else ""
        text = _plain(block)
        if not lead and NEWS_STAMP.fullmatch(_words(block)):
            i += 1  # '14u01 0 Antwerpen' above the text
            continue
        lead = lead or len(text) >= LEAD_MIN
        if _is_meta_line(block):
            name = _byline(block)
            if name and name not in names:
                names.append(name)
            i += 1
            continue
        words = _words(block)
        dated = NAME_DATE_LINE.match(words) if len(words) <= META_LINE_MAX else None
        bare = BARE_BYLINE.fullmatch(words) if len(words) <= META_LINE_MAX else None
        if (dated and find_date(dated.group("date"))) or bare:
            name = (dated or bare).group("name").strip()
            if len(name.split()) >= 2 and name.lower() not in NO_AUTHOR and name not in names:
                names.append(name)
            i += 1
            continue
        if len(words) <= LINE_FURNITURE_MAX and any(line.fullmatch(words) for line in LINE_FURNITURE):
            i += 1
            continue
        if META_LABEL.match(text) and following and len(_plain(following)) <= 40 and find_date(following):
            i += 2
            continue
        if len(text) <= BREADCRUMB_MAX and BREADCRUMB.fullmatch(_words(block)):
            i += 1  # 'Home › Nieuws › Cultuurcoaches' in a container whose name is not known
            continue
        if FEEDBACK.match(text):
            i += 2 if following and len(_plain(following)) <= BUTTONS_MAX and "\n" not in following.strip() else 1
            continue
        kept.append(block)
        i += 1
    _drop_site_lists(kept)
    while kept and (NAV_END.fullmatch(_words(kept[-1])) or COPYRIGHT.fullmatch(_words(kept[-1]))):
        kept.pop()  # 'Terug naar overzicht', 'Print deze pagina | Terug', '© Nationale Onderwijsgids' below the text
    # The headings at the end with nothing below them, from a label of the site's own ('Reacties', 'Meest
    # gelezen' above other articles' titles): a plugin's box or the site's lists, not this article.
    end = len(kept)
    while end and kept[end - 1].lstrip().startswith("#"):
        end -= 1
    label = next((i for i in range(end, len(kept)) if END_LABEL.match(_plain(kept[i]))), None)
    if label is not None:
        del kept[label:]
    text = "\n\n".join(kept).strip()
    return (text + "\n" if text else ""), tuple(names)


def _drop_site_lists(blocks: list[str]) -> None:
    """A heading of the site's own ('Relevante artikelen', 'Aankomende evenementen', 'Lees ook', 'Volg ons') with
    only short blocks below it to the end (other articles' titles, teasers and dates, links): the site's lists,
    not this article. Looked for from the end up, as long as the blocks are short; each one found is left out
    ('Relevante artikelen' above 'Aankomende evenementen')."""
    i = len(blocks) - 1
    while i >= 0 and len(blocks) - i <= END_ITEMS_MAX:
        if any(len(line) > END_ITEM_MAX for line in _words(blocks[i]).split(" - ") if line):
            return  # a paragraph of the text: above it is the article's own
        if blocks[i].lstrip().startswith("#") and END_LABEL.match(_plain(blocks[i])):
            del blocks[i:]
        i -= 1


LABEL_WORDS = 3  # a paragraph of at most this many words, without a stop, is a label ('gratis', 'Iedere woensdag')
LEAD_WORDS = 8  # a paragraph of at least this many words is the text
# Labels in a row ('gratis', 'Iedere woensdagmiddag'); one short line above the text is more often a subheading set
# as a paragraph ('Lesinhoud'), which 20 pages of the judged collections have as their summary: left as it was.
LABELS_MIN = 2


def _without_labels(markdown_text: str, title: str) -> str:
    """The text from its first paragraph on when labels stand above it ('gratis', 'Iedere woensdagmiddag' under an
    activity's title; fields such as 'Doelgroep: groep 7 en 8'), for its summary; the labels stay in the body.
    Paragraphs at the top that only repeat the title are passed over too when the text's lead follows them: pages
    that set their heading as a paragraph instead of an <h1> (which the import leaves out of the text) had the title
    as their summary, which is indexed and shown (docs/import.md, session 31). Without a lead below them, the first
    of them stays the summary."""
    blocks = markdown_text.split("\n\n")
    title_words = set(re.findall(r"\w+", title.casefold()))
    # Paragraphs at the top that only repeat the title ('Kaasproject 3T1', then '3T1 Kaasproject'), among the first
    # LABELS_LOOKED_AT as labels are; without a lead below them the text stays as it is.
    repeats = 0
    while repeats < min(len(blocks) - 1, LABELS_LOOKED_AT) and not _is_markup(blocks[repeats]) \
            and _only_words_of(_words(blocks[repeats]), title_words):
        repeats += 1
    text = _labels_skipped(blocks[repeats:], title_words)
    return markdown_text if repeats and not _is_lead(first_paragraph(text)) else text


def _labels_skipped(blocks: list[str], title_words: set[str]) -> str:
    """The blocks joined again, from the first paragraph of the text on when labels stand above it."""
    for i, block in enumerate(blocks[:LABELS_LOOKED_AT]):
        text = _words(block)
        words = text.split()
        if _is_markup(block) or re.match(r"\d+\.", block.lstrip()) or _only_words_of(text, title_words):
            break
        if FIELD_LINE.match(text) and len(text) <= FIELD_LINE_MAX and not re.search(r"[.!?]\s", text):
            continue  # 'Doelgroep: groep 7 en 8 van het basisonderwijs'
        if len(words) >= LEAD_WORDS and (re.search(r"[.!?…]", text) or len(words) >= LEAD_WORDS_BARE):
            return "\n\n".join(blocks[i:] if i >= LABELS_MIN else blocks)
        if len(words) > LABEL_WORDS or text.endswith((".", "!", "?")):
            break
    return "\n\n".join(blocks)


def _is_markup(block: str) -> bool:
    """A heading, list, table or quote: not a paragraph of the text's own."""
    return block.lstrip().startswith(("#", "-", "|", ">"))


def _only_words_of(text: str, words: set[str]) -> bool:
    """Whether every word of a paragraph's plain text (_words) is one of `words`."""
    return set(re.findall(r"\w+", text.casefold())) <= words


def _is_lead(paragraph: str) -> bool:
    """A paragraph that reads as the text's opening: LEAD_WORDS words or more, with a sentence's stop."""
    return len(paragraph.split()) >= LEAD_WORDS and bool(re.search(r"[.!?…]", paragraph))


LABELS_LOOKED_AT = 8
FIELD_LINE_MAX = 80
LEAD_WORDS_BARE = 15  # a paragraph without a stop this long is the text too
FIELD_LINE = re.compile(r"^[^\W\d_][\w ]{0,30}:\s+\S")  # 'Doelgroep: ...', 'Sluit aan bij: ...'


def _drop_date_lines(markdown_text: str) -> str:
    """A date alone at the top ('14 maart 2024' under the title) is the document's date, not its text."""
    blocks = markdown_text.split("\n\n")
    while blocks and len(blocks[0].strip()) <= 30 and find_date(blocks[0]):
        blocks.pop(0)
    return "\n\n".join(blocks)


def html_to_markdown(root: Tag, base_url: str | None = None) -> str:
    """Headings, paragraphs, lists, links, emphasis, quotes, code and tables as Markdown; the rest as text."""
    flatten(root)
    blocks = _blocks(root, base_url)
    text = "\n\n".join(b for b in blocks if b.strip())
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n" if text.strip() else ""


def _inline(node, base_url: str | None) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return escape(re.sub(r"\s+", " ", str(node)))
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
        # Two line breaks in a row ('<br><br>', paragraphs of a page without <p>) end a paragraph.
        out.extend(part.strip() for part in PARAGRAPH_BREAK.split(text) if part.strip())
        run.clear()

    for child in node.children:
        if isinstance(child, Tag) and child.name in BLOCKS:
            flush()
            out.extend(_block(child, base_url))
        else:
            run.append(_inline(child, base_url))
    flush()
    return out


PARAGRAPH_BREAK = re.compile(r" *\n(?: *\n)+")


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
        return [_definitions(el, base_url)]
    return _blocks(el, base_url)  # div, section, p, figure, ...


def _definitions(el: Tag, base_url: str | None) -> str:
    """A definition list as one item a term, with its descriptions after it ('- Datum: 12 maart 2026'; they
    were items of their own, the term on one line and its value on the next)."""
    items: list[list[str]] = []
    after_term = False  # the last item started with a term: its description joins it
    for item in el.find_all(["dt", "dd"]):
        text = " ".join(_inline(item, base_url).split())
        if not text:
            continue
        if item.name == "dd" and after_term:
            items[-1].append(text)
        else:
            items.append([text])
            after_term = item.name == "dt"
    return "\n".join("- " + " ".join(parts) for parts in items)


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

