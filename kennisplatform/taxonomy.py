"""The taxonomy: types, themes, disciplines, audiences and the region hierarchy, with labels and aliases.

Loaded from the corpus's taxonomy.yaml (see the comment at its top for what aliases and mentions are).
Every lookup is a dictionary of normalised keys, because every value of every document passes through
`resolve` when a large corpus is indexed."""
from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from .errors import os_reason, yaml_position

FACETS = ("type", "theme", "discipline", "audience", "region")  # facet names, singular
SECTIONS = {"type": "types", "theme": "themes", "discipline": "disciplines", "audience": "audiences",
            "region": "regions"}  # facet -> section of the file
LEVELS = ("land", "provincie", "regio", "gemeente", "overig")
DEPTH_LEVELS = ("land", "provincie", "regio", "gemeente")  # the default level of a region at each depth
TAXONOMY_FILE = "taxonomy.yaml"

_ENTRY_KEYS = {"id", "label", "aliases", "mentions", "plural", "level", "children", "code"}
_CBS_CODE = re.compile(r"GM\d{4}\Z")  # a municipality's CBS code, e.g. GM0599 (Rotterdam)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_MEMO_SIZE = 50_000
_MIN_TEXT_WORD = 3  # single-word labels/aliases shorter than this ("NL", "ZH") are not looked for in texts


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TaxonomyError(Exception):
    """The taxonomy file cannot be used; the message says where and why (in Dutch, for editors)."""


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    level: str | None = None  # regions: "land", "provincie", "regio", "gemeente", "overig"; else None
    plural: str | None = None  # types only
    mentions: tuple[str, ...] = ()  # forms that suggest the value in a text; never a filter value or synonym
    code: str | None = None  # municipalities: CBS code ("GM0599"), which ties the value to its map shape


@dataclass(frozen=True)
class Place:
    """A Dutch place the taxonomy does not name (data/woonplaatsen.tsv), as the value it lies in."""

    name: str  # as written: "'s-Gravendeel", "De Lier", "Breda"
    region: str  # its municipality's value (Zuid-Holland), or its province's
    in_municipality: bool  # region is the municipality it lies in, not only its province


@dataclass(frozen=True)
class Area:
    """An area outside the taxonomy that a query may name (data/place_areas.tsv), with the municipalities in it."""

    forms: tuple[str, ...]  # "Twente", "Twentse"
    municipalities: tuple[str, ...]  # as written: "Hof van Twente"


@dataclass(frozen=True)
class TextMatch:
    """One occurrence of a value's name in a text (for suggestions and their confidence)."""

    id: str
    form: str  # as found in the folded text
    start: int  # position in the folded text
    is_mention: bool  # a mention ("Haagse", "museum"): weaker evidence than a label or alias


