"""An umbrella word of the field also finds the pages that use only its narrower words: "levensbeschouwing" the page
about a synagoge, "maritiem" the page about scheepvaart (data/related_words.tsv, query.Clause kind "related",
search.RELATED_WEIGHT). The page with the word typed still ranks first, and the relation goes one way. An umbrella
phrase ("immaterieel erfgoed") is one unit of the query with related words of its own (session 25)."""
from __future__ import annotations

import re

import pytest

from conftest import articles_engine, hits

from kennisplatform import analysis
from kennisplatform.params import SearchParams
from kennisplatform.query import MAX_RELATED_GROUPS, RELATED_BELOW, RELATED_QUESTION_BELOW, parse_query

DOCS = [
    ("synagogue", "Klas 6 bezoekt de synagoge",
     "De leerlingen kregen een rondleiding in de synagoge en hoorden over de joodse feestdagen."),
    ("mosque", "Open dag in de moskee", "Een groep 7 bezocht de moskee in de wijk en sprak met de imam."),
    ("worldview", "Levensbeschouwing in de klas",
     "Levensbeschouwing is een vak waarin kinderen over geloof en zingeving praten."),
    ("ships", "Kinderen verdiepen zich in scheepvaart",
     "Op de werf leren kinderen hoe schepen gebouwd worden en hoe de scheepvaart de stad groot maakte."),
    ("costume", "Klederdracht op school", "Op de laatste schooldag kwamen de kinderen in de klederdracht van hun "
                                          "overgrootouders."),
    ("heritage", "Erfgoed in de wijk", "Het erfgoed van de wijk: oude gebouwen en een museum, materieel en groot."),
    ("polder", "Een les over de polder", "De kinderen leren hoe de polder droog blijft en wie hem bestuurt."),
    ("dike", "Wandelen met de klas", "De klas liep een middag over de dijken langs de rivier."),
    ("outing", "Schoolreis", "Met de bus over de dijk naar het pretpark."),
] + [(f"news-{i}", f"Nieuws {i}", "De school organiseert een open dag voor ouders. Het schoolplein is vernieuwd.")
     for i in range(6)]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS], name="engine")


def test_every_line_of_the_related_words_names_one_query_word_or_phrase():
    lines = [line.split("#", 1)[0].strip() for line in
             (analysis.DATA / "related_words.tsv").read_text(encoding="utf-8").splitlines()]
    keys = []
    for line in filter(None, lines):
        word, tab, related = line.partition("\t")
        assert tab and related.strip(), line
        terms = analysis.analyze_query(word)
        # A phrase is grouped from at most four typed words (query._apply_synonyms), stop words among them.
        assert terms and len(word.split()) <= 4, word
        assert analysis.related_words(" ".join(terms)), word
        keys.append(" ".join(terms))
    assert len(keys) == len(set(keys))  # a second line for a word would silently replace the first
    assert ("immateriel", "erfgoed") in analysis.related_phrases()


def test_a_query_word_gets_its_related_words_as_a_lower_kind_of_match():
    group = parse_query("levensbeschouwing").groups[0]
    related = [c.terms for c in group.alternatives if c.kind == "related"]
    assert (analysis.stem("synagoge"),) in related and (analysis.stem("moskee"),) in related
    assert all(c.synonym for c in group.alternatives if c.kind == "related")
    # One way: a narrower word does not widen to the umbrella word or to its siblings.
    assert not [c for c in parse_query("synagoge").groups[0].alternatives if c.kind == "related"]


def test_an_umbrella_word_finds_the_pages_that_use_only_its_narrower_words(engine):
    found = hits(engine, "levensbeschouwing")
    assert found[0] == "worldview"  # the page with the word typed first
    assert {"synagogue", "mosque"} <= set(found[1:])
    assert "ships" not in found and not any(doc.startswith("news") for doc in found)


def test_a_two_word_query_counts_the_related_word_for_its_word(engine):
    # No page says "maritiem": the page about scheepvaart has both words only through the related word.
    assert hits(engine, "maritiem")[0] == "ships"
    assert hits(engine, "maritiem werf")[0] == "ships"


def test_the_page_says_which_related_words_found_more(engine):
    result = engine.search(SearchParams(q="levensbeschouwing"))
    assert result.complete == 1  # the page with the word itself; the others have a related word only
    assert set(result.related) == {"synagoge", "moskee"}
    assert result.complete_note == ("1 resultaat met het hele woord; de andere hebben een deel ervan of een verwant "
                                    "woord: moskee, synagoge.")
    assert engine.search(SearchParams(q="maritiem")).complete_note == \
        "Geen resultaten met het hele woord; wel met een deel ervan of een verwant woord: scheepvaart, schip, werf."
    assert result.to_dict()["related"] == result.related
    assert engine.search(SearchParams(q="synagoge")).related == []


