"""The taxonomy: the region hierarchy, resolving labels and aliases, synonyms, suggestions from text,
and clear errors for a bad file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor_support import SEED
from kennisplatform.taxonomy import FACETS, Taxonomy, TaxonomyError, Term, default_taxonomy_path, load_taxonomy

REPO = Path(__file__).resolve().parent.parent
TAXONOMY = REPO / "corpus" / "taxonomy.yaml"

ZUID_HOLLAND = {
    "holland-rijnland": ["alphen-aan-den-rijn", "hillegom", "kaag-en-braassem", "katwijk", "leiden", "leiderdorp",
                         "lisse", "nieuwkoop", "noordwijk", "oegstgeest", "teylingen", "voorschoten", "zoeterwoude"],
    "haaglanden": ["delft", "den-haag", "leidschendam-voorburg", "midden-delfland", "pijnacker-nootdorp", "rijswijk",
                   "wassenaar", "westland", "zoetermeer"],
    "rotterdam-rijnmond": ["albrandswaard", "barendrecht", "capelle-aan-den-ijssel", "krimpen-aan-den-ijssel",
                           "lansingerland", "maassluis", "nissewaard", "ridderkerk", "rotterdam", "schiedam",
                           "vlaardingen", "voorne-aan-zee"],
    "midden-holland": ["bodegraven-reeuwijk", "gouda", "krimpenerwaard", "waddinxveen", "zuidplas"],
    "drechtsteden": ["alblasserdam", "dordrecht", "hendrik-ido-ambacht", "papendrecht", "sliedrecht", "zwijndrecht"],
    "alblasserwaard": ["gorinchem", "hardinxveld-giessendam", "molenlanden"],
    "regio-hoeksche-waard": ["hoeksche-waard"],
    "regio-goeree-overflakkee": ["goeree-overflakkee"],
}


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy(TAXONOMY)


def ids(terms: list[Term]) -> list[str]:
    return [t.id for t in terms]


# -- structure --------------------------------------------------------------------------------------
def test_fifty_municipalities_in_eight_regions_of_zuid_holland(tax):
    found = {r.id: ids(tax.children("region", r.id)) for r in tax.children("region", "zuid-holland")}
    assert found == ZUID_HOLLAND
    municipalities = [tax.get("region", m) for ms in found.values() for m in ms]
    assert len(municipalities) == 50
    assert {m.level for m in municipalities} == {"gemeente"}
    assert {tax.get("region", r).level for r in found} == {"regio"}
    assert tax.label("region", "regio-hoeksche-waard") == "Hoeksche Waard (regio)"


def test_provinces_and_roots(tax):
    assert ids(tax.children("region", None)) == ["nederland", "vlaanderen", "internationaal"]
    assert ids(tax.children("region", "nederland")) == [
        "zuid-holland", "noord-holland", "utrecht", "noord-brabant", "gelderland", "zeeland", "limburg",
        "overijssel", "flevoland", "drenthe", "friesland", "groningen"]
    assert {t.level for t in tax.children("region", "nederland")} == {"provincie"}
    assert tax.get("region", "nederland").level == "land"
    assert tax.get("region", "vlaanderen").level == "overig"
    assert tax.label("region", "friesland") == "Fryslân"


def test_facet_values_with_fixed_ids_and_labels(tax):
    assert ids(tax.terms("type")) == ["verslag", "voorbeeldproject", "artikel"]
    assert [(t.label, t.plural) for t in tax.terms("type")] == [
        ("Verslag", "Verslagen"), ("Voorbeeldproject", "Voorbeeldprojecten"),
        ("Artikelsamenvatting", "Artikelsamenvattingen")]
    assert ids(tax.terms("theme")) == [
        "onderwijs", "leerlijnen", "leerecosysteem", "sociaal-domein", "professionalisering", "samenwerking",
        "kennisdeling", "communicatie", "financiering", "beleid", "monitoring", "welzijn", "talentontwikkeling",
        "erfgoed", "inclusie", "binnen-buitenschools"]
    assert ids(tax.terms("discipline")) == ["muziek", "dans", "theater", "beeldende-kunst", "erfgoed", "media",
                                            "literatuur", "ontwerpen"]
    assert [(t.id, t.label) for t in tax.terms("audience")] == [
        ("po", "Primair onderwijs"), ("vo", "Voortgezet onderwijs"), ("mbo", "Mbo"), ("so", "Speciaal onderwijs"),
        ("buitenschools", "Buitenschools")]
    assert tax.label("theme", "inclusie") == "Kansengelijkheid en inclusie"
    assert tax.label("theme", "onbekend") == "onbekend"
    assert tax.get("theme", "erfgoed").parent is None and tax.get("theme", "erfgoed").level is None


def test_every_id_is_an_ascii_slug_and_regions_come_parents_first(tax):
    for facet in FACETS:
        for term in tax.terms(facet):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", term.id), term.id
    seen: set[str] = set()
    for term in tax.terms("region"):
        assert term.parent is None or term.parent in seen
        seen.add(term.id)


def test_ancestors_and_descendants(tax):
    assert tax.ancestors("vlaardingen") == ["rotterdam-rijnmond", "zuid-holland", "nederland"]
    assert tax.ancestors("zuid-holland") == ["nederland"]
    assert tax.ancestors("nederland") == [] and tax.ancestors("vlaanderen") == []
    assert tax.ancestors("atlantis") == []
    assert tax.descendants("drechtsteden") == ZUID_HOLLAND["drechtsteden"]
    below = tax.descendants("zuid-holland")
    assert len(below) == 58 and below[:2] == ["holland-rijnland", "alphen-aan-den-rijn"]
    assert tax.descendants("vlaardingen") == []


# -- resolving values -----------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("Krimpen a/d IJssel", "krimpen-aan-den-ijssel"),
    ("krimpen a.d. ijssel", "krimpen-aan-den-ijssel"),
    ("Krimpen aan de IJssel", "krimpen-aan-den-ijssel"),
    ("  KRIMPEN   AAN DEN IJSSEL ", "krimpen-aan-den-ijssel"),
    ("'s-Gravenhage", "den-haag"),
    ("s Gravenhage", "den-haag"),
    ("den-haag", "den-haag"),
    ("landelijk", "nederland"),
    ("Nationaal", "nederland"),
    ("Fryslân", "friesland"), ("Fryslan", "friesland"), ("Friesland", "friesland"),
    ("Hoeksche Waard", "hoeksche-waard"),  # the municipality; the region is "Hoeksche Waard (regio)"
    ("Hoeksche Waard (regio)", "regio-hoeksche-waard"),
    ("Spijkenisse", "nissewaard"), ("Westvoorne", "voorne-aan-zee"), ("Brielle", "voorne-aan-zee"),
    ("Oud-Beijerland", "hoeksche-waard"), ("Gorkum", "gorinchem"), ("Reeuwijk", "bodegraven-reeuwijk"),
    ("Voorburg", "leidschendam-voorburg"),
    ("CMK", None),
    ("Haagse", None),  # an adjective: a text suggestion, not a filter value
    ("Dordt", None),
    ("", None),
])
def test_resolve_regions(tax, value, expected):
    assert tax.resolve("region", value) == expected


def test_resolve_other_facets(tax):
    assert tax.resolve("theme", "DESKUNDIGHEIDSBEVORDERING") == "professionalisering"
    assert tax.resolve("theme", "Deskundigheidsbevordering en professionalisering") == "professionalisering"
    assert tax.resolve("theme", "impact") == "monitoring"
    assert tax.resolve("theme", "museum") is None  # a mention of erfgoed, no alias
    assert tax.resolve("audience", "basisonderwijs") == "po"
    assert tax.resolve("audience", "Primair onderwijs") == "po"
    assert tax.resolve("type", "Verslagen") == "verslag"
    assert tax.resolve("type", "artikelen") == "artikel"
    assert tax.resolve("type", "Artikelsamenvatting") == "artikel"
    assert tax.resolve("discipline", "beeldende kunst") == "beeldende-kunst"
    assert tax.resolve("discipline", "Media en film") == "media"
    assert tax.resolve("nonsense", "erfgoed") is None


def test_closest_valid_value(tax):
    assert tax.closest("region", "Vlaardinge") == "Vlaardingen"
    assert tax.closest("region", "Krimpen aan de Ijsel") == "Krimpen aan den IJssel"
    assert tax.closest("theme", "erfgoedd") == "Erfgoed"
    assert tax.closest("type", "verslagg") == "Verslag"
    assert tax.closest("theme", "qqqqqq") is None


# -- synonyms -------------------------------------------------------------------------------------
def test_synonym_groups_hold_the_synonyms_section_and_each_values_label_and_aliases(tax):
    groups = tax.synonym_groups()
    assert ("cmk", "cultuureducatie met kwaliteit") in groups
    assert any("'s-gravenhage" in g and "den haag" in g for g in groups)
    assert any({"po", "primair onderwijs", "basisonderwijs"} <= set(g) for g in groups)
    assert any({"icc'er", "icc-er", "interne cultuurcoördinator"} <= set(g) for g in groups)
    assert ("monitoring en evaluatie", "monitoring", "evaluatie", "impact", "effectmeting", "monitor") in groups
    assert any({"nissewaard", "spijkenisse"} <= set(g) for g in groups)
    assert all(p == p.lower() and len(g) >= 2 for g in groups for p in g)
    assert not any("museum" in g or "haagse" in g or "goudse" in g for g in groups)  # mentions are no synonyms


# -- finding values in text -----------------------------------------------------------------------
def test_find_in_text_finds_the_places_of_the_seed_report(tax):
    found = tax.find_in_text("region", SEED.read_text(encoding="utf-8"))
    assert found[:2] == ["vlaardingen", "krimpen-aan-den-ijssel"]
    assert "leiden" not in found


def test_find_in_text_counts_and_orders(tax):
    text = "In Gouda, de Goudse scholen en Rotterdam. Later weer Gouda en het Westlandse museum."
    assert tax.find_in_text("region", text) == ["gouda", "rotterdam", "westland"]


def test_find_in_text_whole_words_and_capitals_only_for_places(tax):
    assert tax.find_in_text("region", "Lissers en krimpenerwaardse Goudsbloemen") == []
    assert tax.find_in_text("region", "Dit kan leiden tot meer; hij delft het onderspit.") == []
    assert tax.find_in_text("region", "Scholen in Leiden en Delft") == ["leiden", "delft"]
    assert tax.find_in_text("region", "KRIMPEN A/D IJSSEL") == ["krimpen-aan-den-ijssel"]
    assert tax.find_in_text("region", "ZH") == []  # too short to trust in running text


def test_find_in_text_the_longest_name_wins_and_counts_once(tax):
    text = "Leidschendam-Voorburg, Capelle aan den IJssel en 's-Gravenhage; de Haagse en Dordtse scholen."
    assert tax.find_in_text("region", text) == ["den-haag", "leidschendam-voorburg", "capelle-aan-den-ijssel",
                                                "dordrecht"]
    assert tax.find_in_text("region", "Hoeksche Waard") == ["hoeksche-waard"]


def test_find_in_text_krimpen_alone_is_krimpen_aan_den_ijssel(tax):
    # As "Capelle" is Capelle aan den IJssel; the village Krimpen aan de Lek, named whole, stays Krimpenerwaard's.
    assert tax.find_in_text("region", "De Historische Kring Krimpen zoekt Krimpenaren") == ["krimpen-aan-den-ijssel"]
    assert tax.find_in_text("region", "Een school in Krimpen aan de Lek") == ["krimpenerwaard"]


def test_find_in_text_a_places_adjective_is_a_mention_of_it(tax):
    # Generated (Waddinxveense, Sliedrechtse) or listed (Bodegraafse) as place_forms are, as well as those the taxonomy
    # names as mentions (Goudse, Ambachtse): an import files a page about "Ambachtse jongeren" under Hendrik-Ido-Ambacht.
    text = "Waddinxveense scholen, Sliedrechtse kinderen en Ambachtse jongeren; de Bodegraafse kaas."
    assert tax.find_in_text("region", text) == ["waddinxveen", "sliedrecht", "hendrik-ido-ambacht",
                                                "bodegraven-reeuwijk"]
    assert tax.find_in_text("region", "Bollenstreekse tulpen") == []  # an area of several places: no one value


def test_find_in_text_for_themes_disciplines_and_audiences(tax):
    assert tax.find_in_text("theme", "Erfgoed en deskundigheidsbevordering") == ["erfgoed", "professionalisering"]
    assert tax.find_in_text("discipline", "Een bezoek aan het museum en een dansles") == ["erfgoed", "dans"]
    assert tax.find_in_text("audience", "Voor het po en de basisscholen, niet het vo") == ["po", "vo"]
    assert tax.find_in_text("theme", "") == []


# -- files ----------------------------------------------------------------------------------------
MINIMAL = """\
types: [{id: verslag, label: Verslag}]
themes: [{id: erfgoed, label: Erfgoed}]
disciplines: [{id: dans, label: Dans}]
audiences: [{id: po, label: Primair onderwijs}]
regions:
  - id: nederland
    label: Nederland
    children: [{id: zuid-holland, label: Zuid-Holland}]
