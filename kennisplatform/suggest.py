"""Suggestions for editors, from a document's text: type, themes, regions, disciplines and audience; and
warnings for documents that already exist (the same source address, or very similar text).

Values come from the taxonomy (labels, aliases and mentions found in the text, place names case-aware);
the type from keyword rules, with the title counting most. Editors accept or ignore them: nothing here
changes a document. No Flask."""
from __future__ import annotations

import math
import re
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .corpus import iter_markdown_files
from .documents import load_yaml, plain_text, split_front_matter
from .importer.identity import normalise_url  # noqa: F401  (callers use suggest.normalise_url)
from .taxonomy import PLACE_BEFORE, Taxonomy, fold, normalise

LIMITS = {"theme": 5, "region": 6, "discipline": 4, "audience": 3}
TITLE_WEIGHT = 6  # a type word in the title counts this many times
FACET_KEYS = {"type": "type", "theme": "themes", "region": "regions", "discipline": "disciplines",
              "audience": "audience"}  # facet -> the front-matter key its values go in

# Words that point at a type; counted as whole (folded, lowercase) words or phrases. The taxonomy's own
# names for the types ("verslag", "artikel") are in the lists, so that they count like the others and
# an alias that is also an ordinary word ("samenvatting") cannot decide alone.
TYPE_CUES: dict[str, tuple[str, ...]] = {
    "verslag": (
        "verslag", "bijeenkomst", "bijeenkomsten", "netwerkbijeenkomst", "netwerkdag", "studiedag",
        "conferentie", "werkconferentie", "congres", "deelnemers", "workshop", "workshops", "plenair",
        "plenaire", "dagvoorzitter", "terugblik", "praatplaat", "praatplaten", "kennisestafette",
        "werksessie", "ronde tafel", "we spraken", "reisden", "aanwezigen", "programma van de dag", "overleg",
        "vergadering", "notulen", "werkbijeenkomst", "expertmeeting", "inspiratiebijeenkomst", "gespreksronde",
        "sprekers", "spreker", "middagprogramma", "ochtendprogramma",
        # a report tells what happened: past tense of the verbs of meetings
        "vertelde", "vertelden", "hield", "hielden", "presenteerde", "presenteerden", "opende", "sprak",
        "spraken", "bezochten", "werden", "kregen", "deelden", "gingen in gesprek",
    ),
    "voorbeeldproject": (
        # Not "leerlingen", "klas", "lessen", "partners": every page of this field uses them.
        "voorbeeldproject", "project", "projecten", "pilot", "lessenreeks", "groep 7", "groep 8", "aanpak",
        "wat werkte", "geleerd", "geleerde lessen", "looptijd", "projectleider", "praktijkvoorbeeld",
        "opzet", "werkwijze", "in de praktijk",
    ),
    "artikel": (
        "artikel", "artikelsamenvatting", "onderzoek", "onderzoekers", "onderzoeker", "studie", "auteur",
        "auteurs", "tijdschrift", "publicatie", "literatuur", "literatuurstudie", "respondenten", "methode",
        "conclusie", "conclusies", "hypothese", "steekproef", "et al", "doi", "meta analyse", "effectstudie",
        "onderzoeksrapport", "proefschrift",
        # news, policy and organisation pages are artikelen too
        "nieuws", "persbericht", "visie", "missie", "beleid", "cultuurnota", "nota", "begroting",
        "wethouder", "gemeenteraad", "college", "provincie", "regeling", "aanvragen", "onze", "wij",
    ),
}
_WORD = re.compile(r"[a-z0-9]+")

SHARED_KEYWORDS = 20  # key words kept per file, to find candidates
MIN_SHARED = 3  # a candidate shares at least this many key words with the text
SIMILARITY_THRESHOLD = 0.7  # cosine of word counts: unrelated corpus texts stay below 0.55, a retelling ~0.78
CANDIDATES = 10  # candidates compared in full
KEYWORDS = 12

