"""The funding gap: is an intervention funded, partly funded or unfunded? One home for the rule.

The rule (also in docs/funding_gap.md):

- *Funded* money of an intervention is the sum of its rows in table ``funding`` (any year, any
  funder; rows without an amount or with a negative one do not count). The intervention's own
  ``funder`` field names who pays but holds no amount, so it does not count as money.
- *Shortfall* = budget - funded money, never below 0 (money beyond the budget is no negative gap).
- Status, with a tolerance of ``TOLERANCE_EUR`` (1 euro, for rounding of cents and spread amounts):

  | status | when |
  | --- | --- |
  | ``funded`` | shortfall <= 1 EUR (a budget of 0 is funded: nothing to pay) |
  | ``unfunded`` | shortfall > 1 EUR and funded money <= 1 EUR |
  | ``partly_funded`` | shortfall > 1 EUR and funded money > 1 EUR |
  | ``no_budget`` | budget missing (NULL), not a number or negative: the gap cannot be told |

- *Per year*: the budget is spread evenly over the inclusive years start..end (as the budget check
  does), each year's funding rows are that year's money, and the year's shortfall is share - money
  (never below 0). Funding rows in a year outside the period get a year of their own with a budget
  share of 0. Without valid years (missing, end < start) there is no per-year view, only the total.
- The *backlog* is every intervention with a shortfall above the tolerance that is not cancelled
  (cancelled work needs no money), sorted by shortfall (largest first), then by uid.

Pure Python: the dock, the exports, the Overview and the backlog algorithm all call this module.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Optional

from gebiedsplugin.core.rows import columns
from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, tr_in

FUNDED, PARTLY_FUNDED, UNFUNDED, NO_BUDGET = "funded", "partly_funded", "unfunded", "no_budget"
STATUSES = (FUNDED, PARTLY_FUNDED, UNFUNDED, NO_BUDGET)
LABELS = {
    FUNDED: QT_TRANSLATE_NOOP("funding_gap", "Funded"),
    PARTLY_FUNDED: QT_TRANSLATE_NOOP("funding_gap", "Partly funded"),
    UNFUNDED: QT_TRANSLATE_NOOP("funding_gap", "Unfunded"),
    NO_BUDGET: QT_TRANSLATE_NOOP("funding_gap", "No budget"),
}
TOLERANCE_EUR = 1.0
MAX_YEARS = 101  # a typo like 20250 must not make 18,000 years


def _number(value) -> float:
    """A float, NaN when missing, not a number or infinite."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _year(value) -> Optional[int]:
    number = _number(value)
    return None if math.isnan(number) else int(number)


def label(status: str, lang: str = "en") -> str:
    """The status in words, in language *lang*."""
    text = LABELS.get(status)
    return status if text is None else tr_in(lang, text)


def classify(budget, funded) -> str:
    """The status of an intervention with *budget* and *funded* money (see the module's rule)."""
    return status_and_shortfall(budget, funded)[0]


def shortfall(budget, funded) -> Optional[float]:
    """Budget - funded money, at least 0; None when the budget is missing or negative."""
    return status_and_shortfall(budget, funded)[1]


def status_and_shortfall(budget, funded) -> tuple:
    """(classify(), shortfall()) of *budget* and *funded*, each number read once (the unified map asks
    it of every intervention)."""
    b, f = _number(budget), _number(funded)
    if math.isnan(b) or b < 0:
        return NO_BUDGET, None
    f = 0.0 if math.isnan(f) else f
    gap = b - f
    if gap <= TOLERANCE_EUR:
        return FUNDED, max(gap, 0.0)
    return (UNFUNDED if f <= TOLERANCE_EUR else PARTLY_FUNDED), gap


