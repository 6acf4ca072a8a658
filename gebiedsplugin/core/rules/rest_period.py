"""rest_period: works planned at a place where works finished less than `rest_period_years` before.

For two works within `conflict_distance_m` of each other (same works and distance as `conflict`),
the later one starts G = start(later) - end(earlier) years after the earlier one's end year; it is
flagged when 1 <= G < rest_period_years. G <= 0 means the periods overlap, which is a `conflict`;
G == rest_period_years is allowed (e.g. done in 2020, next start 2025 with 5 years). The rest period
is counted in whole years whatever quarters a period has; the message shows the periods as planned
(quarters, indicative). A pair of which at least one period is indicative is only a *possible*
breach (own message, ``certainty`` possible). Skipped: a later work that is already done (nothing to
plan any more) and pairs linked `combines_with`.
"""

from __future__ import annotations

from typing import List

import numpy as np

from ..periods import certainty, quarter_text, span_text
from .base import Batch, Finding, RuleInfo
from .context import Context
from .texts import QT_TRANSLATE_NOOP, message
from .util import fmt_dist

INFO = RuleInfo(
    id="rest_period",
    severity="warning",
    params={"rest_period_years": 5.0, "conflict_distance_m": 10.0},
    title=QT_TRANSLATE_NOOP("rules:rest_period", "Rest period"),
)

MSG = QT_TRANSLATE_NOOP("rules:rest_period",
                        "{later} ({years}) starts {gap} year(s) after {earlier} ended ({end}) at the same place "
                        "(within {dist} m); the rest period is {rest} years")
MSG_POSSIBLE = QT_TRANSLATE_NOOP("rules:rest_period",
                                 "{later} ({years}) may start {gap} year(s) after {earlier} ended ({end}) at the "
                                 "same place (within {dist} m), an indicative period: a possible breach of the rest "
                                 "period of {rest} years")


def check(ctx: Context, params: dict) -> List[Finding]:
    """One finding per (earlier, later) pair of works inside the rest period."""
    dist = max(float(params["conflict_distance_m"]), 0.0)
    rest = float(params["rest_period_years"])
    i, j = ctx.work_candidates(dist)
    s, e = ctx.inter.start, ctx.inter.end
    done = ctx.inter.text("status") == "done"

    def within(earlier, later):
        gap = s[later] - e[earlier]
        return (gap >= 1) & (gap < rest) & ~done[later]

    ij, ji = within(i, j), within(j, i)
    earlier = np.concatenate([i[ij], j[ji]])
    later = np.concatenate([j[ij], i[ji]])
    keep = ctx.within(earlier, later, dist)
    earlier, later = ctx.drop_linked(earlier[keep], later[keep])
    if not earlier.size:
        return []
    geoms = ctx.pair_boxes(earlier, later).tolist()
    uids, districts, sl, el = ctx.uid_list, ctx.district_list, s.tolist(), e.tolist()
    fq, lq, indicative = ctx.inter.first_q.tolist(), ctx.inter.last_q.tolist(), ctx.inter.indicative.tolist()
    batch = Batch(INFO)
    for k, (a, b) in enumerate(zip(earlier.tolist(), later.tolist())):
        years = span_text(int(fq[b]), int(lq[b]))
        end = int(el[a]) if int(lq[a]) % 4 == 3 else quarter_text(int(lq[a]))  # '2024' or '2024 Q2'
        pair = (uids[a], uids[b]) if uids[a] < uids[b] else (uids[b], uids[a])
        sure = certainty(indicative[a], indicative[b])
        text = message(MSG if sure == "certain" else MSG_POSSIBLE, later=ctx.label(b), years=years,
                       gap=int(sl[b] - el[a]), earlier=ctx.label(a), end=end, dist=fmt_dist(dist),
                       rest=fmt_dist(rest))
        batch.add(pair, text, districts[b], geoms[k], certainty=sure)
    return batch.findings
