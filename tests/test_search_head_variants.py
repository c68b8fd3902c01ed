"""Compounds whose heads mean the same in this field (session 11): "erfgoedonderwijs" also finds a page that
writes "erfgoededucatie", below a page with the word as typed, and "muziekdocenten" one that writes
"muziekleraren"; a query that types both keeps them apart."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis
from kennisplatform.query import parse_query

DOCS = [
    ("erfgoededucatie", "Het belang van erfgoededucatie", "Erfgoededucatie voor kleuters op de basisschool."),
    ("erfgoedonderwijs", "Erfgoedonderwijs in de klas", "Erfgoedonderwijs voor kleuters op de basisschool."),
    ("erfgoed-en-onderwijs", "Nieuws", "Erfgoed in de stad. Onderwijs op de basisschool voor kleuters."),
    ("muziekleraren", "Muziek op school", "De muziekleraren van de basisschool geven les aan kleuters."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}", f"De basisschool en {word} voor kleuters.")
     for n, word in enumerate(["muziek", "dans", "film", "lezen"])]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_compound_has_the_variant_with_the_other_head():
    assert analysis.head_variants("erfgoedonderwijs") == (analysis.stem("erfgoededucatie"),)
    assert analysis.head_variants("Muziekeducatie") == (analysis.stem("muziekonderwijs"),)
    assert analysis.head_variants("dansdocenten") == (analysis.stem("dansleraar"), analysis.stem("dansleerkracht"))
    assert analysis.head_variants("onderwijs") == ()  # no compound
    assert analysis.head_variants("dansscholen") == ()  # another head


def test_the_variant_finds_the_page_with_the_other_head_below_the_typed_word(engine):
    ranking = hits(engine, "erfgoedonderwijs kleuters")
    assert ranking[:2] == ["erfgoedonderwijs", "erfgoededucatie"]  # before the page with the parts apart
    assert hits(engine, "erfgoededucatie kleuters")[:2] == ["erfgoededucatie", "erfgoedonderwijs"]


def test_a_teacher_is_a_docent_a_leraar_or_a_leerkracht(engine):
    assert hits(engine, "muziekdocenten")[0] == "muziekleraren"


def test_a_query_that_types_both_heads_keeps_them_apart():
    groups = parse_query("verschil tussen erfgoededucatie en erfgoedonderwijs").groups
    assert all(clause.kind != "variant" for group in groups for clause in group.alternatives)
