"""A save refused for an empty mandatory field names the intervention and the field (its alias in the
user's language), not SQLite's "NOT NULL constraint failed: interventions_point.kind"."""

from __future__ import annotations

import sqlite3

from gebiedsplugin.core.row_changes import INSERT, RowChange
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.edit_session import session_of
from gebiedsplugin.qgis_io.store.save import missing_message, missing_values


def _stored(path, fid):
    with sqlite3.connect(str(path)) as conn:
        return conn.execute("SELECT title, kind, uid FROM interventions_point WHERE fid = ?", (fid,)).fetchone()


def test_an_empty_kind_is_refused_naming_title_and_field(plugin, sample_gpkg, qgis_iface):
    path, _ = sample_gpkg
    assert use_programme(qgis_iface, plugin.controller.open, str(path))
    layer = plugin.controller.layer("interventions_point")
    fid = min(f.id() for f in layer.getFeatures())
    title, kind, uid = _stored(path, fid)
    assert kind is not None
    layer.startEditing()
    assert layer.changeAttributeValue(fid, layer.fields().indexOf("kind"), None)
    session = session_of(layer)
    assert not session.save()
    error = session.last_error
    assert "“{}".format(title) in error and "Kind" in error and "NOT NULL" not in error, error
    assert _stored(path, fid) == (title, kind, uid)  # nothing written
    assert layer.isModified()  # the edit waits in the buffer
    layer.rollBack()


def test_a_new_row_without_mandatory_values_names_them_in_dutch():
    change = RowChange("interventions_point", INSERT, values={"title": "Nieuwe bank", "uid": "u-1"},
                       label="Nieuwe bank")
    missing = missing_values([change], "Anna", "2026-12-07T00:00:00Z")
    assert [(c.label, "kind" in names, "title" in names) for c, names in missing] == [("Nieuwe bank", True, False)]
    text = missing_message(missing, "nl")
    assert "Nieuwe bank, u-1" in text and "Soort" in text and "Kind" not in text, text
