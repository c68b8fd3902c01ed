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


def is_word(word: str) -> bool:
    """Whether a folded word is a word of the Dutch vocabulary (analysis.vocabulary: a Zipf frequency of 3 or
    more, or the field's own words), so spelled right: "behandelen" is not a typo of "behandelden" when the
    corpus only has the latter (Snowball stems the two apart)."""
    return word in analysis.vocabulary()


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


# A name this long (folded) may be two edits off ("Pijnaker-Nootdorp", "Hellevoetsluiss"); shorter ones one.
LONG_NAME = 9
MIN_NAME = 5  # shorter names ("Goes", "ZH") are one edit from too many words


class NameCorrector:
    """Spelling correction against a closed list of names, such as the taxonomy's places with their
    aliases and adjectives: "Nisewaard" -> "Nissewaard". The common-word correction cannot do this, as
    place names are not in the Dutch word list. The list is short (hundreds), so each name with the same
    first letter and a length near enough is simply compared."""

    def __init__(self, names: dict[str, str]):
        """names: each name as it is written -> the value it names (names of one value are one answer)."""
        self._names: dict[str, tuple[str, str]] = {}
        for name, value in names.items():
            key = analysis.fold(name)
            if len(key) >= MIN_NAME:
                self._names.setdefault(key, (name, value))
        self._by_letter: dict[str, list[str]] = {}
        for key in sorted(self._names):
            self._by_letter.setdefault(key[0], []).append(key)

    def closest(self, word: str) -> str | None:
        """The listed name nearest to `word` (one edit, two for long words; the first letter kept), as
        it is written; None for a listed name itself, for no name near enough, or when the nearest names
        name different values (ambiguous)."""
        key = analysis.fold(word)
        if len(key) < MIN_NAME or key in self._names:
            return None
        maxdist = 2 if len(key) >= LONG_NAME else 1
        scored = [(distance(key, name), name) for name in self._by_letter.get(key[0], ())
                  if abs(len(name) - len(key)) <= maxdist]
        scored = [(d, name) for d, name in scored if d <= maxdist]
        if not scored:
            return None
        best = min(d for d, _ in scored)
        values = {self._names[name][1] for d, name in scored if d == best}
        nearest = min(name for d, name in scored if d == best)
        return self._names[nearest][0] if len(values) == 1 else None


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): a letter missing, extra, wrong, or two
    neighbours swapped each count one, as in one_edit."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
