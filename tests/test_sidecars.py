"""Sidecar files beside each segment (sidecars.py): written with the segment, equal to what Whoosh's files
hold, rebuilt when missing, stale or corrupt, and reused by a new reader after a save; a save made by one
process is seen by a search engine in another."""
from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import numpy as np
import pytest

from kennisplatform import schema, sidecars
from kennisplatform.facets import FacetIndex
from kennisplatform.index import open_index, update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

from conftest import write_document


def _segment_ids(index_dir: Path) -> list[str]:
    with open_index(index_dir).reader() as reader:
        return [segment.segment().segment_id() for segment, _ in reader.leaf_readers()]


def _sidecar_files(index_dir: Path) -> set[str]:
    return {path.name for path in index_dir.glob(f"*{sidecars.SUFFIX}")}


def _add_document(corpus: Path, doc_id: str, word: str) -> None:
    write_document(corpus, doc_id, "artikel", "2025-03-01", ["erfgoed"], ["Gouda"], {},
                   f"Een nieuw artikel over {word} en erfgoed in Gouda.\n")


def _results(engine: SearchEngine, q: str, **selection) -> tuple[int, list[tuple[str, float | None]], dict]:
    result = engine.search(SearchParams(q=q, **selection))
    counts = {name: [(b.value, b.count) for b in facet.buckets] for name, facet in result.facets.items()}
    return result.total, [(hit.id, hit.score) for hit in result.hits], counts


QUERIES = [("erfgoed", {}), ("cultuureducatie onderwijs", {}), ("muziek*", {}), ("", {"theme": ("erfgoed",)}),
           ("samenwerken", {"region": ("zuid-holland",)})]


@pytest.fixture
def built(corpus_dir: Path, index_dir: Path, taxonomy):
    """The fixture corpus indexed, then one document added in a second commit: two segments."""
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    _add_document(corpus_dir, "tweede-commit", "zeefdrukwerkplaats")
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    return corpus_dir, index_dir, taxonomy


def _answers(index_dir: Path, taxonomy) -> list:
    engine = SearchEngine(index_dir, taxonomy)
    try:
        return [_results(engine, q, **selection) for q, selection in QUERIES]
    finally:
        engine.close()


def test_every_segment_has_a_valid_sidecar_and_no_other_is_left(built):
    _, index_dir, _ = built
    segments = _segment_ids(index_dir)
    assert len(segments) == 2
    assert _sidecar_files(index_dir) == {f"{s}{sidecars.SUFFIX}" for s in segments}
    _assert_written_equal_rebuilt(index_dir)  # a merged segment's postings come through Whoosh's pool
    with open_index(index_dir).reader() as reader:
        for segment, _ in reader.leaf_readers():
            loaded = sidecars.load(index_dir, segment.segment().segment_id(), segment.doc_count_all())
            assert loaded.doc_count == segment.doc_count_all()


def test_a_rebuild_removes_the_old_segments_sidecars(built):
    corpus_dir, index_dir, taxonomy = built
    before = _sidecar_files(index_dir)
    update_index(corpus_dir, index_dir, rebuild=True, taxonomy=taxonomy)
    after = _sidecar_files(index_dir)
    assert after and not after & before
    assert after == {f"{s}{sidecars.SUFFIX}" for s in _segment_ids(index_dir)}


def test_sidecars_written_with_the_segment_equal_those_rebuilt_from_whooshs_files(built):
    """The writer captures postings as it writes them; the rebuild reads them back: same arrays."""
    _assert_written_equal_rebuilt(built[1])


def _assert_written_equal_rebuilt(index_dir: Path) -> None:
    with open_index(index_dir).reader() as reader:
        for segment, _ in reader.leaf_readers():
            written = sidecars.load(index_dir, segment.segment().segment_id(), segment.doc_count_all())
            rebuilt = sidecars.in_memory(sidecars.build_arrays(segment), written.segment_id, written.doc_count)
            for field, table in written.terms.items():
                other = rebuilt.terms[field]
                parts = sidecars.TABLE_PARTS
                if field in sidecars.TEXT_FIELDS:
                    parts += sidecars.POSITION_PARTS
                for part in parts:
                    assert np.array_equal(getattr(table, part), getattr(other, part)), (field, part)
                    assert getattr(table, part).dtype == getattr(other, part).dtype, (field, part)
            for field in written.rows:
                assert np.array_equal(written.rows[field], rebuilt.rows[field])
            for field in written.lengths:
                assert np.array_equal(written.lengths[field], rebuilt.lengths[field])
            assert np.array_equal(written.dates, rebuilt.dates)


def _first_sidecar(index_dir: Path) -> Path:
    return sidecars.path_for(index_dir, _segment_ids(index_dir)[0])


def _damage_missing(path: Path, index_dir: Path) -> None:
    path.unlink()


