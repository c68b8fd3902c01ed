"""What an index holds, as text to compare two builds of the same corpus: a change to how the index is
built must leave every term, posting and stored field as it was.

    .venv/bin/python benchmarks/index_dump.py INDEX_DIR OUT.txt

Writes one line per (segment, field, term): document frequency and a digest of the term's postings
(document numbers, weights, values), then per segment the stored fields of each document, each field's
length column, the date column and a digest of each sidecar array. Segment ids (random) are left out, so
two builds that index the same documents in the same order give the same file (`diff` or `cmp` them)."""
from __future__ import annotations

import hashlib
import json
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kennisplatform import index as kp_index, postings, sidecars  # noqa: E402


def _digest(*parts) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def dump(index_dir: Path, out) -> None:
    ix = kp_index.open_index(index_dir)
    with ix.reader() as reader:
        readers = [r for r, _ in reader.leaf_readers()] if hasattr(reader, "leaf_readers") else [reader]
        for number, segment_reader in enumerate(readers):
            out.write(f"segment {number}: {segment_reader.doc_count_all()} documents\n")
            for fieldname, btext in segment_reader.all_terms():
                info = segment_reader.term_info(fieldname, btext)
                matcher = segment_reader.postings(fieldname, btext)
                ids, weights, values = [], [], []
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    values.append(matcher.value())
                    matcher.next()
                out.write(f"{fieldname}\t{btext!r}\t{info.doc_frequency()}\t{info.weight()}\t{info.max_weight()}"
                          f"\t{info.min_length()}\t{info.max_length()}\t{_digest(ids, weights, values)}\n")
            for docnum in range(segment_reader.doc_count_all()):
                stored = segment_reader.stored_fields(docnum)
                out.write(f"stored {docnum}\t{sorted(stored.items())!r}\n")
            for fieldname in segment_reader.schema.names():
                raw = postings.length_bytes(segment_reader._perdoc, fieldname)
                if raw is not None:
                    out.write(f"lengths {fieldname}\t{_digest(bytes(raw))}\n")
            if segment_reader.has_column("datenum"):
                column = segment_reader.column_reader("datenum")
                out.write(f"datenum\t{_digest(list(column))}\n")
            _dump_sidecar(sidecars.path_for(index_dir, segment_reader.segment().segment_id()), out)


def _dump_sidecar(path: Path, out) -> None:
    """The sidecar file as written: its arrays' layout and a digest of its data (after the header, which
    names the segment)."""
    data = path.read_bytes()
    start = len(sidecars.MAGIC) + 8
    (length,) = struct.unpack("<I", data[len(sidecars.MAGIC):start - 4])
    header = json.loads(data[start:start + length])
    out.write(f"sidecar layout\t{json.dumps(header['arrays'], sort_keys=True)}\tcrc {header['crc']}\n")
    out.write(f"sidecar data\t{hashlib.sha1(data[sidecars._aligned(start + length):]).hexdigest()}\n")


if __name__ == "__main__":
    with open(sys.argv[2], "w", encoding="utf-8", errors="surrogatepass") as handle:
        dump(Path(sys.argv[1]), handle)
        manifest = kp_index.read_manifest(Path(sys.argv[1]))
        handle.write(f"manifest\t{json.dumps(manifest, sort_keys=True)}\n")
