"""Dutch analysis without Flask: the pure functions, and what they find through a tiny Whoosh index."""
from __future__ import annotations

import pickle
import unicodedata

import pytest
from whoosh import fields
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser

from kennisplatform import analysis
from kennisplatform.analysis import (
    PART_BOOST, STOP_WORDS, analyze, analyze_query, compound_parts, dutch_analyzer, fold, spelling_analyzer,
    split_compound, stem, tokenize,
)


# -- a tiny index ---------------------------------------------------------------------------------------
def make_index(docs: dict[str, str]):
    schema = fields.Schema(id=fields.ID(stored=True, unique=True),
                           body=fields.TEXT(analyzer=dutch_analyzer(), phrase=True))
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        for doc_id, body in docs.items():
            writer.add_document(id=doc_id, body=body)
    return ix


def search(ix, query: str) -> list[str]:
    with ix.searcher() as searcher:
        parsed = QueryParser("body", ix.schema).parse(query)
        return [hit["id"] for hit in searcher.search(parsed, limit=None)]


@pytest.fixture(scope="module")
def index():
    return make_index({
        "vlaardingen": "Alles draait om cultuureducatie in het onderwijs. Eén ding stond centraal."
                       " Continuïteit garanderen voor alle kinderen.",
        "dordrecht": "Scholen bouwen samen erfgoedleerlijnen met de musea van de stad.",
        "landelijk": "Onderzoek naar deskundigheidsbevordering van leerkrachten in de kunstvakken.",
        "haaglanden": "Netwerkbijeenkomst van ICC'ers en cultuuraanbieders in 's-Gravenhage, 2023.",
        "leiden": "Jongeren maken films over hun wijk. Creatieve werkvormen voor een school.",
    })


@pytest.mark.parametrize("query, expected", [
    ("educatie", "vlaardingen"),  # only says "cultuureducatie"
    ("leerlijn", "dordrecht"),  # only says "erfgoedleerlijnen"
    ("leerlijnen", "dordrecht"),
    ("erfgoed", "dordrecht"),
    ("deskundigheid", "landelijk"),  # only says "deskundigheidsbevordering"
    ("bevordering", "landelijk"),
    ("kind", "vlaardingen"),  # only says "kinderen"
    ("museum", "dordrecht"),  # only says "musea"
    ("continuiteit", "vlaardingen"),  # only says "Continuïteit"
    ("continuïteit", "vlaardingen"),
    ("één", "vlaardingen"),
    ("icc-er", "haaglanden"),  # says "ICC'ers"
    ("iccer", "haaglanden"),
    ("ICC’er", "haaglanden"),
    ("gravenhage", "haaglanden"),
    ("2023", "haaglanden"),
    ("creatief", "leiden"),  # says "creatieve"
    ("film", "leiden"),
    ("leerkracht", "landelijk"),
    ("school", "dordrecht"),  # says "Scholen"
    ("cultuuraanbieder", "haaglanden"),
    ("bijeenkomst", "haaglanden"),  # a part: "Netwerkbijeenkomst"
])
def test_words_find_their_variants(index, query, expected):
    assert expected in search(index, query)


def test_a_compound_query_stays_one_term(index):
    # "cultuureducatie" is one query term: a document that says "cultuur" or "educatie" apart is no match.
    assert analyze_query("cultuureducatie") == ["cultuureducatie"]
    assert search(index, "cultuureducatie") == ["vlaardingen"]
    assert set(search(index, "cultuur")) == {"haaglanden", "vlaardingen"}  # parts of their compounds


def test_stop_word_een_is_dropped_but_een_with_accents_is_not(index):
    assert search(index, "een") == []
    assert analyze_query("een") == []
    assert analyze_query("één") == ["een"]
    assert "één" not in STOP_WORDS and "een" in STOP_WORDS


