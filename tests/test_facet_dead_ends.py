"""Facet counts and totals where a filter keeps nothing of the query's listing over every document, so that the query
is decided again under it (no dead end; SearchEngine._listing). Found by benchmarks/facet_oracle.py (session 21): the
region above a selected place counted 0 beside the place's 2, and a place ticked beside another in such a dead end
made the query less relaxed, and the page list fewer."""
from __future__ import annotations

import shutil

import pytest

from conftest import REPO, write_document
from kennisplatform.corpus import taxonomy_for
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine


def build(root, pages):
    """An index of `pages` (id, region, date, body) with the bundled taxonomy, in root."""
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(REPO / "corpus" / "taxonomy.yaml", corpus / "taxonomy.yaml")
    for doc_id, region, date, body in pages:
        write_document(corpus, doc_id, "verslag" if date < "2023" else "voorbeeldproject", date, [], [region], {},
                       body + "\n")
    taxonomy = taxonomy_for(corpus)
    update_index(corpus, root / "index", taxonomy=taxonomy)
    return SearchEngine(root / "index", taxonomy)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """Ten pages have both words of "dans muziek" in Leiden and one in Papendrecht: the query needs no relaxation over
    every document and lists those eleven. Gorinchem's two pages (2023) have "dans" alone, Delft's one "muziek" alone,
    and one of Hardinxveld-Giessendam (beside Gorinchem in the Alblasserwaard) neither: ticking Gorinchem decides the
    query again within it, and lists its pages with the words apart."""
    pages = [(f"leiden-{n}", "Leiden", f"2022-03-{n + 1:02d}", "Dans en muziek op school.") for n in range(10)]
    pages += [("papendrecht", "Papendrecht", "2021-05-01", "Dans en muziek in de wijk."),
              ("gorinchem-0", "Gorinchem", "2023-06-01", "Dans in de klas."),
              ("gorinchem-1", "Gorinchem", "2023-06-02", "Dans in de klas."),
              ("delft", "Delft", "2019-01-01", "Muziek op het plein."),
              ("hardinxveld", "Hardinxveld-Giessendam", "2020-01-01", "Toneel in het dorp.")]
    engine = build(tmp_path_factory.mktemp("dead-ends"), pages)
    yield engine
    engine.close()


def search(engine, q="dans muziek", **selection):
    return engine.search(SearchParams(q=q, per_page=100, **selection))


def ids(result) -> set[str]:
    return {hit.id for hit in result.hits}


def counts(result, facet: str) -> dict[str, int]:
    return {b.value: b.count for b in result.facets[facet].buckets}


def test_the_corpus_makes_the_dead_end(engine):
    whole = search(engine)
    assert whole.relaxation is None and whole.total == 11  # both words, a page full: nothing relaxed
    gorinchem = search(engine, region=("gorinchem",))
    assert ids(gorinchem) == {"gorinchem-0", "gorinchem-1"}  # decided again within Gorinchem: "dans" alone
    assert gorinchem.relaxation.kind == "any-words"


def test_a_region_above_a_selected_place_counts_what_ticking_it_lists(engine):
    """Alblasserwaard (above Gorinchem) counted 0 beside Gorinchem's 2: it was counted over the search without the
    region, where the query finds nothing in it, while Gorinchem counted what the page lists of it. Ticking a region
    adds it (OR); its count is its pages in that listing."""
    shown = counts(search(engine, region=("gorinchem",)), "region")
    assert shown["gorinchem"] == 2
    with_alblasserwaard = search(engine, region=("gorinchem", "alblasserwaard"))
    assert shown["alblasserwaard"] == sum(h.id.startswith("gorinchem") for h in with_alblasserwaard.hits) == 2
    # Zuid-Holland has the eleven pages with both words: ticking it, the filters take those of the whole listing.
    assert shown["zuid-holland"] == search(engine, region=("gorinchem", "zuid-holland")).total == 11
    assert shown["zuid-holland"] >= shown["alblasserwaard"] >= shown["gorinchem"]


