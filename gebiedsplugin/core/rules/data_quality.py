"""data_quality: records the other rules cannot trust.

Invalid, empty or missing geometry; geometry (partly) outside the city (the `city` district row, or
the union of the districts), beyond a small tolerance; missing mandatory fields (schema); years that
are not numbers or outside the schema range; end year before start year; negative budget; a uid used
twice. One finding per intervention and problem kind, so a decision on one problem is kept apart.
"""

from __future__ import annotations

from collections import Counter
from typing import List

import numpy as np
import shapely

from ..schema import INTERVENTION_FIELDS, MAX_YEAR, MIN_YEAR, TEXT
from .base import Batch, Finding, RuleInfo
from .context import Context
from .util import fmt_num

INFO = RuleInfo(
    id="data_quality",
    severity="error",
    params={"city_tolerance_m": 1.0},
    title_en="Data quality",
    title_nl="Datakwaliteit",
)

MANDATORY = tuple(f for f in INTERVENTION_FIELDS if f.mandatory)

MESSAGES = {
    "geometry_missing": ("{label} has no geometry", "{label} heeft geen geometrie"),
    "geometry_invalid": ("{label} has an invalid geometry ({reason})",
                         "{label} heeft een ongeldige geometrie ({reason})"),
    "outside_city": ("{label} lies (partly) outside the city", "{label} ligt (deels) buiten de stad"),
    "missing_fields": ("{label}: mandatory fields missing: {en}",
                       "{label}: verplichte velden ontbreken: {nl}"),
    "year_invalid": (
        "{label}: start/end year is not a year between {lo} and {hi}",
        "{label}: start-/eindjaar is geen jaar tussen {lo} en {hi}",
    ),
    "end_before_start": ("{label}: end year {end} is before start year {start}",
                         "{label}: eindjaar {end} ligt voor startjaar {start}"),
    "negative_budget": ("{label}: negative budget ({en} EUR)", "{label}: negatief budget (€ {nl})"),
    "duplicate_uid": ("{label}: uid {uid} is used by {n} interventions",
                      "{label}: uid {uid} wordt door {n} interventies gebruikt"),
}


def check(ctx: Context, params: dict) -> List[Finding]:
    """Findings for every intervention with a data problem."""
    inter = ctx.inter
    if not inter.n:
        return []
    problems = []  # (index array, kind, per-index extra message values or None)

    problems.append((np.flatnonzero(~inter.present), "geometry_missing", None))
    invalid = np.flatnonzero(inter.present & ~inter.valid)
    reasons = shapely.is_valid_reason(inter.geoms[invalid]) if invalid.size else []
    problems.append((invalid, "geometry_invalid", [{"reason": r} for r in reasons]))
    tolerance = float(params["city_tolerance_m"])
    inside = ctx.memo("city_cover|{}".format(tolerance), lambda: ctx.areas.covered_by_city(inter, tolerance))
    outside = ~inside
    problems.append((np.flatnonzero(outside & inter.usable), "outside_city", None))

    missing = np.zeros((inter.n, len(MANDATORY)), dtype=bool)
    for k, field in enumerate(MANDATORY):
        missing[:, k] = inter.missing(field.name, field.type == TEXT)
    rows = np.flatnonzero(missing.any(axis=1))
    values = []
    for r in rows:
        fields = [f for f, m in zip(MANDATORY, missing[r]) if m]
        values.append({"en": ", ".join(f.alias_en for f in fields),
                       "nl": ", ".join(f.alias_nl for f in fields)})
    problems.append((rows, "missing_fields", values))

    start, end = inter.start, inter.end
    with np.errstate(invalid="ignore"):
        wrong = np.zeros(inter.n, dtype=bool)
        for name, year in (("start_year", start), ("end_year", end)):
            given = ~inter.missing(name, False)  # a missing year is reported as a missing field
            wrong |= given & (np.isnan(year) | (year < MIN_YEAR) | (year > MAX_YEAR))
        problems.append((np.flatnonzero(wrong), "year_invalid", None))
        rows = np.flatnonzero(end < start)
        values = [{"start": int(start[r]), "end": int(end[r])} for r in rows]
        problems.append((rows, "end_before_start", values))
        budget = inter.num("budget")
        rows = np.flatnonzero(budget < 0)
        problems.append((rows, "negative_budget",
                         [{"en": fmt_num(budget[r]), "nl": fmt_num(budget[r], "nl")} for r in rows]))

    counts = Counter(inter.text("uid"))
    counts.pop(None, None)
    dup = {u: n for u, n in counts.items() if n > 1}
    rows = np.flatnonzero([u in dup for u in inter.text("uid")]) if dup else np.empty(0, dtype=np.intp)
    problems.append((rows, "duplicate_uid", [{"uid": ctx.uids[r], "n": dup[ctx.uids[r]]} for r in rows]))
    return _findings(ctx, problems)


def _findings(ctx: Context, problems: list) -> List[Finding]:
    batch = Batch(INFO)
    uids, districts = ctx.uid_list, ctx.district_list
    for rows, kind, values in problems:
        if not len(rows):
            continue
        en, nl = MESSAGES[kind]
        geoms = ctx.inter.markers(rows).tolist()
        for k, r in enumerate(np.asarray(rows).tolist()):
            v = {"label": ctx.label(r), "lo": MIN_YEAR, "hi": MAX_YEAR}
            if values:
                v.update(values[k])
            extra = _duplicate_key(ctx, r) if kind == "duplicate_uid" else kind
            batch.add((uids[r],), en.format(**v), nl.format(**v), districts[r], geoms[k], extra)
    return batch.findings


def _duplicate_key(ctx: Context, r: int) -> str:
    # The features share their uid, so the table and feature id tell their findings apart.
    f = ctx.inter.features[r]
    return "duplicate_uid|{}#{}".format(f.table, f.fid if f.fid is not None else r)
