"""/health: JSON for a monitor or load balancer (health.py). No paths, no secrets, never cached."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from .. import health
from ..services import services

bp = Blueprint("health", __name__)


def _counter() -> health.CorpusCounter:
    counter = current_app.extensions.get("kennisplatform.corpus_counter")
    if counter is None:
        counter = current_app.extensions["kennisplatform.corpus_counter"] = health.CorpusCounter(services().corpus_dir)
    return counter


@bp.get("/health")
def status():
    result = health.check(_counter(), services().engine)
    response = jsonify(result.to_dict())
    response.status_code = result.http_status
    response.headers["Cache-Control"] = "no-store"
    return response
