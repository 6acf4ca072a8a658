"""A programme GeoPackage edited outside the plugin is refused with a text that says what happened and what to do.

A planner opens a programme table as a plain QGIS layer (Browser, Add Layer), changes a value and
saves: QGIS's commit error carries the database's refusal, which said "stale row_version, someone
else saved this row" (misleading for a planner alone on an offline copy). Now it says the row was
not changed, that the change did not come through the plugin, and how to edit instead. The plugin's
own stale save is still refused by the plugin, naming who saved meanwhile. What is stored is read
with sqlite3, not through the code under test.
"""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsFeature, QgsVectorLayer

from gebiedsplugin.core.row_changes import UPDATE, RowChange
from gebiedsplugin.qgis_io.edit_session import session_of
from gebiedsplugin.qgis_io.store import gpkg_guards, gpkg_sqlite
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.save import SaveConflict, save
from tests.qgis.planner_sessions import Session

TABLE = "interventions_point"
HOW = "Open the programme with Area programme > Open programme… and edit it in its layers there"
# The update guard as programmes made before this change have it (main d433b1e).
OLD_UPDATE_GUARD = (
    'CREATE TRIGGER "gebied_guard_update_{t}" BEFORE UPDATE ON "{t}" WHEN NEW."row_version" IS NOT '
    'abs(coalesce(OLD."row_version", 0)) + 1 AND NEW."row_version" IS NOT -(abs(coalesce(OLD."row_version", 0)) + 1) '
    "BEGIN SELECT RAISE(ABORT, 'gebiedsplugin:refused: stale row_version, someone else saved this row after you "
    "read it'); END")


def _row(path, fid: int) -> tuple:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute('SELECT title, row_version, modified_by FROM "{}" WHERE fid = ?'.format(TABLE),
                            (fid,)).fetchone()
    finally:
        conn.close()


def _audit_count(path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()


def _plain_layer(path) -> QgsVectorLayer:
    layer = QgsVectorLayer("{}|layername={}".format(path, TABLE), "plain " + TABLE, "ogr")
    assert layer.isValid()
    return layer


def commit_error(layer) -> str:
    assert not layer.commitChanges(False)
    errors = " ".join(layer.commitErrors())
    layer.rollBack()
    return errors


@pytest.fixture()
def programme(sample_gpkg):
    path = sample_gpkg[0]
    conn = sqlite3.connect(str(path))
    fid = conn.execute('SELECT min(fid) FROM "{}"'.format(TABLE)).fetchone()[0]
    conn.close()
    return path, fid


def test_a_plain_layer_edit_says_it_did_not_come_through_the_plugin(programme):
    path, fid = programme
    before, audited = _row(path, fid), _audit_count(path)
    layer = _plain_layer(path)
    assert layer.startEditing()
    assert layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), "Edited as a plain layer")
    errors = commit_error(layer)
    assert "This row was not changed: the change did not come through the plugin." in errors, errors
    assert HOW in errors and "someone else" not in errors
    assert layer.startEditing() and layer.deleteFeature(fid)
    errors = commit_error(layer)
    assert "This row was not deleted: the delete did not come through the plugin." in errors and HOW in errors, errors
    assert layer.startEditing()
    new = QgsFeature(layer.fields())
    new["uid"], new["title"] = "plain-layer-row", "Added as a plain layer"
    assert layer.addFeature(new)
    errors = commit_error(layer)
    assert "This row was not added: the new row did not come through the plugin." in errors and HOW in errors, errors
    assert _row(path, fid) == before and _audit_count(path) == audited
    conn = sqlite3.connect(str(path))
    added = conn.execute('SELECT count(*) FROM "{}" WHERE uid = ?'.format(TABLE), ("plain-layer-row",)).fetchone()
    assert added == (0,)
    conn.close()


def test_a_versioned_write_with_an_old_version_is_still_called_stale(programme):
    path, fid = programme
    _, read, _ = _row(path, fid)
    save(GpkgStore.open(path), [RowChange(TABLE, UPDATE, fid, read, {"title": "Anna's"})], planner="Anna")
    conn = gpkg_sqlite.connect(str(path))  # with the SQL functions GDAL's R-tree triggers call
    try:  # a program that keeps row_version, writing the next version of what it read before Anna saved
        with pytest.raises(sqlite3.IntegrityError) as refused:
            conn.execute('UPDATE "{}" SET title = ?, row_version = ? WHERE fid = ?'.format(TABLE),
                         ("late", read, fid))
    finally:
        conn.close()
    assert "the row_version written is not the next one (someone else saved the row after it was read)" \
        in str(refused.value)
    assert _row(path, fid) == ("Anna's", read + 1, "Anna")


def test_a_stale_save_by_the_plugin_is_refused_by_the_plugin_naming_who(programme):
    path, fid = programme
    store = GpkgStore.open(path)
    _, read, _ = _row(path, fid)
    save(store, [RowChange(TABLE, UPDATE, fid, read, {"title": "Anna's"})], planner="Anna")
    with pytest.raises(SaveConflict) as refused:
        save(store, [RowChange(TABLE, UPDATE, fid, read, {"title": "Bert's"})], planner="Bert")
    message = str(refused.value)
    assert "was changed by Anna at" in message and "(you read version {}, it is now {})".format(read, read + 1) \
        in message, message
    assert "gebiedsplugin:refused" not in message
    assert _row(path, fid) == ("Anna's", read + 1, "Anna")


def test_qgis_save_of_a_plugin_layer_after_the_plugin_refused_it(programme, qgis_iface):
    """The plugin's message names who; QGIS's own commit error (the guard's) points to it."""
    path, fid = programme
    anna, bert = Session(qgis_iface, str(path), "Anna"), Session(qgis_iface, str(path), "Bert")
    try:
        bert.read(TABLE)
        anna.set(TABLE, fid, "title", "Anna's")
        assert anna.save(), anna.error
        bert.set(TABLE, fid, "title", "Bert's")
        assert not bert.layer.commitChanges(False)  # QGIS's own Save
        refusal = session_of(bert.layer).last_error
        assert "was changed by Anna at" in refusal, refusal
        errors = " ".join(bert.layer.commitErrors())
        assert "If the plugin has just refused your save, its own message says why." in errors, errors
        assert bert.layer.isModified()  # Bert's edit is still in the buffer
    finally:
        anna.close()
        bert.close()
    assert _row(path, fid)[0] == "Anna's"


def test_a_programme_made_before_gets_the_new_texts_at_the_next_save(programme):
    path, fid = programme
    conn = sqlite3.connect(str(path))
    for table in ("districts", TABLE):  # refresh() looks at the first versioned table's guard
        conn.execute('DROP TRIGGER "gebied_guard_update_{}"'.format(table))
        conn.execute(OLD_UPDATE_GUARD.format(t=table))
    conn.commit()
    conn.close()
    layer = _plain_layer(path)
    assert layer.startEditing()
    assert layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), "Plain")
    assert "stale row_version, someone else saved this row" in commit_error(layer)
    _, read, _ = _row(path, fid)
    save(GpkgStore.open(path), [RowChange("settings", UPDATE, 1, None, {"value": "x"})], planner="Anna")
    conn = sqlite3.connect(str(path))
    texts = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'gebied_%'"))
    conn.close()
    assert set(gpkg_guards.trigger_names()) <= set(texts)
    assert all(gpkg_guards.MARK in texts[n] for n in gpkg_guards.trigger_names() if "_guard_" in n)
    assert layer.startEditing()
    assert layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), "Plain")
    assert "the change did not come through the plugin" in commit_error(layer)
    assert _row(path, fid)[1] == read
