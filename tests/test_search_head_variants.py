"""Compounds whose heads mean the same in this field (session 11): "erfgoedonderwijs" also finds a page that
writes "erfgoededucatie", below a page with the word as typed; a query that types both keeps them apart."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis
from kennisplatform.query import parse_query

DOCS = [
    ("erfgoededucatie", "Het belang van erfgoededucatie", "Erfgoededucatie voor kleuters op de basisschool."),
    ("erfgoedonderwijs", "Erfgoedonderwijs in de klas", "Erfgoedonderwijs voor kleuters op de basisschool."),
    ("erfgoed-en-onderwijs", "Nieuws", "Erfgoed in de stad. Onderwijs op de basisschool voor kleuters."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}", f"De basisschool en {word} voor kleuters.")
     for n, word in enumerate(["muziek", "dans", "film", "lezen"])]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_compound_has_the_variant_with_the_other_head():
    assert analysis.head_variant("erfgoedonderwijs") == analysis.stem("erfgoededucatie")
    assert analysis.head_variant("Muziekeducatie") == analysis.stem("muziekonderwijs")
    assert analysis.head_variant("onderwijs") is None  # no compound
    assert analysis.head_variant("dansdocenten") is None  # another head


def test_the_variant_finds_the_page_with_the_other_head_below_the_typed_word(engine):
    ranking = hits(engine, "erfgoedonderwijs kleuters")
    assert ranking[:2] == ["erfgoedonderwijs", "erfgoededucatie"]  # before the page with the parts apart
    assert hits(engine, "erfgoededucatie kleuters")[:2] == ["erfgoededucatie", "erfgoedonderwijs"]


def test_a_query_that_types_both_heads_keeps_them_apart():
    groups = parse_query("verschil tussen erfgoededucatie en erfgoedonderwijs").groups
    assert all(clause.kind != "variant" for group in groups for clause in group.alternatives)
