"""Suggestions you can trust: every suggested value has a confidence; an import applies only values above
their facet's threshold and keeps the rest pending in the front matter; editors accept or dismiss them on
"Te beoordelen" with one click."""
from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from editor_support import login, make_app, token
from kennisplatform import editing, importer, review, suggest
from kennisplatform.documents import Document, PendingValue, parse_document, render_document
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

FILLER = "Het was een mooie middag met veel enthousiaste kinderen en leerkrachten. " * 12


def scored(found: suggest.Suggestions, facet: str) -> dict[str, float]:
    return {s.value: s.confidence for s in found.scored[facet]}


# -- confidence --------------------------------------------------------------------------------------------
def test_a_theme_named_in_the_title_is_more_certain_than_a_passing_mention(taxonomy):
    titled = suggest.suggest(taxonomy, "Erfgoededucatie in de klas", "Leerlingen werkten een week lang. " + FILLER)
    passing = suggest.suggest(taxonomy, "Een cultuursafari", "Leerlingen werkten een week lang; het erfgoed "
                                                             "kwam even ter sprake. " + FILLER)
    assert scored(titled, "theme")["erfgoed"] > scored(passing, "theme")["erfgoed"] + 0.3
    assert all(0 <= s.confidence <= 1 for facet in suggest.FACET_KEYS for s in titled.scored[facet])


def test_more_mentions_a_label_and_a_short_text_raise_confidence(taxonomy):
    once = scored(suggest.suggest(taxonomy, "Dag", "Iets over erfgoed. " + FILLER), "theme")["erfgoed"]
    often = scored(suggest.suggest(taxonomy, "Dag", "Iets over erfgoed. " + FILLER + " Erfgoed en nog eens erfgoed, "
                                                    "want erfgoed telt."), "theme")["erfgoed"]
    mention = scored(suggest.suggest(taxonomy, "Dag", "Iets over het museum. " + FILLER), "theme")["erfgoed"]
    long_text = scored(suggest.suggest(taxonomy, "Dag", "Iets over erfgoed. " + FILLER * 8), "theme")["erfgoed"]
    assert often > once > mention  # a mention ("museum") is weaker evidence than the label
    assert once > long_text  # one mention in a long text says less


def test_a_place_named_as_a_place_counts_and_an_address_does_not(taxonomy):
    place = scored(suggest.suggest(taxonomy, "Dag", FILLER + " Scholen in Gouda deden mee."), "region")["gouda"]
    word = scored(suggest.suggest(taxonomy, "Dag", FILLER + " Scholen, Gouda, deden mee."), "region")["gouda"]
    assert place > word
    address = suggest.suggest(taxonomy, "Dag", FILLER + " Contact: Markt 1, 2801 AB Gouda.")
    assert "gouda" not in address.region


def test_type_confidence_grows_with_agreeing_cues(taxonomy):
    clear = suggest.suggest(taxonomy, "Verslag van de netwerkbijeenkomst",
                            "De deelnemers spraken in workshops; de dagvoorzitter opende de bijeenkomst.")
    vague = suggest.suggest(taxonomy, "Een dag", "Het project gaat door. Er was ook een bijeenkomst.")
    assert clear.type == "verslag" and clear.confidence("type", "verslag") > 0.6
    assert vague.confidence("type", vague.type) < clear.confidence("type", "verslag")
    # Without any cue the most common type of real pages leads, with too little confidence to apply.
    [best, *_] = suggest.suggest(taxonomy, "Een dag", "Een mooie dag.").scored["type"]
    assert best.value == "artikel" and 0 < best.confidence < review.THRESHOLDS["type"]


# -- what an import applies ----------------------------------------------------------------------------------
def test_decide_applies_values_at_or_above_the_threshold_and_keeps_the_rest_pending(taxonomy):
    found = suggest.suggest(taxonomy, "Erfgoededucatie in Gouda", "Scholen in Gouda en het museum. " + FILLER)
    themes = scored(found, "theme")
    decision = review.decide(found, {"type": None, "themes": 0.5, "regions": 0.5})
    assert decision.applied["themes"] == tuple(v for v, c in themes.items() if c >= 0.5)
    assert "erfgoed" in decision.applied["themes"] and "gouda" in decision.applied["regions"]
    pending = {(p.key, p.value): p.confidence for p in decision.pending}
    assert all(c < 0.5 for (key, _), c in pending.items() if key in ("themes", "regions"))
    assert {p.key for p in decision.pending} >= {"type"}  # no threshold: every candidate type waits
    assert decision.type in {p.value for p in decision.pending if p.key == "type"}


