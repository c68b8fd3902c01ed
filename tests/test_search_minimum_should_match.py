"""A long query lists its documents by a low minimum of its words' weight (search.MIN_SHOULD_MATCH): a page about
its main word that lacks two rare words the question happens to use is listed and ranked by its score, not left
out for weak pages that happen to have those rare words."""
from __future__ import annotations

from kennisplatform import search
from kennisplatform.params import SearchParams

from conftest import articles_engine, hits

PADDING = " De bijeenkomst duurde tot de late middag en eindigde met koffie, thee en een rondleiding." * 6
# "taken" is about the cultuurcoördinator and his school; "rollen" and "vervullen" are rare here and the pages
# that have them mention the school in passing, in long texts about other things.
DOCS = [
    ("taken", "Taken van de cultuurcoördinator",
     "De cultuurcoördinator maakt het cultuurplan van de basisschool, overlegt met het team en is het "
     "aanspreekpunt van de cultuurcoördinator-netwerken."),
    ("toneel", "Het toneelstuk", "De rollen in het toneelstuk van de basisschool waren snel verdeeld." + PADDING),
    ("musical", "De musical", "Rollen uitdelen voor de musical van de basisschool." + PADDING),
    ("schoolreis", "Het schoolreisje", "De rollen van ouders op de basisschool bij het schoolreisje." + PADDING),
    ("wens", "Een wens", "Een wens vervullen met muziek op de basisschool." + PADDING),
] + [(f"netwerk-{n}", f"Netwerk {n}", f"De cultuurcoördinator van de basisschool in {town} bestelt de bus.")
     for n, town in enumerate(["Gouda", "Delft", "Leiden"])] + [
    (f"school-{n}", f"School {n}", f"Een basisschool in {town} met een nieuw gebouw.")
    for n, town in enumerate(["Gorinchem", "Schiedam"])]

engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])

QUESTION = "welke rollen kan een cultuurcoördinator op de basisschool vervullen"


def test_a_long_query_lists_the_page_about_its_main_word_without_its_rare_words(engine, monkeypatch):
    # "taken" has "cultuurcoördinator" and "basisschool" (which every document here has): under a quarter of
    # the query's weight. "toneel", "musical" and "schoolreis" have "rollen" too (over a quarter) in long texts,
    # and "wens" has the rarest word, "vervullen" (half). A minimum of a quarter would fill the page with those.
    monkeypatch.setattr(search, "PAGE_TO_FILL", 3)  # pages of three: the listing is relaxed to fill three
    found = hits(engine, QUESTION, per_page=3)
    assert found[0] == "taken"
    assert "wens" in found


def test_a_long_query_still_lists_nothing_without_any_of_its_words(engine):
    result = engine.search(SearchParams(q=QUESTION, per_page=20))
    assert result.total == len(DOCS)  # every document here has one of the words
    assert "taken" in [h.id for h in result.hits]
    assert engine.search(SearchParams(q="welke rollen kan een dirigent op het conservatorium vervullen")).total \
        == 4  # the three with "rollen" and the one with "vervullen"


def test_a_long_querys_listing_is_the_same_whatever_the_page_size(engine):
    totals = {engine.search(SearchParams(q=QUESTION, per_page=n)).total for n in (1, 3, 10, 50)}
    assert totals == {engine.search(SearchParams(q=QUESTION)).total}
