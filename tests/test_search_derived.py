"""Derivational relatives (session 19): a query word also matches its relatives of another word class, weighed
below the word itself. "monumentadoptie" finds a page about monuments that schools have "geadopteerd",
"geactualiseerd" one about the "actualisatie" of the goals; forms of the word's own class (inflection) and the
relatives of common words (organisatie / georganiseerd) are not added. A word with synonyms or a theme ("inclusie")
has its relatives too (session 28). A rare third person in -t meets its infinitive, which Snowball keeps apart
("bezuinigt": bezuinigingen), and is then no word to correct (session 64); so does a rare past participle
("bezuinigd", "gedrukt"), unless it is a misspelt one (session 65)."""
from __future__ import annotations

from conftest import articles_engine, hits

from kennisplatform import analysis
from kennisplatform.params import SearchParams
from kennisplatform.query import parse_query

DOCS = [
    ("adopteren", "Scholen en hun monument", "Twintig basisscholen hebben een monument in hun wijk geadopteerd."),
    ("monumentadoptie", "Monumentadoptie", "Over monumentadoptie door basisscholen in de wijk."),
    ("actualisatie", "De kerndoelen", "Over de actualisatie van de kerndoelen voor kunst en cultuur."),
    ("geactualiseerd", "Kerndoelen", "De kerndoelen voor kunst en cultuur zijn geactualiseerd."),
    ("georganiseerd", "Een middag", "De school heeft een middag over kerndoelen georganiseerd."),
    ("inclusie", "Inclusie op school", "Over inclusie in de klas."),
    ("inclusief", "Kunst inclusief", "Een inclusief kunstproject voor kinderen met een beperking."),
    ("bezuinigingen", "De muziekschool", "Na de bezuinigingen van de gemeente stopt de muziekschool met lessen."),
    ("muziekschool", "Muziekschool", "De muziekschool van de gemeente geeft les op de basisschool."),
    ("bezuinigt", "Het museum", "Het museum bezuinigt op rondleidingen voor scholen."),
] + [(f"ander-{n}", f"Cultuur in de regio, deel {n}", f"De basisschool en {word} in de wijk.")
     for n, word in enumerate(["muziek", "dans", "film", "lezen", "monumenten"])]

engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS])
# The two pages about the muziekschool alone, so that no page says "bezuinigt": for the spelling corrector.
cuts_engine = articles_engine([(doc_id, title, [], body) for doc_id, title, body in DOCS
                               if doc_id in ("bezuinigingen", "muziekschool")], name="cuts_engine")


def test_a_word_has_its_relatives_of_another_class():
    assert "geadopteerd" in analysis.derived_words("adoptie")
    assert "adopteren" in analysis.derived_words("adoptie")
    assert analysis.derived_words("geactualiseerd") == ("actualisatie",)  # not actualiseren: the same verb
    assert "educatief" in analysis.derived_words("educatie")
    assert "digitaal" in analysis.derived_words("digitalisering")


def test_a_verb_in_eren_meets_its_noun_in_itie():
    # "leerlingen exposeren werk in de bieb" (fresh56): the page says "expositie" (session 62).
    assert analysis.derived_words("exposeren") == ("expositie",)
    assert analysis.derived_words("geexposeerd") == ("expositie",)
    assert "repeteren" in analysis.derived_words("repetitie")


def test_a_common_word_or_a_look_alike_has_none():
    assert analysis.derived_words("organisatie") == ()  # a unit of its own: not georganiseerd
    assert analysis.derived_words("positie") == ()  # positief means something else
    assert analysis.derived_words("museum") == ()


def test_a_compound_meets_its_parts_with_a_relative():
    assert ("monument", analysis.stem("geadopteerd")) in analysis.derived_terms("monumentadoptie")


def test_the_relative_finds_the_page_below_the_word_as_typed(engine):
    ranking = hits(engine, "monumentadoptie")
    assert ranking[:2] == ["monumentadoptie", "adopteren"]
    ranking = hits(engine, "kerndoelen geactualiseerd")
    assert ranking[:2] == ["geactualiseerd", "actualisatie"]  # before "georganiseerd", which has kerndoelen only


