"""Dutch text analysis: tokens, accent folding, stop words, stemming and compound splitting.

One pipeline serves the index and the query side:

    surface word -> stop word? (checked BEFORE folding, so "één" survives and "een" does not)
                 -> fold (lowercase, no diacritics) -> Snowball Dutch stem (+ overrides)
                 -> at index time also the stems of its compound parts ("cultuureducatie" -> cultuur, educatie)

Compound parts share the position and character span of their word and carry a lower boost, so a
document saying "educatie" outranks one saying "cultuureducatie" for the query "educatie", and the
highlighter marks the whole word. At query time a compound stays one term.

The vocabulary for splitting is wordfreq's Dutch list plus the field's words in data/domain_words.txt,
never the corpus: the same word must always give the same terms, or incremental indexing breaks.
Everything is pure and cached per word; the vocabulary loads lazily on the first compound candidate.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from whoosh.analysis import Analyzer, Token
from whoosh.lang.snowball.dutch import DutchStemmer
from whoosh.lang.stopwords import stoplists

__all__ = [
    "ANALYZER_VERSION", "PART_BOOST", "PLACE_PART_BOOST", "SIGN_WORDS", "STOP_WORDS",
    "fold", "tokenize", "next_word", "word_list", "stem", "split_compound", "compound_parts", "word_terms",
    "analyze", "index_postings", "index_terms", "part_boost", "learned_words", "learn_words", "clear_word_caches",
    "analyze_query", "compound_query_parts", "joined_compound", "joined_words", "head_variants", "prepare",
    "dutch_analyzer", "spelling_analyzer",
    "DutchAnalyzer", "SpellingAnalyzer",
]

DATA = Path(__file__).resolve().parent / "data"

# Bump _RULES when the output for any input changes (code or data files). The wordfreq version is part
# of the stamp because its word list decides compound splits.
_RULES = "26"


def _wordfreq_version() -> str:
    try:
        return metadata.version("wordfreq")
    except metadata.PackageNotFoundError:  # pragma: no cover - wordfreq is a dependency
        return "none"


ANALYZER_VERSION: str = f"nl-{_RULES}+wordfreq-{_wordfreq_version()}"

PART_BOOST = 0.4  # weight of a compound part relative to a whole word (summed into BM25's term weight)
# A place name is a name first: its parts say little of a page that names the place (Katwijk is no kat + wijk,
# Ridderkerk no ridder + kerk, Nootdorp no noot + dorp), though some say a little (Noordoostpolder's polder). So the
# parts of a one-word place name (data/woonplaatsen.tsv) weigh a quarter of another compound's. On the tuning sets
# (docs/performance.md, "Session 35: a place name's parts") a quarter gained most, the held-out half did not move;
# leaving the parts out, as session 33 tried, lowered it.
PLACE_PART_BOOST = PART_BOOST / 4

# -- tokens -------------------------------------------------------------------------------------------
_APOSTROPHES = "'’‘`´ʼ"
# A word: letters/digits, joined by an apostrophe ("ICC'er", "regio's") or by a hyphen before the
# suffixes -er/-ers ("icc-er"). Other hyphens separate words ("Leidschendam-Voorburg", "2021-2024").
# A sign that stands for a word ("75%", "€ 25") is that word: a question asks "hoeveel procent", the page
# writes "%".
SIGN_WORDS = {"%": "procent", "€": "euro"}
# Inside a word, as real texts have them: a soft hyphen ("cultuur&shy;educatie", where a page may break the
# line), a zero-width space or joiner, and a combining accent of decomposed text (NFD: macOS, some PDFs), whose
# "co" + "\u0308" + "rdinator" is no letter run. Without them these were two words ("cultuur", "educatie").
_INVISIBLE_CHARS = "\u00ad\u200b-\u200d\u2060"  # soft hyphen, zero-width space and joiners, word joiner
_INSIDE = "\u0300-\u036f" + _INVISIBLE_CHARS
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_LETTERS = rf"[^\W_]+(?:[{_INSIDE}]+[^\W_]*)*"
_WORD = re.compile(rf"{_LETTERS}(?:(?:[{_APOSTROPHES}]|-(?=ers?\b)){_LETTERS})*|[{''.join(SIGN_WORDS)}]", re.IGNORECASE)
_STRAIGHT = str.maketrans({c: "'" for c in _APOSTROPHES})
_JOINERS = re.compile(rf"[{_APOSTROPHES}-]")
_GENITIVE = re.compile(rf"[{_APOSTROPHES}]s$")  # "regio's", "CMK's" -> regio, cmk


def _normalize(lowered: str) -> str:
    """Spelling variants of one word to one form: "icc'er"/"icc-er"/"iccer" -> iccer, "regio's" -> regio,
    and a sign to its word: "%" -> procent."""
    if lowered.isalnum():
        return lowered
    if lowered in SIGN_WORDS:
        return SIGN_WORDS[lowered]
    if not lowered.isascii():
        lowered = unicodedata.normalize("NFC", _INVISIBLE.sub("", lowered))
    return _JOINERS.sub("", _GENITIVE.sub("", lowered))


def next_word(text: str, start: int = 0) -> re.Match | None:
    """The first word of text[start:] as a match (its span in the text as written), as the index tokenizes
    words: "Hendrik-Ido-Ambacht" is three words, "ICC-ers" one. `start` must not be inside a word."""
    return _WORD.search(text, start)


def tokenize(text: str) -> list[str]:
    """Lowercased words in order, spelling variants of apostrophes and -er joined ("ICC’ers" -> iccers).
    Not folded, not stemmed, stop words kept."""
    return [_normalize(m.group().lower()) for m in _WORD.finditer(text)]


# -- folding ------------------------------------------------------------------------------------------
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    """Lowercase without diacritics: "Continuïteit" -> continuiteit, "één" -> een, "ĳs" -> ijs."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# -- stop words ---------------------------------------------------------------------------------------
# Snowball's Dutch list plus the clitics left over by apostrophes ("'s-Gravenhage", "'t", "'k", "'n").
# Unfolded and checked before folding: "één" (one) is not the article "een".
STOP_WORDS: frozenset[str] = frozenset(stoplists["nl"]) | frozenset(
    {"s", "t", "k", "n", "m", "d", "des", "den", "ten", "ter", "zo'n"}) - {"één"}


# -- stemming -----------------------------------------------------------------------------------------
_SNOWBALL = DutchStemmer()
# Where an adjective ends so, its comparative and superlative are no other word (_comparative_base): -lijk,
# -rijk, -ig, -baar, -zaam, -isch, -ief, -eel, -aal (toegankelijker, belangrijker, eenvoudiger, betaalbaarder,
# duurzamer, praktischer, creatiever, financieler, socialer). Not every adjective: groter, leuker and beter end as
# nouns do (maker, bakker).
_ADJECTIVE_ENDINGS = ("lijk", "rijk", "ig", "baar", "zaam", "isch", "ief", "eel", "aal")
_NOUN_PLURAL_ZIPF = 2.0  # an -er form whose -ers is at least this common (wordfreq's Zipf scale) is a noun
_DOUBLE_CONSONANT = re.compile(r"([b-df-hj-np-tv-xz])\1$")
# A long vowel after another vowel, before the last consonant: Snowball undoubles it only after a consonant
# (lokaal/lokalen -> lokal), so materiaal stays apart from materialen (material), financieel from financiële.
_VOWEL_AFTER_VOWEL = re.compile(r"([aeiou])([aeou])\2([b-df-hj-np-tv-xz])$")


def _read_table(name: str) -> dict[str, str]:
    """word <TAB> value lines; '#' starts a comment. Keys and values are folded."""
    table: dict[str, str] = {}
    path = DATA / name
    if not path.exists():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, _, value = line.partition("\t")
        table[fold(key.strip())] = fold(value.strip())
    return table


