"""The map of Zuid-Holland as a facet: every municipality shaded by its number of documents in a result,
each a link, the regions as heavier outlines with their names.

The shapes are package data (data/zuid_holland_map.json, made by tools/build_map.py from CBS's boundaries);
they are tied to the taxonomy by CBS code. Nothing here knows about Flask: the caller passes the counts (a
result's region facet), what is selected, and how a value becomes an address."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .taxonomy import Taxonomy

MAP_FILE = Path(__file__).resolve().parent / "data" / "zuid_holland_map.json"
PROVINCE = "zuid-holland"
SHADES = 6  # shade-1 .. shade-6 for counts above zero; shade-0 is "no documents"
PADDING = 0.04  # around a zoomed view, as a share of its size
# Label font sizes in map units, one CSS class each (.place-map__labels--<size> in static/css/site.css): a
# view gets the size nearest to LABEL_SHARE of its width, so that names read alike at every zoom.
LABEL_SIZES = (12, 15, 19, 24, 30, 36)
LABEL_SHARE = 0.031
ATTRIBUTION = "Grenzen: CBS, Kadaster (CC BY 4.0)"  # the boundaries' licence asks for this credit
CHAR_WIDTH = 0.62  # a bold character's width as a share of the font size (for overlap checks)
_QUALIFIER = re.compile(r"\s*\((?:[A-Z]{1,2}\.)\)\Z")  # CBS names: "Rijswijk (ZH.)", "Bergen (NH.)"


@dataclass(frozen=True)
class Shape:
    code: str  # CBS code, GM0599
    name: str  # CBS name ("'s-Gravenhage")
    path: str  # SVG path data in map units
    centroid: tuple[int, int]
    bbox: tuple[int, int, int, int]
    neighbours: tuple[str, ...]  # codes of the municipalities that share a border


@dataclass(frozen=True)
class RegionShape:
    id: str  # taxonomy id of the region
    name: str
    members: tuple[str, ...]  # CBS codes
    outline: str  # open path data: the region's edge
    label: tuple[int, int]
    bbox: tuple[int, int, int, int]


@dataclass(frozen=True)
class MapData:
    width: int
    height: int
    shapes: tuple[Shape, ...]
    regions: tuple[RegionShape, ...]
    borders: str  # every region edge once, for the heavier lines
    source: str
    licence: str

    def shape(self, code: str) -> Shape | None:
        return next((s for s in self.shapes if s.code == code), None)


@lru_cache(maxsize=1)
def load_map(path: Path = MAP_FILE) -> MapData:
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes = tuple(Shape(m["code"], m["name"], m["path"], tuple(m["centroid"]), tuple(m["bbox"]),
                         tuple(m["neighbours"])) for m in data["municipalities"])
    regions = tuple(RegionShape(r["id"], r["name"], tuple(r["members"]), r["outline"], tuple(r["label"]),
                                tuple(r["bbox"])) for r in data["regions"])
    return MapData(data["width"], data["height"], shapes, regions, data["borders"], data["source"],
                   data["licence"])


def province_municipalities(taxonomy: Taxonomy) -> list:
    """The municipalities (level gemeente) of the taxonomy's Zuid-Holland tree."""
    return [t for t in (taxonomy.get("region", i) for i in taxonomy.descendants(PROVINCE))
            if t and t.level == "gemeente"]


def unmatched(data: MapData, taxonomy: Taxonomy) -> tuple[list[str], list[str]]:
    """(municipalities of the Zuid-Holland tree without a shape, shapes without such a municipality).
    A shape matches when the codes agree and its CBS name means the same value in the taxonomy."""
    municipalities = {t.code: t for t in province_municipalities(taxonomy)}
    without_shape = [t.label for t in municipalities.values()
                     if not t.code or not _matches(data.shape(t.code), t.id, taxonomy)]
    without_term = [f"{s.code} {s.name}" for s in data.shapes
                    if s.code not in municipalities or not _matches(s, municipalities[s.code].id, taxonomy)]
    return sorted(without_shape), sorted(without_term)


def _matches(shape: Shape | None, term_id: str, taxonomy: Taxonomy) -> bool:
    return shape is not None and taxonomy.resolve("region", _QUALIFIER.sub("", shape.name)) == term_id


# -- a drawn map ------------------------------------------------------------------------------------------
@dataclass
class MapArea:
    """One municipality on a drawn map."""

    id: str  # taxonomy id
    label: str
    count: int
    shade: int  # 0 .. SHADES
    path: str
    url: str | None  # None: nothing to find there (and not selected), so not a link
    selected: bool = False

    @property
    def name(self) -> str:
        """The accessible name: "Dordrecht: 5 documenten"."""
        noun = "document" if self.count == 1 else "documenten"
        return f"{self.label}: {self.count} {noun}" + (" (gekozen)" if self.selected else "")


@dataclass
class MapLabel:
    text: str
    x: int
    y: int


@dataclass
class LegendStep:
    shade: int
    label: str  # "0", "1", "2–3"


@dataclass
class PlaceMap:
    view_box: str
    zoom: str  # "provincie", "regio" or "gemeente": how close the view is
    label_size: int  # one of LABEL_SIZES (a CSS class)
    areas: list[MapArea]
    borders: str
    labels: list[MapLabel]
    legend: list[LegendStep]
    highlight: str = ""  # path data drawn over the selected or focused places
    attribution: str = ATTRIBUTION


def shade_bounds(highest: int) -> list[int]:
    """Upper bounds of the shades for counts 1..highest: one count per shade while they fit, then steps
    that grow geometrically (counts are skewed: Rotterdam has many, most places a few)."""
    if highest <= SHADES:
        return list(range(1, highest + 1))
    bounds: list[int] = []
    for step in range(1, SHADES + 1):
        bound = max(round(highest ** (step / SHADES)), (bounds[-1] + 1) if bounds else 1)
        bounds.append(min(bound, highest))
    return sorted(set(bounds))


