"""Import quality: our date finder against htmldate, our main-content extraction against trafilatura.

    .venv/bin/python benchmarks/import_quality.py [--collection DIR]

1. The page fixtures (tests/fixtures/import-pages/, with expected.json: the true date, the title, article
   sentences that must be kept and page chrome that must not): date accuracy; kept sentences, leaked
   chrome and exact titles.
2. A collection of real pages (default benchmarks/relevance/collection/ when present: excerpts of real
   pages of the field, the article text only): how many pages get a date, how often the finders agree,
   and how much of each page's text the extractors keep.
htmldate and trafilatura are measurement-only dependencies (`pip install htmldate trafilatura
lxml_html_clean`)."""
from __future__ import annotations

import argparse
import io
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kennisplatform.importer import dates, read_html  # noqa: E402

PAGES = ROOT / "tests" / "fixtures" / "import-pages"
COLLECTION = ROOT / "benchmarks" / "relevance" / "collection"


def norm(text: str) -> str:
    text = re.sub(r"[*_#>`\\\[\]]|\]\([^)]*\)", " ", text)
    return " ".join(text.split())


# -- the finders and extractors compared -------------------------------------------------------------------
def ours_date(html: str, url: str | None):
    return read_html(html, url=url).date


def htmldate_date(html: str, url: str | None, extensive: bool):
    import htmldate

    found = htmldate.find_date(html, url=url, original_date=True, extensive_search=extensive,
                               outputformat="%Y-%m-%d")
    return found and __import__("datetime").date.fromisoformat(found)


def combined_date(html: str, url: str | None):
    """Structured metadata (ours), then htmldate's fast mode, then our text rules."""
    soup = BeautifulSoup(html, "html.parser")
    return (dates.published_date(soup) or htmldate_date(html, url, False) or ours_date(html, url))


def ours_text(html: str) -> tuple[str, str]:
    draft = read_html(html)
    return draft.title, draft.body


def trafilatura_text(html: str) -> tuple[str, str]:
    import trafilatura

    body = trafilatura.extract(html, output_format="markdown", include_formatting=True, include_links=False,
                               include_comments=False, include_tables=True) or ""
    meta = trafilatura.extract_metadata(html)
    return (meta.title if meta else "") or "", body


DATE_FINDERS = {
    "ours": ours_date,
    "htmldate (fast)": lambda h, u: htmldate_date(h, u, False),
    "htmldate (extensive)": lambda h, u: htmldate_date(h, u, True),
    "structured, then htmldate fast, then ours": combined_date,
}
EXTRACTORS = {"ours": ours_text, "trafilatura": trafilatura_text}


def page_url(html: str) -> str | None:
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    return match.group(1) if match else None


# -- 1. fixtures with the truth ----------------------------------------------------------------------------
def fixtures() -> None:
    expected = {k: v for k, v in json.loads((PAGES / "expected.json").read_text("utf-8")).items()
                if not k.startswith("_")}
    pages = {name: (PAGES / name).read_text("utf-8") for name in expected}
    print(f"## Page fixtures ({len(pages)} pages, {PAGES.relative_to(ROOT)})\n")
    print("| date finder | right | wrong | missed |\n|---|---|---|---|")
    for label, finder in DATE_FINDERS.items():
        right = wrong = missed = 0
        wrong_pages = []
        for name, html in pages.items():
            found = finder(html, None)
            truth = expected[name]["date"]
            found = found.isoformat() if found else None
            if found == truth:
                right += 1
            elif found is None:
                missed += 1
                wrong_pages.append(f"{name}: none")
            else:
                wrong += 1
                wrong_pages.append(f"{name}: {found}")
        print(f"| {label} | {right} | {wrong} | {missed} |" + (f" ({'; '.join(wrong_pages)})" if wrong_pages else ""))
    print("\n| extractor | article sentences kept | chrome snippets leaked | titles exact |\n|---|---|---|---|")
    for label, extract in EXTRACTORS.items():
        kept = keep_total = leaked = drop_total = titles = 0
        for name, html in pages.items():
            title, body = extract(html)
            text = norm(body)
            keep, drop = expected[name]["keep"], expected[name]["drop"]
            kept += sum(norm(s) in text for s in keep)
            keep_total += len(keep)
            leaked += sum(norm(s) in text for s in drop)
            drop_total += len(drop)
            titles += title == expected[name]["title"]
        print(f"| {label} | {kept}/{keep_total} | {leaked}/{drop_total} | {titles}/{len(pages)} |")


