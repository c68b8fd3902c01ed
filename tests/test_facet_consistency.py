"""What a search page says it would give (facet counts, "Zonder ...", "Alleen ...?") against what following it
gives, over the bundled corpus. A query is relaxed to fill a page (SearchEngine._plan, _correct, _relax): that is
decided over every document and the filters take what they select of it, except where they would keep nothing
(then the query is decided again under them). These numbers are counted over the listing of the search they stand
for, not over the one on screen (found by a randomized oracle, session 17)."""
from __future__ import annotations

import shutil

import pytest

from conftest import REPO, build_app, write_document
from kennisplatform.corpus import taxonomy_for
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(REPO / "corpus", root / "corpus", ignore=shutil.ignore_patterns(".git"))
    taxonomy = taxonomy_for(root / "corpus")
    update_index(root / "corpus", root / "index", taxonomy=taxonomy)
    engine = SearchEngine(root / "index", taxonomy)
    yield engine, root
    engine.close()


def counts(result, facet: str) -> dict[str, int]:
    return {b.value: b.count for b in result.facets[facet].buckets if b.count}


@pytest.mark.parametrize("q, facet, value", [
    ("begint leergemeenschap", "region", "holland-rijnland"),  # without the region: 5 listed; 40 counted under Nederland
    ("samenwerkte dorpsmusea", "theme", "communicatie"),
    ("kritische samenhangt bevraagd", "audience", "buitenschools"),
])
def test_a_facet_counts_the_same_with_and_without_its_own_selection(bundled, q, facet, value):
    """Each facet is counted as if its own values were not selected: the counts beside the other boxes are the
    listing that unticking them gives. The search relaxed under the selection (fewer words, a compound's parts)
    and the facet was counted over that wider listing: Nederland 40 where the search without the region lists 5.
    The ticked value itself counts what the page lists of it."""
    engine, _ = bundled
    chosen = engine.search(SearchParams(q=q, **{facet: (value,)}))
    free = engine.search(SearchParams(q=q))
    inside = {value, *(engine.taxonomy.descendants(value) if facet == "region" else ())}
    assert {v: n for v, n in counts(chosen, facet).items() if v not in inside} == \
        {v: n for v, n in counts(free, facet).items() if v not in inside}
    assert counts(chosen, facet)[value] == chosen.total  # every listed document has the one value ticked
    assert free.total <= 100 and len(counts(free, facet)) > 1  # the comparison means something


def test_a_filter_drop_says_what_searching_without_the_value_lists(bundled):
    """On an empty page, "Zonder regio ‘Papendrecht’: 29" led to 11 results: the 29 were counted over the
    query relaxed for the Papendrecht filter, while the search without it needs no such relaxation."""
    engine, _ = bundled
    result = engine.search(SearchParams(q="praktijk biedt", region=("papendrecht",)))
    assert result.total == 0
    (drop,) = result.filter_drops
    assert drop.total == engine.search(SearchParams(q="praktijk biedt")).total > 0


@pytest.mark.parametrize("q, region", [
    ("jongerenwerk bodegraven", "nederland"),  # "Alleen Bodegraven-Reeuwijk? (1)": its link listed 19 (OR Nederland)
    ("zwijndrecht provincies publiceren", "zuid-holland"),
    ("Hoeksche Waard (regio) besproken", "nederland"),
])
def test_the_place_offer_lists_what_it_says(bundled, q, region):
    """"Alleen <plaats>?" narrows to that place: its link replaces the region above it (ticking it beside a chosen
    region would add it, OR, and list as many as before), and its count is what that search lists."""
    engine, root = bundled
    params = SearchParams(q=q, region=(region,))
    result = engine.search(params)
    offer = result.place_filter
    assert offer is not None
    narrowed = engine.search(params.only_region(offer.value))
    assert narrowed.params.region == (offer.value,)
    assert narrowed.total == offer.total < result.total
    client = build_app(root / "corpus", root / "index").test_client()
    page = client.get("/zoeken", query_string=params.to_args()).get_data(as_text=True)
    link = f'/zoeken?q={q.replace(" ", "+").replace("(", "%28").replace(")", "%29")}&amp;region={offer.value}"'
    assert link in page


