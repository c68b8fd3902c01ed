"""Our array-based postings and BM25F against Whoosh's own matchers and scorer, on a real index; the arrays
come from the segments' sidecar files (sidecars.py), as in a running engine."""
from __future__ import annotations

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.scoring import BM25F

from kennisplatform import bitsets, postings, ranking, schema, sidecars
from kennisplatform import search as search_module
from kennisplatform.index import open_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

from conftest import REPO, saved_starter_index


@pytest.fixture(scope="module")
def starter_reader(tmp_path_factory):
    """The starter corpus, indexed; then one document added and one changed, so the reader has
    several segments and a deleted document, as a live index does after editors' saves."""
    _, index_dir = saved_starter_index(tmp_path_factory.mktemp("ranking"),
                                       "Erfgoed en erfgoedonderwijs in Gouda: leerlingen onderzoeken erfgoed van de stad.\n")
    searcher = open_index(index_dir).searcher(weighting=BM25F())
    searcher.index_dir = index_dir
    yield searcher
    searcher.close()


def _arrays(searcher) -> sidecars.ReaderArrays:
    return sidecars.ReaderArrays(searcher.reader(), searcher.index_dir)


def _whoosh_postings(reader, field, term):
    matcher = reader.postings(field, term)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def test_the_fixture_reader_has_segments_and_a_deletion(starter_reader):
    reader = starter_reader.reader()
    assert len(reader.leaf_readers()) >= 2
    assert reader.doc_count_all() > reader.doc_count()


@pytest.mark.parametrize("field,term", [("body", "erfgoed"), ("body", "cultuureducatie"), ("title", "erfgoed"),
                                        ("summary", "school"), ("body", "niet-bestaand-woord")])
@pytest.mark.parametrize("source", ["blocks", "sidecars"])
def test_postings_read_by_block_equal_whooshs_matcher(starter_reader, field, term, source):
    reader = starter_reader.reader()
    if source == "blocks":
        found = postings.read_postings(reader, field, term)
    else:
        found = _arrays(starter_reader).postings(field, term)
    live = set(reader.all_doc_ids())
    try:
        ids, weights = _whoosh_postings(reader, field, term)
    except Exception:  # TermNotFound
        ids, weights = [], []
    kept = [(int(d), float(w)) for d, w in zip(found.docs, found.weights) if d in live]
    assert [d for d, _ in kept] == ids
    assert np.allclose([w for _, w in kept], weights)
    assert list(found.docs) == sorted(found.docs)
    assert len(found) == (reader.doc_frequency(field, term) if ids else 0)


def test_sidecar_postings_equal_whooshs_for_every_term(starter_reader):
    """Every term of every ranked and faceted field, deleted documents included, as Whoosh stored it."""
    reader = starter_reader.reader()
    arrays = _arrays(starter_reader)
    for field in sidecars.CAPTURED:
        for raw in reader.lexicon(field):
            term = raw.decode("utf-8")
            theirs = postings.read_postings(reader, field, term)
            ours = arrays.postings(field, term)
            assert ours.docs.tolist() == theirs.docs.tolist(), (field, term)
            assert ours.weights.tolist() == theirs.weights.tolist(), (field, term)


def test_field_lengths_equal_whooshs(starter_reader):
    reader = starter_reader.reader()
    lengths = postings.field_lengths(reader, "body")
    assert len(lengths) == reader.doc_count_all()
    assert _arrays(starter_reader).field_lengths("body").tolist() == lengths.tolist()
    for docnum in reader.all_doc_ids():
        assert lengths[docnum] == reader.doc_field_length(docnum, "body")


@pytest.mark.parametrize("term", ["erfgoed", "cultuureducatie", "leerlijn", "muziek"])
def test_scores_equal_whooshs_bm25f_over_the_boosted_fields(starter_reader, term):
    reader = starter_reader.reader()
    ranker = ranking.Ranker(_arrays(starter_reader), schema.TEXT_FIELDS)
    ours = ranker.zeros()
    for name in schema.TEXT_FIELDS:
        ranking.add_all(ours, [ranker.term(name, term)])
    query = wq.Or([wq.Term(name, term, boost=boost) for name, boost in schema.TEXT_FIELDS.items()])
    hits = starter_reader.search(query, limit=None)
    assert len(hits) > 0
    for hit in hits:
        assert ours[hit.docnum] == pytest.approx(hit.score, rel=1e-4)
    assert {int(d) for d in np.flatnonzero(ours)} >= {hit.docnum for hit in hits}


def test_all_words_in_one_field_score_only_where_the_field_has_them_all(starter_reader):
    reader = starter_reader.reader()
    ranker = ranking.Ranker(_arrays(starter_reader), schema.TEXT_FIELDS)
    both = ranker.zeros()
    ranking.add_all(both, [ranker.term("body", "erfgoed"), ranker.term("body", "muziek")])
    erfgoed = set(ranker.term("body", "erfgoed").docs.tolist())
    muziek = set(ranker.term("body", "muziek").docs.tolist())
    assert {int(d) for d in np.flatnonzero(both)} == erfgoed & muziek


