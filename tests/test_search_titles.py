"""Title coverage (session 4 of issue 11): a page whose title holds most of what the query asks for is
ranked with the pages that contain every word, but a place or one aspect of several in a title is not
enough."""
from __future__ import annotations

from kennisplatform import search

from conftest import articles_engine, hits

# (id, title, regions, body)
DOCS = [
    # The title as remembered with one word wrong ("blij" for "opgetogen"); its text lacks that word too.
    ("titel-geld", "Provincie opgetogen over geld voor cultuur in de klas", ["Zuid-Holland"],
     "De provincie krijgt geld van het rijk voor cultuur in het onderwijs."),
    # Every word of the query, none of them in its title.
    ("alle-woorden", "Nieuwsbrief van de bibliotheek", ["Nederland"],
     "Blij zijn we met de provincie, die geld geeft voor cultuur in elke klas, en met de bibliotheek."),
    ("blij-1", "Blije kinderen", ["Nederland"], "Blij met een nieuwe speeltuin."),
    ("blij-2", "Feest", ["Nederland"], "Iedereen was blij met het feest."),
    ("blij-3", "Opening", ["Nederland"], "Blij met de opening van het zwembad."),
    # Only the place of the query in its title (filed there too), and nothing of the topic.
    ("gouda-titel", "Cultuurhuis Gouda", ["Gouda"], "Een nieuw gebouw aan de haven."),
    ("gouda-antwoord", "Nieuws uit de regio", ["Gouda"], "Muziekles op alle basisscholen van Gouda."),
    ("muziekles-1", "Muziekles", ["Nederland"], "Muziekles voor volwassenen."),
    ("muziekles-2", "Zingen", ["Nederland"], "Muziekles en zingen op school."),
    ("muziekles-3", "Orkest", ["Nederland"], "Muziekles in het orkest."),
    # One of three aspects (the rarest) in the title; the other page has all three in its text.
    ("een-aspect", "Mediawijsheid in het voortgezet onderwijs", ["Nederland"], "Lessen over nieuws en sociale media."),
    ("drie-aspecten", "Verslag", ["Nederland"],
     "Mediawijsheid met de bibliotheek op de basisschool: de bibliotheek komt op elke basisschool."),
    *[(f"bibliotheek-basisschool-{n}", "Lezen", ["Nederland"], "De bibliotheek op de basisschool.")
      for n in range(5)],
]


engine = articles_engine(DOCS)


def test_a_page_whose_title_covers_the_query_comes_first(engine):
    # "alle-woorden" has every word and the tiers of a long query would put it first.
    found = hits(engine, "provincie blij met geld voor cultuur in de klas")
    assert found[:2] == ["titel-geld", "alle-woorden"]


def test_without_title_coverage_the_page_with_every_word_would_win(engine, monkeypatch):
    # The same query with the signal switched off: what the previous test guards against. The title's score is more
    # than three times the other page's, so a weak page with every word goes down as well (WEAK_FIRST): off too.
    monkeypatch.setattr(search, "TITLE_COVERAGE", 1.5)
    monkeypatch.setattr(search, "WEAK_FIRST", 0.0)
    assert hits(engine, "provincie blij met geld voor cultuur in de klas")[0] == "alle-woorden"


def test_a_place_alone_in_a_title_does_not_put_the_page_first(engine):
    # "Gouda" weighs most of "muziekles Gouda" (muziekles is in four pages), but a title that says only
    # where, not what, is no answer.
    assert hits(engine, "muziekles Gouda")[0] == "gouda-antwoord"


def test_one_of_three_aspects_in_a_title_does_not_put_the_page_first(engine):
    found = hits(engine, "mediawijsheid bibliotheek basisschool")
    assert found[0] == "drie-aspecten"
    assert "een-aspect" in found  # still listed, below
