"""Two words next to each other (session 7 of issue 11): in a query of two plain words ("brede school",
"muziekonderwijs pabo"), a page that has them adjacent, in order (stop words aside), scores them once more
there, so that it comes before pages that only have the words apart."""
from __future__ import annotations

import subprocess
import sys

from kennisplatform import search
from kennisplatform.params import SearchParams
from kennisplatform.query import parse_query
from kennisplatform.search import _adjacent_pairs

from conftest import articles_engine, engine_over_articles, hits

# (id, title, body)
DOCS = [
    ("samen", "Wijkproject", "Een brede school werkt met de bibliotheek samen."),
    # Both words, "school" more often, but never next to each other: BM25F ranks these first.
    *[(f"apart-{n}", f"Nieuws {n}", "De brede aanpak van de wijk: school na school, elke school.") for n in range(3)],
    ("stopwoord", "Lessen", "Muziekonderwijs op de pabo."),
    ("los", "Opleiding", "Muziekonderwijs blijft belangrijk. Pabo en muziekonderwijs."),  # the other order
]


engine = articles_engine([(doc_id, title, ["Nederland"], body) for doc_id, title, body in DOCS])


def test_two_words_next_to_each_other_come_first(engine):
    assert hits(engine, "brede school")[0] == "samen"


def test_without_the_adjacency_the_pages_with_the_words_apart_came_first(engine, monkeypatch):
    monkeypatch.setattr(search, "ADJACENT_WEIGHT", 0.0)
    assert hits(engine, "brede school")[0] != "samen"


def scores(engine, q: str) -> dict[str, float]:
    return {h.id: h.score for h in engine.search(SearchParams(q=q)).hits}


def test_stop_words_between_them_do_not_part_them_but_the_order_counts(engine, monkeypatch):
    paired = scores(engine, "muziekonderwijs pabo")
    monkeypatch.setattr(search, "ADJACENT_WEIGHT", 0.0)
    apart = scores(engine, "muziekonderwijs pabo")
    assert paired["stopwoord"] > apart["stopwoord"]  # "muziekonderwijs op de pabo"
    assert paired["los"] == apart["los"]  # "pabo en muziekonderwijs": next to each other, the other way round


def test_only_a_query_of_two_plain_words_is_read_as_a_pair():
    assert _adjacent_pairs(parse_query("brede school")) == [("bred", "schol")]
    assert _adjacent_pairs(parse_query("school")) == []
    assert _adjacent_pairs(parse_query("brede school wijk")) == []  # three words: tiers and title decide
    assert _adjacent_pairs(parse_query('"brede school"')) == []  # a phrase is one group already
    assert _adjacent_pairs(parse_query("hoe school")) == []  # a filler word is no part of a pair
    assert _adjacent_pairs(parse_query("brede sch*")) == []


def test_a_cold_process_scores_a_pair_in_two_fields_without_importing_numpy_ma(tmp_path):
    # np.unique's first call imports numpy.ma (milliseconds a fresh worker pays on its first such query);
    # the pair's documents of several fields are merged without it.
    engine = engine_over_articles(tmp_path, [("beide", "De brede school", [], "Een brede school in de wijk."),
                                             ("titel", "Brede school", [], "Een wijkproject."),
                                             ("tekst", "Wijk", [], "Over de brede school.")])
    engine.close()
    script = (
        "import sys\n"
        "from kennisplatform.search import SearchEngine\n"
        "from kennisplatform.corpus import taxonomy_for\n"
        "from kennisplatform.params import SearchParams\n"
        f"e = SearchEngine({str(tmp_path / 'index')!r}, taxonomy_for({str(tmp_path / 'corpus')!r}))\n"
        "assert e.search(SearchParams(q='brede school')).hits[0].id == 'beide'\n"
        "print('numpy.ma' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
