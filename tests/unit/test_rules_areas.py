"""Rules about whole areas: stacking (per neighbourhood and year; themes the area goals do not
prioritise) and budget_exceeded (per district and year)."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from tests.unit.ts_texts import dutch


def add_many(city, n, prefix="s", **attrs):
    for k in range(n):
        attrs.setdefault("neighbourhood_id", "w1")
        city.add("{}{:02d}".format(prefix, k), Point(50 + 20 * k, 500), **attrs)


def counts(findings):
    return sorted((f.severity, f.message_en.split(" (")[0]) for f in findings)


# --- stacking: count --------------------------------------------------------------------------------

@pytest.mark.parametrize("n,flagged", [(8, False), (9, True)])
def test_stacking_more_than_max_in_one_neighbourhood_year(city, n, flagged):
    add_many(city, n)
    findings = city.run("stacking")
    assert bool(findings) == flagged
    if flagged:
        (finding,) = findings
        assert finding.severity == "warning" and finding.district_id == "west"
        assert finding.message_en.startswith(
            "9 interventions in neighbourhood Westbuurt in 2025 (more than 8)")
        assert "9 interventies in buurt Westbuurt in 2025" in dutch(finding)
        assert len(finding.subject_uids) == 9
        assert finding.geometry.equals(city.WEST)


def test_stacking_counts_every_year_of_a_range(city):
    add_many(city, 5, start_year=2024, end_year=2026)
    add_many(city, 4, prefix="t", start_year=2026, end_year=2027)
    (finding,) = city.run("stacking")
    assert " in 2026 " in finding.message_en
    add_many(city, 4, prefix="u", start_year=2024, end_year=2024)
    years = sorted(f.message_en.split(" in ")[2][:4] for f in city.run("stacking"))
    assert years == ["2024", "2026"]


def test_stacking_ignores_cancelled_city_wide_and_yearless(city):
    add_many(city, 8)
    city.add("cancelled", Point(10, 10), neighbourhood_id="w1", status="cancelled")
    city.add("city_wide", Point(10, 10), neighbourhood_id="w1", city_wide=True)
    city.add("yearless", Point(10, 10), neighbourhood_id="w1", start_year=None)
    assert city.run("stacking") == []
    city.add("social", Point(10, 10), neighbourhood_id="w1", domain="social")  # every domain counts
    assert len(city.run("stacking")) == 1


def test_stacking_neighbourhoods_apart_and_derived_from_geometry(city):
    add_many(city, 4)
    for k in range(4):  # no stored neighbourhood: derived from the geometry (2/3 in w1)
        city.add("d{}".format(k), box(900, 10 * k, 1050, 10 * k + 5), neighbourhood_id=None)
    for k in range(4):
        city.add("e{}".format(k), Point(1500, 500), neighbourhood_id="e1")
    assert city.run("stacking") == []  # 8 in w1, 4 in e1
    city.add("one_more", Point(10, 10), neighbourhood_id="w1")
    (finding,) = city.run("stacking")
    assert "d0" in finding.subject_uids and "e0" not in finding.subject_uids


def test_stacking_unknown_neighbourhood_still_counts(city):
    add_many(city, 9, neighbourhood_id="ghost")
    (finding,) = city.run("stacking")
    assert "neighbourhood ghost" in finding.message_en
    assert finding.geometry is not None and finding.geometry.geom_type == "Polygon"


def test_stacking_max_parameter_and_setting(city):
    add_many(city, 4)
    assert city.run("stacking") == []
    city.programme.settings["stacking_max"] = "3"
    assert len(city.run("stacking")) == 1
    assert city.run("stacking", stacking_max=4) == []


def test_stacking_ids_per_neighbourhood_and_year(city):
    add_many(city, 9, start_year=2025, end_year=2026)
    ids = [f.finding_id for f in city.run("stacking")]
    assert len(ids) == 2 and len(set(ids)) == 2


# --- stacking: priority ---------------------------------------------------------------------------

GOALS = [
    {"district_id": "west", "theme": "green", "priority": 1},
    {"district_id": "west", "theme": "sewer", "priority": 0},
    {"district_id": "west", "theme": "care", "priority": 3},
]


@pytest.mark.parametrize("theme,flagged",
                         [("green", False), ("care", False), ("sewer", True), ("mobility", True)])
def test_stacking_theme_not_prioritised(city, theme, flagged):
    city.programme.area_goals = GOALS
    city.add("i", theme=theme)
    findings = city.run("stacking")
    assert bool(findings) == flagged
    if flagged:
        (finding,) = findings
        assert finding.severity == "info" and finding.district_id == "west"
        assert "is not a priority in the area goals of district West" in finding.message_en
        assert "gebiedsopgave van stadsdeel West" in dutch(finding)


def test_stacking_priority_skips_districts_without_goals_and_city_wide(city):
    city.programme.area_goals = GOALS
    city.add("east", theme="sewer", district_id="east")
    city.add("cw", theme="sewer", city_wide=True)
    city.add("cancelled", theme="sewer", status="cancelled")
    city.add("no_theme", theme=None)
    assert city.run("stacking") == []


def test_stacking_priority_without_geometry_points_at_the_district(city):
    city.programme.area_goals = GOALS
    city.add_null_geometry("i", theme="sewer")
    (finding,) = city.run("stacking")
    assert finding.geometry.equals(city.WEST)


# --- budget_exceeded ------------------------------------------------------------------------------

def budgets(city, amount, years=(2025,), district="west"):
    city.programme.area_budgets = [{"district_id": district, "year": y, "amount": amount} for y in years]


@pytest.mark.parametrize("budget,flagged", [(100.0, False), (100.004, False), (100.01, True), (5000.0, True)])
def test_budget_exceeded_edge(city, budget, flagged):
    budgets(city, 100.0)
    city.add("i", budget=budget)
    findings = city.run("budget_exceeded")
    assert bool(findings) == flagged
    if flagged:
        (finding,) = findings
        assert finding.severity == "error" and finding.district_id == "west"
        assert finding.geometry.equals(city.WEST) and finding.subject_uids == ("i",)
        assert " in 2025: " in finding.message_en


def test_budget_exceeded_message_in_both_languages(city):
    budgets(city, 1000000.0)
    city.add("i", budget=1250000.0)
    (finding,) = city.run("budget_exceeded")
    assert finding.message_en == ("Planned money in district West in 2025: 1,250,000 EUR exceeds the "
                                  "area budget of 1,000,000 EUR by 250,000 EUR")
    assert "€ 1.250.000 overschrijdt het gebiedsbudget van € 1.000.000 met € 250.000" in dutch(finding)


def test_budget_exceeded_spreads_the_budget_over_the_years(city):
    budgets(city, 100.0, years=(2024, 2025, 2026))
    city.add("i", budget=300.0, start_year=2024, end_year=2026)
    assert city.run("budget_exceeded") == []  # 100 a year: exactly the budget
    budgets(city, 99.0, years=(2024, 2025, 2026))
    assert len(city.run("budget_exceeded")) == 3


def test_budget_exceeded_sums_interventions_of_the_district(city):
    budgets(city, 100.0)
    city.add("a", budget=60.0)
    city.add("b", budget=60.0)
    city.add("east", budget=60.0, district_id="east")
    city.add("cancelled", budget=60.0, status="cancelled")
    city.add("city_wide", budget=60.0, city_wide=True)
    city.add("negative", budget=-60.0)
    city.add("yearless", budget=60.0, start_year=None)
    (finding,) = city.run("budget_exceeded")
    assert finding.subject_uids == ("a", "b")


def test_budget_exceeded_funding_rows_give_the_money_per_year(city):
    budgets(city, 100.0, years=(2024, 2025, 2026))
    city.add("i", budget=1000.0, start_year=2024, end_year=2026)
    city.programme.funding = [
        {"intervention_uid": "i", "year": 2025, "funder": "municipality", "amount": 80.0},
        {"intervention_uid": "i", "year": 2025, "funder": "province", "amount": 30.0},
        {"intervention_uid": "i", "year": 2026, "funder": "province", "amount": 50.0},
        {"intervention_uid": "i", "year": None, "funder": "province", "amount": 500.0},
        {"intervention_uid": "ghost", "year": 2024, "funder": "province", "amount": 500.0},
    ]
    (finding,) = city.run("budget_exceeded")
    assert " in 2025: 110 EUR" in finding.message_en


def test_budget_exceeded_needs_an_area_budget(city):
    budgets(city, 100.0, years=(2030,))
    city.add("i", budget=1e6)
    assert city.run("budget_exceeded") == []
    city.programme.area_budgets = []
    assert city.run("budget_exceeded") == []


def test_budget_exceeded_area_budget_rows_add_up(city):
    city.programme.area_budgets = [{"district_id": "west", "year": 2025, "amount": 60.0},
                                   {"district_id": "west", "year": "2025", "amount": "50"}]
    city.add("i", budget=100.0)
    assert city.run("budget_exceeded") == []


def test_budget_exceeded_id_is_per_district_and_year(city):
    budgets(city, 10.0, years=(2025, 2026))
    city.add("i", budget=100.0, start_year=2025, end_year=2026)
    findings = city.run("budget_exceeded")
    assert len({f.finding_id for f in findings}) == 2


@pytest.mark.parametrize("east_first", [False, True])
def test_budget_exceeded_a_uid_used_twice_gives_its_funding_rows_to_each(city, east_first):
    """A uid used twice (a data_quality error) in both districts: its funding rows are the money of each
    intervention that bears it, whichever comes first (the in-database check reads them so too)."""
    budgets(city, 50.0)
    city.programme.area_budgets += [{"district_id": "east", "year": 2025, "amount": 50.0}]
    city.add("twin", budget=None)
    city.add("twin", Point(1500, 500), district_id="east", budget=1000.0)  # its rows are its money, not 1000
    if east_first:
        city.programme.interventions.reverse()
    city.programme.funding = [{"intervention_uid": " twin", "year": 2025, "funder": "eu", "amount": 80.0}]
    found = sorted((f.district_id, f.subject_uids, f.message_en) for f in city.run("budget_exceeded"))
    assert found == [(d, ("twin",), "Planned money in district {} in 2025: 80 EUR exceeds the area budget of 50 EUR "
                      "by 30 EUR".format(name)) for d, name in (("east", "Oost"), ("west", "West"))]
