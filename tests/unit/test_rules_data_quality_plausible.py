"""data_quality flags absurd values that other tools stored (issue 13, item 6): implausible budgets and years."""

from __future__ import annotations

import pytest

from tests.unit.ts_texts import dutch


@pytest.mark.parametrize("budget, flagged", [
    (1e308, True), (float("inf"), True), (1.0000001e11, True), (1e11, False), (5e9, False)])
def test_implausible_budget_is_flagged(city, budget, flagged):
    city.add("u1", budget=budget)
    found = [f for f in city.run("data_quality") if "not plausible" in f.message_en]
    assert bool(found) is flagged
    if flagged:
        (finding,) = found
        assert finding.subject_uids == ("u1",) and finding.severity == "error"
        assert "more than 100,000,000,000 EUR" in finding.message_en
        assert "meer dan € 100.000.000.000" in dutch(finding)


def test_implausible_project_budget_is_flagged_under_its_code(city):
    from shapely.geometry import box

    city.project("MJP-9", box(10, 10, 20, 20), budget=2e12)
    (finding,) = [f for f in city.run("data_quality") if "not plausible" in f.message_en]
    assert finding.subject_uids == ("MJP-9",)
    assert "budget 2,000,000,000,000 EUR is not plausible" in finding.message_en


@pytest.mark.parametrize("year", [1850, 1999, 2101, 2250, 20250])
def test_year_outside_the_plan_range_is_flagged(city, year):
    city.add("u1", start_year=year, end_year=year)
    found = [f for f in city.run("data_quality") if "not a year between 2000 and 2100" in f.message_en]
    assert [f.subject_uids for f in found] == [("u1",)]


def test_plausible_values_give_no_finding(city):
    city.add("u1", budget=1e11, start_year=2000, end_year=2100)
    assert city.run("data_quality") == []
