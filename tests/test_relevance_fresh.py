"""The fresh check sets stay what they claim to be: collections that share no page with the field collection
or with each other, every judged page exists in its set by its source address, and no query is in a tune
half (nobody tunes on them). fresh2 was made later, to judge a change proposed after held-out was seen."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from test_relevance_collection import (COLLECTION, RELEVANCE, assert_judged_pages_in, assert_listed_in_sources,
                                       collection_pages)

KINDS = {"question", "place", "typo", "topical", "compound", "multi", "title"}


@dataclass(frozen=True)
class FreshSet:
    folder: Path
    judgments: Path
    split: str
    min_pages: int
    min_queries: int


FRESH = FreshSet(RELEVANCE / "collection_fresh", RELEVANCE / "judgments_fresh.yaml", "fresh", 50, 40)
FRESH2 = FreshSet(RELEVANCE / "collection_fresh2", RELEVANCE / "judgments_fresh2.yaml", "fresh2", 30, 30)
SETS = {"fresh": FRESH, "fresh2": FRESH2}
# At least this many queries of these kinds in fresh2: the title variant it was made for must be visible.
FRESH2_MIN_PER_KIND = {"title": 8, "question": 6, "place": 5, "typo": 4}


@pytest.fixture(scope="module", params=list(SETS))
def fresh(request) -> FreshSet:
    return SETS[request.param]


def queries_of(fresh_set: FreshSet) -> list[dict]:
    return yaml.safe_load(fresh_set.judgments.read_text(encoding="utf-8"))["queries"]


def test_fresh_collection_shares_no_page_with_the_others_and_lists_every_file(fresh):
    pages = collection_pages(fresh.folder)
    assert len(pages) >= fresh.min_pages
    others = [COLLECTION] + [s.folder for s in SETS.values() if s is not fresh]
    for other in others:
        shared = set(pages) & set(collection_pages(other))
        assert not shared, f"pages of {other.name} in {fresh.folder.name}: {sorted(shared)}"
    assert_listed_in_sources(pages, fresh.folder)


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


def test_fresh2_has_enough_queries_of_the_kinds_the_title_variant_is_judged_on():
    kinds = [item["kind"] for item in queries_of(FRESH2)]
    for kind, least in FRESH2_MIN_PER_KIND.items():
        assert kinds.count(kind) >= least, kind
