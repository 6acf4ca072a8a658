"""Running the rules: parameters, progress, cancellation, stable ordering of the findings."""

from __future__ import annotations

import math
from operator import attrgetter
from typing import Callable, Dict, Iterable, List, Optional

from ..records import Programme
from ..release import collection_paused
from . import (
    budget_exceeded,
    combination_chance,
    conflict,
    data_quality,
    district_mismatch,
    duplicate_funding,
    not_in_programme,
    outside_programme_period,
    rest_period,
    stacking,
    unknown_programme_code,
)
from .base import Cancelled, Finding, RuleInfo
from .context import Context
from .warmup import warm_up

_MODULES = (
    data_quality,
    district_mismatch,
    unknown_programme_code,
    outside_programme_period,
    not_in_programme,
    conflict,
    rest_period,
    stacking,
    duplicate_funding,
    budget_exceeded,
    combination_chance,
)

WARM_UP_SHARE = 30.0  # percent of the progress bar for building the shared arrays

RULES: Dict[str, RuleInfo] = {m.INFO.id: m.INFO for m in _MODULES}
_CHECKS = {m.INFO.id: m.check for m in _MODULES}


def _as_float(value, fallback: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return fallback
    # distances, years, counts and shares: never negative, never infinite
    return number if math.isfinite(number) and number >= 0 else fallback


def ignored_settings(settings: Optional[dict]) -> list:
    """[(key, stored value, default used)] for each rule parameter in the programme's *settings* that
    the rules cannot use (not a number, NaN or infinite, negative), sorted by key. The check tells the
    planner instead of using the default without a word."""
    defaults: dict = {}
    for info in RULES.values():
        defaults.update(info.params)
    out = []
    for key in sorted(k for k in (settings or {}) if k in defaults):
        value = settings[key]
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if _as_float(value, math.nan) != _as_float(value, math.nan):  # NaN: the fallback was taken
            out.append((key, value, defaults[key]))
    return out


def rule_params(rule_id: str, programme: Optional[Programme] = None, params: Optional[dict] = None) -> dict:
    """Effective parameters of a rule: its defaults, overridden by the programme's settings (same
    key names, e.g. ``conflict_distance_m``), then by *params*.

    *params* may be flat (``{"conflict_distance_m": 20}``, applied to every rule with that parameter)
    or per rule (``{"conflict": {"conflict_distance_m": 20}}``); per rule wins. Malformed values are
    ignored, and so are NaN, infinite and negative ones (see ignored_settings).
    """
    info = RULES[rule_id]
    out = dict(info.params)
    layers = []
    if programme is not None:
        layers.append(programme.settings or {})
    if params:
        layers.append({k: v for k, v in params.items() if not isinstance(v, dict)})
        per_rule = params.get(rule_id)
        if isinstance(per_rule, dict):
            layers.append(per_rule)
    for layer in layers:
        for name in info.params:
            if name in layer and layer[name] is not None:
                out[name] = _as_float(layer[name], out[name])
    return out


def unique_findings(found: List[Finding]) -> List[Finding]:
    """Sorted by finding id, each id once. Duplicate uids in the data could give one id twice; the
    finding with the smallest English message is kept, so the result never depends on order."""
    found.sort(key=attrgetter("finding_id"))
    out: List[Finding] = []
    for f in found:
        if not out or f.finding_id != out[-1].finding_id:
            out.append(f)
        elif f.message_en < out[-1].message_en:
            out[-1] = f
    return out


def run_rules(
    programme: Programme,
    rule_ids: Optional[Iterable[str]] = None,
    params: Optional[dict] = None,
    feedback: Optional[Callable[[float], bool]] = None,
) -> List[Finding]:
    """Run the programme check and return its findings.

    *rule_ids* selects rules (default: all, in the order of RULES; unknown ids raise ValueError).
    *feedback* is called with a progress percentage before and after each rule; when it returns
    True the run stops by raising Cancelled. Findings come out sorted by rule (RULES order) and
    finding id, each id once, so the result is the same whatever the order of the input features.
    """
    ids = list(RULES) if rule_ids is None else list(dict.fromkeys(rule_ids))
    unknown = [r for r in ids if r not in RULES]
    if unknown:
        raise ValueError("unknown rule id(s): {}".format(", ".join(map(str, unknown))))
    ids.sort(key=list(RULES).index)

    def report(percent: float) -> None:
        if feedback is not None and feedback(percent):
            raise Cancelled()

    report(0.0)
    # The run allocates 100,000s of short-lived, acyclic objects (geometries, arrays, findings) in a
    # process that already holds millions (the programme): the cyclic garbage collector would walk
    # them all again and again (measured: 10x slower geometry creation). Pause it for the run.
    with collection_paused():
        ctx = Context(programme)
        effective = {rule_id: rule_params(rule_id, programme, params) for rule_id in ids}
        warm_up(ctx, ids, effective)
        report(WARM_UP_SHARE)
        findings: List[Finding] = []
        for n, rule_id in enumerate(ids):
            findings.extend(unique_findings(_CHECKS[rule_id](ctx, effective[rule_id])))
            ctx.release(ids[n + 1:])
            report(WARM_UP_SHARE + (100.0 - WARM_UP_SHARE) * (n + 1) / len(ids))
    return findings
