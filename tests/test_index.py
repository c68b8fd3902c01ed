"""Building the index: incremental by content hash, rebuilt when its version stamp is stale."""
from __future__ import annotations

import json

from kennisplatform import index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

from conftest import write_document


def ids(engine, **params) -> set[str]:
    return {h.id for h in engine.search(SearchParams(per_page=100, **params)).hits}


def test_first_build_indexes_everything_then_nothing_changes(corpus_dir, index_dir, taxonomy):
    first = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    assert (first.added, first.rebuilt) == (5, True)
    second = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    assert (second.added, second.updated, second.deleted, second.unchanged, second.rebuilt) == (0, 0, 0, 5, False)


def test_added_changed_and_deleted_files_are_picked_up(corpus_dir, index_dir, taxonomy):
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    engine = SearchEngine(index_dir, taxonomy)
    assert ids(engine, q="poppodium") == set()

    write_document(corpus_dir, "nieuw", "artikel", "2022-02-02", ["erfgoed"], ["Gouda"], {},
                   "Een optreden in het poppodium.")
    changed = corpus_dir / "verslagen" / "vlaardingen-2023.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("samenwerken", "zeilwedstrijd"), encoding="utf-8")
    (corpus_dir / "voorbeeldprojecten" / "erfgoed-leiden.md").unlink()

    report = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    assert (report.added, report.updated, report.deleted, report.unchanged) == (1, 1, 1, 3)
    assert ids(engine, q="poppodium") == {"nieuw"}  # the open engine sees the new generation
    assert ids(engine, q="zeilwedstrijd") == {"vlaardingen-2023"}
    assert ids(engine, q="samenwerken") == set()
    assert "erfgoed-leiden" not in ids(engine)
    assert engine.search(SearchParams()).total == 5
    engine.close()


def test_an_open_engine_sees_a_full_rebuild_though_it_starts_the_generations_again(corpus_dir, index_dir, taxonomy):
    # A rebuild makes a new index in the same folder; a running app's engine must not keep serving the old
    # one because the new one's commit happens to have the generation number its reader had.
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy, rebuild=True)
    engine = SearchEngine(index_dir, taxonomy)
    assert "erfgoed-leiden" in ids(engine)
    generation = engine.generation
    (corpus_dir / "voorbeeldprojecten" / "erfgoed-leiden.md").unlink()
    during, opened = [], []  # while the rebuild runs, engines open on the old index, not an empty one

    def look(done, total):
        during.append(engine.search(SearchParams()).total)
        starting = SearchEngine(index_dir, taxonomy)  # a web server worker that starts meanwhile
        opened.append(starting.search(SearchParams()).total)
        starting.close()

    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy, rebuild=True, progress=look)
    assert during and set(during) == set(opened) == {5}
    assert "erfgoed-leiden" not in ids(engine)
    assert engine.search(SearchParams()).total == 4
    assert engine.generation > generation  # also for the ETags made from it
    engine.close()


def test_a_rebuild_that_fails_leaves_the_index_it_found(corpus_dir, index_dir, taxonomy, monkeypatch):
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    before = _search_everything(index_dir, taxonomy)
    (corpus_dir / "voorbeeldprojecten" / "erfgoed-leiden.md").unlink()

    def crash(done, total):
        raise KeyboardInterrupt  # the process stopped halfway: a full disk, Ctrl-C, a killed worker

    for parallel in (False, True):
        monkeypatch.setattr(index, "PARALLEL_THRESHOLD", 2 if parallel else 10**9)
        try:
            index.update_index(corpus_dir, index_dir, taxonomy=taxonomy, rebuild=True, progress=crash)
        except KeyboardInterrupt:
            pass
        else:
            raise AssertionError("the rebuild should have stopped")
        assert _search_everything(index_dir, taxonomy) == before  # the old documents, all of them
    monkeypatch.undo()
    report = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)  # the next update catches up
    assert (report.deleted, report.unchanged) == (1, 4)
    assert "erfgoed-leiden" not in _search_everything(index_dir, taxonomy)["*"]