# -- confidence -------------------------------------------------------------------------------------------
# A value's confidence is a logistic function of its evidence. The weights were set by hand from what an
# editor would trust, before any page was judged; benchmarks/suggestions/evaluate.py measures how precise
# each confidence level is on judged real pages, and review.py applies a value only above the threshold
# that measurement justified.
LEAD_WORDS = 50  # the opening of the text: a value named there is what the text is about
MENTION_WEIGHT = 0.5  # a mention ("museum" for erfgoed, "Haagse") is weaker evidence than a label or alias
BIAS = -2.4
W_TITLE = 3.5  # the value's label or alias in the title (a mention in the title counts half)
W_LEAD = 0.7
W_COUNT = 1.0  # per log(1 + weighted occurrences in the text)
W_DENSITY = 0.4  # per log(1 + weighted occurrences per 500 words): one mention in a long text says little
W_SHARE = 1.2  # times (share - 1): a value mentioned far less than the facet's top value is a side remark
W_PLACE = 0.6  # regions: named as a place ("in Gouda", "gemeente Gouda"), not just a word
W_UNNAMED = -1.0  # only mentions ("museum", "wethouder") and compound parts, never the value's label or alias
COMPOUND_WEIGHT = 0.5  # a name inside a compound ("erfgoed" in "erfgoedleerlijn") counts as a mention
MIN_COMPOUND = 9  # shorter words are not split
LISTED_WEIGHT = 0.3  # a name in a list of art forms ("dans, theater, muziek en erfgoed") is no subject
ART_WORDS = {"kunst", "kunsten", "cultuur", "kunstvakken", "kunstdisciplines", "taal", "sport", "wetenschap",
             "techniek", "natuur", "geschiedenis"}
TYPE_SATURATION = 6.0  # type cue score at which the evidence counts as 63% complete
# How common each type is among real pages of the field (the tune half of the first 66 judged pages: 24
# artikel, 5 voorbeeldproject, 5 verslag; of all 124: 48, 9, 6), as pseudo cue counts: without cues a page
# is most likely an artikel (news, policy and organisation pages are), but not likely enough to apply
# without review.
TYPE_PRIOR = {"artikel": 0.7, "voorbeeldproject": 0.15, "verslag": 0.15}
PRIOR_WEIGHT = 4.0
_ADDRESS_BEFORE = re.compile(r"\b\d{4}\s?[A-Z]{2}\s+$")  # "2801 AB Gouda": an address, not a topic


@dataclass(frozen=True)
class Evidence:
    """What the text says for one value of one facet."""

    in_title: float = 0.0  # 1 for a label or alias in the title, MENTION_WEIGHT for a mention
    count: float = 0.0  # occurrences in the text, mentions weighted by MENTION_WEIGHT and cue specificity
    in_lead: bool = False
    words: int = 0  # length of the text
    share: float = 0.0  # count relative to the facet's most mentioned value (title included)
    as_place: bool = False  # regions: at least once after "in", "gemeente", ...
    named: bool = True  # the label or an alias occurs (not only mentions or compound parts)


@dataclass(frozen=True)
class Scored:
    value: str  # the id
    confidence: float  # in [0, 1]
    evidence: Evidence = field(default_factory=Evidence)


def confidence(ev: Evidence) -> float:
    """The evidence as one number in [0, 1] (see the weights above)."""
    density = ev.count * 500 / max(ev.words, 100)
    z = (BIAS + W_TITLE * ev.in_title + W_LEAD * ev.in_lead + W_COUNT * math.log1p(ev.count)
         + W_DENSITY * math.log1p(density) + W_SHARE * (ev.share - 1) + W_PLACE * ev.as_place
         + W_UNNAMED * (not ev.named))
    return round(1 / (1 + math.exp(-z)), 3)


@lru_cache(maxsize=4096)
def cue_specificity(form: str) -> float:
    """How specific a name is as a cue, from its frequency in Dutch (wordfreq's Zipf scale): a rare word
    ("deskundigheidsbevordering", 1.5) is 1.0, a common one ("samenwerking", 5.0) 0.8, down to 0.6."""
    from wordfreq import zipf_frequency

    return max(0.6, min(1.0, 1 - 0.1 * max(0.0, zipf_frequency(form.lower(), "nl") - 3)))


