"""Which items can appear in the item table of each atlas page, decided once per export (pure Python).

The atlas table shows, per page, the items of the page's area and period with the largest budgets
(``table_rows`` of them). Letting the layout find them means reading and sorting every item on every
page; instead the export narrows the table's layer to these candidates page by page, and the layout
sorts and cuts the few left exactly as before. Candidates are the first ``limit`` items by budget
(largest first, no budget last) plus every item tied with the last of them, so the layout's own order
among equal budgets decides as it always did.
"""

from __future__ import annotations

from typing import Optional

import numpy as np

from gebiedsplugin.core import schema
from gebiedsplugin.core.atlas_pages import SELECTION_ID
from gebiedsplugin.core.unified import UnifiedMap

ALL_YEARS_FROM, ALL_YEARS_TO = 0, 9999  # the table filter's stand-ins for an open period


def on_page(item: dict, area_id: str, year_from: Optional[int], year_to: Optional[int]) -> bool:
    """The atlas table's filter for one item: the page's area (all items on the city's or a selection's
    page) and an overlap of its years with the page's period (an item without years never shows)."""
    if area_id not in (schema.CITY_ID, SELECTION_ID) and item.get("district_id") != area_id:
        return False
    start, end = item.get("start_year"), item.get("end_year")
    first = start if start is not None else end
    last = end if end is not None else start
    if first is None:
        return False
    return first <= (year_to if year_to is not None else ALL_YEARS_TO) and \
        last >= (year_from if year_from is not None else ALL_YEARS_FROM)


def table_candidates(unified: UnifiedMap, pages: list, limit: int) -> dict:
    """Page number -> the item fids (1-based, in the order of ``unified.all_items()``, as the working
    GeoPackage numbers them) that the page's table may show; empty when *limit* <= 0 (no cut).
    Vectorised: the same test as on_page() over all items at once."""
    if limit <= 0:
        return {}
    items = [item.attrs for item in unified.all_items()]
    nan = float("nan")

    def column(name):
        return np.array([nan if a.get(name) is None else float(a.get(name)) for a in items], dtype=float)

    start, end, budget = column("start_year"), column("end_year"), column("budget")
    first = np.where(np.isnan(start), end, start)
    last = np.where(np.isnan(end), start, end)
    districts = np.array([a.get("district_id") for a in items], dtype=object)
    no_budget = np.isnan(budget)
    order = np.lexsort((np.arange(len(items)), np.where(no_budget, 0.0, -budget), no_budget))
    out = {}
    for page in pages:
        upper = page.year_to if page.year_to is not None else ALL_YEARS_TO
        lower = page.year_from if page.year_from is not None else ALL_YEARS_FROM
        with np.errstate(invalid="ignore"):
            mask = ~np.isnan(first) & (first <= upper) & (last >= lower)
        if page.area_id not in (schema.CITY_ID, SELECTION_ID):
            mask &= districts == page.area_id
        chosen = order[mask[order]]
        if len(chosen) > limit:
            edge = chosen[limit - 1]
            tied = (no_budget[chosen] == no_budget[edge]) & ((budget[chosen] == budget[edge]) | no_budget[edge])
            keep = np.zeros(len(chosen), dtype=bool)
            keep[:limit] = True
            chosen = chosen[keep | tied]
        out[page.page] = sorted(int(i) + 1 for i in chosen)
    return out
