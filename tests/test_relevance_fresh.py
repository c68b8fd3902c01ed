"""The fresh check set stays what it claims to be: a second collection that shares no page with the first,
every judged page exists in it by its source address, and no query is in a tune half (nobody tunes on it)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from kennisplatform.importer import normalise_url

REPO = Path(__file__).resolve().parents[1]
RELEVANCE = REPO / "benchmarks" / "relevance"
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
KINDS = {"question", "place", "typo", "topical", "compound", "multi", "title"}


def _pages(folder: Path) -> dict[str, str]:
    """normalised source address -> file name"""
    out = {}
    for path in sorted(folder.glob("*.html")):
        found = CANONICAL.search(path.read_text(encoding="utf-8"))
        assert found, f"{path.name} has no source address"
        url = normalise_url(html.unescape(found.group(1)))
        assert url not in out, f"{path.name} and {out.get(url)} have the same source address"
        out[url] = path.name
    return out


@pytest.fixture(scope="module")
def fresh_pages() -> dict[str, str]:
    return _pages(RELEVANCE / "collection_fresh")


@pytest.fixture(scope="module")
def fresh_queries() -> list[dict]:
    return yaml.safe_load((RELEVANCE / "judgments_fresh.yaml").read_text(encoding="utf-8"))["queries"]


def test_fresh_collection_shares_no_page_with_the_first_and_lists_every_file(fresh_pages):
    assert len(fresh_pages) >= 50
    shared = set(fresh_pages) & set(_pages(RELEVANCE / "collection"))
    assert not shared, f"pages of the first collection in the fresh one: {sorted(shared)}"
    sources = (RELEVANCE / "collection_fresh" / "SOURCES.md").read_text(encoding="utf-8")
    for name in fresh_pages.values():
        assert f"`{name}`" in sources, f"{name} is not in SOURCES.md"


def test_every_fresh_judgment_names_a_page_of_the_fresh_collection(fresh_pages, fresh_queries):
    for item in fresh_queries:
        assert item["relevant"], f"{item['query']!r} has no relevant page"
        for url, grade in item["relevant"].items():
            assert normalise_url(url) in fresh_pages, f"{item['query']!r}: no page for {url}"
            assert grade in (1, 2, 3)


def test_fresh_queries_are_of_the_seven_kinds_and_none_is_in_a_tune_half(fresh_queries):
    assert len(fresh_queries) >= 40
    assert {item["kind"] for item in fresh_queries} == KINDS
    assert {item["split"] for item in fresh_queries} == {"fresh"}
    assert len({item["query"] for item in fresh_queries}) == len(fresh_queries)
    for item in fresh_queries:
        if item["kind"] == "question":
            assert 8 <= len(re.findall(r"[\w-]+", item["query"])) <= 12, item["query"]
