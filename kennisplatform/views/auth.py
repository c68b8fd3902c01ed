"""Login and logout for editors, the `login_required` guard, and CSRF protection for every form.

Accounts live in the instance folder (users.py; created with `kennisplatform user add NAME`). The session
cookie is HttpOnly and SameSite=Lax, and Secure in production (set in create_app, enforced here too).
Every POST in the app needs a CSRF token (Flask-WTF's CSRFProtect); GET pages are not affected. CSRFProtect
skips HEAD, and Flask sends HEAD to GET views, so a view that takes GET and POST must branch on
`request.method == "POST"` (never on "GET"): a HEAD then reads like a GET and writes nothing."""
from __future__ import annotations

import functools
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

from flask import (Blueprint, Flask, current_app, g, redirect, render_template, request, session,
                   url_for)
from flask_wtf.csrf import CSRFError, CSRFProtect

from .. import users

bp = Blueprint("auth", __name__)
csrf = CSRFProtect()
SESSION_KEY = "editor"


def current_editor() -> str | None:
    """The logged-in editor's name; None when not logged in or when the account no longer exists."""
    if "editor_checked" in g:
        return g.editor
    name = session.get(SESSION_KEY)
    if name and name not in users.list_users(instance_path()):
        session.clear()
        name = None
    g.editor_checked, g.editor = True, name
    return name


def instance_path() -> Path:
    return Path(current_app.config.get("USERS_DIR") or current_app.instance_path)


def login_required(view):
    """Editing pages and their POSTs: without a login, a redirect to the login page (and back after)."""
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if current_editor() is None:
            back = request.full_path if request.method in ("GET", "HEAD") and request.query_string else request.path
            return redirect(url_for("auth.login", volgende=back))
        return view(*args, **kwargs)

    return wrapped


def safe_next(target: str | None) -> str:
    """Only an address on this site: no scheme, no host, no '//' or backslash tricks."""
    if not target:
        return url_for("editor.dashboard")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")) \
            or "\\" in target:
        return url_for("editor.dashboard")
    return target.rstrip("?") or url_for("editor.dashboard")


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    next_url = request.values.get("volgende", "")
    if request.method != "POST":  # GET and HEAD: never an attempt (HEAD carries no CSRF check)
        if current_editor():
            return redirect(safe_next(next_url))
        return render_template("auth/login.html", name="", next_url=next_url, error=None)
    name = users.normalise_name(request.form.get("naam", ""))[:100]
    password = request.form.get("wachtwoord", "")[:1000]
    client = request.remote_addr
    limit = users.limited(instance_path(), name, client)
    if limit:
        minutes = max(1, round(limit.retry_after / 60))
        error = f"Te veel mislukte pogingen. Probeer het over {minutes} {'minuut' if minutes == 1 else 'minuten'} opnieuw."
        return (render_template("auth/login.html", name=name, next_url=next_url, error=error), 429,
                {"Retry-After": str(limit.retry_after)})
    account = users.verify(instance_path(), name, password)
    if account is None:
        users.record_failure(instance_path(), name, client)
        error = "Deze combinatie van naam en wachtwoord kennen we niet."
        return render_template("auth/login.html", name=name, next_url=next_url, error=error), 401
    users.clear_failures(instance_path(), name, client)
    session.clear()  # a fresh session (and CSRF token) at every login
    session[SESSION_KEY] = account
    session["since"] = int(time.time())
    return redirect(safe_next(next_url))


@bp.post("/uitloggen")
def logout():
    session.clear()
    return redirect(url_for("home.index"))


def csrf_error(error: CSRFError):
    from .errors import error_response

    if _unreadable_form():
        message = ("Het formulier kon niet worden gelezen: het kwam onvolledig aan, of een bestandsnaam bevat "
                   "tekens die geen UTF-8 zijn. Er is niets opgeslagen. Laad de pagina opnieuw en probeer het nog "
                   "eens (geef het bestand zo nodig een andere naam).")
        return error_response(400, message, title="Formulier niet leesbaar")
    return error_response(400, "Het formulier is verlopen of niet compleet verstuurd. Laad de pagina "
                               "opnieuw en probeer het nog eens; wat u typte staat dan mogelijk niet meer in het formulier.",
                          title="Formulier verlopen")


def _unreadable_form() -> bool:
    """A form sent but read as empty: werkzeug drops a whole multipart form whose part headers are not UTF-8
    (a file name from a Latin-1 system) or that is cut off, and the missing token then read as "expired"."""
    return (request.mimetype == "multipart/form-data" and (request.content_length or 0) > 0
            and not request.form and not request.files)


def register(app: Flask) -> None:
    """CSRF for every form of the app, the secure cookie settings, the login pages."""
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)  # long enough to write a long article
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    if os.environ.get("KENNISPLATFORM_ENV") == "production":
        app.config["SESSION_COOKIE_SECURE"] = True
    csrf.init_app(app)
    app.register_error_handler(CSRFError, csrf_error)
    app.register_blueprint(bp)

    @app.context_processor
    def _editor() -> dict:
        return {"current_editor": current_editor}
