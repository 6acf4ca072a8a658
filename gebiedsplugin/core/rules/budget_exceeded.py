"""budget_exceeded: planned money in a district in a year exceeds its area budget.

Money of an intervention (not cancelled, not city-wide, with a stored district) per year: when it
has funding rows with a year and an amount, those rows are its money per year (summed over funders;
the budget field is then not used, so explicit figures win; a uid used twice gives its rows to each
intervention that bears it, as the database check does); otherwise its budget is spread evenly
over the years of its inclusive range. Only positive amounts count. Area budgets of the same
district and year are summed; a district-year without an area budget is not checked. Exceeding means
strictly more than the budget (by at least half a cent, as spreading leaves float crumbs). One
finding per district and year, on the district polygon.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Tuple

import numpy as np

from .areas import Areas
from .base import Finding, RuleInfo, make_finding
from .context import Context
from .texts import QT_TRANSLATE_NOOP, Amount, message
from .util import clean_text, encode, expand_years, groups, in_set, to_float

INFO = RuleInfo(
    id="budget_exceeded",
    severity="error",
    params={},
    title=QT_TRANSLATE_NOOP("rules:budget_exceeded", "Area budget exceeded"),
)

MSG = QT_TRANSLATE_NOOP("rules:budget_exceeded",
                        "Planned money in district {district} in {year}: {total} EUR exceeds the area budget "
                        "of {budget} EUR by {diff} EUR")
CENT = 0.01


def area_budgets(ctx: Context) -> Dict[Tuple[str, int], float]:
    """(district, year) -> budget amount, summed over rows."""
    out: Dict[Tuple[str, int], float] = {}
    for row in ctx.programme.area_budgets:
        district, year, amount = clean_text(row.get("district_id")), to_float(row.get("year")), to_float(
            row.get("amount"))
        if district and not np.isnan(year) and not np.isnan(amount):
            key = (district, int(year))
            out[key] = out.get(key, 0.0) + amount
    return out


def money_rows(ctx: Context, sel: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(intervention index, year, amount) rows of the money of interventions *sel*."""
    inter = ctx.inter
    member = np.zeros(inter.n, dtype=bool)
    member[sel] = True
    fi, fy, _, fa = ctx.funding
    ok = (fi >= 0) & ~np.isnan(fy) & ~np.isnan(fa)
    ok[ok] = member[fi[ok]]
    explicit = np.zeros(inter.n, dtype=bool)
    explicit[fi[ok]] = True
    budget = inter.num("budget")
    with np.errstate(invalid="ignore"):
        idx = np.flatnonzero(member & ~explicit & inter.years_ok & (budget > 0))
    rows, years = expand_years(inter.start[idx], inter.end[idx])
    span = np.bincount(rows, minlength=idx.size)
    amounts = (budget[idx] / np.maximum(span, 1))[rows]
    return (
        np.concatenate([idx[rows], fi[ok]]),
        np.concatenate([years, fy[ok].astype(np.int64)]),
        np.concatenate([amounts, fa[ok]]),
    )


def check(ctx: Context, params: dict) -> List[Finding]:
    """One finding per district and year whose planned money exceeds the area budget."""
    budgets = area_budgets(ctx)
    if not budgets:
        return []
    district = ctx.inter.text("district_id")
    with_budget = {d for d, _ in budgets}
    sel = np.flatnonzero(ctx.active & ~ctx.city_wide & in_set(district, with_budget))
    r, year, amount = money_rows(ctx, sel)
    keep = amount > 0
    r, year, amount = r[keep], year[keep], amount[keep]
    if not r.size:
        return []
    dnames, dcode = encode(district[r])
    y0 = year.min()
    width = int(year.max() - y0 + 1)
    order, begin, counts, keys = groups(dcode * width + (year - y0))
    totals = np.add.reduceat(amount[order], begin)
    out = []
    for g, key in enumerate(keys.tolist()):
        did, yr = str(dnames[key // width]), int(key % width + y0)
        limit = budgets.get((did, yr))
        if limit is None or totals[g] <= limit + CENT / 2:  # spreading leaves float crumbs
            continue
        members = np.unique(r[order[begin[g]:begin[g] + counts[g]]])
        out.append(finding(ctx.areas, did, yr, totals[g], limit, ctx.uids[members]))
    return out


def finding(areas: Areas, district_id: str, year: int, total: float, budget: float, uids: Iterable[str]) -> Finding:
    """The finding on district *district_id* in *year*, whose interventions *uids* plan *total* euros
    against an area budget of *budget*; also what the database check (qgis_io/store/pg_check.py) makes."""
    total, budget, year = float(total), float(budget), int(year)
    text = message(MSG, district=areas.name(district_id), year=year, total=Amount(total), budget=Amount(budget),
                   diff=Amount(total - budget))
    return make_finding(INFO, uids, text, extra="{}|{}".format(district_id, year), district_id=district_id,
                        geometry=areas.polygon(district_id))
