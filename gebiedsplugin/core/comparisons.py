"""The overview's comparisons: priority coverage, comparable cases, effects and the timeline.

Pure Python (no QGIS, no Qt), on the ``Overview`` that ``aggregations.prepare`` builds; the same
scope (city or district) and period conventions as ``aggregations``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import (
    COVERED,
    DECISION_BY_STATUS,
    FUNDED_NOT_PRIORITISED,
    PRIORITISED_NOT_FUNDED,
    Item,
    Overview,
    in_period,
    is_city,
)
from gebiedsplugin.core.list_steps import sorted_in_runs


# --- priority coverage ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CoverageRow:
    """A theme in a district: its priority in the area goals (None: not a priority) and its money."""

    district_id: str
    theme: str
    priority: Optional[float]
    funded: float

    @property
    def state(self) -> str:
        if self.priority is not None:
            return COVERED if self.funded > 0 else PRIORITISED_NOT_FUNDED
        return FUNDED_NOT_PRIORITISED


def priority_coverage(ov: Overview, district: Optional[str] = None, year_from: Optional[int] = None,
                      year_to: Optional[int] = None) -> list:
    """Themes funded and/or prioritised per district (every district for the city scope).

    A theme with money in the period but no priority in the district's area goals is
    ``funded_not_prioritised``; a prioritised theme without money is ``prioritised_not_funded``.
    Districts without any area goals are left out (nothing to compare with). Rows come mismatches
    first, then by district and theme.
    """
    districts = [d for d in ov.districts() if d in ov.area_goals] if is_city(district) else (
        [district] if district in ov.area_goals else [])
    memo_key = ("coverage", year_from, year_to)
    if memo_key not in ov.money_memo:
        ov.money_memo[memo_key] = _theme_money(ov, year_from, year_to)
    chosen = set(districts)
    money = {k: a for k, a in ov.money_memo[memo_key].items() if k[0] in chosen}
    rows = []
    for d in districts:
        themes = set(ov.area_goals[d]) | {t for (dd, t) in money if dd == d}
        for theme in themes:
            rows.append(CoverageRow(d, theme, ov.area_goals[d].get(theme), money.get((d, theme), 0.0)))
    order = {FUNDED_NOT_PRIORITISED: 0, PRIORITISED_NOT_FUNDED: 1, COVERED: 2}
    districts_order = {d: i for i, d in enumerate(districts)}
    return sorted(rows, key=lambda r: (order[r.state], districts_order[r.district_id], r.theme))


def _theme_money(ov: Overview, year_from: Optional[int], year_to: Optional[int]) -> dict:
    """(district id, theme) -> money in the period of every district, in one pass over the items (each
    sum adds its amounts in the order a pass over its district alone would)."""
    money: dict = {}
    for item in ov.items:
        if not item.active or not item.theme:
            continue
        for year, _, amount in item.money:
            if in_period(year, year_from, year_to):
                key = (item.district_id, item.theme)
                money[key] = money.get(key, 0.0) + amount
    return money


# --- comparable cases -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """An intervention comparable to the subject, with why it compares."""

    item: Item
    same_domain: bool
    overlapping: bool
    budget_closeness: float  # 0..1: 1 - |a - b| / max(a, b); 0 when a budget is missing

    @property
    def score(self) -> float:
        """Similarity: one point for the same domain, one for an overlapping period, plus closeness."""
        return float(self.same_domain) + float(self.overlapping) + self.budget_closeness

    @property
    def decision(self) -> str:
        """approved / rejected / pending from the status (``unknown`` without one)."""
        return DECISION_BY_STATUS.get(self.item.status, "unknown")


def budget_closeness(a: Optional[float], b: Optional[float]) -> float:
    """1 - |a - b| / max(a, b) for non-negative budgets; 1 when both are 0; 0 when one is missing."""
    if a is None or b is None or a < 0 or b < 0:
        return 0.0
    top = max(a, b)
    return 1.0 if top == 0 else 1.0 - abs(a - b) / top


def comparable_cases(ov: Overview, uid: str, limit: Optional[int] = None) -> list:
    """Interventions of the same kind and theme in other districts, most similar first.

    Every status counts (a cancelled case is a precedent too). Ties are broken by budget closeness,
    then district and title.
    """
    subject = ov.by_uid(uid)
    if subject is None:
        return []
    cases = []
    for item in ov.items:
        if item.uid == subject.uid or item.kind != subject.kind or item.theme != subject.theme:
            continue
        if item.district_id == subject.district_id:
            continue
        overlapping = (subject.years_ok and item.years_ok and item.start_year <= subject.end_year
                       and item.end_year >= subject.start_year)
        cases.append(Case(item, bool(subject.domain) and item.domain == subject.domain, bool(overlapping),
                          budget_closeness(subject.budget, item.budget)))
    cases.sort(key=lambda c: (-c.score, -c.budget_closeness, ov.name(c.item.district_id), c.item.title))
    return cases[:limit] if limit else cases


# --- effects ---------------------------------------------------------------------------------------
def effects(ov: Overview, district: Optional[str] = None, year_from: Optional[int] = None,
            year_to: Optional[int] = None) -> list:
    """Items with an effect indicator in the scope and period, by district, indicator and title."""
    rows = [i for i in ov.scoped(district) if i.effect_indicator and i.overlaps(year_from, year_to)]
    return sorted_in_runs(rows, key=lambda i: (ov.name(i.district_id), i.effect_indicator, i.title))


def effects_by_status(ov: Overview, district: Optional[str] = None, year_from: Optional[int] = None,
                      year_to: Optional[int] = None) -> dict:
    """district_id -> {status: count} of the items with an effect indicator (``effects``)."""
    out: dict = {}
    for item in effects(ov, district, year_from, year_to):
        per = out.setdefault(item.district_id or schema.CITY_ID, {})
        status = item.status or "unknown"
        per[status] = per.get(status, 0) + 1
    return out


def effect_change(item: Item) -> Optional[float]:
    """Target minus baseline, when both are known."""
    if item.baseline is None or item.target is None:
        return None
    return item.target - item.baseline


# --- timeline --------------------------------------------------------------------------------------
def timeline(ov: Overview, district: Optional[str] = None, year_from: Optional[int] = None,
             year_to: Optional[int] = None) -> list:
    """Items with valid years that meet the period, by start year, end year and title (Gantt rows)."""
    rows = [i for i in ov.scoped(district) if i.years_ok and i.overlaps(year_from, year_to)]
    return sorted_in_runs(rows, lambda i: (i.start_year, i.end_year, i.title.lower(), i.uid))