def _evidence(taxonomy: Taxonomy, facet: str, title: str, text: str) -> dict[str, Evidence]:
    """Per value found, its evidence (dict in order of first occurrence)."""
    title_hits: dict[str, float] = {}
    named: set[str] = set()
    for match in taxonomy.text_matches(facet, title):
        weight = MENTION_WEIGHT if match.is_mention else 1.0
        title_hits[match.id] = max(title_hits.get(match.id, 0.0), weight)
        if not match.is_mention:
            named.add(match.id)
    folded = fold(text)
    lead_end = _lead_end(folded)
    counts: dict[str, float] = {}
    lead: set[str] = set()
    places: set[str] = set()
    for match in taxonomy.text_matches(facet, text):
        before = folded[max(0, match.start - 30):match.start]
        if facet == "region" and _ADDRESS_BEFORE.search(before):
            continue
        weight = (MENTION_WEIGHT if match.is_mention else 1.0) * cue_specificity(match.form)
        if facet != "region" and _listed(taxonomy, folded, match):
            weight *= LISTED_WEIGHT
        counts[match.id] = counts.get(match.id, 0.0) + weight
        if not match.is_mention:
            named.add(match.id)
        if match.start < lead_end:
            lead.add(match.id)
        if facet == "region" and PLACE_BEFORE.search(before):
            places.add(match.id)
    if facet != "region":  # place names are not parts of compounds worth trusting ("Leidsestraat")
        for value, n in _compound_hits(taxonomy, facet, text).items():
            counts[value] = counts.get(value, 0.0) + COMPOUND_WEIGHT * n
    words = len(_words(text))
    totals = {v: counts.get(v, 0.0) + 2 * title_hits.get(v, 0.0) for v in {**title_hits, **counts}}
    top = max(totals.values(), default=0.0) or 1.0
    return {v: Evidence(title_hits.get(v, 0.0), round(counts.get(v, 0.0), 3), v in lead, words,
                        round(totals[v] / top, 3), v in places, v in named)
            for v in totals}


def _listed(taxonomy: Taxonomy, folded: str, match) -> bool:
    """Whether the name stands in a list of art forms: "... muziek en erfgoed", "erfgoed of dans"."""
    before = folded[max(0, match.start - 40):match.start].lower().split()
    after = folded[match.start + len(match.form):match.start + len(match.form) + 40].lower().split()
    neighbours = []
    if len(before) >= 2 and before[-1] in ("en", "of"):
        neighbours.append(before[-2])
    if len(after) >= 2 and after[0] in ("en", "of"):
        neighbours.append(after[1])
    return any(w in ART_WORDS or taxonomy.text_name("discipline", w) for w in neighbours)


def _compound_hits(taxonomy: Taxonomy, facet: str, text: str) -> Counter:
    """Values named inside compound words of the text ("erfgoedleerlijn": erfgoed and leerlijnen), counted
    per occurrence of the compound. Words that are themselves a name were found as whole words already."""
    from .analysis import split_compound

    hits: Counter = Counter()
    for word, n in Counter(w for w in _words(text) if len(w) >= MIN_COMPOUND and w.isalpha()).items():
        if taxonomy.text_name(facet, word):
            continue
        for part in split_compound(word):
            found = taxonomy.text_name(facet, part)
            if found:
                hits[found[0]] += n
    return hits


def _lead_end(folded: str) -> int:
    """The position in the folded text where its first LEAD_WORDS words end."""
    spaces = [m.start() for m in re.finditer(" ", folded)]
    return spaces[LEAD_WORDS - 1] if len(spaces) >= LEAD_WORDS else len(folded)


def type_confidence(scores: dict[str, int], doc_type: str) -> float:
    """The type's share of all type cues plus the prior's pseudo counts, discounted while there is little
    evidence at all."""
    evidence = {t: n + PRIOR_WEIGHT * TYPE_PRIOR.get(t, 0.0) for t, n in scores.items()}
    total = sum(evidence.values())
    if not total:
        return 0.0
    return round(evidence[doc_type] / total * (1 - math.exp(-evidence[doc_type] / TYPE_SATURATION)), 3)


