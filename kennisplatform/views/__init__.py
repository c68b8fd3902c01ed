"""Blueprints, one per feature, registered by the app factory."""
from __future__ import annotations

from flask import Flask


def register_views(app: Flask) -> None:
    from . import api, errors, exports, search

    errors.register(app)
    app.register_blueprint(search.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(exports.bp)
