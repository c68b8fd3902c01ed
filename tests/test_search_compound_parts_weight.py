"""A compound that is searched as its parts (search._compound_words: no page has it whole, or a one-compound query's
page is filled with its parts) ranks the pages with some of its parts by the weight of what they have
(search._partial_by_weight, COMPOUND_SHARE_POWER): the page with the rare, telling part comes before pages that repeat
the common one. "architectuureducatie" listed pages about "educatie" first and the architecture workshop far down."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform.search import SearchParams

FILLER = " Het was een mooie dag en iedereen deed mee. Na afloop was er limonade voor de kinderen en de ouders."
COMMON = [(f"edu-{n}", f"Educatie {word}", [], f"Educatie en nog eens educatie: {word}." + FILLER)
          for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen", "theater", "koor", "museum"])]
OTHERS = [(f"other-{n}", f"Bericht {n}", [], f"Nieuws over {word} in de regio." + FILLER)
          for n, word in enumerate(["muziek", "dans", "erfgoed", "film", "lezen", "theater", "koor", "museum", "sport",
                                    "natuur", "techniek", "koken", "tuin", "water", "mode", "strips", "poppen",
                                    "circus", "zang", "fotografie"])]
DOCS = [("archi", "Ontwerpen met kinderen", [],
         "De kinderen ontwerpen een huis in een workshop over architectuur." + FILLER * 3)] + COMMON + OTHERS

engine = articles_engine(DOCS)


def test_a_compound_no_page_has_lists_the_page_with_its_rare_part_first(engine):
    result = engine.search(SearchParams(q="architectuureducatie"))
    assert result.relaxation is not None and result.relaxation.kind == "parts"
    assert result.hits[0].id == "archi"
    assert {hit.id for hit in result.hits} == {doc[0] for doc in DOCS[:1] + COMMON}  # the common part's too


# One page has the compound whole: it comes first, and the page is filled with its parts' pages (search._with_fill),
# the rare part's page first.
WHOLE = [("whole", "Architectuureducatie", [], "Architectuureducatie op de basisschool." + FILLER)] + DOCS

whole = articles_engine(WHOLE, name="whole")


def test_a_compound_page_is_filled_with_the_rare_part_before_the_common_one(whole):
    assert hits(whole, "architectuureducatie")[:2] == ["whole", "archi"]