_STEM_OVERRIDES = _read_table("stem_overrides.tsv")  # irregular forms -> the form to stem instead
_STEM_APART = _read_table("stem_apart.tsv")  # words kept apart from a colliding word -> their own stem
_PLACE_APART = _read_table("place_apart.tsv")  # place names a common word's stem would take -> their term


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball Dutch stem of a folded word, corrected where Snowball misses.

    Irregular plurals go through data/stem_overrides.tsv (kinderen -> kind, musea -> museum). Snowball
    leaves the f/v and s/z alternation and a doubled consonant, so these are normalised after it:
    creatieve/creatief -> creatief, huizen/huis -> huis, lessen/les -> les, geven/geef -> gef.
    Words that Snowball brings to an unrelated word's stem get their own from data/stem_apart.tsv
    (gelden "to apply" is not geld "money", vaak "often" not vak "subject"); _regular_base brings
    diminutives, -es plurals, superlatives and -ici plurals to their base first."""
    if not word.isalpha():
        return word  # numbers ("2023"), codes ("h2o")
    kept = _STEM_APART.get(word)
    if kept:
        return kept  # a word Snowball would merge with an unrelated one (gelden "to apply" / geld "money")
    word = (_STEM_OVERRIDES.get(word) or _irregular_head(word) or _plural_without_apostrophe(word)
            or _regular_base(word))
    stemmed = _SNOWBALL.stem(word)
    if len(stemmed) > 3:
        stemmed = _DOUBLE_CONSONANT.sub(r"\1", stemmed)
        stemmed = _VOWEL_AFTER_VOWEL.sub(r"\1\2\3", stemmed)
        if stemmed.endswith("v"):
            stemmed = stemmed[:-1] + "f"
        elif stemmed.endswith("z"):
            stemmed = stemmed[:-1] + "s"
    return stemmed


def _irregular_head(word: str) -> str | None:
    """A compound whose last part is an irregular form, rewritten as the overrides rewrite that part:
    streekmusea -> streekmuseum, schoolkinderen -> schoolkind, cultuurcentra -> cultuurcentrum, so that
    the plural and the singular of a compound get one stem, as the simple words do."""
    return _rewritten_head(word, _STEM_OVERRIDES.get)


def _rewritten_head(word: str, rewrite: Callable[[str], str | None]) -> str | None:
    """A compound with its last part rewritten (None when no last part is rewritten). The part before it
    must be a word that may start a compound (poppodia: pop), not a prefix (ver+leden is no compound)."""
    if not MIN_COMPOUND <= len(word) <= MAX_COMPOUND:
        return None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        base = rewrite(word[cut:])
        if base is None:
            continue
        head = word[:cut]
        for link in _LINKS:
            if not head.endswith(link):
                continue
            first = head[: len(head) - len(link)]
            if len(first) >= MIN_PART and (_part_ok(first, _vocabulary(), final=False) is not None
                                           or split_compound(first)):
                return head + base
    return None


# A plural in 's typed without its apostrophe ("fotos", "themas", "programmas", "collegas", "opas"): Snowball keeps the
# -s after a vowel, so "fotos" missed every page that writes "foto's" (which the tokenizer reads as foto). Only where
# wordfreq has the apostrophe form, and has it more often than the word as typed: "pas" (pass) is no "pa's", "jas"
# (coat) no "ja's", "gas" no "ga's".
_APOSTROPHE_PLURAL_ZIPF = 2.5


def _plural_without_apostrophe(word: str) -> str | None:
    """The singular of a plural in 's typed without the apostrophe: fotos -> foto, programmas -> programma, and
    as a compound's last part: familiefotos -> familiefoto. None for any other word."""
    if len(word) < 4 or word[-1] != "s" or word[-2] not in "aiouy":
        return None
    if _more_often_with_apostrophe(word):
        return word[:-1]
    if word in _vocabulary():
        return None  # a word of its own
    return _rewritten_head(word, lambda part: part[:-1] if _more_often_with_apostrophe(part) else None)


def _more_often_with_apostrophe(word: str) -> bool:
    """Whether a word in -s is, more often than as typed, written as a plural in 's (fotos: foto's)."""
    if not word.endswith("s"):
        return False
    plural = _apostrophe_plurals().get(word[:-1], 0.0)
    return plural >= _APOSTROPHE_PLURAL_ZIPF and plural > _zipf(word)


@lru_cache(maxsize=1)
def _apostrophe_plurals() -> dict[str, float]:
    """Folded singular -> Zipf frequency of its plural in 's, for wordfreq's plurals at least
    _APOSTROPHE_PLURAL_ZIPF common: foto -> 5.4 (foto's), programma -> 4.55."""
    from wordfreq import freq_to_zipf, get_frequency_dict

    plurals: dict[str, float] = {}
    floor = 10 ** (_APOSTROPHE_PLURAL_ZIPF - 9)
    for word, freq in get_frequency_dict("nl").items():
        if freq < floor:
            break  # the dict is ordered by frequency
        if word.endswith("'s") and word[:-2].isalpha():
            plurals.setdefault(fold(word[:-2]), round(freq_to_zipf(freq), 2))
    return plurals


def _regular_base(word: str) -> str:
    """Rewrite regular forms that Snowball handles badly into forms it stems like their relatives."""
    n = len(word)
    if n >= 6 and word.endswith(("eeen", "ieen")):
        return word[:-2]  # ideeën, zeeën, knieën, galerieën (folded) -> idee, zee, knie, galerie
    if n >= 7 and word.endswith(("ies", "tes", "des")):
        return word[:-1]  # subsidies, gemeentes, methodes -> subsidie, gemeente, methode
    if n >= 5 and word.endswith("es") and _zipf(word[:-1]) >= MIN_PART_ZIPF:
        return _regular_base(word[:-1])  # keuzes, stages, liedjes -> keuze, stage, liedje: Snowball keeps -es
    if n >= 7 and word.endswith("ste") and len(word) - 3 >= 4 \
            and _zipf(word[:-3]) >= MIN_PART_ZIPF:
        return _regular_base(word[:-3])  # belangrijkste, grootste, nieuwste -> belangrijk, groot, nieuw
    degree = _comparative_base(word)
    if degree:
        return degree  # toegankelijker, makkelijkere, duurzamer, betaalbaarder -> toegankelijk, ...
    if n >= 6 and word.endswith("ici"):
        return word[:-1] + "us"  # politici, historici, musici -> politicus, historicus, musicus
    if n >= 6 and word.endswith(("je", "jes")):
        base = _diminutive_base(word)
        if base:
            return _regular_base(base)  # dansje -> dans, which keeps its -s as dansen does
    if n >= 4 and word[-1] == "s" and word[-2] not in "aeiouyj":
        # Snowball drops a final -s after a consonant: right for "films", wrong for singulars whose
        # plural keeps it (dans/dansen, kans/kansen, mens/mensen, grens/grenzen).
        vocab = _vocabulary()
        if vocab.get(word + "en", 0.0) >= MIN_PART_ZIPF:
            return word + "en"
        if vocab.get(word[:-1] + "zen", 0.0) >= MIN_PART_ZIPF:
            return word[:-1] + "zen"
    return word


def _comparative_base(word: str) -> str | None:
    """The adjective of a comparative (-er, -ere) or an uninflected superlative (-st), which Snowball keeps
    apart from it: toegankelijker, makkelijkere, duurzamer, creatiever, betaalbaarder, eenvoudigst. Only
    after an adjective's ending (_ADJECTIVE_ENDINGS), the adjective a common word, and the form no noun with a
    plural in -s: a maker, speler or schilder is no comparative, nor is a vrijwilliger (vrijwilligers)."""
    for ending in ("ere", "er", "st"):
        if len(word) - len(ending) < 5 or not word.endswith(ending):
            continue
        if ending == "er" and _zipf(word + "s") >= _NOUN_PLURAL_ZIPF:
            return None  # vrijwilligers, makers: a noun (no comparative takes -s but in "iets makkelijkers")
        stripped = word[: -len(ending)]
        for base in _adjective_forms(stripped):
            if base.endswith(_ADJECTIVE_ENDINGS) and _zipf(base) >= MIN_PART_ZIPF:
                return base
        return None
    return None


