"""A new installation: zero documents. Every route answers normally (0 results, empty facets), the home
page says how the first document gets in, and then the first document is saved, imported and found."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from werkzeug.routing.converters import AnyConverter, NumberConverter

from conftest import REPO
from editor_support import FIXTURES, login, make_app, token
from kennisplatform.cli import main

# Plausible values for URL parameters, by name; AnyConverter parameters take each of their values, numbers
# a year and 1, anything else 'onbekend'.
PARAMETER_VALUES = {"doc_id": ["bestaat-niet"], "filename": ["css/site.css", "bestaat-niet.js"],
                    "anything": ["bestaat-niet"], "slug": ["zuid-holland", "gouda", "bestaat-niet"]}
QUERIES = ["", "?q=erfgoed", "?q=erfgoed&sort=oldest&year=onbekend&region=zuid-holland&page=2",
           "?sort=newest&type=verslag"]


@pytest.fixture
def empty_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPO / "corpus" / "taxonomy.yaml", corpus / "taxonomy.yaml")
    return corpus


@pytest.fixture
def app(empty_corpus, tmp_path):
    return make_app(empty_corpus, tmp_path / "index", tmp_path / "instance")


def every_get_url(app) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        choices = [[]]
        for name in sorted(rule.arguments):
            converter = rule._converters[name]
            if isinstance(converter, AnyConverter):
                values = list(converter.items)
            elif isinstance(converter, NumberConverter):  # int and float parameters (a year, a page)
                values = [2023, 1]
            else:
                values = PARAMETER_VALUES.get(name, ["onbekend"])
            choices = [[*done, (name, v)] for done in choices for v in values]
        with app.test_request_context():
            from flask import url_for

            for chosen in choices:
                base = url_for(rule.endpoint, **dict(chosen))
                urls.extend(base + query for query in QUERIES)
    return urls


def test_every_route_answers_without_an_error_on_an_empty_platform(app):
    urls = every_get_url(app)
    assert len(urls) > 60  # the walk found the routes (and their parameter values)
    anonymous, editor = app.test_client(), app.test_client()
    assert login(editor).status_code == 302
    for client in (anonymous, editor):
        for url in urls:
            with client.get(url) as response:  # closed: static files are streamed from open files
                status = response.status_code
            assert status in (200, 302, 304, 400, 404), f"{url}: {status}"
    # the searches among them really answered: 0 results and empty facets
    data = anonymous.get("/api/v1/search?q=erfgoed").get_json()
    assert data["total"] == 0 and data["hits"] == [] and all(v == [] for v in data["facets"].values())
    assert anonymous.get("/zoeken").status_code == 200
    assert anonymous.get("/zoeken.atom").status_code == 200


def test_the_empty_home_page_says_how_to_add_the_first_document(app):
    page = app.test_client().get("/").get_data(as_text=True)
    assert "Er staan nog geen documenten op het platform" in page
    for link in ('href="/inloggen"', 'href="/redactie/nieuw"', 'href="/redactie/importeren"'):
        assert link in page
    assert "kennisplatform import MAP" in page


def test_the_cli_searches_an_empty_index(empty_corpus, tmp_path):
    args = ["--corpus", str(empty_corpus), "--index", str(tmp_path / "index")]
    result = CliRunner().invoke(main, [*args, "search", "erfgoed"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("0 resultaten")
    as_json = CliRunner().invoke(main, [*args, "search", "--json"])
    assert as_json.exit_code == 0 and '"total": 0' in as_json.output


def test_the_first_documents_are_saved_and_imported_and_found(app, empty_corpus, tmp_path):
    client = app.test_client()
    login(client)
    saved = client.post("/redactie/nieuw", data={
        "type": "verslag", "title": "Eerste verslag", "date": "", "body": "De allereerste bijeenkomst in Gouda.",
        "actie": "opslaan", "csrf_token": token(client, "/redactie/nieuw")})
    assert saved.status_code == 302
    hits = client.get("/api/v1/search?q=allereerste").get_json()["hits"]
    assert [h["id"] for h in hits] == ["eerste-verslag"]
    assert "Er staan nog geen documenten" not in client.get("/").get_data(as_text=True)

    args = ["--corpus", str(empty_corpus), "--index", str(tmp_path / "index")]
    imported = CliRunner().invoke(main, [*args, "import", str(FIXTURES / "verslag-met-kop.md")])
    assert imported.exit_code == 0, imported.output
    found = CliRunner().invoke(main, [*args, "search", "leerlijn", "Schiedam"])
    assert "Werkbijeenkomst leerlijnen Schiedam" in found.output


def test_importing_into_a_new_folder_starts_a_corpus_of_ones_own(tmp_path):
    corpus = tmp_path / "mijn-corpus"
    args = ["--corpus", str(corpus), "--index", str(tmp_path / "index"), "--instance", str(tmp_path / "instance")]
    page = str(FIXTURES / "verslag-met-kop.md")
    tried = CliRunner().invoke(main, [*args, "import", "--dry-run", page])
    assert tried.exit_code == 1 and "zonder --dry-run wordt die aangemaakt" in tried.output
    assert not corpus.exists()  # a dry run creates nothing
    imported = CliRunner().invoke(main, [*args, "import", page])
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith(f"Nieuwe corpusmap {corpus}, met de taxonomie van het startcorpus")
    assert (corpus / "taxonomy.yaml").read_bytes() == (REPO / "corpus" / "taxonomy.yaml").read_bytes()
    found = CliRunner().invoke(main, [*args, "search", "leerlijn"])
    assert found.output.startswith("1 resultaat ")  # the imported page, and none of the example documents


def test_a_folder_with_files_but_no_taxonomy_is_not_taken_over(tmp_path):
    corpus = tmp_path / "iets-anders"
    corpus.mkdir()
    (corpus / "notities.txt").write_text("van iemand anders", encoding="utf-8")
    args = ["--corpus", str(corpus), "--index", str(tmp_path / "index"), "--instance", str(tmp_path / "instance")]
    result = CliRunner().invoke(main, [*args, "import", str(FIXTURES / "verslag-met-kop.md")])
    assert result.exit_code == 1 and "Een corpusmap heeft een taxonomy.yaml nodig" in result.output
    assert sorted(p.name for p in corpus.iterdir()) == ["notities.txt"]
