"""Geometry for the Voorbeeldstad sample: city outline, neighbourhoods, districts, shapes inside them.

Everything is vectorised with numpy and shapely 2 so that 100,000 features take well under a
second per step. All coordinates are EPSG:28992 (RD New) metres.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

CENTRE = (104000.0, 488000.0)  # roughly Haarlem
HALF_AXES = (3000.0, 3500.0)  # about 6 x 7 km at the default size
BASE_COUNT = 400  # interventions at the default size; the city grows with sqrt(n / BASE_COUNT)

# District order used for indices; sectors are in degrees, counter-clockwise from east.
DISTRICT_ORDER = ("centrum", "noord", "oost", "schalkwijk", "zuid_west")
_SECTORS = {"noord": (40.0, 150.0), "zuid_west": (150.0, 240.0), "schalkwijk": (240.0, 325.0)}  # rest: oost
_CENTRUM_SHARE = 0.09  # of the neighbourhoods


def city_scale(interventions: int) -> float:
    """Linear scale of the city for *interventions* (1.0 up to the default 400, constant density above)."""
    return math.sqrt(max(interventions, BASE_COUNT) / BASE_COUNT)


def make_outline(rng: np.random.Generator, scale: float) -> Polygon:
    """An irregular, star-shaped city outline: an ellipse with a few random low harmonics."""
    theta = np.linspace(0.0, 2.0 * math.pi, 720, endpoint=False)
    k = np.arange(2, 8)
    amp = rng.uniform(0.03, 0.08, k.size) / np.sqrt(k - 1.0)  # low harmonics dominate: lobes, not noise
    phase = rng.uniform(0.0, 2.0 * math.pi, k.size)
    r = 1.0 + (amp[:, None] * np.cos(k[:, None] * theta + phase[:, None])).sum(axis=0)
    # A little smoothed noise so the edge looks drawn along dikes and roads rather than by a compass.
    noise = np.convolve(rng.normal(0.0, 0.02, theta.size), np.ones(9) / 9.0, mode="same")
    r = r + noise
    x = CENTRE[0] + HALF_AXES[0] * scale * r * np.cos(theta)
    y = CENTRE[1] + HALF_AXES[1] * scale * r * np.sin(theta)
    return Polygon(np.round(np.c_[x, y], 2))


def make_cells(rng: np.random.Generator, outline: Polygon, count: int) -> tuple:
    """Seeds and unclipped Voronoi cells of *count* neighbourhoods on a jittered grid inside *outline*."""
    shapely.prepare(outline)
    minx, miny, maxx, maxy = outline.bounds
    spacing = math.sqrt(outline.area / count)
    while True:
        gx, gy = np.meshgrid(np.arange(minx + spacing / 2, maxx, spacing),
                             np.arange(miny + spacing / 2, maxy, spacing))
        pts = np.c_[gx.ravel(), gy.ravel()] + rng.uniform(-0.35, 0.35, (gx.size, 2)) * spacing
        pts = pts[shapely.contains_xy(outline, pts[:, 0], pts[:, 1])]
        if len(pts) >= count:
            break
        spacing *= 0.97
    pts = pts[np.sort(rng.choice(len(pts), count, replace=False))]  # dropping extras makes sizes vary
    extent = shapely.box(minx, miny, maxx, maxy).buffer(10 * spacing)
    diagram = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=extent)
    cells = shapely.get_parts(diagram)
    # Cell i must belong to seed i: match by containment (ordered=True needs GEOS 3.12; the GEOS
    # that QGIS ships with may be 3.11).
    seed_idx, cell_idx = shapely.STRtree(cells).query(shapely.points(pts), predicate="within")
    order = np.empty(len(pts), dtype=np.int64)
    order[seed_idx] = cell_idx
    cells = cells[order]
    return pts, cells


def assign_districts(rng: np.random.Generator, seeds: np.ndarray, scale: float) -> np.ndarray:
    """District index (into DISTRICT_ORDER) per neighbourhood seed: the seeds nearest the centre form
    Centrum, the rest is cut into four sectors around it (Noord, Zuid-West, Schalkwijk, Oost)."""
    u = (seeds[:, 0] - CENTRE[0]) / (HALF_AXES[0] * scale)
    v = (seeds[:, 1] - CENTRE[1]) / (HALF_AXES[1] * scale)
    angle = np.degrees(np.arctan2(v, u)) % 360.0
    jitter = rng.uniform(-8.0, 8.0, 4)
    out = np.full(len(seeds), DISTRICT_ORDER.index("oost"))
    bounds = [_SECTORS["noord"][0] + jitter[0], _SECTORS["zuid_west"][0] + jitter[1],
              _SECTORS["schalkwijk"][0] + jitter[2], _SECTORS["schalkwijk"][1] + jitter[3]]
    out[(angle >= bounds[0]) & (angle < bounds[1])] = DISTRICT_ORDER.index("noord")
    out[(angle >= bounds[1]) & (angle < bounds[2])] = DISTRICT_ORDER.index("zuid_west")
    out[(angle >= bounds[2]) & (angle < bounds[3])] = DISTRICT_ORDER.index("schalkwijk")
    # Centrum: the seeds nearest the (slightly off-centre) old town, about 9 % of the neighbourhoods
    # and at least three, so it is small but never a single neighbourhood.
    share = _CENTRUM_SHARE * rng.uniform(0.85, 1.15)
    nearest = np.argsort(np.hypot(u - 0.03, v + 0.02), kind="stable")[:max(3, int(round(share * len(seeds))))]
    out[nearest] = DISTRICT_ORDER.index("centrum")
    # Guard for tiny inputs: every district needs at least one neighbourhood.
    anchors = {0: (0.03, -0.02), 1: (0.0, 0.7), 2: (0.7, 0.0), 3: (0.3, -0.7), 4: (-0.6, -0.3)}
    for d, (au, av) in anchors.items():
        if not np.any(out == d):
            out[int(np.argmin(np.hypot(u - au, v - av)))] = d
    return out


def as_multipolygon(geom) -> MultiPolygon:
    """The polygonal parts of *geom* as one MultiPolygon (drops points/lines left by clipping)."""
    return multipolygons_and_largest(np.array([geom], dtype=object))[0][0]


def multipolygons_and_largest(geoms: np.ndarray) -> tuple:
    """Per geometry: its polygonal parts as a MultiPolygon, and its largest Polygon (vectorised)."""
    parts, index = shapely.get_parts(geoms, return_index=True)
    keep = (shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)
    parts, index = parts[keep], index[keep]
    multi = shapely.multipolygons(parts, indices=index)
    order = np.lexsort((-shapely.area(parts), index))
    first = np.r_[True, index[order][1:] != index[order][:-1]]
    return multi, parts[order][first]


def sample_points_in(rng: np.random.Generator, areas: np.ndarray, bounds: np.ndarray,
                     idx: np.ndarray) -> np.ndarray:
    """One uniform random point inside ``areas[i]`` for each i in *idx* (rejection from the bounding box)."""
    xy = np.empty((len(idx), 2))
    todo = np.arange(len(idx))
    for _ in range(60):
        if not todo.size:
            return xy
        b = bounds[idx[todo]]
        x = b[:, 0] + rng.random(todo.size) * (b[:, 2] - b[:, 0])
        y = b[:, 1] + rng.random(todo.size) * (b[:, 3] - b[:, 1])
        ok = shapely.contains_xy(areas[idx[todo]], x, y)
        xy[todo[ok]] = np.c_[x[ok], y[ok]]
        todo = todo[~ok]
    surface = shapely.get_coordinates(shapely.point_on_surface(areas[idx[todo]]))
    xy[todo] = surface  # pathological slivers only
    return xy


def make_lines(rng: np.random.Generator, xy: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Slightly bent street-like lines of chord *length* centred on *xy* (4 vertices each)."""
    n = len(xy)
    angle = rng.uniform(0.0, math.pi, n)
    direction = np.c_[np.cos(angle), np.sin(angle)]
    normal = np.c_[-direction[:, 1], direction[:, 0]]
    t = np.array([-0.5, -1.0 / 6.0, 1.0 / 6.0, 0.5])
    bend = np.c_[np.zeros(n), rng.uniform(-0.03, 0.03, (n, 2)), np.zeros(n)]
    coords = (xy[:, None, :] + t[None, :, None] * length[:, None, None] * direction[:, None, :]
              + (bend * length[:, None])[:, :, None] * normal[:, None, :])
    return shapely.linestrings(np.round(coords, 2))


