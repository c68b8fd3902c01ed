"""Known-item title probe: each tuning page's shown title, whole and half remembered, as the query; the page the target.

    python benchmarks/relevance/title_probe.py
        [--set tune3|tune4|tune5|tune6|fresh10|tune7|fresh11|tune8|fresh12|tune9|tune10|tune11|tune12|tune13|tune14|tune15]... [--engine NAME]...
        [--per-query]
    python benchmarks/relevance/title_probe.py --beside-starter [--per-query]

One kind of judged query is "title": a page's title as people half remember it. This probe asks that of every
page of a tuning collection, without judging: the pages of tune3, tune4, tune5, tune6, fresh10 (a check set that
became tuning material in session 12), tune7 (session 12), fresh11 (a check set until session 13), tune8
(session 13), fresh12 (a check set until its one run, in session 13), tune9 (session 14), tune10 (session 18),
tune11 (session 19), tune12 (session 20), tune13 (session 21), tune14 (session 22) and tune15 (session 23; evaluate.py's NAMED_SETS) are imported as evaluate.py imports them, and for each page a few
variants of its shown title are the query and the page itself is the one target. Only the tuning sets' own pages:
never the field collection (its pages are the held-out title queries' pages) nor a check set (--set accepts nothing
else).

Modes: alone (each collection imported into an empty corpus, as evaluate.py does) or --beside-starter (into a
copy of the bundled corpus, as evaluate.py --beside-starter does; the 63 starter documents compete for the first
places but are never a target). One import and one index per engine per collection.

The shown title is the title the import stored (the document's title in the corpus it made), with a site's name
taken off where the import kept it (it keeps the whole title when what is left is one telling word, "Cultuur |
Jong Rotterdam", and when nothing says which part is the site's): the last part after " | " (the page's own
title comes first on every such page of these sets; a first part that is the site's name by the page's address
goes instead), and the last part after " - " when it is the site's name itself by the page's address or
publication ("... - PDF" of DocPlayer too; "Opdracht - Actualisatie kerndoelen kunst en cultuur" stays whole).
A query is the title's words as one types them: separated by single spaces, without quotes and punctuation at
their edges ("‘Cultuur" -> "Cultuur", "Cultuur:" -> "Cultuur"), hyphens and apostrophes kept ("-participatie"
stays an elision, "’t" a word); a lone "-" or "&" is not a word. Variants, in this order:

    whole           every word
    -last           without its last word
    -first          without its first word
    first four      its first four words
    content         its content words only (kennisplatform.analysis's stop words out)
    reversed        the words in reverse order
    -middle         without one content word in the middle: of the content words that are neither first nor
                    last, the one nearest the middle (the earlier on a tie)

A variant of fewer than 2 words is skipped, and so is one of stop words only ("Over ons", left of "Over ons |
Stichting het Cultuurpalet") and one that equals (case aside) an earlier variant of the same page (a title of
four words has no "first four"; one without stop words no "content").

Targets: the page, and any other page of the collection whose shown title is the same (case aside: tune5 has
"Richtlijn voor urenbesteding" twice): such a query counts the reciprocal rank of the first of them, so two pages
of one title do not cost 0.5 each. Each engine returns its first 10 (evaluate.py's K): MRR is MRR@10 (0 when no
target is among them), success@1 a target first, success@10 one in the first 10.

Output: per collection a table with a row per variant (and all variants together): the number of queries and,
per engine, MRR, success@1 and success@10. --per-query lists our engine's misses (no target first): the
variant, the query, each engine's rank of the first target ("-" beyond 10; "<-- both peers first" where FTS5
and BM25 both put a target first), the page's stored title, and what ours put first (a starter document's title
marked "[starter]"). --engine NAME (repeatable) runs only those engines, as evaluate.py's. --set NAME (repeatable)
only those collections. A run of the four collections takes seconds (one import per collection).
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import evaluate  # noqa: E402
from evaluate import ENGINES, K, import_collection  # noqa: E402
from judged_sets import NAMED_SETS, STARTER_CORPUS  # noqa: E402

from kennisplatform import analysis  # noqa: E402
from kennisplatform.corpus import read_corpus  # noqa: E402

# Only the tuning sets' own pages (not the field collection, whose titles are the held-out title queries'
# pages, and never a check set).
SETS = ("tune3", "tune4", "tune5", "tune6", "fresh10", "tune7", "fresh11", "tune8", "fresh12", "tune9", "tune10",
        "tune11", "tune12", "tune13", "tune14", "tune15")
VARIANTS = ("whole", "-last", "-first", "first four", "content", "reversed", "-middle")
MIN_WORDS = 2

_APOSTROPHES = "'’‘`´"
# Characters taken off a word's edges: quotes, brackets and punctuation; not a hyphen (an elision,
# "-participatie") and not an apostrophe before a letter ("’t", "'s-Gravenhage").
_EDGE = "\"“”„‘’'«»‹›()[]{}:;,.!?…*"
_CLITIC = re.compile(rf"^[{_APOSTROPHES}][a-z]\b", re.I)
_SITE_SUFFIXES = {"pdf"}  # DocPlayer's "... - PDF"
_SEPARATOR_BAR = re.compile(r"\s+\|\s+")
_SEPARATOR_DASH = re.compile(r"\s+[-–—]\s+")


# -- titles and their variants (pure) ----------------------------------------------------------------
def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", analysis.fold(text.lower()))


def names_site(part: str, address: str | None = None, publication: str | None = None) -> bool:
    """The part is the site's name: it is, compared without spaces and punctuation, the publication's name
    or a label of the page's address ("Cultura Ede" at cultura-ede.nl, "Scala Scholen" at scalascholen.nl),
    or holds one of them whole ("Cultuurmenu Den Haag" at cultuurmenu.nl, "VVD Katwijk" at katwijk.vvd.nl)."""
    compact = _compact(part)
    if not compact:
        return False
    names = [_compact(publication)] if publication else []
    if address:
        host = (urlsplit(address).hostname or "").lower()
        names += [_compact(label) for label in host.split(".")[:-1] if label != "www"]
    return any(name and (compact == name or (len(name) >= 3 and name in compact)) for name in names)


def is_site_name(part: str, address: str | None = None, publication: str | None = None) -> bool:
    """The part is the site's name itself, not only holding it: "Dansdocent.nu" at dansdocent.nu, not
    "Actualisatie kerndoelen kunst en cultuur" at actualisatiekerndoelen.nl (a page's subject too)."""
    compact = _compact(part)
    names = [_compact(publication)] if publication else []
    if address:
        host = (urlsplit(address).hostname or "").lower()
        names += [_compact(label) for label in host.split(".")[:-1] if label != "www"]
        names.append(_compact(host.removeprefix("www.")))
    return bool(compact) and compact in names


def shown_title(title: str, address: str | None = None, publication: str | None = None) -> str:
    """The title a page shows, without a site's name the import left on it: after " | " the last part (or
    the first, when it names the site and the last does not); after " - " the last part only when it is
    the site's name or "PDF". "Cultuurmenu VO | Cultuurmenu Den Haag" -> "Cultuurmenu VO"; "Monitor ... 2015 -
    PDF" -> "Monitor ... 2015"; "Kerndoelen - Leerplankader kunstzinnige oriëntatie" stays whole."""
    title = " ".join(title.split())
    parts = _SEPARATOR_BAR.split(title)
    if len(parts) > 1:
        if names_site(parts[0], address, publication) and not names_site(parts[-1], address, publication):
            parts = parts[1:]
        else:
            parts = parts[:-1]
        title = " | ".join(parts)
    parts = _SEPARATOR_DASH.split(title)
    if len(parts) > 1:
        last = parts[-1]
        if last.lower() in _SITE_SUFFIXES or is_site_name(last, address, publication):
            title = title[: title.rindex(last)].rstrip(" -–—")
    return title


def _clean_word(token: str) -> str:
    if _CLITIC.match(token):  # "’t", "'s-Gravenhage": the apostrophe belongs to the word
        return token[0] + token[1:].strip(_EDGE)
    return token.strip(_EDGE)


def title_words(title: str) -> list[str]:
    """The words one types for a title: split on spaces, quotes and punctuation off their edges, hyphens
    and apostrophes kept; a token with no letter or digit ("-", "&", "|") is no word."""
    words = [_clean_word(token) for token in title.split()]
    return [w for w in words if any(c.isalnum() for c in w)]


def is_stop_word(word: str) -> bool:
    """A function word by kennisplatform.analysis's stop list ("en", "’t", "en/of"): every word the
    analyzer reads in it is a stop word."""
    lowered = word.lower().translate(str.maketrans({c: "'" for c in _APOSTROPHES}))
    if lowered.strip("-") in analysis.STOP_WORDS:
        return True
    tokens = analysis.tokenize(word)
    return all(t in analysis.STOP_WORDS for t in tokens)


def _middle_content_word(words: list[str]) -> int | None:
    """The index of the content word, neither first nor last, nearest the middle (the earlier on a tie)."""
    inner = [i for i in range(1, len(words) - 1) if not is_stop_word(words[i])]
    if not inner:
        return None
    middle = (len(words) - 1) / 2
    return min(inner, key=lambda i: (abs(i - middle), i))


def variants(title: str) -> list[tuple[str, str]]:
    """(variant, query) for a shown title, in VARIANTS order; a variant of fewer than MIN_WORDS words, of
    stop words only, or equal (case aside) to an earlier one, is left out."""
    words = title_words(title)
    middle = _middle_content_word(words)
    candidates = {
        "whole": words,
        "-last": words[:-1],
        "-first": words[1:],
        "first four": words[:4],
        "content": [w for w in words if not is_stop_word(w)],
        "reversed": words[::-1],
        "-middle": words[:middle] + words[middle + 1:] if middle is not None else [],
    }
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name in VARIANTS:
        chosen = candidates[name]
        query = " ".join(chosen)
        if len(chosen) < MIN_WORDS or all(map(is_stop_word, chosen)) or query.lower() in seen:
            continue
        seen.add(query.lower())
        out.append((name, query))
    return out


def same_title_key(title: str) -> str:
    return " ".join(w.lower() for w in title_words(title))


def targets_by_page(titles: dict[str, str]) -> dict[str, set[str]]:
    """page id -> the pages whose shown title is the same (case and punctuation aside), itself included."""
    by_key: dict[str, set[str]] = {}
    for doc_id, title in titles.items():
        by_key.setdefault(same_title_key(title), set()).add(doc_id)
    return {doc_id: by_key[same_title_key(title)] for doc_id, title in titles.items()}


def first_rank(ranking: list[str], targets: set[str]) -> int | None:
    """The 1-based place of the first target in the ranking; None when none is in it."""
    return next((i + 1 for i, doc in enumerate(ranking) if doc in targets), None)


# -- running -----------------------------------------------------------------------------------------
@dataclass
class Probe:
    page: str
    variant: str
    query: str
    targets: set[str]
    ranks: dict[str, int | None] = field(default_factory=dict)  # engine -> rank of the first target
    ours_first: str | None = None  # what our engine put first


def probes_for(corpus: Path, starter_ids: set[str]) -> tuple[list[Probe], dict[str, str]]:
    """The probes of an imported corpus (its pages outside starter_ids), and every document's title (a
    starter document's marked "[starter]")."""
    documents, _ = read_corpus(corpus)
    titles = {d.id: d.title + (" [starter]" if d.id in starter_ids else "") for d in documents}
    shown = {d.id: shown_title(d.title, d.source.url, d.source.publication)
             for d in documents if d.id not in starter_ids}
    targets = targets_by_page(shown)
    probes = [Probe(doc_id, variant, query, targets[doc_id])
              for doc_id in sorted(shown) for variant, query in variants(shown[doc_id])]
    return probes, titles


def run_collection(name: str, beside_starter: bool, engines: list, workdir: Path) -> tuple[str, list[Probe], dict]:
    collection = NAMED_SETS[name][0]
    source = import_collection(collection, workdir, beside_starter)
    starter_ids = set()
    if beside_starter:
        starter_ids = {d.id for d in read_corpus(STARTER_CORPUS)[0]}
    probes, titles = probes_for(source.corpus, starter_ids)
    for cls in engines:
        engine_dir = workdir / cls.name
        engine_dir.mkdir()
        engine = cls(source.corpus, engine_dir)
        for probe in probes:
            ranking = engine.rank(probe.query)[:K]
            probe.ranks[cls.name] = first_rank(ranking, probe.targets)
            if cls is evaluate.Ours:
                probe.ours_first = ranking[0] if ranking else None
    return source.import_summary, probes, titles


def scores(probes: list[Probe], engine: str) -> tuple[float, float, float]:
    """MRR@10, success@1, success@10."""
    ranks = [p.ranks[engine] for p in probes]
    n = len(ranks) or 1
    return (sum(1 / r for r in ranks if r) / n, sum(r == 1 for r in ranks) / n,
            sum(r is not None for r in ranks) / n)


def print_table(name: str, probes: list[Probe], engines: list[str]) -> None:
    rows = [(v, [p for p in probes if p.variant == v]) for v in VARIANTS] + [("all", probes)]
    cell = 20
    print(f"{'variant':<12}{'n':>5}" + "".join(f"  {e[:cell]:>{cell}}" for e in engines))
    print(f"{'':<12}{'':>5}" + "".join(f"  {'MRR   S@1  S@10':>{cell}}" for _ in engines))
    for variant, chosen in rows:
        if not chosen:
            continue
        cells = "".join("  " + "{:>{w}}".format("{:.3f} {:.3f} {:.3f}".format(*scores(chosen, e)), w=cell)
                        for e in engines)
        print(f"{variant:<12}{len(chosen):>5}{cells}")


def print_misses(probes: list[Probe], engines: list[str], titles: dict[str, str]) -> None:
    """Our engine's misses (no target first): each engine's rank, and what ours put first."""
    ours = evaluate.Ours.name
    misses = [p for p in probes if p.ranks.get(ours) != 1]
    print(f"\nour misses (no target first): {len(misses)}; rank of the first target per engine "
          f"({' / '.join(engines)}), '-' beyond {K}")
    for p in misses:
        ranks = " / ".join(str(p.ranks[e] or "-") for e in engines)
        peers_first = all(p.ranks[e] == 1 for e in engines if e != ours) and len(engines) > 1
        flag = "  <-- both peers first" if peers_first else ""
        first = titles.get(p.ours_first, "(nothing)") if p.ours_first else "(nothing)"
        print(f"  [{p.variant}] {p.query!r}: {ranks}{flag}\n      page: {titles[p.page]!r}\n"
              f"      ours first: {first!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=SETS, dest="sets",
                        help="a tuning collection (repeatable; all three when none given)")
    parser.add_argument("--beside-starter", action="store_true",
                        help="import into a copy of the bundled corpus; its documents are never targets")
    parser.add_argument("--engine", action="append", choices=list(ENGINES),
                        help="only these engines (repeatable); ours first when present")
    parser.add_argument("--per-query", action="store_true", help="list our engine's misses with every engine's rank")
    args = parser.parse_args()
    sets = [s for s in SETS if not args.sets or s in args.sets]
    engines = [ENGINES[n] for n in ENGINES if not args.engine or n in args.engine]
    names = [cls.name for cls in engines]
    mode = "beside the bundled corpus (starter documents never targets)" if args.beside_starter else "alone"
    print(f"known-item title probe, {mode}; MRR@{K}, success@1, success@{K} per engine")
    for name in sets:
        with tempfile.TemporaryDirectory() as tmp:
            summary, probes, titles = run_collection(name, args.beside_starter, engines, Path(tmp))
        pages = len({p.page for p in probes})
        print(f"\n== {name}: {summary}; {len(probes)} queries over {pages} pages")
        print_table(name, probes, names)
        if args.per_query and evaluate.Ours.name in names:
            print_misses(probes, names, titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
