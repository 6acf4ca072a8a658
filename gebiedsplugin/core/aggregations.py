"""The overview per district: where the money goes, where interventions stack up, what is prioritised.

Pure Python (no QGIS, no Qt). ``prepare(programme)`` turns a Programme snapshot into an ``Overview``
once; the functions below aggregate it for the whole city (district None or ``city``) or one
district, and a period (inclusive years; None is open). The dock and the district report show only
what these functions return.

Conventions (the same as the programme check's rules where they overlap):

* **Money** of an intervention (status not ``cancelled``) per year and funder: its funding rows with
  a year and a positive amount; an intervention without such rows counts its budget spread evenly
  over the years of its inclusive range, under its own ``funder`` (``UNKNOWN`` when it has none).
  Money of a district in a period is the money of its interventions in the years of the period.
* **District** of an intervention: its stored ``district_id``, else the district its geometry lies
  in (as in the unified programme map). The city scope holds every intervention, city-wide ones
  included; its area budget is the sum of all area budget rows.
* **Stacking**: interventions (not cancelled, not city-wide, valid years) per stored neighbourhood
  and year; a cell is over the threshold when it counts *more than* ``stacking_max``.
* **Priority**: a theme is prioritised in a district when its area goals give it priority > 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from gebiedsplugin.core import funding_gap, schema
from gebiedsplugin.core.effects import measurements_by_uid, progress
from gebiedsplugin.core.intervention_list import years_overlap
from gebiedsplugin.core.overview_item import Item
from gebiedsplugin.core.periods import period_from
from gebiedsplugin.core.records import Programme
from gebiedsplugin.core.rows import columns
from gebiedsplugin.core.unified import INTERVENTION, build_unified

UNKNOWN = "unknown"  # funder code of spread budgets without a funder
MONEY_KEYS = ("year", "theme", "domain", "funder", "kind")
DEFAULT_STACKING_MAX = 8.0

# Coverage states of a theme in a district.
COVERED, FUNDED_NOT_PRIORITISED, PRIORITISED_NOT_FUNDED = "covered", "funded_not_prioritised", "prioritised_not_funded"
# Decisions derived from status (for comparable cases).
DECISION_BY_STATUS = {"idea": "pending", "planned": "approved", "in_progress": "approved", "done": "approved",
                      "cancelled": "rejected"}


def _int(value) -> Optional[int]:
    try:
        return None if value is None or value == "" else int(value)
    except (TypeError, ValueError):
        return None


def _float(value) -> Optional[float]:
    try:
        return None if value is None or value == "" else float(value)
    except (TypeError, ValueError):
        return None


def in_period(year: int, year_from: Optional[int], year_to: Optional[int]) -> bool:
    """True when *year* lies in the period (either bound may be open)."""
    return (year_from is None or year >= year_from) and (year_to is None or year <= year_to)


def is_city(district: Optional[str]) -> bool:
    """True for the whole-city scope (None, empty or ``city``)."""
    return not district or district == schema.CITY_ID


@dataclass
class Overview:
    """A prepared programme: items plus what the aggregations compare them with."""

    items: list = field(default_factory=list)
    district_names: dict = field(default_factory=dict)  # district_id -> name (incl. city)
    neighbourhoods: dict = field(default_factory=dict)  # neighbourhood_id -> (name, district_id)
    area_budgets: dict = field(default_factory=dict)  # (district_id, year) -> amount
    area_goals: dict = field(default_factory=dict)  # district_id -> {theme: priority > 0}
    stacking_max: float = DEFAULT_STACKING_MAX
    # uid -> funding_gap.FundingGap (district as resolved here); None: not made (prepare(gaps=False))
    gaps: Optional[dict] = field(default_factory=dict)
    # Sums over all items made once for every scope, by what they sum and the period (money_by(),
    # stacking_table(), comparisons.priority_coverage()): an export's summary pages and tables ask the
    # same sums for the city and each district (54 money_by calls at 100,000 items). An Overview is not
    # changed once prepared.
    money_memo: dict = field(default_factory=dict, repr=False, compare=False)

    def districts(self) -> list:
        """District ids in name order, without the city row."""
        ids = [d for d in self.district_names if d != schema.CITY_ID]
        return sorted(ids, key=lambda d: (self.district_names.get(d) or d).lower())

    def name(self, district: Optional[str]) -> str:
        key = schema.CITY_ID if is_city(district) else district
        return self.district_names.get(key) or key

    def scoped(self, district: Optional[str] = None) -> list:
        """Items of the scope: all for the city, else those of *district*."""
        if is_city(district):
            return list(self.items)
        return [i for i in self.items if i.district_id == district]

    def by_uid(self, uid: str) -> Optional[Item]:
        return next((i for i in self.items if i.uid == uid), None)

    def years(self) -> tuple:
        """(first, last) year of the programme's interventions and area budgets, or (None, None)."""
        years = [y for i in self.items for y in (i.start_year, i.end_year) if y is not None]
        years += [y for _, y in self.area_budgets]
        return (min(years), max(years)) if years else (None, None)


