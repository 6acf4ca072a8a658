"""A GeoPackage save writes a table's updated rows in one statement (saveaudit) and keeps the audit trail.

One UPDATE per row made SQLite copy, for every row, the row's page and the audit_log and index pages the
audit trigger appends to into the statement journal; a planner's save (rows listed by fid) is now one
UPDATE ... FROM per table. The audit trail must not notice: the same entries, byte for byte, in the order
of the changes, whether the rows went in one statement or (listed otherwise) one by one. Expected values
are computed on the file itself (json_object over pragma_table_info's columns, before and after), not by
the triggers under test.
"""

from __future__ import annotations

import shutil

import pytest
import shapely

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.row_changes import UPDATE, RowChange
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.save import apply_changes, save
from tests.qgis.migration_checks import row_images
from tests.qgis.migration_checks import sqlite_rows as _sql

PLANNER = "Bram Jansen"
TABLE = "interventions_point"


@pytest.fixture(scope="module")
def master(tmp_path_factory, qgis_app):
    from gebiedsplugin.core.sample import generate_sample

    programme, _ = generate_sample(seed=8, interventions=600)
    path = tmp_path_factory.mktemp("setupdate") / "master.gpkg"
    GpkgStore.create(path, programme.crs, programme)
    return path


def _copy(master, folder, name):
    path = folder / name
    shutil.copy(master, path)
    return path


def _rows(path, count):
    return _sql(path, 'SELECT fid, uid, title, budget, row_version FROM "{}" ORDER BY fid LIMIT ?'.format(TABLE),
                (count,))


def _edits(rows):
    """Title and budget of *rows* changed (one statement's shape), listed as *rows* are."""
    return [RowChange(TABLE, UPDATE, fid, version, {"title": (title or "") + " – herzien \"2\"",
                                                    "budget": (budget or 0) + 0.25})
            for fid, _uid, title, budget, version in rows]


def _trail(path):
    return _sql(path, "SELECT table_name, uid, row_fid, operation, changed_by, db_user, old_values, new_values, "
                      "geometry_changed FROM audit_log ORDER BY id")


def test_a_save_listed_by_fid_updates_a_table_in_one_statement(master, tmp_path):
    path = _copy(master, tmp_path, "programme.gpkg")
    rows = _rows(path, 200)
    sent = []
    with GpkgStore(path).writer(PLANNER) as writer:
        # the statements SQLite runs, with their values; a trigger's start repeats its statement's text
        writer.conn.set_trace_callback(sent.append)
        apply_changes(writer, _edits(rows), PLANNER)
    updates = {s for s in sent if s.lstrip().upper().startswith("UPDATE") and TABLE in s.split("SET")[0]}
    assert len(updates) == 1, len(updates)  # one UPDATE per row before (200)
    assert len(_trail(path)) == 200  # still one audit entry per row


@pytest.mark.parametrize("listed", ["by fid", "otherwise"])
def test_the_trail_is_the_same_entries_in_the_order_of_the_changes(master, tmp_path, listed):
    path = _copy(master, tmp_path, "programme.gpkg")
    rows = _rows(path, 300)
    if listed == "otherwise":  # one by one, as before
        rows = rows[150:] + list(reversed(rows[:150]))
    before = row_images(path, TABLE)
    started = _sql(path, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")[0][0]
    save(GpkgStore(path), _edits(rows), PLANNER)
    ended = _sql(path, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")[0][0]
    after = row_images(path, TABLE)

    expected = [(TABLE, uid, fid, "UPDATE", PLANNER, None, before[fid], after[fid], 0) for fid, uid, _, _, _ in rows]
    assert _trail(path) == expected
    times = [t for (t,) in _sql(path, "SELECT changed_at FROM audit_log")]
    assert all(started <= t <= ended for t in times)
    # the new images hold what was planted, not only what the file now says
    fid, _uid, title, budget, version = rows[0]
    assert _sql(path, "SELECT json_extract(?, '$.title'), json_extract(?, '$.budget'), "
                      "json_extract(?, '$.row_version')", (after[fid],) * 3)[0] == (
        (title or "") + " – herzien \"2\"", (budget or 0) + 0.25, version + 1)


def test_moved_rows_in_one_statement_move_in_the_spatial_index(master, tmp_path):
    path = _copy(master, tmp_path, "programme.gpkg")
    rows = _rows(path, 50)
    changes = [RowChange(TABLE, UPDATE, fid, version, {"title": title}, geometry=shapely.Point(1000 + i, 2000 - i))
               for i, (fid, _uid, title, _budget, version) in enumerate(rows)]
    save(GpkgStore(path), changes, PLANNER)
    boxes = {r[0]: r[1:] for r in _sql(path, "SELECT id, minx, maxx, miny, maxy FROM rtree_{}_geom".format(TABLE))}
    for i, (fid, *_rest) in enumerate(rows):
        assert boxes[fid] == pytest.approx((1000 + i, 1000 + i, 2000 - i, 2000 - i))
    moved = _sql(path, "SELECT row_fid, geometry_changed FROM audit_log ORDER BY id")
    assert moved == [(fid, 1) for fid, *_rest in rows]


def test_a_row_the_database_refuses_keeps_nothing_of_the_set(master, tmp_path):
    path = _copy(master, tmp_path, "programme.gpkg")
    rows = _rows(path, 40)
    before, trail = row_images(path, TABLE), _trail(path)
    changes = [RowChange(TABLE, UPDATE, fid, version, {"uid": uid, "title": "x"}) for fid, uid, _, _, version in rows]
    changes[20].values["uid"] = rows[3][1]  # a uid another row has: the unique index refuses row 21
    with pytest.raises(ProgrammeError, match="UNIQUE"):
        save(GpkgStore(path), changes, PLANNER)
    assert row_images(path, TABLE) == before
    assert _trail(path) == trail
