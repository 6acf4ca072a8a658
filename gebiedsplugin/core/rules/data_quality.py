"""data_quality: records the other rules cannot trust.

Invalid, empty or missing geometry; geometry (partly) outside the city (the `city` district row, or
the union of the districts), beyond a small tolerance; missing mandatory fields (schema); years that
are not numbers or outside the schema range (and never outside the plausible 1900–2200); end year
before start year; a quarter that is not 1-4, an end quarter before the start quarter of the same
year (schema 3); negative budget; an implausible budget (above 1e11 EUR or infinite, see
core/plausibility.py); a uid used twice. One finding per intervention and problem kind, so a
decision on one problem is kept apart.
Programme projects (the MJP) get the same checks, named by their programme code.
"""

from __future__ import annotations

from collections import Counter
from typing import List

import numpy as np
import shapely

from .. import plausibility
from ..periods import quarter_text
from ..schema import INTERVENTION_FIELDS, MAX_YEAR, MIN_YEAR, PROJECT_FIELDS, TEXT
from .base import Batch, Finding, RuleInfo
from .context import Context
from .texts import QT_TRANSLATE_NOOP, Amount, Joined, message

INFO = RuleInfo(
    id="data_quality",
    severity="error",
    params={"city_tolerance_m": 1.0},
    title=QT_TRANSLATE_NOOP("rules:data_quality", "Data quality"),
)

# Years outside the schema's plan range, and never outside the plausible range, are reported.
YEAR_LO, YEAR_HI = max(MIN_YEAR, plausibility.YEAR_MIN), min(MAX_YEAR, plausibility.YEAR_MAX)

MANDATORY = tuple(f for f in INTERVENTION_FIELDS if f.mandatory)
PROJECT_MANDATORY = tuple(f for f in PROJECT_FIELDS if f.mandatory)

MESSAGES = {  # pylupdate5 needs the context as a literal in each marker
    "geometry_missing": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label} has no geometry"),
    "geometry_invalid": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label} has an invalid geometry: {reason} (the spot is marked on the map)"),
    "outside_city": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label} lies (partly) outside the city"),
    "missing_fields": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: mandatory fields missing: {fields}"),
    "year_invalid": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: start/end year is not a year between {lo} and {hi}"),
    "end_before_start": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: end year {end} is before start year {start}"),
    "quarter_invalid": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: start/end quarter is not a quarter 1-4"),
    "end_quarter_before_start": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: end {end} is before start {start}"),
    "negative_budget": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: negative budget ({amount} EUR)"),
    "budget_implausible": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: budget {amount} EUR is not plausible (more than {max} EUR)"),
    "duplicate_uid": QT_TRANSLATE_NOOP(
        "rules:data_quality", "{label}: uid {uid} is used by {n} interventions"),
}


def check(ctx: Context, params: dict) -> List[Finding]:
    """Findings for every intervention, and every programme project, with a data problem."""
    findings = []
    if ctx.inter.n:
        findings += _findings(ctx, _problems(ctx, ctx.inter, MANDATORY, params, "inter"), _InterventionNames(ctx))
    if ctx.proj.n:
        findings += _findings(ctx, _problems(ctx, ctx.proj, PROJECT_MANDATORY, params, "proj"), _ProjectNames(ctx))
    return findings