def prepare(programme: Programme, unified=None, gaps: bool = True) -> Overview:
    """The Overview of *programme* (districts resolved, money per year and funder). *unified*: its
    unified map of the whole city over all years when the caller has built it already (the export;
    built with keep_funding, its sums of the funding rows are taken, not made again). *gaps* False: no
    funding gaps (``gaps`` None), for a reader that shows none (the export's summary pages: at 100,000
    items the gaps were 270,000 objects held to the export's end, 0.7 s to make)."""
    unified = unified if unified is not None else build_unified(programme, keep_funding=True)
    district_of = {a.get("uid"): a.get("district_id") for a in (f.attrs for f in unified.all_items())
                   if a.get("source") == INTERVENTION}
    funding: dict = {}
    for row in programme.funding:
        year, amount = _int(row.get("year")), _float(row.get("amount"))
        if year is not None and amount is not None and amount > 0:
            funding.setdefault(row.get("intervention_uid"), []).append((year, row.get("funder") or UNKNOWN, amount))
    measured = measurements_by_uid(programme.effect_measurements)
    items = []
    # the fields as columns, read at C speed (a Feature's get() is two Python calls: 2.5 M at 100k)
    for f, row in _item_rows(programme.interventions):
        (uid, title, domain, kind, theme, status, district_id, neighbourhood_id, city_wide, start_year, end_year,
         budget, funder, indicator, baseline, target, contact, baseline_year, start_quarter, end_quarter,
         indicative) = row
        uid = uid or ""
        period = period_from(start_year, end_year, start_quarter, end_quarter, indicative)
        start, end = _int(start_year), _int(end_year)
        money = funding.get(uid)
        if money is None:
            money = _spread(_float(budget), start, end, funder or UNKNOWN)
        items.append(Item(
            uid=uid, title=_text(title), domain=_text(domain), kind=_text(kind), theme=_text(theme),
            status=_text(status), district_id=district_id or district_of.get(uid), neighbourhood_id=neighbourhood_id,
            city_wide=bool(city_wide), start_year=start, end_year=end, budget=_float(budget), funder=_text(funder),
            effect_indicator=_text(indicator), baseline=_float(baseline), target=_float(target), table=f.table,
            fid=f.fid, money=tuple(money),
            start_quarter=period.start_quarter if period else None, end_quarter=period.end_quarter if period else None,
            indicative=bool(period and period.indicative), contact=_text(contact),
            progress=progress(baseline, target, measured.get(uid, ()), baseline_year) if indicator else None))
    budgets: dict = {}
    for row in programme.area_budgets:
        year, amount = _int(row.get("year")), _float(row.get("amount"))
        if row.get("district_id") and year is not None and amount is not None:
            key = (row.get("district_id"), year)
            budgets[key] = budgets.get(key, 0.0) + amount
    goals: dict = {}
    for row in programme.area_goals:
        prio = _float(row.get("priority"))
        themes = goals.setdefault(row.get("district_id"), {})
        if row.get("theme") and prio is not None and prio > 0:
            themes[row.get("theme")] = prio
    hoods = {n.get("neighbourhood_id"): (n.get("name") or n.get("neighbourhood_id"), n.get("district_id"))
             for n in programme.neighbourhoods}
    return Overview(items, dict(unified.district_names), hoods, budgets, goals,
                    programme.setting("stacking_max", DEFAULT_STACKING_MAX),
                    _gaps(programme, unified, items) if gaps else None)


def _gaps(programme: Programme, unified, items: list) -> dict:
    """uid -> FundingGap of every intervention, in the district the Overview resolved for it."""
    funded = unified.funding if unified.funding is not None else funding_gap.funding_by_uid(programme.funding)
    district_by_uid = {i.uid: i.district_id for i in items}
    gaps = {}
    no_money = (0.0, {}, ())
    for f in programme.interventions:
        g = funding_gap.gap_of(f, funded.get(f.get("uid"), no_money))
        district = district_by_uid.get(g.uid, g.district_id)
        gaps[g.uid] = g if district == g.district_id else replace(g, district_id=district)
    return gaps


