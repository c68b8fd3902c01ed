"""The editors' pages: login, CSRF, the form (validation, preview, suggestions, duplicates), saving, deleting,
uploads and the search-log report."""
from __future__ import annotations

import io
import re

import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from editor_support import EDITOR, FIXTURES, PASSWORD, SEED, form_data, login, make_app, token
from kennisplatform import searchlog, users
from kennisplatform.params import QUERY_MAX, SearchParams

EDITING_PAGES = ["/redactie/", "/redactie/nieuw", "/redactie/importeren", "/redactie/zoekvragen",
                 "/redactie/zonder-datum",
                 "/redactie/document/erfgoed-dordrecht", "/redactie/document/erfgoed-dordrecht/verwijderen"]


@pytest.fixture
def app(corpus_dir, index_dir, tmp_path):
    return make_app(corpus_dir, index_dir, tmp_path / "instance")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def editor(client):
    assert login(client).status_code == 302
    return client


def post_form(client, url="/redactie/nieuw", **fields):
    data = form_data(**fields)
    if "csrf_token" not in data:  # (a deleted document's page has no form to take one from)
        data["csrf_token"] = token(client, url)
    return client.post(url, data=data)


def text(response) -> str:
    return response.get_data(as_text=True)


# -- login ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", EDITING_PAGES)
def test_every_editing_page_requires_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/inloggen?volgende=")


def test_posts_require_login(client):
    csrf = token(client)  # a valid token, but no login
    for url in ("/redactie/nieuw", "/redactie/document/erfgoed-dordrecht", "/redactie/importeren",
                "/redactie/document/erfgoed-dordrecht/verwijderen"):
        response = client.post(url, data=form_data(csrf_token=csrf))
        assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen")
    assert (client.application.config["CORPUS_DIR"])  # nothing was saved or deleted:
    assert client.get("/document/erfgoed-dordrecht").status_code == 200


def test_login_brings_the_editor_back_and_logout_ends_the_session(client):
    response = client.get("/redactie/zoekvragen")
    target = response.headers["Location"]
    page = client.get(target)
    assert 'name="volgende" value="/redactie/zoekvragen"' in text(page)
    response = client.post("/inloggen", data={"naam": EDITOR, "wachtwoord": PASSWORD, "volgende": "/redactie/zoekvragen",
                                              "csrf_token": token(client)})
    assert response.headers["Location"] == "/redactie/zoekvragen"
    assert client.get("/redactie/").status_code == 200
    response = client.post("/uitloggen", data={"csrf_token": token(client, "/redactie/")})
    assert response.status_code == 302
    assert client.get("/redactie/").status_code == 302


@pytest.mark.parametrize("target", ["https://kwaad.example/", "//kwaad.example/x", "/\\kwaad.example", "javascript:alert(1)"])
def test_login_never_redirects_to_another_site(client, target):
    response = client.post("/inloggen", data={"naam": EDITOR, "wachtwoord": PASSWORD, "volgende": target,
                                              "csrf_token": token(client)})
    assert response.headers["Location"] == "/redactie/"


def test_a_wrong_password_is_refused_and_attempts_are_limited(client):
    for _ in range(users.MAX_FAILURES):
        response = client.post("/inloggen", data={"naam": EDITOR, "wachtwoord": "fout", "csrf_token": token(client)})
        assert response.status_code == 401
        assert "Deze combinatie van naam en wachtwoord kennen we niet." in text(response)
    response = client.post("/inloggen", data={"naam": EDITOR, "wachtwoord": PASSWORD, "csrf_token": token(client)})
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "Te veel mislukte pogingen" in text(response)
    assert client.get("/redactie/").status_code == 302  # even the right password waits


