"""The half-remembered title sets (session 11) stay derived tuning material: title queries over the pages of tune3,
tune4 and tune5, each meaning one page of its collection (graded 3) with its other judged pages on the judging
scale, written as people type a title rather than as title_probe.py's mechanical variants, and none with the
analysed terms of a query of any other judgments file (tuning on such a copy would tune on that query)."""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest
import yaml

from kennisplatform import analysis
from kennisplatform.importer import normalise_url
from test_relevance_collection import CANONICAL, RELEVANCE, assert_judged_pages_in, collection_pages
from test_relevance_tuning_sets import TITLE, TUNE3, TUNE4, TUNE5

sys.path.insert(0, str(RELEVANCE))
import evaluate  # noqa: E402
import title_probe  # noqa: E402

# judgments file -> (the collection its pages are in, its evaluate.py set)
SETS = {
    "judgments_titles_tune3.yaml": (TUNE3, "titles-tune3"),
    "judgments_titles_tune4.yaml": (TUNE4, "titles-tune4"),
    "judgments_titles_tune5.yaml": (TUNE5, "titles-tune5"),
}


def _queries(name: str) -> list[dict]:
    return yaml.safe_load((RELEVANCE / name).read_text(encoding="utf-8"))["queries"]


def _terms(query: str) -> tuple[str, ...]:
    return tuple(sorted(set(analysis.analyze_query(query))))


def _target(item: dict) -> str:
    """The address of the one page the query means (graded 3)."""
    meant = [url for url, grade in item["relevant"].items() if grade == 3]
    assert len(meant) == 1, f"{item['query']!r} means {len(meant)} pages"
    return normalise_url(meant[0])


def _titles(folder: Path) -> dict[str, tuple[str, str]]:
    """normalised address -> (the page's title, its source address as written)"""
    out = {}
    for path in folder.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        address = html.unescape(CANONICAL.search(text).group(1))
        out[normalise_url(address)] = (html.unescape(TITLE.search(text).group(1)), address)
    return out


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_query_is_a_tuning_title_meaning_one_page_of_its_collection(name):
    folder, _ = SETS[name]
    queries = _queries(name)
    assert 12 <= len(queries) <= 16
    assert_judged_pages_in(collection_pages(folder), queries)  # every judged page exists; grades 1-3
    for item in queries:
        assert (item["kind"], item["split"]) == ("title", "tune"), item["query"]
        _target(item)
    targets = [_target(item) for item in queries]
    assert len(set(targets)) == len(targets), "one query per page"


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_query_is_a_mechanical_variant_of_its_pages_title(name):
    """title_probe.py already asks the title whole, without its first or last word, its first four words, its
    content words, reversed and without a middle word: these are what people type instead."""
    folder, _ = SETS[name]
    titles = _titles(folder)
    for item in _queries(name):
        title, address = titles[_target(item)]
        mechanical = {_terms(query) for shown in {title, title_probe.shown_title(title, address)}
                      for _, query in title_probe.variants(shown)}
        assert _terms(item["query"]) not in mechanical, item["query"]


def test_no_title_query_has_the_terms_of_another_query():
    """Neither of a query of another judgments file (held-out, check or tuning) nor of another title query."""
    mine = {RELEVANCE / name for name in SETS}
    others = {_terms(item["query"]): (path.name, item["query"])
              for path in sorted(RELEVANCE.glob("judgments*.yaml")) if path not in mine
              for item in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]}
    seen: dict[tuple[str, ...], str] = {}
    for name in sorted(SETS):
        for item in _queries(name):
            terms = _terms(item["query"])
            assert terms not in others, f"{item['query']!r} has the terms of {others[terms]}"
            assert terms not in seen, f"{item['query']!r} has the terms of {seen[terms]!r}"
            seen[terms] = item["query"]


def test_the_title_sets_are_named_sets_over_their_collections():
    for name, (folder, flag) in SETS.items():
        collection, judgments, _ = evaluate.NAMED_SETS[flag]
        assert (collection, judgments) == (folder, RELEVANCE / name)
