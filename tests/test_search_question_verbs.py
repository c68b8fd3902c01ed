"""A question asks with a verb ("hoe betrek je ouders"); the page that answers often says it with the verb's
participle or the noun made of it ("betrokkenheid van ouders"). For a strong verb the vowel changes, and
Snowball leaves the two apart; data/stem_overrides.tsv brings them together (docs/performance.md, "Session 7:
questions")."""
from __future__ import annotations

from conftest import articles_engine, hits

# "ouders" and "cultuureducatie" are in the first two pages alike; only "ouders-betrokken" is about involving
# parents, and it says so with "betrokkenheid" and "betrokken", never with "betrekken".
DOCS = [
    ("ouders-betrokken", "Communicatie met ouders",
     "Betrokkenheid van ouders bij cultuureducatie groeit als ouders betrokken worden bij de voorstelling."),
    ("ouders-avond", "Een avond voor ouders",
     "Ouders en cultuureducatie: een avond over de cultuureducatie van de school, voor ouders."),
    ("betrekken-wijk", "De wijk betrekken",
     "Hoe betrek je de wijk bij de school? Samen met buurthuizen en verenigingen."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}", f"Cultuureducatie: {word} voor leerlingen van de stad.")
     for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen"])]


engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_question_with_a_strong_verb_finds_the_page_that_uses_its_participle(engine):
    # The answer has every word of the question once "betrokkenheid" counts as "betrekken": it comes first,
    # before the page with "ouders" and "cultuureducatie" alone and the page that involves someone else.
    ranking = hits(engine, "hoe betrek je ouders bij cultuureducatie")
    assert ranking[0] == "ouders-betrokken"
    assert ranking.index("ouders-betrokken") < ranking.index("ouders-avond")
    assert ranking.index("ouders-betrokken") < ranking.index("betrekken-wijk")


def test_the_participle_finds_the_pages_of_the_verb(engine):
    assert set(hits(engine, "betrokken")) == {"ouders-betrokken", "betrekken-wijk"}
