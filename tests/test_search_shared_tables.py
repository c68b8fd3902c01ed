"""What depends on the taxonomy alone (the synonym table, ~4 MB with the country's places) is built once per process and
taxonomy, not once per engine: `kennisplatform serve` builds it in gunicorn's master (search.prepare_process), and the
workers forked from it share its pages (session 33). An engine of another taxonomy builds its own."""
from __future__ import annotations

from pathlib import Path

import yaml

from kennisplatform import search
from kennisplatform.corpus import TAXONOMY_FILE
from kennisplatform.query import parse_query
from kennisplatform.taxonomy import Taxonomy, load_taxonomy

BUNDLED = Path(__file__).resolve().parents[1] / "corpus" / TAXONOMY_FILE


def test_engines_of_one_taxonomy_share_one_synonym_table(tmp_path):
    taxonomy = load_taxonomy(BUNDLED)
    first = search.SearchEngine(tmp_path / "a", taxonomy)
    second = search.SearchEngine(tmp_path / "b", load_taxonomy(BUNDLED))  # the same file, read again
    assert first.synonyms is second.synonyms


def test_the_master_builds_it_before_any_engine(tmp_path):
    taxonomy = load_taxonomy(BUNDLED)
    search.prepare_process(taxonomy)
    version, built = search._SYNONYMS
    assert version == taxonomy.version
    assert search.SearchEngine(tmp_path / "index", taxonomy).synonyms is built


def test_an_engine_of_another_taxonomy_gets_its_own(tmp_path):
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    data["synonyms"].append(["zeefestival", "havendagen"])
    bundled = search.SearchEngine(tmp_path / "a", load_taxonomy(BUNDLED)).synonyms
    changed = search.SearchEngine(tmp_path / "b", Taxonomy(data)).synonyms
    assert changed is not bundled
    def alternatives(table):
        return {clause.terms for clause in parse_query("zeefestival", table).groups[0].alternatives}
    assert ("havendag",) in alternatives(changed) and ("havendag",) not in alternatives(bundled)
