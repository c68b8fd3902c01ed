"""A place typed by another name of its municipality (session 13): mostly a village or a former municipality, given in
the taxonomy as the municipality's alias ("Noordwijkerhout" of Noordwijk). Its own pages come first; the
municipality's other pages still match, after them. The municipality typed finds its places' pages as fully as its
own name's."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.query import build_synonym_table, parse_query

DOCS = [
    # The municipality's page says "onderwijs" more often, and in its title: without the rule it came first.
    ("noordwijk", "Sterke basis voor onderwijs in Noordwijk",
     ["noordwijk"], "Noordwijk investeert in onderwijs. Het onderwijs in Noordwijk krijgt een sterke basis."),
    ("noordwijkerhout", "Nieuwe school in Noordwijkerhout",
     ["noordwijk"], "Noordwijkerhout krijgt een nieuwe school. Het onderwijs in Noordwijkerhout groeit."),
    # Sassenheim, twice in a short page: without the rule it came before the one page that says Warmond.
    ("sassenheim", "Onderwijs", ["teylingen"], "In Sassenheim gaat het onderwijs in Sassenheim over cultuur."),
    ("warmond", "Cultuur op school", ["teylingen"],
     "Een school in Warmond krijgt cultuur: de leerlingen maken muziek, dans, theater en film met kunstenaars."),
]

engine = articles_engine(DOCS)


def test_the_place_typed_comes_before_its_municipality(engine):
    assert hits(engine, "Noordwijkerhout onderwijs")[:2] == ["noordwijkerhout", "noordwijk"]


def test_a_village_comes_before_the_other_villages_of_its_municipality(engine):
    assert hits(engine, "Warmond") == ["warmond", "sassenheim"]


def test_the_municipality_typed_weighs_its_places_fully(engine):
    # Noordwijk's own page wins on its words, not because its village's name weighs less.
    found = hits(engine, "Noordwijk onderwijs")
    assert set(found[:2]) == {"noordwijk", "noordwijkerhout"}
    groups = parse_query("Noordwijk", engine.synonyms).groups
    assert not any(clause.wider for clause in groups[0].alternatives)


def test_only_the_names_given_as_parts_make_the_others_wider():
    table = build_synonym_table([("noordwijk", "noordwijkerhout")], parts=["Noordwijkerhout"])
    typed_part = parse_query("noordwijkerhout", table).groups[0].alternatives
    assert [(c.terms, c.wider) for c in typed_part] == [(("noordwijkerhout",), False), (("noordwijk",), True)]
    typed_whole = parse_query("noordwijk", table).groups[0].alternatives
    assert [(c.terms, c.wider) for c in typed_whole] == [(("noordwijk",), False), (("noordwijkerhout",), False)]
