"""Real files as they are found import: text in windows-1252 (old Notepad and Word 'save as text' files).
What is still refused is refused in Dutch, and a second import of the same file changes nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from kennisplatform import importer

NOTEPAD = "Cultuurcoördinator in Gouda\n\nHet café van de school organiseert één keer per maand een " \
          "voorstelling voor groep 7 en 8.\n"


def run(corpus_dir, index_dir, taxonomy, *paths):
    return importer.Importer(corpus_dir, index_dir, taxonomy).run([Path(p) for p in paths])


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def corpus_files(corpus_dir: Path) -> dict[str, bytes]:
    """Every file of the corpus (documents, originals, history), to see that a re-import changes nothing."""
    return {str(p.relative_to(corpus_dir)): p.read_bytes() for p in sorted(corpus_dir.rglob("*")) if p.is_file()}


def imported_twice(corpus_dir, index_dir, taxonomy, path: Path) -> importer.Outcome:
    """The outcome of the first import; the second must find the same document and change no file."""
    [first] = run(corpus_dir, index_dir, taxonomy, path)
    assert first.status == "created", first.reason
    before = corpus_files(corpus_dir)
    [again] = run(corpus_dir, index_dir, taxonomy, path)
    assert (again.status, again.doc_id) == ("unchanged", first.doc_id), again
    assert corpus_files(corpus_dir) == before
    return first


# -- windows-1252 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["notities.txt", "notities.md"])
def test_a_windows_1252_text_is_read_as_windows_1252_and_says_so(corpus_dir, index_dir, taxonomy, tmp_path, name):
    path = write(tmp_path / "in", name, NOTEPAD.replace("\n", "\r\n").encode("cp1252"))
    draft = importer.read_path(path, taxonomy)
    assert draft.title == "Cultuurcoördinator in Gouda"
    assert "Het café van de school organiseert één keer" in draft.body
    assert draft.notes == ["gelezen als windows-1252 (geen UTF-8)"]
    outcome = imported_twice(corpus_dir, index_dir, taxonomy, path)
    assert "gelezen als windows-1252" in outcome.reason
    saved = next(corpus_dir.rglob(f"{outcome.doc_id}.md")).read_text(encoding="utf-8")
    assert "Cultuurcoördinator in Gouda" in saved and "café" in saved
    path.write_bytes(NOTEPAD.replace("groep 7", "groep 6").encode("cp1252"))
    [changed] = run(corpus_dir, index_dir, taxonomy, path)
    assert (changed.status, changed.doc_id) == ("updated", outcome.doc_id), changed
    assert changed.reason == "gelezen als windows-1252 (geen UTF-8)"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_with_or_without_bom_and_utf16_with_bom_are_read_without_a_note(tmp_path, taxonomy, encoding):
    draft = importer.read_path(write(tmp_path / "in", "notities.txt", NOTEPAD.encode(encoding)), taxonomy)
    assert draft.title == "Cultuurcoördinator in Gouda" and "één keer" in draft.body
    assert draft.notes == []


@pytest.mark.parametrize("data", [
    "Привет мир\n\nКультура и образование в Лейдене.\n".encode("cp1251"),  # 1252 would give 'Ïðèâåò'
    "Café in Gouda\n\n".encode("cp1252") + "één keer per week".encode("utf-8"),  # mixed: 'Ã©Ã©n'
    b"Muziek in Gouda\n\nLes \x81\x8d per week.\n",  # bytes that windows-1252 leaves undefined
])
def test_text_that_windows_1252_would_turn_into_mojibake_is_refused_in_dutch(corpus_dir, index_dir, taxonomy,
                                                                              tmp_path, data):
    [outcome] = run(corpus_dir, index_dir, taxonomy, write(tmp_path / "in", "tekst.txt", data))
    assert outcome.status == "failed"
    assert outcome.reason.startswith("geen UTF-8- of windows-1252-tekst: sla het bestand op als UTF-8")
