"""Arrays built once per run and shared by all rules.

Interventions and programme projects are turned into numpy columns and cleaned shapely geometry
arrays (``make_valid`` applied to invalid ones) so the rules can use vectorised shapely 2 and numpy
operations instead of per-feature Python loops. Everything is computed lazily and cached, so running
a subset of the rules only pays for what those rules use.
"""

from __future__ import annotations

from functools import cached_property
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from ..records import Programme
from . import spatial
from .areas import Areas
from .base import MARKER_BUFFER_M, MARKER_QUAD_SEGS
from .util import clean_text, fix_geometries, to_float

_TRUE = frozenset(("true", "1", "yes", "y", "ja", "j", "t", "waar"))
_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


class FeatureArrays:
    """Column arrays and cleaned geometries of a list of Features, computed lazily and cached."""

    def __init__(self, features: Sequence) -> None:
        self.features = list(features)
        self.n = len(self.features)
        self._cols: Dict[Tuple[str, str], np.ndarray] = {}
        self._markers: Optional[np.ndarray] = None

    def _obj(self, values: List) -> np.ndarray:
        arr = np.empty(self.n, dtype=object)
        arr[:] = values
        return arr

    def text(self, name: str) -> np.ndarray:
        """Object array of stripped strings (None when missing or blank)."""
        key = ("text", name)
        if key not in self._cols:
            values = [f.attrs.get(name) for f in self.features]
            # Inline fast path for the common cases (str, None): this runs for 100,000s of values.
            self._cols[key] = self._obj([(v.strip() or None) if v.__class__ is str else (
                None if v is None else clean_text(v)) for v in values])
        return self._cols[key]

    def num(self, name: str) -> np.ndarray:
        """Float array, NaN when missing or not a number."""
        key = ("num", name)
        if key not in self._cols:
            values = [f.attrs.get(name) for f in self.features]
            try:  # fast path: numpy maps None to NaN and parses numeric strings
                arr = np.array(values, dtype=float).reshape(self.n)
            except (TypeError, ValueError):
                arr = np.array([to_float(v) for v in values], dtype=float).reshape(self.n)
            self._cols[key] = arr
        return self._cols[key]

    def flag(self, name: str) -> np.ndarray:
        """Boolean array: True for true-ish values (True, 1, 'true', 'ja', ...)."""
        key = ("flag", name)
        if key not in self._cols:
            out = np.zeros(self.n, dtype=bool)
            for i, f in enumerate(self.features):
                v = f.attrs.get(name)
                if v is not None and v is not False:
                    out[i] = str(v).strip().lower() in _TRUE if isinstance(v, str) else bool(v)
            self._cols[key] = out
        return self._cols[key]

    @cached_property
    def geoms(self) -> np.ndarray:
        """The stored geometries (None where absent or not a shapely geometry)."""
        return self._obj([g if isinstance(g, shapely.Geometry) else None for g in
                          (f.geometry for f in self.features)])

    @cached_property
    def present(self) -> np.ndarray:
        """A non-empty geometry is stored."""
        return ~shapely.is_missing(self.geoms) & ~shapely.is_empty(self.geoms)

    @cached_property
    def valid(self) -> np.ndarray:
        """The stored geometry is present and valid."""
        return self.present & shapely.is_valid(self.geoms)

    @cached_property
    def fixed(self) -> np.ndarray:
        """Geometries for spatial predicates: made valid, None when empty or absent."""
        return fix_geometries(self.geoms)

    @cached_property
    def usable(self) -> np.ndarray:
        """A geometry usable for spatial predicates exists."""
        return ~shapely.is_missing(self.fixed)

    @cached_property
    def dims(self) -> np.ndarray:
        """Topological dimension of each fixed geometry (-1 when None)."""
        return shapely.get_dimensions(self.fixed)

    @cached_property
    def tree(self) -> shapely.STRtree:
        """Spatial index over the fixed geometries (None entries are skipped, indices kept)."""
        return shapely.STRtree(self.fixed)

    @cached_property
    def start(self) -> np.ndarray:
        return self.num("start_year")

    @cached_property
    def end(self) -> np.ndarray:
        return self.num("end_year")

    @cached_property
    def years_ok(self) -> np.ndarray:
        """Both years known and end >= start: other rules skip records without it."""
        with np.errstate(invalid="ignore"):
            return ~np.isnan(self.start) & ~np.isnan(self.end) & (self.end >= self.start)

    def markers(self, idx: np.ndarray) -> np.ndarray:
        """Polygon 'where it is' of features *idx*: polygons as they are, others buffered a little."""
        if self._markers is None:
            self._markers = np.empty(self.n, dtype=object)
            self._done = np.zeros(self.n, dtype=bool)
        idx = np.asarray(idx, dtype=np.intp)
        todo = np.unique(idx[~self._done[idx]])
        if todo.size:
            geoms = self.fixed[todo]
            polygonal = np.isin(shapely.get_type_id(geoms), _POLYGONAL)
            out = geoms.copy()
            rest = ~polygonal & ~shapely.is_missing(geoms)
            out[rest] = shapely.buffer(geoms[rest], MARKER_BUFFER_M, quad_segs=MARKER_QUAD_SEGS)
            self._markers[todo] = out
            self._done[todo] = True
        return self._markers[idx]


