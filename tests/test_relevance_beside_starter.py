"""The starter documents graded for queries measured beside the bundled corpus (beside_starter_grades.yaml) stay what
they claim to be: grades of starter documents, in three pools kept apart. Under `judgments` the tuning queries' grades
(field tune half, tune2, tune3, tune4, tune5, tune6, the title sets of session 11, tune7, tune8, tune9, tune10, tune11,
tune12, tune13, tune14, tune15); under `held_out` the field set's held-out queries' grades, pooled separately; under `check` the grades of the
check sets made to be measured beside the bundled corpus (fresh8, session 8; fresh9, session 10; fresh10, session 11;
fresh11, session 12; fresh12 and fresh13, session 13; fresh14, session 14; fresh15, session 15; fresh16, session 16;
fresh17, session 17; fresh18 and fresh19, session 18; fresh20, session 19; fresh21, session 20; fresh22, session 21;
fresh23, session 22; fresh24, session 23; fresh25, session 24; fresh26 and fresh27, session 28),
pooled separately again, each under its judgments file's name. evaluate.py --beside-starter merges each pool into its
own queries' grades and no other's; alone, or with --no-starter-grades, nothing is merged; the older check sets (fresh
to fresh7) are never pooled."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from kennisplatform.corpus import read_corpus
from test_relevance_collection import RELEVANCE, REPO

sys.path.insert(0, str(RELEVANCE))
import evaluate  # noqa: E402
from evaluate import Judged  # noqa: E402

POOLED = RELEVANCE / "beside_starter_grades.yaml"
# the tuning sets pooled, by judgments file (the field set's tune half only)
TUNING_FILES = {"judgments_field.yaml", "judgments_tune2.yaml", "judgments_tune3.yaml", "judgments_tune4.yaml",
                "judgments_tune5.yaml", "judgments_tune6.yaml", "judgments_tune7.yaml", "judgments_tune8.yaml",
                "judgments_tune9.yaml", "judgments_tune10.yaml", "judgments_tune11.yaml",
                "judgments_tune12.yaml", "judgments_tune13.yaml", "judgments_tune14.yaml",
                "judgments_tune15.yaml"}
# the derived title sets (session 11), pooled as tuning sets, every query
TITLE_FILES = {"judgments_titles_tune3.yaml", "judgments_titles_tune4.yaml", "judgments_titles_tune5.yaml"}
# the derived compound and elided sets (session 29), pooled as tuning sets, every query (the typo sets take their
# source queries' grades instead)
DERIVED_FILES = {"judgments_compound_field.yaml", "judgments_compound_tune3.yaml", "judgments_elided_field.yaml",
                 "judgments_elided_tune5.yaml"}
# the sets whose held-out half was pooled, separately
HELD_OUT_FILES = {"judgments_field.yaml"}
# the check sets pooled (every query), separately again: judgments file -> the split of its queries; every row of
# judged_sets.py marked pooled, whose pool is graded before the row lands
CHECK_FILES = {evaluate.BY_NAME[name].judgments.name: name for name in evaluate.CHECK_SETS}


def _data() -> dict:
    return yaml.safe_load(POOLED.read_text(encoding="utf-8"))


def _pooled() -> dict[str, dict[str, dict[str, int]]]:
    return _data()[evaluate.TUNING_KEY]


def _held_out() -> dict[str, dict[str, dict[str, int]]]:
    return _data()[evaluate.HELD_OUT_KEY]


def _check() -> dict[str, dict[str, dict[str, int]]]:
    return _data()[evaluate.CHECK_KEY]


def _pools() -> tuple[dict[str, dict[str, dict[str, int]]], ...]:
    return _pooled(), _held_out(), _check()


def _queries(name: str, split: str) -> set[str]:
    queries = yaml.safe_load((RELEVANCE / name).read_text(encoding="utf-8"))["queries"]
    return {str(q["query"]) for q in queries if q.get("split") == split}


def _starter_ids() -> set[str]:
    return {d.id for d in read_corpus(REPO / "corpus")[0]}


def test_the_file_has_the_three_pools_and_nothing_else():
    assert set(_data()) == {evaluate.TUNING_KEY, evaluate.HELD_OUT_KEY, evaluate.CHECK_KEY}


def test_every_graded_document_is_a_starter_document():
    starter = _starter_ids()
    for pool in _pools():
        graded = {doc for by_query in pool.values() for grades in by_query.values() for doc in grades}
        assert graded and graded <= starter, sorted(graded - starter)


def test_every_query_is_a_tuning_query_of_the_file_it_names():
    pooled = _pooled()
    assert set(pooled) <= TUNING_FILES | TITLE_FILES | DERIVED_FILES
    assert DERIVED_FILES <= set(pooled)
    for name, by_query in pooled.items():
        tuning = _queries(name, "tune")
        assert set(by_query) <= tuning, (name, sorted(set(by_query) - tuning))


def test_every_pooled_held_out_query_is_a_held_out_query_of_the_field_set():
    held_out = _held_out()
    assert set(held_out) == HELD_OUT_FILES
    heldout = _queries("judgments_field.yaml", "heldout")
    assert heldout and set(held_out["judgments_field.yaml"]) <= heldout, \
        sorted(set(held_out["judgments_field.yaml"]) - heldout)


@pytest.mark.parametrize("name", ["judgments_tune5.yaml", "judgments_tune6.yaml", "judgments_tune7.yaml",
                                  "judgments_tune8.yaml", "judgments_tune9.yaml", "judgments_tune10.yaml",
                                  "judgments_tune11.yaml", "judgments_tune12.yaml", "judgments_tune13.yaml",
                                  "judgments_tune14.yaml", "judgments_tune15.yaml"])
def test_a_later_tuning_set_is_pooled_for_its_tuning_queries_with_starter_documents(name):
    pooled = _pooled()[name]
    tuning = _queries(name, "tune")
    assert pooled and set(pooled) <= tuning, sorted(set(pooled) - tuning)
    graded = {doc for grades in pooled.values() for doc in grades}
    assert graded <= _starter_ids(), sorted(graded - _starter_ids())


def test_the_title_sets_are_pooled_for_every_query_with_starter_documents():
    """Each derived title set is a tuning set that evaluate.py --beside-starter measures: every one of its queries had
    a pool (none was empty), graded by starter id, some of them above 0."""
    pooled = _pooled()
    starter = _starter_ids()
    for name in sorted(TITLE_FILES):
        assert set(pooled.get(name, {})) == _queries(name, "tune"), name
        graded = {doc: grade for grades in pooled[name].values() for doc, grade in grades.items()}
        assert set(graded) <= starter and any(graded.values()), name


def test_every_set_pooled_as_tuning_material_is_a_named_tuning_set():
    """pool_beside_starter.py pools the tune split of each of POOLED_SETS under `judgments`: each must be a set
    evaluate.py runs, with tuning queries, whose grades the tests above keep to their file (TUNING_FILES,
    TITLE_FILES, DERIVED_FILES)."""
    import pool_beside_starter
    assert {"tune6", "tune7", "tune8", "tune9", "tune10", "tune11", "tune12", "tune13", "tune14",
            "tune15"} <= set(
        pool_beside_starter.POOLED_SETS)
    for name in pool_beside_starter.POOLED_SETS:
        _, judgments, _ = evaluate.NAMED_SETS[name]
        assert judgments.name in TUNING_FILES | TITLE_FILES | DERIVED_FILES and _queries(judgments.name, "tune"), name


def test_no_check_set_is_pooled_as_tuning_or_held_out_material():
    for pool in (_pooled(), _held_out()):
        assert not any(name.startswith("judgments_fresh") for name in pool)


def test_the_check_pool_names_only_its_sets_queries_and_existing_starter_documents():
    """Under `check`: only the judgments files of the check sets pooled, each with only queries that set has (of its
    own split), and only documents of the bundled corpus; fresh to fresh7 stay unpooled."""
    check = _check()
    assert set(check) == set(CHECK_FILES)
    starter = _starter_ids()
    for name, split in CHECK_FILES.items():
        queries = _queries(name, split)
        assert queries and check[name] and set(check[name]) <= queries, sorted(set(check[name]) - queries)
        graded = {doc for grades in check[name].values() for doc in grades}
        assert graded and graded <= starter, sorted(graded - starter)


def test_grades_are_on_the_judging_scale_and_each_pool_keeps_its_zeros():
    for pool in _pools():
        grades = [g for by_query in pool.values() for graded in by_query.values() for g in graded.values()]
        assert all(isinstance(g, int) and not isinstance(g, bool) for g in grades)
        assert set(grades) <= {0, 1, 2, 3}
        assert 0 in grades and any(g > 0 for g in grades)  # the pool is known, not only the relevant part


def _write_pools(path: Path) -> Path:
    path.write_text(yaml.safe_dump({
        evaluate.TUNING_KEY: {"judgments_x.yaml": {
            "erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 3, "dansleerlijn-basisscholen-papendrecht": 0},
            "dans": {"dansleerlijn-basisscholen-papendrecht": 2}}},
        evaluate.HELD_OUT_KEY: {"judgments_x.yaml": {
            "erfgoed": {"erfgoedleerlijn-leiden-musea-en-scholen": 1},
            "muziek": {"studiedag-muziekonderwijs-gouda-2015-02-12": 2}}},
        evaluate.CHECK_KEY: {"judgments_x.yaml": {
            "erfgoed": {"icc-netwerkbijeenkomst-erfgoedleerlijn-dordrecht-2014-05-22": 2},
            "film": {"filmklas-weerbaarheid-zwijndrecht-vo": 3}}},
    }), encoding="utf-8")
    return path


def _queries_x() -> dict[str, Judged]:
    return {
        "tune": Judged("erfgoed", "topical", {"page-a": 3}, "tune"),
        # a held-out query whose words a tuning query has too: only the held-out pool's grades join it
        "heldout": Judged("dans", "topical", {"page-b": 2}, "heldout"),
        "heldout_pooled": Judged("muziek", "topical", {"page-c": 1}, "heldout"),
        "unpooled": Judged("theater", "topical", {"page-d": 1}, "tune"),
        # a check set's query (a split of its own): only the check pool's grades join it
        "check": Judged("film", "topical", {"page-e": 1}, "fresh8"),
        "check_same_words": Judged("erfgoed", "topical", {"page-f": 1}, "fresh8"),
        "check_unpooled": Judged("dans", "topical", {"page-g": 1}, "fresh8"),
    }


def test_beside_starter_merges_each_pool_into_its_own_half_only(tmp_path: Path):
    pooled = _write_pools(tmp_path / "pooled.yaml")
    q = _queries_x()
    covered = evaluate.with_starter_grades(list(q.values()), RELEVANCE / "judgments_x.yaml", pooled)
    assert covered == 4
    assert q["tune"].grades == {"page-a": 3, "erfgoedleerlijn-schiedam-jenever-en-molens": 3,
                                "dansleerlijn-basisscholen-papendrecht": 0}
    assert q["heldout"].grades == {"page-b": 2}  # the tuning pool's "dans" is not this held-out query's
    assert q["heldout_pooled"].grades == {"page-c": 1, "studiedag-muziekonderwijs-gouda-2015-02-12": 2}
    assert q["unpooled"].grades == {"page-d": 1}
    assert q["check"].grades == {"page-e": 1, "filmklas-weerbaarheid-zwijndrecht-vo": 3}
    # the tuning and held-out pools' "erfgoed" are not this check query's; the check pool's is
    assert q["check_same_words"].grades == {"page-f": 1,
                                            "icc-netwerkbijeenkomst-erfgoedleerlijn-dordrecht-2014-05-22": 2}
    assert q["check_unpooled"].grades == {"page-g": 1}  # the tuning pool's "dans" is not a check query's
    # a starter document graded 3 in the first place makes the ranking that leads with it perfect
    assert evaluate.ndcg(["erfgoedleerlijn-schiedam-jenever-en-molens", "page-a"], q["tune"].grades) == 1.0


def test_a_file_without_halves_takes_the_tuning_pool_only(tmp_path: Path):
    pooled = _write_pools(tmp_path / "pooled.yaml")
    whole = Judged("muziek", "topical", {"page-c": 1})  # split "all": a file without halves, tuning material
    assert evaluate.with_starter_grades([whole], RELEVANCE / "judgments_x.yaml", pooled) == 0
    assert whole.grades == {"page-c": 1}


def test_a_typo_query_takes_its_source_querys_tuning_grades(tmp_path: Path):
    """A typo set's query is graded as the query it meant (its `source` in `source_file`): beside the bundled corpus it
    takes that query's pooled starter grades, not only its pages'; without them every starter document it found
    counted as not relevant (typo-field beside 0.842 at dba96f1; 0.912 with them). Never a held-out query's."""
    pooled = _write_pools(tmp_path / "pooled.yaml")
    typo = Judged("erfgood", "typo", {"page-a": 3}, "tune", ("judgments_x.yaml", "erfgoed"))
    held = Judged("muzeik", "typo", {"page-c": 1}, "heldout", ("judgments_x.yaml", "muziek"))
    lost = Judged("dnas", "typo", {"page-b": 2}, "tune", ("judgments_y.yaml", "dans"))
    assert evaluate.with_starter_grades([typo, held, lost], RELEVANCE / "judgments_typo_x.yaml", pooled) == 1
    assert typo.grades == {"page-a": 3, "erfgoedleerlijn-schiedam-jenever-en-molens": 3,
                           "dansleerlijn-basisscholen-papendrecht": 0}
    assert held.grades == {"page-c": 1} and lost.grades == {"page-b": 2}


