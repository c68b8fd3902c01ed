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
