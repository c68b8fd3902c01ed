"""Build the list of Dutch places (woonplaatsen and municipalities) that the importer and search know beyond
the taxonomy, shipped as package data.

Run once per year, when municipalities merge (not at run time):

    python tools/build_places.py corop.generated.csv [--dictionary /usr/share/hunspell/nl.dic]
        [--out kennisplatform/data/woonplaatsen.tsv]

Input: CBS's table "Woonplaatsen in Nederland" (every woonplaats of the BAG with its municipality and COROP
area), as published in CSV by the public repository woonstadrotterdam/woningwaardering
(`woningwaardering/data/corop/corop.generated.csv`, columns Woonplaatscode, Woonplaats, Gemeentecode, Gemeente,
COROP-gebiedcode, COROP-gebied). The data are CBS open data (CC BY 4.0, "Bron: CBS"). The raw file is not
kept in this repository; see kennisplatform/data/README.md.

What it does, and why:
- writes every woonplaats and every municipality name once per municipality, with the municipality's CBS
  code and its province (from the COROP area: each lies in one province), and marks the municipality's own name
  ("gemeente"): search lets a municipality outside the taxonomy ("Borger-Odoorn") find the pages that name only
  one of its places ("Exloo"), as a municipality of the taxonomy does;
- drops the letters CBS adds to tell same-named places apart ("Bergen L", "Haren Gn", "Middelburg (Z.)"):
  texts do not write them, and the place names left the same are dropped as ambiguous when the list is read
  (taxonomy.Taxonomy.places);
- leaves out a one-word name that is also a Dutch word of hunspell-nl's dictionary, written in lower case
  ("Monster", "Hoek", "Best", "Putten", "Sloten", "Enter"), alone or after an article ("'t Veld", "de Wijk"):
  at the start of a sentence or in a title it would make a page about a "monster" one about Westland;
- writes those of them that are a municipality's own name (Assen, Ede, Houten, Kampen, Putten) to
  `place_words.tsv` (`--words-out`), with every other place of that name (Hoorn is a city and a village on
  Terschelling): the importer takes one for the place only where a text says it as a place, with a capital after
  "in", "uit", "te", "gemeente", and a name of several places for none (taxonomy.Taxonomy.context_places).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "kennisplatform" / "data" / "woonplaatsen.tsv"
WORDS_OUT = REPO / "kennisplatform" / "data" / "place_words.tsv"
DICTIONARY = Path("/usr/share/hunspell/nl.dic")

# COROP areas (CBS's 40 of 2024) by the first code of each province's range: 01-03 Groningen, ...
PROVINCES = [(1, "Groningen"), (4, "Fryslân"), (7, "Drenthe"), (10, "Overijssel"), (13, "Gelderland"),
             (17, "Utrecht"), (18, "Noord-Holland"), (25, "Zuid-Holland"), (31, "Zeeland"),
             (33, "Noord-Brabant"), (37, "Limburg"), (40, "Flevoland")]
# A municipality's name that is a word and also names something else that pages of the field say "in": Waterland is
# a district of Spijkenisse and a lesson ("Wolf in Waterland").
NOT_PLACE_WORDS = {"Waterland"}
COMMON_ZIPF = 4.0  # wordfreq's Zipf frequency of an everyday word ("wijk" 4.9, "veld" 4.8; "lutte" 2.8)
NOT_WORDS = {"Fw", "Cx"}  # hunspell-nl's FORBIDDENWORD and ONLYINCOMPOUND flags
_CBS_SUFFIX = re.compile(r"\s+(?:\((?:L|NH|Z|ZH|O)\.\)|L|Gn|GN|Ut|NB|Gld|NH|AC)$")

HEADER = """\
# Dutch places beyond the taxonomy: every woonplaats and municipality name, with its municipality's CBS code and
# its province, and "gemeente" where the name is its municipality's own. Made by tools/build_places.py from CBS's
# "Woonplaatsen in Nederland" (CC BY 4.0, "Bron: CBS"); one-word names that are also Dutch words are left out. Read
# by taxonomy.Taxonomy.places: a name the taxonomy has itself, or one of several places, is ignored there.
# name <TAB> CBS municipality code <TAB> province <TAB> "gemeente" or nothing
"""
WORDS_HEADER = """\
# Dutch municipalities whose own name is a Dutch word (hunspell-nl), left out of woonplaatsen.tsv: "in Assen" is the
# town, "assen" axles; "in Houten" the town, "houten" wooden. A row for each municipality with a place of that name.
# Made by tools/build_places.py from CBS's "Woonplaatsen in Nederland" (CC BY 4.0, "Bron: CBS"). Read by
# taxonomy.Taxonomy.context_places: a text names one only with its capital after a word that says "in this place"
# ("in Ede", "gemeente Putten"); a name of places in several values (Bergen, Beek, Hoorn) or one the taxonomy has
# itself (Gouda) is ignored there.
# name <TAB> CBS municipality code <TAB> province
"""


def province(corop_code: str) -> str:
    number = int(corop_code)
    return [name for first, name in PROVINCES if number >= first][-1]


def dictionary_words(path: Path) -> set[str]:
    """The lower-case entries of a hunspell dictionary (the part before the flags), except those it marks as
    forbidden (hunspell-nl lists "giethoorn" and "'s-hertogenbosch" lower case to forbid them) or as parts of
    compounds only. hunspell-nl's flags are two characters each (FLAG long)."""
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word, _, flags = line.strip().partition("/")
        pairs = {flags[i:i + 2] for i in range(0, len(flags), 2)}
        if word and word == word.lower() and not pairs & NOT_WORDS:
            words.add(word)
    return words


