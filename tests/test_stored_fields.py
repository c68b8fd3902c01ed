"""A page's stored fields read from the segments' columns directly (postings.StoredFields) are Whoosh's."""
from __future__ import annotations

import pytest

from kennisplatform import postings
from kennisplatform.index import open_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

from conftest import saved_starter_index


@pytest.fixture(scope="module")
def saved_index(tmp_path_factory):
    """The starter corpus, indexed, then one document added and one changed: several segments and a
    deleted document, as after editors' saves."""
    return saved_starter_index(tmp_path_factory.mktemp("stored"),
                               "Erfgoed en “erfgoedonderwijs” in Gouda: één les, leerlingen onderzoeken erfgoed.\n")


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