def _adjective_forms(stripped: str) -> list[str]:
    """The adjective a comparative's stem may come from: as it is (makkelijk), with v -> f (creatiev), with its
    vowel doubled again (duurzam, social), or without the d after r (betaalbaard)."""
    forms = [stripped]
    if stripped.endswith("v"):
        forms.append(stripped[:-1] + "f")
    if stripped.endswith("rd"):
        forms.append(stripped[:-1])
    if len(stripped) > 2 and stripped[-1] not in "aeiou" and stripped[-2] in "aeou":
        forms.append(stripped[:-1] + stripped[-2] + stripped[-1])
    return forms


def _zipf(word: str) -> float:
    return _vocabulary().get(word, 0.0)


def _diminutive_base(word: str) -> str | None:
    """The noun of a diminutive (liedje -> lied, filmpje -> film, balletje -> bal, kaartjes -> kaart),
    None when the diminutive is more common than any base it may have: then it is a word of its own
    (beetje is no small beet, meisje no small meis)."""
    root = word[:-1] if word.endswith("s") else word
    candidates = []
    if root.endswith("etje"):
        stem_ = root[:-4]
        if _DOUBLE_CONSONANT.search(stem_):
            candidates.append(stem_[:-1])  # balletje -> bal, mannetje -> man
    for ending in ("tje", "pje", "je"):
        if root.endswith(ending):
            candidates.append(root[: -len(ending)])
            if root[-len(ending) - 2: -len(ending)] in ("aa", "oo", "uu"):
                candidates.append(root[: -len(ending) - 1])  # extraatje -> extra, autootje -> auto
    own = _zipf(word)
    best = max(((_zipf(c), c) for c in candidates if len(c) >= MIN_PART), default=(0.0, None))
    return best[1] if best[0] >= MIN_PART_ZIPF and best[0] >= own else None


# -- compounds ----------------------------------------------------------------------------------------
MIN_PART = 3  # letters in a compound part
MIN_COMPOUND = 7  # letters in a word worth splitting ...
MAX_COMPOUND = 60  # ... and at most (URLs and codes glued into one "word" are not compounds)
# A word is read as its first MAX_WORD letters: a longer run (a pasted line of one letter, text without spaces,
# a code) would cost work that grows with its length squared (_irregular_head tries every cut; a body of
# 600,000 letters took 53 s to save) and make an index term of any size.
MAX_WORD = 80
LEXICALISED_ZIPF = 4.0  # words this common are units of their own (onderwijs 5.2, besturen 4.05): not split
MIN_PART_ZIPF = 3.0  # a part must be a reasonably common word ...
MIN_SHORT_PART_ZIPF = 4.0  # ... and a three-letter part a common one ("uur" yes, "ond" no)
DOMAIN_ZIPF = 3.5  # frequency given to the field's words (data/domain_words.txt) that wordfreq ranks lower
_LINKS = ("", "s", "en", "e")  # linking morphemes between parts: deskundigheid-s-bevordering

# Never a part: particles and prefixes that make derived words, not compounds (onder+wijs, ver+slag,
# aan+dacht), and suffixes that happen to be words (deskundig+heid, vrij+dom).
_NOT_A_PART = frozenset("""
    aan achter af al bij binnen boven buiten door in mee mis na naar om omhoog onder ont op over samen
    tegen terug toe uit van veel ver voor voort weg her be ge er
    heid heden schap schappen dom baar bare lijk lijke loos loze zaam zame ling lingen ing ingen isch ische
    achtig tje tjes ster sters aar aars eren erij nis ties tie tief tieve iteit
    ers end ende ere eert sing ten den ken pen der ter ton han and aris inge ach gelijk gelijke
    """.split())


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, float]:
    """Folded Dutch word -> Zipf frequency: wordfreq's list (only words common enough to be a part),
    raised for the field's own words."""
    from wordfreq import get_frequency_dict, freq_to_zipf

    vocab: dict[str, float] = {}
    floor = 10 ** (MIN_PART_ZIPF - 9)
    for word, freq in get_frequency_dict("nl").items():
        if freq < floor:
            break  # the dict is ordered by frequency
        if len(word) < MIN_PART or not word.isalpha():
            continue
        word = fold(word)
        if word not in vocab:
            vocab[word] = round(freq_to_zipf(freq), 2)
    for word in _read_lines("domain_words.txt"):
        vocab[word] = max(vocab.get(word, 0.0), DOMAIN_ZIPF)
    return vocab


def prepare() -> None:
    """Load what analysing the first words would otherwise load: the word list (~0.2 s) and the stems of
    its lexicalised words (~35 ms), which compound splitting asks for, the whole list that a query word's
    derivational relatives are looked up in (~35 ms), the related words of the field, analysed (~90 ms), and
    the place names whose parts weigh less (part_boost), and the plurals in 's (_plural_without_apostrophe)."""
    vocabulary()
    _apostrophe_plurals()
    _lexicalised_stems()
    _relative_words()
    _related_table()
    _place_name_stems()


def word_zipf(word: str) -> float:
    """A word's Zipf frequency in wordfreq's whole Dutch list (0.0: not in it), rare words too, from the list that
    _vocabulary reads (loaded once; wordfreq's own zipf_frequency loads another copy, about 14 MB a process)."""
    from wordfreq import get_frequency_dict, freq_to_zipf

    freq = get_frequency_dict("nl").get(word, 0.0)
    return freq_to_zipf(freq) if freq else 0.0


_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")


def commonest_with_stems(terms: Iterable[str]) -> dict[str, tuple[tuple[float, str], ...]]:
    """Each stem -> the two most common vocabulary words that stem to it, most common first, with their Zipf frequency:
    gef -> geef (5.3), geffen (3.0), so the village Geffen is also a common word's stem. Only the words that begin as
    the stem does (doubled vowels written once, its last letter aside: geven -> gef), and of those only the ones more
    common than the two found so far: all 28,000 words would cost a third of a second in each new process. Nothing is
    kept: it is asked once, for the synonym table."""
    vocabulary = _vocabulary()
    pairs = sorted((_DOUBLE_VOWEL.sub(r"\1", word), word) for word in vocabulary)
    # A cache of its own: these words, in stem's cache, would swell the dictionary that every worker writes to.
    stems: dict[str, str] = {}
    commonest = {}
    for term in set(terms):
        beginning = term[:-1] if len(term) > 3 else term[:2]
        found: list[tuple[float, str]] = []
        for i in range(bisect_left(pairs, (beginning,)), len(pairs)):
            key, word = pairs[i]
            if not key.startswith(beginning):
                break
            if len(found) == 2 and vocabulary[word] <= found[-1][0]:
                continue
            if word not in stems:
                stems[word] = stem.__wrapped__(word)
            if stems[word] == term:
                found = sorted([*found, (vocabulary[word], word)], reverse=True)[:2]
        commonest[term] = tuple(found)
    return commonest


def vocabulary() -> dict[str, float]:
    """The Dutch vocabulary (folded word -> Zipf frequency) the splitter uses; spelling correction
    proposes words from it."""
    return _vocabulary()


def word_list(name: str) -> list[str]:
    """The folded words of a data file, one a line ('#' starts a comment)."""
    return _read_lines(name)


def _read_lines(name: str) -> list[str]:
    path = DATA / name
    if not path.exists():
        return []
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(fold(line))
    return words


@lru_cache(maxsize=1)
def _compound_overrides() -> dict[str, tuple[str, ...]]:
    """data/compound_overrides.tsv: word -> its parts, or () for "never split" (also its inflections)."""
    table: dict[str, tuple[str, ...]] = {}
    for word, parts in _read_table("compound_overrides.tsv").items():
        table[word] = () if parts in ("", "-") else tuple(parts.split())
    return table