COMMON_DOCS = DOCS + [(f"religion-{i}", f"Religie in groep {i}", "Over religie en geloof in de klas.")
                      for i in range(RELATED_BELOW)]
common_engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in COMMON_DOCS],
                                name="common_engine")


def test_a_word_that_many_pages_have_gets_no_related_words(common_engine):
    # Its own pages fill the page; a related word would only add noise beside them.
    found = hits(common_engine, "religie", per_page=50)
    assert "mosque" not in found and "synagogue" not in found
    assert len(found) == RELATED_BELOW


def _has_related(text: str, documents: int) -> bool:
    """Whether the query's words meet related words where each word (and phrase) is in `documents` documents."""
    return any(c.kind == "related" for g in parse_query(text, documents=lambda key: documents).groups
               for c in g.alternatives)


def test_a_longer_query_keeps_to_its_own_words_unless_the_collection_hardly_has_one():
    # Three content words say what is meant; related words there lowered as many queries as they raised.
    assert _has_related("levensbeschouwing bovenbouw", RELATED_BELOW - 1)
    assert not _has_related("levensbeschouwing bovenbouw", RELATED_BELOW)
    assert not _has_related("levensbeschouwing lessen bovenbouw", RELATED_BELOW - 1)
    # Session 45: a word that no document has meets them in any query: they are all the evidence of it there.
    assert _has_related("levensbeschouwing lessen bovenbouw", 0)
    # In a question, also a word that few documents have ("streektaal" for a page about Frisian).
    question = "welke lessen over levensbeschouwing passen in de bovenbouw"
    assert len(parse_query(question).content_groups) > MAX_RELATED_GROUPS
    assert _has_related(question, RELATED_QUESTION_BELOW - 1)
    assert not _has_related(question, RELATED_QUESTION_BELOW)
    assert not _has_related(question.replace("welke", "de"), RELATED_QUESTION_BELOW - 1)


def test_beside_a_relaxation_the_related_words_have_a_note_of_their_own():
    from kennisplatform.results import SearchResult

    one = SearchResult(params=SearchParams(q="jodendom"), total=3, hits=[], facets={}, related=["synagoge"])
    assert one.complete_note is None and one.related_note == "Ook gevonden met het verwante woord: synagoge."
    two = SearchResult(params=SearchParams(q="jodendom"), total=3, hits=[], facets={}, related=["synagoge", "sjoel"])
    assert two.related_note == "Ook gevonden met verwante woorden: synagoge, sjoel."
    two.complete = 1  # then the note on how the results match names them, once
    assert two.related_note is None and two.complete_note.endswith("of een verwant woord: synagoge, sjoel.")


# Pages about nothing the tests below ask for, so that their words are rare enough to weigh.
NEWS = [(f"news-{i}", f"Nieuws {i}", [], "De school organiseert een open dag voor ouders.") for i in range(6)]

PLACE_DOCS = [
    ("ridderkerk", "Ridderkerkse leerkrachten durven te bewegen", ["ridderkerk"],
     "In Ridderkerk dansten vierentwintig leerkrachten in de gymzaal van een basisschool in Ridderkerk."),
    ("church", "Een kerk vol kinderen", [], "Groep 6 bezocht de oude kerk en de moskee in de wijk."),
] + NEWS
place_engine = articles_engine(PLACE_DOCS, name="place_engine")


def test_a_related_word_inside_a_place_name_is_the_place_not_the_subject(place_engine):
    # The index splits "Ridderkerk" into ridder + kerk; a page filed under Ridderkerk is not about a church for it.
    assert hits(place_engine, "levensbeschouwing") == ["church"]
    assert "ridderkerk" in hits(place_engine, "kerk")  # the word itself still finds what it finds


def test_an_umbrella_phrase_is_one_unit_with_its_own_related_words(engine):
    parsed = parse_query("immaterieel erfgoed", engine.synonyms)
    assert len(parsed.groups) == 1
    related = [c.terms for c in parsed.groups[0].alternatives if c.kind == "related"]
    assert (analysis.stem("klederdracht"),) in related
    # The page about the costume, which says neither word, is found before the page that has one of them.
    found = hits(engine, "immaterieel erfgoed")
    assert found.index("costume") < found.index("heritage")


