"""The check-out writes its copy in bulk (store/gpkg_bulk.py: SQLite executemany, R-trees built after)
and its base in one pass: the copy must hold exactly what OGR's feature-by-feature write stored, and
the seal made from the rows written must be what seal() reads back from the copy.

Compared table by table, every row and column, straight from SQLite (the R-trees' entries, the
GeoPackage's registers and the schema's objects too); only what differs between any two check-outs
(their ids and times) is left out."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
import shapely

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.gpkg_create import create_file
from gebiedsplugin.qgis_io.store.offline import check_out
from gebiedsplugin.qgis_io.store.offline_base import TABLE, read_base, seal
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

_PER_CHECK_OUT = {"checkout_id", "checked_out_at", "created_at"}  # schema_info keys of one check-out only
_RTREE_PARTS = ("node", "parent", "rowid")  # an R-tree's own pages: their layout follows the build order


def dump(path) -> dict:
    """Every table of the file as sorted rows, and its schema objects (rtree pages aside)."""
    conn = sqlite3.connect(str(path))
    try:
        out = {"sqlite_master": sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"),
                                       key=repr)}
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            if name.startswith("rtree_") and name.rsplit("_", 1)[-1] in _RTREE_PARTS:
                continue
            cursor = conn.execute('SELECT * FROM "{}"'.format(name.replace('"', '""')))
            columns = [d[0] for d in cursor.description]
            rows = [dict(zip(columns, r)) for r in cursor]
            for row in rows:
                row.pop("last_change", None)  # gpkg_contents: when each table was written
            if name == "schema_info":
                rows = [r for r in rows if r["key"] not in _PER_CHECK_OUT]
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def assert_same_files(old, new) -> None:
    before, after = dump(old), dump(new)
    assert sorted(before) == sorted(after)
    for table in before:
        assert len(before[table]) == len(after[table]), table
        for a, b in zip(before[table], after[table]):
            assert a == b, table


def test_a_check_out_copy_is_what_the_feature_by_feature_write_made(programme_store, tmp_path):
    old, new = tmp_path / "old.gpkg", tmp_path / "new.gpkg"
    counts_old = check_out(programme_store, str(old), ["noord", "oost"], planner="Anna", row_by_row=True)
    counts_new = check_out(programme_store, str(new), ["noord", "oost"], planner="Anna")
    assert counts_new == counts_old and counts_new["interventions_point"] > 0
    assert_same_files(old, new)
    registered = programme_store.schema_info()
    for path in (old, new):
        info = GpkgStore(path).schema_info()
        # the seal made from the rows written is the one read back from the file (and so at check-in)
        assert json.loads(registered["checkout:" + info["checkout_id"]])["seal"] == seal(str(path))
    base = read_base(str(new))
    assert sum(counts_new.values()) == len(base)
    conn = sqlite3.connect(str(new))
    try:  # the base's content is json.dumps of the row's compared fields, as written before
        for content, in conn.execute("SELECT content FROM {} LIMIT 500".format(TABLE)):
            assert content == json.dumps(json.loads(content), sort_keys=True, default=str)
    finally:
        conn.close()


def test_the_whole_city_checked_out_from_either_store(programme_store, tmp_path):
    old, new = tmp_path / "old.gpkg", tmp_path / "new.gpkg"
    check_out(programme_store, str(old), None, planner="Bert", row_by_row=True)
    check_out(programme_store, str(new), ["city"], planner="Bert")
    assert_same_files(old, new)


def _odd_programme() -> Programme:
    """Values the bulk write converts itself and values it leaves to OGR, in the tables of a copy."""
    square = shapely.box(100000.0, 450000.0, 100010.5, 450010.25)
    stamp = datetime(2025, 1, 6, 9, 0, 0, 123456)
    districts = [Feature({"district_id": "noord", "name": "Noord ë", "row_version": 3},
                         shapely.MultiPolygon([square]), "districts"),
                 Feature({"district_id": "zuid", "name": "Zuid", "modified_at": stamp}, square,  # promoted to multi
                         "districts")]
    common = {"domain": "public_space", "kind": "bench", "theme": "climate", "district_id": "noord",
              "start_year": 2025, "end_year": 2027}
    interventions = [
        Feature(dict(common, uid="u1", title="Bänke \"quoted\" \\ 日本", budget=0.1 + 0.2, needs_review=True,
                     indicative=0, city_wide=None, modified_at="2025-01-06 09:00:00.9996", row_version=2),
                shapely.Point(100001.123456789, 450001.1), "interventions_point"),
        Feature(dict(common, uid="u2", title="t2", budget=1e20, priority=2 ** 31 - 1,
                     modified_at=datetime(2025, 1, 6, 10, 0, tzinfo=timezone(timedelta(hours=2)))),
                shapely.Point(100002.0, 450002.0), "interventions_point"),
        Feature(dict(common, uid="u3", title="t3", budget=5, modified_at="2025-01-06T09:00:00Z"),
                shapely.LineString([(100000, 450000), (100003.3, 450004.4)]), "interventions_line"),
        Feature(dict(common, uid="u4", title="t4", modified_at=None), None, "interventions_line"),  # no geometry
        # left to OGR: a number in a text field; a timestamp with an offset; a geometry with Z
        Feature(dict(common, uid="u5", title=12.5), square, "interventions_polygon"),
        Feature(dict(common, uid="u6", title="t6"), shapely.Point(100005, 450005, 7.0), "programme_projects_point"),
    ]
    interventions[5].attrs.update(programme_code="P1")
    programme = Programme(crs="EPSG:28992", districts=districts,
                          interventions=[f for f in interventions if not f.table.startswith("programme")],
                          projects=[f for f in interventions if f.table.startswith("programme")])
    programme.funding = [{"uid": "f1", "intervention_uid": "u1", "year": 2025, "funder": "municipality",
                          "amount": 12.75, "modified_at": "2025-01-06T09:00:00.5+02:00"},
                         {"uid": "f2", "intervention_uid": "u2", "year": 2026, "funder": "province", "amount": 3}]
    programme.links = [{"uid": "l1", "from_uid": "u1", "to_uid": "u2", "relation": "supports", "row_version": 7}]
    return programme


def test_odd_values_are_stored_as_ogr_stores_them(tmp_path, qgis_app):
    programme = _odd_programme()
    create_file(tmp_path / "old.gpkg", programme.crs, programme, row_by_row=True)
    GpkgStore.create(tmp_path / "new.gpkg", programme.crs, programme)
    assert_same_files(tmp_path / "old.gpkg", tmp_path / "new.gpkg")


def test_a_cancelled_check_out_leaves_no_file_and_registers_nothing(programme_store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    asked = []
    check_out(programme_store, str(folder / "first.gpkg"), ["noord"], planner="Anna",
              cancelled=lambda: asked.append(1) and False)
    last = len(asked)  # how often a check-out asks; the last time is just before it registers
    assert last > 20
    os.remove(folder / "first.gpkg")
    target = folder / "copy.gpkg"
    before = programme_store.schema_info()
    for stop_at in (1, 20, last):  # while reading, while writing the tables, at the last moment
        asked.clear()

        def cancelled(stop_at=stop_at) -> bool:
            asked.append(1)
            return len(asked) >= stop_at

        with pytest.raises(Cancelled):
            check_out(programme_store, str(target), ["noord"], planner="Anna", cancelled=cancelled)
        assert os.listdir(folder) == []  # no copy, no temporary file
        assert programme_store.schema_info() == before
    assert check_out(programme_store, str(target), ["noord"], planner="Anna")["interventions_point"] > 0
    with pytest.raises(ProgrammeError):  # an existing copy is replaced only when asked
        check_out(programme_store, str(target), ["noord"], planner="Anna")
