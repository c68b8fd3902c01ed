"""A long question's light verb is not needed for the first tier (session 12): in "welke vakken vallen onder kunst en
cultuur in de onderbouw" a report that has every word weakly, "vallen" among them, came before the page about the
subject, which says it with another verb. Nor does it add to a question's scores (session 36): it counts in the
evidence only, so that a page that says "geven" everywhere does not outrank the page about the question's subject."""
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
    assert all(analysis.stem(word) in search.LIGHT_VERBS
               for word in ("geeft", "geven", "vallen", "valt", "kwam", "zet", "zetten"))
    assert analysis.stem("kunst") not in search.LIGHT_VERBS and analysis.stem("leren") not in search.LIGHT_VERBS


GIVING_DOCS = [
    ("lessons", "Een vakdocent in de klas", "Kinderen krijgen muziekles op school van een vakdocent muziek."),
    ("giving", "Geven en nog eens geven", "Wij geven graag: wij geven om kinderen, geven tijd en geven aandacht. "
     "Soms is er ook muziekles op school."),
] + [(f"news-{i}", f"Nieuws {i}", "Wij geven een open dag voor ouders.") for i in range(8)]

giving_engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in GIVING_DOCS],
                                name="giving_engine")


def test_a_questions_light_verb_adds_nothing_to_the_scores(giving_engine):
    # Both pages have every word of the question; "geven" in the title and four times in the text made the second
    # page first while the verb counted in the score.
    assert hits(giving_engine, "waarom geven scholen muziekles aan kinderen?")[:2] == ["lessons", "giving"]


SETTING_UP_DOCS = [
    ("leerlijn", "Van leerplan tot leerlijn",
     "Een doorlopende leerlijn kunst en cultuur bouwt een school stap voor stap op. De leerlijn beschrijft wat "
     "leerlingen per groep leren; een leerlijn verbindt de lessen van groep 1 tot groep 8."),
    ("verslag", "Verslag van de netwerkbijeenkomst",
     "De school zet in op cultuur. Een doorlopende leerlijn kwam ter sprake, en kunst in de wijk." + FILLER),
] + [(f"other-{i}", f"Bericht {i}", "Wij zetten de stoelen klaar voor de open dag." + FILLER) for i in range(6)]

setting_up_engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in SETTING_UP_DOCS],
                                    name="setting_up_engine")


def test_zetten_is_a_light_verb_of_a_question(setting_up_engine):
    # "zet ... op" is "set up": the page about the leerlijn does not say "zet", the report says it in passing.
    assert hits(setting_up_engine, "hoe zet ik als school een doorlopende leerlijn kunst en cultuur op")[:2] == [
        "leerlijn", "verslag"]
