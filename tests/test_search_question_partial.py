"""A question of three content words that no page answers with every word ranks the pages with some of them by the
weight of what they have, as a place query does (search._partial_by_weight, session 23), not first by how many of the
words they have: "wat doet een cultuurcoach voor scholen en verenigingen" listed pages with the common "scholen" and
"verenigingen" before the pages about the cultuurcoach."""
from __future__ import annotations

from conftest import articles_engine, hits

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


def test_the_same_words_as_keywords_keep_their_tiers(engine):
    # Not a question: the pages with more of the words come first, as before.
    found = hits(engine, "cultuurcoach scholen verenigingen")
    assert found.index("sport") < found.index("coach") and found.index("markt") < found.index("coach")
