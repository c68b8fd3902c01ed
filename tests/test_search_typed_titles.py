"""Typed titles (session 4 of issue 11): the index drops stop words, but a title is remembered with its
function words. When the query keeps them, a page whose stored title holds (nearly) all the typed words in
order comes first; a query without function words is left alone. Session 6: two words are enough ("Erfgoed
doen"), and of two titles that hold the typed words alike the shorter comes first."""
from __future__ import annotations

from kennisplatform import search
from kennisplatform.search import typed_title_share, typed_title_words

from conftest import articles_engine, hits

REMEMBERED = "voor ieder talent is er iets te doen"  # the title says "elk", and "wel" besides

# (id, title, body)
DOCS = [
    # Of the query's content words (ieder, talent) only "talent" is in this page, once, in its title.
    ("titel", "Voor elk talent is er wel iets te doen", "Een nieuwe website met het culturele aanbod."),
    # Pages that say "ieder" and "talent" often: BM25 puts them first.
    *[(f"talent-{n}", f"Talentontwikkeling {n}",
       "Ieder talent telt: ieder kind heeft talent, en talent groeit met ieder jaar les.") for n in range(4)],
    ("waard-titel", "Cultuur in de Hoeksche Waard", "Een korte aankondiging."),
]


engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])


def test_a_title_remembered_with_its_function_words_comes_first(engine):
    assert hits(engine, REMEMBERED)[0] == "titel"


def test_without_the_typed_title_match_bm25_would_rank_it_lower(engine, monkeypatch):
    # The same query with the signal switched off: what the previous test guards against.
    monkeypatch.setattr(search, "TYPED_TITLE_MIN_WORDS", 10**6)
    assert hits(engine, REMEMBERED)[0] != "titel"


def test_a_query_without_function_words_is_not_compared_with_titles(engine, monkeypatch):
    # "Hoeksche Waard cultuur" has every word in a news title of the field set that is not its best page:
    # without a function word, word order and title say too little, so titles are not even read.
    compared = []
    monkeypatch.setattr(search, "typed_title_share",
                        lambda typed, title, weights=None: compared.append(title) or 0.0)
    hits(engine, "Hoeksche Waard cultuur")
    assert compared == []
    hits(engine, REMEMBERED)
    assert "Voor elk talent is er wel iets te doen" in compared


def test_only_queries_that_keep_a_function_word_read_as_typed_titles():
    assert typed_title_words("Hoeksche Waard cultuur") is None
    assert typed_title_words("talent") is None  # one word is no title
    assert typed_title_words("voor talent") == ["voor", "talent"]  # two are, with a function word
    assert typed_title_words(REMEMBERED) == ["voor", "ieder", "talent", "is", "er", "iets", "te", "doen"]


def test_the_share_counts_typed_words_in_the_title_in_order():
    typed = typed_title_words(REMEMBERED)
    assert typed_title_share(typed, "Kunst & Cultuur: Voor elk talent is er wel iets te doen") == 7 / 8
    # The same words in another order hold fewer in order; words are compared by stem ("talenten").
    assert typed_title_share(typed, "Te doen: iets voor talenten, er is") < 0.5
    assert typed_title_share(typed_title_words("de kunst van het talent"), "De kunsten van het talent") == 1.0
    assert typed_title_share(typed, "") == 0.0


# (id, title, body): short titles whose words are half function words, and titles that hold the same words
SHORT = [
    ("erfgoed-doen", "Erfgoed doen", "Lessen over de eigen omgeving."),
    # Pages that say "erfgoed" often, in the title too: BM25 puts them first for "erfgoed doen".
    *[(f"erfgoed-{n}", f"Erfgoed in de klas {n}", "Erfgoed, erfgoed en nog eens erfgoed: erfgoed overal.")
      for n in range(3)],
    ("kort", "Cultuur en onderwijs", "De gemeente over de scholen."),
    # The same three words in a longer title, and a text full of them: BM25F ranks it above the short one.
    ("lang", "Programma 2: sport, cultuur en onderwijs",
     "Cultuur en onderwijs: cultuur op school, onderwijs in cultuur, cultuur en onderwijs samen."),
]


short_engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in SHORT],
                               "short_engine")


def test_a_two_word_title_with_a_function_word_comes_first(short_engine):
    assert hits(short_engine, "erfgoed doen")[0] == "erfgoed-doen"


def test_a_two_word_title_was_left_to_bm25_before(short_engine, monkeypatch):
    monkeypatch.setattr(search, "TYPED_TITLE_MIN_WORDS", 3)
    assert hits(short_engine, "erfgoed doen")[0] != "erfgoed-doen"


def test_of_two_titles_that_hold_the_typed_words_the_shorter_comes_first(short_engine):
    assert hits(short_engine, "cultuur en onderwijs")[:2] == ["kort", "lang"]


def test_without_the_shorter_title_first_bm25f_decides_the_tie(short_engine, monkeypatch):
    monkeypatch.setattr(search, "_shown_title_words", lambda stored: 0)
    assert hits(short_engine, "cultuur en onderwijs")[:2] == ["lang", "kort"]


