"""Search over the fixture corpus: Dutch analysis end to end, matching strategy, facets, bad input."""
from __future__ import annotations

import pytest

from kennisplatform.errors import InvalidParameter
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.query import without_quotes

from conftest import write_document


def search(engine, **params):
    return engine.search(SearchParams(per_page=100, **params))


def ids(engine, **params) -> set[str]:
    return {h.id for h in search(engine, **params).hits}


# -- Dutch that works --------------------------------------------------------------------------------
@pytest.mark.parametrize("query, expected", [
    ("educatie", "vlaardingen-2023"),  # only says "cultuureducatie"
    ("leerlijn", "erfgoed-dordrecht"),  # only says "erfgoedleerlijnen"
    ("deskundigheid", "deskundigheid-landelijk"),  # only says "deskundigheidsbevordering"
    ("kind", "vlaardingen-2023"),  # only says "kinderen"
    ("museum", "erfgoed-dordrecht"),  # only says "musea"
    ("continuiteit", "vlaardingen-2023"),  # only says "Continuïteit"
    ("één", "vlaardingen-2023"),
    ("icc-er", "netwerk-haaglanden"),  # says "ICC'ers"
])
def test_dutch_words_find_their_variants(engine, query, expected):
    assert expected in ids(engine, q=query)


def test_a_compound_query_is_not_split(engine):
    # "cultuureducatie" does not match documents that merely mention "cultuur" or "educatie" apart: they only fill the
    # page after the one document with the word (session 20).
    ranking = [hit.id for hit in search(engine, q="cultuureducatie").hits]
    assert ranking[0] == "vlaardingen-2023" and "netwerk-haaglanden" in ranking[1:]


def test_matches_are_highlighted_in_the_snippet(engine):
    [hit] = search(engine, q="educatie").hits
    assert "<mark>cultuureducatie</mark>" in hit.snippet


def test_a_place_of_several_words_is_marked_where_it_stands(corpus_dir, index_dir, taxonomy, engine):
    write_document(corpus_dir, "capelle", "artikel", "2018-01-01", [], [], {},
                   "Leerlingen uit Krimpen aan den IJssel speelden mee. Twee scholen in Capelle aan den IJssel ook.")
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    [hit] = search(engine, q="Capelle aan den IJssel").hits
    assert "Krimpen aan den IJssel" in hit.snippet  # the other town's IJssel unmarked
    assert "<mark>Capelle</mark> aan den <mark>IJssel</mark>" in hit.snippet


# -- matching strategy, relaxation, suggestions -------------------------------------------------------
def test_documents_with_all_words_come_before_documents_with_most(corpus_dir, index_dir, taxonomy, engine):
    write_document(corpus_dir, "alles", "artikel", "2018-01-01", [], [], {},
                   "Jongeren en erfgoed in de wijk, samen met musea.")
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    result = search(engine, q="erfgoed wijk jongeren musea")
    # "alles" has all four words, "erfgoed-leiden" three, "erfgoed-dordrecht" two: fewer than a page
    # has them all, so the page is filled with the best partial matches, most evidence first (from four
    # content words up by the words' weight, see test_search_relevance.py).
    ids = [h.id for h in result.hits]
    assert ids[:3] == ["alles", "erfgoed-leiden", "erfgoed-dordrecht"]
    assert "deskundigheid-landelijk" not in ids  # none of the words
    assert result.total == len(ids) and sum(b.count for b in result.facets["type"].buckets) == len(ids)
    assert result.relaxation is None  # one document has every word


def test_a_word_that_names_a_taxonomy_value_finds_the_documents_filed_under_it(engine):
    # "Holland Rijnland" appears in no text, but two documents are filed under places in that region.
    result = search(engine, q="Holland Rijnland")
    assert {h.id for h in result.hits} == {"erfgoed-leiden", "netwerk-haaglanden"}
    assert {h.id for h in search(engine, q="media").hits} >= {"erfgoed-leiden"}  # discipline "Media en film"


def test_two_word_query_without_common_documents_is_relaxed_to_any_word(engine):
    result = search(engine, q="erfgoed zeilwedstrijd")
    assert result.relaxation.kind == "any-words"
    assert result.relaxation.message.startswith("Geen resultaten met alle woorden van ‘erfgoed zeilwedstrijd’")
    assert {h.id for h in result.hits} == {"erfgoed-dordrecht", "erfgoed-leiden"}


