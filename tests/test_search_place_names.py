"""Place names whose stem is a common word's (data/place_apart.tsv): Leiden the city is not leiden the verb
("het leidde tot"), Goudse is not gouden ("de Gouden Eeuw"). A search for a topic in such a place finds the
pages about the place, not pages where the common word happens to stand beside the topic."""
from __future__ import annotations

from kennisplatform import analysis
from kennisplatform.query import parse_query

from conftest import articles_engine, hits

DOCS = [
    ("leiden", "Dansles op school", [], "In Leiden krijgen kinderen dansles van een dansschool."),
    ("leidse", "Een Leidse school", [], "Een Leidse basisschool kiest voor dans."),
    ("leidde", "Dans in de klas", [],
     "Het project leidde tot meer dans. Dans en nog eens dans: het leidt tot plezier en leidden tot dans."),
    ("gouda", "Erfgoed in Gouda", [], "Erfgoededucatie in de stad: de Goudse kaasmarkt en het stadhuis."),
    ("gouden-eeuw", "Erfgoed van de Gouden Eeuw", [],
     "Erfgoed en nog eens erfgoed: de Gouden Eeuw, gouden schepen en goud in het museum."),
    ("hoeksche-waard", "Muziek op school", ["Hoeksche Waard"], "Muziekles voor alle groepen."),
    ("hoek", "Op de hoek", [], "Op de hoek staat een school die een bezoek waard is."),
    ("hoek-plein", "Een hoek van het plein", [], "Die hoek is een wandeling waard."),
    ("voorne", "Voorlezen op school", ["Voorne aan Zee"], "De bibliotheek leest voor in de klas."),
    ("bibliotheek", "De bibliotheek op school", [], "Een bibliotheek in de school, aan zee."),
    ("bodegraven", "Zingen in de klas", ["Bodegraven-Reeuwijk"], "In Waarder zingen de kinderen elke week."),
    ("waardering", "Waardering voor de leerkracht", [],
     "Leerkrachten krijgen waardering voor hun muziekles; ouders waarderen het zingen."),
    ("tinten", "Tinten van blauw", [], "Kinderen schilderen in alle tinten van blauw."),
]

engine = articles_engine(DOCS)


def test_the_place_is_not_the_common_word():
    assert "leiden" in analysis.analyze("Dansen in Leiden en een Leidse school")
    assert "leiden" not in analysis.analyze("Het leidde tot dans; dat zal leiden tot meer.")
    assert analysis.analyze_query("leiden") == analysis.analyze_query("Leidse") == ["leiden"]
    assert analysis.analyze_query("goudse") == analysis.analyze_query("Gouda") == ["gouda"]
    assert "gouda" not in analysis.analyze("de Gouden Eeuw")


def test_a_topic_in_the_place_finds_the_place_not_the_verb(engine):
    assert set(hits(engine, "dans leiden")[:2]) == {"leiden", "leidse"}
    assert "leidde" not in hits(engine, "leiden")


def test_a_topic_in_the_place_finds_the_place_not_the_gold(engine):
    assert hits(engine, "erfgoed goudse")[0] == "gouda"
    assert "gouden-eeuw" not in hits(engine, "gouda")
    assert "gouden-eeuw" not in hits(engine, "goudse")


def test_a_misspelled_place_of_common_words_is_corrected_as_a_whole(engine):
    # hoek and waard are both words of the texts, but no text has them together: "Hoekse Waard" is a place
    # typed wrong, not two words to look for apart.
    from kennisplatform.params import SearchParams

    result = engine.search(SearchParams(q="Hoekse Waard"))
    assert result.relaxation.kind == "corrected" and result.relaxation.shown == "Hoeksche Waard"
    assert [h.id for h in result.hits] == ["hoeksche-waard"]


def test_a_place_name_with_a_space_in_another_place_is_the_place(engine):
    # "voorne aanzee" for Voorne aan Zee (tune10's derived typo, session 19): the letters of the name with a space
    # left out, not the words voorne and aanzee, which no text has.
    from kennisplatform.params import SearchParams

    for typed in ("voorne aanzee bibliotheek", "voorneaan zee bibliotheek"):
        result = engine.search(SearchParams(q=typed))
        assert result.relaxation is not None and result.relaxation.kind == "corrected", typed
        assert result.relaxation.shown == "Voorne aan Zee bibliotheek", typed
        assert hits(engine, typed)[0] == "voorne", typed


# Common words whose Snowball stem is a village's name, or the stem of a place's other form (data/place_apart.tsv,
# data/stem_apart.tsv): in a query they are the words, not the place.
COMMON_WORDS_NOT_PLACES = ("waardering", "waarderen", "tinten", "hekel", "wijngaard", "vlammen", "voorschot",
                           "heijden", "liemers")
PLACE_FORMS = {"Waarder": "bodegraven-reeuwijk", "Tinte": "voorne-aan-zee", "Hekelingen": "nissewaard",
               "Wijngaarden": "molenlanden", "Ter Heijde": "westland", "Liemeer": "nieuwkoop",
               "Rhoonse": "albrandswaard", "Voorschotse": "voorschoten", "Vlaamse": "vlaanderen"}


def _regions_of(engine, text: str) -> set[str]:
    parsed = parse_query(text, engine.synonyms)
    return {clause.terms[1] for group in parsed.groups for clause in group.alternatives
            if clause.kind == "facet" and clause.terms[0] == "region"}


def test_a_common_word_is_no_place(engine):
    for word in COMMON_WORDS_NOT_PLACES:
        assert not _regions_of(engine, word), word


def test_the_places_those_words_were_taken_for_are_still_found(engine):
    for name, region in PLACE_FORMS.items():
        assert region in _regions_of(engine, name), name
        assert region in _regions_of(engine, name.lower()), name


def test_appreciation_finds_the_page_about_it_not_the_village(engine):
    assert hits(engine, "waardering") == ["waardering"]
    assert hits(engine, "waarder") == ["bodegraven"]
    assert hits(engine, "tinten") == ["tinten"]
