"""Column arrays and cleaned geometries of a list of Features, built lazily and cached."""

from __future__ import annotations

from functools import cached_property
from typing import Dict, List, Optional, Sequence

import numpy as np
import shapely

from .base import MARKER_BUFFER_M, MARKER_QUAD_SEGS
from .util import extract, fix_geometries, floats, obj_array, texts

_TRUE = frozenset(("true", "1", "yes", "y", "ja", "j", "t", "waar"))
_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


_ANGLES = np.linspace(0.0, 2.0 * np.pi, 4 * MARKER_QUAD_SEGS, endpoint=False)
_RING = MARKER_BUFFER_M * np.c_[np.cos(_ANGLES), np.sin(_ANGLES)]
_RING = np.vstack([_RING, _RING[:1]])


def circles(xy: np.ndarray) -> np.ndarray:
    """Marker polygons around points, built from coordinates: many times faster than GEOS buffer,
    and the same shape as buffer(MARKER_BUFFER_M, quad_segs=MARKER_QUAD_SEGS)."""
    return shapely.polygons(xy[:, None, :2] + _RING[None, :, :])


class FeatureArrays:
    """Columns of Features as numpy arrays, and their geometries cleaned for spatial predicates.

    The attributes named in *preload* are read in one pass over the features on first use: with
    100,000 features in a large heap, one pass is several times faster than one pass per column.
    Columns *given* ({name: values in the order of *features*}, e.g. as the read made them) are
    taken as they are, without a pass over the features; those named in *cleaned* hold text()'s
    cleaned values (util.texts), not the stored ones.
    """

    def __init__(self, features: Sequence, preload: Sequence[str] = (), given: Optional[Dict[str, List]] = None,
                 cleaned: Sequence[str] = ()) -> None:
        self.features = list(features)
        self.n = len(self.features)
        self._given = dict(given or {})
        self._cleaned = {n: self._given.pop(n) for n in cleaned if n in self._given}
        self._preload = tuple(n for n in preload if n not in self._given and n not in self._cleaned)
        self._raw: Dict[str, List] = {}
        self._preloaded = False
        self._cols: Dict[tuple, np.ndarray] = {}
        self._markers: Optional[np.ndarray] = None
        self._done: Optional[np.ndarray] = None

    def raw(self, name: str) -> List:
        """The stored values of attribute *name* (None when missing)."""
        if name not in self._raw and name in self._given:
            self._raw[name] = self._given.pop(name)
        elif name not in self._raw:
            names = self._preload if name in self._preload and not self._preloaded else (name,)
            self._preloaded |= name in self._preload
            self._raw.update(extract([f.attrs for f in self.features], names))
        return self._raw[name]

    def _raw_once(self, name: str) -> List:
        """raw(name) for a conversion that is cached itself: the list is not kept beside it (a
        million features: 8 MB a column; asked again, the column is read again)."""
        values = self.raw(name)
        del self._raw[name]
        return values

    def text(self, name: str) -> np.ndarray:
        """Object array of stripped strings (None when missing or blank)."""
        key = ("text", name)
        if key not in self._cols and name in self._cleaned:
            self._cols[key] = obj_array(self._cleaned.pop(name))
        elif key not in self._cols:
            self._cols[key] = obj_array(texts(self._raw_once(name)))
        return self._cols[key]

    def missing(self, name: str, text: bool = True) -> np.ndarray:
        """Boolean array: the value is None or blank. For a *text* field the cleaned column (shared
        with the rules) decides; for numbers, None or an empty string (a blank year does not parse
        and is reported as such)."""
        if text:
            return self.text(name) == None  # noqa: E711 (elementwise on an object array)
        key = ("blank", name)  # data_quality asks twice per year column (missing field, invalid year)
        if key not in self._cols:
            values = obj_array(self.raw(name))
            self._cols[key] = (values == None) | (values == "")  # noqa: E711
        return self._cols[key].copy()

    def num(self, name: str) -> np.ndarray:
        """Float array, NaN when missing or not a number."""
        key = ("num", name)
        if key not in self._cols:
            values = self._raw_once(name)
            self._cols[key] = floats(values)
            if ("blank", name) not in self._cols:  # missing(name, False) later: not the features read again
                values = obj_array(values)
                self._cols[("blank", name)] = (values == None) | (values == "")  # noqa: E711
        return self._cols[key]

    def flag(self, name: str) -> np.ndarray:
        """Boolean array: True for true-ish values (True, 1, 'true', 'ja', ...)."""
        key = ("flag", name)
        if key not in self._cols:
            values = self._raw_once(name)
            out = np.fromiter(map(bool, values), dtype=bool, count=self.n)  # C-level for the usual bools
            for k in [k for k, v in enumerate(values) if v.__class__ is str]:  # 'false', 'nee' are falsy
                out[k] = values[k].strip().lower() in _TRUE
            self._cols[key] = out
        return self._cols[key]

    @cached_property
    def geoms(self) -> np.ndarray:
        """The stored geometries (None where absent or not a shapely geometry)."""
        geoms = obj_array([f.geometry for f in self.features])
        geoms[~shapely.is_geometry(geoms)] = None
        return geoms

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
        return fix_geometries(self.geoms, self.valid | ~self.present)

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

    def _quarter(self, name: str, missing: int) -> np.ndarray:
        q = self.num(name)
        with np.errstate(invalid="ignore"):
            ok = (q >= 1) & (q <= 4) & (q == np.floor(q))
        return np.where(ok, q, missing)

    @cached_property
    def first_q(self) -> np.ndarray:
        """Quarter index (core/periods.py) of the first quarter: Q1 of the start year when not given."""
        return self.start * 4 + self._quarter("start_quarter", 1) - 1

    @cached_property
    def last_q(self) -> np.ndarray:
        """Quarter index of the last quarter: Q4 of the end year when not given."""
        return self.end * 4 + self._quarter("end_quarter", 4) - 1

    @cached_property
    def indicative(self) -> np.ndarray:
        """The period is marked indicative: findings about it are only possible."""
        return self.flag("indicative")

    @cached_property
    def years_ok(self) -> np.ndarray:
        """Both years known and end >= start: other rules skip records without it."""
        with np.errstate(invalid="ignore"):
            return ~np.isnan(self.start) & ~np.isnan(self.end) & (self.end >= self.start)

    def markers(self, idx: np.ndarray) -> np.ndarray:
        """Polygon 'where it is' of features *idx*: polygons as they are, others buffered a little."""
        if self._markers is None or self._done is None:
            self._markers = np.empty(self.n, dtype=object)
            self._done = np.zeros(self.n, dtype=bool)
        idx = np.asarray(idx, dtype=np.intp)
        todo = np.unique(idx[~self._done[idx]])
        if todo.size:
            geoms = self.fixed[todo]
            kind = shapely.get_type_id(geoms)
            out = geoms.copy()
            point = kind == shapely.GeometryType.POINT
            out[point] = circles(shapely.get_coordinates(geoms[point]))
            rest = ~np.isin(kind, _POLYGONAL) & ~point & ~shapely.is_missing(geoms)
            out[rest] = shapely.buffer(geoms[rest], MARKER_BUFFER_M, quad_segs=MARKER_QUAD_SEGS)
            self._markers[todo] = out
            self._done[todo] = True
        return self._markers[idx]
