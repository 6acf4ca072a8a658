"""Plausibility bounds: values no municipal area programme can hold, refused on import and flagged by the check.

The schema (core/schema.py) sets what the forms accept for planning (years 2000–2100, budgets >= 0);
this module sets the hard limits beyond which a value is a mistake, not a plan, wherever it came from:

- **Years** outside 1900–2200 (``YEAR_MIN``, ``YEAR_MAX``): a typo (20250) or a date pasted as a year.
  Refused on import (with its own message, before the schema's plan range is applied), flagged by the
  check's ``data_quality`` rule (``year_invalid``) for rows other tools stored.
- **Amounts in EUR** (``budget``, ``amount``) above 1e11 (``AMOUNT_MAX``, 100 billion: ten times the
  yearly budget of the largest Dutch municipality), infinite or NaN: a unit slip or an overflow.
  Refused on import; flagged by ``data_quality`` (``budget_implausible``). Negative amounts are
  refused by the schema's minimum (0) and flagged as ``negative_budget``.
- **Geometry far outside the programme**: more than ``DISTANCE_MAX_M`` (5 km) from the bounding box
  of the programme's districts, typically coordinates in another CRS than declared (degrees read as
  metres land some 150 km away from a Dutch city in RD New). Refused on import; the check flags every
  geometry outside the city already (``outside_city``).

Pure Python (+ shapely): no QGIS, no Qt.
"""

from __future__ import annotations

import math
from typing import Optional

import shapely

YEAR_MIN, YEAR_MAX = 1900, 2200
AMOUNT_MAX = 1e11
DISTANCE_MAX_M = 5000.0

YEAR_FIELDS = ("start_year", "end_year", "year")
AMOUNT_FIELDS = ("budget", "amount")


def implausible_year(value) -> bool:
    """True for a year outside YEAR_MIN–YEAR_MAX (None: False, a missing year is another problem)."""
    if value is None:
        return False
    try:
        year = float(value)
    except (TypeError, ValueError):
        return False
    return math.isnan(year) or not (YEAR_MIN <= year <= YEAR_MAX)


def implausible_amount(value) -> bool:
    """True for an amount (EUR) above AMOUNT_MAX, or infinite or NaN (None: False)."""
    if value is None:
        return False
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return False
    return not math.isfinite(amount) or abs(amount) > AMOUNT_MAX


def bounds_of(geometries) -> Optional[tuple]:
    """(minx, miny, maxx, maxy) around every non-empty geometry of *geometries*, or None."""
    boxes = [g.bounds for g in geometries if g is not None and not g.is_empty]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def distance_outside(geometry, extent: Optional[tuple]) -> float:
    """How far (in CRS units) *geometry* lies from the box *extent*; 0 when it touches it or either is missing."""
    if geometry is None or geometry.is_empty or extent is None:
        return 0.0
    distance = float(shapely.distance(geometry, shapely.box(*extent)))
    return 0.0 if math.isnan(distance) else distance


def too_far(geometry, extent: Optional[tuple], limit: float = DISTANCE_MAX_M) -> Optional[float]:
    """The distance from *extent* when it exceeds *limit*, else None."""
    distance = distance_outside(geometry, extent)
    return distance if distance > limit else None
