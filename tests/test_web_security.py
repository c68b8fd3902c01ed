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


# -- HEAD never runs a POST's code ---------------------------------------------------------------------------
# Flask sends HEAD to a GET view and CSRFProtect does not check HEAD: a view that took "not GET" for a POST
# logged in, saved and deleted on a HEAD with a form body and no token.
ROUTE_VALUES = {"doc_id": "erfgoed-dordrecht", "version": "1"}


def _files(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _head_body(**extra) -> dict:
    from editor_support import form_data

    return {**form_data(title="Via HEAD opgeslagen", body="Via HEAD."), "naam": "redacteur",
            "wachtwoord": "een-lang-wachtwoord", "document": "erfgoed-dordrecht", "veld": "themes",
            "waarde": "erfgoed", **extra}


def _post_urls(app) -> list[str]:
    """Every address of the app that takes a POST, with its variables filled in (a new kind of variable
    fails here, so that a future route is not silently left out)."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods:
            missing = set(rule.arguments) - set(ROUTE_VALUES)
            assert not missing, f"{rule.rule}: give ROUTE_VALUES a value for {missing}"
            urls.append(rule.build({name: ROUTE_VALUES[name] for name in rule.arguments})[1])
    return urls


def test_head_with_a_form_body_changes_nothing_on_any_post_route(corpus_dir, index_dir, tmp_path):
    import io

    from editor_support import login, make_app

    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    urls = _post_urls(app)
    assert {"/inloggen", "/redactie/nieuw", "/redactie/document/erfgoed-dordrecht",
            "/redactie/document/erfgoed-dordrecht/verwijderen", "/redactie/importeren"} <= set(urls)
    editor, visitor = app.test_client(), app.test_client()
    assert login(editor).status_code == 302
    before = _files(corpus_dir), _files(tmp_path / "instance")
    for url in urls:
        for client in (editor, visitor):
            upload = (io.BytesIO(b"Via HEAD\n\n1 mei 2024\nTekst."), "via-head.txt")
            response = client.open(url, method="HEAD", data=_head_body(bestanden=upload))
            assert response.status_code in (200, 302, 405), url
            if response.status_code == 302:  # to the login page, or (logged in) from it to the dashboard
                assert response.headers["Location"].startswith(("/inloggen", "/redactie/")), url
                assert not response.headers["Location"].startswith("/redactie/document/"), url  # a save's
    assert (_files(corpus_dir), _files(tmp_path / "instance")) == before  # nothing saved, deleted, counted
    assert visitor.get("/redactie/").status_code == 302  # the visitor is not logged in
    assert editor.get("/document/erfgoed-dordrecht").status_code == 200
    assert editor.get("/zoeken.json?q=via head").get_json()["total"] == 0


def test_head_on_the_login_page_never_counts_as_an_attempt(corpus_dir, index_dir, tmp_path):
    from editor_support import login, make_app

    app = make_app(corpus_dir, index_dir, tmp_path / "instance")
    client = app.test_client()
    for _ in range(8):  # more than users.MAX_FAILURES
        assert client.head("/inloggen").status_code == 200
        assert client.open("/inloggen", method="HEAD", data={"naam": "redacteur", "wachtwoord": "fout"}).status_code == 200
    assert not (tmp_path / "instance" / "login_attempts.json").exists()
    assert login(client).status_code == 302  # not locked out
