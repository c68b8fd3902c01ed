"""The derived typo sets stay derived tuning material: every query is a tuning query (never a held-out or
check-set one) written with a typo or spacing error, and keeps exactly its source's judgments."""
from __future__ import annotations

import re

import sys

import pytest
import yaml

from kennisplatform import analysis
from kennisplatform.analysis import fold
from kennisplatform.spelling import distance
from test_relevance_collection import RELEVANCE, assert_judged_pages_in, collection_pages

sys.path.insert(0, str(RELEVANCE))
import evaluate  # noqa: E402

# derived file -> the judgments files its sources may come from (same pages)
DERIVED = {
    "judgments_typo_starter.yaml": {"judgments.yaml"},
    "judgments_typo_field.yaml": {"judgments_field.yaml", "judgments_tune2.yaml"},
    "judgments_typo_tune3.yaml": {"judgments_tune3.yaml"},
    "judgments_typo_tune10.yaml": {"judgments_tune10.yaml"},  # session 19
    "judgments_typo_tune11.yaml": {"judgments_tune11.yaml"},  # session 19
}
# The derived sets written after every other judgments file: none of their queries has the analysed terms of another
# file's query (the session 6 sets were not made against this, and are not listed).
OWN_TERMS = ("judgments_typo_tune10.yaml", "judgments_typo_tune11.yaml")
# morphology: a kind only the later tuning sets (tune11) have; the session 6 sets have none
SOURCE_KINDS = {"topical", "compound", "morphology", "multi", "place", "title", "question"}
RULE = re.compile(r"^[a-z/]+(?: [a-z/]+)*$")
MAX_EDITS = 4  # one typo per query, two in some long ones; a split or join costs one


def _queries(name: str) -> list[dict]:
    return yaml.safe_load((RELEVANCE / name).read_text(encoding="utf-8"))["queries"]


def _rules_listed(name: str) -> set[str]:
    """The rule names the file's header lists (lines '#   name   explanation')."""
    header = (RELEVANCE / name).read_text(encoding="utf-8").split("queries:")[0]
    names = set()
    for line in header.splitlines():
        found = re.match(r"#   (\S+(?: \S+)*?)  ", line)
        if found:
            names.update(found.group(1).split())
    return names


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_every_derived_query_is_a_misspelled_tuning_query_with_its_judgments(name):
    sources = {file: {item["query"]: item for item in _queries(file)} for file in DERIVED[name]}
    listed = _rules_listed(name)
    seen = set()
    for item in _queries(name):
        assert (item["kind"], item["split"]) == ("typo", "tune"), item["query"]
        assert item["source_file"] in DERIVED[name], item["query"]
        source = sources[item["source_file"]].get(item["source"])
        assert source is not None, f"{item['query']!r}: no query {item['source']!r} in {item['source_file']}"
        assert source.get("split", "tune") == "tune", f"{item['source']!r} is not a tuning query"
        assert source["kind"] == item["source_kind"] and source["kind"] in SOURCE_KINDS, item["source"]
        assert item["relevant"] == source["relevant"], f"{item['query']!r}: judgments differ from its source"
        assert item["query"] != item["source"]
        assert 0 < distance(fold(item["query"]), fold(item["source"])) <= MAX_EDITS, item["query"]
        assert set(item["rules"].split()) <= listed, f"{item['query']!r}: a rule the header does not list"
        assert (item["source_file"], item["source"]) not in seen, f"{item['source']!r} derived twice"
        seen.add((item["source_file"], item["source"]))


def test_the_derived_sets_are_large_enough_to_tell_typo_handling_apart():
    assert sum(len(_queries(name)) for name in DERIVED) >= 80
    for name in DERIVED:
        kinds = {item["source_kind"] for item in _queries(name)}
        assert len(kinds) >= 4, name


def _terms(query: str) -> tuple[str, ...]:
    """What the engine searches for: the query's analysed terms, as a set."""
    return tuple(sorted(set(analysis.analyze_query(query))))


@pytest.mark.parametrize("name", OWN_TERMS)
def test_a_later_derived_querys_typo_changes_what_is_searched_for(name):
    """A variant with the analysed terms of a judged query (its source: a dropped accent, a doubled final consonant
    the stemmer undoubles; or any other file's query) searches for that query again, not a misspelling of it."""
    others = {_terms(item["query"]): f"{path.name}: {item['query']!r}"
              for path in sorted(RELEVANCE.glob("judgments*.yaml")) if path.name != name
              for item in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]}
    assert len(others) >= 800
    own = [_terms(item["query"]) for item in _queries(name)]
    repeated = {item["query"]: others[terms] for item, terms in zip(_queries(name), own) if terms in others}
    assert not repeated, repeated
    assert len(set(own)) == len(own)


@pytest.mark.parametrize("name", OWN_TERMS)
def test_a_later_derived_set_misspells_every_tuning_query_of_its_source_but_its_typos(name):
    """tune10 and tune11 derived whole: every source query of the kinds misspelled once, so that the set's kinds
    and places stand as in the source set."""
    (source,) = DERIVED[name]
    wanted = {item["query"] for item in _queries(source) if item["kind"] in SOURCE_KINDS}
    assert {item["source"] for item in _queries(name)} == wanted
    assert sum("place" in item["rules"].split() for item in _queries(name)) >= 5


@pytest.mark.parametrize("flag, name, folder", [
    ("typo-tune10", "judgments_typo_tune10.yaml", "collection_tune10"),
    ("typo-tune11", "judgments_typo_tune11.yaml", "collection_tune11"),
])
def test_a_later_derived_set_is_a_named_set_over_its_sources_collection(flag, name, folder):
    """evaluate.py --typo-tune10 / --typo-tune11 run the derived queries over their source's pages, which hold
    every page they grade; their starter documents were never pooled (no grades under any key)."""
    collection, judgments, _ = evaluate.NAMED_SETS[flag]
    assert (collection, judgments) == (RELEVANCE / folder, RELEVANCE / name)
    assert_judged_pages_in(collection_pages(collection), _queries(name))
    assert not any(name in (evaluate.starter_grades(key)) for key in
                   (evaluate.TUNING_KEY, evaluate.HELD_OUT_KEY, evaluate.CHECK_KEY))