SPOT_M = 5.0  # radius of the marker of an invalid geometry's spot
_REASONS = {  # GEOS's reasons (shapely.is_valid_reason) in words, without their raw coordinates
    "self-intersection": QT_TRANSLATE_NOOP("rules:data_quality", "its outline crosses itself"),
    "ring self-intersection": QT_TRANSLATE_NOOP("rules:data_quality", "an outline touches itself"),
    "too few points": QT_TRANSLATE_NOOP("rules:data_quality", "it has too few points"),
    "hole lies outside shell": QT_TRANSLATE_NOOP("rules:data_quality", "a hole lies outside the outline"),
    "nested holes": QT_TRANSLATE_NOOP("rules:data_quality", "holes lie inside each other"),
    "nested shells": QT_TRANSLATE_NOOP("rules:data_quality", "parts lie inside each other"),
    "interior is disconnected": QT_TRANSLATE_NOOP("rules:data_quality", "its inside falls apart"),
    "ring is not closed": QT_TRANSLATE_NOOP("rules:data_quality", "an outline is not closed"),
    "invalid coordinate": QT_TRANSLATE_NOOP("rules:data_quality", "a coordinate is not a number"),
    "duplicate rings": QT_TRANSLATE_NOOP("rules:data_quality", "an outline occurs twice"),
}


def _reason(text: str) -> dict:
    """'Self-intersection[104303.2 489706.3]' -> words (GEOS's own for a reason not listed) and the spot
    (x, y) or None."""
    kind, _sep, rest = str(text).partition("[")
    reason = _REASONS.get(kind.strip().lower(), kind.strip())
    try:
        at = tuple(float(c) for c in rest.rstrip("]").split()[:2]) if rest else None
    except ValueError:
        at = None
    return {"reason": reason, "at": at if at and len(at) == 2 else None}


def _problems(ctx: Context, arrays, mandatory: tuple, params: dict, key: str) -> list:
    """(index array, kind, per-index extra message values or None) for each problem kind."""
    problems = []
    problems.append((np.flatnonzero(~arrays.present), "geometry_missing", None))
    invalid = np.flatnonzero(arrays.present & ~arrays.valid)
    reasons = shapely.is_valid_reason(arrays.geoms[invalid]) if invalid.size else []
    problems.append((invalid, "geometry_invalid", [_reason(r) for r in reasons]))
    tolerance = float(params["city_tolerance_m"])
    inside = ctx.memo("city_cover|{}|{}".format(key, tolerance), lambda: ctx.areas.covered_by_city(arrays, tolerance))
    problems.append((np.flatnonzero(~inside & arrays.usable), "outside_city", None))

    missing = np.zeros((arrays.n, len(mandatory)), dtype=bool)
    for k, field in enumerate(mandatory):
        missing[:, k] = arrays.missing(field.name, field.type == TEXT)
    rows = np.flatnonzero(missing.any(axis=1))
    values = []
    for r in rows:
        fields = [f for f, m in zip(mandatory, missing[r]) if m]
        values.append({"fields": Joined(tuple(f.alias for f in fields))})
    problems.append((rows, "missing_fields", values))

    start, end = arrays.start, arrays.end
    with np.errstate(invalid="ignore"):
        wrong = np.zeros(arrays.n, dtype=bool)
        for name, year in (("start_year", start), ("end_year", end)):
            given = ~arrays.missing(name, False)  # a missing year is reported as a missing field
            wrong |= given & (np.isnan(year) | (year < YEAR_LO) | (year > YEAR_HI))
        problems.append((np.flatnonzero(wrong), "year_invalid", None))
        rows = np.flatnonzero(end < start)
        values = [{"start": int(start[r]), "end": int(end[r])} for r in rows]
        problems.append((rows, "end_before_start", values))
        budget = arrays.num("budget")
        rows = np.flatnonzero(budget < 0)
        problems.append((rows, "negative_budget", [{"amount": _amount(budget[r])} for r in rows]))
        rows = np.flatnonzero(np.isinf(budget) | (budget > plausibility.AMOUNT_MAX))
        top = plausibility.AMOUNT_MAX
        problems.append((rows, "budget_implausible",
                         [{"amount": _amount(budget[r]), "max": Amount(top)} for r in rows]))
    if key == "inter":
        problems += _quarter_problems(arrays)
        # ctx.uid_index (shared with the funding look-ups) holds every uid, blanks named apart: as many
        # keys as interventions means no uid twice, without counting a million uids again
        dup = {}
        if len(ctx.uid_index) < arrays.n:
            counts = Counter(arrays.text("uid"))
            counts.pop(None, None)
            dup = {u: n for u, n in counts.items() if n > 1}
        rows = np.flatnonzero([u in dup for u in arrays.text("uid")]) if dup else np.empty(0, dtype=np.intp)
        problems.append((rows, "duplicate_uid", [{"uid": ctx.uids[r], "n": dup[ctx.uids[r]]} for r in rows]))
    return problems


