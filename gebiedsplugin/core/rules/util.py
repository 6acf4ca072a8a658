"""Small value and geometry helpers shared by the rules engine."""

from __future__ import annotations

from itertools import count, filterfalse, repeat
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from ..rows import columns
from ..texts import number_in


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


def fix_geometries(geoms: np.ndarray, ok: Optional[np.ndarray] = None) -> np.ndarray:
    """Geometries usable in spatial predicates: invalid ones made valid, empty/broken ones None.

    *ok* marks geometries already known to be valid or missing (skips a second validity test).
    """
    out = geoms.copy()
    bad = ~(shapely.is_valid(geoms) | shapely.is_missing(geoms)) if ok is None else ~ok
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


def extract(rows: Sequence, names: Sequence[str]) -> Dict[str, List]:
    """Columns *names* of *rows* (dicts or Rows; None where missing), read in a single pass."""
    return columns(rows, names)


def floats(values: Sequence) -> np.ndarray:
    """Float array of *values*, NaN where missing or not a number."""
    try:  # fast path: numpy maps None to NaN and parses numeric strings
        return np.array(values, dtype=float).reshape(len(values))
    except (TypeError, ValueError):
        return np.array([to_float(v) for v in values], dtype=float).reshape(len(values))


def texts(values: Sequence) -> List[Optional[str]]:
    """clean_text over a column (runs on 100,000s of values).

    Code columns (theme, status, district...) hold few distinct values: those are cleaned once and
    mapped back at C speed. Columns of distinct values (uid, title) take the direct path.
    """
    if _mostly_distinct_texts(values):  # uids, titles, codes: the dict would only be counted
        distinct = None
    else:
        try:
            distinct = dict.fromkeys(values)
        except TypeError:  # an unhashable value: the direct path handles anything
            distinct = None
    if distinct is not None and len(distinct) * 2 < len(values):
        cleaned = {v: clean_text(v) for v in distinct}
        return list(map(cleaned.__getitem__, values))
    return [(v.strip() or None) if v.__class__ is str else (None if v is None else clean_text(v))
            for v in values]


_STR_OR_NONE = (frozenset((str,)), frozenset((type(None),)), frozenset((str, type(None))))