@dataclass
class Suggestions:
    type: str | None = None
    type_scores: dict[str, int] = field(default_factory=dict)
    theme: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)
    discipline: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    scored: dict[str, list[Scored]] = field(default_factory=dict)  # facet -> values, most confident first

    def values(self, facet: str) -> list[str]:
        return getattr(self, facet)

    def confidence(self, facet: str, value: str) -> float:
        return next((s.confidence for s in self.scored.get(facet, ()) if s.value == value), 0.0)

    def to_dict(self) -> dict:
        return asdict(self)


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).lower())


def _count_cues(words: list[str], cues: tuple[str, ...]) -> int:
    """Occurrences of the cue words and phrases; each cue counts at most three times, so that one word
    repeated throughout a text cannot decide alone."""
    joined = " " + " ".join(words) + " "
    counts = Counter(words)
    total = 0
    for cue in cues:
        n = joined.count(f" {cue} ") if " " in cue else counts.get(cue, 0)
        total += min(n, 3)
    return total


def suggest_type(title: str, text: str) -> tuple[str | None, dict[str, int]]:
    """The most likely type and every type's score (title words weigh TITLE_WEIGHT times)."""
    title_words, text_words = _words(title), _words(text)
    scores = {t: _count_cues(text_words, cues) + TITLE_WEIGHT * _count_cues(title_words, cues)
              for t, cues in TYPE_CUES.items()}
    best = max(scores, key=lambda t: scores[t])
    return (best if scores[best] > 0 else None), scores


def suggest(taxonomy: Taxonomy, title: str, text: str, site: str | None = None) -> Suggestions:
    """What the taxonomy finds in the title and text, a few values per facet, each with its confidence,
    most confident first. `site`: the name of the site or publication the page appeared on ("Begroting
    2026-2029 gemeente Krimpenerwaard", "CKC Zoetermeer", "Flakkee Nieuws"); for regions only, it is read as
    the text's first line, since a local site says where its pages are about when they do not say it
    themselves. (For themes it was no help: "Fonds voor Cultuurparticipatie" is not the theme inclusie.)"""
    doc_type, scores = suggest_type(title, text)
    result = Suggestions(type=doc_type, type_scores=scores)
    result.scored["type"] = sorted((Scored(t, type_confidence(scores, t)) for t in scores),
                                   key=lambda s: -s.confidence)
    for facet, limit in LIMITS.items():
        facet_text = f"{site}.\n\n{text}" if site and facet == "region" else text
        scored = [Scored(v, confidence(ev), ev) for v, ev in _evidence(taxonomy, facet, title, facet_text).items()]
        scored = sorted(scored, key=lambda s: -s.confidence)[:limit]  # stable: ties keep text order
        result.scored[facet] = scored
        setattr(result, facet, [s.value for s in scored])
    return result


# -- duplicates ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Duplicate:
    id: str
    title: str
    reason: str  # "bron": same source address; "tekst": very similar text; "titel": the same title
    score: float = 1.0

    @property
    def message(self) -> str:
        if self.reason == "bron":
            return "heeft hetzelfde bronadres"
        if self.reason == "titel":
            return "heeft dezelfde titel"
        return f"lijkt erg op deze tekst ({round(self.score * 100)}% overeenkomst)"


_SOURCE_BLOCK = re.compile(r"^source:[ \t]*(.*)$((?:\n[ \t]+.*)*)", re.M)
_URL_LINE = re.compile(r"^[ \t]*url:[ \t]*(.+?)[ \t]*$", re.M)


def source_url_of(front_matter: str) -> str | None:
    """The source address in a front matter, read with a pattern instead of a YAML parser: this runs over
    every file of the corpus."""
    match = _SOURCE_BLOCK.search(front_matter)
    if not match:
        return None
    inline, block = match.group(1).strip(), match.group(2)
    if inline and not inline.startswith("{"):
        return inline.strip("'\"")
    found = re.search(r"url:\s*([^,}\s]+)", inline) if inline else _URL_LINE.search(block)
    return found.group(1).strip("'\"") if found else None


