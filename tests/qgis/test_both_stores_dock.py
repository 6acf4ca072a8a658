"""The interventions dock on both stores: draw (derived district), edit, undo, delete, save, history."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QItemSelectionModel

from gebiedsplugin.gui.audit_dialog import AuditDialog
from gebiedsplugin.gui.feature_form import add_with_form
from gebiedsplugin.gui.intervention_table_model import KEY_ROLE
from gebiedsplugin.gui.interventions_dock import InterventionsDock
from gebiedsplugin.qgis_io.intervention_rows import ensure_editing
from tests.qgis import interventions_fixtures as fx
from tests.qgis.interventions_fixtures import FORM_VALUES, AnsweringPrompts, answer_form, capture
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

clean_settings = fx.clean_settings  # fixture


@pytest.fixture()
def open_dock(plugin, make_store, qgis_canvas, clean_settings):
    """A function programme -> (dock, store): the programme on the parametrised store, opened in the dock."""
    dock = next(d for d in plugin.docks if isinstance(d, InterventionsDock))
    dock.set_prompts(AnsweringPrompts())

    def open_(programme):
        store = make_store(programme, "town")
        plugin.controller.open(store.path)
        districts = plugin.controller.layer("districts")
        qgis_canvas.setDestinationCrs(districts.crs())
        qgis_canvas.setExtent(districts.extent())
        qgis_canvas.refresh()
        return dock, store

    yield open_
    for layer in plugin.controller.layers.values():
        if layer.isEditable():
            layer.rollBack()
    QgsProject.instance().clear()


def _saved(store) -> dict:
    """uid -> attrs of the saved interventions."""
    return {f.get("uid"): f.attrs for f in store.read_programme().interventions}


def _select(dock, key) -> None:
    for row in range(dock.proxy.rowCount()):
        index = dock.proxy.index(row, 0)
        if index.data(KEY_ROLE) == key:
            dock.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                              | QItemSelectionModel.SelectionFlag.Rows)
            return
    raise AssertionError("{} is not listed".format(key))


def test_draw_derives_district_and_saves(open_dock, qgis_iface, store_kind):
    dock, store = open_dock(fx.town_programme())
    layer = dock.draw.prepare("point")
    geometry = capture(qgis_iface.mapCanvas(), layer, "point", [(100200, 480500)])
    answer_form(FORM_VALUES)
    fid = add_with_form(qgis_iface, layer, geometry)
    feature = layer.getFeature(fid)
    assert feature["district_id"] == "west" and feature["neighbourhood_id"] == "west1"
    dock.watcher.flush()
    assert [r.title for r in dock.model.rows()] == ["New bench"]
    dock.save()
    assert dock.edits.last_error == "" and not layer.isEditable()
    saved = _saved(store)
    assert len(saved) == 1
    (attrs,) = saved.values()
    assert (attrs["title"], attrs["district_id"], attrs["start_year"]) == ("New bench", "west", 2026)
    assert attrs["created_by"] and attrs["modified_at"]


def test_edit_undo_delete_save(open_dock, store_kind):
    dock, store = open_dock(fx.stocked_programme())
    points = dock.controller.layer("interventions_point")
    fid = next(f.id() for f in points.getFeatures() if f["uid"] == "u1")
    assert ensure_editing(points)
    assert points.changeAttributeValue(fid, points.fields().indexFromName("title"), "Bench (moved)")
    tree = next(f.id() for f in points.getFeatures() if f["uid"] == "u5")
    _select(dock, ("interventions_point", tree))
    dock.delete_selected()
    dock.watcher.flush()
    assert "Tree" not in [r.title for r in dock.model.rows()]
    dock.undo()  # the point layer was the last one changed: the tree comes back
    dock.watcher.flush()
    assert "Tree" in [r.title for r in dock.model.rows()]
    dock.save()
    assert dock.edits.last_error == ""
    saved = _saved(store)
    assert saved["u1"]["title"] == "Bench (moved)" and "u5" in saved and len(saved) == 5
    assert saved["u1"]["modified_by"]
    dock.watcher.flush()
    _select(dock, ("interventions_point", next(f.id() for f in points.getFeatures() if f["uid"] == "u5")))
    dock.delete_selected()
    dock.save()
    assert set(_saved(store)) == {"u1", "u2", "u3", "u4"}


def test_history_of_the_selected_intervention(open_dock, store_kind):
    dock, store = open_dock(fx.stocked_programme())
    points = dock.controller.layer("interventions_point")
    fid = next(f.id() for f in points.getFeatures() if f["uid"] == "u1")
    assert ensure_editing(points)
    assert points.changeAttributeValue(fid, points.fields().indexFromName("budget"), 650.0)
    dock.save()
    _select(dock, ("interventions_point", fid))
    dock.show_history()
    asked = dock.prompts.asked[-1]
    assert asked[0] == "history" and asked[1] == "Bench"  # both stores keep an audit trail
    trail = asked[2]
    # A GeoPackage is filled before its triggers exist, so its creation is not in the trail.
    assert [e["operation"] for e in trail] == (["UPDATE"] if store_kind == "gpkg" else ["INSERT", "UPDATE"])
    rows = AuditDialog("Bench", trail).rows()
    assert rows[-1][2] == "Changed" and "Budget (EUR): 500 → 650" in rows[-1][3]
    assert rows[-1][1].startswith(trail[-1]["changed_by"])
