"""The funding gap rule on planted interventions: budgets and funding rows made by hand, expected
statuses, shortfalls, per-year gaps, backlog order and totals worked out by hand below."""

from __future__ import annotations

import pytest

from gebiedsplugin.core.funding_gap import (
    FUNDED,
    NO_BUDGET,
    PARTLY_FUNDED,
    UNFUNDED,
    backlog,
    backlog_table,
    classify,
    funding_gaps,
    totals_by,
)
from gebiedsplugin.core.intervention_list import ListFilter, ListRow, filter_rows


def _item(uid, budget, start=2026, end=2027, district="west", theme="green", status="planned"):
    return {"uid": uid, "title": "Work " + uid, "budget": budget, "start_year": start, "end_year": end,
            "district_id": district, "theme": theme, "status": status}


ITEMS = [
    _item("a", 100_000.0),                               # two rows: 60,000 + 40,000 = budget -> funded
    _item("b", 250_000.0, 2026, 2028, theme="sewer"),    # one row of 100,000 -> partly, short 150,000
    _item("c", 80_000.0, district="east"),               # no rows -> unfunded, short 80,000
    _item("d", None),                                    # no budget, a row of 5,000 -> no_budget
    _item("e", 0.0),                                     # budget 0 -> funded, nothing short
    _item("f", 50_000.0, theme="sewer"),                 # 49,999.40 funded: 0.60 short, within 1 EUR -> funded
    _item("g", 30_000.0, district="east"),               # 0.50 funded: within 1 EUR of nothing -> unfunded
    _item("h", 400_000.0, district="east", status="cancelled"),  # unfunded but cancelled: not in backlog
    _item("i", 150_000.0, district="east", theme="sewer"),  # 200,000 funded: over, shortfall 0 -> funded
    _item("j", 90_000.0, 2027, 2029, district="east"),   # 10,000 in 2027, 20,000 in 2031 (outside): partly
]
ROWS = [
    {"intervention_uid": "a", "year": 2026, "funder": "municipality", "amount": 60_000.0},
    {"intervention_uid": "a", "year": 2027, "funder": "province", "amount": 40_000.0},
    {"intervention_uid": "b", "year": 2026, "funder": "water_board", "amount": 100_000.0},
    {"intervention_uid": "d", "year": 2026, "funder": "municipality", "amount": 5_000.0},
    {"intervention_uid": "f", "year": 2026, "funder": "municipality", "amount": 49_999.40},
    {"intervention_uid": "g", "year": 2026, "funder": "municipality", "amount": 0.50},
    {"intervention_uid": "i", "year": 2026, "funder": "national", "amount": 200_000.0},
    {"intervention_uid": "j", "year": 2027, "funder": "municipality", "amount": 10_000.0},
    {"intervention_uid": "j", "year": 2031, "funder": "province", "amount": 20_000.0},
    {"intervention_uid": "b", "year": 2027, "funder": "province", "amount": None},    # no amount: ignored
    {"intervention_uid": "c", "year": 2026, "funder": "province", "amount": -500.0},  # negative: ignored
    {"intervention_uid": "zz", "year": 2026, "funder": "province", "amount": 9_999.0},  # unknown uid
]


def _gaps():
    return {g.uid: g for g in funding_gaps(ITEMS, ROWS)}


def test_status_and_shortfall_of_each_planted_intervention():
    gaps = _gaps()
    expected = {  # (status, funded, shortfall), by hand from the table above
        "a": (FUNDED, 100_000.0, 0.0), "b": (PARTLY_FUNDED, 100_000.0, 150_000.0),
        "c": (UNFUNDED, 0.0, 80_000.0), "d": (NO_BUDGET, 5_000.0, None), "e": (FUNDED, 0.0, 0.0),
        "f": (FUNDED, 49_999.40, 0.60), "g": (UNFUNDED, 0.50, 29_999.50), "h": (UNFUNDED, 0.0, 400_000.0),
        "i": (FUNDED, 200_000.0, 0.0), "j": (PARTLY_FUNDED, 30_000.0, 60_000.0),
    }
    for uid, (status, funded, short) in expected.items():
        g = gaps[uid]
        assert g.status == status, uid
        assert g.funded == pytest.approx(funded), uid
        assert (g.shortfall is None) if short is None else g.shortfall == pytest.approx(short), uid


@pytest.mark.parametrize("budget,funded,status", [
    (1000.0, 999.0, FUNDED), (1000.0, 998.99, PARTLY_FUNDED), (1000.0, 1.0, UNFUNDED),
    (1000.0, 1.01, PARTLY_FUNDED), (1000.0, None, UNFUNDED), (None, 100.0, NO_BUDGET),
    (-5.0, 0.0, NO_BUDGET), ("n/a", 0.0, NO_BUDGET), (0.0, 0.0, FUNDED), (1.0, 0.0, FUNDED),
    (float("inf"), 0.0, NO_BUDGET), ("2500", "2500", FUNDED),
])
def test_the_tolerance_and_budget_edges(budget, funded, status):
    assert classify(budget, funded) == status