class Context:
    """Everything the rules share during one run over one programme."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.inter = FeatureArrays(programme.interventions)
        self.proj = FeatureArrays(programme.projects)
        self.areas = Areas(programme.districts, programme.neighbourhoods)
        self._pairs: Dict[float, Tuple[np.ndarray, np.ndarray]] = {}

    @cached_property
    def uids(self) -> np.ndarray:
        """Intervention uids; features without one get 'table#fid' so findings can still name them."""
        uids = self.inter.text("uid").copy()
        for i in np.flatnonzero(uids == None):  # noqa: E711 (elementwise on an object array)
            f = self.inter.features[i]
            uids[i] = "{}#{}".format(f.table or "feature", f.fid if f.fid is not None else i)
        return uids

    @cached_property
    def active(self) -> np.ndarray:
        """Not cancelled."""
        return self.inter.text("status") != "cancelled"

    @cached_property
    def city_wide(self) -> np.ndarray:
        """Marked city-wide, or assigned to the `city` area instead of a district."""
        return self.inter.flag("city_wide") | (self.inter.text("district_id") == self.areas.city_id)

    @cached_property
    def works(self) -> np.ndarray:
        """Physical, not cancelled, with a usable geometry and a valid period."""
        inter = self.inter
        return (inter.text("domain") == "physical") & self.active & inter.usable & inter.years_ok

    def work_candidates(self, distance: float) -> Tuple[np.ndarray, np.ndarray]:
        """Pairs (i, j), i < j, of works whose envelopes lie within *distance* (shared by conflict
        and rest_period; each rule filters on years first, then tests the exact distance)."""
        if distance not in self._pairs:
            self._pairs[distance] = spatial.self_candidates(self.inter, np.flatnonzero(self.works), distance)
        return self._pairs[distance]

    def within(self, i: np.ndarray, j: np.ndarray, distance: float) -> np.ndarray:
        """Interventions i and j lie within *distance* of each other (element-wise)."""
        return spatial.within(self.inter.fixed[i], self.inter.fixed[j], distance)

    def pair_boxes(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Polygons marking pair findings."""
        return spatial.pair_boxes(self.inter.fixed, i, j)

    @cached_property
    def linked_pairs(self) -> set:
        """Pairs of uids linked with relation 'combines_with': already combined, not a conflict."""
        out = set()
        for row in self.programme.links:
            if clean_text(row.get("relation")) == "combines_with":
                a, b = clean_text(row.get("from_uid")), clean_text(row.get("to_uid"))
                if a and b:
                    out.add((a, b) if a < b else (b, a))
        return out

    def drop_linked(self, i: np.ndarray, j: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Remove pairs that are linked as combined works."""
        linked = self.linked_pairs
        if not linked or i.size == 0:
            return i, j
        u = self.uids
        keep = np.array([((a, b) if a < b else (b, a)) not in linked for a, b in zip(u[i], u[j])], dtype=bool)
        return i[keep], j[keep]

    @cached_property
    def funding_rows(self) -> Dict[str, List[Tuple[float, Optional[str], float]]]:
        """Funding rows per intervention uid: (year, funder, amount)."""
        out: Dict[str, List[Tuple[float, Optional[str], float]]] = {}
        for row in self.programme.funding:
            uid = clean_text(row.get("intervention_uid"))
            if uid:
                out.setdefault(uid, []).append(
                    (to_float(row.get("year")), clean_text(row.get("funder")), to_float(row.get("amount")))
                )
        return out

    def label(self, i: int) -> str:
        """How messages name intervention *i*: its title in quotes, else its uid."""
        title = self.inter.text("title")[i]
        return "'" + title + "'" if title else str(self.uids[i])

    def district_for(self, idx: Sequence[int]) -> Optional[str]:
        """District of a finding about interventions *idx*: stored district of the smallest uid."""
        uids = self.uids
        first = idx[0]
        for k in idx[1:]:
            if uids[k] < uids[first]:
                first = k
        return self.inter.text("district_id")[first]
