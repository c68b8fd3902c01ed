"""The tuning sets over pages of their own (tune3, session 5; tune4, session 6; tune5, session 7; tune6, session 11;
tune7, session 12; tune8, session 13; tune9, session 14; tune10, session 18; tune11, session 19; tune12, session 20; tune13, session 21; tune14, session 22; tune15, session 23) stay what they claim to be: pages of their
own (none shared with any other collection, so tuning on them never tunes on a check set's page), every judged page
present by its source address, all of it tuning material, and enough queries of the kinds each was made for (tune3:
titles and several topical words; tune4: titles, one- and two-word topics, compounds and questions, over pages whose
titles share words, which is what makes half-remembered titles hard; tune5: questions, one- and two-word topics, titles
and several topical words over policy texts, reports and council pieces whose titles share words, none a copy of another
set's query; tune6: half-remembered titles, questions, compounds and typos over pages whose titles share words with each
other and with the starter corpus' titles, none a copy of another set's query; tune7: one- and two-word topics and
half-remembered titles, with places and questions, over pages on the starter corpus' subjects, none a copy of another
set's query; tune8: queries of six kinds typed as people type them into a search box, over pages on the starter corpus'
subjects with places written as villages and adjectives, none a copy of another set's query; tune9: long questions and
keyword queries over practical pages on the starter corpus' subjects, sharing many words with the starter documents,
none a copy of another set's query; tune10: questions and place queries, places written as adjectives, names of several
words and villages of a municipality, over practical and local pages, none a copy of another set's query; tune11:
half-remembered titles and derived word forms, over pages whose titles share words, none a copy of another set's
query; tune12: every kind, 8 queries each, with typos as people make them and queries of several topical words, none a
copy of another set's query; tune13: half-remembered titles among pages whose titles are alike and queries of several
topical words, 12 each, with the other kinds, none a copy of another set's query; tune14: short topical queries whose
umbrella or related words the best pages do not use, 20 of them, with the other kinds, none a copy of another set's
query; tune15: queries of four to six topical words, 20 of them, with words the starter reports use too, and long
questions, 12 of them, with the other kinds, none a copy of another set's query)."""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from kennisplatform import analysis
from kennisplatform.corpus import read_corpus
from kennisplatform.importer import normalise_url
from test_relevance_collection import (
    RELEVANCE, REPO, assert_judged_pages_in, assert_own_pages, collection_pages,
)
from test_relevance_fresh import KINDS, other_collections

TUNE3 = RELEVANCE / "collection_tune3"
TUNE4 = RELEVANCE / "collection_tune4"
TUNE5 = RELEVANCE / "collection_tune5"
TUNE6 = RELEVANCE / "collection_tune6"
TUNE7 = RELEVANCE / "collection_tune7"
TUNE8 = RELEVANCE / "collection_tune8"
TUNE9 = RELEVANCE / "collection_tune9"
TUNE10 = RELEVANCE / "collection_tune10"
TUNE11 = RELEVANCE / "collection_tune11"
TUNE12 = RELEVANCE / "collection_tune12"
TUNE13 = RELEVANCE / "collection_tune13"
TUNE14 = RELEVANCE / "collection_tune14"
TUNE15 = RELEVANCE / "collection_tune15"
TITLE = re.compile(r"<title>([^<]+)</title>")


@dataclass(frozen=True)
class TuningSet:
    folder: Path
    judgments: Path
    pages: range  # how many pages it holds
    min_per_kind: dict[str, int]
    words: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> fewest and most words