def test_per_year_budget_share_and_rows_outside_the_period():
    gaps = _gaps()
    # b: 250,000 over 2026-2028 -> 83,333.33 a year; 100,000 funded in 2026
    b = {y.year: (y.budget, y.funded, y.shortfall) for y in gaps["b"].years}
    assert list(b) == [2026, 2027, 2028]
    assert b[2026] == pytest.approx((250_000 / 3, 100_000.0, 0.0))
    assert b[2027] == pytest.approx((250_000 / 3, 0.0, 250_000 / 3))
    # j: 90,000 over 2027-2029 = 30,000 a year; 10,000 in 2027; 20,000 in 2031 gets a year of its own
    j = {y.year: (y.budget, y.funded, y.shortfall) for y in gaps["j"].years}
    assert j == {2027: (30_000.0, 10_000.0, 20_000.0), 2028: (30_000.0, 0.0, 30_000.0),
                 2029: (30_000.0, 0.0, 30_000.0), 2031: (0.0, 20_000.0, 0.0)}


def test_backlog_is_sorted_by_shortfall_without_cancelled_or_funded():
    order = [g.uid for g in backlog(_gaps().values())]
    # shortfalls: b 150,000; c 80,000; j 60,000; g 29,999.50 (h cancelled; f within tolerance)
    assert order == ["b", "c", "j", "g"]
    headers, rows = backlog_table(_gaps().values(), {"west": "West", "east": "Oost"}, "nl", district_id="east")
    assert headers[0] == "Rang" and "Tekort (EUR)" in headers
    assert [r[1] for r in rows] == ["c", "j", "g"] and [r[0] for r in rows] == [1, 2, 3]
    short = headers.index("Tekort (EUR)")
    assert [r[short] for r in rows] == [80_000.0, 60_000.0, 29_999.5]
    assert rows[1][3] == "Oost" and rows[1][-1] == "2027: 20000; 2028: 30000; 2029: 30000"


def test_totals_per_district_and_theme():
    by_district = {t.key: t for t in totals_by(_gaps().values(), "district_id")}
    west, east = by_district["west"], by_district["east"]
    # west: a funded, b partly, d no budget, e funded, f funded
    assert (west.counts[FUNDED], west.counts[PARTLY_FUNDED], west.counts[UNFUNDED], west.counts[NO_BUDGET]) == (
        3, 1, 0, 1)
    assert west.budget == pytest.approx(100_000 + 250_000 + 0 + 50_000)
    assert west.shortfall == pytest.approx(150_000 + 0.60)
    # east without the cancelled h: c unfunded, g unfunded, i funded, j partly
    assert (east.count, east.counts[UNFUNDED], east.counts[FUNDED], east.counts[PARTLY_FUNDED]) == (4, 2, 1, 1)
    assert east.shortfall == pytest.approx(80_000 + 29_999.50 + 60_000)
    by_theme = {t.key: t for t in totals_by(_gaps().values(), "theme")}
    assert by_theme["sewer"].count == 3 and by_theme["sewer"].shortfall == pytest.approx(150_000 + 0.60)


def test_the_dock_filter_uses_the_same_rule():
    def row(uid, budget, funding):
        return ListRow("interventions_point", 1, uid, budget=budget, funding=funding)

    rows = [row("a", 100.0, 100.0), row("b", 100.0, 40.0), row("c", 100.0, 0.0), row("d", None, 0.0)]
    def kept(*codes):
        return [r.uid for r in filter_rows(rows, ListFilter(funding=frozenset(codes)))]

    assert kept(FUNDED) == ["a"]
    assert kept(PARTLY_FUNDED) == ["b"]
    assert kept(UNFUNDED) == ["c"]
    assert kept(NO_BUDGET) == ["d"]
    assert kept(PARTLY_FUNDED, UNFUNDED) == ["b", "c"]
    assert kept() == ["a", "b", "c", "d"]


def test_a_year_gap_has_no_instance_dict_and_copies_and_pickles_as_it_is():
    import copy
    import dataclasses
    import pickle

    from gebiedsplugin.core.funding_gap import YearGap

    year = YearGap(2027, 300.0, 120.0)
    assert not hasattr(year, "__dict__")  # ~350,000 of them in the Overview of a 100k export
    assert pickle.loads(pickle.dumps(year)) == year == copy.deepcopy(year) == copy.copy(year)
    assert dataclasses.replace(year, funded=0.0).shortfall == 300.0 and year.shortfall == 180.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        year.funded = 1.0