def test_a_value_clicked_on_a_dead_end_lists_its_count(engine):
    """Gorinchem or Delft: the query is decided again within each, one after the other. Each type and year counts
    what the page lists of it, and ticking it lists that many."""
    params = {"region": ("gorinchem", "delft")}
    result = search(engine, **params)
    assert result.total == 3 and [hit.id for hit in result.hits][-1] == "delft"  # Gorinchem's pages first
    offered = [(facet, value, n) for facet in ("type", "year") for value, n in counts(result, facet).items()
               if n and not (facet == "year" and "-" in value)]  # a period: the sum of its years
    assert len(offered) == 4
    for facet, value, n in offered:
        assert search(engine, **params, **{facet: (value,)}).total == n, (facet, value)


def test_a_single_dead_end_lists_as_before(engine):
    """Deciding each combination of selected values on its own changes nothing where there is one: a region and a
    type both selected list what the query decided again under both lists."""
    result = search(engine, region=("gorinchem",), type=("voorbeeldproject",))
    assert ids(result) == {"gorinchem-0", "gorinchem-1"} and result.relaxation.kind == "any-words"
    assert ids(search(engine, region=("delft",))) == {"delft"}


@pytest.fixture(scope="module")
def relaxed(tmp_path_factory):
    """"dans muziek theater": ten pages in Leiden have all three words; Gorinchem has two pages with two of them and
    fifteen with one, Delft eight with two. Within Gorinchem the query is relaxed to one word to fill a page (17);
    within Gorinchem or Delft, decided at once, two words filled it (10)."""
    kinds = [("leiden", "Leiden", 10, "Dans, muziek en theater op school."),
             ("gorinchem-twee", "Gorinchem", 2, "Dans en muziek in de klas."),
             ("gorinchem-een", "Gorinchem", 15, "Dans in de klas."),
             ("delft", "Delft", 8, "Dans en muziek op het plein.")]
    pages = [(f"{name}-{n}", region, f"2022-01-{n + 1:02d}", body)
             for name, region, number, body in kinds for n in range(number)]
    engine = build(tmp_path_factory.mktemp("relaxed"), pages)
    yield engine
    engine.close()


def test_a_value_ticked_beside_a_dead_end_does_not_list_fewer(relaxed):
    """Gorinchem listed 17, Gorinchem or Delft 10: the query decided again for both at once had ten pages with two
    of its words, and was not relaxed to one. Each selected value is decided on its own now: 17 and Delft's 8."""
    q = "dans muziek theater"
    assert search(relaxed, q).total == 10 and search(relaxed, q).relaxation is None
    gorinchem, delft = search(relaxed, q, region=("gorinchem",)), search(relaxed, q, region=("delft",))
    both = search(relaxed, q, region=("gorinchem", "delft"))
    assert (gorinchem.total, delft.total) == (17, 8)
    assert ids(both) == ids(gorinchem) | ids(delft)
    assert (counts(both, "region")["gorinchem"], counts(both, "region")["delft"]) == (17, 8)


def test_many_values_ticked_in_a_dead_end_are_decided_at_once(engine, monkeypatch):
    # Each combination of ticked values is a search of its own: beyond MOST_CELLS of them (many places ticked in several
    # facets make thousands) the whole selection is decided once, and still lists what it has.
    from kennisplatform import facets

    params = SearchParams(q="dans muziek", region=("gorinchem", "delft", "hardinxveld-giessendam"))
    index = engine.state().facet_index
    assert len(index.cells(params)) == 3
    assert index.cells(params, most=2) is None
    per_cell = search(engine, region=params.region)
    monkeypatch.setattr(facets, "MOST_CELLS", 1)
    at_once = search(engine, region=params.region)
    assert ids(at_once) <= {"gorinchem-0", "gorinchem-1", "delft", "hardinxveld"} and at_once.total
    assert ids(per_cell) >= ids(at_once)
