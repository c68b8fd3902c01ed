"""Shared fixtures: a small corpus written for the tests, its index, a search engine, the app."""
from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from kennisplatform.corpus import TYPE_FOLDERS, taxonomy_for
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

# Apps made by tests keep accounts and search logs in a temporary instance folder, not in the repository.
os.environ.setdefault("KENNISPLATFORM_INSTANCE", tempfile.mkdtemp(prefix="kennisplatform-instance-"))

REPO = Path(__file__).resolve().parent.parent
TAXONOMY = REPO / "corpus" / "taxonomy.yaml"

# (id, type, date, themes, regions, extra front matter, body). Small enough to count by hand.
FIXTURE_DOCS = [
    ("vlaardingen-2023", "verslag", "2023-06-22", ["kennisdeling", "communicatie"],
     ["Vlaardingen", "Krimpen a/d IJssel"], {"disciplines": ["theater"], "audience": ["po"]},
     "## Kennisestafette\n\nAlles draait om cultuureducatie in het onderwijs. Eén ding stond centraal:"
     " samenwerken. Continuïteit garanderen voor alle kinderen.\n"),
    ("erfgoed-dordrecht", "voorbeeldproject", "2019-03-01", ["erfgoed"], ["Dordrecht"],
     {"disciplines": ["erfgoed"], "audience": ["po"]},
     "Scholen bouwen samen erfgoedleerlijnen met de musea van de stad.\n"),
    ("deskundigheid-landelijk", "artikel", "2015-09-10", ["professionalisering"], ["Nederland"],
     {"source": {"url": "https://voorbeeld.example/artikel", "authors": ["A. Auteur"], "publication": "Voorbeeld"}},
     "Onderzoek naar deskundigheidsbevordering van leerkrachten in de kunstvakken.\n"),
    ("erfgoed-leiden", "voorbeeldproject", "2024-01-15", ["erfgoed", "inclusie"], ["Leiden"],
     {"audience": ["vo"], "disciplines": ["erfgoed", "media"]},
     "Jongeren maken films over het erfgoed van hun wijk. Creatieve werkvormen voor iedereen.\n"),
    ("netwerk-haaglanden", "verslag", "2021-11-02", ["kennisdeling"], ["Den Haag", "Leiden"],
     {"audience": ["po", "vo"]},
     "Netwerkbijeenkomst van ICC'ers en cultuuraanbieders over muziekonderwijs en dans.\n"),
]


def write_document(corpus: Path, doc_id: str, doc_type: str, date: str | None, themes, regions, extra, body,
                   title: str | None = None) -> Path:
    import yaml

    meta = {"type": doc_type, "title": title or doc_id.replace("-", " ").capitalize(), "date": date,
            "summary": f"Samenvatting van {doc_id}.", "themes": themes, "regions": regions, **extra}
    if date is None:  # a document without a date: no date line at all
        del meta["date"]
    path = corpus / TYPE_FOLDERS[doc_type] / f"{doc_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
                    + textwrap.dedent(body), encoding="utf-8")
    return path


def fixture_corpus(root: Path) -> Path:
    """The fixture documents and the real taxonomy in root/corpus."""
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    for doc in FIXTURE_DOCS:
        write_document(corpus, *doc)
    return corpus


def saved_starter_index(root: Path, added_body: str) -> tuple[Path, Path]:
    """(corpus, index folder) in root: the starter corpus indexed, then one document added (with
    `added_body`) and one changed, so the index has several segments and a deleted document, as a live
    index does after editors' saves."""
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    index_dir = root / "index"
    update_index(corpus, index_dir)
    write_document(corpus, "erfgoed-extra", "voorbeeldproject", "2025-02-01", ["erfgoed"], ["Gouda"], {}, added_body)
    changed = next((corpus / "verslagen").glob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nExtra alinea over erfgoed.\n", encoding="utf-8")
    update_index(corpus, index_dir)
    return corpus, index_dir


def engine_over_articles(root: Path, docs) -> SearchEngine:
    """A search engine over articles given as (id, title, regions, body), all of one date and with a short
    summary, so that what ranks them is their title and text (the caller closes it). A fifth item, a dict,
    adds to a document's header (its `source`)."""
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    for doc_id, title, regions, body, *extra in docs:
        write_document(corpus, doc_id, "artikel", "2023-01-01", [], regions, {"summary": "Kort.", **dict(*extra)},
                       body, title=title)
    taxonomy = taxonomy_for(corpus)
    update_index(corpus, root / "index", taxonomy=taxonomy)
    return SearchEngine(root / "index", taxonomy)


def articles_engine(docs, name: str = "engine"):
    """A module-scoped fixture `name`: engine_over_articles over `docs`, built once per module and closed
    after it."""
    @pytest.fixture(scope="module", name=name)
    def fixture(tmp_path_factory):
        engine = engine_over_articles(tmp_path_factory.mktemp(name), docs)
        yield engine
        engine.close()
    return fixture


def hits(engine: SearchEngine, q: str, **params) -> list[str]:
    """The ids of a search's hits, in order."""
    return [h.id for h in engine.search(SearchParams(q=q, **params)).hits]


def build_app(corpus: Path, index: Path, **config):
    """The app over a corpus and index folder, with test settings (more may be passed)."""
    from kennisplatform import create_app

    return create_app({"TESTING": True, "CORPUS_DIR": str(corpus), "INDEX_DIR": str(index),
                       "SECRET_KEY": "test", **config})


def page_soup(client, url: str):
    """The parsed HTML of a page that must answer 200."""
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def shown_text(node) -> str:
    """A node's text as a reader sees it: words separated by single spaces."""
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    return fixture_corpus(tmp_path)


@pytest.fixture(scope="module")
def read_only_client(tmp_path_factory):
    """One app over the fixture corpus for a whole module, for tests that only read."""
    root = tmp_path_factory.mktemp("web")
    return build_app(fixture_corpus(root), root / "index").test_client()


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def taxonomy(corpus_dir: Path):
    return taxonomy_for(corpus_dir)


@pytest.fixture
def engine(corpus_dir: Path, index_dir: Path, taxonomy) -> SearchEngine:
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    engine = SearchEngine(index_dir, taxonomy)
    yield engine
    engine.close()


# -- the browser tests' live site and Chromium (tests/browser_support.py), one of each per test module ------
@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The browser corpus served on a free local port: its address."""
    from browser_support import serve, write_browser_corpus

    root = tmp_path_factory.mktemp("browser")
    write_browser_corpus(root / "corpus")
    server = serve(root / "corpus", root / "index")
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright."""
    from browser_support import launch
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
