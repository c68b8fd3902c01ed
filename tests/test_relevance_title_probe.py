"""title_probe.py: the variants of a page's shown title, the shown title itself, and which pages count as the
target, as pure functions (no import, no engine). The probe reads only the tuning sets' own pages."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "relevance"))
import title_probe  # noqa: E402
from title_probe import first_rank, shown_title, targets_by_page, title_words, variants  # noqa: E402


def test_every_variant_of_a_long_title_in_order():
    assert variants("Nieuwe koers voor cultuur in Leidschendam-Voorburg") == [
        ("whole", "Nieuwe koers voor cultuur in Leidschendam-Voorburg"),
        ("-last", "Nieuwe koers voor cultuur in"),
        ("-first", "koers voor cultuur in Leidschendam-Voorburg"),
        ("first four", "Nieuwe koers voor cultuur"),
        ("content", "Nieuwe koers cultuur Leidschendam-Voorburg"),
        ("reversed", "Leidschendam-Voorburg in cultuur voor koers Nieuwe"),
        ("-middle", "Nieuwe koers voor in Leidschendam-Voorburg"),  # "cultuur": the content word nearest the middle
    ]


def test_variants_of_fewer_than_two_words_stop_words_only_or_equal_to_an_earlier_one_are_left_out():
    # Three words: "first four" is the whole title; no stop word: "content" is too.
    assert variants("Training Cultuurcoördinator VO") == [
        ("whole", "Training Cultuurcoördinator VO"), ("-last", "Training Cultuurcoördinator"),
        ("-first", "Cultuurcoördinator VO"), ("reversed", "VO Cultuurcoördinator Training"),
        ("-middle", "Training VO")]
    # Two words: nothing of one word; no content word in the middle.
    assert variants("Erfgoed doen") == [("whole", "Erfgoed doen"), ("reversed", "doen Erfgoed")]
    assert variants("Cultuurcoach") == []
    assert variants("Over ons") == []  # stop words only
    # A palindrome: reversed equals whole; no content word in the middle ("en" is a stop word).
    assert [v for v, _ in variants("kunst en kunst")] == ["whole", "-last", "-first", "content"]


def test_a_query_is_the_words_one_types():
    assert title_words("‘Cultuur in Delft is inclusief en past bij ons DNA’")[0] == "Cultuur"
    assert title_words("Cultuureducatie met Kwaliteit (CmK)") == ["Cultuureducatie", "met", "Kwaliteit", "CmK"]
    assert title_words("Lancering leerlijnkaders muziek & beeldend") == ["Lancering", "leerlijnkaders", "muziek",
                                                                          "beeldend"]
    # Elisions keep their hyphen, clitics their apostrophe, compounds with a hyphen their parts together.
    assert variants("Raad voor Cultuur: cultuureducatie en -participatie minder vrijblijvend")[0] == (
        "whole", "Raad voor Cultuur cultuureducatie en -participatie minder vrijblijvend")
    assert title_words("27 leerlingen ’t Kofschip krijgen") == ["27", "leerlingen", "’t", "Kofschip", "krijgen"]
    # "’t" is a stop word (the analyzer reads "t"), "-participatie" a content word.
    assert dict(variants("leerlingen van ’t Kofschip en -participatie"))["content"] == (
        "leerlingen Kofschip -participatie")


def test_the_shown_title_loses_a_site_name_the_import_kept():
    assert shown_title("Cultuurmenu VO | Cultuurmenu Den Haag", "https://cultuurmenu.nl/voortgezetonderwijs/") == (
        "Cultuurmenu VO")
    assert shown_title("Cultuur | Jong Rotterdam", "https://www.jong-rotterdam.nl/partijprogramma/cultuur") == "Cultuur"
    assert shown_title("1000688 - Kunst- en cultuurvisie | Raadsstukken 2013", "https://www.hengelo.nl/x") == (
        "1000688 - Kunst- en cultuurvisie")
    # The site's name first, by the address.
    assert shown_title("Dagblad070 | Den Haag wil meer cultuur", "https://www.dagblad070.nl/a") == (
        "Den Haag wil meer cultuur")
    # After " - " only the site's name itself, or DocPlayer's "PDF".
    assert shown_title("Monitor cultuuronderwijs voortgezet onderwijs 2015 - PDF", "http://docplayer.nl/1-m.html",
                       "DocPlayer") == "Monitor cultuuronderwijs voortgezet onderwijs 2015"
    assert shown_title("Over de regeling - Cultuurschakel", "https://www.cultuurschakel.nl/a") == "Over de regeling"
    for kept, address in [("Kerndoelen - Leerplankader kunstzinnige oriëntatie", "https://www.slo.nl/thema/x"),
                          ("Opdracht - Actualisatie kerndoelen kunst en cultuur",
                           "https://www.actualisatiekerndoelen.nl/kunstcultuur/opdracht"),
                          ("Training Cultuurcoördinator VO", "https://www.hart-haarlem.nl/onderwijs/x")]:
        assert shown_title(kept, address, "SLO") == kept


def test_pages_of_one_title_are_each_others_targets_and_the_first_of_them_counts():
    targets = targets_by_page({"a": "Richtlijn voor urenbesteding", "b": "Richtlijn voor urenbesteding!",
                               "c": "Richtlijn voor uren"})
    assert targets["a"] == targets["b"] == {"a", "b"} and targets["c"] == {"c"}
    assert first_rank(["x", "b", "a"], targets["a"]) == 2
    assert first_rank(["x", "y"], targets["c"]) is None


def test_only_the_tuning_sets_own_pages():
    # fresh10, fresh11 and fresh12 were check sets until their one run (sessions 11, 12 and 13); since then each is
    # tuning material, like tune7, tune8, tune9, tune10, tune11, tune12, tune13, tune14 and tune15.
    assert title_probe.SETS == ("tune3", "tune4", "tune5", "tune6", "fresh10", "tune7", "fresh11", "tune8", "fresh12",
                                "tune9", "tune10", "tune11", "tune12", "tune13", "tune14",
                                "tune15")
    never_read = set(title_probe.evaluate.NEVER_READ)
    assert {"fresh8", "fresh13", "fresh18", "fresh14", "fresh60"} <= never_read
    assert not never_read & set(title_probe.SETS)
    assert all(title_probe.NAMED_SETS[name][0].name == f"collection_{name}" for name in title_probe.SETS)
