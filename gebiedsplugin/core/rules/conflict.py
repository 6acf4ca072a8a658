"""conflict: two physical works close together in overlapping years: coordinate or combine.

Works are physical, not cancelled, with valid years and geometry. A pair is flagged when the
distance between the geometries is at most `conflict_distance_m` (touching is distance 0) and the
inclusive year ranges overlap (sharing one year is enough). Skipped: pairs that are both done
(nothing left to coordinate) and pairs linked with relation `combines_with` (already combined).
"""

from __future__ import annotations

from typing import List

import numpy as np

from .base import Batch, Finding, RuleInfo, year_range
from .context import Context
from .texts import QT_TRANSLATE_NOOP, message
from .util import fmt_dist, overlap

INFO = RuleInfo(
    id="conflict",
    severity="warning",
    params={"conflict_distance_m": 10.0},
    title=QT_TRANSLATE_NOOP("rules:conflict", "Conflicting works"),
)

MSG = QT_TRANSLATE_NOOP("rules:conflict",
                        "Physical works {a} and {b} lie within {dist} m of each other and overlap in {years}: "
                        "coordinate or combine them")


def check(ctx: Context, params: dict) -> List[Finding]:
    """One finding per pair of conflicting works."""
    dist = max(float(params["conflict_distance_m"]), 0.0)
    i, j = ctx.work_candidates(dist)
    s, e = ctx.inter.start, ctx.inter.end
    done = ctx.inter.text("status") == "done"
    keep = overlap(s[i], e[i], s[j], e[j]) & ~(done[i] & done[j])
    i, j = i[keep], j[keep]
    keep = ctx.within(i, j, dist)
    i, j = ctx.ordered(*ctx.drop_linked(i[keep], j[keep]))
    if not i.size:
        return []
    geoms = ctx.pair_boxes(i, j).tolist()
    first, last = np.maximum(s[i], s[j]).tolist(), np.minimum(e[i], e[j]).tolist()
    uids, districts, d = ctx.uid_list, ctx.district_list, fmt_dist(dist)
    batch = Batch(INFO)
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist())):  # pairs come smaller uid first
        text = message(MSG, a=ctx.label(a), b=ctx.label(b), dist=d, years=year_range(first[k], last[k]))
        batch.add((uids[a], uids[b]), text, districts[a], geoms[k])
    return batch.findings