ITEM_CHUNK = 5000  # interventions read as columns at a time
# read of each intervention by prepare(), in the order it unpacks them
_ITEM_READS = ("uid", "title", "domain", "kind", "theme", "status", "district_id", "neighbourhood_id", "city_wide",
               "start_year", "end_year", "budget", "funder", "effect_indicator", "baseline", "target", "contact",
               "baseline_year", "start_quarter", "end_quarter", "indicative")


def _item_rows(interventions: list):
    """(feature, its _ITEM_READS values) of every intervention, read as columns a chunk at a time (the
    columns of all at once would add 20 MB at 100,000 to an export near its peak memory)."""
    for start in range(0, len(interventions), ITEM_CHUNK):
        chunk = interventions[start:start + ITEM_CHUNK]
        values = columns([f.attrs for f in chunk], _ITEM_READS)
        yield from zip(chunk, zip(*(values[n] for n in _ITEM_READS)))


def _text(value) -> str:
    """A text field as Feature.get(name, "") reads it: "" for NULL."""
    return "" if value is None else value


def _spread(budget: Optional[float], start: Optional[int], end: Optional[int], funder: str) -> list:
    """The budget spread evenly over the inclusive years (nothing without a budget or valid years)."""
    if budget is None or budget <= 0 or start is None or end is None or end < start:
        return []
    span = end - start + 1
    return [(year, funder, budget / span) for year in range(start, end + 1)]


# --- money ----------------------------------------------------------------------------------------
def money_by(ov: Overview, key: str, district: Optional[str] = None, year_from: Optional[int] = None,
             year_to: Optional[int] = None) -> dict:
    """Planned money per *key* (year, theme, domain, funder or kind), largest first (years in order)."""
    if key not in MONEY_KEYS:
        raise ValueError(key)
    memo_key = ("money", key, year_from, year_to)
    if memo_key not in ov.money_memo:
        ov.money_memo[memo_key] = _money_by(ov, key, year_from, year_to)
    city, per_district = ov.money_memo[memo_key]
    return dict(city if is_city(district) else per_district.get(district, {}))  # a copy: callers may change it


def _money_by(ov: Overview, key: str, year_from: Optional[int], year_to: Optional[int]) -> tuple:
    """(the city's sums, district id -> its sums) in one pass over the items: each sum adds the same
    amounts in the same order as a pass over its scope alone."""
    city: dict = {}
    per_district: dict = {}
    for item in ov.items:
        if not item.active:
            continue
        own = per_district.setdefault(item.district_id, {})
        for year, funder, amount in item.money:
            if in_period(year, year_from, year_to):
                code = year if key == "year" else funder if key == "funder" else getattr(item, key) or UNKNOWN
                city[code] = city.get(code, 0.0) + amount
                own[code] = own.get(code, 0.0) + amount
    if key == "year":
        order = lambda sums: dict(sorted(sums.items()))  # noqa: E731
    else:
        order = lambda sums: dict(sorted(sums.items(), key=lambda kv: (-kv[1], str(kv[0]))))  # noqa: E731
    return order(city), {d: order(sums) for d, sums in per_district.items()}


def area_budget(ov: Overview, district: Optional[str] = None, year: Optional[int] = None,
                year_from: Optional[int] = None, year_to: Optional[int] = None) -> float:
    """Area budget of the scope in *year* (or summed over the period); the city sums every row."""
    if year is not None:
        year_from = year_to = year
    return sum((a for (d, y), a in ov.area_budgets.items()
               if (is_city(district) or d == district) and in_period(y, year_from, year_to)), 0.0)


@dataclass(frozen=True)
class BudgetYear:
    year: int
    planned: float
    area_budget: float

    @property
    def difference(self) -> float:
        """Area budget minus planned money (negative: over budget)."""
        return self.area_budget - self.planned

    @property
    def over(self) -> bool:
        return self.area_budget > 0 and self.planned - self.area_budget >= 0.005


def budget_by_year(ov: Overview, district: Optional[str] = None, year_from: Optional[int] = None,
                   year_to: Optional[int] = None) -> list:
    """Planned money against the area budget per year of the period (years with either)."""
    planned = money_by(ov, "year", district, year_from, year_to)
    years = set(planned)
    years.update(y for (d, y) in ov.area_budgets
                 if (is_city(district) or d == district) and in_period(y, year_from, year_to))
    return [BudgetYear(y, planned.get(y, 0.0), area_budget(ov, district, y)) for y in sorted(years)]