# -- 2. real pages without the truth ---------------------------------------------------------------------
def paragraphs(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [norm(p.get_text(" ")) for p in soup.find_all(["p", "li", "h2", "h3"]) if len(p.get_text(strip=True)) > 20]


def collection(folder: Path) -> None:
    pages = {p.name: p.read_text("utf-8", errors="replace") for p in sorted(folder.glob("*.html"))}
    if not pages:
        return
    print(f"\n## Real pages ({len(pages)} pages, {folder})\n")
    found = {label: {name: finder(html, page_url(html)) for name, html in pages.items()}
             for label, finder in DATE_FINDERS.items()}
    print("| date finder | pages with a date | of which 1 January (a year only) | same date as ours |\n"
          "|---|---|---|---|")
    for label, by_page in found.items():
        with_date = sum(1 for d in by_page.values() if d)
        january = sum(1 for d in by_page.values() if d and (d.month, d.day) == (1, 1))
        same = sum(1 for n, d in by_page.items() if d and d == found["ours"][n])
        print(f"| {label} | {with_date} | {january} | {same} |")
    differ = [f"{n}: ours {found['ours'][n]}, htmldate {found['htmldate (extensive)'][n]}" for n in pages
              if found["ours"][n] != found["htmldate (extensive)"][n]]
    if differ:
        print("\nPages where ours and htmldate (extensive) differ:\n")
        print("\n".join(f"- {line}" for line in differ))
    print("\n| extractor | paragraphs kept (of the page's text) | pages with all kept | pages empty |\n|---|---|---|---|")
    for label, extract in EXTRACTORS.items():
        kept = total = complete = empty = 0
        for html in pages.values():
            wanted = paragraphs(html)
            text = norm(extract(html)[1])
            hits = sum(p in text for p in wanted)
            kept, total = kept + hits, total + len(wanted)
            complete += hits == len(wanted)
            empty += not text
        print(f"| {label} | {kept}/{total} ({kept / max(total, 1):.0%}) | {complete}/{len(pages)} | {empty} |")


# -- 3. PDF text layers -------------------------------------------------------------------------------------
def two_column_pdf() -> tuple[bytes, str]:
    """A page in two columns, as newsletters and reports are set: left column first, then right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    left = ["De scholen in de Krimpenerwaard werken", "sinds twee jaar samen aan een leerlijn", "erfgoed. Elke school kiest een",
            "eigen onderwerp uit de geschiedenis", "van het eigen dorp."]
    right = ["In het tweede jaar kwamen de musea", "erbij. Zij leveren lesmateriaal en", "ontvangen de klassen in hun",
             "gebouwen, met een rondleiding door", "een vrijwilliger."]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    for x, column in ((72, left), (320, right)):
        text = pdf.beginText(x, 700)
        for line in column:
            text.textLine(line)
        pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue(), " ".join(left + right)


def pdf_texts() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import difflib

    import pypdf
    from document_files import PAGES as REPORT, report_pdf
    from pdfminer.high_level import extract_text

    from kennisplatform.importer.pdf import read_pdf

    truth = []
    for blocks in REPORT:
        for _, content in blocks:
            truth.append(" ".join(content) if isinstance(content, list) else content)
    report = " ".join(truth).replace("cultuur- aanbieders", "cultuuraanbieders").replace("media- wijsheid",
                                                                                         "mediawijsheid")
    cases = {"report, 3 pages (running header/footer, hyphenation, bullets)": (report_pdf(), report),
             "two columns": two_column_pdf()}
    print("\n## PDF text (generated files; word-sequence similarity to the true text, 1.00 = identical)\n")
    print("| file | pypdf extract_text | pdfminer extract_text | ours (pdfminer + cleaning) |\n|---|---|---|---|")
    for label, (data, true_text) in cases.items():
        words = norm(true_text).split()
        outputs = ["\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages),
                   extract_text(io.BytesIO(data)), read_pdf(data).title + " " + read_pdf(data).body]
        scores = [difflib.SequenceMatcher(None, words, norm(text.replace("•", " ")).split(), autojunk=False).ratio()
                  for text in outputs]
        print(f"| {label} | " + " | ".join(f"{score:.2f}" for score in scores) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", type=Path, default=COLLECTION)
    args = parser.parse_args()
    fixtures()
    if args.collection.is_dir():
        collection(args.collection)
    pdf_texts()


if __name__ == "__main__":
    main()
