"""The fresh check set stays what it claims to be: a second collection that shares no page with the first,
every judged page exists in it by its source address, and no query is in a tune half (nobody tunes on it)."""
from __future__ import annotations

import re

import pytest
import yaml

from test_relevance_collection import (COLLECTION, RELEVANCE, assert_judged_pages_in, assert_listed_in_sources,
                                       collection_pages)

FRESH = RELEVANCE / "collection_fresh"
KINDS = {"question", "place", "typo", "topical", "compound", "multi", "title"}


@pytest.fixture(scope="module")
def fresh_pages() -> dict[str, str]:
    return collection_pages(FRESH)


@pytest.fixture(scope="module")
def fresh_queries() -> list[dict]:
    return yaml.safe_load((RELEVANCE / "judgments_fresh.yaml").read_text(encoding="utf-8"))["queries"]


def test_fresh_collection_shares_no_page_with_the_first_and_lists_every_file(fresh_pages):
    assert len(fresh_pages) >= 50
    shared = set(fresh_pages) & set(collection_pages(COLLECTION))
    assert not shared, f"pages of the first collection in the fresh one: {sorted(shared)}"
    assert_listed_in_sources(fresh_pages, FRESH)


def test_every_fresh_judgment_names_a_page_of_the_fresh_collection(fresh_pages, fresh_queries):
    assert_judged_pages_in(fresh_pages, fresh_queries)


def test_fresh_queries_are_of_the_seven_kinds_and_none_is_in_a_tune_half(fresh_queries):
    assert len(fresh_queries) >= 40
    assert {item["kind"] for item in fresh_queries} == KINDS
    assert {item["split"] for item in fresh_queries} == {"fresh"}
    assert len({item["query"] for item in fresh_queries}) == len(fresh_queries)
    for item in fresh_queries:
        if item["kind"] == "question":
            assert 8 <= len(re.findall(r"[\w-]+", item["query"])) <= 12, item["query"]
