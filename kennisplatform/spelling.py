"""Spelling correction of single words against the Dutch vocabulary: pure functions, no index.

A typo is nearly always one edit away (a letter missing, extra, wrong, or two neighbours swapped:
"onderwjis"), so those candidates are generated and looked up directly, which takes well under a
millisecond. Two edits are searched only when one finds nothing, with Whoosh's automaton over the
sorted word list, keeping the first letter (which typists rarely get wrong) to keep that fast."""
from __future__ import annotations

from functools import cache
from typing import Callable

from whoosh.spelling import ListCorrector

from . import analysis

LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIN_LENGTH_TWO_EDITS = 5  # shorter words are two edits away from too many others
MIN_PART = 3  # the head of a compound corrected in its tail ("muziek" + "onderwjis")


def one_edit(word: str) -> set[str]:
    """Every string one deletion, insertion, substitution or swap of neighbours away (Damerau)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return deletes | swaps | replaces | inserts


def closest_word(word: str, indexed: Callable[[str], bool]) -> str | None:
    """The most frequent vocabulary word one edit from `word` (then a compound whose last part is one
    edit off, then two edits) whose stem the index contains, or None."""
    vocabulary = analysis.vocabulary()

    def usable(candidate: str) -> bool:
        stems = analysis.analyze_query(candidate)
        return len(stems) == 1 and indexed(stems[0])

    options = [w for w in one_edit(word) if w in vocabulary and usable(w)]
    if not options:
        options = [w for w in _compound_tails(word, vocabulary) if usable(w)]
    if not options and len(word) >= MIN_LENGTH_TWO_EDITS:
        options = [w for w in _speller().suggest(word, limit=40, maxdist=2, prefix=1) if usable(w)]
    if not options:
        return None
    return max(options, key=lambda w: (vocabulary.get(w, 0.0), w))


def _compound_tails(word: str, vocabulary: dict[str, float]) -> list[str]:
    """Compounds are written as one word and most are not in any word list: a known head followed by
    a tail one edit from a known word ("muziekonderwjis" -> "muziek" + "onderwijs")."""
    found = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if head in vocabulary and len(tail) >= MIN_PART + 1:
            found += [head + t for t in one_edit(tail) if t in vocabulary and len(t) > MIN_PART]
    return found


def prepare() -> None:
    """Build the two-edit corrector over the sorted vocabulary now, when a search engine opens, not in
    the first misspelled query a process answers."""
    _speller()


@cache
def _speller() -> ListCorrector:
    return ListCorrector(sorted(analysis.vocabulary()))
