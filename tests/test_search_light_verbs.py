"""A long question's light verb is not needed for the first tier (session 12): in "welke vakken vallen onder kunst en
cultuur in de onderbouw" a report that has every word weakly, "vallen" among them, came before the page about the
subject, which says it with another verb. The verb still counts in the score."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis, search

FILLER = " Daarna was er koffie en werd er nagepraat over de agenda van de volgende keer." * 6
DOCS = [
    ("kunstvakken", "Kunstvakken in de onderbouw",
     "In de onderbouw krijgen leerlingen de vakken kunst en cultuur: muziek, tekenen en drama. De vakken kunst en "
     "cultuur horen zo bij de onderbouw."),
    ("verslag", "Verslag van de bijeenkomst",
     "Er werd gesproken over cultuur. Sommige vakken vallen weg. Kunst in de onderbouw kwam ter sprake." + FILLER),
    ("muziek", "Muziek op school", "Muziek en kunst op de basisschool." + FILLER),
    ("drama", "Drama", "Drama is een van de vakken." + FILLER),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_page_without_the_questions_verb_comes_before_a_report_with_every_word(engine):
    assert hits(engine, "welke vakken vallen onder kunst en cultuur in de onderbouw")[:2] == ["kunstvakken", "verslag"]


def test_the_light_verbs_are_known_in_their_forms():
    assert all(analysis.stem(word) in search.LIGHT_VERBS for word in ("geeft", "geven", "vallen", "valt", "kwam"))
    assert analysis.stem("kunst") not in search.LIGHT_VERBS and analysis.stem("leren") not in search.LIGHT_VERBS
