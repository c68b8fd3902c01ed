"""Facets, filters, paging and renderings against a brute-force oracle (session 17).

Random searches (an empty query, or 1-6 words drawn from the documents, the taxonomy's names and typos) with random
filters (one or several values per facet, regions at every level, years and CMK periods), sorts and page sizes, over
the bundled corpus and over the bundled corpus with collection_tune8 imported. Each is checked against what the
search itself lists (every page of it) and each listed document's own values:
- the total is the listing's length, no document twice, every listed document passes the filters (OR within a facet,
  AND across, regions by their hierarchy), the date sorts in order with undated documents last;
- facet counts: a facet without a selection counts the listing; one with a selection counts a value within it over
  the listing, and a value outside it over what ticking it lists of it (the listing of the search with it added to
  the selection: mostly that of the search without the selection, not where the query was decided again under a
  selection); a CMK period is the sum of its years; a region counts no fewer than a region below it;
- what the page offers lists what it says: a value clicked (its count: in a facet with a selection, ticking adds it,
  OR, and its count is its documents in that listing; elsewhere the listing's total), a value added to the selection
  (no fewer), "Zonder ..." on an empty page, "Alleen <plaats>?", "Bedoelde u ...?";
- pages of any size join up to the whole listing, with the same total and facets; a page past the last is empty;
- /zoeken (HTML), /zoeken.json, /api/v1/search, /api/v1/facets and /zoeken.csv give the engine's total, hits and counts.

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/facet_oracle.py [--searches 600] [--seed 1]

The random searches are drawn from values gathered through sets of strings, whose order follows Python's hash seed:
without PYTHONHASHSEED=0 two runs with the same --seed draw different searches (figures before session 21 were so).

Prints the number of searches and requests and, per kind of problem, how often it was seen and a few examples.
Not a test (the promises are tested in tests/test_facet_consistency.py and others); a search for cases they miss.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE / "relevance"))
from bs4 import BeautifulSoup  # noqa: E402

from evaluate import import_collection  # noqa: E402
from kennisplatform import create_app  # noqa: E402
from kennisplatform.corpus import read_corpus, taxonomy_for  # noqa: E402
from kennisplatform.index import update_index  # noqa: E402
from kennisplatform.params import FACETS, PERIODS, UNKNOWN_YEAR, SearchParams, years_of  # noqa: E402
from kennisplatform.search import SearchEngine  # noqa: E402

WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
PROBLEMS: dict[str, list] = defaultdict(list)
STATS = Counter()


def problem(kind: str, detail) -> None:
    STATS["problem:" + kind] += 1
    if len(PROBLEMS[kind]) < 6:
        PROBLEMS[kind].append(detail)


class Ctx:
    def __init__(self, name: str, corpus: Path, root: Path):
        self.name = name
        self.corpus = corpus
        self.index = root / "index"
        self.tax = taxonomy_for(self.corpus)
        update_index(self.corpus, self.index, taxonomy=self.tax)
        docs, problems = read_corpus(self.corpus, self.tax)
        self.docs = {d.id: d for d in docs}
        self.values = {d.id: self.doc_values(d) for d in docs}
        self.engine = SearchEngine(self.index, self.tax)
        self.client = create_app({"TESTING": True, "CORPUS_DIR": str(self.corpus), "INDEX_DIR": str(self.index),
                                  "SECRET_KEY": "oracle"}).test_client()
        words = Counter()
        for d in docs:
            words.update(w.lower() for w in WORD.findall(d.title + " " + d.summary + " " + d.body))
        self.words = list(words)
        self.names = []
        for facet in ("theme", "region", "discipline", "audience"):
            for t in self.tax.terms(facet):
                self.names.append(t.label)
        self.names += list(self.tax.place_forms)
        self.present = defaultdict(Counter)
        for v in self.values.values():
            for f, vals in v.items():
                self.present[f].update(vals)

    def doc_values(self, d) -> dict[str, set[str]]:
        regions = set()
        for r in d.regions:
            regions.add(r)
            regions.update(self.tax.ancestors(r))
        return {"type": {d.type}, "theme": set(d.themes), "region": regions, "discipline": set(d.disciplines),
                "audience": set(d.audience), "year": {str(d.date.year) if d.date else UNKNOWN_YEAR}}

    def has(self, doc_id: str, facet: str, value: str) -> bool:
        vals = self.values[doc_id][facet]
        if facet == "year" and value in PERIODS:
            return any(str(y) in vals for y in years_of(value))
        return value in vals

    def passes(self, doc_id: str, params: SearchParams, skip: str | None = None) -> bool:
        for f in FACETS:
            sel = params.selected(f)
            if f != skip and sel and not any(self.has(doc_id, f, v) for v in sel):
                return False
        return True


def random_params(ctx: Ctx, rng: random.Random) -> SearchParams:
    r = rng.random()
    if r < 0.25:
        q = ""
    else:
        n = rng.choice([1, 1, 2, 2, 3, 4, 5, 6])
        parts = []
        for _ in range(n):
            src = rng.random()
            if src < 0.6:
                parts.append(rng.choice(ctx.words))
            elif src < 0.95:
                parts.append(rng.choice(ctx.names))
            else:
                w = rng.choice(ctx.words)
                i = rng.randrange(len(w))
                parts.append(w[:i] + w[i + 1:])  # a typo
        q = " ".join(parts)
    sel = {}
    for f in FACETS:
        if rng.random() < 0.3:
            k = rng.choice([1, 1, 2, 3])
            pool = list(ctx.present[f])
            if f == "region":
                pool += [t.id for t in ctx.tax.terms("region")] if rng.random() < 0.3 else []
                # some regions at every level
                level = rng.choice(["land", "provincie", "regio", "gemeente", None])
                if level:
                    pool += [t.id for t in ctx.tax.terms("region") if t.level == level]
            elif f == "year":
                pool += list(PERIODS) * 3 + [UNKNOWN_YEAR]
            elif rng.random() < 0.2:
                pool += [t.id for t in ctx.tax.terms(f)]
            vals = []
            for _ in range(k):
                v = rng.choice(pool)
                if v not in vals:
                    vals.append(v)
            sel[f] = tuple(vals)
    sort = rng.choice(["relevance", "relevance", "newest", "oldest"])
    return SearchParams(q=q, sort=sort, exact=rng.random() < 0.1, **sel)


def search(ctx: Ctx, params: SearchParams, **changes):
    STATS["engine searches"] += 1
    return ctx.engine.search(replace(params, **changes))


def full_listing(ctx: Ctx, params: SearchParams):
    first = search(ctx, params, page=1, per_page=100)
    ids = [h.id for h in first.hits]
    for page in range(2, first.pages + 1):
        ids += [h.id for h in search(ctx, params, page=page, per_page=100).hits]
    return first, ids


def ticked_count(ctx: Ctx, params: SearchParams, facet: str, value: str) -> int:
    """The documents with `value` in the listing of the search with it added to the facet's selection."""
    ids = full_listing(ctx, params.toggle(facet, value))[1]
    return sum(ctx.has(i, facet, value) for i in ids)