def shade_of(count: int, bounds: list[int]) -> int:
    if count <= 0:
        return 0
    for number, bound in enumerate(bounds, start=1):
        if count <= bound:
            return _spread(number, len(bounds))
    return SHADES


def _spread(number: int, steps: int) -> int:
    """Few steps use the whole scale (1 step: the darkest), so that shades stay far apart."""
    return SHADES - steps + number


def build_place_map(taxonomy: Taxonomy, counts: dict[str, int], selected: set[str],
                    url: Callable[[str], str], focus: str | None = None, link_empty: bool = False,
                    data: MapData | None = None) -> PlaceMap:
    """The map for a result: `counts` per region value (missing: 0), `url(value)` for a place's link,
    `focus` a place to centre on (a municipality or region with its neighbours; the province: all).
    Places without documents are links only with `link_empty` (a filter on them would find nothing;
    their own page still exists)."""
    data = data or load_map()
    by_code, drawn = _layout(taxonomy, data)
    bounds = shade_bounds(max((counts.get(t.id, 0) for t in by_code.values()), default=0))
    areas = []
    for shape, term in drawn:
        count = counts.get(term.id, 0)
        chosen = term.id in selected
        areas.append(MapArea(term.id, term.label, count, shade_of(count, bounds), shape.path,
                             url(term.id) if count or chosen or link_empty else None, chosen))
    codes = {t.id: t.code for t in by_code.values()}
    focus_codes = _focus_codes(data, taxonomy, focus, codes)
    view, zoom = _view(data, focus_codes)
    view_width = float(view.split()[2])
    size = min(LABEL_SIZES, key=lambda candidate: abs(candidate - view_width * LABEL_SHARE))
    marked = {codes[i] for i in selected if i in codes}
    region = next((r for r in data.regions if r.id == focus), None)
    if region is None:
        marked |= focus_codes
    highlight = (region.outline if region else "") + "".join(s.path for s in data.shapes if s.code in marked)
    if zoom == "provincie":
        labels = [MapLabel(r.name, *r.label) for r in data.regions]
    else:
        labels = _place_labels(data, focus_codes, by_code, size)
    return PlaceMap(view, zoom, size, areas, data.borders, labels, _legend(bounds), highlight)


@lru_cache(maxsize=8)
def _layout(taxonomy: Taxonomy, data: MapData) -> tuple[dict, tuple]:
    """(CBS code -> municipality, the shapes with their municipality in label order): the same for every map
    of a taxonomy, so worked out once (a search page draws a map per request)."""
    by_code = {t.code: t for t in province_municipalities(taxonomy) if t.code}
    drawn = tuple((s, by_code[s.code]) for s in data.shapes if s.code in by_code)
    return by_code, tuple(sorted(drawn, key=lambda pair: pair[1].label.lower()))


def _place_labels(data: MapData, focus_codes: set[str], by_code: dict, size: int) -> list[MapLabel]:
    """Names of the places in a zoomed view at their centroids: the focus first, then the largest
    neighbours; a name that would overlap one already placed is left out (its area keeps its name)."""
    around = _with_neighbours(data, focus_codes)
    shapes = [s for s in data.shapes if s.code in around and s.code in by_code]
    shapes.sort(key=lambda s: (s.code not in focus_codes, -(s.bbox[2] - s.bbox[0]) * (s.bbox[3] - s.bbox[1])))
    placed: list[tuple[float, float, float, float]] = []
    labels = []
    for shape in shapes:
        text = by_code[shape.code].label
        half_width, half_height = len(text) * CHAR_WIDTH * size / 2, size * 0.7
        x, y = shape.centroid
        box = (x - half_width, y - half_height, x + half_width, y + half_height)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        labels.append(MapLabel(text, x, y))
    return labels


def _legend(bounds: list[int]) -> list[LegendStep]:
    steps = [LegendStep(0, "0")]
    low = 1
    for number, bound in enumerate(bounds, start=1):
        label = str(bound) if bound == low else f"{low}–{bound}"
        steps.append(LegendStep(_spread(number, len(bounds)), label))
        low = bound + 1
    return steps


def _focus_codes(data: MapData, taxonomy: Taxonomy, focus: str | None, codes: dict[str, str]) -> set[str]:
    """The CBS codes of the municipalities a focus covers (none for the province or places elsewhere)."""
    if not focus or focus == PROVINCE:
        return set()
    ids = [focus, *taxonomy.descendants(focus)]
    return {codes[i] for i in ids if i in codes}


def _with_neighbours(data: MapData, focus_codes: set[str]) -> set[str]:
    around = set(focus_codes)
    for shape in data.shapes:
        if shape.code in focus_codes:
            around.update(shape.neighbours)
    return around


def _view(data: MapData, focus_codes: set[str]) -> tuple[str, str]:
    if not focus_codes:
        return f"0 0 {data.width} {data.height}", "provincie"
    boxes = [s.bbox for s in data.shapes if s.code in _with_neighbours(data, focus_codes)]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad = round(max(x1 - x0, y1 - y0) * PADDING)
    zoom = "gemeente" if len(focus_codes) == 1 else "regio"
    return f"{x0 - pad} {y0 - pad} {x1 - x0 + 2 * pad} {y1 - y0 + 2 * pad}", zoom


def counts_of(buckets) -> dict[str, int]:
    """Region value -> count, from a result's region facet buckets."""
    return {b.value: b.count for b in buckets}