def fold(text: str) -> str:
    """Accents removed, every run of punctuation and spacing made one space; case kept.
    ("'s-Gravenhage" -> "s Gravenhage", "Fryslân" -> "Fryslan", "continuïteit" -> "continuiteit")."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_ALNUM.sub(" ", text).strip()


def normalise(text: str) -> str:
    """The key a value is looked up by: folded and lowercase ("Krimpen a/d IJssel" -> "krimpen a d ijssel")."""
    return fold(text).lower()


class Taxonomy:
    """The parsed taxonomy. Build it with `load_taxonomy(path)`; `Taxonomy(data)` takes the parsed YAML."""

    def __init__(self, data: object, source: str = "taxonomy", version: str | None = None):
        if not isinstance(data, dict):
            raise TaxonomyError(f"{source}: verwacht de secties {', '.join(SECTIONS.values())} en synonyms")
        unknown = set(data) - set(SECTIONS.values()) - {"synonyms"}
        if unknown:
            raise TaxonomyError(f"{source}: onbekende sectie(s) {', '.join(sorted(map(str, unknown)))}; "
                                f"toegestaan: {', '.join(SECTIONS.values())}, synonyms")
        self.source = source
        self.version = version or hashlib.sha256(
            json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:12]
        self._terms: dict[str, dict[str, Term]] = {f: {} for f in FACETS}
        self._keys: dict[str, dict[str, str]] = {f: {} for f in FACETS}  # normalised id/label/alias -> id
        self._text_forms: dict[str, dict[str, str]] = {f: {} for f in FACETS}  # + mentions; normalised -> id
        self._spellings: dict[str, dict[str, bool]] = {f: {} for f in FACETS}  # folded, case kept -> is mention
        self._mentions: dict[str, set[str]] = {f: set() for f in FACETS}  # normalised mentions
        self._children: dict[tuple[str, str | None], list[Term]] = {}
        self._memo: dict[str, dict[str, str | None]] = {f: {} for f in FACETS}  # raw value -> resolve()
        self._synonyms = self._load_synonyms(data.get("synonyms"))
        self._codes: dict[str, str] = {}  # CBS code -> region id
        for facet, section in SECTIONS.items():
            entries = data.get(section)
            if not isinstance(entries, list) or not entries:
                raise TaxonomyError(f"{source}: sectie '{section}' ontbreekt of is leeg")
            self._load(facet, entries, None, 0)
        self._ancestors: dict[str, tuple[str, ...]] = {}
        for term in self._terms["region"].values():  # parents come before children
            self._ancestors[term.id] = (term.parent, *self._ancestors[term.parent]) if term.parent else ()
        self._add_place_forms_to_texts()

    # -- loading ----------------------------------------------------------------------------------
    def _fail(self, facet: str, message: str) -> TaxonomyError:
        return TaxonomyError(f"{self.source}: sectie '{SECTIONS[facet]}': {message}")

    def _load(self, facet: str, entries: list, parent: str | None, depth: int) -> None:
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("label"):
                raise self._fail(facet, f"elke waarde heeft een id en een label, niet {entry!r}")
            term_id = str(entry["id"])
            extra = set(entry) - _ENTRY_KEYS
            if extra:
                raise self._fail(facet, f"'{term_id}' heeft onbekende sleutel(s) {', '.join(sorted(map(str, extra)))}")
            if not _SLUG.match(term_id):
                raise self._fail(facet, f"id '{term_id}' is geen slug (kleine letters, cijfers en '-')")
            if term_id in self._terms[facet]:
                raise self._fail(facet, f"id '{term_id}' komt twee keer voor")
            if entry.get("children") and facet != "region":
                raise self._fail(facet, f"'{term_id}': alleen regio's hebben children")
            level = None
            if facet == "region":
                level = entry.get("level") or DEPTH_LEVELS[min(depth, len(DEPTH_LEVELS) - 1)]
                if level not in LEVELS:
                    raise self._fail(facet, f"'{term_id}' heeft onbekend level '{level}' ({', '.join(LEVELS)})")
            term = Term(term_id, str(entry["label"]), self._strings(facet, term_id, entry, "aliases"), parent,
                        level, str(entry["plural"]) if entry.get("plural") else None,
                        self._strings(facet, term_id, entry, "mentions"), self._code(facet, term_id, entry))
            self._terms[facet][term_id] = term
            self._children.setdefault((facet, parent), []).append(term)
            self._index(facet, term)
            children = entry.get("children") or []
            if not isinstance(children, list):
                raise self._fail(facet, f"'{term_id}': children moet een lijst zijn")
            self._load(facet, children, term_id, depth + 1)

    def _code(self, facet: str, term_id: str, entry: dict) -> str | None:
        code = entry.get("code")
        if code is None:
            return None
        if facet != "region" or not isinstance(code, str) or not _CBS_CODE.match(code):
            raise self._fail(facet, f"'{term_id}': code moet een CBS-gemeentecode zijn zoals GM0599, niet {code!r}")
        taken = self._codes.get(code)
        if taken:
            raise self._fail(facet, f"'{term_id}': code {code} hoort al bij '{taken}'")
        self._codes[code] = term_id
        return code

    def _strings(self, facet: str, term_id: str, entry: dict, key: str) -> tuple[str, ...]:
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise self._fail(facet, f"'{term_id}': {key} moet een lijst van namen zijn, niet {value!r}")
        return tuple(str(v) for v in value)

    def _index(self, facet: str, term: Term) -> None:
        """Register the term's names; a name that already means another value of the facet is an error,
        since a filter or suggestion could then silently pick the wrong one."""
        for kind, names in (("naam", (term.id, term.label, *term.aliases)), ("mention", term.mentions)):
            for name in names:
                key = normalise(name)
                if not key:
                    raise self._fail(facet, f"'{term.id}': lege naam {name!r}")
                taken = self._keys[facet].get(key) or self._text_forms[facet].get(key)
                if taken and taken != term.id:
                    raise self._fail(facet, f"'{name}' ({kind} van '{term.id}') hoort al bij '{taken}'")
                if kind == "naam":
                    self._keys[facet][key] = term.id
                if name != term.id or kind == "mention":  # ids ("beeldende-kunst") are not looked for in texts
                    self._add_text_form(facet, name, key, term.id, mention=kind == "mention")

    def _add_text_form(self, facet: str, name: str, key: str, term_id: str, mention: bool) -> None:
        """Look for `name` (normalised: `key`) in texts as the value: a label or alias, or a mention (weaker
        evidence for suggest.py). Place names keep their capitals (_text_patterns)."""
        if mention:
            self._mentions[facet].add(key)
        self._text_forms[facet][key] = term_id
        spelling = fold(name) if facet == "region" else key
        self._spellings[facet][spelling] = self._spellings[facet].get(spelling, False) or mention

    def _add_place_forms_to_texts(self) -> None:
        """A place's adjective in a text ("Ambachtse jongeren", "Waddinxveense scholen") is a mention of the place,
        as the taxonomy's own mentions are (Goudse, Leidse): the forms of one place that place_forms generates or
        lists, where they are no name or mention of a value yet. Areas of several places ("Bollenstreek") are not:
        a mention suggests one value."""
        for form, ids in self.place_forms.items():
            key = normalise(form)
            if len(ids) == 1 and key not in self._keys["region"] and key not in self._text_forms["region"]:
                self._add_text_form("region", form, key, ids[0], mention=True)

    def _load_synonyms(self, groups: object) -> list[tuple[str, ...]]:
        if groups is None:
            return []
        if not isinstance(groups, list):
            raise TaxonomyError(f"{self.source}: synonyms moet een lijst van groepen zijn")
        result = []
        for group in groups:
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(p, str) for p in group):
                raise TaxonomyError(f"{self.source}: synonyms: elke groep is een lijst van minstens twee "
                                    f"zinsdelen, niet {group!r}")
            result.append(_unique(" ".join(p.lower().split()) for p in group))
        return result

    # -- lookups ----------------------------------------------------------------------------------
    def terms(self, facet: str) -> list[Term]:
        """All values of the facet in file order (regions depth-first, parents before children)."""
        return list(self._terms.get(facet, {}).values())

    def get(self, facet: str, id: str) -> Term | None:
        return self._terms.get(facet, {}).get(id)

    def label(self, facet: str, id: str) -> str:
        """The label, or the id itself when the taxonomy does not know it."""
        term = self._terms.get(facet, {}).get(id)
        return term.label if term else id

    def resolve(self, facet: str, value: str) -> str | None:
        """The id for an id, label or alias (case, accents, spacing and punctuation ignored); mentions
        do not resolve. None when unknown."""
        keys = self._keys.get(facet)
        if keys is None:
            return None
        found = keys.get(value)  # most values in the corpus are already ids
        if found is not None:
            return found
        memo = self._memo[facet]  # corpus values repeat ("Vlaardingen"): normalise each spelling once
        try:
            return memo[value]
        except KeyError:
            found = keys.get(normalise(value))
            if len(memo) < _MEMO_SIZE:
                memo[value] = found
            return found

    def closest(self, facet: str, value: str, cutoff: float = 0.6, only: bool = False) -> str | None:
        """The label of the valid value most like `value`, for 'bedoelde u ...?' in error messages. `cutoff`:
        how alike its id, label or alias must be at least (difflib's ratio); `only`: None when names of two
        values are that alike, for a value that is read as the one it is close to (it must mean that one)."""
        keys = self._keys.get(facet, {})
        matches = difflib.get_close_matches(normalise(value), list(keys), n=max(1, len(keys)) if only else 1,
                                            cutoff=cutoff)
        if only and len({keys[m] for m in matches}) > 1:
            return None
        return self.label(facet, keys[matches[0]]) if matches else None

    def by_code(self, code: str) -> Term | None:
        """The region with this CBS code ("GM0599" -> Rotterdam), or None."""
        term_id = self._codes.get(code)
        return self._terms["region"][term_id] if term_id else None

    def ancestors(self, region_id: str) -> list[str]:
        """Parent first, up to the root; [] for a root or an unknown id."""
        return list(self._ancestors.get(region_id, ()))

    def descendants(self, region_id: str) -> list[str]:
        """Every region below, depth-first in file order."""
        found: list[str] = []
        for child in self._children.get(("region", region_id), ()):
            found.append(child.id)
            found.extend(self.descendants(child.id))
        return found

    def children(self, facet: str, id: str | None) -> list[Term]:
        """The values directly below `id`; id None gives the roots (for flat facets: every value)."""
        return list(self._children.get((facet, id), []))

    def synonym_groups(self) -> list[tuple[str, ...]]:
        """Groups of equivalent lowercase search phrases: the synonyms section, then each value's label with
        its aliases (values without aliases give no group). Mentions are not synonyms."""
        groups = list(self._synonyms)
        for facet in FACETS:
            for term in self._terms[facet].values():
                group = _unique(" ".join(p.lower().split()) for p in (term.label, *term.aliases))
                if len(group) > 1:
                    groups.append(group)
        return groups

    @cached_property
    def place_forms(self) -> dict[str, tuple[str, ...]]:
        """Names a query may give a place by beyond its label and aliases -> the region ids they mean:
        adjectives ("Haagse" -> den-haag, "Rotterdamse" -> rotterdam) and areas of several values
        ("Bollenstreek"). Regular adjectives of municipalities, regions and provinces are generated;
        irregular ones are listed in the package's data/place_names.tsv."""
        forms: dict[str, tuple[str, ...]] = {}
        for term in self._terms["region"].values():
            if term.level in ("gemeente", "regio", "provincie"):
                for name in (term.label, *term.aliases):
                    adjective = _adjective(name)
                    if adjective and normalise(adjective) not in self._keys["region"]:
                        forms.setdefault(adjective, (term.id,))
        for form, ids in _listed_place_names().items():
            known = tuple(i for i in ids if i in self._terms["region"])
            if known and normalise(form) not in self._keys["region"]:
                forms[form] = known
        return forms

    def to_dict(self) -> dict:
        """The taxonomy as plain data (for an API): per facet the terms with their fields, plus synonyms."""
        return {"version": self.version,
                "facets": {facet: [_term_dict(t) for t in self._terms[facet].values()] for facet in FACETS},
                "synonyms": [list(g) for g in self._synonyms]}

    # -- text -------------------------------------------------------------------------------------
    @cached_property
    def _text_patterns(self) -> dict[str, re.Pattern | None]:
        """Per facet one alternation of every label, alias and mention, longest first, so that at any
        position the longest name wins ("Krimpen aan den IJssel" before a shorter one) and overlapping
        names count once. Place names keep their capitals: "Leiden" must not match "leiden tot"."""
        patterns: dict[str, re.Pattern | None] = {}
        for facet in FACETS:
            alternatives = [r"\ ".join(_word_pattern(w, keep_capital=facet == "region") for w in form.split())
                            for form, is_mention in sorted(self._spellings[facet].items(),
                                                           key=lambda item: (-len(item[0]), item[0]))
                            if is_mention or " " in form or len(form) >= _MIN_TEXT_WORD]
            patterns[facet] = (re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])")
                               if alternatives else None)
        return patterns

    def prepare_text_search(self) -> None:
        """Compile the text patterns now (about 10 ms), not in the first search that looks for a place."""
        self._text_patterns  # noqa: B018 - computes the cached property

    def text_matches(self, facet: str, text: str) -> list[TextMatch]:
        """Every occurrence in the text of a label, alias or mention of a value of the facet, as whole words,
        in order. A capitalised place name is only found capitalised, so "leiden tot" and "delft het
        onderspit" are no places; labels and aliases shorter than three letters ("NL") are not looked for.
        Positions are in the folded text (see `fold`)."""
        pattern = self._text_patterns.get(facet)
        if pattern is None or not text:
            return []
        forms, mentions = self._text_forms[facet], self._mentions[facet]
        folded = fold(text)
        found = []
        for match in pattern.finditer(folded):
            key = match.group().lower()
            found.append(TextMatch(forms[key], match.group(), match.start(), key in mentions))
        if facet == "region":
            places = self.place_matches(folded, found)
            taken = [(m.start, m.start + len(m.form)) for m in found + places]
            found = sorted(found + places + self._context_matches(text, taken), key=lambda m: m.start)
        return found

    def text_name(self, facet: str, word: str) -> tuple[str, bool] | None:
        """(id, is_mention) for a single name as it may occur in texts (a part of a compound word:
        "erfgoed" in "erfgoedleerlijn"), or None. Names shorter than three letters are not looked for."""
        key = normalise(word)
        term_id = self._text_forms.get(facet, {}).get(key)
        if term_id is None or (len(key) < _MIN_TEXT_WORD and key not in self._mentions[facet]):
            return None
        return term_id, key in self._mentions[facet]

    @cached_property
    def places(self) -> dict[str, Place]:
        """Dutch woonplaatsen and municipalities that the taxonomy does not name, by their normalised name
        (data/woonplaatsen.tsv, made from CBS's list): one in a municipality of the taxonomy (by CBS code) is
        that municipality's ("s gravendeel" -> hoeksche-waard), any other its province's ("breda" ->
        noord-brabant), if the taxonomy has it. A name the taxonomy gives itself keeps its meaning there; a
        name of places in several values ("Bergen") is left out."""
        found = self._place_per_name((name, code, province) for name, code, province, _ in listed_woonplaatsen())
        places = {key: place for key, place in found.items() if place is not None}
        return places | {key: place for key, place in self._area_places().items() if key not in found}

    def _place_per_name(self, rows: Iterable[tuple[str, str, str]],
                        known: Callable[[str], bool] = lambda key: False) -> dict[str, Place | None]:
        """CBS's rows (name, municipality code, province) by normalised name, each as the value it lies in: its
        municipality's where the taxonomy has that municipality, else its province's; None for a name of places in
        several values. Not a name the taxonomy has itself (or `known` says is taken), nor a row whose value the
        taxonomy lacks."""
        found: dict[str, Place | None] = {}
        for name, code, province in rows:
            key = normalise(name)
            if key in self._keys["region"] or key in self._text_forms["region"] or known(key):
                continue
            municipality = self._codes.get(code)
            region = municipality or self._keys["region"].get(normalise(province))
            if region is None:
                continue
            place = Place(name, region, municipality is not None)
            first = found.get(key, place)
            found[key] = place if first is not None and first.region == region else None
        return found

    def _area_places(self) -> dict[str, Place]:
        """The forms of the areas of data/place_areas.tsv as places of the one province their municipalities lie in
        ("Achterhoekse" -> gelderland): a page about Twente's schools that names no town is filed under Overijssel.
        Not a form the taxonomy gives itself."""
        provinces: dict[str, str] = {name: province for name, _, province, kind in listed_woonplaatsen()
                                     if kind == "gemeente"}
        places = {}
        for area in _listed_place_areas():
            names = {normalise(provinces[m]) for m in area.municipalities if m in provinces}
            region = self._keys["region"].get(names.pop()) if len(names) == 1 else None
            for form in area.forms if region else ():
                key = normalise(form)
                if key not in self._keys["region"] and key not in self._text_forms["region"]:
                    places[key] = Place(form, region, False)
        return places

    @cached_property
    def places_of_municipalities(self) -> dict[str, tuple[str, ...]]:
        """Municipalities that the taxonomy does not have (outside Zuid-Holland), by their name as written, with the
        other listed places in them: "Borger-Odoorn" -> ("1e Exloërmond", ..., "Exloo", ...). Only names that
        `places` keeps (not the taxonomy's own) and of one municipality: "Oudega" lies in three of Friesland's, and
        stands for none of them. A municipality whose name is a Dutch word is not listed at all."""
        listed = [(name, code, kind) for name, code, _, kind in listed_woonplaatsen()
                  if code not in self._codes and normalise(name) in self.places]
        codes: dict[str, set[str]] = {}
        for name, code, _ in listed:
            codes.setdefault(normalise(name), set()).add(code)
        municipalities: dict[str, str] = {}  # CBS code -> its own name
        names: dict[str, list[str]] = {}  # CBS code -> its other names
        for name, code, kind in listed:
            if kind == "gemeente":
                municipalities[code] = name
            elif len(codes[normalise(name)]) == 1:
                names.setdefault(code, []).append(name)
        return {name: tuple(names.get(code, ())) for code, name in municipalities.items()}

    @cached_property
    def place_areas(self) -> list[Area]:
        """Areas outside the taxonomy (data/place_areas.tsv: Twente, Achterhoek, Parkstad), each with the
        municipalities of `places_of_municipalities` in it. A form the taxonomy gives itself, or a place form of it,
        keeps that meaning; an area with no municipality left is dropped."""
        areas = []
        for area in _listed_place_areas():
            forms = tuple(f for f in area.forms
                          if normalise(f) not in self._keys["region"] and f not in self.place_forms)
            known = tuple(m for m in area.municipalities if m in self.places_of_municipalities)
            if forms and known:
                areas.append(Area(forms, known))
        return areas

    @cached_property
    def context_places(self) -> dict[str, Place]:
        """Municipalities whose own name is a Dutch word (data/place_words.tsv: Assen, Ede, Houten, Kampen, Putten), by
        their normalised name, as the value they lie in: a text names one only where it says the name as a place
        (_context_matches). Not a name the taxonomy has itself (Gouda), a form of one, or a name of places in several
        values (Bergen, Beek, Hoorn), as `places` leaves those out."""
        found = self._place_per_name(_listed_place_words(), known=lambda key: key in self.places)
        return {key: place for key, place in found.items() if place is not None}

    @cached_property
    def _context_pattern(self) -> re.Pattern | None:
        names = sorted((place.name for place in self.context_places.values()), key=len, reverse=True)
        return re.compile(rf"\b(?i:{_PLACE_WORDS})\s+({'|'.join(map(re.escape, names))})(?![\w-])(?![ \t]+[A-Z])") \
            if names else None

    @cached_property
    def _place_index(self) -> tuple[int, set[str]]:
        """The most words a listed place has, and the first words of listed places (normalised)."""
        keys = [key.split() for key in self.places]
        return max(map(len, keys), default=0), {words[0] for words in keys}

    def place_matches(self, folded: str, taken: list[TextMatch] = ()) -> list[TextMatch]:
        """The listed places (`places`) in a folded text, as whole words, capitals as the name has them
        ("Breda", not "breda"), outside the spans of `taken` (the taxonomy's own names win: "Hoek van Holland"
        is Rotterdam's). Looked up word by word, not with a pattern: there are some 2,400 of them."""
        longest, firsts = self._place_index
        spans = [(m.start, m.start + len(m.form)) for m in taken]
        words = list(re.finditer(r"\S+", folded))
        found: list[TextMatch] = []
        i = 0
        while i < len(words):
            if words[i].group().lower() in firsts:
                for n in range(min(longest, len(words) - i), 0, -1):
                    start, end = words[i].start(), words[i + n - 1].end()
                    place = self.places.get(folded[start:end].lower())
                    if (place and _capitals_as(fold(place.name), folded[start:end])
                            and not any(s < end and start < e for s, e in spans)
                            and not _SURNAME_BEFORE.search(folded[max(0, start - 40):start])):
                        found.append(TextMatch(place.region, folded[start:end], start, False))
                        i += n - 1
                        break
            i += 1
        return found

    def _context_matches(self, text: str, spans: list[tuple[int, int]]) -> list[TextMatch]:
        """The municipalities of `context_places` where the text (as written, not folded: its full stops tell a
        sentence that goes on from a name of two words) says one as a place: with its capital, after "in", "uit",
        "te", "gemeente" ... (PLACE_BEFORE), and not before another capitalised word on its line: "basisscholen in
        Putten" and "in Houten. De school", not "putten uit de bron" or "de lessen bij Houten Aap" (a theatre group).
        Positions in the folded text, as the other matches' (`spans`, which a name inside a longer one falls in: Beek
        en Donk)."""
        if self._context_pattern is None:
            return []
        found = []
        for match in self._context_pattern.finditer(text):
            start = len(fold(text[:match.start(1)])) + 1  # the prefix ends in the word before and a space
            end = start + len(match.group(1))
            if not any(s < end and start < e for s, e in spans):
                place = self.context_places[normalise(match.group(1))]
                found.append(TextMatch(place.region, match.group(1), start, False))
        return found

    def find_in_text(self, facet: str, text: str) -> list[str]:
        """Ids whose label, alias or mention occurs in the text as whole words ("Goudse" -> gouda, but
        "Lissers" is not Lisse), most occurrences first, then by first occurrence (see `text_matches`)."""
        counts: dict[str, int] = {}
        for match in self.text_matches(facet, text):
            counts[match.id] = counts.get(match.id, 0) + 1  # dicts keep first-occurrence order
        return sorted(counts, key=lambda t: -counts[t])


