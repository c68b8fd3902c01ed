"""The compound tuning sets (session 6) stay what they claim to be: tuning queries of the kinds compound and
topical over the field collection's and tune3's pages, every judged page present by its source address, and
none whose terms are those of a held-out or check-set query (tuning on such a copy would tune on the check)."""
from __future__ import annotations

import pytest
import yaml

from kennisplatform import analysis
from test_relevance_collection import COLLECTION, RELEVANCE, assert_judged_pages_in, collection_pages
from test_relevance_tuning_sets import TUNE3, TUNE5

SETS = {
    "judgments_compound_field.yaml": COLLECTION,
    "judgments_compound_tune3.yaml": TUNE3,
    "judgments_elided_field.yaml": COLLECTION,
    "judgments_elided_tune5.yaml": TUNE5,
}
# Sets whose queries, other than the tuning half's, judge changes and are never tuned on.
CHECKED = ["judgments_field.yaml", "judgments_fresh.yaml", "judgments_fresh2.yaml", "judgments_fresh3.yaml"]


def _queries(name: str) -> list[dict]:
    return yaml.safe_load((RELEVANCE / name).read_text(encoding="utf-8"))["queries"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_judged_page_is_one_of_the_collection_it_names(name):
    assert_judged_pages_in(collection_pages(SETS[name]), _queries(name))


def test_compound_sets_are_tuning_queries_of_the_short_kinds_and_enough_of_them():
    everything = [item for name in SETS for item in _queries(name)]
    assert len(everything) >= 30
    assert {item["split"] for item in everything} == {"tune"}
    assert {item["kind"] for item in everything} == {"compound", "topical"}
    assert sum(item["kind"] == "compound" for item in everything) >= 20
    for name in SETS:
        texts = [item["query"] for item in _queries(name)]
        assert len(set(texts)) == len(texts), name
        assert all(len(text.split()) <= 2 for text in texts), name


def test_no_compound_query_has_the_terms_of_a_held_out_or_check_query():
    checked = {tuple(sorted(set(analysis.analyze_query(item["query"]))))
               for name in CHECKED for item in _queries(name) if item.get("split") != "tune"}
    for name in SETS:
        for item in _queries(name):
            terms = tuple(sorted(set(analysis.analyze_query(item["query"]))))
            assert terms not in checked, f"{name}: {item['query']!r} repeats a held-out or check query"