def test_the_session_cookie_is_httponly_and_samesite_lax(client):
    response = login(client)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_the_session_cookie_is_secure_in_production(corpus_dir, index_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KENNISPLATFORM_ENV", "production")
    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    assert "Secure" in login(client).headers["Set-Cookie"]


def test_a_removed_account_is_logged_out(editor, app):
    users.remove_user(app.config["USERS_DIR"], EDITOR)
    assert editor.get("/redactie/").status_code == 302


# -- CSRF -------------------------------------------------------------------------------------------------
def test_a_post_without_csrf_token_is_refused(editor):
    for url in ("/redactie/nieuw", "/redactie/document/erfgoed-dordrecht/verwijderen", "/uitloggen"):
        response = editor.post(url, data=form_data(title="Zonder token"))
        assert response.status_code == 400, url
        assert "Het formulier is verlopen" in text(response)
    response = editor.post("/redactie/nieuw", data=form_data(title="Vals token", csrf_token="vals"))
    assert response.status_code == 400
    assert editor.get("/document/erfgoed-dordrecht").status_code == 200
    assert "Zonder token" not in text(editor.get("/redactie/"))


def test_an_expired_document_form_comes_back_with_the_text_typed(editor, corpus_dir):
    """Logging in again in another tab (or writing for longer than a token lasts) made the next save a CSRF
    error page titled 'Ongeldige zoekopdracht', and the text written was gone."""
    text_typed = "Een lange tekst over dans <b>en</b> erfgoed, met zorg geschreven."
    response = editor.post("/redactie/nieuw", data=form_data(title="Verlopen formulier", body=text_typed,
                                                             csrf_token="verlopen"))
    page = text(response)
    assert response.status_code == 400 and "uw tekst is nog niet opgeslagen" in page
    assert "Een lange tekst over dans &lt;b&gt;en&lt;/b&gt; erfgoed" in page and 'value="Verlopen formulier"' in page
    assert not list(corpus_dir.glob("verslagen/verlopen-formulier*.md"))
    again = editor.post("/redactie/nieuw", data=form_data(title="Verlopen formulier", body=text_typed,
                                                          csrf_token=token(editor, "/redactie/nieuw")))
    assert again.status_code == 302
    other = editor.post("/redactie/document/erfgoed-dordrecht/verwijderen", data={"csrf_token": "verlopen"})
    assert other.status_code == 400 and "<h1>Formulier verlopen</h1>" in text(other)
    assert "Ongeldige zoekopdracht" not in text(other) and "nieuwe zoekopdracht" not in text(other)
    assert "Begin een nieuwe zoekopdracht" in text(editor.get("/zoeken?theme=onbestaand"))  # a search's 400 does

def test_login_itself_needs_a_csrf_token(client):
    response = client.post("/inloggen", data={"naam": EDITOR, "wachtwoord": PASSWORD})
    assert response.status_code == 400


def test_public_pages_are_unaffected(client):
    assert client.get("/zoeken?q=erfgoed").status_code == 200
    assert client.get("/").status_code == 200


# -- the form -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fields, field, message", [
    ({"title": ""}, "title", "Vul een titel in."),
    ({"title": "x" * 301}, "title", "De titel is te lang: 301 tekens, hooguit 300."),
    ({"title": "x" * 2345}, "title", "De titel is te lang: 2345 tekens, hooguit 300."),  # counted, not cut first
    ({"type": ""}, "type", "Kies de soort: verslag, voorbeeldproject of artikelsamenvatting."),
    ({"type": "folder"}, "type", "Kies een van de soorten uit de lijst."),
    ({"date": "2023-02-30"}, "date", "&#39;2023-02-30&#39; is geen geldige datum; schrijf JJJJ-MM-DD"),
    ({"date": "1850-01-01"}, "date", "Deze datum ligt te ver in het verleden of de toekomst."),
    ({"summary": "z" * 1001}, "summary", "De samenvatting is te lang: 1001 tekens, hooguit 1000."),
    ({"body": "  \n "}, "body", "Vul de tekst van het document in."),
    ({"source_url": "javascript:alert(1)"}, "source_url", "Het bronadres moet een volledig webadres zijn"),
    ({"source_url": "https://[a.b/pagina"}, "source_url", "Het bronadres moet een volledig webadres zijn"),
    ({"type": "artikel"}, "source_publication", "Bij een artikelsamenvatting hoort een bron"),
    ({"themes": ["erfgoed", "astrologie"]}, "themes", "Onbekende waarde: astrologie."),
])
def test_each_validation_error_appears_next_to_its_field_and_keeps_the_input(editor, fields, field, message):
    typed = {"title": "Mijn titel <b>", "body": "Mijn tekst & meer", "summary": "Mijn samenvatting", **fields}
    response = post_form(editor, **typed)
    assert response.status_code == 422
    page = text(response)
    match = re.search(rf'<p class="field__error" id="fout-{field}"><span class="visually-hidden">Fout: </span>([^<]*)</p>',
                      page)
    assert match and match.group(1).startswith(message), page[:200]
    assert f'aria-describedby="hint-{field} fout-{field}"' in page or f'aria-describedby="fout-{field}"' in page \
        or field == "themes"
    assert f'href="#veld-{field}"' in page  # the summary at the top links to the field
    if typed["title"] and field != "title":
        assert 'value="Mijn titel &lt;b&gt;"' in page
    if field != "body":
        assert ">Mijn tekst &amp; meer</textarea>" in page
    if field == "themes":
        assert 'value="erfgoed" checked' in page