_ADJECTIVE_SUFFIX = "se"


def adjectives(name: str) -> tuple[str, ...]:
    """The adjectives a one-word place name may have: the regular one (_adjective: Leiden -> Leidse) and the name with
    -se (Eindhoven -> Eindhovense, Enschede -> Enschedese, Hengelo -> Hengelose), which Dutch writes as often."""
    regular = _adjective(name)
    if regular is None and (" " in name or len(name) < 4 or not name[-1:].isalpha()):
        return ()
    suffixed = name + ("e" if name.lower().endswith("s") else _ADJECTIVE_SUFFIX)
    return tuple(dict.fromkeys(form for form in (regular, suffixed) if form))


def _adjective(name: str) -> str | None:
    """The regular adjective of a one-word place name (hyphens allowed): Rotterdam -> Rotterdamse,
    Leiden -> Leidse, Waddinxveen -> Waddinxveense, Gouda -> Goudse, Maassluis -> Maassluise, Zuid-Holland ->
    Zuid-Hollandse. None for names of several words or with a vowel ending that has no regular form (Lisse,
    Capelle)."""
    if " " in name or not name[-1:].isalpha() or len(name) < 4:
        return None
    lowered = name.lower()
    if lowered.endswith("een"):
        return name + _ADJECTIVE_SUFFIX  # Waddinxveen -> Waddinxveense: the -en of "veen" is no ending
    if lowered.endswith("en"):
        return name[:-2] + _ADJECTIVE_SUFFIX
    if lowered.endswith("a"):
        return name[:-1] + _ADJECTIVE_SUFFIX
    if lowered.endswith("s"):
        return name + "e"
    if lowered[-1] in "aeiouy":
        return None
    return name + _ADJECTIVE_SUFFIX


