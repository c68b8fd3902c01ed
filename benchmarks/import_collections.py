"""What the importer makes of every judged collection page: `dump` reads each file of
benchmarks/relevance/collection*/ with importer.read_path (as evaluate.py's import does) and writes its title,
date, summary, body and authors to a JSON file; `compare` prints, per file, what changed between two dumps (the
fields, and the body's paragraphs removed and added). Run `dump` before and after a change to the import, then
`compare` (no evaluate.py run needed to see which pages a change touches):

    .venv/bin/python benchmarks/import_collections.py dump /tmp/before.json
    .venv/bin/python benchmarks/import_collections.py compare /tmp/before.json /tmp/after.json
"""
from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def dump(out: Path) -> None:
    from kennisplatform.corpus import taxonomy_for
    from kennisplatform.importer import ImportProblem, read_path

    taxonomy = taxonomy_for(REPO / "corpus")
    found = {}
    for path in sorted(REPO.glob("benchmarks/relevance/collection*/*")):
        if path.suffix not in (".html", ".md"):
            continue
        key = str(path.relative_to(REPO))
        try:
            draft = read_path(path, taxonomy)
        except ImportProblem as problem:
            found[key] = {"error": problem.message}
            continue
        found[key] = {"title": draft.title, "date": str(draft.date), "summary": draft.summary, "body": draft.body,
                      "authors": list(draft.source.authors) if draft.source else []}
    out.write_text(json.dumps(found, ensure_ascii=False, indent=0))
    print(f"{len(found)} files -> {out}")


def compare(before: Path, after: Path) -> None:
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    changed = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key, {}), new.get(key, {})
        if a == b:
            continue
        changed += 1
        print("==", key)
        for field in ("error", "title", "date", "summary", "authors"):
            if a.get(field) != b.get(field):
                print(f"  {field}: {a.get(field)!r}\n     -> {b.get(field)!r}")
        if a.get("body") != b.get("body"):
            lines = difflib.unified_diff((a.get("body") or "").strip().split("\n\n"),
                                         (b.get("body") or "").strip().split("\n\n"), n=0, lineterm="")
            for line in lines:
                if not line.startswith(("---", "+++", "@@")):
                    print("  body", line[:200].replace("\n", " / "))
    print(f"changed: {changed} of {len(old)}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
