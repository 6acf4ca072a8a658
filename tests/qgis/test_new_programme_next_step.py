"""A new, empty programme (qa4's walk: a blank map at 1:1 and no word of what comes next): the map shows its
CRS's area of use (RD New: the Netherlands), the message bar says districts come first and offers Import data…,
which opens the import dialog; districts imported are then shown on the map. A programme with districts gets no
such message."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QPushButton

from gebiedsplugin.gui.import_dialog import ImportDialog
from gebiedsplugin.gui.programme_actions import new_programme, use_programme
from tests.qgis.import_fixtures import DISTRICT_ROWS, write_vector
from tests.qgis.test_programme_actions import Answers


def next_steps(iface) -> list:
    return [item for item in iface.messageBar().items() if item.objectName() == "gebiedsplugin_next_step"]


def shown_lon_lat(canvas) -> QgsRectangle:
    """The map's extent in longitude and latitude."""
    back = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                  QgsProject.instance())
    return back.transformBoundingBox(canvas.extent())


def test_an_empty_programme_shows_its_area_and_says_districts_come_first(plugin, qgis_iface, tmp_path, sample_gpkg):
    canvas = qgis_iface.mapCanvas()
    canvas.resize(800, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:28992"))  # QGIS's: the project's, the first layer's
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    assert new_programme(qgis_iface, plugin.controller, Answers(str(tmp_path / "nieuw.gpkg")))
    items = next_steps(qgis_iface)
    assert len(items) == 1
    assert items[0].text() == "No districts yet: import them first."
    # The Netherlands (RD New's area of use, lon 3.2-7.3, lat 50.7-53.6), not 1:1 somewhere.
    shown = shown_lon_lat(canvas)
    assert shown.contains(QgsRectangle(3.5, 51.0, 7.0, 53.4)) and shown.height() < 6, shown.toString()

    buttons = items[0].findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["Import data…"]
    seen = []

    def close_dialog():
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(50, close_dialog)
            return
        seen.append(modal.objectName())
        modal.reject()

    QTimer.singleShot(50, close_dialog)
    buttons[0].click()  # the plugin's Import data… (modal until closed above)
    assert seen == ["gebiedsplugin_import_dialog"] and next_steps(qgis_iface) == []

    # Districts imported: shown on the map.
    dialog = ImportDialog(qgis_iface, plugin.controller)
    try:
        dialog.file.setFilePath(write_vector(tmp_path / "stadsdelen.geojson", DISTRICT_ROWS, "GeoJSON"))
        dialog.set_target("districts")
        assert dialog.run_import().written
    finally:
        dialog.deleteLater()
    shown = shown_lon_lat(canvas)
    assert shown.contains(QgsRectangle(5.371, 52.141, 5.399, 52.169)) and shown.height() < 0.1, shown.toString()

    # A programme with districts: no such message.
    assert use_programme(qgis_iface, plugin.controller.open, str(sample_gpkg[0]))
    assert next_steps(qgis_iface) == []
