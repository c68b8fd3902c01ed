"""Every judged set of the relevance benchmark, in one table: evaluate.py's --NAME flags, the check sets that
pool_beside_starter.py pools, the sets whose queries may be read one by one, and the sets the tests check are all
read from SETS. A new set is one row here (and its pages, judgments and SOURCES.md beside this file)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
STARTER_CORPUS = REPO / "corpus"
FIELD_PAGES = HERE / "collection"  # the field set's real pages, shared by tune2 and the sets derived from them


@dataclass(frozen=True)
class JudgedSet:
    """A file of judged queries over a folder of pages to import (or over the starter corpus as it is)."""

    name: str  # evaluate.py --NAME
    pages: Path
    judgments: Path
    purpose: str
    # A check set: nobody tunes on it, so its queries are never shown one by one (evaluate.py prints its per-kind
    # summaries only, and --per-query and --peer-losses leave its queries out). A check set becomes tuning material
    # after its one run at the end of a session by dropping this flag (fresh10, fresh11, fresh12, fresh17, fresh19
    # to fresh25), or after its runs at the end of several sessions (fresh26 to fresh59).
    check: bool = False
    # Made to be measured beside the bundled corpus: every query pooled (pool_beside_starter.py --check NAME) and
    # its starter documents graded under the check key of beside_starter_grades.yaml, by its judgments file's name.
    pooled: bool = False

    @property
    def readable(self) -> bool:
        """Whether its queries may be read one by one (its held-out queries never are)."""
        return not self.check


def _pages(name: str) -> Path:
    return HERE / f"collection_{name}"


def _derived(name: str, pages: Path, purpose: str) -> JudgedSet:
    """Queries derived from a tuning set's (typos, compounds, elided compounds, titles), over that set's pages:
    judgments_NAME.yaml, with an underscore for the hyphen."""
    return JudgedSet(name, pages, HERE / f"judgments_{name.replace('-', '_')}.yaml", purpose)


def _own(name: str, purpose: str, *, check: bool = False, pooled: bool = False) -> JudgedSet:
    """A set with pages and judgments of its own: collection_NAME/ and judgments_NAME.yaml."""
    return JudgedSet(name, _pages(name), HERE / f"judgments_{name}.yaml", purpose, check, pooled)


SETS = (
    JudgedSet("field", FIELD_PAGES, HERE / "judgments_field.yaml", "the real pages"),
    _own("fresh", "the fresh check set nobody tunes on", check=True),
    JudgedSet("tune2", FIELD_PAGES, HERE / "judgments_tune2.yaml", "more tuning queries over the real pages"),
    _own("fresh2", "a second fresh check set nobody tunes on", check=True),
    _own("fresh3", "a third fresh check set nobody tunes on (session 5)", check=True),
    _own("fresh4", "a fourth fresh check set, run once at the end (session 6)", check=True),
    _own("fresh5", "a fifth fresh check set, run once at the end (session 6)", check=True),
    _own("fresh6", "a sixth fresh check set with queries of its own, run once at the end (session 7)", check=True),
    _own("fresh7", "a seventh fresh check set with queries of its own, run once at the end (session 7)", check=True),
    _own("fresh8",
        "an eighth fresh check set, judged beside the bundled corpus too, run once at the "
        "end (session 8)", check=True, pooled=True),
    _own("fresh9",
        "a ninth fresh check set, made like fresh8, run once at the end (session 10)", check=True, pooled=True),
    _own("fresh10",
        "a tenth fresh check set, made like fresh8, run once at the end (session 11); tuning material "
        "since session 12", pooled=True),
    _own("fresh11", "an eleventh fresh check set, made like fresh8, run once at the end (session 12)", pooled=True),
    _own("fresh12", "a twelfth fresh check set, made like fresh8, run once at the end (session 13)", pooled=True),
    _own("fresh13",
        "a thirteenth fresh check set, made like fresh8, run once at the end (session 13)", check=True, pooled=True),
    _own("fresh14",
        "a fourteenth fresh check set, made like fresh8, run once at the end (session 14)", check=True, pooled=True),
    _own("fresh15",
        "a fifteenth fresh check set, made like fresh8, run once at the end (session 15)", check=True, pooled=True),
    _own("fresh16",
        "a sixteenth fresh check set, made like fresh8, run once at the end (session 16)", check=True, pooled=True),
    _own("fresh17",
        "a seventeenth fresh check set, made like fresh8, run once at the end (session 17); tuning "
        "material since session 18", pooled=True),
    _own("fresh18",
        "an eighteenth fresh check set, made like fresh8, run once at the end (session 18)", check=True, pooled=True),
    _own("fresh19", "a nineteenth fresh check set, made like fresh8, run once at the end (session 19)", pooled=True),
    _own("fresh20", "a twentieth fresh check set, made like fresh8, run once at the end (session 20)", pooled=True),
    _own("fresh21", "a twenty-first fresh check set, made like fresh8, run once at the end (session 21)", pooled=True),
    _own("fresh22", "a twenty-second fresh check set, made like fresh8, run once at the end (session 22)", pooled=True),
    _own("fresh23", "a twenty-third fresh check set, made like fresh8, run once at the end (session 23)", pooled=True),
    _own("fresh24", "a twenty-fourth fresh check set, made like fresh8, run once at the end (session 24)", pooled=True),
    _own("fresh25", "a twenty-fifth fresh check set, made like fresh8, run once at the end (session 25)", pooled=True),
    _own("fresh26",
        "a twenty-sixth fresh check set, 20 Zuid-Holland pages, run at the end of sessions 29 to 32 (made in session "
        "28); tuning material since session 33", pooled=True),
    _own("fresh27",
        "a twenty-seventh fresh check set, 20 pages outside Zuid-Holland, run at the end of sessions 29 to 32 (made "
        "in session 28); tuning material since session 33", pooled=True),
    _own("fresh28", "a twenty-eighth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 30 to 32 (made in session 29); tuning material since session 33", pooled=True),
    _own("fresh29", "a twenty-ninth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 31 to 35 (made in session 30); tuning material since session 36", pooled=True),
    _own("fresh30", "a thirtieth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 32 to 35 (made in session 31); tuning material since session 36", pooled=True),
    _own("fresh31", "a thirty-first fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 33 to 35 (made in session 32); tuning material since session 36", pooled=True),
    _own("fresh32", "a thirty-second fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 34 to 44 (made in session 33); tuning material since session 44", pooled=True),
    _own("fresh33", "a thirty-third fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 35 to 44 (made in session 34); tuning material since session 44", pooled=True),
    _own("fresh34", "a thirty-fourth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 36 to 44 (made in session 35); tuning material since session 44", pooled=True),
    _own("fresh35", "a thirty-fifth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 37 to 44 (made in session 36); tuning material since session 44", pooled=True),
    _own("fresh36", "a thirty-sixth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 38 to 47 (staged in session 37, judged in session 38); tuning material since session 48",
         pooled=True),
    _own("fresh37", "a thirty-seventh fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 39 to 47 (staged and judged in session 39); tuning material since session 48", pooled=True),
    _own("fresh38", "a thirty-eighth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 40 to 47 (staged and judged in session 40); tuning material since session 48", pooled=True),
    _own("fresh39", "a thirty-ninth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 41 to 47 (staged and judged in session 41); tuning material since session 48", pooled=True),
    _own("fresh40", "a fortieth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 41 to 48 (staged and judged in session 41); tuning material since session 49", pooled=True),
    _own("fresh41", "a forty-first fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 43 to 48 (staged and judged in session 43); tuning material since session 49", pooled=True),
    _own("fresh42", "a forty-second fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 45 to 48 (staged and judged in session 45); tuning material since session 49", pooled=True),
    _own("fresh43", "a forty-third fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 46 to 49 (staged and judged in session 46); tuning material since session 50", pooled=True),
    _own("fresh44", "a forty-fourth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 47 to 49 (staged and judged in session 47); tuning material since session 50", pooled=True),
    _own("fresh45", "a forty-fifth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 48 to 49 (staged and judged in session 48); tuning material since session 50", pooled=True),
    _own("fresh46", "a forty-sixth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 49 to 51 (staged and judged in session 49); tuning material since session 52", pooled=True),
    _own("fresh47", "a forty-seventh fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 50 to 52 (staged and judged in session 50); tuning material since session 53", pooled=True),
    _own("fresh48", "a forty-eighth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 51 to 53 (staged and judged in session 51); tuning material since session 54", pooled=True),
    _own("fresh49", "a forty-ninth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 52 to 54 (staged and judged in session 52); tuning material since session 55", pooled=True),
    _own("fresh50", "a fiftieth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 53 to 55 (staged and judged in session 53); tuning material since session 56", pooled=True),
    _own("fresh51", "a fifty-first fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 54 to 56 (staged and judged in session 54); tuning material since session 57", pooled=True),
    _own("fresh52", "a fifty-second fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 55 to 57 (staged and judged in session 55); tuning material since session 58", pooled=True),
    _own("fresh53", "a fifty-third fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 56 to 58 (staged and judged in session 56); tuning material since session 59", pooled=True),
    _own("fresh54", "a fifty-fourth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 57 to 59 (staged and judged in session 57); tuning material since session 60", pooled=True),
    _own("fresh55", "a fifty-fifth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 58 to 60 (staged and judged in session 58); tuning material since session 61", pooled=True),
    _own("fresh56", "a fifty-sixth fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 59 to 61 (staged and judged in session 59); tuning material since session 62", pooled=True),
    _own("fresh57", "a fifty-seventh fresh check set, 10 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 60 to 62 (staged and judged in session 60); tuning material since session 63", pooled=True),
    _own("fresh58", "a fifty-eighth fresh check set, 6 pages of Zuid-Holland and 10 elsewhere, run at the end of "
         "sessions 61 to 63 (staged and judged in session 61); tuning material since session 64", pooled=True),
    _own("fresh59", "a fifty-ninth fresh check set, 2 pages of Zuid-Holland and 18 elsewhere, run at the end of "
         "sessions 62 to 64 (staged and judged in session 62); tuning material since session 65", pooled=True),
    _own("fresh60", "a sixtieth fresh check set, 1 page of Zuid-Holland and 19 elsewhere, never tuned on "
         "(staged and judged in session 63)", check=True, pooled=True),
    _own("tune3", "a third tuning set over pages of its own (titles, multi)"),
    _own("tune4", "a fourth tuning set: pages sharing title words (session 6)"),
    _own("tune5", "a fifth tuning set: policy texts, reports, plans and council pieces (session 7)"),
    _own("tune6",
        "a sixth tuning set: half-remembered titles over pages sharing title words with the starter corpus (session "
        "11)"),
    _own("tune7",
        "a seventh tuning set: topics and half-remembered titles over pages on the starter corpus' subjects (session "
        "12)"),
    _own("tune8",
        "an eighth tuning set: queries as people type them (abbreviations, no accents, loanwords, years, villages and"
        " adjectives) over pages on the starter corpus' subjects (session 13)"),
    _own("tune9",
        "a ninth tuning set: long questions and keyword queries over practical pages on the starter corpus' subjects "
        "(session 14)"),
    _own("tune10",
        "a tenth tuning set: questions and place queries (adjectives, names of several words, villages and their "
        "municipalities) over practical and local pages (session 18)"),
    _own("tune11",
        "an eleventh tuning set: half-remembered titles and derived word forms (participeren for participatie, "
        "filosofie for filosoferen) over pages on dance, theatre, music in school, design, philosophy with children, "
        "participation and makers education (session 19)"),
    _own("tune12",
        "a twelfth tuning set: every kind, 8 queries each, with typos as people make them (two mistakes, spelt by "
        "ear, compounds apart or run together, a misspelt place) and several topical words, over pages on crafts, "
        "traditions, children's choirs, film education, museum visits, special education, vmbo/mbo and games (session"
        " 20)"),
    _own("tune13",
        "a thirteenth tuning set: half-remembered titles among pages with alike titles and several topical words (12 "
        "each), with questions, places, typos, topical and compound queries, over pages on theatre in school, "
        "cultural policy and talent schemes, local and oral history, storytelling and poetry contests, design and "
        "photography (session 21)"),
    _own("tune14",
        "a fourteenth tuning set: short topical queries (20) whose umbrella or related words the best pages do not "
        "use, with multi, questions, places, titles, typos and compounds, over pages on intangible heritage, "
        "windmills and polders, food heritage, fashion and textile, comics and illustration, radio and podcasts with "
        "children, and science and philosophy for children (session 22)"),
    _own("tune15",
        "a fifteenth tuning set: multi queries of four to six topical words (20) and long questions (12), with "
        "topical, place, title and typo queries, over pages on children's participation and play, design, technology "
        "and art, youth culture and pop talent, holiday and after-school culture, teacher training in the arts and "
        "singing with young children at home (session 23)"),
    _derived("typo-starter", STARTER_CORPUS, "misspelled starter queries"),
    _derived("typo-field", FIELD_PAGES, "misspelled tuning queries of the field set (tune half) and tune2"),
    _derived("typo-tune3", _pages("tune3"), "misspelled tune3 queries"),
    _derived("typo-tune10", _pages("tune10"), "misspelled tune10 queries (session 19)"),
    _derived("typo-tune11", _pages("tune11"), "misspelled tune11 queries (session 19)"),
    _derived("compound-field", FIELD_PAGES,
             "compound and short topical tuning queries over the real pages (session 6)"),
    _derived("compound-tune3", _pages("tune3"),
             "compound and short topical tuning queries over tune3's pages (session 6)"),
    _derived("elided-field", FIELD_PAGES, "elided-compound tuning queries over the real pages (session 7)"),
    _derived("elided-tune5", _pages("tune5"), "elided-compound tuning queries over tune5's pages (session 7)"),
    _derived("titles-tune3", _pages("tune3"), "half-remembered title tuning queries over tune3's pages (session 11)"),
    _derived("titles-tune4", _pages("tune4"), "half-remembered title tuning queries over tune4's pages (session 11)"),
    _derived("titles-tune5", _pages("tune5"), "half-remembered title tuning queries over tune5's pages (session 11)"),
)
BY_NAME = {judged_set.name: judged_set for judged_set in SETS}
# --NAME: (pages to import, or the starter corpus as it is; judgments over them; what the set is for)
NAMED_SETS = {s.name: (s.pages, s.judgments, s.purpose) for s in SETS}
# The check sets made to be measured beside the bundled corpus (pool_beside_starter.py --check NAME).
CHECK_SETS = tuple(s.name for s in SETS if s.pooled)
# The sets nobody tunes on: read as per-kind summaries only.
NEVER_READ = tuple(s.name for s in SETS if s.check)
