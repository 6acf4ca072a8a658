"""Coarse planning (#16 item 5): periods in quarters or indicative; the rules conflict, rest_period
and stacking respect the precision, and an indicative period clashes as 'possible', a firm one as
'certain' (message and Finding.certainty). Expected values are worked out by hand in the comments."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from gebiedsplugin.core.periods import (
    CERTAIN,
    INDICATIVE,
    POSSIBLE,
    QUARTER,
    YEAR,
    Period,
    period_of,
    period_text,
    precision_of,
)
from tests.unit.ts_texts import dutch


def test_precision_and_text_of_periods():
    assert precision_of({"start_year": 2026, "end_year": 2027}) == YEAR
    assert precision_of({"start_year": 2027, "end_year": 2027, "start_quarter": 3}) == QUARTER
    assert precision_of({"start_year": 2029, "end_year": 2031, "start_quarter": 2, "indicative": 1}) == INDICATIVE
    assert period_text({"start_year": 2027, "end_year": 2028, "start_quarter": 3}) == "2027 Q3-2028 Q4"
    assert period_text({"start_year": 2027, "end_year": 2027, "start_quarter": 3, "end_quarter": 3}) == "2027 Q3"
    assert period_text({"start_year": 2026, "end_year": 2026}) == "2026"
    assert period_text({"start_year": 2029, "end_year": 2031, "indicative": "true"}, "nl") == "2029-2031 (indicatief)"
    assert period_text({"start_year": 2029, "end_year": 2031, "indicative": True}) == "2029-2031 (indicative)"
    assert period_text({"start_year": None, "end_year": 2031}) == ""
    # Quarter 0 or 5 is not a quarter: the period is read in whole years.
    assert period_of({"start_year": 2027, "end_year": 2027, "start_quarter": 5}) == Period(2027, 2027)


@pytest.mark.parametrize("a,b,overlap", [
    (Period(2027, 2027, None, 2), Period(2027, 2027, 3, None), False),  # H1 and H2 of one year
    (Period(2027, 2027, None, 3), Period(2027, 2027, 3, None), True),  # share Q3
    (Period(2026, 2027), Period(2027, 2028), True),  # whole years meeting in 2027, as before
    (Period(2026, 2026), Period(2027, 2027), False),
])
def test_overlap_to_the_quarter(a, b, overlap):
    assert a.overlaps(b) is overlap and b.overlaps(a) is overlap


def _pair(city, a_attrs, b_attrs):
    city.add("a", Point(100, 100), **a_attrs)
    city.add("b", Point(105, 100), **b_attrs)  # 5 m apart: within the default 10 m
    return city.run("conflict")


def test_a_firm_clash_is_certain(city):
    (f,) = _pair(city, {"start_year": 2027, "end_year": 2028}, {"start_year": 2028, "end_year": 2029})
    assert f.certainty == CERTAIN
    assert f.message_en == ("Physical works 'Work a' and 'Work b' lie within 10 m of each other and overlap in "
                            "2028: coordinate or combine them")


def test_an_indicative_clash_is_possible_in_field_and_both_messages(city):
    (f,) = _pair(city, {"start_year": 2027, "end_year": 2028},
                 {"start_year": 2028, "end_year": 2030, "indicative": True})
    assert f.certainty == POSSIBLE
    assert f.message_en == ("Physical works 'Work a' and 'Work b' lie within 10 m of each other and may overlap "
                            "in 2028 (indicative period of 'Work b'): a possible conflict, coordinate them when "
                            "the planning is firmer")
    assert "overlappen mogelijk in 2028 (indicatieve periode van 'Work b')" in dutch(f)
    # The same pair keeps its finding id whether certain or possible: a decision on it survives.
    from gebiedsplugin.core.rules.base import finding_id

    assert f.finding_id == finding_id("conflict", ("a", "b"))


def test_quarters_separate_works_in_one_year_and_name_the_shared_quarter(city):
    assert _pair(city, {"start_year": 2027, "end_year": 2027, "end_quarter": 2},
                 {"start_year": 2027, "end_year": 2027, "start_quarter": 3}) == []
    city2 = type(city)()
    (f,) = _pair(city2, {"start_year": 2026, "end_year": 2027, "end_quarter": 3},
                 {"start_year": 2027, "start_quarter": 3, "end_year": 2028})
    assert "overlap in 2027 Q3:" in f.message_en and f.certainty == CERTAIN


def test_rest_period_possible_with_an_indicative_later_work(city):
    city.add("a", Point(100, 100), start_year=2024, end_year=2024)
    city.add("b", Point(100, 100), start_year=2027, end_year=2029, indicative=True)  # gap 3 < 5
    city.add("c", Point(500, 500), start_year=2024, end_year=2024)
    city.add("d", Point(500, 500), start_year=2026, end_year=2026, start_quarter=2)  # gap 2 < 5, firm
    by_pair = {f.subject_uids: f for f in city.run("rest_period")}
    assert by_pair[("a", "b")].certainty == POSSIBLE
    assert by_pair[("a", "b")].message_en == (
        "'Work b' (2027-2029) may start 3 year(s) after 'Work a' ended (2024) at the same place (within 10 m), "
        "an indicative period: a possible breach of the rest period of 5 years")
    assert by_pair[("c", "d")].certainty == CERTAIN
    assert by_pair[("c", "d")].message_en.startswith("'Work d' (2026 Q2-2026 Q4) starts 2 year(s) after")


def _stack(city, firm, loose):
    for k in range(firm + loose):
        city.add("s{:02d}".format(k), Point(50 + 20 * k, 500), neighbourhood_id="w1", indicative=k >= firm)
    return [f for f in city.run("stacking") if f.severity == "warning"]


def test_stacking_only_through_indicative_periods_is_possible(city):
    (f,) = _stack(city, 8, 2)  # 10 > 8, but only 8 firm: possible
    assert f.certainty == POSSIBLE
    assert f.message_en.startswith("10 interventions in neighbourhood Westbuurt in 2025 (more than 8), 2 of them "
                                   "with an indicative period: possible stacking")
    assert "waarvan 2 met een indicatieve periode" in dutch(f)


def test_stacking_with_enough_firm_periods_is_certain(city):
    (f,) = _stack(city, 9, 1)  # 9 firm > 8
    assert f.certainty == CERTAIN and f.message_en.startswith("10 interventions in neighbourhood Westbuurt in 2025 "
                                                              "(more than 8): stacking")


def test_data_quality_names_bad_quarters(city):
    city.add("q5", start_quarter=5)  # not a quarter
    city.add("back", start_year=2027, end_year=2027, start_quarter=3, end_quarter=2)  # ends before it starts
    city.add("fine", start_year=2027, end_year=2028, start_quarter=3, end_quarter=2)  # 2027 Q3-2028 Q2
    found = {(f.subject_uids, f.message_en) for f in city.run("data_quality")}
    assert found == {(("q5",), "'Work q5': start/end quarter is not a quarter 1-4"),
                     (("back",), "'Work back': end 2027 Q2 is before start 2027 Q3")}
