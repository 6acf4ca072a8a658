"""#18 items 4-5: a check-in reads and compares only the rows its copy's guards say may have changed
(store/offline_changes.py). It must do exactly what comparing every checked-out row did: the same
changes (rows, versions, values, geometries), the same conflicts, and on a GeoPackage the same
programme and audit_log afterwards. Planted in a copy of two districts: new rows, changed values, a
moved geometry, deletes, a row changed and changed back, a conflict, and a change in the shared
programme alone."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid

import pytest
import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.row_changes import BOOKKEEPING, DELETE, INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store import gpkg_sqlite
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.offline import check_in, check_out
from gebiedsplugin.qgis_io.store.offline_base import wkb
from gebiedsplugin.qgis_io.store.offline_changes import changed_keys
from gebiedsplugin.qgis_io.store.save import save
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

T = "interventions_point"
DISTRICTS = ["noord", "oost"]
_STAMPS = ("modified_at", "created_at")


def _rows(store, table=T) -> dict:
    rows, geoms, fids = store.read_table(table)
    return {r[schema.table(table).key]: (fid, r, g) for r, g, fid in zip(rows, geoms or [None] * len(rows), fids)}


def _plant(shared, copy) -> dict:
    """The area day's edits; what each planted row is, by name."""
    mine = _rows(copy)
    uids = sorted(u for u, (_, r, _) in mine.items() if r["district_id"] in DISTRICTS)
    titled, moved, gone, back, both, office = uids[:6]
    fid, row, geom = mine[titled]
    save(copy, [RowChange(T, UPDATE, fid, row["row_version"], {"title": "Offline title", "budget": 1234.5})], "Anna")
    fid, row, geom = mine[moved]
    save(copy, [RowChange(T, UPDATE, fid, row["row_version"], {},
                          shapely.Point(geom.x + 25.0, geom.y - 10.0))], "Anna")
    fid, row, _ = mine[gone]
    save(copy, [RowChange(T, DELETE, fid, row["row_version"])], "Anna")
    fid, row, _ = mine[back]  # changed and changed back: a new row_version, the same content
    save(copy, [RowChange(T, UPDATE, fid, row["row_version"], {"title": "for a moment"})], "Anna")
    save(copy, [RowChange(T, UPDATE, fid, row["row_version"] + 1, {"title": row["title"]})], "Anna")
    fid, row, _ = mine[both]
    save(copy, [RowChange(T, UPDATE, fid, row["row_version"], {"title": "Anna's title"})], "Anna")
    new_uid = str(uuid.uuid4())
    values = {k: v for k, v in mine[uids[6]][1].items() if k not in BOOKKEEPING + _STAMPS + ("created_by",)}
    values.update(uid=new_uid, title="Drawn offline")
    near = mine[uids[6]][2]
    save(copy, [RowChange(T, INSERT, values=values, geometry=shapely.Point(near.x + 5.0, near.y + 1.0)),
                RowChange("funding", INSERT, values={"intervention_uid": titled, "year": 2028, "funder": "province",
                                                     "amount": 777.0})], "Anna")
    funding = sorted((r["uid"], fid, r["row_version"]) for fid, r, _ in _rows(copy, "funding").values()
                     if r["intervention_uid"] in uids[7:])
    save(copy, [RowChange("funding", DELETE, funding[0][1], funding[0][2])], "Anna")
    theirs = _rows(shared)
    for uid, title in ((both, "Carla's title"), (office, "Carla at the office")):
        fid, row, _ = theirs[uid]
        save(shared, [RowChange(T, UPDATE, fid, row["row_version"], {"title": title})], "Carla")
    return {"titled": titled, "moved": moved, "gone": gone, "back": back, "both": both, "office": office,
            "new": new_uid, "funding_gone": funding[0][0]}


def _plan_rows(result) -> tuple:
    changes = [(c.table, c.op, c.fid, c.version, sorted(c.values.items(), key=repr),
                None if c.geometry is None else wkb(c.geometry), c.label) for c in result.plan.changes]
    conflicts = [(c.ident, c.kind, c.label, c.fields, c.decided) for c in result.plan.conflicts]
    return changes, conflicts, result.counts


