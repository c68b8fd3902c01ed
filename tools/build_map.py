"""Build the map of Zuid-Holland that the site draws: small SVG path data, shipped as package data.

Run once per boundary change (not at run time):

    python tools/build_map.py gemeente_2025.topojson [--taxonomy corpus/taxonomy.yaml]
        [--out kennisplatform/data/zuid_holland_map.json]

Input: CBS's municipal boundaries of one year in WGS84 TopoJSON, as published by the public repository
cartomap/nl (`wgs84/gemeente_2025.topojson`). That repository redistributes the CBS/Kadaster
"gebiedsindelingen" from PDOK, simplified with mapshaper; the data are CBS open data (CC BY 4.0, "Bron: CBS,
Kadaster"). The raw file is not kept in this repository; see kennisplatform/data/README.md.

What it does, and why:
- keeps the municipalities whose CBS code (`statcode`, e.g. GM0599) belongs to a municipality of the
  taxonomy's Zuid-Holland tree, and refuses to write a map when one of them has no shape (the taxonomy
  decides which year fits: Voorne aan Zee exists from 2023 on);
- decodes the TopoJSON arcs (delta-encoded, quantised) and projects them equirectangularly, scaling
  longitude by cos(52°) so that the province keeps its shape at this latitude;
- simplifies every arc once with Douglas–Peucker, so that shared borders stay shared (no slivers);
- writes per municipality its code, name, path, centroid, bounding box and neighbours (municipalities
  that share an arc), per region its members, outline and label point, and the region borders (arcs between
  two regions or on the province's edge) as one path for the heavier lines.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kennisplatform.taxonomy import load_taxonomy  # noqa: E402

PROVINCE = "zuid-holland"
WIDTH = 1000  # map units across; paths use whole units (about 80 m here)
LATITUDE = 52.0  # where longitude degrees are scaled by cos(latitude)
TOLERANCE = 1.6  # Douglas–Peucker tolerance in map units: below half a pixel at the widths the site draws
SOURCE = ("CBS gemeentegrenzen 2025 (CBS/Kadaster via PDOK), as published in WGS84 TopoJSON by the public "
          "repository cartomap/nl, file wgs84/gemeente_2025.topojson")
LICENCE = "CBS open data, CC BY 4.0: Bron: CBS, Kadaster"
# Region names stand at the area centroid of their members, except where that covers a small municipality
# or runs off the map: there they stand in open space nearby (map units, chosen by looking at the map).
LABEL_AT = {"drechtsteden": (800, 885), "alblasserwaard": (838, 560), "holland-rijnland": (760, 236),
            "rotterdam-rijnmond": (300, 548), "regio-goeree-overflakkee": (215, 812)}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc: TopoJSON stores quantised deltas."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((tx + x * sx, ty + y * sy))
            else:
                points.append((dx, dy))
        arcs.append(points)
    return arcs


def rings_of(geometry: dict) -> list[list[int]]:
    """The arc index lists of every ring of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return geometry["arcs"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, iterative; the end points always stay."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            distance = (abs(dy * (px - x1) - dx * (py - y1)) / length) if length else math.hypot(px - x1, py - y1)
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


class Projection:
    def __init__(self, lon_min: float, lat_max: float, scale: float):
        self.lon_min, self.lat_max, self.scale = lon_min, lat_max, scale
        self.cos = math.cos(math.radians(LATITUDE))

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.lon_min) * self.cos * self.scale, (self.lat_max - lat) * self.scale)


