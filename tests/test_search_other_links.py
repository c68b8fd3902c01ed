"""A compound that no document has finds the index's compound of the same parts with another link between them
("klasenorkest" for "klassenorkest"): the same word, which its parts alone ranked below any page with both parts
somewhere (search._with_other_links)."""
from __future__ import annotations

from kennisplatform.params import SearchParams

from conftest import articles_engine

# (id, title, body)
DOCS = [
    ("apart", "Zingen met het orkest", "Vijf klassen zingen mee met het orkest; de klassen oefenen weken. "
                                        "Het orkest speelt, de klassen zingen."),
    ("orkest", "Aftrap in Rhenen", "Het klassenorkest van groep 6 geeft zijn eerste concert."),
    ("fotos", "Op de foto", "De fotograaf maakt de klassenfoto's in de gymzaal."),
    ("gym", "Gymles", "In de gymzaal maakt de juf een foto van de klassen."),
    ("anders", "Dansen", "Groep 8 danst op het schoolplein; de dansles is op vrijdag."),
    ("danseres", "Op het podium", "Een danseres uit Rotterdam treedt op in de aula."),
    ("cmk", "Subsidie", "De regeling voor cultuureducatie met kwaliteit loopt door."),
    ("los", "Cultuur", "Cultuur in de wijk en educatie op school: cultuur, educatie en nog eens cultuur."),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def ids(result):
    return [hit.id for hit in result.hits]


def test_a_compound_with_another_link_finds_the_indexs_form_first(engine):
    result = engine.search(SearchParams(q="klasenorkest"))
    assert ids(result)[0] == "orkest"
    assert "apart" in ids(result)  # its parts apart still count, below the compound
    assert "<mark>klassenorkest</mark>" in result.hits[0].snippet


def test_a_first_part_whose_stem_begins_no_compound_of_it(engine):
    # "cultuur" stems to "cultur", which begins no compound of "cultuur".
    parsed = engine._parse(engine.state(), "cultuurseducatie")
    assert ("cultuureducatie",) in [c.terms for c in parsed.groups[0].alternatives if c.kind == "terms"]
    assert ids(engine.search(SearchParams(q="cultuurseducatie")))[0] == "cmk"


def test_the_first_part_as_its_stem_begins_it(engine):
    # "dansenles" splits as dansen + les; the index's "dansles" begins with the stem "dans".
    parsed = engine._parse(engine.state(), "dansenles")
    assert ("dansles",) in [c.terms for c in parsed.groups[0].alternatives if c.kind == "terms"]


def test_found_as_typed_not_corrected(engine):
    # "dansenles" is no word of the list, and "danseres" two edits away: the page's "dansles" is what was meant.
    result = engine.search(SearchParams(q="dansenles"))
    assert result.relaxation is None
    assert ids(result) == ["anders"]


def test_corrected_to_the_other_link_with_its_note(engine):
    # The corrector's word is the documents' compound: the page says so, and the word's synonyms count.
    result = engine.search(SearchParams(q="cultuurseducatie"))
    assert result.relaxation is not None and result.relaxation.kind == "corrected"
    assert result.relaxation.used == "cultuureducatie"
    assert ids(result)[0] == "cmk"


def test_in_a_longer_query_too(engine):
    assert ids(engine.search(SearchParams(q="klasenfotos gymzaal")))[0] == "fotos"


def test_a_compound_the_index_has_searches_only_itself(engine):
    parsed = engine._parse(engine.state(), "klassenorkest")
    assert [c.terms for c in parsed.groups[0].alternatives if c.kind == "terms"] == [("klassenorkest",)]


def test_only_the_same_parts(engine):
    # "klasconcert" splits into klas + concert: no index word has those parts, so nothing is added.
    parsed = engine._parse(engine.state(), "klasconcert")
    assert [c.terms for c in parsed.groups[0].alternatives if c.kind == "terms"] == [("klasconcert",)]
