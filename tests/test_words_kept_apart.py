"""Words that Snowball would bring to the stem of an unrelated word are kept apart (data/stem_apart.tsv), so that a
search for the one does not list the pages that only say the other: "natuur" (nature) is not "natuurlijk" (of
course), "les" (a lesson) not "lees" (read, as in "lees meer"), "middelbare school" not "middelen" (funds), "openbare
ruimte" not "open", "taal" (language) not "tal van" (many) (session 33)."""
from __future__ import annotations

from conftest import articles_engine, hits

DOCS = [
    ("nature", "Natuureducatie in het bos", "Groep 5 onderzoekt de natuur in het bos achter de school."),
    ("of-course", "Een nieuw schoolplein", "Natuurlijk mochten de kinderen meedenken over het nieuwe plein."),
    ("lesson", "Een les over Rembrandt", "In de les tekenen de kinderen een zelfportret."),
    ("read-more", "Kinderboekenweek", "Lees meer over de boeken die de bibliotheek voor de klas uitkoos."),
    ("secondary", "Theater op de middelbare school", "Leerlingen van de middelbare school spelen een voorstelling."),
    ("funds", "Geld voor cultuur", "De gemeente stelt middelen beschikbaar voor cultuureducatie."),
    ("public", "Kunst in de openbare ruimte", "Kinderen ontwierpen een kunstwerk voor de openbare ruimte."),
    ("open-day", "Open dag", "De school houdt een open dag in de ruimte van de aula."),
    ("language", "Taal en muziek", "Zingen helpt kinderen bij de taal: woordenschat en uitspraak."),
    ("many", "Zomerprogramma", "Er zijn tal van activiteiten in de zomer voor kinderen."),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS], name="engine")


def test_nature_is_not_of_course(engine):
    assert hits(engine, "natuur") == ["nature"]


def test_a_lesson_is_not_read_more(engine):
    assert hits(engine, "les") == ["lesson"]
    assert "read-more" in hits(engine, "lezen")


def test_secondary_school_is_not_funds(engine):
    assert "funds" not in hits(engine, "middelbare")
    assert "secondary" not in hits(engine, "middelen")


def test_public_space_is_not_an_open_day(engine):
    assert hits(engine, "openbare") == ["public"]
    assert hits(engine, "openbare ruimte")[0] == "public"


def test_language_is_not_many(engine):
    assert hits(engine, "taal") == ["language"]
