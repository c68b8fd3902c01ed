"""tuning_runs.py: every tuning set's queries one by one, and two runs compared. It must never run a check set, and
its comparison must count every query run that both runs hold, up and down."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "relevance"))
import tuning_runs  # noqa: E402
from judged_sets import SETS  # noqa: E402
from tuning_runs import QueryRun  # noqa: E402

OUTPUT = """53 judged queries (benchmarks/relevance/judgments_tune2.yaml)
nDCG@10 per kind of query; per engine the columns tune / all
                     n    kennisplatform
overall          53/53     0.961   0.961

per query: nDCG@10 kennisplatform
  [title/tune] "cultuur om de hoek succes in 's-Gravendeel": 0.968
  [question/tune] 'wat is het cultuurmenu': 1.000
"""


def test_only_sets_that_may_be_read_one_by_one_are_run():
    names = tuning_runs.tuning_sets()
    assert "field" in names and "tune2" in names
    assert not {s.name for s in SETS if s.check} & set(names)  # fresh, fresh60 ... never


def test_the_per_query_lines_of_an_evaluate_output_are_read_with_their_kind():
    scores = tuning_runs.per_query_scores(OUTPUT)
    assert scores == {("title", "\"cultuur om de hoek succes in 's-Gravendeel\""): 0.968,
                      ("question", "'wat is het cultuurmenu'"): 1.0}


def test_a_run_folder_is_read_per_set_and_mode(tmp_path):
    (tmp_path / "tune2.beside.txt").write_text(OUTPUT, encoding="utf-8")
    (tmp_path / "typo-field.alone.txt").write_text(OUTPUT, encoding="utf-8")
    runs = tuning_runs.load_run(tmp_path)
    assert QueryRun("tune2", "beside", "question", "'wat is het cultuurmenu'") in runs
    assert QueryRun("typo-field", "alone", "question", "'wat is het cultuurmenu'") in runs
    assert len(runs) == 4


def test_two_runs_are_compared_query_by_query_and_per_mode():
    up = QueryRun("tune2", "alone", "title", "a")
    down = QueryRun("tune2", "beside", "title", "a")
    same = QueryRun("tune3", "alone", "multi", "b")
    only_in_a = QueryRun("tune4", "alone", "multi", "c")
    comparison = tuning_runs.compare({up: 0.5, down: 0.9, same: 1.0, only_in_a: 0.2},
                                     {up: 0.75, down: 0.8, same: 1.0})
    assert (comparison.up(), comparison.down()) == (1, 1)
    assert round(comparison.total(), 6) == 0.15
    assert round(comparison.total("beside"), 6) == -0.1
    assert [run for _, run in comparison.moved()] == [down, up]
    report = tuning_runs.report(comparison, queries=True)
    assert report.splitlines()[0] == "3 query runs: summed +0.150, 1 up, 1 down"
    assert "tune2.alone [title] a  (0.500 -> 0.750)" in report
