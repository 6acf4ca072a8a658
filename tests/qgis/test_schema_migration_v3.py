"""Schema 2 -> 3 on both stores: the schema-2 fixtures (made by the schema-2 code of 7ad3a28) upgraded in
place equal a fresh programme, keep every row (counts and checksums of the old columns, read
straight from the database), leave the new columns empty, add table effect_measurements with the
same guards (row_version, audit) as every versioned table, and change nothing when the upgrade fails.
Run under scripts/with_postgis.sh for the PostGIS half."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.row_changes import INSERT, UPDATE, RowChange
from gebiedsplugin.core.value_lists import VALUE_LISTS
from gebiedsplugin.qgis_io.store import migrate
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from gebiedsplugin.qgis_io.store.save import SaveConflict, row_versions, save
from gebiedsplugin.qgis_io.store.schema_check import NeedsUpgrade
from gebiedsplugin.qgis_io.store.versions import V2_COLUMNS
from tests.qgis.migration_checks import (
    assert_fresh_layout,
    assert_rows_kept,
    gpkg_layout,
    gpkg_rows,
    pg_layout,
    pg_rows,
    sqlite_rows,
)
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import postgis_source, restored_schema, run_on_server

FIXTURE_V2 = Path(__file__).resolve().parent.parent / "fixtures" / "programme_v2.gpkg"
NEW_INTERVENTION_COLUMNS = ("start_quarter", "end_quarter", "indicative", "contact", "baseline_year")


def _new_codes() -> int:
    """Value-list codes of the current schema that the schema-2 fixture lacks (the upgrade appends them):
    the list `certainty` among them."""
    have = set(sqlite_rows(FIXTURE_V2, "SELECT list, code FROM value_lists"))
    return sum((name, code) not in have for name, codes in VALUE_LISTS.items() for code in codes)


GROWN = {"schema_info": 2}  # migrated_at and migrated_from


def _grown() -> dict:
    return dict(GROWN, value_lists=_new_codes())


def _checksums(rows: dict, grown: dict | None = None) -> dict:
    """table -> (row count, sha256 over every old column of every row in fid order), leaving out the
    rows *grown* says were appended; schema_info (the upgrade records itself there) is compared
    key by key in assert_rows_kept instead."""
    out = {}
    for table, table_rows in rows.items():
        if table == "schema_info":
            continue
        table_rows = table_rows[:len(table_rows) - (grown or {}).get(table, 0)]
        names = sorted(V2_COLUMNS.get(table, ())) + [c for c in ("fid", "geom") if table_rows and c in table_rows[0]]
        digest = hashlib.sha256()
        for row in table_rows:
            digest.update(repr([(n, row.get(n)) for n in names]).encode("utf-8"))
        out[table] = (len(table_rows), digest.hexdigest())
    return out


@pytest.fixture()
def v2_copy(tmp_path, qgis_app):
    target = tmp_path / "programma.gpkg"
    shutil.copy(FIXTURE_V2, target)
    return target


def test_the_v2_fixture_is_what_schema_2_made():
    assert dict(sqlite_rows(FIXTURE_V2, "SELECT key, value FROM schema_info"))["schema_version"] == "2"
    for table, names in V2_COLUMNS.items():
        found = [r[1] for r in sqlite_rows(FIXTURE_V2, "SELECT * FROM pragma_table_info(?)", (table,))]
        assert [n for n in found if n not in ("fid", "geom")] == list(names), table
    assert not sqlite_rows(FIXTURE_V2, "SELECT name FROM sqlite_master WHERE name = 'effect_measurements'")


def test_gpkg_v2_upgrades_losslessly_to_a_fresh_v3(v2_copy, tmp_path):
    before = gpkg_rows(FIXTURE_V2)
    audit_before = sqlite_rows(FIXTURE_V2, "SELECT * FROM audit_log ORDER BY id")
    with pytest.raises(NeedsUpgrade) as refused:
        GpkgStore.open(v2_copy)
    assert refused.value.found == 2

    result = migrate.upgrade(str(v2_copy))
    assert (result["from"], result["to"]) == (2, schema.SCHEMA_VERSION) and Path(result["backup"]).is_file()
    store = GpkgStore.open(v2_copy)
    assert store.schema_info()["migrated_from"] == "2"

    fresh = GpkgStore.create(tmp_path / "nieuw.gpkg").path
    upgraded, new = gpkg_layout(v2_copy), gpkg_layout(fresh)
    assert upgraded["objects"] == new["objects"]  # tables, indexes, GDAL's and the guard triggers
    assert upgraded["columns"] == new["columns"]
    assert upgraded["contents"] == new["contents"]

    after = gpkg_rows(v2_copy)
    assert_rows_kept(before, after)
    old_tables = {t: r for t, r in after.items() if t in before}
    grown = _grown()
    assert grown["value_lists"] >= 2  # certain, possible
    assert _checksums(old_tables, grown) == _checksums(before)  # every old column, fid by fid
    assert {t: len(r) for t, r in old_tables.items()} == {t: len(r) + grown.get(t, 0) for t, r in before.items()}
    triggers = {name for kind, name in upgraded["objects"] if kind == "trigger"}

    def on(table):  # the triggers of *table*, its name taken out
        return {n[:-len(table)] for n in triggers if n.endswith("_" + table)}

    assert on("effect_measurements") and on("effect_measurements") == on("funding")  # guards, audit, GDAL's
    assert after["effect_measurements"] == []
    for table in schema.INTERVENTION_TABLES:
        assert all(row[c] is None for row in after[table] for c in NEW_INTERVENTION_COLUMNS), table
    assert all(row["certainty"] is None for row in after["findings"])
    codes = set(sqlite_rows(v2_copy, "SELECT code FROM value_lists WHERE list = 'certainty'"))
    assert codes == {("certain",), ("possible",)}
    assert sqlite_rows(v2_copy, "SELECT * FROM audit_log ORDER BY id") == audit_before  # the trail is kept, unchanged
    assert gpkg_rows(result["backup"]) == before
    assert sqlite_rows(v2_copy, "PRAGMA integrity_check") == [("ok",)]
    again = migrate.upgrade(str(v2_copy))
    assert again["from"] == again["to"] == schema.SCHEMA_VERSION and again["backup"] is None


def test_a_failed_gpkg_upgrade_changes_nothing_and_leaves_no_backup(v2_copy, tmp_path):
    # A view called like the new table: step 3 cannot create the table, half-way through the upgrade.
    conn = sqlite3.connect(str(v2_copy))
    conn.execute("CREATE VIEW effect_measurements AS SELECT 1 AS x")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(v2_copy.read_bytes()).hexdigest()
    with pytest.raises(Exception, match="effect_measurements"):
        migrate.upgrade(str(v2_copy))
    assert hashlib.sha256(v2_copy.read_bytes()).hexdigest() == digest
    assert not list(tmp_path.glob("*_v2_backup_*"))


def _measurement_guards(store) -> None:
    """Insert, update and a stale update of a measurement through the plugin's save, as planners would."""
    uid = store.read_table("interventions_point")[0][0]["uid"]
    save(store, [RowChange("effect_measurements", INSERT, values={
        "intervention_uid": uid, "year": 2025, "value": 41.5, "row_version": 1})], "Anna")
    rows, _, fids = store.read_table("effect_measurements")
    (row,), (fid,) = rows, fids
    assert row["row_version"] == 1 and len(row["uid"]) == 36 and row["modified_by"] == "Anna"
    read = row_versions(store, "effect_measurements")[fid]
    save(store, [RowChange("effect_measurements", UPDATE, fid, read, {"value": 44.0}, label="2025")], "Anna")
    with pytest.raises(SaveConflict) as stale:  # Bert read version 1 too
        save(store, [RowChange("effect_measurements", UPDATE, fid, read, {"value": 39.0}, label="2025")], "Bert")
    assert "Anna" in str(stale.value)
    assert store.read_table("effect_measurements")[0][0]["value"] == 44.0
    trail = store.audit_trail(table="effect_measurements")
    assert [(t["operation"], t["changed_by"]) for t in trail] == [("INSERT", "Anna"), ("UPDATE", "Anna")]
    assert trail[1]["old"]["value"] == 41.5 and trail[1]["new"]["value"] == 44.0


