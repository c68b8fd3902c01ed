"""A municipality's part named by a compass point ("Rotterdam-Zuid", "Den Haag Zuidwest") is one of its places, as a
village is (session 21): the pages that name the part come first, then the municipality's other pages, before pages
that only share another word of the query, even in their title."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.query import parse_query

DOCS = [
    ("zuid", "Gedichtenwedstrijd in Charlois",
     ["rotterdam"], "Leerlingen van scholen in Rotterdam-Zuid schreven gedichten voor de wedstrijd in Charlois."),
    ("rotterdam", "Tentoonstelling over migratie",
     ["rotterdam"], "In Rotterdam opent een tentoonstelling over vijftig jaar migratie; klassen zijn welkom."),
    ("friesland", "Scholieren leven zich uit bij het kaatsen",
     ["friesland"], "Scholieren uit Friesland deden mee aan het kaatsen. De scholieren genoten."),
] + [(f"other-{place}", f"Muziek in {place}", [place], f"Een koor in {place} zingt voor ouderen.")
     for place in ("delft", "leiden", "gouda", "dordrecht", "westland", "zoetermeer")]

engine = articles_engine(DOCS)


def test_a_district_finds_its_pages_then_its_municipality(engine):
    # Friesland's page has "Scholieren" in its title, half of the query: a remembered title would come first (title
    # cover), but a title that says what, of a page not about the place asked, is no title of this query.
    assert hits(engine, "Rotterdam-Zuid scholieren") == ["zuid", "rotterdam", "friesland"]


def test_a_district_written_apart_is_the_same_place(engine):
    apart = parse_query("Rotterdam Zuid scholieren", engine.synonyms).groups
    joined = parse_query("Rotterdam-Zuid scholieren", engine.synonyms).groups
    assert [[(c.kind, c.terms, c.wider) for c in g.alternatives] for g in apart] == \
        [[(c.kind, c.terms, c.wider) for c in g.alternatives] for g in joined]
    assert ("region", "rotterdam") in [c.terms for c in joined[0].alternatives if c.kind == "facet"]


def test_a_district_of_a_two_word_municipality(engine):
    alternatives = parse_query("Den Haag Zuidwest", engine.synonyms).groups[0].alternatives
    assert [c.terms for c in alternatives if c.kind == "facet"] == [("region", "den-haag")]
    assert alternatives[0].terms == ("hag", "zuidwest") and not alternatives[0].wider


def test_the_municipality_alone_is_no_district(engine):
    alternatives = parse_query("Rotterdam", engine.synonyms).groups[0].alternatives
    assert not any(clause.wider for clause in alternatives)
    assert not any("zuid" in clause.terms for clause in alternatives)