def _listed_place_names() -> dict[str, tuple[str, ...]]:
    """data/place_names.tsv: form <TAB> region ids."""
    path = Path(__file__).resolve().parent / "data" / "place_names.tsv"
    names: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        form, _, ids = line.partition("\t")
        if form and ids.split():
            names[form.strip()] = tuple(ids.split())
    return names


@lru_cache(maxsize=1)
def _listed_place_areas() -> tuple[Area, ...]:
    """data/place_areas.tsv: forms <TAB> municipalities, each comma-separated. Read once: `places` and `place_areas`
    both go through it."""
    path = Path(__file__).resolve().parent / "data" / "place_areas.tsv"
    areas = []
    for line in path.read_text(encoding="utf-8").splitlines():
        forms, _, municipalities = line.split("#", 1)[0].strip().partition("\t")
        split = [tuple(n.strip() for n in names.split(",") if n.strip()) for names in (forms, municipalities)]
        if all(split):
            areas.append(Area(*split))
    return tuple(areas)


@lru_cache(maxsize=1)
def listed_woonplaatsen() -> tuple[tuple[str, str, str, str], ...]:
    """data/woonplaatsen.tsv: name <TAB> CBS municipality code <TAB> province [<TAB> "gemeente": the municipality's
    own name], as 4-tuples ("" where the name is not the municipality's). Read once: `places`,
    `places_of_municipalities` and analysis.part_boost all go through it."""
    return tuple((*fields[:3], fields[3] if len(fields) == 4 else "")
                 for fields in _place_rows("woonplaatsen.tsv", 3, 4))


