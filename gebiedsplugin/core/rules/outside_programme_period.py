"""outside_programme_period: an intervention's years fall (partly) outside its programme project's.

Inclusive years: an intervention 2024-2026 fits a project 2024-2026; 2023-2026 does not. Records
without valid years, or whose projects have none, are skipped (data_quality reports them).
"""

from __future__ import annotations

from typing import List

import numpy as np

from .base import Batch, Finding, RuleInfo, year_range
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
    batch = Batch(INFO)
    for k, r in enumerate(rows.tolist()):
        text = message(MSG, label=ctx.label(r), years=year_range(starts[k], ends[k]), code=codes[k],
                       pyears=year_range(ps[k], pe[k]))
        batch.add((uids[r],), text, districts[r], geoms[k], codes[k])
    return batch.findings