def test_top_orders_by_score_then_docnum_and_keeps_ties_at_the_cut():
    scores = np.array([1.0, 3.0, 2.0, 3.0, 0.5, 2.0, 2.0])
    candidates = np.array([0, 1, 2, 3, 5, 6])
    assert ranking.top(scores, candidates, 3) == [(1, 3.0), (3, 3.0), (2, 2.0)]
    assert ranking.top(scores, candidates, 4) == [(1, 3.0), (3, 3.0), (2, 2.0), (5, 2.0)]
    assert ranking.top(scores, candidates, 10)[-1] == (0, 1.0)
    assert ranking.top(scores, np.array([], dtype=np.int64), 3) == []


def test_bitsets_and_arrays_convert_both_ways():
    docs = np.array([0, 7, 8, 63, 64, 99])
    bits = bitsets.from_array(docs, 100)
    assert list(bitsets.iter_ids(bits)) == docs.tolist()
    assert bitsets.to_array(bits, 100).tolist() == docs.tolist()
    assert bitsets.to_mask(bits, 100).sum() == len(docs)
    assert bitsets.to_array(bits, 64).tolist() == [0, 7, 8, 63]


def test_facet_counts_by_gathering_rows_equal_counts_by_popcount(starter_reader):
    """Small result sets are counted one way, large ones another: both must give every value's count."""
    import random

    from kennisplatform.facets import FACETS, FacetIndex

    index = FacetIndex.build(_arrays(starter_reader))
    live = list(bitsets.iter_ids(index.live))
    chooser = random.Random(7)
    for size in (1, 5, 20, len(live)):
        base = bitsets.from_array(np.array(chooser.sample(live, size)), index.size)
        docs = bitsets.to_array(base, index.size)
        words = bitsets.to_words(base, index.size)
        for facet in FACETS:
            expected = {value: (base & bits).bit_count() for value, bits in index.values[facet].items()}
            assert index.codes[facet].counts_of_docs(docs) == expected
            assert index.codes[facet].counts_of_words(words) == expected


# -- phrases: adjacency from the sidecars' positions against Whoosh's phrase matcher -----------------------
def _phrases_of(text: str, limit: int) -> list[tuple[str, ...]]:
    """Runs of two and three consecutive words of a text as the index holds them: a word's stem or one of
    its compound parts (which share the word's position), forwards, and some backwards."""
    from kennisplatform import analysis

    at: dict[int, list[str]] = {}
    for term, (positions, _) in analysis.index_postings(text).items():
        for position in positions:
            at.setdefault(position, []).append(term)
    phrases = []
    for position in sorted(at)[:limit]:
        here, after, later = at[position], at.get(position + 1, []), at.get(position + 2, [])
        for first in here:
            phrases += [(first, second) for second in after]
            phrases += [(first, after[0], third) for third in later[:1]] if after else []
        if after:
            phrases.append((after[-1], here[0]))  # the other way round: usually not in the text
    return phrases


def _whoosh_phrase(searcher, field: str, terms: tuple[str, ...]) -> set[int]:
    matcher = wq.Phrase(field, list(terms)).matcher(searcher)
    live = set(searcher.reader().all_doc_ids())
    return set(matcher.all_ids()) & live if matcher.is_active() else set()


def _candidates(reader, arrays: sidecars.ReaderArrays, field: str, terms: tuple[str, ...]) -> np.ndarray:
    """As search does: the live documents with every word of the phrase in the field."""
    docs = set(reader.all_doc_ids())
    for term in terms:
        docs &= set(arrays.postings(field, term).docs.tolist())
    return np.array(sorted(docs), dtype=np.int64)


def test_phrases_from_sidecar_positions_equal_whooshs_phrase_matcher(starter_reader):
    """Phrases taken from the documents themselves (so most match, some in several documents), reversed
    pairs, a repeated word and words that are never adjacent: in every text field, over several segments
    and with a deleted document, the same documents as Whoosh's Phrase query."""
    reader = starter_reader.reader()
    arrays = _arrays(starter_reader)
    phrases: set[tuple[str, ...]] = {("erfgoed", "erfgoed"), ("cultuureducatie", "erfgoed"), ("de", "de", "de"),
                                     ("erfgoed", "niet-bestaand-woord")}
    for docnum in list(reader.all_doc_ids())[::6]:
        stored = reader.stored_fields(docnum)
        for field in schema.TEXT_FIELDS:
            phrases.update(_phrases_of(stored.get(field) or "", 12))
    matched = 0
    for field in schema.TEXT_FIELDS:
        for terms in sorted(phrases):
            expected = _whoosh_phrase(starter_reader, field, terms)
            found = arrays.phrase_docs(field, terms, _candidates(reader, arrays, field, terms))
            assert found.tolist() == sorted(expected), (field, terms)
            matched += len(expected) > 1
    assert matched > 20  # phrases found in more than one document were compared too