def test_a_related_word_that_the_query_has_itself_is_not_the_other_words_evidence(engine):
    # "dijk" is a related word of "polder"; typed beside it, it is its own word, and a page with only "dijken" does
    # not match "polders" as well (before, it had both words and came first).
    polders = parse_query("polders en dijken").groups[0]
    assert (analysis.stem("dijk"),) not in [c.terms for c in polders.alternatives if c.kind == "related"]
    assert (analysis.stem("dijk"),) in [c.terms for c in parse_query("polders").groups[0].alternatives]
    assert hits(engine, "polders en dijken")[0] == "polder"


UMBRELLA_DOCS = [
    ("fortress", "Groep 7 in de vesting", [],
     "De leerlingen liepen over de wallen van de vesting en hoorden hoe de waterlinie het land verdedigde."),
    ("tiles", "Onthulling van de tegelwand", [],
     "Kinderen van drie basisscholen ontwierpen de tegels voor een tegelwand bij het stadhuis."),
    ("heritage-day", "Erfgoed op school", [], "Een dag over het erfgoed van het dorp: de molen en de boerderij."),
    ("frisian", "Groep 5 zingt in het Fries", [], "In de lessen van een basisschool in het dorp leerden de "
                                                  "kinderen liedjes in het Fries."),
    ("lessons", "Nieuwe lessen", [], "Op de website staan nieuwe lessen voor de basisschool."),
    ("westerbork", "Groep 8 in Westerbork", [], "De klas hoorde over de jodenvervolging en de deportatie van een "
                                                "joodse familie uit het dorp."),
    ("club", "De jeugd van de toneelvereniging", [], "Achttien jonge spelers van de toneelvereniging spelen hun "
                                                     "eigen voorstelling."),
    ("exhibition", "Kinderexpositie in de bibliotheek", [], "De kinderen van groep 6 exposeren hun tekeningen."),
] + NEWS
umbrella_engine = articles_engine(UMBRELLA_DOCS, name="umbrella_engine")


def test_an_umbrella_phrase_finds_the_page_that_names_its_subject_otherwise(umbrella_engine):
    # Session 45: a page about a fortress says neither "militair" nor, here, "erfgoed"; "kunst in de openbare
    # ruimte" is a tile wall by the town hall. Before, "militair erfgoed" listed the page about heritage only.
    assert hits(umbrella_engine, "militair erfgoed")[0] == "fortress"
    assert hits(umbrella_engine, "kunst in de openbare ruimte")[0] == "tiles"


def test_a_question_finds_the_page_that_names_its_rare_umbrella_word_otherwise(umbrella_engine):
    # Session 45: no page says "streektaal"; the page on lessons in Frisian answers the question, the page about
    # lessons for the basisschool has the other words. Before, a question's words met no related words.
    result = umbrella_engine.search(SearchParams(q="waar vind je lessen over streektaal voor de basisschool"))
    assert result.hits[0].id == "frisian"
    assert result.related == ["fries"]  # and the page says so
    assert result.complete_note.endswith("wel met een deel ervan of een verwant woord: fries.")


def test_umbrella_words_of_session_48_find_the_pages_that_name_them_otherwise(umbrella_engine):
    # The tuning pages said "jodenvervolging" and "Westerbork" for "holocaust", a "toneelvereniging" for
    # "amateurtoneel"; no page had the word typed.
    assert hits(umbrella_engine, "holocaust")[0] == "westerbork"
    assert hits(umbrella_engine, "amateurtoneel")[0] == "club"


PUBLIC_SPACE_DOCS = [
    ("public", "Kinderen beschilderen een loods", [], "Groep 8 beschilderde een loods in de publieke ruimte van de wijk."),
    ("room", "Een ruimte voor kunst", [], "De school heeft een nieuwe ruimte; in die ruimte tekenen de kinderen."),
] + NEWS
public_space_engine = articles_engine(PUBLIC_SPACE_DOCS, name="public_space_engine")


def test_openbare_ruimte_is_publieke_ruimte(public_space_engine):
    # Session 49: a tuning page said "publieke ruimte" for the query's "openbare ruimte" (corpus/taxonomy.yaml
    # synonyms); before, the page with "ruimte" twice and in its title came first.
    assert hits(public_space_engine, "openbare ruimte")[0] == "public"


RHYME_DOCS = [
    ("poems", "Kinderen schrijven", [], "De leerlingen van groep 4 schreven gedichten over de lente."),
    ("songs", "Kinderen zingen", [], "De leerlingen van groep 4 zongen liedjes over de lente."),
] + NEWS
rhyme_engine = articles_engine(RHYME_DOCS, name="rhyme_engine")


