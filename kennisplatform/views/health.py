"""/health: JSON for a monitor or load balancer (health.py). No paths, no secrets, never cached."""
from __future__ import annotations

from flask import Blueprint, jsonify

from .. import health
from ..services import services

bp = Blueprint("health", __name__)


@bp.get("/health")
def status():
    svc = services()
    result = health.check(svc.corpus_counter, svc.engine)
    response = jsonify(result.to_dict())
    response.status_code = result.http_status
    response.headers["Cache-Control"] = "no-store"
    return response
