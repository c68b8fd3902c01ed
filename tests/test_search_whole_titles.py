"""Whole titles and elisions (session 7 of issue 11). A query without function words that is a page's shown
title word for word, or a part of it between separators ("Cultuurmenu VO | Cultuurmenu Den Haag"), brings
that page first, above longer pages that repeat its words. A word with a leading hyphen after "en" / "of" is
the second half of a Dutch elision ("cultuureducatie en -participatie"), not an exclusion."""
from __future__ import annotations

from kennisplatform import search
from kennisplatform.query import parse_query
from kennisplatform.search import whole_title_words

from conftest import articles_engine, hits

# (id, title, body)
DOCS = [
    ("kort", "Training Cultuurcoördinator VO", "Een training in het najaar."),
    # Longer titles with the same words, and texts full of them: BM25F ranks these above the short title.
    *[(f"lang-{n}", f"Pilot {n}: nieuwe training voor de cultuurcoördinator in het VO",
       "De training cultuurcoördinator VO: een training voor elke cultuurcoördinator in het VO.")
      for n in range(3)],
    ("deel", "Cultuurmenu VO | Cultuurmenu Den Haag", "Het menu voor scholen."),
    # Titles that begin with the same words, and texts full of them.
    *[(f"menu-{n}", f"Cultuurmenu VO keuze {n}", "Het cultuurmenu VO: cultuurmenu na cultuurmenu voor het VO.")
      for n in range(3)],
    ("elisie", "Raad voor Cultuur: cultuureducatie en -participatie minder vrijblijvend",
     "Cultuureducatie en cultuurparticipatie in het advies."),
    ("advies", "Advies over cultuureducatie", "Een advies over cultuureducatie en participatie."),
]


engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])


def test_a_title_typed_whole_without_function_words_comes_first(engine):
    assert hits(engine, "training cultuurcoördinator VO")[0] == "kort"


def test_without_the_whole_title_bm25f_put_the_longer_pages_first(engine, monkeypatch):
    monkeypatch.setattr(search, "whole_title_words", lambda text: None)
    assert hits(engine, "training cultuurcoördinator VO")[0] != "kort"


def test_a_part_of_the_title_between_separators_counts_as_the_title(engine, monkeypatch):
    assert hits(engine, "cultuurmenu vo")[0] == "deel"
    monkeypatch.setattr(search, "TITLE_SEPARATORS", search.re.compile(r"(?!)"))  # never splits
    assert hits(engine, "cultuurmenu vo")[0] != "deel"


def test_words_in_another_order_or_one_short_are_no_whole_title(engine):
    assert whole_title_words("VO cultuurmenu") != whole_title_words("Cultuurmenu VO")
    assert whole_title_words("training VO") != whole_title_words("Training Cultuurcoördinator VO")
    # Function words aside and words by their stem: "Visie en beleid" is "visie beleid".
    assert whole_title_words("visie beleid") == whole_title_words("Visie en beleid")
    assert whole_title_words("trainingen") is None  # one word is no title


def test_a_hyphenated_word_after_en_is_an_elision_not_an_exclusion(engine):
    parsed = parse_query("cultuureducatie en -participatie")
    assert [g.text for g in parsed.groups] == ["cultuureducatie", "participatie"] and not parsed.excluded
    assert hits(engine, "raad voor cultuur cultuureducatie en -participatie minder vrijblijvend")[0] == "elisie"


def test_a_hyphenated_word_elsewhere_still_excludes(engine):
    parsed = parse_query("cultuureducatie -participatie")
    assert [c.text for c in parsed.excluded] == ["participatie"]
    assert "advies" not in hits(engine, "cultuureducatie -participatie")
    assert [c.text for c in parse_query('"en" -participatie').excluded] == ["participatie"]
