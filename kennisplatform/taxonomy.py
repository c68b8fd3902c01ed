"""The taxonomy: types, themes, disciplines, audiences and the region hierarchy, with labels and aliases.

Loaded from the corpus's taxonomy.yaml. Lookups are dictionaries of normalised keys, since every value
of every document passes through `resolve` when a large corpus is indexed."""
from __future__ import annotations

import difflib
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

FACETS = ("type", "theme", "discipline", "audience", "region")
SECTIONS = {"type": "types", "theme": "themes", "discipline": "disciplines", "audience": "audiences",
            "region": "regions"}
LEVELS = ("land", "provincie", "regio", "gemeente", "overig")


class TaxonomyError(Exception):
    """The taxonomy file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    level: str | None = None  # regions only
    plural: str | None = None  # types only
    mentions: tuple[str, ...] = ()  # forms that suggest the value in a text, never a filter value


def normalise(text: str) -> str:
    """The key a value is looked up by: lowercase, no accents, punctuation and spacing folded
    ("Krimpen a/d IJssel" -> "krimpen a d ijssel", "'s-Gravenhage" -> "s gravenhage")."""
    text = unicodedata.normalize("NFKD", str(text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


class Taxonomy:
    def __init__(self, data: dict, source: str = "taxonomy"):
        if not isinstance(data, dict):
            raise TaxonomyError(f"{source}: verwacht secties {', '.join(SECTIONS.values())}")
        self.version = hashlib.sha256(repr(data).encode()).hexdigest()[:12]
        self._terms: dict[str, dict[str, Term]] = {f: {} for f in FACETS}
        self._keys: dict[str, dict[str, str]] = {f: {} for f in FACETS}
        self._children: dict[tuple[str, str | None], list[Term]] = {}
        self._synonyms = [tuple(str(p).lower() for p in group) for group in data.get("synonyms") or []
                          if isinstance(group, list)]
        for facet, section in SECTIONS.items():
            entries = data.get(section)
            if not isinstance(entries, list) or not entries:
                raise TaxonomyError(f"{source}: sectie '{section}' ontbreekt of is leeg")
            self._load(facet, entries, None, 0, source)

    def _load(self, facet: str, entries: list, parent: str | None, depth: int, source: str) -> None:
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("label"):
                raise TaxonomyError(f"{source}: elke waarde in '{SECTIONS[facet]}' heeft een id en een label ({entry!r})")
            term_id = str(entry["id"])
            if term_id in self._terms[facet]:
                raise TaxonomyError(f"{source}: dubbele id '{term_id}' in '{SECTIONS[facet]}'")
            level = entry.get("level") or (LEVELS[min(depth, 3)] if facet == "region" else None)
            term = Term(term_id, str(entry["label"]), tuple(str(a) for a in entry.get("aliases") or ()),
                        parent, level if facet == "region" else None, entry.get("plural"),
                        tuple(str(m) for m in entry.get("mentions") or ()))
            self._terms[facet][term_id] = term
            self._children.setdefault((facet, parent), []).append(term)
            for key in (term.id, term.label, *term.aliases):
                # First come, first served: a municipality listed under its region keeps its own name
                # even when a region has the same label ("Hoeksche Waard").
                self._keys[facet].setdefault(normalise(key), term_id)
            self._load(facet, entry.get("children") or [], term_id, depth + 1, source)

    def terms(self, facet: str) -> list[Term]:
        return list(self._terms[facet].values())

    def get(self, facet: str, term_id: str) -> Term | None:
        return self._terms.get(facet, {}).get(term_id)

    def label(self, facet: str, term_id: str) -> str:
        term = self.get(facet, term_id)
        return term.label if term else term_id

    def resolve(self, facet: str, value: str) -> str | None:
        """The id for an id, label or alias (case, accents, spacing and punctuation ignored)."""
        if facet not in self._keys:
            return None
        return self._keys[facet].get(normalise(value))

    def closest(self, facet: str, value: str) -> str | None:
        """The label of the valid value most like `value`, for 'bedoelde u ...?' in error messages."""
        keys = self._keys.get(facet, {})
        match = difflib.get_close_matches(normalise(value), list(keys), n=1, cutoff=0.6)
        return self.label(facet, keys[match[0]]) if match else None

    def ancestors(self, region_id: str) -> list[str]:
        found: list[str] = []
        term = self.get("region", region_id)
        while term is not None and term.parent:
            found.append(term.parent)
            term = self.get("region", term.parent)
        return found

    def descendants(self, region_id: str) -> list[str]:
        found: list[str] = []
        for child in self.children("region", region_id):
            found.append(child.id)
            found.extend(self.descendants(child.id))
        return found

    def children(self, facet: str, term_id: str | None) -> list[Term]:
        return list(self._children.get((facet, term_id), []))

    def synonym_groups(self) -> list[tuple[str, ...]]:
        """Equivalent search phrases: the synonyms section, plus each audience's and each region's name
        with its aliases (true equivalents). Theme and discipline aliases are not: "museum" is an alias
        of the discipline erfgoed, but a search for museum should not find every erfgoed text."""
        groups = list(self._synonyms)
        for facet in ("audience", "region"):
            for term in self._terms[facet].values():
                if term.aliases:
                    groups.append(tuple(p.lower() for p in (term.label, *term.aliases)))
        return groups

    @cached_property
    def _text_patterns(self) -> dict[str, list[tuple[re.Pattern, str]]]:
        patterns: dict[str, list[tuple[re.Pattern, str]]] = {}
        for facet in FACETS:
            entries = []
            for term in self._terms[facet].values():
                for form in {term.label, *term.aliases, *term.mentions}:
                    words = normalise(form).split()
                    if not words or (len(words) == 1 and len(words[0]) < 4 and form not in term.mentions):
                        continue  # "po", "vo", "NL": too short to trust in running text
                    entries.append((re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b"), term.id))
            patterns[facet] = entries
        return patterns

    def find_in_text(self, facet: str, text: str) -> list[str]:
        """Ids whose label, alias or mention occurs in the text as whole words: most mentioned first,
        then in order of first mention."""
        plain = normalise(text)
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for pattern, term_id in self._text_patterns.get(facet, []):
            for match in pattern.finditer(plain):
                counts[term_id] = counts.get(term_id, 0) + 1
                first[term_id] = min(first.get(term_id, match.start()), match.start())
        return sorted(counts, key=lambda t: (-counts[t], first[t]))


def load_taxonomy(path: str | os.PathLike) -> Taxonomy:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TaxonomyError(f"{path}: niet leesbaar ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: ongeldige YAML ({exc})") from exc
    return Taxonomy(data, str(path))


def default_taxonomy_path() -> Path:
    from .config import corpus_dir

    return corpus_dir() / "taxonomy.yaml"