@dataclass
class FunderMatrix:
    """Money per district and funder in a period; ``share`` is a district's part of a funder's money."""

    districts: list
    funders: list
    amounts: dict  # (district_id, funder) -> amount

    def total(self, funder: Optional[str] = None, district: Optional[str] = None) -> float:
        return sum(a for (d, f), a in self.amounts.items()
                   if (funder is None or f == funder) and (district is None or d == district))

    def share(self, district: str, funder: str) -> float:
        """Part (0..1) of *funder*'s money that goes to *district*."""
        whole = self.total(funder=funder)
        return self.amounts.get((district, funder), 0.0) / whole if whole else 0.0


def funder_matrix(ov: Overview, year_from: Optional[int] = None, year_to: Optional[int] = None) -> FunderMatrix:
    """Money per funder across the districts (city-wide and unplaced money under ``city``)."""
    amounts: dict = {}
    for item in ov.items:
        if not item.active:
            continue
        district = item.district_id if item.district_id in ov.district_names else schema.CITY_ID
        for year, funder, amount in item.money:
            if in_period(year, year_from, year_to):
                amounts[(district, funder)] = amounts.get((district, funder), 0.0) + amount
    districts = [d for d in ov.districts() + [schema.CITY_ID] if any(k[0] == d for k in amounts)]
    funder_total: dict = {}
    for (_, f), a in amounts.items():
        funder_total[f] = funder_total.get(f, 0.0) + a
    funders = sorted(funder_total, key=lambda f: (-funder_total[f], f))
    return FunderMatrix(districts, funders, amounts)


# --- stacking ----------------------------------------------------------------------------------------
@dataclass
class StackingTable:
    """Interventions per neighbourhood (rows) and year (columns) against the threshold."""

    neighbourhoods: list  # neighbourhood ids, rows
    years: list
    counts: dict  # (neighbourhood_id, year) -> count
    threshold: float
    names: dict = field(default_factory=dict)

    def count(self, neighbourhood: str, year: int) -> int:
        return self.counts.get((neighbourhood, year), 0)

    def over(self, neighbourhood: str, year: int) -> bool:
        return self.count(neighbourhood, year) > self.threshold

    def cells_over(self) -> list:
        return sorted(k for k, c in self.counts.items() if c > self.threshold)

    @property
    def maximum(self) -> int:
        return max(self.counts.values(), default=0)


def funding_totals(ov: Overview, key: str, district: Optional[str] = None, year_from: Optional[int] = None,
                   year_to: Optional[int] = None) -> list:
    """funding_gap.Totals per *key* ('district_id' or 'theme') of the interventions of the scope whose
    period overlaps the years asked (an intervention counts whole: its status is about all its money)."""
    chosen = []
    for item in ov.scoped(district):
        gap = ov.gaps.get(item.uid)
        if gap is None:
            continue
        if years_overlap(item.start_year, item.end_year, year_from, year_to):
            chosen.append(gap)
    return funding_gap.totals_by(chosen, key)


def stacking_table(ov: Overview, district: Optional[str] = None, year_from: Optional[int] = None,
                   year_to: Optional[int] = None) -> StackingTable:
    """Stacking counts of the scope in the period; every neighbourhood of a district is a row."""
    memo_key = ("stacking", year_from, year_to)
    if memo_key not in ov.money_memo:
        ov.money_memo[memo_key] = _stacking_counts(ov, year_from, year_to)
    city, per_district = ov.money_memo[memo_key]
    counts, years_seen = city if is_city(district) else per_district.get(district, ({}, set()))
    counts = dict(counts)
    hoods = {n for n, _ in counts}
    hoods.update(n for n, (_, d) in ov.neighbourhoods.items() if not is_city(district) and d == district)
    if year_from is not None and year_to is not None:
        years = list(range(year_from, year_to + 1))
    else:
        years = sorted(years_seen)
    names = {n: ov.neighbourhoods.get(n, (n, None))[0] for n in hoods}
    rows = sorted(hoods, key=lambda n: (str(names[n]).lower(), n))
    return StackingTable(rows, years, counts, ov.stacking_max, names)


def _stacking_counts(ov: Overview, year_from: Optional[int], year_to: Optional[int]) -> tuple:
    """((counts, years) of the city, district id -> its (counts, years)) in one pass over the items;
    counts: (neighbourhood id, year) -> interventions."""
    city = ({}, set())
    per_district: dict = {}
    for item in ov.items:
        if not item.active or item.city_wide or not item.years_ok or not item.neighbourhood_id:
            continue
        own = per_district.get(item.district_id)
        if own is None:
            own = per_district[item.district_id] = ({}, set())
        for year in range(item.start_year, item.end_year + 1):
            if in_period(year, year_from, year_to):
                key = (item.neighbourhood_id, year)
                for counts, years_seen in (city, own):
                    counts[key] = counts.get(key, 0) + 1
                    years_seen.add(year)
    return city, per_district
