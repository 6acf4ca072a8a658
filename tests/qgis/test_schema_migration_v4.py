"""Schema 3 -> 4 on both stores, from fixtures made by the schema-3 code: each uid stays unique, in a form
QGIS does not read as a unique field (so its Add Feature no longer reads every uid); every row is kept, and
the upgraded programme has the layout of a fresh one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsFieldConstraints, QgsProject

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.loader import load_programme
from gebiedsplugin.qgis_io.store import migrate
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.gpkg_create import uid_index_sql
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.migration_checks import (
    assert_fresh_layout,
    assert_rows_kept,
    gpkg_layout,
    gpkg_rows,
    pg_rows,
    sqlite_rows,
)
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import postgis_source, restored_schema, run_on_server

FIXTURE_V3 = Path(__file__).resolve().parent.parent / "fixtures" / "programme_v3.gpkg"


def _no_unique_uid(store) -> bool:
    project = QgsProject()
    try:
        layers = load_programme(store, project)
        return not any(layers[t].fields().field("uid").constraints().constraints()
                       & QgsFieldConstraints.Constraint.ConstraintUnique for t in schema.UID_TABLES if t in layers)
    finally:
        project.clear()


def _uid_index_sql(path) -> dict:
    return dict(sqlite_rows(path, "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' "
                                  "AND name LIKE 'ux_%_uid'"))


def test_gpkg_v3_upgrades_to_uid_indexes_qgis_does_not_read_as_unique(tmp_path, qgis_app):
    path = tmp_path / "programma.gpkg"
    shutil.copy(FIXTURE_V3, path)
    before = gpkg_rows(path)
    assert all(text.endswith('("uid")') for text in _uid_index_sql(path).values())  # what schema 3 made
    result = migrate.upgrade(str(path))
    assert (result["from"], result["to"]) == (3, schema.SCHEMA_VERSION) and Path(result["backup"]).is_file()
    assert _uid_index_sql(path) == {t: uid_index_sql(t) for t in schema.UID_TABLES}
    fresh = GpkgStore.create(tmp_path / "nieuw.gpkg").path
    assert gpkg_layout(path)["objects"] == gpkg_layout(fresh)["objects"]
    assert_rows_kept(before, gpkg_rows(path))
    assert sqlite_rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert _no_unique_uid(open_store(str(path)))
    assert migrate.upgrade(str(path))["from"] == schema.SCHEMA_VERSION  # nothing more to do


@pytest.fixture()
def v3_schema(pg_connection, pg_schema, pg_extra_schemas):
    yield from restored_schema(pg_connection, pg_schema, pg_extra_schemas, 3)


def _uid_keys(cur, schema_name) -> dict:
    """table -> how its uid is kept unique: 'x' (exclusion constraint) or 'index' (a unique index)."""
    cur.execute("SELECT c.relname, k.contype FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND k.conname LIKE 'ux_%%_uid'",
                (schema_name,))
    out = dict(cur.fetchall())
    cur.execute("SELECT tablename FROM pg_indexes WHERE schemaname = %s AND indexname LIKE 'ux_%%_uid' "
                "AND indexdef LIKE 'CREATE UNIQUE INDEX%%'", (schema_name,))
    out.update({t: "index" for (t,) in cur.fetchall()})
    return out


def test_postgis_v3_upgrades_to_uid_exclusion_constraints(pg_connection, v3_schema, pg_extra_schemas):
    before = run_on_server(pg_connection, lambda cur: pg_rows(cur, v3_schema))
    keys = run_on_server(pg_connection, lambda cur: _uid_keys(cur, v3_schema))
    assert keys == {t: "index" for t in schema.UID_TABLES}
    result = migrate.upgrade(postgis_source(pg_connection, v3_schema))
    assert (result["from"], result["to"]) == (3, schema.SCHEMA_VERSION)
    assert run_on_server(pg_connection, lambda cur: _uid_keys(cur, v3_schema)) == {t: "x" for t in schema.UID_TABLES}
    assert_fresh_layout(pg_connection, v3_schema, pg_extra_schemas)
    after = run_on_server(pg_connection, lambda cur: pg_rows(cur, v3_schema))
    assert_rows_kept(before, after)
    assert _no_unique_uid(PostgisStore.open(pg_connection, v3_schema))
