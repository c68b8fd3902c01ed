"""Security headers on every response. Nothing is loaded from another site and nothing runs inline:
scripts and styles come from our own /static files only. And the site's own address: with PUBLIC_URL set,
every absolute link the site writes (sitemap, robots.txt, canonical, feeds, API) uses it, not the Host
header of the request, which anyone can set."""
from __future__ import annotations

import os
from urllib.parse import urlsplit

from flask import Flask, Response

from .errors import KennisplatformError

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",  # for browsers that predate frame-ancestors
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def add_security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


class PublicURL:
    """WSGI middleware: every request is seen at the configured public address (scheme and host), so that
    request.host_url and url_for(_external=True) never repeat a Host header someone made up."""

    def __init__(self, wsgi_app, url: str):
        self.wsgi_app = wsgi_app
        self.scheme, self.host = parse_public_url(url)

    def __call__(self, environ, start_response):
        environ["HTTP_HOST"] = self.host
        environ["wsgi.url_scheme"] = self.scheme
        return self.wsgi_app(environ, start_response)


def parse_public_url(url: str) -> tuple[str, str]:
    """'https://kennisplatform.example.nl' -> ('https', 'kennisplatform.example.nl'); anything else (a path,
    no scheme, a user name) is refused in Dutch: the site is served at the root of its address."""
    try:
        parts = urlsplit(str(url).strip())
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc \
            or parts.path not in ("", "/") or parts.query or parts.fragment:
        raise KennisplatformError(f"PUBLIC_URL moet het adres van de site zijn, zoals "
                                  f"https://kennisplatform.example.nl (zonder pad), niet '{url}'.")
    return parts.scheme, parts.netloc.lower()


def register(app: Flask) -> None:
    app.after_request(add_security_headers)
    if app.config.get("PUBLIC_URL"):
        app.wsgi_app = PublicURL(app.wsgi_app, app.config["PUBLIC_URL"])
    elif os.environ.get("KENNISPLATFORM_ENV") == "production":
        app.logger.warning("KENNISPLATFORM_PUBLIC_URL is niet gezet: links in de sitemap, feeds en de API "
                           "gebruiken de Host van elk verzoek.")