"""


def test_a_minimal_file_loads_and_its_version_follows_the_content(tmp_path):
    path = tmp_path / "taxonomy.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    first = load_taxonomy(path)
    assert first.get("region", "zuid-holland").level == "provincie"  # from the depth
    assert first.synonym_groups() == []
    path.write_text(MINIMAL.replace("Dans", "Dansen"), encoding="utf-8")
    assert load_taxonomy(path).version != first.version
    assert load_taxonomy(TAXONOMY).version == load_taxonomy(TAXONOMY).version
    assert re.fullmatch(r"[0-9a-f]{12}", first.version)


@pytest.mark.parametrize("text, message", [
    ("types: [\n", "ongeldige YAML"),
    ("- een lijst\n", "verwacht de secties"),
    (MINIMAL.replace("types: [{id: verslag, label: Verslag}]", "types: []"), "sectie 'types' ontbreekt"),
    (MINIMAL + "themas: []\n", "onbekende sectie"),
    (MINIMAL.replace("label: Erfgoed", "lable: Erfgoed"), "id en een label"),
    (MINIMAL.replace("{id: dans, label: Dans}", "{id: dans, label: Dans, alias: [dansen]}"), "onbekende sleutel"),
    (MINIMAL.replace("id: erfgoed", "id: Erfgoed Educatie"), "geen slug"),
    (MINIMAL.replace("{id: dans, label: Dans}", "{id: dans, label: Dans}, {id: dans, label: Dansen}"),
     "twee keer"),
    (MINIMAL.replace("{id: dans, label: Dans}", "{id: dans, label: Dans}, {id: ballet, label: Ballet, aliases: [dans]}"),
     "hoort al bij 'dans'"),
    (MINIMAL.replace("label: Zuid-Holland}", "label: Zuid-Holland, level: stad}"), "onbekend level"),
    (MINIMAL.replace("{id: erfgoed, label: Erfgoed}", "{id: erfgoed, label: Erfgoed, aliases: museum}"),
     "lijst van namen"),
    (MINIMAL + "synonyms: [[alleen]]\n", "minstens twee"),
])
def test_a_bad_taxonomy_file_is_a_clear_error(tmp_path, text, message):
    bad = tmp_path / "taxonomy.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=message) as info:
        load_taxonomy(bad)
    assert str(bad) in str(info.value)


def test_a_yaml_or_encoding_error_in_the_taxonomy_says_where_in_dutch(tmp_path):
    bad = tmp_path / "taxonomy.yaml"
    bad.write_text("types:\n  - id: a\n   label: [x\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(bad)
    assert str(info.value) == f"{bad}: ongeldige YAML op regel 3, kolom 4"  # not the parser's English
    bad.write_bytes(b"types: \xff\n")
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(bad)
    assert str(info.value) == f"{bad}: geen UTF-8-tekst (ongeldige byte op positie 8)"
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(tmp_path)  # a folder
    assert str(info.value) == f"{tmp_path}: niet leesbaar (is een map, geen bestand)"


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(TaxonomyError, match="bestaat niet. Een corpusmap heeft een taxonomy.yaml nodig"):
        load_taxonomy(tmp_path / "missing.yaml")
    (tmp_path / "map.yaml").mkdir()
    with pytest.raises(TaxonomyError, match="niet leesbaar"):
        load_taxonomy(tmp_path / "map.yaml")


def test_the_cli_on_a_new_empty_corpus_folder_says_where_the_taxonomy_comes_from(tmp_path):
    from click.testing import CliRunner

    from kennisplatform.cli import main

    (tmp_path / "leeg").mkdir()
    result = CliRunner().invoke(main, ["--corpus", str(tmp_path / "leeg"), "--index", str(tmp_path / "index"), "index"])
    assert result.exit_code == 1
    assert "taxonomy.yaml nodig" in result.output and "kopieer die uit corpus/" in result.output
    assert "Traceback" not in result.output


def test_default_path_follows_the_corpus_environment_variable(monkeypatch, tmp_path):
    monkeypatch.delenv("KENNISPLATFORM_CORPUS", raising=False)
    assert default_taxonomy_path() == TAXONOMY
    monkeypatch.setenv("KENNISPLATFORM_CORPUS", str(tmp_path))
    assert default_taxonomy_path() == tmp_path.resolve() / "taxonomy.yaml"


def test_to_dict_for_the_api(tax):
    data = tax.to_dict()
    assert data["version"] == tax.version and set(data["facets"]) == set(FACETS)
    vlaardingen = next(t for t in data["facets"]["region"] if t["id"] == "vlaardingen")
    assert vlaardingen == {"id": "vlaardingen", "label": "Vlaardingen", "aliases": [], "parent": "rotterdam-rijnmond",
                           "level": "gemeente", "code": "GM0622", "mentions": ["Vlaardingse"]}


def test_municipalities_carry_their_cbs_code(tax):
    assert tax.get("region", "rotterdam").code == "GM0599"
    assert tax.by_code("GM0505").id == "dordrecht" and tax.by_code("GM9999") is None


@pytest.mark.parametrize("code, why", [("0599", "CBS-gemeentecode"), (599, "CBS-gemeentecode"),
                                       ("GM0599", "hoort al bij")])
def test_a_bad_or_repeated_code_is_refused_in_dutch(code, why):
    regions = [{"id": "rotterdam", "label": "Rotterdam", "code": "GM0599"},
               {"id": "schiedam", "label": "Schiedam", "code": code}]
    data = {"types": [{"id": "t", "label": "T"}], "themes": [{"id": "t", "label": "T"}],
            "disciplines": [{"id": "t", "label": "T"}], "audiences": [{"id": "t", "label": "T"}], "regions": regions}
    with pytest.raises(TaxonomyError, match=why):
        Taxonomy(data)
