"""The atlas table's candidates per page (core.page_tables), against the table's own rule computed here
item by item: the page's area and period, the largest budgets first (none last), ties at the cut kept."""

from __future__ import annotations

import random

from gebiedsplugin.core.atlas_pages import AtlasPage
from gebiedsplugin.core.page_tables import table_candidates
from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.unified import UnifiedMap


def _unified(seed: int = 3, count: int = 2000) -> UnifiedMap:
    rng = random.Random(seed)
    features = []
    for i in range(count):
        attrs = {"district_id": rng.choice(["noord", "zuid", None]), "start_year": rng.choice([None, 2024, 2025, 2026]),
                 "end_year": rng.choice([None, 2025, 2027]),
                 "budget": rng.choice([None, 100.0, 250.0, round(rng.random() * 1000, 2)])}
        features.append(Feature(attrs, None, "unified_point", i))
    unified = UnifiedMap.__new__(UnifiedMap)
    unified.items = {"point": features[:1500], "line": features[1500:1800], "polygon": features[1800:]}
    return unified


def _expected(unified, page, limit) -> list:
    matches = []
    for fid, item in enumerate(unified.all_items(), start=1):
        a = item.attrs
        first = a["start_year"] if a["start_year"] is not None else a["end_year"]
        last = a["end_year"] if a["end_year"] is not None else a["start_year"]
        if first is None:
            continue
        if page.area_id not in ("city", "selection") and a["district_id"] != page.area_id:
            continue
        if first > (page.year_to if page.year_to is not None else 9999):
            continue
        if last < (page.year_from if page.year_from is not None else 0):
            continue
        key = (1, 0.0) if a["budget"] is None else (0, -a["budget"])
        matches.append((key, fid))
    matches.sort()
    if len(matches) > limit:
        edge = matches[limit - 1][0]
        matches = [m for m in matches if m[0] <= edge]
    return sorted(fid for _key, fid in matches)


PAGES = [AtlasPage(1, "overview", "city", "Stad", None, None, 0, 0.0),
         AtlasPage(2, "district", "noord", "Noord", 2025, 2026, 0, 0.0),
         AtlasPage(3, "year", "selection", "Noord, Zuid", 2027, 2027, 0, 0.0),
         AtlasPage(4, "district", "oost", "Oost", None, None, 0, 0.0)]


def test_candidates_are_the_largest_budgets_of_the_page_with_ties_at_the_cut():
    unified = _unified()
    for limit in (1, 5, 30, 10 ** 6):
        got = table_candidates(unified, PAGES, limit)
        for page in PAGES:
            assert got[page.page] == _expected(unified, page, limit), (limit, page.page)
    assert table_candidates(unified, PAGES, 30)[4] == []  # a district without items: an empty table
    above = len([f for f in unified.all_items() if (f.attrs["budget"] or 0) > 250 and
                 (f.attrs["start_year"] is not None or f.attrs["end_year"] is not None)])
    assert len(table_candidates(unified, PAGES, above + 1)[1]) > above + 1  # the budgets of 250 tie at the cut


def test_no_cut_means_no_narrowing():
    assert table_candidates(_unified(), PAGES, 0) == {}