def test_no_place_offer_that_would_widen(tmp_path):
    """With a region chosen that is not above the place the query names, "Alleen <plaats>?" cannot narrow: it
    counted the documents of both (1 of 2) and its link added the place (OR), listing 3."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPO / "corpus" / "taxonomy.yaml", corpus / "taxonomy.yaml")
    write_document(corpus, "beide", "verslag", "2023-01-01", [], ["Den Haag", "Leiden"], {}, "Dans in Leiden.\n")
    write_document(corpus, "haags", "verslag", "2023-01-02", [], ["Den Haag"], {}, "Dans op school.\n")
    write_document(corpus, "leids", "verslag", "2023-01-03", [], ["Leiden"], {}, "Dans in Leiden.\n")
    taxonomy = taxonomy_for(corpus)
    update_index(corpus, tmp_path / "index", taxonomy=taxonomy)
    engine = SearchEngine(tmp_path / "index", taxonomy)
    try:
        assert engine.search(SearchParams(q="dans Leiden", region=("den-haag",))).place_filter is None
        offer = engine.search(SearchParams(q="dans Leiden", region=("zuid-holland",))).place_filter
        assert (offer.value, offer.total) == ("leiden", 2)  # above the place: it narrows, to what it lists
        assert engine.search(SearchParams(q="dans Leiden", region=("leiden",))).total == 2
    finally:
        engine.close()


@pytest.mark.parametrize("q", ["muziekles kinderen", "dans op school", "museum bezoek", "muziek in de klas"])
def test_a_facet_value_lists_what_its_count_says(bundled, q):
    """A short query whose page is filled with documents that lack a word (fewer than a page have them all):
    "Artikelsamenvattingen (9)" listed 16 when ticked, since the query was planned again under the filter and
    filled that page with more of them. The listing is now decided over every document, and a filter takes what
    it selects of it, as a shop's filters do."""
    engine, _ = bundled
    result = engine.search(SearchParams(q=q))
    offered = [(facet, value, n) for facet in result.facets for value, n in counts(result, facet).items()]
    assert len(offered) > 10
    for facet, value, n in offered:
        ticked = engine.search(SearchParams(q=q, **{facet: (value,)}))
        assert ticked.total == n, (facet, value)
        listed = [h.id for h in engine.search(SearchParams(q=q, per_page=100)).hits]
        # In the order of the whole listing: a filter takes away, it does not reorder.
        assert [h.id for h in ticked.hits] == [i for i in listed if i in {h.id for h in ticked.hits}]


def test_a_filter_that_keeps_only_documents_lacking_a_word_says_so(bundled):
    engine, _ = bundled
    assert engine.search(SearchParams(q="muziek in de klas")).relaxation is None
    result = engine.search(SearchParams(q="muziek in de klas", region=("holland-rijnland",)))
    assert result.total == 1 and result.relaxation.kind == "any-words"
    assert result.relaxation.message.startswith("Geen resultaten met alle woorden van ‘muziek in de klas’")


def test_a_filter_that_keeps_only_a_compounds_parts_says_so(bundled):
    """No page of the theme "leerecosysteem" has "jeugdhulp"; two have a part of it, and fill the page of the whole
    listing after the pages with the word (session 20): the filter keeps those two, and the page says so."""
    engine, _ = bundled
    whole = engine.search(SearchParams(q="jeugdhulp"))
    assert whole.relaxation is None and counts(whole, "theme")["leerecosysteem"] == 2
    result = engine.search(SearchParams(q="jeugdhulp", theme=("leerecosysteem",)))
    assert result.total == 2 and result.relaxation.kind == "parts"
    assert result.relaxation.message.startswith("Geen resultaten voor ‘jeugdhulp’; hieronder de resultaten met een")
