"""Rules about things at the same place: not_in_programme, conflict, rest_period,
duplicate_funding. Each fires, stays quiet, and is tried at its edges (distance equal to the
limit counts as within; year ranges meeting in one year overlap)."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Point, Polygon, box

from tests.unit.ts_texts import dutch


def pairs(findings):
    return sorted(f.subject_uids for f in findings)


# --- not_in_programme ---------------------------------------------------------------------------

def test_not_in_programme_fires_for_an_uncoded_work_far_from_projects(city):
    city.add("w", Point(100, 100))
    (finding,) = city.run("not_in_programme")
    assert finding.subject_uids == ("w",) and finding.severity == "warning"
    assert "no programme code" in finding.message_en and "geen programmacode" in dutch(finding)
    assert finding.geometry.geom_type == "Polygon" and finding.geometry.contains(Point(100, 100))


def test_not_in_programme_quiet_for_coded_social_and_cancelled(city):
    city.add("coded", programme_code="MJP-9")
    city.add("social", domain="social")
    city.add("cancelled", status="cancelled")
    city.add("no_years", start_year=None)
    city.add_null_geometry("nowhere")
    assert city.run("not_in_programme") == []


@pytest.mark.parametrize("gap,flagged", [(0.0, False), (25.0, False), (25.01, True)])
def test_not_in_programme_tolerance_edge(city, gap, flagged):
    city.project("P", box(0, 0, 100, 100))
    city.add("w", Point(100 + gap, 50))
    assert bool(city.run("not_in_programme")) == flagged


@pytest.mark.parametrize("years,flagged", [((2024, 2026), False), ((2026, 2030), False), ((2027, 2030), True),
                                           ((None, 2026), True)])
def test_not_in_programme_needs_overlapping_years(city, years, flagged):
    city.project("P", box(0, 0, 100, 100), *years)
    city.add("w", Point(50, 50), start_year=2020, end_year=2026)
    assert bool(city.run("not_in_programme")) == flagged


def test_not_in_programme_cancelled_project_does_not_cover(city):
    city.project("P", box(0, 0, 100, 100), status="cancelled")
    city.add("w", Point(50, 50))
    assert len(city.run("not_in_programme")) == 1


def test_not_in_programme_tolerance_from_settings_and_arguments(city):
    city.project("P", box(0, 0, 100, 100))
    city.add("w", Point(140, 50))
    assert city.run("not_in_programme")
    city.programme.settings["programme_tolerance_m"] = "40"
    assert city.run("not_in_programme") == []
    assert city.run("not_in_programme", programme_tolerance_m=39.9)


def test_not_in_programme_invalid_project_geometry_is_repaired(city):
    city.project("P", Polygon([(0, 0), (100, 100), (100, 0), (0, 100)]))  # a bowtie
    city.add("inside", Point(20, 50))
    city.add("outside", Point(50, 150))
    assert pairs(city.run("not_in_programme", programme_tolerance_m=0)) == [("outside",)]


# --- conflict --------------------------------------------------------------------------------------

@pytest.mark.parametrize("dx,flagged", [(0.0, True), (9.99, True), (10.0, True), (10.01, False)])
def test_conflict_distance_edge(city, dx, flagged):
    city.add("a", Point(100, 100))
    city.add("b", Point(100 + dx, 100))
    assert bool(city.run("conflict")) == flagged


@pytest.mark.parametrize("a,b,flagged", [
    ((2024, 2025), (2025, 2026), True),  # meet in one year: overlap
    ((2024, 2026), (2025, 2025), True),
    ((2024, 2024), (2025, 2025), False),
    ((2027, 2030), (2020, 2026), False),
])
def test_conflict_year_overlap_edge(city, a, b, flagged):
    city.add("a", Point(100, 100), start_year=a[0], end_year=a[1])
    city.add("b", Point(105, 100), start_year=b[0], end_year=b[1])
    findings = city.run("conflict")
    assert bool(findings) == flagged
    if flagged:
        assert "overlap in 2025" in findings[0].message_en


def test_conflict_touching_polygons_and_lines(city):
    city.add("left", box(0, 0, 100, 100))
    city.add("right", box(100, 0, 200, 100))  # shares an edge: distance 0
    city.add("far", LineString([(500, 500), (600, 500)]))
    city.add("near_line", LineString([(300, 110), (300, 500)]))  # 10 m above nothing...
    city.add("road", LineString([(150, 110), (150, 300)]))  # 10 m from 'right'
    assert pairs(city.run("conflict")) == [("left", "right"), ("right", "road")]


def test_conflict_only_physical_live_works(city):
    city.add("a", Point(100, 100))
    city.add("social", Point(101, 100), domain="social")
    city.add("cancelled", Point(102, 100), status="cancelled")
    city.add("null_years", Point(103, 100), end_year=None)
    city.add_null_geometry("nowhere")
    assert city.run("conflict") == []


def test_conflict_done_pairs_are_history(city):
    city.add("a", Point(100, 100), status="done")
    city.add("b", Point(101, 100), status="done")
    assert city.run("conflict") == []
    city.add("c", Point(102, 100), status="in_progress")
    assert pairs(city.run("conflict")) == [("a", "c"), ("b", "c")]


def test_conflict_linked_as_combined_is_no_conflict(city):
    city.add("a", Point(100, 100))
    city.add("b", Point(101, 100))
    city.add("c", Point(102, 100))
    city.programme.links = [{"from_uid": "b", "to_uid": "a", "relation": "combines_with"},
                            {"from_uid": "a", "to_uid": "c", "relation": "supports"}]
    assert pairs(city.run("conflict")) == [("a", "c"), ("b", "c")]


def test_conflict_distance_from_settings_then_arguments(city):
    city.add("a", Point(100, 100))
    city.add("b", Point(115, 100))
    assert city.run("conflict") == []
    city.programme.settings["conflict_distance_m"] = "20"
    assert len(city.run("conflict")) == 1
    assert city.run("conflict", conflict_distance_m=12) == []


def test_conflict_finding_marks_both_works(city):
    city.add("b", Point(100, 100), district_id="east")
    city.add("a", Point(108, 100))
    (finding,) = city.run("conflict")
    assert finding.subject_uids == ("a", "b")
    assert finding.district_id == "west"  # the stored district of the smallest uid
    assert finding.message_en.startswith("Physical works 'Work a' and 'Work b'")
    assert finding.geometry.contains(Point(100, 100)) and finding.geometry.contains(Point(108, 100))


# --- rest_period -----------------------------------------------------------------------------------

@pytest.mark.parametrize("start,flagged",
                         [(2020, False), (2021, True), (2024, True), (2025, False), (2030, False)])
def test_rest_period_gap_edges(city, start, flagged):
    city.add("old", Point(100, 100), start_year=2018, end_year=2020, status="done")
    city.add("new", Point(105, 100), start_year=start, end_year=start + 1)
    findings = city.run("rest_period")
    assert bool(findings) == flagged
    if flagged:
        (finding,) = findings
        assert finding.subject_uids == ("new", "old")
        assert "{} year(s) after 'Work old' ended (2020)".format(start - 2020) in finding.message_en


def test_rest_period_needs_the_same_place(city):
    city.add("old", Point(100, 100), start_year=2020, end_year=2020)
    city.add("next_door", Point(110, 100), start_year=2022, end_year=2022)
    city.add("away", Point(110.01, 100.01), start_year=2022, end_year=2022)
    assert pairs(city.run("rest_period")) == [("next_door", "old")]


def test_rest_period_parameters(city):
    city.add("old", Point(100, 100), start_year=2020, end_year=2020)
    city.add("new", Point(100, 100), start_year=2024, end_year=2024)
    assert city.run("rest_period")
    assert city.run("rest_period", rest_period_years=4) == []
    city.programme.settings["rest_period_years"] = "3"
    assert city.run("rest_period") == []


def test_rest_period_skips_done_later_works_cancelled_and_social(city):
    city.add("old", Point(100, 100), start_year=2018, end_year=2018)
    city.add("also_done", Point(100, 100), start_year=2020, end_year=2020, status="done")
    city.add("cancelled", Point(100, 100), start_year=2021, end_year=2021, status="cancelled")
    city.add("social", Point(100, 100), start_year=2021, end_year=2021, domain="social")
    assert city.run("rest_period") == []


def test_rest_period_and_conflict_do_not_overlap(city):
    city.add("a", Point(100, 100), start_year=2020, end_year=2022)
    city.add("b", Point(100, 100), start_year=2022, end_year=2023)
    assert len(city.run("conflict")) == 1 and city.run("rest_period") == []


# --- duplicate_funding -----------------------------------------------------------------------------

def _twins(city, gap=5.0, **b_attrs):
    city.add("a", Point(100, 100), theme="care", funder="municipality", domain="social")
    attrs = {"theme": "care", "funder": "health_insurer"}
    attrs.update(b_attrs)
    city.add("b", Point(100 + gap, 100), **attrs)


def test_duplicate_funding_fires_for_same_theme_place_time_different_funders(city):
    _twins(city)
    (finding,) = city.run("duplicate_funding")
    assert finding.subject_uids == ("a", "b")
    assert "Care and wellbeing" in finding.message_en and "Zorg en welzijn" in dutch(finding)
    assert "Municipality / Health insurer" in finding.message_en


@pytest.mark.parametrize("gap,flagged", [(0.0, True), (10.0, True), (10.01, False)])
def test_duplicate_funding_tolerance_edge(city, gap, flagged):
    _twins(city, gap)
    assert bool(city.run("duplicate_funding")) == flagged


@pytest.mark.parametrize("b_attrs", [
    {"funder": "municipality"},  # the same funder
    {"theme": "green"},
    {"start_year": 2026, "end_year": 2027},
    {"status": "cancelled"},
    {"funder": None},  # unknown funders are not different funders
    {"start_year": None},
])
def test_duplicate_funding_quiet(city, b_attrs):
    _twins(city, **b_attrs)
    assert city.run("duplicate_funding") == []


def test_duplicate_funding_meeting_years_overlap(city):
    _twins(city, start_year=2025, end_year=2027)
    city.programme.interventions[0].attrs.update(start_year=2023, end_year=2025)
    assert len(city.run("duplicate_funding")) == 1


def test_duplicate_funding_funders_from_funding_rows(city):
    _twins(city, funder=None)
    city.programme.funding = [
        {"intervention_uid": "b", "year": 2025, "funder": "municipality", "amount": 10.0}]
    assert city.run("duplicate_funding") == []  # both paid by the municipality alone
    city.programme.funding.append(
        {"intervention_uid": "b", "year": 2025, "funder": "province", "amount": 5.0})
    (finding,) = city.run("duplicate_funding")
    assert "Municipality / Municipality, Province" in finding.message_en


def test_duplicate_funding_tolerance_parameter(city):
    _twins(city, gap=15)
    assert city.run("duplicate_funding") == []
    assert city.run("duplicate_funding", duplicate_funding_tolerance_m=15)
