"""A place name is a name first (issue 11, session 35): the parts of a one-word place name weigh a quarter of another
compound's (analysis.PLACE_PART_BOOST), so a page that names Ridderkerk three times does not outrank, for "kerk", the
page about a church building; and they are still parts, so "polder" finds a page that only names the Noordoostpolder."""
from __future__ import annotations

import pytest

from kennisplatform import analysis

from conftest import articles_engine, engine_over_articles, hits

# (id, title, body)
DOCS = [
    ("ridderkerk", "Muziekles op de basisschool",
     "In Ridderkerk krijgen de kinderen muziekles. De scholen in Ridderkerk werken samen met de muziekschool van "
     "Ridderkerk."),
    ("kerkgebouw", "Erfgoedles", "De leerlingen bezoeken een oud kerkgebouw en tekenen de toren."),
    ("noordoostpolder", "Toneel op het land", "Leerlingen uit de Noordoostpolder spelen toneel over de pioniers."),
    ("museum", "Museumbezoek", "De klas bezoekt het museum en maakt een tekening."),
]

engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])


def test_a_page_that_names_a_place_does_not_outrank_a_page_about_its_part(engine):
    found = hits(engine, "kerk")
    assert found[0] == "kerkgebouw"
    assert "ridderkerk" in found  # still a part: found, below


def test_with_a_place_names_parts_weighing_as_any_compounds_the_place_would_come_first(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis, "PLACE_PART_BOOST", analysis.PART_BOOST)
    plain = engine_over_articles(tmp_path, [(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])
    try:
        assert hits(plain, "kerk")[0] == "ridderkerk"
    finally:
        plain.close()


@pytest.mark.parametrize("query", ["polder", "polders"])
def test_a_place_names_part_still_finds_the_page(engine, query):
    assert hits(engine, query) == ["noordoostpolder"]
