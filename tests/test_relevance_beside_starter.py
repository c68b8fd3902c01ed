"""The starter documents graded for queries measured beside the bundled corpus (beside_starter_grades.yaml)
stay what they claim to be: grades of starter documents, for tuning queries only (never a held-out or check-set
query), and evaluate.py --beside-starter merges them into those queries' grades and no other's."""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from kennisplatform.corpus import read_corpus
from test_relevance_collection import RELEVANCE, REPO

sys.path.insert(0, str(RELEVANCE))
import evaluate  # noqa: E402
from evaluate import Judged  # noqa: E402

POOLED = RELEVANCE / "beside_starter_grades.yaml"
# the tuning sets pooled, by judgments file (the field set's tune half only)
TUNING_FILES = {"judgments_field.yaml", "judgments_tune2.yaml", "judgments_tune3.yaml", "judgments_tune4.yaml"}


def _pooled() -> dict[str, dict[str, dict[str, int]]]:
    return yaml.safe_load(POOLED.read_text(encoding="utf-8"))["judgments"]


def test_every_graded_document_is_a_starter_document():
    starter = {d.id for d in read_corpus(REPO / "corpus")[0]}
    graded = {doc for by_query in _pooled().values() for grades in by_query.values() for doc in grades}
    assert graded and graded <= starter, sorted(graded - starter)


def test_every_query_is_a_tuning_query_of_the_file_it_names():
    pooled = _pooled()
    assert set(pooled) <= TUNING_FILES
    for name, by_query in pooled.items():
        queries = yaml.safe_load((RELEVANCE / name).read_text(encoding="utf-8"))["queries"]
        tuning = {str(q["query"]) for q in queries if q.get("split") == "tune"}
        assert set(by_query) <= tuning, (name, sorted(set(by_query) - tuning))


def test_grades_are_on_the_judging_scale_and_the_pool_keeps_its_zeros():
    grades = [g for by_query in _pooled().values() for pool in by_query.values() for g in pool.values()]
    assert set(grades) <= {0, 1, 2, 3}
    assert 0 in grades and any(g > 0 for g in grades)  # the pool is known, not only the relevant part


def test_beside_starter_merges_the_grades_into_tuning_queries_only(tmp_path: Path):
    pooled = tmp_path / "pooled.yaml"
    pooled.write_text(yaml.safe_dump({"judgments": {"judgments_x.yaml": {
        "erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 3, "dansleerlijn-basisscholen-papendrecht": 0},
        "dans": {"dansleerlijn-basisscholen-papendrecht": 2}}}}), encoding="utf-8")
    tune = Judged("erfgoed", "topical", {"page-a": 3}, "tune")
    heldout = Judged("dans", "topical", {"page-b": 2}, "heldout")
    unpooled = Judged("muziek", "topical", {"page-c": 1}, "tune")
    covered = evaluate.with_starter_grades([tune, heldout, unpooled], RELEVANCE / "judgments_x.yaml", pooled)
    assert covered == 1
    assert tune.grades == {"page-a": 3, "erfgoedleerlijn-schiedam-jenever-en-molens": 3,
                           "dansleerlijn-basisscholen-papendrecht": 0}
    assert heldout.grades == {"page-b": 2}
    assert unpooled.grades == {"page-c": 1}
    # a starter document graded 3 in the first place makes the ranking that leads with it perfect
    assert evaluate.ndcg(["erfgoedleerlijn-schiedam-jenever-en-molens", "page-a"], tune.grades) == 1.0
