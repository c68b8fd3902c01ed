"""A compound that no document has, whole or with all its parts (session 14): no dead end. "jeugdtheaterles" found
nothing where a page gives "theaterlessen voor de jeugd", and "certificaatuitreiking" nothing where a page "reikt
certificaten uit". The compound is searched as its parts, as separate words, and the page says so."""
from __future__ import annotations

from conftest import articles_engine

from kennisplatform.params import SearchParams

DOCS = [
    ("jeugdtheater", "Theater voor de jeugd", [],
     "Het jeugdtheater speelt voor scholen. Jeugd en theater horen bij elkaar."),
    ("lessen", "Muziek op school", [], "De lessen muziek worden gegeven door een vakdocent."),
    ("certificaten", "Cultuurwijzer reikt certificaten uit", [],
     "Twaalf leerkrachten kregen hun certificaat als interne cultuurcoördinator."),
    ("prijzen", "Prijzen voor jonge makers", [], "De uitreiking van de prijzen was in juni."),
    ("dansles", "Danslessen in de wijk", [], "Kinderen volgen danslessen in het buurthuis."),
    ("dichten", "Zoeken naar woorden", [], "De kinderen leren dichten. Na drie lessen dragen ze hun werk voor."),
    ("onderwijs", "Geld voor de wijk", [], "Het onderwijs in de wijk krijgt meer geld van de gemeente."),
]

engine = articles_engine(DOCS)


def search(engine, q: str):
    return engine.search(SearchParams(q=q), with_facets=False)


def test_a_compound_no_document_has_finds_the_documents_with_its_parts(engine):
    result = search(engine, "jeugdtheaterles")
    # Two of its three parts first, then one.
    assert [h.id for h in result.hits][:1] == ["jeugdtheater"]
    assert {h.id for h in result.hits} == {"jeugdtheater", "lessen", "dichten", "dansles"}  # "danslessen" has "les"
    assert result.relaxation.kind == "parts"
    assert result.relaxation.message == ("Geen resultaten voor ‘jeugdtheaterles’; hieronder de resultaten met een "
                                         "deel van het woord: ‘jeugd’, ‘theater’ of ‘les’.")
    assert result.relaxation.shown == "jeugd theater les"


def test_each_part_counts_as_a_word(engine):
    result = search(engine, "certificaatuitreiking")
    assert {h.id for h in result.hits} == {"certificaten", "prijzen"}
    assert "certificaat" in result.relaxation.message and "uitreiking" in result.relaxation.message


def test_the_other_words_of_the_query_still_count(engine):
    result = search(engine, "jeugdtheaterles xyzzy")
    assert result.hits[0].id == "jeugdtheater"
    assert result.relaxation.message.endswith("Niets gevonden voor ‘xyzzy’.")
    assert result.relaxation.shown == "jeugd theater les xyzzy"


def test_a_compound_that_a_document_has_whole_or_with_all_its_parts_is_not_split(engine):
    # The page with the word first; pages with one of its parts only fill the page after it (session 20).
    assert [h.id for h in search(engine, "danslessen").hits][0] == "dansles"
    result = search(engine, "dichtlessen")  # "dichten" and "lessen" in one page: its parts, found as they are
    assert [h.id for h in result.hits][0] == "dichten" and result.relaxation is None


def test_two_compounds_that_nothing_has_are_both_searched_as_their_parts(engine):
    result = search(engine, "jeugdtheaterles certificaatuitreiking")
    assert result.relaxation.message.startswith(
        "Geen resultaten voor ‘jeugdtheaterles’ en ‘certificaatuitreiking’; hieronder de resultaten met een deel van "
        "de woorden: ")
    assert {"jeugdtheater", "certificaten"} <= {h.id for h in result.hits}


def test_a_compound_with_synonyms_that_no_document_has_is_no_dead_end(engine):
    # Session 53 (fresh47's "maakonderwijs"): a word with synonyms of the taxonomy (makeronderwijs, makersonderwijs,
    # maakonderwijs) is searched as itself and its synonyms, without its parts; where no document has any of them
    # (nor a related word: techniek, makerspace, ...), it found nothing and the page offered nothing.
    result = search(engine, "makeronderwijs")
    assert {h.id for h in result.hits} == {"prijzen", "onderwijs"}  # "jonge makers", "het onderwijs"
    assert result.relaxation.kind == "parts"
    assert result.relaxation.message == ("Geen resultaten voor ‘makeronderwijs’; hieronder de resultaten met een "
                                         "deel van het woord: ‘maker’ of ‘onderwijs’.")