@lru_cache(maxsize=1)
def _unsplittable_stems() -> frozenset[str]:
    return frozenset(stem(w) for w, parts in _compound_overrides().items() if not parts)


_BUILDING = False  # _lexicalised_stems is being built: stem() must not ask for it


@lru_cache(maxsize=1)
def _lexicalised_stems() -> frozenset[str]:
    """Stems of the words common enough to be units of their own (LEXICALISED_ZIPF), but those whose split
    data/compound_overrides.tsv gives: their inflections are units too ("leeftijden" is no leef + tijden,
    "directeuren" no direct + uren), as Snowball brings them to one stem."""
    global _BUILDING
    overrides = _compound_overrides()
    _BUILDING = True
    try:
        return frozenset(stem(w) for w, zipf in _vocabulary().items()
                         if zipf >= LEXICALISED_ZIPF and len(w) >= MIN_COMPOUND and w not in overrides)
    finally:
        _BUILDING = False


_PLURALS = ("en", "s", "n")


def _part_ok(part: str, vocab: dict[str, float], final: bool) -> float | None:
    """Zipf of a usable part, None if it cannot be one. The last part may be a plural of a known word
    that is itself too rare to be listed (cultuur+coordinatoren)."""
    zipf = vocab.get(part)
    if zipf is None and final:
        for ending in _PLURALS:
            base = part[: -len(ending)]
            if part.endswith(ending) and len(base) > MIN_PART and base not in _NOT_A_PART:
                zipf = vocab.get(base)
                if zipf is not None:
                    break
    if zipf is None or part in _NOT_A_PART or part in STOP_WORDS:
        return None
    if len(part) == MIN_PART and zipf < MIN_SHORT_PART_ZIPF:
        return None
    return zipf


@lru_cache(maxsize=200_000)
def split_compound(word: str) -> list[str]:
    """The parts of a folded compound, [] when it is not one.

    Fewest parts first (the longest match: cultuur+educatie, not cult+uur+educatie), then the split whose
    rarest part is most common. Linking -s-, -e-, -en- sit between parts and are dropped
    (deskundigheid+bevordering). A part may itself be a compound: see compound_parts().

    Not split: words in data/compound_overrides.tsv marked "-" and their inflections (leerkrachten),
    words common enough to be lexicalised units (onderwijs, besturen), and anything without a split into
    known parts that are not particles, prefixes, suffixes or stop words (ver+slag, deskundig+heid)."""
    if not MIN_COMPOUND <= len(word) <= MAX_COMPOUND or not word.isalpha():
        return []
    overrides = _compound_overrides()
    if word in overrides:
        return list(overrides[word])
    vocab = _vocabulary()
    if _kept_whole(word, vocab):
        return []
    best = _best_split(word, vocab)
    return list(best) if best else []


def _kept_whole(word: str, vocab: dict[str, float]) -> bool:
    """Whether a word is a unit of its own, never split: common enough (LEXICALISED_ZIPF), marked so in
    data/compound_overrides.tsv, or an inflection of either (leeftijden, directeuren, getekende, bedenkingen)."""
    whole = stem(word)
    return (vocab.get(word, 0.0) >= LEXICALISED_ZIPF or whole in _unsplittable_stems()
            or (not _BUILDING and whole in _lexicalised_stems()))


def _best_split(word: str, vocab: dict[str, float]) -> tuple[str, ...] | None:
    n = len(word)
    # best[i]: (number of parts, -rarest zipf, parts) for the best segmentation of word[:i], where
    # word[:i] ends right after a part plus an optional link.
    best: dict[int, tuple[int, float, tuple[str, ...]]] = {0: (0, -99.0, ())}
    for i in range(n):
        if i not in best:
            continue
        count, neg_min, parts = best[i]
        for j in range(i + MIN_PART, n + 1):
            if i == 0 and j == n:
                break  # the whole word is not a split
            zipf = _part_ok(word[i:j], vocab, final=j == n)
            if zipf is None:
                continue
            candidate_parts = parts + (word[i:j],)
            key = (count + 1, max(neg_min, -zipf), candidate_parts)
            for link in _LINKS if j < n else ("",):
                if link and not word.startswith(link, j):
                    continue
                end = j + len(link)
                if link and end >= n:
                    continue  # a link needs a part after it
                if end < n and n - end < MIN_PART:
                    continue
                if end not in best or key[:2] < best[end][:2]:
                    best[end] = key
    result = best.get(n)
    return result[2] if result and result[0] >= 2 else None


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """All parts of a folded compound, nested ones too, in order of appearance:
    erfgoedleerlijnen -> (erfgoed, leerlijnen, leer, lijnen)."""
    out: list[str] = []
    for part in split_compound(word):
        out.append(part)
        out.extend(compound_parts(part))
    return tuple(dict.fromkeys(out))


def has_part(term: str, part: str) -> bool:
    """Whether an index term is a compound with `part` (a stem) as its last or first part, the rest a word that may
    be a part (with a linking -s-, -e-, -en- between): schoolschutterij has schutterij, schutterijfeest too. For a
    part too rare for the splitter to know (wordfreq's list), whose compounds were indexed whole."""
    vocab = _vocabulary()
    if len(term) > len(part) and term.endswith(part):
        first = term[: -len(part)]
        return any(first.endswith(link) and _part_ok(first[: len(first) - len(link)], vocab, final=False) is not None
                   for link in _LINKS)
    if len(term) > len(part) and term.startswith(part):
        rest = term[len(part):]
        return any(rest.startswith(link) and _part_ok(rest[len(link):], vocab, final=True) is not None
                   for link in _LINKS)
    return False


# -- per word -----------------------------------------------------------------------------------------
@lru_cache(maxsize=300_000)
def word_terms(surface: str) -> tuple[str, tuple[str, ...]] | None:
    """(stem, stems of compound parts) of a word as it appears in the text; None for a stop word."""
    if len(surface) > MAX_WORD:
        return word_terms(surface[:MAX_WORD])
    lowered = surface.lower()
    if lowered.translate(_STRAIGHT) in STOP_WORDS:
        return None  # also "zo’n" (whose normal form "zon" is a word: the sun)
    lowered = _normalize(lowered)
    if lowered in STOP_WORDS or not lowered:
        return None
    folded = fold(lowered)
    if surface[0].isupper():
        place = _PLACE_APART.get(folded)
        if place:
            return place, ()  # Leiden the city, not leiden the verb (data/place_apart.tsv)
    whole = stem(folded)
    parts = tuple(dict.fromkeys(s for s in map(stem, compound_parts(folded)) if s != whole))
    return whole, parts


def query_word_terms(surface: str) -> tuple[str, tuple[str, ...]] | None:
    """word_terms of a word as a query means it: a place name of data/place_apart.tsv is the place
    however it is typed ("leiden" is the city)."""
    if surface[:1].islower() and fold(surface.lower()) in _PLACE_APART:
        surface = surface[0].upper() + surface[1:]
    return word_terms(surface)


def analyze(text: str) -> list[str]:
    """Index terms in order: each word's stem followed by the stems of its compound parts."""
    terms: list[str] = []
    for match in _WORD.finditer(text):
        info = word_terms(match.group())
        if info is not None:
            terms.append(info[0])
            terms.extend(info[1])
    return terms


def index_postings(text: str) -> dict[str, list]:
    """term -> [positions, weight] of one field's text: what DutchAnalyzer's index-mode tokens add up to
    (a word's stem at boost 1, its compound parts at part_boost, at the word's position)."""
    positions, weights = index_terms(text)
    return {term: [found, weights.get(term, float(len(found)))] for term, found in positions.items()}


# Each word's index terms as index_terms reads them: "" for a stop word, the stem for a word without
# compound parts, (stem, parts) for a compound. One dictionary lookup per word (the regex's matches
# looked up all at once by `map`); bounded, since a long-running server meets new words forever.
_INDEX_WORDS: dict[str, str | tuple[str, tuple[str, ...]]] = {}
_INDEX_WORDS_LIMIT = 2_000_000


