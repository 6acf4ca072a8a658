"""Small value and geometry helpers shared by the rules engine."""

from __future__ import annotations

from typing import Optional

import numpy as np
import shapely


def clean_text(value) -> Optional[str]:
    """A code or text value stripped of whitespace; None when missing or blank."""
    if value is None:
        return None
    s = value.strip() if isinstance(value, str) else str(value).strip()
    return s or None


def to_float(value) -> float:
    """A number, or NaN when missing or not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def fix_geometries(geoms: np.ndarray) -> np.ndarray:
    """Geometries usable in spatial predicates: invalid ones made valid, empty/broken ones None."""
    out = geoms.copy()
    bad = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    if bad.any():
        try:
            out[bad] = shapely.make_valid(geoms[bad])
        except shapely.errors.GEOSException:  # one broken geometry must not stop the rest
            for i in np.flatnonzero(bad):
                try:
                    out[i] = shapely.make_valid(geoms[i])
                except shapely.errors.GEOSException:
                    out[i] = None
    out[shapely.is_empty(out)] = None
    return out


def safe_op(func, *arrays, **kwargs) -> np.ndarray:
    """Vectorised shapely *func* returning geometries; when GEOS fails on some element (a topology
    exception on odd input), redo element by element and put None where it still fails."""
    try:
        return func(*arrays, **kwargs)
    except shapely.errors.GEOSException:
        n = len(arrays[0])
        out = np.empty(n, dtype=object)
        for k in range(n):
            try:
                out[k] = func(*(a[k] for a in arrays), **kwargs)
            except shapely.errors.GEOSException:
                out[k] = None
        return out


def first_per_group(groups: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Positions of the first row of each distinct value of *groups*, ordering rows by *keys*."""
    if groups.size == 0:
        return np.empty(0, dtype=np.intp)
    order = np.lexsort(tuple(reversed(keys)) + (groups,))
    g = groups[order]
    first = np.ones(g.size, dtype=bool)
    first[1:] = g[1:] != g[:-1]
    return order[first]


def obj_array(values) -> np.ndarray:
    """1-D object array of *values* (never turned into a 2-D array by numpy)."""
    values = list(values)
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr


def code_index(values: np.ndarray, vocabulary: np.ndarray) -> np.ndarray:
    """Index of each text value in a sorted str *vocabulary*; -1 when None or absent."""
    out = np.full(values.size, -1, dtype=np.intp)
    present = values != None  # noqa: E711 (elementwise on an object array)
    if not vocabulary.size or not present.any():
        return out
    v = values[present].astype(str)
    pos = np.minimum(np.searchsorted(vocabulary, v), vocabulary.size - 1)
    out[present] = np.where(vocabulary[pos] == v, pos, -1)
    return out


def overlap(s1: np.ndarray, e1: np.ndarray, s2: np.ndarray, e2: np.ndarray) -> np.ndarray:
    """Inclusive year ranges overlap (meeting in one year counts)."""
    return (s1 <= e2) & (s2 <= e1)


def fmt_num(value: float, lang: str = "en") -> str:
    """Whole euros with thousands separators: 1,250,000 (en) or 1.250.000 (nl)."""
    s = "{:,.0f}".format(value)
    return s.replace(",", ".") if lang == "nl" else s


def fmt_dist(value: float) -> str:
    """A distance or count without a useless '.0'."""
    return "{:g}".format(value)


def expand_years(start: np.ndarray, end: np.ndarray, max_span: int = 101):
    """One row per year of each inclusive range: (position of the range, year). Spans are clipped to
    1..max_span years so a typo like 20250 cannot blow up memory."""
    first = start.astype(np.int64)
    span = np.clip(end.astype(np.int64) - first + 1, 1, max_span)
    rows = np.repeat(np.arange(first.size), span)
    years = first[rows] + np.arange(rows.size) - np.repeat(np.cumsum(span) - span, span)
    return rows, years


def in_set(values: np.ndarray, members) -> np.ndarray:
    """Boolean array: value is in *members* (works on object arrays holding None, unlike np.isin)."""
    return np.fromiter((v in members for v in values), dtype=bool, count=len(values))
