"""Blueprints, one per feature, registered by the app factory."""
from __future__ import annotations

from flask import Flask


def register_views(app: Flask) -> None:
    from . import api, errors, exports, search
    from . import browse, documents, findable, home, places
    from .. import security

    errors.register(app)
    app.register_blueprint(search.bp)
    app.register_blueprint(home.bp)
    app.register_blueprint(browse.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(places.bp)
    app.register_blueprint(findable.bp)
    security.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(api.entry)
    app.register_blueprint(exports.bp)
    from . import editor
    editor.register(app)  # editors: login, CSRF for all forms, /redactie
    from . import health, history
    app.register_blueprint(health.bp)  # /health for monitors
    app.register_blueprint(history.bp)  # /redactie: versions of a document, the trash