def _learn_word(surface: str) -> str | tuple[str, tuple[str, ...]]:
    info = word_terms(surface)
    known = "" if info is None else info if info[1] else info[0]
    if len(_INDEX_WORDS) >= _INDEX_WORDS_LIMIT:
        _INDEX_WORDS.clear()
    _INDEX_WORDS[surface] = known
    return known


def index_terms(text: str) -> tuple[dict[str, list[int]], dict[str, float]]:
    """The postings of one field's text, as index_postings gives them but cheaper to make: term ->
    positions, and the weight of only those terms that compound parts contributed to (any other
    term's weight is its number of positions). The words are looked up all at once and the positions
    collected with one dictionary operation per word: a third less time than a loop doing all of it
    per word (the 3,000 documents' texts of a 10,000-document corpus: 1.9 s -> 1.3 s)."""
    words = _WORD.findall(text)
    known = list(map(_INDEX_WORDS.get, words))
    if None in known:
        known = [_learn_word(w) if k is None else k for w, k in zip(words, known)]
    found: dict = {}
    for pos, key in enumerate(filter(None, known)):  # stop words ("") take no position
        seen = found.get(key)
        if seen is None:
            found[key] = [pos]
        else:
            seen.append(pos)
    compounds = [key for key in found if key.__class__ is tuple]
    return (_spread_compounds(found, compounds) if compounds else (found, {}))


def _spread_compounds(found: dict, compounds: list) -> tuple[dict[str, list[int]], dict[str, float]]:
    """Give each compound's positions to its stem (boost 1) and its parts (part_boost). A term's weight
    is summed in position order, as the analyzer's tokens would add it up, to the same last bit."""
    given: dict[str, list[tuple[list[int], float]]] = {}
    for key in compounds:
        positions = found.pop(key)
        whole, parts = key
        given.setdefault(whole, []).append((positions, 1.0))
        boost = part_boost(whole)
        for part in parts:
            given.setdefault(part, []).append((positions, boost))
    weights: dict[str, float] = {}
    for term, sources in given.items():
        plain = found.get(term)
        if plain is None and len(sources) == 1:  # most: one compound gives the term all its positions
            positions, boost = sources[0]
            found[term] = positions
            if boost != 1.0:
                weights[term] = _part_weight(len(positions), boost)
            continue
        occurrences = [(pos, boost) for positions, boost in sources for pos in positions]
        if plain:
            occurrences.extend((pos, 1.0) for pos in plain)
        occurrences.sort()
        weight = 0.0
        for _, boost in occurrences:
            weight += boost
        found[term] = [pos for pos, _ in occurrences]
        weights[term] = weight
    return found, weights


def part_boost(whole: str) -> float:
    """The boost of the compound parts of a word (its stem): PLACE_PART_BOOST for a place name's, PART_BOOST
    for any other's."""
    return PLACE_PART_BOOST if whole in _place_name_stems() else PART_BOOST


@lru_cache(maxsize=1)
def _place_name_stems() -> frozenset[str]:
    """Stems of the one-word Dutch place names: CBS's woonplaatsen and municipalities (data/woonplaatsen.tsv,
    which leaves out the names that are also Dutch words)."""
    from .taxonomy import listed_woonplaatsen  # the file's one reader; taxonomy needs nothing of analysis

    return frozenset(stem(fold(name.lower())) for name, *_ in listed_woonplaatsen() if name.isalpha())


_PART_WEIGHTS: dict[float, list[float]] = {}


def _part_weight(count: int, boost: float) -> float:
    """`boost` added up `count` times, one after the other (as the tokens' boosts are)."""
    sums = _PART_WEIGHTS.setdefault(boost, [0.0])
    while len(sums) <= count:
        sums.append(sums[-1] + boost)
    return sums[count]


def learned_words() -> dict[str, str | tuple[str, tuple[str, ...]]]:
    """What index_terms learned of each word it met (its cache, in the order learned): a full build
    hands it to the next one (index.py), so that the next build's workers need not analyse every word
    again."""
    return _INDEX_WORDS


def learn_words(words: dict) -> int:
    """Take words learned by an earlier build of the same ANALYZER_VERSION (learned_words); entries of
    any other shape are left out. Returns how many were taken."""
    taken = {word: known for word, known in words.items() if isinstance(word, str) and _is_known(known)}
    if len(_INDEX_WORDS) + len(taken) > _INDEX_WORDS_LIMIT:
        _INDEX_WORDS.clear()
    _INDEX_WORDS.update(taken)
    return len(taken)


def _is_known(known) -> bool:
    if known.__class__ is str:
        return True
    return (known.__class__ is tuple and len(known) == 2 and known[0].__class__ is str
            and known[1].__class__ is tuple and all(part.__class__ is str for part in known[1]))


def clear_word_caches() -> None:
    """Forget each word's terms, for when split_compound is replaced (the morphology experiments)."""
    for cached in (compound_parts, word_terms):
        cached.cache_clear()
    _INDEX_WORDS.clear()


def analyze_query(text: str) -> list[str]:
    """Query terms: each word's stem (query_word_terms), a compound stays one term."""
    terms: list[str] = []
    for match in _WORD.finditer(text):
        info = query_word_terms(match.group())
        if info is not None:
            terms.append(info[0])
    return terms


def compound_query_parts(text: str) -> tuple[str, ...]:
    """The stems of the parts of a one-word compound query ("danslessen" -> dans, les), () for anything
    else: a query may also meet a compound's parts written apart ("lessen in dans")."""
    return tuple(dict.fromkeys(stem(p) for p in compound_query_words(text)))


def compound_query_words(text: str) -> tuple[str, ...]:
    """The parts of a one-word compound query as words ("danslessen" -> dans, lessen), () for anything else."""
    words = _WORD.findall(text)
    if len(words) != 1 or word_terms(words[0]) is None:
        return ()
    parts = split_compound(fold(_normalize(words[0].lower())))
    return tuple(parts) if len(parts) >= 2 else ()


def compound_query_pairings(text: str) -> tuple[tuple[str, ...], ...]:
    """A one-word compound query of three or more parts, each time with two neighbouring parts as the word they
    make, as written with its link ("leesbevorderingsprogramma": leesbevordering + programma, lees +
    bevorderingsprogramma), as stems: a page may write that word in another form that is not split
    ("leesbevorderende programma's": leesbevorderende stems to leesbevorder, as leesbevordering does)."""
    words = compound_query_words(text)
    if len(words) < 3:
        return ()
    word = fold(_normalize(_WORD.findall(text)[0].lower()))
    starts, at = [], 0
    for part in words:
        at = word.find(part, at)
        starts.append(at)
        at += len(part)
    ends = [start + len(part) for start, part in zip(starts, words)]
    pairings = []
    for i in range(len(words) - 1):
        stems = [stem(p) for p in words[:i]] + [stem(word[starts[i]:ends[i + 1]])] + \
            [stem(p) for p in words[i + 2:]]
        pairings.append(tuple(dict.fromkeys(stems)))
    return tuple(dict.fromkeys(pairings))


@lru_cache(maxsize=50_000)
def joined_compound(first: str, second: str, units_only: bool = False) -> str | None:
    """The stem of the compound that two query words written apart make ("muziek docenten" ->
    muziekdocent, "subsidie regeling" -> subsidieregel), None when joined they are not a compound of
    exactly those two words, or a word common enough to be a unit of its own (_unit_of). Dutch writes compounds
    as one word; people searching often do not. After -ing, -heid, -schap, -teit and -dom the parts are linked
    by -s- ("deskundigheid bevordering" -> deskundigheidsbevordering), as Dutch spelling has it. `units_only`:
    only a word that is never split."""
    a, b = (fold(_normalize(w.lower())) for w in (first, second))
    if not (a.isalpha() and b.isalpha()) or a in STOP_WORDS or b in STOP_WORDS:
        return None
    word = a + ("s" if a.endswith(_S_LINKED) else "") + b
    parts = split_compound(word)
    if len(parts) == 2 and stem(parts[0]) == stem(a) and stem(parts[1]) == stem(b) and not units_only:
        return stem(word)
    if not parts and _unit_of(a, b, word):
        return stem(word)
    return None


