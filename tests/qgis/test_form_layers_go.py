"""An intervention's form open while its programme goes (another programme opened, the project
cleared): the form is rejected and deleted while its layers still exist, and the draw tool's call
returns nothing. Before, QGIS only closed the dialog: deleted later, after the layers its relation
editors hold, it crashed QGIS at times (the qgis lane saw it), and the draw tool's code went on with
the deleted layer (a Python error, seen in the real desktop)."""

from __future__ import annotations

import shutil

import pytest
from qgis.core import QgsProject
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

from gebiedsplugin.gui.feature_form import add_with_form, edit_with_form, make_dialog
from tests.qgis.gui_helpers import pump

TABLE = "interventions_polygon"


def _open(plugin, sample_gpkg):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(TABLE)
    return layer, next(layer.getFeatures())


def _other(sample_gpkg, tmp_path) -> str:
    other = tmp_path / "other.gpkg"
    shutil.copy(sample_gpkg[0], other)
    return str(other)


def _forms() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "gebiedsplugin_feature_form"]


def test_an_open_form_is_deleted_before_its_layers_when_another_programme_opens(plugin, qgis_iface, sample_gpkg,
                                                                                 tmp_path):
    layer, feature = _open(plugin, sample_gpkg)
    layer.startEditing()
    dialog = make_dialog(qgis_iface, layer, feature, add=False)
    dialog.show()
    pump()
    seen = {}
    funding = plugin.controller.layer("funding")
    funding.willBeDeleted.connect(lambda: seen.setdefault("form_alive", not sip.isdeleted(dialog)))
    plugin.controller.open(_other(sample_gpkg, tmp_path))
    assert sip.isdeleted(layer)  # the first programme's layers are gone
    assert sip.isdeleted(dialog)
    assert seen.get("form_alive") is False  # already deleted when the first of its layers went
    pump()


def test_an_open_form_is_deleted_when_the_project_is_cleared(plugin, qgis_iface, sample_gpkg):
    layer, feature = _open(plugin, sample_gpkg)
    layer.startEditing()
    dialog = make_dialog(qgis_iface, layer, feature, add=False)
    dialog.show()
    pump()
    QgsProject.instance().clear()
    assert sip.isdeleted(dialog)
    pump()


def test_a_form_closed_and_left_to_deletelater_goes_before_its_layers(plugin, qgis_iface, sample_gpkg):
    """test_overview_progress's case: rejected, deleteLater() pending, then the layers removed."""
    layer, feature = _open(plugin, sample_gpkg)
    dialog = make_dialog(qgis_iface, layer, feature, add=False)
    dialog.show()
    pump()
    dialog.reject()
    dialog.deleteLater()  # not yet processed
    QgsProject.instance().removeMapLayers([lyr.id() for lyr in plugin.controller.layers.values()])
    assert sip.isdeleted(dialog)
    pump()


@pytest.fixture()
def while_open():
    """start(action): run *action* once the form is open (its exec() running); reject any form still open
    5 s later. The timers stop with the test: left running, the rejection closed a later test's form
    (test_form_key_hidden saw no editors at times)."""
    timers = []

    def start(action, seconds_left: float = 5.0) -> None:
        for msec, fn in ((300, action),
                         (int(seconds_left * 1000), lambda: [f.reject() for f in _forms() if f.isVisible()])):
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(fn)
            timer.start(msec)
            timers.append(timer)

    yield start
    for timer in timers:
        timer.stop()


def test_the_draw_tools_form_returns_nothing_when_its_programme_goes(plugin, qgis_iface, sample_gpkg, tmp_path,
                                                                      while_open):
    layer, feature = _open(plugin, sample_gpkg)
    other = _other(sample_gpkg, tmp_path)
    while_open(lambda: plugin.controller.open(other))
    assert add_with_form(qgis_iface, layer, feature.geometry()) is None
    assert sip.isdeleted(layer) and not [f for f in _forms() if not sip.isdeleted(f)]
    assert plugin.controller.layer(TABLE).featureCount() == layer_count(other)


def test_the_edit_form_returns_not_accepted_when_the_project_is_cleared(plugin, qgis_iface, sample_gpkg, while_open):
    layer, feature = _open(plugin, sample_gpkg)
    while_open(QgsProject.instance().clear)
    assert edit_with_form(qgis_iface, layer, feature.id()) is False
    assert not [f for f in _forms() if not sip.isdeleted(f)]


def layer_count(path: str) -> int:
    import sqlite3

    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM {}".format(TABLE)).fetchone()[0]
