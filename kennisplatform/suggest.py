"""Suggestions for editors, from a document's text: type, themes, regions, disciplines and audience; and
warnings for documents that already exist (the same source address, or very similar text).

Values come from the taxonomy (labels, aliases and mentions found in the text, place names case-aware);
the type from keyword rules, with the title counting most. Editors accept or ignore them: nothing here
changes a document. No Flask."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .corpus import iter_markdown_files
from .documents import plain_text, split_front_matter
from .params import QUERY_MAX, SearchParams
from .taxonomy import Taxonomy, fold

LIMITS = {"theme": 5, "region": 6, "discipline": 4, "audience": 3}
TITLE_WEIGHT = 6  # a type word in the title counts this many times

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
    ),
    "voorbeeldproject": (
        "voorbeeldproject", "project", "projecten", "pilot", "leerlingen", "klas", "klassen", "groep 7",
        "groep 8", "lessenreeks", "lessen", "partners", "aanpak", "wat werkte", "geleerd", "geleerde lessen",
        "resultaat", "resultaten", "doelgroep", "looptijd", "financiering", "projectleider", "praktijkvoorbeeld",
    ),
    "artikel": (
        "artikel", "artikelsamenvatting", "onderzoek", "onderzoekers", "onderzoeker", "studie", "auteur",
        "auteurs", "tijdschrift", "publicatie", "literatuur", "literatuurstudie", "respondenten", "methode",
        "conclusie", "conclusies", "hypothese", "steekproef", "et al", "doi", "meta analyse", "effectstudie",
        "onderzoeksrapport", "proefschrift",
    ),
}
_WORD = re.compile(r"[a-z0-9]+")

SIMILARITY_THRESHOLD = 0.7  # cosine of word counts: unrelated corpus texts stay below 0.55, a retelling ~0.78
CANDIDATES = 10  # search hits compared in full
KEYWORDS = 12  # words of the text a candidate search uses


@dataclass
class Suggestions:
    type: str | None = None
    type_scores: dict[str, int] = field(default_factory=dict)
    theme: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)
    discipline: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)

    def values(self, facet: str) -> list[str]:
        return getattr(self, facet)

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


def suggest(taxonomy: Taxonomy, title: str, text: str) -> Suggestions:
    """Everything the taxonomy finds in the title and text, most mentioned first, a few per facet."""
    whole = f"{title}\n{title}\n{text}"  # the title twice: its values come first when counts tie
    doc_type, scores = suggest_type(title, text)
    result = Suggestions(type=doc_type, type_scores=scores)
    for facet, limit in LIMITS.items():
        setattr(result, facet, taxonomy.find_in_text(facet, whole)[:limit])
    return result


# -- duplicates ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Duplicate:
    id: str
    title: str
    reason: str  # "bron": same source address; "tekst": very similar text
    score: float = 1.0

    @property
    def message(self) -> str:
        if self.reason == "bron":
            return "heeft hetzelfde bronadres"
        return f"lijkt erg op deze tekst ({round(self.score * 100)}% overeenkomst)"


TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|mc_[ce]id$)")


def normalise_url(url: str | None) -> str | None:
    """The form two addresses of the same page share: lowercase scheme and host, no 'www.', no fragment,
    no tracking parameters, no trailing slash; http and https are the same page."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", host, path, query, ""))


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


def cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(n * b.get(w, 0) for w, n in a.items())
    return dot / (math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values())))


def keywords(vector: Counter, limit: int = KEYWORDS) -> list[str]:
    """The words that say most about a text: frequent in it, rare in Dutch (wordfreq)."""
    from wordfreq import zipf_frequency

    def weight(item: tuple[str, int]) -> float:
        word, count = item
        return (1 + math.log(count)) * (8.0 - zipf_frequency(word, "nl"))

    return [w for w, _ in sorted(vector.items(), key=weight, reverse=True)[:limit]]


def similar_documents(engine, title: str, body: str, exclude_id: str | None = None,
                      threshold: float = SIMILARITY_THRESHOLD) -> list[Duplicate]:
    """Documents in the index whose text is very similar: candidates from a search for the text's key
    words, then compared word by word (cosine of word counts) with title, summary and body."""
    vector = word_vector(f"{title}\n{plain_text(body)}")
    if not vector:
        return []
    query = " ".join(keywords(vector))[:QUERY_MAX]
    result = engine.search(SearchParams(q=query, per_page=CANDIDATES), with_facets=False)
    found = []
    for hit in result.hits:
        if hit.id == exclude_id:
            continue
        stored = engine.stored(hit.id)
        score = cosine(vector, word_vector(f"{stored['title']}\n{stored['body']}"))
        if score >= threshold:
            found.append(Duplicate(hit.id, stored["title"], "tekst", score))
    return sorted(found, key=lambda d: -d.score)


def find_duplicates(engine, corpus_dir: Path, sources: SourceIndex, *, title: str, body: str,
                    source_url: str | None, exclude_id: str | None = None) -> list[Duplicate]:
    """What the editor's form warns about: the document with the same source address, and very similar ones."""
    found: list[Duplicate] = []
    same = sources.lookup(corpus_dir, engine.version, source_url) if source_url else None
    if same and same != exclude_id:
        try:
            found.append(Duplicate(same, engine.stored(same)["title"], "bron"))
        except Exception:  # the file has a source but is not (yet) in the index
            found.append(Duplicate(same, same, "bron"))
    for dup in similar_documents(engine, title, body, exclude_id):
        if dup.id not in {d.id for d in found}:
            found.append(dup)
    return found
