"""Ranking behaviours of issue 11: question and filler words, long queries, places as units and filters."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kennisplatform.corpus import taxonomy_for
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.query import parse_query
from kennisplatform.search import SearchEngine

from conftest import TAXONOMY, build_app, hits, write_document

# (id, type, regions, body); every document has its own words, so that what finds it is known.
DOCS = [
    ("subsidie-antwoord", "verslag", ["Zuid-Holland"],
     "Subsidie voor cultuureducatie op scholen: zo vraagt een school de regeling aan."),
    ("veel-vulwoorden", "verslag", ["Leiden"],
     "Welke kinderen krijgen er iets mee tussen de middag? Welke ouders gaan mee? Cultuureducatie op scholen."),
    ("alleen-vulwoorden", "artikel", ["Gouda"],
     "Welke vragen krijg je mee tussen de lessen door, en waar ga je heen?"),
    ("dans-den-haag", "voorbeeldproject", ["Den Haag"], "Dansprojecten met leerlingen van de basisschool."),
    ("dans-rotterdam", "voorbeeldproject", ["Rotterdam"], "Dans, dans en nog eens dans voor leerlingen in de wijk."),
    ("capelse-tekst", "verslag", ["Zuid-Holland"], "De Capelse scholen werken samen aan muziekonderwijs."),
    ("capelle-gefiled", "voorbeeldproject", ["Capelle aan den IJssel"], "Muziekles in de wijk."),
    ("rivieren", "artikel", ["Gelderland"], "Een waterproject langs de IJssel en de Rijn over dijken."),
    ("museum-wijk", "voorbeeldproject", ["Delft"], "Het museum komt naar de wijk."),
    ("erfgoed-theater", "voorbeeldproject", ["Dordrecht"], "Erfgoed op het toneel: theater over de stad."),
    ("ouders-erfgoed", "verslag", ["Schiedam"], "Ouders vertellen over het erfgoed van hun buurt."),
    ("theater-ouders", "artikel", ["Nederland"], "Theater maken met ouders en grootouders."),
    ("zeldzaam", "artikel", ["Nederland"], "Een leesplan met een voorleeswedstrijd."),
    ("gewoon", "artikel", ["Nederland"], "Leerlingen en scholen in de wijk."),
    ("danslessen", "artikel", ["Nederland"], "Danslessen voor iedereen."),
    ("lessen-in-dans", "artikel", ["Nederland"], "Lessen in moderne dans."),
    ("eigen-spelling", "artikel", ["Nederland"], "Een leider uit Cappelle zingt."),  # its own misspelling
    ("games-maken", "artikel", ["Nederland"], "Studenten maken games voor de klas."),
    ("maakonderwijs", "artikel", ["Nederland"], "Maakonderwijs in de klas."),
    ("nepnieuws", "artikel", ["Nederland"], "Een les over nepnieuws."),
    ("leerkracht", "artikel", ["Nederland"], "Een leerkracht vertelt."),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("relevance")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    for number, (doc_id, doc_type, regions, body) in enumerate(DOCS):
        write_document(corpus, doc_id, doc_type, "2022-05-01", [], regions, {"summary": "Samenvatting."}, body,
                       title=f"Document {number}")  # neither says what the test looks for
    return corpus


@pytest.fixture(scope="module")
def engine(corpus: Path):
    index = corpus.parent / "index"
    taxonomy = taxonomy_for(corpus)
    update_index(corpus, index, taxonomy=taxonomy)
    engine = SearchEngine(index, taxonomy)
    yield engine
    engine.close()


# -- questions and long queries ------------------------------------------------------------------------
def test_a_questions_filler_words_do_not_decide_its_ranking(engine):
    # "veel-vulwoorden" shares six of the question's words, five of them filler (welke, krijg, mee,
    # tussen, gaan); the answer shares only the three that say what the question is about.
    found = hits(engine, "welke subsidie krijg je mee voor cultuureducatie tussen scholen")
    assert found[0] == "subsidie-antwoord"
    assert found.index("subsidie-antwoord") < found.index("veel-vulwoorden")
    # Filler words alone never put a document on the page.
    assert "alleen-vulwoorden" not in found


def test_a_query_of_nothing_but_filler_words_still_finds_them(engine):
    assert "alleen-vulwoorden" in hits(engine, "welke vragen krijg je mee")
    assert hits(engine, "tussen")  # a filler word alone is searched like any word


def test_a_long_query_fills_the_page_with_partial_matches(engine):
    # No document has all five words; the page still fills, best evidence first, and nothing without
    # any of the words is listed.
    result = engine.search(SearchParams(q="museum erfgoed theater ouders wijk", per_page=5))
    assert len(result.hits) == 5
    assert result.total == 8  # every document with at least one of the words
    found = [h.id for h in result.hits]
    assert set(found[:3]) <= {"erfgoed-theater", "ouders-erfgoed", "theater-ouders", "museum-wijk"}
    assert "subsidie-antwoord" not in found


def test_a_long_query_weighs_its_words_by_their_evidence(engine):
    # "zeldzaam" has the two rare words, "gewoon" the three common ones (each in four or more documents):
    # tiers by the number of words would put "gewoon" first.
    found = hits(engine, "leesplan voorleeswedstrijd leerlingen scholen wijk")
    assert found[0] == "zeldzaam"
    assert "gewoon" in found


def test_a_compound_query_word_also_meets_its_parts_written_apart_below_the_compound(engine):
    found = hits(engine, "danslessen")
    assert found[:2] == ["danslessen", "lessen-in-dans"]
    # One part is not enough to count as the word: a page with only "dans" merely fills the page after them.
    assert "dans-rotterdam" not in found[:2]


def test_a_computer_game_is_a_game(engine):
    # Pages of the field write "game" where a teacher types "computerspel": a synonym group of the taxonomy, so
    # unlike a related word of the field it also counts in a long query.
    assert hits(engine, "computerspellen") == ["games-maken"]
    assert hits(engine, "wat leren studenten van een computerspel maken in de klas")[0] == "games-maken"


@pytest.mark.parametrize("query, page", [("makersonderwijs", "maakonderwijs"), ("fake news", "nepnieuws"),
                                         ("leraren", "leerkracht")])
def test_the_fields_other_names_for_a_thing_find_it(engine, query, page):
    assert hits(engine, query) == [page]


# -- places ------------------------------------------------------------------------------------------------
def test_place_forms_are_generated_adjectives_and_the_listed_irregular_names():
    forms = taxonomy_for(Path(TAXONOMY).parent).place_forms
    assert forms["Rotterdamse"] == ("rotterdam",) and forms["Leidse"] == ("leiden",)  # + se, -en + se
    assert forms["Goudse"] == ("gouda",) and forms["Zuid-Hollandse"] == ("zuid-holland",)
    assert forms["Maassluise"] == ("maassluis",) and forms["Waddinxveense"] == ("waddinxveen",)  # -een + se
    assert "Waddinxvese" not in forms
    assert forms["Bodegraafse"] == ("bodegraven-reeuwijk",) and forms["Voorburgse"] == ("leidschendam-voorburg",)
    assert "Ambachtse" not in forms  # only a text's mention (taxonomy.yaml): typed, it is "ambachten" (crafts)
    assert forms["Haagse"] == ("den-haag",) and forms["Dordtse"] == ("dordrecht",)  # listed, irregular
    assert set(forms["Duin- en Bollenstreek"]) == {"hillegom", "lisse", "noordwijk", "teylingen", "katwijk"}
    assert "Nederlandse" not in forms  # a country is no place to filter by


def test_a_places_adjective_finds_the_documents_filed_under_the_place(engine):
    # "dans-den-haag" never says "Haag" or "Haagse": it is filed under Den Haag.
    assert hits(engine, "Haagse dans")[0] == "dans-den-haag"
    # "capelle-gefiled" never says "Capelse" (nor Capelle): it is filed under Capelle aan den IJssel.
    assert set(hits(engine, "Capelse")) == {"capelle-gefiled", "capelse-tekst"}


def test_a_place_name_finds_a_text_that_uses_only_its_adjective(engine):
    assert "capelse-tekst" in hits(engine, "Capelle aan den IJssel")


def test_a_multi_word_place_name_is_one_unit(engine):
    parsed = parse_query("muziek Capelle aan den IJssel", engine.synonyms)
    assert [g.text for g in parsed.groups] == ["muziek", "Capelle aan den IJssel"]
    for q in ("Capelle aan den IJssel", "Krimpen aan den IJssel muziek"):
        assert "rivieren" not in hits(engine, q), q  # "IJssel" is a river there, no place
    # Never "corrected" or split while the place finds something; relaxed, the name stays whole.
    assert engine.search(SearchParams(q="Capelle aan den IJssel")).relaxation is None
    assert engine.search(SearchParams(q="Krimpen aan den IJssel muziek")).relaxation.used == \
        "Krimpen aan den IJssel OR muziek"


def test_a_place_name_that_finds_nothing_as_a_unit_falls_back_to_its_words_and_says_so(engine):
    # No document is filed under Alphen aan den Rijn or names it; "rivieren" has "Rijn".
    for q in ("Alphen aan den Rijn", "Alphen aan den Rijn?"):
        result = engine.search(SearchParams(q=q))
        # Not spelling-corrected word by word ("Alphen" is in no text of this corpus).
        assert result.relaxation.message.startswith("Geen resultaten voor ‘Alphen aan den Rijn’ als plaats"), q
    assert [h.id for h in engine.search(SearchParams(q="Alphen aan den Rijn")).hits] == ["rivieren"]


def test_the_place_a_query_names_is_offered_as_a_filter(engine):
    result = engine.search(SearchParams(q="Haagse dans"))
    assert (result.place_filter.value, result.place_filter.label) == ("den-haag", "Den Haag")
    assert result.place_filter.total == 1 < result.total
    assert result.to_dict()["place_filter"] == {"value": "den-haag", "label": "Den Haag", "total": 1}
    # Not offered once chosen, nor for a query without a place.
    assert engine.search(SearchParams(q="Haagse dans", region=("den-haag",))).place_filter is None
    assert engine.search(SearchParams(q="dans")).place_filter is None


def test_the_place_offer_is_on_the_html_page_and_in_the_json(corpus: Path):
    client = build_app(corpus, corpus.parent / "index").test_client()
    html = client.get("/zoeken?q=Haagse+dans").get_data(as_text=True)
    assert "Alleen Den Haag?</a>" in html
    assert 'href="/zoeken?q=Haagse+dans&amp;region=den-haag"' in html
    data = client.get("/zoeken.json?q=Haagse+dans").get_json()
    assert data["place_filter"] == {"value": "den-haag", "label": "Den Haag", "total": 1}


def test_a_misspelled_place_is_corrected_and_offered_as_a_filter(engine):
    result = engine.search(SearchParams(q="Rotterdm dans"))
    assert result.relaxation.kind == "corrected" and result.relaxation.used == "Rotterdam dans"
    assert result.hits[0].id == "dans-rotterdam"
    assert (result.place_filter.value, result.place_filter.label) == ("rotterdam", "Rotterdam")
    # A misspelled place of several words is corrected as a whole, and then is one unit.
    result = engine.search(SearchParams(q="Capelle aan den IJsel"))
    assert result.relaxation.used == "Capelle aan den IJssel"
    assert "capelle-gefiled" in [h.id for h in result.hits] and "rivieren" not in [h.id for h in result.hits]


def test_a_word_one_page_misspells_is_still_a_misspelled_place(engine):
    # "Cappelle" is in one document (its own typo) and no word list; Capelle's documents are more.
    result = engine.search(SearchParams(q="Cappelle aan den IJssel muziekles"))
    assert result.relaxation.kind == "corrected"
    assert result.relaxation.used == "Capelle aan den IJssel muziekles"
    assert result.hits[0].id == "capelle-gefiled"
    # A word of the vocabulary in one document is spelled right, also one letter from a place (Leiden).
    assert engine.search(SearchParams(q="leider")).relaxation is None


def test_a_place_name_as_listed_is_not_corrected(engine):
    for q in ("Capelse", "Haagse dans", "Capelle aan den IJssel"):
        assert engine.search(SearchParams(q=q)).relaxation is None, q
