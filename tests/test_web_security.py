"""Security headers on every kind of response, and the sanitiser behind document pages."""
from __future__ import annotations

import pytest

from kennisplatform.render import render_markdown


@pytest.fixture(scope="module")
def client(read_only_client):
    return read_only_client


@pytest.mark.parametrize("url", ["/", "/zoeken?q=erfgoed", "/zoeken.json", "/verslagen", "/document/erfgoed-leiden",
                                 "/bestaat-niet", "/zoeken?page=abc", "/static/css/site.css", "/static/js/site.js"])
def test_security_headers_everywhere(client, url):
    with client.get(url) as response:
        headers = response.headers
    csp = headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_static_files_are_served_with_their_types(client):
    with client.get("/static/css/site.css") as css, client.get("/static/js/site.js") as js:
        assert css.mimetype == "text/css"
        assert js.mimetype in ("text/javascript", "application/javascript")


@pytest.mark.parametrize("markdown_text, forbidden", [
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(1)>", "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ("[x](javascript:alert(1))", "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ('<p onclick="alert(1)">x</p>', "onclick"),
    ('<div style="background:url(javascript:alert(1))">x</div>', "style"),
    ("<iframe src='https://elders.example'></iframe>", "iframe"),
    ("<svg><script>alert(1)</script></svg>", "alert"),
    ("<style>body{display:none}</style>", "display"),
    ("<form action='https://elders.example'><input name=x></form>", "<form"),
    ('<a href="https://x.example" target="_blank">x</a>', "target"),
    ("<!-- <script>alert(1)</script> -->", "alert"),
    ("<object data='x.swf'></object>", "<object"),
    ('<meta http-equiv="refresh" content="0;url=https://elders.example">', "refresh"),
    ('<base href="https://elders.example/">', "<base"),
])
def test_sanitiser_removes_active_content(markdown_text, forbidden):
    html = render_markdown(f"Tekst\n\n{markdown_text}\n\nmeer tekst").html
    assert forbidden.lower() not in html.lower()
    assert "Tekst" in html and "meer tekst" in html


def test_markdown_is_rendered_with_safe_links_and_tables():
    rendered = render_markdown("Zie [de site](https://www.kunstgebouw.nl) en *dit*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert '<a href="https://www.kunstgebouw.nl" rel="noopener noreferrer nofollow">de site</a>' in rendered.html
    assert "<em>dit</em>" in rendered.html and "<table>" in rendered.html
    assert str(rendered.html).count("<td>") == 2


def test_headings_are_shifted_in_order_with_ids_and_a_toc():
    rendered = render_markdown("# Een\n\ntekst\n\n#### Diep\n\n## Twee\n\n## Twee\n\n### Drie & vier")
    assert str(rendered.html).split("\n")[0] == '<h2 id="sectie-een">Een</h2>'
    assert '<h3 id="sectie-diep">Diep</h3>' in rendered.html  # no skipped level
    assert '<h3 id="sectie-twee-2">Twee</h3>' in rendered.html  # ids unique
    assert [(e.level, e.id, e.text) for e in rendered.toc] == [
        (2, "sectie-een", "Een"), (3, "sectie-diep", "Diep"), (3, "sectie-twee", "Twee"),
        (3, "sectie-twee-2", "Twee"), (4, "sectie-drie-vier", "Drie & vier")]
    assert rendered.sections == 3


def test_empty_and_plain_text():
    assert render_markdown("").html == "" and render_markdown("").toc == ()
    assert render_markdown("Alleen tekst.").toc == () and render_markdown("Alleen tekst.").sections == 0


def test_heading_ids_cannot_be_injected():
    rendered = render_markdown('## <span id="inhoud">Kop</span>\n\n<h2 id="x" onclick="y">Andere</h2>')
    assert 'id="inhoud"' not in rendered.html and 'id="x"' not in rendered.html
    assert [e.id for e in rendered.toc] == ["sectie-kop", "sectie-andere"]
