"""Whole titles and elisions (session 7 of issue 11). A query without function words that is a page's shown
title word for word (or in another order), or a part of it between separators ("Cultuurmenu VO | Cultuurmenu
Den Haag"), brings that page first, above longer pages that repeat its words; so does a title typed a word
short ("Programma Onderwijs" for "Programma 4 Onderwijs"), after the whole ones. A word with a leading hyphen after "en" / "of" is
the second half of a Dutch elision ("cultuureducatie en -participatie"), not an exclusion."""
from __future__ import annotations

from kennisplatform import search
from kennisplatform.corpus import taxonomy_for
from kennisplatform.index import update_index
from kennisplatform.query import parse_query
from kennisplatform.search import whole_title_words

from conftest import articles_engine, engine_over_articles, hits, write_document

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
    # The same words in the other order, in a text that repeats them.
    ("omgekeerd", "VO cultuurmenu", "Cultuurmenu VO, cultuurmenu VO: het cultuurmenu voor het VO."),
    # A short title and a longer one with the same two words, in a text that repeats them.
    ("programma-4", "Programma 4 Onderwijs", "Het vierde programma."),
    ("programma-2", "Programma 2: Sport, cultuur en onderwijs",
     "Programma onderwijs: het programma voor onderwijs, sport en cultuur. Onderwijs in het programma."),
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


def test_a_title_typed_in_another_order_comes_first_after_the_one_in_the_typed_order(engine):
    assert hits(engine, "VO training cultuurcoördinator")[0] == "kort"
    assert hits(engine, "cultuurmenu vo")[:2] == ["deel", "omgekeerd"]
    assert hits(engine, "vo cultuurmenu")[:2] == ["omgekeerd", "deel"]


def test_a_title_typed_a_word_short_comes_before_longer_titles_with_the_same_words(engine, monkeypatch):
    assert hits(engine, "programma onderwijs")[0] == "programma-4"  # two of its three words
    assert hits(engine, "onderwijs programma")[0] == "programma-4"
    assert hits(engine, "VO training")[0] == "kort"
    monkeypatch.setattr(search, "NEAR_TITLE_SHARE", 1.0)  # whole titles only
    assert hits(engine, "programma onderwijs")[0] == "programma-2"


def test_title_share_is_the_part_of_the_title_typed():
    title = whole_title_words("Training Cultuurcoördinator VO")
    assert search.title_share(whole_title_words("training VO"), title) == 2 / 3
    assert search.title_share(whole_title_words("VO cultuurcoördinator training"), title) == 1.0
    assert search.title_share(whole_title_words("training muziek"), title) == 0.0  # a word not in the title
    assert search.title_share(whole_title_words("training training"), title) == 0.0  # typed more often


def test_words_in_another_order_or_one_short_are_no_title_typed_word_for_word(engine):
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


def test_titles_read_are_remembered_with_their_reader_only(tmp_path):
    # The whole-title rule remembers each read title's words by document number (SearchEngine._title_parts),
    # per reader: a save that swaps two titles opens a new reader, which reads them anew.
    docs = [(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS]
    engine = engine_over_articles(tmp_path, docs)
    try:
        assert hits(engine, "training cultuurcoördinator VO")[0] == "kort"
        before = engine.state()
        assert before.title_parts
        titles = {"kort": DOCS[1][1], "lang-0": DOCS[0][1]}
        corpus = tmp_path / "corpus"
        for doc_id, title, regions, body in docs:
            if doc_id in titles:
                write_document(corpus, doc_id, "artikel", "2023-01-01", [], regions, {"summary": "Kort."}, body,
                               title=titles[doc_id])
        update_index(corpus, tmp_path / "index", taxonomy=taxonomy_for(corpus))
        after = engine.state()
        assert after is not before and not after.title_parts
        assert hits(engine, "training cultuurcoördinator VO")[0] == "lang-0"
    finally:
        engine.close()


# A name of several words is one group of the query ("Cultuureducatie met Kwaliteit", a place): it has no title
# cover of its own, which weighs groups against each other.
NAMES = [
    ("over-cmk", "Over Cultuureducatie met Kwaliteit", "De regeling."),
    # Longer titles that name it, and texts full of it: BM25F ranks them above the page whose title it is.
    *[(f"cmk-{n}", f"Monitor {n} van Cultuureducatie met Kwaliteit in de regio",
       "Cultuureducatie met Kwaliteit: de kwaliteit van cultuureducatie, cultuureducatie met kwaliteit.")
      for n in range(3)],
]

names_engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in NAMES],
                               "names_engine")


def test_a_name_of_several_words_typed_as_a_title_comes_first(names_engine, monkeypatch):
    assert hits(names_engine, "cultuureducatie kwaliteit")[0] == "over-cmk"
    monkeypatch.setattr(search.SearchEngine, "_one_group_in_titles", lambda self, state, parsed: 0)
    assert hits(names_engine, "cultuureducatie kwaliteit")[0] != "over-cmk"
