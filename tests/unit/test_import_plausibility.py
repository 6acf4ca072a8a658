"""Absurd values on import: refused, naming the row, its key, the field and the value (issue 13, item 6)."""

from __future__ import annotations

import math

import pytest
import shapely

from gebiedsplugin.core import import_rows as ir
from gebiedsplugin.core import plausibility
from gebiedsplugin.core.import_mapping import FieldSource, propose_mapping

MJP_FIELDS = ["code", "titel", "thema", "stadsdeel", "begin", "eind", "bedrag", "status"]


def _mjp(**over):
    row = {"code": "P1", "titel": "Park", "thema": "Groen en water", "stadsdeel": "noord", "begin": 2025,
           "eind": 2027, "bedrag": 1000.0, "status": "Gepland"}
    row.update(over)
    return row, shapely.Point(0, 0)


def _issues(*rows, target="programme_projects"):
    mapping = {k: FieldSource(v) for k, v in propose_mapping(MJP_FIELDS, target).items()}
    _, rejected, _ = ir.convert_rows(list(rows), target, mapping)
    return [(i.code, i.row, i.field, i.value, i.key) for i in rejected]


@pytest.mark.parametrize("budget", [1e308, "1e308", 1.5e11, "200.000.000.000,00", -1e12])
def test_absurd_budget_is_refused_naming_row_key_field_and_value(budget):
    issues = _issues(_mjp(), _mjp(code="P2", bedrag=budget))
    code = "out_of_range" if str(budget).startswith("-") else "implausible_amount"
    assert issues == [(code, 2, "budget", budget, "programme_code P2")]


@pytest.mark.parametrize("budget", [float("inf"), float("nan"), "inf", "NaN", "-Infinity"])
def test_infinite_or_nan_budget_is_refused(budget):
    (issue,) = _issues(_mjp(bedrag=budget))
    assert issue[:3] == ("not_number", 1, "budget") and issue[4] == "programme_code P1"
    assert issue[3] is budget


def test_largest_plausible_budget_is_accepted():
    assert _issues(_mjp(bedrag=1e11), _mjp(code="P2", bedrag=0)) == []


def test_negative_budget_is_refused_as_out_of_range():
    assert _issues(_mjp(bedrag="-5")) == [("out_of_range", 1, "budget", "-5", "programme_code P1")]


@pytest.mark.parametrize("year", [20250, 1899, 2201, -2025, "19999"])
def test_implausible_year_is_refused_as_such(year):
    assert _issues(_mjp(eind=year)) == [("implausible_year", 1, "end_year", year, "programme_code P1")]


@pytest.mark.parametrize("year", [1900, 1999, 2101, 2200])
def test_plausible_year_outside_the_plan_range_is_refused_by_the_schema_range(year):
    # The form and schema range (2000–2100) stays the rule for what is stored.
    assert _issues(_mjp(begin=year, eind=year)) == [
        ("out_of_range", 1, "start_year", year, "programme_code P1"),
        ("out_of_range", 1, "end_year", year, "programme_code P1")]


def test_end_before_start_names_row_key_field_and_value():
    assert _issues(_mjp(), _mjp(code="P2"), _mjp(code="P3", begin=2028, eind=2026)) == [
        ("end_before_start", 3, "end_year", 2026, "programme_code P3")]


def test_row_without_a_key_has_no_key():
    assert _issues(_mjp(code=None, eind=1800)) == [
        ("mandatory", 1, "programme_code", None, None), ("implausible_year", 1, "end_year", 1800, None)]


def test_area_budget_amount_above_the_bound_is_refused():
    target = "area_budgets"
    mapping = {"district_id": FieldSource("wijk"), "year": FieldSource("jaar"), "amount": FieldSource("bedrag")}
    rows = [({"wijk": "noord", "jaar": 2026, "bedrag": 5e11}, None),
            ({"wijk": "zuid", "jaar": 3026, "bedrag": 1}, None)]
    _, rejected, _ = ir.convert_rows(rows, target, mapping)
    assert [(i.code, i.row, i.field, i.key) for i in rejected] == [
        ("implausible_amount", 1, "amount", "district_id/year noord/2026"),
        ("implausible_year", 2, "year", "district_id/year zuid/3026")]


def _row(n, geometry, uid):
    return ir.Row(n, {"uid": uid}, geometry, "point", (uid,), "interventions_point")


def test_geometry_far_outside_the_districts_is_refused():
    extent = (0.0, 0.0, 1000.0, 1000.0)
    near = _row(1, shapely.Point(1000 + 4999, 500), "u1")  # 4,999 m east of the districts' box
    far = _row(2, shapely.Point(500, -9000), "u2")  # 9,000 m south
    degrees = _row(3, shapely.Point(5.38, 52.15), "u3")  # inside the box: not this check's business
    kept, issues = ir.refuse_far_away([near, far, degrees], "interventions", extent)
    assert [r.row for r in kept] == [1, 3]
    (issue,) = issues
    assert (issue.code, issue.row, issue.field, issue.key) == ("far_outside", 2, "geometry", "uid u2")
    assert issue.value == pytest.approx(9000.0) and issue.extra == 5000.0


def test_no_extent_keeps_every_row():
    rows = [_row(1, shapely.Point(1e7, 1e7), "u1")]
    assert ir.refuse_far_away(rows, "interventions", None) == (rows, [])


def test_plausibility_bounds():
    assert (plausibility.YEAR_MIN, plausibility.YEAR_MAX, plausibility.AMOUNT_MAX) == (1900, 2200, 1e11)
    assert plausibility.DISTANCE_MAX_M == 5000.0
    assert [plausibility.implausible_year(y) for y in (1899, 1900, 2200, 2201, None, math.nan)] == [
        True, False, False, True, False, True]
    assert [plausibility.implausible_amount(a) for a in (1e11, 1.0000001e11, -2e11, math.inf, None)] == [
        False, True, True, True, False]
    assert plausibility.bounds_of([shapely.Point(1, 2), None, shapely.box(-1, 0, 3, 1)]) == (-1, 0, 3, 2)
    assert plausibility.distance_outside(shapely.Point(13, 14), (0, 0, 10, 10)) == pytest.approx(5.0)
