"""Snippets: the best short passage of a document's text for a query, matches in <mark>."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

from markupsafe import escape

from . import analysis
from .documents import title_without_ends
from .render import shown_text

WINDOW = 28  # words in a snippet
MAX_CHARS = 20_000  # long reports: look for the passage in the first part only (cost per hit)
FALLBACK_CHARS = 240
AVERAGE_WORD = 7  # characters per word and space in Dutch prose, to count words by offset


class _Match(NamedTuple):
    """A word of the text that has one of the query's terms."""

    number: int  # approximate word number (start // AVERAGE_WORD): windows are counted in words
    start: int
    end: int
    terms: frozenset[str]
    stem: str  # the word's own stem (not its compound parts')


def snippet(text: str, terms: set[str], length: int = WINDOW, title: str = "",
            phrases: Iterable[tuple[str, ...]] = (), near: Iterable[tuple[str, ...]] = (),
            near_window: int = 0) -> str:
    """HTML: escaped text with matching words wrapped in <mark>. Without matches, the opening words.
    A compound matches through its parts, so "educatie" marks "cultuureducatie". The words of a `phrase`
    (stems: a place's name, "Capelle aan den IJssel"; a synonym, "vrije tijd") match only where the phrase
    stands (_phrase_matches); those of a `near` phrase (a related word of several words, "lokale geschiedenis")
    where they stand within `near_window` positions of one another, in any order, as the search found them
    (_near_matches). A first paragraph that is the `title` is left out: the hit shows its title already."""
    text = without_title(text[:MAX_CHARS], title)
    phrases = [phrase for phrase in phrases if len(phrase) > 1]
    near = [phrase for phrase in near if len(phrase) > 1]
    matches = _matches(text, set(terms).union(*phrases, *near))
    if phrases or near:
        matches = _phrase_matches(text, matches, set(terms), phrases, near, near_window)
    if not matches:
        return _opening(text)
    window = _best_window(matches, length)
    begin = _word_start(text, window[0].start, before=60)
    end = _word_end(text, window[-1].end, after=FALLBACK_CHARS - (window[-1].end - begin))
    # Every match the reader sees is marked, also one in the words before or after the window.
    return _render(text, begin, end, [m for m in matches if begin <= m.start and m.end <= end])


def without_title(text: str, title: str) -> str:
    """The text without its first paragraph when that is the title: many web pages repeat their title in
    the article's first line, which the import keeps (only a heading that is the title is dropped)."""
    first, _, rest = text.lstrip().partition("\n\n")
    if title and rest and _is_title(first, title):
        return rest.lstrip()
    return text


def _is_title(line: str, title: str) -> bool:
    """The title, or the title without its first or last part: a first line 'Bruggen bouwen' under the
    title 'Bruggen bouwen | Kenniscentrum Cultuureducatie Rotterdam', whose site's name the import kept."""
    plain = _plain(line)
    if not plain:
        return False
    return any(plain == _plain(shown) for shown in (title, *(title_without_ends(title) or ())))


def lead(summary: str, title: str) -> str:
    """The summary as it stands beside the title (the document page's lead; a listing's text without a
    query), or "" when it only repeats the title, as an imported page's summary taken from a first line
    that is the title does. Compared as without_title compares: case, spacing and Markdown signs aside.
    The one place that decides it, for every template."""
    return summary if _plain(summary) and not _is_title(summary, title) else ""


def without_lead(text: str, shown_lead: str) -> str:
    """The text without its first paragraph when the lead above it shows that paragraph in full: the import
    takes a web page's summary from its first paragraph when the page has no description (importer.text:
    shorten(first_paragraph(body))), as the text the page shows of it (render.shown_text). A summary shortened
    from the paragraph is not the paragraph, and hides nothing: the body keeps the whole of it. Nor does one
    over a paragraph whose link, picture or inline HTML the plain lead would lose."""
    if not shown_lead:
        return text
    first, *rest = _BLOCK_BREAK.split(text.lstrip(), maxsplit=1)  # as first_paragraph splits blocks
    if _NOT_IN_LEAD.search(first):
        return text
    lead_text = _plain(shown_lead)
    # Rendering costs about a millisecond, and the text a paragraph shows is never longer than its Markdown:
    # a longer lead (an editor's summary) is not rendered against it.
    if len(lead_text) > len(_plain(first)) or _plain(shown_text(first)) != lead_text:
        return text
    return rest[0].lstrip() if rest else ""


