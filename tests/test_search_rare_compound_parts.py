"""A long query drops its compounds' parts (its other words say what they would add), but not those of a compound
that the collection hardly has, whose rarest part is no common word: in "waarom zijn architectuurlessen goed voor
kinderen op de basisschool" the compound is the telling word, and the page meant says "lessen in architectuur"
(session 20, search.RARE_COMPOUND_DOCS and RARE_PART_SHARE). Nor those of a compound that no page has at all, however
common its parts (session 36)."""
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


CIRCUS_QUESTION = "hoe organiseer je een circusdag voor de hele school"
CIRCUS_DOCS = [
    ("circus-day", "Een dag lang circus", "De hele school deed een dag lang mee aan het circus: jongleren en acrobatiek."),
    ("circus-artists", "Circusartiesten op bezoek", "Artiesten van het circus gaven een voorstelling in de gymzaal."),
    ("circus-lessons", "Circuslessen", "Kinderen krijgen wekelijks les van een circusdocent."),
    ("trip", "Schoolreis", "Hoe organiseer je een schoolreis? Begin op tijd met plannen en vraag ouders mee."),
] + [(f"news-{i}", f"Nieuws {i}", "De school organiseert een open dag voor ouders. Het schoolplein is vernieuwd.")
     for i in range(8)]

circus_engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in CIRCUS_DOCS],
                                name="circus_engine")


def test_a_rare_compounds_parts_count_in_a_collection_about_its_subject(circus_engine):
    # "circus" is in a quarter of this collection (RARE_PART_SHARE): still the question's subject, not a common word.
    assert hits(circus_engine, CIRCUS_QUESTION)[0] == "circus-day"


MUSEUM_QUESTION = "welke uitgangspunten hanteert een stadsmuseum bij lessen voor scholen?"
MUSEUM_DOCS = [
    ("town-museum", "Voor het onderwijs", "Het museum van onze stad ontvangt scholen met lessen en rondleidingen."),
] + [(f"lessons-{i}", f"Sport {i}", "Scholen volgen lessen in de sporthal.") for i in range(3)] + [
    (f"museum-{i}", f"Tentoonstelling {i}", "Het museum toont een nieuwe tentoonstelling over schilderkunst.")
    for i in range(5)]

museum_engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in MUSEUM_DOCS],
                                name="museum_engine")


def test_a_compound_that_no_page_has_keeps_its_parts_however_common(museum_engine):
    # No page says "stadsmuseum", and "museum" is in six of nine pages (far above RARE_PART_SHARE): its parts are
    # still the only evidence of it, and the town museum's page comes before the shorter pages with only "lessen" and
    # "scholen" (without its parts, after them).
    assert hits(museum_engine, MUSEUM_QUESTION)[0] == "town-museum"
