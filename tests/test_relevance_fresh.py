"""The fresh check sets stay what they claim to be: collections that share no page with any other collection
of the benchmark (the field collection, each other, the tuning pages of tune3 and later tuning sets), every
judged page exists in its set by its source address, and no query is in a tune half (nobody tunes on them).
fresh2 was made later, to judge a change proposed after held-out was seen; fresh3 in session 5, because fresh2
had been looked at: it stands in for unseen pages; fresh4 in session 6, because fresh3 had been run once; fresh5
beside it, so that the end-of-session measurement on unseen material rests on two clean sets; fresh6 in session 7,
with queries of its own as well: none has the analysed terms of a tuning query; fresh7 after it, the same way, on
other subjects and places; fresh8 in session 8, the same way again, measured beside the bundled corpus too; fresh9
in session 10, made exactly like fresh8; fresh10 in session 11, fresh11 in session 12, fresh12 and fresh13 in
session 13, fresh14 in session 14, fresh15 in session 15, fresh16 in session 16, fresh17 in session 17, fresh18
in session 18, fresh19 in session 18 for session 19, fresh20 in session 19 for session 20, fresh21 in session 20 for
session 21, fresh22 in session 21 for session 22, fresh23 in session 22 for session 23, fresh24 in session 23
for session 24 and fresh25 in session 24 for session 25, the same way again; fresh26 and fresh27 in session 28, smaller
(20 pages, 4 queries of each kind)."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from kennisplatform import analysis
from test_relevance_collection import (COLLECTION, RELEVANCE, assert_judged_pages_in, assert_own_pages,
                                       collection_pages)

sys.path.insert(0, str(RELEVANCE))
from judged_sets import BY_NAME  # noqa: E402
from judged_sets import SETS as JUDGED_SETS  # noqa: E402

KINDS = {"question", "place", "typo", "topical", "compound", "multi", "title"}


@dataclass(frozen=True)
class FreshSet:
    folder: Path
    judgments: Path
    split: str
    min_pages: int
    min_queries: int


# At least this many pages and judged queries per fresh set (judged_sets.SETS names its folder and judgments): a set
# that lost pages or queries would still pass the other tests. A new fresh set gets its row here.
SIZES = {"fresh": (50, 40), "fresh2": (30, 30), "fresh3": (30, 45), "fresh4": (35, 50), "fresh5": (35, 50),
         "fresh6": (40, 50), "fresh7": (40, 50), "fresh8": (42, 50), "fresh9": (42, 50), "fresh10": (42, 50),
         "fresh11": (40, 49), "fresh12": (44, 57), "fresh13": (43, 56), "fresh14": (45, 56), "fresh15": (41, 49),
         "fresh16": (41, 49), "fresh17": (40, 49), "fresh18": (42, 49), "fresh19": (40, 49), "fresh20": (40, 49),
         "fresh21": (40, 49), "fresh22": (40, 49), "fresh23": (40, 49), "fresh24": (40, 49), "fresh25": (40, 49),
         "fresh26": (20, 28), "fresh27": (20, 28), "fresh28": (20, 28), "fresh29": (20, 28),
         "fresh30": (20, 28), "fresh31": (20, 28), "fresh32": (20, 28),
         "fresh33": (20, 28), "fresh34": (20, 28), "fresh35": (20, 28),
         "fresh36": (20, 28), "fresh37": (20, 28), "fresh38": (20, 28),
         "fresh39": (20, 28), "fresh40": (20, 28), "fresh41": (20, 28),
         "fresh42": (20, 28), "fresh43": (20, 28), "fresh44": (20, 28), "fresh45": (20, 28),
         "fresh46": (20, 28), "fresh47": (20, 28), "fresh48": (20, 28),
         "fresh49": (20, 28), "fresh50": (20, 28), "fresh51": (20, 28),
         "fresh52": (20, 28), "fresh53": (20, 28), "fresh54": (20, 28),
         "fresh55": (20, 28), "fresh56": (20, 28), "fresh57": (20, 28),
         "fresh58": (16, 28), "fresh59": (20, 28),
         "fresh60": (20, 28)}
SETS = {name: FreshSet(BY_NAME[name].pages, BY_NAME[name].judgments, name, pages, queries)
        for name, (pages, queries) in SIZES.items()}
# Tuning pages of their own (tune3): a check set that shared one would be tuned on through it.
TUNE3_FOLDER = RELEVANCE / "collection_tune3"
# At least this many queries of these kinds: fresh2 must show the title variant it was made for; fresh3 stands
# in for unseen queries, so every kind must weigh enough in its per-kind table to say something.
MIN_PER_KIND = {
    "fresh2": {"title": 8, "question": 6, "place": 5, "typo": 4},
    "fresh3": {"title": 10, "question": 6, "place": 6, "typo": 4, "topical": 4, "compound": 4, "multi": 4},
    "fresh4": {kind: 6 for kind in KINDS},
    "fresh5": {kind: 6 for kind in KINDS},
    "fresh6": {kind: 6 for kind in KINDS},
    "fresh7": {kind: 6 for kind in KINDS},
    "fresh8": {kind: 6 for kind in KINDS},
    "fresh9": {kind: 6 for kind in KINDS},
    "fresh10": {kind: 6 for kind in KINDS},
    "fresh11": {kind: 7 for kind in KINDS},
    "fresh12": {kind: 8 for kind in KINDS},
    "fresh13": {kind: 8 for kind in KINDS},
    "fresh14": {kind: 8 for kind in KINDS},
    "fresh15": {kind: 7 for kind in KINDS},
    "fresh16": {kind: 7 for kind in KINDS},
    "fresh17": {kind: 7 for kind in KINDS},
    "fresh18": {kind: 7 for kind in KINDS},
    "fresh19": {kind: 7 for kind in KINDS},
    "fresh20": {kind: 7 for kind in KINDS},
    "fresh21": {kind: 7 for kind in KINDS},
    "fresh22": {kind: 7 for kind in KINDS},
    "fresh23": {kind: 7 for kind in KINDS},
    "fresh24": {kind: 7 for kind in KINDS},
    "fresh25": {kind: 7 for kind in KINDS},
    # The sets of 28 queries (fresh26 on): 4 of each of the seven kinds; a new one needs only its SIZES row.
    **{name: {kind: 4 for kind in KINDS} for name, (_, queries) in SIZES.items() if queries == 28},
}
# Check sets whose queries are their own: none has the analysed terms of a tuning query, so that they measure
# unseen query words as well as unseen pages. Every fresh set from fresh6 on (SIZES lists them in the order made).
OWN_QUERIES = list(SIZES)[list(SIZES).index("fresh6"):]
# Check sets whose queries were compared, before judging, with every query of every other judgments file (tuning,
# held-out and check sets alike), not only the tuning queries: none has the analysed terms of any of them. Every
# fresh set from fresh8 on.
ALL_OWN_QUERIES = list(SIZES)[list(SIZES).index("fresh8"):]


def test_every_fresh_set_of_the_registry_is_checked_here():
    """A set added to judged_sets.SETS (the one table evaluate.py and the pool script read) is checked by the tests
    of this file only once it has its sizes here: without them, a set that lost pages or queries would pass."""
    assert set(SIZES) == {s.name for s in JUDGED_SETS if s.name.startswith("fresh")}
    assert all(BY_NAME[name].check
               for name in ("fresh", "fresh2", "fresh8", "fresh60"))
    assert not any(BY_NAME[name].check
                   for name in ("fresh10", "fresh17", "fresh25", "fresh28", "fresh29", "fresh31", "fresh32", "fresh35",
                                "fresh36", "fresh39", "fresh40", "fresh42", "fresh43", "fresh45", "fresh46", "fresh47",
                                "fresh48", "fresh49", "fresh50", "fresh51", "fresh52", "fresh53", "fresh54",
                                "fresh55", "fresh56", "fresh57", "fresh58", "fresh59", "field", "tune15"))


@pytest.fixture(scope="module", params=list(SETS))
def fresh(request) -> FreshSet:
    return SETS[request.param]


def queries_of(fresh_set: FreshSet) -> list[dict]:
    return yaml.safe_load(fresh_set.judgments.read_text(encoding="utf-8"))["queries"]


def other_collections(folder: Path) -> list[Path]:
    """Every collection folder of the benchmark but this one, tuning sets added later included: a check set
    that shared a page with any of them would be tuned on, or looked at, through it."""
    return [other for other in sorted(RELEVANCE.glob("collection*")) if other.is_dir() and other != folder]


def test_fresh_collection_shares_no_page_with_the_others_and_lists_every_file(fresh):
    pages = collection_pages(fresh.folder)
    assert len(pages) >= fresh.min_pages
    others = other_collections(fresh.folder)
    assert {COLLECTION, TUNE3_FOLDER} | {s.folder for s in SETS.values() if s is not fresh} <= set(others)
    assert_own_pages(pages, fresh.folder, others)


def test_every_fresh_judgment_names_a_page_of_its_own_collection(fresh):
    assert_judged_pages_in(collection_pages(fresh.folder), queries_of(fresh))


def test_fresh_queries_are_of_the_seven_kinds_and_none_is_in_a_tune_half(fresh):
    queries = queries_of(fresh)
    assert len(queries) >= fresh.min_queries
    assert {item["kind"] for item in queries} == KINDS
    assert {item["split"] for item in queries} == {fresh.split}
    assert len({item["query"] for item in queries}) == len(queries)
    for item in queries:
        if item["kind"] == "question":
            assert 8 <= len(re.findall(r"[\w-]+", item["query"])) <= 12, item["query"]


@pytest.mark.parametrize("name", list(MIN_PER_KIND))
def test_later_fresh_sets_have_enough_queries_of_each_kind_they_are_read_by(name):
    kinds = [item["kind"] for item in queries_of(SETS[name])]
    for kind, least in MIN_PER_KIND[name].items():
        assert kinds.count(kind) >= least, kind


@pytest.mark.parametrize("name", [name for name in SETS if name not in ("fresh", "fresh2")])
def test_later_fresh_places_include_an_adjective_form_and_a_multi_word_name(name):
    """How people type places: "Haagse", "Zeeuwse", "Kamper", "Hoeksche Waard", not only the plain name of one word."""
    places = [item["query"] for item in queries_of(SETS[name]) if item["kind"] == "place"]
    assert any(re.search(r"\b[A-Z]\w+(?:se|er)\b", query) for query in places), places
    assert any(re.search(r"[A-Z]\w+[ -](?:[a-z]+ )*[A-Z]\w+", query) for query in places), places


def terms(query: str) -> tuple[str, ...]:
    """What the engine searches for: the query's analysed terms, as a set (order and repeats do not matter)."""
    return tuple(sorted(set(analysis.analyze_query(query))))


