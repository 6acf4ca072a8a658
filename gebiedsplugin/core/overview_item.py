"""One intervention as the Overview sees it (``aggregations.prepare`` makes them): its fields, its money
per year and funder, its period's precision and its indicator's progress.

Pure Python (no QGIS, no Qt).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from gebiedsplugin.core.effects import Progress
from gebiedsplugin.core.periods import Period
from gebiedsplugin.core.unified import Scope


@dataclass(frozen=True)
class Item:
    """One intervention as the overview sees it; ``money`` holds (year, funder, amount) rows."""

    uid: str
    title: str = ""
    domain: str = ""
    kind: str = ""
    theme: str = ""
    status: str = ""
    district_id: Optional[str] = None
    neighbourhood_id: Optional[str] = None
    city_wide: bool = False
    start_year: Optional[int] = None
    end_year: Optional[int] = None
    budget: Optional[float] = None
    funder: str = ""
    effect_indicator: str = ""
    baseline: Optional[float] = None
    target: Optional[float] = None
    table: str = ""
    fid: Optional[int] = None
    money: tuple = ()
    # schema 3: the precision of the period (core/periods.py) and the indicator's progress (core/effects.py)
    start_quarter: Optional[int] = None
    end_quarter: Optional[int] = None
    indicative: bool = False
    contact: str = ""
    progress: Optional[Progress] = None

    @property
    def time_span(self) -> tuple:
        """(from, to) in fractional years on a time axis: 2027 Q3-2028 is (2027.5, 2029.0); needs years_ok."""
        period = Period(self.start_year, self.end_year, self.start_quarter, self.end_quarter, self.indicative)
        return period.first / 4.0, (period.last + 1) / 4.0

    @property
    def active(self) -> bool:
        return self.status != "cancelled"

    @property
    def years_ok(self) -> bool:
        return self.start_year is not None and self.end_year is not None and self.end_year >= self.start_year

    def overlaps(self, year_from: Optional[int], year_to: Optional[int]) -> bool:
        """True when the item's years meet the period (the unified map's rule)."""
        return Scope((), year_from, year_to).years_overlap(self.start_year, self.end_year)

    @property
    def funding_total(self) -> float:
        return sum(a for _, _, a in self.money)