SETS = {
    "tune3": TuningSet(TUNE3, RELEVANCE / "judgments_tune3.yaml", range(30, 41),
                       {"title": 20, "multi": 10, "question": 5}, {"question": (8, 12)}),
    "tune4": TuningSet(TUNE4, RELEVANCE / "judgments_tune4.yaml", range(35, 46),
                       {"title": 25, "topical": 10, "compound": 10, "question": 10},
                       {"question": (8, 12), "topical": (1, 2)}),
    "tune5": TuningSet(TUNE5, RELEVANCE / "judgments_tune5.yaml", range(40, 46),
                       {"question": 20, "topical": 15, "title": 15, "multi": 10},
                       {"question": (8, 12), "topical": (1, 2), "multi": (3, 5)}),
    "tune6": TuningSet(TUNE6, RELEVANCE / "judgments_tune6.yaml", range(45, 56),
                       {"title": 18, "question": 8, "compound": 7, "typo": 7}, {"question": (8, 12)}),
    # topical: one word, a compound, two words, or "X en Y" (three words with the conjunction)
    "tune7": TuningSet(TUNE7, RELEVANCE / "judgments_tune7.yaml", range(40, 51),
                       {"topical": 16, "title": 12, "place": 8, "question": 8},
                       {"question": (8, 12), "topical": (1, 3)}),
    "tune8": TuningSet(TUNE8, RELEVANCE / "judgments_tune8.yaml", range(40, 51),
                       {"topical": 8, "title": 8, "place": 8, "question": 8, "multi": 8, "typo": 8},
                       {"question": (8, 12), "topical": (1, 3), "multi": (3, 5)}),
    # long queries beside the bundled corpus: questions and keyword queries of three to six words
    "tune9": TuningSet(TUNE9, RELEVANCE / "judgments_tune9.yaml", range(38, 51),
                       {"question": 18, "multi": 16, "topical": 6, "place": 4, "title": 4},
                       {"question": (8, 12), "topical": (1, 3), "multi": (3, 6)}),
    # questions and places: 16 of each, and 16 of the other kinds
    "tune10": TuningSet(TUNE10, RELEVANCE / "judgments_tune10.yaml", range(40, 51),
                        {"question": 16, "place": 16, "topical": 3, "title": 3, "multi": 2, "compound": 2, "typo": 2},
                        {"question": (8, 12), "topical": (1, 3), "multi": (3, 6)}),
    # titles and derived word forms: 20 titles, 16 derived forms (morphology or compound), and others
    "tune11": TuningSet(TUNE11, RELEVANCE / "judgments_tune11.yaml", range(44, 53),
                        {"title": 20, "morphology": 10, "compound": 5, "question": 4, "place": 4, "topical": 2},
                        {"topical": (1, 4)}),
    # every kind, 8 each: typos as people make them and several topical words above all
    "tune12": TuningSet(TUNE12, RELEVANCE / "judgments_tune12.yaml", range(45, 56),
                        {"typo": 8, "multi": 8, "question": 8, "place": 8, "topical": 8, "compound": 8, "title": 8},
                        {"question": (8, 14), "topical": (1, 3), "multi": (4, 6)}),
    # half-remembered titles and several topical words, 12 each, and the other kinds
    "tune13": TuningSet(TUNE13, RELEVANCE / "judgments_tune13.yaml", range(42, 53),
                        {"title": 12, "multi": 12, "question": 8, "place": 6, "typo": 6, "topical": 6, "compound": 6},
                        {"question": (8, 14), "topical": (1, 3), "multi": (3, 6)}),
    # short topical queries whose words the best pages do not use, 20 of them, and the other kinds
    "tune14": TuningSet(TUNE14, RELEVANCE / "judgments_tune14.yaml", range(44, 54),
                        {"topical": 20, "multi": 8, "question": 8, "place": 6, "title": 6, "typo": 4, "compound": 4},
                        {"question": (8, 14), "topical": (1, 3), "multi": (3, 6)}),
    # several topical words (20) and long questions (12), and the other kinds
    "tune15": TuningSet(TUNE15, RELEVANCE / "judgments_tune15.yaml", range(40, 46),
                        {"multi": 20, "question": 12, "topical": 6, "place": 4, "title": 3, "typo": 3},
                        {"question": (8, 14), "topical": (1, 3), "multi": (4, 6)}),
}
# A kind only the tuning sets use: a query whose word is a derived form (noun, verb, adjective) of the page's word.
TUNING_KINDS = KINDS | {"morphology"}
# The sets written after every other judgments file: none of their queries may have the analysed terms of another
# file's query (a later set is added here by its name).
OWN_QUERIES = ("tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11", "tune12", "tune13", "tune14",
               "tune15")