def test_the_page_names_the_words_found_without_the_stop_words_after_them(engine):
    # "muziek" names a discipline (a known phrase); the stop words after it were taken into its run of words.
    result = search(engine, q="muziek in de zeilwedstrijd")
    assert result.relaxation.message == ("Geen resultaten met alle woorden van ‘muziek in de zeilwedstrijd’: niets "
                                         "gevonden voor ‘zeilwedstrijd’. Hieronder de resultaten voor ‘muziek’.")


def test_a_query_searched_as_typed_is_not_corrected(engine):
    result = search(engine, q="erfgoet", exact=True)
    assert result.total == 0 and result.relaxation is None
    assert result.suggestion.query == "erfgoed" and result.suggestion.total > 0  # offered, not taken: no dead end
    result = search(engine, q="erfgoet OR films", exact=True)
    assert result.relaxation is None and result.total > 0
    assert result.total < search(engine, q="erfgoet OR films").total  # corrected, erfgoed's pages join


def test_a_misspelled_query_is_corrected(engine):
    result = search(engine, q="erfgoet")
    assert result.relaxation.kind == "corrected"
    assert result.relaxation.used == "erfgoed"
    assert result.relaxation.message == "Geen resultaten voor ‘erfgoet’; wel voor ‘erfgoed’."
    assert "erfgoed-leiden" in {h.id for h in result.hits}


def test_a_word_spelled_right_is_not_corrected_into_another_that_the_corpus_has(corpus_dir, index_dir, taxonomy,
                                                                                engine):
    # Snowball stems "behandelen" and "behandelden" apart; the corpus only has the second. The user's word
    # is Dutch as written, so neither the relaxation nor "Bedoelde u" replaces it.
    write_document(corpus_dir, "verleden-tijd", "artikel", "2019-01-01", [], [], {},
                   "De leerlingen behandelden het erfgoed van hun eigen wijk.")
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    result = search(engine, q="behandelen")
    assert result.relaxation is None and result.suggestion is None and result.total == 0
    result = search(engine, q="erfgoed behandelen wijk")
    assert not result.relaxation or result.relaxation.kind != "corrected"
    assert "verleden-tijd" in {h.id for h in result.hits}


def test_a_questions_last_word_and_each_part_of_a_hyphenated_word_are_corrected(engine):
    result = search(engine, q="films over erfgoet?")
    assert result.relaxation.kind == "corrected" and result.relaxation.used == "films over erfgoed?"
    assert search(engine, q="erfgoet-films").relaxation.used == "erfgoed-films"


def test_a_word_only_a_title_has_is_no_typo(corpus_dir, index_dir, taxonomy, engine):
    write_document(corpus_dir, "naam-in-titel", "artikel", "2019-01-01", [], [], {}, "Een stichting voor de klas.",
                   title="Stichting Erfgoet")
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    result = search(engine, q="erfgoet")
    assert result.relaxation is None and [h.id for h in result.hits] == ["naam-in-titel"]


def test_a_word_that_a_save_adds_is_no_typo_from_then_on(corpus_dir, index_dir, taxonomy, engine):
    # The words' document counts that spelling asks for are remembered per reader (search._documents): a
    # save opens a new reader, which counts anew.
    assert search(engine, q="erfgoet").relaxation.kind == "corrected"
    write_document(corpus_dir, "naam-in-titel", "artikel", "2019-01-01", [], [], {}, "Een stichting voor de klas.",
                   title="Stichting Erfgoet")
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    result = search(engine, q="erfgoet")
    assert result.relaxation is None and [h.id for h in result.hits] == ["naam-in-titel"]


def test_an_excluded_word_is_not_corrected(engine):
    # "filmz" excludes nothing; excluding "films" instead would hide a document the user did not exclude.
    for q in ("erfgoed -filmz", "erfgoed NOT filmz"):
        result = search(engine, q=q)
        assert result.relaxation is None and result.total == 2, q


def test_a_corrected_query_that_finds_some_of_its_words_is_used_and_says_so(engine):
    # No document has "maakt", so neither query as a whole: the corrected words' partial matches are listed.
    result = search(engine, q="wie maakt films over erfgoet?")
    assert result.relaxation.kind == "corrected"
    # It says which word still found nothing, not "a part of" a list that names it as if it had.
    assert result.relaxation.message == ("Geen resultaten met alle woorden van ‘wie maakt films over erfgoet?’; "
                                         "gezocht op ‘wie maakt films over erfgoed?’: niets gevonden voor ‘maakt’. "
                                         "Hieronder de resultaten voor ‘films’ of ‘erfgoed’.")
    assert [h.id for h in result.hits] == ["erfgoed-leiden", "erfgoed-dordrecht"]


