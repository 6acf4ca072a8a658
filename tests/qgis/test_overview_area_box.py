"""The Overview's area box keeps room for a district's name however narrow the dock (quality walk): beside
the two years and the Dossier button it showed "Gemeent" for "Gemeente Voorbeeldstad"."""

from __future__ import annotations


def test_the_area_box_shows_a_name_at_the_docks_narrowest(plugin, sample_gpkg, qgis_app):
    plugin.controller.open(str(sample_gpkg[0]))
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_overview_dock")
    dock.reload()
    dock.setFloating(True)  # a window of its own, laid out at the size the test gives it
    dock.resize(100, 600)  # Qt gives it its minimum width
    dock.show()
    qgis_app.processEvents()
    try:
        room = dock.district.fontMetrics().horizontalAdvance("Gemeente Voor")  # a name read at a glance
        assert dock.district.width() >= room, (dock.district.width(), room)
        assert dock.dossier_button.width() >= dock.dossier_button.sizeHint().width()
    finally:
        dock.hide()
        dock.setFloating(False)
