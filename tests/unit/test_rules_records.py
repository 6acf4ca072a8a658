"""Rules about single records: data_quality, district_mismatch, unknown_programme_code,
outside_programme_period. Each fires, stays quiet, and is tried at its edges."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from gebiedsplugin.core.records import Feature
from tests.unit.ts_texts import dutch

BOWTIE = Polygon([(100, 100), (110, 110), (110, 100), (100, 110)])


def kinds(findings):
    return sorted(f.finding_id for f in findings)


def messages(findings):
    return " | ".join(f.message_en for f in findings)


# --- data_quality ---------------------------------------------------------------------------------

def test_data_quality_quiet_on_a_clean_record(city):
    city.add("ok", Point(100, 100), budget=0.0)
    city.add("ok2", box(10, 10, 50, 50), budget=None, start_year=2025, end_year=2025)
    assert city.run("data_quality") == []


@pytest.mark.parametrize("geometry", [None, Point(), Polygon()])
def test_data_quality_missing_or_empty_geometry(city, geometry):
    f = city.add("g", Point(1, 1))
    f.geometry = geometry
    (finding,) = city.run("data_quality")
    assert finding.subject_uids == ("g",) and "no geometry" in finding.message_en
    assert finding.geometry is None and finding.severity == "error"


def test_data_quality_invalid_geometry_is_reported_and_still_used(city):
    city.add("bow", BOWTIE)
    city.add("near", Point(115, 105))
    (finding,) = city.run("data_quality")
    assert "invalid geometry" in finding.message_en and "ongeldige geometrie" in dutch(finding)
    assert finding.geometry.is_valid
    # The other rules work on the repaired geometry: the bowtie is within 10 m of the point.
    assert len(city.run("conflict")) == 1


@pytest.mark.parametrize("point,flagged", [
    (Point(2000, 500), False),  # on the city boundary: still in the city
    (Point(2000.9, 500), False),  # within the default 1 m tolerance
    (Point(2001.5, 500), True),
    (Point(5000, 5000), True),
])
def test_data_quality_outside_the_city(city, point, flagged):
    city.add("p", point)
    assert bool(city.run("data_quality")) == flagged


def test_data_quality_partly_outside_and_tolerance_parameter(city):
    city.add("line", LineString([(1990, 500), (2010, 500)]))
    assert "outside the city" in messages(city.run("data_quality"))
    city.programme.interventions[0].geometry = Point(2000.5, 500)
    assert city.run("data_quality", city_tolerance_m=0.0)
    assert not city.run("data_quality", city_tolerance_m=1.0)


def test_data_quality_city_is_the_union_of_districts_without_city_row(city):
    city.programme.districts = city.programme.districts[:2]
    city.add("in", Point(1500, 500))
    city.add("out", Point(2500, 500))
    assert [f.subject_uids for f in city.run("data_quality")] == [("out",)]


def test_data_quality_no_districts_no_outside_check(city):
    city.programme.districts = []
    city.add("far", Point(99999, 99999))
    assert city.run("data_quality") == []


def test_data_quality_missing_mandatory_fields_in_one_finding(city):
    city.add("m", title=None, theme="  ", kind="")
    (finding,) = city.run("data_quality")
    assert "Title, Kind, Theme" in finding.message_en
    assert "Titel, Soort, Thema" in dutch(finding)


def test_data_quality_null_years_are_reported_and_skipped_elsewhere(city):
    city.add("a", start_year=None)
    city.add("b", end_year=None)
    city.add("c")
    assert "Start year" in messages(city.run("data_quality"))
    assert city.run("conflict") == []  # a and b have no period: only c is left, and it is alone


@pytest.mark.parametrize("start,end,flagged", [(2025, 2025, False), (2025, 2024, True), (2024, 2030, False)])
def test_data_quality_end_before_start(city, start, end, flagged):
    city.add("y", start_year=start, end_year=end)
    assert ("before start year" in messages(city.run("data_quality"))) == flagged


@pytest.mark.parametrize("year", ["abc", 1999, 2101])
def test_data_quality_year_out_of_range_or_not_a_number(city, year):
    city.add("y", start_year=year, end_year=2025)
    assert "not a year between 2000 and 2100" in messages(city.run("data_quality"))


@pytest.mark.parametrize("budget,flagged", [(-0.01, True), (0.0, False), (None, False), (5e6, False)])
def test_data_quality_negative_budget(city, budget, flagged):
    city.add("b", budget=budget)
    assert ("negative budget" in messages(city.run("data_quality"))) == flagged


def test_data_quality_duplicate_uid_gives_two_findings(city):
    city.add("same", Point(100, 100))
    city.add("same", Point(200, 200))
    findings = city.run("data_quality")
    assert len(findings) == 2 and len({f.finding_id for f in findings}) == 2
    assert all("used by 2 interventions" in f.message_en for f in findings)


def test_data_quality_one_finding_per_problem_kind(city):
    city.add("x", None, title=None, budget=-1)
    city.programme.interventions[0].geometry = None
    findings = city.run("data_quality")
    assert len(findings) == 3 and len({f.finding_id for f in findings}) == 3


# --- district_mismatch -----------------------------------------------------------------------------

def test_district_mismatch_quiet_when_stored_district_is_right(city):
    city.add("w", Point(100, 100), district_id="west")
    city.add("e", Point(1500, 100), district_id="east")
    assert city.run("district_mismatch") == []


def test_district_mismatch_wrong_district(city):
    city.add("w", Point(100, 100), district_id="east")
    (finding,) = city.run("district_mismatch")
    assert finding.district_id == "west"
    assert finding.message_en == "'Work w' is stored in district Oost but lies in West"
    assert "vastgelegd in stadsdeel Oost maar ligt in West" in dutch(finding)


@pytest.mark.parametrize("stored", [None, "", "nowhere"])
def test_district_mismatch_missing_or_unknown_stored_district(city, stored):
    city.add("w", Point(100, 100), district_id=stored)
    (finding,) = city.run("district_mismatch")
    assert finding.district_id == "west"


def test_district_mismatch_largest_overlap_wins_for_polygons_and_lines(city):
    city.add("poly", box(900, 0, 1300, 100), district_id="west")  # 25 % west, 75 % east
    city.add("line", LineString([(500, 5), (1100, 5)]), district_id="west")  # 5/6 west
    findings = city.run("district_mismatch")
    assert {f.subject_uids[0] for f in findings} == {"poly", "line"}  # both span two districts
    assert "West 25%" in messages(findings) and "Oost 75%" in messages(findings)


@pytest.mark.parametrize("share_east,several", [(0.02, False), (0.049, False), (0.05, True), (0.5, True)])
def test_district_mismatch_several_districts_threshold(city, share_east, several):
    city.add("poly", box(1000 - 100 * (1 - share_east), 0, 1000 + 100 * share_east, 100), district_id="west")
    findings = city.run("district_mismatch")
    assert bool(findings) == several
    if several:
        assert "several districts" in findings[0].message_en


def test_district_mismatch_small_share_elsewhere_still_counts_for_the_largest(city):
    city.add("poly", box(903, 0, 1003, 100), district_id="east")  # 97 % west
    (finding,) = city.run("district_mismatch")
    assert "stored in district Oost but lies in West" in finding.message_en


def test_district_mismatch_several_is_fine_when_city_wide(city):
    city.add("cw", box(500, 0, 1500, 100), district_id="west", city_wide=True)
    city.add("cd", box(500, 0, 1500, 100), district_id="city")
    city.add("cw_text", box(500, 0, 1500, 100), district_id="east", city_wide="true")
    assert city.run("district_mismatch") == []


def test_district_mismatch_touching_is_not_overlapping(city):
    city.add("touch", box(900, 0, 1000, 100), district_id="west")  # its east edge is the border
    city.add("touch_line", LineString([(900, 50), (1000, 50)]), district_id="west")
    city.add("along", LineString([(1000, 0), (1000, 100)]), district_id="east")  # on the border: both
    city.add("along_w", LineString([(1000, 0), (1000, 100)]), district_id="west")
    assert city.run("district_mismatch") == []
    city.programme.interventions[0].attrs["district_id"] = "east"
    assert "stored in district Oost but lies in West" in messages(city.run("district_mismatch"))


def test_district_mismatch_point_on_the_border_is_in_both(city):
    city.add("a", Point(1000, 500), district_id="west")
    city.add("b", Point(1000, 500), district_id="east")
    assert city.run("district_mismatch") == []
    city.add("c", Point(1000, 500), district_id=None)
    (finding,) = city.run("district_mismatch")
    assert finding.district_id == "east"  # ties go to the smallest id, whatever the order


def test_district_mismatch_outside_every_district_is_left_to_data_quality(city):
    city.add("far", Point(5000, 5000), district_id="west")
    assert city.run("district_mismatch") == []


def test_district_mismatch_district_in_two_parts(city):
    for part in (box(3000, 0, 3100, 100), box(3200, 0, 3300, 100)):
        city.programme.districts.append(Feature({"district_id": "island", "name": "Eiland"}, part))
    city.add("i", MultiPolygon([box(3010, 10, 3020, 20), box(3210, 10, 3220, 20)]), district_id="island")
    assert city.run("district_mismatch") == []


def test_district_mismatch_invalid_geometry_is_repaired_first(city):
    city.add("bow", BOWTIE, district_id="east")
    assert "lies in West" in messages(city.run("district_mismatch"))


# --- unknown_programme_code ----------------------------------------------------------------------

def test_unknown_programme_code(city):
    city.project("MJP-1", box(0, 0, 50, 50))
    city.project("MJP-OLD", box(0, 0, 50, 50), status="cancelled")
    city.add("known", programme_code="MJP-1")
    city.add("spaces", programme_code="  MJP-1 ")
    city.add("cancelled_project", programme_code="MJP-OLD")
    city.add("none", programme_code=None)
    city.add("blank", programme_code="  ")
    city.add("unknown", programme_code="MJP-2")
    city.add("case", programme_code="mjp-1")
    findings = city.run("unknown_programme_code")
    assert sorted(f.subject_uids[0] for f in findings) == ["case", "unknown"]
    assert "MJP-2, which does not exist" in messages(findings)


def test_unknown_programme_code_without_any_project(city):
    city.add("a", programme_code="X")
    city.add_null_geometry("b", programme_code="Y")
    findings = city.run("unknown_programme_code")
    assert len(findings) == 2
    assert {f.geometry is None for f in findings} == {False, True}


# --- outside_programme_period -------------------------------------------------------------------

@pytest.mark.parametrize("start,end,flagged", [
    (2024, 2026, False),  # the same years
    (2025, 2025, False),
    (2024, 2024, False),  # meets the start year exactly
    (2023, 2025, True),
    (2026, 2027, True),
    (2020, 2030, True),
])
def test_outside_programme_period(city, start, end, flagged):
    city.project("MJP-1", box(0, 0, 50, 50), 2024, 2026)
    city.add("i", programme_code="MJP-1", start_year=start, end_year=end)
    findings = city.run("outside_programme_period")
    assert bool(findings) == flagged
    if flagged:
        assert "(2024-2026)" in findings[0].message_en and findings[0].severity == "warning"


def test_outside_programme_period_skips_what_it_cannot_judge(city):
    city.project("MJP-1", box(0, 0, 50, 50), 2024, 2026)
    city.project("MJP-NULL", box(0, 0, 50, 50), None, 2026)
    city.add("no_years", programme_code="MJP-1", start_year=None)
    city.add("reversed", programme_code="MJP-1", start_year=2030, end_year=2020)
    city.add("null_project", programme_code="MJP-NULL", start_year=2000, end_year=2000)
    city.add("unknown", programme_code="NOPE", start_year=2000, end_year=2000)
    assert city.run("outside_programme_period") == []


def test_outside_programme_period_code_in_several_tables_spans_them_all(city):
    city.project("MJP-1", box(0, 0, 50, 50), 2020, 2021)
    city.project("MJP-1", LineString([(0, 0), (50, 0)]), 2024, 2025)
    city.add("gap_year", programme_code="MJP-1", start_year=2022, end_year=2022)
    city.add("later", programme_code="MJP-1", start_year=2025, end_year=2026)
    assert [f.subject_uids for f in city.run("outside_programme_period")] == [("later",)]
