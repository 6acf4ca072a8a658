"""conflict: two physical works close together in overlapping years: coordinate or combine.

Works are physical, not cancelled, with valid years and geometry. A pair is flagged when the
distance between the geometries is at most `conflict_distance_m` (touching is distance 0) and the
periods overlap (sharing one quarter is enough; a period in whole years covers Q1 of its start to Q4
of its end, so two periods in whole years overlap exactly when their inclusive year ranges do, as
before schema 3: core/periods.py). A pair of which at least one period is indicative is a *possible*
conflict (its own message, ``certainty`` possible); otherwise it is *certain*. Skipped: pairs that are
both done (nothing left to coordinate) and pairs linked with relation `combines_with` (already combined).
"""

from __future__ import annotations

from typing import List

import numpy as np

from ..periods import AND_WORDS, certainty, span_text
from .base import Batch, Finding, RuleInfo
from .context import Context
from .texts import QT_TRANSLATE_NOOP, Joined, message
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
MSG_POSSIBLE = QT_TRANSLATE_NOOP("rules:conflict",
                                 "Physical works {a} and {b} lie within {dist} m of each other and may overlap in "
                                 "{years} (indicative period of {which}): a possible conflict, coordinate them when "
                                 "the planning is firmer")


def check(ctx: Context, params: dict) -> List[Finding]:
    """One finding per pair of conflicting works."""
    dist = max(float(params["conflict_distance_m"]), 0.0)
    i, j = ctx.work_candidates(dist)
    s, e = ctx.inter.first_q, ctx.inter.last_q
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
    indicative = ctx.inter.indicative.tolist()
    batch = Batch(INFO)
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist())):  # pairs come smaller uid first
        a_b = {"a": ctx.label(a), "b": ctx.label(b), "dist": d, "years": span_text(int(first[k]), int(last[k]))}
        sure = certainty(indicative[a], indicative[b])
        if sure == "certain":
            batch.add((uids[a], uids[b]), message(MSG, **a_b), districts[a], geoms[k])
            continue
        names = [ctx.label(x) for x in (a, b) if indicative[x]]
        which = Joined(tuple(names), ", ", AND_WORDS)
        batch.add((uids[a], uids[b]), message(MSG_POSSIBLE, which=which, **a_b), districts[a], geoms[k],
                  certainty=sure)
    return batch.findings