def test_a_document_saved_through_the_form_is_found_by_search_at_once(editor, corpus_dir):
    response = post_form(editor, title="Slotdag muziekeducatie Zoetermeer", body="De kwintencirkelproef was een succes.",
                         themes=["talentontwikkeling"], regions=["zoetermeer"])
    assert response.status_code == 302
    doc_id = "slotdag-muziekeducatie-zoetermeer-2024-02-01"
    assert response.headers["Location"] == f"/redactie/document/{doc_id}"
    assert "Document aangemaakt." in text(editor.get(response.headers["Location"]))
    results = editor.get("/zoeken.json?q=kwintencirkelproef").get_json()
    assert [hit["id"] for hit in results["hits"]] == [doc_id]
    assert (corpus_dir / "verslagen" / f"{doc_id}.md").exists()
    assert "kwintencirkelproef" in text(editor.get(f"/document/{doc_id}"))


def test_a_document_without_a_date_is_saved_and_listed_for_the_editors(editor, corpus_dir):
    assert "zonder datum" not in text(editor.get("/redactie/"))
    response = post_form(editor, title="Cultuurmenu Alphen zonder datum", date="", body="Het klankbordoverleg.")
    assert response.status_code == 302
    doc_id = "cultuurmenu-alphen-zonder-datum"  # no date in the slug
    assert "date:" not in (corpus_dir / "verslagen" / f"{doc_id}.md").read_text(encoding="utf-8")
    assert 'value=""' in text(editor.get(f"/redactie/document/{doc_id}")).split('id="veld-date"')[1][:200]
    dashboard = text(editor.get("/redactie/"))
    assert '<a href="/redactie/zonder-datum">1 document zonder datum</a>' in dashboard
    listed = text(editor.get("/redactie/zonder-datum"))
    assert f'href="/document/{doc_id}"' in listed and "datum onbekend" in listed
    assert listed.count('href="/document/') == 1  # the dated documents are not listed
    assert "datum onbekend" in text(editor.get(f"/document/{doc_id}"))


def test_editing_through_the_form_keeps_the_id_and_detects_conflicts(editor, corpus_dir):
    page = text(editor.get("/redactie/document/erfgoed-dordrecht"))
    digest = re.search(r'name="digest" value="([0-9a-f]{64})"', page).group(1)
    assert 'value="Erfgoed dordrecht"' in page and 'value="erfgoed" checked' in page
    fields = dict(type="voorbeeldproject", title="Erfgoed in Dordrecht", date="2019-03-01", digest=digest,
                  body="Scholen bouwen samen aan de stadsgeschiedenistoets.", themes=["erfgoed"], regions=["dordrecht"])
    response = post_form(editor, "/redactie/document/erfgoed-dordrecht", **fields)
    assert response.headers["Location"] == "/redactie/document/erfgoed-dordrecht"
    hits = editor.get("/zoeken.json?q=stadsgeschiedenistoets").get_json()["hits"]
    assert [(h["id"], h["title"]) for h in hits] == [("erfgoed-dordrecht", "Erfgoed in Dordrecht")]
    # A second editor who opened the old version cannot overwrite the new one.
    response = post_form(editor, "/redactie/document/erfgoed-dordrecht", **{**fields, "body": "Oud."})
    assert response.status_code == 409
    assert "Iemand anders heeft dit document opgeslagen" in text(response)
    assert ">Oud.</textarea>" in text(response)  # what they typed is still there


