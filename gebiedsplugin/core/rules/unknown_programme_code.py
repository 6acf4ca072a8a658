"""unknown_programme_code: an intervention refers to a programme project code that does not exist.

Codes are compared after stripping whitespace, case-sensitively; a project of any status counts.
"""

from __future__ import annotations

from typing import Any, List, Optional

import numpy as np

from .base import Finding, RuleInfo, sorted_finding
from .context import Context
from .programme import programme_codes
from .texts import QT_TRANSLATE_NOOP, message

INFO = RuleInfo(
    id="unknown_programme_code",
    severity="error",
    params={},
    title=QT_TRANSLATE_NOOP("rules:unknown_programme_code", "Unknown programme code"),
)

MSG = QT_TRANSLATE_NOOP("rules:unknown_programme_code",
                        "{label} refers to programme project {code}, which does not exist")


def check(ctx: Context, params: dict) -> List[Finding]:
    """Findings for interventions with a programme code no project has."""
    codes = ctx.inter.text("programme_code")
    idx = programme_codes(ctx).inter_idx
    rows = np.flatnonzero((codes != None) & (idx < 0))  # noqa: E711 (elementwise on an object array)
    geoms = ctx.inter.markers(rows).tolist()
    uids, districts = ctx.uid_list, ctx.district_list
    return [finding(uids[r], ctx.label(r), codes[r], districts[r], geoms[k]) for k, r in enumerate(rows.tolist())]


def finding(uid: str, label: str, code: str, district_id: Optional[str], geometry: Any) -> Finding:
    """The finding on intervention *uid* (named *label*: context.intervention_label), whose programme
    code *code* no project has; also what the database check (qgis_io/store/pg_check.py) makes."""
    return sorted_finding(INFO, (uid,), message(MSG, label=label, code=code), district_id, geometry, code)
