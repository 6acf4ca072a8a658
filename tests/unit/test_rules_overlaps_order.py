"""areas.overlaps gives the (intervention, area, share) triples of an exact test pair by pair, in
the interventions' order, each intervention's areas in the areas' order (district_mismatch lists
equal shares in that order)."""

from __future__ import annotations

import numpy as np
import shapely

from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.rules.areas import overlaps
from gebiedsplugin.core.rules.arrays import FeatureArrays


def _measure(g, dim: int) -> float:
    return g.area if dim == 2 else g.length if dim == 1 else float(shapely.get_num_geometries(g))


def _by_hand(polys, geoms) -> list:
    """Pair by pair, in the interventions' then the areas' order: a point in (or on) an area is in it
    wholly; a line or polygon by the share of it inside (touching is none)."""
    out = []
    for i, g in enumerate(geoms):
        for d, p in enumerate(polys):
            if not p.intersects(g):
                continue
            dim = shapely.get_dimensions(g)  # a polygon along a border shares a line with it: none of its area
            share = 1.0 if dim == 0 else _measure(g.intersection(p), dim) / _measure(g, dim)
            if share > 0:
                out.append((i, d, round(share, 9)))
    return out


def test_overlaps_by_intervention_as_by_hand():
    polys = [shapely.box(x, y, x + 100, y + 100) for y in (0, 100) for x in (0, 100, 200)]
    rng = np.random.default_rng(5)
    geoms = [shapely.Point(x, y) for x, y in rng.uniform(0, 300, (60, 2))]
    geoms += [shapely.Point(100, 50), shapely.Point(200, 100)]  # on a border: in two, in four
    geoms += [shapely.box(x, y, x + w, y + w) for x, y, w in rng.uniform(0, 250, (60, 3))]
    geoms += [shapely.LineString([(x, y), (x + dx, y + dy)]) for x, y, dx, dy in rng.uniform(0, 150, (60, 4))]
    geoms += [shapely.box(50, 50, 150, 150), shapely.box(100, 0, 200, 100)]  # four equal shares; one touching two
    order = rng.permutation(len(geoms))  # the tree's order is not the features' order
    geoms = [geoms[k] for k in order]
    arrays = FeatureArrays([Feature({}, g, "t", k) for k, g in enumerate(geoms)])
    areas = np.array(polys, dtype=object)
    shapely.prepare(areas)

    i, d, share = overlaps(areas, arrays)

    got = [(a, b, round(s, 9)) for a, b, s in zip(i.tolist(), d.tolist(), share.tolist())]
    assert got == _by_hand(polys, geoms)
    assert any(b - a == 0 for a, b in zip(i[:-1].tolist(), i[1:].tolist()))  # some in several areas