def _damage_truncated(path: Path, index_dir: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damage_flipped_byte(path: Path, index_dir: Path) -> None:
    """A changed byte in the term table (covered by the checksum), not in the header."""
    data = bytearray(path.read_bytes())
    header_end = len(sidecars.MAGIC) + 8 + int.from_bytes(data[len(sidecars.MAGIC):len(sidecars.MAGIC) + 4], "little")
    spot = sidecars._aligned(header_end) + 3  # the first array written: a term table's blob
    data[spot] ^= 0xFF
    path.write_bytes(bytes(data))


def _damage_garbage(path: Path, index_dir: Path) -> None:
    path.write_bytes(b"not a sidecar at all")


def _damage_other_segment(path: Path, index_dir: Path) -> None:
    """Stale: the file of another segment under this segment's name (a copy left from an older index)."""
    other = sidecars.path_for(index_dir, _segment_ids(index_dir)[1])
    path.write_bytes(other.read_bytes())


def _damage_old_format(path: Path, index_dir: Path) -> None:
    """Stale: written by an older version of the format."""
    with open_index(index_dir).reader() as reader:
        segment = reader.leaf_readers()[0][0]
        arrays = sidecars.build_arrays(segment)
        segment_id, count = segment.segment().segment_id(), segment.doc_count_all()
    original = sidecars.FORMAT
    sidecars.FORMAT = original - 1
    try:
        sidecars.write(index_dir, segment_id, count, arrays)
    finally:
        sidecars.FORMAT = original


def _damage_positions_cut(path: Path, index_dir: Path) -> None:
    """Corrupt: positions that do not add up to the postings (the arrays' bounds are checked, not summed)."""
    with open_index(index_dir).reader() as reader:
        segment = reader.leaf_readers()[0][0]
        arrays = sidecars.build_arrays(segment)
        segment_id, count = segment.segment().segment_id(), segment.doc_count_all()
    arrays["t:body:positions"] = arrays["t:body:positions"][:-1]
    sidecars.write(index_dir, segment_id, count, arrays)


@pytest.mark.parametrize("damage,problem", [
    (_damage_missing, "missing"), (_damage_truncated, "truncated"), (_damage_flipped_byte, "checksum"),
    (_damage_garbage, "not a sidecar"), (_damage_other_segment, "another segment"), (_damage_old_format, "format"),
    (_damage_positions_cut, "inconsistent positions"),
])
def test_a_missing_stale_or_corrupt_sidecar_is_detected_and_rebuilt(built, damage, problem):
    _, index_dir, taxonomy = built
    expected = _answers(index_dir, taxonomy)
    path = _first_sidecar(index_dir)
    segment_id, = [s for s in _segment_ids(index_dir) if path.name.startswith(s)]
    with open_index(index_dir).reader() as reader:
        count = reader.leaf_readers()[0][0].doc_count_all()
    damage(path, index_dir)
    with pytest.raises(sidecars.SidecarError, match=problem):
        sidecars.load(index_dir, segment_id, count)
    assert _answers(index_dir, taxonomy) == expected  # a new engine rebuilds it and answers the same
    assert sidecars.load(index_dir, segment_id, count).doc_count == count  # and wrote it back
    assert not list(index_dir.glob(".*.tmp"))


def test_a_save_makes_a_small_segment_and_the_new_reader_reuses_the_others_arrays(built):
    corpus_dir, index_dir, taxonomy = built
    engine = SearchEngine(index_dir, taxonomy)
    try:
        assert engine.search(SearchParams(q="klokkengieterij")).total == 0
        before = engine._arrays.segments
        _add_document(corpus_dir, "derde-commit", "klokkengieterij")
        update_index(corpus_dir, index_dir, taxonomy=taxonomy)
        assert engine.search(SearchParams(q="klokkengieterij")).total == 1
        after = engine._arrays.segments
        assert set(before) < set(after)  # nothing merged away: the old segments stay
        for segment_id, arrays in before.items():
            assert after[segment_id] is arrays  # mapped once, not read again
        new, = set(after) - set(before)
        assert after[new].doc_count == 1
        # the facet arrays extended by the new segment equal those assembled from scratch
        state = engine.state()
        fresh = FacetIndex.build(sidecars.ReaderArrays(state.searcher.reader(), index_dir))
        assert state.facet_index.values == fresh.values
        for facet, codes in fresh.codes.items():
            everything = np.arange(fresh.size)
            assert state.facet_index.codes[facet].counts_of_docs(everything) == codes.counts_of_docs(everything)
    finally:
        engine.close()


def test_a_changed_document_is_found_only_in_its_new_version(built):
    """Deletions live in Whoosh's segment list, not in the sidecars: the old version must not count."""
    corpus_dir, index_dir, taxonomy = built
    engine = SearchEngine(index_dir, taxonomy)
    try:
        assert engine.search(SearchParams(q="zeefdrukwerkplaats")).total == 1
        _add_document(corpus_dir, "tweede-commit", "linoleumsnede")  # the same id, other text
        update_index(corpus_dir, index_dir, taxonomy=taxonomy)
        assert engine.search(SearchParams(q="zeefdrukwerkplaats")).total == 0
        result = engine.search(SearchParams(q="linoleumsnede"))
        assert [hit.id for hit in result.hits] == ["tweede-commit"]
        theme = {b.value: b.count for b in engine.search(SearchParams(q="")).facets["theme"].buckets}
        assert theme["erfgoed"] == _answers(index_dir, taxonomy)[3][0]
    finally:
        engine.close()


def _searcher_process(index_dir: str, corpus_dir: str, commands, answers) -> None:
    """Another worker: an engine of its own, searching when told to."""
    from kennisplatform.corpus import taxonomy_for

    engine = SearchEngine(Path(index_dir), taxonomy_for(Path(corpus_dir)))
    try:
        while (word := commands.get()) is not None:
            answers.put(engine.search(SearchParams(q=word)).total)
    finally:
        engine.close()


def test_a_save_is_seen_by_a_search_engine_in_another_process(built):
    corpus_dir, index_dir, taxonomy = built
    context = multiprocessing.get_context("spawn")
    commands, answers = context.Queue(), context.Queue()
    worker = context.Process(target=_searcher_process, args=(str(index_dir), str(corpus_dir), commands, answers))
    worker.start()
    try:
        commands.put("bronsgieterij")
        assert answers.get(timeout=60) == 0  # the other process has its reader open
        _add_document(corpus_dir, "opgeslagen", "bronsgieterij")
        update_index(corpus_dir, index_dir, taxonomy=taxonomy)
        commands.put("bronsgieterij")
        assert answers.get(timeout=60) == 1
    finally:
        commands.put(None)
        worker.join(timeout=30)
        if worker.is_alive():
            worker.terminate()
    assert worker.exitcode == 0


def test_a_quiet_index_folder_spares_the_listing_and_a_save_into_it_is_still_seen(built):
    """An index folder unchanged for a while proves the open reader current without Whoosh's listing of
    the folder; a save changes the folder, and the next search sees it."""
    corpus_dir, index_dir, taxonomy = built
    quiet = time.time() - 60
    os.utime(index_dir, (quiet, quiet))
    engine = SearchEngine(index_dir, taxonomy)
    try:
        assert engine.search(SearchParams(q="bronsgieterij")).total == 0
        searcher = engine.state().searcher
        listings = []
        original = searcher.up_to_date
        searcher.up_to_date = lambda: listings.append(1) or original()
        assert engine.search(SearchParams(q="bronsgieterij")).total == 0
        assert listings == []  # the folder's time said enough
        _add_document(corpus_dir, "opgeslagen", "bronsgieterij")
        update_index(corpus_dir, index_dir, taxonomy=taxonomy)
        assert engine.search(SearchParams(q="bronsgieterij")).total == 1
        assert listings  # a folder changed just now is listed: its time alone is no proof
    finally:
        engine.close()


def test_saves_keep_the_large_segments_in_place_when_small_ones_are_merged(built):
    """Whoosh merges the small segments of many saves; the segments it keeps stay first, in order, so
    their documents keep their numbers and a new reader extends the previous one's arrays."""
    corpus_dir, index_dir, taxonomy = built
    for n in range(60):  # a first segment too large to count as small
        _add_document(corpus_dir, f"basis-{n}", f"basiswoord{n}")
    update_index(corpus_dir, index_dir, rebuild=True, taxonomy=taxonomy)
    first, = _segment_ids(index_dir)
    for n in range(7):
        _add_document(corpus_dir, f"opslag-{n}", f"woord{'abcdefg'[n]}")
        update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    segments = _segment_ids(index_dir)
    assert segments[0] == first
    assert len(segments) < 9  # some small segments were merged
    assert _sidecar_files(index_dir) == {f"{s}{sidecars.SUFFIX}" for s in segments}
    _assert_written_equal_rebuilt(index_dir)  # a merged segment's postings come through Whoosh's pool


def test_many_terms_document_frequencies_at_once_equal_those_one_at_a_time(built):
    """doc_frequencies (a typo's hundreds of candidates in one pass per segment) gives what doc_frequency
    gives term by term: over two segments, for terms that exist, terms that share their first 8 bytes with
    others ("cultuureducatie", "cultuurhuis"), and terms no segment has."""
    _, index_dir, taxonomy = built
    engine = SearchEngine(index_dir, taxonomy)
    try:
        arrays = sidecars.ReaderArrays(engine.state().searcher.reader(), index_dir)
        assert len(arrays.parts) == 2
        for field in schema.TEXT_FIELDS:
            names = sorted({name for part, _ in arrays.parts for name in part.terms[field].names()})
            terms = names + [name + "x" for name in names[::3]] + ["", "zzzz", "cultuurx", "é"]
            many = arrays.doc_frequencies(field, terms)
            assert many.tolist() == [arrays.doc_frequency(field, term) for term in terms]
            assert (many[:len(names)] > 0).all() and many[-4:].tolist() == [0, 0, 0, 0]
        assert arrays.doc_frequencies("body", []).tolist() == []
    finally:
        engine.close()