def _place_rows(name: str, *widths: int) -> list[list[str]]:
    """The tab-separated rows of a place list of data/ (woonplaatsen.tsv, place_words.tsv) that have one of the given
    numbers of fields; comment lines left out."""
    path = Path(__file__).resolve().parent / "data" / name
    return [fields for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#") and len(fields := line.split("\t")) in widths]


# Words before a name that say "in this place": "in Putten", "gemeente Ede", "regio Hoorn". (suggest.py weighs a
# place so named as the document's place.)
_PLACE_WORDS = r"in|uit|te|bij|naar|rond|rondom|omgeving|gemeente|gemeenten|regio|provincie|stad|dorp|wijk|wijken"
PLACE_BEFORE = re.compile(rf"(?:\b(?:{_PLACE_WORDS})\s+)$", re.I)


@lru_cache(maxsize=1)
def _listed_place_words() -> tuple[tuple[str, str, str], ...]:
    """data/place_words.tsv: name <TAB> CBS municipality code <TAB> province."""
    return tuple(tuple(fields) for fields in _place_rows("place_words.tsv", 3))


# A place name after a first name and "van (der)" or "de", or after "ter", "ten", "der", "den", is a surname: "Marjon
# van der Linden", "Paul van Haastrecht", "Claudia de Graauw", "Van den Berg". ("van Breda" alone may be the place:
# "leerlingen van Breda"; "in de Hoeksche Waard" has no first name before it.)
_SURNAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+ (?:van(?: (?:der|den|de|t))?|de|den|der)"
                             r"|\bVan(?: (?:der|den|de|t))?|\b(?:ter|ten|der|den|Ter|Ten)) $")


