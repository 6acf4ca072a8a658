"""Districts, the whole city and neighbourhoods: cleaned polygons and where interventions lie."""

from __future__ import annotations

from functools import cached_property
from typing import Dict, Optional, Sequence, Tuple

import numpy as np
import shapely

from ..schema import CITY_ID
from .util import ascending, clean_text, extract, first_per_group, fix_geometries, obj_array, safe_op, texts


def _measure(geoms: np.ndarray, dims: np.ndarray) -> np.ndarray:
    """Area for polygons, length for lines, number of points for points."""
    points = shapely.get_num_geometries(geoms)
    lengths = np.where(dims == 1, shapely.length(geoms), points)
    return np.where(dims == 2, shapely.area(geoms), lengths).astype(float)


class AreaLayer:
    """Polygons of one area table (districts or neighbourhoods) by id, sorted by id.

    Sorted ids make every tie-break (a point on a shared boundary) independent of input order.
    Several rows with the same id are united (an area drawn in parts); rows without id or usable
    geometry are left out. Geometry is cleaned lazily: a rule that needs a few areas by id does not
    pay for validating thousands of neighbourhoods.
    """

    def __init__(self, features: Sequence, key: str, skip: Optional[str] = None) -> None:
        cols = extract([f.attrs for f in features], (key, "name", "district_id"))
        ids = texts(cols[key])
        self.name = {i: n or i for i, n in zip(ids, texts(cols["name"])) if i is not None}
        self.district = {i: d for i, d in zip(ids, texts(cols["district_id"])) if i is not None}
        self._parts: Dict[str, list] = {}
        for i, f in sorted(((i, f) for i, f in zip(ids, features) if i is not None and i != skip),
                           key=lambda pair: pair[0]):
            if isinstance(f.geometry, shapely.Geometry):
                self._parts.setdefault(i, []).append(f.geometry)
        self._cache: Dict[str, object] = {}

    def polygon(self, area_id: Optional[str]):
        """The cleaned polygon of one area, None when unknown or without usable geometry."""
        if area_id not in self._cache:
            self._cache[area_id] = self._clean(self._parts.get(area_id, []))
        return self._cache[area_id]

    @staticmethod
    def _clean(geoms: list):
        fixed = fix_geometries(obj_array(geoms))
        fixed = fixed[~shapely.is_missing(fixed)].tolist()
        if not fixed:
            return None
        return fixed[0] if len(fixed) == 1 else shapely.union_all(fixed)

    @cached_property
    def by_id(self) -> Dict[str, object]:
        """Every area with usable geometry: id -> cleaned polygon, in id order."""
        ids = list(self._parts)
        single = [i for i in ids if len(self._parts[i]) == 1 and i not in self._cache]
        fixed = fix_geometries(obj_array([self._parts[i][0] for i in single]))  # one vectorised pass
        self._cache.update((i, g) for i, g in zip(single, fixed.tolist()))
        out = {i: self.polygon(i) for i in ids}
        return {i: g for i, g in out.items() if g is not None}

    @cached_property
    def ids(self) -> np.ndarray:
        """Sorted ids of the areas with usable geometry."""
        return obj_array(self.by_id)

    @cached_property
    def polys(self) -> np.ndarray:
        """Their polygons, prepared for fast predicates."""
        polys = obj_array(self.by_id.values())
        shapely.prepare(polys)
        return polys


