"""A word that no document has, whole or split, is a part of the compounds the index holds whole: the splitter knows
only parts common enough in wordfreq's list, so a page's "schoolschutterij" is one term. The word finds those
compounds (search.WHOLE_COMPOUND_MIN, analysis.has_part) instead of a spelling correction."""
from __future__ import annotations

import numpy as np
import pytest

from kennisplatform import analysis
from kennisplatform.params import SearchParams
from kennisplatform.sidecars import TermTable

from conftest import articles_engine

# (id, title, body)
DOCS = [
    ("optocht", "Optocht in het dorp", "De schoolschutterij van groep 7 loopt mee in de optocht, in een eigen uniform."),
    ("schutterig", "Verlegen", "Een schutterig kind durft niet op het podium; het toneel helpt daarbij."),
    ("feest", "Feest", "Het schutterijfeest trekt het hele dorp, met muziek van de fanfare."),
    ("toneel", "Toneel", "Toneel in de brugklas: de klas speelt toneel."),
    ("toneelles", "Les", "De toneelles begint om drie uur."),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_the_splitter_leaves_the_compound_whole():
    # What the rule is for: were "schutterij" common enough to be a part, the index would have it as one.
    assert analysis.split_compound("schoolschutterij") == []


def test_a_word_no_document_has_finds_the_compounds_it_is_a_part_of(engine):
    result = engine.search(SearchParams(q="schutterij"))
    assert {hit.id for hit in result.hits} == {"optocht", "feest"}  # last part, and first part
    assert result.relaxation is None  # found as typed: not corrected to "schutterig"
    assert "<mark>schoolschutterij</mark>" in result.hits[[h.id for h in result.hits].index("optocht")].snippet


def test_a_typo_is_corrected_not_searched_in_compounds(engine):
    # "toneeel" is no word of wordfreq's list; its stem "toneel" begins the index's whole term "toneelles".
    result = engine.search(SearchParams(q="toneeel"))
    assert result.relaxation is not None and result.relaxation.kind == "corrected"
    assert result.hits[0].id == "toneel"


def test_a_word_that_documents_have_searches_only_itself(engine):
    assert [hit.id for hit in engine.search(SearchParams(q="uniform")).hits] == ["optocht"]


@pytest.mark.parametrize("term, part, compound", [
    ("schoolschutterij", "schutterij", True),
    ("schutterijfeest", "schutterij", True),
    ("verschutterij", "schutterij", False),  # ver- is a prefix, not a word
    ("xyschutterij", "schutterij", False),  # no word before it
    ("schutterij", "schutterij", False),  # the word itself
])
def test_has_part(term, part, compound):
    assert analysis.has_part(term, part) is compound


def test_a_term_tables_terms_ending_with_a_suffix():
    terms = [b"dans", b"feest", b"schoolschutterij", b"schutterij", b"schutterijfeest"]
    blob = np.frombuffer(b"".join(terms), dtype=np.uint8)
    offsets = np.cumsum([0] + [len(t) for t in terms]).astype(np.int64)
    table = TermTable(blob, offsets, np.zeros(len(terms), dtype=np.uint64), np.arange(len(terms) + 1, dtype=np.int64),
                      np.zeros(len(terms), dtype=np.uint32), np.zeros(len(terms), dtype=np.float32))
    assert table.ending_with("schutterij") == [("schoolschutterij", 1)]  # longer terms only, whole terms only
    assert table.ending_with("feest") == [("schutterijfeest", 1)]
    assert table.ending_with("sfeest") == []  # across two terms ("dans" + "feest") is no term
