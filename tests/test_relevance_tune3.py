"""The third tuning set stays what it claims to be: pages of its own (none shared with the field collection or
the fresh check sets, so tuning on it never tunes on a check set's page), every judged page present by its
source address, all of it tuning material, and enough titles and multi-word queries, the kinds it was made for."""
from __future__ import annotations

import re

import pytest
import yaml

from test_relevance_collection import RELEVANCE, assert_judged_pages_in, assert_own_pages, collection_pages
from test_relevance_fresh import KINDS, other_collections

TUNE3 = RELEVANCE / "collection_tune3"
TUNE3_JUDGMENTS = RELEVANCE / "judgments_tune3.yaml"
MIN_PER_KIND = {"title": 20, "multi": 10, "question": 5}


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return collection_pages(TUNE3)


@pytest.fixture(scope="module")
def queries() -> list[dict]:
    return yaml.safe_load(TUNE3_JUDGMENTS.read_text(encoding="utf-8"))["queries"]


def test_tune3_pages_are_its_own_and_each_is_listed_with_its_address(pages):
    assert 30 <= len(pages) <= 40
    assert_own_pages(pages, TUNE3, other_collections(TUNE3))


def test_every_tune3_judgment_names_one_of_its_pages(pages, queries):
    assert_judged_pages_in(pages, queries)


def test_tune3_is_tuning_material_aimed_at_titles_and_multi(queries):
    assert {item["split"] for item in queries} == {"tune"}
    assert {item["kind"] for item in queries} <= KINDS
    kinds = [item["kind"] for item in queries]
    for kind, least in MIN_PER_KIND.items():
        assert kinds.count(kind) >= least, kind
    texts = [item["query"] for item in queries]
    assert len(set(texts)) == len(texts)
    for item in queries:
        if item["kind"] == "question":
            assert 8 <= len(re.findall(r"[\w-]+", item["query"])) <= 12, item["query"]