@pytest.mark.parametrize("summary, lead, body_starts", [
    ("Eerste alinea over de leerlijn.", "Eerste alinea over de leerlijn.", "Tweede alinea."),  # shown once
    ("  **VERSLAG van de dag** ", None, "Eerste alinea over de leerlijn."),  # only repeats the title: no lead
])
def test_the_preview_shows_the_lead_and_body_as_the_document_page_does(editor, summary, lead, body_starts):
    response = post_form(editor, actie="voorbeeld", title="Verslag van de dag", summary=summary,
                         body="Eerste alinea over de leerlijn.\n\nTweede alinea.")
    assert response.status_code == 200
    page = text(response)
    preview = page[page.index('<section class="preview"'):page.index('<form id="documentformulier"')]
    found = re.search(r'<p class="lead">(.*?)</p>', preview)
    assert (found.group(1) if found else None) == lead
    assert re.search(r'<div class="prose">\s*<p>(.*?)</p>', preview).group(1) == body_starts


def test_preview_renders_the_page_and_hostile_html_is_inert(editor):
    hostile = ("## Kop\n\n<script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n"
               "[klik](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">a</a>\n\n"
               "<iframe src=\"https://kwaad.example\"></iframe> **vet**")
    response = post_form(editor, actie="voorbeeld", title="Voorbeeld", body=hostile)
    assert response.status_code == 200
    page = text(response)
    preview = page[page.index('<section class="preview"'):page.index('<form id="documentformulier"')]
    assert "<strong>vet</strong>" in preview and "<h2" in preview
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<img"):
        assert bad not in preview, bad
    # And the same text saved: inert on the public document page too.
    response = post_form(editor, title="Vijandige tekst", body=hostile)
    doc_page = text(editor.get("/document/vijandige-tekst-2024-02-01"))
    article = doc_page[doc_page.index('<div class="prose">'):]
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<img"):
        assert bad not in article, bad


def test_suggestions_for_the_seed_report_and_accepting_them(editor):
    title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    response = post_form(editor, actie="suggesties", type="", title=title, body=body, date="2023-06-22")
    page = text(response)
    suggestions = page[page.index('<section class="suggestions"'):page.index("</section>", page.index('<section class="suggestions"'))]
    for expected in ("Verslag", "Vlaardingen", "Krimpen aan den IJssel"):
        assert expected in suggestions
    response = post_form(editor, actie="overnemen", type="", title=title, body=body, date="2023-06-22")
    page = text(response)
    assert '<option value="verslag" selected>' in page
    assert 'value="vlaardingen" checked' in page and 'value="krimpen-aan-den-ijssel" checked' in page


def suggestions_section(page: str) -> str:
    start = page.index('<section class="suggestions"')
    return page[start:page.index("</section>", start)]


def test_the_publication_suggests_the_place_as_an_import_would(editor):
    fields = dict(actie="suggesties", type="", title="Begroting cultuur", date="2024-01-10",
                  body="Met dit programma stimuleert de gemeente het culturele klimaat van haar inwoners. " * 3)
    assert "Krimpenerwaard" not in suggestions_section(text(post_form(editor, **fields)))
    page = text(post_form(editor, source_publication="Begroting 2026-2029 gemeente Krimpenerwaard", **fields))
    assert "Krimpenerwaard" in suggestions_section(page)


def test_a_known_source_address_warns_and_links_to_the_document(editor):
    fields = dict(type="artikel", title="Iets nieuws", body="Een andere tekst.",
                  source_url="https://voorbeeld.example/artikel/")
    response = post_form(editor, **fields)
    assert response.status_code == 409
    page = text(response)
    assert '<a href="/document/deskundigheid-landelijk">Deskundigheid landelijk</a> heeft hetzelfde bronadres' in page
    assert 'name="confirm_duplicate"' in page
    response = post_form(editor, confirm_duplicate="1", **fields)
    assert response.status_code == 302


def test_a_very_similar_text_warns(editor):
    body = text(editor.get("/redactie/document/netwerk-haaglanden")).split('name="body"')[1]
    body = body.split(">", 1)[1].split("</textarea>")[0]
    response = post_form(editor, actie="voorbeeld", title="Netwerk Haaglanden", body=body.replace("&#39;", "'"))
    assert 'href="/document/netwerk-haaglanden"' in text(response)
    assert "overeenkomst" in text(response)