def test_gpkg_guards_on_the_new_table_after_the_upgrade(v2_copy):
    migrate.upgrade(str(v2_copy), backup=False)
    store = GpkgStore.open(v2_copy)
    _measurement_guards(store)
    # Whatever writes the file: the database itself refuses a write that does not bump row_version.
    conn = sqlite3.connect(str(v2_copy))
    try:
        with pytest.raises(sqlite3.IntegrityError, match="the change did not come through the plugin"):
            conn.execute("UPDATE effect_measurements SET value = 1")
    finally:
        conn.close()


# --- PostGIS -------------------------------------------------------------------------------------
@pytest.fixture()
def v2_schema(pg_connection, pg_schema, pg_extra_schemas):
    yield from restored_schema(pg_connection, pg_schema, pg_extra_schemas, 2)


def _audit(cur, schema_name):
    cur.execute(sql.SQL("SELECT * FROM {} ORDER BY id").format(sql.Identifier(schema_name, "audit_log")))
    return cur.fetchall()


def test_postgis_v2_upgrades_losslessly_to_a_fresh_v3(pg_connection, v2_schema, pg_extra_schemas):
    before = run_on_server(pg_connection, lambda cur: pg_rows(cur, v2_schema))
    audit_before = run_on_server(pg_connection, lambda cur: _audit(cur, v2_schema))
    assert "effect_measurements" not in before
    with pytest.raises(NeedsUpgrade):
        PostgisStore.open(pg_connection, v2_schema)

    result = migrate.upgrade(postgis_source(pg_connection, v2_schema))
    assert (result["from"], result["to"]) == (2, schema.SCHEMA_VERSION)
    assert result["backup"].startswith(v2_schema + "_v2_backup_")
    assert PostgisStore.open(pg_connection, v2_schema).schema_info()["migrated_from"] == "2"

    upgraded = assert_fresh_layout(pg_connection, v2_schema, pg_extra_schemas)
    on = {t: {name for table, name in upgraded["triggers"] if table == t} for t in ("effect_measurements", "funding")}
    kept = {name for name in on["funding"] if name.startswith("gebied_check_")}  # check_funding's (pg_check_funding)
    assert on["effect_measurements"] and on["effect_measurements"] == on["funding"] - kept  # the same guards and audit
    assert kept

    after = run_on_server(pg_connection, lambda cur: pg_rows(cur, v2_schema))
    assert_rows_kept(before, after)
    old_tables = {t: r for t, r in after.items() if t in before}
    grown = _grown()
    grown["schema_info"] += 1  # check_tables: the in-database check's kept tables (store/pg_check_tables.py)
    assert _checksums(old_tables, grown) == _checksums(before)
    assert {t: len(r) for t, r in old_tables.items()} == {t: len(r) + grown.get(t, 0) for t, r in before.items()}
    assert after["effect_measurements"] == []
    for table in schema.INTERVENTION_TABLES:
        assert all(row[c] is None for row in after[table] for c in NEW_INTERVENTION_COLUMNS), table
    assert run_on_server(pg_connection, lambda cur: _audit(cur, v2_schema)) == audit_before
    assert run_on_server(pg_connection, lambda cur: pg_rows(cur, result["backup"])) == before


