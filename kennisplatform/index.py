"""Building and updating the Whoosh index: the only module that opens index writers.

The corpus files are the truth. A manifest (id -> path, digest) beside the index records what the index
holds, so an update re-reads only files whose content changed. Every write happens under one
inter-process lock, so editors, imports and `kennisplatform index` never fight over Whoosh's writer lock."""
from __future__ import annotations

import gc
import json
import mmap
import multiprocessing
import os
import pickle
import queue
import struct
import threading
import time
from array import array
from collections import deque
from dataclasses import dataclass, field
from io import BytesIO
from itertools import chain, groupby, islice, repeat
from operator import itemgetter, sub
from pathlib import Path
from typing import Callable, Iterable

from isal import isal_zlib
from whoosh import formats, index as whoosh_index
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3PostingsWriter, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.reading import SegmentReader
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import CLEAR, MERGE_SMALL, PostingPool, SegmentWriter

from . import analysis, errors, postings, schema, sidecars
from .corpus import CorpusFile, read_digested, read_file, scan, taxonomy_for, write_atomic, write_bytes_atomic
from .documents import Document
from .errors import Problem
from .locks import file_lock
from .taxonomy import Taxonomy

INDEX_NAME = "kennisplatform"
MANIFEST = "manifest.json"
STAMP = "version.json"
# Each word's analysis as the last full build learned it (analysis.learned_words), for the next one:
# a rebuild's workers would otherwise each stem and split every word of the corpus again.
WORDS_FILE = "words.pickle"
LOCK_FILE = ".write.lock"
LOCK_TIMEOUT = 60.0  # seconds an editor's save may wait behind an import before giving up
PARALLEL_THRESHOLD = 2000  # below this many documents, extra writer processes cost more than they save
MAX_WORKERS = 4  # each holds up to WORKER_MB of postings
# Memory for postings per writer before Whoosh spills sorted runs to disk and merges them (which halves
# throughput on a 10,000-document build).
WRITER_MB = 512
WORKER_MB = 1024
# Documents per segment of a parallel build. A search opens and reads every segment: at 100,000 documents, 4
# segments of 25,000 instead of 10 of 10,000 gave cold faceted p95 16.3-17.5 ms against 18.2-18.3 (100 queries
# in fresh processes: 13.5 against 16.1 ms), a 6 % smaller index and the same build time; a worker's peak RSS
# 0.86 GB instead of 0.52 (docs/performance.md, "Session 10: segments of 25,000 documents").
SEGMENT_DOCS = 25_000
# Deflate level of posting blocks and stored fields: 1 instead of Whoosh's 3 writes 5-10% faster for a 1%
# larger index. Our text fields' posting blocks and the stored fields are deflated by ISA-L (isal_zlib): the
# zlib format, which Whoosh's readers inflate as before, in 40 % of zlib's time for posting blocks (4 %
# larger) and 30 % for stored fields (as small as Whoosh's level 3). zlib took a tenth of a rebuild's CPU.
COMPRESSION = 1
BLOCK_PICKLE_PROTOCOL = 4  # of posting blocks (_block_bytes)

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        return self.added + self.updated

    def summary(self) -> str:
        what = "opnieuw opgebouwd" if self.rebuilt else "bijgewerkt"
        return (f"Index {what} in {self.seconds:.1f} s: {self.added} nieuw, {self.updated} gewijzigd, "
                f"{self.deleted} verwijderd, {self.unchanged} ongewijzigd, {len(self.problems)} problemen.")


def write_lock(index_dir: Path, timeout: float = LOCK_TIMEOUT):
    """One index writer at a time across processes."""
    return file_lock(Path(index_dir) / LOCK_FILE, timeout,
                     "De index wordt bijgewerkt; probeer het over een minuut opnieuw.")


def read_stamp(index_dir: Path) -> str | None:
    try:
        return json.loads((Path(index_dir) / STAMP).read_text())["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_current(index_dir: Path, taxonomy: Taxonomy) -> bool:
    return (read_stamp(index_dir) == schema.version_stamp(taxonomy)
            and whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME))


class _MappedStorage(FileStorage):
    """Whoosh's file storage, reading files through mmap instead of open file objects: a reader's
    segment files are shared with every other process through the page cache, reading them costs no
    system call, and a reader that is never closed leaves no open file behind."""

    def open_file(self, name, **kwargs):
        with open(self._fpath(name), "rb") as handle:
            try:
                source = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                source = BytesIO(b"")
        return StructFile(source, name=name, **kwargs)


def open_index(index_dir: Path):
    """The Whoosh index for reading; callers check `is_current` first (search.SearchEngine does)."""
    return _MappedStorage(str(index_dir)).open_index(INDEX_NAME)