def test_changed_rows_give_the_same_plan_as_comparing_every_row(programme_store, tmp_path):
    copy = GpkgStore(tmp_path / "anna.gpkg")
    check_out(programme_store, copy.path, DISTRICTS, planner="Anna")
    planted = _plant(programme_store, copy)
    found = changed_keys(copy.path, [T, "funding"])
    # The rows the guards name: the five changed, the one changed back, the new and the deleted ones; the
    # row changed only in the shared programme is not read from the copy.
    assert found[T] == {planted[k] for k in ("titled", "moved", "gone", "back", "both", "new")}
    assert planted["funding_gone"] in found["funding"] and len(found["funding"]) == 2
    decisions = {T + "/" + planted["both"]: "mine"}
    for choice in (None, decisions):
        old = check_in(copy.path, choice, planner="Anna", dry_run=True, compare_all=True)
        new = check_in(copy.path, choice, planner="Anna", dry_run=True)
        assert _plan_rows(new) == _plan_rows(old)
    # Independently of both paths: what was planted.
    assert new.counts == {INSERT: 2, UPDATE: 3, DELETE: 2}  # titled, moved, both (decided mine)
    assert [(c.key, c.kind) for c in new.plan.conflicts] == [(planted["both"], "both_changed")]
    updated = {c.values.get("title") for c in new.plan.changes if c.table == T and c.op == UPDATE}
    assert updated == {"Offline title", None, "Anna's title"}


def _state(path: str) -> dict:
    """Every versioned table's rows and the audit_log, straight from SQLite, timestamps left out."""
    conn = sqlite3.connect(path)
    out = {}
    try:
        for table in schema.VERSIONED_TABLES:
            cur = conn.execute('SELECT * FROM "{}" ORDER BY fid'.format(table))  # nosec B608 - schema names
            names = [d[0] for d in cur.description]
            out[table] = [{n: v for n, v in zip(names, r) if n not in _STAMPS} for r in cur]
        out["audit_log"] = []
        for row in conn.execute("SELECT table_name, uid, row_fid, operation, changed_by, old_values, new_values, "
                                "geometry_changed FROM audit_log ORDER BY id"):
            values = [{k: v for k, v in json.loads(j).items() if k not in _STAMPS} if j else None for j in row[5:7]]
            out["audit_log"].append(row[:5] + tuple(values) + row[7:])
    finally:
        conn.close()
    return out


def test_a_check_in_writes_the_same_programme_and_audit_as_comparing_every_row(sample_gpkg, tmp_path):
    shared = GpkgStore.open(sample_gpkg[0])
    copy = GpkgStore(tmp_path / "anna.gpkg")
    check_out(shared, copy.path, DISTRICTS, planner="Anna")
    planted = _plant(shared, copy)
    twin, twin_copy = tmp_path / "twin.gpkg", tmp_path / "twin_copy.gpkg"
    shutil.copy(shared.path, twin)
    shutil.copy(copy.path, twin_copy)
    decisions = {T + "/" + planted["both"]: "mine"}
    assert check_in(str(twin_copy), decisions, planner="Anna", target=str(twin), compare_all=True).written
    assert check_in(copy.path, decisions, planner="Anna").written
    after = _state(shared.path)
    assert after == _state(str(twin))
    # And what the planted edits say, read with SQL.
    conn = sqlite3.connect(shared.path)
    try:
        titles = dict(conn.execute("SELECT uid, title FROM interventions_point WHERE uid IN (?, ?, ?, ?, ?, ?)",
                                   [planted[k] for k in ("titled", "both", "office", "new", "gone", "back")]))
        gone = conn.execute("SELECT count(*) FROM funding WHERE uid = ?", (planted["funding_gone"],)).fetchone()[0]
        logged = conn.execute("SELECT operation, count(*) FROM audit_log WHERE changed_by = 'Anna' "
                              "GROUP BY operation ORDER BY operation").fetchall()
    finally:
        conn.close()
    assert titles[planted["titled"]] == "Offline title" and titles[planted["both"]] == "Anna's title"
    assert titles[planted["office"]] == "Carla at the office" and titles[planted["new"]] == "Drawn offline"
    assert planted["gone"] not in titles and gone == 0
    assert planted["back"] in titles
    assert logged == [("DELETE", 2), ("INSERT", 2), ("UPDATE", 3)]