def is_word(name: str, words: set[str]) -> bool:
    """Whether a name is one Dutch word, alone or after a lower-case article as the BAG writes some ("'t Veld",
    "de Wijk": "Samen in de Wijk" is no place)."""
    parts = name.split()
    if len(parts) == 2 and parts[0] in ("'t", "de", "het"):
        # hunspell-nl lacks some everyday nouns ("wijk"); wordfreq has them (place names too, so only here)
        return parts[1].lower() in words or zipf_frequency(parts[1].lower(), "nl") >= COMMON_ZIPF
    return len(parts) == 1 and parts[0].lower() in words


def rows(csv_path: Path, words: set[str],
         word_municipalities: set[tuple[str, str, str]] | None = None) -> list[tuple[str, str, str, str]]:
    """(name, CBS code, province, "gemeente" for the municipality's own name or ""), sorted. The names left out as
    words that are a municipality's own name go into `word_municipalities` as (name, CBS code, province), once for
    each municipality that has a place of that name."""
    found: dict[tuple[str, str], str] = {}
    municipalities: set[tuple[str, str]] = set()
    left_out: set[tuple[str, str, str]] = set()
    word_names: set[str] = set()
    with open(csv_path, encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            code = "GM" + record["Gemeentecode"].zfill(4)
            where = province(record["COROP-gebiedcode"])
            for name, is_municipality in ((record["Woonplaats"], False), (record["Gemeente"], True)):
                name = _CBS_SUFFIX.sub("", name.strip())
                if is_word(name, words):
                    left_out.add((name, code, where))
                    if is_municipality:
                        word_names.add(name)
                    continue
                found.setdefault((name, code), where)
                if is_municipality:
                    municipalities.add((name, code))
    if word_municipalities is not None:
        # Every place of such a name, so that the reader can tell one municipality's name from a name of several:
        # "Hoorn" is a city of Noord-Holland and a village on Terschelling.
        word_municipalities.update(row for row in left_out if row[0] in word_names and row[0] not in NOT_PLACE_WORDS)
    return sorted((name, code, where, "gemeente" if (name, code) in municipalities else "")
                  for (name, code), where in found.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--dictionary", type=Path, default=DICTIONARY)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--words-out", type=Path, default=WORDS_OUT)
    args = parser.parse_args()
    word_municipalities: set[tuple[str, str, str]] = set()
    listed = rows(args.csv, dictionary_words(args.dictionary), word_municipalities)
    lines = ("\t".join(field for field in row if field) + "\n" for row in listed)
    args.out.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(listed)} names written to {args.out}")
    args.words_out.write_text(WORDS_HEADER + "".join("\t".join(row) + "\n" for row in sorted(word_municipalities)),
                              encoding="utf-8")
    print(f"{len(word_municipalities)} places of municipalities' names that are words written to {args.words_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