@pytest.fixture(scope="module", params=list(SETS))
def tuning(request) -> tuple[TuningSet, dict[str, str], list[dict]]:
    """A tuning set, its pages (source address -> file name) and its judged queries."""
    chosen = SETS[request.param]
    queries = yaml.safe_load(chosen.judgments.read_text(encoding="utf-8"))["queries"]
    return chosen, collection_pages(chosen.folder), queries


def test_its_pages_are_its_own_and_each_is_listed_with_its_address(tuning):
    chosen, pages, _ = tuning
    assert len(pages) in chosen.pages
    assert_own_pages(pages, chosen.folder, other_collections(chosen.folder))


def test_every_judgment_names_one_of_its_pages(tuning):
    _, pages, queries = tuning
    assert_judged_pages_in(pages, queries)


def test_it_is_tuning_material_of_the_kinds_it_was_made_for(tuning):
    chosen, _, queries = tuning
    assert {item["split"] for item in queries} == {"tune"}
    assert {item["kind"] for item in queries} <= TUNING_KINDS
    kinds = [item["kind"] for item in queries]
    for kind, least in chosen.min_per_kind.items():
        assert kinds.count(kind) >= least, kind
    texts = [item["query"] for item in queries]
    assert len(set(texts)) == len(texts)
    for item in queries:
        if item["kind"] in chosen.words:
            fewest, most = chosen.words[item["kind"]]
            assert fewest <= len(re.findall(r"[\w-]+", item["query"])) <= most, item["query"]


def _terms(query: str) -> tuple[str, ...]:
    return tuple(sorted(set(analysis.analyze_query(query))))


@pytest.mark.parametrize("folder", [TUNE4, TUNE5, TUNE6, TUNE7, TUNE8, TUNE9, TUNE10, TUNE11, TUNE12, TUNE13,
                                    TUNE14, TUNE15],
                         ids=["tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11", "tune12",
                              "tune13", "tune14", "tune15"])
def test_titles_share_words(folder):
    """The point of tune4 to tune15: a remembered title's words are in more than one page's title."""
    words = Counter()
    for name in collection_pages(folder).values():
        title = html.unescape(TITLE.search((folder / name).read_text(encoding="utf-8")).group(1)).lower()
        words.update({w for w in re.findall(r"\w+", title) if len(w) >= 5})
    shared = [w for w, n in words.items() if n >= 3]
    assert len(shared) >= 3, words.most_common(10)


@pytest.mark.parametrize("name", OWN_QUERIES)
def test_no_query_of_a_later_set_has_the_terms_of_another_sets_query(name):
    """tune5 to tune15 were each written after every other set: a query with the same analysed terms as one of
    theirs would tune on a held-out or check query, or only repeat a tuning one."""
    mine = SETS[name].judgments
    others = {_terms(item["query"]) for path in sorted(RELEVANCE.glob("judgments*.yaml")) if path != mine
              for item in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]}
    for item in yaml.safe_load(mine.read_text(encoding="utf-8"))["queries"]:
        assert _terms(item["query"]) not in others, item["query"]


def test_most_tune6_titles_share_a_word_with_a_starter_documents_title():
    """The point of tune6: beside the bundled corpus a half-remembered title's words are in starter documents' titles
    too (cultuureducatie, netwerkbijeenkomst, muziekonderwijs, erfgoed, ...), which is where titles are hard."""
    starter = {w for doc in read_corpus(REPO / "corpus")[0] for w in re.findall(r"\w+", doc.title.lower())
               if len(w) >= 5}
    pages = collection_pages(TUNE6).values()
    sharing = [name for name in pages
               if {w for w in re.findall(r"\w+", html.unescape(TITLE.search(
                   (TUNE6 / name).read_text(encoding="utf-8")).group(1)).lower()) if len(w) >= 5} & starter]
    assert len(sharing) >= len(pages) // 2, sorted(set(pages) - set(sharing))


