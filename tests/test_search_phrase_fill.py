"""A query of one known phrase (a taxonomy name or synonym: "beeldend onderwijs", also "beeldende kunst" and
"beeldende vorming") is searched as that phrase; where fewer documents than a page have it, the page is filled after
them with the documents that have its words apart, both words first, as a one-word compound's page is filled with
its parts (session 22, search._one_phrase_apart). Before, fresh22's "beeldend onderwijs" listed two pages and missed
the page on a school's art weeks that writes "beeldend" and "onderwijs" apart."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.params import SearchParams

DOCS = [
    ("phrase", "Beeldende vorming in groep 5", "De school geeft elke week beeldende vorming: tekenen en schilderen."),
    ("apart", "Kunstweken op het kindcentrum",
     "Twee weken lang werkten de kinderen beeldend, met klei en verf. Het onderwijs ging gewoon door."),
    ("one-word", "Nieuws uit de wijk", "Het onderwijs in de wijk krijgt een nieuw gebouw."),
    ("theatre", "Theater in de klas", "Een voorstelling over vriendschap voor groep 5 en 6."),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_known_phrase_few_pages_have_fills_the_page_with_its_words_apart(engine):
    ranking = hits(engine, "beeldend onderwijs")
    assert ranking[0] == "phrase"  # an equivalent phrase, whole, first
    assert ranking[1] == "apart"  # then both words apart, before one of them
    assert "one-word" in ranking and "theatre" not in ranking


def test_the_page_says_how_many_have_the_phrase(engine):
    result = engine.search(SearchParams(q="beeldend onderwijs"))
    assert result.complete == 1
    assert result.complete_note == "1 resultaat met alle zoekwoorden; de andere hebben er een deel van."


def test_a_place_name_is_not_filled_with_its_words(engine):
    # A multi-word place fills with its first word only (the town), never with "aan den IJssel".
    assert hits(engine, "Capelle aan den IJssel") == []


def test_a_quoted_phrase_is_not_filled_with_its_words(engine):
    # Quoted, the words are asked for together: the page lists the one page that has them so, however few.
    assert hits(engine, '"kinderen beeldend"') == ["apart"]
