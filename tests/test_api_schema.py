"""Schemathesis against our own OpenAPI document: no server errors, no responses outside the schema."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from kennisplatform import create_app

from conftest import FIXTURE_DOCS, TAXONOMY, write_document


def _app():
    root = Path(tempfile.mkdtemp(prefix="kp-schemathesis-"))
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(TAXONOMY, corpus / "taxonomy.yaml")
    for doc in FIXTURE_DOCS:
        write_document(corpus, *doc)
    return create_app({"TESTING": True, "CORPUS_DIR": str(corpus), "INDEX_DIR": str(root / "index"),
                       "SECRET_KEY": "test"})


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _app())


@schema.parametrize()
# derandomize: CI runs the same examples every time, so a red run is reproducible.
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate()
