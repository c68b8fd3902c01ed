"""The search page and the JSON say how many results have every word of the query when the others fill the page with
some of them (a compound's page filled with its parts, session 20): one result object, two renderings."""
from __future__ import annotations

from click.testing import CliRunner
from conftest import fixture_corpus, page_soup

from kennisplatform.cli import main


def test_the_page_says_how_many_results_have_the_whole_word(read_only_client):
    soup = page_soup(read_only_client, "/zoeken?q=erfgoedleerlijnen")
    notices = [p.get_text(" ", strip=True) for p in soup.select(".notice")]
    assert "1 resultaat met het hele woord; de andere hebben een deel ervan." in notices
    data = read_only_client.get("/zoeken.json?q=erfgoedleerlijnen").get_json()
    assert data["complete"] == 1 < data["total"]


def test_a_page_whose_results_all_have_the_words_says_nothing_more(read_only_client):
    soup = page_soup(read_only_client, "/zoeken?q=erfgoed")
    assert not any("met alle zoekwoorden" in p.get_text() or "het hele woord" in p.get_text()
                   for p in soup.select(".notice"))
    assert read_only_client.get("/zoeken.json?q=erfgoed").get_json()["complete"] is None


def test_the_command_line_says_it_too(tmp_path):
    corpus = fixture_corpus(tmp_path)
    found = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(tmp_path / "index"), "search",
                                      "erfgoedleerlijnen"])
    assert found.exit_code == 0, found.output
    assert "\n1 resultaat met het hele woord; de andere hebben een deel ervan.\n" in found.output