@pytest.mark.parametrize("title, text, region", [
    # A real page (CultuurSchakel, 2021) that names only the city's districts, never "Den Haag".
    ("Aan de slag in Bouwlust en Vrederust", "Sinds september 2020 werkt CultuurSchakel in de wijken Bouwlust en "
     "Vrederust aan een pilot van het programma Binnen&Buiten. Met de Escamp University verkennen we wat kinderen "
     "doen aan tekenen, dansen of muziek maken.", "den-haag"),
    ("Kunst in de wijk", "Kinderen uit Crooswijk en Delfshaven maken een voorstelling met het jeugdtheater.",
     "rotterdam"),
])
def test_a_page_that_names_only_districts_is_filed_under_their_city(taxonomy, title, text, region):
    found = suggest.suggest(taxonomy, title, text + " " + FILLER)
    assert review.decide(found).applied["regions"] == (region,)


def test_an_unsure_type_is_the_most_likely_one_and_waits_for_review(taxonomy):
    found = suggest.suggest(taxonomy, "Een dag", "Een mooie dag.")
    decision = review.decide(found, {"type": 0.5})
    assert decision.type == "artikel" and "type" not in decision.applied
    assert [p.value for p in decision.pending if p.key == "type"] == ["artikel"]  # the others are far less likely
    empty = review.decide(suggest.Suggestions(), {"type": 0.5}, fallback_type="verslag")
    assert empty.type == "verslag" and empty.pending == (PendingValue("type", "verslag", 0.0),)


def test_pending_suggestions_round_trip_in_the_front_matter_and_bad_ones_are_reported(taxonomy):
    doc = Document(id="x", type="verslag", title="T", date=dt.date(2024, 1, 1), body="Tekst.\n",
                   themes=("onderwijs",), suggestions=(PendingValue("type", "artikel", 0.3),
                                                       PendingValue("themes", "erfgoed", 0.42)))
    text = render_document(doc)
    assert "suggestions:\n  type:\n    artikel: 0.3\n  themes:\n    erfgoed: 0.42\n" in text
    parsed = parse_document(text, "x", taxonomy)
    assert parsed.problems == [] and parsed.document == doc
    bad = text.replace("erfgoed: 0.42", "erfgoedd: 0.42").replace("artikel: 0.3", "artikel: hoog")
    problems = parse_document(bad, "x", taxonomy).problems
    assert [p.field for p in problems] == ["suggestions.type", "suggestions.themes"]
    assert "onbekende waarde 'erfgoedd'" in str(problems[1]) and "Erfgoed" in str(problems[1])


def test_pending_values_are_not_facet_values(corpus_dir, index_dir, taxonomy):
    doc = Document(id="", type="verslag", title="Zangkoren op school", date=dt.date(2024, 1, 1),
                   body="Zangkoren op school.\n", suggestions=(PendingValue("themes", "talentontwikkeling", 0.4),))
    editing.save_document(corpus_dir, index_dir, doc, taxonomy)
    engine = SearchEngine(index_dir, taxonomy)
    try:
        assert engine.search(SearchParams(q="zangkoren")).total == 1
        assert engine.search(SearchParams(theme=("talentontwikkeling",))).total == 0
    finally:
        engine.close()


PAGE = ("Erfgoededucatie in Gouda\n\n12 mei 2024\n\nScholen in Gouda werken aan erfgoededucatie met het "
        "erfgoed van de stad. Erfgoed is overal. Een leerling ging ook eens naar het theater.\n")


def import_page(corpus_dir, index_dir, taxonomy, tmp_path, text=PAGE, **options):
    source = tmp_path / "bron"
    source.mkdir(exist_ok=True)
    (source / "pagina.txt").write_text(text, encoding="utf-8")
    return importer.Importer(corpus_dir, index_dir, taxonomy, importer.Options(**options)).run([source])


