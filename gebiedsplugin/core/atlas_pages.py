"""The pages of the print atlas and the summary tables, from a unified map (pure Python + shapely).

Page order: the overview of the scope first (the whole city, or the selected districts), then one
page per district, then (when asked) one overview page per year of the period. Every page carries
its own area, period and item count, so an empty district still gets a page that says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import Programme
from gebiedsplugin.core.rows import columns
from gebiedsplugin.core.unified import PROGRAMME, Scope, UnifiedMap

OVERVIEW, DISTRICT, YEAR = "overview", "district", "year"
SELECTION_ID = "selection"
MAX_YEAR_PAGES = 50

# name, type (the fields of the atlas coverage table `atlas_pages`).
PAGE_FIELDS = (
    ("page", schema.INTEGER), ("page_kind", schema.TEXT), ("area_id", schema.TEXT), ("name", schema.TEXT),
    ("year_from", schema.INTEGER), ("year_to", schema.INTEGER), ("item_count", schema.INTEGER),
    ("budget", schema.REAL), ("programme_budget", schema.REAL),
)


@dataclass
class AtlasPage:
    """One atlas page: an area (the city, a selection or a district) over a period."""

    page: int
    page_kind: str
    area_id: str
    name: str
    year_from: Optional[int]
    year_to: Optional[int]
    item_count: int
    budget: float  # the interventions' money
    programme_budget: float = 0.0  # the programme projects' (MJP) money, kept apart: interventions implement them
    geometry: Any = None

    def attrs(self) -> dict:
        return {name: getattr(self, name) for name, _ in PAGE_FIELDS}


def summary_area(page: AtlasPage) -> Optional[str]:
    """The area of the summary page that follows *page* in the export: the city on the city's page, the
    district on a district's page; None for a selection's overview and the year pages (no summary)."""
    if page.page_kind == DISTRICT:
        return page.area_id
    if page.page_kind == OVERVIEW and page.area_id == schema.CITY_ID:
        return schema.CITY_ID
    return None


def period_of(unified: UnifiedMap, scope: Scope, tally: Optional[_Tally] = None) -> tuple:
    """The scope's period, open bounds closed by the items' own years (None, None when empty)."""
    tally = tally if tally is not None else _Tally(unified)
    starts = [y for y in tally.columns["start_year"] if y is not None]
    ends = [y for y in tally.columns["end_year"] if y is not None]
    year_from = scope.year_from if scope.year_from is not None else (min(starts) if starts else None)
    year_to = scope.year_to if scope.year_to is not None else (max(ends) if ends else None)
    return year_from, year_to


def atlas_pages(programme: Programme, unified: UnifiedMap, scope: Scope, per_year: bool = False,
                overview_name: str = "") -> list:
    """The atlas pages in print order (see the module docstring)."""
    districts = {d.get("district_id"): d for d in programme.districts}
    others = sorted((d for k, d in districts.items() if k != schema.CITY_ID),
                    key=lambda d: str(d.get("name") or d.get("district_id")))
    if scope.district_ids:
        chosen = [districts[k] for k in scope.district_ids if k in districts]
    else:
        chosen = others
    tally = _Tally(unified)
    year_from, year_to = period_of(unified, scope, tally)
    pages: list = []

    def add(kind, area_id, name, geom, y_from, y_to, members):
        count, budget, programme_budget = tally(members, y_from, y_to)
        pages.append(AtlasPage(len(pages) + 1, kind, area_id, name, y_from, y_to, count, budget, programme_budget,
                               geom))

    if scope.is_city:
        city = districts.get(schema.CITY_ID)
        geom = city.geometry if city is not None and city.geometry is not None else _union(chosen)
        name = (city.get("name") if city is not None else None) or overview_name
        overview = (schema.CITY_ID, name, geom, None)
    else:
        names = ", ".join(str(d.get("name") or d.get("district_id")) for d in chosen)
        overview = (SELECTION_ID, names, _union(chosen), {d.get("district_id") for d in chosen})
    if scope.is_city or len(chosen) > 1:
        add(OVERVIEW, overview[0], overview[1], overview[2], year_from, year_to, overview[3])
    for d in chosen:
        add(DISTRICT, d.get("district_id"), d.get("name") or d.get("district_id"), d.geometry,
            year_from, year_to, {d.get("district_id")})
    if per_year and year_from is not None and year_to is not None:
        for year in range(year_from, min(year_to, year_from + MAX_YEAR_PAGES - 1) + 1):
            add(YEAR, overview[0], overview[1], overview[2], year, year, overview[3])
    return pages


def _union(features: list):
    geoms = [d.geometry for d in features if d.geometry is not None]
    return shapely.union_all(geoms) if geoms else None


class _Tally:
    """Items, interventions' money and programme projects' money of a page: the fields it reads taken
    as columns once (a page of every district read them of every item: 6 x 125,000 at 100k), and each
    district's items apart, in the unified map's order (the sums add up in the same order)."""

    FIELDS = ("district_id", "start_year", "end_year", "budget", "source")

    def __init__(self, unified: UnifiedMap):
        self.columns = columns([f.attrs for f in unified.all_items()], self.FIELDS)
        self.rows = list(zip(*(self.columns[n] for n in self.FIELDS)))
        self.by_district: dict = {}
        for row in self.rows:
            self.by_district.setdefault(row[0], []).append(row)

    def __call__(self, members: Optional[set], year_from, year_to) -> tuple:
        if members is None:
            rows = self.rows
        elif len(members) == 1:
            rows = self.by_district.get(next(iter(members)), ())
        else:
            rows = [row for row in self.rows if row[0] in members]
        overlap = Scope((), year_from, year_to).years_overlap
        count, budget, programme_budget = 0, 0.0, 0.0
        for _district, start, end, money, source in rows:
            if overlap(start, end):
                count += 1
                money = float(money or 0.0)
                if source == PROGRAMME:
                    programme_budget += money
                else:
                    budget += money
        return count, budget, programme_budget


SUMMARY_FIELDS = ("district_id", "district", "source", "domain", "kind", "items", "budget", "open_findings")


def summary_rows(unified: UnifiedMap) -> list:
    """Counts and budget per district, source, domain and kind (the CSV summary table)."""
    groups: dict = {}
    for item in unified.all_items():
        key = tuple(item.get(k) for k in ("district_id", "district", "source", "domain", "kind"))
        row = groups.setdefault(key, [0, 0.0, 0])
        row[0] += 1
        row[1] += float(item.get("budget") or 0.0)
        row[2] += int(item.get("open_findings") or 0)
    rows = [dict(zip(SUMMARY_FIELDS, key + tuple(v))) for key, v in groups.items()]
    rows.sort(key=lambda r: tuple("" if r[k] is None else str(r[k]) for k in SUMMARY_FIELDS[:5]))
    return rows