def test_a_corrected_query_names_the_word_that_is_nowhere_and_has_no_correction(engine):
    result = search(engine, q="xyzzy erfgoet")
    assert result.relaxation.kind == "corrected" and result.relaxation.shown == "xyzzy erfgoed"
    assert "niets gevonden voor ‘xyzzy’. Hieronder de resultaten voor ‘erfgoed’." in result.relaxation.message
    assert result.hits


def test_a_word_no_document_has_is_corrected_also_when_the_query_finds_something(engine):
    # "films" alone finds one document; "erfgoet" none: it added nothing, its correction adds one.
    result = search(engine, q="erfgoet OR films")
    assert result.relaxation.kind == "corrected" and result.relaxation.used == "erfgoed OR films"
    assert result.relaxation.message == "Resultaten voor ‘erfgoed OR films’; u zocht op ‘erfgoet OR films’."
    assert result.total == 2 and result.suggestion is None


def test_a_prefix_that_indexed_words_start_with_is_no_typo(engine):
    """"leerkr*" finds "leerkracht": no "Bedoelde u leer*?" (a prefix is not a word to correct); a prefix
    no indexed word starts with still is one."""
    result = search(engine, q="leerkr*")
    assert result.total >= 1 and result.suggestion is None and result.relaxation is None
    result = search(engine, q="erfgoet*")
    assert result.relaxation.kind == "corrected" and result.relaxation.used == "erfgoed*"


def test_query_language(engine):
    assert ids(engine, q='"creatieve werkvormen"') == {"erfgoed-leiden"}
    assert search(engine, q='"werkvormen creatieve"').relaxation.kind == "phrase"  # see below
    assert ids(engine, q="erfgoed -films") == {"erfgoed-dordrecht"}
    assert ids(engine, q="films OR muziekonderwijs") == {"erfgoed-leiden", "netwerk-haaglanden"}
    assert ids(engine, q="erfgoedl*") == {"erfgoed-dordrecht"}


def test_a_phrase_no_document_has_is_searched_as_its_words_and_the_page_says_so(engine):
    # "erfgoed-leiden" says "het erfgoed van hun wijk": not the phrase, but both words. No dead end.
    result = search(engine, q='"wijk erfgoed"')
    assert result.hits[0].id == "erfgoed-leiden"  # both words; then the page is filled with one of them
    assert result.relaxation.kind == "phrase" and result.relaxation.shown == "wijk erfgoed"
    assert result.relaxation.message == ('Geen resultaten voor de woordgroep "wijk erfgoed"; wel met de woorden '
                                         "ervan los van elkaar.")
    # Beside other words: the phrase's words count as words, not as one word found nowhere that is dropped.
    result = search(engine, q='films "wijk erfgoed"')
    assert result.hits[0].id == "erfgoed-leiden" and result.relaxation.kind == "phrase"
    assert result.params.q == 'films "wijk erfgoed"'  # the page and its links keep the query as typed


@pytest.mark.parametrize("typed, expected", [
    ('"muziek op maandag"', ("muziek op maandag", ['"muziek op maandag"'])),
    ('dans "op maandag" -"na school"', ('dans op maandag -"na school"', ['"op maandag"'])),
    ('NOT "na school" "in de klas', ('NOT "na school" in de klas', ['"in de klas"'])),  # unclosed, as typed
    ('"erfgoed" dans', None),  # one word: nothing to search apart
    ("erfgoed dans", None),
    ('-"na school"', None),
])
def test_without_quotes(typed, expected):
    assert without_quotes(typed) == expected


def test_a_phrase_found_as_typed_or_excluded_keeps_its_quotes(engine):
    result = search(engine, q='"erfgoed van hun wijk"')
    assert [h.id for h in result.hits] == ["erfgoed-leiden"] and result.relaxation is None
    # An excluded phrase that no document has excludes nothing; its words are not searched.
    result = search(engine, q='erfgoed -"wijk erfgoed"')
    assert {h.id for h in result.hits} == {"erfgoed-dordrecht", "erfgoed-leiden"} and result.relaxation is None
    assert ids(engine, q='erfgoed NOT "erfgoed van hun wijk"') == {"erfgoed-dordrecht"}
    # Searched as typed (exact), a phrase stays one.
    assert search(engine, q='"wijk erfgoed"', exact=True).total == 0