def make_polygons(rng: np.random.Generator, xy: np.ndarray, across: np.ndarray) -> np.ndarray:
    """Building-block rectangles and irregular heptagons, *across* metres in diameter, centred on *xy*."""
    n = len(xy)
    out = np.empty(n, dtype=object)
    rect = rng.random(n) < 0.6
    angle = rng.uniform(0.0, math.pi, n)
    if rect.any():
        m = int(rect.sum())
        aspect = rng.uniform(1.0, 3.0, m)
        half_w = across[rect] / 2.0 / np.sqrt(1.0 + aspect ** -2)
        half_h = half_w / aspect
        corners = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]], dtype=float)
        local = corners[None, :, :] * np.c_[half_w, half_h][:, None, :]
        out[rect] = shapely.polygons(np.round(_rotate(local, angle[rect]) + xy[rect][:, None, :], 2))
    irregular = ~rect
    if irregular.any():
        m = int(irregular.sum())
        theta = np.linspace(0.0, 2.0 * math.pi, 8)[None, :7] + angle[irregular][:, None]
        radius = across[irregular][:, None] / 2.0 * rng.uniform(0.75, 1.0, (m, 7))
        ring = np.stack([radius * np.cos(theta), radius * np.sin(theta)], axis=-1)
        ring = np.concatenate([ring, ring[:, :1]], axis=1) + xy[irregular][:, None, :]
        out[irregular] = shapely.polygons(np.round(ring, 2))
    return out


