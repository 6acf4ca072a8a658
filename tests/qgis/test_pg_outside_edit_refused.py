"""A PostGIS programme table edited outside the plugin (a plain QGIS layer) is refused saying what happened
and what to do, as a GeoPackage's is (test_gpkg_outside_edit_refused.py): it said "was changed by X at Y
after you read it", misleading for a planner alone. A write with another wrong version is still named as
changed by someone else. What is stored is read with psycopg2, not through the code under test.
"""

from __future__ import annotations

import psycopg2
import pytest
from psycopg2 import sql
from qgis.core import QgsDataSourceUri, QgsFeature, QgsVectorLayer

from gebiedsplugin.qgis_io.store import migrate
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.test_gpkg_outside_edit_refused import HOW, commit_error
from tests.qgis.test_pg_check_kept import drop_kept
from tests.qgis.test_pg_check_parity import planted

TABLE = "interventions_point"


def _query(store, statement, params=None):
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(statement, params)
            out = cur.fetchall() if cur.description else None
        conn.commit()
        return out
    finally:
        conn.close()


def _state(store):
    table = sql.Identifier(store.schema_name, TABLE)
    return (_query(store, sql.SQL("SELECT fid, title, row_version FROM {} ORDER BY fid").format(table)),
            _query(store, sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(store.schema_name, "audit_log"))))


def _plain_layer(connection, store) -> QgsVectorLayer:
    uri = QgsDataSourceUri(connection)
    uri.setDataSource(store.schema_name, TABLE, "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "plain " + TABLE, "postgres")
    assert layer.isValid()
    return layer


@pytest.fixture()
def store(pg_connection, pg_schema):
    return PostgisStore.create(pg_connection, pg_schema, programme=planted())


def test_a_plain_layer_edit_says_it_did_not_come_through_the_plugin(pg_connection, store):
    before = _state(store)
    layer = _plain_layer(pg_connection, store)
    fid = min(f.id() for f in layer.getFeatures())
    assert layer.startEditing()
    assert layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), "Edited as a plain layer")
    errors = commit_error(layer)
    assert "This row was not changed: the change did not come through the plugin." in errors, errors
    assert HOW in errors and "after you read it" not in errors
    assert layer.startEditing() and layer.deleteFeature(fid)
    errors = commit_error(layer)
    assert "This row was not deleted: the delete did not come through the plugin." in errors and HOW in errors, errors
    assert layer.startEditing()
    new = QgsFeature(layer.fields())
    new["uid"], new["title"], new["row_version"] = "plain-layer-row", "Added as a plain layer", 0
    assert layer.addFeature(new)
    errors = commit_error(layer)
    assert "This row was not added: the new row did not come through the plugin." in errors and HOW in errors, errors
    assert _state(store) == before


def test_another_wrong_version_is_still_named_as_changed_by_someone(store):
    table = sql.Identifier(store.schema_name, TABLE)
    fid, version = _query(store, sql.SQL("SELECT fid, row_version FROM {} ORDER BY fid LIMIT 1").format(table))[0]
    with pytest.raises(psycopg2.Error) as refused:
        _query(store, sql.SQL("UPDATE {} SET title = 'x', row_version = %s WHERE fid = %s").format(table),
               (version + 5, fid))
    assert "after you read it" in str(refused.value) and "through the plugin" not in str(refused.value)


def test_a_current_programme_gets_the_texts_at_its_upgrade(store):
    """A programme made before these texts (its guard says 'after you read it' for an unchanged version)
    gets them with the check's tables (gebiedsplugin:upgrade_programme)."""
    table = sql.Identifier(store.schema_name, TABLE)
    guard = sql.Identifier(store.schema_name, "gebied_guard")
    source = _query(store, sql.SQL("SELECT prosrc FROM pg_proc WHERE oid = {}::regproc").format(
        sql.Literal("{}.gebied_guard".format(store.schema_name))))[0][0]
    start = source.index("    IF NEW.row_version IS NOT DISTINCT FROM OLD.row_version THEN")
    end = source.index("END IF;", start) + len("END IF;")
    _query(store, sql.SQL("CREATE OR REPLACE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS {}").format(
        guard, sql.Literal(source[:start] + source[end:])))  # the guard as before this change
    drop_kept(store)
    fid = _query(store, sql.SQL("SELECT min(fid) FROM {}").format(table))[0][0]
    unchanged = sql.SQL("UPDATE {} SET title = 'x' WHERE fid = %s").format(table)
    with pytest.raises(psycopg2.Error) as refused:
        _query(store, unchanged, (fid,))
    assert "after you read it" in str(refused.value)
    assert migrate.upgrade(store.path)["check_tables"]
    with pytest.raises(psycopg2.Error) as refused:
        _query(store, unchanged, (fid,))
    assert "did not come through the plugin" in str(refused.value) and HOW in str(refused.value)
