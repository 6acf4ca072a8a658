"""outside_programme_period: an intervention's years fall (partly) outside its programme project's.

Inclusive years: an intervention 2024-2026 fits a project 2024-2026; 2023-2026 does not. Records
without valid years, or whose projects have none, are skipped (data_quality reports them).
"""

from __future__ import annotations

from typing import Any, List, Optional

import numpy as np

from .base import Finding, RuleInfo, sorted_finding, year_range
from .context import Context
from .programme import programme_codes
from .texts import QT_TRANSLATE_NOOP, message

INFO = RuleInfo(
    id="outside_programme_period",
    severity="warning",
    params={},
    title=QT_TRANSLATE_NOOP("rules:outside_programme_period", "Outside programme period"),
)

MSG = QT_TRANSLATE_NOOP("rules:outside_programme_period",
                        "{label} ({years}) falls outside the years of programme project {code} ({pyears})")


def check(ctx: Context, params: dict) -> List[Finding]:
    """Findings for interventions planned outside their programme project's period."""
    inter = ctx.inter
    vocab, idx, pstart, pend = programme_codes(ctx)
    if not vocab:
        return []
    known = (idx >= 0) & inter.years_ok
    rows = np.flatnonzero(known)
    ps, pe = pstart[idx[rows]], pend[idx[rows]]
    with np.errstate(invalid="ignore"):
        outside = ~np.isnan(ps) & ((inter.start[rows] < ps) | (inter.end[rows] > pe))
    rows, ps, pe = rows[outside], ps[outside], pe[outside]
    geoms = inter.markers(rows).tolist()
    starts, ends, ps, pe = inter.start[rows].tolist(), inter.end[rows].tolist(), ps.tolist(), pe.tolist()
    codes = [vocab[c] for c in idx[rows].tolist()]
    uids, districts = ctx.uid_list, ctx.district_list
    return [finding(uids[r], ctx.label(r), starts[k], ends[k], codes[k], ps[k], pe[k], districts[r], geoms[k])
            for k, r in enumerate(rows.tolist())]


def finding(uid: str, label: str, start: float, end: float, code: str, project_start: float, project_end: float,
            district_id: Optional[str], geometry: Any) -> Finding:
    """The finding on intervention *uid* (named *label*: context.intervention_label), planned
    *start*-*end*, outside the years of programme project *code*; also what the database check
    (qgis_io/store/pg_check.py) makes."""
    text = message(MSG, label=label, years=year_range(start, end), code=code,
                   pyears=year_range(project_start, project_end))
    return sorted_finding(INFO, (uid,), text, district_id, geometry, code)