def test_a_title_typed_in_another_order_comes_first(short_engine, monkeypatch):
    # "doen erfgoed" holds one of its two words in the title's order: below TYPED_TITLE_SHARE. All of them in
    # another order, and the whole title, are the title remembered reordered.
    assert hits(short_engine, "doen erfgoed")[0] == "erfgoed-doen"
    assert hits(short_engine, "onderwijs en cultuur")[0] == "kort"
    monkeypatch.setattr(search, "reordered_title", lambda typed, title: False)
    assert hits(short_engine, "doen erfgoed")[0] != "erfgoed-doen"


def test_a_reordered_title_is_all_the_typed_words_and_most_of_the_title():
    typed = typed_title_words("doen erfgoed")
    assert search.reordered_title(typed, "Erfgoed doen")
    assert search.reordered_title(typed_title_words("cultuuraanbieder ben ik"),
                                  "Ik ben cultuuraanbieder | Cultuurcoördinator.nl")  # a part of the title
    assert not search.reordered_title(typed, "Erfgoed in de klas doen we samen")  # far from the whole title
    assert not search.reordered_title(typed_title_words("doen erfgoed erfgoed"), "Erfgoed doen")  # typed twice
    assert not search.reordered_title(typed_title_words("doen muziek"), "Erfgoed doen")


# Session 15: "meedoen met méér muziek in de klas" listed "Interview met schooldirecteur Linda Kuijt" (its site:
# "Méér Muziek in de Klas") before the page "Doe mee met Méér Muziek in de Klas!": both stored titles hold six of the
# seven typed words, and the interview's own title is shorter.
SITE_DOCS = [
    ("interview", "Interview met schooldirecteur", "Méér Muziek in de Klas", "Een gesprek over muziek in de klas."),
    ("doe-mee", "Doe mee met Méér Muziek in de Klas!", None, "Zo doet uw school mee aan muziek in de klas."),
    # A place query: the municipality's own page (its site's name gives the place) and a longer title with it.
    ("gemeente", "Cultuur in het onderwijs", "Gemeente Gouda", "Wat de gemeente doet voor cultuur op school."),
    ("overzicht", "Cultuur in Gouda: een overzicht van alles", None, "Musea, theater en muziek."),
]


site_engine = articles_engine([(doc_id, title, [], body, {"source": {"publication": site}} if site else {})
                               for doc_id, title, site, body in SITE_DOCS], name="site_engine")


def test_of_titles_that_hold_the_typed_words_alike_the_one_that_holds_them_itself_comes_first(site_engine):
    assert hits(site_engine, "meedoen met méér muziek in de klas")[:2] == ["doe-mee", "interview"]


def test_for_a_query_that_names_a_place_the_site_name_counts_as_the_title_does(site_engine, monkeypatch):
    # "Gemeente Gouda" says whose page it is: for a query that names the place, the shorter title comes first as
    # before (on the tuning sets the place queries fell without this); as if no place were named, the other.
    assert hits(site_engine, "cultuur in Gouda")[:2] == ["gemeente", "overzicht"]
    monkeypatch.setattr(search, "_places", lambda group: [])
    assert hits(site_engine, "cultuur in Gouda")[:2] == ["overzicht", "gemeente"]


PLACE_DOCS = [
    # A report filed under Alphen whose title ends with the place: four of the five words typed below, in order.
    ("alphen-theater", "Spelen zonder woorden: theater op een school in Alphen aan den Rijn",
     ["alphen-aan-den-rijn"], "Leerlingen spelen theater zonder woorden. Het project loopt het hele jaar."),
    ("alphen-kinderburgemeester", "Alphen krijgt een kinderraad",
     ["alphen-aan-den-rijn"], "De gemeente kiest dit jaar een kinderburgemeester uit de groepen 7 en 8."),
]
place_engine = articles_engine([(d, t, r, b) for d, t, r, b in PLACE_DOCS], name="place_engine")


def test_a_place_name_of_several_words_counts_as_one_typed_word(place_engine):
    """"alphen aan den rijn kinderburgemeester" is a place and a topic, not a remembered title: the report whose
    title holds the place's four words (of five typed) no longer comes before the page about the topic there."""
    assert hits(place_engine, "alphen aan den rijn kinderburgemeester")[0] == "alphen-kinderburgemeester"
    typed = typed_title_words("alphen aan den rijn kinderburgemeester")
    title = PLACE_DOCS[0][1]
    assert typed_title_share(typed, title) == 0.8  # every word one: the title passed for the one typed
    assert typed_title_share(typed, title, [0.25] * 4 + [1.0]) == 0.5
    # A title typed whole still holds all of it, the place as one of its words.
    assert typed_title_share(typed_title_words("theater in alphen aan den rijn"), "Theater in Alphen aan den Rijn",
                             [1.0, 1.0] + [0.25] * 4) == 1.0
