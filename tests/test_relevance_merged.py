"""merged.py: several sets' pages gathered into one folder to import. Every page must arrive as an .html file under a
name of its own: a name cut through its extension was left out of the import without a word (194 of 1,699 tuning
pages until session 58)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "relevance"))
import merged  # noqa: E402

LONG = "bron-plaats-gemeente-" + "-".join(["een-heel-lang-onderwerp"] * 7) + ".html"


def write_pages(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        (folder / name).write_text(f"<title>{name}</title>", encoding="utf-8")
    return folder


def test_every_page_arrives_as_html_under_a_name_of_its_own(tmp_path: Path):
    first = write_pages(tmp_path / "collection_a", "kort.html", LONG)
    second = write_pages(tmp_path / "collection_b", "kort.html")
    into = tmp_path / "pages"
    into.mkdir()
    written = merged.gather_pages([first, second], into)
    assert len(LONG) + len("collection_a--") > merged.MAX_NAME
    assert sorted(into.glob("*.html")) == sorted(written) and len(written) == 3
    assert all(len(page.name) <= merged.MAX_NAME for page in written)
    assert {page.read_text(encoding="utf-8") for page in written} == {"<title>kort.html</title>",
                                                                       f"<title>{LONG}</title>"}


def test_two_pages_cut_to_one_name_are_refused(tmp_path: Path):
    folder = write_pages(tmp_path / "collection_a", LONG, LONG.replace(".html", "-twee.html"))
    into = tmp_path / "pages"
    into.mkdir()
    with pytest.raises(ValueError, match="two pages cut to one name"):
        merged.gather_pages([folder], into)
