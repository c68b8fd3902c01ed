"""The command line: thin wrappers, but their output and exit codes are what people script against."""
from __future__ import annotations

import json

import pytest

from click.testing import CliRunner

from kennisplatform.cli import main


def run(corpus_dir, index_dir, *args):
    return CliRunner().invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), *args])


def test_index_then_search_as_json(corpus_dir, index_dir):
    built = run(corpus_dir, index_dir, "index")
    assert built.exit_code == 0, built.output
    assert "5 nieuw" in built.output
    again = run(corpus_dir, index_dir, "index")
    assert "5 ongewijzigd" in again.output
    rebuilt = run(corpus_dir, index_dir, "index", "--rebuild")
    assert "opnieuw opgebouwd" in rebuilt.output

    result = run(corpus_dir, index_dir, "search", "erfgoed", "--region", "Holland Rijnland", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"] == 1
    assert data["hits"][0]["id"] == "erfgoed-leiden"
    assert {"id", "type", "title", "date", "summary", "snippet", "themes", "regions"} <= set(data["hits"][0])
    region = {b["value"]: b for b in data["facets"]["region"]}
    assert region["holland-rijnland"]["selected"] is True
    assert set(data["facets"]) == {"type", "theme", "region", "discipline", "audience", "year"}


def test_search_prints_hits_and_facets(corpus_dir, index_dir):
    result = run(corpus_dir, index_dir, "search", "erfgoet")
    assert result.exit_code == 0, result.output
    assert "Geen resultaten voor ‘erfgoet’; wel voor ‘erfgoed’." in result.output
    assert "resultaten" in result.output and "Thema:" in result.output
    result = run(corpus_dir, index_dir, "search", "creatieve werkvormen")
    assert "1 resultaat (pagina 1 van 1)" in result.output  # not "1 resultaten"


def test_bad_option_is_a_clear_error(corpus_dir, index_dir):
    result = run(corpus_dir, index_dir, "search", "x", "--theme", "onbestaand")
    assert result.exit_code != 0
    assert "Onbekende waarde 'onbestaand' voor thema" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args, message", [
    (["onzin"], "Fout: Onbekend commando 'onzin'."),
    (["search", "--limiet", "3"], "Fout: Onbekende optie '--limiet'."),
    (["import"], "Fout: Ontbrekend argument 'BESTANDEN...'."),
    (["serve", "--port", "99999"], "Fout: Ongeldige waarde voor '--port': 99999 ligt niet in het bereik"),
    (["serve", "--port", "abc"], "Fout: Ongeldige waarde voor '--port': 'abc' is geen geldig geheel getal."),
    (["search", "x", "--sort", "willekeurig"], "'willekeurig' is niet een van 'relevance', 'newest', 'oldest'."),
])
def test_usage_errors_are_dutch(corpus_dir, index_dir, args, message):
    result = run(corpus_dir, index_dir, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Zie '" in result.output and "--help' voor hulp." in result.output
    assert "Error" not in result.output and "Usage" not in result.output


def test_help_is_dutch(corpus_dir, index_dir):
    result = run(corpus_dir, index_dir, "history", "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: main history [OPTIES] DOCUMENT")
    assert "Opties:" in result.output and "Toon deze hulptekst en stop." in result.output
    top = CliRunner().invoke(main, ["--help"])
    assert "Commando's:" in top.output and "COMMANDO [ARGUMENTEN]..." in top.output


def test_check_reports_problems_and_exits_non_zero(corpus_dir, index_dir):
    assert run(corpus_dir, index_dir, "check").exit_code == 0
    (corpus_dir / "verslagen" / "fout.md").write_text(
        "---\ntype: verslag\ntitle: Fout\ndate: 2020-02-30\nthemes: [erfgoedd]\n---\ntekst\n", encoding="utf-8")
    result = run(corpus_dir, index_dir, "check")
    assert result.exit_code == 1
    assert "verslagen/fout.md: date: ongeldige datum '2020-02-30'" in result.output


def test_environment_variables_choose_the_folders(corpus_dir, index_dir, monkeypatch):
    monkeypatch.setenv("KENNISPLATFORM_CORPUS", str(corpus_dir))
    monkeypatch.setenv("KENNISPLATFORM_INDEX", str(index_dir))
    result = CliRunner().invoke(main, ["index"])
    assert result.exit_code == 0 and "5 nieuw" in result.output
    assert (index_dir / "manifest.json").exists()


@pytest.mark.parametrize("args", [["search", "erfgoed", "a\udcff"], ["history", "a\udcff"], ["revert", "a\udcff", "1"],
                                  ["revert", "vlaardingen-2023", "\udcff"], ["undelete", "a\udcff"],
                                  ["undo-import", "a\udcff"]])
def test_an_argument_that_is_not_utf8_is_a_dutch_usage_error(corpus_dir, index_dir, args):
    # What Python makes of the bytes b"a\xff" from a Latin-1 terminal: a lone surrogate.
    result = run(corpus_dir, index_dir, *args)
    assert result.exit_code == 2, result.output
    assert "is geen geldige UTF-8-tekst" in result.output and "\\xff" in result.output
    assert not isinstance(result.exception, UnicodeError)


@pytest.mark.parametrize("command", [["index"], ["search", "erfgoed"], ["import", "--dry-run"]])
def test_an_index_folder_that_cannot_be_made_is_a_dutch_error(corpus_dir, tmp_path, command):
    (tmp_path / "een-bestand").write_text("x", encoding="utf-8")
    index_dir = tmp_path / "een-bestand" / "index"
    if command[0] == "import":
        (tmp_path / "a.txt").write_text("Titel\n\nTekst.\n", encoding="utf-8")
        command = [*command, str(tmp_path / "a.txt")]
    result = run(corpus_dir, index_dir, *command)
    assert result.exit_code == 1, result.output
    assert f"Fout: {tmp_path / 'een-bestand'}" in result.output
    assert "een deel van het pad is geen map" in result.output
    assert isinstance(result.exception, SystemExit)  # not an OSError's traceback


def test_an_index_command_on_a_missing_corpus_folder_says_so_and_makes_nothing(tmp_path, index_dir):
    result = run(tmp_path / "bestaat-niet", index_dir, "index")
    assert result.exit_code == 1
    assert "bestaat-niet/taxonomy.yaml: bestaat niet" in result.output
    assert not (tmp_path / "bestaat-niet").exists()


def test_check_and_index_report_an_implausible_date_and_index_the_document_undated(corpus_dir, index_dir):
    (corpus_dir / "verslagen" / "oud.md").write_text(
        "---\ntype: verslag\ntitle: Heel oud verslag\ndate: 1200-01-01\n---\nTekst over een oude oorkonde.\n",
        encoding="utf-8")
    checked = run(corpus_dir, index_dir, "check")
    assert checked.exit_code == 1
    assert "verslagen/oud.md: date: datum 1200-01-01 ligt te ver in het verleden" in checked.output
    assert "6 documenten gelezen, 1 problemen. 1 zonder datum" in checked.output
    indexed = run(corpus_dir, index_dir, "index")
    assert "6 nieuw" in indexed.output and "verslagen/oud.md: date: datum 1200-01-01" in indexed.output
    data = json.loads(run(corpus_dir, index_dir, "search", "oorkonde", "--json").output)
    assert [(h["id"], h["date"]) for h in data["hits"]] == [("oud", None)]


def test_search_says_where_a_village_lies(tmp_path):
    from conftest import fixture_corpus, write_document

    corpus = fixture_corpus(tmp_path)
    write_document(corpus, "cultuurmenu-hw", "artikel", "2024-03-01", ["onderwijs"], ["Hoeksche Waard"], {},
                   "Het cultuurmenu van de scholen in de Hoeksche Waard.")
    result = run(corpus, tmp_path / "index", "search", "numansdorp")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Numansdorp ligt in Hoeksche Waard.\n1 resultaat")
