"""The fourth tuning set stays what it claims to be: pages of its own (none shared with the field collection,
tune3 or a fresh check set, so tuning on it never tunes on a check set's page), every judged page present by
its source address, all of it tuning material, titles that share words (what makes half-remembered titles
hard), and enough queries of the kinds it was made for."""
from __future__ import annotations

import html
import re
from collections import Counter

import pytest
import yaml

from test_relevance_collection import RELEVANCE, assert_judged_pages_in, assert_own_pages, collection_pages
from test_relevance_fresh import KINDS, other_collections

TUNE4 = RELEVANCE / "collection_tune4"
TUNE4_JUDGMENTS = RELEVANCE / "judgments_tune4.yaml"
MIN_PER_KIND = {"title": 25, "topical": 10, "compound": 10, "question": 10}
TITLE = re.compile(r"<title>([^<]+)</title>")


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return collection_pages(TUNE4)


@pytest.fixture(scope="module")
def queries() -> list[dict]:
    return yaml.safe_load(TUNE4_JUDGMENTS.read_text(encoding="utf-8"))["queries"]


def test_tune4_pages_are_its_own_and_each_is_listed_with_its_address(pages):
    assert 35 <= len(pages) <= 45
    assert_own_pages(pages, TUNE4, other_collections(TUNE4))


def test_every_tune4_judgment_names_one_of_its_pages(pages, queries):
    assert_judged_pages_in(pages, queries)


def test_tune4_titles_share_words(pages):
    """The point of the set: a remembered title's words are in more than one page's title."""
    words = Counter()
    for name in pages.values():
        title = html.unescape(TITLE.search((TUNE4 / name).read_text(encoding="utf-8")).group(1)).lower()
        words.update({w for w in re.findall(r"\w+", title) if len(w) >= 5})
    shared = [w for w, n in words.items() if n >= 3]
    assert len(shared) >= 3, words.most_common(10)


def test_tune4_is_tuning_material_of_titles_topics_compounds_and_questions(queries):
    assert {item["split"] for item in queries} == {"tune"}
    assert {item["kind"] for item in queries} <= KINDS
    kinds = [item["kind"] for item in queries]
    for kind, least in MIN_PER_KIND.items():
        assert kinds.count(kind) >= least, kind
    texts = [item["query"] for item in queries]
    assert len(set(texts)) == len(texts)
    for item in queries:
        words = re.findall(r"[\w-]+", item["query"])
        if item["kind"] == "question":
            assert 8 <= len(words) <= 12, item["query"]
        if item["kind"] == "topical":
            assert 1 <= len(words) <= 2, item["query"]
