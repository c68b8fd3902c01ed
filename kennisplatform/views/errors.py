"""Dutch error pages for 400, 404, 405, 500 and the library's own errors. Under /api/ the API's
problem+json answers take over; /….json addresses get a small JSON error."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import KennisplatformError
from ..params import FACET_LABELS

TITLES = {
    400: "Ongeldige zoekopdracht",
    403: "Geen toegang",
    404: "Pagina niet gevonden",
    405: "Methode niet toegestaan",
    413: "Verzoek te groot",
    416: "Bereik bestaat niet",
    422: "Niet te verwerken",
    500: "Er ging iets mis",
    503: "Tijdelijk niet beschikbaar",
}
MESSAGES = {
    400: "Het adres bevat een waarde die we niet kunnen gebruiken.",
    403: "U hebt geen toegang tot deze pagina.",
    404: "Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt, of is het document verplaatst.",
    405: "Deze pagina kan niet op deze manier worden opgevraagd.",
    413: "Het verzoek is te groot.",
    416: "Het gevraagde deel van dit bestand bestaat niet.",
    500: "Door een fout aan onze kant kon deze pagina niet worden getoond. Probeer het later opnieuw.",
    503: "De zoekindex wordt bijgewerkt. Probeer het over een paar seconden opnieuw.",
}
# Any other 4xx (a Range past the end, a missing Content-Length): the request's fault, not "ours" as the
# 500 texts said.
CLIENT_TITLE = "Ongeldig verzoek"
CLIENT_MESSAGE = "Dit verzoek kan niet worden verwerkt."


def error_response(status: int, message: str | None = None, parameter: str | None = None,
                   repairs: Callable[[], list[Repair]] | None = None, title: str | None = None):
    """The page (or JSON, for a .json address) for an error status; `repairs`: the page's links to the same
    address put right (made only for the page); `title`: other than the status's own (a 400 is an invalid
    search, with a link to a new one, unless it says otherwise)."""
    message = message or MESSAGES.get(status, CLIENT_MESSAGE if status < 500 else MESSAGES[500])
    if request.path.endswith(".json"):
        body = {"status": status, "error": message, **({"parameter": parameter} if parameter else {})}
        return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json")
    search_again = status == 400 and title is None
    title = title or TITLES.get(status, CLIENT_TITLE if status < 500 else TITLES[500])
    return render_template("error.html", status=status, title=title, search_again=search_again,
                           message=message, parameter=parameter,
                           repairs=repairs() if repairs else []), status


def _api_error(error: HTTPException):
    """The API's own answer for errors raised before one of its views ran (None elsewhere)."""
    try:
        from .api import api_http_error
    except ImportError:  # the API is not part of this build
        return None
    return api_http_error(error)


@dataclass(frozen=True)
class Repair:
    """A link on a 400 page: the same address with the one wrong value left out or replaced."""

    label: str
    url: str


def repairs(parameter: str, value: str, suggestion: str | None) -> list[Repair]:
    """The request's own address without the wrong value (its query and other filters kept: an old bookmark
    or a link from before the taxonomy changed), and with the value it is close to."""
    pairs = list(request.args.items(multi=True))
    if (parameter, value) not in pairs:
        return []
    label = FACET_LABELS.get(parameter, parameter).lower()

    def url(replacement: str | None) -> str:
        kept = [(k, replacement if (k, v) == (parameter, value) else v) for k, v in pairs]
        query = urlencode([(k, v) for k, v in kept if v is not None])
        return request.path + (f"?{query}" if query else "")

    found = [Repair(f"Met {label} ‘{suggestion}’", url(suggestion))] if suggestion else []
    return found + [Repair(f"Zonder {label} ‘{value[:60]}’", url(None))]


def handle_library_error(error: KennisplatformError):
    value = getattr(error, "value", None)
    fixes = (lambda: repairs(error.name, value, error.suggestion)) if value is not None else None
    return error_response(error.status, error.message, getattr(error, "name", None), fixes)


def handle_http_error(error: HTTPException):
    api = _api_error(error)
    if api is not None:
        return api
    status = error.code or 500
    try:
        response = error_response(status)
    except Exception:  # the error page itself failed (a broken template, no index): plain text, still Dutch
        if status < 500:
            raise
        return Response(MESSAGES[500], status=500, mimetype="text/plain")
    if status == 405 and getattr(error, "valid_methods", None):
        body, code = response if isinstance(response, tuple) else (response, status)
        return body, code, {"Allow": ", ".join(error.valid_methods)}
    return response


def register(app: Flask) -> None:
    """Unexpected exceptions become a 500 through Flask's own path (logged, then the InternalServerError
    handler, i.e. handle_http_error); under TESTING they propagate, so a test shows the traceback."""
    app.register_error_handler(KennisplatformError, handle_library_error)
    app.register_error_handler(HTTPException, handle_http_error)
