"""In a question, a word whose synonyms widen it many times counts for the first tier only as typed (session 13):
"mediakunst" has the taxonomy's other names of Media en film, "media" and "film", which long reports mention in
passing. A report with every word of the question, "film" among them, no longer comes before the page about media
art that lacks one of the question's words. A list of keywords keeps its synonyms in the first tier."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.query import parse_query

REPORT = ("Verslag van de netwerkdag. Leerlingen werken in de klas aan projecten; een leerkracht vertelt hoe creatief "
          "haar groep is. Er was ook een korte film over de school. De gemeente en de scholen spraken over geld, "
          "roosters, vervoer en de plannen voor volgend jaar. ")
DOCS = [
    ("mediakunst", "Maak het met mediakunst",
     "Leerlingen maken mediakunst in de klas en zijn creatief met licht, geluid en code. Mediakunst op school."),
] + [(f"verslag-{n}", f"Netwerkdag {n}", REPORT * 3) for n in range(2)] + [
    (f"film-{n}", f"Filmles {n}", f"Een film in groep {n}; de media op school.") for n in range(4)
] + [(f"ander-{n}", f"Nieuws {n}", f"Dans en theater in groep {n}.") for n in range(4)]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])
QUESTION = "hoe werken leerlingen creatief met mediakunst in de klas"


def test_a_question_asks_for_its_word_as_typed_before_a_wide_synonym(engine):
    assert hits(engine, QUESTION)[0] == "mediakunst"


def test_only_a_question_is_one():
    assert parse_query(QUESTION).is_question and parse_query("mediakunst leerlingen klas?").is_question
    assert not parse_query("leerlingen werken creatief met mediakunst in de klas").is_question


def test_the_synonyms_are_marked_as_synonyms(engine):
    [group] = [g for g in parse_query("mediakunst", engine.synonyms).groups]
    typed, *others = [c for c in group.alternatives if c.kind != "facet"]
    assert typed.terms == ("mediakunst",) and not typed.synonym
    assert others and all(c.synonym for c in others)