def test_a_phrase_whose_words_are_nowhere_either_says_what_was_not_found(engine):
    result = search(engine, q='erfgoed "zeilwedstrijd wijk"')
    assert result.relaxation.kind == "phrase"
    assert result.relaxation.message.startswith('Niets gevonden met de woordgroep "zeilwedstrijd wijk". Geen '
                                                "resultaten met alle woorden van ‘erfgoed zeilwedstrijd wijk’")
    assert result.hits[0].id == "erfgoed-leiden"  # two of the three words: "erfgoed" and "wijk"


def test_empty_query_lists_everything_newest_first(engine):
    result = search(engine)
    assert [h.date for h in result.hits] == sorted((h.date for h in result.hits), reverse=True)
    assert result.total == 5
    oldest = search(engine, sort="oldest")
    assert oldest.hits[0].id == "deskundigheid-landelijk"


def test_paging(engine):
    first = engine.search(SearchParams(per_page=2))
    second = engine.search(SearchParams(per_page=2, page=2))
    third = engine.search(SearchParams(per_page=2, page=3))
    assert (first.total, first.pages) == (5, 3)
    assert len({h.id for h in first.hits + second.hits + third.hits}) == 5
    assert engine.search(SearchParams(per_page=2, page=9)).hits == []


# -- facets ---------------------------------------------------------------------------------------------
def buckets(result, facet):
    return [(b.value, b.count, b.selected) for b in result.facets[facet].buckets]


def test_disjunctive_facet_counts(engine, taxonomy):
    params = SearchParams.from_mapping({"theme": "kennisdeling", "region": ["drechtsteden", "Haaglanden"]}, taxonomy)
    result = engine.search(params)
    assert [h.id for h in result.hits] == ["netwerk-haaglanden"]
    # Theme counts ignore the theme selection: among the documents in the selected regions.
    assert buckets(result, "theme") == [("erfgoed", 1, False), ("kennisdeling", 1, True)]
    # Region counts ignore the region selection: among the kennisdeling documents; a selected value
    # without documents (drechtsteden) stays visible with 0.
    assert [(b.value, b.count, b.selected, b.parent) for b in result.facets["region"].buckets] == [
        ("nederland", 2, False, None),
        ("zuid-holland", 2, False, "nederland"),
        ("haaglanden", 1, True, "zuid-holland"),
        ("den-haag", 1, False, "haaglanden"),
        ("holland-rijnland", 1, False, "zuid-holland"),
        ("leiden", 1, False, "holland-rijnland"),
        ("rotterdam-rijnmond", 1, False, "zuid-holland"),
        ("krimpen-aan-den-ijssel", 1, False, "rotterdam-rijnmond"),
        ("vlaardingen", 1, False, "rotterdam-rijnmond"),
        ("drechtsteden", 0, True, "zuid-holland"),
    ]
    assert buckets(result, "type") == [("verslag", 1, False)]
    assert buckets(result, "audience") == [("po", 1, False), ("vo", 1, False)]
    assert buckets(result, "discipline") == []
    assert [(b.value, b.count, b.level, b.parent) for b in result.facets["year"].buckets] == [
        ("2021-2024", 1, "periode", None), ("2021", 1, "jaar", "2021-2024")]


def test_values_of_one_facet_combine_with_or_and_facets_with_and(engine):
    assert ids(engine, region=("drechtsteden",)) == {"erfgoed-dordrecht"}
    assert ids(engine, region=("drechtsteden", "haaglanden")) == {"erfgoed-dordrecht", "netwerk-haaglanden"}
    assert ids(engine, region=("drechtsteden", "haaglanden"), audience=("vo",)) == {"netwerk-haaglanden"}


def test_regions_are_a_hierarchy(engine):
    assert ids(engine, region=("rotterdam-rijnmond",)) == {"vlaardingen-2023"}
    assert ids(engine, region=("zuid-holland",)) == {"vlaardingen-2023", "erfgoed-dordrecht", "erfgoed-leiden",
                                                    "netwerk-haaglanden"}
    assert len(ids(engine, region=("nederland",))) == 5
    counts = {b.value: b.count for b in search(engine).facets["region"].buckets}
    assert (counts["vlaardingen"], counts["rotterdam-rijnmond"], counts["zuid-holland"]) == (1, 1, 4)


def test_no_value_of_a_multi_valued_field_is_dropped(engine):
    counts = {b.value: b.count for b in search(engine).facets["region"].buckets}
    assert counts["den-haag"] == 1 and counts["leiden"] == 2  # netwerk-haaglanden counts for both
    themes = {b.value: b.count for b in search(engine).facets["theme"].buckets}
    assert themes == {"kennisdeling": 2, "communicatie": 1, "erfgoed": 2, "inclusie": 1, "professionalisering": 1}