def test_most_tune7_topics_are_words_the_starter_corpus_uses():
    """The point of tune7: beside the bundled corpus its one- and two-word topics find starter documents too (dans,
    erfgoed, kunst, subsidie, ...), which is where topical queries are hard; a topic no starter document uses would
    only measure the pages alone."""
    starter = {term for doc in read_corpus(REPO / "corpus")[0]
               for term in analysis.analyze_query(f"{doc.title} {doc.summary} {doc.body}")}
    queries = yaml.safe_load(SETS["tune7"].judgments.read_text(encoding="utf-8"))["queries"]
    topics = [item["query"] for item in queries if item["kind"] == "topical"]
    sharing = [query for query in topics if set(analysis.analyze_query(query)) & starter]
    assert len(sharing) >= 3 * len(topics) // 4, sorted(set(topics) - set(sharing))


def _taxonomy() -> dict:
    return yaml.safe_load((REPO / "corpus" / "taxonomy.yaml").read_text(encoding="utf-8"))


def _villages(region: dict) -> set[str]:
    """The other names of Zuid-Holland's municipalities (a village, a former municipality), lowercased."""
    names = {alias.lower() for alias in region.get("aliases", [])} if "code" in region else set()
    for child in region.get("children", []):
        names |= _villages(child)
    return names


def test_tune8_queries_are_typed_as_people_type_them():
    """The point of tune8: its queries are written the way users of a search box type them, which the older sets
    lack: all lowercase, abbreviations the taxonomy knows (ckv, po, vo, vmbo, pabo), a year or a school year, a
    question mark, and places typed as a village of a municipality rather than the municipality's name."""
    queries = yaml.safe_load(SETS["tune8"].judgments.read_text(encoding="utf-8"))["queries"]
    texts = [item["query"] for item in queries]
    assert all(text == text.lower() for text in texts)
    taxonomy = _taxonomy()
    abbreviations = {group[0] for group in taxonomy["synonyms"] if re.fullmatch(r"[a-z]{2,5}", group[0])}
    with_abbreviation = [t for t in texts if set(re.findall(r"\w+", t)) & abbreviations]
    assert len(with_abbreviation) >= 5, with_abbreviation
    assert len([t for t in texts if re.search(r"\b(19|20)\d\d\b", t)]) >= 2
    assert len([t for t in texts if t.endswith("?")]) >= 3
    villages = _villages({"children": taxonomy["regions"]})
    places = [item["query"] for item in queries if item["kind"] == "place"]
    assert len([q for q in places if any(re.search(rf"\b{re.escape(v)}\b", q) for v in villages)]) >= 2, places


def test_tune9_long_queries_share_most_of_their_words_with_the_starter_corpus():
    """The point of tune9: its questions and keyword queries are long, and beside the bundled corpus most of their
    analysed terms are words the starter documents use too (school, leerling, cultuureducatie, subsidie, ouderen,
    ...), so that only the telling words single out the page that answers; a long query whose words no starter
    document uses would only measure the pages alone. Its questions are asked as questions (a question word first, or a
    "?" at the end)."""
    starter = {term for doc in read_corpus(REPO / "corpus")[0]
               for term in analysis.analyze_query(f"{doc.title} {doc.summary} {doc.body}")}
    queries = yaml.safe_load(SETS["tune9"].judgments.read_text(encoding="utf-8"))["queries"]
    long = [item["query"] for item in queries if item["kind"] in ("question", "multi")]
    sharing = [query for query in long if len(set(analysis.analyze_query(query)) & starter) >= 3]
    assert len(sharing) >= 3 * len(long) // 4, sorted(set(long) - set(sharing))
    asking = re.compile(r"^(hoe|hoeveel|wat|welke|waar|wanneer|wie|kan|kunnen|tot wanneer)\b|\?$")
    questions = [item["query"] for item in queries if item["kind"] == "question"]
    assert all(asking.search(query) for query in questions), [q for q in questions if not asking.search(q)]