# Particles that Dutch writes after the verb in a main clause and before it, as one word, in the infinitive and its
# nouns: "scholen werken samen" / "samenwerken", "samenwerking". Only particles that are no stop words (op, aan, uit,
# in, door, ... are dropped from a query before they could join).
SEPARABLE_PARTICLES = frozenset({"samen", "mee", "terug", "deel", "kennis", "vast", "los", "weg", "toe", "af"})
SEPARABLE_MIN_ZIPF = 3.0  # the joined verb at least this common: a word of the language, not a chance join


def separable_verb(verb: str, particle: str) -> str | None:
    """The stem of the separable verb that a verb form and its particle written after it make ("werken samen",
    "werkt samen" -> samenwerk; "nemen deel" -> deelnem), None when they make none that wordfreq knows."""
    v, p = (fold(_normalize(w.lower())) for w in (verb, particle))
    if p not in SEPARABLE_PARTICLES or not v.isalpha() or len(v) < 3:
        return None
    # A form in -t as its infinitive first: "samenwerkt" is a word too, but the pages' nouns share the infinitive's
    # stem (samenwerking, samenwerken: samenwerk).
    forms = (_infinitives(v[:-1]) if v.endswith("t") and len(v) >= 4 else []) + [v]
    for form in forms:
        if word_zipf(p + form) >= SEPARABLE_MIN_ZIPF:
            return stem(p + form)
    return None


JOINED_MIN = 6  # letters of a word made of two typed words: shorter joins ("opeen") are chance


def joined_words(words: list[str], keep_apart: set[str] = frozenset()) -> list[tuple[int, str]]:
    """(i, word) for each two neighbouring words that may be one word typed apart ("buiten schoolse" ->
    buitenschoolse, "na schoolse" -> naschoolse): both plain words, the second no word on its own (not in the
    vocabulary: "voor school" are two words, and "dans en" joined is "dansen", another word), neither in
    `keep_apart` (a place name's words). Whether the joined word exists is the index's to say; joined_compound, at
    parse time, only joins what the vocabulary splits."""
    out = []
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if not (a.isalpha() and b.isalpha()) or a in keep_apart or b in keep_apart:
            continue
        second = fold(b.lower())
        if len(a) + len(b) < JOINED_MIN or second in STOP_WORDS or second in vocabulary():
            continue
        word = a.lower() + b.lower()
        if analyze_query(word):
            out.append((i, word))
    return out


# Heads that mean the same in this field: a compound with one also means the compounds with the others
# (erfgoedonderwijs, erfgoededucatie; muziekdocent, muziekleraar, muziekleerkracht).
_SAME_HEADS = (("onderwijs", "educatie"), ("docent", "leraar", "leerkracht"), ("tentoonstelling", "expositie"))


@lru_cache(maxsize=1)
def _heads_by_stem() -> dict[str, tuple[str, ...]]:
    """A head's stem (which its plural shares: docenten, docent) -> the other heads of its group."""
    return {stem(head): tuple(other for other in group if other != head) for group in _SAME_HEADS for head in group}


@lru_cache(maxsize=50_000)
def head_variants(surface: str) -> tuple[str, ...]:
    """The stems of the compounds with the same first part and another of the heads that mean the same
    (_SAME_HEADS): "erfgoedonderwijs" -> (erfgoededucatie,), "muziekdocenten" -> (muziekleraar,
    muziekleerkracht) stemmed; () for a word that is no such compound."""
    word = fold(_normalize(surface.lower()))
    parts = split_compound(word)
    others = _heads_by_stem().get(stem(parts[-1])) if len(parts) >= 2 else None
    if not others:
        return ()
    first = word[: len(word) - len(parts[-1])]
    return tuple(stem(first + other) for other in others)


# -- derivational relatives -----------------------------------------------------------------------------
# Snowball keeps a noun, its verb and its adjective apart where the suffix differs: participatie / participeren /
# participeert, adoptie / geadopteerd, educatie / educatief, filosofie / filosoferen / filosofisch, digitalisering /
# digitaal. A query word ALSO matches its relatives of another word class (query.Clause kind "derived", weighed
# below the word itself in search.py); forms of its own class (participeren / participeert: inflection) are not
# added, as those lowered questions (docs/performance.md, sessions 5, 6 and 10), but for a rare third person in -t,
# whose stem Snowball keeps apart from every other form of its verb (_infinitive). Each relative must be a word of
# wordfreq's whole Dutch list (Zipf >= DERIVED_MIN_ZIPF); words whose look-alike means something else are kept
# apart in _NOT_RELATED.
DERIVED_MIN_ZIPF = 1.5
_NOUN, _VERB, _ADJECTIVE = "noun", "verb", "adjective"
# (ending, class, endings of the relatives over the same base). The verb's forms: infinitive, present, past, the
# participle (ge- before the base). -itie since session 62: "exposeren" for a page about an "expositie" (fresh56's
# "leerlingen exposeren werk in de bieb"), repeteren / repetitie, exerceren / exercitie; no other pair of wordfreq's.
_VERB_FORMS = ("eren", "eert", "eerde", "eerden", "ge|eerd", "ge|eerde")
# A verb's relatives over its base: the nouns in -atie, -itie and -ie, the adjectives in -atief, -ief and -isch.
_VERB_RELATIVES = ("atie", "itie", "ie", "atief", "ief", "isch")
_DERIVATIONS = (
    ("atie", _NOUN, _VERB_FORMS + ("atief", "atieve")),
    ("aties", _NOUN, _VERB_FORMS + ("atief", "atieve")),
    ("ie", _NOUN, _VERB_FORMS + ("ief", "ieve", "isch", "ische")),
    ("ies", _NOUN, _VERB_FORMS + ("ief", "ieve", "isch", "ische")),
    ("itie", _NOUN, _VERB_FORMS),
    ("ities", _NOUN, _VERB_FORMS),
    ("atief", _ADJECTIVE, _VERB_FORMS + ("atie",)),
    ("atieve", _ADJECTIVE, _VERB_FORMS + ("atie",)),
    ("ief", _ADJECTIVE, _VERB_FORMS + ("ie",)),
    ("ieve", _ADJECTIVE, _VERB_FORMS + ("ie",)),
    ("isch", _ADJECTIVE, _VERB_FORMS + ("ie",)),
    ("ische", _ADJECTIVE, _VERB_FORMS + ("ie",)),
    *((form, _VERB, _VERB_RELATIVES) for form in _VERB_FORMS),
    ("alisering", _NOUN, ("aal", "ale")),
    ("aliseren", _VERB, ("aal", "ale")),
    ("aal", _ADJECTIVE, ("alisering", "aliseren")),
    ("ale", _ADJECTIVE, ("alisering", "aliseren")),
)
# Only words rarer than this have relatives: a common word is a unit of its own (as for compound splitting) whose
# relatives mean something else as often as the same (organisaties / georganiseerd, creatieve / creatie, inclusief /
# inclusie, gespecialiseerd / specialisatie each lowered a tuning query).
DERIVED_MAX_ZIPF = LEXICALISED_ZIPF
MIN_DERIVED_BASE = 4  # letters of the base the endings share (adopt-ie, particip-eren)
# Look-alikes that are no relatives: positie / positief, relatie / relatief, actie / actief, collectie /
# collectief, kopie / koperen (copper), regie / regeren, lokaal / localisering.
_NOT_RELATED = frozenset({"positief", "positieve", "relatief", "relatieve", "actief", "actieve", "collectief",
                          "collectieve", "koperen", "regeren", "regeert", "regeerde", "geregeerd"})


