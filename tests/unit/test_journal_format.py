"""The edit journal's file format: plain data <-> JSON, and which recorded rows moved on since."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from gebiedsplugin.core.journal_format import (
    FORMAT,
    JournalFormatError,
    edit_count,
    from_text,
    moved_on,
    recorded_rows,
    table_edits,
    to_text,
)

JOURNAL = {
    "source": "postgres:team/mjp", "name": "mjp", "planner": "Anna", "saved_at": "2026-12-07T05:00:00+00:00",
    "tables": {
        "interventions_point": table_edits(
            added=[{"values": {"title": "Nieuw", "start_year": 2027, "budget": 1234.5, "city_wide": False,
                               "created_at": datetime(2026, 12, 7, 4, 59, 1, 250000, tzinfo=timezone.utc),
                               "note": None},
                    "wkb": bytes.fromhex("0101000000000000000088f840000000000088f840")}],
            changed=[{"fid": 3, "key": "u-3", "version": 2, "values": {"title": "Anders", "day": date(2027, 3, 1)},
                      "wkb": None, "geometry_changed": False}],
            deleted=[{"fid": 9, "key": "u-9", "version": 5}]),
        "funding": table_edits(changed=[{"fid": 1, "key": "f-1", "version": None, "values": {"amount": 0.1},
                                         "wkb": None, "geometry_changed": False}]),
    },
}


def test_a_journal_reads_back_as_it_was_written_values_of_every_type_included():
    text = to_text(JOURNAL)
    back = from_text(text)
    assert back["tables"] == JOURNAL["tables"]
    added = back["tables"]["interventions_point"]["added"][0]["values"]["created_at"]
    assert added.utcoffset() == timedelta(0) and added.microsecond == 250000
    raw = json.loads(text)
    assert raw["format"] == FORMAT and raw["version"] == 1 and raw["planner"] == "Anna"
    assert raw["tables"]["interventions_point"]["changed"][0]["values"]["day"] == {"$date": "2027-03-01"}


def test_counts_and_recorded_rows():
    assert edit_count(JOURNAL) == 4
    assert recorded_rows(JOURNAL) == {"interventions_point": {3: ("u-3", 2), 9: ("u-9", 5)},
                                      "funding": {1: ("f-1", None)}}


def test_rows_changed_or_deleted_since_are_the_moved_on_ones():
    # row 3 is at version 3 now (someone saved it), row 9 is gone; funding's version was not known: not judged
    assert moved_on(recorded_rows(JOURNAL), {"interventions_point": {3: 3}, "funding": {1: 7}}) == {
        "interventions_point": [3, 9]}
    assert moved_on(recorded_rows(JOURNAL), {"interventions_point": {3: 2, 9: 5}, "funding": {1: 7}}) == {}


@pytest.mark.parametrize("text", ["", "[]", json.dumps({"format": "other"}),
                                  json.dumps({"format": FORMAT, "version": 99, "tables": {}})])
def test_what_is_not_a_journal_of_this_version_is_refused(text):
    with pytest.raises(JournalFormatError):
        from_text(text)
