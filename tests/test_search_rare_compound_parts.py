"""A long query drops its compounds' parts (its other words say what they would add), but not those of a compound
that the collection hardly has, whose rarest part is no common word: in "waarom zijn architectuurlessen goed voor
kinderen op de basisschool" the compound is the telling word, and the page meant says "lessen in architectuur"
(session 20, search.RARE_COMPOUND_DOCS and RARE_PART_SHARE)."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.query import parse_query

QUESTION = "waarom zijn architectuurlessen goed voor kinderen op de basisschool"
DOCS = [
    ("architecture", "Lessen in architectuur",
     "Kinderen op de basisschool krijgen lessen in architectuur: ze bouwen maquettes van hun eigen wijk."),
    ("music", "Muziek op school",
     "Waarom is muziek goed voor kinderen op de basisschool? Zingen is goed voor de taal en voor de klas."),
] + [(f"school-{i}", f"Nieuws van basisschool {i}",
      "De basisschool organiseert een open dag voor ouders en kinderen. Het schoolplein is vernieuwd.")
     for i in range(10)]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_long_query_keeps_only_a_rare_compounds_parts():
    def parts_of(rare: bool | None) -> list[tuple[str, ...]]:
        parsed = parse_query(QUESTION, rare=None if rare is None else lambda term, parts: rare and "les" in parts)
        return [c.terms for g in parsed.groups for c in g.alternatives if c.kind == "parts"]
    assert parts_of(None) == [] and parts_of(False) == []
    assert parts_of(True) == [("architectur", "les")]  # not basisschool's, which `rare` does not name


def test_a_question_with_a_rare_compound_finds_the_page_with_its_parts(engine):
    assert hits(engine, QUESTION)[0] == "architecture"
