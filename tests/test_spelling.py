"""Spelling correction of single words, without an index (the `indexed` check is a plain function)."""
from __future__ import annotations

from kennisplatform.spelling import closest_word, one_edit


def anything(_stem: str) -> bool:
    return True


def test_one_edit_covers_deletion_insertion_substitution_and_swap():
    edits = one_edit("kunst")
    assert {"kust", "kunsst", "kinst", "knust"} <= edits
    assert "kusnt" in edits and "ukns" not in edits


def test_a_swap_of_neighbours_is_one_edit():
    assert closest_word("onderwjis", anything) == "onderwijs"
    assert closest_word("zichtbaarhied", anything) == "zichtbaarheid"


def test_a_compound_is_corrected_in_its_last_part():
    assert closest_word("muziekonderwjis", anything) == "muziekonderwijs"


def test_two_edits_for_longer_words_when_one_finds_nothing():
    assert closest_word("cultuuredukatia", anything) == "cultuureducatie"


def test_only_words_whose_stem_the_index_contains():
    assert closest_word("onderwjis", lambda stem: False) is None
    assert closest_word("qqqqqqqq", anything) is None
