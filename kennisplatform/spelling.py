"""Spelling correction of single words against the Dutch vocabulary: pure functions, no index.

A typo is nearly always one edit away (a letter missing, extra, wrong, or two neighbours swapped:
"onderwjis"), or one Dutch spelling of a sound written as another ("leerlyn", "garenspinnerei", "Alfen":
sound_alike), so those candidates are generated and looked up directly, which takes well under a
millisecond. Two edits are searched only when one finds nothing, with Whoosh's automaton over the
sorted word list, keeping the first letter (which typists rarely get wrong) to keep that fast."""
from __future__ import annotations

from functools import cache, lru_cache
from typing import Callable

from whoosh.spelling import ListCorrector

from . import analysis

LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIN_LENGTH_TWO_EDITS = 5  # shorter words are two edits away from too many others
MIN_PART = 3  # the head of a compound corrected in its tail ("muziek" + "onderwjis")
MIN_SPLIT_PART = 2  # two words run together: "co" + "teaching"
RARE_WORD_ZIPF = 2.0  # _rare_word
MAX_WORD = 40  # longer is no word typed (or mistyped) in a query; its candidates would cost a second
# Spellings of one sound that Dutch writers confuse, each way round: one mistake, though most are two
# edits apart ("leerlein", "leerlyn" for leerlijn; "Alfense" for Alphense; "Hoekse" for Hoeksche).
# Those one edit apart (c/k, s/z, d/t, au/ou, ie/i) are found by one_edit already.
SOUND_ALIKE = (("ij", "ei"), ("ij", "y"), ("ch", "g"), ("sch", "s"), ("ph", "f"), ("x", "ks"), ("c", "k"),
               ("c", "s"), ("dt", "t"), ("dt", "d"))


