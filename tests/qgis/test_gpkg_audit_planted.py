"""The GeoPackage audit trail of one planted save, entry by entry (gpkgaudit).

One save through store/save.py of more rows than SQLite's default page cache holds with their audit
(1,200 attribute updates over the three intervention tables, a geometry move, an update that changes
nothing a planner sees, an insert and a delete). Every audit_log row is compared, byte for byte, with
a value computed independently: the old and new images by SQL on the file itself (json_object over
the table's columns as pragma_table_info lists them, before and after the save), the rest worked
out from the planted changes.
"""

from __future__ import annotations

import re
import shutil
import uuid

import pytest
import shapely

from gebiedsplugin.core.row_changes import DELETE, INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.save import save
from tests.qgis.migration_checks import row_images
from tests.qgis.migration_checks import sqlite_rows as _sql

PLANNER = "Anna de Vries"
TABLES = ("interventions_point", "interventions_line", "interventions_polygon")
EDITS = 1200


@pytest.fixture(scope="module")
def big_master(tmp_path_factory, qgis_app):
    from gebiedsplugin.core.sample import generate_sample

    programme, _ = generate_sample(seed=5, interventions=1500)
    path = tmp_path_factory.mktemp("audit") / "master.gpkg"
    GpkgStore.create(path, programme.crs, programme)
    return path


def _all_images(path) -> dict:
    return {t: row_images(path, t) for t in TABLES}


def test_one_save_writes_exactly_the_expected_entries(big_master, tmp_path):
    path = tmp_path / "programme.gpkg"
    shutil.copy(big_master, path)
    before = _all_images(path)
    rows = {t: _sql(path, 'SELECT fid, uid, title, budget, row_version FROM "{}" ORDER BY fid'.format(t))
            for t in TABLES}
    first_audit = _sql(path, "SELECT coalesce(max(id), 0) FROM audit_log")[0][0]

    changes, updated = [], []
    for table in reversed(TABLES):  # points last: the last point rows are left for the cases below
        for fid, _uid, title, budget, version in rows[table]:
            if len(updated) < EDITS:
                changes.append(RowChange(table, UPDATE, fid, version,
                                         {"title": (title or "") + " é\"\\\t", "budget": (budget or 0) + 0.1}))
                updated.append((table, fid))
    point_rows = rows["interventions_point"]
    moved, same, gone = point_rows[-1], point_rows[-2], point_rows[-3]
    assert ("interventions_point", moved[0]) not in updated
    changes.append(RowChange("interventions_point", UPDATE, moved[0], moved[4], {}, geometry=shapely.Point(10, 20)))
    changes.append(RowChange("interventions_point", UPDATE, same[0], same[4], {"title": same[2]}))  # no change
    changes.append(RowChange("interventions_point", DELETE, gone[0], gone[4], {}))
    new_uid = str(uuid.uuid4())
    changes.append(RowChange("interventions_point", INSERT, values={
        "uid": new_uid, "title": "Nieuw speelveld", "domain": "physical", "kind": "intervention", "theme": "play",
        "start_year": 2027, "end_year": 2028, "budget": 12500.5}, geometry=shapely.Point(1, 2)))

    started = _sql(path, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")[0][0]
    save(GpkgStore(path), changes, PLANNER)
    ended = _sql(path, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")[0][0]
    after = _all_images(path)

    entries = _sql(path, "SELECT id, table_name, uid, row_fid, operation, changed_by, db_user, changed_at, "
                         "old_values, new_values, geometry_changed FROM audit_log WHERE id > ? ORDER BY id",
                   (first_audit,))
    got = {(e[1], e[3], e[4]): e for e in entries}
    assert len(got) == len(entries)  # one entry per changed row
    uids = {(t, fid): uid for t in TABLES for fid, uid, _, _, _ in rows[t]}
    new_fid = _sql(path, "SELECT fid FROM interventions_point WHERE uid = ?", (new_uid,))[0][0]

    expected = {}
    for table, fid in updated + [("interventions_point", moved[0])]:
        expected[(table, fid, "UPDATE")] = (uids[(table, fid)], before[table][fid], after[table][fid],
                                            1 if fid == moved[0] and table == "interventions_point" else 0)
    # the delete's old image: the row as marked just before it went (who, when, the negated next version)
    stamp = _sql(path, "SELECT modified_at FROM interventions_point WHERE fid = ?", (moved[0],))[0][0]
    marked = _sql(path, "SELECT json_set(?, '$.modified_at', ?, '$.modified_by', ?, '$.row_version', ?)",
                  (before["interventions_point"][gone[0]], stamp, PLANNER, -(gone[4] + 1)))[0][0]
    expected[("interventions_point", gone[0], "DELETE")] = (gone[1], marked, None, 0)
    expected[("interventions_point", new_fid, "INSERT")] = (new_uid, None, after["interventions_point"][new_fid], 0)
    assert set(got) == set(expected)  # the unchanged row has none

    for key, (uid, old, new, geometry_changed) in expected.items():
        entry = got[key]
        assert entry[2] == uid
        assert (entry[5], entry[6]) == (PLANNER, None)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", entry[7]) and started <= entry[7] <= ended
        assert entry[8] == old, key
        assert entry[9] == new, key
        assert entry[10] == geometry_changed, key
    # the new images hold what was planted (not only what the file now says)
    table, fid = updated[0]
    title, budget, version = next((r[2], r[3], r[4]) for r in rows[table] if r[0] == fid)
    new = _sql(path, "SELECT json_extract(?, '$.title'), json_extract(?, '$.budget'), "
                     "json_extract(?, '$.row_version'), json_extract(?, '$.modified_by')",
               (got[(table, fid, "UPDATE")][9],) * 4)[0]
    assert new == ((title or "") + " é\"\\\t", (budget or 0) + 0.1, version + 1, PLANNER)