def ring_points(ring: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    points: list[tuple[int, int]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def path_of(lines: list[list[tuple[int, int]]], close: bool) -> str:
    """SVG path data with relative moves: "M12 30l4-2 ..." (closed with z for areas)."""
    parts = []
    for line in lines:
        if len(line) < 2:
            continue
        x0, y0 = line[0]
        steps = []
        for (ax, ay), (bx, by) in zip(line, line[1:]):
            if (bx, by) != (ax, ay):
                steps.append(f"{bx - ax} {by - ay}".replace(" -", "-"))
        if steps:  # an arc shorter than a unit rounds to nothing: "M1 2l" would end the path data
            parts.append(f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + ("z" if close else ""))
    return "".join(parts)


def area_centroid(rings: list[list[tuple[int, int]]]) -> tuple[float, float, float]:
    """(area, cx, cy) of polygons by the shoelace formula; holes count negatively by orientation."""
    area = cx = cy = 0.0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
    area /= 2
    if not area:
        xs, ys = [p[0] for r in rings for p in r], [p[1] for r in rings for p in r]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area), cx / (6 * area), cy / (6 * area)


def bbox(rings: list[list[tuple[int, int]]]) -> list[int]:
    xs, ys = [p[0] for r in rings for p in r], [p[1] for r in rings for p in r]
    return [min(xs), min(ys), max(xs), max(ys)]


def build(topology: dict, taxonomy) -> dict:
    province = set(taxonomy.descendants(PROVINCE))
    wanted = {t.code: t for t in taxonomy.terms("region") if t.code and t.id in province}
    objects = next(iter(topology["objects"].values()))["geometries"]
    kept = [g for g in objects if g["properties"]["statcode"] in wanted]
    missing = sorted(set(wanted) - {g["properties"]["statcode"] for g in kept})
    if missing:
        raise SystemExit("No shape for " + ", ".join(f"{c} ({wanted[c].label})" for c in missing)
                         + ": does the boundary year match the taxonomy's municipalities?")

    raw = decode_arcs(topology)
    used = sorted({i if i >= 0 else ~i for g in kept for ring in rings_of(g) for i in ring})
    lons = [p[0] for i in used for p in raw[i]]
    lats = [p[1] for i in used for p in raw[i]]
    cos = math.cos(math.radians(LATITUDE))
    scale = WIDTH / ((max(lons) - min(lons)) * cos)
    project = Projection(min(lons), max(lats), scale)
    height = math.ceil((max(lats) - min(lats)) * scale)
    arcs: dict[int, list[tuple[int, int]]] = {}
    for i in used:
        points = simplify([project(*p) for p in raw[i]], TOLERANCE)
        arcs[i] = [(round(x), round(y)) for x, y in points]
    full = [arcs.get(i, []) for i in range(len(raw))]

    sides: dict[int, list[str]] = {}  # arc -> the codes of the municipalities on its sides
    for g in kept:
        for ring in rings_of(g):
            for i in ring:
                sides.setdefault(i if i >= 0 else ~i, []).append(g["properties"]["statcode"])
    region_of = {code: term.parent for code, term in wanted.items()}

    municipalities = []
    for g in sorted(kept, key=lambda g: g["properties"]["statcode"]):
        code = g["properties"]["statcode"]
        rings = [ring_points(r, full) for r in rings_of(g)]
        _, cx, cy = area_centroid(rings)
        neighbours = sorted({c for r in rings_of(g) for i in r for c in sides[i if i >= 0 else ~i] if c != code})
        municipalities.append({"code": code, "name": g["properties"]["statnaam"], "id": wanted[code].id,
                               "path": path_of(rings, close=True), "centroid": [round(cx), round(cy)],
                               "bbox": bbox(rings), "neighbours": neighbours})

    regions = []
    for region in sorted({r for r in region_of.values()}):
        members = sorted(code for code, r in region_of.items() if r == region)
        edge = [i for i, codes in sides.items()
                if any(region_of[c] == region for c in codes)
                and (len(codes) == 1 or len({region_of[c] for c in codes}) > 1)]
        weighted = [area_centroid([ring_points(r, full) for r in rings_of(g)])
                    for g in kept if g["properties"]["statcode"] in members]
        total = sum(a for a, _, _ in weighted) or 1
        label = list(LABEL_AT.get(region) or (round(sum(a * x for a, x, _ in weighted) / total),
                                              round(sum(a * y for a, _, y in weighted) / total)))
        boxes = [m["bbox"] for m in municipalities if m["code"] in members]
        name = taxonomy.label("region", region).removesuffix(" (regio)")  # on the map it is clearly a region
        regions.append({"id": region, "name": name, "members": members,
                        "outline": path_of([full[i] for i in sorted(edge)], close=False), "label": label,
                        "bbox": [min(b[0] for b in boxes), min(b[1] for b in boxes),
                                 max(b[2] for b in boxes), max(b[3] for b in boxes)]})
    borders = [i for i, codes in sides.items() if len(codes) == 1 or region_of[codes[0]] != region_of[codes[1]]]
    return {"source": SOURCE, "licence": LICENCE, "width": WIDTH, "height": height,
            "municipalities": municipalities, "regions": regions,
            "borders": path_of([full[i] for i in sorted(borders)], close=False)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("--taxonomy", type=Path, default=REPO / "corpus" / "taxonomy.yaml")
    parser.add_argument("--out", type=Path, default=REPO / "kennisplatform" / "data" / "zuid_holland_map.json")
    args = parser.parse_args()
    data = build(json.loads(args.topojson.read_text(encoding="utf-8")), load_taxonomy(args.taxonomy))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    paths = sum(len(m["path"]) for m in data["municipalities"]) + len(data["borders"])
    print(f"{args.out}: {len(data['municipalities'])} municipalities, {len(data['regions'])} regions, "
          f"{len(text):,} characters ({paths:,} of paths drawn on a search page)")


if __name__ == "__main__":
    main()