def test_a_long_query_leaves_a_compound_part_s_relatives_out():
    groups = parse_query("monumentadoptie door scholen in de wijk Delft").groups
    assert all(not (clause.kind == "derived" and len(clause.terms) > 1)
               for group in groups for clause in group.alternatives)


def test_a_theme_word_with_synonyms_finds_its_relatives(engine):
    # "inclusie" names a theme of the taxonomy and has synonyms (kansengelijkheid, gelijke kansen); its group is
    # built from those, and still holds the word's own relative, as any other word's does (session 28: it did not).
    ranking = hits(engine, "inclusie")
    assert ranking[:2] == ["inclusie", "inclusief"]


def test_a_rare_verb_form_in_t_meets_its_infinitive():
    # Snowball keeps the -t: "bezuinigt" is a term apart from bezuinigen and bezuinigingen (bezuin), session 64.
    assert analysis.derived_words("bezuinigt") == ("bezuinigen",)
    assert analysis.stem("bezuinigingen") in {terms[0] for terms in analysis.derived_terms("bezuinigt")}
    assert "dansen" in analysis.derived_words("danst")
    assert "organiseren" in analysis.derived_words("organiseert")  # under VERB_FORM_MAX_ZIPF, though common


def test_a_common_verb_form_or_a_noun_in_t_has_no_infinitive():
    for word in ("werkt", "vraagt", "betaalt", "maakt"):  # words of their own in a question ("hoe vraagt ... aan")
        assert analysis.derived_words(word) == (), word
    for word in ("kaart", "punt", "markt", "kust"):  # nouns: kaarten, punten are plurals; markt is no form of marken
        assert analysis.derived_words(word) == (), word


def test_a_rare_past_participle_meets_its_infinitive():
    # In -d after a prefix that takes the place of ge- (bezuinigd, verhoogd), and ge- + stem + t or d (gedrukt,
    # gestopt), where the stem without ge- is the verb's; session 65.
    assert analysis.derived_words("bezuinigd") == ("bezuinigen",)
    assert analysis.derived_words("verhoogd") == ("verhogen",)
    assert analysis.derived_words("gedrukt") == ("drukken",)
    assert analysis.derived_words("gestopt") == ("stoppen",)


def test_a_word_in_d_that_is_no_participle_or_a_misspelt_participle_has_no_infinitive():
    for word in ("hond", "goud", "gezond", "gebied", "gedicht", "verband"):  # nouns, adjectives
        assert analysis.derived_words(word) == (), word
    # d and t mixed up, Dutch's commonest misspelling: "gemiddelt" is no form of "middelen", and a relative of it
    # would keep the corrector from making it "gemiddeld" (search._corrected_word).
    for word in ("gemiddelt", "gespecialiseert"):
        assert analysis.derived_words(word) == (), word


def test_a_verb_form_finds_the_page_that_writes_its_noun(engine):
    # "bezuinigt muziekschool": the page about the cuts at the muziekschool says "bezuinigingen" only. Without the
    # infinitive no page had both words, and the query was relaxed to pages with either, the muziekschool's own
    # page level with it.
    result = engine.search(SearchParams(q="bezuinigt muziekschool"))
    assert result.relaxation is None
    assert result.hits[0].id == "bezuinigingen"


def test_a_verb_form_whose_infinitive_the_pages_have_is_not_corrected(cuts_engine):
    # No page says "bezuinigt"; the corrector made it "bezuinig" (the page: "Resultaten voor ‘bezuinig’"), a word
    # of no one's, though the pages with "bezuinigingen" are found as typed through its infinitive.
    result = cuts_engine.search(SearchParams(q="bezuinigt"))
    assert result.relaxation is None
    assert [hit.id for hit in result.hits] == ["bezuinigingen"]


def test_a_lone_participle_is_no_dead_end(cuts_engine):
    # "bezuinigd" alone found nothing over the bundled corpus, and nothing corrected it: no page says it, and its
    # stem is no word's but its own. Its infinitive finds the page that writes "bezuinigingen".
    result = cuts_engine.search(SearchParams(q="bezuinigd"))
    assert result.relaxation is None
    assert [hit.id for hit in result.hits] == ["bezuinigingen"]
