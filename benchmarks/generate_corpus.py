"""A synthetic corpus for speed benchmarks: N Markdown documents in the corpus format, Dutch-like text.

    .venv/bin/python benchmarks/generate_corpus.py N OUTDIR [--seed S] [--jobs J]

Text: words drawn from wordfreq's 20,000 most frequent Dutch words with a Zipf distribution (so "de",
"van", "het" dominate as in real text), mixed with field words (cultuureducatie, erfgoedleerlijn,
deskundigheidsbevordering ...) that lean towards the document's themes, and the names of its places.
Bodies have 150-600 words with a few headings and bullet lists. Facets are spread like a real
collection: 1-3 themes, 1-2 regions (mostly Zuid-Holland municipalities, some regions, the province,
other provinces, national and international), 0-2 disciplines, 1-2 audiences, dates 2013-2026.

The taxonomy is the repository's corpus/taxonomy.yaml, copied into OUTDIR. Every document is generated
from its own seed (seed, number), so the output is the same for a seed whatever the number of jobs.
A file OUTDIR/.complete records the parameters once everything is written (speed.py reuses on it).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from bisect import bisect_right
from itertools import accumulate
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kennisplatform.corpus import TYPE_FOLDERS, taxonomy_for  # noqa: E402

VOCABULARY_SIZE = 20_000
ZIPF_EXPONENT = 1.0
FIELD_WORD_RATE = 0.08  # share of body words replaced by a field word
PLACE_RATE = 0.04  # share of sentences that name one of the document's places
COMPLETE_MARKER = ".complete"
GENERATOR_VERSION = 1  # bump when the output for a seed changes

# Field words shared by all themes, and words that lean towards one theme.
FIELD_WORDS = [
    "cultuureducatie", "cultuuronderwijs", "kunsteducatie", "cultuurcoach", "cultuurcoaches",
    "cultuuraanbieders", "cultuuraanbieder", "icc'er", "icc'ers", "cultuurcoördinator", "penvoerder",
    "cultuurmenu", "leerkrachten", "leerlingen", "basisschool", "basisscholen", "schoolbestuur",
    "schoolbesturen", "kunstvakdocent", "netwerkbijeenkomst", "CMK", "CmK", "regeling", "ambitie",
    "visie", "werkgroep", "pilot", "bijeenkomst", "gemeente", "gemeenten", "provincie", "Kunstgebouw",
    "continuïteit", "één", "culturele", "creatief", "creativiteit", "praktijkvoorbeeld",
]
THEME_WORDS = {
    "onderwijs": ["onderwijs", "curriculum", "lesprogramma", "kerndoelen", "schoolteam", "lessen"],
    "leerlijnen": ["leerlijn", "leerlijnen", "doorlopende", "erfgoedleerlijn", "muziekleerlijn", "leerplan"],
    "leerecosysteem": ["leerecosysteem", "ecosysteem", "netwerk", "verbinding", "wijkaanpak"],
    "sociaal-domein": ["sociaal", "domein", "wijkteam", "jeugdzorg", "welzijnswerk", "buurthuis"],
    "professionalisering": ["deskundigheidsbevordering", "professionalisering", "scholing", "training",
                            "nascholing", "teamtraining"],
    "samenwerking": ["samenwerking", "partners", "samenwerkingsverband", "afspraken", "convenant"],
    "kennisdeling": ["kennisdeling", "kennisestafette", "uitwisseling", "inspiratie", "netwerkdag"],
    "communicatie": ["communicatie", "zichtbaarheid", "nieuwsbrief", "website", "praatplaat"],
    "financiering": ["financiering", "subsidie", "matchingsregeling", "begroting", "budget", "fondsen"],
    "beleid": ["beleid", "beleidsplan", "wethouder", "gemeenteraad", "draagvlak", "bestuurlijk"],
    "monitoring": ["monitoring", "evaluatie", "impact", "meting", "vragenlijst", "effectmeting"],
    "welzijn": ["welzijn", "weerbaarheid", "zelfvertrouwen", "veerkracht", "mentale"],
    "talentontwikkeling": ["talentontwikkeling", "talent", "talentklas", "jongtalent", "excellentie"],
    "erfgoed": ["erfgoed", "erfgoedleerlijn", "museum", "archief", "monumenten", "geschiedenis"],
    "inclusie": ["inclusie", "kansengelijkheid", "diversiteit", "toegankelijkheid", "kansen"],
    "binnen-buitenschools": ["buitenschools", "binnenschools", "naschools", "verlengde", "schooldag"],
}
DISCIPLINE_WORDS = {
    "muziek": ["muziekonderwijs", "muziekles", "muziekschool", "zingen", "orkest"],
    "dans": ["dansles", "dansdocent", "choreografie", "dansvoorstelling"],
    "theater": ["theaterles", "theatervoorstelling", "toneel", "drama"],
    "beeldende-kunst": ["beeldende", "kunst", "tekenen", "schilderen", "atelier"],
    "erfgoed": ["erfgoededucatie", "museumbezoek", "museumles"],
    "media": ["mediawijsheid", "media-educatie", "film", "filmeducatie"],
    "literatuur": ["leesbevordering", "literatuur", "voorlezen", "schrijver"],
    "ontwerpen": ["ontwerpen", "vormgeving", "architectuur", "maakonderwijs"],
}
HEADINGS = {
    "verslag": ["Opening", "Welkom", "Presentatie", "Gespreksronde", "Terugblik", "Vooruitblik",
                "Afspraken", "Vervolg", "Uitkomsten", "Workshops", "Plenaire discussie"],
    "voorbeeldproject": ["Aanleiding", "Aanpak", "Wat leverde het op", "Partners", "Lessen",
                         "Tips voor anderen", "Doelgroep", "Financiering"],
    "artikel": ["Samenvatting", "Onderzoeksvraag", "Methode", "Resultaten", "Conclusies",
                "Betekenis voor de praktijk", "Bron"],
}
TITLE_PREFIX = {
    "verslag": ["Verslag", "Netwerkbijeenkomst", "CMK-bijeenkomst", "Studiedag", "Overleg", "Werksessie"],
    "voorbeeldproject": ["Project", "Voorbeeldproject", "Pilot", "Aanpak", "Leerlijn"],
    "artikel": ["Onderzoek", "Artikel", "Rapport", "Studie", "Literatuuroverzicht"],
}
TYPE_WEIGHTS = {"verslag": 5, "voorbeeldproject": 3, "artikel": 2}
AUDIENCE_WEIGHTS = {"po": 10, "vo": 5, "mbo": 2, "so": 1.5, "buitenschools": 2.5}
DISCIPLINE_WEIGHTS = {"muziek": 6, "erfgoed": 4, "beeldende-kunst": 4, "theater": 4, "dans": 3,
                      "media": 3, "literatuur": 2, "ontwerpen": 1}


class Model:
    """Everything a worker needs, built once per process from the taxonomy and word list."""

    def __init__(self, taxonomy_path: Path):
        from wordfreq import top_n_list

        taxonomy = taxonomy_for(taxonomy_path.parent)
        words = [w for w in top_n_list("nl", VOCABULARY_SIZE) if w.isalpha()]
        self.words = words
        self.cum = list(accumulate(1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(words))))
        self.themes = [t.id for t in taxonomy.terms("theme")]
        # Themes are unevenly popular, as in the field: onderwijs and samenwerking far more than welzijn.
        self.theme_cum = list(accumulate(1.0 / (i + 1) ** 0.6 for i in range(len(self.themes))))
        regions = taxonomy.terms("region")
        self.municipalities = [t for t in regions if t.level == "gemeente"]
        self.zh_regions = [t for t in regions if t.level == "regio"]
        self.provinces = [t for t in regions if t.level == "provincie" and t.id != "zuid-holland"]
        self.others = [t for t in regions if t.level in ("land", "overig")]
        self.province = taxonomy.get("region", "zuid-holland")
        # Big cities carry more documents: weight municipalities by a rough size rank.
        big = {"rotterdam": 8, "den-haag": 8, "leiden": 4, "dordrecht": 4, "delft": 3, "gouda": 3,
               "zoetermeer": 3, "vlaardingen": 2, "schiedam": 2, "westland": 2, "katwijk": 2}
        self.muni_cum = list(accumulate(big.get(t.id, 1) for t in self.municipalities))
        self.disciplines = [t.id for t in taxonomy.terms("discipline")]
        self.audiences = [t.id for t in taxonomy.terms("audience")]

    def zipf_words(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)


def weighted_sample(rng: random.Random, weights: dict[str, float], k: int) -> list[str]:
    """k distinct keys, drawn by weight."""
    pool = dict(weights)
    out = []
    for _ in range(min(k, len(pool))):
        keys = list(pool)
        pick = rng.choices(keys, weights=[pool[x] for x in keys])[0]
        out.append(pick)
        del pool[pick]
    return out


def pick_regions(model: Model, rng: random.Random) -> list:
    n = 1 if rng.random() < 0.7 else 2
    out = []
    while len(out) < n:
        r = rng.random()
        if r < 0.72:
            term = model.municipalities[bisect_right(model.muni_cum, rng.random() * model.muni_cum[-1])]
        elif r < 0.86:
            term = rng.choice(model.zh_regions)
        elif r < 0.91:
            term = model.province
        elif r < 0.96:
            term = rng.choice(model.provinces)
        else:
            term = rng.choice(model.others)
        if term not in out:
            out.append(term)
    return out


def make_document(model: Model, seed: int, number: int) -> tuple[str, str, str]:
    """(folder, file stem, file text) of document `number`."""
    rng = random.Random(seed * 1_000_003 + number)
    doc_type = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    n_themes = rng.choices((1, 2, 3), weights=(3, 4, 2))[0]
    themes: list[str] = []
    while len(themes) < n_themes:
        theme = model.themes[bisect_right(model.theme_cum, rng.random() * model.theme_cum[-1])]
        if theme not in themes:
            themes.append(theme)
    regions = pick_regions(model, rng)
    disciplines = weighted_sample(rng, DISCIPLINE_WEIGHTS, rng.choices((0, 1, 2), weights=(2, 5, 2))[0])
    audience = weighted_sample(rng, AUDIENCE_WEIGHTS, rng.choices((1, 2), weights=(3, 1))[0])
    year = rng.randint(2013, 2026)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    topical = [w for t in themes for w in THEME_WORDS[t]] + [w for d in disciplines for w in DISCIPLINE_WORDS[d]]
    places = [t.label for t in regions]

    def field_word() -> str:
        return rng.choice(topical) if topical and rng.random() < 0.6 else rng.choice(FIELD_WORDS)

    def sentence(low: int = 6, high: int = 18) -> str:
        words = model.zipf_words(rng, rng.randint(low, high))
        for i in range(len(words)):
            if rng.random() < FIELD_WORD_RATE:
                words[i] = field_word()
        if rng.random() < PLACE_RATE:
            words.insert(rng.randrange(len(words) + 1), "in " + rng.choice(places))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    title_words = [rng.choice(TITLE_PREFIX[doc_type]), field_word(), *model.zipf_words(rng, rng.randint(1, 3)),
                   field_word(), rng.choice(places)]
    if doc_type == "verslag":
        title_words.append(str(year))
    title = " ".join(title_words)
    summary = " ".join(sentence(8, 16) for _ in range(rng.randint(1, 2)))

    target = int(rng.triangular(150, 600, 300))
    parts: list[str] = []
    count = 0
    headings = rng.sample(HEADINGS[doc_type], k=min(len(HEADINGS[doc_type]), rng.randint(2, 4)))
    section = 0
    while count < target:
        if section < len(headings) and (count == 0 or rng.random() < 0.35):
            parts.append(f"## {headings[section]}")
            section += 1
        if rng.random() < 0.25:
            items = [sentence(4, 12) for _ in range(rng.randint(3, 6))]
            parts.append("\n".join(f"- {item}" for item in items))
            count += sum(item.count(" ") + 1 for item in items)
        else:
            sentences = [sentence() for _ in range(rng.randint(3, 6))]
            parts.append(" ".join(sentences))
            count += sum(s.count(" ") + 1 for s in sentences)

    stem = f"{doc_type[:3]}-{number:07d}-{'-'.join(w.lower() for w in title_words[1:3] if w.isascii() and w.isalpha())}"
    header = [
        "---",
        f"type: {doc_type}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {date}",
        f"summary: {json.dumps(summary, ensure_ascii=False)}",
        f"themes: [{', '.join(themes)}]",
        f"regions: [{', '.join(t.id for t in regions)}]",
        f"disciplines: [{', '.join(disciplines)}]",
        f"audience: [{', '.join(audience)}]",
        "---",
    ]
    return TYPE_FOLDERS[doc_type], stem, "\n".join(header) + "\n" + "\n\n".join(parts) + "\n"


_MODEL: Model | None = None


def _init(taxonomy_path: str) -> None:
    global _MODEL
    _MODEL = Model(Path(taxonomy_path))


def _write_range(args: tuple[str, int, int, int]) -> int:
    outdir, seed, start, stop = args
    root = Path(outdir)
    for number in range(start, stop):
        folder, stem, text = make_document(_MODEL, seed, number)
        (root / folder / f"{stem}.md").write_text(text, encoding="utf-8")
    return stop - start


def generate(n: int, outdir: Path, seed: int = 1, jobs: int | None = None,
             taxonomy_path: Path = REPO / "corpus" / "taxonomy.yaml", quiet: bool = False) -> float:
    """Write the corpus; returns the seconds it took. An existing OUTDIR's type folders are replaced."""
    started = time.perf_counter()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / COMPLETE_MARKER).unlink(missing_ok=True)
    for folder in TYPE_FOLDERS.values():
        shutil.rmtree(outdir / folder, ignore_errors=True)
        (outdir / folder).mkdir()
    shutil.copyfile(taxonomy_path, outdir / "taxonomy.yaml")
    jobs = jobs or os.cpu_count() or 1
    chunk = 2000
    tasks = [(str(outdir), seed, start, min(start + chunk, n)) for start in range(0, n, chunk)]
    if jobs > 1 and n > chunk:
        with Pool(jobs, initializer=_init, initargs=(str(taxonomy_path),)) as pool:
            done = 0
            for written in pool.imap_unordered(_write_range, tasks):
                done += written
                if not quiet:
                    print(f"\r  {done:,}/{n:,} documents", end="", file=sys.stderr, flush=True)
    else:
        _init(str(taxonomy_path))
        for task in tasks:
            _write_range(task)
    if not quiet and jobs > 1 and n > chunk:
        print(file=sys.stderr)
    marker = {"n": n, "seed": seed, "version": GENERATOR_VERSION}
    (outdir / COMPLETE_MARKER).write_text(json.dumps(marker))
    return time.perf_counter() - started


def is_complete(outdir: Path, n: int, seed: int) -> bool:
    """True when OUTDIR holds a finished corpus of these parameters and the repository's current taxonomy."""
    try:
        marker = json.loads((Path(outdir) / COMPLETE_MARKER).read_text())
        same_taxonomy = ((Path(outdir) / "taxonomy.yaml").read_bytes()
                         == (REPO / "corpus" / "taxonomy.yaml").read_bytes())
    except (OSError, ValueError):
        return False
    return same_taxonomy and marker == {"n": n, "seed": seed, "version": GENERATOR_VERSION}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    args = parser.parse_args(argv)
    seconds = generate(args.n, args.outdir, args.seed, args.jobs)
    print(f"{args.n:,} documents in {args.outdir} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
