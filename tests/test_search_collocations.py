"""A filler word in a fixed expression is a content word (session 12): "word" is a form of "worden" in most texts,
a filler word of questions ("hoe word je ..."), but "spoken word" is a kind of poetry, and the pages that have
"spoken" nearly all have "spoken word". The query then asks for both words; a page about ghosts ("spoken") no longer
comes first. A filler word next to a word it only sometimes follows stays a filler word."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.params import SearchParams
from kennisplatform.query import parse_query

DOCS = [
    ("spoken-word-klas", "Taal in de klas", "In een workshop spoken word schrijven leerlingen hun eigen tekst."),
    ("spoken-word-podium", "Op het podium", "Leerlingen dragen spoken word voor op het podium van de school."),
    ("spoken-word-festival", "Festival", "Het festival sluit af met spoken word en rap van jongeren."),
    ("spookverhalen", "Geesten in het kasteel", "Spoken en geesten: in het kasteel vertellen gidsen over spoken."),
    ("docent-worden", "De opleiding", "Je word dansdocent na de opleiding; zo word je dansdocent."),
    ("docent-worden-2", "Werken in de dans", "Na de academie word dansdocent of danser."),
    ("dansdocent", "Vak van de week", "De dansdocent geeft les. Een dansdocent werkt met kinderen; elke dansdocent."),
    ("dansdocent-2", "Les op school", "Een dansdocent komt op school."),
    ("dansdocent-3", "Vakles", "Met een dansdocent in de gymzaal."),
] + [(f"ander-{n}", f"Nieuws {n}", f"De school en {word} in de regio.") for n, word in enumerate(["muziek", "film"])]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])


def test_a_filler_word_in_a_fixed_expression_counts_as_a_word(engine):
    ranking = hits(engine, "spoken word")
    assert set(ranking[:3]) == {"spoken-word-klas", "spoken-word-podium", "spoken-word-festival"}
    assert ranking[3] == "spookverhalen"  # "spoken" alone: after the pages with both words


def test_a_filler_word_next_to_a_word_it_only_sometimes_follows_stays_a_filler_word(engine):
    # "word dansdocent" is in two of the five pages with "dansdocent": no expression, so "word" stays a filler word
    # (which group is content is what the plan and the tiers are built from; the ranking of such a small collection
    # would not show it).
    assert _fillers(engine, "word dansdocent") == {"word": True, "dansdocent": False}
    assert _fillers(engine, "spoken word") == {"spoken": False, "word": False}


def _fillers(engine, query: str) -> dict[str, bool]:
    return {g.text: g.filler for g in engine._with_collocations(engine.state(), parse_query(query)).groups}


def test_a_corrected_query_keeps_its_fixed_expression(engine):
    # "spokne" is no word of the collection: the query searched is the corrected "spoken word", parsed as typed
    # queries are, with "word" a content word.
    result = engine.search(SearchParams(q="spokne word"))
    assert result.relaxation is not None and result.relaxation.used == "spoken word"
    ranking = [hit.id for hit in result.hits]
    assert set(ranking[:3]) == {"spoken-word-klas", "spoken-word-podium", "spoken-word-festival"}
