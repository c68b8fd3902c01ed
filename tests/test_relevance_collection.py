"""The real-page benchmark data stays usable: every judged page exists in the collection by its source
address, the judged values are taxonomy values, and the fixed tune/held-out split is the one drawn when
the judgments were written (so no query can move to the other half unnoticed)."""
from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from kennisplatform.corpus import taxonomy_for
from kennisplatform.importer import normalise_url

REPO = Path(__file__).resolve().parents[1]
RELEVANCE = REPO / "benchmarks" / "relevance"
COLLECTION = RELEVANCE / "collection"
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def _load_split_module():
    spec = importlib.util.spec_from_file_location("split_queries", RELEVANCE / "split_queries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collection_pages(folder: Path) -> dict[str, str]:
    """normalised source address -> file name, for a collection folder of saved pages"""
    out = {}
    for path in sorted(folder.glob("*.html")):
        found = CANONICAL.search(path.read_text(encoding="utf-8"))
        assert found, f"{path.name} has no source address"
        url = normalise_url(html.unescape(found.group(1)))
        assert url not in out, f"{path.name} and {out.get(url)} have the same source address"
        out[url] = path.name
    return out


def assert_listed_in_sources(pages: dict[str, str], folder: Path) -> None:
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for name in pages.values():
        assert f"`{name}`" in sources, f"{name} is not in SOURCES.md"


def assert_own_pages(pages: dict[str, str], folder: Path, others: list[Path]) -> None:
    """No page of `folder` is in any of the `others` (tuning on one would tune on the other, or look at a
    check set through it), and its SOURCES.md lists every file."""
    for other in others:
        shared = set(pages) & set(collection_pages(other))
        assert not shared, f"pages of {other.name} in {folder.name}: {sorted(shared)}"
    assert_listed_in_sources(pages, folder)


def assert_judged_pages_in(pages: dict[str, str], queries: list[dict]) -> None:
    for item in queries:
        assert item["relevant"], f"{item['query']!r} has no relevant page"
        for url, grade in item["relevant"].items():
            assert normalise_url(url) in pages, f"{item['query']!r}: no page for {url}"
            assert grade in (1, 2, 3)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return collection_pages(COLLECTION)


@pytest.fixture(scope="module")
def field_queries() -> list[dict]:
    return yaml.safe_load((RELEVANCE / "judgments_field.yaml").read_text(encoding="utf-8"))["queries"]


def test_collection_has_enough_pages_each_listed_with_its_address(pages):
    assert len(pages) >= 100
    assert_listed_in_sources(pages, COLLECTION)


def test_every_judged_page_is_in_the_collection_by_its_address(pages, field_queries):
    assert_judged_pages_in(pages, field_queries)


def test_field_queries_cover_the_kinds_issue_11_asks_for(field_queries):
    kinds = [item["kind"] for item in field_queries]
    assert len(field_queries) >= 120
    assert kinds.count("question") >= 20 and kinds.count("place") >= 20 and kinds.count("typo") >= 15
    for item in field_queries:
        if item["kind"] == "question":
            assert 8 <= len(re.findall(r"[\w-]+", item["query"])) <= 12, item["query"]
    assert len({item["query"] for item in field_queries}) == len(field_queries)


def test_the_second_tuning_set_judges_pages_of_the_collection_and_repeats_no_field_query(pages, field_queries):
    queries = yaml.safe_load((RELEVANCE / "judgments_tune2.yaml").read_text(encoding="utf-8"))["queries"]
    assert_judged_pages_in(pages, queries)
    kinds = [item["kind"] for item in queries]
    assert kinds.count("title") >= 20 and kinds.count("question") >= 20
    assert {item["split"] for item in queries} == {"tune"}  # all of it tuning material
    texts = [item["query"] for item in queries]
    assert len(set(texts)) == len(texts) and not set(texts) & {item["query"] for item in field_queries}


def test_split_is_the_one_drawn_with_the_judgments_and_halves_each_kind(field_queries):
    expected = _load_split_module().compute_split(field_queries)
    assert {item["query"]: item["split"] for item in field_queries} == expected
    for kind in {item["kind"] for item in field_queries}:
        halves = [item["split"] for item in field_queries if item["kind"] == kind]
        assert abs(halves.count("tune") - halves.count("heldout")) <= 1


def test_judged_facets_are_taxonomy_values_of_pages_in_the_collection(pages):
    taxonomy = taxonomy_for(REPO / "corpus")
    entries = yaml.safe_load((REPO / "benchmarks" / "suggestions" / "judged_facets.yaml")
                             .read_text(encoding="utf-8"))["pages"]
    assert len(entries) >= 50
    for entry in entries:
        assert normalise_url(entry["url"]) in pages, entry["url"]
        assert taxonomy.resolve("type", entry["type"]) == entry["type"]
        for facet, key in (("theme", "themes"), ("region", "regions")):
            assert entry[key], f"{entry['url']}: no {key}"
            for value in entry[key]:
                assert taxonomy.resolve(facet, value) == value, f"{entry['url']}: {facet} {value}"
        # Disciplines and audience are judged on every page too, and may be empty (a page about culture education in
        # general has no discipline of its own).
        for facet, key in (("discipline", "disciplines"), ("audience", "audience")):
            assert isinstance(entry[key], list), f"{entry['url']}: {key}"
            for value in entry[key]:
                assert taxonomy.resolve(facet, value) == value, f"{entry['url']}: {facet} {value}"
    halves = [entry["split"] for entry in entries]
    assert set(halves) == {"tune", "heldout"} and abs(halves.count("tune") - halves.count("heldout")) <= 2