def test_a_bulk_import_applies_only_above_the_threshold_and_stores_the_rest(corpus_dir, index_dir, taxonomy,
                                                                             tmp_path, monkeypatch):
    monkeypatch.setattr(review, "THRESHOLDS", {"type": None, "themes": 0.6, "regions": 0.6})
    [outcome] = import_page(corpus_dir, index_dir, taxonomy, tmp_path)
    doc = editing.open_document(corpus_dir, outcome.doc_id, taxonomy).document
    found = suggest.suggest(taxonomy, doc.title, doc.body)
    assert doc.themes == ("erfgoed",) and found.confidence("theme", "erfgoed") >= 0.6
    assert doc.regions == ("gouda",)
    assert doc.disciplines == () and ("disciplines", "theater") in {(p.key, p.value) for p in doc.suggestions}
    assert all(p.confidence < 0.6 for p in doc.suggestions if p.key in ("themes", "regions"))
    assert any(p.key == "type" for p in doc.suggestions)  # the type has no threshold: it waits too
    assert outcome.pending == len(doc.suggestions) > 0
    assert f"[{outcome.pending} waarden te beoordelen]" in outcome.line()
    assert (importer.review_summary([outcome])
            == f"{outcome.pending} voorgestelde waarden bij 1 bestand wachten op een oordeel")
    assert set(outcome.suggested) == {"themes", "regions"}


def test_options_leave_nothing_pending_for_their_fields_and_a_reimport_changes_nothing(
        corpus_dir, index_dir, taxonomy, tmp_path):
    [first] = import_page(corpus_dir, index_dir, taxonomy, tmp_path, type="voorbeeldproject", themes=("erfgoed",))
    doc = editing.open_document(corpus_dir, first.doc_id, taxonomy).document
    assert {p.key for p in doc.suggestions} <= {"regions", "disciplines", "audience"}
    dismissed = review.dismissed(doc, "disciplines", "theater")
    editing.save_document(corpus_dir, index_dir, dismissed, taxonomy)
    [again] = import_page(corpus_dir, index_dir, taxonomy, tmp_path, type="voorbeeldproject", themes=("erfgoed",))
    assert again.status == "unchanged"  # and the dismissed suggestion does not come back
    kept = editing.open_document(corpus_dir, first.doc_id, taxonomy).document.suggestions
    assert ("disciplines", "theater") not in {(p.key, p.value) for p in kept}


# -- the review page -----------------------------------------------------------------------------------------
@pytest.fixture
def pending_doc(corpus_dir, index_dir, taxonomy) -> str:
    doc = Document(id="", type="verslag", title="Cultuursafari", date=dt.date(2024, 5, 1),
                   body="Leerlingen op cultuursafari in het museum.\n",
                   suggestions=(PendingValue("themes", "erfgoed", 0.35), PendingValue("regions", "gouda", 0.5),
                                PendingValue("type", "verslag", 0.3), PendingValue("type", "voorbeeldproject", 0.25)))
    return editing.save_document(corpus_dir, index_dir, doc, taxonomy).document.id


@pytest.fixture
def client(corpus_dir, index_dir, tmp_path, pending_doc):
    return make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()


def decide(client, **fields):
    data = {"csrf_token": token(client, "/redactie/te-beoordelen"), "actie": "overnemen", **fields}
    return client.post("/redactie/te-beoordelen", data=data)


