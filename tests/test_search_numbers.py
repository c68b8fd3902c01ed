"""Numbers in digits or in words (session 12): "40 basisscholen" finds a page that writes "veertig basisscholen",
and the other way round. Only numbers above 31: a small number in digits is mostly a day, a group or a count, and
its name a common word."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis
from kennisplatform.query import parse_query

DOCS = [
    ("veertig", "Subsidie voor muziek", "Veertig basisscholen in Zuid-Holland krijgen subsidie voor muziekles."),
    ("honderd", "Dansles", "Op 100 basisscholen krijgen kinderen dansles van een vakdocent."),
    ("twee", "Deel 2", "Op 2 maart begon deel 2 van het programma op de basisscholen."),
] + [(f"ander-{n}", f"Nieuws {n}", f"De basisscholen en {word} in de regio.")
     for n, word in enumerate(["muziek", "dans", "film", "theater"])]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_number_has_the_term_of_its_other_spelling():
    assert analysis.number_variant("40") == analysis.stem("veertig")
    assert analysis.number_variant("Veertig") == "40"
    assert analysis.number_variant("honderd") == "100"
    assert analysis.number_variant("2") is None and analysis.number_variant("twee") is None  # days, groups
    assert analysis.number_variant("vieren") is None and analysis.number_variant("muziek") is None


def test_digits_find_the_number_in_words_and_back(engine):
    assert hits(engine, "40") == ["veertig"]
    assert hits(engine, "honderd") == ["honderd"]
    assert hits(engine, "40 basisscholen muziek")[0] == "veertig"


def test_a_small_number_is_only_its_own_spelling():
    groups = parse_query("deel twee op 2 basisscholen").groups
    assert [clause.terms for group in groups for clause in group.alternatives if clause.kind == "terms"
            and clause.terms[0] in ("2", "twee")] == [("twee",), ("2",)]