def test_phrase_queries_work_through_compound_parts(index):
    assert search(index, '"creatieve werkvormen"') == ["leiden"]
    assert search(index, '"werkvormen creatieve"') == []
    # Parts sit at the position of their word, so a phrase can end in a part.
    assert search(index, '"cultuur educatie"') == []
    assert search(index, '"erfgoed leerlijnen musea"') == []
    assert search(index, '"bouwen samen leerlijnen"') == ["dordrecht"]


def test_a_whole_word_match_ranks_above_a_part_match():
    ix = make_index({"part": "Een verslag over cultuureducatie op school.",
                     "whole": "Een verslag over educatie op school."})
    assert search(ix, "educatie") == ["whole", "part"]
    with ix.searcher() as searcher:
        assert searcher.frequency("body", "educatie") == pytest.approx(1.0 + PART_BOOST)


def test_highlight_span_of_a_part_is_the_whole_word():
    text = "Over cultuureducatie."
    tokens = [(t.text, t.pos, t.startchar, t.endchar, t.boost)
              for t in dutch_analyzer()(text, positions=True, chars=True, mode="index")]
    assert tokens == [
        ("cultuureducatie", 0, 5, 20, 1.0),
        ("cultur", 0, 5, 20, PART_BOOST),
        ("educatie", 0, 5, 20, PART_BOOST),
    ]
    query_tokens = [t.text for t in dutch_analyzer()(text, mode="query")]
    assert query_tokens == ["cultuureducatie"]


def test_stop_words_take_no_position_and_can_be_kept_on_request():
    tokens = [(t.text, t.pos, t.stopped) for t in dutch_analyzer()("de kunst van het erfgoed", positions=True,
                                                                   removestops=False, mode="query")]
    assert tokens == [("de", 0, True), ("kunst", 0, False), ("van", 1, True), ("het", 1, True),
                      ("erfgoed", 1, False)]


def test_analyzers_pickle_and_compare_equal():
    for make in (dutch_analyzer, spelling_analyzer):
        copy = pickle.loads(pickle.dumps(make()))
        assert copy == make()
        assert list(t.text for t in copy("Cultuureducatie")) == list(t.text for t in make()("Cultuureducatie"))
    schema = fields.Schema(body=fields.TEXT(analyzer=dutch_analyzer()))
    assert pickle.loads(pickle.dumps(schema)) == schema


def test_spelling_analyzer_folds_and_keeps_every_word():
    assert [t.text for t in spelling_analyzer()("Eén ICC’er en de Continuïteit")] == [
        "een", "iccer", "en", "de", "continuiteit"]


