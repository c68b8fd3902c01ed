"""Snippets (highlight.py): which words are marked, which passage is shown, and that it is safe HTML."""
from __future__ import annotations

import html as html_text
import re

import pytest

from kennisplatform import analysis, documents, highlight
from kennisplatform.corpus import read_corpus
from kennisplatform.highlight import snippet
from kennisplatform.importer import titles as importer_titles

from conftest import REPO


def terms_of(*words: str) -> set[str]:
    """The terms a query for these words highlights: each word's stem and its compound parts' stems."""
    found: set[str] = set()
    for word in words:
        info = analysis.word_terms(word)
        if info:  # not a stop word
            found.update((info[0], *info[1]))
    return found


def marked(html: str) -> list[str]:
    return [html_text.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", html)]


def test_a_compound_is_marked_as_a_whole_word_through_its_part():
    assert marked(snippet("Alles draait om cultuureducatie in het onderwijs.", {"educatie"})) == ["cultuureducatie"]


def test_every_word_of_a_hyphenated_name_is_marked():
    # Words after a hyphen are words of their own, as the index has them ("Hendrik-Ido-Ambacht" is three).
    html = snippet("Een pilot in Hendrik-Ido-Ambacht en Bodegraven-Reeuwijk.",
                   terms_of("Hendrik", "Ido", "Ambacht", "Bodegraven", "Reeuwijk"))
    assert marked(html) == ["Hendrik", "Ido", "Ambacht", "Bodegraven", "Reeuwijk"]
    assert "<mark>media</mark>-<mark>educatie</mark>" in snippet("Over media-educatie.", terms_of("media", "educatie"))


def test_a_word_joined_by_an_apostrophe_or_er_suffix_is_one_word():
    html = snippet("De ICC-ers en icc’ers en ICC'er kwamen; de ICC bleef.", terms_of("icc-er"))
    assert marked(html) == ["ICC-ers", "icc’ers", "ICC'er"]
    # A match after the apostrophe marks the whole word too, also where the apostrophe is one of Latin-1
    # (an accent that the analysis folds to a space).
    assert marked(snippet("Over cultuur´educatie en cultuur'educatie.", {"educatie"})) == \
        ["cultuur´educatie", "cultuur'educatie"]


@pytest.mark.parametrize("text", [
    "'Creëren' in \"Sisli\", CREËREN en Éducatie - een cultuurcoördinator.",  # Latin-1
    "‘Creëren’ in “Sisli”, CREËREN en Éducatie — een cultuurcoördinator.",  # Windows-1252's quotes
    "‘Creëren’ in “Şişli”, CREËREN en Éducatie — een cultuurcoördinator.",  # and a letter beyond both
])
def test_capitals_and_accents_are_folded(text):
    html = snippet(text, terms_of("creeren", "sisli", "educatie", "coordinator"))
    assert [analysis.fold(m) for m in marked(html)] == ["creeren", "sisli", "creeren", "educatie",
                                                        "cultuurcoordinator"]


def test_a_one_letter_term_marks_only_that_letter_as_a_word():
    html = snippet("Plan H, het h-plan en h's van Hendrik; ook ‘i’ en de hoed.", {"h", "i"})
    assert marked(html) == ["H", "h", "h's", "i"]


def test_the_passage_with_the_most_distinct_terms_is_shown():
    text = " ".join(["kunst"] * 5 + ["woord"] * 60 + ["kunst", "en", "erfgoed"] + ["woord"] * 60)
    html = snippet(text, terms_of("kunst", "erfgoed"))
    assert "<mark>kunst</mark> en <mark>erfgoed</mark>" in html
    assert html.startswith("…") and html.endswith("…")


def test_every_match_in_the_shown_text_is_marked_also_outside_the_best_window():
    # Both windows have one match; the first is shown, and its 240 characters reach the second match.
    text = "inspiratie " + "woord " * 32 + "inspiratie en verder " + "woord " * 40
    assert marked(snippet(text, {"inspiratie"})) == ["inspiratie", "inspiratie"]


def test_text_is_escaped_and_only_marks_are_html():
    html = snippet('<script>alert("cultuur")</script> & cultuur <b>', {"cultur"})
    assert marked(html) == ["cultuur", "cultuur"]
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html and "&lt;b&gt;" in html


def test_without_matches_the_opening_words():
    text = "Verslag van de bijeenkomst. " * 30
    html = snippet(text, {"museum"})
    assert "<mark>" not in html and html.startswith("Verslag van de bijeenkomst.") and html.endswith("…")
    assert len(html) < highlight.FALLBACK_CHARS + 10
    assert snippet("Kort.", set()) == "Kort."


@pytest.mark.parametrize("tail", ["Staart.", "Staart?", "‘Staart.’", "(Staart.)"])
def test_a_passage_cut_after_a_whole_sentence_ends_without_an_ellipsis(tail):
    # Seen on imported pages: "...volgde het programma drie schooljaren.…" reads as a typing error. Every
    # word here ends a sentence, so wherever the passage is cut, it is cut after one.
    html = snippet("Aanloop. " * 40 + "Muziek. " + f"{tail} " * 60, terms_of("muziek"))
    assert html.startswith("…") and html.endswith(tail), html


def test_a_passage_cut_inside_a_sentence_still_ends_with_an_ellipsis():
    html = snippet("woord " * 40 + "muziek " + "en nog een heel lange zin zonder einde " * 20, terms_of("muziek"))
    assert re.search(r"\w…\Z", html), html


def test_no_ellipsis_when_only_spacing_follows_the_passage():
    html = snippet("woord " * 30 + "over muziek op school, zonder punt aan het eind" + " " * 300 + "\n\n",
                   terms_of("muziek"))
    assert html.endswith("het eind"), html


def test_the_opening_words_cut_after_a_sentence_end_have_no_ellipsis():
    assert snippet("Verslag. " * 60, {"museum"}).endswith("Verslag.")
    assert snippet("Verslag van " * 60, {"museum"}).endswith("…")


def test_a_first_paragraph_that_is_the_title_is_left_out():
    # Imported web pages often repeat their title as the article's first line; the hit shows its title already.
    body = "Cultuur en *sport* voor iedereen\n\nDe gemeente wil dat elk kind sport en muziek maakt.\n\nMeer."
    assert snippet(body, set(), title="Cultuur en sport voor iedereen").startswith("De gemeente wil")
    html = snippet(body, {"sport"}, title="Cultuur en sport voor iedereen")
    assert marked(html) == ["sport"] and html.startswith("De gemeente wil")
    assert snippet(body, set(), title="Iets anders").startswith("Cultuur en")  # another first line stays
    assert snippet("Alleen de titel", set(), title="Alleen de titel") == "Alleen de titel"  # nothing else to show


def test_a_first_paragraph_that_is_the_title_without_its_sites_name_is_left_out():
    # The import keeps a site's name it cannot tell ('Nieuws | Stichting X'); the page's first line is the rest.
    body = "Bruggen bouwen tussen onderwijs en cultuur\n\nHet kenniscentrum bracht scholen en makers samen.\n\nMeer."
    title = "Bruggen bouwen tussen onderwijs en cultuur | Kenniscentrum Cultuureducatie Rotterdam"
    assert snippet(body, set(), title=title).startswith("Het kenniscentrum")
    assert snippet(body, set(), title="Gemeente Rotterdam - Bruggen bouwen tussen onderwijs en cultuur").startswith(
        "Het kenniscentrum")
    assert highlight.lead("Bruggen bouwen tussen onderwijs en cultuur", title) == ""
    # A first line that is only a part from the title's middle, or another line, stays.
    assert snippet(body, set(), title="Jaarverslag | Bruggen bouwen tussen onderwijs en cultuur | KCR").startswith(
        "Bruggen bouwen")
    assert snippet(body, set(), title="Bruggen bouwen | Kenniscentrum").startswith("Bruggen bouwen")


def test_snippets_split_a_title_as_the_import_does():
    # One function splits a title for both, with one pattern (documents.TITLE_SEPARATORS).
    assert highlight.title_without_ends is importer_titles.title_without_ends is documents.title_without_ends
    assert importer_titles.TITLE_SEPARATORS is documents.TITLE_SEPARATORS
    assert documents.title_without_ends("Jaarverslag | Bruggen bouwen - KCR") == ("Jaarverslag | Bruggen bouwen",
                                                                                "Bruggen bouwen - KCR")
    assert documents.title_without_ends("Bruggen bouwen") is None


def every_matching_word(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """The straightforward way: analyze every word of the text."""
    spans = []
    word = analysis.next_word(text)
    while word is not None:
        info = analysis.word_terms(word.group())
        if info and terms.intersection((info[0], *info[1])):
            spans.append(word.span())
        word = analysis.next_word(text, word.end())
    return spans


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    documents, _ = read_corpus(REPO / "corpus")
    return [d.body for d in documents if d.body]


@pytest.mark.parametrize("query", [
    "cultuureducatie", "educatie erfgoed", "kinderen musea", "CMK regeling", "icc-er", "één", "continuiteit",
    "leerlijn deskundigheid", "Hendrik-Ido-Ambacht", "po vo", "creëren",
])
def test_looking_only_at_words_with_a_terms_first_letters_finds_every_match_in_real_texts(corpus_texts, query):
    # The snippet analyzes only the words that contain a term's first letters (found in the folded text).
    # A stem begins with them, but for a stemmer's vowel undoubling ("lees" -> les, left unmarked for
    # "museumles", as it was before): on the repository's real texts, it finds what analyzing every word does.
    terms = terms_of(*analysis.tokenize(query))
    assert corpus_texts
    for text in corpus_texts:
        found = [(m.start, m.end) for m in highlight._matches(text, terms)]
        assert found == every_matching_word(text, terms)


def test_a_heading_does_not_run_into_the_next_sentence_of_a_snippet():
    from kennisplatform.documents import plain_text

    text = plain_text("## Waar gaat het over\nErfgoededucatie in de klas.\n\n## Wat is CMK?\nEen regeling.\n")
    assert snippet(text, set()) == "Waar gaat het over. Erfgoededucatie in de klas. Wat is CMK? Een regeling."
    assert plain_text("#hashtag en een # in de tekst") == "#hashtag en een # in de tekst"  # no headings



def test_without_lead_hides_a_paragraph_with_escaped_signs_only_under_its_shown_text():
    """The lead (plain text) hides the first paragraph only when it shows the text the page shows of it, and
    the paragraph has no link the lead would lose."""
    body = "Een jury koos: 8 &lt; 10 \\[\\*\\] punten &amp; meer.\n\nDe tweede alinea.\n"
    assert highlight.without_lead(body, "Een jury koos: 8 < 10 [*] punten & meer.") == "De tweede alinea.\n"
    # A summary an earlier import left escaped in the corpus; a summary of part of it: the paragraph stays.
    assert highlight.without_lead(body, "Een jury koos: 8 &lt; 10 \\[\\] punten &amp; meer.") == body
    assert highlight.without_lead(body, "Een jury koos: 8 < 10 [*] punten.") == body
    linked = "Lees [de uitslag](https://example.nl/u) &amp; meer.\n\nDe tweede alinea.\n"
    assert highlight.without_lead(linked, "Lees de uitslag & meer.") == linked


def phrase_of(text: str) -> tuple[str, ...]:
    """A phrase as a query searches it: its words' stems, stop words left out."""
    return tuple(analysis.analyze_query(text))


def test_a_phrase_is_marked_only_where_it_stands():
    # A place of several words: "IJssel" in another town's name is not the place searched for.
    text = "Twee scholen in Capelle aan den IJssel en een in Krimpen aan den IJssel deden mee."
    assert marked(snippet(text, set(), phrases=[phrase_of("Capelle aan den IJssel")])) == ["Capelle", "IJssel"]
    # A synonym's phrase ("vrije tijd" for buitenschools): not its words apart, nor a compound with one of them.
    text = "In hun vrije tijd spelen ze. De reistijd is lang, en na schooltijd is er tijd."
    assert marked(snippet(text, set(), phrases=[phrase_of("vrije tijd")])) == ["vrije", "tijd"]


def test_a_word_searched_on_its_own_is_marked_wherever_it_stands_also_in_a_phrase():
    text = "Muziek in Krimpen aan den IJssel; de IJssel stroomt."
    html = snippet(text, terms_of("ijssel"), phrases=[phrase_of("Capelle aan den IJssel")])
    assert marked(html) == ["IJssel", "IJssel"]


def test_a_near_phrase_is_marked_where_its_words_stand_near_one_another():
    # Session 53 (found in session 52's review): a related word of several words matches where its words stand
    # within search.RELATED_WINDOW positions of one another, in any order; its snippet marked it only in order,
    # side by side, so "heemkunde" found "geschiedenis die heel lokaal is" and showed no mark.
    near = [phrase_of("lokale geschiedenis")]
    text = "De kinderen leerden wat er vroeger in hun straat gebeurde: geschiedenis die heel lokaal is."
    assert marked(snippet(text, set(), near=near, near_window=6)) == ["geschiedenis", "lokaal"]
    # Sentences apart they are no such phrase: nothing is marked.
    text = ("Het nieuwe lokaal van de school is klaar en de kinderen hebben het zelf ingericht met planten en kasten. "
            "Na de zomer krijgen de leerlingen er ook les in geschiedenis.")
    assert "<mark>" not in snippet(text, set(), near=near, near_window=6)


def test_a_near_phrase_marks_its_shortest_stretch():
    # "Groep" of "Groep 3" stands within the window of the "1" of "groep 1 en 2", but the shortest stretch with
    # every word is "groep 1 en 2" itself.
    text = "De leerlingen van groep 1 en 2 dansen elke week op muziek. Groep 3 kijkt toe."
    assert marked(snippet(text, set(), near=[phrase_of("groep 1 en 2")], near_window=6)) == ["groep", "1", "2"]


def test_without_its_phrase_a_text_shows_its_opening():
    text = "De reistijd naar school is lang. " * 3
    assert "<mark>" not in snippet(text, set(), phrases=[phrase_of("vrije tijd")])
