"""Schemathesis against our own OpenAPI document: no server errors, no responses outside the schema."""
from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from conftest import build_app, fixture_corpus, write_document


def _app():
    root = Path(tempfile.mkdtemp(prefix="kp-schemathesis-"))
    corpus = fixture_corpus(root)
    # one document without a date: its `date: null` must conform to the schema too
    write_document(corpus, "zonder-datum", "verslag", None, ["erfgoed"], ["Gouda"], {}, "Erfgoed in Gouda.\n")
    return build_app(corpus, root / "index")


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _app())


@schema.parametrize()
# derandomize: CI runs the same examples every time, so a red run is reproducible.
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate()