def one_edit(word: str) -> set[str]:
    """Every string one deletion, insertion, substitution or swap of neighbours away (Damerau)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return deletes | swaps | replaces | inserts


def sound_alike(word: str) -> set[str]:
    """Every string with one occurrence of a confusable spelling (SOUND_ALIKE) written the other way:
    "leerlyn" -> leerlijn, "welzein" -> welzijn, "papendregt" -> papendrecht, "sertificaat" -> certificaat."""
    out = set()
    for a, b in SOUND_ALIKE:
        for old, new in ((a, b), (b, a)):
            start = word.find(old)
            while start >= 0:
                out.add(word[:start] + new + word[start + len(old):])
                start = word.find(old, start + 1)
    out.discard(word)
    return out


def near(word: str) -> set[str]:
    """One mistake away: one edit, or one sound spelled another way."""
    return one_edit(word) | sound_alike(word)


def is_word(word: str) -> bool:
    """Whether a folded word is a word of the Dutch vocabulary (analysis.vocabulary: a Zipf frequency of 3 or
    more, or the field's own words), so spelled right: "behandelen" is not a typo of "behandelden" when the
    corpus only has the latter (Snowball stems the two apart)."""
    return word in analysis.vocabulary()


def closest_word(word: str, indexed: Callable[[str], int],
                 indexed_many: Callable[[list[str]], list[int]] | None = None) -> str | None:
    """The most frequent vocabulary word one mistake from `word` (a sound spelled another way before one
    edit; then a compound whose last part is one mistake off) whose stem the index contains; else
    the word one mistake off whose stem most documents have (the field's own words, most of them in no
    word list: "garenspinnerij"); else two words of the corpus run together ("co teaching"); else a
    vocabulary word two edits off; or None. `indexed` gives a stem's document frequency (0: not in the
    index); `indexed_many`, when given, those of many stems at once (the corpus words' hundreds of candidates)."""
    if len(word) > MAX_WORD:
        return None
    vocabulary = analysis.vocabulary()

    def documents(candidate: str) -> int:
        stems = analysis.analyze_query(candidate)
        return indexed(stems[0]) if len(stems) == 1 else 0

    def parts_documents(candidate: str) -> int:
        parts = analysis.compound_query_parts(candidate)
        return min(map(indexed, parts)) if len(parts) >= 2 else 0

    # A sound written another way is a likelier mistake than a random letter: "weiken" is wijken, though
    # werken (a letter wrong) is the more frequent word.
    options = [w for w in sound_alike(word) if w in vocabulary and documents(w)]
    if not options:
        options = [w for w in one_edit(word) if w in vocabulary and documents(w)]
    compound = _compound_of_words(word)
    if not options and compound and not parts_documents(word):
        # A compound of words that the corpus does not have as parts (mar + rio + netten: no document has "mar")
        # is no compound of its words but a word misspelled: a known word one mistake off ("marionetten", in no
        # word list of 3 or more but in wordfreq's) that the corpus has, whole or through its parts.
        known = [w for w in near(word) if _rare_word(w) and (documents(w) or parts_documents(w))]
        if known:
            return max(known, key=lambda w: (analysis.word_zipf(w), w))
        # Nor one of wordfreq's: the corpus's own word one mistake off, as for a word that is no compound
        # ("schoolschuterij" is school + schut + rij, and no document has "schut"; a page has "schoolschutterij").
        in_corpus = _corpus_words(word, indexed, indexed_many)
        if in_corpus:
            return _most_documents(in_corpus)
    if not options:
        tails = _compound_tails(word, vocabulary)
        options = [w for w, _ in tails if documents(w)]
        # A compound no document has whole is found through its parts ("erfgoedonderwijs": erfgoed,
        # onderwijs), so its correction is as good as one of a word the corpus has: the one whose last
        # part is the most common word ("cultuurkaard": kaart, not waard or aard). Not for a word that is
        # such a compound itself: "kunstbeleid" is spelled right, not "kunstbereid" misspelled; nor for a word
        # too rare for the vocabulary ("musiceren" is no "music" + "even").
        spelled_right = compound or _rare_word(word)
        through_parts = [(vocabulary[tail], w) for w, tail in tails
                         if not options and not spelled_right and parts_documents(w)]
        if through_parts:
            return max(through_parts)[1]
        if options and not compound:
            # A word one mistake off that more documents have whole beats a compound made of a head and a tail one
            # mistake off: "planetarim" is planetarium (in 4 documents), not planet + aria (planetaria, in 1).
            word_ones = _corpus_words(word, indexed, indexed_many)
            if word_ones and max(word_ones.values()) > documents(_most_common(options)):
                return _most_documents(word_ones)
    # A compound of vocabulary words ("kunstles", "cultuurbus") is spelled right: it may be a vocabulary
    # word misspelled ("cultuurpallet"), but is never taken for a rarer word of the corpus or for two.
    if not options and not compound:
        in_corpus = _corpus_words(word, indexed, indexed_many)
        apart = _two_words(word, indexed)
        # Two words of the corpus that more documents have than any word one mistake off are a compound of the
        # corpus's own words, spelled right: "klederdrachtdag" is klederdracht (8 documents) + dag, not
        # "klederdrachtdrag" (1 document).
        if apart and (not in_corpus or apart[1] > max(in_corpus.values())):
            return apart[0]
        if in_corpus:
            return _most_documents(in_corpus)
    if not options and len(word) >= MIN_LENGTH_TWO_EDITS:
        options = [w for w in _speller().suggest(word, limit=40, maxdist=2, prefix=1) if documents(w)]
    if not options:
        return None
    return _most_common(options)


def _most_common(words: list[str]) -> str:
    """The word the vocabulary has at the highest frequency (of equals, the last alphabetically)."""
    vocabulary = analysis.vocabulary()
    return max(words, key=lambda w: (vocabulary.get(w, 0.0), w))


def _corpus_words(word: str, indexed: Callable[[str], int],
                  indexed_many: Callable[[list[str]], list[int]] | None) -> dict[str, int]:
    """Every word one mistake from `word` whose stem the index has, with its number of documents. Snowball's stem
    of the whole word is its index term (analysis.word_terms), without the compound splitting that analyze_query
    would do for each of the hundreds of candidates."""
    candidates = [w for w in near(word) if w.isalpha() and w not in analysis.STOP_WORDS]
    stems = [analysis.stem(w) for w in candidates]
    counts = indexed_many(stems) if indexed_many else [indexed(s) for s in stems]
    return {w: int(n) for w, n in zip(candidates, counts) if n}


def _most_documents(documents: dict[str, int]) -> str:
    """The word most documents have; of words with the same stem, the one a word list knows best ("boekdrukkunst",
    not "boekdrukkunsts")."""
    return max(documents, key=lambda w: (documents[w], analysis.word_zipf(w), w))


def _compound_of_words(word: str) -> bool:
    """Whether a word is a compound of words as written: "kunstles", "cultuurbus", "stripworkshops". Not one
    whose last part is only read as a plural of a word: "boekdrukkunts" splits into boek + druk + kunts, kunts
    taken for a plural of kunt, but no word list has kunts (a typo of boekdrukkunst)."""
    words = analysis.compound_query_words(word)
    return bool(words) and (words[-1] in analysis.vocabulary() or analysis.word_zipf(words[-1]) > 0)


def _rare_word(word: str) -> bool:
    """A Dutch word below the vocabulary's frequency but not a misspelling: wordfreq has it at RARE_WORD_ZIPF or
    more ("musiceren" 2.65, "filosoferen" 2.55). Misspellings that common exist too ("hoekse" 2.70), so this only
    keeps such a word from being read as a compound with a tail one mistake off."""
    return analysis.word_zipf(word) >= RARE_WORD_ZIPF


def _two_words(word: str, indexed: Callable[[str], int]) -> tuple[str, int] | None:
    """Two words run together ("coteaching" for co-teaching, "kunstenmuziek"): the split whose parts the
    corpus both has (neither a stop word), the rarer part in as many documents as possible, with that number; or
    None."""
    best, most = None, 0
    for cut in range(MIN_SPLIT_PART, len(word) - MIN_SPLIT_PART + 1):
        head, tail = word[:cut], word[cut:]
        if head in analysis.STOP_WORDS or tail in analysis.STOP_WORDS:
            continue
        documents = min(indexed(analysis.stem(head)), indexed(analysis.stem(tail)))
        if documents > most:
            best, most = f"{head} {tail}", documents
    return (best, most) if best else None


@lru_cache(maxsize=10_000)
def same_stem_word(word: str) -> str | None:
    """The most frequent vocabulary word (or compound of one, as closest_word) one mistake from a word
    outside the vocabulary that has the same stem: a misspelling the stemmer hides ("subsidieregelling"
    and subsidieregeling both stem to subsidieregel), though the word's compound parts are only found as
    the word is spelled right. None
    when the typed word has parts of its own ("cultuurvisie" is no misspelled cultuurvisies) or the word
    spelled right has none ("schools" is school to the index in every way)."""
    if word in analysis.vocabulary() or len(word) > MAX_WORD:
        return None
    # Only when it matters: the word spelled right has compound parts, the misspelled one none. Asked
    # before the candidates are made: every query word the corpus has but no word list comes here.
    if analysis.compound_query_parts(word):
        return None
    vocabulary = analysis.vocabulary()
    stem = analysis.stem(word)
    options = [w for w in near(word) if w in vocabulary] or [w for w, _ in _compound_tails(word, vocabulary)]
    options = [w for w in options if analysis.stem(w) == stem and analysis.compound_query_parts(w)]
    return _most_common(options) if options else None


def _compound_tails(word: str, vocabulary: dict[str, float]) -> list[tuple[str, str]]:
    """Compounds are written as one word and most are not in any word list: a known head followed by
    a tail one mistake from a known word ("muziekonderwjis" -> "muziek" + "onderwijs", "garenspinnerei"
    -> "garen" + "spinnerij"): (compound, its last part)."""
    found = []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if head in vocabulary and len(tail) >= MIN_PART + 1:
            found += [(head + t, t) for t in near(tail) if t in vocabulary and len(t) > MIN_PART]
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

    def __init__(self, names: dict[str, str], max_edits: int = 2):
        """names: each name as it is written -> the value it names (names of one value are one answer). `max_edits`:
        two edits for long names at most, or only one."""
        self._max_edits = max_edits
        self._names: dict[str, tuple[str, str]] = {}
        for name, value in names.items():
            key = analysis.fold(name)
            if len(key) >= MIN_NAME:
                self._names.setdefault(key, (name, value))
        self._by_letter: dict[str, list[str]] = {}
        for key in sorted(self._names):
            self._by_letter.setdefault(key[0], []).append(key)

    def may_name(self, words: str) -> bool:
        """Whether a listed name of several words starts with the words' letter and is near their length: what
        closest() needs before it compares anything (cheap enough for every run of words of every query)."""
        key = analysis.fold(words)
        return len(key) >= MIN_NAME and any(abs(len(name) - len(key)) <= 2 and " " in name
                                            for name in self._by_letter.get(key[0], ()))

    def closest(self, word: str) -> str | None:
        """The listed name nearest to `word` (one edit, two for long words; a sound spelled another way
        counts as one, "Alfen", "Zwyndrecht"; the first letter kept), as it is written; None for a listed
        name itself, for no name near enough, or when the nearest names name different values (ambiguous)."""
        key = analysis.fold(word)
        if len(key) < MIN_NAME or key in self._names:
            return None
        maxdist = min(2 if len(key) >= LONG_NAME else 1, self._max_edits)
        best_of: dict[str, int] = {}
        for spelled, cost in [(key, 0), *((v, 1) for v in sound_alike(key))]:
            for name in self._by_letter.get(spelled[:1], ()):
                if abs(len(name) - len(spelled)) <= maxdist - cost:
                    d = cost + distance(spelled, name, maxdist - cost)
                    best_of[name] = min(d, best_of.get(name, d))
        scored = [(d, name) for name, d in best_of.items() if d <= maxdist]
        if not scored:
            return None
        best = min(d for d, _ in scored)
        values = {self._names[name][1] for d, name in scored if d == best}
        nearest = min(name for d, name in scored if d == best)
        return self._names[nearest][0] if len(values) == 1 else None


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): a letter missing, extra, wrong, or two
    neighbours swapped each count one, as in one_edit. With `limit`, any distance above it is limit + 1, and
    only the cells within `limit` of the diagonal are computed (a path off that band costs more): closest()
    compares every run of a query's words with the place names of its letter, 13 ms of a long query at
    100,000 documents with the whole table."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    band = max(len(a), len(b)) if limit is None else limit
    over = band + 1  # a cell off the band: more than any distance that counts
    rows = [[j if j <= band else over for j in range(len(b) + 1)]]
    for i in range(1, len(a) + 1):
        row = [i if i <= band else over] + [over] * len(b)
        for j in range(max(1, i - band), min(len(b), i + band) + 1):
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        if limit is not None and min(row) > limit:
            return limit + 1
        rows.append(row)
    return min(rows[-1][-1], over) if limit is not None else rows[-1][-1]