def test_the_typo_sets_name_their_source_queries_for_the_starter_grades():
    judged, _ = evaluate.load_judged(RELEVANCE / "judgments_typo_tune10.yaml", None)
    assert judged and all(item.source and item.source[0] == "judgments_tune10.yaml" for item in judged)
    first = next(item for item in judged if item.query.startswith("wat kost een kultuurcoach"))
    assert first.source[1] == "wat kost een cultuurcoach de gemeente en wie betaalt de rest"


def test_the_grades_are_merged_only_beside_the_starter_corpus(tmp_path: Path):
    pooled = _write_pools(tmp_path / "pooled.yaml")
    name = RELEVANCE / "judgments_x.yaml"
    for beside, graded in ((False, True), (True, False), (False, False)):  # alone, --no-starter-grades
        q = _queries_x()
        assert evaluate.starter_grades_if_beside(list(q.values()), name, beside, graded, pooled) is None
        assert q["tune"].grades == {"page-a": 3} and q["heldout_pooled"].grades == {"page-c": 1}
        assert q["check"].grades == {"page-e": 1}
    q = _queries_x()
    assert evaluate.starter_grades_if_beside(list(q.values()), name, True, True, pooled) == 4
    assert "studiedag-muziekonderwijs-gouda-2015-02-12" in q["heldout_pooled"].grades
    assert "filmklas-weerbaarheid-zwijndrecht-vo" in q["check"].grades