@dataclass(frozen=True)
class YearGap:
    """One year of an intervention: its share of the budget, the money funded in it, the gap."""

    # no instance dict: an export's Overview holds ~350,000 of them at 100k (about 35 MB less; a field
    # without a default may have a slot on Python 3.9 too)
    __slots__ = ("year", "budget", "funded")

    year: int
    budget: float
    funded: float

    @property
    def shortfall(self) -> float:
        return max(self.budget - self.funded, 0.0)

    def __getstate__(self) -> tuple:  # copy and pickle: a frozen class's slots are not set by assignment
        return self.year, self.budget, self.funded

    def __setstate__(self, state: tuple) -> None:
        for name, value in zip(self.__slots__, state):
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class FundingGap:
    """The funding of one intervention, in total and per year."""

    uid: str
    budget: Optional[float]
    funded: float
    status: str
    shortfall: Optional[float]
    years: tuple = ()  # YearGap, by year
    title: str = ""
    district_id: Optional[str] = None
    theme: Optional[str] = None
    item_status: Optional[str] = None  # the intervention's own status (planned, cancelled...)
    start_year: Optional[int] = None
    end_year: Optional[int] = None
    funders: tuple = ()  # distinct funders of its funding rows, in order of appearance


def funding_by_uid(funding_rows: Iterable[dict]) -> dict:
    """uid -> (total, {year: amount}, funders) of the rows that count (amount a number >= 0)."""
    out: dict = {}
    names = ("intervention_uid", "amount", "year", "funder")
    read = columns(funding_rows if isinstance(funding_rows, list) else list(funding_rows), names)  # at C speed
    for uid, amount, year, funder in zip(*(read[n] for n in names)):
        uid = uid.strip() if isinstance(uid, str) else uid
        amount = _number(amount)
        if not uid or math.isnan(amount) or amount < 0:
            continue
        total, per_year, funders = out.setdefault(uid, [0.0, {}, {}])
        out[uid][0] = total + amount
        year = _year(year)
        if year is not None:
            per_year[year] = per_year.get(year, 0.0) + amount
        if funder:
            funders[funder] = None
    return {uid: (t, y, tuple(f)) for uid, (t, y, f) in out.items()}


def _years(budget: Optional[float], start, end, per_year: dict) -> tuple:
    return _years_of(budget, _year(start), _year(end), per_year)


def _years_of(budget: Optional[float], s: Optional[int], e: Optional[int], per_year: dict) -> tuple:
    if s is None or e is None or e < s:
        return ()
    span = range(s, min(e, s + MAX_YEARS - 1) + 1)
    share = (budget or 0.0) / len(span)
    if not per_year:  # no funding rows (most interventions): the span's years, in order
        return tuple(YearGap(y, share, 0.0) for y in span)
    years = {y: YearGap(y, share, per_year.get(y, 0.0)) for y in span}
    for y, amount in per_year.items():
        years.setdefault(y, YearGap(y, 0.0, amount))
    return tuple(years[y] for y in sorted(years))


def gap_of(attrs, money: tuple = (0.0, {}, ())) -> FundingGap:
    """The funding gap of one intervention: *attrs* (a Feature or dict of its attributes) and its
    entry of funding_by_uid (nothing when it has no funding rows)."""
    get = attrs.get
    total, per_year, funders = money
    raw = _number(get("budget"))
    budget = None if math.isnan(raw) else raw
    start, end = _year(get("start_year")), _year(get("end_year"))  # read once (100,000 gaps in an export)
    status, short = status_and_shortfall(budget, total)
    return FundingGap(
        uid=get("uid") or "", budget=budget, funded=total, status=status,
        shortfall=short, years=_years_of(budget if budget and budget > 0 else 0.0, start, end,
                                                            per_year),
        title=get("title") or "", district_id=get("district_id"), theme=get("theme"),
        item_status=get("status"), start_year=start, end_year=end, funders=funders)


def funding_gaps(interventions: Iterable, funding_rows: Iterable[dict]) -> list:
    """The funding gap of every intervention (Features or attribute dicts), in input order."""
    money = funding_by_uid(funding_rows)
    return [gap_of(f, money.get(f.get("uid"), (0.0, {}, ()))) for f in interventions]