_BLOCK_BREAK = re.compile(r"\n\s*\n")
# A link or image ("[tekst](url)"), inline HTML or an autolink: the plain lead would lose it, so the paragraph
# stays. An escaped sign or an entity ("8 \\< 10", "8 &lt; 10") no longer keeps it: the lead is compared with
# the paragraph as the page shows it (shown_text: "8 < 10"), which is what a summary imported from it says
# since session 13. A summary an older import wrote still escaped ("8 &lt; 10", left as the corpus has it) is
# not that text, so its paragraph stays in the body, where the reader sees the sign itself.
_NOT_IN_LEAD = re.compile(r"\]\(|<")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[#*_>]", " ", text).casefold().split())


def _matches(text: str, terms: set[str]) -> list[_Match]:
    """The matching words in order. Only words that contain the first letters of a term are analyzed:
    a stem, or a compound part's stem, begins with them (kinderen/kind, cultuureducatie/educatie; not
    after the stemmer's vowel undoubling, lees/les, which stays unmarked), and analyzing every word of
    ten long reports per page costs more than the search itself. The first letters are found as
    literals in the text folded to the same length: a case- and accent-insensitive regex over the text
    as written took three quarters of a snippet's time (docs/performance.md, session 5)."""
    roots = {term[:3] for term in terms if term}
    # A sign read as a word ("75%" for procent) is marked too; "pro" is nowhere in it.
    roots |= {sign for sign, word in analysis.SIGN_WORDS.items() if analysis.stem(word) in terms}
    if not roots:
        return []
    folded = _folded(text)
    found: list[_Match] = []
    looked = 0  # the end of the last word looked at: a word boundary, as the analysis's tokens have them
    for i in _occurrences(folded, roots):
        if i < looked:
            continue  # another root inside a word already looked at
        word = _word_at(text, folded, looked, i)
        if word is None:
            continue
        start, looked = word.span()
        info = analysis.word_terms(word.group())
        matched = terms.intersection((info[0], *info[1])) if info else None
        if matched:
            found.append(_Match(start // AVERAGE_WORD, start, looked, frozenset(matched), info[0]))
    return found


def _phrase_matches(text: str, matches: list[_Match], terms: set[str], phrases: list[tuple[str, ...]],
                    near: list[tuple[str, ...]] = (), near_window: int = 0) -> list[_Match]:
    """The matches of `terms`, and those of a phrase's words where the phrase stands: its words in order, each
    word its own (not a compound's part: "reistijd" is no "vrije tijd"), nothing but stop words between. "IJssel"
    in "Krimpen aan den IJssel" is not marked for "Capelle aan den IJssel". And those of a `near` phrase's words
    where _near_matches finds them."""
    keep = [bool(match.terms & terms) for match in matches]
    for i in range(len(matches)):
        for phrase in phrases:
            run = matches[i:i + len(phrase)]
            if len(run) == len(phrase) and all(m.stem == word for m, word in zip(run, phrase)) \
                    and all(_stop_words_only(text[a.end:b.start]) for a, b in zip(run, run[1:])):
                keep[i:i + len(phrase)] = [True] * len(phrase)
    if near:
        for i in _near_matches(text, matches, near, near_window):
            keep[i] = True
    return [match for match, kept in zip(matches, keep) if kept]


def _near_matches(text: str, matches: list[_Match], near: list[tuple[str, ...]], window: int) -> set[int]:
    """The indexes of the matches of a near phrase's words where they all stand within `window` positions of one
    another, in any order: what the index's near_docs finds (sidecars.PositionTable.near), counted as the index counts
    positions (one per word that is no stop word; a compound's parts at its own). "geschiedenis die heel lokaal is"
    is "lokale geschiedenis" (for heemkunde); a "lokaal" sentences away from a "geschiedenis" is not. Of stretches
    that overlap, the shortest: "groep 1 en 2 dansen op muziek. Groep 3 kijkt toe" marks "groep 1 en 2", not the
    "Groep" of "Groep 3" that also stands within the window of the "1"."""
    positions, at = [], 0
    for i, match in enumerate(matches):
        if i:
            at += 1 + _words_between(text[matches[i - 1].end:match.start], window)
        positions.append(at)
    found: set[int] = set()
    for phrase in near:
        words = set(phrase)
        stretches = []  # (length in positions, first match, last match), each as short as it can be
        for i in range(len(matches)):
            missing = words - matches[i].terms
            if missing == words:
                continue
            j = i
            while missing and j + 1 < len(matches) and positions[j + 1] - positions[i] <= window:
                j += 1
                missing -= matches[j].terms
            # As short as it can be at its start too: the words of its first match are not all found after it.
            after = set().union(*(m.terms for m in matches[i + 1:j + 1]))
            if not missing and not (matches[i].terms & words) <= after:
                stretches.append((positions[j] - positions[i], i, j))
        taken: list[tuple[int, int]] = []
        for _, i, j in sorted(stretches):
            if all(j < a or b < i for a, b in taken):
                taken.append((i, j))
                found.update(k for k in range(i, j + 1) if matches[k].terms & words)
    return found


def _words_between(between: str, most: int) -> int:
    """How many positions the text between two matches takes (its words that are no stop words), counted up to
    `most` + 1: a longer gap is beyond any window."""
    count, start = 0, 0
    while count <= most:
        word = analysis.next_word(between, start)
        if word is None:
            break
        start = word.end()
        count += analysis.word_terms(word.group()) is not None
    return count


def _stop_words_only(between: str) -> bool:
    """Whether the text between two words holds no word that the index keeps (spaces, signs, stop words)."""
    return all(analysis.word_terms(word) is None for word in analysis.tokenize(between))


def _occurrences(folded: str, roots: set[str]) -> list[int]:
    """Where the roots occur in the folded text, in order."""
    return sorted(hit.start() for root in roots for hit in _root_finder(root).finditer(folded))


@lru_cache(maxsize=1024)
def _root_finder(root: str) -> re.Pattern:
    """A root as a literal (the regex engine looks for a literal as fast as str.find does). A one-letter
    root only as a word of its own: only a one-letter word has a one-letter stem ("i", "h's"; none of
    wordfreq's 300,000 Dutch words has another), and looking at every word with an "i" in it costs
    milliseconds a page."""
    literal = re.escape(root)
    if len(root) == 1 and root.isalnum():
        return re.compile(rf"{literal}(?<![^\W_]{literal})(?![^\W_])")
    return re.compile(literal)  # a longer root, or a sign ("%"), which stands after a number


def _word_at(text: str, folded: str, boundary: int, index: int) -> re.Match | None:
    """The word (as analysis tokenizes the text) that holds text[index]. Tokens never span white space,
    so tokenizing from the last space or line break before it, or from a known boundary after that,
    finds the tokens a tokenization of the whole text would."""
    begin = max(folded.rfind(" ", boundary, index), folded.rfind("\n", boundary, index)) + 1
    word = analysis.next_word(text, max(begin, boundary))
    while word is not None and word.end() <= index:
        word = analysis.next_word(text, word.end())
    return word if word is not None and word.start() <= index else None


def _folded(text: str) -> str:
    """The text in lower case without accents, each character replaced by one ("Éducatie" ->
    "educatie"), so that an offset in it is the same offset in the text."""
    # Most Dutch text is one byte a character in Latin-1 or, with typographic quotes and dashes, in
    # Windows-1252: there one table lookup a byte folds it (a quarter of the time of str.lower() alone
    # for Latin-1, whose encoder copies; Windows-1252's encoder is slower, but still half the time).
    for encoding, table in _BYTE_FOLDS:
        try:
            return text.encode(encoding).translate(table).decode(encoding)
        except UnicodeEncodeError:
            continue
    lowered = text.lower()  # a name with "ş", "ő" or "č"
    if len(lowered) != len(text):  # "İ" lowers to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # One `in` per accented letter costs less than one pass of a regex over the text.
    for accented, base in _LATIN1_FOLDS:
        if accented in lowered:
            lowered = lowered.replace(accented, base)
    for wide in set(_BEYOND_LATIN1.findall(lowered)):
        if _fold_char(wide) != wide:
            lowered = lowered.replace(wide, _fold_char(wide))
    return lowered


def _fold_char(char: str) -> str:
    """The analysis's folding of a letter or digit where it is one letter or digit ("é" -> "e"), else
    the character itself: "ĳ" -> "ij" would shift the offsets after it, and "´" -> " " would split a
    word ("icc´ers") where _word_at looks for the space before a word."""
    folded = analysis.fold(char)
    return folded if len(folded) == 1 and char.isalnum() and folded.isalnum() else char


def _byte_fold(encoding: str) -> bytes:
    """A bytes.translate table: each byte of a one-byte encoding to the byte of its character folded
    (lower case, accents off), where that is one byte of the encoding too."""
    table = bytearray(range(256))
    for byte in range(256):
        try:
            char = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined: never in an encoded text
            continue
        lowered = char.lower()
        folded = _fold_char(lowered).encode(encoding, "replace") if len(lowered) == 1 else b""
        table[byte] = folded[0] if len(folded) == 1 and folded != b"?" else byte
    return bytes(table)


_BYTE_FOLDS = tuple((encoding, _byte_fold(encoding)) for encoding in ("latin-1", "cp1252"))
_LATIN1_FOLDS = tuple((c, _fold_char(c)) for c in map(chr, range(0xA0, 0x100)) if _fold_char(c) != c)
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")


def _best_window(matches: list[_Match], length: int) -> list[_Match]:
    """The matches of the window of `length` words with the most distinct matched terms (then the most
    matches; then the first such window). One pass: a window's term counts are its predecessor's,
    minus the match it starts after, plus those it reaches further."""
    best, best_score = (0, 1), (0, 0)
    counts: dict[str, int] = {}
    stop = 0
    for i, first in enumerate(matches):
        while stop < len(matches) and matches[stop].number < first.number + length:
            for term in matches[stop].terms:
                counts[term] = counts.get(term, 0) + 1
            stop += 1
        score = (len(counts), stop - i)
        if score > best_score:
            best, best_score = (i, stop), score
        for term in first.terms:
            counts[term] -= 1
            if not counts[term]:
                del counts[term]
    return matches[best[0]:best[1]]


def _word_start(text: str, index: int, before: int) -> int:
    begin = max(0, index - before)
    if begin > 0:
        space = text.find(" ", begin, index)
        begin = space + 1 if space != -1 else begin
    return begin


def _word_end(text: str, index: int, after: int) -> int:
    end = min(len(text), index + max(after, 40))
    if end < len(text):
        space = text.rfind(" ", index, end)
        end = space if space != -1 else end
    return end


def _render(text: str, begin: int, end: int, shown: list[_Match]) -> str:
    """text[begin:end], escaped, with the shown matches in <mark>. The marks go in as two control
    characters and the whole passage is escaped at once (escaping piece by piece took a fifth of a
    snippet's time); the rare text that has those characters gets spaces instead."""
    if _OPEN in text or _CLOSE in text:
        text = text.replace(_OPEN, " ").replace(_CLOSE, " ")  # same length: the offsets stay
    pieces = ["…" if begin > 0 else ""]
    cursor = begin
    for match in shown:
        pieces += (text[cursor:match.start], _OPEN, text[match.start:match.end], _CLOSE)
        cursor = match.end
    pieces.append(text[cursor:end])
    if text[end:].strip() and not _ends_sentence(text[begin:end]):
        pieces.append("…")
    html = str(escape(" ".join("".join(pieces).split())))
    return html.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")


_OPEN, _CLOSE = "\x02", "\x03"


def _opening(text: str) -> str:
    if len(text) <= FALLBACK_CHARS:
        return str(escape(" ".join(text.split())))
    end = _word_end(text, FALLBACK_CHARS - 40, after=40)
    return str(escape(" ".join(text[:end].split()))) + ("" if _ends_sentence(text[:end]) else "…")


# A sentence's last sign, perhaps inside a closing quote or bracket: "schooljaren." or "op.’"
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s*\Z")


def _ends_sentence(passage: str) -> bool:
    """A passage cut after a whole sentence reads as complete, and "schooljaren.…" as a typing error:
    the ellipsis marks only a cut inside a sentence. (A cut before the text's own end still leaves
    more to read on the document page; the hit's title leads there.)"""
    return bool(_SENTENCE_END.search(passage))