def _rotate(local: np.ndarray, angle: np.ndarray) -> np.ndarray:
    c, s = np.cos(angle)[:, None], np.sin(angle)[:, None]
    x, y = local[..., 0], local[..., 1]
    return np.stack([x * c - y * s, x * s + y * c], axis=-1)


def make_shapes(rng: np.random.Generator, kind: str, xy: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Points, lines (size = length) or polygons (size = diameter) around *xy*."""
    if kind == "point":
        return shapely.points(np.round(xy, 2))
    if kind == "line":
        return make_lines(rng, xy, size)
    return make_polygons(rng, xy, size)


def fit_shapes(rng: np.random.Generator, kind: str, areas: np.ndarray, bounds: np.ndarray, idx: np.ndarray,
               xy: np.ndarray, size: np.ndarray, min_size: float) -> np.ndarray:
    """Shapes of *kind* that lie entirely inside ``areas[idx]``.

    Shapes poking out are retried smaller and at a fresh random spot in the same area, so every
    feature belongs to exactly one neighbourhood (and district) and the derived codes are unambiguous.
    """
    geoms = make_shapes(rng, kind, xy, size)
    bad = np.flatnonzero(~shapely.contains(areas[idx], geoms))
    size = size.copy()
    for _ in range(16):
        if not bad.size:
            break
        size[bad] = np.maximum(size[bad] * 0.75, min_size)
        xy[bad] = sample_points_in(rng, areas, bounds, idx[bad])
        geoms[bad] = make_shapes(rng, kind, xy[bad], size[bad])
        bad = bad[~shapely.contains(areas[idx[bad]], geoms[bad])]
    return geoms