def test_tune10_asks_questions_and_places_as_people_type_them():
    """The point of tune10: questions asked as questions (a question word first, or a "?" at the end), and places
    written the ways that are hard to find: an adjective ("haagse", "westlandse", "zoetermeerse", "zeeuwse"), a name of
    several words ("voorne aan zee", "hoek van holland", "berkel en rodenrijs"), and a village or former municipality
    the taxonomy lists as another name of a municipality ("spijkenisse", "berkel en rodenrijs")."""
    queries = yaml.safe_load(SETS["tune10"].judgments.read_text(encoding="utf-8"))["queries"]
    texts = [item["query"] for item in queries]
    assert all(text == text.lower() for text in texts)
    asking = re.compile(r"^(hoe|hoeveel|wat|welke|waar|waarom|wanneer|wie|kan|kunnen)\b|\?$")
    questions = [item["query"] for item in queries if item["kind"] == "question"]
    assert all(asking.search(query) for query in questions), [q for q in questions if not asking.search(q)]
    assert len([q for q in questions if q.endswith("?")]) >= 3
    places = [item["query"] for item in queries if item["kind"] == "place"]
    adjectives = [q for q in places if re.search(r"\b\w{3,}(se|sche)\b", q)]
    assert len(adjectives) >= 8, adjectives
    several = [q for q in places if re.search(r"\b\w+ (aan|van|en|den) \w+\b", q)]
    assert len(several) >= 3, several
    villages = _villages({"children": _taxonomy()["regions"]})
    by_village = [q for q in places if any(re.search(rf"\b{re.escape(v)}\b", q) for v in villages)]
    assert len(by_village) >= 2, by_village


def _stems(text: str) -> set[str]:
    return set(analysis.analyze_query(text))


def test_tune11_asks_for_derived_forms_and_half_remembered_titles():
    """The point of tune11: a derived-form query (kind morphology) has a word whose analysed term is missing from a
    page it grades 3, so that only a relation between word forms (participeren and participatie, filosofie and
    gefilosofeerd, musiceren and muziek) finds that page by that word; a compound query's longest word is in none of
    the pages it grades 3 whole.
    And a title query is half remembered: never a page's whole title, and at least three are misspelt or have a word
    in another form than the title meant (a term of the query missing from that title's terms)."""
    chosen = SETS["tune11"]
    pages = collection_pages(chosen.folder)
    by_url = {url: (chosen.folder / name).read_text(encoding="utf-8") for url, name in pages.items()}
    queries = yaml.safe_load(chosen.judgments.read_text(encoding="utf-8"))["queries"]
    texts = [item["query"] for item in queries]
    assert all(text == text.lower() for text in texts)

    def best(item):
        return [by_url[normalise_url(url)] for url, grade in item["relevant"].items() if grade == 3]

    for item in [item for item in queries if item["kind"] == "morphology"]:
        words = _stems(item["query"])
        assert any(words - _stems(html.unescape(re.sub(r"<[^>]+>", " ", page))) for page in best(item)), item["query"]
    for item in [item for item in queries if item["kind"] == "compound"]:
        longest = max(re.findall(r"\w+", item["query"]), key=len)
        assert all(longest not in html.unescape(page).lower() for page in best(item)), (item["query"], longest)
    titles = [item for item in queries if item["kind"] == "title"]
    changed = 0
    for item in titles:
        meant = [html.unescape(TITLE.search(page).group(1)) for page in best(item)]
        assert all(item["query"] != title.lower() for title in meant), item["query"]
        if any(_stems(item["query"]) - _stems(title) for title in meant):
            changed += 1
    assert changed >= 3, changed


