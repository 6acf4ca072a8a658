"""not_in_programme: a physical work outside the programme.

A physical, not cancelled intervention with valid years and geometry, without a programme code, and
with no programme project (not cancelled, valid years) within `programme_tolerance_m` (distance equal
to the tolerance counts as within) whose years overlap its own (sharing one year is enough).
"""

from __future__ import annotations

from typing import List

import numpy as np

from . import spatial
from .base import Batch, Finding, RuleInfo, year_range
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
    uids, districts, t = ctx.uid_list, ctx.district_list, fmt_dist(tol)
    batch = Batch(INFO)
    for k, r in enumerate(rows.tolist()):
        text = message(MSG, label=ctx.label(r), years=year_range(starts[k], ends[k]), tol=t)
        batch.add((uids[r],), text, districts[r], geoms[k])
    return batch.findings
