"""A document filed under the value a query names gets a bonus (search.FACET_BOOST), but not under a target
group (search.UNBOOSTED_FACETS, session 44): an import never files a page under one, so "basisschool" lifted the
bundled corpus's curated documents above imported pages that say as much."""
from __future__ import annotations

from conftest import articles_engine, hits

BODY = "Kinderen krijgen muziekles van een vakdocent op de basisschool."
DOCS = [
    # Filed under po (primair onderwijs) by an editor; says "basisschool" once.
    ("curated", "Muziekles met een vakdocent", [], BODY + " Elke school doet mee.", {"audience": ["po"]}),
    # Imported, filed under no target group; says "basisschool" twice.
    ("imported", "Muziekles met een vakdocent", [], BODY + " Elke basisschool doet mee."),
    # Filed under the theme erfgoed; says "erfgoed" less often than the unfiled page after it.
    ("themed", "Erfgoed in de klas", [], "Leerlingen bezoeken erfgoed in de buurt.", {"themes": ["erfgoed"]}),
    ("unthemed", "Erfgoed in de klas", [], "Leerlingen bezoeken erfgoed in de buurt. Erfgoed is overal."),
]

engine = articles_engine(DOCS)


def test_a_target_group_the_query_names_gives_no_bonus(engine):
    assert hits(engine, "muziekles basisschool")[:2] == ["imported", "curated"]


def test_a_theme_the_query_names_still_gives_its_bonus(engine):
    assert hits(engine, "erfgoed klas")[:2] == ["themed", "unthemed"]
