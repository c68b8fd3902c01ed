"""evaluate.py --peer-losses: the tuning queries a peer ranks better, with the rankings side by side. It must
never print a held-out (or check-set) query one by one: those judge changes and nobody tunes on them."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "relevance"))
import evaluate  # noqa: E402
from evaluate import Judged, Scores  # noqa: E402

TITLES = {"a": "De onthouden titel", "b": "Een verwante pagina", "c": "Iets anders"}


def scores(ranking: list[str], grades: dict[str, int]) -> Scores:
    return Scores(evaluate.ndcg(ranking, grades), evaluate.reciprocal_rank(ranking, grades),
                  evaluate.recall(ranking, grades), ranking)


def results_for(judged: list[Judged], ours: list[str], peer: list[str]) -> dict[str, dict[str, Scores]]:
    return {"ours": {j.query: scores(ours, j.grades) for j in judged},
            "peer": {j.query: scores(peer, j.grades) for j in judged}}


def test_a_tuning_query_a_peer_ranks_better_is_shown_with_both_rankings_and_grades(capsys):
    judged = [Judged("onthouden titel", "title", {"a": 3, "b": 1}, "tune")]
    evaluate.print_peer_losses(judged, results_for(judged, ["a", "c", "b"], ["a", "b", "c"]), TITLES, {"title"})
    out = capsys.readouterr().out
    assert "'onthouden titel'" in out
    second = next(line for line in out.splitlines() if line.strip().startswith("2 "))
    assert "0 Iets anders" in second.split("|")[0] and "1 Een verwante pagina" in second.split("|")[1]
    assert "judged: 3 De onthouden titel; 1 Een verwante pagina" in out


def test_held_out_queries_other_kinds_and_queries_we_win_are_not_shown(capsys):
    judged = [Judged("verborgen vraag", "title", {"a": 3, "b": 1}, "heldout"),
              Judged("andere soort", "multi", {"a": 3, "b": 1}, "tune")]
    evaluate.print_peer_losses(judged, results_for(judged, ["a", "c", "b"], ["a", "b", "c"]), TITLES, {"title"})
    won = [Judged("gewonnen", "title", {"a": 3, "b": 1}, "tune")]
    evaluate.print_peer_losses(won, results_for(won, ["a", "b", "c"], ["a", "c", "b"]), TITLES, set())
    assert capsys.readouterr().out == ""


def test_run_keeps_each_engines_first_ranks():
    class Fixed:
        def rank(self, query: str) -> list[str]:
            return [f"d{i}" for i in range(evaluate.K + 5)]

    judged = [Judged("q", "title", {"d1": 3})]
    assert evaluate.run(Fixed(), judged)["q"].ranking == [f"d{i}" for i in range(evaluate.K)]


def test_a_check_sets_queries_are_never_shown_one_by_one(capsys):
    """A check set (judged_sets: check=True) is read as per-kind summaries only: --per-query and --peer-losses
    count its queries but print none, whatever their split says; a tuning set's queries are printed."""
    check, tuning = evaluate.BY_NAME["fresh60"], evaluate.BY_NAME["fresh25"]
    judged = [Judged("verborgen", "title", {"a": 3, "b": 1}, "fresh60")]
    results = results_for(judged, ["a", "c", "b"], ["a", "b", "c"])
    evaluate.print_per_query(judged, results, check)
    evaluate.print_peer_losses(judged, results, TITLES, set(), check)
    out = capsys.readouterr().out
    assert "verborgen" not in out and "1 queries of the held-out half or of a check set not shown" in out
    evaluate.print_per_query(judged, results, tuning)
    evaluate.print_peer_losses(judged, results, TITLES, set(), tuning)
    assert capsys.readouterr().out.count("'verborgen'") == 2


def test_a_judgments_file_given_by_path_is_known_as_its_set():
    assert evaluate.set_of(evaluate.BY_NAME["fresh60"].judgments).check
    assert evaluate.set_of(Path("elders/judgments_eigen.yaml")) is None