def test_each_check_set_takes_only_the_check_grades_under_its_own_file(tmp_path: Path):
    """fresh8 to fresh25 share the key `check`: a query of one takes the grades filed under its own
    judgments file, never those of the same query text filed under another's."""
    pooled = tmp_path / "pooled.yaml"
    pooled.write_text(yaml.safe_dump({evaluate.CHECK_KEY: {
        "judgments_fresh8.yaml": {"erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 3}},
        "judgments_fresh9.yaml": {"erfgoed": {"dansleerlijn-basisscholen-papendrecht": 1}},
        "judgments_fresh10.yaml": {"erfgoed": {"filmklas-weerbaarheid-zwijndrecht-vo": 2}},
        "judgments_fresh11.yaml": {"erfgoed": {"dansleerlijn-basisscholen-papendrecht": 3}},
        "judgments_fresh12.yaml": {"erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 1}},
        "judgments_fresh13.yaml": {"erfgoed": {"filmklas-weerbaarheid-zwijndrecht-vo": 3}},
        "judgments_fresh14.yaml": {"erfgoed": {"dansleerlijn-basisscholen-papendrecht": 2}},
        "judgments_fresh15.yaml": {"erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 2}},
        "judgments_fresh16.yaml": {"erfgoed": {"filmklas-weerbaarheid-zwijndrecht-vo": 1}},
        "judgments_fresh17.yaml": {"erfgoed": {"dansleerlijn-basisscholen-papendrecht": 3,
                                               "filmklas-weerbaarheid-zwijndrecht-vo": 2}},
        "judgments_fresh18.yaml": {"erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 1,
                                               "dansleerlijn-basisscholen-papendrecht": 2}},
        "judgments_fresh19.yaml": {"erfgoed": {"filmklas-weerbaarheid-zwijndrecht-vo": 3,
                                               "erfgoedleerlijn-schiedam-jenever-en-molens": 2}},
        "judgments_fresh20.yaml": {"erfgoed": {"dansleerlijn-basisscholen-papendrecht": 3}},
        "judgments_fresh21.yaml": {"erfgoed": {"filmklas-weerbaarheid-zwijndrecht-vo": 1}},
        "judgments_fresh22.yaml": {"erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 3,
                                               "filmklas-weerbaarheid-zwijndrecht-vo": 1}},
        "judgments_fresh23.yaml": {"erfgoed": {"dansleerlijn-basisscholen-papendrecht": 1,
                                               "erfgoedleerlijn-schiedam-jenever-en-molens": 2}},
        "judgments_fresh24.yaml": {"erfgoed": {"filmklas-weerbaarheid-zwijndrecht-vo": 3,
                                               "dansleerlijn-basisscholen-papendrecht": 2}},
        "judgments_fresh25.yaml": {"erfgoed": {"erfgoedleerlijn-schiedam-jenever-en-molens": 1}},
    }}), encoding="utf-8")
    eighth = Judged("erfgoed", "topical", {"page-a": 2}, "fresh8")
    ninth = Judged("erfgoed", "topical", {"page-b": 2}, "fresh9")
    tenth = Judged("erfgoed", "topical", {"page-c": 2}, "fresh10")
    eleventh = Judged("erfgoed", "topical", {"page-d": 1}, "fresh11")
    twelfth = Judged("erfgoed", "topical", {"page-e": 3}, "fresh12")
    thirteenth = Judged("erfgoed", "topical", {"page-f": 2}, "fresh13")
    fourteenth = Judged("erfgoed", "topical", {"page-g": 1}, "fresh14")
    fifteenth = Judged("erfgoed", "topical", {"page-h": 3}, "fresh15")
    sixteenth = Judged("erfgoed", "topical", {"page-i": 2}, "fresh16")
    seventeenth = Judged("erfgoed", "topical", {"page-j": 1}, "fresh17")
    eighteenth = Judged("erfgoed", "topical", {"page-k": 3}, "fresh18")
    nineteenth = Judged("erfgoed", "topical", {"page-l": 2}, "fresh19")
    twentieth = Judged("erfgoed", "topical", {"page-m": 1}, "fresh20")
    twenty_first = Judged("erfgoed", "topical", {"page-n": 2}, "fresh21")
    twenty_second = Judged("erfgoed", "topical", {"page-o": 1}, "fresh22")
    twenty_third = Judged("erfgoed", "topical", {"page-p": 3}, "fresh23")
    twenty_fourth = Judged("erfgoed", "topical", {"page-q": 2}, "fresh24")
    twenty_fifth = Judged("erfgoed", "topical", {"page-r": 3}, "fresh25")
    assert evaluate.with_starter_grades([eighth], RELEVANCE / "judgments_fresh8.yaml", pooled) == 1
    assert evaluate.with_starter_grades([ninth], RELEVANCE / "judgments_fresh9.yaml", pooled) == 1
    assert evaluate.with_starter_grades([tenth], RELEVANCE / "judgments_fresh10.yaml", pooled) == 1
    assert evaluate.with_starter_grades([eleventh], RELEVANCE / "judgments_fresh11.yaml", pooled) == 1
    assert evaluate.with_starter_grades([twelfth], RELEVANCE / "judgments_fresh12.yaml", pooled) == 1
    assert evaluate.with_starter_grades([thirteenth], RELEVANCE / "judgments_fresh13.yaml", pooled) == 1
    assert evaluate.with_starter_grades([fourteenth], RELEVANCE / "judgments_fresh14.yaml", pooled) == 1
    assert evaluate.with_starter_grades([fifteenth], RELEVANCE / "judgments_fresh15.yaml", pooled) == 1
    assert evaluate.with_starter_grades([sixteenth], RELEVANCE / "judgments_fresh16.yaml", pooled) == 1
    assert evaluate.with_starter_grades([seventeenth], RELEVANCE / "judgments_fresh17.yaml", pooled) == 1
    assert evaluate.with_starter_grades([eighteenth], RELEVANCE / "judgments_fresh18.yaml", pooled) == 1
    assert evaluate.with_starter_grades([nineteenth], RELEVANCE / "judgments_fresh19.yaml", pooled) == 1
    assert evaluate.with_starter_grades([twentieth], RELEVANCE / "judgments_fresh20.yaml", pooled) == 1
    assert evaluate.with_starter_grades([twenty_first], RELEVANCE / "judgments_fresh21.yaml", pooled) == 1
    assert evaluate.with_starter_grades([twenty_second], RELEVANCE / "judgments_fresh22.yaml", pooled) == 1
    assert evaluate.with_starter_grades([twenty_third], RELEVANCE / "judgments_fresh23.yaml", pooled) == 1
    assert evaluate.with_starter_grades([twenty_fourth], RELEVANCE / "judgments_fresh24.yaml", pooled) == 1
    assert evaluate.with_starter_grades([twenty_fifth], RELEVANCE / "judgments_fresh25.yaml", pooled) == 1
    assert eighth.grades == {"page-a": 2, "erfgoedleerlijn-schiedam-jenever-en-molens": 3}
    assert ninth.grades == {"page-b": 2, "dansleerlijn-basisscholen-papendrecht": 1}
    assert tenth.grades == {"page-c": 2, "filmklas-weerbaarheid-zwijndrecht-vo": 2}
    assert eleventh.grades == {"page-d": 1, "dansleerlijn-basisscholen-papendrecht": 3}
    assert twelfth.grades == {"page-e": 3, "erfgoedleerlijn-schiedam-jenever-en-molens": 1}
    assert thirteenth.grades == {"page-f": 2, "filmklas-weerbaarheid-zwijndrecht-vo": 3}
    assert fourteenth.grades == {"page-g": 1, "dansleerlijn-basisscholen-papendrecht": 2}
    assert fifteenth.grades == {"page-h": 3, "erfgoedleerlijn-schiedam-jenever-en-molens": 2}
    assert sixteenth.grades == {"page-i": 2, "filmklas-weerbaarheid-zwijndrecht-vo": 1}
    assert seventeenth.grades == {"page-j": 1, "dansleerlijn-basisscholen-papendrecht": 3,
                                  "filmklas-weerbaarheid-zwijndrecht-vo": 2}
    assert eighteenth.grades == {"page-k": 3, "erfgoedleerlijn-schiedam-jenever-en-molens": 1,
                                 "dansleerlijn-basisscholen-papendrecht": 2}
    assert nineteenth.grades == {"page-l": 2, "filmklas-weerbaarheid-zwijndrecht-vo": 3,
                                 "erfgoedleerlijn-schiedam-jenever-en-molens": 2}
    assert twentieth.grades == {"page-m": 1, "dansleerlijn-basisscholen-papendrecht": 3}
    assert twenty_first.grades == {"page-n": 2, "filmklas-weerbaarheid-zwijndrecht-vo": 1}
    assert twenty_second.grades == {"page-o": 1, "erfgoedleerlijn-schiedam-jenever-en-molens": 3,
                                    "filmklas-weerbaarheid-zwijndrecht-vo": 1}
    assert twenty_third.grades == {"page-p": 3, "dansleerlijn-basisscholen-papendrecht": 1,
                                   "erfgoedleerlijn-schiedam-jenever-en-molens": 2}
    assert twenty_fourth.grades == {"page-q": 2, "filmklas-weerbaarheid-zwijndrecht-vo": 3,
                                    "dansleerlijn-basisscholen-papendrecht": 2}
    assert twenty_fifth.grades == {"page-r": 3, "erfgoedleerlijn-schiedam-jenever-en-molens": 1}


def test_every_check_set_that_can_be_pooled_is_a_named_set_split_by_its_name():
    """pool_beside_starter.py --check NAME pools the queries of split NAME of NAMED_SETS[NAME]: every name it offers
    must be a set evaluate.py runs, whose queries all carry that split."""
    import pool_beside_starter
    assert {"fresh8", "fresh9", "fresh10", "fresh25", "fresh26", "fresh27"} <= set(pool_beside_starter.CHECK_SETS)
    assert pool_beside_starter.CHECK_SETS == evaluate.CHECK_SETS
    for name in pool_beside_starter.CHECK_SETS:
        _, judgments, _ = evaluate.NAMED_SETS[name]
        assert _queries(judgments.name, name) == {
            str(q["query"]) for q in yaml.safe_load(judgments.read_text(encoding="utf-8"))["queries"]}


def test_a_check_set_without_a_pool_keeps_its_starter_documents_unjudged(tmp_path: Path):
    """fresh to fresh7 were never pooled: beside the starter corpus their queries get no starter grades."""
    pooled = _write_pools(tmp_path / "pooled.yaml")
    older = Judged("film", "topical", {"page-e": 1}, "fresh7")
    assert evaluate.with_starter_grades([older], RELEVANCE / "judgments_fresh7.yaml", pooled) == 0
    assert older.grades == {"page-e": 1}
