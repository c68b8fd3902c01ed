"""A query of two or three content words that no page answers with every word ranks the pages with some of them by the
weight of what they have (search._partial_by_weight: places since session 14, questions since session 23, every short
query since session 27), not first by how many of the words they have: "wat doet een cultuurcoach voor scholen en
verenigingen" listed pages with the common "scholen" and "verenigingen" before the pages about the cultuurcoach. And it
lists them by weight (search._as_heavy, session 25): the pages with its rarest word are listed where pages with two of
its common words would fill a page."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.search import SearchParams

FILLER = " Het was een mooie dag."
DOCS = [
    ("coach", "De cultuurcoach", [], "De cultuurcoach helpt de cultuurcoach van het dorp." + FILLER),
    ("sport", "Sportdag", [], "Scholen en verenigingen deden mee aan de sportdag." + FILLER),
    ("markt", "Markt", [], "Scholen en verenigingen stonden op de markt." + FILLER),
] + [(f"school-{n}", f"Nieuws {n}", [], f"De scholen openen de deuren, {word}." + FILLER)
     for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen", "theater", "koor", "museum"])] \
  + [(f"club-{n}", f"Club {n}", [], f"De verenigingen zoeken leden, {word}." + FILLER)
     for n, word in enumerate(["voetbal", "tennis", "schaak"])]

engine = articles_engine(DOCS)


def test_a_question_ranks_the_page_with_its_rare_word_before_pages_with_two_common_ones(engine):
    found = hits(engine, "wat doet een cultuurcoach voor scholen en verenigingen?")
    assert found[0] == "coach"


def test_the_same_words_as_keywords_rank_by_weight_too(engine):
    # Not a question, and still the page with the rare word first (session 27; by the number of words until then).
    found = hits(engine, "cultuurcoach scholen verenigingen")
    assert found[0] == "coach" and found.index("sport") < found.index("school-0")


# Ten pages with both common words fill a page of their own, so that by the number of words matched the page with
# only the rare one was not listed at all (session 25: the cultuurcoach's pages beside the bundled corpus).
CROWDED = [("coach", "De cultuurcoach", [], "De cultuurcoach helpt de cultuurcoach van het dorp." + FILLER)] \
    + [(f"both-{n}", f"Bericht {n}", [], f"Scholen en verenigingen werken samen aan {word}." + FILLER)
       for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen", "theater", "koor", "museum",
                                 "sport", "natuur", "techniek", "koken"])] \
    + [(f"only-{n}", f"Scholen {n}", [], f"De scholen openen de deuren, {word}." + FILLER)
       for n, word in enumerate(["maandag", "dinsdag", "woensdag"])]

crowded = articles_engine(CROWDED, name="crowded")


def test_a_question_lists_the_page_with_its_rare_word_where_pages_with_two_common_words_fill_a_page(crowded):
    result = crowded.search(SearchParams(q="wat doet een cultuurcoach voor scholen en verenigingen?"))
    found = [hit.id for hit in result.hits]
    assert found[0] == "coach"
    # A page with one common word weighs less than one with two, so it is still not listed.
    assert result.total == 13 and not any(hit.startswith("only-") for hit in found)


def test_keywords_list_the_page_with_their_rare_word_too(crowded):
    result = crowded.search(SearchParams(q="cultuurcoach scholen verenigingen", per_page=20))
    assert result.hits[0].id == "coach" and result.total == 13


# The rare word in four pages weighs less than the two common words together (60 pages in all): its pages are still
# listed, as the question's rarest word ("hoe kan ik met mijn klas een archief bezoeken": a treasure hunt in an
# archive that says neither "klas" nor "bezoeken").
RARER = [(f"archief-{n}", f"Speurtocht {n}", [], f"Kinderen zoeken in het archief naar {word}." + FILLER)
         for n, word in enumerate(["kaarten", "brieven", "foto's", "zegels"])] \
    + [(f"klas-{n}", f"Uitje {n}", [], f"De klas ging op bezoek bij {word}." + FILLER)
       for n, word in enumerate(["de bakker", "de boer", "de brandweer", "de molen", "het museum", "de haven",
                                 "de kerk", "het bos", "de dierentuin", "de markt", "de bieb", "het strand"])] \
    + [(f"plain-{n}", f"Bericht {n}", [], f"Een verhaal over dag {n} van het jaar." + FILLER) for n in range(44)]

rarer = articles_engine(RARER, name="rarer")


def test_a_question_lists_the_pages_with_its_rarest_word_though_it_weighs_less_than_two_common_ones(rarer):
    found = hits(rarer, "hoe kan ik met mijn klas een archief bezoeken", per_page=20)
    assert {f"archief-{n}" for n in range(4)} <= set(found) and len(found) == 16