def source_map(corpus_dir: Path) -> dict[str, str]:
    """normalised source address -> document id, for every corpus file that has one."""
    result: dict[str, str] = {}
    for path in iter_markdown_files(Path(corpus_dir)):
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                head = handle.read(8192)
        except OSError:
            continue
        front, _ = split_front_matter(head)
        url = normalise_url(source_url_of(front)) if front else None
        if url:
            result.setdefault(url, path.stem.lower())
    return result


class SourceIndex:
    """source_map, cached until the index changes (any save by any process changes its version)."""

    def __init__(self):
        self._key = None
        self._map: dict[str, str] = {}

    def lookup(self, corpus_dir: Path, version: str, url: str | None) -> str | None:
        key = (str(corpus_dir), version)
        if key != self._key:
            self._map, self._key = source_map(corpus_dir), key
        normal = normalise_url(url)
        return self._map.get(normal) if normal else None


def word_vector(text: str) -> Counter:
    """Content words (four letters or more) and their counts: what similarity compares."""
    return Counter(w for w in _words(text) if len(w) >= 4 and not w.isdigit())


def document_vector(title: str, body_markdown: str) -> Counter:
    """word_vector of a document's title and text (its Markdown body as plain text)."""
    return word_vector(f"{title}\n{plain_text(body_markdown)}")


def cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(n * b.get(w, 0) for w, n in a.items())
    return dot / (math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values())))


@lru_cache(maxsize=200_000)
def _rarity(word: str) -> float:
    from wordfreq import zipf_frequency

    return 8.0 - zipf_frequency(word, "nl")


def keywords(vector: Counter, limit: int = KEYWORDS) -> list[str]:
    """The words that say most about a text: frequent in it, rare in Dutch (wordfreq)."""
    def weight(item: tuple[str, int]) -> float:
        word, count = item
        return (1 + math.log(count)) * _rarity(word)

    return [w for w, _ in sorted(vector.items(), key=lambda item: (-weight(item), item[0]))[:limit]]