def tuning_queries() -> dict[tuple[str, ...], str]:
    """The analysed terms of every tuning query -> the query: the starter set's (judgments.yaml, all tuning
    material, without a split) and every query with split `tune` of every judgments*.yaml, later tuning sets
    included as they are added."""
    starter = RELEVANCE / "judgments.yaml"
    found = {}
    for path in sorted(RELEVANCE.glob("judgments*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]:
            if path == starter or item.get("split") == "tune":
                found.setdefault(terms(item["query"]), f"{path.name}: {item['query']!r}")
    return found


@pytest.mark.parametrize("name", OWN_QUERIES)
def test_check_set_queries_have_none_of_the_tuning_queries_terms(name):
    """A check query with a tuning query's terms measures the tuned query again, not an unseen one (the same
    analysed terms give the same search). The check sets before fresh6 are known not to pass this: in fresh4 and
    fresh5, 11 of the 100 queries repeat a tuning query's terms ("erfgoededucatie", "muziekschool",
    "cultuurcoaches", "delftse cultuur", ...), in fresh, fresh2 and fresh3 19 of 140; their data stays as it was
    judged, and they are not listed in OWN_QUERIES."""
    tuning = tuning_queries()
    assert len(tuning) >= 300
    repeated = {item["query"]: tuning[terms(item["query"])] for item in queries_of(SETS[name])
                if terms(item["query"]) in tuning}
    assert not repeated, repeated


def other_queries(own: Path) -> dict[tuple[str, ...], str]:
    """The analysed terms of every query of every judgments*.yaml but `own` -> the query: tuning, held-out, check
    and derived sets alike, later sets included as they are added."""
    found = {}
    for path in sorted(RELEVANCE.glob("judgments*.yaml")):
        if path == own:
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]:
            found.setdefault(terms(item["query"]), f"{path.name}: {item['query']!r}")
    return found


@pytest.mark.parametrize("name", ALL_OWN_QUERIES)
def test_check_set_queries_have_none_of_any_other_querys_terms(name):
    """fresh8 to fresh27 were made with queries of their own against every judged query, not only the tuning
    ones: a query with the terms of a held-out or an earlier check query measures a search already measured. Their
    own queries differ from each other too."""
    fresh_set = SETS[name]
    others = other_queries(fresh_set.judgments)
    assert len(others) >= 800
    repeated = {item["query"]: others[terms(item["query"])] for item in queries_of(fresh_set)
                if terms(item["query"]) in others}
    assert not repeated, repeated
    own = [terms(item["query"]) for item in queries_of(fresh_set)]
    assert len(set(own)) == len(own)
