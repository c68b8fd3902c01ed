"""A word typed as two ("voor schoolse educatie", "buiten schoolse opvang", "na schoolse"): the stemmer makes
"schoolse" school, so the query found every page about school and none about voorschoolse educatie. When the second
word is no word on its own and a document has the two as one word, they are joined, as a spelling correction is
made, and the page says so."""
from __future__ import annotations

from conftest import articles_engine

from kennisplatform.analysis import joined_words
from kennisplatform.params import SearchParams

DOCS = [
    ("vve", "Peuters en kunst", [], "Voorschoolse educatie met muziek en dans voor peuters in de wijk."),
    ("bso", "Kunst na school", [], "De buitenschoolse opvang biedt naschoolse lessen in theater."),
    ("school", "Educatie op school", [], "Cultuureducatie op school: de school kiest een programma."),
    ("schoolplein", "Kunst op het schoolplein", [], "Een kunstwerk voor school en buurt op het plein."),
    ("buiten", "Buiten spelen", [], "Buiten spelen op het schoolplein na school; de school is blij."),
    ("taal", "Taal in de wijk", [], "De bibliotheek en de school werken samen aan taal."),
    ("samenwerking", "Erfgoed en onderwijs", [], "De samenwerking van musea en erfgoedinstellingen met scholen."),
    ("musea", "Kinderen", [], "Musea voor kinderen."),
]

engine = articles_engine(DOCS)


def search(engine, q: str, **kwargs):
    return engine.search(SearchParams(q=q, **kwargs), with_facets=False)


def test_a_word_typed_apart_finds_the_pages_that_write_it_as_one(engine):
    result = search(engine, "voor schoolse educatie")
    # First the page about voorschoolse educatie, then (filling the page) one with "educatie": not the pages that
    # have "school" ("schoolse", stemmed) and "educatie", as the words apart found.
    assert [h.id for h in result.hits] == ["vve", "school"]
    assert result.relaxation.kind == "corrected"
    assert result.relaxation.message == "Resultaten voor ‘voorschoolse educatie’; u zocht op ‘voor schoolse educatie’."
    assert search(engine, "voor schoolse educatie", exact=True).hits[0].id == "school"


def test_the_joined_word_replaces_the_two_also_when_the_words_apart_found_something(engine):
    # "buiten" and "schoolse" (school) are both in the page about playing outside: not what was meant.
    result = search(engine, "buiten schoolse opvang")
    assert [h.id for h in result.hits] == ["bso"]
    result = search(engine, "buiten schoolse")
    assert [h.id for h in result.hits] == ["bso"]
    assert result.relaxation.message == "Resultaten voor ‘buitenschoolse’; u zocht op ‘buiten schoolse’."


def test_two_words_that_are_words_on_their_own_stay_apart(engine):
    # "buitenschoolse" is a word of the corpus, but "buiten" and "school" are words: what was typed is meant.
    result = search(engine, "buiten school")
    assert result.relaxation is None and result.suggestion is None
    assert result.hits[0].id == "buiten"


def test_nothing_is_joined_into_a_word_no_document_has(engine):
    result = search(engine, "bij schoolse educatie")  # "bijschoolse" is in no document
    assert result.relaxation is None and result.suggestion is None
    assert result.hits[0].id == "school"


def test_searched_as_typed_the_words_stay_apart(engine):
    result = search(engine, "buiten schoolse", exact=True)
    assert result.relaxation is None and result.hits[0].id == "buiten"


def test_which_words_may_be_joined():
    # The second word no word on its own: "schoolse" (which the stemmer makes school), not "kunst".
    assert joined_words(["na", "schoolse", "kunst"]) == [(0, "naschoolse")]
    assert joined_words(["voor", "school"]) == [] and joined_words(["buiten", "schools", "aanbod"]) == [(0, "buitenschools")]
    # A second word that is a stop word is a word: "dans en" joined is "dansen", another word.
    assert joined_words(["dans", "en", "theater"]) == []
    # A place name's words are one unit; punctuation or digits are no word typed apart.
    assert joined_words(["Capelle", "aan", "den", "IJsel"], {"Capelle", "aan", "den", "IJsel"}) == []
    assert joined_words(["groep", "7-8"]) == [] and joined_words(["na", "schoolse?"]) == []


def test_a_verb_and_its_separated_particle_find_the_page_with_the_verb_s_noun(engine):
    # "musea werken samen": the page about musea's "samenwerking" has neither "werken" nor "samen" (session 64); as
    # the verb they make (samenwerk) the two words count for it, and it comes before the page with "musea" only.
    ranking = [h.id for h in search(engine, "musea werken samen").hits]
    assert ranking.index("samenwerking") < ranking.index("musea")
