"""The user's query string, parsed into groups of clauses. Pure functions: no index, no Flask.

Syntax: plain words (all must match, see the matching strategy in search.py), "phrases", -exclusion
(also -"phrase" and NOT word), OR between words or phrases, and prefix* (at least two letters).
Anything else is read as words: unbalanced quotes close at the end, lone operators are dropped,
`field:value` is two words, leading wildcards are ignored. Parsing never raises."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from . import analysis
from .params import PER_PAGE_DEFAULT

MAX_GROUPS = 12  # more words than this add little but cost a lot; the rest is ignored (and said so)
MIN_PREFIX = 2
MAX_PARTS_GROUPS = 3  # a compound word meets its parts written apart in queries of up to this many words
# A word meets its related words of the field (analysis.related_words) in queries of up to this many content words,
# when fewer documents than a page have it (RELATED_BELOW): an umbrella word is typed alone or with one more
# ("maritiem erfgoed"), and its related words fill the page that its own documents do not; beside a common word's own
# pages they were noise. In longer queries the other words say what is meant, and there the related words lowered as
# many tuning queries as they raised (docs/performance.md, "Session 22: related words of the field").
MAX_RELATED_GROUPS = 2
RELATED_BELOW = PER_PAGE_DEFAULT
# In a longer query a word meets them only where the collection hardly has it, so that they are its evidence: in a
# question when fewer than RELATED_QUESTION_BELOW documents have it ("waar vind je lessen over streektaal of dialect"
# on a page about Frisian), in several topical words only when none has. Session 45: +2.75 on the tuning runs, 13
# up, 5 down; fewer than 3 in every long query +2.72, 24 up, 21 down, the losses in several topical words and
# titles; fewer than 10, as in short queries, +3.09, 70 up, 66 down.
RELATED_QUESTION_BELOW = 3
RELATED_LONG_BELOW = 1
# A query that starts with one of these, or ends with "?", is a question (search._every_word).
QUESTION_WORDS = frozenset("hoe wat wie waar waarom wanneer welke welk hoeveel waarmee waarvoor waardoor".split())
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# A word with a leading hyphen after one of these is the second half of a Dutch elision ("cultuureducatie en
# -participatie", "school- of -klasgebonden"), as titles write it, not an exclusion: excluding it dropped the
# very page whose title was typed (the known-item probe on tune5's pages, each title as the query: MRR 0.923 ->
# 0.972; docs/performance.md, "Session 7: a fifth tuning set (tune5)"). "erfgoed -musea" still excludes.
ELISION_AFTER = frozenset({"en", "of", "tot", "en/of"})
WORD_CHARS = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*\*?", re.UNICODE)
NOT_A_NAME_START = frozenset({"in", "op", "over", "voor", "met", "van", "bij", "uit", "naar", "aan", "om", "te", "tot",
                              "door", "en", "of", "als", "na", "onder", "tussen", "zonder", "tegen", "rond", "per"})
CONJUNCTIONS = frozenset({"en", "of"})  # words that join two words into both (or either), not into one phrase


@dataclass(frozen=True)
class Clause:
    """One way to match a group: all `terms` anywhere (kind 'terms'), adjacent (kind 'phrase'),
    any word starting with terms[0] (kind 'prefix'), the parts of a compound query word anywhere (kind
    'parts': scored lower than the whole word), the compound with another of the heads that mean the same
    (kind 'variant': "erfgoededucatie" for "erfgoedonderwijs", scored lower too), a relative of another word class
    (kind 'derived': "geadopteerd" for "adoptie", or a compound's parts with one of them so replaced; scored lower
    too), a related word of the field (kind 'related': "synagoge" for "levensbeschouwing", its terms near one
    another, search.RELATED_WINDOW; scored lower too), a compound of the index with the word as a part that no
    split found (kind 'compound': "schoolschutterij" for "schutterij", added by search.py; scored as a part), or a
    taxonomy value (kind 'facet': terms = (facet, id))."""

    kind: str
    terms: tuple[str, ...]
    text: str  # as the user typed it, for messages (a related word: as the list writes it)
    wider: bool = False  # the municipality (or another of its places) for the place typed: weighs less (search.py)
    synonym: bool = False  # an equivalent of the words typed (the taxonomy's synonyms), not those words


@dataclass(frozen=True)
class Group:
    """One 'word' of the query: matched if any of its alternatives matches (OR, synonyms). A filler
    group is a question or filler word (data/query_filler_words.txt): searched, but weighing little."""

    alternatives: tuple[Clause, ...]
    text: str
    filler: bool = False


@dataclass
class ParsedQuery:
    text: str
    groups: list[Group] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Searched as a compound's parts because no page has it whole, or to fill a one-compound query's page
    # (search._compound_words): its partial matches are ranked by weight, the rare part's pages first.
    compound_apart: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def is_question(self) -> bool:
        """Typed as a question: a question word first ("hoe", "welke", ...) or a question mark at the end."""
        words = self.text.split()
        return bool(words) and (words[0].lower() in QUESTION_WORDS or self.text.rstrip().endswith("?"))

    def words(self) -> list[str]:
        """Surface words of the positive part, for spelling correction."""
        return [g.text for g in self.groups]

    @property
    def content_groups(self) -> list[int]:
        """Indexes of the groups that say what the query is about: all but the filler words, or all
        groups when the query is nothing but filler ("wie zijn wij")."""
        content = [i for i, g in enumerate(self.groups) if not g.filler]
        return content or list(range(len(self.groups)))


@dataclass(frozen=True)
class _Token:
    kind: str  # word, phrase, or
    text: str
    negated: bool = False


def parse_query(text: str, synonyms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = None,
                rare: Callable[[str, tuple[str, ...]], bool] | None = None,
                documents: Callable[[str], int] | None = None) -> ParsedQuery:
    """Parse a cleaned query string (see params.clean_query). `synonyms` maps a tuple of query terms
    to the alternative term tuples (see build_synonym_table). `rare(stem, parts)`: whether a compound (its stem and
    its parts' stems) is rare enough in the collection that a long query keeps its parts (_rare_compound).
    `documents(key)`: how many documents have a word's term or a phrase's terms ("levensbeschouw", "immateriel
    erfgoed"), which decides whether its related words of the field count (_related_below; None: they always do)."""
    parsed = ParsedQuery(text=text)
    tokens = _tokenize(text)
    typed_terms = {term for token in tokens if token.kind == "word" for term in analysis.analyze_query(token.text)}
    pending_or = False
    for token in _apply_synonyms(tokens, synonyms or {}, parsed, typed_terms):
        if isinstance(token, Group):
            _add_group(parsed, token, pending_or)
            pending_or = False
            continue
        if token.kind == "or":
            pending_or = bool(parsed.groups)
            continue
        clause = _clause(token)
        if clause is None:
            continue
        if token.negated:
            parsed.excluded.append(clause)
        else:
            plain = token.kind == "word" and clause.kind == "terms"
            parts = analysis.compound_query_parts(token.text) if plain else ()
            alternatives = (clause, Clause("parts", parts, token.text)) if parts else (clause,)
            # Two of three parts as the word they make, which a page may have in a form not split.
            alternatives += tuple(Clause("parts", terms, token.text)
                                  for terms in (analysis.compound_query_pairings(token.text) if parts else ()))
            # A variant the query also types ("cultuureducatie en cultuuronderwijs") is not added: there the two
            # words are meant apart.
            alternatives += tuple(Clause("variant", (variant,), token.text)
                                  for variant in (analysis.head_variants(token.text) if plain else ())
                                  if variant not in typed_terms)
            # Relatives of another word class (_derived); not for filler words.
            if plain and clause.terms[0] not in filler_stems():
                alternatives += _derived(token.text, typed_terms)
            number = analysis.number_variant(token.text) if plain else None
            if number is not None and number not in typed_terms:
                alternatives += (Clause("terms", (number,), token.text),)
            if clause.kind == "phrase":
                alternatives += _joined_phrase(token.text)
            _add_group(parsed, Group(alternatives, clause.text, plain and clause.terms[0] in filler_stems()),
                       pending_or)
            pending_or = False
    # A long query joins only words that make a word never split (gemeenteraad): the index has no parts for it,
    # so its words apart would not find it; other compounds' parts add nothing the other words do not say.
    parsed.groups = _with_joined_compounds(parsed.groups, units_only=len(parsed.content_groups) > MAX_PARTS_GROUPS)
    parsed.groups = _with_separable_verbs(parsed.groups)
    if len(parsed.content_groups) > MAX_PARTS_GROUPS:
        # In a long query the other words already say what a compound's parts would add; not for a rare one.
        parsed.groups = [g if rare is not None and _rare_compound(g, rare) else
                         Group(tuple(c for c in g.alternatives
                                     if c.kind != "parts" and not (c.kind == "derived" and len(c.terms) > 1)),
                               g.text, g.filler)
                         for g in parsed.groups]
    had = {clause.terms for group in parsed.groups for clause in group.alternatives}
    below = _related_below(parsed)
    parsed.groups = [_with_related(g, documents, below, had) for g in parsed.groups]
    if len(parsed.groups) > MAX_GROUPS:
        parsed.groups = parsed.groups[:MAX_GROUPS]
        parsed.notes.append(f"Alleen de eerste {MAX_GROUPS} woorden zijn gebruikt.")
    return parsed


def _related_below(parsed: ParsedQuery) -> int:
    """How few documents must have a word of this query for its related words to count (MAX_RELATED_GROUPS,
    RELATED_QUESTION_BELOW)."""
    if len(parsed.content_groups) <= MAX_RELATED_GROUPS:
        return RELATED_BELOW
    return RELATED_QUESTION_BELOW if parsed.is_question else RELATED_LONG_BELOW


def _with_related(group: Group, documents: Callable[[str], int] | None, below: int,
                  had: set[tuple[str, ...]]) -> Group:
    """The group with its word's related words of the field (analysis.related_words), for a content word or an
    umbrella phrase ("immaterieel erfgoed", grouped as a synonym's phrase is) that fewer than `below` documents have:
    "levensbeschouwing" also matches "synagoge", weighed lower (search.RELATED_WEIGHT). Not a related word that the
    query has already (`had`: every group's terms): in "polders en dijken" a page with only "dijken" matched both
    words, "dijk" being a related word of "polder", and came before the pages about polders (tune14 0.616 ->
    0.719 alone, 0.521 -> 0.580 beside the bundled corpus; on the tuning sets nothing else moved; the held-out half
    unchanged)."""
    typed = group.alternatives[0]
    if group.filler or typed.kind not in ("terms", "phrase") or typed.kind == "terms" and len(typed.terms) != 1:
        return group
    key = " ".join(typed.terms)
    if not analysis.related_words(key) or documents is not None and documents(key) >= below:
        return group
    related = tuple(Clause("related", terms, word, synonym=True)
                    for word, terms in analysis.related_words(key) if terms not in had)
    return Group(group.alternatives + related, group.text, group.filler) if related else group


def _rare_compound(group: Group, rare: Callable[[str, tuple[str, ...]], bool]) -> bool:
    """Whether a group is a compound typed as one word that `rare` says the collection hardly has: in a question
    such a word ("architectuurlessen", "poppenspel") is its most telling one, and its parts are the evidence the
    pages have ("lessen in architectuur")."""
    typed = group.alternatives[0]
    parts = [c.terms for c in group.alternatives if c.kind == "parts"]
    return bool(parts) and typed.kind == "terms" and len(typed.terms) == 1 and rare(typed.terms[0], parts[0])


def without_quotes(text: str) -> tuple[str, list[str]] | None:
    """The query with its quoted phrases as plain words, and those phrases as typed ('muziek "op maandag"' ->
    ('muziek op maandag', ['"op maandag"'])); None when it quotes no phrase of two or more words. Excluded
    phrases (-"..." and NOT "...") keep their quotes: they still say what not to list."""
    out, phrases, negate_next = [], [], False
    for match in TOKEN.finditer(text):
        minus, phrase, word = match.groups()
        if phrase is not None and not (minus or negate_next) and len(analysis.tokenize(phrase)) > 1:
            out.append(phrase)
            phrases.append(f'"{phrase}"')
        else:
            out.append(match.group(0))
        negate_next = word == "NOT"
    return (" ".join(out), phrases) if phrases else None


def _with_joined_compounds(groups: list[Group], units_only: bool = False) -> list[Group]:
    """Two words written apart that make a compound ("muziek docenten", "subsidie regeling") also match
    that compound as one word: the second word's group gets it as an alternative, so that a page about
    "muziekdocenten" weighs as a page with both words, not as one with only their parts."""
    return _with_pairs_joined(groups, lambda first, second: analysis.joined_compound(first, second, units_only))


def _with_separable_verbs(groups: list[Group]) -> list[Group]:
    """A verb and its separated particle ("werken samen", "nemen deel") also match the verb they make, as the
    pages write it and its nouns ("samenwerken", "samenwerking": samenwerk): the particle's group gets it as an
    alternative, as a compound typed apart does."""
    return _with_pairs_joined(groups, analysis.separable_verb, particle_first=True)


def _with_pairs_joined(groups: list[Group], join: Callable[[str, str], str | None],
                       particle_first: bool = False) -> list[Group]:
    """Each two neighbouring plain words that `join` makes one word's stem of: the second word's group gets that
    stem as an alternative, its text the two words as one (the second first for a separable verb's particle)."""
    out = list(groups)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if not (_plain_word(first) and _plain_word(second)):
            continue
        joined = join(first.text, second.text)
        if joined and joined not in second.alternatives[0].terms:
            text = f"{second.text}{first.text}" if particle_first else f"{first.text}{second.text}"
            out[i] = Group(second.alternatives + (Clause("terms", (joined,), text),), second.text, second.filler)
    return out


def _joined_phrase(text: str) -> tuple[Clause, ...]:
    """A quoted phrase of two words that make a compound ("cultuur coördinator") also matches the compound
    written as one word, as Dutch writes it: the quotes ask for the words together, and one word is as together
    as they get."""
    words = analysis.tokenize(text)
    joined = analysis.joined_compound(*words) if len(words) == 2 else None
    return (Clause("terms", (joined,), "".join(words)),) if joined else ()


def _derived(text: str, typed_terms: set[str]) -> tuple[Clause, ...]:
    """Relatives of another word class of one query word ("adoptie": geadopteerd; "monumentadoptie": monument +
    geadopteerd), weighed below the word (search.DERIVED_WEIGHT); none that the query also types."""
    return tuple(Clause("derived", terms, text) for terms in analysis.derived_terms(text)
                 if not (len(terms) == 1 and terms[0] in typed_terms))


def _plain_word(group: Group) -> bool:
    """A group that is one word as typed (with any synonyms or taxonomy values it names): not a filler
    word, a phrase, a prefix, a run of words or words joined by OR."""
    typed = group.alternatives[0]
    return (not group.filler and typed.kind == "terms" and len(typed.terms) == 1 and " " not in group.text)


def _add_group(parsed: ParsedQuery, group: Group, merge_with_previous: bool) -> None:
    if merge_with_previous and parsed.groups:
        previous = parsed.groups.pop()
        group = Group(previous.alternatives + group.alternatives, f"{previous.text} OR {group.text}",
                      previous.filler and group.filler)
    parsed.groups.append(group)


@lru_cache(maxsize=1)
def filler_stems() -> frozenset[str]:
    """Stems of the question and filler words (data/query_filler_words.txt; why they are not stop words
    is said there)."""
    return frozenset(term for word in analysis.word_list("query_filler_words.txt")
                     for term in analysis.analyze_query(word))


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    negate_next = False
    previous = ""  # the word before, as typed (ELISION_AFTER)
    for match in TOKEN.finditer(text):
        minus, phrase, word = match.groups()
        if phrase is not None:
            tokens.append(_Token("phrase", phrase, bool(minus) or negate_next))
            negate_next = False
            previous = ""
            continue
        if word in ("OR", "|"):
            tokens.append(_Token("or", word))
            continue
        if word in ("AND", "&", "+"):
            continue
        if word == "NOT":
            negate_next = True
            continue
        elided = word.startswith("-") and previous.lower() in ELISION_AFTER
        negated = negate_next or (word.startswith("-") and len(word) > 1 and not elided)
        negate_next = False
        previous = word
        # Split on anything that is not part of a word: 'thema:erfgoed' -> thema, erfgoed; '*foo' -> foo.
        for piece in WORD_CHARS.findall(word.lstrip("-+")):
            tokens.append(_Token("word", piece, negated))
    return tokens


def _clause(token: _Token) -> Clause | None:
    text = token.text
    if token.kind == "phrase":
        terms = tuple(analysis.analyze_query(text))
        if not terms:
            return None
        return Clause("phrase" if len(terms) > 1 else "terms", terms, f'"{text}"')
    if text.endswith("*"):
        stem = analysis.fold(text.rstrip("*"))
        if len(stem) >= MIN_PREFIX:
            return Clause("prefix", (stem,), text)
        text = text.rstrip("*")
    terms = tuple(analysis.analyze_query(text))
    if not terms:
        return None  # a stop word
    return Clause("terms", terms, text)


def _apply_synonyms(tokens: list[_Token], synonyms: dict, parsed: ParsedQuery, typed_terms: set[str]) -> list:
    """Replace runs of plain words that form a known phrase ('primair onderwijs', 'po', "icc'er") by a
    Group with all its equivalents, and the taxonomy values the phrase names. Longest match first."""
    if not synonyms:
        return tokens
    out: list = []
    i = 0
    while i < len(tokens):
        matched = False
        for length in range(min(4, len(tokens) - i), 0, -1):
            run = tokens[i:i + length]
            if any(t.kind != "word" or t.negated or t.text.endswith("*") for t in run):
                continue
            terms = [analysis.analyze_query(t.text) for t in run]
            if not terms[-1] or (not terms[0] and run[0].text.lower() in NOT_A_NAME_START):
                # Stop words after a phrase, or a preposition before it, are no part of it: "muziek in de klas" has
                # "muziek", "films over erfgoed" "erfgoed" (an article may begin one: "Den Haag", "De Bilt").
                continue
            key = tuple(term for t_terms in terms for term in t_terms)
            # "cultuur en onderwijs" asks for both words, not for the phrase "cultuur in het onderwijs" whose
            # stop words the index leaves out: a typed conjunction matches only a phrase written with one.
            if key in synonyms and (synonyms[key].conjoined or not any(t.text.lower() in CONJUNCTIONS for t in run)):
                text = " ".join(t.text for t in run)
                expansion: Expansion = synonyms[key]
                # An alternative that contains all of the user's own words ("cultureel erfgoed" for
                # "erfgoed") finds nothing more; it would only boost and highlight the extra words.
                # Words the user typed that form a known phrase ("Den Haag", "primair onderwijs") are
                # meant as that phrase, not as words anywhere in a document.
                alternatives = [Clause("phrase" if len(key) > 1 else "terms", key, text)]
                if length == 1 and len(key) == 1 and key[0] not in filler_stems():
                    # One word with synonyms or a theme ("inclusie": kansengelijkheid) still finds its own
                    # relatives ("inclusief"), as any word does; not a compound's parts with one of them so
                    # replaced (its synonyms already say what the compound means).
                    alternatives += [c for c in _derived(run[0].text, typed_terms) if len(c.terms) == 1]
                alternatives += [Clause("phrase" if len(alt) > 1 else "terms", alt, " ".join(alt), expansion.part, True)
                                 for alt in expansion.phrases if not set(key) <= set(alt)]
                alternatives += [Clause("facet", value, text) for value in expansion.values]
                out.append(Group(tuple(alternatives), text))
                i += length
                matched = True
                break
        if not matched:
            out.append(tokens[i])
            i += 1
    return out


@dataclass(frozen=True)
class Expansion:
    """What a phrase in a query also means: equivalent phrases (analyzed) and taxonomy values
    ((facet, id) pairs) whose documents it should find even when they use other words."""

    phrases: tuple[tuple[str, ...], ...] = ()
    values: tuple[tuple[str, str], ...] = ()
    conjoined: bool = False  # the phrase as written joins its words with "en" or "of" ("Kaag en Braassem")
    part: bool = False  # the phrase names a place within a municipality ("Noordwijkerhout"): the others are wider


def build_synonym_table(groups: list[tuple[str, ...]],
                        values: dict[str, list[tuple[str, str]]] | None = None,
                        parts: Iterable[str] = ()) -> dict[tuple[str, ...], Expansion]:
    """From groups of equivalent phrases, and phrases that name a taxonomy value, to: analyzed phrase ->
    Expansion. Groups that share a phrase are merged ("po" = "primair onderwijs" in one group,
    "primair onderwijs" = "basisschool" in another), so every member finds all the others. `parts` are
    phrases that name a place within a municipality (its aliases: "Noordwijkerhout" for Noordwijk)."""
    part_keys = {tuple(analysis.analyze_query(phrase)) for phrase in parts}
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}
    conjoined: set[tuple[str, ...]] = set()  # keys written with a conjunction in one of their phrases

    def find(key):
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for group in groups:
        written = [(phrase, tuple(analysis.analyze_query(phrase))) for phrase in group]
        conjoined.update(terms for phrase, terms in written if has_conjunction(phrase))
        analyzed = [terms for _, terms in written if terms]
        for terms in analyzed[1:]:
            parent[find(terms)] = find(analyzed[0])
    named: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for phrase, pairs in (values or {}).items():
        terms = tuple(analysis.analyze_query(phrase))
        if terms:
            find(terms)
            if has_conjunction(phrase):
                conjoined.add(terms)
            named.setdefault(terms, []).extend(p for p in pairs if p not in named.get(terms, []))
    members: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for key in list(parent):
        members.setdefault(find(key), []).append(key)
    table: dict[tuple[str, ...], Expansion] = {}
    for keys in members.values():
        pairs = tuple(dict.fromkeys(p for k in keys for p in named.get(k, [])))
        for key in keys:
            others = tuple(k for k in keys if k != key)
            if others or pairs:
                table[key] = Expansion(others, pairs, key in conjoined, key in part_keys)
    return table


def has_conjunction(text: str) -> bool:
    return any(word.lower() in CONJUNCTIONS for word in WORD_CHARS.findall(text)) or "&" in text
