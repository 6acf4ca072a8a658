"""district_mismatch: the stored district is not where the geometry lies.

The district of an intervention is the one holding the largest share of it (area for polygons,
length for lines, the point itself for points; ties go to the stored district, else the smallest
id). The `city` row is the whole city, not a district. Flagged: a stored district (or none) that is
not the largest-overlap district; a geometry of which two or more districts each hold at least
`min_overlap_share`. Something lying wholly in one district including its border (a point or a line
on the border between two) is not in several: either district is right. Interventions marked
city-wide or stored with district `city` are exempt. Geometry outside every district is left to
data_quality.
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from .areas import Areas
from .base import Finding, RuleInfo, sorted_finding
from .context import Context
from .texts import QT_TRANSLATE_NOOP, message
from .util import first_per_group

INFO = RuleInfo(
    id="district_mismatch",
    severity="error",
    params={"min_overlap_share": 0.05},
    title=QT_TRANSLATE_NOOP("rules:district_mismatch", "District mismatch"),
)

MSG_DISTRICT = QT_TRANSLATE_NOOP("rules:district_mismatch",
                                 "{label} is stored in district {stored} but lies in {actual}")
MSG_SEVERAL = QT_TRANSLATE_NOOP("rules:district_mismatch",
                                "{label} lies in several districts ({shares}); mark it city-wide or split it")
NO_DISTRICT = QT_TRANSLATE_NOOP("rules:district_mismatch", "(none)")


def check(ctx: Context, params: dict) -> List[Finding]:
    """Findings for interventions whose stored district differs from where they lie."""
    inter, areas = ctx.inter, ctx.areas
    i, d, share = ctx.memo("district_overlaps", lambda: areas.district_overlaps(inter))
    keep = ~ctx.city_wide[i]
    i, d, share = i[keep], d[keep], share[keep]
    if not i.size:
        return []
    ids = areas.district_ids
    stored = inter.text("district_id")

    best = first_per_group(i, -share, d)  # largest share, ties to the smallest id (ids are sorted)
    best_d = np.full(inter.n, -1, dtype=np.intp)
    best_share = np.zeros(inter.n)
    best_d[i[best]], best_share[i[best]] = d[best], share[best]
    stored_share = np.zeros(inter.n)
    is_stored = ids[d] == stored[i]
    stored_share[i[is_stored]] = share[is_stored]

    significant = np.bincount(i[share >= float(params["min_overlap_share"])], minlength=inter.n)
    # Wholly in one district's closure (a point or a line on a border lies in both): not several.
    whole = np.bincount(i[share >= 1.0 - 1e-9], minlength=inter.n) > 0
    several = (significant >= 2) & ~whole
    wrong = (best_d >= 0) & ((stored_share <= 0) | (stored_share < best_share - 1e-9))
    rows = np.flatnonzero(several | wrong)
    if not rows.size:
        return []

    geoms = inter.markers(rows)
    mine = np.flatnonzero(several[i])  # only their pairs are listed (a sort of all: 18x per 10x)
    order = mine[np.lexsort((-share[mine], i[mine]))]  # pairs per intervention, largest share first
    starts = np.searchsorted(i[order], rows)
    out = []
    for k, r in enumerate(rows):
        shares = None
        if several[r]:
            shares = []
            for p in order[starts[k]:]:
                if i[p] != r:
                    break
                shares.append((ids[d[p]], share[p]))
        out.append(finding(areas, ctx.uids[r], ctx.label(r), stored[r], ids[best_d[r]], geoms[k], shares))
    return out


def finding(areas: Areas, uid: str, label: str, stored: Optional[str], actual: str, geometry: Any,
            shares: Optional[Sequence[Tuple[str, float]]] = None) -> Finding:
    """The finding on intervention *uid* (named *label*: context.intervention_label), stored in
    district *stored* (None: none) and lying mostly in *actual*; with *shares*, the (district id,
    share) of each district it lies in, largest first, it lies in several. Also what the database
    check (qgis_io/store/pg_check.py) makes."""
    if shares is not None:
        listed = ", ".join("{} {:.0%}".format(areas.name(d), s) for d, s in shares)
        text, kind = message(MSG_SEVERAL, label=label, shares=listed), "several"
    else:
        text = message(MSG_DISTRICT, label=label, actual=areas.name(actual),
                       stored=areas.name(stored) if stored else NO_DISTRICT)
        kind = "district"
    return sorted_finding(INFO, (uid,), text, actual, geometry, kind)