def _file_text(path: Path) -> tuple[str, str] | None:
    """(title, plain body text) of a corpus file, or None when it cannot be read."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    front, body = split_front_matter(text)
    title = ""
    if front:
        try:
            meta = load_yaml(front)  # no aliases: a "billion laughs" title would be gigabytes as text
            title = str(meta.get("title") or "") if isinstance(meta, dict) else ""
        except (yaml.YAMLError, ValueError, RecursionError):
            pass
    return title, plain_text(body)


@dataclass
class _Entry:
    stamp: tuple[int, int]  # (mtime_ns, size): the file is read again when this changes
    doc_id: str
    keywords: tuple[str, ...]
    title_key: str  # title_key() of its title


def title_key(title: str) -> str:
    """A title as two titles are compared: case, accents, punctuation and spacing ignored."""
    return normalise(title)


class TextIndex:
    """Which corpus files are very similar to a text, without the search engine (whose query machinery
    spends its time on spelling suggestions for the rare words that make a text distinctive).

    Per file it keeps only its key words; a text's candidates are the files sharing most key words, and
    those few are compared in full (cosine of word counts). `refresh()` re-reads only files whose size or
    time changed, so calling it before every check costs one stat per file."""

    def __init__(self, corpus_dir: Path):
        self.corpus_dir = Path(corpus_dir)
        self._entries: dict[Path, _Entry] = {}
        self._by_word: dict[str, set[Path]] = {}
        self._by_title: dict[str, set[Path]] = {}
        self._lock = threading.Lock()

    def _add(self, path: Path, stamp: tuple[int, int], title: str, body: str) -> None:
        words = tuple(keywords(word_vector(f"{title}\n{body}"), SHARED_KEYWORDS))
        self._remove(path)
        entry = self._entries[path] = _Entry(stamp, path.stem.lower(), words, title_key(title))
        for word in words:
            self._by_word.setdefault(word, set()).add(path)
        if entry.title_key:
            self._by_title.setdefault(entry.title_key, set()).add(path)

    def _remove(self, path: Path) -> None:
        old = self._entries.pop(path, None)
        if old:
            for word in old.keywords:
                self._by_word.get(word, set()).discard(path)
            self._by_title.get(old.title_key, set()).discard(path)

    def same_title(self, title: str, exclude_id: str | None = None) -> list[Duplicate]:
        """Documents whose title is this one (see title_key): a new report titled like an existing one is
        often the same meeting, whatever its text."""
        key = title_key(title)
        if not key:
            return []
        with self._lock:
            found = [(self._entries[p].doc_id, p) for p in self._by_title.get(key, ())]
        out = []
        for doc_id, path in sorted(found):
            read = _file_text(path) if doc_id != exclude_id else None
            if read is not None and title_key(read[0]) == key:  # still so: the file may have changed since
                out.append(Duplicate(doc_id, read[0], "titel"))
        return out

    def refresh(self) -> None:
        with self._lock:
            present = set()
            for path in iter_markdown_files(self.corpus_dir):
                present.add(path)
                try:
                    info = path.stat()
                except OSError:
                    continue
                stamp = (info.st_mtime_ns, info.st_size)
                entry = self._entries.get(path)
                if entry is None or entry.stamp != stamp:
                    read = _file_text(path)
                    if read is not None:
                        self._add(path, stamp, *read)
            for gone in set(self._entries) - present:
                self._remove(gone)

    def note(self, path: Path, title: str, body_markdown: str) -> None:
        """A file this process just wrote: known at once, without waiting for the next refresh."""
        try:
            info = Path(path).stat()
        except OSError:
            return
        with self._lock:
            self._add(Path(path), (info.st_mtime_ns, info.st_size), title, plain_text(body_markdown))

    def similar(self, title: str, body_markdown: str, exclude_id: str | None = None,
                threshold: float = SIMILARITY_THRESHOLD) -> list[Duplicate]:
        vector = document_vector(title, body_markdown)
        if not vector:
            return []
        shared: Counter = Counter()
        with self._lock:
            for word in keywords(vector, SHARED_KEYWORDS):
                for path in self._by_word.get(word, ()):
                    shared[path] += 1
            ids = {path: self._entries[path].doc_id for path in shared}
        found = []
        for path, count in shared.most_common(CANDIDATES):
            if count < MIN_SHARED or ids[path] == exclude_id:
                continue
            read = _file_text(path)
            if read is None:
                continue
            score = cosine(vector, word_vector(f"{read[0]}\n{read[1]}"))
            if score >= threshold:
                found.append(Duplicate(ids[path], read[0] or ids[path], "tekst", score))
        return sorted(found, key=lambda d: -d.score)


_text_indexes: dict[Path, TextIndex] = {}
_text_indexes_lock = threading.Lock()


def text_index(corpus_dir: Path) -> TextIndex:
    """The process's TextIndex of a corpus folder, refreshed."""
    key = Path(corpus_dir).resolve()
    with _text_indexes_lock:
        index = _text_indexes.get(key)
        if index is None:
            index = _text_indexes[key] = TextIndex(key)
    index.refresh()
    return index


def find_duplicates(corpus_dir: Path, version: str, sources: SourceIndex, *, title: str, body: str,
                    source_url: str | None, exclude_id: str | None = None) -> list[Duplicate]:
    """What the editor's form warns about: the document with the same source address, very similar ones, and
    ones with the same title.
    `version` is the index version: the source addresses are read again when it changes."""
    found: list[Duplicate] = []
    same = sources.lookup(corpus_dir, version, source_url) if source_url else None
    if same and same != exclude_id:
        found.append(Duplicate(same, _title_of(corpus_dir, same), "bron"))
    texts = text_index(corpus_dir)
    for dup in [*texts.similar(title, body, exclude_id), *texts.same_title(title, exclude_id)]:
        if dup.id not in {d.id for d in found}:
            found.append(dup)
    return found


def _title_of(corpus_dir: Path, doc_id: str) -> str:
    from .editing import find_file

    relpath = find_file(corpus_dir, doc_id)
    read = _file_text(Path(corpus_dir) / relpath) if relpath else None
    return (read[0] if read else "") or doc_id