def test_year_facet_by_cmk_period(engine):
    assert ids(engine, year=("2021-2024",)) == {"vlaardingen-2023", "erfgoed-leiden", "netwerk-haaglanden"}
    assert ids(engine, year=("2019", "2015")) == {"erfgoed-dordrecht", "deskundigheid-landelijk"}


def test_zero_results_say_which_filter_to_drop(engine):
    result = search(engine, theme=("professionalisering",), region=("drechtsteden",))
    assert result.total == 0
    assert sorted((d.facet, d.value, d.total) for d in result.filter_drops) == [
        ("region", "drechtsteden", 1), ("theme", "professionalisering", 1)]


# -- bad input ----------------------------------------------------------------------------------------
HOSTILE = ['"unbalanced', 'erfgoed "', "AND", "OR", "NOT", "-", "--", "*", "**", "*educatie", "?ducatie",
           "titel:", "foo:bar", ":", "field:erfgoed", "(((", ")", "[x]", "{}", "\\", "\x00\x01\x02 erfgoed",
           "x" * 10_000, "erfgoed " * 2000, "e*", "a* b* c*", "-erfgoed", 'NOT "erfgoed"', "OR OR erfgoed",
           "<script>alert(1)</script>", "' OR 1=1 --", "%00", "😀 erfgoed", "ﬁlm", "\u202eerfgoed", "ß",
           "'s-Gravenhage", "Krimpen a/d IJssel", "0", "2023", "educatie~2", "erfgoed^10", "/regex.*/"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_result_not_an_exception(engine, taxonomy, query):
    params = SearchParams.from_mapping({"q": query}, taxonomy)
    result = engine.search(params)
    assert result.total >= 0
    for hit in result.hits:
        assert "<script>" not in hit.snippet
    assert "alert(1)" not in "".join(h.snippet for h in result.hits) or "&lt;script&gt;" in "".join(
        h.snippet for h in result.hits)


def test_only_an_exclusion_lists_everything_else(engine):
    assert ids(engine, q="-erfgoed") == {"vlaardingen-2023", "deskundigheid-landelijk", "netwerk-haaglanden"}


@pytest.mark.parametrize("args, name", [
    ({"page": "abc"}, "page"), ({"per_page": "-1"}, "per_page"), ({"theme": "onbekend"}, "theme"),
    ({"sort": "random"}, "sort"), ({"year": "1850-1900"}, "year"), ({"q": ["a", "b"]}, "q"),
    ({"region": {"nested": "x"}}, "region"),
])
def test_bad_parameters_are_refused_with_a_dutch_message(taxonomy, args, name):
    with pytest.raises(InvalidParameter) as info:
        SearchParams.from_mapping(args, taxonomy)
    assert info.value.name == name and info.value.message


def test_parameters_are_corrected_where_that_is_obvious(taxonomy):
    params = SearchParams.from_mapping({"per_page": "100000", "page": "0", "theme": "ERFGOED",
                                        "region": "Krimpen a/d IJssel", "sort": "nieuwste"}, taxonomy)
    assert (params.per_page, params.page, params.theme, params.region, params.sort) == (
        100, 1, ("erfgoed",), ("krimpen-aan-den-ijssel",), "newest")


def test_a_whole_number_written_as_a_decimal_is_a_whole_number(taxonomy):
    params = SearchParams.from_mapping({"page": "3.0", "per_page": "20.00"}, taxonomy)
    assert (params.page, params.per_page) == (3, 20)
    with pytest.raises(InvalidParameter):
        SearchParams.from_mapping({"page": "3.5"}, taxonomy)


def test_the_partial_results_message_names_the_words_found_nowhere():
    from kennisplatform.search import _partial_message

    assert _partial_message("dans erfgoed ruimtevaart", ["ruimtevaart"], ["dans", "erfgoed", "ruimtevaart"]) == (
        "Geen resultaten met alle woorden van ‘dans erfgoed ruimtevaart’: niets gevonden voor ‘ruimtevaart’. "
        "Hieronder de resultaten voor ‘dans’ of ‘erfgoed’.")
    assert _partial_message("dans erfgoed", [], ["dans", "erfgoed"]) == \
        "Geen resultaten met alle woorden van ‘dans erfgoed’; wel met een deel ervan: dans, erfgoed."
    # Found through something else than its words (a place's documents): no word to name as found.
    assert _partial_message("x y", ["x", "y"], ["x", "y"]).endswith("wel met een deel ervan: x, y.")