def _mostly_distinct_texts(values: Sequence) -> bool:
    """Only str and None, and a sample of them mostly distinct: both paths of texts() give the same
    for such a column (only a mix like 1 and True, equal as dict keys, could tell them apart), and the
    direct one spares a dict of every value (a million uids: 0.2 s, and more the larger the heap)."""
    if len(values) < 4096:
        return False
    sample = values[::len(values) // 1024]
    return len(set(sample)) * 2 >= len(sample) and frozenset(map(type, values)) in _STR_OR_NONE


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
    """Positions of the first row of each distinct value of *groups*, ordering rows by *keys* (ties:
    the earlier row), in the order of the groups."""
    if groups.size == 0:
        return np.empty(0, dtype=np.intp)
    if groups.dtype.kind in "iu" and groups.min() >= 0 and groups.max() <= 4 * groups.size:
        # Small non-negative ints (interventions, codes): a row alone in its group is its first, and
        # only the rows of shared groups are sorted (at a million rows most are alone; a sort of all
        # of them cost 15 times what it did at a tenth).
        counts = np.bincount(groups)
        shared = np.flatnonzero(counts[groups] > 1)
        if shared.size < groups.size:
            slot = np.full(counts.size, -1, dtype=np.intp)
            slot[groups] = np.arange(groups.size)  # groups of one: their only row
            if shared.size:
                first = shared[_first_sorted(groups[shared], *(k[shared] for k in keys))]
                slot[groups[first]] = first
            return slot[counts > 0]
    return _first_sorted(groups, *keys)


def _first_sorted(groups: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    order = np.lexsort(tuple(reversed(keys)) + (groups,))
    g = groups[order]
    first = np.ones(g.size, dtype=bool)
    first[1:] = g[1:] != g[:-1]
    return order[first]


def obj_array(values) -> np.ndarray:
    """1-D object array of *values* (never turned into a 2-D array by numpy)."""
    values = values if isinstance(values, list) else list(values)
    try:  # fromiter is many times faster than slice assignment, which inspects every element
        return np.fromiter(values, dtype=object, count=len(values))
    except ValueError:  # numpy < 1.23 (older QGIS builds) cannot make object arrays that way
        arr = np.empty(len(values), dtype=object)
        arr[:] = values
        return arr


def code_index(values: np.ndarray, vocabulary) -> np.ndarray:
    """Index of each text value in *vocabulary* (a sequence, or a dict value -> index); -1 when
    None or absent."""
    if isinstance(vocabulary, dict):
        lookup = vocabulary
    else:
        words = vocabulary.tolist() if isinstance(vocabulary, np.ndarray) else vocabulary
        lookup = dict(zip(words, range(len(words))))
    return np.fromiter(map(lookup.get, values.tolist(), repeat(-1)), dtype=np.intp, count=len(values))


def overlap(s1: np.ndarray, e1: np.ndarray, s2: np.ndarray, e2: np.ndarray) -> np.ndarray:
    """Inclusive year ranges overlap (meeting in one year counts)."""
    return (s1 <= e2) & (s2 <= e1)


def fmt_num(value: float, lang: str = "en") -> str:
    """Whole euros with thousands separators: 1,250,000 (en) or 1.250.000 (nl)."""
    return number_in(lang, value)


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


def unique_inverse(values: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """np.unique(values, return_inverse=True) for a 1-D int array; small non-negative values (bit
    masks of a few funders) counted in an array instead of sorting a million of them."""
    if values.size and values.dtype.kind in "iu" and values.min() >= 0 and values.max() <= 4 * values.size:
        present = np.bincount(values) > 0
        rank = np.cumsum(present) - 1
        return np.flatnonzero(present).astype(values.dtype), rank[values]
    return np.unique(values, return_inverse=True)


def first_seen(lookup: Dict, values: Sequence) -> np.ndarray:
    """Code of each value: its index among the distinct non-None values in first-seen order, kept in
    *lookup* (value -> code, extended with the values new here); -1 for None."""
    distinct = dict.fromkeys(values)
    distinct.pop(None, None)
    # the new ones numbered on from len(lookup), in their order: C-level passes, no Python loop
    lookup.update(zip(filterfalse(lookup.__contains__, distinct), count(len(lookup))))
    return np.fromiter(map(lookup.get, values, repeat(-1)), dtype=np.intp, count=len(values))


def encode(values: np.ndarray) -> Tuple[list, np.ndarray]:
    """(distinct values in first-seen order, code of each value): a dict pass, cheaper than
    sorting strings with np.unique."""
    items = values.tolist()
    distinct = list(dict.fromkeys(items))  # C-level passes only: no Python loop per value
    lookup = dict(zip(distinct, range(len(distinct))))
    return distinct, np.fromiter(map(lookup.__getitem__, items), dtype=np.intp, count=len(items))


def ascending(keys: np.ndarray) -> np.ndarray:
    """np.argsort(keys, kind="stable") for non-negative ints below 2**32: two passes of numpy's radix
    sort over 16 bits each, linear in the count (at a million pairs a third of the comparison sort)."""
    if not keys.size or keys.min() < 0 or keys.max() >= 2 ** 32:
        return np.argsort(keys, kind="stable")
    order = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    if keys.max() >= 2 ** 16:
        order = order[np.argsort((keys[order] >> 16).astype(np.uint16), kind="stable")]
    return order


def groups(keys: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rows grouped by integer *keys* with one stable sort: (order, start of each group in order,
    size of each group, key of each group)."""
    low = keys.min() if keys.size else 0
    if keys.size and keys.dtype.kind in "iu" and keys.max() - low < 2 ** 15:  # int16: numpy sorts by radix
        order = np.argsort((keys - low).astype(np.int16), kind="stable")
    else:
        order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    first = np.ones(sorted_keys.size, dtype=bool)
    first[1:] = sorted_keys[1:] != sorted_keys[:-1]
    starts = np.flatnonzero(first)
    sizes = np.diff(np.append(starts, sorted_keys.size))
    return order, starts, sizes, sorted_keys[starts]


def in_set(values: np.ndarray, members) -> np.ndarray:
    """Boolean array: value is in *members* (works on object arrays holding None, unlike np.isin)."""
    return np.fromiter(map(members.__contains__, values.tolist()), dtype=bool, count=len(values))