class _FreshIndex(whoosh_index.FileIndex):
    """What a rebuild writes into: no segments, today's schema, and numbered on from the folder's newest
    table of contents, which stays on disk until the rebuild commits. Whoosh's create_index wrote an empty
    table of contents at once (and numbered from 0 again): an engine that opened the index while a rebuild
    ran found it empty, one that had it open stayed on the old documents when the rebuild's commit had its
    number (an index rebuilt twice: both commits 1), and a rebuild that failed halfway left an empty index
    behind. Now the commit swaps the whole new index in, as generation previous + 1, and removes the old
    segments (whoosh_index.clean_files), whose mapped files readers still open keep until they close."""

    def __init__(self, index_dir: Path):
        # Not FileIndex.__init__, which reads the table of contents there may not be yet.
        storage = _MappedStorage(str(index_dir))
        self.storage, self._schema, self.indexname = storage, schema.build_schema(), INDEX_NAME
        self.previous = whoosh_index.TOC._latest_generation(storage, INDEX_NAME)  # -1: no index yet

    def _read_toc(self):
        return whoosh_index.TOC(self._schema, [], self.previous)


def read_manifest(index_dir: Path) -> dict[str, dict]:
    """What the index holds, by id: the corpus path and digest of each file it indexed ({} when unreadable)."""
    try:
        data = json.loads((Path(index_dir) / MANIFEST).read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_manifest(index_dir: Path, manifest: dict[str, dict]) -> None:
    write_atomic(Path(index_dir) / MANIFEST, json.dumps(manifest, sort_keys=True))


def update_index(corpus_dir: Path, index_dir: Path, *, rebuild: bool = False,
                 progress: Progress | None = None, taxonomy: Taxonomy | None = None,
                 only_if_stale: bool = False) -> IndexReport:
    """Bring the index in line with the corpus folder: added, changed and deleted files by content hash.
    A full rebuild happens on request, when there is no index, or when its version stamp is stale.
    `only_if_stale`: do nothing when the index is current, checked under the write lock, so that processes
    starting together (web server workers) build a missing index once, not once each."""
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    taxonomy = taxonomy or taxonomy_for(corpus_dir)
    stamp = schema.version_stamp(taxonomy)
    with write_lock(index_dir):
        if only_if_stale and not rebuild and is_current(index_dir, taxonomy):
            return IndexReport(seconds=time.perf_counter() - started)
        rebuild = rebuild or not is_current(index_dir, taxonomy)
        manifest = {} if rebuild else read_manifest(index_dir)
        listing = scan(corpus_dir, digests=not rebuild)  # a rebuild reads every file anyway: digested then
        report = IndexReport(rebuilt=rebuild, problems=list(listing.problems))
        changed = [f for f in listing.files if manifest.get(f.doc_id, {}).get("digest") != f.digest]
        report.unchanged = len(listing.files) - len(changed)
        present = {f.doc_id for f in listing.files}
        gone = sorted(set(manifest) - present)

        if rebuild:
            Path(index_dir).mkdir(parents=True, exist_ok=True)
            # The old index, manifest and stamp stay as they are until the commit: a rebuild that fails
            # leaves the index it found.
            ix = _FreshIndex(index_dir)
        else:
            ix = open_index(index_dir)
        procs = min(os.cpu_count() or 1, MAX_WORKERS)
        parallel = rebuild and len(changed) >= PARALLEL_THRESHOLD and procs > 1
        writer = _SegmentWriter(ix, limitmb=WRITER_MB)  # also holds Whoosh's own lock while workers write
        try:
            if parallel:
                _build_in_processes(writer, index_dir, changed, taxonomy, manifest, report, procs, progress)
            else:
                for done, file in enumerate(changed, 1):
                    _index_file(writer, file, taxonomy, manifest, report, rebuild)
                    if progress:
                        progress(done, len(changed))
                for doc_id in gone:
                    writer.delete_by_term(schema.ID_FIELD, doc_id)
                    manifest.pop(doc_id, None)
                    report.deleted += 1
                writer.commit(mergetype=CLEAR if rebuild else _merge_small_in_order)
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise
        _write_manifest(index_dir, manifest)
        write_atomic(Path(index_dir) / STAMP, json.dumps({"version": stamp}))
    report.seconds = time.perf_counter() - started
    return report


def _index_file(writer, file: CorpusFile, taxonomy: Taxonomy, manifest: dict, report: IndexReport,
                rebuild: bool) -> None:
    file, fields, problems = _fields_of(file, taxonomy)
    report.problems.extend(problems)
    known = file.doc_id in manifest
    if fields is None:
        # An unusable file must not leave its old version searchable as if nothing happened.
        if known:
            writer.delete_by_term(schema.ID_FIELD, file.doc_id)
            manifest.pop(file.doc_id)
        return
    if rebuild:
        writer.add_document(**fields)
    else:
        writer.update_document(**fields)
    manifest[file.doc_id] = {"path": file.relpath, "digest": file.digest}
    if known:
        report.updated += 1
    else:
        report.added += 1


def _fields_of(file: CorpusFile, taxonomy: Taxonomy) -> tuple[CorpusFile, dict | None, list[Problem]]:
    """The file (with its digest, if it was listed without one), its index fields and its problems."""
    if file.digest:
        parsed = read_file(file, taxonomy)
    else:
        file, parsed = read_digested(file, taxonomy)
    if parsed.document is None:
        return file, None, parsed.problems
    return file, schema.to_fields(parsed.document, file.digest, taxonomy), parsed.problems


# -- full builds in several processes ------------------------------------------------------------------
@dataclass
class _Part:
    """What one worker process built: finished segments and the files in them."""

    segments: list
    indexed: list[CorpusFile]
    problems: list[Problem]
    words: dict = field(default_factory=dict)  # what the analysis learned (analysis.learned_words)


def _build_in_processes(writer, index_dir: Path, files: list[CorpusFile], taxonomy: Taxonomy,
                        manifest: dict, report: IndexReport, procs: int, progress: Progress | None) -> None:
    """Each worker reads, parses and indexes a contiguous share of the files into segments of its own;
    the parent then lists all segments in one commit. Unlike Whoosh's MpWriter, the parent does not
    parse and pickle every document for the workers, and nothing is merged at the end."""
    # Forking is fastest (the workers inherit the loaded vocabulary), but a process with other threads
    # (a web server) must not fork: there the workers start afresh.
    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:  # both inherited by the workers, instead of loaded or learned by each
        analysis.vocabulary()  # 0.2 s of CPU
        _recall_words(index_dir)
    done = context.Value("i", 0)
    results = context.Queue()
    shares = [files[n * len(files) // procs:(n + 1) * len(files) // procs] for n in range(procs)]
    workers = [context.Process(target=_build_part, args=(str(index_dir), share, taxonomy, done, results, n),
                               daemon=True) for n, share in enumerate(shares)]
    for worker in workers:
        worker.start()
    parts: dict[int, _Part | str] = {}
    try:
        while len(parts) < len(workers):
            try:
                number, part = results.get(timeout=0.25)
                parts[number] = part
            except queue.Empty:
                if any(w.exitcode not in (None, 0) for w in workers):
                    raise RuntimeError("Een indexeerproces is onverwacht gestopt.") from None
            if progress:
                progress(done.value, len(files))
    finally:
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.terminate()
    failed = [part for part in parts.values() if isinstance(part, str)]
    if failed:
        raise RuntimeError(failed[0])
    ordered = [parts[n] for n in range(len(workers))]
    learned = 0
    for part in ordered:
        learned += analysis.learn_words(part.words)
        report.problems.extend(part.problems)
        for file in part.indexed:
            manifest[file.doc_id] = {"path": file.relpath, "digest": file.digest}
        report.added += len(part.indexed)
    # What MpWriter.commit(multisegment=True) does: the workers' segments, in file order, replace the rest.
    writer._close_segment()
    writer._commit_toc([segment for part in ordered for segment in part.segments])
    writer._finish()
    if learned or not (index_dir / WORDS_FILE).exists():
        _remember_words(index_dir)


def _build_part(index_dir: str, files: list[CorpusFile], taxonomy: Taxonomy, done, results, number: int) -> None:
    """Index a share of the files into segments of at most SEGMENT_DOCS documents: a segment whose
    postings fit in memory is written without spilling sorted runs to disk and merging them back,
    which made a 100,000-document build 40% slower per document."""
    _collect_less_garbage()
    known = len(analysis.learned_words())  # inherited from the parent
    ix = _FreshIndex(Path(index_dir))  # only a rebuild is built in processes
    part = _Part([], [], [])
    writer = None
    try:
        for count, file in enumerate(files, 1):
            file, fields, problems = _fields_of(file, taxonomy)
            part.problems.extend(problems)
            if fields is not None:
                writer = writer or _SegmentWriter(ix, _lk=False, limitmb=WORKER_MB)
                writer.add_document(**fields)
                part.indexed.append(file)
                if writer.doc_count() >= SEGMENT_DOCS:
                    part.segments.append(writer._finalize_segment())
                    writer = None
            if count % 50 == 0 or count == len(files):
                with done.get_lock():
                    done.value += 50 if count % 50 == 0 else count % 50
        if writer is not None:
            part.segments.append(writer._finalize_segment())
        words = analysis.learned_words()
        part.words = dict(islice(words.items(), known if len(words) >= known else 0, None))
    except BaseException as error:  # reported to the parent, which cancels the whole build
        if writer is not None:
            writer.cancel()
        reason = errors.os_reason(error) if isinstance(error, OSError) else error
        results.put((number, f"Indexeren mislukt: {reason}"))
        return
    results.put((number, part))


def _recall_words(index_dir: Path) -> None:
    """Teach the analysis the words the previous full build learned (WORDS_FILE), if the same analyzer
    made them; anything unreadable is ignored (the words are analysed again). The file is a pickle, as
    Whoosh's table of contents beside it is: the index folder is the application's own."""
    try:
        saved = pickle.loads((Path(index_dir) / WORDS_FILE).read_bytes())
        if saved["analyzer"] == analysis.ANALYZER_VERSION:
            analysis.learn_words(saved["words"])
    except Exception:  # noqa: BLE001 - any damage means: analyse the words again
        return


def _remember_words(index_dir: Path) -> None:
    """Save what the analysis learned for the next full build; a build never fails on it (a full disk
    only costs the next build the time to analyse the words again)."""
    data = pickle.dumps({"analyzer": analysis.ANALYZER_VERSION, "words": analysis.learned_words()},
                        pickle.HIGHEST_PROTOCOL)
    try:
        write_bytes_atomic(Path(index_dir) / WORDS_FILE, data, ".pickle")
    except OSError:
        return


def _collect_less_garbage() -> None:
    """In a worker process: what it inherited is never garbage (gc.freeze), and the cycle collector runs
    less often. A build allocates millions of small lists that live until the segment is written
    (each term's postings); collecting every 700 allocations walked them again and again (4 % of a
    build's CPU). The worker ends when its share is written, so nothing accumulates for long."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


class _Pool(PostingPool):
    """Whoosh's posting pool without its per-posting type assertions (our fields always give bytes)."""

    def add(self, item):
        self.fieldnames.add(item[0])
        self.currentsize += 150 + 2 * len(item[1]) + len(item[4] or b"")  # Whoosh's own size estimate
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)


class _SegmentWriter(SegmentWriter):
    """Whoosh's writer with faster adds and a faster flush. Our text fields' postings are collected per
    term in lists (add_document) instead of one tuple per posting in Whoosh's pool, which then sorts
    them all; they are already in document order, so the flush writes each term's postings a block at
    a time (_write_direct). Field lengths come from arrays decoded once (Whoosh reads the length column
    once per posting: 18 % of a build), and the pool's postings (ids, facets, dates, merged segments)
    go straight into the codec's block buffers (_write_postings)."""

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        # Not a compound segment file: whoosh-reloaded reads each part of one through BytesIO, which
        # copies it, so every reader held a private copy of the postings (at 100,000 documents about
        # a second to open and most of a process's 1.2 GB). Separate files are read in place.
        kwargs.setdefault("compound", False)
        super().__init__(ix, limitmb=limitmb, codec=W3Codec(compression=COMPRESSION), **kwargs)
        self.pool = _Pool(self._tempstorage, self.newsegment, limitmb=limitmb)  # poolclass= is ignored
        # The field writer also hands the postings of ranked and faceted fields to the sidecar. Its class
        # is swapped rather than a codec subclassed: the codec is pickled into the index's segment list.
        self._capture = sidecars.Capture()
        self.fieldwriter.__class__ = _CapturingFieldWriter
        self.fieldwriter.capture = self._capture
        # Stored fields (W3Codec's STORED_COLUMN, pickles compressed at zlib level 3) deflated by ISA-L.
        stored = self.perdocwriter._colwriters["_stored"]._child
        stored._compress, stored._level = isal_zlib.compress, COMPRESSION
        # field -> term -> [docnum, weight, encoded positions, docnum, ...] of our analyzer's text fields
        self._direct: dict[str, dict[str, list]] = {
            name: {} for name in self.schema.names() if _is_direct(self.schema[name])}
        # field -> term bytes -> [docnum, weight, value, ...] of the other indexed fields (ids, facets, dates)
        self._fixed: dict[str, dict[bytes, list]] = {
            name: {} for name in self.schema.names() if _is_fixed(self.schema[name])}
        self._indexed: dict[tuple, tuple[list, int]] = {}  # (field, value, boost) -> _add_fixed's postings
        # add_document below leaves out what our schema never uses: term vectors, separate spelling fields
        self._plain = not any(f.vector or f.separate_spelling() for _, f in self.schema.items())

    def add_document(self, **fields):
        """Whoosh's SegmentWriter.add_document (same postings, lengths, stored values and columns), with
        our text fields' postings appended to per-term lists instead of the pool."""
        if not self._plain:
            return super().add_document(**fields)
        self._check_state()
        perdocwriter, schema, docnum, add_post = self.perdocwriter, self.schema, self.docnum, self.pool.add
        direct, fixed = self._direct, self._fixed
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    terms = direct.get(fieldname)
                    if terms is not None and isinstance(value, str):
                        length = _add_direct(terms, field.format, value, docnum, fieldboost)
                    elif fieldname in fixed:
                        length = self._add_fixed(fieldname, field, value, fieldboost)
                    else:
                        scorable = field.scorable
                        for tbytes, freq, weight, vbytes in field.index(value):
                            weight *= fieldboost
                            if scorable:
                                length += freq
                            add_post((fieldname, tbytes, docnum, weight, vbytes))
                customval = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_fixed(self, fieldname: str, field, value, fieldboost: float) -> int:
        """One document's postings of an id, facet, year or date field onto the per-term lists; returns
        the field length. Whoosh's field.index of a value is remembered for fields whose values recur (a
        facet's few combinations, years, dates; not a unique id): tokenizing it again gives the same."""
        key = (fieldname, value, fieldboost)
        recurs = not field.unique and value.__class__ in (str, int)
        known = self._indexed.get(key) if recurs else None
        if known is None:
            postings_, length = [], 0
            for tbytes, freq, weight, vbytes in field.index(value):
                postings_.append((tbytes, weight * fieldboost, vbytes))
                if field.scorable:
                    length += freq
            known = (postings_, length)
            if recurs:
                self._indexed[key] = known
        terms, docnum = self._fixed[fieldname], self.docnum
        for tbytes, weight, vbytes in known[0]:  # each term once per document (_is_fixed): in document order
            found = terms.get(tbytes)
            if found is None:
                terms[tbytes] = [docnum, weight, vbytes]
            else:
                found += (docnum, weight, vbytes)
        return known[1]

    def _finalize_segment(self):
        """Whoosh's segment files, then its sidecar (sidecars.py) from the postings just written."""
        segment = super()._finalize_segment()
        reader = SegmentReader(self.storage, self.schema, segment)
        try:
            arrays = sidecars.build_arrays(reader, self._capture)
        finally:
            reader.close()
        sidecars.write(Path(self.storage.folder), segment.segment_id(), segment.doc_count_all(), arrays)
        self._capture = None  # the postings can go before the commit finishes
        return segment

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = _Lengths(self.per_document_reader(), self.schema)
        direct = {name: terms for name, terms in chain(self._direct.items(), self._fixed.items()) if terms}
        for name in set(direct) & self.pool.fieldnames:  # a merged segment's postings are in the pool
            for term, postings_ in direct.pop(name).items():
                btext = term.encode("utf-8") if term.__class__ is str else term
                for item in zip(postings_[0::3], postings_[1::3], postings_[2::3]):
                    self.pool.add((name, btext, *item))
        pending = sorted(direct)
        for fieldname, items in groupby(self.pool.iter_postings(), key=itemgetter(0)):
            while pending and pending[0] < fieldname:
                name = pending.pop(0)
                _write_direct(self.fieldwriter, self.schema, lengths, name, direct[name])
            _write_postings(self.fieldwriter, self.schema, lengths, items)
        for name in pending:
            _write_direct(self.fieldwriter, self.schema, lengths, name, direct[name])
        self._direct, self._fixed, self._indexed = {}, {}, {}
        self.fieldwriter.close()
        lengths.close()


def _is_direct(field) -> bool:
    """Fields whose postings add_document collects itself: our analyzer's text fields (schema.Positions)."""
    return isinstance(field.format, schema.Positions) and isinstance(field.analyzer, analysis.DutchAnalyzer)


def _is_fixed(field) -> bool:
    """Indexed fields whose postings add_document collects per term as Whoosh's field.index gives them
    (ids, facets, years, dates): formats that give each term once per document (a set of words, or
    their frequencies), so a term's postings arrive in document order as Whoosh's pool would sort them."""
    return field.indexed and type(field.format) in (formats.Existence, formats.Frequency) and not _is_direct(field)


def _add_direct(terms: dict, format_, text: str, docnum: int, fieldboost: float) -> int:
    """One document's postings of one text field onto the per-term lists (docnum, weight, value, ...);
    returns the field length as Whoosh counts it (every term's frequency, compound parts too). The
    weights, values and lists are found with one expression each and the postings appended by `map`,
    not by a Python loop per posting (a third of this function's time before)."""
    found, weights = analysis.index_terms(text)  # weights: only where compound parts contributed
    positions = found.values()
    counts = list(map(len, positions))
    scores = list(map(weights.get, found, counts)) if weights else counts
    boost = format_.field_boost
    if boost == 1.0 and fieldboost == 1.0:
        scores = map(float, scores)  # what x * 1.0 * 1.0 gives
    else:
        scores = [score * boost * fieldboost for score in scores]
    single, encode = schema.SINGLE_POSITIONS, format_.encode
    values = [single[spots[0]] if len(spots) == 1 else encode(spots) for spots in positions]
    lists = list(map(terms.get, found))
    if None in lists:  # terms this segment has not seen yet
        lists = [terms.setdefault(term, []) if known is None else known for term, known in zip(found, lists)]
    deque(map(list.extend, lists, zip(repeat(docnum), scores, values)), 0)
    return sum(counts)


def _write_direct(fieldwriter, schema_, lengths: "_Lengths", fieldname: str, terms: dict) -> None:
    """A field's postings collected by add_document (term -> [docnum, weight, value, docnum, ...]), term
    by term in Whoosh's order (a text field's terms are str, whose UTF-8 bytes sort like code points;
    other fields' are bytes): the blocks of up to 128 postings, block statistics and term info that
    W3PostingsWriter and W3FieldWriter.finish_term would write (tests/test_index.py compares both
    writers' indexes), without their objects and calls per term and block: each term's bytes are
    assembled at once (most terms have one block: _one_block_term), the field's postings written
    with one call and its terms added to the term table together (_add_terms)."""
    field = schema_[fieldname]
    fieldwriter.start_field(fieldname, field)
    post = fieldwriter._postwriter
    limit, compression = post._blocklimit, post._compression
    fixed = field.format.fixed_value_size()
    postfile = fieldwriter._postfile
    target = getattr(fieldwriter, "_target", None)  # the sidecar's capture of this field
    field_lengths = lengths.of(fieldname) or []
    prefix = pack_ushort(fieldwriter._fieldid)
    offset = postfile.tell()
    keys, infos, chunks = [], [], []
    for term in sorted(terms):
        postings_ = terms[term]
        ids, weights, values = postings_[0::3], postings_[1::3], postings_[2::3]
        if fixed is not None:
            values = [value for value in values if value]  # Whoosh keeps only values that say something
        btext = term.encode("utf-8") if term.__class__ is str else term
        if target is not None:
            target.start_term(btext)
        if len(ids) <= limit:
            data, info = _one_block_term(ids, weights, values, field_lengths, compression, fixed, target)
        else:
            data, info = _blocks_term(ids, weights, values, field_lengths, limit, compression, fixed, target)
        keys.append(prefix + btext)
        infos.append(info + pack_long(offset) + pack_int(len(data)))
        chunks.append(data)
        offset += len(data)
    postfile.write(b"".join(chunks))
    if keys:
        _add_terms(fieldwriter._tindex, keys, infos)
    fieldwriter.finish_field()


def _one_block_term(ids: list, weights: list, values: list, field_lengths: list, compression: int,
                    fixed: int | None, target) -> tuple[bytes, bytes]:
    """A term with one block of postings: its bytes in the postings file and its term info (without
    the extent), what _Block, _TermTotals and _block_bytes give, without their objects."""
    id_array, weight_array = array("I", ids), array("f", weights)
    if target is not None:
        target.add_block(id_array, weight_array, values)
    maxweight, minlength, maxlength = _block_stats(ids, weights, field_lengths)
    data = WHOOSH3_HEADER_MAGIC + _block_bytes(id_array, weight_array, _mini_values(values, fixed), maxweight,
                                               minlength, maxlength, compression, True)
    info = _TERM_INFO.pack(False, sum(weight_array), len(ids), 0 if minlength is None else length_to_byte(minlength),
                           length_to_byte(maxlength), maxweight, ids[0], ids[-1])
    return data, info


def _blocks_term(ids: list, weights: list, values: list, field_lengths: list, limit: int, compression: int,
                 fixed: int | None, target) -> tuple[bytes, bytes]:
    """A term with several blocks of postings: its bytes and term info (without the extent)."""
    totals = _TermTotals()
    chunks = [WHOOSH3_HEADER_MAGIC]
    count = len(ids)
    for start in range(0, count, limit):
        end = start + limit
        block = _Block(ids[start:end], weights[start:end], values[start:end], field_lengths)
        if target is not None:
            target.add_block(block.ids, block.weights, block.values)
        totals.add(block)
        chunks.append(block.encode(compression, fixed, last=end >= count))
    return b"".join(chunks), totals.to_bytes()


def _add_terms(tindex, keys: list[bytes], infos: list[bytes]) -> None:
    """OrderedHashWriter.add for each (key, term info) of a field, keys in order: the same file bytes,
    buckets and position index, with one write."""
    if keys[0] <= tindex.lastkey:
        raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{keys[0]!r}")
    dbfile = tindex.dbfile
    position = dbfile.tell()
    index_positions, buckets, hashfn = tindex.index, tindex.buckets, tindex.hashfn
    parts = []
    for key, info in zip(keys, infos):
        index_positions.append(position)
        head = _KEY_VALUE_LENGTHS.pack(len(key), len(info))
        parts += (head, key, info)
        code = hashfn(key)
        buckets[code & 255].append((code, position))
        position += len(head) + len(key) + len(info)
    dbfile.write(b"".join(parts))
    tindex.lastkey = keys[-1]


class _Block:
    """One block of a term's postings and what W3PostingsWriter records of it."""

    __slots__ = ("ids", "weights", "values", "maxweight", "minlength", "maxlength")

    def __init__(self, ids: list[int], weights: list[float], values: list[bytes], field_lengths: list):
        self.ids = array("I", ids)
        self.weights = array("f", weights)  # stored as float32, as Whoosh's block buffer does
        self.values = values
        self.maxweight, self.minlength, self.maxlength = _block_stats(ids, weights, field_lengths)

    def encode(self, compression: int, fixed: int | None, last: bool) -> bytes:
        return _block_bytes(self.ids, self.weights, _mini_values(self.values, fixed), self.maxweight, self.minlength,
                            self.maxlength, compression, last)


def _block_stats(ids: list[int], weights: list[float], field_lengths: list) -> tuple[float, int | None, int]:
    """(highest weight, shortest and longest length of the documents that have one) of a block, as
    W3PostingsWriter records them: (.., None, 0) when no document has a length."""
    top = max(weights)  # Whoosh compares the weights before float32 rounding, starting from 0
    if ids[-1] < len(field_lengths):
        found = list(filter(None, map(field_lengths.__getitem__, ids)))
    else:
        found = [n for n in (field_lengths[d] if d < len(field_lengths) else None for d in ids) if n]
    return (top if top > 0 else 0), *((min(found), max(found)) if found else (None, 0))


def _mini_values(values: list[bytes], fixed: int | None):
    """A block's values as W3PostingsWriter._mini_values stores them, for a format whose values have the
    fixed size `fixed` (None or negative: sizes vary; 0: no values)."""
    if fixed is None or fixed < 0:
        return tuple(values)
    return b"".join(values) if fixed else None


def _block_bytes(ids, weights, values, maxweight: float, minlength: int | None, maxlength: int,
                 compression: int, last: bool) -> bytes:
    """W3PostingsWriter._write_block's bytes for one block (ids and weights as arrays, values already
    minified): length (negative for the last block), block info, data."""
    count = len(ids)
    deltas = tuple(map(sub, ids, chain((0,), ids)))  # whoosh.util.numlists.delta_encode
    if weights.count(1.0) == count:
        mini_weights = None
    elif weights.count(weights[0]) == count:
        mini_weights = weights[0]
    else:
        mini_weights = tuple(weights)
    # Whoosh pickles with protocol 2 (for Python 2), which has no opcode for bytes: each posting's value
    # went through _codecs.encode. Its readers load any protocol; 4 pickles the values as they are: on the
    # 10k corpus 1.1 -> 0.2 s to pickle and 0.8 -> 0.6 s to deflate, the posting blocks 32 -> 15 MB.
    data = pickle.dumps((deltas, mini_weights, values), BLOCK_PICKLE_PROTOCOL)
    if compression:
        data = isal_zlib.compress(data, compression)
    info = pickle.dumps((count, ids[-1], maxweight, compression, length_to_byte(minlength),
                         length_to_byte(maxlength)), 2)
    size = len(info) + len(data)
    return pack_int(-size if last else size) + info + data


class _TermTotals:
    """W3TermInfo's statistics over a term's blocks (W3TermInfo.add_block), and its bytes (to_bytes)."""

    __slots__ = ("weight", "df", "minlength", "maxlength", "maxweight", "minid", "maxid")

    def __init__(self):
        self.weight, self.df, self.minlength, self.maxlength, self.maxweight = 0, 0, None, 0, 0
        self.minid = self.maxid = None

    def add(self, block: _Block) -> None:
        self.weight += sum(block.weights)
        self.df += len(block.ids)
        if self.minlength is None:
            self.minlength = block.minlength
        else:
            self.minlength = min(self.minlength, block.minlength)
        self.maxlength = max(self.maxlength, block.maxlength)
        self.maxweight = max(self.maxweight, block.maxweight)
        if self.minid is None:
            self.minid = block.ids[0]
        self.maxid = block.ids[-1]

    def to_bytes(self) -> bytes:
        """W3TermInfo.to_bytes without the extent (offset and length in the postings file)."""
        minlength = 0 if self.minlength is None else length_to_byte(self.minlength)
        return _TERM_INFO.pack(False, self.weight, self.df, minlength, length_to_byte(self.maxlength),
                               self.maxweight, self.minid, self.maxid)


_TERM_INFO = W3TermInfo._struct
_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # whoosh.filedb.filetables._lengths: a key's and its value's sizes


class _CapturingFieldWriter(W3FieldWriter):
    """W3FieldWriter that tells `capture` (a sidecars.Capture) each captured field's terms and gives its
    postings writer the blocks to copy."""

    capture: sidecars.Capture
    _target = None

    def start_field(self, fieldname, fieldobj):
        super().start_field(fieldname, fieldobj)
        self._target = self.capture.start_field(fieldname)
        if self._target is not None:
            self._postwriter.__class__ = _CapturingPostingsWriter
            self._postwriter.target = self._target

    def start_term(self, btext):
        super().start_term(btext)
        if self._target is not None:
            self._target.start_term(btext)


class _CapturingPostingsWriter(W3PostingsWriter):
    """Copies each block's document numbers, weights and values (a text field's positions; arrays of 128)
    before Whoosh encodes it."""

    target: "sidecars._FieldCapture"

    def _write_block(self, last=False):
        self.target.add_block(self._ids, self._weights, self._values)
        super()._write_block(last)

    def finish_postings(self):
        if not self.written() and len(self._ids) < self._inlinelimit:  # inlined: no block is written
            self.target.add_block(self._ids, self._weights, self._values)
        return super().finish_postings()


def _write_postings(fieldwriter, schema_, lengths: "_Lengths", items) -> None:
    """What FieldWriter.add_postings and W3PostingsWriter.add_posting do for sorted postings, in one loop:
    the same blocks, statistics and bytes (tests/test_index.py compares both writers' indexes), without
    three Python calls and four type assertions per posting (a 10,000-document rebuild: 18.0-20.2 s before,
    17.5-17.8 s after)."""
    lastfn = lasttext = None
    post = field_lengths = None
    for fieldname, btext, docnum, weight, value in items:
        if docnum < 0:
            continue  # Whoosh's marker for spelling words; our schema has none, as in add_postings
        if fieldname != lastfn:
            if lasttext is not None:
                fieldwriter.finish_term()
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema_[fieldname])
            post = fieldwriter._postwriter
            field_lengths = lengths.of(fieldname)
            lastfn, lasttext = fieldname, None
        if btext != lasttext:
            if lasttext is not None:
                fieldwriter.finish_term()
            fieldwriter.start_term(btext)
            lasttext = btext
        if len(post._ids) >= post._blocklimit:
            post._write_block()
        post._ids.append(docnum)
        post._weights.append(weight)
        if weight > post._maxweight:
            post._maxweight = weight
        if value:
            post._values.append(value)
        length = field_lengths[docnum] if field_lengths is not None and docnum < len(field_lengths) else None
        if length:
            if post._minlength is None or length < post._minlength:
                post._minlength = length
            if length > post._maxlength:
                post._maxlength = length
    if lasttext is not None:
        fieldwriter.finish_term()
    if lastfn is not None:
        fieldwriter.finish_field()


_DECODED = [None] + [byte_to_length(b) for b in range(1, 256)]  # a zero byte means "no length": None


class _Lengths:
    """Each field's length column of the segment being written, decoded up front: the values
    W3PerDocReader.doc_field_length gives."""

    def __init__(self, reader, schema_):
        self._reader = reader
        self._fields: dict[str, list] = {}
        for name in schema_.names():
            raw = postings.length_bytes(reader, name)
            if raw is not None:
                self._fields[name] = [_DECODED[b] for b in raw]

    def of(self, fieldname: str) -> list | None:
        """Lengths by docnum (None where a document has none), or None for a field without lengths."""
        return self._fields.get(fieldname)

    def close(self) -> None:
        self._reader.close()


def apply_changes(corpus_dir: Path, index_dir: Path, upserts: Iterable[tuple[Document, str]] = (),
                  deletes: Iterable[str] = (), taxonomy: Taxonomy | None = None) -> None:
    """Index documents an editor just saved ((document, digest) pairs) and drop deleted ids, under the
    same lock as full updates. Falls back to a full update when the index is missing or stale."""
    taxonomy = taxonomy or taxonomy_for(corpus_dir)
    if not is_current(index_dir, taxonomy):
        update_index(corpus_dir, index_dir, taxonomy=taxonomy)
        return
    with write_lock(index_dir):
        manifest = read_manifest(index_dir)
        writer = _SegmentWriter(open_index(index_dir), limitmb=64)
        try:
            for doc, digest in upserts:
                writer.update_document(**schema.to_fields(doc, digest, taxonomy))
                manifest[doc.id] = {"path": doc.path or "", "digest": digest}
            for doc_id in deletes:
                writer.delete_by_term(schema.ID_FIELD, doc_id)
                manifest.pop(doc_id, None)
            writer.commit(mergetype=_merge_small_in_order)
        except BaseException:
            writer.cancel()
            raise
        _write_manifest(index_dir, manifest)


def _merge_small_in_order(writer, segments):
    """Whoosh's default policy (merge the small segments a run of saves leaves behind into the new one),
    but the segments it keeps stay in their order: Whoosh's returns them sorted by size, which moves
    documents to other numbers, so a reader could not extend the previous reader's arrays."""
    kept = set(MERGE_SMALL(writer, segments))
    return [segment for segment in segments if segment in kept]
