"""A long query lists the pages with every content word first, but not a page that has them all weakly: an every-word
page that scores under search.WEAK_FIRST of the best page without every word (WEAK_FIRST_QUESTION for a question)
goes down among the rest (session 46). Beside the bundled corpus, a long meeting report that names each word of "hoe
krijgen leerlingen zonder auditie een rol in de schoolmusical?" once came before the page about the musical, which
never says "auditie"."""
from __future__ import annotations

from conftest import articles_engine, hits

FILLER = " Daarna was er koffie en werd er nagepraat over de agenda van de volgende keer." * 8
QUESTION = "hoe krijgen leerlingen zonder auditie een rol in de schoolmusical?"


def docs(report_filler: str) -> list[tuple[str, str, list, str]]:
    """A page about the musical without "auditie", and a report with every word of QUESTION, once each."""
    return [
        ("musical", "Iedereen speelt mee in de schoolmusical", [],
         "In groep 8 krijgen alle leerlingen een rol in de schoolmusical. De leerlingen kiezen zelf hun rol: een "
         "zingende rol, een rol achter de schermen of een rol op het toneel. De schoolmusical is het feest van de "
         "leerlingen."),
        ("verslag", "Verslag van de netwerkbijeenkomst", [],
         "De leerlingenraad nam het woord. Een auditie voor het schoolorkest kwam ter sprake, net als de rol van de "
         "ouders en een schoolmusical van vorig jaar." + report_filler),
    ] + [(f"other-{i}", f"Bericht {i}", [], "De leerlingen van groep 7 gingen op excursie." + FILLER)
         for i in range(6)]


weak_engine = articles_engine(docs(FILLER * 3), name="weak_engine")
engine = articles_engine(docs(FILLER), name="engine")


def test_a_report_with_every_word_weakly_goes_below_the_page_about_the_question(weak_engine):
    assert hits(weak_engine, QUESTION)[:2] == ["musical", "verslag"]


def test_a_page_with_every_word_still_comes_first_when_it_is_not_weak(engine):
    # The shorter report scores over half of the musical page: having every word still puts it first.
    assert hits(engine, QUESTION)[:2] == ["verslag", "musical"]
