"""Importing real-looking web pages: dates where CMSs keep them, the article without the page's chrome,
titles that are neither a date nor the site's name, unknown dates, and identity (nothing overwritten)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kennisplatform import editing, importer
from kennisplatform.cli import main
from kennisplatform.corpus import iter_markdown_files

PAGES = Path(__file__).resolve().parent / "fixtures" / "import-pages"
EXPECTED = {k: v for k, v in json.loads((PAGES / "expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}


def run(corpus_dir, index_dir, taxonomy, *paths, **options):
    return importer.Importer(corpus_dir, index_dir, taxonomy, importer.Options(**options)).run(
        [Path(p) for p in paths])


def all_files(corpus_dir: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in corpus_dir.rglob("*") if p.is_file()}


# -- dates, titles, main content ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_page_gets_its_date_title_and_article(name):
    expected = EXPECTED[name]
    draft = importer.read_html((PAGES / name).read_text(encoding="utf-8"), name)
    assert (draft.date.isoformat() if draft.date else None) == expected["date"]
    assert draft.title == expected["title"]
    for sentence in expected["keep"]:
        assert sentence in draft.body, sentence
    for chrome in expected["drop"]:
        assert chrome not in draft.body, chrome


def test_the_date_comes_from_structured_metadata_before_the_text():
    page = (PAGES / "wordpress-yoast.html").read_text(encoding="utf-8")
    # The @graph's datePublished, not its dateModified (2024-01-17) nor the sidebar's dates.
    assert importer.read_html(page).date == dt.date(2023, 3, 9)
    without_graph = page.replace('"datePublished":"2023-03-09T14:12:45+00:00",', "")
    assert importer.read_html(without_graph).date == dt.date(2024, 1, 17)  # modified: better than none


@pytest.mark.parametrize("text, iso", [
    ('<meta property="article:published_time" content="2021-05-01T10:00:00+02:00">', "2021-05-01"),
    ('<meta name="DC.date" content="2020-02-29">', "2020-02-29"),
    ('<script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2019-07-04T08:00Z"}</script>',
     "2019-07-04"),
    ('<script type="application/ld+json">[{"@type":"Organization","foundingDate":"1990-01-01"},'
     '{"@type":"Article","datePublished":"2022-02-02"}]</script>', "2022-02-02"),
    ('<script type="application/ld+json">{broken json</script>', None),
    ('<article><time datetime="2018-10-10T10:10:10+02:00">10 okt</time><p>Tekst.</p></article>', "2018-10-10"),
])
def test_dates_in_page_metadata(text, iso):
    head, body = ("", text) if text.startswith("<article") else (text, "")
    draft = importer.read_html(f"<html><head>{head}</head><body><h1>Titel</h1><p>Tekst zonder datum.</p>"
                               f"{body}</body></html>")
    assert (draft.date.isoformat() if draft.date else None) == iso


@pytest.mark.parametrize("url, iso", [
    ("https://site.example/2023/06/22/titel/", "2023-06-22"),
    ("https://site.example/nieuws/2021-11-02-bijeenkomst", "2021-11-02"),
    ("https://site.example/2023/13/40/titel/", None),
    ("https://site.example/projecten/2023", None),
])
def test_a_date_in_the_address(url, iso):
    found = importer.dates.url_date(url)
    assert (found.isoformat() if found else None) == iso


@pytest.mark.parametrize("text, iso", [
    ("dinsdag 14 november 2023", "2023-11-14"),
    ("Gepubliceerd 14 nov. 2023 · Leestijd 4 minuten", "2023-11-14"),
    ("ma 3 sept. 2018", "2018-09-03"),
    ("2021-05-01T10:00:00+02:00", "2021-05-01"),
])
def test_dutch_and_iso_dates_in_text(text, iso):
    assert importer.find_date(text).isoformat() == iso


def test_a_date_deep_in_the_text_is_not_the_documents_date():
    text = "Over het project\n\n" + "Leerlingen maakten muziek. " * 30 + "\n\nDe slotavond is op 12 juni 2024."
    assert importer.dates.text_date(text) is None
    assert importer.dates.text_date("Datum: 12 juni 2024\n" + text) == dt.date(2024, 6, 12)


@pytest.mark.parametrize("head, address, title", [
    # The part that names the site by its address goes, at either end, however long or short.
    ("Cultuurnota kunst en erfgoed | Gemeente Leiderdorp", "https://www.leiderdorp.nl/beleid/cultuurnota",
     "Cultuurnota kunst en erfgoed"),
    ("Erfgoededucatie in het Westland | Fonds voor Cultuurparticipatie", "https://cultuurparticipatie.nl/x",
     "Erfgoededucatie in het Westland"),
    ("Capelle hoort te bruisen! - D66 Capelle aan den IJssel", "https://d66.nl/capelle/bruisen",
     "Capelle hoort te bruisen!"),
    ("LisserNieuws - De Hillegommer van 4 februari 2020", "https://paper.lissernieuws.nl/open/2434",
     "De Hillegommer van 4 februari 2020"),
    # A word that only starts the address's name is the page's, not the site's.
    ("Erfgoed - Erfgoedhuis Zuid-Holland", "https://www.erfgoedhuis-zh.nl/erfgoed/",
     "Erfgoed - Erfgoedhuis Zuid-Holland"),
    # A page's own dash stays; only the site's part goes.
    ("10 jaar FCP – Hoe gaat het nu met? Klasse theater - Fonds voor Cultuurparticipatie",
     "https://www.cultuurparticipatie.nl/magazine/klasse", "10 jaar FCP – Hoe gaat het nu met? Klasse theater"),
    # The host with its top-level domain, and the name whose initials the host is, are the site's.
    ("Stompwijk.nl - Toneel in het dorpshuis", "http://stompwijk.nl/index.php/2010/09/13/toneel/",
     "Toneel in het dorpshuis"),
    ("Bruggen bouwen tussen onderwijs en cultuur | Kenniscentrum Cultuureducatie Rotterdam",
     "https://kc-r.nl/dit-zijn-we/jaarverslagen/jaarverslag-2016/bruggen-bouwen/",
     "Bruggen bouwen tussen onderwijs en cultuur"),
    # A page part of one word that says something keeps the site's name, even one that is surely the
    # site's (the name may say where: 'D66 Capelle aan den IJssel'); a home page keeps its title.
    ("Op de planken | Stompwijk.nl", "http://stompwijk.nl/index.php/2010/09/13/op-de-planken/",
     "Op de planken | Stompwijk.nl"),
    ("Feijenoord | Cultuur Concreet", "https://www.cultuurconcreet.nl/gebieden/feijenoord/",
     "Feijenoord | Cultuur Concreet"),
    ("Cultuurnota | Gemeente Leiderdorp", "https://www.leiderdorp.nl/cultuurnota", "Cultuurnota | Gemeente Leiderdorp"),
    ("Welkom - Cultuurmenu Leidschendam-Voorburg", None, "Welkom - Cultuurmenu Leidschendam-Voorburg"),
    ("Film en mediawijsheid - Doorlopende Leerlijn", "http://www.filmenmediawijsheid.nl/",
     "Film en mediawijsheid - Doorlopende Leerlijn"),
    # Nothing known of the site: the usual order, page first, and a long last part is no site's name.
    ("Cultuureducatie in de lift | Barneveld Uitgelicht", None, "Cultuureducatie in de lift"),
    ("Cultuurbeleid - resultaten van het inwonerspanel Krimpenerwaard", None,
     "Cultuurbeleid - resultaten van het inwonerspanel Krimpenerwaard"),
])
def test_the_site_name_is_told_by_the_pages_address(head, address, title):
    assert importer.titles.choose_title(None, "", head, site=None, address=address) == title
    page = f'<html><head><title>{head}</title>' + (f'<link rel="canonical" href="{address}">' if address else "")
    draft = importer.html.read_html(page + "</head><body><p>" + "Tekst van de pagina. " * 10 + "</p></body></html>")
    assert draft.title == title


@pytest.mark.parametrize("head, address, title", [
    # Real titles whose other parts are the page's own (benchmarks/relevance/collection_*): a second name
    # ('Jaarverslag 2018', 'Raadsstukken 2013'), a report's name, a page's own dash; only the site goes.
    ("Het Rotterdams Cultuureducatie Model op stoom | Jaarverslag 2018 | KCR",
     "https://kc-r.nl/dit-zijn-we/jaarverslagen/jaarverslag-2018/model-op-stoom/",
     "Het Rotterdams Cultuureducatie Model op stoom | Jaarverslag 2018"),
    ("1000688 - Kunst- en cultuurvisie | Raadsstukken 2013 | Gemeente Hengelo",
     "https://www.hengelo.nl/Bestuursstukken/1000688---Kunst--en-cultuurvisie.html",
     "1000688 - Kunst- en cultuurvisie | Raadsstukken 2013"),
    ("7. Conclusies en aanbevelingen voor toekomstig onderzoek - Onderzoek Kunst- en Cultuureducatie | CBS",
     "https://www.cbs.nl/nl-nl/longread/rapportages/2022/onderzoek-kunst-en-cultuureducatie/7-conclusies",
     "7. Conclusies en aanbevelingen voor toekomstig onderzoek - Onderzoek Kunst- en Cultuureducatie"),
    ("Kennissynthese 2025: Cultuurbeoefening op school en in de vrije tijd - Aanbieders - LKCA",
     "https://www.lkca.nl/publicatie/kennissynthese-2025-cultuurbeoefening/?n=aanbieders",
     "Kennissynthese 2025: Cultuurbeoefening op school en in de vrije tijd - Aanbieders"),
    ("Kerndoelen - Leerplankader kunstzinnige oriëntatie | SLO",
     "https://www.slo.nl/thema/kunst-cultuur/leerplankader-kunstzinnige-orientatie/kerndoelen/",
     "Kerndoelen - Leerplankader kunstzinnige oriëntatie"),
    ("Lessuggesties - Slavenreis van de Eenigheid | Zeeuws Archief",
     "https://www.zeeuwsarchief.nl/themapagina/slavenreis-van-de-eenigheid/lessuggesties/",
     "Lessuggesties - Slavenreis van de Eenigheid"),
    ("Cultuurplan Sliedrecht 2022 – 2030 moet groepen en generaties verbinden | Sliedrecht24",
     "https://sliedrecht24.nl/cultuurplan-sliedrecht-2022-2030/",
     "Cultuurplan Sliedrecht 2022 – 2030 moet groepen en generaties verbinden"),
    ("Bovenop de Toren - Beleidsplan voor een raamwerk doorgaande leerlijn cultuuronderwijs",
     "https://studylibnl.com/doc/972880/bovenop-de-toren",
     "Bovenop de Toren - Beleidsplan voor een raamwerk doorgaande leerlijn cultuuronderwijs"),
    ("Cultuureducatie: leren, creëren, inspireren! - Advies Onderwijsraad & Raad voor Cultuur",
     "https://studylibnl.com/doc/930955/cultuureducatie",
     "Cultuureducatie: leren, creëren, inspireren! - Advies Onderwijsraad & Raad voor Cultuur"),
])
def test_a_titles_own_parts_stay(head, address, title):
    assert importer.titles.choose_title(None, "", head, site=None, address=address) == title


def test_a_page_that_names_no_place_is_filed_under_the_place_its_site_is_of(corpus_dir, index_dir, taxonomy,
                                                                            tmp_path):
    page = tmp_path / "begroting.html"
    page.write_text(
        '<html><head><title>Onderwijs, sport, cultuur en recreatie | Begroting 2026-2029 gemeente Krimpenerwaard'
        '</title><link rel="canonical" href="https://krimpenerwaard.begrotingsapp.nl/begroting-2026-2029/'
        'programma/onderwijs-sport-cultuur-en-recreatie"></head><body><article><p>'
        + "Met dit programma stimuleert de gemeente het culturele en sportieve klimaat van haar inwoners. " * 4
        + "</p></article></body></html>", encoding="utf-8")
    [outcome] = run(corpus_dir, index_dir, taxonomy, page)
    document = editing.open_document(corpus_dir, outcome.doc_id, taxonomy).document
    assert document.title == "Onderwijs, sport, cultuur en recreatie"
    assert document.source.publication == "Begroting 2026-2029 gemeente Krimpenerwaard"
    assert document.regions == ("krimpenerwaard",)


@pytest.mark.parametrize("title", ["22 november 2022", "di 14-11-2023", "Cultuurhuis Krimpenerwaard"])
def test_a_title_is_never_a_bare_date_or_the_site_name(title):
    chosen = importer.titles.choose_title(title, "Cultuursafari in Schoonhoven", title,
                                          site="Cultuurhuis Krimpenerwaard")
    assert chosen == "Cultuursafari in Schoonhoven"


@pytest.mark.parametrize("head_title, date", [("12 maart 2023", dt.date(2023, 3, 12)),
                                               ("di 14-11-2023", dt.date(2023, 11, 14))])
def test_a_web_page_whose_title_is_only_a_date_is_dated_by_it(head_title, date):
    html = (f"<html><head><title>{head_title}</title></head><body><article><h1>Erfgoedlessen in Delft</h1>"
            "<p>Basisscholen werken met het museum aan erfgoedlessen.</p></article></body></html>")
    draft = importer.read_html(html, "pagina.html")
    assert (draft.title, draft.date) == ("Erfgoedlessen in Delft", date)


def test_a_text_file_whose_first_line_is_a_date_takes_the_next_line_as_title(tmp_path, taxonomy):
    path = tmp_path / "nieuws.txt"
    path.write_text("22 november 2022\n\nCultuursafari voor groep 5\n\nAlle leerlingen gingen op safari.\n",
                    encoding="utf-8")
    draft = importer.read_path(path, taxonomy)
    assert (draft.title, draft.date) == ("Cultuursafari voor groep 5", dt.date(2022, 11, 22))


# -- no date is not a failure ------------------------------------------------------------------------------
def test_a_page_without_a_date_is_imported_with_an_unknown_date(corpus_dir, index_dir, engine, taxonomy):
    [outcome] = run(corpus_dir, index_dir, taxonomy, PAGES / "zonder-datum.html")
    assert outcome.status == "created", outcome.line()
    assert outcome.doc_id == "muziek-in-de-klas"  # no date in the slug either
    doc = editing.open_document(corpus_dir, outcome.doc_id, taxonomy).document
    assert doc.date is None and doc.title == "Muziek in de klas"
    assert engine.search(importer_params("vakdocenten")).hits[0].id == outcome.doc_id


def importer_params(q: str):
    from kennisplatform.params import SearchParams

    return SearchParams(q=q)


def test_one_date_for_a_batch_of_files_without_one(corpus_dir, index_dir, taxonomy):
    outcomes = run(corpus_dir, index_dir, taxonomy, PAGES / "zonder-datum.html", PAGES / "meta-iso.html",
                   date=dt.date(2020, 9, 1))
    dates = {o.path.rsplit("/", 1)[-1]: editing.open_document(corpus_dir, o.doc_id, taxonomy).document.date
             for o in outcomes}
    assert dates == {"zonder-datum.html": dt.date(2020, 9, 1), "meta-iso.html": dt.date(2021, 5, 1)}


def test_cli_date_option_and_a_bad_value(corpus_dir, index_dir):
    runner = CliRunner()
    args = ["--corpus", str(corpus_dir), "--index", str(index_dir), "import", str(PAGES / "zonder-datum.html")]
    bad = runner.invoke(main, args + ["--date", "14-03-2024"])
    assert bad.exit_code == 2 and "ongeldige datum '14-03-2024': gebruik JJJJ-MM-DD" in bad.output
    assert not list(iter_markdown_files(corpus_dir / "x"))
    good = runner.invoke(main, args + ["--date", "2024-03-14"])
    assert good.exit_code == 0, good.output
    assert "muziek-in-de-klas-2024-03-14" in good.output


# -- identity: nothing overwritten -------------------------------------------------------------------------
def same_titled_pages(folder: Path) -> list[Path]:
    """One WordPress page copied to three sites: same title and date, another address and text each."""
    page = (PAGES / "wordpress-yoast.html").read_text(encoding="utf-8")
    texts = ["Ruim zeventig intern cultuurcoördinatoren", "Veertig leerkrachten uit Delft en Rijswijk",
             "Een kleine groep cultuuraanbieders uit de Drechtsteden"]
    paths = []
    for number, (site, opening) in enumerate(zip(("rijnmond", "delft", "drechtsteden"), texts), 1):
        html = page.replace("cultuurnetwerk-rijnmond.example", f"cultuur-{site}.example")
        html = html.replace("Ruim zeventig intern cultuurcoördinatoren", opening)
        html = html.replace("In de ochtend waren er drie werksessies.", f"Verhaal {number}: " + " ".join(
            [f"{site} {word}" for word in ("muziek", "dans", "theater", "erfgoed", "media", "beeldend")] * 8))
        path = folder / f"pagina-{number}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def test_same_titled_pages_from_three_addresses_are_three_documents(corpus_dir, index_dir, taxonomy, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    same_titled_pages(folder)
    first = run(corpus_dir, index_dir, taxonomy, folder)
    assert [o.status for o in first] == ["created"] * 3, [o.line() for o in first]
    slug = "cultuureducatie-in-de-brede-school-terugblik-op-de-werkconferentie-2023-03-09"
    assert [o.doc_id for o in first] == [slug, f"{slug}-2", f"{slug}-3"]
    urls = {editing.open_document(corpus_dir, o.doc_id, taxonomy).document.source.url for o in first}
    assert len(urls) == 3
    files = all_files(corpus_dir)
    again = run(corpus_dir, index_dir, taxonomy, folder)
    assert [(o.status, o.doc_id, o.match) for o in again] == [
        ("unchanged", o.doc_id, "zelfde bronadres") for o in first]
    assert all_files(corpus_dir) == files


def test_the_same_address_with_tracking_parameters_is_the_same_document(corpus_dir, index_dir, taxonomy,
                                                                         tmp_path):
    page = (PAGES / "url-date.html").read_text(encoding="utf-8")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    moved = page.replace('href="https://erfgoedhuis-gouda.example/2023/06/22/erfgoedlessen-sint-janskerk/"',
                         'href="http://www.erfgoedhuis-gouda.example/2023/06/22/erfgoedlessen-sint-janskerk'
                         '?utm_source=nieuwsbrief&fbclid=abc&gclid=x"')
    (tmp_path / "b.html").write_text(moved.replace("Zes basisscholen", "Zeven basisscholen"), encoding="utf-8")
    [a] = run(corpus_dir, index_dir, taxonomy, tmp_path / "a.html")
    [b] = run(corpus_dir, index_dir, taxonomy, tmp_path / "b.html")
    assert (b.status, b.doc_id, b.match) == ("updated", a.doc_id, "zelfde bronadres")
    assert "[zelfde bronadres]" in b.line()


def test_a_same_titled_file_never_replaces_an_editors_document(corpus_dir, index_dir, taxonomy, tmp_path):
    written = editing.save_document(corpus_dir, index_dir, editing.Document(
        id="", type="verslag", title="Netwerkbijeenkomst ICC", date=dt.date(2024, 3, 14),
        body="Wat de redactie schreef.\n"), taxonomy).document
    before = (corpus_dir / written.path).read_bytes()
    txt = tmp_path / "verslag.txt"
    txt.write_text("Netwerkbijeenkomst ICC\n\n14 maart 2024\n\nEen heel ander verslag, van een school, over "
                   "dans en muziek in groep 7 en 8.\n", encoding="utf-8")
    page = tmp_path / "pagina.html"
    page.write_text('<html><head><link rel="canonical" href="https://school.example/icc"></head><body>'
                    '<h1>Netwerkbijeenkomst ICC</h1><p>14 maart 2024</p><p>Nog een verslag, over theater en '
                    'erfgoed op het voortgezet onderwijs.</p></body></html>', encoding="utf-8")
    outcomes = run(corpus_dir, index_dir, taxonomy, txt, page)
    assert [o.status for o in outcomes] == ["created", "created"], [o.line() for o in outcomes]
    assert written.id not in {o.doc_id for o in outcomes}
    assert "in de redactie is geschreven: niet overschreven" in outcomes[0].reason
    assert (corpus_dir / written.path).read_bytes() == before
    files = all_files(corpus_dir)
    again = run(corpus_dir, index_dir, taxonomy, txt, page)
    assert [(o.status, o.match) for o in again] == [("unchanged", "zelfde titel en datum"),
                                                      ("unchanged", "zelfde bronadres")]
    assert all_files(corpus_dir) == files


def test_same_titled_undated_files_of_separate_imports_stay_apart_unless_one_is_a_new_version(
        corpus_dir, index_dir, taxonomy, tmp_path):
    """Without an address and a date, a title ("Notulen") is all a file and a document share: a file
    imported later is a new version only when its text is mostly the same, else a document of its own."""
    def notulen(name, text):
        path = tmp_path / name
        path.write_text(f"Notulen\n\n{text}\n", encoding="utf-8")
        return path

    dance = ("Het overleg ging over dans op het schoolplein. De dansdocent komt in het voorjaar zes weken "
             "lang op woensdag; groep vijf en zes oefenen een voorstelling voor de ouders. ") * 3
    [first] = run(corpus_dir, index_dir, taxonomy, notulen("a.txt", dance))
    [other] = run(corpus_dir, index_dir, taxonomy, notulen("b.txt", "Het museumbezoek van groep acht: de bus, "
                  "de rondleiding door de conservator, en wat de leerlingen tekenden in het depot. " * 3))
    assert (other.status, other.match) == ("created", None), other.line()
    assert other.doc_id != first.doc_id and "zelfde titel en datum" in other.reason
    assert "een andere tekst: apart opgeslagen" in other.reason
    [version] = run(corpus_dir, index_dir, taxonomy, notulen("a2.txt", dance.replace("zes weken", "acht weken")))
    assert (version.status, version.doc_id) == ("updated", first.doc_id), version.line()
    assert len([p for p in iter_markdown_files(corpus_dir) if "title: Notulen" in p.read_text("utf-8")]) == 2


def test_same_titled_files_without_address_in_one_folder_stay_apart(corpus_dir, index_dir, taxonomy, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    for number, topic in enumerate(("dans op het plein", "een museumbezoek", "de schoolband"), 1):
        (folder / f"notulen-{number}.txt").write_text(
            f"Notulen\n\nHet overleg ging over {topic}. " + f"{topic} " * 20 + "\n", encoding="utf-8")
    first = run(corpus_dir, index_dir, taxonomy, folder)
    assert [o.status for o in first] == ["created"] * 3
    assert len({o.doc_id for o in first}) == 3
    files = all_files(corpus_dir)
    again = run(corpus_dir, index_dir, taxonomy, folder)
    assert [(o.status, o.doc_id) for o in again] == [("unchanged", o.doc_id) for o in first]
    assert all_files(corpus_dir) == files


def test_the_original_file_is_kept_beside_the_corpus_and_not_read_as_a_document(corpus_dir, index_dir,
                                                                                  taxonomy):
    shutil.copy(PAGES / "meta-iso.html", corpus_dir / "x.html")
    [outcome] = run(corpus_dir, index_dir, taxonomy, corpus_dir / "x.html")
    kept = corpus_dir / "bijlagen" / f"{outcome.doc_id}.html"
    assert kept.read_bytes() == (PAGES / "meta-iso.html").read_bytes()
    assert all("bijlagen" not in str(p) for p in iter_markdown_files(corpus_dir))


def test_an_import_killed_before_keeping_the_original_is_finished_by_the_next(corpus_dir, index_dir, taxonomy,
                                                                              tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "notulen.txt").write_text("Notulen stuurgroep\n\n3 april 2024\n\nWe spraken over dans.\n",
                                        encoding="utf-8")
    [first] = run(corpus_dir, index_dir, taxonomy, folder)
    kept = corpus_dir / "bijlagen" / f"{first.doc_id}.txt"
    kept.unlink()  # as if the import died between the document and its original
    (corpus_dir / "bijlagen" / ".tmp-dood.part").write_bytes(b"half")
    [again] = run(corpus_dir, index_dir, taxonomy, folder)
    assert (again.status, again.doc_id) == ("unchanged", first.doc_id)
    assert kept.read_bytes() == (folder / "notulen.txt").read_bytes()
    assert not (corpus_dir / "bijlagen" / ".tmp-dood.part").exists()


@pytest.mark.parametrize("head, address, title", [
    ("Dagblad070 | Den Haag wil kunst en cultuur voor ieder Haags kind", "https://www.dagblad070.nl/x",
     "Den Haag wil kunst en cultuur voor ieder Haags kind"),
    ("Verslag CMK-bijeenkomst | Kunstgebouw", None, "Verslag CMK-bijeenkomst"),
    ("Gemeente Alphen aan den Rijn - Inspiratiemiddag cultuuronderwijs in het Parkvilla",
     "https://www.alphenaandenrijn.nl/nieuws/inspiratiemiddag", "Inspiratiemiddag cultuuronderwijs in het Parkvilla"),
    # Without an address nothing says that the first part is a site's: every word stays.
    ("Dagblad070 | Den Haag wil kunst en cultuur voor ieder Haags kind", None,
     "Dagblad070 | Den Haag wil kunst en cultuur voor ieder Haags kind"),
])
def test_the_site_name_comes_off_either_end_of_a_page_title(head, address, title):
    assert importer.titles.choose_title(None, "", head, site=None, address=address) == title


def test_markdown_front_matter_without_type_or_title_is_imported(corpus_dir, index_dir, taxonomy, tmp_path):
    path = tmp_path / "export.md"
    path.write_text("---\ndate: 2023-05-04\nthemes: [erfgoed]\n---\n\n# Erfgoedles in Leiden\n\n"
                    "Leerlingen van groep 6 bezochten het museum en maakten een tentoonstelling.\n", encoding="utf-8")
    draft = importer.read_path(path, taxonomy)
    assert (draft.title, draft.type, draft.themes) == ("Erfgoedles in Leiden", None, ("erfgoed",))
    assert not draft.body.startswith("#")
    [outcome] = run(corpus_dir, index_dir, taxonomy, path)
    # This text has no cue for its type: the type is a guess below its threshold, so it waits for review.
    assert outcome.status == "created" and "type" not in outcome.suggested and outcome.pending >= 1


@pytest.mark.parametrize("links, address", [
    # An address that does not parse (an unclosed "[", as a broken CMS writes it) is missing metadata: the page is
    # read all the same, without a source address or with the other one the page gives (session 41: it was refused
    # as "beschadigd" with a traceback, from the title's site-name check).
    ('<link rel="canonical" href="https://[a.b/onderwijs">', None),
    ('<link rel="canonical" href="https://[a.b/onderwijs">'
     '<meta property="og:url" content="https://www.katwijk.nl/onderwijs">', "https://www.katwijk.nl/onderwijs"),
    ('<meta property="og:url" content="http://">', None),
])
def test_an_unreadable_page_address_is_left_out_not_a_refusal(links, address):
    page = (f"<html><head><title>Cultuurmenu voor de basisscholen | Gemeente Katwijk</title>{links}</head><body>"
            "<h1>Cultuurmenu voor de basisscholen</h1><p>" + "Leerlingen bezoeken musea en voorstellingen. " * 5
            + "</p></body></html>")
    draft = importer.html.read_html(page)
    assert draft.source.url == address
    assert draft.title == "Cultuurmenu voor de basisscholen"