class Areas:
    """The districts (without the `city` row), the city outline and the neighbourhoods (lazily)."""

    city_id = CITY_ID

    def __init__(self, districts: Sequence, neighbourhoods: Sequence) -> None:
        self._nbh_features = neighbourhoods
        layer = AreaLayer(districts, "district_id", skip=CITY_ID)
        self.district_name = layer.name
        self.district_ids, self.district_polys = layer.ids, layer.polys
        self.district_by_id = dict(layer.by_id)
        city_rows = [f for f in districts if clean_text(f.attrs.get("district_id")) == CITY_ID]
        city = AreaLayer(city_rows, "district_id").by_id.get(CITY_ID) if city_rows else None
        if city is None and self.district_polys.size:
            city = shapely.union_all(self.district_polys)
        if city is not None:
            self.district_by_id[CITY_ID] = city
        self.city = city

    @cached_property
    def neighbourhoods(self) -> AreaLayer:
        """Only built when a rule needs it: cities have thousands of neighbourhoods."""
        return AreaLayer(self._nbh_features, "neighbourhood_id")

    def name(self, district_id: Optional[str]) -> str:
        """Display name of a district (its id when it has no name)."""
        return self.district_name.get(district_id, district_id) if district_id else "-"

    def polygon(self, area_id: Optional[str]):
        """Polygon of a district (or the city) by id, None when unknown."""
        return self.district_by_id.get(area_id) if area_id else None

    def district_overlaps(self, inter) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All (intervention, district) pairs that really overlap: see overlaps()."""
        return overlaps(self.district_polys, inter)

    def covered_by_city(self, inter, tolerance: float) -> np.ndarray:
        """True where an intervention lies within the city (grown by *tolerance*), or no city is known."""
        inside = np.ones(inter.n, dtype=bool)
        if self.city is None or not inter.n:
            return inside
        zone = shapely.buffer(self.city, tolerance) if tolerance > 0 else self.city
        shapely.prepare(zone)
        point = shapely.get_type_id(inter.fixed) == shapely.GeometryType.POINT
        xy = shapely.get_coordinates(inter.fixed[point])
        inside[point] = shapely.intersects_xy(zone, xy[:, 0], xy[:, 1])  # the fast path for points
        other = inter.usable & ~point
        inside[other] = shapely.covers(zone, inter.fixed[other])
        return inside

    def neighbourhood_of(self, inter, idx: np.ndarray) -> np.ndarray:
        """Neighbourhood of largest overlap of interventions *idx* (None when in none), the same way
        the layer defaults derive neighbourhood_id; ties go to the smallest id."""
        out = np.full(inter.n, None, dtype=object)
        layer = self.neighbourhoods
        i, k, share = overlaps(layer.polys, inter, idx)
        best = first_per_group(i, -share, k)
        out[i[best]] = layer.ids[k[best]]
        return out[idx]


def overlaps(polys: np.ndarray, inter, idx: Optional[np.ndarray] = None
             ) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All (intervention, area) pairs that really overlap, with the share of the intervention in
    that area (area for polygons, length for lines, points for points), by intervention.

    Touching does not count for lines and polygons; a point on a shared boundary lies in both.
    Most interventions lie strictly inside one area: a prepared ``contains_properly`` query finds
    those (share 1.0) cheaply; only the rest, which cross or touch a boundary, get an exact
    intersection. Without *idx* all interventions are queried with the prepared areas as input;
    with *idx* the query runs the other way round for just those interventions.
    """
    empty = np.empty(0, dtype=np.intp)
    if not polys.size or not inter.n or (idx is not None and not idx.size):
        return empty, empty, np.empty(0)
    if idx is None:
        d, i = inter.tree.query(polys)  # envelopes only: the exact tests below are vectorised
        # In the interventions' order (stable: an intervention's areas stay in id order): the tree's
        # order scatters them over the heap, and every test below reads their geometries (a million
        # interventions: contains_properly 2.0 s in the tree's order, 0.7 s in theirs).
        order = ascending(i)
        i, d = i[order], d[order]
        del order
    else:  # i ascending already: the query gives each input's hits in turn
        i, d = shapely.STRtree(polys).query(inter.fixed[idx])
        i = idx[i]
    # A point lies wholly in every area it intersects; a line or polygon strictly inside one area
    # lies wholly in it. Both tests are fast against the prepared areas; only what is left (on a
    # boundary) needs an intersection test and then the exact share.
    hit = np.zeros(i.size, dtype=bool)
    inside = np.zeros(inter.n, dtype=bool)
    point = shapely.get_type_id(inter.fixed[i]) == shapely.GeometryType.POINT
    xy = shapely.get_coordinates(inter.fixed[i[point]])
    hit[point] = shapely.intersects_xy(polys[d[point]], xy[:, 0], xy[:, 1])
    ext = np.flatnonzero(~point)
    proper = shapely.contains_properly(polys[d[ext]], inter.fixed[i[ext]])
    hit[ext[proper]] = True
    rest = ext[~proper]
    hit[rest] = shapely.intersects(polys[d[rest]], inter.fixed[i[rest]])
    inside[i[point & hit]] = True
    inside[i[ext[proper]]] = True
    i, d = i[hit], d[hit]
    share = np.ones(i.size)
    edge = ~inside[i]
    if edge.any():
        geoms, dims = inter.fixed[i[edge]], inter.dims[i[edge]]
        part = safe_op(shapely.intersection, geoms, polys[d[edge]])
        total = _measure(geoms, dims)
        with np.errstate(invalid="ignore", divide="ignore"):
            share[edge] = np.nan_to_num(_measure(part, dims) / total)
        # A point on a boundary lies in both areas; a line or polygon that only touches does not.
        share[edge] = np.where((dims == 0) & (share[edge] <= 0), 1.0, share[edge])
    keep = share > 0
    return i[keep], d[keep], share[keep]