def test_positions_written_with_the_segment_equal_whooshs(starter_reader):
    """Each posting's positions in a sidecar, as Whoosh's matcher decodes them, deleted documents too."""
    reader = starter_reader.reader()
    for segment, _ in reader.leaf_readers():
        loaded = sidecars.load(starter_reader.index_dir, segment.segment().segment_id(), segment.doc_count_all())
        for field in schema.TEXT_FIELDS:
            table = loaded.terms[field]
            for number, term in enumerate(table.names()[::7]):
                number *= 7
                docs, _ = table.postings(number)
                owner, positions = table.positions_of(number, docs.astype(np.int64))
                ours = [positions[owner == i].tolist() for i in range(len(docs))]
                matcher = segment._terms.matcher(field, term.encode("utf-8"), segment.schema[field].format)
                theirs = []
                while matcher.is_active():
                    theirs.append(list(matcher.value_as("positions")))
                    matcher.next()
                assert ours == theirs, (field, term)


@pytest.mark.parametrize("universe", [1_000, 20_000])  # lists long against all documents (masks), short
def test_add_all_sums_the_scores_of_documents_with_every_term_in_term_order(universe):
    """Documents in common found in the posting lists (or through masks, for long lists) give the sums a
    dense count over all documents gives, to the last bit (the scores are added in the same order),
    weighed and limited to a mask as asked."""
    chooser = np.random.default_rng(3)
    terms = []
    for size in (400, 250, 90):
        docs = np.sort(chooser.choice(1000, size, replace=False)).astype(np.int32)
        terms.append(ranking.TermScores(docs, chooser.random(size).astype(np.float32)))
    within = chooser.random(universe) < 0.5
    ours, weighed, limited, each = (np.full(universe, 0.5) for _ in range(4))
    ranking.add_all(ours, terms)
    ranking.add_all(weighed, terms, weight=0.3)
    ranking.add_all(limited, terms, within=within)
    own = np.where(within, 0.6, 0.4)  # a weight per document (compound parts beside the whole word)
    ranking.add_all(each, terms, weight=own)
    total, count = np.zeros(universe), np.zeros(universe, dtype=np.int16)
    for term in terms:
        total[term.docs] += term.scores
        count[term.docs] += 1
    every = count == len(terms)
    assert every.sum() > 5 and (every & ~within).any()
    assert ours.tolist() == (0.5 + np.where(every, total, 0.0)).tolist()
    assert weighed.tolist() == (0.5 + np.where(every, 0.3 * total, 0.0)).tolist()
    assert limited.tolist() == (0.5 + np.where(every & within, total, 0.0)).tolist()
    assert each.tolist() == (0.5 + np.where(every, own * total, 0.0)).tolist()
    single = np.zeros(universe)
    ranking.add_all(single, terms[:1], weight=own)
    assert single[terms[0].docs].tolist() == (own[terms[0].docs] * terms[0].scores.astype(np.float64)).tolist()
    empty = ranking.TermScores(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
    unchanged = np.full(universe, 0.5)
    ranking.add_all(unchanged, [terms[0], empty])
    assert unchanged.tolist() == [0.5] * universe


@pytest.fixture(scope="module")
def starter_engine(starter_reader):
    from kennisplatform.corpus import taxonomy_for

    engine = SearchEngine(starter_reader.index_dir, taxonomy_for(REPO / "corpus"))
    yield engine
    engine.close()


@pytest.mark.parametrize("q", ["erfgoed", "cultuureducatie onderwijs", "muziek onderwijs dans", "muziek* school",
                               '"culturele instellingen" Gouda', "erfgoed leerlijn museum theater",
                               "hoe werken scholen samen met erfgoed en musea in de regio"])
@pytest.mark.parametrize("selection", [{}, {"theme": ("erfgoed",)}])
def test_scoring_only_the_tiers_that_fill_a_page_ranks_as_scoring_every_document(starter_engine, monkeypatch, q,
                                                                                 selection):
    """_ranked scores only the documents of the tiers that fill the page when they are few; the page, its
    order and its scores are what scoring every document gives, also where the page reaches lower tiers."""
    def page(share: float, per_page: int) -> list[tuple[str, float | None]]:
        monkeypatch.setattr(search_module, "SCORED_SHARE", share)
        params = SearchParams(q=q, per_page=per_page, **selection)
        return [(hit.id, hit.score) for hit in starter_engine.search(params).hits]

    for per_page in (1, 5, 20):
        assert page(0, per_page) == page(10**9, per_page)  # share 0: always restricted; 10**9: never
