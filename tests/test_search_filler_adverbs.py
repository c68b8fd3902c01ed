"""A question's adverbs of frequency and degree (meestal, vaak, soms, nooit, ongeveer) are filler words
(data/query_filler_words.txt), and "echt" (emphasis, session 19): they hedge or stress the question and do not say
what it is about. As content words they
decided a short question's tiers: in "wat is een mediacoach en waar werkt zo iemand meestal", a report that happened
to say "meestal" came before the page about mediacoaches (session 18). Not "eigenlijk" or "gewoon": their stems are
those of "eigen" and "gewone", which are content words."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis
from kennisplatform.query import filler_stems

FILLER = " Daarna was er koffie en werd er nagepraat over de agenda van de volgende keer." * 6
DOCS = [
    ("mediacoach", "De mediacoach",
     "Een mediacoach helpt scholen met mediawijsheid. De mediacoach werkt op school en in de bibliotheek."),
    ("verslag", "Verslag van de bijeenkomst",
     "Meestal werkt de groep in de aula. Een mediacoach was er ook." + FILLER),
    ("bibliotheek", "De bibliotheek", "De bibliotheek werkt met scholen." + FILLER),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_an_adverb_does_not_decide_a_short_questions_first_tier(engine):
    # Only the report has all three words; without "meestal" both pages have every content word, and the page about
    # the mediacoach scores higher.
    assert hits(engine, "waar werkt een mediacoach meestal")[:2] == ["mediacoach", "verslag"]


def test_the_adverb_is_still_searched(engine):
    # A filler word still matches: a query of nothing else finds the pages that have it.
    assert hits(engine, "meestal") == ["verslag"]


def test_the_adverbs_are_filler_words_and_own_words_are_not():
    assert all(term in filler_stems() for word in ("meestal", "vaak", "soms", "nooit", "ongeveer", "echt", "echte")
               for term in analysis.analyze_query(word))
    assert not any(term in filler_stems() for word in ("eigen", "gewone", "vak", "vakken")
                   for term in analysis.analyze_query(word))


THEATRE = [
    ("opinie", "Maak theaterles verplicht",
     "Theaterles hoort op school. Een theaterdocent geeft de les, niet de groepsleerkracht. Theaterles die door een "
     "theaterdocent wordt gegeven, geeft kinderen zelfvertrouwen."),
    ("verslag", "Verslag van de werkbijeenkomst",
     "Er was een echte discussie over theaterles en over de theaterdocent die de les had gegeven." + FILLER),
]

theatre = articles_engine([(doc_id, title, [], body) for doc_id, title, body in THEATRE], name="theatre")


def test_emphasis_does_not_decide_a_questions_first_tier(theatre):
    # "door een echte theaterdocent": a report that happened to say "echte" had every content word of the question,
    # the page about theatre lessons by a theatre teacher all but that one (tune11, session 19).
    assert hits(theatre, "waarom zou theaterles door een echte theaterdocent gegeven moeten worden")[0] == "opinie"


READING = [
    ("leesplein", "Lezen op het leerplein",
     "Een middelbare school maakt lezen aantrekkelijk voor scholieren: de bibliotheek krijgt een plek op het "
     "leerplein, met boekentafels en leesplekken."),
    ("zingen", "Leerkrachten zingen weer",
     "Op school zingen de leerkrachten weer met de klas. Scholieren van de middelbare school komen kijken en lezen de "
     "teksten mee." + FILLER),
]

reading = articles_engine([(doc_id, title, [], body) for doc_id, title, body in READING], name="reading")


def test_again_does_not_decide_a_questions_first_tier(reading):
    # Session 54: "weer" (again) is a filler word. In "hoe krijg je middelbare scholieren weer aan het lezen op school"
    # (fresh48) a page whose title says that teachers "geven zelf weer muziekles" came before the page about reading:
    # "weer" counted as a content word, and that page had more of them. Here the report has every word of the
    # question, "weer" too; the page about reading all but "weer".
    assert hits(reading, "hoe krijg je middelbare scholieren weer aan het lezen op school")[0] == "leesplein"
    assert "wer" in filler_stems()
