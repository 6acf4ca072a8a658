"""The audit trail's times as a planner reads them (quality walk): local time, written the same for a
GeoPackage (an ISO text in UTC) and a PostGIS programme (a datetime); the History dialog showed
'2026-12-07T01:52:10.249Z' for the one and '2026-12-07 01:52:10 UTC' for the other."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timezone

import pytest

from gebiedsplugin.qgis_io.shared_editing import audit_rows, filter_trail


@pytest.fixture()
def amsterdam():
    """The process in Dutch local time (CET, UTC+1 in December) for the test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time.tzset()


def entry(changed_at) -> dict:
    return {"table": "interventions_point", "operation": "INSERT", "changed_by": "Anna", "changed_at": changed_at}


def test_either_store_shows_the_same_local_time(amsterdam):
    gpkg = entry("2026-12-07T01:52:10.249Z")
    postgis = entry(datetime(2026, 12, 7, 1, 52, 10, 249000, tzinfo=timezone.utc))
    rows = audit_rows([gpkg, postgis])
    assert rows[0][0] == rows[1][0] == "2026-12-07 02:52:10"  # 01:52 UTC is 02:52 in Amsterdam in December


def test_the_date_filter_takes_the_local_day(amsterdam):
    late = entry("2026-12-06T23:30:00Z")  # half past midnight on the 7th in Amsterdam
    assert filter_trail([late], since=date(2026, 12, 7), until=date(2026, 12, 7)) == [late]
    assert filter_trail([late], since=date(2026, 12, 6), until=date(2026, 12, 6)) == []


def test_an_unreadable_time_is_shown_as_stored():
    assert audit_rows([entry("yesterday")])[0][0] == "yesterday"
