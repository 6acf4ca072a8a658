"""QGIS quitting: the programme layers leave the project while QGIS's window still stands (QGIS 3.44
crashed on signal 11 when they were left for its own clean-up)."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from gebiedsplugin.gui.programme_actions import use_programme


def test_quit_takes_out_every_programme_and_nothing_else(plugin, sample_gpkg, tmp_path, qgis_iface):
    project = QgsProject.instance()
    path, _ = sample_gpkg
    assert use_programme(qgis_iface, plugin.controller.open, str(path))
    layer = plugin.controller.layer("interventions_point")
    layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("title"), "Unsaved")
    plugin.controller.create(str(tmp_path / "other.gpkg"))  # not asked first (use_programme would ask): kept
    own = QgsVectorLayer("Point?crs=EPSG:28992", "the planner's own layer", "memory")
    project.addMapLayer(own)
    assert len(project.layerTreeRoot().findGroups()) == 2  # the old programme kept for its unsaved edit

    plugin.controller.release_layers()

    assert list(project.mapLayers().values()) == [own]
    assert project.layerTreeRoot().findGroups() == []
    assert plugin.controller.store is None and plugin.controller.layers == {}
    project.removeMapLayer(own.id())


def test_release_runs_on_about_to_quit_until_unload(plugin):
    app = QCoreApplication.instance()
    before = app.receivers(app.aboutToQuit)
    assert before >= 1
    plugin.controller.disconnect_project()
    assert app.receivers(app.aboutToQuit) == before - 1  # unload lets go of the application too
    plugin.controller = None  # disconnected already: the fixture's unload skips it