def _zuid_holland_places() -> set[str]:
    """The woonplaatsen and municipalities of Zuid-Holland in CBS's list (kennisplatform/data/woonplaatsen.tsv),
    lowercased."""
    rows = (line.split("\t") for line in (REPO / "kennisplatform" / "data" / "woonplaatsen.tsv")
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {row[0].lower() for row in rows if len(row) >= 3 and row[2] == "Zuid-Holland"}


def test_tune12_has_typos_as_people_make_them_and_several_topical_words():
    """The point of tune12: its typos are real misses, not a letter the stemmer undoes: each typo query has an analysed
    term no page of the collection has (a word spelt by ear, run together or misspelt) or two words that, joined, are a
    word of a page it grades 3 (a compound written apart), and at least two have two such faults. At least three of
    its queries of several topical words (multi) have a term missing from every page they grade 3, so that only part of
    the words are on the best page. Questions are asked as questions; at least four places name a village or
    municipality of Zuid-Holland, three of them a name of several words; a compound query's longest word is whole in
    none of the pages it grades 3; no title query is a page's whole title."""
    chosen = SETS["tune12"]
    pages = collection_pages(chosen.folder)
    by_url = {url: html.unescape(re.sub(r"<[^>]+>", " ", (chosen.folder / name).read_text(encoding="utf-8")))
              for url, name in pages.items()}
    everywhere = set().union(*(_stems(text) for text in by_url.values()))
    queries = yaml.safe_load(chosen.judgments.read_text(encoding="utf-8"))["queries"]
    assert all(item["query"] == item["query"].lower() for item in queries)

    def best(item):
        return [by_url[normalise_url(url)] for url, grade in item["relevant"].items() if grade == 3]

    twice = 0
    for item in [item for item in queries if item["kind"] == "typo"]:
        words = item["query"].split()
        joined = [a + b for a, b in zip(words, words[1:]) if any(a + b in page.lower() for page in best(item))]
        faults = len(_stems(item["query"]) - everywhere) + len(joined)
        assert faults >= 1, item["query"]
        twice += faults >= 2
    assert twice >= 2, twice
    multi = [item for item in queries if item["kind"] == "multi"]
    partly = [item["query"] for item in multi if all(_stems(item["query"]) - _stems(page) for page in best(item))]
    assert len(partly) >= 3, partly
    _assert_questions_and_places(queries)
    for item in [item for item in queries if item["kind"] == "compound"]:
        longest = max(re.findall(r"\w+", item["query"]), key=len)
        assert all(longest not in page.lower() for page in best(item)), (item["query"], longest)
    for item in [item for item in queries if item["kind"] == "title"]:
        meant = [html.unescape(TITLE.search((chosen.folder / pages[normalise_url(url)]).read_text(encoding="utf-8"))
                               .group(1)) for url, grade in item["relevant"].items() if grade == 3]
        assert all(item["query"] != re.split(r" [-|] ", title)[0].lower() for title in meant), item["query"]


def test_tune13_has_half_remembered_titles_among_alike_titles_and_several_topical_words():
    """The point of tune13: its title queries are half remembered (never a page's whole title; at least four have a
    term the title meant lacks: a word in another form or a synonym) and mean pages whose titles are alike (at least
    nine of the twelve mean a page whose title shares a word of five letters or more with another page's title, and at
    least three pairs of title queries mean two pages whose titles share such a word). Its queries of several topical
    words (multi) ask no question, and at least four have a term missing from every page they grade 3, so that only
    part of the words are on the best page. Questions are asked as questions; at least four places name a village or
    municipality of Zuid-Holland, three of them a name of several words; every typo query has an analysed term no page
    has, two of them two; a compound query's longest word is whole in none of the pages it grades 3."""
    chosen = SETS["tune13"]
    pages = collection_pages(chosen.folder)
    raw = {url: (chosen.folder / name).read_text(encoding="utf-8") for url, name in pages.items()}
    by_url = {url: html.unescape(re.sub(r"<[^>]+>", " ", text)) for url, text in raw.items()}
    title_of = {url: html.unescape(TITLE.search(text).group(1)).lower() for url, text in raw.items()}
    everywhere = set().union(*(_stems(text) for text in by_url.values()))
    queries = yaml.safe_load(chosen.judgments.read_text(encoding="utf-8"))["queries"]
    assert all(item["query"] == item["query"].lower() for item in queries)

    def best(item):
        return [normalise_url(url) for url, grade in item["relevant"].items() if grade == 3]

    def long_words(title):
        return {w for w in re.findall(r"\w+", title) if len(w) >= 5}

    titles = [item for item in queries if item["kind"] == "title"]
    changed = alike = 0
    meant_pages = []
    for item in titles:
        meant = best(item)
        assert all(item["query"] != re.split(r" [-|] ", title_of[url])[0] for url in meant), item["query"]
        changed += any(_stems(item["query"]) - _stems(title_of[url]) for url in meant)
        alike += any(long_words(title_of[url]) & long_words(title_of[other])
                     for url in meant for other in title_of if other != url)
        meant_pages.append(set(meant))
    assert changed >= 4, changed
    assert alike >= 9, alike
    pairs = {frozenset((a, b)) for one in meant_pages for other in meant_pages for a in one for b in other
             if a != b and long_words(title_of[a]) & long_words(title_of[b])}
    assert len(pairs) >= 3, pairs
    multi = [item for item in queries if item["kind"] == "multi"]
    assert not [item["query"] for item in multi if ASKING.search(item["query"])]
    partly = [item["query"] for item in multi
              if all(_stems(item["query"]) - _stems(by_url[url]) for url in best(item))]
    assert len(partly) >= 4, partly
    _assert_questions_and_places(queries)
    _assert_typos_and_compounds(queries, everywhere, by_url, best, twice=2)


def test_tune14_asks_short_topical_queries_with_words_the_best_pages_do_not_use():
    """The point of tune14: of its twenty topical queries (one to three words) at least twelve have an analysed term
    that no page they grade 3 has (an umbrella or related word of the field: "immaterieel erfgoed" for a school's
    costume day, "windmolens" for pages that say "molen"), and at least four have every term on one of the pages they
    grade 3 (the plain word), so that the set measures both. Each such word is not a word form of the pages' own
    words: at least eight of the twelve have a term that no page of the whole collection has. Several pages compete:
    at least twelve topical queries grade three pages or more. Multi queries ask no question; questions are asked
    as questions; at least four places name a village or municipality of Zuid-Holland, three of them a name of several
    words; every typo query has an analysed term no page has, one of them two; a compound query's longest word is
    whole in none of the pages it grades 3; no title query is a page's whole title."""
    chosen = SETS["tune14"]
    pages = collection_pages(chosen.folder)
    raw = {url: (chosen.folder / name).read_text(encoding="utf-8") for url, name in pages.items()}
    by_url = {url: html.unescape(re.sub(r"<[^>]+>", " ", text)) for url, text in raw.items()}
    stems = {url: _stems(text) for url, text in by_url.items()}
    everywhere = set().union(*stems.values())
    queries = yaml.safe_load(chosen.judgments.read_text(encoding="utf-8"))["queries"]
    assert all(item["query"] == item["query"].lower() for item in queries)

    def best(item):
        return [normalise_url(url) for url, grade in item["relevant"].items() if grade == 3]

    topical = [item for item in queries if item["kind"] == "topical"]
    unused = [item["query"] for item in topical
              if any(all(term not in stems[url] for url in best(item)) for term in _stems(item["query"]))]
    assert len(unused) >= 12, unused
    nowhere = [query for query in unused if _stems(query) - everywhere]
    assert len(nowhere) >= 8, nowhere
    plain = [item["query"] for item in topical if any(_stems(item["query"]) <= stems[url] for url in best(item))]
    assert len(plain) >= 4, plain
    assert len([item for item in topical if len(item["relevant"]) >= 3]) >= 12
    multi = [item for item in queries if item["kind"] == "multi"]
    assert not [item["query"] for item in multi if ASKING.search(item["query"])]
    _assert_questions_and_places(queries)
    _assert_typos_and_compounds(queries, everywhere, by_url, best, twice=1)
    _assert_no_whole_titles(queries, raw, best)


ASKING = re.compile(r"^(hoe|hoeveel|wat|welke|waar|waarom|wanneer|wie|kan|kunnen)\b|\?$")


def test_tune15_asks_several_topical_words_and_long_questions_beside_the_starter_reports():
    """The point of tune15: its twenty multi queries have four to six analysed terms and ask no question; at least
    twelve of them have a term that ten or more starter documents use (school, gemeente, leerling, kind, ouder,
    cultuur, project, ...), so that a long starter report can hold every word in passing; at least eight have a page
    they grade 3 that lacks one of their terms (the page about the subject has four of the five words). Its twelve
    questions are asked as questions, and at least eight share a term with the title of a page they grade 3 (a
    common word of a page's title in a long question). At least four places name a village or municipality of
    Zuid-Holland, three of them a name of several words; every typo query has an analysed term no page has; no title
    query is a page's whole title."""
    chosen = SETS["tune15"]
    pages = collection_pages(chosen.folder)
    raw = {url: (chosen.folder / name).read_text(encoding="utf-8") for url, name in pages.items()}
    by_url = {url: html.unescape(re.sub(r"<[^>]+>", " ", text)) for url, text in raw.items()}
    stems = {url: _stems(text) for url, text in by_url.items()}
    titles = {url: _stems(html.unescape(TITLE.search(text).group(1))) for url, text in raw.items()}
    everywhere = set().union(*stems.values())
    queries = yaml.safe_load(chosen.judgments.read_text(encoding="utf-8"))["queries"]
    assert all(item["query"] == item["query"].lower() for item in queries)
    in_starter = Counter(term for doc in read_corpus(REPO / "corpus")[0]
                         for term in _stems(f"{doc.title} {doc.summary} {doc.body}"))
    common = {term for term, documents in in_starter.items() if documents >= 10}

    def best(item):
        return [normalise_url(url) for url, grade in item["relevant"].items() if grade == 3]

    multi = [item for item in queries if item["kind"] == "multi"]
    assert len(multi) == 20
    assert all(4 <= len(_stems(item["query"])) <= 6 for item in multi), [item["query"] for item in multi]
    assert not [item["query"] for item in multi if ASKING.search(item["query"])]
    sharing = [item["query"] for item in multi if _stems(item["query"]) & common]
    assert len(sharing) >= 12, sharing
    partial = [item["query"] for item in multi if any(_stems(item["query"]) - stems[url] for url in best(item))]
    assert len(partial) >= 8, partial
    questions = [item for item in queries if item["kind"] == "question"]
    assert len(questions) == 12
    titled = [item["query"] for item in questions if any(_stems(item["query"]) & titles[url] for url in best(item))]
    assert len(titled) >= 8, titled
    _assert_questions_and_places(queries)
    _assert_typos_and_compounds(queries, everywhere, by_url, best, twice=0)
    _assert_no_whole_titles(queries, raw, best)


def _assert_no_whole_titles(queries, raw: dict[str, str], best) -> None:
    """No title query is the whole shown title (before its site's name) of a page it grades 3: titles are half
    remembered."""
    for item in [item for item in queries if item["kind"] == "title"]:
        for url in best(item):
            title = html.unescape(TITLE.search(raw[url]).group(1)).lower()
            assert item["query"] != re.split(r" [-|] ", title)[0], item["query"]


def _assert_typos_and_compounds(queries, everywhere: set[str], by_url: dict[str, str], best, twice: int) -> None:
    """Every typo query has an analysed term that no page has (at least `twice` of them two such terms); a compound
    query's longest word is whole in none of the pages it grades 3 (`best`)."""
    both = 0
    for item in [item for item in queries if item["kind"] == "typo"]:
        missing = _stems(item["query"]) - everywhere
        assert missing, item["query"]
        both += len(missing) >= 2
    assert both >= twice, both
    for item in [item for item in queries if item["kind"] == "compound"]:
        longest = max(re.findall(r"\w+", item["query"]), key=len)
        assert all(longest not in by_url[url].lower() for url in best(item)), (item["query"], longest)


def _assert_questions_and_places(queries: list[dict]) -> None:
    """Every question asks (a question word first, or a question mark); at least four place queries name a place of
    Zuid-Holland as a word, three of them a name of several words."""
    questions = [item["query"] for item in queries if item["kind"] == "question"]
    assert all(ASKING.search(query) for query in questions), [q for q in questions if not ASKING.search(q)]
    zuid_holland = _zuid_holland_places()
    places = [item["query"] for item in queries if item["kind"] == "place"]
    named = [q for q in places if any(re.search(rf"(?<![\w'-]){re.escape(p)}(?![\w-])", q) for p in zuid_holland)]
    assert len(named) >= 4, named
    several = [q for q in named if any(re.search(r"[ -]", p) and p in q for p in zuid_holland)]
    assert len(several) >= 3, several
