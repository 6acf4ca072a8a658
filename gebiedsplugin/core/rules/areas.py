"""Districts, the whole city and neighbourhoods: cleaned polygons and where interventions lie."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from ..schema import CITY_ID
from .util import clean_text, first_per_group, fix_geometries, obj_array, safe_op


def _grouped(features: Sequence, key: str) -> Dict[str, object]:
    """Valid polygons per id; several rows with the same id are united (a district in parts)."""
    parts: Dict[str, List] = {}
    for f in features:
        fid = clean_text(f.attrs.get(key))
        if fid is not None and isinstance(f.geometry, shapely.Geometry):
            parts.setdefault(fid, []).append(f.geometry)
    out = {}
    for fid, geoms in parts.items():
        fixed = fix_geometries(obj_array(geoms))
        fixed = fixed[~shapely.is_missing(fixed)]
        if fixed.size:
            out[fid] = fixed[0] if fixed.size == 1 else shapely.union_all(fixed)
    return out


def _measure(geoms: np.ndarray, dims: np.ndarray) -> np.ndarray:
    """Area for polygons, length for lines, number of points for points."""
    points = shapely.get_num_geometries(geoms)
    lengths = np.where(dims == 1, shapely.length(geoms), points)
    return np.where(dims == 2, shapely.area(geoms), lengths).astype(float)


class Areas:
    """The districts (without the `city` row), the city outline and the neighbourhoods."""

    city_id = CITY_ID

    def __init__(self, districts: Sequence, neighbourhoods: Sequence) -> None:
        by_id = _grouped(districts, "district_id")
        self.district_name: Dict[str, str] = {}
        for f in districts:
            key = clean_text(f.attrs.get("district_id"))
            if key is not None:
                self.district_name.setdefault(key, clean_text(f.attrs.get("name")) or key)
        self.district_by_id = by_id
        # Sorted ids make every tie-break (a point on a shared boundary) independent of input order.
        self.district_ids = np.array(sorted(k for k in by_id if k != CITY_ID), dtype=object)
        self.district_polys = obj_array(by_id[k] for k in self.district_ids)
        shapely.prepare(self.district_polys)
        city = by_id.get(CITY_ID)
        if city is None and self.district_polys.size:
            city = shapely.union_all(self.district_polys)
        self.city = city

        nbh = _grouped(neighbourhoods, "neighbourhood_id")
        self.nbh_ids = np.array(sorted(nbh), dtype=object)
        self.nbh_polys = obj_array(nbh[k] for k in self.nbh_ids)
        shapely.prepare(self.nbh_polys)
        self.nbh_district: Dict[str, Optional[str]] = {}
        self.nbh_name: Dict[str, str] = {}
        for f in neighbourhoods:
            key = clean_text(f.attrs.get("neighbourhood_id"))
            if key is not None:
                self.nbh_district.setdefault(key, clean_text(f.attrs.get("district_id")))
                self.nbh_name.setdefault(key, clean_text(f.attrs.get("name")) or key)

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
        inside[inter.usable] = False
        inside[inter.tree.query(zone, predicate="covers")] = True
        return inside

    def neighbourhood_of(self, inter, idx: np.ndarray) -> np.ndarray:
        """Neighbourhood of largest overlap of interventions *idx* (None when in none), the same way
        the layer defaults derive neighbourhood_id; ties go to the smallest id."""
        out = np.full(inter.n, None, dtype=object)
        i, k, share = overlaps(self.nbh_polys, inter, idx)
        best = first_per_group(i, -share, k)
        out[i[best]] = self.nbh_ids[k[best]]
        return out[idx]


def overlaps(polys: np.ndarray, inter, idx: Optional[np.ndarray] = None
             ) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All (intervention, area) pairs that really overlap, with the share of the intervention in
    that area (area for polygons, length for lines, points for points).

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
        d, i = inter.tree.query(polys, predicate="intersects")
        inside = np.zeros(inter.n, dtype=bool)
        inside[inter.tree.query(polys, predicate="contains_properly")[1]] = True
    else:
        i, d = shapely.STRtree(polys).query(inter.fixed[idx], predicate="intersects")
        i = idx[i]
        inside = np.zeros(inter.n, dtype=bool)
        inside[i[shapely.contains_properly(polys[d], inter.fixed[i])]] = True
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