def test_delete_moves_the_document_to_the_trash(editor, corpus_dir):
    page = text(editor.get("/redactie/document/erfgoed-leiden/verwijderen"))
    assert "prullenbak" in page
    response = editor.post("/redactie/document/erfgoed-leiden/verwijderen",
                           data={"csrf_token": token(editor, "/redactie/document/erfgoed-leiden/verwijderen")})
    assert response.status_code == 302
    assert editor.get("/document/erfgoed-leiden").status_code == 404
    assert list((corpus_dir / ".prullenbak" / "voorbeeldprojecten").glob("erfgoed-leiden.*.md"))
    assert editor.get("/redactie/document/erfgoed-leiden").status_code == 404


# -- upload ------------------------------------------------------------------------------------------------
def upload(client, files, **fields):
    # Encoded in memory: the test client's own encoding spills large bodies to a temp file it never closes.
    data = MultiDict({"csrf_token": token(client, "/redactie/importeren"), **fields})
    for name, content in files:
        data.add("bestanden", FileStorage(io.BytesIO(content), filename=name))
    boundary, body = encode_multipart(data)
    return client.post("/redactie/importeren", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_editors_upload_files_for_import(editor):
    html = (FIXTURES / "artikel-met-navigatie.html").read_bytes()
    response = upload(editor, [("pagina.html", html), ("virus.exe", b"MZ"), ("notities.txt", b"Titel\n\nGeen datum.")])
    page = text(response)
    assert response.status_code == 200
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 dubbel, 1 mislukt" in page  # no date: imported all the same
    assert "bestandstype .exe is niet toegestaan" in page
    assert editor.get("/zoeken.json?q=%22cultuurmakers%22").get_json()["total"] == 1  # quoted: the word, not its parts
    again = text(upload(editor, [("pagina.html", html)]))
    assert "0 nieuw, 0 bijgewerkt, 1 ongewijzigd" in again


def test_an_upload_gives_files_without_a_date_the_date_of_the_form(editor):
    note = ("notities.txt", b"Notities over dans\n\nGeen datum in deze tekst.")
    bad = upload(editor, [note], datum="14-03-2024")
    assert bad.status_code == 400 and "ongeldige datum &#39;14-03-2024&#39;: gebruik JJJJ-MM-DD" in text(bad)
    assert "1 nieuw" in text(upload(editor, [note], datum="2024-03-14"))
    assert editor.get("/document/notities-over-dans-2024-03-14").status_code == 200


def test_uploads_have_a_size_limit(editor, app):
    big = b"Titel\n\n1 mei 2024\n" + b"x" * (2_000_001)
    page = text(upload(editor, [("groot.txt", big)]))
    assert "groter dan 2 MB" in page
    app.config["MAX_CONTENT_LENGTH"] = 1000  # the whole request (create_app sets 40 MB)
    response = editor.post("/redactie/importeren", data=b"x" * 2000,
                           content_type="multipart/form-data; boundary=grens")
    assert response.status_code == 413


def test_an_upload_without_files_is_refused(editor):
    response = editor.post("/redactie/importeren", data={"csrf_token": token(editor, "/redactie/importeren")})
    assert response.status_code == 400 and "Kies een of meer bestanden." in text(response)


def test_a_long_uploaded_file_name_keeps_its_extension(editor):
    """A name longer than 200 characters was cut with its extension, so the file was refused as having no
    file type."""
    long_name = "Verslag van de netwerkbijeenkomst over cultuureducatie " * 5 + ".txt"
    page = text(upload(editor, [(long_name, b"Een lange naam\n\nOver muziek op school.")]))
    assert "1 nieuw" in page and "bestandstype" not in page



def test_an_upload_whose_file_name_is_not_utf8_is_said_to_be_unreadable_not_expired(editor):
    """werkzeug drops a whole multipart form whose part headers are not UTF-8; the missing CSRF token then
    said "Het formulier is verlopen", which reloading the page does not help."""
    body = (b'--grens\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
            + token(editor, "/redactie/importeren").encode()
            + b'\r\n--grens\r\nContent-Disposition: form-data; name="bestanden"; filename="caf\xe9.html"\r\n\r\n'
              b"<p>Tekst over erfgoed</p>\r\n--grens--\r\n")
    response = editor.post("/redactie/importeren", data=body, content_type="multipart/form-data; boundary=grens")
    page = text(response)
    assert response.status_code == 400 and "<h1>Formulier niet leesbaar</h1>" in page
    assert "geen UTF-8" in page and "verlopen" not in page

def test_every_search_box_stops_at_the_length_a_query_is_cut_to(editor):
    """The header's search box took any length: a long pasted text went into the address, and over gunicorn's
    limit the searcher got an error page instead of a search on its first words."""
    for url in ("/", "/zoeken?q=dans", "/bestaat-niet", "/redactie/"):
        boxes = BeautifulSoup(text(editor.get(url)), "html.parser").select('input[name="q"]:not([type="hidden"])')
        assert boxes and all(box.get("maxlength") == str(QUERY_MAX) for box in boxes), url

# -- what searchers miss ---------------------------------------------------------------------------------------
def test_the_search_log_page_lists_zero_result_queries(editor, app):
    for q, total in (("cultuurkaart", 0), ("cultuurkaart", 0), ("erfgoed", 3)):
        searchlog.record(app.instance_path, SearchParams(q=q), total)
    page = text(editor.get("/redactie/zoekvragen"))
    missing = page[page.index('id="niets-kop"'):page.index('id="vaak-kop"')]
    assert re.search(r">cultuurkaart</a></td><td>2</td>", missing)
    assert "erfgoed" not in missing


def test_the_footer_offers_login_to_visitors_and_the_editors_pages_to_an_editor(client):
    assert "Inloggen voor redacteuren" in text(client.get("/zoeken"))
    assert login(client).status_code == 302
    page = text(client.get("/zoeken"))
    assert "Inloggen voor redacteuren" not in page and 'href="/redactie/">Redactie</a>' in page


def test_control_characters_in_form_fields_are_not_saved(editor, corpus_dir):
    """A NUL or escape code typed or pasted into a field went into the corpus file as is; Word's line break
    (vertical tab) becomes a new line."""
    response = post_form(editor, title="Erfgoed\x00 in Leiden\x1b", date="",
                         body="Eerste regel\x0bTweede regel met \x00nul.")
    assert response.status_code == 302
    saved = (corpus_dir / "verslagen" / "erfgoed-in-leiden.md").read_text(encoding="utf-8")
    assert "title: Erfgoed in Leiden\n" in saved
    assert "Eerste regel\nTweede regel met nul." in saved
    assert "\\0" not in saved and "\x00" not in saved


# -- saving against a version that changed or went away -------------------------------------------------------
def opened_digest(client, url: str) -> str:
    return re.search(r'name="digest" value="([0-9a-f]{64})"', text(client.get(url))).group(1)


def conflict_section(page: str) -> str:
    start = page.index('<section class="notice notice--warning conflict"')
    return page[start:page.index("</section>", start)]


LEIDEN = dict(type="voorbeeldproject", title="Erfgoed leiden", date="2024-01-15", themes=["erfgoed"],
              regions=["leiden"])


def test_saving_a_document_deleted_meanwhile_keeps_the_text_and_offers_to_restore_it(editor, corpus_dir):
    url = "/redactie/document/erfgoed-leiden"
    digest = opened_digest(editor, url)
    csrf = token(editor, "/redactie/nieuw")
    assert editor.post(f"{url}/verwijderen", data={"csrf_token": csrf}).status_code == 302  # someone else
    response = post_form(editor, url, csrf_token=csrf, digest=digest, body="Mijn nieuwe tekst over de wijk.", **LEIDEN)
    assert response.status_code == 409
    page = text(response)
    assert "Dit document is verwijderd nadat u het opende" in page
    assert ">Mijn nieuwe tekst over de wijk.</textarea>" in page  # nothing typed is lost
    assert "Verwijderd door <strong>redacteur</strong>" in conflict_section(page)
    assert 'name="actie" value="terugzetten"' in page and 'formaction="/redactie/nieuw"' in page
    # "Terugzetten en opslaan": the document is back under its id, with the editor's text.
    response = post_form(editor, url, csrf_token=csrf, digest=digest, actie="terugzetten",
                         body="Mijn nieuwe tekst over de wijk.", **LEIDEN)
    assert response.status_code == 302 and response.headers["Location"] == url
    saved = (corpus_dir / "voorbeeldprojecten" / "erfgoed-leiden.md").read_text(encoding="utf-8")
    assert "Mijn nieuwe tekst over de wijk." in saved
    assert [h["id"] for h in editor.get("/zoeken.json?q=wijk").get_json()["hits"]] == ["erfgoed-leiden"]


def test_saving_a_document_that_never_existed_keeps_the_text(editor):
    response = post_form(editor, "/redactie/document/bestaat-niet", csrf_token=token(editor, "/redactie/nieuw"),
                         digest="0" * 64, body="Tekst die niet verloren mag gaan.")
    assert response.status_code == 404
    page = text(response)
    assert ">Tekst die niet verloren mag gaan.</textarea>" in page and "bestaat niet (meer)" in page
    assert 'value="terugzetten"' not in page and 'formaction="/redactie/nieuw"' in page


def test_an_edit_without_a_digest_overwrites_nothing(editor, corpus_dir):
    url = "/redactie/document/erfgoed-leiden"
    path = corpus_dir / "voorbeeldprojecten" / "erfgoed-leiden.md"
    before = path.read_bytes()
    response = post_form(editor, url, body="Zonder versie opgeslagen.", **LEIDEN)  # no digest field
    assert response.status_code == 409
    assert path.read_bytes() == before
    page = text(response)
    assert "het formulier gaf niet aan van welke versie u uitging" in page
    assert ">Zonder versie opgeslagen.</textarea>" in page
    assert "films over het erfgoed van hun wijk" in conflict_section(page)  # what is saved now
    # The form now carries the saved version's digest: saving again is a deliberate choice.
    digest = re.search(r'name="digest" value="([0-9a-f]{64})"', page).group(1)
    assert post_form(editor, url, body="Zonder versie opgeslagen.", digest=digest, **LEIDEN).status_code == 302
    assert "Zonder versie opgeslagen." in path.read_text(encoding="utf-8")


def test_an_edit_conflict_shows_the_other_version_and_can_be_resolved(app, corpus_dir):
    from editor_support import login
    from kennisplatform import versions

    url = "/redactie/document/erfgoed-leiden"
    tab_a, tab_b = app.test_client(), app.test_client()
    login(tab_a), login(tab_b)
    digest_a, digest_b = opened_digest(tab_a, url), opened_digest(tab_b, url)
    assert post_form(tab_a, url, digest=digest_a, body="Jongeren maken films over de molens van hun wijk.",
                     **LEIDEN).status_code == 302
    typed_b = "Jongeren maken foto's van het erfgoed van hun wijk."
    response = post_form(tab_b, url, digest=digest_b, body=typed_b, **{**LEIDEN, "title": "Erfgoed in Leiden"})
    assert response.status_code == 409
    page = text(response)
    assert "Iemand anders heeft dit document opgeslagen" in page
    assert f">{typed_b.replace(chr(39), '&#39;')}</textarea>" in page
    shown = conflict_section(page)
    assert re.search(r"<ins><span class=\"visually-hidden\">\[alleen opgeslagen:\] </span>[^<]*molens", shown)
    assert re.search(r"<del><span class=\"visually-hidden\">\[alleen uw tekst:\] </span>[^<]*foto", shown)
    assert "<del>Erfgoed in Leiden</del>" in shown and "<ins>Erfgoed leiden</ins>" in shown  # the title differs
    # The form carries the digest of A's version: B's second save is deliberate and wins.
    new_digest = re.search(r'name="digest" value="([0-9a-f]{64})"', page).group(1)
    assert new_digest != digest_b
    response = post_form(tab_b, url, digest=new_digest, body=typed_b, **{**LEIDEN, "title": "Erfgoed in Leiden"})
    assert response.status_code == 302
    saved = (corpus_dir / "voorbeeldprojecten" / "erfgoed-leiden.md").read_text(encoding="utf-8")
    assert typed_b in saved and "molens" not in saved
    texts = [versions.text_of(corpus_dir, v) for v in versions.versions_of(corpus_dir, "erfgoed-leiden")]
    assert "molens" in texts[-2] and typed_b in texts[-1]  # A's version stays in the history
    # A third tab still on the first version conflicts again: nothing is overwritten by accident.
    assert post_form(tab_a, url, digest=digest_a, body="Oud.", **LEIDEN).status_code == 409


def test_saving_the_text_that_is_already_there_is_no_conflict(app, corpus_dir):
    from editor_support import login

    url = "/redactie/document/erfgoed-leiden"
    tab_a, tab_b = app.test_client(), app.test_client()
    login(tab_a), login(tab_b)
    digest = opened_digest(tab_a, url)
    same = dict(digest=digest, body="Dezelfde tekst in twee tabbladen.", **LEIDEN)
    assert post_form(tab_a, url, **same).status_code == 302
    response = post_form(tab_b, url, **same)
    assert response.status_code == 302 and response.headers["Location"] == url
    assert "de opgeslagen versie was al gelijk aan uw tekst" in text(tab_b.get(url))


@pytest.mark.parametrize("title", ["Netwerk haaglanden", "NETWERK-Haaglanden!", "Netwérk  haaglanden"])
def test_a_new_document_with_the_title_of_an_existing_one_warns(editor, title):
    """The duplicate check compared whole texts only: a new report with exactly the title of an existing
    document (and another text) was saved without 'Bestaat dit document al?'."""
    fields = dict(title=title, body="Een heel ander verslag over zang en beeldende kunst in Zoetermeer.")
    response = post_form(editor, **fields)
    assert response.status_code == 409
    page = text(response)
    assert "Bestaat dit document al?" in page
    assert '<a href="/document/netwerk-haaglanden">Netwerk haaglanden</a> heeft dezelfde titel' in page
    assert post_form(editor, confirm_duplicate="1", **fields).status_code == 302  # the editor may confirm
    other = post_form(editor, title="Netwerk haaglanden 2022", body="Over lezen en schrijven op de basisschool.")
    assert other.status_code == 302  # another title


def test_an_edit_does_not_warn_about_its_own_title(editor):
    page = text(editor.get("/redactie/document/netwerk-haaglanden"))
    digest = re.search(r'name="digest" value="([0-9a-f]{64})"', page).group(1)
    response = post_form(editor, "/redactie/document/netwerk-haaglanden", actie="voorbeeld", digest=digest,
                         title="Netwerk haaglanden", body="Andere tekst.")
    assert "Bestaat dit document al?" not in text(response)


def test_the_error_summary_follows_the_form_and_takes_the_focus(editor):
    """The summary listed Titel before Soort (the order of the checks, not of the form), and focus stayed on
    the page instead of moving to it."""
    response = post_form(editor, type="", title="", date="gisteren", body="", source_url="geen-adres",
                         themes=["astrologie"])
    assert response.status_code == 422
    page = text(response)
    summary = page[page.index('<div class="error-summary"'):page.index("</div>", page.index('<div class="error-summary"'))]
    in_summary = re.findall(r'href="#veld-([a-z_]+)"', summary)
    in_form = [name for name in re.findall(r'id="veld-([a-z_]+)"', page[page.index('<form id="documentformulier"'):])
               if name in in_summary]
    assert in_summary == ["type", "title", "date", "body", "source_url", "themes"]
    assert in_summary == list(dict.fromkeys(in_form))
    assert 'tabindex="-1" autofocus data-focus-on-load' in summary


def test_the_dashboard_lists_what_was_added_or_changed_last(editor, corpus_dir):
    """It listed the newest documents by their own date, so a 2015 report added just now was not on it."""
    import os

    order = ["vlaardingen-2023", "deskundigheid-landelijk", "erfgoed-dordrecht", "erfgoed-leiden", "netwerk-haaglanden"]
    for path in corpus_dir.glob("*/*.md"):  # the fixtures, written long ago in this order
        stamp = 1_600_000_000 + order.index(path.stem)
        os.utime(path, (stamp, stamp))
    assert post_form(editor, title="Jaarverslag cultuuronderwijs 2015", date="2015-03-01",
                     body="Een oud verslag dat vandaag is toegevoegd.").status_code == 302
    page = text(editor.get("/redactie/"))
    assert "<h2>Laatst toegevoegd of gewijzigd</h2>" in page
    listed = re.findall(r'<td><a href="/document/([^"]+)">', page)
    assert listed[0] == "jaarverslag-cultuuronderwijs-2015-2015-03-01"
    assert listed[1:] == ["netwerk-haaglanden", "erfgoed-leiden", "erfgoed-dordrecht", "deskundigheid-landelijk",
                          "vlaardingen-2023"]  # then by file time, not by their own dates
    assert "1 mrt. 2015" in page  # its own date is still shown
    # A search still finds documents by relevance, paged as before.
    found = text(editor.get("/redactie/?q=erfgoed"))
    assert "Gevonden:" in found and "Laatst toegevoegd" not in found
