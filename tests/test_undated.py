"""Documents without a date: found, filtered under "Datum onbekend", sorted last, and shown as such in
every format (page, JSON, API, CSV, Atom, CLI)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os

import feedparser
import pytest
from click.testing import CliRunner

from kennisplatform.cli import main
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

from conftest import build_app, write_document

UNDATED = ("cultuurmenu-katwijk", "zonder-jaar-gouda")
FILE_TIME = dt.datetime(2022, 5, 17, 9, 30, tzinfo=dt.timezone.utc)  # set on the undated files


@pytest.fixture
def corpus(corpus_dir):
    write_document(corpus_dir, "cultuurmenu-katwijk", "voorbeeldproject", None, ["erfgoed"], ["Katwijk"], {},
                   "Een cultuurmenu met erfgoedlessen voor alle basisscholen.\n")
    write_document(corpus_dir, "zonder-jaar-gouda", "verslag", None, ["kennisdeling"], ["Gouda"], {},
                   "Verslag van een netwerkbijeenkomst over erfgoed in Gouda.\n")
    for doc_id, folder in zip(UNDATED, ("voorbeeldprojecten", "verslagen")):
        os.utime(corpus_dir / folder / f"{doc_id}.md", (FILE_TIME.timestamp(), FILE_TIME.timestamp()))
    return corpus_dir


@pytest.fixture
def undated_engine(corpus, index_dir, taxonomy):
    update_index(corpus, index_dir, taxonomy=taxonomy)
    engine = SearchEngine(index_dir, taxonomy)
    yield engine
    engine.close()


@pytest.fixture
def client(corpus, index_dir):
    return build_app(corpus, index_dir).test_client()


def search(engine, taxonomy, **args):
    return engine.search(SearchParams.from_mapping(args, taxonomy))


def test_undated_documents_are_found_and_have_a_selectable_year_value(undated_engine, taxonomy):
    found = search(undated_engine, taxonomy, q="erfgoed")
    assert set(UNDATED) <= {h.id for h in found.hits}
    years = found.facets["year"].buckets
    assert (years[-1].value, years[-1].label, years[-1].count) == ("onbekend", "Datum onbekend", 2)
    filtered = search(undated_engine, taxonomy, q="erfgoed", year="onbekend")
    assert sorted(h.id for h in filtered.hits) == sorted(UNDATED)
    assert [h.date for h in filtered.hits] == [None, None]
    # OR with a year, like two years; a capitalised URL value is the same value
    both = search(undated_engine, taxonomy, year=["Onbekend", "2019"])
    assert both.total == 3 and both.facets["year"].buckets[-1].selected


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorting_by_date_puts_undated_documents_last_in_both_directions(undated_engine, taxonomy, sort):
    hits = search(undated_engine, taxonomy, sort=sort, per_page=20).hits
    assert {h.id for h in hits[-2:]} == set(UNDATED)
    dates = [h.date for h in hits[:-2]]
    assert dates == sorted(dates, reverse=sort == "newest") and None not in dates
    # an empty query lists by date too, and a page boundary inside the undated tail still works
    tail = search(undated_engine, taxonomy, sort=sort, per_page=3, page=2).hits
    assert [h.id for h in tail] == [h.id for h in hits[3:6]]


def test_pages_say_datum_onbekend_and_link_to_the_facet_value(client):
    page = client.get("/document/cultuurmenu-katwijk").get_data(as_text=True)
    assert '<span class="date-unknown">datum onbekend</span>' in page
    assert 'href="/zoeken?year=onbekend"' in page
    results = client.get("/zoeken?q=cultuurmenu").get_data(as_text=True)
    assert "datum onbekend" in results and "<time datetime=\"None\"" not in results
    facet = client.get("/zoeken?year=onbekend").get_data(as_text=True)
    assert 'value="onbekend" checked' in facet and "Datum onbekend" in facet
    for url in ("/voorbeeldprojecten", "/verslagen?sort=oldest", "/"):
        assert client.get(url).status_code == 200


def test_json_api_and_exports_give_an_empty_date(client):
    hits = client.get("/api/v1/search?year=onbekend").get_json()["hits"]
    assert {h["id"]: h["date"] for h in hits} == {"cultuurmenu-katwijk": None, "zonder-jaar-gouda": None}
    assert client.get("/zoeken.json?year=onbekend").get_json()["hits"][0]["date"] is None
    assert client.get("/api/v1/documents/cultuurmenu-katwijk").get_json()["date"] is None
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["components"]["schemas"]["Hit"]["properties"]["date"]["type"] == ["string", "null"]
    rows = list(csv.DictReader(io.StringIO(client.get("/zoeken.csv?year=onbekend").get_data(as_text=True))))
    assert [r["datum"] for r in rows] == ["", ""]
    assert client.get("/zoeken.csv?year=bestaat-niet").status_code == 400


def test_atom_uses_the_file_time_for_an_undated_entry(client):
    feed = feedparser.parse(client.get("/zoeken.atom?q=%22cultuurmenu%22").data)  # the word, not its parts
    assert not feed.bozo, feed.get("bozo_exception")
    [entry] = feed.entries
    assert entry.updated == "2022-05-17T09:30:00Z" and "published" not in entry
    assert feed.feed.updated == "2022-05-17T09:30:00Z"
    dated = feedparser.parse(client.get("/zoeken.atom?year=2019").data).entries[0]
    assert dated.updated == dated.published == "2019-03-01T00:00:00Z"


def test_cli_search_and_check_accept_undated_documents(corpus, index_dir):
    runner = CliRunner()
    args = ["--corpus", str(corpus), "--index", str(index_dir)]
    found = runner.invoke(main, [*args, "search", "cultuurmenu"])
    assert found.exit_code == 0 and "(datum onbekend)  id=cultuurmenu-katwijk" in found.output
    assert runner.invoke(main, [*args, "search", "--year", "onbekend"]).output.startswith("2 resultaten")
    checked = runner.invoke(main, [*args, "check"])
    assert checked.exit_code == 0, checked.output
    assert "7 documenten gelezen, 0 problemen. 2 zonder datum" in checked.output


def test_atom_takes_the_last_change_the_history_knows_before_the_file_time(corpus, index_dir, monkeypatch):
    # A copy or a clone gives every file the day it was made: the history's date of a save is the truer one.
    from kennisplatform import editing, history
    from kennisplatform.corpus import taxonomy_for
    from kennisplatform.history import Author

    client = build_app(corpus, index_dir).test_client()  # adopts the corpus into its history
    doc = editing.open_document(corpus, "cultuurmenu-katwijk", taxonomy_for(corpus)).document
    saved = dt.datetime(2025, 3, 4, 12, 0, tzinfo=dt.timezone.utc)
    with monkeypatch.context() as patched:
        patched.setattr(history, "time", type("Clock", (), {"time": staticmethod(saved.timestamp)}))
        editing.save_document(corpus, index_dir, doc.with_changes(body="Een nieuw cultuurmenu.\n"),
                              author=Author("redacteur"))
    os.utime(corpus / "voorbeeldprojecten" / "cultuurmenu-katwijk.md",
             (FILE_TIME.timestamp(), FILE_TIME.timestamp()))  # as a copy would set it
    [entry] = feedparser.parse(client.get("/zoeken.atom?q=%22cultuurmenu%22").data).entries
    assert entry.updated == "2025-03-04T12:00:00Z"
