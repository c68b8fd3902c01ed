"""Snippets: the best short passage of a document's text for a query, matches in <mark>."""
from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import escape

from . import analysis

WINDOW = 28  # words in a snippet
MAX_CHARS = 20_000  # long reports: look for the passage in the first part only (cost per hit)
FALLBACK_CHARS = 240
AVERAGE_WORD = 7  # characters per word and space in Dutch prose, to count words by offset
# Each base letter with its accented forms: a root "cre" also finds "creëren" in the text as written.
_ACCENTED = "àáâãäåèéêëìíîïòóôõöùúûüýÿçñ"
_BASES = "aaaaaaeeeeiiiiooooouuuuyycn"
_VARIANTS = {base: base + "".join(a for a, b in zip(_ACCENTED, _BASES) if b == base) for base in set(_BASES)}


def snippet(text: str, terms: set[str], length: int = WINDOW) -> str:
    """HTML: escaped text with matching words wrapped in <mark>. Without matches, the opening words.
    A compound matches through its parts, so "educatie" marks "cultuureducatie"."""
    text = text[:MAX_CHARS]
    matches = _matches(text, terms)
    if not matches:
        return _opening(text)
    first = _best_window(matches, length)
    window = [m for m in matches if first <= m[0] < first + length]
    begin = _word_start(text, window[0][1], before=60)
    end = _word_end(text, window[-1][2], after=FALLBACK_CHARS - (window[-1][2] - begin))
    return _render(text, begin, end, window)


def _matches(text: str, terms: set[str]) -> list[tuple[int, int, int, frozenset]]:
    """(approximate word number, start, end, matched terms) of each matching word. Only words that
    contain the first letters of a term are analyzed: a stem, or a compound part's stem, begins with
    them (kinderen/kind, cultuureducatie/educatie), and analyzing every word of ten long reports per
    page costs more than the search itself."""
    roots = frozenset(term[:3] for term in terms if term)
    if not roots:
        return []
    found: list[tuple[int, int, int, frozenset]] = []
    last_end = -1
    for hit in _root_pattern(roots).finditer(text):
        start, end = _word_around(text, hit.start())
        if start < last_end:
            continue  # another root inside a word already looked at
        last_end = end
        info = analysis.word_terms(text[start:end])
        matched = terms.intersection((info[0], *info[1])) if info else None
        if matched:
            found.append((start // AVERAGE_WORD, start, end, frozenset(matched)))
    return found


@lru_cache(maxsize=256)
def _root_pattern(roots: frozenset[str]) -> re.Pattern:
    """Any of the roots, case- and accent-insensitively, matched on the text as written (folding a
    whole report per hit cost more than finding the matches)."""
    def letter(c: str) -> str:
        return f"[{_VARIANTS[c]}]" if c in _VARIANTS else re.escape(c)
    alternatives = sorted(("".join(letter(c) for c in root) for root in roots), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _word_around(text: str, index: int) -> tuple[int, int]:
    start = index
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-" and start > 1
                         and text[start - 2].isalnum()):
        start -= 1
    end = index
    while end < len(text) and (text[end].isalnum() or text[end] in "'’" and end + 1 < len(text)
                               and text[end + 1].isalnum()):
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def _best_window(matches: list[tuple[int, int, int, frozenset]], length: int) -> int:
    """Word number where the window with the most distinct matched terms (then most matches) starts."""
    best, best_score = matches[0][0], (0, 0)
    for i, first in enumerate(matches):
        inside = [m for m in matches[i:] if m[0] < first[0] + length]
        score = (len(frozenset().union(*(m[3] for m in inside))), len(inside))
        if score > best_score:
            best, best_score = first[0], score
    return best


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


def _render(text: str, begin: int, end: int, window: list[tuple[int, int, int, frozenset]]) -> str:
    parts = ["…" if begin > 0 else ""]
    cursor = begin
    for _, start, stop, _ in window:
        if start < cursor or stop > end:
            continue
        parts.append(str(escape(text[cursor:start])))
        parts.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    parts.append(str(escape(text[cursor:end])))
    if end < len(text):
        parts.append("…")
    return " ".join("".join(parts).split())


def _opening(text: str) -> str:
    if len(text) <= FALLBACK_CHARS:
        return str(escape(" ".join(text.split())))
    end = _word_end(text, FALLBACK_CHARS - 40, after=40)
    return str(escape(" ".join(text[:end].split()))) + "…"
