"""A short query's first tier counts a compound's parts written apart only where the text has them together
(search.PARTS_WINDOW): a long report that says "media" in one section and "coach" in another does not have the word
"mediacoach", and goes one tier down, where its score ranks it among the pages that lack a word (session 19)."""
from __future__ import annotations

from conftest import articles_engine, hits

FILLER = " Daarna was er koffie en werd er nagepraat over de agenda van de volgende keer." * 6
DOCS = [
    ("coach", "De mediacoach op school",
     "Een mediacoach helpt leerkrachten met mediawijsheid. De mediacoach geeft lessen over nieuws en reclame."),
    ("report", "Verslag van de netwerkdag",
     "De scholen spraken over media en nieuws." + FILLER + " Ook de bibliotheek was er." + FILLER
     + " Een coach van de gemeente vertelde over haar werk."),
    ("apart", "Coaching in de klas",
     "De bibliotheek leidt een media coach op die scholen bezoekt." + FILLER),
]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_parts_far_apart_do_not_make_the_first_tier(engine):
    # The report has "media", "coach" and "bibliotheek", but the parts sections apart: it no longer comes before
    # the page about the mediacoach, which lacks "bibliotheek" and scores higher.
    ranking = hits(engine, "mediacoach bibliotheek")
    assert ranking.index("coach") < ranking.index("report")


def test_parts_together_still_make_the_first_tier(engine):
    # "media coach" written apart but side by side counts as the word, with "bibliotheek" beside it.
    assert hits(engine, "mediacoach bibliotheek")[0] == "apart"


def test_a_one_word_query_keeps_the_pages_with_the_parts_anywhere(engine):
    assert set(hits(engine, "mediacoach")) == {"coach", "report", "apart"}