def facet_counts(result) -> dict[str, dict[str, int]]:
    return {name: {b.value: b.count for b in f.buckets} for name, f in result.facets.items()}


def oracle_counts(ctx: Ctx, ids, facet: str) -> Counter:
    c = Counter()
    for i in ids:
        c.update(ctx.values[i][facet])
    return c


def check_one(ctx: Ctx, params: SearchParams, rng: random.Random) -> None:
    tag = (ctx.name, params.to_args())
    site = search(ctx, params, page=1, per_page=10)
    first, ids = full_listing(ctx, params)
    # -- total, distinct, consistent with the site page
    if len(ids) != len(set(ids)):
        problem("duplicate in listing", tag)
    if first.total != len(ids):
        problem("total != listed over all pages", (tag, first.total, len(ids)))
    if site.total != first.total:
        problem("total depends on page size (10 vs 100)", (tag, site.total, first.total))
    if [h.id for h in site.hits] != ids[:10]:
        problem("page of 10 != first 10 of pages of 100", (tag, [h.id for h in site.hits], ids[:10]))
    if facet_counts(site) != facet_counts(first):
        problem("facets depend on page size", tag)
    # -- filters
    for i in ids:
        if not ctx.passes(i, params):
            problem("listed doc fails filters", (tag, i, {f: sorted(ctx.values[i][f]) for f in FACETS}))
            break
    # -- sort order
    if params.sort != "relevance" or not params.q.strip():
        dates = [ctx.docs[i].date for i in ids]
        known = [d for d in dates if d]
        if any(d is None for d in dates[:len(known)]):
            problem("undated not last", tag)
        want = sorted(known, reverse=params.sort != "oldest")
        if known != want:
            problem("date order wrong", (tag, params.sort))
    # -- facet counts
    counts = facet_counts(site)
    for f in FACETS:
        sel = params.selected(f)
        fc = counts[f]
        buckets = site.facets[f].buckets
        values = [b.value for b in buckets]
        if len(values) != len(set(values)):
            problem("duplicate bucket", (tag, f, [v for v, n in Counter(values).items() if n > 1]))
        for b in buckets:
            if b.selected != (b.value in sel):
                problem("selected flag wrong", (tag, f, b.value))
        for v in sel:
            if v not in fc:
                problem("selected value not shown", (tag, f, v))
        listed = oracle_counts(ctx, ids, f)
        if not sel:
            want = {v: n for v, n in listed.items() if n}
            got = {v: n for v, n in fc.items() if n and not (f == "year" and v in PERIODS)}
            if want != got:
                diff = {v: (got.get(v), want.get(v)) for v in set(want) | set(got) if got.get(v) != want.get(v)}
                problem("unselected facet counts != listing", (tag, f, diff))
        else:
            def within(v):
                docs = [d for d in ctx.docs if ctx.has(d, f, v)]
                return all(any(ctx.has(d, f, s) for s in sel) for d in docs)
            inside = {v for v in fc if not (f == "year" and v in PERIODS) and within(v)}
            for v in inside:
                if fc[v] != listed.get(v, 0):
                    problem("within-selection count != listing", (tag, f, v, fc[v], listed.get(v, 0)))
            rest_params = replace(params, **{f: ()})
            rest = search(ctx, rest_params, page=1, per_page=100)
            rest_ids = [h.id for h in rest.hits] if rest.total <= 100 else full_listing(ctx, rest_params)[1]
            rest_counts = oracle_counts(ctx, rest_ids, f)
            want = {v: n for v, n in rest_counts.items() if n and v not in inside}
            got = {v: n for v, n in fc.items() if n and not (f == "year" and v in PERIODS) and v not in inside}
            for v in set(want) | set(got):
                if got.get(v) != want.get(v) and ticked_count(ctx, params, f, v) == got.get(v, 0):
                    want[v] = got[v]  # what ticking it lists of it, where the query was decided again
                    if not want[v]:
                        del want[v]
            if want != got:
                diff = {v: (got.get(v), want.get(v)) for v in set(want) | set(got) if got.get(v) != want.get(v)}
                problem("selected facet counts != listing without own selection", (tag, f, diff,
                        site.relaxation and site.relaxation.kind, rest.relaxation and rest.relaxation.kind))
        # period counts = sum of their years; region parent >= child
        if f == "year":
            for p in PERIODS:
                if p in fc and fc[p] != sum(fc.get(str(y), 0) for y in PERIODS[p]):
                    problem("period != sum of years", (tag, p))
        if f == "region":
            for b in buckets:
                if b.parent and b.parent in fc and fc[b.parent] < b.count:
                    problem("region parent below child", (tag, b.parent, b.value))
                if b.parent and ctx.tax.get("region", b.value) and ctx.tax.get("region", b.value).parent != b.parent:
                    problem("region bucket parent wrong", (tag, b.value, b.parent))
        # click check: in a facet with a selection, ticking a value outside it adds it (OR) and its count is its
        # documents in that listing; elsewhere clicking a value lists what its count said (the selection replaced
        # by it). Replacing a selection by an outside value is counted too, as a figure, not as a problem: where the
        # query was decided again under the selection it is not what its count says (docs/performance.md, s. 21).
        shown = [b for b in buckets if b.count]
        for b in rng.sample(shown, min(2, len(shown))):
            clicked = ctx.engine.search(replace(params, **{f: (b.value,)}, page=1, per_page=10), with_facets=False)
            STATS["engine searches"] += 1
            if sel and b.value not in sel:
                ticked = ticked_count(ctx, params, f, b.value)
                if ticked != b.count:
                    problem("click (tick) != count", (tag, f, b.value, b.count, ticked))
                if clicked.total != b.count:
                    STATS["replacing the selection by a value != its count"] += 1
            elif clicked.total != b.count:
                problem("click (replace) total != count", (tag, f, b.value, b.count, clicked.total,
                        clicked.relaxation and clicked.relaxation.kind))
            if not sel or b.value in sel:
                continue
            added = ctx.engine.search(replace(params, **{f: (*sel, b.value)}, page=1, per_page=10), with_facets=False)
            STATS["engine searches"] += 1
            if added.total < site.total:
                problem("adding a value (OR) lowers the total", (tag, f, b.value, site.total, added.total))
    # -- the page's offers: what each says it gives, and what following it gives
    for drop in site.filter_drops:
        after = ctx.engine.search(replace(params.toggle(drop.facet, drop.value), per_page=10), with_facets=False)
        STATS["engine searches"] += 1
        if after.total != drop.total:
            problem("filter drop total != search without it", (tag, drop.facet, drop.value, drop.total, after.total))
    if site.place_filter:
        after = ctx.engine.search(replace(params.only_region(site.place_filter.value), per_page=10), with_facets=False)
        STATS["engine searches"] += 1
        if after.total != site.place_filter.total:
            problem("place filter total != search with it", (tag, site.place_filter.value, site.place_filter.total, after.total))
    if site.suggestion:
        after = ctx.engine.search(replace(params, q=site.suggestion.query, exact=False, per_page=10), with_facets=False)
        STATS["engine searches"] += 1
        if after.total != site.suggestion.total:
            problem("suggestion total != search for it", (tag, site.suggestion.query, site.suggestion.total, after.total))
    # -- paging at another size
    k = rng.choice([1, 2, 3, 4, 5, 7, 9, 10, 11, 20, 25, 33, 50])
    pages = -(-len(ids) // k) if ids else 1
    got = []
    for page in range(1, min(pages, 40) + 1):
        r = search(ctx, params, page=page, per_page=k)
        if r.total != len(ids):
            problem("total differs for page size", (tag, k, page, r.total, len(ids)))
            break
        got += [h.id for h in r.hits]
        if page == 1 and facet_counts(r) != counts:
            problem("facets differ for page size", (tag, k))
    if got != ids[:len(got)] or (pages <= 40 and len(got) != len(ids)):
        problem("pages of k != whole listing", (tag, k, got[:30], ids[:30]))
    beyond = search(ctx, params, page=pages + 1, per_page=k)
    if beyond.hits:
        problem("page beyond last has hits", (tag, k))
    # -- renderings
    check_web(ctx, params, rng, ids, site)


def web_args(params: SearchParams, page: int, per_page: int) -> list[tuple[str, str]]:
    return replace(params, page=page, per_page=per_page).to_args()


def check_web(ctx: Ctx, params: SearchParams, rng: random.Random, ids, site) -> None:
    tag = (ctx.name, params.to_args())
    k = rng.choice([1, 3, 5, 10, 10, 20, 50, 100])
    pages = max(1, -(-len(ids) // k))
    page = rng.randint(1, pages)
    args = web_args(params, page, k)
    qs = urlencode(args)
    want = ids[(page - 1) * k: page * k]
    engine_page = ctx.engine.search(replace(params, page=page, per_page=k))
    want_facets = facet_counts(site)
    # HTML
    STATS["web requests"] += 1
    resp = ctx.client.get("/zoeken?" + qs)
    if resp.status_code != 200:
        problem("html status", (tag, resp.status_code))
        return
    soup = BeautifulSoup(resp.get_data(as_text=True), "html.parser")
    total_text = soup.select_one(".results-bar__total")
    total_text = total_text.get_text(" ") if total_text else ""
    m = re.match(r"\s*([\d.]+) resulta", total_text)
    total = int(m.group(1).replace(".", "")) if m else 0
    if total != len(ids):
        problem("html total", (tag, total_text[:40], len(ids)))
    hit_ids = [a["id"][4:] for a in soup.select("ol.hits .hit__title")]
    if hit_ids != want:
        problem("html hits", (tag, k, page, hit_ids, want))
    html_counts = defaultdict(dict)
    for inp in soup.select("form.facet-form input[type=checkbox]"):
        count = inp.find_next_sibling("label").select_one(".count")
        n = int(re.search(r"\d+", count.get_text()).group()) if count else None
        if inp["value"] in html_counts[inp["name"]]:
            problem("html duplicate checkbox", (tag, inp["name"], inp["value"]))
        html_counts[inp["name"]][inp["value"]] = n
        if inp.has_attr("checked") != (inp["value"] in params.selected(inp["name"])):
            problem("html checked wrong", (tag, inp["name"], inp["value"]))
    for f in FACETS:
        if dict(html_counts.get(f, {})) != want_facets[f]:
            problem("html facet counts", (tag, f, dict(html_counts.get(f, {})), want_facets[f]))
    # JSON twin and API
    for path in ("/zoeken.json", "/api/v1/search"):
        STATS["web requests"] += 1
        resp = ctx.client.get(path + "?" + qs)
        if resp.status_code != 200:
            problem(path + " status", (tag, resp.status_code))
            continue
        data = resp.get_json()
        if data["total"] != len(ids):
            problem(path + " total", (tag, data["total"], len(ids)))
        # Similar pages follow a first page that its results do not fill, marked, outside the listing (README).
        if [h["id"] for h in data["hits"] if not h.get("similar")] != want:
            problem(path + " hits", (tag, k, page))
        if {f: {b["value"]: b["count"] for b in bs} for f, bs in data["facets"].items()} != want_facets:
            problem(path + " facets", tag)
        if data["facets"] != engine_page.to_dict()["facets"]:
            problem(path + " facets (order/labels) != engine", tag)
    STATS["web requests"] += 1
    resp = ctx.client.get("/api/v1/facets?" + qs)
    if resp.status_code != 200 or {f: {b["value"]: b["count"] for b in bs} for f, bs in resp.get_json().items()} != want_facets:
        problem("api facets", (tag, resp.status_code))
    if rng.random() < 0.3:
        STATS["web requests"] += 1
        resp = ctx.client.get("/zoeken.csv?" + qs)
        rows = list(csv.reader(io.StringIO(resp.get_data(as_text=True))))
        if [r[0] for r in rows[1:]] != ids:
            problem("csv ids != listing", (tag, len(rows) - 1, len(ids)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bundled = import_collection(HERE / "relevance" / "collection_tune8", work / "tune8", beside_starter=True)
        starter = work / "bundled"
        starter.mkdir()
        ctxs = [Ctx("bundled", HERE.parent / "corpus", starter), Ctx("plus-tune8", bundled.corpus, work / "tune8")]
        run(ctxs, args.searches, args.seed)
    return 0


def run(ctxs: list[Ctx], n: int, seed: int) -> None:
    rng = random.Random(seed)
    start = time.time()
    for i in range(n):
        ctx = ctxs[i % 2]
        params = random_params(ctx, rng)
        STATS["random searches"] += 1
        try:
            check_one(ctx, params, rng)
        except Exception as e:  # noqa: BLE001 - a crash is a finding too
            import traceback
            problem("exception", (ctx.name, params.to_args(), repr(e), traceback.format_exc()[-800:]))
        if i % 200 == 0:
            print(i, round(time.time() - start), dict(STATS), flush=True)
    print(json.dumps(dict(STATS), indent=1))
    for kind, items in PROBLEMS.items():
        print("=====", kind, STATS["problem:" + kind])
        for item in items:
            print("   ", str(item)[:1500])


if __name__ == "__main__":
    sys.exit(main())
