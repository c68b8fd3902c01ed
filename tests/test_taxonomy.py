"""The taxonomy: the region hierarchy, resolving labels and aliases, suggestions from text."""
from __future__ import annotations

from pathlib import Path

import pytest

from kennisplatform.taxonomy import TaxonomyError, load_taxonomy

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seeds" / "000_b36f01b1ace8dd55.txt"


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy(REPO / "corpus" / "taxonomy.yaml")


def test_fifty_municipalities_in_eight_regions_of_zuid_holland(tax):
    regions = tax.children("region", "zuid-holland")
    assert len(regions) == 8
    municipalities = [m for r in regions for m in tax.children("region", r.id)]
    assert len(municipalities) == 50 and {m.level for m in municipalities} == {"gemeente"}
    assert len(tax.children("region", "nederland")) == 12  # the provinces
    assert [t.id for t in tax.children("region", None)] == ["nederland", "vlaanderen", "internationaal"]


def test_resolve_ids_labels_and_aliases(tax):
    assert tax.resolve("region", "Krimpen a/d IJssel") == "krimpen-aan-den-ijssel"
    assert tax.resolve("region", "'s-Gravenhage") == "den-haag"
    assert tax.resolve("region", "landelijk") == "nederland"
    assert tax.resolve("region", "Hoeksche Waard") == "hoeksche-waard"  # the municipality, not the region
    assert tax.resolve("region", "CMK") is None
    assert tax.resolve("theme", "DESKUNDIGHEIDSBEVORDERING") == "professionalisering"
    assert tax.resolve("audience", "basisonderwijs") == "po"
    assert tax.resolve("type", "Verslagen") == "verslag"
    assert tax.resolve("discipline", "beeldende kunst") == "beeldende-kunst"


def test_closest_valid_value(tax):
    assert tax.closest("region", "Vlaardinge") == "Vlaardingen"
    assert tax.closest("theme", "erfgoedd") == "Erfgoed"
    assert tax.closest("theme", "qqqqqq") is None


def test_ancestors_and_descendants(tax):
    assert tax.ancestors("vlaardingen") == ["rotterdam-rijnmond", "zuid-holland", "nederland"]
    assert tax.ancestors("nederland") == []
    assert "vlaardingen" in tax.descendants("zuid-holland")


def test_find_in_text_finds_places_in_the_seed_report(tax):
    found = tax.find_in_text("region", SEED.read_text(encoding="utf-8"))
    assert found[:2] == ["vlaardingen", "krimpen-aan-den-ijssel"]


def test_find_in_text_uses_adjectives_but_not_parts_of_words(tax):
    assert tax.find_in_text("region", "De Goudse scholen en het Westlandse museum") == ["gouda", "westland"]
    assert tax.find_in_text("region", "Lissers en krimpenerwaardse") == []
    assert tax.find_in_text("theme", "Erfgoed en deskundigheidsbevordering") == ["erfgoed", "professionalisering"]


def test_aliases_of_places_and_audiences_are_search_synonyms(tax):
    groups = tax.synonym_groups()
    assert any("'s-gravenhage" in g and "den haag" in g for g in groups)
    assert any("primair onderwijs" in g and "po" in g for g in groups)
    assert not any("museum" in g for g in groups)


def test_a_bad_taxonomy_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "taxonomy.yaml"
    bad.write_text("types: [\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="ongeldige YAML"):
        load_taxonomy(bad)
    bad.write_text("types: []\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="sectie 'types'"):
        load_taxonomy(bad)
    with pytest.raises(TaxonomyError, match="niet leesbaar"):
        load_taxonomy(tmp_path / "missing.yaml")