def test_a_copy_without_its_guards_is_compared_row_by_row(sample_gpkg, tmp_path):
    """An edit made with the guards dropped keeps its row_version: only comparing every row finds it."""
    shared = GpkgStore.open(sample_gpkg[0])
    copy = GpkgStore(tmp_path / "anna.gpkg")
    check_out(shared, copy.path, DISTRICTS, planner="Anna")
    uid = sorted(u for u, (_, r, _) in _rows(copy).items() if r["district_id"] == "noord")[0]
    conn = gpkg_sqlite.connect(copy.path)  # with the GeoPackage's SQL functions its own triggers call
    try:
        conn.execute("BEGIN")
        for trigger in ("gebied_guard_update_", "gebied_audit_update_"):
            conn.execute("DROP TRIGGER " + trigger + T)
        conn.execute("UPDATE interventions_point SET title = 'by hand' WHERE uid = ?", (uid,))
        conn.execute("COMMIT")
    finally:
        conn.close()
    assert changed_keys(copy.path, [T]) is None
    result = check_in(copy.path, planner="Anna", dry_run=True)
    assert [(c.table, c.op, c.values) for c in result.plan.changes] == [(T, UPDATE, {"title": "by hand"})]


def test_a_district_check_out_takes_the_rows_sql_selects(sample_gpkg, tmp_path):
    """The check-out reads only the districts' rows and their interventions' children: the rows it records
    are the ones SQL on the shared file selects (district, period, parent)."""
    shared = GpkgStore.open(sample_gpkg[0])
    copy = tmp_path / "noord.gpkg"
    counts = check_out(shared, str(copy), ["noord"], 2026, 2028, planner="Anna")
    conn = sqlite3.connect(shared.path)
    expected = {}
    try:
        kept = "district_id = 'noord' AND coalesce(end_year, 0) >= 2026 AND coalesce(start_year, 0) <= 2028"
        uids = set()
        for table in schema.INTERVENTION_TABLES + schema.PROJECT_TABLES:
            key = schema.table(table).key
            found = {r[0] for r in conn.execute('SELECT "{}" FROM "{}" WHERE {}'.format(key, table, kept))}  # nosec B608
            expected[table] = found
            uids |= found if table in schema.INTERVENTION_TABLES else set()
        for table, column in (("funding", "intervention_uid"), ("effect_measurements", "intervention_uid"),
                              ("links", "from_uid")):
            expected[table] = {u for u, parent in conn.execute(
                'SELECT uid, "{}" FROM "{}"'.format(column, table)) if parent in uids}  # nosec B608
        for table in ("area_goals", "area_budgets"):
            expected[table] = {r[0] for r in conn.execute(
                'SELECT uid FROM "{}" WHERE district_id = ?'.format(table), ("noord",))}  # nosec B608
        for table in ("districts", "neighbourhoods", "settings"):
            key = schema.table(table).key
            expected[table] = {r[0] for r in conn.execute('SELECT "{}" FROM "{}"'.format(key, table))}  # nosec B608
    finally:
        conn.close()
    conn = sqlite3.connect(str(copy))
    try:
        recorded = {}
        for table, key in conn.execute("SELECT table_name, row_key FROM checkout_base"):
            recorded.setdefault(table, set()).add(key)
    finally:
        conn.close()
    assert recorded == {t: keys for t, keys in expected.items() if keys}
    assert counts == {t: len(expected[t]) for t in schema.VERSIONED_TABLES if expected.get(t)}
    assert list(counts) == [t for t in schema.VERSIONED_TABLES if expected.get(t)]  # in the tables' order


def test_the_check_out_algorithm_reports_progress_and_stops_when_cancelled(sample_gpkg, tmp_path, provider):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    shared = sample_gpkg[0]
    conn = sqlite3.connect(shared)
    before = conn.execute("SELECT key, value FROM schema_info ORDER BY key").fetchall()
    conn.close()
    copy = tmp_path / "noord.gpkg"
    seen = []
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda percent: (seen.append(percent), len(seen) == 2 and feedback.cancel()))
    with pytest.raises(QgsProcessingException, match="The check-out was cancelled; nothing was checked out."):
        processing.run("gebiedsplugin:check_out", {"PROGRAMME": str(shared), "DISTRICTS": "noord",
                                                   "OUTPUT": str(copy)}, feedback=feedback)
    assert seen[:2] == [20, 35] and not copy.exists()
    conn = sqlite3.connect(shared)
    assert conn.execute("SELECT key, value FROM schema_info ORDER BY key").fetchall() == before  # no programme_id
    conn.close()
    seen.clear()
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(seen.append)
    processing.run("gebiedsplugin:check_out", {"PROGRAMME": str(shared), "DISTRICTS": "noord", "OUTPUT": str(copy)},
                   feedback=feedback)
    assert copy.exists() and [p for p in seen if p in (20, 35, 80, 95)] == [20, 35, 80, 95]
