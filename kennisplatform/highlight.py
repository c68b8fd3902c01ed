"""Snippets: the best short passage of a document's text for a query, matches in <mark>."""
from __future__ import annotations

from markupsafe import escape

from . import analysis

WINDOW = 28  # tokens in a snippet
MAX_CHARS = 30_000  # long reports: look for the passage in the first part only (cost per hit)
FALLBACK_CHARS = 240


def snippet(text: str, terms: set[str], length: int = WINDOW) -> str:
    """HTML: escaped text with matching words wrapped in <mark>. Without matches, the opening words."""
    text = text[:MAX_CHARS]
    matches: list[tuple[int, int, int, str]] = []  # (token position, start, end, term)
    if terms:
        for token in analysis.dutch_analyzer()(text, positions=True, chars=True, mode="index", removestops=True):
            if token.text in terms:
                matches.append((token.pos, token.startchar, token.endchar, token.text))
    if not matches:
        return _opening(text)
    start_pos = _best_window(matches, length)
    window = [m for m in matches if start_pos <= m[0] < start_pos + length]
    begin = _word_start(text, window[0][1], before=60)
    end = _word_end(text, window[-1][2], after=FALLBACK_CHARS - (window[-1][2] - begin))
    return _render(text, begin, end, window)


def _best_window(matches: list[tuple[int, int, int, str]], length: int) -> int:
    """Start position of the window with the most distinct matched terms (then most matches)."""
    best, best_score = matches[0][0], (0, 0)
    for i, first in enumerate(matches):
        inside = [m for m in matches[i:] if m[0] < first[0] + length]
        score = (len({m[3] for m in inside}), len(inside))
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


def _render(text: str, begin: int, end: int, window: list[tuple[int, int, int, str]]) -> str:
    parts = ["…" if begin > 0 else ""]
    cursor = begin
    seen: set[tuple[int, int]] = set()
    for _, start, stop, _ in window:
        if (start, stop) in seen or start < cursor or stop > end:
            continue  # a compound and its parts share one span: mark it once
        seen.add((start, stop))
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