def _capitals_as(name: str, written: str) -> bool:
    """Whether a text writes each capitalised word of a (folded) name with its capital: "De Lier" and
    "s Gravendeel" as "De Lier" and "s Gravendeel", not "de lier"."""
    return all(w[:1].isupper() for n, w in zip(name.split(), written.split()) if n[:1].isupper())


def _word_pattern(word: str, keep_capital: bool) -> str:
    """A regex for one folded word: case-insensitive, except that a capital first letter stays required."""
    if keep_capital and word[0].isupper():
        return re.escape(word[0]) + (f"(?i:{re.escape(word[1:])})" if len(word) > 1 else "")
    return f"(?i:{re.escape(word)})"


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _term_dict(term: Term) -> dict:
    data = {"id": term.id, "label": term.label, "aliases": list(term.aliases)}
    for key in ("parent", "level", "plural", "code"):
        if getattr(term, key) is not None:
            data[key] = getattr(term, key)
    if term.mentions:
        data["mentions"] = list(term.mentions)
    return data


def load_taxonomy(path: str | os.PathLike) -> Taxonomy:
    """Read and check a taxonomy file; TaxonomyError with the file name and the reason when it is unusable.
    The version is a short hash of the file's bytes."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        # A new, empty corpus folder: say what to put there rather than only "No such file or directory".
        raise TaxonomyError(f"{path}: bestaat niet. Een corpusmap heeft een taxonomy.yaml nodig (soorten, thema's, "
                            f"regio's); kopieer die uit corpus/ van het kennisplatform") from exc
    except OSError as exc:
        raise TaxonomyError(f"{path}: niet leesbaar ({os_reason(exc)})") from exc
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_YAML_LOADER)
    except UnicodeDecodeError as exc:
        raise TaxonomyError(f"{path}: geen UTF-8-tekst (ongeldige byte op positie {exc.start + 1})") from exc
    except yaml.YAMLError as exc:  # the parser's own explanation is English: only where, in Dutch
        raise TaxonomyError(f"{path}: ongeldige YAML{yaml_position(exc)}") from exc
    return Taxonomy(data, str(path), version=hashlib.sha256(raw).hexdigest()[:12])


def default_taxonomy_path() -> Path:
    """<corpus>/taxonomy.yaml: the repository's corpus/, or $KENNISPLATFORM_CORPUS."""
    from .config import corpus_dir

    return corpus_dir() / TAXONOMY_FILE
