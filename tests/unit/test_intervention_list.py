"""The interventions list as plain data: year overlap, filters, funding totals, summary, copies."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gebiedsplugin.core.intervention_list import (
    ListFilter,
    ListRow,
    filter_rows,
    funding_totals,
    proposals,
    shifted_copy,
    summarise,
    to_bool,
    years_overlap,
)


@pytest.mark.parametrize("start,end,lo,hi,expected", [
    (2020, 2022, 2022, 2025, True),   # touches the first year
    (2026, 2028, 2022, 2025, False),  # after
    (2018, 2021, 2022, 2025, False),  # before
    (2021, 2021, 2021, 2021, True),   # single year on single year
    (2010, 2040, 2022, 2025, True),   # encloses
    (2023, None, 2022, 2025, True),   # missing end = start
    (None, 2030, 2022, 2025, False),  # missing start = end
    (None, None, 2022, 2025, True),   # no years: never hidden
    (2020, 2022, None, None, True),   # no filter
    (2020, 2022, 2023, None, False),  # open-ended filter
    (2020, 2022, None, 2019, False),
])
def test_years_overlap(start, end, lo, hi, expected):
    assert years_overlap(start, end, lo, hi) is expected


ROWS = [
    ListRow("interventions_point", 1, "a", "A", "physical", "intervention", "green", "planned", "west", "", 2024,
            2025, 100.0),
    ListRow("interventions_line", 1, "b", "B", "social", "initiative", "care", "idea", "east", "", 2026, 2026,
            None),
    ListRow("interventions_polygon", 2, "c", "C", "physical", "maintenance", "green", "done", "west", "", 2019,
            2020, 50.0),
]


def test_filters_combine():
    assert [r.title for r in filter_rows(ROWS, ListFilter())] == ["A", "B", "C"]
    assert [r.title for r in filter_rows(ROWS, ListFilter(district_id="city"))] == ["A", "B", "C"]
    assert [r.title for r in filter_rows(ROWS, ListFilter(district_id="west"))] == ["A", "C"]
    assert [r.title for r in filter_rows(ROWS, ListFilter(district_id="west", year_from=2021))] == ["A"]
    assert [r.title for r in filter_rows(ROWS, ListFilter(themes=frozenset({"green"}),
                                                          statuses=frozenset({"done"})))] == ["C"]
    assert [r.title for r in filter_rows(ROWS, ListFilter(domains=frozenset({"social"})))] == ["B"]
    assert [r.title for r in filter_rows(ROWS, ListFilter(kinds=frozenset({"initiative", "maintenance"})))] == [
        "B", "C"]


def test_funding_totals_and_summary():
    totals = funding_totals([{"intervention_uid": "a", "amount": 10}, {"intervention_uid": "a", "amount": 5.5},
                             {"intervention_uid": "b", "amount": None}, {"intervention_uid": None, "amount": 3}])
    assert totals == {"a": 15.5}
    rows = [replace(r, funding=totals.get(r.uid, 0.0)) for r in ROWS]  # as the list reader fills them
    assert [r.funding for r in rows] == [15.5, 0.0, 0.0]
    s = summarise(rows)
    assert (s.count, s.budget, s.funding) == (3, 150.0, 15.5)
    assert summarise([]).count == 0


def test_proposals_and_shifted_copy():
    attrs = {"uid": "x", "title": "T", "domain": "social", "kind": "", "theme": None, "start_year": 2024,
             "end_year": 2025, "created_at": "now"}
    assert proposals(attrs) == {"domain": "social", "start_year": 2024, "end_year": 2025}
    copy = shifted_copy(attrs, -2, drop=("uid", "created_at"))
    assert copy["start_year"] == 2022 and copy["end_year"] == 2023 and "uid" not in copy and copy["title"] == "T"
    assert shifted_copy({"start_year": None}, 3)["start_year"] is None


@pytest.mark.parametrize("value,expected", [(True, True), (1, True), ("true", True), ("0", False), (None, False),
                                            (0, False)])
def test_to_bool(value, expected):
    assert to_bool(value) is expected
