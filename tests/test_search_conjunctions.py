"""Words joined by "en" or "of" are two words, not a known phrase (session 12): the index leaves stop words
out, so "cultuur en onderwijs" has the terms of the taxonomy's phrase "cultuur in het onderwijs", and was
searched as that phrase, in that order: a page titled "Onderwijs en cultuur" was not found. A phrase written
with the conjunction ("Kaag en Braassem") is still one unit."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.query import build_synonym_table, parse_query

DOCS = [
    ("onderwijs-en-cultuur", "Onderwijs en cultuur",
     "De gemeente werkt aan onderwijs en cultuur voor iedere leerling."),
    ("kaag", "Muziek in Kaag en Braassem", "Muziekles op de scholen van Kaag en Braassem."),
    ("braassem-apart", "Muziek in de Kaag", "Muziekles op een school aan de Braassemermeer, bij de Kaag."),
] + [(f"ander-{n}", f"Nieuws over {word}", f"De basisschool en {word} voor kleuters.")
     for n, word in enumerate(["muziek", "dans", "film", "lezen"])]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def _groups(engine, query: str) -> list[str]:
    return [group.text for group in parse_query(query, engine.synonyms).groups]


def test_a_typed_conjunction_keeps_the_words_apart(engine):
    assert _groups(engine, "cultuur en onderwijs") == ["cultuur", "onderwijs"]
    assert _groups(engine, "cultuur of onderwijs") == ["cultuur", "onderwijs"]
    assert _groups(engine, "cultuur in het onderwijs") == ["cultuur in het onderwijs"]  # the known phrase


def test_a_phrase_written_with_a_conjunction_is_still_one_unit(engine):
    assert _groups(engine, "Kaag en Braassem") == ["Kaag en Braassem"]
    assert _groups(engine, "kaag & braassem") == ["kaag braassem"]
    assert hits(engine, "Kaag en Braassem")[0] == "kaag"


def test_the_words_in_another_order_find_the_page(engine):
    assert hits(engine, "cultuur en onderwijs")[0] == "onderwijs-en-cultuur"


def test_the_table_says_which_phrases_are_written_with_a_conjunction():
    table = build_synonym_table([("primair onderwijs", "po"), ("beleid en draagvlak", "cultuurbeleid")],
                                {"Kaag & Braassem": [("region", "kaag-en-braassem")]})
    assert not table[("primair", "onderwijs")].conjoined
    assert table[("beleid", "draagvlak")].conjoined
    assert table[("kag", "braassem")].conjoined
