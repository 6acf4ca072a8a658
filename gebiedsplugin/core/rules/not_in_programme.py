"""not_in_programme: a physical work outside the programme.

A physical, not cancelled intervention with valid years and geometry, without a programme code, and
with no programme project (not cancelled, valid years) within `programme_tolerance_m` (distance equal
to the tolerance counts as within) whose years overlap its own (sharing one year is enough).
"""

from __future__ import annotations

from typing import Any, List, Optional

import numpy as np

from . import spatial
from .base import Finding, RuleInfo, sorted_finding, year_range
from .context import Context
from .texts import QT_TRANSLATE_NOOP, message
from .util import fmt_dist, overlap

INFO = RuleInfo(
    id="not_in_programme",
    severity="warning",
    params={"programme_tolerance_m": 25.0},
    title=QT_TRANSLATE_NOOP("rules:not_in_programme", "Not in programme"),
)

MSG = QT_TRANSLATE_NOOP("rules:not_in_programme",
                        "Physical work {label} ({years}) has no programme code and no programme project within "
                        "{tol} m in those years")


def check(ctx: Context, params: dict) -> List[Finding]:
    """Findings for physical works neither coded nor covered by a programme project."""
    inter, proj = ctx.inter, ctx.proj
    tol = max(float(params["programme_tolerance_m"]), 0.0)
    sel = np.flatnonzero(ctx.works & (inter.text("programme_code") == None))  # noqa: E711
    if not sel.size:
        return []
    covered = np.zeros(sel.size, dtype=bool)
    candidate = proj.usable & proj.years_ok & (proj.text("status") != "cancelled")
    if candidate.any():
        r, b = spatial.candidates(inter, sel, proj, tol, candidate)
        keep = overlap(inter.start[r], inter.end[r], proj.start[b], proj.end[b])
        r, b = r[keep], b[keep]
        # Test the exact distance only for works not yet covered by an earlier candidate: a work
        # with many projects around it needs one hit, so go in rounds over the first candidates.
        hit = spatial.within(inter.fixed[r], proj.fixed[b], tol)
        covered[np.searchsorted(sel, r[hit])] = True
    rows = sel[~covered]
    geoms = inter.markers(rows).tolist()
    starts, ends = inter.start[rows].tolist(), inter.end[rows].tolist()
    uids, districts = ctx.uid_list, ctx.district_list
    return [finding(uids[r], ctx.label(r), starts[k], ends[k], tol, districts[r], geoms[k])
            for k, r in enumerate(rows.tolist())]


def finding(uid: str, label: str, start: float, end: float, tolerance: float, district_id: Optional[str],
            geometry: Any) -> Finding:
    """The finding on physical work *uid* (named *label*: context.intervention_label), planned
    *start*-*end*, with no programme project within *tolerance* metres; also what the database check
    (qgis_io/store/pg_check.py) makes."""
    text = message(MSG, label=label, years=year_range(start, end), tol=fmt_dist(tolerance))
    return sorted_finding(INFO, (uid,), text, district_id, geometry)