# The third person of a verb is its stem + t, which Snowball keeps: "bezuinigt" is a term apart from "bezuinigen"
# and "bezuinigingen" (bezuin). A query's form in -t rarer than VERB_FORM_MAX_ZIPF ALSO matches its infinitive's stem,
# as a derived relative (weighed below the word itself); the pages' forms stay as they are. Stemmed as the infinitive
# in the index too, every page's form moved (session 56: rare forms +0.579, 12 up, 16 down, and a check set's
# questions fell). A common form (werkt, maakt, vraagt) is a word of its own in a question: every form, query side
# only, −0.267, 34 up, 27 down ("hoe vraagt een basisschool ... subsidie aan" 1.000 -> 0.631: every page with
# "vragen"); under 4.0 +0.261, under 4.5 +0.456 (session 64). A noun in -t is no verb form: its plural in -en is a
# word (kaart: kaarten, punt, hart, plant), unless the -en form is the verb's past after k, f, s, p, ch (werkt:
# werkten). The past participle the same way (session 65): in -d or -t after a prefix that takes the place of ge-
# (bezuinigd, verhoogd, onthuld: the lone "bezuinigd" found nothing over the bundled corpus, and nothing corrected
# it), or ge- + stem + d or t (gedrukt: drukken, gestopt: stoppen).
VERB_FORM_MAX_ZIPF = 4.5  # organiseert 4.42, leert 4.46 have their infinitive; betaalt 4.57, werkt 5.42 not
_VOICELESS = ("k", "f", "s", "p", "ch")
_VERB_PLURAL_ZIPF = 2.5  # word + "en" at least this common (wordfreq's Zipf scale): a noun's plural, no verb form
_VERB_MARGIN = 1.0  # the -t form at most this much commoner than its infinitive: "markt" is no form of "marken"
_VOWEL_INFINITIVE = ("gaa", "staa", "slaa", "zie", "doe")  # gaat, staat, slaat, ziet, doet: gaan, ..., doen
_LONG_VOWEL_CONSONANT = re.compile(r"([aeou])\1[b-df-hj-np-tv-xz]$")
_SHORT_VOWEL_CONSONANT = re.compile(r"[^aeiouy][aeiouy][b-df-hj-np-tv-xz]$")
_UNSTRESSED = ("el", "em", "en", "er", "ig")
_PARTICIPLE_PREFIXES = ("be", "ver", "ont", "her", "er", "ge")  # bezuinigd, verhoogd, ontwikkeld, erkend, gestopt
_MISSPELT_MARGIN = 1.0  # the form with the other of d and t this much commoner: gemiddelt is gemiddeld misspelt
_PARTICIPLE_MIN = 7  # letters of a participle in ge- whose rest is a verb's stem: gedrukt, not gezond or gebied


def _infinitive(word: str) -> str | None:
    """The infinitive of a rare verb's third person in -t (bezuinigt -> bezuinigen, danst -> dansen, schildert ->
    schilderen, begeleidt -> begeleiden, knutselt -> knutselen) or of its past participle (bezuinigd -> bezuinigen,
    gedrukt -> drukken), a common word; None for a common form (werkt, maakt), for any other word in -t or -d
    (kaart, punt, markt, kust, lust, feest, hond, goud) and for a misspelt one (gemiddelt, gespecialiseert)."""
    if len(word) < 4 or word[-1] not in "dt" or word_zipf(word) >= VERB_FORM_MAX_ZIPF:
        return None
    if word[-1] == "d" and not word.startswith(_PARTICIPLE_PREFIXES):
        return None  # a word in -d is a verb form only as a participle whose ge- a prefix replaced
    root = word[:-1]
    if not root.endswith(_VOICELESS) and word_zipf(word + "en") >= _VERB_PLURAL_ZIPF:
        return None
    if word_zipf(root + ("t" if word[-1] == "d" else "d")) >= word_zipf(word) + _MISSPELT_MARGIN:
        return None  # t for d or d for t, Dutch's commonest misspelling, is the corrector's to mend: gemiddelt
    if word.startswith("ge") and len(word) >= _PARTICIPLE_MIN:
        infinitive = _known_infinitive(word, _infinitives(root[2:]))  # gedrukt: drukken
        if infinitive:
            return infinitive
    infinitive = _known_infinitive(word, _infinitives(root))
    if infinitive and word.startswith("ge") and len(infinitive) >= 7 and word_zipf(infinitive[2:]) >= MIN_PART_ZIPF:
        return None  # a participle's infinitive has no ge- (gesleept: slepen, not geslepen)
    return infinitive


def _known_infinitive(form: str, candidates: list[str]) -> str | None:
    """The first candidate infinitive that is a common word, at most _VERB_MARGIN rarer than the verb's form."""
    vocabulary = _vocabulary()
    return next((infinitive for infinitive in candidates
                 if infinitive in vocabulary and word_zipf(form) <= vocabulary[infinitive] + _VERB_MARGIN), None)


def _infinitives(root: str) -> list[str]:
    """What the infinitive of a verb stem may be, most likely first: the vowel written once (maak: maken), the
    consonant doubled after a short vowel (stel: stellen), or the root + en (werk: werken, kom: komen); f and s
    before -en as v and z after a long vowel or a consonant (leef: leven, lees: lezen, durf: durven)."""
    if root[-1] == "s" and _SHORT_VOWEL_CONSONANT.search(root):
        return []  # kust, past, lost: kussen, passen, lossen are likelier nouns or other words (pasen, lozen)
    if root.endswith(_VOWEL_INFINITIVE):
        return [root + "n"]
    if root[-1] == "i" and root[-2] in "aeou":
        return [root + "en"]  # draai, groei, bloei: draaien, groeien, bloeien
    if root[-1] in "aeiouy":
        return []
    if _LONG_VOWEL_CONSONANT.search(root):
        bases = [root[:-2] + root[-1]]
    elif _SHORT_VOWEL_CONSONANT.search(root):
        # After a short vowel the consonant is doubled (stel: stellen); the stem + en only where the vowel is
        # unstressed (ontwikkel: ontwikkelen, bezuinig: bezuinigen) and in komen: "kost" is no form of "kozen".
        if len(root) >= 5 and root.endswith(_UNSTRESSED) or root.endswith("kom"):
            return [root + root[-1] + "en", root + "en"]
        return [root + root[-1] + "en"]
    else:
        bases = [root]
    voiced = {"f": "v", "s": "z"}
    return [base + "en" for base in bases] + [base[:-1] + voiced[base[-1]] + "en" for base in bases
                                               if base[-1] in voiced]


@lru_cache(maxsize=1)
def _relative_words() -> frozenset[str]:
    """The words of wordfreq's whole Dutch list (Zipf >= DERIVED_MIN_ZIPF), folded, that end as a relative may
    (_DERIVATIONS): about 10,000 words, read in ~35 ms."""
    from wordfreq import get_frequency_dict

    endings = tuple({relative.rpartition("|")[2] for _, _, relatives in _DERIVATIONS for relative in relatives})
    floor = 10 ** (DERIVED_MIN_ZIPF - 9)
    words = set()
    for word, freq in get_frequency_dict("nl").items():
        if freq < floor:
            break  # the dict is ordered by frequency
        if not word.isascii():
            word = fold(word)  # creëren -> creeren
        if word.endswith(endings):
            words.add(word)
    return frozenset(words)


def _with_ending(base: str, ending: str) -> str:
    prefix, _, suffix = ending.rpartition("|")
    return prefix + base + suffix


def _base_of(word: str, ending: str) -> str | None:
    prefix, _, suffix = ending.rpartition("|")
    if not (word.startswith(prefix) and word.endswith(suffix)):
        return None
    base = word[len(prefix): len(word) - len(suffix)]
    return base if len(base) >= MIN_DERIVED_BASE else None