def _quarter_problems(arrays) -> list:
    """Quarters that are not 1-4; an end quarter before the start quarter within one year."""
    wrong = np.zeros(arrays.n, dtype=bool)
    with np.errstate(invalid="ignore"):
        for name in ("start_quarter", "end_quarter"):
            q = arrays.num(name)
            wrong |= ~arrays.missing(name, False) & (np.isnan(q) | (q < 1) | (q > 4) | (q != np.floor(q)))
        rows = np.flatnonzero(arrays.years_ok & ~wrong & (arrays.first_q > arrays.last_q))
    first, last = arrays.first_q, arrays.last_q
    values = [{"start": quarter_text(int(first[r])), "end": quarter_text(int(last[r]))} for r in rows]
    return [(np.flatnonzero(wrong), "quarter_invalid", None), (rows, "end_quarter_before_start", values)]


def _amount(value: float):
    """An Amount, except for amounts too large to write out (1e308) or infinite."""
    return Amount(value) if abs(value) < 1e18 else "{:g}".format(value)


class _InterventionNames:
    """How findings name an intervention: its uid as subject, its title as label."""

    prefix = ""  # ids as before projects were checked: decisions on intervention findings stay

    def __init__(self, ctx: Context):
        self.ctx, self.arrays = ctx, ctx.inter
        self.districts = ctx.district_list

    def subject(self, r: int) -> str:
        return self.ctx.uid_list[r]

    def label(self, r: int) -> str:
        return self.ctx.label(r)


class _ProjectNames:
    """How findings name a programme project: its code as subject (table#fid without one)."""

    prefix = "project|"  # a code may equal some uid: keep the two findings apart

    def __init__(self, ctx: Context):
        self.arrays = ctx.proj
        # named when a finding needs it: a label per project up front was 0.1 GB at a million projects
        self.codes, self.titles = ctx.proj.text("programme_code"), ctx.proj.text("title")
        self.districts = ctx.proj.text("district_id").tolist()

    def subject(self, r: int) -> str:
        f = self.arrays.features[r]
        return self.codes[r] or "{}#{}".format(f.table, f.fid if f.fid is not None else r)

    def label(self, r: int) -> str:
        s, t = self.subject(r), self.titles[r]
        return "MJP {} '{}'".format(s, t) if t else "MJP {}".format(s)


def _findings(ctx: Context, problems: list, names) -> List[Finding]:
    batch = Batch(INFO)
    for rows, kind, values in problems:
        if not len(rows):
            continue
        template = MESSAGES[kind]
        geoms = names.arrays.markers(rows).tolist()
        for k, r in enumerate(np.asarray(rows).tolist()):
            v = {"label": names.label(r), "lo": YEAR_LO, "hi": YEAR_HI}
            if values:
                v.update(values[k])
            at = v.pop("at", None)
            extra = names.prefix + (_duplicate_key(ctx, r) if kind == "duplicate_uid" else kind)
            where = geoms[k] if at is None else shapely.Point(at).buffer(SPOT_M)
            batch.add((names.subject(r),), message(template, **v), names.districts[r], where, extra)
    return batch.findings


def _duplicate_key(ctx: Context, r: int) -> str:
    # The features share their uid, so the table and feature id tell their findings apart.
    f = ctx.inter.features[r]
    return "duplicate_uid|{}#{}".format(f.table, f.fid if f.fid is not None else r)
