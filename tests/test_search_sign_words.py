"""A question asks in words ("hoeveel procent", "hoeveel euro"); the page that answers writes the sign ("75%",
"€ 25"). The analysis reads the sign as its word, at index and query time alike (analysis.SIGN_WORDS)."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis, highlight

# Both pages are about certified coordinators in primary schools, "cursus" with more of the question's other
# words; only "certificaten" gives the share. Both music school pages say what a lesson costs; only "tarief"
# gives an amount.
DOCS = [
    ("certificaten", "Al 6000 certificaten uitgereikt",
     "Van alle basisscholen heeft nu 75% een cultuurcoördinator met een certificaat."),
    ("cursus", "Cursus voor de cultuurcoördinator met certificaat",
     "Basisscholen sturen hun cultuurcoördinator naar de cursus. De cultuurcoördinator van basisscholen krijgt "
     "na afloop het certificaat."),
    ("tarief", "Tarieven van de muziekschool", "Een les kost € 25 per leerling."),
    ("lesgeld", "Lesgeld van de muziekschool", "Wat een les kost? Vraag de muziekschool wat een les kost."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}", f"Basisscholen en {word} voor leerlingen van de stad.")
     for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen"])]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_sign_is_analysed_as_its_word():
    assert analysis.analyze("75% en € 25") == ["75", "procent", "euro", "25"]
    assert analysis.analyze_query("procent") == ["procent"]
    # the sign takes a position of its own, so a phrase over it and its number holds
    assert [terms for _, _, terms in analysis.word_spans("75%")] == [("75",), ("procent",)]


def test_a_question_in_words_finds_the_page_that_writes_the_sign(engine):
    ranking = hits(engine, "hoeveel procent van de basisscholen heeft een cultuurcoördinator met certificaat")
    assert ranking[0] == "certificaten"
    assert ranking.index("certificaten") < ranking.index("cursus")


def test_a_question_for_an_amount_finds_the_page_with_the_euro_sign(engine):
    assert hits(engine, "hoeveel euro kost een les")[0] == "tarief"


def test_the_snippet_marks_the_sign_of_a_word_in_the_query():
    marked = highlight.snippet("Van alle basisscholen heeft nu 75% een cultuurcoördinator; een les kost € 25.",
                               {"procent", "euro"})
    assert "75<mark>%</mark>" in marked and "<mark>€</mark> 25" in marked
    # a sign whose word the query lacks stays unmarked
    assert "<mark>" not in highlight.snippet("Van alle basisscholen heeft nu 75%.", {"euro"})
