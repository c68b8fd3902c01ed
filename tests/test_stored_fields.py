"""A page's stored fields read from the segments' columns directly (postings.StoredFields) are Whoosh's."""
from __future__ import annotations

import shutil

import pytest

from kennisplatform import postings
from kennisplatform.index import open_index, update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

from conftest import REPO, write_document


@pytest.fixture(scope="module")
def saved_index(tmp_path_factory):
    """The starter corpus, indexed, then one document added and one changed: several segments and a
    deleted document, as after editors' saves."""
    corpus = tmp_path_factory.mktemp("stored") / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    index_dir = corpus.parent / "index"
    update_index(corpus, index_dir)
    write_document(corpus, "erfgoed-extra", "voorbeeldproject", "2025-02-01", ["erfgoed"], ["Gouda"], {},
                   "Erfgoed en “erfgoedonderwijs” in Gouda: één les, leerlingen onderzoeken erfgoed.\n")
    changed = next((corpus / "verslagen").glob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nExtra alinea over erfgoed.\n", encoding="utf-8")
    update_index(corpus, index_dir)
    return corpus, index_dir


def test_every_documents_stored_fields_equal_whooshs(saved_index):
    _, index_dir = saved_index
    with open_index(index_dir).searcher() as searcher:
        reader = searcher.reader()
        assert len(reader.leaf_readers()) >= 2 and reader.doc_count_all() > reader.doc_count()
        stored = postings.StoredFields(reader)
        for docnum in range(reader.doc_count_all()):  # deleted documents too
            assert stored[docnum] == reader.stored_fields(docnum)
        assert stored[0] is stored[0]  # read once per request


def test_a_search_page_shows_the_stored_fields_of_its_hits(saved_index):
    corpus, index_dir = saved_index
    from kennisplatform.corpus import taxonomy_for

    engine = SearchEngine(index_dir, taxonomy_for(corpus))
    try:
        hits = engine.search(SearchParams(q="erfgoed gouda")).hits
        assert hits[0].id == "erfgoed-extra"
        assert hits[0].title == "Erfgoed extra" and [r.id for r in hits[0].regions] == ["gouda"]
        assert "<mark>Erfgoed</mark> en “<mark>erfgoedonderwijs</mark>” in <mark>Gouda</mark>" in hits[0].snippet
        assert [h.id for h in hits] == [engine.stored(h.id)["id"] for h in hits]
    finally:
        engine.close()