def test_the_review_page_requires_a_login(client, pending_doc):
    assert client.get("/redactie/te-beoordelen").headers["Location"].startswith("/inloggen")
    response = client.post("/redactie/te-beoordelen", data={"csrf_token": token(client), "document": pending_doc,
                                                            "veld": "themes", "waarde": "erfgoed",
                                                            "actie": "overnemen"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen")
    login(client)
    assert client.get(f"/document/{pending_doc}").status_code == 200


def test_the_review_page_lists_pending_suggestions_and_the_dashboard_links_to_it(client, pending_doc):
    login(client)
    page = client.get("/redactie/te-beoordelen").get_data(as_text=True)
    assert "Cultuursafari" in page and "4 voorstellen" in page
    assert re.search(r"Thema: <strong>Erfgoed</strong>\s*<span class=\"muted\">\(35%\)", page)
    assert "Regio: <strong>Gouda</strong>" in page and "Bevestigen" in page  # the type now chosen
    assert 'name="actie" value="overnemen"' in page and 'name="actie" value="afwijzen"' in page
    dashboard = client.get("/redactie/").get_data(as_text=True)
    assert 'href="/redactie/te-beoordelen"' in dashboard and "4 voorgestelde waarden bij 1 document" in dashboard


def test_accepting_one_suggestion_puts_it_in_the_field_and_the_facets_at_once(client, pending_doc, corpus_dir,
                                                                               taxonomy):
    login(client)
    assert client.get("/zoeken.json?theme=erfgoed&q=cultuursafari").get_json()["total"] == 0
    response = decide(client, document=pending_doc, veld="themes", waarde="erfgoed")
    assert response.status_code == 303
    assert response.headers["Location"].startswith(f"/redactie/te-beoordelen#voorstel-{pending_doc}-")  # the next
    doc = editing.open_document(corpus_dir, pending_doc, taxonomy).document
    assert doc.themes == ("erfgoed",)
    assert ("themes", "erfgoed") not in {(p.key, p.value) for p in doc.suggestions}
    assert client.get("/zoeken.json?theme=erfgoed&q=cultuursafari").get_json()["total"] == 1
    page = client.get("/redactie/te-beoordelen").get_data(as_text=True)
    assert "Thema &#39;Erfgoed&#39; is overgenomen in &#39;Cultuursafari&#39;." in page
    assert "Thema: <strong>Erfgoed</strong>" not in page and "3 voorstellen" in page


def test_accepting_a_type_moves_the_document_and_settles_the_type(client, pending_doc, corpus_dir, taxonomy):
    login(client)
    assert decide(client, document=pending_doc, veld="type", waarde="voorbeeldproject").status_code == 303
    opened = editing.open_document(corpus_dir, pending_doc, taxonomy)
    assert opened.document.type == "voorbeeldproject" and opened.document.path.startswith("voorbeeldprojecten/")
    assert {p.key for p in opened.document.suggestions} == {"themes", "regions"}


def test_dismissing_removes_the_suggestion_and_changes_no_field(client, pending_doc, corpus_dir, taxonomy):
    login(client)
    response = decide(client, document=pending_doc, veld="regions", waarde="gouda", actie="afwijzen")
    assert response.status_code == 303
    doc = editing.open_document(corpus_dir, pending_doc, taxonomy).document
    assert doc.regions == () and ("regions", "gouda") not in {(p.key, p.value) for p in doc.suggestions}
    assert "afgewezen" in client.get("/redactie/te-beoordelen").get_data(as_text=True)


@pytest.mark.parametrize("fields, status, message", [
    ({"document": "bestaat-niet", "veld": "themes", "waarde": "erfgoed"}, 404, "bestaat niet"),
    ({"veld": "themes", "waarde": "onzin"}, 400, "geen waarde van de taxonomie"),
    ({"veld": "kleur", "waarde": "erfgoed"}, 400, "suggesties horen bij soort, thema&#39;s"),
    ({"veld": "themes", "waarde": "inclusie"}, 409, "niet (meer)"),
    ({"veld": "themes", "waarde": "erfgoed", "actie": "wissen"}, 400, "niet compleet"),
    ({"veld": "themes"}, 400, "niet compleet"),
])
def test_bad_review_requests_get_a_dutch_4xx_and_change_nothing(client, pending_doc, corpus_dir, fields, status,
                                                                message):
    login(client)
    before = {p: p.read_bytes() for p in corpus_dir.rglob("*.md")}
    response = decide(client, **{"document": pending_doc, **fields})
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert {p: p.read_bytes() for p in corpus_dir.rglob("*.md")} == before


def test_a_review_post_without_csrf_token_is_refused(client, pending_doc, corpus_dir, taxonomy):
    login(client)
    response = client.post("/redactie/te-beoordelen", data={"document": pending_doc, "veld": "themes",
                                                            "waarde": "erfgoed", "actie": "overnemen"})
    assert response.status_code == 400 and "formulier is verlopen" in response.get_data(as_text=True)
    assert editing.open_document(corpus_dir, pending_doc, taxonomy).document.themes == ()


def test_saving_the_edit_form_keeps_pending_suggestions_not_chosen(client, pending_doc, corpus_dir, taxonomy):
    login(client)
    url = f"/redactie/document/{pending_doc}"
    opened = editing.open_document(corpus_dir, pending_doc, taxonomy)
    page = client.get(url).get_data(as_text=True)
    assert "4 voorgestelde waarden op een oordeel" in page and 'href="/redactie/te-beoordelen"' in page
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    response = client.post(url, data={"csrf_token": token(client, url), "digest": digest, "actie": "opslaan",
                                      "type": "verslag", "title": "Cultuursafari", "date": "2024-05-01",
                                      "body": opened.document.body, "themes": ["erfgoed"]})
    assert response.status_code == 302
    doc = editing.open_document(corpus_dir, pending_doc, taxonomy).document
    assert doc.themes == ("erfgoed",)
    assert {(p.key, p.value) for p in doc.suggestions} == {("regions", "gouda"), ("type", "verslag"),
                                                           ("type", "voorbeeldproject")}


def test_scan_finds_only_documents_with_open_suggestions(corpus_dir, index_dir, taxonomy, pending_doc):
    [found] = review.scan_pending(corpus_dir, taxonomy)
    assert found.id == pending_doc and len(found.pending) == 4
    cached, engine = review.PendingList(), SearchEngine(index_dir, taxonomy)
    assert [d.id for d in cached.documents(corpus_dir, taxonomy, engine)] == [pending_doc]
    doc = editing.open_document(corpus_dir, pending_doc, taxonomy).document
    editing.save_document(corpus_dir, index_dir, doc.with_changes(suggestions=()), taxonomy)
    assert cached.documents(corpus_dir, taxonomy, engine) == []
    engine.close()


def test_a_document_whose_suggestions_are_all_settled_is_not_listed(corpus_dir, index_dir, taxonomy, pending_doc):
    """The index marks every document with suggestions in its front matter; the list shows only those with
    a value still open (a theme added by hand settles the suggestion of that theme)."""
    doc = editing.open_document(corpus_dir, pending_doc, taxonomy).document
    settled = doc.with_changes(themes=("erfgoed",), regions=("gouda",),
                               suggestions=tuple(p for p in doc.suggestions if p.key != "type"))
    assert len(review.open_suggestions(settled)) == 0 and settled.suggestions
    editing.save_document(corpus_dir, index_dir, settled, taxonomy)
    engine = SearchEngine(index_dir, taxonomy)
    assert [doc_id for doc_id, _ in engine.awaiting_review()] == [pending_doc]  # marked in the index
    assert review.PendingList().documents(corpus_dir, taxonomy, engine) == [] == review.scan_pending(corpus_dir,
                                                                                                      taxonomy)
    engine.close()


def test_suggestions_change_no_search_result(tmp_path, corpus_dir, taxonomy):
    """The index field that marks documents with suggestions is not searched, ranked or counted: two
    corpora that differ only in suggestions give the same results, scores and facets."""
    plain = tmp_path / "zonder"
    shutil.copytree(corpus_dir, plain, ignore=shutil.ignore_patterns(".git"))
    suggestions = (PendingValue("themes", "erfgoed", 0.35), PendingValue("type", "verslag", 0.3))
    for n, path in enumerate(sorted(corpus_dir.glob("*/*.md"))):
        if n % 2:
            doc = parse_document(path.read_text(encoding="utf-8"), path.stem, taxonomy).document
            path.write_text(render_document(doc.with_changes(suggestions=suggestions)), encoding="utf-8")
    engines = []
    for corpus in (corpus_dir, plain):
        update_index(corpus, corpus.parent / f"index-{corpus.name}", taxonomy=taxonomy)
        engines.append(SearchEngine(corpus.parent / f"index-{corpus.name}", taxonomy))
    assert len(engines[0].awaiting_review()) > 0 == len(engines[1].awaiting_review())
    for values in ({"q": "erfgoed"}, {"q": "muziek leiden", "sort": "newest"}, {"theme": ["erfgoed"]}, {},
                   {"q": "suggested"}):
        params = SearchParams.from_mapping(values, taxonomy)
        with_suggestions, without = (engine.search(params).to_dict() for engine in engines)
        assert with_suggestions == without
        assert with_suggestions["total"] > 0 or values == {"q": "suggested"}
    for engine in engines:
        engine.close()


def review_rows(page: str) -> list[str]:
    return re.findall(r'<li class="review-value" id="([^"]+)">', page)


def test_after_a_decision_the_page_opens_at_the_next_suggestion(client, pending_doc):
    """Each Overnemen/Afwijzen reloaded the page at the top of a long list: the editor lost their place."""
    login(client)
    rows = review_rows(client.get("/redactie/te-beoordelen").get_data(as_text=True))
    assert len(rows) == 4 and all(r.startswith(f"voorstel-{pending_doc}-") for r in rows)
    first = rows[0].removeprefix(f"voorstel-{pending_doc}-").split("-", 1)
    response = decide(client, document=pending_doc, veld=first[0], waarde=first[1], actie="afwijzen")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/redactie/te-beoordelen#{rows[1]}"
    assert rows[1] in review_rows(client.get(response.headers["Location"]).get_data(as_text=True))
    # The last one goes back to the one before it.
    last = rows[-1].removeprefix(f"voorstel-{pending_doc}-").split("-", 1)
    response = decide(client, document=pending_doc, veld=last[0], waarde=last[1], actie="afwijzen")
    assert response.headers["Location"] == f"/redactie/te-beoordelen#{rows[-2]}"


def test_accepting_a_type_skips_the_type_suggestions_it_settles(client, pending_doc):
    login(client)
    rows = review_rows(client.get("/redactie/te-beoordelen").get_data(as_text=True))
    types = [r for r in rows if "-type-" in r]
    assert len(types) == 2
    chosen = types[0].rsplit("-", 1)[1]
    response = decide(client, document=pending_doc, veld="type", waarde=chosen)
    left = review_rows(client.get("/redactie/te-beoordelen").get_data(as_text=True))
    assert not any("-type-" in r for r in left)
    assert response.headers["Location"].split("#")[1] in left


def test_the_next_suggestion_is_found_on_the_page_that_holds_it_now(client, pending_doc, corpus_dir, index_dir,
                                                                     taxonomy, monkeypatch):
    from kennisplatform.views import review as review_views

    monkeypatch.setattr(review_views, "PER_PAGE", 1)
    later = Document(id="", type="verslag", title="Dansdag", date=dt.date(2024, 4, 1), body="Dansen in Gouda.\n",
                     suggestions=(PendingValue("themes", "erfgoed", 0.4),))
    second = editing.save_document(corpus_dir, index_dir, later, taxonomy).document.id
    login(client)
    first_page = client.get("/redactie/te-beoordelen").get_data(as_text=True)
    second_page = client.get("/redactie/te-beoordelen?pagina=2").get_data(as_text=True)
    assert review_rows(first_page)[0].startswith(f"voorstel-{pending_doc}-")  # newest first
    assert review_rows(second_page) == [f"voorstel-{second}-themes-erfgoed"]
    # Deciding all of the first document's suggestions: the second document moves up to page 1.
    for row in review_rows(first_page):
        key, value = row.removeprefix(f"voorstel-{pending_doc}-").split("-", 1)
        response = decide(client, document=pending_doc, veld=key, waarde=value, actie="afwijzen")
    assert response.headers["Location"] == f"/redactie/te-beoordelen#voorstel-{second}-themes-erfgoed"


def test_readers_see_that_an_imported_type_was_only_guessed(corpus_dir, index_dir, taxonomy, tmp_path,
                                                             monkeypatch):
    """The public page showed a guessed type as if it were certain; the review queue knew better."""
    monkeypatch.setattr(review, "THRESHOLDS", {**review.THRESHOLDS, "type": None})  # never sure of a type
    [outcome] = import_page(corpus_dir, index_dir, taxonomy, tmp_path)
    doc = editing.open_document(corpus_dir, outcome.doc_id, taxonomy).document
    assert doc.type_guessed
    client = make_app(corpus_dir, index_dir, tmp_path / "instance").test_client()
    note = "Geschat bij het importeren; de redactie heeft de soort nog niet bevestigd."
    page = client.get(f"/document/{outcome.doc_id}").get_data(as_text=True)
    label = taxonomy.label("type", doc.type)
    assert re.search(rf'<span class="badge badge--{doc.type}">{label}</span> <span class="doc__guess">'
                     r"\(vermoedelijk\)</span>", page)
    assert re.search(rf"<dt>Soort</dt>.*?{label}</a></li>\s*</ul>\s*<p class=\"meta__note\">{re.escape(note)}</p>",
                     page, re.S)
    assert '"genre"' not in page  # nor told to search engines as a fact
    api = f"/api/v1/documents/{outcome.doc_id}"
    assert client.get(api).get_json()["type_guessed"] is True  # the JSON says what the page says
    certain = client.get("/document/erfgoed-dordrecht").get_data(as_text=True)
    assert "vermoedelijk" not in certain and note not in certain and '"genre":"Voorbeeldproject"' in certain
    # The editors' queue is as it was: the type waits there to be confirmed.
    login(client)
    queue = client.get("/redactie/te-beoordelen").get_data(as_text=True)
    assert doc.title in queue and "Bevestigen" in queue
    assert decide(client, document=outcome.doc_id, veld="type", waarde=doc.type).status_code == 303
    confirmed = client.get(f"/document/{outcome.doc_id}").get_data(as_text=True)
    assert "vermoedelijk" not in confirmed and note not in confirmed and f'"genre":"{label}"' in confirmed
    assert client.get(api).get_json()["type_guessed"] is False