@lru_cache(maxsize=50_000)
def derived_words(word: str) -> tuple[str, ...]:
    """The words of another word class derived from the same base as a folded word, that wordfreq knows:
    "adoptie" -> adopteren, adopteert, geadopteerd, ...; "educatief" -> educatie; "digitalisering" -> digitaal;
    "participeren" -> participatie (not participeert: the same verb); "bezuinigt" -> bezuinigen, the one form of
    the same verb (_infinitive). () for a word with none."""
    if word in _NOT_RELATED or not word.isalpha():
        return ()
    out: list[str] = []
    infinitive = _infinitive(word)  # the same verb, but Snowball keeps bezuinigt apart from bezuinigen
    if infinitive:
        out.append(infinitive)
    if _zipf(word) >= DERIVED_MAX_ZIPF:
        return tuple(out)  # a common word has a meaning of its own: organisatie / organiseren, creatief / creatie
    for ending, _, relatives in _DERIVATIONS:
        base = _base_of(word, ending)
        if base is None:
            continue
        for relative in relatives:
            other = _with_ending(base, relative)
            if other != word and other not in _NOT_RELATED and other in _relative_words():
                out.append(other)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=50_000)
def derived_terms(surface: str) -> tuple[tuple[str, ...], ...]:
    """Term tuples a query word also matches through derivation: each relative's stem of the word itself, and for
    a compound each part in turn replaced by a relative's stem, the other parts kept ("monumentadoptie" ->
    (monument, geadopteerd), ...). Only tuples whose terms differ from the word's own."""
    info = query_word_terms(surface)
    if info is None:
        return ()
    whole, _ = info
    word = fold(_normalize(surface.lower()))
    out: list[tuple[str, ...]] = []
    for other in derived_words(word):
        term = stem(other)
        if term != whole:
            out.append((term,))
    parts = split_compound(word)
    if len(parts) >= 2:
        stems = [stem(p) for p in parts]
        for i, part in enumerate(parts):
            for other in derived_words(part):
                term = stem(other)
                if term != stems[i]:
                    out.append(tuple(dict.fromkeys(stems[:i] + [term] + stems[i + 1:])))
    return tuple(dict.fromkeys(out))


# -- related words of the field -------------------------------------------------------------------------
# An umbrella word that the pages about its subject may never use: "levensbeschouwing" for pages about the synagoge
# and the moskee, "maritiem" for pages about scheepvaart and visserij (fresh21's topical queries, where every engine
# scored under 0.1). data/related_words.tsv lists, one way, the narrower words; a query word ALSO matches them
# (query.Clause kind "related"), weighed below the word itself (search.RELATED_WEIGHT).


@lru_cache(maxsize=1)
def _related_table() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    table: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for line in (DATA / "related_words.tsv").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, related = line.partition("\t")
        key = analyze_query(word)
        if not key:
            continue  # a data error the tests report (test_related_words.py)
        words: dict[tuple[str, ...], str] = {}  # one word per stem: "schip" for schip and schepen
        for phrase in related.split(","):
            words.setdefault(tuple(analyze_query(phrase)), phrase.strip())
        table[" ".join(key)] = tuple((phrase, terms) for terms, phrase in words.items()
                                     if terms and terms != tuple(key))
    return table


def related_phrases() -> list[tuple[str, ...]]:
    """The umbrella phrases of several words that have related words ("immaterieel erfgoed"), as their terms: a query
    groups them as one unit (search.SearchEngine.synonyms)."""
    return [tuple(key.split()) for key in _related_table() if " " in key]


def related_words(term: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A query term's related words of the field (data/related_words.tsv), each as written and as its terms:
    "levensbeschouw" -> ("religie", (religie,)), ("moskee", (moskee,)), ...; a related word of several words has
    several terms. () for a term with none."""
    return _related_table().get(term, ())


# Numbers written in digits or in words ("40 basisscholen", "veertig basisscholen"): a query that writes one finds
# a text that writes the other. Only numbers above 31: smaller ones in digits are mostly days, groups and counts
# of every kind ("2 maart", "groep 1 en 2"), and their names common words ("twee"), so "deel twee" found pages
# with a "2" anywhere (docs/performance.md, "Session 12: numbers in digits and in words").
_NUMBER_NAMES = {40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig", 80: "tachtig", 90: "negentig",
                 100: "honderd", 1000: "duizend"}


@lru_cache(maxsize=1)
def _numbers() -> dict[str, str]:
    """A number in digits -> its name's term, and a name as written -> the digits."""
    digits = {str(n): stem(name) for n, name in _NUMBER_NAMES.items()}
    return digits | {name: str(n) for n, name in _NUMBER_NAMES.items()}


def number_variant(surface: str) -> str | None:
    """The term of the same number written the other way: "40" -> "veertig", "Veertig" -> "40"; None for a word
    that is no such number (also "vieren", to celebrate, whose stem is that of "vier")."""
    return _numbers().get(fold(surface.lower()))


def _unit_of(first: str, second: str, word: str) -> bool:
    """Whether two words (folded) make a word that is a unit of its own, never split (_kept_whole: gemeenteraad,
    leerkracht, kinderopvang, and their inflections): the index has no parts for it, so written apart ("gemeente
    raad") only the joined word finds the pages that write it."""
    if not MIN_COMPOUND <= len(word) <= MAX_COMPOUND or not word.isalpha():
        return False
    vocab = _vocabulary()
    if _part_ok(first, vocab, final=False) is None or _part_ok(second, vocab, final=True) is None:
        return False
    return _kept_whole(word, vocab)


_S_LINKED = ("ing", "heid", "schap", "teit", "dom")  # endings after which a compound takes a linking -s-


def word_spans(text: str):
    """(start, end, terms) for each word that is not a stop word: its stem and its compound parts' stems.
    For highlighting, which needs character spans but none of a Whoosh Token's machinery."""
    for match in _WORD.finditer(text):
        info = word_terms(match.group())
        if info is not None:
            yield match.start(), match.end(), (info[0], *info[1])


# -- Whoosh analyzers ---------------------------------------------------------------------------------
class DutchAnalyzer(Analyzer):
    """Whoosh analyzer for TEXT fields: stems at boost 1.0; at index time (mode != "query") also the
    stems of compound parts, at the same position and character span, with boost part_boost (less for a
    place name's).

    Stop words take no position, so index and query agree and a phrase may skip them."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        with_parts = mode != "query"
        if not tokenize:
            matches = [_Whole(value)]
        else:
            matches = _WORD.finditer(value)
        pos = start_pos
        for match in matches:
            surface = match.group()
            info = word_terms(surface)
            if keeporiginal:
                token.original = surface
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if positions:
                token.pos = pos
            if info is None:
                if not removestops:
                    token.text, token.boost, token.stopped = fold(_normalize(surface.lower())), 1.0, True
                    yield token
                    token.stopped = False
                continue
            token.text, token.boost = info[0], 1.0
            yield token
            if with_parts and info[1]:
                token.boost = part_boost(info[0])
                for part in info[1]:
                    token.text = part
                    yield token
            pos += 1


class SpellingAnalyzer(Analyzer):
    """Whoosh analyzer for a spell-check field: folded words, stop words kept, not stemmed."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        matches = _WORD.finditer(value) if tokenize else [_Whole(value)]
        for pos, match in enumerate(matches, start_pos):
            surface = match.group()
            token.text, token.boost = _folded_word(surface), 1.0
            if keeporiginal:
                token.original = surface
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


@lru_cache(maxsize=200_000)
def _folded_word(surface: str) -> str:
    return fold(_normalize(surface.lower()))


class _Whole:
    """A stand-in for a regex match covering the whole value (Whoosh's tokenize=False)."""

    def __init__(self, value: str):
        self.value = value.strip()
        self.offset = value.find(self.value) if self.value else 0

    def group(self) -> str:
        return self.value

    def start(self) -> int:
        return self.offset

    def end(self) -> int:
        return self.offset + len(self.value)


def dutch_analyzer() -> DutchAnalyzer:
    return DutchAnalyzer()


def spelling_analyzer() -> SpellingAnalyzer:
    return SpellingAnalyzer()