def test_a_failed_postgis_upgrade_changes_nothing_and_leaves_no_backup(pg_connection, v2_schema):
    run_on_server(pg_connection, lambda cur: cur.execute(sql.SQL("CREATE VIEW {} AS SELECT 1 AS x").format(
        sql.Identifier(v2_schema, "effect_measurements"))))
    before = run_on_server(pg_connection, lambda cur: (pg_layout(cur, v2_schema), pg_rows(cur, v2_schema)))
    with pytest.raises(ProgrammeError, match="nothing was changed"):
        migrate.upgrade(postgis_source(pg_connection, v2_schema))
    assert run_on_server(pg_connection, lambda cur: (pg_layout(cur, v2_schema), pg_rows(cur, v2_schema))) == before
    backups = run_on_server(pg_connection, lambda cur: (cur.execute(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", (v2_schema + "_v2_backup_%",)), cur.fetchall())[1])
    assert backups == []
    info = run_on_server(pg_connection, lambda cur: (
        cur.execute(sql.SQL("SELECT value FROM {} WHERE key = 'schema_version'").format(
            sql.Identifier(v2_schema, "schema_info"))), cur.fetchone())[1])
    assert info == ("2",)


def test_postgis_guards_on_the_new_table_after_the_upgrade(pg_connection, v2_schema):
    import psycopg2

    migrate.upgrade(postgis_source(pg_connection, v2_schema), backup=False)
    _measurement_guards(PostgisStore.open(pg_connection, v2_schema))

    def raw_stale(cur):
        with pytest.raises(psycopg2.errors.SerializationFailure, match="refused"):
            cur.execute(sql.SQL("UPDATE {} SET value = 1").format(sql.Identifier(v2_schema, "effect_measurements")))

    conn = PostgisStore(pg_connection, "public").connect()
    try:
        with conn.cursor() as cur:
            raw_stale(cur)
        conn.rollback()
    finally:
        conn.close()


def test_processing_upgrades_a_v2_programme(provider, v2_copy, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="upgrade_programme"):
        processing.run("gebiedsplugin:check_programme", {"PROGRAMME": str(v2_copy)})
    result = processing.run("gebiedsplugin:upgrade_programme", {"PROGRAMME": str(v2_copy), "BACKUP": True})
    assert Path(result["BACKUP_COPY"]).name.startswith("programma_v2_backup_")
    version = sqlite_rows(v2_copy, "SELECT value FROM schema_info WHERE key = 'schema_version'")
    assert version == [(str(schema.SCHEMA_VERSION),)]
    check = processing.run("gebiedsplugin:check_programme", {"PROGRAMME": str(v2_copy)})  # opens and checks now
    assert check["COUNTS"]