def test_a_file_that_becomes_invalid_leaves_the_index(corpus_dir, index_dir, taxonomy):
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    (corpus_dir / "artikelen" / "deskundigheid-landelijk.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    report = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    assert [p.path for p in report.problems] == ["artikelen/deskundigheid-landelijk.md"]
    engine = SearchEngine(index_dir, taxonomy)
    assert "deskundigheid-landelijk" not in ids(engine)
    assert engine.search(SearchParams()).total == 4
    engine.close()


def test_a_stale_version_stamp_forces_a_rebuild(corpus_dir, index_dir, taxonomy):
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    (index_dir / index.STAMP).write_text(json.dumps({"version": "older-analyzer"}))
    assert not index.is_current(index_dir, taxonomy)
    report = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    assert report.rebuilt and report.added == 5
    assert index.is_current(index_dir, taxonomy)


def test_rebuild_on_request_gives_the_same_index(corpus_dir, index_dir, taxonomy):
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    report = index.update_index(corpus_dir, index_dir, rebuild=True, taxonomy=taxonomy)
    assert report.rebuilt and report.added == 5
    engine = SearchEngine(index_dir, taxonomy)
    assert engine.search(SearchParams()).total == 5
    engine.close()


def test_apply_changes_indexes_one_document(corpus_dir, index_dir, taxonomy, engine):
    from kennisplatform.corpus import load_document

    path = write_document(corpus_dir, "los", "artikel", "2020-05-05", [], ["Gouda"], {}, "Een klokkenluider.")
    doc = load_document(corpus_dir, "artikelen/los.md", taxonomy)
    index.apply_changes(corpus_dir, index_dir, upserts=[(doc, "digest")], taxonomy=taxonomy)
    assert ids(engine, q="klokkenluider") == {"los"}
    index.apply_changes(corpus_dir, index_dir, deletes=["los"], taxonomy=taxonomy)
    assert ids(engine, q="klokkenluider") == set()
    assert path.exists()  # the index forgets; the corpus file is the editor module's business


def _search_everything(index_dir, taxonomy, queries=("erfgoed", "cultuureducatie", "muziekonderwijs dans")):
    engine = SearchEngine(index_dir, taxonomy)
    try:
        results = {q: [(h.id, h.score) for h in engine.search(SearchParams(q=q, per_page=100)).hits] for q in queries}
        results["*"] = sorted(h.id for h in engine.search(SearchParams(per_page=100)).hits)
        results["facets"] = {name: [(b.value, b.count) for b in facet.buckets]
                             for name, facet in engine.search(SearchParams()).facets.items()}
        return results
    finally:
        engine.close()


def test_a_build_in_worker_processes_equals_a_build_in_one(corpus_dir, tmp_path, taxonomy, monkeypatch):
    (corpus_dir / "artikelen" / "kapot.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    one = index.update_index(corpus_dir, tmp_path / "one", taxonomy=taxonomy)
    monkeypatch.setattr(index, "PARALLEL_THRESHOLD", 2)
    seen = []
    two = index.update_index(corpus_dir, tmp_path / "two", taxonomy=taxonomy,
                             progress=lambda done, total: seen.append((done, total)))
    assert (two.added, two.rebuilt) == (one.added, True) == (5, True)
    assert [p.path for p in two.problems] == [p.path for p in one.problems] == ["artikelen/kapot.md"]
    assert seen[-1] == (6, 6)  # every file read, the broken one too
    assert json.loads((tmp_path / "two" / index.MANIFEST).read_text()) == \
        json.loads((tmp_path / "one" / index.MANIFEST).read_text())
    with index.open_index(tmp_path / "two").reader() as reader:
        assert len(reader.leaf_readers()) == 2  # one segment per worker
    assert _search_everything(tmp_path / "two", taxonomy) == _search_everything(tmp_path / "one", taxonomy)
    # and it stays an ordinary index: incremental updates after it work as always
    write_document(corpus_dir, "nieuw", "artikel", "2022-02-02", ["erfgoed"], ["Gouda"], {}, "Poppodium.")
    assert index.update_index(corpus_dir, tmp_path / "two", taxonomy=taxonomy).added == 1


def test_a_full_build_hands_the_words_it_analysed_to_the_next(corpus_dir, index_dir, taxonomy, monkeypatch):
    """The next rebuild's workers start from the words the last one analysed (WORDS_FILE); words saved
    by another analyzer, or a damaged file, are not used, and the index comes out the same."""
    import pickle

    from kennisplatform import analysis

    monkeypatch.setattr(index, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(index.threading, "active_count", lambda: 1)  # forked workers, as from the command line
    analysis.clear_word_caches()  # this process's cache is saved too: only this corpus's words
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    saved = pickle.loads((index_dir / index.WORDS_FILE).read_bytes())
    assert saved["analyzer"] == analysis.ANALYZER_VERSION
    assert saved["words"]["cultuureducatie"] == analysis.word_terms("cultuureducatie")
    assert saved["words"]["de"] == ""  # a stop word
    expected = _search_everything(index_dir, taxonomy)

    learned = []
    real = analysis.learn_words
    monkeypatch.setattr(analysis, "learn_words", lambda words: learned.append(dict(words)) or real(words))
    analysis.clear_word_caches()
    index.update_index(corpus_dir, index_dir, taxonomy=taxonomy, rebuild=True)
    assert learned[0] == saved["words"]  # recalled before the workers started ...
    assert learned[1:] == [{}, {}]  # ... so they met no word they had to analyse
    assert _search_everything(index_dir, taxonomy) == expected

    wrong = {"analyzer": "other", "words": {w: ("x", ()) for w in saved["words"]}}
    for damage in (pickle.dumps(wrong), b"garbage"):
        (index_dir / index.WORDS_FILE).write_bytes(damage)
        analysis.clear_word_caches()
        index.update_index(corpus_dir, index_dir, taxonomy=taxonomy, rebuild=True)
        assert _search_everything(index_dir, taxonomy) == expected
        assert pickle.loads((index_dir / index.WORDS_FILE).read_bytes()) == saved  # written anew

    def full_disk(*args):
        raise OSError("schijf vol")

    monkeypatch.setattr(index, "write_bytes_atomic", full_disk)
    analysis.clear_word_caches()
    report = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy, rebuild=True)
    assert report.added == 5 and index.is_current(index_dir, taxonomy)  # saving the words is no part of the build
    assert len(json.loads((index_dir / index.MANIFEST).read_text())) == 5
    assert _search_everything(index_dir, taxonomy) == expected
    analysis.clear_word_caches()


def test_a_failing_worker_fails_the_build_with_a_message(corpus_dir, index_dir, taxonomy, monkeypatch):
    monkeypatch.setattr(index, "PARALLEL_THRESHOLD", 2)

    import errno

    from kennisplatform.errors import os_reason

    full = OSError(errno.ENOSPC, "No space left on device")

    def broken(*args, **kwargs):
        raise full

    monkeypatch.setattr(index, "_fields_of", broken)
    # Forked workers inherit the broken function (other tests may have left threads, which means spawn).
    monkeypatch.setattr(index.threading, "active_count", lambda: 1)
    try:
        index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    except RuntimeError as error:
        assert str(error) == f"Indexeren mislukt: {os_reason(full)}"  # in Dutch, not the system's English
    else:
        raise AssertionError("the build should have failed")
    monkeypatch.undo()
    assert index.update_index(corpus_dir, index_dir, taxonomy=taxonomy).added == 5  # and a retry works


def test_a_build_started_from_a_threaded_process_starts_fresh_workers(corpus_dir, index_dir, taxonomy, monkeypatch):
    """A web server has threads, and forking a threaded process can deadlock: its workers are spawned."""
    import threading

    monkeypatch.setattr(index, "PARALLEL_THRESHOLD", 2)
    methods = []
    real = index.multiprocessing.get_context
    monkeypatch.setattr(index.multiprocessing, "get_context", lambda method: methods.append(method) or real(method))
    started = threading.Event()
    stop = threading.Event()
    other = threading.Thread(target=lambda: (started.set(), stop.wait(30)), daemon=True)
    other.start()
    started.wait()
    try:
        report = index.update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    finally:
        stop.set()
        other.join()
    assert methods == ["spawn"]
    assert (report.added, report.rebuilt) == (5, True)
    engine = SearchEngine(index_dir, taxonomy)
    assert ids(engine, q="erfgoed") >= {"erfgoed-dordrecht", "erfgoed-leiden"}
    engine.close()


def test_our_writer_writes_the_same_index_as_whooshs(corpus_dir, tmp_path, taxonomy):
    """The writer's faster flush must not change a byte of meaning: every term's postings, weights,
    position values, block statistics and term statistics equal those of Whoosh's own SegmentWriter."""
    from whoosh import index as whoosh_index
    from whoosh.writing import SegmentWriter

    from kennisplatform import schema
    from kennisplatform.corpus import read_file, scan

    write_document(corpus_dir, "lang", "verslag", "2020-01-01", ["erfgoed"], ["Gouda"], {},
                   "Erfgoed " * 400 + "en cultuureducatie in de erfgoedleerlijnen van Gouda.")
    for n in range(300):  # enough documents per common word for several posting blocks (128 each)
        write_document(corpus_dir, f"kort-{n}", "artikel", "2021-05-01", ["erfgoed"], ["Delft"], {},
                       f"Erfgoed en muziekonderwijs, deel {n}. " + "cultuur " * (n % 7) + f"leerlijn{n % 13}")
    documents = [schema.to_fields(read_file(f, taxonomy).document, f.digest, taxonomy)
                 for f in scan(corpus_dir).files]

    def build(folder, writer_class):
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), schema.build_schema(), indexname="t")
        if writer_class is SegmentWriter:
            writer = SegmentWriter(ix, codec=index.W3Codec(compression=index.COMPRESSION))
        else:
            writer = writer_class(ix)
        for fields in documents:
            writer.add_document(**fields)
        writer.commit()
        return ix.reader()

    def contents(reader):
        with reader:
            return _contents(reader)

    def _contents(reader):
        rows = []
        for field, term in reader.all_terms():
            info = reader.term_info(field, term)
            matcher = reader.postings(field, term)
            blocks = []
            while matcher.is_active():
                block = (matcher.block_max_id(), matcher.block_max_weight(), matcher.block_min_length(),
                         matcher.block_max_length())
                if not blocks or blocks[-1] != block:
                    blocks.append(block)
                rows.append((field, term, matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            rows.append((field, term, info.doc_frequency(), info.weight(), info.min_length(), info.max_length(),
                         info.max_weight(), tuple(blocks)))
        return rows

    ours = contents(build(tmp_path / "ours", index._SegmentWriter))
    whooshs = contents(build(tmp_path / "whoosh", SegmentWriter))
    assert len(ours) > 3000
    assert any(len(row[-1]) > 1 for row in ours if len(row) == 8)  # some posting list spans blocks
    assert ours == whooshs


def test_a_full_build_digests_what_it_reads_and_reports_an_unreadable_file(corpus_dir, tmp_path, taxonomy,
                                                                          monkeypatch):
    """A rebuild lists the files without reading them and digests each where it is read and parsed (in a
    worker, or in the one process): the manifest holds the same digests as a listing that reads them all,
    and a file that cannot be read is reported as such, in one process and in several."""
    from kennisplatform.corpus import scan

    (corpus_dir / "artikelen" / "weg.md").symlink_to(tmp_path / "bestaat-niet.md")
    listing = scan(corpus_dir)
    assert [p.path for p in listing.problems] == ["artikelen/weg.md"]
    for threshold in (1_000_000, 2):
        monkeypatch.setattr(index, "PARALLEL_THRESHOLD", threshold)
        folder = tmp_path / f"index-{threshold}"
        report = index.update_index(corpus_dir, folder, taxonomy=taxonomy)
        manifest = json.loads((folder / index.MANIFEST).read_text())
        assert {doc_id: entry["digest"] for doc_id, entry in manifest.items()} == \
            {f.doc_id: f.digest for f in listing.files}
        assert [(p.path, p.message) for p in report.problems] == [(p.path, p.message) for p in listing.problems]
        with index.open_index(folder).searcher() as searcher:  # the stored digest too (to_fields)
            assert {hit["id"]: hit["digest"] for hit in searcher.documents()} == \
                {f.doc_id: f.digest for f in listing.files}


def test_a_merged_segment_holds_the_same_postings_as_a_fresh_build(corpus_dir, tmp_path, taxonomy):
    """Saves merge small segments into the new one: their postings then reach the writer's pool, and the
    new documents' postings (collected per term, text and facet fields alike) must join them there in
    document order. Every posting of every field equals a fresh build's, by document id."""
    merged = tmp_path / "merged"
    index.update_index(corpus_dir, merged, taxonomy=taxonomy)
    for n in range(6):  # Whoosh merges small segments once there are five or more
        write_document(corpus_dir, f"nieuw-{n}", "artikel", f"201{n}-02-02", ["erfgoed"], ["Gouda"], {},
                       f"Een optreden in het poppodium, deel {n}.")
        index.update_index(corpus_dir, merged, taxonomy=taxonomy)
    fresh = tmp_path / "fresh"
    index.update_index(corpus_dir, fresh, rebuild=True, taxonomy=taxonomy)

    def postings(folder):
        with index.open_index(folder).reader() as reader:
            doc_ids = {docnum: stored["id"] for docnum, stored in reader.iter_docs()}
            rows = set()
            for field, term in reader.all_terms():
                matcher = reader.postings(field, term)
                while matcher.is_active():
                    rows.add((field, term, doc_ids[matcher.id()], matcher.weight(), matcher.value()))
                    matcher.next()
            return rows, len(reader.leaf_readers())

    (ours, segments), (theirs, _) = postings(merged), postings(fresh)
    assert segments < 7  # some saves were merged
    assert {row[0] for row in ours} >= {"id", "type", "theme", "region", "year", "datenum", "body"}
    assert ours == theirs



def test_a_build_deflates_text_postings_and_stored_fields_with_isal(corpus_dir, tmp_path, taxonomy, monkeypatch):
    """The posting blocks of the text fields and every document's stored fields are deflated by ISA-L (in
    a third of zlib's time, the same format): zlib's compress is left to Whoosh's small blocks of ids and
    facets, and what ISA-L wrote reads back through Whoosh's zlib as the text it was."""
    import zlib

    from kennisplatform.corpus import read_file, scan

    body = "Erfgoed en cultuureducatie in de leerlijnen van Gouda. " * 60
    write_document(corpus_dir, "lang", "verslag", "2020-01-01", ["erfgoed"], ["Gouda"], {}, body)
    sizes = []
    real = zlib.compress

    def counting(data, level=-1):
        sizes.append(len(data))
        return real(data, level)

    monkeypatch.setattr(zlib, "compress", counting)
    index.update_index(corpus_dir, tmp_path / "ix", taxonomy=taxonomy)
    assert all(size < 1000 for size in sizes)  # a stored body alone is larger
    expected = {f.doc_id: read_file(f, taxonomy).document for f in scan(corpus_dir).files}
    with index.open_index(tmp_path / "ix").searcher() as searcher:
        stored = {fields["id"]: fields for fields in searcher.documents()}
        assert {doc_id: fields["summary"] for doc_id, fields in stored.items()} == \
            {doc_id: doc.summary for doc_id, doc in expected.items()}
        assert body.strip() in stored["lang"]["body"]
        assert searcher.document(id="lang")["title"] == expected["lang"].title
        assert len(list(searcher.postings("body", "gouda").all_ids())) == 1 + sum(
            "gouda" in doc.body.lower() for doc_id, doc in expected.items() if doc_id != "lang")


def test_single_positions_are_encoded_as_whoosh_does_and_kept_only_below_a_bound():
    """A posting of one word at one position (most of a build's) takes its bytes from a table made once
    per position; a very long text's far positions are encoded each time, so the table stays bounded."""
    from whoosh import formats

    from kennisplatform import schema

    far = schema.SINGLE_KEPT + 7
    for pos in (0, 1, 127, 128, 300, 65_535, far, 10 ** 6):
        assert schema.SINGLE_POSITIONS[pos] == schema.single_position(pos) == formats.Positions.encode(None, [pos])
        assert schema.Positions().encode([pos]) == formats.Positions.encode(None, [pos])
    assert 300 in schema.SINGLE_POSITIONS and far not in schema.SINGLE_POSITIONS


def test_posting_blocks_pickle_their_values_as_bytes(corpus_dir, tmp_path, taxonomy, monkeypatch):
    """Whoosh pickles a block's postings with protocol 2, which has no opcode for bytes: each posting's
    positions went through _codecs.encode (five times the pickling time, twice the size after deflating).
    Our blocks use a protocol with bytes; Whoosh's readers load either, to the same postings."""
    import pickle
    import types

    write_document(corpus_dir, "lang", "verslag", "2020-01-01", ["erfgoed"], ["Gouda"], {},
                   "Erfgoed en cultuureducatie in de leerlijnen van Gouda. " * 20)
    blocks = []
    real = index.isal_zlib

    def compress(data, level):
        blocks.append(data)
        return real.compress(data, level)

    monkeypatch.setattr(index, "isal_zlib", types.SimpleNamespace(compress=compress))
    index.update_index(corpus_dir, tmp_path / "ix", taxonomy=taxonomy)
    monkeypatch.undo()
    text_blocks = [pickle.loads(data) for data in blocks if isinstance(pickle.loads(data), tuple)]
    assert len(text_blocks) > 100 and any(values for _, _, values in text_blocks)
    assert not any(b"_codecs" in data for data in blocks)
    with index.open_index(tmp_path / "ix").reader() as reader:
        matcher = reader.postings("body", "gouda")
        assert matcher.is_active() and matcher.value()  # positions, read back by Whoosh