def test_versjes_are_poems(rhyme_engine):
    # Session 50: a page about children's verses may say "gedichten" only (data/related_words.tsv): fresh45's
    # "versjes" was 0.352 alone and 0.000 beside the bundled corpus before, 1.000 and 0.644 after.
    assert hits(rhyme_engine, "versjes") == ["poems"]


CLAY_DOCS = [
    ("clay", "Werken met klei", [], "De kinderen maken dieren van klei in het atelier."),
    ("better", "Beter worden", [], "De school wil haar lessen beteren; de leerkrachten beteren zich elk jaar."),
] + NEWS
clay_engine = articles_engine(CLAY_DOCS, name="clay_engine")


def test_a_word_with_related_words_is_not_corrected_to_another(clay_engine):
    # Session 50, seen in the browser on the bundled corpus: "boetseren", which no page has and the speller's word
    # list lacks, was corrected to "beteren"; a word with related words of the field is spelled right, and its
    # related words (klei) find the page.
    result = clay_engine.search(SearchParams(q="boetseren"))
    assert [hit.id for hit in result.hits] == ["clay"]
    assert result.relaxation is None


NEAR_DOCS = [
    ("infants", "Bewegen op muziek", [],
     "De leerlingen van groep 1 en 2 dansen elke week op muziek. Groep 3 kijkt toe."),
    ("dance", "Dans in de klas", [], "Groep 7 krijgt dans; de dans gaat over de zee en de dans is vrolijk."),
    ("report", "Verslag van de studiedag", [],
     "In groep 5 en 6 werd gedanst. De leerkrachten bespraken het plan aan tafel 1 en daarna in de aula. "
     "Voor de pauze kwamen er nog 2 vragen over de begroting."),
    ("street", "De straat van de school", [],
     "De kinderen leerden wat er vroeger in hun straat gebeurde: geschiedenis die heel lokaal is."),
    ("classroom", "Een nieuw lokaal", [],
     "Het nieuwe lokaal van de school is klaar en de kinderen hebben het zelf ingericht met planten en kasten. "
     "Na de zomer krijgen de leerlingen er ook les in geschiedenis."),
    ("digging", "Graaf naar het verleden", [],
     "In het archeologisch museum zoeken de kinderen met een schep naar scherven in een kist vol zand."),
    ("remembrance", "De getuigen verdwijnen", [],
     "Groep 7 en 8 hoort van de meester wat de Tweede Wereldoorlog voor het dorp betekende, en legt bloemen bij het "
     "monument op de dijk."),
    ("workshop", "Een werkplaats in de wijk", [],
     "Kinderen leren er ambachten: met hamer en vijl maken ze een ring, en de juf geeft handvaardigheid."),
    ("nightlife", "Een feest in de schouwburg", [],
     "Tweehonderd jongeren proefden van het uitgaansleven: een dj, een fotograaf en een dansvloer."),
    ("reading", "Een nieuwe schoolbibliotheek", [],
     "Wie veel leest, krijgt een betere leesvaardigheid: daarom opent het kindcentrum een eigen bibliotheek."),
    ("confidence", "Muziekles met de vakdocent", [],
     "Veel leraren voelen zich handelingsonbekwaam in muziek en dans; de muziekschool helpt met workshops."),
    ("wednesday", "Op woensdag na school", [],
     "Na school kunnen de kinderen zich aanmelden voor koken, yoga, karate en kleuren in het cultuurprogramma."),
] + NEWS
near_engine = articles_engine(NEAR_DOCS, name="near_engine")


def test_a_related_word_of_several_words_needs_them_near_one_another(near_engine):
    # Session 51: a related word of several words matched its words anywhere in a page (in Chromium, a report with
    # "groep 5 en 6", "Tafel 1" and a "2" elsewhere passed for a page about kleuters). Now they stand within
    # search.RELATED_WINDOW positions of one another, in any order: "geschiedenis die heel lokaal is" is "lokale
    # geschiedenis" (for heemkunde); a new "lokaal" and a lesson in "geschiedenis" sentences apart are not.
    assert hits(near_engine, "heemkunde") == ["street"]
    assert hits(near_engine, "kleuters") == ["infants"]


def test_kleuters_are_groep_1_en_2(near_engine):
    # Session 51: the kleuters of a Dutch primary school are its groep 1 en 2 (data/related_words.tsv); a page may
    # name the class and never the word. Before, the page about dance in groep 7 came first for "kleuters dans".
    assert hits(near_engine, "kleuters dans")[0] == "infants"


