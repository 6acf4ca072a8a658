"""A uid used twice (across intervention tables: a data-quality error, reported as duplicate_uid): its
funding rows belong to each intervention that bears it, in memory as in the database (store/pg_check.py,
which reads them by uid per intervention, as the overview, the funding gaps and the list do). So
budget_exceeded and duplicate_funding find exactly the same on both sides; the findings below are worked
out by hand.
"""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import Point, box

from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.check_parity import assert_parity, assert_whole_check_parity, two_districts
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


def _item(uid, geom, district, **attrs) -> Feature:
    base = {"uid": uid, "title": attrs.pop("title", uid.upper()), "domain": "social", "kind": "maintenance",
            "theme": "greenery", "district_id": district, "neighbourhood_id": district[0] + "1",
            "start_year": 2027, "end_year": 2027, "status": "planned"}
    base.update(attrs)
    table = "interventions_point" if geom.geom_type == "Point" else "interventions_polygon"
    return Feature(base, geom if geom.geom_type == "Point" else shapely.MultiPolygon([geom]), table)


def twins() -> Programme:
    p = two_districts()
    p.interventions = [
        # 'twin' as a point in the west (no budget) and as a polygon in the east (a budget of 1000, not
        # used: its funding rows are its money); each has a neighbour 5 m away paid by the municipality
        _item("twin", Point(500, 500), "west", title="Twin west"),
        _item("near-w", Point(505, 500), "west", funder="municipality"),
        _item("twin", box(1400, 400, 1500, 500), "east", title="Twin east", budget=1000.0),
        _item("near-e", box(1505, 400, 1600, 500), "east", funder="municipality"),
        _item("alone", Point(800, 800), "west", budget=10.0),
    ]
    # 80 + 20 (its uid padded) for 'twin' in 2027: each twin plans 100 (the west 110 with 'alone') against
    # an area budget of 50
    p.funding = [{"intervention_uid": "twin", "year": 2027, "funder": "national", "amount": 80.0},
                 {"intervention_uid": " twin ", "year": 2027, "funder": "eu", "amount": 20.0}]
    p.area_budgets = [{"district_id": "west", "year": 2027, "amount": 50.0},
                      {"district_id": "east", "year": 2027, "amount": 50.0}]
    return p


@pytest.fixture()
def twins_store(pg_connection, pg_schema):
    return PostgisStore.create(pg_connection, pg_schema, programme=twins())


def test_funding_rows_of_a_uid_used_twice_count_for_each_intervention_on_both_sides(twins_store):
    found = assert_parity(twins_store)
    budget = sorted((f.district_id, f.subject_uids, f.message_en) for f in found if f.rule == "budget_exceeded")
    said = "Planned money in district {} in 2027: {} EUR exceeds the area budget of 50 EUR by {} EUR"
    assert budget == [("east", ("twin",), said.format("Oost", 100, 50)),
                      ("west", ("alone", "twin"), said.format("West", 110, 60))]
    # each twin is paid by national and eu through the rows, its neighbour by the municipality
    assert sorted(f.subject_uids for f in found if f.rule == "duplicate_funding") == [
        ("near-e", "twin"), ("near-w", "twin")]
    whole = assert_whole_check_parity(twins_store)
    assert sorted(f.subject_uids for f in whole if f.rule == "data_quality"
                  and "twin" in f.subject_uids) == [("twin",), ("twin",)]
