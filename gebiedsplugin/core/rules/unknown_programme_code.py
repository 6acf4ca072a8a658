"""unknown_programme_code: an intervention refers to a programme project code that does not exist.

Codes are compared after stripping whitespace, case-sensitively; a project of any status counts.
"""

from __future__ import annotations

from typing import List

import numpy as np

from .base import Batch, Finding, RuleInfo
from .context import Context
from .programme import programme_codes

INFO = RuleInfo(
    id="unknown_programme_code",
    severity="error",
    params={},
    title_en="Unknown programme code",
    title_nl="Onbekende programmacode",
)

MSG = (
    "{label} refers to programme project {code}, which does not exist",
    "{label} verwijst naar programmaproject {code}, dat niet bestaat",
)


def check(ctx: Context, params: dict) -> List[Finding]:
    """Findings for interventions with a programme code no project has."""
    codes = ctx.inter.text("programme_code")
    idx = programme_codes(ctx).inter_idx
    rows = np.flatnonzero((codes != None) & (idx < 0))  # noqa: E711 (elementwise on an object array)
    geoms = ctx.inter.markers(rows).tolist()
    uids, districts = ctx.uid_list, ctx.district_list
    batch = Batch(INFO)
    for k, r in enumerate(rows.tolist()):
        v = {"label": ctx.label(r), "code": codes[r]}
        batch.add((uids[r],), MSG[0].format(**v), MSG[1].format(**v), districts[r], geoms[k], codes[r])
    return batch.findings