def test_an_opgraving_is_archeology(near_engine):
    # Session 51: fresh39's museum where children dig for sherds in a chest of sand says "archeologisch museum" and
    # never "opgraving" (data/related_words.tsv); it was 0.355 beside the bundled corpus for a question about one.
    assert hits(near_engine, "opgraving") == ["digging"]


def test_herinneringseducatie_is_about_the_war(near_engine):
    # Session 52: fresh40's pages for "herinneringseducatie" (remembrance education) tell pupils about the Tweede
    # Wereldoorlog, a bombing's graves and a resistance museum, and never say the word (data/related_words.tsv).
    assert hits(near_engine, "herinneringseducatie") == ["remembrance"]


def test_maakonderwijs_is_crafts_and_technology(near_engine):
    # Session 53: fresh47's page for "maakonderwijs" (maker education) is a workshop where children learn crafts
    # (ambachten, handvaardigheid) and never says the word; no document had it or its synonyms, and the search
    # found nothing at all (data/related_words.tsv).
    assert hits(near_engine, "maakonderwijs") == ["workshop"]


def test_tieners_are_jongeren_and_their_free_time_is_going_out(near_engine):
    # Session 53: fresh47's page for "vrijetijdsbesteding tieners" is about jongeren who taste the uitgaansleven.
    assert hits(near_engine, "vrijetijdsbesteding tieners")[0] == "nightlife"


def test_a_related_word_of_several_words_is_marked_where_it_stands(near_engine):
    # Seen in Chromium (session 51): "kleuters dans" marked every "groep" of a dance course's page (groep 3-4, 5-6,
    # 7-8), not only its "groep 1-2". A related word of several words is marked as a phrase is.
    snippet = near_engine.search(SearchParams(q="kleuters")).hits[0].snippet
    assert re.findall(r"<mark>(.*?)</mark>", snippet) == ["groep", "1", "2"]


def test_a_related_word_of_several_words_is_marked_where_its_words_stand_near(near_engine):
    # Found in session 52's review: "heemkunde" found the page with "geschiedenis die heel lokaal is" ("lokale
    # geschiedenis", its words near one another) and its snippet marked nothing.
    snippet = near_engine.search(SearchParams(q="heemkunde")).hits[0].snippet
    assert re.findall(r"<mark>(.*?)</mark>", snippet) == ["geschiedenis", "lokaal"]


def test_an_exhibition_is_a_tentoonstelling_and_an_expositie(umbrella_engine):
    # Equivalents of the taxonomy (corpus/taxonomy.yaml synonyms), and as a compound's head (analysis._SAME_HEADS).
    assert hits(umbrella_engine, "tentoonstelling")[0] == "exhibition"
    assert hits(umbrella_engine, "kindertentoonstelling")[0] == "exhibition"


@pytest.mark.parametrize("umbrella, page", [("geletterdheid", "reading"), ("handelingsverlegenheid", "confidence"),
                                            ("verlengde schooldag", "wednesday")])
def test_umbrella_words_of_session_61_find_the_pages_that_name_them_otherwise(near_engine, umbrella, page):
    # Session 61: fresh55's pages for "geletterdheid" (literacy: a school library for "leesvaardigheid"),
    # "handelingsverlegenheid" (teachers unsure of teaching an art: "handelingsonbekwaam") and "verlengde schooldag"
    # (activities "na school") never say the query's words; nothing was found for any of them alone.
    assert hits(near_engine, umbrella)[0] == page


WIND_BAND_DOCS = [
    ("hafa", "Proeflessen op de basisschool",
     "Kinderen van groep 4 en 5 maken op school kennis met de HaFa-verenigingen van hun dorp."),
    ("choir", "Zingen op school", "De kinderen van groep 6 zingen elke week in het schoolkoor."),
] + [(f"other-{i}", f"Bericht {i}", "De school organiseert een open dag voor ouders en kinderen.") for i in range(4)]

wind_band_engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in WIND_BAND_DOCS],
                                   name="wind_band_engine")


def test_harmonie_and_fanfare_find_the_page_that_writes_hafa(wind_band_engine):
    # "harmonie fanfare" (fresh57): the page meant speaks only of 'HaFa-verenigingen', the field's short word for
    # harmonie- en fanfareverenigingen (session 63).
    for query in ("harmonie", "fanfare", "harmonie fanfare"):
        assert hits(wind_band_engine, query) == ["hafa"], query