def backlog(gaps: Iterable[FundingGap]) -> list:
    """Not cancelled, shortfall above the tolerance; largest shortfall first, then by uid."""
    rows = [g for g in gaps if g.item_status != "cancelled" and (g.shortfall or 0.0) > TOLERANCE_EUR]
    return sorted(rows, key=lambda g: (-g.shortfall, g.uid))


@dataclass
class Totals:
    """Counts per status and money of a group of interventions (a district, a theme)."""

    key: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    budget: float = 0.0
    funded: float = 0.0
    shortfall: float = 0.0

    @property
    def count(self) -> int:
        return sum(self.counts.values())


def totals_by(gaps: Iterable[FundingGap], key: str) -> list:
    """Totals per value of *key* ('district_id' or 'theme'; missing values under ''), sorted by key.
    Cancelled interventions are left out, as in the backlog."""
    out: dict = {}
    for g in gaps:
        if g.item_status == "cancelled":
            continue
        value = getattr(g, key) or ""
        t = out.setdefault(value, Totals(value))
        t.counts[g.status] += 1
        t.budget += g.budget or 0.0
        t.funded += g.funded
        t.shortfall += g.shortfall or 0.0
    return [out[k] for k in sorted(out)]


def year_text(gap: FundingGap) -> str:
    """'2027: 100000; 2028: 50000': the shortfall per year (years without one left out)."""
    return "; ".join("{}: {:.0f}".format(y.year, y.shortfall) for y in gap.years if y.shortfall > TOLERANCE_EUR)


BACKLOG_COLUMNS = (  # key, header
    ("rank", QT_TRANSLATE_NOOP("funding_gap", "Rank")),
    ("uid", QT_TRANSLATE_NOOP("funding_gap", "UID")),
    ("title", QT_TRANSLATE_NOOP("funding_gap", "Title")),
    ("district", QT_TRANSLATE_NOOP("funding_gap", "District")),
    ("theme", QT_TRANSLATE_NOOP("funding_gap", "Theme")),
    ("status", QT_TRANSLATE_NOOP("funding_gap", "Status")),
    ("start_year", QT_TRANSLATE_NOOP("funding_gap", "Start year")),
    ("end_year", QT_TRANSLATE_NOOP("funding_gap", "End year")),
    ("budget", QT_TRANSLATE_NOOP("funding_gap", "Budget (EUR)")),
    ("funded", QT_TRANSLATE_NOOP("funding_gap", "Funded (EUR)")),
    ("shortfall", QT_TRANSLATE_NOOP("funding_gap", "Shortfall (EUR)")),
    ("funding_status", QT_TRANSLATE_NOOP("funding_gap", "Funding")),
    ("funders", QT_TRANSLATE_NOOP("funding_gap", "Funders")),
    ("shortfall_per_year", QT_TRANSLATE_NOOP("funding_gap", "Shortfall per year (EUR)")),
)


def backlog_table(gaps: Iterable[FundingGap], district_names: Optional[dict] = None, lang: str = "en",
                  district_id: Optional[str] = None) -> tuple:
    """(headers, rows) of the backlog (of one district when *district_id* is given): amounts as
    numbers rounded to cents, codes as codes (theme, status, funders) so a spreadsheet can filter."""
    names = district_names or {}
    headers = [tr_in(lang, header) for _key, header in BACKLOG_COLUMNS]
    chosen = [g for g in gaps if district_id in (None, "", "city") or g.district_id == district_id]
    rows = []
    for rank, g in enumerate(backlog(chosen), start=1):
        rows.append([rank, g.uid, g.title, names.get(g.district_id) or g.district_id or "", g.theme or "",
                     g.item_status or "", g.start_year, g.end_year, round(g.budget or 0.0, 2), round(g.funded, 2),
                     round(g.shortfall or 0.0, 2), label(g.status, lang), ", ".join(g.funders), year_text(g)])
    return headers, rows