# -- pure functions -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, folded", [
    ("Continuïteit", "continuiteit"), ("één", "een"), ("Eén", "een"), ("café", "cafe"), ("CmK", "cmk"),
    ("creëren", "creeren"), ("ĳsbaan", "ijsbaan"), ("Straße", "strasse"), ("plain", "plain"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_tokenize_joins_spelling_variants_and_keeps_numbers():
    assert tokenize("ICC'er, ICC’ers, icc-er en iccer") == ["iccer", "iccers", "iccer", "en", "iccer"]
    assert tokenize("CMK-periode 2021-2024 in 's-Gravenhage") == ["cmk", "periode", "2021", "2024", "in", "s",
                                                                 "gravenhage"]
    assert tokenize("regio’s en zzp'ers: ‘snuffelstages,’") == ["regio", "en", "zzpers", "snuffelstages"]
    assert tokenize("Leidschendam-Voorburg") == ["leidschendam", "voorburg"]
    assert tokenize("één_twee") == ["één", "twee"]


@pytest.mark.parametrize("written", [
    "cultuur\u00adeducatie",  # a soft hyphen (&shy;), where a page may break the line
    "Cultuur\u00ADeducatie",
    "cultuur\u200beducatie",  # a zero-width space
    "cultuureducatie\u200d",  # a zero-width joiner
])
def test_an_invisible_character_inside_a_word_leaves_it_one_word(written):
    assert analyze(written) == analyze("cultuureducatie") == ["cultuureducatie", "cultur", "educatie"]
    assert tokenize(f"de {written} van") == ["de", "cultuureducatie", "van"]


@pytest.mark.parametrize("word", ["coördinator", "financiële", "ideeën", "één", "Fryslân", "muziék"])
def test_decomposed_accents_are_the_same_word(word):
    """Text in NFD (macOS, some PDFs) writes "ö" as "o" and a combining diaeresis: one word all the same."""
    decomposed = unicodedata.normalize("NFD", word)
    assert decomposed != word
    assert analyze(decomposed) == analyze(word) and analyze_query(decomposed) == analyze_query(word)
    assert tokenize(decomposed) == tokenize(word) == [word.lower()]


def test_spelling_variants_share_a_term():
    assert len({analyze_query(v)[0] for v in ("ICC'er", "icc-er", "ICC’ers", "iccer", "iccers")}) == 1
    assert analyze_query("CmK") == analyze_query("CMK") == ["cmk"]
    assert analyze_query("'s-Gravenhage") == analyze_query("Gravenhage")
    assert analyze_query("in 2023") == ["2023"]


@pytest.mark.parametrize("forms", [
    ("kind", "kinderen"), ("museum", "musea"), ("creatief", "creatieve"), ("leerling", "leerlingen"),
    ("school", "scholen"), ("activiteit", "activiteiten"), ("leerkracht", "leerkrachten"),
    ("kunstenaar", "kunstenaars"), ("les", "lessen"), ("stad", "steden"), ("lid", "leden"),
    ("gemeente", "gemeenten", "gemeentes"), ("subsidie", "subsidies"), ("idee", "ideeën"),
    ("dans", "dansen"), ("kans", "kansen"), ("mens", "mensen"), ("huis", "huizen"), ("actief", "actieve"),
    ("bedrijf", "bedrijven"), ("iccer", "iccers"), ("film", "films"), ("ouder", "ouders"),
    ("coördinator", "coördinatoren"), ("methode", "methodes", "methoden"),
    # a long vowel after a vowel, spelled single in the open syllable: Snowball only undoubles after a consonant
    ("materiaal", "materialen"), ("lesmateriaal", "lesmaterialen"), ("ideaal", "idealen"),
    ("financieel", "financiële"), ("speciaal", "speciale"), ("actueel", "actuele"),
    # English loanwords, whose English forms Snowball's Dutch rules leave apart (session 13)
    ("game", "games", "gaming", "gamen"), ("makerspace", "makerspaces"),
])
def test_stem_brings_forms_together(forms):
    assert len({stem(fold(f)) for f in forms}) == 1, {f: stem(fold(f)) for f in forms}


@pytest.mark.parametrize("forms", [
    ("mogelijkheid", "mogelijkheden"),  # Snowball: -heden -> -heid
    ("politicus", "politici"), ("historicus", "historici"),  # -ici -> -icus
    ("lied", "liedje", "liedjes"), ("film", "filmpje"), ("bal", "balletje"), ("kaart", "kaartje", "kaartjes"),
    ("dans", "dansje", "dansen"), ("extra", "extraatje"),  # the base's own rules apply; a long vowel written once
    ("keuze", "keuzes"), ("stage", "stages"), ("discipline", "disciplines"),  # -es plurals of -e words
    ("belangrijk", "belangrijkste"), ("groot", "grootste"), ("klein", "kleinste"),  # superlatives
    # comparatives and uninflected superlatives after an adjective's ending (session 43)
    ("toegankelijk", "toegankelijker", "toegankelijkere", "toegankelijkst"), ("belangrijk", "belangrijker"),
    ("eenvoudig", "eenvoudiger"), ("betaalbaar", "betaalbaarder"), ("duurzaam", "duurzamer"),
    ("creatief", "creatiever"), ("sociaal", "socialer"), ("praktisch", "praktischer"),
])
def test_stem_brings_derived_forms_together(forms):
    assert len({stem(fold(f)) for f in forms}) == 1, {f: stem(fold(f)) for f in forms}


@pytest.mark.parametrize("word, other", [
    ("beetje", "beet"), ("meisje", "meis"),  # diminutives more common than their base are words of their own
    ("eerste", "eer"), ("proces", "proce"),  # no superlative of a three-letter word; -es only after a known -e word
    ("gelden", "geld"), ("geldt", "geld"),  # data/stem_apart.tsv: "to apply" is not "money"
    ("nascholing", "naschools"), ("nascholing", "school"),  # in-service training is not after school
    ("vaak", "vak"), ("overheid", "overige"), ("voorstelling", "voorstel"), ("ouderen", "ouders"),
    ("natuurlijk", "natuur"), ("natuurlijke", "natuur"),  # "of course" is no nature (session 33)
    ("openbare", "open"), ("openbaar", "opening"), ("middelbare", "middelen"),  # public, secondary: not open, funds
    ("lees", "les"), ("taal", "tal"),  # Snowball writes the long vowel once: read is no lesson, language no number
    ("bomen", "bommen"), ("boom", "bom"),  # ... and trees are no bombs (session 57)
    ("geweldig", "geweld"), ("geweldige", "geweld"),  # great is no violence (session 57)
    ("vrijwilliger", "vrijwillig"), ("schilder", "schild"), ("speler", "speel"),  # nouns in -er, no comparatives
])
def test_stem_keeps_unrelated_words_apart(word, other):
    assert stem(word) != stem(other)


def test_a_word_kept_apart_keeps_its_family_and_its_compounds():
    assert stem("lees") == stem("lezen")
    assert analysis.word_terms("leesbevordering")[1][0] == stem("lezen")
    assert stem("taal") == stem("talen") and analysis.word_terms("taalontwikkeling")[1][0] == stem("taal")
    assert stem("openbare") == stem("openbaar") and stem("middelbare") == stem("middelbaar")
    assert stem("boom") == stem("bomen") == stem("boompjes") and stem("bom") == stem("bommen")
    assert analysis.compound_query_parts("kerstbomen")[1] == stem("boom")


def test_the_verb_gelden_has_one_stem_and_money_in_a_compound_stays_money():
    assert stem("gelden") == stem("geldt") == stem("golden")
    assert stem("subsidiegelden") == stem("subsidiegeld")


@pytest.mark.parametrize("forms", [
    ("betrekken", "betrek", "betrokken", "betrokkenheid", "betrokkenen"),  # the vowel changes: data/stem_overrides.tsv
    ("kiezen", "kies", "gekozen"), ("zoeken", "zoek", "gezocht"), ("verbinden", "verbind", "verbonden", "verbondenheid"),
    ("aanbieden", "aangeboden"), ("bezoeken", "bezoek", "bezocht"), ("schrijven", "geschreven"),
    ("herdenken", "herdenk", "herdacht"), ("bedenken", "bedacht"), ("verzinnen", "verzonnen"),  # a monument herdacht
    ("opgraven", "opgegraven"), ("weven", "geweven"), ("vlechten", "gevlochten"),
])
def test_a_strong_verbs_participle_stems_as_the_verb(forms):
    assert len({stem(fold(f)) for f in forms}) == 1, {f: stem(fold(f)) for f in forms}


def test_stem_leaves_numbers_alone():
    assert stem("2023") == "2023"


@pytest.mark.parametrize("word, parts", [
    ("cultuureducatie", ["cultuur", "educatie"]),  # not cult + uur + educatie
    ("erfgoedleerlijnen", ["erfgoed", "leerlijnen"]),
    ("leerlijnen", ["leer", "lijnen"]),
    ("deskundigheidsbevordering", ["deskundigheid", "bevordering"]),  # linking -s-
    ("leerlingenraad", ["leerlingen", "raad"]),  # not leerlinge + nraad
    ("gemeenteraadsverkiezingen", ["gemeenteraad", "verkiezingen"]),
    ("basisschool", ["basis", "school"]),
    ("wereldoorlog", ["wereld", "oorlog"]),  # common enough to be kept whole: data/compound_overrides.tsv
    ("schoolbesturen", ["school", "besturen"]),
    ("cultuurcoach", ["cultuur", "coach"]),
    ("cultuuraanbieders", ["cultuur", "aanbieders"]),
    ("muziekonderwijs", ["muziek", "onderwijs"]),
    ("talentontwikkeling", ["talent", "ontwikkeling"]),
    ("cultuurcoordinatoren", ["cultuur", "coordinatoren"]),  # a plural too rare for the word list
    ("kunstuitleen", ["kunst", "uitleen"]),  # a word of the field too rare for it: not kun + stuit + leen
    ("instrumentenuitleen", ["instrument", "uitleen"]),  # linking -en-
    ("knutselactiviteiten", ["knutsel", "activiteiten"]),
    ("leerplankaders", ["leerplan", "kaders"]),  # not leer + plank + aders
    ("muurschildering", ["muur", "schildering"]),  # not muur + schild + ring
    ("laaggeletterdheid", ["laag", "geletterdheid"]), ("kunstbeoefening", ["kunst", "beoefening"]),  # not one term
    ("slagwerkgroep", ["slagwerk", "groep"]), ("slagwerkgroepen", ["slagwerk", "groepen"]),  # not slag + werkgroep
    ("dwarsliggers", ["dwars", "liggers"]),  # not dwars + lig + gers
    ("onderwijs", []),  # not ond + erwijs, not onder + wijs
    ("leerkrachten", []),  # not leer + krachten
    ("leerkracht", []),
    ("erfgoed", []),
    ("verslag", []),  # not vers + lag
    ("samenwerking", []),
    ("deskundigheid", []),  # not deskundig + heid
    ("besturen", []),  # not best + uren
    ("leeftijden", []),  # inflections of lexicalised words are units too: not leef + tijden
    ("directeuren", []),  # not direct + uren
    ("bedenkingen", []),  # not bed + kingen
    ("getekende", []),  # not get + kende
    ("basisscholen", ["basis", "scholen"]),  # its singular's split is listed: the plural keeps it
    ("kunst", []),
    ("2023", []),
])
def test_split_compound(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize("plural, singular", [
    ("streekmusea", "streekmuseum"),  # musea -> museum inside a compound, as alone
    ("schoolkinderen", "schoolkind"),
    ("bestuursleden", "bestuurslid"),  # with a linking -s-
    ("poppodia", "poppodium"),  # Latin -a plurals: podia, centra
    ("cultuurcentra", "cultuurcentrum"),
    ("leescoaches", "leescoach"),
])
def test_a_compound_with_an_irregular_last_part_stems_as_its_singular(plural, singular):
    assert analysis.stem(plural) == analysis.stem(singular)
    assert analysis.word_terms(plural) == analysis.word_terms(singular)


@pytest.mark.parametrize("typed, written", [
    ("fotos", "foto's"), ("programmas", "programma's"), ("themas", "thema's"), ("collegas", "collega's"),
    ("opas", "opa's"), ("menus", "menu's"),
    ("familiefotos", "familiefoto's"),  # as a compound's last part, and its parts as well
    ("cultuurmenus", "cultuurmenu's"),
])
def test_a_plural_in_s_typed_without_its_apostrophe_is_the_plural(typed, written):
    assert analysis.analyze(typed) == analysis.analyze(written)


@pytest.mark.parametrize("word, other", [("pas", "pa's"), ("jas", "ja's"), ("gas", "ga's")])
def test_a_word_in_s_that_is_more_common_than_an_apostrophe_plural_stays_itself(word, other):
    assert analysis.analyze(word) != analysis.analyze(other)


def test_an_irregular_form_after_a_prefix_is_no_compound_head():
    # ver+leden (past) and ge+leden (ago) are no compounds of "leden" (members): not rewritten to -lid.
    assert not analysis.stem("verleden").endswith("lid")
    assert not analysis.stem("geleden").endswith("lid")


@pytest.mark.parametrize("first, second, compound", [
    ("muziek", "docenten", "muziekdocenten"),
    ("Subsidie", "regeling", "subsidieregeling"),
    ("cultuur", "coaches", "cultuurcoaches"),
    ("erfgoed", "instellingen", "erfgoedinstellingen"),
    ("beoordeling", "criteria", "beoordelingscriteria"),  # -s- after -ing, -heid, ...
    ("deskundigheid", "bevordering", "deskundigheidsbevordering"),
])
def test_two_words_written_apart_join_into_their_compound(first, second, compound):
    assert analysis.joined_compound(first, second) == analysis.stem(compound)


@pytest.mark.parametrize("first, second, word", [
    ("gemeente", "raad", "gemeenteraad"), ("gemeente", "raden", "gemeenteraden"), ("leer", "kracht", "leerkracht"),
    ("kinder", "opvang", "kinderopvang"),
])
def test_two_words_written_apart_join_into_a_word_that_is_never_split(first, second, word):
    # common enough to be a unit (never split, so the index has no parts for it): only joined is it found
    assert analysis.split_compound(analysis.fold(word)) == []
    assert analysis.joined_compound(first, second) == analysis.stem(word)


@pytest.mark.parametrize("verb, particle, word", [
    ("werken", "samen", "samenwerking"), ("werkt", "samen", "samenwerken"), ("nemen", "deel", "deelnemen"),
    ("neemt", "deel", "deelnemen"), ("doet", "mee", "meedoen"), ("komt", "terug", "terugkomen"),
])
def test_a_verb_and_its_separated_particle_make_the_verb_of_the_pages(verb, particle, word):
    # "culturele organisaties werken samen": the page writes "samenwerking" (session 64)
    assert analysis.separable_verb(verb, particle) == analysis.stem(word)


@pytest.mark.parametrize("verb, particle", [("scholen", "samen"), ("spelen", "samen"), ("werken", "school"),
                                            ("samen", "werken")])
def test_words_that_make_no_separable_verb_are_not_joined(verb, particle):
    # not a verb, no such verb (samenspelen is too rare), no particle, or the particle first (joined_compound's)
    assert analysis.separable_verb(verb, particle) is None


@pytest.mark.parametrize("first, second", [("dans", "po"), ("de", "school"), ("2023", "school"), ("kunst", "en"),
                                           ("ver", "slag"), ("toe", "komst")])
def test_words_that_make_no_compound_of_the_two_are_not_joined(first, second):
    assert analysis.joined_compound(first, second) is None


def test_nested_parts():
    assert compound_parts("erfgoedleerlijnen") == ("erfgoed", "leerlijnen", "leer", "lijnen")
    assert compound_parts("basisschoolleerkrachten") == ("basisschool", "basis", "school", "leerkrachten")


def test_analyze_and_analyze_query():
    assert analyze("Erfgoedleerlijnen voor kinderen") == [
        "erfgoedleerlijn", "erfgoed", "leerlijn", "ler", "lijn", "kind"]
    assert analyze_query("Erfgoedleerlijnen voor kinderen") == ["erfgoedleerlijn", "kind"]
    assert analyze("") == analyze_query("  ...  ") == []


def test_leerlijn_query_meets_an_index_term_of_erfgoedleerlijnen():
    assert set(analyze_query("leerlijn")) <= set(analyze("erfgoedleerlijnen"))
    assert set(analyze_query("educatie")) <= set(analyze("cultuureducatie"))
    assert set(analyze_query("deskundigheid")) <= set(analyze("deskundigheidsbevordering"))


def test_version_names_the_word_list():
    assert analysis.ANALYZER_VERSION.startswith("nl-") and "wordfreq-" in analysis.ANALYZER_VERSION


def test_snippet_marks_words_written_with_capitals_and_accents():
    from kennisplatform.analysis import word_terms
    from kennisplatform.highlight import snippet

    text = "Het ÉÉNDAAGSE festival en de Creëren-dag: Éducatie voor iedereen."
    terms = {word_terms("ééndaagse")[0], word_terms("educatie")[0]}
    html = snippet(text, terms)
    assert "<mark>ÉÉNDAAGSE</mark>" in html
    assert "<mark>Éducatie</mark>" in html
    assert html.count("<mark>") == 2


@pytest.mark.parametrize("text", [
    "Cultuureducatie en erfgoedleerlijnen: de kinderen van de basisschool bezoeken musea.",
    "Eén ICC'er, twee icc-ers en de cultuurcoördinator; continuïteit, continuiteit. De de de.",
    "In Nootdorp, Katwijk en Ridderkerk een vissersdorp, een dorp en de kerk; Noordoostpolder, Nootdorp.",
    "",
])
def test_index_postings_are_what_the_analyzers_tokens_add_up_to(text):
    from collections import defaultdict

    from whoosh import formats

    from kennisplatform.analysis import index_postings
    from kennisplatform.schema import Positions

    positions, weights = defaultdict(list), defaultdict(float)
    for token in dutch_analyzer()(text, positions=True, boosts=True, mode="index"):
        positions[token.text].append(token.pos)
        weights[token.text] += token.boost
    assert index_postings(text) == {term: [positions[term], weights[term]] for term in positions}
    # and the index format built on it writes the same bytes as Whoosh's own
    assert sorted(Positions().word_values(text, dutch_analyzer(), mode="index")) == \
        sorted(formats.Positions().word_values(text, dutch_analyzer(), mode="index"))


def test_a_very_long_word_is_read_as_its_first_letters_with_bounded_work(monkeypatch):
    # A pasted line of one letter or text without spaces is one "word": every cut of it was tried as a
    # compound with an irregular last part (a body of 600,000 letters took 53 s to save).
    looked_up = []
    real = analysis._STEM_OVERRIDES.get
    monkeypatch.setattr(analysis, "_STEM_OVERRIDES", type("Counting", (dict,), {
        "get": lambda self, key, default=None: looked_up.append(key) or real(key, default)})())
    analysis.word_terms.cache_clear()
    analysis.stem.cache_clear()
    try:
        terms = analysis.analyze("muziek " + "kinderen" * 5_000 + " dans")
        assert len(looked_up) < 4 * analysis.MAX_COMPOUND  # not once per letter of the word
        assert terms[0] == "muziek" and terms[-1] == "dans"
        assert len(terms[1]) <= analysis.MAX_WORD
        assert analysis.word_terms("a" * 10 * analysis.MAX_WORD) == analysis.word_terms("a" * analysis.MAX_WORD)
    finally:
        analysis.word_terms.cache_clear()
        analysis.stem.cache_clear()


def test_a_place_names_parts_weigh_less_than_another_compounds():
    """Katwijk is no kat + wijk: a one-word place name's parts weigh PLACE_PART_BOOST, another compound's
    PART_BOOST, and a part that both give (dorp of Nootdorp and vissersdorp) sums them with the word itself."""
    from kennisplatform.analysis import PART_BOOST, PLACE_PART_BOOST, index_postings, part_boost

    postings = index_postings("Katwijk en een vissersdorp, Nootdorp en een dorp.")
    assert PLACE_PART_BOOST < PART_BOOST
    assert postings["wijk"][1] == PLACE_PART_BOOST and postings["kat"][1] == PLACE_PART_BOOST
    assert postings["visser"][1] == PART_BOOST
    assert postings["dorp"] == [[1, 2, 3], PART_BOOST + PLACE_PART_BOOST + 1.0]
    assert part_boost(analysis.stem("katwijk")) == PLACE_PART_BOOST
    assert part_boost(analysis.stem("erfgoedleerlijn")) == PART_BOOST
